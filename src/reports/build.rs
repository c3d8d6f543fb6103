//! Assembles an event's outcome report from what is stored: the event, its organizers,
//! the sessions in programme order with their panels and approved summaries, and from
//! those the recommendations grouped by addressee and by theme, the challenges, the next
//! steps and the organizations that took part.

use std::collections::{BTreeMap, HashMap, HashSet};

use sea_orm::ConnectionTrait;

use super::{
    AddresseeGroup, EventFacts, EventReport, Involvement, KeyPointLine, MissingSummary,
    OrganizationLine, PersonLine, RecommendationItem, RecommendationLine, ReportSession,
    ReportStatus, Sourced, SummaryBody, ThemeCount, ThemeGroup, store,
};
use crate::config::Settings;
use crate::db::Db;
use crate::directory::store as directory_store;
use crate::domain::RichText;
use crate::entities::{event, session};
use crate::error::AppResult;
use crate::events::read::{event_views, participant_views};
use crate::events::{
    Confidentiality, EventOut, ParticipantOut, ParticipantRole, store as event_store, views,
};
use crate::summaries::{SummaryContent, SummaryStatus, store as summary_store, theme_key};

fn people(list: &[ParticipantOut], roles: &[ParticipantRole]) -> Vec<PersonLine> {
    list.iter()
        .filter(|p| roles.contains(&p.role))
        .map(|p| PersonLine {
            person_id: p.person_id,
            display_name: p.display_name.clone(),
            affiliation: p.affiliation.clone(),
        })
        .collect()
}

pub fn facts(settings: &Settings, out: &EventOut) -> EventFacts {
    EventFacts {
        id: out.id,
        slug: out.slug.clone(),
        title: out.title.clone(),
        subtitle: out.subtitle.clone(),
        dates: views::date_range(out.starts_on, out.ends_on),
        place: views::place(out.city.as_deref(), out.country.as_deref()),
        venue: out.venue.clone(),
        region: out.region,
        region_label: out.region.map(|r| r.label().to_string()),
        aim: out.description.as_deref().map(RichText::parse),
        url: format!("{}/events/{}", settings.public_url(), out.slug),
        series: out.series.clone(),
        organizers: out
            .organizers
            .iter()
            .map(|o| OrganizationLine {
                name: o.name.clone(),
                acronym: o.acronym.clone(),
                role: o.role.into(),
                present: None,
            })
            .collect(),
        language: out.language,
        translations: out.translations.clone(),
        starts_on: Some(out.starts_on),
        ends_on: Some(out.ends_on),
        timezone: Some(out.timezone.clone()),
    }
}

/// The report of an event. Organizers (`staff`) also learn which summaries are missing.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn event_report(
    db: &Db,
    settings: &Settings,
    event: event::Model,
    staff: bool,
) -> AppResult<EventReport> {
    let conn = db.conn();
    let row = store::of_event(conn, event.id).await?;
    let zone = event.timezone;
    let (sessions, _) = event_store::sessions_of_event(conn, event.id, None).await?;
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let summaries = summary_store::by_sessions(conn, &ids).await?;
    let participant_rows = event_store::participants(conn, &ids).await?;
    let person_ids: Vec<i32> = participant_rows.iter().map(|p| p.person_id).collect();
    let mut panels = participant_views(conn, participant_rows).await?;
    let attendance = crate::attendance::record::public_record(conn, &event).await?;
    let out = event_views(db, vec![event])
        .await?
        .pop()
        .ok_or(crate::error::AppError::NotFound("event"))?;

    let mut report_sessions = Vec::new();
    let mut missing = Vec::new();
    let mut on_panels: HashSet<i32> = HashSet::new();
    for session in sessions.iter().filter(|s| s.confidentiality.is_listed()) {
        let panel = panels.remove(&session.id).unwrap_or_default();
        let summary = summaries.get(&session.id);
        let approved = summary.filter(|s| s.status == SummaryStatus::Approved);
        let Some(approved) = approved else {
            if panel.iter().any(|p| p.role == ParticipantRole::Rapporteur) {
                missing.push(MissingSummary {
                    session_id: session.id,
                    title: session.title.clone(),
                    status: summary.map(|s| s.status).into(),
                });
            }
            continue;
        };
        on_panels.extend(panel.iter().map(|p| p.person_id));
        report_sessions.push(report_session(
            zone,
            session,
            &panel,
            summary_store::content_of(&approved.content),
        ));
    }

    let organizations = if attendance.recorded {
        organizations_present(&out, &attendance.organizations_present)
    } else {
        organizations(conn, &out, &person_ids, &on_panels).await?
    };
    let (by_addressee, by_theme, themes) = group_recommendations(&report_sessions);
    let sourced = |pick: fn(&SummaryBody) -> &Vec<String>| -> Vec<Sourced> {
        report_sessions
            .iter()
            .flat_map(|s| {
                pick(&s.summary).iter().map(|text| Sourced {
                    text: text.clone(),
                    session_id: s.id,
                    session_title: s.title.clone(),
                })
            })
            .collect()
    };
    let challenges = sourced(|b| &b.challenges);
    let next_steps = sourced(|b| &b.next_steps);
    let mut report = EventReport {
        event: facts(settings, &out),
        introduction: row
            .as_ref()
            .and_then(|r| r.introduction.as_deref())
            .map(RichText::parse),
        conclusions: row
            .as_ref()
            .and_then(|r| r.conclusions.as_deref())
            .map(RichText::parse),
        status: row.as_ref().map_or(ReportStatus::Draft, |r| r.status),
        published_at: row.as_ref().and_then(|r| r.published_at),
        sessions: report_sessions,
        recommendations_by_addressee: by_addressee,
        recommendations_by_theme: by_theme,
        themes,
        challenges,
        next_steps,
        organizations,
        missing: if staff { missing } else { Vec::new() },
        edition: 0,
        pending_changes: None,
        changes: Vec::new(),
        translations: crate::i18n::content::Translations::stored(
            row.as_ref().and_then(|r| r.translations.as_deref()),
        ),
    };
    let rules = sessions.iter().map(|s| (s.id, s.confidentiality)).collect();
    apply_confidentiality(&mut report, &rules);
    Ok(report)
}

