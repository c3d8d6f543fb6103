//! The language of a membership application: the page's the applicant filled it in (or
//! the API's `language`), which the answers to it are written in.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("membership_applications")
                    .add_column(string_len_null("language", 8))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("membership_applications")
                    .drop_column("language")
                    .to_owned(),
            )
            .await
    }
}
