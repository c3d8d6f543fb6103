//! Registration, end to end: capacity and the waitlist under concurrency, the modes and
//! windows that refuse, approval, the mail of every transition (delivered over SMTP and
//! parsed back, links followed), the pages (form, registrant's page, organizers' table),
//! the CSV export and the per-address limit. Runs on SQLite, or on PostgreSQL when
//! `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, header};
use common::fixtures::slug;
use common::smtp::{Received, SmtpSink};
use common::{As, Reply, TEST_PASSWORD, TestApp, spawn_app, spawn_app_with, with_cookies_from};
use http_body_util::BodyExt;
use mail_parser::{Message, MessageParser, MimeHeaders};
use roundtable::mail::worker::Worker;
use serde_json::{Value, json};
use tower::ServiceExt;

// ----- Helpers -----

/// Creates a draft event, sets its capacity and registration through PATCH, and
/// publishes it; returns its slug.
async fn event_with(
    app: &TestApp,
    title: &str,
    capacity: Option<i64>,
    registration: Value,
) -> String {
    let slug = draft_event(app, title).await;
    app.publish_with(
        &slug,
        json!({"capacity": capacity, "registration": registration}),
    )
    .await;
    slug
}

/// A draft conference in Brussels, June 2037 (to come, so that it takes registrations);
/// returns its slug.
async fn draft_event(app: &TestApp, title: &str) -> String {
    slug(
        &app.event_with(json!({"title": title, "subtitle": null,
                               "starts_on": "2037-06-03", "ends_on": "2037-06-04"}))
            .await,
    )
}

fn registrations_path(slug: &str) -> String {
    format!("/api/v1/events/{slug}/registrations")
}

/// A valid registration for person `n`.
fn person(n: usize) -> Value {
    json!({
        "given_name": format!("Given{n}"),
        "family_name": format!("FAMILY{n}"),
        "email": format!("person{n}@example.org"),
        "consent": true
    })
}

fn named(given: &str, family: &str, email: &str) -> Value {
    json!({"given_name": given, "family_name": family, "email": email, "consent": true})
}

async fn register(app: &TestApp, slug: &str, body: &Value) -> Reply {
    app.post(&registrations_path(slug), As::Anonymous, body)
        .await
}

/// The event's registrations as its organizers see them, in order of registration.
async fn listed(app: &TestApp, slug: &str) -> Vec<Value> {
    app.get(&registrations_path(slug), app.org())
        .await
        .expect(200)
        .json()["items"]
        .as_array()
        .unwrap()
        .clone()
}

async fn csv_of(app: &TestApp, slug: &str) -> Reply {
    app.get(
        &format!("/api/v1/events/{slug}/registrations.csv"),
        app.org(),
    )
    .await
    .expect(200)
}

fn statuses(items: &[Value]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for item in items {
        *counts
            .entry(item["status"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    counts
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

/// The path of a manage URL (`{public_url}/registrations/{token}`).
fn manage_path(url: &str) -> String {
    let (_, token) = url.split_once("/registrations/").expect("a manage URL");
    format!("/registrations/{token}")
}

async fn outbox_count(app: &TestApp, kind: &str) -> i64 {
    app.count(&format!("outbox WHERE kind = '{kind}'")).await
}

/// The same POST from many tasks at once; see [`at_once`].
async fn all_at_once(app: &TestApp, path: &str, bodies: Vec<Option<Value>>) -> Vec<(u16, Value)> {
    at_once(
        app,
        bodies.into_iter().map(|b| (path.to_string(), b)).collect(),
    )
    .await
}

/// POSTs from many tasks at once (on the multi-thread runtime), each on its own clone
/// of the router, released together; the organizer's token goes with the organizers'
/// routes. The replies come back in the order of the requests.
async fn at_once(app: &TestApp, requests: Vec<(String, Option<Value>)>) -> Vec<(u16, Value)> {
    let barrier = Arc::new(tokio::sync::Barrier::new(requests.len()));
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|(path, body)| {
            let router = app.router.clone();
            let barrier = barrier.clone();
            let mut request = Request::builder().method(Method::POST).uri(&path);
            if body.is_some() {
                request = request.header(header::CONTENT_TYPE, "application/json");
            }
            if path.starts_with("/api/v1/registrations/") {
                request =
                    request.header(header::AUTHORIZATION, format!("Bearer {}", app.organizer));
            }
            let request = request
                .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
                .unwrap();
            tokio::spawn(async move {
                barrier.wait().await;
                let response = router.oneshot(request).await.unwrap();
                let status = response.status().as_u16();
                let bytes = response.into_body().collect().await.unwrap().to_bytes();
                (
                    status,
                    serde_json::from_slice(&bytes).unwrap_or(Value::Null),
                )
            })
        })
        .collect();
    let mut replies = Vec::new();
    for task in tasks {
        replies.push(task.await.unwrap());
    }
    replies
}

/// A POST of JSON as if from `address` (behind a trusted proxy).
async fn post_from(app: &TestApp, path: &str, address: &str, body: &Value) -> u16 {
    let request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-forwarded-for", address)
        .body(Body::from(body.to_string()))
        .unwrap();
    app.router
        .clone()
        .oneshot(request)
        .await
        .unwrap()
        .status()
        .as_u16()
}

// ----- Mail -----

/// The outbox worker delivering to a test SMTP server, and what arrived since last time.
struct Mailbox {
    sink: SmtpSink,
    worker: Worker,
    seen: usize,
}

impl Mailbox {
    async fn new(app: &TestApp) -> Self {
        let sink = SmtpSink::start().await;
        let mut settings = (*app.settings).clone();
        settings.mail.url = sink.url();
        let worker = Worker::new(app.db.clone(), Arc::new(settings)).unwrap();
        Self {
            sink,
            worker,
            seen: 0,
        }
    }

    /// Delivers what is due; returns the messages received since the last call.
    async fn deliver(&mut self) -> Vec<Received> {
        self.worker.deliver_due().await.unwrap();
        let all = self.sink.messages();
        let new = all[self.seen..].to_vec();
        self.seen = all.len();
        new
    }
}

fn parse(received: &Received) -> Message<'static> {
    MessageParser::default()
        .parse(&received.data)
        .expect("a parsable message")
        .into_owned()
}

#[track_caller]
fn only_mail_to(received: &[Received], email: &str) -> Message<'static> {
    let mails: Vec<_> = received
        .iter()
        .filter(|r| r.to.iter().any(|t| t.contains(email)))
        .collect();
    assert_eq!(mails.len(), 1, "one message to {email}");
    parse(mails[0])
}

fn content_type(part: &mail_parser::MessagePart<'_>) -> String {
    part.content_type()
        .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")))
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn part<'a>(message: &'a Message<'_>, ct: &str) -> Option<&'a mail_parser::MessagePart<'a>> {
    message.parts.iter().find(|p| content_type(p) == ct)
}

#[track_caller]
fn text_of(message: &Message<'_>) -> String {
    part(message, "text/plain")
        .and_then(|p| p.text_contents())
        .expect("a text/plain part")
        .to_string()
}

/// The `method=` of the `text/calendar` part, if there is one.
fn calendar_method(message: &Message<'_>) -> Option<String> {
    part(message, "text/calendar")
        .and_then(|p| p.content_type())
        .and_then(|c| c.attribute("method"))
        .map(str::to_string)
}

/// The manage link of a registration mail.
#[track_caller]
fn manage_link(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("Your registration page (status, calendar, cancel): "))
        .map(|l| l.trim().to_string())
        .unwrap_or_else(|| panic!("a manage link in {text}"))
}

