//! Calendars (RFC 5545): sessions as VEVENTs with a VTIMEZONE for each zone they use,
//! the `.ics` of an event and of a session, and each person's own feed behind a secret,
//! rotatable token. Mail (invitations, moves, cancellations) builds its iTIP attachments
//! with [`calendar`] and [`session_events`] too.
//!
//! VEVENTs and the VCALENDAR's properties are written with the `icalendar` crate (which
//! escapes TEXT values); this module cleans the text it is given (line breaks become LF,
//! other control characters go), writes the VTIMEZONE blocks ([`vtimezone`]) and refolds
//! every line at 75 octets on character boundaries.

pub mod api;
pub mod pages;
pub mod service;
pub mod store;
pub mod vtimezone;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Utc};
use icalendar::{CalendarDateTime, Component as _, EventLike as _, Property};
use sea_orm::ConnectionTrait;

use crate::domain::TimeZone;
use crate::entities::session;
use crate::error::AppResult;
use crate::events::{EventStatus, ParticipantRole, store as event_store, views};
use crate::i18n::Language;
use crate::i18n::content::{Text, Translations};

pub use service::{FeedUrls, feed_url_for, rotate_feed_in};

crate::string_enum!(
    /// The iTIP method of a calendar (RFC 5546): PUBLISH for downloads and feeds, REQUEST
    /// for invitations and updates, CANCEL for cancellations.
    Method {
        Publish => "PUBLISH" as "Calendar",
        Request => "REQUEST" as "Invitation to the calendar",
        Cancel => "CANCEL" as "Cancellation for the calendar",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Confirmed,
    Cancelled,
}

/// An ATTENDEE of an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub name: String,
    pub email: String,
    /// The role in the session, if any: chairs and moderators become `ROLE=CHAIR`,
    /// everyone else `REQ-PARTICIPANT`.
    pub role: Option<ParticipantRole>,
    /// `NEEDS-ACTION`, `ACCEPTED`, `DECLINED` (or `TENTATIVE`); anything else is written
    /// as `NEEDS-ACTION`.
    pub partstat: String,
    pub rsvp: bool,
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across edits: see [`session_uid`].
    pub uid: String,
    /// Rises on every change of time or place.
    pub sequence: i32,
    pub summary: String,
    pub description: String,
    /// The language SUMMARY and DESCRIPTION are written in, said with `LANGUAGE=` when
    /// the calendar was made for a reader's language.
    pub language: Option<Language>,
    pub location: Option<String>,
    pub url: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// DTSTART and DTEND are written as wall time in this zone, with its VTIMEZONE.
    pub zone: TimeZone,
    pub status: Status,
    /// DTSTAMP.
    pub stamp: DateTime<Utc>,
    /// ORGANIZER: (name, email).
    pub organizer: Option<(String, String)>,
    pub attendees: Vec<Attendee>,
}

const PRODID: &str = "-//Roundtable//Roundtable calendar 1.0//EN";

/// Text as a TEXT value may hold it: line breaks as LF, no other control characters
/// (RFC 5545 allows none but HTAB).
fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

/// A TEXT value escaped per RFC 5545 §3.3.11 (backslash, semicolon, comma, newline).
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in clean_text(text).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (such as `CN=`) cannot hold a double quote or a line break at all.
fn clean_parameter(text: &str) -> String {
    clean_text(text)
        .chars()
        .map(|c| match c {
            '"' => '\'',
            '\n' | '\t' => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A URI value: no spaces or control characters.
fn clean_uri(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// Folds a content line (without its CRLF) at 75 octets, never inside a UTF-8 character;
/// each continuation line begins with one space (RFC 5545 §3.1).
pub(crate) fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 36 * 3);
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space counts towards the 75 octets.
        limit = 74;
    }
    out.push_str(rest);
    out
}

/// Unfolds text and folds every line again with [`fold_line`]. The `icalendar` crate's
/// own folding can leave a continuation line of 76 octets.
fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(text.len() + 64);
    for line in unfolded.split("\r\n").filter(|line| !line.is_empty()) {
        out.push_str(&fold_line(line));
        out.push_str("\r\n");
    }
    out
}

