//! Test helpers: `spawn_app()` starts the real application on its own freshly migrated
//! database (a SQLite file, or a PostgreSQL database of its own when
//! `ROUNDTABLE_TEST_POSTGRES` names a server) and drives it in-process over HTTP.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod files;
pub mod fixtures;
pub mod smtp;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use roundtable::accounts::{NewUser, service as accounts};
use roundtable::app::{AppState, router};
use roundtable::config::Settings;
use roundtable::db::Db;
use serde_json::Value;
use tower::ServiceExt;

pub const POSTGRES_ENV: &str = "ROUNDTABLE_TEST_POSTGRES";

pub struct TestApp {
    pub router: Router,
    /// What the router serves from (its public cache, say).
    pub state: AppState,
    pub db: Db,
    pub settings: Arc<Settings>,
    /// A bearer token of an organizer, an admin, a rapporteur and a member.
    pub organizer: String,
    pub admin: String,
    pub rapporteur: String,
    pub member: String,
    _database: TestDatabase,
}

enum TestDatabase {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self {
            let admin_url = admin_url.clone();
            let name = name.clone();
            // Drop runs outside any runtime we may block on; use a thread of its own.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async move {
                    use sea_orm::{ConnectionTrait, Database};
                    if let Ok(conn) = Database::connect(&admin_url).await {
                        let _ = conn
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                            ))
                            .await;
                        let _ = conn.close().await;
                    }
                });
            })
            .join();
        }
    }
}

/// Which database the suite runs on.
pub fn backend_name() -> &'static str {
    if std::env::var(POSTGRES_ENV).is_ok() {
        "postgres"
    } else {
        "sqlite"
    }
}

async fn database() -> (String, TestDatabase) {
    match std::env::var(POSTGRES_ENV) {
        Ok(admin_url) => {
            use sea_orm::{ConnectionTrait, Database};
            let name = format!("rt_test_{}", uuid::Uuid::new_v4().simple());
            let conn = Database::connect(&admin_url)
                .await
                .expect("connect to PostgreSQL");
            conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .expect("create database");
            conn.close().await.ok();
            let mut url = url::Url::parse(&admin_url).expect("postgres url");
            url.set_path(&name);
            (url.to_string(), TestDatabase::Postgres { admin_url, name })
        }
        Err(_) => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("roundtable.db").display());
            (url, TestDatabase::Sqlite(dir))
        }
    }
}

pub async fn spawn_app() -> TestApp {
    let (url, database) = database().await;
    let mut settings = Settings::defaults().expect("defaults");
    settings.database.url = url;
    settings.database.max_connections = 5;
    // Uploaded files stay in memory unless a test gives them a folder.
    settings.storage.url = "memory://".into();
    let db = Db::connect(&settings.database).await.expect("connect");
    db.migrate().await.expect("migrate");
    let mut tokens = Vec::new();
    for role in ["organizer", "admin", "rapporteur", "member"] {
        let email = format!("{role}@example.org");
        let new = NewUser::parse(
            &email,
            &format!("Test {role}"),
            role,
            "a long test password",
        )
        .ok()
        .unwrap();
        accounts::create_user(&db, new).await.expect("user");
        tokens.push(
            accounts::create_token(&db, &email, None)
                .await
                .expect("token"),
        );
    }
    let settings = Arc::new(settings);
    let state = AppState::new(db.clone(), settings.clone());
    let mut tokens = tokens.into_iter();
    TestApp {
        router: router(state.clone()),
        state,
        db,
        settings,
        organizer: tokens.next().unwrap(),
        admin: tokens.next().unwrap(),
        rapporteur: tokens.next().unwrap(),
        member: tokens.next().unwrap(),
        _database: database,
    }
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON ({}): {}", self.status, self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn expect(self, status: u16) -> Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text()
        );
        self
    }

    /// The fields named by a 422 problem.
    #[track_caller]
    pub fn error_fields(&self) -> Vec<String> {
        assert_eq!(
            self.status.as_u16(),
            422,
            "expected 422; body: {}",
            self.text()
        );
        assert_eq!(
            self.headers.get(header::CONTENT_TYPE).unwrap(),
            "application/problem+json"
        );
        self.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_string())
            .collect()
    }
}

