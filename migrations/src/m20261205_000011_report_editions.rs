//! Reports are editions: each publication of an event's outcome report keeps the report as
//! it was published (the assembled report, as JSON), numbered from 1. The public reads the
//! latest edition of a published report; what is approved afterwards waits for the next
//! publication. Rows are written once and never changed.
//!
//! Reports published before this migration have no edition yet: the first time one is
//! read, the report as it then stands is kept as its edition 1.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("report_editions")
                    .col(pk_auto("id"))
                    .col(integer("event_id"))
                    .col(integer("edition"))
                    .col(text("content"))
                    .col(timestamp_with_time_zone("published_at"))
                    .col(integer_null("published_by"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_report_editions_event")
                            .from("report_editions", "event_id")
                            .to("events", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_report_editions_published_by")
                            .from("report_editions", "published_by")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_report_editions_event_edition")
                    .table("report_editions")
                    .col("event_id")
                    .col("edition")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("report_editions").to_owned())
            .await
    }
}
