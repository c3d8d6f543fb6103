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

/// An item as `who` reads it through the API.
async fn item(app: &TestApp, id: i64, who: As<'_>) -> Value {
    app.get(&format!("/api/v1/recommendations/{id}"), who)
        .await
        .expect(200)
        .json()
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
    let public = item(&app, id, As::Anonymous).await;
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
    let page = app
        .get_page(&format!("/recommendations/{focal}"), None)
        .await
        .expect(200)
        .text();
    assert!(page.contains("Appointed in 2011."), "{page}");
    assert!(!page.contains("Record an update"));

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
    let after = item(&app, focal, As::Anonymous).await;
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

/// A published roundtable in Kampala, 2012, with one session whose approved summary makes
/// `recommendations`, its report published; returns the session's id.
async fn kampala(app: &TestApp, recommendations: &[(&str, &str)]) -> i64 {
    let event = slug(
        &app.event_with(json!({
            "title": "Kampala roundtable",
            "starts_on": "2012-05-10",
            "ends_on": "2012-05-10",
            "timezone": "Africa/Kampala",
            "city": "Kampala",
            "country": "UG",
            "region": "africa"
        }))
        .await,
    );
    app.publish(&event).await;
    let session = app
        .session(
            &event,
            "Regional perspectives",
            "2012-05-10T09:00:00",
            "2012-05-10T12:00:00",
            None,
        )
        .await;
    approve(app, session, &summary(recommendations)).await;
    publish_report(app, &event).await;
    session
}

/// The id of the item whose text begins with `start`.
fn id_of(items: &[Value], start: &str) -> i64 {
    items
        .iter()
        .find(|i| i["text"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no item {start} in {items:?}"))["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn repeats_are_suggested_then_linked_and_shown_as_asked_several_times() {
    let app = spawn_app().await;
    let (event, session) = panel(&app).await;
    approve(
        &app,
        session,
        &summary(&[
            (
                "Build EU early warning of the risks of mass atrocities, linked to early action",
                "EU",
            ),
            (
                "Refrain from the veto in situations of mass atrocities",
                "UN Security Council",
            ),
        ]),
    )
    .await;
    publish_report(&app, &event).await;
    kampala(
        &app,
        &[
            (
                "The European Union should build early warning of mass atrocity risks and link it to early action",
                "European Union",
            ),
            ("Fund women's peacebuilding networks in the Great Lakes", "UN Women"),
        ],
    )
    .await;
    let all = items(&app, "", app.org()).await;
    let first = id_of(&all, "Build EU early warning");
    let again = id_of(&all, "The European Union should build");
    let veto = id_of(&all, "Refrain from the veto");

    // Suggestions: organizers only; the repeat from the other event first, nothing of
    // the same event, nothing unrelated.
    app.get(
        &format!("/api/v1/recommendations/{again}/similar"),
        As::Anonymous,
    )
    .await
    .expect(401);
    app.get(
        &format!("/api/v1/recommendations/{again}/similar"),
        app.member_token(),
    )
    .await
    .expect(403);
    let similar = app
        .get(
            &format!("/api/v1/recommendations/{again}/similar"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    let suggested: Vec<i64> = similar
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["item"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(suggested, [first], "{similar}");
    assert!(similar[0]["score"].as_f64().unwrap() >= 0.3);

    // Confirmed from the earlier one: filed from the later to the earlier.
    let path = format!("/api/v1/recommendations/{first}/links");
    app.post(
        &path,
        app.member_token(),
        &json!({"other": again, "relation": "raised-again"}),
    )
    .await
    .expect(403);
    let refused = app
        .post(
            &path,
            app.org(),
            &json!({"other": first, "relation": "raised-again"}),
        )
        .await
        .expect(422);
    assert_eq!(refused.error_fields(), ["other"]);
    let refused = app
        .post(
            &path,
            app.org(),
            &json!({"other": again, "relation": "copies"}),
        )
        .await;
    assert!(refused.status.is_client_error(), "{}", refused.text());
    let before = app.count("recommendation_links").await;
    assert_eq!(before, 0);
    app.post(
        &path,
        app.org(),
        &json!({"other": again, "relation": "raised-again"}),
    )
    .await
    .expect(201);
    app.post(
        &format!("/api/v1/recommendations/{again}/links"),
        app.org(),
        &json!({"other": first, "relation": "raised-again"}),
    )
    .await
    .expect(409);
    let later = item(&app, again, As::Anonymous).await;
    assert_eq!(later["raised_again"], json!([first]));
    let asked: Vec<&str> = later["asked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["event"].as_str().unwrap())
        .collect();
    assert_eq!(asked, ["Making a difference", "Kampala roundtable"]);
    let page = app
        .get_page(&format!("/recommendations/{first}"), None)
        .await
        .expect(200)
        .text();
    assert!(
        page.contains("Asked 2 times since 2009: Brussels, Kampala"),
        "{page}"
    );
    assert!(
        !page.contains("Likely repeats"),
        "visitors get no suggestions"
    );
    let tracker = app
        .get_page("/recommendations", None)
        .await
        .expect(200)
        .text();
    assert!(tracker.contains("Asked 2 times since 2009: Brussels, Kampala"));
    // Linked, it is no longer suggested.
    let similar = app
        .get(
            &format!("/api/v1/recommendations/{again}/similar"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(similar, json!([]));
    let veto_similar = app
        .get(
            &format!("/api/v1/recommendations/{veto}/similar"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(veto_similar, json!([]));

    // A link to an item of an unpublished report is not told to the public.
    // (The Accra roundtable is published; its report is not.)
    let accra_event = slug(
        &app.event_with(json!({"title": "Accra roundtable", "starts_on": "2013-03-01", "ends_on": "2013-03-01", "city": "Accra"}))
            .await,
    );
    app.publish(&accra_event).await;
    let draft_session = app
        .session(
            &accra_event,
            "Early warning in West Africa",
            "2013-03-01T09:00:00",
            "2013-03-01T11:00:00",
            None,
        )
        .await;
    approve(
        &app,
        draft_session,
        &summary(&[(
            "The EU should fund ECOWAS early warning of mass atrocities",
            "EU",
        )]),
    )
    .await;
    let accra = id_of(
        &items(&app, "", app.org()).await,
        "The EU should fund ECOWAS",
    );
    app.post(
        &format!("/api/v1/recommendations/{accra}/links"),
        app.org(),
        &json!({"other": again, "relation": "raised-again"}),
    )
    .await
    .expect(201);
    let seen = item(&app, again, As::Anonymous).await;
    assert_eq!(seen["asked"].as_array().unwrap().len(), 2, "{seen}");
    let staff_seen = item(&app, again, app.org()).await;
    assert_eq!(
        staff_seen["asked"].as_array().unwrap().len(),
        3,
        "{staff_seen}"
    );
    app.delete(
        &format!("/api/v1/recommendations/{accra}/links/{again}"),
        app.org(),
    )
    .await
    .expect(204);

    // Removed again (it was not the same after all).
    app.delete(
        &format!("/api/v1/recommendations/{again}/links/{first}"),
        app.org(),
    )
    .await
    .expect(204);
    let later = item(&app, again, app.org()).await;
    assert_eq!(later["asked"].as_array().unwrap().len(), 1);
    app.delete(
        &format!("/api/v1/recommendations/{again}/links/{first}"),
        app.org(),
    )
    .await
    .expect(404);
}

#[tokio::test]
async fn addressees_merge_their_aliases_and_items() {
    let app = spawn_app().await;
    let (_, session) = panel(&app).await;
    approve(
        &app,
        session,
        &summary(&[
            ("Create an EU focal point", "EU"),
            ("Fund mediation", "European Union"),
            ("Train diplomats", "E.U."),
            ("Brief the Council", "UN Security Council"),
        ]),
    )
    .await;
    let listed = app
        .get("/api/v1/addressees", app.org())
        .await
        .expect(200)
        .json();
    let id = |name: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let (eu, union, dotted, council) = (
        id("EU"),
        id("European Union"),
        id("E.U."),
        id("UN Security Council"),
    );

    // Renamed, with "European Union" as an alias: that addressee, left with no name of
    // its own, is merged, its item with it.
    app.patch(
        &format!("/api/v1/addressees/{eu}"),
        app.member_token(),
        &json!({"name": "European Union"}),
    )
    .await
    .expect(403);
    let refused = app
        .patch(
            &format!("/api/v1/addressees/{eu}"),
            app.org(),
            &json!({"name": " ", "aliases": ["EU"]}),
        )
        .await
        .expect(422);
    assert_eq!(refused.error_fields(), ["name"]);
    let renamed = app
        .patch(
            &format!("/api/v1/addressees/{eu}"),
            app.org(),
            &json!({"name": "the European Union", "aliases": ["EU", "European Union"]}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(renamed["name"], "the European Union");
    assert_eq!(renamed["recommendations"], 2);
    app.patch(
        &format!("/api/v1/addressees/{union}"),
        app.org(),
        &json!({"name": "x"}),
    )
    .await
    .expect(404);

    // Removing one with items needs somewhere to put them; merged with `into`.
    app.delete(&format!("/api/v1/addressees/{dotted}"), app.org())
        .await
        .expect(409);
    app.delete(
        &format!("/api/v1/addressees/{dotted}?into={dotted}"),
        app.org(),
    )
    .await
    .expect(422);
    app.delete(&format!("/api/v1/addressees/{dotted}?into={eu}"), app.org())
        .await
        .expect(204);
    let eu_items = items(&app, "?addressee=eu", app.org()).await;
    assert_eq!(
        texts(&eu_items),
        [
            "Create an EU focal point",
            "Fund mediation",
            "Train diplomats"
        ]
    );
    assert!(
        eu_items
            .iter()
            .all(|i| i["addressee"] == "the European Union")
    );
    // A wording the merged addressee had still finds them; a new summary naming it is
    // filed under the EU at once.
    assert_eq!(items(&app, "?addressee=E.U.", app.org()).await.len(), 3);
    let listed = app
        .get("/api/v1/addressees", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed}");
    assert_eq!(
        items(&app, "?addressee=UN%20Security%20Council", app.org())
            .await
            .len(),
        1
    );

    // Renamed through the organizers' page, its aliases left as shown: the items stay.
    let browser = app.organizer_browser().await;
    let page = app
        .get_page("/organize/recommendations", Some(&browser))
        .await
        .expect(200)
        .text();
    assert!(
        page.contains(&format!(
            r#"id="a-name-{council}" name="name" value="UN Security Council""#
        )),
        "{page}"
    );
    let saved = app
        .submit(
            &format!("/organize/addressees/{council}"),
            &browser,
            &[("name", "United Nations Security Council"), ("aliases", "")],
        )
        .await;
    assert_eq!(saved.status.as_u16(), 303, "{}", saved.text());
    let council_items = items(&app, "?addressee=UN%20Security%20Council", app.org()).await;
    assert_eq!(texts(&council_items), ["Brief the Council"]);
    assert_eq!(
        council_items[0]["addressee"],
        "United Nations Security Council"
    );
}

#[tokio::test]
async fn a_review_falling_due_is_mailed_once_across_two_instances_and_digested_weekly() {
    let app = spawn_app().await;
    let (event, session) = panel(&app).await;
    approve(
        &app,
        session,
        &summary(&[
            ("Create an EU focal point", "EU"),
            ("Brief the Council", "UN Security Council"),
        ]),
    )
    .await;
    publish_report(&app, &event).await;
    let all = items(&app, "", app.org()).await;
    let focal = id_of(&all, "Create an EU focal point");
    let brief = id_of(&all, "Brief the Council");
    let member = member_id(&app).await;
    let today = chrono::Utc::now().date_naive();
    app.patch(
        &format!("/api/v1/recommendations/{focal}"),
        app.org(),
        &json!({"owner": member, "next_review_on": today.to_string()}),
    )
    .await
    .expect(200);
    let overdue = today - chrono::Duration::days(30);
    app.patch(
        &format!("/api/v1/recommendations/{brief}"),
        app.org(),
        &json!({"next_review_on": overdue.to_string()}),
    )
    .await
    .expect(200);

    // Two instances on one database, at the same moment.
    let other = roundtable::db::Db::connect(&app.settings.database)
        .await
        .unwrap();
    let now = chrono::Utc::now();
    let (a, b) = tokio::join!(
        roundtable::recommendations::reminders::send_due(&app.db, &app.settings, now),
        roundtable::recommendations::reminders::send_due(&other, &app.settings, now),
    );
    // The review mail to the owner, and a digest to each organizer (organizer and admin).
    assert_eq!(a.unwrap() + b.unwrap(), 3);
    let review = app
        .mails_to("member@example.org", "recommendation_review")
        .await;
    assert_eq!(review.len(), 1);
    assert_eq!(review[0].kind.as_str(), "recommendation_review");
    assert!(
        review[0].text_body.contains("Create an EU focal point"),
        "{}",
        review[0].text_body
    );
    assert!(
        review[0]
            .text_body
            .contains(&format!("/recommendations/{focal}"))
    );
    let digest = app
        .mails_to("organizer@example.org", "recommendation_digest")
        .await;
    assert_eq!(digest.len(), 1);
    assert_eq!(digest[0].subject, "1 recommendation overdue for review");
    assert!(
        digest[0].text_body.contains("Brief the Council"),
        "{}",
        digest[0].text_body
    );
    assert!(
        !digest[0].text_body.contains("Create an EU focal point"),
        "due today is not overdue"
    );
    assert_eq!(
        app.mails_to("admin@example.org", "recommendation_digest")
            .await
            .len(),
        1
    );
    // Again: nothing new. A new review date arms it again.
    let again = roundtable::recommendations::reminders::send_due(&app.db, &app.settings, now)
        .await
        .unwrap();
    assert_eq!(again, 0);
    // (The digest of the week is sent already: the review mail only.)
    let yesterday = today - chrono::Duration::days(1);
    app.patch(
        &format!("/api/v1/recommendations/{focal}"),
        app.org(),
        &json!({"next_review_on": yesterday.to_string()}),
    )
    .await
    .expect(200);
    let sent = roundtable::recommendations::reminders::send_due(&app.db, &app.settings, now)
        .await
        .unwrap();
    assert_eq!(sent, 1);
    assert_eq!(
        app.mails_to("member@example.org", "recommendation_review")
            .await
            .len(),
        2
    );
}

/// The 2009 panel's two recommendations to the EU, published, one with two updates.
async fn eu_followed_up(app: &TestApp) -> (i64, i64) {
    let (event, session) = panel(app).await;
    approve(
        app,
        session,
        &summary(&[
            (
                "Appoint an RtoP focal point in the External Action Service",
                "EU",
            ),
            ("Build early warning of mass atrocities", "EU"),
            ("Refrain from the veto", "UN Security Council"),
        ]),
    )
    .await;
    publish_report(app, &event).await;
    let all = items(app, "", app.org()).await;
    let focal = id_of(&all, "Appoint an RtoP focal point");
    for (status, note, on) in [
        (
            "in-progress",
            "Raised with the Political and Security Committee.",
            "2010-03-15",
        ),
        (
            "implemented",
            "The EEAS named its focal point.",
            "2014-06-30",
        ),
    ] {
        app.post(
            &format!("/api/v1/recommendations/{focal}/updates"),
            app.org(),
            &json!({"status": status, "note": note, "on": on, "evidence_url": "https://eeas.europa.eu/r2p"}),
        )
        .await
        .expect(201);
    }
    (focal, id_of(&all, "Build early warning"))
}

#[tokio::test]
async fn the_follow_up_report_says_what_was_asked_of_the_eu_and_what_came_of_it() {
    let app = spawn_app().await;
    eu_followed_up(&app).await;

    let page = app
        .get_page("/recommendations/report?addressee=EU", None)
        .await
        .expect(200)
        .text();
    assert!(
        page.contains("What we asked of the EU, 2009, and what came of it"),
        "{page}"
    );
    assert!(page.contains("The EEAS named its focal point."));
    assert!(
        !page.contains("Refrain from the veto"),
        "another addressee's"
    );

    let markdown = app
        .get_page("/recommendations/report.md?addressee=EU", None)
        .await
        .expect(200)
        .text();
    assert!(markdown.starts_with("# What we asked of the EU, 2009, and what came of it\n"));
    assert!(markdown.contains("| Implemented | 1 |"), "{markdown}");
    assert!(markdown.contains("| Open | 1 |"), "{markdown}");
    assert!(
        markdown.contains("- **Asked:** Making a difference, 3 June 2009"),
        "{markdown}"
    );
    assert!(markdown.contains("- 30 June 2014 — *Implemented*: The EEAS named its focal point. (evidence: https://eeas.europa.eu/r2p)"), "{markdown}");

    let pdf = app
        .get_page("/recommendations/report.pdf?addressee=EU", None)
        .await
        .expect(200);
    let bytes = pdf.body;
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("What we asked of the EU, 2009, and what came of it"),
        "{text}"
    );
    assert!(text.contains("The EEAS named its focal point."), "{text}");
    assert!(
        text.contains("Build early warning of mass atrocities"),
        "{text}"
    );
    assert!(!text.contains("veto"), "{text}");

    // Nothing published: an empty report, not an error.
    let none = app
        .get_page("/recommendations/report?addressee=African%20Union", None)
        .await
        .expect(200)
        .text();
    assert!(
        none.contains("Nothing was asked of African Union"),
        "{none}"
    );
}

#[tokio::test]
async fn organizers_update_several_at_once_and_export_a_spreadsheet() {
    let app = spawn_app().await;
    let (focal, warning) = eu_followed_up(&app).await;
    let browser = app.organizer_browser().await;
    let view = app
        .get_page("/organize/recommendations", Some(&browser))
        .await
        .expect(200)
        .text();
    assert!(view.contains("Build early warning of mass atrocities"));
    let visitor = app.get_page("/organize/recommendations", None).await;
    assert_ne!(visitor.status.as_u16(), 200);

    // An owner who is no account: refused before anything is written, even the status
    // of the first item.
    let updates = app.count("recommendation_updates").await;
    let refused = app
        .submit(
            "/organize/recommendations",
            &browser,
            &[
                ("ids", &focal.to_string()),
                ("ids", &warning.to_string()),
                ("status", "not-taken-up"),
                ("note", "Dropped."),
                ("owner", "999999"),
            ],
        )
        .await
        .expect(422)
        .text();
    assert!(refused.contains("Owner: no such account."), "{refused}");
    assert_eq!(app.count("recommendation_updates").await, updates);

    // A status without a note: refused, nothing written, what was typed kept.
    let updates = app.count("recommendation_updates").await;
    let refused = app
        .submit(
            "/organize/recommendations",
            &browser,
            &[
                ("ids", &focal.to_string()),
                ("ids", &warning.to_string()),
                ("status", "not-taken-up"),
                ("next_review_on", "2027-01-15"),
            ],
        )
        .await
        .expect(422)
        .text();
    assert!(
        refused.contains("a status changes with a note"),
        "{refused}"
    );
    assert!(refused.contains(r#"value="2027-01-15""#));
    assert!(refused.contains(&format!(r#"value="{warning}" id="tick-{warning}" checked"#)));
    assert_eq!(app.count("recommendation_updates").await, updates);
    let done = app
        .submit(
            "/organize/recommendations",
            &browser,
            &[
                ("ids", &focal.to_string()),
                ("ids", &warning.to_string()),
                ("status", "in-progress"),
                ("note", "Discussed with the EU delegation."),
                ("owner", "keep"),
                ("next_review_on", "2027-01-15"),
            ],
        )
        .await;
    assert_eq!(done.status.as_u16(), 303, "{}", done.text());
    for id in [focal, warning] {
        let seen = item(&app, id, app.org()).await;
        assert_eq!(seen["status"], "in-progress");
        assert_eq!(seen["next_review_on"], "2027-01-15");
        assert_eq!(
            seen["updates"].as_array().unwrap().last().unwrap()["note"],
            "Discussed with the EU delegation."
        );
    }

    // The spreadsheet: what the reader sees, with the page's filters; owners and review
    // dates for organizers only.
    let public = app
        .get_page("/recommendations.csv?addressee=EU", None)
        .await
        .expect(200)
        .text();
    assert!(public.starts_with('\u{feff}'));
    assert_eq!(public.lines().count(), 3, "{public}");
    assert!(public.contains("\"Build early warning of mass atrocities\""));
    assert!(!public.contains("Next review"));
    let staff = app
        .get_page("/recommendations.csv", Some(&browser))
        .await
        .expect(200)
        .text();
    assert!(staff.lines().next().unwrap().contains("\"Next review\""));
    assert_eq!(staff.lines().count(), 4, "{staff}");
    assert!(staff.contains("\"2027-01-15\""));
}

#[tokio::test]
async fn the_tracker_filters_by_region_and_series_and_the_synthesis_follows_up() {
    let app = spawn_app().await;
    let series = app
        .series(json!({"title": "Global consultative roundtables", "slug": "roundtables-2008"}))
        .await;
    let series_id = series["id"].as_i64().unwrap();
    kampala(
        &app,
        &[("Strengthen the AU's early warning", "African Union")],
    )
    .await;
    let event = items(&app, "", app.org()).await[0]["source"]["event_id"]
        .as_i64()
        .unwrap();
    app.patch(
        &format!("/api/v1/events/{event}"),
        app.org(),
        &json!({"series": series_id}),
    )
    .await
    .expect(200);
    assert_eq!(items(&app, "?region=africa", As::Anonymous).await.len(), 1);
    assert!(
        items(&app, "?region=europe", As::Anonymous)
            .await
            .is_empty()
    );
    assert_eq!(
        items(&app, "?series=roundtables-2008", As::Anonymous)
            .await
            .len(),
        1
    );
    assert!(
        items(&app, "?series=nothing-here", As::Anonymous)
            .await
            .is_empty()
    );
    let refused = app
        .get("/api/v1/recommendations?region=atlantis", As::Anonymous)
        .await
        .expect(422);
    assert_eq!(refused.error_fields(), ["region"]);

    let synthesis = app
        .get_page("/series/roundtables-2008/report.md", None)
        .await
        .expect(200)
        .text();
    assert!(
        synthesis.contains("## What came of the recommendations"),
        "{synthesis}"
    );
    assert!(
        synthesis.contains("- **Open**: Strengthen the AU's early warning (to African Union)"),
        "{synthesis}"
    );
}

// ----- In French and Spanish -----

/// The account of `who` prefers `language` for the interface and its mail.
async fn prefers(app: &TestApp, who: As<'_>, language: &str) {
    app.send(
        Method::PATCH,
        "/api/v1/auth/me",
        who,
        &json!({ "language": language }),
    )
    .await
    .expect(200);
}

#[tokio::test]
async fn the_tracker_its_items_and_the_follow_up_report_read_in_french_and_spanish() {
    let app = spawn_app().await;
    let (focal, _) = eu_followed_up(&app).await;

    // The public tracker in French (chosen), its charts' titles and labels with it.
    let french = app
        .get_page("/recommendations?lang=fr", None)
        .await
        .expect(200)
        .text();
    assert!(french.contains("<h1>Recommandations</h1>"), "{french}");
    assert!(french.contains(r#"<h2 id="by-addressee">Par destinataire et par statut</h2>"#));
    assert!(
        french.contains("<title>EU : 1 mise en œuvre</title>"),
        "{french}"
    );
    assert!(french.contains("<title>EU : 1 ouverte</title>"), "{french}");
    assert!(french.contains(r#"<option value="">Tous les destinataires</option>"#));
    assert!(french.contains(r#"<button type="submit">Filtrer</button>"#));
    assert!(french.contains("3 recommandations"), "{french}");
    assert!(
        french.contains("Dernière nouvelle : <time datetime=\"2014-06-30\">30 juin 2014</time>")
    );
    // The English page says what it said.
    let english = app
        .get_page("/recommendations", None)
        .await
        .expect(200)
        .text();
    assert!(english.contains("<h1>Recommendations</h1>"));
    assert!(english.contains(r#"<h2 id="by-addressee">By addressee and status</h2>"#));
    assert!(
        english.contains("<title>EU: 1 implemented</title>"),
        "{english}"
    );
    assert!(english.contains(r#"<button type="submit">Filter</button>"#));
    assert!(english.contains("Latest: <time datetime=\"2014-06-30\">30 June 2014</time>"));

    // An item in Spanish (the browser's), its history dated as Spanish writes dates.
    let spanish = app
        .get_with_headers(
            &format!("/recommendations/{focal}"),
            &[("accept-language", "es-AR,es;q=0.9")],
        )
        .await
        .expect(200)
        .text();
    assert!(spanish.contains("<h2>Qué fue de ella</h2>"), "{spanish}");
    assert!(spanish.contains(r#"<span class="badge status-implemented">Aplicada</span>"#));
    assert!(spanish.contains("30 de junio de 2014"), "{spanish}");
    assert!(spanish.contains("<dt>Destinatario</dt><dd>EU</dd>"));

    // An organizer reading French records an update: the form, the error and the
    // confirmation in French.
    prefers(&app, app.org(), "fr").await;
    let browser = app.organizer_browser().await;
    let form = app
        .get_page(&format!("/recommendations/{focal}"), Some(&browser))
        .await
        .expect(200)
        .text();
    assert!(
        form.contains(r#"<h2 id="record">Enregistrer une mise à jour</h2>"#),
        "{form}"
    );
    assert!(form.contains(r#"<button type="submit">Enregistrer la mise à jour</button>"#));
    assert!(form.contains("Doublons probables issus d’autres événements"));
    let refused = app
        .submit(
            &format!("/recommendations/{focal}"),
            &browser,
            &[("status", "superseded"), ("note", ""), ("on", "2099-01-01")],
        )
        .await
        .expect(422)
        .text();
    assert!(
        refused.contains("Veuillez corriger 2 champs ci-dessous."),
        "{refused}"
    );
    assert!(
        refused.contains(r#"id="f-on-error">Ne doit pas être dans le futur."#),
        "{refused}"
    );
    let done = app
        .submit(
            &format!("/recommendations/{focal}"),
            &browser,
            &[
                ("status", "superseded"),
                ("note", "Replaced by the 2015 plan."),
            ],
        )
        .await;
    assert_eq!(done.status.as_u16(), 303, "{}", done.text());
    let after = app
        .get_page(
            &format!("/recommendations/{focal}"),
            Some(&common::with_cookies_from(&browser, &done)),
        )
        .await
        .expect(200)
        .text();
    assert!(
        after.contains("La mise à jour a été enregistrée."),
        "{after}"
    );
    assert!(after.contains(r#"<span class="badge status-superseded">Remplacée</span>"#));

    // The organizers' workspace in French.
    let workspace = app
        .get_page("/organize/recommendations", Some(&browser))
        .await
        .expect(200)
        .text();
    assert!(
        workspace.contains("<h1>Recommandations à suivre</h1>"),
        "{workspace}"
    );
    assert!(
        workspace.contains(
            r#"<button type="submit">Mettre à jour les recommandations cochées</button>"#
        )
    );

    let refused = app
        .submit(
            "/organize/recommendations",
            &browser,
            &[("ids", &focal.to_string()), ("owner", "999999")],
        )
        .await
        .expect(422)
        .text();
    assert!(
        refused.contains("Responsable : ce compte n’existe pas."),
        "{refused}"
    );
    let refused = app
        .submit("/organize/recommendations", &browser, &[("owner", "keep")])
        .await
        .expect(422)
        .text();
    assert!(
        refused.contains("Cochez au moins une recommandation."),
        "{refused}"
    );

    // The follow-up report: the page in French, the Markdown in Spanish; in English as it was.
    let report = app
        .get_page("/recommendations/report?addressee=EU&lang=fr", None)
        .await
        .expect(200)
        .text();
    assert!(
        report.contains("<h1>Ce que nous avons demandé (EU, 2009) et ce qu’il en est advenu</h1>"),
        "{report}"
    );
    assert!(report.contains("2 recommandations suivies"), "{report}");
    let markdown = app
        .get_with_headers(
            "/recommendations/report.md?addressee=EU",
            &[("accept-language", "es")],
        )
        .await
        .expect(200)
        .text();
    assert!(
        markdown.contains("| Estado | Recomendaciones |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- **Formulada:** Making a difference, 3 de junio de 2009"),
        "{markdown}"
    );
    assert!(markdown.contains("- 30 de junio de 2014 — *Aplicada*: The EEAS named its focal point. (prueba: https://eeas.europa.eu/r2p)"), "{markdown}");
    let pdf = app
        .get_page("/recommendations/report.pdf?addressee=EU&lang=fr", None)
        .await
        .expect(200);
    let text = pdf_extract::extract_text_from_mem(&pdf.body).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("RAPPORT DE SUIVI"), "{text}");
    assert!(text.contains("2 recommandations suivies"), "{text}");
    assert!(text.contains("30 juin 2014 · Mise en œuvre"), "{text}");
    let english = app
        .get_page("/recommendations/report.md?addressee=EU", None)
        .await
        .expect(200)
        .text();
    assert!(english.starts_with("# What we asked of the EU, 2009, and what came of it\n"));
    assert!(english.contains("- **Asked:** Making a difference, 3 June 2009"));
}

#[tokio::test]
async fn tracker_mail_goes_in_each_recipients_language() {
    let app = spawn_app().await;
    let (event, session) = panel(&app).await;
    approve(
        &app,
        session,
        &summary(&[
            ("Create an EU focal point", "EU"),
            ("Brief the Council", "UN Security Council"),
        ]),
    )
    .await;
    publish_report(&app, &event).await;
    let all = items(&app, "", app.org()).await;
    let focal = id_of(&all, "Create an EU focal point");
    let brief = id_of(&all, "Brief the Council");
    // The owner reads Spanish, the organizer French; the administrator chose nothing.
    prefers(&app, app.member_token(), "es").await;
    prefers(&app, app.org(), "fr").await;
    let member = member_id(&app).await;
    let today = chrono::Utc::now().date_naive();
    let overdue = today - chrono::Duration::days(30);
    app.patch(
        &format!("/api/v1/recommendations/{focal}"),
        app.org(),
        &json!({"owner": member, "next_review_on": today.to_string()}),
    )
    .await
    .expect(200);
    app.patch(
        &format!("/api/v1/recommendations/{brief}"),
        app.org(),
        &json!({"next_review_on": overdue.to_string()}),
    )
    .await
    .expect(200);
    roundtable::recommendations::reminders::send_due(&app.db, &app.settings, chrono::Utc::now())
        .await
        .unwrap();

    let review = app
        .last_mail_to("member@example.org", "recommendation_review")
        .await;
    assert_eq!(
        review.subject,
        "Revisión pendiente: Create an EU focal point"
    );
    assert!(
        review.text_body.starts_with("Estimado/a "),
        "{}",
        review.text_body
    );
    use roundtable::i18n::{Language, dates};
    let due = dates::long(Language::Es, today);
    assert!(
        review.text_body.contains(&format!(
            "La revisión de una recomendación de cuyo seguimiento se ocupa vence el {due}:"
        )),
        "{}",
        review.text_body
    );
    assert!(
        review
            .text_body
            .contains("«Create an EU focal point» (dirigida a EU)")
    );
    assert!(review.html_body.contains(r#"<html lang="es">"#));
    assert!(
        review
            .html_body
            .contains("porque usted se ocupa del seguimiento")
    );

    let digest = app
        .last_mail_to("organizer@example.org", "recommendation_digest")
        .await;
    assert_eq!(digest.subject, "1 recommandation en retard d’examen");
    assert!(
        digest.text_body.starts_with("Bonjour "),
        "{}",
        digest.text_body
    );
    assert!(
        digest.text_body.contains(&format!(
            "L’examen était prévu le {} ; personne n’en assure le suivi.",
            dates::long(Language::Fr, overdue)
        )),
        "{}",
        digest.text_body
    );
    assert!(digest.html_body.contains(r#"<html lang="fr">"#));
    // The administrator, who chose no language, reads English as before.
    let english = app
        .last_mail_to("admin@example.org", "recommendation_digest")
        .await;
    assert_eq!(english.subject, "1 recommendation overdue for review");
    assert!(
        english.text_body.starts_with("Dear "),
        "{}",
        english.text_body
    );
    assert!(
        english.text_body.contains(&format!(
            "Review was due on {}; nobody follows it up.",
            dates::long(Language::En, overdue)
        )),
        "{}",
        english.text_body
    );
}

/// Every message of the tracker is written in French and Spanish (a few read the same
/// in a language as in English, rightly).
#[test]
fn every_tracker_message_is_written_in_french_and_spanish() {
    use fluent_templates::fluent_bundle::FluentValue;
    use roundtable::i18n::{Language, t_args};
    let english = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/locales/en/recommendations.ftl"
    ))
    .unwrap();
    let ids: Vec<&str> = english
        .lines()
        .filter(|l| l.starts_with("rec-"))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim()))
        .collect();
    assert!(ids.len() > 150, "{}", ids.len());
    let args: Vec<(&'static str, FluentValue<'_>)> = [
        "count",
        "places",
        "year",
        "addressee",
        "source",
        "label",
        "status",
        "name",
        "percent",
        "whom",
        "counted",
        "note",
        "message",
        "span",
        "date",
        "text",
        "organizer",
        "owner",
    ]
    .into_iter()
    .map(|name| (name, FluentValue::from("x")))
    .collect();
    let same = [
        "rec-csv-id",
        "rec-csv-source",
        "rec-csv-date",
        "rec-source",
        "rec-ws-role-rapporteur",
        "rec-chart-segment",
        "rec-status-said",
        "rec-update-line",
        "rec-field-error",
    ];
    for lang in [Language::Fr, Language::Es] {
        for id in &ids {
            let theirs = t_args(lang, id, &args);
            assert!(
                !theirs.is_empty() && theirs != *id,
                "{lang:?}: {id} is missing"
            );
            if !same.contains(id) {
                assert_ne!(
                    theirs,
                    t_args(Language::En, id, &args),
                    "{lang:?}: {id} is English"
                );
            }
        }
    }
}
