//! Public reads served from rendered bytes. An anonymous GET (no cookie, no credentials)
//! answered 200 without a cookie of its own is kept, with the content version it was
//! rendered under ([`crate::db::Db::content_version`], which the database counts up with
//! every change to what public answers are made from), and served again while that
//! version stands: at once after a change made by this process (a write transaction reads
//! the version again when it commits; so does any request that may write), and within
//! [`POLL`] after a change made by another process on the same database. Entries also
//! expire after [`MAX_AGE`], for what depends on the time of day (registration closing
//! when an event ends, "upcoming" lists).
//!
//! Each kept answer carries a strong `ETag`; `If-None-Match` gets 304 without rendering.
//! Text answers are compressed once per version (brotli, else gzip, as the client
//! accepts) rather than on every request.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::db::Db;

/// How often a process reads the content version for changes made by others.
pub const POLL: Duration = Duration::from_millis(250);
/// How long an answer is kept at most, whatever the version.
pub const MAX_AGE: Duration = Duration::from_secs(60);
/// The largest answer kept.
const MAX_ENTRY: usize = 4 * 1024 * 1024;
/// What all kept answers may weigh together; past it, the oldest go first.
const BUDGET: usize = 48 * 1024 * 1024;
/// Smaller answers are not worth compressing.
const COMPRESS_FROM: usize = 1024;
/// Paths never kept: they report on the server itself.
const NEVER: &[&str] = &["/healthz", "/metrics"];

/// The kept answers of one process.
#[derive(Default)]
pub struct PublicCache {
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    by_key: HashMap<String, Arc<Entry>>,
    weight: usize,
}

struct Entry {
    version: u64,
    kept_at: Instant,
    status: StatusCode,
    headers: HeaderMap,
    identity: Variant,
    gzip: OnceLock<Variant>,
    brotli: OnceLock<Variant>,
    compressible: bool,
}

struct Variant {
    body: Bytes,
    etag: HeaderValue,
}

impl Variant {
    fn new(body: Bytes, suffix: &str) -> Self {
        let digest = Sha256::digest(&body);
        let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        let etag = HeaderValue::from_str(&format!("\"{hex}{suffix}\""))
            .unwrap_or(HeaderValue::from_static("\"\""));
        Self { body, etag }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    /// The best encoding the client accepts (`q=0` refuses one).
    fn accepted(headers: &HeaderMap) -> Self {
        let Some(accepted) = headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
        else {
            return Self::Identity;
        };
        let takes = |name: &str| {
            accepted.split(',').any(|item| {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or("").trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                coding.eq_ignore_ascii_case(name) && !refused
            })
        };
        if takes("br") {
            Self::Brotli
        } else if takes("gzip") {
            Self::Gzip
        } else {
            Self::Identity
        }
    }
}

impl Entry {
    fn fresh(&self, version: u64) -> bool {
        self.version == version && self.kept_at.elapsed() < MAX_AGE
    }

    /// What the entry counts against the budget: its body, and as much again for the
    /// compressed variants it may come to hold (each smaller than the body).
    fn weight(&self) -> usize {
        self.identity.body.len() * 2
    }

    fn variant(&self, encoding: Encoding) -> (&Variant, Option<&'static str>) {
        if !self.compressible {
            return (&self.identity, None);
        }
        match encoding {
            Encoding::Identity => (&self.identity, None),
            Encoding::Gzip => (
                self.gzip
                    .get_or_init(|| Variant::new(gzip(&self.identity.body), "-gzip")),
                Some("gzip"),
            ),
            Encoding::Brotli => (
                self.brotli
                    .get_or_init(|| Variant::new(brotli(&self.identity.body), "-br")),
                Some("br"),
            ),
        }
    }

    /// The answer to a request: the body in the encoding it accepts, or 304 when it
    /// already holds that body.
    fn answer(&self, request: &HeaderMap) -> Response {
        let (variant, coding) = self.variant(Encoding::accepted(request));
        let mut headers = self.headers.clone();
        headers.insert(header::ETAG, variant.etag.clone());
        if self.compressible {
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        if let Some(coding) = coding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        if holds(request, &variant.etag) {
            headers.remove(header::CONTENT_LENGTH);
            headers.remove(header::CONTENT_TYPE);
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            response.headers_mut().extend(headers);
            return response;
        }
        headers.insert(
            header::CONTENT_LENGTH,
            HeaderValue::from(variant.body.len()),
        );
        let mut response = Response::new(Body::from(variant.body.clone()));
        *response.status_mut() = self.status;
        *response.headers_mut() = headers;
        response
    }
}

/// Whether `If-None-Match` names this entity tag (or `*`).
fn holds(request: &HeaderMap, etag: &HeaderValue) -> bool {
    let Some(tags) = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let etag = etag.to_str().unwrap_or("");
    tags.split(',').any(|tag| {
        let tag = tag.trim();
        tag == "*" || tag.trim_start_matches("W/") == etag
    })
}

fn gzip(body: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = encoder.write_all(body);
    encoder.finish().map(Bytes::from).unwrap_or_default()
}

fn brotli(body: &[u8]) -> Bytes {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    Bytes::from(out)
}

/// Text that gains from compression; PDFs and images are compressed already.
fn compressible(headers: &HeaderMap) -> bool {
    let Some(kind) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let kind = kind.to_ascii_lowercase();
    kind.starts_with("text/")
        || kind.starts_with("application/json")
        || kind.starts_with("application/problem+json")
        || kind.starts_with("application/xml")
        || kind.starts_with("application/atom+xml")
        || kind.starts_with("application/javascript")
        || kind.starts_with("image/svg+xml")
}

impl PublicCache {
    fn get(&self, key: &str) -> Option<Arc<Entry>> {
        self.entries.lock().ok()?.by_key.get(key).cloned()
    }

