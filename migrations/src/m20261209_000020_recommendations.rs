//! The recommendation tracker: every recommendation of an approved summary and every next
//! step of a document is an item (`recommendations`), kept when its source changes
//! (`withdrawn_at` when the source no longer says it), with its follow-up history
//! (`recommendation_updates`), its links to the same recommendation raised elsewhere
//! (`recommendation_links`), and the addressees as a vocabulary with aliases
//! (`addressees`, `addressee_aliases`: "EU", "European Union" → one).

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
                    .table("addressees")
                    .col(pk_auto("id"))
                    .col(string("name"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("addressee_aliases")
                    .col(pk_auto("id"))
                    .col(integer("addressee_id"))
                    .col(string("alias"))
                    // Accents, case and spaces folded: what a lookup compares.
                    .col(string_uniq("folded"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_addressee_aliases_addressee")
                            .from("addressee_aliases", "addressee_id")
                            .to("addressees", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("recommendations")
                    .col(pk_auto("id"))
                    // `session` (a summary's recommendation) or `document` (a next step).
                    .col(string_len("source_kind", 16))
                    .col(integer("source_id"))
                    .col(integer("position"))
                    .col(text("text"))
                    .col(string("addressee_text"))
                    .col(integer_null("addressee_id"))
                    .col(text("themes"))
                    .col(string_len_null("priority", 16))
                    .col(string_len_null("timeframe", 16))
                    .col(string_len("status", 24))
                    .col(integer_null("owner_id"))
                    .col(date_null("next_review_on"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(timestamp_with_time_zone_null("withdrawn_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recommendations_addressee")
                            .from("recommendations", "addressee_id")
                            .to("addressees", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recommendations_owner")
                            .from("recommendations", "owner_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recommendations_source")
                    .table("recommendations")
                    .col("source_kind")
                    .col("source_id")
                    .col("position")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("recommendation_updates")
                    .col(pk_auto("id"))
                    .col(integer("recommendation_id"))
                    .col(string_len("status", 24))
                    .col(text("note"))
                    .col(text_null("evidence_url"))
                    .col(integer_null("document_id"))
                    .col(date("on"))
                    .col(integer_null("by_user"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recommendation_updates_item")
                            .from("recommendation_updates", "recommendation_id")
                            .to("recommendations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recommendation_updates_document")
                            .from("recommendation_updates", "document_id")
                            .to("documents", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recommendation_updates_item")
                    .table("recommendation_updates")
                    .col("recommendation_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("recommendation_links")
                    .col(pk_auto("id"))
                    .col(integer("from_id"))
                    .col(integer("to_id"))
                    // `raised-again` (from the later to the earlier) or `supersedes`.
                    .col(string_len("relation", 16))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recommendation_links_from")
                            .from("recommendation_links", "from_id")
                            .to("recommendations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recommendation_links_to")
                            .from("recommendation_links", "to_id")
                            .to("recommendations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recommendation_links_pair")
                    .table("recommendation_links")
                    .col("from_id")
                    .col("to_id")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "recommendation_links",
            "recommendation_updates",
            "recommendations",
            "addressee_aliases",
            "addressees",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
