//! The organizers' pages of the library (`/organize/documents`): every document in one
//! list, the form that adds one (a file dropped on the page or chosen, streamed to the
//! store as it arrives, or a link instead), the form that changes a document's metadata,
//! and withdrawal. Both forms work as plain HTML forms, which come back with each error
//! beside its field and what was typed kept; the page's script sends them itself
//! (`Accept: application/json`) to show the upload's progress, and gets the document's
//! address, or the errors named as the form's fields, as JSON.

use std::collections::HashMap;

use askama::Template;
use axum::Json;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;

use super::pages::DocumentCard;
use super::service::{self, Filter, StoredFile};
use super::{Access, DocumentInput, DocumentKind, DocumentOut};
use crate::app::AppState;
use crate::domain::{Region, SubRegion};
use crate::error::{AppError, FieldError, FieldErrors};
use crate::i18n::Language;
use crate::web::forms::{Choice, Field, Kind, Values, enum_choices, sentence};
use crate::web::pages::PagePath as Path;
use crate::web::pages::{
    CSRF_FIELD, Ctx, FormData, PageError, PageResult, Workspace, csrf_matches, csrf_refused,
    error_with, flash_cookie, redirect_with_flash, render,
};
use crate::web::{Actor, ListQuery, Pagination, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/documents", get(list))
        // The file's size is counted as it streams in, against `documents.max_mb`.
        .route(
            "/organize/documents/new",
            get(new_form)
                .post(create)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/organize/documents/{id}", get(edit_form).post(update))
        .route("/organize/documents/{id}/withdraw", post(withdraw))
}

/// The form's fields besides the file, by name.
const FIELDS: &[&str] = &[
    "title",
    "kind",
    "published_on",
    "organization_ids",
    "regions",
    "countries",
    "language",
    "summary",
    "access",
    "event_id",
    "series_id",
    "next_steps",
    "url",
];

/// The most one text field of the add form may hold (a summary is at most 20,000
/// characters, which UTF-8 may take four bytes each to write).
const TEXT_MAX: usize = 256 * 1024;
/// The most its text fields may hold together.
const TEXT_TOTAL: usize = 1024 * 1024;
/// The most parts it may have (a box per organization ticked, say).
const PARTS_MAX: usize = 5_000;
/// How many organizations, events and series the form offers to choose from.
const CHOICES_MAX: u64 = 2_000;

// ----- The list -----

/// A document in the organizers' list.
struct Row {
    edit_url: String,
    access: Access,
    card: DocumentCard,
}

#[derive(Template)]
#[template(path = "documents/workspace_list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<Row>,
    /// How many documents match, for the sentence that says it.
    total_count: usize,
    q: String,
    kinds: Vec<Choice>,
    /// The pages before and after this one, when there are.
    newer: Option<String>,
    older: Option<String>,
}

/// Every document of the library, whoever may read it, newest first (undated last);
/// `?q=` words of the title or summary, `?kind=`.
#[tracing::instrument(skip_all)]
async fn list(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    query: ListQuery,
) -> PageResult {
    // A filter that means nothing is left out, as the other lists of the workspace do.
    let mut ignored = FieldErrors::new();
    let kind = query.parsed::<DocumentKind>("kind", &mut ignored);
    let page = query.pagination(&mut ignored);
    let q: String = query.get("q").unwrap_or("").chars().take(200).collect();
    let filter = Filter {
        kind,
        q: Some(q.clone()).filter(|q| !q.is_empty()),
        ..Filter::default()
    };
    let (documents, total) = service::list(&state.db, Access::Organizers, &filter, page).await?;
    let link = |offset: u64| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if !q.is_empty() {
            query.append_pair("q", &q);
        }
        if let Some(kind) = kind {
            query.append_pair("kind", kind.as_str());
        }
        if offset > 0 {
            query.append_pair("offset", &offset.to_string());
        }
        let query = query.finish();
        if query.is_empty() {
            "/organize/documents".to_string()
        } else {
            format!("/organize/documents?{query}")
        }
    };
    let shown = documents.len() as u64;
    let lang = ctx.lang;
    let page_view = ListPage {
        rows: documents
            .iter()
            .map(|d| Row {
                edit_url: format!("/organize/documents/{}", d.id),
                access: d.access,
                card: DocumentCard::localized(d, lang),
            })
            .collect(),
        total_count: usize::try_from(total).unwrap_or(usize::MAX),
        kinds: crate::web::forms::term_choices::<DocumentKind>(lang, "doc-kind")
            .into_iter()
            .map(|(value, label)| Choice {
                selected: kind.is_some_and(|k| k.as_str() == value),
                value,
                label,
            })
            .collect(),
        newer: (page.offset > 0).then(|| link(page.offset.saturating_sub(page.limit))),
        older: (page.offset.saturating_add(shown) < total)
            .then(|| link(page.offset.saturating_add(page.limit))),
        q,
        ctx,
    };
    Ok(render(&page_view))
}

