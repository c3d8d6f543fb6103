//! The one error type of the application and its `application/problem+json` response
//! (RFC 9457). Client errors name the fields at fault; server errors are logged with their
//! cause chain and shown to the client as a generic message.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sea_orm::{DbErr, RuntimeErr, SqlErr};
use serde::Serialize;
use utoipa::ToSchema;

/// One invalid field of a request, named as the client sent it (`organizers[0].role`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Field errors gathered while turning a request into domain types, so that a client
/// learns about every invalid field at once.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Keeps the value when `result` is Ok, records the error under `field` otherwise.
    pub fn check<T, E: std::fmt::Display>(
        &mut self,
        field: &str,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                self.add(field, err.to_string());
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields errors were recorded under, in order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|e| e.field.as_str())
    }

    /// The first message recorded under `field`.
    pub fn first_message(&self, field: &str) -> Option<String> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }

    /// Ok when no error was recorded, the 422 error listing them otherwise.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request body is not well-formed (400).
    #[error("{0}")]
    BadRequest(String),
    /// No valid credentials (401).
    #[error("sign-in required")]
    Unauthorized,
    /// Login failed; deliberately the same whether the account exists or not (401).
    #[error("email or password is incorrect")]
    BadCredentials,
    /// Too many requests from one client in a short time (429).
    #[error("{0}")]
    TooManyRequests(String),
    /// Too many failed sign-ins for one account in a short time (429).
    #[error("too many failed sign-in attempts; wait {0} minutes and try again")]
    TooManyAttempts(i64),
    /// Signed in but not allowed (403).
    #[error("{0}")]
    Forbidden(String),
    /// Unknown resource (404).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// Duplicate, full, or a clash with the current state (409).
    #[error("{0}")]
    Conflict(String),
    /// Was there once and is no more: a single-use link already used or expired (410).
    #[error("{0}")]
    Gone(String),
    /// Well-formed but invalid, with the fields at fault (422).
    #[error("invalid request")]
    Invalid(Vec<FieldError>),
    /// A refusal of the protocol itself (405, 413, 414, 415...), with what to do.
    #[error("{1}")]
    Refused(StatusCode, String),
    /// Anything the client could not have caused (500); the cause is logged, not shown.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized | Self::BadCredentials => StatusCode::UNAUTHORIZED,
            Self::TooManyAttempts(_) | Self::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Gone(_) => StatusCode::GONE,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Refused(status, _) => *status,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// How long to wait before trying again, for a 429's `Retry-After`: the account's
    /// lock-out, or the per-address limit's one-minute window.
    pub fn retry_after_seconds(&self) -> Option<i64> {
        match self {
            Self::TooManyAttempts(minutes) => Some(minutes.max(&1) * 60),
            Self::TooManyRequests(_) => Some(60),
            _ => None,
        }
    }

    /// The problem document shown to the client.
    pub fn problem(&self) -> Problem {
        let status = self.status();
        let title = status.canonical_reason().unwrap_or("Error").to_string();
        let (detail, errors) = match self {
            // In the request's language, the fields' own messages too.
            Self::Invalid(errors) => {
                let lang = crate::i18n::current();
                (
                    crate::i18n::t(lang, "problem-invalid"),
                    crate::i18n::fields::translated(lang, errors),
                )
            }
            // A conflict's reason too, where its wording is known.
            Self::Conflict(why) => (
                capitalize(&crate::i18n::fields::message(crate::i18n::current(), why)),
                Vec::new(),
            ),
            Self::Internal(_) => (
                "Something went wrong on our side; it has been logged.".to_string(),
                Vec::new(),
            ),
            // What is always said the same way, in the request's language.
            Self::NotFound(what) => {
                let id = format!("problem-not-found-{}", what.replace(' ', "-"));
                let said = crate::i18n::t(crate::i18n::current(), &id);
                let said = if said == id {
                    capitalize(&self.to_string())
                } else {
                    said
                };
                (said, Vec::new())
            }
            Self::Unauthorized => (said("problem-unauthorized", &[]), Vec::new()),
            Self::BadCredentials => (said("problem-bad-credentials", &[]), Vec::new()),
            Self::TooManyAttempts(minutes) => (
                said(
                    "problem-too-many-attempts",
                    &[("minutes", (*minutes).into())],
                ),
                Vec::new(),
            ),
            other => (capitalize(&other.to_string()), Vec::new()),
        };
        Problem {
            kind: "about:blank".to_string(),
            title,
            status: status.as_u16(),
            detail,
            errors,
        }
    }
}

/// A message in the request's language.
fn said(
    id: &str,
    args: &[(
        &'static str,
        fluent_templates::fluent_bundle::FluentValue<'_>,
    )],
) -> String {
    crate::i18n::t_args(crate::i18n::current(), id, args)
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// RFC 9457 problem details, with the invalid fields of a 422.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub errors: Vec<FieldError>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Self::Internal(err) = &self {
            tracing::error!(error = ?err, "request failed");
        }
        let status = self.status();
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response();
        if let Some(seconds) = self.retry_after_seconds()
            && let Ok(value) = header::HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"roundtable\""),
            );
        }
        response
    }
}

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        Self::Internal(anyhow::Error::new(err))
    }
}

/// Maps a constraint violation to the client error it stands for, and any other database
/// error to an internal one. Use it where a write may hit a unique or foreign key.
pub fn on_constraint(err: DbErr, unique: &str, foreign_key: &str) -> AppError {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => AppError::Conflict(unique.to_string()),
        Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
            AppError::Conflict(foreign_key.to_string())
        }
        _ if is_sqlite_restrict(&err) => AppError::Conflict(foreign_key.to_string()),
        _ => err.into(),
    }
}

/// SQLite refuses a delete that an `ON DELETE RESTRICT` key forbids with the extended code
/// `SQLITE_CONSTRAINT_TRIGGER` (1811), which sea-orm does not count as a foreign-key
/// violation. The schema has no triggers of its own, so the code means exactly that.
fn is_sqlite_restrict(err: &DbErr) -> bool {
    const SQLITE_CONSTRAINT_TRIGGER: &str = "1811";
    match err {
        DbErr::Exec(RuntimeErr::SqlxError(err)) | DbErr::Query(RuntimeErr::SqlxError(err)) => {
            matches!(
                err.as_ref(),
                sea_orm::sqlx::Error::Database(db)
                    if db.try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>().is_some()
                        && db.code().as_deref() == Some(SQLITE_CONSTRAINT_TRIGGER)
            )
        }
        _ => false,
    }
}

pub type AppResult<T> = Result<T, AppError>;
