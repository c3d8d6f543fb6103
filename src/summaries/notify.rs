//! The rapporteur's mails: approved, returned (with the organizer's comment), reminded
//! before the due date, and told when it has passed. Queued in the transaction of the
//! change, to every rapporteur of the session with an email address.

use crate::db::MailQueue;
use chrono::{DateTime, Duration, Utc};

use crate::config::Settings;
use crate::directory;
use crate::entities::{event, session};
use crate::error::{AppError, AppResult};
use crate::events::views;
use crate::mail::{Envelope, MailKind, outbox};

/// What a summary mail may show.
pub struct SummaryMail {
    pub greeting_name: String,
    pub session_title: String,
    pub event_title: String,
    pub event_dates: String,
    /// The due date in the event's time zone.
    pub due: String,
    pub comment: Option<String>,
    pub summary_url: String,
    pub organizer_name: String,
    /// Who submitted it (in the organizers' mail).
    pub by: Option<String>,
}

crate::mail_templates! {
    SummaryMail;
    SummaryApproved => ApprovedSubject "mail/summary_approved/subject.txt", ApprovedText "mail/summary_approved/body.txt", ApprovedHtml "mail/summary_approved/body.html";
    SummaryReturned => ReturnedSubject "mail/summary_returned/subject.txt", ReturnedText "mail/summary_returned/body.txt", ReturnedHtml "mail/summary_returned/body.html";
    SummaryReminder => ReminderSubject "mail/summary_reminder/subject.txt", ReminderText "mail/summary_reminder/body.txt", ReminderHtml "mail/summary_reminder/body.html";
    SummarySubmitted => SubmittedSubject "mail/summary_submitted/subject.txt", SubmittedText "mail/summary_submitted/body.txt", SubmittedHtml "mail/summary_submitted/body.html";
    SummaryOverdue => OverdueSubject "mail/summary_overdue/subject.txt", OverdueText "mail/summary_overdue/body.txt", OverdueHtml "mail/summary_overdue/body.html";
}

/// The rapporteur's page for a session's summary.
pub fn summary_url(settings: &Settings, session_id: i32) -> String {
    format!("{}/rapporteur/sessions/{session_id}", settings.public_url())
}

/// "Friday 5 June 2009, 17:30 (CEST)".
pub fn due_label(event: &event::Model, due: DateTime<Utc>) -> String {
    views::moment(event.timezone, due)
}

/// Tells the organizers' mailbox (`mail.organizer_address`) that a summary waits for
/// their review.
pub async fn queue_submitted(
    conn: &impl MailQueue,
    settings: &Settings,
    event: &event::Model,
    session: &session::Model,
    due: DateTime<Utc>,
    by: &str,
) -> AppResult<()> {
    let address = settings.mail.organizer_address.trim();
    if address.is_empty() {
        return Ok(());
    }
    let view = SummaryMail {
        greeting_name: settings.mail.organizer_name.clone(),
        session_title: session.title.clone(),
        event_title: event.title.clone(),
        event_dates: views::date_range(event.starts_on, event.ends_on),
        due: due_label(event, due),
        comment: None,
        summary_url: format!("{}#review", summary_url(settings, session.id)),
        organizer_name: settings.mail.organizer_name.clone(),
        by: Some(by.to_string()),
    };
    let (subject, text, html) = render(MailKind::SummarySubmitted, &view)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("mail template: {err}")))?;
    outbox::enqueue(
        conn,
        Envelope {
            kind: MailKind::SummarySubmitted,
            recipient_email: address.to_string(),
            recipient_name: settings.mail.organizer_name.clone(),
            subject,
            text,
            html,
            calendar: None,
            event_id: Some(event.id),
            session_id: Some(session.id),
            person_id: None,
            coalesce_key: None,
            delay: Duration::zero(),
        },
    )
    .await?;
    Ok(())
}

/// Queues the mail of `kind` to each rapporteur of the session; returns how many.
pub async fn queue(
    conn: &impl MailQueue,
    settings: &Settings,
    kind: MailKind,
    event: &event::Model,
    session: &session::Model,
    due: DateTime<Utc>,
    comment: Option<&str>,
) -> AppResult<usize> {
    let rows = super::store::rapporteur_rows(conn, Some(&[session.id])).await?;
    let people = directory::store::people_by_id(conn, rows.iter().map(|r| r.person_id)).await?;
    let mut queued = 0;
    for row in &rows {
        let Some(person) = people.get(&row.person_id) else {
            continue;
        };
        let Some(email) = person.email.clone() else {
            continue;
        };
        let view = SummaryMail {
            greeting_name: directory::display_name(
                person.honorific.as_deref(),
                &person.given_name,
                &person.family_name,
            ),
            session_title: session.title.clone(),
            event_title: event.title.clone(),
            event_dates: views::date_range(event.starts_on, event.ends_on),
            due: due_label(event, due),
            comment: comment.map(str::to_string),
            summary_url: summary_url(settings, session.id),
            organizer_name: settings.mail.organizer_name.clone(),
            by: None,
        };
        let (subject, text, html) = render(kind, &view)
            .map_err(|err| AppError::Internal(anyhow::anyhow!("mail template: {err}")))?;
        outbox::enqueue(
            conn,
            Envelope {
                kind,
                recipient_email: email,
                recipient_name: view.greeting_name.clone(),
                subject,
                text,
                html,
                calendar: None,
                event_id: Some(event.id),
                session_id: Some(session.id),
                person_id: Some(person.id),
                coalesce_key: None,
                delay: Duration::zero(),
            },
        )
        .await?;
        queued += 1;
    }
    Ok(queued)
}
