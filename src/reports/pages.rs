//! Report pages: an event's outcome report as a print-friendly page, Markdown and PDF
//! (the published edition for the public, the report as it stands for organizers); a
//! series' synthesis likewise; and the organizers' page where they write the introduction
//! and conclusions, see what changed since the published edition, publish the next one
//! and withdraw.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::language::{self, Marks};
use super::markdown;
use super::service::Publication;
use super::{EventReport, ReportChange, ReportSession, ReportStatus, Synthesis, edition, service};
use crate::app::AppState;
use crate::domain::RichText;
use crate::error::{AppError, FieldError};
use crate::events::SeriesRef;
use crate::i18n::{Language, dates, t};
use crate::pdf;
use crate::summaries::diff::DiffLine;
use crate::web::pages::Workspace;
use crate::web::pages::{
    Ctx, FormData, FormErrors, PagePath, PageResult, error_with, redirect_with_flash, render,
};
use fluent_templates::fluent_bundle::FluentValue;

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

/// A session of the report page, its overview rendered (`templates/reports/session.html`).
pub struct SessionView {
    pub s: ReportSession,
    pub overview_html: String,
    /// The language to mark the title with, when it is not the page's.
    pub title_lang: Option<&'static str>,
    /// The language of the summary, when it is not the page's.
    pub summary_lang: Option<&'static str>,
    /// "Summary as the rapporteur wrote it, in Spanish.", when it is not in the page's.
    pub summary_note: Option<String>,
}

impl SessionView {
    pub fn of(s: ReportSession) -> Self {
        Self {
            overview_html: s.summary.overview.html(),
            s,
            title_lang: None,
            summary_lang: None,
            summary_note: None,
        }
    }

    /// A session of a report localized for `lang`, marked as `marks` says.
    fn marked(s: ReportSession, marks: &Marks, lang: crate::i18n::Language) -> Self {
        let mut view = Self::of(s);
        view.title_lang = marks.sessions.get(&view.s.id).copied().flatten();
        view.summary_lang = marks.summaries.get(&view.s.id).copied().flatten();
        view.summary_note = view.summary_lang.and_then(|code| {
            let language: crate::i18n::Language = code.parse().ok()?;
            let name = crate::i18n::term(lang, "language-name", language.as_str());
            Some(crate::i18n::t_args(
                lang,
                "report-summary-language",
                &[("language", name.into())],
            ))
        });
        view
    }
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
    /// Organizers only: how many changes the next edition would publish.
    pending: usize,
    edition_line: Option<String>,
    /// Which texts are in another language than the page's.
    marks: Marks,
    /// Organizers, once published: the next edition's heading and what it changes.
    preview: (String, String),
}

