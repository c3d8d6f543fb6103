//! Search through the real server, on a library of 10,000 documents (each with about
//! 3 KB of text, as a PDF's words would be) and a programme of 50,000 sessions in 500
//! events: how long the index takes to build from its queue, then the latency of
//! `GET /api/v1/search` for a rare word, a common word, two words, an accented name typed
//! without its accents, and the beginning of a word, 8 clients at once on keep-alive
//! connections to `roundtable serve` (in its own process). Then the upload of a 20 MB PDF
//! (stored, read back, its words extracted and its first page drawn in a child process):
//! the time from the first byte sent to the 201, as MB/s.
//!
//! `cargo bench --bench search` (SQLite); ROUNDTABLE_BENCH_POSTGRES=postgres://… measures
//! PostgreSQL too (a scratch database is created and dropped).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone as _, Utc};
use common::{Client, Server, ms, percentile};
use roundtable::accounts::{NewUser, service as accounts};
use roundtable::config::Settings;
use roundtable::db::Db;
use roundtable::documents::{Access, DocumentKind};
use roundtable::entities::{document, event, session};
use roundtable::events::{Confidentiality, EventKind, EventStatus, RegistrationMode, SessionKind};
use sea_orm::{ActiveValue::Set, ConnectionTrait, Database, EntityTrait};

const DOCUMENTS: usize = 10_000;
const EVENTS: usize = 500;
const SESSIONS_PER_EVENT: usize = 100;
const CLIENTS: usize = 8;
const SECONDS: u64 = 4;
const UPLOAD_MB: usize = 20;

/// Words the synthetic texts are made of: the coalition's vocabulary, and filler.
const WORDS: &[&str] = &[
    "responsibility",
    "protect",
    "prevention",
    "atrocity",
    "civilians",
    "regional",
    "mechanisms",
    "early",
    "warning",
    "capacity",
    "assistance",
    "development",
    "peacebuilding",
    "stabilization",
    "governments",
    "council",
    "security",
    "focal",
    "points",
    "network",
    "dialogue",
    "civil",
    "society",
    "coalition",
    "roundtable",
    "recommendations",
    "report",
    "genocide",
    "crimes",
    "humanity",
    "ethnic",
    "cleansing",
    "war",
    "sovereignty",
    "pillar",
    "mediation",
    "sanctions",
    "justice",
    "accountability",
    "refugees",
    "displacement",
    "women",
    "youth",
    "media",
    "parliament",
    "ministry",
    "foreign",
    "affairs",
    "defence",
    "training",
];

/// A deterministic pseudo-random word stream (xorshift).
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[(self.0 % WORDS.len() as u64) as usize]
    }

    fn text(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| self.next())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

