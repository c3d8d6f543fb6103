//! Notices of changes to sessions and events, written to the outbox inside the
//! transaction of the change: a session moved, a session or an event cancelled, to the
//! participants invited or accepted, the people invited to the event and its active
//! registrants. Updates wait a quiet period and replace each other while queued, so
//! several edits give one notice per person; cancellations leave at once and replace any
//! pending update. The recipients, views and calendars built here also serve the
//! invitations' own mail.

use crate::db::MailQueue;
use chrono::Duration;
use sea_orm::ConnectionTrait;

use super::{InvitationStatus, ParticipantRole, store as event_store, views};
use crate::calendar::{self, Attendee, Method};
use crate::config::Settings;
use crate::directory::{self, store as directory_store};
use crate::entities::{event, person, session};
use crate::error::{AppError, AppResult};
use crate::invitations::{InvitationState, store};
use crate::mail::messages::{self, MailView, Rendered, SessionView};
use crate::mail::{Envelope, MailKind, outbox};

/// Who a message goes to.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub person_id: i32,
    pub name: String,
    pub email: String,
    /// Their role in the session, when the message is about one.
    pub role: Option<ParticipantRole>,
    /// iCalendar PARTSTAT: NEEDS-ACTION, ACCEPTED or DECLINED.
    pub partstat: &'static str,
    /// The language their mail goes out in: a person's own, a registrant's form's.
    pub lang: crate::i18n::Language,
}

impl Recipient {
    pub fn of(
        person: &person::Model,
        role: Option<ParticipantRole>,
        partstat: &'static str,
    ) -> Option<Self> {
        let email = person.email.clone()?;
        Some(Self {
            person_id: person.id,
            name: directory::display_name(
                person.honorific.as_deref(),
                &person.given_name,
                &person.family_name,
            ),
            email,
            role,
            partstat,
            lang: person.language.unwrap_or_default(),
        })
    }
}

/// The parts of a message that do not depend on its kind.
pub struct Draft<'a> {
    pub event: &'a event::Model,
    pub session: Option<&'a session::Model>,
    pub recipient: &'a Recipient,
    pub message: Option<String>,
    /// The invitation link (accept and decline links derive from it).
    pub invitation_url: Option<String>,
}

pub async fn view(
    conn: &impl ConnectionTrait,
    settings: &Settings,
    draft: &Draft<'_>,
) -> AppResult<MailView> {
    let zone = draft.event.timezone;
    let base = settings.public_url();
    let session = match draft.session {
        Some(s) => {
            let line = views::session_line(
                &crate::events::read::session_views(conn, vec![s.clone()], zone)
                    .await?
                    .pop()
                    .ok_or(AppError::NotFound("session"))?,
                zone,
            );
            Some(SessionView {
                title: s.title.clone(),
                when: format!("{}, {} ({})", line.date, line.time, zone.name()),
                room: s.room.clone(),
                role: draft.recipient.role.map(|r| r.label().to_string()),
                url: format!("{base}/sessions/{}", s.id),
            })
        }
        None => None,
    };
    let link = draft
        .invitation_url
        .clone()
        .unwrap_or_else(|| format!("{base}/events/{}", draft.event.slug));
    Ok(MailView {
        greeting_name: draft.recipient.name.clone(),
        event_title: draft.event.title.clone(),
        event_dates: views::date_range(draft.event.starts_on, draft.event.ends_on),
        event_place: views::place(draft.event.city.as_deref(), draft.event.country.as_deref()),
        event_url: format!("{base}/events/{}", draft.event.slug),
        session,
        message: draft.message.clone(),
        accept_url: format!("{link}?answer=accept"),
        decline_url: format!("{link}?answer=decline"),
        invitation_url: link.clone(),
        organizer_name: settings.mail.organizer_name.clone(),
        lang: crate::i18n::Language::En,
    })
}

/// The view of a mail for its recipient, in their language ([`Recipient::lang`]).
pub async fn view_for_recipient(
    conn: &impl ConnectionTrait,
    settings: &Settings,
    draft: &Draft<'_>,
) -> AppResult<MailView> {
    let mut view = view(conn, settings, draft).await?;
    in_language(&mut view, draft, draft.recipient.lang);
    Ok(view)
}

