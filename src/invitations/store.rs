//! Queries on invitations.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use super::InvitationState;
use crate::entities::{invitation, session_participant};
use crate::events::{InvitationStatus, ParticipantRole};

pub async fn by_token_hash(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<invitation::Model>, DbErr> {
    invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(token_hash))
        .one(db)
        .await
}

pub async fn of_event(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> Result<Vec<invitation::Model>, DbErr> {
    invitation::Entity::find()
        .filter(invitation::Column::EventId.eq(event_id))
        .order_by_asc(invitation::Column::SessionId)
        .order_by_asc(invitation::Column::Id)
        .all(db)
        .await
}

/// The invitation of a person to an event (session `None`) or to a role in a session.
pub async fn find(
    db: &impl ConnectionTrait,
    event_id: i32,
    session_id: Option<i32>,
    person_id: i32,
    role: Option<ParticipantRole>,
) -> Result<Option<invitation::Model>, DbErr> {
    let mut query = invitation::Entity::find()
        .filter(invitation::Column::EventId.eq(event_id))
        .filter(invitation::Column::PersonId.eq(person_id));
    query = match session_id {
        Some(id) => query.filter(invitation::Column::SessionId.eq(id)),
        None => query.filter(invitation::Column::SessionId.is_null()),
    };
    query = match role {
        Some(role) => query.filter(invitation::Column::Role.eq(role)),
        None => query.filter(invitation::Column::Role.is_null()),
    };
    query.one(db).await
}

pub struct NewInvitation {
    pub event_id: i32,
    pub session_id: Option<i32>,
    pub person_id: i32,
    pub role: Option<ParticipantRole>,
    pub token_hash: String,
    pub message: Option<String>,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewInvitation,
) -> Result<invitation::Model, DbErr> {
    let now = Utc::now();
    invitation::ActiveModel {
        event_id: Set(new.event_id),
        session_id: Set(new.session_id),
        person_id: Set(new.person_id),
        role: Set(new.role),
        token_hash: Set(new.token_hash),
        status: Set(InvitationState::Invited),
        message: Set(new.message),
        sent_at: Set(now),
        responded_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// A resend: a new token (the old link stops working), a new message, sent now.
pub async fn reissue(
    db: &impl ConnectionTrait,
    current: invitation::Model,
    token_hash: String,
    message: Option<String>,
) -> Result<invitation::Model, DbErr> {
    let mut active: invitation::ActiveModel = current.into();
    active.token_hash = Set(token_hash);
    if message.is_some() {
        active.message = Set(message);
    }
    active.sent_at = Set(Utc::now());
    active.update(db).await
}

pub async fn set_answer(
    db: &impl ConnectionTrait,
    current: invitation::Model,
    state: InvitationState,
    at: DateTime<Utc>,
) -> Result<invitation::Model, DbErr> {
    let mut active: invitation::ActiveModel = current.into();
    active.status = Set(state);
    active.responded_at = Set(Some(at));
    active.update(db).await
}

/// Mirrors an invitation's state on the session participant it is about.
pub async fn set_participant_status(
    db: &impl ConnectionTrait,
    session_id: i32,
    person_id: i32,
    role: ParticipantRole,
    status: InvitationStatus,
) -> Result<(), DbErr> {
    session_participant::Entity::update_many()
        .col_expr(session_participant::Column::InvitationStatus, status.into())
        .filter(session_participant::Column::SessionId.eq(session_id))
        .filter(session_participant::Column::PersonId.eq(person_id))
        .filter(session_participant::Column::Role.eq(role))
        .exec(db)
        .await?;
    Ok(())
}
