//! The organizers' workspace of the second edition: places left and a full event's form,
//! a registrant's details changed by the registrant or an organizer, the registrations
//! table's search. Runs on SQLite, or on PostgreSQL when `ROUNDTABLE_TEST_POSTGRES`
//! names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::fixtures::{Seat, slug};
use common::{As, TestApp, UPCOMING_YEAR, spawn_app, token_after};
use serde_json::{Value, json};

// ----- Helpers -----

/// A published event to come with `capacity` places and the waitlist on or off; its slug.
async fn open_event(app: &TestApp, capacity: i64, waitlist: bool) -> String {
    let slug = slug(&app.brussels_event_in(UPCOMING_YEAR).await);
    app.publish_with(
        &slug,
        json!({"capacity": capacity,
               "registration": {"mode": "open", "waitlist": waitlist}}),
    )
    .await;
    slug
}

async fn register(app: &TestApp, slug: &str, n: usize) -> Value {
    app.post(
        &format!("/api/v1/events/{slug}/registrations"),
        As::Anonymous,
        &json!({"given_name": format!("Given{n}"), "family_name": format!("FAMILY{n}"),
                "email": format!("person{n}@example.org"), "organization": "Oxfam",
                "country": "BE", "needs": "Step-free access", "consent": true}),
    )
    .await
    .expect(201)
    .json()
}

/// The registrant's manage token, from the confirmation mail.
async fn manage_token(app: &TestApp, n: usize) -> String {
    let mail = app
        .last_mail_to(&format!("person{n}@example.org"), "registration_confirmed")
        .await;
    token_after(&mail.text_body, "registrations")
}

async fn event(app: &TestApp, slug: &str) -> Value {
    app.get(&format!("/api/v1/events/{slug}"), As::Anonymous)
        .await
        .expect(200)
        .json()
}

async fn registration(app: &TestApp, slug: &str, id: i64) -> Value {
    app.get(&format!("/api/v1/events/{slug}/registrations"), app.org())
        .await
        .expect(200)
        .json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
        .expect("the registration in the list")
}

// ----- Places left -----

#[tokio::test]
async fn the_event_tells_how_many_places_are_left_and_a_full_event_without_waitlist_shows_no_form()
{
    let app = spawn_app().await;
    let slug = open_event(&app, 2, false).await;
    assert_eq!(event(&app, &slug).await["places_left"], 2);
    let page = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200);
    assert!(page.text().contains("2 places left"), "{}", page.text());

    register(&app, &slug, 1).await;
    assert_eq!(event(&app, &slug).await["places_left"], 1);
    let page = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200);
    assert!(page.text().contains("1 place left"), "{}", page.text());

    register(&app, &slug, 2).await;
    assert_eq!(event(&app, &slug).await["places_left"], 0);
    let page = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("full"), "{page}");
    assert!(
        !page.contains(&format!("action=\"/events/{slug}/register#register\"")),
        "a full event without waitlist offers no form to fill in for nothing"
    );
}

#[tokio::test]
async fn a_full_event_with_a_waitlist_says_so_and_still_takes_names() {
    let app = spawn_app().await;
    let slug = open_event(&app, 1, true).await;
    register(&app, &slug, 1).await;
    let page = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("waiting list"), "{page}");
    assert!(page.contains(&format!("action=\"/events/{slug}/register#register\"")));
    let second = register(&app, &slug, 2).await;
    assert_eq!(second["status"], "waitlisted");
}

