//! Account use-cases: invite accounts and let their owners set them up, reset forgotten
//! passwords, change one's own password and details, change roles and disable accounts,
//! sign in and out, and recognise the caller of a request from a session cookie or a
//! bearer token. Nobody chooses a password for someone else, and no password is ever
//! mailed: accounts are reached through single-use, expiring links.

use crate::db::MailQueue;
use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::store::{self, UserChange};
use super::{
    AccountStatus, DECOY_HASH, Language, MIN_PASSWORD_LEN, NewUser, Role, TokenPurpose,
    hash_password, hash_secret, new_secret, notify, verify_password,
};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::domain::{EmailAddress, required_text};
use crate::entities::user;
use crate::error::{AppError, AppResult, FieldErrors, on_constraint};
use crate::web::{Actor, Pagination};

const DUPLICATE: &str = "an account with that email already exists";

/// Creates an active account with a password (the command line's `user create`).
pub async fn create_user(db: &Db, new: NewUser) -> AppResult<user::Model> {
    let hash = hash_in_background(new.password.clone()).await?;
    let txn = db.begin_write().await?;
    let user = store::insert_user(&*txn, new.email.as_str(), &new.name, Some(&hash), new.role)
        .await
        .map_err(|err| on_constraint(err, DUPLICATE, ""))?;
    txn.commit().await?;
    Ok(user)
}

async fn hash_in_background(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|err| AppError::Internal(err.into()))?
        .map_err(AppError::Internal)
}

async fn verify_in_background(hash: String, password: String) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || verify_password(&hash, &password))
        .await
        .map_err(|err| AppError::Internal(err.into()))
}

/// Creates a bearer token for the account with that email; returns the token in clear,
/// the only time it is ever shown.
pub async fn create_token(db: &Db, email: &str, label: Option<String>) -> AppResult<String> {
    let email =
        EmailAddress::parse(email).map_err(|err| AppError::invalid("email", err.to_string()))?;
    let user = store::user_by_email(db.conn(), email.as_str())
        .await?
        .ok_or(AppError::NotFound("account"))?;
    let (token, token_hash) = new_secret("rt_")?;
    let txn = db.begin_write().await?;
    store::insert_token(&*txn, user.id, &token_hash, label).await?;
    txn.commit().await?;
    Ok(token)
}

// ----- Invitations to an account -----

/// An account to invite, validated.
#[derive(Debug)]
pub struct Invite {
    pub email: EmailAddress,
    pub name: String,
    pub role: Role,
}

impl Invite {
    pub fn parse(
        email: Option<&str>,
        name: Option<&str>,
        role: Option<&str>,
    ) -> Result<Self, AppError> {
        let mut errors = FieldErrors::new();
        let email = match email.map(str::trim).filter(|e| !e.is_empty()) {
            Some(email) => errors.check("email", EmailAddress::parse(email)),
            None => {
                errors.add("email", "is required");
                None
            }
        };
        let name = errors.check("name", required_text(name, 200));
        let role = match role.map(str::trim).filter(|r| !r.is_empty()) {
            Some(role) => errors.check("role", role.parse::<Role>()),
            None => {
                errors.add("role", "is required");
                None
            }
        };
        match (email, name, role) {
            (Some(email), Some(name), Some(role)) if errors.is_empty() => {
                Ok(Self { email, name, role })
            }
            _ => Err(errors
                .finish()
                .err()
                .unwrap_or(AppError::invalid("email", "is invalid"))),
        }
    }
}

/// Why someone is invited, for the words of the set-up mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteReason {
    /// An organizer or admin gave them an account.
    Invited,
    /// Their membership application was approved.
    ApplicationApproved,
}

/// Refuses a change of `target`'s account (or the giving of `target` as a role) that the
/// actor's role does not allow.
pub fn may_manage(actor: &Actor, target: Role) -> AppResult<()> {
    if actor.role.may_manage(target) {
        Ok(())
    } else if actor.is_staff() {
        Err(AppError::Forbidden(format!(
            "organizers may give and change rapporteur and member accounts only; ask an admin for {} accounts",
            target.as_str()
        )))
    } else {
        Err(AppError::Forbidden(
            "only organizers and admins manage accounts".into(),
        ))
    }
}

