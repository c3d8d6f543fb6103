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

impl fmt::Display for SubRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
