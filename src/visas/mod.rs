//! Visa invitation letters. Participants of a Brussels or New York meeting who come from
//! Kampala, Bangkok or Buenos Aires need a letter from the organizers for their embassy.
//! A confirmed registrant asks for one from their registration page, giving their
//! passport details; organizers see the requests, approve or refuse them (a refusal says
//! why, by mail); an approved letter is a PDF on the secretariat's letterhead
//! (`[letterhead]` in the configuration) naming the person, passport, dates and venue.
//!
//! The passport details are sealed at rest with the key of `[visa_letters]`
//! ([`crate::privacy::sealed`]): the database file and its backups hold no passport
//! number in clear. They are shown to organizers only, never logged, exported or sent by
//! mail, and erased with the retention period ([`crate::privacy`]).
//!
//! `service` holds the rules, `api` the JSON calls, `pages` the registrant's form and the
//! organizers' page.

pub mod api;
pub mod pages;
pub mod service;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{CountryCode, required_text};
use crate::error::{AppError, FieldErrors};

crate::string_enum!(
    /// Where a request stands.
    VisaStatus {
        Pending => "pending" as "Waiting for the organizers",
        Approved => "approved" as "Approved",
        Refused => "refused" as "Refused",
    }
);

/// The passport details a request gives, as typed.
#[derive(Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PassportInput {
    /// Required: the name exactly as in the passport.
    pub passport_name: Option<String>,
    /// Required.
    pub passport_number: Option<String>,
    /// Required: the country of nationality, an ISO 3166 code (`UG`).
    pub nationality: Option<String>,
    /// Required, `YYYY-MM-DD`.
    pub date_of_birth: Option<String>,
    /// Required, `YYYY-MM-DD`: valid beyond the event.
    pub passport_expiry: Option<String>,
}

/// Says nothing of what was typed: a request may be logged.
impl std::fmt::Debug for PassportInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PassportInput(…)")
    }
}

/// Passport details, checked: what is sealed, and what the letter prints.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PassportDetails {
    pub passport_name: String,
    pub passport_number: String,
    /// ISO 3166 code.
    pub nationality: String,
    pub date_of_birth: NaiveDate,
    pub passport_expiry: NaiveDate,
}

impl std::fmt::Debug for PassportDetails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PassportDetails(…)")
    }
}

fn date(value: Option<&str>, field: &str, errors: &mut FieldErrors) -> Option<NaiveDate> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            errors.add(field, "is required");
            None
        }
        Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                errors.add(field, "must be a date written YYYY-MM-DD, e.g. 1980-05-17");
                None
            }
        },
    }
}

impl PassportInput {
    /// The details of a request for an event ending on `event_ends`, checked on `today`.
    pub fn validate(
        &self,
        today: NaiveDate,
        event_ends: NaiveDate,
    ) -> Result<PassportDetails, AppError> {
        let mut errors = FieldErrors::new();
        let name = errors.check(
            "passport_name",
            required_text(self.passport_name.as_deref(), 200),
        );
        let number = errors
            .check(
                "passport_number",
                required_text(self.passport_number.as_deref(), 40),
            )
            .map(|n| n.to_uppercase());
        if let Some(n) = &number
            && !n
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        {
            errors.add(
                "passport_number",
                "may hold only letters, digits, spaces and dashes, as printed in the passport",
            );
        }
        let nationality = match self.nationality.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("nationality", "is required");
                None
            }
            Some(code) => errors.check("nationality", CountryCode::parse(code)),
        };
        let birth = date(self.date_of_birth.as_deref(), "date_of_birth", &mut errors);
        if birth.is_some_and(|d| d >= today) {
            errors.add("date_of_birth", "must be in the past");
        }
        let expiry = date(
            self.passport_expiry.as_deref(),
            "passport_expiry",
            &mut errors,
        );
        if expiry.is_some_and(|d| d <= event_ends) {
            errors.add(
                "passport_expiry",
                format!(
                    "must be after the event ends ({}): embassies ask for a passport valid beyond the stay",
                    event_ends.format("%-d %B %Y")
                ),
            );
        }
        errors.finish()?;
        match (name, number, nationality, birth, expiry) {
            (Some(passport_name), Some(passport_number), Some(n), Some(b), Some(e)) => {
                Ok(PassportDetails {
                    passport_name,
                    passport_number,
                    nationality: n.as_str().to_string(),
                    date_of_birth: b,
                    passport_expiry: e,
                })
            }
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn fields(result: Result<PassportDetails, AppError>) -> Vec<String> {
        match result {
            Err(AppError::Invalid(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("not invalid: {:?}", other.map(|_| ())),
        }
    }

    #[test]
    fn passport_details_are_checked_against_the_event() {
        let today = day("2027-01-05");
        let ends = day("2027-01-21");
        let good = PassportInput {
            passport_name: Some("NAKATO Aisha".into()),
            passport_number: Some("b1234567".into()),
            nationality: Some("UG".into()),
            date_of_birth: Some("1985-03-02".into()),
            passport_expiry: Some("2030-01-01".into()),
        };
        let details = good.validate(today, ends).unwrap();
        assert_eq!(details.passport_number, "B1234567");
        assert_eq!(format!("{details:?}"), "PassportDetails(…)", "never logged");
        let bad = PassportInput {
            passport_name: Some(" ".into()),
            passport_number: Some("B123;DROP".into()),
            nationality: Some("Uganda".into()),
            date_of_birth: Some("2030-01-01".into()),
            passport_expiry: Some("2027-01-21".into()),
        };
        assert_eq!(
            fields(bad.validate(today, ends)),
            [
                "passport_name",
                "passport_number",
                "nationality",
                "date_of_birth",
                "passport_expiry"
            ]
        );
        assert_eq!(
            fields(PassportInput::default().validate(today, ends)).len(),
            5
        );
    }
}
