//! `GET /api/v1/outbox`: queued and sent messages, for organizers.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::OutboxStatus;
use super::outbox::{self, OutboxFilter};
use crate::app::AppState;
use crate::entities::outbox_message;
use crate::error::{AppResult, FieldErrors, Problem};
use crate::web::{ListQuery, Listed, Staff};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_outbox))
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

/// Messages, newest first; filters `?status=&event_id=&person_id=`.
#[utoipa::path(get, path = "/api/v1/outbox", tag = "mail",
    params(("status" = Option<String>, Query), ("event_id" = Option<i32>, Query), ("person_id" = Option<i32>, Query),
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
