//! The outbox page of the workspace: what was sent to whom, what waits, what failed.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::OutboxStatus;
use super::api::OutboxItem;
use super::outbox::{self, OutboxFilter};
use crate::app::AppState;
use crate::error::FieldErrors;
use crate::web::pages::Workspace;
use crate::web::pages::{Ctx, PageResult, render};
use crate::web::{ListQuery, Pagination};

pub fn routes() -> Router<AppState> {
    Router::new().route("/organize/outbox", get(outbox_page))
}

#[derive(Template)]
#[template(path = "mail/outbox.html")]
struct OutboxPage {
    ctx: Ctx,
    items: Vec<OutboxItem>,
    total: u64,
    /// Each status, how many messages have it, whether it is the filter shown.
    counts: Vec<(OutboxStatus, u64, bool)>,
    status: Option<OutboxStatus>,
}

async fn outbox_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    query: ListQuery,
) -> PageResult {
    let mut ignored = FieldErrors::new();
    let status = query.parsed::<OutboxStatus>("status", &mut ignored);
    let filter = OutboxFilter {
        status,
        event_id: query.parsed("event_id", &mut ignored),
        person_id: query.parsed("person_id", &mut ignored),
    };
    let (rows, total) = outbox::list(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 200,
            offset: 0,
        },
    )
    .await?;
    let mut counts = Vec::new();
    for s in OutboxStatus::ALL {
        counts.push((
            *s,
            outbox::count_by_status(state.db.conn(), *s).await?,
            status == Some(*s),
        ));
    }
    let page = OutboxPage {
        items: rows.into_iter().map(Into::into).collect(),
        total,
        counts,
        status,
        ctx,
    };
    Ok(render(&page))
}
