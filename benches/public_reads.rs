//! Public reads through the real server next to a static server sending the very same
//! bytes, in one run, so that the ratio says how far Roundtable is from the limit of this
//! machine and this load generator.
//!
//! Roundtable runs as `roundtable serve` in a process of its own (the binary built with
//! the bench, on a temporary SQLite database, on a port of 127.0.0.1) and an organizer
//! builds, through the HTTP API, a
//! published 3-day conference of 120 sessions (40 a day), each with a chair, 3 speakers and
//! a rapporteur from 30 organizations, an approved summary each and a published report.
//! Each public read is fetched once, anonymously and with `Accept-Encoding: gzip, br`; a
//! static server (a few lines of axum, on another port) then answers each of those paths
//! with the status, headers and body Roundtable sent. Each read is measured on Roundtable
//! and right after on the static server: 32 clients, each on its own keep-alive HTTP/1.1
//! connection, for a fixed time; the medians of the runs are printed as a Markdown table
//! with the ratio of the two rates, then the peak RSS of Roundtable's process and of the
//! bench's (the static server and the load generator; all share the 2 cores).
//!
//! `cargo bench --bench public_reads`. ROUNDTABLE_BENCH_SECONDS (default 5) is the time of
//! one run, ROUNDTABLE_BENCH_RUNS (default 3) the number of runs per server and read;
//! ROUNDTABLE_BENCH_QUICK=1 makes it 3 s and 1 run unless those are set;
//! ROUNDTABLE_BENCH_ONLY=text measures only the reads whose label holds `text`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Uri};
use axum::serve::ListenerExt;
use common::{Client, Response, Server, get_request, peak_rss, percentile};
use roundtable::accounts::{NewUser, service as accounts};
use roundtable::config::Settings;
use roundtable::db::Db;
use serde_json::{Value, json};
use tokio::sync::Barrier;

const CLIENTS: usize = 32;
/// The compressions a browser accepts.
const BROWSER: &str = "gzip, br";
const DAYS: usize = 3;
const SLOTS: usize = 8;
const ROOMS: &[&str] = &["Room A", "Room B", "Room C", "Room D", "Room E"];
const KINDS: &[&str] = &["panel", "roundtable", "workshop", "plenary", "panel"];
const ORGANIZATIONS: usize = 30;

/// Given and family names, combined in turn (the directory takes namesakes).
const GIVEN: &str = "Amina Kwame Sofia Hiroshi Lucía Olusegun Ingrid Rahul Fatou Mateus Aigerim \
                     Tomasz Leila Jean-Baptiste Nomvula Erik";
const FAMILY: &str = "Okafor Mensah Lindqvist Tanaka Fernández Adeyemi Haugen Sharma Diallo \
                      Carvalho Nurlanova Kowalski Haddad Mukendi Dlamini Østergaard";
const HONORIFICS: &[&str] = &["Ms", "Mr", "Dr", "Prof", "H.E.", "Mx"];
const POSITIONS: &[&str] = &[
    "Director",
    "Senior Researcher",
    "Programme Officer",
    "Head of Policy",
    "Ambassador",
    "Coordinator",
];
const THEMES: &[&str] = &[
    "Early warning",
    "Prevention",
    "Regional organizations",
    "Mediation",
    "Protection of civilians",
    "Accountability",
    "Women, peace and security",
    "Climate and security",
];
const REGIONS: &[&str] = &[
    "the Great Lakes",
    "West Africa",
    "the Balkans",
    "South-East Asia",
    "Central America",
];
const ADDRESSEES: &[&str] = &[
    "UN Security Council",
    "African Union",
    "EU",
    "governments",
    "civil society",
];

/// How long and how often each read is measured.
struct Plan {
    duration: Duration,
    runs: usize,
}

impl Plan {
    fn from_env() -> Self {
        let quick =
            std::env::var("ROUNDTABLE_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0");
        let number = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .map(|v| {
                    v.parse::<u64>()
                        .unwrap_or_else(|_| panic!("{name}={v:?} is not a number"))
                })
                .unwrap_or(default)
                .max(1)
        };
        Self {
            duration: Duration::from_secs(number(
                "ROUNDTABLE_BENCH_SECONDS",
                if quick { 3 } else { 5 },
            )),
            runs: number("ROUNDTABLE_BENCH_RUNS", if quick { 1 } else { 3 }) as usize,
        }
    }
}

