//! Attendance per session and the event's record of who took part. On a session, each
//! member of its panel and each confirmed registrant of its event may be marked present,
//! absent or excused (or left unmarked). A registrant marked present at a session is
//! checked in to the event too: they came.
//!
//! Who took part, for the report and the attendance page: the registrants checked in or
//! marked present at a session, and the members of the panels, unless marked absent or
//! excused at every session they were on.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::Presence;
use crate::audit;
use crate::db::Db;
use crate::directory::store as directory_store;
use crate::domain::collation::compare;
use crate::domain::folded;
use crate::entities::{event, registration, session, session_attendance};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::{ParticipantRole, SeriesRef, store as event_store};
use crate::registrations::RegistrationStatus;
use crate::web::Actor;

/// Whom a mark is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Who {
    /// A member of the session's panel.
    Person(i32),
    /// A registrant of the session's event.
    Registration(i32),
}

/// One line of a session's attendance: `None` clears it.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    pub who: Who,
    pub status: Option<Presence>,
}

/// Records the marks of a session at once: every line is checked first (a person not on
/// the panel, a registration of another event or not confirmed is refused, naming the
/// line), then all are written, or none.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn mark(db: &Db, actor: &Actor, session_id: i32, marks: &[Mark]) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let session = event_store::session(&*txn, session_id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    let panel: HashSet<i32> = event_store::participants(&*txn, &[session_id])
        .await?
        .into_iter()
        .map(|p| p.person_id)
        .collect();
    let registration_ids = marks.iter().filter_map(|m| match m.who {
        Who::Registration(id) => Some(id),
        Who::Person(_) => None,
    });
    let registrations: HashMap<i32, registration::Model> = registration::Entity::find()
        .filter(registration::Column::Id.is_in(registration_ids))
        .all(&*txn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let mut errors = FieldErrors::new();
    let mut seen = HashSet::new();
    for (i, m) in marks.iter().enumerate() {
        match m.who {
            Who::Person(id) if !panel.contains(&id) => errors.add(
                format!("[{i}].person_id"),
                format!("person {id} is not on this session's panel"),
            ),
            Who::Registration(id) => match registrations.get(&id) {
                Some(r) if r.event_id != session.event_id => errors.add(
                    format!("[{i}].registration_id"),
                    format!("registration {id} is for another event"),
                ),
                Some(r) if r.erased_at.is_some() => errors.add(
                    format!("[{i}].registration_id"),
                    format!("registration {id} was erased by its registrant"),
                ),
                Some(r) if r.status != RegistrationStatus::Confirmed => errors.add(
                    format!("[{i}].registration_id"),
                    format!(
                        "registration {id} is {}: only a confirmed registrant attends",
                        r.status
                    ),
                ),
                Some(_) => {}
                None => errors.add(
                    format!("[{i}].registration_id"),
                    format!("there is no registration {id}"),
                ),
            },
            Who::Person(_) => {}
        }
        if !seen.insert(m.who) {
            errors.add(format!("[{i}]"), "names someone already marked above");
        }
    }
    errors.finish()?;

    let existing = lines(&*txn, &[session_id]).await?;
    let now = Utc::now().trunc_subsecs(6);
    let mut changed = 0;
    for m in marks {
        let line = existing.iter().find(|l| who(l) == Some(m.who));
        match (line, m.status) {
            (Some(line), None) => {
                session_attendance::Entity::delete_by_id(line.id)
                    .exec(&*txn)
                    .await?;
            }
            (Some(line), Some(status)) if line.status != status => {
                let mut active: session_attendance::ActiveModel = line.clone().into();
                active.status = Set(status);
                active.recorded_by = Set(Some(actor.id));
                active.recorded_at = Set(now);
                active.update(&*txn).await?;
            }
            (Some(_), Some(_)) | (None, None) => continue,
            (None, Some(status)) => {
                let (person_id, registration_id) = match m.who {
                    Who::Person(id) => (Some(id), None),
                    Who::Registration(id) => (None, Some(id)),
                };
                session_attendance::ActiveModel {
                    session_id: Set(session_id),
                    person_id: Set(person_id),
                    registration_id: Set(registration_id),
                    status: Set(status),
                    recorded_by: Set(Some(actor.id)),
                    recorded_at: Set(now),
                    ..Default::default()
                }
                .insert(&*txn)
                .await?;
            }
        }
        changed += 1;
    }
    let came: Vec<i32> = marks
        .iter()
        .filter_map(|m| match (m.who, m.status) {
            (Who::Registration(id), Some(Presence::Present)) => Some(id),
            _ => None,
        })
        .collect();
    if !came.is_empty() {
        registration::Entity::update_many()
            .col_expr(registration::Column::CheckedInAt, Expr::value(now))
            .col_expr(registration::Column::CheckedInBy, Expr::value(actor.id))
            .filter(registration::Column::Id.is_in(came))
            .filter(registration::Column::CheckedInAt.is_null())
            .exec(&*txn)
            .await?;
    }
    if changed > 0 {
        audit::record(
            &*txn,
            Some(actor),
            "record_attendance",
            "session",
            session_id,
            json!({"event_id": session.event_id, "lines": changed}),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The registration, if `session_id` is a session of its event (else 422 naming
/// `session_id`; 404 for no such registration).
async fn of_session_event(
    db: &Db,
    registration_id: i32,
    session_id: i32,
) -> AppResult<registration::Model> {
    let registration = crate::registrations::store::by_id(db.conn(), registration_id)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    let session = event_store::session(db.conn(), session_id).await?;
    if session.is_none_or(|s| s.event_id != registration.event_id) {
        return Err(AppError::invalid(
            "session_id",
            format!("session {session_id} is not a session of this registration's event"),
        ));
    }
    Ok(registration)
}

/// When a registrant's presence at a session was first recorded, after marking them
/// present if they were not (the first time stands, as for the event's check-in).
pub async fn check_in_at_session(
    db: &Db,
    actor: &Actor,
    registration_id: i32,
    session_id: i32,
) -> AppResult<DateTime<Utc>> {
    let registration = of_session_event(db, registration_id, session_id).await?;
    let current = line_of(db.conn(), session_id, Who::Registration(registration_id)).await?;
    if let Some(line) = current.filter(|l| l.status == Presence::Present) {
        return Ok(line.recorded_at);
    }
    if registration.status != RegistrationStatus::Confirmed || registration.erased_at.is_some() {
        // The event's check-in says why, as it does for the door.
        super::service::check_in(db, actor, registration_id).await?;
    }
    let who = Who::Registration(registration_id);
    mark(
        db,
        actor,
        session_id,
        &[Mark {
            who,
            status: Some(Presence::Present),
        }],
    )
    .await
    .map_err(|err| match err {
        AppError::Invalid(_) => {
            AppError::Conflict("only a confirmed registrant is marked present".into())
        }
        other => other,
    })?;
    line_of(db.conn(), session_id, who)
        .await?
        .map(|l| l.recorded_at)
        .ok_or(AppError::NotFound("registration"))
}

/// Clears a registrant's mark at a session.
pub async fn undo_at_session(
    db: &Db,
    actor: &Actor,
    registration_id: i32,
    session_id: i32,
) -> AppResult<()> {
    of_session_event(db, registration_id, session_id).await?;
    let who = Who::Registration(registration_id);
    if line_of(db.conn(), session_id, who).await?.is_some() {
        mark(db, actor, session_id, &[Mark { who, status: None }]).await?;
    }
    Ok(())
}

fn who(line: &session_attendance::Model) -> Option<Who> {
    match (line.person_id, line.registration_id) {
        (Some(id), _) => Some(Who::Person(id)),
        (None, Some(id)) => Some(Who::Registration(id)),
        (None, None) => None,
    }
}

async fn line_of(
    db: &impl ConnectionTrait,
    session_id: i32,
    whom: Who,
) -> AppResult<Option<session_attendance::Model>> {
    Ok(lines(db, &[session_id])
        .await?
        .into_iter()
        .find(|l| who(l) == Some(whom)))
}

/// The attendance lines of these sessions.
pub async fn lines(
    db: &impl ConnectionTrait,
    session_ids: &[i32],
) -> AppResult<Vec<session_attendance::Model>> {
    if session_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(session_attendance::Entity::find()
        .filter(session_attendance::Column::SessionId.is_in(session_ids.iter().copied()))
        .order_by_asc(session_attendance::Column::Id)
        .all(db)
        .await?)
}

/// A session's mark of someone.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionMark {
    pub session_id: i32,
    pub status: Presence,
}

/// A registrant in the event's record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistrantAttendance {
    pub id: i32,
    pub name: String,
    pub organization: Option<String>,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub walk_in: bool,
    /// The sessions where they were marked.
    pub sessions: Vec<SessionMark>,
}

/// A member of a panel in the event's record: one line per session they were on.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ParticipantAttendance {
    pub person_id: i32,
    pub name: String,
    pub organization: Option<String>,
    pub session_id: i32,
    pub role: ParticipantRole,
    /// `null` when not marked.
    pub status: Option<Presence>,
}

/// An organization and how many of its people took part.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganizationPresent {
    pub name: String,
    pub count: usize,
}

