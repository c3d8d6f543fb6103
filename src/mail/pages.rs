//! The outbox pages of the workspace: what was sent to whom, what waits, what failed,
//! filtered by status and kind; each message as its recipient sees it, with its
//! attachments and a button that sends a copy again.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use chrono::{DateTime, Utc};

use super::api::{MessageDetail, OutboxItem};
use super::outbox::{self, OutboxFilter};
use super::{MailKind, OutboxStatus, service, withhold};
use crate::app::AppState;
use crate::entities::outbox_message;
use crate::error::{AppError, FieldErrors};
use crate::events::{SeriesRef, store as event_store};
use crate::i18n::Language;
use crate::web::pages::{
    Ctx, FormData, PagePath as Path, PageResult, Workspace, error_with, redirect_with_flash, render,
};
use crate::web::{ListQuery, Pagination, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/outbox", get(outbox_page))
        .route("/organize/outbox/{id}", get(message_page))
        .route("/organize/outbox/{id}/resend", post(resend))
}

#[derive(Template)]
#[template(path = "mail/outbox.html")]
struct OutboxPage {
    ctx: Ctx,
    items: Vec<OutboxItem>,
    /// How many messages match, for the sentence that says it.
    total_count: usize,
    /// Each status, with how many messages (of the kind shown) have it.
    counts: Vec<StatusLink>,
    /// The list of every status, of the kind shown.
    all_url: String,
    status: Option<OutboxStatus>,
    kind: Option<MailKind>,
    kinds: &'static [MailKind],
}

/// A status to filter the list by.
struct StatusLink {
    status: OutboxStatus,
    count: u64,
    selected: bool,
    /// The list of this status, of the kind shown.
    url: String,
}

fn list_url(status: Option<OutboxStatus>, kind: Option<MailKind>) -> String {
    let query: Vec<String> = [
        status.map(|s| format!("status={s}")),
        kind.map(|k| format!("kind={k}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if query.is_empty() {
        "/organize/outbox".to_string()
    } else {
        format!("/organize/outbox?{}", query.join("&"))
    }
}

async fn outbox_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    query: ListQuery,
) -> PageResult {
    let mut ignored = FieldErrors::new();
    let status = query.parsed::<OutboxStatus>("status", &mut ignored);
    let kind = query.parsed::<MailKind>("kind", &mut ignored);
    let filter = OutboxFilter {
        status,
        kind,
        event_id: query.parsed("event_id", &mut ignored),
        person_id: query.parsed("person_id", &mut ignored),
    };
    let (rows, total) = outbox::list(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 200,
            offset: 0,
        },
    )
    .await?;
    let mut counts = Vec::new();
    for s in OutboxStatus::ALL {
        counts.push(StatusLink {
            status: *s,
            count: outbox::count_by_status_of_kind(state.db.conn(), *s, kind).await?,
            selected: status == Some(*s),
            url: list_url(Some(*s), kind),
        });
    }
    let page = OutboxPage {
        items: rows.into_iter().map(Into::into).collect(),
        total_count: usize::try_from(total).unwrap_or(usize::MAX),
        counts,
        all_url: list_url(None, kind),
        status,
        kind,
        kinds: MailKind::ALL,
        ctx,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct MessagePage {
    ctx: Ctx,
    m: MessageDetail,
    /// When it was queued, sent, or is next tried, in the event's time zone (UTC for
    /// messages about no event).
    created: String,
    sent: Option<String>,
    next_try: Option<String>,
    /// The event it is about: title and workspace page.
    event: Option<(String, String)>,
    /// Whether links that sign in as the recipient were withheld.
    withheld: bool,
    /// Why it cannot be sent again, when it cannot.
    not_resendable: Option<String>,
    /// The refusal of a resend just asked for.
    refusal: Option<String>,
}

async fn message_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&id, "page")?;
    let message = service::message(&state.db, id).await?;
    Ok(render(&message_view(&state, ctx, &message, None).await?))
}

/// Sends a copy of the message and shows it; a refused resend shows the message again
/// with the reason.
async fn resend(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    _form: FormData,
) -> PageResult {
    let id = parse_id(&id, "page")?;
    match service::resend(&state.db, &actor, id).await {
        Ok(copy) => Ok(redirect_with_flash(
            &format!("/organize/outbox/{}", copy.id),
            &crate::i18n::t_texts(
                ctx.lang,
                "out-copy-queued",
                &[("email", &copy.recipient_email)],
            ),
        )),
        Err(AppError::Conflict(why)) => {
            let message = service::message(&state.db, id).await?;
            let page = message_view(&state, ctx, &message, Some(why)).await?;
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(err) => Ok(error_with(ctx, err)),
    }
}

async fn message_view(
    state: &AppState,
    ctx: Ctx,
    message: &outbox_message::Model,
    refusal: Option<String>,
) -> Result<MessagePage, AppError> {
    let event = match message.event_id {
        Some(id) => event_store::event(state.db.conn(), &SeriesRef::Id(id)).await?,
        None => None,
    };
    let lang = ctx.lang;
    let moment = |at: DateTime<Utc>| match &event {
        Some(event) => crate::i18n::dates::moment(lang, event.timezone, at),
        None if lang == Language::En => at.format("%A %-d %B %Y, %H:%M (UTC)").to_string(),
        None => format!(
            "{}, {}",
            crate::i18n::dates::with_weekday(lang, at.date_naive()),
            at.format("%H:%M (UTC)")
        ),
    };
    // Why it cannot be sent again, in the page's language.
    let refused = |english: String| refusal_in(lang, message).unwrap_or(english);
    Ok(MessagePage {
        created: moment(message.created_at),
        sent: message.sent_at.map(moment),
        next_try: (message.status == OutboxStatus::Queued).then(|| moment(message.not_before)),
        event: event
            .as_ref()
            .map(|e| (e.title.clone(), format!("/organize/events/{}", e.slug))),
        withheld: withhold::has_secret_link(&message.text_body)
            || withhold::has_secret_link(&message.html_body),
        not_resendable: service::refusal(message).map(refused),
        refusal: refusal.map(refused),
        m: MessageDetail::from(message),
        ctx,
    })
}

/// Why a message is never sent again ([`service::refusal`]), in `lang`.
fn refusal_in(lang: Language, message: &outbox_message::Model) -> Option<String> {
    let id = match message.kind {
        MailKind::AccountSetup => "out-refusal-account-setup",
        MailKind::PasswordReset => "out-refusal-password-reset",
        _ if message.recipient_name == outbox::ERASED => "out-refusal-erased",
        _ => return None,
    };
    Some(crate::i18n::t(lang, id))
}
