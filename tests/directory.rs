//! Organizations and people through `/api/v1`.

mod common;

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
