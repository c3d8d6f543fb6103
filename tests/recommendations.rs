//! The recommendation tracker through its API: items appear when a summary is approved
//! (and a document with next steps is saved), follow the summary when it is returned and
//! approved again, keep their history; the public sees only those of published reports
//! and public documents; follow-up updates by organizers and owners; addressees with
//! aliases. Runs on SQLite, or on PostgreSQL when `ROUNDTABLE_TEST_POSTGRES` names a
//! server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::Method;
use common::fixtures::slug;
use common::{As, TestApp, spawn_app};
use serde_json::{Value, json};

/// The Brussels conference (published) with its RtoP panel; returns the event's slug and
/// the session's id.
async fn panel(app: &TestApp) -> (String, i64) {
    let event = slug(&app.brussels_event().await);
    app.publish(&event).await;
    let session = app
        .session(
            &event,
            "The Responsibility to Protect",
            "2009-06-04T09:30:00",
            "2009-06-04T11:00:00",
            None,
        )
        .await;
    let luc = app.person("Mr", "Luc", "Lamprière").await;
    app.assign(session, luc, "rapporteur").await;
    (event, session)
}

/// Publishes the event's outcome report (as the organizer).
async fn publish_report(app: &TestApp, event: &str) {
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
}

/// The id of the account of `member_token()`.
async fn member_id(app: &TestApp) -> i64 {
    app.get("/api/v1/auth/me", app.member_token())
        .await
        .expect(200)
        .json()["id"]
        .as_i64()
        .unwrap()
}

fn summary(recommendations: &[(&str, &str)]) -> Value {
    json!({
        "overview": "Prevention is the heart of the responsibility to protect.",
        "recommendations": recommendations
            .iter()
            .map(|(text, addressee)| json!({"text": text, "addressee": addressee, "themes": ["Prevention"]}))
            .collect::<Vec<_>>()
    })
}

/// Saves, submits and approves the session's summary (as the organizer).
async fn approve(app: &TestApp, session: i64, body: &Value) {
    let path = format!("/api/v1/sessions/{session}/summary");
    app.send(Method::PUT, &path, app.org(), body)
        .await
        .expect(200);
    for step in ["submit", "approve"] {
        app.post(&format!("{path}/{step}"), app.org(), &json!({}))
            .await
            .expect(200);
    }
}

async fn items(app: &TestApp, query: &str, who: As<'_>) -> Vec<Value> {
    app.get(&format!("/api/v1/recommendations{query}"), who)
        .await
        .expect(200)
        .json()["items"]
        .as_array()
        .unwrap()
        .clone()
}

fn texts(items: &[Value]) -> Vec<String> {
    let mut texts: Vec<String> = items
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect();
    texts.sort();
    texts
}

