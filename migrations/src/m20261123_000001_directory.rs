//! Organizations and people.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("organizations")
                    .col(pk_auto("id"))
                    .col(string("name"))
                    .col(string_null("acronym"))
                    .col(string("kind"))
                    .col(string_len_null("country", 2))
                    .col(string_null("region"))
                    .col(string_null("subregion"))
                    .col(string_null("website"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_organizations_name")
                    .table("organizations")
                    .col("name")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("people")
                    .col(pk_auto("id"))
                    .col(string_null("honorific"))
                    .col(string("given_name"))
                    .col(string("family_name"))
                    .col(string_null("email").unique_key())
                    .col(string_null("position"))
                    .col(integer_null("organization_id"))
                    .col(string_len_null("country", 2))
                    .col(text_null("bio"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_people_organization")
                            .from("people", "organization_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_people_family_name")
                    .table("people")
                    .col("family_name")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_people_organization")
                    .table("people")
                    .col("organization_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("people").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("organizations").to_owned())
            .await
    }
}