/// Creates an invited account (no password) and queues its set-up mail with a
/// single-use link; the person chooses their own password from it.
#[tracing::instrument(skip_all, fields(actor = actor.map(|a| a.id), role = invite.role.as_str()), err(level = "debug"))]
pub async fn invite(
    db: &Db,
    settings: &Settings,
    actor: Option<&Actor>,
    invite: Invite,
    reason: InviteReason,
) -> AppResult<user::Model> {
    if let Some(actor) = actor {
        may_manage(actor, invite.role)?;
    }
    let context =
        notify::SetupContext::of(db, settings, invite.email.as_str(), invite.role).await?;
    let txn = db.begin_write().await?;
    let user = invite_in(&txn, settings, actor, &invite, reason, &context).await?;
    txn.commit().await?;
    Ok(user)
}

/// [`invite`] inside a transaction of the caller's (approving a membership application
/// creates the account in the transaction of the decision). The caller checks the
/// actor's right to give the role.
pub async fn invite_in(
    conn: &impl MailQueue,
    settings: &Settings,
    actor: Option<&Actor>,
    invite: &Invite,
    reason: InviteReason,
    context: &notify::SetupContext,
) -> AppResult<user::Model> {
    let (token, token_hash) = new_secret("")?;
    let user = store::insert_user(conn, invite.email.as_str(), &invite.name, None, invite.role)
        .await
        .map_err(|err| on_constraint(err, DUPLICATE, ""))?;
    let expires = Utc::now() + Duration::hours(settings.accounts.invite_hours);
    store::replace_account_token(conn, user.id, TokenPurpose::Setup, &token_hash, expires).await?;
    notify::queue_setup(
        conn,
        settings,
        &user,
        &token,
        expires,
        actor.map(|a| a.name.as_str()),
        reason,
        context,
    )
    .await?;
    audit::record(
        conn,
        actor,
        "invite",
        "user",
        user.id,
        json!({"email": user.email, "role": user.role}),
    )
    .await?;
    Ok(user)
}

