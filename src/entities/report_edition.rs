//! The `report_editions` table: each publication of an event's report, as published.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_editions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    /// 1 for the first publication, one more for each publication with changes.
    pub edition: i32,
    /// The report as published (`reports::EventReport` as JSON).
    pub content: String,
    pub published_at: DateTimeUtc,
    pub published_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
