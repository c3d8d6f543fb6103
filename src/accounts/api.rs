//! Accounts for programs: sign-in and sign-out (a server-side session behind an HttpOnly
//! cookie), one's own account and password, forgotten passwords and set-up links, and
//! the accounts organizers and admins manage.

use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::{AccountChange, AccountRow, Invite, InviteReason};
use super::{AccountStatus, Language, Role, TokenPurpose, service};
use crate::app::AppState;
use crate::error::{AppError, AppResult, FieldErrors, Problem};
use crate::web::auth::{SESSION_COOKIE, session_cookie};
use crate::web::client::{ClientAddress, check_limit};
use crate::web::{ApiJson, CurrentUser, ListQuery, Listed, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me, update_me))
        .routes(routes!(change_password))
        .routes(routes!(request_reset))
        .routes(routes!(reset_password))
        .routes(routes!(set_up))
        .routes(routes!(list_users, invite_user))
        .routes(routes!(change_user))
        .routes(routes!(resend_setup))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: Option<String>,
    pub password: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The preferred language of the interface and mail, if chosen.
    pub language: Option<Language>,
}

/// Builds the `Set-Cookie` value of a session (or of its removal when `secret` is None).
pub fn session_cookie_header(state: &AppState, secret: Option<&str>) -> HeaderValue {
    let secure = if state.settings.server.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = match secret {
        Some(secret) => format!(
            "{SESSION_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            state.settings.server.session_hours * 3600
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Sign in; sets the session cookie.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "accounts",
    request_body = LoginRequest,
    responses((status = 204, description = "Signed in; the session cookie is set"),
        (status = 401, body = Problem, description = "Email or password is incorrect"),
        (status = 403, body = Problem, description = "The account is disabled"),
        (status = 422, body = Problem), (status = 429, body = Problem)))]
async fn login(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<LoginRequest>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let email = body.email.filter(|e| !e.trim().is_empty());
    let password = body.password.filter(|p| !p.is_empty());
    if email.is_none() {
        errors.add("email", "is required");
    }
    if password.is_none() {
        errors.add("password", "is required");
    }
    errors.finish()?;
    let (_, secret) = service::login(
        &state.db,
        email.as_deref().unwrap_or_default(),
        password.as_deref().unwrap_or_default(),
        state.settings.server.session_hours,
    )
    .await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            session_cookie_header(&state, Some(&secret)),
        )],
    )
        .into_response())
}

/// The raw session secret of a request, for sign-out.
struct SessionSecret(Option<String>);

impl FromRequestParts<AppState> for SessionSecret {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self(session_cookie(parts)))
    }
}

/// Sign out: ends the server-side session and clears the cookie.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "accounts",
    responses((status = 204, description = "Signed out")))]
async fn logout(
    State(state): State<AppState>,
    SessionSecret(secret): SessionSecret,
) -> AppResult<Response> {
    if let Some(secret) = secret {
        service::logout(&state.db, &secret).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, session_cookie_header(&state, None))],
    )
        .into_response())
}

/// The signed-in account.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "accounts",
    responses((status = 200, body = Me), (status = 401, body = Problem)))]
async fn me(user: CurrentUser) -> AppResult<Json<Me>> {
    let actor = user.require()?;
    Ok(Json(Me {
        id: actor.id,
        email: actor.email,
        name: actor.name,
        role: actor.role,
        language: actor.language,
    }))
}

/// A change of one's own account.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileInput {
    pub name: Option<String>,
    /// `en`, `fr`, `es`, or null for the browser's.
    #[serde(default, deserialize_with = "crate::web::json::nullable")]
    #[schema(value_type = Option<String>)]
    pub language: Option<Option<String>>,
}

/// Changes the signed-in account's name or preferred language.
#[utoipa::path(patch, path = "/api/v1/auth/me", tag = "accounts", request_body = ProfileInput,
    responses((status = 200, body = Me), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 422, body = Problem)))]
