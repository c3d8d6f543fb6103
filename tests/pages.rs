//! The server-rendered pages over HTTP: what the public pages show, escaping, error pages,
//! who may enter the organizers' workspace, CSRF, sign-in and sign-out, the workspace's
//! forms, and static assets.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::Method;
use common::fixtures::{Panel, Seat, slug};
use common::{
    As, CSRF_COOKIE, FLASH_COOKIE, Reply, SESSION_COOKIE, TEST_PASSWORD, TestApp, cookie_value,
    spawn_app, with_cookies_from,
};
use serde_json::{Value, json};

const XSS: &str = "<script>alert(1)</script>";
const LETLOJANE: &str = "Ms Corlett LETLOJANE, Director, Human Rights Institute of South Africa";

// ----- Helpers -----

/// Publishes an outcome report for the event, from an approved summary of `session` by
/// `rapporteur` (a person), written by an organizer.
async fn publish_report(app: &TestApp, slug: &str, session: i64, rapporteur: i64) {
    app.assign(session, rapporteur, "rapporteur").await;
    let summary = format!("/api/v1/sessions/{session}/summary");
    app.send(
        Method::PUT,
        &summary,
        app.org(),
        &json!({"overview": "The session agreed on three points."}),
    )
    .await
    .expect(200);
    app.post(&format!("{summary}/submit"), app.org(), &json!({}))
        .await
        .expect(200);
    app.post(&format!("{summary}/approve"), app.org(), &json!({}))
        .await
        .expect(200);
    app.post(
        &format!("/api/v1/events/{slug}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
}

/// Where `needle` is in `body`, failing with the body when absent.
#[track_caller]
fn at(body: &str, needle: &str) -> usize {
    body.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page:\n{body}"))
}

#[track_caller]
fn shows(body: &str, needle: &str) {
    at(body, needle);
}

#[track_caller]
fn lacks(body: &str, needle: &str) {
    assert!(
        !body.contains(needle),
        "{needle:?} should not be on the page:\n{body}"
    );
}

/// The markup of one form field, from its wrapper to the next field's.
#[track_caller]
fn field<'a>(body: &'a str, id: &str) -> &'a str {
    let input = at(body, &format!("id=\"{id}\""));
    let start = body[..input]
        .rfind("<div class=\"field")
        .expect("a field wrapper");
    let end = body[input..]
        .find("<div class=\"field")
        .map_or(body.len(), |end| input + end);
    &body[start..end]
}

/// The markup is shown escaped, never raw.
#[track_caller]
fn escaped(reply: &Reply, what: &str) {
    let body = reply.text().to_lowercase();
    assert!(
        !body.contains("<script>alert(1)"),
        "{what}: raw markup on the page:\n{body}"
    );
    assert!(
        body.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{what}: the name is not shown escaped:\n{body}"
    );
}

/// The id at the end of a redirect to `/organize/sessions/{id}`.
fn session_id_of(location: &str) -> i64 {
    location
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a session location: {location}"))
}

// ----- Public pages -----

#[tokio::test]
async fn the_home_page_lists_published_events_but_not_drafts() {
    let app = spawn_app().await;
    let past = app.brussels_event().await;
    app.publish(&slug(&past)).await;
    let upcoming = app
        .event_with(
            json!({"title": "Roundtable on early warning", "kind": "roundtable",
                   "starts_on": "2099-03-10", "ends_on": "2099-03-10"}),
        )
        .await;
    app.publish(&slug(&upcoming)).await;
    app.event_with(
        json!({"title": "Draft planning meeting", "starts_on": "2099-05-01", "ends_on": "2099-05-01"}),
    )
    .await;

    let home = app.get_page("/", None).await.page(200).text();
    let upcoming_at = at(&home, "Upcoming events");
    let recent_at = at(&home, "Recent events");
    let future = at(&home, "Roundtable on early warning");
    let brussels = at(&home, "Making a difference");
    assert!(upcoming_at < future && future < recent_at);
    assert!(recent_at < brussels);
    shows(&home, &format!("href=\"/events/{}\"", slug(&past)));
    shows(&home, "3–4 June 2009");
    shows(&home, "Brussels, Belgium");
    lacks(&home, "Draft planning meeting");
}

#[tokio::test]
async fn the_events_list_shows_only_the_events_matching_region_kind_and_year() {
    let app = spawn_app().await;
    for fields in [
        json!({}),
        json!({"title": "Consultative roundtable in Johannesburg", "kind": "roundtable",
               "starts_on": "2008-06-30", "ends_on": "2008-07-01", "timezone": "Africa/Johannesburg",
               "city": "Johannesburg", "country": "ZA", "region": "africa"}),
        json!({"title": "Consultative roundtable in Bangkok", "kind": "roundtable",
               "starts_on": "2008-10-02", "ends_on": "2008-10-02", "timezone": "Asia/Bangkok",
               "city": "Bangkok", "country": "TH", "region": "asia-pacific"}),
    ] {
        let event = app.event_with(fields).await;
        app.publish(&slug(&event)).await;
    }
    app.event_with(
        json!({"title": "Unpublished workshop in Nairobi", "kind": "workshop",
               "starts_on": "2008-11-04", "ends_on": "2008-11-04", "timezone": "Africa/Nairobi",
               "region": "africa"}),
    )
    .await;
    let brussels = "Making a difference";
    let johannesburg = "Consultative roundtable in Johannesburg";
    let bangkok = "Consultative roundtable in Bangkok";
    let nairobi = "Unpublished workshop in Nairobi";

    let cases: [(&str, &[&str]); 7] = [
        ("/events", &[brussels, johannesburg, bangkok]),
        ("/events?region=africa", &[johannesburg]),
        ("/events?kind=conference", &[brussels]),
        ("/events?year=2008", &[johannesburg, bangkok]),
        (
            "/events?region=asia-pacific&kind=roundtable&year=2008",
            &[bangkok],
        ),
        ("/events?region=africa&year=2009", &[]),
        // Values that are not filters are ignored, not refused.
        (
            "/events?region=mars&kind=party&year=abc",
            &[brussels, johannesburg, bangkok],
        ),
    ];
    for (path, expected) in cases {
        let page = app.get_page(path, None).await.page(200).text();
        for title in [brussels, johannesburg, bangkok, nairobi] {
            assert_eq!(
                page.contains(title),
                expected.contains(&title),
                "{path}: {title} shown = {}",
                page.contains(title)
            );
        }
        if expected.is_empty() {
            shows(&page, "No events match");
        }
    }
    let filtered = app
        .get_page("/events?region=africa&kind=roundtable", None)
        .await
        .page(200)
        .text();
    shows(&filtered, "<option value=\"africa\" selected>");
    shows(&filtered, "<option value=\"roundtable\" selected>");
    shows(&filtered, "1 event matches these filters.");
}

