//! `/api/v1/events/{event}/report` (read, introduction and conclusions, publish, withdraw)
//! and `/api/v1/series/{series}/report`, the synthesis.

use axum::Json;
use axum::extract::{Path, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{EventReport, ReportInput, Synthesis, service};
use crate::app::AppState;
use crate::error::{AppResult, Problem};
use crate::events::SeriesRef;
use crate::web::{ApiJson, CurrentUser, Staff};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_report, patch_report))
        .routes(routes!(publish))
        .routes(routes!(withdraw))
        .routes(routes!(series_report))
}

/// The outcome report, assembled from the approved summaries.
///
/// A published report is an edition: the public reads its latest published edition
/// (`edition` 1, 2...) until the organizers publish again; later approvals change nothing
/// public meanwhile. Organizers read the report as it stands now, with the summaries still
/// `missing`, the number of the latest edition (`edition`, 0 before the first
/// publication), whether it differs from that edition (`pending_changes`, false before the
/// first publication) and how (`changes`).
#[utoipa::path(get, path = "/api/v1/events/{event}/report", tag = "reports",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = EventReport), (status = 404, body = Problem)))]
async fn get_report(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(reference): Path<String>,
) -> AppResult<Json<EventReport>> {
    let staff = user.is_staff();
    Ok(Json(
        service::visible_report(
            &state.db,
            &state.settings,
            &SeriesRef::parse(&reference),
            staff,
        )
        .await?,
    ))
}

/// Changes the introduction and conclusions (Markdown; a merge patch).
#[utoipa::path(patch, path = "/api/v1/events/{event}/report", tag = "reports",
    params(("event" = String, Path, description = "id or slug")), request_body = ReportInput,
    responses((status = 200, body = EventReport), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn patch_report(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
    ApiJson(patch): ApiJson<serde_json::Map<String, serde_json::Value>>,
) -> AppResult<Json<EventReport>> {
    Ok(Json(
        service::update(
            &state.db,
            &state.settings,
            &actor,
            &SeriesRef::parse(&reference),
            patch,
        )
        .await?,
    ))
}

/// Publishes the report as its next edition.
///
/// The report as it stands becomes its next edition (`edition` one more), public and in
/// `/documents`; publishing what the latest edition already says keeps that edition.
/// Needs an approved summary (409).
#[utoipa::path(post, path = "/api/v1/events/{event}/report/publish", tag = "reports",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = EventReport), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn publish(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<EventReport>> {
    Ok(Json(
        service::publish(
            &state.db,
            &state.settings,
            &actor,
            &SeriesRef::parse(&reference),
        )
        .await?
        .0,
    ))
}

/// Withdraws a published report.
///
/// Back to draft, no longer public; its editions are kept and the next publication
/// numbers on from them.
#[utoipa::path(post, path = "/api/v1/events/{event}/report/withdraw", tag = "reports",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = EventReport), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
async fn withdraw(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<EventReport>> {
    Ok(Json(
        service::withdraw(
            &state.db,
            &state.settings,
            &actor,
            &SeriesRef::parse(&reference),
        )
        .await?,
    ))
}

/// The synthesis of a series from its events' published reports: themes and challenges
/// ranked by how many events raised them, recommendations by addressee, strategies by
/// region.
#[utoipa::path(get, path = "/api/v1/series/{series}/report", tag = "reports",
    params(("series" = String, Path, description = "id or slug")),
    responses((status = 200, body = Synthesis), (status = 404, body = Problem)))]
async fn series_report(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(reference): Path<String>,
) -> AppResult<Json<Synthesis>> {
    let staff = user.is_staff();
    Ok(Json(
        service::visible_synthesis(
            &state.db,
            &state.settings,
            &SeriesRef::parse(&reference),
            staff,
            // The API answers its data in English, whatever the request's language.
            crate::i18n::Language::En,
        )
        .await?,
    ))
}
