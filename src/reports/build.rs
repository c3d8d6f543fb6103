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
use crate::events::{EventOut, ParticipantOut, ParticipantRole, store as event_store, views};
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
            })
            .collect(),
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
    let out = event_views(db, vec![event])
        .await?
        .pop()
        .ok_or(crate::error::AppError::NotFound("event"))?;

    let mut report_sessions = Vec::new();
    let mut missing = Vec::new();
    let mut on_panels: HashSet<i32> = HashSet::new();
    for session in &sessions {
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

    let organizations = organizations(conn, &out, &person_ids, &on_panels).await?;
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
    Ok(EventReport {
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
    })
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
                .map(|p| KeyPointLine {
                    speaker: p
                        .person_id
                        .and_then(|id| names.get(&id))
                        .map(|n| (*n).to_string()),
                    person_id: p.person_id,
                    text: p.text,
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
    }));
    Ok(lines)
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
