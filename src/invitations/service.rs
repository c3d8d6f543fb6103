//! Invitation use-cases: invite (or re-invite those who have not answered), preview what
//! inviting would send, answer, list.

use chrono::Utc;
use sea_orm::ConnectionTrait;
use serde_json::json;

use super::notify::{self, Draft, Recipient};
use super::{
    InvitationOut, InvitationState, InviteOutcome, InvitePreview, InviteRequest, PreviewMessage,
    Skipped, store,
};
use crate::accounts::{hash_secret, new_secret};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::directory::{self, store as directory_store};
use crate::domain::optional_text;
use crate::entities::{event, invitation, person, session};
use crate::error::{AppError, AppResult, FieldError};
use crate::events::{InvitationStatus, ParticipantRole, SeriesRef, store as event_store};
use crate::web::Actor;

/// The token in the links of a preview: it opens no invitation.
pub const PREVIEW_TOKEN: &str = "preview-only-not-a-real-link";

/// Whom an invitation request reaches, when not everyone it names: people invited to
/// the event (`None`) or participants of the session in a role.
pub type Selection = [(i32, Option<ParticipantRole>)];

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
    invite_selected(db, settings, actor, reference, request, None).await
}

/// [`invite`], limited to the people (and roles) of `only` when it is given: the
/// composer's ticked boxes, or the one participant a resend is for (a resend must not
/// reach participants who were never invited).
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn invite_selected(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    request: InviteRequest,
    only: Option<&Selection>,
) -> AppResult<InviteOutcome> {
    let txn = db.begin_write().await?;
    let plan = plan(&*txn, reference, request, only).await?;
    let event = plan.event;
    let mut items = Vec::new();
    for invitee in plan.invitees {
        let session_id = invitee.session.as_ref().map(|s| s.id);
        let person_id = invitee.person.id;
        let (token, token_hash) = new_secret("")?;
        let invitation = match invitee.existing {
            Some(current) => {
                store::reissue(&*txn, current, token_hash, plan.message.clone()).await?
            }
            None => {
                store::insert(
                    &*txn,
                    store::NewInvitation {
                        event_id: event.id,
                        session_id,
                        person_id,
                        role: invitee.role,
                        token_hash,
                        message: plan.message.clone(),
                    },
                )
                .await?
            }
        };
        if let (Some(session_id), Some(role)) = (session_id, invitee.role) {
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
            session: invitee.session.as_ref(),
            recipient: &invitee.recipient,
            message: invitation.message.clone(),
            invitation_url: Some(format!("{}/invitations/{token}", settings.public_url())),
        };
        notify::queue_invitation(&txn, settings, &draft, &invitee.person, invitation.id).await?;
        audit::record(&txn, Some(actor), "invite", "invitation", invitation.id, json!({"event_id": event.id, "session_id": session_id, "person_id": person_id, "role": invitee.role})).await?;
        items.push(out(invitation, &invitee.recipient.name));
    }
    txn.commit().await?;
    Ok(InviteOutcome {
        items,
        skipped: plan.skipped,
    })
}

/// The mail each invitee of `request` would get, rendered by the code that sends it,
/// with links that work nowhere: checked as [`invite_selected`] checks it (the same
/// refusals), and nothing is written, queued, or changed (no link stops working).
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn preview(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
    request: InviteRequest,
    only: Option<&Selection>,
) -> AppResult<InvitePreview> {
    let conn = db.conn();
    let plan = plan(conn, reference, request, only).await?;
    let link = format!("{}/invitations/{PREVIEW_TOKEN}", settings.public_url());
    let mut messages = Vec::new();
    for invitee in &plan.invitees {
        // A resend without a new message keeps the one sent before (`store::reissue`).
        let message = plan.message.clone().or_else(|| {
            invitee
                .existing
                .as_ref()
                .and_then(|current| current.message.clone())
        });
        let draft = Draft {
            event: &plan.event,
            session: invitee.session.as_ref(),
            recipient: &invitee.recipient,
            message,
            invitation_url: Some(link.clone()),
        };
        let mail = notify::invitation_mail(conn, settings, &draft, &invitee.person, None).await?;
        messages.push(PreviewMessage {
            person_id: invitee.person.id,
            session_id: invitee.session.as_ref().map(|s| s.id),
            role: invitee.role,
            to: format!("{} <{}>", mail.recipient_name, mail.recipient_email),
            attachments: mail.attachments(),
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
        });
    }
    Ok(InvitePreview {
        messages,
        skipped: plan.skipped,
    })
}

