//! The `summary_versions` table.

use sea_orm::entity::prelude::*;

use crate::summaries::{SummaryStatus, VersionAction};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "summary_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub summary_id: i32,
    pub version: i32,
    pub action: VersionAction,
    pub status: SummaryStatus,
    pub content: String,
    pub comment: Option<String>,
    pub user_id: Option<i32>,
    pub user_name: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
