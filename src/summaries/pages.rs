//! Summary pages: the rapporteur's workspace (`/rapporteur`), the structured editor with
//! submit (a Markdown toolbar and a preview drawn by the report's own rendering), the
//! organizers' review (the summary as the report will show it, what changed since the
//! previous submission, approve or return with a comment, the due date), the versions
//! with their differences, the organizers' list of an event's summaries (who is late)
//! and the vocabulary of themes.
//!
//! A summary's address, `/rapporteur/sessions/{id}`, opens what each reader does there:
//! the editor for its rapporteur, the review for organizers, who edit at `.../edit`.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;

use super::diff::{self, DiffLine};
use super::service::{self, Assignment, Decision};
use super::{
    ADDRESSEES, KeyPoint, Priority, RecommendationInput, ReviewInput, SummaryContent, SummaryInput,
    SummaryOut, SummaryStatus, Timeframe, VersionAction, notify, store,
};
use crate::app::AppState;
use crate::domain::RichText;
use crate::entities::{event, session, summary, summary_version};
use crate::error::{AppError, FieldError};
use crate::events::ParticipantOut;
use crate::events::pages::Choice;
use crate::events::read::participant_views;
use crate::events::{ParticipantRole, SeriesRef, store as event_store};
use crate::i18n::{Language, dates, t};
use crate::reports::pages::SessionView;
use crate::web::pages::Workspace;
use crate::web::pages::{
    Ctx, FormData, FormErrors, PagePath, PageResult, SignedIn, error_with, redirect_with_flash,
    render,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rapporteur", get(home))
        .route("/rapporteur/sessions/{id}", get(summary_page).post(save))
        .route("/rapporteur/sessions/{id}/edit", get(editor))
        .route("/rapporteur/sessions/{id}/review", post(review))
        .route("/rapporteur/preview", post(preview))
        .route("/rapporteur/sessions/{id}/due", post(set_due))
        .route("/rapporteur/sessions/{id}/versions", get(versions))
        .route("/organize/events/{event}/summaries", get(event_summaries))
        .route("/organize/themes", get(themes).post(change_themes))
}

/// A session of the rapporteur's (or of the event's) list.
pub struct AssignmentRow {
    pub session_id: i32,
    pub session_title: String,
    pub event_title: String,
    pub event_slug: String,
    pub when: String,
    pub status: SummaryStatus,
    pub due: String,
    pub late: bool,
    pub rapporteurs: String,
}

/// "Wed 3 Jun 2009, 14:00–15:30 CEST", in the event's time zone.
pub fn when(event: &event::Model, session: &session::Model) -> String {
    let zone = event.timezone;
    format!(
        "{}–{}",
        zone.local(session.starts_at).format("%a %-d %b %Y, %H:%M"),
        zone.local(session.ends_at).format("%H:%M %Z")
    )
}

/// The same in `lang`: "mercredi 3 juin 2009, 14:00–15:30 CEST".
pub fn when_in(lang: Language, event: &event::Model, session: &session::Model) -> String {
    if lang == Language::En {
        return when(event, session);
    }
    let zone = event.timezone;
    let (start, end) = (zone.local(session.starts_at), zone.local(session.ends_at));
    format!(
        "{}, {}–{}",
        dates::with_weekday(lang, start.date_naive()),
        start.format("%H:%M"),
        end.format("%H:%M %Z")
    )
}

/// A moment in the event's zone, in `lang`: "3 Jun 2009, 14:05 CEST", "3 juin 2009,
/// 14:05 CEST".
fn local_moment(lang: Language, event: &event::Model, at: chrono::DateTime<Utc>) -> String {
    let local = event.timezone.local(at);
    if lang == Language::En {
        return local.format("%-d %b %Y, %H:%M %Z").to_string();
    }
    format!(
        "{}, {}",
        dates::long(lang, local.date_naive()),
        local.format("%H:%M %Z")
    )
}

/// "version 3", or with when it was saved: "version 3, saved 3 Jun 2009 10:05 UTC".
fn version_line(lang: Language, summary: &SummaryOut, with_saved: bool) -> String {
    let version = [("version", summary.version.into())];
    match summary.updated_at.filter(|_| with_saved) {
        Some(at) => {
            let date = if lang == Language::En {
                at.format("%-d %b %Y %H:%M UTC").to_string()
            } else {
                format!(
                    "{} {}",
                    dates::long(lang, at.date_naive()),
                    at.format("%H:%M UTC")
                )
            };
            crate::i18n::t_args(
                lang,
                "sum-version-saved",
                &[version[0].clone(), ("date", date.into())],
            )
        }
        None => crate::i18n::t_args(lang, "sum-version-n", &version),
    }
}

