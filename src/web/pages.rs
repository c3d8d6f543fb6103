//! Shared plumbing of the HTML pages: the context every page renders with (who is signed
//! in, the CSRF token for its forms, a one-time confirmation message), form bodies checked
//! against CSRF, redirects that carry a confirmation, and error pages.

use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::auth::{Actor, CurrentUser};
use crate::accounts::new_token;
use crate::app::AppState;
use crate::error::{AppError, FieldError};

pub const CSRF_COOKIE: &str = "roundtable_csrf";
pub const FLASH_COOKIE: &str = "roundtable_flash";
pub const CSRF_FIELD: &str = "_csrf";

/// What every page needs: the signed-in user, the CSRF token, a confirmation message.
#[derive(Clone, Debug, Default)]
pub struct Ctx {
    pub user: Option<Actor>,
    pub csrf: String,
    pub flash: Option<String>,
    /// The path of this page, for "sign in and come back".
    pub path: String,
    /// The language of the interface ([`crate::i18n::negotiate`]).
    pub lang: crate::i18n::Language,
    /// The query string, for the language chooser's links.
    pub query: String,
}

impl Ctx {
    /// A message of the interface in the page's language.
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    /// A message with one text argument: `ctx.t1("event-times-shown-in", "zone", zone)`.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        crate::i18n::t_texts(self.lang, id, &[(name, value)])
    }

    /// A message with numbers: `ctx.tn("report-preview-edition-note", &[("count", 2)])`.
    pub fn tn(&self, id: &str, args: &[(&'static str, i64)]) -> String {
        let args: Vec<_> = args.iter().map(|(n, v)| (*n, (*v).into())).collect();
        crate::i18n::t_args(self.lang, id, &args)
    }

    /// A message counting `count` things (the message's `$count`).
    pub fn count(&self, id: &str, count: impl std::borrow::Borrow<usize>) -> String {
        crate::i18n::t_args(self.lang, id, &[("count", (*count.borrow()).into())])
    }

    /// What the pages' script says, in the page's language (JSON).
    pub fn script_messages(&self) -> &'static str {
        crate::i18n::script_messages(self.lang)
    }

    /// A language's name in a sentence of the page ("Spanish", "espagnol", "español").
    pub fn language_name(&self, code: &str) -> String {
        self.term("language-name", code)
    }

    /// A participant's role in the page's language ("Speaker", "Ponente").
    pub fn role(&self, role: &str) -> String {
        crate::i18n::role(self.lang, role, 1)
    }

    /// A value of a vocabulary in the page's language (the message `<kind>-<value>`).
    pub fn term(&self, kind: &str, value: &str) -> String {
        crate::i18n::term(self.lang, kind, value)
    }

    /// The languages of the interface for the chooser: code, name, this page in that
    /// language, whether it is the page's.
    pub fn languages(&self) -> Vec<(&'static str, &'static str, String, bool)> {
        crate::i18n::Language::ALL
            .iter()
            .map(|l| {
                let mut query = url::form_urlencoded::Serializer::new(String::new());
                for (name, value) in url::form_urlencoded::parse(self.query.as_bytes()) {
                    if name != "lang" {
                        query.append_pair(&name, &value);
                    }
                }
                query.append_pair("lang", l.as_str());
                (
                    l.as_str(),
                    l.label(),
                    format!("{}?{}", self.path, query.finish()),
                    *l == self.lang,
                )
            })
            .collect()
    }

    pub fn is_staff(&self) -> bool {
        self.user.as_ref().is_some_and(Actor::is_staff)
    }

    /// A rapporteur account: the layout links to their workspace.
    pub fn is_rapporteur(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role == crate::accounts::Role::Rapporteur)
    }

    pub fn user_name(&self) -> &str {
        self.user.as_ref().map_or("", |u| u.name.as_str())
    }
}

fn cookie(parts: &Parts, name: &str) -> Option<String> {
    super::auth::cookie(&parts.headers, name)
}

