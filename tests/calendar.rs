//! Calendars: the `.ics` of an event and of a session, a person's own feed with its
//! rotatable token, conditional requests, and text that tries to break out of its value.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::fixtures::{Panel, Seat, slug};
use common::{As, Reply, TestApp, spawn_app};
use icalendar::{Component, EventLike};
use serde_json::{Value, json};

// ----- Helpers -----

async fn event_in(app: &TestApp, title: &str, zone: &str, starts_on: &str, ends_on: &str) -> Value {
    app.event(json!({
        "title": title, "kind": "roundtable", "starts_on": starts_on, "ends_on": ends_on,
        "timezone": zone, "region": "global"
    }))
    .await
}

/// The Brussels conference, published, with the 14:00 panel on the Responsibility to
/// Protect (chaired, with a speaker and a rapporteur) and a morning plenary.
struct Conference {
    slug: String,
    panel: i64,
    plenary: i64,
    chair: i64,
    rapporteur: i64,
}

async fn conference(app: &TestApp) -> Conference {
    let Panel {
        event: slug,
        session: panel,
        ..
    } = app
        .brussels_session(
            "The Responsibility to Protect",
            "14:00",
            "16:00",
            Some("Room 2"),
        )
        .await;
    let plenary = app
        .session(
            &slug,
            "Opening plenary",
            "2009-06-03T09:30:00",
            "2009-06-03T11:00:00",
            None,
        )
        .await;
    let [chair, _speaker, rapporteur] = app
        .seat(
            panel,
            [
                Seat::chair("Mr", "Gareth", "EVANS"),
                Seat::speaker("Ms", "Corlett", "LETLOJANE"),
                Seat::rapporteur("Mr", "Luc", "LAMPRIÈRE"),
            ],
        )
        .await;
    app.publish(&slug).await;
    Conference {
        slug,
        panel,
        plenary,
        chair,
        rapporteur,
    }
}

/// Asserts a calendar response and parses it back with the `icalendar` crate.
#[track_caller]
fn ics(reply: Reply) -> (String, icalendar::Calendar) {
    let reply = reply.expect(200);
    assert_eq!(
        reply.headers["content-type"].to_str().unwrap(),
        "text/calendar; charset=utf-8"
    );
    let disposition = reply.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"") && disposition.ends_with(".ics\""),
        "{disposition}"
    );
    assert!(reply.headers.contains_key("etag"));
    assert!(reply.headers.contains_key("last-modified"));
    let text = reply.text();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
    icalendar::parser::read_calendar(&icalendar::parser::unfold(&text))
        .unwrap_or_else(|err| panic!("does not parse: {err}\n{text}"));
    let parsed: icalendar::Calendar = text
        .parse()
        .unwrap_or_else(|err| panic!("does not parse: {err}\n{text}"));
    (text, parsed)
}

/// Unfolded content lines.
fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

fn event_with_uid<'a>(calendar: &'a icalendar::Calendar, uid: &str) -> &'a icalendar::Event {
    calendar
        .events()
        .find(|e| e.get_uid() == Some(uid))
        .unwrap_or_else(|| panic!("no VEVENT {uid}"))
}

fn uid(session: i64) -> String {
    format!("session-{session}@127.0.0.1")
}

/// The path of a feed URL (`http://127.0.0.1:3000/feeds/x.ics` → `/feeds/x.ics`).
fn path_of(url: &str) -> String {
    let rest = url.split_once("://").unwrap().1;
    format!("/{}", rest.split_once('/').unwrap().1)
}

