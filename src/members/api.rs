//! Membership applications for programs: apply (public), list, approve and reject
//! (organizers and admins).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApplicationInput, ApplicationOut, ApplicationStatus, service, store};
use crate::app::AppState;
use crate::error::{AppResult, FieldErrors, Problem};
use crate::web::client::{ClientAddress, check_limit};
use crate::web::{ApiJson, ListQuery, Listed, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_applications, apply))
        .routes(routes!(approve))
        .routes(routes!(reject))
}

#[derive(Serialize, ToSchema)]
pub struct Received {
    /// Always `received`: the organizers will decide and write.
    pub status: &'static str,
}

/// Applies for membership; no sign-in. 202 once recorded (the organizers decide and the
/// applicant hears by mail), whatever the address.
#[utoipa::path(post, path = "/api/v1/members/applications", tag = "members", request_body = ApplicationInput,
    responses((status = 202, body = Received), (status = 400, body = Problem), (status = 422, body = Problem),
        (status = 429, body = Problem)))]
async fn apply(
    State(state): State<AppState>,
    address: ClientAddress,
    ApiJson(body): ApiJson<ApplicationInput>,
) -> AppResult<(StatusCode, Json<Received>)> {
    check_limit(&state.form_limiter, &address, "applications")?;
    service::apply(&state.db, &state.settings, body).await?;
    Ok((StatusCode::ACCEPTED, Json(Received { status: "received" })))
}

/// Applications; `?status=pending|approved|rejected`.
#[utoipa::path(get, path = "/api/v1/members/applications", tag = "members",
    params(("status" = Option<String>, Query), ("limit" = Option<u64>, Query, minimum = 1, maximum = 500),
        ("offset" = Option<u64>, Query, minimum = 0)),
    responses((status = 200, body = Listed<ApplicationOut>), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn list_applications(
    State(state): State<AppState>,
    _staff: Staff,
    query: ListQuery,
) -> AppResult<Json<Listed<ApplicationOut>>> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let status = query.parsed::<ApplicationStatus>("status", &mut errors);
    errors.finish()?;
    let (items, total) = store::list(state.db.conn(), status, page).await?;
    Ok(Json(Listed {
        items: items.into_iter().map(ApplicationOut::from).collect(),
        total,
    }))
}

/// Approves an application: a `member` account is made and its set-up link mailed.
#[utoipa::path(post, path = "/api/v1/members/applications/{id}/approve", tag = "members",
    params(("id" = i32, Path)),
    responses((status = 200, body = ApplicationOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn approve(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<Json<ApplicationOut>> {
    let id = parse_id(&id, "application")?;
    let decided = service::approve(&state.db, &state.settings, &actor, id).await?;
    Ok(Json(decided.into()))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectInput {
    /// A few words for the applicant, sent with the refusal.
    pub note: Option<String>,
}

/// Rejects an application; the applicant gets a polite mail (with the note, if any).
#[utoipa::path(post, path = "/api/v1/members/applications/{id}/reject", tag = "members",
    params(("id" = i32, Path)), request_body(content = Option<RejectInput>),
    responses((status = 200, body = ApplicationOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn reject(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> AppResult<Json<ApplicationOut>> {
    let id = parse_id(&id, "application")?;
    let input: RejectInput = crate::web::json::parse_optional(&body)?;
    let decided = service::reject(&state.db, &state.settings, &actor, id, input.note).await?;
    Ok(Json(decided.into()))
}
