//! Builds the application: shared state, every capability's routes, the OpenAPI
//! document, and the HTTP layers (request ids, tracing, panics, body limits). Tests start
//! exactly what `roundtable serve` starts.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::config::Settings;
use crate::db::Db;
use crate::error::AppError;
use crate::web::limiter::Limiter;

/// What every request handler may use. Cloned for each request (and by each layer that
/// takes it), so it is one reference-counted pointer to [`Shared`].
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub registration_limiter: Arc<Limiter>,
    /// Public forms other than registration (membership applications, password resets).
    pub form_limiter: Arc<Limiter>,
    pub metrics: crate::operations::metrics::Metrics,
    /// Public answers kept rendered (`web::cache`).
    pub public_cache: Arc<crate::web::cache::PublicCache>,
    /// Registrations arriving together, registered together.
    pub registrar: Arc<crate::registrations::batch::Registrar>,
    /// Where uploaded files are kept (`storage.url`).
    pub files: crate::documents::storage::Files,
}

impl AppState {
    pub fn new(db: Db, settings: Arc<Settings>) -> Self {
        let limiter = Limiter::new(settings.registration.per_address_per_minute);
        let form_limiter = Limiter::new(settings.registration.per_address_per_minute.min(20));
        Self(Arc::new(Shared {
            db,
            registration_limiter: Arc::new(limiter),
            form_limiter: Arc::new(form_limiter),
            metrics: crate::operations::metrics::Metrics::installed(),
            public_cache: Arc::default(),
            registrar: Arc::default(),
            // `Application::build` refuses a store that does not open; a library user
            // who builds the state directly gets one in memory, and is told.
            files: crate::documents::storage::Files::open(&settings.storage.url)
                .unwrap_or_else(|err| {
                    tracing::error!(error = %err, "the file store did not open; files are kept in memory");
                    crate::documents::storage::Files::memory()
                }),
            settings,
        }))
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Roundtable",
        description = "Conferences and roundtable series for coalitions of NGOs, governments and international bodies."
    ),
    components(schemas(crate::error::Problem, crate::error::FieldError)),
    modifiers(&SecuritySchemes),
    security(("bearer" = []), ("session_cookie" = []))
)]
struct ApiDoc;

struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::web::auth::SESSION_COOKIE,
            ))),
        );
    }
}

/// Every route of the application with its OpenAPI description.
fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(healthz))
        .merge(crate::accounts::api::routes())
        .merge(crate::members::api::routes())
        .merge(crate::directory::api::routes())
        .merge(crate::events::api::routes())
        .merge(crate::audit::api::routes())
        .merge(crate::invitations::api::routes())
        .merge(crate::mail::api::routes())
        .merge(crate::registrations::api::routes())
        .merge(crate::attendance::api::routes())
        .merge(crate::visas::api::routes())
        .merge(crate::calendar::api::routes())
        .merge(crate::summaries::api::routes())
        .merge(crate::reports::api::routes())
        .merge(crate::documents::api::routes())
        .merge(crate::search::api::routes())
        .merge(crate::recommendations::api::routes())
}

/// The OpenAPI document, generated from the route annotations and made true to the
/// server by [`crate::web::openapi`].
pub fn openapi() -> serde_json::Value {
    let (_, mut api) = api_router().split_for_parts();
    api.paths.paths.insert(
        "/api/openapi.json".into(),
        utoipa::openapi::path::PathItem::new(
            utoipa::openapi::HttpMethod::Get,
            utoipa::openapi::path::OperationBuilder::new()
                .summary(Some("This document"))
                .response(
                    "200",
                    utoipa::openapi::Response::new("The OpenAPI document"),
                ),
        ),
    );
    let mut document = serde_json::to_value(&api).unwrap_or_default();
    crate::web::openapi::make_true(&mut document);
    document
}

/// What pages may load: their own script, style and images, nothing framed from or into
/// another site (a message's HTML is shown in a sandboxed frame of its own). Style
/// attributes are allowed: templates use a few, and they carry no script.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; \
     frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; \
     object-src 'none'";

