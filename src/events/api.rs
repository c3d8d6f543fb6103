//! `/api/v1/series`, `/api/v1/events`, `/api/v1/sessions` and their participants.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{Map, Value};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::conflicts::{self, Conflict};
use super::{
    DuplicateInput, EventInput, EventKind, EventOut, EventStatus, ParticipantInput, ParticipantOut,
    SeriesInput, SeriesOut, SeriesRef, SessionInput, SessionOut, service, store,
};
use crate::app::AppState;
use crate::domain::Region;
use crate::error::{AppError, AppResult, FieldErrors, Problem};
use crate::web::{ApiJson, CurrentUser, ListQuery, Listed, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_series, create_series))
        .routes(routes!(get_series, update_series))
        .routes(routes!(list_events, create_event))
        .routes(routes!(get_event, update_event, delete_event))
        .routes(routes!(publish_event))
        .routes(routes!(cancel_event))
        .routes(routes!(duplicate_event))
        .routes(routes!(event_conflicts))
        .routes(routes!(list_sessions, create_session))
        .routes(routes!(get_session, update_session, delete_session))
        .routes(routes!(list_participants, add_participant))
        .routes(routes!(remove_participant))
}

// ----- Series -----

/// Series of events, by title; public.
#[utoipa::path(get, path = "/api/v1/series", tag = "events",
    params(("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = Listed<SeriesOut>), (status = 422, body = Problem)))]
async fn list_series(
    State(state): State<AppState>,
    query: ListQuery,
) -> AppResult<Json<Listed<SeriesOut>>> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    errors.finish()?;
    let (items, total) = store::list_series(state.db.conn(), page).await?;
    Ok(Json(Listed {
        items: items.into_iter().map(Into::into).collect(),
        total,
    }))
}

/// Adds a series.
#[utoipa::path(post, path = "/api/v1/series", tag = "events", request_body = SeriesInput,
    responses((status = 201, body = SeriesOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create_series(
    State(state): State<AppState>,
    Staff(actor): Staff,
    ApiJson(input): ApiJson<SeriesInput>,
) -> AppResult<(StatusCode, Json<SeriesOut>)> {
    let created = service::create_series(&state.db, Some(&actor), input).await?;
    Ok((StatusCode::CREATED, Json(created.into())))
}

/// A series (by id or slug) with its events; public.
#[utoipa::path(get, path = "/api/v1/series/{series}", tag = "events",
    params(("series" = String, Path, description = "id or slug")),
    responses((status = 200, body = SeriesOut), (status = 404, body = Problem)))]
async fn get_series(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(reference): Path<String>,
) -> AppResult<Json<SeriesOut>> {
    let series = store::series(state.db.conn(), &SeriesRef::parse(&reference))
        .await?
        .ok_or(AppError::NotFound("series"))?;
    Ok(Json(
        super::read::series_view(&state.db, series, user.is_staff()).await?,
    ))
}

/// Changes the fields sent.
#[utoipa::path(patch, path = "/api/v1/series/{series}", tag = "events",
    params(("series" = String, Path, description = "id or slug")), request_body = SeriesInput,
    responses((status = 200, body = SeriesOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_series(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
    ApiJson(patch): ApiJson<Map<String, Value>>,
) -> AppResult<Json<SeriesOut>> {
    let updated =
        service::update_series(&state.db, &actor, &SeriesRef::parse(&reference), patch).await?;
    Ok(Json(updated.into()))
}

// ----- Events -----

/// Events in date order. Anonymous callers and non-organizers see published (and
/// cancelled, when asked with `?status=cancelled`) events only.
#[utoipa::path(get, path = "/api/v1/events", tag = "events",
    params(("region" = Option<String>, Query), ("kind" = Option<String>, Query), ("year" = Option<i32>, Query),
        ("series" = Option<String>, Query, description = "id or slug"), ("status" = Option<String>, Query),
        ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = Listed<EventOut>), (status = 422, body = Problem)))]
async fn list_events(
    State(state): State<AppState>,
    user: CurrentUser,
    query: ListQuery,
) -> AppResult<Json<Listed<EventOut>>> {
    let staff = user.is_staff();
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let region = query.parsed::<Region>("region", &mut errors);
    let kind = query.parsed::<EventKind>("kind", &mut errors);
    let year = query.parsed::<i32>("year", &mut errors);
    // A year with no calendar dates would otherwise drop the filter and list everything.
    if year.is_some_and(|year| !(1900..=2200).contains(&year)) {
        errors.add("year", "must be a year between 1900 and 2200");
    }
    let status = query.parsed::<EventStatus>("status", &mut errors);
    let series = match query.get("series") {
        None => None,
        Some(reference) => {
            match store::series(state.db.conn(), &SeriesRef::parse(reference)).await? {
                Some(series) => Some(series.id),
                None => {
                    errors.add("series", "no series has this id or slug");
                    None
                }
            }
        }
    };
    errors.finish()?;
    let statuses = match status {
        Some(EventStatus::Draft) if !staff => {
            return Ok(Json(Listed {
                items: Vec::new(),
                total: 0,
            }));
        }
        Some(status) => vec![status],
        None if staff => Vec::new(),
        None => vec![EventStatus::Published],
    };
    let filter = store::EventFilter {
        region,
        kind,
        year,
        series_id: series,
        statuses,
        ..Default::default()
    };
    let (events, total) = store::list_events(state.db.conn(), &filter, page, false).await?;
    Ok(Json(Listed {
        items: super::read::event_views(&state.db, events).await?,
        total,
    }))
}