async fn rotate(app: &TestApp, person: i64) -> Value {
    app.post(
        &format!("/api/v1/people/{person}/feed"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(201)
    .json()
}

// ----- Event and session calendars -----

#[tokio::test]
async fn a_published_events_calendar_has_one_vevent_per_session_in_brussels_time() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    let (text, calendar) = ics(app
        .get(&format!("/events/{}/calendar.ics", c.slug), As::Anonymous)
        .await);
    assert_eq!(calendar.events().count(), 2, "{text}");
    let lines = lines(&text);
    assert!(lines.contains(&"METHOD:PUBLISH".to_string()));
    assert!(lines.contains(&"VERSION:2.0".to_string()));
    assert!(
        lines.contains(&"DTSTART;TZID=Europe/Brussels:20090603T140000".to_string()),
        "{text}"
    );
    assert!(lines.contains(&"DTEND;TZID=Europe/Brussels:20090603T160000".to_string()));
    assert!(lines.contains(&"DTSTART;TZID=Europe/Brussels:20090603T093000".to_string()));
    // One VTIMEZONE, before the events, with the EU rules.
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"));
    assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"));
    assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"));
    assert!(!text.contains("RDATE"));
    assert!(text.find("BEGIN:VTIMEZONE") < text.find("BEGIN:VEVENT"));

    let panel = event_with_uid(&calendar, &uid(c.panel));
    assert_eq!(
        panel.get_summary(),
        Some("The Responsibility to Protect — Making a difference")
    );
    assert_eq!(panel.get_location(), Some("Room 2, Brussels"));
    assert_eq!(
        panel.get_url(),
        Some(format!("http://127.0.0.1:3000/sessions/{}", c.panel).as_str())
    );
    assert_eq!(panel.get_sequence(), Some(0));
    assert_eq!(panel.get_status(), Some(icalendar::EventStatus::Confirmed));
    let description = panel.get_description().unwrap();
    assert!(
        description.contains("Chair: Mr Gareth EVANS"),
        "{description}"
    );
    assert!(
        description.contains("Speaker: Ms Corlett LETLOJANE"),
        "{description}"
    );
    assert!(
        description.contains("Rapporteur: Mr Luc LAMPRIÈRE"),
        "{description}"
    );
    assert!(
        description.find("Chair") < description.find("Speaker")
            && description.find("Speaker") < description.find("Rapporteur")
    );
    // PUBLISH carries an ORGANIZER (the configured organizers) and no ATTENDEE.
    assert!(text.contains("ORGANIZER;CN="), "{text}");
    assert!(!text.contains("ATTENDEE"));
    let plenary = event_with_uid(&calendar, &uid(c.plenary));
    assert_eq!(plenary.get_location(), Some("Brussels"));
}

#[tokio::test]
async fn a_sessions_calendar_holds_that_session_alone() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    let (text, calendar) = ics(app
        .get(
            &format!("/sessions/{}/calendar.ics", c.panel),
            As::Anonymous,
        )
        .await);
    assert_eq!(calendar.events().count(), 1);
    event_with_uid(&calendar, &uid(c.panel));
    assert!(text.contains("DTSTART;TZID=Europe/Brussels:20090603T140000\r\n"));
    assert!(text.contains("BEGIN:VTIMEZONE"));
    app.get("/sessions/999999/calendar.ics", As::Anonymous)
        .await
        .expect(404);
    app.get("/sessions/abc/calendar.ics", As::Anonymous)
        .await
        .expect(404);
}

#[tokio::test]
async fn drafts_are_404_unless_the_caller_is_staff() {
    let app = spawn_app().await;
    let Panel {
        event: slug,
        session,
        ..
    } = app.brussels_panel(None).await;
    for path in [
        format!("/events/{slug}/calendar.ics"),
        format!("/sessions/{session}/calendar.ics"),
        format!("/events/{slug}/webcal"),
    ] {
        app.get(&path, As::Anonymous).await.expect(404);
        app.get(&path, app.member_token()).await.expect(404);
    }
    let (_, calendar) = ics(app
        .get(&format!("/events/{slug}/calendar.ics"), app.org())
        .await);
    assert_eq!(calendar.events().count(), 1);
    ics(app
        .get(&format!("/sessions/{session}/calendar.ics"), app.org())
        .await);
    app.get("/events/no-such-event/calendar.ics", As::Anonymous)
        .await
        .expect(404);
}

