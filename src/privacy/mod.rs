//! What is kept about people, and for how long. `privacy.retention_days` after an event
//! ends, its registrants' access and dietary needs, their check-in codes and the passport
//! details of their visa letter requests are erased;
//! their names and attendance remain, as the record of who took part. `serve` does it
//! within the minute a period ends (see `app::housekeeping`); `roundtable purge` does it
//! at once and prints what it erased, `--dry-run` what it would erase.

pub mod sealed;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;

use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::entities::{event, registration, visa_request};
use crate::error::AppResult;

/// A registration still holding what the retention period erases.
fn holds_something() -> Condition {
    Condition::any()
        .add(registration::Column::Needs.is_not_null())
        .add(registration::Column::CheckInCode.is_not_null())
}

/// What was (or would be) erased from one event's registrations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub event_slug: String,
    pub event_title: String,
    pub ended_on: NaiveDate,
    /// Registrants whose needs were erased.
    pub needs: u64,
    /// Registrants whose check-in code was erased.
    pub codes: u64,
    /// Visa letter requests whose passport details were erased.
    pub passports: u64,
}

impl std::fmt::Display for Erased {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: u64| if n == 1 { "" } else { "s" };
        write!(
            f,
            "{} ({}, ended {}): the needs of {} registrant{}, the check-in codes of {} registrant{}, the passport details of {} visa letter request{}",
            self.event_title,
            self.event_slug,
            self.ended_on,
            self.needs,
            plural(self.needs),
            self.codes,
            plural(self.codes),
            self.passports,
            plural(self.passports)
        )
    }
}

/// The last day of an event whose period has run out at `now`: it ended before this day.
fn cutoff(settings: &Settings, now: DateTime<Utc>) -> NaiveDate {
    (now - Duration::days(i64::from(settings.privacy.retention_days))).date_naive()
}

/// Erases what the retention period no longer allows to keep, or (`dry_run`) only says
/// what that would be; events in order of their end.
pub async fn purge(
    db: &Db,
    settings: &Settings,
    now: DateTime<Utc>,
    dry_run: bool,
) -> AppResult<Vec<Erased>> {
    // One query when nothing is due (as on most of the minutes `serve` asks): the events
    // ended before the period whose registrations still hold something to erase.
    let ended = Query::select()
        .column(event::Column::Id)
        .from(event::Entity)
        .and_where(event::Column::EndsOn.lt(cutoff(settings, now)))
        .to_owned();
    let mut due: Vec<i32> = registration::Entity::find()
        .select_only()
        .column(registration::Column::EventId)
        .distinct()
        .filter(registration::Column::EventId.in_subquery(ended.clone()))
        .filter(holds_something())
        .into_tuple()
        .all(db.conn())
        .await?;
    let with_passports: Vec<i32> = visa_request::Entity::find()
        .select_only()
        .column(visa_request::Column::EventId)
        .distinct()
        .filter(visa_request::Column::EventId.in_subquery(ended))
        .filter(visa_request::Column::Passport.is_not_null())
        .into_tuple()
        .all(db.conn())
        .await?;
    due.extend(with_passports);
    if due.is_empty() {
        return Ok(Vec::new());
    }
    let events = event::Entity::find()
        .filter(event::Column::Id.is_in(due))
        .order_by_asc(event::Column::EndsOn)
        .order_by_asc(event::Column::Id)
        .all(db.conn())
        .await?;
    let mut erased = Vec::new();
    for event in events {
        let of_event =
            || registration::Entity::find().filter(registration::Column::EventId.eq(event.id));
        let needs = of_event()
            .filter(registration::Column::Needs.is_not_null())
            .count(db.conn())
            .await?;
        let codes = of_event()
            .filter(registration::Column::CheckInCode.is_not_null())
            .count(db.conn())
            .await?;
        let passports = || {
            visa_request::Entity::find()
                .filter(visa_request::Column::EventId.eq(event.id))
                .filter(visa_request::Column::Passport.is_not_null())
        };
        let passport_count = passports().count(db.conn()).await?;
        if !dry_run {
            let txn = db.begin_write().await?;
            registration::Entity::update_many()
                .col_expr(
                    registration::Column::Needs,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(
                    registration::Column::CheckInCode,
                    Expr::value(Option::<String>::None),
                )
                .filter(registration::Column::EventId.eq(event.id))
                .filter(holds_something())
                .exec(&*txn)
                .await?;
            visa_request::Entity::update_many()
                .col_expr(
                    visa_request::Column::Passport,
                    Expr::value(Option::<String>::None),
                )
                .filter(visa_request::Column::EventId.eq(event.id))
                .filter(visa_request::Column::Passport.is_not_null())
                .exec(&*txn)
                .await?;
            audit::record(
                &*txn,
                None,
                "purge",
                "event",
                event.id,
                json!({"needs": needs, "check_in_codes": codes, "passports": passport_count,
                       "retention_days": settings.privacy.retention_days}),
            )
            .await?;
            txn.commit().await?;
        }
        erased.push(Erased {
            event_slug: event.slug,
            event_title: event.title,
            ended_on: event.ends_on,
            needs,
            codes,
            passports: passport_count,
        });
    }
    Ok(erased)
}

/// What the registration form says of how long its data is kept.
pub fn retention_notice(settings: &Settings) -> String {
    format!(
        "Your access or dietary needs and your check-in code are erased {} days after the event; your name and attendance remain as its record.",
        settings.privacy.retention_days
    )
}
