//! The event day: check-in at the door by code, name or organization, one tap and its
//! undo, one record whatever the number of devices tapping at once, walk-ins added by an
//! organizer beyond capacity, the code on the registrant's page (with its QR code) and in
//! their confirmation mail. Runs on SQLite, or on PostgreSQL when
//! `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::fixtures::slug;
use common::{As, TestApp, spawn_app, token_after};
use serde_json::{Value, json};

/// A published conference to come (3–4 June 2037) with `capacity` places; its slug.
async fn conference(app: &TestApp, capacity: i64, waitlist: bool) -> String {
    let slug = slug(
        &app.event_with(json!({"title": "Door test conference", "subtitle": null,
                               "starts_on": "2037-06-03", "ends_on": "2037-06-04"}))
            .await,
    );
    app.publish_with(
        &slug,
        json!({"capacity": capacity, "registration": {"waitlist": waitlist}}),
    )
    .await;
    slug
}

async fn register(app: &TestApp, slug: &str, given: &str, family: &str, org: &str) -> Value {
    app.post(
        &format!("/api/v1/events/{slug}/registrations"),
        As::Anonymous,
        &json!({"given_name": given, "family_name": family, "organization": org,
                "email": format!("{}@example.org", given.to_lowercase()), "consent": true}),
    )
    .await
    .expect(201)
    .json()
}

fn check_in_path(id: i64) -> String {
    format!("/api/v1/registrations/{id}/check-in")
}

/// The event's registrations as organizers see them.
async fn listed(app: &TestApp, slug: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/events/{slug}/registrations"), app.org())
        .await
        .expect(200)
        .json()["items"]
        .as_array()
        .unwrap()
        .clone()
}

/// The registration as organizers see it.
async fn registration(app: &TestApp, slug: &str, id: i64) -> Value {
    listed(app, slug)
        .await
        .into_iter()
        .find(|r| r["id"] == id)
        .expect("the registration is listed")
}

