//! After an event moves, registrants are asked to re-confirm; those who do not by the
//! deadline are released and the waitlist moves up.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::fixtures::slug;
use common::{As, spawn_app};
use serde_json::{Value, json};

async fn register(app: &common::TestApp, slug: &str, n: usize) -> Value {
    app.post(
        &format!("/api/v1/events/{slug}/registrations"),
        As::Anonymous,
        &json!({"given_name": format!("Ama{n}"), "family_name": "Mensah", "email": format!("ama{n}@example.org"), "consent": true}),
    )
    .await
    .expect(201)
    .json()
}

fn token(registered: &Value) -> String {
    registered["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

async fn statuses(app: &common::TestApp, slug: &str) -> Vec<String> {
    let list = app
        .get(&format!("/api/v1/events/{slug}/registrations"), app.org())
        .await
        .expect(200)
        .json();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn registrants_who_do_not_reconfirm_in_time_are_released_and_the_waitlist_moves_up() {
    let app = spawn_app().await;
    let slug = slug(&app.brussels_event_in(common::UPCOMING_YEAR).await);
    app.publish_with(
        &slug,
        json!({"capacity": 2, "registration": {"mode": "open", "waitlist": true}}),
    )
    .await;
    let first = register(&app, &slug, 1).await;
    let second = register(&app, &slug, 2).await;
    let third = register(&app, &slug, 3).await;
    assert_eq!(third["status"], "waitlisted");

    // The event moves; everyone is asked to re-confirm within a day.
    app.patch(
        &format!("/api/v1/events/{slug}"),
        app.org(),
        &json!({"starts_on": "2037-06-10", "ends_on": "2037-06-11"}),
    )
    .await
    .expect(200);
    let asked = app
        .post(
            &format!("/api/v1/events/{slug}/registrations/reconfirm"),
            app.org(),
            &json!({"deadline": "2199-01-01T12:00:00"}),
        )
        .await
        .expect(202)
        .json();
    assert_eq!(asked["asked"], 3);
    assert_eq!(
        app.count("outbox").await,
        3 + 3,
        "one request mail each, after the three registration mails"
    );
    // A deadline in the past, or none, is refused; members may not ask.
    let refused = app
        .post(
            &format!("/api/v1/events/{slug}/registrations/reconfirm"),
            app.org(),
            &json!({"deadline": "2001-01-01T12:00:00"}),
        )
        .await;
    assert_eq!(refused.error_fields(), ["deadline"]);
    app.post(
        &format!("/api/v1/events/{slug}/registrations/reconfirm"),
        app.member_token(),
        &json!({"deadline": "2199-01-01T12:00:00"}),
    )
    .await
    .expect(403);

    // The first registrant confirms on their page; the page asked them to.
    let page = app
        .get_page(&format!("/registrations/{}", token(&first)), None)
        .await
        .page(200);
    assert!(page.text().contains("Please confirm you still come"));
    let visitor = app.visitor().await;
    app.submit(
        &format!("/registrations/{}/reconfirm", token(&first)),
        &visitor,
        &[],
    )
    .await
    .expect(303);

    // The deadline passes (moved into the past here); the others are released.
    {
        use sea_orm::{ConnectionTrait, Statement};
        app.db
            .conn()
            .execute_raw(Statement::from_string(
                app.db.backend(),
                "UPDATE registrations SET reconfirm_by = '2000-01-01 00:00:00+00:00' WHERE reconfirm_by IS NOT NULL",
            ))
            .await
            .unwrap();
    }
    let released = roundtable::registrations::reconfirm::release_overdue(&app.db, &app.settings)
        .await
        .unwrap();
    assert_eq!(released, 2);
    assert_eq!(
        statuses(&app, &slug).await,
        ["confirmed", "cancelled", "cancelled"]
    );
    let page = app
        .get_page(&format!("/registrations/{}", token(&second)), None)
        .await
        .page(200);
    assert!(page.text().contains("cancelled"));
    // Nothing more to release on the next round.
    assert_eq!(
        roundtable::registrations::reconfirm::release_overdue(&app.db, &app.settings)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn erasing_a_registration_leaves_no_name_or_address_in_the_outbox() {
    let app = spawn_app().await;
    let slug = slug(&app.brussels_event_in(common::UPCOMING_YEAR).await);
    app.publish(&slug).await;
    let registered = register(&app, &slug, 7).await;
    // The confirmation was sent; pretend the worker delivered it.
    {
        use sea_orm::{ConnectionTrait, Statement};
        app.db
            .conn()
            .execute_raw(Statement::from_string(
                app.db.backend(),
                "UPDATE outbox SET status = 'sent'",
            ))
            .await
            .unwrap();
    }
    let visitor = app.visitor().await;
    app.submit(
        &format!("/registrations/{}/erase", token(&registered)),
        &visitor,
        &[],
    )
    .await
    .expect(303);
    let outbox = app
        .get("/api/v1/outbox", app.org())
        .await
        .expect(200)
        .text();
    assert!(!outbox.contains("ama7@example.org"), "{outbox}");
    assert!(!outbox.contains("Ama7"), "{outbox}");
    assert!(
        outbox.contains("(erased)"),
        "the sent mail is still counted: {outbox}"
    );
}
