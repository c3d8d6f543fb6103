//! The data the templates read: a report or a synthesis as plain strings, labels and the
//! blocks of its rich texts, shaped the way the templates show them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{Block, RichText};
use crate::i18n::Language;
use crate::i18n::term;
use crate::reports::language::{edition_line, labels};
use crate::reports::{
    EventReport, KeyPointLine, OrganizationLine, PersonLine, RecommendationItem,
    RecommendationLine, ReportStatus, Source as SynthesisSource, Synthesis, SynthesisItem,
};

#[derive(Serialize)]
struct Person<'a> {
    name: &'a str,
    affiliation: Option<&'a str>,
}

fn people(list: &[PersonLine]) -> Vec<Person<'_>> {
    list.iter()
        .map(|p| Person {
            name: &p.display_name,
            affiliation: Some(p.affiliation.trim()).filter(|a| !a.is_empty()),
        })
        .collect()
}

#[derive(Serialize)]
struct Organization<'a> {
    name: &'a str,
    acronym: Option<&'a str>,
    /// In words, in the report's language.
    role: String,
    /// `organizer`, `partner`…
    role_key: &'static str,
    present: Option<usize>,
}

fn organizations(list: &[OrganizationLine], lang: Language) -> Vec<Organization<'_>> {
    list.iter()
        .map(|o| Organization {
            name: &o.name,
            // "UNDP" is no news after "UNDP".
            acronym: o
                .acronym
                .as_deref()
                .filter(|a| !a.is_empty() && *a != o.name),
            role: term(lang, "involvement", o.role.as_str()),
            role_key: o.role.as_str(),
            present: o.present,
        })
        .collect()
}

#[derive(Serialize)]
struct Recommendation<'a> {
    text: &'a str,
    addressee: &'a str,
    themes: &'a [String],
    priority: Option<String>,
    timeframe: Option<String>,
    /// Where it comes from: a session title, or "Accra — Session title".
    source: Option<String>,
}

impl<'a> Recommendation<'a> {
    fn from_line(r: &'a RecommendationLine, lang: Language) -> Self {
        Self {
            text: &r.text,
            addressee: &r.addressee,
            themes: &r.themes,
            priority: r.priority.map(|p| term(lang, "priority", p.as_str())),
            timeframe: r.timeframe.map(|t| term(lang, "timeframe", t.as_str())),
            source: None,
        }
    }

    fn from_item(r: &'a RecommendationItem, lang: Language) -> Self {
        Self {
            text: &r.text,
            addressee: &r.addressee,
            themes: &r.themes,
            priority: r.priority.map(|p| term(lang, "priority", p.as_str())),
            timeframe: r.timeframe.map(|t| term(lang, "timeframe", t.as_str())),
            source: Some(r.session_title.clone()),
        }
    }
}

#[derive(Serialize)]
struct KeyPoint<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
}

fn key_points(list: &[KeyPointLine]) -> Vec<KeyPoint<'_>> {
    list.iter()
        .map(|k| KeyPoint {
            text: &k.text,
            speaker: k.speaker.as_deref().filter(|s| !s.is_empty()),
        })
        .collect()
}

#[derive(Serialize)]
struct SessionView<'a> {
    title: &'a str,
    when: &'a str,
    chair: Vec<Person<'a>>,
    speakers: Vec<Person<'a>>,
    rapporteur: Vec<Person<'a>>,
    chatham_house: bool,
    overview: &'a [Block],
    key_points: Vec<KeyPoint<'a>>,
    challenges: &'a [String],
    recommendations: Vec<Recommendation<'a>>,
    next_steps: &'a [String],
}

#[derive(Serialize)]
struct Group<'a> {
    name: &'a str,
    count: usize,
    items: Vec<Recommendation<'a>>,
}

#[derive(Serialize)]
struct SourcedView<'a> {
    text: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct DateView {
    year: i32,
    month: u32,
    day: u32,
}

#[derive(Serialize)]
pub(super) struct ReportView<'a> {
    /// The report's language (`en`, `fr`, `es`): hyphenation and quotes follow it.
    lang: &'static str,
    /// The report's headings and labels in its language (`report-*` messages).
    l: BTreeMap<&'static str, String>,
    title: &'a str,
    subtitle: Option<&'a str>,
    dates: &'a str,
    place: Option<&'a str>,
    venue: Option<&'a str>,
    region: Option<&'a str>,
    series: Option<&'a str>,
    url: &'a str,
    draft: bool,
    /// "12 June 2009", when published; "3 July 2009 (edition 2)" after the first edition.
    published: Option<String>,
    /// For the PDF's metadata.
    date: Option<DateView>,
    aim: &'a [Block],
    organizers: Vec<Organization<'a>>,
    introduction: &'a [Block],
    conclusions: &'a [Block],
    sessions: Vec<SessionView<'a>>,
    by_addressee: Vec<Group<'a>>,
    by_theme: Vec<Group<'a>>,
    challenges: Vec<SourcedView<'a>>,
    next_steps: Vec<SourcedView<'a>>,
    organizations: Vec<Organization<'a>>,
    /// Organizers only: the sessions still awaiting an approved summary.
    missing: Vec<&'a str>,
}

