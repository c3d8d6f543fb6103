//! Series, events, sessions and participants as the API sends them and the pages show
//! them: typed, with times in the event's zone and people by name.

use crate::i18n::Language;
use crate::i18n::content::Translations;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    Confidentiality, EventKind, EventStatus, InvitationStatus, OrganizerRole, ParticipantRole,
    RegistrationMode, SessionKind,
};
use crate::domain::{Region, TimeZone};
use crate::entities::{event, series, session};

#[derive(Debug, Serialize, ToSchema)]
pub struct SeriesOut {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    /// The language the series is written in.
    pub language: Language,
    /// Its title and description in other languages.
    pub translations: Translations,
    /// The series' events in date order (on `GET .../{series}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<EventOut>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<series::Model> for SeriesOut {
    fn from(m: series::Model) -> Self {
        Self {
            id: m.id,
            slug: m.slug,
            title: m.title,
            description: m.description,
            language: m.language,
            translations: Translations::stored(m.translations.as_deref()),
            events: None,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganizerOut {
    pub organization_id: i32,
    pub name: String,
    pub acronym: Option<String>,
    pub role: OrganizerRole,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistrationSettings {
    pub mode: RegistrationMode,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub waitlist: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SeriesBrief {
    pub id: i32,
    pub slug: String,
    pub title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventOut {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub kind: EventKind,
    pub description: Option<String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub timezone: String,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub region: Option<Region>,
    pub subregion: Option<String>,
    pub series: Option<SeriesBrief>,
    pub status: EventStatus,
    pub capacity: Option<i32>,
    /// Places not yet taken by confirmed registrants; null when the capacity is unlimited.
    pub places_left: Option<i32>,
    pub registration: RegistrationSettings,
    pub organizers: Vec<OrganizerOut>,
    /// The language the event is written in.
    pub language: Language,
    /// Its title, subtitle and description in other languages.
    pub translations: Translations,
    /// The programme, in time order (on `GET /api/v1/events/{event}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions: Option<Vec<SessionOut>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl EventOut {
    pub fn new(
        m: event::Model,
        series: Option<SeriesBrief>,
        organizers: Vec<OrganizerOut>,
    ) -> Self {
        let zone = m.timezone;
        let format = |t: Option<DateTime<Utc>>| t.map(|t| zone.format(t));
        Self {
            id: m.id,
            registration: RegistrationSettings {
                mode: m.registration_mode,
                opens_at: format(m.registration_opens_at),
                closes_at: format(m.registration_closes_at),
                waitlist: m.waitlist,
            },
            slug: m.slug,
            title: m.title,
            subtitle: m.subtitle,
            kind: m.kind,
            description: m.description,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            timezone: m.timezone.name().to_string(),
            venue: m.venue,
            city: m.city,
            country: m.country,
            region: m.region,
            subregion: m.subregion,
            series,
            status: m.status,
            places_left: m.capacity,
            capacity: m.capacity,
            organizers,
            language: m.language,
            translations: Translations::stored(m.translations.as_deref()),
            sessions: None,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ParticipantOut {
    pub person_id: i32,
    /// Like `Mr Gareth EVANS`.
    pub display_name: String,
    /// Like `President and Chief Executive, International Crisis Group`.
    pub affiliation: String,
    pub role: ParticipantRole,
    pub position: i32,
    pub invitation_status: InvitationStatus,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionOut {
    pub id: i32,
    pub event_id: i32,
    pub title: String,
    pub kind: SessionKind,
    pub description: Option<String>,
    /// RFC 3339 with the offset of the event's time zone.
    pub starts_at: String,
    pub ends_at: String,
    pub timezone: String,
    pub room: Option<String>,
    pub capacity: Option<i32>,
    /// Rises on every change of time or place.
    pub sequence: i32,
    pub confidentiality: Confidentiality,
    /// Its title and description in other languages than the event's.
    pub translations: Translations,
    pub participants: Vec<ParticipantOut>,
}

impl SessionOut {
    pub fn new(m: session::Model, zone: TimeZone, participants: Vec<ParticipantOut>) -> Self {
        Self {
            id: m.id,
            event_id: m.event_id,
            title: m.title,
            kind: m.kind,
            description: m.description,
            starts_at: zone.format(m.starts_at),
            ends_at: zone.format(m.ends_at),
            timezone: zone.name().to_string(),
            room: m.room,
            capacity: m.capacity,
            sequence: m.sequence,
            confidentiality: m.confidentiality,
            translations: Translations::stored(m.translations.as_deref()),
            participants,
        }
    }
}
