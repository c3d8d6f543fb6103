//! Sign-in, sessions, bearer tokens and the audit log through `/api/v1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::header;
use common::fixtures::Seat;
use common::{As, Reply, TestApp, spawn_app, token_after};
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

// ----- Accounts run from the web: invitations, set-up and reset links, roles -----

/// Invites an account as `who` (a bearer token); returns the reply.
async fn invite(app: &TestApp, who: &str, email: &str, role: &str) -> Reply {
    app.post(
        "/api/v1/users",
        As::Token(who),
        &json!({"email": email, "name": "Luc Lamprière", "role": role}),
    )
    .await
}

/// The token of the newest set-up link mailed to `email`.
async fn setup_token(app: &TestApp, email: &str) -> String {
    let mail = app.last_mail_to(email, "account_setup").await;
    token_after(&mail.text_body, "account/setup")
}

/// The token of the newest reset link mailed to `email`.
async fn reset_token(app: &TestApp, email: &str) -> String {
    let mail = app.last_mail_to(email, "password_reset").await;
    token_after(&mail.text_body, "account/reset")
}

async fn account_json(app: &TestApp, email: &str) -> Value {
    let list = app
        .get("/api/v1/users?limit=500", As::Token(&app.admin))
        .await
        .expect(200)
        .json();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == email)
        .cloned()
        .unwrap_or_else(|| panic!("no account {email}"))
}