/// The blocks of a rich text that may be missing.
fn blocks(text: Option<&RichText>) -> &[Block] {
    text.map_or(&[], RichText::blocks)
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl<'a> ReportView<'a> {
    /// The view of a report already localized for `lang` (`reports::language::localize`).
    pub(super) fn new(r: &'a EventReport, lang: Language) -> Self {
        use chrono::Datelike;
        let e = &r.event;
        let draft = r.status != ReportStatus::Published;
        let published = r.published_at.filter(|_| !draft);
        let count_of = |theme: &str, fallback: usize| {
            r.themes
                .iter()
                .find(|t| t.theme == theme)
                .map_or(fallback, |t| t.count)
        };
        Self {
            lang: lang.as_str(),
            l: labels(lang),
            title: &e.title,
            subtitle: non_empty(&e.subtitle),
            dates: &e.dates,
            place: non_empty(&e.place),
            venue: non_empty(&e.venue),
            region: non_empty(&e.region_label),
            series: e.series.as_ref().map(|s| s.title.as_str()),
            url: &e.url,
            draft,
            published: edition_line(r, lang),
            date: published.map(|at| DateView {
                year: at.year(),
                month: at.month(),
                day: at.day(),
            }),
            aim: blocks(e.aim.as_ref()),
            organizers: organizations(&e.organizers, lang),
            introduction: blocks(r.introduction.as_ref()),
            conclusions: blocks(r.conclusions.as_ref()),
            sessions: r
                .sessions
                .iter()
                .map(|s| SessionView {
                    title: &s.title,
                    when: &s.when,
                    chair: people(&s.chair),
                    speakers: people(&s.speakers),
                    rapporteur: people(&s.rapporteur),
                    chatham_house: s.chatham_house,
                    overview: s.summary.overview.blocks(),
                    key_points: key_points(&s.summary.key_points),
                    challenges: &s.summary.challenges,
                    recommendations: s
                        .summary
                        .recommendations
                        .iter()
                        .map(|line| Recommendation::from_line(line, lang))
                        .collect(),
                    next_steps: &s.summary.next_steps,
                })
                .collect(),
            by_addressee: r
                .recommendations_by_addressee
                .iter()
                .map(|g| Group {
                    name: &g.addressee,
                    count: g.items.len(),
                    items: g
                        .items
                        .iter()
                        .map(|i| Recommendation::from_item(i, lang))
                        .collect(),
                })
                .collect(),
            by_theme: r
                .recommendations_by_theme
                .iter()
                .map(|g| Group {
                    name: &g.theme,
                    count: count_of(&g.theme, g.items.len()),
                    items: g
                        .items
                        .iter()
                        .map(|i| Recommendation::from_item(i, lang))
                        .collect(),
                })
                .collect(),
            challenges: r
                .challenges
                .iter()
                .map(|c| SourcedView {
                    text: &c.text,
                    source: &c.session_title,
                })
                .collect(),
            next_steps: r
                .next_steps
                .iter()
                .map(|c| SourcedView {
                    text: &c.text,
                    source: &c.session_title,
                })
                .collect(),
            organizations: organizations(&r.organizations, lang),
            missing: r.missing.iter().map(|m| m.title.as_str()).collect(),
        }
    }
}

// ----- The synthesis -----

#[derive(Serialize)]
struct SynthesisEventView<'a> {
    label: &'a str,
    title: &'a str,
    dates: &'a str,
    place: Option<&'a str>,
    region: Option<&'a str>,
    partners: &'a [String],
}

#[derive(Serialize)]
struct Ranked<'a> {
    text: &'a str,
    count: usize,
    /// The labels of the events that raised it.
    events: Vec<&'a str>,
    /// "Accra — Session title", one per session that raised it.
    sources: Vec<String>,
}

#[derive(Serialize)]
struct Statement<'a> {
    text: &'a str,
    addressee: Option<&'a str>,
    themes: &'a [String],
    source: String,
}