// ----- The form -----

/// The document being edited, as the form shows it.
struct Current {
    id: i32,
    page: String,
    /// Its file's address and what it is ("PDF, 120 KB").
    download: Option<(String, String)>,
    filename: Option<String>,
}

/// A region or sub-region to tick.
struct RegionChoice {
    value: &'static str,
    label: String,
    checked: bool,
    /// A sub-region, shown under its region.
    sub: bool,
}

#[derive(Template)]
#[template(path = "documents/form.html")]
struct FormView {
    ctx: Ctx,
    heading: String,
    action: String,
    submit: String,
    current: Option<Current>,
    /// What files the drop zone takes, and how large.
    file_hint: String,
    /// Said beside the file input when the form comes back after a file was sent: the
    /// browser cannot keep it chosen.
    file_note: Option<String>,
    about: Vec<Field>,
    link: Vec<Field>,
    organizations: Vec<Choice>,
    regions: Vec<RegionChoice>,
    countries: Vec<Field>,
    belongs: Vec<Field>,
    next_steps: Vec<Field>,
    access: Vec<Choice>,
    /// The message beside each field, by the field's name.
    errors: HashMap<String, String>,
    /// Errors of no field on the form, for the summary at the top.
    unshown: Vec<String>,
}

impl FormView {
    fn error(&self, name: &str) -> Option<&str> {
        self.errors.get(name).map(String::as_str)
    }

    fn has_errors(&self) -> bool {
        !self.errors.is_empty() || !self.unshown.is_empty()
    }

    fn error_count(&self) -> usize {
        self.errors.len() + self.unshown.len()
    }

    /// The `aria-describedby` of a field with a hint: the hint, and its error when it
    /// has one.
    fn described(&self, name: &str) -> String {
        let id = field_id(name);
        if self.errors.contains_key(name) {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-hint")
        }
    }
}

/// The id of a field's input, as `partials/field.html` and the page's script make it.
fn field_id(name: &str) -> String {
    format!("f-{}", name.replace('_', "-"))
}

/// What the form offers to choose from.
struct Choices {
    organizations: Vec<(String, String)>,
    events: Vec<(String, String)>,
    series: Vec<(String, String)>,
}

async fn choices(state: &AppState, lang: Language) -> Result<Choices, AppError> {
    let all = Pagination {
        limit: CHOICES_MAX,
        offset: 0,
    };
    let (organizations, _) = crate::directory::store::list_organizations(
        state.db.conn(),
        &crate::directory::store::OrganizationFilter::default(),
        all,
    )
    .await?;
    let (events, _) = crate::events::store::list_events(
        state.db.conn(),
        &crate::events::store::EventFilter::default(),
        all,
        true,
    )
    .await?;
    let (series, _) = crate::events::store::list_series(state.db.conn(), all).await?;
    Ok(Choices {
        organizations: organizations
            .into_iter()
            .map(|o| {
                let label = match &o.acronym {
                    Some(acronym) if !acronym.is_empty() => format!("{} ({acronym})", o.name),
                    _ => o.name.clone(),
                };
                (o.id.to_string(), label)
            })
            .collect(),
        events: events
            .into_iter()
            .map(|e| {
                (
                    e.id.to_string(),
                    format!(
                        "{} ({})",
                        e.title,
                        crate::i18n::dates::long(lang, e.starts_on)
                    ),
                )
            })
            .collect(),
        series: series
            .into_iter()
            .map(|s| (s.id.to_string(), s.title))
            .collect(),
    })
}

