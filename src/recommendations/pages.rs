//! The tracker's pages: `/recommendations` (filters, counts by status per addressee and per
//! theme as charts drawn on the server, the items), `/recommendations.csv`, the follow-up
//! report (`/recommendations/report`, `.md`, `.pdf`) and `/recommendations/{id}` (an item,
//! its source, every time it was asked, its history; for organizers and its owner the
//! form to record an update; for organizers the likely repeats to confirm).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::followup::{self, FollowUp};
use super::service::{self, Filter};
use super::{
    FollowUpInput, LinkInput, LinkRelation, RecommendationOut, RecommendationStatus, SimilarOut,
    links,
};
use crate::app::AppState;
use crate::documents::Access;
use crate::error::{AppError, FieldError, FieldErrors};
use crate::i18n::{Language, t};
use crate::web::ListQuery;
use crate::web::forms::{Choice, Field, Kind, Values, sentence};
use crate::web::pages::{Ctx, FormData, PagePath, PageResult, redirect_with_flash, render};
use sea_orm::EntityTrait;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/recommendations", get(tracker))
        .route("/recommendations.csv", get(csv))
        .route("/recommendations/report", get(report_page))
        .route("/recommendations/report.md", get(report_markdown))
        .route("/recommendations/report.pdf", get(report_pdf))
        .route("/recommendations/{id}", get(item).post(record_update))
        .route("/recommendations/{id}/links", post(add_link))
        .route(
            "/recommendations/{id}/links/{other}/remove",
            post(remove_link),
        )
}

/// A bar of a chart: an addressee or a theme, its count per status, and where each
/// segment sits.
pub struct Bar {
    pub label: String,
    pub total: usize,
    pub segments: Vec<Segment>,
    pub y: usize,
}

pub struct Segment {
    /// The status, in the page's language.
    pub status: String,
    pub class: &'static str,
    pub count: usize,
    pub x: usize,
    pub width: usize,
    /// What the segment says when pointed at: "EU: 1 open".
    pub title: String,
}

/// A date as the page's language writes it: "3 June 2009", "3 juin 2009" (for templates,
/// which pass their values by reference).
pub fn day(lang: &Language, date: &chrono::NaiveDate) -> String {
    crate::i18n::dates::long(*lang, *date)
}

/// A date in a narrow column: "3 Jun 2009" in English, as [`day`] writes it elsewhere.
pub fn short_day(lang: &Language, date: &chrono::NaiveDate) -> String {
    match lang {
        Language::En => date.format("%-d %b %Y").to_string(),
        _ => day(lang, date),
    }
}

/// The chart's scale: pixels per item.
const BAR_WIDTH: usize = 480;
const ROW: usize = 28;

/// Counts by status per addressee, as bars of a chart (most items first).
pub fn by_addressee(items: &[RecommendationOut], lang: Language) -> Vec<Bar> {
    let no_addressee = crate::i18n::t(lang, "rec-no-addressee");
    let pairs = items.iter().map(|item| {
        let addressee = if item.addressee.trim().is_empty() {
            no_addressee.clone()
        } else {
            item.addressee.clone()
        };
        (addressee, item.status)
    });
    bars(pairs, lang)
}

/// Counts by status per theme (an item counts under each of its themes).
pub fn by_theme(items: &[RecommendationOut], lang: Language) -> Vec<Bar> {
    let no_theme = crate::i18n::t(lang, "rec-no-theme");
    let pairs = items.iter().flat_map(|item| {
        let themes = if item.themes.is_empty() {
            vec![no_theme.clone()]
        } else {
            item.themes.clone()
        };
        themes.into_iter().map(move |t| (t, item.status))
    });
    bars(pairs, lang)
}

