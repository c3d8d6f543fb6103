//! `/api/v1/registrations/{id}/check-in`: organizers check a registrant in (POST) and undo
//! it (DELETE).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use chrono::{DateTime, Utc};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service;
use crate::app::AppState;
use crate::error::{AppError, AppResult, Problem};
use crate::web::json::parse_optional;
use crate::web::{Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(check_in, undo_check_in))
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
    if request.session_id.is_some() {
        return Err(AppError::invalid(
            "session_id",
            "is not taken yet: a check-in is for the whole event (attendance per session is to come)",
        ));
    }
    let checked_in_at = service::check_in(&state.db, &actor, id).await?;
    Ok(Json(CheckedIn { checked_in_at }))
}

/// Undoes a check-in; 204 whether or not the registrant was checked in.
#[utoipa::path(delete, path = "/api/v1/registrations/{id}/check-in", tag = "attendance",
    params(("id" = i32, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
async fn undo_check_in(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<axum::http::StatusCode> {
    let id = parse_id(&id, "registration")?;
    service::undo(&state.db, &actor, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