/// Rewrites `view` for a reader of `lang`: the event's title, dates and place, and the
/// session's title, time and the recipient's role, as that language says them.
pub fn in_language(view: &mut MailView, draft: &Draft<'_>, lang: crate::i18n::Language) {
    use crate::i18n::content::Translations;
    let event = draft.event;
    view.lang = lang;
    view.event_title = event.title_in(lang);
    view.event_dates = crate::i18n::dates::range(lang, event.starts_on, event.ends_on);
    // The country named in their language ("Brussels, Bélgica").
    view.event_place = views::place_in(lang, event.city.as_deref(), event.country.as_deref());
    if let (Some(s), Some(shown)) = (draft.session, view.session.as_mut()) {
        shown.title = Translations::stored(s.translations.as_deref())
            .pick(event.language, lang, "title", &s.title)
            .text;
        if lang != crate::i18n::Language::En {
            let zone = event.timezone;
            let (start, end) = (zone.local(s.starts_at), zone.local(s.ends_at));
            shown.when = format!(
                "{}, {}–{} ({})",
                crate::i18n::dates::with_weekday(lang, start.date_naive()),
                start.format("%H:%M"),
                end.format("%H:%M"),
                zone.name()
            );
        }
        shown.role = draft
            .recipient
            .role
            .map(|r| crate::i18n::role(lang, r.as_str(), 1));
    }
}

/// The iTIP calendar of a message: the sessions, with the organizers' address as
/// ORGANIZER and the recipient as ATTENDEE, and the invitation link in each event.
pub async fn itip(
    conn: &impl ConnectionTrait,
    settings: &Settings,
    sessions: &[session::Model],
    recipient: &Recipient,
    method: Method,
    link: Option<&str>,
) -> AppResult<String> {
    itip_in(conn, settings, sessions, recipient, method, link, None).await
}

/// [`itip`] for a recipient reading `lang`: the sessions' texts as translated into it,
/// marked with their language.
pub async fn itip_in(
    conn: &impl ConnectionTrait,
    settings: &Settings,
    sessions: &[session::Model],
    recipient: &Recipient,
    method: Method,
    link: Option<&str>,
    lang: Option<crate::i18n::Language>,
) -> AppResult<String> {
    let mut items =
        calendar::session_events_in(conn, settings.public_url(), sessions, lang).await?;
    for item in &mut items {
        // Each message is a new revision for the calendar client.
        item.stamp = chrono::Utc::now();
        item.organizer = Some((
            settings.mail.organizer_name.clone(),
            settings.mail.organizer_address.clone(),
        ));
        item.attendees = vec![Attendee {
            name: recipient.name.clone(),
            email: recipient.email.clone(),
            role: recipient.role,
            partstat: recipient.partstat.to_string(),
            rsvp: matches!(method, Method::Request),
        }];
        if let Some(link) = link {
            let answer = crate::i18n::t(lang.unwrap_or_default(), "inv-accept-or-decline");
            item.description = format!("{}\n\n{answer} {link}", item.description);
        }
        if matches!(method, Method::Cancel) {
            item.status = calendar::Status::Cancelled;
        }
    }
    let name = sessions.first().map_or("Roundtable", |s| s.title.as_str());
    Ok(calendar::calendar(name, method, &items))
}

pub fn envelope(
    kind: MailKind,
    draft: &Draft<'_>,
    rendered: Rendered,
    calendar: Option<(Method, String)>,
    key: Option<String>,
    delay: Duration,
) -> Envelope {
    Envelope {
        kind,
        recipient_email: draft.recipient.email.clone(),
        recipient_name: draft.recipient.name.clone(),
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        calendar,
        event_id: Some(draft.event.id),
        session_id: draft.session.map(|s| s.id),
        person_id: Some(draft.recipient.person_id),
        coalesce_key: key,
        delay,
    }
}

pub fn rendering(err: askama::Error) -> AppError {
    AppError::Internal(anyhow::anyhow!("mail template: {err}"))
}

/// The key under which messages about one session to one person replace each other.
pub fn session_key(session_id: i32, person_id: i32) -> String {
    format!("session:{session_id}:person:{person_id}")
}

/// Everyone invited to or accepted for a session, who has an email address.
async fn told_about(conn: &impl ConnectionTrait, session_id: i32) -> AppResult<Vec<Recipient>> {
    let rows = event_store::participants(conn, &[session_id]).await?;
    let people = directory_store::people_by_id(conn, rows.iter().map(|r| r.person_id)).await?;
    Ok(rows
        .iter()
        .filter(|r| {
            r.invitation_status == InvitationStatus::Invited
                || r.invitation_status == InvitationStatus::Accepted
        })
        .filter_map(|r| {
            Recipient::of(
                people.get(&r.person_id)?,
                Some(r.role),
                r.invitation_status.partstat(),
            )
        })
        .collect())
}

