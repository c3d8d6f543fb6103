//! Sign-in, sessions, bearer tokens and the audit log through `/api/v1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::header;
use common::{As, Reply, TestApp, spawn_app};
use roundtable::accounts::{NewUser, service};
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery staple";

/// Creates an account with a known password.
async fn account(app: &TestApp, email: &str, role: &str) {
    let new = NewUser::parse(email, "Gareth Evans", role, PASSWORD).expect("valid user");
    service::create_user(&app.db, new)
        .await
        .expect("user created");
}

async fn login(app: &TestApp, email: &str, password: &str) -> Reply {
    app.post(
        "/api/v1/auth/login",
        As::Anonymous,
        &json!({"email": email, "password": password}),
    )
    .await
}

/// The `name=value` pair of the session cookie a sign-in set.
fn session_cookie(reply: &Reply) -> String {
    let set_cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    set_cookie.split(';').next().unwrap().trim().to_string()
}

/// Signs in as a new account of that role; returns the cookie to send back.
async fn signed_in(app: &TestApp, email: &str, role: &str) -> String {
    account(app, email, role).await;
    session_cookie(&login(app, email, PASSWORD).await.expect(204))
}

#[tokio::test]
async fn signing_in_sets_an_http_only_same_site_session_cookie() {
    let app = spawn_app().await;
    account(&app, "gareth@example.org", "organizer").await;
    let reply = login(&app, "gareth@example.org", PASSWORD)
        .await
        .expect(204);
    assert!(reply.body.is_empty());
    let cookies: Vec<_> = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    let attributes: Vec<String> = cookies[0]
        .split(';')
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    let (name, value) = attributes[0].split_once('=').unwrap();
    assert_eq!(name, "roundtable_session");
    assert!(value.len() >= 32, "a long random secret: {value}");
    for wanted in ["httponly", "samesite=lax", "path=/"] {
        assert!(
            attributes.iter().any(|a| a == wanted),
            "{wanted} missing from {}",
            cookies[0]
        );
    }
    assert_eq!(app.count("auth_sessions").await, 1);
}

#[tokio::test]
async fn sign_in_ignores_the_case_of_the_email() {
    let app = spawn_app().await;
    account(&app, "gareth@example.org", "member").await;
    login(&app, "  Gareth@EXAMPLE.org ", PASSWORD)
        .await
        .expect(204);
}

#[tokio::test]
async fn the_session_cookie_identifies_the_account() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "gareth@example.org", "organizer").await;
    let me = app
        .get("/api/v1/auth/me", As::Cookie(&cookie))
        .await
        .expect(200)
        .json();
    assert_eq!(me["email"], "gareth@example.org");
    assert_eq!(me["name"], "Gareth Evans");
    assert_eq!(me["role"], "organizer");
    assert!(me["id"].is_i64());
    assert!(me.get("password_hash").is_none());
    // Among other cookies too.
    let mixed = format!("theme=dark; {cookie}; lang=fr");
    app.get("/api/v1/auth/me", As::Cookie(&mixed))
        .await
        .expect(200);
}

#[tokio::test]
async fn an_organizer_cookie_may_write_and_a_member_cookie_may_only_read() {
    let app = spawn_app().await;
    let organizer = signed_in(&app, "organizer2@example.org", "organizer").await;
    let member = signed_in(&app, "member2@example.org", "member").await;
    let created = app
        .post(
            "/api/v1/organizations",
            As::Cookie(&organizer),
            &json!({"name": "Crisis Group"}),
        )
        .await
        .expect(201)
        .json();
    let before = app.count("organizations").await;
    app.post(
        "/api/v1/organizations",
        As::Cookie(&member),
        &json!({"name": "Other"}),
    )
    .await
    .expect(403);
    app.patch(
        &format!("/api/v1/organizations/{}", created["id"]),
        As::Cookie(&member),
        &json!({"name": "Renamed"}),
    )
    .await
    .expect(403);
    assert_eq!(app.count("organizations").await, before);
    // Members read the people directory, without emails.
    app.post(
        "/api/v1/people",
        As::Cookie(&organizer),
        &json!({"given_name": "Corlett", "family_name": "Letlojane", "email": "corlett@example.org"}),
    )
    .await
    .expect(201);
    let people = app
        .get("/api/v1/people", As::Cookie(&member))
        .await
        .expect(200)
        .json();
    assert_eq!(people["total"], 1);
    assert!(people["items"][0].get("email").is_none());
    let people = app
        .get("/api/v1/people", As::Cookie(&organizer))
        .await
        .expect(200)
        .json();
    assert_eq!(people["items"][0]["email"], "corlett@example.org");
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "gareth@example.org", "organizer").await;
    app.get("/api/v1/auth/me", As::Cookie(&cookie))
        .await
        .expect(200);
    let reply = app
        .request(
            axum::http::Method::POST,
            "/api/v1/auth/logout",
            As::Cookie(&cookie),
            None,
            None,
        )
        .await
        .expect(204);
    let cleared = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("roundtable_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    assert_eq!(app.count("auth_sessions").await, 0);
    // The browser may keep the old cookie; the server no longer honours it.
    app.get("/api/v1/auth/me", As::Cookie(&cookie))
        .await
        .expect(401);
    app.post(
        "/api/v1/organizations",
        As::Cookie(&cookie),
        &json!({"name": "Crisis Group"}),
    )
    .await
    .expect(401);
    app.get("/api/v1/people", As::Cookie(&cookie))
        .await
        .expect(401);
    assert_eq!(app.count("organizations").await, 0);
}

