//! The invitation page: what the invitee is asked to do (the session, its time in the
//! event's zone, the room and the venue), with accept and decline buttons. Links in mail
//! only lead here, and answering is a POST, so mail scanners that open links do not
//! answer for anyone. And the workspace's button that reminds those who have not
//! answered (inviting is the composer's, `composer`).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::get;

use super::service;
use crate::app::AppState;
use crate::audit;
use crate::calendar::service::{FeedUrls, rotate_feed_in};
use crate::directory::store as directory_store;
use crate::error::AppError;
use crate::events::views::{self, EventCard};
use crate::events::{SeriesRef, store as event_store};
use crate::web::ListQuery;
use crate::web::pages::{
    Ctx, FormData, PagePath, PageResult, Workspace, error_with, redirect_with_flash, render,
};
use serde_json::json;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/invitations/{token}", get(invitation_page))
        .route("/invitations/{token}/feed", axum::routing::post(new_feed))
        .route(
            "/organize/events/{event}/invitations/resend",
            axum::routing::post(resend),
        )
        .merge(super::composer::routes())
}

#[derive(Template)]
#[template(path = "invitations/invitation.html")]
struct InvitationPage {
    ctx: Ctx,
    token: String,
    /// "Mr Evans", as the mail greets them.
    salutation: String,
    event: EventCard,
    session: Option<SessionFacts>,
    /// The session's room.
    room: Option<String>,
    /// The event's venue.
    venue: Option<String>,
    /// Their role, lowercased in a sentence: "chair", "ponente".
    role: Option<String>,
    status: super::InvitationState,
    message: Option<String>,
    /// `accept` or `decline` when the visitor came from that link of the mail: the page
    /// then opens on a form that records that answer in one click.
    suggested: String,
    calendar_url: Option<String>,
    /// The personal feed's addresses, shown once right after they were made.
    feed: Option<FeedUrls>,
}

/// The session an invitation is about.
struct SessionFacts {
    title: String,
    /// The language to mark the title with, when it is not the page's.
    title_lang: Option<&'static str>,
    /// "Wednesday 3 June 2037, 14:00–16:00 (Europe/Brussels)": in the event's zone, named.
    when: String,
    url: String,
}

/// The invitation page. The mail's Accept and Decline links lead here with `?answer=`;
/// opening a link must never answer (mail scanners and link previews open them), so
/// the page records nothing: it opens on a form that records that answer, its button
/// focused, "Confirm: I accept", one click away. It is not sent by script either: a
/// scanner that runs scripts would then answer for the invitee.
async fn invitation_page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(token): Path<String>,
    query: ListQuery,
) -> PageResult {
    let suggested = query.get("answer").unwrap_or("").to_string();
    show(&state, ctx, &headers, token, suggested, None).await
}

/// Makes the invitee a personal calendar feed of every session they take part in, and
/// shows its address once (a new address replaces any earlier one). The invitation token
/// is the credential, as for answering.
async fn new_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(token): Path<String>,
    _form: FormData,
) -> PageResult {
    let invitation = service::by_token(&state.db, &token).await?;
    let txn = state.db.begin_write().await?;
    let urls = rotate_feed_in(&*txn, invitation.person_id, state.settings.public_url()).await?;
    audit::record(
        &*txn,
        None,
        "rotate",
        "feed_token",
        invitation.person_id,
        json!({"by": "invitee"}),
    )
    .await?;
    txn.commit().await?;
    show(&state, ctx, &headers, token, String::new(), Some(urls)).await
}

/// The language of the invitation page: one chosen on the site (`?lang=`, its cookie),
/// else the invitee's own (their record's, which their mail is written in), else their
/// browser's.
fn page_language(
    ctx: &Ctx,
    headers: &HeaderMap,
    invitee: Option<crate::i18n::Language>,
) -> crate::i18n::Language {
    let chosen = crate::i18n::query_language(Some(&ctx.query)).map(|l| l.as_str());
    let cookie = crate::web::auth::cookie(headers, crate::i18n::LANGUAGE_COOKIE);
    let account = ctx.user.as_ref().and_then(|u| u.language);
    crate::i18n::negotiate(
        chosen,
        cookie.as_deref(),
        account.or(invitee),
        headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// A confirmation set in English by the answer's route (`api::respond_to`), said in the
/// page's language.
fn flash_in(flash: Option<String>, lang: crate::i18n::Language) -> Option<String> {
    use crate::i18n::{Language, t};
    let flash = flash?;
    for id in ["inv-page-flash-accepted", "inv-page-flash-declined"] {
        if flash == t(Language::En, id) {
            return Some(t(lang, id));
        }
    }
    Some(flash)
}

async fn show(
    state: &AppState,
    mut ctx: Ctx,
    headers: &HeaderMap,
    token: String,
    suggested: String,
    feed: Option<FeedUrls>,
) -> PageResult {
    let invitation = service::by_token(&state.db, &token).await?;
    let event = event_store::event(state.db.conn(), &SeriesRef::Id(invitation.event_id))
        .await?
        .ok_or(crate::error::AppError::NotFound("invitation"))?;
    let zone = event.timezone;
    let venue = event.venue.clone();
    let person = directory_store::person(state.db.conn(), invitation.person_id)
        .await?
        .ok_or(crate::error::AppError::NotFound("invitation"))?;
    ctx.lang = page_language(&ctx, headers, person.language);
    ctx.flash = flash_in(ctx.flash.take(), ctx.lang);
    let lang = ctx.lang;
    let original = event.language;
    let session = match invitation.session_id {
        Some(id) => event_store::session(state.db.conn(), id).await?,
        None => None,
    };
    let room = session.as_ref().and_then(|s| s.room.clone());
    let session = match session {
        Some(s) => {
            let out = crate::events::read::session_views(state.db.conn(), vec![s], zone)
                .await?
                .pop()
                .ok_or(AppError::NotFound("invitation"))?;
            let line = views::session_line_in(&out, zone, original, lang);
            let date = match views::local_day(&out, zone) {
                Some(day) if lang != crate::i18n::Language::En => {
                    crate::i18n::dates::with_weekday(lang, day)
                }
                _ => line.date,
            };
            Some(SessionFacts {
                title: line.title,
                title_lang: line.title_lang,
                when: format!("{date}, {} ({})", line.time, zone.name()),
                url: line.url,
            })
        }
        None => None,
    };
    let card = crate::events::read::event_views(&state.db, vec![event])
        .await?
        .remove(0);
    let page = InvitationPage {
        salutation: crate::mail::salutation::salutation(
            person.honorific.as_deref(),
            &person.given_name,
            &person.family_name,
        ),
        room,
        venue,
        calendar_url: invitation
            .session_id
            .map(|id| format!("/sessions/{id}/calendar.ics")),
        event: EventCard::localized(&card, lang),
        session,
        role: invitation
            .role
            .map(|r| crate::i18n::role(lang, r.as_str(), 1).to_lowercase()),
        status: invitation.status,
        message: invitation.message,
        suggested,
        feed,
        token,
        ctx,
    };
    Ok(render(&page))
}

// ----- The workspace's invitations -----

async fn resend(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(reference): PagePath<String>,
    _form: FormData,
) -> PageResult {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    match crate::invitations::service::resend_unanswered(
        &state.db,
        &state.settings,
        &ws.actor,
        &SeriesRef::Id(event.id),
    )
    .await
    {
        Ok(outcome) => Ok(redirect_with_flash(
            &format!("/organize/events/{}", event.slug),
            &super::composer::summary_in(ws.ctx.lang, &outcome),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}
