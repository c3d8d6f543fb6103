//! Content in several languages: the language an event or a series is written in
//! (`language`, English unless said), and its translations (`translations`, JSON:
//! `{"fr":{"title":"…","description":"…"}}`) on events, sessions, series and outcome
//! reports (introduction and conclusions). And the language mail goes out in: a
//! registrant's (the language of the form they filled) and a person's.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each column added, one statement each (SQLite alters one column at a time).
fn columns() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("events", string_len("language", 8).default("en").to_owned()),
        ("events", text_null("translations")),
        ("series", string_len("language", 8).default("en").to_owned()),
        ("series", text_null("translations")),
        ("sessions", text_null("translations")),
        ("event_reports", text_null("translations")),
        ("registrations", string_len_null("language", 8)),
        ("people", string_len_null("language", 8)),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, mut column) in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in columns().into_iter().rev() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(column.get_column_name())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
