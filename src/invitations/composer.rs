//! The invitation composer, `/organize/events/{event}/invitations/new`: an organizer
//! chooses whom to invite (a session's people, each in their role, with `?session_id=`;
//! or people of the directory to the event), sees who was invited before and what they
//! answered, writes a message, previews the mail each recipient will get (rendered by
//! the code that sends it, `service::preview`), and only then sends. Nothing is queued
//! until "Send"; a refused request comes back with what was typed.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;

use super::{InvitationState, InviteRequest, PreviewMessage, Skipped, service, store};
use crate::app::AppState;
use crate::directory::{self, store as directory_store};
use crate::domain::TimeZone;
use crate::entities::{event, invitation, session};
use crate::error::{AppError, AppResult, FieldError};
use crate::events::views::{self, EventCard};
use crate::events::{ParticipantRole, SeriesRef};
use crate::i18n::Language;
use crate::web::pages::{
    Ctx, FormData, PagePath, PageResult, Workspace, error_with, redirect_with_flash, render,
};
use crate::web::{ListQuery, Pagination};

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/organize/events/{event}/invitations/new",
        get(compose).post(submit),
    )
}

/// How many people of the directory the event's composer lists at once.
const PEOPLE_SHOWN: u64 = 100;

#[derive(Template)]
#[template(path = "invitations/composer.html")]
struct ComposerPage {
    ctx: Ctx,
    event: EventCard,
    /// The form's address (and the search's, for people invited to the event).
    action: String,
    workspace_url: String,
    /// The session whose people are invited; none when people are invited to the event.
    session: Option<SessionHeading>,
    /// The event's sessions with people, to invite each one's people in their roles.
    sessions: Vec<SessionChoice>,
    recipients: Vec<RecipientRow>,
    /// The search of the directory (people invited to the event).
    q: String,
    /// People of the directory matching the search and not listed.
    unlisted: u64,
    /// The subjects the mails will have (one per role of a session).
    subjects: Vec<String>,
    message: String,
    /// How many boxes are ticked.
    ticked: usize,
    message_error: Option<String>,
    recipients_error: Option<String>,
    /// What stopped the request, in words, for the box at the top.
    errors: Vec<String>,
    /// The mails as their recipients will get them, after "Preview".
    previews: Vec<PreviewView>,
    /// Those a preview left out, and why.
    left_out: Vec<String>,
}

impl ComposerPage {
    fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    fn send_label(&self) -> String {
        self.ctx.count("inv-compose-send", self.ticked)
    }

    /// "3 more match: narrow the search to see them."
    fn unlisted_note(&self) -> String {
        crate::i18n::t_args(
            self.ctx.lang,
            "inv-compose-unlisted",
            &[("count", self.unlisted.into())],
        )
    }
}

struct SessionHeading {
    id: i32,
    title: String,
    /// "Wednesday 3 June 2037, 14:00–16:00 (Europe/Brussels)".
    when: String,
    room: Option<String>,
}

struct SessionChoice {
    title: String,
    when: String,
    people: usize,
    url: String,
}

/// Someone the organizer may invite, with what happened to their invitation so far.
struct RecipientRow {
    /// The box's value: "12:chair" for a session's participant, "12" for a person.
    value: String,
    /// The box's id.
    id: String,
    /// "Mr Gareth EVANS, President, International Crisis Group".
    name: String,
    /// Their role in the session, in the page's language.
    role: Option<String>,
    email: Option<String>,
    /// `not_invited`, `invited`, `accepted`, `declined`: the badge's tone.
    state: &'static str,
    state_label: String,
    /// "Invited Wednesday 3 June 2037, 10:00 (CEST), no answer yet".
    history: Option<String>,
    /// Why there is no box to tick, when there is none.
    why_not: Option<String>,
    checked: bool,
}

/// A mail of the preview.
struct PreviewView {
    to: String,
    /// The recipient's role, lowercased in the page's language.
    role: Option<String>,
    subject: String,
    text: String,
    html: String,
    attachments: Vec<String>,
}

impl PreviewView {
    fn new(m: PreviewMessage, lang: Language) -> Self {
        Self {
            to: m.to,
            role: m
                .role
                .map(|r| crate::i18n::role_in_sentence(lang, r.as_str())),
            subject: m.subject,
            text: m.text,
            html: m.html,
            attachments: m
                .attachments
                .into_iter()
                .map(|a| format!("{} ({})", a.filename, a.content_type))
                .collect(),
        }
    }
}

