//! What needs doing, event by event: the dashboard's list of tasks, each a sentence and
//! a link to the page where it is done. Read from the same records the workspace pages
//! show; nothing here is stored.

use chrono::{Duration, NaiveDate, Utc};

use crate::config::Settings;
use crate::db::Db;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entities::{event, outbox_message};
use crate::error::AppResult;
use crate::events::{EventStatus, InvitationStatus, ParticipantRole, SessionKind, conflicts, read};
use crate::i18n::Language;
use crate::invitations::InvitationState;
use crate::mail::OutboxStatus;
use crate::registrations::RegistrationStatus;
use crate::summaries::SummaryStatus;
use fluent_templates::fluent_bundle::FluentValue;

/// An invitation unanswered this long is worth a reminder.
pub const UNANSWERED_AFTER_DAYS: i64 = 7;

/// Events that ended this many days ago or less are still on the dashboard (their
/// summaries and reports are being done).
pub const RECENT_DAYS: i64 = 60;

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub text: String,
    pub href: String,
    /// Whether it stops something (a conflict, a decline, a failed mail) rather than
    /// waits for someone.
    pub urgent: bool,
}

/// An event and its tasks.
pub struct EventAgenda {
    pub event: event::Model,
    pub tasks: Vec<Task>,
}

/// Whether an event belongs on the dashboard on `today`: not cancelled, and to come or
/// recently over.
pub fn is_current(event: &event::Model, today: NaiveDate) -> bool {
    event.status != EventStatus::Cancelled && event.ends_on >= today - Duration::days(RECENT_DAYS)
}

/// A task's sentence in `lang`, counting `count`.
fn said(
    lang: Language,
    id: &str,
    count: usize,
    args: &[(&'static str, FluentValue<'_>)],
) -> String {
    let mut all = vec![("count", FluentValue::from(count))];
    all.extend(args.iter().cloned());
    crate::i18n::t_args(lang, id, &all)
}

