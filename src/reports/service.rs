//! Report use-cases: who may see a report (the latest published edition for anyone, the
//! report as it stands for organizers, with what changed since that edition), the
//! organizers' introduction and conclusions, publishing an edition and withdrawing.

use chrono::Utc;
use serde_json::json;

use super::{EventReport, ReportInput, ReportStatus, Synthesis, build, edition, store, synthesis};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::domain::optional_text;
use crate::entities::{event, report_edition};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::{SeriesRef, store as event_store};
use crate::i18n::Language;
use crate::pdf;
use crate::web::Actor;

const MAX_TEXT: usize = 50_000;

/// An event's report for a caller: organizers read it as it stands now (see [`current`]);
/// anyone else reads its latest published edition, or 404 while it is not published.
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn visible_report(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
    staff: bool,
) -> AppResult<EventReport> {
    let event = crate::events::read::visible_event(db, reference, staff).await?;
    if staff {
        return Ok(current(db, settings, event).await?.0);
    }
    published_edition(db, settings, &event)
        .await?
        .ok_or(AppError::NotFound("report"))
}

/// The report as it stands now, for organizers: with the summaries still missing, the
/// number of its latest edition and what differs from it; and that edition, if any.
#[tracing::instrument(skip_all, fields(event_id = event.id), err(level = "debug"))]
pub async fn current(
    db: &Db,
    settings: &Settings,
    event: event::Model,
) -> AppResult<(EventReport, Option<EventReport>)> {
    let latest = latest_edition(db, settings, &event).await?;
    let mut report = build::event_report(db, settings, event, true).await?;
    match &latest {
        Some(published) => {
            report.edition = published.edition;
            report.changes = edition::changes(published, &report);
            report.pending_changes = Some(!report.changes.is_empty());
        }
        None => report.pending_changes = Some(false),
    }
    Ok((report, latest))
}

/// The latest edition of the event's report while it is published; `None` when it is not.
#[tracing::instrument(skip_all, fields(event_id = event.id), err(level = "debug"))]
pub async fn published_edition(
    db: &Db,
    settings: &Settings,
    event: &event::Model,
) -> AppResult<Option<EventReport>> {
    let published = store::of_event(db.conn(), event.id)
        .await?
        .is_some_and(|r| r.status == ReportStatus::Published);
    if !published {
        return Ok(None);
    }
    latest_edition(db, settings, event).await
}

/// The latest edition of the event's report, published or since withdrawn. A report
/// published before editions were kept gets its first one now: the report as it stands.
async fn latest_edition(
    db: &Db,
    settings: &Settings,
    event: &event::Model,
) -> AppResult<Option<EventReport>> {
    if let Some(row) = store::latest_edition(db.conn(), event.id).await? {
        let mut report = read_edition(settings, event, &row)?;
        // A session closed or put under the Chatham House rule after the edition was
        // published is withheld from it now.
        let (sessions, _) = event_store::sessions_of_event(db.conn(), event.id, None).await?;
        let rules = sessions.iter().map(|s| (s.id, s.confidentiality)).collect();
        build::apply_confidentiality(&mut report, &rules);
        return Ok(Some(report));
    }
    let Some(published_at) = store::of_event(db.conn(), event.id)
        .await?
        .filter(|r| r.status == ReportStatus::Published)
        .map(|r| r.published_at.unwrap_or_else(Utc::now))
    else {
        return Ok(None);
    };
    let first = as_edition(
        build::event_report(db, settings, event.clone(), false).await?,
        1,
        published_at,
    );
    let txn = db.begin_write().await?;
    store::add_edition(&*txn, event.id, 1, to_json(&first)?, published_at, None).await?;
    txn.commit().await?;
    let row = store::latest_edition(db.conn(), event.id)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the first edition was not kept")))?;
    read_edition(settings, event, &row).map(Some)
}

/// A report as the public reads it in edition `number`, published at `at`.
fn as_edition(mut report: EventReport, number: i32, at: chrono::DateTime<Utc>) -> EventReport {
    report.status = ReportStatus::Published;
    report.published_at = Some(at);
    report.edition = number;
    report.pending_changes = None;
    report.changes = Vec::new();
    report.missing = Vec::new();
    report
}

fn to_json(report: &EventReport) -> AppResult<String> {
    serde_json::to_string(report)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("report edition: {err}")))
}

/// A stored edition, at the event's current address (links keep working after a rename).
fn read_edition(
    settings: &Settings,
    event: &event::Model,
    row: &report_edition::Model,
) -> AppResult<EventReport> {
    let report: EventReport = serde_json::from_str(&row.content).map_err(|err| {
        AppError::Internal(anyhow::anyhow!(
            "edition {} of the report of event {}: {err}",
            row.edition,
            row.event_id
        ))
    })?;
    let mut report = as_edition(report, row.edition, row.published_at);
    report.event.slug = event.slug.clone();
    report.event.url = format!("{}/events/{}", settings.public_url(), event.slug);
    Ok(report)
}

