//! The retention period: `privacy.retention_days` after an event ends, its registrants'
//! needs and check-in codes are erased, their names and attendance kept; a dry run only
//! says what that would be; events to come, or within the period, are left alone; the
//! registration form says how long its data is kept. Runs on SQLite, or on PostgreSQL
//! when `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::fixtures::slug;
use common::{TestApp, spawn_app};
use roundtable::entities::registration;
use roundtable::privacy;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

/// A published event from `starts` to `ends` with one registrant (a walk-in, let in by
/// the organizer whatever the dates) who gave their needs; its slug.
async fn event_with_registrant(app: &TestApp, title: &str, starts: &str, ends: &str) -> String {
    let slug = slug(
        &app.event_with(json!({"title": title, "subtitle": null,
                               "starts_on": starts, "ends_on": ends}))
            .await,
    );
    app.publish(&slug).await;
    app.post(
        &format!("/api/v1/events/{slug}/registrations"),
        app.org(),
        &json!({"given_name": "Aisha", "family_name": "Nakato", "email": "aisha@example.org",
                "needs": "Wheelchair access", "consent": true, "walk_in": true}),
    )
    .await
    .expect(201);
    slug
}

async fn registrant(app: &TestApp, slug: &str) -> registration::Model {
    let event = roundtable::events::store::event(
        app.db.conn(),
        &roundtable::events::SeriesRef::parse(slug),
    )
    .await
    .unwrap()
    .unwrap();
    registration::Entity::find()
        .filter(registration::Column::EventId.eq(event.id))
        .one(app.db.conn())
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn needs_and_codes_go_after_the_retention_period_and_the_record_stays() {
    let app = spawn_app().await;
    assert_eq!(app.settings.privacy.retention_days, 180);
    let past = event_with_registrant(&app, "Brussels 2009", "2009-06-03", "2009-06-04").await;
    let future = event_with_registrant(&app, "Brussels 2037", "2037-06-03", "2037-06-04").await;
    let before = registrant(&app, &past).await;
    assert!(before.needs.is_some() && before.check_in_code.is_some());
    assert!(before.checked_in_at.is_some(), "a walk-in is checked in");

    // 179 days after the end: still kept; 181 days after: due.
    let within = Utc.with_ymd_and_hms(2009, 11, 30, 12, 0, 0).unwrap();
    assert!(
        privacy::purge(&app.db, &app.settings, within, false)
            .await
            .unwrap()
            .is_empty()
    );
    let after = Utc.with_ymd_and_hms(2009, 12, 3, 12, 0, 0).unwrap();
    let dry = privacy::purge(&app.db, &app.settings, after, true)
        .await
        .unwrap();
    assert_eq!(dry.len(), 1);
    assert_eq!(dry[0].event_slug, past);
    assert_eq!((dry[0].needs, dry[0].codes), (1, 1));
    assert_eq!(
        registrant(&app, &past).await,
        before,
        "a dry run erases nothing"
    );

    let erased = privacy::purge(&app.db, &app.settings, Utc::now(), false)
        .await
        .unwrap();
    assert_eq!(erased, dry);
    let kept = registrant(&app, &past).await;
    assert_eq!(kept.needs, None);
    assert_eq!(kept.check_in_code, None);
    assert_eq!(
        (kept.given_name.as_str(), kept.family_name.as_str()),
        ("Aisha", "Nakato"),
        "the name stays, as the record"
    );
    assert_eq!(
        kept.checked_in_at, before.checked_in_at,
        "and the attendance"
    );
    let untouched = registrant(&app, &future).await;
    assert!(untouched.needs.is_some() && untouched.check_in_code.is_some());
    // Nothing more to erase; the erasure is in the audit log.
    assert!(
        privacy::purge(&app.db, &app.settings, Utc::now(), false)
            .await
            .unwrap()
            .is_empty()
    );
    let audit = app
        .get("/api/v1/audit?entity=event", app.org())
        .await
        .expect(200)
        .text();
    assert!(
        audit.contains("\"purge\"") && audit.contains("check_in_codes"),
        "{audit}"
    );
}

#[tokio::test]
async fn the_registration_form_says_how_long_its_data_is_kept() {
    let app = spawn_app().await;
    let slug = event_with_registrant(&app, "Brussels 2037", "2037-06-03", "2037-06-04").await;
    let page = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    assert!(
        page.contains("erased 180 days after the event"),
        "the form does not say how long its data is kept"
    );
}
