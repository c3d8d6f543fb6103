//! Rapporteurs' summaries of sessions, every version of them, the reminders sent about
//! them, the organizers' vocabulary of themes, and the events' outcome reports.
//!
//! A summary's content (overview, key points, challenges, recommendations, next steps) is
//! one JSON document in a text column: it is always read and written whole, and each
//! version keeps a copy of it, so that any two can be compared.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("summaries")
                    .col(pk_auto("id"))
                    .col(integer_uniq("session_id"))
                    .col(string("status"))
                    .col(text("content"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone_null("due_at"))
                    .col(text_null("review_comment"))
                    .col(timestamp_with_time_zone_null("submitted_at"))
                    .col(timestamp_with_time_zone_null("approved_at"))
                    .col(integer_null("updated_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_summaries_session")
                            .from("summaries", "session_id")
                            .to("sessions", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("summary_versions")
                    .col(pk_auto("id"))
                    .col(integer("summary_id"))
                    .col(integer("version"))
                    .col(string("action"))
                    .col(string("status"))
                    .col(text("content"))
                    .col(text_null("comment"))
                    .col(integer_null("user_id"))
                    .col(string("user_name"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_summary_versions_summary")
                            .from("summary_versions", "summary_id")
                            .to("summaries", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_summary_versions_version")
                    .table("summary_versions")
                    .col("summary_id")
                    .col("version")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // One row per reminder sent: the unique key makes sure that several `serve`
        // processes on one database send each reminder once.
        manager
            .create_table(
                Table::create()
                    .table("summary_reminders")
                    .col(pk_auto("id"))
                    .col(integer("session_id"))
                    .col(string("kind"))
                    .col(timestamp_with_time_zone("due_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_summary_reminders_session")
                            .from("summary_reminders", "session_id")
                            .to("sessions", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_summary_reminders_kind")
                    .table("summary_reminders")
                    .col("session_id")
                    .col("kind")
                    .col("due_at")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("themes")
                    .col(pk_auto("id"))
                    .col(string_uniq("name"))
                    .col(string_uniq("key"))
                    .col(boolean("curated"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("event_reports")
                    .col(pk_auto("id"))
                    .col(integer_uniq("event_id"))
                    .col(text_null("introduction"))
                    .col(text_null("conclusions"))
                    .col(string("status"))
                    .col(timestamp_with_time_zone_null("published_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_event_reports_event")
                            .from("event_reports", "event_id")
                            .to("events", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "event_reports",
            "themes",
            "summary_reminders",
            "summary_versions",
            "summaries",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