/// Checks a registration mail: its subject, its manage link (which opens the page
/// showing `status`), and a PUBLISH calendar exactly when `with_calendar`.
async fn check_mail(
    app: &TestApp,
    message: &Message<'_>,
    subject: &str,
    status: &str,
    with_calendar: bool,
) -> String {
    assert_eq!(message.subject(), Some(subject));
    let text = text_of(message);
    let link = manage_link(&text);
    let public = app.settings.server.public_url.trim_end_matches('/');
    assert!(
        link.starts_with(&format!("{public}/registrations/")),
        "{link}"
    );
    let html = part(message, "text/html")
        .and_then(|p| p.text_contents())
        .expect("an HTML part");
    assert!(
        html.contains(&link),
        "the HTML carries the link too: {html}"
    );
    let page = app
        .get_page(&link.replacen(public, "", 1), None)
        .await
        .page(200)
        .text();
    assert!(
        page.contains(&format!(">{}</span>", capitalized(status))),
        "the page of {subject} shows {status}: {page}"
    );
    if with_calendar {
        assert_eq!(
            calendar_method(message).as_deref(),
            Some("PUBLISH"),
            "{subject}"
        );
        let ics = part(message, "text/calendar")
            .and_then(|p| p.text_contents())
            .unwrap()
            .replace("\r\n ", "");
        assert!(ics.contains("METHOD:PUBLISH"), "{ics}");
        assert!(
            ics.contains("Opening plenary"),
            "the event's sessions: {ics}"
        );
    } else {
        assert_eq!(calendar_method(message), None, "{subject}: no calendar");
    }
    link
}