/// Whether a request is an HTML form's submission (rather than a program's call), for
/// the few routes that serve both.
pub fn is_form_submission(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// The CSRF token given to this request by [`page_cookies`].
#[derive(Clone)]
struct CsrfToken(String);

impl FromRequestParts<AppState> for Ctx {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let CurrentUser(user) = CurrentUser::from_request_parts(parts, state).await?;
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .or_else(|| cookie(parts, CSRF_COOKIE))
            .unwrap_or_default();
        let flash = cookie(parts, FLASH_COOKIE)
            .and_then(|text| {
                percent_encoding::percent_decode_str(&text)
                    .decode_utf8()
                    .ok()
                    .map(|t| t.into_owned())
            })
            .filter(|text| !text.is_empty());
        let lang = crate::i18n::negotiate(
            crate::i18n::query_language(parts.uri.query()).map(|l| l.as_str()),
            cookie(parts, crate::i18n::LANGUAGE_COOKIE).as_deref(),
            user.as_ref().and_then(|u| u.language),
            parts
                .headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        );
        let ctx = Self {
            user,
            csrf,
            flash,
            path: parts.uri.path().to_string(),
            lang,
            query: parts.uri.query().unwrap_or_default().to_string(),
        };
        // Remembered for the error page, should the handler fail after this.
        let _ = PAGE_CTX.try_with(|current| *current.borrow_mut() = Some(ctx.clone()));
        Ok(ctx)
    }
}

tokio::task_local! {
    /// The context of the page being served, so that an error page still shows who is
    /// signed in and keeps the CSRF token of its sign-out form.
    static PAGE_CTX: std::cell::RefCell<Option<Ctx>>;
}

fn current_ctx() -> Ctx {
    PAGE_CTX
        .try_with(|current| current.borrow().clone())
        .ok()
        .flatten()
        .unwrap_or_else(|| Ctx {
            // Before the page's context was read: the request's language.
            lang: crate::i18n::current(),
            ..Ctx::default()
        })
}

/// Gives every visitor a CSRF cookie, and clears a confirmation message once a page has
/// shown it.
/// The `Set-Cookie` value that gives a visitor their form token.
pub fn csrf_cookie(token: &str, secure: bool) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}"
    ))
    .ok()
}

pub async fn page_cookies(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let had_flash = cookie(&parts, FLASH_COOKIE).is_some();
    let mut given = None;
    if cookie(&parts, CSRF_COOKIE).is_none()
        && let Ok(token) = new_token()
    {
        parts.extensions.insert(CsrfToken(token.clone()));
        given = Some(token);
    }
    request = Request::from_parts(parts, body);
    let mut response = PAGE_CTX
        .scope(std::cell::RefCell::new(None), next.run(request))
        .await;
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if let Some(token) = given
        && is_page
        && let Some(value) = csrf_cookie(&token, state.settings.server.secure_cookies)
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    if had_flash && is_page {
        response.headers_mut().append(
            header::SET_COOKIE,
            HeaderValue::from_static("roundtable_flash=; Path=/; Max-Age=0; SameSite=Lax"),
        );
    }
    response
}

/// A redirect (303) that shows `message` on the next page.
pub fn redirect_with_flash(location: &str, message: &str) -> Response {
    // A location with control characters goes home instead: CR and LF cannot be sent in
    // a header, and browsers drop tabs, which would turn "/\t/host" into "//host".
    let location = if location.chars().any(char::is_control) {
        "/"
    } else {
        location
    };
    let mut response = Redirect::to(location).into_response();
    if let Some(value) = flash_cookie(message) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The `Set-Cookie` value that shows `message` on the next page (for answers that are
/// not a redirect, such as a page script's JSON).
pub fn flash_cookie(message: &str) -> Option<HeaderValue> {
    let encoded =
        percent_encoding::utf8_percent_encode(message, percent_encoding::NON_ALPHANUMERIC)
            .to_string();
    HeaderValue::from_str(&format!(
        "{FLASH_COOKIE}={encoded}; Path=/; SameSite=Lax; Max-Age=60"
    ))
    .ok()
}

/// A submitted HTML form whose CSRF token matched the visitor's cookie: URL-encoded, or
/// `multipart/form-data` when it carries a file.
pub struct FormData {
    pairs: Vec<(String, String)>,
    files: Vec<UploadedFile>,
}

/// A file sent with a form.
pub struct UploadedFile {
    /// The form field's name.
    pub field: String,
    pub filename: String,
    pub bytes: axum::body::Bytes,
}

impl FormData {
    /// The trimmed value of a field; blank is `None`.
    pub fn get(&self, name: &str) -> Option<String> {
        self.pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_string())
            .filter(|value| !value.is_empty())
    }

    /// Every value of a repeated field, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_string())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(key, _)| key == name)
    }

    /// The file sent in field `name`, when one was chosen.
    pub fn file(&self, name: &str) -> Option<&UploadedFile> {
        self.files
            .iter()
            .find(|f| f.field == name && !(f.filename.is_empty() && f.bytes.is_empty()))
    }
}

