//! The check-in page, made for a phone at the door on a slow connection: one small
//! server-rendered page, no framework. An organizer types a name, an organization or a
//! registrant's code (or scans the QR code of their registration page, which opens this
//! page at their name), and checks them in with one tap, undone with another; the count
//! of those checked in follows live. People who had not registered are added as walk-ins.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};

use super::service::{self, Door};
use crate::app::AppState;
use crate::error::{AppError, FieldError};
use crate::events::SeriesRef;
use crate::i18n::Language;
use crate::registrations::RegistrationInput;
use crate::registrations::RegistrationOut;
use crate::web::ListQuery;
use crate::web::forms::{Field, Kind, Section, Values, attach_errors};
use crate::web::pages::{
    Ctx, FormData, PagePath, PageResult, Workspace, error_with, redirect_with_flash, render,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/events/{event}/check-in", get(door_page))
        .route("/organize/events/{event}/check-in/count", get(count))
        .route("/organize/events/{event}/check-in/walk-in", post(walk_in))
        .route("/organize/events/{event}/check-in/{id}", post(check_in))
        .route("/organize/events/{event}/check-in/{id}/undo", post(undo))
}

/// Everyone is listed at once up to this many expected; past it, the page waits for a
/// search, to stay small on a slow connection.
const LIST_ALL_UP_TO: usize = 40;

const WALK_IN_FIELDS: &[&str] = &[
    "given_name",
    "family_name",
    "email",
    "organization",
    "consent",
];

#[derive(Template)]
#[template(path = "attendance/check_in.html")]
struct DoorPage {
    ctx: Ctx,
    title: String,
    slug: String,
    checked_in: usize,
    expected: usize,
    q: String,
    rows: Vec<Row>,
    /// Whether the rows are a search's (else everyone, or no one yet).
    searched: bool,
    walk_in: Vec<Field>,
    walk_in_errors: bool,
}

struct Row {
    id: i32,
    name: String,
    organization: String,
    code: String,
    /// "09:32", when checked in.
    checked_in: Option<String>,
    walk_in: bool,
}

impl DoorPage {
    fn new(ctx: Ctx, door: &Door, q: &str, walk_in: (Values, Vec<FieldError>)) -> Self {
        let zone = door.event.timezone;
        let q = q.trim();
        let shown: Vec<&RegistrationOut> = if q.is_empty() {
            if door.expected.len() <= LIST_ALL_UP_TO {
                door.expected.iter().collect()
            } else {
                Vec::new()
            }
        } else {
            door.find(q)
        };
        let (values, errors) = walk_in;
        Self {
            title: door.event.title.clone(),
            slug: door.event.slug.clone(),
            checked_in: door.checked_in(),
            expected: door.expected.len(),
            q: q.to_string(),
            rows: shown
                .into_iter()
                .map(|r| Row {
                    id: r.id,
                    name: format!("{} {}", r.given_name, r.family_name),
                    organization: r.organization.clone().unwrap_or_default(),
                    code: r.check_in_code.clone().unwrap_or_default(),
                    checked_in: r
                        .checked_in_at
                        .map(|at| zone.local(at).format("%H:%M").to_string()),
                    walk_in: r.walk_in,
                })
                .collect(),
            searched: !q.is_empty(),
            walk_in_errors: !errors.is_empty(),
            walk_in: walk_in_fields(&values, &errors, ctx.lang),
            ctx,
        }
    }
}

fn walk_in_fields(values: &Values, errors: &[FieldError], lang: Language) -> Vec<Field> {
    let t = |id: &str| crate::i18n::t(lang, id);
    let errors = crate::i18n::fields::translated(lang, errors);
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new("given_name", &t("field-given-name"), Kind::Text, values).required(),
            Field::new("family_name", &t("field-family-name"), Kind::Text, values).required(),
            Field::new("email", &t("field-email-address"), Kind::Email, values)
                .required()
                .hint(&t("att-walk-in-email-hint")),
            Field::new("organization", &t("field-organization"), Kind::Text, values),
            Field::new("consent", &t("att-walk-in-consent"), Kind::Checkbox, values),
        ],
    )];
    let _ = attach_errors(&mut sections, &errors, &Default::default());
    sections.remove(0).fields
}

async fn door_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    PagePath(reference): PagePath<String>,
    query: ListQuery,
) -> PageResult {
    let door = service::door(&state.db, &SeriesRef::parse(&reference)).await?;
    let q = query.get("q").unwrap_or_default().to_string();
    Ok(render(&DoorPage::new(
        ctx,
        &door,
        &q,
        (Values::default(), Vec::new()),
    )))
}

