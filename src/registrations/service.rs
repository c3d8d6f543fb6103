//! Registration use-cases. Each decision about places runs in one write transaction that
//! holds the event's lock, so capacity is never exceeded and the waitlist keeps its
//! order, whatever the concurrency; its mail is queued in the same transaction.

use crate::db::MailQueue;
use std::collections::HashSet;

use chrono::Utc;
use sea_orm::ConnectionTrait;
use serde_json::json;

use super::notify::{self, calendar_url, manage_url};
use super::{
    DetailsInput, Registered, Registration, RegistrationInput, RegistrationOut, RegistrationStatus,
    store,
};
use crate::accounts::{hash_secret, new_secret};
use crate::audit;
use crate::config::Settings;
use crate::db::{Db, WriteTxn};
use crate::domain::CountryCode;
use crate::domain::spreadsheet::Sheet;
use crate::entities::{audit_log, event, registration, registration_link};
use crate::error::{AppError, AppResult, on_constraint};
use crate::events::{EventStatus, RegistrationMode, SeriesRef, store as event_store};
use crate::mail::MailKind;
use crate::web::Actor;

const ALREADY: &str = "this email is already registered for the event";

/// Places taken: confirmed registrations.
async fn confirmed(conn: &impl ConnectionTrait, event_id: i32) -> AppResult<u64> {
    Ok(store::counts(conn, event_id)
        .await?
        .get(&RegistrationStatus::Confirmed)
        .copied()
        .unwrap_or(0))
}

fn has_room(event: &event::Model, taken: u64) -> bool {
    event
        .capacity
        .is_none_or(|capacity| taken < u64::try_from(capacity).unwrap_or(0))
}

/// Why an event takes no registration now, if it does not.
fn refusal(event: &event::Model, invited: bool) -> Option<String> {
    let now = Utc::now();
    if event.status == EventStatus::Cancelled {
        return Some("the event is cancelled".into());
    }
    if crate::events::has_ended(event, now) {
        return Some("registration is closed: the event has ended".into());
    }
    match event.registration_mode {
        RegistrationMode::Closed => return Some("registration is closed".into()),
        RegistrationMode::InviteOnly if !invited => {
            return Some(
                "registration is by invitation only: use the link of your invitation".into(),
            );
        }
        _ => {}
    }
    if let Some(opens) = event.registration_opens_at
        && now < opens
    {
        return Some(format!(
            "registration opens on {}",
            opens.format("%-d %B %Y, %H:%M UTC")
        ));
    }
    if let Some(closes) = event.registration_closes_at
        && now >= closes
    {
        return Some("registration has closed".into());
    }
    None
}

/// Registers someone: confirmed while there is room, then waitlisted (when the event
/// keeps a waiting list) or refused (409); pending in approval mode. (Requests that
/// arrive together are registered together by [`super::batch::Registrar`].)
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn register(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
    input: RegistrationInput,
) -> AppResult<Registered> {
    let registration: Registration = input.validate()?;
    register_valid(db, settings, reference, &registration).await
}

/// An organizer adds someone at the door who had not registered: confirmed and checked
/// in at once, whatever the registration window, mode and capacity.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn admit(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    input: RegistrationInput,
) -> AppResult<Registered> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden("only organizers add walk-ins".into()));
    }
    let mut registration = input.validate()?;
    registration.admitted_by = Some(actor.clone());
    register_valid(db, settings, reference, &registration).await
}

/// [`register`], with the input checked already.
pub(super) async fn register_valid(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
    registration: &Registration,
) -> AppResult<Registered> {
    let txn = db.begin_write().await?;
    let mut batch = Batch::expecting(std::iter::once(registration));
    let decision = decide(&txn, &mut batch, reference, registration).await?;
    let registered = record(&txn, settings, &mut batch, decision, registration).await?;
    batch.write(&txn).await?;
    txn.commit().await?;
    crate::operations::metrics::registration_created(registered.status);
    Ok(registered)
}

