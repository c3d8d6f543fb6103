//! Account pages: sign-in (landing where the person's work is) and sign-out, "Forgot
//! your password?", the set-up and reset links of mails, and one's own account (name,
//! language, password).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::api::session_cookie_header;
use super::{Language, Role, TokenPurpose, service};
use crate::app::AppState;
use crate::error::{AppError, FieldError};
use crate::web::ListQuery;
use crate::web::auth::{SESSION_COOKIE, cookie};
use crate::web::client::{ClientAddress, check_limit};
use crate::web::forms::{Field, Kind, Section, Values, attach_errors};
use crate::web::pages::{
    Ctx, FormData, PagePath as Path, PageResult, SignedIn, error_with, redirect_with_flash, render,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/login/forgot", get(forgot_form).post(forgot))
        .route("/account/setup/{token}", get(setup_form).post(setup))
        .route("/account/reset/{token}", get(reset_form).post(reset))
        .route("/account", get(account).post(update_account))
        .route("/account/password", post(change_password))
}

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    ctx: Ctx,
    email: String,
    next: String,
    error: Option<String>,
}

/// Only paths on this site are followed after sign-in (no open redirect); none means
/// "where this account's work is".
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && !path.starts_with("/login")
                && !path.starts_with("/account/") =>
        {
            path.to_string()
        }
        _ => String::new(),
    }
}

/// Where a person lands after signing in: the page they came from, else their work.
fn landing(next: &str, role: Role) -> &str {
    if next.is_empty() || next == "/" {
        role.landing()
    } else {
        next
    }
}

async fn login_form(ctx: Ctx, query: ListQuery) -> PageResult {
    let page = LoginPage {
        next: safe_next(query.get("next")),
        email: String::new(),
        error: None,
        ctx,
    };
    Ok(render(&page))
}

/// A response that opens a session: the cookie, and a redirect to where the work is. An
/// account that chose a language has it from now on: the language chosen before signing
/// in is forgotten.
fn signed_in(
    state: &AppState,
    user: &crate::entities::user::Model,
    secret: &str,
    location: &str,
    message: &str,
) -> Response {
    let mut response = redirect_with_flash(location, message);
    response.headers_mut().append(
        header::SET_COOKIE,
        session_cookie_header(state, Some(secret)),
    );
    if user.language.is_some() {
        response
            .headers_mut()
            .append(header::SET_COOKIE, crate::i18n::forget_cookie());
    }
    response
}

