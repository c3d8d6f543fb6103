//! The OpenAPI document tells the truth about the server: who may call each operation,
//! the bounds of pagination, the media type and codes of refusals, the values of enums.
//! (Schemathesis checks the rest against the live server in CI: `scripts/schemathesis.sh`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::Method;
use common::{As, spawn_app};
use serde_json::Value;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Every operation of the document: (method, path, operation).
fn operations(document: &Value) -> Vec<(String, String, Value)> {
    let mut all = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if METHODS.contains(&method.as_str()) {
                all.push((method.clone(), path.clone(), operation.clone()));
            }
        }
    }
    all
}

/// Whether the document lets an anonymous client call the operation: an empty security
/// requirement among its own.
fn documented_public(operation: &Value) -> bool {
    operation["security"]
        .as_array()
        .is_some_and(|requirements| {
            requirements
                .iter()
                .any(|r| r.as_object().is_some_and(|r| r.is_empty()))
        })
}

#[tokio::test]
async fn the_document_says_which_operations_need_no_sign_in_and_the_server_agrees() {
    let app = spawn_app().await;
    let document = app
        .get("/api/openapi.json", As::Anonymous)
        .await
        .expect(200)
        .json();
    let mut wrong = Vec::new();
    for (method, path, operation) in operations(&document) {
        let concrete = path
            .replace("{id}", "999")
            .replace("{person_id}", "999")
            .replace("{event}", "999")
            .replace("{series}", "999")
            .replace("{token}", "not-a-token");
        let reply = app
            .request(
                method.to_uppercase().parse::<Method>().unwrap(),
                &concrete,
                As::Anonymous,
                Some(Body::from("{}")),
                Some("application/json"),
            )
            .await;
        let refused = reply.status.as_u16() == 401;
        let public = documented_public(&operation);
        if refused == public {
            wrong.push(format!(
                "{} {path}: answers {} anonymously, documented {}",
                method.to_uppercase(),
                reply.status.as_u16(),
                if public { "public" } else { "signed in" }
            ));
        }
        if !public && operation["responses"].get("401").is_none() {
            wrong.push(format!("{} {path} documents no 401", method.to_uppercase()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[tokio::test]
async fn refusals_are_documented_as_problem_json_with_400_everywhere() {
    let app = spawn_app().await;
    let document = app
        .get("/api/openapi.json", As::Anonymous)
        .await
        .expect(200)
        .json();
    for (method, path, operation) in operations(&document) {
        if path == "/healthz" || path == "/api/openapi.json" {
            continue;
        }
        let responses = operation["responses"].as_object().unwrap();
        assert!(
            responses.contains_key("400"),
            "{method} {path} documents no 400"
        );
        for (code, response) in responses {
            if code.starts_with('4') || code.starts_with('5') {
                let content = response["content"].as_object().unwrap();
                assert!(
                    content.contains_key("application/problem+json")
                        && !content.contains_key("application/json"),
                    "{method} {path} {code}: {content:?}"
                );
            }
        }
    }
    // The limited operations say so.
    for (method, path) in [
        ("post", "/api/v1/events/{event}/registrations"),
        ("post", "/api/v1/members/applications"),
    ] {
        assert!(
            document["paths"][path][method]["responses"]
                .get("429")
                .is_some(),
            "{method} {path} documents no 429"
        );
    }
}

#[tokio::test]
async fn pagination_bounds_and_enum_values_are_those_the_server_takes() {
    let app = spawn_app().await;
    let document = app
        .get("/api/openapi.json", As::Anonymous)
        .await
        .expect(200)
        .json();
    let mut seen = 0;
    for (method, path, operation) in operations(&document) {
        for parameter in operation["parameters"].as_array().into_iter().flatten() {
            match parameter["name"].as_str().unwrap() {
                "limit" => {
                    seen += 1;
                    assert_eq!(parameter["schema"]["minimum"], 1, "{method} {path}");
                    assert_eq!(parameter["schema"]["maximum"], 500, "{method} {path}");
                }
                "offset" => assert_eq!(parameter["schema"]["minimum"], 0, "{method} {path}"),
                _ => {}
            }
        }
    }
    assert!(seen > 5, "lists take a limit");
    // Out of bounds is refused, as documented.
    for query in ["limit=0", "limit=501", "offset=-1"] {
        app.get(&format!("/api/v1/events?{query}"), As::Anonymous)
            .await
            .expect(422);
    }
    let role = &document["components"]["schemas"]["Role"];
    assert_eq!(
        role["enum"],
        serde_json::json!(["admin", "organizer", "rapporteur", "member"])
    );
    // And the server sends those values.
    let me = app
        .get("/api/v1/auth/me", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(me["role"], "organizer");
}
