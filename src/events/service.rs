//! Event use-cases. Each write resolves and checks its references, runs in one
//! transaction with the notices it causes and leaves a line in the audit log. Reads are
//! in `read`.

use sea_orm::ConnectionTrait;
use serde_json::{Map, Value, json};

use super::{
    EventInput, EventStatus, ParticipantInput, ParticipantOut, ParticipantRole, SeriesInput,
    SeriesRef, SessionInput, store,
};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::directory::store as directory_store;
use crate::domain::{Slug, TimeZone};
use crate::entities::{event, series, session};
use crate::error::{AppError, AppResult, on_constraint};
use crate::web::Actor;
use crate::web::json::merge_patch;

const SLUG_TAKEN: &str = "that slug is already used";

/// A free slug: the one asked for (409 when taken), or one made from the title.
pub(super) async fn free_slug<F, Fut>(
    wanted: Option<Slug>,
    title: &str,
    taken: F,
) -> AppResult<String>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<bool, sea_orm::DbErr>>,
{
    if let Some(slug) = wanted {
        if taken(slug.as_str().to_string()).await? {
            return Err(AppError::Conflict(SLUG_TAKEN.into()));
        }
        return Ok(slug.as_str().to_string());
    }
    let base = Slug::from_title(title);
    if !taken(base.as_str().to_string()).await? {
        return Ok(base.as_str().to_string());
    }
    for n in 2..1000 {
        let candidate = base.with_suffix(n);
        if !taken(candidate.as_str().to_string()).await? {
            return Ok(candidate.as_str().to_string());
        }
    }
    Err(AppError::Conflict(
        "no free slug for that title; give one".into(),
    ))
}

// ----- Series -----

