//! The recommendation tracker: what was asked of whom, and what came of it.
//!
//! Every recommendation of an approved summary, and every next step of a document, is an
//! item the moment its source is approved or saved ([`service::sync_session`],
//! [`service::sync_document`]); when the source changes the item follows it, and when the
//! source no longer says it (the summary returned, the step removed) it is withdrawn, its
//! history kept. Items are filed under an addressee of a vocabulary with aliases ("EU",
//! "European Union" → one). Follow-up updates record a status, a note and evidence.
//!
//! [`service`] holds the rules, [`api`] the JSON calls.

pub mod addressees;
pub mod api;
pub mod followup;
pub mod links;
pub mod pages;
pub mod reminders;
pub mod service;
pub mod workspace;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::string_enum!(
    /// Where an item stands.
    RecommendationStatus {
        Open => "open" as "Open",
        InProgress => "in-progress" as "In progress",
        PartiallyImplemented => "partially-implemented" as "Partially implemented",
        Implemented => "implemented" as "Implemented",
        NotTakenUp => "not-taken-up" as "Not taken up",
        Superseded => "superseded" as "Superseded",
    }
);

impl RecommendationStatus {
    /// The status in `lang` ("Implemented", "Mise en œuvre", "Aplicada"); the API keeps
    /// its English values.
    pub fn label_in(self, lang: impl std::borrow::Borrow<crate::i18n::Language>) -> String {
        crate::i18n::term(*lang.borrow(), "rec-status", self.as_str())
    }
}

crate::string_enum!(
    /// What an item comes from.
    SourceKind {
        Session => "session" as "Session",
        Document => "document" as "Document",
    }
);

/// An addressee's name as lookups compare it: accents, case, a leading "the" and
/// punctuation aside, spaces made one ("The European Union" → "european union").
pub fn folded_name(name: &str) -> String {
    let folded = crate::domain::folded(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Where an item comes from, as answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RecommendationSource {
    pub kind: SourceKind,
    /// The session's or the document's id.
    pub id: i32,
    pub title: String,
    /// The event (for a session; a document's event when it has one).
    pub event_id: Option<i32>,
    /// The event's title.
    pub event: Option<String>,
    pub date: Option<NaiveDate>,
    /// The event's city, where it has one.
    pub place: Option<String>,
    /// The regions it concerns: the event's, or the document's (sub-regions as their
    /// region).
    pub regions: Vec<crate::domain::Region>,
    /// The series of the event or document.
    pub series_id: Option<i32>,
    /// Where it is read.
    pub url: String,
}

crate::string_enum!(
    /// How two items are linked.
    LinkRelation {
        RaisedAgain => "raised-again" as "Raised again",
        Supersedes => "supersedes" as "Supersedes",
    }
);

/// One time a recommendation was made: the item itself, or one it is linked with as
/// raised again (earlier or later).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Asking {
    /// The item.
    pub id: i32,
    /// Its source's title (a session's or a document's).
    pub title: String,
    pub event: Option<String>,
    pub place: Option<String>,
    pub date: Option<NaiveDate>,
}

/// A link as sent: this item raises `other` again (`raised-again`: the later of the two
/// is filed as raising the earlier), or supersedes it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkInput {
    pub other: Option<i32>,
    pub relation: Option<LinkRelation>,
}

/// A likely repeat of an item, from another source, for an organizer to confirm.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SimilarOut {
    pub item: RecommendationOut,
    /// How alike the two texts are, from 0 to 1 (cosine of their weighted words).
    pub score: f64,
}

/// A follow-up update, as answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FollowUpOut {
    pub status: RecommendationStatus,
    pub note: String,
    pub evidence_url: Option<String>,
    pub document_id: Option<i32>,
    /// The evidence document's title, when the reader may open it.
    pub document_title: Option<String>,
    pub on: NaiveDate,
    /// Who recorded it.
    pub by: Option<String>,
}

/// An item, as answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RecommendationOut {
    pub id: i32,
    pub text: String,
    /// The addressee it is filed under (the source's wording when it is in no vocabulary).
    pub addressee: String,
    pub themes: Vec<String>,
    pub priority: Option<String>,
    pub timeframe: Option<String>,
    pub status: RecommendationStatus,
    pub source: RecommendationSource,
    /// Items it raises again (earlier ones).
    pub raised_again: Vec<i32>,
    /// Every time it was made, oldest first: itself and the items linked with it as
    /// raised again, earlier or later (those the reader may see).
    pub asked: Vec<Asking>,
    /// Items it supersedes.
    pub supersedes: Vec<i32>,
    /// The account following it up, by name (organizers only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub next_review_on: Option<NaiveDate>,
    pub updates: Vec<FollowUpOut>,
}

/// A follow-up update as sent.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpInput {
    pub status: Option<RecommendationStatus>,
    pub note: Option<String>,
    /// The date it happened; today when left out.
    pub on: Option<NaiveDate>,
    pub evidence_url: Option<String>,
    /// A document of the library as evidence.
    pub document_id: Option<i32>,
}

/// Changes to an item (organizers).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationPatch {
    /// An account id; `null` for nobody.
    #[serde(default, deserialize_with = "crate::web::json::nullable")]
    #[schema(value_type = Option<i32>)]
    pub owner: Option<Option<i32>>,
    #[serde(default, deserialize_with = "crate::web::json::nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub next_review_on: Option<Option<NaiveDate>>,
    /// Files the item under this addressee (a name or alias of the vocabulary; a new
    /// name adds an addressee).
    pub addressee: Option<String>,
}

/// An addressee of the vocabulary, as sent and answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AddresseeOut {
    pub id: i32,
    pub name: String,
    pub aliases: Vec<String>,
    /// How many items are filed under it.
    pub recommendations: u64,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddresseeInput {
    pub name: Option<String>,
    pub aliases: Option<Vec<String>>,
}

impl RecommendationOut {
    /// "Asked 3 times since 2008: Bangkok, Kampala, Accra" in `lang` ("Demandée 3 fois
    /// depuis 2008 : Bangkok, Kampala"), when it was asked more than once.
    pub fn asked_line_in(
        &self,
        lang: impl std::borrow::Borrow<crate::i18n::Language>,
    ) -> Option<String> {
        use fluent_templates::fluent_bundle::FluentValue;
        if self.asked.len() < 2 {
            return None;
        }
        let since = self.asked.iter().filter_map(|a| a.date).min();
        let places: Vec<String> = self
            .asked
            .iter()
            .map(|a| {
                a.place
                    .clone()
                    .or_else(|| a.event.clone())
                    .unwrap_or_else(|| a.title.clone())
            })
            .collect();
        let mut args = vec![
            ("count", FluentValue::from(self.asked.len())),
            ("places", FluentValue::from(places.join(", "))),
        ];
        let id = match since {
            Some(since) => {
                args.push(("year", FluentValue::from(since.format("%Y").to_string())));
                "rec-asked-times-since"
            }
            None => "rec-asked-times",
        };
        Some(crate::i18n::t_args(*lang.borrow(), id, &args))
    }

    /// The date of its latest update, if any.
    pub fn last_update(&self) -> Option<&FollowUpOut> {
        self.updates.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressee_names_fold_to_one() {
        for name in ["EU", "eu", " E.U. "] {
            assert_eq!(
                folded_name(name),
                if name.contains('.') { "e u" } else { "eu" }
            );
        }
        assert_eq!(folded_name("The European Union"), "european union");
        assert_eq!(folded_name("european  union"), "european union");
        assert_eq!(folded_name("the"), "the");
        assert_eq!(folded_name("Côte d'Ivoire"), "cote d ivoire");
    }
}