    fn keep(&self, key: String, entry: Entry) -> Arc<Entry> {
        let entry = Arc::new(entry);
        if let Ok(mut entries) = self.entries.lock() {
            let weight = entry.weight();
            if let Some(old) = entries.by_key.insert(key, entry.clone()) {
                entries.weight = entries.weight.saturating_sub(old.weight());
            }
            entries.weight += weight;
            if entries.weight > BUDGET {
                let mut by_age: Vec<(Instant, String)> = entries
                    .by_key
                    .iter()
                    .map(|(k, e)| (e.kept_at, k.clone()))
                    .collect();
                by_age.sort();
                for (_, key) in by_age {
                    if entries.weight <= BUDGET / 2 {
                        break;
                    }
                    if let Some(old) = entries.by_key.remove(&key) {
                        entries.weight = entries.weight.saturating_sub(old.weight());
                    }
                }
            }
        }
        entry
    }

    /// How many answers are kept.
    pub fn len(&self) -> usize {
        self.entries.lock().map(|e| e.by_key.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A request whose answer may be shared by everyone: a GET with neither cookie nor
/// credentials, on a path that reports nothing about the server itself.
fn shared(request: &Request) -> bool {
    request.method() == Method::GET
        && !request.headers().contains_key(header::COOKIE)
        && !request.headers().contains_key(header::AUTHORIZATION)
        && !NEVER.contains(&request.uri().path())
}

/// An answer that may be kept: 200, without a cookie or a wish not to be stored, of a
/// known size within the limit.
fn keepable(response: &Response) -> bool {
    let headers = response.headers();
    let no_store = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store") || v.contains("private"));
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && !no_store
        && axum::body::HttpBody::size_hint(response.body())
            .exact()
            .is_some_and(|n| n as usize <= MAX_ENTRY)
}

/// The middleware: serves shared GETs from what was kept, keeps what it renders for them,
/// and reads the content version again after any request that may have written.
pub async fn public_reads(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !shared(&request) {
        let may_write = !matches!(
            *request.method(),
            Method::GET | Method::HEAD | Method::OPTIONS
        );
        let response = next.run(request).await;
        if may_write {
            state.db.refresh_content_version().await;
        }
        return response;
    }
    let version = state.db.content_version();
    if version == 0 {
        return next.run(request).await;
    }
    let key = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let headers = request.headers().clone();
    if let Some(entry) = state.public_cache.get(&key).filter(|e| e.fresh(version)) {
        return entry.answer(&headers);
    }
    let response = next.run(request).await;
    if !keepable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_ENTRY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let compressible = compressible(&parts.headers) && body.len() >= COMPRESS_FROM;
    let entry = state.public_cache.keep(
        key,
        Entry {
            version,
            kept_at: Instant::now(),
            status: parts.status,
            headers: parts.headers,
            identity: Variant::new(body, ""),
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            compressible,
        },
    );
    entry.answer(&headers)
}

/// Reads the content version every [`POLL`] until `stop` turns true, so that changes
/// made by other processes on the same database show within that time.
pub async fn follow_content_version(db: Db, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        db.refresh_content_version().await;
        tokio::select! {
            _ = tokio::time::sleep(POLL) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn the_best_accepted_encoding_is_chosen_and_q_zero_refuses() {
        assert!(Encoding::accepted(&accepting("gzip, deflate, br, zstd")) == Encoding::Brotli);
        assert!(Encoding::accepted(&accepting("gzip")) == Encoding::Gzip);
        assert!(Encoding::accepted(&accepting("br;q=0, gzip")) == Encoding::Gzip);
        assert!(Encoding::accepted(&accepting("identity")) == Encoding::Identity);
        assert!(Encoding::accepted(&HeaderMap::new()) == Encoding::Identity);
    }

    #[test]
    fn if_none_match_holds_the_tag_weak_or_strong_or_any() {
        let etag = HeaderValue::from_static("\"abc\"");
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"x\", W/\"abc\""),
        );
        assert!(holds(&headers, &etag));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"x\""));
        assert!(!holds(&headers, &etag));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(holds(&headers, &etag));
    }
}
