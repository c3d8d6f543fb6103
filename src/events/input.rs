//! What clients send about series, events, sessions and participants, and its
//! validation into the domain's own types: every invalid field is named at once, and
//! past this module the code trusts what it gets.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::{
    Confidentiality, EventKind, EventStatus, OrganizerOut, OrganizerRole, ParticipantRole,
    RegistrationMode, SeriesRef, SessionKind,
};
use crate::directory::{parse_country, parse_region};
use crate::domain::{CountryCode, Region, Slug, SubRegion, TimeZone, optional_text, required_text};
use crate::entities::{event, series, session};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Language;
use crate::i18n::content::{self, Translations, TranslationsInput};

/// Reads an optional enum field whose absence means `default`.
fn parse_or<T>(value: Option<&str>, field: &str, default: T, errors: &mut FieldErrors) -> Option<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Some(default),
        Some(text) => errors.check(field, text.parse()),
    }
}

fn parse_date(value: Option<&str>, field: &str, errors: &mut FieldErrors) -> Option<NaiveDate> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            errors.add(field, "is required");
            None
        }
        Some(text) => errors.check(
            field,
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| "must be a date as YYYY-MM-DD")
                .and_then(|d| {
                    if (1900..=2200).contains(&chrono::Datelike::year(&d)) {
                        Ok(d)
                    } else {
                        Err("must be a year between 1900 and 2200")
                    }
                }),
        ),
    }
}

/// Reads a time sent with an offset (`2009-06-03T14:00:00+02:00`) or as wall time in the
/// event's zone (`2009-06-03T14:00:00`, seconds optional).
/// A leap second (`10:00:60`) is refused: databases and calendars do not agree on it.
pub fn parse_instant(text: &str, zone: TimeZone) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    let leap = || "must have seconds from 00 to 59 (a leap second cannot be kept)".to_string();
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        if !(1900..=2200).contains(&chrono::Datelike::year(&time)) {
            return Err("must be a year between 1900 and 2200".into());
        }
        if chrono::Timelike::nanosecond(&time) >= 1_000_000_000 {
            return Err(leap());
        }
        return Ok(time.with_timezone(&Utc));
    }
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M"))
        .map_err(|_| {
            "must be a date and time such as 2009-06-03T14:00:00 (the event's time zone) or 2009-06-03T14:00:00+02:00".to_string()
        })?;
    let year = chrono::Datelike::year(&local);
    if !(1900..=2200).contains(&year) {
        return Err("must be a year between 1900 and 2200".into());
    }
    if chrono::Timelike::nanosecond(&local) >= 1_000_000_000 {
        return Err(leap());
    }
    zone.from_wall_time(local).map_err(|err| err.to_string())
}

fn parse_capacity(value: Option<i64>, errors: &mut FieldErrors, field: &str) -> Option<i32> {
    match value {
        None => None,
        Some(n) if (1..=1_000_000).contains(&n) => i32::try_from(n).ok(),
        Some(_) => {
            errors.add(
                field,
                "must be a whole number of at least 1; leave it empty (null) for unlimited",
            );
            None
        }
    }
}

/// A required field whose value is one of a closed set.
fn required_choice<T>(value: Option<&str>, field: &str, errors: &mut FieldErrors) -> Option<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    match value.map(str::trim) {
        None | Some("") => {
            errors.add(field, "is required");
            None
        }
        Some(value) => errors.check(field, value.parse::<T>()),
    }
}

/// The first and last days of an event, in order and within a year of each other.
fn parse_dates(
    starts: Option<&str>,
    ends: Option<&str>,
    errors: &mut FieldErrors,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let starts_on = parse_date(starts, "starts_on", errors);
    let ends_on = parse_date(ends, "ends_on", errors);
    if let (Some(start), Some(end)) = (starts_on, ends_on) {
        if end < start {
            errors.add("ends_on", "must not be before the first day");
        } else if (end - start).num_days() > 366 {
            errors.add("ends_on", "must be within a year of the first day");
        }
    }
    (starts_on, ends_on)
}

/// The series an event belongs to: its id or slug.
fn parse_series(value: Option<&Value>, errors: &mut FieldErrors) -> Option<SeriesRef> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => match n.as_i64().and_then(|n| i32::try_from(n).ok()) {
            Some(id) if id > 0 => Some(SeriesRef::Id(id)),
            _ => {
                errors.add("series", "must be the id or slug of a series");
                None
            }
        },
        Some(Value::String(s)) if !s.trim().is_empty() => Some(SeriesRef::parse(s.trim())),
        Some(Value::String(_)) => None,
        Some(_) => {
            errors.add("series", "must be the id or slug of a series");
            None
        }
    }
}