/// Counts by status per key, as bars of a chart (most items first).
fn bars(pairs: impl Iterator<Item = (String, RecommendationStatus)>, lang: Language) -> Vec<Bar> {
    let mut counts: BTreeMap<String, HashMap<RecommendationStatus, usize>> = BTreeMap::new();
    for (key, status) in pairs {
        *counts.entry(key).or_default().entry(status).or_default() += 1;
    }
    let mut rows: Vec<(String, HashMap<RecommendationStatus, usize>)> =
        counts.into_iter().collect();
    rows.sort_by(|a, b| {
        b.1.values()
            .sum::<usize>()
            .cmp(&a.1.values().sum::<usize>())
            .then(a.0.cmp(&b.0))
    });
    let most = rows
        .iter()
        .map(|(_, c)| c.values().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    rows.into_iter()
        .enumerate()
        .map(|(i, (label, by_status))| {
            let mut x = 0;
            let segments = RecommendationStatus::ALL
                .iter()
                .filter_map(|status| {
                    let count = *by_status.get(status)?;
                    let width = count * BAR_WIDTH / most;
                    let name = status.label_in(lang);
                    let counted = crate::i18n::t_args(
                        lang,
                        &format!("rec-counted-{}", status.as_str()),
                        &[("count", count.into())],
                    );
                    let title = crate::i18n::t_texts(
                        lang,
                        "rec-chart-segment",
                        &[("label", &label), ("counted", &counted)],
                    );
                    let segment = Segment {
                        status: name,
                        class: status.as_str(),
                        count,
                        x,
                        width,
                        title,
                    };
                    x += width;
                    Some(segment)
                })
                .collect();
            Bar {
                total: by_status.values().sum(),
                label,
                segments,
                y: i * ROW,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "recommendations/tracker.html")]
struct TrackerPage {
    ctx: Ctx,
    items: Vec<RecommendationOut>,
    addressee_bars: Vec<Bar>,
    theme_bars: Vec<Bar>,
    addressees: Vec<Choice>,
    themes: Vec<Choice>,
    regions: Vec<Choice>,
    series: Vec<Choice>,
    events: Vec<Choice>,
    statuses: Vec<Choice>,
    q: String,
    /// The query string of the filters, for the CSV and report links.
    query: String,
    /// The addressee filtered by, for the follow-up report.
    addressee: Option<String>,
}

pub(super) fn choices(
    pairs: impl IntoIterator<Item = (String, String)>,
    chosen: Option<&str>,
) -> Vec<Choice> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Choice> = pairs
        .into_iter()
        .filter(|(value, _)| !value.trim().is_empty() && seen.insert(value.clone()))
        .map(|(value, label)| Choice {
            selected: chosen == Some(value.as_str()),
            value,
            label,
        })
        .collect();
    out.sort_by_cached_key(|c| crate::domain::folded(&c.label));
    out
}

/// The chart's height for so many bars.
pub fn chart_height(bars: &[Bar]) -> usize {
    bars.len() * ROW + 8
}

async fn tracker(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let mut ignored = FieldErrors::new();
    let filter = super::api::filter_of(&query, &mut ignored);
    let reader = Access::of(ctx.user.as_ref());
    // The choices offered are those of the items the reader sees.
    let everything = service::list(&state.db, reader, &Filter::default()).await?;
    let series_names: HashMap<i32, String> = crate::entities::series::Entity::find()
        .all(state.db.conn())
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect();
    let items = service::list(&state.db, reader, &filter).await?;
    let page = TrackerPage {
        addressee_bars: by_addressee(&items, ctx.lang),
        theme_bars: by_theme(&items, ctx.lang),
        addressees: choices(
            everything
                .iter()
                .map(|i| (i.addressee.clone(), i.addressee.clone())),
            filter.addressee.as_deref(),
        ),
        themes: choices(
            everything
                .iter()
                .flat_map(|i| i.themes.iter().map(|t| (t.clone(), t.clone()))),
            filter.theme.as_deref(),
        ),
        regions: choices(
            everything.iter().flat_map(|i| {
                i.source
                    .regions
                    .iter()
                    .map(|r| (r.as_str().to_string(), ctx.term("region", r.as_str())))
            }),
            filter.region.map(|r| r.as_str()),
        ),
        series: choices(
            everything.iter().filter_map(|i| {
                let id = i.source.series_id?;
                Some((id.to_string(), series_names.get(&id)?.clone()))
            }),
            filter.series.as_deref(),
        ),
        events: choices(
            everything.iter().filter_map(|i| {
                let label = match (&i.source.event, i.source.date) {
                    (Some(e), Some(d)) => format!("{e} ({})", d.format("%Y")),
                    (Some(e), None) => e.clone(),
                    _ => return None,
                };
                Some((i.source.event_id?.to_string(), label))
            }),
            filter.event.as_deref(),
        ),
        statuses: RecommendationStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_string(),
                label: s.label_in(ctx.lang),
                selected: filter.status == Some(*s),
            })
            .collect(),
        q: filter.q.clone().unwrap_or_default(),
        query: query_string(&filter),
        addressee: filter.addressee.clone(),
        items,
        ctx,
    };
    Ok(render(&page))
}

/// The filters as a query string ("addressee=EU&status=open"), escaped.
fn query_string(filter: &Filter) -> String {
    let pairs = [
        ("addressee", filter.addressee.clone()),
        ("theme", filter.theme.clone()),
        ("region", filter.region.map(|r| r.as_str().to_string())),
        ("status", filter.status.map(|s| s.as_str().to_string())),
        ("series", filter.series.clone()),
        ("event", filter.event.clone()),
        ("q", filter.q.clone()),
    ];
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            out.append_pair(name, &value);
        }
    }
    out.finish()
}

