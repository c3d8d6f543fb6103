//! What every part of the server shares: health, the OpenAPI document, 404s, request
//! ids, and concurrent writes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::{Method, Request, header};
use common::{As, spawn_app};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

/// Every route of the API, as its `#[utoipa::path]` annotation names it.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/api/openapi.json"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/logout"),
    ("get", "/api/v1/auth/me"),
    ("patch", "/api/v1/auth/me"),
    ("put", "/api/v1/auth/password"),
    ("post", "/api/v1/auth/password-reset"),
    ("post", "/api/v1/auth/password-reset/{token}"),
    ("post", "/api/v1/auth/setup/{token}"),
    ("get", "/api/v1/users"),
    ("post", "/api/v1/users"),
    ("patch", "/api/v1/users/{id}"),
    ("post", "/api/v1/users/{id}/invite"),
    ("get", "/api/v1/members/applications"),
    ("post", "/api/v1/members/applications"),
    ("post", "/api/v1/members/applications/{id}/approve"),
    ("post", "/api/v1/members/applications/{id}/reject"),
    ("get", "/api/v1/organizations"),
    ("post", "/api/v1/organizations"),
    ("get", "/api/v1/organizations/{id}"),
    ("patch", "/api/v1/organizations/{id}"),
    ("delete", "/api/v1/organizations/{id}"),
    ("get", "/api/v1/people"),
    ("post", "/api/v1/people"),
    ("get", "/api/v1/people/{id}"),
    ("patch", "/api/v1/people/{id}"),
    ("delete", "/api/v1/people/{id}"),
    ("get", "/api/v1/series"),
    ("post", "/api/v1/series"),
    ("get", "/api/v1/series/{series}"),
    ("patch", "/api/v1/series/{series}"),
    ("get", "/api/v1/events"),
    ("post", "/api/v1/events"),
    ("get", "/api/v1/events/{event}"),
    ("patch", "/api/v1/events/{event}"),
    ("delete", "/api/v1/events/{event}"),
    ("post", "/api/v1/events/{event}/publish"),
    ("post", "/api/v1/events/{event}/cancel"),
    ("get", "/api/v1/events/{event}/conflicts"),
    ("get", "/api/v1/events/{event}/sessions"),
    ("post", "/api/v1/events/{event}/sessions"),
    ("get", "/api/v1/sessions/{id}"),
    ("patch", "/api/v1/sessions/{id}"),
    ("delete", "/api/v1/sessions/{id}"),
    ("get", "/api/v1/sessions/{id}/participants"),
    ("post", "/api/v1/sessions/{id}/participants"),
    ("delete", "/api/v1/sessions/{id}/participants/{person_id}"),
    ("get", "/api/v1/audit"),
    ("post", "/api/v1/people/{id}/feed"),
    ("get", "/api/v1/sessions/{id}/summary"),
    ("put", "/api/v1/sessions/{id}/summary"),
    ("post", "/api/v1/sessions/{id}/summary/submit"),
    ("post", "/api/v1/sessions/{id}/summary/approve"),
    ("post", "/api/v1/sessions/{id}/summary/return"),
    ("put", "/api/v1/sessions/{id}/summary/due"),
    ("get", "/api/v1/sessions/{id}/summary/versions"),
    ("get", "/api/v1/themes"),
    ("post", "/api/v1/themes"),
    ("delete", "/api/v1/themes/{id}"),
    ("get", "/api/v1/events/{event}/report"),
    ("patch", "/api/v1/events/{event}/report"),
    ("post", "/api/v1/events/{event}/report/publish"),
    ("post", "/api/v1/events/{event}/report/withdraw"),
    ("get", "/api/v1/series/{series}/report"),
    ("get", "/api/v1/events/{event}/invitations"),
    ("post", "/api/v1/events/{event}/invitations"),
    ("post", "/api/v1/events/{event}/invitations/preview"),
    ("post", "/api/v1/events/{event}/invitations/resend"),
    ("post", "/invitations/{token}/accept"),
    ("post", "/invitations/{token}/decline"),
    ("get", "/api/v1/outbox"),
    ("get", "/api/v1/outbox/{id}"),
    ("post", "/api/v1/outbox/{id}/resend"),
    ("get", "/api/v1/events/{event}/registrations"),
    ("post", "/api/v1/events/{event}/registrations"),
    ("get", "/api/v1/events/{event}/registrations.csv"),
    ("post", "/api/v1/registrations/{id}/approve"),
    ("post", "/api/v1/registrations/{id}/reject"),
    ("post", "/api/v1/registrations/{id}/check-in"),
    ("delete", "/api/v1/registrations/{id}/check-in"),
    ("put", "/api/v1/sessions/{id}/attendance"),
    ("get", "/api/v1/events/{event}/attendance"),
    ("get", "/api/v1/events/{event}/visa-letters"),
    ("post", "/api/v1/registrations/{id}/visa-letter/approve"),
    ("post", "/api/v1/registrations/{id}/visa-letter/reject"),
    ("patch", "/api/v1/registrations/{id}"),
    ("post", "/api/v1/events/{event}/duplicate"),
    ("get", "/api/v1/people.csv"),
    ("get", "/api/v1/organizations.csv"),
    ("post", "/api/v1/people/import"),
    ("post", "/api/v1/people/{id}/merge"),
    ("post", "/api/v1/events/{event}/registrations/reconfirm"),
    ("get", "/api/v1/documents"),
    ("post", "/api/v1/documents"),
    ("get", "/api/v1/documents/{id}"),
    ("patch", "/api/v1/documents/{id}"),
    ("delete", "/api/v1/documents/{id}"),
    ("get", "/api/v1/search"),
    ("get", "/api/v1/recommendations"),
    ("get", "/api/v1/recommendations/{id}"),
    ("patch", "/api/v1/recommendations/{id}"),
    ("post", "/api/v1/recommendations/{id}/updates"),
    ("post", "/api/v1/recommendations/{id}/links"),
    ("delete", "/api/v1/recommendations/{id}/links/{other}"),
    ("get", "/api/v1/recommendations/{id}/similar"),
    ("get", "/api/v1/addressees"),
    ("post", "/api/v1/addressees"),
    ("patch", "/api/v1/addressees/{id}"),
    ("delete", "/api/v1/addressees/{id}"),
];

