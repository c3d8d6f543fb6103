//! Summary use-cases, each one write transaction that also records the new version and
//! queues its mail. Who may do what:
//! - read and save: the session's rapporteurs (accounts linked by email to a person with
//!   the rapporteur role on the session) and organizers;
//! - submit: the same; approve and return: organizers only.
//!
//! A rapporteur can change a summary while it is a draft or returned; organizers always.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;

use super::{
    ReviewInput, SummaryContent, SummaryInput, SummaryOut, SummaryStatus, VersionAction, notify,
    store,
};
use crate::accounts::Role;
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::directory::store as directory_store;
use crate::domain::optional_text;
use crate::entities::{event, session, summary};
use crate::error::{AppError, AppResult};
use crate::events::{ParticipantRole, store as event_store};
use crate::mail::MailKind;
use crate::web::Actor;

const NOT_YOURS: &str =
    "only the session's rapporteurs and the organizers may read or write its summary";

/// The directory person an account stands for: the one with the account's email.
#[tracing::instrument(skip_all, fields(actor = actor.id), err(level = "debug"))]
pub async fn person_of(db: &impl ConnectionTrait, actor: &Actor) -> AppResult<Option<i32>> {
    Ok(directory_store::person_by_email(db, &actor.email)
        .await?
        .map(|p| p.id))
}

/// Whether the account is a rapporteur of the session.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn is_rapporteur(
    db: &impl ConnectionTrait,
    actor: &Actor,
    session_id: i32,
) -> AppResult<bool> {
    if actor.role != Role::Rapporteur {
        return Ok(false);
    }
    let Some(person) = person_of(db, actor).await? else {
        return Ok(false);
    };
    Ok(store::rapporteur_rows(db, Some(&[session_id]))
        .await?
        .iter()
        .any(|r| r.person_id == person))
}

