//! Outcome reports. An event's report is assembled, whenever organizers ask for it, from
//! the approved summaries of its sessions, with the organizers' introduction and
//! conclusions. Publishing keeps the report as it then stands as an edition: the public
//! reads that edition until the organizers publish again, and organizers see what changed
//! since (see `edition`). A series' synthesis draws the published editions of its events
//! together. One model of each is rendered as a page, Markdown, JSON and PDF, so the
//! formats cannot drift apart.
//!
//! Published editions are stored as the JSON of [`EventReport`]: a field added to it later
//! needs `#[serde(default)]`, so that earlier editions still read.

pub mod api;
pub mod build;
pub mod edition;
pub mod language;
pub mod markdown;
pub mod pages;
pub mod service;
pub mod store;
pub mod synthesis;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{Region, RichText};
use crate::events::OrganizerRole;
use crate::summaries::{Priority, SummaryStatus, Timeframe};

crate::string_enum!(
    /// How an organization took part in an event, as its report says: one of the
    /// organizers' roles, or the organization of someone on a panel.
    Involvement {
        Organizer => "organizer" as "Organizer",
        CoOrganizer => "co-organizer" as "Co-organizer",
        Partner => "partner" as "Partner",
        Host => "host" as "Host",
        Sponsor => "sponsor" as "Sponsor",
        Participant => "participant" as "Participant",
    }
);

impl From<OrganizerRole> for Involvement {
    fn from(role: OrganizerRole) -> Self {
        match role {
            OrganizerRole::Organizer => Self::Organizer,
            OrganizerRole::CoOrganizer => Self::CoOrganizer,
            OrganizerRole::Partner => Self::Partner,
            OrganizerRole::Host => Self::Host,
            OrganizerRole::Sponsor => Self::Sponsor,
        }
    }
}

crate::string_enum!(
    /// How far the summary of a session is that the report still lacks.
    SummaryProgress {
        None => "none" as "Not started",
        Draft => "draft" as "Draft",
        Submitted => "submitted" as "Submitted",
        Approved => "approved" as "Approved",
        Returned => "returned" as "Returned",
    }
);

impl From<Option<SummaryStatus>> for SummaryProgress {
    fn from(status: Option<SummaryStatus>) -> Self {
        match status {
            None => Self::None,
            Some(SummaryStatus::Draft) => Self::Draft,
            Some(SummaryStatus::Submitted) => Self::Submitted,
            Some(SummaryStatus::Approved) => Self::Approved,
            Some(SummaryStatus::Returned) => Self::Returned,
        }
    }
}

crate::string_enum!(ReportStatus {
    Draft => "draft" as "Draft",
    Published => "published" as "Published",
});

