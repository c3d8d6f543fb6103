//! Reports are editions: a published report changes for its readers only when the
//! organizers publish it again. Meanwhile the organizers' JSON says `pending_changes` and
//! the workspace lists the changes; `edition` counts publications. The page, Markdown,
//! PDF, JSON and the series synthesis all follow the published edition. Runs on SQLite,
//! or on PostgreSQL when `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::Method;
use common::fixtures::slug;
use common::{As, Reply, TestApp, spawn_app};
use roundtable::entities::report_edition;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

// ----- Helpers -----

const PANEL: &str = "Early warning and early action";
const WORKSHOP: &str = "Workshop: civil society and the EU";

/// The Brussels conference, published, with a panel (morning) and a workshop
/// (afternoon), each with a rapporteur; returns the event's slug and the two sessions.
async fn conference(app: &TestApp) -> (String, i64, i64) {
    let event = slug(&app.brussels_event().await);
    app.publish(&event).await;
    let panel = app
        .session(
            &event,
            PANEL,
            "2009-06-03T09:30:00",
            "2009-06-03T11:00:00",
            None,
        )
        .await;
    let workshop = app
        .session(
            &event,
            WORKSHOP,
            "2009-06-03T14:00:00",
            "2009-06-03T15:30:00",
            None,
        )
        .await;
    for (session, family) in [(panel, "Okafor"), (workshop, "Lindqvist")] {
        let rapporteur = app.person("Dr", "Sam", family).await;
        app.assign(session, rapporteur, "rapporteur").await;
    }
    (event, panel, workshop)
}

fn summary_path(session: i64) -> String {
    format!("/api/v1/sessions/{session}/summary")
}

/// Saves (as the organizer), submits and approves a summary.
async fn approve(app: &TestApp, session: i64, body: &Value) {
    app.send(Method::PUT, &summary_path(session), app.org(), body)
        .await
        .expect(200);
    for step in ["submit", "approve"] {
        app.post(
            &format!("{}/{step}", summary_path(session)),
            app.org(),
            &json!({}),
        )
        .await
        .expect(200);
    }
}

fn summary(overview: &str, recommendation: &str, theme: &str) -> Value {
    json!({"overview": overview,
           "recommendations": [{"text": recommendation, "addressee": "EU", "themes": [theme]}]})
}

async fn publish(app: &TestApp, event: &str) -> Value {
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200)
    .json()
}

async fn report(app: &TestApp, event: &str, who: As<'_>) -> Value {
    app.get(&format!("/api/v1/events/{event}/report"), who)
        .await
        .expect(200)
        .json()
}

