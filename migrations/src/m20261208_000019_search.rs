//! Search, in the database's own full-text engine so that every `serve` instance sharing a
//! database sees one index: SQLite's FTS5 (`unicode61` with diacritics removed), and
//! PostgreSQL's full-text search over `unaccent`ed text. Both fold accents and case:
//! `lampriere` finds LAMPRIÈRE.
//!
//! - `search_entries`: one row per thing found (an event, a session, a person, an
//!   organization, a report, a summary, a document), with its title and body as people
//!   read them, where it is read (`url`), and who may read it (`access`). On SQLite the
//!   words are in the FTS5 table `search_fts` (rowid = the entry's id), kept by triggers on
//!   `search_entries`; on PostgreSQL in the entry's `words`, a weighted `tsvector` (title
//!   A, body B) kept by a trigger, under a GIN index.
//! - `search_queue`: what changed. Triggers on the tables search reads add a row (source,
//!   id) in the same transaction as the change; whichever instance searches or ticks next
//!   drains the queue into the entries (src/search/index.rs).
//!
//! Also: a document's first-page picture (`documents.thumbnail_key`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each table search reads, and the (source, column) rows its changes queue.
pub const SOURCES: &[(&str, &[(&str, &str)])] = &[
    ("events", &[("event", "id")]),
    ("series", &[("series", "id")]),
    ("sessions", &[("session", "id")]),
    (
        "session_participants",
        &[("session", "session_id"), ("person", "person_id")],
    ),
    (
        "people",
        &[("person", "id"), ("organization", "organization_id")],
    ),
    ("organizations", &[("organization", "id")]),
    (
        "event_organizations",
        &[("event", "event_id"), ("org-seen", "organization_id")],
    ),
    ("event_reports", &[("event", "event_id")]),
    ("report_editions", &[("event", "event_id")]),
    ("summaries", &[("session", "session_id")]),
    ("documents", &[("document", "id")]),
    ("document_regions", &[("document", "document_id")]),
    ("document_countries", &[("document", "document_id")]),
    (
        "document_organizations",
        &[
            ("document", "document_id"),
            ("organization", "organization_id"),
        ],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        manager
            .alter_table(
                Table::alter()
                    .table("documents")
                    .add_column(ColumnDef::new("thumbnail_key").string().null())
                    .to_owned(),
            )
            .await?;
        if postgres {
            for sql in [
                "CREATE EXTENSION IF NOT EXISTS unaccent",
                "CREATE TABLE search_queue (id BIGSERIAL PRIMARY KEY, \
                 source VARCHAR(16) NOT NULL, ref_id INTEGER NOT NULL)",
                "CREATE TABLE search_entries (id SERIAL PRIMARY KEY, \
                 source VARCHAR(16) NOT NULL, ref_id INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, \
                 title TEXT NOT NULL, body TEXT NOT NULL, url TEXT NOT NULL, \
                 access VARCHAR(16) NOT NULL, words TSVECTOR, UNIQUE (source, ref_id))",
                "CREATE INDEX idx_search_entries_words ON search_entries USING GIN (words)",
                "CREATE FUNCTION search_entry_words() RETURNS trigger AS $$ BEGIN \
                 NEW.words := setweight(to_tsvector('simple', unaccent(NEW.title)), 'A') \
                 || setweight(to_tsvector('simple', unaccent(left(NEW.body, 500000))), 'B'); \
                 RETURN NEW; END; $$ LANGUAGE plpgsql",
                "CREATE TRIGGER search_entry_words BEFORE INSERT OR UPDATE ON search_entries \
                 FOR EACH ROW EXECUTE FUNCTION search_entry_words()",
                // The queued rows: TG_ARGV holds (source, column) pairs; NULL ids are not
                // queued; an update queues the old and the new row's ids.
                "CREATE FUNCTION search_enqueue() RETURNS trigger AS $$ \
                 DECLARE i INTEGER := 0; BEGIN \
                 WHILE i < TG_NARGS LOOP \
                   IF TG_OP <> 'INSERT' AND to_jsonb(OLD)->>TG_ARGV[i+1] IS NOT NULL THEN \
                     INSERT INTO search_queue (source, ref_id) \
                     VALUES (TG_ARGV[i], (to_jsonb(OLD)->>TG_ARGV[i+1])::INTEGER); END IF; \
                   IF TG_OP <> 'DELETE' AND to_jsonb(NEW)->>TG_ARGV[i+1] IS NOT NULL \
                     AND (TG_OP = 'INSERT' OR to_jsonb(NEW)->>TG_ARGV[i+1] \
                          IS DISTINCT FROM to_jsonb(OLD)->>TG_ARGV[i+1]) THEN \
                     INSERT INTO search_queue (source, ref_id) \
                     VALUES (TG_ARGV[i], (to_jsonb(NEW)->>TG_ARGV[i+1])::INTEGER); END IF; \
                   i := i + 2; \
                 END LOOP; RETURN NULL; END; $$ LANGUAGE plpgsql",
            ] {
                db.execute_unprepared(sql).await?;
            }
            for (table, queued) in SOURCES {
                let args: Vec<String> = queued
                    .iter()
                    .flat_map(|(source, column)| [format!("'{source}'"), format!("'{column}'")])
                    .collect();
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER search_queue_{table} AFTER INSERT OR UPDATE OR DELETE \
                     ON {table} FOR EACH ROW EXECUTE FUNCTION search_enqueue({})",
                    args.join(", ")
                ))
                .await?;
            }
        } else {
            for sql in [
                "CREATE TABLE search_queue (id INTEGER PRIMARY KEY AUTOINCREMENT, \
                 source VARCHAR(16) NOT NULL, ref_id INTEGER NOT NULL)",
                "CREATE TABLE search_entries (id INTEGER PRIMARY KEY AUTOINCREMENT, \
                 source VARCHAR(16) NOT NULL, ref_id INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, \
                 title TEXT NOT NULL, body TEXT NOT NULL, url TEXT NOT NULL, \
                 access VARCHAR(16) NOT NULL, UNIQUE (source, ref_id))",
                // The words only: titles and bodies are read from search_entries.
                "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, \
                 content = 'search_entries', content_rowid = 'id', \
                 tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4')",
                "CREATE TRIGGER search_entries_insert AFTER INSERT ON search_entries BEGIN \
                 INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body); END",
                "CREATE TRIGGER search_entries_delete AFTER DELETE ON search_entries BEGIN \
                 INSERT INTO search_fts (search_fts, rowid, title, body) \
                 VALUES ('delete', OLD.id, OLD.title, OLD.body); END",
                "CREATE TRIGGER search_entries_update AFTER UPDATE ON search_entries BEGIN \
                 INSERT INTO search_fts (search_fts, rowid, title, body) \
                 VALUES ('delete', OLD.id, OLD.title, OLD.body); \
                 INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body); END",
            ] {
                db.execute_unprepared(sql).await?;
            }
            for (table, queued) in SOURCES {
                let rows = |row: &str| -> String {
                    queued
                        .iter()
                        .map(|(source, column)| {
                            format!(
                                "INSERT INTO search_queue (source, ref_id) \
                                 SELECT '{source}', {row}.{column} WHERE {row}.{column} IS NOT NULL;"
                            )
                        })
                        .collect()
                };
                for (operation, body) in [
                    ("INSERT", rows("NEW")),
                    ("UPDATE", format!("{}{}", rows("OLD"), rows("NEW"))),
                    ("DELETE", rows("OLD")),
                ] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER search_queue_{table}_{} AFTER {operation} ON {table} \
                         BEGIN {body} END",
                        operation.to_ascii_lowercase()
                    ))
                    .await?;
                }
            }
        }
        // What is already there is queued once, to be indexed.
        for (table, queued) in SOURCES {
            for (source, column) in *queued {
                if *column == "id" {
                    db.execute_unprepared(&format!(
                        "INSERT INTO search_queue (source, ref_id) SELECT '{source}', id FROM {table}"
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        for (table, _) in SOURCES {
            if postgres {
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS search_queue_{table} ON {table}"
                ))
                .await?;
            } else {
                for operation in ["insert", "update", "delete"] {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS search_queue_{table}_{operation}"
                    ))
                    .await?;
                }
            }
        }
        if postgres {
            db.execute_unprepared("DROP TABLE search_entries").await?;
            db.execute_unprepared("DROP FUNCTION IF EXISTS search_entry_words()")
                .await?;
            db.execute_unprepared("DROP FUNCTION IF EXISTS search_enqueue()")
                .await?;
        } else {
            db.execute_unprepared("DROP TABLE search_fts").await?;
            db.execute_unprepared("DROP TABLE search_entries").await?;
        }
        db.execute_unprepared("DROP TABLE search_queue").await?;
        manager
            .alter_table(
                Table::alter()
                    .table("documents")
                    .drop_column("thumbnail_key")
                    .to_owned(),
            )
            .await
    }
}
