//! World regions (a fixed list) and their optional sub-regions.

use std::fmt;

crate::string_enum!(
    /// The regions events and organizations are filed under.
    Region {
        Africa => "africa" as "Africa",
        Americas => "americas" as "Americas",
        AsiaPacific => "asia-pacific" as "Asia-Pacific",
        Europe => "europe" as "Europe",
        MiddleEast => "middle-east" as "Middle East",
        Global => "global" as "Global",
    }
);

/// A sub-region, which always belongs to one region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubRegion {
    name: &'static str,
    region: Region,
    label: &'static str,
}

const SUBREGIONS: &[(&str, Region, &str)] = &[
    ("north-africa", Region::Africa, "North Africa"),
    ("west-africa", Region::Africa, "West Africa"),
    ("east-africa", Region::Africa, "East Africa"),
    ("central-africa", Region::Africa, "Central Africa"),
    ("southern-africa", Region::Africa, "Southern Africa"),
    ("great-lakes", Region::Africa, "Great Lakes"),
    ("north-america", Region::Americas, "North America"),
    (
        "latin-america-caribbean",
        Region::Americas,
        "Latin America and the Caribbean",
    ),
    ("south-asia", Region::AsiaPacific, "South Asia"),
    ("southeast-asia", Region::AsiaPacific, "Southeast Asia"),
    ("east-asia", Region::AsiaPacific, "East Asia"),
    ("central-asia", Region::AsiaPacific, "Central Asia"),
    ("pacific", Region::AsiaPacific, "Pacific"),
    ("western-europe", Region::Europe, "Western Europe"),
    ("northern-europe", Region::Europe, "Northern Europe"),
    ("southern-europe", Region::Europe, "Southern Europe"),
    ("eastern-europe", Region::Europe, "Eastern Europe"),
    ("gulf", Region::MiddleEast, "Gulf"),
    ("levant", Region::MiddleEast, "Levant"),
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidRegion {
    #[error("must be one of: africa, americas, asia-pacific, europe, middle-east, global")]
    Unknown,
    #[error("is not a sub-region of {0}")]
    NotWithin(Region),
    #[error("is not a known sub-region")]
    UnknownSubRegion,
}

impl SubRegion {
    pub fn parse(value: &str) -> Option<Self> {
        SUBREGIONS
            .iter()
            .find(|(name, _, _)| *name == value)
            .map(|&(name, region, label)| Self {
                name,
                region,
                label,
            })
    }

    /// Every sub-region, grouped by region.
    pub fn all() -> impl Iterator<Item = SubRegion> {
        SUBREGIONS.iter().map(|&(name, region, label)| SubRegion {
            name,
            region,
            label,
        })
    }

    pub fn region(&self) -> Region {
        self.region
    }

    pub fn as_str(&self) -> &'static str {
        self.name
    }

    /// In words: "Latin America and the Caribbean".
    pub fn label(&self) -> &'static str {
        self.label
    }

    /// Reads a `region` and optional `subregion` pair. A sub-region given as the region
    /// (`"region": "north-america"`) is understood as that sub-region of its region.
    pub fn resolve(
        region: &str,
        subregion: Option<&str>,
    ) -> Result<(Region, Option<SubRegion>), (&'static str, InvalidRegion)> {
        let region = region.trim();
        let (region, implied) = match region.parse::<Region>() {
            Ok(region) => (region, None),
            Err(_) => match SubRegion::parse(region) {
                Some(sub) => (sub.region, Some(sub)),
                None => return Err(("region", InvalidRegion::Unknown)),
            },
        };
        let sub = match subregion.map(str::trim).filter(|s| !s.is_empty()) {
            None => implied,
            Some(text) => {
                let sub =
                    SubRegion::parse(text).ok_or(("subregion", InvalidRegion::UnknownSubRegion))?;
                if sub.region != region {
                    return Err(("subregion", InvalidRegion::NotWithin(region)));
                }
                Some(sub)
            }
        };
        Ok((region, sub))
    }
}

