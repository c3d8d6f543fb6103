//! Visa invitation letters: a registrant asks for one from their registration page,
//! giving their passport details, and organizers approve or refuse it (with a reason).
//! One request per registration. The passport details are stored sealed (encrypted with
//! a key from the configuration, never in clear), and erased with the retention period.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("visa_requests")
                    .col(pk_auto("id"))
                    .col(integer_uniq("registration_id"))
                    .col(integer("event_id"))
                    .col(string_len("status", 16))
                    .col(text_null("passport"))
                    .col(text_null("reason"))
                    .col(timestamp_with_time_zone("requested_at"))
                    .col(timestamp_with_time_zone_null("decided_at"))
                    .col(integer_null("decided_by"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_visa_requests_registration")
                            .from("visa_requests", "registration_id")
                            .to("registrations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_visa_requests_event")
                            .from("visa_requests", "event_id")
                            .to("events", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_visa_requests_event")
                    .table("visa_requests")
                    .col("event_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("visa_requests").to_owned())
            .await
    }
}