fn report_view(ctx: Ctx, mut r: EventReport) -> ReportPage {
    let marks = language::localize(&mut r, ctx.lang);
    let sessions = r
        .sessions
        .iter()
        .cloned()
        .map(|s| SessionView::marked(s, &marks, ctx.lang))
        .collect();
    let pending = i64::try_from(r.changes.len()).unwrap_or(i64::MAX);
    let edition = i64::from(r.edition);
    let preview = (
        ctx.tn("report-preview-edition", &[("edition", edition + 1)]),
        ctx.tn(
            "report-preview-edition-note",
            &[("count", pending), ("edition", edition)],
        ),
    );
    ReportPage {
        preview,
        pending: r.changes.len(),
        edition_line: language::edition_line(&r, ctx.lang),
        marks,
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

/// A download: the file's type, its name, and no caching of what only organizers see
/// (drafts, and the report as it stands while an edition is published).
pub fn download(
    body: Vec<u8>,
    content_type: &'static str,
    filename: &str,
    private: bool,
) -> Response {
    let disposition = format!("inline; filename=\"{filename}\"");
    let cache = if private {
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
    let private = ctx.is_staff() || report.status != ReportStatus::Published;
    Ok(download(
        markdown::event_report_in(&report, ctx.lang).into_bytes(),
        "text/markdown; charset=utf-8",
        &format!("{}-report.md", report.event.slug),
        private,
    ))
}

async fn report_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let report = report_of(&state, &ctx, &reference).await?;
    let private = ctx.is_staff() || report.status != ReportStatus::Published;
    let name = format!("{}-report.pdf", report.event.slug);
    let job = pdf::Job::event_report_in(&report, ctx.lang).map_err(AppError::from)?;
    let bytes = pdf::kept::typeset(job).await?;
    Ok(download(bytes.to_vec(), "application/pdf", &name, private))
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
        ctx.lang,
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
        markdown::synthesis(&s, ctx.lang).into_bytes(),
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
    let job = pdf::Job::synthesis_in(&s, ctx.lang).map_err(AppError::from)?;
    let bytes = pdf::kept::typeset(job).await?;
    Ok(download(bytes.to_vec(), "application/pdf", &name, false))
}

// ----- The organizers' page -----

/// A change since the published edition, with the lines that changed.
pub struct ChangeView {
    pub change: ReportChange,
    /// The session's title, or the part's name in the page's language.
    pub title: String,
    pub lines: Vec<DiffLine>,
}

#[derive(Template)]
#[template(path = "reports/edit.html")]
struct EditPage {
    ctx: Ctx,
    r: EventReport,
    introduction: String,
    conclusions: String,
    errors: FormErrors,
    published: bool,
    /// "12 June 2009": when the latest edition was published.
    edition_date: Option<String>,
    changes: Vec<ChangeView>,
    /// What the changes mean for the public.
    changes_note: String,
}

impl EditPage {
    /// A message naming the report's edition (`$edition`).
    fn n(&self, id: &str) -> String {
        self.ctx.tn(id, &[("edition", self.r.edition.into())])
    }

    /// A message naming the edition publishing would make (`$edition`, the next).
    fn next(&self, id: &str) -> String {
        self.ctx.tn(id, &[("edition", (self.r.edition + 1).into())])
    }

    /// "(edition 2 was published on 3 June 2009 and has been withdrawn)".
    fn withdrawn_on(&self, date: &str) -> String {
        crate::i18n::t_args(
            self.ctx.lang,
            "rep-withdrawn-on",
            &[("edition", self.r.edition.into()), ("date", date.into())],
        )
    }
}

/// A change's name on the page: the session's title, else the part's.
fn change_title(lang: Language, c: &ReportChange) -> String {
    if c.session_id.is_some() {
        c.title.clone()
    } else if c.title == c.part.label() {
        crate::i18n::term(lang, "rep-part", c.part.as_str())
    } else {
        // The one change named otherwise: the translations of the introduction and
        // conclusions (`edition::changes`).
        t(lang, "rep-part-translations")
    }
}

async fn edit_page_with(
    state: &AppState,
    ctx: Ctx,
    reference: &str,
    typed: Option<(String, String)>,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(reference), true).await?;
    let (r, latest) = service::current(&state.db, &state.settings, event).await?;
    let changes = match &latest {
        Some(published) => r
            .changes
            .iter()
            .map(|c| ChangeView {
                lines: edition::lines(published, &r, c),
                title: change_title(ctx.lang, c),
                change: c.clone(),
            })
            .collect(),
        None => Vec::new(),
    };
    let (introduction, conclusions) = typed.unwrap_or_else(|| {
        (
            r.introduction
                .as_ref()
                .map(|t| t.source().to_string())
                .unwrap_or_default(),
            r.conclusions
                .as_ref()
                .map(|t| t.source().to_string())
                .unwrap_or_default(),
        )
    });
    let code = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let published = r.status == ReportStatus::Published;
    let edition_date = latest
        .as_ref()
        .and_then(|e| e.published_at)
        .map(|at| dates::long(ctx.lang, at.date_naive()));
    let numbers = |date: Option<&str>| -> Vec<(&'static str, FluentValue<'static>)> {
        let mut args: Vec<(&'static str, FluentValue<'static>)> = vec![
            ("edition", r.edition.into()),
            ("next", (r.edition + 1).into()),
        ];
        if let Some(date) = date {
            args.push(("date", date.to_string().into()));
        }
        args
    };
    let changes_note = match (published, &edition_date) {
        (true, Some(date)) => crate::i18n::t_args(
            ctx.lang,
            "rep-changes-published-on",
            &numbers(Some(date.as_str())),
        ),
        (true, None) => crate::i18n::t_args(ctx.lang, "rep-changes-published", &numbers(None)),
        (false, _) => crate::i18n::t_args(ctx.lang, "rep-changes-withdrawn", &numbers(None)),
    };
    let page = EditPage {
        ctx,
        published,
        edition_date,
        changes_note,
        changes,
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
    edit_page_with(&state, ctx.clone(), &reference, None, Vec::new())
        .await
        .unwrap_or_else(|err| error_with(ctx, err))
}

/// What the organizers are told once the report is published.
fn published_message(lang: Language, outcome: Publication) -> String {
    let edition = |id: &str, n: i32| crate::i18n::t_args(lang, id, &[("edition", n.into())]);
    match outcome {
        Publication::NewEdition(1) => t(lang, "rep-flash-published-first"),
        Publication::NewEdition(n) => edition("rep-flash-published-edition", n),
        Publication::Unchanged(n) => edition("rep-flash-published-unchanged", n),
    }
}

/// Saves the introduction and conclusions the form sends (a form without them, such as
/// the "Publish edition N" button's, changes neither), then publishes or withdraws.
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
    if form.has("introduction") {
        patch.insert("introduction".into(), introduction.clone().into());
    }
    if form.has("conclusions") {
        patch.insert("conclusions".into(), conclusions.clone().into());
    }
    let patch_sent = !patch.is_empty();
    let saved = if !patch_sent {
        Ok(())
    } else {
        service::update(&state.db, &state.settings, &actor, &event_ref, patch)
            .await
            .map(|_| ())
    };
    let result = match (saved, action.as_str()) {
        (Ok(()), "publish") => service::publish(&state.db, &state.settings, &actor, &event_ref)
            .await
            .map(|(_, outcome)| published_message(ctx.lang, outcome)),
        (Ok(()), "withdraw") => service::withdraw(&state.db, &state.settings, &actor, &event_ref)
            .await
            .map(|_| t(ctx.lang, "rep-flash-withdrawn")),
        (Ok(()), _) => Ok(t(ctx.lang, "rep-flash-saved")),
        (Err(err), _) => Err(err),
    };
    let typed = patch_sent.then_some((introduction, conclusions));
    let errors = match result {
        Ok(message) => return redirect_with_flash(&here, &message),
        Err(AppError::Invalid(errors)) => errors,
        Err(AppError::Conflict(why)) => vec![FieldError::new("publish", why)],
        Err(err) => return error_with(ctx, err),
    };
    edit_page_with(&state, ctx.clone(), &reference, typed, errors)
        .await
        .unwrap_or_else(|err| error_with(ctx, err))
}
