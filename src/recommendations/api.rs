//! The tracker's JSON calls.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::{self, Filter};
use super::{
    AddresseeInput, AddresseeOut, FollowUpInput, RecommendationOut, RecommendationPatch,
    RecommendationStatus,
};
use super::{LinkInput, SimilarOut, addressees as vocabulary, links};
use crate::app::AppState;
use crate::documents::Access;
use crate::domain::Region;
use crate::error::{AppError, AppResult, FieldErrors, Problem};
use crate::web::{ApiJson, CurrentUser, ListQuery, Listed, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show, patch))
        .routes(routes!(add_update))
        .routes(routes!(add_link))
        .routes(routes!(remove_link))
        .routes(routes!(similar))
        .routes(routes!(addressees, create_addressee))
        .routes(routes!(update_addressee, delete_addressee))
}

/// The tracker's filters, from a query string (the API's and the pages').
pub fn filter_of(query: &ListQuery, errors: &mut FieldErrors) -> Filter {
    Filter {
        addressee: query.get("addressee").map(str::to_string),
        theme: query.get("theme").map(str::to_string),
        status: query.parsed::<RecommendationStatus>("status", errors),
        event: query.get("event").map(str::to_string),
        q: query.get("q").map(|q| q.chars().take(200).collect()),
        region: query.parsed::<Region>("region", errors),
        series: query.get("series").map(str::to_string),
    }
}

/// The tracker: items from published reports and public documents for everyone, every
/// item for organizers; `addressee` (a name or an alias), `theme`, `region`, `status`,
/// `series` and `event` (id or slug) and `q` (words of the text).
#[utoipa::path(get, path = "/api/v1/recommendations", tag = "recommendations",
    params(("addressee" = Option<String>, Query), ("theme" = Option<String>, Query),
        ("region" = Option<Region>, Query), ("series" = Option<String>, Query),
        ("status" = Option<RecommendationStatus>, Query), ("event" = Option<String>, Query),
        ("q" = Option<String>, Query), ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = inline(Listed<RecommendationOut>)), (status = 422, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    query: ListQuery,
) -> AppResult<Json<Listed<RecommendationOut>>> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let filter = filter_of(&query, &mut errors);
    errors.finish()?;
    let all = service::list(&state.db, Access::of(user.0.as_ref()), &filter).await?;
    let total = all.len() as u64;
    let items = all
        .into_iter()
        .skip(usize::try_from(page.offset).unwrap_or(usize::MAX))
        .take(usize::try_from(page.limit).unwrap_or(usize::MAX))
        .collect();
    Ok(Json(Listed { items, total }))
}

/// An item with its history (404 to whoever may not see its source).
#[utoipa::path(get, path = "/api/v1/recommendations/{id}", tag = "recommendations",
    params(("id" = i32, Path)),
    responses((status = 200, body = RecommendationOut), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<RecommendationOut>> {
    let id = parse_id(&id, "recommendation")?;
    Ok(Json(
        service::read(&state.db, Access::of(user.0.as_ref()), id).await?,
    ))
}

/// Changes an item's owner, next review date or addressee (organizers).
#[utoipa::path(patch, path = "/api/v1/recommendations/{id}", tag = "recommendations",
    params(("id" = i32, Path)), request_body = RecommendationPatch,
    responses((status = 200, body = RecommendationOut), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn patch(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<RecommendationPatch>,
) -> AppResult<Json<RecommendationOut>> {
    let id = parse_id(&id, "recommendation")?;
    Ok(Json(service::patch(&state.db, &actor, id, input).await?))
}

/// Records a follow-up update: organizers, or the item's owner.
#[utoipa::path(post, path = "/api/v1/recommendations/{id}/updates", tag = "recommendations",
    params(("id" = i32, Path)), request_body = FollowUpInput,
    responses((status = 201, body = RecommendationOut), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn add_update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<FollowUpInput>,
) -> AppResult<(StatusCode, Json<RecommendationOut>)> {
    let id = parse_id(&id, "recommendation")?;
    let actor = user.0.ok_or(AppError::Unauthorized)?;
    let updated = service::add_update(&state.db, &actor, id, input).await?;
    Ok((StatusCode::CREATED, Json(updated)))
}

/// The addressees, with their aliases (organizers).
#[utoipa::path(get, path = "/api/v1/addressees", tag = "recommendations",
    responses((status = 200, body = Vec<AddresseeOut>), (status = 401, body = Problem),
        (status = 403, body = Problem)))]
