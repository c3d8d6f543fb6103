//! The conflicts report of an event: a person in two sessions at once (in this event or
//! another), a room used by two sessions at once, a session outside the event's dates.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::{EventStatus, store};
use crate::db::Db;
use crate::entities::{event, session};
use crate::error::AppResult;
use crate::i18n::{Language, dates, t_texts};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Conflict {
    /// `person_double_booked`, `room_double_booked` or `outside_event_dates`.
    pub kind: String,
    pub session_ids: Vec<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// A sentence an organizer can act on.
    pub message: String,
}

fn overlaps(a: &session::Model, b: &session::Model) -> bool {
    a.starts_at < b.ends_at && b.starts_at < a.ends_at
}

fn room_key(room: &str) -> String {
    room.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Sessions of one event, and the other sessions its people are booked in elsewhere, each
/// conflict told in English: see [`report_in`].
pub async fn report(db: &Db, event: &event::Model) -> AppResult<Vec<Conflict>> {
    report_in(db, event, Language::En).await
}

/// The conflicts of an event, each told in `lang`.
pub async fn report_in(db: &Db, event: &event::Model, lang: Language) -> AppResult<Vec<Conflict>> {
    let (sessions, _) = store::sessions_of_event(db.conn(), event.id, None).await?;
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let own = store::participants(db.conn(), &ids).await?;
    let people: BTreeSet<i32> = own.iter().map(|p| p.person_id).collect();
    let all_assignments =
        store::assignments_of_people(db.conn(), &people.iter().copied().collect::<Vec<_>>())
            .await?;

    // Every session any of these people is in, with the events they belong to.
    let mut session_index: BTreeMap<i32, session::Model> =
        sessions.iter().map(|s| (s.id, s.clone())).collect();
    let foreign: Vec<i32> = all_assignments
        .iter()
        .map(|a| a.session_id)
        .filter(|id| !session_index.contains_key(id))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let foreign_sessions = store::sessions_by_id(db.conn(), foreign).await?;
    let foreign_events: Vec<i32> = foreign_sessions.iter().map(|s| s.event_id).collect();
    let cancelled_events: BTreeSet<i32> = store::events_by_id(db.conn(), &foreign_events)
        .await?
        .into_values()
        .filter(|e| e.status == EventStatus::Cancelled)
        .map(|e| e.id)
        .collect();
    for s in foreign_sessions {
        if !cancelled_events.contains(&s.event_id) {
            session_index.insert(s.id, s);
        }
    }

    let mut by_person: BTreeMap<i32, BTreeSet<i32>> = BTreeMap::new();
    for a in &all_assignments {
        if session_index.contains_key(&a.session_id) {
            by_person
                .entry(a.person_id)
                .or_default()
                .insert(a.session_id);
        }
    }
    let names = super::read::participant_views(db.conn(), own).await?;
    let name_of = |person_id: i32| {
        names
            .values()
            .flatten()
            .find(|p| p.person_id == person_id)
            .map(|p| p.display_name.clone())
            .unwrap_or_else(|| format!("#{person_id}"))
    };
    let zone = event.timezone;
    let when = |t: DateTime<Utc>| match lang {
        Language::En => zone.local(t).format("%a %-d %b %H:%M %Z").to_string(),
        _ => dates::moment(lang, zone, t),
    };
    let say = |id: &str, args: &[(&'static str, &str)]| t_texts(lang, id, args);

    let mut conflicts = Vec::new();
    for (person_id, session_ids) in &by_person {
        let list: Vec<&session::Model> = session_ids
            .iter()
            .filter_map(|id| session_index.get(id))
            .collect();
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                let touches_event = a.event_id == event.id || b.event_id == event.id;
                if touches_event && overlaps(a, b) {
                    conflicts.push(Conflict {
                        kind: "person_double_booked".into(),
                        session_ids: vec![a.id, b.id],
                        person_id: Some(*person_id),
                        room: None,
                        message: say(
                            "conflict-person",
                            &[
                                ("name", &name_of(*person_id)),
                                ("first", &a.title),
                                ("second", &b.title),
                                ("when", &when(a.starts_at.max(b.starts_at))),
                            ],
                        ),
                    });
                }
            }
        }
    }
    for (i, a) in sessions.iter().enumerate() {
        let Some(room) = a.room.as_deref().filter(|r| !r.trim().is_empty()) else {
            continue;
        };
        for b in &sessions[i + 1..] {
            if b.room.as_deref().map(room_key) == Some(room_key(room)) && overlaps(a, b) {
                conflicts.push(Conflict {
                    kind: "room_double_booked".into(),
                    session_ids: vec![a.id, b.id],
                    person_id: None,
                    room: Some(room.to_string()),
                    message: say(
                        "conflict-room",
                        &[
                            ("room", room),
                            ("first", &a.title),
                            ("second", &b.title),
                            ("when", &when(a.starts_at.max(b.starts_at))),
                        ],
                    ),
                });
            }
        }
    }
    for s in &sessions {
        let first = zone.local(s.starts_at).date_naive();
        // The end is exclusive: a session until midnight ends on the day before.
        let last = zone
            .local(s.ends_at - TimeDelta::nanoseconds(1))
            .date_naive();
        if first < event.starts_on || last > event.ends_on {
            conflicts.push(Conflict {
                kind: "outside_event_dates".into(),
                session_ids: vec![s.id],
                person_id: None,
                room: None,
                message: say(
                    "conflict-outside",
                    &[
                        ("session", &s.title),
                        ("when", &when(s.starts_at)),
                        ("start", &event.starts_on.to_string()),
                        ("end", &event.ends_on.to_string()),
                    ],
                ),
            });
        }
    }
    Ok(conflicts)
}
