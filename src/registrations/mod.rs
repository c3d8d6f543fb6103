//! Registration: participants register for events in one of four modes (open, approval,
//! invite-only, closed) within an optional window; a capacity (unlimited when null) is
//! never exceeded, whatever the concurrency, and an optional waitlist fills in order of
//! registration. Registrants manage (cancel, erase) their registration through a personal
//! link; organizers approve, reject and export. Every transition mails the registrant
//! through the outbox, in the same transaction.

pub mod api;
pub mod batch;
pub mod form;
pub mod notify;
pub mod pages;
pub mod reconfirm;
pub mod service;
pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::directory::parse_country;
use crate::domain::{CountryCode, EmailAddress, optional_text, required_text};
use crate::entities::registration;
use crate::error::{AppError, FieldErrors};

crate::string_enum!(RegistrationStatus {
    Pending => "pending" as "Pending",
    Confirmed => "confirmed" as "Confirmed",
    Waitlisted => "waitlisted" as "Waitlisted",
    Cancelled => "cancelled" as "Cancelled",
    Rejected => "rejected" as "Rejected",
});

impl RegistrationStatus {
    /// The statuses that hold (or wait for) a place.
    pub const ACTIVE: [RegistrationStatus; 3] = [Self::Pending, Self::Confirmed, Self::Waitlisted];

    /// Still holding (or waiting for) a place.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Pending | Self::Confirmed | Self::Waitlisted)
    }
}

/// A registration as the form or a program sends it.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationInput {
    /// Required.
    pub given_name: Option<String>,
    /// Required.
    pub family_name: Option<String>,
    /// Required; one active registration per email and event.
    pub email: Option<String>,
    pub organization: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Access or dietary needs; seen by the organizers only.
    pub needs: Option<String>,
    /// Required: true, agreeing to the stated use of the data.
    pub consent: Option<bool>,
    /// For invite-only events: the token of the invitation link.
    pub invitation: Option<String>,
    /// Organizers only: someone who came without registering, confirmed and checked in at
    /// once, whatever the registration window, mode and capacity.
    pub walk_in: Option<bool>,
    /// The language their mail goes out in: `en`, `fr` or `es` (the request's language
    /// when not given).
    pub language: Option<String>,
}

/// A valid registration.
#[derive(Debug, Clone)]
pub struct Registration {
    pub given_name: String,
    pub family_name: String,
    pub email: EmailAddress,
    pub organization: Option<String>,
    pub country: Option<CountryCode>,
    pub needs: Option<String>,
    pub invitation: Option<String>,
    /// A walk-in: the organizer who let them in (set by the caller, who checked the role).
    pub admitted_by: Option<crate::web::Actor>,
    /// The language their mail goes out in.
    pub language: crate::i18n::Language,
}

impl RegistrationInput {
    pub fn validate(self) -> Result<Registration, AppError> {
        let mut errors = FieldErrors::new();
        let given_name = errors.check("given_name", required_text(self.given_name.as_deref(), 120));
        let family_name = errors.check(
            "family_name",
            required_text(self.family_name.as_deref(), 120),
        );
        let email = match self
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            None => {
                errors.add("email", "is required");
                None
            }
            Some(email) => errors.check("email", EmailAddress::parse(email)),
        };
        let organization = errors.check(
            "organization",
            optional_text(self.organization.as_deref(), 300, false),
        );
        let country = parse_country(self.country.as_deref(), &mut errors);
        let needs = errors.check("needs", optional_text(self.needs.as_deref(), 2000, true));
        if self.consent != Some(true) {
            errors.add("consent", "must be given to register");
        }
        // The request's language when not given.
        let language = crate::i18n::field(self.language.as_deref(), &mut errors)
            .map(|l| l.unwrap_or_else(crate::i18n::current));
        let invitation = self
            .invitation
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty() && t.len() < 200);
        errors.finish()?;
        match (
            given_name,
            family_name,
            email,
            organization,
            needs,
            language,
        ) {
            (
                Some(given_name),
                Some(family_name),
                Some(email),
                Some(organization),
                Some(needs),
                Some(language),
            ) => Ok(Registration {
                given_name,
                family_name,
                email,
                organization,
                country,
                needs,
                invitation,
                admitted_by: None,
                language,
            }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }
}

