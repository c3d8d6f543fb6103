//! The `invitations` table.

use sea_orm::entity::prelude::*;

use crate::events::ParticipantRole;
use crate::invitations::InvitationState;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub session_id: Option<i32>,
    pub person_id: i32,
    pub role: Option<ParticipantRole>,
    pub token_hash: String,
    pub status: InvitationState,
    pub message: Option<String>,
    pub sent_at: DateTimeUtc,
    pub responded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