/// The tracker as a spreadsheet, with the page's filters.
async fn csv(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let mut errors = FieldErrors::new();
    let filter = super::api::filter_of(&query, &mut errors);
    errors.finish()?;
    let staff = ctx.is_staff();
    let items = service::list(&state.db, Access::of(ctx.user.as_ref()), &filter).await?;
    let base = state.settings.public_url();
    let lang = ctx.lang;
    let mut columns = vec![
        "id",
        "recommendation",
        "addressee",
        "themes",
        "priority",
        "timeframe",
        "status",
        "source",
        "event",
        "date",
        "regions",
        "times-asked",
        "asked-at",
        "last-update",
        "last-update-note",
        "link",
    ];
    if staff {
        columns.extend(["followed-up-by", "next-review"]);
    }
    let names: Vec<String> = columns
        .iter()
        .map(|c| crate::i18n::term(lang, "rec-csv", c))
        .collect();
    let headers: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut sheet = crate::domain::spreadsheet::Sheet::new(&headers);
    for item in &items {
        let last = item.last_update();
        let mut row = vec![
            item.id.to_string(),
            item.text.clone(),
            item.addressee.clone(),
            item.themes.join("; "),
            item.priority.clone().unwrap_or_default(),
            item.timeframe.clone().unwrap_or_default(),
            item.status.label_in(lang),
            item.source.title.clone(),
            item.source.event.clone().unwrap_or_default(),
            item.source.date.map(|d| d.to_string()).unwrap_or_default(),
            item.source
                .regions
                .iter()
                .map(|r| crate::i18n::term(lang, "region", r.as_str()))
                .collect::<Vec<_>>()
                .join("; "),
            item.asked.len().to_string(),
            item.asked
                .iter()
                .map(|a| {
                    a.place
                        .clone()
                        .or_else(|| a.event.clone())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("; "),
            last.map(|u| u.on.to_string()).unwrap_or_default(),
            last.map(|u| u.note.clone()).unwrap_or_default(),
            format!("{base}/recommendations/{}", item.id),
        ];
        if staff {
            row.push(item.owner.clone().unwrap_or_default());
            row.push(
                item.next_review_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            );
        }
        sheet.row(row);
    }
    let mut response = crate::web::csv_download("recommendations.csv", sheet.finish());
    // What organizers see (owners, drafts' items) must not stay in shared caches.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "recommendations/report.html")]
struct ReportPage {
    ctx: Ctx,
    report: FollowUp,
    query: String,
    addressees: Vec<Choice>,
}

async fn follow_up(state: &AppState, ctx: &Ctx, query: &ListQuery) -> Result<FollowUp, AppError> {
    followup::build(
        &state.db,
        &state.settings,
        Access::of(ctx.user.as_ref()),
        query.get("addressee").filter(|a| !a.trim().is_empty()),
        ctx.lang,
    )
    .await
}

impl ReportPage {
    /// "In progress:" before an update's note, as the page's language writes it.
    fn said(&self, status: &RecommendationStatus) -> String {
        self.ctx
            .t1("rec-status-said", "status", &status.label_in(self.ctx.lang))
    }
}

fn report_query(report: &FollowUp) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    if let Some(a) = &report.addressee {
        out.append_pair("addressee", a);
    }
    out.finish()
}

async fn report_page(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let report = follow_up(&state, &ctx, &query).await?;
    let everything =
        service::list(&state.db, Access::of(ctx.user.as_ref()), &Filter::default()).await?;
    let addressees = choices(
        everything
            .iter()
            .map(|i| (i.addressee.clone(), i.addressee.clone())),
        report.addressee.as_deref(),
    );
    Ok(render(&ReportPage {
        query: report_query(&report),
        addressees,
        report,
        ctx,
    }))
}

fn report_name(report: &FollowUp, extension: &str) -> String {
    let slug: String = report
        .addressee
        .as_deref()
        .unwrap_or("all")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("follow-up-{}.{extension}", slug.trim_matches('-'))
}

async fn report_markdown(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let report = follow_up(&state, &ctx, &query).await?;
    Ok(crate::reports::pages::download(
        followup::markdown(&report, state.settings.public_url()).into_bytes(),
        "text/markdown; charset=utf-8",
        &report_name(&report, "md"),
        ctx.user.is_some(),
    ))
}

async fn report_pdf(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let report = follow_up(&state, &ctx, &query).await?;
    // Nothing asked of it (an addressee no one named, say): nothing to typeset.
    if report.items.is_empty() {
        return Err(AppError::NotFound("follow-up report").into());
    }
    let view = followup::FollowUpView::new(&report, state.settings.public_url());
    let job = crate::pdf::Job::of(crate::pdf::Template::FollowUp, &view).map_err(AppError::from)?;
    let bytes = crate::pdf::kept::typeset(job).await?;
    Ok(crate::reports::pages::download(
        bytes.to_vec(),
        "application/pdf",
        &report_name(&report, "pdf"),
        ctx.user.is_some(),
    ))
}

#[derive(Template)]
#[template(path = "recommendations/item.html")]
struct ItemPage {
    ctx: Ctx,
    item: RecommendationOut,
    /// The update form, for organizers and the item's owner.
    form: Option<Vec<Field>>,
    errors: usize,
    /// Likely repeats from other events, for organizers to confirm.
    similar: Vec<SimilarOut>,
}

impl ItemPage {
    /// "87% alike", in the page's language.
    fn alike(&self, score: impl std::borrow::Borrow<f64>) -> String {
        let percent = (score.borrow() * 100.0).round();
        self.ctx.t1("rec-alike", "percent", &percent.to_string())
    }
}

/// Likely repeats, for organizers only.
async fn suggestions(state: &AppState, ctx: &Ctx, id: i32) -> Result<Vec<SimilarOut>, AppError> {
    if ctx.is_staff() {
        links::similar(&state.db, id).await
    } else {
        Ok(Vec::new())
    }
}

/// Whether the reader may record updates on the item: organizers and its owner.
async fn may_update(state: &AppState, ctx: &Ctx, id: i32) -> Result<bool, AppError> {
    if ctx.is_staff() {
        return Ok(true);
    }
    let Some(user) = &ctx.user else {
        return Ok(false);
    };
    Ok(service::owner_of(&state.db, id).await? == Some(user.id))
}

fn update_form(values: &Values, documents: &[(String, String)], lang: Language) -> Vec<Field> {
    vec![
        Field::new("status", &t(lang, "rec-status"), Kind::Select, values)
            .required()
            .options(
                None,
                RecommendationStatus::ALL
                    .iter()
                    .map(|s| (s.as_str().to_string(), s.label_in(lang))),
            ),
        Field::new(
            "note",
            &t(lang, "rec-field-what-happened"),
            Kind::TextArea,
            values,
        )
        .required(),
        Field::new("on", &t(lang, "rec-field-on"), Kind::Date, values)
            .hint(&t(lang, "rec-field-on-hint")),
        Field::new(
            "evidence_url",
            &t(lang, "rec-field-evidence-link"),
            Kind::Url,
            values,
        ),
        Field::new(
            "document_id",
            &t(lang, "rec-field-evidence-document"),
            Kind::Select,
            values,
        )
        .options(
            Some(&t(lang, "rec-field-no-document")),
            documents.iter().cloned(),
        ),
    ]
}

/// What is wrong with a field of the tracker's forms, in `lang`: the tracker's own
/// wordings, else those every form shares ([`crate::i18n::fields::message`]).
fn field_message(lang: Language, english: &str) -> String {
    let id = match english {
        "must be a date" => "rec-error-date",
        "must be a document of the library" => "rec-error-document",
        "no such document in the library" => "rec-error-no-document",
        "must not be in the future" => "rec-error-future",
        "must be another recommendation" => "rec-error-another",
        "must be another addressee" => "rec-error-another-addressee",
        _ => return crate::i18n::fields::message(lang, english),
    };
    t(lang, id)
}

/// The documents the reader may give as evidence: those they may open.
async fn library(state: &AppState, ctx: &Ctx) -> Result<Vec<(String, String)>, AppError> {
    let (documents, _) = crate::documents::service::list(
        &state.db,
        Access::of(ctx.user.as_ref()),
        &crate::documents::service::Filter::default(),
        crate::web::Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    Ok(documents
        .into_iter()
        .map(|d| (d.id.to_string(), d.title))
        .collect())
}

async fn item(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(id): PagePath<String>,
) -> PageResult {
    let id = crate::web::parse_id(&id, "recommendation")?;
    // Its owner reads it as organizers do, even before its source is published: they
    // were asked to follow it up.
    let may = may_update(&state, &ctx, id).await?;
    let reader = if may {
        Access::Organizers
    } else {
        Access::of(ctx.user.as_ref())
    };
    let item = service::read(&state.db, reader, id).await?;
    let form = if may {
        let mut values = Values::default();
        values.set("status", Some(item.status.as_str()));
        Some(update_form(
            &values,
            &library(&state, &ctx).await?,
            ctx.lang,
        ))
    } else {
        None
    };
    Ok(render(&ItemPage {
        similar: suggestions(&state, &ctx, id).await?,
        ctx,
        item,
        form,
        errors: 0,
    }))
}

/// Confirms a likely repeat (organizers): the later of the two raises the earlier again.
async fn add_link(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(id): PagePath<String>,
    form: FormData,
) -> PageResult {
    let id = crate::web::parse_id(&id, "recommendation")?;
    let actor = ctx.user.clone().ok_or(AppError::Unauthorized)?;
    if !actor.is_staff() {
        return Err(AppError::Forbidden("only organizers link recommendations".into()).into());
    }
    let input = LinkInput {
        other: form.get("other").and_then(|o| o.parse().ok()),
        relation: form
            .get("relation")
            .and_then(|r| r.parse::<LinkRelation>().ok()),
    };
    let message = match links::link(&state.db, &actor, id, input).await {
        Ok(_) => t(ctx.lang, "rec-linked"),
        Err(AppError::Conflict(message)) if message == "the two are linked already" => {
            t(ctx.lang, "rec-linked-already")
        }
        Err(AppError::Conflict(message)) => sentence(&message),
        Err(AppError::Invalid(errors)) => errors
            .first()
            .map(|e| {
                sentence(&format!(
                    "{} {}",
                    e.field,
                    field_message(ctx.lang, &e.message)
                ))
            })
            .unwrap_or_default(),
        Err(err) => return Err(err.into()),
    };
    Ok(redirect_with_flash(
        &format!("/recommendations/{id}"),
        &message,
    ))
}

/// Removes a link (organizers).
async fn remove_link(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath((id, other)): PagePath<(String, String)>,
    _form: FormData,
) -> PageResult {
    let id = crate::web::parse_id(&id, "recommendation")?;
    let other = crate::web::parse_id(&other, "link")?;
    let actor = ctx.user.clone().ok_or(AppError::Unauthorized)?;
    if !actor.is_staff() {
        return Err(AppError::Forbidden("only organizers link recommendations".into()).into());
    }
    links::unlink(&state.db, &actor, id, other).await?;
    Ok(redirect_with_flash(
        &format!("/recommendations/{id}"),
        &t(ctx.lang, "rec-link-removed"),
    ))
}

async fn record_update(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(id): PagePath<String>,
    form: FormData,
) -> Result<Response, crate::web::pages::PageError> {
    let id = crate::web::parse_id(&id, "recommendation")?;
    let actor = ctx.user.clone().ok_or(AppError::Unauthorized)?;
    let values = Values::from_form(
        &form,
        &["status", "note", "on", "evidence_url", "document_id"],
    );
    let mut errors = Vec::new();
    let status = form
        .get("status")
        .and_then(|s| s.parse::<RecommendationStatus>().ok());
    let on = form.get("on").and_then(|d| match d.parse() {
        Ok(on) => Some(on),
        Err(_) => {
            errors.push(FieldError::new("on", "must be a date"));
            None
        }
    });
    let document_id = form.get("document_id").and_then(|d| match d.parse() {
        Ok(id) => Some(id),
        Err(_) => {
            errors.push(FieldError::new(
                "document_id",
                "must be a document of the library",
            ));
            None
        }
    });
    let result = if errors.is_empty() {
        service::add_update(
            &state.db,
            &actor,
            id,
            FollowUpInput {
                status,
                note: form.get("note"),
                on,
                evidence_url: form.get("evidence_url"),
                document_id,
            },
        )
        .await
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &format!("/recommendations/{id}"),
            &t(ctx.lang, "rec-update-recorded"),
        )),
        Err(AppError::Invalid(errors)) => {
            let item = service::read(&state.db, Access::Organizers, id).await?;
            let mut fields = update_form(&values, &library(&state, &ctx).await?, ctx.lang);
            for error in &errors {
                let name = error.field.split('[').next().unwrap_or("");
                if let Some(field) = fields.iter_mut().find(|f| f.name == name)
                    && field.error.is_none()
                {
                    field.error = Some(sentence(&field_message(ctx.lang, &error.message)));
                }
            }
            let mut response = render(&ItemPage {
                similar: suggestions(&state, &ctx, id).await?,
                ctx,
                item,
                form: Some(fields),
                errors: errors.len(),
            });
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response.into_response())
        }
        Err(err) => Err(err.into()),
    }
}
