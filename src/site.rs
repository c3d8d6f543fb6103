//! The site's front door: the home page (upcoming and recent events), the documents
//! library, static assets, and the page shown for unknown paths.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use crate::app::AppState;
use crate::domain::Region;
use crate::error::FieldErrors;
use crate::events::pages::Choice;
use crate::events::views::{self, EventCard};
use crate::events::{EventStatus, service, store};
use crate::web::pages::{Ctx, PageResult, render};
use crate::web::{ListQuery, Pagination};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/documents", get(documents))
        .route("/static/{name}", get(crate::web::assets::serve))
        .route("/favicon.ico", get(crate::web::assets::favicon))
}

#[derive(Template)]
#[template(path = "site/home.html")]
struct HomePage {
    ctx: Ctx,
    upcoming: Vec<EventCard>,
    recent: Vec<EventCard>,
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let today = chrono::Utc::now().date_naive();
    let upcoming = store::EventFilter {
        statuses: vec![EventStatus::Published],
        ends_from: Some(today),
        ..Default::default()
    };
    let (upcoming, _) = store::list_events(
        state.db.conn(),
        &upcoming,
        Pagination {
            limit: 20,
            offset: 0,
        },
        false,
    )
    .await?;
    let recent = store::EventFilter {
        statuses: vec![EventStatus::Published],
        starts_before: Some(today),
        ..Default::default()
    };
    let (recent, _) = store::list_events(
        state.db.conn(),
        &recent,
        Pagination {
            limit: 12,
            offset: 0,
        },
        true,
    )
    .await?;
    let recent: Vec<_> = recent.into_iter().filter(|e| e.ends_on < today).collect();
    let page = HomePage {
        upcoming: service::event_views(&state.db, upcoming)
            .await?
            .iter()
            .map(EventCard::from)
            .collect(),
        recent: service::event_views(&state.db, recent)
            .await?
            .iter()
            .map(EventCard::from)
            .collect(),
        ctx,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "site/documents.html")]
struct DocumentsPage {
    ctx: Ctx,
    regions: Vec<Choice>,
    region: Option<String>,
    events: Vec<EventCard>,
}

/// The library of published documents by region. Outcome reports join it once they can
/// be published; until then it lists the past events whose reports will appear here.
async fn documents(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let mut ignored = FieldErrors::new();
    let region = query.parsed::<Region>("region", &mut ignored);
    let filter = store::EventFilter {
        region,
        statuses: vec![EventStatus::Published],
        starts_before: Some(chrono::Utc::now().date_naive()),
        ..Default::default()
    };
    let (events, _) = store::list_events(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 200,
            offset: 0,
        },
        true,
    )
    .await?;
    let page = DocumentsPage {
        regions: Region::ALL
            .iter()
            .map(|r| Choice {
                value: r.as_str().to_string(),
                label: views::region_label(r.as_str()),
                selected: region == Some(*r),
            })
            .collect(),
        region: region.map(|r| views::region_label(r.as_str())),
        events: service::event_views(&state.db, events)
            .await?
            .iter()
            .map(EventCard::from)
            .collect(),
        ctx,
    };
    Ok(render(&page))
}