#[tokio::test]
async fn an_event_without_capacity_has_no_places_left_figure() {
    let app = spawn_app().await;
    let slug = slug(&app.brussels_event_in(UPCOMING_YEAR).await);
    app.publish(&slug).await;
    let event = app
        .get(&format!("/api/v1/events/{slug}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(event["places_left"], Value::Null);
}

// ----- A registrant's details -----

#[tokio::test]
async fn an_organizer_corrects_a_registrants_details_through_the_api() {
    let app = spawn_app().await;
    let slug = open_event(&app, 10, false).await;
    let id = register(&app, &slug, 1).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/registrations/{id}");

    let out = app
        .patch(
            &path,
            app.org(),
            &json!({"family_name": "MENON", "organization": null}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(out["family_name"], "MENON");
    assert_eq!(out["given_name"], "Given1", "what is not sent stays");
    assert_eq!(out["organization"], Value::Null, "null clears");
    assert_eq!(out["needs"], "Step-free access");
    let stored = registration(&app, &slug, id).await;
    assert_eq!(stored["family_name"], "MENON");
    assert_eq!(stored["email"], "person1@example.org");
}

#[tokio::test]
async fn bad_details_are_refused_field_by_field_and_change_nothing() {
    let app = spawn_app().await;
    let slug = open_event(&app, 10, false).await;
    let id = register(&app, &slug, 1).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/registrations/{id}");

    let reply = app
        .patch(
            &path,
            app.org(),
            &json!({"given_name": "  ", "country": "Narnia"}),
        )
        .await
        .expect(422);
    let mut fields = reply.error_fields();
    fields.sort();
    assert_eq!(fields, ["country", "given_name"]);
    let reply = app
        .patch(&path, app.org(), &json!({"email": "other@example.org"}))
        .await
        .expect(422);
    assert_eq!(
        reply.error_fields(),
        ["email"],
        "the email is not a detail to change"
    );
    assert_eq!(registration(&app, &slug, id).await["given_name"], "Given1");

    app.patch(&path, As::Anonymous, &json!({"given_name": "X"}))
        .await
        .expect(401);
    app.patch("/api/v1/registrations/999999", app.org(), &json!({}))
        .await
        .expect(404);
}

#[tokio::test]
async fn a_registrant_changes_their_own_details_from_their_page_without_seeing_the_private_ones() {
    let app = spawn_app().await;
    let slug = open_event(&app, 10, false).await;
    let id = register(&app, &slug, 1).await["id"].as_i64().unwrap();
    let token = manage_token(&app, 1).await;
    let jar = app.visitor().await;

    let page = app
        .get_page(&format!("/registrations/{token}"), Some(&jar))
        .await
        .page(200)
        .text();
    assert!(page.contains(&format!(
        "action=\"/registrations/{token}/details#details\""
    )));
    assert!(page.contains("value=\"Given1\""));
    assert!(
        !page.contains("Step-free access") && !page.contains("person1@example.org"),
        "a forwarded link shows neither the needs nor the address"
    );

    // A blank name is refused, and what was typed stays on the page.
    let reply = app
        .submit(
            &format!("/registrations/{token}/details"),
            &jar,
            &[
                ("given_name", ""),
                ("family_name", "MENON"),
                ("organization", "Amnesty"),
            ],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 422);
    let text = reply.text();
    assert!(text.contains("value=\"MENON\"") && text.contains("value=\"Amnesty\""));
    assert_eq!(
        registration(&app, &slug, id).await["family_name"],
        "FAMILY1"
    );

    // Empty boxes keep what was given; filled ones replace it.
    let reply = app
        .submit(
            &format!("/registrations/{token}/details"),
            &jar,
            &[
                ("given_name", "Priya"),
                ("family_name", "MENON"),
                ("organization", ""),
                ("needs", ""),
            ],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 303, "{}", reply.text());
    let stored = registration(&app, &slug, id).await;
    assert_eq!(stored["given_name"], "Priya");
    assert_eq!(stored["family_name"], "MENON");
    assert_eq!(stored["organization"], "Oxfam");
    assert_eq!(stored["needs"], "Step-free access");

    // A made-up token changes nobody's details.
    let reply = app
        .submit(
            "/registrations/not-a-token/details",
            &jar,
            &[("given_name", "Mallory"), ("family_name", "X")],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 404);
}

#[tokio::test]
async fn an_organizer_edits_a_registration_from_its_page() {
    let app = spawn_app().await;
    let slug = open_event(&app, 10, false).await;
    let id = register(&app, &slug, 1).await["id"].as_i64().unwrap();
    let browser = app.organizer_browser().await;
    let path = format!("/organize/registrations/{id}");

    let page = app.get_page(&path, Some(&browser)).await.page(200).text();
    assert!(
        page.contains("Step-free access"),
        "organizers see the needs"
    );
    assert!(page.contains("value=\"Oxfam\""));

    let reply = app
        .submit(
            &path,
            &browser,
            &[
                ("given_name", "Priya"),
                ("family_name", ""),
                ("organization", "Oxfam"),
            ],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 422);
    assert!(reply.text().contains("value=\"Priya\""));

    let reply = app
        .submit(
            &path,
            &browser,
            &[
                ("given_name", "Priya"),
                ("family_name", "MENON"),
                ("organization", "Oxfam"),
                ("country", "IN"),
                ("needs", ""),
            ],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 303, "{}", reply.text());
    let stored = registration(&app, &slug, id).await;
    assert_eq!(stored["country"], "IN");
    assert_eq!(stored["needs"], Value::Null, "an organizer's blank clears");

    // Visitors and participants are sent to sign in, not shown the page.
    let visitor = app.visitor().await;
    let reply = app.get_page(&path, Some(&visitor)).await;
    assert_eq!(reply.status.as_u16(), 303);
    assert!(reply.location().starts_with("/login"));
}

// ----- The registrations table -----

#[tokio::test]
async fn the_registrations_table_finds_people_by_any_word_accents_and_case_aside() {
    let app = spawn_app().await;
    let slug = open_event(&app, 10, false).await;
    for (given, family, org) in [
        ("Gareth", "EVANS", "International Crisis Group"),
        ("Zoë", "CASTRO", "Oxfam"),
    ] {
        app.post(
            &format!("/api/v1/events/{slug}/registrations"),
            As::Anonymous,
            &json!({"given_name": given, "family_name": family, "organization": org,
                    "email": format!("{}@example.org", given.to_lowercase()), "consent": true}),
        )
        .await
        .expect(201);
    }
    let browser = app.organizer_browser().await;
    let search = |q: &str| format!("/organize/events/{slug}/registrations?q={q}");

    let page = app
        .get_page(&search("zoe%20oxf"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(page.contains("CASTRO") && !page.contains("EVANS"), "{page}");
    let page = app
        .get_page(&search("crisis"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(page.contains("EVANS") && !page.contains("CASTRO"));
    assert!(
        page.contains("value=\"crisis\""),
        "the box keeps the search"
    );
}

// ----- Reuse -----

/// The June conference of the year to come, with its panel (14:00–16:00 in Room A) and
/// its chair and speaker, published, invited and with one registrant; its slug.
async fn last_years_conference(app: &TestApp) -> String {
    let panel = app
        .brussels_session_in(UPCOMING_YEAR, "Panel", "14:00", "16:00", Some("Room A"))
        .await;
    app.seat(
        panel.session,
        [
            Seat::chair("Mr", "Gareth", "Evans").reached_at("evans@example.org"),
            Seat::speaker("Ms", "Corlett", "Letlojane").reached_at("letlojane@example.org"),
        ],
    )
    .await;
    app.publish_with(
        &panel.event,
        json!({"capacity": 50, "registration": {"mode": "open"}}),
    )
    .await;
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(202);
    register(app, &panel.event, 1).await;
    panel.event
}

#[tokio::test]
async fn a_duplicate_keeps_the_programme_at_the_same_wall_times_and_copies_nothing_personal() {
    let app = spawn_app().await;
    let original = last_years_conference(&app).await;
    let next = UPCOMING_YEAR + 1;
    let copy = app
        .post(
            &format!("/api/v1/events/{original}/duplicate"),
            app.org(),
            &json!({"starts_on": format!("{next}-02-10"), "title": "Making a difference, again"}),
        )
        .await
        .expect(201)
        .json();
    let copy_slug = slug(&copy);
    assert_ne!(copy_slug, original);
    assert_eq!(copy["status"], "draft");
    assert_eq!(copy["title"], "Making a difference, again");
    assert_eq!(copy["starts_on"], format!("{next}-02-10"));
    assert_eq!(copy["ends_on"], format!("{next}-02-11"));
    assert_eq!(copy["capacity"], 50);

    let sessions = copy["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(
        sessions[0]["starts_at"],
        format!("{next}-02-10T14:00:00+01:00"),
        "14:00 in Brussels in June is 14:00 in February, in winter time"
    );
    assert_eq!(sessions[0]["room"], "Room A");
    let people: Vec<(String, String)> = sessions[0]["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            assert_eq!(p["invitation_status"], "not_invited");
            (
                p["role"].as_str().unwrap().into(),
                p["display_name"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("chair".into(), "Mr Gareth EVANS".into()),
            ("speaker".into(), "Ms Corlett LETLOJANE".into())
        ]
    );

    let registrations = app
        .get(
            &format!("/api/v1/events/{copy_slug}/registrations"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(registrations["total"], 0);
    let invitations = app
        .get(
            &format!("/api/v1/events/{copy_slug}/invitations"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(invitations["total"], 0, "{invitations}");

    let untouched = event(&app, &original).await;
    assert_eq!(untouched["status"], "published");
    assert_eq!(untouched["starts_on"], format!("{UPCOMING_YEAR}-06-03"));
}

#[tokio::test]
async fn a_duplicate_needs_a_first_day_an_organizer_and_an_event() {
    let app = spawn_app().await;
    let original = slug(&app.brussels_event().await);
    let path = format!("/api/v1/events/{original}/duplicate");
    let before = app.count("events").await;

    let reply = app
        .post(&path, app.org(), &json!({"title": "Copy"}))
        .await
        .expect(422);
    assert_eq!(reply.error_fields(), ["starts_on"]);
    let reply = app
        .post(
            &path,
            app.org(),
            &json!({"starts_on": "2040-02-30", "title": " "}),
        )
        .await
        .expect(422);
    let mut fields = reply.error_fields();
    fields.sort();
    assert_eq!(fields, ["starts_on", "title"]);
    app.post(&path, As::Anonymous, &json!({"starts_on": "2040-02-10"}))
        .await
        .expect(401);
    app.post(
        "/api/v1/events/no-such-event/duplicate",
        app.org(),
        &json!({"starts_on": "2040-02-10"}),
    )
    .await
    .expect(404);
    assert_eq!(app.count("events").await, before, "nothing was written");
}

#[tokio::test]
async fn an_organizer_reuses_an_event_from_its_page() {
    let app = spawn_app().await;
    let panel = app.brussels_panel(Some("Room A")).await;
    let browser = app.organizer_browser().await;
    let path = format!("/organize/events/{}/duplicate", panel.event);

    let workspace = app
        .get_page(&format!("/organize/events/{}", panel.event), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(workspace.contains(&format!("href=\"{path}\"")));
    assert!(
        !workspace.contains("Cancel the event"),
        "a draft is deleted, not cancelled"
    );
    let form = app.get_page(&path, Some(&browser)).await.page(200).text();
    assert!(form.contains("value=\"Making a difference\""));

    let reply = app
        .submit(
            &path,
            &browser,
            &[("starts_on", ""), ("title", "Next roundtable")],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 422);
    assert!(
        reply.text().contains("value=\"Next roundtable\""),
        "the title typed stays"
    );

    let reply = app
        .submit(
            &path,
            &browser,
            &[("starts_on", "2010-06-02"), ("title", "Next roundtable")],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 303, "{}", reply.text());
    let copy = reply.location();
    let page = app.get_page(&copy, Some(&browser)).await.page(200).text();
    assert!(
        page.contains("Next roundtable") && page.contains("Room A"),
        "{page}"
    );
    assert!(page.contains("Wednesday, 2 June 2010"));
}

// ----- Words for people -----

#[tokio::test]
async fn people_and_organizations_are_listed_in_the_order_of_a_real_collation() {
    let app = spawn_app().await;
    for family in ["ZUMA", "Ñúñez", "Okonjo", "Naidoo", "Évora", "Egeland"] {
        app.person("Ms", "Ana", family).await;
    }
    for name in [
        "Czech Helsinki Committee",
        "Côte d'Ivoire Human Rights League",
        "Crisis Action",
    ] {
        app.organization(name).await;
    }
    let names = |list: Value, key: &str| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item[key].as_str().unwrap().to_string())
            .collect()
    };
    let people = app
        .get("/api/v1/people", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(
        names(people, "family_name"),
        ["Egeland", "Évora", "Naidoo", "Ñúñez", "Okonjo", "ZUMA"]
    );
    let orgs = app
        .get("/api/v1/organizations", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(
        names(orgs, "name"),
        [
            "Côte d'Ivoire Human Rights League",
            "Crisis Action",
            "Czech Helsinki Committee"
        ]
    );
    let second_page = app
        .get("/api/v1/people?limit=2&offset=2", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(second_page["total"], 6);
    assert_eq!(names(second_page, "family_name"), ["Naidoo", "Ñúñez"]);
}

// ----- The dashboard -----

#[tokio::test]
async fn the_dashboard_lists_what_needs_doing_for_each_current_event_with_a_link_to_do_it() {
    use roundtable::entities::invitation;
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};

    let app = spawn_app().await;
    let panel = app
        .brussels_session_in(
            UPCOMING_YEAR,
            "Early warning",
            "14:00",
            "16:00",
            Some("Room A"),
        )
        .await;
    let [evans, letlojane] = app
        .seat(
            panel.session,
            [
                Seat::chair("Mr", "Gareth", "Evans").reached_at("evans@example.org"),
                Seat::speaker("Ms", "Corlett", "Letlojane").reached_at("letlojane@example.org"),
            ],
        )
        .await;
    // Mr Evans chairs a second session at the same time: a conflict.
    let second = app
        .session(
            &panel.event,
            "Prevention",
            &format!("{UPCOMING_YEAR}-06-03T15:00:00"),
            &format!("{UPCOMING_YEAR}-06-03T17:00:00"),
            Some("Room B"),
        )
        .await;
    app.assign(second, evans, "chair").await;
    app.publish_with(
        &panel.event,
        json!({"capacity": 20, "registration": {"mode": "approval"}}),
    )
    .await;
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(202);
    // Ms Letlojane declines; Mr Evans has not answered for ten days.
    let mail = app
        .last_mail_to("letlojane@example.org", "invitation")
        .await;
    let token = token_after(&mail.text_body, "invitations");
    app.request(
        axum::http::Method::POST,
        &format!("/invitations/{token}/decline"),
        As::Anonymous,
        None,
        None,
    )
    .await
    .expect(200);
    let stale = invitation::Entity::find()
        .all(app.db.conn())
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.person_id == evans as i32)
        .unwrap();
    let mut stale: invitation::ActiveModel = stale.into();
    stale.sent_at = Set(chrono::Utc::now() - chrono::Duration::days(10));
    stale.update(app.db.conn()).await.unwrap();
    register(&app, &panel.event, 1).await;
    // An event long over and a cancelled one are not on the list.
    let old = slug(&app.brussels_event().await);
    let cancelled = slug(&app.brussels_event_in(UPCOMING_YEAR + 1).await);
    app.post(
        &format!("/api/v1/events/{cancelled}/cancel"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let _ = letlojane;

    let browser = app.organizer_browser().await;
    let page = app
        .get_page("/organize", Some(&browser))
        .await
        .page(200)
        .text();
    let agenda = &page[page.find("What needs doing").unwrap()..page.find("All events").unwrap()];
    let slug = &panel.event;
    for (text, href) in [
        (
            "1 conflict in the programme",
            format!("/organize/events/{slug}#conflicts"),
        ),
        (
            "Ms Corlett LETLOJANE declined (speaker of “Early warning”)",
            format!("/organize/sessions/{}", panel.session),
        ),
        (
            "“Early warning” has no rapporteur",
            format!("/organize/sessions/{}", panel.session),
        ),
        (
            "“Prevention” has no rapporteur",
            format!("/organize/sessions/{second}"),
        ),
        (
            "1 invitation unanswered for more than 7 days",
            format!("/organize/events/{slug}#invitations"),
        ),
        (
            "1 registration waiting for your approval",
            format!("/organize/events/{slug}/registrations?status=pending"),
        ),
    ] {
        let at = agenda
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not on the dashboard:\n{agenda}"));
        let link = agenda[..at].rfind("href=\"").unwrap();
        assert!(
            agenda[link + 6..].starts_with(&href),
            "{text:?} links to {}",
            &agenda[link..at]
        );
    }
    assert!(
        agenda.find("1 conflict").unwrap() < agenda.find("has no rapporteur").unwrap(),
        "what stops something comes first"
    );
    assert!(
        !agenda.contains(&format!("/organize/events/{old}\"")),
        "long over"
    );
    assert!(
        !agenda.contains(&format!("/organize/events/{cancelled}\"")),
        "cancelled"
    );
}

#[tokio::test]
async fn an_event_with_nothing_to_do_says_so() {
    let app = spawn_app().await;
    let panel = app
        .brussels_session_in(UPCOMING_YEAR, "Panel", "14:00", "16:00", None)
        .await;
    app.seat(
        panel.session,
        [
            Seat::chair("Mr", "Gareth", "Evans"),
            Seat::rapporteur("Ms", "Grace", "Akello"),
        ],
    )
    .await;
    let browser = app.organizer_browser().await;
    let page = app
        .get_page("/organize", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(page.contains("Nothing to do for now"), "{page}");
}

#[tokio::test]
async fn a_time_zone_is_found_by_its_city_and_a_misspelt_one_gets_a_suggestion() {
    let app = spawn_app().await;
    let event = app
        .event_with(json!({"timezone": "Nairobi", "city": "Nairobi", "country": "KE"}))
        .await;
    assert_eq!(event["timezone"], "Africa/Nairobi");
    let event = app.event_with(json!({"timezone": "buenos aires"})).await;
    assert_eq!(event["timezone"], "America/Argentina/Buenos_Aires");

    let reply = app
        .post(
            "/api/v1/events",
            app.org(),
            &json!({"title": "T", "kind": "roundtable", "starts_on": "2037-02-03",
                    "ends_on": "2037-02-03", "timezone": "Nairobbi"}),
        )
        .await
        .expect(422);
    assert_eq!(reply.error_fields(), ["timezone"]);
    assert!(
        reply.text().contains("did you mean Africa/Nairobi"),
        "{}",
        reply.text()
    );

    let browser = app.organizer_browser().await;
    let form = app
        .get_page("/organize/events/new", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        form.contains("<option value=\"Africa/Nairobi\" label=\"Nairobi (Africa/Nairobi)\">"),
        "the chooser finds zones by city"
    );
    assert!(
        form.contains("\"KE\":[\"africa\",\"east-africa\"]"),
        "a country proposes its region"
    );
    let orgs = app
        .get_page("/organize/organizations/new", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(orgs.contains("id=\"country-regions\""));
}

#[tokio::test]
async fn the_dashboard_asks_for_a_new_edition_when_a_published_report_has_changed() {
    let app = spawn_app().await;
    let day = (chrono::Utc::now() - chrono::Duration::days(10)).date_naive();
    let event = slug(
        &app.event_with(json!({"starts_on": day.to_string(), "ends_on": day.to_string()}))
            .await,
    );
    app.publish(&event).await;
    let mut sessions = Vec::new();
    for (title, starts, ends) in [
        ("Early warning", "09:30", "11:00"),
        ("Prevention", "14:00", "15:30"),
    ] {
        let session = app
            .session(
                &event,
                title,
                &format!("{day}T{starts}:00"),
                &format!("{day}T{ends}:00"),
                None,
            )
            .await;
        let chair = app.person("Mr", "Gareth", title).await;
        app.assign(session, chair, "chair").await;
        let rapporteur = app.person("Dr", "Sam", title).await;
        app.assign(session, rapporteur, "rapporteur").await;
        sessions.push(session);
    }
    let approve = |session: i64| {
        let app = &app;
        async move {
            let path = format!("/api/v1/sessions/{session}/summary");
            app.send(
                axum::http::Method::PUT,
                &path,
                app.org(),
                &json!({"overview": "Warnings must lead to action."}),
            )
            .await
            .expect(200);
            for step in ["submit", "approve"] {
                app.post(&format!("{path}/{step}"), app.org(), &json!({}))
                    .await
                    .expect(200);
            }
        }
    };
    approve(sessions[0]).await;
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let browser = app.organizer_browser().await;
    let dashboard = || async {
        app.get_page("/organize", Some(&browser))
            .await
            .page(200)
            .text()
    };
    assert!(!dashboard().await.contains("The published report has"));

    approve(sessions[1]).await;
    let page = dashboard().await;
    assert!(
        page.contains("The published report has 1 change since publication: publish edition 2"),
        "{page}"
    );
    assert!(page.contains(&format!("href=\"/organize/events/{event}/report\"")));
}

// ----- The forms and a session's workspace in the reader's language -----

/// The flash message a reply sets, decoded.
fn flash_of(reply: &common::Reply) -> String {
    let flash = reply
        .set_cookie(common::FLASH_COOKIE)
        .expect("a confirmation");
    percent_encoding::percent_decode_str(&flash)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

#[tokio::test]
async fn the_event_form_its_errors_and_its_confirmation_speak_the_readers_language() {
    let app = spawn_app().await;
    let browser = app.organizer_browser().await;
    let french = app
        .get_page("/organize/events/new?lang=fr", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(french.contains("<h1>Nouvel événement</h1>"), "{french}");
    assert!(french.contains("<legend>L’événement</legend>"));
    assert!(french.contains("<legend>Dates et lieu</legend>"));
    assert!(french.contains(">Fuseau horaire <span aria-hidden=\"true\">*</span></label>"));
    assert!(french.contains("<option value=\"conference\">Conférence</option>"));
    assert!(french.contains("<option value=\"invite-only\">Sur invitation uniquement</option>"));
    assert!(french.contains("<option value=\"BE\">Belgique</option>"));
    assert!(french.contains("<option value=\"east-africa\">Afrique de l’Est (Afrique)</option>"));
    assert!(french.contains("<button type=\"submit\">Créer l’événement</button>"));
    assert!(french.contains(">Annuler</a>"));
    assert!(french.contains("← Espace de travail</a>"));
    // English stays as it was.
    let english = app
        .get_page("/organize/events/new", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(english.contains("<h1>New event</h1>"));
    assert!(english.contains("<legend>About the event</legend>"));
    assert!(english.contains("<option value=\"conference\">Conference</option>"));
    assert!(english.contains("<option value=\"BE\">Belgium</option>"));
    assert!(english.contains("<option value=\"east-africa\">East Africa (Africa)</option>"));
    assert!(english.contains("<button type=\"submit\">Create the event</button>"));
    assert!(english.contains(">Cancel</a>"));

    // Refused in Spanish: the summary and the field's own error.
    let refused = app
        .submit(
            "/organize/events/new?lang=es",
            &browser,
            &[
                ("title", ""),
                ("kind", "roundtable"),
                ("starts_on", "2037-06-03"),
                ("ends_on", "2037-06-04"),
                ("timezone", "Europe/Brussels"),
                ("registration_mode", "open"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(refused.contains("<h2>Corrija 1 campo</h2>"), "{refused}");
    assert!(refused.contains("Todavía no se ha guardado nada"));
    assert!(refused.contains("Es obligatorio."));

    // Created in Spanish: the confirmation says so.
    let created = app
        .submit(
            "/organize/events/new?lang=es",
            &browser,
            &[
                ("title", "Diálogo regional"),
                ("kind", "roundtable"),
                ("starts_on", "2037-06-03"),
                ("ends_on", "2037-06-04"),
                ("timezone", "Europe/Brussels"),
                ("registration_mode", "open"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(
        flash_of(&created),
        "Se ha creado el evento «Diálogo regional» como borrador. Añada sus sesiones y luego publíquelo."
    );
}

#[tokio::test]
async fn a_sessions_workspace_and_its_form_speak_the_readers_language() {
    let app = spawn_app().await;
    let panel = app.brussels_panel(Some("Room A")).await;
    let [gareth, _] = app
        .seat(
            panel.session,
            [
                Seat::chair("Mr", "Gareth", "Evans"),
                Seat::speaker("", "Ana", "Núñez"),
            ],
        )
        .await;
    let browser = app.organizer_browser().await;
    let path = format!("/organize/sessions/{}", panel.session);

    let spanish = app
        .get_page(&format!("{path}?lang=es"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(spanish.contains("<h2>Participantes</h2>"), "{spanish}");
    assert!(spanish.contains("<td>Presidencia</td>"));
    assert!(spanish.contains("<td>Ponente</td>"));
    assert!(spanish.contains("<h2 id=\"new-person\">Añadir a una persona nueva</h2>"));
    assert!(spanish.contains("<button type=\"submit\">Crear y añadir</button>"));
    assert!(spanish.contains("data-confirm=\"¿Eliminar esta sesión y sus asignaciones?\""));
    assert!(spanish.contains("<option value=\"rapporteur\">Relator/a</option>"));
    assert!(
        spanish.contains(">Función en esta sesión <span aria-hidden=\"true\">*</span></label>")
    );
    assert!(spanish.contains("de junio de 2009, 14:00–16:00 (Europe/Brussels)"));
    let english = app.get_page(&path, Some(&browser)).await.page(200).text();
    assert!(english.contains("<h2>People</h2>"));
    assert!(english.contains("<td>Chair</td>"));
    assert!(english.contains("<h2 id=\"new-person\">Add a new person</h2>"));
    assert!(english.contains("data-confirm=\"Delete this session and its assignments?\""));

    // The session's form in French, and its confirmation.
    let edit = format!("{path}/edit");
    let form = app
        .get_page(&format!("{edit}?lang=fr"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        form.contains("<button type=\"submit\">Enregistrer la séance</button>"),
        "{form}"
    );
    assert!(form.contains("<option value=\"chatham-house\">Règle de Chatham House</option>"));
    assert!(form.contains("Heure locale (Europe/Brussels)."));
    let saved = app
        .submit(
            &format!("{edit}?lang=fr"),
            &browser,
            &[
                ("title", "Panel"),
                ("kind", "panel"),
                ("starts_at", "2009-06-03T14:00"),
                ("ends_at", "2009-06-03T16:00"),
                ("room", "Room B"),
                ("confidentiality", "public"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(
        flash_of(&saved),
        "Les modifications de « Panel » ont été enregistrées."
    );
    // A participant removed, told in Spanish.
    let removed = app
        .submit(
            &format!("{path}/participants/{gareth}/remove?lang=es"),
            &browser,
            &[],
        )
        .await
        .expect(303);
    assert_eq!(
        flash_of(&removed),
        "Se ha retirado a la persona de esta sesión."
    );
}
