//! Visa letters on pages: the registrant's request (a section of their registration page,
//! and the address it is sent to, by a form or as JSON), their letter once approved, and
//! the organizers' page of an event's requests with the passport details and a decision
//! for each.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};

use super::service::{self, VisaRequestOut};
use super::{PassportInput, VisaStatus};
use crate::app::AppState;
use crate::entities::{event, registration};
use crate::error::{AppError, AppResult, FieldError};
use crate::events::SeriesRef;
use crate::i18n::Language;
use crate::registrations::RegistrationStatus;
use crate::web::forms::{Field, Kind, Section, Values, attach_errors};
use crate::web::pages::{
    Ctx, FormData, PagePath, PageResult, Workspace, error_with, redirect_with_flash, render,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/registrations/{token}/visa-letter", post(ask))
        .route("/registrations/{token}/visa-letter.pdf", get(letter))
        .route("/organize/events/{event}/visa-letters", get(requests_page))
        .route(
            "/organize/events/{event}/visa-letters/{id}/approve",
            post(approve),
        )
        .route(
            "/organize/events/{event}/visa-letters/{id}/refuse",
            post(refuse),
        )
}

const FIELDS: &[&str] = &[
    "passport_name",
    "passport_number",
    "nationality",
    "date_of_birth",
    "passport_expiry",
];

/// The visa letter section of a registrant's page.
pub struct VisaSection {
    pub status: Option<VisaStatus>,
    pub reason: Option<String>,
    /// The request form, when they may (still) ask.
    pub fields: Vec<Field>,
    /// Why the last request could not be sent, when not a field's fault.
    pub problem: Option<String>,
    pub errors: bool,
    pub letter_url: Option<String>,
    /// How the passport details are kept, and for how long.
    pub privacy: String,
}

fn fields(values: &Values, errors: &[FieldError], lang: Language) -> Vec<Field> {
    let t = |id: &str| crate::i18n::t(lang, id);
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new(
                "passport_name",
                &t("visa-field-passport-name"),
                Kind::Text,
                values,
            )
            .required()
            .hint(&t("visa-field-passport-name-hint")),
            Field::new(
                "passport_number",
                &t("visa-field-passport-number"),
                Kind::Text,
                values,
            )
            .required(),
            Field::new(
                "nationality",
                &t("visa-field-nationality"),
                Kind::Select,
                values,
            )
            .required()
            .options(Some("—"), crate::web::forms::country_choices_in(lang)),
            Field::new(
                "date_of_birth",
                &t("visa-field-date-of-birth"),
                Kind::Date,
                values,
            )
            .required(),
            Field::new(
                "passport_expiry",
                &t("visa-field-passport-expiry"),
                Kind::Date,
                values,
            )
            .required()
            .hint(&t("visa-field-passport-expiry-hint")),
        ],
    )];
    let _ = attach_errors(&mut sections, errors, &Default::default());
    sections.remove(0).fields
}

/// What is wrong with a request, in `lang`: the wordings of visa letters (`super`'s
/// checks and the service's refusals) here, the others by [`crate::i18n::fields`].
fn error_in(lang: Language, event: &event::Model, english: &str) -> String {
    use crate::i18n::{t, t_texts};
    if lang == Language::En {
        return english.to_string();
    }
    const KNOWN: &[(&str, &str)] = &[
        (
            "must be a date written YYYY-MM-DD, e.g. 1980-05-17",
            "visa-error-date",
        ),
        (
            "may hold only letters, digits, spaces and dashes, as printed in the passport",
            "visa-error-passport-number",
        ),
        ("must be in the past", "visa-error-past"),
        (
            "a visa invitation letter is for a registrant whose place is confirmed",
            "visa-error-confirmed-only",
        ),
        ("the event has ended", "visa-error-ended"),
        (
            "your letter is approved already: download it from your registration page",
            "visa-error-approved-already",
        ),
    ];
    if let Some((_, id)) = KNOWN.iter().find(|(text, _)| *text == english) {
        return t(lang, id);
    }
    if english.starts_with("must be after the event ends (") {
        let date = crate::i18n::dates::long(lang, event.ends_on);
        return t_texts(lang, "visa-error-expiry", &[("date", &date)]);
    }
    crate::i18n::fields::message(lang, english)
}