/// Every value a field was sent with, blank ones left out.
fn all_of(values: &Values, name: &str) -> Vec<String> {
    (0..values.count(name))
        .map(|i| values.nth(name, i).trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The form, filled with `values`, each error beside its field.
fn form_view(
    ctx: Ctx,
    state: &AppState,
    choices: Choices,
    current: Option<&DocumentOut>,
    values: &Values,
    errors: Vec<FieldError>,
    file_note: Option<String>,
) -> FormView {
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let creating = current.is_none();
    let has_file = current.is_some_and(|d| d.file.is_some());
    let on_form = |name: &str| match name {
        "file" => creating,
        "url" => !has_file,
        other => FIELDS.contains(&other),
    };
    let mut shown = HashMap::new();
    let mut unshown = Vec::new();
    for error in errors {
        if on_form(&error.field) {
            shown.entry(error.field).or_insert(error.message);
        } else {
            unshown.push(format!(
                "{}: {}",
                error.field.replace('_', " "),
                error.message
            ));
        }
    }
    let field = |name: &str, label: &str, kind: Kind| {
        let mut field = Field::new(name, label, kind, values);
        field.error = shown.get(name).cloned();
        field
    };
    let chosen_organizations = all_of(values, "organization_ids");
    let chosen_regions = all_of(values, "regions");
    let access = values.opt("access").unwrap_or_else(|| "public".into());
    let mut regions = Vec::new();
    for region in Region::ALL {
        regions.push(RegionChoice {
            value: region.as_str(),
            label: crate::i18n::term(lang, "region", region.as_str()),
            checked: chosen_regions.iter().any(|r| r == region.as_str()),
            sub: false,
        });
        for sub in SubRegion::all().filter(|s| s.region() == *region) {
            regions.push(RegionChoice {
                value: sub.as_str(),
                label: crate::i18n::term(lang, "doc-subregion", sub.as_str()),
                checked: chosen_regions.iter().any(|r| r == sub.as_str()),
                sub: true,
            });
        }
    }
    let choose = t("doc-choose");
    let kind = field("kind", &t("doc-kind"), Kind::Select)
        .required()
        .options(
            creating.then_some(choose.as_str()),
            crate::web::forms::term_choices::<DocumentKind>(lang, "doc-kind"),
        );
    FormView {
        heading: match current {
            Some(d) => crate::i18n::t_texts(lang, "doc-edit-heading", &[("title", &d.title)]),
            None => t("doc-add"),
        },
        action: match current {
            Some(d) => format!("/organize/documents/{}", d.id),
            None => "/organize/documents/new".into(),
        },
        submit: if creating {
            t("doc-submit-add")
        } else {
            t("doc-submit-save")
        },
        current: current.map(|d| Current {
            id: d.id,
            page: d.page.clone(),
            download: DocumentCard::localized(d, lang).download,
            filename: d.file.as_ref().map(|f| f.filename.clone()),
        }),
        file_hint: crate::i18n::t_args(
            lang,
            "doc-file-hint",
            &[("mb", state.settings.documents.max_mb.to_string().into())],
        ),
        file_note,
        about: vec![
            field("title", &t("doc-field-title"), Kind::Text).required(),
            kind,
            field("published_on", &t("doc-field-published-on"), Kind::Date),
            field("language", &t("doc-language"), Kind::Text).hint(&t("doc-hint-language")),
            field("summary", &t("doc-summary"), Kind::TextArea).hint(&t("doc-hint-summary")),
        ],
        link: if has_file {
            Vec::new()
        } else {
            vec![
                field("url", &t("doc-link"), Kind::Url).hint(&t(if creating {
                    "doc-hint-link-instead"
                } else {
                    "doc-hint-link"
                })),
            ]
        },
        organizations: choices
            .organizations
            .into_iter()
            .map(|(value, label)| Choice {
                selected: chosen_organizations.contains(&value),
                value,
                label,
            })
            .collect(),
        regions,
        countries: vec![
            field("countries", &t("doc-fact-countries"), Kind::Text).hint(&t("doc-hint-countries")),
        ],
        belongs: vec![
            field("event_id", &t("doc-fact-event"), Kind::Select)
                .options(Some(t("doc-no-event").as_str()), choices.events),
            field("series_id", &t("doc-fact-series"), Kind::Select)
                .options(Some(t("doc-no-series").as_str()), choices.series),
        ],
        next_steps: vec![
            field("next_steps", &t("doc-next-steps"), Kind::TextArea)
                .hint(&t("doc-hint-next-steps")),
        ],
        access: enum_choices::<Access>()
            .into_iter()
            .map(|(value, _)| Choice {
                selected: value == access,
                label: crate::i18n::term(lang, "doc-access", &value),
                value,
            })
            .collect(),
        errors: shown,
        unshown,
        ctx,
    }
}

/// A stored document as form values.
fn values_of(d: &DocumentOut) -> Values {
    let mut values = Values::default();
    values.set("title", Some(&d.title));
    values.set("kind", Some(d.kind.as_str()));
    values.set(
        "published_on",
        d.published_on.map(|on| on.format("%Y-%m-%d")),
    );
    for id in &d.organization_ids {
        values.push("organization_ids", id);
    }
    for region in &d.regions {
        values.push("regions", region);
    }
    values.set("countries", Some(d.countries.join(", ")));
    values.set("language", d.language.as_ref());
    values.set("summary", Some(&d.summary));
    values.set("access", Some(d.access.as_str()));
    values.set("event_id", d.event_id);
    values.set("series_id", d.series_id);
    values.set("next_steps", Some(d.next_steps.join("\n")));
    values.set("url", d.url.as_ref());
    values
}

/// An id chosen in a select or a box; what is not one names nothing (the service says
/// so of the field).
fn chosen_id(text: &str) -> i32 {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .unwrap_or(-1)
}

/// The form's values as the metadata the service checks, with the faults only a form
/// can have (a kind, an access or a date no browser of this form sends), which the
/// service never sees. `current` is the document being edited.
fn input_of(values: &Values, current: Option<&DocumentOut>) -> (DocumentInput, Vec<FieldError>) {
    let mut faults = Vec::new();
    let kind = match values.opt("kind") {
        Some(kind) => match kind.parse::<DocumentKind>() {
            Ok(kind) => Some(kind),
            Err(_) => {
                faults.push(FieldError::new("kind", "choose one of the kinds listed"));
                None
            }
        },
        None if current.is_some() => {
            faults.push(FieldError::new("kind", "is required"));
            None
        }
        None => None,
    };
    let access = match values.opt("access") {
        Some(access) => match access.parse::<Access>() {
            Ok(access) => Some(access),
            Err(_) => {
                faults.push(FieldError::new("access", "choose who may read it"));
                None
            }
        },
        None => None,
    };
    let published_on = match values.opt("published_on") {
        None => Some(None),
        Some(text) => match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(on) => Some(Some(on)),
            Err(_) => {
                faults.push(FieldError::new(
                    "published_on",
                    "must be a date such as 2012-09-25",
                ));
                None
            }
        },
    };
    let text = values.get("countries");
    let countries = text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|code| !code.is_empty())
        .map(str::to_string)
        .collect();
    let next_steps = values
        .get("next_steps")
        .lines()
        .map(str::trim)
        .filter(|step| !step.is_empty())
        .map(str::to_string)
        .collect();
    let url = match current {
        // A document's file stays; the service refuses a link beside it.
        Some(d) if d.file.is_some() => None,
        Some(_) => Some(values.get("url")),
        None => values.opt("url"),
    };
    let input = DocumentInput {
        title: Some(values.get("title")),
        kind,
        published_on,
        organization_ids: Some(
            all_of(values, "organization_ids")
                .iter()
                .map(|id| chosen_id(id))
                .collect(),
        ),
        regions: Some(all_of(values, "regions")),
        countries: Some(countries),
        language: Some(values.opt("language")),
        summary: Some(values.get("summary")),
        access,
        event_id: Some(values.opt("event_id").map(|id| chosen_id(&id))),
        series_id: Some(values.opt("series_id").map(|id| chosen_id(&id))),
        next_steps: Some(next_steps),
        url,
    };
    (input, faults)
}

