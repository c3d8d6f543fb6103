//! Translating an event or a series, beside its original: `/organize/events/{event}/translations?into=fr`
//! shows each text of the event (title, subtitle, description), of its sessions (title,
//! description) and of its outcome report (introduction, conclusions) in the language it
//! is written in, with the translation into the chosen language beside it; saving writes
//! them all in one transaction. `/organize/series/{series}/translations` does the same
//! for a series' title and description.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde_json::json;

use super::{SeriesRef, store};
use crate::app::AppState;
use crate::audit;
use crate::entities::{event_report, series, session};
use crate::error::{AppError, FieldError, FieldErrors};
use crate::i18n::Language;
use crate::i18n::content::{self, Translations};
use crate::web::ListQuery;
use crate::web::forms::{Field, Kind, Values};
use crate::web::pages::PagePath as Path;
use crate::web::pages::{Ctx, FormData, PageResult, Workspace, redirect_with_flash, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/organize/events/{event}/translations",
            get(event_page).post(save_event),
        )
        .route(
            "/organize/series/{series}/translations",
            get(series_page).post(save_series),
        )
}

/// One text to translate: the original beside the field of its translation.
pub struct Row {
    /// "Title", "Session: Opening — description".
    pub heading: String,
    pub original: String,
    pub field: Field,
}

/// A group of rows: the event, a session, the report.
pub struct Group {
    pub heading: Legend,
    pub rows: Vec<Row>,
}

/// A group's legend, which may name a text of the original ("Session: Apertura"): the name
/// is marked with the original's language, the words around it are the page's.
#[derive(Clone)]
pub struct Legend {
    pub before: String,
    pub name: Option<String>,
    pub after: String,
}

impl Legend {
    fn plain(text: String) -> Self {
        Self {
            before: text,
            name: None,
            after: String::new(),
        }
    }