async fn update_me(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(body): ApiJson<ProfileInput>,
) -> AppResult<Json<Me>> {
    let actor = user.require()?;
    let user = service::update_profile(
        &state.db,
        &actor,
        body.name.as_deref(),
        body.language.as_ref().map(|l| l.as_deref()),
    )
    .await?;
    Ok(Json(Me {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        language: user.language,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: Option<String>,
    /// At least 10 characters.
    pub new_password: Option<String>,
}

/// Changes the signed-in account's password; the current one is required. Other
/// sessions of the account end; this one stays.
#[utoipa::path(put, path = "/api/v1/auth/password", tag = "accounts", request_body = PasswordChange,
    responses((status = 204, description = "Changed"), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 422, body = Problem), (status = 429, body = Problem)))]
async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    SessionSecret(secret): SessionSecret,
    ApiJson(body): ApiJson<PasswordChange>,
) -> AppResult<StatusCode> {
    let actor = user.require()?;
    service::change_password(
        &state.db,
        &actor,
        secret.as_deref(),
        body.current_password.as_deref(),
        body.new_password.as_deref(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    pub email: Option<String>,
}

/// Asks for a password-reset link. 202 whether or not the address has an account; the
/// link (valid one hour, single-use) is mailed when it has one.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "accounts", request_body = ResetRequest,
    responses((status = 202, description = "If the address has an account, a link is on its way"),
        (status = 400, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
async fn request_reset(
    State(state): State<AppState>,
    address: ClientAddress,
    ApiJson(body): ApiJson<ResetRequest>,
) -> AppResult<StatusCode> {
    let email = body.email.filter(|e| !e.trim().is_empty());
    let Some(email) = email else {
        return Err(AppError::invalid("email", "is required"));
    };
    check_limit(&state.form_limiter, &address, "requests")?;
    service::request_reset(&state.db, &state.settings, &email).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPassword {
    /// At least 10 characters.
    pub password: Option<String>,
}

async fn use_link(
    state: &AppState,
    purpose: TokenPurpose,
    token: &str,
    body: NewPassword,
) -> AppResult<StatusCode> {
    service::use_link(
        &state.db,
        &state.settings,
        purpose,
        token,
        body.password.as_deref(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sets a new password from a reset link. The link is then spent (410 when used again
/// or expired) and the account's other sessions end.
#[utoipa::path(post, path = "/api/v1/auth/password-reset/{token}", tag = "accounts",
    params(("token" = String, Path, description = "the secret of the mailed link")), request_body = NewPassword,
    responses((status = 204, description = "Password set"), (status = 400, body = Problem), (status = 404, body = Problem),
        (status = 410, body = Problem), (status = 422, body = Problem)))]
async fn reset_password(
    State(state): State<AppState>,
    Path(token): Path<String>,
    ApiJson(body): ApiJson<NewPassword>,
) -> AppResult<StatusCode> {
    use_link(&state, TokenPurpose::Reset, &token, body).await
}

/// Chooses the password of an invited account from its set-up link, which is then
/// spent; the account becomes active.
#[utoipa::path(post, path = "/api/v1/auth/setup/{token}", tag = "accounts",
    params(("token" = String, Path, description = "the secret of the mailed link")), request_body = NewPassword,
    responses((status = 204, description = "Password set; the account is active"), (status = 400, body = Problem),
        (status = 404, body = Problem), (status = 410, body = Problem), (status = 422, body = Problem)))]
async fn set_up(
    State(state): State<AppState>,
    Path(token): Path<String>,
    ApiJson(body): ApiJson<NewPassword>,
) -> AppResult<StatusCode> {
    use_link(&state, TokenPurpose::Setup, &token, body).await
}

// ----- Accounts, for organizers and admins -----

/// An account as organizers and admins see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserOut {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// `invited` (no password chosen yet), `active` or `disabled`.
    pub status: AccountStatus,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    /// The directory person with the same email, if any.
    pub person_id: Option<i32>,
    pub language: Option<Language>,
    pub created_at: DateTime<Utc>,
}

impl From<AccountRow> for UserOut {
    fn from(row: AccountRow) -> Self {
        let u = row.user;
        Self {
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role,
            status: u.status,
            last_sign_in_at: u.last_sign_in_at,
            person_id: row.person_id,
            language: u.language,
            created_at: u.created_at,
        }
    }
}

/// Every account, by name; `?status=invited|active|disabled`.
#[utoipa::path(get, path = "/api/v1/users", tag = "accounts",
    params(("status" = Option<String>, Query), ("limit" = Option<u64>, Query, minimum = 1, maximum = 500),
        ("offset" = Option<u64>, Query, minimum = 0)),
    responses((status = 200, body = Listed<UserOut>), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
async fn list_users(
    State(state): State<AppState>,
    _staff: Staff,
    query: ListQuery,
) -> AppResult<Json<Listed<UserOut>>> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let status = query.parsed::<AccountStatus>("status", &mut errors);
    errors.finish()?;
    let (rows, total) = service::list(&state.db, status, page).await?;
    Ok(Json(Listed {
        items: rows.into_iter().map(UserOut::from).collect(),
        total,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteInput {
    pub email: Option<String>,
    pub name: Option<String>,
    /// `admin`, `organizer` (admins only), `rapporteur` or `member`.
    pub role: Option<String>,
}

/// Invites an account: 201, and one "set up your account" mail with a single-use link
/// (`accounts.invite_hours`, 72). Admins give any role, organizers rapporteurs and
/// members. 409 when the email has an account.
#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", request_body = InviteInput,
    responses((status = 201, body = UserOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn invite_user(
    State(state): State<AppState>,
    Staff(actor): Staff,
    ApiJson(body): ApiJson<InviteInput>,
) -> AppResult<Response> {
    let invite = Invite::parse(
        body.email.as_deref(),
        body.name.as_deref(),
        body.role.as_deref(),
    )?;
    let user = service::invite(
        &state.db,
        &state.settings,
        Some(&actor),
        invite,
        InviteReason::Invited,
    )
    .await?;
    let person_id = crate::directory::store::person_by_email(state.db.conn(), &user.email)
        .await?
        .map(|p| p.id);
    Ok((
        StatusCode::CREATED,
        Json(UserOut::from(AccountRow { user, person_id })),
    )
        .into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserChangeInput {
    pub role: Option<String>,
    /// true disables the account (its sessions and tokens stop at once); false enables it.
    pub disabled: Option<bool>,
}

/// Changes an account's role, or disables or enables it. Admins change any account;
/// organizers rapporteurs' and members' only. The last active admin cannot be disabled
/// or demoted (409).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "accounts",
    params(("id" = i32, Path)), request_body = UserChangeInput,
    responses((status = 200, body = UserOut), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn change_user(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UserChangeInput>,
) -> AppResult<Json<UserOut>> {
    let id = parse_id(&id, "account")?;
    let mut errors = FieldErrors::new();
    let role = match body.role.as_deref() {
        Some(role) => errors.check("role", role.parse::<Role>()),
        None => None,
    };
    errors.finish()?;
    let user = service::change_account(
        &state.db,
        &actor,
        id,
        AccountChange {
            role,
            disabled: body.disabled,
        },
    )
    .await?;
    let person_id = crate::directory::store::person_by_email(state.db.conn(), &user.email)
        .await?
        .map(|p| p.id);
    Ok(Json(UserOut::from(AccountRow { user, person_id })))
}

/// Sends the set-up mail of an invited account again, with a new link (the old one
/// stops working). 409 when the account is already set up or disabled.
#[utoipa::path(post, path = "/api/v1/users/{id}/invite", tag = "accounts",
    params(("id" = i32, Path)),
    responses((status = 202, description = "Sent again"), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn resend_setup(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "account")?;
    service::resend_setup(&state.db, &state.settings, &actor, id).await?;
    Ok(StatusCode::ACCEPTED)
}