/// A session, its event and its summary (if any), when the actor may work on it.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn access(
    db: &impl ConnectionTrait,
    actor: &Actor,
    session_id: i32,
) -> AppResult<(session::Model, event::Model, Option<summary::Model>)> {
    let session = event_store::session(db, session_id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    if !actor.is_staff() && !is_rapporteur(db, actor, session_id).await? {
        return Err(AppError::Forbidden(NOT_YOURS.into()));
    }
    let event = event_store::event_by_id(db, session.event_id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    let summary = store::by_session(db, session_id).await?;
    Ok((session, event, summary))
}

/// [`access`] for a change: the session's row is locked first, so that concurrent
/// changes to its summary queue up instead of colliding.
async fn access_to_change(
    db: &impl ConnectionTrait,
    actor: &Actor,
    session_id: i32,
) -> AppResult<(session::Model, event::Model, Option<summary::Model>)> {
    store::lock_session(db, session_id).await?;
    access(db, actor, session_id).await
}

/// When a summary is due: the organizers' date, or some days after the session ends.
pub fn due_at(
    settings: &Settings,
    session: &session::Model,
    summary: Option<&summary::Model>,
) -> DateTime<Utc> {
    summary
        .and_then(|s| s.due_at)
        .unwrap_or_else(|| session.ends_at + Duration::days(settings.summaries.due_days))
}

pub fn status_of(summary: Option<&summary::Model>) -> SummaryStatus {
    summary.map_or(SummaryStatus::Draft, |s| s.status)
}

/// Late: due and not yet submitted.
pub fn is_late(status: SummaryStatus, due: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    status.is_open() && now > due
}

pub fn view(
    settings: &Settings,
    session: &session::Model,
    summary: Option<&summary::Model>,
) -> SummaryOut {
    let content = summary
        .map(|s| store::content_of(&s.content))
        .unwrap_or_default();
    let status = status_of(summary);
    let due = due_at(settings, session, summary);
    let mut key_points = content.key_points;
    if !session.confidentiality.attributes() {
        // Under the Chatham House rule, a point made before the rule was set names no
        // one either.
        for point in &mut key_points {
            point.person_id = None;
        }
    }
    SummaryOut {
        session_id: session.id,
        status,
        version: summary.map_or(0, |s| s.version),
        overview: content.overview,
        key_points,
        challenges: content.challenges,
        recommendations: content.recommendations,
        next_steps: content.next_steps,
        language: content.language,
        due_at: due,
        late: is_late(status, due, Utc::now()),
        review_comment: summary.and_then(|s| s.review_comment.clone()),
        submitted_at: summary.and_then(|s| s.submitted_at),
        approved_at: summary.and_then(|s| s.approved_at),
        updated_at: summary.filter(|s| s.version > 0).map(|s| s.updated_at),
    }
}

#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn get(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    session_id: i32,
) -> AppResult<SummaryOut> {
    let (session, _, summary) = access(db.conn(), actor, session_id).await?;
    Ok(view(settings, &session, summary.as_ref()))
}

/// Checks what only the database can tell: key points tie to people of the session.
async fn check_people(
    db: &impl ConnectionTrait,
    session_id: i32,
    content: &SummaryContent,
) -> AppResult<()> {
    let attributes = event_store::session(db, session_id)
        .await?
        .is_none_or(|s| s.confidentiality.attributes());
    if !attributes
        && let Some(i) = content
            .key_points
            .iter()
            .position(|p| p.person_id.is_some())
    {
        return Err(AppError::invalid(
            format!("key_points[{i}].person_id"),
            "must be left out: the session is held under the Chatham House rule, so a key point names no one",
        ));
    }
    let on_panel: Vec<i32> = event_store::participants(db, &[session_id])
        .await?
        .into_iter()
        .map(|p| p.person_id)
        .collect();
    for (i, point) in content.key_points.iter().enumerate() {
        if let Some(id) = point.person_id
            && !on_panel.contains(&id)
        {
            return Err(AppError::invalid(
                format!("key_points[{i}].person_id"),
                "is not a participant of this session",
            ));
        }
    }
    Ok(())
}

/// Themes as the vocabulary spells them; new ones join it as proposals.
async fn spell_themes(db: &impl ConnectionTrait, content: &mut SummaryContent) -> AppResult<()> {
    for r in &mut content.recommendations {
        for theme in &mut r.themes {
            *theme = store::spell_theme(db, theme).await?;
        }
    }
    Ok(())
}

/// Saves the rapporteur's text as the next version. Saving what is already saved changes
/// nothing. With `version`, a save that started from an older version is refused.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn save(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    session_id: i32,
    input: SummaryInput,
) -> AppResult<SummaryOut> {
    let expected = input.version;
    let mut content = input.validate()?;
    let txn = db.begin_write().await?;
    let (session, _, current) = access_to_change(&*txn, actor, session_id).await?;
    check_people(&*txn, session_id, &content).await?;
    let current = match current {
        Some(current) => current,
        None => store::ensure(&*txn, session_id).await?,
    };
    let status = status_of(Some(&current));
    if !actor.is_staff() && !status.is_open() {
        return Err(AppError::Conflict(format!(
            "the summary is {status}: ask the organizers to return it before changing it"
        )));
    }
    if let Some(expected) = expected
        && expected != current.version
    {
        return Err(AppError::Conflict(format!(
            "the summary was saved by someone else since you opened it (version {} now, yours started from {expected}); your text was not saved",
            current.version
        )));
    }
    spell_themes(&*txn, &mut content).await?;
    if store::content_of(&current.content) == content && current.version > 0 {
        txn.commit().await?;
        return Ok(view(settings, &session, Some(&current)));
    }
    let saved = store::apply(
        &*txn,
        current,
        store::Change {
            action: VersionAction::Saved,
            status,
            content: &content,
            comment: None,
            user_id: Some(actor.id),
            user_name: &actor.name,
        },
    )
    .await?;
    audit::record(
        &*txn,
        Some(actor),
        "save",
        "summary",
        saved.id,
        json!({"session_id": session_id, "version": saved.version}),
    )
    .await?;
    txn.commit().await?;
    Ok(view(settings, &session, Some(&saved)))
}

/// Submits the summary for review. It needs an overview.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn submit(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    session_id: i32,
) -> AppResult<SummaryOut> {
    let txn = db.begin_write().await?;
    let (session, event, current) = access_to_change(&*txn, actor, session_id).await?;
    let current = current.filter(|s| s.version > 0).ok_or_else(|| {
        AppError::invalid(
            "overview",
            "is required: write and save the summary before submitting it",
        )
    })?;
    let status = status_of(Some(&current));
    if !status.is_open() {
        return Err(AppError::Conflict(format!(
            "the summary is already {status}"
        )));
    }
    let content = store::content_of(&current.content);
    if content.overview.trim().is_empty() {
        return Err(AppError::invalid(
            "overview",
            "is required to submit the summary",
        ));
    }
    let due = due_at(settings, &session, Some(&current));
    let submitted = transition(
        &*txn,
        actor,
        current,
        VersionAction::Submitted,
        SummaryStatus::Submitted,
        &content,
        None,
    )
    .await?;
    notify::queue_submitted(&txn, settings, &event, &session, due, &actor.name).await?;
    txn.commit().await?;
    Ok(view(settings, &session, Some(&submitted)))
}

