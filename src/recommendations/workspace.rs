//! The organizers' view of the tracker (`/organize/recommendations`): every item, drafts'
//! included, with the tracker's filters; several updated at once (a status with its note,
//! an owner, a next review date); and the addressees curated (renamed, given aliases,
//! merged into another).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::pages::choices;
use super::service;
use super::{
    AddresseeInput, AddresseeOut, FollowUpInput, RecommendationOut, RecommendationPatch,
    RecommendationStatus, addressees as vocabulary,
};
use crate::accounts::{AccountStatus, Role};
use crate::app::AppState;
use crate::documents::Access;
use crate::entities::user;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{Language, t};
use crate::web::ListQuery;
use crate::web::forms::{Choice, sentence};
use crate::web::pages::{FormData, PagePath, PageResult, Workspace, redirect_with_flash, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/recommendations", get(view).post(update_many))
        .route("/organize/addressees/{id}", post(change_addressee))
}

#[derive(Template)]
#[template(path = "recommendations/workspace.html")]
struct WorkspacePage {
    ctx: crate::web::pages::Ctx,
    items: Vec<RecommendationOut>,
    addressees: Vec<AddresseeOut>,
    addressee_choices: Vec<Choice>,
    statuses: Vec<Choice>,
    owners: Vec<Choice>,
    /// The bulk form as typed, when it is shown again with errors.
    checked: Vec<i32>,
    note: String,
    review: String,
    errors: Vec<(String, String)>,
    today: NaiveDate,
    query: String,
}

impl WorkspacePage {
    /// "Name (3 recommendations)", an addressee's label, in the page's language.
    fn name_count(&self, count: impl std::borrow::Borrow<u64>) -> String {
        let count = usize::try_from(*count.borrow()).unwrap_or(usize::MAX);
        self.ctx.count("rec-ws-name-count", count)
    }
}

/// "Owner: no such account." in `lang`: the field's label (its name in English) and what
/// is wrong with it.
fn field_error(lang: Language, field: &str, message: &str) -> String {
    let label = match (lang, field) {
        (Language::En, _) => None,
        (_, "owner") => Some("rec-ws-owner"),
        (_, "status") => Some("rec-status"),
        (_, "note") => Some("rec-field-what-happened"),
        (_, "next_review_on") => Some("rec-next-review"),
        (_, "ids") => Some("rec-title"),
        _ => None,
    }
    .map_or_else(|| field.to_string(), |id| t(lang, id));
    let message = match message {
        "no such account" => t(lang, "rec-error-no-account"),
        other => crate::i18n::fields::message(lang, other),
    };
    sentence(&crate::i18n::t_texts(
        lang,
        "rec-field-error",
        &[("label", &label), ("message", &message)],
    ))
}

/// The accounts that may follow items up: organizers, administrators and rapporteurs.
async fn owners(
    state: &AppState,
    chosen: Option<&str>,
    lang: Language,
) -> Result<Vec<Choice>, AppError> {
    let accounts = user::Entity::find()
        .filter(user::Column::Status.eq(AccountStatus::Active))
        .filter(user::Column::Role.is_in([Role::Organizer, Role::Admin, Role::Rapporteur]))
        .all(state.db.conn())
        .await?;
    Ok(choices(
        accounts.into_iter().map(|a| {
            let role = crate::i18n::term(lang, "rec-ws-role", a.role.as_str());
            (a.id.to_string(), format!("{} ({role})", a.name))
        }),
        chosen,
    ))
}

async fn page(
    state: &AppState,
    ctx: crate::web::pages::Ctx,
    query: &ListQuery,
    form: Option<&FormData>,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let mut ignored = FieldErrors::new();
    let filter = super::api::filter_of(query, &mut ignored);
    let items = service::list(&state.db, Access::Organizers, &filter).await?;
    let addressees = vocabulary::addressees(&state.db).await?;
    let chosen = |name: &str| form.and_then(|f| f.get(name));
    let page = WorkspacePage {
        addressee_choices: choices(
            addressees.iter().map(|a| (a.name.clone(), a.name.clone())),
            filter.addressee.as_deref(),
        ),
        statuses: RecommendationStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_string(),
                label: s.label_in(ctx.lang),
                selected: chosen("status").as_deref() == Some(s.as_str()),
            })
            .collect(),
        owners: owners(state, chosen("owner").as_deref(), ctx.lang).await?,
        checked: form
            .map(|f| f.all("ids").iter().filter_map(|i| i.parse().ok()).collect())
            .unwrap_or_default(),
        note: chosen("note").unwrap_or_default(),
        review: chosen("next_review_on").unwrap_or_default(),
        today: chrono::Utc::now().date_naive(),
        query: query
            .get("addressee")
            .map(str::to_string)
            .unwrap_or_default(),
        errors,
        addressees,
        items,
        ctx,
    };
    let failed = !page.errors.is_empty();
    let mut response = render(&page);
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

