//! The directory: organizations (NGOs, governments, intergovernmental bodies...) and the
//! people who chair, speak at and report on sessions, named in protocol style
//! ("Ms Corlett LETLOJANE, Director, Human Rights Institute of South Africa").

pub mod api;
pub mod merge;
pub mod pages;
pub mod service;
pub mod spreadsheet;
pub mod store;
pub mod workspace;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{CountryCode, EmailAddress, Region, SubRegion, optional_text, required_text};
use crate::entities::{organization, person};
use crate::error::{AppError, FieldErrors};

crate::string_enum!(
    OrganizationKind {
        Ngo => "ngo" as "NGO",
        Government => "government" as "Government",
        Intergovernmental => "intergovernmental" as "Intergovernmental",
        Academic => "academic" as "Academic",
        Foundation => "foundation" as "Foundation",
        Other => "other" as "Other",
    }
);

/// An organization as a client sends it (POST, or PATCH merged onto the current record).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationInput {
    /// Required.
    pub name: Option<String>,
    pub acronym: Option<String>,
    /// `ngo`, `government`, `intergovernmental`, `academic`, `foundation` or `other` (default).
    pub kind: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// `africa`, `americas`, `asia-pacific`, `europe`, `middle-east` or `global`.
    pub region: Option<String>,
    pub subregion: Option<String>,
    /// An http(s) address.
    pub website: Option<String>,
}

/// A valid organization.
#[derive(Debug, Clone, PartialEq)]
pub struct Organization {
    pub name: String,
    pub acronym: Option<String>,
    pub kind: OrganizationKind,
    pub country: Option<CountryCode>,
    pub region: Option<Region>,
    pub subregion: Option<SubRegion>,
    pub website: Option<String>,
}

impl OrganizationInput {
    pub fn validate(self) -> Result<Organization, AppError> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(self.name.as_deref(), 300));
        let acronym = errors.check("acronym", optional_text(self.acronym.as_deref(), 40, false));
        let kind = match self.kind.as_deref().map(str::trim) {
            None | Some("") => Some(OrganizationKind::Other),
            Some(kind) => errors.check("kind", kind.parse()),
        };
        let country = parse_country(self.country.as_deref(), &mut errors);
        let (region, subregion) = parse_region(
            self.region.as_deref(),
            self.subregion.as_deref(),
            &mut errors,
        );
        let website = match self
            .website
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            None => Some(None),
            Some(website) => errors.check("website", parse_website(website).map(Some)),
        };
        errors.finish()?;
        match (name, acronym, kind, website) {
            (Some(name), Some(acronym), Some(kind), Some(website)) => Ok(Organization {
                name,
                acronym,
                kind,
                country,
                region,
                subregion,
                website,
            }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }

    pub fn from_model(model: &organization::Model) -> Self {
        Self {
            name: Some(model.name.clone()),
            acronym: model.acronym.clone(),
            kind: Some(model.kind.as_str().to_string()),
            country: model.country.clone(),
            region: model.region.map(|r| r.as_str().to_string()),
            subregion: model.subregion.clone(),
            website: model.website.clone(),
        }
    }
}

/// Reads an optional country code, recording its error.
pub fn parse_country(value: Option<&str>, errors: &mut FieldErrors) -> Option<CountryCode> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    errors.check("country", CountryCode::parse(value))
}

