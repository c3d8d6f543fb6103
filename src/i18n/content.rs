//! Content in several languages: an event, a session, a series or a report is written in
//! one language (its own), and may carry translations of some of its texts into the
//! others: `{"fr":{"title":"…","description":"…"}}`, stored as JSON beside the original.
//!
//! A reader gets their language where a translation of that text exists, and the
//! original elsewhere; a [`Text`] says which language it is in when that differs from
//! the page's, so that the page marks it (`lang="…"`) for screen readers and
//! hyphenation.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Language;
use crate::domain::optional_text;
use crate::error::FieldErrors;

/// Translations of a record's texts: language → field → text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct Translations(pub BTreeMap<Language, BTreeMap<String, String>>);

/// A text with the language it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub lang: Language,
    /// The language to mark it with: `Some` when it is not the page's.
    pub mark: Option<&'static str>,
}

impl Translations {
    /// The translations stored in a column (none when it is empty or unreadable).
    pub fn stored(column: Option<&str>) -> Self {
        column
            .and_then(|json| serde_json::from_str(json).ok())
            .unwrap_or_default()
    }

    /// For the column: `None` when there is none.
    pub fn to_column(&self) -> Option<String> {
        (!self.0.is_empty()).then(|| serde_json::to_string(self).unwrap_or_default())
    }

    /// The translation of `field` into `lang`, if there is one.
    pub fn get(&self, lang: Language, field: &str) -> Option<&str> {
        self.0.get(&lang)?.get(field).map(String::as_str)
    }

    /// `original` (written in `original_lang`) as a reader of `reader` gets it.
    pub fn pick(
        &self,
        original_lang: Language,
        reader: Language,
        field: &str,
        original: &str,
    ) -> Text {
        let (text, lang) = match self.get(reader, field) {
            Some(translated) if reader != original_lang => (translated.to_string(), reader),
            _ => (original.to_string(), original_lang),
        };
        Text {
            text,
            lang,
            mark: (lang != reader).then(|| lang.as_str()),
        }
    }

    /// Like [`pick`](Self::pick), for a text that may be absent.
    pub fn pick_opt(
        &self,
        original_lang: Language,
        reader: Language,
        field: &str,
        original: Option<&str>,
    ) -> Option<Text> {
        match (original, self.get(reader, field)) {
            (None, None) => None,
            (original, _) => Some(self.pick(original_lang, reader, field, original.unwrap_or(""))),
        }
        .filter(|t| !t.text.is_empty())
    }

    /// Replaces the translations into `lang` of `fields` by `texts` (empty ones dropped).
    pub fn set(&mut self, lang: Language, texts: BTreeMap<String, String>) {
        let texts: BTreeMap<String, String> = texts
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .collect();
        if texts.is_empty() {
            self.0.remove(&lang);
        } else {
            self.0.insert(lang, texts);
        }
    }
}

/// Translations as a program sends them: language code → field → text (`null` or "" for
/// none).
pub type TranslationsInput = BTreeMap<String, BTreeMap<String, Option<String>>>;

/// Stored translations in the shape a program sends them (for merge patches).
pub fn input_of(column: Option<&str>) -> TranslationsInput {
    Translations::stored(column)
        .0
        .into_iter()
        .map(|(lang, texts)| {
            (
                lang.as_str().to_string(),
                texts.into_iter().map(|(f, t)| (f, Some(t))).collect(),
            )
        })
        .collect()
}

