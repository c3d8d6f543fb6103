//! The `addressee_aliases` table: the names an addressee goes by ("EU", "the European
//! Union"), its own name among them; `folded` is what a lookup compares.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "addressee_aliases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub addressee_id: i32,
    pub alias: String,
    pub folded: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