#[tokio::test]
async fn a_moved_session_keeps_its_uid_and_its_sequence_rises() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    let path = format!("/sessions/{}/calendar.ics", c.panel);
    let (before, calendar) = ics(app.get(&path, As::Anonymous).await);
    assert_eq!(
        event_with_uid(&calendar, &uid(c.panel)).get_sequence(),
        Some(0)
    );

    // A new title is not a move: same SEQUENCE.
    app.patch(
        &format!("/api/v1/sessions/{}", c.panel),
        app.org(),
        &json!({"title": "R2P: from words to deeds"}),
    )
    .await
    .expect(200);
    let (_, calendar) = ics(app.get(&path, As::Anonymous).await);
    let renamed = event_with_uid(&calendar, &uid(c.panel));
    assert_eq!(renamed.get_sequence(), Some(0));
    assert!(
        renamed
            .get_summary()
            .unwrap()
            .starts_with("R2P: from words to deeds")
    );

    app.patch(
        &format!("/api/v1/sessions/{}", c.panel),
        app.org(),
        &json!({"starts_at": "2009-06-04T10:00:00", "ends_at": "2009-06-04T12:00:00"}),
    )
    .await
    .expect(200);
    let (after, calendar) = ics(app.get(&path, As::Anonymous).await);
    let moved = event_with_uid(&calendar, &uid(c.panel));
    assert_eq!(moved.get_sequence(), Some(1));
    assert!(after.contains("DTSTART;TZID=Europe/Brussels:20090604T100000\r\n"));
    assert_ne!(before, after);

    app.patch(
        &format!("/api/v1/sessions/{}", c.panel),
        app.org(),
        &json!({"room": "Room 5"}),
    )
    .await
    .expect(200);
    let (_, calendar) = ics(app.get(&path, As::Anonymous).await);
    let moved = event_with_uid(&calendar, &uid(c.panel));
    assert_eq!(moved.get_sequence(), Some(2));
    assert_eq!(moved.get_location(), Some("Room 5, Brussels"));
}

#[tokio::test]
async fn a_cancelled_event_gives_status_cancelled() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    app.post(
        &format!("/api/v1/events/{}/cancel", c.slug),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let (text, calendar) = ics(app
        .get(&format!("/events/{}/calendar.ics", c.slug), As::Anonymous)
        .await);
    assert_eq!(calendar.events().count(), 2);
    for event in calendar.events() {
        assert_eq!(event.get_status(), Some(icalendar::EventStatus::Cancelled));
        assert!(
            event
                .get_description()
                .unwrap()
                .starts_with("This event has been cancelled.")
        );
    }
    assert!(!text.contains("STATUS:CONFIRMED"));
    // The UID stays; cancelling raised the SEQUENCE.
    let panel = event_with_uid(&calendar, &uid(c.panel));
    assert!(panel.get_sequence().unwrap() >= 1);
}

#[tokio::test]
async fn calendars_answer_304_to_their_etag_and_change_it_when_they_change() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    let path = format!("/events/{}/calendar.ics", c.slug);
    let first = app.get(&path, As::Anonymous).await.expect(200);
    let etag = first.headers["etag"].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.ends_with('"'));
    let last_modified = first.headers["last-modified"].to_str().unwrap().to_string();
    assert!(last_modified.ends_with(" GMT"), "{last_modified}");
    // The same body, the same tag.
    let again = app.get(&path, As::Anonymous).await.expect(200);
    assert_eq!(again.headers["etag"], etag.as_str());
    assert_eq!(again.body, first.body);

    let cached = app
        .get_with_headers(&path, &[("if-none-match", &etag)])
        .await
        .expect(304);
    assert!(cached.body.is_empty());
    assert_eq!(cached.headers["etag"], etag.as_str());
    app.get_with_headers(&path, &[("if-none-match", "\"something-else\"")])
        .await
        .expect(200);

    app.patch(
        &format!("/api/v1/sessions/{}", c.plenary),
        app.org(),
        &json!({"room": "Hemicycle"}),
    )
    .await
    .expect(200);
    let changed = app
        .get_with_headers(&path, &[("if-none-match", &etag)])
        .await
        .expect(200);
    assert_ne!(changed.headers["etag"], etag.as_str());
}

