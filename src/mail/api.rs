//! `GET /api/v1/outbox`: queued and sent messages, for organizers; one message as its
//! recipient reads it, and a copy of it sent again.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::outbox::{self, OutboxFilter};
use super::{MailKind, OutboxStatus, service, transport, withhold};
use crate::app::AppState;
use crate::entities::outbox_message;
use crate::error::{AppResult, FieldErrors, Problem};
use crate::web::{ListQuery, Listed, Staff, parse_id};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_outbox))
        .routes(routes!(get_message))
        .routes(routes!(resend_message))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxItem {
    pub id: i32,
    pub kind: super::MailKind,
    pub to: String,
    pub subject: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    /// The iTIP method of the attached calendar, if any.
    pub calendar: Option<crate::calendar::Method>,
    pub event_id: Option<i32>,
    pub session_id: Option<i32>,
    pub person_id: Option<i32>,
    pub not_before: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<outbox_message::Model> for OutboxItem {
    fn from(m: outbox_message::Model) -> Self {
        Self {
            id: m.id,
            kind: m.kind,
            to: format!("{} <{}>", m.recipient_name, m.recipient_email),
            subject: m.subject,
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error,
            calendar: m.ics_method,
            event_id: m.event_id,
            session_id: m.session_id,
            person_id: m.person_id,
            not_before: m.not_before,
            created_at: m.created_at,
            sent_at: m.sent_at,
        }
    }
}

/// A file a message carries.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttachmentOut {
    pub filename: String,
    pub content_type: String,
}

/// One message as its recipient reads it, except that links signing in as the recipient
/// (account set-up and password reset) are withheld.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageDetail {
    pub id: i32,
    pub kind: MailKind,
    pub to: String,
    pub subject: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub text: String,
    pub html: String,
    pub attachments: Vec<AttachmentOut>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<&outbox_message::Model> for MessageDetail {
    fn from(m: &outbox_message::Model) -> Self {
        Self {
            id: m.id,
            kind: m.kind,
            to: format!("{} <{}>", m.recipient_name, m.recipient_email),
            subject: m.subject.clone(),
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error.clone(),
            text: withhold::text(&m.text_body),
            html: withhold::html(&m.html_body),
            attachments: transport::attachments(m)
                .into_iter()
                .map(|file| AttachmentOut {
                    filename: file.filename.to_string(),
                    content_type: file.content_type.to_string(),
                })
                .collect(),
            created_at: m.created_at,
            sent_at: m.sent_at,
        }
    }
}

/// Messages, newest first; filters `?status=&kind=&event_id=&person_id=`.
#[utoipa::path(get, path = "/api/v1/outbox", tag = "mail",
    params(("status" = Option<String>, Query), ("kind" = Option<String>, Query),
        ("event_id" = Option<i32>, Query), ("person_id" = Option<i32>, Query),
        ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = Listed<OutboxItem>), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
async fn list_outbox(
    State(state): State<AppState>,
    _staff: Staff,
    query: ListQuery,
) -> AppResult<Json<Listed<OutboxItem>>> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let filter = OutboxFilter {
        status: query.parsed::<OutboxStatus>("status", &mut errors),
        kind: query.parsed::<MailKind>("kind", &mut errors),
        event_id: query.parsed("event_id", &mut errors),
        person_id: query.parsed("person_id", &mut errors),
    };
    errors.finish()?;
    let (rows, total) = outbox::list(state.db.conn(), &filter, page).await?;
    Ok(Json(Listed {
        items: rows.into_iter().map(Into::into).collect(),
        total,
    }))
}

/// One message: headers, text and HTML bodies, attachments. Links that sign in as the
/// recipient (account set-up, password reset) are withheld.
#[utoipa::path(get, path = "/api/v1/outbox/{id}", tag = "mail",
    params(("id" = i32, Path)),
    responses((status = 200, body = MessageDetail), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[tracing::instrument(skip_all, fields(id = %id), err(level = "debug"))]
async fn get_message(
    State(state): State<AppState>,
    _staff: Staff,
    Path(id): Path<String>,
) -> AppResult<Json<MessageDetail>> {
    let id = parse_id(&id, "message")?;
    let message = service::message(&state.db, id).await?;
    Ok(Json(MessageDetail::from(&message)))
}

/// Queues a copy of a message (a new outbox row, sent at once) and returns it. Account
/// set-up and password-reset mails are refused (409): their link works once, so send a
/// new set-up link instead.
#[utoipa::path(post, path = "/api/v1/outbox/{id}/resend", tag = "mail",
    params(("id" = i32, Path)),
    responses((status = 202, description = "the copy, queued", body = MessageDetail), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[tracing::instrument(skip_all, fields(id = %id), err(level = "debug"))]
async fn resend_message(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<MessageDetail>)> {
    let id = parse_id(&id, "message")?;
    let copy = service::resend(&state.db, &actor, id).await?;
    Ok((StatusCode::ACCEPTED, Json(MessageDetail::from(&copy))))
}
