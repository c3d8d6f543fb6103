//! The `membership_applications` table: people asking to join the coalition's members.

use sea_orm::entity::prelude::*;

use crate::members::ApplicationStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "membership_applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub organization: String,
    pub country: Option<String>,
    pub motivation: Option<String>,
    pub status: ApplicationStatus,
    pub decision_note: Option<String>,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
    pub user_id: Option<i32>,
    pub created_at: DateTimeUtc,
    /// The language of the page the applicant filled in: the answers' (English when
    /// unset).
    pub language: Option<crate::i18n::Language>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
