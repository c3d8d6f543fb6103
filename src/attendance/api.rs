//! The JSON calls of the event day, for organizers: `/api/v1/registrations/{id}/check-in`
//! checks a registrant in (POST) to the event or a session and undoes it (DELETE);
//! `/api/v1/sessions/{id}/attendance` marks a session's attendance;
//! `/api/v1/events/{event}/attendance` is the event's record of who took part.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use chrono::{DateTime, Utc};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::record::{self, EventAttendance, Mark, Who};
use super::{Presence, service};
use crate::app::AppState;
use crate::error::{AppError, AppResult, FieldErrors, Problem};
use crate::events::SeriesRef;
use crate::web::json::parse_optional;
use crate::web::{ApiJsonList, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(check_in, undo_check_in))
        .routes(routes!(mark_session))
        .routes(routes!(event_attendance))
}

/// What a check-in may say. The whole event when no session is named.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInRequest {
    /// A session of the event, for attendance per session.
    pub session_id: Option<i32>,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct CheckedIn {
    /// When the registrant was first checked in.
    pub checked_in_at: DateTime<Utc>,
}

/// Checks a confirmed registrant in at the door; repeatable (the first time stands).
/// The body may be left out.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/check-in", tag = "attendance",
    params(("id" = i32, Path)), request_body(content = Option<CheckInRequest>),
    responses((status = 200, body = CheckedIn), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn check_in(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Json<CheckedIn>> {
    let id = parse_id(&id, "registration")?;
    let request: CheckInRequest = parse_optional(&body)?;
    let checked_in_at = match request.session_id {
        None => service::check_in(&state.db, &actor, id).await?,
        Some(session_id) => record::check_in_at_session(&state.db, &actor, id, session_id).await?,
    };
    Ok(Json(CheckedIn { checked_in_at }))
}

/// Undoes a check-in to the event, or with `session_id` the mark at that session; 204
/// whether or not the registrant was checked in. The body may be left out.
#[utoipa::path(delete, path = "/api/v1/registrations/{id}/check-in", tag = "attendance",
    params(("id" = i32, Path)), request_body(content = Option<CheckInRequest>),
    responses((status = 204), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn undo_check_in(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<axum::http::StatusCode> {
    let id = parse_id(&id, "registration")?;
    let request: CheckInRequest = parse_optional(&body)?;
    match request.session_id {
        None => service::undo(&state.db, &actor, id).await?,
        Some(session_id) => record::undo_at_session(&state.db, &actor, id, session_id).await?,
    }
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// One line of a session's attendance: a member of its panel (`person_id`) or a
/// registrant of its event (`registration_id`), not both.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceLine {
    pub person_id: Option<i32>,
    pub registration_id: Option<i32>,
    /// `null` clears the mark.
    pub status: Option<Presence>,
}

/// Marks who was at a session: every line is checked, then all are written or none.
/// Lines not named keep their mark. Answers the event's record.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/attendance", tag = "attendance",
    params(("id" = i32, Path)), request_body = Vec<AttendanceLine>,
    responses((status = 200, body = EventAttendance), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn mark_session(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJsonList(lines): ApiJsonList<AttendanceLine>,
) -> AppResult<Json<EventAttendance>> {
    let id = parse_id(&id, "session")?;
    let mut errors = FieldErrors::new();
    let mut marks = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let who = match (line.person_id, line.registration_id) {
            (Some(id), None) => Who::Person(id),
            (None, Some(id)) => Who::Registration(id),
            (Some(_), Some(_)) => {
                errors.add(
                    format!("[{i}]"),
                    "names both a person_id and a registration_id: one of them",
                );
                continue;
            }
            (None, None) => {
                errors.add(
                    format!("[{i}].person_id"),
                    "is required (or registration_id)",
                );
                continue;
            }
        };
        marks.push(Mark {
            who,
            status: line.status,
        });
    }
    errors.finish()?;
    record::mark(&state.db, &actor, id, &marks).await?;
    let session = crate::events::store::session(state.db.conn(), id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    let (_, attendance) = record::of_event_ref(&state.db, &SeriesRef::Id(session.event_id)).await?;
    Ok(Json(attendance))
}

/// The event's record of who took part: its confirmed registrants with their check-in
/// and marks, the panels with theirs, the organizations present with their counts.
#[utoipa::path(get, path = "/api/v1/events/{event}/attendance", tag = "attendance",
    params(("event" = String, Path, description = "the event's slug or id")),
    responses((status = 200, body = EventAttendance), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn event_attendance(
    State(state): State<AppState>,
    Staff(_actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<EventAttendance>> {
    let (_, attendance) = record::of_event_ref(&state.db, &SeriesRef::parse(&reference)).await?;
    Ok(Json(attendance))
}