async fn audit_count(app: &TestApp, action: &str) -> usize {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    roundtable::entities::audit_log::Entity::find()
        .filter(roundtable::entities::audit_log::Column::Action.eq(action))
        .all(app.db.conn())
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn an_organizer_checks_a_registrant_in_once_and_can_undo_it() {
    let app = spawn_app().await;
    let slug = conference(&app, 10, false).await;
    let ama = register(&app, &slug, "Ama", "Mensah", "WACSI").await;
    let id = ama["id"].as_i64().unwrap();

    // Nobody but an organizer checks anyone in.
    app.post(&check_in_path(id), As::Anonymous, &json!({}))
        .await
        .expect(401);
    app.post(&check_in_path(id), app.member_token(), &json!({}))
        .await
        .expect(403);

    // The body may be left out; a second tap answers the first time.
    let first = app
        .post_raw(&check_in_path(id), app.org(), "")
        .await
        .expect(200)
        .json();
    let at = first["checked_in_at"].as_str().unwrap().to_string();
    let again = app
        .post(&check_in_path(id), app.org(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(again["checked_in_at"], at.as_str());
    assert_eq!(audit_count(&app, "check_in").await, 1);
    let listed = registration(&app, &slug, id).await;
    assert!(listed["checked_in_at"].is_string());
    assert_eq!(listed["walk_in"], false);

    // Undone, then checked in again with a new time.
    app.delete(&check_in_path(id), app.org()).await.expect(204);
    assert!(registration(&app, &slug, id).await["checked_in_at"].is_null());
    app.delete(&check_in_path(id), app.org()).await.expect(204);
    assert_eq!(audit_count(&app, "undo_check_in").await, 1);
    app.post(&check_in_path(id), app.org(), &json!({}))
        .await
        .expect(200);

    // What the contract does not take is refused, naming the field, and nothing written.
    let unknown = app
        .post(&check_in_path(id), app.org(), &json!({"gate": 2}))
        .await
        .expect(422);
    assert!(unknown.text().contains("gate"), "{}", unknown.text());
    app.post(&check_in_path(999_999), app.org(), &json!({}))
        .await
        .expect(404);
    app.post(&check_in_path(id), app.org(), &json!({"session_id": 1}))
        .await
        .expect(422);
}

#[tokio::test]
async fn only_a_confirmed_registrant_is_checked_in() {
    let app = spawn_app().await;
    let slug = conference(&app, 1, true).await;
    register(&app, &slug, "Ama", "Mensah", "WACSI").await;
    let waiting = register(&app, &slug, "Peter", "Ochieng", "KHRC").await;
    assert_eq!(waiting["status"], "waitlisted");
    let refused = app
        .post(
            &check_in_path(waiting["id"].as_i64().unwrap()),
            app.org(),
            &json!({}),
        )
        .await
        .expect(409);
    assert!(refused.text().contains("waitlisted"), "{}", refused.text());
    assert_eq!(audit_count(&app, "check_in").await, 0);
}

#[tokio::test]
async fn two_devices_tapping_at_once_make_one_check_in() {
    let app = spawn_app().await;
    let slug = conference(&app, 10, false).await;
    let id = register(&app, &slug, "Ama", "Mensah", "WACSI").await["id"]
        .as_i64()
        .unwrap();
    let path = check_in_path(id);
    let body = json!({});
    let (a, b, c) = tokio::join!(
        app.post(&path, app.org(), &body),
        app.post(&path, app.org(), &body),
        app.post(&path, app.org(), &body),
    );
    let times: Vec<String> = [a, b, c]
        .into_iter()
        .map(|r| {
            r.expect(200).json()["checked_in_at"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        times.iter().all(|t| *t == times[0]),
        "the taps answered different times: {times:?}"
    );
    assert_eq!(audit_count(&app, "check_in").await, 1, "one record");
}

#[tokio::test]
async fn a_walk_in_beyond_capacity_is_for_organizers_only_and_checked_in_at_once() {
    let app = spawn_app().await;
    let slug = conference(&app, 1, false).await;
    register(&app, &slug, "Ama", "Mensah", "WACSI").await;
    let path = format!("/api/v1/events/{slug}/registrations");
    let walk_in = json!({"given_name": "Kofi", "family_name": "Annan", "email": "kofi@example.org",
                         "organization": "Kofi Annan Foundation", "consent": true, "walk_in": true});
    // The event is full: nobody registers, and only an organizer adds a walk-in.
    let full = app
        .post(
            &path,
            As::Anonymous,
            &json!({"given_name": "Kofi", "family_name": "Annan", "email": "kofi@example.org", "consent": true}),
        )
        .await
        .expect(409);
    assert!(full.text().contains("full"), "{}", full.text());
    app.post(&path, As::Anonymous, &walk_in).await.expect(401);
    app.post(&path, app.member_token(), &walk_in)
        .await
        .expect(403);
    let added = app
        .post(&path, app.org(), &walk_in)
        .await
        .expect(201)
        .json();
    assert_eq!(added["status"], "confirmed");
    let listed = registration(&app, &slug, added["id"].as_i64().unwrap()).await;
    assert_eq!(listed["walk_in"], true);
    assert!(listed["checked_in_at"].is_string(), "{listed}");
    assert_eq!(audit_count(&app, "walk_in").await, 1);
    // A walk-in is still one registration per email.
    app.post(&path, app.org(), &walk_in).await.expect(409);
    // And still a valid registration: a mistake is named.
    let bad = app
        .post(
            &path,
            app.org(),
            &json!({"given_name": "", "family_name": "X", "email": "x@example.org", "consent": true, "walk_in": true}),
        )
        .await
        .expect(422);
    assert_eq!(bad.error_fields(), ["given_name"]);
}

#[tokio::test]
async fn the_registrant_has_a_code_on_their_page_and_in_their_mail_that_finds_them_at_the_door() {
    let app = spawn_app().await;
    let slug = conference(&app, 10, false).await;
    register(
        &app,
        &slug,
        "Ama",
        "Mensah",
        "West Africa Civil Society Institute",
    )
    .await;
    register(&app, &slug, "Ana", "Ñúñez", "CRIES").await;
    let mail = app
        .last_mail_to("ama@example.org", "registration_confirmed")
        .await;
    let code = mail
        .text_body
        .split("check-in code: ")
        .nth(1)
        .expect("the confirmation gives the check-in code")
        .chars()
        .take(6)
        .collect::<String>();
    assert_eq!(code.len(), 6);
    let token = token_after(&mail.text_body, "registrations");
    let page = app
        .get_page(&format!("/registrations/{token}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains(&code), "the registrant's page shows the code");
    assert!(page.contains("<svg"), "and its QR code");

    // At the door: the code typed in lower case with a dash finds Ama, and only her.
    let browser = app.organizer_browser().await;
    let door = format!("/organize/events/{slug}/check-in");
    let typed = format!("{}-{}", &code[..3], &code[3..]).to_lowercase();
    let found = app
        .get_page(&format!("{door}?q={typed}"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(found.contains("Ama Mensah"), "{found}");
    assert!(!found.contains("Ñúñez"));
    assert!(found.contains("0</strong> of <span data-count-expected>2"));
    // A name without its accents finds Ana.
    let by_name = app
        .get_page(&format!("{door}?q=nunez"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(by_name.contains("Ana Ñúñez"));
    assert!(!by_name.contains("Ama Mensah"));

    // One tap checks her in, and the page says so, at the same search.
    let id = registration_id(&app, &slug, "ama@example.org").await;
    let tapped = app
        .submit(&format!("{door}/{id}"), &browser, &[("q", typed.as_str())])
        .await
        .expect(303);
    assert!(tapped.location().contains(&format!("#r{id}")));
    assert!(tapped.location().contains("check-in?q="));
    let after = app
        .get_page(&format!("{door}?q={typed}"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(after.contains("In at"), "{after}");
    let count = app
        .get(&format!("{door}/count"), As::Cookie(&browser))
        .await
        .expect(200)
        .json();
    assert_eq!(count, json!({"checked_in": 1, "expected": 2}));
    // Another tap undoes it.
    app.submit(&format!("{door}/{id}/undo"), &browser, &[])
        .await
        .expect(303);
    let count = app
        .get(&format!("{door}/count"), As::Cookie(&browser))
        .await
        .json();
    assert_eq!(count["checked_in"], 0);
    // The page is the organizers': anyone else is sent to sign in.
    let anonymous = app.get_page(&door, None).await;
    assert_eq!(anonymous.status.as_u16(), 303);
    assert!(anonymous.location().starts_with("/login"));
}

async fn registration_id(app: &TestApp, slug: &str, email: &str) -> i64 {
    listed(app, slug)
        .await
        .iter()
        .find(|r| r["email"] == email)
        .and_then(|r| r["id"].as_i64())
        .unwrap()
}

#[tokio::test]
async fn a_walk_in_added_on_the_page_with_a_mistake_keeps_what_was_typed() {
    let app = spawn_app().await;
    let slug = conference(&app, 1, false).await;
    register(&app, &slug, "Ama", "Mensah", "WACSI").await;
    let browser = app.organizer_browser().await;
    let path = format!("/organize/events/{slug}/check-in/walk-in");
    let wrong = app
        .submit(
            &path,
            &browser,
            &[
                ("given_name", "Kofi"),
                ("family_name", "Annan"),
                ("email", "not an address"),
                ("organization", "Kofi Annan Foundation"),
                ("consent", "true"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(wrong.contains("The walk-in was not added"));
    assert!(
        wrong.contains("value=\"Kofi Annan Foundation\""),
        "typed kept"
    );
    assert!(
        wrong.contains("id=\"f-email-error\""),
        "the error is beside the email"
    );
    let added = app
        .submit(
            &path,
            &browser,
            &[
                ("given_name", "Kofi"),
                ("family_name", "Annan"),
                ("email", "kofi@example.org"),
                ("consent", "true"),
            ],
        )
        .await
        .expect(303);
    assert!(
        added
            .location()
            .starts_with(&format!("/organize/events/{slug}/check-in"))
    );
    let count = app
        .get(
            &format!("/organize/events/{slug}/check-in/count"),
            As::Cookie(&browser),
        )
        .await
        .json();
    assert_eq!(
        count,
        json!({"checked_in": 1, "expected": 2}),
        "beyond the capacity of 1"
    );
}

/// An organization with an acronym, created by the organizer; its id.
async fn organization(app: &TestApp, name: &str, acronym: &str) -> i64 {
    app.post(
        "/api/v1/organizations",
        app.org(),
        &json!({"name": name, "acronym": acronym, "kind": "ngo", "region": "africa"}),
    )
    .await
    .expect(201)
    .json()["id"]
        .as_i64()
        .unwrap()
}

/// A person of an organization, created by the organizer; their id.
async fn member_of(app: &TestApp, given: &str, family: &str, organization: i64) -> i64 {
    app.post(
        "/api/v1/people",
        app.org(),
        &json!({"given_name": given, "family_name": family, "organization_id": organization}),
    )
    .await
    .expect(201)
    .json()["id"]
        .as_i64()
        .unwrap()
}

async fn put_attendance(app: &TestApp, session: i64, lines: Value) -> common::Reply {
    app.send(
        axum::http::Method::PUT,
        &format!("/api/v1/sessions/{session}/attendance"),
        app.org(),
        &lines,
    )
    .await
}

async fn record(app: &TestApp, slug: &str) -> Value {
    app.get(&format!("/api/v1/events/{slug}/attendance"), app.org())
        .await
        .expect(200)
        .json()
}

#[tokio::test]
async fn a_sessions_attendance_is_marked_and_names_the_organizations_present() {
    let app = spawn_app().await;
    let slug = conference(&app, 10, false).await;
    let session = app
        .session(
            &slug,
            "Early warning",
            "2037-06-03T09:00:00Z",
            "2037-06-03T10:30:00Z",
            None,
        )
        .await;
    let oau = organization(&app, "African Union Commission", "AUC").await;
    let hrw = organization(&app, "Human Rights Watch", "HRW").await;
    let chair = member_of(&app, "Jean", "Ping", oau).await;
    let speaker = member_of(&app, "Kenneth", "Roth", hrw).await;
    let outsider = member_of(&app, "Nobody", "Here", hrw).await;
    app.assign(session, chair, "chair").await;
    app.assign(session, speaker, "speaker").await;
    let ama = register(&app, &slug, "Ama", "Mensah", "WACSI").await["id"]
        .as_i64()
        .unwrap();
    // "hrw", typed on the form, counts with Human Rights Watch.
    let kofi = register(&app, &slug, "Kofi", "Asante", "hrw").await["id"]
        .as_i64()
        .unwrap();
    register(&app, &slug, "Lena", "Okafor", "WANEP").await;

    let before = record(&app, &slug).await;
    assert_eq!(before["recorded"], false);
    assert_eq!(before["organizations_present"], json!([]));

    // Refused, naming the line, and nothing written.
    let other = conference(&app, 10, false).await;
    let elsewhere = register(&app, &other, "Zed", "Else", "X").await["id"]
        .as_i64()
        .unwrap();
    let refused = put_attendance(
        &app,
        session,
        json!([
            {"person_id": chair, "status": "present"},
            {"person_id": outsider, "status": "present"},
            {"registration_id": elsewhere, "status": "present"},
            {"registration_id": ama, "status": "present"},
            {"registration_id": ama, "status": "absent"}
        ]),
    )
    .await
    .expect(422);
    let fields = refused.error_fields();
    for field in ["[1].person_id", "[2].registration_id", "[4]"] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    let both = put_attendance(
        &app,
        session,
        json!([{"person_id": speaker, "registration_id": ama, "status": "present"}, {"status": "present"}]),
    )
    .await
    .expect(422);
    assert_eq!(both.error_fields(), ["[0]", "[1].person_id"]);
    let late = put_attendance(
        &app,
        session,
        json!([{"registration_id": ama, "status": "late"}]),
    )
    .await
    .expect(422);
    assert_eq!(late.error_fields(), ["[0].status"]);
    assert_eq!(app.count("session_attendance").await, 0, "nothing written");
    put_attendance(&app, session, json!({"person_id": chair}))
        .await
        .expect(400);
    app.send(
        axum::http::Method::PUT,
        &format!("/api/v1/sessions/{session}/attendance"),
        As::Anonymous,
        &json!([]),
    )
    .await
    .expect(401);
    put_attendance(&app, 999_999, json!([])).await.expect(404);

    let marked = put_attendance(
        &app,
        session,
        json!([
            {"person_id": chair, "status": "present"},
            {"person_id": speaker, "status": "excused"},
            {"registration_id": ama, "status": "present"}
        ]),
    )
    .await
    .expect(200)
    .json();
    let ama_line = marked["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == ama)
        .unwrap()
        .clone();
    assert!(
        ama_line["checked_in_at"].is_string(),
        "present at a session is checked in to the event: {ama_line}"
    );
    assert_eq!(
        ama_line["sessions"],
        json!([{"session_id": session, "status": "present"}])
    );
    // Kofi is checked in at the door, at the session by the check-in call.
    app.post(&check_in_path(kofi), app.org(), &json!({}))
        .await
        .expect(200);
    let at = app
        .post(
            &check_in_path(kofi),
            app.org(),
            &json!({"session_id": session}),
        )
        .await
        .expect(200)
        .json()["checked_in_at"]
        .clone();
    let again = app
        .post(
            &check_in_path(kofi),
            app.org(),
            &json!({"session_id": session}),
        )
        .await
        .expect(200)
        .json()["checked_in_at"]
        .clone();
    assert_eq!(at, again, "the first time stands");

    let now = record(&app, &slug).await;
    assert_eq!(now["recorded"], true);
    assert_eq!(
        now["organizations_present"],
        json!([
            {"name": "African Union Commission", "count": 1},
            {"name": "Human Rights Watch", "count": 1},
            {"name": "WACSI", "count": 1}
        ]),
        "the excused speaker and the registrant not checked in are not counted"
    );
    let counts = &now["sessions"][0];
    assert_eq!(
        (&counts["present"], &counts["absent"], &counts["excused"]),
        (&json!(3), &json!(0), &json!(1))
    );
    let speaker_line = now["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["person_id"] == speaker)
        .unwrap()
        .clone();
    assert_eq!(speaker_line["status"], "excused");
    assert_eq!(speaker_line["role"], "speaker");

    // Undone at the session: the mark goes, the event's check-in stays.
    app.send(
        axum::http::Method::DELETE,
        &check_in_path(kofi),
        app.org(),
        &json!({"session_id": session}),
    )
    .await
    .expect(204);
    let after = record(&app, &slug).await;
    let kofi_line = after["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == kofi)
        .unwrap()
        .clone();
    assert_eq!(kofi_line["sessions"], json!([]));
    assert!(kofi_line["checked_in_at"].is_string());

    // The report's organizations come from the record, with their counts.
    let report = app
        .get(&format!("/api/v1/events/{slug}/report"), app.org())
        .await
        .expect(200)
        .json();
    let organizations = report["organizations"].as_array().unwrap();
    let hrw_line = organizations
        .iter()
        .find(|o| o["name"] == "Human Rights Watch")
        .unwrap_or_else(|| panic!("{organizations:?}"));
    assert_eq!(hrw_line["present"], 1);
    assert!(
        organizations.iter().all(|o| o["name"] != "WANEP"),
        "not checked in: {organizations:?}"
    );
}

#[tokio::test]
async fn the_attendance_pages_mark_a_session_and_download_the_record() {
    let app = spawn_app().await;
    let slug = conference(&app, 10, false).await;
    let session = app
        .session(
            &slug,
            "Mediation, Kenya 2008",
            "2037-06-03T09:00:00Z",
            "2037-06-03T10:30:00Z",
            None,
        )
        .await;
    let org = organization(&app, "Kofi Annan Foundation", "KAF").await;
    let chair = member_of(&app, "Graça", "Machel", org).await;
    app.assign(session, chair, "chair").await;
    let ama = register(&app, &slug, "Ama", "Mensah", "WACSI").await["id"]
        .as_i64()
        .unwrap();
    let browser = app.organizer_browser().await;
    let roll_path = format!("/organize/events/{slug}/attendance/{session}");
    let roll = app
        .get_page(&roll_path, Some(&browser))
        .await
        .page(200)
        .text();
    assert!(roll.contains("Graça MACHEL"), "{roll}");
    assert!(roll.contains("Ama Mensah"));
    assert!(roll.contains(&format!("name=\"p{chair}\" value=\"present\"")));

    let (p, r) = (format!("p{chair}"), format!("r{ama}"));
    let saved = app
        .submit(
            &roll_path,
            &browser,
            &[("line", &p), (&p, "present"), ("line", &r), (&r, "absent")],
        )
        .await
        .expect(303);
    assert!(
        saved
            .location()
            .starts_with(&format!("/organize/events/{slug}/attendance"))
    );
    let page = app
        .get_page(
            &format!("/organize/events/{slug}/attendance"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(page.contains("Kofi Annan Foundation"), "{page}");
    assert!(page.contains("Mediation, Kenya 2008"));

    let csv = app
        .get_page(
            &format!("/organize/events/{slug}/attendance.csv"),
            Some(&browser),
        )
        .await
        .expect(200);
    let text = String::from_utf8_lossy(&csv.body).to_string();
    assert!(
        text.contains("\"Name\",\"Organization\",\"Taking part as\",\"Checked in (UTC)\",\"Mediation, Kenya 2008\""),
        "{text}"
    );
    assert!(
        text.contains("\"Graça MACHEL\",\"Kofi Annan Foundation\",\"Chair\",\"\",\"Present\""),
        "{text}"
    );
    assert!(
        text.contains("\"Ama Mensah\",\"WACSI\",\"Registrant\",\"\",\"Absent\""),
        "{text}"
    );

    // "Not marked" clears the line.
    app.submit(&roll_path, &browser, &[("line", &r), (&r, "")])
        .await
        .expect(303);
    assert_eq!(app.count("session_attendance").await, 1);
    // Not for participants: the page wants an organizer.
    let anonymous = app.get_page(&roll_path, None).await;
    assert_eq!(anonymous.status, 303);
}

async fn event_model(app: &TestApp, slug: &str) -> roundtable::entities::event::Model {
    roundtable::events::store::event(app.db.conn(), &roundtable::events::SeriesRef::parse(slug))
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn badges_and_the_list_of_participants_name_everyone_expected() {
    let app = spawn_app().await;
    let slug = conference(&app, 20, false).await;
    let session = app
        .session(
            &slug,
            "Opening",
            "2037-06-03T09:00:00Z",
            "2037-06-03T10:30:00Z",
            None,
        )
        .await;
    let auc = organization(&app, "African Union Commission", "AUC").await;
    let chair = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "H.E.", "given_name": "Jean", "family_name": "Ping",
                    "organization_id": auc, "email": "ping@example.org"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    app.assign(session, chair, "chair").await;
    // The chair registered too: one badge, as chair.
    app.post(
        &format!("/api/v1/events/{slug}/registrations"),
        As::Anonymous,
        &json!({"given_name": "Jean", "family_name": "Ping", "email": "ping@example.org",
                "organization": "AUC", "consent": true}),
    )
    .await
    .expect(201);
    for (given, family, org) in [
        ("Ama", "Mensah", "WACSI"),
        ("Kofi", "Asante", "WANEP"),
        ("Lena", "Okafor", "WANEP"),
        ("Ana", "Ñúñez", "CRIES"),
        ("Luc", "Lamprière", ""),
        ("Mia", "Berg", "NUPI"),
        ("Omar", "Said", "ISS"),
        ("Sara", "Diallo", "WACSI"),
    ] {
        register(&app, &slug, given, family, org).await;
    }
    let event = event_model(&app, &slug).await;

    let badges = roundtable::attendance::printables::badges_job(app.db.conn(), &event)
        .await
        .unwrap()
        .page_texts()
        .unwrap();
    assert_eq!(badges.len(), 2, "nine badges, eight a page: {badges:?}");
    let all = badges.join(" ");
    assert!(all.contains("H.E. Jean PING"), "protocol style: {all}");
    assert_eq!(all.matches("PING").count(), 1, "the chair once: {all}");
    assert!(all.contains("CHAIR"));
    assert_eq!(all.matches("PARTICIPANT").count(), 8);
    assert!(all.contains("Ana ÑÚÑEZ"));
    assert!(badges[1].contains("Omar SAID"), "by family name, Said last");

    let list = roundtable::attendance::printables::participants_job(app.db.conn(), &event)
        .await
        .unwrap()
        .page_texts()
        .unwrap()
        .join(" ");
    assert!(list.contains("9 participants"), "{list}");
    let wanep = list.find("WANEP").unwrap();
    assert!(
        list.find("African Union Commission").unwrap() < wanep,
        "by organization"
    );
    assert!(list[wanep..].contains("Kofi ASANTE"));
    assert!(list.contains("Without an organization given"));

    // Served to organizers only.
    let browser = app.organizer_browser().await;
    for path in ["badges.pdf", "participants.pdf"] {
        let pdf = app
            .get_page(&format!("/organize/events/{slug}/{path}"), Some(&browser))
            .await
            .expect(200);
        assert!(pdf.body.starts_with(b"%PDF-"), "{path}");
        assert_eq!(pdf.headers["content-type"], "application/pdf");
        assert_eq!(pdf.headers["cache-control"], "private, no-store");
        let anonymous = app
            .get_page(&format!("/organize/events/{slug}/{path}"), None)
            .await;
        assert_eq!(anonymous.status, 303, "{path} asks for a sign-in");
    }
    let csv = app
        .get_page(
            &format!("/organize/events/{slug}/participants.csv"),
            Some(&browser),
        )
        .await
        .expect(200);
    let text = String::from_utf8_lossy(&csv.body).to_string();
    assert!(text.contains("\"Organization\",\"Name\",\"Taking part as\",\"Country\",\"Email\""));
    assert!(
        text.contains(
            "\"African Union Commission\",\"H.E. Jean PING\",\"Chair\",\"\",\"ping@example.org\""
        ),
        "{text}"
    );
}

#[tokio::test]
async fn a_certificate_is_for_a_checked_in_registrant_once_the_event_is_over() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = spawn_app().await;
    let slug = conference(&app, 10, false).await;
    let session = app
        .session(
            &slug,
            "Early warning in West Africa",
            "2037-06-03T09:00:00Z",
            "2037-06-03T10:30:00Z",
            None,
        )
        .await;
    let ama = register(&app, &slug, "Ama", "Mensah", "WACSI").await["id"]
        .as_i64()
        .unwrap();
    register(&app, &slug, "Kofi", "Asante", "WANEP").await;
    let token = |email: &'static str| {
        let app = &app;
        async move {
            let mail = app.last_mail_to(email, "registration_confirmed").await;
            token_after(&mail.text_body, "registrations")
        }
    };
    let (ama_token, kofi_token) = (
        token("ama@example.org").await,
        token("kofi@example.org").await,
    );
    app.post(
        &check_in_path(ama),
        app.org(),
        &json!({"session_id": session}),
    )
    .await
    .expect(200);
    let certificate = |token: String| format!("/registrations/{token}/certificate.pdf");
    app.get_page(&certificate(ama_token.clone()), None)
        .await
        .expect(404);

    // The event is over.
    let mut event: roundtable::entities::event::ActiveModel = event_model(&app, &slug).await.into();
    event.starts_on = Set(chrono::NaiveDate::from_ymd_opt(2020, 6, 3).unwrap());
    event.ends_on = Set(chrono::NaiveDate::from_ymd_opt(2020, 6, 4).unwrap());
    let event = event.update(app.db.conn()).await.unwrap();

    let page = app
        .get_page(&format!("/registrations/{ama_token}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("Download your certificate of attendance"));
    let pdf = app
        .get_page(&certificate(ama_token.clone()), None)
        .await
        .expect(200);
    assert!(pdf.body.starts_with(b"%PDF-"));
    app.get_page(&certificate(kofi_token.clone()), None)
        .await
        .expect(404);
    let kofi_page = app
        .get_page(&format!("/registrations/{kofi_token}"), None)
        .await
        .page(200)
        .text();
    assert!(
        !kofi_page.contains("certificate"),
        "not checked in: no certificate"
    );

    let registration = roundtable::registrations::store::by_id(app.db.conn(), ama as i32)
        .await
        .unwrap()
        .unwrap();
    let letterhead = roundtable::config::LetterheadSettings {
        organization: "Global Centre for the Responsibility to Protect".into(),
        address: "Ralph Bunche Institute\nNew York".into(),
        signatory: "Simon Adams".into(),
        signatory_title: "Executive Director".into(),
        city: "New York".into(),
    };
    let text = roundtable::attendance::printables::certificate_job(
        &app.db,
        &letterhead,
        &registration,
        &event,
    )
    .await
    .unwrap()
    .page_texts()
    .unwrap();
    assert_eq!(text.len(), 1, "one page: {text:?}");
    for expected in [
        "Certificate of attendance",
        "Ama MENSAH",
        "WACSI",
        "Door test conference",
        "3–4 June 2020",
        "Early warning in West Africa",
        "Simon Adams",
        "Executive Director",
    ] {
        assert!(text[0].contains(expected), "{expected} in {}", text[0]);
    }
}

/// The door and the attendance pages in French: headings, the count, the buttons, the
/// confirmation of a tap, the roll's marks and the session's day; in English as before.
#[tokio::test]
async fn the_door_and_the_attendance_pages_read_in_french() {
    let app = spawn_app().await;
    let slug = conference(&app, 10, false).await;
    let session = app
        .session(
            &slug,
            "Mediation, Kenya 2008",
            "2037-06-03T09:00:00Z",
            "2037-06-03T10:30:00Z",
            None,
        )
        .await;
    register(&app, &slug, "Ama", "Mensah", "WACSI").await;
    let id = registration_id(&app, &slug, "ama@example.org").await;
    let browser = app.organizer_browser().await;
    let door = format!("/organize/events/{slug}/check-in");
    let page = app
        .get_page(&format!("{door}?lang=fr"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(page.contains("<h1>Accueil</h1>"), "{page}");
    assert!(page.contains("0</strong> sur <span data-count-expected>1</span> arrivés"));
    assert!(
        page.contains(
            ">Enregistrer l’arrivée<span class=\"skip-label\"> Ama Mensah</span></button>"
        )
    );
    assert!(page.contains("<summary>Ajouter une personne qui ne s’était pas inscrite</summary>"));
    assert!(
        page.contains(">Prénom <span aria-hidden=\"true\">*</span></label>"),
        "{page}"
    );

    let tapped = app
        .submit(&format!("{door}/{id}?lang=fr"), &browser, &[])
        .await
        .expect(303);
    let page = app
        .get_page(&door, Some(&common::with_cookies_from(&browser, &tapped)))
        .await
        .page(200)
        .text();
    assert!(page.contains("Arrivée enregistrée : Ama Mensah."), "{page}");
    assert!(page.contains("✓ Arrivée à "), "{page}");

    let roll = app
        .get_page(
            &format!("/organize/events/{slug}/attendance/{session}?lang=fr"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(roll.contains("<th scope=\"col\">Présent</th>"), "{roll}");
    assert!(roll.contains("<th scope=\"col\">Non renseigné</th>"));
    assert!(roll.contains("mercredi 3 juin 2037"), "{roll}");
    assert!(roll.contains(">Enregistrer les présences</button>"));
    let record = app
        .get_page(
            &format!("/organize/events/{slug}/attendance?lang=fr"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(record.contains("<h1>Présences</h1>"), "{record}");
    assert!(record.contains("<strong>1</strong> sur 1 personne inscrite confirmée est arrivée."));
    assert!(record.contains(">Badges nominatifs</a>"));

    // The registrations table and a registration's page, in Spanish.
    let table = app
        .get_page(
            &format!("/organize/events/{slug}/registrations?lang=es"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(table.contains("<h1>Inscripciones</h1>"), "{table}");
    assert!(table.contains(" · aforo 10 · 1 en total"), "{table}");
    assert!(table.contains(">Confirmada</span>"));
    assert!(table.contains(">Aprobar las seleccionadas</button>"));
    let edit = app
        .get_page(
            &format!("/organize/registrations/{id}?lang=es"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(edit.contains(">Guardar los datos</button>"), "{edit}");
    assert!(
        edit.contains(">Nombre <span aria-hidden=\"true\">*</span></label>"),
        "{edit}"
    );

    // In English, as before.
    let page = app
        .get_page(&format!("{door}?lang=en"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(page.contains("<h1>Check-in</h1>"));
    assert!(page.contains("1</strong> of <span data-count-expected>1</span> checked in"));
    assert!(page.contains("✓ In at "));
}
