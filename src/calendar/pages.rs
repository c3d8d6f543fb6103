//! The calendar files: `/events/{event}/calendar.ics`, `/sessions/{id}/calendar.ics` and
//! `/feeds/{token}.ics`, each with an `ETag` (a hash of the body) and `Last-Modified`,
//! answering `If-None-Match` with 304; and `.../webcal` links that send calendar
//! applications to the same file as `webcal://`.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::service::{self, Ics};
use super::webcal_url;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::events::SeriesRef;
use crate::web::{CurrentUser, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{event}/calendar.ics", get(event_ics))
        .route("/events/{event}/webcal", get(event_webcal))
        .route("/sessions/{id}/calendar.ics", get(session_ics))
        .route("/sessions/{id}/webcal", get(session_webcal))
        .route("/feeds/{file}", get(feed_ics))
}

/// A strong validator: the first 128 bits of the body's SHA-256.
fn etag(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

fn http_date(at: DateTime<Utc>) -> String {
    at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// Whether `If-None-Match` names this entity tag (or `*`); weak tags compare by value.
fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == "*" || tag == etag)
}

fn header_value(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static("calendar.ics"))
}

fn respond(ics: Ics, request: &HeaderMap) -> Response {
    let tag = etag(&ics.body);
    let cache = if ics.personal {
        "private, no-cache"
    } else {
        "public, no-cache"
    };
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, header_value(&tag));
    headers.insert(
        header::LAST_MODIFIED,
        header_value(&http_date(ics.last_modified)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if none_match(request, &tag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    // Filenames are slugs and ids: nothing to quote.
    headers.insert(
        header::CONTENT_DISPOSITION,
        header_value(&format!("attachment; filename=\"{}\"", ics.filename)),
    );
    (StatusCode::OK, headers, ics.body).into_response()
}

#[tracing::instrument(skip_all, fields(event = %reference))]
async fn event_ics(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let ics = service::event_calendar(
        &state.db,
        &state.settings,
        &SeriesRef::parse(&reference),
        user.is_staff(),
    )
    .await?;
    Ok(respond(ics, &headers))
}

async fn event_webcal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(reference): Path<String>,
) -> AppResult<Redirect> {
    let event = crate::events::read::visible_event(
        &state.db,
        &SeriesRef::parse(&reference),
        user.is_staff(),
    )
    .await?;
    let url = format!(
        "{}/events/{}/calendar.ics",
        state.settings.public_url(),
        event.slug
    );
    Ok(Redirect::to(&webcal_url(&url)))
}

#[tracing::instrument(skip_all, fields(session = %id))]
async fn session_ics(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let id = parse_id(&id, "session")?;
    let ics = service::session_calendar(&state.db, &state.settings, id, user.is_staff()).await?;
    Ok(respond(ics, &headers))
}

async fn session_webcal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Redirect> {
    let id = parse_id(&id, "session")?;
    let (session, _) = crate::events::read::visible_session(&state.db, id, user.is_staff()).await?;
    let url = format!(
        "{}/sessions/{}/calendar.ics",
        state.settings.public_url(),
        session.id
    );
    Ok(Redirect::to(&webcal_url(&url)))
}

/// `/feeds/{token}.ics`: the token is the credential.
#[tracing::instrument(skip_all)]
async fn feed_ics(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let token = file
        .strip_suffix(".ics")
        .filter(|t| !t.is_empty())
        .ok_or(AppError::NotFound("feed"))?;
    let ics = service::person_feed(&state.db, &state.settings, token).await?;
    Ok(respond(ics, &headers))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let tag = etag("BEGIN:VCALENDAR");
        let mut headers = HeaderMap::new();
        assert!(!none_match(&headers, &tag));
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(&format!("\"other\", W/{tag}")).unwrap(),
        );
        assert!(none_match(&headers, &tag));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(none_match(&headers, &tag));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"nope\""));
        assert!(!none_match(&headers, &tag));
    }

    #[test]
    fn dates_are_http_dates() {
        use chrono::TimeZone as _;
        let at = Utc.with_ymd_and_hms(2009, 6, 3, 12, 0, 0).unwrap();
        assert_eq!(http_date(at), "Wed, 03 Jun 2009 12:00:00 GMT");
    }
}
