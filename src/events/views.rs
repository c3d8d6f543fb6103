//! What pages show of events: dates and times in the event's zone, places, and the
//! programme day by day with each session's people in protocol style.

use chrono::{DateTime, NaiveDate, Utc};

use super::{EventOut, EventStatus, ParticipantOut, ParticipantRole, SessionKind, SessionOut};
use crate::domain::{CountryCode, TimeZone};
use crate::i18n::Language;

/// A moment in a time zone, in full: "Friday 5 June 2009, 17:30 (CEST)".
pub fn moment(zone: TimeZone, instant: chrono::DateTime<chrono::Utc>) -> String {
    zone.local(instant)
        .format("%A %-d %B %Y, %H:%M (%Z)")
        .to_string()
}

/// "3–4 June 2009", "30 June – 1 July 2009", "17 October 2012".
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    use chrono::Datelike;
    if start == end {
        start.format("%-d %B %Y").to_string()
    } else if start.year() == end.year() && start.month() == end.month() {
        format!("{}–{}", start.format("%-d"), end.format("%-d %B %Y"))
    } else if start.year() == end.year() {
        format!("{} – {}", start.format("%-d %B"), end.format("%-d %B %Y"))
    } else {
        format!(
            "{} – {}",
            start.format("%-d %B %Y"),
            end.format("%-d %B %Y")
        )
    }
}

pub fn country_name(code: Option<&str>) -> Option<String> {
    code.and_then(|c| CountryCode::parse(c).ok())
        .map(|c| c.name().to_string())
}

/// "Brussels, Belgium".
pub fn place(city: Option<&str>, country: Option<&str>) -> Option<String> {
    place_in(Language::En, city, country)
}

/// The place in `lang`: "Bruxelles, Belgique" (the city as written, the country named
/// as `lang` names it).
pub fn place_in(lang: Language, city: Option<&str>, country: Option<&str>) -> Option<String> {
    let country = country
        .and_then(|c| CountryCode::parse(c).ok())
        .map(|c| c.name_in(lang));
    match (city, country) {
        (Some(city), Some(country)) => Some(format!("{city}, {country}")),
        (Some(city), None) => Some(city.to_string()),
        (None, Some(country)) => Some(country),
        (None, None) => None,
    }
}

/// An event as a line of a list.
#[derive(Debug, Clone)]
pub struct EventCard {
    pub url: String,
    pub slug: String,
    pub title: String,
    /// The language to mark the title with, when it is not the page's.
    pub title_lang: Option<&'static str>,
    pub subtitle: Option<String>,
    pub subtitle_lang: Option<&'static str>,
    pub dates: String,
    pub year: i32,
    pub place: Option<String>,
    /// In words: "Roundtable".
    pub kind: String,
    /// In words: "Asia-Pacific".
    pub region: Option<String>,
    pub status: EventStatus,
    pub organizers: String,
}