async fn login(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    let lang = ctx.lang;
    let email = form.get("email").unwrap_or_default();
    let password = form.get("password").unwrap_or_default();
    let next = safe_next(form.get("next").as_deref());
    let failure = |ctx: Ctx, email: String, next: String, message: String, status: StatusCode| {
        let page = LoginPage {
            ctx,
            email,
            next,
            error: Some(message),
        };
        (status, render(&page)).into_response()
    };
    if email.is_empty() || password.is_empty() {
        return Ok(failure(
            ctx,
            email,
            next,
            crate::i18n::t(lang, "acc-login-enter-both"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    match service::login(
        &state.db,
        &email,
        &password,
        state.settings.server.session_hours,
    )
    .await
    {
        Ok((user, secret)) => Ok(signed_in(
            &state,
            &user,
            &secret,
            landing(&next, user.role),
            &crate::i18n::t(lang, "acc-signed-in"),
        )),
        Err(AppError::BadCredentials) => Ok(failure(
            ctx,
            email,
            next,
            crate::i18n::t(lang, "acc-login-incorrect"),
            StatusCode::UNAUTHORIZED,
        )),
        Err(AppError::Forbidden(why)) => Ok(failure(
            ctx,
            email,
            next,
            format!("{}.", capitalized(&said(lang, &why))),
            StatusCode::FORBIDDEN,
        )),
        Err(AppError::TooManyAttempts(minutes)) => {
            let mut response = failure(
                ctx,
                email,
                next,
                crate::i18n::t_args(lang, "acc-login-too-many", &[("minutes", minutes.into())]),
                StatusCode::TOO_MANY_REQUESTS,
            );
            if let Ok(value) = axum::http::HeaderValue::from_str(&(minutes.max(1) * 60).to_string())
            {
                response
                    .headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, value);
            }
            Ok(response)
        }
        Err(err) => Err(err.into()),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    request_cookies: axum::http::HeaderMap,
    _form: FormData,
) -> PageResult<Response> {
    if let Some(secret) = cookie(&request_cookies, SESSION_COOKIE) {
        service::logout(&state.db, &secret).await?;
    }
    let mut response = redirect_with_flash("/", &crate::i18n::t(ctx.lang, "acc-signed-out"));
    response
        .headers_mut()
        .append(header::SET_COOKIE, session_cookie_header(&state, None));
    Ok(response)
}

// ----- Forgot your password? -----

#[derive(Template)]
#[template(path = "accounts/forgot.html")]
struct ForgotPage {
    ctx: Ctx,
    email: String,
    sent: bool,
    error: Option<String>,
    reset_minutes: i64,
}

impl ForgotPage {
    /// "… is the address of an account, a message … is on its way …"
    fn on_its_way(&self) -> String {
        crate::i18n::t_args(
            self.ctx.lang,
            "acc-forgot-on-its-way",
            &[("minutes", self.reset_minutes.into())],
        )
    }
}

async fn forgot_form(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    Ok(render(&ForgotPage {
        ctx,
        email: String::new(),
        sent: false,
        error: None,
        reset_minutes: state.settings.accounts.reset_minutes,
    }))
}

/// The same page whether or not the address has an account.
async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    address: ClientAddress,
    form: FormData,
) -> PageResult {
    let lang = ctx.lang;
    let email = form.get("email").unwrap_or_default();
    let page = |ctx: Ctx, sent: bool, error: Option<String>| ForgotPage {
        ctx,
        email: email.clone(),
        sent,
        error,
        reset_minutes: state.settings.accounts.reset_minutes,
    };
    if email.is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&page(
                ctx,
                false,
                Some(crate::i18n::t(lang, "acc-forgot-enter-email")),
            )),
        )
            .into_response());
    }
    let outcome = match check_limit(&state.form_limiter, &address, "requests") {
        Ok(()) => service::request_reset(&state.db, &state.settings, &email).await,
        Err(err) => Err(err),
    };
    match outcome {
        Ok(()) => Ok(render(&page(ctx, true, None))),
        Err(err @ (AppError::TooManyAttempts(_) | AppError::TooManyRequests(_))) => {
            let why = match err {
                AppError::TooManyAttempts(minutes) => crate::i18n::t_args(
                    lang,
                    "acc-why-too-many-attempts",
                    &[("minutes", minutes.into())],
                ),
                other => said(lang, &other.to_string()),
            };
            Ok((
                StatusCode::TOO_MANY_REQUESTS,
                render(&page(ctx, false, Some(format!("{}.", capitalized(&why))))),
            )
                .into_response())
        }
        Err(err) => Err(err.into()),
    }
}

// ----- Set-up and reset links -----

#[derive(Template)]
#[template(path = "accounts/password_link.html")]
struct LinkPage {
    ctx: Ctx,
    heading: String,
    intro: String,
    email: String,
    action: String,
    submit: String,
    sections: Vec<Section>,
    has_errors: bool,
}

fn link_page(
    ctx: Ctx,
    purpose: TokenPurpose,
    token: &str,
    info: &service::LinkInfo,
    errors: &[FieldError],
) -> LinkPage {
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let values = Values::default();
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new(
                "password",
                &t("acc-new-password"),
                Kind::Password("new-password"),
                &values,
            )
            .required()
            .hint(&t("acc-link-password-hint")),
            Field::new(
                "confirm",
                &t("acc-link-confirm"),
                Kind::Password("new-password"),
                &values,
            )
            .required(),
        ],
    )];
    attach_errors(
        &mut sections,
        &field_errors(lang, errors),
        &Default::default(),
    );
    let (heading, intro, submit) = match purpose {
        TokenPurpose::Setup => (
            crate::i18n::t_texts(lang, "acc-setup-welcome", &[("name", &info.user.name)]),
            crate::i18n::t_texts(
                lang,
                "acc-setup-intro",
                &[("role", &role_label(lang, info.user.role).to_lowercase())],
            ),
            t("acc-setup-submit"),
        ),
        TokenPurpose::Reset => (
            t("reset-button"),
            t("acc-reset-intro"),
            t("acc-reset-submit"),
        ),
    };
    LinkPage {
        ctx,
        heading,
        intro,
        email: info.user.email.clone(),
        action: format!("/account/{}/{token}", purpose.as_str()),
        submit,
        sections,
        has_errors: !errors.is_empty(),
    }
}