async fn transition(
    db: &impl ConnectionTrait,
    actor: &Actor,
    current: summary::Model,
    action: VersionAction,
    status: SummaryStatus,
    content: &SummaryContent,
    comment: Option<&str>,
) -> AppResult<summary::Model> {
    let session_id = current.session_id;
    let changed = store::apply(
        db,
        current,
        store::Change {
            action,
            status,
            content,
            comment,
            user_id: Some(actor.id),
            user_name: &actor.name,
        },
    )
    .await?;
    audit::record(
        db,
        Some(actor),
        action.as_str(),
        "summary",
        changed.id,
        json!({"session_id": session_id, "version": changed.version, "comment": comment}),
    )
    .await?;
    Ok(changed)
}

fn staff_only(actor: &Actor) -> AppResult<()> {
    if actor.is_staff() {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "only organizers may approve or return summaries".into(),
        ))
    }
}

fn comment_of(input: ReviewInput, required: bool) -> AppResult<Option<String>> {
    let comment = optional_text(input.comment.as_deref(), 4000, true)
        .map_err(|err| AppError::invalid("comment", err.to_string()))?;
    if required && comment.is_none() {
        return Err(AppError::invalid(
            "comment",
            "is required: tell the rapporteur what to change",
        ));
    }
    Ok(comment)
}

/// An organizer's decision on a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// From submitted; a comment is optional.
    Approve,
    /// From submitted or approved, back to the rapporteur; a comment is required.
    Return,
}

/// Approves a submitted summary; the rapporteur is told.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn approve(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    session_id: i32,
    input: ReviewInput,
) -> AppResult<SummaryOut> {
    review(db, settings, actor, session_id, input, Decision::Approve).await
}

/// Returns a submitted (or approved) summary to its rapporteur with a comment.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn send_back(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    session_id: i32,
    input: ReviewInput,
) -> AppResult<SummaryOut> {
    review(db, settings, actor, session_id, input, Decision::Return).await
}

/// Records an organizer's decision as the next version and mails it to the rapporteur.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn review(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    session_id: i32,
    input: ReviewInput,
    decision: Decision,
) -> AppResult<SummaryOut> {
    staff_only(actor)?;
    let (from, action, status, mail, refusal): (&[SummaryStatus], _, _, _, _) = match decision {
        Decision::Approve => (
            &[SummaryStatus::Submitted],
            VersionAction::Approved,
            SummaryStatus::Approved,
            MailKind::SummaryApproved,
            "only a submitted summary can be approved",
        ),
        Decision::Return => (
            &[SummaryStatus::Submitted, SummaryStatus::Approved],
            VersionAction::Returned,
            SummaryStatus::Returned,
            MailKind::SummaryReturned,
            "only a submitted or approved summary can be returned",
        ),
    };
    let comment = comment_of(input, decision == Decision::Return)?;
    let txn = db.begin_write().await?;
    let (session, event, current) = access_to_change(&*txn, actor, session_id).await?;
    let current = current
        .filter(|s| from.contains(&s.status))
        .ok_or_else(|| AppError::Conflict(refusal.into()))?;
    let content = store::content_of(&current.content);
    let due = due_at(settings, &session, Some(&current));
    let changed = transition(
        &*txn,
        actor,
        current,
        action,
        status,
        &content,
        comment.as_deref(),
    )
    .await?;
    // The tracker's items follow: an approved summary's recommendations are items, a
    // returned one's are withdrawn (their history kept).
    crate::recommendations::service::sync_session(&*txn, session_id, status, &content).await?;
    notify::queue(
        &txn,
        settings,
        mail,
        &event,
        &session,
        due,
        comment.as_deref(),
    )
    .await?;
    txn.commit().await?;
    Ok(view(settings, &session, Some(&changed)))
}