/// Turns the service's field errors (`regions[2]`, `next_steps[0]`) into the form's
/// (`regions`, `next_steps`), each message a sentence saying which value it is about;
/// several errors of one field are said together.
struct FormNames {
    regions: Vec<String>,
    countries: Vec<String>,
    /// The language the messages are said in.
    lang: Language,
}

impl FormNames {
    fn of(input: &DocumentInput, lang: Language) -> Self {
        Self {
            regions: input.regions.clone().unwrap_or_default(),
            countries: input.countries.clone().unwrap_or_default(),
            lang,
        }
    }

    fn rename(&self, err: AppError) -> AppError {
        match err {
            AppError::Invalid(errors) => AppError::Invalid(self.form_errors(errors)),
            other => other,
        }
    }

    fn form_errors(&self, errors: Vec<FieldError>) -> Vec<FieldError> {
        let quoted = |value: Option<&String>| {
            let value: String = value
                .map(|v| v.chars().filter(|c| !c.is_control()).take(40).collect())
                .unwrap_or_default();
            crate::i18n::t_texts(self.lang, "doc-quoted", &[("text", &value)])
        };
        let mut by_field: Vec<(String, Vec<String>)> = Vec::new();
        for error in errors {
            let (name, index) = match error.field.split_once('[') {
                Some((name, rest)) => (
                    name.to_string(),
                    rest.trim_end_matches(']').parse::<usize>().ok(),
                ),
                None => (error.field.clone(), None),
            };
            let said = fault_in(self.lang, &error.message);
            let message = match (name.as_str(), index) {
                ("regions", Some(i)) => format!(
                    "{} {said}",
                    quoted(
                        self.regions
                            .get(i)
                            .map(|r| super::pages::region_name(self.lang, r))
                            .as_ref()
                    ),
                ),
                ("countries", Some(i)) => {
                    format!("{} {said}", quoted(self.countries.get(i)))
                }
                ("next_steps", Some(i)) => crate::i18n::t_texts(
                    self.lang,
                    "doc-err-next-step",
                    &[("n", &(i + 1).to_string()), ("text", &said)],
                ),
                _ => said,
            };
            let message = sentence(&message);
            match by_field.iter_mut().find(|(field, _)| *field == name) {
                Some((_, messages)) => messages.push(message),
                None => by_field.push((name, vec![message])),
            }
        }
        by_field
            .into_iter()
            .map(|(field, messages)| {
                let mut said = messages
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                if messages.len() > 3 {
                    said.push(' ');
                    said.push_str(&crate::i18n::t_texts(
                        self.lang,
                        "doc-err-and-more",
                        &[("count", &(messages.len() - 3).to_string())],
                    ));
                }
                FieldError::new(field, said)
            })
            .collect()
    }
}

