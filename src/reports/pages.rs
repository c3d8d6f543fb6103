//! Report pages: an event's outcome report as a print-friendly page, Markdown and PDF;
//! a series' synthesis likewise; and the organizers' page where they write the
//! introduction and conclusions, preview, publish and withdraw.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::markdown;
use super::{EventReport, ReportSession, ReportStatus, Synthesis, pdf, service};
use crate::app::AppState;
use crate::domain::RichText;
use crate::error::{AppError, FieldError};
use crate::events::SeriesRef;
use crate::web::pages::Workspace;
use crate::web::pages::{
    Ctx, FormData, FormErrors, PagePath, PageResult, error_with, redirect_with_flash, render,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{event}/report", get(report_page))
        .route("/events/{event}/report.md", get(report_markdown))
        .route("/events/{event}/report.pdf", get(report_pdf))
        .route("/series/{series}/report", get(synthesis_page))
        .route("/series/{series}/report.md", get(synthesis_markdown))
        .route("/series/{series}/report.pdf", get(synthesis_pdf))
        .route("/organize/events/{event}/report", get(edit_page).post(edit))
}

/// A session of the report page, its overview rendered.
pub struct SessionView {
    pub s: ReportSession,
    pub overview_html: String,
}

#[derive(Template)]
#[template(path = "reports/event.html")]
struct ReportPage {
    ctx: Ctx,
    r: EventReport,
    aim_html: String,
    intro_html: String,
    conclusions_html: String,
    sessions: Vec<SessionView>,
    draft: bool,
}

fn report_view(ctx: Ctx, r: EventReport) -> ReportPage {
    let sessions = r
        .sessions
        .iter()
        .map(|s| SessionView {
            overview_html: s.summary.overview.html(),
            s: s.clone(),
        })
        .collect();
    ReportPage {
        aim_html: r.event.aim.as_ref().map(RichText::html).unwrap_or_default(),
        intro_html: r
            .introduction
            .as_ref()
            .map(RichText::html)
            .unwrap_or_default(),
        conclusions_html: r
            .conclusions
            .as_ref()
            .map(RichText::html)
            .unwrap_or_default(),
        draft: r.status != ReportStatus::Published,
        sessions,
        ctx,
        r,
    }
}

/// The event's report as this visitor may see it (published, or any to organizers).
async fn report_of(state: &AppState, ctx: &Ctx, reference: &str) -> Result<EventReport, AppError> {
    service::visible_report(
        &state.db,
        &state.settings,
        &SeriesRef::parse(reference),
        ctx.is_staff(),
    )
    .await
}

async fn report_page(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let report = report_of(&state, &ctx, &reference).await?;
    Ok(render(&report_view(ctx, report)))
}

/// A download: the file's type, its name, and no caching of drafts.
fn download(body: Vec<u8>, content_type: &'static str, filename: &str, draft: bool) -> Response {
    let disposition = format!("inline; filename=\"{filename}\"");
    let cache = if draft {
        "private, no-store"
    } else {
        "public, max-age=300"
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, cache.to_string()),
        ],
        body,
    )
        .into_response()
}

async fn report_markdown(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let report = report_of(&state, &ctx, &reference).await?;
    let draft = report.status != ReportStatus::Published;
    Ok(download(
        markdown::event_report(&report).into_bytes(),
        "text/markdown; charset=utf-8",
        &format!("{}-report.md", report.event.slug),
        draft,
    ))
}

/// PDFs recently typeset, by a hash of what they show: a report read by many people is
/// typeset once, not once per download.
static PDF_CACHE: std::sync::LazyLock<std::sync::Mutex<Vec<CachedPdf>>> =
    std::sync::LazyLock::new(Default::default);
/// A PDF and the SHA-256 of the data it was typeset from.
type CachedPdf = ([u8; 32], std::sync::Arc<Vec<u8>>);
const PDF_CACHE_SIZE: usize = 16;

/// At most this many PDFs are typeset at once; further requests wait their turn, so
/// downloads cannot take every core from the pages.
static PDF_RENDERS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// Typesets `value` as PDF off the async threads, or takes it from the cache.
async fn render_pdf<T: serde::Serialize + Send + 'static>(
    value: T,
    render: fn(&T) -> Result<Vec<u8>, pdf::PdfError>,
) -> Result<std::sync::Arc<Vec<u8>>, AppError> {
    use sha2::{Digest, Sha256};
    let json = serde_json::to_vec(&value)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("PDF data: {err}")))?;
    let key: [u8; 32] = Sha256::digest(&json).into();
    let cached = |key: &[u8; 32]| {
        PDF_CACHE
            .lock()
            .ok()
            .and_then(|cache| cache.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    };
    if let Some(bytes) = cached(&key) {
        return Ok(bytes);
    }
    let _turn = PDF_RENDERS
        .acquire()
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!("PDF queue: {err}")))?;
    // Someone may have typeset it while this request waited.
    if let Some(bytes) = cached(&key) {
        return Ok(bytes);
    }
    let bytes = tokio::task::spawn_blocking(move || render(&value))
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!("PDF task: {err}")))?
        .map_err(|err| AppError::Internal(anyhow::anyhow!("PDF: {err}")))?;
    let bytes = std::sync::Arc::new(bytes);
    if let Ok(mut cache) = PDF_CACHE.lock() {
        if cache.len() >= PDF_CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((key, bytes.clone()));
    }
    Ok(bytes)
}

async fn report_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let report = report_of(&state, &ctx, &reference).await?;
    let draft = report.status != ReportStatus::Published;
    let name = format!("{}-report.pdf", report.event.slug);
    let bytes = render_pdf(report, pdf::event_report).await?;
    Ok(download(bytes.to_vec(), "application/pdf", &name, draft))
}

