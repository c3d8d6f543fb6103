//! Public reads served from rendered bytes. An anonymous GET (no credentials, no cookie
//! but a visitor's form token) answered 200 is kept, with the content version it was
//! rendered under ([`crate::db::Db::content_version`], which the database counts up with
//! every change to what public answers are made from), and served again while that
//! version stands: a request that may write reads the version again before its answer
//! leaves, so its change shows at once; changes made by another process on the same
//! database, or by this one's background work (mail, reminders), within [`POLL`]. Entries also
//! expire after [`MAX_AGE`], for what depends on the time of day (registration closing
//! when an event ends, "upcoming" lists).
//!
//! Each kept answer carries a strong `ETag`; `If-None-Match` gets 304 without rendering.
//! Text answers are compressed once per version (brotli, else gzip, as the client
//! accepts) rather than on every request.
//!
//! A page holds the visitor's form token (the CSRF token of its forms, which
//! `web::pages::page_cookies` gives each visitor in a cookie). A page is kept with the
//! token cut out, and each visitor gets it back with their own token put in (a new one,
//! with its cookie, for a first visit); such pages carry no `ETag`, and their gzip is
//! put together from the parts around the token, each compressed once ([`spliced`]).

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
use crate::web::pages::{CSRF_COOKIE, csrf_cookie};

mod spliced;
use spliced::Spliced;

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
/// Where the public reads are: the home page and the paths starting with these. Not
/// among them: pages reached by a personal link (registrations, invitations, accounts),
/// sign-in and membership forms, and what reports on the server itself.
const PUBLIC_PREFIXES: &[&str] = &[
    "/events",
    "/sessions",
    "/series",
    "/documents",
    "/feeds/",
    "/static/",
    "/favicon.ico",
    "/api/openapi.json",
    "/api/v1/events",
    "/api/v1/sessions",
    "/api/v1/series",
    "/api/v1/organizations",
];

fn public_path(path: &str) -> bool {
    path == "/"
        || PUBLIC_PREFIXES
            .iter()
            .any(|prefix| path.starts_with(prefix))
}

/// The kept answers of one process.
#[derive(Default)]
pub struct PublicCache {
    entries: Mutex<Entries>,
    /// The answers being rendered, by key: a request for one waits for it, then serves
    /// what it kept, so that an answer that expired or changed is rendered once and not
    /// by every client asking at that moment (32 renders of a report at once took as
    /// many times its memory).
    rendering: Mutex<HashMap<String, Arc<RenderLock>>>,
    /// Shared requests that were rendered rather than served from a kept answer.
    renders: std::sync::atomic::AtomicU64,
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
    /// A page's bytes around the places of the visitor's form token, when it is a page.
    page: Option<Page>,
}

/// A page with forms: its bytes around the places of the visitor's form token, and those
/// parts compressed once, to be put together around each visitor's token.
struct Page {
    parts: Vec<Bytes>,
    gzip: OnceLock<Spliced>,
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
    /// The best encoding the client accepts.
    fn accepted(headers: &HeaderMap) -> Self {
        if takes(headers, "br") {
            Self::Brotli
        } else if takes(headers, "gzip") {
            Self::Gzip
        } else {
            Self::Identity
        }
    }
}