/// Why someone was not (re)invited, in `lang`: the service's reasons ("has no email
/// address", "already answered: accepted") where known.
fn reason_in(lang: Language, reason: &str) -> String {
    if lang == Language::En {
        return reason.to_string();
    }
    if reason == "has no email address" {
        return crate::i18n::t(lang, "inv-reason-no-email");
    }
    if let Some(status) = reason.strip_prefix("already answered: ") {
        let status = crate::i18n::term(lang, "invitation-status", status.trim()).to_lowercase();
        return crate::i18n::t_texts(lang, "inv-reason-answered", &[("status", &status)]);
    }
    reason.to_string()
}

/// What an invitation request did, in `lang`, for the workspace's confirmation: "2
/// invitations are on their way: Mr Gareth EVANS (chair), Ms Corlett LETLOJANE (speaker).
/// Not sent to Ms Ana NÚÑEZ: has no email address."
pub fn summary_in(lang: Language, outcome: &super::InviteOutcome) -> String {
    let names = outcome
        .items
        .iter()
        .map(|i| match i.role {
            Some(role) => format!(
                "{} ({})",
                i.display_name,
                crate::i18n::role_in_sentence(lang, role.as_str())
            ),
            None => i.display_name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut text = if outcome.items.is_empty() {
        crate::i18n::t(lang, "inv-flash-none")
    } else {
        crate::i18n::t_args(
            lang,
            "inv-flash-sent",
            &[
                ("count", outcome.items.len().into()),
                ("names", names.into()),
            ],
        )
    };
    for skipped in &outcome.skipped {
        text.push(' ');
        text.push_str(&crate::i18n::t_texts(
            lang,
            "inv-flash-not-sent",
            &[
                ("name", &skipped.display_name),
                ("reason", &reason_in(lang, &skipped.reason)),
            ],
        ));
    }
    text
}

/// A ticked participant: a person and their role in the session.
type Selected = (i32, Option<ParticipantRole>);

/// What the organizer chose and typed.
#[derive(Default)]
struct Choice {
    session_id: Option<i32>,
    /// The ticked boxes; `None` on opening, when those never invited are ticked.
    ticked: Option<Vec<String>>,
    message: String,
    q: String,
}

impl Choice {
    /// The request the ticked boxes make, and the participants it is limited to.
    fn request(&self) -> (InviteRequest, Option<Vec<Selected>>) {
        let ticked = self.ticked.as_deref().unwrap_or_default();
        let message = Some(self.message.clone()).filter(|m| !m.trim().is_empty());
        match self.session_id {
            Some(session_id) => {
                let only = ticked
                    .iter()
                    .filter_map(|value| {
                        let (person, role) = value.split_once(':')?;
                        Some((person.parse().ok()?, Some(role.parse().ok()?)))
                    })
                    .collect();
                let request = InviteRequest {
                    person_ids: None,
                    session_id: Some(session_id),
                    message,
                };
                (request, Some(only))
            }
            None => {
                let request = InviteRequest {
                    person_ids: Some(ticked.iter().filter_map(|v| v.parse().ok()).collect()),
                    session_id: None,
                    message,
                };
                (request, None)
            }
        }
    }
}

/// The composer, opened from the workspace: those never invited are ticked, and the
/// subject their mails will have is shown.
async fn compose(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(reference): PagePath<String>,
    query: ListQuery,
) -> PageResult {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let session_id = match query.get("session_id") {
        Some(id) => Some(crate::web::parse_id(id, "session")?),
        None => None,
    };
    let choice = Choice {
        session_id,
        ticked: None,
        message: String::new(),
        q: query.get("q").unwrap_or_default().to_string(),
    };
    let mut page = page(&state, ws.ctx, &event, &choice).await?;
    if page.ticked > 0 {
        let ticked = page
            .recipients
            .iter()
            .filter(|r| r.checked)
            .map(|r| r.value.clone())
            .collect();
        let with_ticks = Choice {
            ticked: Some(ticked),
            ..choice
        };
        let (request, only) = with_ticks.request();
        match service::preview(
            &state.db,
            &state.settings,
            &SeriesRef::Id(event.id),
            request,
            only.as_deref(),
        )
        .await
        {
            Ok(preview) => page.subjects = subjects(&preview.messages),
            Err(AppError::Invalid(_)) => {}
            Err(err) => return Err(err.into()),
        }
    }
    Ok(render(&page))
}

/// "Preview" shows the mails on the page and queues nothing; "Send" invites and goes
/// back to the workspace with how many were sent. A refusal shows the page again.
async fn submit(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(reference): PagePath<String>,
    form: FormData,
) -> PageResult {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let session_id = match form.get("session_id") {
        Some(id) => Some(crate::web::parse_id(&id, "session")?),
        None => None,
    };
    let ticked_field = if session_id.is_some() {
        "include"
    } else {
        "person_ids"
    };
    let choice = Choice {
        session_id,
        ticked: Some(form.all(ticked_field)),
        message: form.get("message").unwrap_or_default(),
        q: form.get("q").unwrap_or_default(),
    };
    let sending = form.get("action").as_deref() == Some("send");
    let (request, only) = choice.request();
    let nobody = match &only {
        Some(only) => only.is_empty(),
        None => request.person_ids.as_ref().is_none_or(Vec::is_empty),
    };
    let lang = ws.ctx.lang;
    let outcome = if nobody {
        Err(AppError::invalid(
            "recipients",
            crate::i18n::t(lang, "inv-compose-tick-one"),
        ))
    } else if sending {
        match service::invite_selected(
            &state.db,
            &state.settings,
            &ws.actor,
            &SeriesRef::Id(event.id),
            request,
            only.as_deref(),
        )
        .await
        {
            Ok(outcome) => {
                return Ok(redirect_with_flash(
                    &format!("/organize/events/{}", event.slug),
                    &summary_in(lang, &outcome),
                ));
            }
            Err(err) => Err(err),
        }
    } else {
        service::preview(
            &state.db,
            &state.settings,
            &SeriesRef::Id(event.id),
            request,
            only.as_deref(),
        )
        .await
    };
    let mut page = match page(&state, ws.ctx.clone(), &event, &choice).await {
        Ok(page) => page,
        Err(err) => return Ok(error_with(ws.ctx, err)),
    };
    match outcome {
        Ok(preview) => {
            page.subjects = subjects(&preview.messages);
            page.left_out = left_out(lang, &preview.skipped);
            page.previews = preview
                .messages
                .into_iter()
                .map(|m| PreviewView::new(m, lang))
                .collect();
            Ok(render(&page))
        }
        Err(AppError::Invalid(errors)) => {
            refused(&mut page, errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

/// Shows a refusal beside the fields it is about, and in words at the top.
fn refused(page: &mut ComposerPage, errors: Vec<FieldError>) {
    let lang = page.ctx.lang;
    let names: HashMap<i32, &str> = page
        .recipients
        .iter()
        .filter_map(|r| Some((r.value.split(':').next()?.parse().ok()?, r.name.as_str())))
        .collect();
    for error in errors {
        // "person 12 already answered: accepted" names the person.
        let mut text = error.message.clone();
        if let Some(rest) = text.strip_prefix("person ")
            && let Some((id, why)) = rest.split_once(' ')
            && let Some(name) = id.parse::<i32>().ok().and_then(|id| names.get(&id))
        {
            text = format!("{name} {}", reason_in(lang, why));
        }
        if error.field == "message" {
            // "Your message must be at most 5000 characters (it has 5025)."
            let length = page.message.chars().count();
            let why = crate::i18n::fields::message(lang, &text);
            let text = if text.starts_with("must be at most") {
                crate::i18n::t_args(
                    lang,
                    "inv-compose-message-too-long",
                    &[("why", why.into()), ("length", length.into())],
                )
            } else {
                crate::i18n::t_texts(lang, "inv-compose-message-error", &[("why", &why)])
            };
            page.errors.push(text.clone());
            page.message_error = Some(text);
        } else {
            let text = capitalize(&text);
            page.errors.push(text.clone());
            page.recipients_error.get_or_insert(text);
        }
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The subjects of the mails, each once, in order.
fn subjects(messages: &[PreviewMessage]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in messages {
        if !out.contains(&m.subject) {
            out.push(m.subject.clone());
        }
    }
    out
}

fn left_out(lang: Language, skipped: &[Skipped]) -> Vec<String> {
    skipped
        .iter()
        .map(|s| format!("{}: {}", s.display_name, reason_in(lang, &s.reason)))
        .collect()
}

/// The page for what was chosen, without preview or refusal.
async fn page(
    state: &AppState,
    ctx: Ctx,
    event: &event::Model,
    choice: &Choice,
) -> AppResult<ComposerPage> {
    let conn = state.db.conn();
    let zone = event.timezone;
    let lang = ctx.lang;
    let invitations = store::of_event(conn, event.id).await?;
    let ticked = choice.ticked.as_deref();
    let (session, sessions, recipients, unlisted) = match choice.session_id {
        Some(id) => {
            let session = crate::events::store::session(conn, id)
                .await?
                .filter(|s| s.event_id == event.id)
                .ok_or(AppError::NotFound("session"))?;
            let (heading, rows) =
                session_rows(state, lang, event, &session, &invitations, ticked).await?;
            (Some(heading), Vec::new(), rows, 0)
        }
        None => {
            let sessions = session_choices(state, lang, event).await?;
            let (rows, unlisted) = people_rows(state, lang, zone, &invitations, choice).await?;
            (None, sessions, rows, unlisted)
        }
    };
    let card = crate::events::read::event_views(&state.db, vec![event.clone()])
        .await?
        .pop()
        .ok_or(AppError::NotFound("event"))?;
    Ok(ComposerPage {
        ctx,
        event: EventCard::in_workspace(&card, lang),
        action: format!("/organize/events/{}/invitations/new", event.slug),
        workspace_url: format!("/organize/events/{}", event.slug),
        session,
        sessions,
        ticked: recipients.iter().filter(|r| r.checked).count(),
        recipients,
        q: choice.q.clone(),
        unlisted,
        subjects: Vec::new(),
        message: choice.message.clone(),
        message_error: None,
        recipients_error: None,
        errors: Vec::new(),
        previews: Vec::new(),
        left_out: Vec::new(),
    })
}

/// A session's people, each in their role, with their invitation to it.
async fn session_rows(
    state: &AppState,
    lang: Language,
    event: &event::Model,
    session: &session::Model,
    invitations: &[invitation::Model],
    ticked: Option<&[String]>,
) -> AppResult<(SessionHeading, Vec<RecipientRow>)> {
    let conn = state.db.conn();
    let zone = event.timezone;
    let out = crate::events::read::session_views(conn, vec![session.clone()], zone)
        .await?
        .pop()
        .ok_or(AppError::NotFound("session"))?;
    let line = views::session_line(&out, zone);
    let people =
        directory_store::people_by_id(conn, out.participants.iter().map(|p| p.person_id)).await?;
    let rows = out
        .participants
        .iter()
        .map(|p| {
            let invitation = invitations.iter().find(|i| {
                i.session_id == Some(session.id)
                    && i.person_id == p.person_id
                    && i.role == Some(p.role)
            });
            row(
                lang,
                format!("{}:{}", p.person_id, p.role.as_str()),
                views::protocol_line(p),
                Some(crate::i18n::role(lang, p.role.as_str(), 1)),
                people.get(&p.person_id).and_then(|x| x.email.clone()),
                invitation,
                zone,
                ticked,
            )
        })
        .collect();
    let heading = SessionHeading {
        id: session.id,
        title: session.title.clone(),
        when: format!(
            "{}, {} ({})",
            day_in(lang, &out, zone, line.date),
            line.time,
            zone.name()
        ),
        room: session.room.clone(),
    };
    Ok((heading, rows))
}

/// The day a session takes place, as `lang` writes it ("Wednesday 3 June 2037",
/// "mercredi 3 juin 2037"); `english` is the line's own.
fn day_in(
    lang: Language,
    s: &crate::events::SessionOut,
    zone: TimeZone,
    english: String,
) -> String {
    match views::local_day(s, zone) {
        Some(day) if lang != Language::En => crate::i18n::dates::with_weekday(lang, day),
        _ => english,
    }
}

/// The event's sessions that have people, each a link to its own composer.
async fn session_choices(
    state: &AppState,
    lang: Language,
    event: &event::Model,
) -> AppResult<Vec<SessionChoice>> {
    let conn = state.db.conn();
    let (sessions, _) = crate::events::store::sessions_of_event(conn, event.id, None).await?;
    let outs = crate::events::read::session_views(conn, sessions, event.timezone).await?;
    Ok(outs
        .iter()
        .filter(|s| !s.participants.is_empty())
        .map(|s| {
            let line = views::session_line(s, event.timezone);
            SessionChoice {
                title: line.title,
                when: format!(
                    "{}, {}",
                    day_in(lang, s, event.timezone, line.date),
                    line.time
                ),
                people: s.participants.len(),
                url: format!(
                    "/organize/events/{}/invitations/new?session_id={}",
                    event.slug, s.id
                ),
            }
        })
        .collect())
}

/// People of the directory to invite to the event: those ticked, then those the search
/// finds (everyone, without a search), with their invitation to the event.
async fn people_rows(
    state: &AppState,
    lang: Language,
    zone: TimeZone,
    invitations: &[invitation::Model],
    choice: &Choice,
) -> AppResult<(Vec<RecipientRow>, u64)> {
    let conn = state.db.conn();
    // Nobody is ticked on opening: the directory is not a list of invitees.
    let ticked: &[String] = choice.ticked.as_deref().unwrap_or_default();
    let ticked_ids: Vec<i32> = ticked.iter().filter_map(|v| v.parse().ok()).collect();
    let filter = directory_store::PersonFilter {
        q: Some(choice.q.clone()).filter(|q| !q.trim().is_empty()),
        organization_id: None,
    };
    let (found, total) = directory_store::list_people(
        conn,
        &filter,
        Pagination {
            limit: PEOPLE_SHOWN,
            offset: 0,
        },
    )
    .await?;
    let unlisted = total.saturating_sub(found.len() as u64);
    let chosen = directory_store::people_by_id(conn, ticked_ids.iter().copied()).await?;
    let mut people: Vec<_> = ticked_ids
        .iter()
        .filter_map(|id| chosen.get(id).cloned())
        .collect();
    for person in found {
        if !people.iter().any(|p| p.id == person.id) {
            people.push(person);
        }
    }
    let orgs =
        directory_store::organizations_by_id(conn, people.iter().filter_map(|p| p.organization_id))
            .await?;
    let rows = people
        .iter()
        .map(|person| {
            let organization = person
                .organization_id
                .and_then(|id| orgs.get(&id))
                .map(|o| o.name.as_str());
            let name = views::protocol(
                &directory::display_name(
                    person.honorific.as_deref(),
                    &person.given_name,
                    &person.family_name,
                ),
                &directory::affiliation(person.position.as_deref(), organization),
            );
            let invitation = invitations
                .iter()
                .find(|i| i.session_id.is_none() && i.person_id == person.id);
            row(
                lang,
                person.id.to_string(),
                name,
                None,
                person.email.clone(),
                invitation,
                zone,
                Some(ticked),
            )
        })
        .collect();
    Ok((rows, unlisted))
}

/// One recipient: ticked as chosen, or on opening when never invited; no box when their
/// mail cannot be sent (no address) or should not be (they answered).
#[allow(
    clippy::too_many_arguments,
    reason = "a row is made from all of these, in two places"
)]
fn row(
    lang: Language,
    value: String,
    name: String,
    role: Option<String>,
    email: Option<String>,
    invitation: Option<&invitation::Model>,
    zone: TimeZone,
    ticked: Option<&[String]>,
) -> RecipientRow {
    let t = |id: &str| crate::i18n::t(lang, id);
    let at = |id: &str, when: chrono::DateTime<chrono::Utc>| {
        let when = crate::i18n::dates::moment(lang, zone, when);
        crate::i18n::t_texts(lang, id, &[("when", &when)])
    };
    let (state, state_label, history) = match invitation {
        None => ("not_invited", t("invitation-status-not_invited"), None),
        Some(i) => match i.status {
            InvitationState::Invited => (
                "invited",
                t("inv-compose-invited-no-answer"),
                Some(at("inv-compose-history-invited", i.sent_at)),
            ),
            InvitationState::Accepted => (
                "accepted",
                t("invitation-status-accepted"),
                i.responded_at
                    .map(|when| at("inv-compose-history-accepted", when)),
            ),
            InvitationState::Declined => (
                "declined",
                t("invitation-status-declined"),
                i.responded_at
                    .map(|when| at("inv-compose-history-declined", when)),
            ),
        },
    };
    let answered = invitation.is_some_and(|i| i.status != InvitationState::Invited);
    let why_not = if email.is_none() {
        Some(t("inv-compose-why-no-email"))
    } else if answered {
        Some(t("inv-compose-why-answered"))
    } else {
        None
    };
    let checked = why_not.is_none()
        && match ticked {
            Some(ticked) => ticked.contains(&value),
            None => invitation.is_none(),
        };
    RecipientRow {
        id: format!("r-{}", value.replace(':', "-")),
        value,
        name,
        role,
        email,
        state,
        state_label,
        history,
        why_not,
        checked,
    }
}
