//! Backups: `roundtable backup FILE` copies a SQLite database that is being written to,
//! whole and consistent; it never replaces a file and sends PostgreSQL to pg_dump; `serve`
//! keeps one copy a day and deletes the oldest beyond `backup.keep`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::{Duration, Instant};

use chrono::{Duration as ChronoDuration, NaiveDate, Utc};
use roundtable::config::Settings;
use roundtable::db::Db;
use roundtable::mail::{Envelope, MailKind, outbox};
use roundtable::operations::backup;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};

/// A migrated SQLite database in `dir` (whatever database the rest of the suite runs on:
/// only SQLite is copied this way); returns it and its URL.
async fn sqlite_database(dir: &Path) -> (Db, String) {
    let mut settings = Settings::defaults().unwrap();
    settings.database.url = format!("sqlite://{}", dir.join("roundtable.db").display());
    let db = Db::connect(&settings.database).await.unwrap();
    db.migrate().await.unwrap();
    (db, settings.database.url)
}

/// Queues one outbox message, committed when this returns.
async fn queue_message(db: &Db, i: i64) {
    let envelope = Envelope {
        kind: MailKind::Invitation,
        recipient_email: format!("person{i}@example.org"),
        recipient_name: format!("Person {i}"),
        subject: format!("Message {i}"),
        text: format!("Body {i} {}", "x".repeat(2000)),
        html: format!("<p>Body {i}</p>"),
        calendar: None,
        event_id: None,
        session_id: None,
        person_id: None,
        coalesce_key: None,
        delay: ChronoDuration::zero(),
    };
    outbox::enqueue_alone(db, envelope).await.unwrap();
}

/// Runs `roundtable backup` with `args` from the folder `dir`.
async fn run_backup(args: &[&str], dir: &Path) -> Output {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .arg("backup")
        .args(args)
        .env("ROUNDTABLE_LOG__FILTER", "warn")
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .await
        .expect("run roundtable backup")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Opens a copy read-only.
async fn open_copy(path: &Path) -> DatabaseConnection {
    Database::connect(format!("sqlite://{}?mode=ro", path.display()))
        .await
        .unwrap()
}

async fn integrity(conn: &DatabaseConnection) -> String {
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            "PRAGMA integrity_check",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<String>("", "integrity_check").unwrap()
}

/// The number of outbox rows, and how many have an id up to `up_to`.
async fn outbox_rows(conn: &DatabaseConnection, up_to: i64) -> (i64, i64, i64) {
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            format!(
                "SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS last, \
                 SUM(CASE WHEN id <= {up_to} THEN 1 ELSE 0 END) AS early FROM outbox"
            ),
        ))
        .await
        .unwrap()
        .unwrap();
    (
        row.try_get::<i64>("", "n").unwrap(),
        row.try_get::<i64>("", "last").unwrap(),
        row.try_get::<Option<i64>>("", "early")
            .unwrap()
            .unwrap_or(0),
    )
}

/// The names of the files in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_rows_are_written_holds_every_row_committed_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, url) = sqlite_database(dir.path()).await;
    for i in 0..1000 {
        queue_message(&db, i).await;
    }

    // A writer that keeps committing rows, one transaction each, for the whole backup.
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicI64::new(1000));
    let writer = tokio::spawn({
        let (db, stop, written) = (db.clone(), stop.clone(), written.clone());
        async move {
            while !stop.load(Ordering::Relaxed) {
                let i = written.load(Ordering::Relaxed);
                queue_message(&db, i).await;
                written.store(i + 1, Ordering::Relaxed);
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    while written.load(Ordering::Relaxed) < 1020 {
        assert!(Instant::now() < deadline, "the writer does not write");
        tokio::task::yield_now().await;
    }

    let committed_before = written.load(Ordering::Relaxed);
    let copy = dir.path().join("copies/nested/copy.db");
    let output = run_backup(
        &[copy.to_str().unwrap(), "--database-url", &url],
        dir.path(),
    )
    .await;
    let committed_after = written.load(Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();

    assert!(
        output.status.success(),
        "backup failed: {}",
        text(&output.stderr)
    );
    assert_eq!(
        PathBuf::from(text(&output.stdout).trim()),
        std::fs::canonicalize(&copy).unwrap(),
        "the command prints where the copy is"
    );
    assert!(
        committed_after > committed_before,
        "no row was written while the backup ran: the test proves nothing"
    );

    let conn = open_copy(&copy).await;
    assert_eq!(integrity(&conn).await, "ok");
    // Outbox ids start at 1 and grow by one per committed row.
    let (rows, last, early) = outbox_rows(&conn, committed_before).await;
    assert_eq!(
        early, committed_before,
        "every row committed before the backup is in the copy"
    );
    assert_eq!(
        rows, last,
        "the copy is one snapshot: no row missing before its last"
    );
    assert!(rows <= committed_after);
    // Nothing is left beside the copy but the copy.
    assert_eq!(names_in(copy.parent().unwrap()), vec!["copy.db"]);
}

#[tokio::test]
async fn a_backup_never_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let (db, url) = sqlite_database(dir.path()).await;
    queue_message(&db, 1).await;
    let existing = dir.path().join("existing.db");
    std::fs::write(&existing, "keep me").unwrap();

    let output = run_backup(
        &[existing.to_str().unwrap(), "--database-url", &url],
        dir.path(),
    )
    .await;

    assert!(!output.status.success(), "the backup replaced a file");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert!(text(&output.stdout).is_empty());
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    assert!(
        !names_in(dir.path()).iter().any(|n| n.ends_with(".partial")),
        "{:?}",
        names_in(dir.path())
    );
}

#[tokio::test]
async fn a_backup_of_postgresql_is_refused_naming_pg_dump() {
    // The command refuses before connecting, so a server need not answer at this address
    // unless the suite runs on one.
    let url = std::env::var(common::POSTGRES_ENV)
        .unwrap_or_else(|_| "postgres://nobody@127.0.0.1:1/roundtable".into());
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");

    let output = run_backup(
        &[copy.to_str().unwrap(), "--database-url", &url],
        dir.path(),
    )
    .await;

    assert!(!output.status.success(), "PostgreSQL was 'backed up'");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("pg_dump"), "{stderr}");
    assert!(!copy.exists());
}

#[tokio::test]
async fn a_backup_of_a_missing_database_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("none.db").display());
    let copy = dir.path().join("copy.db");

    let output = run_backup(
        &[copy.to_str().unwrap(), "--database-url", &url],
        dir.path(),
    )
    .await;

    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("no SQLite database"),
        "{}",
        text(&output.stderr)
    );
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
}

