//! Invitations of people to events and sessions, and the outbox: every message is a row
//! written in the same transaction as the change that causes it, delivered later by the
//! worker inside `serve`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("invitations")
                    .col(pk_auto("id"))
                    .col(integer("event_id"))
                    .col(integer_null("session_id"))
                    .col(integer("person_id"))
                    .col(string_null("role"))
                    .col(string_uniq("token_hash"))
                    .col(string("status"))
                    .col(text_null("message"))
                    .col(timestamp_with_time_zone("sent_at"))
                    .col(timestamp_with_time_zone_null("responded_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_event")
                            .from("invitations", "event_id")
                            .to("events", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_session")
                            .from("invitations", "session_id")
                            .to("sessions", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_person")
                            .from("invitations", "person_id")
                            .to("people", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_invitations_event")
                    .table("invitations")
                    .col("event_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("outbox")
                    .col(pk_auto("id"))
                    .col(string("kind"))
                    .col(string("recipient_email"))
                    .col(string("recipient_name"))
                    .col(string("subject"))
                    .col(text("text_body"))
                    .col(text("html_body"))
                    .col(string_null("ics_method"))
                    .col(text_null("ics"))
                    // What the message is about, so organizers can see all a person was sent.
                    .col(integer_null("event_id"))
                    .col(integer_null("session_id"))
                    .col(integer_null("person_id"))
                    // Messages sharing a key replace each other while still queued.
                    .col(string_null("coalesce_key"))
                    .col(string("status"))
                    .col(integer("attempts").default(0))
                    .col(text_null("last_error"))
                    .col(timestamp_with_time_zone("not_before"))
                    .col(timestamp_with_time_zone_null("lease_until"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_outbox_due", vec!["status", "not_before"]),
            ("idx_outbox_coalesce", vec!["coalesce_key", "status"]),
            ("idx_outbox_person", vec!["person_id"]),
            ("idx_outbox_event", vec!["event_id"]),
        ] {
            let mut index = Index::create();
            index.name(name).table("outbox");
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["outbox", "invitations"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
