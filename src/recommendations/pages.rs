//! The tracker's pages: `/recommendations` (filters, counts by status per addressee with a
//! chart drawn on the server, the items) and `/recommendations/{id}` (an item, its source,
//! its history, and for organizers and its owner the form to record an update).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::service::{self, Filter};
use super::{FollowUpInput, RecommendationOut, RecommendationStatus};
use crate::app::AppState;
use crate::documents::Access;
use crate::error::{AppError, FieldError, FieldErrors};
use crate::web::ListQuery;
use crate::web::forms::{Field, Kind, Values, sentence};
use crate::web::pages::{Ctx, FormData, PagePath, PageResult, redirect_with_flash, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/recommendations", get(tracker))
        .route("/recommendations/{id}", get(item).post(record_update))
}

/// A bar of the chart: an addressee, its count per status, and where each segment sits.
pub struct Bar {
    pub addressee: String,
    pub total: usize,
    pub segments: Vec<Segment>,
    pub y: usize,
}

pub struct Segment {
    pub status: &'static str,
    pub class: &'static str,
    pub count: usize,
    pub x: usize,
    pub width: usize,
}

/// What the chart calls items naming no addressee (a document's next steps).
const NO_ADDRESSEE: &str = "No addressee named";

/// The chart's scale: pixels per item.
const BAR_WIDTH: usize = 480;
const ROW: usize = 28;

/// Counts by status per addressee, as bars of the chart (most items first).
pub fn bars(items: &[RecommendationOut]) -> Vec<Bar> {
    let mut counts: BTreeMap<String, HashMap<RecommendationStatus, usize>> = BTreeMap::new();
    for item in items {
        let addressee = if item.addressee.trim().is_empty() {
            NO_ADDRESSEE.to_string()
        } else {
            item.addressee.clone()
        };
        *counts
            .entry(addressee)
            .or_default()
            .entry(item.status)
            .or_default() += 1;
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
        .map(|(i, (addressee, by_status))| {
            let mut x = 0;
            let segments = RecommendationStatus::ALL
                .iter()
                .filter_map(|status| {
                    let count = *by_status.get(status)?;
                    let width = count * BAR_WIDTH / most;
                    let segment = Segment {
                        status: status.label(),
                        class: status.as_str(),
                        count,
                        x,
                        width,
                    };
                    x += width;
                    Some(segment)
                })
                .collect();
            Bar {
                total: by_status.values().sum(),
                addressee,
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
    bars: Vec<Bar>,
    chart_height: usize,
    addressees: Vec<(String, bool)>,
    statuses: Vec<(&'static str, &'static str, bool)>,
    theme: String,
    q: String,
}

async fn tracker(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let mut ignored = FieldErrors::new();
    let filter = Filter {
        addressee: query.get("addressee").map(str::to_string),
        theme: query.get("theme").map(str::to_string),
        status: query.parsed::<RecommendationStatus>("status", &mut ignored),
        event: query.get("event").map(str::to_string),
        q: query.get("q").map(|q| q.chars().take(200).collect()),
    };
    let reader = Access::of(ctx.user.as_ref());
    // The addressees offered are those of the items the reader sees.
    let everything = service::list(&state.db, reader, &Filter::default()).await?;
    let mut names: Vec<String> = everything
        .iter()
        .map(|i| i.addressee.clone())
        .filter(|a| !a.trim().is_empty())
        .collect();
    names.sort_by_cached_key(|n| crate::domain::folded(n));
    names.dedup();
    let items = service::list(&state.db, reader, &filter).await?;
    let bars = bars(&items);
    let page = TrackerPage {
        chart_height: bars.len() * ROW + 8,
        bars,
        addressees: names
            .into_iter()
            .map(|n| {
                let selected = filter.addressee.as_deref() == Some(n.as_str());
                (n, selected)
            })
            .collect(),
        statuses: RecommendationStatus::ALL
            .iter()
            .map(|s| (s.as_str(), s.label(), filter.status == Some(*s)))
            .collect(),
        theme: filter.theme.clone().unwrap_or_default(),
        q: filter.q.clone().unwrap_or_default(),
        items,
        ctx,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "recommendations/item.html")]
struct ItemPage {
    ctx: Ctx,
    item: RecommendationOut,
    /// The update form, for organizers and the item's owner.
    form: Option<Vec<Field>>,
    errors: usize,
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

fn update_form(values: &Values, documents: &[(String, String)]) -> Vec<Field> {
    vec![
        Field::new("status", "RecommendationStatus", Kind::Select, values)
            .required()
            .options(
                None,
                RecommendationStatus::ALL
                    .iter()
                    .map(|s| (s.as_str().to_string(), s.label().to_string())),
            ),
        Field::new("note", "What happened", Kind::TextArea, values).required(),
        Field::new("on", "On", Kind::Date, values).hint("Left empty: today."),
        Field::new("evidence_url", "Evidence (a link)", Kind::Url, values),
        Field::new(
            "document_id",
            "Evidence (a document of the library)",
            Kind::Select,
            values,
        )
        .options(Some("None"), documents.iter().cloned()),
    ]
}

async fn library(state: &AppState) -> Result<Vec<(String, String)>, AppError> {
    let (documents, _) = crate::documents::service::list(
        &state.db,
        Access::Organizers,
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
    let reader = Access::of(ctx.user.as_ref());
    let item = service::read(&state.db, reader, id).await?;
    let form = if may_update(&state, &ctx, id).await? {
        let mut values = Values::default();
        values.set("status", Some(item.status.as_str()));
        Some(update_form(&values, &library(&state).await?))
    } else {
        None
    };
    Ok(render(&ItemPage {
        ctx,
        item,
        form,
        errors: 0,
    }))
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
            "The update was recorded.",
        )),
        Err(AppError::Invalid(errors)) => {
            let item = service::read(&state.db, Access::of(Some(&actor)), id).await?;
            let mut fields = update_form(&values, &library(&state).await?);
            for error in &errors {
                let name = error.field.split('[').next().unwrap_or("");
                if let Some(field) = fields.iter_mut().find(|f| f.name == name)
                    && field.error.is_none()
                {
                    field.error = Some(sentence(&error.message));
                }
            }
            let mut response = render(&ItemPage {
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