/// Zones written as UTC (`...Z`) rather than with a TZID: clients treat `TZID=UTC`
/// inconsistently.
fn is_utc(zone: TimeZone) -> bool {
    matches!(
        zone.name(),
        "UTC" | "Etc/UTC" | "Etc/UCT" | "UCT" | "Etc/Universal" | "Universal" | "Etc/Zulu" | "Zulu"
    )
}

fn when(instant: DateTime<Utc>, zone: TimeZone) -> CalendarDateTime {
    if is_utc(zone) {
        CalendarDateTime::Utc(instant)
    } else {
        CalendarDateTime::WithTimezone {
            date_time: zone.local(instant).naive_local(),
            tzid: zone.name().to_string(),
        }
    }
}

fn partstat(value: &str) -> &'static str {
    match value.trim().to_ascii_uppercase().as_str() {
        "ACCEPTED" => "ACCEPTED",
        "DECLINED" => "DECLINED",
        "TENTATIVE" => "TENTATIVE",
        _ => "NEEDS-ACTION",
    }
}

fn ical_role(role: Option<ParticipantRole>) -> &'static str {
    match role {
        Some(ParticipantRole::Chair | ParticipantRole::Moderator) => "CHAIR",
        _ => "REQ-PARTICIPANT",
    }
}

fn vevent(e: &CalendarEvent, method: Method) -> icalendar::Event {
    let mut event = icalendar::Event::new();
    event
        .uid(&clean_text(&e.uid))
        .timestamp(e.stamp)
        .sequence(u32::try_from(e.sequence).unwrap_or(0))
        .url(&clean_uri(&e.url))
        .starts(when(e.starts_at, e.zone))
        .ends(when(e.ends_at, e.zone));
    // SUMMARY and DESCRIPTION, with the language they are written in when it is said.
    let text = |name: &str, value: String| {
        let mut property = Property::new(name, value);
        if let Some(lang) = e.language {
            property.add_parameter("LANGUAGE", lang.as_str());
        }
        property
    };
    event.append_property(text("SUMMARY", clean_text(&e.summary)));
    let description = clean_text(&e.description);
    if !description.trim().is_empty() {
        event.append_property(text("DESCRIPTION", description));
    }
    if let Some(location) = e.location.as_deref().map(clean_text)
        && !location.trim().is_empty()
    {
        event.location(&location);
    }
    let cancelled = e.status == Status::Cancelled || method == Method::Cancel;
    event.status(if cancelled {
        icalendar::EventStatus::Cancelled
    } else {
        icalendar::EventStatus::Confirmed
    });
    if let Some((name, email)) = &e.organizer {
        let mut organizer = Property::new("ORGANIZER", format!("mailto:{}", clean_uri(email)));
        let name = clean_parameter(name);
        if !name.is_empty() {
            organizer.add_parameter("CN", &name);
        }
        event.append_property(organizer);
    }
    for attendee in &e.attendees {
        let mut property =
            Property::new("ATTENDEE", format!("mailto:{}", clean_uri(&attendee.email)));
        let name = clean_parameter(&attendee.name);
        if !name.is_empty() {
            property.add_parameter("CN", &name);
        }
        property
            .add_parameter("CUTYPE", "INDIVIDUAL")
            .add_parameter("ROLE", ical_role(attendee.role))
            .add_parameter("PARTSTAT", partstat(&attendee.partstat))
            .add_parameter("RSVP", if attendee.rsvp { "TRUE" } else { "FALSE" });
        event.append_multi_property(property);
    }
    event.done()
}

