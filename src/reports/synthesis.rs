//! The synthesis of a series: the published editions of its events' outcome reports drawn
//! together. Themes and challenges are ranked by how many events raised them;
//! recommendations are grouped by addressee, strategies by the events' regions; every
//! statement keeps its source.

use std::collections::BTreeMap;

use super::{
    EventReport, FollowUpLine, RankedText, RankedTheme, RegionStrategies, SeriesFacts, Source,
    Synthesis, SynthesisAddressee, SynthesisEvent, SynthesisItem, store,
};
use crate::config::Settings;
use crate::db::Db;
use crate::domain::{Region, RichText};
use crate::entities::series;
use crate::error::AppResult;
use crate::events::{EventStatus, SeriesBrief, store as event_store};
use crate::i18n::content::Translations;
use crate::i18n::{Language, dates};
use crate::summaries::theme_key;
use crate::web::Pagination;

/// The synthesis of a series for a reader of `lang`: each report as that reader reads it
/// (`super::language::localize`: the organizers' texts as translated, dates and regions as
/// the language writes them), the series' title and description likewise. Organizers also
/// see which events are left out because their report is not published.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn synthesis(
    db: &Db,
    settings: &Settings,
    mut series: series::Model,
    staff: bool,
    lang: Language,
) -> AppResult<Synthesis> {
    let conn = db.conn();
    let filter = event_store::EventFilter {
        series_id: Some(series.id),
        statuses: vec![EventStatus::Published, EventStatus::Cancelled],
        ..Default::default()
    };
    let (events, _) = event_store::list_events(
        conn,
        &filter,
        Pagination {
            limit: 1000,
            offset: 0,
        },
        false,
    )
    .await?;
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let published: Vec<i32> = store::published(conn, Some(&ids))
        .await?
        .into_iter()
        .map(|r| r.event_id)
        .collect();
    let mut reports = Vec::new();
    let mut unpublished = Vec::new();
    for event in events {
        let edition = if published.contains(&event.id) {
            super::service::published_edition(db, settings, &event).await?
        } else {
            None
        };
        if let Some(mut edition) = edition {
            super::language::localize(&mut edition, lang);
            reports.push(edition);
        } else if staff {
            unpublished.push(SeriesBrief {
                id: event.id,
                slug: event.slug,
                title: event.title,
            });
        }
    }
    let series_id = series.id;
    let translations = Translations::stored(series.translations.as_deref());
    series.title = translations
        .pick(series.language, lang, "title", &series.title)
        .text;
    series.description = translations
        .pick_opt(
            series.language,
            lang,
            "description",
            series.description.as_deref(),
        )
        .map(|d| d.text);
    let mut out = assemble(settings, series, &reports, lang);
    out.unpublished = unpublished;
    out.follow_up = follow_up(db, settings, series_id, lang).await?;
    Ok(out)
}

/// The tracker's items of the series (those anyone may read), the earliest asked first.
async fn follow_up(
    db: &Db,
    settings: &Settings,
    series_id: i32,
    lang: Language,
) -> AppResult<Vec<FollowUpLine>> {
    let filter = crate::recommendations::service::Filter {
        series: Some(series_id.to_string()),
        ..Default::default()
    };
    let mut items =
        crate::recommendations::service::list(db, crate::documents::Access::Public, &filter)
            .await?;
    items.sort_by_key(|i| (i.source.date, i.id));
    Ok(items
        .into_iter()
        .map(|i| FollowUpLine {
            asked: i.asked_line_in(lang),
            latest: i
                .last_update()
                .map(|u| format!("{}: {}", dates::long(lang, u.on), u.note.trim())),
            url: format!("{}/recommendations/{}", settings.public_url(), i.id),
            text: i.text,
            addressee: i.addressee,
            status: i.status,
        })
        .collect())
}

fn label(report: &EventReport) -> String {
    report
        .event
        .place
        .as_deref()
        .and_then(|p| p.split(',').next())
        .map_or_else(
            || report.event.title.clone(),
            |city| city.trim().to_string(),
        )
}

fn source(
    settings: &Settings,
    report: &EventReport,
    session_id: i32,
    session_title: &str,
) -> Source {
    Source {
        event_id: report.event.id,
        event_slug: report.event.slug.clone(),
        event_label: label(report),
        session_id,
        session_title: session_title.to_string(),
        url: format!(
            "{}/events/{}/report#session-{session_id}",
            settings.public_url(),
            report.event.slug
        ),
    }
}

/// Counts by how many events; ties by how often, then alphabetically.
struct Tally {
    text: String,
    event_ids: Vec<i32>,
    sources: Vec<Source>,
}

