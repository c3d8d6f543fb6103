//! The confidentiality of sessions in every output: under the Chatham House rule nothing
//! names a speaker for what was said (pages, Markdown, JSON, PDF, the synthesis, the
//! editor); a closed session is absent from every public page, calendar, report and mail
//! to registrants, and still there for organizers and the panel's own feeds. Runs on
//! SQLite, or on PostgreSQL when `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::Method;
use common::fixtures::slug;
use common::{As, TestApp, spawn_app};
use serde_json::{Value, json};

const POINT: &str = "Prevention is cheaper than intervention";

/// A published roundtable of a series (10 March 2008, Accra) with one session whose
/// speaker is Gareth Evans; its slug, the session's id and the speaker's id.
async fn roundtable(app: &TestApp, series: &str) -> (String, i64, i64) {
    let event = slug(
        &app.event(
            json!({"title": "Roundtable for Africa", "kind": "roundtable",
                          "starts_on": "2008-03-10", "ends_on": "2008-03-10", "timezone": "UTC",
                          "city": "Accra", "country": "GH", "region": "africa", "series": series}),
        )
        .await,
    );
    app.publish(&event).await;
    let session = app
        .session(
            &event,
            "Early warning",
            "2008-03-10T09:00:00",
            "2008-03-10T12:00:00",
            None,
        )
        .await;
    let speaker = app.person("Mr", "Gareth", "Evans").await;
    let rapporteur = app.person("Dr", "Sam", "Writer").await;
    app.assign(session, speaker, "speaker").await;
    app.assign(session, rapporteur, "rapporteur").await;
    (event, session, speaker)
}

fn summary_path(session: i64) -> String {
    format!("/api/v1/sessions/{session}/summary")
}

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

async fn set_confidentiality(app: &TestApp, session: i64, value: &str) {
    app.patch(
        &format!("/api/v1/sessions/{session}"),
        app.org(),
        &json!({"confidentiality": value}),
    )
    .await
    .expect(200);
}

/// Whether `name` follows `point` closely (within 120 characters), as an attribution
/// would: "Prevention … (Mr Gareth EVANS)".
fn attributed(output: &str, point: &str, name: &str) -> bool {
    output.match_indices(point).any(|(at, _)| {
        let after: String = output[at + point.len()..].chars().take(120).collect();
        after.contains(name)
    })
}

async fn text_of(app: &TestApp, path: &str, who: As<'_>) -> String {
    let reply = app.get(path, who).await.expect(200);
    String::from_utf8_lossy(&reply.body).to_string()
}

#[tokio::test]
async fn under_the_chatham_house_rule_no_output_attributes_what_was_said() {
    let app = spawn_app().await;
    let series = slug(
        &app.series(json!({"title": "Global consultative roundtables"}))
            .await,
    );
    let (event, session, speaker) = roundtable(&app, &series).await;
    // Summarized and published while public, with the point attributed.
    approve(
        &app,
        session,
        &json!({"overview": "Early warning.", "key_points": [{"person_id": speaker, "text": POINT}],
                "recommendations": [{"text": "Fund early warning", "addressee": "African Union", "themes": ["Early warning"]}]}),
    )
    .await;
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let before = text_of(&app, &format!("/events/{event}/report.md"), As::Anonymous).await;
    assert!(
        attributed(&before, POINT, "EVANS"),
        "attributed while public: {before}"
    );

    // The session was in fact held under the Chatham House rule.
    set_confidentiality(&app, session, "chatham-house").await;
    let outputs = [
        format!("/events/{event}/report"),
        format!("/events/{event}/report.md"),
        format!("/api/v1/events/{event}/report"),
        format!("/series/{series}/report"),
        format!("/series/{series}/report.md"),
        format!("/api/v1/series/{series}/report"),
    ];
    for path in &outputs {
        for who in [As::Anonymous, app.org()] {
            let body = text_of(&app, path, who).await;
            assert!(
                !attributed(&body, POINT, "EVANS"),
                "{path} attributes: {body}"
            );
            assert!(
                !body.contains(&format!("{POINT}\",\"person_id\":{speaker}")),
                "{path}: {body}"
            );
        }
    }
    for path in [&outputs[0], &outputs[1]] {
        let body = text_of(&app, path, As::Anonymous).await;
        assert!(body.contains(POINT), "the point is still reported: {path}");
        assert!(
            body.contains("Chatham House rule"),
            "{path} says the rule applied"
        );
    }
    // The PDF, read as typeset.
    let report = roundtable::reports::service::visible_report(
        &app.db,
        &app.settings,
        &roundtable::events::SeriesRef::parse(&event),
        false,
    )
    .await
    .unwrap();
    let pages = roundtable::pdf::Job::event_report(&report)
        .unwrap()
        .page_texts()
        .unwrap()
        .join(" ");
    assert!(pages.contains(POINT));
    assert!(!attributed(&pages, POINT, "EVANS"), "{pages}");
    assert!(pages.contains("Chatham House rule"));
    let pdf = app
        .get(&format!("/events/{event}/report.pdf"), As::Anonymous)
        .await
        .expect(200);
    assert!(pdf.body.starts_with(b"%PDF-"));

    // The editor offers no "made by", and the API takes none.
    let refused = app
        .send(
            Method::PUT,
            &summary_path(session),
            app.org(),
            &json!({"overview": "x", "key_points": [{"person_id": speaker, "text": POINT}]}),
        )
        .await
        .expect(422);
    assert_eq!(refused.error_fields(), ["key_points[0].person_id"]);
    let browser = app.organizer_browser().await;
    let editor = app
        .get_page(
            &format!("/rapporteur/sessions/{session}/edit"),
            Some(&browser),
        )
        .await
        .text();
    assert!(!editor.contains("Made by"), "{editor}");
    assert!(editor.contains("Chatham House rule"));
}

