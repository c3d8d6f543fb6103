//! Series, events, sessions, participants and the conflicts report through `/api/v1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::Method;
use common::fixtures::{Panel, Seat, slug};
use common::{As, Reply, TestApp, spawn_app};
use serde_json::{Value, json};

// ----- Helpers -----

/// A roundtable in Brussels on the given days.
fn roundtable(title: &str, starts_on: &str, ends_on: &str) -> Value {
    json!({
        "title": title,
        "kind": "roundtable",
        "starts_on": starts_on,
        "ends_on": ends_on,
        "timezone": "Europe/Brussels",
        "region": "europe"
    })
}

async fn cancel(app: &TestApp, event: &str) -> Reply {
    app.post(
        &format!("/api/v1/events/{event}/cancel"),
        app.org(),
        &json!({}),
    )
    .await
}

async fn assign(app: &TestApp, session: i64, person: i64, role: &str) -> Reply {
    app.post(
        &format!("/api/v1/sessions/{session}/participants"),
        app.org(),
        &json!({"person_id": person, "role": role}),
    )
    .await
}

async fn conflicts(app: &TestApp, event: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/events/{event}/conflicts"), app.org())
        .await
        .expect(200)
        .json()
        .as_array()
        .unwrap()
        .clone()
}

fn of_kind<'a>(conflicts: &'a [Value], kind: &str) -> Vec<&'a Value> {
    conflicts.iter().filter(|c| c["kind"] == kind).collect()
}

/// Sends raw bytes as a JSON PATCH (for malformed bodies).
async fn patch_raw(app: &TestApp, path: &str, who: As<'_>, body: &str) -> Reply {
    app.request(
        Method::PATCH,
        path,
        who,
        Some(Body::from(body.to_string())),
        Some("application/json"),
    )
    .await
}

/// The top-level keys a 422 names. (Unknown keys are compared up to their first dot:
/// `src/web/json.rs` currently reports an unknown `colour` as `colour.colour`.)
fn unknown_keys(reply: &Reply) -> Vec<String> {
    reply
        .error_fields()
        .iter()
        .map(|field| field.split('.').next().unwrap_or_default().to_string())
        .collect()
}

fn titles(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap().to_string())
        .collect()
}

fn ids(values: &Value) -> Vec<i64> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect()
}

/// Row counts of every events table, to check that a refused request wrote nothing.
async fn snapshot(app: &TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "series",
        "events",
        "event_organizations",
        "sessions",
        "session_participants",
        "audit_log",
    ] {
        counts.push(app.count(table).await);
    }
    counts
}

// ----- Series -----