#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn create_series(
    db: &Db,
    actor: Option<&Actor>,
    input: SeriesInput,
) -> AppResult<series::Model> {
    let series = input.validate()?;
    let txn = db.begin_write().await?;
    let slug = free_slug(series.slug.clone(), &series.title, |s| {
        let txn = &*txn;
        async move { store::series_slug_taken(txn, &s, None).await }
    })
    .await?;
    let created = store::insert_series(&*txn, &slug, &series)
        .await
        .map_err(|err| on_constraint(err, SLUG_TAKEN, ""))?;
    audit::record(
        &*txn,
        actor,
        "create",
        "series",
        created.id,
        json!(SeriesInput::from_model(&created)),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn update_series(
    db: &Db,
    actor: &Actor,
    reference: &SeriesRef,
    patch: Map<String, Value>,
) -> AppResult<series::Model> {
    let txn = db.begin_write().await?;
    let current = store::series(&*txn, reference)
        .await?
        .ok_or(AppError::NotFound("series"))?;
    let input: SeriesInput = merge_patch(&SeriesInput::from_model(&current), patch)?;
    let series = input.validate()?;
    let slug = match &series.slug {
        Some(slug) if slug.as_str() != current.slug => {
            if store::series_slug_taken(&*txn, slug.as_str(), Some(current.id)).await? {
                return Err(AppError::Conflict(SLUG_TAKEN.into()));
            }
            slug.as_str().to_string()
        }
        _ => current.slug.clone(),
    };
    let id = current.id;
    let updated = store::update_series(&*txn, current, &slug, &series)
        .await
        .map_err(|err| on_constraint(err, SLUG_TAKEN, ""))?;
    audit::record(
        &*txn,
        Some(actor),
        "update",
        "series",
        id,
        json!(SeriesInput::from_model(&updated)),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

// ----- Events -----

/// Checks the series and organizations an event refers to; returns the series id.
async fn resolve_references(
    txn: &impl ConnectionTrait,
    event: &super::Event,
) -> AppResult<Option<i32>> {
    let series_id = match &event.series {
        None => None,
        Some(reference) => Some(
            store::series(txn, reference)
                .await?
                .ok_or_else(|| AppError::invalid("series", "no series has this id or slug"))?
                .id,
        ),
    };
    let known =
        directory_store::organizations_by_id(txn, event.organizers.iter().map(|(id, _)| *id))
            .await?;
    let missing: Vec<_> = event
        .organizers
        .iter()
        .enumerate()
        .filter(|(_, (id, _))| !known.contains_key(id))
        .map(|(i, _)| {
            crate::error::FieldError::new(
                format!("organizers[{i}].organization_id"),
                "no organization has this id",
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(AppError::Invalid(missing));
    }
    Ok(series_id)
}

#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn create_event(
    db: &Db,
    actor: Option<&Actor>,
    input: EventInput,
) -> AppResult<event::Model> {
    let event = input.validate(None)?;
    let txn = db.begin_write().await?;
    let series_id = resolve_references(&*txn, &event).await?;
    let slug = free_slug(event.slug.clone(), &event.title, |s| {
        let txn = &*txn;
        async move { store::event_slug_taken(txn, &s, None).await }
    })
    .await?;
    let created = store::insert_event(&*txn, &event, &slug, series_id)
        .await
        .map_err(|err| on_constraint(err, SLUG_TAKEN, "a referenced record does not exist"))?;
    store::set_organizers(&*txn, created.id, &event.organizers).await?;
    let organizers = super::read::organizer_views(&*txn, &[created.id])
        .await?
        .remove(&created.id)
        .unwrap_or_default();
    audit::record(
        &*txn,
        actor,
        "create",
        "event",
        created.id,
        json!(EventInput::from_model(&created, &organizers)),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn update_event(
    db: &Db,
    actor: &Actor,
    reference: &SeriesRef,
    patch: Map<String, Value>,
) -> AppResult<event::Model> {
    let txn = db.begin_write().await?;
    let current = store::event(&*txn, reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let organizers = super::read::organizer_views(&*txn, &[current.id])
        .await?
        .remove(&current.id)
        .unwrap_or_default();
    let input: EventInput = merge_patch(&EventInput::from_model(&current, &organizers), patch)?;
    let event = input.validate(Some(current.status))?;
    if let Some(capacity) = event.capacity {
        // Under the event's lock, so that no registration is confirmed meanwhile.
        crate::registrations::store::lock_event(&*txn, current.id).await?;
        let confirmed = crate::registrations::store::confirmed_by_event(&*txn, &[current.id])
            .await?
            .get(&current.id)
            .copied()
            .unwrap_or(0);
        if u64::try_from(capacity).unwrap_or(0) < confirmed {
            return Err(AppError::Conflict(format!(
                "{confirmed} registrations are confirmed: the capacity cannot be less than {confirmed} (cancel or reject registrations first)"
            )));
        }
    }
    let series_id = resolve_references(&*txn, &event).await?;
    let slug = match &event.slug {
        Some(slug) if slug.as_str() != current.slug => {
            if store::event_slug_taken(&*txn, slug.as_str(), Some(current.id)).await? {
                return Err(AppError::Conflict(SLUG_TAKEN.into()));
            }
            slug.as_str().to_string()
        }
        _ => current.slug.clone(),
    };
    let id = current.id;
    let updated = store::update_event(&*txn, current, &event, &slug, series_id)
        .await
        .map_err(|err| on_constraint(err, SLUG_TAKEN, "a referenced record does not exist"))?;
    store::set_organizers(&*txn, id, &event.organizers).await?;
    let organizers = super::read::organizer_views(&*txn, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    audit::record(
        &*txn,
        Some(actor),
        "update",
        "event",
        id,
        json!(EventInput::from_model(&updated, &organizers)),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// Deletes a draft or cancelled event with its programme. A published event must be
/// cancelled first, so that the people expecting it are told.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn delete_event(db: &Db, actor: &Actor, reference: &SeriesRef) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let current = store::event(&*txn, reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    if current.status == EventStatus::Published {
        return Err(AppError::Conflict(
            "the event is published; cancel it first so that participants are told".into(),
        ));
    }
    store::delete_event(&*txn, current.id).await?;
    audit::record(
        &*txn,
        Some(actor),
        "delete",
        "event",
        current.id,
        json!({"slug": current.slug, "title": current.title}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Moves an event from draft to published, or from draft or published to cancelled.
/// Cancelling tells everyone invited (their calendars get a CANCEL), in the same
/// transaction.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn set_status(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    to: EventStatus,
) -> AppResult<event::Model> {
    let txn = db.begin_write().await?;
    let current = store::event(&*txn, reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let from = current.status;
    let allowed = matches!(
        (from, to),
        (EventStatus::Draft, EventStatus::Published)
            | (
                EventStatus::Draft | EventStatus::Published,
                EventStatus::Cancelled
            )
    );
    if !allowed {
        return Err(AppError::Conflict(format!(
            "the event is {from}; it cannot become {to}"
        )));
    }
    let id = current.id;
    let updated = store::set_event_status(&txn, current, to).await?;
    if to == EventStatus::Cancelled {
        store::raise_sequences(&txn, id).await?;
        super::notify::event_cancelled(&txn, settings, &updated).await?;
    }
    let action = match to {
        EventStatus::Published => "publish",
        EventStatus::Cancelled => "cancel",
        EventStatus::Draft => "update",
    };
    audit::record(
        &*txn,
        Some(actor),
        action,
        "event",
        id,
        json!({"from": from, "to": to}),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

// ----- Sessions -----

#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn create_session(
    db: &Db,
    actor: &Actor,
    reference: &SeriesRef,
    input: SessionInput,
) -> AppResult<(session::Model, TimeZone)> {
    let txn = db.begin_write().await?;
    let event = store::event(&*txn, reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let zone = event.timezone;
    let session = input.validate(zone, event.language)?;
    let created = store::insert_session(&*txn, event.id, &session).await?;
    audit::record(
        &*txn,
        Some(actor),
        "create",
        "session",
        created.id,
        json!(SessionInput::from_model(&created, zone)),
    )
    .await?;
    txn.commit().await?;
    Ok((created, zone))
}

/// Updates a session; when its time or room changed, everyone invited to or accepted for
/// it is told (after the quiet period), in the same transaction.
#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn update_session(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: i32,
    patch: Map<String, Value>,
) -> AppResult<(session::Model, TimeZone)> {
    let txn = db.begin_write().await?;
    let current = store::session(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    let event = store::event_by_id(&*txn, current.event_id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    let zone = event.timezone;
    let input: SessionInput = merge_patch(&SessionInput::from_model(&current, zone), patch)?;
    let session = input.validate(zone, event.language)?;
    let before = current.sequence;
    let was_listed = current.confidentiality.is_listed();
    let updated = store::update_session(&txn, current, &session).await?;
    if updated.sequence > before {
        super::notify::session_moved(&txn, settings, &updated, &event).await?;
    }
    if was_listed && !updated.confidentiality.is_listed() {
        // Closed: what registrants were about to be told of it is not sent.
        super::notify::withdraw_from_registrants(&txn, event.id, updated.id).await?;
    }
    audit::record(
        &txn,
        Some(actor),
        "update",
        "session",
        id,
        json!(SessionInput::from_model(&updated, zone)),
    )
    .await?;
    txn.commit().await?;
    Ok((updated, zone))
}

/// Deletes a session; everyone invited to or accepted for it gets a cancellation.
#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn delete_session(db: &Db, settings: &Settings, actor: &Actor, id: i32) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let current = store::session(&txn, id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    if let Some(event) = store::event_by_id(&txn, current.event_id).await? {
        super::notify::session_cancelled(&txn, settings, &current, &event).await?;
    }
    store::delete_session(&txn, id).await?;
    audit::record(
        &txn,
        Some(actor),
        "delete",
        "session",
        id,
        json!({"event_id": current.event_id, "title": current.title}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

// ----- Participants -----

#[tracing::instrument(skip_all, fields(actor = actor.id, session_id), err(level = "debug"))]
pub async fn add_participant(
    db: &Db,
    actor: &Actor,
    session_id: i32,
    input: ParticipantInput,
) -> AppResult<ParticipantOut> {
    let participant = input.validate()?;
    let txn = db.begin_write().await?;
    store::session(&*txn, session_id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    if directory_store::person(&*txn, participant.person_id)
        .await?
        .is_none()
    {
        return Err(AppError::invalid("person_id", "no person has this id"));
    }
    let position = match participant.position {
        Some(position) => position,
        None => store::next_participant_position(&*txn, session_id).await?,
    };
    let row = store::insert_participant(
        &*txn,
        session_id,
        participant.person_id,
        participant.role,
        position,
    )
    .await
    .map_err(|err| {
        on_constraint(
            err,
            "that person already has that role in this session",
            "no person has this id",
        )
    })?;
    audit::record(
        &*txn,
        Some(actor),
        "create",
        "session_participant",
        row.id,
        json!({"session_id": session_id, "person_id": row.person_id, "role": row.role, "position": row.position}),
    )
    .await?;
    let mut views = super::read::participant_views(&*txn, vec![row]).await?;
    txn.commit().await?;
    views
        .remove(&session_id)
        .and_then(|mut list| list.pop())
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("participant vanished")))
}

#[tracing::instrument(skip_all, fields(actor = actor.id, session_id, person_id), err(level = "debug"))]
pub async fn remove_participant(
    db: &Db,
    actor: &Actor,
    session_id: i32,
    person_id: i32,
) -> AppResult<()> {
    let txn = db.begin_write().await?;
    store::session(&*txn, session_id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    if store::delete_participant(&*txn, session_id, person_id).await? == 0 {
        return Err(AppError::NotFound("participant"));
    }
    audit::record(
        &*txn,
        Some(actor),
        "delete",
        "session_participant",
        session_id,
        json!({"session_id": session_id, "person_id": person_id}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a participant one place earlier (`up`) or later among those of the same role in
/// the session, renumbering that role's positions.
#[tracing::instrument(skip_all, fields(actor = actor.id, session_id, person_id), err(level = "debug"))]
pub async fn move_participant(
    db: &Db,
    actor: &Actor,
    session_id: i32,
    person_id: i32,
    role: ParticipantRole,
    up: bool,
) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let mut same_role: Vec<_> = store::participants(&*txn, &[session_id])
        .await?
        .into_iter()
        .filter(|p| p.role == role)
        .collect();
    let index = same_role
        .iter()
        .position(|p| p.person_id == person_id)
        .ok_or(AppError::NotFound("participant"))?;
    let target = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|i| *i < same_role.len())
    };
    let Some(target) = target else {
        return Ok(());
    };
    same_role.swap(index, target);
    for (position, row) in same_role.iter().enumerate() {
        store::set_participant_position(&*txn, row.id, i32::try_from(position).unwrap_or(i32::MAX))
            .await?;
    }
    audit::record(
        &*txn,
        Some(actor),
        "reorder",
        "session_participant",
        session_id,
        json!({"session_id": session_id, "person_id": person_id, "role": role, "direction": if up { "up" } else { "down" }}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
