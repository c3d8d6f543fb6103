//! The `organizations` table.

use sea_orm::entity::prelude::*;

use crate::directory::OrganizationKind;
use crate::domain::Region;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: OrganizationKind,
    pub country: Option<String>,
    pub region: Option<Region>,
    pub subregion: Option<String>,
    pub website: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