pub fn router(state: AppState) -> Router {
    let (api, _) = api_router().split_for_parts();
    let document = Arc::new(openapi());
    let request_id = HeaderName::from_static("x-request-id");
    api.route(
        "/api/openapi.json",
        axum::routing::get(move || {
            let document = document.clone();
            async move { axum::Json(document.as_ref().clone()) }
        }),
    )
    .merge(crate::site::routes())
    .merge(crate::documents::pages::routes())
    .merge(crate::documents::workspace::routes())
    .merge(crate::search::pages::routes())
    .merge(crate::directory::pages::routes())
    .merge(crate::recommendations::pages::routes())
    .merge(crate::recommendations::workspace::routes())
    .merge(crate::events::pages::routes())
    .merge(crate::accounts::pages::routes())
    .merge(crate::accounts::workspace::routes())
    .merge(crate::members::pages::routes())
    .merge(crate::dashboard::routes())
    .merge(crate::events::workspace::routes())
    .merge(crate::events::session_workspace::routes())
    .merge(crate::events::translations::routes())
    .merge(crate::directory::workspace::routes())
    .merge(crate::invitations::pages::routes())
    .merge(crate::mail::pages::routes())
    .merge(crate::registrations::pages::routes())
    .merge(crate::attendance::pages::routes())
    .merge(crate::attendance::record_pages::routes())
    .merge(crate::attendance::printables::routes())
    .merge(crate::visas::pages::routes())
    .merge(crate::calendar::pages::routes())
    .merge(crate::summaries::pages::routes())
    .merge(crate::reports::pages::routes())
    .merge(crate::operations::metrics::routes())
    .fallback(not_found)
    .layer(axum::middleware::from_fn_with_state(state.clone(), crate::web::pages::page_cookies))
    .layer(axum::middleware::from_fn(crate::web::refusals::refusals))
    .layer(SetResponseHeaderLayer::if_not_present(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    ))
    .layer(SetResponseHeaderLayer::if_not_present(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("DENY"),
    ))
    .layer(SetResponseHeaderLayer::if_not_present(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ))
    .layer(SetResponseHeaderLayer::if_not_present(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    ))
    .layer(axum::middleware::from_fn_with_state(
        state.clone(),
        crate::web::cache::public_reads,
    ))
    // The request's language, for what is said outside pages; `?lang=` remembered.
    .layer(axum::middleware::from_fn(crate::i18n::remember))
    .with_state(state)
    .layer(CatchPanicLayer::custom(|_| {
        AppError::Internal(anyhow::anyhow!("a request handler panicked")).into_response()
    }))
    // What the public read cache has not compressed already (answers for someone signed
    // in, organizers' JSON): brotli or gzip as accepted, at fast settings since it is
    // done for each answer; PDFs and images are compressed by nature.
    .layer(
        CompressionLayer::new()
            .quality(CompressionLevel::Fastest)
            .compress_when(
                DefaultPredicate::new().and(NotForContentType::const_new("application/pdf")),
            ),
    )
    .layer(axum::middleware::from_fn(crate::operations::metrics::track_requests))
    .layer(
        TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let id = request
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), path = %loggable_path(request.uri().path()), request_id = %id)
        }),
    )
    .layer(PropagateRequestIdLayer::new(request_id.clone()))
    .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

/// A path as logged: the secret tokens of feeds, invitations, account links and
/// registrations are left out, since whoever reads the logs should not be able to answer
/// for someone, read their feed or cancel their place.
pub fn loggable_path(path: &str) -> String {
    for prefix in [
        "/feeds/",
        "/invitations/",
        "/account/setup/",
        "/account/reset/",
        "/api/v1/auth/setup/",
        "/api/v1/auth/password-reset/",
        "/registrations/",
    ] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find(['/', '.']).map_or("", |i| &rest[i..]);
            return format!("{prefix}[token]{tail}");
        }
    }
    path.to_string()
}

/// Unknown paths: problem+json under `/api`, the 404 page elsewhere.
async fn not_found(State(state): State<AppState>, request: Request) -> Response {
    use axum::extract::FromRequestParts;
    if request.uri().path().starts_with("/api/") {
        return AppError::NotFound("resource").into_response();
    }
    let (mut parts, _) = request.into_parts();
    let ctx = crate::web::pages::Ctx::from_request_parts(&mut parts, &state)
        .await
        .unwrap_or_default();
    crate::web::pages::not_found(ctx)
}

/// 200 when the database answers.
#[utoipa::path(get, path = "/healthz", tag = "health",
    responses((status = 200, description = "The server and its database are up"),
        (status = 503, description = "The database cannot be reached")))]