/// The sub-region each country is usually filed under by the coalitions Roundtable
/// serves (the list's own regions, not the UN's: North Africa is Africa, the Gulf and the
/// Levant are the Middle East). A proposal the organizer may change, not a rule.
const COUNTRIES: &[(&str, &str)] = &[
    ("north-africa", "DZ EG LY MA SD TN EH"),
    (
        "west-africa",
        "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    ),
    (
        "east-africa",
        "DJ ER ET KE SO SS TZ UG SC MU KM MG YT RE IO",
    ),
    ("central-africa", "AO CM CF TD CG GA GQ ST"),
    ("great-lakes", "BI RW CD"),
    ("southern-africa", "BW LS NA ZA SZ ZM ZW MW MZ"),
    ("north-america", "US CA BM PM GL"),
    (
        "latin-america-caribbean",
        "MX GT BZ SV HN NI CR PA CU DO HT JM BS BB TT AG DM GD KN LC VC AR BO BR CL CO EC GY \
         PY PE SR UY VE PR VG VI AI AW BQ CW SX KY MS TC GP MQ BL MF GF FK",
    ),
    ("south-asia", "AF BD BT IN MV NP PK LK"),
    ("southeast-asia", "BN KH ID LA MY MM PH SG TH TL VN"),
    ("east-asia", "CN HK MO JP KP KR MN TW"),
    ("central-asia", "KZ KG TJ TM UZ"),
    (
        "pacific",
        "AU NZ FJ PG SB VU NC PF WS TO TV KI NR MH FM PW CK NU TK WF AS GU MP PN NF",
    ),
    ("western-europe", "AT BE FR DE LI LU MC NL CH IE GB AD"),
    (
        "northern-europe",
        "DK EE FI IS LV LT NO SE FO AX SJ GG JE IM",
    ),
    (
        "southern-europe",
        "AL BA HR CY GR IT MT ME MK PT SM RS SI ES VA GI TR",
    ),
    ("eastern-europe", "BY BG CZ HU MD PL RO RU SK UA AM AZ GE"),
    ("gulf", "BH KW OM QA SA AE YE IQ IR"),
    ("levant", "IL JO LB PS SY"),
];

impl SubRegion {
    /// The sub-region (and so the region) a country is usually filed under.
    pub fn of_country(code: &str) -> Option<SubRegion> {
        let code = code.trim().to_ascii_uppercase();
        COUNTRIES
            .iter()
            .find(|(_, codes)| codes.split_whitespace().any(|c| c == code))
            .and_then(|(sub, _)| SubRegion::parse(sub))
    }
}

impl fmt::Display for SubRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_proposes_its_region() {
        let of = |c| SubRegion::of_country(c).map(|s| (s.region().as_str(), s.as_str()));
        assert_eq!(of("KE"), Some(("africa", "east-africa")));
        assert_eq!(of("be"), Some(("europe", "western-europe")));
        assert_eq!(of("LB"), Some(("middle-east", "levant")));
        assert_eq!(of("AR"), Some(("americas", "latin-america-caribbean")));
        assert_eq!(of("AQ"), None);
        // Every sub-region of the list is reached, and no country is filed twice.
        let mut seen = std::collections::HashSet::new();
        for (sub, codes) in COUNTRIES {
            assert!(SubRegion::parse(sub).is_some(), "{sub}");
            for code in codes.split_whitespace() {
                assert!(seen.insert(code), "{code} is filed twice");
                assert!(crate::domain::CountryCode::parse(code).is_ok(), "{code}");
            }
        }
    }

    #[test]
    fn regions_come_from_the_fixed_list() {
        assert_eq!("europe".parse::<Region>().unwrap(), Region::Europe);
        assert!("Europe".parse::<Region>().is_err());
        assert!("antarctica".parse::<Region>().is_err());
    }

    #[test]
    fn a_subregion_given_as_region_finds_its_region() {
        let (region, sub) = SubRegion::resolve("north-america", None).unwrap();
        assert_eq!(region, Region::Americas);
        assert_eq!(sub.unwrap().as_str(), "north-america");
    }

    #[test]
    fn subregions_must_lie_within_their_region() {
        assert!(SubRegion::resolve("africa", Some("west-africa")).is_ok());
        assert_eq!(
            SubRegion::resolve("europe", Some("west-africa")).unwrap_err(),
            ("subregion", InvalidRegion::NotWithin(Region::Europe))
        );
        assert_eq!(
            SubRegion::resolve("europe", Some("atlantis"))
                .unwrap_err()
                .0,
            "subregion"
        );
    }
}