impl From<&EventOut> for EventCard {
    fn from(e: &EventOut) -> Self {
        use chrono::Datelike;
        Self {
            url: format!("/events/{}", e.slug),
            slug: e.slug.clone(),
            title: e.title.clone(),
            title_lang: None,
            subtitle: e.subtitle.clone(),
            subtitle_lang: None,
            dates: date_range(e.starts_on, e.ends_on),
            year: e.starts_on.year(),
            place: place(e.city.as_deref(), e.country.as_deref()),
            kind: e.kind.label().to_string(),
            region: e.region.map(|r| r.label().to_string()),
            status: e.status,
            organizers: e
                .organizers
                .iter()
                .map(|o| o.name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl EventCard {
    /// The event as a reader of `lang` sees it: its title and subtitle in that language
    /// where translated (the original, marked, elsewhere), its dates as `lang` writes them.
    pub fn localized(e: &EventOut, lang: Language) -> Self {
        let mut card = Self::from(e);
        let title = e.translations.pick(e.language, lang, "title", &e.title);
        let subtitle = e
            .translations
            .pick_opt(e.language, lang, "subtitle", e.subtitle.as_deref());
        card.title = title.text;
        card.title_lang = title.mark;
        card.subtitle_lang = subtitle.as_ref().and_then(|s| s.mark);
        card.subtitle = subtitle.map(|s| s.text);
        card.with_words_in(e, lang)
    }

    /// The event as organizers work on it: its texts as written (marked with their
    /// language when it is not the page's), its dates and words in `lang`.
    pub fn in_workspace(e: &EventOut, lang: Language) -> Self {
        let mut card = Self::from(e);
        let mark = (e.language != lang).then(|| e.language.as_str());
        card.title_lang = mark;
        card.subtitle_lang = mark;
        card.with_words_in(e, lang)
    }

    /// Its dates, kind and region as `lang` writes them.
    fn with_words_in(mut self, e: &EventOut, lang: Language) -> Self {
        self.dates = crate::i18n::dates::range(lang, e.starts_on, e.ends_on);
        self.place = place_in(lang, e.city.as_deref(), e.country.as_deref());
        self.kind = crate::i18n::term(lang, "event-kind", e.kind.as_str());
        self.region = e
            .region
            .map(|r| crate::i18n::term(lang, "region", r.as_str()));
        self
    }
}

/// An event's description as a reader of `lang` gets it: its paragraphs, and the
/// language to mark them with when it is not the page's.
pub fn description(e: &EventOut, lang: Language) -> (Vec<String>, Option<&'static str>) {
    match e
        .translations
        .pick_opt(e.language, lang, "description", e.description.as_deref())
    {
        Some(text) => (paragraphs(Some(&text.text)), text.mark),
        None => (Vec::new(), None),
    }
}

/// "Ms Corlett LETLOJANE, Director, Human Rights Institute of South Africa".
pub fn protocol(display_name: &str, affiliation: &str) -> String {
    if affiliation.is_empty() {
        display_name.to_string()
    } else {
        format!("{display_name}, {affiliation}")
    }
}

/// A session participant in protocol style.
pub fn protocol_line(p: &ParticipantOut) -> String {
    protocol(&p.display_name, &p.affiliation)
}

/// The people of a session in one role, for a programme.
#[derive(Debug, Clone)]
pub struct RoleGroup {
    pub label: String,
    pub people: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct SessionLine {
    pub id: i32,
    pub url: String,
    pub title: String,
    /// The language to mark the title with, when it is not the page's.
    pub title_lang: Option<&'static str>,
    pub kind: String,
    pub is_break: bool,
    pub time: String,
    pub date: String,
    pub room: Option<String>,
    pub description: Option<String>,
    pub groups: Vec<RoleGroup>,
}

#[derive(Debug, Clone)]
pub struct ProgrammeDay {
    pub heading: String,
    pub sessions: Vec<SessionLine>,
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The people of a session grouped by role, in programme order, each role named in
/// `lang` ("Speakers", "Ponentes").
pub fn role_groups_in(participants: &[ParticipantOut], lang: Language) -> Vec<RoleGroup> {
    ParticipantRole::ALL
        .iter()
        .filter_map(|role| {
            let people: Vec<String> = participants
                .iter()
                .filter(|p| p.role == *role)
                .map(protocol_line)
                .collect();
            (!people.is_empty()).then(|| RoleGroup {
                label: crate::i18n::role(lang, role.as_str(), people.len()),
                people,
            })
        })
        .collect()
}

/// The people of a session grouped by role, in programme order, in English.
pub fn role_groups(participants: &[ParticipantOut]) -> Vec<RoleGroup> {
    role_groups_in(participants, Language::En)
}

pub fn session_line(s: &SessionOut, zone: TimeZone) -> SessionLine {
    let start = parse_time(&s.starts_at).map(|t| zone.local(t));
    let end = parse_time(&s.ends_at).map(|t| zone.local(t));
    let (time, date) = match (start, end) {
        (Some(start), Some(end)) => {
            let time = if start.date_naive() == end.date_naive() {
                format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
            } else {
                format!("{} – {}", start.format("%H:%M"), end.format("%-d %b %H:%M"))
            };
            (time, start.format("%A %-d %B %Y").to_string())
        }
        _ => (String::new(), String::new()),
    };
    SessionLine {
        id: s.id,
        url: format!("/sessions/{}", s.id),
        title: s.title.clone(),
        title_lang: None,
        kind: s.kind.label().to_string(),
        is_break: s.kind == SessionKind::Break,
        time,
        date,
        room: s.room.clone(),
        description: s.description.clone(),
        groups: role_groups(&s.participants),
    }
}

/// A session as a reader of `reader` sees it, in an event written in `original`: its
/// title and description in that language where translated (the original, marked,
/// elsewhere).
pub fn session_line_in(
    s: &SessionOut,
    zone: TimeZone,
    original: Language,
    reader: Language,
) -> SessionLine {
    let mut line = session_line(s, zone);
    line.kind = crate::i18n::term(reader, "session-kind", s.kind.as_str());
    line.groups = role_groups_in(&s.participants, reader);
    let title = s.translations.pick(original, reader, "title", &s.title);
    line.title = title.text;
    line.title_lang = title.mark;
    line.description = s
        .translations
        .pick_opt(original, reader, "description", s.description.as_deref())
        .map(|d| d.text);
    line
}

/// The day a session starts on, in the event's zone.
pub fn local_day(s: &SessionOut, zone: TimeZone) -> Option<NaiveDate> {
    parse_time(&s.starts_at).map(|t| zone.local(t).date_naive())
}

/// The programme grouped by day, in the event's zone, each day headed as `lang` writes
/// it ("Wednesday, 3 June 2009", "miércoles, 3 de junio de 2009").
pub fn programme(
    sessions: &[SessionOut],
    zone: TimeZone,
    original: Language,
    lang: Language,
) -> Vec<ProgrammeDay> {
    let mut days: Vec<(String, ProgrammeDay)> = Vec::new();
    for s in sessions {
        let line = session_line_in(s, zone, original, lang);
        match days.last_mut() {
            Some((date, day)) if *date == line.date => day.sessions.push(line),
            _ => {
                let heading = local_day(s, zone)
                    .map(|day| crate::i18n::dates::with_weekday(lang, day))
                    .unwrap_or_else(|| line.date.clone());
                days.push((
                    line.date.clone(),
                    ProgrammeDay {
                        heading,
                        sessions: vec![line],
                    },
                ));
            }
        }
    }
    days.into_iter().map(|(_, day)| day).collect()
}

/// Text split into paragraphs at blank lines (browsers send line breaks as CR LF).
pub fn paragraphs(text: Option<&str>) -> Vec<String> {
    text.unwrap_or("")
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_read_naturally() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(date_range(d(2009, 6, 3), d(2009, 6, 4)), "3–4 June 2009");
        assert_eq!(
            date_range(d(2012, 10, 17), d(2012, 10, 17)),
            "17 October 2012"
        );
        assert_eq!(
            date_range(d(2008, 6, 30), d(2008, 7, 1)),
            "30 June – 1 July 2008"
        );
        assert_eq!(
            date_range(d(2008, 12, 31), d(2009, 1, 1)),
            "31 December 2008 – 1 January 2009"
        );
    }

    #[test]
    fn people_are_named_in_protocol_style() {
        let p = ParticipantOut {
            person_id: 1,
            display_name: "Ms Corlett LETLOJANE".into(),
            affiliation: "Director, Human Rights Institute of South Africa".into(),
            role: ParticipantRole::Speaker,
            position: 0,
            invitation_status: crate::events::InvitationStatus::NotInvited,
        };
        assert_eq!(
            protocol_line(&p),
            "Ms Corlett LETLOJANE, Director, Human Rights Institute of South Africa"
        );
        let groups = role_groups(&[p.clone(), ParticipantOut { person_id: 2, ..p }]);
        assert_eq!(groups[0].label, "Speakers");
    }

    #[test]
    fn paragraphs_split_at_blank_lines_whatever_the_line_breaks() {
        let expected = vec!["One.".to_string(), "Two.".to_string()];
        assert_eq!(paragraphs(Some("One.\n\nTwo.")), expected);
        assert_eq!(paragraphs(Some("One.\r\n\r\nTwo.\r\n")), expected);
        assert!(paragraphs(None).is_empty());
    }

    #[test]
    fn places_use_country_names() {
        assert_eq!(
            place(Some("Brussels"), Some("BE")).unwrap(),
            "Brussels, Belgium"
        );
        assert_eq!(
            place_in(Language::Es, Some("Buenos Aires"), Some("AR")).unwrap(),
            "Buenos Aires, Argentina"
        );
        assert_eq!(
            place_in(Language::Fr, Some("Bruxelles"), Some("BE")).unwrap(),
            "Bruxelles, Belgique"
        );
        assert_eq!(place(None, None), None);
    }
}