/// The organizing organizations, each in a role, none twice in the same role.
fn parse_organizers(
    list: Vec<OrganizerInput>,
    errors: &mut FieldErrors,
) -> Vec<(i32, OrganizerRole)> {
    let mut organizers = Vec::new();
    for (i, organizer) in list.into_iter().enumerate() {
        let id = match organizer.organization_id {
            Some(id) if id > 0 => Some(id),
            Some(_) => {
                errors.add(
                    format!("organizers[{i}].organization_id"),
                    "must be the id of an organization",
                );
                None
            }
            None => {
                errors.add(format!("organizers[{i}].organization_id"), "is required");
                None
            }
        };
        let role = parse_or(
            organizer.role.as_deref(),
            &format!("organizers[{i}].role"),
            OrganizerRole::Organizer,
            errors,
        );
        if let (Some(id), Some(role)) = (id, role) {
            if organizers.contains(&(id, role)) {
                errors.add(
                    format!("organizers[{i}]"),
                    "lists the same organization in the same role twice",
                );
            } else {
                organizers.push((id, role));
            }
        }
    }
    organizers
}

/// How people register: the mode, and a window given in the event's zone.
fn parse_registration(
    input: RegistrationSettingsInput,
    zone: Option<TimeZone>,
    errors: &mut FieldErrors,
) -> Option<RegistrationRules> {
    let mode = parse_or(
        input.mode.as_deref(),
        "registration.mode",
        RegistrationMode::Open,
        errors,
    );
    let mut instant = |field: &str, value: Option<&str>| -> Option<DateTime<Utc>> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        errors.check(field, parse_instant(value, zone?))
    };
    let opens_at = instant("registration.opens_at", input.opens_at.as_deref());
    let closes_at = instant("registration.closes_at", input.closes_at.as_deref());
    if let (Some(opens), Some(closes)) = (opens_at, closes_at)
        && closes <= opens
    {
        errors.add(
            "registration.closes_at",
            "must be after the opening of registration (registration.opens_at)",
        );
    }
    Some(RegistrationRules {
        mode: mode?,
        opens_at,
        closes_at,
        waitlist: input.waitlist.unwrap_or(false),
    })
}

// ----- Series -----

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesInput {
    /// Required.
    pub title: Option<String>,
    pub description: Option<String>,
    /// Generated from the title when not given.
    pub slug: Option<String>,
    /// The language the series is written in: `en` (default), `fr` or `es`.
    pub language: Option<String>,
    /// The title and description in other languages: `{"fr":{"title","description"}}`.
    pub translations: Option<TranslationsInput>,
}

pub struct Series {
    pub title: String,
    pub description: Option<String>,
    /// `None`: make one from the title.
    pub slug: Option<Slug>,
    pub language: Language,
    pub translations: Translations,
}

/// The language content is written in (English when not given).
fn parse_language(value: Option<&str>, errors: &mut FieldErrors) -> Language {
    crate::i18n::field(value, errors)
        .flatten()
        .unwrap_or_default()
}

impl SeriesInput {
    pub fn validate(self) -> Result<Series, AppError> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", required_text(self.title.as_deref(), 300));
        let description = errors.check(
            "description",
            optional_text(self.description.as_deref(), 20_000, true),
        );
        let slug = match self
            .slug
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(s) => errors.check("slug", Slug::parse(s)),
        };
        let language = parse_language(self.language.as_deref(), &mut errors);
        let translations = content::validate(
            self.translations,
            language,
            content::TITLE_AND_DESCRIPTION,
            &mut errors,
        );
        errors.finish()?;
        match (title, description) {
            (Some(title), Some(description)) => Ok(Series {
                title,
                description,
                slug,
                language,
                translations,
            }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }

    pub fn from_model(model: &series::Model) -> Self {
        Self {
            title: Some(model.title.clone()),
            description: model.description.clone(),
            slug: Some(model.slug.clone()),
            language: Some(model.language.as_str().to_string()),
            translations: Some(content::input_of(model.translations.as_deref())),
        }
    }
}