/// What is wrong with a field of the form, in `lang` (the form's own faults, then the
/// wordings [`crate::i18n::fields`] knows; others as they are).
fn fault_in(lang: Language, english: &str) -> String {
    if lang == Language::En {
        return english.to_string();
    }
    const NOT_ACCEPTED: &str =
        ", not a PDF, Word, OpenDocument, Excel, PNG or JPEG file, whatever its name says";
    if let Some(mb) = english
        .strip_prefix("is larger than ")
        .and_then(|rest| rest.strip_suffix(" MB, the most the library takes"))
    {
        return crate::i18n::t_texts(lang, "doc-err-too-large", &[("mb", mb)]);
    }
    if let Some(what) = english
        .strip_prefix("this file is ")
        .and_then(|rest| rest.strip_suffix(NOT_ACCEPTED))
        .filter(|what| !what.starts_with("not "))
    {
        return crate::i18n::t_texts(lang, "doc-err-file-other", &[("what", what)]);
    }
    let id = match english {
        "choose one of the kinds listed" => "doc-err-kind",
        "choose who may read it" => "doc-err-access",
        "must be a date such as 2012-09-25" => "doc-err-date",
        "must be a region (africa, americas, asia-pacific, europe, middle-east, global) or one of their sub-regions" => {
            "doc-err-region"
        }
        "must be a language tag such as en, es, fr or pt-BR" => "doc-err-language-tag",
        "must be a date between 1900 and 2200" => "doc-err-date-range",
        "no such organization" => "doc-err-no-organization",
        "no such event" => "doc-err-no-event",
        "no such series" => "doc-err-no-series",
        "a document has a file or a link, not both" => "doc-err-file-and-link",
        "this document has a file; withdraw it and add the link as a new document" => {
            "doc-err-has-file"
        }
        "send one file per document" => "doc-err-one-file",
        "is required: upload a file, or give a link (url) instead" => "doc-err-no-file",
        "is far too long" => "doc-err-far-too-long",
        "the file is empty" => "doc-err-file-empty",
        "this file is not a PDF, Word, OpenDocument, Excel, PNG or JPEG file, whatever its name says" => {
            "doc-err-file-unknown"
        }
        other => return crate::i18n::fields::message(lang, other),
    };
    crate::i18n::t(lang, id)
}

/// Whether the page's script sent the form and wants JSON back.
fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

