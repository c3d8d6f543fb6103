//! Registrations of participants for events: status, arrival order (the id), the
//! registrant's own manage token, and what they told the organizers.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("registrations")
                    .col(pk_auto("id"))
                    .col(integer("event_id"))
                    // In clear, unlike account secrets: every later mail (approved,
                    // promoted...) must carry the same manage link again.
                    .col(string_uniq("manage_token"))
                    .col(string("given_name"))
                    .col(string("family_name"))
                    .col(string("email"))
                    .col(string_null("organization"))
                    .col(string_len_null("country", 2))
                    .col(text_null("needs"))
                    .col(string("status"))
                    .col(integer_null("invitation_id"))
                    .col(timestamp_with_time_zone("consented_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(timestamp_with_time_zone_null("erased_at"))
                    // When organizers ask registrants to re-confirm (the event moved):
                    // the deadline, and when this registrant did.
                    .col(timestamp_with_time_zone_null("reconfirm_by"))
                    .col(timestamp_with_time_zone_null("reconfirmed_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_registrations_event")
                            .from("registrations", "event_id")
                            .to("events", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registrations_event_status")
                    .table("registrations")
                    .col("event_id")
                    .col("status")
                    .to_owned(),
            )
            .await?;
        // One active registration per email and event, whatever the concurrency: both
        // SQLite and PostgreSQL support partial unique indexes.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX uq_registrations_active_email ON registrations (event_id, email) \
                 WHERE status IN ('pending', 'confirmed', 'waitlisted')",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("registrations").to_owned())
            .await
    }
}
