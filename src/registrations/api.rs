//! `/api/v1/events/{event}/registrations` (public registration; the organizers' list and
//! CSV) and `/api/v1/registrations/{id}/approve|reject`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{
    DetailsInput, Registered, RegistrationInput, RegistrationOut, RegistrationStatus, service,
};
use crate::app::AppState;
use crate::error::{AppError, AppResult, FieldErrors, Problem};
use crate::events::SeriesRef;
use crate::web::client::{ClientAddress, check_rate};
use crate::web::{ApiJson, CurrentUser, ListQuery, Listed, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_registrations, register))
        .routes(routes!(registrations_csv))
        .routes(routes!(approve))
        .routes(routes!(update_details))
        .routes(routes!(reject))
        .routes(routes!(request_reconfirmation))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReconfirmRequest {
    /// Required: RFC 3339, or wall time in the event's time zone.
    pub deadline: Option<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ReconfirmOutcome {
    /// How many registrants were asked.
    pub asked: usize,
}

/// Asks every registrant to confirm they still come (after the event moved) by a
/// deadline; those who do not are released then and the waitlist moves up.
#[utoipa::path(post, path = "/api/v1/events/{event}/registrations/reconfirm", tag = "registrations",
    params(("event" = String, Path, description = "id or slug")), request_body = ReconfirmRequest,
    responses((status = 202, body = ReconfirmOutcome), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn request_reconfirmation(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<ReconfirmRequest>,
) -> AppResult<(StatusCode, Json<ReconfirmOutcome>)> {
    let reference = SeriesRef::parse(&reference);
    let deadline = parse_deadline(&state, &reference, body.deadline.as_deref()).await?;
    let asked =
        super::reconfirm::request(&state.db, &state.settings, &actor, &reference, deadline).await?;
    Ok((StatusCode::ACCEPTED, Json(ReconfirmOutcome { asked })))
}

/// Reads a deadline given with an offset or as wall time in the event's zone.
pub async fn parse_deadline(
    state: &AppState,
    reference: &SeriesRef,
    text: Option<&str>,
) -> AppResult<chrono::DateTime<chrono::Utc>> {
    let event = crate::events::store::event(state.db.conn(), reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let text = text
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| AppError::invalid("deadline", "is required"))?;
    crate::events::parse_instant(text, event.timezone)
        .map_err(|err| AppError::invalid("deadline", err))
}

/// Registers for an event; no sign-in. 201 with the status and the registrant's private
/// manage link; 409 when the email is already registered, registration is closed or
/// invite-only, or the event is full with no waiting list. An organizer's call may add
/// `"walk_in": true`: confirmed and checked in at once, ignoring window, mode and
/// capacity (401 or 403 for anyone else).
#[utoipa::path(post, path = "/api/v1/events/{event}/registrations", tag = "registrations",
    params(("event" = String, Path, description = "id or slug")), request_body = RegistrationInput,
    responses((status = 201, body = Registered), (status = 400, body = Problem), (status = 404, body = Problem),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
async fn register(
    State(state): State<AppState>,
    address: ClientAddress,
    caller: CurrentUser,
    Path(reference): Path<String>,
    ApiJson(input): ApiJson<RegistrationInput>,
) -> AppResult<(StatusCode, Json<Registered>)> {
    let reference = SeriesRef::parse(&reference);
    if input.walk_in == Some(true) {
        let actor = caller.require()?;
        let registered =
            service::admit(&state.db, &state.settings, &actor, &reference, input).await?;
        return Ok((StatusCode::CREATED, Json(registered)));
    }
    check_rate(&state, &address)?;
    let registered = state
        .registrar
        .register(&state.db, &state.settings, &reference, input)
        .await?;
    Ok((StatusCode::CREATED, Json(registered)))
}

fn status_filter(query: &ListQuery) -> AppResult<Option<RegistrationStatus>> {
    let mut errors = FieldErrors::new();
    let status = query.parsed::<RegistrationStatus>("status", &mut errors);
    errors.finish()?;
    Ok(status)
}

/// The event's registrations in order of registration (needs included: organizers only).
#[utoipa::path(get, path = "/api/v1/events/{event}/registrations", tag = "registrations",
    params(("event" = String, Path, description = "id or slug"), ("status" = Option<String>, Query)),
    responses((status = 200, body = Listed<RegistrationOut>), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn list_registrations(
    State(state): State<AppState>,
    Staff(_actor): Staff,
    Path(reference): Path<String>,
    query: ListQuery,
) -> AppResult<Json<Listed<RegistrationOut>>> {
    let status = status_filter(&query)?;
    let (_, items) = service::list(&state.db, &SeriesRef::parse(&reference), status).await?;
    let total = items.len() as u64;
    Ok(Json(Listed { items, total }))
}

/// The same list as CSV (UTF-8 with a byte-order mark, for Excel and LibreOffice).
#[utoipa::path(get, path = "/api/v1/events/{event}/registrations.csv", tag = "registrations",
    params(("event" = String, Path, description = "id or slug"), ("status" = Option<String>, Query)),
    responses((status = 200, content_type = "text/csv", description = "the registrations"), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn registrations_csv(
    State(state): State<AppState>,
    Staff(_actor): Staff,
    Path(reference): Path<String>,
    query: ListQuery,
) -> AppResult<Response> {
    let status = status_filter(&query)?;
    let (event, items) = service::list(&state.db, &SeriesRef::parse(&reference), status).await?;
    Ok(csv_response(&event.slug, &items))
}

pub fn csv_response(slug: &str, items: &[RegistrationOut]) -> Response {
    crate::web::csv_download(&format!("{slug}-registrations.csv"), service::csv(items))
}

/// Approves a pending registration: confirmed while there is room, else waitlisted.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/approve", tag = "registrations",
    params(("id" = i32, Path)),
    responses((status = 200, body = RegistrationOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn approve(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<Json<RegistrationOut>> {
    let id = parse_id(&id, "registration")?;
    let out = service::approve(&state.db, &state.settings, &actor, id).await?;
    Ok(Json(out))
}

/// Changes a registrant's details (organizers): the fields sent replace the stored ones.
#[utoipa::path(patch, path = "/api/v1/registrations/{id}", tag = "registrations",
    params(("id" = i32, Path)), request_body = DetailsInput,
    responses((status = 200, body = RegistrationOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn update_details(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Map<String, serde_json::Value>>,
) -> AppResult<Json<RegistrationOut>> {
    let id = parse_id(&id, "registration")?;
    let out = service::update_details(
        &state.db,
        Some(&actor),
        service::RegistrantRef::Id(id),
        patch,
    )
    .await?;
    Ok(Json(out))
}

/// Rejects a pending or waitlisted registration.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/reject", tag = "registrations",
    params(("id" = i32, Path)),
    responses((status = 200, body = RegistrationOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn reject(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<Json<RegistrationOut>> {
    let id = parse_id(&id, "registration")?;
    let out = service::reject(&state.db, &state.settings, &actor, id).await?;
    Ok(Json(out))
}