/// A saved document: to its page, with a confirmation there.
fn saved(json: bool, document: &DocumentOut, status: StatusCode, message: &str) -> Response {
    if !json {
        return redirect_with_flash(&document.page, message);
    }
    let mut response = (
        status,
        Json(serde_json::json!({"id": document.id, "location": document.page})),
    )
        .into_response();
    if let Some(cookie) = flash_cookie(message) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// A refusal that is not the form's to show: problem+json to the script, the error page
/// otherwise.
fn failed(json: bool, ctx: Ctx, err: AppError) -> Response {
    if json {
        err.into_response()
    } else {
        error_with(ctx, err)
    }
}

#[tracing::instrument(skip_all)]
async fn new_form(State(state): State<AppState>, Workspace { ctx, .. }: Workspace) -> PageResult {
    let choices = choices(&state, ctx.lang).await?;
    let mut values = Values::default();
    values.set("access", Some("public"));
    Ok(render(&form_view(
        ctx,
        &state,
        choices,
        None,
        &values,
        Vec::new(),
        None,
    )))
}

/// What the add form sent: what was typed, the file as stored (once it has streamed
/// in) and the name it was chosen under.
#[derive(Default)]
struct Sent {
    values: Values,
    file: Option<StoredFile>,
    file_name: Option<String>,
}

/// Adds a document from the form: its file is told apart by its first bytes and streamed
/// to the store as it comes, then the document saved; a refused form deletes the file.
#[tracing::instrument(skip_all)]
async fn create(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    request: Request,
) -> Response {
    let json = wants_json(request.headers());
    let (values, file_name, result) = receive(&state, actor, ctx.lang, request).await;
    match result {
        Ok(document) => saved(
            json,
            &document,
            StatusCode::CREATED,
            &crate::i18n::t_texts(ctx.lang, "doc-added", &[("title", &document.title)]),
        ),
        Err(AppError::Invalid(errors)) if !json => {
            let choices = match choices(&state, ctx.lang).await {
                Ok(choices) => choices,
                Err(err) => return error_with(ctx, err),
            };
            let note = file_name.map(|name| {
                crate::i18n::t_texts(ctx.lang, "doc-file-not-kept", &[("name", &name)])
            });
            let page = form_view(ctx, &state, choices, None, &values, errors, note);
            (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
        }
        Err(err) => failed(json, ctx, err),
    }
}

/// Reads the add form and saves the document: what was typed, the chosen file's name,
/// and the document or why not (errors named as the form's fields).
async fn receive(
    state: &AppState,
    actor: Actor,
    lang: Language,
    request: Request,
) -> (Values, Option<String>, Result<DocumentOut, AppError>) {
    let headers = request.headers().clone();
    let multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        });
    if !multipart {
        // A form without a file (a link), sent URL-encoded.
        let mut values = Values::default();
        let result = match url_encoded(&headers, request).await {
            Ok(sent) => {
                values = sent;
                save_new(state, &actor, lang, &values, None).await
            }
            Err(err) => Err(err),
        };
        return (values, None, result);
    }
    let mut multipart = match Multipart::from_request(request, state).await {
        Ok(multipart) => multipart,
        Err(err) => {
            return (
                Values::default(),
                None,
                Err(AppError::BadRequest(format!(
                    "cannot read the form: {}",
                    err.body_text()
                ))),
            );
        }
    };
    // In a task of its own: a browser that goes away midway still has its stored file
    // deleted, or its document saved whole, never a file without its row.
    let state = state.clone();
    let task = tokio::spawn(async move {
        let mut sent = Sent::default();
        if let Err(err) = read_form(&state, &headers, &mut multipart, &mut sent).await {
            if let Some(file) = sent.file.take() {
                let _ = state.files.delete(&file.key).await;
            }
            // The rest is read (up to a point), so that a browser still sending gets
            // this answer rather than a broken connection.
            let limit = state.settings.documents.max_mb.saturating_mul(1024 * 1024);
            drain(&mut multipart, limit.saturating_add(1024 * 1024)).await;
            return (sent.values, sent.file_name, Err(err));
        }
        let result = save_new(&state, &actor, lang, &sent.values, sent.file.take()).await;
        (sent.values, sent.file_name, result)
    });
    match task.await {
        Ok(done) => done,
        Err(err) => (
            Values::default(),
            None,
            Err(AppError::Internal(anyhow::anyhow!(
                "the upload task failed: {err}"
            ))),
        ),
    }
}

/// The values of a URL-encoded form whose CSRF token matches.
async fn url_encoded(headers: &HeaderMap, request: Request) -> Result<Values, AppError> {
    let bytes = axum::body::to_bytes(request.into_body(), TEXT_TOTAL)
        .await
        .map_err(|_| AppError::BadRequest("the form is too large or broke off".into()))?;
    let mut values = Values::default();
    let mut trusted = false;
    for (name, value) in url::form_urlencoded::parse(&bytes) {
        let value = value.replace('\0', "");
        if name == CSRF_FIELD {
            trusted = csrf_matches(headers, &value);
        } else if FIELDS.contains(&name.as_ref()) {
            values.push(&name, value.trim());
        }
    }
    if trusted {
        Ok(values)
    } else {
        Err(csrf_refused())
    }
}

