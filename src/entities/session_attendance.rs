//! The `session_attendance` table: who was at a session (one panel member or one
//! registrant a line).

use sea_orm::entity::prelude::*;

use crate::attendance::Presence;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session_attendance")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub person_id: Option<i32>,
    pub registration_id: Option<i32>,
    pub status: Presence,
    /// The account that marked it.
    pub recorded_by: Option<i32>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