#[tokio::test]
async fn items_appear_on_approval_follow_the_summary_and_are_public_once_published() {
    let app = spawn_app().await;
    let (event, session) = panel(&app).await;
    approve(
        &app,
        session,
        &summary(&[
            (
                "Appoint an RtoP focal point in the Council secretariat",
                "EU",
            ),
            (
                "Fund early warning in the Commission",
                "European Commission",
            ),
        ]),
    )
    .await;

    // Organizers see them at once; the public once the report is published.
    let seen = items(&app, "", app.org()).await;
    assert_eq!(
        texts(&seen),
        [
            "Appoint an RtoP focal point in the Council secretariat",
            "Fund early warning in the Commission"
        ]
    );
    let first = seen
        .iter()
        .find(|i| i["addressee"] == "EU")
        .unwrap()
        .clone();
    assert_eq!(first["status"], "open");
    assert_eq!(first["source"]["kind"], "session");
    assert_eq!(first["source"]["id"], session);
    assert_eq!(first["source"]["event"], "Making a difference");
    assert!(items(&app, "", As::Anonymous).await.is_empty());
    let id = first["id"].as_i64().unwrap();
    app.get(&format!("/api/v1/recommendations/{id}"), As::Anonymous)
        .await
        .expect(404);
    publish_report(&app, &event).await;
    assert_eq!(items(&app, "", As::Anonymous).await.len(), 2);

    // An update, then the summary returned: the items leave the tracker, their history
    // kept; approved again with one recommendation changed and one dropped, the first
    // item is the same one, changed, with its history.
    app.post(
        &format!("/api/v1/recommendations/{id}/updates"),
        app.org(),
        &json!({"status": "in-progress", "note": "Raised with the EU delegation.", "on": "2010-03-01"}),
    )
    .await
    .expect(201);
    app.post(
        &format!("/api/v1/sessions/{session}/summary/return"),
        app.org(),
        &json!({"comment": "Say which Council body."}),
    )
    .await
    .expect(200);
    assert!(items(&app, "", app.org()).await.is_empty());
    let path = format!("/api/v1/sessions/{session}/summary");
    app.send(
        Method::PUT,
        &path,
        app.org(),
        &summary(&[(
            "Appoint an RtoP focal point in the secretariat of the Council of the EU",
            "EU",
        )]),
    )
    .await
    .expect(200);
    for step in ["submit", "approve"] {
        app.post(&format!("{path}/{step}"), app.org(), &json!({}))
            .await
            .expect(200);
    }
    let seen = items(&app, "", app.org()).await;
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0]["id"], id);
    assert_eq!(
        seen[0]["text"],
        "Appoint an RtoP focal point in the secretariat of the Council of the EU"
    );
    assert_eq!(seen[0]["status"], "in-progress");
    assert_eq!(
        seen[0]["updates"][0]["note"],
        "Raised with the EU delegation."
    );
    assert_eq!(seen[0]["updates"][0]["on"], "2010-03-01");
}

