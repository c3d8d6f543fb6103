//! The `recommendations` table: an item of the tracker, from a summary's recommendation
//! (`source_kind` `session`) or a document's next step (`document`), at `position` in its
//! source.

use sea_orm::entity::prelude::*;

use crate::recommendations::{RecommendationStatus, SourceKind};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recommendations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub source_kind: SourceKind,
    pub source_id: i32,
    pub position: i32,
    pub text: String,
    /// The addressee as the source names it.
    pub addressee_text: String,
    /// The addressee of the vocabulary it is filed under (through its aliases).
    pub addressee_id: Option<i32>,
    /// A JSON array of theme names.
    pub themes: String,
    pub priority: Option<String>,
    pub timeframe: Option<String>,
    pub status: RecommendationStatus,
    pub owner_id: Option<i32>,
    pub next_review_on: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When its source stopped saying it (the summary returned or changed, the next step
    /// removed); its history is kept.
    pub withdrawn_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