/// Sends the set-up mail again with a new link; the old link stops working.
#[tracing::instrument(skip_all, fields(actor = actor.id, user_id = id), err(level = "debug"))]
pub async fn resend_setup(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: i32,
) -> AppResult<user::Model> {
    let user = store::user_by_id(db.conn(), id)
        .await?
        .ok_or(AppError::NotFound("account"))?;
    may_manage(actor, user.role)?;
    if user.status != AccountStatus::Invited {
        return Err(AppError::Conflict(match user.status {
            AccountStatus::Disabled => "this account is disabled; enable it first".into(),
            _ => "this account is already set up; its owner can use \"Forgot your password?\" on the sign-in page".into(),
        }));
    }
    let context = notify::SetupContext::of(db, settings, &user.email, user.role).await?;
    let (token, token_hash) = new_secret("")?;
    let expires = Utc::now() + Duration::hours(settings.accounts.invite_hours);
    let txn = db.begin_write().await?;
    store::replace_account_token(&txn, user.id, TokenPurpose::Setup, &token_hash, expires).await?;
    notify::queue_setup(
        &txn,
        settings,
        &user,
        &token,
        expires,
        Some(&actor.name),
        InviteReason::Invited,
        &context,
    )
    .await?;
    audit::record(
        &txn,
        Some(actor),
        "resend_setup",
        "user",
        user.id,
        json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

// ----- Forgotten passwords -----

/// Requests allowed per email address within [`ATTEMPT_WINDOW_MINUTES`], whatever the
/// answer: the same limit as failed sign-ins.
fn reset_key(email: &str) -> String {
    format!("reset:{}", attempt_key(email))
}

/// Mails a single-use reset link to the account with that email, if there is one that
/// is not disabled. The answer is the same either way, so that nobody learns from it
/// whether an address has an account; requests for one address are limited like
/// failed sign-ins.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn request_reset(db: &Db, settings: &Settings, email: &str) -> AppResult<()> {
    let key = reset_key(email);
    let window_start = Utc::now() - Duration::minutes(ATTEMPT_WINDOW_MINUTES);
    if store::failed_attempts_since(db.conn(), &key, window_start).await? >= MAX_FAILED_ATTEMPTS {
        return Err(AppError::TooManyAttempts(ATTEMPT_WINDOW_MINUTES));
    }
    let user = match EmailAddress::parse(email) {
        Ok(email) => store::user_by_email(db.conn(), email.as_str()).await?,
        Err(_) => None,
    };
    let (token, token_hash) = new_secret("")?;
    let txn = db.begin_write().await?;
    store::record_failed_attempt(&txn, &key).await?;
    if let Some(user) = user.filter(|u| u.status != AccountStatus::Disabled) {
        let expires = Utc::now() + Duration::minutes(settings.accounts.reset_minutes);
        store::replace_account_token(&txn, user.id, TokenPurpose::Reset, &token_hash, expires)
            .await?;
        notify::queue_reset(&txn, settings, &user, &token, expires).await?;
        audit::record(&txn, None, "request_reset", "user", user.id, json!({})).await?;
        tracing::info!(user_id = user.id, "password reset requested");
    }
    txn.commit().await?;
    Ok(())
}

/// What a single-use link is, before it is used: for its page.
pub struct LinkInfo {
    pub user: user::Model,
    pub purpose: TokenPurpose,
    pub expires_at: DateTime<Utc>,
}

/// The account a live link of `purpose` opens: 404 for a link that never existed, 410
/// for one already used, expired or of a disabled account.
pub async fn check_link(db: &Db, purpose: TokenPurpose, token: &str) -> AppResult<LinkInfo> {
    let link = store::account_token(db.conn(), &hash_secret(token))
        .await?
        .filter(|t| t.purpose == purpose)
        .ok_or(AppError::NotFound("link"))?;
    if link.used_at.is_some() {
        return Err(AppError::Gone(
            "This link has already been used. Each link works once; ask for a new one if you need it.".into(),
        ));
    }
    if link.expires_at <= Utc::now() {
        return Err(AppError::Gone(match purpose {
            TokenPurpose::Setup => "This set-up link has expired. Ask the organizers to send you a new one.".into(),
            TokenPurpose::Reset => "This link has expired. Ask for a new one from \"Forgot your password?\" on the sign-in page.".into(),
        }));
    }
    let user = store::user_by_id(db.conn(), link.user_id)
        .await?
        .ok_or(AppError::NotFound("link"))?;
    if user.status == AccountStatus::Disabled {
        return Err(AppError::Gone(
            "This account is disabled. Ask the organizers if you think this is a mistake.".into(),
        ));
    }
    Ok(LinkInfo {
        user,
        purpose,
        expires_at: link.expires_at,
    })
}

fn check_new_password(field: &str, password: Option<&str>) -> AppResult<String> {
    match password {
        None | Some("") => Err(AppError::invalid(field, "is required")),
        Some(p) if p.chars().count() < MIN_PASSWORD_LEN => Err(AppError::invalid(
            field,
            format!("must be at least {MIN_PASSWORD_LEN} characters"),
        )),
        Some(p) if p.chars().count() > 1024 => {
            Err(AppError::invalid(field, "must be at most 1024 characters"))
        }
        Some(p) => Ok(p.to_string()),
    }
}

/// Sets the password from a single-use link (set-up or reset): the link is spent, the
/// account becomes active, its other sessions end, and a new session opens for the
/// person who used it. Returns the account and that session's secret.
#[tracing::instrument(skip_all, fields(purpose = purpose.as_str()), err(level = "debug"))]
pub async fn use_link(
    db: &Db,
    settings: &Settings,
    purpose: TokenPurpose,
    token: &str,
    password: Option<&str>,
) -> AppResult<(user::Model, String)> {
    let password = check_new_password("password", password)?;
    let link = check_link(db, purpose, token).await?;
    let hash = hash_in_background(password).await?;
    let (secret, secret_hash) = new_secret("")?;
    let txn = db.begin_write().await?;
    let stored = store::account_token(&*txn, &hash_secret(token))
        .await?
        .ok_or(AppError::NotFound("link"))?;
    // Two requests with the same link: one spends it, the other is told it is used.
    if !store::spend_account_token(&*txn, stored.id).await? {
        return Err(AppError::Gone(
            "This link has already been used. Each link works once.".into(),
        ));
    }
    let user = store::user_for_update(&*txn, link.user.id)
        .await?
        .ok_or(AppError::NotFound("link"))?;
    if user.status == AccountStatus::Disabled {
        return Err(AppError::Gone("This account is disabled.".into()));
    }
    let user = store::update_user(
        &*txn,
        user,
        UserChange {
            password_hash: Some(hash),
            status: Some(AccountStatus::Active),
            ..UserChange::default()
        },
    )
    .await?;
    store::delete_sessions_of(&*txn, user.id, None).await?;
    store::insert_session(
        &*txn,
        user.id,
        &secret_hash,
        Utc::now() + Duration::hours(settings.server.session_hours),
    )
    .await?;
    store::touch_last_sign_in(&*txn, user.id).await?;
    store::clear_attempts(&*txn, &attempt_key(&user.email), Utc::now()).await?;
    audit::record(
        &*txn,
        None,
        match purpose {
            TokenPurpose::Setup => "set_up_account",
            TokenPurpose::Reset => "reset_password",
        },
        "user",
        user.id,
        json!({}),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(user_id = user.id, "password set from a link");
    Ok((user, secret))
}

// ----- One's own account -----

/// Changes the signed-in person's password: the current one is required (and wrong
/// guesses count as failed sign-ins), other sessions end, this one stays.
#[tracing::instrument(skip_all, fields(user_id = actor.id), err(level = "debug"))]
pub async fn change_password(
    db: &Db,
    actor: &Actor,
    current_session: Option<&str>,
    current: Option<&str>,
    new: Option<&str>,
) -> AppResult<()> {
    let key = attempt_key(&actor.email);
    let window_start = Utc::now() - Duration::minutes(ATTEMPT_WINDOW_MINUTES);
    if store::failed_attempts_since(db.conn(), &key, window_start).await? >= MAX_FAILED_ATTEMPTS {
        return Err(AppError::TooManyAttempts(ATTEMPT_WINDOW_MINUTES));
    }
    let mut errors = FieldErrors::new();
    let current = current.filter(|c| !c.is_empty());
    if current.is_none() {
        errors.add("current_password", "is required");
    }
    let new = match check_new_password("new_password", new) {
        Ok(new) => Some(new),
        Err(AppError::Invalid(list)) => {
            for e in list {
                errors.add(e.field, e.message);
            }
            None
        }
        Err(other) => return Err(other),
    };
    errors.finish()?;
    let user = store::user_by_id(db.conn(), actor.id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let matches = verify_in_background(
        user.password_hash.clone(),
        current.unwrap_or_default().to_string(),
    )
    .await?;
    if !matches {
        let txn = db.begin_write().await?;
        store::record_failed_attempt(&*txn, &key).await?;
        txn.commit().await?;
        return Err(AppError::invalid(
            "current_password",
            "is not your current password",
        ));
    }
    let hash = hash_in_background(new.unwrap_or_default()).await?;
    let txn = db.begin_write().await?;
    let user = store::user_for_update(&*txn, actor.id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    store::update_user(
        &*txn,
        user,
        UserChange {
            password_hash: Some(hash),
            ..UserChange::default()
        },
    )
    .await?;
    let keep = current_session.map(hash_secret);
    store::delete_sessions_of(&*txn, actor.id, keep.as_deref()).await?;
    audit::record(
        &*txn,
        Some(actor),
        "change_password",
        "user",
        actor.id,
        json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Changes the signed-in person's name and preferred language.
#[tracing::instrument(skip_all, fields(user_id = actor.id), err(level = "debug"))]
pub async fn update_profile(
    db: &Db,
    actor: &Actor,
    name: Option<&str>,
    language: Option<Option<&str>>,
) -> AppResult<user::Model> {
    let mut errors = FieldErrors::new();
    let name = match name {
        Some(name) => errors.check("name", required_text(Some(name), 200)),
        None => None,
    };
    let language = match language {
        Some(Some(code)) if !code.trim().is_empty() => errors
            .check("language", code.trim().parse::<Language>())
            .map(Some),
        Some(_) => Some(None),
        None => None,
    };
    errors.finish()?;
    let txn = db.begin_write().await?;
    let user = store::user_for_update(&*txn, actor.id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let user = store::update_user(
        &*txn,
        user,
        UserChange {
            name,
            language,
            ..UserChange::default()
        },
    )
    .await?;
    audit::record(
        &*txn,
        Some(actor),
        "update_profile",
        "user",
        user.id,
        json!({"name": user.name, "language": user.language}),
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

// ----- Roles and disabling -----

/// A change of someone's account by an organizer or admin.
#[derive(Debug, Default)]
pub struct AccountChange {
    pub role: Option<Role>,
    pub disabled: Option<bool>,
}

/// Changes an account's role or disables (or enables) it. Admins change any account,
/// organizers only rapporteurs' and members' (and only to those roles); the last active
/// admin cannot be disabled or demoted (409); nobody disables their own account. A
/// disabled account's sessions end at once, and its tokens stop working.
#[tracing::instrument(skip_all, fields(actor = actor.id, user_id = id), err(level = "debug"))]
pub async fn change_account(
    db: &Db,
    actor: &Actor,
    id: i32,
    change: AccountChange,
) -> AppResult<user::Model> {
    let txn = db.begin_write().await?;
    let user = store::user_for_update(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("account"))?;
    may_manage(actor, user.role)?;
    if let Some(role) = change.role {
        may_manage(actor, role)?;
    }
    let disable = change.disabled == Some(true) && user.status != AccountStatus::Disabled;
    if disable && user.id == actor.id {
        return Err(AppError::Conflict(
            "you cannot disable your own account".into(),
        ));
    }
    let stays_admin = change.role.is_none_or(|r| r == Role::Admin) && !disable;
    if user.role == Role::Admin
        && user.status == AccountStatus::Active
        && !stays_admin
        && store::other_active_admins(&*txn, user.id).await? == 0
    {
        return Err(AppError::Conflict(
            "this is the last active admin: make another account admin first".into(),
        ));
    }
    let status = match change.disabled {
        Some(true) => Some(AccountStatus::Disabled),
        Some(false) if user.status == AccountStatus::Disabled => {
            Some(if user.password_hash.is_empty() {
                AccountStatus::Invited
            } else {
                AccountStatus::Active
            })
        }
        _ => None,
    };
    let before = (user.role, user.status);
    let user = store::update_user(
        &*txn,
        user,
        UserChange {
            role: change.role,
            status,
            ..UserChange::default()
        },
    )
    .await?;
    if user.status == AccountStatus::Disabled {
        store::delete_sessions_of(&*txn, user.id, None).await?;
    }
    audit::record(
        &*txn,
        Some(actor),
        "change_account",
        "user",
        user.id,
        json!({"from": {"role": before.0, "status": before.1}, "to": {"role": user.role, "status": user.status}}),
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// An account as organizers see it, with the directory person of the same email.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub user: user::Model,
    pub person_id: Option<i32>,
}

/// Accounts by name, with their directory person, for staff.
pub async fn list(
    db: &Db,
    status: Option<AccountStatus>,
    page: Pagination,
) -> AppResult<(Vec<AccountRow>, u64)> {
    let (users, total) = store::list_users(db.conn(), status, page).await?;
    let people =
        crate::directory::store::people_by_emails(db.conn(), users.iter().map(|u| u.email.clone()))
            .await?;
    let rows = users
        .into_iter()
        .map(|user| AccountRow {
            person_id: people.get(&user.email).copied(),
            user,
        })
        .collect();
    Ok((rows, total))
}

// ----- Signing in -----

/// Failed sign-ins allowed per email within [`ATTEMPT_WINDOW_MINUTES`].
pub const MAX_FAILED_ATTEMPTS: u64 = 5;
pub const ATTEMPT_WINDOW_MINUTES: i64 = 15;

/// The key of the attempt counter: what was typed, bounded, without control characters
/// (PostgreSQL refuses NUL in text).
fn attempt_key(email: &str) -> String {
    email
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_control())
        .take(254)
        .collect()
}

/// Checks a sign-in and opens a session; returns the account and the session secret for
/// the cookie. Unknown email, an account not yet set up and a wrong password fail alike,
/// after the same amount of work; after [`MAX_FAILED_ATTEMPTS`] failures for one email,
/// sign-in waits for the window to pass. A disabled account is told so, but only once
/// its password is right.
pub async fn login(
    db: &Db,
    email: &str,
    password: &str,
    session_hours: i64,
) -> AppResult<(user::Model, String)> {
    let key = attempt_key(email);
    let window_start = Utc::now() - Duration::minutes(ATTEMPT_WINDOW_MINUTES);
    if store::failed_attempts_since(db.conn(), &key, window_start).await? >= MAX_FAILED_ATTEMPTS {
        return Err(AppError::TooManyAttempts(ATTEMPT_WINDOW_MINUTES));
    }
    let user = match EmailAddress::parse(email) {
        Ok(email) => store::user_by_email(db.conn(), email.as_str()).await?,
        Err(_) => None,
    };
    let hash = user
        .as_ref()
        .map(|user| user.password_hash.clone())
        .filter(|hash| !hash.is_empty())
        .unwrap_or_else(|| DECOY_HASH.to_string());
    let matches = verify_in_background(hash, password.to_string()).await?;
    let user = match user {
        Some(user) if matches && !user.password_hash.is_empty() => user,
        _ => {
            let txn = db.begin_write().await?;
            store::record_failed_attempt(&*txn, &key).await?;
            txn.commit().await?;
            tracing::warn!("failed sign-in");
            return Err(AppError::BadCredentials);
        }
    };
    if user.status == AccountStatus::Disabled {
        return Err(AppError::Forbidden(
            "this account is disabled; ask the organizers if you think this is a mistake".into(),
        ));
    }
    let (secret, secret_hash) = new_secret("")?;
    let txn = db.begin_write().await?;
    store::delete_expired_sessions(&*txn).await?;
    store::clear_attempts(&*txn, &key, window_start).await?;
    store::insert_session(
        &*txn,
        user.id,
        &secret_hash,
        Utc::now() + Duration::hours(session_hours),
    )
    .await?;
    store::touch_last_sign_in(&*txn, user.id).await?;
    txn.commit().await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok((user, secret))
}

pub async fn logout(db: &Db, session_secret: &str) -> AppResult<()> {
    let txn = db.begin_write().await?;
    store::delete_session(&*txn, &hash_secret(session_secret)).await?;
    txn.commit().await?;
    Ok(())
}

/// The account behind a session cookie, if the session is live and the account active.
pub async fn from_session(db: &Db, session_secret: &str) -> AppResult<Option<Actor>> {
    let user = store::user_by_session(db.conn(), &hash_secret(session_secret)).await?;
    Ok(user.and_then(actor))
}

/// The account behind a bearer token, if the account is active.
pub async fn from_token(db: &Db, token: &str) -> AppResult<Option<Actor>> {
    let user = store::user_by_token(db.conn(), &hash_secret(token)).await?;
    Ok(user.and_then(actor))
}

fn actor(user: user::Model) -> Option<Actor> {
    if user.status != AccountStatus::Active {
        return None;
    }
    Some(Actor {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        language: user.language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invites_name_every_missing_field() {
        let err = Invite::parse(None, Some(" "), Some("king")).unwrap_err();
        let AppError::Invalid(errors) = err else {
            panic!("expected field errors")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "name", "role"]);
        let ok = Invite::parse(Some(" Luc@Example.org "), Some("Luc"), Some("rapporteur")).unwrap();
        assert_eq!(ok.email.as_str(), "luc@example.org");
        assert_eq!(ok.role, Role::Rapporteur);
    }

    #[test]
    fn new_passwords_are_long_enough_and_bounded() {
        assert!(check_new_password("password", Some("short")).is_err());
        assert!(check_new_password("password", None).is_err());
        assert!(check_new_password("password", Some(&"x".repeat(2000))).is_err());
        assert_eq!(
            check_new_password("password", Some("long enough")).unwrap(),
            "long enough"
        );
    }

    #[test]
    fn organizers_manage_rapporteurs_and_members_only() {
        assert!(Role::Admin.may_manage(Role::Admin));
        assert!(Role::Organizer.may_manage(Role::Rapporteur));
        assert!(Role::Organizer.may_manage(Role::Member));
        assert!(!Role::Organizer.may_manage(Role::Organizer));
        assert!(!Role::Organizer.may_manage(Role::Admin));
        assert!(!Role::Rapporteur.may_manage(Role::Member));
        assert!(!Role::Member.may_manage(Role::Member));
    }
}
