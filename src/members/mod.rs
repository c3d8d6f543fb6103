//! Membership: people of the coalition apply at `/join` (name, email, organization,
//! country, why); organizers see the applications beside the accounts and approve them
//! (a `member` account and its set-up mail) or reject them (a polite mail).

pub mod api;
pub mod pages;
pub mod service;
pub mod store;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::directory::parse_country;
use crate::domain::{CountryCode, EmailAddress, optional_text, required_text};
use crate::entities::membership_application;
use crate::error::{AppError, FieldErrors};

crate::string_enum!(
    /// Where an application stands.
    ApplicationStatus {
        Pending => "pending" as "Waiting for a decision",
        Approved => "approved" as "Approved",
        Rejected => "rejected" as "Rejected",
    }
);

/// An application as the form or a program sends it.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationInput {
    /// Required.
    pub given_name: Option<String>,
    /// Required.
    pub family_name: Option<String>,
    /// Required: the set-up mail goes there once approved.
    pub email: Option<String>,
    /// Required: the organization the applicant belongs to.
    pub organization: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Why they would like to join.
    pub motivation: Option<String>,
    /// Required: true, agreeing that the organizers keep these details to decide.
    pub consent: Option<bool>,
    /// The language the answers go out in: `en`, `fr` or `es` (the request's language
    /// when not given).
    pub language: Option<String>,
}

/// A valid application.
#[derive(Debug, Clone)]
pub struct Application {
    pub given_name: String,
    pub family_name: String,
    pub email: EmailAddress,
    pub organization: String,
    pub country: Option<CountryCode>,
    pub motivation: Option<String>,
    pub language: crate::i18n::Language,
}

impl ApplicationInput {
    pub fn validate(self) -> Result<Application, AppError> {
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
            required_text(self.organization.as_deref(), 300),
        );
        let country = parse_country(self.country.as_deref(), &mut errors);
        let motivation = errors.check(
            "motivation",
            optional_text(self.motivation.as_deref(), 4000, true),
        );
        if self.consent != Some(true) {
            errors.add("consent", "must be given to apply");
        }
        let language = crate::i18n::field(self.language.as_deref(), &mut errors)
            .map(|l| l.unwrap_or_else(crate::i18n::current))
            .unwrap_or_default();
        errors.finish()?;
        match (given_name, family_name, email, organization, motivation) {
            (
                Some(given_name),
                Some(family_name),
                Some(email),
                Some(organization),
                Some(motivation),
            ) => Ok(Application {
                given_name,
                family_name,
                email,
                organization,
                country,
                motivation,
                language,
            }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }
}

/// An application as organizers see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationOut {
    pub id: i32,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub organization: String,
    pub country: Option<String>,
    pub motivation: Option<String>,
    pub status: ApplicationStatus,
    /// The organizers' note sent with a rejection.
    pub decision_note: Option<String>,
    pub decided_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The account made on approval.
    pub user_id: Option<i32>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// The language the answers go out in.
    #[schema(value_type = String, example = "es")]
    pub language: crate::i18n::Language,
}

impl From<membership_application::Model> for ApplicationOut {
    fn from(m: membership_application::Model) -> Self {
        Self {
            id: m.id,
            given_name: m.given_name,
            family_name: m.family_name,
            email: m.email,
            organization: m.organization,
            country: m.country,
            motivation: m.motivation,
            status: m.status,
            decision_note: m.decision_note,
            decided_at: m.decided_at,
            user_id: m.user_id,
            created_at: m.created_at,
            language: m.language.unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applications_need_names_email_organization_and_consent() {
        let err = ApplicationInput::default().validate().unwrap_err();
        let AppError::Invalid(errors) = err else {
            panic!("expected field errors")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "given_name",
                "family_name",
                "email",
                "organization",
                "consent"
            ]
        );
        let ok = ApplicationInput {
            given_name: Some("Ana".into()),
            family_name: Some("Ñúñez".into()),
            email: Some("ana@cries.example.org".into()),
            organization: Some("CRIES".into()),
            country: Some("AR".into()),
            motivation: Some("We ran the Buenos Aires roundtable.".into()),
            consent: Some(true),
            language: Some("es".into()),
        }
        .validate()
        .unwrap();
        assert_eq!(
            ok.country.map(|c| c.as_str().to_string()),
            Some("AR".into())
        );
        assert_eq!(ok.language, crate::i18n::Language::Es);
    }
}
