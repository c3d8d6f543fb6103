//! `POST /api/v1/people/{id}/feed`: a person's calendar feed address.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::{self, FeedUrls};
use crate::app::AppState;
use crate::error::{AppResult, Problem};
use crate::web::{Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(rotate_feed))
}

/// Creates the person's calendar feed, or rotates it: the new address is shown this once
/// (only its hash is stored) and the previous one stops working.
#[utoipa::path(post, path = "/api/v1/people/{id}/feed", tag = "calendar",
    params(("id" = i32, Path)),
    responses((status = 201, body = FeedUrls, description = "The feed's new addresses"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[tracing::instrument(skip_all, fields(person = %id), err(level = "debug"))]
async fn rotate_feed(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<FeedUrls>)> {
    let id = parse_id(&id, "person")?;
    let urls = service::rotate_feed(&state.db, &state.settings, &actor, id).await?;
    Ok((StatusCode::CREATED, Json(urls)))
}
