//! The `session_participants` table.

use sea_orm::entity::prelude::*;

use crate::events::{InvitationStatus, ParticipantRole};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session_participants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub person_id: i32,
    pub role: ParticipantRole,
    pub position: i32,
    pub invitation_status: InvitationStatus,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
