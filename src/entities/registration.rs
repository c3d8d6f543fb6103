//! The `registrations` table.

use sea_orm::entity::prelude::*;

use crate::registrations::RegistrationStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registrations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    /// SHA-256 of the link given at registration; every link is in `registration_links`.
    #[sea_orm(column_name = "manage_token")]
    pub manage_token_hash: String,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub organization: Option<String>,
    pub country: Option<String>,
    pub needs: Option<String>,
    pub status: RegistrationStatus,
    pub invitation_id: Option<i32>,
    pub consented_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub erased_at: Option<DateTimeUtc>,
    pub reconfirm_by: Option<DateTimeUtc>,
    pub reconfirmed_at: Option<DateTimeUtc>,
    /// The short code typed or scanned at the door (erased with the retention period).
    pub check_in_code: Option<String>,
    pub checked_in_at: Option<DateTimeUtc>,
    /// The account that checked the registrant in.
    pub checked_in_by: Option<i32>,
    /// Added at the door by an organizer, without having registered.
    pub walk_in: bool,
    /// The language of the form they filled: their mail's.
    pub language: Option<crate::i18n::Language>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
