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
use crate::invitations::InvitationState;
use crate::mail::OutboxStatus;
use crate::registrations::RegistrationStatus;
use crate::summaries::SummaryStatus;

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

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The tasks of one event.
pub async fn of_event(db: &Db, settings: &Settings, event: event::Model) -> AppResult<EventAgenda> {
    let now = Utc::now();
    let slug = event.slug.clone();
    let workspace = format!("/organize/events/{slug}");
    let mut tasks = Vec::new();

    let conflicts = conflicts::report(db, &event).await?;
    if !conflicts.is_empty() {
        tasks.push(Task {
            text: format!(
                "{} in the programme",
                plural(conflicts.len(), "conflict", "conflicts")
            ),
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
            (false, false) => Some("no chair and no rapporteur"),
            (false, true) => Some("no chair"),
            (true, false) => Some("no rapporteur"),
            (true, true) => None,
        };
        if let Some(missing) = missing {
            tasks.push(Task {
                text: format!("“{}” has {missing}", s.title),
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
                text: format!(
                    "{} declined ({} of “{}”): find someone else or remove them",
                    p.display_name,
                    p.role.label().to_lowercase(),
                    s.title
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
            text: format!(
                "{} unanswered for more than {UNANSWERED_AFTER_DAYS} days: send a reminder",
                plural(unanswered, "invitation", "invitations")
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
            text: format!(
                "{} waiting for your approval",
                plural(
                    usize::try_from(pending).unwrap_or(usize::MAX),
                    "registration",
                    "registrations"
                )
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
            text: format!(
                "{} to answer",
                plural(
                    usize::try_from(visas).unwrap_or(usize::MAX),
                    "visa letter request",
                    "visa letter requests"
                )
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
            text: format!(
                "{} waiting for your review",
                plural(to_review, "summary", "summaries")
            ),
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
            text: format!("{} late", plural(late, "summary is", "summaries are")),
            href: format!("{workspace}/summaries"),
            urgent: false,
        });
    }

    let (report, _) = crate::reports::service::current(db, settings, event.clone()).await?;
    if report.pending_changes == Some(true) {
        tasks.push(Task {
            text: format!(
                "The published report has {} since publication: publish edition {}",
                plural(report.changes.len(), "change", "changes"),
                report.edition + 1
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
            text: format!(
                "{} could not be delivered",
                plural(
                    usize::try_from(failed).unwrap_or(usize::MAX),
                    "mail",
                    "mails"
                )
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
    fn counts_read_as_words() {
        assert_eq!(plural(1, "conflict", "conflicts"), "1 conflict");
        assert_eq!(plural(3, "conflict", "conflicts"), "3 conflicts");
    }
}