#[tokio::test]
async fn the_health_check_answers_200_when_the_database_is_up() {
    let app = spawn_app().await;
    let reply = app.get("/healthz", As::Anonymous).await.expect(200);
    assert_eq!(reply.text(), "ok");
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let app = spawn_app().await;
    let reply = app
        .get("/api/openapi.json", As::Anonymous)
        .await
        .expect(200);
    assert!(
        reply.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let document = reply.json();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(document["info"]["title"], "Roundtable");
    let paths = document["paths"].as_object().unwrap();
    let mut missing = Vec::new();
    for (method, path) in ROUTES {
        if paths
            .get(*path)
            .and_then(|item| item.get(*method))
            .is_none()
        {
            missing.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    assert!(missing.is_empty(), "not in the document: {missing:?}");
    // Every described route is one the server answers.
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                assert!(
                    ROUTES.contains(&(method.as_str(), path.as_str())),
                    "{method} {path} is described but not listed here"
                );
            }
        }
    }
    let schemes = &document["components"]["securitySchemes"];
    assert!(schemes.get("bearer").is_some() && schemes.get("session_cookie").is_some());
    assert!(document["components"]["schemas"].get("Problem").is_some());
}

#[tokio::test]
async fn every_listed_route_is_served() {
    let app = spawn_app().await;
    for (method, path) in ROUTES {
        let path = path
            .replace("{id}", "999")
            .replace("{person_id}", "999")
            .replace("{event}", "999")
            .replace("{series}", "999");
        let method: Method = method.to_uppercase().parse().unwrap();
        let reply = app
            .request(
                method.clone(),
                &path,
                app.org(),
                Some(Body::from("{}")),
                Some("application/json"),
            )
            .await;
        assert_ne!(reply.status.as_u16(), 405, "{method} {path}");
        assert!(
            !reply.status.is_server_error(),
            "{method} {path}: {}",
            reply.text()
        );
        if reply.status.as_u16() == 404 {
            // The resource is unknown, not the route.
            assert_eq!(
                reply.headers[header::CONTENT_TYPE],
                "application/problem+json",
                "{method} {path}"
            );
            assert_ne!(
                reply.json()["detail"],
                "Resource not found",
                "{method} {path}"
            );
        }
    }
}

#[tokio::test]
async fn unknown_api_paths_get_a_problem_json_404() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/nothing",
        "/api/v2/organizations",
        "/api/v1/organizations/1/people",
        "/api/",
    ] {
        for who in [As::Anonymous, app.org()] {
            let reply = app.get(path, who).await.expect(404);
            assert_eq!(
                reply.headers[header::CONTENT_TYPE],
                "application/problem+json",
                "{path}"
            );
            let problem = reply.json();
            assert_eq!(problem["status"], 404);
            assert_eq!(problem["title"], "Not Found");
            assert!(problem["type"].is_string() && problem["detail"].is_string());
        }
    }
    let reply = app
        .post("/api/v1/nothing", app.org(), &json!({"name": "X"}))
        .await
        .expect(404);
    assert_eq!(
        reply.headers[header::CONTENT_TYPE],
        "application/problem+json"
    );
}

