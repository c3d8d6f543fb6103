//! Series, events with their organizing organizations, sessions and their participants.
//! Session times are stored in UTC; the event's IANA time zone says how to show them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("series")
                    .col(pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(string("title"))
                    .col(text_null("description"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("events")
                    .col(pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(string("title"))
                    .col(string_null("subtitle"))
                    .col(string("kind"))
                    .col(text_null("description"))
                    .col(date("starts_on"))
                    .col(date("ends_on"))
                    .col(string("timezone"))
                    .col(string_null("venue"))
                    .col(string_null("city"))
                    .col(string_len_null("country", 2))
                    .col(string_null("region"))
                    .col(string_null("subregion"))
                    .col(integer_null("series_id"))
                    .col(string("status"))
                    .col(integer_null("capacity"))
                    .col(string("registration_mode"))
                    .col(timestamp_with_time_zone_null("registration_opens_at"))
                    .col(timestamp_with_time_zone_null("registration_closes_at"))
                    .col(boolean("waitlist"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_events_series")
                            .from("events", "series_id")
                            .to("series", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_events_starts_on")
                    .table("events")
                    .col("starts_on")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_events_series")
                    .table("events")
                    .col("series_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("event_organizations")
                    .col(pk_auto("id"))
                    .col(integer("event_id"))
                    .col(integer("organization_id"))
                    .col(string("role"))
                    .col(integer("position"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_event_organizations_event")
                            .from("event_organizations", "event_id")
                            .to("events", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_event_organizations_organization")
                            .from("event_organizations", "organization_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_event_organizations")
                    .table("event_organizations")
                    .col("event_id")
                    .col("organization_id")
                    .col("role")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("sessions")
                    .col(pk_auto("id"))
                    .col(integer("event_id"))
                    .col(string("title"))
                    .col(string("kind"))
                    .col(text_null("description"))
                    .col(timestamp_with_time_zone("starts_at"))
                    .col(timestamp_with_time_zone("ends_at"))
                    .col(string_null("room"))
                    .col(integer_null("capacity"))
                    // Raised on every change of time or place (iCalendar SEQUENCE).
                    .col(integer("sequence").default(0))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sessions_event")
                            .from("sessions", "event_id")
                            .to("events", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_event_start")
                    .table("sessions")
                    .col("event_id")
                    .col("starts_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("session_participants")
                    .col(pk_auto("id"))
                    .col(integer("session_id"))
                    .col(integer("person_id"))
                    .col(string("role"))
                    .col(integer("position"))
                    .col(string("invitation_status").default("not_invited"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_participants_session")
                            .from("session_participants", "session_id")
                            .to("sessions", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_participants_person")
                            .from("session_participants", "person_id")
                            .to("people", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_session_participants")
                    .table("session_participants")
                    .col("session_id")
                    .col("person_id")
                    .col("role")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_session_participants_person")
                    .table("session_participants")
                    .col("person_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "session_participants",
            "sessions",
            "event_organizations",
            "events",
            "series",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
