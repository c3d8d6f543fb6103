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
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new("given_name", &t("field-given-name"), Kind::Text, values).required(),
            Field::new("family_name", &t("field-family-name"), Kind::Text, values).required(),
            Field::new("email", &t("field-email-address"), Kind::Email, values)
                .required()
                .hint(&t("mem-join-email-hint")),
            Field::new("organization", &t("field-organization"), Kind::Text, values)
                .required()
                .hint(&t("mem-join-organization-hint")),
            Field::new("country", &t("field-country-name"), Kind::Select, values)
                .options(Some("—"), crate::web::forms::country_choices_in(lang)),
            Field::new(
                "motivation",
                &t("mem-join-motivation"),
                Kind::TextArea,
                values,
            )
            .hint(&t("mem-join-motivation-hint")),
            Field::new("consent", &t("mem-join-consent"), Kind::Checkbox, values),
        ],
    )];
    let errors = crate::accounts::pages::field_errors(lang, errors);
    let unshown = attach_errors(&mut sections, &errors, &Default::default());
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
        language: Some(ctx.lang.as_str().to_string()),
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
            let why = crate::accounts::pages::said(ctx.lang, &err.to_string());
            let mut page = join_page(ctx, &values, &[]);
            page.limited = Some(format!("{why}."));
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
    let lang = ctx.lang;
    let said_of = |id: &str, a: &crate::entities::membership_application::Model| {
        crate::i18n::t_texts(
            lang,
            id,
            &[
                ("name", &format!("{} {}", a.given_name, a.family_name)),
                ("email", &a.email),
            ],
        )
    };
    let outcome = match form.get("action").as_deref() {
        Some("approve") => service::approve(&state.db, &state.settings, &actor, id)
            .await
            .map(|a| said_of("mem-approved", &a)),
        Some("reject") => service::reject(&state.db, &state.settings, &actor, id, form.get("note"))
            .await
            .map(|a| said_of("mem-rejected", &a)),
        _ => Err(AppError::BadRequest("unknown action".into())),
    };
    match outcome {
        Ok(message) => redirect_with_flash(back, &message),
        Err(AppError::Conflict(why)) => redirect_with_flash(
            back,
            &crate::i18n::t_texts(
                lang,
                "mem-not-done",
                &[("why", &crate::accounts::pages::said(lang, &why))],
            ),
        ),
        Err(err) => error_with(ctx, err),
    }
}
