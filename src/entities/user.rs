//! The `users` table. An invited account has an empty `password_hash` until its owner
//! chooses a password from the set-up link.

use sea_orm::entity::prelude::*;

use crate::accounts::{AccountStatus, Language, Role};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub role: Role,
    pub status: AccountStatus,
    pub last_sign_in_at: Option<DateTimeUtc>,
    pub language: Option<Language>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