    /// The message `id` with `name` as its `$title`.
    fn naming(ctx: &Ctx, id: &str, name: &str) -> Self {
        const MARK: &str = "\u{1}";
        let said = ctx.t1(id, "title", MARK);
        let (before, after) = said.split_once(MARK).unwrap_or((&said, ""));
        Self {
            before: before.to_string(),
            name: Some(name.to_string()),
            after: after.to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "events/translations.html")]
struct TranslationsPage {
    ctx: Ctx,
    /// What is translated: the event's or series' title.
    title: String,
    back: String,
    action: String,
    original: Language,
    into: Language,
    /// The other languages it may be translated into, with the page's address for each.
    choices: Vec<(Language, String)>,
    groups: Vec<Group>,
    errors: Vec<String>,
    has_errors: bool,
}

/// A text of a record, under the form's name for it.
struct Source {
    /// The record's group: "event", "session-12", "report", "series".
    record: String,
    field: &'static str,
    original: String,
    translations: Translations,
    multiline: bool,
}

impl Source {
    fn name(&self) -> String {
        format!("{}-{}", self.record, self.field)
    }
}

/// The language chosen with `?into=` (the first other than the original by default).
fn into_language(query: &ListQuery, original: Language) -> Language {
    query
        .get("into")
        .and_then(|code| code.parse::<Language>().ok())
        .filter(|l| *l != original)
        .or_else(|| Language::ALL.iter().copied().find(|l| *l != original))
        .unwrap_or_default()
}

fn label(ctx: &Ctx, field: &str) -> String {
    ctx.t(&format!("translations-field-{field}"))
}

/// The page's groups from `sources`, holding `values` (the translations as stored, or as
/// just typed) and `errors` beside their fields.
fn groups(
    ctx: &Ctx,
    sources: &[(Legend, Vec<Source>)],
    values: &Values,
    errors: &[FieldError],
) -> Vec<Group> {
    let errors = crate::i18n::fields::translated(ctx.lang, errors);
    sources
        .iter()
        .map(|(heading, texts)| Group {
            heading: heading.clone(),
            rows: texts
                .iter()
                .map(|s| {
                    let name = s.name();
                    let kind = if s.multiline {
                        Kind::TextArea
                    } else {
                        Kind::Text
                    };
                    let mut field = Field::new(&name, &label(ctx, s.field), kind, values);
                    field.error = errors
                        .iter()
                        .find(|e| e.field == name)
                        .map(|e| crate::web::forms::sentence(&e.message));
                    Row {
                        heading: label(ctx, s.field),
                        original: s.original.clone(),
                        field,
                    }
                })
                .collect(),
        })
        .collect()
}

/// The stored translations into `into` as the form's values.
fn stored_values(sources: &[(Legend, Vec<Source>)], into: Language) -> Values {
    let mut values = Values::default();
    for s in sources.iter().flat_map(|(_, texts)| texts) {
        values.set(&s.name(), s.translations.get(into, s.field));
    }
    values
}

fn form_names(sources: &[(Legend, Vec<Source>)]) -> Vec<String> {
    sources
        .iter()
        .flat_map(|(_, texts)| texts.iter().map(Source::name))
        .collect()
}

/// A form refused: what was typed, and what is wrong with it.
type Refused = (Values, Vec<FieldError>);

/// The translations of each record as the form sends them, checked: the records' new
/// translations, by record, or the errors under the form's names.
fn read_form(
    sources: &[(Legend, Vec<Source>)],
    form: &FormData,
    into: Language,
    original: Language,
) -> Result<Vec<(String, Translations)>, Refused> {
    let names = form_names(sources);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let values = Values::from_form(form, &names);
    let mut errors = FieldErrors::new();
    let mut records: Vec<(String, Translations)> = Vec::new();
    for s in sources.iter().flat_map(|(_, texts)| texts) {
        let limits: &[(&str, usize, bool)] = &[(s.field, content::max_len(s.field), s.multiline)];
        let mut record_errors = FieldErrors::new();
        let sent = std::collections::BTreeMap::from([(
            into.as_str().to_string(),
            std::collections::BTreeMap::from([(s.field.to_string(), values.opt(&s.name()))]),
        )]);
        let checked = content::validate(Some(sent), original, limits, &mut record_errors);
        if let Err(AppError::Invalid(list)) = record_errors.finish() {
            for e in list {
                errors.add(s.name(), e.message);
            }
            continue;
        }
        let index = match records.iter().position(|(record, _)| *record == s.record) {
            Some(index) => index,
            None => {
                records.push((s.record.clone(), s.translations.clone()));
                records.len() - 1
            }
        };
        let translations = &mut records[index].1;
        let mut texts = translations.0.get(&into).cloned().unwrap_or_default();
        match checked.get(into, s.field) {
            Some(text) => texts.insert(s.field.to_string(), text.to_string()),
            None => texts.remove(s.field),
        };
        translations.set(into, texts);
    }
    match errors.finish() {
        Err(AppError::Invalid(errors)) => Err((values, errors)),
        _ => Ok(records),
    }
}

/// Records the translation and sends the organizer back to the page with a word of it.
async fn saved(
    txn: crate::db::WriteTxn<'_>,
    ctx: &Ctx,
    actor: &crate::web::Actor,
    (kind, id): (&str, i32),
    into: Language,
    page: String,
) -> PageResult {
    audit::record(
        &*txn,
        Some(actor),
        "translate",
        kind,
        id,
        json!({"language": into.as_str()}),
    )
    .await?;
    txn.commit().await?;
    Ok(redirect_with_flash(
        &page,
        &ctx.t1(
            "translations-saved",
            "language",
            &ctx.language_name(into.as_str()),
        ),
    ))
}

// ----- Events -----

/// The texts of an event, its sessions and its report.
async fn event_sources(
    state: &AppState,
    ctx: &Ctx,
    event: &crate::entities::event::Model,
) -> Result<
    (
        Vec<(Legend, Vec<Source>)>,
        Vec<session::Model>,
        Option<event_report::Model>,
    ),
    AppError,
> {
    let event_texts = Translations::stored(event.translations.as_deref());
    let text =
        |record: &str, field, original: &str, translations: &Translations, multiline| Source {
            record: record.to_string(),
            field,
            original: original.to_string(),
            translations: translations.clone(),
            multiline,
        };
    let mut about = vec![text("event", "title", &event.title, &event_texts, false)];
    if let Some(subtitle) = &event.subtitle {
        about.push(text("event", "subtitle", subtitle, &event_texts, false));
    }
    if let Some(description) = &event.description {
        about.push(text(
            "event",
            "description",
            description,
            &event_texts,
            true,
        ));
    }
    let mut sources = vec![(Legend::plain(ctx.t("translations-the-event")), about)];
    let (sessions, _) = store::sessions_seen(state.db.conn(), event.id, None, true).await?;
    for s in &sessions {
        let texts = Translations::stored(s.translations.as_deref());
        let record = format!("session-{}", s.id);
        let mut rows = vec![text(&record, "title", &s.title, &texts, false)];
        if let Some(description) = &s.description {
            rows.push(text(&record, "description", description, &texts, true));
        }
        sources.push((Legend::naming(ctx, "translations-session", &s.title), rows));
    }
    let report = crate::reports::store::of_event(state.db.conn(), event.id).await?;
    if let Some(r) = &report {
        let texts = Translations::stored(r.translations.as_deref());
        let mut rows = Vec::new();
        if let Some(introduction) = &r.introduction {
            rows.push(text("report", "introduction", introduction, &texts, true));
        }
        if let Some(conclusions) = &r.conclusions {
            rows.push(text("report", "conclusions", conclusions, &texts, true));
        }
        if !rows.is_empty() {
            sources.push((Legend::plain(ctx.t("translations-the-report")), rows));
        }
    }
    Ok((sources, sessions, report))
}

async fn event_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(reference): Path<String>,
    query: ListQuery,
) -> PageResult {
    let event = super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let into = into_language(&query, event.language);
    let (sources, _, _) = event_sources(&state, &ctx, &event).await?;
    let values = stored_values(&sources, into);
    Ok(render(&Subject::event(&event).form(
        ctx,
        into,
        &sources,
        &values,
        &[],
    )))
}

