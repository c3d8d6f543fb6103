//! Invitation use-cases: invite (or re-invite those who have not answered), answer, list.

use chrono::Utc;
use serde_json::json;

use super::notify::{self, Draft, Recipient};
use super::{InvitationOut, InvitationState, InviteOutcome, InviteRequest, Skipped, store};
use crate::accounts::{hash_secret, new_secret};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::directory::{self, store as directory_store};
use crate::domain::optional_text;
use crate::entities::invitation;
use crate::error::{AppError, AppResult, FieldError};
use crate::events::{InvitationStatus, ParticipantRole, SeriesRef, store as event_store};
use crate::web::Actor;

/// Invites the people asked for, in one transaction with their mails. Someone who
/// already answered is skipped; someone invited who has not answered gets a new link.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn invite(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    request: InviteRequest,
) -> AppResult<InviteOutcome> {
    invite_only(db, settings, actor, reference, request, None).await
}

/// [`invite`], limited to one participant (person and role) of the session when `only` is
/// given: a resend must not reach participants who were never invited.
async fn invite_only(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    request: InviteRequest,
    only: Option<(i32, Option<ParticipantRole>)>,
) -> AppResult<InviteOutcome> {
    let message = optional_text(request.message.as_deref(), 5000, true)
        .map_err(|err| AppError::invalid("message", err.to_string()))?;
    if request.person_ids.as_ref().is_none_or(Vec::is_empty) && request.session_id.is_none() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "person_ids",
            "give people to invite, or a session_id",
        )]));
    }
    let txn = db.begin_write().await?;
    let event = event_store::event(&*txn, reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    // (person, session, role) to invite.
    let mut targets: Vec<(
        i32,
        Option<crate::entities::session::Model>,
        Option<ParticipantRole>,
    )> = Vec::new();
    if let Some(session_id) = request.session_id {
        let session = event_store::session(&*txn, session_id)
            .await?
            .filter(|s| s.event_id == event.id)
            .ok_or_else(|| {
                AppError::invalid("session_id", "no session of this event has this id")
            })?;
        let participants = event_store::participants(&*txn, &[session.id]).await?;
        if participants.is_empty() {
            return Err(AppError::invalid(
                "session_id",
                "the session has nobody assigned yet",
            ));
        }
        let wanted = |p: &crate::entities::session_participant::Model| {
            only.is_none_or(|(id, role)| id == p.person_id && role == Some(p.role))
        };
        for p in participants.into_iter().filter(wanted) {
            targets.push((p.person_id, Some(session.clone()), Some(p.role)));
        }
    }
    let person_ids = request.person_ids.unwrap_or_default();
    let known = directory_store::people_by_id(&*txn, person_ids.iter().copied()).await?;
    let unknown: Vec<FieldError> = person_ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !known.contains_key(id))
        .map(|(i, _)| FieldError::new(format!("person_ids[{i}]"), "no person has this id"))
        .collect();
    if !unknown.is_empty() {
        return Err(AppError::Invalid(unknown));
    }
    for id in person_ids {
        if !targets.iter().any(|(p, s, _)| *p == id && s.is_none()) {
            targets.push((id, None, None));
        }
    }
    let people = directory_store::people_by_id(&*txn, targets.iter().map(|(p, _, _)| *p)).await?;
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    for (person_id, session, role) in targets {
        let session_id = session.as_ref().map(|s| s.id);
        let Some(person) = people.get(&person_id) else {
            continue;
        };
        let Some(recipient) = Recipient::of(person, role, InvitationStatus::Invited.partstat())
        else {
            skipped.push(Skipped {
                person_id,
                session_id,
                reason: "has no email address".into(),
            });
            continue;
        };
        let existing = store::find(&*txn, event.id, session_id, person_id, role).await?;
        let (token, token_hash) = new_secret("")?;
        let invitation = match existing {
            Some(current) if current.status != InvitationState::Invited => {
                skipped.push(Skipped {
                    person_id,
                    session_id,
                    reason: format!("already answered: {}", current.status),
                });
                continue;
            }
            Some(current) => store::reissue(&*txn, current, token_hash, message.clone()).await?,
            None => {
                store::insert(
                    &*txn,
                    store::NewInvitation {
                        event_id: event.id,
                        session_id,
                        person_id,
                        role,
                        token_hash,
                        message: message.clone(),
                    },
                )
                .await?
            }
        };
        if let (Some(session_id), Some(role)) = (session_id, role) {
            store::set_participant_status(
                &*txn,
                session_id,
                person_id,
                role,
                InvitationStatus::Invited,
            )
            .await?;
        }
        let draft = Draft {
            event: &event,
            session: session.as_ref(),
            recipient: &recipient,
            message: invitation.message.clone(),
            invitation_url: Some(format!("{}/invitations/{token}", settings.public_url())),
        };
        notify::queue_invitation(&txn, settings, draft, invitation.id).await?;
        audit::record(&txn, Some(actor), "invite", "invitation", invitation.id, json!({"event_id": event.id, "session_id": session_id, "person_id": person_id, "role": role})).await?;
        items.push(out(invitation, &recipient.name));
    }
    if items.is_empty() {
        return Err(AppError::Invalid(
            skipped
                .iter()
                .map(|s| {
                    FieldError::new("person_ids", format!("person {} {}", s.person_id, s.reason))
                })
                .collect(),
        ));
    }
    txn.commit().await?;
    Ok(InviteOutcome { items, skipped })
}

