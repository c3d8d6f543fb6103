//! Outcome reports and the synthesis of a series, end to end: who sees a report before and
//! after it is published, what it is assembled from (approved summaries only, in programme
//! order, grouped and counted), hostile text in every format, the PDF, the synthesis of a
//! series across events and regions, and the documents library. Runs on SQLite, or on
//! PostgreSQL when `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use axum::http::{Method, header};
use common::fixtures::{id, slug};
use common::{As, Reply, TestApp, spawn_app};
use roundtable::events::SeriesRef;
use roundtable::pdf::{self, kept};
use roundtable::reports::service;
use serde_json::{Value, json};

// ----- Helpers -----

/// The Brussels conference, published, with its panel on early warning (3 June, 09:30–11:00)
/// and the panel's rapporteur; returns the event's slug and the session's id.
async fn early_warning_panel(app: &TestApp) -> (String, i64) {
    let event = slug(&app.brussels_event().await);
    app.publish(&event).await;
    let panel = session_with_rapporteur(
        app,
        &event,
        "Early warning and early action",
        "2009-06-03T09:30:00",
        "2009-06-03T11:00:00",
    )
    .await;
    (event, panel)
}

/// A session with a rapporteur of its own; returns the session's id.
async fn session_with_rapporteur(
    app: &TestApp,
    event: &str,
    title: &str,
    starts: &str,
    ends: &str,
) -> i64 {
    let session = app.session(event, title, starts, ends, None).await;
    let family = format!("Rapporteur{session}");
    let rapporteur = app.person("Dr", "Sam", &family).await;
    app.assign(session, rapporteur, "rapporteur").await;
    session
}

fn summary_path(session: i64) -> String {
    format!("/api/v1/sessions/{session}/summary")
}

/// Saves a summary (as the organizer) and submits it.
async fn submitted(app: &TestApp, session: i64, body: &Value) {
    app.send(Method::PUT, &summary_path(session), app.org(), body)
        .await
        .expect(200);
    app.post(
        &format!("{}/submit", summary_path(session)),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
}

/// Saves, submits and approves a summary.
async fn approved(app: &TestApp, session: i64, body: &Value) {
    submitted(app, session, body).await;
    let out = app
        .post(
            &format!("{}/approve", summary_path(session)),
            app.org(),
            &json!({}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(out["status"], "approved");
}

fn rec(text: &str, addressee: &str, themes: &[&str]) -> Value {
    json!({"text": text, "addressee": addressee, "themes": themes})
}

async fn publish_report(app: &TestApp, event: &str) -> Reply {
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
}

async fn report_json(app: &TestApp, event: &str, who: As<'_>) -> Value {
    app.get(&format!("/api/v1/events/{event}/report"), who)
        .await
        .expect(200)
        .json()
}

fn texts(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_str().unwrap().to_string())
        .collect()
}

fn ids(list: &Value, key: &str) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_i64().unwrap())
        .collect()
}

fn numbers(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect()
}