/// Reads the parts of the add form as they come: its text into `sent.values`, its file
/// streamed to the store into `sent.file` (which the caller deletes if this fails). The
/// CSRF token (first in the form) must match before any file is stored.
async fn read_form(
    state: &AppState,
    headers: &HeaderMap,
    multipart: &mut Multipart,
    sent: &mut Sent,
) -> Result<(), AppError> {
    let limit = state.settings.documents.max_mb.saturating_mul(1024 * 1024);
    let mut trusted = false;
    let mut budget = TEXT_TOTAL;
    let mut parts = 0;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|e| super::api::broken(&e))?
    {
        parts += 1;
        if parts > PARTS_MAX {
            return Err(AppError::BadRequest("the form has too many fields".into()));
        }
        let name = field.name().unwrap_or_default().to_string();
        if name == "file"
            && let Some(chosen) = field.file_name().map(str::to_string)
        {
            if !trusted {
                return Err(csrf_refused());
            }
            if chosen.is_empty() {
                // No file chosen: browsers send an empty part.
                skip(&mut field, limit).await?;
                continue;
            }
            if sent.file.is_some() {
                return Err(AppError::invalid("file", "send one file per document"));
            }
            sent.file_name = Some(shown_name(&chosen));
            sent.file = Some(super::api::store_file(state, field, limit).await?);
            continue;
        }
        let text = text_of(&mut field, &name, &mut budget).await?;
        if name == CSRF_FIELD {
            trusted = csrf_matches(headers, &text);
            if !trusted {
                return Err(csrf_refused());
            }
        } else if FIELDS.contains(&name.as_str()) {
            sent.values.push(&name, text.trim());
        }
    }
    if trusted { Ok(()) } else { Err(csrf_refused()) }
}

/// A text part, at most [`TEXT_MAX`] and what is left of the form's `budget`.
async fn text_of(
    field: &mut axum::extract::multipart::Field<'_>,
    name: &str,
    budget: &mut usize,
) -> Result<String, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|e| super::api::broken(&e))? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > TEXT_MAX.min(*budget) {
            return Err(if FIELDS.contains(&name) {
                AppError::invalid(name, "is far too long")
            } else {
                AppError::BadRequest("the form is too large".into())
            });
        }
    }
    *budget -= bytes.len();
    // NUL is never typed into a form, and PostgreSQL refuses it in text.
    Ok(String::from_utf8_lossy(&bytes).replace('\0', ""))
}

/// Reads past a part, refusing one larger than `limit`.
async fn skip(field: &mut axum::extract::multipart::Field<'_>, limit: u64) -> Result<(), AppError> {
    let mut read = 0u64;
    while let Some(chunk) = field.chunk().await.map_err(|e| super::api::broken(&e))? {
        read = read.saturating_add(chunk.len() as u64);
        if read > limit {
            return Err(AppError::BadRequest("the form is too large".into()));
        }
    }
    Ok(())
}

/// Reads what is left of a refused form, at most `budget` bytes.
async fn drain(multipart: &mut Multipart, mut budget: u64) {
    while let Ok(Some(mut field)) = multipart.next_field().await {
        while let Ok(Some(chunk)) = field.chunk().await {
            budget = budget.saturating_sub(chunk.len() as u64);
            if budget == 0 {
                return;
            }
        }
    }
}

/// The name a file was chosen under, as the form may say it back.
fn shown_name(sent: &str) -> String {
    sent.rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(120)
        .collect()
}

/// Saves a new document from the form's values and its stored file (deleted again if
/// the document is refused).
async fn save_new(
    state: &AppState,
    actor: &Actor,
    lang: Language,
    values: &Values,
    file: Option<StoredFile>,
) -> Result<DocumentOut, AppError> {
    let (input, faults) = input_of(values, None);
    let names = FormNames::of(&input, lang);
    // The service asks for a file or a link once the rest is right; the form says so
    // beside the file at once.
    let nothing = file.is_none() && input.url.is_none();
    let with_nothing = |err: AppError| match err {
        AppError::Invalid(mut errors) if nothing && !errors.iter().any(|e| e.field == "file") => {
            errors.push(FieldError::new(
                "file",
                crate::i18n::t(lang, "doc-err-no-file"),
            ));
            AppError::Invalid(errors)
        }
        other => other,
    };
    if !faults.is_empty() {
        if let Some(file) = file {
            let _ = state.files.delete(&file.key).await;
        }
        return Err(with_nothing(AppError::Invalid(names.form_errors(faults))));
    }
    service::create(&state.db, &state.files, actor, input, file)
        .await
        .map_err(|err| with_nothing(names.rename(err)))
}

#[tracing::instrument(skip_all, fields(document = %id))]
async fn edit_form(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&id, "document")?;
    let document = service::read(&state.db, Access::Organizers, id).await?;
    let choices = choices(&state, ctx.lang).await?;
    let values = values_of(&document);
    Ok(render(&form_view(
        ctx,
        &state,
        choices,
        Some(&document),
        &values,
        Vec::new(),
        None,
    )))
}