/// Whether the client accepts the content coding `name` (`q=0` refuses it).
fn takes(headers: &HeaderMap, name: &str) -> bool {
    let Some(accepted) = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
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
    /// already holds that body; a page with the visitor's own form token.
    fn answer(&self, request: &HeaderMap, visitor: &Visitor, secure: bool) -> Response {
        if let Some(page) = &self.page {
            return self.page_for(page, request, visitor, secure);
        }
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

impl Entry {
    /// A kept page for one visitor: their form token put back (a new one, and its cookie,
    /// on a first visit), compressed as they accept: gzip put together from the parts
    /// compressed once, brotli (for a client taking only that) compressed now.
    fn page_for(
        &self,
        page: &Page,
        request: &HeaderMap,
        visitor: &Visitor,
        secure: bool,
    ) -> Response {
        let mut headers = self.headers.clone();
        let token = match visitor {
            Visitor::WithToken(token) => token.clone(),
            Visitor::New => {
                let Ok(token) = crate::accounts::new_token() else {
                    return StatusCode::SERVICE_UNAVAILABLE.into_response();
                };
                if let Some(cookie) = csrf_cookie(&token, secure) {
                    headers.append(header::SET_COOKIE, cookie);
                }
                token
            }
        };
        headers.insert(
            header::VARY,
            HeaderValue::from_static("accept-encoding, accept-language, cookie"),
        );
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
        let body = if self.compressible && takes(request, "gzip") {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            page.gzip
                .get_or_init(|| Spliced::new(&page.parts, 6))
                .with(&token)
        } else {
            let body = page.parts.join(token.as_bytes());
            if self.compressible && takes(request, "br") {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                compress_brotli(&body, 1)
            } else {
                Bytes::from(body)
            }
        };
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        let mut response = Response::new(Body::from(body));
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

/// Brotli for a kept answer, compressed once per version: quality 9 within a window the
/// size of the body, and 7 past 64 KiB, where 9 would take a 16 MiB match finder for each
/// body being compressed (7 takes 4 MiB, for a few per cent more bytes).
fn brotli(body: &[u8]) -> Bytes {
    compress_brotli(body, if body.len() <= 1 << 16 { 9 } else { 7 })
}

fn compress_brotli(body: &[u8], quality: i32) -> Bytes {
    let mut out = Vec::new();
    // The smallest window holding the whole body (brotli's are 2^16 to 2^22 bytes): a
    // larger one finds nothing more and takes more memory.
    let lgwin = (usize::BITS - body.len().max(1).leading_zeros()).clamp(16, 22) as i32;
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin,
        size_hint: body.len(),
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

    /// The lock of `key`'s rendering, shared by every request for it meanwhile.
    fn rendering(&self, key: &str) -> Option<Arc<RenderLock>> {
        let mut rendering = self.rendering.lock().ok()?;
        Some(rendering.entry(key.to_string()).or_default().clone())
    }

    /// How many shared requests were rendered rather than served from a kept answer.
    pub fn renders(&self) -> u64 {
        self.renders.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Forgets `key`'s rendering lock once no request holds or waits for it.
    fn rendered(&self, key: &str, lock: &Arc<RenderLock>) {
        if let Ok(mut rendering) = self.rendering.lock() {
            // The map's reference and `lock`: nobody else.
            if Arc::strong_count(lock) <= 2 {
                rendering.remove(key);
            }
        }
    }

    /// How many keys have a rendering lock (for tests: none once every request is done).
    pub fn rendering_keys(&self) -> usize {
        self.rendering.lock().map(|r| r.len()).unwrap_or(0)
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
}

/// The lock of one key's rendering. It holds whether the last rendering under it kept
/// nothing (a 404, a streamed file, an answer too large): then those waiting render at
/// once, side by side, rather than one after the other.
#[derive(Default)]
struct RenderLock(tokio::sync::Mutex<bool>);

/// How long a request waits for another's rendering of the same answer before rendering
/// it itself.
const RENDER_WAIT: Duration = Duration::from_secs(10);

/// A request's share of a key's rendering lock: the lock is forgotten when the last
/// request for the key is done, also when one is dropped midway (a client gone).
struct Turn {
    cache: Arc<PublicCache>,
    key: String,
    lock: Arc<RenderLock>,
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.cache.rendered(&self.key, &self.lock);
    }
}

/// Who asks a shared question: a first-time visitor, or one with a form token.
enum Visitor {
    New,
    WithToken(String),
}

/// A request whose answer may be shared by everyone: a GET of a public read without
/// credentials, whose only cookie (if any) is a well-formed form token.
fn shared(request: &Request) -> Option<Visitor> {
    if request.method() != Method::GET
        || request.headers().contains_key(header::AUTHORIZATION)
        || !public_path(request.uri().path())
    {
        return None;
    }
    let mut visitor = Visitor::New;
    for value in request.headers().get_all(header::COOKIE) {
        for pair in value.to_str().ok()?.split(';') {
            let (name, value) = pair.trim().split_once('=')?;
            if name != CSRF_COOKIE
                || !well_formed(value)
                || matches!(visitor, Visitor::WithToken(_))
            {
                return None;
            }
            visitor = Visitor::WithToken(value.to_string());
        }
    }
    Some(visitor)
}

/// A form token as `accounts::new_secret` makes them (43 URL-safe base64 characters):
/// only such a token is put into a kept page, so a cookie cannot write into it.
fn well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The form token a page was rendered with: the one its answer gives in a cookie (a
/// first visit), else the visitor's. `None`: the answer sets another cookie too.
fn page_token(response: &Response, visitor: &Visitor) -> Option<Option<String>> {
    let mut given = None;
    for cookie in response.headers().get_all(header::SET_COOKIE) {
        let value = cookie.to_str().ok()?;
        let token = value
            .strip_prefix(CSRF_COOKIE)
            .and_then(|rest| rest.strip_prefix('='))
            .and_then(|rest| rest.split(';').next())?;
        given = Some(token.to_string());
    }
    Some(given.or(match visitor {
        Visitor::WithToken(token) => Some(token.clone()),
        Visitor::New => None,
    }))
}

fn is_page(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// An answer that may be kept: 200, without a wish not to be stored, of a known size
/// within the limit; a cookie only on a page, and only its form token.
fn keepable(response: &Response) -> bool {
    let headers = response.headers();
    let no_store = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store") || v.contains("private"));
    response.status() == StatusCode::OK
        && (is_page(headers) || !headers.contains_key(header::SET_COOKIE))
        && !headers.contains_key(header::CONTENT_ENCODING)
        && !no_store
        && axum::body::HttpBody::size_hint(response.body())
            .exact()
            .is_some_and(|n| n as usize <= MAX_ENTRY)
}

/// A page's bytes cut at each place of `token`.
fn cut(body: &Bytes, token: Option<&str>) -> Vec<Bytes> {
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return vec![body.clone()];
    };
    let needle = token.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at + needle.len() <= body.len() {
        if &body[at..at + needle.len()] == needle {
            parts.push(body.slice(start..at));
            at += needle.len();
            start = at;
        } else {
            at += 1;
        }
    }
    parts.push(body.slice(start..));
    parts
}

/// The middleware: serves shared GETs from what was kept, keeps what it renders for them,
/// and reads the content version again after any request that may have written.
pub async fn public_reads(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(visitor) = shared(&request) else {
        let may_write = !matches!(
            *request.method(),
            Method::GET | Method::HEAD | Method::OPTIONS
        );
        let response = next.run(request).await;
        if may_write {
            state.db.refresh_content_version().await;
        }
        return response;
    };
    let version = state.db.content_version();
    if version == 0 {
        return next.run(request).await;
    }
    let secure = state.settings.server.secure_cookies;
    // A page is kept once per language of the interface (which the browser's
    // Accept-Language chooses, or `?lang=`, part of the query).
    let key = format!(
        "{}|{}",
        crate::i18n::of_request(&request).as_str(),
        request
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or_default()
    );
    if let Some(entry) = state.public_cache.get(&key).filter(|e| e.fresh(version)) {
        return entry.answer(request.headers(), &visitor, secure);
    }
    let Some(lock) = state.public_cache.rendering(&key) else {
        return next.run(request).await;
    };
    let turn = Turn {
        cache: state.public_cache.clone(),
        key: key.clone(),
        lock,
    };
    let mut guard = tokio::time::timeout(RENDER_WAIT, turn.lock.0.lock())
        .await
        .ok();
    // Rendered by the request this one waited for?
    let version = state.db.content_version();
    if let Some(entry) = state.public_cache.get(&key).filter(|e| e.fresh(version)) {
        return entry.answer(request.headers(), &visitor, secure);
    }
    // What the last rendering gave could not be kept: no reason to wait in line.
    if guard.as_deref().is_some_and(|unkept| *unkept) {
        guard = None;
    }
    let (response, kept) = render(&state, key, version, visitor, request, next).await;
    if let Some(unkept) = guard.as_deref_mut() {
        *unkept = !kept;
    }
    drop(guard);
    drop(turn);
    response
}

/// Renders a shared request's answer and keeps it when it may be kept; says whether it
/// was kept.
async fn render(
    state: &AppState,
    key: String,
    version: u64,
    visitor: Visitor,
    request: Request,
    next: Next,
) -> (Response, bool) {
    let secure = state.settings.server.secure_cookies;
    let headers = request.headers().clone();
    state
        .public_cache
        .renders
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let response = next.run(request).await;
    if !keepable(&response) {
        return (response, false);
    }
    let page = is_page(response.headers());
    let token = if page {
        match page_token(&response, &visitor) {
            Some(token) => token,
            None => return (response, false),
        }
    } else {
        None
    };
    let (mut parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_ENTRY).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR.into_response(), false);
    };
    let given = if page {
        parts.headers.remove(header::SET_COOKIE)
    } else {
        None
    };
    let compressible = compressible(&parts.headers) && body.len() >= COMPRESS_FROM;
    let entry = state.public_cache.keep(
        key,
        Entry {
            version,
            kept_at: Instant::now(),
            status: parts.status,
            headers: parts.headers,
            // A page without a form holds no token: everyone gets the same bytes.
            page: page
                .then(|| cut(&body, token.as_deref()))
                .filter(|parts| parts.len() > 1)
                .map(|parts| Page {
                    parts,
                    gzip: OnceLock::new(),
                }),
            identity: Variant::new(body, ""),
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            compressible,
        },
    );
    // The visitor who asked keeps the token the page was rendered with, and the cookie
    // that gives it to them when it is new.
    let Some(token) = token.filter(|_| page) else {
        return (entry.answer(&headers, &visitor, secure), true);
    };
    let mut answer = entry.answer(&headers, &Visitor::WithToken(token), secure);
    answer
        .headers_mut()
        .extend(given.into_iter().map(|c| (header::SET_COOKIE, c)));
    (answer, true)
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
