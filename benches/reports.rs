//! How long an outcome report takes for a 60-session conference: assembling it from the
//! database (sessions, panels of five, approved summaries with 3 key points, 3
//! recommendations, 2 challenges and 2 next steps each), writing it as Markdown, and
//! typesetting it as PDF. Also the series synthesis over six such reports (360 sessions),
//! and what a reader of its PDF waits once the publication has typeset it in the
//! background. PDFs are typeset as `serve` has them typeset, each in a `roundtable
//! typeset` child, so the times include starting it and the peak memory of the children
//! is printed apart from this process's. `cargo bench --bench reports` (SQLite); set
//! ROUNDTABLE_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/test to measure the
//! assembly on PostgreSQL too (a scratch database is created and dropped).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use roundtable::accounts::{NewUser, Role, service as accounts};
use roundtable::config::Settings;
use roundtable::db::Db;
use roundtable::directory::{PersonInput, service as directory};
use roundtable::events::{
    EventInput, EventStatus, ParticipantInput, SeriesInput, SeriesRef, SessionInput,
    service as events,
};
use roundtable::i18n::Language;
use roundtable::pdf;
use roundtable::reports::{build, markdown, service as reports, synthesis};
use roundtable::summaries::{KeyPoint, RecommendationInput, ReviewInput, SummaryInput, service};
use roundtable::web::Actor;
use sea_orm::{ConnectionTrait, Database};
use serde_json::json;

const SESSIONS: usize = 60;
const EVENTS_IN_SERIES: usize = 6;
const ROUNDS: usize = 5;

const ADDRESSEES: &[&str] = &[
    "EU",
    "UN Security Council",
    "governments",
    "civil society",
    "African Union",
];
const THEMES: &[&str] = &[
    "Early warning",
    "Prevention",
    "Regional organizations",
    "Accountability",
    "Civil society capacity",
];

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Median and slowest of several runs of `f`.
async fn time<F, Fut, T>(rounds: usize, mut f: F) -> (Duration, Duration, T)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..rounds {
        let t = Instant::now();
        last = Some(f().await);
        times.push(t.elapsed());
    }
    times.sort();
    (
        times[times.len() / 2],
        times[times.len() - 1],
        last.unwrap(),
    )
}

async fn person(db: &Db, i: usize) -> i32 {
    let input = PersonInput {
        honorific: Some(if i.is_multiple_of(2) { "Ms" } else { "Mr" }.into()),
        given_name: Some(format!("Ñúñez{i}")),
        family_name: Some(format!("Lamprière{i}")),
        email: Some(format!("person{i}@example.org")),
        position: Some("Director of Programmes and Policy".into()),
        organization_id: None,
        country: Some("FR".into()),
        bio: None,
        language: None,
    };
    directory::create_person(db, None, input.validate().unwrap())
        .await
        .unwrap()
        .id
}