/// The whole VCALENDAR: CRLF line endings, lines folded at 75 octets, TEXT escaped per
/// RFC 5545, and one VTIMEZONE for each zone the events use, exact over the years they
/// cover. With [`Method::Cancel`] every event is written `STATUS:CANCELLED`; a PUBLISH
/// calendar also tells subscribers to refresh hourly. Without events there is no METHOD.
pub fn calendar(name: &str, method: Method, events: &[CalendarEvent]) -> String {
    let mut head = icalendar::Calendar::empty();
    head.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"));
    // An iTIP method with nothing to apply it to is an error (RFC 5546); an empty feed
    // (someone with no sessions yet) is a plain calendar.
    if !events.is_empty() {
        head.append_property(Property::new("METHOD", method.as_str()));
    }
    head
        // NAME is not a property the crate knows to escape; X-WR-CALNAME is.
        .append_property(Property::new("NAME", escape_text(name)))
        .append_property(Property::new("X-WR-CALNAME", clean_text(name)));
    // The years each zone must be exact for.
    let mut zones: BTreeMap<&'static str, (TimeZone, i32, i32)> = BTreeMap::new();
    for e in events.iter().filter(|e| !is_utc(e.zone)) {
        let first = e.zone.local(e.starts_at.min(e.ends_at)).year();
        let last = e.zone.local(e.starts_at.max(e.ends_at)).year();
        let entry = zones.entry(e.zone.name()).or_insert((e.zone, first, last));
        entry.1 = entry.1.min(first);
        entry.2 = entry.2.max(last);
    }
    if zones.len() == 1
        && let Some(zone) = zones.keys().next()
    {
        head.append_property(Property::new("X-WR-TIMEZONE", *zone));
    }
    if method == Method::Publish {
        head.append_property(
            Property::new("REFRESH-INTERVAL", "PT1H")
                .add_parameter("VALUE", "DURATION")
                .done(),
        )
        .append_property(Property::new("X-PUBLISHED-TTL", "PT1H"));
    }
    let mut text = head.to_string();
    if let Some(stripped) = text.strip_suffix("END:VCALENDAR\r\n") {
        text.truncate(stripped.len());
    }
    for (zone, first, last) in zones.values() {
        text.push_str(&vtimezone::vtimezone(zone.tz(), *first, *last));
    }
    for e in events {
        // Writing into a String cannot fail.
        let _ = vevent(e, method).fmt_write(&mut text);
    }
    text.push_str("END:VCALENDAR\r\n");
    refold(&text)
}

/// The host of the public URL, which makes UIDs globally unique.
fn public_host(public_url: &str) -> String {
    url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "roundtable.invalid".to_string())
}

/// A session's UID: `session-12@events.example.org`. It depends only on the session's id
/// and the host of the public URL, so it survives every edit of the session.
pub fn session_uid(session_id: i32, public_url: &str) -> String {
    format!("session-{session_id}@{}", public_host(public_url))
}

/// The public page of a session.
pub fn session_url(session_id: i32, public_url: &str) -> String {
    format!("{}/sessions/{session_id}", public_url.trim_end_matches('/'))
}

/// The same address for calendar clients to subscribe to: `webcal://host/...`.
pub fn webcal_url(url: &str) -> String {
    match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => format!("webcal://{url}"),
    }
}

/// The people of a session in protocol style, role by role.
fn people_lines(groups: &[views::RoleGroup]) -> Vec<String> {
    let mut lines = Vec::new();
    for group in groups {
        match group.people.as_slice() {
            [one] => lines.push(format!("{}: {one}", group.label)),
            many => {
                lines.push(format!("{}:", group.label));
                lines.extend(many.iter().map(|p| format!("- {p}")));
            }
        }
    }
    lines
}

/// The sessions as VEVENTs, in the order given. SUMMARY is "session — event";
/// LOCATION the room, venue and city; DESCRIPTION the chair, speakers and rapporteur in
/// protocol style, then the session's description and its page; STATUS CANCELLED when
/// the event is cancelled; SEQUENCE the session's (raised on every change of time or
/// room; cancelling an event raises it too); DTSTAMP the latest change of the session, its event or its people. No
/// ORGANIZER or ATTENDEE: callers add them (a PUBLISH calendar must carry no attendees).
/// Takes a connection or a transaction, so that mail can build its calendars inside the
/// transaction of the change that causes them.
pub async fn session_events(
    conn: &impl ConnectionTrait,
    public_url: &str,
    sessions: &[session::Model],
) -> AppResult<Vec<CalendarEvent>> {
    session_events_in(conn, public_url, sessions, None).await
}