#[tokio::test]
async fn updates_are_recorded_by_organizers_and_owners_only_and_checked() {
    let app = spawn_app().await;
    let (event, session) = panel(&app).await;
    approve(
        &app,
        session,
        &summary(&[("Create an EU focal point", "EU")]),
    )
    .await;
    publish_report(&app, &event).await;
    let id = items(&app, "", app.org()).await[0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/recommendations/{id}/updates");
    let update = json!({"status": "implemented", "note": "The EU appointed its focal point.",
                        "evidence_url": "https://eeas.europa.eu/focal-point"});

    app.post(&path, As::Anonymous, &update).await.expect(401);
    app.post(&path, app.member_token(), &update)
        .await
        .expect(403);
    let refused = app
        .post(
            &path,
            app.org(),
            &json!({"note": " ", "evidence_url": "javascript:alert(1)", "on": "2999-01-01",
                    "document_id": 999999}),
        )
        .await
        .expect(422);
    let mut fields = refused.error_fields();
    fields.sort();
    assert_eq!(
        fields,
        ["document_id", "evidence_url", "note", "on", "status"]
    );
    let refused = app
        .post(
            &path,
            app.org(),
            &json!({"status": "finished", "note": "x"}),
        )
        .await
        .expect(422);
    assert_eq!(refused.error_fields(), ["status"]);

    // The member made its owner records an update; the public reads it.
    let member = member_id(&app).await;
    app.patch(
        &format!("/api/v1/recommendations/{id}"),
        app.member_token(),
        &json!({"owner": member}),
    )
    .await
    .expect(403);
    let changed = app
        .patch(
            &format!("/api/v1/recommendations/{id}"),
            app.org(),
            &json!({"owner": member, "next_review_on": "2013-01-15"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(changed["next_review_on"], "2013-01-15");
    app.post(&path, app.member_token(), &update)
        .await
        .expect(201);
    let public = app
        .get(&format!("/api/v1/recommendations/{id}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(public["status"], "implemented");
    assert_eq!(
        public["updates"][0]["evidence_url"],
        "https://eeas.europa.eu/focal-point"
    );
    assert!(
        public.get("owner").is_none(),
        "the public is not told who follows it up"
    );
    let filtered = items(&app, "?status=implemented", As::Anonymous).await;
    assert_eq!(filtered.len(), 1);
    app.get("/api/v1/recommendations?status=done", As::Anonymous)
        .await
        .expect(422);
}

#[tokio::test]
async fn aliases_file_the_eu_under_one_addressee() {
    let app = spawn_app().await;
    let (_, session) = panel(&app).await;
    approve(
        &app,
        session,
        &summary(&[
            ("Create an EU focal point", "EU"),
            ("Fund mediation", "the European Union"),
            ("Brief the Council", "UN Security Council"),
        ]),
    )
    .await;
    // Before: each wording is its own addressee.
    assert_eq!(items(&app, "?addressee=EU", app.org()).await.len(), 1);

    app.post(
        "/api/v1/addressees",
        app.member_token(),
        &json!({"name": "European Union", "aliases": ["EU"]}),
    )
    .await
    .expect(403);
    // "EU" and "the European Union" are addressees already (from the summary): taken.
    let refused = app
        .post(
            "/api/v1/addressees",
            app.org(),
            &json!({"name": "European Union", "aliases": ["EU"]}),
        )
        .await
        .expect(422);
    assert_eq!(refused.error_fields(), ["aliases", "aliases"]);
    let listed = app
        .get("/api/v1/addressees", app.org())
        .await
        .expect(200)
        .json();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["EU", "the European Union", "UN Security Council"]);

    // Filing one under another: the item says "the European Union"; filed under "EU",
    // both are found by either name.
    let fund = items(&app, "?q=mediation", app.org()).await[0]["id"]
        .as_i64()
        .unwrap();
    app.patch(
        &format!("/api/v1/recommendations/{fund}"),
        app.org(),
        &json!({"addressee": "eu"}),
    )
    .await
    .expect(200);
    assert_eq!(
        texts(&items(&app, "?addressee=EU", app.org()).await),
        ["Create an EU focal point", "Fund mediation"]
    );
}

#[tokio::test]
async fn a_documents_next_steps_are_items_of_the_tracker() {
    let app = spawn_app().await;
    let memo = json!({
        "title": "Policy memo: assisting states to prevent atrocities",
        "kind": "policy-memo",
        "url": "https://stanleyfoundation.org/memo",
        "access": "public",
        "next_steps": ["Explore the incentives of perpetrators", "Integrate the atrocity lens"]
    });
    let document = app
        .post("/api/v1/documents", app.org(), &memo)
        .await
        .expect(201)
        .json();
    let id = document["id"].as_i64().unwrap();
    let public = items(&app, "", As::Anonymous).await;
    assert_eq!(
        texts(&public),
        [
            "Explore the incentives of perpetrators",
            "Integrate the atrocity lens"
        ]
    );
    assert_eq!(public[0]["source"]["kind"], "document");
    assert_eq!(public[0]["source"]["url"], format!("/documents/{id}"));
    let page = app
        .get_page("/recommendations", None)
        .await
        .expect(200)
        .text();
    assert!(
        page.contains("<title>No addressee named: 2 open</title>"),
        "{page}"
    );
    assert!(page.contains("From Policy memo: assisting states to prevent atrocities"));

    // Members-only: gone for the public. One step removed: withdrawn. Withdrawn: none.
    app.patch(
        &format!("/api/v1/documents/{id}"),
        app.org(),
        &json!({"access": "members", "next_steps": ["Explore the incentives of perpetrators"]}),
    )
    .await
    .expect(200);
    assert!(items(&app, "", As::Anonymous).await.is_empty());
    assert_eq!(items(&app, "", app.member_token()).await.len(), 1);
    app.delete(&format!("/api/v1/documents/{id}"), app.org())
        .await
        .expect(204);
    assert!(items(&app, "", app.org()).await.is_empty());
}

#[tokio::test]
async fn the_tracker_page_counts_what_the_api_lists_and_an_owner_records_an_update() {
    let app = spawn_app().await;
    let (event, session) = panel(&app).await;
    approve(
        &app,
        session,
        &summary(&[
            ("Create an EU focal point", "EU"),
            ("Fund mediation", "EU"),
            ("Brief the Council", "UN Security Council"),
        ]),
    )
    .await;
    publish_report(&app, &event).await;
    let all = items(&app, "", As::Anonymous).await;
    let focal = all
        .iter()
        .find(|i| i["text"] == "Create an EU focal point")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.post(
        &format!("/api/v1/recommendations/{focal}/updates"),
        app.org(),
        &json!({"status": "implemented", "note": "Appointed in 2011."}),
    )
    .await
    .expect(201);

    // The chart and its table say what the API says: EU 2 (1 open, 1 implemented), UN
    // Security Council 1 open.
    let page = app
        .get_page("/recommendations", None)
        .await
        .expect(200)
        .text();
    assert!(page.contains("<title>EU: 1 open</title>"), "{page}");
    assert!(page.contains("<title>EU: 1 implemented</title>"), "{page}");
    assert!(
        page.contains("<title>UN Security Council: 1 open</title>"),
        "{page}"
    );
    assert!(page.contains("3 recommendations"), "{page}");
    let eu_api = items(&app, "?addressee=EU", As::Anonymous).await.len();
    let eu_page = app
        .get_page("/recommendations?addressee=EU", None)
        .await
        .expect(200)
        .text();
    assert!(
        eu_page.contains(&format!("{eu_api} recommendations")),
        "{eu_page}"
    );
    assert!(!eu_page.contains("Brief the Council"));

    // The item's page: its history; no form for a visitor.
    let item = app
        .get_page(&format!("/recommendations/{focal}"), None)
        .await
        .expect(200)
        .text();
    assert!(item.contains("Appointed in 2011."), "{item}");
    assert!(!item.contains("Record an update"));

    // Its owner, signed in, records an update through the page: without a note first (the
    // error beside the note, the link typed kept), then with it.
    let member = member_id(&app).await;
    app.patch(
        &format!("/api/v1/recommendations/{focal}"),
        app.org(),
        &json!({"owner": member}),
    )
    .await
    .expect(200);
    let browser = app
        .sign_in("member@example.org", common::TEST_PASSWORD)
        .await;
    let form = app
        .get_page(&format!("/recommendations/{focal}"), Some(&browser))
        .await
        .expect(200)
        .text();
    assert!(form.contains("Record an update"), "{form}");
    let refused = app
        .submit(
            &format!("/recommendations/{focal}"),
            &browser,
            &[
                ("status", "partially-implemented"),
                ("note", ""),
                ("evidence_url", "https://eeas.europa.eu/focal-point"),
            ],
        )
        .await
        .expect(422)
        .text();
    assert!(
        refused.contains(r#"id="f-note-error">Is required."#),
        "{refused}"
    );
    assert!(refused.contains(r#"value="https://eeas.europa.eu/focal-point""#));
    let done = app
        .submit(
            &format!("/recommendations/{focal}"),
            &browser,
            &[
                ("status", "partially-implemented"),
                ("note", "Its mandate was narrowed in 2012."),
                ("evidence_url", "https://eeas.europa.eu/focal-point"),
            ],
        )
        .await;
    assert_eq!(done.status.as_u16(), 303, "{}", done.text());
    let after = app
        .get(&format!("/api/v1/recommendations/{focal}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(after["status"], "partially-implemented");
    assert_eq!(after["updates"].as_array().unwrap().len(), 2);

    // Someone else, signed in, gets no form and may not post one.
    app.user_with_password(
        "other@example.org",
        "Other",
        "member",
        "a long other password",
    )
    .await;
    let other = app
        .sign_in("other@example.org", "a long other password")
        .await;
    let page = app
        .get_page(&format!("/recommendations/{focal}"), Some(&other))
        .await
        .expect(200)
        .text();
    assert!(!page.contains("Record an update"));
    let refused = app
        .submit(
            &format!("/recommendations/{focal}"),
            &other,
            &[("status", "open"), ("note", "Hijacked.")],
        )
        .await;
    assert_eq!(refused.status.as_u16(), 403);
}