/// A published conference of `SESSIONS` panels, each with an approved summary.
async fn conference(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    n: usize,
    series: Option<i32>,
    people: &[i32],
) -> String {
    let slug = format!("bench-conference-{n}");
    let region = ["europe", "africa", "asia-pacific"][n % 3];
    let input: EventInput = roundtable::web::json::from_value(json!({
        "title": format!("Bench conference {n}"),
        "slug": slug,
        "kind": "conference",
        "starts_on": "2009-06-01",
        "ends_on": "2009-06-05",
        "timezone": "Europe/Brussels",
        "city": "Brussels",
        "country": "BE",
        "region": region,
        "series": series,
        "description": "A conference of sixty panels, to measure the report.",
    }))
    .unwrap();
    events::create_event(db, Some(actor), input).await.unwrap();
    let reference = SeriesRef::Slug(slug.clone());
    events::set_status(db, settings, actor, &reference, EventStatus::Published)
        .await
        .unwrap();
    for s in 0..SESSIONS {
        let day = 1 + s / 12;
        let hour = 8 + s % 12;
        let input = SessionInput {
            title: Some(format!(
                "Panel {s}: the Responsibility to Protect in practice"
            )),
            kind: Some("panel".into()),
            description: None,
            starts_at: Some(format!("2009-06-0{day}T{hour:02}:00")),
            ends_at: Some(format!("2009-06-0{day}T{hour:02}:50")),
            room: Some("Room A".into()),
            capacity: None,
            confidentiality: None,
            translations: None,
        };
        let (session, _) = events::create_session(db, actor, &reference, input)
            .await
            .unwrap();
        let panel = &people[(s * 5) % (people.len() - 5)..][..5];
        for (k, person_id) in panel.iter().enumerate() {
            let role = match k {
                0 => "chair",
                4 => "rapporteur",
                _ => "speaker",
            };
            let input = ParticipantInput {
                person_id: Some(*person_id),
                role: Some(role.into()),
                position: None,
            };
            events::add_participant(db, actor, session.id, input)
                .await
                .unwrap();
        }
        let summary = SummaryInput {
            overview: Some(format!("The panel discussed **prevention** and early action in session {s}.\n\nIt agreed on the recommendations below.")),
            key_points: (0..3)
                .map(|k| KeyPoint {
                    person_id: Some(panel[1 + k]),
                    text: format!("Key point {k} of session {s}: early warning must lead to early action."),
                })
                .collect(),
            challenges: vec![
                "Lack of political will to act on early warning".into(),
                format!("A challenge particular to session {s}"),
            ],
            recommendations: (0..3)
                .map(|k| RecommendationInput {
                    text: format!("Recommendation {k} of session {s}: build the capacity to prevent mass atrocities."),
                    addressee: ADDRESSEES[(s + k) % ADDRESSEES.len()].into(),
                    themes: vec![THEMES[(s + k) % THEMES.len()].into(), THEMES[(s + k + 1) % THEMES.len()].into()],
                    priority: Some("high".into()),
                    timeframe: Some("short_term".into()),
                })
                .collect(),
            next_steps: vec![format!("Follow-up meeting {s}"), "Share the report with partners".into()],
            version: None,
            language: None,
        };
        service::save(db, settings, actor, session.id, summary)
            .await
            .unwrap();
        service::submit(db, settings, actor, session.id)
            .await
            .unwrap();
        service::approve(db, settings, actor, session.id, ReviewInput::default())
            .await
            .unwrap();
    }
    reports::set_published(db, settings, actor, &reference, true)
        .await
        .unwrap();
    slug
}

