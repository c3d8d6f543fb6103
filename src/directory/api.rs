//! `/api/v1/organizations` and `/api/v1/people`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use serde_json::{Map, Value};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::store::{OrganizationFilter, PersonFilter};
use super::{
    OrganizationInput, OrganizationOut, PersonInput, PersonOut, merge, service, spreadsheet, store,
};
use crate::app::AppState;
use crate::domain::{CountryCode, Region};
use crate::error::{AppError, AppResult, FieldErrors, Problem};
use crate::web::{ApiJson, CurrentUser, ListQuery, Listed, Staff, csv_download, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_organizations, create_organization))
        .routes(routes!(
            get_organization,
            update_organization,
            delete_organization
        ))
        .routes(routes!(list_people, create_person))
        .routes(routes!(get_person, update_person, delete_person))
        .routes(routes!(people_csv))
        .routes(routes!(organizations_csv))
        .routes(routes!(import_people))
        .routes(routes!(merge_person))
}

/// Organizations, by name; public.
#[utoipa::path(get, path = "/api/v1/organizations", tag = "directory",
    params(("q" = Option<String>, Query, description = "searches name and acronym"),
        ("kind" = Option<String>, Query), ("region" = Option<String>, Query),
        ("country" = Option<String>, Query), ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = Listed<OrganizationOut>), (status = 422, body = Problem)))]
async fn list_organizations(
    State(state): State<AppState>,
    query: ListQuery,
) -> AppResult<Json<Listed<OrganizationOut>>> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let filter = OrganizationFilter {
        q: query.get("q").map(str::to_string),
        kind: query.parsed("kind", &mut errors),
        region: query.parsed::<Region>("region", &mut errors),
        country: query
            .get("country")
            .and_then(|c| errors.check("country", CountryCode::parse(c))),
    };
    errors.finish()?;
    let (items, total) = store::list_organizations(state.db.conn(), &filter, page).await?;
    Ok(Json(Listed {
        items: items.into_iter().map(Into::into).collect(),
        total,
    }))
}

/// Adds an organization.
#[utoipa::path(post, path = "/api/v1/organizations", tag = "directory",
    request_body = OrganizationInput,
    responses((status = 201, body = OrganizationOut), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn create_organization(
    State(state): State<AppState>,
    Staff(actor): Staff,
    ApiJson(input): ApiJson<OrganizationInput>,
) -> AppResult<(StatusCode, Json<OrganizationOut>)> {
    let org = input.validate()?;
    let created = service::create_organization(&state.db, Some(&actor), org).await?;
    Ok((StatusCode::CREATED, Json(created.into())))
}

/// One organization; public.
#[utoipa::path(get, path = "/api/v1/organizations/{id}", tag = "directory",
    params(("id" = i32, Path)),
    responses((status = 200, body = OrganizationOut), (status = 404, body = Problem)))]
async fn get_organization(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<OrganizationOut>> {
    let id = parse_id(&id, "organization")?;
    let org = store::organization(state.db.conn(), id)
        .await?
        .ok_or(AppError::NotFound("organization"))?;
    Ok(Json(org.into()))
}

/// Changes the fields sent; `null` clears an optional field.
#[utoipa::path(patch, path = "/api/v1/organizations/{id}", tag = "directory",
    params(("id" = i32, Path)), request_body = OrganizationInput,
    responses((status = 200, body = OrganizationOut), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_organization(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Map<String, Value>>,
) -> AppResult<Json<OrganizationOut>> {
    let id = parse_id(&id, "organization")?;
    let updated = service::update_organization(&state.db, &actor, id, patch).await?;
    Ok(Json(updated.into()))
}

/// Removes an organization no person or event refers to (409 otherwise).
#[utoipa::path(delete, path = "/api/v1/organizations/{id}", tag = "directory",
    params(("id" = i32, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn delete_organization(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "organization")?;
    service::delete_organization(&state.db, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// People, by family name; for signed-in users (emails, and searching by email, for
/// organizers only).
#[utoipa::path(get, path = "/api/v1/people", tag = "directory",
    params(("q" = Option<String>, Query, description = "searches names and organization (and emails, for organizers)"),
        ("organization_id" = Option<i32>, Query), ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = Listed<PersonOut>), (status = 401, body = Problem), (status = 422, body = Problem)))]
async fn list_people(
    State(state): State<AppState>,
    user: CurrentUser,
    query: ListQuery,
) -> AppResult<Json<Listed<PersonOut>>> {
    let actor = user.require()?;
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let filter = PersonFilter {
        q: query.get("q").map(str::to_string),
        organization_id: query.parsed("organization_id", &mut errors),
    };
    errors.finish()?;
    let (people, total) =
        store::list_people_searching(state.db.conn(), &filter, page, actor.is_staff()).await?;
    let items = service::with_organizations(&state.db, people, actor.is_staff()).await?;
    Ok(Json(Listed { items, total }))
}

/// Adds a person.
#[utoipa::path(post, path = "/api/v1/people", tag = "directory",
    request_body = PersonInput,
    responses((status = 201, body = PersonOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 409, body = Problem, description = "email already used"),
        (status = 422, body = Problem)))]
