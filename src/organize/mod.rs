//! The organizers' workspace (`/organize`): series, events, sessions, people and
//! organizations edited through forms that validate on the server, keep what was typed
//! and show each error beside its field; the conflicts report inline; publish and cancel.
//! Every change goes through the same services as the API.

mod directory;
mod events;
pub mod forms;
mod sessions;

pub use events::country_choices;

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::get;

use crate::app::AppState;
use crate::events::views::EventCard;
use crate::events::{service as event_service, store as event_store};
use crate::web::pages::{Ctx, PageResult, render, require_staff};
use crate::web::{Actor, Pagination};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize", get(dashboard))
        .merge(events::routes())
        .merge(sessions::routes())
        .merge(directory::routes())
}

/// A signed-in organizer or admin on a workspace page; anyone else is sent to sign in
/// (or shown that the workspace is not theirs).
pub struct Workspace {
    pub ctx: Ctx,
    pub actor: Actor,
}

impl FromRequestParts<AppState> for Workspace {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        let ctx = Ctx::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let actor = require_staff(&ctx)?;
        Ok(Self { ctx, actor })
    }
}

pub struct SeriesLine {
    pub title: String,
    pub edit_url: String,
    pub public_url: String,
}

#[derive(Template)]
#[template(path = "organize/dashboard.html")]
struct Dashboard {
    ctx: Ctx,
    events: Vec<EventCard>,
    series: Vec<SeriesLine>,
    pending_applications: u64,
}

async fn dashboard(State(state): State<AppState>, Workspace { ctx, .. }: Workspace) -> PageResult {
    let filter = event_store::EventFilter::default();
    let (events, _) = event_store::list_events(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 500,
            offset: 0,
        },
        true,
    )
    .await?;
    let (series, _) = event_store::list_series(
        state.db.conn(),
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    let page = Dashboard {
        events: event_service::event_views(&state.db, events)
            .await?
            .iter()
            .map(EventCard::from)
            .collect(),
        series: series
            .into_iter()
            .map(|s| SeriesLine {
                edit_url: format!("/organize/series/{}/edit", s.slug),
                public_url: format!("/series/{}", s.slug),
                title: s.title,
            })
            .collect(),
        pending_applications: crate::members::store::count_pending(state.db.conn()).await?,
        ctx,
    };
    Ok(render(&page))
}
