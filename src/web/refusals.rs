//! Refusals made below the handlers, in the words of the rest of the server: a path or
//! query holding a NUL character is refused before it reaches a handler (PostgreSQL
//! cannot store one, SQLite would), and the plain-text or empty refusals of the HTTP
//! layers (a path that is not UTF-8, a method not allowed, a body too large) become
//! problem+json under `/api/` and the error page elsewhere. Every 429 says when to try
//! again (`Retry-After`).

use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::web::pages::{Ctx, error_page};

/// How much of a plain-text refusal's body is read to explain it.
const EXPLANATION_BYTES: usize = 4096;

pub async fn refusals(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let refuse = |err: AppError| {
        if api {
            err.into_response()
        } else {
            error_page(Ctx::default(), &err)
        }
    };
    if holds_nul(request.uri().path()) {
        return refuse(AppError::NotFound("resource"));
    }
    if request.uri().query().is_some_and(holds_nul) {
        return refuse(AppError::BadRequest(
            "the query holds a NUL character, which no field may hold".into(),
        ));
    }
    let mut response = next.run(request).await;
    if response.status() == StatusCode::TOO_MANY_REQUESTS
        && !response.headers().contains_key(header::RETRY_AFTER)
    {
        // The per-address limits count by the minute.
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("60"));
    }
    if !(response.status().is_client_error() || response.status().is_server_error()) {
        return response;
    }
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if !(kind.is_empty() || kind.starts_with("text/plain")) {
        return response;
    }
    let status = response.status();
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let allow = response.headers().get(header::ALLOW).cloned();
    let text = axum::body::to_bytes(response.into_body(), EXPLANATION_BYTES)
        .await
        .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_string())
        .unwrap_or_default();
    let mut refused = refuse(explained(status, text));
    for (name, value) in [(header::RETRY_AFTER, retry_after), (header::ALLOW, allow)] {
        if let Some(value) = value {
            refused.headers_mut().insert(name, value);
        }
    }
    refused
}

/// Whether a percent-encoded path or query holds a NUL character.
fn holds_nul(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
        || text.contains('\0')
}

/// A low-level refusal as an [`AppError`] that says what went wrong.
fn explained(status: StatusCode, text: String) -> AppError {
    let detail = match status {
        StatusCode::METHOD_NOT_ALLOWED => {
            "this address does not take that method (the Allow header lists those it takes)".into()
        }
        StatusCode::PAYLOAD_TOO_LARGE => "the body is larger than this server accepts".into(),
        StatusCode::URI_TOO_LONG => "the address is longer than this server accepts".into(),
        StatusCode::NOT_FOUND => return AppError::NotFound("resource"),
        _ if text.is_empty() => status
            .canonical_reason()
            .unwrap_or("refused")
            .to_lowercase(),
        _ if text.contains("UTF-8") || text.contains("utf-8") => {
            "a part of the address is not UTF-8 text".into()
        }
        _ => text,
    };
    match status {
        StatusCode::BAD_REQUEST => AppError::BadRequest(detail),
        _ => AppError::Refused(status, detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_is_found_encoded_or_not() {
        assert!(holds_nul("/registrations/a%00b"));
        assert!(holds_nul("q=a%00"));
        assert!(!holds_nul("/registrations/a%200b"));
        assert!(!holds_nul("/events/100"));
    }
}
