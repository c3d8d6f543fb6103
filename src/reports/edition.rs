//! What changed in a report since its published edition. The report is compared part by
//! part: the introduction, the facts about the event (with the organizations that took
//! part), each session in programme order, and the conclusions. The groupings of
//! recommendations, the challenges and the next steps come from the sessions, so they
//! change only with them. Each part also has a plain text rendering, one fact per line,
//! from which the workspace shows the lines that changed.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use super::{ChangeKind, EventReport, PersonLine, ReportChange, ReportPart, ReportSession};
use crate::domain::RichText;
use crate::summaries::diff::{self, DiffLine};
use crate::summaries::{KeyPoint, Recommendation, SummaryContent};

/// A value as JSON, for comparing; what cannot be serialized compares as null.
fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The facts about the event as the report prints them: everything but its address,
/// which follows the event (a renamed event's edition links to its new address).
fn event_part(report: &EventReport) -> Value {
    let mut facts = json(&report.event);
    if let Some(map) = facts.as_object_mut() {
        map.remove("slug");
        map.remove("url");
        // Printed as `dates`; absent from editions published before translations.
        for key in ["starts_on", "ends_on", "timezone"] {
            map.remove(key);
        }
    }
    serde_json::json!({"facts": facts, "organizations": json(&report.organizations)})
}

/// A session as compared between editions: its printed parts and translations, not the
/// instants its `when` is written from (absent from editions published before
/// translations).
fn session_part(s: &ReportSession) -> Value {
    let mut value = json(s);
    if let Some(map) = value.as_object_mut() {
        map.remove("starts_at");
        map.remove("ends_at");
    }
    value
}

fn rich(text: Option<&RichText>) -> &str {
    text.map_or("", RichText::source).trim()
}

