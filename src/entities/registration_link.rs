//! The `registration_links` table: the links a registrant was mailed, as hashes. Each is
//! valid for its registration; the clear token exists only in the mail (and the answer to
//! the request that registered).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registration_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub registration_id: i32,
    /// SHA-256 of the token (`accounts::hash_secret`).
    pub token_hash: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
