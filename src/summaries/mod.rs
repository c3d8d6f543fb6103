//! Rapporteurs' summaries of sessions. A session's rapporteur (an account linked by email
//! to a person with the rapporteur role on the session) writes a structured summary:
//! overview, key points (each optionally tied to a speaker), challenges, recommendations
//! (addressee, themes, priority, timeframe) and next steps. Every save is a version; the
//! rapporteur submits, an organizer approves or returns it with a comment, and the
//! rapporteur hears by email. Only approved summaries reach the reports. Reminders go out
//! before the due date and once it has passed.

pub mod api;
pub mod diff;
pub mod notify;
pub mod pages;
pub mod reminders;
pub mod service;
pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{optional_text, required_text};
use crate::error::{AppError, FieldErrors};

crate::string_enum!(SummaryStatus {
    Draft => "draft" as "Draft",
    Submitted => "submitted" as "Submitted",
    Approved => "approved" as "Approved",
    Returned => "returned" as "Returned",
});

impl SummaryStatus {
    /// The rapporteur may still change it.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

crate::string_enum!(
    /// What a version of a summary records.
    VersionAction {
        Saved => "saved" as "Saved",
        Submitted => "submitted" as "Submitted",
        Approved => "approved" as "Approved",
        Returned => "returned" as "Returned",
    }
);

crate::string_enum!(Priority {
    High => "high" as "High priority",
    Medium => "medium" as "Medium priority",
    Low => "low" as "Low priority",
});

crate::string_enum!(Timeframe {
    Immediate => "immediate" as "Immediate",
    ShortTerm => "short_term" as "Within a year",
    MediumTerm => "medium_term" as "One to three years",
    LongTerm => "long_term" as "Longer term",
});

/// Addressees offered to rapporteurs; others may be typed. A typed value that matches one
/// of these but for case is spelled as here, so that reports group them together.
pub const ADDRESSEES: &[&str] = &[
    "EU",
    "UN Security Council",
    "UN General Assembly",
    "UN Secretary-General",
    "African Union",
    "regional organizations",
    "governments",
    "civil society",
    "donors",
    "media",
];

const MAX_ITEMS: usize = 60;
const MAX_ITEM: usize = 2000;
const MAX_OVERVIEW: usize = 20_000;
const MAX_THEMES: usize = 8;

/// A point made in the session, optionally tied to one of its speakers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<i32>,
    #[serde(default)]
    pub text: String,
}

/// A recommendation of a summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    #[serde(default)]
    pub text: String,
    /// Who should act: "EU", "UN Security Council", "governments", "civil society"...
    #[serde(default)]
    pub addressee: String,
    /// From the organizers' vocabulary; new ones are allowed.
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<Timeframe>,
}

/// A recommendation as the editor or a program sends it; `priority` and `timeframe`
/// are checked into their closed sets with the other fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationInput {
    #[serde(default)]
    pub text: String,
    /// Who should act: "EU", "UN Security Council", "governments", "civil society"...
    #[serde(default)]
    pub addressee: String,
    /// From the organizers' vocabulary; new ones are allowed.
    #[serde(default)]
    pub themes: Vec<String>,
    /// `high`, `medium` or `low`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// `immediate`, `short_term`, `medium_term` or `long_term`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<String>,
}

impl From<&Recommendation> for RecommendationInput {
    fn from(r: &Recommendation) -> Self {
        Self {
            text: r.text.clone(),
            addressee: r.addressee.clone(),
            themes: r.themes.clone(),
            priority: r.priority.map(|p| p.as_str().to_string()),
            timeframe: r.timeframe.map(|t| t.as_str().to_string()),
        }
    }
}

/// What a rapporteur writes. Stored whole, as JSON, in the summary and each version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SummaryContent {
    /// Markdown.
    #[serde(default)]
    pub overview: String,
    #[serde(default)]
    pub key_points: Vec<KeyPoint>,
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// The language it is written in, when the rapporteur said (else the event's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::i18n::Language>,
}

