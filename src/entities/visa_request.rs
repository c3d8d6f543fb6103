//! The `visa_requests` table: a registrant's request for a visa invitation letter.

use sea_orm::entity::prelude::*;

use crate::visas::VisaStatus;

#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visa_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub registration_id: i32,
    pub event_id: i32,
    pub status: VisaStatus,
    /// The passport details, sealed ([`crate::privacy::sealed`]); `None` once erased.
    pub passport: Option<String>,
    /// Why it was refused.
    pub reason: Option<String>,
    pub requested_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by: Option<i32>,
}

/// Says nothing of the passport details, even sealed: a request may be logged.
impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VisaRequest")
            .field("id", &self.id)
            .field("registration_id", &self.registration_id)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