/// A link that no longer works, said in the page's language.
fn link_refused(ctx: Ctx, err: AppError) -> Response {
    let err = match err {
        AppError::Gone(why) => AppError::Gone(said(ctx.lang, &why)),
        other => other,
    };
    error_with(ctx, err)
}

async fn link_form(state: &AppState, ctx: Ctx, purpose: TokenPurpose, token: &str) -> Response {
    match service::check_link(&state.db, purpose, token).await {
        Ok(info) => render(&link_page(ctx, purpose, token, &info, &[])),
        Err(err) => link_refused(ctx, err),
    }
}

async fn use_link(
    state: &AppState,
    ctx: Ctx,
    purpose: TokenPurpose,
    token: &str,
    form: &FormData,
) -> Response {
    let info = match service::check_link(&state.db, purpose, token).await {
        Ok(info) => info,
        Err(err) => return link_refused(ctx, err),
    };
    let lang = ctx.lang;
    let password = form.get("password");
    if password.is_some() && password != form.get("confirm") {
        let errors = [FieldError::new(
            "confirm",
            "is not the same as the password above; type it again",
        )];
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&link_page(ctx, purpose, token, &info, &errors)),
        )
            .into_response();
    }
    match service::use_link(
        &state.db,
        &state.settings,
        purpose,
        token,
        password.as_deref(),
    )
    .await
    {
        Ok((user, secret)) => signed_in(
            state,
            &user,
            &secret,
            user.role.landing(),
            &crate::i18n::t(
                lang,
                match purpose {
                    TokenPurpose::Setup => "acc-setup-done",
                    TokenPurpose::Reset => "acc-reset-done",
                },
            ),
        ),
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&link_page(ctx, purpose, token, &info, &errors)),
        )
            .into_response(),
        Err(err) => link_refused(ctx, err),
    }
}

async fn setup_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Response {
    link_form(&state, ctx, TokenPurpose::Setup, &token).await
}

async fn setup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    form: FormData,
) -> Response {
    use_link(&state, ctx, TokenPurpose::Setup, &token, &form).await
}

async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Response {
    link_form(&state, ctx, TokenPurpose::Reset, &token).await
}

async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    form: FormData,
) -> Response {
    use_link(&state, ctx, TokenPurpose::Reset, &token, &form).await
}

// ----- One's own account -----

#[derive(Template)]
#[template(path = "accounts/account.html")]
struct AccountPage {
    ctx: Ctx,
    email: String,
    role: String,
    profile: Vec<Field>,
    password: Vec<Field>,
    profile_errors: bool,
    password_errors: bool,
}

/// The name of an account's role in `lang` ("Administrator", "Rapporteur").
pub(crate) fn role_label(lang: Language, role: Role) -> String {
    crate::i18n::term(lang, "acc-role", role.as_str())
}