fn rows(
    list: Vec<Assignment>,
    names: &std::collections::HashMap<i32, String>,
    lang: Language,
) -> Vec<AssignmentRow> {
    list.into_iter()
        .map(|a| AssignmentRow {
            session_id: a.session.id,
            when: when_in(lang, &a.event, &a.session),
            due: notify::due_label_in(lang, &a.event, a.due),
            status: a.status,
            late: a.late,
            rapporteurs: names.get(&a.session.id).cloned().unwrap_or_default(),
            session_title: a.session.title,
            event_title: a.event.title,
            event_slug: a.event.slug,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "summaries/home.html")]
struct Home {
    ctx: Ctx,
    linked: bool,
    rows: Vec<AssignmentRow>,
}

async fn home(State(state): State<AppState>, SignedIn { ctx, actor }: SignedIn) -> PageResult {
    let person = service::person_of(state.db.conn(), &actor).await?;
    let rows = match person {
        Some(person) => rows(
            service::assignments(&state.db, &state.settings, Some(person), None).await?,
            &Default::default(),
            ctx.lang,
        ),
        None => Vec::new(),
    };
    Ok(render(&Home {
        ctx,
        linked: person.is_some(),
        rows,
    }))
}

// ----- The editor -----

pub struct KeyPointRow {
    pub text: String,
    pub person_id: String,
}

pub struct RecommendationRow {
    pub text: String,
    pub addressee: String,
    pub themes: String,
    pub priority: String,
    pub timeframe: String,
}

#[derive(Template)]
#[template(path = "summaries/editor.html")]
struct Editor {
    ctx: Ctx,
    session_id: i32,
    session_title: String,
    event_title: String,
    event_slug: String,
    when: String,
    summary: SummaryOut,
    /// "version 3, saved …".
    version_line: String,
    due: String,
    can_edit: bool,
    is_staff: bool,
    /// Held under the Chatham House rule: no "made by" is offered.
    chatham_house: bool,
    speakers: Vec<Choice>,
    addressees: Vec<&'static str>,
    themes: Vec<String>,
    priorities: Vec<Choice>,
    timeframes: Vec<Choice>,
    overview: String,
    key_points: Vec<KeyPointRow>,
    challenges: Vec<String>,
    recommendations: Vec<RecommendationRow>,
    next_steps: Vec<String>,
    version: i32,
    /// The language it is written in (`en`, `fr`, `es`), and the choices.
    language: String,
    languages: Vec<Choice>,
    errors: FormErrors,
    problem: Option<String>,
    /// The summary as the report will show it, when it cannot be changed here.
    reading: Option<SessionView>,
}

impl Editor {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }

    fn speaker_selected(&self, row: &KeyPointRow, choice: &Choice) -> bool {
        row.person_id == choice.value
    }
}

/// What the editor shows: stored content, or what was typed, with a few blank rows.
struct Typed {
    overview: String,
    key_points: Vec<KeyPointRow>,
    challenges: Vec<String>,
    recommendations: Vec<RecommendationRow>,
    next_steps: Vec<String>,
    version: i32,
    /// Empty: the event's.
    language: String,
}

impl Typed {
    fn of(summary: &SummaryOut) -> Self {
        Self {
            overview: summary.overview.clone(),
            key_points: summary
                .key_points
                .iter()
                .map(|p| KeyPointRow {
                    text: p.text.clone(),
                    person_id: p.person_id.map(|id| id.to_string()).unwrap_or_default(),
                })
                .collect(),
            challenges: summary.challenges.clone(),
            recommendations: summary
                .recommendations
                .iter()
                .map(|r| RecommendationRow {
                    text: r.text.clone(),
                    addressee: r.addressee.clone(),
                    themes: r.themes.join(", "),
                    priority: r
                        .priority
                        .map(|p| p.as_str().to_string())
                        .unwrap_or_default(),
                    timeframe: r
                        .timeframe
                        .map(|t| t.as_str().to_string())
                        .unwrap_or_default(),
                })
                .collect(),
            next_steps: summary.next_steps.clone(),
            version: summary.version,
            language: summary
                .language
                .map(|l| l.as_str().to_string())
                .unwrap_or_default(),
        }
    }

