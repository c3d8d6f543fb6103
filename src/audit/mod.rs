//! The audit log: every write records who did what to which record, in the same
//! transaction as the change. Organizers read it through `GET /api/v1/audit`.

pub mod api;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::entities::audit_log;
use crate::web::{Actor, Pagination};

/// Records one change. `detail` is the record as written (or what identifies it).
pub async fn record(
    db: &impl ConnectionTrait,
    actor: Option<&Actor>,
    action: &str,
    entity: &str,
    entity_id: i32,
    detail: serde_json::Value,
) -> Result<(), sea_orm::DbErr> {
    entry(actor, action, entity, entity_id, detail)
        .insert(db)
        .await?;
    Ok(())
}

/// One change, to be recorded with others by [`record_all`].
pub fn entry(
    actor: Option<&Actor>,
    action: &str,
    entity: &str,
    entity_id: i32,
    detail: serde_json::Value,
) -> audit_log::ActiveModel {
    audit_log::ActiveModel {
        at: Set(Utc::now()),
        user_id: Set(actor.map(|a| a.id)),
        user_email: Set(actor.map(|a| a.email.clone())),
        action: Set(action.to_string()),
        entity: Set(entity.to_string()),
        entity_id: Set(entity_id),
        detail: Set(detail.to_string()),
        ..Default::default()
    }
}

/// Records several changes in one statement.
pub async fn record_all(
    db: &impl ConnectionTrait,
    entries: Vec<audit_log::ActiveModel>,
) -> Result<(), sea_orm::DbErr> {
    if !entries.is_empty() {
        audit_log::Entity::insert_many(entries).exec(db).await?;
    }
    Ok(())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: i32,
    pub at: DateTime<Utc>,
    pub user_id: Option<i32>,
    pub user_email: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: i32,
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

/// The newest entries first, optionally about one kind of record or one record.
pub async fn list(
    db: &impl ConnectionTrait,
    entity: Option<&str>,
    entity_id: Option<i32>,
    page: Pagination,
) -> Result<(Vec<AuditEntry>, u64), sea_orm::DbErr> {
    let mut query = audit_log::Entity::find();
    if let Some(entity) = entity {
        query = query.filter(audit_log::Column::Entity.eq(entity));
    }
    if let Some(id) = entity_id {
        query = query.filter(audit_log::Column::EntityId.eq(id));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(audit_log::Column::Id)
        .limit(page.limit)
        .offset(page.offset)
        .all(db)
        .await?;
    let entries = rows
        .into_iter()
        .map(|row| AuditEntry {
            id: row.id,
            at: row.at,
            user_id: row.user_id,
            user_email: row.user_email,
            action: row.action,
            entity: row.entity,
            entity_id: row.entity_id,
            detail: serde_json::from_str(&row.detail).unwrap_or(serde_json::Value::Null),
        })
        .collect();
    Ok((entries, total))
}
