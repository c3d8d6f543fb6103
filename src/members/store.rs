//! Queries on membership applications.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{Application, ApplicationStatus};
use crate::entities::membership_application;
use crate::web::Pagination;

pub async fn insert(
    db: &impl ConnectionTrait,
    a: &Application,
) -> Result<membership_application::Model, DbErr> {
    membership_application::ActiveModel {
        given_name: Set(a.given_name.clone()),
        family_name: Set(a.family_name.clone()),
        email: Set(a.email.as_str().to_string()),
        organization: Set(a.organization.clone()),
        country: Set(a.country.as_ref().map(|c| c.as_str().to_string())),
        motivation: Set(a.motivation.clone()),
        status: Set(ApplicationStatus::Pending),
        decision_note: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        user_id: Set(None),
        created_at: Set(Utc::now()),
        language: Set(Some(a.language)),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// A pending application from this email, if any (a second one replaces nothing).
pub async fn pending_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<membership_application::Model>, DbErr> {
    membership_application::Entity::find()
        .filter(membership_application::Column::Email.eq(email))
        .filter(membership_application::Column::Status.eq(ApplicationStatus::Pending))
        .one(db)
        .await
}

/// Reads an application for a decision, holding its row on PostgreSQL so that two
/// organizers deciding at once decide once.
pub async fn for_update(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<membership_application::Model>, DbErr> {
    let query = membership_application::Entity::find_by_id(id);
    if db.get_database_backend() == DatabaseBackend::Postgres {
        query.lock_exclusive().one(db).await
    } else {
        query.one(db).await
    }
}

/// Applications, oldest pending first, then the decided ones, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    status: Option<ApplicationStatus>,
    page: Pagination,
) -> Result<(Vec<membership_application::Model>, u64), DbErr> {
    let mut query = membership_application::Entity::find();
    if let Some(status) = status {
        query = query.filter(membership_application::Column::Status.eq(status));
    }
    let total = query.clone().count(db).await?;
    let query = if status == Some(ApplicationStatus::Pending) {
        query.order_by_asc(membership_application::Column::CreatedAt)
    } else {
        query.order_by_desc(membership_application::Column::CreatedAt)
    };
    let items = query
        .order_by_asc(membership_application::Column::Id)
        .limit(page.limit)
        .offset(page.offset)
        .all(db)
        .await?;
    Ok((items, total))
}

pub async fn count_pending(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    membership_application::Entity::find()
        .filter(membership_application::Column::Status.eq(ApplicationStatus::Pending))
        .count(db)
        .await
}

/// Records a decision.
pub async fn decide(
    db: &impl ConnectionTrait,
    current: membership_application::Model,
    status: ApplicationStatus,
    by: i32,
    note: Option<String>,
    user_id: Option<i32>,
) -> Result<membership_application::Model, DbErr> {
    let mut active: membership_application::ActiveModel = current.into();
    active.status = Set(status);
    active.decided_by = Set(Some(by));
    active.decided_at = Set(Some(Utc::now()));
    active.decision_note = Set(note);
    active.user_id = Set(user_id);
    active.update(db).await
}