/// Checks translations sent: languages of the interface other than the original, fields
/// among `fields` (name, longest length, whether it may span lines), texts within their
/// length. Errors are recorded under `translations.{lang}.{field}`.
pub fn validate(
    input: Option<TranslationsInput>,
    original_lang: Language,
    fields: &[(&str, usize, bool)],
    errors: &mut FieldErrors,
) -> Translations {
    let mut translations = Translations::default();
    for (code, texts) in input.unwrap_or_default() {
        let Ok(lang) = code.parse::<Language>() else {
            errors.add(format!("translations.{code}"), "must be en, fr or es");
            continue;
        };
        if lang == original_lang
            && texts
                .values()
                .any(|t| t.as_deref().is_some_and(|t| !t.trim().is_empty()))
        {
            errors.add(
                format!("translations.{code}"),
                "is the language the original is written in",
            );
            continue;
        }
        let mut kept = BTreeMap::new();
        for (field, text) in texts {
            let Some((_, max, multiline)) = fields.iter().find(|(name, _, _)| *name == field)
            else {
                let names: Vec<&str> = fields.iter().map(|(name, _, _)| *name).collect();
                errors.add(
                    format!("translations.{code}.{field}"),
                    format!("must be one of: {}", names.join(", ")),
                );
                continue;
            };
            if let Some(Some(text)) = errors.check(
                &format!("translations.{code}.{field}"),
                optional_text(text.as_deref(), *max, *multiline),
            ) {
                kept.insert(field, text);
            }
        }
        translations.set(lang, kept);
    }
    translations
}

/// The longest a translated text may be.
pub fn max_len(field: &str) -> usize {
    match field {
        "title" | "subtitle" => 300,
        "description" => 20_000,
        _ => 50_000,
    }
}

/// The translated fields of events.
pub const EVENT_FIELDS: &[(&str, usize, bool)] = &[
    ("title", 300, false),
    ("subtitle", 300, false),
    ("description", 20_000, true),
];
/// The translated fields of sessions and series.
pub const TITLE_AND_DESCRIPTION: &[(&str, usize, bool)] =
    &[("title", 300, false), ("description", 20_000, true)];
/// The translated fields of outcome reports.
pub const REPORT_FIELDS: &[(&str, usize, bool)] = &[
    ("introduction", 50_000, true),
    ("conclusions", 50_000, true),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn spanish_event() -> Translations {
        let mut t = Translations::default();
        t.set(
            Language::En,
            BTreeMap::from([("title".into(), "Dialogue on the R2P".into())]),
        );
        t
    }

    #[test]
    fn readers_get_their_language_and_the_original_elsewhere() {
        let t = spanish_event();
        let original = "Diálogo sobre la R2P";
        let english = t.pick(Language::Es, Language::En, "title", original);
        assert_eq!(
            (english.text.as_str(), english.mark),
            ("Dialogue on the R2P", None)
        );
        let spanish = t.pick(Language::Es, Language::Es, "title", original);
        assert_eq!((spanish.text.as_str(), spanish.mark), (original, None));
        // No French translation: the Spanish original, marked as Spanish.
        let french = t.pick(Language::Es, Language::Fr, "title", original);
        assert_eq!((french.text.as_str(), french.mark), (original, Some("es")));
        // No translation of the subtitle into English.
        let subtitle = t.pick_opt(Language::Es, Language::En, "subtitle", Some("Perspectivas"));
        assert_eq!(subtitle.and_then(|s| s.mark), Some("es"));
        assert!(
            t.pick_opt(Language::Es, Language::En, "description", None)
                .is_none()
        );
    }

    #[test]
    fn translations_are_checked_field_by_field() {
        let mut errors = FieldErrors::new();
        let input: TranslationsInput = serde_json::from_value(serde_json::json!({
            "fr": {"title": "Dialogue", "description": "", "venue": "Salle"},
            "de": {"title": "Dialog"},
            "es": {"title": "x"},
        }))
        .unwrap();
        let t = validate(Some(input), Language::Es, EVENT_FIELDS, &mut errors);
        assert_eq!(t.get(Language::Fr, "title"), Some("Dialogue"));
        assert_eq!(t.get(Language::Fr, "description"), None);
        let fields: Vec<String> = errors.fields().map(str::to_string).collect();
        assert_eq!(
            fields,
            [
                "translations.de",
                "translations.es",
                "translations.fr.venue"
            ]
        );
        // Stored and read back.
        assert_eq!(Translations::stored(t.to_column().as_deref()), t);
        assert_eq!(
            Translations::stored(Some("not json")),
            Translations::default()
        );
    }
}
