//! The site's front door: the home page (upcoming and recent events), the documents
//! library (uploaded documents and published outcome reports, by region), static assets,
//! and the page shown for unknown paths.

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
            .map(|e| EventCard::localized(e, ctx.lang))
            .collect(),
        recent: read::event_views(&state.db, recent)
            .await?
            .iter()
            .map(|e| EventCard::localized(e, ctx.lang))
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
    kinds: Vec<Choice>,
    years: Vec<Choice>,
    languages: Vec<Choice>,
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

/// The documents of one region: the library's, then the outcome reports.
pub struct DocumentGroup {
    pub region: String,
    pub library: Vec<crate::documents::pages::DocumentCard>,
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
    let kind = query.parsed::<crate::documents::DocumentKind>("kind", &mut ignored);
    let year = query
        .get("year")
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|y| (1900..=2200).contains(y));
    let language = query
        .get("language")
        .filter(|tag| crate::documents::is_language_tag(tag))
        .map(str::to_string);
    let reader = crate::documents::Access::of(ctx.user.as_ref());
    let lang = ctx.lang;
    // Outcome reports and syntheses are listed when no kind of document and no language
    // is asked for (they record no language yet).
    let reports = crate::reports::store::published(state.db.conn(), None).await?;
    let ids: Vec<i32> = reports.iter().map(|r| r.event_id).collect();
    let reported: Vec<_> = store::events_by_id(state.db.conn(), &ids)
        .await?
        .into_values()
        .filter(|e| e.status != EventStatus::Draft)
        .collect();
    let (mut years, languages) = crate::documents::service::facets(&state.db, reader).await?;
    years.extend(
        reported
            .iter()
            .map(|e| chrono::Datelike::year(&e.starts_on)),
    );
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let reports = if kind.is_none() && language.is_none() {
        reports
    } else {
        Vec::new()
    };
    let mut events: Vec<_> = reported
        .into_iter()
        .filter(|e| reports.iter().any(|r| r.event_id == e.id))
        .filter(|e| region.is_none_or(|r| e.region == Some(r)))
        .filter(|e| year.is_none_or(|y| chrono::Datelike::year(&e.starts_on) == y))
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
        let label = crate::documents::pages::region_name(
            lang,
            view.region.unwrap_or(Region::Global).as_str(),
        );
        let published = reports
            .iter()
            .find(|r| r.event_id == view.id)
            .and_then(|r| r.published_at)
            .map(|at| crate::i18n::dates::long(lang, at.date_naive()))
            .unwrap_or_default();
        let document = Document {
            event: EventCard::localized(view, lang),
            report_url: format!("/events/{}/report", view.slug),
            published,
        };
        match groups.iter_mut().find(|g| g.region == label) {
            Some(group) => group.documents.push(document),
            None => groups.push(DocumentGroup {
                region: label,
                library: Vec::new(),
                documents: vec![document],
            }),
        }
    }
    // The library's documents, each under every region it is filed under (a sub-region
    // under its region), those filed under none under Global.
    let filter = crate::documents::service::Filter {
        region,
        kind,
        year,
        language: language.clone(),
        ..Default::default()
    };
    let (library, _) = crate::documents::service::list(
        &state.db,
        reader,
        &filter,
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    for document in &library {
        let mut filed: Vec<Region> = document
            .regions
            .iter()
            .filter_map(|name| crate::documents::region_of(name))
            .filter(|r| region.is_none_or(|wanted| wanted == *r))
            .collect();
        filed.sort();
        filed.dedup();
        if filed.is_empty() {
            filed.push(region.unwrap_or(Region::Global));
        }
        for r in filed {
            let label = crate::documents::pages::region_name(lang, r.as_str());
            let card = crate::documents::pages::DocumentCard::localized(document, lang);
            match groups.iter_mut().find(|g| g.region == label) {
                Some(group) => group.library.push(card),
                None => groups.push(DocumentGroup {
                    region: label,
                    library: vec![card],
                    documents: Vec::new(),
                }),
            }
        }
    }
    groups.sort_by(|a, b| a.region.cmp(&b.region));
    let page = DocumentsPage {
        regions: Choice::vocabulary_in(region, lang, "region"),
        kinds: Choice::vocabulary_in(kind, lang, "doc-kind"),
        years: crate::events::pages::choices(
            years.iter().map(|y| (y.to_string(), y.to_string())),
            year.map(|y| y.to_string()).as_deref(),
        ),
        languages: crate::events::pages::choices(
            languages.iter().map(|tag| {
                (
                    tag.clone(),
                    crate::documents::pages::language_name(lang, tag),
                )
            }),
            language.as_deref(),
        ),
        region: region.map(|r| crate::documents::pages::region_name(lang, r.as_str())),
        groups,
        syntheses: series,
        ctx,
    };
    Ok(render(&page))
}