async fn view(State(state): State<AppState>, ws: Workspace, query: ListQuery) -> PageResult {
    Ok(page(&state, ws.ctx, &query, None, Vec::new()).await?)
}

/// Records the same update on every item ticked: a status with its note, an owner, a next
/// review date (any of them). Nothing is written unless all of it is valid.
async fn update_many(
    State(state): State<AppState>,
    ws: Workspace,
    query: ListQuery,
    form: FormData,
) -> PageResult {
    let ids: Vec<i32> = form
        .all("ids")
        .iter()
        .filter_map(|i| i.parse().ok())
        .collect();
    let lang = ws.ctx.lang;
    let mut errors: Vec<(String, String)> = Vec::new();
    if ids.is_empty() {
        errors.push(("ids".into(), t(lang, "rec-ws-tick-one")));
    }
    let status = match form.get("status") {
        None => None,
        Some(s) => match s.parse::<RecommendationStatus>() {
            Ok(s) => Some(s),
            Err(_) => {
                errors.push(("status".into(), t(lang, "rec-ws-choose-status")));
                None
            }
        },
    };
    let note = form.get("note");
    if status.is_some() && note.is_none() {
        errors.push(("note".into(), t(lang, "rec-ws-say-what")));
    }
    let owner = match form.get("owner").as_deref() {
        None | Some("keep") => None,
        Some("nobody") => Some(None),
        Some(id) => match id.parse::<i32>() {
            Ok(id) => Some(Some(id)),
            Err(_) => {
                errors.push(("owner".into(), t(lang, "rec-ws-choose-account")));
                None
            }
        },
    };
    let review = match form.get("next_review_on") {
        None => None,
        Some(d) => match d.parse::<NaiveDate>() {
            Ok(d) => Some(Some(d)),
            Err(_) => {
                errors.push(("next_review_on".into(), t(lang, "rec-ws-give-date")));
                None
            }
        },
    };
    if errors.is_empty() && status.is_none() && owner.is_none() && review.is_none() {
        errors.push(("status".into(), t(lang, "rec-ws-choose-change")));
    }
    if !errors.is_empty() {
        return Ok(page(&state, ws.ctx, &query, Some(&form), errors).await?);
    }
    // All of it or nothing: checked first, then written in one transaction.
    let update = status.map(|status| FollowUpInput {
        status: Some(status),
        note: note.clone(),
        on: None,
        evidence_url: None,
        document_id: None,
    });
    let patch = RecommendationPatch {
        owner,
        next_review_on: review,
        addressee: None,
    };
    match service::update_many(&state.db, &ws.actor, &ids, update, patch).await {
        Ok(()) => {}
        Err(AppError::Invalid(field_errors)) => {
            let errors = field_errors
                .into_iter()
                .map(|e| (e.field.clone(), field_error(lang, &e.field, &e.message)))
                .collect();
            return Ok(page(&state, ws.ctx, &query, Some(&form), errors).await?);
        }
        Err(err) => return Err(err.into()),
    }
    let back = match query.get("addressee") {
        Some(a) => format!(
            "/organize/recommendations?{}",
            url::form_urlencoded::Serializer::new(String::new())
                .append_pair("addressee", a)
                .finish()
        ),
        None => "/organize/recommendations".to_string(),
    };
    Ok(redirect_with_flash(
        &back,
        &crate::i18n::t_args(lang, "rec-ws-updated", &[("count", ids.len().into())]),
    ))
}

/// Renames an addressee and sets its aliases (one per line), or merges it into another.
async fn change_addressee(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(id): PagePath<String>,
    form: FormData,
) -> PageResult {
    let id = crate::web::parse_id(&id, "addressee")?;
    let lang = ws.ctx.lang;
    let result = match form.get("into").and_then(|i| i.parse::<i32>().ok()) {
        Some(into) if form.has("merge") => {
            vocabulary::delete_addressee(&state.db, &ws.actor, id, Some(into))
                .await
                .map(|()| t(lang, "rec-ws-merged"))
        }
        _ => {
            let aliases = form
                .get("aliases")
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            vocabulary::update_addressee(
                &state.db,
                &ws.actor,
                id,
                AddresseeInput {
                    name: form.get("name"),
                    aliases: Some(aliases),
                },
            )
            .await
            .map(|a| crate::i18n::t_texts(lang, "rec-ws-saved", &[("name", &a.name)]))
        }
    };
    let message = match result {
        Ok(message) => message,
        Err(AppError::Invalid(errors)) => errors
            .iter()
            .map(|e| {
                let message = match e.message.as_str() {
                    "must be another addressee" => t(lang, "rec-error-another-addressee"),
                    other => crate::i18n::fields::message(lang, other),
                };
                sentence(&format!("{}: {message}", e.field))
            })
            .collect::<Vec<_>>()
            .join(" "),
        Err(err) => return Err(err.into()),
    };
    Ok(redirect_with_flash("/organize/recommendations#addressees", &message).into_response())
}
