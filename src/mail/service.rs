//! The outbox's use-cases for organizers: read one message, and send a copy of it again.

use serde_json::json;

use super::{MailKind, outbox};
use crate::audit;
use crate::db::Db;
use crate::entities::outbox_message;
use crate::error::{AppError, AppResult};
use crate::web::Actor;

/// One message of the outbox, as stored (the views withhold its secret links).
#[tracing::instrument(skip_all, fields(id = id), err(level = "debug"))]
pub async fn message(db: &Db, id: i32) -> AppResult<outbox_message::Model> {
    outbox::get(db.conn(), id)
        .await?
        .ok_or(AppError::NotFound("message"))
}

/// Why a message may not be sent again, in words that say what to do instead.
pub fn refusal(message: &outbox_message::Model) -> Option<String> {
    match message.kind {
        MailKind::AccountSetup => Some(
            "A set-up mail is never sent twice: its link works once and signs in as the \
             recipient. Send a new set-up link instead, with “Send the set-up mail again” \
             on the Accounts page (/organize/accounts)."
                .into(),
        ),
        MailKind::PasswordReset => Some(
            "A password-reset mail is never sent twice: its link works once and signs in as \
             the recipient. The person can ask for a new link with “Forgot your password?” \
             on the sign-in page, or an organizer can send a new set-up link from the \
             Accounts page (/organize/accounts)."
                .into(),
        ),
        _ if message.recipient_name == outbox::ERASED => Some(
            "The recipient of this message erased their details: there is nobody to send \
             it to."
                .into(),
        ),
        _ => None,
    }
}

/// Queues a copy of a message as a new row of the outbox (sent at once, the original
/// unchanged) and records who asked. Refused (409) for the mails [`refusal`] names.
#[tracing::instrument(skip_all, fields(actor = actor.id, id = id), err(level = "debug"))]
pub async fn resend(db: &Db, actor: &Actor, id: i32) -> AppResult<outbox_message::Model> {
    let txn = db.begin_write().await?;
    let original = outbox::get(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("message"))?;
    if let Some(why) = refusal(&original) {
        return Err(AppError::Conflict(why));
    }
    let copy = outbox::enqueue_copy(&txn, &original).await?;
    audit::record(
        &txn,
        Some(actor),
        "resend",
        "outbox",
        copy.id,
        json!({"copy_of": original.id, "kind": original.kind, "to": original.recipient_email}),
    )
    .await?;
    txn.commit().await?;
    Ok(copy)
}
