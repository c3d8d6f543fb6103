//! What the route annotations cannot say by themselves, written into the OpenAPI document
//! once for every operation, so that it tells the truth about the server (tests/openapi.rs
//! holds the two together, and schemathesis checks the live server against it in CI):
//!
//! - who may call an operation: signed in (the document's default: a bearer token or the
//!   session cookie) or anyone, the operations in [`PUBLIC`] (where signing in is
//!   optional and may show more, such as drafts to organizers);
//! - refusals are `application/problem+json`, and every operation may answer 400 (a body,
//!   path or query that cannot be read) and 422; those that need a sign-in 401 and 403;
//!   those with a per-address limit 429;
//! - `limit` takes 1 to 500 (50 when left out) and `offset` 0 or more.

use serde_json::{Map, Value, json};

use crate::web::query::{DEFAULT_LIMIT, MAX_LIMIT};

/// Operations anyone may call, as `(method, path template)`.
pub const PUBLIC: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/api/openapi.json"),
    ("get", "/api/v1/events"),
    ("get", "/api/v1/events/{event}"),
    ("get", "/api/v1/events/{event}/sessions"),
    ("get", "/api/v1/events/{event}/report"),
    ("get", "/api/v1/sessions/{id}"),
    ("get", "/api/v1/sessions/{id}/participants"),
    ("get", "/api/v1/series"),
    ("get", "/api/v1/series/{series}"),
    ("get", "/api/v1/series/{series}/report"),
    ("get", "/api/v1/organizations"),
    ("get", "/api/v1/organizations/{id}"),
    ("get", "/api/v1/documents"),
    ("get", "/api/v1/documents/{id}"),
    ("get", "/api/v1/search"),
    ("get", "/api/v1/recommendations"),
    ("get", "/api/v1/recommendations/{id}"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/logout"),
    ("post", "/api/v1/auth/password-reset"),
    ("post", "/api/v1/auth/password-reset/{token}"),
    ("post", "/api/v1/auth/setup/{token}"),
    ("post", "/api/v1/events/{event}/registrations"),
    ("post", "/api/v1/members/applications"),
    ("post", "/invitations/{token}/accept"),
    ("post", "/invitations/{token}/decline"),
];

/// Operations refused with 429 past a per-address limit.
pub const LIMITED: &[(&str, &str)] = &[
    ("post", "/api/v1/events/{event}/registrations"),
    ("post", "/api/v1/members/applications"),
    ("post", "/api/v1/auth/password-reset"),
    ("post", "/api/v1/auth/login"),
];

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
const PROBLEM: &str = "application/problem+json";

/// Writes the rules above into a generated document.
pub fn make_true(document: &mut Value) {
    let Some(paths) = document.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            if !METHODS.contains(&method.as_str()) {
                continue;
            }
            let Some(operation) = operation.as_object_mut() else {
                continue;
            };
            let key = (method.as_str(), path.as_str());
            let public = PUBLIC.contains(&key);
            if public {
                // Anyone; a sign-in is optional.
                operation.insert(
                    "security".into(),
                    json!([{}, {"bearer": []}, {"session_cookie": []}]),
                );
            }
            bound_pagination(operation);
            let responses = operation
                .entry("responses")
                .or_insert_with(|| Value::Object(Map::new()));
            let Some(responses) = responses.as_object_mut() else {
                continue;
            };
            for refusal in responses
                .iter_mut()
                .filter(|(code, _)| code.starts_with('4') || code.starts_with('5'))
                .map(|(_, response)| response)
            {
                as_problem(refusal);
            }
            if path == "/healthz" || path == "/api/openapi.json" {
                continue;
            }
            refusal(
                responses,
                "400",
                "The request cannot be read: malformed JSON, a path or query that is not UTF-8 or holds a NUL character",
            );
            refusal(
                responses,
                "422",
                "The input is not valid; `errors` names each field",
            );
            if !public {
                refusal(responses, "401", "Not signed in");
                refusal(responses, "403", "Signed in, without the role this needs");
            }
            if LIMITED.contains(&key) {
                refusal(
                    responses,
                    "429",
                    "Too many requests from this address; `Retry-After` says when to try again",
                );
            }
        }
    }
}

/// A refusal answering a Problem, unless the operation documents that code already.
fn refusal(responses: &mut Map<String, Value>, code: &str, description: &str) {
    if !responses.contains_key(code) {
        responses.insert(
            code.into(),
            json!({
                "description": description,
                "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
            }),
        );
    }
}

/// A refusal's body is sent as `application/problem+json`.
fn as_problem(response: &mut Value) {
    let Some(content) = response.get_mut("content").and_then(Value::as_object_mut) else {
        return;
    };
    if let Some(body) = content.remove("application/json") {
        content.insert(PROBLEM.into(), body);
    }
}

/// `limit` and `offset` with the bounds the server holds them to.
fn bound_pagination(operation: &mut Map<String, Value>) {
    let Some(parameters) = operation
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for parameter in parameters {
        let schema = match parameter["name"].as_str() {
            Some("limit") => json!({
                "type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT
            }),
            Some("offset") => json!({
                "type": "integer", "minimum": 0, "maximum": i64::MAX, "default": 0
            }),
            _ => continue,
        };
        parameter["schema"] = schema;
    }
}