/// What a registrant gets back.
#[derive(Debug, Serialize, ToSchema)]
pub struct Registered {
    pub id: i32,
    /// `confirmed`, `waitlisted` or `pending`.
    pub status: RegistrationStatus,
    /// The registrant's own page: status, calendar, cancel. Keep it private.
    pub manage_url: String,
    /// The event's sessions as a calendar feed.
    pub calendar_url: String,
}

/// A change of a registrant's details, by the registrant or an organizer: the fields
/// sent replace the stored ones (`null` clears an optional one); the email stays, since it
/// is how the registration is known.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DetailsInput {
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub organization: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Access or dietary needs; seen by the organizers only.
    pub needs: Option<String>,
}

/// Valid details.
#[derive(Debug, Clone)]
pub struct Details {
    pub given_name: String,
    pub family_name: String,
    pub organization: Option<String>,
    pub country: Option<CountryCode>,
    pub needs: Option<String>,
}

impl DetailsInput {
    pub fn of(m: &registration::Model) -> Self {
        Self {
            given_name: Some(m.given_name.clone()),
            family_name: Some(m.family_name.clone()),
            organization: m.organization.clone(),
            country: m.country.clone(),
            needs: m.needs.clone(),
        }
    }

    pub fn validate(self) -> Result<Details, AppError> {
        let mut errors = FieldErrors::new();
        let given_name = errors.check("given_name", required_text(self.given_name.as_deref(), 120));
        let family_name = errors.check(
            "family_name",
            required_text(self.family_name.as_deref(), 120),
        );
        let organization = errors.check(
            "organization",
            optional_text(self.organization.as_deref(), 300, false),
        );
        let country = parse_country(self.country.as_deref(), &mut errors);
        let needs = errors.check("needs", optional_text(self.needs.as_deref(), 2000, true));
        errors.finish()?;
        match (given_name, family_name, organization, needs) {
            (Some(given_name), Some(family_name), Some(organization), Some(needs)) => Ok(Details {
                given_name,
                family_name,
                organization,
                country,
                needs,
            }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }
}

/// A registration as organizers see it (needs included).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistrationOut {
    pub id: i32,
    pub event_id: i32,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub organization: Option<String>,
    pub country: Option<String>,
    pub needs: Option<String>,
    pub status: RegistrationStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub erased: bool,
    /// The code on the registrant's page and confirmation mail, typed at the door.
    pub check_in_code: Option<String>,
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Added at the door without having registered.
    pub walk_in: bool,
    /// The language their mail goes out in (of the form they filled).
    pub language: Option<crate::i18n::Language>,
}

impl From<registration::Model> for RegistrationOut {
    fn from(m: registration::Model) -> Self {
        Self {
            id: m.id,
            event_id: m.event_id,
            given_name: m.given_name,
            family_name: m.family_name,
            email: m.email,
            organization: m.organization,
            country: m.country,
            needs: m.needs,
            status: m.status,
            created_at: m.created_at,
            updated_at: m.updated_at,
            erased: m.erased_at.is_some(),
            check_in_code: m.check_in_code,
            checked_in_at: m.checked_in_at,
            walk_in: m.walk_in,
            language: m.language,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_and_names_are_required() {
        let Err(AppError::Invalid(errors)) = RegistrationInput::default().validate() else {
            panic!("accepted")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["given_name", "family_name", "email", "consent"]);
    }

    #[test]
    fn a_registration_is_normalised() {
        let r = RegistrationInput {
            given_name: Some(" Ama ".into()),
            family_name: Some("Ñúñez".into()),
            email: Some("Ama@Example.ORG".into()),
            country: Some("gh".into()),
            consent: Some(true),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(r.email.as_str(), "ama@example.org");
        assert_eq!(r.country.unwrap().as_str(), "GH");
        assert_eq!(r.given_name, "Ama");
    }

    #[test]
    fn only_pending_confirmed_and_waitlisted_are_active() {
        assert!(RegistrationStatus::Waitlisted.is_active());
        assert!(!RegistrationStatus::Cancelled.is_active());
        assert!(!RegistrationStatus::Rejected.is_active());
    }
}