#[tokio::test]
async fn the_event_page_shows_facts_organizers_and_the_programme_by_day_in_local_time() {
    let app = spawn_app().await;
    let hurisa = app
        .post(
            "/api/v1/organizations",
            app.org(),
            &json!({"name": "Global Centre for the Responsibility to Protect", "acronym": "GCR2P",
                    "kind": "ngo", "region": "global"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let chair = app.letlojane().await;
    let institute = app
        .get(&format!("/api/v1/people/{chair}"), app.org())
        .await
        .expect(200)
        .json()["organization_id"]
        .as_i64()
        .unwrap();
    let event = app
        .event_with(json!({"venue": "Résidence Palace",
                           "description": "Civil society and governments in Europe.\n\nA second paragraph.",
                           "organizers": [{"organization_id": institute, "role": "organizer"},
                                          {"organization_id": hurisa, "role": "co-organizer"}]}))
        .await;
    let slug = slug(&event);
    let panel = app
        .session(
            &slug,
            "The Responsibility to Protect",
            "2009-06-03T14:00:00",
            "2009-06-03T15:30:00",
            Some("Room A"),
        )
        .await;
    app.session(
        &slug,
        "Closing plenary",
        "2009-06-04T09:30:00+02:00",
        "2009-06-04T11:00:00+02:00",
        None,
    )
    .await;
    app.assign(panel, chair, "chair").await;
    app.seat(
        panel,
        [
            Seat::speaker("Dr", "Edward", "Luck"),
            Seat::speaker("Prof", "Gareth", "Evans"),
            Seat::rapporteur("Mr", "Jan", "Smit"),
        ],
    )
    .await;
    app.publish(&slug).await;

    let page = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    shows(&page, "<h1>Making a difference</h1>");
    shows(
        &page,
        "Strengthening capacities to respond to crises and security threats",
    );
    shows(&page, "<dd>3–4 June 2009</dd>");
    shows(&page, "<dd>Résidence Palace</dd>");
    shows(&page, "<dd>Brussels, Belgium</dd>");
    shows(&page, "<dd>Europe</dd>");
    shows(&page, "Europe/Brussels");
    shows(&page, "<p>A second paragraph.</p>");
    shows(
        &page,
        "<span class=\"role\">Organizer</span> Human Rights Institute of South Africa</li>",
    );
    shows(
        &page,
        "<span class=\"role\">Co-organizer</span> Global Centre for the Responsibility to Protect (GCR2P)</li>",
    );
    // Day by day, at the wall-clock time of Brussels (12:00 UTC is 14:00 there).
    let first_day = at(&page, "Wednesday, 3 June 2009");
    let panel_time = at(&page, "14:00–15:30");
    let second_day = at(&page, "Thursday, 4 June 2009");
    let closing_time = at(&page, "09:30–11:00");
    assert!(first_day < panel_time && panel_time < second_day && second_day < closing_time);
    lacks(&page, "12:00–13:30");
    shows(&page, "Panel · Room A");
    // Chair, speakers, rapporteur, in protocol style and in that order.
    let chair_at = at(&page, "<span class=\"role\">Chair</span>");
    let line_at = at(&page, &format!("<li>{LETLOJANE}</li>"));
    let speakers_at = at(&page, "<span class=\"role\">Speakers</span>");
    let luck_at = at(&page, "<li>Dr Edward LUCK</li>");
    let evans_at = at(&page, "<li>Prof Gareth EVANS</li>");
    let rapporteur_at = at(&page, "<span class=\"role\">Rapporteur</span>");
    let smit_at = at(&page, "<li>Mr Jan SMIT</li>");
    assert!(chair_at < line_at && line_at < speakers_at);
    assert!(speakers_at < luck_at && luck_at < evans_at && evans_at < rapporteur_at);
    assert!(rapporteur_at < smit_at);
    shows(&page, &format!("href=\"/sessions/{panel}\""));
}

#[tokio::test]
async fn the_session_page_shows_its_time_room_format_and_people() {
    let app = spawn_app().await;
    let Panel {
        event: slug,
        session: panel,
        ..
    } = app
        .brussels_session(
            "The Responsibility to Protect",
            "14:00",
            "15:30",
            Some("Room A"),
        )
        .await;
    let chair = app.letlojane().await;
    app.assign(panel, chair, "chair").await;
    app.publish(&slug).await;

    let page = app
        .get_page(&format!("/sessions/{panel}"), None)
        .await
        .page(200)
        .text();
    shows(&page, "<h1>The Responsibility to Protect</h1>");
    shows(&page, "Wednesday, 3 June 2009, 14:00–15:30");
    shows(&page, "(Europe/Brussels)");
    shows(&page, "<dd>Room A</dd>");
    shows(&page, "<dd>Panel</dd>");
    shows(&page, "<h2>Chair</h2>");
    shows(&page, &format!("<li>{LETLOJANE}</li>"));
    shows(
        &page,
        &format!("<a href=\"/events/{slug}\">Making a difference</a>"),
    );
}

#[tokio::test]
async fn the_series_pages_show_a_timeline_and_the_events_by_region() {
    let app = spawn_app().await;
    let series = app
        .series(json!({"title": "Global consultative roundtables",
                       "description": "Regional roundtables on the Responsibility to Protect."}))
        .await;
    let series_slug = slug(&series);
    for fields in [
        json!({"title": "Consultative roundtable in Bangkok", "kind": "roundtable",
               "starts_on": "2008-10-02", "ends_on": "2008-10-02", "timezone": "Asia/Bangkok",
               "city": "Bangkok", "country": "TH", "region": "asia-pacific", "series": series_slug}),
        json!({"title": "Consultative roundtable in Johannesburg", "kind": "roundtable",
               "starts_on": "2008-06-30", "ends_on": "2008-07-01", "timezone": "Africa/Johannesburg",
               "city": "Johannesburg", "country": "ZA", "region": "africa", "series": series_slug}),
    ] {
        let event = app.event_with(fields).await;
        app.publish(&slug(&event)).await;
    }
    app.event_with(
        json!({"title": "Roundtable still in draft", "series": series_slug, "region": "americas"}),
    )
    .await;

    let list = app.get_page("/series", None).await.page(200).text();
    shows(
        &list,
        &format!("<a href=\"/series/{series_slug}\">Global consultative roundtables</a>"),
    );
    shows(
        &list,
        "Regional roundtables on the Responsibility to Protect.",
    );

    let page = app
        .get_page(&format!("/series/{series_slug}"), None)
        .await
        .page(200)
        .text();
    shows(&page, "<h1>Global consultative roundtables</h1>");
    let timeline = at(&page, "<h2>Timeline</h2>");
    let by_region = at(&page, "<h2>By region</h2>");
    let johannesburg = at(&page, "Consultative roundtable in Johannesburg");
    let bangkok = at(&page, "Consultative roundtable in Bangkok");
    assert!(timeline < johannesburg && johannesburg < bangkok && bangkok < by_region);
    shows(&page, "<strong>30 June – 1 July 2008</strong>");
    let africa = at(&page, "<h3>Africa</h3>");
    let asia = at(&page, "<h3>Asia-Pacific</h3>");
    assert!(by_region < africa && by_region < asia);
    let africa_section = &page[africa..];
    let johannesburg_card = at(africa_section, "Consultative roundtable in Johannesburg");
    assert!(johannesburg_card < at(africa_section, "<h3>Asia-Pacific</h3>"));
    lacks(&page, "Roundtable still in draft");
    lacks(&page, "<h3>Americas</h3>");
}

#[tokio::test]
async fn the_documents_page_lists_published_reports_by_region() {
    let app = spawn_app().await;
    let brussels = app.brussels_event().await;
    app.publish(&slug(&brussels)).await;
    let johannesburg = app.event_with(
        json!({"title": "Consultative roundtable in Johannesburg", "kind": "roundtable",
               "starts_on": "2008-06-30", "ends_on": "2008-07-01", "timezone": "Africa/Johannesburg",
               "region": "africa"}),
    )
    .await;
    let johannesburg = slug(&johannesburg);
    app.publish(&johannesburg).await;
    app.event_with(json!({"title": "Draft roundtable in Accra", "region": "africa"}))
        .await;

    // Past events without a published report are not documents.
    let none = app.get_page("/documents", None).await.page(200).text();
    shows(&none, "<h1>Documents</h1>");
    shows(&none, "No documents yet.");
    lacks(&none, "Consultative roundtable in Johannesburg");

    let session = app
        .session(
            &johannesburg,
            "Regional mechanisms",
            "2008-06-30T09:00:00",
            "2008-06-30T11:00:00",
            None,
        )
        .await;
    let rapporteur = app.letlojane().await;
    publish_report(&app, &johannesburg, session, rapporteur).await;
    let all = app.get_page("/documents", None).await.page(200).text();
    shows(
        &all,
        &format!(
            "<a href=\"/events/{johannesburg}/report\">Outcome report: Consultative roundtable in Johannesburg</a>"
        ),
    );
    lacks(&all, "Making a difference");
    lacks(&all, "Draft roundtable in Accra");
    let africa = app
        .get_page("/documents?region=africa", None)
        .await
        .page(200)
        .text();
    shows(&africa, "<h2>Africa</h2>");
    shows(&africa, "Consultative roundtable in Johannesburg");
    shows(&africa, "<option value=\"africa\" selected>");
    let europe = app
        .get_page("/documents?region=europe", None)
        .await
        .page(200)
        .text();
    lacks(&europe, "Consultative roundtable in Johannesburg");
    shows(&europe, "No documents for Europe yet.");
}

#[tokio::test]
async fn the_sign_in_page_offers_a_form_with_its_csrf_token_and_where_to_go_next() {
    let app = spawn_app().await;
    let page = app.get_page("/login?next=/organize", None).await.page(200);
    let csrf = page.set_cookie(CSRF_COOKIE).expect("a CSRF cookie");
    let line = page.set_cookie_line(CSRF_COOKIE).unwrap();
    assert!(line.contains("HttpOnly") && line.contains("SameSite=Lax"));
    let body = page.text();
    shows(&body, "<h1>Member sign in</h1>");
    shows(
        &body,
        &format!("<input type=\"hidden\" name=\"_csrf\" value=\"{csrf}\">"),
    );
    shows(&body, "name=\"email\"");
    shows(&body, "name=\"password\" type=\"password\"");
    shows(
        &body,
        "<input type=\"hidden\" name=\"next\" value=\"/organize\">",
    );
    // A visitor who already has the cookie keeps it.
    let again = app
        .get_page("/login", Some(&format!("{CSRF_COOKIE}={csrf}")))
        .await
        .page(200);
    assert!(again.set_cookie(CSRF_COOKIE).is_none());
    shows(&again.text(), &format!("value=\"{csrf}\""));
}

// ----- Escaping -----

#[tokio::test]
async fn names_with_markup_are_shown_escaped_on_every_page_that_shows_them() {
    let app = spawn_app().await;
    let org = app.organization(XSS).await;
    let person = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "Ms", "given_name": XSS, "family_name": "Doe",
                    "position": XSS, "organization_id": org}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let series = app.series(json!({"title": XSS, "description": XSS})).await;
    let series_slug = slug(&series);
    let event = app
        .event_with(
            json!({"title": XSS, "subtitle": XSS, "venue": XSS, "city": XSS, "description": XSS,
                   "series": series_slug, "organizers": [{"organization_id": org, "role": "host"}]}),
        )
        .await;
    let slug = slug(&event);
    let first = app
        .session(
            &slug,
            XSS,
            "2009-06-03T09:30:00",
            "2009-06-03T11:00:00",
            Some(XSS),
        )
        .await;
    let second = app
        .session(
            &slug,
            "Second <b>panel</b>",
            "2009-06-03T10:00:00",
            "2009-06-03T11:30:00",
            None,
        )
        .await;
    // The same person in both: the conflicts report names them and the sessions.
    app.assign(first, person, "chair").await;
    app.assign(second, person, "chair").await;
    app.publish(&slug).await;
    publish_report(&app, &slug, first, person).await;

    for path in [
        "/".to_string(),
        "/events".to_string(),
        "/events?region=europe&year=2009".to_string(),
        format!("/events/{slug}"),
        format!("/sessions/{first}"),
        "/series".to_string(),
        format!("/series/{series_slug}"),
        "/documents".to_string(),
        "/documents?region=europe".to_string(),
        format!("/events/{slug}/report"),
        format!("/series/{series_slug}/report"),
    ] {
        let reply = app.get_page(&path, None).await.page(200);
        escaped(&reply, &path);
        lacks(&reply.text(), "<b>panel</b>");
    }
    let next = format!(
        "/login?next={}",
        url::form_urlencoded::byte_serialize(format!("/\">{XSS}").as_bytes()).collect::<String>()
    );
    escaped(
        &app.get_page(&next, None).await.page(200),
        "the sign-in page",
    );

    let browser = app.organizer_browser().await;
    let search = url::form_urlencoded::byte_serialize(XSS.as_bytes()).collect::<String>();
    for path in [
        "/organize".to_string(),
        format!("/organize/events/{slug}"),
        format!("/organize/events/{slug}/edit"),
        format!("/organize/events/{slug}/sessions/new"),
        "/organize/events/new".to_string(),
        format!("/organize/sessions/{first}"),
        format!("/organize/sessions/{first}?q=alert"),
        format!("/organize/sessions/{first}?q={search}"),
        format!("/organize/sessions/{first}/edit"),
        format!("/organize/sessions/{second}"),
        "/organize/people".to_string(),
        format!("/organize/people?q={search}"),
        format!("/organize/people/{person}/edit"),
        "/organize/people/new".to_string(),
        "/organize/organizations".to_string(),
        format!("/organize/organizations?q={search}"),
        format!("/organize/organizations/{org}/edit"),
        format!("/organize/series/{series_slug}/edit"),
    ] {
        let reply = app.get_page(&path, Some(&browser)).await.page(200);
        escaped(&reply, &path);
        lacks(&reply.text(), "<b>panel</b>");
    }
    // The conflict is there, escaped.
    let workspace = app
        .get_page(&format!("/organize/events/{slug}"), Some(&browser))
        .await
        .text();
    shows(&workspace, "1 conflict to resolve");
    lacks(&workspace, "before publishing");

    // A confirmation naming it, on the next page.
    let saved = app
        .submit(
            &format!("/organize/organizations/{org}/edit"),
            &browser,
            &[("name", XSS), ("kind", "ngo")],
        )
        .await
        .expect(303);
    assert!(saved.set_cookie(FLASH_COOKIE).is_some());
    let next_page = app
        .get_page(
            &saved.location(),
            Some(&with_cookies_from(&browser, &saved)),
        )
        .await
        .page(200);
    shows(&next_page.text(), "was saved.");
    escaped(&next_page, "the confirmation");

    // A refused form shows what was typed, escaped.
    let refused = app
        .submit(
            "/organize/events/new",
            &browser,
            &[("title", XSS), ("kind", ""), ("timezone", XSS)],
        )
        .await
        .page(422);
    escaped(&refused, "a refused event form");
    let refused = app
        .submit(
            &format!("/organize/sessions/{first}/participants/new"),
            &browser,
            &[
                ("role", "speaker"),
                ("given_name", XSS),
                ("family_name", ""),
            ],
        )
        .await
        .page(422);
    escaped(&refused, "a refused new-person form");
}

// ----- Error pages -----

#[tokio::test]
async fn unknown_ids_slugs_and_paths_get_an_html_404_page() {
    let app = spawn_app().await;
    let browser = app.organizer_browser().await;
    for path in [
        "/events/nope",
        "/events/999999",
        "/events/99999999999999",
        "/events/%3Cscript%3E",
        "/events/0",
        "/sessions/999999",
        "/sessions/abc",
        "/sessions/0",
        "/sessions/-1",
        "/sessions/99999999999999",
        "/series/nope",
        "/series/999999",
        "/events/%FF",
        "/sessions/%FF",
        "/series/%FF",
        "/no/such/page",
        "/static/nope.css/more",
    ] {
        for who in [None, Some(browser.as_str())] {
            let page = app.get_page(path, who).await.page(404).text();
            shows(&page, "Page not found");
        }
    }
    for path in [
        "/organize/events/nope",
        "/organize/events/999999/edit",
        "/organize/events/nope/sessions/new",
        "/organize/sessions/abc",
        "/organize/sessions/999999/edit",
        "/organize/people/999999/edit",
        "/organize/people/abc/edit",
        "/organize/organizations/999999/edit",
        "/organize/series/nope/edit",
        "/organize/events/%FF",
        "/organize/sessions/%FF/edit",
        "/organize/people/%FF/edit",
    ] {
        let page = app.get_page(path, Some(&browser)).await.page(404).text();
        shows(&page, "Page not found");
    }
    // Posting to something that is not there is a 404 page too, and writes nothing.
    let events = app.count("events").await;
    for path in [
        "/organize/events/nope/publish",
        "/organize/events/nope/cancel",
        "/organize/events/nope/delete",
        "/organize/events/nope/sessions/new",
        "/organize/sessions/999999/participants/new",
        "/organize/sessions/abc/delete",
    ] {
        app.submit(
            path,
            &browser,
            &[("title", "x"), ("given_name", "A"), ("family_name", "B")],
        )
        .await
        .page(404);
    }
    assert_eq!(app.count("events").await, events);
    assert_eq!(app.count("people").await, 0);
}

#[tokio::test]
async fn a_draft_event_is_not_found_by_visitors_but_shown_to_an_organizer() {
    let app = spawn_app().await;
    let Panel {
        event: slug,
        event_id: id,
        session,
    } = app
        .brussels_session("Opening plenary", "09:30", "11:00", None)
        .await;
    let member = app.sign_in("member@example.org", TEST_PASSWORD).await;
    for who in [None, Some(member.as_str())] {
        for path in [
            format!("/events/{slug}"),
            format!("/events/{id}"),
            format!("/sessions/{session}"),
        ] {
            shows(
                &app.get_page(&path, who).await.page(404).text(),
                "Page not found",
            );
        }
        lacks(
            &app.get_page("/events", who).await.page(200).text(),
            "Making a difference",
        );
    }
    let browser = app.organizer_browser().await;
    let page = app
        .get_page(&format!("/events/{slug}"), Some(&browser))
        .await
        .page(200)
        .text();
    shows(&page, "Making a difference");
    shows(&page, "<span class=\"badge draft\">Draft</span>");
    app.get_page(&format!("/sessions/{session}"), Some(&browser))
        .await
        .page(200);
    shows(
        &app.get_page("/events", Some(&browser))
            .await
            .page(200)
            .text(),
        "Making a difference",
    );
}

// ----- Who may enter the workspace -----

#[tokio::test]
async fn visitors_are_sent_to_sign_in_before_the_workspace() {
    let app = spawn_app().await;
    for (path, next) in [
        ("/organize", "%2Forganize"),
        ("/organize/events/new", "%2Forganize%2Fevents%2Fnew"),
        ("/organize/people", "%2Forganize%2Fpeople"),
    ] {
        let reply = app.get_page(path, None).await;
        assert!(reply.status.is_redirection(), "{path}: {}", reply.status);
        assert_eq!(reply.location(), format!("/login?next={next}"));
    }
    // Posting a workspace form without signing in writes nothing either.
    let visitor = app.visitor().await;
    let reply = app
        .submit(
            "/organize/events/new",
            &visitor,
            &[
                ("title", "Sneaky"),
                ("kind", "conference"),
                ("starts_on", "2009-06-03"),
                ("ends_on", "2009-06-03"),
                ("timezone", "Europe/Brussels"),
            ],
        )
        .await;
    assert!(reply.status.is_redirection());
    assert!(reply.location().starts_with("/login?next="));
    assert_eq!(app.count("events").await, 0);
    // The sign-in page carries `next` through, and sign-in goes there.
    let form = app
        .get_page("/login?next=%2Forganize%2Fevents%2Fnew", Some(&visitor))
        .await
        .page(200)
        .text();
    shows(&form, "name=\"next\" value=\"/organize/events/new\"");
    let signed_in = app
        .submit(
            "/login",
            &visitor,
            &[
                ("email", "organizer@example.org"),
                ("password", TEST_PASSWORD),
                ("next", "/organize/events/new"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(signed_in.location(), "/organize/events/new");
}

#[tokio::test]
async fn members_and_rapporteurs_are_refused_the_workspace_and_organizers_enter_it() {
    let app = spawn_app().await;
    for email in ["member@example.org", "rapporteur@example.org"] {
        let browser = app.sign_in(email, TEST_PASSWORD).await;
        for path in ["/organize", "/organize/events/new", "/organize/people"] {
            let page = app.get_page(path, Some(&browser)).await.page(403).text();
            shows(&page, "Not allowed");
            shows(&page, "for organizers and admins");
        }
        let reply = app
            .submit(
                "/organize/organizations/new",
                &browser,
                &[("name", "Not mine to add"), ("kind", "ngo")],
            )
            .await
            .page(403);
        lacks(&reply.text(), "Not mine to add was added");
        assert_eq!(app.count("organizations").await, 0);
        lacks(
            &app.get_page("/", Some(&browser)).await.text(),
            "href=\"/organize\"",
        );
    }
    for email in ["organizer@example.org", "admin@example.org"] {
        let browser = app.sign_in(email, TEST_PASSWORD).await;
        let page = app
            .get_page("/organize", Some(&browser))
            .await
            .page(200)
            .text();
        shows(&page, "Organizers&#39; workspace");
        app.get_page("/organize/events/new", Some(&browser))
            .await
            .page(200);
    }
}

// ----- CSRF -----

#[tokio::test]
async fn forms_without_the_right_csrf_token_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    let visitor = app.visitor().await;
    let sessions = app.count("auth_sessions").await;
    let attempts = app.count("login_attempts").await;
    let login = [
        ("email", "organizer@example.org"),
        ("password", TEST_PASSWORD),
    ];
    let with = |token: &'static str| {
        let mut fields = vec![("_csrf", token)];
        fields.extend_from_slice(&login);
        fields
    };
    // No field; a wrong one; an empty one; a field but no cookie.
    for (cookie, fields) in [
        (Some(visitor.as_str()), login.to_vec()),
        (Some(visitor.as_str()), with("not-the-token")),
        (Some(visitor.as_str()), with("")),
        (None, with("not-the-token")),
        (Some("roundtable_csrf="), with("")),
    ] {
        let reply = app.post_form("/login", cookie, &fields).await.page(403);
        assert!(reply.set_cookie(SESSION_COOKIE).is_none());
        shows(&reply.text(), "did not come from this site");
    }
    assert_eq!(app.count("auth_sessions").await, sessions);
    assert_eq!(app.count("login_attempts").await, attempts);

    let browser = app.organizer_browser().await;
    let Panel {
        event: slug,
        session,
        ..
    } = app
        .brussels_session("Opening plenary", "09:30", "11:00", None)
        .await;
    let chair = app.letlojane().await;
    app.assign(session, chair, "chair").await;
    let tables = [
        "events",
        "sessions",
        "session_participants",
        "people",
        "organizations",
        "series",
        "auth_sessions",
        "audit_log",
    ];
    let mut before = Vec::new();
    for table in tables {
        before.push(app.count(table).await);
    }
    let new_event = [
        ("title", "Regional roundtable"),
        ("kind", "roundtable"),
        ("starts_on", "2009-06-03"),
        ("ends_on", "2009-06-03"),
        ("timezone", "Europe/Brussels"),
    ];
    let forms: Vec<(String, Vec<(&str, &str)>)> = vec![
        ("/organize/events/new".into(), new_event.to_vec()),
        (format!("/organize/events/{slug}/edit"), new_event.to_vec()),
        (format!("/organize/events/{slug}/publish"), vec![]),
        (format!("/organize/events/{slug}/cancel"), vec![]),
        (format!("/organize/events/{slug}/delete"), vec![]),
        (
            format!("/organize/events/{slug}/sessions/new"),
            vec![
                ("title", "Another"),
                ("starts_at", "2009-06-03T14:00"),
                ("ends_at", "2009-06-03T15:00"),
            ],
        ),
        (
            format!("/organize/sessions/{session}/edit"),
            vec![
                ("title", "Renamed"),
                ("starts_at", "2009-06-03T14:00"),
                ("ends_at", "2009-06-03T15:00"),
            ],
        ),
        (format!("/organize/sessions/{session}/delete"), vec![]),
        (
            format!("/organize/sessions/{session}/participants/new"),
            vec![
                ("role", "speaker"),
                ("given_name", "Edward"),
                ("family_name", "Luck"),
            ],
        ),
        (
            format!("/organize/sessions/{session}/participants/{chair}/remove"),
            vec![],
        ),
        (
            "/organize/people/new".into(),
            vec![("given_name", "Edward"), ("family_name", "Luck")],
        ),
        (
            "/organize/organizations/new".into(),
            vec![("name", "Another NGO"), ("kind", "ngo")],
        ),
        ("/organize/series/new".into(), vec![("title", "A series")]),
        ("/logout".into(), vec![]),
    ];
    for (path, fields) in &forms {
        // Without the field, then with a wrong token.
        app.post_form(path, Some(&browser), fields).await.page(403);
        let mut wrong = vec![("_csrf", "0123456789abcdef")];
        wrong.extend_from_slice(fields);
        app.post_form(path, Some(&browser), &wrong).await.page(403);
    }
    for (table, count) in tables.iter().zip(before) {
        assert_eq!(app.count(table).await, count, "{table} changed");
    }
    // Still signed in, and the event is still a draft.
    app.get_page("/organize", Some(&browser)).await.page(200);
    assert_eq!(
        app.get(&format!("/api/v1/events/{slug}"), app.org())
            .await
            .json()["status"],
        "draft"
    );
}

// ----- Sign-in and sign-out -----

#[tokio::test]
async fn a_wrong_password_shows_the_form_again_with_401_keeping_the_email() {
    let app = spawn_app().await;
    let visitor = app.visitor().await;
    let reply = app
        .submit(
            "/login",
            &visitor,
            &[
                ("email", "organizer@example.org"),
                ("password", "not the password"),
                ("next", "/organize"),
            ],
        )
        .await
        .page(401);
    assert!(reply.set_cookie(SESSION_COOKIE).is_none());
    let body = reply.text();
    shows(&body, "The email or password is incorrect.");
    shows(&body, "value=\"organizer@example.org\"");
    shows(&body, "name=\"next\" value=\"/organize\"");
    lacks(&body, "not the password");
    // An unknown email is answered the same way.
    let unknown = app
        .submit(
            "/login",
            &visitor,
            &[("email", "nobody@example.org"), ("password", "whatever")],
        )
        .await
        .page(401)
        .text();
    shows(&unknown, "The email or password is incorrect.");
    shows(&unknown, "value=\"nobody@example.org\"");
    // An empty form is refused without counting as an attempt.
    let attempts = app.count("login_attempts").await;
    app.submit("/login", &visitor, &[("email", ""), ("password", "")])
        .await
        .page(422);
    assert_eq!(app.count("login_attempts").await, attempts);
}

#[tokio::test]
async fn a_sign_in_with_a_nul_character_is_an_ordinary_failure_not_a_server_error() {
    let app = spawn_app().await;
    let visitor = app.visitor().await;
    let page = app
        .submit(
            "/login",
            &visitor,
            &[("email", "organizer\0@example.org"), ("password", "x\0y")],
        )
        .await
        .page(401)
        .text();
    shows(&page, "The email or password is incorrect.");
    // NUL is dropped from what forms send, on every form.
    let browser = app.organizer_browser().await;
    app.submit(
        "/organize/people/new",
        &browser,
        &[("given_name", "Cor\0lett"), ("family_name", "Letlojane")],
    )
    .await
    .expect(303);
    let people = app.get("/api/v1/people", app.org()).await.json();
    assert_eq!(people["items"][0]["given_name"], "Corlett");
}

#[tokio::test]
async fn the_sixth_failed_sign_in_in_a_row_is_refused_with_429() {
    let app = spawn_app().await;
    app.user_with_password(
        "corlett@example.org",
        "Corlett",
        "member",
        "the right password",
    )
    .await;
    let visitor = app.visitor().await;
    let attempt = |password: &'static str| {
        let visitor = visitor.clone();
        let app = &app;
        async move {
            app.submit(
                "/login",
                &visitor,
                &[("email", "corlett@example.org"), ("password", password)],
            )
            .await
        }
    };
    for _ in 0..5 {
        attempt("wrong").await.page(401);
    }
    let sixth = attempt("wrong").await.page(429).text();
    shows(&sixth, "Too many failed attempts");
    shows(&sixth, "value=\"corlett@example.org\"");
    // Even the right password waits now.
    let right = attempt("the right password").await.page(429);
    assert!(right.set_cookie(SESSION_COOKIE).is_none());
    // Another account is not affected.
    app.sign_in("member@example.org", TEST_PASSWORD).await;
}

#[tokio::test]
async fn signing_in_sets_an_http_only_lax_session_cookie_and_goes_to_a_local_next() {
    let app = spawn_app().await;
    let visitor = app.visitor().await;
    let reply = app
        .submit(
            "/login",
            &visitor,
            &[
                ("email", "organizer@example.org"),
                ("password", TEST_PASSWORD),
                ("next", "/organize/people"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), "/organize/people");
    let line = reply.set_cookie_line(SESSION_COOKIE).unwrap();
    assert!(line.contains("HttpOnly"), "{line}");
    assert!(line.contains("SameSite=Lax"), "{line}");
    assert!(line.contains("Path=/"), "{line}");
    let browser = with_cookies_from(&visitor, &reply);
    assert!(cookie_value(&browser, FLASH_COOKIE).is_some());
    let page = app
        .get_page("/organize/people", Some(&browser))
        .await
        .page(200);
    shows(&page.text(), "You are signed in.");
    shows(&page.text(), "Signed in as <strong>Test organizer</strong>");
    // The confirmation is shown once.
    let browser = with_cookies_from(&browser, &page);
    assert!(cookie_value(&browser, FLASH_COOKIE).is_none());
    lacks(
        &app.get_page("/organize/people", Some(&browser))
            .await
            .text(),
        "You are signed in.",
    );
}

#[tokio::test]
async fn sign_in_goes_to_the_work_when_next_points_elsewhere() {
    let app = spawn_app().await;
    let visitor = app.visitor().await;
    for next in [
        "//evil.example",
        "//evil.example/organize",
        "https://evil.example",
        "https://evil.example/organize",
        "/\\evil.example",
        // Browsers drop tabs and line breaks from a location: "/\t/host" is "//host".
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\nX-Evil: 1",
        "evil.example",
        "",
    ] {
        let reply = app
            .submit(
                "/login",
                &visitor,
                &[
                    ("email", "organizer@example.org"),
                    ("password", TEST_PASSWORD),
                    ("next", next),
                ],
            )
            .await
            .expect(303);
        // Where an organizer's work is, instead.
        assert_eq!(reply.location(), "/organize", "next = {next:?}");
    }
    // Nor does the sign-in form carry such a `next`.
    let form = app
        .get_page("/login?next=https://evil.example", None)
        .await
        .page(200)
        .text();
    shows(&form, "name=\"next\" value=\"\"");
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = spawn_app().await;
    let browser = app.organizer_browser().await;
    app.get_page("/organize", Some(&browser)).await.page(200);
    let sessions = app.count("auth_sessions").await;
    let reply = app.submit("/logout", &browser, &[]).await.expect(303);
    assert_eq!(reply.location(), "/");
    let line = reply.set_cookie_line(SESSION_COOKIE).unwrap();
    assert!(line.contains("Max-Age=0"), "{line}");
    assert_eq!(app.count("auth_sessions").await, sessions - 1);
    // The old cookie no longer signs anyone in.
    let again = app.get_page("/organize", Some(&browser)).await;
    assert!(again.status.is_redirection());
    assert!(again.location().starts_with("/login"));
    let home = app
        .get_page("/", Some(&with_cookies_from(&browser, &reply)))
        .await
        .page(200)
        .text();
    shows(&home, "You are signed out.");
    shows(&home, "Member sign in");
}

// ----- Workspace forms -----

fn valid_event_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("title", "Regional roundtable on protection"),
        ("subtitle", "Civil society in West Africa"),
        ("kind", "roundtable"),
        ("starts_on", "2009-06-03"),
        ("ends_on", "2009-06-04"),
        ("timezone", "Europe/Brussels"),
        ("city", "Brussels"),
        ("country", "BE"),
        ("region", "europe"),
        ("organizer_id", ""),
        ("organizer_role", "organizer"),
        ("registration_mode", "open"),
    ]
}

fn with_field<'a>(
    mut fields: Vec<(&'a str, &'a str)>,
    name: &'a str,
    value: &'a str,
) -> Vec<(&'a str, &'a str)> {
    fields.retain(|(key, _)| *key != name);
    fields.push((name, value));
    fields
}