/// A person as reports name them: "Mr Gareth EVANS", "President, International Crisis Group".
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PersonLine {
    pub person_id: i32,
    pub display_name: String,
    pub affiliation: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrganizationLine {
    pub name: String,
    pub acronym: Option<String>,
    /// One of the organizers' roles, or `participant` for the organizations of the
    /// people on the panels.
    pub role: Involvement,
    /// How many of its people took part, when attendance was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<usize>,
}

/// The event a report is about.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventFacts {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// "3–4 June 2009".
    pub dates: String,
    /// "Brussels, Belgium".
    pub place: Option<String>,
    pub venue: Option<String>,
    pub region: Option<Region>,
    /// "Europe".
    pub region_label: Option<String>,
    /// The event's description: what it set out to do (Markdown).
    #[schema(value_type = Option<String>)]
    pub aim: Option<RichText>,
    pub url: String,
    pub series: Option<crate::events::SeriesBrief>,
    pub organizers: Vec<OrganizationLine>,
    /// The language the event is written in (its summaries too, unless said).
    #[serde(default)]
    pub language: crate::i18n::Language,
    /// The event's title, subtitle and description in other languages.
    #[serde(default)]
    pub translations: crate::i18n::content::Translations,
    /// The event's days and time zone, for writing its dates in a reader's language
    /// (absent from editions published before there were translations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// One key point of a summary, with the speaker it is tied to.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct KeyPointLine {
    pub text: String,
    pub person_id: Option<i32>,
    /// The speaker's display name, when the point is tied to one.
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RecommendationLine {
    pub text: String,
    pub addressee: String,
    pub themes: Vec<String>,
    pub priority: Option<Priority>,
    pub timeframe: Option<Timeframe>,
}

/// An approved summary as reports show it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SummaryBody {
    /// Markdown.
    #[schema(value_type = String)]
    pub overview: RichText,
    pub key_points: Vec<KeyPointLine>,
    pub challenges: Vec<String>,
    pub recommendations: Vec<RecommendationLine>,
    pub next_steps: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportSession {
    pub id: i32,
    pub title: String,
    /// "Wednesday 3 June 2009, 14:00–15:30".
    pub when: String,
    pub chair: Vec<PersonLine>,
    pub speakers: Vec<PersonLine>,
    pub rapporteur: Vec<PersonLine>,
    pub summary: SummaryBody,
    /// Held under the Chatham House rule: no key point names who made it.
    #[serde(default)]
    pub chatham_house: bool,
    /// When it began and ended, for writing `when` in a reader's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<DateTime<Utc>>,
    /// Its title and description in other languages.
    #[serde(default)]
    pub translations: crate::i18n::content::Translations,
    /// The language its summary is written in, when the rapporteur said (else the
    /// event's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_language: Option<crate::i18n::Language>,
}

/// A statement of a report, with the session it comes from.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Sourced {
    pub text: String,
    pub session_id: i32,
    pub session_title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RecommendationItem {
    pub text: String,
    pub themes: Vec<String>,
    pub addressee: String,
    pub priority: Option<Priority>,
    pub timeframe: Option<Timeframe>,
    pub session_id: i32,
    pub session_title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AddresseeGroup {
    pub addressee: String,
    pub items: Vec<RecommendationItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ThemeCount {
    pub theme: String,
    /// How many recommendations name it.
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ThemeGroup {
    pub theme: String,
    pub items: Vec<RecommendationItem>,
}

/// A session whose summary is not (yet) in the report; shown to organizers only.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MissingSummary {
    pub session_id: i32,
    pub title: String,
    pub status: SummaryProgress,
}

/// An event's outcome report.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventReport {
    pub event: EventFacts,
    /// Markdown, by the organizers.
    #[schema(value_type = Option<String>)]
    pub introduction: Option<RichText>,
    /// Markdown, by the organizers.
    #[schema(value_type = Option<String>)]
    pub conclusions: Option<RichText>,
    pub status: ReportStatus,
    pub published_at: Option<DateTime<Utc>>,
    /// In programme order; only sessions with an approved summary.
    pub sessions: Vec<ReportSession>,
    /// Addressees by how many recommendations they receive, then by name.
    pub recommendations_by_addressee: Vec<AddresseeGroup>,
    pub recommendations_by_theme: Vec<ThemeGroup>,
    /// Themes by how many recommendations name them.
    pub themes: Vec<ThemeCount>,
    pub challenges: Vec<Sourced>,
    pub next_steps: Vec<Sourced>,
    /// The organizers, then the organizations of the people on the panels.
    pub organizations: Vec<OrganizationLine>,
    /// Organizers only: sessions with a rapporteur whose summary is not approved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<MissingSummary>,
    /// The number of the published edition: 1 at the first publication, one more each
    /// time the report is published with changes; 0 before the first publication. The
    /// public reads the latest edition; organizers read the report as it stands now.
    #[serde(default)]
    pub edition: i32,
    /// Organizers only: whether the report as it stands differs from the latest edition
    /// (`false` before the first publication). The public does not see it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_changes: Option<bool>,
    /// Organizers only: what differs from the latest edition, part by part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ReportChange>,
    /// The introduction and conclusions in other languages.
    #[serde(default)]
    pub translations: crate::i18n::content::Translations,
}

impl EventReport {
    /// "Published 12 June 2009", or "Edition 2, published 3 July 2009" after the first;
    /// nothing while it is not published.
    pub fn edition_line(&self) -> Option<String> {
        let at = self
            .published_at
            .filter(|_| self.status == ReportStatus::Published)?;
        let date = at.format("%-d %B %Y");
        Some(if self.edition > 1 {
            format!("Edition {}, published {date}", self.edition)
        } else {
            format!("Published {date}")
        })
    }
}

crate::string_enum!(
    /// How a part of a report differs from its published edition.
    ChangeKind {
        Added => "added" as "Added",
        Removed => "removed" as "Removed",
        Changed => "changed" as "Changed",
    }
);

crate::string_enum!(
    /// A part of a report that can change between editions.
    ReportPart {
        Introduction => "introduction" as "Introduction",
        Event => "event" as "About the event",
        Session => "session" as "Session",
        Conclusions => "conclusions" as "Conclusions",
    }
);

/// A difference between the report as it stands and its latest edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ReportChange {
    pub change: ChangeKind,
    pub part: ReportPart,
    /// The session, for a change to a session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<i32>,
    /// The session's title, or the part's name.
    pub title: String,
}

/// Where a statement of the synthesis comes from.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Source {
    pub event_id: i32,
    pub event_slug: String,
    /// A short name of the event: its city, or its title.
    pub event_label: String,
    pub session_id: i32,
    pub session_title: String,
    /// The session in the event's published report.
    pub url: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SynthesisEvent {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub label: String,
    pub dates: String,
    pub place: Option<String>,
    pub region: Option<Region>,
    pub region_label: Option<String>,
    /// The organizing organizations and partners.
    pub partners: Vec<String>,
    pub report_url: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RankedTheme {
    pub theme: String,
    /// How many events raised it.
    pub count: usize,
    pub event_ids: Vec<i32>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RankedText {
    pub text: String,
    /// How many events raised it.
    pub count: usize,
    pub event_ids: Vec<i32>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SynthesisItem {
    pub text: String,
    pub addressee: Option<String>,
    pub themes: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SynthesisAddressee {
    pub addressee: String,
    pub items: Vec<SynthesisItem>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionStrategies {
    pub region: Region,
    pub label: String,
    pub event_ids: Vec<i32>,
    /// The recommendations and next steps of the region's events.
    pub strategies: Vec<SynthesisItem>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SeriesFacts {
    pub id: i32,
    pub slug: String,
    pub title: String,
    /// Markdown.
    #[schema(value_type = Option<String>)]
    pub description: Option<RichText>,
    pub url: String,
}

/// The synthesis of a series: the published reports of its events, drawn together.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Synthesis {
    pub series: SeriesFacts,
    /// The events whose published reports it draws on, in date order.
    pub events: Vec<SynthesisEvent>,
    /// Themes ranked by how many events raised them.
    pub themes: Vec<RankedTheme>,
    /// Challenges ranked by how many events raised them (the same wording, case and
    /// punctuation aside).
    pub challenges: Vec<RankedText>,
    pub recommendations_by_addressee: Vec<SynthesisAddressee>,
    pub regions: Vec<RegionStrategies>,
    /// Organizers only: events of the series without a published report.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unpublished: Vec<crate::events::SeriesBrief>,
    /// What came of the series' recommendations: the tracker's items of its published
    /// reports, with their status and latest update.
    pub follow_up: Vec<FollowUpLine>,
}

/// A recommendation of the series as the tracker follows it up.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FollowUpLine {
    pub text: String,
    pub addressee: String,
    pub status: crate::recommendations::RecommendationStatus,
    /// "Asked 2 times since 2009: Brussels, Brussels", when more than once.
    pub asked: Option<String>,
    /// The latest update: "12 May 2011: the EEAS named a focal point".
    pub latest: Option<String>,
    pub url: String,
}

/// The body of `PATCH /api/v1/events/{event}/report` (JSON merge patch).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    /// Markdown.
    pub introduction: Option<String>,
    /// Markdown.
    pub conclusions: Option<String>,
    /// The introduction and conclusions in other languages than the event's:
    /// `{"es":{"introduction","conclusions"}}` (merged language by language).
    pub translations: Option<crate::i18n::content::TranslationsInput>,
}
