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