/// What is translated: an event or a series, by its title and language, and where its
/// pages are.
struct Subject {
    title: String,
    language: Language,
    /// The translations page, without `?into=`.
    base: String,
    /// Where "Back" leads.
    back: String,
}

impl Subject {
    fn event(event: &crate::entities::event::Model) -> Self {
        Self {
            title: event.title.clone(),
            language: event.language,
            base: format!("/organize/events/{}/translations", event.slug),
            back: format!("/organize/events/{}", event.slug),
        }
    }

    fn series(series: &series::Model) -> Self {
        Self {
            title: series.title.clone(),
            language: series.language,
            base: format!("/organize/series/{}/translations", series.slug),
            back: format!("/series/{}", series.slug),
        }
    }

    /// The translations page into `into`.
    fn page(&self, into: Language) -> String {
        format!("{}?into={}", self.base, into.as_str())
    }

    /// The page with `values` in its fields and `errors` beside them.
    fn form(
        self,
        ctx: Ctx,
        into: Language,
        sources: &[(Legend, Vec<Source>)],
        values: &Values,
        errors: &[FieldError],
    ) -> TranslationsPage {
        TranslationsPage {
            groups: groups(&ctx, sources, values, errors),
            errors: unshown(errors, sources),
            has_errors: !errors.is_empty(),
            action: self.page(into),
            choices: Language::ALL
                .iter()
                .filter(|l| **l != self.language)
                .map(|l| (*l, self.page(*l)))
                .collect(),
            title: self.title,
            back: self.back,
            original: self.language,
            into,
            ctx,
        }
    }
}

