//! Queries on the `event_reports` table: the organizers' introduction and conclusions, and
//! whether the report is published.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use super::ReportStatus;
use crate::entities::event_report;

pub async fn of_event(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> Result<Option<event_report::Model>, DbErr> {
    event_report::Entity::find()
        .filter(event_report::Column::EventId.eq(event_id))
        .one(db)
        .await
}

/// The events whose reports are published, by event id.
pub async fn published(
    db: &impl ConnectionTrait,
    event_ids: Option<&[i32]>,
) -> Result<Vec<event_report::Model>, DbErr> {
    let mut query = event_report::Entity::find()
        .filter(event_report::Column::Status.eq(ReportStatus::Published.as_str()));
    if let Some(ids) = event_ids {
        query = query.filter(event_report::Column::EventId.is_in(ids.iter().copied()));
    }
    query.all(db).await
}

/// A report's row, made as a draft when the event has none yet (two organizers doing so
/// at once both get the one row).
pub async fn ensure(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> Result<event_report::Model, DbErr> {
    if let Some(found) = of_event(db, event_id).await? {
        return Ok(found);
    }
    let now = Utc::now();
    let row = event_report::ActiveModel {
        event_id: Set(event_id),
        status: Set(ReportStatus::Draft),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    event_report::Entity::insert(row)
        .on_conflict(
            OnConflict::column(event_report::Column::EventId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    of_event(db, event_id)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("report of event {event_id}")))
}

pub async fn update(
    db: &impl ConnectionTrait,
    current: event_report::Model,
    introduction: Option<String>,
    conclusions: Option<String>,
) -> Result<event_report::Model, DbErr> {
    let mut active: event_report::ActiveModel = current.into();
    active.introduction = Set(introduction);
    active.conclusions = Set(conclusions);
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    current: event_report::Model,
    status: ReportStatus,
) -> Result<event_report::Model, DbErr> {
    let now = Utc::now();
    let mut active: event_report::ActiveModel = current.into();
    active.status = Set(status);
    active.published_at = Set((status == ReportStatus::Published).then_some(now));
    active.updated_at = Set(now);
    active.update(db).await
}