/// Who makes a request.
#[derive(Clone, Copy)]
pub enum As<'a> {
    Anonymous,
    Token(&'a str),
    Cookie(&'a str),
}

impl TestApp {
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        who: As<'_>,
        body: Option<Body>,
        content_type: Option<&str>,
    ) -> Reply {
        self.request_with(method, path, who, body, content_type, &[])
            .await
    }

    /// A request with extra headers (`Accept`, say).
    pub async fn request_with(
        &self,
        method: Method,
        path: &str,
        who: As<'_>,
        body: Option<Body>,
        content_type: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut builder = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        match who {
            As::Anonymous => {}
            As::Token(token) => {
                builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"))
            }
            As::Cookie(cookie) => builder = builder.header(header::COOKIE, cookie),
        }
        if let Some(content_type) = content_type {
            builder = builder.header(header::CONTENT_TYPE, content_type);
        }
        let request = builder.body(body.unwrap_or_else(Body::empty)).unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, who: As<'_>) -> Reply {
        self.request(Method::GET, path, who, None, None).await
    }

    pub async fn send(&self, method: Method, path: &str, who: As<'_>, body: &Value) -> Reply {
        self.request(
            method,
            path,
            who,
            Some(Body::from(body.to_string())),
            Some("application/json"),
        )
        .await
    }

    pub async fn post(&self, path: &str, who: As<'_>, body: &Value) -> Reply {
        self.send(Method::POST, path, who, body).await
    }

    pub async fn patch(&self, path: &str, who: As<'_>, body: &Value) -> Reply {
        self.send(Method::PATCH, path, who, body).await
    }

    pub async fn delete(&self, path: &str, who: As<'_>) -> Reply {
        self.request(Method::DELETE, path, who, None, None).await
    }

    /// Sends raw bytes as JSON (for malformed bodies).
    pub async fn post_raw(&self, path: &str, who: As<'_>, body: &str) -> Reply {
        self.request(
            Method::POST,
            path,
            who,
            Some(Body::from(body.to_string())),
            Some("application/json"),
        )
        .await
    }

    pub fn org(&self) -> As<'_> {
        As::Token(&self.organizer)
    }

    pub fn member_token(&self) -> As<'_> {
        As::Token(&self.member)
    }

    /// Creates an organization as the organizer; returns its id.
    pub async fn organization(&self, name: &str) -> i64 {
        self.post(
            "/api/v1/organizations",
            self.org(),
            &serde_json::json!({"name": name, "kind": "ngo", "region": "europe"}),
        )
        .await
        .expect(201)
        .json()["id"]
            .as_i64()
            .unwrap()
    }

    /// Creates a person as the organizer; returns their id.
    pub async fn person(&self, honorific: &str, given: &str, family: &str) -> i64 {
        self.post(
            "/api/v1/people",
            self.org(),
            &serde_json::json!({"honorific": honorific, "given_name": given, "family_name": family}),
        )
        .await
        .expect(201)
        .json()["id"]
            .as_i64()
            .unwrap()
    }

    /// Publishes an event (as the organizer); returns it.
    pub async fn publish(&self, event: &str) -> Value {
        self.post(
            &format!("/api/v1/events/{event}/publish"),
            self.org(),
            &serde_json::json!({}),
        )
        .await
        .expect(200)
        .json()
    }

    /// Gives a person a role on a session (as the organizer).
    pub async fn assign(&self, session: i64, person: i64, role: &str) {
        self.post(
            &format!("/api/v1/sessions/{session}/participants"),
            self.org(),
            &serde_json::json!({"person_id": person, "role": role}),
        )
        .await
        .expect(201);
    }

    /// Adds a session to an event; returns its id.
    pub async fn session(
        &self,
        event: &str,
        title: &str,
        starts: &str,
        ends: &str,
        room: Option<&str>,
    ) -> i64 {
        self.post(
            &format!("/api/v1/events/{event}/sessions"),
            self.org(),
            &serde_json::json!({"title": title, "starts_at": starts, "ends_at": ends, "room": room}),
        )
        .await
        .expect(201)
        .json()["id"]
            .as_i64()
            .unwrap()
    }

    /// The number of rows in a table, to check that a refused request wrote nothing.
    pub async fn count(&self, table: &str) -> i64 {
        use sea_orm::{ConnectionTrait, Statement};
        let backend = self.db.backend();
        let row = self
            .db
            .conn()
            .query_one_raw(Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }
}