    /// Rows as the form sent them, blank ones included, in order.
    fn from_form(form: &FormData) -> Self {
        const MAX_ROWS: usize = 200;
        let rows = |prefix: &str| -> Vec<String> {
            (0..MAX_ROWS)
                .map_while(|i| {
                    let name = format!("{prefix}[{i}]");
                    form.has(&name).then(|| form.get(&name).unwrap_or_default())
                })
                .collect()
        };
        let field = |prefix: &str, i: usize, name: &str| {
            form.get(&format!("{prefix}[{i}].{name}"))
                .unwrap_or_default()
        };
        let key_points = (0..MAX_ROWS)
            .map_while(|i| {
                form.has(&format!("key_points[{i}].text"))
                    .then(|| KeyPointRow {
                        text: field("key_points", i, "text"),
                        person_id: field("key_points", i, "person_id"),
                    })
            })
            .collect();
        let recommendations = (0..MAX_ROWS)
            .map_while(|i| {
                form.has(&format!("recommendations[{i}].text"))
                    .then(|| RecommendationRow {
                        text: field("recommendations", i, "text"),
                        addressee: field("recommendations", i, "addressee"),
                        themes: field("recommendations", i, "themes"),
                        priority: field("recommendations", i, "priority"),
                        timeframe: field("recommendations", i, "timeframe"),
                    })
            })
            .collect();
        Self {
            overview: form.get("overview").unwrap_or_default(),
            key_points,
            challenges: rows("challenges"),
            recommendations,
            next_steps: rows("next_steps"),
            version: form
                .get("version")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            language: form.get("language").unwrap_or_default(),
        }
    }

    /// The API's input, blank rows and all (validation drops them). A speaker that is not
    /// a number is sent as an id no one has, so that it is refused with its field's name.
    fn input(&self) -> SummaryInput {
        SummaryInput {
            overview: Some(self.overview.clone()),
            key_points: self
                .key_points
                .iter()
                .map(|p| KeyPoint {
                    person_id: (!p.person_id.is_empty()).then(|| p.person_id.parse().unwrap_or(-1)),
                    text: p.text.clone(),
                })
                .collect(),
            challenges: self.challenges.clone(),
            recommendations: self
                .recommendations
                .iter()
                .map(|r| RecommendationInput {
                    text: r.text.clone(),
                    addressee: r.addressee.clone(),
                    themes: r
                        .themes
                        .split([',', ';'])
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_string)
                        .collect(),
                    priority: (!r.priority.is_empty()).then(|| r.priority.clone()),
                    timeframe: (!r.timeframe.is_empty()).then(|| r.timeframe.clone()),
                })
                .collect(),
            next_steps: self.next_steps.clone(),
            version: Some(self.version),
            language: (!self.language.is_empty()).then(|| self.language.clone()),
        }
    }

    /// Blank rows to type into: at least `n` at the end of each list.
    fn with_blank_rows(mut self, n: usize) -> Self {
        let blank = |list: &[String]| list.iter().rev().take_while(|t| t.is_empty()).count();
        for _ in blank(&self.challenges)..n {
            self.challenges.push(String::new());
        }
        for _ in blank(&self.next_steps)..n {
            self.next_steps.push(String::new());
        }
        let kp_blank = self
            .key_points
            .iter()
            .rev()
            .take_while(|p| p.text.is_empty())
            .count();
        for _ in kp_blank..n {
            self.key_points.push(KeyPointRow {
                text: String::new(),
                person_id: String::new(),
            });
        }
        let rec_blank = self
            .recommendations
            .iter()
            .rev()
            .take_while(|r| r.text.is_empty() && r.addressee.is_empty())
            .count();
        for _ in rec_blank..n.max(1) {
            self.recommendations.push(RecommendationRow {
                text: String::new(),
                addressee: String::new(),
                themes: String::new(),
                priority: String::new(),
                timeframe: String::new(),
            });
        }
        self
    }
}

/// The values of a vocabulary (`priority`, `timeframe`) to choose from, named in `lang`.
fn choices<T: Copy + std::fmt::Display>(all: &[T], kind: &str, lang: Language) -> Vec<Choice> {
    std::iter::once(Choice {
        value: String::new(),
        label: "—".into(),
        selected: false,
    })
    .chain(all.iter().map(|v| Choice {
        value: v.to_string(),
        label: crate::i18n::term(lang, kind, &v.to_string()),
        selected: false,
    }))
    .collect()
}

struct EditorState {
    typed: Typed,
    errors: Vec<FieldError>,
    problem: Option<String>,
    status: StatusCode,
}

/// The people of a session's panel, in order.
async fn panel_of(state: &AppState, id: i32) -> Result<Vec<ParticipantOut>, AppError> {
    Ok(participant_views(
        state.db.conn(),
        event_store::participants(state.db.conn(), &[id]).await?,
    )
    .await?
    .remove(&id)
    .unwrap_or_default())
}