/// A session moved (time or room): an update with the raised SEQUENCE to everyone told
/// about it, after the quiet period, replacing any update still queued.
pub async fn session_moved(
    conn: &impl MailQueue,
    settings: &Settings,
    session: &session::Model,
    event: &event::Model,
) -> AppResult<usize> {
    let recipients = told_about(conn, session.id).await?;
    let delay = Duration::seconds(settings.mail.quiet_period_seconds.max(0));
    for recipient in &recipients {
        let draft = Draft {
            event,
            session: Some(session),
            recipient,
            message: None,
            invitation_url: None,
        };
        let view = view_for_recipient(conn, settings, &draft).await?;
        let rendered = messages::session_update(&view).map_err(rendering)?;
        let ics = itip_in(
            conn,
            settings,
            std::slice::from_ref(session),
            recipient,
            Method::Request,
            None,
            Some(recipient.lang),
        )
        .await?;
        let key = Some(session_key(session.id, recipient.person_id));
        outbox::enqueue(
            conn,
            envelope(
                MailKind::SessionUpdate,
                &draft,
                rendered,
                Some((Method::Request, ics)),
                key,
                delay,
            ),
        )
        .await?;
    }
    let registrants = tell_registrants(
        conn,
        settings,
        event,
        Some(session),
        MailKind::SessionUpdate,
        delay,
    )
    .await?;
    Ok(recipients.len() + registrants)
}

/// A session about to be deleted: a CANCEL to everyone told about it, at once. Call it
/// before the session is deleted.
pub async fn session_cancelled(
    conn: &impl MailQueue,
    settings: &Settings,
    session: &session::Model,
    event: &event::Model,
) -> AppResult<usize> {
    let recipients = told_about(conn, session.id).await?;
    for recipient in &recipients {
        let draft = Draft {
            event,
            session: Some(session),
            recipient,
            message: None,
            invitation_url: None,
        };
        let view = view_for_recipient(conn, settings, &draft).await?;
        let rendered = messages::session_cancelled(&view).map_err(rendering)?;
        let mut cancelled = session.clone();
        cancelled.sequence += 1;
        let ics = itip_in(
            conn,
            settings,
            std::slice::from_ref(&cancelled),
            recipient,
            Method::Cancel,
            None,
            Some(recipient.lang),
        )
        .await?;
        let key = Some(session_key(session.id, recipient.person_id));
        outbox::enqueue(
            conn,
            envelope(
                MailKind::SessionCancelled,
                &draft,
                rendered,
                Some((Method::Cancel, ics)),
                key,
                Duration::zero(),
            ),
        )
        .await?;
    }
    let registrants = tell_registrants(
        conn,
        settings,
        event,
        Some(session),
        MailKind::SessionCancelled,
        Duration::zero(),
    )
    .await?;
    Ok(recipients.len() + registrants)
}

/// An event cancelled: one message per person invited to it or to any of its sessions,
/// with a CANCEL of all their sessions; pending updates of those sessions are dropped.
/// Call it after the sessions' SEQUENCE was raised, in the same transaction.
pub async fn event_cancelled(
    conn: &impl MailQueue,
    settings: &Settings,
    event: &event::Model,
) -> AppResult<usize> {
    let (sessions, _) = event_store::sessions_of_event(conn, event.id, None).await?;
    let mut by_person: std::collections::BTreeMap<i32, (Recipient, Vec<session::Model>)> =
        std::collections::BTreeMap::new();
    let mut stale_keys = Vec::new();
    for s in &sessions {
        for recipient in told_about(conn, s.id).await? {
            stale_keys.push(session_key(s.id, recipient.person_id));
            by_person
                .entry(recipient.person_id)
                .or_insert_with(|| (recipient.clone(), Vec::new()))
                .1
                .push(s.clone());
        }
    }
    // People invited to the event itself, with no session.
    let invitations = store::of_event(conn, event.id).await?;
    let event_level: Vec<_> = invitations
        .iter()
        .filter(|i| i.session_id.is_none() && i.status != InvitationState::Declined)
        .collect();
    let people =
        directory_store::people_by_id(conn, event_level.iter().map(|i| i.person_id)).await?;
    for invitation in event_level {
        if let Some(recipient) = people
            .get(&invitation.person_id)
            .and_then(|p| Recipient::of(p, None, invitation.status.partstat()))
        {
            by_person
                .entry(recipient.person_id)
                .or_insert_with(|| (recipient, Vec::new()));
        }
    }
    // Pending session updates of registrants are superseded by the cancellation too.
    for (registration_id, _) in registrants(conn, event.id).await? {
        for s in &sessions {
            stale_keys.push(registrant_session_key(s.id, registration_id));
        }
    }
    outbox::drop_queued(conn, &stale_keys).await?;
    for (recipient, their_sessions) in by_person.values().cloned() {
        let draft = Draft {
            event,
            session: None,
            recipient: &recipient,
            message: None,
            invitation_url: None,
        };
        let view = view_for_recipient(conn, settings, &draft).await?;
        let rendered = messages::event_cancelled(&view).map_err(rendering)?;
        // The sessions' SEQUENCE was raised with the cancellation (see
        // `events::service::set_status`): the CANCEL carries that same revision.
        let calendar = if their_sessions.is_empty() {
            None
        } else {
            Some((
                Method::Cancel,
                itip_in(
                    conn,
                    settings,
                    &their_sessions,
                    &recipient,
                    Method::Cancel,
                    None,
                    Some(recipient.lang),
                )
                .await?,
            ))
        };
        let key = Some(format!("event:{}:person:{}", event.id, recipient.person_id));
        outbox::enqueue(
            conn,
            envelope(
                MailKind::EventCancelled,
                &draft,
                rendered,
                calendar,
                key,
                Duration::zero(),
            ),
        )
        .await?;
    }
    let registrants = tell_registrants(
        conn,
        settings,
        event,
        None,
        MailKind::EventCancelled,
        Duration::zero(),
    )
    .await?;
    Ok(by_person.len() + registrants)
}