// ----- Events -----

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizerInput {
    pub organization_id: Option<i32>,
    /// `organizer`, `co-organizer`, `partner`, `host` or `sponsor`.
    pub role: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationSettingsInput {
    /// `open` (default), `approval`, `invite-only` or `closed`.
    pub mode: Option<String>,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub waitlist: Option<bool>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// Required.
    pub title: Option<String>,
    /// Required: `conference`, `roundtable`, `workshop`, `seminar` or `briefing`.
    pub kind: Option<String>,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    /// Required, `YYYY-MM-DD`.
    pub starts_on: Option<String>,
    /// Required, `YYYY-MM-DD`, not before `starts_on`.
    pub ends_on: Option<String>,
    /// Required, IANA (`Europe/Brussels`).
    pub timezone: Option<String>,
    pub venue: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub region: Option<String>,
    pub subregion: Option<String>,
    /// The series' id or slug.
    #[schema(value_type = Option<Object>)]
    pub series: Option<Value>,
    pub organizers: Option<Vec<OrganizerInput>>,
    /// Null means unlimited.
    pub capacity: Option<i64>,
    pub registration: Option<RegistrationSettingsInput>,
    /// Generated from the title when not given.
    pub slug: Option<String>,
    /// Read-only here: changed by `/publish` and `/cancel`.
    pub status: Option<String>,
    /// The language the event is written in: `en` (default), `fr` or `es`.
    pub language: Option<String>,
    /// Title, subtitle and description in other languages:
    /// `{"fr":{"title","subtitle","description"}}`.
    pub translations: Option<TranslationsInput>,
}

#[derive(Debug, Clone)]
pub struct RegistrationRules {
    pub mode: RegistrationMode,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub waitlist: bool,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub title: String,
    pub kind: EventKind,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub timezone: TimeZone,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub country: Option<CountryCode>,
    pub region: Option<Region>,
    pub subregion: Option<SubRegion>,
    pub series: Option<SeriesRef>,
    pub organizers: Vec<(i32, OrganizerRole)>,
    pub capacity: Option<i32>,
    pub registration: RegistrationRules,
    pub slug: Option<Slug>,
    pub language: Language,
    pub translations: Translations,
}

impl EventInput {
    /// Validates an event; `current_status` is the stored status on a PATCH (None on POST).
    pub fn validate(self, current_status: Option<EventStatus>) -> Result<Event, AppError> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", required_text(self.title.as_deref(), 300));
        let kind = required_choice::<EventKind>(self.kind.as_deref(), "kind", &mut errors);
        let subtitle = errors.check(
            "subtitle",
            optional_text(self.subtitle.as_deref(), 300, false),
        );
        let description = errors.check(
            "description",
            optional_text(self.description.as_deref(), 20_000, true),
        );
        let (starts_on, ends_on) = parse_dates(
            self.starts_on.as_deref(),
            self.ends_on.as_deref(),
            &mut errors,
        );
        let timezone = match self.timezone.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("timezone", "is required");
                None
            }
            Some(zone) => match TimeZone::find(zone) {
                Ok(zone) => Some(zone),
                Err(suggestions) if suggestions.is_empty() => {
                    errors.add(
                        "timezone",
                        "is not a time zone: type the city whose time the event keeps, such as Nairobi, or a zone such as Africa/Nairobi",
                    );
                    None
                }
                Err(suggestions) => {
                    errors.add(
                        "timezone",
                        format!(
                            "is not a time zone we know; did you mean {}?",
                            suggestions.join(" or ")
                        ),
                    );
                    None
                }
            },
        };
        let venue = errors.check("venue", optional_text(self.venue.as_deref(), 300, false));
        let city = errors.check("city", optional_text(self.city.as_deref(), 120, false));
        let country = parse_country(self.country.as_deref(), &mut errors);
        let (region, subregion) = parse_region(
            self.region.as_deref(),
            self.subregion.as_deref(),
            &mut errors,
        );
        let series = parse_series(self.series.as_ref(), &mut errors);
        let organizers = parse_organizers(self.organizers.unwrap_or_default(), &mut errors);
        let capacity = parse_capacity(self.capacity, &mut errors, "capacity");
        let registration =
            parse_registration(self.registration.unwrap_or_default(), timezone, &mut errors);
        let slug = match self.slug.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => errors.check("slug", Slug::parse(s)),
        };
        if let Some(status) = self
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            && status.parse::<EventStatus>().ok()
                != Some(current_status.unwrap_or(EventStatus::Draft))
        {
            errors.add("status", "changes through POST .../publish and .../cancel");
        }
        let language = parse_language(self.language.as_deref(), &mut errors);
        let translations = content::validate(
            self.translations,
            language,
            content::EVENT_FIELDS,
            &mut errors,
        );
        errors.finish()?;
        let (
            Some(title),
            Some(kind),
            Some(subtitle),
            Some(description),
            Some(starts_on),
            Some(ends_on),
            Some(timezone),
            Some(venue),
            Some(city),
            Some(registration),
        ) = (
            title,
            kind,
            subtitle,
            description,
            starts_on,
            ends_on,
            timezone,
            venue,
            city,
            registration,
        )
        else {
            return Err(AppError::invalid("body", "is invalid"));
        };
        Ok(Event {
            title,
            kind,
            subtitle,
            description,
            starts_on,
            ends_on,
            timezone,
            venue,
            city,
            country,
            region,
            subregion,
            series,
            organizers,
            capacity,
            registration,
            slug,
            language,
            translations,
        })
    }

    /// The stored event in input shape, for PATCH.
    pub fn from_model(model: &event::Model, organizers: &[OrganizerOut]) -> Self {
        let zone = model.timezone;
        let format = |t: Option<DateTime<Utc>>| t.map(|t| zone.format(t));
        Self {
            title: Some(model.title.clone()),
            kind: Some(model.kind.as_str().to_string()),
            subtitle: model.subtitle.clone(),
            description: model.description.clone(),
            starts_on: Some(model.starts_on.to_string()),
            ends_on: Some(model.ends_on.to_string()),
            timezone: Some(model.timezone.name().to_string()),
            venue: model.venue.clone(),
            city: model.city.clone(),
            country: model.country.clone(),
            region: model.region.map(|r| r.as_str().to_string()),
            subregion: model.subregion.clone(),
            series: model.series_id.map(Value::from),
            organizers: Some(
                organizers
                    .iter()
                    .map(|o| OrganizerInput {
                        organization_id: Some(o.organization_id),
                        role: Some(o.role.as_str().to_string()),
                    })
                    .collect(),
            ),
            capacity: model.capacity.map(i64::from),
            registration: Some(RegistrationSettingsInput {
                mode: Some(model.registration_mode.as_str().to_string()),
                opens_at: format(model.registration_opens_at),
                closes_at: format(model.registration_closes_at),
                waitlist: Some(model.waitlist),
            }),
            slug: Some(model.slug.clone()),
            status: Some(model.status.as_str().to_string()),
            language: Some(model.language.as_str().to_string()),
            translations: Some(content::input_of(model.translations.as_deref())),
        }
    }
}