// ----- The synthesis of a series -----

#[derive(Template)]
#[template(path = "reports/synthesis.html")]
struct SynthesisPage {
    ctx: Ctx,
    s: Synthesis,
    description_html: String,
}

async fn synthesis_of(state: &AppState, ctx: &Ctx, reference: &str) -> Result<Synthesis, AppError> {
    service::visible_synthesis(
        &state.db,
        &state.settings,
        &SeriesRef::parse(reference),
        ctx.is_staff(),
    )
    .await
}

async fn synthesis_page(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let s = synthesis_of(&state, &ctx, &reference).await?;
    Ok(render(&SynthesisPage {
        description_html: s
            .series
            .description
            .as_ref()
            .map(RichText::html)
            .unwrap_or_default(),
        s,
        ctx,
    }))
}

async fn synthesis_markdown(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let s = synthesis_of(&state, &ctx, &reference).await?;
    Ok(download(
        markdown::synthesis(&s).into_bytes(),
        "text/markdown; charset=utf-8",
        &format!("{}-synthesis.md", s.series.slug),
        false,
    ))
}

async fn synthesis_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let s = synthesis_of(&state, &ctx, &reference).await?;
    let name = format!("{}-synthesis.pdf", s.series.slug);
    let bytes = render_pdf(s, pdf::synthesis).await?;
    Ok(download(bytes.to_vec(), "application/pdf", &name, false))
}

// ----- The organizers' page -----

#[derive(Template)]
#[template(path = "reports/edit.html")]
struct EditPage {
    ctx: Ctx,
    r: EventReport,
    introduction: String,
    conclusions: String,
    errors: FormErrors,
    published: bool,
}

async fn edit_page_with(
    state: &AppState,
    ctx: Ctx,
    reference: &str,
    typed: Option<(String, String, Vec<FieldError>)>,
) -> Result<Response, AppError> {
    let r = service::visible_report(
        &state.db,
        &state.settings,
        &SeriesRef::parse(reference),
        true,
    )
    .await?;
    let (introduction, conclusions, errors) = typed.unwrap_or_else(|| {
        (
            r.introduction
                .as_ref()
                .map(|t| t.source().to_string())
                .unwrap_or_default(),
            r.conclusions
                .as_ref()
                .map(|t| t.source().to_string())
                .unwrap_or_default(),
            Vec::new(),
        )
    });
    let code = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = EditPage {
        ctx,
        published: r.status == ReportStatus::Published,
        r,
        introduction,
        conclusions,
        errors: FormErrors(errors),
    };
    Ok((code, render(&page)).into_response())
}

async fn edit_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    PagePath(reference): PagePath<String>,
) -> Response {
    edit_page_with(&state, ctx.clone(), &reference, None)
        .await
        .unwrap_or_else(|err| error_with(ctx, err))
}

async fn edit(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    PagePath(reference): PagePath<String>,
    form: FormData,
) -> Response {
    let here = format!("/organize/events/{reference}/report");
    let event_ref = SeriesRef::parse(&reference);
    let action = form.get("action").unwrap_or_default();
    let introduction = form.get("introduction").unwrap_or_default();
    let conclusions = form.get("conclusions").unwrap_or_default();
    let mut patch = serde_json::Map::new();
    patch.insert("introduction".into(), introduction.clone().into());
    patch.insert("conclusions".into(), conclusions.clone().into());
    let saved = service::update(&state.db, &state.settings, &actor, &event_ref, patch).await;
    let result = match (saved, action.as_str()) {
        (Ok(_), "publish") => {
            service::set_published(&state.db, &state.settings, &actor, &event_ref, true)
                .await
                .map(|_| "Published: the report is public and listed under Documents.")
        }
        (Ok(_), "withdraw") => {
            service::set_published(&state.db, &state.settings, &actor, &event_ref, false)
                .await
                .map(|_| "Withdrawn: the report is no longer public.")
        }
        (Ok(_), _) => Ok("Saved."),
        (Err(err), _) => Err(err),
    };
    match result {
        Ok(message) => redirect_with_flash(&here, message),
        Err(AppError::Invalid(errors)) => edit_page_with(
            &state,
            ctx.clone(),
            &reference,
            Some((introduction, conclusions, errors)),
        )
        .await
        .unwrap_or_else(|err| error_with(ctx, err)),
        Err(AppError::Conflict(why)) => {
            let errors = vec![FieldError::new("publish", why)];
            edit_page_with(
                &state,
                ctx.clone(),
                &reference,
                Some((introduction, conclusions, errors)),
            )
            .await
            .unwrap_or_else(|err| error_with(ctx, err))
        }
        Err(err) => error_with(ctx, err),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    static RENDERED: AtomicUsize = AtomicUsize::new(0);

    fn counting(text: &String) -> Result<Vec<u8>, pdf::PdfError> {
        RENDERED.fetch_add(1, Ordering::SeqCst);
        Ok(text.as_bytes().to_vec())
    }

    #[tokio::test]
    async fn the_same_report_is_typeset_once() {
        let value = format!("report {}", uuid::Uuid::new_v4());
        let first = render_pdf(value.clone(), counting).await.unwrap();
        let second = render_pdf(value.clone(), counting).await.unwrap();
        assert!(std::sync::Arc::ptr_eq(&first, &second));
        assert_eq!(RENDERED.load(Ordering::SeqCst), 1);
        render_pdf(format!("{value} changed"), counting)
            .await
            .unwrap();
        assert_eq!(
            RENDERED.load(Ordering::SeqCst),
            2,
            "a changed report is typeset again"
        );
    }
}