async fn run(label: &str, url: &str, with_pdf: bool) {
    let outbox = tempfile::tempdir().unwrap();
    let mut settings = Settings::defaults().unwrap();
    settings.database.url = url.to_string();
    settings.mail.url = format!("file://{}", outbox.path().display());
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
    let user = accounts::create_user(&db, new).await.unwrap();
    let actor = Actor {
        id: user.id,
        email: user.email,
        name: user.name,
        role: Role::Organizer,
        language: None,
    };
    let people: Vec<i32> = {
        let mut list = Vec::new();
        for i in 0..80 {
            list.push(person(&db, i).await);
        }
        list
    };
    let series = events::create_series(
        &db,
        Some(&actor),
        SeriesInput {
            title: Some("Bench series".into()),
            description: None,
            slug: Some("bench-series".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let t = Instant::now();
    let mut slugs = Vec::new();
    for n in 0..EVENTS_IN_SERIES {
        slugs.push(conference(&db, &settings, &actor, n, Some(series.id), &people).await);
    }
    println!(
        "{label}: set up {EVENTS_IN_SERIES} conferences of {SESSIONS} sessions with approved summaries in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let reference = SeriesRef::Slug(slugs[0].clone());
    let (median, worst, report) = time(ROUNDS, || async {
        let event = roundtable::events::read::visible_event(&db, &reference, false)
            .await
            .unwrap();
        build::event_report(&db, &settings, event, false)
            .await
            .unwrap()
    })
    .await;
    assert_eq!(report.sessions.len(), SESSIONS);
    println!(
        "{label}: report assembled from the database: median {}, slowest {} ({} sessions, {} recommendations)",
        ms(median),
        ms(worst),
        report.sessions.len(),
        report
            .recommendations_by_addressee
            .iter()
            .map(|g| g.items.len())
            .sum::<usize>()
    );
    let (median, _, text) = time(ROUNDS, || async { markdown::event_report(&report) }).await;
    println!(
        "{label}: Markdown: median {} ({} KiB)",
        ms(median),
        text.len() / 1024
    );
    let (median, worst, synthesis) = time(ROUNDS, || async {
        let series =
            roundtable::events::store::series(db.conn(), &SeriesRef::Slug("bench-series".into()))
                .await
                .unwrap()
                .unwrap();
        synthesis::synthesis(&db, &settings, series, false, Language::En)
            .await
            .unwrap()
    })
    .await;
    println!(
        "{label}: synthesis of {} reports ({} sessions): median {}, slowest {} ({} themes ranked)",
        synthesis.events.len(),
        synthesis.events.len() * SESSIONS,
        ms(median),
        ms(worst),
        synthesis.themes.len()
    );
    // Each publication typeset its report and the series' synthesis in the background:
    // wait for them, so that nothing below runs beside them.
    let waited = Instant::now();
    let job = pdf::Job::synthesis(&synthesis).unwrap();
    while !pdf::kept::is_kept(&job) {
        assert!(
            waited.elapsed() < Duration::from_secs(300),
            "the synthesis was not typeset after publication"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let wait = waited.elapsed();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (median, worst, bytes) = time(ROUNDS, || async {
        let synthesis = reports::visible_synthesis(
            &db,
            &settings,
            &SeriesRef::Slug("bench-series".into()),
            false,
            Language::En,
        )
        .await
        .unwrap();
        pdf::kept::typeset(pdf::Job::synthesis(&synthesis).unwrap())
            .await
            .unwrap()
    })
    .await;
    println!(
        "{label}: synthesis PDF for a reader after publication (typeset in the background when the last report was published, ready {} after setup; then assembled again and its kept bytes served): median {}, slowest {} ({} KiB)",
        ms(wait),
        ms(median),
        ms(worst),
        bytes.len() / 1024
    );
    if with_pdf {
        let t = Instant::now();
        let bytes = typeset(pdf::Job::event_report(&report).unwrap()).await;
        let first = t.elapsed();
        let sample = std::env::temp_dir().join("roundtable-bench-report.pdf");
        std::fs::write(&sample, &bytes).unwrap();
        println!(
            "{label}: PDF of the report, typeset again (not the kept one): {} ({} KiB, written to {} for pdfinfo)",
            ms(first),
            bytes.len() / 1024,
            sample.display()
        );
        let mut others = Vec::new();
        for slug in &slugs[1..] {
            let event =
                roundtable::events::read::visible_event(&db, &SeriesRef::Slug(slug.clone()), false)
                    .await
                    .unwrap();
            let other = build::event_report(&db, &settings, event, false)
                .await
                .unwrap();
            let t = Instant::now();
            typeset(pdf::Job::event_report(&other).unwrap()).await;
            others.push(t.elapsed());
        }
        others.sort();
        println!(
            "{label}: PDF of another 60-session report: median {}, slowest {} ({} reports)",
            ms(others[others.len() / 2]),
            ms(others[others.len() - 1]),
            others.len()
        );
        let t = Instant::now();
        typeset(pdf::Job::event_report(&report).unwrap()).await;
        println!("{label}: PDF of the same report again: {}", ms(t.elapsed()));
        let t = Instant::now();
        let bytes = typeset(pdf::Job::synthesis(&synthesis).unwrap()).await;
        println!(
            "{label}: synthesis PDF, typeset again (what publication does in the background): {} ({} KiB)",
            ms(t.elapsed()),
            bytes.len() / 1024
        );
    }
}

/// Typesets a job as `serve` does (in a child process), not taking a kept PDF.
async fn typeset(job: pdf::Job) -> Vec<u8> {
    pdf::child::typeset(job).await.unwrap()
}

#[tokio::main]
async fn main() {
    common::typeset_in_children();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("bench.db").display()
    );
    run("SQLite", &sqlite, true).await;
    if let Ok(url) = std::env::var("ROUNDTABLE_BENCH_POSTGRES") {
        let name = format!("rt_bench_reports_{}", std::process::id());
        let admin = Database::connect(&url).await.unwrap();
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        let (base, _) = url.rsplit_once('/').unwrap();
        run("PostgreSQL", &format!("{base}/{name}"), false).await;
        admin
            .execute_unprepared(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .await
            .unwrap();
    }
    println!(
        "Peak RSS of the process: {}; of the PDF typesetting children: {}",
        common::peak_rss().unwrap_or_else(|| "unknown (no /proc/self/status)".into()),
        common::typesetting_rss()
    );
}