fn content_type(reply: &Reply) -> String {
    reply
        .headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
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

/// The four forms of an event's report.
fn report_paths(event: &str) -> [String; 4] {
    [
        format!("/events/{event}/report"),
        format!("/events/{event}/report.md"),
        format!("/events/{event}/report.pdf"),
        format!("/api/v1/events/{event}/report"),
    ]
}

// ----- Who sees a report -----

#[tokio::test]
async fn a_report_is_public_only_while_published() {
    let app = spawn_app().await;
    let (event, panel) = early_warning_panel(&app).await;
    let summary = json!({"overview": "Early warning must lead to early action.",
                         "recommendations": [rec("Fund early warning", "EU", &["Early warning"])]});
    submitted(&app, panel, &summary).await;

    // Not published: nothing for the public, in any form; organizers preview it.
    for path in report_paths(&event) {
        app.get(&path, As::Anonymous).await.expect(404);
        app.get(&path, app.member_token()).await.expect(404);
    }
    app.get(&format!("/events/{event}/report"), app.org())
        .await
        .page(200);
    let md = app
        .get(&format!("/events/{event}/report.md"), app.org())
        .await
        .expect(200);
    shows(&md.text(), "**Draft**");
    let preview = report_json(&app, &event, app.org()).await;
    assert_eq!(preview["status"], "draft");
    assert_eq!(preview["sessions"], json!([]));

    // Publishing needs an approved summary: a submitted one is not enough.
    let refused = publish_report(&app, &event).await.expect(409);
    assert_eq!(
        content_type(&refused),
        "application/problem+json",
        "{}",
        refused.text()
    );
    app.get(&format!("/api/v1/events/{event}/report"), As::Anonymous)
        .await
        .expect(404);
    // Only organizers publish.
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        As::Token(&app.rapporteur),
        &json!({}),
    )
    .await
    .expect(403);
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        As::Anonymous,
        &json!({}),
    )
    .await
    .expect(401);

    app.post(
        &format!("{}/approve", summary_path(panel)),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let published = publish_report(&app, &event).await.expect(200).json();
    assert_eq!(published["status"], "published");
    assert!(published["published_at"].is_string());

    let page = app
        .get(&format!("/events/{event}/report"), As::Anonymous)
        .await
        .page(200)
        .text();
    shows(&page, "Early warning and early action");
    shows(&page, "Fund early warning");
    lacks(&page, "Draft preview");
    let md = app
        .get(&format!("/events/{event}/report.md"), As::Anonymous)
        .await
        .expect(200);
    assert_eq!(content_type(&md), "text/markdown; charset=utf-8");
    shows(&md.text(), "Fund early warning");
    lacks(&md.text(), "**Draft**");
    let public = report_json(&app, &event, As::Anonymous).await;
    assert_eq!(public["status"], "published");
    assert_eq!(ids(&public["sessions"], "id"), [panel]);

    // Withdrawn: gone again for the public, still there for organizers.
    let withdrawn = app
        .post(
            &format!("/api/v1/events/{event}/report/withdraw"),
            app.org(),
            &json!({}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(withdrawn["status"], "draft");
    for path in report_paths(&event) {
        app.get(&path, As::Anonymous).await.expect(404);
    }
    app.get(&format!("/events/{event}/report"), app.org())
        .await
        .page(200);
    assert_eq!(
        report_json(&app, &event, app.org()).await["status"],
        "draft"
    );

    // The report of a draft event is no one's business but the organizers'.
    let draft = slug(
        &app.event_with(json!({"title": "Unannounced meeting", "subtitle": null}))
            .await,
    );
    app.get(&format!("/api/v1/events/{draft}/report"), As::Anonymous)
        .await
        .expect(404);
    app.get(&format!("/api/v1/events/{draft}/report"), app.org())
        .await
        .expect(200);
}

// ----- What a report is made of -----

#[tokio::test]
async fn a_report_assembles_the_approved_summaries_in_programme_order() {
    let app = spawn_app().await;
    let event = slug(&app.brussels_event().await);
    app.publish(&event).await;
    // Created out of order: the closing plenary first, the first morning panel second.
    let s3 = session_with_rapporteur(
        &app,
        &event,
        "Closing plenary: the way forward",
        "2009-06-04T10:00:00",
        "2009-06-04T11:30:00",
    )
    .await;
    let s1 = session_with_rapporteur(
        &app,
        &event,
        "Early warning and early action",
        "2009-06-03T09:30:00",
        "2009-06-03T11:00:00",
    )
    .await;
    let s4 = session_with_rapporteur(
        &app,
        &event,
        "Civil society and the EU",
        "2009-06-03T11:30:00",
        "2009-06-03T13:00:00",
    )
    .await;
    let s2 = session_with_rapporteur(
        &app,
        &event,
        "The responsibility to protect",
        "2009-06-03T14:00:00",
        "2009-06-03T15:30:00",
    )
    .await;
    let letlojane = app.letlojane().await;
    let crisis_group = app.organization("International Crisis Group").await;
    let evans = app
        .person_at("Mr", "Gareth", "Evans", "President", crisis_group)
        .await;
    app.assign(s1, letlojane, "chair").await;
    app.assign(s2, evans, "speaker").await;

    approved(
        &app,
        s3,
        &json!({
            "overview": "The conference closed.",
            "challenges": ["Fragmented funding"],
            "recommendations": [
                rec("Adopt an RtoP focal point", "EU", &["Accountability"]),
                rec("Report on atrocity risks", "civil society", &["Early warning"])
            ]
        }),
    )
    .await;
    approved(
        &app,
        s1,
        &json!({
            "overview": "Early warning must lead to early action.",
            "challenges": ["Lack of political will"],
            "recommendations": [
                rec("Fund early warning networks", "EU", &["Early warning", "Funding"]),
                rec("Train mediators", "governments", &["Mediation"])
            ]
        }),
    )
    .await;
    approved(
        &app,
        s2,
        &json!({
            "overview": "The panel discussed RtoP.",
            "key_points": [{"person_id": evans, "text": "RtoP is about prevention first."}],
            "recommendations": [
                rec("Share early warning data", "eu", &["early warning"]),
                rec("Support local peacebuilders", "Civil Society", &["Early warning", "Local ownership"])
            ],
            "next_steps": ["Meet again in Addis Ababa"]
        }),
    )
    .await;
    // Submitted, not approved: not in the report.
    submitted(
        &app,
        s4,
        &json!({
            "overview": "Not approved yet.",
            "challenges": ["An unapproved challenge"],
            "recommendations": [rec("An unapproved recommendation", "donors", &["Funding"])]
        }),
    )
    .await;

    let report = report_json(&app, &event, app.org()).await;
    assert_eq!(report["event"]["slug"], event);
    assert_eq!(report["event"]["title"], "Making a difference");
    assert_eq!(ids(&report["sessions"], "id"), [s1, s2, s3]);
    let whole = report.to_string();
    lacks(&whole, "unapproved");
    lacks(&whole, "donors");

    // People as the directory names them.
    let first = &report["sessions"][0];
    assert_eq!(first["chair"][0]["display_name"], "Ms Corlett LETLOJANE");
    assert_eq!(
        first["chair"][0]["affiliation"],
        "Director, Human Rights Institute of South Africa"
    );
    assert_eq!(
        first["rapporteur"][0]["display_name"],
        format!("Dr Sam RAPPORTEUR{s1}")
    );
    let second = &report["sessions"][1];
    assert_eq!(second["speakers"][0]["display_name"], "Mr Gareth EVANS");
    assert_eq!(
        second["speakers"][0]["affiliation"],
        "President, International Crisis Group"
    );
    assert_eq!(
        second["summary"]["key_points"][0]["speaker"],
        "Mr Gareth EVANS"
    );
    assert_eq!(second["summary"]["overview"], "The panel discussed RtoP.");

    // Recommendations by addressee, most addressed first, each in programme order.
    let groups = &report["recommendations_by_addressee"];
    assert_eq!(
        texts(groups, "addressee"),
        ["EU", "civil society", "governments"]
    );
    assert_eq!(
        texts(&groups[0]["items"], "text"),
        [
            "Fund early warning networks",
            "Share early warning data",
            "Adopt an RtoP focal point"
        ]
    );
    assert_eq!(ids(&groups[0]["items"], "session_id"), [s1, s2, s3]);
    assert_eq!(
        texts(&groups[1]["items"], "text"),
        ["Support local peacebuilders", "Report on atrocity risks"]
    );
    assert_eq!(ids(&groups[1]["items"], "session_id"), [s2, s3]);
    assert_eq!(texts(&groups[2]["items"], "text"), ["Train mediators"]);

    // Themes, counted by recommendation, spelled alike.
    let themes = &report["themes"];
    assert_eq!(themes[0], json!({"theme": "Early warning", "count": 4}));
    let counts: BTreeMap<String, i64> = themes
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["theme"].as_str().unwrap().to_string(),
                t["count"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected: BTreeMap<String, i64> = [
        ("Early warning", 4),
        ("Accountability", 1),
        ("Funding", 1),
        ("Local ownership", 1),
        ("Mediation", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(counts, expected);
    let by_theme = &report["recommendations_by_theme"];
    assert_eq!(by_theme[0]["theme"], "Early warning");
    assert_eq!(ids(&by_theme[0]["items"], "session_id"), [s1, s2, s2, s3]);
    assert_eq!(
        texts(&by_theme[0]["items"], "text"),
        [
            "Fund early warning networks",
            "Share early warning data",
            "Support local peacebuilders",
            "Report on atrocity risks"
        ]
    );
    let funding = by_theme
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["theme"] == "Funding")
        .expect("a Funding group");
    assert_eq!(
        texts(&funding["items"], "text"),
        ["Fund early warning networks"]
    );

    // Challenges and next steps, with the sessions they come from.
    assert_eq!(
        texts(&report["challenges"], "text"),
        ["Lack of political will", "Fragmented funding"]
    );
    assert_eq!(ids(&report["challenges"], "session_id"), [s1, s3]);
    assert_eq!(
        texts(&report["next_steps"], "text"),
        ["Meet again in Addis Ababa"]
    );
    assert_eq!(ids(&report["next_steps"], "session_id"), [s2]);

    // The organizations of the people on the panels.
    let organizations = texts(&report["organizations"], "name");
    assert!(organizations.contains(&"Human Rights Institute of South Africa".to_string()));
    assert!(organizations.contains(&"International Crisis Group".to_string()));

    // Organizers learn what is missing; the public does not.
    assert_eq!(
        report["missing"],
        json!([{"session_id": s4, "title": "Civil society and the EU", "status": "submitted"}])
    );
    publish_report(&app, &event).await.expect(200);
    let public = report_json(&app, &event, As::Anonymous).await;
    assert!(public.get("missing").is_none(), "{public}");
    assert_eq!(ids(&public["sessions"], "id"), [s1, s2, s3]);
    let page = app
        .get(&format!("/events/{event}/report"), As::Anonymous)
        .await
        .page(200)
        .text();
    let position = |session: i64| {
        page.find(&format!("id=\"session-{session}\""))
            .unwrap_or_else(|| panic!("session {session} is not on the page"))
    };
    assert!(
        position(s1) < position(s2) && position(s2) < position(s3),
        "sessions in programme order on the page"
    );
    lacks(&page, "Civil society and the EU");

    // An approved summary returned to its rapporteur leaves the report again.
    app.post(
        &format!("{}/return", summary_path(s3)),
        app.org(),
        &json!({"comment": "Please add the closing remarks."}),
    )
    .await
    .expect(200);
    let report = report_json(&app, &event, app.org()).await;
    assert_eq!(ids(&report["sessions"], "id"), [s1, s2]);
    assert_eq!(ids(&report["challenges"], "session_id"), [s1]);
    lacks(&report.to_string(), "Adopt an RtoP focal point");
    let missing: Vec<(i64, String)> = report["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["session_id"].as_i64().unwrap(),
                m["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        missing,
        [(s4, "submitted".to_string()), (s3, "returned".to_string())]
    );
    // The public reads the published edition until the report is published again.
    let public = report_json(&app, &event, As::Anonymous).await;
    assert_eq!(ids(&public["sessions"], "id"), [s1, s2, s3]);
    assert_eq!(report["pending_changes"], true);
    publish_report(&app, &event).await.expect(200);
    let public = report_json(&app, &event, As::Anonymous).await;
    assert_eq!(ids(&public["sessions"], "id"), [s1, s2]);
}

// ----- Hostile text -----

#[tokio::test]
async fn hostile_text_stays_text_in_every_format() {
    let app = spawn_app().await;
    let (event, panel) = early_warning_panel(&app).await;
    let recommendation = "<script>alert(1)</script> *x* [a](javascript:alert(1))";
    let overview = "Intro <img src=x onerror=alert(1)> and a [link](javascript:alert(2)) **bold**";
    let challenge = "<b onmouseover=alert(3)>Funding</b>";
    approved(
        &app,
        panel,
        &json!({
            "overview": overview,
            "challenges": [challenge],
            "recommendations": [rec(recommendation, "EU", &["Early warning"])]
        }),
    )
    .await;
    app.patch(
        &format!("/api/v1/events/{event}/report"),
        app.org(),
        &json!({"introduction": "Welcome <script>alert(4)</script>", "conclusions": "[c](javascript:alert(5))"}),
    )
    .await
    .expect(200);
    publish_report(&app, &event).await.expect(200);

    // The page: no script, no event handler, no javascript: link; the text is shown.
    let page = app
        .get(&format!("/events/{event}/report"), As::Anonymous)
        .await
        .page(200)
        .text();
    let lower = page.to_lowercase();
    lacks(&lower, "<script>alert");
    lacks(&lower, "onerror");
    lacks(&lower, "<b onmouseover");
    for attribute in ["=\"javascript:", "='javascript:", "=javascript:"] {
        lacks(&lower, attribute);
    }
    // What is left of "javascript:" is visible text of the recommendation, never a link.
    let links = lower.matches("javascript:").count();
    let as_text = lower.matches("[a](javascript:alert(1))").count();
    assert_eq!(
        links, as_text,
        "javascript: only as the recommendation's text"
    );
    assert!(
        lower.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || lower.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the recommendation is shown escaped:\n{page}"
    );
    shows(&page, "<strong>bold</strong>");

    // The Markdown: plain text escaped, raw HTML of the rich texts neutralised.
    let md = app
        .get(&format!("/events/{event}/report.md"), As::Anonymous)
        .await
        .expect(200)
        .text();
    shows(
        &md,
        "\\<script\\>alert(1)\\</script\\> \\*x\\* \\[a\\](javascript:alert(1))",
    );
    shows(&md, "&lt;img src=x onerror=alert(1)>");
    shows(&md, "\\<b onmouseover=alert(3)\\>Funding\\</b\\>");
    shows(&md, "Welcome &lt;script>alert(4)&lt;/script>");
    shows(&md, "**bold**");
    lacks(&md, "<script>");
    lacks(&md, "<img");

    // The JSON: verbatim.
    let report = report_json(&app, &event, As::Anonymous).await;
    let session = &report["sessions"][0]["summary"];
    assert_eq!(session["overview"], overview);
    assert_eq!(session["recommendations"][0]["text"], recommendation);
    assert_eq!(session["challenges"][0], challenge);
    assert_eq!(
        report["recommendations_by_addressee"][0]["items"][0]["text"],
        recommendation
    );
    assert_eq!(report["challenges"][0]["text"], challenge);
    assert_eq!(report["introduction"], "Welcome <script>alert(4)</script>");
}

// ----- PDF -----

#[tokio::test]
async fn the_report_is_a_pdf_too() {
    let app = spawn_app().await;
    let (event, panel) = early_warning_panel(&app).await;
    approved(
        &app,
        panel,
        &json!({"overview": "Early warning must lead to *early action*.",
                "recommendations": [rec("Fund early warning networks", "EU", &["Early warning"])]}),
    )
    .await;
    let path = format!("/events/{event}/report.pdf");
    // The organizers' preview of the draft...
    let draft = app.get(&path, app.org()).await.expect(200);
    assert_eq!(content_type(&draft), "application/pdf");
    assert!(draft.body.starts_with(b"%PDF-"));
    // ...and the published report, for anyone.
    publish_report(&app, &event).await.expect(200);
    let pdf = app.get(&path, As::Anonymous).await.expect(200);
    assert_eq!(content_type(&pdf), "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF-"), "not a PDF");
    assert!(pdf.body.len() > 1000, "a PDF of {} bytes", pdf.body.len());
}

// ----- The synthesis of a series -----

/// A published event of the series with one session whose summary is approved; returns
/// the event's id and slug.
async fn roundtable(
    app: &TestApp,
    series: &str,
    (title, date, city, country, region): (&str, &str, &str, &str, &str),
    summary: Value,
    publish_its_report: bool,
) -> (i64, String) {
    let event = app
        .event(
            json!({"title": title, "kind": "roundtable", "starts_on": date, "ends_on": date,
                   "timezone": "UTC", "city": city, "country": country, "region": region,
                   "series": series}),
        )
        .await;
    let event_slug = slug(&event);
    app.publish(&event_slug).await;
    let session = session_with_rapporteur(
        app,
        &event_slug,
        &format!("Roundtable in {city}"),
        &format!("{date}T09:00:00"),
        &format!("{date}T12:00:00"),
    )
    .await;
    approved(app, session, &summary).await;
    if publish_its_report {
        publish_report(app, &event_slug).await.expect(200);
    }
    (id(&event), event_slug)
}

#[tokio::test]
async fn the_synthesis_ranks_themes_and_challenges_across_published_reports() {
    let app = spawn_app().await;
    let series = app
        .series(json!({"title": "Global consultative roundtables",
                       "description": "Roundtables on the **responsibility to protect**."}))
        .await;
    let series = slug(&series);

    // Created out of date order: Bangkok (May), Accra (March), Buenos Aires (July).
    let (bangkok, _) = roundtable(
        &app,
        &series,
        ("Roundtable for Asia-Pacific", "2008-05-12", "Bangkok", "TH", "asia-pacific"),
        json!({"overview": "Bangkok.",
               "challenges": ["lack of political will."],
               "recommendations": [rec("Regional early warning desks", "regional organizations", &["Early warning", "Regional cooperation"])]}),
        true,
    )
    .await;
    let (accra, _) = roundtable(
        &app,
        &series,
        (
            "Roundtable for Africa",
            "2008-03-10",
            "Accra",
            "GH",
            "africa",
        ),
        json!({"overview": "Accra.",
               "challenges": ["Lack of political will"],
               "recommendations": [
                   rec("Early warning for the African Union", "african union", &["early warning"]),
                   rec("Prosecute atrocity crimes", "governments", &["Accountability"])
               ],
               "next_steps": ["A follow-up meeting in Addis Ababa"]}),
        true,
    )
    .await;
    let (buenos_aires, _) = roundtable(
        &app,
        &series,
        ("Roundtable for the Americas", "2008-07-14", "Buenos Aires", "AR", "americas"),
        json!({"overview": "Buenos Aires.",
               "challenges": ["Weak institutions"],
               "recommendations": [
                   rec("Early warning for the OAS", "regional organizations", &["EARLY WARNING", "regional  cooperation"]),
                   rec("Train judges", "governments", &["Rule of law"])
               ]}),
        true,
    )
    .await;
    // Its report is not published: left out.
    let (cairo, cairo_slug) = roundtable(
        &app,
        &series,
        ("Roundtable for the Middle East", "2008-09-15", "Cairo", "EG", "middle-east"),
        json!({"overview": "Cairo.",
               "challenges": ["Lack of political will!"],
               "recommendations": [rec("Hidden recommendation", "governments", &["Hidden theme", "Early warning"])]}),
        false,
    )
    .await;

    let s = app
        .get(&format!("/api/v1/series/{series}/report"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(s["series"]["slug"], series);
    assert_eq!(s["series"]["title"], "Global consultative roundtables");
    assert_eq!(
        ids(&s["events"], "id"),
        [accra, bangkok, buenos_aires],
        "date order"
    );
    assert!(s.get("unpublished").is_none(), "{s}");
    let whole = s.to_string();
    lacks(&whole, "Hidden");
    lacks(&whole, "Cairo");

    // Themes ranked by how many events raised them.
    let themes = s["themes"].as_array().unwrap();
    let ranked: Vec<(String, i64, Vec<i64>)> = themes
        .iter()
        .map(|t| {
            let mut events = numbers(&t["event_ids"]);
            events.sort_unstable();
            (
                t["theme"].as_str().unwrap().to_string(),
                t["count"].as_i64().unwrap(),
                events,
            )
        })
        .collect();
    let mut all_three = vec![accra, bangkok, buenos_aires];
    all_three.sort_unstable();
    let mut two = vec![bangkok, buenos_aires];
    two.sort_unstable();
    assert_eq!(ranked[0], ("Early warning".to_string(), 3, all_three));
    assert_eq!(ranked[1], ("Regional cooperation".to_string(), 2, two));
    let rest: BTreeMap<String, (i64, Vec<i64>)> = ranked[2..]
        .iter()
        .map(|(t, c, e)| (t.clone(), (*c, e.clone())))
        .collect();
    assert_eq!(
        rest,
        BTreeMap::from([
            ("Accountability".to_string(), (1, vec![accra])),
            ("Rule of law".to_string(), (1, vec![buenos_aires])),
        ])
    );
    let counts: Vec<i64> = themes
        .iter()
        .map(|t| t["count"].as_i64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {counts:?}"
    );
    // Every theme keeps its sources.
    assert_eq!(themes[0]["sources"].as_array().unwrap().len(), 3);

    // The same challenge, worded with another case and punctuation, counts once per event.
    let challenges = s["challenges"].as_array().unwrap();
    assert_eq!(challenges.len(), 2, "{challenges:?}");
    assert_eq!(challenges[0]["count"], 2);
    assert!(
        challenges[0]["text"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case("lack of political will")
            || challenges[0]["text"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case("lack of political will."),
        "{}",
        challenges[0]["text"]
    );
    let mut shared = numbers(&challenges[0]["event_ids"]);
    shared.sort_unstable();
    let mut expected = vec![accra, bangkok];
    expected.sort_unstable();
    assert_eq!(shared, expected);
    assert_eq!(challenges[1]["text"], "Weak institutions");
    assert_eq!(challenges[1]["count"], 1);
    assert_eq!(numbers(&challenges[1]["event_ids"]), [buenos_aires]);

    // Recommendations by addressee across the series.
    let addressees = &s["recommendations_by_addressee"];
    let sizes: BTreeMap<String, usize> = addressees
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["addressee"].as_str().unwrap().to_string(),
                g["items"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(
        sizes,
        BTreeMap::from([
            ("African Union".to_string(), 1),
            ("governments".to_string(), 2),
            ("regional organizations".to_string(), 2),
        ])
    );

    // Strategies by region.
    let regions = s["regions"].as_array().unwrap();
    let by_region: Vec<(String, Vec<i64>, Vec<String>)> = regions
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_string(),
                numbers(&r["event_ids"]),
                texts(&r["strategies"], "text"),
            )
        })
        .collect();
    assert_eq!(
        by_region,
        [
            (
                "africa".to_string(),
                vec![accra],
                vec![
                    "Early warning for the African Union".to_string(),
                    "Prosecute atrocity crimes".to_string(),
                    "A follow-up meeting in Addis Ababa".to_string()
                ]
            ),
            (
                "americas".to_string(),
                vec![buenos_aires],
                vec![
                    "Early warning for the OAS".to_string(),
                    "Train judges".to_string()
                ]
            ),
            (
                "asia-pacific".to_string(),
                vec![bangkok],
                vec!["Regional early warning desks".to_string()]
            ),
        ]
    );

    // Organizers learn which event is left out, and why.
    let staff = app
        .get(&format!("/api/v1/series/{series}/report"), app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(ids(&staff["unpublished"], "id"), [cairo]);
    assert_eq!(staff["unpublished"][0]["slug"], cairo_slug);
    assert_eq!(ids(&staff["events"], "id"), [accra, bangkok, buenos_aires]);
    lacks(&staff["themes"].to_string(), "Hidden theme");

    // The page and the Markdown.
    let page = app
        .get(&format!("/series/{series}/report"), As::Anonymous)
        .await
        .page(200)
        .text();
    shows(&page, "Global consultative roundtables");
    shows(&page, "Early warning");
    shows(&page, "Regional cooperation");
    lacks(&page, "Hidden recommendation");
    let md = app
        .get(&format!("/series/{series}/report.md"), As::Anonymous)
        .await
        .expect(200);
    assert_eq!(content_type(&md), "text/markdown; charset=utf-8");
    let md = md.text();
    shows(&md, "# Global consultative roundtables");
    shows(&md, "**Early warning**: 3 events");
    shows(&md, "**Regional cooperation**: 2 events");
    lacks(&md, "Hidden");
    // An unknown series is a 404.
    app.get("/api/v1/series/no-such-series/report", As::Anonymous)
        .await
        .expect(404);
    app.get("/series/no-such-series/report", As::Anonymous)
        .await
        .page(404);
}

#[tokio::test]
async fn the_synthesis_is_a_pdf_too() {
    let app = spawn_app().await;
    let series = slug(
        &app.series(json!({"title": "Global consultative roundtables"}))
            .await,
    );
    roundtable(
        &app,
        &series,
        ("Roundtable for Africa", "2008-03-10", "Accra", "GH", "africa"),
        json!({"overview": "Accra.",
               "recommendations": [rec("Early warning for the African Union", "African Union", &["Early warning"])]}),
        true,
    )
    .await;
    let pdf = app
        .get(&format!("/series/{series}/report.pdf"), As::Anonymous)
        .await
        .expect(200);
    assert_eq!(content_type(&pdf), "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF-"), "not a PDF");
}

#[tokio::test]
async fn publishing_typesets_the_report_and_synthesis_pdfs_before_anyone_asks() {
    let app = spawn_app().await;
    let series = slug(
        &app.series(json!({"title": "Roundtables typeset ahead"}))
            .await,
    );
    let (_, event) = roundtable(
        &app,
        &series,
        (
            "Roundtable for Asia",
            "2008-02-21",
            "Bangkok",
            "TH",
            "asia-pacific",
        ),
        json!({"overview": "Bangkok.",
               "recommendations": [rec("Regional early warning", "ASEAN", &["Early warning"])]}),
        true,
    )
    .await;
    // What an anonymous reader will be given, kept before anyone asked for it.
    let report = service::visible_report(&app.db, &app.settings, &SeriesRef::parse(&event), false)
        .await
        .unwrap();
    let report = pdf::Job::event_report(&report).unwrap();
    let synthesis = service::visible_synthesis(
        &app.db,
        &app.settings,
        &SeriesRef::parse(&series),
        false,
        roundtable::i18n::Language::En,
    )
    .await
    .unwrap();
    let synthesis = pdf::Job::synthesis(&synthesis).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !(kept::is_kept(&report) && kept::is_kept(&synthesis)) {
        assert!(
            Instant::now() < deadline,
            "the PDFs were not typeset after publication"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let pdf = app
        .get(&format!("/series/{series}/report.pdf"), As::Anonymous)
        .await
        .expect(200);
    assert!(pdf.body.starts_with(b"%PDF-"), "not a PDF");
}

// ----- The documents library -----

#[tokio::test]
async fn the_documents_library_lists_published_reports_by_region() {
    let app = spawn_app().await;
    let series = slug(
        &app.series(json!({"title": "Global consultative roundtables"}))
            .await,
    );
    let (_, accra) = roundtable(
        &app,
        &series,
        ("Roundtable for Africa", "2008-03-10", "Accra", "GH", "africa"),
        json!({"overview": "Accra.",
               "recommendations": [rec("Early warning for the African Union", "African Union", &["Early warning"])]}),
        true,
    )
    .await;
    let (_, unpublished) = roundtable(
        &app,
        &series,
        (
            "Roundtable for the Middle East",
            "2008-09-15",
            "Cairo",
            "EG",
            "middle-east",
        ),
        json!({"overview": "Cairo.",
               "recommendations": [rec("Hidden", "governments", &["Early warning"])]}),
        false,
    )
    .await;

    let all = app.get_page("/documents", None).await.page(200).text();
    shows(&all, "Outcome report: Roundtable for Africa");
    shows(&all, &format!("/events/{accra}/report"));
    lacks(&all, "Roundtable for the Middle East");
    lacks(&all, &format!("/events/{unpublished}/report"));
    shows(&all, &format!("/series/{series}/report"));

    let africa = app
        .get_page("/documents?region=africa", None)
        .await
        .page(200)
        .text();
    shows(&africa, "Outcome report: Roundtable for Africa");
    let europe = app
        .get_page("/documents?region=europe", None)
        .await
        .page(200)
        .text();
    lacks(&europe, "Outcome report: Roundtable for Africa");
    lacks(&europe, &format!("/events/{accra}/report"));

    // Withdrawn, it leaves the library.
    app.post(
        &format!("/api/v1/events/{accra}/report/withdraw"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let all = app.get_page("/documents", None).await.page(200).text();
    lacks(&all, "Outcome report: Roundtable for Africa");
}