/// Adds an event, as a draft.
#[utoipa::path(post, path = "/api/v1/events", tag = "events", request_body = EventInput,
    responses((status = 201, body = EventOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create_event(
    State(state): State<AppState>,
    Staff(actor): Staff,
    ApiJson(input): ApiJson<EventInput>,
) -> AppResult<(StatusCode, Json<EventOut>)> {
    let created = service::create_event(&state.db, Some(&actor), input).await?;
    Ok((
        StatusCode::CREATED,
        Json(super::read::event_view(&state.db, created, true).await?),
    ))
}

/// Copies an event for new dates, as a draft: sessions shifted by the same number of
/// days (the same wall-clock times), rooms, roles and organizers kept; no registrations,
/// invitations or summaries.
#[utoipa::path(post, path = "/api/v1/events/{event}/duplicate", tag = "events",
    params(("event" = String, Path, description = "id or slug")), request_body = DuplicateInput,
    responses((status = 201, body = EventOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn duplicate_event(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
    ApiJson(input): ApiJson<DuplicateInput>,
) -> AppResult<(StatusCode, Json<EventOut>)> {
    let created =
        super::duplicate::duplicate(&state.db, &actor, &SeriesRef::parse(&reference), input)
            .await?;
    Ok((
        StatusCode::CREATED,
        Json(super::read::event_view(&state.db, created, true).await?),
    ))
}

/// An event (by id or slug) with its programme: sessions and their participants.
#[utoipa::path(get, path = "/api/v1/events/{event}", tag = "events",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = EventOut), (status = 404, body = Problem)))]
async fn get_event(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(reference): Path<String>,
) -> AppResult<Json<EventOut>> {
    let event =
        super::read::visible_event(&state.db, &SeriesRef::parse(&reference), user.is_staff())
            .await?;
    Ok(Json(
        super::read::event_view(&state.db, event, user.is_staff()).await?,
    ))
}

/// Changes the fields sent; `organizers` and `registration` are replaced whole.
#[utoipa::path(patch, path = "/api/v1/events/{event}", tag = "events",
    params(("event" = String, Path, description = "id or slug")), request_body = EventInput,
    responses((status = 200, body = EventOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn update_event(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
    ApiJson(patch): ApiJson<Map<String, Value>>,
) -> AppResult<Json<EventOut>> {
    let updated =
        service::update_event(&state.db, &actor, &SeriesRef::parse(&reference), patch).await?;
    Ok(Json(
        super::read::event_view(&state.db, updated, true).await?,
    ))
}

/// Deletes a draft or cancelled event and its programme (409 for a published one).
#[utoipa::path(delete, path = "/api/v1/events/{event}", tag = "events",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn delete_event(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<StatusCode> {
    service::delete_event(&state.db, &actor, &SeriesRef::parse(&reference)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Publishes a draft event.
#[utoipa::path(post, path = "/api/v1/events/{event}/publish", tag = "events",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = EventOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "not a draft")))]
async fn publish_event(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<EventOut>> {
    let event = service::set_status(
        &state.db,
        &state.settings,
        &actor,
        &SeriesRef::parse(&reference),
        EventStatus::Published,
    )
    .await?;
    Ok(Json(super::read::event_view(&state.db, event, true).await?))
}

/// Cancels a draft or published event.
#[utoipa::path(post, path = "/api/v1/events/{event}/cancel", tag = "events",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = EventOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "already cancelled")))]
async fn cancel_event(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<EventOut>> {
    let event = service::set_status(
        &state.db,
        &state.settings,
        &actor,
        &SeriesRef::parse(&reference),
        EventStatus::Cancelled,
    )
    .await?;
    Ok(Json(super::read::event_view(&state.db, event, true).await?))
}

/// Double-booked people and rooms, and sessions outside the event's dates.
#[utoipa::path(get, path = "/api/v1/events/{event}/conflicts", tag = "events",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = Vec<Conflict>), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
async fn event_conflicts(
    State(state): State<AppState>,
    Staff(_actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<Vec<Conflict>>> {
    let event = super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    // Each conflict's sentence in the request's language, as its problems are.
    Ok(Json(
        conflicts::report_in(&state.db, &event, crate::i18n::current()).await?,
    ))
}

// ----- Sessions -----

/// The event's sessions in time order, with their participants.
#[utoipa::path(get, path = "/api/v1/events/{event}/sessions", tag = "events",
    params(("event" = String, Path, description = "id or slug"), ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = Listed<SessionOut>), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn list_sessions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(reference): Path<String>,
    query: ListQuery,
) -> AppResult<Json<Listed<SessionOut>>> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    errors.finish()?;
    let event =
        super::read::visible_event(&state.db, &SeriesRef::parse(&reference), user.is_staff())
            .await?;
    let (sessions, total) =
        store::sessions_seen(state.db.conn(), event.id, Some(page), user.is_staff()).await?;
    let items = super::read::session_views(state.db.conn(), sessions, event.timezone).await?;
    Ok(Json(Listed { items, total }))
}

/// Adds a session; times may be wall time in the event's time zone.
#[utoipa::path(post, path = "/api/v1/events/{event}/sessions", tag = "events",
    params(("event" = String, Path, description = "id or slug")), request_body = SessionInput,
    responses((status = 201, body = SessionOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn create_session(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
    ApiJson(input): ApiJson<SessionInput>,
) -> AppResult<(StatusCode, Json<SessionOut>)> {
    let (created, zone) =
        service::create_session(&state.db, &actor, &SeriesRef::parse(&reference), input).await?;
    Ok((
        StatusCode::CREATED,
        Json(SessionOut::new(created, zone, Vec::new())),
    ))
}

/// One session with its participants.
#[utoipa::path(get, path = "/api/v1/sessions/{id}", tag = "events",
    params(("id" = i32, Path)),
    responses((status = 200, body = SessionOut), (status = 404, body = Problem)))]
async fn get_session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<SessionOut>> {
    let id = parse_id(&id, "session")?;
    let (session, event) = super::read::visible_session(&state.db, id, user.is_staff()).await?;
    let mut views =
        super::read::session_views(state.db.conn(), vec![session], event.timezone).await?;
    Ok(Json(views.remove(0)))
}

/// Changes the fields sent; a change of time or room raises `sequence`.
#[utoipa::path(patch, path = "/api/v1/sessions/{id}", tag = "events",
    params(("id" = i32, Path)), request_body = SessionInput,
    responses((status = 200, body = SessionOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_session(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Map<String, Value>>,
) -> AppResult<Json<SessionOut>> {
    let id = parse_id(&id, "session")?;
    let (updated, zone) =
        service::update_session(&state.db, &state.settings, &actor, id, patch).await?;
    let mut views = super::read::session_views(state.db.conn(), vec![updated], zone).await?;
    Ok(Json(views.remove(0)))
}

/// Deletes a session and its assignments.
#[utoipa::path(delete, path = "/api/v1/sessions/{id}", tag = "events",
    params(("id" = i32, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn delete_session(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "session")?;
    service::delete_session(&state.db, &state.settings, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The session's chairs, speakers, discussants and rapporteurs in programme order.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/participants", tag = "events",
    params(("id" = i32, Path)),
    responses((status = 200, body = Listed<ParticipantOut>), (status = 404, body = Problem)))]
async fn list_participants(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Listed<ParticipantOut>>> {
    let id = parse_id(&id, "session")?;
    let (session, _) = super::read::visible_session(&state.db, id, user.is_staff()).await?;
    let rows = store::participants(state.db.conn(), &[session.id]).await?;
    let items = super::read::participant_views(state.db.conn(), rows)
        .await?
        .remove(&session.id)
        .unwrap_or_default();
    let total = items.len() as u64;
    Ok(Json(Listed { items, total }))
}

/// Assigns a person to the session in a role.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/participants", tag = "events",
    params(("id" = i32, Path)), request_body = ParticipantInput,
    responses((status = 201, body = ParticipantOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "already in that role"), (status = 422, body = Problem)))]
async fn add_participant(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ParticipantInput>,
) -> AppResult<(StatusCode, Json<ParticipantOut>)> {
    let id = parse_id(&id, "session")?;
    let added = service::add_participant(&state.db, &actor, id, input).await?;
    Ok((StatusCode::CREATED, Json(added)))
}

/// Removes a person (in every role) from the session.
#[utoipa::path(delete, path = "/api/v1/sessions/{id}/participants/{person_id}", tag = "events",
    params(("id" = i32, Path), ("person_id" = i32, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn remove_participant(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path((id, person_id)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "session")?;
    let person_id = parse_id(&person_id, "participant")?;
    service::remove_participant(&state.db, &actor, id, person_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