/// The active registrants of an event as recipients, each with their registration id.
/// They are not directory people: their messages carry no person.
/// Drops the notices of a session still queued for the event's registrants (the session
/// was closed: they are no longer to hear of it).
pub async fn withdraw_from_registrants(
    conn: &impl ConnectionTrait,
    event_id: i32,
    session_id: i32,
) -> AppResult<u64> {
    let keys: Vec<String> = registrants(conn, event_id)
        .await?
        .iter()
        .map(|(registration_id, _)| registrant_session_key(session_id, *registration_id))
        .collect();
    Ok(outbox::drop_queued(conn, &keys).await?)
}

async fn registrants(
    conn: &impl ConnectionTrait,
    event_id: i32,
) -> AppResult<Vec<(i32, Recipient)>> {
    let rows = crate::registrations::store::active_registrants(conn, event_id).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let recipient = Recipient {
                person_id: 0,
                name: format!("{} {}", r.given_name, r.family_name),
                email: r.email,
                role: None,
                partstat: "NEEDS-ACTION",
                lang: r.language.unwrap_or_default(),
            };
            (r.id, recipient)
        })
        .collect())
}

/// The key under which messages about one session to one registrant replace each other.
pub fn registrant_session_key(session_id: i32, registration_id: i32) -> String {
    format!("session:{session_id}:registration:{registration_id}")
}

/// A calendar for registrants (who got the programme, not an invitation): PUBLISH, the
/// same UIDs and sequences, cancelled sessions marked so.
async fn published(
    conn: &impl ConnectionTrait,
    settings: &Settings,
    sessions: &[session::Model],
    cancelled: bool,
) -> AppResult<String> {
    let mut items = calendar::session_events(conn, settings.public_url(), sessions).await?;
    for item in &mut items {
        item.stamp = chrono::Utc::now();
        item.organizer = Some((
            settings.mail.organizer_name.clone(),
            settings.mail.organizer_address.clone(),
        ));
        if cancelled {
            item.status = calendar::Status::Cancelled;
        }
    }
    let name = sessions.first().map_or("Roundtable", |s| s.title.as_str());
    Ok(calendar::calendar(name, Method::Publish, &items))
}

/// Tells every registrant of the event about a session (moved, or cancelled) or the
/// whole event (cancelled).
async fn tell_registrants(
    conn: &impl MailQueue,
    settings: &Settings,
    event: &event::Model,
    session: Option<&session::Model>,
    kind: MailKind,
    delay: Duration,
) -> AppResult<usize> {
    // Registrants know nothing of closed sessions.
    if session.is_some_and(|s| !s.confidentiality.is_listed()) {
        return Ok(0);
    }
    let all_sessions = match session {
        Some(s) => vec![s.clone()],
        None => {
            event_store::sessions_seen(conn, event.id, None, false)
                .await?
                .0
        }
    };
    let cancelled = kind != MailKind::SessionUpdate;
    let ics = if all_sessions.is_empty() {
        None
    } else {
        Some((
            Method::Publish,
            published(conn, settings, &all_sessions, cancelled).await?,
        ))
    };
    let registrants = registrants(conn, event.id).await?;
    for (registration_id, recipient) in &registrants {
        let draft = Draft {
            event,
            session,
            recipient,
            message: None,
            invitation_url: None,
        };
        let view = view_for_recipient(conn, settings, &draft).await?;
        let rendered = match kind {
            MailKind::SessionUpdate => messages::session_update(&view),
            MailKind::SessionCancelled => messages::session_cancelled(&view),
            _ => messages::event_cancelled(&view),
        }
        .map_err(rendering)?;
        let key = match session {
            Some(s) => registrant_session_key(s.id, *registration_id),
            None => format!("event:{}:registration:{registration_id}", event.id),
        };
        let mut message = envelope(kind, &draft, rendered, ics.clone(), Some(key), delay);
        message.person_id = None;
        outbox::enqueue(conn, message).await?;
    }
    Ok(registrants.len())
}
