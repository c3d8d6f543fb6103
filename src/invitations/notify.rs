//! The invitation mail: the session and the invitee's role, accept and decline links,
//! and the session as an iTIP REQUEST, written to the outbox in the transaction that
//! records the invitation.

use crate::db::MailQueue;
use chrono::Duration;

use crate::calendar::Method;
use crate::config::Settings;
use crate::error::AppResult;
pub use crate::events::notify::{Draft, Recipient};
use crate::events::notify::{envelope, itip, rendering, view};
use crate::mail::messages;
use crate::mail::{MailKind, outbox};

/// Queues an invitation (sent at once).
pub async fn queue_invitation(
    conn: &impl MailQueue,
    settings: &Settings,
    draft: Draft<'_>,
    invitation_id: i32,
) -> AppResult<()> {
    let view = view(conn, settings, &draft).await?;
    let rendered = messages::invitation(&view).map_err(rendering)?;
    let calendar = match draft.session {
        Some(session) => Some((
            Method::Request,
            itip(
                conn,
                settings,
                std::slice::from_ref(session),
                draft.recipient,
                Method::Request,
                draft.invitation_url.as_deref(),
            )
            .await?,
        )),
        None => None,
    };
    let key = Some(format!("invitation:{invitation_id}"));
    outbox::enqueue(
        conn,
        envelope(
            MailKind::Invitation,
            &draft,
            rendered,
            calendar,
            key,
            Duration::zero(),
        ),
    )
    .await?;
    Ok(())
}