#[tokio::test]
async fn signing_out_ends_only_that_session() {
    let app = spawn_app().await;
    account(&app, "gareth@example.org", "member").await;
    let laptop = session_cookie(
        &login(&app, "gareth@example.org", PASSWORD)
            .await
            .expect(204),
    );
    let phone = session_cookie(
        &login(&app, "gareth@example.org", PASSWORD)
            .await
            .expect(204),
    );
    assert_ne!(laptop, phone);
    app.request(
        axum::http::Method::POST,
        "/api/v1/auth/logout",
        As::Cookie(&laptop),
        None,
        None,
    )
    .await
    .expect(204);
    app.get("/api/v1/auth/me", As::Cookie(&laptop))
        .await
        .expect(401);
    app.get("/api/v1/auth/me", As::Cookie(&phone))
        .await
        .expect(200);
}

#[tokio::test]
async fn signing_out_without_a_session_is_harmless() {
    let app = spawn_app().await;
    app.request(
        axum::http::Method::POST,
        "/api/v1/auth/logout",
        As::Anonymous,
        None,
        None,
    )
    .await
    .expect(204);
    app.request(
        axum::http::Method::POST,
        "/api/v1/auth/logout",
        As::Cookie("roundtable_session=made-up"),
        None,
        None,
    )
    .await
    .expect(204);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = spawn_app().await;
    account(&app, "gareth@example.org", "organizer").await;
    let wrong_password = login(&app, "gareth@example.org", "not the password")
        .await
        .expect(401);
    let unknown_email = login(&app, "nobody@example.org", PASSWORD)
        .await
        .expect(401);
    let not_an_email = login(&app, "not an email", PASSWORD).await.expect(401);
    assert_eq!(wrong_password.body, unknown_email.body);
    assert_eq!(wrong_password.body, not_an_email.body);
    for reply in [&wrong_password, &unknown_email, &not_an_email] {
        assert_eq!(
            reply.headers[header::CONTENT_TYPE],
            "application/problem+json"
        );
        assert!(!reply.headers.contains_key(header::SET_COOKIE));
    }
    assert_eq!(wrong_password.json()["status"], 401);
    assert!(!wrong_password.text().contains("gareth"));
    assert_eq!(app.count("auth_sessions").await, 0);
}

