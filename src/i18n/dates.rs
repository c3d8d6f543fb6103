//! Dates as each language writes them, by ICU4X's formatters (CLDR's data, compiled into
//! the binary): "4 June 2009", "4 juin 2009", "4 de junio de 2009"; with the weekday for
//! a programme's days; and the dates of an event as one range: "3–4 June 2009",
//! "3–4 juin 2009", "3 y 4 de junio de 2009", "30 June – 1 July 2009".
//!
//! English is written the British way (day before month), as the coalition's documents
//! are.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{MD, YMD, YMDE};
use icu_datetime::input::Date;
use icu_locale_core::Locale;

use super::Language;

/// The locale whose data a language's dates are written with.
fn locale(lang: Language) -> Locale {
    match lang {
        Language::En => icu_locale_core::locale!("en-GB"),
        Language::Fr => icu_locale_core::locale!("fr"),
        Language::Es => icu_locale_core::locale!("es"),
    }
}

/// A formatter per language (in the order of `Language::ALL`), built once.
static LONG: LazyLock<Vec<Option<DateTimeFormatter<YMD>>>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|l| DateTimeFormatter::try_new(locale(*l).into(), YMD::long()).ok())
        .collect()
});
static WEEKDAY: LazyLock<Vec<Option<DateTimeFormatter<YMDE>>>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|l| DateTimeFormatter::try_new(locale(*l).into(), YMDE::long()).ok())
        .collect()
});
static DAY_MONTH: LazyLock<Vec<Option<DateTimeFormatter<MD>>>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|l| DateTimeFormatter::try_new(locale(*l).into(), MD::long()).ok())
        .collect()
});

fn index(lang: Language) -> usize {
    Language::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// Formats `date` with the formatter of `lang` among `set` (ISO where one is missing).
macro_rules! written {
    ($set:expr, $lang:expr, $date:expr) => {{
        let date: NaiveDate = $date;
        let formatter = $set.get(index($lang)).and_then(Option::as_ref);
        let input = u8::try_from(date.month())
            .ok()
            .zip(u8::try_from(date.day()).ok())
            .and_then(|(m, d)| Date::try_new_iso(date.year(), m, d).ok());
        match (formatter, input) {
            (Some(formatter), Some(input)) => formatter.format(&input).to_string(),
            _ => date.to_string(),
        }
    }};
}

/// "4 June 2009", "4 juin 2009", "4 de junio de 2009".
pub fn long(lang: Language, date: NaiveDate) -> String {
    written!(LONG, lang, date)
}

/// "Wednesday, 3 June 2009", "mercredi 3 juin 2009", "miércoles, 3 de junio de 2009".
pub fn with_weekday(lang: Language, date: NaiveDate) -> String {
    written!(WEEKDAY, lang, date)
}

/// "30 June", "30 juin", "30 de junio".
fn day_and_month(lang: Language, date: NaiveDate) -> String {
    written!(DAY_MONTH, lang, date)
}

/// The dates of an event: "3–4 June 2009", "3 y 4 de junio de 2009", "30 June – 1 July
/// 2009", "17 October 2012".
pub fn range(lang: Language, start: NaiveDate, end: NaiveDate) -> String {
    if start >= end {
        return long(lang, start);
    }
    if start.year() == end.year() && start.month() == end.month() {
        // Spanish joins two days with "y": "3 y 4 de junio de 2009".
        let joint = if lang == Language::Es && end - start == chrono::Duration::days(1) {
            " y "
        } else {
            "–"
        };
        return format!("{}{joint}{}", start.day(), long(lang, end));
    }
    if start.year() == end.year() {
        return format!("{} – {}", day_and_month(lang, start), long(lang, end));
    }
    format!("{} – {}", long(lang, start), long(lang, end))
}

/// A moment in a time zone, in full: "Friday 5 June 2009, 17:30 (CEST)", "vendredi 5
/// juin 2009, 17:30 (CEST)", "viernes, 5 de junio de 2009, 17:30 (CEST)".
pub fn moment(
    lang: Language,
    zone: crate::domain::TimeZone,
    instant: chrono::DateTime<chrono::Utc>,
) -> String {
    if lang == Language::En {
        return crate::events::views::moment(zone, instant);
    }
    let local = zone.local(instant);
    format!(
        "{}, {}",
        with_weekday(lang, local.date_naive()),
        local.format("%H:%M (%Z)")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(long(Language::En, day("2009-06-04")), "4 June 2009");
        assert_eq!(long(Language::Fr, day("2009-06-04")), "4 juin 2009");
        assert_eq!(long(Language::Es, day("2009-06-04")), "4 de junio de 2009");
        assert_eq!(
            with_weekday(Language::En, day("2009-06-03")),
            "Wednesday, 3 June 2009"
        );
        assert_eq!(
            with_weekday(Language::Fr, day("2009-06-03")),
            "mercredi 3 juin 2009"
        );
        assert!(with_weekday(Language::Es, day("2009-06-03")).starts_with("miércoles"));
    }

    #[test]
    fn an_events_dates_are_one_range() {
        let (start, end) = (day("2009-06-03"), day("2009-06-04"));
        assert_eq!(range(Language::En, start, end), "3–4 June 2009");
        assert_eq!(range(Language::Fr, start, end), "3–4 juin 2009");
        assert_eq!(range(Language::Es, start, end), "3 y 4 de junio de 2009");
        assert_eq!(
            range(Language::Es, day("2012-10-17"), day("2012-10-19")),
            "17–19 de octubre de 2012"
        );
        assert_eq!(
            range(Language::En, day("2009-06-30"), day("2009-07-01")),
            "30 June – 1 July 2009"
        );
        assert_eq!(
            range(Language::Fr, day("2008-12-31"), day("2009-01-02")),
            "31 décembre 2008 – 2 janvier 2009"
        );
        assert_eq!(range(Language::Es, start, start), "3 de junio de 2009");
    }
}