/// What the registrations decided in one transaction have read already: each event
/// (locked) with its confirmed places and the emails registered, and its confirmation
/// calendar; and the rows that go with each registration (its link, its mail, its audit
/// entry), written together at the end by [`Batch::write`].
#[derive(Default)]
pub(super) struct Batch {
    /// The emails the batch will register, looked up at once for each event.
    emails: Vec<String>,
    events: Vec<BatchEvent>,
    calendars: notify::Calendars,
    links: Vec<registration_link::ActiveModel>,
    mails: Vec<crate::mail::Envelope>,
    audit: Vec<audit_log::ActiveModel>,
}

struct BatchEvent {
    reference: SeriesRef,
    event: event::Model,
    confirmed: u64,
    /// Of the batch's emails, those that hold or wait for a place.
    active: HashSet<String>,
}

impl Batch {
    pub(super) fn expecting<'a>(registrations: impl Iterator<Item = &'a Registration>) -> Self {
        Self {
            emails: registrations
                .map(|r| r.email.as_str().to_string())
                .collect(),
            ..Self::default()
        }
    }

    /// Writes the rows that go with the registrations recorded.
    pub(super) async fn write(self, txn: &WriteTxn<'_>) -> AppResult<()> {
        store::keep_links(&**txn, self.links).await?;
        crate::mail::outbox::enqueue_all(txn, self.mails).await?;
        audit::record_all(&**txn, self.audit).await?;
        Ok(())
    }
}

/// A registration decided and not yet written.
pub(super) struct Decision {
    event: event::Model,
    status: RegistrationStatus,
    invitation_id: Option<i32>,
}

/// Decides a registration under its event's lock: refused (and nothing written), or
/// the status it will have. Reads what `batch` does not hold yet.
pub(super) async fn decide(
    txn: &WriteTxn<'_>,
    batch: &mut Batch,
    reference: &SeriesRef,
    registration: &Registration,
) -> AppResult<Decision> {
    let at = match batch.events.iter().position(|e| e.reference == *reference) {
        Some(at) => at,
        None => {
            let event = event_store::event(&**txn, reference)
                .await?
                .filter(|e| e.status != EventStatus::Draft)
                .ok_or(AppError::NotFound("event"))?;
            store::lock_event(&**txn, event.id).await?;
            let confirmed = confirmed(&**txn, event.id).await?;
            let active = store::active_emails(&**txn, event.id, &batch.emails)
                .await?
                .into_iter()
                .collect();
            batch.events.push(BatchEvent {
                reference: reference.clone(),
                event,
                confirmed,
                active,
            });
            batch.events.len() - 1
        }
    };
    let entry = &mut batch.events[at];
    let event = &entry.event;
    let invitation = match &registration.invitation {
        Some(token) => crate::invitations::store::by_token_hash(&**txn, &hash_secret(token))
            .await?
            .filter(|i| {
                i.event_id == event.id && i.status != crate::invitations::InvitationState::Declined
            }),
        None => None,
    };
    // A walk-in is let in by an organizer at the door, whatever the window and mode.
    let walk_in = registration.admitted_by.is_some();
    if let Some(why) = refusal(event, invitation.is_some()).filter(|_| !walk_in) {
        return Err(AppError::Conflict(why));
    }
    let email = registration.email.as_str();
    // The batch's emails were looked up with the event; others are looked up now.
    let taken = if batch.emails.iter().any(|e| e == email) {
        entry.active.contains(email)
    } else {
        store::active_by_email(&**txn, event.id, email)
            .await?
            .is_some()
    };
    if taken {
        return Err(AppError::Conflict(ALREADY.into()));
    }
    let status = if walk_in {
        RegistrationStatus::Confirmed
    } else if event.registration_mode == RegistrationMode::Approval && invitation.is_none() {
        RegistrationStatus::Pending
    } else if has_room(event, entry.confirmed) {
        RegistrationStatus::Confirmed
    } else if event.waitlist {
        RegistrationStatus::Waitlisted
    } else {
        return Err(AppError::Conflict("the event is full".into()));
    };
    if status == RegistrationStatus::Confirmed {
        entry.confirmed += 1;
    }
    entry.active.insert(email.to_string());
    Ok(Decision {
        event: entry.event.clone(),
        status,
        invitation_id: invitation.map(|i| i.id),
    })
}

