//! URL slugs for events and series: lower-case ASCII words joined by hyphens, never all
//! digits (a path segment of digits is read as an id).

use std::fmt;

const MAX_LEN: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidSlug {
    #[error("must be lower-case letters, digits and single hyphens, at most {MAX_LEN} characters")]
    Shape,
    #[error("must contain a letter (digits alone would read as an id)")]
    DigitsOnly,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(value: &str) -> Result<Self, InvalidSlug> {
        let ok_chars = value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if value.is_empty()
            || value.len() > MAX_LEN
            || !ok_chars
            || value.starts_with('-')
            || value.ends_with('-')
            || value.contains("--")
        {
            return Err(InvalidSlug::Shape);
        }
        if value.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return Err(InvalidSlug::DigitsOnly);
        }
        Ok(Self(value.to_string()))
    }

    /// A slug made from a title: accents folded ("Ñúñez" becomes "nunez"), words joined.
    pub fn from_title(title: &str) -> Self {
        let mut text = slug::slugify(title);
        if text.len() > MAX_LEN {
            text.truncate(MAX_LEN);
            text = text.trim_end_matches('-').to_string();
        }
        match Self::parse(&text) {
            Ok(slug) => slug,
            Err(_) if text.is_empty() => Self("untitled".to_string()),
            Err(_) => Self(format!("n-{text}")),
        }
    }

    /// The same slug with a numeric suffix, for when the plain one is taken.
    pub fn with_suffix(&self, n: u32) -> Self {
        let suffix = format!("-{n}");
        let mut base = self.0.clone();
        base.truncate(MAX_LEN - suffix.len());
        Self(format!("{}{suffix}", base.trim_end_matches('-')))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_slugs() {
        assert_eq!(
            Slug::from_title("Making a difference: Brussels 2009").as_str(),
            "making-a-difference-brussels-2009"
        );
        assert_eq!(
            Slug::from_title("Ñúñez & LAMPRIÈRE").as_str(),
            "nunez-lampriere"
        );
        assert_eq!(Slug::from_title("2008").as_str(), "n-2008");
        assert_eq!(Slug::from_title("!!!").as_str(), "untitled");
        assert!(Slug::from_title(&"word ".repeat(40)).as_str().len() <= MAX_LEN);
    }

    #[test]
    fn given_slugs_must_be_clean() {
        assert!(Slug::parse("bangkok-2008").is_ok());
        for bad in ["", "Bangkok", "a--b", "-a", "a-", "a b", "12", "1-2", "é"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn suffixes_keep_slugs_valid() {
        let long = Slug::from_title(&"x".repeat(200));
        assert!(Slug::parse(long.with_suffix(12).as_str()).is_ok());
        assert_eq!(
            Slug::parse("accra").unwrap().with_suffix(2).as_str(),
            "accra-2"
        );
    }
}
