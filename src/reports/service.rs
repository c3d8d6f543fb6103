//! Report use-cases: who may see a report (anyone once published, organizers always),
//! the organizers' introduction and conclusions, publishing and withdrawing.

use serde_json::json;

use super::{EventReport, ReportInput, ReportStatus, Synthesis, build, store, synthesis};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::domain::optional_text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::{SeriesRef, store as event_store};
use crate::web::Actor;

const MAX_TEXT: usize = 50_000;

/// An event's report for a caller: 404 unless published, or the caller is an organizer.
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn visible_report(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
    staff: bool,
) -> AppResult<EventReport> {
    let event = crate::events::read::visible_event(db, reference, staff).await?;
    if !staff {
        let published = store::of_event(db.conn(), event.id)
            .await?
            .is_some_and(|r| r.status == ReportStatus::Published);
        if !published {
            return Err(AppError::NotFound("report"));
        }
    }
    build::event_report(db, settings, event, staff).await
}

/// A series' synthesis: public, built from published reports only.
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn visible_synthesis(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
    staff: bool,
) -> AppResult<Synthesis> {
    let series = event_store::series(db.conn(), reference)
        .await?
        .ok_or(AppError::NotFound("series"))?;
    synthesis::synthesis(db, settings, series, staff).await
}

/// Changes the introduction and conclusions (a merge patch: absent fields stay).
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn update(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    patch: serde_json::Map<String, serde_json::Value>,
) -> AppResult<EventReport> {
    let event = crate::events::read::visible_event(db, reference, true).await?;
    let txn = db.begin_write().await?;
    let current = store::ensure(&*txn, event.id).await?;
    let stored = ReportInput {
        introduction: current.introduction.clone(),
        conclusions: current.conclusions.clone(),
    };
    let input: ReportInput = crate::web::json::merge_patch(&stored, patch)?;
    let mut errors = FieldErrors::new();
    let introduction = errors
        .check(
            "introduction",
            optional_text(input.introduction.as_deref(), MAX_TEXT, true),
        )
        .flatten();
    let conclusions = errors
        .check(
            "conclusions",
            optional_text(input.conclusions.as_deref(), MAX_TEXT, true),
        )
        .flatten();
    errors.finish()?;
    let updated = store::update(&*txn, current, introduction, conclusions).await?;
    audit::record(
        &*txn,
        Some(actor),
        "update",
        "report",
        updated.id,
        json!({"event_id": event.id}),
    )
    .await?;
    txn.commit().await?;
    build::event_report(db, settings, event, true).await
}

/// Publishes the report (it needs at least one approved summary), or withdraws it.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn set_published(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    publish: bool,
) -> AppResult<EventReport> {
    let event = crate::events::read::visible_event(db, reference, true).await?;
    let preview = build::event_report(db, settings, event.clone(), true).await?;
    if publish && preview.sessions.is_empty() {
        return Err(AppError::Conflict(
            "the report has no approved summary yet: approve at least one before publishing".into(),
        ));
    }
    let txn = db.begin_write().await?;
    let current = store::ensure(&*txn, event.id).await?;
    let status = if publish {
        ReportStatus::Published
    } else {
        ReportStatus::Draft
    };
    let updated = store::set_status(&*txn, current, status).await?;
    audit::record(
        &*txn,
        Some(actor),
        if publish { "publish" } else { "withdraw" },
        "report",
        updated.id,
        json!({"event_id": event.id}),
    )
    .await?;
    txn.commit().await?;
    build::event_report(db, settings, event, true).await
}
