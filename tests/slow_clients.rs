//! Slow clients cannot hold the server: one that does not finish its request's headers is
//! disconnected after `server.header_timeout_seconds`, a request body that stalls is
//! refused after `server.body_timeout_seconds`, and no more than `server.max_connections`
//! connections are served at once (the next one is served when one closes). Runs the real
//! server loop on a local port.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use roundtable::app::Application;
use roundtable::config::Settings;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The server, with changed settings, serving until the returned sender is dropped.
async fn serve(
    change: impl FnOnce(&mut Settings),
) -> (
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::defaults().unwrap();
    settings.database.url = format!("sqlite://{}", dir.path().join("rt.db").display());
    settings.mail.url = format!("file://{}", dir.path().join("outbox").display());
    settings.server.bind = "127.0.0.1:0".into();
    change(&mut settings);
    let app = Application::build(settings).await.unwrap();
    let address = app.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    (address, stop, dir)
}

/// Reads until the server closes the connection or `within` passes; returns what was read
/// and whether the connection was closed.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> (String, bool) {
    let deadline = Instant::now() + within;
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return (String::from_utf8_lossy(&received).into(), true),
            Ok(Ok(n)) => received.extend_from_slice(&buffer[..n]),
            Err(_) => return (String::from_utf8_lossy(&received).into(), false),
        }
    }
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let (address, _stop, _dir) = serve(|s| s.server.header_timeout_seconds = 1).await;
    let mut slow = TcpStream::connect(address).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .unwrap();
    let (_, closed) = read_until_closed(&mut slow, Duration::from_secs(15)).await;
    assert!(closed, "the connection stayed open");

    // A client that sends its headers in time is served.
    let mut quick = TcpStream::connect(address).await.unwrap();
    quick
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (answer, _) = read_until_closed(&mut quick, Duration::from_secs(15)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_request_body_that_stalls_is_refused() {
    let (address, _stop, _dir) = serve(|s| s.server.body_timeout_seconds = 1).await;
    let mut slow = TcpStream::connect(address).await.unwrap();
    slow.write_all(
        b"POST /api/v1/people HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
          Content-Length: 100\r\nConnection: close\r\n\r\n{\"given_name\":",
    )
    .await
    .unwrap();
    let (answer, closed) = read_until_closed(&mut slow, Duration::from_secs(15)).await;
    assert!(
        closed,
        "the request is still waiting for its body: {answer}"
    );
    let status: u16 = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    assert!(
        answer.is_empty() || (400..500).contains(&status),
        "a stalled body is refused, not served or failed: {answer}"
    );
}

#[tokio::test]
async fn connections_beyond_the_limit_wait_until_one_closes() {
    let (address, _stop, _dir) = serve(|s| {
        s.server.max_connections = 2;
        s.server.header_timeout_seconds = 60;
    })
    .await;
    // Two idle connections take both places.
    let first = TcpStream::connect(address).await.unwrap();
    let _second = TcpStream::connect(address).await.unwrap();
    let mut third = TcpStream::connect(address).await.unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (answer, _) = read_until_closed(&mut third, Duration::from_millis(700)).await;
    assert!(answer.is_empty(), "served beyond the limit: {answer}");

    // One closes: the waiting request is served.
    drop(first);
    let (answer, _) = read_until_closed(&mut third, Duration::from_secs(15)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:?}");
}
