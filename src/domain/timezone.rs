//! IANA time zones, the frame in which an event's wall times are given and shown.

use std::fmt;

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be an IANA time zone such as Europe/Brussels")]
pub struct InvalidTimeZone;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WallTimeError {
    #[error("does not exist in {0} (the clocks skip it)")]
    Skipped(String),
    #[error("is ambiguous in {0} (the clocks pass it twice); give the offset")]
    Ambiguous(String),
}

/// An IANA time zone; stored as its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sea_orm::DeriveValueType)]
#[sea_orm(value_type = "String")]
pub struct TimeZone(Tz);

impl std::str::FromStr for TimeZone {
    type Err = InvalidTimeZone;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Self::parse(value)
    }
}

impl TimeZone {
    pub fn parse(value: &str) -> Result<Self, InvalidTimeZone> {
        value
            .trim()
            .parse::<Tz>()
            .map(Self)
            .map_err(|_| InvalidTimeZone)
    }

    /// The zone a person means: its IANA name, or a city, accents and case aside
    /// ("Nairobi", "buenos aires", "Geneva"). `Err` carries up to three zones whose city
    /// begins like what was typed, to suggest.
    pub fn find(text: &str) -> Result<Self, Vec<&'static str>> {
        if let Ok(zone) = Self::parse(text) {
            return Ok(zone);
        }
        let wanted = city_key(text);
        if wanted.is_empty() {
            return Err(Vec::new());
        }
        if let Some(&(_, name)) = CITIES.iter().find(|(city, _)| *city == wanted) {
            return Self::parse(name).map_err(|_| Vec::new());
        }
        let zones = || {
            chrono_tz::TZ_VARIANTS
                .iter()
                .filter(|tz| tz.name().contains('/') && !tz.name().starts_with("Etc/"))
        };
        // A city named twice is an old name kept as a link ("America/Buenos_Aires"):
        // the longer, current name wins.
        let found = zones()
            .filter(|tz| city_key(city_of(tz.name())) == wanted)
            .max_by_key(|tz| tz.name().matches('/').count());
        // The first three letters (not bytes: a name may be in any script).
        let prefix: String = wanted.chars().take(3).collect();
        match found {
            Some(tz) => Ok(Self(*tz)),
            None => Err(zones()
                .filter(|tz| city_key(city_of(tz.name())).starts_with(&prefix))
                .map(|tz| tz.name())
                .take(3)
                .collect()),
        }
    }

    /// The zone's city in words: "Buenos Aires" for America/Argentina/Buenos_Aires.
    pub fn city(&self) -> String {
        city_of(self.name()).replace('_', " ")
    }

    pub fn tz(&self) -> Tz {
        self.0
    }

    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The instant a wall-clock time in this zone stands for.
    pub fn from_wall_time(&self, local: NaiveDateTime) -> Result<DateTime<Utc>, WallTimeError> {
        match self.0.from_local_datetime(&local) {
            LocalResult::Single(time) => Ok(time.with_timezone(&Utc)),
            LocalResult::Ambiguous(_, _) => Err(WallTimeError::Ambiguous(self.name().into())),
            LocalResult::None => Err(WallTimeError::Skipped(self.name().into())),
        }
    }

    /// An instant as RFC 3339 with this zone's offset at that instant.
    pub fn format(&self, instant: DateTime<Utc>) -> String {
        instant
            .with_timezone(&self.0)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }

    pub fn local(&self, instant: DateTime<Utc>) -> DateTime<Tz> {
        instant.with_timezone(&self.0)
    }
}