#[tokio::test]
async fn hostile_text_stays_inside_its_value() {
    let app = spawn_app().await;
    let title = "<script>alert('x')</script>; DROP, \\ TABLE";
    let Panel {
        event: slug,
        session,
        ..
    } = app
        .brussels_session(title, "14:00", "16:00", Some("Room 1; Annex, \\ East"))
        .await;
    let description = "First line\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\nATTENDEE:mailto:evil@example.org\rlast, ; \\";
    app.patch(
        &format!("/api/v1/sessions/{session}"),
        app.org(),
        &json!({"description": description}),
    )
    .await
    .expect(200);
    app.publish(&slug).await;
    let (text, calendar) = ics(app
        .get(&format!("/sessions/{session}/calendar.ics"), As::Anonymous)
        .await);
    assert_eq!(calendar.events().count(), 1, "{text}");
    let lines = lines(&text);
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
    assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 1);
    assert!(!lines.iter().any(|l| l.starts_with("UID:evil")));
    assert!(!lines.iter().any(|l| l.starts_with("ATTENDEE")));
    assert!(
        lines.contains(
            &"SUMMARY:<script>alert('x')</script>\\; DROP\\, \\\\ TABLE — Making a difference"
                .to_string()
        )
    );
    assert!(lines.contains(&"LOCATION:Room 1\\; Annex\\, \\\\ East\\, Brussels".to_string()));
    let parsed = event_with_uid(&calendar, &uid(session));
    assert_eq!(
        parsed.get_summary(),
        Some(format!("{title} — Making a difference").as_str())
    );
    let parsed_description = parsed.get_description().unwrap();
    assert!(
        parsed_description.contains(
            "First line\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nATTENDEE:mailto:evil@example.org\nlast, ; \\"
        ),
        "{parsed_description}"
    );
}

// ----- Feeds -----

#[tokio::test]
async fn a_persons_feed_lists_exactly_their_sessions() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    // The rapporteur also speaks in a second, published event, and is down for a
    // session of a draft one (not shown).
    let other = event_in(
        &app,
        "Global consultative roundtable",
        "Africa/Accra",
        "2008-07-01",
        "2008-07-01",
    )
    .await;
    let other_slug = &slug(&other);
    let accra = app
        .session(
            other_slug,
            "Regional perspectives",
            "2008-07-01T09:00:00",
            "2008-07-01T11:00:00",
            None,
        )
        .await;
    app.assign(accra, c.rapporteur, "speaker").await;
    app.publish(other_slug).await;
    let draft = event_in(
        &app,
        "Draft meeting",
        "Europe/Brussels",
        "2010-01-10",
        "2010-01-10",
    )
    .await;
    let draft_session = app
        .session(
            &slug(&draft),
            "Not yet",
            "2010-01-10T09:00:00",
            "2010-01-10T10:00:00",
            None,
        )
        .await;
    app.assign(draft_session, c.rapporteur, "rapporteur").await;

    let urls = rotate(&app, c.rapporteur).await;
    let feed_url = urls["feed_url"].as_str().unwrap();
    assert!(feed_url.starts_with("http://127.0.0.1:3000/feeds/") && feed_url.ends_with(".ics"));
    assert_eq!(
        urls["webcal_url"].as_str().unwrap(),
        feed_url.replacen("http://", "webcal://", 1)
    );
    let (text, calendar) = ics(app.get(&path_of(feed_url), As::Anonymous).await);
    let mut uids: Vec<String> = calendar
        .events()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    uids.sort();
    let mut expected = vec![uid(c.panel), uid(accra)];
    expected.sort();
    assert_eq!(uids, expected, "{text}");
    // Two zones, two VTIMEZONEs; Accra has no daylight saving.
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 2);
    assert!(text.contains("DTSTART;TZID=Africa/Accra:20080701T090000\r\n"));
    assert!(text.contains("X-WR-CALNAME:Mr Luc LAMPRIÈRE — Roundtable\r\n"));

    // The chair's feed has only the panel.
    let chair = rotate(&app, c.chair).await;
    let (_, calendar) = ics(app
        .get(&path_of(chair["feed_url"].as_str().unwrap()), As::Anonymous)
        .await);
    let uids: Vec<_> = calendar
        .events()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    assert_eq!(uids, vec![uid(c.panel)]);
}

