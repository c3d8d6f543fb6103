//! Re-confirmation: when an event moves to other dates, organizers ask every registrant
//! to confirm they still come by a deadline. Those who do keep their place; those who do
//! not are released when the deadline passes, and the waitlist moves up.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use super::service::Cancellation;
use super::{RegistrationStatus, notify, store};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::entities::registration;
use crate::error::{AppError, AppResult};
use crate::events::{SeriesRef, store as event_store};
use crate::mail::MailKind;
use crate::web::Actor;

/// Asks every active registrant of an event to re-confirm by `deadline`; returns how many
/// were asked.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn request(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    deadline: DateTime<Utc>,
) -> AppResult<usize> {
    if deadline <= Utc::now() {
        return Err(AppError::invalid("deadline", "must be in the future"));
    }
    let txn = db.begin_write().await?;
    let event = event_store::event(&*txn, reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let (rows, _) = store::list(&*txn, event.id, None, None).await?;
    let mut asked = 0;
    for row in rows {
        let active = row.status.is_active();
        if !active || row.erased_at.is_some() {
            continue;
        }
        let mut update: registration::ActiveModel = row.into();
        update.reconfirm_by = Set(Some(deadline));
        update.reconfirmed_at = Set(None);
        update.updated_at = Set(Utc::now());
        let row = update.update(&txn).await?;
        notify::queue(
            &txn,
            settings,
            MailKind::RegistrationReconfirm,
            &event,
            &row,
        )
        .await?;
        asked += 1;
    }
    audit::record(
        &txn,
        Some(actor),
        "request_reconfirmation",
        "event",
        event.id,
        json!({"deadline": deadline, "asked": asked}),
    )
    .await?;
    txn.commit().await?;
    Ok(asked)
}

/// The registrant confirms they still come.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn confirm(db: &Db, token: &str) -> AppResult<registration::Model> {
    let txn = db.begin_write().await?;
    let current = store::by_token(&*txn, token)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    // Under the event's lock, so that a release at the deadline sees this answer or not
    // at all.
    let current = super::service::locked(&*txn, current).await?;
    if current.reconfirm_by.is_none() {
        return Ok(current);
    }
    let mut update: registration::ActiveModel = current.into();
    update.reconfirm_by = Set(None);
    update.reconfirmed_at = Set(Some(Utc::now()));
    update.updated_at = Set(Utc::now());
    let updated = update.update(&*txn).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Releases the registrations whose deadline passed without an answer, freeing their
/// places for the waitlist; returns how many were released. Run by `serve` every minute.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn release_overdue(db: &Db, settings: &Settings) -> AppResult<usize> {
    let overdue = registration::Entity::find()
        .filter(registration::Column::ReconfirmBy.lte(Utc::now()))
        .filter(registration::Column::Status.is_in(RegistrationStatus::ACTIVE))
        .all(db.conn())
        .await?;
    let mut released = 0;
    for row in overdue {
        let after = super::service::cancel_as(
            db,
            settings,
            super::service::RegistrantRef::Id(row.id),
            Cancellation::DeadlinePassed,
        )
        .await?;
        if after.status == RegistrationStatus::Cancelled && after.status != row.status {
            released += 1;
        }
    }
    Ok(released)
}