async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain")], "ok").into_response(),
        Err(err) => {
            tracing::error!(error = %err, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

/// A running server: the application bound to its address.
pub struct Application {
    listener: TcpListener,
    router: Router,
    worker: crate::mail::worker::Worker,
    db: Db,
    settings: Arc<Settings>,
}

/// Chores of `serve` besides mail, every minute: release registrations whose
/// re-confirmation deadline passed, erase what the retention period no longer keeps
/// ([`crate::privacy`]), and remind rapporteurs of summaries due or overdue.
async fn housekeeping(
    db: Db,
    settings: Arc<Settings>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        match crate::registrations::reconfirm::release_overdue(&db, &settings).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                released = n,
                "registrations released after their re-confirmation deadline"
            ),
            Err(err) => tracing::error!(error = %err, "housekeeping failed"),
        }
        match crate::privacy::purge(&db, &settings, chrono::Utc::now(), false).await {
            Ok(erased) => {
                for line in erased {
                    tracing::info!(%line, "erased after the retention period");
                }
            }
            Err(err) => tracing::error!(error = %err, "erasing after the retention period failed"),
        }
        match crate::summaries::reminders::send_due(&db, &settings, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(mails = n, "rapporteurs reminded of their summaries"),
            Err(err) => tracing::error!(error = %err, "summary reminders failed"),
        }
        match crate::recommendations::reminders::send_due(&db, &settings, chrono::Utc::now()).await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(mails = n, "recommendation reviews and digests queued"),
            Err(err) => tracing::error!(error = %err, "recommendation reminders failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
    }
}

impl Application {
    /// Connects to (and migrates) the database and binds the configured address.
    /// Links use the address bound when no public URL is configured.
    pub async fn build(mut settings: Settings) -> anyhow::Result<Self> {
        // Passport details are never stored in clear: no key, no start.
        settings.visa_letters.sealing_key()?;
        // Uploaded files must have somewhere to go.
        crate::documents::storage::Files::open(&settings.storage.url)?;
        let db = Db::connect(&settings.database).await?;
        db.migrate().await?;
        let listener = TcpListener::bind(&settings.server.bind)
            .await
            .map_err(|err| anyhow::anyhow!("cannot listen on {}: {err}", settings.server.bind))?;
        settings.resolve_public_url(Some(listener.local_addr()?));
        let settings = Arc::new(settings);
        let state = AppState::new(db.clone(), settings.clone());
        let mut worker = crate::mail::worker::Worker::new(db.clone(), settings.clone())?;
        worker.wake_on(db.mail_wakeup());
        Ok(Self {
            listener,
            router: router(state),
            worker,
            db,
            settings,
        })
    }

    pub fn local_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.listener.local_addr()
    }

    /// The settings the server runs with (its public URL resolved).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Serves (and delivers mail) until `shutdown` completes, then lets requests in
    /// flight and the message being sent finish.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let housekeeping = tokio::spawn(housekeeping(
            self.db.clone(),
            self.settings.clone(),
            stopped.clone(),
        ));
        let backups = tokio::spawn(crate::operations::backup::keep_daily(
            self.db.clone(),
            self.settings.clone(),
            stopped.clone(),
        ));
        let versions = tokio::spawn(crate::web::cache::follow_content_version(
            self.db.clone(),
            stopped.clone(),
        ));
        let search = tokio::spawn(crate::search::index::keep(self.db.clone(), stopped.clone()));
        let worker = tokio::spawn(self.worker.run(stopped));
        let limits = crate::web::server::Limits::of(&self.settings.server);
        crate::web::server::serve(self.listener, self.router, limits, shutdown).await?;
        let _ = stop.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(20), worker).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), housekeeping).await;
        let _ = tokio::time::timeout(Duration::from_secs(1), versions).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), search).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), backups).await;
        Ok(())
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down; finishing requests in flight");
    // Give requests in flight a bounded time.
    tokio::spawn(async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        tracing::warn!("requests still in flight after 30 s; exiting");
        std::process::exit(0);
    });
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn secret_tokens_stay_out_of_the_logs() {
        assert_eq!(loggable_path("/feeds/abcDEF123.ics"), "/feeds/[token].ics");
        assert_eq!(
            loggable_path("/invitations/abc/accept"),
            "/invitations/[token]/accept"
        );
        assert_eq!(loggable_path("/invitations/abc"), "/invitations/[token]");
        assert_eq!(
            loggable_path("/registrations/abc/cancel"),
            "/registrations/[token]/cancel"
        );
        assert_eq!(
            loggable_path("/api/v1/registrations/12/approve"),
            "/api/v1/registrations/12/approve"
        );
        assert_eq!(
            loggable_path("/account/setup/secret"),
            "/account/setup/[token]"
        );
        assert_eq!(
            loggable_path("/api/v1/auth/password-reset/secret"),
            "/api/v1/auth/password-reset/[token]"
        );
        assert_eq!(loggable_path("/events/x"), "/events/x");
    }
}