#[tokio::test]
async fn a_feed_answers_304_to_its_etag_and_404_after_rotation() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    let first = rotate(&app, c.chair).await;
    let old_path = path_of(first["feed_url"].as_str().unwrap());
    let reply = app.get(&old_path, As::Anonymous).await.expect(200);
    assert_eq!(reply.headers["cache-control"], "private, no-cache");
    let etag = reply.headers["etag"].to_str().unwrap().to_string();
    app.get_with_headers(&old_path, &[("if-none-match", &etag)])
        .await
        .expect(304);
    // The token is stored hashed.
    let token = old_path
        .trim_start_matches("/feeds/")
        .trim_end_matches(".ics")
        .to_string();
    assert_eq!(app.count("feed_tokens").await, 1);
    assert_eq!(
        app.count(&format!("feed_tokens WHERE token_hash = '{token}'"))
            .await,
        0
    );

    let second = rotate(&app, c.chair).await;
    assert_ne!(second["feed_url"], first["feed_url"]);
    app.get(&old_path, As::Anonymous).await.expect(404);
    app.get_with_headers(&old_path, &[("if-none-match", &etag)])
        .await
        .expect(404);
    app.get(
        &path_of(second["feed_url"].as_str().unwrap()),
        As::Anonymous,
    )
    .await
    .expect(200);
    assert_eq!(app.count("feed_tokens").await, 1);
}

#[tokio::test]
async fn only_organizers_make_feed_addresses_and_unknown_tokens_are_404() {
    let app = spawn_app().await;
    let person = app.person("Ms", "Ada", "LOVELACE").await;
    let path = format!("/api/v1/people/{person}/feed");
    app.post(&path, As::Anonymous, &json!({})).await.expect(401);
    app.post(&path, app.member_token(), &json!({}))
        .await
        .expect(403);
    app.post("/api/v1/people/999999/feed", app.org(), &json!({}))
        .await
        .expect(404);
    app.post("/api/v1/people/abc/feed", app.org(), &json!({}))
        .await
        .expect(404);
    let urls = rotate(&app, person).await;
    // Someone with no sessions gets an empty (but valid) calendar.
    let (_, calendar) = ics(app
        .get(&path_of(urls["feed_url"].as_str().unwrap()), As::Anonymous)
        .await);
    assert_eq!(calendar.events().count(), 0);
    for unknown in [
        "/feeds/nope.ics",
        "/feeds/.ics",
        "/feeds/nope",
        "/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
    ] {
        app.get(unknown, As::Anonymous).await.expect(404);
    }
    // The rotation is in the audit log, without the token.
    let audit = app
        .get("/api/v1/audit?entity=feed_token", app.org())
        .await
        .expect(200)
        .text();
    assert!(audit.contains("rotate"), "{audit}");
    assert!(
        !audit.contains(
            path_of(urls["feed_url"].as_str().unwrap())
                .trim_start_matches("/feeds/")
                .trim_end_matches(".ics")
        )
    );
}