#[derive(Serialize)]
struct AddresseeView<'a> {
    name: &'a str,
    count: usize,
    items: Vec<Statement<'a>>,
}

#[derive(Serialize)]
struct RegionView<'a> {
    name: &'a str,
    events: Vec<&'a str>,
    items: Vec<Statement<'a>>,
}

#[derive(Serialize)]
pub(super) struct SynthesisView<'a> {
    /// The synthesis's language, and its headings and labels in it.
    lang: &'static str,
    l: BTreeMap<&'static str, String>,
    title: &'a str,
    description: &'a [Block],
    url: &'a str,
    event_count: usize,
    events: Vec<SynthesisEventView<'a>>,
    themes: Vec<Ranked<'a>>,
    challenges: Vec<Ranked<'a>>,
    by_addressee: Vec<AddresseeView<'a>>,
    regions: Vec<RegionView<'a>>,
    /// Organizers only: the events without a published report.
    unpublished: Vec<&'a str>,
    follow_up: Vec<FollowUpView<'a>>,
}

#[derive(Serialize)]
struct FollowUpView<'a> {
    text: &'a str,
    addressee: &'a str,
    status: String,
    asked: &'a str,
    latest: &'a str,
}

fn source_label(s: &SynthesisSource) -> String {
    match (s.event_label.trim(), s.session_title.trim()) {
        ("", session) => session.to_owned(),
        (event, "") => event.to_owned(),
        (event, session) => format!("{event} — {session}"),
    }
}

impl<'a> SynthesisView<'a> {
    /// The view of a synthesis with its headings and labels in `lang`.
    pub(super) fn new(s: &'a Synthesis, lang: Language) -> Self {
        let label_of = |id: i32| -> Option<&'a str> {
            s.events
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.label.as_str())
        };
        let labels = |ids: &'a [i32], sources: &'a [SynthesisSource]| -> Vec<&'a str> {
            let mut out: Vec<&'a str> = ids.iter().filter_map(|id| label_of(*id)).collect();
            // Events outside the table are still named by their sources.
            for source in sources {
                if !ids.contains(&source.event_id) || label_of(source.event_id).is_none() {
                    let label = source.event_label.as_str();
                    if !out.contains(&label) {
                        out.push(label);
                    }
                }
            }
            out
        };
        let statement = |item: &'a SynthesisItem| Statement {
            text: &item.text,
            addressee: item.addressee.as_deref().filter(|a| !a.is_empty()),
            themes: &item.themes,
            source: source_label(&item.source),
        };
        Self {
            lang: lang.as_str(),
            l: crate::reports::language::synthesis_labels(lang),
            title: &s.series.title,
            description: blocks(s.series.description.as_ref()),
            url: &s.series.url,
            event_count: s.events.len(),
            events: s
                .events
                .iter()
                .map(|e| SynthesisEventView {
                    label: &e.label,
                    title: &e.title,
                    dates: &e.dates,
                    place: non_empty(&e.place),
                    region: non_empty(&e.region_label),
                    partners: &e.partners,
                })
                .collect(),
            themes: s
                .themes
                .iter()
                .map(|t| Ranked {
                    text: &t.theme,
                    count: t.count,
                    events: labels(&t.event_ids, &t.sources),
                    sources: t.sources.iter().map(source_label).collect(),
                })
                .collect(),
            challenges: s
                .challenges
                .iter()
                .map(|c| Ranked {
                    text: &c.text,
                    count: c.count,
                    events: labels(&c.event_ids, &c.sources),
                    sources: c.sources.iter().map(source_label).collect(),
                })
                .collect(),
            by_addressee: s
                .recommendations_by_addressee
                .iter()
                .map(|g| AddresseeView {
                    name: &g.addressee,
                    count: g.items.len(),
                    items: g.items.iter().map(statement).collect(),
                })
                .collect(),
            regions: s
                .regions
                .iter()
                .map(|r| RegionView {
                    name: &r.label,
                    events: r.event_ids.iter().filter_map(|id| label_of(*id)).collect(),
                    items: r.strategies.iter().map(statement).collect(),
                })
                .collect(),
            unpublished: s.unpublished.iter().map(|e| e.title.as_str()).collect(),
            follow_up: s
                .follow_up
                .iter()
                .map(|f| FollowUpView {
                    text: &f.text,
                    addressee: &f.addressee,
                    status: f.status.label_in(lang),
                    asked: f.asked.as_deref().unwrap_or(""),
                    latest: f.latest.as_deref().unwrap_or(""),
                })
                .collect(),
        }
    }
}
