//! A registrant's links are kept as hashes. Each mail to a registrant carries a link of
//! its own (`/registrations/{token}`), every one of them valid for the registration, and
//! only their SHA-256 is stored in `registration_links`: a copy of the database lets no
//! one act as a registrant. The clear token each registration held in `manage_token` is
//! moved here as a hash, and `manage_token` keeps that hash (the column is unique and
//! required; it is the registration's first link).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};
use sha2::{Digest, Sha256};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("registration_links")
                    .col(pk_auto("id"))
                    .col(integer("registration_id"))
                    .col(string_uniq("token_hash"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_registration_links_registration")
                            .from("registration_links", "registration_id")
                            .to("registrations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registration_links_registration")
                    .table("registration_links")
                    .col("registration_id")
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id, manage_token, created_at FROM registrations",
            ))
            .await?;
        for row in rows {
            let id: i32 = row.try_get("", "id")?;
            let token: String = row.try_get("", "manage_token")?;
            let token_hash = hash(&token);
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                match backend {
                    sea_orm_migration::sea_orm::DatabaseBackend::Postgres => {
                        "INSERT INTO registration_links (registration_id, token_hash, created_at) \
                         SELECT id, $1, created_at FROM registrations WHERE id = $2"
                    }
                    _ => {
                        "INSERT INTO registration_links (registration_id, token_hash, created_at) \
                         SELECT id, ?, created_at FROM registrations WHERE id = ?"
                    }
                },
                [token_hash.clone().into(), id.into()],
            ))
            .await?;
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                match backend {
                    sea_orm_migration::sea_orm::DatabaseBackend::Postgres => {
                        "UPDATE registrations SET manage_token = $1 WHERE id = $2"
                    }
                    _ => "UPDATE registrations SET manage_token = ? WHERE id = ?",
                },
                [token_hash.into(), id.into()],
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The clear tokens are gone for good: links sent before stay unusable.
        manager
            .drop_table(Table::drop().table("registration_links").to_owned())
            .await
    }
}