/// Each English wording of the accounts' and members' refusals, and its message;
/// `{n}` stands for a number, `{text}` for a word.
const REASONS: &[(&str, &str)] = &[
    (
        "this account is disabled; ask the organizers if you think this is a mistake",
        "acc-why-disabled",
    ),
    (
        "this account is disabled; enable it first",
        "acc-why-disabled-enable-first",
    ),
    (
        "this account is already set up; its owner can use \"Forgot your password?\" on the sign-in page",
        "acc-why-already-set-up",
    ),
    ("you cannot disable your own account", "acc-why-own-account"),
    (
        "this is the last active admin: make another account admin first",
        "acc-why-last-admin",
    ),
    (
        "organizers may give and change rapporteur and member accounts only; ask an admin for {text} accounts",
        "acc-why-admin-only",
    ),
    (
        "only organizers and admins manage accounts",
        "acc-why-staff-only",
    ),
    (
        "an account with that email already exists",
        "acc-why-duplicate",
    ),
    ("is not your current password", "acc-why-not-current"),
    ("must be at least {n} characters", "acc-why-too-short"),
    (
        "is not the same as the password above; type it again",
        "acc-why-not-same",
    ),
    (
        "has been mistyped too often; wait {n} minutes and try again",
        "acc-why-mistyped",
    ),
    (
        "too many requests from your address; wait a minute and try again",
        "acc-why-too-many-requests",
    ),
    (
        "too many applications from your address; wait a minute and try again",
        "mem-why-too-many-applications",
    ),
    (
        "this application was already approved",
        "mem-why-already-approved",
    ),
    (
        "this application was already rejected",
        "mem-why-already-rejected",
    ),
    (
        "this address already has an account; reject the application or change the account's role",
        "mem-why-has-account",
    ),
    (
        "This link has already been used. Each link works once; ask for a new one if you need it.",
        "acc-gone-used",
    ),
    (
        "This link has already been used. Each link works once.",
        "acc-gone-used-once",
    ),
    (
        "This set-up link has expired. Ask the organizers to send you a new one.",
        "acc-gone-setup-expired",
    ),
    (
        "This link has expired. Ask for a new one from \"Forgot your password?\" on the sign-in page.",
        "acc-gone-reset-expired",
    ),
    (
        "This account is disabled. Ask the organizers if you think this is a mistake.",
        "acc-gone-disabled",
    ),
    ("must be given to apply", "mem-why-consent"),
    ("needs a region", "dir-why-needs-region"),
    (
        "must be a short title such as Mr, Ms, Mx, Dr, Prof or H.E.",
        "dir-why-honorific",
    ),
    (
        "must be the id of an organization",
        "dir-why-organization-id",
    ),
    ("is also on row {n}", "dir-why-also-on-row"),
    (
        "is not the ID of anyone in the directory (leave it empty to add someone new)",
        "dir-why-unknown-id",
    ),
    (
        "is not a country we know: write its name (Kenya) or its code (KE)",
        "dir-why-country",
    ),
    (
        "is not a column we know; the columns are: {text}",
        "dir-why-unknown-column",
    ),
    ("is a column the file needs", "dir-why-column-needed"),
];

/// A refusal of the accounts', members' or directory's services (or a field's error) in
/// `lang`, where its wording is known; English otherwise. A `{text}` that names a role
/// is said as the role (`$role`), any other as it is (`$text`).
pub(crate) fn said(lang: Language, english: &str) -> String {
    if lang == Language::En {
        return english.to_string();
    }
    for (pattern, id) in REASONS {
        if let Some((before, after)) = pattern.split_once("{n}") {
            if let Some(n) = english
                .strip_prefix(before)
                .and_then(|rest| rest.strip_suffix(after))
                .and_then(|n| n.parse::<i64>().ok())
            {
                return crate::i18n::t_args(lang, id, &[("n", n.into())]);
            }
        } else if let Some((before, after)) = pattern.split_once("{text}") {
            if let Some(text) = english
                .strip_prefix(before)
                .and_then(|rest| rest.strip_suffix(after))
            {
                return match text.parse::<Role>() {
                    Ok(role) => {
                        let role = role_label(lang, role).to_lowercase();
                        crate::i18n::t_texts(lang, id, &[("role", &role)])
                    }
                    Err(_) => crate::i18n::t_texts(lang, id, &[("text", text)]),
                };
            }
        } else if english == *pattern {
            return crate::i18n::t(lang, id);
        }
    }
    crate::i18n::fields::message(lang, english)
}

/// Field errors in `lang` ([`said`]).
pub(crate) fn field_errors(lang: Language, errors: &[FieldError]) -> Vec<FieldError> {
    errors
        .iter()
        .map(|e| FieldError::new(e.field.clone(), said(lang, &e.message)))
        .collect()
}

fn language_choices() -> Vec<(String, String)> {
    Language::ALL
        .iter()
        .map(|l| (l.as_str().to_string(), l.label().to_string()))
        .collect()
}