/// A summary's content as the report shows it (its time in `lang`), or `None` when
/// nothing is written yet.
fn reading(
    lang: Language,
    event: &event::Model,
    session: &session::Model,
    panel: &[ParticipantOut],
    content: SummaryContent,
) -> Option<SessionView> {
    (!content.is_empty()).then(|| {
        let mut view = SessionView::of(crate::reports::build::report_session(
            event.timezone,
            session,
            panel,
            content,
        ));
        if lang != Language::En {
            view.s.when = when_in(lang, event, session);
        }
        view
    })
}

fn content_of(summary: Option<&summary::Model>) -> SummaryContent {
    summary
        .map(|s| store::content_of(&s.content))
        .unwrap_or_default()
}

async fn editor_page(
    state: &AppState,
    ctx: Ctx,
    actor: &crate::web::Actor,
    id: i32,
    with: Option<EditorState>,
) -> Result<Response, AppError> {
    let (session, event, summary) = service::access(state.db.conn(), actor, id).await?;
    let out = service::view(&state.settings, &session, summary.as_ref());
    let status = out.status;
    let staff = actor.is_staff();
    let participants = panel_of(state, id).await?;
    let lang = ctx.lang;
    let speakers = std::iter::once(Choice {
        value: String::new(),
        label: t(lang, "sum-editor-no-one"),
        selected: false,
    })
    .chain(
        participants
            .iter()
            .filter(|p| p.role != ParticipantRole::Rapporteur)
            .map(|p| Choice {
                value: p.person_id.to_string(),
                label: format!(
                    "{} ({})",
                    p.display_name,
                    crate::i18n::role(lang, p.role.as_str(), 1).to_lowercase()
                ),
                selected: false,
            }),
    )
    .collect();
    let themes = store::themes(state.db.conn())
        .await?
        .into_iter()
        .map(|t| t.name)
        .collect();
    let (typed, errors, problem, code) = match with {
        Some(s) => (s.typed, s.errors, s.problem, s.status),
        None => (Typed::of(&out), Vec::new(), None, StatusCode::OK),
    };
    let can_edit = staff || status.is_open();
    let reading = if can_edit {
        None
    } else {
        reading(
            lang,
            &event,
            &session,
            &participants,
            content_of(summary.as_ref()),
        )
    };
    let typed = typed.with_blank_rows(2);
    let page = Editor {
        ctx,
        session_id: id,
        when: when_in(lang, &event, &session),
        session_title: session.title.clone(),
        event_title: event.title.clone(),
        event_slug: event.slug.clone(),
        due: notify::due_label_in(lang, &event, out.due_at),
        version_line: version_line(lang, &out, true),
        can_edit,
        is_staff: staff,
        chatham_house: !session.confidentiality.attributes(),
        speakers,
        addressees: ADDRESSEES.to_vec(),
        themes,
        priorities: choices(Priority::ALL, "priority", lang),
        timeframes: choices(Timeframe::ALL, "timeframe", lang),
        overview: typed.overview,
        key_points: typed.key_points,
        challenges: typed.challenges,
        recommendations: typed.recommendations,
        next_steps: typed.next_steps,
        version: typed.version,
        languages: crate::i18n::Language::ALL
            .iter()
            .map(|l| Choice {
                value: l.as_str().to_string(),
                label: l.label().to_string(),
                selected: false,
            })
            .collect(),
        language: if typed.language.is_empty() {
            event.language.as_str().to_string()
        } else {
            typed.language
        },
        summary: out,
        errors: field_errors(lang, &errors),
        problem,
        reading,
    };
    Ok((code, render(&page)).into_response())
}

/// The editor again, showing what was typed with its errors or problem.
async fn editor_again(
    state: &AppState,
    ctx: Ctx,
    actor: &crate::web::Actor,
    id: i32,
    with: EditorState,
) -> Response {
    editor_page(state, ctx.clone(), actor, id, Some(with))
        .await
        .unwrap_or_else(|err| error_with(ctx, err))
}

async fn editor(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    PagePath(id): PagePath<i32>,
) -> Response {
    match editor_page(&state, ctx.clone(), &actor, id, None).await {
        Ok(page) => page,
        Err(err) => error_with(ctx, err),
    }
}

/// A summary's address: the review for organizers, the editor for its rapporteur.
async fn summary_page(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    PagePath(id): PagePath<i32>,
) -> Response {
    let page = if actor.is_staff() {
        review_page(&state, ctx.clone(), &actor, id, ReviewForm::default()).await
    } else {
        editor_page(&state, ctx.clone(), &actor, id, None).await
    };
    page.unwrap_or_else(|err| error_with(ctx, err))
}

