//! Secret tokens of people's personal calendar feeds (`/feeds/{token}.ics`). Stored as a
//! SHA-256 hash, like API tokens: the token in clear is shown once, when it is made. One
//! token per person; rotating replaces it, which is why `person_id` is unique.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("feed_tokens")
                    .col(pk_auto("id"))
                    .col(integer_uniq("person_id"))
                    .col(string_uniq("token_hash"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feed_tokens_person")
                            .from("feed_tokens", "person_id")
                            .to("people", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("feed_tokens").to_owned())
            .await
    }
}