#[tokio::test]
async fn an_event_form_with_errors_shows_each_beside_its_field_keeps_the_input_and_writes_nothing()
{
    let app = spawn_app().await;
    let browser = app.organizer_browser().await;
    let events = app.count("events").await;
    let fields = with_field(valid_event_form(), "ends_on", "2009-06-02");
    let fields = with_field(fields, "kind", "");
    let fields = with_field(fields, "timezone", "Mars/Olympus_Mons");
    let page = app
        .submit("/organize/events/new", &browser, &fields)
        .await
        .page(422)
        .text();
    shows(&page, "Nothing was saved yet");
    let ends_on = field(&page, "f-ends-on");
    shows(ends_on, "Must not be before the first day");
    shows(ends_on, "aria-invalid=\"true\"");
    shows(ends_on, "value=\"2009-06-02\"");
    shows(field(&page, "f-kind"), "class=\"error\"");
    shows(field(&page, "f-timezone"), "class=\"error\"");
    shows(field(&page, "f-timezone"), "value=\"Mars/Olympus_Mons\"");
    let title = field(&page, "f-title");
    shows(title, "value=\"Regional roundtable on protection\"");
    lacks(title, "class=\"error\"");
    lacks(field(&page, "f-starts-on"), "class=\"error\"");
    shows(field(&page, "f-starts-on"), "value=\"2009-06-03\"");
    shows(field(&page, "f-city"), "value=\"Brussels\"");
    shows(field(&page, "f-country"), "<option value=\"BE\" selected>");
    shows(
        field(&page, "f-region"),
        "<option value=\"europe\" selected>",
    );
    assert_eq!(app.count("events").await, events);

    // A capacity that is not a number.
    let fields = with_field(valid_event_form(), "capacity", "lots");
    let page = app
        .submit("/organize/events/new", &browser, &fields)
        .await
        .page(422)
        .text();
    shows(field(&page, "f-capacity"), "class=\"error\"");
    shows(field(&page, "f-capacity"), "value=\"lots\"");
    // An organization that does not exist, shown beside the organizer row.
    let fields = with_field(valid_event_form(), "organizer_id", "999999");
    let page = app
        .submit("/organize/events/new", &browser, &fields)
        .await
        .page(422)
        .text();
    shows(
        field(&page, "f-organizer-id-0"),
        "No organization has this id.",
    );
    assert_eq!(app.count("events").await, events);
}

