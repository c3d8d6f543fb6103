//! Rapporteurs' summaries, end to end: who may read, write, submit, approve and return
//! them; the review flow with its versions and mail; validation that writes nothing; the
//! themes vocabulary; reminders before and after the due date; and the pages (the
//! rapporteur's workspace, the editor, the organizers' list of an event's summaries).
//! Runs on SQLite, or on PostgreSQL when `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, header};
use chrono::{DateTime, Utc};
use common::fixtures::{Panel, slug};
use common::{As, Reply, TEST_PASSWORD, TestApp, spawn_app};
use http_body_util::BodyExt;
use roundtable::accounts::service as accounts;
use roundtable::entities::outbox_message;
use roundtable::summaries::reminders;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use tower::ServiceExt;

// ----- Helpers -----

const AMINA: &str = "amina.diallo@example.org";
const JAN: &str = "jan.novak@example.org";
const SESSION_A: &str = "Early warning and prevention";
const SESSION_B: &str = "Mediation and dialogue";

/// An event with two sessions, each with its own rapporteur (a person with an email and
/// a `rapporteur` account of the same email) and a speaker.
struct Fixture {
    event: String,
    event_id: i64,
    /// Amina DIALLO reports on session `a`, Jan NOVAK on session `b`.
    a: i64,
    b: i64,
    speaker_a: i64,
    speaker_b: i64,
    /// Amina's person record.
    amina: i64,
    /// Bearer tokens of Amina's and Jan's accounts.
    token_a: String,
    token_b: String,
}

impl Fixture {
    fn amina(&self) -> As<'_> {
        As::Token(&self.token_a)
    }

    fn jan(&self) -> As<'_> {
        As::Token(&self.token_b)
    }
}

/// An account of that role, with the test password, and a bearer token for it.
async fn account(app: &TestApp, email: &str, name: &str, role: &str) -> String {
    app.user_with_password(email, name, role, TEST_PASSWORD)
        .await;
    accounts::create_token(&app.db, email, None)
        .await
        .expect("token")
}

/// The Brussels conference, published, with sessions A (morning) and B (afternoon) of
/// 3 June 2009.
async fn fixture(app: &TestApp) -> Fixture {
    let Panel {
        event: slug,
        event_id,
        session: a,
    } = app
        .brussels_session(SESSION_A, "09:30", "11:00", Some("Room A"))
        .await;
    let b = app
        .session(
            &slug,
            SESSION_B,
            "2009-06-03T14:00:00",
            "2009-06-03T15:30:00",
            Some("Room B"),
        )
        .await;
    let amina = app.person_with_email("Ms", "Amina", "Diallo", AMINA).await;
    let jan = app.person_with_email("Mr", "Jan", "Novak", JAN).await;
    let speaker_a = app.person("Mr", "Gareth", "Evans").await;
    let speaker_b = app.person("Ms", "Corlett", "Letlojane").await;
    app.assign(a, amina, "rapporteur").await;
    app.assign(a, speaker_a, "speaker").await;
    app.assign(b, jan, "rapporteur").await;
    app.assign(b, speaker_b, "speaker").await;
    app.publish(&slug).await;
    let token_a = account(app, AMINA, "Amina Diallo", "rapporteur").await;
    let token_b = account(app, JAN, "Jan Novak", "rapporteur").await;
    Fixture {
        event: slug,
        event_id,
        a,
        b,
        speaker_a,
        speaker_b,
        amina,
        token_a,
        token_b,
    }
}

fn summary_path(session: i64) -> String {
    format!("/api/v1/sessions/{session}/summary")
}

async fn put(app: &TestApp, path: &str, who: As<'_>, body: &Value) -> Reply {
    app.send(Method::PUT, path, who, body).await
}

async fn put_summary(app: &TestApp, session: i64, who: As<'_>, body: &Value) -> Reply {
    put(app, &summary_path(session), who, body).await
}

async fn get_summary(app: &TestApp, session: i64) -> Value {
    app.get(&summary_path(session), app.org())
        .await
        .expect(200)
        .json()
}

async fn action(app: &TestApp, session: i64, what: &str, who: As<'_>, body: &Value) -> Reply {
    app.post(&format!("{}/{what}", summary_path(session)), who, body)
        .await
}

/// A complete summary of session A.
fn summary_a(speaker: i64) -> Value {
    json!({
        "overview": "The panel agreed that early warning must lead to *early action*.",
        "key_points": [{"person_id": speaker, "text": "Warnings were ignored in 1994."}],
        "challenges": ["Lack of political will"],
        "recommendations": [{
            "text": "Fund regional early warning networks",
            "addressee": "eu",
            "themes": ["Early warning"],
            "priority": "high",
            "timeframe": "short_term"
        }],
        "next_steps": ["Meet again in Addis Ababa"]
    })
}

/// The outbox rows of one kind, oldest first.
async fn outbox_of(app: &TestApp, kind: &str) -> Vec<outbox_message::Model> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq(kind))
        .order_by_asc(outbox_message::Column::Id)
        .all(app.db.conn())
        .await
        .unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

async fn set_due(app: &TestApp, session: i64, due: &str) {
    let reply = put(
        app,
        &format!("{}/due", summary_path(session)),
        app.org(),
        &json!({"due_at": due}),
    )
    .await
    .expect(200);
    assert_eq!(at(reply.json()["due_at"].as_str().unwrap()), at(due));
}

async fn send_due(app: &TestApp, now: &str) -> usize {
    reminders::send_due(&app.db, &app.settings, at(now))
        .await
        .expect("send_due")
}

#[track_caller]
fn shows(body: &str, needle: &str) {
    assert!(
        body.contains(needle),
        "{needle:?} is not on the page:\n{body}"
    );
}