/// The sessions' confidentiality applied to a report, as built now or as published in an
/// edition before a session's rule changed: a closed session and all that came from it
/// leave the report; under the Chatham House rule no key point names who made it, and the
/// session says the rule applied. Sessions not in `rules` (deleted since) stay as they
/// were published.
pub fn apply_confidentiality(report: &mut EventReport, rules: &HashMap<i32, Confidentiality>) {
    let rule = |id: &i32| rules.get(id).copied().unwrap_or(Confidentiality::Public);
    report.sessions.retain(|s| rule(&s.id).is_listed());
    for session in &mut report.sessions {
        if !rule(&session.id).attributes() {
            session.chatham_house = true;
            for point in &mut session.summary.key_points {
                point.speaker = None;
                point.person_id = None;
            }
        }
    }
    let kept: HashSet<i32> = report.sessions.iter().map(|s| s.id).collect();
    let (by_addressee, by_theme, themes) = group_recommendations(&report.sessions);
    report.recommendations_by_addressee = by_addressee;
    report.recommendations_by_theme = by_theme;
    report.themes = themes;
    report.challenges.retain(|c| kept.contains(&c.session_id));
    report.next_steps.retain(|c| kept.contains(&c.session_id));
    report.missing.retain(|m| rule(&m.session_id).is_listed());
}

/// A session as the report shows it, with this summary: its title, time, panel and the
/// summary's parts, speakers named. The review page shows a summary through this too, so
/// that organizers read it as the report will print it.
pub fn report_session(
    zone: crate::domain::TimeZone,
    session: &session::Model,
    panel: &[ParticipantOut],
    content: SummaryContent,
) -> ReportSession {
    let names: HashMap<i32, &str> = panel
        .iter()
        .map(|p| (p.person_id, p.display_name.as_str()))
        .collect();
    // Under the Chatham House rule, no key point names who made it.
    let attributed = session.confidentiality.attributes();
    ReportSession {
        id: session.id,
        title: session.title.clone(),
        when: format!(
            "{}–{}",
            zone.local(session.starts_at).format("%A %-d %B %Y, %H:%M"),
            zone.local(session.ends_at).format("%H:%M %Z")
        ),
        chair: people(panel, &[ParticipantRole::Chair, ParticipantRole::Moderator]),
        speakers: people(
            panel,
            &[ParticipantRole::Speaker, ParticipantRole::Discussant],
        ),
        rapporteur: people(panel, &[ParticipantRole::Rapporteur]),
        summary: SummaryBody {
            overview: RichText::parse(&content.overview),
            key_points: content
                .key_points
                .into_iter()
                .map(|p| {
                    let person_id = p.person_id.filter(|_| attributed);
                    KeyPointLine {
                        speaker: person_id
                            .and_then(|id| names.get(&id))
                            .map(|n| (*n).to_string()),
                        person_id,
                        text: p.text,
                    }
                })
                .collect(),
            challenges: content.challenges,
            recommendations: content
                .recommendations
                .into_iter()
                .map(|r| RecommendationLine {
                    text: r.text,
                    addressee: r.addressee,
                    themes: r.themes,
                    priority: r.priority,
                    timeframe: r.timeframe,
                })
                .collect(),
            next_steps: content.next_steps,
        },
        chatham_house: !attributed,
        summary_language: content.language,
        starts_at: Some(session.starts_at),
        ends_at: Some(session.ends_at),
        translations: crate::i18n::content::Translations::stored(session.translations.as_deref()),
    }
}