/// A session and its counts.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionCounts {
    pub session_id: i32,
    pub title: String,
    pub present: usize,
    pub absent: usize,
    pub excused: usize,
}

/// The event's record of who took part.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventAttendance {
    /// The confirmed registrants, by family name.
    pub registrations: Vec<RegistrantAttendance>,
    /// The panels of the sessions, in programme order.
    pub participants: Vec<ParticipantAttendance>,
    /// Who took part, by organization: most people first.
    pub organizations_present: Vec<OrganizationPresent>,
    /// The counts of each session with a panel or a mark, in programme order.
    pub sessions: Vec<SessionCounts>,
    /// Whether anything was recorded (a check-in or a mark): until then, nobody is known
    /// to have taken part.
    pub recorded: bool,
}

/// The record of an event (found by the caller, who checked it may be seen), for its
/// organizers: every session.
pub async fn of_event(
    db: &impl ConnectionTrait,
    event: &event::Model,
) -> AppResult<EventAttendance> {
    record(db, event, true).await
}

/// The record as the public may learn it (the outcome report): closed sessions, their
/// panels and their marks left out.
pub async fn public_record(
    db: &impl ConnectionTrait,
    event: &event::Model,
) -> AppResult<EventAttendance> {
    record(db, event, false).await
}