/// [`session_events`] for a reader of `reader`: titles and descriptions in that language
/// where translated, each event's SUMMARY and DESCRIPTION marked with the language of the
/// session's title (`LANGUAGE=`).
pub async fn session_events_in(
    conn: &impl ConnectionTrait,
    public_url: &str,
    sessions: &[session::Model],
    reader: Option<Language>,
) -> AppResult<Vec<CalendarEvent>> {
    let event_ids: Vec<i32> = sessions.iter().map(|s| s.event_id).collect();
    let owners = crate::events::store::events_by_id(conn, &event_ids).await?;
    let session_ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let mut people_changed: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for row in event_store::participants(conn, &session_ids).await? {
        let latest = people_changed
            .entry(row.session_id)
            .or_insert(row.created_at);
        *latest = (*latest).max(row.created_at);
    }
    let mut views_by_id = HashMap::new();
    for (event_id, event) in &owners {
        let of_event: Vec<session::Model> = sessions
            .iter()
            .filter(|s| s.event_id == *event_id)
            .cloned()
            .collect();
        for view in crate::events::read::session_views(conn, of_event, event.timezone).await? {
            views_by_id.insert(view.id, view);
        }
    }
    // Each event's title as its readers get it, once per event.
    let event_titles: HashMap<i32, Text> = owners
        .iter()
        .map(|(id, event)| {
            let lang = reader.unwrap_or(event.language);
            let texts = Translations::stored(event.translations.as_deref());
            (*id, texts.pick(event.language, lang, "title", &event.title))
        })
        .collect();
    let mut out = Vec::with_capacity(sessions.len());
    for s in sessions {
        let (Some(event), Some(view), Some(event_title)) = (
            owners.get(&s.event_id),
            views_by_id.get(&s.id),
            event_titles.get(&s.event_id),
        ) else {
            continue;
        };
        let cancelled = event.status == EventStatus::Cancelled;
        let url = session_url(s.id, public_url);
        // The texts in the reader's language where translated, else as written.
        let session_texts = Translations::stored(s.translations.as_deref());
        let lang = reader.unwrap_or(event.language);
        let title = session_texts.pick(event.language, lang, "title", &s.title);
        let session_description = session_texts.pick_opt(
            event.language,
            lang,
            "description",
            s.description.as_deref(),
        );
        let mut description = Vec::new();
        if cancelled {
            description.push(crate::i18n::t(lang, "calendar-event-cancelled"));
            description.push(String::new());
        }
        description.push(event_title.text.clone());
        description.extend(people_lines(&views::role_groups(&view.participants)));
        if let Some(text) = session_description.filter(|t| !t.text.trim().is_empty()) {
            description.push(String::new());
            description.push(text.text.trim().to_string());
        }
        description.push(String::new());
        description.push(url.clone());
        let location: Vec<&str> = [
            s.room.as_deref(),
            event.venue.as_deref(),
            event.city.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
        let mut stamp = s.updated_at.max(event.updated_at);
        if let Some(changed) = people_changed.get(&s.id) {
            stamp = stamp.max(*changed);
        }
        out.push(CalendarEvent {
            uid: session_uid(s.id, public_url),
            sequence: s.sequence,
            summary: format!("{} — {}", title.text, event_title.text),
            description: description.join("\n"),
            language: reader.map(|_| title.lang),
            location: (!location.is_empty()).then(|| location.join(", ")),
            url,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            zone: event.timezone,
            status: if cancelled {
                Status::Cancelled
            } else {
                Status::Confirmed
            },
            stamp,
            organizer: None,
            attendees: Vec::new(),
        });
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    fn brussels() -> TimeZone {
        TimeZone::parse("Europe/Brussels").unwrap()
    }

    fn panel() -> CalendarEvent {
        CalendarEvent {
            uid: session_uid(12, "https://events.example.org/"),
            sequence: 2,
            summary: "The Responsibility to Protect — Making a difference".into(),
            language: None,
            description: "Chair: Mr Gareth EVANS, President, International Crisis Group".into(),
            location: Some("Room 1, Charlemagne, Brussels".into()),
            url: session_url(12, "https://events.example.org/"),
            starts_at: Utc.with_ymd_and_hms(2009, 6, 3, 12, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2009, 6, 3, 14, 0, 0).unwrap(),
            zone: brussels(),
            status: Status::Confirmed,
            stamp: Utc.with_ymd_and_hms(2009, 5, 1, 9, 30, 0).unwrap(),
            organizer: None,
            attendees: Vec::new(),
        }
    }

    /// Content lines, unfolded.
    fn lines(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn value<'a>(lines: &'a [String], name: &str) -> &'a str {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name} in {lines:?}"))
    }

    #[test]
    fn text_values_escape_commas_semicolons_newlines_and_backslashes() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf\rg"),
            "a\\,b\\;c\\\\d\\ne\\nf\\ng"
        );
        let mut event = panel();
        event.summary = "Peace, justice; and C:\\path\r\nnext line".into();
        event.description = "Line one\nLine two, with; specials \\ here".into();
        let text = calendar("Test", Method::Publish, &[event]);
        let lines = lines(&text);
        assert_eq!(
            value(&lines, "SUMMARY:"),
            "Peace\\, justice\\; and C:\\\\path\\nnext line"
        );
        assert_eq!(
            value(&lines, "DESCRIPTION:"),
            "Line one\\nLine two\\, with\\; specials \\\\ here"
        );
        assert_eq!(
            value(&lines, "LOCATION:"),
            "Room 1\\, Charlemagne\\, Brussels"
        );
    }

    #[test]
    fn control_characters_cannot_start_a_new_line_or_property() {
        let mut event = panel();
        event.summary = "Evil\r\nATTENDEE:mailto:x@example.org\u{7}\u{0}".into();
        event.organizer = Some((
            "Ms \"Quote\"\r\nX-INJECTED:1".into(),
            "org@example.org\r\nX: y".into(),
        ));
        let text = calendar("Evil\r\nX-NAME:1", Method::Request, &[event]);
        let lines = lines(&text);
        assert!(lines.iter().all(|l| !l.starts_with("ATTENDEE")));
        assert!(lines.iter().all(|l| !l.starts_with("X-INJECTED")));
        assert!(lines.iter().all(|l| !l.starts_with("X-NAME")));
        assert!(!text.contains('\u{7}') && !text.contains('\u{0}'));
        assert_eq!(
            value(&lines, "SUMMARY:"),
            "Evil\\nATTENDEE:mailto:x@example.org"
        );
        assert_eq!(
            value(&lines, "ORGANIZER;CN="),
            "\"Ms 'Quote' X-INJECTED:1\":mailto:org@example.orgX:y"
        );
    }

    #[test]
    fn every_line_ends_in_crlf_and_is_at_most_75_octets() {
        // Lengths around every multiple of the limit, with two- and three-byte characters
        // at the fold points.
        for n in 0..260 {
            let mut event = panel();
            event.summary = format!("{}LAMPRIÈRE ÈÈÈ 老虎 {}", "x".repeat(n), "é".repeat(n % 7));
            event.description = "y".repeat(n * 2);
            let text = calendar("Roundtable", Method::Publish, &[event.clone()]);
            assert!(text.ends_with("\r\n"));
            for line in text.split("\r\n").filter(|l| !l.is_empty()) {
                assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
                assert!(!line.contains('\r') && !line.contains('\n'));
            }
            assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
            assert!(!text.replace("\r\n", "").contains('\r'), "bare CR");
            let unfolded = lines(&text);
            assert_eq!(value(&unfolded, "SUMMARY:"), event.summary);
        }
    }

    #[test]
    fn folding_never_splits_a_character() {
        let line = format!("SUMMARY:{}", "LAMPRIÈRE ".repeat(30));
        let folded = fold_line(&line);
        // Every piece is valid UTF-8 on its own (the &str split would panic otherwise).
        for piece in folded.split("\r\n") {
            assert!(piece.len() <= 75);
            assert!(std::str::from_utf8(piece.as_bytes()).is_ok());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
        // A 75-octet line stays whole; 76 octets fold.
        assert_eq!(fold_line(&"a".repeat(75)), "a".repeat(75));
        assert_eq!(
            fold_line(&"a".repeat(76)),
            format!("{}\r\n a", "a".repeat(75))
        );
        // "È" is two octets: a fold at octet 75 would split it, so it moves before it.
        let tricky = format!("{}È", "a".repeat(74));
        assert_eq!(fold_line(&tricky), format!("{}\r\n È", "a".repeat(74)));
    }

    #[test]
    fn uids_are_stable_and_name_the_public_host() {
        assert_eq!(
            session_uid(12, "https://events.example.org/"),
            "session-12@events.example.org"
        );
        assert_eq!(
            session_uid(12, "https://events.example.org/"),
            session_uid(12, "https://events.example.org")
        );
        assert_eq!(
            session_uid(7, "http://127.0.0.1:3000"),
            "session-7@127.0.0.1"
        );
        assert_ne!(session_uid(7, "x"), session_uid(8, "x"));
        assert_eq!(
            webcal_url("https://events.example.org/feeds/abc.ics"),
            "webcal://events.example.org/feeds/abc.ics"
        );
    }

    #[test]
    fn times_are_wall_times_in_the_event_zone_with_its_vtimezone() {
        let text = calendar("Roundtable", Method::Publish, &[panel()]);
        let lines = lines(&text);
        assert!(lines.contains(&"DTSTART;TZID=Europe/Brussels:20090603T140000".to_string()));
        assert!(lines.contains(&"DTEND;TZID=Europe/Brussels:20090603T160000".to_string()));
        assert!(lines.contains(&"DTSTAMP:20090501T093000Z".to_string()));
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
        assert!(text.find("BEGIN:VTIMEZONE") < text.find("BEGIN:VEVENT"));
        assert!(lines.contains(&"METHOD:PUBLISH".to_string()));
        assert!(lines.contains(&"STATUS:CONFIRMED".to_string()));
        assert!(lines.contains(&"SEQUENCE:2".to_string()));
        assert!(lines.contains(&"X-WR-TIMEZONE:Europe/Brussels".to_string()));
        // UTC events need no VTIMEZONE.
        let mut utc = panel();
        utc.zone = TimeZone::parse("UTC").unwrap();
        let text = calendar("Roundtable", Method::Publish, &[utc]);
        assert!(text.contains("DTSTART:20090603T120000Z\r\n"), "{text}");
        assert!(!text.contains("VTIMEZONE"));
    }

    #[test]
    fn an_empty_calendar_has_no_method() {
        let text = calendar("Nobody", Method::Publish, &[]);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(!text.contains("METHOD"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn one_vtimezone_per_zone() {
        let mut santiago = panel();
        santiago.zone = TimeZone::parse("America/Santiago").unwrap();
        santiago.uid = "other".into();
        let text = calendar("Roundtable", Method::Publish, &[panel(), santiago, panel()]);
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 2);
        assert!(text.contains("TZID:America/Santiago\r\n"));
        assert!(!text.contains("X-WR-TIMEZONE"));
    }

    #[test]
    fn invitations_carry_organizer_and_attendees_and_cancels_are_cancelled() {
        let mut event = panel();
        event.organizer = Some(("Roundtable organizers".into(), "events@example.org".into()));
        event.attendees.push(Attendee {
            name: "LAMPRIÈRE, Luc".into(),
            email: "luc@example.org".into(),
            role: Some(ParticipantRole::Rapporteur),
            partstat: "accepted".into(),
            rsvp: true,
        });
        let text = calendar("Invitation", Method::Request, &[event.clone()]);
        let lines = lines(&text);
        assert!(lines.contains(&"METHOD:REQUEST".to_string()));
        assert!(
            lines.contains(
                &"ORGANIZER;CN=Roundtable organizers:mailto:events@example.org".to_string()
            )
        );
        assert!(lines.contains(&"ATTENDEE;CN=\"LAMPRIÈRE, Luc\";CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:luc@example.org".to_string()), "{lines:?}");
        let text = calendar("Cancelled", Method::Cancel, &[event]);
        assert!(text.contains("METHOD:CANCEL\r\n") && text.contains("STATUS:CANCELLED\r\n"));
        assert!(!text.contains("REFRESH-INTERVAL"));
    }

    #[test]
    fn the_calendar_parses_back_with_the_icalendar_crate() {
        let mut event = panel();
        event.summary = "Hostile <script>alert(1)</script>, ; \\ \r\n done".into();
        let text = calendar("Roundtable; test, \\ name", Method::Publish, &[event]);
        let parsed: icalendar::Calendar = text.parse().unwrap();
        let parsed_event = parsed.events().next().unwrap();
        assert_eq!(
            parsed_event.get_summary(),
            Some("Hostile <script>alert(1)</script>, ; \\ \n done")
        );
        assert_eq!(
            parsed_event.get_uid(),
            Some("session-12@events.example.org")
        );
        assert_eq!(parsed_event.get_sequence(), Some(2));
    }
}