// ----- Capacity under concurrency -----

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn a_hundred_simultaneous_registrations_for_ten_seats_confirm_ten_and_waitlist_ninety_in_arrival_order_and_a_cancel_promotes_exactly_the_first_waiting()
 {
    let app = spawn_app_with(|s| s.registration.per_address_per_minute = 0).await;
    let slug = event_with(&app, "Ten seats", Some(10), json!({"waitlist": true})).await;

    let replies = all_at_once(
        &app,
        &registrations_path(&slug),
        (0..100).map(|n| Some(person(n))).collect(),
    )
    .await;
    assert!(
        replies.iter().all(|(status, _)| *status == 201),
        "{replies:?}"
    );
    let answered: HashMap<i64, (String, String)> = replies
        .iter()
        .map(|(_, body)| {
            (
                body["id"].as_i64().unwrap(),
                (
                    body["status"].as_str().unwrap().to_string(),
                    body["manage_url"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    assert_eq!(answered.len(), 100);

    let items = listed(&app, &slug).await;
    assert_eq!(
        statuses(&items),
        counts(&[("confirmed", 10), ("waitlisted", 90)])
    );
    // In arrival (id) order: the first ten are confirmed, every later one waits.
    let ids: Vec<i64> = items.iter().map(|i| i["id"].as_i64().unwrap()).collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "listed in order: {ids:?}"
    );
    for (i, item) in items.iter().enumerate() {
        let expected = if i < 10 { "confirmed" } else { "waitlisted" };
        assert_eq!(item["status"], expected, "{item}");
        // Each registrant was told what the list says.
        assert_eq!(answered[&item["id"].as_i64().unwrap()].0, expected);
    }
    assert_eq!(outbox_count(&app, "registration_confirmed").await, 10);
    assert_eq!(outbox_count(&app, "registration_waitlisted").await, 90);

    // A confirmed registrant cancels through their manage link: exactly one promotion,
    // of the longest-waiting person.
    let leaving = items[3]["id"].as_i64().unwrap();
    let first_waiting = items[10]["id"].as_i64().unwrap();
    let cancel = format!("{}/cancel", manage_path(&answered[&leaving].1));
    let cancelled = app
        .request(Method::POST, &cancel, As::Anonymous, None, None)
        .await
        .expect(200)
        .json();
    assert_eq!(cancelled, json!({"id": leaving, "status": "cancelled"}));

    let after = listed(&app, &slug).await;
    assert_eq!(
        statuses(&after),
        counts(&[("cancelled", 1), ("confirmed", 10), ("waitlisted", 89)])
    );
    let promoted = after.iter().find(|i| i["id"] == first_waiting).unwrap();
    assert_eq!(promoted["status"], "confirmed");
    assert!(
        after
            .iter()
            .filter(|i| i["id"].as_i64().unwrap() > first_waiting)
            .all(|i| i["status"] == "waitlisted")
    );
    assert_eq!(outbox_count(&app, "registration_promoted").await, 1);
    assert_eq!(outbox_count(&app, "registration_cancelled").await, 1);
    let page = app
        .get_page(&manage_path(&answered[&first_waiting].1), None)
        .await
        .page(200)
        .text();
    assert!(page.contains(">Confirmed</span>"), "{page}");

    // Cancelling again changes nothing and promotes nobody else.
    app.request(Method::POST, &cancel, As::Anonymous, None, None)
        .await
        .expect(200);
    assert_eq!(statuses(&listed(&app, &slug).await), statuses(&after));
    assert_eq!(outbox_count(&app, "registration_promoted").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn a_hundred_simultaneous_registrations_for_ten_seats_without_a_waitlist_confirm_ten_and_refuse_ninety_with_409()
 {
    let app = spawn_app_with(|s| s.registration.per_address_per_minute = 0).await;
    let slug = event_with(&app, "Ten seats only", Some(10), json!({"waitlist": false})).await;

    let replies = all_at_once(
        &app,
        &registrations_path(&slug),
        (0..100).map(|n| Some(person(n))).collect(),
    )
    .await;
    let created: Vec<_> = replies.iter().filter(|(s, _)| *s == 201).collect();
    let refused: Vec<_> = replies.iter().filter(|(s, _)| *s == 409).collect();
    assert_eq!((created.len(), refused.len()), (10, 90), "{replies:?}");
    assert!(created.iter().all(|(_, b)| b["status"] == "confirmed"));
    assert!(
        refused
            .iter()
            .all(|(_, b)| b["detail"].as_str().unwrap().contains("full")),
        "{refused:?}"
    );
    let items = listed(&app, &slug).await;
    assert_eq!(statuses(&items), counts(&[("confirmed", 10)]));
    assert_eq!(
        app.count("registrations").await,
        10,
        "the refused wrote nothing"
    );
    assert_eq!(outbox_count(&app, "registration_confirmed").await, 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn registrations_for_several_events_at_once_each_get_their_own_answer() {
    // Requests that arrive together are registered in one transaction: refusals among
    // them write nothing and stop no one else, and each event keeps its own count.
    let app = spawn_app_with(|s| s.registration.per_address_per_minute = 0).await;
    let small = event_with(&app, "Five seats", Some(5), json!({"waitlist": true})).await;
    let strict = event_with(&app, "Three seats", Some(3), json!({"waitlist": false})).await;
    let mut requests = Vec::new();
    for n in 0..60 {
        let (path, body) = match n % 4 {
            0 => (registrations_path(&small), Some(person(n))),
            1 => (registrations_path(&strict), Some(person(n))),
            // No such event.
            2 => (registrations_path("no-such-event"), Some(person(n))),
            // Invalid: no email.
            _ => (
                registrations_path(&small),
                Some(json!({"given_name": "Kofi", "family_name": "ANNAN", "consent": true})),
            ),
        };
        requests.push((path, body));
    }
    let replies = at_once(&app, requests).await;
    let by_kind = |k: usize| -> Vec<&(u16, Value)> {
        replies
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 4 == k)
            .map(|(_, r)| r)
            .collect()
    };
    let small_replies = by_kind(0);
    assert!(
        small_replies.iter().all(|(s, _)| *s == 201),
        "{small_replies:?}"
    );
    let confirmed = small_replies
        .iter()
        .filter(|(_, b)| b["status"] == "confirmed")
        .count();
    assert_eq!((confirmed, small_replies.len() - confirmed), (5, 10));
    let strict_replies = by_kind(1);
    assert_eq!(strict_replies.iter().filter(|(s, _)| *s == 201).count(), 3);
    assert_eq!(strict_replies.iter().filter(|(s, _)| *s == 409).count(), 12);
    assert!(by_kind(2).iter().all(|(s, _)| *s == 404));
    assert!(by_kind(3).iter().all(|(s, _)| *s == 422));
    assert_eq!(
        statuses(&listed(&app, &small).await),
        counts(&[("confirmed", 5), ("waitlisted", 10)])
    );
    assert_eq!(
        statuses(&listed(&app, &strict).await),
        counts(&[("confirmed", 3)])
    );
    assert_eq!(
        app.count("registrations").await,
        18,
        "the refused wrote nothing"
    );
    assert_eq!(outbox_count(&app, "registration_confirmed").await, 8);
    assert_eq!(outbox_count(&app, "registration_waitlisted").await, 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn a_batch_the_database_fails_is_registered_again_one_by_one() {
    // The database refuses one registration (a trigger stands for any failure in the
    // middle of a batch, such as a race with another instance): the batch it was in is
    // rolled back whole, and each of its registrations made again on its own.
    use sea_orm::{ConnectionTrait, Statement};
    let app = spawn_app_with(|s| s.registration.per_address_per_minute = 0).await;
    let slug = event_with(&app, "Twenty seats", Some(20), json!({"waitlist": true})).await;
    let backend = app.db.backend();
    let statements: &[&str] = if backend == sea_orm::DatabaseBackend::Postgres {
        &[
            "CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN \
             IF NEW.email = 'person7@example.org' THEN RAISE EXCEPTION 'boom'; END IF; \
             RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_boom BEFORE INSERT ON registrations \
             FOR EACH ROW EXECUTE FUNCTION refuse_boom()",
        ]
    } else {
        &["CREATE TRIGGER refuse_boom BEFORE INSERT ON registrations \
           WHEN NEW.email = 'person7@example.org' BEGIN SELECT RAISE(ABORT, 'boom'); END"]
    };
    for sql in statements {
        app.db
            .conn()
            .execute_raw(Statement::from_string(backend, *sql))
            .await
            .unwrap();
    }
    // Another transaction holds the event while the requests arrive, so that they queue
    // and go in one batch when it lets go.
    let blocker = app.db.begin_write().await.unwrap();
    if backend == sea_orm::DatabaseBackend::Postgres {
        blocker
            .execute_raw(Statement::from_string(
                backend,
                format!("SELECT id FROM events WHERE slug = '{slug}' FOR UPDATE"),
            ))
            .await
            .unwrap();
    }
    let path = registrations_path(&slug);
    let (replies, ()) = tokio::join!(
        all_at_once(&app, &path, (0..24).map(|n| Some(person(n))).collect()),
        async {
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            drop(blocker);
        }
    );
    for (n, (status, body)) in replies.iter().enumerate() {
        if n == 7 {
            assert_ne!(*status, 201, "the refused: {body}");
        } else {
            assert_eq!(*status, 201, "person {n}: {body}");
        }
    }
    let items = listed(&app, &slug).await;
    assert_eq!(
        statuses(&items),
        counts(&[("confirmed", 20), ("waitlisted", 3)])
    );
    assert_eq!(app.count("registrations").await, 23);
    assert_eq!(
        app.count("registration_links").await,
        23,
        "one link each, no more"
    );
    assert_eq!(
        outbox_count(&app, "registration_confirmed").await
            + outbox_count(&app, "registration_waitlisted").await,
        23,
        "one mail each, none for the refused"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn the_same_email_sent_twenty_times_at_once_registers_once() {
    let app = spawn_app().await;
    let slug = event_with(&app, "One each", None, json!({})).await;
    let bodies = (0..20)
        .map(|n| {
            let email = if n % 2 == 0 {
                "Ama.Owusu@Example.org"
            } else {
                "ama.owusu@example.ORG"
            };
            Some(named("Ama", "OWUSU", email))
        })
        .collect();
    let replies = all_at_once(&app, &registrations_path(&slug), bodies).await;
    assert_eq!(
        replies.iter().filter(|(s, _)| *s == 201).count(),
        1,
        "{replies:?}"
    );
    assert_eq!(
        replies.iter().filter(|(s, _)| *s == 409).count(),
        19,
        "{replies:?}"
    );
    assert_eq!(app.count("registrations").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn cancelling_the_same_registration_many_times_at_once_cancels_it_once_and_promotes_one() {
    let app = spawn_app().await;
    let slug = event_with(&app, "One seat", Some(1), json!({"waitlist": true})).await;
    let first = register(&app, &slug, &person(1)).await.expect(201).json();
    for n in 2..5 {
        register(&app, &slug, &person(n)).await.expect(201);
    }
    let cancel = format!(
        "{}/cancel",
        manage_path(first["manage_url"].as_str().unwrap())
    );
    let replies = all_at_once(&app, &cancel, vec![None; 10]).await;
    assert!(
        replies
            .iter()
            .all(|(s, b)| *s == 200 && b["status"] == "cancelled"),
        "{replies:?}"
    );
    assert_eq!(
        statuses(&listed(&app, &slug).await),
        counts(&[("cancelled", 1), ("confirmed", 1), ("waitlisted", 2)])
    );
    assert_eq!(
        outbox_count(&app, "registration_cancelled").await,
        1,
        "one cancellation mail"
    );
    assert_eq!(outbox_count(&app, "registration_promoted").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn approving_the_same_registration_many_times_at_once_approves_it_once() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Approved once", Some(5), json!({"mode": "approval"})).await;
    let id = register(&app, &slug, &person(1)).await.expect(201).json()["id"]
        .as_i64()
        .unwrap();
    let replies = all_at_once(
        &app,
        &format!("/api/v1/registrations/{id}/approve"),
        vec![None; 10],
    )
    .await;
    assert_eq!(
        replies.iter().filter(|(s, _)| *s == 200).count(),
        1,
        "{replies:?}"
    );
    assert_eq!(
        replies.iter().filter(|(s, _)| *s == 409).count(),
        9,
        "{replies:?}"
    );
    assert_eq!(outbox_count(&app, "registration_approved").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn rejecting_a_waitlisted_person_while_a_cancel_promotes_them_never_leaves_a_seat_empty() {
    let app = spawn_app().await;
    for round in 0..10 {
        let slug = event_with(
            &app,
            &format!("Seat kept {round}"),
            Some(1),
            json!({"waitlist": true}),
        )
        .await;
        let first = register(&app, &slug, &person(1)).await.expect(201).json();
        let second = register(&app, &slug, &person(2)).await.expect(201).json();
        register(&app, &slug, &person(3)).await.expect(201);
        let cancel = format!(
            "{}/cancel",
            manage_path(first["manage_url"].as_str().unwrap())
        );
        let reject = format!("/api/v1/registrations/{}/reject", second["id"]);
        let replies = at_once(&app, vec![(cancel, None), (reject, None)]).await;
        assert_eq!(replies[0].0, 200);
        let items = listed(&app, &slug).await;
        // Whichever came first, the seat is taken: either the second was promoted (and
        // can no longer be rejected) or rejected (and the third promoted).
        assert_eq!(
            statuses(&items).get("confirmed"),
            Some(&1),
            "{items:?} {replies:?}"
        );
        match replies[1].0 {
            200 => assert_eq!(items[1]["status"], "rejected"),
            409 => assert_eq!(items[1]["status"], "confirmed"),
            other => panic!("reject answered {other}: {replies:?}"),
        }
    }
}

// ----- Refusals -----

#[tokio::test]
async fn the_same_email_in_any_case_registers_only_once_while_active() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Once", None, json!({})).await;
    let first = register(&app, &slug, &named("Ama", "OWUSU", "ama.owusu@example.org"))
        .await
        .expect(201)
        .json();
    let again = register(&app, &slug, &named("Ama", "Owusu", "AMA.OWUSU@Example.ORG"))
        .await
        .expect(409);
    assert!(
        again.json()["detail"]
            .as_str()
            .unwrap()
            .contains("already registered")
    );
    assert_eq!(app.count("registrations").await, 1);
    // Once cancelled, the same person may register again.
    app.request(
        Method::POST,
        &format!(
            "{}/cancel",
            manage_path(first["manage_url"].as_str().unwrap())
        ),
        As::Anonymous,
        None,
        None,
    )
    .await
    .expect(200);
    register(&app, &slug, &named("Ama", "OWUSU", "Ama.Owusu@example.org"))
        .await
        .expect(201);
    // Another event is another registration.
    let other = event_with(&app, "Another", None, json!({})).await;
    register(
        &app,
        &other,
        &named("Ama", "OWUSU", "ama.owusu@example.org"),
    )
    .await
    .expect(201);
}

#[tokio::test]
async fn bad_input_is_422_naming_each_field_and_writes_nothing() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Careful", None, json!({})).await;
    let refused = register(
        &app,
        &slug,
        &json!({"given_name": "  ", "family_name": "", "email": "not an email", "country": "XX", "consent": false}),
    )
    .await;
    let mut fields = refused.error_fields();
    fields.sort();
    assert_eq!(
        fields,
        ["consent", "country", "email", "family_name", "given_name"]
    );
    let missing = register(&app, &slug, &json!({})).await;
    assert_eq!(
        missing.error_fields(),
        ["given_name", "family_name", "email", "consent"]
    );
    let no_consent = register(
        &app,
        &slug,
        &json!({"given_name": "Ama", "family_name": "OWUSU", "email": "ama@example.org"}),
    )
    .await;
    assert_eq!(no_consent.error_fields(), ["consent"]);
    let too_long = register(
        &app,
        &slug,
        &json!({"given_name": "A".repeat(121), "family_name": "OWUSU", "email": "ama@example.org", "consent": true, "needs": "x".repeat(2001)}),
    )
    .await;
    assert_eq!(too_long.error_fields(), ["given_name", "needs"]);
    // Not JSON, or fields that do not exist: refused too.
    let garbled = app
        .post_raw(
            &registrations_path(&slug),
            As::Anonymous,
            "{\"given_name\": ",
        )
        .await;
    assert!(
        matches!(garbled.status.as_u16(), 400 | 422),
        "{}",
        garbled.text()
    );
    let unknown = register(&app, &slug, &json!({"given_name": "Ama", "family_name": "OWUSU", "email": "ama@example.org", "consent": true, "status": "confirmed"})).await;
    assert!(
        matches!(unknown.status.as_u16(), 400 | 422),
        "{}",
        unknown.text()
    );
    // Control characters (NUL, which PostgreSQL refuses in text) are refused, not a 500.
    let nul = register(
        &app,
        &slug,
        &json!({"given_name": "Ama\u{0}", "family_name": "OWUSU", "email": "ama@example.org", "organization": "A\u{0}B", "needs": "a\u{0}b", "consent": true}),
    )
    .await;
    assert_eq!(nul.error_fields(), ["given_name", "needs", "organization"]);
    assert_eq!(app.count("registrations").await, 0);
    assert_eq!(app.count("outbox").await, 0);
}

#[tokio::test]
async fn closed_not_yet_open_past_closing_invite_only_and_cancelled_events_refuse_with_409_and_drafts_are_404()
 {
    let app = spawn_app().await;
    let cases = [
        ("Closed", json!({"mode": "closed"}), "closed"),
        (
            "Not yet",
            json!({"opens_at": "2100-01-01T09:00:00"}),
            "opens",
        ),
        (
            "Too late",
            json!({"opens_at": "2009-01-01T09:00:00", "closes_at": "2009-05-01T09:00:00"}),
            "closed",
        ),
        (
            "By invitation",
            json!({"mode": "invite-only"}),
            "invitation",
        ),
    ];
    for (title, registration, why) in cases {
        let slug = event_with(&app, title, None, registration).await;
        let refused = register(&app, &slug, &person(1)).await.expect(409);
        let detail = refused.json()["detail"].as_str().unwrap().to_string();
        assert!(detail.contains(why), "{title}: {detail}");
    }
    let by_invitation = "by-invitation";
    register(&app, by_invitation, &json!({"given_name": "Ama", "family_name": "OWUSU", "email": "ama@example.org", "consent": true, "invitation": "not-a-token"}))
        .await
        .expect(409);

    let draft = draft_event(&app, "Still a draft").await;
    register(&app, &draft, &person(1)).await.expect(404);
    register(&app, "no-such-event", &person(1))
        .await
        .expect(404);

    let cancelled = event_with(&app, "Called off", None, json!({})).await;
    app.post(
        &format!("/api/v1/events/{cancelled}/cancel"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let refused = register(&app, &cancelled, &person(1)).await.expect(409);
    assert!(
        refused.json()["detail"]
            .as_str()
            .unwrap()
            .contains("cancelled")
    );

    // A window that is open now takes registrations.
    let open = event_with(
        &app,
        "Open now",
        None,
        json!({"opens_at": "2009-01-01T09:00:00", "closes_at": "2100-01-01T09:00:00"}),
    )
    .await;
    register(&app, &open, &person(1)).await.expect(201);
    assert_eq!(app.count("registrations").await, 1);
}

#[tokio::test]
async fn an_invite_only_event_takes_the_registration_of_someone_with_a_valid_invitation() {
    let app = spawn_app().await;
    let mut mailbox = Mailbox::new(&app).await;
    let slug = event_with(
        &app,
        "Closed doors",
        Some(20),
        json!({"mode": "invite-only"}),
    )
    .await;
    let invitee = app
        .person_with_email(
            "Ms",
            "Corlett",
            "Letlojane",
            "corlett.letlojane@example.org",
        )
        .await;
    app.post(
        &format!("/api/v1/events/{slug}/invitations"),
        app.org(),
        &json!({"person_ids": [invitee]}),
    )
    .await
    .expect(202);
    let mails = mailbox.deliver().await;
    let text = text_of(&only_mail_to(&mails, "corlett.letlojane@example.org"));
    let link = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Accept:"))
        .expect("an Accept: line")
        .trim()
        .to_string();
    let token = link
        .split("/invitations/")
        .nth(1)
        .unwrap()
        .split(['?', '#', '/'])
        .next()
        .unwrap()
        .to_string();

    // The event page, reached with the invitation, shows the form.
    let page = app
        .get_page(&format!("/events/{slug}?invitation={token}"), None)
        .await
        .page(200)
        .text();
    assert!(
        page.contains(&format!("name=\"invitation\" value=\"{token}\"")),
        "{page}"
    );
    let without = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    assert!(without.contains("by invitation only"), "{without}");

    let mut body = named("Corlett", "LETLOJANE", "corlett.letlojane@example.org");
    body["invitation"] = json!(token);
    let registered = register(&app, &slug, &body).await.expect(201).json();
    assert_eq!(registered["status"], "confirmed");
    // Without it, or with an invitation to another event, still refused.
    register(&app, &slug, &person(2)).await.expect(409);
    let other = event_with(&app, "Other doors", None, json!({"mode": "invite-only"})).await;
    let mut elsewhere = person(3);
    elsewhere["invitation"] = json!(token);
    register(&app, &other, &elsewhere).await.expect(409);
    assert_eq!(app.count("registrations").await, 1);
}

#[tokio::test]
async fn approval_mode_gives_pending_then_approve_confirms_or_waitlists_when_full_and_reject_rejects()
 {
    let app = spawn_app().await;
    let slug = event_with(
        &app,
        "Vetted",
        Some(1),
        json!({"mode": "approval", "waitlist": true}),
    )
    .await;
    let mut ids = Vec::new();
    for n in 0..4 {
        let reply = register(&app, &slug, &person(n)).await.expect(201).json();
        assert_eq!(reply["status"], "pending");
        ids.push(reply["id"].as_i64().unwrap());
    }
    let approve = |id: i64| format!("/api/v1/registrations/{id}/approve");
    let reject = |id: i64| format!("/api/v1/registrations/{id}/reject");
    let first = app
        .post(&approve(ids[0]), app.org(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(first["status"], "confirmed");
    assert!(
        first.get("needs").is_some(),
        "organizers see the needs field"
    );
    let second = app
        .post(&approve(ids[1]), app.org(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(second["status"], "waitlisted", "the event is full");
    let third = app
        .post(&reject(ids[2]), app.org(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(third["status"], "rejected");

    // Approving what is not pending is a conflict; so is rejecting a confirmed one.
    app.post(&approve(ids[0]), app.org(), &json!({}))
        .await
        .expect(409);
    app.post(&approve(ids[2]), app.org(), &json!({}))
        .await
        .expect(409);
    app.post(&reject(ids[0]), app.org(), &json!({}))
        .await
        .expect(409);
    app.post(&approve(999_999), app.org(), &json!({}))
        .await
        .expect(404);
    app.post("/api/v1/registrations/abc/approve", app.org(), &json!({}))
        .await
        .expect(404);
    // A waitlisted one can be rejected.
    app.post(&reject(ids[1]), app.org(), &json!({}))
        .await
        .expect(200);

    let listed = app
        .get(
            &format!("{}?status=pending", registrations_path(&slug)),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["id"], ids[3]);
    app.get(
        &format!("{}?status=lost", registrations_path(&slug)),
        app.org(),
    )
    .await
    .expect(422);

    // Full, without a waitlist: approving is refused.
    let strict = event_with(&app, "Strict", Some(1), json!({"mode": "approval"})).await;
    let a = register(&app, &strict, &person(10))
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let b = register(&app, &strict, &person(11))
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    app.post(&approve(a), app.org(), &json!({}))
        .await
        .expect(200);
    let full = app
        .post(&approve(b), app.org(), &json!({}))
        .await
        .expect(409);
    assert!(full.json()["detail"].as_str().unwrap().contains("full"));
    let still = listed_status(&app, &strict, b).await;
    assert_eq!(still, "pending");
}

async fn listed_status(app: &TestApp, slug: &str, id: i64) -> String {
    listed(app, slug)
        .await
        .into_iter()
        .find(|i| i["id"] == id)
        .unwrap()["status"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn members_get_403_and_anonymous_visitors_401_on_the_organizer_routes() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Guarded", None, json!({"mode": "approval"})).await;
    let id = register(&app, &slug, &person(1)).await.expect(201).json()["id"]
        .as_i64()
        .unwrap();
    let gets = [
        registrations_path(&slug),
        format!("/api/v1/events/{slug}/registrations.csv"),
    ];
    let posts = [
        format!("/api/v1/registrations/{id}/approve"),
        format!("/api/v1/registrations/{id}/reject"),
    ];
    for path in &gets {
        app.get(path, app.member_token()).await.expect(403);
        app.get(path, As::Anonymous).await.expect(401);
    }
    for path in &posts {
        app.post(path, app.member_token(), &json!({}))
            .await
            .expect(403);
        app.post(path, As::Anonymous, &json!({})).await.expect(401);
    }
    assert_eq!(listed_status(&app, &slug, id).await, "pending");
    // The organizers' pages are no member's either.
    let member = app.sign_in("member@example.org", TEST_PASSWORD).await;
    let page = app
        .get_page(
            &format!("/organize/events/{slug}/registrations"),
            Some(&member),
        )
        .await;
    assert_eq!(page.status.as_u16(), 403, "{}", page.text());
    assert!(!page.text().contains("person1@example.org"));
    let csv = app
        .get_page(
            &format!("/organize/events/{slug}/registrations.csv"),
            Some(&member),
        )
        .await;
    assert_eq!(csv.status.as_u16(), 403);
    let anonymous = app
        .get_page(&format!("/organize/events/{slug}/registrations"), None)
        .await;
    assert!(
        matches!(anonymous.status.as_u16(), 303 | 401),
        "{}",
        anonymous.status
    );
    assert!(!anonymous.text().contains("person1@example.org"));
}

// ----- Mail -----

#[tokio::test]
async fn every_transition_mails_the_right_message_with_a_working_manage_link() {
    let app = spawn_app().await;
    let mut mailbox = Mailbox::new(&app).await;
    let slug = event_with(&app, "Mailed", Some(1), json!({"waitlist": true})).await;
    app.session(
        &slug,
        "Opening plenary",
        "2037-06-03T09:00:00",
        "2037-06-03T10:30:00",
        Some("Hall A"),
    )
    .await;

    // Confirmed, with the programme as a PUBLISH calendar.
    let ana = register(&app, &slug, &named("Ana", "ÑÚÑEZ", "ana@example.org"))
        .await
        .expect(201)
        .json();
    let mails = mailbox.deliver().await;
    assert_eq!(mails.len(), 1);
    let mail = only_mail_to(&mails, "ana@example.org");
    let link = check_mail(
        &app,
        &mail,
        "Registration confirmed: Mailed",
        "confirmed",
        true,
    )
    .await;
    assert_eq!(link, ana["manage_url"]);
    assert!(text_of(&mail).contains("Dear Ana Ñúñez"));

    // Waitlisted.
    let ben = register(&app, &slug, &named("Ben", "ADDO", "ben@example.org"))
        .await
        .expect(201)
        .json();
    assert_eq!(ben["status"], "waitlisted");
    let mails = mailbox.deliver().await;
    assert_eq!(mails.len(), 1);
    check_mail(
        &app,
        &only_mail_to(&mails, "ben@example.org"),
        "Waiting list: Mailed",
        "waitlisted",
        false,
    )
    .await;

    // Ana cancels: she is told, and Ben is promoted and told, with the calendar.
    app.request(
        Method::POST,
        &format!(
            "{}/cancel",
            manage_path(ana["manage_url"].as_str().unwrap())
        ),
        As::Anonymous,
        None,
        None,
    )
    .await
    .expect(200);
    let mails = mailbox.deliver().await;
    assert_eq!(mails.len(), 2);
    check_mail(
        &app,
        &only_mail_to(&mails, "ana@example.org"),
        "Registration cancelled: Mailed",
        "cancelled",
        false,
    )
    .await;
    check_mail(
        &app,
        &only_mail_to(&mails, "ben@example.org"),
        "A place for you: Mailed",
        "confirmed",
        true,
    )
    .await;

    // Approval: pending, then approved (with the calendar) or rejected.
    let vetted = event_with(&app, "Vetted", Some(5), json!({"mode": "approval"})).await;
    app.session(
        &vetted,
        "Opening plenary",
        "2037-06-03T09:00:00",
        "2037-06-03T10:30:00",
        None,
    )
    .await;
    let cleo = register(&app, &vetted, &named("Cleo", "MENSAH", "cleo@example.org"))
        .await
        .expect(201)
        .json();
    let dan = register(&app, &vetted, &named("Dan", "BOATENG", "dan@example.org"))
        .await
        .expect(201)
        .json();
    let mails = mailbox.deliver().await;
    assert_eq!(mails.len(), 2);
    check_mail(
        &app,
        &only_mail_to(&mails, "cleo@example.org"),
        "Registration received: Vetted",
        "pending",
        false,
    )
    .await;
    check_mail(
        &app,
        &only_mail_to(&mails, "dan@example.org"),
        "Registration received: Vetted",
        "pending",
        false,
    )
    .await;
    app.post(
        &format!("/api/v1/registrations/{}/approve", cleo["id"]),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/registrations/{}/reject", dan["id"]),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let mails = mailbox.deliver().await;
    assert_eq!(mails.len(), 2);
    check_mail(
        &app,
        &only_mail_to(&mails, "cleo@example.org"),
        "Registration approved: Vetted",
        "confirmed",
        true,
    )
    .await;
    check_mail(
        &app,
        &only_mail_to(&mails, "dan@example.org"),
        "Registration not accepted: Vetted",
        "rejected",
        false,
    )
    .await;

    // One mail per transition, no more.
    assert!(mailbox.deliver().await.is_empty());
    assert_eq!(mailbox.sink.messages().len(), 8);
}

// ----- Pages -----

#[tokio::test]
async fn the_event_page_shows_the_registration_form_with_its_labels_and_the_consent() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Formed", None, json!({})).await;
    let page = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    assert!(
        page.contains(&format!("action=\"/events/{slug}/register")),
        "{page}"
    );
    for label in [
        "Given name",
        "Family name",
        "Email",
        "Organization",
        "Country",
        "Access or dietary needs",
        "I agree that the organizers keep these details to run this event",
    ] {
        assert!(page.contains(label), "{label}");
    }
    for name in [
        "given_name",
        "family_name",
        "email",
        "organization",
        "country",
        "needs",
        "consent",
        "_csrf",
    ] {
        assert!(page.contains(&format!("name=\"{name}\"")), "{name}");
    }
    assert!(page.contains("type=\"checkbox\" id=\"f-consent\" name=\"consent\" value=\"true\""));

    // Closed and approval events say so.
    let closed = event_with(&app, "Shut", None, json!({"mode": "closed"})).await;
    let page = app
        .get_page(&format!("/events/{closed}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("Registration is closed."));
    assert!(!page.contains(&format!("action=\"/events/{closed}/register")));
    let vetted = event_with(&app, "Vetted", None, json!({"mode": "approval"})).await;
    let page = app
        .get_page(&format!("/events/{vetted}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("The organizers approve each registration"));
}

#[tokio::test]
async fn a_form_with_errors_answers_422_shows_each_error_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Typed", None, json!({})).await;
    let jar = app.visitor().await;
    let reply = app
        .submit(
            &format!("/events/{slug}/register"),
            &jar,
            &[
                ("given_name", "Ama"),
                ("family_name", ""),
                ("email", "not-an-email"),
                ("organization", "Femmes Africa Solidarité"),
                ("country", "GH"),
                ("needs", "Wheelchair access & a vegetarian meal"),
            ],
        )
        .await
        .page(422);
    let page = reply.text();
    assert!(
        page.contains("Your registration was not recorded"),
        "{page}"
    );
    for id in ["f-family-name-error", "f-email-error", "f-consent-error"] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}: {page}");
    }
    assert!(!page.contains("id=\"f-given-name-error\""));
    assert!(page.contains("value=\"Ama\""));
    assert!(page.contains("value=\"not-an-email\""));
    assert!(page.contains("value=\"Femmes Africa Solidarité\""));
    assert!(
        page.contains("<option value=\"GH\" selected>"),
        "the country stays chosen"
    );
    assert!(
        page.contains("Wheelchair access &#38; a vegetarian meal</textarea>"),
        "{page}"
    );
    assert_eq!(app.count("registrations").await, 0);
    assert_eq!(app.count("outbox").await, 0);

    // Without the CSRF token, nothing is recorded either.
    let forged = app
        .post_form(
            &format!("/events/{slug}/register"),
            Some(&jar),
            &[
                ("given_name", "Ama"),
                ("family_name", "OWUSU"),
                ("email", "ama@example.org"),
                ("consent", "true"),
            ],
        )
        .await;
    assert_eq!(forged.status.as_u16(), 403);
    assert_eq!(app.count("registrations").await, 0);
}

#[tokio::test]
async fn a_valid_form_redirects_to_the_registrants_page_with_the_confirmation() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Welcome", Some(1), json!({"waitlist": true})).await;
    let jar = app.visitor().await;
    let fields = |given: &'static str, email: &'static str| {
        vec![
            ("given_name", given),
            ("family_name", "OWUSU"),
            ("email", email),
            ("consent", "true"),
        ]
    };
    let reply = app
        .submit(
            &format!("/events/{slug}/register"),
            &jar,
            &fields("Ama", "ama@example.org"),
        )
        .await
        .expect(303);
    let location = reply.location();
    assert!(location.starts_with("/registrations/"), "{location}");
    let jar = with_cookies_from(&jar, &reply);
    let page = app.get_page(&location, Some(&jar)).await.page(200).text();
    assert!(page.contains("You are registered."), "{page}");
    assert!(page.contains(">Confirmed</span>"));
    assert!(page.contains("Ama OWUSU"));
    assert!(
        page.contains(&format!("/events/{slug}/calendar.ics")),
        "calendar links"
    );
    assert!(page.contains(&format!("action=\"{location}/cancel\"")));

    // The next one waits.
    let other = app.visitor().await;
    let reply = app
        .submit(
            &format!("/events/{slug}/register"),
            &other,
            &fields("Kofi", "kofi@example.org"),
        )
        .await
        .expect(303);
    let other = with_cookies_from(&other, &reply);
    let page = app
        .get_page(&reply.location(), Some(&other))
        .await
        .page(200)
        .text();
    assert!(page.contains("you are on the waiting list"), "{page}");
    assert!(page.contains(">Waitlisted</span>"));

    // The same email again: the form says so (409), nothing more is written.
    let again = app
        .submit(
            &format!("/events/{slug}/register"),
            &jar,
            &fields("Ama", "AMA@example.org"),
        )
        .await
        .page(409)
        .text();
    assert!(again.contains("already registered"), "{again}");
    assert_eq!(app.count("registrations").await, 2);
}

#[tokio::test]
async fn the_registrants_page_cancels_promoting_the_next_and_erases_their_details_keeping_the_counts()
 {
    let app = spawn_app().await;
    let slug = event_with(&app, "Managed", Some(1), json!({"waitlist": true})).await;
    let jar = app.visitor().await;
    let reply = app
        .submit(
            &format!("/events/{slug}/register"),
            &jar,
            &[
                ("given_name", "Ama"),
                ("family_name", "OWUSU"),
                ("email", "ama.owusu@example.org"),
                ("organization", "WANEP"),
                ("country", "GH"),
                ("needs", "Sign-language interpretation"),
                ("consent", "true"),
            ],
        )
        .await
        .expect(303);
    let ama = reply.location();
    let kofi = manage_path(
        register(&app, &slug, &named("Kofi", "ANNAN", "kofi@example.org"))
            .await
            .expect(201)
            .json()["manage_url"]
            .as_str()
            .unwrap(),
    );

    // Cancel from the page.
    let reply = app
        .submit(&format!("{ama}/cancel"), &jar, &[])
        .await
        .expect(303);
    assert_eq!(reply.location(), ama);
    let jar = with_cookies_from(&jar, &reply);
    let page = app.get_page(&ama, Some(&jar)).await.page(200).text();
    assert!(page.contains("Your registration is cancelled"), "{page}");
    assert!(page.contains(">Cancelled</span>"));
    assert!(
        !page.contains("Cancel my registration"),
        "nothing left to cancel"
    );
    let page = app.get_page(&kofi, None).await.page(200).text();
    assert!(page.contains(">Confirmed</span>"), "promoted: {page}");

    // Erase from the page.
    let before = listed(&app, &slug).await.len();
    let reply = app
        .submit(&format!("{ama}/erase"), &jar, &[])
        .await
        .expect(303);
    let jar = with_cookies_from(&jar, &reply);
    let page = app.get_page(&ama, Some(&jar)).await.page(200).text();
    assert!(page.contains("Your details are erased"), "{page}");
    assert!(page.contains("Your details have been erased."));
    assert!(!page.contains("OWUSU"));
    let items = listed(&app, &slug).await;
    assert_eq!(items.len(), before, "the line stays for the counts");
    assert_eq!(
        statuses(&items),
        counts(&[("cancelled", 1), ("confirmed", 1)])
    );
    let erased = items
        .iter()
        .find(|i| i["erased"] == true)
        .expect("an erased line");
    let shown = erased.to_string();
    for gone in ["Ama", "OWUSU", "ama.owusu", "WANEP", "Sign-language"] {
        assert!(!shown.contains(gone), "{gone} in {shown}");
    }
    let csv = csv_of(&app, &slug).await.text();
    for gone in ["Ama", "OWUSU", "ama.owusu", "WANEP", "Sign-language"] {
        assert!(!csv.contains(gone), "{gone} in {csv}");
    }
    assert_eq!(
        csv.trim_end().split("\r\n").count(),
        3,
        "header and two lines: {csv}"
    );
    let browser = app.organizer_browser().await;
    let table = app
        .get_page(
            &format!("/organize/events/{slug}/registrations"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(!table.contains("OWUSU") && !table.contains("ama.owusu"));
    assert!(
        table.contains("Cancelled (1)") && table.contains("Confirmed (1)"),
        "{table}"
    );

    // Erasing a second time, or an unknown token: no harm, no 5xx.
    let again = app.submit(&format!("{ama}/erase"), &jar, &[]).await;
    assert_eq!(again.status.as_u16(), 303);
    app.get_page("/registrations/no-such-token", None)
        .await
        .page(404);
    let unknown = app
        .submit("/registrations/no-such-token/erase", &jar, &[])
        .await;
    assert_eq!(unknown.status.as_u16(), 404);
    let unknown = app
        .request(
            Method::POST,
            "/registrations/no-such-token/cancel",
            As::Anonymous,
            None,
            None,
        )
        .await;
    assert_eq!(unknown.status.as_u16(), 404);
}

#[tokio::test]
async fn the_organizers_table_shows_counts_by_status_and_needs_and_approves_and_rejects_many() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Chosen", Some(2), json!({"mode": "approval"})).await;
    let mut ids = Vec::new();
    for (n, needs) in ["Step-free access", "Halal meals", "Large-print documents"]
        .iter()
        .enumerate()
    {
        let mut body = person(n);
        body["needs"] = json!(needs);
        ids.push(
            register(&app, &slug, &body).await.expect(201).json()["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let browser = app.organizer_browser().await;
    let table_path = format!("/organize/events/{slug}/registrations");
    let table = app
        .get_page(&table_path, Some(&browser))
        .await
        .page(200)
        .text();
    for shown in [
        "Pending (3)",
        "Confirmed (0)",
        "Step-free access",
        "Halal meals",
        "person2@example.org",
        "capacity 2",
    ] {
        assert!(table.contains(shown), "{shown}: {table}");
    }
    for id in &ids {
        assert!(table.contains(&format!("name=\"id\" value=\"{id}\"")));
    }

    let (a, b, c) = (ids[0].to_string(), ids[1].to_string(), ids[2].to_string());
    let reply = app
        .submit(
            &table_path,
            &browser,
            &[("action", "approve"), ("id", &a), ("id", &b), ("id", &c)],
        )
        .await
        .expect(303);
    let browser = with_cookies_from(&browser, &reply);
    let table = app
        .get_page(&reply.location(), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(table.contains("2 registrations approved."), "{table}");
    assert!(
        table.contains(&format!("#{c}: the event is full")),
        "{table}"
    );
    assert!(
        table.contains("Confirmed (2)") && table.contains("Pending (1)"),
        "{table}"
    );

    let reply = app
        .submit(&table_path, &browser, &[("action", "reject"), ("id", &c)])
        .await
        .expect(303);
    let browser = with_cookies_from(&browser, &reply);
    let table = app
        .get_page(&reply.location(), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(table.contains("1 registration rejected."), "{table}");
    assert!(
        table.contains("Rejected (1)") && table.contains("Pending (0)"),
        "{table}"
    );

    // The filter shows one status; ids of another event are left alone.
    let confirmed = app
        .get_page(&format!("{table_path}?status=confirmed"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        confirmed.contains("person0@example.org") && !confirmed.contains("person2@example.org")
    );
    let other = event_with(&app, "Elsewhere", None, json!({"mode": "approval"})).await;
    let stranger = register(&app, &other, &person(9)).await.expect(201).json()["id"]
        .as_i64()
        .unwrap();
    let reply = app
        .submit(
            &table_path,
            &browser,
            &[("action", "approve"), ("id", &stranger.to_string())],
        )
        .await
        .expect(303);
    let browser = with_cookies_from(&browser, &reply);
    let table = app
        .get_page(&reply.location(), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        table.contains("not a registration of this event"),
        "{table}"
    );
    assert_eq!(listed_status(&app, &other, stranger).await, "pending");

    // The CSV from the table.
    let csv = app
        .get_page(
            &format!("/organize/events/{slug}/registrations.csv"),
            Some(&browser),
        )
        .await
        .expect(200);
    assert!(csv.text().contains("Halal meals"));
}

#[tokio::test]
async fn registrant_data_never_appears_on_public_pages() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Discreet", Some(1), json!({"waitlist": true})).await;
    let session = app
        .session(
            &slug,
            "Opening plenary",
            "2037-06-03T09:00:00",
            "2037-06-03T10:30:00",
            None,
        )
        .await;
    let mut first = named("Ama", "OWUSU", "ama.secret@example.org");
    first["needs"] = json!("Insulin kept cold");
    first["organization"] = json!("Secret Org");
    let first = register(&app, &slug, &first).await.expect(201).json();
    let mut second = named("Kofi", "MENSAH", "kofi.secret@example.org");
    second["needs"] = json!("Kosher meals");
    register(&app, &slug, &second).await.expect(201);

    let member = app.sign_in("member@example.org", TEST_PASSWORD).await;
    let secrets = [
        "ama.secret",
        "kofi.secret",
        "Insulin",
        "Kosher",
        "Secret Org",
        "MENSAH",
    ];
    let mut pages = vec![
        (format!("/events/{slug}"), None),
        (format!("/events/{slug}"), Some(member.clone())),
        ("/events".to_string(), None),
        (format!("/events/{slug}/calendar.ics"), None),
        (format!("/sessions/{session}"), None),
        (format!("/api/v1/events/{slug}"), None),
        (format!("/api/v1/events/{slug}/sessions"), None),
        // A registrant's own page shows nothing of the others, nor their own needs.
        (manage_path(first["manage_url"].as_str().unwrap()), None),
    ];
    pages.push(("/".to_string(), None));
    for (path, cookie) in pages {
        let reply = app.get_page(&path, cookie.as_deref()).await;
        assert_eq!(reply.status.as_u16(), 200, "{path}: {}", reply.text());
        let text = reply.text();
        for secret in secrets {
            assert!(!text.contains(secret), "{secret} shown on {path}");
        }
    }
}

// ----- CSV -----

#[tokio::test]
async fn the_csv_is_utf8_with_a_bom_and_crlf_keeps_accents_and_neutralises_formulas() {
    let app = spawn_app().await;
    let slug = event_with(&app, "Exported", None, json!({})).await;
    let mut ana = named("Ana", "Ñúñez", "ana.nunez@example.org");
    ana["organization"] = json!("Fundación \"Paz\", Bogotá");
    ana["country"] = json!("CO");
    register(&app, &slug, &ana).await.expect(201);
    let mut jean = named("Jean", "LAMPRIÈRE", "jean@example.org");
    jean["needs"] = json!("=HYPERLINK(\"http://evil.example\",\"click\")");
    jean["organization"] = json!("+33 ONG");
    register(&app, &slug, &jean).await.expect(201);

    let reply = csv_of(&app, &slug).await;
    assert_eq!(
        reply.headers.get(header::CONTENT_TYPE).unwrap(),
        "text/csv; charset=utf-8"
    );
    let disposition = reply
        .headers
        .get(header::CONTENT_DISPOSITION)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        disposition.contains(&format!("{slug}-registrations.csv")),
        "{disposition}"
    );
    assert!(
        reply.body.starts_with(&[0xEF, 0xBB, 0xBF]),
        "a byte-order mark"
    );
    let text = String::from_utf8(reply.body[3..].to_vec()).expect("UTF-8");
    assert!(text.ends_with("\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "CRLF only: {text:?}"
    );
    let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\"ID\",\"Status\",\"Registered (UTC)\",\"Given name\",\"Family name\",\"Email\",\"Organization\",\"Country\",\"Access or dietary needs\",\"Check-in code\",\"Checked in (UTC)\",\"Walk-in\"",
        "the header row is in words"
    );
    assert_eq!(lines.len(), 3);
    assert!(lines[1].contains("\"Ñúñez\""), "{}", lines[1]);
    assert!(
        lines[1].contains("\"Fundación \"\"Paz\"\", Bogotá\""),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("\"Colombia\""), "countries by name");
    assert!(lines[2].contains("\"LAMPRIÈRE\""), "{}", lines[2]);
    assert!(
        lines[2].contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains("\"'+33 ONG\""), "{}", lines[2]);
    assert!(
        !text.contains(",\"=") && !text.contains(",="),
        "no cell starts with ="
    );

    // A filter by status.
    let none = app
        .get(
            &format!("/api/v1/events/{slug}/registrations.csv?status=waitlisted"),
            app.org(),
        )
        .await
        .expect(200)
        .text();
    assert_eq!(
        none.trim_start_matches('\u{feff}')
            .trim_end()
            .lines()
            .count(),
        1
    );
}

// ----- The per-address limit -----

#[tokio::test]
async fn the_fourth_registration_from_one_address_in_a_minute_is_429_while_another_address_gets_through()
 {
    let app = spawn_app_with(|s| {
        s.registration.per_address_per_minute = 3;
        s.server.trust_forwarded_for = true;
    })
    .await;
    let slug = event_with(&app, "Limited", None, json!({})).await;
    let path = registrations_path(&slug);
    for n in 0..3 {
        assert_eq!(post_from(&app, &path, "203.0.113.7", &person(n)).await, 201);
    }
    assert_eq!(post_from(&app, &path, "203.0.113.7", &person(3)).await, 429);
    assert_eq!(
        post_from(&app, &path, "198.51.100.9", &person(4)).await,
        201
    );
    assert_eq!(app.count("registrations").await, 4);

    // The form counts against the same limit, and says why (429).
    let jar = app.visitor().await;
    let csrf = common::cookie_value(&jar, common::CSRF_COOKIE).unwrap();
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("_csrf", csrf.as_str()),
            ("given_name", "Ama"),
            ("family_name", "OWUSU"),
            ("email", "ama@example.org"),
            ("consent", "true"),
        ])
        .finish();
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("/events/{slug}/register"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, &jar)
        .header("x-forwarded-for", "203.0.113.7")
        .body(Body::from(body))
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status().as_u16(), 429);
    let page = String::from_utf8(
        response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec(),
    )
    .unwrap();
    assert!(page.contains("too many registrations"), "{page}");
    assert_eq!(app.count("registrations").await, 4);
}

#[tokio::test]
async fn without_a_trusted_proxy_the_forwarded_address_is_ignored() {
    let app = spawn_app_with(|s| s.registration.per_address_per_minute = 2).await;
    let slug = event_with(&app, "Unforwarded", None, json!({})).await;
    let path = registrations_path(&slug);
    assert_eq!(post_from(&app, &path, "203.0.113.7", &person(0)).await, 201);
    assert_eq!(
        post_from(&app, &path, "198.51.100.9", &person(1)).await,
        201
    );
    // Both came from the same (unknown) peer: a third one is over the limit.
    assert_eq!(post_from(&app, &path, "192.0.2.1", &person(2)).await, 429);
}

// ----- An event that has ended takes no registration -----

/// A published event held on 3–4 June 2009, with that registration; returns its slug.
async fn past_event_with(app: &TestApp, title: &str, registration: Value) -> String {
    let slug = slug(&app.brussels_event().await);
    app.publish_with(
        &slug,
        json!({"title": title, "capacity": 50, "registration": registration}),
    )
    .await;
    slug
}

#[tokio::test]
async fn registration_is_closed_once_the_event_has_ended_in_every_mode_and_on_every_path() {
    let app = spawn_app().await;
    for (title, mode) in [("Open", "open"), ("Vetted", "approval")] {
        let slug = past_event_with(
            &app,
            title,
            json!({"mode": mode, "waitlist": true, "opens_at": "2009-01-01T09:00:00", "closes_at": "2100-01-01T09:00:00"}),
        )
        .await;
        let refused = register(&app, &slug, &person(1)).await.expect(409);
        let detail = refused.json()["detail"].as_str().unwrap().to_string();
        assert!(detail.contains("the event has ended"), "{mode}: {detail}");
        // The page says so instead of offering the form; its form is refused too.
        let page = app
            .get_page(&format!("/events/{slug}"), None)
            .await
            .page(200)
            .text();
        assert!(page.contains("Registration is closed"), "{page}");
        assert!(
            !page.contains(&format!("action=\"/events/{slug}/register")),
            "no form: {page}"
        );
        let jar = app.visitor().await;
        let reply = app
            .submit(
                &format!("/events/{slug}/register"),
                &jar,
                &[
                    ("given_name", "Ama"),
                    ("family_name", "OWUSU"),
                    ("email", "ama@example.org"),
                    ("consent", "true"),
                ],
            )
            .await;
        assert!(reply.status.is_client_error(), "{}", reply.status);
        assert!(
            reply.text().contains("the event has ended"),
            "{}",
            reply.text()
        );
    }
    // Invite-only: the invitation link does not reopen it.
    let slug = past_event_with(&app, "Closed doors", json!({"mode": "invite-only"})).await;
    let invitee = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "Corlett", "family_name": "Letlojane", "email": "corlett@example.org"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .clone();
    app.post(
        &format!("/api/v1/events/{slug}/invitations"),
        app.org(),
        &json!({"person_ids": [invitee]}),
    )
    .await
    .expect(202);
    let mail = app.last_mail_to("corlett@example.org", "invitation").await;
    let token = common::token_after(&mail.text_body, "invitations");
    let mut body = named("Corlett", "LETLOJANE", "corlett@example.org");
    body["invitation"] = json!(token);
    let refused = register(&app, &slug, &body).await.expect(409);
    assert!(
        refused.json()["detail"]
            .as_str()
            .unwrap()
            .contains("has ended")
    );
    let page = app
        .get_page(&format!("/events/{slug}?invitation={token}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("Registration is closed"), "{page}");
    assert_eq!(app.count("registrations").await, 0);
}

#[tokio::test]
async fn registration_stays_open_on_the_last_day_of_the_event() {
    let app = spawn_app().await;
    let today = chrono::Utc::now().date_naive().to_string();
    let slug = slug(
        &app.event(json!({"title": "Today", "kind": "seminar", "starts_on": today, "ends_on": today, "timezone": "UTC"}))
            .await,
    );
    app.publish(&slug).await;
    register(&app, &slug, &person(1)).await.expect(201);
}

/// "confirmed" → "Confirmed": a status as the pages show it.
fn capitalized(status: &str) -> String {
    let mut chars = status.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
