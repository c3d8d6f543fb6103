//! The invitation page: what the invitee is asked to do, with accept and decline buttons
//! (links in mail only lead here; answering is a POST, so mail scanners that open links
//! do not answer for anyone).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;

use super::service;
use crate::app::AppState;
use crate::directory::store as directory_store;
use crate::events::views::{self, EventCard};
use crate::events::{SeriesRef, service as events, store as event_store};
use crate::web::ListQuery;
use crate::web::pages::{Ctx, PageResult, render};

pub fn routes() -> Router<AppState> {
    Router::new().route("/invitations/{token}", get(invitation_page))
}

#[derive(Template)]
#[template(path = "invitations/invitation.html")]
struct InvitationPage {
    ctx: Ctx,
    token: String,
    name: String,
    event: EventCard,
    session: Option<(String, String, String)>,
    role: Option<String>,
    status: String,
    message: Option<String>,
    /// `accept` or `decline` when the visitor came from that link.
    suggested: String,
    calendar_url: Option<String>,
}

async fn invitation_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    query: ListQuery,
) -> PageResult {
    let invitation = service::by_token(&state.db, &token).await?;
    let event = event_store::event(state.db.conn(), &SeriesRef::Id(invitation.event_id))
        .await?
        .ok_or(crate::error::AppError::NotFound("invitation"))?;
    let zone = events::zone_of(&event);
    let person = directory_store::person(state.db.conn(), invitation.person_id)
        .await?
        .ok_or(crate::error::AppError::NotFound("invitation"))?;
    let session = match invitation.session_id {
        Some(id) => match event_store::session(state.db.conn(), id).await? {
            Some(s) => {
                let out = events::session_views(state.db.conn(), vec![s], zone)
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
    let card = events::event_views(&state.db, vec![event]).await?.remove(0);
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
        role: invitation.role.as_deref().map(views::label),
        status: invitation.status,
        message: invitation.message,
        suggested: query.get("answer").unwrap_or("").to_string(),
        token,
        ctx,
    };
    Ok(render(&page))
}
