//! The public pages of events: the events list with filters, an event with its programme
//! day by day, a session, the series list and a series with its events.

use crate::i18n::content::Translations;
use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::views::{self, EventCard, ProgrammeDay, RoleGroup};
use super::{EventKind, EventStatus, SeriesRef, store};
use crate::app::AppState;
use crate::domain::Region;
use crate::error::{AppError, FieldErrors};
use crate::web::pages::PagePath as Path;
use crate::web::pages::{Ctx, PageResult, render};
use crate::web::{ListQuery, Pagination, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events", get(events_page))
        .route("/events/{event}", get(event_page))
        .route("/sessions/{id}", get(session_page))
        .route("/series", get(series_list_page))
        .route("/series/{series}", get(series_page))
}

/// A choice of a filter form.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    /// Every value of a vocabulary as a choice, `current` selected.
    pub fn vocabulary<T: crate::domain::Vocabulary + PartialEq>(current: Option<T>) -> Vec<Choice> {
        T::all()
            .iter()
            .map(|v| Choice {
                value: v.value().to_string(),
                label: v.label().to_string(),
                selected: current == Some(*v),
            })
            .collect()
    }

    /// The same, each value named in `lang` by its message `<kind>-<value>`.
    pub fn vocabulary_in<T: crate::domain::Vocabulary + PartialEq>(
        current: Option<T>,
        lang: crate::i18n::Language,
        kind: &str,
    ) -> Vec<Choice> {
        choices(
            crate::web::forms::term_choices::<T>(lang, kind),
            current.map(|v| v.value()),
        )
    }
}

/// Choices of (value, label), `current` selected.
pub fn choices(
    values: impl IntoIterator<Item = (String, String)>,
    current: Option<&str>,
) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(value, label)| Choice {
            selected: current == Some(value.as_str()),
            value,
            label,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "events/list.html")]
struct EventsPage {
    ctx: Ctx,
    events: Vec<EventCard>,
    total: usize,
    regions: Vec<Choice>,
    kinds: Vec<Choice>,
    years: Vec<Choice>,
    filtered: bool,
}

async fn events_page(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    // Unknown filter values are ignored rather than refused: this is a page, not an API.
    let mut ignored = FieldErrors::new();
    let region = query.parsed::<Region>("region", &mut ignored);
    let kind = query.parsed::<EventKind>("kind", &mut ignored);
    let year = query
        .parsed::<i32>("year", &mut ignored)
        .filter(|y| (1900..=2200).contains(y));
    let statuses = if ctx.is_staff() {
        vec![
            EventStatus::Published,
            EventStatus::Cancelled,
            EventStatus::Draft,
        ]
    } else {
        vec![EventStatus::Published, EventStatus::Cancelled]
    };
    let all = Pagination {
        limit: 500,
        offset: 0,
    };
    let everything = store::EventFilter {
        statuses: statuses.clone(),
        ..Default::default()
    };
    let (all_events, _) = store::list_events(state.db.conn(), &everything, all, true).await?;
    let mut years: Vec<i32> = all_events
        .iter()
        .map(|e| chrono::Datelike::year(&e.starts_on))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let filter = store::EventFilter {
        region,
        kind,
        year,
        statuses,
        ..Default::default()
    };
    let (events, total) = store::list_events(state.db.conn(), &filter, all, true).await?;
    let events = super::read::event_views(&state.db, events).await?;
    let page = EventsPage {
        events: events
            .iter()
            .map(|e| EventCard::localized(e, ctx.lang))
            .collect(),
        total: usize::try_from(total).unwrap_or(usize::MAX),
        regions: Choice::vocabulary_in(region, ctx.lang, "region"),
        kinds: Choice::vocabulary_in(kind, ctx.lang, "event-kind"),
        years: choices(
            years.iter().map(|y| (y.to_string(), y.to_string())),
            year.map(|y| y.to_string()).as_deref(),
        ),
        filtered: region.is_some() || kind.is_some() || year.is_some(),
        ctx,
    };
    Ok(render(&page))
}

pub struct OrganizerLine {
    pub name: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "events/event.html")]
struct EventPage {
    ctx: Ctx,
    event: EventCard,
    description: Vec<String>,
    /// The language to mark the description with, when it is not the page's.
    description_lang: Option<&'static str>,
    venue: Option<String>,
    timezone: String,
    /// The series it is part of: its address, its title in the reader's language and the
    /// language to mark that title with when it is another.
    series: Option<(String, String, Option<&'static str>)>,
    organizers: Vec<OrganizerLine>,
    days: Vec<ProgrammeDay>,
    registration: crate::registrations::form::RegistrationForm,
    /// The outcome report is published.
    report: bool,
}

async fn event_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(reference): Path<String>,
    query: ListQuery,
) -> PageResult {
    // An invitation link to an invite-only event carries `?invitation=<token>`.
    let mut values = crate::web::forms::Values::default();
    values.set("invitation", query.get("invitation"));
    event_page_with(&state, ctx, &reference, &values, &[]).await
}

