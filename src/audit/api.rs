//! `GET /api/v1/audit`: who changed what, for organizers.

use axum::Json;
use axum::extract::State;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AuditEntry;
use crate::app::AppState;
use crate::error::{AppResult, FieldErrors, Problem};
use crate::web::{ListQuery, Listed, Staff};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_audit))
}

/// The audit log, newest first; filters `?entity=event&entity_id=3`.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit",
    params(("entity" = Option<String>, Query, description = "organization, person, series, event, session"),
        ("entity_id" = Option<i32>, Query), ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = Listed<AuditEntry>), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn list_audit(
    State(state): State<AppState>,
    _staff: Staff,
    query: ListQuery,
) -> AppResult<Json<Listed<AuditEntry>>> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let entity_id = query.parsed::<i32>("entity_id", &mut errors);
    errors.finish()?;
    let (items, total) = super::list(state.db.conn(), query.get("entity"), entity_id, page).await?;
    Ok(Json(Listed { items, total }))
}
