//! The `sessions` table.

use sea_orm::entity::prelude::*;

use crate::events::{Confidentiality, SessionKind};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub title: String,
    pub kind: SessionKind,
    pub description: Option<String>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub room: Option<String>,
    pub capacity: Option<i32>,
    pub sequence: i32,
    pub confidentiality: Confidentiality,
    /// Its title and description in other languages (JSON, see `i18n::content`).
    pub translations: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
