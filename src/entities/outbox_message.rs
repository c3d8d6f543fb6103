//! The `outbox` table.

use sea_orm::entity::prelude::*;

use crate::calendar::Method;
use crate::mail::{MailKind, OutboxStatus};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: MailKind,
    pub recipient_email: String,
    pub recipient_name: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub ics_method: Option<Method>,
    pub ics: Option<String>,
    pub event_id: Option<i32>,
    pub session_id: Option<i32>,
    pub person_id: Option<i32>,
    pub coalesce_key: Option<String>,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub not_before: DateTimeUtc,
    pub lease_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
