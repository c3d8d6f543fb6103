//! Account use-cases: create users and tokens, sign in and out, and recognise the caller
//! of a request from a session cookie or a bearer token.

use chrono::{Duration, Utc};

use super::{
    DECOY_HASH, NewUser, Role, hash_password, hash_secret, new_secret, store, verify_password,
};
use crate::db::Db;
use crate::domain::EmailAddress;
use crate::entities::user;
use crate::error::{AppError, AppResult, on_constraint};
use crate::web::Actor;

/// Creates an account (the command line's `user create`).
pub async fn create_user(db: &Db, new: NewUser) -> AppResult<user::Model> {
    let password = new.password.clone();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|err| AppError::Internal(err.into()))??;
    let txn = db.begin_write().await?;
    let user = store::insert_user(
        &*txn,
        new.email.as_str(),
        &new.name,
        &hash,
        new.role.as_str(),
    )
    .await
    .map_err(|err| on_constraint(err, "an account with that email already exists", ""))?;
    txn.commit().await?;
    Ok(user)
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

/// Failed sign-ins allowed per email within [`ATTEMPT_WINDOW_MINUTES`].
pub const MAX_FAILED_ATTEMPTS: u64 = 5;
pub const ATTEMPT_WINDOW_MINUTES: i64 = 15;

/// Checks a sign-in and opens a session; returns the session secret for the cookie.
/// Unknown email and wrong password fail alike, after the same amount of work; after
/// [`MAX_FAILED_ATTEMPTS`] failures for one email, sign-in waits for the window to pass.
pub async fn login(db: &Db, email: &str, password: &str, session_hours: i64) -> AppResult<String> {
    // The key of the attempt counter: what was typed, bounded, without control characters
    // (PostgreSQL refuses NUL in text).
    let key: String = email
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_control())
        .take(254)
        .collect();
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
        .unwrap_or_else(|| DECOY_HASH.to_string());
    let password = password.to_string();
    let matches = tokio::task::spawn_blocking(move || verify_password(&hash, &password))
        .await
        .map_err(|err| AppError::Internal(err.into()))?;
    let user = match user {
        Some(user) if matches => user,
        _ => {
            let txn = db.begin_write().await?;
            store::record_failed_attempt(&*txn, &key).await?;
            txn.commit().await?;
            tracing::warn!("failed sign-in");
            return Err(AppError::BadCredentials);
        }
    };
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
    txn.commit().await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(secret)
}

pub async fn logout(db: &Db, session_secret: &str) -> AppResult<()> {
    let txn = db.begin_write().await?;
    store::delete_session(&*txn, &hash_secret(session_secret)).await?;
    txn.commit().await?;
    Ok(())
}

/// The account behind a session cookie, if the session is live.
pub async fn from_session(db: &Db, session_secret: &str) -> AppResult<Option<Actor>> {
    let user = store::user_by_session(db.conn(), &hash_secret(session_secret)).await?;
    Ok(user.and_then(actor))
}

/// The account behind a bearer token.
pub async fn from_token(db: &Db, token: &str) -> AppResult<Option<Actor>> {
    let user = store::user_by_token(db.conn(), &hash_secret(token)).await?;
    Ok(user.and_then(actor))
}

fn actor(user: user::Model) -> Option<Actor> {
    let role = user.role.parse::<Role>().ok()?;
    Some(Actor {
        id: user.id,
        email: user.email,
        name: user.name,
        role,
    })
}
