//! The JSON calls of visa letters for organizers: the requests of an event (with the
//! passport details), and the decision on one. The registrant's own calls are on their
//! registration page's address (see `pages`).

use axum::Json;
use axum::extract::{Path, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::VisaStatus;
use super::service::{self, VisaRequestOut};
use crate::app::AppState;
use crate::error::{AppResult, Problem};
use crate::events::SeriesRef;
use crate::web::{ApiJson, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(requests))
        .routes(routes!(approve))
        .routes(routes!(reject))
}

/// A decision, as answered.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Decision {
    pub registration_id: i32,
    pub status: VisaStatus,
    pub reason: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    /// Required: why, told to the registrant by mail.
    pub reason: Option<String>,
}

/// The visa letter requests of an event, waiting ones first, with the passport details
/// (organizers only; 404 when visa letters are not offered).
#[utoipa::path(get, path = "/api/v1/events/{event}/visa-letters", tag = "visa letters",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = Vec<VisaRequestOut>), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn requests(
    State(state): State<AppState>,
    Staff(_actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<Vec<VisaRequestOut>>> {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    Ok(Json(
        service::list(&state.db, &state.settings, &event).await?,
    ))
}

/// Approves a waiting request: the registrant is mailed and can download the letter.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/visa-letter/approve", tag = "visa letters",
    params(("id" = i32, Path)),
    responses((status = 200, body = Decision), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn approve(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<Json<Decision>> {
    let id = parse_id(&id, "registration")?;
    let saved = service::decide(&state.db, &state.settings, &actor, id, None).await?;
    Ok(Json(Decision {
        registration_id: id,
        status: saved.status,
        reason: saved.reason,
    }))
}

/// Refuses a waiting request, saying why (mailed to the registrant, who may ask again).
#[utoipa::path(post, path = "/api/v1/registrations/{id}/visa-letter/reject", tag = "visa letters",
    params(("id" = i32, Path)), request_body = Refusal,
    responses((status = 200, body = Decision), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn reject(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(refusal): ApiJson<Refusal>,
) -> AppResult<Json<Decision>> {
    let id = parse_id(&id, "registration")?;
    let reason = refusal.reason.unwrap_or_default();
    let saved = service::decide(&state.db, &state.settings, &actor, id, Some(&reason)).await?;
    Ok(Json(Decision {
        registration_id: id,
        status: saved.status,
        reason: saved.reason,
    }))
}