#[test]
fn pruning_keeps_the_newest_daily_copies_and_no_other_file() {
    let dir = tempfile::tempdir().unwrap();
    for d in 1..=10 {
        std::fs::write(dir.path().join(backup::daily_name(day(d))), "copy").unwrap();
    }
    let others = [
        "notes.txt",
        "roundtable.db",
        "roundtable-2026-1-2.db",
        ".roundtable-2026-01-11.db.0123.partial",
    ];
    for other in others {
        std::fs::write(dir.path().join(other), "other").unwrap();
    }

    let deleted = backup::prune(dir.path(), 7).unwrap();

    assert_eq!(deleted.len(), 3);
    let mut expected: Vec<String> = (4..=10).map(|d| backup::daily_name(day(d))).collect();
    expected.extend(others.iter().map(|s| s.to_string()));
    expected.sort();
    assert_eq!(names_in(dir.path()), expected);

    // Pruning again deletes nothing; keep = 0 keeps everything.
    assert!(backup::prune(dir.path(), 7).unwrap().is_empty());
    assert!(backup::prune(dir.path(), 0).unwrap().is_empty());
    assert_eq!(backup::prune(dir.path(), 1).unwrap().len(), 6);
    assert!(names_in(dir.path()).contains(&backup::daily_name(day(10))));
}

#[tokio::test]
async fn the_daily_copy_is_made_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = sqlite_database(dir.path()).await;
    queue_message(&db, 1).await;
    let copies = dir.path().join("backups");

    let first = backup::daily(&db, &copies, 2, day(5)).await.unwrap();
    assert_eq!(first, Some(copies.join("roundtable-2026-01-05.db")));
    queue_message(&db, 2).await;
    assert_eq!(backup::daily(&db, &copies, 2, day(5)).await.unwrap(), None);
    let conn = open_copy(&copies.join("roundtable-2026-01-05.db")).await;
    assert_eq!(
        outbox_rows(&conn, 1).await.0,
        1,
        "the day's copy was not made again"
    );

    backup::daily(&db, &copies, 2, day(6)).await.unwrap();
    backup::daily(&db, &copies, 2, day(7)).await.unwrap();
    assert_eq!(
        names_in(&copies),
        vec!["roundtable-2026-01-06.db", "roundtable-2026-01-07.db"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_makes_todays_copy_at_start_and_prunes_the_oldest() {
    let dir = tempfile::tempdir().unwrap();
    let (db, url) = sqlite_database(dir.path()).await;
    queue_message(&db, 1).await;
    let copies = dir.path().join("backups");
    std::fs::create_dir_all(&copies).unwrap();
    for d in 1..=3 {
        std::fs::write(copies.join(backup::daily_name(day(d))), "old").unwrap();
    }
    let today = Utc::now().date_naive();

    let mut serve = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(["serve", "--bind", "127.0.0.1:0", "--database-url", &url])
        .args([
            "--mail-url",
            &format!("file://{}", dir.path().join("mail").display()),
        ])
        .env("ROUNDTABLE_BACKUP__DIR", &copies)
        .env("ROUNDTABLE_BACKUP__KEEP", "2")
        .env("ROUNDTABLE_LOG__FILTER", "warn")
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start roundtable serve");

    let expected = vec![backup::daily_name(day(3)), backup::daily_name(today)];
    let deadline = Instant::now() + Duration::from_secs(60);
    while names_in(&copies) != expected {
        if Instant::now() > deadline {
            serve.kill().unwrap();
            panic!("the copies are {:?}", names_in(&copies));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    serve.kill().unwrap();
    serve.wait().unwrap();

    let conn = open_copy(&copies.join(&expected[1])).await;
    assert_eq!(integrity(&conn).await, "ok");
    assert_eq!(outbox_rows(&conn, 1).await.0, 1);
}
