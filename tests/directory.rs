//! Organizations and people through `/api/v1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::Method;
use common::{As, spawn_app};
use serde_json::json;

#[tokio::test]
async fn an_organizer_adds_an_organization_and_anyone_can_read_it() {
    let app = spawn_app().await;
    let created = app
        .post(
            "/api/v1/organizations",
            app.org(),
            &json!({"name": "Human Rights Institute of South Africa", "acronym": "HURISA", "kind": "ngo", "country": "za", "region": "africa", "website": "https://hurisa.org.za"}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(created["country"], "ZA");
    let id = created["id"].as_i64().unwrap();
    let read = app
        .get(&format!("/api/v1/organizations/{id}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(read["acronym"], "HURISA");
}

#[tokio::test]
async fn people_carry_protocol_names_and_affiliations() {
    let app = spawn_app().await;
    let org = app
        .organization("Human Rights Institute of South Africa")
        .await;
    let person = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "Ms", "given_name": "Corlett", "family_name": "Letlojane", "position": "Director", "organization_id": org, "email": "C.Letlojane@Example.org"}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(person["display_name"], "Ms Corlett LETLOJANE");
    assert_eq!(
        person["affiliation"],
        "Director, Human Rights Institute of South Africa"
    );
    assert_eq!(person["email"], "c.letlojane@example.org");
}

#[tokio::test]
async fn a_refused_organization_writes_nothing() {
    let app = spawn_app().await;
    let before = app.count("organizations").await;
    let reply = app
        .post(
            "/api/v1/organizations",
            app.org(),
            &json!({"name": "", "country": "XX", "kind": "club"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["name", "kind", "country"]);
    app.post(
        "/api/v1/organizations",
        As::Anonymous,
        &json!({"name": "X"}),
    )
    .await
    .expect(401);
    app.post(
        "/api/v1/organizations",
        app.member_token(),
        &json!({"name": "X"}),
    )
    .await
    .expect(403);
    app.post_raw("/api/v1/organizations", app.org(), "{\"name\": ")
        .await
        .expect(400);
    assert_eq!(app.count("organizations").await, before);
    assert_eq!(app.count("audit_log").await, 0);
}

/// Rows of the directory and lines of the audit log, to show that a refused request
/// wrote nothing.
async fn written(app: &common::TestApp) -> [i64; 3] {
    [
        app.count("organizations").await,
        app.count("people").await,
        app.count("audit_log").await,
    ]
}

/// A query-string value, percent-encoded.
fn encoded(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The values of `key` in a list's items, in order.
fn listed(reply: &serde_json::Value, key: &str) -> Vec<String> {
    reply["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item[key].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Adds an organization with every field; returns its id.
async fn full_organization(app: &common::TestApp, body: serde_json::Value) -> i64 {
    app.post("/api/v1/organizations", app.org(), &body)
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap()
}

/// Adds four organizations across kinds, regions and countries.
async fn four_organizations(app: &common::TestApp) {
    for body in [
        json!({"name": "Human Rights Institute of South Africa", "acronym": "HURISA", "kind": "ngo", "country": "ZA", "region": "africa"}),
        json!({"name": "Oxfam France", "kind": "ngo", "country": "FR", "region": "europe"}),
        json!({"name": "Federal Foreign Office", "kind": "government", "country": "DE", "region": "europe"}),
        json!({"name": "African Union", "acronym": "AU", "kind": "intergovernmental", "country": "ET", "region": "africa"}),
    ] {
        full_organization(app, body).await;
    }
}

#[tokio::test]
async fn organizations_are_listed_by_name_with_their_total() {
    let app = spawn_app().await;
    four_organizations(&app).await;
    let list = app
        .get("/api/v1/organizations", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(list["total"], 4);
    assert_eq!(
        listed(&list, "name"),
        [
            "African Union",
            "Federal Foreign Office",
            "Human Rights Institute of South Africa",
            "Oxfam France"
        ]
    );
}

#[tokio::test]
async fn organizations_are_filtered_by_q_kind_region_and_country() {
    let app = spawn_app().await;
    four_organizations(&app).await;
    let names = |path: &'static str| {
        let app = &app;
        async move {
            let list = app.get(path, As::Anonymous).await.expect(200).json();
            let names = listed(&list, "name");
            assert_eq!(list["total"], names.len(), "{path}");
            names
        }
    };
    assert_eq!(
        names("/api/v1/organizations?q=oXFAM").await,
        ["Oxfam France"]
    );
    assert_eq!(
        names("/api/v1/organizations?q=hurisa").await,
        ["Human Rights Institute of South Africa"]
    );
    assert_eq!(
        names("/api/v1/organizations?q=africa").await,
        ["African Union", "Human Rights Institute of South Africa"]
    );
    assert_eq!(
        names("/api/v1/organizations?kind=government").await,
        ["Federal Foreign Office"]
    );
    assert_eq!(
        names("/api/v1/organizations?region=europe").await,
        ["Federal Foreign Office", "Oxfam France"]
    );
    assert_eq!(
        names("/api/v1/organizations?country=za").await,
        ["Human Rights Institute of South Africa"]
    );
    assert_eq!(
        names("/api/v1/organizations?region=africa&kind=ngo").await,
        ["Human Rights Institute of South Africa"]
    );
    assert!(
        names("/api/v1/organizations?q=nobody%25here")
            .await
            .is_empty()
    );
    // Blank filters count as absent.
    assert_eq!(
        names("/api/v1/organizations?q=&kind=&region=&country=")
            .await
            .len(),
        4
    );
}

#[tokio::test]
async fn organization_lists_are_paged_with_limit_and_offset() {
    let app = spawn_app().await;
    four_organizations(&app).await;
    let first = app
        .get("/api/v1/organizations?limit=3", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(first["total"], 4);
    assert_eq!(first["items"].as_array().unwrap().len(), 3);
    let rest = app
        .get("/api/v1/organizations?limit=3&offset=3", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(rest["total"], 4);
    assert_eq!(listed(&rest, "name"), ["Oxfam France"]);
    let beyond = app
        .get("/api/v1/organizations?offset=10", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(
        (beyond["total"].as_i64(), listed(&beyond, "name").len()),
        (Some(4), 0)
    );
    app.get("/api/v1/organizations?limit=500", As::Anonymous)
        .await
        .expect(200);
    let far = app
        .get(
            "/api/v1/organizations?offset=9223372036854775807",
            As::Anonymous,
        )
        .await
        .expect(200)
        .json();
    assert_eq!(far["total"], 4);
    assert!(far["items"].as_array().unwrap().is_empty());
    let far = app
        .get("/api/v1/people?offset=9223372036854775807", app.org())
        .await
        .expect(200)
        .json();
    assert!(far["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn bad_list_parameters_are_422_naming_the_parameter() {
    let app = spawn_app().await;
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("kind=club", "kind"),
        ("region=mars", "region"),
        ("country=XX", "country"),
    ] {
        let reply = app
            .get(&format!("/api/v1/organizations?{query}"), As::Anonymous)
            .await;
        assert_eq!(reply.error_fields(), [field], "{query}");
    }
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("offset=x", "offset"),
        ("organization_id=x", "organization_id"),
    ] {
        let reply = app.get(&format!("/api/v1/people?{query}"), app.org()).await;
        assert_eq!(reply.error_fields(), [field], "{query}");
    }
    let reply = app
        .get(
            "/api/v1/organizations?limit=0&offset=-5&kind=club",
            As::Anonymous,
        )
        .await;
    assert_eq!(reply.error_fields(), ["limit", "offset", "kind"]);
}

#[tokio::test]
async fn an_admin_may_write_to_the_directory_too() {
    let app = spawn_app().await;
    let id = app
        .post(
            "/api/v1/organizations",
            As::Token(&app.admin),
            &json!({"name": "Crisis Group"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    app.patch(
        &format!("/api/v1/organizations/{id}"),
        As::Token(&app.admin),
        &json!({"acronym": "ICG"}),
    )
    .await
    .expect(200);
    app.delete(
        &format!("/api/v1/organizations/{id}"),
        As::Token(&app.admin),
    )
    .await
    .expect(204);
    assert_eq!(app.count("audit_log").await, 3);
}

#[tokio::test]
async fn a_created_organization_defaults_to_kind_other_and_normalises_its_fields() {
    let app = spawn_app().await;
    let created = app
        .post(
            "/api/v1/organizations",
            app.org(),
            &json!({"name": "  Crisis Group  ", "country": "be", "region": "europe", "website": "https://www.crisisgroup.org"}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(created["name"], "Crisis Group");
    assert_eq!(created["kind"], "other");
    assert_eq!(created["country"], "BE");
    assert_eq!(created["acronym"], serde_json::Value::Null);
    assert!(created["created_at"].is_string() && created["updated_at"].is_string());
    assert_eq!(app.count("audit_log").await, 1);
}

#[tokio::test]
async fn patching_an_organization_changes_only_the_fields_sent() {
    let app = spawn_app().await;
    let id = full_organization(
        &app,
        json!({"name": "Human Rights Institute of South Africa", "acronym": "HRI", "kind": "ngo", "country": "ZA", "region": "africa", "website": "https://hurisa.org.za"}),
    )
    .await;
    let patched = app
        .patch(
            &format!("/api/v1/organizations/{id}"),
            app.org(),
            &json!({"acronym": "HURISA"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(patched["acronym"], "HURISA");
    assert_eq!(patched["name"], "Human Rights Institute of South Africa");
    assert_eq!(patched["kind"], "ngo");
    assert_eq!(patched["country"], "ZA");
    assert_eq!(patched["region"], "africa");
    assert_eq!(patched["website"], "https://hurisa.org.za/");
    let read = app
        .get(&format!("/api/v1/organizations/{id}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(read, patched);
}

#[tokio::test]
async fn patching_an_organization_with_null_clears_an_optional_field() {
    let app = spawn_app().await;
    let id = full_organization(
        &app,
        json!({"name": "Oxfam France", "acronym": "OXF", "kind": "ngo", "country": "FR", "region": "europe", "website": "https://www.oxfamfrance.org"}),
    )
    .await;
    let patched = app
        .patch(
            &format!("/api/v1/organizations/{id}"),
            app.org(),
            &json!({"website": null, "acronym": null, "country": null}),
        )
        .await
        .expect(200)
        .json();
    for field in ["website", "acronym", "country"] {
        assert_eq!(patched[field], serde_json::Value::Null, "{field}");
    }
    assert_eq!(patched["region"], "europe");
    assert_eq!(patched["name"], "Oxfam France");
}

#[tokio::test]
async fn patching_an_organization_with_an_unknown_field_is_422_naming_it() {
    let app = spawn_app().await;
    let id = app.organization("Oxfam France").await;
    let before = written(&app).await;
    let reply = app
        .patch(
            &format!("/api/v1/organizations/{id}"),
            app.org(),
            &json!({"acronym": "OXF", "motto": "Change"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["motto"]);
    let reply = app
        .patch(
            &format!("/api/v1/organizations/{id}"),
            app.org(),
            &json!({"name": null}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["name"]);
    let reply = app
        .patch(
            &format!("/api/v1/organizations/{id}"),
            app.org(),
            &json!({"kind": "club", "website": "ftp://example.org", "region": "mars"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["kind", "region", "website"]);
    let reply = app
        .patch(
            &format!("/api/v1/organizations/{id}"),
            app.org(),
            &json!({"name": 7}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["name"]);
    assert_eq!(written(&app).await, before);
    let read = app
        .get(&format!("/api/v1/organizations/{id}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(read["acronym"], serde_json::Value::Null);
    assert_eq!(read["kind"], "ngo");
}

#[tokio::test]
async fn organization_writes_need_an_organizer_or_admin() {
    let app = spawn_app().await;
    let id = app.organization("Oxfam France").await;
    let before = written(&app).await;
    let path = format!("/api/v1/organizations/{id}");
    for (who, status) in [
        (As::Anonymous, 401),
        (app.member_token(), 403),
        (As::Token(&app.rapporteur), 403),
    ] {
        let reply = app
            .post("/api/v1/organizations", who, &json!({"name": "X"}))
            .await
            .expect(status);
        assert_eq!(
            reply.headers["content-type"],
            "application/problem+json",
            "{}",
            reply.text()
        );
        assert_eq!(reply.json()["status"], status);
        app.patch(&path, who, &json!({"name": "Y"}))
            .await
            .expect(status);
        app.delete(&path, who).await.expect(status);
    }
    let anonymous = app
        .post(
            "/api/v1/organizations",
            As::Anonymous,
            &json!({"name": "X"}),
        )
        .await;
    assert!(anonymous.headers.contains_key("www-authenticate"));
    assert_eq!(written(&app).await, before);
    let read = app.get(&path, As::Anonymous).await.expect(200).json();
    assert_eq!(read["name"], "Oxfam France");
}

#[tokio::test]
async fn unknown_and_non_numeric_organization_ids_are_404() {
    let app = spawn_app().await;
    app.organization("Oxfam France").await;
    let before = written(&app).await;
    for id in ["999", "abc", "0", "-1", "1.5", "99999999999"] {
        let path = format!("/api/v1/organizations/{id}");
        let reply = app.get(&path, As::Anonymous).await.expect(404);
        assert_eq!(reply.headers["content-type"], "application/problem+json");
        assert_eq!(reply.json()["status"], 404);
        app.patch(&path, app.org(), &json!({"name": "Y"}))
            .await
            .expect(404);
        app.delete(&path, app.org()).await.expect(404);
    }
    assert_eq!(written(&app).await, before);
}

#[tokio::test]
async fn a_deleted_organization_is_gone() {
    let app = spawn_app().await;
    let id = app.organization("Oxfam France").await;
    let kept = app.organization("Crisis Group").await;
    let path = format!("/api/v1/organizations/{id}");
    let reply = app.delete(&path, app.org()).await.expect(204);
    assert!(reply.body.is_empty());
    app.get(&path, As::Anonymous).await.expect(404);
    app.delete(&path, app.org()).await.expect(404);
    let list = app
        .get("/api/v1/organizations", As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], kept);
    assert_eq!(app.count("audit_log").await, 3);
}

#[tokio::test]
async fn an_organization_that_a_person_belongs_to_cannot_be_deleted() {
    let app = spawn_app().await;
    let org = app
        .organization("Human Rights Institute of South Africa")
        .await;
    let person = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "Corlett", "family_name": "Letlojane", "organization_id": org}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let before = written(&app).await;
    let reply = app
        .delete(&format!("/api/v1/organizations/{org}"), app.org())
        .await
        .expect(409);
    assert_eq!(reply.headers["content-type"], "application/problem+json");
    assert_eq!(reply.json()["status"], 409);
    assert_eq!(written(&app).await, before);
    app.get(&format!("/api/v1/organizations/{org}"), As::Anonymous)
        .await
        .expect(200);
    // Once nobody refers to it, it goes.
    app.patch(
        &format!("/api/v1/people/{person}"),
        app.org(),
        &json!({"organization_id": null}),
    )
    .await
    .expect(200);
    app.delete(&format!("/api/v1/organizations/{org}"), app.org())
        .await
        .expect(204);
}

#[tokio::test]
async fn malformed_and_non_json_bodies_are_400_and_write_nothing() {
    let app = spawn_app().await;
    let org = app.organization("Oxfam France").await;
    let person = app.person("Ms", "Corlett", "Letlojane").await;
    let before = written(&app).await;
    let org_path = format!("/api/v1/organizations/{org}");
    let person_path = format!("/api/v1/people/{person}");
    for (method, path) in [
        (Method::POST, "/api/v1/organizations"),
        (Method::PATCH, org_path.as_str()),
        (Method::POST, "/api/v1/people"),
        (Method::PATCH, person_path.as_str()),
    ] {
        for (body, content_type) in [
            ("{\"name\": ", Some("application/json")),
            ("not json at all", Some("application/json")),
            ("[1, 2]", Some("application/json")),
            ("\"a string\"", Some("application/json")),
            ("", Some("application/json")),
            (
                "{\"name\": \"X\", \"given_name\": \"X\"}",
                Some("text/plain"),
            ),
            ("name=X", Some("application/x-www-form-urlencoded")),
            ("{\"name\": \"X\"}", None),
        ] {
            let reply = app
                .request(
                    method.clone(),
                    path,
                    app.org(),
                    Some(Body::from(body.to_string())),
                    content_type,
                )
                .await;
            assert_eq!(
                reply.status.as_u16(),
                400,
                "{method} {path} {body:?} {content_type:?}: {}",
                reply.text()
            );
            assert_eq!(reply.headers["content-type"], "application/problem+json");
            assert_eq!(reply.json()["status"], 400);
        }
    }
    assert_eq!(written(&app).await, before);
}

#[tokio::test]
async fn wrongly_typed_or_unknown_fields_are_422_naming_them() {
    let app = spawn_app().await;
    let before = written(&app).await;
    let reply = app
        .post("/api/v1/organizations", app.org(), &json!({"name": 5}))
        .await;
    assert_eq!(reply.error_fields(), ["name"]);
    let reply = app
        .post(
            "/api/v1/organizations",
            app.org(),
            &json!({"name": "X", "founded": 1945}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["founded"]);
    let reply = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "A", "family_name": "B", "organization_id": "one"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["organization_id"]);
    let reply = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "A", "family_name": "B", "nickname": "C"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["nickname"]);
    let reply = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "A", "family_name": "B", "organization_id": 9_999_999_999_i64}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["organization_id"]);
    assert_eq!(written(&app).await, before);
}

#[tokio::test]
async fn people_reads_need_sign_in() {
    let app = spawn_app().await;
    let id = app.person("Ms", "Corlett", "Letlojane").await;
    for path in [
        "/api/v1/people".to_string(),
        "/api/v1/people?q=corlett".to_string(),
        format!("/api/v1/people/{id}"),
        "/api/v1/people/999".to_string(),
    ] {
        let reply = app.get(&path, As::Anonymous).await.expect(401);
        assert_eq!(reply.headers["content-type"], "application/problem+json");
    }
    for who in [app.member_token(), As::Token(&app.rapporteur)] {
        app.get("/api/v1/people", who).await.expect(200);
        app.get(&format!("/api/v1/people/{id}"), who)
            .await
            .expect(200);
    }
}

#[tokio::test]
async fn emails_are_shown_to_organizers_and_admins_only() {
    let app = spawn_app().await;
    let id = app
        .person_with_email("Ms", "Corlett", "Letlojane", "corlett@hurisa.org.za")
        .await;
    let path = format!("/api/v1/people/{id}");
    for who in [app.org(), As::Token(&app.admin)] {
        let one = app.get(&path, who).await.expect(200).json();
        assert_eq!(one["email"], "corlett@hurisa.org.za");
        let list = app.get("/api/v1/people", who).await.expect(200).json();
        assert_eq!(list["items"][0]["email"], "corlett@hurisa.org.za");
    }
    for who in [app.member_token(), As::Token(&app.rapporteur)] {
        let one = app.get(&path, who).await.expect(200).json();
        assert!(one.get("email").is_none(), "{one}");
        assert_eq!(one["display_name"], "Ms Corlett LETLOJANE");
        let list = app.get("/api/v1/people", who).await.expect(200).json();
        assert!(list["items"][0].get("email").is_none(), "{list}");
        assert!(!list.to_string().contains("hurisa.org.za"));
    }
}

/// People from the 2009 Brussels conference and the 2008 roundtables.
async fn delegates(app: &common::TestApp) {
    let hurisa = app
        .organization("Human Rights Institute of South Africa")
        .await;
    let oxfam = app.organization("Oxfam France").await;
    for body in [
        json!({"honorific": "Ms", "given_name": "Corlett", "family_name": "Letlojane", "email": "c.letlojane@hurisa.org.za", "position": "Director", "organization_id": hurisa}),
        json!({"honorific": "Mr", "given_name": "Luc", "family_name": "Lamprière", "email": "luc@example.org", "organization_id": oxfam}),
        json!({"honorific": "Dr", "given_name": "Émilie", "family_name": "Dupont", "email": "emilie.dupont@example.org"}),
        json!({"honorific": "Ms", "given_name": "Kirstin", "family_name": "de Peyron"}),
    ] {
        app.post("/api/v1/people", app.org(), &body)
            .await
            .expect(201);
    }
}

#[tokio::test]
async fn people_search_finds_names_email_and_organization_whatever_the_case() {
    let app = spawn_app().await;
    delegates(&app).await;
    let found = |q: &'static str| {
        let app = &app;
        async move {
            let list = app
                .get(&format!("/api/v1/people?q={}", encoded(q)), app.org())
                .await
                .expect(200)
                .json();
            let names = listed(&list, "family_name");
            assert_eq!(list["total"], names.len(), "{q}");
            names
        }
    };
    assert_eq!(found("corlett").await, ["Letlojane"], "given name");
    assert_eq!(found("LETLOJANE").await, ["Letlojane"], "family name");
    assert_eq!(found("Corlett Letlojane").await, ["Letlojane"], "full name");
    assert_eq!(
        found("  corlett   letlojane ").await,
        ["Letlojane"],
        "spaces"
    );
    assert_eq!(found("Kirstin de Peyron").await, ["de Peyron"], "particle");
    assert_eq!(found("LUC@EXAMPLE.ORG").await, ["Lamprière"], "email");
    assert_eq!(found("hurisa.org").await, ["Letlojane"], "email domain");
    assert_eq!(
        found("human rights institute").await,
        ["Letlojane"],
        "organization"
    );
    assert_eq!(found("OXFAM").await, ["Lamprière"], "organization");
    assert_eq!(
        found("LAMPRIÈRE").await,
        ["Lamprière"],
        "accents, upper case"
    );
    assert_eq!(
        found("lamprière").await,
        ["Lamprière"],
        "accents, lower case"
    );
    assert_eq!(
        found("Luc LAMPRIÈRE").await,
        ["Lamprière"],
        "accents, full name"
    );
    assert_eq!(found("émilie").await, ["Dupont"], "accented capital");
    assert_eq!(found("ÉMILIE").await, ["Dupont"], "accented capital");
    assert!(found("nobody").await.is_empty());
    assert!(found("%").await.is_empty(), "wildcards are literal");
    assert!(found("_").await.is_empty(), "wildcards are literal");
}

#[tokio::test]
async fn people_are_listed_by_family_name_filtered_and_paged() {
    let app = spawn_app().await;
    delegates(&app).await;
    let everyone = app
        .get("/api/v1/people", app.member_token())
        .await
        .expect(200)
        .json();
    assert_eq!(everyone["total"], 4);
    // Capitalised family names sort alike whatever the database's collation.
    let capitalised: Vec<String> = listed(&everyone, "family_name")
        .into_iter()
        .filter(|name| name != "de Peyron")
        .collect();
    assert_eq!(capitalised, ["Dupont", "Lamprière", "Letlojane"]);
    let first = app
        .get("/api/v1/people?limit=2", app.member_token())
        .await
        .expect(200)
        .json();
    let rest = app
        .get("/api/v1/people?limit=2&offset=2", app.member_token())
        .await
        .expect(200)
        .json();
    assert_eq!(
        (first["total"].as_i64(), rest["total"].as_i64()),
        (Some(4), Some(4))
    );
    let mut paged = listed(&first, "family_name");
    paged.extend(listed(&rest, "family_name"));
    assert_eq!(paged, listed(&everyone, "family_name"));
    let oxfam = app
        .get("/api/v1/organizations?q=oxfam", As::Anonymous)
        .await
        .expect(200)
        .json()["items"][0]["id"]
        .as_i64()
        .unwrap();
    let members = app
        .get(
            &format!("/api/v1/people?organization_id={oxfam}"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(listed(&members, "family_name"), ["Lamprière"]);
    assert_eq!(
        members["items"][0]["affiliation"], "Oxfam France",
        "an affiliation without a position is the organization alone"
    );
}

#[tokio::test]
async fn a_person_is_created_with_every_field() {
    let app = spawn_app().await;
    let org = app.organization("Crisis Group").await;
    let created = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "H.E.", "given_name": " Gareth ", "family_name": "Evans", "email": " Gareth.Evans@CrisisGroup.org ", "position": "President", "organization_id": org, "country": "au", "bio": "Former foreign minister.\nCo-chair of the ICISS."}),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(created["display_name"], "H.E. Gareth EVANS");
    assert_eq!(created["affiliation"], "President, Crisis Group");
    assert_eq!(created["given_name"], "Gareth");
    assert_eq!(created["email"], "gareth.evans@crisisgroup.org");
    assert_eq!(created["organization_id"], org);
    assert_eq!(created["organization"], "Crisis Group");
    assert_eq!(created["country"], "AU");
    assert_eq!(
        created["bio"],
        "Former foreign minister.\nCo-chair of the ICISS."
    );
    let read = app
        .get(&format!("/api/v1/people/{}", created["id"]), app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(read, created);
    assert_eq!(app.count("audit_log").await, 2);
}

#[tokio::test]
async fn an_invalid_person_is_422_naming_every_field_and_writes_nothing() {
    let app = spawn_app().await;
    let before = written(&app).await;
    let reply = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "<b>", "given_name": " ", "email": "nope", "country": "XX", "organization_id": 0}),
        )
        .await;
    assert_eq!(
        reply.error_fields(),
        [
            "honorific",
            "given_name",
            "family_name",
            "email",
            "organization_id",
            "country"
        ]
    );
    let reply = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "Corlett", "family_name": "Letlojane", "organization_id": 4242}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["organization_id"]);
    let reply = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "Corlett", "family_name": "Letlojane\u{0}"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["family_name"]);
    assert_eq!(written(&app).await, before);
}

#[tokio::test]
async fn a_person_email_is_unique_whatever_its_case() {
    let app = spawn_app().await;
    app.post(
        "/api/v1/people",
        app.org(),
        &json!({"given_name": "Corlett", "family_name": "Letlojane", "email": "C.Letlojane@Example.org"}),
    )
    .await
    .expect(201);
    let other = app.person("Mr", "Luc", "Lamprière").await;
    let before = written(&app).await;
    let reply = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"given_name": "Someone", "family_name": "Else", "email": "c.letlojane@EXAMPLE.ORG"}),
        )
        .await
        .expect(409);
    assert_eq!(reply.headers["content-type"], "application/problem+json");
    assert_eq!(reply.json()["status"], 409);
    app.patch(
        &format!("/api/v1/people/{other}"),
        app.org(),
        &json!({"email": "C.LETLOJANE@example.org"}),
    )
    .await
    .expect(409);
    assert_eq!(written(&app).await, before);
    let read = app
        .get(&format!("/api/v1/people/{other}"), app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(read["email"], serde_json::Value::Null);
    // People without an email do not clash with each other.
    app.person("Ms", "Kirstin", "de Peyron").await;
}

#[tokio::test]
async fn patching_a_person_changes_only_the_fields_sent() {
    let app = spawn_app().await;
    let org = app
        .organization("Human Rights Institute of South Africa")
        .await;
    let created = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "Ms", "given_name": "Corlett", "family_name": "Letlojane", "email": "corlett@example.org", "position": "Director", "organization_id": org, "country": "ZA", "bio": "Rights defender."}),
        )
        .await
        .expect(201)
        .json();
    let path = format!("/api/v1/people/{}", created["id"]);
    let patched = app
        .patch(&path, app.org(), &json!({"position": "Executive Director"}))
        .await
        .expect(200)
        .json();
    assert_eq!(
        patched["affiliation"],
        "Executive Director, Human Rights Institute of South Africa"
    );
    for field in [
        "honorific",
        "given_name",
        "family_name",
        "display_name",
        "email",
        "organization_id",
        "organization",
        "country",
        "bio",
        "created_at",
    ] {
        assert_eq!(patched[field], created[field], "{field}");
    }
    let read = app.get(&path, app.org()).await.expect(200).json();
    assert_eq!(read, patched);
    let renamed = app
        .patch(
            &path,
            app.org(),
            &json!({"family_name": "Letlojane-Mokoena"}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(renamed["display_name"], "Ms Corlett LETLOJANE-MOKOENA");
}

#[tokio::test]
async fn patching_a_person_with_null_clears_an_optional_field() {
    let app = spawn_app().await;
    let org = app.organization("Oxfam France").await;
    let id = app
        .post(
            "/api/v1/people",
            app.org(),
            &json!({"honorific": "Mr", "given_name": "Luc", "family_name": "Lamprière", "email": "luc@example.org", "position": "Advocacy officer", "organization_id": org, "country": "FR"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/people/{id}");
    let patched = app
        .patch(
            &path,
            app.org(),
            &json!({"email": null, "organization_id": null, "honorific": null}),
        )
        .await
        .expect(200)
        .json();
    assert!(patched.get("email").is_none() || patched["email"].is_null());
    assert_eq!(patched["organization_id"], serde_json::Value::Null);
    assert_eq!(patched["organization"], serde_json::Value::Null);
    assert_eq!(patched["affiliation"], "Advocacy officer");
    assert_eq!(patched["display_name"], "Luc LAMPRIÈRE");
    assert_eq!(patched["country"], "FR");
    // The email is free again.
    app.post(
        "/api/v1/people",
        app.org(),
        &json!({"given_name": "Other", "family_name": "Luc", "email": "luc@example.org"}),
    )
    .await
    .expect(201);
}

#[tokio::test]
async fn patching_a_person_with_an_unknown_or_invalid_field_is_422_naming_it() {
    let app = spawn_app().await;
    let id = app.person("Ms", "Corlett", "Letlojane").await;
    let path = format!("/api/v1/people/{id}");
    let before = written(&app).await;
    let reply = app
        .patch(
            &path,
            app.org(),
            &json!({"position": "Director", "nickname": "Cor"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["nickname"]);
    let reply = app
        .patch(&path, app.org(), &json!({"given_name": null}))
        .await;
    assert_eq!(reply.error_fields(), ["given_name"]);
    let reply = app
        .patch(
            &path,
            app.org(),
            &json!({"email": "not an email", "country": "Belgium"}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["email", "country"]);
    let reply = app
        .patch(&path, app.org(), &json!({"organization_id": 4242}))
        .await;
    assert_eq!(reply.error_fields(), ["organization_id"]);
    assert_eq!(written(&app).await, before);
    let read = app.get(&path, app.org()).await.expect(200).json();
    assert_eq!(read["position"], serde_json::Value::Null);
}

#[tokio::test]
async fn person_writes_need_an_organizer_or_admin() {
    let app = spawn_app().await;
    let id = app.person("Ms", "Corlett", "Letlojane").await;
    let path = format!("/api/v1/people/{id}");
    let before = written(&app).await;
    let body = json!({"given_name": "A", "family_name": "B"});
    for (who, status) in [
        (As::Anonymous, 401),
        (app.member_token(), 403),
        (As::Token(&app.rapporteur), 403),
    ] {
        let reply = app.post("/api/v1/people", who, &body).await.expect(status);
        assert_eq!(reply.headers["content-type"], "application/problem+json");
        app.patch(&path, who, &json!({"given_name": "X"}))
            .await
            .expect(status);
        app.delete(&path, who).await.expect(status);
    }
    assert_eq!(written(&app).await, before);
    let admin = app
        .post("/api/v1/people", As::Token(&app.admin), &body)
        .await
        .expect(201)
        .json();
    assert_eq!(admin["display_name"], "A B");
}

#[tokio::test]
async fn unknown_and_non_numeric_person_ids_are_404() {
    let app = spawn_app().await;
    app.person("Ms", "Corlett", "Letlojane").await;
    let before = written(&app).await;
    for id in ["999", "abc", "0", "-3", "1e3", "99999999999"] {
        let path = format!("/api/v1/people/{id}");
        for who in [app.org(), app.member_token()] {
            let reply = app.get(&path, who).await.expect(404);
            assert_eq!(reply.headers["content-type"], "application/problem+json");
        }
        app.patch(&path, app.org(), &json!({"given_name": "X"}))
            .await
            .expect(404);
        app.delete(&path, app.org()).await.expect(404);
    }
    assert_eq!(written(&app).await, before);
}

#[tokio::test]
async fn a_deleted_person_is_gone() {
    let app = spawn_app().await;
    let id = app.person("Ms", "Corlett", "Letlojane").await;
    let path = format!("/api/v1/people/{id}");
    let reply = app.delete(&path, app.org()).await.expect(204);
    assert!(reply.body.is_empty());
    app.get(&path, app.org()).await.expect(404);
    app.delete(&path, app.org()).await.expect(404);
    assert_eq!(app.count("people").await, 0);
    assert_eq!(app.count("audit_log").await, 2);
}

#[tokio::test]
async fn a_person_assigned_to_a_session_cannot_be_deleted() {
    let app = spawn_app().await;
    let person = app.person("Mr", "Gareth", "Evans").await;
    let event = app.brussels_event().await;
    let session = app
        .session(
            &event["id"].to_string(),
            "The Responsibility to Protect",
            "2009-06-03T09:30:00",
            "2009-06-03T11:00:00",
            Some("Room A"),
        )
        .await;
    app.post(
        &format!("/api/v1/sessions/{session}/participants"),
        app.org(),
        &json!({"person_id": person, "role": "chair"}),
    )
    .await
    .expect(201);
    let before = written(&app).await;
    let participants = app.count("session_participants").await;
    let reply = app
        .delete(&format!("/api/v1/people/{person}"), app.org())
        .await
        .expect(409);
    assert_eq!(reply.headers["content-type"], "application/problem+json");
    assert_eq!(reply.json()["status"], 409);
    assert_eq!(written(&app).await, before);
    assert_eq!(app.count("session_participants").await, participants);
    app.get(&format!("/api/v1/people/{person}"), app.org())
        .await
        .expect(200);
    // Once off the programme, the person can go.
    app.delete(
        &format!("/api/v1/sessions/{session}/participants/{person}"),
        app.org(),
    )
    .await
    .expect(204);
    app.delete(&format!("/api/v1/people/{person}"), app.org())
        .await
        .expect(204);
}

#[tokio::test]
async fn an_organization_that_organizes_an_event_cannot_be_deleted() {
    let app = spawn_app().await;
    let org = app.organization("Crisis Management Initiative").await;
    app.event(json!({
        "title": "Global consultative roundtable",
        "kind": "roundtable",
        "starts_on": "2008-03-10",
        "ends_on": "2008-03-10",
        "timezone": "Africa/Johannesburg",
        "organizers": [{"organization_id": org, "role": "organizer"}]
    }))
    .await;
    let before = written(&app).await;
    app.delete(&format!("/api/v1/organizations/{org}"), app.org())
        .await
        .expect(409);
    assert_eq!(written(&app).await, before);
}

// ----- Pages, in the reader's language -----

#[tokio::test]
async fn the_directory_pages_read_in_french_and_spanish() {
    let app = spawn_app().await;
    let org = app
        .post(
            "/api/v1/organizations",
            app.org(),
            &json!({"name": "Centro de Estudios", "acronym": "CE", "kind": "ngo", "region": "americas"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let browser = app.organizer_browser().await;
    let english = app
        .get_page("/organize/people", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(english.contains("<h1>People</h1>"), "{english}");
    assert!(english.contains(">Add a person</a>"), "{english}");
    assert!(english.contains("0 found."), "{english}");

    // The people list and the person form, in French.
    let french = format!("{browser}; roundtable_lang=fr");
    let list = app
        .get_page("/organize/people", Some(&french))
        .await
        .page(200)
        .text();
    for text in [
        "<h1>Personnes</h1>",
        ">Ajouter une personne</a>",
        ">Importer depuis un tableur</a>",
        "0 résultat.",
    ] {
        assert!(list.contains(text), "{text} in {list}");
    }
    let form = app
        .get_page("/organize/people/new", Some(&french))
        .await
        .page(200)
        .text();
    for text in [
        "Ajouter une personne",
        ">Courriels en</label>",
        ">Anglais (sauf indication)</option>",
        ">Nom de famille <span",
        ">Enregistrer</button>",
    ] {
        assert!(form.contains(text), "{text} in {form}");
    }
    let added = app
        .submit(
            "/organize/people/new",
            &french,
            &[
                ("given_name", "Ana"),
                ("family_name", "Núñez"),
                ("organization_id", &org.to_string()),
                ("new_organization", "Another one"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(
        added.contains(
            "Choisissez une organisation de la liste ou saisissez-en une nouvelle, pas les deux."
        ),
        "{added}"
    );
    let added = app
        .submit(
            "/organize/people/new",
            &french,
            &[("given_name", "Ana"), ("family_name", "Núñez")],
        )
        .await
        .expect(303);
    let french = common::with_cookies_from(&french, &added);
    let list = app
        .get_page("/organize/people", Some(&french))
        .await
        .page(200)
        .text();
    assert!(list.contains("Ana Núñez a été ajouté·e."), "{list}");

    // An organization's page and the organizations list, in Spanish.
    let spanish = format!("{browser}; roundtable_lang=es");
    let page = app
        .get_page(&format!("/organizations/{org}"), Some(&spanish))
        .await
        .page(200)
        .text();
    assert!(page.contains("<dt>Tipo</dt><dd>ONG</dd>"), "{page}");
    let organizations = app
        .get_page("/organize/organizations", Some(&spanish))
        .await
        .page(200)
        .text();
    assert!(
        organizations.contains("<h1>Organizaciones</h1>"),
        "{organizations}"
    );
    assert!(organizations.contains("ONG · Américas"), "{organizations}");
    let english = app
        .get_page(&format!("/organizations/{org}"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(english.contains("<dt>Kind</dt><dd>NGO</dd>"), "{english}");

    // The import page checks a file and says what it found in Spanish.
    let checked = app
        .submit(
            "/organize/people/import",
            &spanish,
            &[
                ("step", "check"),
                ("csv", "Given name,Family name\nLuc,Lamprière\n"),
            ],
        )
        .await
        .page(200)
        .text();
    assert!(checked.contains("Listo para importar"), "{checked}");
    assert!(
        checked.contains("1 persona por añadir, 0 por actualizar, 0 sin cambios."),
        "{checked}"
    );
    assert!(checked.contains(">Importar</button>"), "{checked}");
}