/// The last part of a zone's name: its city.
fn city_of(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// A city's name for matching: folded, underscores and hyphens as spaces, and what a
/// chooser's label adds ("Nairobi (Africa/Nairobi)") left out.
fn city_key(text: &str) -> String {
    let text = text.split('(').next().unwrap_or(text);
    super::folded(text)
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cities where coalitions meet whose zone bears another city's name.
const CITIES: &[(&str, &str)] = &[
    ("geneva", "Europe/Zurich"),
    ("bern", "Europe/Zurich"),
    ("the hague", "Europe/Amsterdam"),
    ("strasbourg", "Europe/Paris"),
    ("frankfurt", "Europe/Berlin"),
    ("bonn", "Europe/Berlin"),
    ("milan", "Europe/Rome"),
    ("barcelona", "Europe/Madrid"),
    ("edinburgh", "Europe/London"),
    ("washington", "America/New_York"),
    ("washington dc", "America/New_York"),
    ("boston", "America/New_York"),
    ("ottawa", "America/Toronto"),
    ("san francisco", "America/Los_Angeles"),
    ("brasilia", "America/Sao_Paulo"),
    ("rio de janeiro", "America/Sao_Paulo"),
    ("quito", "America/Guayaquil"),
    ("new delhi", "Asia/Kolkata"),
    ("delhi", "Asia/Kolkata"),
    ("mumbai", "Asia/Kolkata"),
    ("beijing", "Asia/Shanghai"),
    ("islamabad", "Asia/Karachi"),
    ("astana", "Asia/Almaty"),
    ("hanoi", "Asia/Ho_Chi_Minh"),
    ("abu dhabi", "Asia/Dubai"),
    ("canberra", "Australia/Sydney"),
    ("wellington", "Pacific/Auckland"),
    ("pretoria", "Africa/Johannesburg"),
    ("cape town", "Africa/Johannesburg"),
    ("abuja", "Africa/Lagos"),
    ("arusha", "Africa/Dar_es_Salaam"),
    ("goma", "Africa/Lubumbashi"),
];

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_is_found_by_its_city() {
        let find = |text| TimeZone::find(text).map(|z| z.name());
        assert_eq!(find("Nairobi"), Ok("Africa/Nairobi"));
        assert_eq!(find("buenos aires"), Ok("America/Argentina/Buenos_Aires"));
        assert_eq!(find("New York"), Ok("America/New_York"));
        assert_eq!(find("Geneva"), Ok("Europe/Zurich"));
        assert_eq!(find("Nairobi (Africa/Nairobi)"), Ok("Africa/Nairobi"));
        assert_eq!(find("Europe/Brussels"), Ok("Europe/Brussels"));
        assert_eq!(find("  Kampala "), Ok("Africa/Kampala"));
        assert_eq!(TimeZone::parse("Africa/Nairobi").unwrap().city(), "Nairobi");
    }

    #[test]
    fn a_place_that_is_no_zone_gets_suggestions() {
        let Err(suggestions) = TimeZone::find("Nairobbi") else {
            panic!("a misspelt city was taken");
        };
        assert!(suggestions.contains(&"Africa/Nairobi"), "{suggestions:?}");
        assert_eq!(TimeZone::find(""), Err(Vec::new()));
    }
    use chrono::NaiveDate;

    fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn a_name_in_another_script_gets_suggestions_or_none_never_a_panic() {
        // Found by schemathesis: the first three bytes of "Ñúñ" cut a letter in two.
        assert!(TimeZone::find("Ñúñez").is_err());
        assert!(TimeZone::find("\u{92}\u{1b}\r¤E").is_err());
        assert!(TimeZone::find("東京").is_err());
        assert_eq!(TimeZone::find("Nai").unwrap_err(), vec!["Africa/Nairobi"]);
    }

    #[test]
    fn brussels_in_june_is_two_hours_ahead() {
        let zone = TimeZone::parse("Europe/Brussels").unwrap();
        let instant = zone.from_wall_time(wall(2009, 6, 3, 14, 0)).unwrap();
        assert_eq!(instant.to_rfc3339(), "2009-06-03T12:00:00+00:00");
        assert_eq!(zone.format(instant), "2009-06-03T14:00:00+02:00");
    }

    #[test]
    fn southern_and_unshifted_zones() {
        let buenos_aires = TimeZone::parse("America/Argentina/Buenos_Aires").unwrap();
        let instant = buenos_aires.from_wall_time(wall(2008, 4, 1, 9, 0)).unwrap();
        assert_eq!(buenos_aires.format(instant), "2008-04-01T09:00:00-03:00");
        let accra = TimeZone::parse("Africa/Accra").unwrap();
        let instant = accra.from_wall_time(wall(2008, 7, 1, 9, 0)).unwrap();
        assert_eq!(accra.format(instant), "2008-07-01T09:00:00+00:00");
    }

    #[test]
    fn skipped_and_repeated_wall_times_are_refused() {
        let zone = TimeZone::parse("Europe/Brussels").unwrap();
        assert!(matches!(
            zone.from_wall_time(wall(2009, 3, 29, 2, 30)),
            Err(WallTimeError::Skipped(_))
        ));
        assert!(matches!(
            zone.from_wall_time(wall(2009, 10, 25, 2, 30)),
            Err(WallTimeError::Ambiguous(_))
        ));
    }

    #[test]
    fn unknown_zones_are_refused() {
        for bad in ["", "Brussels", "Europe/Atlantis", "+02:00"] {
            assert!(TimeZone::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
