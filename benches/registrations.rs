//! Registrations per second through the real server: the application is started
//! in-process on a TCP port of 127.0.0.1 (exactly what `roundtable serve` starts, mail
//! worker included, writing to a temporary `file://` outbox), and 32 clients, each on its
//! own keep-alive HTTP/1.1 connection, register distinct people for one large event.
//! Prints the rate and the p50/p99 latency. `cargo bench --bench registrations` (SQLite);
//! set ROUNDTABLE_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/test to measure on
//! PostgreSQL too (a scratch database is created and dropped).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use roundtable::accounts::{NewUser, service as accounts};
use roundtable::app::Application;
use roundtable::config::Settings;
use roundtable::db::Db;
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const CLIENTS: usize = 32;
const REGISTRATIONS: usize = 2000;

/// A minimal HTTP/1.1 client on one keep-alive connection: enough for JSON requests to
/// this server (Content-Length or chunked bodies).
struct Client {
    stream: BufReader<TcpStream>,
    token: Option<String>,
}

impl Client {
    async fn connect(addr: std::net::SocketAddr, token: Option<String>) -> Self {
        let stream = TcpStream::connect(addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream: BufReader::new(stream),
            token,
        }
    }

    async fn send(&mut self, method: &str, path: &str, body: Option<&Value>) -> (u16, Vec<u8>) {
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nContent-Length: {}\r\n",
            body.len()
        );
        if !body.is_empty() {
            head.push_str("Content-Type: application/json\r\n");
        }
        if let Some(token) = &self.token {
            head.push_str(&format!("Authorization: Bearer {token}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(&body);
        self.stream
            .get_mut()
            .write_all(head.as_bytes())
            .await
            .unwrap();
        self.read_response().await
    }

    async fn line(&mut self) -> String {
        let mut line = String::new();
        let n = self.stream.read_line(&mut line).await.unwrap();
        assert!(n > 0, "the server closed the connection");
        line.trim_end_matches(['\r', '\n']).to_string()
    }

    async fn read_response(&mut self) -> (u16, Vec<u8>) {
        let status_line = self.line().await;
        let status: u16 = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("a status line: {status_line:?}"));
        let (mut length, mut chunked) = (0usize, false);
        loop {
            let line = self.line().await;
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').unwrap_or((&line, ""));
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().unwrap();
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.eq_ignore_ascii_case("chunked");
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                let size = usize::from_str_radix(self.line().await.split(';').next().unwrap(), 16)
                    .unwrap();
                if size == 0 {
                    while !self.line().await.is_empty() {}
                    break;
                }
                let start = body.len();
                body.resize(start + size, 0);
                self.stream.read_exact(&mut body[start..]).await.unwrap();
                self.line().await;
            }
        } else {
            body.resize(length, 0);
            self.stream.read_exact(&mut body).await.unwrap();
        }
        (status, body)
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn run(label: &str, url: &str) {
    let outbox = tempfile::tempdir().unwrap();
    let mut settings = Settings::defaults().unwrap();
    settings.server.bind = "127.0.0.1:0".into();
    settings.database.url = url.to_string();
    settings.mail.url = format!("file://{}", outbox.path().display());
    settings.registration.per_address_per_minute = 1_000_000;

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

    let max_connections = settings.database.max_connections;
    let app = Application::build(settings).await.unwrap();
    let addr = app.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));

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
    let _ = stop.send(());
    server.await.unwrap().unwrap();
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
}
