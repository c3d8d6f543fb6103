//! The `recommendation_updates` table: a dated follow-up note on an item, with its status
//! then and its evidence.

use sea_orm::entity::prelude::*;

use crate::recommendations::RecommendationStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recommendation_updates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub recommendation_id: i32,
    pub status: RecommendationStatus,
    pub note: String,
    pub evidence_url: Option<String>,
    pub document_id: Option<i32>,
    pub on: Date,
    pub by_user: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
