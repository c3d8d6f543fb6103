//! Reuse: an event copied for new dates, as a draft, to prepare the next roundtable of a
//! series from the last one. Sessions keep their wall-clock times in the event's zone,
//! shifted by the same number of days (so 09:30 in Brussels stays 09:30 across a change of
//! summer time); rooms, roles and organizers are kept. Nothing personal is copied:
//! no registrations, invitations (the participants are to invite again), summaries or
//! reports.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ConnectionTrait};
use serde_json::json;

use super::{DuplicateInput, EventInput, SeriesRef, store};
use crate::audit;
use crate::db::Db;
use crate::domain::TimeZone;
use crate::entities::{event, session};
use crate::error::{AppError, AppResult, on_constraint};
use crate::web::Actor;

/// Copies the event `reference` to start on `input.starts_on`; returns the new draft.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn duplicate(
    db: &Db,
    actor: &Actor,
    reference: &SeriesRef,
    input: DuplicateInput,
) -> AppResult<event::Model> {
    let wanted = input.validate()?;
    let txn = db.begin_write().await?;
    let original = store::event(&*txn, reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let days = (wanted.starts_on - original.starts_on).num_days();
    let zone = original.timezone;
    let organizers = super::read::organizer_views(&*txn, &[original.id])
        .await?
        .remove(&original.id)
        .unwrap_or_default();

    let mut copy = EventInput::from_model(&original, &organizers);
    copy.slug = None;
    copy.status = None;
    copy.title = wanted.title.or(copy.title);
    let mut event = copy.validate(None)?;
    event.starts_on = wanted.starts_on;
    event.ends_on = original.ends_on + Duration::days(days);
    event.registration.opens_at = event.registration.opens_at.map(|t| shift(zone, t, days));
    event.registration.closes_at = event.registration.closes_at.map(|t| shift(zone, t, days));

    let slug = super::service::free_slug(None, &event.title, |s| {
        let txn = &*txn;
        async move { store::event_slug_taken(txn, &s, None).await }
    })
    .await?;
    let created = store::insert_event(&*txn, &event, &slug, original.series_id)
        .await
        .map_err(|err| on_constraint(err, "that slug is already used", "a reference is gone"))?;
    store::set_organizers(&*txn, created.id, &event.organizers).await?;
    let sessions = copy_programme(&*txn, original.id, created.id, zone, days).await?;
    audit::record(
        &*txn,
        Some(actor),
        "duplicate",
        "event",
        created.id,
        json!({"from": original.id, "days": days, "sessions": sessions}),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Copies the sessions of `from` into `to`, shifted by `days`, with their participants
/// (not yet invited); returns how many sessions.
async fn copy_programme(
    db: &impl ConnectionTrait,
    from: i32,
    to: i32,
    zone: TimeZone,
    days: i64,
) -> AppResult<usize> {
    let (sessions, _) = store::sessions_of_event(db, from, None).await?;
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let participants = store::participants(db, &ids).await?;
    let now = Utc::now();
    for original in &sessions {
        let mut copy: session::ActiveModel = original.clone().into();
        copy = copy.reset_all();
        copy.id = NotSet;
        copy.event_id = Set(to);
        copy.starts_at = Set(shift(zone, original.starts_at, days));
        copy.ends_at = Set(shift(zone, original.ends_at, days));
        copy.sequence = Set(0);
        copy.created_at = Set(now);
        copy.updated_at = Set(now);
        let copy = copy.insert(db).await?;
        for p in participants.iter().filter(|p| p.session_id == original.id) {
            store::insert_participant(db, copy.id, p.person_id, p.role, p.position).await?;
        }
    }
    Ok(sessions.len())
}

/// `instant` moved by `days` in the zone's wall-clock time; by exactly `days` × 24 hours
/// when that wall time does not exist or repeats on the new day.
fn shift(zone: TimeZone, instant: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    let wall = zone.local(instant).naive_local() + Duration::days(days);
    zone.from_wall_time(wall)
        .unwrap_or(instant + Duration::days(days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_shift_keeps_the_wall_time_across_a_change_of_summer_time() {
        let brussels = TimeZone::parse("Europe/Brussels").unwrap();
        let wall = NaiveDate::from_ymd_opt(2008, 2, 20)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        let winter = brussels.from_wall_time(wall).unwrap();
        let summer = shift(brussels, winter, 364);
        assert_eq!(brussels.format(summer), "2009-02-18T09:30:00+01:00");
        let june = shift(brussels, winter, 105);
        assert_eq!(brussels.format(june), "2008-06-04T09:30:00+02:00");
        assert_eq!((june - winter).num_hours(), 105 * 24 - 1);
    }

    #[test]
    fn a_wall_time_the_clocks_skip_moves_by_whole_days() {
        let brussels = TimeZone::parse("Europe/Brussels").unwrap();
        let wall = NaiveDate::from_ymd_opt(2009, 3, 28)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        let before = brussels.from_wall_time(wall).unwrap();
        assert_eq!(shift(brussels, before, 1), before + Duration::days(1));
    }
}
