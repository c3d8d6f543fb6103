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
            "Enter your email and your password.".into(),
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
            "You are signed in.",
        )),
        Err(AppError::BadCredentials) => Ok(failure(
            ctx,
            email,
            next,
            "The email or password is incorrect.".into(),
            StatusCode::UNAUTHORIZED,
        )),
        Err(AppError::Forbidden(why)) => Ok(failure(
            ctx,
            email,
            next,
            format!("{}.", capitalized(&why)),
            StatusCode::FORBIDDEN,
        )),
        Err(AppError::TooManyAttempts(minutes)) => {
            let mut response = failure(
                ctx,
                email,
                next,
                format!(
                    "Too many failed attempts for this account. Wait {minutes} minutes and try again."
                ),
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
    request_cookies: axum::http::HeaderMap,
    _form: FormData,
) -> PageResult<Response> {
    if let Some(secret) = cookie(&request_cookies, SESSION_COOKIE) {
        service::logout(&state.db, &secret).await?;
    }
    let mut response = redirect_with_flash("/", "You are signed out.");
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
                Some("Enter the email address of your account.".into()),
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
        Err(err @ (AppError::TooManyAttempts(_) | AppError::TooManyRequests(_))) => Ok((
            StatusCode::TOO_MANY_REQUESTS,
            render(&page(
                ctx,
                false,
                Some(format!("{}.", capitalized(&err.to_string()))),
            )),
        )
            .into_response()),
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
    let values = Values::default();
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new(
                "password",
                "New password",
                Kind::Password("new-password"),
                &values,
            )
            .required()
            .hint("At least 10 characters. A few unrelated words make a strong one."),
            Field::new(
                "confirm",
                "The same password again",
                Kind::Password("new-password"),
                &values,
            )
            .required(),
        ],
    )];
    attach_errors(&mut sections, errors, &Default::default());
    let (heading, intro, submit) = match purpose {
        TokenPurpose::Setup => (
            format!("Welcome, {}", info.user.name),
            format!(
                "Choose the password of your account ({}). You will use it with your email address to sign in.",
                info.user.role.label().to_lowercase()
            ),
            "Set my password and sign in",
        ),
        TokenPurpose::Reset => (
            "Choose a new password".to_string(),
            "Every other browser signed in to your account will be signed out.".to_string(),
            "Save the new password and sign in",
        ),
    };
    LinkPage {
        ctx,
        heading,
        intro,
        email: info.user.email.clone(),
        action: format!("/account/{}/{token}", purpose.as_str()),
        submit: submit.to_string(),
        sections,
        has_errors: !errors.is_empty(),
    }
}

async fn link_form(state: &AppState, ctx: Ctx, purpose: TokenPurpose, token: &str) -> Response {
    match service::check_link(&state.db, purpose, token).await {
        Ok(info) => render(&link_page(ctx, purpose, token, &info, &[])),
        Err(err) => error_with(ctx, err),
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
        Err(err) => return error_with(ctx, err),
    };
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
            match purpose {
                TokenPurpose::Setup => "Your password is set and you are signed in. Welcome!",
                TokenPurpose::Reset => "Your new password is saved and you are signed in.",
            },
        ),
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&link_page(ctx, purpose, token, &info, &errors)),
        )
            .into_response(),
        Err(err) => error_with(ctx, err),
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
    let mut sections = vec![
        Section::new(
            "",
            vec![
                Field::new("name", "Your name", Kind::Text, profile)
                    .required()
                    .hint("As the organizers and other members see it."),
                Field::new("language", "Language", Kind::Select, profile)
                    .options(Some("The language of my browser"), language_choices())
                    .hint("Of the pages and of the mail you receive."),
            ],
        ),
        Section::new(
            "",
            vec![
                Field::new(
                    "current_password",
                    "Current password",
                    Kind::Password("current-password"),
                    &Values::default(),
                )
                .required(),
                Field::new(
                    "new_password",
                    "New password",
                    Kind::Password("new-password"),
                    &Values::default(),
                )
                .required()
                .hint("At least 10 characters. Your other browsers will be signed out."),
            ],
        ),
    ];
    attach_errors(&mut sections[..1], profile_errors, &Default::default());
    attach_errors(&mut sections[1..], password_errors, &Default::default());
    let password = sections.pop().map(|s| s.fields).unwrap_or_default();
    let profile_fields = sections.pop().map(|s| s.fields).unwrap_or_default();
    AccountPage {
        ctx,
        email: actor.email.clone(),
        role: actor.role.label().to_string(),
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
        Ok(_) => Ok(redirect_with_flash("/account", "Your details are saved.")),
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
            "Your password is changed. Your other browsers were signed out.",
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