/// Writes a decided registration; its link, mail and audit entry go into `batch`.
pub(super) async fn record(
    txn: &WriteTxn<'_>,
    settings: &Settings,
    batch: &mut Batch,
    decision: Decision,
    registration: &Registration,
) -> AppResult<Registered> {
    let Decision {
        event,
        status,
        invitation_id,
    } = decision;
    let (token, token_hash) = new_secret("")?;
    let created = store::insert(
        &**txn,
        event.id,
        registration,
        status,
        &token_hash,
        invitation_id,
    )
    .await
    .map_err(|err| on_constraint(err, ALREADY, "the event does not exist"))?;
    batch.links.push(store::link(created.id, &token_hash));
    let kind = notify::on_registering(status);
    if let Some(mail) = notify::envelope(
        txn,
        settings,
        kind,
        &event,
        &created,
        &token,
        &mut batch.calendars,
    )
    .await?
    {
        batch.mails.push(mail);
    }
    let organizer = registration.admitted_by.as_ref();
    batch.audit.push(audit::entry(
        organizer,
        if organizer.is_some() {
            "walk_in"
        } else {
            "register"
        },
        "registration",
        created.id,
        json!({"event_id": event.id, "status": status}),
    ));
    Ok(Registered {
        id: created.id,
        status,
        manage_url: manage_url(settings, &token),
        calendar_url: calendar_url(settings, &event),
    })
}

/// Gives freed places to the waitlist, longest-waiting first, while there is room.
async fn promote(
    conn: &impl MailQueue,
    settings: &Settings,
    event: &event::Model,
) -> AppResult<usize> {
    let mut promoted = 0;
    while has_room(event, confirmed(conn, event.id).await?) {
        let Some(next) = store::first_waitlisted(conn, event.id).await? else {
            break;
        };
        let next = store::set_status(conn, next, RegistrationStatus::Confirmed).await?;
        notify::queue(conn, settings, MailKind::RegistrationPromoted, event, &next).await?;
        audit::record(
            conn,
            None,
            "promote",
            "registration",
            next.id,
            json!({"event_id": event.id}),
        )
        .await?;
        promoted += 1;
    }
    Ok(promoted)
}

/// Takes the lock of the registration's event, then reads the registration again: a
/// decision made meanwhile by another transaction (approve, reject, cancel, promotion)
/// is seen before this one decides. (On PostgreSQL a row read before the lock may be
/// stale; on SQLite the write transaction already excludes other writers.)
pub(super) async fn locked(
    conn: &impl ConnectionTrait,
    current: registration::Model,
) -> AppResult<registration::Model> {
    store::lock_event(conn, current.event_id).await?;
    store::by_id(conn, current.id)
        .await?
        .ok_or(AppError::NotFound("registration"))
}

async fn event_of(
    conn: &impl ConnectionTrait,
    registration: &registration::Model,
) -> AppResult<event::Model> {
    event_store::event_by_id(conn, registration.event_id)
        .await?
        .ok_or(AppError::NotFound("registration"))
}

