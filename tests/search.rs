//! Search: accents and case aside, across kinds, inside PDFs, ranked title first, and
//! never what the reader may not open (drafts, closed sessions, unpublished reports,
//! members' and organizers' documents); a change made through one instance found at once
//! through another. Runs on SQLite, or on PostgreSQL when `ROUNDTABLE_TEST_POSTGRES`
//! names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::Method;
use common::fixtures::slug;
use common::{As, Reply, TestApp, get_from, spawn_app};
use roundtable::documents::paper::{Paper, Section};
use serde_json::{Value, json};

async fn search(app: &TestApp, q: &str, who: As<'_>) -> Value {
    let q: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
    app.get(&format!("/api/v1/search?q={q}"), who)
        .await
        .expect(200)
        .json()
}

/// The (kind, title) of each hit.
fn hits(found: &Value) -> Vec<(String, String)> {
    found["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["kind"].as_str().unwrap().to_string(),
                h["title"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn titles(found: &Value) -> Vec<String> {
    hits(found).into_iter().map(|(_, t)| t).collect()
}

/// The Brussels conference (published) with its RtoP panel, Mr Luc LAMPRIÈRE its
/// rapporteur, his summary approved and the report published; returns the event's slug
/// and the session's id.
async fn reported_panel(app: &TestApp) -> (String, i64) {
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
    let oxfam = app.organization("Oxfam France").await;
    let luc = app
        .person_at("Mr", "Luc", "Lamprière", "General Director", oxfam)
        .await;
    app.assign(session, luc, "rapporteur").await;
    let path = format!("/api/v1/sessions/{session}/summary");
    let summary = json!({"overview": "Prevention is the heart of the responsibility to protect.",
        "recommendations": [{"text": "Appoint an RtoP focal point in the Council secretariat",
                             "addressee": "EU", "themes": ["Prevention"]}]});
    app.send(Method::PUT, &path, app.org(), &summary)
        .await
        .expect(200);
    for step in ["submit", "approve"] {
        app.post(&format!("{path}/{step}"), app.org(), &json!({}))
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
    (event, session)
}

#[tokio::test]
async fn lampriere_finds_the_rapporteur_and_what_he_wrote_whatever_the_accents() {
    let app = spawn_app().await;
    let (event, session) = reported_panel(&app).await;
    for q in ["lampriere", "LAMPRIÈRE", "Lampri"] {
        let found = search(&app, q, As::Anonymous).await;
        let hits = hits(&found);
        assert!(
            hits.contains(&("person".into(), "Mr Luc LAMPRIÈRE".into())),
            "{q}: {hits:?}"
        );
        assert!(
            hits.contains(&(
                "report".into(),
                "Summary: The Responsibility to Protect".into()
            )),
            "{q}: {hits:?}"
        );
    }
    let found = search(&app, "lampriere", As::Anonymous).await;
    let person = found["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "person")
        .unwrap();
    assert_eq!(person["snippet"], "General Director, Oxfam France");
    let summary = found["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "report")
        .unwrap();
    assert_eq!(
        summary["url"],
        format!("/events/{event}/report#session-{session}")
    );
    assert!(
        summary["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>LAMPRIÈRE</mark>"),
        "{summary}"
    );

    assert_eq!(summary["source"], "summary");
    assert_eq!(summary["id"], session);

    // What organizers write after publication is not found until they publish it again.
    app.patch(
        &format!("/api/v1/events/{event}/report"),
        app.org(),
        &json!({"conclusions": "The Zanzibarian delegation refused in private."}),
    )
    .await
    .expect(200);
    assert_eq!(search(&app, "zanzibarian", As::Anonymous).await["total"], 0);
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    assert_eq!(
        titles(&search(&app, "zanzibarian", As::Anonymous).await),
        ["Outcome report: Making a difference"]
    );

    // His page: who he is, and the summary he wrote, linked into the report.
    let page = app
        .get(person["url"].as_str().unwrap(), As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(page.contains("Mr Luc LAMPRIÈRE"), "{page}");
    assert!(page.contains("Oxfam France"), "{page}");
    assert!(
        page.contains(&format!("/events/{event}/report#session-{session}")),
        "{page}"
    );

    // Words of the summary are found too, and the search page marks them.
    let found = search(&app, "focal point", As::Anonymous).await;
    assert_eq!(
        titles(&found),
        ["Summary: The Responsibility to Protect"],
        "{found}"
    );
    let page = app
        .get("/search?q=lampri%C3%A8re", As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(page.contains("<mark>LAMPRIÈRE</mark>"), "{page}");
    assert!(page.contains("Mr Luc LAMPRIÈRE</a>"), "{page}");
}

#[tokio::test]
async fn nobody_finds_what_they_may_not_open() {
    let app = spawn_app().await;
    // A draft event, and a published one with a closed session.
    app.event_with(json!({"title": "Unannounced consultation on atrocity prevention"}))
        .await;
    let public = slug(&app.event_with(json!({"title": "Open consultation"})).await);
    app.publish(&public).await;
    let closed = app
        .session(
            &public,
            "Closed briefing on atrocity prevention",
            "2009-06-03T09:00:00",
            "2009-06-03T10:00:00",
            None,
        )
        .await;
    app.patch(
        &format!("/api/v1/sessions/{closed}"),
        app.org(),
        &json!({"confidentiality": "closed"}),
    )
    .await
    .expect(200);
    let secret = app.person("Ms", "Ada", "Quiet").await;
    app.assign(closed, secret, "speaker").await;
    // A summary approved but its report not published.
    let open = app
        .session(
            &public,
            "Open panel",
            "2009-06-03T11:00:00",
            "2009-06-03T12:00:00",
            None,
        )
        .await;
    let path = format!("/api/v1/sessions/{open}/summary");
    app.send(
        Method::PUT,
        &path,
        app.org(),
        &json!({"overview": "Atrocity prevention needs unpublished funding."}),
    )
    .await
    .expect(200);
    for step in ["submit", "approve"] {
        app.post(&format!("{path}/{step}"), app.org(), &json!({}))
            .await
            .expect(200);
    }

    for who in [As::Anonymous, app.member_token()] {
        let found = search(&app, "atrocity", who).await;
        assert_eq!(found["total"], 0, "{found}");
        assert_eq!(search(&app, "quiet", who).await["total"], 0);
    }
    let found = search(&app, "atrocity prevention", app.org()).await;
    let mut seen = titles(&found);
    seen.sort();
    assert_eq!(
        seen,
        [
            "Closed briefing on atrocity prevention",
            "Summary: Open panel",
            "Unannounced consultation on atrocity prevention"
        ],
        "{found}"
    );
    // Organizers find her, and the closed panel she speaks on.
    assert_eq!(
        hits(&search(&app, "quiet", app.org()).await),
        [
            ("person".to_string(), "Ms Ada QUIET".to_string()),
            (
                "session".to_string(),
                "Closed briefing on atrocity prevention".to_string()
            )
        ]
    );
    // Nor is her page there for the public, while the panel is closed.
    app.get(&format!("/people/{secret}"), As::Anonymous)
        .await
        .expect(404);

    // Opened: the session and its speaker are public at once.
    app.patch(
        &format!("/api/v1/sessions/{closed}"),
        app.org(),
        &json!({"confidentiality": "public"}),
    )
    .await
    .expect(200);
    assert_eq!(
        titles(&search(&app, "atrocity", As::Anonymous).await),
        ["Closed briefing on atrocity prevention"]
    );
    assert_eq!(search(&app, "quiet", As::Anonymous).await["total"], 2);
    app.get(&format!("/people/{secret}"), As::Anonymous)
        .await
        .expect(200);
}

/// Uploads a PDF (as the organizer) with `metadata`; returns the document.
async fn upload_pdf(app: &TestApp, pdf: &[u8], metadata: &Value) -> Value {
    let boundary = "roundtable-search-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{metadata}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"memo.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(pdf);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.request(
        Method::POST,
        "/api/v1/documents",
        app.org(),
        Some(Body::from(body)),
        Some(&format!("multipart/form-data; boundary={boundary}")),
    )
    .await
    .expect(201)
    .json()
}

fn memo_pdf() -> Vec<u8> {
    Paper {
        kind: "Policy memo".into(),
        title: "The Responsibility to Protect in the Americas".into(),
        byline: "The Stanley Foundation, 25 September 2012".into(),
        lang: "en".into(),
        sections: vec![Section {
            heading: "Next steps".into(),
            paragraphs: vec![
                "Governments of the hemisphere should name a national focal point.".into(),
            ],
            items: vec!["Convene the Latin American Network for Genocide Prevention".into()],
        }],
    }
    .typeset_here()
    .unwrap()
}

#[tokio::test]
async fn words_only_inside_a_members_pdf_are_found_by_members_alone() {
    // Its file in a folder, or in the bucket of `ROUNDTABLE_TEST_S3` (scripts/s3.sh).
    let (app, _folder) = common::files::app_with_files(25).await;
    let document = upload_pdf(
        &app,
        &memo_pdf(),
        &json!({"title": "Policy memo, September 2012", "kind": "policy-memo",
                "regions": ["americas", "global"], "access": "members"}),
    )
    .await;
    let id = document["id"].as_i64().unwrap();
    let thumbnail = document["thumbnail"].as_str().unwrap().to_string();
    assert_eq!(thumbnail, format!("/documents/{id}/thumbnail.png"));

    // "hemisphere" is in the PDF only.
    let found = search(&app, "HEMISPHÈRE", app.member_token()).await;
    assert_eq!(
        hits(&found),
        [(
            "document".to_string(),
            "Policy memo, September 2012".to_string()
        )]
    );
    assert!(
        found["items"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>hemisphere</mark>"),
        "{found}"
    );
    assert_eq!(found["items"][0]["url"], format!("/documents/{id}"));
    let picture = app.get(&thumbnail, app.member_token()).await.expect(200);
    assert_eq!(picture.headers["content-type"], "image/png");
    assert!(picture.body.starts_with(b"\x89PNG"));

    // Anonymous: not found, not opened, not its picture either.
    assert_eq!(search(&app, "hemisphere", As::Anonymous).await["total"], 0);
    for path in [
        format!("/documents/{id}"),
        format!("/documents/{id}/file"),
        thumbnail.clone(),
        format!("/api/v1/documents/{id}"),
    ] {
        app.get(&path, As::Anonymous).await.expect(404);
    }

    // Withdrawn: found by nobody.
    app.delete(&format!("/api/v1/documents/{id}"), app.org())
        .await
        .expect(204);
    assert_eq!(search(&app, "hemisphere", app.org()).await["total"], 0);
    app.get(&thumbnail, app.org()).await.expect(404);
    assert!(
        app.state.files.is_empty().await.unwrap(),
        "the file and its picture are gone"
    );
}

#[tokio::test]
async fn a_word_in_a_title_ranks_above_the_same_word_in_a_body_and_kinds_filter() {
    let app = spawn_app().await;
    let event = slug(
        &app.event_with(json!({"title": "Regional consultation",
                               "description": "On prevention, with Nairobi partners."}))
            .await,
    );
    app.publish(&event).await;
    app.session(
        &event,
        "Nairobi roundtable",
        "2009-06-03T09:00:00",
        "2009-06-03T10:00:00",
        None,
    )
    .await;
    let found = search(&app, "nairobi", As::Anonymous).await;
    assert_eq!(
        titles(&found),
        ["Nairobi roundtable", "Regional consultation"],
        "{found}"
    );
    let only_events = app
        .get("/api/v1/search?q=nairobi&kind=event", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&only_events), ["Regional consultation"]);
    assert_eq!(only_events["total"], 1);
    let paged = app
        .get("/api/v1/search?q=nairobi&limit=1&offset=1", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&paged), ["Regional consultation"]);
    assert_eq!(paged["total"], 2);
}

#[tokio::test]
async fn a_question_without_words_is_refused_by_name_and_hostile_words_stay_words() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/search",
        "/api/v1/search?q=",
        "/api/v1/search?q=%22%2A%29%28",
        "/api/v1/search?q=a&kind=minutes",
    ] {
        let refused = app.get(path, As::Anonymous).await.expect(422);
        assert!(
            refused.error_fields() == ["q"] || refused.error_fields() == ["kind"],
            "{path}: {:?}",
            refused.error_fields()
        );
    }
    let long = "a".repeat(201);
    app.get(&format!("/api/v1/search?q={long}"), As::Anonymous)
        .await
        .expect(422);
    // FTS syntax and SQL are words like any other.
    for q in [
        "NEAR(a b)",
        "a OR b",
        "' OR 1=1 --",
        "\"unbalanced",
        "col:umn*",
        "x & y | !z",
        // Letters and digits that PostgreSQL's unaccent turns into tsquery operators.
        "⑴",
        "ŉ",
        "ʻokina",
        "ʼ ː",
        "a\\b",
    ] {
        search(&app, q, As::Anonymous).await;
    }
    // The page says what is wrong, and escapes what was typed.
    let page = app
        .get("/search?q=%3Cscript%3E", As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(!page.contains("<script>"), "{page}");
    assert!(page.contains("&#60;script&#62;"), "{page}");
    let page = app
        .get("/search?q=%21%21", As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(page.contains("is required"), "{page}");
}

#[tokio::test]
async fn a_change_through_one_instance_is_found_at_once_through_another() {
    let app = spawn_app().await;
    let db = roundtable::db::Db::connect(&app.settings.database)
        .await
        .unwrap();
    let other = roundtable::app::router(roundtable::app::AppState::new(db, app.settings.clone()));
    let event = slug(&app.event_with(json!({"title": "Kampala roundtable"})).await);
    app.publish(&event).await;
    let found: Reply = get_from(&other, "/api/v1/search?q=kampala", &[]).await;
    assert_eq!(found.status.as_u16(), 200);
    assert_eq!(titles(&found.json()), ["Kampala roundtable"]);
    app.patch(
        &format!("/api/v1/events/{event}"),
        app.org(),
        &json!({"title": "Accra roundtable"}),
    )
    .await
    .expect(200);
    let found = get_from(&other, "/api/v1/search?q=accra", &[]).await.json();
    assert_eq!(titles(&found), ["Accra roundtable"]);
    assert_eq!(
        get_from(&other, "/api/v1/search?q=kampala", &[])
            .await
            .json()["total"],
        0
    );
}

#[tokio::test]
async fn the_search_page_speaks_the_readers_language() {
    let app = spawn_app().await;
    reported_panel(&app).await;
    let french = app
        .get("/search?q=lampriere&lang=fr", As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(french.contains("<h1>Recherche</h1>"), "{french}");
    assert!(french.contains("<label for=\"q\">Mots à rechercher</label>"));
    assert!(french.contains("<button type=\"submit\">Rechercher</button>"));
    assert!(
        french.contains(">Personnes <span class=\"count\">1</span></a>"),
        "{french}"
    );
    assert!(french.contains("<span class=\"kind\">Personne</span>"));
    assert!(french.contains(" pour « lampriere », 1 à "), "{french}");
    let spanish = app
        .get("/search?q=lampriere&kind=person&lang=es", As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(
        spanish.contains("1 resultado en personas para «lampriere», se muestran del 1 al 1."),
        "{spanish}"
    );
    assert!(spanish.contains(">Todo <span class=\"count\">"));
    let nothing = app
        .get("/search?q=zzyzxqq&lang=es", As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(
        nothing.contains("No se ha encontrado nada para «zzyzxqq»."),
        "{nothing}"
    );
    let refused = app
        .get("/search?q=%21%21&lang=fr", As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(
        refused.contains("Mots à rechercher : est obligatoire."),
        "{refused}"
    );
    // English stays English.
    let english = app
        .get("/search?q=lampriere&kind=person", As::Anonymous)
        .await
        .expect(200)
        .text();
    assert!(english.contains("<h1>Search</h1>"));
    assert!(
        english.contains("1 result among people for “lampriere”, 1–1 shown."),
        "{english}"
    );
    assert!(english.contains("<span class=\"kind\">Person</span>"));
}