/// The event page, with its registration form holding `values` and `errors`.
pub async fn event_page_with(
    state: &AppState,
    ctx: Ctx,
    reference: &str,
    values: &crate::web::forms::Values,
    errors: &[crate::error::FieldError],
) -> PageResult {
    let event =
        super::read::visible_event(&state.db, &SeriesRef::parse(reference), ctx.is_staff()).await?;
    let zone = event.timezone;
    let report = crate::reports::store::of_event(state.db.conn(), event.id)
        .await?
        .is_some_and(|r| r.status == crate::reports::ReportStatus::Published);
    let out = super::read::event_view(&state.db, event.clone(), ctx.is_staff()).await?;
    let registration = crate::registrations::form::form_for(
        &state.settings,
        &event,
        out.places_left,
        values,
        errors,
        ctx.lang,
    );
    let sessions = out.sessions.clone().unwrap_or_default();
    let (description, description_lang) = views::description(&out, ctx.lang);
    let series = match &out.series {
        Some(brief) => store::series(state.db.conn(), &SeriesRef::Slug(brief.slug.clone()))
            .await?
            .map(|s| {
                let title = Translations::stored(s.translations.as_deref())
                    .pick(s.language, ctx.lang, "title", &s.title);
                (format!("/series/{}", s.slug), title.text, title.mark)
            }),
        None => None,
    };
    let page = EventPage {
        event: EventCard::localized(&out, ctx.lang),
        description,
        description_lang,
        venue: out.venue.clone(),
        timezone: out.timezone.clone(),
        series,
        organizers: out
            .organizers
            .iter()
            .map(|o| OrganizerLine {
                name: match &o.acronym {
                    Some(acronym) => format!("{} ({acronym})", o.name),
                    None => o.name.clone(),
                },
                role: ctx.term("involvement", o.role.as_str()),
            })
            .collect(),
        days: views::programme(&sessions, zone, out.language, ctx.lang),
        registration,
        report,
        ctx,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "events/session.html")]
struct SessionPage {
    ctx: Ctx,
    event: EventCard,
    title: String,
    title_lang: Option<&'static str>,
    description_lang: Option<&'static str>,
    kind: String,
    date: String,
    time: String,
    timezone: String,
    room: Option<String>,
    description: Vec<String>,
    groups: Vec<RoleGroup>,
}

async fn session_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let (session, event) = super::read::visible_session(&state.db, id, ctx.is_staff()).await?;
    let zone = event.timezone;
    let out = super::read::session_views(state.db.conn(), vec![session], zone)
        .await?
        .pop()
        .ok_or(AppError::NotFound("session"))?;
    let line = views::session_line_in(&out, zone, event.language, ctx.lang);
    let description = out.translations.pick_opt(
        event.language,
        ctx.lang,
        "description",
        out.description.as_deref(),
    );
    let event = super::read::event_views(&state.db, vec![event])
        .await?
        .remove(0);
    let page = SessionPage {
        event: EventCard::localized(&event, ctx.lang),
        title: line.title,
        title_lang: line.title_lang,
        description_lang: description.as_ref().and_then(|d| d.mark),
        kind: line.kind,
        date: views::local_day(&out, zone)
            .map(|day| crate::i18n::dates::with_weekday(ctx.lang, day))
            .unwrap_or(line.date),
        time: line.time,
        timezone: zone.name().to_string(),
        room: line.room,
        description: views::paragraphs(description.as_ref().map(|d| d.text.as_str())),
        groups: line.groups,
        ctx,
    };
    Ok(render(&page))
}

pub struct SeriesCard {
    pub url: String,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub description: Option<String>,
    pub description_lang: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "events/series_list.html")]
struct SeriesListPage {
    ctx: Ctx,
    series: Vec<SeriesCard>,
}

async fn series_list_page(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let (series, _) = store::list_series(
        state.db.conn(),
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    let page = SeriesListPage {
        series: series
            .into_iter()
            .map(|s| {
                let translations = Translations::stored(s.translations.as_deref());
                let title = translations.pick(s.language, ctx.lang, "title", &s.title);
                let description = translations.pick_opt(
                    s.language,
                    ctx.lang,
                    "description",
                    s.description.as_deref(),
                );
                SeriesCard {
                    url: format!("/series/{}", s.slug),
                    title: title.text,
                    title_lang: title.mark,
                    description_lang: description.as_ref().and_then(|d| d.mark),
                    description: description
                        .and_then(|d| views::paragraphs(Some(&d.text)).into_iter().next()),
                }
            })
            .collect(),
        ctx,
    };
    Ok(render(&page))
}

pub struct RegionGroup {
    pub label: String,
    pub events: Vec<EventCard>,
}

#[derive(Template)]
#[template(path = "events/series.html")]
struct SeriesPage {
    ctx: Ctx,
    slug: String,
    title: String,
    title_lang: Option<&'static str>,
    description: Vec<String>,
    description_lang: Option<&'static str>,
    timeline: Vec<EventCard>,
    regions: Vec<RegionGroup>,
}

async fn series_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(reference): Path<String>,
) -> PageResult {
    let series = store::series(state.db.conn(), &SeriesRef::parse(&reference))
        .await?
        .ok_or(AppError::NotFound("series"))?;
    let view = super::read::series_view(&state.db, series, ctx.is_staff()).await?;
    let timeline: Vec<EventCard> = view
        .events
        .unwrap_or_default()
        .iter()
        .map(|e| EventCard::localized(e, ctx.lang))
        .collect();
    let mut by_region: BTreeMap<String, Vec<EventCard>> = BTreeMap::new();
    for card in &timeline {
        by_region
            .entry(
                card.region
                    .clone()
                    .unwrap_or_else(|| ctx.t("series-other-region")),
            )
            .or_default()
            .push(card.clone());
    }
    let title = view
        .translations
        .pick(view.language, ctx.lang, "title", &view.title);
    let description = view.translations.pick_opt(
        view.language,
        ctx.lang,
        "description",
        view.description.as_deref(),
    );
    let page = SeriesPage {
        slug: view.slug,
        title: title.text,
        title_lang: title.mark,
        description_lang: description.as_ref().and_then(|d| d.mark),
        description: views::paragraphs(description.as_ref().map(|d| d.text.as_str())),
        timeline,
        regions: by_region
            .into_iter()
            .map(|(label, events)| RegionGroup { label, events })
            .collect(),
        ctx,
    };
    Ok(render(&page))
}