fn account_page(
    ctx: Ctx,
    actor: &crate::web::Actor,
    profile: &Values,
    profile_errors: &[FieldError],
    password_errors: &[FieldError],
) -> AccountPage {
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let mut sections = vec![
        Section::new(
            "",
            vec![
                Field::new("name", &t("acc-your-name"), Kind::Text, profile)
                    .required()
                    .hint(&t("acc-your-name-hint")),
                Field::new("language", &t("acc-language"), Kind::Select, profile)
                    .options(Some(&t("acc-language-browser")), language_choices())
                    .hint(&t("acc-language-hint")),
            ],
        ),
        Section::new(
            "",
            vec![
                Field::new(
                    "current_password",
                    &t("acc-current-password"),
                    Kind::Password("current-password"),
                    &Values::default(),
                )
                .required(),
                Field::new(
                    "new_password",
                    &t("acc-new-password"),
                    Kind::Password("new-password"),
                    &Values::default(),
                )
                .required()
                .hint(&t("acc-new-password-hint")),
            ],
        ),
    ];
    attach_errors(
        &mut sections[..1],
        &field_errors(lang, profile_errors),
        &Default::default(),
    );
    attach_errors(
        &mut sections[1..],
        &field_errors(lang, password_errors),
        &Default::default(),
    );
    let password = sections.pop().map(|s| s.fields).unwrap_or_default();
    let profile_fields = sections.pop().map(|s| s.fields).unwrap_or_default();
    AccountPage {
        ctx,
        email: actor.email.clone(),
        role: role_label(lang, actor.role),
        profile: profile_fields,
        password,
        profile_errors: !profile_errors.is_empty(),
        password_errors: !password_errors.is_empty(),
    }
}

fn profile_values(name: &str, language: Option<Language>) -> Values {
    let mut values = Values::default();
    values.set("name", Some(name));
    values.set("language", language.map(|l| l.as_str()));
    values
}

async fn account(SignedIn { ctx, actor }: SignedIn) -> PageResult {
    let values = profile_values(&actor.name, actor.language);
    Ok(render(&account_page(ctx, &actor, &values, &[], &[])))
}

async fn update_account(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, &["name", "language"]);
    let name = values.get("name");
    let language = values.opt("language");
    match service::update_profile(&state.db, &actor, Some(&name), Some(language.as_deref())).await {
        Ok(_) => Ok(redirect_with_flash(
            "/account",
            &crate::i18n::t(ctx.lang, "acc-details-saved"),
        )),
        Err(AppError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&account_page(ctx, &actor, &values, &errors, &[])),
        )
            .into_response()),
        Err(err) => Err(err.into()),
    }
}

async fn change_password(
    State(state): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    headers: axum::http::HeaderMap,
    form: FormData,
) -> PageResult {
    let session = cookie(&headers, SESSION_COOKIE);
    let outcome = service::change_password(
        &state.db,
        &actor,
        session.as_deref(),
        form.get("current_password").as_deref(),
        form.get("new_password").as_deref(),
    )
    .await;
    let values = profile_values(&actor.name, actor.language);
    match outcome {
        Ok(()) => Ok(redirect_with_flash(
            "/account",
            &crate::i18n::t(ctx.lang, "acc-password-changed"),
        )),
        Err(AppError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&account_page(ctx, &actor, &values, &[], &errors)),
        )
            .into_response()),
        Err(AppError::TooManyAttempts(minutes)) => {
            let errors = [FieldError::new(
                "current_password",
                format!("has been mistyped too often; wait {minutes} minutes and try again"),
            )];
            Ok((
                StatusCode::TOO_MANY_REQUESTS,
                render(&account_page(ctx, &actor, &values, &[], &errors)),
            )
                .into_response())
        }
        Err(err) => Err(err.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_follows_local_paths_only_and_lands_by_role() {
        assert_eq!(safe_next(Some("/events/x")), "/events/x");
        assert_eq!(safe_next(Some("//evil.example")), "");
        assert_eq!(safe_next(Some("https://evil.example")), "");
        assert_eq!(safe_next(Some("/\\evil")), "");
        assert_eq!(safe_next(Some("/account/reset/abc")), "");
        assert_eq!(landing("", Role::Organizer), "/organize");
        assert_eq!(landing("/", Role::Rapporteur), "/rapporteur");
        assert_eq!(landing("", Role::Member), "/");
        assert_eq!(landing("/events/x", Role::Organizer), "/events/x");
    }
}
