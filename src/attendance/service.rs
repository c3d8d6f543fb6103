//! Checking in at the door: one record per registrant however many devices tap at once,
//! undone by another tap; only a confirmed registration is checked in.

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::audit;
use crate::db::Db;
use crate::domain::collation::compare;
use crate::entities::{event, registration};
use crate::error::{AppError, AppResult};
use crate::events::SeriesRef;
use crate::registrations::{RegistrationOut, RegistrationStatus, store};
use crate::web::Actor;

/// Checks a registrant in; once checked in, the first time stands (a second tap, from
/// this device or another, changes nothing and answers that time).
#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn check_in(db: &Db, actor: &Actor, id: i32) -> AppResult<DateTime<Utc>> {
    let txn = db.begin_write().await?;
    let current = store::by_id(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    if let Some(at) = current.checked_in_at {
        return Ok(at);
    }
    if current.erased_at.is_some() {
        return Err(AppError::Conflict(
            "the registrant erased their details; add them again as a walk-in".into(),
        ));
    }
    if current.status != RegistrationStatus::Confirmed {
        return Err(AppError::Conflict(format!(
            "the registration is {}: only a confirmed registration is checked in",
            current.status
        )));
    }
    // To the microsecond, as the databases keep it: the time answered now is the one
    // read later.
    let now = Utc::now().trunc_subsecs(6);
    // Only if no one else did it meanwhile (PostgreSQL reads the row again after waiting
    // for the other transaction; SQLite runs one writer at a time).
    let written = registration::Entity::update_many()
        .col_expr(registration::Column::CheckedInAt, Expr::value(now))
        .col_expr(registration::Column::CheckedInBy, Expr::value(actor.id))
        .filter(registration::Column::Id.eq(id))
        .filter(registration::Column::CheckedInAt.is_null())
        .exec(&*txn)
        .await?;
    if written.rows_affected == 0 {
        let at = store::by_id(&*txn, id)
            .await?
            .and_then(|r| r.checked_in_at)
            .ok_or(AppError::NotFound("registration"))?;
        return Ok(at);
    }
    audit::record(
        &*txn,
        Some(actor),
        "check_in",
        "registration",
        id,
        json!({"event_id": current.event_id}),
    )
    .await?;
    txn.commit().await?;
    Ok(now)
}

/// Undoes a check-in (a wrong tap); nothing happens when the registrant was not checked
/// in.
#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn undo(db: &Db, actor: &Actor, id: i32) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let current = store::by_id(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    let written = registration::Entity::update_many()
        .col_expr(
            registration::Column::CheckedInAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            registration::Column::CheckedInBy,
            Expr::value(Option::<i32>::None),
        )
        .filter(registration::Column::Id.eq(id))
        .filter(registration::Column::CheckedInAt.is_not_null())
        .exec(&*txn)
        .await?;
    if written.rows_affected > 0 {
        audit::record(
            &*txn,
            Some(actor),
            "undo_check_in",
            "registration",
            id,
            json!({"event_id": current.event_id}),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Who is expected at the door and who came.
pub struct Door {
    pub event: event::Model,
    /// The confirmed registrations, in order of family name.
    pub expected: Vec<RegistrationOut>,
}

impl Door {
    pub fn checked_in(&self) -> usize {
        self.expected
            .iter()
            .filter(|r| r.checked_in_at.is_some())
            .count()
    }

    /// The registrations matching what was typed at the door: a check-in code exactly,
    /// else every word in the name or organization, accents and case aside.
    pub fn find(&self, typed: &str) -> Vec<&RegistrationOut> {
        if let Some(code) = super::typed_code(typed) {
            let by_code: Vec<_> = self
                .expected
                .iter()
                .filter(|r| r.check_in_code.as_deref() == Some(code.as_str()))
                .collect();
            if !by_code.is_empty() {
                return by_code;
            }
        }
        let words = crate::domain::folded(typed);
        let words: Vec<&str> = words.split_whitespace().collect();
        self.expected
            .iter()
            .filter(|r| {
                let haystack = crate::domain::folded(&format!(
                    "{} {} {}",
                    r.given_name,
                    r.family_name,
                    r.organization.as_deref().unwrap_or_default()
                ));
                words.iter().all(|word| haystack.contains(word))
            })
            .collect()
    }
}

/// The event's door: its confirmed registrations.
pub async fn door(db: &Db, reference: &SeriesRef) -> AppResult<Door> {
    let (event, all) =
        crate::registrations::service::list(db, reference, Some(RegistrationStatus::Confirmed))
            .await?;
    let mut expected: Vec<RegistrationOut> = all.into_iter().filter(|r| !r.erased).collect();
    expected.sort_by(|a, b| {
        compare(&a.family_name, &b.family_name).then_with(|| compare(&a.given_name, &b.given_name))
    });
    Ok(Door { event, expected })
}

/// How many of the event's confirmed registrants are checked in, of how many: what the
/// check-in page reads every few seconds on each device, counted by the database rather
/// than read row by row.
pub async fn count(db: &Db, reference: &SeriesRef) -> AppResult<(u64, u64)> {
    let event = crate::events::store::event(db.conn(), reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let expected = || {
        registration::Entity::find()
            .filter(registration::Column::EventId.eq(event.id))
            .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed.as_str()))
            .filter(registration::Column::ErasedAt.is_null())
    };
    let checked_in = expected()
        .filter(registration::Column::CheckedInAt.is_not_null())
        .count(db.conn())
        .await?;
    Ok((checked_in, expected().count(db.conn()).await?))
}
