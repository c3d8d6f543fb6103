//! Each session has a confidentiality: `public` (as before), `chatham-house` (what was
//! said is never attributed to a person or organization in any output) or `closed` (seen
//! only by the organizers and the session's panel).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .add_column(
                        ColumnDef::new("confidentiality")
                            .string_len(16)
                            .not_null()
                            .default("public"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .drop_column("confidentiality")
                    .to_owned(),
            )
            .await
    }
}