#[tokio::test]
async fn an_organizer_creates_a_series_and_anyone_reads_it_by_id_or_slug() {
    let app = spawn_app().await;
    let created = app
        .post(
            "/api/v1/series",
            app.org(),
            &json!({"title": "Global Consultative Roundtables", "description": "Regional roundtables on the Responsibility to Protect"}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(created["slug"], "global-consultative-roundtables");
    let id = created["id"].as_i64().unwrap();

    let by_id = app
        .get(&format!("/api/v1/series/{id}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(by_id["title"], "Global Consultative Roundtables");
    assert_eq!(by_id["events"], json!([]));
    let by_slug = app
        .get(
            "/api/v1/series/global-consultative-roundtables",
            As::Anonymous,
        )
        .await
        .expect(200)
        .json();
    assert_eq!(by_slug["id"], id);

    let list = app
        .get("/api/v1/series", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], id);
}

#[tokio::test]
async fn series_are_listed_by_title_a_page_at_a_time() {
    let app = spawn_app().await;
    for title in [
        "Ottawa dialogues",
        "Accra roundtables",
        "Brussels briefings",
    ] {
        app.post("/api/v1/series", app.org(), &json!({"title": title}))
            .await
            .expect(201);
    }
    let all = app
        .get("/api/v1/series", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(
        titles(&all),
        [
            "Accra roundtables",
            "Brussels briefings",
            "Ottawa dialogues"
        ]
    );
    let page = app
        .get("/api/v1/series?limit=1&offset=1", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&page), ["Brussels briefings"]);
    assert_eq!(page["total"], 3);
    let bad = app.get("/api/v1/series?limit=0", As::Anonymous).await;
    assert_eq!(bad.error_fields(), ["limit"]);
}

#[tokio::test]
async fn a_series_shows_anonymous_callers_only_its_published_events() {
    let app = spawn_app().await;
    app.series(json!({"title": "Roundtables 2008", "slug": "rt-2008"}))
        .await;
    let mut accra = roundtable("Accra roundtable", "2008-03-10", "2008-03-11");
    accra["series"] = json!("rt-2008");
    let accra = app.event(accra).await;
    let mut ottawa = roundtable("Ottawa roundtable", "2008-05-10", "2008-05-10");
    ottawa["series"] = json!("rt-2008");
    app.event(ottawa).await;
    app.publish(&slug(&accra)).await;

    let public = app
        .get("/api/v1/series/rt-2008", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(public["events"].as_array().unwrap().len(), 1);
    assert_eq!(public["events"][0]["title"], "Accra roundtable");
    let staff = app
        .get("/api/v1/series/rt-2008", app.org())
        .await
        .expect(200)
        .json();
    let staff_titles: Vec<_> = staff["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(staff_titles, ["Accra roundtable", "Ottawa roundtable"]);
}

#[tokio::test]
async fn an_organizer_renames_a_series_and_its_slug_stays() {
    let app = spawn_app().await;
    let series = app.series(json!({"title": "Roundtables"})).await;
    let id = series["id"].as_i64().unwrap();
    let renamed = app
        .patch(
            &format!("/api/v1/series/{id}"),
            app.org(),
            &json!({"title": "Global roundtables"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(renamed["title"], "Global roundtables");
    assert_eq!(renamed["slug"], "roundtables");
    let moved = app
        .patch(
            "/api/v1/series/roundtables",
            app.org(),
            &json!({"slug": "global-roundtables", "description": "Six regions"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(moved["slug"], "global-roundtables");
    assert_eq!(moved["title"], "Global roundtables");
    app.get("/api/v1/series/global-roundtables", As::Anonymous)
        .await
        .expect(200);
}

#[tokio::test]
async fn a_refused_series_writes_nothing() {
    let app = spawn_app().await;
    app.series(json!({"title": "Roundtables", "slug": "roundtables"}))
        .await;
    app.series(json!({"title": "Briefings"})).await;
    let before = snapshot(&app).await;

    app.post("/api/v1/series", As::Anonymous, &json!({"title": "X"}))
        .await
        .expect(401);
    app.post("/api/v1/series", app.member_token(), &json!({"title": "X"}))
        .await
        .expect(403);
    app.post(
        "/api/v1/series",
        app.org(),
        &json!({"title": "Another", "slug": "roundtables"}),
    )
    .await
    .expect(409);
    let invalid = app
        .post(
            "/api/v1/series",
            app.org(),
            &json!({"title": " ", "slug": "Not A Slug"}),
        )
        .await;
    assert_eq!(invalid.error_fields(), ["title", "slug"]);
    let unknown_field = app
        .post(
            "/api/v1/series",
            app.org(),
            &json!({"title": "X", "colour": "red"}),
        )
        .await;
    assert_eq!(unknown_keys(&unknown_field), ["colour"]);
    app.post_raw("/api/v1/series", app.org(), "{\"title\": ")
        .await
        .expect(400);

    app.patch(
        "/api/v1/series/roundtables",
        As::Anonymous,
        &json!({"title": "X"}),
    )
    .await
    .expect(401);
    app.patch(
        "/api/v1/series/roundtables",
        app.member_token(),
        &json!({"title": "X"}),
    )
    .await
    .expect(403);
    app.patch(
        "/api/v1/series/no-such-series",
        app.org(),
        &json!({"title": "X"}),
    )
    .await
    .expect(404);
    app.patch(
        "/api/v1/series/briefings",
        app.org(),
        &json!({"slug": "roundtables"}),
    )
    .await
    .expect(409);
    let blank = app
        .patch(
            "/api/v1/series/roundtables",
            app.org(),
            &json!({"title": ""}),
        )
        .await;
    assert_eq!(blank.error_fields(), ["title"]);
    patch_raw(&app, "/api/v1/series/roundtables", app.org(), "{")
        .await
        .expect(400);

    assert_eq!(snapshot(&app).await, before);
    let kept = app
        .get("/api/v1/series/roundtables", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(kept["title"], "Roundtables");
    app.get("/api/v1/series/999", As::Anonymous)
        .await
        .expect(404);
    app.get("/api/v1/series/no-such-series", As::Anonymous)
        .await
        .expect(404);
}

// ----- Events -----

#[tokio::test]
async fn an_organizer_creates_a_draft_event_with_its_organizers_and_series() {
    let app = spawn_app().await;
    let icg = app.organization("International Crisis Group").await;
    let gcr2p = app
        .organization("Global Centre for the Responsibility to Protect")
        .await;
    app.series(json!({"title": "RtoP conferences", "slug": "rtop"}))
        .await;
    let created = app.event(
        json!({
            "title": "Making a difference",
            "subtitle": "Strengthening capacities to respond to crises and security threats",
            "kind": "conference",
            "starts_on": "2009-06-03",
            "ends_on": "2009-06-04",
            "timezone": "Europe/Brussels",
            "venue": "Residence Palace",
            "city": "Brussels",
            "country": "be",
            "region": "europe",
            "series": "rtop",
            "capacity": 120,
            "organizers": [
                {"organization_id": icg, "role": "organizer"},
                {"organization_id": gcr2p, "role": "partner"}
            ],
            "registration": {"mode": "approval", "opens_at": "2009-05-01T09:00:00", "waitlist": true}
        }),
    )
    .await;
    assert_eq!(created["status"], "draft");
    assert_eq!(created["slug"], "making-a-difference");
    assert_eq!(created["country"], "BE");
    assert_eq!(created["capacity"], 120);
    assert_eq!(created["series"]["slug"], "rtop");
    assert_eq!(created["sessions"], json!([]));
    assert_eq!(created["registration"]["mode"], "approval");
    assert_eq!(
        created["registration"]["opens_at"],
        "2009-05-01T09:00:00+02:00"
    );
    assert_eq!(created["registration"]["waitlist"], true);
    let organizers = created["organizers"].as_array().unwrap();
    assert_eq!(organizers.len(), 2);
    assert_eq!(organizers[0]["name"], "International Crisis Group");
    assert_eq!(organizers[0]["role"], "organizer");
    assert_eq!(organizers[1]["organization_id"], gcr2p);
    assert_eq!(organizers[1]["role"], "partner");
    assert_eq!(app.count("event_organizations").await, 2);
}

#[tokio::test]
async fn an_event_is_found_by_its_id_and_by_its_slug() {
    let app = spawn_app().await;
    let event = app.brussels_event().await;
    let id = event["id"].as_i64().unwrap();
    let by_id = app
        .get(&format!("/api/v1/events/{id}"), app.org())
        .await
        .expect(200)
        .json();
    let by_slug = app
        .get("/api/v1/events/making-a-difference", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(by_id["id"], id);
    assert_eq!(by_slug["id"], id);
    assert_eq!(by_slug["title"], "Making a difference");
    assert_eq!(by_slug["timezone"], "Europe/Brussels");
}

#[tokio::test]
async fn unknown_events_are_not_found_by_id_or_slug() {
    let app = spawn_app().await;
    app.brussels_event().await;
    for event in ["9999", "no-such-event"] {
        app.get(&format!("/api/v1/events/{event}"), app.org())
            .await
            .expect(404);
        app.get(&format!("/api/v1/events/{event}"), As::Anonymous)
            .await
            .expect(404);
        app.patch(
            &format!("/api/v1/events/{event}"),
            app.org(),
            &json!({"title": "X"}),
        )
        .await
        .expect(404);
        app.delete(&format!("/api/v1/events/{event}"), app.org())
            .await
            .expect(404);
        app.post(
            &format!("/api/v1/events/{event}/publish"),
            app.org(),
            &json!({}),
        )
        .await
        .expect(404);
        app.post(
            &format!("/api/v1/events/{event}/cancel"),
            app.org(),
            &json!({}),
        )
        .await
        .expect(404);
        app.get(&format!("/api/v1/events/{event}/conflicts"), app.org())
            .await
            .expect(404);
        app.get(&format!("/api/v1/events/{event}/sessions"), app.org())
            .await
            .expect(404);
        app.post(
            &format!("/api/v1/events/{event}/sessions"),
            app.org(),
            &json!({"title": "Panel", "starts_at": "2009-06-03T14:00:00", "ends_at": "2009-06-03T16:00:00"}),
        )
        .await
        .expect(404);
    }
    let problem = app.get("/api/v1/events/no-such-event", As::Anonymous).await;
    assert_eq!(
        problem.headers.get("content-type").unwrap(),
        "application/problem+json"
    );
    assert_eq!(problem.json()["status"], 404);
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn a_draft_event_is_not_found_by_anonymous_callers_or_members() {
    let app = spawn_app().await;
    let Panel {
        event_id: id,
        session,
        ..
    } = app
        .brussels_session(
            "Panel on the Responsibility to Protect",
            "14:00",
            "16:00",
            None,
        )
        .await;
    for who in [As::Anonymous, app.member_token()] {
        for path in [
            format!("/api/v1/events/{id}"),
            "/api/v1/events/making-a-difference".to_string(),
            "/api/v1/events/making-a-difference/sessions".to_string(),
            format!("/api/v1/sessions/{session}"),
            format!("/api/v1/sessions/{session}/participants"),
        ] {
            app.get(&path, who).await.expect(404);
        }
    }
    app.get("/api/v1/events/making-a-difference", app.org())
        .await
        .expect(200);
    app.get(&format!("/api/v1/sessions/{session}"), app.org())
        .await
        .expect(200);

    app.publish("making-a-difference").await;
    let public = app
        .get("/api/v1/events/making-a-difference", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(public["status"], "published");
    assert_eq!(public["sessions"][0]["id"], session);
    app.get(&format!("/api/v1/sessions/{session}"), As::Anonymous)
        .await
        .expect(200);
}

#[tokio::test]
async fn anonymous_callers_list_published_events_only() {
    let app = spawn_app().await;
    app.event(roundtable("Draft roundtable", "2008-01-10", "2008-01-10"))
        .await;
    let published = app
        .event(roundtable(
            "Published roundtable",
            "2008-02-10",
            "2008-02-10",
        ))
        .await;
    app.publish(&slug(&published)).await;
    let cancelled = app
        .event(roundtable(
            "Cancelled roundtable",
            "2008-03-10",
            "2008-03-10",
        ))
        .await;
    app.publish(&slug(&cancelled)).await;
    cancel(&app, cancelled["slug"].as_str().unwrap())
        .await
        .expect(200);

    for who in [As::Anonymous, app.member_token()] {
        let list = app.get("/api/v1/events", who).await.expect(200).json();
        assert_eq!(titles(&list), ["Published roundtable"]);
        assert_eq!(list["total"], 1);
        let drafts = app
            .get("/api/v1/events?status=draft", who)
            .await
            .expect(200)
            .json();
        assert_eq!(drafts["total"], 0);
        assert_eq!(drafts["items"], json!([]));
        let gone = app
            .get("/api/v1/events?status=cancelled", who)
            .await
            .expect(200)
            .json();
        assert_eq!(titles(&gone), ["Cancelled roundtable"]);
    }
    let staff = app
        .get("/api/v1/events", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(
        titles(&staff),
        [
            "Draft roundtable",
            "Published roundtable",
            "Cancelled roundtable"
        ]
    );
    assert_eq!(staff["total"], 3);
    let staff_drafts = app
        .get("/api/v1/events?status=draft", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&staff_drafts), ["Draft roundtable"]);
}

#[tokio::test]
async fn events_are_filtered_by_region_kind_year_series_and_status() {
    let app = spawn_app().await;
    app.series(json!({"title": "Global roundtables", "slug": "global-roundtables"}))
        .await;
    let series_id = app
        .get("/api/v1/series/global-roundtables", app.org())
        .await
        .expect(200)
        .json()["id"]
        .as_i64()
        .unwrap();
    let mut accra = roundtable("Accra roundtable", "2008-03-10", "2008-03-11");
    accra["region"] = json!("africa");
    accra["timezone"] = json!("Africa/Accra");
    accra["series"] = json!(series_id);
    app.event(accra).await;
    let mut new_year = roundtable("New Year workshop", "2008-12-30", "2009-01-02");
    new_year["kind"] = json!("workshop");
    app.event(new_year).await;
    let brussels = app.brussels_event().await;
    app.publish(&slug(&brussels)).await;

    let filtered = |query: &'static str| {
        let app = &app;
        async move {
            titles(
                &app.get(&format!("/api/v1/events?{query}"), app.org())
                    .await
                    .expect(200)
                    .json(),
            )
        }
    };
    assert_eq!(filtered("region=africa").await, ["Accra roundtable"]);
    assert_eq!(
        filtered("region=europe").await,
        ["New Year workshop", "Making a difference"]
    );
    assert_eq!(filtered("kind=workshop").await, ["New Year workshop"]);
    assert_eq!(filtered("kind=conference").await, ["Making a difference"]);
    assert_eq!(
        filtered("year=2008").await,
        ["Accra roundtable", "New Year workshop"]
    );
    assert_eq!(
        filtered("year=2009").await,
        ["New Year workshop", "Making a difference"]
    );
    assert_eq!(filtered("year=2010").await, Vec::<String>::new());
    assert_eq!(
        filtered("series=global-roundtables").await,
        ["Accra roundtable"]
    );
    assert_eq!(
        titles(
            &app.get(&format!("/api/v1/events?series={series_id}"), app.org())
                .await
                .expect(200)
                .json()
        ),
        ["Accra roundtable"]
    );
    assert_eq!(filtered("status=published").await, ["Making a difference"]);
    assert_eq!(
        filtered("status=draft").await,
        ["Accra roundtable", "New Year workshop"]
    );
    assert_eq!(
        filtered("region=europe&year=2009&status=draft").await,
        ["New Year workshop"]
    );

    let bad = app
        .get(
            "/api/v1/events?region=mars&kind=party&year=soon&status=lost&series=no-such-series",
            app.org(),
        )
        .await;
    let mut fields = bad.error_fields();
    fields.sort();
    assert_eq!(fields, ["kind", "region", "series", "status", "year"]);
}

#[tokio::test]
async fn event_lists_come_in_date_order_a_page_at_a_time() {
    let app = spawn_app().await;
    for (title, day) in [
        ("March", "2008-03-01"),
        ("January", "2008-01-01"),
        ("February", "2008-02-01"),
        ("April", "2008-04-01"),
    ] {
        app.event(roundtable(title, day, day)).await;
    }
    let all = app
        .get("/api/v1/events", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&all), ["January", "February", "March", "April"]);
    let page = app
        .get("/api/v1/events?limit=2&offset=1", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&page), ["February", "March"]);
    assert_eq!(page["total"], 4);
    let past_the_end = app
        .get("/api/v1/events?offset=10", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(past_the_end["items"], json!([]));
    assert_eq!(past_the_end["total"], 4);
    app.get("/api/v1/events?limit=500", app.org())
        .await
        .expect(200);
    assert_eq!(
        app.get("/api/v1/events?limit=501", app.org())
            .await
            .error_fields(),
        ["limit"]
    );
    assert_eq!(
        app.get("/api/v1/events?limit=0&offset=-1", app.org())
            .await
            .error_fields(),
        ["limit", "offset"]
    );
}

#[tokio::test]
async fn a_year_far_outside_the_calendar_is_refused_not_ignored() {
    let app = spawn_app().await;
    app.brussels_event().await;
    assert_eq!(
        app.get("/api/v1/events?year=999999", app.org())
            .await
            .error_fields(),
        ["year"]
    );
    assert_eq!(
        app.get("/api/v1/events?year=1850", As::Anonymous)
            .await
            .error_fields(),
        ["year"]
    );
    let before = snapshot(&app).await;
    for (starts, ends) in [
        ("9999-06-03T14:00:00+02:00", "9999-06-03T15:00:00+02:00"),
        ("0001-01-01T00:00:00Z", "0001-01-01T01:00:00Z"),
    ] {
        let refused = app
            .post(
                "/api/v1/events/making-a-difference/sessions",
                app.org(),
                &json!({"title": "Far away", "starts_at": starts, "ends_at": ends}),
            )
            .await;
        assert_eq!(refused.error_fields(), ["starts_at", "ends_at"]);
    }
    let mut event = roundtable("Far registration", "2009-06-03", "2009-06-03");
    event["registration"] = json!({"opens_at": "9999-01-01T00:00:00Z"});
    let refused = app.post("/api/v1/events", app.org(), &event).await;
    assert_eq!(refused.error_fields(), ["registration.opens_at"]);
    assert_eq!(snapshot(&app).await, before);
}

#[tokio::test]
async fn a_duplicate_event_slug_is_a_conflict_and_writes_nothing() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let again = app.brussels_event().await;
    assert_eq!(again["slug"], "making-a-difference-2");
    let before = snapshot(&app).await;

    let mut taken = roundtable("Another", "2009-06-03", "2009-06-03");
    taken["slug"] = json!("making-a-difference");
    let reply = app
        .post("/api/v1/events", app.org(), &taken)
        .await
        .expect(409);
    assert_eq!(reply.json()["status"], 409);
    app.patch(
        "/api/v1/events/making-a-difference-2",
        app.org(),
        &json!({"slug": "making-a-difference"}),
    )
    .await
    .expect(409);
    assert_eq!(snapshot(&app).await, before);
    app.get("/api/v1/events/making-a-difference-2", app.org())
        .await
        .expect(200);
}

#[tokio::test]
async fn an_invalid_event_names_each_field_at_fault_and_writes_nothing() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let known = app
        .organization("West Africa Civil Society Institute")
        .await;
    let before = snapshot(&app).await;
    let base = roundtable("Accra roundtable", "2008-03-10", "2008-03-11");
    let with = |key: &str, value: Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    let refused = |body: Value| {
        let app = &app;
        async move {
            app.post("/api/v1/events", app.org(), &body)
                .await
                .error_fields()
        }
    };

    assert_eq!(
        refused(with("ends_on", json!("2008-03-09"))).await,
        ["ends_on"]
    );
    assert_eq!(
        refused(with("timezone", json!("Africa/Atlantis"))).await,
        ["timezone"]
    );
    assert_eq!(
        refused(with(
            "organizers",
            json!([{"organization_id": 4242, "role": "host"}])
        ))
        .await,
        ["organizers[0].organization_id"]
    );
    assert_eq!(
        refused(with(
            "organizers",
            json!([{"organization_id": known}, {"organization_id": 4242}])
        ))
        .await,
        ["organizers[1].organization_id"]
    );
    assert_eq!(
        refused(with(
            "organizers",
            json!([{"organization_id": known, "role": "boss"}])
        ))
        .await,
        ["organizers[0].role"]
    );
    assert_eq!(
        refused(with("series", json!("no-such-series"))).await,
        ["series"]
    );
    assert_eq!(
        refused(with("status", json!("published"))).await,
        ["status"]
    );
    assert_eq!(refused(with("capacity", json!(0))).await, ["capacity"]);
    assert_eq!(refused(with("slug", json!("2008"))).await, ["slug"]);
    assert_eq!(
        refused(with("registration", json!({"mode": "lottery"}))).await,
        ["registration.mode"]
    );
    assert_eq!(
        refused(with(
            "registration",
            json!({"opens_at": "2008-03-01T09:00:00", "closes_at": "2008-02-01T09:00:00"})
        ))
        .await,
        ["registration.closes_at"]
    );
    assert_eq!(refused(with("capacity", json!("many"))).await, ["capacity"]);
    assert_eq!(
        refused(json!({"starts_on": "10 March 2008"})).await,
        ["title", "kind", "starts_on", "ends_on", "timezone"]
    );
    assert_eq!(snapshot(&app).await, before);
}

#[tokio::test]
async fn event_writes_need_an_organizer_or_an_admin() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let before = snapshot(&app).await;
    let body = roundtable("Accra roundtable", "2008-03-10", "2008-03-11");
    let event = "/api/v1/events/making-a-difference";
    for (who, status) in [
        (As::Anonymous, 401),
        (app.member_token(), 403),
        (As::Token(&app.rapporteur), 403),
    ] {
        app.post("/api/v1/events", who, &body).await.expect(status);
        app.patch(event, who, &json!({"title": "Renamed"}))
            .await
            .expect(status);
        app.delete(event, who).await.expect(status);
        app.post(&format!("{event}/publish"), who, &json!({}))
            .await
            .expect(status);
        app.post(&format!("{event}/cancel"), who, &json!({}))
            .await
            .expect(status);
        app.get(&format!("{event}/conflicts"), who)
            .await
            .expect(status);
    }
    let anonymous = app.post("/api/v1/events", As::Anonymous, &body).await;
    assert!(anonymous.headers.contains_key("www-authenticate"));
    assert_eq!(snapshot(&app).await, before);
    let kept = app.get(event, app.org()).await.expect(200).json();
    assert_eq!(kept["title"], "Making a difference");
    assert_eq!(kept["status"], "draft");

    // An admin may do what an organizer does.
    app.post("/api/v1/events", As::Token(&app.admin), &body)
        .await
        .expect(201);
}

#[tokio::test]
async fn a_malformed_body_is_a_bad_request_and_writes_nothing() {
    let app = spawn_app().await;
    let session = app.brussels_panel(None).await.session;
    let before = snapshot(&app).await;
    for path in [
        "/api/v1/events".to_string(),
        "/api/v1/series".to_string(),
        "/api/v1/events/making-a-difference/sessions".to_string(),
        format!("/api/v1/sessions/{session}/participants"),
    ] {
        for body in ["{\"title\": ", "not json", "[1, 2]", ""] {
            let reply = app.post_raw(&path, app.org(), body).await.expect(400);
            assert_eq!(
                reply.headers.get("content-type").unwrap(),
                "application/problem+json"
            );
        }
    }
    for path in [
        "/api/v1/events/making-a-difference".to_string(),
        format!("/api/v1/sessions/{session}"),
    ] {
        patch_raw(&app, &path, app.org(), "{\"title\": ")
            .await
            .expect(400);
    }
    let not_json = app
        .request(
            Method::POST,
            "/api/v1/events",
            app.org(),
            Some(Body::from("title=Accra")),
            Some("application/x-www-form-urlencoded"),
        )
        .await;
    not_json.expect(400);
    assert_eq!(snapshot(&app).await, before);
}

#[tokio::test]
async fn a_patch_changes_only_the_fields_sent() {
    let app = spawn_app().await;
    let icg = app.organization("International Crisis Group").await;
    let egmont = app.organization("Egmont Institute").await;
    let mut body = roundtable("Brussels roundtable", "2009-06-03", "2009-06-04");
    body["organizers"] = json!([{"organization_id": icg, "role": "organizer"}]);
    body["capacity"] = json!(40);
    app.event(body).await;

    let patched = app
        .patch(
            "/api/v1/events/brussels-roundtable",
            app.org(),
            &json!({"subtitle": "On mass atrocities", "organizers": [{"organization_id": egmont, "role": "host"}]}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(patched["subtitle"], "On mass atrocities");
    assert_eq!(patched["title"], "Brussels roundtable");
    assert_eq!(patched["capacity"], 40);
    assert_eq!(patched["starts_on"], "2009-06-03");
    let organizers = patched["organizers"].as_array().unwrap();
    assert_eq!(organizers.len(), 1);
    assert_eq!(organizers[0]["name"], "Egmont Institute");
    assert_eq!(organizers[0]["role"], "host");

    let unlimited = app
        .patch(
            "/api/v1/events/brussels-roundtable",
            app.org(),
            &json!({"capacity": null, "status": "draft"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(unlimited["capacity"], Value::Null);
    assert_eq!(unlimited["subtitle"], "On mass atrocities");

    let before = snapshot(&app).await;
    let backwards = app
        .patch(
            "/api/v1/events/brussels-roundtable",
            app.org(),
            &json!({"ends_on": "2009-06-01", "timezone": "Mars/Olympus"}),
        )
        .await;
    assert_eq!(backwards.error_fields(), ["ends_on", "timezone"]);
    let status = app
        .patch(
            "/api/v1/events/brussels-roundtable",
            app.org(),
            &json!({"status": "published"}),
        )
        .await;
    assert_eq!(status.error_fields(), ["status"]);
    let unknown_org = app
        .patch(
            "/api/v1/events/brussels-roundtable",
            app.org(),
            &json!({"organizers": [{"organization_id": 4242}]}),
        )
        .await;
    assert_eq!(
        unknown_org.error_fields(),
        ["organizers[0].organization_id"]
    );
    assert_eq!(snapshot(&app).await, before);
    let kept = app
        .get("/api/v1/events/brussels-roundtable", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(kept["ends_on"], "2009-06-04");
    assert_eq!(kept["status"], "draft");
    assert_eq!(kept["organizers"][0]["name"], "Egmont Institute");
}

#[tokio::test]
async fn publishing_an_event_twice_is_a_conflict() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let published = app.publish("making-a-difference").await;
    assert_eq!(published["status"], "published");
    let audit = app.count("audit_log").await;
    let twice = app
        .post(
            "/api/v1/events/making-a-difference/publish",
            app.org(),
            &json!({}),
        )
        .await
        .expect(409);
    assert_eq!(twice.json()["status"], 409);
    assert_eq!(app.count("audit_log").await, audit);
    let public = app
        .get("/api/v1/events", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&public), ["Making a difference"]);
}

#[tokio::test]
async fn cancelling_an_event_twice_is_a_conflict() {
    let app = spawn_app().await;
    app.brussels_event().await;
    app.publish("making-a-difference").await;
    let cancelled = cancel(&app, "making-a-difference").await.expect(200).json();
    assert_eq!(cancelled["status"], "cancelled");
    let audit = app.count("audit_log").await;
    cancel(&app, "making-a-difference").await.expect(409);
    app.post(
        "/api/v1/events/making-a-difference/publish",
        app.org(),
        &json!({}),
    )
    .await
    .expect(409);
    assert_eq!(app.count("audit_log").await, audit);
    let kept = app
        .get("/api/v1/events/making-a-difference", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(kept["status"], "cancelled");

    // A draft may be cancelled straight away.
    let draft = app
        .event(roundtable("Accra roundtable", "2008-03-10", "2008-03-10"))
        .await;
    let cancelled = cancel(&app, draft["slug"].as_str().unwrap())
        .await
        .expect(200)
        .json();
    assert_eq!(cancelled["status"], "cancelled");
}

#[tokio::test]
async fn a_published_event_cannot_be_deleted_until_it_is_cancelled() {
    let app = spawn_app().await;
    let session = app.brussels_panel(Some("Room A")).await.session;
    app.seat(session, [Seat::chair("Mr", "Gareth", "Evans")])
        .await;
    app.publish("making-a-difference").await;
    let before = snapshot(&app).await;
    app.delete("/api/v1/events/making-a-difference", app.org())
        .await
        .expect(409);
    assert_eq!(snapshot(&app).await, before);
    app.get("/api/v1/events/making-a-difference", As::Anonymous)
        .await
        .expect(200);

    cancel(&app, "making-a-difference").await.expect(200);
    app.delete("/api/v1/events/making-a-difference", app.org())
        .await
        .expect(204);
    app.get("/api/v1/events/making-a-difference", app.org())
        .await
        .expect(404);
    assert_eq!(app.count("events").await, 0);
    assert_eq!(app.count("sessions").await, 0);
    assert_eq!(app.count("session_participants").await, 0);
    assert_eq!(app.count("people").await, 1);
}

#[tokio::test]
async fn deleting_a_draft_event_removes_its_programme_and_organizers() {
    let app = spawn_app().await;
    let icg = app.organization("International Crisis Group").await;
    let mut body = roundtable("Brussels roundtable", "2009-06-03", "2009-06-04");
    body["organizers"] = json!([{"organization_id": icg}]);
    let event = app.event(body).await;
    let id = event["id"].as_i64().unwrap();
    let session = app
        .session(
            "brussels-roundtable",
            "Panel",
            "2009-06-03T14:00:00",
            "2009-06-03T16:00:00",
            None,
        )
        .await;
    let person = app.person("Ms", "Corlett", "Letlojane").await;
    assign(&app, session, person, "speaker").await.expect(201);
    app.delete(&format!("/api/v1/events/{id}"), app.org())
        .await
        .expect(204);
    app.get(&format!("/api/v1/events/{id}"), app.org())
        .await
        .expect(404);
    app.get(&format!("/api/v1/sessions/{session}"), app.org())
        .await
        .expect(404);
    assert_eq!(app.count("events").await, 0);
    assert_eq!(app.count("event_organizations").await, 0);
    assert_eq!(app.count("sessions").await, 0);
    assert_eq!(app.count("session_participants").await, 0);
    assert_eq!(app.count("organizations").await, 1);
    app.delete(&format!("/api/v1/events/{id}"), app.org())
        .await
        .expect(404);
}

// ----- Sessions -----

#[tokio::test]
async fn a_wall_time_is_read_in_the_event_time_zone() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let created = app
        .post(
            "/api/v1/events/making-a-difference/sessions",
            app.org(),
            &json!({"title": "Panel on the Responsibility to Protect", "kind": "panel",
                    "starts_at": "2009-06-03T14:00:00", "ends_at": "2009-06-03T15:30",
                    "room": "Room A", "capacity": 80}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(created["starts_at"], "2009-06-03T14:00:00+02:00");
    assert_eq!(created["ends_at"], "2009-06-03T15:30:00+02:00");
    assert_eq!(created["timezone"], "Europe/Brussels");
    assert_eq!(created["kind"], "panel");
    assert_eq!(created["room"], "Room A");
    assert_eq!(created["capacity"], 80);
    assert_eq!(created["sequence"], 0);
    assert_eq!(created["participants"], json!([]));
    let id = created["id"].as_i64().unwrap();
    let read = app
        .get(&format!("/api/v1/sessions/{id}"), app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(read["starts_at"], "2009-06-03T14:00:00+02:00");
    assert_eq!(read["event_id"], created["event_id"]);

    // In winter Brussels is one hour ahead of UTC.
    app.event(roundtable("Winter roundtable", "2008-12-01", "2008-12-01"))
        .await;
    let winter = app
        .post(
            "/api/v1/events/winter-roundtable/sessions",
            app.org(),
            &json!({"title": "Opening", "starts_at": "2008-12-01T09:00:00", "ends_at": "2008-12-01T10:00:00"}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(winter["starts_at"], "2008-12-01T09:00:00+01:00");
    assert_eq!(winter["kind"], "panel");
}

#[tokio::test]
async fn a_time_sent_with_an_offset_is_kept_as_that_instant() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let created = app
        .post(
            "/api/v1/events/making-a-difference/sessions",
            app.org(),
            &json!({"title": "Call with New York",
                    "starts_at": "2009-06-03T08:30:00-04:00", "ends_at": "2009-06-03T13:00:00Z"}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(created["starts_at"], "2009-06-03T14:30:00+02:00");
    assert_eq!(created["ends_at"], "2009-06-03T15:00:00+02:00");
    let id = created["id"].as_i64().unwrap();
    let moved = app
        .patch(
            &format!("/api/v1/sessions/{id}"),
            app.org(),
            &json!({"starts_at": "2009-06-03T08:00:00+00:00", "ends_at": "2009-06-03T09:00:00+00:00"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(moved["starts_at"], "2009-06-03T10:00:00+02:00");
    assert_eq!(moved["ends_at"], "2009-06-03T11:00:00+02:00");
}

#[tokio::test]
async fn sessions_are_listed_in_time_order_a_page_at_a_time() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let event = "making-a-difference";
    app.session(
        event,
        "Closing",
        "2009-06-04T16:00:00",
        "2009-06-04T17:00:00",
        None,
    )
    .await;
    app.session(
        event,
        "Opening",
        "2009-06-03T09:00:00",
        "2009-06-03T10:00:00",
        None,
    )
    .await;
    app.session(
        event,
        "Panel",
        "2009-06-03T14:00:00",
        "2009-06-03T16:00:00",
        None,
    )
    .await;
    let all = app
        .get(&format!("/api/v1/events/{event}/sessions"), app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&all), ["Opening", "Panel", "Closing"]);
    assert_eq!(all["total"], 3);
    let page = app
        .get(
            &format!("/api/v1/events/{event}/sessions?limit=1&offset=1"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(titles(&page), ["Panel"]);
    assert_eq!(page["total"], 3);
    assert_eq!(
        app.get(
            &format!("/api/v1/events/{event}/sessions?limit=9999"),
            app.org()
        )
        .await
        .error_fields(),
        ["limit"]
    );
    let programme = app
        .get(&format!("/api/v1/events/{event}"), app.org())
        .await
        .expect(200)
        .json();
    let programme_titles: Vec<_> = programme["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(programme_titles, ["Opening", "Panel", "Closing"]);
}

#[tokio::test]
async fn moving_a_session_raises_its_sequence_and_renaming_it_does_not() {
    let app = spawn_app().await;
    let id = app.brussels_panel(Some("Room A")).await.session;
    let path = format!("/api/v1/sessions/{id}");
    let renamed = app
        .patch(
            &path,
            app.org(),
            &json!({"title": "Panel on the Responsibility to Protect", "description": "Chaired by Gareth Evans"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(renamed["title"], "Panel on the Responsibility to Protect");
    assert_eq!(renamed["starts_at"], "2009-06-03T14:00:00+02:00");
    assert_eq!(renamed["room"], "Room A");
    assert_eq!(renamed["sequence"], 0);

    let same_time = app
        .patch(
            &path,
            app.org(),
            &json!({"starts_at": "2009-06-03T12:00:00Z"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(same_time["sequence"], 0);

    let moved = app
        .patch(
            &path,
            app.org(),
            &json!({"starts_at": "2009-06-03T15:00:00", "ends_at": "2009-06-03T17:00:00"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(moved["starts_at"], "2009-06-03T15:00:00+02:00");
    assert_eq!(moved["ends_at"], "2009-06-03T17:00:00+02:00");
    assert_eq!(moved["title"], "Panel on the Responsibility to Protect");
    assert_eq!(moved["sequence"], 1);

    let new_room = app
        .patch(&path, app.org(), &json!({"room": "Room B"}))
        .await
        .expect(200)
        .json();
    assert_eq!(new_room["sequence"], 2);
    let read = app.get(&path, app.org()).await.expect(200).json();
    assert_eq!(read["sequence"], 2);
    assert_eq!(read["room"], "Room B");
}

#[tokio::test]
async fn an_invalid_session_names_each_field_at_fault_and_writes_nothing() {
    let app = spawn_app().await;
    let id = app.brussels_panel(None).await.session;
    let before = snapshot(&app).await;
    let sessions = "/api/v1/events/making-a-difference/sessions";
    let refused = |body: Value| {
        let app = &app;
        async move { app.post(sessions, app.org(), &body).await.error_fields() }
    };
    assert_eq!(
        refused(json!({"title": "Panel", "starts_at": "2009-06-03T14:00:00", "ends_at": "2009-06-03T13:00:00"})).await,
        ["ends_at"]
    );
    assert_eq!(
        refused(json!({"title": "Panel", "starts_at": "2009-06-03T14:00:00", "ends_at": "2009-06-03T14:00:00"})).await,
        ["ends_at"]
    );
    assert_eq!(
        refused(json!({"title": "Panel", "starts_at": "3 June 2009, 2pm", "ends_at": "2009-06-03T16:00:00"})).await,
        ["starts_at"]
    );
    // The clocks skip 02:00 to 03:00 in Brussels on 29 March 2009.
    assert_eq!(
        refused(json!({"title": "Night", "starts_at": "2009-03-29T02:30:00", "ends_at": "2009-03-29T04:00:00"})).await,
        ["starts_at"]
    );
    assert_eq!(
        refused(json!({"kind": "party", "capacity": 0})).await,
        ["title", "kind", "starts_at", "ends_at", "capacity"]
    );
    let unknown_field = app
        .post(
            sessions,
            app.org(),
            &json!({"title": "Panel", "starts_at": "2009-06-03T14:00:00", "ends_at": "2009-06-03T16:00:00", "event_id": 7}),
        )
        .await;
    assert_eq!(unknown_keys(&unknown_field), ["event_id"]);

    let path = format!("/api/v1/sessions/{id}");
    let backwards = app
        .patch(&path, app.org(), &json!({"ends_at": "2009-06-03T13:00:00"}))
        .await;
    assert_eq!(backwards.error_fields(), ["ends_at"]);
    let blank = app.patch(&path, app.org(), &json!({"title": null})).await;
    assert_eq!(blank.error_fields(), ["title"]);
    assert_eq!(snapshot(&app).await, before);
    let kept = app.get(&path, app.org()).await.expect(200).json();
    assert_eq!(kept["ends_at"], "2009-06-03T16:00:00+02:00");
    assert_eq!(kept["title"], "Panel");
    assert_eq!(kept["sequence"], 0);
}

#[tokio::test]
async fn session_writes_need_an_organizer_and_a_known_session() {
    let app = spawn_app().await;
    let id = app.brussels_panel(None).await.session;
    let before = snapshot(&app).await;
    let body = json!({"title": "Another", "starts_at": "2009-06-03T17:00:00", "ends_at": "2009-06-03T18:00:00"});
    let path = format!("/api/v1/sessions/{id}");
    for (who, status) in [(As::Anonymous, 401), (app.member_token(), 403)] {
        app.post("/api/v1/events/making-a-difference/sessions", who, &body)
            .await
            .expect(status);
        app.patch(&path, who, &json!({"title": "Renamed"}))
            .await
            .expect(status);
        app.delete(&path, who).await.expect(status);
    }
    for unknown in ["/api/v1/sessions/9999", "/api/v1/sessions/not-a-number"] {
        app.get(unknown, app.org()).await.expect(404);
        app.patch(unknown, app.org(), &json!({"title": "X"}))
            .await
            .expect(404);
        app.delete(unknown, app.org()).await.expect(404);
    }
    assert_eq!(snapshot(&app).await, before);
    let kept = app.get(&path, app.org()).await.expect(200).json();
    assert_eq!(kept["title"], "Panel");
}

#[tokio::test]
async fn deleting_a_session_removes_it_and_its_participants() {
    let app = spawn_app().await;
    let id = app.brussels_panel(None).await.session;
    app.seat(id, [Seat::chair("Mr", "Gareth", "Evans")]).await;
    app.delete(&format!("/api/v1/sessions/{id}"), app.org())
        .await
        .expect(204);
    app.get(&format!("/api/v1/sessions/{id}"), app.org())
        .await
        .expect(404);
    assert_eq!(app.count("sessions").await, 0);
    assert_eq!(app.count("session_participants").await, 0);
    assert_eq!(app.count("people").await, 1);
    let event = app
        .get("/api/v1/events/making-a-difference", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(event["sessions"], json!([]));
    app.delete(&format!("/api/v1/sessions/{id}"), app.org())
        .await
        .expect(404);
}

// ----- Participants -----

#[tokio::test]
async fn the_programme_lists_the_chair_first_then_speakers_in_order_and_the_rapporteur_last() {
    let app = spawn_app().await;
    let session = app
        .brussels_session(
            "Panel on the Responsibility to Protect",
            "14:00",
            "16:00",
            Some("Room A"),
        )
        .await
        .session;
    let icg = app.organization("International Crisis Group").await;
    let hurisa = app
        .organization("Human Rights Institute of South Africa")
        .await;
    let rapporteur = app.person("Mr", "Jan", "Peeters").await;
    let letlojane = app
        .person_at("Ms", "Corlett", "Letlojane", "Director", hurisa)
        .await;
    let second_speaker = app.person("Dr", "Ana", "Ruiz").await;
    let evans = app
        .person_at(
            "Mr",
            "Gareth",
            "Evans",
            "President and Chief Executive",
            icg,
        )
        .await;
    let first_speaker = app.person("Prof", "Edward", "Luck").await;

    // Added in an order unlike the programme's.
    let added = assign(&app, session, rapporteur, "rapporteur")
        .await
        .expect(201)
        .json();
    assert_eq!(added["display_name"], "Mr Jan PEETERS");
    assert_eq!(added["role"], "rapporteur");
    assert_eq!(added["invitation_status"], "not_invited");
    assign(&app, session, letlojane, "speaker")
        .await
        .expect(201);
    assign(&app, session, second_speaker, "speaker")
        .await
        .expect(201);
    assign(&app, session, evans, "chair").await.expect(201);
    app.post(
        &format!("/api/v1/sessions/{session}/participants"),
        app.org(),
        &json!({"person_id": first_speaker, "role": "speaker", "position": 0}),
    )
    .await
    .expect(201);

    let expected = [
        (evans, "chair"),
        (first_speaker, "speaker"),
        (letlojane, "speaker"),
        (second_speaker, "speaker"),
        (rapporteur, "rapporteur"),
    ];
    let order = |participants: &Value| -> Vec<(i64, String)> {
        participants
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["person_id"].as_i64().unwrap(),
                    p["role"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let expected: Vec<(i64, String)> = expected
        .iter()
        .map(|(id, role)| (*id, role.to_string()))
        .collect();

    app.publish("making-a-difference").await;
    let event = app
        .get("/api/v1/events/making-a-difference", As::Anonymous)
        .await
        .expect(200)
        .json();
    let participants = &event["sessions"][0]["participants"];
    assert_eq!(order(participants), expected);
    assert_eq!(participants[0]["display_name"], "Mr Gareth EVANS");
    assert_eq!(
        participants[0]["affiliation"],
        "President and Chief Executive, International Crisis Group"
    );
    assert_eq!(participants[2]["display_name"], "Ms Corlett LETLOJANE");
    assert_eq!(
        participants[2]["affiliation"],
        "Director, Human Rights Institute of South Africa"
    );
    assert_eq!(participants[1]["display_name"], "Prof Edward LUCK");
    assert_eq!(participants[1]["affiliation"], "");

    let listed = app
        .get(
            &format!("/api/v1/sessions/{session}/participants"),
            As::Anonymous,
        )
        .await
        .expect(200)
        .json();
    assert_eq!(listed["total"], 5);
    assert_eq!(order(&listed["items"]), expected);
    let one = app
        .get(&format!("/api/v1/sessions/{session}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(order(&one["participants"]), expected);
    let in_list = app
        .get("/api/v1/events/making-a-difference/sessions", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(order(&in_list["items"][0]["participants"]), expected);
}

#[tokio::test]
async fn the_same_person_in_the_same_role_twice_is_a_conflict() {
    let app = spawn_app().await;
    let session = app.brussels_panel(None).await.session;
    let [evans] = app
        .seat(session, [Seat::chair("Mr", "Gareth", "Evans")])
        .await;
    let before = snapshot(&app).await;
    let twice = assign(&app, session, evans, "chair").await.expect(409);
    assert_eq!(
        twice.headers.get("content-type").unwrap(),
        "application/problem+json"
    );
    assert_eq!(snapshot(&app).await, before);
    // The same person in another role is another assignment.
    assign(&app, session, evans, "speaker").await.expect(201);
    assert_eq!(app.count("session_participants").await, 2);
}

#[tokio::test]
async fn an_unknown_person_or_role_cannot_be_assigned() {
    let app = spawn_app().await;
    let session = app.brussels_panel(None).await.session;
    let evans = app.person("Mr", "Gareth", "Evans").await;
    let before = snapshot(&app).await;
    let path = format!("/api/v1/sessions/{session}/participants");
    let unknown = assign(&app, session, 4242, "speaker").await;
    assert_eq!(unknown.error_fields(), ["person_id"]);
    let role = assign(&app, session, evans, "keynote").await;
    assert_eq!(role.error_fields(), ["role"]);
    let empty = app.post(&path, app.org(), &json!({})).await;
    assert_eq!(empty.error_fields(), ["person_id", "role"]);
    let position = app
        .post(
            &path,
            app.org(),
            &json!({"person_id": evans, "role": "chair", "position": -1}),
        )
        .await;
    assert_eq!(position.error_fields(), ["position"]);
    let shape = app
        .post(
            &path,
            app.org(),
            &json!({"person_id": "Gareth Evans", "role": "chair"}),
        )
        .await;
    assert_eq!(shape.error_fields(), ["person_id"]);
    assign(&app, 9999, evans, "chair").await.expect(404);
    assert_eq!(snapshot(&app).await, before);
}

#[tokio::test]
async fn participant_writes_need_an_organizer() {
    let app = spawn_app().await;
    let session = app.brussels_panel(None).await.session;
    let [evans] = app
        .seat(session, [Seat::chair("Mr", "Gareth", "Evans")])
        .await;
    let luck = app.person("Prof", "Edward", "Luck").await;
    let before = snapshot(&app).await;
    let path = format!("/api/v1/sessions/{session}/participants");
    for (who, status) in [(As::Anonymous, 401), (app.member_token(), 403)] {
        app.post(&path, who, &json!({"person_id": luck, "role": "speaker"}))
            .await
            .expect(status);
        app.delete(&format!("{path}/{evans}"), who)
            .await
            .expect(status);
    }
    assert_eq!(snapshot(&app).await, before);
}

#[tokio::test]
async fn removing_a_participant_takes_them_off_the_session_in_every_role() {
    let app = spawn_app().await;
    let session = app.brussels_panel(None).await.session;
    let [evans] = app
        .seat(session, [Seat::chair("Mr", "Gareth", "Evans")])
        .await;
    assign(&app, session, evans, "speaker").await.expect(201);
    let [luck] = app
        .seat(session, [Seat::speaker("Prof", "Edward", "Luck")])
        .await;
    let path = format!("/api/v1/sessions/{session}/participants");
    app.delete(&format!("{path}/{evans}"), app.org())
        .await
        .expect(204);
    let listed = app.get(&path, app.org()).await.expect(200).json();
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["person_id"], luck);
    assert_eq!(app.count("people").await, 2);

    let before = snapshot(&app).await;
    app.delete(&format!("{path}/{evans}"), app.org())
        .await
        .expect(404);
    app.delete(&format!("{path}/4242"), app.org())
        .await
        .expect(404);
    app.delete(
        &format!("/api/v1/sessions/9999/participants/{luck}"),
        app.org(),
    )
    .await
    .expect(404);
    app.get("/api/v1/sessions/9999/participants", app.org())
        .await
        .expect(404);
    assert_eq!(snapshot(&app).await, before);
}

// ----- Conflicts -----

#[tokio::test]
async fn the_conflicts_report_finds_a_person_in_two_overlapping_sessions() {
    let app = spawn_app().await;
    let panel = app.brussels_panel(Some("Room A")).await.session;
    let event = "making-a-difference";
    let workshop = app
        .session(
            event,
            "Workshop",
            "2009-06-03T15:00:00",
            "2009-06-03T17:00:00",
            Some("Room B"),
        )
        .await;
    let evans = app.person("Mr", "Gareth", "Evans").await;
    let luck = app.person("Prof", "Edward", "Luck").await;
    assign(&app, panel, evans, "chair").await.expect(201);
    assign(&app, workshop, evans, "speaker").await.expect(201);
    assign(&app, panel, luck, "speaker").await.expect(201);

    let found = conflicts(&app, event).await;
    assert_eq!(found.len(), 1, "{found:?}");
    let conflict = &found[0];
    assert_eq!(conflict["kind"], "person_double_booked");
    assert_eq!(conflict["person_id"], evans);
    let mut sessions = ids(&conflict["session_ids"]);
    sessions.sort();
    assert_eq!(sessions, [panel, workshop]);
    assert!(conflict.get("room").is_none());
}

#[tokio::test]
async fn the_conflicts_report_finds_a_person_booked_at_the_same_time_in_another_event() {
    let app = spawn_app().await;
    let panel = app.brussels_panel(None).await.session;
    let mut ottawa = roundtable("Ottawa briefing", "2009-06-03", "2009-06-03");
    ottawa["timezone"] = json!("America/Toronto");
    app.event(ottawa).await;
    // 09:00 in Ottawa is 15:00 in Brussels.
    let briefing = app
        .session(
            "ottawa-briefing",
            "Briefing",
            "2009-06-03T09:00:00",
            "2009-06-03T10:00:00",
            None,
        )
        .await;
    let evans = app.person("Mr", "Gareth", "Evans").await;
    assign(&app, panel, evans, "chair").await.expect(201);
    assign(&app, briefing, evans, "speaker").await.expect(201);

    for event in ["making-a-difference", "ottawa-briefing"] {
        let found = conflicts(&app, event).await;
        let double = of_kind(&found, "person_double_booked");
        assert_eq!(double.len(), 1, "{event}: {found:?}");
        assert_eq!(double[0]["person_id"], evans);
        let mut sessions = ids(&double[0]["session_ids"]);
        sessions.sort();
        assert_eq!(sessions, [panel, briefing]);
    }

    // Once the other event is cancelled, it no longer clashes.
    cancel(&app, "ottawa-briefing").await.expect(200);
    assert_eq!(
        conflicts(&app, "making-a-difference").await,
        Vec::<Value>::new()
    );
}

#[tokio::test]
async fn the_conflicts_report_finds_a_room_used_twice_whatever_its_case() {
    let app = spawn_app().await;
    let panel = app.brussels_panel(Some("Salle Europe")).await.session;
    let event = "making-a-difference";
    let workshop = app
        .session(
            event,
            "Workshop",
            "2009-06-03T15:30:00",
            "2009-06-03T17:00:00",
            Some("salle  EUROPE"),
        )
        .await;
    app.session(
        event,
        "Lunch",
        "2009-06-03T15:00:00",
        "2009-06-03T16:00:00",
        Some("Salle Asie"),
    )
    .await;
    app.session(
        event,
        "Coffee",
        "2009-06-03T15:00:00",
        "2009-06-03T16:00:00",
        None,
    )
    .await;
    app.session(
        event,
        "Tea",
        "2009-06-03T15:00:00",
        "2009-06-03T16:00:00",
        None,
    )
    .await;

    let found = conflicts(&app, event).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["kind"], "room_double_booked");
    assert_eq!(
        found[0]["room"].as_str().unwrap().to_lowercase(),
        "salle europe"
    );
    let mut sessions = ids(&found[0]["session_ids"]);
    sessions.sort();
    assert_eq!(sessions, [panel, workshop]);
    assert!(found[0].get("person_id").is_none());
}

#[tokio::test]
async fn the_conflicts_report_finds_a_session_outside_the_event_dates() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let event = "making-a-difference";
    app.session(
        event,
        "Opening",
        "2009-06-03T09:00:00",
        "2009-06-03T10:00:00",
        None,
    )
    .await;
    app.session(
        event,
        "Closing",
        "2009-06-04T17:00:00",
        "2009-06-04T18:00:00",
        None,
    )
    .await;
    let eve = app
        .session(
            event,
            "Reception",
            "2009-06-02T19:00:00",
            "2009-06-02T21:00:00",
            None,
        )
        .await;
    let after = app
        .session(
            event,
            "Excursion",
            "2009-06-05T10:00:00",
            "2009-06-05T12:00:00",
            None,
        )
        .await;

    let found = conflicts(&app, event).await;
    let outside = of_kind(&found, "outside_event_dates");
    assert_eq!(found.len(), 2, "{found:?}");
    let mut sessions: Vec<i64> = outside
        .iter()
        .flat_map(|c| ids(&c["session_ids"]))
        .collect();
    sessions.sort();
    assert_eq!(sessions, [eve, after]);
}

#[tokio::test]
async fn a_session_ending_at_midnight_after_the_last_day_is_within_the_event_dates() {
    let app = spawn_app().await;
    app.brussels_event().await;
    let event = "making-a-difference";
    app.session(
        event,
        "Dinner",
        "2009-06-04T20:00:00",
        "2009-06-05T00:00:00",
        None,
    )
    .await;
    assert_eq!(conflicts(&app, event).await, Vec::<Value>::new());
    let late = app
        .session(
            event,
            "Late bar",
            "2009-06-04T23:00:00",
            "2009-06-05T00:30:00",
            None,
        )
        .await;
    let found = conflicts(&app, event).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["kind"], "outside_event_dates");
    assert_eq!(ids(&found[0]["session_ids"]), [late]);
}

#[tokio::test]
async fn back_to_back_sessions_are_not_conflicts() {
    let app = spawn_app().await;
    let first = app.brussels_panel(Some("Room A")).await.session;
    let event = "making-a-difference";
    let second = app
        .session(
            event,
            "Workshop",
            "2009-06-03T16:00:00",
            "2009-06-03T18:00:00",
            Some("room a"),
        )
        .await;
    let evans = app.person("Mr", "Gareth", "Evans").await;
    assign(&app, first, evans, "chair").await.expect(201);
    assign(&app, first, evans, "rapporteur").await.expect(201);
    assign(&app, second, evans, "speaker").await.expect(201);
    assert_eq!(conflicts(&app, event).await, Vec::<Value>::new());
}

#[tokio::test]
async fn the_conflicts_report_is_for_organizers_only() {
    let app = spawn_app().await;
    app.brussels_event().await;
    app.publish("making-a-difference").await;
    app.get(
        "/api/v1/events/making-a-difference/conflicts",
        As::Anonymous,
    )
    .await
    .expect(401);
    app.get(
        "/api/v1/events/making-a-difference/conflicts",
        app.member_token(),
    )
    .await
    .expect(403);
    assert_eq!(
        conflicts(&app, "making-a-difference").await,
        Vec::<Value>::new()
    );
    let id = app
        .get("/api/v1/events/making-a-difference", app.org())
        .await
        .expect(200)
        .json()["id"]
        .as_i64()
        .unwrap();
    app.get(
        &format!("/api/v1/events/{id}/conflicts"),
        As::Token(&app.admin),
    )
    .await
    .expect(200);
}

// ----- Notices of changes, in each recipient's language -----

/// A session moved and then its event cancelled: a speaker whose record reads French,
/// a registrant who registered in Spanish and a speaker without a language each get
/// the notices in theirs (subject, greeting, both parts).
#[tokio::test]
async fn notices_of_a_moved_session_and_a_cancelled_event_speak_each_recipients_language() {
    let app = spawn_app().await;
    let panel = app
        .brussels_session_in(
            common::UPCOMING_YEAR,
            "Panel",
            "14:00",
            "16:00",
            Some("Room A"),
        )
        .await;
    let [gareth, _] = app
        .seat(
            panel.session,
            [
                Seat::chair("Mr", "Gareth", "Evans").reached_at("gareth@example.org"),
                Seat::speaker("Ms", "Mary", "Robinson").reached_at("mary@example.org"),
            ],
        )
        .await;
    app.patch(
        &format!("/api/v1/people/{gareth}"),
        app.org(),
        &json!({"language": "fr"}),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(202);
    app.publish_with(&panel.event, json!({"registration": {"mode": "open"}}))
        .await;
    app.post(
        &format!("/api/v1/events/{}/registrations", panel.event),
        As::Anonymous,
        &json!({"given_name": "Ana", "family_name": "Núñez", "email": "ana@example.org",
                "consent": true, "language": "es"}),
    )
    .await
    .expect(201);

    // The session moves.
    app.patch(
        &format!("/api/v1/sessions/{}", panel.session),
        app.org(),
        &json!({"room": "Room B"}),
    )
    .await
    .expect(200);
    let french = app
        .last_mail_to("gareth@example.org", "session_update")
        .await;
    assert!(
        french
            .subject
            .starts_with("Modification : Panel a désormais lieu le mercredi 3 juin 2037"),
        "{}",
        french.subject
    );
    assert!(
        french.text_body.starts_with("Bonjour "),
        "{}",
        french.text_body
    );
    assert!(
        french
            .text_body
            .contains("La séance « Panel » (Making a difference) a été modifiée."),
        "{}",
        french.text_body
    );
    assert!(
        french.text_body.contains("Salle : Room B"),
        "{}",
        french.text_body
    );
    assert!(french.html_body.contains(r#"<html lang="fr">"#));
    assert!(french.html_body.contains("<title>Séance modifiée</title>"));
    assert!(
        french.html_body.contains("Présidence"),
        "the role in French"
    );
    let spanish = app.last_mail_to("ana@example.org", "session_update").await;
    assert!(
        spanish
            .subject
            .starts_with("Cambio: Panel tendrá lugar el miércoles"),
        "{}",
        spanish.subject
    );
    assert!(
        spanish.text_body.starts_with("Estimado/a Ana Núñez:"),
        "{}",
        spanish.text_body
    );
    let english = app.last_mail_to("mary@example.org", "session_update").await;
    assert!(
        english
            .subject
            .starts_with("Changed: Panel is now Wednesday 3 June 2037"),
        "{}",
        english.subject
    );
    assert!(english.text_body.starts_with("Dear Ms Robinson,\n"));
    assert!(
        english
            .text_body
            .contains("\"Panel\" (Making a difference) has changed. It now takes place:")
    );
    assert!(english.html_body.contains(r#"<html lang="en">"#));

    // The event is cancelled.
    cancel(&app, &panel.event).await.expect(200);
    let spanish = app.last_mail_to("ana@example.org", "event_cancelled").await;
    assert_eq!(
        spanish.subject,
        "Cancelado: Making a difference, 3 y 4 de junio de 2037"
    );
    assert!(
        spanish.text_body.starts_with("Estimado/a Ana Núñez:"),
        "{}",
        spanish.text_body
    );
    assert!(
        spanish.text_body.contains(
            "Making a difference (3 y 4 de junio de 2037, Brussels, Bélgica) ha sido cancelado."
        ),
        "{}",
        spanish.text_body
    );
    assert!(spanish.html_body.contains(r#"<html lang="es">"#));
    assert!(
        spanish
            .html_body
            .contains("<title>Evento cancelado</title>")
    );
    let french = app
        .last_mail_to("gareth@example.org", "event_cancelled")
        .await;
    assert_eq!(
        french.subject,
        "Annulation : Making a difference, 3–4 juin 2037"
    );
    assert!(
        french.text_body.contains(") est annulé."),
        "{}",
        french.text_body
    );
    let english = app
        .last_mail_to("mary@example.org", "event_cancelled")
        .await;
    assert_eq!(
        english.subject,
        "Cancelled: Making a difference, 3–4 June 2037"
    );
    assert!(english.text_body.starts_with("Dear Ms Robinson,\n"));
    assert!(english.text_body.contains(") has been cancelled."));
}