/// Reads an optional region and sub-region, recording their errors.
pub fn parse_region(
    region: Option<&str>,
    subregion: Option<&str>,
    errors: &mut FieldErrors,
) -> (Option<Region>, Option<SubRegion>) {
    match region.map(str::trim).filter(|r| !r.is_empty()) {
        None => {
            if subregion.is_some_and(|s| !s.trim().is_empty()) {
                errors.add("subregion", "needs a region");
            }
            (None, None)
        }
        Some(region) => match SubRegion::resolve(region, subregion) {
            Ok((region, sub)) => (Some(region), sub),
            Err((field, err)) => {
                errors.add(field, err.to_string());
                (None, None)
            }
        },
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be an http:// or https:// address")]
pub struct InvalidWebsite;

fn parse_website(value: &str) -> Result<String, InvalidWebsite> {
    let url = url::Url::parse(value).map_err(|_| InvalidWebsite)?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() || value.len() > 500 {
        return Err(InvalidWebsite);
    }
    Ok(url.to_string())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationOut {
    pub id: i32,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: OrganizationKind,
    pub country: Option<String>,
    pub region: Option<Region>,
    pub subregion: Option<String>,
    pub website: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl From<organization::Model> for OrganizationOut {
    fn from(m: organization::Model) -> Self {
        Self {
            id: m.id,
            name: m.name,
            acronym: m.acronym,
            kind: m.kind,
            country: m.country,
            region: m.region,
            subregion: m.subregion,
            website: m.website,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

/// A person as a client sends them.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// `Mr`, `Ms`, `Mx`, `Dr`, `Prof`, `H.E.`, ...
    pub honorific: Option<String>,
    /// Required.
    pub given_name: Option<String>,
    /// Required; shown in capitals in protocol style.
    pub family_name: Option<String>,
    /// Unique when given.
    pub email: Option<String>,
    pub position: Option<String>,
    pub organization_id: Option<i32>,
    pub country: Option<String>,
    pub bio: Option<String>,
    /// The language their mail goes out in: `en`, `fr` or `es` (English when not given).
    #[serde(default)]
    pub language: Option<String>,
}

/// A valid person.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub honorific: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<EmailAddress>,
    pub position: Option<String>,
    pub organization_id: Option<i32>,
    pub country: Option<CountryCode>,
    pub bio: Option<String>,
    pub language: Option<crate::i18n::Language>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be a short title such as Mr, Ms, Mx, Dr, Prof or H.E.")]
pub struct InvalidHonorific;

/// Honorifics are open-ended across diplomatic traditions; a short run of letters, dots
/// and spaces is accepted ("H.E.", "Amb.", "Rev. Dr").
pub fn parse_honorific(value: &str) -> Result<String, InvalidHonorific> {
    let value = value.trim();
    let ok = value.chars().count() <= 20
        && value.chars().any(char::is_alphabetic)
        && value
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == ' ');
    if ok {
        Ok(value.to_string())
    } else {
        Err(InvalidHonorific)
    }
}

impl PersonInput {
    pub fn validate(self) -> Result<Person, AppError> {
        let mut errors = FieldErrors::new();
        let honorific = match self
            .honorific
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
        {
            None => None,
            Some(h) => errors.check("honorific", parse_honorific(h)),
        };
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
            None => None,
            Some(email) => errors.check("email", EmailAddress::parse(email)),
        };
        let position = errors.check(
            "position",
            optional_text(self.position.as_deref(), 300, false),
        );
        if self.organization_id.is_some_and(|id| id <= 0) {
            errors.add("organization_id", "must be the id of an organization");
        }
        let country = parse_country(self.country.as_deref(), &mut errors);
        let bio = errors.check("bio", optional_text(self.bio.as_deref(), 10_000, true));
        let language = crate::i18n::field(self.language.as_deref(), &mut errors).flatten();
        errors.finish()?;
        match (given_name, family_name, position, bio) {
            (Some(given_name), Some(family_name), Some(position), Some(bio)) => Ok(Person {
                honorific,
                given_name,
                family_name,
                email,
                position,
                organization_id: self.organization_id,
                country,
                bio,
                language,
            }),
            _ => Err(AppError::invalid("body", "is invalid")),
        }
    }

    pub fn from_model(model: &person::Model) -> Self {
        Self {
            honorific: model.honorific.clone(),
            given_name: Some(model.given_name.clone()),
            family_name: Some(model.family_name.clone()),
            email: model.email.clone(),
            position: model.position.clone(),
            organization_id: model.organization_id,
            country: model.country.clone(),
            bio: model.bio.clone(),
            language: model.language.map(|l| l.as_str().to_string()),
        }
    }
}

/// "Ms Corlett LETLOJANE": honorific, given name, family name in capitals.
pub fn display_name(honorific: Option<&str>, given_name: &str, family_name: &str) -> String {
    let family = family_name.to_uppercase();
    [honorific.unwrap_or(""), given_name, family.as_str()]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Director, Human Rights Institute of South Africa": position, then organization.
pub fn affiliation(position: Option<&str>, organization: Option<&str>) -> String {
    [position.unwrap_or(""), organization.unwrap_or("")]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOut {
    pub id: i32,
    pub honorific: Option<String>,
    pub given_name: String,
    pub family_name: String,
    /// Like `Ms Corlett LETLOJANE`.
    pub display_name: String,
    /// Like `Director, Human Rights Institute of South Africa`.
    pub affiliation: String,
    /// Shown to organizers and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub position: Option<String>,
    pub organization_id: Option<i32>,
    pub organization: Option<String>,
    pub country: Option<String>,
    pub bio: Option<String>,
    /// The language their mail goes out in (English when unset).
    pub language: Option<crate::i18n::Language>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl PersonOut {
    /// `organization` is the name of the person's organization; the email is kept only
    /// when `show_email` (the caller is staff).
    pub fn new(m: person::Model, organization: Option<String>, show_email: bool) -> Self {
        Self {
            id: m.id,
            display_name: display_name(m.honorific.as_deref(), &m.given_name, &m.family_name),
            affiliation: affiliation(m.position.as_deref(), organization.as_deref()),
            honorific: m.honorific,
            given_name: m.given_name,
            family_name: m.family_name,
            email: if show_email { m.email } else { None },
            position: m.position,
            organization_id: m.organization_id,
            organization,
            country: m.country,
            bio: m.bio,
            language: m.language,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocol_style_names() {
        assert_eq!(
            display_name(Some("Ms"), "Corlett", "Letlojane"),
            "Ms Corlett LETLOJANE"
        );
        assert_eq!(
            display_name(Some("Mr"), "Luc", "Lamprière"),
            "Mr Luc LAMPRIÈRE"
        );
        assert_eq!(
            display_name(None, "Kirstin", "de Peyron"),
            "Kirstin DE PEYRON"
        );
        assert_eq!(
            affiliation(
                Some("Director"),
                Some("Human Rights Institute of South Africa")
            ),
            "Director, Human Rights Institute of South Africa"
        );
        assert_eq!(
            affiliation(None, Some("Princeton University")),
            "Princeton University"
        );
        assert_eq!(affiliation(None, None), "");
    }

    #[test]
    fn honorifics_are_short_titles() {
        for ok in ["Mr", "Ms", "Mx", "Dr", "Prof", "H.E.", "Rev. Dr"] {
            assert!(parse_honorific(ok).is_ok(), "{ok}");
        }
        for bad in ["", "...", "<b>", "Mr1", &"A".repeat(21)] {
            assert!(parse_honorific(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_person_lists_every_invalid_field() {
        let input = PersonInput {
            given_name: Some(" ".into()),
            email: Some("nope".into()),
            country: Some("XX".into()),
            ..Default::default()
        };
        let Err(AppError::Invalid(errors)) = input.validate() else {
            panic!("accepted")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["given_name", "family_name", "email", "country"]);
    }

    #[test]
    fn organizations_default_to_kind_other_and_check_websites() {
        let input = OrganizationInput {
            name: Some("Oxfam France".into()),
            region: Some("europe".into()),
            website: Some("https://www.oxfamfrance.org".into()),
            ..Default::default()
        };
        let org = input.validate().unwrap();
        assert_eq!(org.kind, OrganizationKind::Other);
        assert_eq!(org.region, Some(Region::Europe));
        let bad = OrganizationInput {
            name: Some("X".into()),
            website: Some("javascript:alert(1)".into()),
            ..Default::default()
        };
        assert!(matches!(bad.validate(), Err(AppError::Invalid(e)) if e[0].field == "website"));
    }
}
