//! Hostile input gets a clear refusal, never a 500: NUL characters in paths, queries and
//! bodies; addresses that are not UTF-8; methods and bodies the server does not take;
//! leap seconds; a capacity below the confirmed registrations; searching the directory
//! by email without being staff. Pages carry the security headers, and every 429 says
//! when to try again. Runs on SQLite, or on PostgreSQL when `ROUNDTABLE_TEST_POSTGRES`
//! names a server (where a NUL reaching the database would be a 500).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::Method;
use common::fixtures::slug;
use common::{As, Reply, TEST_PASSWORD, UPCOMING_YEAR, spawn_app, spawn_app_with};
use serde_json::json;

fn content_type(reply: &Reply) -> String {
    reply
        .headers
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

#[track_caller]
fn is_problem(reply: &Reply, status: u16) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.text());
    assert_eq!(content_type(reply), "application/problem+json");
    let problem = reply.json();
    assert_eq!(problem["status"], status);
    assert!(!problem["detail"].as_str().unwrap().is_empty());
}

#[track_caller]
fn is_page(reply: &Reply, status: u16) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.text());
    assert!(
        content_type(reply).starts_with("text/html"),
        "{}",
        content_type(reply)
    );
}

#[tokio::test]
async fn a_nul_character_in_a_path_query_or_body_is_refused_before_the_database() {
    let app = spawn_app().await;
    is_page(&app.get_page("/registrations/a%00b", None).await, 404);
    let jar = app.visitor().await;
    is_page(
        &app.submit("/registrations/a%00b/cancel", &jar, &[]).await,
        404,
    );
    is_problem(&app.get("/api/v1/events/a%00b", As::Anonymous).await, 404);
    is_page(&app.get("/feeds/a%00b.ics", As::Anonymous).await, 404);
    is_problem(&app.get("/api/v1/people?q=evans%00", app.org()).await, 400);
    is_page(&app.get_page("/events?q=a%00", None).await, 400);

    let reply = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "Gareth\u{0}", "family_name": "Evans"}),
        )
        .await;
    is_problem(&reply, 422);
    assert_eq!(reply.error_fields(), ["given_name"]);
    let reply = app
        .post(
            "/api/v1/events",
            app.org(),
            &json!({"title": "T", "organizers": [{"role": "host\u{0}"}]}),
        )
        .await;
    is_problem(&reply, 422);
    assert_eq!(reply.error_fields(), ["organizers[0].role"]);
    assert_eq!(app.count("people").await, 0);
}

#[tokio::test]
async fn refusals_of_the_http_layers_are_problems_under_the_api_and_pages_elsewhere() {
    let app = spawn_app().await;
    let reply = app.get("/api/v1/events/%FF", As::Anonymous).await;
    is_problem(&reply, 400);
    assert!(reply.json()["detail"].as_str().unwrap().contains("UTF-8"));
    is_page(&app.get_page("/events/%FF", None).await, 404);

    let reply = app.delete("/api/v1/people", app.org()).await;
    is_problem(&reply, 405);
    assert!(
        reply.headers.contains_key("allow"),
        "405 says what is allowed"
    );
    let reply = app
        .request(Method::PUT, "/login", As::Anonymous, None, None)
        .await;
    is_page(&reply, 405);

    let reply = app
        .request(
            Method::POST,
            "/api/v1/people/import",
            app.org(),
            Some(Body::from(vec![b'a'; 3 * 1024 * 1024])),
            Some("text/csv"),
        )
        .await;
    is_problem(&reply, 413);
}