/// The organizer's client: each call expects the status it names.
struct Organizer(Client);

impl Organizer {
    async fn expect(&mut self, method: &str, path: &str, body: Value, status: u16) -> Value {
        let (got, reply) = self.0.send(method, path, Some(&body)).await;
        assert_eq!(
            got,
            status,
            "{method} {path}: {}",
            String::from_utf8_lossy(&reply)
        );
        serde_json::from_slice(&reply).unwrap_or(Value::Null)
    }

    async fn create(&mut self, path: &str, body: Value) -> i64 {
        self.expect("POST", path, body, 201).await["id"]
            .as_i64()
            .unwrap()
    }
}

/// The conference: its slug and the id of a session in the middle of it.
struct Conference {
    slug: String,
    session: i64,
}

/// Builds the conference through the API, as an organizer would.
async fn conference(org: &mut Organizer) -> Conference {
    let mut organizations = Vec::new();
    for i in 0..ORGANIZATIONS {
        let name = format!(
            "{} Network for {}",
            [
                "West African",
                "Nordic",
                "Andean",
                "Pacific",
                "Balkan",
                "Sahel"
            ][i % 6],
            [
                "Peacebuilding",
                "Human Rights",
                "Early Warning",
                "Mediation",
                "Dialogue"
            ][i / 6],
        );
        organizations.push(
            org.create(
                "/api/v1/organizations",
                json!({"name": name, "kind": "ngo", "region": "global"}),
            )
            .await,
        );
    }
    let event = org
        .expect(
            "POST",
            "/api/v1/events",
            json!({
                "title": "Preventing mass atrocities: from early warning to early action",
                "subtitle": "Third global conference of the coalition",
                "description": "Three days of panels, roundtables and workshops on how regional \
                                organizations, governments and civil society act on warnings.",
                "kind": "conference",
                "starts_on": "2037-06-08",
                "ends_on": "2037-06-10",
                "timezone": "Europe/Zurich",
                "venue": "Centre international de conférences",
                "city": "Geneva",
                "country": "CH",
                "region": "europe",
                "capacity": 800,
                "registration": {"mode": "open", "waitlist": true},
                "organizers": [
                    {"organization_id": organizations[0], "role": "organizer"},
                    {"organization_id": organizations[1], "role": "co-organizer"},
                    {"organization_id": organizations[2], "role": "partner"}
                ]
            }),
            201,
        )
        .await;
    let slug = event["slug"].as_str().unwrap().to_string();

    let given: Vec<&str> = GIVEN.split_whitespace().collect();
    let family: Vec<&str> = FAMILY.split_whitespace().collect();
    let mut sessions = Vec::new();
    let mut person = 0;
    for day in 0..DAYS {
        for slot in 0..SLOTS {
            for (r, room) in ROOMS.iter().enumerate() {
                let n = sessions.len();
                let theme = THEMES[n % THEMES.len()];
                let (hour, date) = (9 + slot, format!("2037-06-{:02}", 8 + day));
                let region = REGIONS[r % REGIONS.len()];
                let title = format!("{theme}: lessons from {region} (session {})", n + 1);
                let description = format!(
                    "How {} can act earlier on {}: what worked, what did not, and what the \
                     next five years ask of us.",
                    ADDRESSEES[n % ADDRESSEES.len()],
                    theme.to_lowercase()
                );
                let id = org
                    .create(
                        &format!("/api/v1/events/{slug}/sessions"),
                        json!({
                            "title": title,
                            "kind": KINDS[r % KINDS.len()],
                            "description": description,
                            "starts_at": format!("{date}T{hour:02}:00:00"),
                            "ends_at": format!("{date}T{hour:02}:50:00"),
                            "room": room
                        }),
                    )
                    .await;
                let mut seated = Vec::new();
                for role in ["chair", "speaker", "speaker", "speaker", "rapporteur"] {
                    let p = person;
                    person += 1;
                    let id_of_person = org
                        .create(
                            "/api/v1/people",
                            json!({
                                "honorific": HONORIFICS[p % HONORIFICS.len()],
                                "given_name": given[p % given.len()],
                                "family_name": family[(p / given.len() + p) % family.len()],
                                "position": POSITIONS[p % POSITIONS.len()],
                                "organization_id": organizations[p % ORGANIZATIONS]
                            }),
                        )
                        .await;
                    org.expect(
                        "POST",
                        &format!("/api/v1/sessions/{id}/participants"),
                        json!({"person_id": id_of_person, "role": role}),
                        201,
                    )
                    .await;
                    seated.push(id_of_person);
                }
                sessions.push((id, seated));
            }
        }
    }
    org.expect(
        "POST",
        &format!("/api/v1/events/{slug}/publish"),
        json!({}),
        200,
    )
    .await;

    for (n, (session, seated)) in sessions.iter().enumerate() {
        let path = format!("/api/v1/sessions/{session}/summary");
        let theme = THEMES[n % THEMES.len()];
        let summary = json!({
            "overview": format!(
                "The panel compared how warnings on {} reached decision makers, and why so \
                 few led to action in time.",
                theme.to_lowercase()
            ),
            "key_points": [
                {"person_id": seated[1],
                 "text": "Warnings were accurate; the will to act on them was missing."},
                {"person_id": seated[2],
                 "text": "Regional organizations move faster with mandates agreed in advance."}
            ],
            "challenges": ["Funding for early action arrives after the crisis."],
            "recommendations": [
                {"text": "Agree standing mandates for early action with regional organizations.",
                 "addressee": ADDRESSEES[n % ADDRESSEES.len()], "themes": [theme]}
            ],
            "next_steps": ["A working group reports back at the next conference."]
        });
        org.expect("PUT", &path, summary, 200).await;
        org.expect("POST", &format!("{path}/submit"), json!({}), 200)
            .await;
        org.expect("POST", &format!("{path}/approve"), json!({}), 200)
            .await;
    }
    org.expect(
        "PATCH",
        &format!("/api/v1/events/{slug}/report"),
        json!({"introduction": "The coalition met for three days in Geneva.",
               "conclusions": "Warnings are not the problem; acting on them is."}),
        200,
    )
    .await;
    org.expect(
        "POST",
        &format!("/api/v1/events/{slug}/report/publish"),
        json!({}),
        200,
    )
    .await;

    Conference {
        slug,
        session: sessions[sessions.len() / 2].0,
    }
}