#[tokio::test]
async fn a_closed_session_is_absent_from_every_public_output() {
    let app = spawn_app().await;
    let series = slug(&app.series(json!({"title": "Consultations"})).await);
    let (event, open, _) = roundtable(&app, &series).await;
    let closed = app
        .session(
            &event,
            "Consultation with governments",
            "2008-03-10T14:00:00",
            "2008-03-10T16:00:00",
            None,
        )
        .await;
    let ministry = app.organization("Secret Ministry").await;
    let minister = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "H.E.", "given_name": "Closed", "family_name": "Minister",
                    "organization_id": ministry}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    app.assign(closed, minister, "speaker").await;
    set_confidentiality(&app, closed, "closed").await;
    approve(
        &app,
        open,
        &json!({"overview": "Open session.", "challenges": ["Open challenge"]}),
    )
    .await;
    approve(
        &app,
        closed,
        &json!({"overview": "Closed talks.", "challenges": ["Secret challenge"],
                "recommendations": [{"text": "Secret recommendation", "addressee": "EU", "themes": ["Secrecy"]}]}),
    )
    .await;
    // Attendance is recorded: the minister was at the closed session, the open session's
    // speaker at the open one; the report's organizations come from it.
    let speaker = app
        .get(&format!("/api/v1/sessions/{open}/participants"), app.org())
        .await
        .json()["items"][0]["person_id"]
        .as_i64()
        .unwrap();
    for (session, person) in [(closed, minister), (open, speaker)] {
        app.send(
            Method::PUT,
            &format!("/api/v1/sessions/{session}/attendance"),
            app.org(),
            &json!([{"person_id": person, "status": "present"}]),
        )
        .await
        .expect(200);
    }
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let staff_record = app
        .get(&format!("/api/v1/events/{event}/attendance"), app.org())
        .await
        .json();
    assert!(
        staff_record.to_string().contains("Secret Ministry"),
        "organizers see it: {staff_record}"
    );

    let public = [
        format!("/events/{event}"),
        format!("/api/v1/events/{event}"),
        format!("/api/v1/events/{event}/sessions"),
        format!("/events/{event}/calendar.ics"),
        format!("/events/{event}/report"),
        format!("/events/{event}/report.md"),
        format!("/api/v1/events/{event}/report"),
        format!("/series/{series}/report"),
        format!("/api/v1/series/{series}/report"),
    ];
    for path in &public {
        let body = text_of(&app, path, As::Anonymous).await;
        for secret in [
            "Consultation with governments",
            "Secret challenge",
            "Secret recommendation",
            "Secrecy",
            "MINISTER",
            "Secret Ministry",
        ] {
            assert!(!body.contains(secret), "{path} shows {secret:?}: {body}");
        }
        let shown = if path.ends_with("/sessions") {
            "Early warning"
        } else if path.contains("/series/") {
            "Open challenge"
        } else {
            "Roundtable for Africa"
        };
        assert!(body.contains(shown), "{path} still shows the event");
    }
    let listed = app
        .get(&format!("/api/v1/events/{event}/sessions"), As::Anonymous)
        .await
        .json();
    assert_eq!(listed["total"], 1, "counted without it");
    for path in [
        format!("/sessions/{closed}"),
        format!("/api/v1/sessions/{closed}"),
        format!("/sessions/{closed}/calendar.ics"),
    ] {
        app.get(&path, As::Anonymous).await.expect(404);
    }
    // Organizers see it, and so does the panel in its own feed.
    let staff = text_of(&app, &format!("/api/v1/events/{event}"), app.org()).await;
    assert!(staff.contains("Consultation with governments"));
    assert!(staff.contains("\"confidentiality\":\"closed\""));
    app.get(&format!("/api/v1/sessions/{closed}"), app.org())
        .await
        .expect(200);
    let feed = app
        .post(
            &format!("/api/v1/people/{minister}/feed"),
            app.org(),
            &json!({}),
        )
        .await
        .expect(201)
        .json();
    let url = feed["feed_url"].as_str().unwrap();
    let path = &url[url.find("/feeds/").unwrap()..];
    let ics = text_of(&app, path, As::Anonymous).await;
    assert!(ics.contains("Consultation with governments"), "{ics}");
}