/// Someone an invitation request would (re)invite.
struct Invitee {
    person: person::Model,
    recipient: Recipient,
    session: Option<session::Model>,
    role: Option<ParticipantRole>,
    /// Their invitation when they were invited before and have not answered: it is sent
    /// again with a new link.
    existing: Option<invitation::Model>,
}

/// An invitation request, checked: its event and message, whom it invites and whom it
/// skips (no email address, or already answered).
struct Plan {
    event: event::Model,
    message: Option<String>,
    invitees: Vec<Invitee>,
    skipped: Vec<Skipped>,
}

/// Checks an invitation request and finds whom it reaches, reading only: what sending
/// and previewing share, so that both refuse the same requests.
async fn plan(
    conn: &impl ConnectionTrait,
    reference: &SeriesRef,
    request: InviteRequest,
    only: Option<&Selection>,
) -> AppResult<Plan> {
    let message = optional_text(request.message.as_deref(), 5000, true)
        .map_err(|err| AppError::invalid("message", err.to_string()))?;
    if request.person_ids.as_ref().is_none_or(Vec::is_empty) && request.session_id.is_none() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "person_ids",
            "give people to invite, or a session_id",
        )]));
    }
    let event = event_store::event(conn, reference)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let wanted = |person_id: i32, role: Option<ParticipantRole>| {
        only.is_none_or(|only| only.contains(&(person_id, role)))
    };
    // (person, session, role) to invite.
    let mut targets: Vec<(i32, Option<session::Model>, Option<ParticipantRole>)> = Vec::new();
    if let Some(session_id) = request.session_id {
        let session = event_store::session(conn, session_id)
            .await?
            .filter(|s| s.event_id == event.id)
            .ok_or_else(|| {
                AppError::invalid("session_id", "no session of this event has this id")
            })?;
        let mut participants = event_store::participants(conn, &[session.id]).await?;
        // In programme order: chair first, rapporteur last.
        participants.sort_by_key(|p| (p.role.rank(), p.position));
        if participants.is_empty() {
            return Err(AppError::invalid(
                "session_id",
                "the session has nobody assigned yet",
            ));
        }
        for p in participants
            .into_iter()
            .filter(|p| wanted(p.person_id, Some(p.role)))
        {
            targets.push((p.person_id, Some(session.clone()), Some(p.role)));
        }
    }
    let person_ids = request.person_ids.unwrap_or_default();
    let known = directory_store::people_by_id(conn, person_ids.iter().copied()).await?;
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
        if wanted(id, None) && !targets.iter().any(|(p, s, _)| *p == id && s.is_none()) {
            targets.push((id, None, None));
        }
    }
    if targets.is_empty() {
        return Err(AppError::invalid(
            "person_ids",
            "nobody was chosen to invite",
        ));
    }
    let people = directory_store::people_by_id(conn, targets.iter().map(|(p, _, _)| *p)).await?;
    let mut invitees = Vec::new();
    let mut skipped = Vec::new();
    for (person_id, session, role) in targets {
        let session_id = session.as_ref().map(|s| s.id);
        let Some(person) = people.get(&person_id).cloned() else {
            continue;
        };
        let display_name = directory::display_name(
            person.honorific.as_deref(),
            &person.given_name,
            &person.family_name,
        );
        let Some(recipient) = Recipient::of(&person, role, InvitationStatus::Invited.partstat())
        else {
            skipped.push(Skipped {
                person_id,
                display_name,
                session_id,
                reason: "has no email address".into(),
            });
            continue;
        };
        let existing = match store::find(conn, event.id, session_id, person_id, role).await? {
            Some(current) if current.status != InvitationState::Invited => {
                skipped.push(Skipped {
                    person_id,
                    display_name,
                    session_id,
                    reason: format!("already answered: {}", current.status),
                });
                continue;
            }
            other => other,
        };
        invitees.push(Invitee {
            person,
            recipient,
            session,
            role,
            existing,
        });
    }
    if invitees.is_empty() {
        return Err(AppError::Invalid(
            skipped
                .iter()
                .map(|s| {
                    FieldError::new("person_ids", format!("person {} {}", s.person_id, s.reason))
                })
                .collect(),
        ));
    }
    Ok(Plan {
        event,
        message,
        invitees,
        skipped,
    })
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
        match invite_selected(
            db,
            settings,
            actor,
            &SeriesRef::Id(event.id),
            request,
            Some(&[(invitation.person_id, invitation.role)]),
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
