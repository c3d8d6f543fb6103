//! `GET /metrics`: the Prometheus text format for an admin (401 anonymous, 403 others) or
//! anyone when `metrics.public`; requests counted by route template, never by a path that
//! names an event or holds a token; registrations, mail failures, the outbox by status and
//! the database pool. Runs on SQLite, or on PostgreSQL when `ROUNDTABLE_TEST_POSTGRES`
//! names a server.
//!
//! The recorder is the process's, shared by every test here: tests read counters as
//! differences, and only one test registers and only one delivers mail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::http::header;
use chrono::Duration;
use common::fixtures::slug;
use common::{As, Reply, TestApp, spawn_app, spawn_app_with};
use roundtable::mail::worker::Worker;
use roundtable::mail::{Envelope, MailKind, outbox};
use serde_json::json;

const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4";

type Labels = BTreeMap<String, String>;

/// The samples of a metric in a scrape: each line `name{labels} value`.
fn samples(body: &str, name: &str) -> Vec<(Labels, f64)> {
    body.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix(name)?;
            let (labels, value) = match rest.strip_prefix('{') {
                Some(rest) => rest.split_once("} ")?,
                None => ("", rest.strip_prefix(' ')?),
            };
            let labels = labels
                .split("\",")
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (key, value) = pair.split_once("=\"").expect("label=\"value\"");
                    (key.to_string(), value.trim_end_matches('"').to_string())
                })
                .collect();
            Some((labels, value.trim().parse().expect("a number")))
        })
        .collect()
}

/// The value of the sample of `name` whose labels include `wanted` (0 when none).
fn value(body: &str, name: &str, wanted: &[(&str, &str)]) -> f64 {
    samples(body, name)
        .into_iter()
        .filter(|(labels, _)| {
            wanted
                .iter()
                .all(|(k, v)| labels.get(*k).map(String::as_str) == Some(*v))
        })
        .map(|(_, value)| value)
        .sum()
}

async fn scrape(app: &TestApp) -> String {
    let reply = app.get("/metrics", As::Token(&app.admin)).await.expect(200);
    assert_eq!(
        reply.headers.get(header::CONTENT_TYPE).unwrap(),
        PROMETHEUS_TEXT
    );
    reply.text()
}

#[track_caller]
fn assert_problem(reply: Reply, status: u16) {
    let reply = reply.expect(status);
    assert_eq!(
        reply.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/problem+json"
    );
    assert_eq!(reply.json()["status"], status);
}

/// A published event to come, open to registration; returns its slug.
async fn open_event(app: &TestApp, title: &str) -> String {
    let slug = slug(
        &app.event_with(json!({"title": title, "subtitle": null,
                               "starts_on": "2037-06-03", "ends_on": "2037-06-04"}))
            .await,
    );
    app.publish(&slug).await;
    slug
}

fn envelope(i: usize) -> Envelope {
    Envelope {
        kind: MailKind::Invitation,
        recipient_email: format!("person{i}@example.org"),
        recipient_name: format!("Person {i}"),
        subject: format!("Message {i}"),
        text: format!("Body {i}"),
        html: format!("<p>Body {i}</p>"),
        calendar: None,
        event_id: None,
        session_id: None,
        person_id: None,
        coalesce_key: None,
        delay: Duration::zero(),
    }
}

#[tokio::test]
async fn metrics_are_refused_to_anonymous_callers_and_to_anyone_but_an_admin() {
    let app = spawn_app().await;
    assert_problem(app.get("/metrics", As::Anonymous).await, 401);
    assert_problem(app.get("/metrics", As::Token("not-a-token")).await, 401);
    assert_problem(app.get("/metrics", app.org()).await, 403);
    assert_problem(app.get("/metrics", app.member_token()).await, 403);
    scrape(&app).await;
}

#[tokio::test]
async fn anyone_reads_the_metrics_when_they_are_public() {
    let app = spawn_app_with(|settings| settings.metrics.public = true).await;
    let reply = app.get("/metrics", As::Anonymous).await.expect(200);
    assert_eq!(
        reply.headers.get(header::CONTENT_TYPE).unwrap(),
        PROMETHEUS_TEXT
    );
    assert!(reply.text().contains("roundtable_outbox_messages"));
}

