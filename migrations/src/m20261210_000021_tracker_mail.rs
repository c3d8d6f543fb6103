//! The tracker's mail, each sent once even with several `serve` processes on one
//! database: a row per mail claimed before it is queued (`tracker_mails.key`, unique:
//! `review:{item}:{due date}` for an owner's review falling due, `digest:{account}:{week}`
//! for an organizer's weekly digest of what is overdue).
//!
//! And the tracker's tables are watched by the content version (migration 13): the public
//! tracker, its report and the series syntheses that show it are kept pages, which a
//! change must renew at once.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::m20261205_000013_content_version::{unwatch, watch};

/// The tables the tracker's public pages read.
const TRACKER: &[&str] = &[
    "recommendations",
    "recommendation_updates",
    "recommendation_links",
    "addressees",
    "addressee_aliases",
];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("tracker_mails")
                    .col(pk_auto("id"))
                    .col(string_uniq("key"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        for table in TRACKER {
            watch(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TRACKER {
            unwatch(manager, table).await?;
        }
        manager
            .drop_table(Table::drop().table("tracker_mails").to_owned())
            .await
    }
}
