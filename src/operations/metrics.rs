//! `GET /metrics` in the Prometheus text format, through the `metrics` crate: requests by
//! route template and status with their latency, registrations created, mail sent and
//! failed, and, read when scraped, the outbox by status and the database pool. The
//! exporter has no listener of its own: the application's router answers, to an admin's
//! token, or to anyone when `metrics.public` is set.
//!
//! The `metrics` macros write to one recorder per process, and every application built in
//! a process (tests build many) shares it: it is installed once, on first use.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::DatabaseBackend;

use crate::accounts::Role;
use crate::app::AppState;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::mail::{OutboxStatus, outbox};
use crate::registrations::RegistrationStatus;
use crate::web::auth::CurrentUser;

/// The media type of the Prometheus text format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4";

const REQUESTS: &str = "roundtable_http_requests_total";
const REQUEST_SECONDS: &str = "roundtable_http_request_duration_seconds";
const REGISTRATIONS: &str = "roundtable_registrations_created_total";
const MAIL_SENT: &str = "roundtable_mail_sent_total";
const MAIL_FAILURES: &str = "roundtable_mail_delivery_failures_total";
const OUTBOX: &str = "roundtable_outbox_messages";
const POOL: &str = "roundtable_db_connections";
const POOL_MAX: &str = "roundtable_db_connections_max";

/// Upper bounds of the latency histogram's buckets, in seconds.
const LATENCY_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// How often recorded histograms are folded into their buckets between scrapes, so that
/// an unscraped server does not keep every sample.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// What renders the process's metrics.
#[derive(Clone)]
pub struct Metrics {
    handle: PrometheusHandle,
}

impl Metrics {
    /// The process's recorder, installed (with its upkeep thread) on first use.
    pub fn installed() -> Self {
        static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
        let handle = HANDLE.get_or_init(install).clone();
        Self { handle }
    }

    /// The text of a scrape: the gauges read from `db` (a pool of at most
    /// `max_connections`) now, and every metric recorded.
    pub async fn render(&self, db: &Db, max_connections: u32) -> AppResult<String> {
        // The gauges are the process's: one scrape sets them from its database and
        // renders them before another may set them from another (in tests).
        static SCRAPE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
        let _turn = SCRAPE.lock().await;
        for status in OutboxStatus::ALL {
            let count = outbox::count_by_status(db.conn(), *status).await?;
            metrics::gauge!(OUTBOX, "status" => status.as_str()).set(count as f64);
        }
        if let Some((in_use, idle)) = pool_usage(db) {
            metrics::gauge!(POOL, "state" => "in_use").set(in_use);
            metrics::gauge!(POOL, "state" => "idle").set(idle);
            metrics::gauge!(POOL_MAX).set(max_connections);
        }
        Ok(self.handle.render())
    }
}

fn install() -> PrometheusHandle {
    let builder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(REQUEST_SECONDS.into()), LATENCY_BUCKETS)
        .unwrap_or_else(|_| PrometheusBuilder::new());
    let recorder = builder.build_recorder();
    let handle = recorder.handle();
    if let Err(err) = metrics::set_global_recorder(recorder) {
        tracing::warn!(error = %err, "another metrics recorder is installed; /metrics shows none of what the application records");
    }
    describe();
    let upkeep = handle.clone();
    let started = std::thread::Builder::new()
        .name("metrics-upkeep".into())
        .spawn(move || {
            loop {
                std::thread::sleep(UPKEEP_EVERY);
                upkeep.run_upkeep();
            }
        });
    if let Err(err) = started {
        tracing::warn!(error = %err, "no metrics upkeep thread; histograms are folded when scraped");
    }
    handle
}

fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        REQUESTS,
        "HTTP requests answered, by method, route template and status"
    );
    describe_histogram!(
        REQUEST_SECONDS,
        Unit::Seconds,
        "Time to answer an HTTP request, by method and route template"
    );
    describe_counter!(
        REGISTRATIONS,
        "Registrations created, by the status they began with"
    );
    describe_counter!(
        MAIL_SENT,
        "Messages the mail worker handed to the mail server"
    );
    describe_counter!(
        MAIL_FAILURES,
        "Tries of the mail worker that failed; permanent=\"true\" when the message will not be tried again"
    );
    describe_gauge!(
        OUTBOX,
        "Messages in the outbox, by status (read from the database when scraped)"
    );
    describe_gauge!(
        POOL,
        "Connections of this instance's database pool, in use or idle"
    );
    describe_gauge!(
        POOL_MAX,
        "The most connections this instance's database pool opens"
    );
}

/// The connections of the pool in use and idle (sqlx counts both without waiting).
fn pool_usage(db: &Db) -> Option<(u32, u32)> {
    let (size, idle) = match db.backend() {
        DatabaseBackend::Sqlite => {
            let pool = db.conn().get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
        DatabaseBackend::Postgres => {
            let pool = db.conn().get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => return None,
    };
    let idle = u32::try_from(idle).unwrap_or(u32::MAX).min(size);
    Some((size - idle, idle))
}

/// A registration was created (and committed).
pub fn registration_created(status: RegistrationStatus) {
    metrics::counter!(REGISTRATIONS, "status" => status.as_str()).increment(1);
}

/// The mail worker handed a message to the mail server.
pub fn mail_sent() {
    metrics::counter!(MAIL_SENT).increment(1);
}

/// A try to send a message failed; `permanent` when it will not be tried again.
pub fn mail_failed(permanent: bool) {
    let permanent = if permanent { "true" } else { "false" };
    metrics::counter!(MAIL_FAILURES, "permanent" => permanent).increment(1);
}

/// Middleware: counts and times every request by its route template (`/events/{event}`,
/// never the path, which may hold a registrant's token), except scrapes of `/metrics`.
pub async fn track_requests(request: Request, next: Next) -> Response {
    let route = match request.extensions().get::<MatchedPath>() {
        Some(path) if path.as_str() == "/metrics" => return next.run(request).await,
        Some(path) => path.as_str().to_owned(),
        None => "unmatched".to_owned(),
    };
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    metrics::histogram!(REQUEST_SECONDS, "method" => method, "route" => route.clone())
        .record(started.elapsed().as_secs_f64());
    metrics::counter!(
        REQUESTS,
        "method" => method,
        "route" => route,
        "status" => response.status().as_str().to_owned()
    )
    .increment(1);
    response
}

/// The method as a label; any other than the usual ones counts as `other`, so that a
/// client cannot add label values at will.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// `GET /metrics`, outside the API and its OpenAPI document.
pub fn routes() -> Router<AppState> {
    Router::new().route("/metrics", axum::routing::get(scrape))
}

/// The metrics, for an admin (401 anonymous, 403 others) unless `metrics.public`.
#[tracing::instrument(skip_all, err(level = "debug"))]
async fn scrape(State(state): State<AppState>, request: Request) -> AppResult<Response> {
    if !state.settings.metrics.public {
        let (mut parts, _) = request.into_parts();
        let caller = CurrentUser::from_request_parts(&mut parts, &state)
            .await?
            .require()?;
        if caller.role != Role::Admin {
            return Err(AppError::Forbidden(
                "only admins may read the metrics".into(),
            ));
        }
    }
    let text = state
        .metrics
        .render(&state.db, state.settings.database.max_connections)
        .await?;
    Ok(([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusual_methods_share_one_label() {
        assert_eq!(method_label(&Method::GET), "GET");
        assert_eq!(method_label(&Method::from_bytes(b"BREW").unwrap()), "other");
    }
}
