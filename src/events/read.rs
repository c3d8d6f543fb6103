//! Reads for every capability: events, series, sessions and participants in their
//! outward shape (organizers with names, sessions with their participants, in programme
//! order), and what a caller may see. Nothing here writes; `service` does, and
//! `calendar`, `notify` and every page build on these reads without going through it.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;

use super::{
    EventOut, EventStatus, OrganizerOut, ParticipantOut, SeriesBrief, SeriesOut, SeriesRef,
    SessionOut, store,
};
use crate::db::Db;
use crate::directory::{self, store as directory_store};
use crate::domain::TimeZone;
use crate::entities::{event, series, session, session_participant};
use crate::error::{AppError, AppResult};
use crate::web::Pagination;

/// A series with its events (those the caller may see), in date order.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn series_view(db: &Db, series: series::Model, staff: bool) -> AppResult<SeriesOut> {
    let filter = store::EventFilter {
        series_id: Some(series.id),
        statuses: visible_statuses(staff),
        ..Default::default()
    };
    let (events, _) = store::list_events(
        db.conn(),
        &filter,
        Pagination {
            limit: 1000,
            offset: 0,
        },
        false,
    )
    .await?;
    let mut out = SeriesOut::from(series);
    out.events = Some(event_views(db, events).await?);
    Ok(out)
}

/// What a caller may see: every status for organizers, published and cancelled otherwise.
pub fn visible_statuses(staff: bool) -> Vec<EventStatus> {
    if staff {
        Vec::new()
    } else {
        vec![EventStatus::Published, EventStatus::Cancelled]
    }
}

/// Organizers of events, with their organizations' names, by event id.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn organizer_views(
    db: &impl ConnectionTrait,
    event_ids: &[i32],
) -> AppResult<HashMap<i32, Vec<OrganizerOut>>> {
    let rows = store::organizers(db, event_ids).await?;
    let orgs =
        directory_store::organizations_by_id(db, rows.iter().map(|r| r.organization_id)).await?;
    let mut views: HashMap<i32, Vec<OrganizerOut>> = HashMap::new();
    for row in rows {
        if let Some(org) = orgs.get(&row.organization_id) {
            views.entry(row.event_id).or_default().push(OrganizerOut {
                organization_id: org.id,
                name: org.name.clone(),
                acronym: org.acronym.clone(),
                role: row.role,
            });
        }
    }
    Ok(views)
}

/// Events as the API shows them in lists (without sessions).
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn event_views(db: &Db, events: Vec<event::Model>) -> AppResult<Vec<EventOut>> {
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let mut organizers = organizer_views(db.conn(), &ids).await?;
    let series = store::series_by_id(db.conn(), events.iter().filter_map(|e| e.series_id)).await?;
    let confirmed = crate::registrations::store::confirmed_by_event(db.conn(), &ids).await?;
    Ok(events
        .into_iter()
        .map(|e| {
            let brief = e
                .series_id
                .and_then(|id| series.get(&id))
                .map(|s| SeriesBrief {
                    id: s.id,
                    slug: s.slug.clone(),
                    title: s.title.clone(),
                });
            let orgs = organizers.remove(&e.id).unwrap_or_default();
            let taken =
                i32::try_from(confirmed.get(&e.id).copied().unwrap_or(0)).unwrap_or(i32::MAX);
            let mut out = EventOut::new(e, brief, orgs);
            out.places_left = out.capacity.map(|c| (c - taken).max(0));
            out
        })
        .collect())
}

/// One event with its programme: closed sessions only for organizers (`staff`).
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn event_view(db: &Db, event: event::Model, staff: bool) -> AppResult<EventOut> {
    let zone = event.timezone;
    let (sessions, _) = store::sessions_seen(db.conn(), event.id, None, staff).await?;
    let sessions = session_views(db.conn(), sessions, zone).await?;
    let mut out = event_views(db, vec![event]).await?.remove(0);
    out.sessions = Some(sessions);
    Ok(out)
}

/// Looks an event up for a caller: 404 when unknown or not visible to them.
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn visible_event(db: &Db, reference: &SeriesRef, staff: bool) -> AppResult<event::Model> {
    store::event(db.conn(), reference)
        .await?
        .filter(|e| super::is_visible(e.status, staff))
        .ok_or(AppError::NotFound("event"))
}

/// Participants of sessions with their names and affiliations, by session id, in
/// programme order (chair first, rapporteur last, then by position).
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn participant_views(
    db: &impl ConnectionTrait,
    rows: Vec<session_participant::Model>,
) -> AppResult<HashMap<i32, Vec<ParticipantOut>>> {
    let people = directory_store::people_by_id(db, rows.iter().map(|r| r.person_id)).await?;
    let orgs =
        directory_store::organizations_by_id(db, people.values().filter_map(|p| p.organization_id))
            .await?;
    let mut views: HashMap<i32, Vec<ParticipantOut>> = HashMap::new();
    for row in rows {
        let Some(person) = people.get(&row.person_id) else {
            continue;
        };
        let org = person
            .organization_id
            .and_then(|id| orgs.get(&id))
            .map(|o| o.name.as_str());
        views
            .entry(row.session_id)
            .or_default()
            .push(ParticipantOut {
                person_id: person.id,
                display_name: directory::display_name(
                    person.honorific.as_deref(),
                    &person.given_name,
                    &person.family_name,
                ),
                affiliation: directory::affiliation(person.position.as_deref(), org),
                role: row.role,
                position: row.position,
                invitation_status: row.invitation_status,
            });
    }
    for list in views.values_mut() {
        list.sort_by_key(|p| (p.role.rank(), p.position));
    }
    Ok(views)
}

#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn session_views(
    db: &impl ConnectionTrait,
    sessions: Vec<session::Model>,
    zone: TimeZone,
) -> AppResult<Vec<SessionOut>> {
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let mut participants = participant_views(db, store::participants(db, &ids).await?).await?;
    Ok(sessions
        .into_iter()
        .map(|s| {
            let list = participants.remove(&s.id).unwrap_or_default();
            SessionOut::new(s, zone, list)
        })
        .collect())
}

/// A session and its event, for a caller: 404 when unknown, closed (unless the caller is
/// staff) or its event is not visible.
#[tracing::instrument(skip_all, fields(id), err(level = "debug"))]
pub async fn visible_session(
    db: &Db,
    id: i32,
    staff: bool,
) -> AppResult<(session::Model, event::Model)> {
    let session = store::session(db.conn(), id)
        .await?
        .filter(|s| staff || s.confidentiality.is_listed())
        .ok_or(AppError::NotFound("session"))?;
    let event = store::event_by_id(db.conn(), session.event_id)
        .await?
        .filter(|e| super::is_visible(e.status, staff))
        .ok_or(AppError::NotFound("session"))?;
    Ok((session, event))
}