#[tokio::test]
async fn sign_in_needs_an_email_and_a_password() {
    let app = spawn_app().await;
    for (body, fields) in [
        (json!({}), vec!["email", "password"]),
        (json!({"email": "gareth@example.org"}), vec!["password"]),
        (json!({"password": PASSWORD}), vec!["email"]),
        (
            json!({"email": " ", "password": ""}),
            vec!["email", "password"],
        ),
        (
            json!({"email": null, "password": null}),
            vec!["email", "password"],
        ),
    ] {
        let reply = app.post("/api/v1/auth/login", As::Anonymous, &body).await;
        assert_eq!(reply.error_fields(), fields, "{body}");
    }
    let reply = app
        .post(
            "/api/v1/auth/login",
            As::Anonymous,
            &json!({"email": "a@example.org", "password": PASSWORD, "remember": true}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["remember"]);
    let reply = app
        .post(
            "/api/v1/auth/login",
            As::Anonymous,
            &json!({"email": 42, "password": PASSWORD}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["email"]);
    app.post_raw("/api/v1/auth/login", As::Anonymous, "{\"email\":")
        .await
        .expect(400);
    assert_eq!(app.count("auth_sessions").await, 0);
}

#[tokio::test]
async fn a_made_up_bearer_token_is_refused() {
    let app = spawn_app().await;
    let before = app.count("organizations").await;
    for header_value in [
        "Bearer rt_made-up-token",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "rt_no-scheme",
    ] {
        let request = axum::http::Request::builder()
            .uri("/api/v1/auth/me")
            .header(header::AUTHORIZATION, header_value)
            .body(axum::body::Body::empty())
            .unwrap();
        let response = tower::ServiceExt::oneshot(app.router.clone(), request)
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 401, "{header_value:?}");
    }
    app.get("/api/v1/auth/me", As::Token("rt_made-up-token"))
        .await
        .expect(401);
    app.post(
        "/api/v1/organizations",
        As::Token("rt_made-up-token"),
        &json!({"name": "Crisis Group"}),
    )
    .await
    .expect(401);
    assert_eq!(app.count("organizations").await, before);
    // The real token still works.
    let me = app
        .get("/api/v1/auth/me", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(me["role"], "organizer");
}

#[tokio::test]
async fn a_made_up_session_cookie_is_not_signed_in() {
    let app = spawn_app().await;
    let reply = app
        .get("/api/v1/auth/me", As::Cookie("roundtable_session=made-up"))
        .await
        .expect(401);
    assert_eq!(
        reply.headers[header::CONTENT_TYPE],
        "application/problem+json"
    );
    app.get("/api/v1/auth/me", As::Anonymous).await.expect(401);
}

#[tokio::test]
async fn every_role_is_recognised_from_its_token() {
    let app = spawn_app().await;
    for (token, role) in [
        (&app.organizer, "organizer"),
        (&app.admin, "admin"),
        (&app.rapporteur, "rapporteur"),
        (&app.member, "member"),
    ] {
        let me = app
            .get("/api/v1/auth/me", As::Token(token))
            .await
            .expect(200)
            .json();
        assert_eq!(me["role"], role);
        assert_eq!(me["email"], format!("{role}@example.org"));
    }
}

/// The audit entries about one organization, newest first.
async fn audit_of_organization(app: &TestApp, id: i64) -> Value {
    app.get(
        &format!("/api/v1/audit?entity=organization&entity_id={id}"),
        As::Token(&app.admin),
    )
    .await
    .expect(200)
    .json()
}

#[tokio::test]
async fn the_audit_log_records_who_created_updated_and_deleted_an_organization() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "gareth@example.org", "organizer").await;
    let id = app
        .post(
            "/api/v1/organizations",
            As::Cookie(&cookie),
            &json!({"name": "Crisis Group", "kind": "ngo"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let other = app.organization("Oxfam France").await;
    app.patch(
        &format!("/api/v1/organizations/{id}"),
        As::Token(&app.admin),
        &json!({"acronym": "ICG"}),
    )
    .await
    .expect(200);
    app.delete(&format!("/api/v1/organizations/{id}"), app.org())
        .await
        .expect(204);
    app.person("Ms", "Corlett", "Letlojane").await;

    let log = audit_of_organization(&app, id).await;
    assert_eq!(log["total"], 3);
    let entries = log["items"].as_array().unwrap();
    let who_did_what: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["user_email"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        who_did_what,
        [
            ("delete", "organizer@example.org"),
            ("update", "admin@example.org"),
            ("create", "gareth@example.org"),
        ]
    );
    for entry in entries {
        assert_eq!(entry["entity"], "organization");
        assert_eq!(entry["entity_id"], id);
        assert!(entry["user_id"].is_i64());
        assert!(entry["at"].is_string());
    }
    assert_eq!(entries[2]["detail"]["name"], "Crisis Group");
    assert_eq!(entries[1]["detail"]["acronym"], "ICG");

    let everything = app.get("/api/v1/audit", app.org()).await.expect(200).json();
    assert_eq!(everything["total"], 5);
    let organizations = app
        .get("/api/v1/audit?entity=organization", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(organizations["total"], 4);
    let people = app
        .get("/api/v1/audit?entity=person", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(people["total"], 1);
    assert_eq!(audit_of_organization(&app, other).await["total"], 1);
    let paged = app
        .get("/api/v1/audit?limit=2&offset=1", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(paged["total"], 5);
    assert_eq!(paged["items"].as_array().unwrap().len(), 2);
    assert_eq!(paged["items"][0]["action"], "delete");
}

#[tokio::test]
async fn the_audit_log_is_for_organizers_and_admins_only() {
    let app = spawn_app().await;
    app.organization("Oxfam France").await;
    app.get("/api/v1/audit", As::Anonymous).await.expect(401);
    app.get("/api/v1/audit", app.member_token())
        .await
        .expect(403);
    app.get("/api/v1/audit", As::Token(&app.rapporteur))
        .await
        .expect(403);
    let member = signed_in(&app, "member2@example.org", "member").await;
    app.get("/api/v1/audit", As::Cookie(&member))
        .await
        .expect(403);
    for who in [app.org(), As::Token(&app.admin)] {
        let log = app.get("/api/v1/audit", who).await.expect(200).json();
        assert_eq!(log["total"], 1);
    }
    let reply = app
        .get("/api/v1/audit?entity_id=abc&limit=0", app.org())
        .await;
    assert_eq!(reply.error_fields(), ["limit", "entity_id"]);
}