async fn save(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    PagePath(id): PagePath<i32>,
    form: FormData,
) -> Response {
    let typed = Typed::from_form(&form);
    let action = form.get("action").unwrap_or_else(|| "save".into());
    let saved = service::save(&state.db, &state.settings, &actor, id, typed.input()).await;
    let was_saved = saved.is_ok();
    let result = match saved {
        Ok(_) if action == "submit" => service::submit(&state.db, &state.settings, &actor, id)
            .await
            .map(|_| "sum-editor-submitted"),
        Ok(_) => Ok("sum-editor-saved"),
        Err(err) => Err(err),
    };
    // Organizers who edit stay in the editor until they submit; the summary's address
    // opens the review for them.
    let back = if actor.is_staff() && action != "submit" {
        format!("/rapporteur/sessions/{id}/edit")
    } else {
        format!("/rapporteur/sessions/{id}")
    };
    match result {
        Ok(message) => redirect_with_flash(&back, &t(ctx.lang, message)),
        Err(AppError::Invalid(errors)) => {
            // After a successful save, a refused submission starts from the new version.
            let mut typed = typed;
            if let Ok(current) = service::get(&state.db, &state.settings, &actor, id).await {
                typed.version = current.version.max(typed.version);
            }
            let with = EditorState {
                typed,
                errors,
                problem: None,
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            editor_again(&state, ctx, &actor, id, with).await
        }
        Err(AppError::Conflict(why)) => {
            // Keep what was typed; saving again (now from the latest version) overwrites.
            let mut typed = typed;
            let from = typed.version;
            let current = service::get(&state.db, &state.settings, &actor, id)
                .await
                .ok();
            if let Some(current) = &current {
                typed.version = current.version;
            }
            let why = match &current {
                Some(current) => conflict(ctx.lang, &actor, current, from, was_saved),
                None => why,
            };
            let with = EditorState {
                typed,
                errors: Vec::new(),
                problem: Some(format!(
                    "{why} {}",
                    t(ctx.lang, "sum-editor-conflict-after")
                )),
                status: StatusCode::CONFLICT,
            };
            editor_again(&state, ctx, &actor, id, with).await
        }
        Err(err) => error_with(ctx, err),
    }
}

/// The wordings of the summaries' own field errors, and their messages.
const FIELD_ERRORS: &[(&str, &str)] = &[
    (
        "is required: tell the rapporteur what to change",
        "sum-error-comment-required",
    ),
    (
        "is required: write and save the summary before submitting it",
        "sum-error-overview-unsaved",
    ),
    (
        "is required to submit the summary",
        "sum-error-overview-required",
    ),
    (
        "must be left out: the session is held under the Chatham House rule, so a key point names no one",
        "sum-error-chatham",
    ),
    (
        "is not a participant of this session",
        "sum-error-not-participant",
    ),
];

/// Field errors in `lang`: the summaries' own wordings, then the common ones.
fn field_errors(lang: Language, errors: &[FieldError]) -> FormErrors {
    FormErrors(
        errors
            .iter()
            .map(|e| {
                let message = match FIELD_ERRORS.iter().find(|(w, _)| *w == e.message) {
                    Some((_, id)) => t(lang, id),
                    None => crate::i18n::fields::message(lang, &e.message),
                };
                FieldError::new(e.field.clone(), message)
            })
            .collect(),
    )
}

/// Why a save or a submission was refused for a conflict, in `lang`, as the service
/// checks: a rapporteur's summary no longer open, another save since the editor opened
/// (from version `from`), or (saved, then submitted) a summary submitted already.
fn conflict(
    lang: Language,
    actor: &crate::web::Actor,
    current: &SummaryOut,
    from: i32,
    was_saved: bool,
) -> String {
    let status = [("status", current.status.as_str().into())];
    if was_saved {
        crate::i18n::t_args(lang, "sum-editor-conflict-already", &status)
    } else if !actor.is_staff() && !current.status.is_open() {
        crate::i18n::t_args(lang, "sum-editor-conflict-status", &status)
    } else {
        crate::i18n::t_args(
            lang,
            "sum-editor-conflict-version",
            &[("now", current.version.into()), ("from", from.into())],
        )
    }
}

/// Markdown as the report will show it, for the editors' preview: an HTML fragment drawn
/// by the report's own rendering (`domain::RichText`), so the preview cannot differ.
async fn preview(SignedIn { ctx, .. }: SignedIn, form: FormData) -> Response {
    let html = RichText::parse(&form.get("text").unwrap_or_default()).html();
    let body = if html.is_empty() {
        let text = t(ctx.lang, "sum-md-nothing")
            .replace('&', "&amp;")
            .replace('<', "&lt;");
        format!("<p class=\"meta\">{text}</p>")
    } else {
        html
    };
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

// ----- The organizers' review -----

/// What changed between the previous submission and the summary as it stands.
pub struct SinceLast {
    /// The version of the previous submission.
    pub from: i32,
    /// When it was submitted, in the event's zone.
    pub from_at: String,
    pub to: i32,
    /// "From version 2, submitted …, to version 6." in the page's language.
    pub range_line: String,
    pub lines: Vec<DiffLine>,
    /// What the organizers asked when they returned the previous submission.
    pub asked: Option<String>,
}

impl SinceLast {
    pub fn changed(&self) -> bool {
        self.lines
            .iter()
            .any(|l| l.change != super::diff::LineChange::Same)
    }
}

#[derive(Template)]
#[template(path = "summaries/review.html")]
struct Review {
    ctx: Ctx,
    session_id: i32,
    session_title: String,
    event_title: String,
    event_slug: String,
    when: String,
    summary: SummaryOut,
    /// "version 3".
    version_line: String,
    due: String,
    due_input: String,
    reading: Option<SessionView>,
    /// `None` before the summary is submitted; its `from` is 0 for a first submission.
    since: Option<SinceLast>,
    can_approve: bool,
    can_return: bool,
    errors: FormErrors,
    comment: String,
}

impl Review {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

/// The review form as sent, when it comes back with errors.
#[derive(Default)]
struct ReviewForm {
    errors: Vec<FieldError>,
    comment: String,
}

/// The change since the previous submission: from the submission before the latest one to
/// the summary as it stands (which an organizer may have edited since).
fn since_last(
    lang: Language,
    event: &event::Model,
    versions: &[summary_version::Model],
    current: &SummaryContent,
    current_version: i32,
    name_of: &dyn Fn(i32) -> Option<String>,
) -> Option<SinceLast> {
    let mut submissions = versions
        .iter()
        .rev()
        .filter(|v| v.action == VersionAction::Submitted);
    let latest = submissions.next()?;
    let now = diff::as_lines(current, name_of);
    let Some(previous) = submissions.next() else {
        return Some(SinceLast {
            from: 0,
            from_at: String::new(),
            to: current_version,
            range_line: String::new(),
            lines: Vec::new(),
            asked: None,
        });
    };
    let asked = versions
        .iter()
        .rev()
        .filter(|v| v.version > previous.version && v.version < latest.version)
        .find(|v| v.action == VersionAction::Returned)
        .and_then(|v| v.comment.clone());
    let before = diff::as_lines(&store::content_of(&previous.content), name_of);
    let from_at = local_moment(lang, event, previous.created_at);
    Some(SinceLast {
        from: previous.version,
        range_line: crate::i18n::t_args(
            lang,
            "sum-review-from-to",
            &[
                ("from", previous.version.into()),
                ("date", from_at.clone().into()),
                ("to", current_version.into()),
            ],
        ),
        from_at,
        to: current_version,
        lines: diff::diff(&before, &now),
        asked,
    })
}

/// The organizers' review: the summary as the report will show it, what changed since the
/// previous submission, the comment box with approve and return, and the due date.
async fn review_page(
    state: &AppState,
    ctx: Ctx,
    actor: &crate::web::Actor,
    id: i32,
    form: ReviewForm,
) -> Result<Response, AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden(t(
            ctx.lang,
            "sum-review-only-organizers",
        )));
    }
    let (session, event, summary) = service::access(state.db.conn(), actor, id).await?;
    let out = service::view(&state.settings, &session, summary.as_ref());
    let status = out.status;
    let panel = panel_of(state, id).await?;
    let content = content_of(summary.as_ref());
    let since = match &summary {
        Some(s) if matches!(status, SummaryStatus::Submitted | SummaryStatus::Approved) => {
            // Under the Chatham House rule, the changes name no one either.
            let names: std::collections::HashMap<i32, String> = panel
                .iter()
                .filter(|_| session.confidentiality.attributes())
                .map(|p| (p.person_id, p.display_name.clone()))
                .collect();
            let versions = store::versions(state.db.conn(), s.id).await?;
            since_last(ctx.lang, &event, &versions, &content, s.version, &|pid| {
                names.get(&pid).cloned()
            })
        }
        _ => None,
    };
    let code = if form.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let zone = event.timezone;
    let lang = ctx.lang;
    let page = Review {
        ctx,
        session_id: id,
        when: when_in(lang, &event, &session),
        session_title: session.title.clone(),
        event_title: event.title.clone(),
        event_slug: event.slug.clone(),
        due: notify::due_label_in(lang, &event, out.due_at),
        version_line: version_line(lang, &out, false),
        due_input: zone.local(out.due_at).format("%Y-%m-%dT%H:%M").to_string(),
        reading: reading(lang, &event, &session, &panel, content),
        since,
        can_approve: status == SummaryStatus::Submitted,
        can_return: matches!(status, SummaryStatus::Submitted | SummaryStatus::Approved),
        summary: out,
        errors: field_errors(lang, &form.errors),
        comment: form.comment,
    };
    Ok((code, render(&page)).into_response())
}

