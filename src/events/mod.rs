//! Events: series of events, events (conferences, roundtables, workshops...) with their
//! organizing organizations, the sessions inside an event, and who chairs, speaks at and
//! reports on each session. Times are instants stored in UTC and shown in the event's
//! IANA time zone; a client may send them as local wall time in that zone.

pub mod api;
pub mod conflicts;
pub mod duplicate;
mod input;
pub mod notify;
mod output;
pub mod pages;
pub mod read;
pub mod service;
pub mod session_workspace;
pub mod store;
pub mod translations;
pub mod views;
pub mod workspace;

use chrono::{DateTime, Utc};

pub use input::*;
pub use output::*;

use crate::entities::event;

crate::string_enum!(EventKind {
    Conference => "conference" as "Conference",
    Roundtable => "roundtable" as "Roundtable",
    Workshop => "workshop" as "Workshop",
    Seminar => "seminar" as "Seminar",
    Briefing => "briefing" as "Briefing",
});

crate::string_enum!(EventStatus {
    Draft => "draft" as "Draft",
    Published => "published" as "Published",
    Cancelled => "cancelled" as "Cancelled",
});

crate::string_enum!(OrganizerRole {
    Organizer => "organizer" as "Organizer",
    CoOrganizer => "co-organizer" as "Co-organizer",
    Partner => "partner" as "Partner",
    Host => "host" as "Host",
    Sponsor => "sponsor" as "Sponsor",
});

crate::string_enum!(RegistrationMode {
    Open => "open" as "Open",
    Approval => "approval" as "Approval",
    InviteOnly => "invite-only" as "Invite-only",
    Closed => "closed" as "Closed",
});

crate::string_enum!(SessionKind {
    Panel => "panel" as "Panel",
    Plenary => "plenary" as "Plenary",
    Roundtable => "roundtable" as "Roundtable",
    Workshop => "workshop" as "Workshop",
    Break => "break" as "Break",
});

crate::string_enum!(
    /// Who may learn what a session said and who said it. `chatham-house`: what was said
    /// is never attributed to a person or organization in any output; `closed`: seen only
    /// by the organizers and the session's panel (absent from every public output).
    Confidentiality {
        Public => "public" as "Public",
        ChathamHouse => "chatham-house" as "Chatham House rule",
        Closed => "closed" as "Closed",
    }
);

impl Confidentiality {
    /// Whether the public (anyone but organizers and the panel) sees the session at all.
    pub fn is_listed(self) -> bool {
        self != Self::Closed
    }

    /// Whether what was said may be attributed to who said it.
    pub fn attributes(self) -> bool {
        self == Self::Public
    }
}

crate::string_enum!(ParticipantRole {
    Chair => "chair" as "Chair",
    Moderator => "moderator" as "Moderator",
    Speaker => "speaker" as "Speaker",
    Discussant => "discussant" as "Discussant",
    Rapporteur => "rapporteur" as "Rapporteur",
});

crate::string_enum!(InvitationStatus {
    NotInvited => "not_invited" as "Not invited",
    Invited => "invited" as "Invited",
    Accepted => "accepted" as "Accepted",
    Declined => "declined" as "Declined",
});

impl InvitationStatus {
    /// The iCalendar PARTSTAT of an attendee with this answer.
    pub fn partstat(self) -> &'static str {
        match self {
            Self::Accepted => "ACCEPTED",
            Self::Declined => "DECLINED",
            Self::NotInvited | Self::Invited => "NEEDS-ACTION",
        }
    }
}

impl ParticipantRole {
    /// The order roles are listed in on a programme.
    pub fn rank(self) -> u8 {
        match self {
            Self::Chair => 0,
            Self::Moderator => 1,
            Self::Speaker => 2,
            Self::Discussant => 3,
            Self::Rapporteur => 4,
        }
    }
}

/// Whether the event's last day is over, in the event's own time zone: from then on it
/// takes no registration, whatever its mode and window.
pub fn has_ended(event: &event::Model, now: DateTime<Utc>) -> bool {
    event.timezone.local(now).date_naive() > event.ends_on
}

/// Whether a caller may see an event: organizers see every event, everyone else the
/// published and cancelled ones.
pub fn is_visible(status: EventStatus, staff: bool) -> bool {
    staff || status != EventStatus::Draft
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesRef {
    Id(i32),
    Slug(String),
}

impl SeriesRef {
    /// Reads an `{event}`/`{series}`-style reference: digits are an id, anything else a slug.
    pub fn parse(text: &str) -> Self {
        match text.parse::<i32>() {
            Ok(id) => Self::Id(id),
            Err(_) => Self::Slug(text.to_string()),
        }
    }
}