#[tokio::test]
async fn requests_are_counted_and_timed_by_route_template_never_by_path() {
    let app = spawn_app().await;
    let slug = open_event(&app, "Metrics Conference on Route Templates").await;
    let route = [
        ("route", "/api/v1/events/{event}"),
        ("method", "GET"),
        ("status", "200"),
    ];
    let before = value(
        &scrape(&app).await,
        "roundtable_http_requests_total",
        &route,
    );

    for _ in 0..3 {
        app.get(&format!("/api/v1/events/{slug}"), As::Anonymous)
            .await
            .expect(200);
    }
    let secret = "rt-secret-registration-token-123";
    app.get(&format!("/registrations/{secret}"), As::Anonymous)
        .await;
    app.get("/no/such/page/at/all", As::Anonymous)
        .await
        .expect(404);
    let body = scrape(&app).await;

    assert_eq!(
        value(&body, "roundtable_http_requests_total", &route),
        before + 3.0,
        "{body}"
    );
    let timed = [("route", "/api/v1/events/{event}"), ("le", "+Inf")];
    assert!(
        value(
            &body,
            "roundtable_http_request_duration_seconds_bucket",
            &timed
        ) >= 3.0
    );
    assert!(
        value(
            &body,
            "roundtable_http_requests_total",
            &[("route", "/registrations/{token}")]
        ) >= 1.0
    );
    assert!(
        value(
            &body,
            "roundtable_http_requests_total",
            &[("route", "unmatched"), ("status", "404")]
        ) >= 1.0
    );
    assert!(!body.contains(&slug), "a concrete slug is a label: {body}");
    assert!(!body.contains(secret), "a token is a label");
    assert!(
        !body.contains("/no/such/page"),
        "an unknown path is a label"
    );
    assert!(
        samples(&body, "roundtable_http_requests_total")
            .iter()
            .all(|(labels, _)| labels["route"] != "/metrics"),
        "scrapes are counted"
    );
    assert!(body.contains("# TYPE roundtable_http_request_duration_seconds histogram"));

    let openapi = app
        .get("/api/openapi.json", As::Anonymous)
        .await
        .expect(200);
    assert!(openapi.json()["paths"].get("/metrics").is_none());
}

#[tokio::test]
async fn a_registration_counts_once_in_the_registrations_counter() {
    let app = spawn_app().await;
    let slug = open_event(&app, "Metrics Conference on Registrations").await;
    let counter = "roundtable_registrations_created_total";
    let before = value(&scrape(&app).await, counter, &[]);

    let body = json!({"given_name": "Ana", "family_name": "LIMA",
                      "email": "ana.lima@example.org", "consent": true});
    let path = format!("/api/v1/events/{slug}/registrations");
    app.post(&path, As::Anonymous, &body).await.expect(201);
    // Refused (already registered): nothing created, nothing counted.
    app.post(&path, As::Anonymous, &body).await.expect(409);

    let scraped = scrape(&app).await;
    assert_eq!(value(&scraped, counter, &[]), before + 1.0, "{scraped}");
    assert!(value(&scraped, counter, &[("status", "confirmed")]) >= 1.0);
}

#[tokio::test]
async fn the_outbox_is_counted_by_status_when_scraped() {
    let app = spawn_app().await;
    for i in 0..2 {
        outbox::enqueue_alone(&app.db, envelope(i)).await.unwrap();
    }

    let body = scrape(&app).await;

    let gauge = "roundtable_outbox_messages";
    assert_eq!(value(&body, gauge, &[("status", "queued")]), 2.0, "{body}");
    for status in ["sending", "sent", "failed"] {
        assert_eq!(
            samples(&body, gauge)
                .iter()
                .filter(|(l, _)| l["status"] == status)
                .count(),
            1
        );
        assert_eq!(value(&body, gauge, &[("status", status)]), 0.0);
    }
    assert!(body.contains("# TYPE roundtable_outbox_messages gauge"));
    let max = f64::from(app.settings.database.max_connections);
    assert_eq!(value(&body, "roundtable_db_connections_max", &[]), max);
    let in_use = value(&body, "roundtable_db_connections", &[("state", "in_use")]);
    let idle = value(&body, "roundtable_db_connections", &[("state", "idle")]);
    assert!(in_use + idle >= 1.0 && in_use + idle <= max, "{body}");
}

#[tokio::test]
async fn a_failed_delivery_counts_in_the_mail_failures_counter() {
    let app = spawn_app().await;
    outbox::enqueue_alone(&app.db, envelope(1)).await.unwrap();
    // No mail server listens on port 1: the try fails at once, to be tried again.
    let mut settings = (*app.settings).clone();
    settings.mail.url = "smtp://127.0.0.1:1".into();
    let worker = Worker::new(app.db.clone(), Arc::new(settings)).unwrap();
    let counter = "roundtable_mail_delivery_failures_total";
    let before = value(&scrape(&app).await, counter, &[]);

    assert_eq!(worker.deliver_due().await.unwrap(), 0);

    let body = scrape(&app).await;
    assert_eq!(value(&body, counter, &[]), before + 1.0, "{body}");
    assert!(value(&body, counter, &[("permanent", "false")]) >= 1.0);
    assert_eq!(
        value(&body, "roundtable_outbox_messages", &[("status", "queued")]),
        1.0,
        "the message waits for its next try"
    );
}