/// Makes every unused account link of an address expire.
async fn expire_links(app: &TestApp, email: &str) {
    use sea_orm::{ConnectionTrait, Statement};
    let backend = app.db.backend();
    let past = if backend == sea_orm::DatabaseBackend::Postgres {
        "now() - interval '1 minute'"
    } else {
        "'2000-01-01 00:00:00+00:00'"
    };
    app.db
        .conn()
        .execute_raw(Statement::from_string(
            backend,
            format!(
                "UPDATE account_tokens SET expires_at = {past} WHERE user_id = \
                 (SELECT id FROM users WHERE email = '{email}')"
            ),
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_invited_person_chooses_their_own_password_from_a_single_use_link() {
    let app = spawn_app().await;
    let created = invite(&app, &app.admin, "Luc@Example.org", "rapporteur")
        .await
        .expect(201)
        .json();
    assert_eq!(created["email"], "luc@example.org");
    assert_eq!(created["role"], "rapporteur");
    assert_eq!(created["status"], "invited");
    assert!(created["last_sign_in_at"].is_null());
    assert!(created.get("password_hash").is_none());

    // One set-up mail, whose link is the only way in; no password travels by mail.
    let mails = app.mails_to("luc@example.org", "account_setup").await;
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(
        mail.subject.contains("Roundtable account"),
        "{}",
        mail.subject
    );
    assert!(
        mail.text_body.contains("/account/setup/"),
        "{}",
        mail.text_body
    );
    assert!(mail.text_body.contains("rapporteur"), "{}", mail.text_body);
    assert!(!mail.text_body.to_lowercase().contains("your password is"));
    let token = setup_token(&app, "luc@example.org").await;
    assert!(token.len() >= 40, "a long random secret: {token}");
    // Stored hashed: the database never holds the link's secret.
    let stored = app.count("account_tokens").await;
    assert_eq!(stored, 1);
    {
        use sea_orm::EntityTrait;
        let row = roundtable::entities::account_token::Entity::find()
            .one(app.db.conn())
            .await
            .unwrap()
            .unwrap();
        assert_ne!(row.token_hash, token);
        assert_eq!(row.token_hash, roundtable::accounts::hash_secret(&token));
    }

    // An invited account cannot sign in, whatever is typed.
    login(&app, "luc@example.org", "").await.expect(422);
    login(&app, "luc@example.org", PASSWORD).await.expect(401);

    // The password is checked, and a refused one spends nothing.
    let short = app
        .post(
            &format!("/api/v1/auth/setup/{token}"),
            As::Anonymous,
            &json!({"password": "short"}),
        )
        .await;
    assert_eq!(short.error_fields(), ["password"]);
    app.post(
        &format!("/api/v1/auth/setup/{token}"),
        As::Anonymous,
        &json!({"password": PASSWORD}),
    )
    .await
    .expect(204);
    // Spent: a second use is refused, and the password stays the first one chosen.
    app.post(
        &format!("/api/v1/auth/setup/{token}"),
        As::Anonymous,
        &json!({"password": "another long password"}),
    )
    .await
    .expect(410);
    login(&app, "luc@example.org", "another long password")
        .await
        .expect(401);
    login(&app, "luc@example.org", PASSWORD).await.expect(204);
    let account = account_json(&app, "luc@example.org").await;
    assert_eq!(account["status"], "active");
    assert!(account["last_sign_in_at"].is_string());
    // A link that never existed is unknown; a reset link is not a set-up link.
    app.post(
        "/api/v1/auth/setup/made-up",
        As::Anonymous,
        &json!({"password": PASSWORD}),
    )
    .await
    .expect(404);
    app.post(
        &format!("/api/v1/auth/password-reset/{token}"),
        As::Anonymous,
        &json!({"password": PASSWORD}),
    )
    .await
    .expect(404);
}

#[tokio::test]
async fn set_up_links_expire_and_a_new_mail_replaces_the_old_link() {
    let app = spawn_app().await;
    let id = invite(&app, &app.admin, "luc@example.org", "rapporteur")
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let first = setup_token(&app, "luc@example.org").await;
    expire_links(&app, "luc@example.org").await;
    let expired = app
        .post(
            &format!("/api/v1/auth/setup/{first}"),
            As::Anonymous,
            &json!({"password": PASSWORD}),
        )
        .await
        .expect(410);
    assert!(
        expired.json()["detail"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
    let page = app
        .get_page(&format!("/account/setup/{first}"), None)
        .await
        .page(410);
    assert!(
        page.text().contains("This link no longer works"),
        "{}",
        page.text()
    );

    // The organizers send it again: a new link works, the old one never will.
    app.post(&format!("/api/v1/users/{id}/invite"), app.org(), &json!({}))
        .await
        .expect(202);
    assert_eq!(
        app.mails_to("luc@example.org", "account_setup").await.len(),
        2
    );
    let second = setup_token(&app, "luc@example.org").await;
    assert_ne!(first, second);
    app.post(
        &format!("/api/v1/auth/setup/{first}"),
        As::Anonymous,
        &json!({"password": PASSWORD}),
    )
    .await
    .expect(404);
    app.post(
        &format!("/api/v1/auth/setup/{second}"),
        As::Anonymous,
        &json!({"password": PASSWORD}),
    )
    .await
    .expect(204);
    // Once set up, there is no set-up mail to send again.
    app.post(&format!("/api/v1/users/{id}/invite"), app.org(), &json!({}))
        .await
        .expect(409);
}

#[tokio::test]
async fn organizers_invite_rapporteurs_and_members_and_only_admins_invite_staff() {
    let app = spawn_app().await;
    for role in ["organizer", "admin"] {
        let refused = invite(&app, &app.organizer, &format!("{role}2@example.org"), role)
            .await
            .expect(403);
        assert!(refused.json()["detail"].as_str().unwrap().contains("admin"));
    }
    invite(&app, &app.organizer, "rapp@example.org", "rapporteur")
        .await
        .expect(201);
    invite(&app, &app.organizer, "memb@example.org", "member")
        .await
        .expect(201);
    invite(&app, &app.admin, "org2@example.org", "organizer")
        .await
        .expect(201);
    // Members and rapporteurs neither invite nor see the accounts.
    for token in [&app.member, &app.rapporteur] {
        invite(&app, token, "x@example.org", "member")
            .await
            .expect(403);
        app.get("/api/v1/users", As::Token(token)).await.expect(403);
        app.get_page(
            "/organize/accounts",
            Some(
                &app.sign_in(
                    if *token == app.member {
                        "member@example.org"
                    } else {
                        "rapporteur@example.org"
                    },
                    common::TEST_PASSWORD,
                )
                .await,
            ),
        )
        .await
        .page(403);
    }
    app.get("/api/v1/users", As::Anonymous).await.expect(401);
    assert!(
        app.mails_to("x@example.org", "account_setup")
            .await
            .is_empty()
    );
    // Organizers see every account, with the person of the directory it is linked to.
    let person = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "Luc", "family_name": "Lamprière", "email": "rapp@example.org"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .clone();
    let list = app.get("/api/v1/users", app.org()).await.expect(200).json();
    assert_eq!(list["total"], 7);
    let rapp = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == "rapp@example.org")
        .unwrap();
    assert_eq!(rapp["person_id"], person);
    let invited = app
        .get("/api/v1/users?status=invited", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(invited["total"], 3);
    app.get("/api/v1/users?status=sleeping", app.org())
        .await
        .expect(422);
}

#[tokio::test]
async fn an_invitation_needs_a_valid_email_name_and_role_and_a_new_address() {
    let app = spawn_app().await;
    let before = app.count("users").await;
    let reply = app
        .post(
            "/api/v1/users",
            As::Token(&app.admin),
            &json!({"email": "not an email", "name": " ", "role": "king"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["email", "name", "role"]);
    let reply = app
        .post("/api/v1/users", As::Token(&app.admin), &json!({}))
        .await;
    assert_eq!(reply.error_fields(), ["email", "name", "role"]);
    app.post_raw("/api/v1/users", As::Token(&app.admin), "{")
        .await
        .expect(400);
    // An address that has an account already is a conflict, whatever its case.
    invite(&app, &app.admin, "Member@Example.org", "member")
        .await
        .expect(409);
    assert_eq!(app.count("users").await, before);
    assert_eq!(app.count("outbox").await, 0);
}

#[tokio::test]
async fn a_forgotten_password_is_reset_from_a_link_that_works_once_for_an_hour() {
    let app = spawn_app().await;
    account(&app, "gareth@example.org", "member").await;
    let elsewhere = session_cookie(
        &login(&app, "gareth@example.org", PASSWORD)
            .await
            .expect(204),
    );

    // The same answer for an address with an account and one without.
    let known = app
        .post(
            "/api/v1/auth/password-reset",
            As::Anonymous,
            &json!({"email": "Gareth@example.org"}),
        )
        .await
        .expect(202);
    let unknown = app
        .post(
            "/api/v1/auth/password-reset",
            As::Anonymous,
            &json!({"email": "nobody@example.org"}),
        )
        .await
        .expect(202);
    assert_eq!(known.body, unknown.body);
    assert_eq!(app.count("outbox").await, 1, "a mail for the account only");
    let mail = app
        .last_mail_to("gareth@example.org", "password_reset")
        .await;
    assert!(
        mail.text_body.contains("/account/reset/"),
        "{}",
        mail.text_body
    );
    let token = reset_token(&app, "gareth@example.org").await;
    {
        use sea_orm::EntityTrait;
        let row = roundtable::entities::account_token::Entity::find()
            .one(app.db.conn())
            .await
            .unwrap()
            .unwrap();
        let valid = row.expires_at - row.created_at;
        assert!(
            valid <= chrono::Duration::minutes(60) && valid > chrono::Duration::minutes(59),
            "valid one hour: {valid}"
        );
    }

    app.post(
        &format!("/api/v1/auth/password-reset/{token}"),
        As::Anonymous,
        &json!({"password": "a brand new password"}),
    )
    .await
    .expect(204);
    // The other sessions of the account end; the old password no longer works.
    app.get("/api/v1/auth/me", As::Cookie(&elsewhere))
        .await
        .expect(401);
    login(&app, "gareth@example.org", PASSWORD)
        .await
        .expect(401);
    login(&app, "gareth@example.org", "a brand new password")
        .await
        .expect(204);
    // Used once.
    app.post(
        &format!("/api/v1/auth/password-reset/{token}"),
        As::Anonymous,
        &json!({"password": "yet another password"}),
    )
    .await
    .expect(410);
}

#[tokio::test]
async fn reset_links_expire_and_requests_are_limited_like_sign_ins() {
    let app = spawn_app().await;
    account(&app, "gareth@example.org", "member").await;
    app.post(
        "/api/v1/auth/password-reset",
        As::Anonymous,
        &json!({"email": "gareth@example.org"}),
    )
    .await
    .expect(202);
    let token = reset_token(&app, "gareth@example.org").await;
    expire_links(&app, "gareth@example.org").await;
    app.post(
        &format!("/api/v1/auth/password-reset/{token}"),
        As::Anonymous,
        &json!({"password": "a brand new password"}),
    )
    .await
    .expect(410);
    login(&app, "gareth@example.org", PASSWORD)
        .await
        .expect(204);

    // Requests for one address are limited, whether or not it has an account.
    for email in ["gareth@example.org", "nobody@example.org"] {
        let mut statuses = Vec::new();
        for _ in 0..7 {
            statuses.push(
                app.post(
                    "/api/v1/auth/password-reset",
                    As::Anonymous,
                    &json!({"email": email}),
                )
                .await
                .status
                .as_u16(),
            );
        }
        let limited = statuses.iter().filter(|s| **s == 429).count();
        assert!(limited >= 2, "{email}: {statuses:?}");
        assert_eq!(statuses.last(), Some(&429));
    }
    assert!(
        app.mails_to("gareth@example.org", "password_reset")
            .await
            .len()
            <= 5
    );
    let missing = app
        .post("/api/v1/auth/password-reset", As::Anonymous, &json!({}))
        .await;
    assert_eq!(missing.error_fields(), ["email"]);
}

#[tokio::test]
async fn a_disabled_account_loses_its_sessions_and_tokens_at_once() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "gareth@example.org", "member").await;
    let token = service::create_token(&app.db, "gareth@example.org", None)
        .await
        .unwrap();
    app.get("/api/v1/auth/me", As::Token(&token))
        .await
        .expect(200);
    let id = account_json(&app, "gareth@example.org").await["id"].clone();

    let disabled = app
        .patch(
            &format!("/api/v1/users/{id}"),
            app.org(),
            &json!({"disabled": true}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(disabled["status"], "disabled");
    app.get("/api/v1/auth/me", As::Cookie(&cookie))
        .await
        .expect(401);
    app.get("/api/v1/auth/me", As::Token(&token))
        .await
        .expect(401);
    // The right password gets a clear refusal; a wrong one learns nothing.
    let refused = login(&app, "gareth@example.org", PASSWORD)
        .await
        .expect(403);
    assert!(
        refused.json()["detail"]
            .as_str()
            .unwrap()
            .contains("disabled")
    );
    login(&app, "gareth@example.org", "wrong password here")
        .await
        .expect(401);
    // Nor can a reset link bring it back.
    app.post(
        "/api/v1/auth/password-reset",
        As::Anonymous,
        &json!({"email": "gareth@example.org"}),
    )
    .await
    .expect(202);
    assert!(
        app.mails_to("gareth@example.org", "password_reset")
            .await
            .is_empty()
    );

    // Enabled again: the token works, the ended session stays ended.
    let enabled = app
        .patch(
            &format!("/api/v1/users/{id}"),
            app.org(),
            &json!({"disabled": false}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(enabled["status"], "active");
    app.get("/api/v1/auth/me", As::Token(&token))
        .await
        .expect(200);
    app.get("/api/v1/auth/me", As::Cookie(&cookie))
        .await
        .expect(401);
}

#[tokio::test]
async fn the_last_active_admin_stays_an_active_admin() {
    let app = spawn_app().await;
    let me = app
        .get("/api/v1/auth/me", As::Token(&app.admin))
        .await
        .expect(200)
        .json();
    let id = me["id"].clone();
    let demoted = app
        .patch(
            &format!("/api/v1/users/{id}"),
            As::Token(&app.admin),
            &json!({"role": "organizer"}),
        )
        .await
        .expect(409);
    assert!(
        demoted.json()["detail"]
            .as_str()
            .unwrap()
            .contains("last active admin")
    );
    app.patch(
        &format!("/api/v1/users/{id}"),
        As::Token(&app.admin),
        &json!({"disabled": true}),
    )
    .await
    .expect(409);
    // An invited admin is no admin yet: it does not count.
    invite(&app, &app.admin, "second@example.org", "admin")
        .await
        .expect(201);
    app.patch(
        &format!("/api/v1/users/{id}"),
        As::Token(&app.admin),
        &json!({"role": "organizer"}),
    )
    .await
    .expect(409);
    // With another active admin, stepping down is fine.
    app.user_with_password("third@example.org", "Third", "admin", PASSWORD)
        .await;
    let changed = app
        .patch(
            &format!("/api/v1/users/{id}"),
            As::Token(&app.admin),
            &json!({"role": "organizer"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(changed["role"], "organizer");
    assert_eq!(
        account_json(&app, "admin@example.org").await["role"],
        "organizer"
    );
}

#[tokio::test]
async fn organizers_change_rapporteurs_and_members_only_and_never_raise_anyone() {
    let app = spawn_app().await;
    let member = account_json(&app, "member@example.org").await["id"].clone();
    let admin = account_json(&app, "admin@example.org").await["id"].clone();
    let organizer = account_json(&app, "organizer@example.org").await["id"].clone();
    for role in ["organizer", "admin"] {
        app.patch(
            &format!("/api/v1/users/{member}"),
            app.org(),
            &json!({"role": role}),
        )
        .await
        .expect(403);
    }
    for id in [&admin, &organizer] {
        app.patch(
            &format!("/api/v1/users/{id}"),
            app.org(),
            &json!({"disabled": true}),
        )
        .await
        .expect(403);
    }
    assert_eq!(
        account_json(&app, "member@example.org").await["role"],
        "member"
    );
    let changed = app
        .patch(
            &format!("/api/v1/users/{member}"),
            app.org(),
            &json!({"role": "rapporteur"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(changed["role"], "rapporteur");
    // Only staff change accounts at all, and bad input names its field.
    app.patch(
        &format!("/api/v1/users/{member}"),
        As::Token(&app.member),
        &json!({"role": "member"}),
    )
    .await
    .expect(403);
    let bad = app
        .patch(
            &format!("/api/v1/users/{member}"),
            app.org(),
            &json!({"role": "king"}),
        )
        .await;
    assert_eq!(bad.error_fields(), ["role"]);
    app.patch(
        "/api/v1/users/999999",
        app.org(),
        &json!({"disabled": true}),
    )
    .await
    .expect(404);
    // Nobody disables their own account.
    app.patch(
        &format!("/api/v1/users/{organizer}"),
        As::Token(&app.admin),
        &json!({"role": "member"}),
    )
    .await
    .expect(200);
    app.patch(
        &format!("/api/v1/users/{admin}"),
        As::Token(&app.admin),
        &json!({"disabled": true}),
    )
    .await
    .expect(409);
}

#[tokio::test]
async fn people_change_their_own_password_name_and_language() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "gareth@example.org", "member").await;
    let other = session_cookie(
        &login(&app, "gareth@example.org", PASSWORD)
            .await
            .expect(204),
    );
    let wrong = app
        .send(
            axum::http::Method::PUT,
            "/api/v1/auth/password",
            As::Cookie(&cookie),
            &json!({"current_password": "not my password", "new_password": "a brand new password"}),
        )
        .await;
    assert_eq!(wrong.error_fields(), ["current_password"]);
    let short = app
        .send(
            axum::http::Method::PUT,
            "/api/v1/auth/password",
            As::Cookie(&cookie),
            &json!({"current_password": PASSWORD, "new_password": "short"}),
        )
        .await;
    assert_eq!(short.error_fields(), ["new_password"]);
    app.send(
        axum::http::Method::PUT,
        "/api/v1/auth/password",
        As::Cookie(&cookie),
        &json!({"current_password": PASSWORD, "new_password": "a brand new password"}),
    )
    .await
    .expect(204);
    // This session stays; the other one ends.
    app.get("/api/v1/auth/me", As::Cookie(&cookie))
        .await
        .expect(200);
    app.get("/api/v1/auth/me", As::Cookie(&other))
        .await
        .expect(401);
    login(&app, "gareth@example.org", "a brand new password")
        .await
        .expect(204);
    app.send(
        axum::http::Method::PUT,
        "/api/v1/auth/password",
        As::Anonymous,
        &json!({"current_password": PASSWORD, "new_password": "a brand new password"}),
    )
    .await
    .expect(401);

    let me = app
        .patch(
            "/api/v1/auth/me",
            As::Cookie(&cookie),
            &json!({"name": "Gareth EVANS", "language": "fr"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(me["name"], "Gareth EVANS");
    assert_eq!(me["language"], "fr");
    let me = app
        .get("/api/v1/auth/me", As::Cookie(&cookie))
        .await
        .expect(200)
        .json();
    assert_eq!(me["language"], "fr");
    let bad = app
        .patch(
            "/api/v1/auth/me",
            As::Cookie(&cookie),
            &json!({"name": "", "language": "klingon"}),
        )
        .await;
    assert_eq!(bad.error_fields(), ["name", "language"]);
    let cleared = app
        .patch(
            "/api/v1/auth/me",
            As::Cookie(&cookie),
            &json!({"language": null}),
        )
        .await
        .expect(200)
        .json();
    assert!(cleared["language"].is_null());
    assert_eq!(cleared["name"], "Gareth EVANS");
}

// ----- The same through the pages -----

#[tokio::test]
async fn the_set_up_page_keeps_the_person_on_their_way_and_signs_them_in() {
    let app = spawn_app().await;
    invite(&app, &app.organizer, "luc@example.org", "rapporteur")
        .await
        .expect(201);
    let token = setup_token(&app, "luc@example.org").await;
    let jar = app.visitor().await;
    let page = app
        .get_page(&format!("/account/setup/{token}"), Some(&jar))
        .await
        .page(200)
        .text();
    assert!(page.contains("Welcome, Luc Lamprière"), "{page}");
    assert!(page.contains("luc@example.org"));
    assert!(page.contains("autocomplete=\"new-password\""));
    // Two different passwords: said beside the field, nothing spent.
    let mismatch = app
        .submit(
            &format!("/account/setup/{token}"),
            &jar,
            &[
                ("password", PASSWORD),
                ("confirm", "something else entirely"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(
        mismatch.contains("not the same as the password above"),
        "{mismatch}"
    );
    assert!(
        !mismatch.contains(PASSWORD),
        "a password is never sent back"
    );
    let done = app
        .submit(
            &format!("/account/setup/{token}"),
            &jar,
            &[("password", PASSWORD), ("confirm", PASSWORD)],
        )
        .await
        .expect(303);
    assert_eq!(
        done.location(),
        "/rapporteur",
        "where a rapporteur's work is"
    );
    assert!(done.set_cookie(common::SESSION_COOKIE).is_some());
    // The link is spent: its page says so.
    app.get_page(&format!("/account/setup/{token}"), Some(&jar))
        .await
        .page(410);
    // Without a CSRF token, nothing happens.
    app.post_form(
        &format!("/account/reset/{token}"),
        Some(&jar),
        &[("password", PASSWORD), ("confirm", PASSWORD)],
    )
    .await
    .page(403);
}

#[tokio::test]
async fn the_forgot_page_answers_alike_for_every_address() {
    let app = spawn_app().await;
    let jar = app.visitor().await;
    let login_page = app.get_page("/login", Some(&jar)).await.page(200).text();
    assert!(login_page.contains("href=\"/login/forgot\""));
    assert!(login_page.contains("href=\"/join\""));
    let known = app
        .submit("/login/forgot", &jar, &[("email", "member@example.org")])
        .await
        .page(200)
        .text();
    let unknown = app
        .submit("/login/forgot", &jar, &[("email", "nobody@example.org")])
        .await
        .page(200)
        .text();
    let strip = |page: &str, email: &str| page.replace(email, "ADDRESS");
    assert_eq!(
        strip(&known, "member@example.org").replace(char::is_whitespace, ""),
        strip(&unknown, "nobody@example.org").replace(char::is_whitespace, ""),
    );
    assert!(known.contains("Check your mail"));
    let token = reset_token(&app, "member@example.org").await;
    let page = app
        .get_page(&format!("/account/reset/{token}"), Some(&jar))
        .await
        .page(200)
        .text();
    assert!(page.contains("Choose a new password"), "{page}");
    let done = app
        .submit(
            &format!("/account/reset/{token}"),
            &jar,
            &[
                ("password", "a brand new password"),
                ("confirm", "a brand new password"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(done.location(), "/", "a member lands on the home page");
    app.sign_in("member@example.org", "a brand new password")
        .await;
    app.submit("/login/forgot", &jar, &[("email", "")])
        .await
        .page(422);
}

#[tokio::test]
async fn sign_in_lands_where_each_account_works() {
    let app = spawn_app().await;
    for (email, landing) in [
        ("organizer@example.org", "/organize"),
        ("admin@example.org", "/organize"),
        ("rapporteur@example.org", "/rapporteur"),
        ("member@example.org", "/"),
    ] {
        let jar = app.visitor().await;
        let reply = app
            .submit(
                "/login",
                &jar,
                &[
                    ("email", email),
                    ("password", common::TEST_PASSWORD),
                    ("next", ""),
                ],
            )
            .await
            .expect(303);
        assert_eq!(reply.location(), landing, "{email}");
    }
    // The page someone came from wins.
    let jar = app.visitor().await;
    let reply = app
        .submit(
            "/login",
            &jar,
            &[
                ("email", "member@example.org"),
                ("password", common::TEST_PASSWORD),
                ("next", "/events"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), "/events");
}

#[tokio::test]
async fn the_accounts_page_invites_changes_and_disables() {
    let app = spawn_app().await;
    let browser = app.organizer_browser().await;
    let page = app
        .get_page("/organize/accounts", Some(&browser))
        .await
        .page(200)
        .text();
    for text in [
        "admin@example.org",
        "Rapporteur",
        "Send the set-up mail",
        "Membership applications",
    ] {
        assert!(page.contains(text), "{text} in {page}");
    }
    // An organizer is offered rapporteur and member only.
    assert!(!page.contains("<option value=\"admin\""), "{page}");
    // A refused invitation keeps what was typed and says why beside the field.
    let refused = app
        .submit(
            "/organize/accounts",
            &browser,
            &[
                ("name", "Luc Lamprière"),
                ("email", "luc@"),
                ("role", "rapporteur"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(refused.contains("value=\"Luc Lamprière\""), "{refused}");
    assert!(
        refused.contains("Is not a valid email address."),
        "{refused}"
    );
    let sent = app
        .submit(
            "/organize/accounts",
            &browser,
            &[
                ("name", "Luc Lamprière"),
                ("email", "luc@example.org"),
                ("role", "rapporteur"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(sent.location(), "/organize/accounts");
    assert_eq!(
        app.mails_to("luc@example.org", "account_setup").await.len(),
        1
    );
    let id = account_json(&app, "luc@example.org").await["id"].clone();
    app.submit(
        &format!("/organize/accounts/{id}"),
        &browser,
        &[("action", "resend")],
    )
    .await
    .expect(303);
    assert_eq!(
        app.mails_to("luc@example.org", "account_setup").await.len(),
        2
    );
    app.submit(
        &format!("/organize/accounts/{id}"),
        &browser,
        &[("action", "role"), ("role", "member")],
    )
    .await
    .expect(303);
    app.submit(
        &format!("/organize/accounts/{id}"),
        &browser,
        &[("action", "disable")],
    )
    .await
    .expect(303);
    let account = account_json(&app, "luc@example.org").await;
    assert_eq!(
        (account["role"].as_str(), account["status"].as_str()),
        (Some("member"), Some("disabled"))
    );
    // An organizer's attempt to raise someone changes nothing.
    let admin = account_json(&app, "admin@example.org").await["id"].clone();
    let reply = app
        .submit(
            &format!("/organize/accounts/{admin}"),
            &browser,
            &[("action", "disable")],
        )
        .await
        .expect(303);
    let browser = common::with_cookies_from(&browser, &reply);
    let after = app
        .get_page("/organize/accounts", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(after.contains("Not changed"), "{after}");
    assert_eq!(
        account_json(&app, "admin@example.org").await["status"],
        "active"
    );
}

#[tokio::test]
async fn an_organizer_gives_a_sessions_rapporteur_a_sign_in_in_one_click() {
    let app = spawn_app().await;
    let session = app
        .brussels_session_in(
            common::UPCOMING_YEAR,
            "Panel on the Responsibility to Protect",
            "14:00",
            "15:30",
            Some("Room A"),
        )
        .await
        .session;
    let [luc, nomail] = app
        .seat(
            session,
            [
                Seat::rapporteur("Mr", "Luc", "Lamprière").reached_at("luc@example.org"),
                Seat::rapporteur("Ms", "Ana", "Núñez"),
            ],
        )
        .await;
    let browser = app.organizer_browser().await;
    let page = app
        .get_page(&format!("/organize/sessions/{session}"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        page.contains("Invite Mr Luc LAMPRIÈRE to sign in as rapporteur"),
        "{page}"
    );
    assert!(page.contains("Ms Ana NÚÑEZ has no email address"), "{page}");

    let reply = app
        .submit(
            &format!("/organize/sessions/{session}/rapporteurs/{luc}/invite"),
            &browser,
            &[],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), format!("/organize/sessions/{session}"));
    let account = account_json(&app, "luc@example.org").await;
    assert_eq!(account["role"], "rapporteur");
    assert_eq!(account["status"], "invited");
    assert_eq!(account["name"], "Mr Luc LAMPRIÈRE");
    // The mail names the session, the due date of its summary and how to sign in.
    let mail = app.last_mail_to("luc@example.org", "account_setup").await;
    assert!(
        mail.subject
            .contains("Panel on the Responsibility to Protect"),
        "{}",
        mail.subject
    );
    for text in [
        "Panel on the Responsibility to Protect",
        "Making a difference",
        "Your summary is due by",
        "2037",
        "/account/setup/",
        "/login",
        "luc@example.org",
    ] {
        assert!(
            mail.text_body.contains(text),
            "{text} in {}",
            mail.text_body
        );
    }
    // The page now says the invitation waits; a second click invites nobody twice.
    let page = app
        .get_page(&format!("/organize/sessions/{session}"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(page.contains("has not chosen a password yet"), "{page}");
    app.submit(
        &format!("/organize/sessions/{session}/rapporteurs/{luc}/invite"),
        &browser,
        &[],
    )
    .await
    .expect(303);
    assert_eq!(
        app.mails_to("luc@example.org", "account_setup").await.len(),
        1
    );
    // Someone without an email is not invited; nor is someone who is not the rapporteur.
    app.submit(
        &format!("/organize/sessions/{session}/rapporteurs/{nomail}/invite"),
        &browser,
        &[],
    )
    .await
    .expect(303);
    let chair = app.person("Mr", "Gareth", "Evans").await;
    app.assign(session, chair, "chair").await;
    app.submit(
        &format!("/organize/sessions/{session}/rapporteurs/{chair}/invite"),
        &browser,
        &[],
    )
    .await
    .page(404);
    assert_eq!(app.count("users").await, 5);

    // Once set up, the rapporteur lands on "My summaries" and finds the session.
    let token = setup_token(&app, "luc@example.org").await;
    let jar = app.visitor().await;
    let done = app
        .submit(
            &format!("/account/setup/{token}"),
            &jar,
            &[("password", PASSWORD), ("confirm", PASSWORD)],
        )
        .await
        .expect(303);
    assert_eq!(done.location(), "/rapporteur");
    let jar = common::with_cookies_from(&jar, &done);
    let home = app
        .get_page("/rapporteur", Some(&jar))
        .await
        .page(200)
        .text();
    assert!(
        home.contains("Panel on the Responsibility to Protect"),
        "{home}"
    );
}

// ----- Languages -----

#[tokio::test]
async fn the_sign_in_and_account_pages_read_in_french_and_spanish() {
    let app = spawn_app().await;
    let english = app.get_page("/login", None).await.page(200).text();
    assert!(english.contains("<h1>Member sign in</h1>"), "{english}");
    assert!(english.contains(">Sign in</button>"), "{english}");
    assert!(english.contains("Forgot your password?"), "{english}");
    let french = app.get_page("/login?lang=fr", None).await.page(200).text();
    assert!(
        french.contains("<h1>Connexion des membres</h1>"),
        "{french}"
    );
    assert!(french.contains(">Se connecter</button>"), "{french}");
    assert!(french.contains("Mot de passe oublié ?"), "{french}");
    assert!(french.contains(">Demander l’adhésion</a>"), "{french}");

    // A refused sign-in says why in the browser's language.
    let jar = format!("{}; roundtable_lang=es", app.visitor().await);
    let refused = app
        .submit(
            "/login",
            &jar,
            &[
                ("email", "organizer@example.org"),
                ("password", "not the password"),
                ("next", "/"),
            ],
        )
        .await
        .page(401)
        .text();
    assert!(refused.contains("No se pudo iniciar sesión"), "{refused}");
    assert!(
        refused.contains("El correo electrónico o la contraseña no son correctos."),
        "{refused}"
    );

    // One's own account, in Spanish, and the confirmation of a change.
    let browser = format!("{}; roundtable_lang=es", app.organizer_browser().await);
    let page = app
        .get_page("/account", Some(&browser))
        .await
        .page(200)
        .text();
    for text in [
        "<h1>Su cuenta</h1>",
        ">Cambiar mi contraseña</button>",
        ">El idioma de mi navegador</option>",
        "Contraseña actual",
    ] {
        assert!(page.contains(text), "{text} in {page}");
    }
    let saved = app
        .submit(
            "/account",
            &browser,
            &[("name", "Olga Organizer"), ("language", "")],
        )
        .await
        .expect(303);
    let browser = common::with_cookies_from(&browser, &saved);
    let after = app
        .get_page("/account", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(after.contains("Sus datos se guardaron."), "{after}");
    // A wrong current password, said in Spanish beside its field.
    let wrong = app
        .submit(
            "/account/password",
            &browser,
            &[
                ("current_password", "not the password"),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(wrong.contains("No es su contraseña actual."), "{wrong}");
    assert!(wrong.contains("No se cambió su contraseña"), "{wrong}");
}

#[tokio::test]
async fn the_accounts_workspace_reads_in_french_and_the_setup_mail_goes_in_the_invitees_language() {
    let app = spawn_app().await;
    // Ana is in the directory, her mail in Spanish; the organizer reads French.
    app.post(
        "/api/v1/people",
        app.org(),
        &json!({
            "given_name": "Ana",
            "family_name": "Núñez",
            "email": "ana@example.org",
            "language": "es"
        }),
    )
    .await
    .expect(201);
    let browser = format!("{}; roundtable_lang=fr", app.organizer_browser().await);
    let page = app
        .get_page("/organize/accounts", Some(&browser))
        .await
        .page(200)
        .text();
    for text in [
        "<h1>Comptes</h1>",
        "Inviter quelqu’un",
        ">Envoyer le courriel de création de compte</button>",
        ">Rapporteur</option>",
        ">Membre</option>",
        "Candidatures d’adhésion",
        "Dernière connexion",
    ] {
        assert!(page.contains(text), "{text} in {page}");
    }
    let sent = app
        .submit(
            "/organize/accounts",
            &browser,
            &[
                ("name", "Ana Núñez"),
                ("email", "ana@example.org"),
                ("role", "member"),
            ],
        )
        .await
        .expect(303);
    let browser = common::with_cookies_from(&browser, &sent);
    let after = app
        .get_page("/organize/accounts", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        after.contains(
            "Ana Núñez est invité·e en tant que membre : le courriel de création de compte est en route vers ana@example.org."
        ),
        "{after}"
    );
    // The set-up mail is in Ana's language, not the organizer's.
    let mail = app.last_mail_to("ana@example.org", "account_setup").await;
    assert_eq!(mail.subject, "Configure su cuenta de Roundtable");
    assert!(
        mail.text_body.starts_with("Estimado/a Ana Núñez:"),
        "{}",
        mail.text_body
    );
    assert!(
        mail.text_body
            .contains("una cuenta de Roundtable como miembro."),
        "{}",
        mail.text_body
    );
    assert!(
        mail.text_body
            .contains("este enlace sirve una sola vez, hasta el "),
        "{}",
        mail.text_body
    );
    assert!(mail.html_body.contains(r#"<html lang="es">"#));
    assert!(mail.html_body.contains(">Elegir mi contraseña</a>"));
    assert!(mail.html_body.contains("Enviado por Roundtable para "));

    // Someone the directory does not know gets it in English.
    app.submit(
        "/organize/accounts",
        &browser,
        &[
            ("name", "Gareth Evans"),
            ("email", "gareth@example.org"),
            ("role", "member"),
        ],
    )
    .await
    .expect(303);
    let english = app
        .last_mail_to("gareth@example.org", "account_setup")
        .await;
    assert_eq!(english.subject, "Set up your Roundtable account");
    assert!(english.text_body.starts_with("Dear Gareth Evans,"));
}

#[tokio::test]
async fn a_rapporteur_invited_in_one_click_gets_the_setup_mail_in_their_language() {
    let app = spawn_app().await;
    let session = app
        .brussels_session_in(
            common::UPCOMING_YEAR,
            "Panel on the Responsibility to Protect",
            "14:00",
            "15:30",
            Some("Room A"),
        )
        .await
        .session;
    let [luc] = app
        .seat(
            session,
            [Seat::rapporteur("Mr", "Luc", "Lamprière").reached_at("luc@example.org")],
        )
        .await;
    app.patch(
        &format!("/api/v1/people/{luc}"),
        app.org(),
        &json!({"language": "fr"}),
    )
    .await
    .expect(200);
    let browser = format!("{}; roundtable_lang=es", app.organizer_browser().await);
    let reply = app
        .submit(
            &format!("/organize/sessions/{session}/rapporteurs/{luc}/invite"),
            &browser,
            &[],
        )
        .await
        .expect(303);
    // The organizer is told in their language…
    let flash = reply
        .set_cookie(common::FLASH_COOKIE)
        .expect("a confirmation");
    let flash = percent_encoding::percent_decode_str(&flash)
        .decode_utf8()
        .unwrap()
        .into_owned();
    assert!(
        flash.starts_with("Mr Luc LAMPRIÈRE está invitado/a a iniciar sesión como relator/a"),
        "{flash}"
    );
    // …and Luc in his.
    let year = format!(" {}", common::UPCOMING_YEAR);
    let mail = app.last_mail_to("luc@example.org", "account_setup").await;
    assert_eq!(
        mail.subject,
        "Votre compte Roundtable pour votre synthèse de Panel on the Responsibility to Protect"
    );
    for text in [
        "Bonjour Mr Lamprière,",
        "vous a ouvert un compte Roundtable en tant que rapporteur.",
        "Vous êtes rapporteur de :",
        "Votre synthèse est attendue pour le ",
        year.as_str(),
        "« Mes synthèses »",
    ] {
        assert!(
            mail.text_body.contains(text),
            "{text} in {}",
            mail.text_body
        );
    }
}
