//! The door of the room: each registration gets a short check-in code (shown on the
//! registrant's page and in their confirmation mail, typed or scanned at the door), the
//! time it was checked in and by whom, and whether the person came in without having
//! registered (a walk-in, added by an organizer at the door).
//!
//! Registrations made before get a code now: six characters from the same alphabet as
//! new ones (digits 2–9 and capitals, no 0, 1, I or O, which are misread at a door).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            ColumnDef::new("check_in_code")
                .string_len(12)
                .null()
                .to_owned(),
            ColumnDef::new("checked_in_at")
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
            ColumnDef::new("checked_in_by").integer().null().to_owned(),
            ColumnDef::new("walk_in")
                .boolean()
                .not_null()
                .default(false)
                .to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table("registrations")
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_registrations_check_in_code")
                    .table("registrations")
                    .col("event_id")
                    .col("check_in_code")
                    .to_owned(),
            )
            .await?;
        // Six random hexadecimal digits, 0 and 1 turned into letters of the alphabet.
        let random_hex = match manager.get_database_backend() {
            DatabaseBackend::Postgres => "upper(substr(md5(random()::text || id::text), 1, 6))",
            _ => "hex(randomblob(3))",
        };
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "UPDATE registrations SET check_in_code = \
                 replace(replace({random_hex}, '0', 'G'), '1', 'H') \
                 WHERE check_in_code IS NULL AND erased_at IS NULL"
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_registrations_check_in_code")
                    .table("registrations")
                    .to_owned(),
            )
            .await?;
        for column in ["walk_in", "checked_in_by", "checked_in_at", "check_in_code"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("registrations")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