#[tokio::test]
async fn a_leap_second_is_refused_alike_on_both_databases() {
    let app = spawn_app().await;
    let event = slug(&app.brussels_event().await);
    for starts in ["2009-06-03T10:00:60Z", "2009-06-03T10:00:60"] {
        let reply = app
            .post(
                &format!("/api/v1/events/{event}/sessions"),
                app.org(),
                &json!({"title": "Panel", "starts_at": starts, "ends_at": "2009-06-03T12:00:00"}),
            )
            .await;
        is_problem(&reply, 422);
        assert_eq!(reply.error_fields(), ["starts_at"]);
        assert!(reply.text().contains("leap second"));
    }
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn the_capacity_cannot_fall_below_the_confirmed_registrations() {
    let app = spawn_app().await;
    let event = slug(&app.brussels_event_in(UPCOMING_YEAR).await);
    app.publish_with(
        &event,
        json!({"capacity": 10, "registration": {"mode": "open"}}),
    )
    .await;
    for n in 0..5 {
        app.post(
            &format!("/api/v1/events/{event}/registrations"),
            As::Anonymous,
            &json!({"given_name": "A", "family_name": format!("B{n}"),
                    "email": format!("p{n}@example.org"), "consent": true}),
        )
        .await
        .expect(201);
    }
    let reply = app
        .patch(
            &format!("/api/v1/events/{event}"),
            app.org(),
            &json!({"capacity": 2}),
        )
        .await;
    is_problem(&reply, 409);
    assert!(
        reply.json()["detail"]
            .as_str()
            .unwrap()
            .contains("5 registrations are confirmed")
    );
    let stored = app
        .get(&format!("/api/v1/events/{event}"), As::Anonymous)
        .await
        .json();
    assert_eq!(stored["capacity"], 10);
    app.patch(
        &format!("/api/v1/events/{event}"),
        app.org(),
        &json!({"capacity": 5}),
    )
    .await
    .expect(200);
}

#[tokio::test]
async fn only_staff_can_find_people_by_email() {
    let app = spawn_app().await;
    app.person_with_email("Mr", "Gareth", "Evans", "gareth.evans@crisisgroup.example")
        .await;
    app.user_with_password("reader@example.org", "A Member", "member", TEST_PASSWORD)
        .await;
    let member = app.sign_in("reader@example.org", TEST_PASSWORD).await;
    let found = |reply: Reply| reply.expect(200).json()["total"].as_u64().unwrap();
    assert_eq!(
        found(app.get("/api/v1/people?q=crisisgroup", app.org()).await),
        1
    );
    assert_eq!(
        found(
            app.get("/api/v1/people?q=crisisgroup", As::Cookie(&member))
                .await
        ),
        0,
        "a member cannot test whether an address is in the directory"
    );
    assert_eq!(
        found(app.get("/api/v1/people?q=evans", As::Cookie(&member)).await),
        1,
        "names are still found"
    );
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = spawn_app().await;
    let page = app.get_page("/", None).await.page(200);
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(page.headers["x-frame-options"], "DENY");
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert_eq!(page.headers["referrer-policy"], "same-origin");
    let api = app.get("/api/v1/events", As::Anonymous).await.expect(200);
    assert_eq!(api.headers["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn a_sign_in_locked_out_says_when_to_try_again() {
    let app = spawn_app_with(|_| {}).await;
    let jar = app.visitor().await;
    let mut last = None;
    for _ in 0..12 {
        let reply = app
            .submit(
                "/login",
                &jar,
                &[
                    ("email", "organizer@example.org"),
                    ("password", "wrong"),
                    ("next", "/"),
                ],
            )
            .await;
        if reply.status.as_u16() == 429 {
            last = Some(reply);
            break;
        }
    }
    let reply = last.expect("the account locks after repeated failures");
    let seconds: i64 = reply.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(seconds >= 60, "{seconds}");
}

/// Every text the registrations tables hold, as one string (what a copy of the database
/// gives away).
async fn registration_tables(app: &common::TestApp) -> String {
    use sea_orm::{ConnectionTrait, Statement};
    let mut all = String::new();
    for (sql, columns) in [
        (
            "SELECT manage_token, given_name, email FROM registrations",
            &["manage_token", "given_name", "email"][..],
        ),
        (
            "SELECT token_hash FROM registration_links",
            &["token_hash"][..],
        ),
    ] {
        let rows = app
            .db
            .conn()
            .query_all_raw(Statement::from_string(app.db.backend(), sql))
            .await
            .unwrap();
        for row in rows {
            for column in columns {
                all.push_str(&row.try_get::<String>("", column).unwrap());
                all.push('\n');
            }
        }
    }
    all
}

/// The token of a registrant's link (`.../registrations/{token}`).
fn token_of(url: &str) -> String {
    url.split_once("/registrations/")
        .expect("a registration link")
        .1
        .split(|c: char| c.is_whitespace() || c == '"' || c == '/')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_copy_of_the_database_lets_no_one_act_as_a_registrant() {
    let app = spawn_app().await;
    let event = slug(&app.brussels_event_in(UPCOMING_YEAR).await);
    app.publish_with(
        &event,
        json!({"capacity": 1, "registration": {"mode": "open", "waitlist": true}}),
    )
    .await;
    let register = |given: &'static str, email: &'static str| {
        let app = &app;
        let event = event.clone();
        async move {
            app.post(
                &format!("/api/v1/events/{event}/registrations"),
                As::Anonymous,
                &json!({"given_name": given, "family_name": "OWUSU", "email": email, "consent": true}),
            )
            .await
            .expect(201)
            .json()
        }
    };
    let ama = register("Ama", "ama@example.org").await;
    let kofi = register("Kofi", "kofi@example.org").await;
    assert_eq!(kofi["status"], "waitlisted");
    let ama_token = token_of(ama["manage_url"].as_str().unwrap());
    let kofi_first = token_of(kofi["manage_url"].as_str().unwrap());

    // Ama leaves; Kofi is promoted, and the mail telling him carries a link of its own.
    app.request(
        Method::POST,
        &format!("/registrations/{ama_token}/cancel"),
        As::Anonymous,
        None,
        None,
    )
    .await
    .expect(200);
    let promoted = app
        .last_mail_to("kofi@example.org", "registration_promoted")
        .await;
    let kofi_later = token_of(&promoted.text_body);
    assert_ne!(kofi_later, kofi_first);

    // Both of Kofi's links open his page; a guess does not.
    for token in [&kofi_first, &kofi_later] {
        let page = app.get_page(&format!("/registrations/{token}"), None).await;
        assert_eq!(page.status.as_u16(), 200);
        assert!(page.text().contains("Kofi"));
    }
    assert_eq!(
        app.get_page("/registrations/not-a-token", None)
            .await
            .status
            .as_u16(),
        404
    );

    // The tables hold none of the tokens, only their hashes.
    let stored = registration_tables(&app).await;
    assert!(stored.contains("Kofi"), "the copy is of the right rows");
    for token in [&ama_token, &kofi_first, &kofi_later] {
        assert!(
            !stored.contains(token.as_str()),
            "{token} is stored in clear"
        );
    }
}

/// A registration made before links were hashed keeps its link: the upgrade hashes the
/// clear token it held and forgets it.
#[tokio::test]
async fn links_mailed_before_the_upgrade_still_work_and_are_no_longer_stored() {
    use migration::{Migrator, MigratorTrait};
    use sea_orm::ConnectionTrait;
    let app = spawn_app().await;
    let event = slug(&app.brussels_event_in(UPCOMING_YEAR).await);
    app.publish_with(&event, json!({"registration": {"mode": "open"}}))
        .await;
    let ama = app
        .post(
            &format!("/api/v1/events/{event}/registrations"),
            As::Anonymous,
            &json!({"given_name": "Ama", "family_name": "OWUSU", "email": "ama@example.org", "consent": true}),
        )
        .await
        .expect(201)
        .json();

    // Back to the schema before the migration, with the token in clear as it was then.
    let names: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    let at = names
        .iter()
        .position(|n| n == "m20261205_000012_registration_links")
        .unwrap();
    let conn = app.db.conn();
    Migrator::down(conn, Some((names.len() - at) as u32))
        .await
        .unwrap();
    conn.execute_unprepared(&format!(
        "UPDATE registrations SET manage_token = 'an-old-clear-token' WHERE id = {}",
        ama["id"]
    ))
    .await
    .unwrap();
    Migrator::up(conn, None).await.unwrap();

    let page = app
        .get_page("/registrations/an-old-clear-token", None)
        .await;
    assert_eq!(page.status.as_u16(), 200, "{}", page.text());
    assert!(page.text().contains("Ama"));
    assert!(
        !registration_tables(&app)
            .await
            .contains("an-old-clear-token")
    );
}
