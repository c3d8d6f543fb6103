//! The registrant's mails, one per transition, queued in the transaction that makes it:
//! confirmed, waitlisted, pending approval, approved, rejected, promoted from the
//! waitlist, cancelled. Confirmations carry the event's sessions as a calendar.

use crate::db::MailQueue;
use chrono::Duration;

use super::RegistrationStatus;
use crate::calendar::{self, Method};
use crate::config::Settings;
use crate::entities::{event, registration};
use crate::error::{AppError, AppResult};
use crate::events::{store as event_store, views};
use crate::i18n::Language;
use crate::mail::{Envelope, MailKind, outbox};

/// What a registration mail may show.
pub struct RegistrationMail {
    pub greeting_name: String,
    pub event_title: String,
    pub event_dates: String,
    pub event_place: Option<String>,
    pub event_url: String,
    pub manage_url: String,
    pub calendar_url: String,
    pub organizer_name: String,
    /// The re-confirmation deadline, in the event's time zone.
    pub deadline: Option<String>,
    /// The code to give at the door.
    pub check_in_code: Option<String>,
    /// Why the organizers refused what was asked (a visa letter).
    pub reason: Option<String>,
    /// The registrant's language, which the mail is written in.
    pub lang: Language,
}

impl RegistrationMail {
    /// A message in the registrant's language.
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    /// A message with one argument.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        crate::i18n::t_texts(self.lang, id, &[(name, value)])
    }

    /// A message naming the event.
    pub fn te(&self, id: &str) -> String {
        self.t1(id, "event", &self.event_title)
    }

    /// A message naming the event and another value.
    pub fn t2(&self, id: &str, name: &'static str, value: &str) -> String {
        crate::i18n::t_texts(
            self.lang,
            id,
            &[("event", &self.event_title), (name, value)],
        )
    }

    /// "Dear Ms Akello," in the registrant's language.
    pub fn dear(&self) -> String {
        crate::i18n::dear(self.lang, &self.greeting_name)
    }
}

crate::mail_templates! {
    RegistrationMail;
    RegistrationConfirmed => ConfirmedSubject "mail/registration_confirmed/subject.txt", ConfirmedText "mail/registration_confirmed/body.txt", ConfirmedHtml "mail/registration_confirmed/body.html";
    RegistrationWaitlisted => WaitlistedSubject "mail/registration_waitlisted/subject.txt", WaitlistedText "mail/registration_waitlisted/body.txt", WaitlistedHtml "mail/registration_waitlisted/body.html";
    RegistrationPending => PendingSubject "mail/registration_pending/subject.txt", PendingText "mail/registration_pending/body.txt", PendingHtml "mail/registration_pending/body.html";
    RegistrationApproved => ApprovedSubject "mail/registration_approved/subject.txt", ApprovedText "mail/registration_approved/body.txt", ApprovedHtml "mail/registration_approved/body.html";
    RegistrationRejected => RejectedSubject "mail/registration_rejected/subject.txt", RejectedText "mail/registration_rejected/body.txt", RejectedHtml "mail/registration_rejected/body.html";
    RegistrationPromoted => PromotedSubject "mail/registration_promoted/subject.txt", PromotedText "mail/registration_promoted/body.txt", PromotedHtml "mail/registration_promoted/body.html";
    RegistrationReconfirm => ReconfirmSubject "mail/registration_reconfirm/subject.txt", ReconfirmText "mail/registration_reconfirm/body.txt", ReconfirmHtml "mail/registration_reconfirm/body.html";
    RegistrationReleased => ReleasedSubject "mail/registration_released/subject.txt", ReleasedText "mail/registration_released/body.txt", ReleasedHtml "mail/registration_released/body.html";
    RegistrationCancelled => CancelledSubject "mail/registration_cancelled/subject.txt", CancelledText "mail/registration_cancelled/body.txt", CancelledHtml "mail/registration_cancelled/body.html";
    VisaLetterApproved => VisaApprovedSubject "mail/visa_letter_approved/subject.txt", VisaApprovedText "mail/visa_letter_approved/body.txt", VisaApprovedHtml "mail/visa_letter_approved/body.html";
    VisaLetterRefused => VisaRefusedSubject "mail/visa_letter_refused/subject.txt", VisaRefusedText "mail/visa_letter_refused/body.txt", VisaRefusedHtml "mail/visa_letter_refused/body.html";
}

/// The registrant's own page.
pub fn manage_url(settings: &Settings, token: &str) -> String {
    format!("{}/registrations/{token}", settings.public_url())
}

pub fn calendar_url(settings: &Settings, event: &event::Model) -> String {
    format!(
        "{}/events/{}/calendar.ics",
        settings.public_url(),
        event.slug
    )
}

/// Queues the mail of a transition, with a new link to the registrant's page (only its
/// hash is kept: the link lives in the mail). The first mail, answering the registration,
/// is made by [`envelope`] with the link the request answers with.
pub async fn queue(
    conn: &impl MailQueue,
    settings: &Settings,
    kind: MailKind,
    event: &event::Model,
    registration: &registration::Model,
) -> AppResult<()> {
    queue_with_reason(conn, settings, kind, event, registration, None).await
}