#[tokio::test]
async fn feed_url_for_makes_a_working_address_and_replaces_the_previous_one() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    let public = app.settings.server.public_url.clone();
    let first = roundtable::calendar::feed_url_for(app.db.conn(), c.chair as i32, &public)
        .await
        .unwrap();
    app.get(&path_of(&first), As::Anonymous).await.expect(200);
    let second = roundtable::calendar::feed_url_for(app.db.conn(), c.chair as i32, &public)
        .await
        .unwrap();
    assert_ne!(first, second);
    app.get(&path_of(&first), As::Anonymous).await.expect(404);
    app.get(&path_of(&second), As::Anonymous).await.expect(200);
    assert!(
        roundtable::calendar::feed_url_for(app.db.conn(), 999_999, &public)
            .await
            .is_err()
    );
}

// ----- Pages -----

#[tokio::test]
async fn event_and_session_pages_offer_add_to_calendar_links() {
    let app = spawn_app().await;
    let c = conference(&app).await;
    let page = app
        .get(&format!("/events/{}", c.slug), As::Anonymous)
        .await
        .page(200)
        .text();
    assert!(
        page.contains(&format!("href=\"/events/{}/calendar.ics\"", c.slug)),
        "{page}"
    );
    assert!(page.contains(&format!("href=\"/events/{}/webcal\"", c.slug)));
    let page = app
        .get(&format!("/sessions/{}", c.panel), As::Anonymous)
        .await
        .page(200)
        .text();
    assert!(
        page.contains(&format!("href=\"/sessions/{}/calendar.ics\"", c.panel)),
        "{page}"
    );
    assert!(page.contains(&format!("href=\"/sessions/{}/webcal\"", c.panel)));

    let redirect = app
        .get(&format!("/events/{}/webcal", c.slug), As::Anonymous)
        .await
        .expect(303);
    assert_eq!(
        redirect.location(),
        format!("webcal://127.0.0.1:3000/events/{}/calendar.ics", c.slug)
    );
    let redirect = app
        .get(&format!("/sessions/{}/webcal", c.panel), As::Anonymous)
        .await
        .expect(303);
    assert_eq!(
        redirect.location(),
        format!("webcal://127.0.0.1:3000/sessions/{}/calendar.ics", c.panel)
    );
}

// ----- Samples for the independent parsers of .ci/run -----