/// The body of `PUT /api/v1/sessions/{id}/summary`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SummaryInput {
    #[serde(default)]
    pub overview: Option<String>,
    #[serde(default)]
    pub key_points: Vec<KeyPoint>,
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(default)]
    pub recommendations: Vec<RecommendationInput>,
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// The version this edit starts from; when given and no longer the latest, the save is
    /// refused (409) instead of overwriting someone else's work.
    #[serde(default)]
    pub version: Option<i32>,
    /// The language it is written in: `en`, `fr` or `es` (the event's when not given).
    /// The report shows it as written, marked with its language.
    #[serde(default)]
    pub language: Option<String>,
}

/// Canonical spelling of an addressee.
pub fn addressee(text: &str) -> String {
    ADDRESSEES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(text))
        .map_or_else(|| text.to_string(), |known| (*known).to_string())
}

/// The key under which themes are the same: case, accents of spacing and punctuation aside.
pub fn theme_key(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn list(errors: &mut FieldErrors, field: &str, items: Vec<String>) -> Vec<String> {
    if items.len() > MAX_ITEMS {
        errors.add(field, format!("must have at most {MAX_ITEMS} items"));
    }
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, text)| {
            errors
                .check(
                    &format!("{field}[{i}]"),
                    optional_text(Some(&text), MAX_ITEM, true),
                )
                .flatten()
        })
        .collect()
}

impl SummaryInput {
    /// Checks every field (naming each at fault, like `recommendations[1].addressee`) and
    /// drops blank list entries, which forms send for their empty rows.
    pub fn validate(self) -> Result<SummaryContent, AppError> {
        let mut errors = FieldErrors::new();
        let overview = errors
            .check(
                "overview",
                optional_text(self.overview.as_deref(), MAX_OVERVIEW, true),
            )
            .flatten()
            .unwrap_or_default();
        if self.key_points.len() > MAX_ITEMS {
            errors.add("key_points", format!("must have at most {MAX_ITEMS} items"));
        }
        let key_points = self
            .key_points
            .into_iter()
            .enumerate()
            .filter_map(|(i, point)| {
                let text = errors
                    .check(
                        &format!("key_points[{i}].text"),
                        optional_text(Some(&point.text), MAX_ITEM, true),
                    )
                    .flatten();
                match text {
                    Some(text) => Some(KeyPoint {
                        person_id: point.person_id,
                        text,
                    }),
                    None if point.person_id.is_some() && point.text.trim().is_empty() => {
                        errors.add(format!("key_points[{i}].text"), "is required");
                        None
                    }
                    None => None,
                }
            })
            .collect();
        let challenges = list(&mut errors, "challenges", self.challenges);
        let next_steps = list(&mut errors, "next_steps", self.next_steps);
        if self.recommendations.len() > MAX_ITEMS {
            errors.add(
                "recommendations",
                format!("must have at most {MAX_ITEMS} items"),
            );
        }
        let mut recommendations = Vec::new();
        for (i, r) in self.recommendations.into_iter().enumerate() {
            let field = |name: &str| format!("recommendations[{i}].{name}");
            let blank = r.text.trim().is_empty()
                && r.addressee.trim().is_empty()
                && r.themes.iter().all(|t| t.trim().is_empty());
            if blank {
                continue;
            }
            let text = errors.check(&field("text"), required_text_multiline(&r.text));
            let addressee = errors
                .check(&field("addressee"), required_text(Some(&r.addressee), 120))
                .map(|a| addressee(&a));
            let mut themes: Vec<String> = Vec::new();
            for (j, theme) in r.themes.iter().enumerate() {
                if let Some(Some(theme)) = errors.check(
                    &format!("recommendations[{i}].themes[{j}]"),
                    optional_text(Some(theme), 80, false),
                ) && !themes.iter().any(|t| theme_key(t) == theme_key(&theme))
                {
                    themes.push(theme);
                }
            }
            if themes.len() > MAX_THEMES {
                errors.add(
                    field("themes"),
                    format!("must have at most {MAX_THEMES} themes"),
                );
            }
            let priority = choice::<Priority>(&mut errors, &field("priority"), r.priority);
            let timeframe = choice::<Timeframe>(&mut errors, &field("timeframe"), r.timeframe);
            if let (Some(text), Some(addressee)) = (text, addressee) {
                recommendations.push(Recommendation {
                    text,
                    addressee,
                    themes,
                    priority,
                    timeframe,
                });
            }
        }
        let language = crate::i18n::field(self.language.as_deref(), &mut errors).flatten();
        errors.finish()?;
        Ok(SummaryContent {
            overview,
            key_points,
            challenges,
            recommendations,
            next_steps,
            language,
        })
    }
}