/// The review again, with the errors of its comment or due date form.
async fn review_again(
    state: &AppState,
    ctx: Ctx,
    actor: &crate::web::Actor,
    id: i32,
    form: ReviewForm,
) -> Response {
    review_page(state, ctx.clone(), actor, id, form)
        .await
        .unwrap_or_else(|err| error_with(ctx, err))
}

async fn review(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    PagePath(id): PagePath<i32>,
    form: FormData,
) -> Response {
    let input = ReviewInput {
        comment: form.get("comment"),
    };
    let decision = match form.get("action").as_deref() {
        Some("approve") => Decision::Approve,
        _ => Decision::Return,
    };
    match service::review(&state.db, &state.settings, &actor, id, input, decision).await {
        Ok(_) => {
            let message = match decision {
                Decision::Approve => "sum-review-approved",
                Decision::Return => "sum-review-returned-flash",
            };
            redirect_with_flash(&format!("/rapporteur/sessions/{id}"), &t(ctx.lang, message))
        }
        Err(AppError::Invalid(errors)) => {
            let comment = form.get("comment").unwrap_or_default();
            review_again(&state, ctx, &actor, id, ReviewForm { errors, comment }).await
        }
        Err(err) => error_with(ctx, err),
    }
}

async fn set_due(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    PagePath(id): PagePath<i32>,
    form: FormData,
) -> Response {
    let result = async {
        let due = super::api::parse_due(&state, id, form.get("due_at").as_deref()).await?;
        service::set_due(&state.db, &state.settings, &actor, id, due).await
    }
    .await;
    match result {
        Ok(_) => redirect_with_flash(
            &format!("/rapporteur/sessions/{id}"),
            &t(ctx.lang, "sum-review-due-changed"),
        ),
        Err(AppError::Invalid(errors)) => {
            let form = ReviewForm {
                errors,
                comment: String::new(),
            };
            review_again(&state, ctx, &actor, id, form).await
        }
        Err(err) => error_with(ctx, err),
    }
}

