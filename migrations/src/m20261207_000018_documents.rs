//! The documents library: policy memos, papers, reports and the like, each with a file in
//! the object store (its key, name, type and size here, never its bytes) or a link, and
//! its metadata: kind, date, language, summary, who may read it (`public`, `members`,
//! `organizers`), the event or series it belongs to, its next steps, and, in tables of
//! their own so that the library can filter on them, its regions, countries and authoring
//! organizations. The text of a PDF is kept for search. A withdrawn document keeps its
//! row (`withdrawn_at`) for the audit trail, and its file is deleted.
//!
//! The tables are watched by the content version (migration 13): `/documents` is a public
//! read kept rendered.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::m20261205_000013_content_version::{unwatch, watch};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: &[&str] = &[
    "documents",
    "document_regions",
    "document_countries",
    "document_organizations",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("documents")
                    .col(pk_auto("id"))
                    .col(string("title"))
                    .col(string_len("kind", 16))
                    .col(date_null("published_on"))
                    .col(string_len_null("language", 35))
                    .col(text("summary"))
                    .col(string_len("access", 16))
                    .col(integer_null("event_id"))
                    .col(integer_null("series_id"))
                    .col(text_null("url"))
                    .col(string_null("file_key"))
                    .col(string_null("filename"))
                    .col(string_null("content_type"))
                    .col(big_integer_null("bytes"))
                    .col(text("text"))
                    .col(text("next_steps"))
                    .col(integer_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(timestamp_with_time_zone_null("withdrawn_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_documents_event")
                            .from("documents", "event_id")
                            .to("events", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_documents_series")
                            .from("documents", "series_id")
                            .to("series", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(tags("document_regions", "region", 32))
            .await?;
        manager
            .create_table(tags("document_countries", "country", 2))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("document_organizations")
                    .col(integer("document_id"))
                    .col(integer("organization_id"))
                    .col(integer("position"))
                    .primary_key(Index::create().col("document_id").col("organization_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_document_organizations_document")
                            .from("document_organizations", "document_id")
                            .to("documents", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_document_organizations_organization")
                            .from("document_organizations", "organization_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, table, column) in [
            ("idx_document_regions_region", "document_regions", "region"),
            (
                "idx_document_organizations_organization",
                "document_organizations",
                "organization_id",
            ),
            ("idx_documents_event", "documents", "event_id"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in TABLES {
            watch(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            unwatch(manager, table).await?;
        }
        for table in TABLES.iter().rev() {
            manager
                .drop_table(Table::drop().table(*table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// A table of a document's tags of one kind (regions, countries): one row per tag.
fn tags(table: &'static str, column: &'static str, length: u32) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(integer("document_id"))
        .col(string_len(column, length))
        .primary_key(Index::create().col("document_id").col(column))
        .foreign_key(
            ForeignKey::create()
                .name(format!("fk_{table}_document"))
                .from(table, "document_id")
                .to("documents", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}