async fn fill(db: &Db) -> Duration {
    let mut words = Words(0x2545_f491_4f6c_dd1d);
    let now = Utc::now();
    let zone = roundtable::domain::TimeZone::parse("Africa/Nairobi").unwrap();
    let start = Instant::now();
    for e in 0..EVENTS {
        let day = NaiveDate::from_ymd_opt(2008 + (e % 15) as i32, 1 + (e % 12) as u32, 10).unwrap();
        let row = event::ActiveModel {
            slug: Set(format!("bench-event-{e}")),
            title: Set(format!("Roundtable {e} on {}", words.text(4))),
            kind: Set(EventKind::Roundtable),
            description: Set(Some(words.text(60))),
            starts_on: Set(day),
            ends_on: Set(day),
            timezone: Set(zone),
            city: Set(Some(if e == 7 {
                "Bogotá".into()
            } else {
                "Nairobi".into()
            })),
            status: Set(EventStatus::Published),
            registration_mode: Set(RegistrationMode::Open),
            waitlist: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        let id = event::Entity::insert(row)
            .exec(db.conn())
            .await
            .unwrap()
            .last_insert_id;
        let at = Utc.from_utc_datetime(&day.and_hms_opt(9, 0, 0).unwrap());
        let sessions = (0..SESSIONS_PER_EVENT).map(|s| session::ActiveModel {
            event_id: Set(id),
            title: Set(format!("Panel {s}: {}", words.text(5))),
            kind: Set(SessionKind::Panel),
            description: Set(Some(words.text(40))),
            starts_at: Set(at),
            ends_at: Set(at + chrono::Duration::hours(1)),
            sequence: Set(s as i32),
            confidentiality: Set(if s % 10 == 9 {
                Confidentiality::Closed
            } else {
                Confidentiality::Public
            }),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        session::Entity::insert_many(sessions)
            .exec(db.conn())
            .await
            .unwrap();
    }
    for chunk in 0..DOCUMENTS / 100 {
        let rows = (0..100).map(|i| {
            let n = chunk * 100 + i;
            let mut text = words.text(400);
            if n % 1000 == 0 {
                // A word found in ten documents only, inside their text.
                text.push_str(" Kampala");
            }
            document::ActiveModel {
                title: Set(format!("Document {n}: {}", words.text(6))),
                kind: Set(DocumentKind::Paper),
                summary: Set(words.text(30)),
                access: Set(if n % 4 == 3 {
                    Access::Members
                } else {
                    Access::Public
                }),
                text: Set(text),
                next_steps: Set("[]".into()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
        });
        document::Entity::insert_many(rows)
            .exec(db.conn())
            .await
            .unwrap();
    }
    start.elapsed()
}

/// A PDF of about `mb` megabytes: one page of text, and a large stream (as a scanned
/// annex would be), its cross-reference table true.
fn big_pdf(mb: usize) -> Vec<u8> {
    let content = b"BT /F1 24 Tf 72 700 Td (Assisting states to prevent atrocities) Tj ET";
    let mut filler = Vec::with_capacity(mb * 1024 * 1024);
    let mut x: u64 = 88_172_645_463_325_252;
    while filler.len() < mb * 1024 * 1024 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        filler.extend_from_slice(&x.to_le_bytes());
    }
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
           /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        [
            format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(),
            content,
            b"\nendstream",
        ]
        .concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        [
            format!("<< /Length {} >>\nstream\n", filler.len()).as_bytes(),
            &filler,
            b"\nendstream",
        ]
        .concat(),
    ];
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// `clients` clients asking for `path` for [`SECONDS`]; every latency, sorted.
async fn load(addr: std::net::SocketAddr, path: &str, clients: usize) -> Vec<Duration> {
    let deadline = Instant::now() + Duration::from_secs(SECONDS);
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let path = path.to_string();
        tasks.push(tokio::spawn(async move {
            let mut client = Client::connect(addr, None).await;
            let mut latencies = Vec::new();
            while Instant::now() < deadline {
                let start = Instant::now();
                let response = client.get(&path, &[]).await;
                latencies.push(start.elapsed());
                assert_eq!(response.status, 200);
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    latencies.sort();
    latencies
}

async fn run(label: &str, url: &str) {
    let mut settings = Settings::defaults().unwrap();
    settings.database.url = url.to_string();
    let db = Db::connect(&settings.database).await.unwrap();
    db.migrate().await.unwrap();
    let filled = fill(&db).await;
    println!(
        "{label}: {DOCUMENTS} documents, {} sessions in {EVENTS} events written in {:.1} s",
        EVENTS * SESSIONS_PER_EVENT,
        filled.as_secs_f64()
    );
    let start = Instant::now();
    let entries = roundtable::search::index::drain(&db).await.unwrap();
    println!(
        "{label}: index built from its queue: {entries} entries in {:.1} s ({:.0} entries/s)",
        start.elapsed().as_secs_f64(),
        entries as f64 / start.elapsed().as_secs_f64()
    );
    let new = NewUser::parse(
        "bench@example.org",
        "Bench organizer",
        "organizer",
        "a long bench password",
    )
    .ok()
    .unwrap();
    accounts::create_user(&db, new).await.unwrap();
    let token = accounts::create_token(&db, "bench@example.org", None)
        .await
        .unwrap();
    drop(db);

    let files = tempfile::tempdir().unwrap();
    let store = format!("file://{}", files.path().display());
    let server = Server::start(
        url,
        &[
            ("ROUNDTABLE_LOG__FILTER", "error"),
            ("ROUNDTABLE_STORAGE__URL", &store),
            ("ROUNDTABLE_DOCUMENTS__MAX_MB", "50"),
        ],
    )
    .await;
    let addr = server.addr;

    println!(
        "\n{label}: GET /api/v1/search?limit=20: latency with one client, then throughput \
         with {CLIENTS} (2 cores shared with the load generator), {SECONDS} s each"
    );
    println!(
        "| query | results | p50 (1 client) | p99 (1 client) | req/s ({CLIENTS} clients) | p99 ({CLIENTS} clients) |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (what, q) in [
        ("a word in 10 documents' text", "kampala"),
        ("a common word", "prevention"),
        ("two common words", "early%20warning"),
        ("an accented city without accents", "bogota"),
        ("the beginning of a word", "stabil"),
    ] {
        let path = format!("/api/v1/search?q={q}&limit=20");
        let mut probe = Client::connect(addr, None).await;
        let first = probe.get(&path, &[]).await;
        assert_eq!(
            first.status,
            200,
            "{}",
            String::from_utf8_lossy(&first.body)
        );
        let total = serde_json::from_slice::<serde_json::Value>(&first.body).unwrap()["total"]
            .as_u64()
            .unwrap();
        let alone = load(addr, &path, 1).await;
        let together = load(addr, &path, CLIENTS).await;
        println!(
            "| {what} (`{q}`) | {total} | {:.1} ms | {:.1} ms | {:.0} | {:.1} ms |",
            ms(percentile(&alone, 50.0)),
            ms(percentile(&alone, 99.0)),
            together.len() as f64 / SECONDS as f64,
            ms(percentile(&together, 99.0)),
        );
    }

    // The upload of a 20 MB PDF, as an organizer's browser sends it.
    let pdf = big_pdf(UPLOAD_MB);
    let boundary = "bench-boundary";
    let metadata = r#"{"title": "Annexes of the 2012 memo", "kind": "paper"}"#;
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{metadata}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"annexes.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(&pdf);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut request = format!(
        "POST /api/v1/documents HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(&body);
    let mut uploads = Vec::new();
    for _ in 0..3 {
        let mut client = Client::connect(addr, None).await;
        let start = Instant::now();
        let response = client.exchange(&request, true).await.unwrap();
        uploads.push(start.elapsed());
        assert_eq!(
            response.status,
            201,
            "{}",
            String::from_utf8_lossy(&response.body)
        );
    }
    uploads.sort();
    let median = uploads[1];
    println!(
        "\n{label}: upload of a {:.1} MB PDF (stored, read back, words and first page read): \
         median of 3 {:.0} ms, {:.1} MB/s",
        pdf.len() as f64 / 1e6,
        ms(median),
        pdf.len() as f64 / 1e6 / median.as_secs_f64()
    );
    println!(
        "{label}: peak RSS of roundtable serve: {}",
        server.peak_rss().unwrap_or_else(|| "unknown".into())
    );
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}", dir.path().join("search.db").display());
    run("SQLite", &sqlite).await;
    if let Ok(server) = std::env::var("ROUNDTABLE_BENCH_POSTGRES") {
        let name = format!("roundtable_bench_search_{}", std::process::id());
        let admin = Database::connect(&server).await.unwrap();
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap();
        let mut url = url::Url::parse(&server).unwrap();
        url.set_path(&name);
        println!();
        run("PostgreSQL", url.as_str()).await;
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .await
            .unwrap();
    }
}