/// An organizer approves a pending registration: confirmed if there is room, else
/// waitlisted (or 409 when the event is full and keeps no waiting list).
#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn approve(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: i32,
) -> AppResult<RegistrationOut> {
    let txn = db.begin_write().await?;
    let current = store::by_id(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    let current = locked(&*txn, current).await?;
    let event = event_of(&*txn, &current).await?;
    if current.status != RegistrationStatus::Pending {
        return Err(AppError::Conflict(format!(
            "the registration is {}, not pending",
            current.status
        )));
    }
    let status = if has_room(&event, confirmed(&*txn, event.id).await?) {
        RegistrationStatus::Confirmed
    } else if event.waitlist {
        RegistrationStatus::Waitlisted
    } else {
        return Err(AppError::Conflict("the event is full".into()));
    };
    let updated = store::set_status(&txn, current, status).await?;
    notify::queue(
        &txn,
        settings,
        notify::on_approval(status),
        &event,
        &updated,
    )
    .await?;
    audit::record(
        &txn,
        Some(actor),
        "approve",
        "registration",
        id,
        json!({"status": status}),
    )
    .await?;
    txn.commit().await?;
    Ok(updated.into())
}

/// An organizer rejects a registration that is pending or waitlisted.
#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn reject(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: i32,
) -> AppResult<RegistrationOut> {
    let txn = db.begin_write().await?;
    let current = store::by_id(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    let current = locked(&*txn, current).await?;
    let event = event_of(&*txn, &current).await?;
    if !matches!(
        current.status,
        RegistrationStatus::Pending | RegistrationStatus::Waitlisted
    ) {
        return Err(AppError::Conflict(format!(
            "the registration is {}; only pending or waitlisted ones can be rejected",
            current.status
        )));
    }
    let updated = store::set_status(&txn, current, RegistrationStatus::Rejected).await?;
    notify::queue(
        &txn,
        settings,
        MailKind::RegistrationRejected,
        &event,
        &updated,
    )
    .await?;
    audit::record(&txn, Some(actor), "reject", "registration", id, json!({})).await?;
    txn.commit().await?;
    Ok(updated.into())
}

/// The registrant cancels: the place is freed and the first waitlisted person promoted,
/// in the same transaction. Cancelling twice changes nothing.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn cancel(db: &Db, settings: &Settings, token: &str) -> AppResult<registration::Model> {
    cancel_as(
        db,
        settings,
        RegistrantRef::Token(token),
        Cancellation::ByRegistrant,
    )
    .await
}

/// Why a registration ends without its registrant or an organizer deciding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancellation {
    /// The registrant cancelled from their page.
    ByRegistrant,
    /// The registrant did not re-confirm by the deadline.
    DeadlinePassed,
}

/// Cancels a registration and tells the registrant why.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn cancel_as(
    db: &Db,
    settings: &Settings,
    who: RegistrantRef<'_>,
    why: Cancellation,
) -> AppResult<registration::Model> {
    let txn = db.begin_write().await?;
    let current = match who {
        RegistrantRef::Id(id) => store::by_id(&*txn, id).await?,
        RegistrantRef::Token(token) => store::by_token(&*txn, token).await?,
    }
    .ok_or(AppError::NotFound("registration"))?;
    let current = locked(&*txn, current).await?;
    let active = current.status.is_active();
    // A release only goes ahead if, under the lock, the deadline still stands unanswered.
    let overdue =
        current.reconfirm_by.is_some_and(|by| by <= Utc::now()) && current.reconfirmed_at.is_none();
    if !active || (why == Cancellation::DeadlinePassed && !overdue) {
        return Ok(current);
    }
    let event = event_of(&*txn, &current).await?;
    let updated = store::set_status(&txn, current, RegistrationStatus::Cancelled).await?;
    let mail = match why {
        Cancellation::ByRegistrant => MailKind::RegistrationCancelled,
        Cancellation::DeadlinePassed => MailKind::RegistrationReleased,
    };
    notify::queue(&txn, settings, mail, &event, &updated).await?;
    audit::record(
        &txn,
        None,
        "cancel",
        "registration",
        updated.id,
        json!({"event_id": event.id}),
    )
    .await?;
    promote(&txn, settings, &event).await?;
    txn.commit().await?;
    Ok(updated)
}