/// Sets (or, with `None`, resets to the default) the date a summary is due.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn set_due(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    session_id: i32,
    due: Option<DateTime<Utc>>,
) -> AppResult<SummaryOut> {
    staff_only(actor)?;
    let txn = db.begin_write().await?;
    let (session, _, current) = access_to_change(&*txn, actor, session_id).await?;
    let current = match current {
        Some(current) => current,
        None => store::ensure(&*txn, session_id).await?,
    };
    let updated = store::set_due(&*txn, current, due).await?;
    audit::record(
        &*txn,
        Some(actor),
        "set_due",
        "summary",
        updated.id,
        json!({"session_id": session_id, "due_at": due}),
    )
    .await?;
    txn.commit().await?;
    Ok(view(settings, &session, Some(&updated)))
}

/// A session with a rapporteur, its event and where its summary stands.
pub struct Assignment {
    pub session: session::Model,
    pub event: event::Model,
    pub summary: Option<summary::Model>,
    pub status: SummaryStatus,
    pub due: DateTime<Utc>,
    pub late: bool,
}

/// Sessions with rapporteurs and their summaries: of one person (the rapporteur's
/// workspace) or of one event (the organizers' review), in programme order.
#[tracing::instrument(skip_all, fields(event_id), err(level = "debug"))]
pub async fn assignments(
    db: &Db,
    settings: &Settings,
    person: Option<i32>,
    event_id: Option<i32>,
) -> AppResult<Vec<Assignment>> {
    let conn = db.conn();
    let rows = match (person, event_id) {
        (Some(person), _) => event_store::assignments_of_people(conn, &[person])
            .await?
            .into_iter()
            .filter(|r| r.role == ParticipantRole::Rapporteur)
            .collect(),
        (None, Some(event_id)) => {
            let (sessions, _) = event_store::sessions_of_event(conn, event_id, None).await?;
            let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
            store::rapporteur_rows(conn, Some(&ids)).await?
        }
        (None, None) => store::rapporteur_rows(conn, None).await?,
    };
    let mut session_ids: Vec<i32> = rows.iter().map(|r| r.session_id).collect();
    session_ids.sort_unstable();
    session_ids.dedup();
    let sessions: Vec<_> = event_store::sessions_by_id(conn, session_ids.iter().copied())
        .await?
        .into_iter()
        .filter(|s| event_id.is_none_or(|e| s.event_id == e))
        .collect();
    let event_ids: Vec<i32> = sessions.iter().map(|s| s.event_id).collect();
    let events = event_store::events_by_id(conn, &event_ids).await?;
    let mut summaries = store::by_sessions(conn, &session_ids).await?;
    let now = Utc::now();
    let mut out: Vec<Assignment> = sessions
        .into_iter()
        .filter_map(|session| {
            let event = events.get(&session.event_id)?.clone();
            let summary = summaries.remove(&session.id);
            let status = status_of(summary.as_ref());
            let due = due_at(settings, &session, summary.as_ref());
            Some(Assignment {
                late: is_late(status, due, now),
                session,
                event,
                summary,
                status,
                due,
            })
        })
        .collect();
    out.sort_by_key(|a| (a.session.starts_at, a.session.id));
    Ok(out)
}

/// Adds a theme to the organizers' vocabulary (or adopts a proposed one).
#[tracing::instrument(skip_all, fields(actor = actor.id), err(level = "debug"))]
pub async fn curate_theme(
    db: &Db,
    actor: &Actor,
    name: Option<&str>,
) -> AppResult<crate::entities::theme::Model> {
    staff_only(actor)?;
    let name = crate::domain::required_text(name, 80)
        .map_err(|err| AppError::invalid("name", err.to_string()))?;
    let txn = db.begin_write().await?;
    let theme = store::curate_theme(&*txn, &name).await?;
    audit::record(
        &*txn,
        Some(actor),
        "curate",
        "theme",
        theme.id,
        json!({"name": theme.name}),
    )
    .await?;
    txn.commit().await?;
    Ok(theme)
}

#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn delete_theme(db: &Db, actor: &Actor, id: i32) -> AppResult<()> {
    staff_only(actor)?;
    let txn = db.begin_write().await?;
    let theme = store::theme(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("theme"))?;
    store::delete_theme(&*txn, id).await?;
    audit::record(
        &*txn,
        Some(actor),
        "delete",
        "theme",
        id,
        json!({"name": theme.name}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
