//! The rapporteur's mails: approved, returned (with the organizer's comment), reminded
//! before the due date, and told when it has passed. Queued in the transaction of the
//! change, to every rapporteur of the session with an email address, each in their own
//! language (their person record's); the organizers' notice of a submission in the
//! language of the account of their mailbox's address, if it is one that chose one.

use crate::db::MailQueue;
use chrono::{DateTime, Duration, Utc};

use crate::config::Settings;
use crate::directory;
use crate::entities::{event, session};
use crate::error::{AppError, AppResult};
use crate::i18n::Language;
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
    /// The recipient's language, which the mail is written in.
    pub lang: Language,
}

impl SummaryMail {
    /// A message in the recipient's language.
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    /// A message naming what the mail shows: `$session`, `$event`, `$dates`, `$due`,
    /// `$by` (each message takes those it needs).
    pub fn te(&self, id: &str) -> String {
        crate::i18n::t_texts(
            self.lang,
            id,
            &[
                ("session", self.session_title.as_str()),
                ("event", self.event_title.as_str()),
                ("dates", self.event_dates.as_str()),
                ("due", self.due.as_str()),
                ("by", self.by.as_deref().unwrap_or_default()),
            ],
        )
    }

    /// "Dear Ms Akello," in the recipient's language.
    pub fn dear(&self) -> String {
        crate::i18n::dear(self.lang, &self.greeting_name)
    }
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

/// When a summary is due, in `lang`: "Friday 5 June 2009, 17:30 (CEST)", "vendredi 5
/// juin 2009, 17:30 (CEST)".
pub fn due_label_in(lang: Language, event: &event::Model, due: DateTime<Utc>) -> String {
    crate::i18n::dates::moment(lang, event.timezone, due)
}

/// The session's title as a reader of `lang` gets it: translated where it is.
pub fn session_title_in(event: &event::Model, session: &session::Model, lang: Language) -> String {
    crate::i18n::content::Translations::stored(session.translations.as_deref())
        .pick(event.language, lang, "title", &session.title)
        .text
}

/// What a summary mail to a reader of `lang` shows of the session and its event (to
/// `greeting_name`, linking to the summary; no comment, by no one).
fn view_in(
    lang: Language,
    settings: &Settings,
    event: &event::Model,
    session: &session::Model,
    due: DateTime<Utc>,
    greeting_name: String,
) -> SummaryMail {
    SummaryMail {
        greeting_name,
        session_title: session_title_in(event, session, lang),
        event_title: event.title_in(lang),
        event_dates: crate::i18n::dates::range(lang, event.starts_on, event.ends_on),
        due: due_label_in(lang, event, due),
        comment: None,
        summary_url: summary_url(settings, session.id),
        organizer_name: settings.mail.organizer_name.clone(),
        by: None,
        lang,
    }
}

/// Tells the organizers' mailbox (`mail.organizer_address`) that a summary waits for
/// their review: in the language of the account of that address, if it is one and has
/// chosen a language, else in English.
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
    let lang = crate::accounts::store::user_by_email(conn, address)
        .await?
        .and_then(|user| user.language)
        .unwrap_or_default();
    let view = SummaryMail {
        summary_url: format!("{}#review", summary_url(settings, session.id)),
        by: Some(by.to_string()),
        ..view_in(
            lang,
            settings,
            event,
            session,
            due,
            settings.mail.organizer_name.clone(),
        )
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
        // In the rapporteur's own language (their person record's), as invitations are.
        let view = SummaryMail {
            comment: comment.map(str::to_string),
            ..view_in(
                person.language.unwrap_or_default(),
                settings,
                event,
                session,
                due,
                directory::display_name(
                    person.honorific.as_deref(),
                    &person.given_name,
                    &person.family_name,
                ),
            )
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