/// One public read: what it is, its path and the headers a browser or a calendar sends.
struct Read {
    label: &'static str,
    path: String,
    accept: &'static str,
}

fn reads(c: &Conference) -> Vec<Read> {
    let (slug, session) = (&c.slug, c.session);
    let html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    vec![
        Read {
            label: "whole-event calendar.ics",
            path: format!("/events/{slug}/calendar.ics"),
            accept: "text/calendar,*/*",
        },
        Read {
            label: "one session's calendar.ics",
            path: format!("/sessions/{session}/calendar.ics"),
            accept: "text/calendar,*/*",
        },
        Read {
            label: "event page (HTML)",
            path: format!("/events/{slug}"),
            accept: html,
        },
        Read {
            label: "session page (HTML)",
            path: format!("/sessions/{session}"),
            accept: html,
        },
        Read {
            label: "event JSON",
            path: format!("/api/v1/events/{slug}"),
            accept: "application/json",
        },
        Read {
            label: "report page (HTML)",
            path: format!("/events/{slug}/report"),
            accept: html,
        },
        Read {
            label: "report JSON",
            path: format!("/api/v1/events/{slug}/report"),
            accept: "application/json",
        },
    ]
}

fn request_headers(read: &Read, encodings: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("Accept", read.accept),
        ("Accept-Encoding", encodings),
        ("Accept-Language", "en-GB,en;q=0.9"),
        ("User-Agent", "roundtable-bench/1"),
    ]
}