fn required_text_multiline(text: &str) -> Result<String, crate::domain::TextError> {
    optional_text(Some(text), MAX_ITEM, true)?.ok_or(crate::domain::TextError::Missing)
}

fn choice<T>(errors: &mut FieldErrors, field: &str, value: Option<String>) -> Option<T>
where
    T: std::str::FromStr<Err = crate::domain::NotOneOf>,
{
    let value = value.filter(|v| !v.trim().is_empty())?;
    errors.check(field, value.trim().parse::<T>())
}

impl SummaryContent {
    /// Nothing written (whatever language it is said to be in).
    pub fn is_empty(&self) -> bool {
        Self {
            language: None,
            ..self.clone()
        } == Self::default()
    }

    /// Every theme named by a recommendation.
    pub fn themes(&self) -> impl Iterator<Item = &str> {
        self.recommendations
            .iter()
            .flat_map(|r| r.themes.iter().map(String::as_str))
    }
}

/// A summary as its rapporteur and the organizers see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SummaryOut {
    pub session_id: i32,
    pub status: SummaryStatus,
    /// Rises by one on every save, submission, approval and return; 0 before the first.
    pub version: i32,
    pub overview: String,
    pub key_points: Vec<KeyPoint>,
    pub challenges: Vec<String>,
    pub recommendations: Vec<Recommendation>,
    pub next_steps: Vec<String>,
    /// The language it is written in, when the rapporteur said (else the event's).
    pub language: Option<crate::i18n::Language>,
    pub due_at: DateTime<Utc>,
    /// The due date has passed and the summary is not yet submitted.
    pub late: bool,
    /// The organizer's comment when it was last returned.
    pub review_comment: Option<String>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// The body of `.../return` (and, optionally, `.../approve`).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    pub comment: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(text: &str, addressee: &str, themes: &[&str]) -> RecommendationInput {
        RecommendationInput {
            text: text.into(),
            addressee: addressee.into(),
            themes: themes.iter().map(|t| (*t).to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn blank_rows_are_dropped_and_addressees_spelled_alike() {
        let content = SummaryInput {
            overview: Some("  The panel *agreed*.  ".into()),
            challenges: vec!["".into(), "Political will".into()],
            recommendations: vec![
                rec(
                    "Fund early warning",
                    "eu",
                    &["Early warning", "early  warning"],
                ),
                rec("", "", &[""]),
            ],
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(content.overview, "The panel *agreed*.");
        assert_eq!(content.challenges, ["Political will"]);
        assert_eq!(content.recommendations.len(), 1);
        assert_eq!(content.recommendations[0].addressee, "EU");
        assert_eq!(content.recommendations[0].themes, ["Early warning"]);
    }

    #[test]
    fn every_invalid_field_is_named() {
        let Err(AppError::Invalid(errors)) = SummaryInput {
            recommendations: vec![RecommendationInput {
                text: "Act".into(),
                priority: Some("urgent".into()),
                ..Default::default()
            }],
            key_points: vec![KeyPoint {
                person_id: Some(3),
                text: " ".into(),
            }],
            challenges: vec!["bell\u{7}".into()],
            ..Default::default()
        }
        .validate() else {
            panic!("accepted")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "key_points[0].text",
                "challenges[0]",
                "recommendations[0].addressee",
                "recommendations[0].priority"
            ]
        );
    }

    #[test]
    fn themes_are_the_same_whatever_their_case_and_spacing() {
        assert_eq!(theme_key("Early-warning  systems"), "early warning systems");
        assert_eq!(theme_key("ÉDUCATION"), "éducation");
    }
}