/// The section for a registration: `None` when visa letters are not offered, or the
/// registration has no confirmed place (and no letter to download).
pub async fn section(
    state: &AppState,
    lang: Language,
    registration: &registration::Model,
    event: &event::Model,
    token: &str,
    typed: Option<(Values, Vec<FieldError>)>,
) -> AppResult<Option<VisaSection>> {
    // Enabled means a usable key: `serve` does not start otherwise (no need to read it
    // for every page).
    if !state.settings.visa_letters.enabled
        || registration.status != RegistrationStatus::Confirmed
        || registration.erased_at.is_some()
    {
        return Ok(None);
    }
    let request = service::of_registration(state.db.conn(), registration.id).await?;
    let status = request.as_ref().map(|r| r.status);
    let ended = crate::events::has_ended(event, chrono::Utc::now());
    if ended && status != Some(VisaStatus::Approved) {
        return Ok(None);
    }
    let may_ask = !ended && status != Some(VisaStatus::Approved);
    let (values, errors) = typed.unwrap_or_default();
    let errors: Vec<FieldError> = errors
        .iter()
        .map(|e| FieldError::new(e.field.clone(), error_in(lang, event, &e.message)))
        .collect();
    let problem = errors
        .iter()
        .find(|e| e.field == "visa")
        .map(|e| e.message.clone());
    Ok(Some(VisaSection {
        status,
        reason: request.as_ref().and_then(|r| r.reason.clone()),
        errors: !errors.is_empty(),
        fields: if may_ask {
            fields(&values, &errors, lang)
        } else {
            Vec::new()
        },
        problem,
        letter_url: (status == Some(VisaStatus::Approved))
            .then(|| format!("/registrations/{token}/visa-letter.pdf")),
        privacy: crate::i18n::t_args(
            lang,
            "visa-section-privacy",
            &[("days", state.settings.privacy.retention_days.into())],
        ),
    }))
}

/// A request sent from the registrant's page (a form: back to the page, errors beside
/// their fields, what was typed kept) or by a program (JSON: 202 while it waits).
async fn ask(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(token): PagePath<String>,
    headers: HeaderMap,
    request: axum::extract::Request,
) -> PageResult {
    use axum::extract::FromRequest as _;
    if !crate::web::pages::is_form_submission(&headers) {
        // A program's call: answered in JSON, errors as problem+json.
        let answer = async {
            let crate::web::ApiJson(input) =
                crate::web::ApiJson::<PassportInput>::from_request(request, &state).await?;
            let saved = service::request(&state.db, &state.settings, &token, &input).await?;
            Ok::<_, AppError>(
                (
                    StatusCode::ACCEPTED,
                    Json(serde_json::json!({"status": saved.status})),
                )
                    .into_response(),
            )
        };
        return Ok(answer.await.unwrap_or_else(IntoResponse::into_response));
    }
    let form = FormData::from_request(request, &state).await?;
    let values = Values::from_form(&form, FIELDS);
    let input = PassportInput {
        passport_name: values.opt("passport_name"),
        passport_number: values.opt("passport_number"),
        nationality: values.opt("nationality"),
        date_of_birth: values.opt("date_of_birth"),
        passport_expiry: values.opt("passport_expiry"),
    };
    let errors = match service::request(&state.db, &state.settings, &token, &input).await {
        Ok(_) => {
            return Ok(redirect_with_flash(
                &format!("/registrations/{token}#visa"),
                &crate::i18n::t(ctx.lang, "visa-flash-sent"),
            ));
        }
        Err(AppError::Invalid(errors)) => errors,
        Err(AppError::Conflict(why)) => vec![FieldError::new("visa", why)],
        Err(err) => return Ok(error_with(ctx, err)),
    };
    let page = crate::registrations::pages::manage_with_visa(&state, ctx, &token, (values, errors))
        .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn letter(State(state): State<AppState>, PagePath(token): PagePath<String>) -> PageResult {
    let (job, event) = service::letter(&state.db, &state.settings, &token).await?;
    let bytes = crate::pdf::child::typeset(job)
        .await
        .map_err(AppError::from)?;
    Ok(crate::web::pdf_download(
        bytes,
        &format!("{}-visa-letter.pdf", event.slug),
    ))
}

#[derive(Template)]
#[template(path = "visas/requests.html")]
struct RequestsPage {
    ctx: Ctx,
    title: String,
    slug: String,
    requests: Vec<RequestView>,
    /// Who sees the passport details, and for how long they are kept.
    privacy: String,
}

/// A request with its dates as the page's language writes them.
struct RequestView {
    r: VisaRequestOut,
    /// "asked 4 June 2037".
    asked: String,
    born: String,
    expires: String,
}

async fn requests_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let lang = ctx.lang;
    let long = |date| crate::i18n::dates::long(lang, date);
    let requests = service::list(&state.db, &state.settings, &event)
        .await?
        .into_iter()
        .map(|r| RequestView {
            asked: crate::i18n::t_texts(
                lang,
                "visa-requests-asked",
                &[("date", &long(r.requested_at.date_naive()))],
            ),
            born: r
                .passport
                .as_ref()
                .map(|p| long(p.date_of_birth))
                .unwrap_or_default(),
            expires: r
                .passport
                .as_ref()
                .map(|p| long(p.passport_expiry))
                .unwrap_or_default(),
            r,
        })
        .collect();
    Ok(render(&RequestsPage {
        privacy: crate::i18n::t_args(
            lang,
            "visa-requests-privacy",
            &[("days", state.settings.privacy.retention_days.into())],
        ),
        ctx,
        title: event.title.clone(),
        slug: event.slug.clone(),
        requests,
    }))
}