fn ranked(map: BTreeMap<String, Tally>) -> Vec<Tally> {
    let mut list: Vec<Tally> = map.into_values().collect();
    list.sort_by(|a, b| {
        b.event_ids
            .len()
            .cmp(&a.event_ids.len())
            .then(b.sources.len().cmp(&a.sources.len()))
    });
    list
}

fn tally(map: &mut BTreeMap<String, Tally>, key: String, text: &str, source: Source) {
    let entry = map.entry(key).or_insert_with(|| Tally {
        text: text.to_string(),
        event_ids: Vec::new(),
        sources: Vec::new(),
    });
    if !entry.event_ids.contains(&source.event_id) {
        entry.event_ids.push(source.event_id);
    }
    entry.sources.push(source);
}

/// The synthesis of these reports (the events' published reports, in date order), its
/// regions named in `lang`.
pub fn assemble(
    settings: &Settings,
    series: series::Model,
    reports: &[EventReport],
    lang: Language,
) -> Synthesis {
    let mut themes: BTreeMap<String, Tally> = BTreeMap::new();
    let mut challenges: BTreeMap<String, Tally> = BTreeMap::new();
    let mut addressees: BTreeMap<String, SynthesisAddressee> = BTreeMap::new();
    let mut regions: BTreeMap<Region, RegionStrategies> = BTreeMap::new();
    for report in reports {
        let region = report.event.region.unwrap_or(Region::Global);
        let strategies = regions.entry(region).or_insert_with(|| RegionStrategies {
            label: crate::i18n::term(lang, "region", region.as_str()),
            region,
            event_ids: Vec::new(),
            strategies: Vec::new(),
        });
        strategies.event_ids.push(report.event.id);
        for session in &report.sessions {
            let from = || source(settings, report, session.id, &session.title);
            for r in &session.summary.recommendations {
                for theme in &r.themes {
                    tally(&mut themes, theme_key(theme), theme, from());
                }
                let item = SynthesisItem {
                    text: r.text.clone(),
                    addressee: Some(r.addressee.clone()),
                    themes: r.themes.clone(),
                    source: from(),
                };
                addressees
                    .entry(r.addressee.to_lowercase())
                    .or_insert_with(|| SynthesisAddressee {
                        addressee: r.addressee.clone(),
                        items: Vec::new(),
                    })
                    .items
                    .push(item.clone());
                strategies.strategies.push(item);
            }
            for step in &session.summary.next_steps {
                strategies.strategies.push(SynthesisItem {
                    text: step.clone(),
                    addressee: None,
                    themes: Vec::new(),
                    source: from(),
                });
            }
            for challenge in &session.summary.challenges {
                tally(&mut challenges, theme_key(challenge), challenge, from());
            }
        }
    }
    let mut by_addressee: Vec<SynthesisAddressee> = addressees.into_values().collect();
    by_addressee.sort_by_key(|g| std::cmp::Reverse(g.items.len()));
    let mut regions: Vec<RegionStrategies> = regions.into_values().collect();
    crate::domain::collation::sort_by_name_in(lang, &mut regions, |r| &r.label);
    Synthesis {
        series: SeriesFacts {
            url: format!("{}/series/{}", settings.public_url(), series.slug),
            id: series.id,
            slug: series.slug,
            title: series.title,
            description: series.description.as_deref().map(RichText::parse),
        },
        events: reports
            .iter()
            .map(|r| SynthesisEvent {
                id: r.event.id,
                slug: r.event.slug.clone(),
                title: r.event.title.clone(),
                label: label(r),
                dates: r.event.dates.clone(),
                place: r.event.place.clone(),
                region: r.event.region,
                region_label: r.event.region_label.clone(),
                partners: r.event.organizers.iter().map(|o| o.name.clone()).collect(),
                report_url: format!("{}/events/{}/report", settings.public_url(), r.event.slug),
            })
            .collect(),
        themes: ranked(themes)
            .into_iter()
            .map(|t| RankedTheme {
                theme: t.text,
                count: t.event_ids.len(),
                event_ids: t.event_ids,
                sources: t.sources,
            })
            .collect(),
        challenges: ranked(challenges)
            .into_iter()
            .map(|t| RankedText {
                text: t.text,
                count: t.event_ids.len(),
                event_ids: t.event_ids,
                sources: t.sources,
            })
            .collect(),
        recommendations_by_addressee: by_addressee,
        regions,
        unpublished: Vec::new(),
        follow_up: Vec::new(),
    }
}