/// Changes a document's metadata from the form; its file, if it has one, stays.
#[tracing::instrument(skip_all, fields(document = %id))]
async fn update(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    headers: HeaderMap,
    form: Result<FormData, PageError>,
) -> Response {
    let json = wants_json(&headers);
    let document = match parse_id(&id, "document") {
        Ok(id) => service::read(&state.db, Access::Organizers, id).await,
        Err(err) => Err(err),
    };
    let document = match document {
        Ok(document) => document,
        Err(err) => return failed(json, ctx, err),
    };
    let form = match form {
        Ok(form) => form,
        Err(PageError(err)) => return failed(json, ctx, err),
    };
    let values = Values::from_form(&form, FIELDS);
    let (input, faults) = input_of(&values, Some(&document));
    let names = FormNames::of(&input, ctx.lang);
    let result = if faults.is_empty() {
        service::update(&state.db, &actor, document.id, input)
            .await
            .map_err(|err| names.rename(err))
    } else {
        Err(AppError::Invalid(names.form_errors(faults)))
    };
    match result {
        Ok(changed) => saved(
            json,
            &changed,
            StatusCode::OK,
            &crate::i18n::t_texts(ctx.lang, "doc-saved", &[("title", &changed.title)]),
        ),
        Err(AppError::Invalid(errors)) if !json => {
            let choices = match choices(&state, ctx.lang).await {
                Ok(choices) => choices,
                Err(err) => return error_with(ctx, err),
            };
            let page = form_view(ctx, &state, choices, Some(&document), &values, errors, None);
            (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
        }
        Err(err) => failed(json, ctx, err),
    }
}

/// Withdraws a document: gone from the library, its file deleted; back to the list.
#[tracing::instrument(skip_all, fields(document = %id))]
async fn withdraw(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    _form: FormData,
) -> PageResult {
    let id = parse_id(&id, "document")?;
    let document = service::read(&state.db, Access::Organizers, id).await?;
    service::withdraw(&state.db, &state.files, &actor, id).await?;
    Ok(redirect_with_flash(
        "/organize/documents",
        &crate::i18n::t_texts(ctx.lang, "doc-withdrawn", &[("title", &document.title)]),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> Values {
        let mut values = Values::default();
        for (name, value) in pairs {
            values.push(name, value);
        }
        values
    }

    #[test]
    fn the_form_becomes_the_services_metadata() {
        let (input, faults) = input_of(
            &values(&[
                ("title", "Memo"),
                ("kind", "policy-memo"),
                ("published_on", "2012-09-25"),
                ("organization_ids", "3"),
                ("organization_ids", "x"),
                ("regions", "americas"),
                ("countries", "AR, ca;  KE"),
                ("next_steps", "Brief the OAS\n\n  Convene  \n"),
                ("event_id", ""),
                ("series_id", "99999999999"),
                ("access", "members"),
            ]),
            None,
        );
        assert!(faults.is_empty(), "{faults:?}");
        assert_eq!(input.kind, Some(DocumentKind::PolicyMemo));
        assert_eq!(input.organization_ids, Some(vec![3, -1]));
        assert_eq!(
            input.countries,
            Some(vec!["AR".into(), "ca".into(), "KE".into()])
        );
        assert_eq!(
            input.next_steps,
            Some(vec!["Brief the OAS".into(), "Convene".into()])
        );
        assert_eq!(input.event_id, Some(None));
        assert_eq!(input.series_id, Some(Some(-1)));
        assert_eq!(input.access, Some(Access::Members));
        assert_eq!(input.url, None);
    }

    #[test]
    fn what_no_browser_sends_is_a_fault_of_its_field() {
        let (_, faults) = input_of(
            &values(&[
                ("kind", "novel"),
                ("access", "everyone"),
                ("published_on", "25/09/2012"),
            ]),
            None,
        );
        let fields: Vec<_> = faults.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["kind", "access", "published_on"]);
    }

    #[test]
    fn the_services_errors_are_named_as_the_forms_fields() {
        let names = FormNames {
            regions: vec!["americas".into(), "atlantis".into()],
            countries: vec!["AR".into(), "XX".into()],
            lang: Language::En,
        };
        let errors = names.form_errors(vec![
            FieldError::new("regions[1]", "must be a region"),
            FieldError::new("countries[1]", "must be a country code"),
            FieldError::new("next_steps[2]", "is too long"),
            FieldError::new("next_steps[4]", "is too long"),
            FieldError::new("title", "is required"),
        ]);
        let pairs: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("regions", "“atlantis” must be a region."),
                ("countries", "“XX” must be a country code."),
                (
                    "next_steps",
                    "Next step 3 is too long. Next step 5 is too long."
                ),
                ("title", "Is required."),
            ]
        );
    }

    #[test]
    fn a_chosen_file_name_is_said_back_without_its_folders() {
        assert_eq!(shown_name("C:\\Users\\me\\memo.pdf"), "memo.pdf");
        assert_eq!(shown_name("a\u{0}b\n.pdf"), "ab.pdf");
    }
}