/// The organizers first, then, by name, the organizations of the people on the panels of
/// the sessions in the report.
async fn organizations(
    conn: &impl ConnectionTrait,
    out: &EventOut,
    person_ids: &[i32],
    on_panels: &HashSet<i32>,
) -> AppResult<Vec<OrganizationLine>> {
    let mut lines: Vec<OrganizationLine> = out
        .organizers
        .iter()
        .map(|o| OrganizationLine {
            name: o.name.clone(),
            acronym: o.acronym.clone(),
            role: o.role.into(),
            present: None,
        })
        .collect();
    let people = directory_store::people_by_id(
        conn,
        person_ids
            .iter()
            .copied()
            .filter(|id| on_panels.contains(id)),
    )
    .await?;
    let orgs = directory_store::organizations_by_id(
        conn,
        people.values().filter_map(|p| p.organization_id),
    )
    .await?;
    let mut others: Vec<_> = orgs
        .into_values()
        .filter(|o| !out.organizers.iter().any(|x| x.organization_id == o.id))
        .collect();
    crate::domain::collation::sort_by_name(&mut others, |o| &o.name);
    lines.extend(others.into_iter().map(|o| OrganizationLine {
        name: o.name,
        acronym: o.acronym,
        role: Involvement::Participant,
        present: None,
    }));
    Ok(lines)
}

/// When attendance was recorded: the organizers first, then the organizations of those
/// who took part, most people first, each with how many came.
fn organizations_present(
    out: &EventOut,
    present: &[crate::attendance::record::OrganizationPresent],
) -> Vec<OrganizationLine> {
    let folded = crate::domain::folded;
    let is = |o: &crate::events::OrganizerOut, name: &str| {
        folded(&o.name) == folded(name)
            || o.acronym
                .as_deref()
                .is_some_and(|a| folded(a) == folded(name))
    };
    let mut lines: Vec<OrganizationLine> = out
        .organizers
        .iter()
        .map(|o| OrganizationLine {
            name: o.name.clone(),
            acronym: o.acronym.clone(),
            role: o.role.into(),
            present: present.iter().find(|p| is(o, &p.name)).map(|p| p.count),
        })
        .collect();
    lines.extend(
        present
            .iter()
            .filter(|p| !out.organizers.iter().any(|o| is(o, &p.name)))
            .map(|p| OrganizationLine {
                name: p.name.clone(),
                acronym: None,
                role: Involvement::Participant,
                present: Some(p.count),
            }),
    );
    lines
}

/// Recommendations by addressee (most addressed first), by theme (most named first), and
/// the count of each theme; within a group in programme order.
pub fn group_recommendations(
    sessions: &[ReportSession],
) -> (Vec<AddresseeGroup>, Vec<ThemeGroup>, Vec<ThemeCount>) {
    let items: Vec<RecommendationItem> = sessions
        .iter()
        .flat_map(|s| {
            s.summary
                .recommendations
                .iter()
                .map(|r| RecommendationItem {
                    text: r.text.clone(),
                    themes: r.themes.clone(),
                    addressee: r.addressee.clone(),
                    priority: r.priority,
                    timeframe: r.timeframe,
                    session_id: s.id,
                    session_title: s.title.clone(),
                })
        })
        .collect();
    let mut addressees: BTreeMap<String, AddresseeGroup> = BTreeMap::new();
    let mut themes: BTreeMap<String, ThemeGroup> = BTreeMap::new();
    for item in &items {
        addressees
            .entry(item.addressee.to_lowercase())
            .or_insert_with(|| AddresseeGroup {
                addressee: item.addressee.clone(),
                items: Vec::new(),
            })
            .items
            .push(item.clone());
        for theme in &item.themes {
            themes
                .entry(theme_key(theme))
                .or_insert_with(|| ThemeGroup {
                    theme: theme.clone(),
                    items: Vec::new(),
                })
                .items
                .push(item.clone());
        }
    }
    let mut by_addressee: Vec<AddresseeGroup> = addressees.into_values().collect();
    by_addressee.sort_by_key(|g| std::cmp::Reverse(g.items.len()));
    let mut by_theme: Vec<ThemeGroup> = themes.into_values().collect();
    by_theme.sort_by_key(|g| std::cmp::Reverse(g.items.len()));
    let counts = by_theme
        .iter()
        .map(|g| ThemeCount {
            theme: g.theme.clone(),
            count: g.items.len(),
        })
        .collect();
    (by_addressee, by_theme, counts)
}
