//! Registrations per second through the real server: `roundtable serve` (the binary
//! built with the bench) runs in a process of its own on a TCP port of 127.0.0.1, mail
//! worker included, writing to a temporary `file://` outbox, and 32 clients, each on its
//! own keep-alive HTTP/1.1 connection, register distinct people for one large event.
//! Prints the rate and the p50/p99 latency. `cargo bench --bench registrations` (SQLite);
//! set ROUNDTABLE_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/test to measure on
//! PostgreSQL too (a scratch database is created and dropped).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Instant;

use common::{Client, Server, ms, peak_rss, percentile};

use roundtable::accounts::{NewUser, service as accounts};
use roundtable::config::Settings;
use roundtable::db::Db;
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

const CLIENTS: usize = 32;
const REGISTRATIONS: usize = 2000;

async fn run(label: &str, url: &str) {
    let mut settings = Settings::defaults().unwrap();
    settings.database.url = url.to_string();
    let max_connections = settings.database.max_connections;

    // An organizer to set up the event, in the database the server will use.
    let db = Db::connect(&settings.database).await.unwrap();
    db.migrate().await.unwrap();
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

    // ROUNDTABLE_BENCH_LOG=1: the server's warnings on stderr (what a 500 was, say).
    let mut env = vec![("ROUNDTABLE_REGISTRATION__PER_ADDRESS_PER_MINUTE", "1000000")];
    if std::env::var_os("ROUNDTABLE_BENCH_LOG").is_none() {
        env.push(("ROUNDTABLE_LOG__FILTER", "error"));
    }
    let server = Server::start(url, &env).await;
    let addr = server.addr;

    let mut organizer = Client::connect(addr, Some(token)).await;
    let (status, body) = organizer
        .send(
            "POST",
            "/api/v1/events",
            Some(&json!({
                "title": "Accra roundtable on early warning",
                "kind": "roundtable",
                "starts_on": "2037-11-12",
                "ends_on": "2037-11-13",
                "timezone": "Africa/Accra",
                "city": "Accra",
                "country": "GH",
                "region": "africa",
                "capacity": 1_000_000,
                "registration": {"mode": "open", "waitlist": true}
            })),
        )
        .await;
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let slug = serde_json::from_slice::<Value>(&body).unwrap()["slug"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = organizer
        .send("POST", &format!("/api/v1/events/{slug}/publish"), None)
        .await;
    assert_eq!(status, 200);
    let path = format!("/api/v1/events/{slug}/registrations");

    // Connect every client first, then let them all go.
    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        clients.push(Client::connect(addr, None).await);
    }
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(CLIENTS + 1));
    let mut tasks = Vec::new();
    for (c, mut client) in clients.into_iter().enumerate() {
        let path = path.clone();
        let barrier = barrier.clone();
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let mut latencies = Vec::new();
            for n in (c..REGISTRATIONS).step_by(CLIENTS) {
                let body = json!({
                    "given_name": format!("Kwame{n}"),
                    "family_name": "MENSAH",
                    "email": format!("participant{n}@example.org"),
                    "organization": "West Africa Network for Peacebuilding",
                    "country": "GH",
                    "needs": "Vegetarian meals",
                    "consent": true
                });
                let start = Instant::now();
                let (status, reply) = client.send("POST", &path, Some(&body)).await;
                latencies.push(start.elapsed());
                assert_eq!(status, 201, "{}", String::from_utf8_lossy(&reply));
            }
            latencies
        }));
    }
    barrier.wait().await;
    let start = Instant::now();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    let seconds = start.elapsed().as_secs_f64();
    latencies.sort();

    let (status, body) = organizer
        .send("GET", &format!("{path}?status=confirmed"), None)
        .await;
    assert_eq!(status, 200);
    let confirmed = serde_json::from_slice::<Value>(&body).unwrap()["total"]
        .as_u64()
        .unwrap();
    assert_eq!(confirmed as usize, REGISTRATIONS);

    println!(
        "{label}: {} registrations by {CLIENTS} clients in {seconds:.2} s = {:.0} registrations/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms (pool of {max_connections} connections; all {confirmed} confirmed)",
        latencies.len(),
        latencies.len() as f64 / seconds,
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 99.0)),
        ms(*latencies.last().unwrap()),
    );
    println!(
        "Peak RSS of Roundtable's process (`roundtable serve` on {label}): {}",
        server
            .peak_rss()
            .unwrap_or_else(|| "unknown (no /proc)".into())
    );
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    run("SQLite", &url).await;
    if let Ok(admin) = std::env::var("ROUNDTABLE_BENCH_POSTGRES") {
        let name = format!("rt_bench_registrations_{}", std::process::id());
        let conn = Database::connect(&admin).await.unwrap();
        conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap();
        let mut url = url::Url::parse(&admin).unwrap();
        url.set_path(&name);
        run("PostgreSQL", url.as_str()).await;
        conn.execute_unprepared(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
            .await
            .unwrap();
    }
    println!(
        "Peak RSS of the bench's process (the 32 clients): {}",
        peak_rss().unwrap_or_else(|| "unknown (no /proc/self/status)".into())
    );
}
