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
use crate::events::views::EventCard;
use crate::events::{EventStatus, read, store};
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
        upcoming: read::event_views(&state.db, upcoming)
            .await?
            .iter()
            .map(EventCard::from)
            .collect(),
        recent: read::event_views(&state.db, recent)
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
    groups: Vec<DocumentGroup>,
    syntheses: Vec<SynthesisLink>,
}

/// A published outcome report, with its event.
pub struct Document {
    pub event: EventCard,
    pub report_url: String,
    pub published: String,
}

/// The documents of one region.
pub struct DocumentGroup {
    pub region: String,
    pub documents: Vec<Document>,
}

pub struct SynthesisLink {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub reports: usize,
}

/// The library of published outcome reports, by region (the events' regions), and the
/// syntheses of the series they belong to.
async fn documents(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let mut ignored = FieldErrors::new();
    let region = query.parsed::<Region>("region", &mut ignored);
    let reports = crate::reports::store::published(state.db.conn(), None).await?;
    let ids: Vec<i32> = reports.iter().map(|r| r.event_id).collect();
    let mut events: Vec<_> = store::events_by_id(state.db.conn(), &ids)
        .await?
        .into_values()
        .filter(|e| e.status != EventStatus::Draft)
        .filter(|e| region.is_none_or(|r| e.region == Some(r)))
        .collect();
    events.sort_by(|a, b| b.starts_on.cmp(&a.starts_on).then(b.id.cmp(&a.id)));
    let views = read::event_views(&state.db, events).await?;
    let mut series: Vec<SynthesisLink> = Vec::new();
    let mut groups: Vec<DocumentGroup> = Vec::new();
    for view in &views {
        if let Some(brief) = &view.series {
            match series.iter_mut().find(|s| s.slug == brief.slug) {
                Some(link) => link.reports += 1,
                None => series.push(SynthesisLink {
                    slug: brief.slug.clone(),
                    title: brief.title.clone(),
                    url: format!("/series/{}/report", brief.slug),
                    reports: 1,
                }),
            }
        }
        let label = view.region.unwrap_or(Region::Global).label().to_string();
        let published = reports
            .iter()
            .find(|r| r.event_id == view.id)
            .and_then(|r| r.published_at)
            .map(|at| at.format("%-d %B %Y").to_string())
            .unwrap_or_default();
        let document = Document {
            event: EventCard::from(view),
            report_url: format!("/events/{}/report", view.slug),
            published,
        };
        match groups.iter_mut().find(|g| g.region == label) {
            Some(group) => group.documents.push(document),
            None => groups.push(DocumentGroup {
                region: label,
                documents: vec![document],
            }),
        }
    }
    groups.sort_by(|a, b| a.region.cmp(&b.region));
    let page = DocumentsPage {
        regions: Region::ALL
            .iter()
            .map(|r| Choice {
                value: r.as_str().to_string(),
                label: r.label().to_string(),
                selected: region == Some(*r),
            })
            .collect(),
        region: region.map(|r| r.label().to_string()),
        groups,
        syntheses: series,
        ctx,
    };
    Ok(render(&page))
}
