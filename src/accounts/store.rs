//! Queries on users, sign-in sessions, API tokens and single-use account links.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{AccountStatus, Language, Role, TokenPurpose};
use crate::entities::{account_token, api_token, auth_session, login_attempt, user};
use crate::web::Pagination;

pub async fn user_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<user::Model>, sea_orm::DbErr> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
}

pub async fn user_by_id(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<user::Model>, sea_orm::DbErr> {
    user::Entity::find_by_id(id).one(db).await
}

/// A new account: active with a password, or invited with none (an empty hash, which
/// never verifies).
pub async fn insert_user(
    db: &impl ConnectionTrait,
    email: &str,
    name: &str,
    password_hash: Option<&str>,
    role: Role,
) -> Result<user::Model, sea_orm::DbErr> {
    let now = Utc::now();
    let status = if password_hash.is_some() {
        AccountStatus::Active
    } else {
        AccountStatus::Invited
    };
    user::ActiveModel {
        email: Set(email.to_string()),
        name: Set(name.to_string()),
        password_hash: Set(password_hash.unwrap_or_default().to_string()),
        role: Set(role),
        status: Set(status),
        last_sign_in_at: Set(None),
        language: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Every account, by name.
pub async fn list_users(
    db: &impl ConnectionTrait,
    status: Option<AccountStatus>,
    page: Pagination,
) -> Result<(Vec<user::Model>, u64), sea_orm::DbErr> {
    let mut query = user::Entity::find();
    if let Some(status) = status {
        query = query.filter(user::Column::Status.eq(status));
    }
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_asc(user::Column::Name)
        .order_by_asc(user::Column::Id)
        .limit(page.limit)
        .offset(page.offset)
        .all(db)
        .await?;
    Ok((items, total))
}

/// The accounts with these emails (lower-case), to tell which people can sign in.
pub async fn users_by_emails(
    db: &impl ConnectionTrait,
    emails: impl IntoIterator<Item = String>,
) -> Result<Vec<user::Model>, sea_orm::DbErr> {
    let emails: Vec<String> = emails.into_iter().collect();
    if emails.is_empty() {
        return Ok(Vec::new());
    }
    user::Entity::find()
        .filter(user::Column::Email.is_in(emails))
        .all(db)
        .await
}

/// Reads an account for a change, holding its row (and, on PostgreSQL, every admin's
/// row) until the transaction ends, so that two admins cannot demote each other at once
/// and leave nobody in charge.
pub async fn user_for_update(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<user::Model>, sea_orm::DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        user::Entity::find()
            .filter(user::Column::Role.eq(Role::Admin))
            .order_by_asc(user::Column::Id)
            .lock_exclusive()
            .all(db)
            .await?;
        return user::Entity::find_by_id(id).lock_exclusive().one(db).await;
    }
    user::Entity::find_by_id(id).one(db).await
}

/// Active admins other than `except`.
pub async fn other_active_admins(
    db: &impl ConnectionTrait,
    except: i32,
) -> Result<u64, sea_orm::DbErr> {
    user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin))
        .filter(user::Column::Status.eq(AccountStatus::Active))
        .filter(user::Column::Id.ne(except))
        .count(db)
        .await
}

/// What a change of an account sets; `None` leaves a field alone.
#[derive(Debug, Default)]
pub struct UserChange {
    pub name: Option<String>,
    pub role: Option<Role>,
    pub status: Option<AccountStatus>,
    pub password_hash: Option<String>,
    pub language: Option<Option<Language>>,
}

pub async fn update_user(
    db: &impl ConnectionTrait,
    current: user::Model,
    change: UserChange,
) -> Result<user::Model, sea_orm::DbErr> {
    let mut active: user::ActiveModel = current.into();
    if let Some(name) = change.name {
        active.name = Set(name);
    }
    if let Some(role) = change.role {
        active.role = Set(role);
    }
    if let Some(status) = change.status {
        active.status = Set(status);
    }
    if let Some(hash) = change.password_hash {
        active.password_hash = Set(hash);
    }
    if let Some(language) = change.language {
        active.language = Set(language);
    }
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

pub async fn touch_last_sign_in(db: &impl ConnectionTrait, id: i32) -> Result<(), sea_orm::DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::LastSignInAt, Some(Utc::now()).into())
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every sign-in session of an account, but the one whose hash is `keep`.
pub async fn delete_sessions_of(
    db: &impl ConnectionTrait,
    user_id: i32,
    keep: Option<&str>,
) -> Result<u64, sea_orm::DbErr> {
    let mut query =
        auth_session::Entity::delete_many().filter(auth_session::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        query = query.filter(auth_session::Column::TokenHash.ne(keep));
    }
    Ok(query.exec(db).await?.rows_affected)
}

