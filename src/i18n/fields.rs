//! What is wrong with a field, in the reader's language. Field errors are made in English
//! where the input is checked (the domain's types say "is required", "must be at most 120
//! characters"); pages and problem documents say them in the request's language through
//! [`message`], which knows each wording by its pattern. A wording not known yet stays in
//! English.

use fluent_templates::fluent_bundle::FluentValue;

use super::{Language, t, t_args};
use crate::error::FieldError;

/// Each English wording and its message id; `{n}` stands for a number, `{text}` for the
/// rest of the sentence.
const PATTERNS: &[(&str, &str)] = &[
    ("is required", "field-required"),
    ("must be at most {n} characters", "field-too-long"),
    (
        "must not contain control characters",
        "field-control-characters",
    ),
    ("is not a valid email address", "field-email"),
    ("must be given to register", "field-consent"),
    (
        "must be an ISO 3166-1 alpha-2 country code such as BE or ZA",
        "field-country",
    ),
    ("must be en, fr or es", "field-language"),
    ("must be an http:// or https:// address", "field-url"),
    ("must be one of: {text}", "field-one-of"),
    ("must be after the start", "field-after-start"),
    (
        "this email is already registered for the event",
        "registration-already",
    ),
    ("the event is full", "registration-full"),
    ("is invalid", "field-invalid"),
];

/// `english` in `lang`, where its wording is known.
pub fn message(lang: Language, english: &str) -> String {
    if lang == Language::En {
        return english.to_string();
    }
    for (pattern, id) in PATTERNS {
        if let Some(args) = matches(pattern, english) {
            return match args {
                Arg::None => t(lang, id),
                Arg::Number(n) => t_args(lang, id, &[("n", FluentValue::from(n))]),
                Arg::Text(text) => t_args(lang, id, &[("text", FluentValue::from(text))]),
            };
        }
    }
    english.to_string()
}

/// Field errors in `lang`.
pub fn translated(lang: Language, errors: &[FieldError]) -> Vec<FieldError> {
    errors
        .iter()
        .map(|e| FieldError::new(e.field.clone(), message(lang, &e.message)))
        .collect()
}

enum Arg<'a> {
    None,
    Number(u64),
    Text(&'a str),
}

/// Whether `text` has the wording of `pattern`, and what stands in its placeholder.
fn matches<'a>(pattern: &str, text: &'a str) -> Option<Arg<'a>> {
    for (placeholder, number) in [("{n}", true), ("{text}", false)] {
        if let Some((before, after)) = pattern.split_once(placeholder) {
            let middle = text.strip_prefix(before)?.strip_suffix(after)?;
            return if number {
                middle.parse().ok().map(Arg::Number)
            } else {
                Some(Arg::Text(middle))
            };
        }
    }
    (pattern == text).then_some(Arg::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_wordings_are_said_in_each_language() {
        assert_eq!(message(Language::Es, "is required"), "es obligatorio");
        assert_eq!(
            message(Language::Fr, "must be at most 120 characters"),
            "doit compter au plus 120 caractères"
        );
        assert_eq!(
            message(Language::Es, "must be one of: open, closed"),
            "debe ser uno de: open, closed"
        );
        assert_eq!(message(Language::En, "is required"), "is required");
        // Unknown wordings stay as they are.
        assert_eq!(message(Language::Fr, "is odd"), "is odd");
        assert_eq!(
            message(Language::Fr, "must be at most many characters"),
            "must be at most many characters"
        );
    }

    #[test]
    fn every_pattern_has_its_message() {
        for lang in [Language::Fr, Language::Es] {
            for (_, id) in PATTERNS {
                let said = t_args(
                    lang,
                    id,
                    &[
                        ("n", FluentValue::from(3)),
                        ("text", FluentValue::from("a")),
                    ],
                );
                assert_ne!(said, *id, "{lang}: {id} has no message");
            }
        }
    }
}
