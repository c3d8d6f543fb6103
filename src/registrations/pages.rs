//! Registration pages: the event page's form sent (see `form`), the registrant's own
//! page (status, calendar, cancel, erase), and the organizers' table with approve, reject
//! and CSV.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};

use super::api::csv_response;
use super::form::FIELDS;
use super::{RegistrationInput, RegistrationOut, RegistrationStatus, service};
use crate::app::AppState;
use crate::error::{AppError, FieldError};
use crate::events::SeriesRef;
use crate::events::views::{self, EventCard};
use crate::i18n::Language;
use crate::web::ListQuery;
use crate::web::client::{ClientAddress, check_rate};
use crate::web::forms::{Field, Kind, Section, Values, attach_errors};
use crate::web::pages::Workspace;
use crate::web::pages::{
    Ctx, FormData, PagePath, PageResult, error_with, is_form_submission, redirect_with_flash,
    render,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{event}/register", post(register))
        .route("/registrations/{token}", get(manage))
        .route("/registrations/{token}/cancel", post(cancel))
        .route("/registrations/{token}/erase", post(erase))
        .route("/registrations/{token}/reconfirm", post(reconfirm))
        .route("/registrations/{token}/details", post(own_details))
        .route(
            "/organize/registrations/{id}",
            get(edit_details).post(save_details),
        )
        .route(
            "/organize/events/{event}/registrations/reconfirm",
            post(ask_reconfirmation),
        )
        .route(
            "/organize/events/{event}/registrations",
            get(table).post(decide),
        )
        .route("/organize/events/{event}/registrations.csv", get(table_csv))
}

/// What the form sent, in the language the form was read in.
fn input_of(values: &Values, lang: crate::i18n::Language) -> RegistrationInput {
    RegistrationInput {
        given_name: values.opt("given_name"),
        family_name: values.opt("family_name"),
        email: values.opt("email"),
        organization: values.opt("organization"),
        country: values.opt("country"),
        needs: values.opt("needs"),
        consent: Some(values.get("consent") == "true"),
        invitation: values.opt("invitation"),
        walk_in: None,
        language: Some(lang.as_str().to_string()),
    }
}

