//! Attendance per session: for a panel or a roundtable, who was there. Each line is one
//! person of the session's panel (`person_id`) or one registrant of its event
//! (`registration_id`), marked present, absent or excused, with who marked it and when.
//! One line per person or registrant and session; a session, person or registration
//! deleted takes its lines with it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("session_attendance")
                    .col(pk_auto("id"))
                    .col(integer("session_id"))
                    .col(integer_null("person_id"))
                    .col(integer_null("registration_id"))
                    .col(string_len("status", 16))
                    .col(integer_null("recorded_by"))
                    .col(timestamp_with_time_zone("recorded_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_attendance_session")
                            .from("session_attendance", "session_id")
                            .to("sessions", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_attendance_person")
                            .from("session_attendance", "person_id")
                            .to("people", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_attendance_registration")
                            .from("session_attendance", "registration_id")
                            .to("registrations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_session_attendance_person", "person_id"),
            ("idx_session_attendance_registration", "registration_id"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table("session_attendance")
                        .col("session_id")
                        .col(column)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("session_attendance").to_owned())
            .await
    }
}
