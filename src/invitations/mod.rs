//! Invitations: organizers invite people to an event or to their role in a session; each
//! invitation is a mail (through the outbox) with accept and decline links and the
//! session as an iTIP `REQUEST`. The token in the link is the credential; the last answer
//! wins. When a session moves or is cancelled, or the event is cancelled, everyone
//! invited or accepted is told, and the organizers' mailbox is told of each decline
//! (`notify`). Organizers write invitations in a composer that previews each mail as its
//! recipient will get it before anything is queued (`composer`, and the API's preview).

pub mod api;
pub mod composer;
pub mod notify;
pub mod pages;
pub mod service;
pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::events::{InvitationStatus, ParticipantRole};

crate::string_enum!(InvitationState {
    Invited => "invited" as "Invited",
    Accepted => "accepted" as "Accepted",
    Declined => "declined" as "Declined",
});

impl From<InvitationState> for InvitationStatus {
    fn from(state: InvitationState) -> Self {
        match state {
            InvitationState::Invited => InvitationStatus::Invited,
            InvitationState::Accepted => InvitationStatus::Accepted,
            InvitationState::Declined => InvitationStatus::Declined,
        }
    }
}

impl InvitationState {
    /// The iCalendar PARTSTAT of an attendee with this answer.
    pub fn partstat(self) -> &'static str {
        match self {
            Self::Accepted => "ACCEPTED",
            Self::Declined => "DECLINED",
            Self::Invited => "NEEDS-ACTION",
        }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    /// People to invite to the event.
    pub person_ids: Option<Vec<i32>>,
    /// Invite this session's participants, each in their role.
    pub session_id: Option<i32>,
    /// A message from the organizers, quoted in the mail.
    pub message: Option<String>,
}

/// The optional body of an answer (`/invitations/{token}/accept` or `/decline`).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    /// A word for the organizers, sent on to their mailbox with a decline.
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvitationOut {
    pub id: i32,
    pub event_id: i32,
    pub session_id: Option<i32>,
    pub person_id: i32,
    pub display_name: String,
    pub role: Option<ParticipantRole>,
    pub status: InvitationState,
    pub sent_at: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
}

/// Someone who was not (re)invited, and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Skipped {
    pub person_id: i32,
    /// Like `Mr Gareth EVANS`.
    pub display_name: String,
    pub session_id: Option<i32>,
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InviteOutcome {
    /// Invitations queued for sending (new ones, and resends to those who had not answered).
    pub items: Vec<InvitationOut>,
    pub skipped: Vec<Skipped>,
}

impl InviteOutcome {
    /// "2 invitations are on their way: Mr Gareth EVANS (chair), Ms Corlett LETLOJANE
    /// (speaker). Not sent to Ms Ana NÚÑEZ: has no email address."
    pub fn summary(&self) -> String {
        let names = self
            .items
            .iter()
            .map(|i| match i.role {
                Some(role) => format!("{} ({})", i.display_name, role.label().to_lowercase()),
                None => i.display_name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut text = match self.items.len() {
            0 => "No invitation was sent.".to_string(),
            1 => format!("1 invitation is on its way: {names}."),
            n => format!("{n} invitations are on their way: {names}."),
        };
        for skipped in &self.skipped {
            text.push_str(&format!(
                " Not sent to {}: {}.",
                skipped.display_name, skipped.reason
            ));
        }
        text
    }
}

/// One mail an invitation request would send, as its recipient will get it; its links
/// carry a token that works nowhere ([`service::PREVIEW_TOKEN`]).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PreviewMessage {
    pub person_id: i32,
    pub session_id: Option<i32>,
    pub role: Option<ParticipantRole>,
    /// `Mr Gareth EVANS <gareth.evans@example.org>`.
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attachments: Vec<crate::mail::api::AttachmentOut>,
}

/// What sending an invitation request would do, with nothing queued or written.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitePreview {
    /// One per invitation that would be sent, in the order they would be.
    pub messages: Vec<PreviewMessage>,
    /// Those who would not be (re)invited, and why.
    pub skipped: Vec<Skipped>,
}
