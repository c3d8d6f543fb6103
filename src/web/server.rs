//! The HTTP server's own loop, in place of `axum::serve`, for what that one does not
//! bound: a client has `server.header_timeout_seconds` to send its request's headers (a
//! slow one is disconnected), and at most `server.max_connections` connections are served
//! at once (further ones wait in the listening socket's queue until one closes); a
//! request body that pauses longer than `server.body_timeout_seconds` fails to read, and
//! the request is refused (400). Graceful shutdown lets the requests in flight finish.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;
use tower_http::timeout::TimeoutBody;

use crate::config::ServerSettings;

/// How long connections still open at shutdown get to finish their requests.
const DRAIN: Duration = Duration::from_secs(20);

/// The limits of [`serve`], from the server's settings.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub body_timeout: Duration,
    pub max_connections: usize,
}

impl Limits {
    pub fn of(settings: &ServerSettings) -> Self {
        Self {
            header_timeout: Duration::from_secs(settings.header_timeout_seconds.max(1)),
            body_timeout: Duration::from_secs(settings.body_timeout_seconds.max(1)),
            max_connections: settings.max_connections.max(1),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets the requests in
/// flight finish (for up to 20 seconds). Handlers see the client's address as
/// `ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        // A free slot first, so that a full server stops accepting rather than accepting
        // connections it will not serve.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, address) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    tracing::warn!(error = %err, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = router
            .clone()
            .map_request(move |request: axum::http::Request<Incoming>| {
                let mut request =
                    request.map(|body| Body::new(TimeoutBody::new(limits.body_timeout, body)));
                request.extensions_mut().insert(ConnectInfo(address));
                request
            });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(error = %err, client = %address, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("connections still open after 20 s of shutdown were closed");
    }
    Ok(())
}