/// [`queue`], the mail saying why the organizers refused what was asked.
pub async fn queue_with_reason(
    conn: &impl MailQueue,
    settings: &Settings,
    kind: MailKind,
    event: &event::Model,
    registration: &registration::Model,
    reason: Option<String>,
) -> AppResult<()> {
    if registration.erased_at.is_some() {
        return Ok(());
    }
    let token = super::store::new_link(conn, registration.id).await?;
    let mut view = mail_view(settings, event, registration, &token);
    view.reason = reason;
    let envelope = envelope_of(
        conn,
        settings,
        kind,
        event,
        registration,
        view,
        &mut Calendars::default(),
    )
    .await?;
    outbox::enqueue(conn, envelope).await?;
    Ok(())
}

/// What a registration mail shows, with the link of `token`.
fn mail_view(
    settings: &Settings,
    event: &event::Model,
    registration: &registration::Model,
    token: &str,
) -> RegistrationMail {
    let base = settings.public_url();
    let lang = registration.language.unwrap_or_default();
    RegistrationMail {
        greeting_name: format!("{} {}", registration.given_name, registration.family_name),
        event_title: event.title_in(lang),
        event_dates: crate::i18n::dates::range(lang, event.starts_on, event.ends_on),
        event_place: views::place(event.city.as_deref(), event.country.as_deref()),
        event_url: format!("{base}/events/{}", event.slug),
        manage_url: manage_url(settings, token),
        calendar_url: calendar_url(settings, event),
        organizer_name: settings.mail.organizer_name.clone(),
        deadline: registration
            .reconfirm_by
            .map(|t| crate::i18n::dates::moment(lang, event.timezone, t)),
        check_in_code: registration.check_in_code.clone(),
        reason: None,
        lang,
    }
}

/// The confirmation calendars of events, each made once for all the mails queued in a
/// transaction.
#[derive(Default)]
pub struct Calendars(Vec<((i32, Language), Option<String>)>);

impl Calendars {
    /// The event's sessions as a calendar to publish; `None` when it has none.
    async fn of(
        &mut self,
        conn: &impl MailQueue,
        settings: &Settings,
        event: &event::Model,
        lang: Language,
    ) -> AppResult<Option<String>> {
        let key = (event.id, lang);
        if let Some((_, calendar)) = self.0.iter().find(|(k, _)| *k == key) {
            return Ok(calendar.clone());
        }
        let base = settings.public_url();
        // The programme a registrant may see: closed sessions are not in it.
        let (sessions, _) = event_store::sessions_seen(conn, event.id, None, false).await?;
        let mut items = calendar::session_events_in(conn, base, &sessions, Some(lang)).await?;
        for item in &mut items {
            item.organizer = Some((
                settings.mail.organizer_name.clone(),
                settings.mail.organizer_address.clone(),
            ));
        }
        let title = event.title_in(lang);
        let calendar =
            (!items.is_empty()).then(|| calendar::calendar(&title, Method::Publish, &items));
        self.0.push((key, calendar.clone()));
        Ok(calendar)
    }
}

/// The mail of a transition with the link of `token`, to be queued, the event's calendar
/// taken from `calendars`; `None` for a registration whose details were erased.
pub async fn envelope(
    conn: &impl MailQueue,
    settings: &Settings,
    kind: MailKind,
    event: &event::Model,
    registration: &registration::Model,
    token: &str,
    calendars: &mut Calendars,
) -> AppResult<Option<Envelope>> {
    if registration.erased_at.is_some() {
        return Ok(None);
    }
    let view = mail_view(settings, event, registration, token);
    envelope_of(conn, settings, kind, event, registration, view, calendars)
        .await
        .map(Some)
}

/// The mail of a transition showing `view`.
async fn envelope_of(
    conn: &impl MailQueue,
    settings: &Settings,
    kind: MailKind,
    event: &event::Model,
    registration: &registration::Model,
    view: RegistrationMail,
    calendars: &mut Calendars,
) -> AppResult<Envelope> {
    let (subject, text, html) = render(kind, &view)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("mail template: {err}")))?;
    let with_calendar = matches!(
        kind,
        MailKind::RegistrationConfirmed
            | MailKind::RegistrationApproved
            | MailKind::RegistrationPromoted
    );
    let calendar = if with_calendar {
        calendars
            .of(conn, settings, event, view.lang)
            .await?
            .map(|calendar| (Method::Publish, calendar))
    } else {
        None
    };
    Ok(Envelope {
        kind,
        recipient_email: registration.email.clone(),
        recipient_name: view.greeting_name.clone(),
        subject,
        text,
        html,
        calendar,
        event_id: Some(event.id),
        session_id: None,
        person_id: None,
        coalesce_key: None,
        delay: Duration::zero(),
    })
}

/// The mail that answers a new registration, by the status it was given.
pub fn on_registering(status: RegistrationStatus) -> MailKind {
    match status {
        RegistrationStatus::Waitlisted => MailKind::RegistrationWaitlisted,
        RegistrationStatus::Pending => MailKind::RegistrationPending,
        _ => MailKind::RegistrationConfirmed,
    }
}

/// The mail that answers an organizer's approval: a place, or the waiting list.
pub fn on_approval(status: RegistrationStatus) -> MailKind {
    match status {
        RegistrationStatus::Waitlisted => MailKind::RegistrationWaitlisted,
        _ => MailKind::RegistrationApproved,
    }
}