/// A series' synthesis: public, built from published reports only.
#[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
pub async fn visible_synthesis(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
    staff: bool,
    lang: Language,
) -> AppResult<Synthesis> {
    let series = event_store::series(db.conn(), reference)
        .await?
        .ok_or(AppError::NotFound("series"))?;
    synthesis::synthesis(db, settings, series, staff, lang).await
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
    let row = store::ensure(&*txn, event.id).await?;
    let stored = ReportInput {
        introduction: row.introduction.clone(),
        conclusions: row.conclusions.clone(),
        translations: Some(crate::i18n::content::input_of(row.translations.as_deref())),
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
    let translations = crate::i18n::content::validate(
        input.translations,
        event.language,
        crate::i18n::content::REPORT_FIELDS,
        &mut errors,
    );
    errors.finish()?;
    let updated = store::update(&*txn, row, introduction, conclusions, &translations).await?;
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
    Ok(current(db, settings, event).await?.0)
}

/// What publishing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    /// A new edition, with this number.
    NewEdition(i32),
    /// Nothing had changed since this edition, which is (again) the published one.
    Unchanged(i32),
}

/// Publishes the report: the report as it stands becomes its next edition, which the
/// public reads until the next publication. Publishing what the latest edition already
/// says makes no new edition. It needs at least one approved summary (409).
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn publish(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
) -> AppResult<(EventReport, Publication)> {
    let event = crate::events::read::visible_event(db, reference, true).await?;
    let report = build::event_report(db, settings, event.clone(), false).await?;
    if report.sessions.is_empty() {
        return Err(AppError::Conflict(
            "the report has no approved summary yet: approve at least one before publishing".into(),
        ));
    }
    let txn = db.begin_write().await?;
    let row = store::ensure(&*txn, event.id).await?;
    store::lock(&*txn, event.id).await?;
    // Read under the lock: another organizer's publication counts.
    let stored = store::latest_edition(&*txn, event.id).await?;
    let unchanged = match &stored {
        Some(row) => edition::changes(&read_edition(settings, &event, row)?, &report).is_empty(),
        None => false,
    };
    let (outcome, published_at) = match &stored {
        Some(row) if unchanged => (Publication::Unchanged(row.edition), row.published_at),
        _ => {
            let number = stored.as_ref().map_or(1, |row| row.edition + 1);
            let now = Utc::now();
            let content = to_json(&as_edition(report, number, now))?;
            store::add_edition(&*txn, event.id, number, content, now, Some(actor.id)).await?;
            (Publication::NewEdition(number), now)
        }
    };
    let updated = store::set_published(&*txn, row, Some(published_at)).await?;
    let number = match outcome {
        Publication::NewEdition(n) | Publication::Unchanged(n) => n,
    };
    audit::record(
        &*txn,
        Some(actor),
        "publish",
        "report",
        updated.id,
        json!({"event_id": event.id, "edition": number, "new_edition": matches!(outcome, Publication::NewEdition(_))}),
    )
    .await?;
    txn.commit().await?;
    typeset_for_readers(db, settings, reference);
    Ok((current(db, settings, event).await?.0, outcome))
}

/// Typesets in the background, off the request, the PDFs a publication gives the public:
/// the event's report and its series' synthesis, each as a reader will ask for it, so
/// that their first readers do not wait for the typesetting (see [`pdf::kept`]).
pub fn typeset_for_readers(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
) -> tokio::task::JoinHandle<()> {
    let (db, settings, reference) = (db.clone(), settings.clone(), reference.clone());
    tokio::spawn(async move {
        let typeset = async {
            let report = visible_report(&db, &settings, &reference, false).await?;
            let series = report.event.series.clone();
            pdf::kept::typeset(pdf::Job::event_report(&report)?).await?;
            if let Some(series) = series {
                let reference = SeriesRef::parse(&series.slug);
                let synthesis =
                    visible_synthesis(&db, &settings, &reference, false, Language::En).await?;
                pdf::kept::typeset(pdf::Job::synthesis(&synthesis)?).await?;
            }
            Ok::<(), AppError>(())
        };
        if let Err(err) = typeset.await {
            tracing::warn!(error = %err, "could not typeset the published report's PDFs");
        }
    })
}

/// Withdraws a published report: no longer public, its editions kept.
#[tracing::instrument(skip_all, fields(actor = actor.id, reference = ?reference), err(level = "debug"))]
pub async fn withdraw(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
) -> AppResult<EventReport> {
    let event = crate::events::read::visible_event(db, reference, true).await?;
    let txn = db.begin_write().await?;
    let row = store::ensure(&*txn, event.id).await?;
    let updated = store::set_published(&*txn, row, None).await?;
    audit::record(
        &*txn,
        Some(actor),
        "withdraw",
        "report",
        updated.id,
        json!({"event_id": event.id}),
    )
    .await?;
    txn.commit().await?;
    Ok(current(db, settings, event).await?.0)
}

/// Publishes the report (see [`publish`]), or withdraws it.
pub async fn set_published(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    reference: &SeriesRef,
    publish_it: bool,
) -> AppResult<EventReport> {
    if publish_it {
        Ok(publish(db, settings, actor, reference).await?.0)
    } else {
        withdraw(db, settings, actor, reference).await
    }
}