/// The registrant erases their data: the registration is cancelled (freeing the place)
/// and everything that identifies them is replaced.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn erase(db: &Db, settings: &Settings, token: &str) -> AppResult<()> {
    cancel(db, settings, token).await?;
    let txn = db.begin_write().await?;
    let current = store::by_token(&*txn, token)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    let id = current.id;
    // Their mails go too: queued ones are dropped (the page confirms the erasure), sent
    // ones keep only that something was sent.
    crate::mail::outbox::erase_recipient(
        &*txn,
        current.event_id,
        &current.email,
        &format!("erased-{id}@erased.invalid"),
    )
    .await?;
    store::erase(&*txn, current).await?;
    crate::visas::service::forget(&*txn, id).await?;
    audit::record(&*txn, None, "erase", "registration", id, json!({})).await?;
    txn.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn by_token(db: &Db, token: &str) -> AppResult<(registration::Model, event::Model)> {
    let registration = store::by_token(db.conn(), token)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    let event = event_of(db.conn(), &registration).await?;
    Ok((registration, event))
}

/// Registrations of an event for its organizers, in order of registration.
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn list(
    db: &Db,
    reference: &SeriesRef,
    status: Option<RegistrationStatus>,
) -> AppResult<(event::Model, Vec<RegistrationOut>)> {
    let event = event_store::event(db.conn(), reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let (rows, _) = store::list(db.conn(), event.id, status, None).await?;
    Ok((event, rows.into_iter().map(Into::into).collect()))
}

/// The registrations as a spreadsheet (see [`crate::domain::spreadsheet`]).
pub fn csv(rows: &[RegistrationOut]) -> String {
    let mut sheet = Sheet::new(&[
        "ID",
        "Status",
        "Registered (UTC)",
        "Given name",
        "Family name",
        "Email",
        "Organization",
        "Country",
        "Access or dietary needs",
        "Check-in code",
        "Checked in (UTC)",
        "Walk-in",
    ]);
    for r in rows {
        sheet.row([
            r.id.to_string(),
            r.status.label().to_string(),
            r.created_at.format("%Y-%m-%d %H:%M").to_string(),
            r.given_name.clone(),
            r.family_name.clone(),
            r.email.clone(),
            r.organization.clone().unwrap_or_default(),
            country_name(r.country.as_deref()),
            r.needs.clone().unwrap_or_default(),
            r.check_in_code.clone().unwrap_or_default(),
            r.checked_in_at
                .map(|at| at.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
            if r.walk_in { "yes" } else { "" }.to_string(),
        ]);
    }
    sheet.finish()
}

/// A country's name for people, from its code.
fn country_name(code: Option<&str>) -> String {
    code.and_then(|c| CountryCode::parse(c).ok())
        .map(|c| c.name().to_string())
        .unwrap_or_default()
}

/// Changes a registrant's details (a merge patch of [`DetailsInput`]): by an organizer
/// (`who` is the registration's id) or the registrant (its manage token). Erased
/// registrations have no details to change (409).
#[tracing::instrument(skip_all, fields(actor = actor.map(|a| a.id)), err(level = "debug"))]
pub async fn update_details(
    db: &Db,
    actor: Option<&Actor>,
    who: RegistrantRef<'_>,
    patch: serde_json::Map<String, serde_json::Value>,
) -> AppResult<RegistrationOut> {
    let txn = db.begin_write().await?;
    let current = match who {
        RegistrantRef::Id(id) => store::by_id(&*txn, id).await?,
        RegistrantRef::Token(token) => store::by_token(&*txn, token).await?,
    }
    .ok_or(AppError::NotFound("registration"))?;
    if current.erased_at.is_some() {
        return Err(AppError::Conflict(
            "the details of this registration were erased".into(),
        ));
    }
    let input: DetailsInput = crate::web::json::merge_patch(&DetailsInput::of(&current), patch)?;
    let details = input.validate()?;
    let updated = store::set_details(&*txn, current, &details).await?;
    audit::record(
        &*txn,
        actor,
        "update_details",
        "registration",
        updated.id,
        json!({"event_id": updated.event_id, "by": if actor.is_some() { "organizer" } else { "registrant" }}),
    )
    .await?;
    txn.commit().await?;
    Ok(updated.into())
}

/// A registration as its organizers know it (by id) or its registrant (by token).
#[derive(Debug, Clone, Copy)]
pub enum RegistrantRef<'a> {
    Id(i32),
    Token(&'a str),
}