/// The tasks of one event, said in `lang`.
pub async fn of_event(
    db: &Db,
    settings: &Settings,
    event: event::Model,
    lang: Language,
) -> AppResult<EventAgenda> {
    let now = Utc::now();
    let slug = event.slug.clone();
    let workspace = format!("/organize/events/{slug}");
    let mut tasks = Vec::new();

    let conflicts = conflicts::report(db, &event).await?;
    if !conflicts.is_empty() {
        tasks.push(Task {
            text: said(lang, "task-conflicts", conflicts.len(), &[]),
            href: format!("{workspace}#conflicts"),
            urgent: true,
        });
    }

    let out = read::event_view(db, event.clone(), true).await?;
    let sessions = out.sessions.as_deref().unwrap_or_default();
    for s in sessions.iter().filter(|s| s.kind != SessionKind::Break) {
        let has = |role| s.participants.iter().any(|p| p.role == role);
        let missing = match (
            has(ParticipantRole::Chair),
            has(ParticipantRole::Rapporteur),
        ) {
            (false, false) => Some("task-no-chair-no-rapporteur"),
            (false, true) => Some("task-no-chair"),
            (true, false) => Some("task-no-rapporteur"),
            (true, true) => None,
        };
        if let Some(missing) = missing {
            tasks.push(Task {
                text: crate::i18n::t_args(lang, missing, &[("title", s.title.clone().into())]),
                href: format!("/organize/sessions/{}", s.id),
                urgent: false,
            });
        }
        for p in s
            .participants
            .iter()
            .filter(|p| p.invitation_status == InvitationStatus::Declined)
        {
            tasks.push(Task {
                text: crate::i18n::t_args(
                    lang,
                    "task-declined",
                    &[
                        ("name", p.display_name.clone().into()),
                        (
                            "role",
                            crate::i18n::role_in_sentence(lang, p.role.as_str()).into(),
                        ),
                        ("title", s.title.clone().into()),
                    ],
                ),
                href: format!("/organize/sessions/{}", s.id),
                urgent: true,
            });
        }
    }

    let stale = now - Duration::days(UNANSWERED_AFTER_DAYS);
    let unanswered = crate::invitations::store::of_event(db.conn(), event.id)
        .await?
        .into_iter()
        .filter(|i| i.status == InvitationState::Invited && i.sent_at < stale)
        .count();
    if unanswered > 0 {
        tasks.push(Task {
            text: said(
                lang,
                "task-unanswered",
                unanswered,
                &[("days", UNANSWERED_AFTER_DAYS.into())],
            ),
            href: format!("{workspace}#invitations"),
            urgent: false,
        });
    }

    let counts = crate::registrations::store::counts(db.conn(), event.id).await?;
    let pending = counts
        .get(&RegistrationStatus::Pending)
        .copied()
        .unwrap_or(0);
    if pending > 0 {
        tasks.push(Task {
            text: said(
                lang,
                "task-registrations-pending",
                usize::try_from(pending).unwrap_or(usize::MAX),
                &[],
            ),
            href: format!("{workspace}/registrations?status=pending"),
            urgent: false,
        });
    }
    let visas = crate::entities::visa_request::Entity::find()
        .filter(crate::entities::visa_request::Column::EventId.eq(event.id))
        .filter(crate::entities::visa_request::Column::Status.eq(crate::visas::VisaStatus::Pending))
        .count(db.conn())
        .await?;
    if visas > 0 {
        tasks.push(Task {
            text: said(
                lang,
                "task-visa-requests",
                usize::try_from(visas).unwrap_or(usize::MAX),
                &[],
            ),
            href: format!("{workspace}/visa-letters"),
            urgent: false,
        });
    }

    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let summaries = crate::summaries::store::by_sessions(db.conn(), &ids).await?;
    let to_review = summaries
        .values()
        .filter(|s| s.status == SummaryStatus::Submitted)
        .count();
    if to_review > 0 {
        tasks.push(Task {
            text: said(lang, "task-summaries-review", to_review, &[]),
            href: format!("{workspace}/summaries"),
            urgent: false,
        });
    }
    let late = summaries
        .values()
        .filter(|s| s.status.is_open() && s.due_at.is_some_and(|due| due < now))
        .count();
    if late > 0 {
        tasks.push(Task {
            text: said(lang, "task-summaries-late", late, &[]),
            href: format!("{workspace}/summaries"),
            urgent: false,
        });
    }

    let (report, _) = crate::reports::service::current(db, settings, event.clone()).await?;
    if report.pending_changes == Some(true) {
        tasks.push(Task {
            text: said(
                lang,
                "task-report-changes",
                report.changes.len(),
                &[("edition", (report.edition + 1).into())],
            ),
            href: format!("{workspace}/report"),
            urgent: false,
        });
    }

    let failed = outbox_message::Entity::find()
        .filter(outbox_message::Column::EventId.eq(event.id))
        .filter(outbox_message::Column::Status.eq(OutboxStatus::Failed.as_str()))
        .count(db.conn())
        .await?;
    if failed > 0 {
        tasks.push(Task {
            text: said(
                lang,
                "task-mail-failed",
                usize::try_from(failed).unwrap_or(usize::MAX),
                &[],
            ),
            href: format!("/organize/outbox?status={}", OutboxStatus::Failed.as_str()),
            urgent: true,
        });
    }

    tasks.sort_by_key(|t| !t.urgent);
    Ok(EventAgenda { event, tasks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_words_in_each_language() {
        assert_eq!(
            said(Language::En, "task-conflicts", 1, &[]),
            "1 conflict in the programme"
        );
        assert_eq!(
            said(Language::En, "task-conflicts", 3, &[]),
            "3 conflicts in the programme"
        );
        assert_eq!(
            said(Language::Fr, "task-summaries-late", 2, &[]),
            "2 synthèses sont en retard"
        );
        assert_eq!(
            said(Language::Es, "task-registrations-pending", 1, &[]),
            "1 inscripción espera su aprobación"
        );
        assert_eq!(
            crate::i18n::role_in_sentence(Language::Es, ParticipantRole::Speaker.as_str()),
            "ponente"
        );
    }
}
