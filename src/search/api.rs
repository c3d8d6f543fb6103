//! `GET /api/v1/search`.

use axum::Json;
use axum::extract::State;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Hit;
use crate::app::AppState;
use crate::documents::Access;
use crate::error::{AppResult, FieldErrors, Problem};
use crate::web::{CurrentUser, ListQuery, Listed};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search))
}

/// Finds events, sessions, people, organizations, reports and summaries, and documents
/// (with the words inside their PDFs), best first. Accents and case do not matter; each
/// word matches the beginning of a word. Only what the caller may open is found.
#[utoipa::path(get, path = "/api/v1/search", tag = "search",
    params(("q" = String, Query, description = "the words to look for"),
        ("kind" = Option<super::Kind>, Query),
        ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = inline(Listed<Hit>)), (status = 422, body = Problem)))]
async fn search(
    State(state): State<AppState>,
    user: CurrentUser,
    query: ListQuery,
) -> AppResult<Json<Listed<Hit>>> {
    let mut errors = FieldErrors::new();
    let question = super::question_of(&query, &mut errors);
    let page = query.pagination(&mut errors);
    errors.finish()?;
    let found = super::find(&state.db, Access::of(user.0.as_ref()), &question, page).await?;
    Ok(Json(Listed {
        items: found.hits,
        total: found.total,
    }))
}
