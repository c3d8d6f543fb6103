//! `/api/v1/sessions/{id}/summary` (read, save, submit, approve, return, due date,
//! versions) and `/api/v1/themes`, the organizers' vocabulary of themes.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::Decision;
use super::{ReviewInput, SummaryContent, SummaryInput, SummaryOut, service, store};
use crate::app::AppState;
use crate::error::{AppError, AppResult, Problem};
use crate::web::{ApiJson, CurrentUser, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_summary, put_summary))
        .routes(routes!(submit))
        .routes(routes!(approve))
        .routes(routes!(send_back))
        .routes(routes!(set_due))
        .routes(routes!(versions))
        .routes(routes!(list_themes, add_theme))
        .routes(routes!(delete_theme))
}

/// The summary of a session (an empty draft before the first save).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/summary", tag = "summaries",
    responses((status = 200, body = SummaryOut), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn get_summary(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<SummaryOut>> {
    let actor = user.require()?;
    let id = parse_id(&id, "session")?;
    Ok(Json(
        service::get(&state.db, &state.settings, &actor, id).await?,
    ))
}

/// Saves the whole summary as its next version (blank list entries are dropped).
#[utoipa::path(put, path = "/api/v1/sessions/{id}/summary", tag = "summaries", request_body = SummaryInput,
    responses((status = 200, body = SummaryOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn put_summary(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SummaryInput>,
) -> AppResult<Json<SummaryOut>> {
    let actor = user.require()?;
    let id = parse_id(&id, "session")?;
    Ok(Json(
        service::save(&state.db, &state.settings, &actor, id, body).await?,
    ))
}

/// Submits the summary to the organizers for review.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/summary/submit", tag = "summaries",
    responses((status = 200, body = SummaryOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<SummaryOut>> {
    let actor = user.require()?;
    let id = parse_id(&id, "session")?;
    Ok(Json(
        service::submit(&state.db, &state.settings, &actor, id).await?,
    ))
}

/// Approves a submitted summary (organizers); `{"comment"}` is optional. The rapporteur
/// is told by mail.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/summary/approve", tag = "summaries", request_body = ReviewInput,
    responses((status = 200, body = SummaryOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn approve(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Json<SummaryOut>> {
    review(&state, user, &id, &body, Decision::Approve).await
}

/// Returns a submitted or approved summary to its rapporteur (organizers); `{"comment"}`
/// is required and mailed to the rapporteur.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/summary/return", tag = "summaries", request_body = ReviewInput,
    responses((status = 200, body = SummaryOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn send_back(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Json<SummaryOut>> {
    review(&state, user, &id, &body, Decision::Return).await
}

/// An organizer's decision from the API; the body (`{"comment"}`) may be left out.
async fn review(
    state: &AppState,
    user: CurrentUser,
    id: &str,
    body: &[u8],
    decision: Decision,
) -> AppResult<Json<SummaryOut>> {
    let actor = user.require()?;
    let id = parse_id(id, "session")?;
    let input: ReviewInput = crate::web::json::parse_optional(body)?;
    let out = service::review(&state.db, &state.settings, &actor, id, input, decision).await?;
    Ok(Json(out))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DueInput {
    /// RFC 3339, or wall time in the event's time zone; null for the default (some days
    /// after the session).
    pub due_at: Option<String>,
}

/// Sets when the summary is due (organizers).
#[utoipa::path(put, path = "/api/v1/sessions/{id}/summary/due", tag = "summaries", request_body = DueInput,
    responses((status = 200, body = SummaryOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn set_due(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DueInput>,
) -> AppResult<Json<SummaryOut>> {
    let id = parse_id(&id, "session")?;
    let due = parse_due(&state, id, body.due_at.as_deref()).await?;
    Ok(Json(
        service::set_due(&state.db, &state.settings, &actor, id, due).await?,
    ))
}

/// Reads a due date given with an offset or as wall time in the session's event's zone.
pub async fn parse_due(
    state: &AppState,
    session_id: i32,
    text: Option<&str>,
) -> AppResult<Option<DateTime<Utc>>> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let session = crate::events::store::session(state.db.conn(), session_id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    let event = crate::events::store::event_by_id(state.db.conn(), session.event_id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    crate::events::parse_instant(text, event.timezone)
        .map(Some)
        .map_err(|err| AppError::invalid("due_at", err))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VersionOut {
    pub version: i32,
    pub action: super::VersionAction,
    pub status: super::SummaryStatus,
    pub comment: Option<String>,
    pub by: String,
    pub at: DateTime<Utc>,
    pub content: SummaryContent,
}

/// Every version of the summary, oldest first: who, when, what.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/summary/versions", tag = "summaries",
    responses((status = 200, body = [VersionOut]), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn versions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<VersionOut>>> {
    let actor = user.require()?;
    let id = parse_id(&id, "session")?;
    let (session, _, summary) = service::access(state.db.conn(), &actor, id).await?;
    let Some(summary) = summary else {
        return Ok(Json(Vec::new()));
    };
    let attributed = session.confidentiality.attributes();
    Ok(Json(
        store::versions(state.db.conn(), summary.id)
            .await?
            .into_iter()
            .map(|v| VersionOut {
                content: {
                    let mut content = store::content_of(&v.content);
                    if !attributed {
                        content
                            .key_points
                            .iter_mut()
                            .for_each(|p| p.person_id = None);
                    }
                    content
                },
                version: v.version,
                action: v.action,
                status: v.status,
                comment: v.comment,
                by: v.user_name,
                at: v.created_at,
            })
            .collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeOut {
    pub id: i32,
    pub name: String,
    /// In the organizers' vocabulary; otherwise proposed by a rapporteur.
    pub curated: bool,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeInput {
    /// Required.
    pub name: Option<String>,
}

/// The vocabulary of themes: curated ones first, then those rapporteurs proposed.
#[utoipa::path(get, path = "/api/v1/themes", tag = "summaries",
    responses((status = 200, body = [ThemeOut]), (status = 401, body = Problem)))]
async fn list_themes(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<Vec<ThemeOut>>> {
    user.require()?;
    Ok(Json(
        store::themes(state.db.conn())
            .await?
            .into_iter()
            .map(|t| ThemeOut {
                id: t.id,
                name: t.name,
                curated: t.curated,
            })
            .collect(),
    ))
}

/// Adds a theme to the vocabulary, or adopts a proposed one (organizers).
#[utoipa::path(post, path = "/api/v1/themes", tag = "summaries", request_body = ThemeInput,
    responses((status = 201, body = ThemeOut), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn add_theme(
    State(state): State<AppState>,
    Staff(actor): Staff,
    ApiJson(body): ApiJson<ThemeInput>,
) -> AppResult<(StatusCode, Json<ThemeOut>)> {
    let theme = service::curate_theme(&state.db, &actor, body.name.as_deref()).await?;
    Ok((
        StatusCode::CREATED,
        Json(ThemeOut {
            id: theme.id,
            name: theme.name,
            curated: theme.curated,
        }),
    ))
}

/// Removes a theme from the vocabulary; summaries that use it keep their text.
#[utoipa::path(delete, path = "/api/v1/themes/{id}", tag = "summaries",
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn delete_theme(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "theme")?;
    service::delete_theme(&state.db, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