/// The headers the static server sends again: all but those about this connection and
/// this moment (hyper sets Content-Length and Date itself).
fn replayed(response: &Response) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in &response.headers {
        let lower = name.to_ascii_lowercase();
        if ["connection", "keep-alive", "date", "content-length"].contains(&lower.as_str()) {
            continue;
        }
        headers.append(
            HeaderName::from_bytes(lower.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    headers
}

/// A static server answering each path with the headers and bytes it was given, on a port
/// of its own; TCP_NODELAY as Roundtable's own server sets it.
async fn static_server(pages: HashMap<String, (HeaderMap, Bytes)>) -> SocketAddr {
    let pages = Arc::new(pages);
    let router = Router::new().fallback(move |uri: Uri| {
        let pages = pages.clone();
        async move {
            match pages.get(uri.path()) {
                Some((headers, body)) => {
                    let mut response = axum::response::Response::new(Body::from(body.clone()));
                    *response.headers_mut() = headers.clone();
                    response
                }
                None => {
                    let mut response = axum::response::Response::new(Body::empty());
                    *response.status_mut() = axum::http::StatusCode::NOT_FOUND;
                    response
                }
            }
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    tokio::spawn(async move { axum::serve(listener, router).await });
    addr
}

/// What one run of the load generator measured.
struct Run {
    rate: f64,
    /// Latencies of the successful requests, in microseconds.
    p50: u32,
    p99: u32,
    errors: u64,
}

/// 32 clients, each on its own keep-alive connection, send the same request one after the
/// other for `duration`; successes are 200 and 304, anything else (or a broken connection,
/// after which the client connects again) is an error.
async fn load(addr: SocketAddr, request: Arc<Vec<u8>>, duration: Duration) -> Run {
    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        clients.push(Client::connect(addr, None).await);
    }
    let barrier = Arc::new(Barrier::new(CLIENTS + 1));
    let mut tasks = Vec::new();
    for mut client in clients {
        let (request, barrier) = (request.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies: Vec<u32> = Vec::with_capacity(1 << 16);
            let mut errors = 0u64;
            barrier.wait().await;
            let deadline = Instant::now() + duration;
            while Instant::now() < deadline {
                let start = Instant::now();
                match client.exchange(&request, false).await {
                    Ok(r) if r.status == 200 || r.status == 304 => {
                        latencies.push(start.elapsed().as_micros().min(u32::MAX as u128) as u32);
                    }
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        match Client::try_connect(addr, None).await {
                            Ok(fresh) => client = fresh,
                            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                        }
                    }
                }
            }
            (latencies, errors)
        }));
    }
    barrier.wait().await;
    let start = Instant::now();
    let (mut latencies, mut errors) = (Vec::new(), 0);
    for task in tasks {
        let (l, e) = task.await.unwrap();
        latencies.extend(l);
        errors += e;
    }
    let seconds = start.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let (p50, p99) = if latencies.is_empty() {
        (0, 0)
    } else {
        (percentile(&latencies, 50.0), percentile(&latencies, 99.0))
    };
    Run {
        rate: latencies.len() as f64 / seconds,
        p50,
        p99,
        errors,
    }
}

/// The median of each figure over the runs, and every run's errors.
fn median(runs: &[Run]) -> Run {
    fn mid<T: Copy + PartialOrd>(mut values: Vec<T>) -> T {
        values.sort_by(|a, b| a.partial_cmp(b).unwrap());
        values[values.len() / 2]
    }
    Run {
        rate: mid(runs.iter().map(|r| r.rate).collect()),
        p50: mid(runs.iter().map(|r| r.p50).collect()),
        p99: mid(runs.iter().map(|r| r.p99).collect()),
        errors: runs.iter().map(|r| r.errors).sum(),
    }
}

fn latency(micros: u32) -> String {
    if micros >= 10_000 {
        format!("{:.0} ms", f64::from(micros) / 1000.0)
    } else {
        format!("{:.2} ms", f64::from(micros) / 1000.0)
    }
}

#[tokio::main]
async fn main() {
    let plan = Plan::from_env();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());

    // The organizer, in the database the server will use.
    let mut settings = Settings::defaults().unwrap();
    settings.database.url = url.clone();
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

    let server = Server::start(&url, &[]).await;
    let addr = server.addr;

    let started = Instant::now();
    let mut organizer = Organizer(Client::connect(addr, Some(token)).await);
    let conference = conference(&mut organizer).await;
    drop(organizer);
    let seeding = started.elapsed();

    // Fetch each read once, as a browser would; the static server answers with that. Once
    // more uncompressed, for its size.
    // ROUNDTABLE_BENCH_ONLY=text measures only the reads whose label holds it.
    let only = std::env::var("ROUNDTABLE_BENCH_ONLY").unwrap_or_default();
    let reads: Vec<Read> = reads(&conference)
        .into_iter()
        .filter(|read| read.label.contains(only.as_str()))
        .collect();
    let mut pages = HashMap::new();
    let mut first = Vec::new();
    let mut anonymous = Client::connect(addr, None).await;
    // Publishing the report typeset its PDF in the background: ask for it (which waits
    // for that), so that no typesetting runs beside the measurements.
    let pdf = anonymous
        .get(&format!("/events/{}/report.pdf", conference.slug), &[])
        .await;
    assert_eq!(pdf.status, 200, "the report's PDF");
    for read in &reads {
        let response = anonymous
            .get(&read.path, &request_headers(read, BROWSER))
            .await;
        assert_eq!(
            response.status,
            200,
            "{}: {}",
            read.path,
            String::from_utf8_lossy(&response.body)
        );
        let encoding = response
            .header("content-encoding")
            .unwrap_or("none")
            .to_string();
        pages.insert(
            read.path.clone(),
            (replayed(&response), Bytes::from(response.body.clone())),
        );
        let identity = anonymous
            .get(&read.path, &request_headers(read, "identity"))
            .await;
        assert_eq!(identity.status, 200, "{} uncompressed", read.path);
        first.push((response.length, identity.length, encoding));
    }
    drop(anonymous);
    let static_addr = static_server(pages).await;

    println!(
        "Public reads: a 3-day conference of {} sessions ({} a day, 5 people each, {ORGANIZATIONS} organizations, a published report), built through the API in {:.1} s on SQLite.",
        DAYS * SLOTS * ROOMS.len(),
        SLOTS * ROOMS.len(),
        seeding.as_secs_f64()
    );
    println!(
        "{CLIENTS} keep-alive clients, {} s a run, median of {} run{} per server; requests sent with Accept-Encoding: {BROWSER}; the static server sends the same status, headers and bytes.\n",
        plan.duration.as_secs(),
        plan.runs,
        if plan.runs == 1 { "" } else { "s" },
    );
    println!(
        "| request | bytes received | Content-Encoding | uncompressed | Roundtable req/s | p50 | p99 | static req/s | p50 | p99 | ratio | errors (Roundtable/static) |"
    );
    println!("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (read, (length, identity, encoding)) in reads.iter().zip(&first) {
        let request = Arc::new(get_request(
            &read.path,
            &request_headers(read, BROWSER),
            None,
        ));
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..plan.runs {
            ours.push(load(addr, request.clone(), plan.duration).await);
            theirs.push(load(static_addr, request.clone(), plan.duration).await);
        }
        let (ours, theirs) = (median(&ours), median(&theirs));
        println!(
            "| {} | {length} | {encoding} | {identity} | {:.0} | {} | {} | {:.0} | {} | {} | {:.1}% | {}/{} |",
            read.label,
            ours.rate,
            latency(ours.p50),
            latency(ours.p99),
            theirs.rate,
            latency(theirs.p50),
            latency(theirs.p99),
            100.0 * ours.rate / theirs.rate,
            ours.errors,
            theirs.errors,
        );
    }
    println!(
        "\nPeak RSS of Roundtable's process (`roundtable serve`): {}; of the bench's process (the static server and the load generator): {}. The report's PDF was typeset by a `roundtable typeset` child of the server (measured by the reports bench).",
        server
            .peak_rss()
            .unwrap_or_else(|| "unknown (no /proc)".into()),
        peak_rss().unwrap_or_else(|| "unknown (no /proc/self/status)".into()),
    );
}