async fn addressees(
    State(state): State<AppState>,
    Staff(_actor): Staff,
) -> AppResult<Json<Vec<AddresseeOut>>> {
    Ok(Json(vocabulary::addressees(&state.db).await?))
}

/// Adds an addressee with its aliases (organizers); items naming any of them are filed
/// under it.
#[utoipa::path(post, path = "/api/v1/addressees", tag = "recommendations",
    request_body = AddresseeInput,
    responses((status = 201, body = AddresseeOut), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn create_addressee(
    State(state): State<AppState>,
    Staff(actor): Staff,
    ApiJson(input): ApiJson<AddresseeInput>,
) -> AppResult<(StatusCode, Json<AddresseeOut>)> {
    let created = vocabulary::create_addressee(&state.db, &actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Links the item with another: `raised-again` (the later of the two is filed as raising
/// the earlier) or `supersedes` (organizers).
#[utoipa::path(post, path = "/api/v1/recommendations/{id}/links", tag = "recommendations",
    params(("id" = i32, Path)), request_body = LinkInput,
    responses((status = 201, body = RecommendationOut), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn add_link(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<LinkInput>,
) -> AppResult<(StatusCode, Json<RecommendationOut>)> {
    let id = parse_id(&id, "recommendation")?;
    let linked = links::link(&state.db, &actor, id, input).await?;
    Ok((StatusCode::CREATED, Json(linked)))
}

/// Removes the link between the item and another, whichever way it goes (organizers).
#[utoipa::path(delete, path = "/api/v1/recommendations/{id}/links/{other}", tag = "recommendations",
    params(("id" = i32, Path), ("other" = i32, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
async fn remove_link(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path((id, other)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "recommendation")?;
    let other = parse_id(&other, "link")?;
    links::unlink(&state.db, &actor, id, other).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Likely repeats of the item from other events and documents, for an organizer to
/// confirm as links.
#[utoipa::path(get, path = "/api/v1/recommendations/{id}/similar", tag = "recommendations",
    params(("id" = i32, Path)),
    responses((status = 200, body = Vec<SimilarOut>), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn similar(
    State(state): State<AppState>,
    Staff(_actor): Staff,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<SimilarOut>>> {
    let id = parse_id(&id, "recommendation")?;
    Ok(Json(links::similar(&state.db, id).await?))
}

/// Renames an addressee and replaces its aliases (organizers); an alias another addressee
/// holds moves here, and an addressee left with none is merged here.
#[utoipa::path(patch, path = "/api/v1/addressees/{id}", tag = "recommendations",
    params(("id" = i32, Path)), request_body = AddresseeInput,
    responses((status = 200, body = AddresseeOut), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_addressee(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AddresseeInput>,
) -> AppResult<Json<AddresseeOut>> {
    let id = parse_id(&id, "addressee")?;
    Ok(Json(
        vocabulary::update_addressee(&state.db, &actor, id, input).await?,
    ))
}

/// Removes an addressee (organizers); `?into=ID` merges it into another (its aliases and
/// items move there). Without `into`, 409 while items are filed under it.
#[utoipa::path(delete, path = "/api/v1/addressees/{id}", tag = "recommendations",
    params(("id" = i32, Path), ("into" = Option<i32>, Query)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn delete_addressee(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    query: ListQuery,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "addressee")?;
    let mut errors = FieldErrors::new();
    let into = query.parsed::<i32>("into", &mut errors);
    errors.finish()?;
    vocabulary::delete_addressee(&state.db, &actor, id, into).await?;
    Ok(StatusCode::NO_CONTENT)
}
