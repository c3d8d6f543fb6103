//! Reminders to rapporteurs, sent by `serve` every minute: one some hours before a
//! summary is due, one when the due date has passed. Each is sent once per due date, even
//! with several `serve` processes on one database (a unique row per reminder); moving the
//! due date arms them again. Sessions of draft or cancelled events, and summaries long
//! overdue (old events loaded afterwards), get none.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{notify, service, store};
use crate::config::Settings;
use crate::db::Db;
use crate::entities::session;
use crate::error::AppResult;
use crate::events::{EventStatus, store as event_store};
use crate::mail::MailKind;

/// No "overdue" mail for a summary due longer ago than this.
const TOO_LATE: i64 = 14;

/// Queues the reminders that are due; returns how many mails.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn send_due(db: &Db, settings: &Settings, now: DateTime<Utc>) -> AppResult<usize> {
    let conn = db.conn();
    let recent = now - Duration::days(TOO_LATE + 60);
    let rows = store::rapporteur_rows(conn, None).await?;
    let mut ids: Vec<i32> = rows.iter().map(|r| r.session_id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(0);
    }
    let sessions = session::Entity::find()
        .filter(session::Column::Id.is_in(ids.clone()))
        .filter(session::Column::EndsAt.gte(recent))
        .all(conn)
        .await?;
    let event_ids: Vec<i32> = sessions.iter().map(|s| s.event_id).collect();
    let events = event_store::events_by_id(conn, &event_ids).await?;
    let summaries = store::by_sessions(conn, &ids).await?;
    let before = Duration::hours(settings.summaries.remind_hours_before);
    let mut sent = 0;
    for session in sessions {
        let Some(event) = events.get(&session.event_id) else {
            continue;
        };
        if event.status != EventStatus::Published {
            continue;
        }
        let summary = summaries.get(&session.id);
        if !service::status_of(summary).is_open() {
            continue;
        }
        let due = service::due_at(settings, &session, summary);
        let kind = if now >= due {
            if now - due > Duration::days(TOO_LATE) {
                continue;
            }
            MailKind::SummaryOverdue
        } else if now >= due - before && now >= session.ends_at {
            MailKind::SummaryReminder
        } else {
            continue;
        };
        let txn = db.begin_write().await?;
        if store::claim_reminder(&txn, session.id, kind, due).await? {
            sent += notify::queue(&txn, settings, kind, event, &session, due, None).await?;
        }
        txn.commit().await?;
    }
    Ok(sent)
}