async fn create_person(
    State(state): State<AppState>,
    Staff(actor): Staff,
    ApiJson(input): ApiJson<PersonInput>,
) -> AppResult<(StatusCode, Json<PersonOut>)> {
    let person = input.validate()?;
    let created = service::create_person(&state.db, Some(&actor), person).await?;
    let mut out = service::with_organizations(&state.db, vec![created], true).await?;
    Ok((StatusCode::CREATED, Json(out.remove(0))))
}

/// One person; for signed-in users.
#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "directory",
    params(("id" = i32, Path)),
    responses((status = 200, body = PersonOut), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_person(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<PersonOut>> {
    let actor = user.require()?;
    let id = parse_id(&id, "person")?;
    let person = store::person(state.db.conn(), id)
        .await?
        .ok_or(AppError::NotFound("person"))?;
    let mut out = service::with_organizations(&state.db, vec![person], actor.is_staff()).await?;
    Ok(Json(out.remove(0)))
}

/// Changes the fields sent; `null` clears an optional field.
#[utoipa::path(patch, path = "/api/v1/people/{id}", tag = "directory",
    params(("id" = i32, Path)), request_body = PersonInput,
    responses((status = 200, body = PersonOut), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_person(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Map<String, Value>>,
) -> AppResult<Json<PersonOut>> {
    let id = parse_id(&id, "person")?;
    let updated = service::update_person(&state.db, &actor, id, patch).await?;
    let mut out = service::with_organizations(&state.db, vec![updated], true).await?;
    Ok(Json(out.remove(0)))
}

/// Removes a person assigned to no session (409 otherwise).
#[utoipa::path(delete, path = "/api/v1/people/{id}", tag = "directory",
    params(("id" = i32, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn delete_person(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "person")?;
    service::delete_person(&state.db, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ----- Spreadsheets and merging -----

/// Every person as a spreadsheet (organizers): UTF-8 with a byte-order mark, a header row
/// in words, the columns the import reads.
#[utoipa::path(get, path = "/api/v1/people.csv", tag = "directory",
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = Problem),
        (status = 403, body = Problem)))]
async fn people_csv(State(state): State<AppState>, Staff(_actor): Staff) -> AppResult<Response> {
    Ok(csv_download(
        "people.csv",
        spreadsheet::people_csv(&state.db).await?,
    ))
}

/// Every organization as a spreadsheet (organizers).
#[utoipa::path(get, path = "/api/v1/organizations.csv", tag = "directory",
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = Problem),
        (status = 403, body = Problem)))]
async fn organizations_csv(
    State(state): State<AppState>,
    Staff(_actor): Staff,
) -> AppResult<Response> {
    Ok(csv_download(
        "organizations.csv",
        spreadsheet::organizations_csv(&state.db).await?,
    ))
}

/// Adds and updates people from a spreadsheet (`Content-Type: text/csv`, the columns of
/// `people.csv`; a row with an ID or a known email updates that person). Every row is
/// checked first: with any error, nothing is written and `errors` lists them all by row
/// and column. `?dry_run=true` only checks.
#[utoipa::path(post, path = "/api/v1/people/import", tag = "directory",
    params(("dry_run" = Option<bool>, Query)),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = spreadsheet::ImportOutcome), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn import_people(
    State(state): State<AppState>,
    Staff(actor): Staff,
    query: ListQuery,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Json<spreadsheet::ImportOutcome>> {
    let mut errors = FieldErrors::new();
    let dry_run = query
        .parsed::<bool>("dry_run", &mut errors)
        .unwrap_or(false);
    errors.finish()?;
    let csv = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.starts_with("text/csv")
                || v.starts_with("text/plain")
                || v.starts_with("application/csv")
        });
    if !csv {
        return Err(AppError::BadRequest(
            "the body must be CSV, sent with Content-Type: text/csv".into(),
        ));
    }
    let text = std::str::from_utf8(&body)
        .map_err(|_| AppError::invalid("body", "is not UTF-8 text: save the file as CSV UTF-8"))?;
    Ok(Json(
        spreadsheet::import_people(&state.db, &actor, text, dry_run).await?,
    ))
}

/// Merges a person into another (`into`): their roles, invitations and summaries' points
/// move to `into`, blanks of `into` are filled from them, and they are deleted.
#[utoipa::path(post, path = "/api/v1/people/{id}/merge", tag = "directory",
    params(("id" = i32, Path)), request_body = merge::MergeInput,
    responses((status = 200, body = PersonOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn merge_person(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<merge::MergeInput>,
) -> AppResult<Json<PersonOut>> {
    let id = parse_id(&id, "person")?;
    let kept = merge::merge(&state.db, &actor, id, input).await?;
    let mut out = service::with_organizations(&state.db, vec![kept], true).await?;
    Ok(Json(out.remove(0)))
}
