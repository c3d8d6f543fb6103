//! The `people` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub honorific: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub position: Option<String>,
    pub organization_id: Option<i32>,
    pub country: Option<String>,
    pub bio: Option<String>,
    /// The language their mail goes out in (English when unset).
    pub language: Option<crate::i18n::Language>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
