//! Calendar queries: feed tokens, and the events and sessions calendars are made of.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entities::session;

pub use crate::entities::feed_token;

pub async fn feed_token_by_hash(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<feed_token::Model>, DbErr> {
    feed_token::Entity::find()
        .filter(feed_token::Column::TokenHash.eq(token_hash))
        .one(db)
        .await
}

/// Gives a person this token hash, replacing any they had, in one statement (so that two
/// rotations at once cannot both insert).
pub async fn set_feed_token(
    db: &impl ConnectionTrait,
    person_id: i32,
    token_hash: &str,
) -> Result<(), DbErr> {
    feed_token::Entity::insert(feed_token::ActiveModel {
        person_id: Set(person_id),
        token_hash: Set(token_hash.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(feed_token::Column::PersonId)
            .update_columns([feed_token::Column::TokenHash, feed_token::Column::CreatedAt])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Sessions by id, in programme order (start time, then id).
pub async fn sessions_in_order(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<session::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    session::Entity::find()
        .filter(session::Column::Id.is_in(ids))
        .order_by_asc(session::Column::StartsAt)
        .order_by_asc(session::Column::Id)
        .all(db)
        .await
}
