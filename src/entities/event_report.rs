//! The `event_reports` table.

use sea_orm::entity::prelude::*;

use crate::reports::ReportStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub introduction: Option<String>,
    pub conclusions: Option<String>,
    /// The introduction and conclusions in other languages (JSON, see `i18n::content`).
    pub translations: Option<String>,
    pub status: ReportStatus,
    pub published_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
