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

    /// Every country as (code, name in `lang`), sorted as `lang` sorts, for choosers.
    pub fn all_in(lang: crate::i18n::Language) -> Vec<(&'static str, String)> {
        let mut all: Vec<_> = isocountry::CountryCode::iter()
            .map(|c| (c.alpha2(), Self(*c).name_in(lang)))
            .collect();
        super::collation::sort_by_name_in(lang, &mut all, |(_, name)| name);
        all
    }

    /// Every country as (code, name), by name, for choosers.
    pub fn all() -> Vec<(&'static str, &'static str)> {
        let mut all: Vec<_> = isocountry::CountryCode::iter()
            .map(|c| (c.alpha2(), c.name()))
            .collect();
        super::collation::sort_by_name(&mut all, |(_, name)| name);
        all
    }

    /// The country a person means by `text`: its two- or three-letter code, its ISO name
    /// ("Tanzania, United Republic of"), the name before the ISO qualifier ("Tanzania",
    /// "Bolivia"), or a common name ISO words otherwise ("United Kingdom", "Russia").
    /// Accents and case aside.
    pub fn find(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(code) = Self::parse(text) {
            return Some(code);
        }
        if text.len() == 3
            && let Ok(code) = isocountry::CountryCode::for_alpha3_caseless(text)
        {
            return Some(Self(code));
        }
        let wanted = super::folded(text).replace(['’', '`'], "'");
        if let Some(&(_, code)) = COMMON_NAMES.iter().find(|(name, _)| *name == wanted) {
            return Self::parse(code).ok();
        }
        if let Some(code) =
            isocountry::CountryCode::iter().find(|c| super::folded(c.name()) == wanted)
        {
            return Some(Self(*code));
        }
        let mut found = isocountry::CountryCode::iter().filter(|c| {
            let name = super::folded(c.name());
            name.split([',', '(']).next().unwrap_or_default().trim() == wanted
        });
        match (found.next(), found.next()) {
            (Some(code), None) => Some(Self(*code)),
            _ => None,
        }
    }

    /// The English short name, e.g. "Belgium".
    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The country's name in `lang`: ISO's English short name in English, CLDR's name
    /// elsewhere ("Allemagne", "Alemania"), English where CLDR has none.
    pub fn name_in(&self, lang: crate::i18n::Language) -> String {
        use std::collections::HashMap;
        static NAMES: std::sync::LazyLock<Vec<(crate::i18n::Language, HashMap<&str, String>)>> =
            std::sync::LazyLock::new(|| {
                use icu_experimental::displaynames::multi::RegionDisplayNames;
                crate::i18n::Language::ALL
                    .iter()
                    .filter(|l| **l != crate::i18n::Language::En)
                    .filter_map(|lang| {
                        let locale: icu_locale_core::Locale = lang.as_str().parse().ok()?;
                        let names =
                            RegionDisplayNames::try_new((&locale).into(), Default::default())
                                .ok()?;
                        let named = isocountry::CountryCode::iter()
                            .filter_map(|c| {
                                let region = c.alpha2().parse().ok()?;
                                Some((c.alpha2(), names.of(region)?.to_string()))
                            })
                            .collect();
                        Some((*lang, named))
                    })
                    .collect()
            });
        NAMES
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, names)| names.get(self.as_str()).cloned())
            .unwrap_or_else(|| self.name().to_string())
    }

    /// A stored code's country in words; the code itself when it names none.
    pub fn name_of(code: &str) -> String {
        Self::parse(code).map_or_else(|_| code.to_string(), |c| c.name().to_string())
    }
}

/// Names in common use that are not ISO's, folded, with their code.
const COMMON_NAMES: &[(&str, &str)] = &[
    ("united kingdom", "GB"),
    ("uk", "GB"),
    ("great britain", "GB"),
    ("united states", "US"),
    ("usa", "US"),
    ("russia", "RU"),
    ("syria", "SY"),
    ("iran", "IR"),
    ("laos", "LA"),
    ("vietnam", "VN"),
    ("south korea", "KR"),
    ("north korea", "KP"),
    ("democratic republic of the congo", "CD"),
    ("drc", "CD"),
    ("dr congo", "CD"),
    ("republic of the congo", "CG"),
    ("ivory coast", "CI"),
    ("cote d'ivoire", "CI"),
    ("palestine", "PS"),
    ("north macedonia", "MK"),
    ("turkiye", "TR"),
    ("czech republic", "CZ"),
    ("the netherlands", "NL"),
    ("holland", "NL"),
    ("cape verde", "CV"),
    ("swaziland", "SZ"),
    ("eswatini", "SZ"),
    ("burma", "MM"),
    ("myanmar", "MM"),
    ("east timor", "TL"),
    ("timor-leste", "TL"),
];

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_named_in_each_language() {
        use crate::i18n::Language;
        let germany = CountryCode::parse("DE").unwrap();
        assert_eq!(germany.name_in(Language::En), "Germany");
        assert_eq!(germany.name_in(Language::Fr), "Allemagne");
        assert_eq!(germany.name_in(Language::Es), "Alemania");
        // Sorted as each language sorts its own names.
        let spanish = CountryCode::all_in(Language::Es);
        let at = |code: &str| spanish.iter().position(|(c, _)| *c == code).unwrap();
        assert!(at("DE") < at("AR"), "Alemania before Argentina");
        assert_eq!(spanish.len(), CountryCode::all().len());
    }

    #[test]
    fn codes_are_upper_cased() {
        assert_eq!(CountryCode::parse("be").unwrap().as_str(), "BE");
        assert_eq!(CountryCode::parse("ZA").unwrap().name(), "South Africa");
    }

    #[test]
    fn a_country_is_found_by_code_iso_name_short_name_or_common_name() {
        let find = |text| CountryCode::find(text).map(|c| c.as_str());
        assert_eq!(find("ke"), Some("KE"));
        assert_eq!(find("KEN"), Some("KE"));
        assert_eq!(find("Kenya"), Some("KE"));
        assert_eq!(find("  BELGIUM "), Some("BE"));
        assert_eq!(find("Tanzania"), Some("TZ"));
        assert_eq!(find("Cote d’Ivoire"), Some("CI"));
        assert_eq!(find("Côte d'Ivoire"), Some("CI"));
        assert_eq!(find("United Kingdom"), Some("GB"));
        assert_eq!(find("Democratic Republic of the Congo"), Some("CD"));
        assert_eq!(find("Congo"), Some("CG"));
        assert_eq!(find("Korea"), None, "two Koreas: ambiguous");
        assert_eq!(find("Narnia"), None);
        assert_eq!(find(""), None);
    }

    #[test]
    fn unknown_codes_and_names_are_refused() {
        for bad in ["", "XX", "BEL", "Belgium", "U"] {
            assert!(CountryCode::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
