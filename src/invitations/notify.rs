//! The invitation mail: the session and the invitee's role, accept and decline links,
//! and the session as an iTIP REQUEST, written to the outbox in the transaction that
//! records the invitation. And the organizers' notice that an invitee declined, written
//! in the transaction that records the answer.

use crate::db::MailQueue;
use chrono::Duration;
use sea_orm::ConnectionTrait;

use crate::calendar::Method;
use crate::config::Settings;
use crate::directory::{self, store as directory_store};
use crate::entities::{invitation, person};
use crate::error::{AppError, AppResult};
pub use crate::events::notify::{Draft, Recipient};
use crate::events::notify::{envelope, in_language, itip_in, rendering, view};
use crate::events::{SeriesRef, store as event_store, views};
use crate::mail::messages;
use crate::mail::salutation::salutation;
use crate::mail::{Envelope, MailKind, outbox};

/// The invitation mail of one invitee, addressed and rendered, with the session as an
/// iTIP REQUEST: what [`queue_invitation`] queues, and exactly what the composer's
/// preview shows (the preview passes a link that works nowhere and no invitation).
/// The salutation is made from the invitee's own record, so a family name typed in
/// mixed case keeps its spelling.
pub async fn invitation_mail(
    conn: &impl ConnectionTrait,
    settings: &Settings,
    draft: &Draft<'_>,
    person: &person::Model,
    invitation_id: Option<i32>,
) -> AppResult<Envelope> {
    let mut view = view(conn, settings, draft).await?;
    view.greeting_name = salutation(
        person.honorific.as_deref(),
        &person.given_name,
        &person.family_name,
    );
    let lang = person.language.unwrap_or_default();
    in_language(&mut view, draft, lang);
    let rendered = messages::invitation(&view).map_err(rendering)?;
    let calendar = match draft.session {
        Some(session) => Some((
            Method::Request,
            itip_in(
                conn,
                settings,
                std::slice::from_ref(session),
                draft.recipient,
                Method::Request,
                draft.invitation_url.as_deref(),
                Some(lang),
            )
            .await?,
        )),
        None => None,
    };
    let key = invitation_id.map(|id| format!("invitation:{id}"));
    Ok(envelope(
        MailKind::Invitation,
        draft,
        rendered,
        calendar,
        key,
        Duration::zero(),
    ))
}

/// Queues an invitation (sent at once).
pub async fn queue_invitation(
    conn: &impl MailQueue,
    settings: &Settings,
    draft: &Draft<'_>,
    person: &person::Model,
    invitation_id: i32,
) -> AppResult<()> {
    let mail = invitation_mail(conn, settings, draft, person, Some(invitation_id)).await?;
    outbox::enqueue(conn, mail).await?;
    Ok(())
}

/// What the organizers' notice of a declined invitation shows.
pub struct DeclineNotice {
    pub organizer_name: String,
    /// "Mr Gareth EVANS".
    pub person_name: String,
    pub person_email: Option<String>,
    /// "Chair", for an invitation to a role in a session.
    pub role: Option<String>,
    pub session_title: Option<String>,
    /// When the session starts, in the event's time zone.
    pub session_when: Option<String>,
    pub event_title: String,
    pub event_dates: String,
    /// What the invitee wrote when declining.
    pub message: Option<String>,
    /// The event's workspace page, where someone else can be invited.
    pub workspace_url: String,
}

crate::mail_templates! {
    DeclineNotice;
    InvitationDeclined => DeclinedSubject "mail/invitation_declined/subject.txt", DeclinedText "mail/invitation_declined/body.txt", DeclinedHtml "mail/invitation_declined/body.html";
}

/// Tells the organizers' mailbox (`mail.organizer_address`) that an invitee declined:
/// who, in which role, for which session and event, what they wrote, and the link to the
/// event's workspace.
pub async fn queue_declined(
    conn: &impl MailQueue,
    settings: &Settings,
    invitation: &invitation::Model,
    message: Option<String>,
) -> AppResult<()> {
    let address = settings.mail.organizer_address.trim();
    if address.is_empty() {
        return Ok(());
    }
    let event = event_store::event(conn, &SeriesRef::Id(invitation.event_id))
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let person = directory_store::person(conn, invitation.person_id)
        .await?
        .ok_or(AppError::NotFound("person"))?;
    let session = match invitation.session_id {
        Some(id) => event_store::session(conn, id).await?,
        None => None,
    };
    let notice = DeclineNotice {
        organizer_name: settings.mail.organizer_name.clone(),
        person_name: directory::display_name(
            person.honorific.as_deref(),
            &person.given_name,
            &person.family_name,
        ),
        person_email: person.email.clone(),
        role: invitation.role.map(|r| r.label().to_string()),
        session_title: session.as_ref().map(|s| s.title.clone()),
        session_when: session
            .as_ref()
            .map(|s| views::moment(event.timezone, s.starts_at)),
        event_title: event.title.clone(),
        event_dates: views::date_range(event.starts_on, event.ends_on),
        message,
        workspace_url: format!("{}/organize/events/{}", settings.public_url(), event.slug),
    };
    let (subject, text, html) = render(MailKind::InvitationDeclined, &notice).map_err(rendering)?;
    outbox::enqueue(
        conn,
        Envelope {
            kind: MailKind::InvitationDeclined,
            recipient_email: address.to_string(),
            recipient_name: settings.mail.organizer_name.clone(),
            subject,
            text,
            html,
            calendar: None,
            event_id: Some(event.id),
            session_id: invitation.session_id,
            person_id: None,
            coalesce_key: None,
            delay: Duration::zero(),
        },
    )
    .await?;
    Ok(())
}
