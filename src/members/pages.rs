//! Membership pages: the application form at `/join`, and the organizers' decisions on
//! the accounts page of the workspace.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::{ApplicationInput, service};
use crate::app::AppState;
use crate::error::{AppError, FieldError};
use crate::web::client::{ClientAddress, check_limit};
use crate::web::forms::{Field, Kind, Section, Values, attach_errors};
use crate::web::pages::Workspace;
use crate::web::pages::{
    Ctx, FormData, PagePath as Path, PageResult, error_with, redirect_with_flash, render,
};
use crate::web::parse_id;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/join", get(join_form).post(join))
        .route("/organize/applications/{id}", post(decide))
}

const FIELDS: &[&str] = &[
    "given_name",
    "family_name",
    "email",
    "organization",
    "country",
    "motivation",
    "consent",
];

#[derive(Template)]
#[template(path = "members/join.html")]
struct JoinPage {
    ctx: Ctx,
    fields: Vec<Field>,
    unshown: Vec<String>,
    has_errors: bool,
    sent: bool,
    limited: Option<String>,
}

fn join_page(ctx: Ctx, values: &Values, errors: &[FieldError]) -> JoinPage {
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new("given_name", "Given name", Kind::Text, values).required(),
            Field::new("family_name", "Family name", Kind::Text, values).required(),
            Field::new("email", "Email", Kind::Email, values)
                .required()
                .hint("The organizers' answer, and your set-up link if they approve, go here."),
            Field::new("organization", "Organization", Kind::Text, values)
                .required()
                .hint("The NGO, government, international body or institution you work for."),
            Field::new("country", "Country", Kind::Select, values)
                .options(Some("—"), crate::web::forms::country_choices()),
            Field::new(
                "motivation",
                "Why would you like to join?",
                Kind::TextArea,
                values,
            )
            .hint("A few lines on your work and what you expect from the coalition help the organizers decide."),
            Field::new(
                "consent",
                "I agree that the organizers keep these details to decide on my application and contact me about it.",
                Kind::Checkbox,
                values,
            ),
        ],
    )];
    let unshown = attach_errors(&mut sections, errors, &Default::default());
    JoinPage {
        ctx,
        fields: sections.remove(0).fields,
        unshown,
        has_errors: !errors.is_empty(),
        sent: false,
        limited: None,
    }
}

async fn join_form(ctx: Ctx) -> PageResult {
    Ok(render(&join_page(ctx, &Values::default(), &[])))
}

async fn join(
    State(state): State<AppState>,
    ctx: Ctx,
    address: ClientAddress,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, FIELDS);
    let input = ApplicationInput {
        given_name: values.opt("given_name"),
        family_name: values.opt("family_name"),
        email: values.opt("email"),
        organization: values.opt("organization"),
        country: values.opt("country"),
        motivation: values.opt("motivation"),
        consent: Some(values.get("consent") == "true"),
    };
    let outcome = match check_limit(&state.form_limiter, &address, "applications") {
        Ok(()) => service::apply(&state.db, &state.settings, input).await,
        Err(err) => Err(err),
    };
    match outcome {
        Ok(()) => {
            let mut page = join_page(ctx, &Values::default(), &[]);
            page.sent = true;
            Ok(render(&page))
        }
        Err(AppError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&join_page(ctx, &values, &errors)),
        )
            .into_response()),
        Err(err @ AppError::TooManyRequests(_)) => {
            let mut page = join_page(ctx, &values, &[]);
            page.limited = Some(format!("{err}."));
            Ok((StatusCode::TOO_MANY_REQUESTS, render(&page)).into_response())
        }
        Err(err) => Err(err.into()),
    }
}

/// An organizer's decision from the accounts page: `action` is `approve` or `reject`
/// (with an optional `note` for the applicant).
async fn decide(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    form: FormData,
) -> Response {
    let back = "/organize/accounts#applications";
    let id = match parse_id(&id, "application") {
        Ok(id) => id,
        Err(err) => return error_with(ctx, err),
    };
    let outcome = match form.get("action").as_deref() {
        Some("approve") => service::approve(&state.db, &state.settings, &actor, id)
            .await
            .map(|a| {
                format!(
                    "{} {} is a member: the set-up mail is on its way to {}.",
                    a.given_name, a.family_name, a.email
                )
            }),
        Some("reject") => service::reject(&state.db, &state.settings, &actor, id, form.get("note"))
            .await
            .map(|a| {
                format!(
                    "The application of {} {} is rejected; they are told by mail.",
                    a.given_name, a.family_name
                )
            }),
        _ => Err(AppError::BadRequest("unknown action".into())),
    };
    match outcome {
        Ok(message) => redirect_with_flash(back, &message),
        Err(AppError::Conflict(why)) => redirect_with_flash(back, &format!("Not done: {why}.")),
        Err(err) => error_with(ctx, err),
    }
}
