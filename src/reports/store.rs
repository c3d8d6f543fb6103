//! Queries on the `event_reports` table (the organizers' introduction and conclusions, and
//! whether the report is published) and on `report_editions` (each publication, kept).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::ReportStatus;
use crate::entities::{event_report, report_edition};

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
    translations: &crate::i18n::content::Translations,
) -> Result<event_report::Model, DbErr> {
    let mut active: event_report::ActiveModel = current.into();
    active.introduction = Set(introduction);
    active.conclusions = Set(conclusions);
    active.translations = Set(translations.to_column());
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

/// Publishes the report (as of `published_at`, its edition's time) or, with `None`,
/// withdraws it.
pub async fn set_published(
    db: &impl ConnectionTrait,
    current: event_report::Model,
    published_at: Option<DateTime<Utc>>,
) -> Result<event_report::Model, DbErr> {
    let mut active: event_report::ActiveModel = current.into();
    active.status = Set(if published_at.is_some() {
        ReportStatus::Published
    } else {
        ReportStatus::Draft
    });
    active.published_at = Set(published_at);
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

/// Takes the report's row lock for the rest of the transaction (PostgreSQL), so that two
/// publications of the same report number their editions one after the other; on SQLite
/// the write transaction already holds the database's write lock.
pub async fn lock(db: &impl ConnectionTrait, event_id: i32) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        event_report::Entity::find()
            .filter(event_report::Column::EventId.eq(event_id))
            .lock_exclusive()
            .one(db)
            .await?;
    }
    Ok(())
}

/// The latest published edition of an event's report.
pub async fn latest_edition(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> Result<Option<report_edition::Model>, DbErr> {
    report_edition::Entity::find()
        .filter(report_edition::Column::EventId.eq(event_id))
        .order_by_desc(report_edition::Column::Edition)
        .one(db)
        .await
}

/// A new edition: the report as published (JSON). Written once; a second writer of the
/// same number (only possible for the edition kept of a report published before editions
/// existed) leaves the first one's.
pub async fn add_edition(
    db: &impl ConnectionTrait,
    event_id: i32,
    edition: i32,
    content: String,
    published_at: DateTime<Utc>,
    published_by: Option<i32>,
) -> Result<(), DbErr> {
    let row = report_edition::ActiveModel {
        event_id: Set(event_id),
        edition: Set(edition),
        content: Set(content),
        published_at: Set(published_at),
        published_by: Set(published_by),
        ..Default::default()
    };
    report_edition::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                report_edition::Column::EventId,
                report_edition::Column::Edition,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}