#[tracing::instrument(skip_all, fields(event_id = event.id), err(level = "debug"))]
async fn record(
    db: &impl ConnectionTrait,
    event: &event::Model,
    staff: bool,
) -> AppResult<EventAttendance> {
    let (sessions, _) = event_store::sessions_seen(db, event.id, None, staff).await?;
    let session_ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let panels = event_store::participants(db, &session_ids).await?;
    let marks = lines(db, &session_ids).await?;
    let mut registrants: Vec<registration::Model> = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event.id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .filter(registration::Column::ErasedAt.is_null())
        .all(db)
        .await?;
    registrants.sort_by(|a, b| {
        compare(&a.family_name, &b.family_name).then_with(|| compare(&a.given_name, &b.given_name))
    });
    let people = directory_store::people_by_id(db, panels.iter().map(|p| p.person_id)).await?;
    let orgs =
        directory_store::organizations_by_id(db, people.values().filter_map(|p| p.organization_id))
            .await?;
    let organization_of = |person_id: i32| {
        people
            .get(&person_id)
            .and_then(|p| p.organization_id)
            .and_then(|id| orgs.get(&id))
            .map(|o| o.name.clone())
    };
    let mark_of = |w: Who, session_id: i32| {
        marks
            .iter()
            .find(|l| l.session_id == session_id && who(l) == Some(w))
            .map(|l| l.status)
    };

    let registrations: Vec<RegistrantAttendance> = registrants
        .iter()
        .map(|r| RegistrantAttendance {
            id: r.id,
            name: format!("{} {}", r.given_name, r.family_name),
            organization: r.organization.clone(),
            checked_in_at: r.checked_in_at,
            walk_in: r.walk_in,
            sessions: marks
                .iter()
                .filter(|l| l.registration_id == Some(r.id))
                .map(|l| SessionMark {
                    session_id: l.session_id,
                    status: l.status,
                })
                .collect(),
        })
        .collect();
    let order: HashMap<i32, usize> = session_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    let mut panel_lines: Vec<_> = panels.iter().collect();
    panel_lines.sort_by_key(|p| (order.get(&p.session_id), p.role.rank(), p.position));
    let participants: Vec<ParticipantAttendance> = panel_lines
        .into_iter()
        .filter_map(|p| {
            let person = people.get(&p.person_id)?;
            Some(ParticipantAttendance {
                person_id: p.person_id,
                name: crate::directory::display_name(
                    person.honorific.as_deref(),
                    &person.given_name,
                    &person.family_name,
                ),
                organization: organization_of(p.person_id),
                session_id: p.session_id,
                role: p.role,
                status: mark_of(Who::Person(p.person_id), p.session_id),
            })
        })
        .collect();

    let recorded = !marks.is_empty() || registrants.iter().any(|r| r.checked_in_at.is_some());
    // Who took part, once each, with their organization.
    let mut took_part: BTreeMap<String, Option<String>> = BTreeMap::new();
    if recorded {
        // Each person once: by email (a panellist who also registered is one person), else
        // by their record; namesakes stay two.
        for r in registrants.iter().filter(|r| r.checked_in_at.is_some()) {
            took_part.insert(
                format!("e:{}", r.email.to_lowercase()),
                r.organization.clone(),
            );
        }
        let mut panel_status: HashMap<i32, bool> = HashMap::new();
        for p in &participants {
            let came = !matches!(p.status, Some(Presence::Absent | Presence::Excused));
            *panel_status.entry(p.person_id).or_default() |= came;
        }
        for (person_id, came) in panel_status {
            let Some(person) = people.get(&person_id).filter(|_| came) else {
                continue;
            };
            let key = person.email.as_deref().map_or_else(
                || format!("p:{person_id}"),
                |e| format!("e:{}", e.to_lowercase()),
            );
            took_part
                .entry(key)
                .or_insert_with(|| organization_of(person_id));
        }
    }
    let directory_names = known_organizations(db).await?;
    let mut by_org: HashMap<String, (String, usize)> = HashMap::new();
    for organization in took_part.into_values().flatten() {
        let name = organization.trim();
        if name.is_empty() {
            continue;
        }
        let key = folded(name);
        let shown = directory_names
            .get(&key)
            .cloned()
            .unwrap_or_else(|| name.to_string());
        by_org.entry(folded(&shown)).or_insert((shown, 0)).1 += 1;
    }
    let mut organizations_present: Vec<OrganizationPresent> = by_org
        .into_values()
        .map(|(name, count)| OrganizationPresent { name, count })
        .collect();
    organizations_present.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| compare(&a.name, &b.name))
    });

    let sessions = sessions
        .iter()
        .filter(|s| {
            marks.iter().any(|l| l.session_id == s.id)
                || panels.iter().any(|p| p.session_id == s.id)
        })
        .map(|s| counts(s, &marks))
        .collect();
    Ok(EventAttendance {
        registrations,
        participants,
        organizations_present,
        sessions,
        recorded,
    })
}

