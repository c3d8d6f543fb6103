//! Public reads are served from rendered bytes, and never stale: a change shows at once on
//! the process that made it and within a second on another process on the same database;
//! conditional requests get 304; text is compressed as the client accepts; signed-in
//! answers are never shared. Runs on SQLite, or on PostgreSQL when
//! `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Read;
use std::time::{Duration, Instant};

use common::fixtures::slug;
use common::{As, Reply, TestApp, get_from, spawn_app};
use serde_json::json;

/// A published conference with one session; returns the event's slug.
async fn published(app: &TestApp) -> String {
    let event = slug(&app.brussels_event_in(common::UPCOMING_YEAR).await);
    let year = common::UPCOMING_YEAR;
    app.session(
        &event,
        "The Responsibility to Protect",
        &format!("{year}-06-03T14:00:00"),
        &format!("{year}-06-03T15:30:00"),
        None,
    )
    .await;
    app.publish(&event).await;
    event
}

fn header(reply: &Reply, name: &str) -> String {
    reply
        .headers
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_calendar_is_kept_answered_304_when_unchanged_and_compressed_as_accepted() {
    let app = spawn_app().await;
    let event = published(&app).await;
    let path = format!("/events/{event}/calendar.ics");
    let first = app.get_with_headers(&path, &[]).await;
    assert_eq!(first.status.as_u16(), 200);
    let etag = header(&first, "etag");
    assert!(etag.starts_with('"'), "a strong entity tag: {etag}");
    let again = app.get_with_headers(&path, &[]).await;
    assert_eq!(again.body, first.body);
    assert_eq!(header(&again, "etag"), etag);

    let unchanged = app
        .get_with_headers(&path, &[("if-none-match", &etag)])
        .await;
    assert_eq!(unchanged.status.as_u16(), 304);
    assert!(unchanged.body.is_empty());

    let br = app
        .get_with_headers(&path, &[("accept-encoding", "gzip, deflate, br")])
        .await;
    assert_eq!(header(&br, "content-encoding"), "br");
    assert_eq!(header(&br, "vary"), "accept-encoding");
    assert!(br.body.len() < first.body.len());
    let mut plain = Vec::new();
    brotli::Decompressor::new(&br.body[..], 4096)
        .read_to_end(&mut plain)
        .unwrap();
    assert_eq!(plain, first.body);
    assert_ne!(header(&br, "etag"), etag, "each encoding has its own tag");

    let gzip = app
        .get_with_headers(&path, &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(header(&gzip, "content-encoding"), "gzip");
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(&gzip.body[..])
        .read_to_end(&mut plain)
        .unwrap();
    assert_eq!(plain, first.body);
}

#[tokio::test]
async fn a_change_shows_at_once_on_the_process_that_made_it() {
    let app = spawn_app().await;
    let event = published(&app).await;
    let json_path = format!("/api/v1/events/{event}");
    let page_path = format!("/events/{event}/calendar.ics");
    let before = app.get(&json_path, As::Anonymous).await.expect(200).json();
    let calendar = app.get_with_headers(&page_path, &[]).await;
    assert!(String::from_utf8_lossy(&calendar.body).contains("The Responsibility to Protect"));
    let etag = header(&calendar, "etag");

    app.patch(
        &format!("/api/v1/events/{event}"),
        app.org(),
        &json!({"title": "Making a difference, again"}),
    )
    .await
    .expect(200);
    let after = app.get(&json_path, As::Anonymous).await.expect(200).json();
    assert_ne!(before["title"], after["title"]);
    assert_eq!(after["title"], "Making a difference, again");
    // The calendar kept before the change is not answered 304 any more.
    let changed = app
        .get_with_headers(&page_path, &[("if-none-match", &etag)])
        .await;
    assert_eq!(changed.status.as_u16(), 200);
    let unfolded = String::from_utf8_lossy(&changed.body).replace("\r\n ", "");
    assert!(
        unfolded.contains("Making a difference\\, again"),
        "{unfolded}"
    );
}

#[tokio::test]
async fn clients_asking_together_for_a_changed_answer_wait_for_one_rendering() {
    let app = spawn_app().await;
    let event = published(&app).await;
    let path = format!("/api/v1/events/{event}");
    let before = app.get_with_headers(&path, &[]).await;
    assert_eq!(before.status.as_u16(), 200);
    app.patch(
        &path,
        app.org(),
        &json!({"title": "Making a difference, together"}),
    )
    .await
    .expect(200);

    // Sixteen visitors at the same moment: one renders, the others get what it kept.
    let renders = app.state.public_cache.renders();
    let replies =
        futures::future::join_all((0..16).map(|_| app.get_with_headers(&path, &[]))).await;
    assert_eq!(app.state.public_cache.renders() - renders, 1);
    for reply in &replies {
        assert_eq!(reply.status.as_u16(), 200);
        assert_eq!(reply.body, replies[0].body);
    }
    assert!(String::from_utf8_lossy(&replies[0].body).contains("Making a difference, together"));
    assert_eq!(
        app.state.public_cache.rendering_keys(),
        0,
        "no lock is left behind"
    );

    // What cannot be kept (here a 404) is rendered for each of them, and leaves no lock.
    let renders = app.state.public_cache.renders();
    let missing = futures::future::join_all(
        (0..8).map(|_| app.get_with_headers("/events/no-such-event", &[])),
    )
    .await;
    assert!(missing.iter().all(|r| r.status.as_u16() == 404));
    assert_eq!(app.state.public_cache.renders() - renders, 8);
    assert_eq!(app.state.public_cache.rendering_keys(), 0);
}

#[tokio::test]
async fn a_change_made_by_another_process_shows_within_a_second() {
    let app = spawn_app().await;
    let event = published(&app).await;
    // A second process: its own connections to the same database, its own kept answers,
    // following the content version as `serve` does.
    let db = roundtable::db::Db::connect(&app.settings.database)
        .await
        .unwrap();
    db.refresh_content_version().await;
    let other = roundtable::app::router(roundtable::app::AppState::new(
        db.clone(),
        app.settings.clone(),
    ));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let follower = tokio::spawn(roundtable::web::cache::follow_content_version(db, stopped));

    let path = format!("/api/v1/events/{event}");
    let kept = get_from(&other, &path, &[]).await;
    assert_eq!(kept.status.as_u16(), 200);
    assert_eq!(get_from(&other, &path, &[]).await.body, kept.body);

    app.patch(&path, app.org(), &json!({"title": "Changed elsewhere"}))
        .await
        .expect(200);
    let changed_at = Instant::now();
    loop {
        let seen = get_from(&other, &path, &[]).await;
        if String::from_utf8_lossy(&seen.body).contains("Changed elsewhere") {
            break;
        }
        assert!(
            changed_at.elapsed() < Duration::from_secs(1),
            "the other process still answers the old title after a second"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    println!(
        "the other process saw the change after {} ms",
        changed_at.elapsed().as_millis()
    );
    stop.send(true).unwrap();
    follower.await.unwrap();
}

#[tokio::test]
async fn signed_in_answers_are_never_shared() {
    let app = spawn_app().await;
    let event = slug(&app.brussels_event_in(common::UPCOMING_YEAR).await);
    let path = format!("/api/v1/events/{event}");
    // A draft: organizers see it, nobody else, however often it is asked for.
    app.get(&path, app.org()).await.expect(200);
    app.get(&path, As::Anonymous).await.expect(404);
    app.get(&path, app.org()).await.expect(200);
    app.get(&path, As::Anonymous).await.expect(404);

    // A page for someone signed in is not given to a visitor, nor the other way round.
    let browser = app.organizer_browser().await;
    let home = app.get_page("/", Some(&browser)).await.page(200).text();
    assert!(home.contains("Sign out"), "{home}");
    let visitor = app.get_with_headers("/", &[]).await;
    assert!(!String::from_utf8_lossy(&visitor.body).contains("Sign out"));
    let home = app.get_page("/", Some(&browser)).await.page(200).text();
    assert!(home.contains("Sign out"));
}

/// The value of the form token field of a page.
fn form_token(page: &str) -> String {
    let at = page
        .find("name=\"_csrf\" value=\"")
        .expect("a form with a token")
        + 20;
    page[at..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn a_kept_page_carries_each_visitors_own_form_token_and_its_forms_work() {
    let app = spawn_app().await;
    let event = published(&app).await;
    app.patch(
        &format!("/api/v1/events/{event}"),
        app.org(),
        &json!({"registration": {"mode": "open"}}),
    )
    .await
    .expect(200);
    let path = format!("/events/{event}");

    // Two first visits: each gets a token of its own, in its cookie and in the form.
    let first = app.get_with_headers(&path, &[]).await;
    let second = app.get_with_headers(&path, &[]).await;
    let (first_cookie, second_cookie) = (
        first.set_cookie(common::CSRF_COOKIE).unwrap(),
        second.set_cookie(common::CSRF_COOKIE).unwrap(),
    );
    assert_ne!(first_cookie, second_cookie);
    assert_eq!(form_token(&first.text()), first_cookie);
    assert_eq!(form_token(&second.text()), second_cookie);
    assert!(!second.text().contains(&first_cookie));
    // The second came from the kept page, which no shared cache may keep in turn.
    assert_eq!(header(&second, "cache-control"), "private, no-cache");

    // Coming back with the cookie: the same token, and no new cookie.
    let jar = format!("{}={second_cookie}", common::CSRF_COOKIE);
    let again = app.get_with_headers(&path, &[("cookie", &jar)]).await;
    assert_eq!(form_token(&again.text()), second_cookie);
    assert!(again.set_cookie(common::CSRF_COOKIE).is_none());

    // A browser taking gzip and brotli gets gzip put together around its own token: the
    // same page, byte for byte, a fraction of its size.
    let zipped = app
        .get_with_headers(
            &path,
            &[("cookie", &jar), ("accept-encoding", "gzip, deflate, br")],
        )
        .await;
    assert_eq!(header(&zipped, "content-encoding"), "gzip");
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&zipped.body[..])
        .read_to_string(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, again.text());
    assert!(
        zipped.body.len() * 3 < unzipped.len(),
        "{} bytes",
        zipped.body.len()
    );
    // A client taking brotli alone gets brotli.
    let br = app
        .get_with_headers(&path, &[("cookie", &jar), ("accept-encoding", "br")])
        .await;
    assert_eq!(header(&br, "content-encoding"), "br");
    let mut unbrotli = String::new();
    brotli::Decompressor::new(&br.body[..], 4096)
        .read_to_string(&mut unbrotli)
        .unwrap();
    assert_eq!(unbrotli, again.text());

    // The form of the kept page registers.
    app.submit(
        &format!("/events/{event}/register"),
        &jar,
        &[
            ("given_name", "Ama"),
            ("family_name", "OWUSU"),
            ("email", "ama@example.org"),
            ("consent", "true"),
        ],
    )
    .await
    .expect(303);

    // A cookie that is no token is never written into a page.
    let hostile = format!("{}=\"><script>alert(1)</script>", common::CSRF_COOKIE);
    let page = app.get_with_headers(&path, &[("cookie", &hostile)]).await;
    assert!(!page.text().contains("<script>alert(1)"));
}

#[tokio::test]
async fn answers_that_are_not_kept_are_compressed_as_accepted_too() {
    let app = spawn_app().await;
    let event = published(&app).await;
    let reply = app
        .get_with_headers(
            &format!("/api/v1/events/{event}/sessions"),
            &[
                ("authorization", &format!("Bearer {}", app.organizer)),
                ("accept-encoding", "gzip"),
            ],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 200);
    assert_eq!(header(&reply, "content-encoding"), "gzip");
    let mut plain = String::new();
    flate2::read::GzDecoder::new(&reply.body[..])
        .read_to_string(&mut plain)
        .unwrap();
    assert!(plain.contains("The Responsibility to Protect"));
}

#[tokio::test]
async fn a_page_without_a_form_is_the_same_for_everyone_and_answered_304() {
    let app = spawn_app().await;
    let event = published(&app).await;
    let year = common::UPCOMING_YEAR;
    let session = app
        .session(
            &event,
            "Prevention",
            &format!("{year}-06-03T16:00:00"),
            &format!("{year}-06-03T17:00:00"),
            None,
        )
        .await;
    let path = format!("/sessions/{session}");
    let first = app.get_with_headers(&path, &[]).await;
    assert_eq!(first.status.as_u16(), 200);
    assert!(
        !first.text().contains("name=\"_csrf\""),
        "no form on a session's page"
    );
    let second = app.get_with_headers(&path, &[]).await;
    assert_eq!(second.body, first.body);
    assert!(second.set_cookie(common::CSRF_COOKIE).is_none());
    let etag = header(&second, "etag");
    let unchanged = app
        .get_with_headers(&path, &[("if-none-match", &etag)])
        .await;
    assert_eq!(unchanged.status.as_u16(), 304);
}