// ----- Versions -----

pub struct VersionRow {
    pub version: i32,
    pub action: super::VersionAction,
    pub status: SummaryStatus,
    pub by: String,
    pub at: String,
    pub comment: Option<String>,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "summaries/versions.html")]
struct Versions {
    ctx: Ctx,
    session_id: i32,
    session_title: String,
    rows: Vec<VersionRow>,
    /// The heading of the changes shown: "Changes from version 2 to 3".
    compared: Option<String>,
    lines: Vec<DiffLine>,
}

#[derive(Deserialize)]
struct CompareQuery {
    version: Option<String>,
}

async fn versions(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    PagePath(id): PagePath<i32>,
    Query(query): Query<CompareQuery>,
) -> PageResult {
    let (session, event, summary) = service::access(state.db.conn(), &actor, id).await?;
    let list = match &summary {
        Some(s) => store::versions(state.db.conn(), s.id).await?,
        None => Vec::new(),
    };
    let latest = list.last().map_or(0, |v| v.version);
    let chosen = query
        .version
        .and_then(|v| v.parse::<i32>().ok())
        .filter(|v| list.iter().any(|x| x.version == *v))
        .unwrap_or(latest);
    let names: std::collections::HashMap<i32, String> = participant_views(
        state.db.conn(),
        event_store::participants(state.db.conn(), &[id]).await?,
    )
    .await?
    .remove(&id)
    .unwrap_or_default()
    .into_iter()
    .filter(|_| session.confidentiality.attributes())
    .map(|p| (p.person_id, p.display_name))
    .collect();
    let name_of = |pid: i32| names.get(&pid).cloned();
    let text_of = |version: i32| {
        list.iter()
            .find(|v| v.version == version)
            .map(|v| diff::as_lines(&store::content_of(&v.content), &name_of))
            .unwrap_or_default()
    };
    let lang = ctx.lang;
    let (compared, lines) = if chosen > 0 {
        let before = list
            .iter()
            .rev()
            .find(|v| v.version < chosen)
            .map_or(0, |v| v.version);
        let heading = if before == 0 {
            crate::i18n::t_args(lang, "sum-versions-first", &[("version", chosen.into())])
        } else {
            crate::i18n::t_args(
                lang,
                "sum-versions-changes",
                &[("from", before.into()), ("to", chosen.into())],
            )
        };
        (
            Some(heading),
            diff::diff(&text_of(before), &text_of(chosen)),
        )
    } else {
        (None, Vec::new())
    };
    let rows = list
        .iter()
        .rev()
        .map(|v| VersionRow {
            version: v.version,
            action: v.action,
            status: v.status,
            by: v.user_name.clone(),
            at: local_moment(lang, &event, v.created_at),
            comment: v.comment.clone(),
            selected: v.version == chosen,
        })
        .collect();
    Ok(render(&Versions {
        ctx,
        session_id: id,
        session_title: session.title,
        rows,
        compared,
        lines,
    }))
}