/// A year to come, in which 3 June is a Wednesday as in 2009: events of tests that
/// register are held then, since an event that has ended takes no registration.
pub const UPCOMING_YEAR: i32 = 2037;

// ----- HTML pages: cookies, forms and sign-in, as a browser would use them -----

pub const CSRF_COOKIE: &str = "roundtable_csrf";
pub const SESSION_COOKIE: &str = "roundtable_session";
pub const FLASH_COOKIE: &str = "roundtable_flash";
/// The password of the accounts `spawn_app()` creates.
pub const TEST_PASSWORD: &str = "a long test password";

impl Reply {
    /// The whole `Set-Cookie` line a response sends for a cookie.
    pub fn set_cookie_line(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|line| {
                line.split_once('=')
                    .is_some_and(|(key, _)| key.trim() == name)
            })
            .map(str::to_string)
    }

    /// The value a response sets for a cookie.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.set_cookie_line(name).and_then(|line| {
            line.split(';')
                .next()
                .and_then(|pair| pair.split_once('='))
                .map(|(_, value)| value.trim().to_string())
        })
    }

    /// The `Location` of a redirect.
    #[track_caller]
    pub fn location(&self) -> String {
        self.headers
            .get(header::LOCATION)
            .unwrap_or_else(|| panic!("no Location ({}): {}", self.status, self.text()))
            .to_str()
            .unwrap()
            .to_string()
    }

    /// Asserts an HTML page with that status.
    #[track_caller]
    pub fn page(self, status: u16) -> Self {
        let reply = self.expect(status);
        let content_type = reply
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(
            content_type.starts_with("text/html"),
            "expected an HTML page, got {content_type:?}: {}",
            reply.text()
        );
        reply
    }
}