#[tokio::test]
async fn unknown_pages_get_an_html_404() {
    let app = spawn_app().await;
    for path in ["/nothing-here", "/events/nowhere/at/all", "/favicon.nope"] {
        let reply = app.get(path, As::Anonymous).await.expect(404);
        let content_type = reply.headers[header::CONTENT_TYPE].to_str().unwrap();
        assert!(
            content_type.starts_with("text/html"),
            "{path}: {content_type}"
        );
        let page = reply.text().to_lowercase();
        assert!(page.contains("<html"), "{path}: {page}");
        assert!(page.contains("not found"), "{path}: {page}");
    }
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    let replies = [
        app.get("/healthz", As::Anonymous).await.expect(200),
        app.get("/api/v1/organizations", As::Anonymous)
            .await
            .expect(200),
        app.get("/api/v1/nothing", As::Anonymous).await.expect(404),
        app.get("/nothing-here", As::Anonymous).await.expect(404),
        app.get("/api/v1/people", As::Anonymous).await.expect(401),
        app.get("/api/v1/audit", app.member_token())
            .await
            .expect(403),
        app.post("/api/v1/organizations", app.org(), &json!({}))
            .await
            .expect(422),
        app.post_raw("/api/v1/organizations", app.org(), "{")
            .await
            .expect(400),
        app.post("/api/v1/organizations", app.org(), &json!({"name": "X"}))
            .await
            .expect(201),
    ];
    for reply in &replies {
        let id = reply
            .headers
            .get("x-request-id")
            .unwrap_or_else(|| panic!("no x-request-id ({})", reply.status))
            .to_str()
            .unwrap()
            .to_string();
        assert!(!id.is_empty());
        ids.push(id);
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), replies.len(), "request ids are unique");
}

#[tokio::test]
async fn a_request_id_sent_by_the_client_is_kept() {
    let app = spawn_app().await;
    let request = Request::builder()
        .uri("/api/v1/organizations")
        .header("x-request-id", "trace-me-42")
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["x-request-id"], "trace-me-42");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forty_concurrent_writes_all_succeed() {
    let app = spawn_app().await;
    let tasks = (0..40).map(|n| {
        let router = app.router.clone();
        let token = app.organizer.clone();
        tokio::spawn(async move {
            let request = Request::builder()
                .method(Method::POST)
                .uri("/api/v1/organizations")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(
                    json!({"name": format!("Organization {n:02}"), "kind": "ngo"}).to_string(),
                ))
                .unwrap();
            let response = router.oneshot(request).await.unwrap();
            let status = response.status().as_u16();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            (status, String::from_utf8_lossy(&body).into_owned())
        })
    });
    let results = futures::future::join_all(tasks).await;
    let mut failures = Vec::new();
    for result in results {
        let (status, body) = result.expect("the task finished");
        if status != 201 {
            failures.push(format!("{status}: {body}"));
        }
        assert!(!body.contains("database is locked"), "{body}");
    }
    assert!(
        failures.is_empty(),
        "{} failed: {failures:?}",
        failures.len()
    );
    assert_eq!(app.count("organizations").await, 40);
    assert_eq!(app.count("audit_log").await, 40);
    let list: Value = app
        .get("/api/v1/organizations?limit=100", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(list["total"], 40);
    assert_eq!(list["items"][0]["name"], "Organization 00");
    assert_eq!(list["items"][39]["name"], "Organization 39");
}

#[tokio::test]
async fn links_use_the_address_served_when_no_public_url_is_configured() {
    use roundtable::accounts::service::{Invite, InviteReason, invite};
    let dir = tempfile::tempdir().unwrap();
    let mut settings = roundtable::config::Settings::defaults().unwrap();
    settings.database.url = format!("sqlite://{}", dir.path().join("rt.db").display());
    settings.server.bind = "127.0.0.1:0".into();
    settings.server.public_url = String::new();
    settings.server.public_url_configured = false;
    let app = roundtable::app::Application::build(settings).await.unwrap();
    let port = app.local_addr().unwrap().port();
    assert_ne!(port, 0);
    assert_eq!(
        app.settings().public_url(),
        format!("http://127.0.0.1:{port}")
    );
    assert_eq!(
        app.settings().public_url_warning(app.local_addr().unwrap()),
        None
    );
    // A mail written now links to that port.
    invite(
        app.db(),
        app.settings(),
        None,
        Invite::parse(Some("luc@example.org"), Some("Luc"), Some("rapporteur")).unwrap(),
        InviteReason::Invited,
    )
    .await
    .unwrap();
    use sea_orm::EntityTrait;
    let mail = roundtable::entities::outbox_message::Entity::find()
        .one(app.db().conn())
        .await
        .unwrap()
        .unwrap();
    assert!(
        mail.text_body
            .contains(&format!("http://127.0.0.1:{port}/account/setup/")),
        "{}",
        mail.text_body
    );
    assert!(!mail.text_body.contains(":3000"), "{}", mail.text_body);

    // A configured public URL wins, and differing from the address served is said.
    let mut settings = roundtable::config::Settings::defaults().unwrap();
    settings.database.url = format!("sqlite://{}", dir.path().join("rt2.db").display());
    settings.server.bind = "127.0.0.1:0".into();
    settings.server.public_url = "https://events.example.org".into();
    settings.resolve_public_url(None);
    let app = roundtable::app::Application::build(settings).await.unwrap();
    assert_eq!(app.settings().public_url(), "https://events.example.org");
    assert!(
        app.settings()
            .public_url_warning(app.local_addr().unwrap())
            .is_some()
    );
}
