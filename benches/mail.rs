//! How many messages a second the outbox worker delivers to a local SMTP server, with one
//! worker and with two sharing the queue. `cargo bench --bench mail` (SQLite); set
//! ROUNDTABLE_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/test to measure on
//! PostgreSQL (a scratch database is created and dropped).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "../tests/common/smtp.rs"]
mod smtp;

use std::sync::Arc;
use std::time::Instant;

use chrono::Duration;
use roundtable::config::Settings;
use roundtable::db::Db;
use roundtable::mail::worker::Worker;
use roundtable::mail::{Envelope, outbox};
use sea_orm::{ConnectionTrait, Database};

const MESSAGES: usize = 2000;

async fn fill(db: &Db) {
    for i in 0..MESSAGES {
        let envelope = Envelope {
            kind: roundtable::mail::MailKind::Invitation,
            recipient_email: format!("person{i}@example.org"),
            recipient_name: format!("Ms Person NUMBER{i}"),
            subject: format!("Invitation: speaker at Panel {i}"),
            text: "Dear colleague,\n\nYou are invited.\n".repeat(20),
            html: "<p>Dear colleague,</p><p>You are invited.</p>".repeat(20),
            calendar: Some((
                roundtable::calendar::Method::Request,
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".into(),
            )),
            event_id: Some(1),
            session_id: Some(1),
            person_id: Some(i as i32),
            coalesce_key: None,
            delay: Duration::zero(),
        };
        outbox::enqueue_alone(db, envelope).await.unwrap();
    }
}

async fn run(label: &str, url: &str, workers: usize) {
    let mut settings = Settings::defaults().unwrap();
    settings.database.url = url.to_string();
    let db = Db::connect(&settings.database).await.unwrap();
    db.migrate().await.unwrap();
    fill(&db).await;
    let sink = smtp::SmtpSink::start().await;
    settings.mail.url = sink.url();
    let settings = Arc::new(settings);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let worker = Worker::new(db.clone(), settings.clone()).unwrap();
        tasks.push(tokio::spawn(
            async move { worker.deliver_due().await.unwrap() },
        ));
    }
    let mut sent = 0;
    for task in tasks {
        sent += task.await.unwrap();
    }
    let seconds = start.elapsed().as_secs_f64();
    let received = sink.messages().len();
    println!(
        "{label}, {workers} worker(s): {sent} messages in {seconds:.2} s = {:.0} messages/s; the SMTP server received {received} (duplicates: {})",
        sent as f64 / seconds,
        received.saturating_sub(MESSAGES)
    );
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    for workers in [1, 2] {
        let url = format!(
            "sqlite://{}",
            dir.path().join(format!("bench-{workers}.db")).display()
        );
        run("SQLite", &url, workers).await;
    }
    if let Ok(admin) = std::env::var("ROUNDTABLE_BENCH_POSTGRES") {
        for workers in [1, 2] {
            let name = format!("rt_bench_mail_{workers}_{}", std::process::id());
            let conn = Database::connect(&admin).await.unwrap();
            conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap();
            let mut url = url::Url::parse(&admin).unwrap();
            url.set_path(&name);
            run("PostgreSQL", url.as_str(), workers).await;
            conn.execute_unprepared(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                .await
                .unwrap();
        }
    }
    println!(
        "Peak RSS of the process (the workers and the SMTP server): {}",
        common::peak_rss().unwrap_or_else(|| "unknown (no /proc/self/status)".into())
    );
}