#[derive(serde::Serialize)]
struct Count {
    checked_in: u64,
    expected: u64,
}

/// The live count, read by the page every few seconds.
async fn count(
    State(state): State<AppState>,
    _ws: Workspace,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let (checked_in, expected) = service::count(&state.db, &SeriesRef::parse(&reference)).await?;
    Ok(Json(Count {
        checked_in,
        expected,
    })
    .into_response())
}

/// Where a tap goes back to: the same search, at the registrant's line.
fn back(slug: &str, q: &str, id: i32) -> String {
    let q = q.trim();
    if q.is_empty() {
        format!("/organize/events/{slug}/check-in#r{id}")
    } else {
        format!(
            "/organize/events/{slug}/check-in?q={}#r{id}",
            percent_encoding::utf8_percent_encode(q, percent_encoding::NON_ALPHANUMERIC)
        )
    }
}

/// The registration `id` of the event named in the path, or 404.
async fn of_event(
    state: &AppState,
    reference: &str,
    id: &str,
) -> Result<
    (
        crate::entities::event::Model,
        crate::entities::registration::Model,
    ),
    AppError,
> {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(reference), true).await?;
    let registration = match id.parse::<i32>() {
        Ok(id) => crate::registrations::store::by_id(state.db.conn(), id).await?,
        Err(_) => None,
    }
    .filter(|r| r.event_id == event.id)
    .ok_or(AppError::NotFound("registration"))?;
    Ok((event, registration))
}

async fn check_in(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath((reference, id)): PagePath<(String, String)>,
    form: FormData,
) -> PageResult {
    tap(&state, ws, &reference, &id, &form, true).await
}

async fn undo(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath((reference, id)): PagePath<(String, String)>,
    form: FormData,
) -> PageResult {
    tap(&state, ws, &reference, &id, &form, false).await
}

/// A tap on a registrant's line: checks them in (`check`) or undoes it, then goes back to
/// the same search, saying what happened.
async fn tap(
    state: &AppState,
    ws: Workspace,
    reference: &str,
    id: &str,
    form: &FormData,
    check: bool,
) -> PageResult {
    let (event, registration) = match of_event(state, reference, id).await {
        Ok(found) => found,
        Err(err) => return Ok(error_with(ws.ctx, err)),
    };
    let name = format!("{} {}", registration.given_name, registration.family_name);
    let lang = ws.ctx.lang;
    let said = |id: &str| crate::i18n::t_texts(lang, id, &[("name", &name)]);
    let done = if check {
        service::check_in(&state.db, &ws.actor, registration.id)
            .await
            .map(|_| said("att-flash-checked-in"))
    } else {
        service::undo(&state.db, &ws.actor, registration.id)
            .await
            .map(|()| said("att-flash-undone"))
    };
    let message = match done {
        Ok(message) => message,
        Err(AppError::Conflict(why)) => crate::i18n::t_texts(
            lang,
            "att-flash-not-checked-in",
            &[("name", &name), ("why", &why)],
        ),
        Err(err) => return Ok(error_with(ws.ctx, err)),
    };
    let q = form.get("q").unwrap_or_default();
    Ok(redirect_with_flash(
        &back(&event.slug, &q, registration.id),
        &message,
    ))
}

/// Adds someone who had not registered, checked in at once; a mistake shows beside its
/// field with what was typed kept.
async fn walk_in(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(reference): PagePath<String>,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, WALK_IN_FIELDS);
    let input = RegistrationInput {
        given_name: values.opt("given_name"),
        family_name: values.opt("family_name"),
        email: values.opt("email"),
        organization: values.opt("organization"),
        consent: Some(values.get("consent") == "true"),
        walk_in: Some(true),
        ..Default::default()
    };
    let event = SeriesRef::parse(&reference);
    let errors = match crate::registrations::service::admit(
        &state.db,
        &state.settings,
        &ws.actor,
        &event,
        input,
    )
    .await
    {
        Ok(registered) => {
            let name = format!(
                "{} {}",
                values.get("given_name").trim(),
                values.get("family_name").trim()
            );
            // Back where the form was sent from (the event's slug or id, as in the path).
            return Ok(redirect_with_flash(
                &back(&reference, "", registered.id),
                &crate::i18n::t_texts(ws.ctx.lang, "att-flash-walk-in", &[("name", &name)]),
            ));
        }
        Err(AppError::Invalid(errors)) => errors,
        Err(AppError::Conflict(why)) => vec![FieldError::new("email", why)],
        Err(err) => return Ok(error_with(ws.ctx, err)),
    };
    let door = service::door(&state.db, &event).await?;
    let page = DoorPage::new(ws.ctx, &door, "", (values, errors));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
}