// ----- Sessions -----

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionInput {
    /// Required.
    pub title: Option<String>,
    /// `panel` (default), `plenary`, `roundtable`, `workshop` or `break`.
    pub kind: Option<String>,
    pub description: Option<String>,
    /// Required: RFC 3339, or wall time in the event's time zone.
    pub starts_at: Option<String>,
    /// Required, after `starts_at`.
    pub ends_at: Option<String>,
    pub room: Option<String>,
    pub capacity: Option<i64>,
    /// `public` (default), `chatham-house` (nothing said is attributed to anyone) or
    /// `closed` (seen only by organizers and the session's panel).
    pub confidentiality: Option<String>,
    /// Title and description in other languages than the event's:
    /// `{"fr":{"title","description"}}`.
    pub translations: Option<TranslationsInput>,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub title: String,
    pub kind: SessionKind,
    pub description: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub room: Option<String>,
    pub capacity: Option<i32>,
    pub confidentiality: Confidentiality,
    pub translations: Translations,
}

impl SessionInput {
    /// Validates a session of an event in `zone`, written in `language`.
    pub fn validate(self, zone: TimeZone, language: Language) -> Result<Session, AppError> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", required_text(self.title.as_deref(), 300));
        let kind = parse_or(
            self.kind.as_deref(),
            "kind",
            SessionKind::Panel,
            &mut errors,
        );
        let description = errors.check(
            "description",
            optional_text(self.description.as_deref(), 20_000, true),
        );
        let mut instant =
            |field: &str, value: Option<&str>| match value.map(str::trim).filter(|v| !v.is_empty())
            {
                None => {
                    errors.add(field, "is required");
                    None
                }
                Some(text) => errors.check(field, parse_instant(text, zone)),
            };
        let starts_at = instant("starts_at", self.starts_at.as_deref());
        let ends_at = instant("ends_at", self.ends_at.as_deref());
        if let (Some(start), Some(end)) = (starts_at, ends_at) {
            if end <= start {
                errors.add("ends_at", "must be after the start");
            } else if (end - start).num_hours() > 24 * 14 {
                errors.add("ends_at", "must be within two weeks of the start");
            }
        }
        let room = errors.check("room", optional_text(self.room.as_deref(), 120, false));
        let capacity = parse_capacity(self.capacity, &mut errors, "capacity");
        let confidentiality = parse_or(
            self.confidentiality.as_deref(),
            "confidentiality",
            Confidentiality::Public,
            &mut errors,
        );
        let translations = content::validate(
            self.translations,
            language,
            content::TITLE_AND_DESCRIPTION,
            &mut errors,
        );
        errors.finish()?;
        match (
            title,
            kind,
            description,
            starts_at,
            ends_at,
            room,
            confidentiality,
        ) {
            (
                Some(title),
                Some(kind),
                Some(description),
                Some(starts_at),
                Some(ends_at),
                Some(room),
                Some(confidentiality),
            ) => Ok(Session {
                title,
                kind,
                description,
                starts_at,
                ends_at,
                room,
                capacity,
                confidentiality,
                translations,
            }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }

    pub fn from_model(model: &session::Model, zone: TimeZone) -> Self {
        Self {
            title: Some(model.title.clone()),
            kind: Some(model.kind.as_str().to_string()),
            description: model.description.clone(),
            starts_at: Some(zone.format(model.starts_at)),
            ends_at: Some(zone.format(model.ends_at)),
            room: model.room.clone(),
            capacity: model.capacity.map(i64::from),
            confidentiality: Some(model.confidentiality.as_str().to_string()),
            translations: Some(content::input_of(model.translations.as_deref())),
        }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantInput {
    /// Required.
    pub person_id: Option<i32>,
    /// Required: `chair`, `moderator`, `speaker`, `discussant` or `rapporteur`.
    pub role: Option<String>,
    /// Order among the session's participants; appended at the end when not given.
    pub position: Option<i32>,
}

pub struct Participant {
    pub person_id: i32,
    pub role: ParticipantRole,
    pub position: Option<i32>,
}

impl ParticipantInput {
    pub fn validate(self) -> Result<Participant, AppError> {
        let mut errors = FieldErrors::new();
        let person_id = match self.person_id {
            Some(id) if id > 0 => Some(id),
            Some(_) => {
                errors.add("person_id", "must be the id of a person");
                None
            }
            None => {
                errors.add("person_id", "is required");
                None
            }
        };
        let role = match self
            .role
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            None => {
                errors.add("role", "is required");
                None
            }
            Some(role) => errors.check("role", role.parse::<ParticipantRole>()),
        };
        if self.position.is_some_and(|p| !(0..=10_000).contains(&p)) {
            errors.add("position", "must be a number from 0 to 10000");
        }
        errors.finish()?;
        match (person_id, role) {
            (Some(person_id), Some(role)) => Ok(Participant {
                person_id,
                role,
                position: self.position,
            }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brussels() -> TimeZone {
        TimeZone::parse("Europe/Brussels").unwrap()
    }

    fn rtop_event() -> EventInput {
        EventInput {
            title: Some("Making a difference".into()),
            kind: Some("conference".into()),
            starts_on: Some("2009-06-03".into()),
            ends_on: Some("2009-06-04".into()),
            timezone: Some("Europe/Brussels".into()),
            ..Default::default()
        }
    }

    fn fields(result: Result<impl std::fmt::Debug, AppError>) -> Vec<String> {
        match result {
            Err(AppError::Invalid(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn wall_time_means_the_event_zone_and_offsets_are_kept() {
        let local = parse_instant("2009-06-03T14:00:00", brussels()).unwrap();
        let offset = parse_instant("2009-06-03T14:00:00+02:00", brussels()).unwrap();
        let minutes = parse_instant("2009-06-03T14:00", brussels()).unwrap();
        assert_eq!(local, offset);
        assert_eq!(local, minutes);
        assert_eq!(brussels().format(local), "2009-06-03T14:00:00+02:00");
        assert!(parse_instant("3 June 2009, 2pm", brussels()).is_err());
        assert!(parse_instant("2009-03-29T02:30:00", brussels()).is_err());
        assert!(parse_instant("9999-06-03T14:00:00+02:00", brussels()).is_err());
        assert!(parse_instant("0001-01-01T00:00:00Z", brussels()).is_err());
        for leap in [
            "2027-06-03T10:00:60Z",
            "2027-06-03T10:00:60",
            "2027-06-03T10:00:60+02:00",
        ] {
            assert!(
                parse_instant(leap, brussels())
                    .unwrap_err()
                    .contains("leap second"),
                "{leap}"
            );
        }
    }

    #[test]
    fn events_need_dates_in_order() {
        assert!(rtop_event().validate(None).is_ok());
        let backwards = EventInput {
            ends_on: Some("2009-06-02".into()),
            ..rtop_event()
        };
        assert_eq!(fields(backwards.validate(None)), ["ends_on"]);
        let bad_date = EventInput {
            starts_on: Some("2009-02-30".into()),
            ..rtop_event()
        };
        assert_eq!(fields(bad_date.validate(None)), ["starts_on"]);
    }

    #[test]
    fn events_name_each_bad_field() {
        let input = EventInput {
            kind: Some("party".into()),
            timezone: Some("Europe/Atlantis".into()),
            country: Some("XX".into()),
            region: Some("mars".into()),
            capacity: Some(0),
            organizers: Some(vec![OrganizerInput {
                organization_id: Some(1),
                role: Some("boss".into()),
            }]),
            registration: Some(RegistrationSettingsInput {
                mode: Some("lottery".into()),
                ..Default::default()
            }),
            ..rtop_event()
        };
        assert_eq!(
            fields(input.validate(None)),
            [
                "kind",
                "timezone",
                "country",
                "region",
                "organizers[0].role",
                "capacity",
                "registration.mode"
            ]
        );
    }

    #[test]
    fn status_is_not_set_through_the_body() {
        let input = EventInput {
            status: Some("published".into()),
            ..rtop_event()
        };
        assert_eq!(fields(input.validate(None)), ["status"]);
        let same = EventInput {
            status: Some("published".into()),
            ..rtop_event()
        };
        assert!(same.validate(Some(EventStatus::Published)).is_ok());
    }

    #[test]
    fn sessions_end_after_they_start() {
        let panel = SessionInput {
            title: Some("Panel on the Responsibility to Protect".into()),
            starts_at: Some("2009-06-03T14:00:00".into()),
            ends_at: Some("2009-06-03T14:00:00".into()),
            ..Default::default()
        };
        assert_eq!(
            fields(panel.validate(brussels(), Language::En)),
            ["ends_at"]
        );
        let ok = SessionInput {
            title: Some("Panel".into()),
            starts_at: Some("2009-06-03T14:00:00".into()),
            ends_at: Some("2009-06-03T16:00:00".into()),
            ..Default::default()
        };
        let session = ok.validate(brussels(), Language::En).unwrap();
        assert_eq!(session.kind, SessionKind::Panel);
    }

    #[test]
    fn participants_need_a_person_and_a_known_role() {
        let input = ParticipantInput {
            person_id: None,
            role: Some("keynote".into()),
            position: None,
        };
        assert_eq!(fields(input.validate().map(|_| ())), ["person_id", "role"]);
    }
}

// ----- Duplicating an event -----

/// A copy of an event for new dates: its first day, and a title when the copy's differs.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplicateInput {
    /// Required, `YYYY-MM-DD`: the copy's first day.
    pub starts_on: Option<String>,
    /// The copy's title; the original's when absent.
    pub title: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Duplicate {
    pub starts_on: NaiveDate,
    pub title: Option<String>,
}

impl DuplicateInput {
    pub fn validate(self) -> Result<Duplicate, AppError> {
        let mut errors = FieldErrors::new();
        let starts_on = parse_date(self.starts_on.as_deref(), "starts_on", &mut errors);
        let title = match self.title.as_deref() {
            None => Some(None),
            Some(title) => errors
                .check("title", required_text(Some(title), 300))
                .map(Some),
        };
        errors.finish()?;
        match (starts_on, title) {
            (Some(starts_on), Some(title)) => Ok(Duplicate { starts_on, title }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }
}