fn session_ids(report: &Value) -> Vec<i64> {
    report["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
}

async fn public(app: &TestApp, path: &str) -> Reply {
    app.get(path, As::Anonymous).await.expect(200)
}

async fn editions(app: &TestApp, event_id: i64) -> usize {
    report_edition::Entity::find()
        .filter(report_edition::Column::EventId.eq(event_id as i32))
        .all(app.db.conn())
        .await
        .unwrap()
        .len()
}

#[track_caller]
fn shows(body: &str, needle: &str) {
    assert!(body.contains(needle), "{needle:?} is missing:\n{body}");
}

#[track_caller]
fn lacks(body: &str, needle: &str) {
    assert!(
        !body.contains(needle),
        "{needle:?} should not be there:\n{body}"
    );
}

// ----- Editions -----

#[tokio::test]
async fn a_published_report_changes_for_readers_only_when_published_again() {
    let app = spawn_app().await;
    let (event, panel, workshop) = conference(&app).await;
    approve(
        &app,
        panel,
        &summary(
            "Early warning must lead to early action.",
            "Fund early warning networks",
            "Early warning",
        ),
    )
    .await;

    // Before the first publication there is no edition.
    let draft = report(&app, &event, app.org()).await;
    assert_eq!(draft["edition"], 0);
    assert_eq!(draft["pending_changes"], false);

    let first = publish(&app, &event).await;
    assert_eq!(first["edition"], 1);
    assert_eq!(first["pending_changes"], false);
    let event_id = first["event"]["id"].as_i64().unwrap();
    let md_path = format!("/events/{event}/report.md");
    let pdf_path = format!("/events/{event}/report.pdf");
    let page_path = format!("/events/{event}/report");
    let pdf_before = public(&app, &pdf_path).await.body;
    assert!(pdf_before.starts_with(b"%PDF-"));

    // A summary approved after publication: nothing public changes.
    approve(
        &app,
        workshop,
        &summary(
            "Civil society needs a channel to EU decision makers.",
            "Create a standing EU dialogue with civil society",
            "Civil society",
        ),
    )
    .await;
    let seen = report(&app, &event, As::Anonymous).await;
    assert_eq!(seen["edition"], 1);
    assert_eq!(session_ids(&seen), [panel]);
    assert!(seen.get("pending_changes").is_none(), "{seen}");
    assert!(seen.get("changes").is_none(), "{seen}");
    lacks(&seen.to_string(), "standing EU dialogue");
    let page = public(&app, &page_path).await.text();
    shows(&page, "Fund early warning networks");
    lacks(&page, WORKSHOP);
    lacks(&page, "standing EU dialogue");
    let md = public(&app, &md_path).await.text();
    shows(&md, "Fund early warning networks");
    lacks(&md, "standing EU dialogue");
    assert_eq!(
        public(&app, &pdf_path).await.body,
        pdf_before,
        "the PDF is the published edition's"
    );

    // The organizers see the report as it stands, and what publishing would change.
    let staff = report(&app, &event, app.org()).await;
    assert_eq!(staff["edition"], 1);
    assert_eq!(staff["pending_changes"], true);
    assert_eq!(session_ids(&staff), [panel, workshop]);
    assert_eq!(
        staff["changes"],
        json!([{"change": "added", "part": "session", "session_id": workshop, "title": WORKSHOP}])
    );
    let organizer = app.organizer_browser().await;
    let workspace_path = format!("/organize/events/{event}/report");
    let workspace = app
        .get_page(&workspace_path, Some(&organizer))
        .await
        .page(200)
        .text();
    shows(&workspace, "1 change since publication");
    shows(&workspace, WORKSHOP);
    shows(
        &workspace,
        "Create a standing EU dialogue with civil society",
    );
    shows(&workspace, "Publish edition 2");
    // The organizers' own preview says it is not what the public reads.
    let preview = app
        .get_page(&page_path, Some(&organizer))
        .await
        .page(200)
        .text();
    shows(&preview, "Preview of edition 2");
    shows(&preview, "standing EU dialogue");

    // Published again, from the workspace: edition 2, and everyone reads the change.
    let published = app
        .submit(&workspace_path, &organizer, &[("action", "publish")])
        .await;
    assert_eq!(published.status.as_u16(), 303, "{}", published.text());
    assert_eq!(published.location(), workspace_path);
    let seen = report(&app, &event, As::Anonymous).await;
    assert_eq!(seen["edition"], 2);
    assert_eq!(session_ids(&seen), [panel, workshop]);
    let page = public(&app, &page_path).await.text();
    shows(&page, "standing EU dialogue");
    shows(&page, "Edition 2, published");
    let md = public(&app, &md_path).await.text();
    shows(&md, "Create a standing EU dialogue with civil society");
    shows(&md, "Edition 2, published");
    let pdf_after = public(&app, &pdf_path).await.body;
    assert!(pdf_after.starts_with(b"%PDF-"));
    assert_ne!(pdf_after, pdf_before, "the PDF follows the new edition");
    let staff = report(&app, &event, app.org()).await;
    assert_eq!(staff["edition"], 2);
    assert_eq!(staff["pending_changes"], false);
    assert!(staff.get("changes").is_none(), "{staff}");
    let workspace = app
        .get_page(&workspace_path, Some(&organizer))
        .await
        .page(200)
        .text();
    lacks(&workspace, "since publication</h2>");
    lacks(&workspace, ">Publish edition 3<");
    // The introduction also waits for the next edition.
    app.patch(
        &format!("/api/v1/events/{event}/report"),
        app.org(),
        &json!({"introduction": "This report brings the summaries together."}),
    )
    .await
    .expect(200);
    let seen = report(&app, &event, As::Anonymous).await;
    assert_eq!(seen["introduction"], Value::Null);
    let staff = report(&app, &event, app.org()).await;
    assert_eq!(
        staff["changes"],
        json!([{"change": "added", "part": "introduction", "title": "Introduction"}])
    );
    // Publishing what the latest edition already says makes no new one.
    publish(&app, &event).await;
    assert_eq!(editions(&app, event_id).await, 3);
    let again = publish(&app, &event).await;
    assert_eq!(again["edition"], 3);
    assert_eq!(editions(&app, event_id).await, 3);
}

#[tokio::test]
async fn a_returned_or_changed_summary_stays_as_published_until_the_next_edition() {
    let app = spawn_app().await;
    let (event, panel, workshop) = conference(&app).await;
    approve(
        &app,
        panel,
        &summary(
            "The panel met.",
            "Fund early warning networks",
            "Early warning",
        ),
    )
    .await;
    approve(
        &app,
        workshop,
        &summary(
            "The workshop met.",
            "Consult civil society",
            "Civil society",
        ),
    )
    .await;
    publish(&app, &event).await;

    // The workshop's summary is returned; the panel's is returned, changed and approved.
    for session in [workshop, panel] {
        app.post(
            &format!("{}/return", summary_path(session)),
            app.org(),
            &json!({"comment": "Please name who should act."}),
        )
        .await
        .expect(200);
    }
    approve(
        &app,
        panel,
        &summary(
            "The panel met.",
            "Fund the early warning networks of the EU",
            "Early warning",
        ),
    )
    .await;

    let seen = report(&app, &event, As::Anonymous).await;
    assert_eq!(session_ids(&seen), [panel, workshop]);
    assert_eq!(
        seen["sessions"][0]["summary"]["recommendations"][0]["text"],
        "Fund early warning networks"
    );
    let staff = report(&app, &event, app.org()).await;
    assert_eq!(staff["pending_changes"], true);
    assert_eq!(session_ids(&staff), [panel]);
    assert_eq!(
        staff["changes"],
        json!([
            {"change": "changed", "part": "session", "session_id": panel, "title": PANEL},
            {"change": "removed", "part": "session", "session_id": workshop, "title": WORKSHOP}
        ])
    );
    // The workspace shows each change with the lines that changed.
    let organizer = app.organizer_browser().await;
    let workspace = app
        .get_page(
            &format!("/organize/events/{event}/report"),
            Some(&organizer),
        )
        .await
        .page(200)
        .text();
    shows(&workspace, "2 changes since publication");
    shows(
        &workspace,
        "<span class=\"removed\">−   - Fund early warning networks [to EU; themes: Early warning]</span>",
    );
    shows(
        &workspace,
        "<span class=\"added\">+   - Fund the early warning networks of the EU",
    );
    shows(&workspace, "Publish edition 2");

    let second = publish(&app, &event).await;
    assert_eq!(second["edition"], 2);
    let seen = report(&app, &event, As::Anonymous).await;
    assert_eq!(session_ids(&seen), [panel]);
    assert_eq!(
        seen["sessions"][0]["summary"]["recommendations"][0]["text"],
        "Fund the early warning networks of the EU"
    );
}

#[tokio::test]
async fn a_withdrawn_report_keeps_its_editions_and_numbers_on() {
    let app = spawn_app().await;
    let (event, panel, workshop) = conference(&app).await;
    approve(
        &app,
        panel,
        &summary("The panel met.", "Act early", "Early warning"),
    )
    .await;
    publish(&app, &event).await;
    app.post(
        &format!("/api/v1/events/{event}/report/withdraw"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    app.get(&format!("/api/v1/events/{event}/report"), As::Anonymous)
        .await
        .expect(404);
    let staff = report(&app, &event, app.org()).await;
    assert_eq!(staff["status"], "draft");
    assert_eq!(staff["edition"], 1);
    assert_eq!(staff["pending_changes"], false);

    // Published again unchanged: still edition 1.
    assert_eq!(publish(&app, &event).await["edition"], 1);
    assert_eq!(report(&app, &event, As::Anonymous).await["edition"], 1);

    // Withdrawn, changed and published: edition 2.
    app.post(
        &format!("/api/v1/events/{event}/report/withdraw"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    approve(
        &app,
        workshop,
        &summary("The workshop met.", "Consult", "Civil society"),
    )
    .await;
    assert_eq!(
        report(&app, &event, app.org()).await["pending_changes"],
        true
    );
    let second = publish(&app, &event).await;
    assert_eq!(second["edition"], 2);
    assert_eq!(second["status"], "published");
    assert_eq!(
        session_ids(&report(&app, &event, As::Anonymous).await),
        [panel, workshop]
    );
}

#[tokio::test]
async fn a_report_published_before_editions_were_kept_gets_its_first_edition_when_read() {
    let app = spawn_app().await;
    let (event, panel, workshop) = conference(&app).await;
    approve(
        &app,
        panel,
        &summary("The panel met.", "Act early", "Early warning"),
    )
    .await;
    let published = publish(&app, &event).await;
    let event_id = published["event"]["id"].as_i64().unwrap();
    // As a database migrated from before editions: published, without any edition.
    report_edition::Entity::delete_many()
        .filter(report_edition::Column::EventId.eq(event_id as i32))
        .exec(app.db.conn())
        .await
        .unwrap();
    assert_eq!(editions(&app, event_id).await, 0);

    let seen = report(&app, &event, As::Anonymous).await;
    assert_eq!(seen["edition"], 1);
    assert_eq!(session_ids(&seen), [panel]);
    assert_eq!(editions(&app, event_id).await, 1, "kept as edition 1");
    // From then on it is an edition like any other.
    approve(
        &app,
        workshop,
        &summary("The workshop met.", "Consult", "Civil society"),
    )
    .await;
    assert_eq!(
        session_ids(&report(&app, &event, As::Anonymous).await),
        [panel]
    );
    assert_eq!(
        report(&app, &event, app.org()).await["pending_changes"],
        true
    );
}

#[tokio::test]
async fn the_synthesis_draws_on_the_published_editions() {
    let app = spawn_app().await;
    let series = slug(
        &app.series(json!({"title": "Global consultative roundtables"}))
            .await,
    );
    let (event, panel, workshop) = conference(&app).await;
    app.patch(
        &format!("/api/v1/events/{event}"),
        app.org(),
        &json!({"series": series}),
    )
    .await
    .expect(200);
    approve(
        &app,
        panel,
        &summary("The panel met.", "Act early", "Early warning"),
    )
    .await;
    publish(&app, &event).await;
    approve(
        &app,
        workshop,
        &summary("The workshop met.", "Consult", "Local ownership"),
    )
    .await;
    let path = format!("/api/v1/series/{series}/report");
    let before = public(&app, &path).await.json().to_string();
    shows(&before, "Early warning");
    lacks(&before, "Local ownership");
    publish(&app, &event).await;
    let after = public(&app, &path).await.json().to_string();
    shows(&after, "Local ownership");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_publications_make_one_edition() {
    let app = spawn_app().await;
    let (event, panel, workshop) = conference(&app).await;
    approve(
        &app,
        panel,
        &summary("The panel met.", "Act early", "Early warning"),
    )
    .await;
    let event_id = publish(&app, &event).await["event"]["id"].as_i64().unwrap();
    approve(
        &app,
        workshop,
        &summary("The workshop met.", "Consult", "Civil society"),
    )
    .await;
    let path = format!("/api/v1/events/{event}/report/publish");
    let empty = json!({});
    let (a, b, c) = tokio::join!(
        app.post(&path, app.org(), &empty),
        app.post(&path, app.org(), &empty),
        app.post(&path, app.org(), &empty),
    );
    for reply in [a, b, c] {
        assert_eq!(reply.expect(200).json()["edition"], 2);
    }
    assert_eq!(editions(&app, event_id).await, 2);
}