#[tokio::test]
async fn a_valid_event_form_redirects_to_its_workspace_with_a_confirmation() {
    let app = spawn_app().await;
    let org = app
        .organization("Human Rights Institute of South Africa")
        .await
        .to_string();
    let browser = app.organizer_browser().await;
    let fields = with_field(valid_event_form(), "organizer_id", &org);
    let reply = app
        .submit("/organize/events/new", &browser, &fields)
        .await
        .expect(303);
    assert_eq!(
        reply.location(),
        "/organize/events/regional-roundtable-on-protection"
    );
    let page = app
        .get_page(
            &reply.location(),
            Some(&with_cookies_from(&browser, &reply)),
        )
        .await
        .page(200)
        .text();
    shows(
        &page,
        "The event &#34;Regional roundtable on protection&#34; was created as a draft.",
    );
    shows(&page, "<span class=\"badge draft\">Draft</span>");
    shows(&page, "3–4 June 2009 · Brussels, Belgium · Roundtable");
    let event = app
        .get(
            "/api/v1/events/regional-roundtable-on-protection",
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(event["subtitle"], "Civil society in West Africa");
    assert_eq!(
        event["organizers"][0]["name"],
        "Human Rights Institute of South Africa"
    );
    assert_eq!(event["status"], "draft");

    // Editing it keeps the values, and saving redirects back.
    let edit = app
        .get_page(
            "/organize/events/regional-roundtable-on-protection/edit",
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    shows(
        field(&edit, "f-title"),
        "value=\"Regional roundtable on protection\"",
    );
    shows(
        field(&edit, "f-organizer-id-0"),
        &format!("<option value=\"{org}\" selected>"),
    );
    let fields = with_field(fields, "subtitle", "Civil society in Europe");
    let saved = app
        .submit(
            "/organize/events/regional-roundtable-on-protection/edit",
            &browser,
            &fields,
        )
        .await
        .expect(303);
    assert_eq!(
        saved.location(),
        "/organize/events/regional-roundtable-on-protection"
    );
    assert_eq!(
        app.get(
            "/api/v1/events/regional-roundtable-on-protection",
            app.org()
        )
        .await
        .json()["subtitle"],
        "Civil society in Europe"
    );
}

#[tokio::test]
async fn a_session_entered_at_14_00_shows_at_14_00_on_the_public_page() {
    let app = spawn_app().await;
    let event = app.brussels_event().await;
    let slug = slug(&event);
    let browser = app.organizer_browser().await;
    let form = app
        .get_page(
            &format!("/organize/events/{slug}/sessions/new"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    shows(&form, "Europe/Brussels");
    let reply = app
        .submit(
            &format!("/organize/events/{slug}/sessions/new"),
            &browser,
            &[
                ("title", "The Responsibility to Protect"),
                ("kind", "panel"),
                ("starts_at", "2009-06-03T14:00"),
                ("ends_at", "2009-06-03T15:30"),
                ("room", "Room A"),
                ("capacity", ""),
                ("description", ""),
            ],
        )
        .await
        .expect(303);
    let id = session_id_of(&reply.location());
    let session = app
        .get(&format!("/api/v1/sessions/{id}"), app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(session["starts_at"], "2009-06-03T14:00:00+02:00");
    let workspace = app
        .get_page(
            &reply.location(),
            Some(&with_cookies_from(&browser, &reply)),
        )
        .await
        .page(200)
        .text();
    shows(&workspace, "was added. Now assign its chair");
    shows(&workspace, "14:00–15:30 (Europe/Brussels)");
    let edit = app
        .get_page(&format!("/organize/sessions/{id}/edit"), Some(&browser))
        .await
        .page(200)
        .text();
    shows(field(&edit, "f-starts-at"), "value=\"2009-06-03T14:00\"");

    app.publish(&slug).await;
    for path in [format!("/events/{slug}"), format!("/sessions/{id}")] {
        let page = app.get_page(&path, None).await.page(200).text();
        shows(&page, "14:00–15:30");
        lacks(&page, "12:00–13:30");
    }
}

#[tokio::test]
async fn a_refused_session_form_keeps_what_was_typed_and_writes_nothing() {
    let app = spawn_app().await;
    let event = app.brussels_event().await;
    let slug = slug(&event);
    let browser = app.organizer_browser().await;
    let sessions = app.count("sessions").await;
    let page = app
        .submit(
            &format!("/organize/events/{slug}/sessions/new"),
            &browser,
            &[
                ("title", "Backwards panel"),
                ("kind", "panel"),
                ("starts_at", "2009-06-03T14:00"),
                ("ends_at", "2009-06-03T13:00"),
            ],
        )
        .await
        .page(422)
        .text();
    shows(field(&page, "f-title"), "value=\"Backwards panel\"");
    shows(field(&page, "f-ends-at"), "class=\"error\"");
    shows(field(&page, "f-ends-at"), "value=\"2009-06-03T13:00\"");
    let page = app
        .submit(
            &format!("/organize/events/{slug}/sessions/new"),
            &browser,
            &[
                ("title", ""),
                ("starts_at", "soon"),
                ("ends_at", "2009-06-03T13:00"),
            ],
        )
        .await
        .page(422)
        .text();
    shows(field(&page, "f-title"), "class=\"error\"");
    shows(field(&page, "f-starts-at"), "class=\"error\"");
    assert_eq!(app.count("sessions").await, sessions);
}

#[tokio::test]
async fn adding_a_new_person_as_chair_creates_the_person_and_the_assignment() {
    let app = spawn_app().await;
    let institute = app
        .organization("Human Rights Institute of South Africa")
        .await
        .to_string();
    let Panel {
        event: slug,
        session,
        ..
    } = app
        .brussels_session("The Responsibility to Protect", "14:00", "15:30", None)
        .await;
    let browser = app.organizer_browser().await;
    let people = app.count("people").await;
    let reply = app
        .submit(
            &format!("/organize/sessions/{session}/participants/new"),
            &browser,
            &[
                ("role", "chair"),
                ("honorific", "Ms"),
                ("given_name", "Corlett"),
                ("family_name", "Letlojane"),
                ("position", "Director"),
                ("organization_id", &institute),
                ("email", "corlett@example.org"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), format!("/organize/sessions/{session}"));
    assert_eq!(app.count("people").await, people + 1);
    let participants = app
        .get(
            &format!("/api/v1/sessions/{session}/participants"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    let participants = participants
        .get("items")
        .unwrap_or(&participants)
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(participants.len(), 1);
    assert_eq!(participants[0]["role"], "chair");
    assert_eq!(participants[0]["display_name"], "Ms Corlett LETLOJANE");
    let page = app
        .get_page(
            &reply.location(),
            Some(&with_cookies_from(&browser, &reply)),
        )
        .await
        .page(200)
        .text();
    shows(&page, "Ms Corlett LETLOJANE was added as chair.");
    shows(&page, &format!("<td>{LETLOJANE}</td>"));
    app.publish(&slug).await;
    let public = app
        .get_page(&format!("/sessions/{session}"), None)
        .await
        .page(200)
        .text();
    shows(&public, "<h2>Chair</h2>");
    shows(&public, &format!("<li>{LETLOJANE}</li>"));
    lacks(&public, "corlett@example.org");

    // Someone found in the directory is added in a role of their own.
    let luck = app.person("Dr", "Edward", "Luck").await.to_string();
    let search = app
        .get_page(
            &format!("/organize/sessions/{session}?q=Luck"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    shows(&search, &format!("name=\"person_id\" value=\"{luck}\""));
    app.submit(
        &format!("/organize/sessions/{session}/participants"),
        &browser,
        &[("person_id", &luck), ("role", "speaker")],
    )
    .await
    .expect(303);
    shows(
        &app.get_page(&format!("/sessions/{session}"), None)
            .await
            .text(),
        "<li>Dr Edward LUCK</li>",
    );
}

#[tokio::test]
async fn a_refused_new_person_form_creates_nobody() {
    let app = spawn_app().await;
    let session = app
        .brussels_session("The Responsibility to Protect", "14:00", "15:30", None)
        .await
        .session;
    app.post(
        "/api/v1/people",
        app.org(),
        &json!({"given_name": "Edward", "family_name": "Luck", "email": "luck@example.org"}),
    )
    .await
    .expect(201);
    let browser = app.organizer_browser().await;
    let people = app.count("people").await;
    let path = format!("/organize/sessions/{session}/participants/new");

    // No family name.
    let page = app
        .submit(
            &path,
            &browser,
            &[
                ("role", "chair"),
                ("honorific", "Ms"),
                ("given_name", "Corlett"),
                ("family_name", ""),
                ("position", "Director"),
            ],
        )
        .await
        .page(422)
        .text();
    shows(field(&page, "f-family-name"), "class=\"error\"");
    shows(field(&page, "f-given-name"), "value=\"Corlett\"");
    shows(field(&page, "f-position"), "value=\"Director\"");
    shows(field(&page, "f-role"), "<option value=\"chair\" selected>");
    // No role.
    app.submit(
        &path,
        &browser,
        &[
            ("role", ""),
            ("given_name", "Corlett"),
            ("family_name", "Letlojane"),
        ],
    )
    .await
    .page(422);
    // An email someone already has.
    let page = app
        .submit(
            &path,
            &browser,
            &[
                ("role", "speaker"),
                ("given_name", "Ed"),
                ("family_name", "Luck"),
                ("email", "luck@example.org"),
            ],
        )
        .await
        .text();
    shows(field(&page, "f-email"), "class=\"error\"");
    shows(field(&page, "f-email"), "value=\"luck@example.org\"");
    // An organization that does not exist.
    app.submit(
        &path,
        &browser,
        &[
            ("role", "speaker"),
            ("given_name", "Ed"),
            ("family_name", "Luck"),
            ("organization_id", "999999"),
        ],
    )
    .await
    .page(422);
    assert_eq!(app.count("people").await, people);
    assert_eq!(app.count("session_participants").await, 0);
}

#[tokio::test]
async fn moving_a_speaker_down_swaps_the_order_on_the_public_page() {
    let app = spawn_app().await;
    let Panel {
        event: slug,
        session,
        ..
    } = app
        .brussels_session("The Responsibility to Protect", "14:00", "15:30", None)
        .await;
    let letlojane = app.letlojane().await;
    let luck = app.person("Dr", "Edward", "Luck").await;
    app.assign(session, letlojane, "speaker").await;
    app.assign(session, luck, "speaker").await;
    app.publish(&slug).await;
    let order = |page: &str| at(page, LETLOJANE) < at(page, "Dr Edward LUCK");
    let public = app.get_page(&format!("/events/{slug}"), None).await.text();
    assert!(order(&public), "Letlojane speaks first");

    let browser = app.organizer_browser().await;
    let move_path = format!("/organize/sessions/{session}/participants/{letlojane}/move");
    let reply = app
        .submit(
            &move_path,
            &browser,
            &[("role", "speaker"), ("direction", "down")],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), format!("/organize/sessions/{session}"));
    for path in [format!("/events/{slug}"), format!("/sessions/{session}")] {
        let page = app.get_page(&path, None).await.page(200).text();
        assert!(!order(&page), "{path}: Luck speaks first now");
    }
    // Down again from the bottom changes nothing; up puts her back.
    app.submit(
        &move_path,
        &browser,
        &[("role", "speaker"), ("direction", "down")],
    )
    .await
    .expect(303);
    assert!(!order(
        &app.get_page(&format!("/events/{slug}"), None).await.text()
    ));
    app.submit(
        &move_path,
        &browser,
        &[("role", "speaker"), ("direction", "up")],
    )
    .await
    .expect(303);
    assert!(order(
        &app.get_page(&format!("/events/{slug}"), None).await.text()
    ));
    // Removing takes them off the programme.
    app.submit(
        &format!("/organize/sessions/{session}/participants/{luck}/remove"),
        &browser,
        &[],
    )
    .await
    .expect(303);
    let page = app.get_page(&format!("/events/{slug}"), None).await.text();
    lacks(&page, "Dr Edward LUCK");
    shows(&page, "<span class=\"role\">Speaker</span>");
}

#[tokio::test]
async fn publishing_from_the_workspace_makes_the_event_visible_to_visitors() {
    let app = spawn_app().await;
    let event = app.brussels_event().await;
    let slug = slug(&event);
    app.get_page(&format!("/events/{slug}"), None)
        .await
        .page(404);
    let browser = app.organizer_browser().await;
    let workspace = app
        .get_page(&format!("/organize/events/{slug}"), Some(&browser))
        .await
        .page(200)
        .text();
    shows(
        &workspace,
        &format!("action=\"/organize/events/{slug}/publish\""),
    );
    let reply = app
        .submit(&format!("/organize/events/{slug}/publish"), &browser, &[])
        .await
        .expect(303);
    assert_eq!(reply.location(), format!("/organize/events/{slug}"));
    let workspace = app
        .get_page(
            &reply.location(),
            Some(&with_cookies_from(&browser, &reply)),
        )
        .await
        .page(200)
        .text();
    shows(&workspace, "is published: everyone can see it now.");
    shows(
        &workspace,
        "<span class=\"badge published\">Published</span>",
    );
    lacks(
        &workspace,
        &format!("action=\"/organize/events/{slug}/publish\""),
    );
    let public = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    shows(&public, "<h1>Making a difference</h1>");
    shows(
        &app.get_page("/events", None).await.text(),
        "Making a difference",
    );
}

#[tokio::test]
async fn cancelling_from_the_workspace_shows_the_event_as_cancelled() {
    let app = spawn_app().await;
    let event = app.brussels_event().await;
    let slug = slug(&event);
    app.publish(&slug).await;
    let browser = app.organizer_browser().await;
    let reply = app
        .submit(&format!("/organize/events/{slug}/cancel"), &browser, &[])
        .await
        .expect(303);
    let workspace = app
        .get_page(
            &reply.location(),
            Some(&with_cookies_from(&browser, &reply)),
        )
        .await
        .page(200)
        .text();
    shows(&workspace, "is cancelled.");
    shows(
        &workspace,
        "<span class=\"badge cancelled\">Cancelled</span>",
    );
    let public = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    shows(&public, "This event has been cancelled.");
    shows(&public, "<span class=\"badge cancelled\">Cancelled</span>");
    shows(
        &app.get_page("/events", None).await.text(),
        "<span class=\"badge cancelled\">Cancelled</span>",
    );
    assert_eq!(
        app.get(&format!("/api/v1/events/{slug}"), As::Anonymous)
            .await
            .json()["status"],
        "cancelled"
    );
}

#[tokio::test]
async fn deleting_a_draft_from_the_workspace_removes_it() {
    let app = spawn_app().await;
    let event = app.brussels_event().await;
    let slug = slug(&event);
    let browser = app.organizer_browser().await;
    let reply = app
        .submit(&format!("/organize/events/{slug}/delete"), &browser, &[])
        .await
        .expect(303);
    assert_eq!(reply.location(), "/organize");
    assert_eq!(app.count("events").await, 0);
    app.get_page(&format!("/organize/events/{slug}"), Some(&browser))
        .await
        .page(404);
}

#[tokio::test]
async fn the_event_workspace_reports_a_double_booked_chair_inline() {
    let app = spawn_app().await;
    let Panel {
        event: slug,
        session: opening,
        ..
    } = app
        .brussels_session("Opening plenary", "09:30", "11:00", Some("Hall"))
        .await;
    let panel = app
        .session(
            &slug,
            "The Responsibility to Protect",
            "2009-06-03T10:30:00",
            "2009-06-03T12:00:00",
            Some("Room A"),
        )
        .await;
    let browser = app.organizer_browser().await;
    let clean = app
        .get_page(&format!("/organize/events/{slug}"), Some(&browser))
        .await
        .page(200)
        .text();
    shows(&clean, "No conflicts");

    let chair = app.letlojane().await;
    app.assign(opening, chair, "chair").await;
    app.assign(panel, chair, "chair").await;
    let page = app
        .get_page(&format!("/organize/events/{slug}"), Some(&browser))
        .await
        .page(200)
        .text();
    shows(&page, "1 conflict to resolve before publishing");
    shows(
        &page,
        "Ms Corlett LETLOJANE is in &#34;Opening plenary&#34; and &#34;The Responsibility to Protect&#34; at the same time (Wed 3 Jun 10:30 CEST)",
    );
    assert_eq!(
        page.matches("<span class=\"badge draft\">conflict</span>")
            .count(),
        2
    );
    shows(&page, "This event still has 1 conflict. Publish anyway?");
    lacks(&page, "No conflicts");
    let session_page = app
        .get_page(&format!("/organize/sessions/{panel}"), Some(&browser))
        .await
        .page(200)
        .text();
    shows(&session_page, "Conflicts of this session");
    shows(&session_page, "Ms Corlett LETLOJANE is in");
}

#[tokio::test]
async fn people_organizations_and_series_are_added_through_their_forms() {
    let app = spawn_app().await;
    let browser = app.organizer_browser().await;
    let reply = app
        .submit(
            "/organize/organizations/new",
            &browser,
            &[
                ("name", "Human Rights Institute of South Africa"),
                ("acronym", "HURISA"),
                ("kind", "ngo"),
                ("country", "ZA"),
                ("region", "africa"),
                ("website", "https://hurisa.org.za"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), "/organize/organizations");
    let list = app
        .get_page(
            &reply.location(),
            Some(&with_cookies_from(&browser, &reply)),
        )
        .await
        .page(200)
        .text();
    shows(&list, "Human Rights Institute of South Africa was added.");
    shows(&list, "Human Rights Institute of South Africa (HURISA)");
    let refused = app
        .submit(
            "/organize/organizations/new",
            &browser,
            &[
                ("name", "Bad site"),
                ("kind", "ngo"),
                ("website", "not a url"),
            ],
        )
        .await
        .page(422)
        .text();
    shows(field(&refused, "f-website"), "class=\"error\"");
    shows(field(&refused, "f-name"), "value=\"Bad site\"");
    assert_eq!(app.count("organizations").await, 1);

    let reply = app
        .submit(
            "/organize/people/new",
            &browser,
            &[
                ("honorific", "Ms"),
                ("given_name", "Corlett"),
                ("family_name", "Letlojane"),
                ("email", "corlett@example.org"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), "/organize/people");
    let refused = app
        .submit(
            "/organize/people/new",
            &browser,
            &[("given_name", "Edward"), ("email", "not an email")],
        )
        .await
        .page(422)
        .text();
    shows(field(&refused, "f-family-name"), "class=\"error\"");
    shows(field(&refused, "f-email"), "class=\"error\"");
    shows(field(&refused, "f-given-name"), "value=\"Edward\"");
    // A duplicate email is refused beside the email field too.
    let duplicate = app
        .submit(
            "/organize/people/new",
            &browser,
            &[
                ("given_name", "Other"),
                ("family_name", "Person"),
                ("email", "corlett@example.org"),
            ],
        )
        .await;
    assert_eq!(duplicate.status.as_u16(), 409, "{}", duplicate.text());
    assert_eq!(app.count("people").await, 1);

    let reply = app
        .submit(
            "/organize/series/new",
            &browser,
            &[
                ("title", "Global consultative roundtables"),
                ("description", ""),
            ],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), "/organize");
    let dashboard = app
        .get_page("/organize", Some(&with_cookies_from(&browser, &reply)))
        .await
        .page(200)
        .text();
    shows(
        &dashboard,
        "The series &#34;Global consultative roundtables&#34; was created.",
    );
    shows(&dashboard, "/series/global-consultative-roundtables");
    app.submit("/organize/series/new", &browser, &[("title", "")])
        .await
        .page(422);
    assert_eq!(app.count("series").await, 1);
}

// ----- Static assets -----

#[tokio::test]
async fn the_stylesheet_is_cached_long_with_an_etag_that_answers_304() {
    let app = spawn_app().await;
    let css = app.get_page("/static/app.css", None).await.expect(200);
    let header = |reply: &Reply, name: &str| {
        reply
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    assert!(header(&css, "content-type").starts_with("text/css"));
    let cache = header(&css, "cache-control");
    assert!(cache.contains("max-age=31536000"), "{cache}");
    let etag = header(&css, "etag");
    assert!(!etag.is_empty());
    assert!(!css.body.is_empty());
    assert!(css.set_cookie(CSRF_COOKIE).is_none());

    let again = app
        .get_with_headers("/static/app.css", &[("if-none-match", &etag)])
        .await;
    assert_eq!(again.status.as_u16(), 304);
    assert!(again.body.is_empty());
    assert_eq!(header(&again, "etag"), etag);
    let stale = app
        .get_with_headers("/static/app.css", &[("if-none-match", "\"old\"")])
        .await;
    assert_eq!(stale.status.as_u16(), 200);

    // Pages link the stylesheet with its fingerprint.
    let home = app.get_page("/", None).await.page(200).text();
    shows(&home, "href=\"/static/app.css?v=");
    app.get_page("/static/app.js", None).await.expect(200);
    app.get_page("/favicon.ico", None).await.expect(200);
    app.get_page("/static/nope.css", None).await.expect(404);
}

// ----- Edit forms keep what is stored -----

fn unescape(text: &str) -> String {
    text.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

/// What a browser sends from the form posting to `action`: every input (a checkbox only
/// when checked), the chosen option of each select (the first when none is), and each
/// textarea with its line breaks as CR LF.
fn form_fields(page: &str, action: &str) -> Vec<(String, String)> {
    let start = at(page, &format!("action=\"{action}\""));
    let form = &page[start..];
    let form = &form[..form.find("</form>").expect("the end of the form")];
    let mut fields = Vec::new();
    let mut rest = form;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..=end];
        if tag.starts_with("<input") {
            if let Some(name) = attr(tag, "name") {
                let checkbox = attr(tag, "type").as_deref() == Some("checkbox");
                if !checkbox || tag.contains(" checked") {
                    fields.push((name, attr(tag, "value").unwrap_or_default()));
                }
            }
        } else if tag.starts_with("<select") {
            let close = rest.find("</select>").expect("the end of a select");
            let options: Vec<&str> = rest[..close].split("<option").skip(1).collect();
            let chosen = options
                .iter()
                .find(|o| o.split('>').next().unwrap_or("").contains(" selected"))
                .or(options.first());
            let value = chosen.and_then(|o| attr(o, "value")).unwrap_or_default();
            fields.push((attr(tag, "name").expect("a named select"), value));
            rest = &rest[close..];
            continue;
        } else if tag.starts_with("<textarea") {
            let close = rest.find("</textarea>").expect("the end of a textarea");
            let text = unescape(&rest[end + 1..close]).replace('\n', "\r\n");
            fields.push((attr(tag, "name").expect("a named textarea"), text));
            rest = &rest[close..];
            continue;
        }
        rest = &rest[end + 1..];
    }
    fields
}

/// Submits the form of `page` (GET) to `action` unchanged, as a browser would.
async fn resubmit(app: &TestApp, browser: &str, page: &str, action: &str) -> Reply {
    let form = app.get_page(page, Some(browser)).await.page(200).text();
    let fields = form_fields(&form, action);
    assert!(
        fields.iter().any(|(k, _)| k == "_csrf"),
        "the form carries its CSRF token"
    );
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(action, Some(browser), &fields).await
}

/// A resource's JSON without the time it was last changed.
async fn stored(app: &TestApp, path: &str) -> Value {
    let mut value = app.get(path, app.org()).await.expect(200).json();
    value.as_object_mut().unwrap().remove("updated_at");
    value
}

#[tokio::test]
async fn saving_an_event_form_unchanged_keeps_every_value() {
    let app = spawn_app().await;
    let institute = app
        .organization("Human Rights Institute of South Africa")
        .await;
    let centre = app.organization("Global Centre for R2P").await;
    app.series(json!({"title": "Global consultative roundtables"}))
        .await;
    let event = app.event_with(
        json!({"slug": "brussels-2009", "venue": "Résidence Palace", "subregion": "western-europe",
               "description": "Civil society and governments.\n\nA second paragraph & more.",
               "series": "global-consultative-roundtables", "capacity": 120,
               "organizers": [{"organization_id": institute, "role": "host"},
                              {"organization_id": centre, "role": "co-organizer"}],
               "registration": {"mode": "approval", "opens_at": "2009-05-01T09:00:00",
                                "closes_at": "2009-06-01T18:30:00", "waitlist": true}}),
    )
    .await;
    let slug = slug(&event);
    let before = stored(&app, &format!("/api/v1/events/{slug}")).await;
    let browser = app.organizer_browser().await;
    let action = format!("/organize/events/{slug}/edit");
    let reply = resubmit(&app, &browser, &action, &action).await;
    assert_eq!(reply.status.as_u16(), 303, "{}", reply.text());
    let mut after = stored(&app, &format!("/api/v1/events/{slug}")).await;
    // Browsers send line breaks as CR LF; either is the same text.
    after["description"] = after["description"]
        .as_str()
        .unwrap()
        .replace("\r\n", "\n")
        .into();
    assert_eq!(after, before);
    // Its paragraphs, sent back with CR LF line breaks, are still paragraphs.
    app.publish(&slug).await;
    let public = app.get_page(&format!("/events/{slug}"), None).await.text();
    shows(&public, "<p>Civil society and governments.</p>");
    shows(&public, "<p>A second paragraph &#38; more.</p>");
}

#[tokio::test]
async fn saving_session_person_organization_and_series_forms_unchanged_keeps_every_value() {
    let app = spawn_app().await;
    let org = app
        .post(
            "/api/v1/organizations",
            app.org(),
            &json!({"name": "Human Rights Institute of South Africa", "acronym": "HURISA",
                    "kind": "ngo", "country": "ZA", "region": "africa",
                    "subregion": "southern-africa", "website": "https://hurisa.org.za"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let person = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "Ms", "given_name": "Corlett", "family_name": "Letlojane",
                    "email": "corlett@example.org", "position": "Director",
                    "organization_id": org, "country": "ZA",
                    "bio": "Director since 2005.\n\nLawyer."}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let series = app
        .series(json!({"title": "Global consultative roundtables",
                       "description": "Regional roundtables.\n\nSince 2008."}))
        .await;
    let series_slug = slug(&series);
    let event = app.brussels_event().await;
    let session = app
        .post(
            &format!("/api/v1/events/{}/sessions", slug(&event)),
            app.org(),
            &json!({"title": "The Responsibility to Protect", "kind": "roundtable",
                    "description": "Who protects?\n\nAnd how.", "room": "Room A",
                    "capacity": 40, "starts_at": "2009-06-03T14:00:00",
                    "ends_at": "2009-06-03T15:30:00"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let browser = app.organizer_browser().await;
    for (form, api) in [
        (
            format!("/organize/sessions/{session}/edit"),
            format!("/api/v1/sessions/{session}"),
        ),
        (
            format!("/organize/people/{person}/edit"),
            format!("/api/v1/people/{person}"),
        ),
        (
            format!("/organize/organizations/{org}/edit"),
            format!("/api/v1/organizations/{org}"),
        ),
        (
            format!("/organize/series/{series_slug}/edit"),
            format!("/api/v1/series/{series_slug}"),
        ),
    ] {
        let before = stored(&app, &api).await;
        let reply = resubmit(&app, &browser, &form, &form).await;
        assert_eq!(reply.status.as_u16(), 303, "{form}: {}", reply.text());
        let mut after = stored(&app, &api).await;
        let mut before = before;
        // Line breaks come back from browsers as CR LF; either is the same text.
        for value in [&mut before, &mut after] {
            for key in ["description", "bio"] {
                if let Some(Value::String(text)) = value.get_mut(key) {
                    *text = text.replace("\r\n", "\n");
                }
            }
        }
        assert_eq!(after, before, "{form} changed what was stored");
    }
}

#[tokio::test]
async fn error_pages_still_show_who_is_signed_in() {
    let app = spawn_app().await;
    let browser = app.organizer_browser().await;
    for path in [
        "/events/no-such-event",
        "/sessions/999999",
        "/organize/events/no-such-event",
    ] {
        let page = app.get_page(path, Some(&browser)).await.page(404);
        let html = page.text();
        assert!(
            html.contains("Signed in as"),
            "{path} forgot the user: {html}"
        );
        assert!(!html.contains("Member sign in"), "{path}");
    }
}

#[tokio::test]
async fn behind_https_the_form_cookie_is_secure_too() {
    let app = common::spawn_app_with(|settings| settings.server.secure_cookies = true).await;
    let page = app.get_page("/login", None).await.page(200);
    let line = page
        .set_cookie_line("roundtable_csrf")
        .expect("a CSRF cookie");
    assert!(line.contains("; Secure"), "{line}");
    let plain = spawn_app().await;
    let page = plain.get_page("/login", None).await.page(200);
    assert!(
        !page
            .set_cookie_line("roundtable_csrf")
            .unwrap()
            .contains("Secure")
    );
}

// ----- In the reader's language -----

#[tokio::test]
async fn the_home_page_the_library_and_error_pages_speak_the_readers_language() {
    let app = spawn_app().await;
    let french = app.get_page("/?lang=fr", None).await.page(200).text();
    shows(&french, "<h1>Conférences et tables rondes</h1>");
    shows(&french, "<h2>Événements à venir</h2>");
    shows(
        &french,
        "Aucun événement à venir n’est publié pour le moment. <a href=\"/events\">Parcourir tous les événements</a>.",
    );
    let english = app.get_page("/", None).await.page(200).text();
    shows(&english, "<h1>Conferences and roundtables</h1>");
    shows(
        &english,
        "No upcoming events are published at the moment. <a href=\"/events\">Browse all events</a>.",
    );
    shows(&english, "<h2>Recent events</h2>");

    // The library, in Spanish, for a region without documents.
    let europe = app
        .get_page("/documents?region=europe&lang=es", None)
        .await
        .page(200)
        .text();
    shows(&europe, "<h1>Documentos</h1>");
    shows(&europe, "Todavía no hay documentos de la región Europa.");
    shows(&europe, "<option value=\"europe\" selected>Europa</option>");
    shows(&europe, "<button type=\"submit\">Consultar</button>");

    // Error pages: not found in Spanish (the browser's language) and French (chosen).
    let spanish = app
        .get_with_headers("/no/such/page", &[("accept-language", "es")])
        .await
        .page(404)
        .text();
    shows(&spanish, "<h1>Página no encontrada</h1>");
    shows(&spanish, "Error 404");
    shows(&spanish, ">Volver a los eventos</a>");
    let french = app
        .get_page("/events/nope?lang=fr", None)
        .await
        .page(404)
        .text();
    shows(&french, "<h1>Page introuvable</h1>");
    shows(&french, "Erreur 404");
    // A member kept out of the workspace, told in French.
    let member = app.sign_in("member@example.org", TEST_PASSWORD).await;
    let refused = app
        .get_page("/organize?lang=fr", Some(&member))
        .await
        .page(403)
        .text();
    shows(&refused, "<h1>Accès non autorisé</h1>");
    shows(
        &refused,
        "L’espace des organisateurs est réservé aux organisateurs et aux administrateurs.",
    );
    // A form from elsewhere, refused in French.
    let visitor = app.visitor().await;
    let refused = app
        .post_form(
            "/login",
            Some(&format!("{visitor}; roundtable_lang=fr")),
            &[
                ("email", "organizer@example.org"),
                ("_csrf", "not-the-token"),
            ],
        )
        .await
        .page(403)
        .text();
    shows(
        &refused,
        "Ce formulaire a expiré ou ne provient pas de ce site.",
    );
    // English stays English.
    let english = app.get_page("/no/such/page", None).await.page(404).text();
    shows(&english, "<h1>Page not found</h1>");
    shows(&english, "Error 404");
    shows(&english, "<a href=\"/\">Back to the events</a>");
}