/// Sends the invitations of an event nobody answered yet again, with new links.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn resend_unanswered(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
) -> AppResult<InviteOutcome> {
    let event = event_store::event(db.conn(), reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let waiting: Vec<invitation::Model> = store::of_event(db.conn(), event.id)
        .await?
        .into_iter()
        .filter(|i| i.status == InvitationState::Invited)
        .collect();
    let mut outcome = InviteOutcome {
        items: Vec::new(),
        skipped: Vec::new(),
    };
    for invitation in waiting {
        let request = match invitation.session_id {
            Some(session_id) => InviteRequest {
                person_ids: None,
                session_id: Some(session_id),
                message: None,
            },
            None => InviteRequest {
                person_ids: Some(vec![invitation.person_id]),
                session_id: None,
                message: None,
            },
        };
        // A session's invitations are resent together; skip those already done.
        if outcome
            .items
            .iter()
            .any(|i: &InvitationOut| i.id == invitation.id)
        {
            continue;
        }
        match invite_only(
            db,
            settings,
            actor,
            &SeriesRef::Id(event.id),
            request,
            Some((invitation.person_id, invitation.role)),
        )
        .await
        {
            Ok(done) => {
                outcome.items.extend(done.items);
                outcome.skipped.extend(done.skipped);
            }
            Err(AppError::Invalid(_)) => {}
            Err(err) => return Err(err),
        }
    }
    outcome
        .skipped
        .retain(|s| !s.reason.starts_with("already answered"));
    Ok(outcome)
}

/// Records an answer given with an invitation's token; the last answer wins. When the
/// answer becomes "declined", the organizers' mailbox is told in the same transaction,
/// with the invitee's `message` if they wrote one; declining again tells nobody.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn respond(
    db: &Db,
    settings: &Settings,
    token: &str,
    accept: bool,
    message: Option<&str>,
) -> AppResult<invitation::Model> {
    let message = optional_text(message, 2000, true)
        .map_err(|err| AppError::invalid("message", err.to_string()))?;
    let txn = db.begin_write().await?;
    let current = store::by_token_hash(&*txn, &hash_secret(token))
        .await?
        .ok_or(AppError::NotFound("invitation"))?;
    let state = if accept {
        InvitationState::Accepted
    } else {
        InvitationState::Declined
    };
    let newly_declined =
        state == InvitationState::Declined && current.status != InvitationState::Declined;
    let updated = store::set_answer(&*txn, current, state, Utc::now()).await?;
    if let (Some(session_id), Some(role)) = (updated.session_id, updated.role) {
        store::set_participant_status(&*txn, session_id, updated.person_id, role, state.into())
            .await?;
    }
    if newly_declined {
        notify::queue_declined(&txn, settings, &updated, message).await?;
    }
    audit::record(
        &*txn,
        None,
        state.as_str(),
        "invitation",
        updated.id,
        json!({"person_id": updated.person_id}),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn by_token(db: &Db, token: &str) -> AppResult<invitation::Model> {
    store::by_token_hash(db.conn(), &hash_secret(token))
        .await?
        .ok_or(AppError::NotFound("invitation"))
}

fn out(i: invitation::Model, name: &str) -> InvitationOut {
    InvitationOut {
        id: i.id,
        event_id: i.event_id,
        session_id: i.session_id,
        person_id: i.person_id,
        display_name: name.to_string(),
        role: i.role,
        status: i.status,
        sent_at: i.sent_at,
        responded_at: i.responded_at,
    }
}

/// The invitations of an event with the invitees' names.
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn list(db: &Db, reference: &SeriesRef) -> AppResult<Vec<InvitationOut>> {
    let event = event_store::event(db.conn(), reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let rows = store::of_event(db.conn(), event.id).await?;
    let people = directory_store::people_by_id(db.conn(), rows.iter().map(|r| r.person_id)).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let name = people
                .get(&row.person_id)
                .map(|p| {
                    directory::display_name(p.honorific.as_deref(), &p.given_name, &p.family_name)
                })
                .unwrap_or_default();
            out(row, &name)
        })
        .collect())
}