/// Writes calendars to `target/ics-samples/` for `scripts/check_ics.py` (and
/// ../shared/tools/validate-ics): `cargo test --test calendar -- --ignored`.
#[tokio::test]
#[ignore = "writes files for .ci/run"]
async fn write_ics_samples() {
    let app = spawn_app().await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ics-samples");
    std::fs::create_dir_all(&dir).unwrap();
    let c = conference(&app).await;
    let save = |name: &str, text: String| {
        std::fs::write(dir.join(name), text).unwrap();
    };
    save(
        "rust-event.ics",
        app.get(&format!("/events/{}/calendar.ics", c.slug), As::Anonymous)
            .await
            .expect(200)
            .text(),
    );
    // Hostile text.
    let session = app
        .session(
            &c.slug,
            "<script>alert(1)</script>; DROP, \\ TABLE — LAMPRIÈRE ÈÈÈ ÈÈÈ ÈÈÈ ÈÈÈ ÈÈÈ ÈÈÈ ÈÈÈ ÈÈÈ",
            "2009-06-04T09:00:00",
            "2009-06-04T10:00:00",
            Some("Room; 1, \\ annex"),
        )
        .await;
    app.patch(
        &format!("/api/v1/sessions/{session}"),
        app.org(),
        &json!({"description": "Line\r\nEND:VEVENT\r\nBEGIN:VEVENT\nUID:evil\r, ; \\"}),
    )
    .await
    .expect(200);
    save(
        "rust-hostile-session.ics",
        app.get(&format!("/sessions/{session}/calendar.ics"), As::Anonymous)
            .await
            .expect(200)
            .text(),
    );
    // Southern and unshifted zones, across a year boundary, in one feed.
    for (title, zone, day, start, end) in [
        (
            "Santiago roundtable",
            "America/Santiago",
            "2023-12-31",
            "2023-12-31T22:00:00",
            "2024-01-01T01:00:00",
        ),
        (
            "Sydney roundtable",
            "Australia/Sydney",
            "2008-04-06",
            "2008-04-06T09:00:00",
            "2008-04-06T11:00:00",
        ),
        (
            "Accra roundtable",
            "Africa/Accra",
            "2008-07-01",
            "2008-07-01T09:00:00",
            "2008-07-01T11:00:00",
        ),
    ] {
        let ends_on = &end[..10];
        let event = event_in(&app, title, zone, day, ends_on).await;
        let slug = slug(&event);
        let s = app
            .session(&slug, title, start, end, Some("Main hall"))
            .await;
        app.assign(s, c.rapporteur, "speaker").await;
        app.publish(&slug).await;
    }
    let urls = rotate(&app, c.rapporteur).await;
    save(
        "rust-feed.ics",
        app.get(&path_of(urls["feed_url"].as_str().unwrap()), As::Anonymous)
            .await
            .expect(200)
            .text(),
    );
    // Someone with no sessions yet.
    let nobody = app.person("Ms", "Ada", "LOVELACE").await;
    let urls = rotate(&app, nobody).await;
    save(
        "rust-empty-feed.ics",
        app.get(&path_of(urls["feed_url"].as_str().unwrap()), As::Anonymous)
            .await
            .expect(200)
            .text(),
    );
    // An invitation and its cancellation, as mail builds them.
    let sessions = roundtable::events::store::sessions_by_id(app.db.conn(), [c.panel as i32])
        .await
        .unwrap();
    let public = app.settings.server.public_url.clone();
    let mut items = roundtable::calendar::session_events(app.db.conn(), &public, &sessions)
        .await
        .unwrap();
    for item in &mut items {
        item.organizer = Some(("Roundtable organizers".into(), "events@example.org".into()));
        item.attendees = vec![roundtable::calendar::Attendee {
            name: "Mr Luc LAMPRIÈRE, Oxfam France".into(),
            email: "luc@example.org".into(),
            role: Some(roundtable::events::ParticipantRole::Rapporteur),
            partstat: "NEEDS-ACTION".into(),
            rsvp: true,
        }];
    }
    save(
        "rust-request.ics",
        roundtable::calendar::calendar("Invitation", roundtable::calendar::Method::Request, &items),
    );
    for item in &mut items {
        item.sequence += 1;
        item.stamp += chrono::Duration::minutes(5);
    }
    save(
        "rust-cancel.ics",
        roundtable::calendar::calendar("Cancelled", roundtable::calendar::Method::Cancel, &items),
    );
}

#[tokio::test]
async fn an_organizer_makes_a_persons_feed_address_from_their_page() {
    let app = spawn_app().await;
    let person = app.person("Mr", "Gareth", "Evans").await;
    let browser = app.organizer_browser().await;
    let page = app
        .get_page(&format!("/organize/people/{person}/edit"), Some(&browser))
        .await
        .page(200);
    assert!(
        page.text()
            .contains(&format!("/organize/people/{person}/feed"))
    );
    let shown = app
        .submit(&format!("/organize/people/{person}/feed"), &browser, &[])
        .await
        .page(200)
        .text();
    let path = shown
        .split("/feeds/")
        .nth(1)
        .and_then(|rest| rest.split(".ics").next())
        .map(|token| format!("/feeds/{token}.ics"))
        .expect("the page shows the feed address");
    app.get(&path, common::As::Anonymous).await.expect(200);
    // A member may not.
    app.request(
        axum::http::Method::POST,
        &format!("/organize/people/{person}/feed"),
        app.member_token(),
        None,
        None,
    )
    .await
    .expect(403);
}
