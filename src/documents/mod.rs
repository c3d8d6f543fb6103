//! The documents library: policy memos, papers, statements and reports, each with a file
//! (kept through [`storage`], told apart by its content by [`sniff`]) or a link, and the
//! metadata the library is browsed by: kind, date, regions, countries, authoring
//! organizations, language, the event or series it belongs to, and its next steps. Who may
//! read one is its [`Access`]: everyone, signed-in accounts (the coalition's members), or
//! organizers; to anyone else a document they may not read does not exist (404).
//!
//! [`service`] holds the rules, [`api`] the JSON calls, [`pages`] the files' addresses,
//! and [`workspace`] the organizers' pages that add, edit and withdraw documents.

pub mod api;
pub mod pages;
pub mod paper;
pub mod reading;
pub mod service;
pub mod sniff;
pub mod storage;
pub mod workspace;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{Region, SubRegion};
use crate::web::Actor;

crate::string_enum!(
    /// What kind of document it is.
    DocumentKind {
        Report => "report" as "Report",
        PolicyMemo => "policy-memo" as "Policy memo",
        Brief => "brief" as "Brief",
        Statement => "statement" as "Statement",
        Paper => "paper" as "Paper",
        Letter => "letter" as "Letter",
        Other => "other" as "Other",
    }
);

crate::string_enum!(
    /// Who may read a document: everyone, signed-in accounts, or organizers.
    Access {
        Public => "public" as "Everyone",
        Members => "members" as "Members (signed in)",
        Organizers => "organizers" as "Organizers only",
    }
);

impl Access {
    /// The most a reader may open: organizers everything, any other account up to
    /// members' documents, an anonymous reader public ones.
    pub fn of(reader: Option<&Actor>) -> Self {
        match reader {
            Some(actor) if actor.is_staff() => Access::Organizers,
            Some(_) => Access::Members,
            None => Access::Public,
        }
    }

    /// Whether a reader allowed `self` may open a document of `access`.
    pub fn opens(self, access: Access) -> bool {
        access <= self
    }

    /// The levels a reader allowed `self` may open.
    pub fn readable(self) -> Vec<Access> {
        Access::ALL
            .iter()
            .copied()
            .filter(|a| self.opens(*a))
            .collect()
    }
}

/// A document's metadata as sent: in full to create one (`title` and `kind` required),
/// any part of it to change one. `null` clears a field that may be empty.
#[derive(Debug, Default, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentInput {
    pub title: Option<String>,
    pub kind: Option<DocumentKind>,
    #[serde(default, deserialize_with = "crate::web::json::nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub published_on: Option<Option<NaiveDate>>,
    pub organization_ids: Option<Vec<i32>>,
    /// Regions (`africa`, `americas`...) or sub-regions (`latin-america-caribbean`...).
    pub regions: Option<Vec<String>>,
    /// ISO 3166 codes.
    pub countries: Option<Vec<String>>,
    /// A BCP 47 tag: `en`, `es`, `pt-BR`.
    #[serde(default, deserialize_with = "crate::web::json::nullable")]
    #[schema(value_type = Option<String>)]
    pub language: Option<Option<String>>,
    pub summary: Option<String>,
    pub access: Option<Access>,
    #[serde(default, deserialize_with = "crate::web::json::nullable")]
    #[schema(value_type = Option<i32>)]
    pub event_id: Option<Option<i32>>,
    #[serde(default, deserialize_with = "crate::web::json::nullable")]
    #[schema(value_type = Option<i32>)]
    pub series_id: Option<Option<i32>>,
    pub next_steps: Option<Vec<String>>,
    /// A link instead of a file (`http` or `https`).
    pub url: Option<String>,
}

/// A document's file, as answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FileOut {
    pub filename: String,
    pub content_type: String,
    pub bytes: i64,
}

/// An authoring organization, as answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AuthorOut {
    pub id: i32,
    pub name: String,
}

/// A document, as answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentOut {
    pub id: i32,
    pub title: String,
    pub kind: DocumentKind,
    pub published_on: Option<NaiveDate>,
    pub organizations: Vec<AuthorOut>,
    pub organization_ids: Vec<i32>,
    pub regions: Vec<String>,
    pub countries: Vec<String>,
    pub language: Option<String>,
    pub summary: String,
    pub access: Access,
    pub event_id: Option<i32>,
    pub series_id: Option<i32>,
    pub next_steps: Vec<String>,
    /// The file, when the document has one.
    pub file: Option<FileOut>,
    /// The link, when the document is kept elsewhere.
    pub url: Option<String>,
    /// Where people read it.
    pub page: String,
    /// The picture of a PDF's first page, when it could be drawn.
    pub thumbnail: Option<String>,
}

/// A region or sub-region name the library files documents under, if it is one.
pub fn known_region(name: &str) -> bool {
    name.parse::<Region>().is_ok() || SubRegion::parse(name).is_some()
}

/// The region a region or sub-region name belongs to (itself for a region).
pub fn region_of(name: &str) -> Option<Region> {
    name.parse::<Region>()
        .ok()
        .or_else(|| SubRegion::parse(name).map(|s| s.region()))
}

/// A region or sub-region name in words ("Latin America and the Caribbean"); an unknown
/// name as it is.
pub fn region_label(name: &str) -> String {
    match name.parse::<Region>() {
        Ok(region) => region.label().to_string(),
        Err(_) => {
            SubRegion::parse(name).map_or_else(|| name.to_string(), |s| s.label().to_string())
        }
    }
}

/// A language tag's language in words ("Spanish" for `es`); the tag itself for one not
/// named here. (The languages of the coalition's documents; the interface's own
/// languages come with their translations.)
pub fn language_label(tag: &str) -> String {
    let language = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    match language.as_str() {
        "en" => "English",
        "fr" => "French",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "ar" => "Arabic",
        "ru" => "Russian",
        "zh" => "Chinese",
        "de" => "German",
        _ => return tag.to_string(),
    }
    .to_string()
}

/// Whether `tag` looks like a BCP 47 language tag: a 2–3 letter language, then subtags
/// of 1–8 letters or digits (`en`, `es-419`, `pt-BR`, `zh-Hant-TW`).
pub fn is_language_tag(tag: &str) -> bool {
    if tag.len() > 35 {
        return false;
    }
    let mut parts = tag.split('-');
    let Some(language) = parts.next() else {
        return false;
    };
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_open_what_their_access_allows() {
        assert!(Access::Public.opens(Access::Public));
        assert!(!Access::Public.opens(Access::Members));
        assert!(Access::Members.opens(Access::Members));
        assert!(!Access::Members.opens(Access::Organizers));
        assert!(Access::Organizers.opens(Access::Organizers));
        assert_eq!(
            Access::Members.readable(),
            [Access::Public, Access::Members]
        );
    }

    #[test]
    fn regions_and_languages_are_checked() {
        assert!(known_region("americas"));
        assert!(known_region("latin-america-caribbean"));
        assert!(!known_region("atlantis"));
        assert_eq!(region_of("north-america"), Some(Region::Americas));
        for tag in ["en", "es", "pt-BR", "es-419", "zh-Hant-TW"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        let long = format!("en{}", "-abcdefgh".repeat(4));
        for tag in [
            "",
            "e",
            "english language",
            "en_GB",
            "en-",
            "toolongtag-x",
            &long,
        ] {
            assert!(!is_language_tag(tag), "{tag}");
        }
    }
}
