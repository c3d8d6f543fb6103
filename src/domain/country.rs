//! ISO 3166-1 alpha-2 country codes.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be an ISO 3166-1 alpha-2 country code such as BE or ZA")]
pub struct InvalidCountry;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode(isocountry::CountryCode);

impl CountryCode {
    pub fn parse(value: &str) -> Result<Self, InvalidCountry> {
        let value = value.trim();
        if value.len() != 2 {
            return Err(InvalidCountry);
        }
        isocountry::CountryCode::for_alpha2_caseless(value)
            .map(Self)
            .map_err(|_| InvalidCountry)
    }

    pub fn as_str(&self) -> &'static str {
        self.0.alpha2()
    }

    /// Every country as (code, name), by name, for choosers.
    pub fn all() -> Vec<(&'static str, &'static str)> {
        let mut all: Vec<_> = isocountry::CountryCode::iter()
            .map(|c| (c.alpha2(), c.name()))
            .collect();
        super::collation::sort_by_name(&mut all, |(_, name)| name);
        all
    }

    /// The English short name, e.g. "Belgium".
    pub fn name(&self) -> &'static str {
        self.0.name()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_upper_cased() {
        assert_eq!(CountryCode::parse("be").unwrap().as_str(), "BE");
        assert_eq!(CountryCode::parse("ZA").unwrap().name(), "South Africa");
    }

    #[test]
    fn unknown_codes_and_names_are_refused() {
        for bad in ["", "XX", "BEL", "Belgium", "U"] {
            assert!(CountryCode::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
