//! The invitation page: what the invitee is asked to do, with accept and decline buttons
//! (links in mail only lead here; answering is a POST, so mail scanners that open links
//! do not answer for anyone). And the workspace's buttons that invite a session's
//! participants or remind those who have not answered.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
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
            "/organize/events/{event}/invite",
            axum::routing::post(invite),
        )
        .route(
            "/organize/events/{event}/invitations/resend",
            axum::routing::post(resend),
        )
}

#[derive(Template)]
#[template(path = "invitations/invitation.html")]
struct InvitationPage {
    ctx: Ctx,
    token: String,
    name: String,
    event: EventCard,
    session: Option<(String, String, String)>,
    role: Option<&'static str>,
    status: super::InvitationState,
    message: Option<String>,
    /// `accept` or `decline` when the visitor came from that link.
    suggested: String,
    calendar_url: Option<String>,
    /// The personal feed's addresses, shown once right after they were made.
    feed: Option<FeedUrls>,
}

async fn invitation_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    query: ListQuery,
) -> PageResult {
    let suggested = query.get("answer").unwrap_or("").to_string();
    show(&state, ctx, token, suggested, None).await
}

/// Makes the invitee a personal calendar feed of every session they take part in, and
/// shows its address once (a new address replaces any earlier one). The invitation token
/// is the credential, as for answering.
async fn new_feed(
    State(state): State<AppState>,
    ctx: Ctx,
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
    show(&state, ctx, token, String::new(), Some(urls)).await
}

async fn show(
    state: &AppState,
    ctx: Ctx,
    token: String,
    suggested: String,
    feed: Option<FeedUrls>,
) -> PageResult {
    let invitation = service::by_token(&state.db, &token).await?;
    let event = event_store::event(state.db.conn(), &SeriesRef::Id(invitation.event_id))
        .await?
        .ok_or(crate::error::AppError::NotFound("invitation"))?;
    let zone = event.timezone;
    let person = directory_store::person(state.db.conn(), invitation.person_id)
        .await?
        .ok_or(crate::error::AppError::NotFound("invitation"))?;
    let session = match invitation.session_id {
        Some(id) => match event_store::session(state.db.conn(), id).await? {
            Some(s) => {
                let out = crate::events::read::session_views(state.db.conn(), vec![s], zone)
                    .await?
                    .remove(0);
                let line = views::session_line(&out, zone);
                Some((
                    line.title,
                    format!("{}, {} ({})", line.date, line.time, zone.name()),
                    line.url,
                ))
            }
            None => None,
        },
        None => None,
    };
    let card = crate::events::read::event_views(&state.db, vec![event])
        .await?
        .remove(0);
    let page = InvitationPage {
        name: crate::directory::display_name(
            person.honorific.as_deref(),
            &person.given_name,
            &person.family_name,
        ),
        calendar_url: invitation
            .session_id
            .map(|id| format!("/sessions/{id}/calendar.ics")),
        event: EventCard::from(&card),
        session,
        role: invitation.role.map(|r| r.label()),
        status: invitation.status,
        message: invitation.message,
        suggested,
        feed,
        token,
        ctx,
    };
    Ok(render(&page))
}

// ----- The workspace's invitation buttons -----

/// "3 invitations queued; Ms X was skipped: has no email address."
fn invite_summary(outcome: &crate::invitations::InviteOutcome) -> String {
    let mut text = match outcome.items.len() {
        0 => "No invitation was sent.".to_string(),
        1 => "1 invitation is on its way.".to_string(),
        n => format!("{n} invitations are on their way."),
    };
    for skipped in &outcome.skipped {
        text.push_str(&format!(
            " Person {} was skipped: {}.",
            skipped.person_id, skipped.reason
        ));
    }
    text
}

async fn invite(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(reference): PagePath<String>,
    form: FormData,
) -> PageResult {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let request = crate::invitations::InviteRequest {
        person_ids: None,
        session_id: form.get("session_id").and_then(|s| s.parse().ok()),
        message: form.get("message"),
    };
    let back = format!("/organize/events/{}", event.slug);
    match crate::invitations::service::invite(
        &state.db,
        &state.settings,
        &ws.actor,
        &SeriesRef::Id(event.id),
        request,
    )
    .await
    {
        Ok(outcome) => Ok(redirect_with_flash(&back, &invite_summary(&outcome))),
        Err(AppError::Invalid(errors)) => Ok(redirect_with_flash(
            &back,
            &format!(
                "Nobody was invited: {}.",
                errors
                    .iter()
                    .map(|e| e.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

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
            &invite_summary(&outcome),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}