/// The fields and files of a `multipart/form-data` body.
async fn multipart_fields(
    request: Request,
    state: &AppState,
) -> Result<(Vec<(String, String)>, Vec<UploadedFile>), AppError> {
    let unreadable = |err: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(format!("cannot read the form: {}", err.body_text()))
    };
    let mut multipart = axum::extract::Multipart::from_request(request, state)
        .await
        .map_err(|err| {
            AppError::BadRequest(format!("cannot read the form: {}", err.body_text()))
        })?;
    let mut pairs = Vec::new();
    let mut files = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        match field.file_name().map(str::to_string) {
            Some(filename) => {
                let bytes = field.bytes().await.map_err(unreadable)?;
                files.push(UploadedFile {
                    field: name,
                    filename,
                    bytes,
                });
            }
            None => {
                let text = field.text().await.map_err(unreadable)?;
                pairs.push((name, text.replace('\0', "")));
            }
        }
    }
    Ok((pairs, files))
}

impl FromRequest<AppState> for FormData {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (parts, body) = request.into_parts();
        let expected = cookie(&parts, CSRF_COOKIE);
        let multipart = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        let request = Request::from_parts(parts, body);
        let (pairs, files) = if multipart {
            multipart_fields(request, state).await.map_err(PageError)?
        } else {
            let bytes = axum::body::Bytes::from_request(request, state)
                .await
                .map_err(|err| {
                    PageError(AppError::BadRequest(format!("cannot read the form: {err}")))
                })?;
            // NUL is never typed into a form, and PostgreSQL refuses it in text.
            let pairs = url::form_urlencoded::parse(&bytes)
                .into_owned()
                .map(|(key, value)| (key, value.replace('\0', "")))
                .collect();
            (pairs, Vec::new())
        };
        let sent = pairs
            .iter()
            .find(|(key, _)| key == CSRF_FIELD)
            .map(|(_, value)| value.as_str());
        match (expected.as_deref(), sent) {
            (Some(expected), Some(sent))
                if !expected.is_empty() && constant_time_eq(expected, sent) =>
            {
                Ok(Self { pairs, files })
            }
            _ => Err(PageError(csrf_refused())),
        }
    }
}

/// A path parameter of a page (imported as `Path` by the page modules). A segment that
/// cannot be read, such as one that is not UTF-8, names no page: the 404 page, not a
/// plain-text 400.
pub struct PagePath<T>(pub T);

impl<T, S> FromRequestParts<S> for PagePath<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::PathRejection;
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Self(value)),
            Err(PathRejection::FailedToDeserializePathParams(_)) => {
                Err(PageError(AppError::NotFound("page")))
            }
            Err(other) => Err(PageError(AppError::Internal(anyhow::anyhow!(
                "path parameters: {}",
                other.body_text()
            )))),
        }
    }
}

/// Whether `sent`, a form's CSRF field, matches the visitor's CSRF cookie (for forms read
/// as they stream in, which [`FormData`] would hold whole).
pub fn csrf_matches(headers: &axum::http::HeaderMap, sent: &str) -> bool {
    super::auth::cookie(headers, CSRF_COOKIE)
        .is_some_and(|expected| !expected.is_empty() && constant_time_eq(&expected, sent))
}

/// The refusal of a form whose CSRF token does not match.
pub fn csrf_refused() -> AppError {
    AppError::Forbidden(crate::i18n::t(crate::i18n::current(), "err-csrf"))
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Field errors of a form, looked up by field name in templates.
#[derive(Clone, Debug, Default)]
pub struct FormErrors(pub Vec<FieldError>);

impl FormErrors {
    /// The message for a field (or for any of its sub-fields, `registration.mode`).
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| {
                e.field == field
                    || e.field.starts_with(&format!("{field}."))
                    || e.field.starts_with(&format!("{field}["))
            })
            .map(|e| e.message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Errors whose field has no input on the form, to show at its top.
    pub fn others(&self, shown: &[&str]) -> Vec<String> {
        self.0
            .iter()
            .filter(|e| {
                !shown.iter().any(|s| {
                    e.field == *s
                        || e.field.starts_with(&format!("{s}."))
                        || e.field.starts_with(&format!("{s}["))
                })
            })
            .map(|e| format!("{}: {}", e.field.replace('_', " "), e.message))
            .collect()
    }
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage {
    ctx: Ctx,
    /// The status's number, "404".
    status_text: String,
    heading: String,
    message: String,
}

/// An error on a page: shown as an HTML page (a 401 sends the visitor to sign in).
#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(err: AppError) -> Self {
        Self(err)
    }
}

