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
    serve_leasing(database_url, mail_url, dir, 2)
}

/// `serve` whose worker claims messages for `lease_seconds`.
fn serve_leasing(
    database_url: &str,
    mail_url: &str,
    dir: &std::path::Path,
    lease_seconds: u32,
) -> Child {
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
        .env("ROUNDTABLE_MAIL__LEASE_SECONDS", lease_seconds.to_string())
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

/// Queues `count` plain messages, "Message 0" to "Message {count - 1}".
async fn queue(app: &common::TestApp, count: usize) {
    for i in 0..count {
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
}

/// A header of a received message.
fn header(message: &common::smtp::Received, name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(&message.data).into_owned();
    let prefix = format!("{name}: ");
    text.lines()
        .take_while(|line| !line.is_empty())
        .find_map(|line| line.strip_prefix(&prefix).map(str::to_string))
}

/// How many deliveries repeat a Message-ID already received.
fn repeated_ids(received: &[common::smtp::Received]) -> usize {
    let ids: Vec<String> = received
        .iter()
        .map(|m| header(m, "Message-ID").expect("every message has a Message-ID"))
        .collect();
    ids.len() - ids.iter().collect::<HashSet<_>>().len()
}

/// Waits until every queued message is recorded sent.
async fn wait_all_sent(app: &common::TestApp, count: usize, within: Duration) {
    let deadline = Instant::now() + within;
    while sent_count(app).await < count as i64 {
        assert!(
            Instant::now() < deadline,
            "only {} of {count} sent",
            sent_count(app).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Delivers the queued messages with a server killed (SIGKILL: no graceful shutdown,
/// leases left behind) once ten have arrived, then another started in its place, until
/// every message is recorded sent; returns how many had arrived before the kill.
async fn deliver_with_a_kill(app: &common::TestApp, sink: &SmtpSink) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let url = app.settings.database.url.clone();
    let mut first = serve(&url, &sink.url(), dir.path());
    let deadline = Instant::now() + Duration::from_secs(60);
    while sink.messages().len() < 10 {
        assert!(Instant::now() < deadline, "nothing was delivered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.kill().unwrap();
    first.wait().unwrap();
    let delivered_before = sink.messages().len();
    assert!(
        delivered_before < MESSAGES,
        "killed too late to test anything"
    );
    let mut second = serve(&url, &sink.url(), dir.path());
    wait_all_sent(app, MESSAGES, Duration::from_secs(90)).await;
    second.kill().unwrap();
    second.wait().unwrap();
    delivered_before
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_queue_loses_no_message() {
    let app = spawn_app().await;
    let sink = SmtpSink::start_slow(15).await;
    queue(&app, MESSAGES).await;
    let delivered_before = deliver_with_a_kill(&app, &sink).await;

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

/// Each delivery attempt of a message carries the Message-ID fixed when it was queued, so
/// the copy a crash makes the server send again is one a receiver can drop.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_sent_again_after_a_crash_keeps_its_message_id() {
    let app = spawn_app().await;
    let sink = SmtpSink::start_slow(15).await;
    queue(&app, MESSAGES).await;
    deliver_with_a_kill(&app, &sink).await;

    // One Message-ID per message, whatever the number of deliveries.
    let received = sink.messages();
    let mut ids_by_subject: std::collections::HashMap<String, HashSet<String>> = Default::default();
    for message in &received {
        ids_by_subject
            .entry(header(message, "Subject").unwrap())
            .or_default()
            .insert(header(message, "Message-ID").unwrap());
    }
    assert_eq!(ids_by_subject.len(), MESSAGES);
    for (subject, ids) in &ids_by_subject {
        assert_eq!(ids.len(), 1, "{subject:?} went out under {ids:?}");
    }
    let distinct: HashSet<&String> = ids_by_subject.values().flatten().collect();
    assert_eq!(distinct.len(), MESSAGES, "no two messages share an id");
    println!(
        "{} deliveries for {MESSAGES} messages, {} of them repeats a receiver drops by Message-ID",
        received.len(),
        repeated_ids(&received)
    );
}

/// Two instances on one database, each with its worker, against a relay that takes 300 ms
/// to accept a message and a lease of one second: the batch a worker holds takes longer
/// to send than its lease, so without renewal and fencing the other instance takes
/// messages still in flight and sends them again. Every message goes out exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_database_send_each_message_once_to_a_slow_relay() {
    const QUEUED: usize = 80;
    let app = spawn_app().await;
    let sink = SmtpSink::start_slow(300).await;
    queue(&app, QUEUED).await;
    let dir = tempfile::tempdir().unwrap();
    let url = app.settings.database.url.clone();
    let started = Instant::now();
    let mut first = serve_leasing(&url, &sink.url(), dir.path(), 1);
    let mut second = serve_leasing(&url, &sink.url(), dir.path(), 1);
    wait_all_sent(&app, QUEUED, Duration::from_secs(120)).await;
    // Anything sent twice would have been sent by now: the lease has run out long since.
    tokio::time::sleep(Duration::from_secs(2)).await;
    first.kill().unwrap();
    second.kill().unwrap();
    first.wait().unwrap();
    second.wait().unwrap();

    let received = sink.messages();
    let subjects: HashSet<String> = received
        .iter()
        .map(|m| header(m, "Subject").unwrap())
        .collect();
    println!(
        "{QUEUED} queued, {} received, {} duplicates by Message-ID, in {:.1} s",
        received.len(),
        repeated_ids(&received),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(subjects.len(), QUEUED, "every message arrived");
    assert_eq!(repeated_ids(&received), 0, "no message arrived twice");
    assert_eq!(received.len(), QUEUED);
}
