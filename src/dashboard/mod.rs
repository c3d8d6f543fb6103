//! The organizers' dashboard (`/organize`): the way into every capability's workspace
//! pages (events and sessions, the directory, registrations, summaries and reports,
//! accounts, the outbox), with the events and series.

pub mod agenda;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use crate::app::AppState;
use crate::events::store as event_store;
use crate::events::views::EventCard;
use crate::web::Pagination;
use crate::web::pages::{Ctx, PageResult, Workspace, render};

pub fn routes() -> Router<AppState> {
    Router::new().route("/organize", get(dashboard))
}

pub struct SeriesLine {
    pub title: String,
    pub edit_url: String,
    pub public_url: String,
}

#[derive(Template)]
#[template(path = "dashboard/dashboard.html")]
struct Dashboard {
    ctx: Ctx,
    events: Vec<EventCard>,
    series: Vec<SeriesLine>,
    /// "Accounts", or "Accounts (2 to decide)" while applications wait.
    accounts_label: String,
    /// What needs doing, per event to come or just over (soonest first).
    agendas: Vec<AgendaView>,
}

pub struct AgendaView {
    pub event: EventCard,
    pub tasks: Vec<agenda::Task>,
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
    let today = chrono::Utc::now().date_naive();
    let mut current: Vec<_> = events
        .iter()
        .filter(|e| agenda::is_current(e, today))
        .cloned()
        .collect();
    current.sort_by_key(|e| (e.starts_on, e.id));
    let mut agendas = Vec::new();
    for event in current {
        let agenda = agenda::of_event(&state.db, &state.settings, event, ctx.lang).await?;
        let card = crate::events::read::event_views(&state.db, vec![agenda.event])
            .await?
            .remove(0);
        agendas.push(AgendaView {
            event: EventCard::in_workspace(&card, ctx.lang),
            tasks: agenda.tasks,
        });
    }
    let page = Dashboard {
        agendas,
        events: crate::events::read::event_views(&state.db, events)
            .await?
            .iter()
            .map(|e| EventCard::in_workspace(e, ctx.lang))
            .collect(),
        series: series
            .into_iter()
            .map(|s| SeriesLine {
                edit_url: format!("/organize/series/{}/edit", s.slug),
                public_url: format!("/series/{}", s.slug),
                title: s.title,
            })
            .collect(),
        accounts_label: match crate::members::store::count_pending(state.db.conn()).await? {
            0 => ctx.t("ws-accounts"),
            n => ctx.tn(
                "ws-accounts-pending",
                &[("count", i64::try_from(n).unwrap_or(i64::MAX))],
            ),
        },
        ctx,
    };
    Ok(render(&page))
}
