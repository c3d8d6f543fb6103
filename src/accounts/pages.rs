//! Member sign-in and sign-out pages.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::api::session_cookie_header;
use super::service;
use crate::app::AppState;
use crate::error::AppError;
use crate::web::ListQuery;
use crate::web::auth::{SESSION_COOKIE, cookie};
use crate::web::pages::{Ctx, FormData, PageResult, redirect_with_flash, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
}

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    ctx: Ctx,
    email: String,
    next: String,
    error: Option<String>,
}

/// Only paths on this site are followed after sign-in (no open redirect).
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
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
        Ok(secret) => {
            let mut response = redirect_with_flash(&next, "You are signed in.");
            response.headers_mut().append(
                header::SET_COOKIE,
                session_cookie_header(&state, Some(&secret)),
            );
            Ok(response)
        }
        Err(AppError::BadCredentials) => Ok(failure(
            ctx,
            email,
            next,
            "The email or password is incorrect.".into(),
            StatusCode::UNAUTHORIZED,
        )),
        Err(AppError::TooManyAttempts(minutes)) => Ok(failure(
            ctx,
            email,
            next,
            format!(
                "Too many failed attempts for this account. Wait {minutes} minutes and try again."
            ),
            StatusCode::TOO_MANY_REQUESTS,
        )),
        Err(err) => Err(err.into()),
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
