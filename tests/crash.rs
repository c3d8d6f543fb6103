//! The real binary, killed with SIGKILL in the middle of delivering its outbox, loses no
//! message: restarted, it delivers the rest (at least once).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Duration as ChronoDuration;
use common::smtp::SmtpSink;
use common::spawn_app;
use roundtable::mail::{Envelope, outbox};

const MESSAGES: usize = 120;

fn serve(database_url: &str, mail_url: &str, dir: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--database-url",
            database_url,
            "--mail-url",
            mail_url,
        ])
        .env("ROUNDTABLE_MAIL__LEASE_SECONDS", "2")
        .env("ROUNDTABLE_MAIL__POLL_INTERVAL_MS", "50")
        .env("ROUNDTABLE_LOG__FILTER", "warn")
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start roundtable serve")
}

async fn sent_count(app: &common::TestApp) -> i64 {
    use sea_orm::{ConnectionTrait, Statement};
    let row = app
        .db
        .conn()
        .query_one_raw(Statement::from_string(
            app.db.backend(),
            "SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_queue_loses_no_message() {
    let app = spawn_app().await;
    let sink = SmtpSink::start_slow(15).await;
    for i in 0..MESSAGES {
        let envelope = Envelope {
            kind: roundtable::mail::MailKind::Invitation,
            recipient_email: format!("person{i}@example.org"),
            recipient_name: format!("Person {i}"),
            subject: format!("Message {i}"),
            text: format!("Body {i}"),
            html: format!("<p>Body {i}</p>"),
            calendar: None,
            event_id: None,
            session_id: None,
            person_id: None,
            coalesce_key: None,
            delay: ChronoDuration::zero(),
        };
        outbox::enqueue_alone(&app.db, envelope).await.unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let url = app.settings.database.url.clone();

    let mut first = serve(&url, &sink.url(), dir.path());
    let deadline = Instant::now() + Duration::from_secs(60);
    while sink.messages().len() < 10 {
        assert!(Instant::now() < deadline, "nothing was delivered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.kill().unwrap(); // SIGKILL: no graceful shutdown, leases left behind
    first.wait().unwrap();
    let delivered_before = sink.messages().len();
    assert!(
        delivered_before < MESSAGES,
        "killed too late to test anything"
    );

    let mut second = serve(&url, &sink.url(), dir.path());
    let deadline = Instant::now() + Duration::from_secs(90);
    while sent_count(&app).await < MESSAGES as i64 {
        assert!(
            Instant::now() < deadline,
            "only {} of {MESSAGES} sent after the restart",
            sent_count(&app).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    second.kill().unwrap();
    second.wait().unwrap();

    let received = sink.messages();
    let subjects: HashSet<String> = received
        .iter()
        .filter_map(|m| {
            let text = String::from_utf8_lossy(&m.data).into_owned();
            text.lines()
                .find_map(|l| l.strip_prefix("Subject: ").map(str::to_string))
        })
        .collect();
    for i in 0..MESSAGES {
        assert!(
            subjects.contains(&format!("Message {i}")),
            "message {i} was lost"
        );
    }
    // At least once: a message in flight at the kill may be sent twice, never more often.
    assert!(
        received.len() <= MESSAGES + 50,
        "{} deliveries for {MESSAGES} messages",
        received.len()
    );
    println!(
        "{delivered_before} delivered before SIGKILL, {} deliveries in all for {MESSAGES} messages ({} repeated)",
        received.len(),
        received.len() - MESSAGES
    );
}