async fn decide(
    state: &AppState,
    ws: Workspace,
    reference: &str,
    id: &str,
    refusal: Option<String>,
) -> PageResult {
    let result = async {
        let event =
            crate::events::read::visible_event(&state.db, &SeriesRef::parse(reference), true)
                .await?;
        let id = crate::web::parse_id(id, "registration")?;
        let registration = crate::registrations::store::by_id(state.db.conn(), id)
            .await?
            .filter(|r| r.event_id == event.id)
            .ok_or(AppError::NotFound("registration"))?;
        service::decide(
            &state.db,
            &state.settings,
            &ws.actor,
            registration.id,
            refusal.as_deref(),
        )
        .await?;
        Ok::<_, AppError>((event, registration))
    }
    .await;
    let lang = ws.ctx.lang;
    match result {
        Ok((event, registration)) => {
            let name = format!("{} {}", registration.given_name, registration.family_name);
            let id = if refusal.is_some() {
                "visa-flash-refused"
            } else {
                "visa-flash-approved"
            };
            let done = crate::i18n::t_texts(lang, id, &[("name", &name)]);
            Ok(redirect_with_flash(
                &format!("/organize/events/{}/visa-letters", event.slug),
                &done,
            ))
        }
        Err(AppError::Invalid(_)) => Ok(redirect_with_flash(
            &format!("/organize/events/{reference}/visa-letters#r{id}"),
            &crate::i18n::t(lang, "visa-flash-say-why"),
        )),
        Err(AppError::Conflict(why)) => Ok(redirect_with_flash(
            &format!("/organize/events/{reference}/visa-letters"),
            &crate::i18n::t_texts(lang, "visa-flash-nothing-changed", &[("why", &why)]),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

async fn approve(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath((reference, id)): PagePath<(String, String)>,
    _form: FormData,
) -> PageResult {
    decide(&state, ws, &reference, &id, None).await
}

async fn refuse(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath((reference, id)): PagePath<(String, String)>,
    form: FormData,
) -> PageResult {
    let reason = form.get("reason").unwrap_or_default();
    decide(&state, ws, &reference, &id, Some(reason)).await
}