/// A new single-use link of an account; the links it had for the same purpose stop
/// working.
pub async fn replace_account_token(
    db: &impl ConnectionTrait,
    user_id: i32,
    purpose: TokenPurpose,
    token_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    account_token::Entity::delete_many()
        .filter(account_token::Column::UserId.eq(user_id))
        .filter(account_token::Column::Purpose.eq(purpose))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    account_token::ActiveModel {
        user_id: Set(user_id),
        purpose: Set(purpose),
        token_hash: Set(token_hash.to_string()),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn account_token(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<account_token::Model>, sea_orm::DbErr> {
    account_token::Entity::find()
        .filter(account_token::Column::TokenHash.eq(token_hash))
        .one(db)
        .await
}

/// Spends a link: true when this call spent it (a link is used once, even when two
/// requests bring it at the same moment).
pub async fn spend_account_token(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<bool, sea_orm::DbErr> {
    let result = account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Some(Utc::now()).into())
        .filter(account_token::Column::Id.eq(id))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Forgets links that expired long ago.
pub async fn delete_old_account_tokens(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> Result<u64, sea_orm::DbErr> {
    let result = account_token::Entity::delete_many()
        .filter(account_token::Column::ExpiresAt.lt(before))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

pub async fn insert_session(
    db: &impl ConnectionTrait,
    user_id: i32,
    token_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    auth_session::ActiveModel {
        token_hash: Set(token_hash.to_string()),
        user_id: Set(user_id),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The user a live (unexpired) session belongs to.
pub async fn user_by_session(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<user::Model>, sea_orm::DbErr> {
    let session = auth_session::Entity::find()
        .filter(auth_session::Column::TokenHash.eq(token_hash))
        .filter(auth_session::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?;
    match session {
        Some(session) => user_by_id(db, session.user_id).await,
        None => Ok(None),
    }
}

pub async fn delete_session(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<(), sea_orm::DbErr> {
    auth_session::Entity::delete_many()
        .filter(auth_session::Column::TokenHash.eq(token_hash))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete_expired_sessions(db: &impl ConnectionTrait) -> Result<u64, sea_orm::DbErr> {
    let result = auth_session::Entity::delete_many()
        .filter(auth_session::Column::ExpiresAt.lte(Utc::now()))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

pub async fn insert_token(
    db: &impl ConnectionTrait,
    user_id: i32,
    token_hash: &str,
    label: Option<String>,
) -> Result<(), sea_orm::DbErr> {
    api_token::ActiveModel {
        token_hash: Set(token_hash.to_string()),
        user_id: Set(user_id),
        label: Set(label),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn user_by_token(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<user::Model>, sea_orm::DbErr> {
    let token = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .one(db)
        .await?;
    match token {
        Some(token) => user_by_id(db, token.user_id).await,
        None => Ok(None),
    }
}

/// Failed sign-ins (or other counted attempts) for a key since a moment.
pub async fn failed_attempts_since(
    db: &impl ConnectionTrait,
    email: &str,
    since: DateTime<Utc>,
) -> Result<u64, sea_orm::DbErr> {
    login_attempt::Entity::find()
        .filter(login_attempt::Column::Email.eq(email))
        .filter(login_attempt::Column::At.gt(since))
        .count(db)
        .await
}

pub async fn record_failed_attempt(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<(), sea_orm::DbErr> {
    login_attempt::ActiveModel {
        email: Set(email.to_string()),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Forgets the failures of an email (after a successful sign-in) and any old ones.
pub async fn clear_attempts(
    db: &impl ConnectionTrait,
    email: &str,
    older_than: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    login_attempt::Entity::delete_many()
        .filter(
            sea_orm::Condition::any()
                .add(login_attempt::Column::Email.eq(email))
                .add(login_attempt::Column::At.lte(older_than)),
        )
        .exec(db)
        .await?;
    Ok(())
}
