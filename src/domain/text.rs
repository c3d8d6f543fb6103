//! Free text fields: trimmed, bounded, free of control characters.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("is required")]
    Missing,
    #[error("must be at most {0} characters")]
    TooLong(usize),
    #[error("must not contain control characters")]
    ControlCharacters,
}

fn clean(value: &str, max: usize, multiline: bool) -> Result<String, TextError> {
    let trimmed = value.trim();
    if trimmed.chars().count() > max {
        return Err(TextError::TooLong(max));
    }
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    if !trimmed.chars().all(allowed) {
        return Err(TextError::ControlCharacters);
    }
    Ok(trimmed.to_string())
}

/// A required single-line text of at most `max` characters.
pub fn required_text(value: Option<&str>, max: usize) -> Result<String, TextError> {
    let text = clean(value.unwrap_or(""), max, false)?;
    if text.is_empty() {
        return Err(TextError::Missing);
    }
    Ok(text)
}

/// An optional text of at most `max` characters; blank becomes `None`. Multi-line texts
/// (descriptions, biographies) keep their line breaks.
pub fn optional_text(
    value: Option<&str>,
    max: usize,
    multiline: bool,
) -> Result<Option<String>, TextError> {
    match value {
        None => Ok(None),
        Some(value) => {
            let text = clean(value, max, multiline)?;
            Ok((!text.is_empty()).then_some(text))
        }
    }
}

/// Text for matching what someone typed: lower case, without accents ("Ñúñez" →
/// "nunez", "LAMPRIÈRE" → "lampriere").
pub fn folded(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A web address people may follow: `http` or `https`, at most 2,000 characters, as
/// parsed (normalized); the message to show when it is not one.
pub fn web_address(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    match url::Url::parse(text) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && text.len() <= 2000 => {
            Ok(parsed.to_string())
        }
        _ => Err("must be an http:// or https:// address"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_http_or_https_only() {
        assert_eq!(
            web_address(" https://eeas.europa.eu/x ").as_deref(),
            Ok("https://eeas.europa.eu/x")
        );
        for bad in ["javascript:alert(1)", "ftp://x.org/", "eeas.europa.eu", ""] {
            assert!(web_address(bad).is_err(), "{bad}");
        }
        assert!(web_address(&format!("https://x.org/{}", "a".repeat(2000))).is_err());
    }

    #[test]
    fn required_text_is_trimmed_and_must_not_be_blank() {
        assert_eq!(required_text(Some("  Panel  "), 10).unwrap(), "Panel");
        assert_eq!(required_text(Some("   "), 10), Err(TextError::Missing));
        assert_eq!(required_text(None, 10), Err(TextError::Missing));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(required_text(Some("LAMPRIÈRE"), 9).is_ok());
        assert_eq!(
            required_text(Some("LAMPRIÈRES"), 9),
            Err(TextError::TooLong(9))
        );
    }

    #[test]
    fn line_breaks_only_in_multiline_text() {
        assert_eq!(
            required_text(Some("a\nb"), 10),
            Err(TextError::ControlCharacters)
        );
        assert_eq!(
            optional_text(Some("a\nb"), 10, true).unwrap(),
            Some("a\nb".into())
        );
        assert_eq!(optional_text(Some(" "), 10, true).unwrap(), None);
    }
}