fn counts(session: &session::Model, marks: &[session_attendance::Model]) -> SessionCounts {
    let n = |status| {
        marks
            .iter()
            .filter(|l| l.session_id == session.id && l.status == status)
            .count()
    };
    SessionCounts {
        session_id: session.id,
        title: session.title.clone(),
        present: n(Presence::Present),
        absent: n(Presence::Absent),
        excused: n(Presence::Excused),
    }
}

/// The directory's organizations by folded name and acronym, so that "hrw" typed on a
/// registration form counts with Human Rights Watch.
async fn known_organizations(db: &impl ConnectionTrait) -> AppResult<HashMap<String, String>> {
    let mut names = HashMap::new();
    for o in crate::entities::organization::Entity::find()
        .all(db)
        .await?
    {
        if let Some(acronym) = o.acronym.as_deref().filter(|a| !a.trim().is_empty()) {
            names
                .entry(folded(acronym))
                .or_insert_with(|| o.name.clone());
        }
        names.insert(folded(&o.name), o.name);
    }
    Ok(names)
}

/// The event named by `reference`, with its record; for organizers.
pub async fn of_event_ref(
    db: &Db,
    reference: &SeriesRef,
) -> AppResult<(event::Model, EventAttendance)> {
    let event = crate::events::read::visible_event(db, reference, true).await?;
    let record = of_event(db.conn(), &event).await?;
    Ok((event, record))
}
