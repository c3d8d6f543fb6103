//! Test helpers: `spawn_app()` starts the real application on its own freshly migrated
//! database (a SQLite file, or a PostgreSQL database of its own when
//! `ROUNDTABLE_TEST_POSTGRES` names a server) and drives it in-process over HTTP.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

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
    let state = AppState {
        db: db.clone(),
        settings: settings.clone(),
    };
    let mut tokens = tokens.into_iter();
    TestApp {
        router: router(state),
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
        let mut builder = Request::builder().method(method).uri(path);
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

    /// Creates the 2009 Brussels conference (draft); returns its JSON.
    pub async fn brussels_event(&self) -> Value {
        self.post(
            "/api/v1/events",
            self.org(),
            &serde_json::json!({
                "title": "Making a difference",
                "subtitle": "Strengthening capacities to respond to crises and security threats",
                "kind": "conference",
                "starts_on": "2009-06-03",
                "ends_on": "2009-06-04",
                "timezone": "Europe/Brussels",
                "city": "Brussels",
                "country": "BE",
                "region": "europe"
            }),
        )
        .await
        .expect(201)
        .json()
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
