//! World regions (a fixed list) and their optional sub-regions.

use std::fmt;

crate::string_enum!(
    /// The regions events and organizations are filed under.
    Region {
        Africa => "africa",
        Americas => "americas",
        AsiaPacific => "asia-pacific",
        Europe => "europe",
        MiddleEast => "middle-east",
        Global => "global",
    }
);

/// A sub-region, which always belongs to one region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubRegion {
    name: &'static str,
    region: Region,
}

const SUBREGIONS: &[(&str, Region)] = &[
    ("north-africa", Region::Africa),
    ("west-africa", Region::Africa),
    ("east-africa", Region::Africa),
    ("central-africa", Region::Africa),
    ("southern-africa", Region::Africa),
    ("great-lakes", Region::Africa),
    ("north-america", Region::Americas),
    ("latin-america-caribbean", Region::Americas),
    ("south-asia", Region::AsiaPacific),
    ("southeast-asia", Region::AsiaPacific),
    ("east-asia", Region::AsiaPacific),
    ("central-asia", Region::AsiaPacific),
    ("pacific", Region::AsiaPacific),
    ("western-europe", Region::Europe),
    ("northern-europe", Region::Europe),
    ("southern-europe", Region::Europe),
    ("eastern-europe", Region::Europe),
    ("gulf", Region::MiddleEast),
    ("levant", Region::MiddleEast),
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
            .find(|(name, _)| *name == value)
            .map(|&(name, region)| Self { name, region })
    }

    /// Every sub-region, grouped by region.
    pub fn all() -> impl Iterator<Item = SubRegion> {
        SUBREGIONS
            .iter()
            .map(|&(name, region)| SubRegion { name, region })
    }

    pub fn region(&self) -> Region {
        self.region
    }

    pub fn as_str(&self) -> &'static str {
        self.name
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