#[track_caller]
fn lacks(body: &str, needle: &str) {
    assert!(
        !body.contains(needle),
        "{needle:?} should not be on the page:\n{body}"
    );
}

/// The `<tr>` of a table that links to a session's summary.
#[track_caller]
fn row_of(body: &str, session: i64) -> &str {
    let link = format!("/rapporteur/sessions/{session}\"");
    let at = body
        .find(&link)
        .unwrap_or_else(|| panic!("no row for session {session}:\n{body}"));
    let start = body[..at].rfind("<tr").expect("a row");
    let end = at + body[at..].find("</tr>").expect("the row's end");
    &body[start..end]
}

/// Sends the requests from as many tasks at once (on the multi-thread runtime), released
/// together; returns each status and JSON body, in the order of the requests.
async fn at_once(
    app: &TestApp,
    requests: Vec<(Method, String, String, Option<Value>)>,
) -> Vec<(u16, Value)> {
    let barrier = Arc::new(tokio::sync::Barrier::new(requests.len()));
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|(method, path, token, body)| {
            let router = app.router.clone();
            let barrier = barrier.clone();
            let mut request = Request::builder()
                .method(method)
                .uri(&path)
                .header(header::AUTHORIZATION, format!("Bearer {token}"));
            if body.is_some() {
                request = request.header(header::CONTENT_TYPE, "application/json");
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
                    serde_json::from_slice(&bytes).unwrap_or_else(|_| {
                        Value::String(String::from_utf8_lossy(&bytes).into_owned())
                    }),
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

async fn version_numbers(app: &TestApp, session: i64) -> Vec<i64> {
    app.get(&format!("{}/versions", summary_path(session)), app.org())
        .await
        .expect(200)
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_i64().unwrap())
        .collect()
}

// ----- Who may do what -----

#[tokio::test]
async fn a_rapporteur_works_on_their_own_sessions_only() {
    let app = spawn_app().await;
    let f = fixture(&app).await;

    // Amina reads and writes session A's summary.
    let empty = app
        .get(&summary_path(f.a), f.amina())
        .await
        .expect(200)
        .json();
    assert_eq!(empty["status"], "draft");
    assert_eq!(empty["version"], 0);
    let saved = put_summary(&app, f.a, f.amina(), &summary_a(f.speaker_a))
        .await
        .expect(200)
        .json();
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["recommendations"][0]["addressee"], "EU");
    let read = app
        .get(&summary_path(f.a), f.amina())
        .await
        .expect(200)
        .json();
    assert_eq!(
        read["overview"],
        "The panel agreed that early warning must lead to *early action*."
    );

    // ...but not session B's: neither read nor write, and the refused write leaves nothing.
    let (summaries, versions) = (
        app.count("summaries").await,
        app.count("summary_versions").await,
    );
    app.get(&summary_path(f.b), f.amina()).await.expect(403);
    put_summary(
        &app,
        f.b,
        f.amina(),
        &json!({"overview": "Not mine to write"}),
    )
    .await
    .expect(403);
    app.post(
        &format!("{}/submit", summary_path(f.b)),
        f.amina(),
        &json!({}),
    )
    .await
    .expect(403);
    app.get(&format!("{}/versions", summary_path(f.b)), f.amina())
        .await
        .expect(403);
    assert_eq!(app.count("summaries").await, summaries);
    assert_eq!(app.count("summary_versions").await, versions);
    let b = get_summary(&app, f.b).await;
    assert_eq!(b["version"], 0);
    assert_eq!(b["overview"], "");
    // Jan, for his part, cannot touch A's.
    app.get(&summary_path(f.a), f.jan()).await.expect(403);
    put_summary(&app, f.a, f.jan(), &json!({"overview": "Overwritten"}))
        .await
        .expect(403);
    assert_eq!(get_summary(&app, f.a).await["version"], 1);

    // Anonymous callers are asked to sign in.
    app.get(&summary_path(f.a), As::Anonymous).await.expect(401);
    put_summary(&app, f.a, As::Anonymous, &json!({"overview": "x"}))
        .await
        .expect(401);
    app.get("/api/v1/themes", As::Anonymous).await.expect(401);

    // A rapporteur account that is no person of the directory is no one's rapporteur.
    app.get(&summary_path(f.a), As::Token(&app.rapporteur))
        .await
        .expect(403);

    // A member account with the email of a session's rapporteur is still not one.
    let ngozi = app
        .person_with_email("Dr", "Ngozi", "Okafor", "ngozi.okafor@example.org")
        .await;
    app.assign(f.a, ngozi, "rapporteur").await;
    let member = account(&app, "ngozi.okafor@example.org", "Ngozi Okafor", "member").await;
    app.get(&summary_path(f.a), As::Token(&member))
        .await
        .expect(403);
    put_summary(
        &app,
        f.a,
        As::Token(&member),
        &json!({"overview": "Member's text"}),
    )
    .await
    .expect(403);
    assert_eq!(get_summary(&app, f.a).await["version"], 1);

    // Submitting is the rapporteur's; approving and returning the organizers'.
    let submitted = action(&app, f.a, "submit", f.amina(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(submitted["status"], "submitted");
    action(&app, f.a, "approve", f.amina(), &json!({}))
        .await
        .expect(403);
    action(
        &app,
        f.a,
        "return",
        f.amina(),
        &json!({"comment": "Self-review"}),
    )
    .await
    .expect(403);
    action(&app, f.a, "approve", f.jan(), &json!({}))
        .await
        .expect(403);
    action(&app, f.a, "approve", app.member_token(), &json!({}))
        .await
        .expect(403);
    action(&app, f.a, "approve", As::Token(&member), &json!({}))
        .await
        .expect(403);
    action(&app, f.a, "approve", As::Anonymous, &json!({}))
        .await
        .expect(401);
    let still = get_summary(&app, f.a).await;
    assert_eq!(still["status"], "submitted");
    assert_eq!(still["version"], 2);
    assert!(outbox_of(&app, "summary_approved").await.is_empty());
    assert!(outbox_of(&app, "summary_returned").await.is_empty());

    // The organizer may.
    let approved = action(&app, f.a, "approve", app.org(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(approved["status"], "approved");
    // Only organizers set the due date.
    put(
        &app,
        &format!("{}/due", summary_path(f.b)),
        f.jan(),
        &json!({"due_at": "2009-06-10T12:00:00"}),
    )
    .await
    .expect(403);
}

// ----- The review flow -----

#[tokio::test]
async fn a_summary_goes_through_submission_return_and_approval_with_every_version_kept() {
    let app = spawn_app().await;
    let f = fixture(&app).await;

    let first = put_summary(&app, f.a, f.amina(), &summary_a(f.speaker_a))
        .await
        .expect(200)
        .json();
    assert_eq!(first["version"], 1);
    assert_eq!(first["status"], "draft");
    assert_eq!(first["key_points"][0]["person_id"], f.speaker_a);
    assert_eq!(first["challenges"], json!(["Lack of political will"]));
    assert_eq!(first["next_steps"], json!(["Meet again in Addis Ababa"]));
    assert_eq!(first["recommendations"][0]["priority"], "high");
    assert_eq!(first["recommendations"][0]["timeframe"], "short_term");

    let submitted = action(&app, f.a, "submit", f.amina(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(submitted["status"], "submitted");
    assert_eq!(submitted["version"], 2);
    assert!(submitted["submitted_at"].is_string());

    // Submitted: the rapporteur can no longer change it, nor submit it again.
    put_summary(&app, f.a, f.amina(), &json!({"overview": "A late change"}))
        .await
        .expect(409);
    action(&app, f.a, "submit", f.amina(), &json!({}))
        .await
        .expect(409);
    let unchanged = get_summary(&app, f.a).await;
    assert_eq!(unchanged["version"], 2);
    assert_eq!(
        unchanged["overview"],
        "The panel agreed that early warning must lead to *early action*."
    );

    // Returning needs a comment, however it is (not) sent.
    let fields = action(&app, f.a, "return", app.org(), &json!({}))
        .await
        .error_fields();
    assert_eq!(fields, ["comment"]);
    let fields = action(&app, f.a, "return", app.org(), &json!({"comment": "   "}))
        .await
        .error_fields();
    assert_eq!(fields, ["comment"]);
    let no_body = app
        .request(
            Method::POST,
            &format!("{}/return", summary_path(f.a)),
            app.org(),
            None,
            None,
        )
        .await;
    assert_eq!(no_body.error_fields(), ["comment"]);
    assert_eq!(get_summary(&app, f.a).await["status"], "submitted");
    assert!(outbox_of(&app, "summary_returned").await.is_empty());

    let comment = "Please name the regional organizations concerned.";
    let returned = action(&app, f.a, "return", app.org(), &json!({"comment": comment}))
        .await
        .expect(200)
        .json();
    assert_eq!(returned["status"], "returned");
    assert_eq!(returned["version"], 3);
    assert_eq!(returned["review_comment"], comment);

    // The rapporteur hears of it, with the comment.
    let mails = outbox_of(&app, "summary_returned").await;
    assert_eq!(mails.len(), 1, "one mail to the one rapporteur");
    assert_eq!(mails[0].recipient_email, AMINA);
    assert_eq!(mails[0].session_id, Some(f.a as i32));
    assert!(
        mails[0].text_body.contains(comment),
        "the comment is in the mail:\n{}",
        mails[0].text_body
    );
    assert!(
        mails[0]
            .text_body
            .contains(&format!("/rapporteur/sessions/{}", f.a)),
        "the mail links to the summary:\n{}",
        mails[0].text_body
    );
    let listed: Vec<Value> = app
        .get("/api/v1/outbox?limit=500", app.org())
        .await
        .expect(200)
        .json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "summary_returned")
        .cloned()
        .collect();
    assert_eq!(listed.len(), 1);
    assert!(listed[0]["to"].as_str().unwrap().contains(AMINA));

    // Returned: the rapporteur revises and submits again.
    let mut revised = summary_a(f.speaker_a);
    revised["recommendations"][0]["text"] =
        json!("Fund the early warning networks of the African Union and ECOWAS");
    revised["version"] = json!(3);
    let resaved = put_summary(&app, f.a, f.amina(), &revised)
        .await
        .expect(200)
        .json();
    assert_eq!(resaved["version"], 4);
    assert!(
        resaved["status"] == "returned" || resaved["status"] == "draft",
        "still open to the rapporteur: {resaved}"
    );
    let resubmitted = action(&app, f.a, "submit", f.amina(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(resubmitted["status"], "submitted");
    assert_eq!(resubmitted["version"], 5);
    assert_eq!(resubmitted["review_comment"], Value::Null);
    // Each submission tells the organizers' mailbox, with the link to review it.
    let waiting = outbox_of(&app, "summary_submitted").await;
    assert_eq!(waiting.len(), 2, "one notice per submission");
    assert_eq!(
        waiting[1].recipient_email,
        app.settings.mail.organizer_address
    );
    assert!(
        waiting[1]
            .text_body
            .contains(&format!("/rapporteur/sessions/{}#review", f.a)),
        "{}",
        waiting[1].text_body
    );

    let approved = app
        .request(
            Method::POST,
            &format!("{}/approve", summary_path(f.a)),
            app.org(),
            None,
            None,
        )
        .await
        .expect(200)
        .json();
    assert_eq!(approved["status"], "approved");
    assert_eq!(approved["version"], 6);
    assert!(approved["approved_at"].is_string());
    let mails = outbox_of(&app, "summary_approved").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipient_email, AMINA);
    assert_eq!(outbox_of(&app, "summary_returned").await.len(), 1);

    // Approved: closed to the rapporteur, and not approved twice.
    put_summary(&app, f.a, f.amina(), &json!({"overview": "After approval"}))
        .await
        .expect(409);
    action(&app, f.a, "approve", app.org(), &json!({}))
        .await
        .expect(409);

    // Every version, oldest first, with who did what; the rapporteur may read them too.
    let versions = app
        .get(&format!("{}/versions", summary_path(f.a)), f.amina())
        .await
        .expect(200)
        .json();
    let list = versions.as_array().unwrap();
    let numbers: Vec<i64> = list
        .iter()
        .map(|v| v["version"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    let actions: Vec<&str> = list.iter().map(|v| v["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        [
            "saved",
            "submitted",
            "returned",
            "saved",
            "submitted",
            "approved"
        ]
    );
    let who: Vec<&str> = list.iter().map(|v| v["by"].as_str().unwrap()).collect();
    assert_eq!(
        who,
        [
            "Amina Diallo",
            "Amina Diallo",
            "Test organizer",
            "Amina Diallo",
            "Amina Diallo",
            "Test organizer"
        ]
    );
    assert_eq!(list[2]["comment"], comment);
    assert_eq!(
        list[0]["content"]["recommendations"][0]["text"],
        "Fund regional early warning networks"
    );
    assert_eq!(
        list[3]["content"]["recommendations"][0]["text"],
        "Fund the early warning networks of the African Union and ECOWAS"
    );
    // Session B's summary was never touched.
    assert_eq!(
        app.get(&format!("{}/versions", summary_path(f.b)), f.jan())
            .await
            .expect(200)
            .json(),
        json!([])
    );
}

// ----- Validation -----

#[tokio::test]
async fn an_invalid_summary_is_refused_field_by_field_and_writes_nothing() {
    let app = spawn_app().await;
    let f = fixture(&app).await;

    let reply = put_summary(
        &app,
        f.a,
        f.amina(),
        &json!({
            "overview": "A fine overview",
            "recommendations": [{"text": "Act now", "priority": "urgent", "themes": ["Early warning"]}]
        }),
    )
    .await;
    let fields = reply.error_fields();
    assert!(
        fields.contains(&"recommendations[0].priority".to_string()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"recommendations[0].addressee".to_string()),
        "{fields:?}"
    );
    let after = get_summary(&app, f.a).await;
    assert_eq!(after["version"], 0);
    assert_eq!(after["overview"], "");
    assert_eq!(app.count("summary_versions").await, 0);
    assert_eq!(app.count("themes").await, 0, "a refused save adds no theme");

    // A key point tied to someone who is not on the session's panel.
    let fields = put_summary(
        &app,
        f.a,
        f.amina(),
        &json!({"overview": "Fine", "key_points": [{"person_id": f.speaker_b, "text": "Said elsewhere"}]}),
    )
    .await
    .error_fields();
    assert_eq!(fields, ["key_points[0].person_id"]);
    assert_eq!(get_summary(&app, f.a).await["version"], 0);
    assert_eq!(app.count("summary_versions").await, 0);

    // Saves that start from an old version are refused instead of overwriting.
    put_summary(
        &app,
        f.a,
        f.amina(),
        &json!({"overview": "First text", "version": 0}),
    )
    .await
    .expect(200);
    put_summary(
        &app,
        f.a,
        f.amina(),
        &json!({"overview": "Second text", "version": 1}),
    )
    .await
    .expect(200);
    let stale = put_summary(
        &app,
        f.a,
        f.amina(),
        &json!({"overview": "Stale text", "version": 1}),
    )
    .await
    .expect(409);
    assert_eq!(
        stale.headers.get("content-type").unwrap(),
        "application/problem+json"
    );
    let after = get_summary(&app, f.a).await;
    assert_eq!(after["overview"], "Second text");
    assert_eq!(after["version"], 2);
    assert_eq!(app.count("summary_versions").await, 2);

    // No overview, no submission (of session B, never saved, nor once saved without one).
    let fields = action(&app, f.b, "submit", f.jan(), &json!({}))
        .await
        .error_fields();
    assert_eq!(fields, ["overview"]);
    put_summary(
        &app,
        f.b,
        f.jan(),
        &json!({"challenges": ["Mediators are not funded"], "overview": "  "}),
    )
    .await
    .expect(200);
    let fields = action(&app, f.b, "submit", f.jan(), &json!({}))
        .await
        .error_fields();
    assert_eq!(fields, ["overview"]);
    let b = get_summary(&app, f.b).await;
    assert_eq!(b["status"], "draft");
    assert_eq!(b["version"], 1);
    assert_eq!(b["challenges"], json!(["Mediators are not funded"]));
}

// ----- Themes -----

#[tokio::test]
async fn themes_typed_by_rapporteurs_join_the_vocabulary_spelled_as_curated() {
    let app = spawn_app().await;
    let f = fixture(&app).await;

    let curated = app
        .post(
            "/api/v1/themes",
            app.org(),
            &json!({"name": "Early warning"}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(curated["curated"], true);
    // Rapporteurs do not curate.
    app.post("/api/v1/themes", f.amina(), &json!({"name": "Other"}))
        .await
        .expect(403);

    let saved = put_summary(
        &app,
        f.a,
        f.amina(),
        &json!({
            "overview": "Themes",
            "recommendations": [
                {"text": "Fund networks", "addressee": "EU", "themes": ["early   WARNING", "Women, peace and security"]},
                {"text": "Train women mediators", "addressee": "governments", "themes": ["women peace and security"]}
            ]
        }),
    )
    .await
    .expect(200)
    .json();
    assert_eq!(
        saved["recommendations"][0]["themes"],
        json!(["Early warning", "Women, peace and security"])
    );
    assert_eq!(
        saved["recommendations"][1]["themes"],
        json!(["Women, peace and security"])
    );
    assert_eq!(
        get_summary(&app, f.a).await["recommendations"][0]["themes"][0],
        "Early warning"
    );

    let themes = app
        .get("/api/v1/themes", f.amina())
        .await
        .expect(200)
        .json();
    let list: Vec<(String, bool)> = themes
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().to_string(),
                t["curated"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        list,
        [
            ("Early warning".to_string(), true),
            ("Women, peace and security".to_string(), false)
        ]
    );

    // Adopting the proposal makes it curated, without a second entry.
    app.post(
        "/api/v1/themes",
        app.org(),
        &json!({"name": "WOMEN, PEACE AND SECURITY"}),
    )
    .await
    .expect(201);
    let themes = app
        .get("/api/v1/themes", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(themes.as_array().unwrap().len(), 2);
    assert!(
        themes
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["curated"] == true),
        "{themes}"
    );
}

// ----- Reminders -----

#[tokio::test]
async fn reminders_go_out_once_before_and_once_after_the_due_date() {
    let app = spawn_app().await;
    let f = fixture(&app).await;

    // Session B's summary is approved: no reminder for it.
    put_summary(
        &app,
        f.b,
        f.jan(),
        &json!({"overview": "Mediation needs money."}),
    )
    .await
    .expect(200);
    action(&app, f.b, "submit", f.jan(), &json!({}))
        .await
        .expect(200);
    action(&app, f.b, "approve", app.org(), &json!({}))
        .await
        .expect(200);
    // A session of a draft event, whose rapporteur has an email: no reminder either.
    let draft = app
        .event(json!({"title": "Preparatory meeting", "kind": "workshop",
                      "starts_on": "2009-06-03", "ends_on": "2009-06-03",
                      "timezone": "Europe/Brussels", "city": "Brussels", "country": "BE"}))
        .await;
    let draft_session = app
        .session(
            &slug(&draft),
            "Drafting the agenda",
            "2009-06-03T09:30:00",
            "2009-06-03T11:00:00",
            None,
        )
        .await;
    let omar = app
        .person_with_email("Mr", "Omar", "Haddad", "omar.haddad@example.org")
        .await;
    app.assign(draft_session, omar, "rapporteur").await;

    // All three due at noon in Brussels on 5 June (10:00 UTC).
    for session in [f.a, f.b, draft_session] {
        set_due(&app, session, "2009-06-05T12:00:00+02:00").await;
    }
    // Long before the due date (the session not even held): nothing.
    assert_eq!(send_due(&app, "2009-06-01T08:00:00Z").await, 0);

    // Two hours before: one reminder, to Amina.
    assert_eq!(send_due(&app, "2009-06-05T08:00:00Z").await, 1);
    let reminders = outbox_of(&app, "summary_reminder").await;
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].recipient_email, AMINA);
    assert_eq!(reminders[0].session_id, Some(f.a as i32));
    assert_eq!(reminders[0].event_id, Some(f.event_id as i32));
    assert!(
        reminders[0].text_body.contains(SESSION_A),
        "{}",
        reminders[0].text_body
    );
    // Again (another tick, or another process): nothing more.
    assert_eq!(send_due(&app, "2009-06-05T08:01:00Z").await, 0);
    assert_eq!(send_due(&app, "2009-06-05T09:30:00Z").await, 0);
    assert_eq!(outbox_of(&app, "summary_reminder").await.len(), 1);
    assert!(outbox_of(&app, "summary_overdue").await.is_empty());

    // Once the due date has passed: one "overdue", once.
    assert_eq!(send_due(&app, "2009-06-05T11:00:00Z").await, 1);
    let overdue = outbox_of(&app, "summary_overdue").await;
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].recipient_email, AMINA);
    assert_eq!(overdue[0].session_id, Some(f.a as i32));
    assert_eq!(send_due(&app, "2009-06-05T12:00:00Z").await, 0);
    assert_eq!(send_due(&app, "2009-06-06T11:00:00Z").await, 0);
    assert_eq!(outbox_of(&app, "summary_overdue").await.len(), 1);
    assert_eq!(outbox_of(&app, "summary_reminder").await.len(), 1);
    // Nothing ever went to the approved summary's or the draft event's rapporteur.
    let all = outbox_message::Entity::find()
        .all(app.db.conn())
        .await
        .unwrap();
    assert!(
        all.iter()
            .filter(
                |m| m.kind.as_str() == "summary_reminder" || m.kind.as_str() == "summary_overdue"
            )
            .all(|m| m.recipient_email == AMINA)
    );
    assert!(
        all.iter()
            .all(|m| m.recipient_email != "omar.haddad@example.org")
    );

    // A new due date arms the reminder again.
    set_due(&app, f.a, "2009-06-10T12:00:00+02:00").await;
    assert_eq!(send_due(&app, "2009-06-10T08:00:00Z").await, 1);
    assert_eq!(outbox_of(&app, "summary_reminder").await.len(), 2);
    assert_eq!(send_due(&app, "2009-06-10T08:30:00Z").await, 0);
}

// ----- Pages -----

#[tokio::test]
async fn the_rapporteur_pages_list_edit_and_keep_what_was_typed() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let browser = app.sign_in(AMINA, TEST_PASSWORD).await;

    // The workspace lists Amina's session, not Jan's.
    let home = app
        .get_page("/rapporteur", Some(&browser))
        .await
        .page(200)
        .text();
    shows(&home, SESSION_A);
    shows(&home, &format!("/rapporteur/sessions/{}\"", f.a));
    lacks(&home, SESSION_B);
    lacks(&home, &format!("/rapporteur/sessions/{}\"", f.b));
    // Anonymous visitors are sent to sign in.
    let anonymous = app.get_page("/rapporteur", None).await;
    assert_eq!(anonymous.status.as_u16(), 303);
    assert!(anonymous.location().starts_with("/login"));

    // Jan's session is not hers.
    app.get_page(&format!("/rapporteur/sessions/{}", f.b), Some(&browser))
        .await
        .page(403);
    let editor = app
        .get_page(&format!("/rapporteur/sessions/{}", f.a), Some(&browser))
        .await
        .page(200)
        .text();
    shows(&editor, SESSION_A);
    shows(&editor, "name=\"overview\"");

    // An invalid priority: 422, and what was typed is still there.
    let path = format!("/rapporteur/sessions/{}", f.a);
    let overview = "Typed overview of the early warning session";
    let mut fields = vec![
        ("version", "0"),
        ("overview", overview),
        ("key_points[0].text", "Warnings were ignored"),
        ("key_points[0].person_id", ""),
        ("challenges[0]", "Lack of political will"),
        ("challenges[1]", ""),
        (
            "recommendations[0].text",
            "Name a special envoy for prevention",
        ),
        ("recommendations[0].addressee", "UN Secretary-General"),
        ("recommendations[0].themes", "Early warning, Mediation"),
        ("recommendations[0].priority", "urgent"),
        ("recommendations[0].timeframe", ""),
        ("next_steps[0]", ""),
        ("action", "save"),
    ];
    let refused = app.submit(&path, &browser, &fields).await.page(422).text();
    shows(&refused, overview);
    shows(&refused, "Name a special envoy for prevention");
    shows(&refused, "Lack of political will");
    let after = get_summary(&app, f.a).await;
    assert_eq!(after["version"], 0);
    assert_eq!(app.count("summary_versions").await, 0);

    // Corrected, it is saved and the browser is sent back to the editor.
    fields[9] = ("recommendations[0].priority", "high");
    let saved = app.submit(&path, &browser, &fields).await;
    assert_eq!(saved.status.as_u16(), 303, "{}", saved.text());
    assert_eq!(saved.location(), path);
    let stored = get_summary(&app, f.a).await;
    assert_eq!(stored["version"], 1);
    assert_eq!(stored["overview"], overview);
    assert_eq!(stored["challenges"], json!(["Lack of political will"]));
    assert_eq!(
        stored["key_points"],
        json!([{"text": "Warnings were ignored"}])
    );
    assert_eq!(
        stored["recommendations"],
        json!([{
            "text": "Name a special envoy for prevention",
            "addressee": "UN Secretary-General",
            "themes": ["Early warning", "Mediation"],
            "priority": "high"
        }])
    );
    // Jan cannot post to Amina's editor either.
    let jan_browser = app.sign_in(JAN, TEST_PASSWORD).await;
    app.submit(
        &path,
        &jan_browser,
        &[
            ("version", "1"),
            ("overview", "Jan's text"),
            ("action", "save"),
        ],
    )
    .await
    .page(403);
    assert_eq!(get_summary(&app, f.a).await["overview"], overview);
}

#[tokio::test]
async fn organizers_see_which_summaries_are_late() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    // Session A's summary was due three days after 3 June 2009: late. Session B's is due
    // in 2099.
    set_due(&app, f.b, "2099-01-15T12:00:00+01:00").await;
    put_summary(&app, f.b, f.jan(), &json!({"overview": "In progress"}))
        .await
        .expect(200);
    assert_eq!(get_summary(&app, f.a).await["late"], true);
    assert_eq!(get_summary(&app, f.b).await["late"], false);

    let organizer = app.organizer_browser().await;
    let page = app
        .get_page(
            &format!("/organize/events/{}/summaries", f.event),
            Some(&organizer),
        )
        .await
        .page(200)
        .text();
    let late = row_of(&page, f.a);
    shows(late, SESSION_A);
    shows(late, "Ms Amina DIALLO");
    shows(late, "class=\"late\"");
    shows(late, ">late<");
    let on_time = row_of(&page, f.b);
    shows(on_time, SESSION_B);
    shows(on_time, "Mr Jan NOVAK");
    lacks(on_time, "late");
    shows(&page, "1 late");

    // A submitted summary is no longer late.
    action(&app, f.a, "submit", app.org(), &json!({}))
        .await
        .expect(422);
    put_summary(&app, f.a, f.amina(), &json!({"overview": "Done at last"}))
        .await
        .expect(200);
    action(&app, f.a, "submit", f.amina(), &json!({}))
        .await
        .expect(200);
    let page = app
        .get_page(
            &format!("/organize/events/{}/summaries", f.event),
            Some(&organizer),
        )
        .await
        .page(200)
        .text();
    lacks(row_of(&page, f.a), "class=\"late\"");
    shows(&page, "0 late");

    // Rapporteurs do not enter the organizers' pages.
    let amina = app.sign_in(AMINA, TEST_PASSWORD).await;
    let refused = app
        .get_page(
            &format!("/organize/events/{}/summaries", f.event),
            Some(&amina),
        )
        .await;
    assert!(
        refused.status.as_u16() == 403 || refused.status.is_redirection(),
        "{}",
        refused.status
    );
}

// ----- Languages -----

/// The confirmation a redirect carries (its flash cookie), decoded.
#[track_caller]
fn flash_of(reply: &Reply) -> String {
    let cookie = reply
        .set_cookie("roundtable_flash")
        .expect("a confirmation");
    percent_encoding::percent_decode_str(&cookie)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

#[tokio::test]
async fn rapporteurs_and_organizers_read_pages_and_mail_in_their_language() {
    // The organizers' mailbox at an address an account can have.
    let app = common::spawn_app_with(|s| {
        s.mail.organizer_address = "secretariat@example.org".into();
    })
    .await;
    let f = fixture(&app).await;
    // Amina reads French (her person record says so); Jan said nothing: English.
    app.patch(
        &format!("/api/v1/people/{}", f.amina),
        app.org(),
        &json!({"language": "fr"}),
    )
    .await
    .expect(200);
    let browser = app.sign_in(AMINA, TEST_PASSWORD).await;

    // Her workspace in French, its dates too; in English as it was.
    let home = app
        .get_page("/rapporteur?lang=fr", Some(&browser))
        .await
        .page(200)
        .text();
    shows(&home, "<title>Mes synthèses");
    shows(&home, "<h1>Mes synthèses</h1>");
    shows(&home, "<th scope=\"col\">Séance</th>");
    shows(&home, "<span class=\"badge draft\">À rédiger</span>");
    shows(&home, "mercredi 3 juin 2009, 09:30–11:00 CEST");
    lacks(&home, "My summaries</h1>");
    let english = app
        .get_page("/rapporteur?lang=en", Some(&browser))
        .await
        .page(200)
        .text();
    shows(&english, "<h1>My summaries</h1>");
    shows(&english, "<span class=\"badge draft\">To write</span>");
    shows(&english, "Wed 3 Jun 2009, 09:30–11:00 CEST");

    // The editor in Spanish: headings, vocabulary, buttons, and its confirmation.
    let path = format!("/rapporteur/sessions/{}", f.a);
    let editor = app
        .get_page(&format!("{path}?lang=es"), Some(&browser))
        .await
        .page(200)
        .text();
    shows(&editor, &format!("<h1>Resumen: {SESSION_A}</h1>"));
    shows(&editor, "<legend>Puntos clave</legend>");
    shows(&editor, "<label for=\"kp-0\">Punto 1</label>");
    shows(&editor, ">Prioridad alta</option>");
    shows(&editor, "<strong>Negrita</strong>");
    shows(&editor, "value=\"save\">Guardar borrador</button>");
    shows(&editor, "Mr Gareth EVANS (ponente)");
    let sent = app
        .submit(
            &format!("{path}?lang=es"),
            &browser,
            &[
                ("version", "0"),
                ("overview", "Early warning must lead to early action."),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(sent.status.as_u16(), 303, "{}", sent.text());
    assert_eq!(
        flash_of(&sent),
        "Enviado a los organizadores para revisión. Recibirá su respuesta por correo electrónico."
    );
    // The organizers' mailbox is an account that reads Spanish: its notice is Spanish.
    let mailbox = app.settings.mail.organizer_address.clone();
    let token = account(&app, &mailbox, "Secretariat", "organizer").await;
    app.patch(
        "/api/v1/auth/me",
        As::Token(&token),
        &json!({"language": "es"}),
    )
    .await
    .expect(200);
    put_summary(
        &app,
        f.b,
        f.jan(),
        &json!({"overview": "Mediation needs money."}),
    )
    .await
    .expect(200);
    action(&app, f.b, "submit", f.jan(), &json!({}))
        .await
        .expect(200);
    let notice = app.last_mail_to(&mailbox, "summary_submitted").await;
    assert_eq!(notice.subject, format!("Resumen por revisar: {SESSION_B}"));
    assert!(
        notice
            .text_body
            .contains("Jan Novak envió el resumen de «Mediation and dialogue»"),
        "{}",
        notice.text_body
    );
    // Before it was an account: English, as it was.
    let first = &app.mails_to(&mailbox, "summary_submitted").await[0];
    assert_eq!(first.subject, format!("Summary to review: {SESSION_A}"));

    // The organizer returns Amina's summary from the review in French.
    let organizer = app.organizer_browser().await;
    let review = app
        .get_page(&format!("{path}?lang=fr"), Some(&organizer))
        .await
        .page(200)
        .text();
    shows(&review, &format!("<h1>Relecture : {SESSION_A}</h1>"));
    shows(&review, "<h2 id=\"since-heading\">Première soumission</h2>");
    shows(&review, "value=\"approve\">Approuver</button>");
    shows(&review, "<span class=\"badge submitted\">Soumise</span>");
    let returned = app
        .submit(
            &format!("{path}/review?lang=fr"),
            &organizer,
            &[
                ("action", "return"),
                ("comment", "Nommez les organisations."),
            ],
        )
        .await;
    assert_eq!(returned.status.as_u16(), 303, "{}", returned.text());
    assert_eq!(
        flash_of(&returned),
        "Renvoyée au rapporteur avec votre commentaire."
    );
    // Amina's mail is French, whatever the organizer read.
    let mail = app.last_mail_to(AMINA, "summary_returned").await;
    assert_eq!(
        mail.subject,
        format!("Synthèse renvoyée pour modifications : {SESSION_A}")
    );
    assert!(mail.text_body.starts_with("Bonjour "), "{}", mail.text_body);
    assert!(
        mail.text_body
            .contains("Les organisateurs vous ont renvoyé votre synthèse de « Early warning and prevention » (Making a difference, 3–4 juin 2009)"),
        "{}",
        mail.text_body
    );
    assert!(mail.text_body.contains("Nommez les organisations."));
    assert!(mail.text_body.contains("juin 2009"), "{}", mail.text_body);
    assert!(mail.html_body.contains(r#"<html lang="fr">"#));
    assert!(mail.html_body.contains(">Ouvrir la synthèse</a>"));

    // Jan's approval mail stays English.
    action(&app, f.b, "approve", app.org(), &json!({}))
        .await
        .expect(200);
    let approved = app.last_mail_to(JAN, "summary_approved").await;
    assert_eq!(approved.subject, format!("Summary approved: {SESSION_B}"));
    assert!(
        approved.text_body.starts_with("Dear "),
        "{}",
        approved.text_body
    );
    assert!(approved.html_body.contains(r#"<html lang="en">"#));

    // The organizers' list of the event's summaries, in Spanish.
    let list = app
        .get_page(
            &format!("/organize/events/{}/summaries?lang=es", f.event),
            Some(&organizer),
        )
        .await
        .page(200)
        .text();
    shows(&list, "<h1>Resúmenes de los relatores</h1>");
    shows(
        &list,
        "2 sesiones con relator/a · 1 aprobado · 0 por revisar",
    );
    shows(&list, "<th scope=\"col\">Relator/a</th>");
    let english = app
        .get_page(
            &format!("/organize/events/{}/summaries?lang=en", f.event),
            Some(&organizer),
        )
        .await
        .page(200)
        .text();
    shows(
        &english,
        "2 sessions with a rapporteur · 1 approved · 0 to review",
    );
    shows(&english, "<span class=\"badge approved\">Approved</span>");
}

// ----- At the same time -----

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn simultaneous_saves_from_one_version_keep_one_and_refuse_the_others() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    put_summary(&app, f.a, f.amina(), &json!({"overview": "First text"}))
        .await
        .expect(200);

    // Ten editors all started from version 1: one wins, the others are told (409).
    let requests = (0..10)
        .map(|n| {
            (
                Method::PUT,
                summary_path(f.a),
                f.token_a.clone(),
                Some(json!({"overview": format!("Edit number {n}"), "version": 1})),
            )
        })
        .collect();
    let replies = at_once(&app, requests).await;
    let statuses: Vec<u16> = replies.iter().map(|(s, _)| *s).collect();
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 409),
        "only 200 or 409: {replies:?}"
    );
    let won: Vec<&Value> = replies
        .iter()
        .filter(|(s, _)| *s == 200)
        .map(|(_, b)| b)
        .collect();
    assert_eq!(won.len(), 1, "{statuses:?}");
    let stored = get_summary(&app, f.a).await;
    assert_eq!(stored["version"], 2);
    assert_eq!(stored["overview"], won[0]["overview"]);
    assert_eq!(version_numbers(&app, f.a).await, [1, 2]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn simultaneous_first_saves_are_each_kept_as_a_version() {
    let app = spawn_app().await;
    let f = fixture(&app).await;

    // No version given: each save overwrites the last, none fails.
    let requests = (0..8)
        .map(|n| {
            (
                Method::PUT,
                summary_path(f.b),
                f.token_b.clone(),
                Some(json!({"overview": format!("Draft number {n}")})),
            )
        })
        .collect();
    let replies = at_once(&app, requests).await;
    assert!(
        replies.iter().all(|(s, _)| *s == 200 || *s == 409),
        "only 200 or 409: {replies:?}"
    );
    let saved = replies.iter().filter(|(s, _)| *s == 200).count();
    assert!(saved >= 1, "{replies:?}");
    let expected: Vec<i64> = (1..=saved as i64).collect();
    assert_eq!(version_numbers(&app, f.b).await, expected);
    assert_eq!(app.count("summaries").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn simultaneous_approvals_approve_once_and_mail_once() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    put_summary(
        &app,
        f.a,
        f.amina(),
        &json!({"overview": "Ready for review"}),
    )
    .await
    .expect(200);
    action(&app, f.a, "submit", f.amina(), &json!({}))
        .await
        .expect(200);

    let requests = (0..6)
        .map(|_| {
            (
                Method::POST,
                format!("{}/approve", summary_path(f.a)),
                app.organizer.clone(),
                None,
            )
        })
        .collect();
    let replies = at_once(&app, requests).await;
    let statuses: Vec<u16> = replies.iter().map(|(s, _)| *s).collect();
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 409),
        "only 200 or 409: {replies:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(get_summary(&app, f.a).await["status"], "approved");
    assert_eq!(version_numbers(&app, f.a).await, [1, 2, 3]);
    assert_eq!(outbox_of(&app, "summary_approved").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn simultaneous_saves_proposing_the_same_new_theme_all_succeed() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let mut sessions = vec![f.a, f.b];
    for n in 0..4 {
        sessions.push(
            app.session(
                &f.event,
                &format!("Working group {n}"),
                &format!("2009-06-04T0{}:00:00", n + 1),
                &format!("2009-06-04T0{}:45:00", n + 1),
                None,
            )
            .await,
        );
    }
    // Summaries of six sessions, saved at once, each proposing the same new theme.
    let requests = sessions
        .iter()
        .map(|session| {
            (
                Method::PUT,
                summary_path(*session),
                app.organizer.clone(),
                Some(json!({
                    "overview": "Justice after conflict",
                    "recommendations": [{"text": "Set up truth commissions", "addressee": "governments",
                                         "themes": ["Transitional justice"]}]
                })),
            )
        })
        .collect();
    let replies = at_once(&app, requests).await;
    assert!(replies.iter().all(|(s, _)| *s == 200), "{replies:?}");
    let themes = app
        .get("/api/v1/themes", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(
        themes,
        json!([{"id": themes[0]["id"], "name": "Transitional justice", "curated": false}])
    );
}