/// Errors of no field of the page (none expected: every text has its field).
fn unshown(errors: &[FieldError], sources: &[(Legend, Vec<Source>)]) -> Vec<String> {
    let names = form_names(sources);
    errors
        .iter()
        .filter(|e| !names.contains(&e.field))
        .map(|e| e.message.clone())
        .collect()
}

async fn save_event(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(reference): Path<String>,
    query: ListQuery,
    form: FormData,
) -> PageResult {
    let event = super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let into = into_language(&query, event.language);
    let (sources, sessions, report) = event_sources(&state, &ctx, &event).await?;
    let records = match read_form(&sources, &form, into, event.language) {
        Ok(records) => records,
        Err((values, errors)) => {
            let page = Subject::event(&event).form(ctx, into, &sources, &values, &errors);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
        }
    };
    let txn = state.db.begin_write().await?;
    for (record, translations) in records {
        let column = Set(translations.to_column());
        if record == "event" {
            let mut active: crate::entities::event::ActiveModel = event.clone().into();
            active.translations = column;
            active.update(&*txn).await?;
        } else if record == "report" {
            if let Some(r) = report.clone() {
                let mut active: event_report::ActiveModel = r.into();
                active.translations = column;
                active.update(&*txn).await?;
            }
        } else if let Some(s) = record
            .strip_prefix("session-")
            .and_then(|id| id.parse::<i32>().ok())
            .and_then(|id| sessions.iter().find(|s| s.id == id))
        {
            let mut active: session::ActiveModel = s.clone().into();
            active.translations = column;
            active.update(&*txn).await?;
        }
    }
    let page = Subject::event(&event).page(into);
    saved(txn, &ctx, &actor, ("event", event.id), into, page).await
}

// ----- Series -----

fn series_sources(ctx: &Ctx, series: &series::Model) -> Vec<(Legend, Vec<Source>)> {
    let texts = Translations::stored(series.translations.as_deref());
    let mut rows = vec![Source {
        record: "series".into(),
        field: "title",
        original: series.title.clone(),
        translations: texts.clone(),
        multiline: false,
    }];
    if let Some(description) = &series.description {
        rows.push(Source {
            record: "series".into(),
            field: "description",
            original: description.clone(),
            translations: texts,
            multiline: true,
        });
    }
    vec![(Legend::plain(ctx.t("translations-the-series")), rows)]
}

async fn find_series(state: &AppState, reference: &str) -> Result<series::Model, AppError> {
    store::series(state.db.conn(), &SeriesRef::parse(reference))
        .await?
        .ok_or(AppError::NotFound("series"))
}

async fn series_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(reference): Path<String>,
    query: ListQuery,
) -> PageResult {
    let series = find_series(&state, &reference).await?;
    let into = into_language(&query, series.language);
    let sources = series_sources(&ctx, &series);
    let values = stored_values(&sources, into);
    Ok(render(&Subject::series(&series).form(
        ctx,
        into,
        &sources,
        &values,
        &[],
    )))
}

async fn save_series(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(reference): Path<String>,
    query: ListQuery,
    form: FormData,
) -> PageResult {
    let series = find_series(&state, &reference).await?;
    let into = into_language(&query, series.language);
    let sources = series_sources(&ctx, &series);
    let records = match read_form(&sources, &form, into, series.language) {
        Ok(records) => records,
        Err((values, errors)) => {
            let page = Subject::series(&series).form(ctx, into, &sources, &values, &errors);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
        }
    };
    let txn = state.db.begin_write().await?;
    if let Some((_, translations)) = records.into_iter().next() {
        let mut active: series::ActiveModel = series.clone().into();
        active.translations = Set(translations.to_column());
        active.update(&*txn).await?;
    }
    let page = Subject::series(&series).page(into);
    saved(txn, &ctx, &actor, ("series", series.id), into, page).await
}
