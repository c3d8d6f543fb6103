//! Queries on users, sign-in sessions and API tokens.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entities::{api_token, auth_session, login_attempt, user};

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

pub async fn insert_user(
    db: &impl ConnectionTrait,
    email: &str,
    name: &str,
    password_hash: &str,
    role: &str,
) -> Result<user::Model, sea_orm::DbErr> {
    let now = Utc::now();
    user::ActiveModel {
        email: Set(email.to_string()),
        name: Set(name.to_string()),
        password_hash: Set(password_hash.to_string()),
        role: Set(role.to_string()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
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

/// Failed sign-ins for an email since a moment.
pub async fn failed_attempts_since(
    db: &impl ConnectionTrait,
    email: &str,
    since: DateTime<Utc>,
) -> Result<u64, sea_orm::DbErr> {
    use sea_orm::PaginatorTrait;
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