// ----- Organizers: an event's summaries, and the themes -----

#[derive(Template)]
#[template(path = "summaries/event.html")]
struct EventSummaries {
    ctx: Ctx,
    event_title: String,
    event_slug: String,
    rows: Vec<AssignmentRow>,
    late: usize,
    to_review: usize,
    approved: usize,
}

async fn event_summaries(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let list = service::assignments(&state.db, &state.settings, None, Some(event.id)).await?;
    let ids: Vec<i32> = list.iter().map(|a| a.session.id).collect();
    let people = participant_views(
        state.db.conn(),
        store::rapporteur_rows(state.db.conn(), Some(&ids)).await?,
    )
    .await?;
    let names = people
        .into_iter()
        .map(|(sid, ps)| {
            (
                sid,
                ps.iter()
                    .map(|p| p.display_name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })
        .collect();
    let rows = rows(list, &names, ctx.lang);
    Ok(render(&EventSummaries {
        ctx,
        late: rows.iter().filter(|r| r.late).count(),
        to_review: rows
            .iter()
            .filter(|r| r.status == SummaryStatus::Submitted)
            .count(),
        approved: rows
            .iter()
            .filter(|r| r.status == SummaryStatus::Approved)
            .count(),
        event_title: event.title,
        event_slug: event.slug,
        rows,
    }))
}

pub struct ThemeRow {
    pub id: i32,
    pub name: String,
    pub curated: bool,
}

#[derive(Template)]
#[template(path = "summaries/themes.html")]
struct Themes {
    ctx: Ctx,
    rows: Vec<ThemeRow>,
    name: String,
    error: Option<String>,
}

async fn themes_page(
    state: &AppState,
    ctx: Ctx,
    name: String,
    error: Option<String>,
) -> PageResult {
    let rows = store::themes(state.db.conn())
        .await?
        .into_iter()
        .map(|t| ThemeRow {
            id: t.id,
            name: t.name,
            curated: t.curated,
        })
        .collect();
    let code = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((
        code,
        render(&Themes {
            ctx,
            rows,
            name,
            error,
        }),
    )
        .into_response())
}

async fn themes(State(state): State<AppState>, Workspace { ctx, .. }: Workspace) -> PageResult {
    themes_page(&state, ctx, String::new(), None).await
}

async fn change_themes(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    form: FormData,
) -> PageResult {
    if let Some(id) = form.get("delete").and_then(|id| id.parse::<i32>().ok()) {
        service::delete_theme(&state.db, &actor, id).await?;
        return Ok(redirect_with_flash(
            "/organize/themes",
            &t(ctx.lang, "sum-themes-removed"),
        ));
    }
    let name = form.get("name").unwrap_or_default();
    match service::curate_theme(&state.db, &actor, Some(&name)).await {
        Ok(theme) => Ok(redirect_with_flash(
            "/organize/themes",
            &crate::i18n::t_texts(ctx.lang, "sum-themes-added", &[("theme", &theme.name)]),
        )),
        Err(AppError::Invalid(errors)) => {
            let message = errors
                .first()
                .map(|e| crate::i18n::fields::message(ctx.lang, &e.message));
            themes_page(&state, ctx, name, message).await
        }
        Err(err) => Err(err.into()),
    }
}

/// How far an event's summaries are, for the workspace's event page.
pub async fn progress(state: &AppState, event_id: i32) -> Result<(usize, usize, usize), AppError> {
    let list = service::assignments(&state.db, &state.settings, None, Some(event_id)).await?;
    let now = Utc::now();
    Ok((
        list.len(),
        list.iter()
            .filter(|a| a.status == SummaryStatus::Approved)
            .count(),
        list.iter()
            .filter(|a| service::is_late(a.status, a.due, now))
            .count(),
    ))
}