async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    address: ClientAddress,
    PagePath(reference): PagePath<String>,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, FIELDS);
    let result = match check_rate(&state, &address) {
        Ok(()) => {
            state
                .registrar
                .register(
                    &state.db,
                    &state.settings,
                    &SeriesRef::parse(&reference),
                    input_of(&values, ctx.lang),
                )
                .await
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(registered) => {
            let path = registered
                .manage_url
                .split_once("/registrations/")
                .map_or("/".to_string(), |(_, t)| format!("/registrations/{t}"));
            let message = ctx.t(match registered.status {
                RegistrationStatus::Confirmed => "registration-done-confirmed",
                RegistrationStatus::Waitlisted => "registration-done-waitlisted",
                _ => "registration-done-pending",
            });
            Ok(redirect_with_flash(&path, &message))
        }
        Err(AppError::Invalid(errors)) => {
            let page =
                crate::events::pages::event_page_with(&state, ctx, &reference, &values, &errors)
                    .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(err @ (AppError::Conflict(_) | AppError::TooManyRequests(_))) => {
            // The page says why, with the status a program would get (409 or 429).
            let errors = vec![FieldError::new("registration", err.to_string())];
            let page =
                crate::events::pages::event_page_with(&state, ctx, &reference, &values, &errors)
                    .await?;
            Ok((err.status(), page).into_response())
        }
        Err(err) => Ok(error_with(ctx, err)),
    }
}

#[derive(Template)]
#[template(path = "registrations/manage.html")]
struct ManagePage {
    ctx: Ctx,
    token: String,
    event: EventCard,
    name: String,
    status: RegistrationStatus,
    erased: bool,
    calendar_url: String,
    webcal_url: String,
    /// What to confirm and by when, when the organizers asked for it.
    reconfirm_text: Option<String>,
    /// The registrant's details, to change.
    details: Vec<Field>,
    details_errors: bool,
    /// The code to give at the door, and its QR code (an SVG element), while the place is
    /// confirmed.
    check_in: Option<(String, String)>,
    /// Whether a certificate of attendance is there to download (the event is over and
    /// they were checked in).
    certificate: bool,
    /// The visa invitation letter, when they are offered.
    visa: Option<crate::visas::pages::VisaSection>,
}

async fn manage(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(token): PagePath<String>,
) -> PageResult {
    Ok(render(&manage_page(&state, ctx, &token, None, None).await?))
}

/// The registrant's page with the visa letter request as just typed, its errors beside
/// their fields.
pub async fn manage_with_visa(
    state: &AppState,
    ctx: Ctx,
    token: &str,
    typed: (Values, Vec<FieldError>),
) -> Result<axum::response::Response, AppError> {
    Ok(render(
        &manage_page(state, ctx, token, None, Some(typed)).await?,
    ))
}

/// The registrant's page, with their details as stored or as just typed.
async fn manage_page(
    state: &AppState,
    ctx: Ctx,
    token: &str,
    typed: Option<(Values, Vec<FieldError>)>,
    visa_typed: Option<(Values, Vec<FieldError>)>,
) -> Result<ManagePage, AppError> {
    let (registration, event) = service::by_token(&state.db, token).await?;
    let visa =
        crate::visas::pages::section(state, ctx.lang, &registration, &event, token, visa_typed)
            .await?;
    let calendar_url = super::notify::calendar_url(&state.settings, &event);
    let zone = event.timezone;
    let event_slug = event.slug.clone();
    let ended = crate::events::has_ended(&event, chrono::Utc::now());
    let certificate =
        ended && registration.checked_in_at.is_some() && registration.erased_at.is_none();
    let card = crate::events::read::event_views(&state.db, vec![event])
        .await?
        .remove(0);
    // Only the name, which the page shows anyway, is filled in: the rest is not shown on
    // a page whose link may be forwarded.
    let (values, errors) = typed.unwrap_or_else(|| {
        let mut values = Values::default();
        values.set("given_name", Some(&registration.given_name));
        values.set("family_name", Some(&registration.family_name));
        (values, Vec::new())
    });
    let card_view = EventCard::localized(&card, ctx.lang);
    let check_in = registration
        .check_in_code
        .clone()
        .filter(|_| registration.status == RegistrationStatus::Confirmed && !ended)
        .map(|code| {
            let url =
                crate::attendance::check_in_url(state.settings.public_url(), &event_slug, &code);
            let svg = crate::attendance::qr_svg(&url).unwrap_or_default();
            (code, svg)
        });
    Ok(ManagePage {
        check_in,
        certificate,
        visa,
        details: own_detail_fields(&values, &errors, ctx.lang),
        details_errors: !errors.is_empty(),
        reconfirm_text: registration.reconfirm_by.map(|t| {
            crate::i18n::t_args(
                ctx.lang,
                "manage-reconfirm-text",
                &[
                    ("dates", card_view.dates.clone().into()),
                    ("deadline", views::moment(zone, t).into()),
                ],
            )
        }),
        name: format!("{} {}", registration.given_name, registration.family_name),
        status: registration.status,
        erased: registration.erased_at.is_some(),
        webcal_url: crate::calendar::webcal_url(&calendar_url),
        calendar_url,
        event: card_view,
        token: token.to_string(),
        ctx,
    })
}

/// Cancel from the registrant's page (a form) or from a program (JSON answer). The token
/// in the path is the credential; no cookie is involved.
async fn cancel(
    State(state): State<AppState>,
    PagePath(token): PagePath<String>,
    headers: HeaderMap,
) -> PageResult {
    let from_page = is_form_submission(&headers);
    let updated = service::cancel(&state.db, &state.settings, &token).await?;
    if from_page {
        return Ok(redirect_with_flash(
            &format!("/registrations/{token}"),
            &crate::i18n::t(crate::i18n::current(), "manage-cancelled-flash"),
        ));
    }
    Ok(axum::Json(serde_json::json!({"id": updated.id, "status": updated.status})).into_response())
}

async fn reconfirm(
    State(state): State<AppState>,
    PagePath(token): PagePath<String>,
    _form: FormData,
) -> PageResult {
    super::reconfirm::confirm(&state.db, &token).await?;
    Ok(redirect_with_flash(
        &format!("/registrations/{token}"),
        &crate::i18n::t(crate::i18n::current(), "manage-reconfirmed-flash"),
    ))
}

async fn ask_reconfirmation(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(reference): PagePath<String>,
    form: FormData,
) -> PageResult {
    let reference = SeriesRef::parse(&reference);
    let event = crate::events::read::visible_event(&state.db, &reference, true).await?;
    let back = format!("/organize/events/{}/registrations", event.slug);
    let result =
        match super::api::parse_deadline(&state, &reference, form.get("deadline").as_deref()).await
        {
            Ok(deadline) => {
                super::reconfirm::request(
                    &state.db,
                    &state.settings,
                    &ws.actor,
                    &reference,
                    deadline,
                )
                .await
            }
            Err(err) => Err(err),
        };
    let lang = ws.ctx.lang;
    match result {
        Ok(asked) => Ok(redirect_with_flash(
            &back,
            &crate::i18n::t_args(lang, "regs-flash-asked", &[("count", asked.into())]),
        )),
        Err(AppError::Invalid(errors)) => Ok(redirect_with_flash(
            &back,
            &crate::i18n::t_texts(
                lang,
                "regs-flash-nobody-asked",
                &[(
                    "why",
                    &crate::i18n::fields::message(
                        lang,
                        errors.first().map_or("is invalid", |e| e.message.as_str()),
                    ),
                )],
            ),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

async fn erase(
    State(state): State<AppState>,
    PagePath(token): PagePath<String>,
    _form: FormData,
) -> PageResult {
    service::erase(&state.db, &state.settings, &token).await?;
    Ok(redirect_with_flash(
        &format!("/registrations/{token}"),
        &crate::i18n::t(crate::i18n::current(), "manage-erased-flash"),
    ))
}

pub struct Count {
    pub status: RegistrationStatus,
    pub count: usize,
    pub selected: bool,
}

/// A registration as the table shows it: its time in the event's zone, its country by
/// name.
pub struct Row {
    pub r: RegistrationOut,
    /// "Ana NÚÑEZ", for the labels of the row's box and link.
    pub name: String,
    pub registered: String,
    /// Their country's name in the page's language.
    pub country: Option<String>,
}

impl Row {
    fn new(r: RegistrationOut, zone: crate::domain::TimeZone, lang: Language) -> Self {
        Self {
            name: format!("{} {}", r.given_name, r.family_name),
            registered: registered_at(&r, zone, lang),
            country: r
                .country
                .as_deref()
                .and_then(|c| crate::domain::CountryCode::parse(c).ok())
                .map(|c| c.name_in(lang)),
            r,
        }
    }
}

/// When someone registered, in the event's zone, as `lang` writes it ("3 Jun 2037, 14:05
/// CEST", "3 juin 2037, 14:05 CEST").
fn registered_at(r: &RegistrationOut, zone: crate::domain::TimeZone, lang: Language) -> String {
    let local = zone.local(r.created_at);
    if lang == Language::En {
        return local.format("%-d %b %Y, %H:%M %Z").to_string();
    }
    format!(
        "{}, {}",
        crate::i18n::dates::long(lang, local.date_naive()),
        local.format("%H:%M %Z")
    )
}

#[derive(Template)]
#[template(path = "registrations/table.html")]
struct TablePage {
    ctx: Ctx,
    event: EventCard,
    /// "capacity 120", "capacity unlimited".
    capacity: String,
    /// The registration mode's code (`open`, `approval`…).
    mode: &'static str,
    rows: Vec<Row>,
    counts: Vec<Count>,
    status: String,
    total: usize,
    /// What the search box holds.
    q: String,
}

async fn table(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    PagePath(reference): PagePath<String>,
    query: ListQuery,
) -> PageResult {
    let status = query
        .get("status")
        .and_then(|s| s.parse::<RegistrationStatus>().ok());
    let (event, all) = service::list(&state.db, &SeriesRef::parse(&reference), None).await?;
    let q = query.get("q").unwrap_or_default().to_string();
    let count = |s: RegistrationStatus| all.iter().filter(|r| r.status == s).count();
    let rows: Vec<_> = all
        .iter()
        .filter(|r| status.is_none_or(|s| r.status == s))
        .filter(|r| matches_search(r, &q))
        .cloned()
        .map(|r| Row::new(r, event.timezone, ctx.lang))
        .collect();
    let capacity = match event.capacity {
        Some(c) => crate::i18n::t_args(ctx.lang, "regs-capacity", &[("count", c.into())]),
        None => crate::i18n::t(ctx.lang, "regs-capacity-unlimited"),
    };
    let mode = event.registration_mode.as_str();
    let card = crate::events::read::event_views(&state.db, vec![event])
        .await?
        .remove(0);
    let page = TablePage {
        event: EventCard::from(&card),
        capacity,
        mode,
        counts: RegistrationStatus::ALL
            .iter()
            .map(|s| Count {
                status: *s,
                count: count(*s),
                selected: status == Some(*s),
            })
            .collect(),
        total: all.len(),
        status: status.map(|s| s.as_str().to_string()).unwrap_or_default(),
        rows,
        q,
        ctx,
    };
    Ok(render(&page))
}

/// Whether a registration matches what was typed in the search box: every word, in its
/// name, email or organization, accents and case aside.
fn matches_search(r: &RegistrationOut, q: &str) -> bool {
    let haystack = crate::web::forms::folded(&format!(
        "{} {} {} {}",
        r.given_name,
        r.family_name,
        r.email,
        r.organization.as_deref().unwrap_or_default()
    ));
    crate::web::forms::folded(q)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

async fn table_csv(
    State(state): State<AppState>,
    _ws: Workspace,
    PagePath(reference): PagePath<String>,
    query: ListQuery,
) -> PageResult {
    let status = query
        .get("status")
        .and_then(|s| s.parse::<RegistrationStatus>().ok());
    let (event, rows) = service::list(&state.db, &SeriesRef::parse(&reference), status).await?;
    Ok(csv_response(&event.slug, &rows))
}

/// Approves or rejects the registrations ticked in the table.
async fn decide(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(reference): PagePath<String>,
    form: FormData,
) -> PageResult {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let back = format!("/organize/events/{}/registrations", event.slug);
    let lang = ws.ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let approve = match form.get("action").as_deref() {
        Some("approve") => true,
        Some("reject") => false,
        _ => return Ok(redirect_with_flash(&back, &t("regs-flash-choose"))),
    };
    let ids: Vec<i32> = form
        .all("id")
        .iter()
        .filter_map(|id| id.parse().ok())
        .collect();
    if ids.is_empty() {
        return Ok(redirect_with_flash(&back, &t("regs-flash-tick")));
    }
    let (mut done, mut refused) = (0, Vec::new());
    for id in ids {
        // Only registrations of this event, whatever ids the form carried.
        let of_event = super::store::by_id(state.db.conn(), id)
            .await?
            .is_some_and(|r| r.event_id == event.id);
        if !of_event {
            refused.push(format!("#{id}: {}", t("regs-not-of-event")));
            continue;
        }
        let result = if approve {
            service::approve(&state.db, &state.settings, &ws.actor, id).await
        } else {
            service::reject(&state.db, &state.settings, &ws.actor, id).await
        };
        match result {
            Ok(_) => done += 1,
            Err(AppError::Conflict(why)) => refused.push(format!("#{id}: {why}")),
            Err(AppError::NotFound(_)) => refused.push(format!("#{id}: {}", t("regs-not-found"))),
            Err(err) => return Ok(error_with(ws.ctx, err)),
        }
    }
    let id = if approve {
        "regs-flash-approved"
    } else {
        "regs-flash-rejected"
    };
    let mut message = crate::i18n::t_args(lang, id, &[("count", done.into())]);
    if !refused.is_empty() {
        message.push(' ');
        message.push_str(&crate::i18n::t_texts(
            lang,
            "regs-flash-not-changed",
            &[("list", &refused.join("; "))],
        ));
    }
    Ok(redirect_with_flash(&back, &message))
}

// ----- A registrant's details, changed by the registrant or an organizer -----

const DETAIL_FIELDS: &[&str] = &[
    "given_name",
    "family_name",
    "organization",
    "country",
    "needs",
];

/// The fields of a registrant's details in `lang`: labelled in it, their errors said in
/// it, the countries named and sorted as it names and sorts them.
fn detail_fields_in(values: &Values, errors: &[FieldError], lang: Language) -> Vec<Field> {
    let t = |id: &str| crate::i18n::t(lang, id);
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new("given_name", &t("field-given-name"), Kind::Text, values).required(),
            Field::new("family_name", &t("field-family-name"), Kind::Text, values).required(),
            Field::new("organization", &t("field-organization"), Kind::Text, values),
            Field::new("country", &t("field-country-name"), Kind::Select, values)
                .options(Some("—"), crate::web::forms::country_choices_in(lang)),
            Field::new("needs", &t("registration-needs"), Kind::TextArea, values),
        ],
    )];
    let errors = crate::i18n::fields::translated(lang, errors);
    attach_errors(&mut sections, &errors, &Default::default());
    sections.remove(0).fields
}

/// The registrant's own form: what they leave empty stays as it was.
fn own_detail_fields(values: &Values, errors: &[FieldError], lang: Language) -> Vec<Field> {
    let t = |id: &str| crate::i18n::t(lang, id);
    detail_fields_in(values, errors, lang)
        .into_iter()
        .map(|field| match field.name.as_str() {
            "organization" | "country" => field.hint(&t("manage-keep-hint")),
            "needs" => field.hint(&t("manage-needs-hint")),
            _ => field,
        })
        .collect()
}

/// The organizer's form of a registrant's details, in `lang`.
fn organizer_detail_fields(values: &Values, errors: &[FieldError], lang: Language) -> Vec<Field> {
    detail_fields_in(values, errors, lang)
        .into_iter()
        .map(|field| match field.name.as_str() {
            "needs" => field.hint(&crate::i18n::t(lang, "regs-needs-hint")),
            _ => field,
        })
        .collect()
}

fn detail_values(r: &RegistrationOut) -> Values {
    let mut values = Values::default();
    values.set("given_name", Some(&r.given_name));
    values.set("family_name", Some(&r.family_name));
    values.set("organization", r.organization.as_ref());
    values.set("country", r.country.as_ref());
    values.set("needs", r.needs.as_ref());
    values
}

/// The form's fields as a merge patch: every field is sent, blank ones clear.
fn detail_patch(values: &Values) -> serde_json::Map<String, serde_json::Value> {
    DETAIL_FIELDS
        .iter()
        .map(|name| {
            let value = values
                .opt(name)
                .map_or(serde_json::Value::Null, serde_json::Value::String);
            ((*name).to_string(), value)
        })
        .collect()
}

async fn own_details(
    State(state): State<AppState>,
    ctx: Ctx,
    PagePath(token): PagePath<String>,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, DETAIL_FIELDS);
    // What is left empty stays as it was (the page does not show it), but for the name,
    // which the page shows and a registration cannot do without.
    let patch = detail_patch(&values)
        .into_iter()
        .filter(|(name, value)| !value.is_null() || name.ends_with("_name"))
        .collect();
    match service::update_details(
        &state.db,
        None,
        service::RegistrantRef::Token(&token),
        patch,
    )
    .await
    {
        Ok(_) => Ok(redirect_with_flash(
            &format!("/registrations/{token}"),
            &crate::i18n::t(ctx.lang, "manage-details-saved-flash"),
        )),
        Err(AppError::Invalid(errors)) => {
            let page = manage_page(&state, ctx, &token, Some((values, errors)), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Template)]
#[template(path = "registrations/edit.html")]
struct EditPage {
    ctx: Ctx,
    r: RegistrationOut,
    registered: String,
    event: EventCard,
    fields: Vec<Field>,
    has_errors: bool,
}

async fn edit_page(
    state: &AppState,
    ctx: Ctx,
    id: i32,
    typed: Option<(Values, Vec<FieldError>)>,
) -> Result<EditPage, AppError> {
    let r: RegistrationOut = super::store::by_id(state.db.conn(), id)
        .await?
        .ok_or(AppError::NotFound("registration"))?
        .into();
    let event = crate::events::store::event_by_id(state.db.conn(), r.event_id)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    let registered = registered_at(&r, event.timezone, ctx.lang);
    let card = crate::events::read::event_views(&state.db, vec![event])
        .await?
        .remove(0);
    let (values, errors) = typed.unwrap_or_else(|| (detail_values(&r), Vec::new()));
    Ok(EditPage {
        registered,
        fields: organizer_detail_fields(&values, &errors, ctx.lang),
        has_errors: !errors.is_empty(),
        event: EventCard::from(&card),
        r,
        ctx,
    })
}

async fn edit_details(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    PagePath(id): PagePath<String>,
) -> PageResult {
    let id = crate::web::parse_id(&id, "registration")?;
    Ok(render(&edit_page(&state, ctx, id, None).await?))
}

async fn save_details(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    PagePath(id): PagePath<String>,
    form: FormData,
) -> PageResult {
    let id = crate::web::parse_id(&id, "registration")?;
    let values = Values::from_form(&form, DETAIL_FIELDS);
    match service::update_details(
        &state.db,
        Some(&actor),
        service::RegistrantRef::Id(id),
        detail_patch(&values),
    )
    .await
    {
        Ok(r) => {
            let event = crate::events::store::event_by_id(state.db.conn(), r.event_id)
                .await?
                .ok_or(AppError::NotFound("registration"))?;
            Ok(redirect_with_flash(
                &format!("/organize/events/{}/registrations", event.slug),
                &crate::i18n::t_texts(
                    ctx.lang,
                    "regs-flash-saved",
                    &[("name", &format!("{} {}", r.given_name, r.family_name))],
                ),
            ))
        }
        Err(AppError::Invalid(errors)) => {
            let page = edit_page(&state, ctx, id, Some((values, errors))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(err) => Err(err.into()),
    }
}