/// What differs from `published` in `current`: the introduction, the event's facts, the
/// sessions (in the current programme order, a removed one where it stood) and the
/// conclusions. Empty when the two read the same.
pub fn changes(published: &EventReport, current: &EventReport) -> Vec<ReportChange> {
    let mut out = Vec::new();
    let text_change = |part: ReportPart, old: &str, new: &str| {
        let change = match (old.is_empty(), new.is_empty()) {
            _ if old == new => return None,
            (true, false) => ChangeKind::Added,
            (false, true) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        Some(ReportChange {
            change,
            part,
            session_id: None,
            title: part.label().to_string(),
        })
    };
    out.extend(text_change(
        ReportPart::Introduction,
        rich(published.introduction.as_ref()),
        rich(current.introduction.as_ref()),
    ));
    if event_part(published) != event_part(current) {
        out.push(ReportChange {
            change: ChangeKind::Changed,
            part: ReportPart::Event,
            session_id: None,
            title: ReportPart::Event.label().to_string(),
        });
    }
    let before: HashMap<i32, &ReportSession> =
        published.sessions.iter().map(|s| (s.id, s)).collect();
    let now: HashMap<i32, &ReportSession> = current.sessions.iter().map(|s| (s.id, s)).collect();
    let session_change = |change: ChangeKind, s: &ReportSession| ReportChange {
        change,
        part: ReportPart::Session,
        session_id: Some(s.id),
        title: s.title.clone(),
    };
    // Sessions in the current order; a removed one right after the last session before it
    // that is still there (or first).
    let mut removed_after: HashMap<Option<i32>, Vec<&ReportSession>> = HashMap::new();
    let mut previous = None;
    for s in &published.sessions {
        if !now.contains_key(&s.id) {
            removed_after.entry(previous).or_default().push(s);
        } else {
            previous = Some(s.id);
        }
    }
    let mut push_removed = |after: Option<i32>, out: &mut Vec<ReportChange>| {
        for s in removed_after.remove(&after).unwrap_or_default() {
            out.push(session_change(ChangeKind::Removed, s));
        }
    };
    push_removed(None, &mut out);
    for s in &current.sessions {
        match before.get(&s.id) {
            None => out.push(session_change(ChangeKind::Added, s)),
            Some(old) if session_part(old) != session_part(s) => {
                out.push(session_change(ChangeKind::Changed, s));
            }
            Some(_) => {}
        }
        if before.contains_key(&s.id) {
            push_removed(Some(s.id), &mut out);
        }
    }
    out.extend(text_change(
        ReportPart::Conclusions,
        rich(published.conclusions.as_ref()),
        rich(current.conclusions.as_ref()),
    ));
    // A new or changed translation of the introduction or conclusions.
    if published.translations != current.translations {
        out.push(ReportChange {
            change: ChangeKind::Changed,
            part: ReportPart::Conclusions,
            session_id: None,
            title: "Translations of the introduction and conclusions".to_string(),
        });
    }
    out
}

fn people_line(label: &str, list: &[PersonLine], out: &mut String) {
    if list.is_empty() {
        return;
    }
    let names: Vec<String> = list
        .iter()
        .map(|p| {
            if p.affiliation.is_empty() {
                p.display_name.clone()
            } else {
                format!("{}, {}", p.display_name, p.affiliation)
            }
        })
        .collect();
    out.push_str(&format!("{label}: {}\n", names.join("; ")));
}

/// A session as lines: its title, time and panel, then its summary as the summaries'
/// versions show it.
fn session_text(s: &ReportSession) -> String {
    let mut out = format!("{}\n{}\n", s.title, s.when);
    people_line("Chair", &s.chair, &mut out);
    people_line("Speakers", &s.speakers, &mut out);
    people_line("Rapporteur", &s.rapporteur, &mut out);
    let b = &s.summary;
    let names: HashMap<i32, String> = b
        .key_points
        .iter()
        .filter_map(|k| Some((k.person_id?, k.speaker.clone()?)))
        .collect();
    let content = SummaryContent {
        overview: b.overview.source().to_string(),
        key_points: b
            .key_points
            .iter()
            .map(|k| KeyPoint {
                person_id: k.person_id,
                text: k.text.clone(),
            })
            .collect(),
        challenges: b.challenges.clone(),
        recommendations: b
            .recommendations
            .iter()
            .map(|r| Recommendation {
                text: r.text.clone(),
                addressee: r.addressee.clone(),
                themes: r.themes.clone(),
                priority: r.priority,
                timeframe: r.timeframe,
            })
            .collect(),
        next_steps: b.next_steps.clone(),
        language: s.summary_language,
    };
    out.push_str(&diff::as_lines(&content, &|id| names.get(&id).cloned()));
    out
}

fn event_text(r: &EventReport) -> String {
    let e = &r.event;
    let mut out = format!("{}\n", e.title);
    for line in [&e.subtitle, &e.place, &e.venue, &e.region_label]
        .into_iter()
        .flatten()
    {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&e.dates);
    out.push('\n');
    if let Some(series) = &e.series {
        out.push_str(&format!("Part of {}\n", series.title));
    }
    for line in rich(e.aim.as_ref()).lines() {
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str("Organizations\n");
    for o in &r.organizations {
        out.push_str(&format!("  - {} ({})\n", o.name, o.role.label()));
    }
    out
}

/// A part of a report as lines of text; empty when the report does not have it.
fn part_text(report: &EventReport, part: ReportPart, session_id: Option<i32>) -> String {
    match part {
        ReportPart::Introduction => rich(report.introduction.as_ref()).to_string(),
        ReportPart::Conclusions => rich(report.conclusions.as_ref()).to_string(),
        ReportPart::Event => event_text(report),
        ReportPart::Session => report
            .sessions
            .iter()
            .find(|s| Some(s.id) == session_id)
            .map(session_text)
            .unwrap_or_default(),
    }
}

/// The lines of a change: the part as published and as it stands, line by line.
pub fn lines(
    published: &EventReport,
    current: &EventReport,
    change: &ReportChange,
) -> Vec<DiffLine> {
    let old = part_text(published, change.part, change.session_id);
    let new = part_text(current, change.part, change.session_id);
    let ensure_newline = |mut text: String| {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text
    };
    diff::diff(&ensure_newline(old), &ensure_newline(new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::{EventFacts, KeyPointLine, RecommendationLine, ReportStatus, SummaryBody};
    use crate::summaries::diff::LineChange;

    fn session(id: i32, title: &str, overview: &str) -> ReportSession {
        ReportSession {
            id,
            title: title.into(),
            when: "Wednesday 3 June 2009, 09:30–11:00".into(),
            chair: vec![],
            speakers: vec![],
            rapporteur: vec![PersonLine {
                person_id: 1,
                display_name: "Ms Amina DIALLO".into(),
                affiliation: String::new(),
            }],
            summary: SummaryBody {
                overview: RichText::parse(overview),
                key_points: vec![KeyPointLine {
                    text: "Prevention first".into(),
                    person_id: None,
                    speaker: None,
                }],
                challenges: vec![],
                recommendations: vec![RecommendationLine {
                    text: "Fund early warning".into(),
                    addressee: "EU".into(),
                    themes: vec!["Early warning".into()],
                    priority: None,
                    timeframe: None,
                }],
                next_steps: vec![],
            },
            chatham_house: false,
            starts_at: None,
            ends_at: None,
            translations: Default::default(),
            summary_language: None,
        }
    }

    fn report(sessions: Vec<ReportSession>) -> EventReport {
        EventReport {
            event: EventFacts {
                id: 1,
                slug: "brussels".into(),
                title: "Making a difference".into(),
                subtitle: None,
                dates: "3–4 June 2009".into(),
                place: Some("Brussels, Belgium".into()),
                venue: None,
                region: None,
                region_label: None,
                aim: None,
                url: "http://localhost/events/brussels".into(),
                series: None,
                organizers: vec![],
                language: Default::default(),
                translations: Default::default(),
                starts_on: None,
                ends_on: None,
                timezone: None,
            },
            introduction: Some(RichText::parse("Welcome.")),
            conclusions: None,
            status: ReportStatus::Published,
            published_at: None,
            sessions,
            recommendations_by_addressee: vec![],
            recommendations_by_theme: vec![],
            themes: vec![],
            challenges: vec![],
            next_steps: vec![],
            organizations: vec![],
            missing: vec![],
            edition: 1,
            pending_changes: None,
            changes: vec![],
            translations: Default::default(),
        }
    }

    fn summary(changes: &[ReportChange]) -> Vec<(ChangeKind, ReportPart, String)> {
        changes
            .iter()
            .map(|c| (c.change, c.part, c.title.clone()))
            .collect()
    }

    #[test]
    fn the_same_report_has_no_changes_whatever_its_address_and_status() {
        let published = report(vec![session(1, "Panel", "The panel met.")]);
        let mut current = published.clone();
        current.status = ReportStatus::Draft;
        current.edition = 0;
        current.event.slug = "brussels-2009".into();
        current.event.url = "http://localhost/events/brussels-2009".into();
        assert_eq!(changes(&published, &current), vec![]);
    }

    #[test]
    fn added_removed_and_changed_sessions_are_listed_in_programme_order() {
        let published = report(vec![
            session(1, "Opening", "Opened."),
            session(2, "Panel", "The panel met."),
            session(3, "Closing", "Closed."),
        ]);
        let mut current = report(vec![
            session(1, "Opening", "Opened."),
            session(4, "Workshop", "New."),
            session(3, "Closing", "Closed with **thanks**."),
        ]);
        current.introduction = Some(RichText::parse("Welcome, all."));
        current.conclusions = Some(RichText::parse("We agreed."));
        assert_eq!(
            summary(&changes(&published, &current)),
            [
                (
                    ChangeKind::Changed,
                    ReportPart::Introduction,
                    "Introduction".into()
                ),
                (ChangeKind::Removed, ReportPart::Session, "Panel".into()),
                (ChangeKind::Added, ReportPart::Session, "Workshop".into()),
                (ChangeKind::Changed, ReportPart::Session, "Closing".into()),
                (
                    ChangeKind::Added,
                    ReportPart::Conclusions,
                    "Conclusions".into()
                ),
            ]
        );
    }

    #[test]
    fn a_changed_session_shows_the_lines_that_changed() {
        let published = report(vec![session(1, "Panel", "The panel met.")]);
        let current = report(vec![session(1, "Panel", "The panel met twice.")]);
        let found = changes(&published, &current);
        assert_eq!(found.len(), 1);
        let changed: Vec<_> = lines(&published, &current, &found[0])
            .into_iter()
            .filter(|l| l.change != LineChange::Same)
            .map(|l| (l.change, l.text))
            .collect();
        assert_eq!(
            changed,
            [
                (LineChange::Removed, "  The panel met.".to_string()),
                (LineChange::Added, "  The panel met twice.".to_string()),
            ]
        );
    }

    #[test]
    fn a_changed_fact_about_the_event_is_one_change() {
        let published = report(vec![]);
        let mut current = report(vec![]);
        current.event.title = "Making a real difference".into();
        assert_eq!(
            summary(&changes(&published, &current)),
            [(
                ChangeKind::Changed,
                ReportPart::Event,
                "About the event".into()
            )]
        );
    }
}
