//! A version of what the public reads: one row whose number goes up in the same
//! transaction as any change to the tables public pages, feeds, calendars and their JSON
//! are made from. Servers keep those answers rendered while the version stands; the row
//! is read in one query by every instance (at once after its own writes, and a few times
//! a second for the others'), and since the number changes with the commit of the data,
//! a server never sees the new number with the old data.
//!
//! Triggers keep it: FOR EACH STATEMENT on PostgreSQL (one bump per statement, through a
//! function), FOR EACH ROW on SQLite (which has no statement triggers).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables public answers are made from. Not among them: the outbox, audit log,
/// sign-ins, tokens of accounts and the like, which no public answer shows.
pub const WATCHED: &[&str] = &[
    "events",
    "sessions",
    "session_participants",
    "series",
    "people",
    "organizations",
    "event_organizations",
    "event_reports",
    "report_editions",
    "summaries",
    "themes",
    "registrations",
    "invitations",
    "feed_tokens",
];

const OPERATIONS: [&str; 3] = ["INSERT", "UPDATE", "DELETE"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE TABLE content_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)",
        )
        .await?;
        db.execute_unprepared("INSERT INTO content_version (id, version) VALUES (1, 1)")
            .await?;
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "CREATE FUNCTION bump_content_version() RETURNS trigger AS $$ \
                 BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; RETURN NULL; END; \
                 $$ LANGUAGE plpgsql",
            )
            .await?;
        }
        for table in WATCHED {
            watch(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for table in WATCHED {
            unwatch(manager, table).await?;
        }
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS bump_content_version()")
                .await?;
        }
        db.execute_unprepared("DROP TABLE content_version").await?;
        Ok(())
    }
}

/// Makes every change to `table` count up the content version (the function this
/// migration creates on PostgreSQL must exist).
pub async fn watch(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared(&format!(
            "CREATE TRIGGER content_version_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} \
             FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version()"
        ))
        .await?;
        return Ok(());
    }
    for operation in OPERATIONS {
        let name = operation.to_lowercase();
        db.execute_unprepared(&format!(
            "CREATE TRIGGER content_version_{table}_{name} AFTER {operation} ON {table} \
             BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END"
        ))
        .await?;
    }
    Ok(())
}

/// Undoes [`watch`].
pub async fn unwatch(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared(&format!(
            "DROP TRIGGER IF EXISTS content_version_{table} ON {table}"
        ))
        .await?;
        return Ok(());
    }
    for operation in OPERATIONS {
        let name = operation.to_lowercase();
        db.execute_unprepared(&format!(
            "DROP TRIGGER IF EXISTS content_version_{table}_{name}"
        ))
        .await?;
    }
    Ok(())
}
