//! Sign-in and sign-out for programs and pages alike: a server-side session behind an
//! HttpOnly cookie.

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Role, service};
use crate::app::AppState;
use crate::error::{AppError, AppResult, FieldErrors, Problem};
use crate::web::auth::{SESSION_COOKIE, session_cookie};
use crate::web::{ApiJson, CurrentUser};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: Option<String>,
    pub password: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// Builds the `Set-Cookie` value of a session (or of its removal when `secret` is None).
pub fn session_cookie_header(state: &AppState, secret: Option<&str>) -> HeaderValue {
    let secure = if state.settings.server.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = match secret {
        Some(secret) => format!(
            "{SESSION_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            state.settings.server.session_hours * 3600
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Sign in; sets the session cookie.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "accounts",
    request_body = LoginRequest,
    responses((status = 204, description = "Signed in; the session cookie is set"),
        (status = 401, body = Problem, description = "Email or password is incorrect"),
        (status = 422, body = Problem)))]
async fn login(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<LoginRequest>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let email = body.email.filter(|e| !e.trim().is_empty());
    let password = body.password.filter(|p| !p.is_empty());
    if email.is_none() {
        errors.add("email", "is required");
    }
    if password.is_none() {
        errors.add("password", "is required");
    }
    errors.finish()?;
    let secret = service::login(
        &state.db,
        email.as_deref().unwrap_or_default(),
        password.as_deref().unwrap_or_default(),
        state.settings.server.session_hours,
    )
    .await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            session_cookie_header(&state, Some(&secret)),
        )],
    )
        .into_response())
}

/// The raw session secret of a request, for sign-out.
struct SessionSecret(Option<String>);

impl FromRequestParts<AppState> for SessionSecret {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self(session_cookie(parts)))
    }
}

/// Sign out: ends the server-side session and clears the cookie.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "accounts",
    responses((status = 204, description = "Signed out")))]
async fn logout(
    State(state): State<AppState>,
    SessionSecret(secret): SessionSecret,
) -> AppResult<Response> {
    if let Some(secret) = secret {
        service::logout(&state.db, &secret).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, session_cookie_header(&state, None))],
    )
        .into_response())
}

/// The signed-in account.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "accounts",
    responses((status = 200, body = Me), (status = 401, body = Problem)))]
async fn me(user: CurrentUser) -> AppResult<axum::Json<Me>> {
    let actor = user.require()?;
    Ok(axum::Json(Me {
        id: actor.id,
        email: actor.email,
        name: actor.name,
        role: actor.role,
    }))
}