impl From<sea_orm::DbErr> for PageError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self(err.into())
    }
}

pub type PageResult<T = Response> = Result<T, PageError>;

/// Renders a template as a page, or the 500 page if rendering fails.
pub fn render<T: Template>(template: &T) -> Response {
    match template.render() {
        Ok(body) => Html(body).into_response(),
        Err(err) => {
            PageError(AppError::Internal(anyhow::anyhow!("template: {err}"))).into_response()
        }
    }
}

/// The 404 page.
pub fn not_found(ctx: Ctx) -> Response {
    error_page(ctx, &AppError::NotFound("page"))
}

pub fn error_page(ctx: Ctx, err: &AppError) -> Response {
    let status = err.status();
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let (heading, message) = match err {
        AppError::NotFound(_) => (t("err-not-found"), t("err-not-found-text")),
        AppError::Forbidden(why) => (t("err-forbidden"), why.clone()),
        AppError::TooManyAttempts(_) | AppError::TooManyRequests(_) => {
            (t("err-too-many"), capitalize_first(&err.to_string()))
        }
        AppError::Conflict(why) => (t("err-conflict"), why.clone()),
        AppError::Gone(why) => (t("err-gone"), why.clone()),
        AppError::BadRequest(why) | AppError::Refused(_, why) => {
            (t("err-bad-request"), why.clone())
        }
        AppError::Invalid(errors) => (
            t("err-invalid"),
            crate::i18n::fields::translated(lang, errors)
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        AppError::Internal(_) => (t("err-internal"), t("err-internal-text")),
        AppError::Unauthorized | AppError::BadCredentials => {
            (t("err-sign-in"), t("err-sign-in-text"))
        }
    };
    let page = ErrorPage {
        ctx,
        status_text: status.as_u16().to_string(),
        heading,
        message,
    };
    let body = page
        .render()
        .unwrap_or_else(|_| crate::i18n::t(lang, "err-internal"));
    let mut response = (status, Html(body)).into_response();
    if let Some(seconds) = err.retry_after_seconds()
        && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match &self.0 {
            AppError::Unauthorized => Redirect::to("/login").into_response(),
            AppError::Internal(err) => {
                tracing::error!(error = ?err, "page failed");
                error_page(current_ctx(), &self.0)
            }
            other => error_page(current_ctx(), other),
        }
    }
}

/// Sends anonymous visitors to sign in (and back), refuses signed-in non-organizers.
// The rejection is the response itself (a redirect or the 403 page), sent as it is.
#[allow(clippy::result_large_err)]
pub fn require_staff(ctx: &Ctx) -> Result<Actor, Response> {
    match &ctx.user {
        Some(user) if user.is_staff() => Ok(user.clone()),
        Some(_) => Err(error_page(
            ctx.clone(),
            &AppError::Forbidden(crate::i18n::t(ctx.lang, "err-organizers-only")),
        )),
        None => Err(sign_in_first(ctx)),
    }
}

/// Sends anonymous visitors to sign in and come back here.
fn sign_in_first(ctx: &Ctx) -> Response {
    let next = percent_encoding::utf8_percent_encode(&ctx.path, percent_encoding::NON_ALPHANUMERIC);
    Redirect::to(&format!("/login?next={next}")).into_response()
}

/// A page for any signed-in account (rapporteurs' pages); anonymous visitors are sent to
/// sign in and come back.
pub struct SignedIn {
    pub ctx: Ctx,
    pub actor: Actor,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match ctx.user.clone() {
            Some(actor) => Ok(Self { ctx, actor }),
            None => Err(sign_in_first(&ctx)),
        }
    }
}

/// A signed-in organizer or admin on a workspace page; anyone else is sent to sign in
/// (or shown that the workspace is not theirs).
pub struct Workspace {
    pub ctx: Ctx,
    pub actor: Actor,
}

impl FromRequestParts<AppState> for Workspace {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let actor = require_staff(&ctx)?;
        Ok(Self { ctx, actor })
    }
}

/// A 404 page for unknown paths, as a fallback handler.
pub async fn fallback_page(ctx: Ctx) -> Response {
    not_found(ctx)
}

/// The error page for an error, with the page context (for handlers that have one).
pub fn error_with(ctx: Ctx, err: AppError) -> Response {
    if let AppError::Internal(cause) = &err {
        tracing::error!(error = ?cause, "page failed");
    }
    if matches!(err, AppError::Unauthorized) {
        return Redirect::to("/login").into_response();
    }
    error_page(ctx, &err)
}

fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
