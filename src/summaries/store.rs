//! Queries on summaries, their versions, their reminders and the themes vocabulary.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{SummaryContent, SummaryStatus, VersionAction, theme_key};
use crate::entities::{
    session, session_participant, summary, summary_reminder, summary_version, theme,
};
use crate::events::ParticipantRole;

pub async fn by_session(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Option<summary::Model>, DbErr> {
    summary::Entity::find()
        .filter(summary::Column::SessionId.eq(session_id))
        .one(db)
        .await
}

/// The summaries of these sessions, by session id.
pub async fn by_sessions(
    db: &impl ConnectionTrait,
    session_ids: &[i32],
) -> Result<HashMap<i32, summary::Model>, DbErr> {
    if session_ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(summary::Entity::find()
        .filter(summary::Column::SessionId.is_in(session_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.session_id, s))
        .collect())
}

/// Takes the session's row lock for the rest of the transaction (PostgreSQL), so that
/// changes to its summary happen one after another and each reads the version the one
/// before wrote; on SQLite the write transaction already holds the database's write lock.
pub async fn lock_session(db: &impl ConnectionTrait, session_id: i32) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        session::Entity::find_by_id(session_id)
            .lock_exclusive()
            .one(db)
            .await?;
    }
    Ok(())
}

/// A summary's row, made (empty, as a draft) when the session has none yet.
pub async fn ensure(db: &impl ConnectionTrait, session_id: i32) -> Result<summary::Model, DbErr> {
    if let Some(existing) = by_session(db, session_id).await? {
        return Ok(existing);
    }
    let now = Utc::now();
    summary::ActiveModel {
        session_id: Set(session_id),
        status: Set(SummaryStatus::Draft),
        content: Set(to_json(&SummaryContent::default())),
        version: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub fn to_json(content: &SummaryContent) -> String {
    serde_json::to_string(content).unwrap_or_else(|_| "{}".into())
}

/// The content of a stored summary or version; a damaged document reads as empty rather
/// than failing the page.
pub fn content_of(json: &str) -> SummaryContent {
    serde_json::from_str(json).unwrap_or_default()
}

/// What a change does to a summary, recorded as its next version.
pub struct Change<'a> {
    pub action: VersionAction,
    pub status: SummaryStatus,
    pub content: &'a SummaryContent,
    pub comment: Option<&'a str>,
    pub user_id: Option<i32>,
    pub user_name: &'a str,
}

/// Applies a change and records it as a new version, both in the caller's transaction.
pub async fn apply(
    db: &impl ConnectionTrait,
    current: summary::Model,
    change: Change<'_>,
) -> Result<summary::Model, DbErr> {
    let now = Utc::now();
    let version = current.version + 1;
    let summary_id = current.id;
    let json = to_json(change.content);
    let mut active: summary::ActiveModel = current.into();
    active.status = Set(change.status);
    active.content = Set(json.clone());
    active.version = Set(version);
    active.updated_by = Set(change.user_id);
    active.updated_at = Set(now);
    match change.action {
        VersionAction::Submitted => {
            active.submitted_at = Set(Some(now));
            active.review_comment = Set(None);
        }
        VersionAction::Approved => {
            active.approved_at = Set(Some(now));
            active.review_comment = Set(change.comment.map(str::to_string));
        }
        VersionAction::Returned => {
            active.approved_at = Set(None);
            active.review_comment = Set(change.comment.map(str::to_string));
        }
        VersionAction::Saved => {}
    }
    let updated = active.update(db).await?;
    summary_version::ActiveModel {
        summary_id: Set(summary_id),
        version: Set(version),
        action: Set(change.action),
        status: Set(change.status),
        content: Set(json),
        comment: Set(change.comment.map(str::to_string)),
        user_id: Set(change.user_id),
        user_name: Set(change.user_name.to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(updated)
}

pub async fn set_due(
    db: &impl ConnectionTrait,
    current: summary::Model,
    due_at: Option<DateTime<Utc>>,
) -> Result<summary::Model, DbErr> {
    let mut active: summary::ActiveModel = current.into();
    active.due_at = Set(due_at);
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

/// Every version of a summary, oldest first.
pub async fn versions(
    db: &impl ConnectionTrait,
    summary_id: i32,
) -> Result<Vec<summary_version::Model>, DbErr> {
    summary_version::Entity::find()
        .filter(summary_version::Column::SummaryId.eq(summary_id))
        .order_by_asc(summary_version::Column::Version)
        .all(db)
        .await
}

/// The rapporteur assignments of sessions (all sessions when `session_ids` is `None`).
pub async fn rapporteur_rows(
    db: &impl ConnectionTrait,
    session_ids: Option<&[i32]>,
) -> Result<Vec<session_participant::Model>, DbErr> {
    let mut query = session_participant::Entity::find()
        .filter(session_participant::Column::Role.eq(ParticipantRole::Rapporteur.as_str()));
    if let Some(ids) = session_ids {
        query = query.filter(session_participant::Column::SessionId.is_in(ids.iter().copied()));
    }
    query
        .order_by_asc(session_participant::Column::SessionId)
        .order_by_asc(session_participant::Column::Position)
        .all(db)
        .await
}

/// Records that a reminder is being sent; false when it already was (by this or another
/// process), which the unique key decides.
pub async fn claim_reminder(
    db: &impl ConnectionTrait,
    session_id: i32,
    kind: crate::mail::MailKind,
    due_at: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let row = summary_reminder::ActiveModel {
        session_id: Set(session_id),
        kind: Set(kind),
        due_at: Set(due_at),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let inserted = summary_reminder::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                summary_reminder::Column::SessionId,
                summary_reminder::Column::Kind,
                summary_reminder::Column::DueAt,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted > 0)
}

// ----- Themes -----

pub async fn themes(db: &impl ConnectionTrait) -> Result<Vec<theme::Model>, DbErr> {
    theme::Entity::find()
        .order_by_desc(theme::Column::Curated)
        .order_by_asc(theme::Column::Key)
        .all(db)
        .await
}

pub async fn theme(db: &impl ConnectionTrait, id: i32) -> Result<Option<theme::Model>, DbErr> {
    theme::Entity::find_by_id(id).one(db).await
}

/// A theme by its key, added (curated or only proposed) when missing. Two writers adding
/// the same theme at once both succeed: the insert skips an existing key.
async fn theme_by_key(
    db: &impl ConnectionTrait,
    name: &str,
    curated: bool,
) -> Result<theme::Model, DbErr> {
    let key = theme_key(name);
    let row = theme::ActiveModel {
        name: Set(name.to_string()),
        key: Set(key.clone()),
        curated: Set(curated),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    theme::Entity::insert(row)
        .on_conflict(
            OnConflict::column(theme::Column::Key)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    theme::Entity::find()
        .filter(theme::Column::Key.eq(key.as_str()))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("theme {key}")))
}

/// The vocabulary's spelling of a theme, adding it (as proposed, not curated) when new.
pub async fn spell_theme(db: &impl ConnectionTrait, name: &str) -> Result<String, DbErr> {
    Ok(theme_by_key(db, name, false).await?.name)
}

/// Adds a theme to the curated vocabulary, or adopts a proposed one.
pub async fn curate_theme(db: &impl ConnectionTrait, name: &str) -> Result<theme::Model, DbErr> {
    let found = theme_by_key(db, name, true).await?;
    if found.curated {
        return Ok(found);
    }
    let mut active: theme::ActiveModel = found.into();
    active.curated = Set(true);
    active.update(db).await
}

pub async fn delete_theme(db: &impl ConnectionTrait, id: i32) -> Result<u64, DbErr> {
    Ok(theme::Entity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected)
}
