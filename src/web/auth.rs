//! Who is calling: a session cookie (set by sign-in) or an `Authorization: Bearer` token.
//! `CurrentUser` is the caller if any; `Staff` insists on an organizer or admin (401 when
//! anonymous, 403 otherwise).

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use crate::accounts::{Language, Role, service};
use crate::app::AppState;
use crate::error::AppError;

pub const SESSION_COOKIE: &str = "roundtable_session";

/// A signed-in account.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The language the account prefers, if it chose one.
    pub language: Option<Language>,
}

impl Actor {
    pub fn is_staff(&self) -> bool {
        self.role.is_staff()
    }
}

/// The caller, when signed in.
pub struct CurrentUser(pub Option<Actor>);

impl CurrentUser {
    pub fn is_staff(&self) -> bool {
        self.0.as_ref().is_some_and(Actor::is_staff)
    }

    /// The caller, or 401.
    pub fn require(self) -> Result<Actor, AppError> {
        self.0.ok_or(AppError::Unauthorized)
    }
}

/// An organizer or admin.
pub struct Staff(pub Actor);

/// The value of a cookie of a request, if it has one.
pub fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// The session cookie's value in a request, if any.
pub fn session_cookie(parts: &Parts) -> Option<String> {
    cookie(&parts.headers, SESSION_COOKIE)
}

fn bearer_token(parts: &Parts) -> Option<Result<String, AppError>> {
    let value = parts.headers.get(header::AUTHORIZATION)?;
    let token = value
        .to_str()
        .ok()
        .and_then(|text| {
            let (scheme, token) = text.split_once(' ')?;
            scheme
                .eq_ignore_ascii_case("bearer")
                .then(|| token.trim().to_string())
        })
        .filter(|token| !token.is_empty());
    Some(token.ok_or(AppError::Unauthorized))
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(cached) = parts.extensions.get::<Option<Actor>>() {
            return Ok(Self(cached.clone()));
        }
        // A bearer token that is present but wrong is refused rather than ignored:
        // a program with a revoked token should hear so, not silently read as anonymous.
        let actor = match bearer_token(parts) {
            Some(token) => Some(
                service::from_token(&state.db, &token?)
                    .await?
                    .ok_or(AppError::Unauthorized)?,
            ),
            None => match session_cookie(parts) {
                Some(secret) => service::from_session(&state.db, &secret).await?,
                None => None,
            },
        };
        parts.extensions.insert(actor.clone());
        Ok(Self(actor))
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let actor = CurrentUser::from_request_parts(parts, state)
            .await?
            .require()?;
        if !actor.is_staff() {
            return Err(AppError::Forbidden(
                "only organizers and admins may do this".into(),
            ));
        }
        Ok(Self(actor))
    }
}