/// A GET with extra headers to any router (another process's, in tests of several).
pub async fn get_from(router: &axum::Router, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut builder = Request::builder().method(Method::GET).uri(path);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let response = router
        .clone()
        .oneshot(builder.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

/// A cookie's value in a `Cookie:` header.
pub fn cookie_value(cookies: &str, name: &str) -> Option<String> {
    cookies
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// A `Cookie:` header updated with what a response set (and without what it cleared).
pub fn with_cookies_from(cookies: &str, reply: &Reply) -> String {
    let mut jar: Vec<(String, String)> = cookies
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for line in reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
    {
        let Some((name, value)) = line.split(';').next().and_then(|p| p.split_once('=')) else {
            continue;
        };
        let cleared = value.is_empty() || line.contains("Max-Age=0");
        jar.retain(|(k, _)| k != name.trim());
        if !cleared {
            jar.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    jar.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

impl TestApp {
    /// GETs a page, with a `Cookie:` header when given.
    pub async fn get_page(&self, path: &str, cookie: Option<&str>) -> Reply {
        match cookie {
            Some(cookie) => self.get(path, As::Cookie(cookie)).await,
            None => self.get(path, As::Anonymous).await,
        }
    }

    /// A request with extra headers (for conditional requests).
    pub async fn get_with_headers(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        get_from(&self.router, path, headers).await
    }

    /// POSTs an HTML form (`application/x-www-form-urlencoded`) exactly as given: no CSRF
    /// field is added.
    pub async fn post_form(
        &self,
        path: &str,
        cookie: Option<&str>,
        fields: &[(&str, &str)],
    ) -> Reply {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let who = match cookie {
            Some(cookie) => As::Cookie(cookie),
            None => As::Anonymous,
        };
        self.request(
            Method::POST,
            path,
            who,
            Some(Body::from(body)),
            Some("application/x-www-form-urlencoded"),
        )
        .await
    }

    /// POSTs a form with the CSRF token of the visitor's cookie, as the page's form does.
    pub async fn submit(&self, path: &str, cookie: &str, fields: &[(&str, &str)]) -> Reply {
        let csrf = cookie_value(cookie, CSRF_COOKIE).expect("a CSRF cookie in the jar");
        let mut all = vec![("_csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form(path, Some(cookie), &all).await
    }

    /// A new visitor's `Cookie:` header holding the CSRF cookie the sign-in page gives.
    pub async fn visitor(&self) -> String {
        let page = self.get_page("/login", None).await.expect(200);
        let csrf = page
            .set_cookie(CSRF_COOKIE)
            .expect("the sign-in page sets a CSRF cookie");
        format!("{CSRF_COOKIE}={csrf}")
    }

    /// Signs in through the sign-in page; returns the `Cookie:` header of the signed-in
    /// browser (CSRF and session cookies).
    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let jar = self.visitor().await;
        let reply = self
            .submit(
                "/login",
                &jar,
                &[("email", email), ("password", password), ("next", "/")],
            )
            .await;
        assert_eq!(
            reply.status.as_u16(),
            303,
            "sign-in failed: {}",
            reply.text()
        );
        let session = reply
            .set_cookie(SESSION_COOKIE)
            .expect("sign-in sets the session cookie");
        format!("{jar}; {SESSION_COOKIE}={session}")
    }

    /// The organizer of `spawn_app()`, signed in through the page.
    pub async fn organizer_browser(&self) -> String {
        self.sign_in("organizer@example.org", TEST_PASSWORD).await
    }

    /// Creates an account with a known password.
    pub async fn user_with_password(&self, email: &str, name: &str, role: &str, password: &str) {
        accounts::create_user(
            &self.db,
            NewUser::parse(email, name, role, password).ok().unwrap(),
        )
        .await
        .expect("user");
    }
}

// ----- Settings a test changes -----

/// `spawn_app()` with its settings changed (the router is built again on the same
/// database, so the per-address limit and the like take the new values).
pub async fn spawn_app_with(change: impl FnOnce(&mut Settings)) -> TestApp {
    let mut app = spawn_app().await;
    let mut settings = (*app.settings).clone();
    change(&mut settings);
    app.settings = Arc::new(settings);
    app.state = AppState::new(app.db.clone(), app.settings.clone());
    app.router = router(app.state.clone());
    app
}

// ----- Mail in the outbox, as its recipient will read it -----

impl TestApp {
    /// Every message of the outbox, oldest first.
    pub async fn outbox(&self) -> Vec<roundtable::entities::outbox_message::Model> {
        use sea_orm::{EntityTrait, QueryOrder};
        roundtable::entities::outbox_message::Entity::find()
            .order_by_asc(roundtable::entities::outbox_message::Column::Id)
            .all(self.db.conn())
            .await
            .unwrap()
    }

    /// The messages of one kind to one address, oldest first.
    pub async fn mails_to(
        &self,
        email: &str,
        kind: &str,
    ) -> Vec<roundtable::entities::outbox_message::Model> {
        self.outbox()
            .await
            .into_iter()
            .filter(|m| m.recipient_email == email && m.kind.as_str() == kind)
            .collect()
    }

    /// The newest message of a kind to an address; fails when there is none.
    pub async fn last_mail_to(
        &self,
        email: &str,
        kind: &str,
    ) -> roundtable::entities::outbox_message::Model {
        self.mails_to(email, kind)
            .await
            .pop()
            .unwrap_or_else(|| panic!("no {kind} mail to {email}"))
    }
}

/// The secret at the end of the first link in `text` that contains `/prefix/`, such
/// as the token of `http://host/account/setup/<token>`.
#[track_caller]
pub fn token_after(text: &str, prefix: &str) -> String {
    let marker = format!("/{prefix}/");
    let start = text
        .find(&marker)
        .unwrap_or_else(|| panic!("no link with {marker} in: {text}"))
        + marker.len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}
