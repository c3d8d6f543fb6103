//! Roundtable's schema history. One file per change, never edited once landed; every
//! migration runs on SQLite and PostgreSQL alike.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_directory;
mod m20261123_000002_accounts;
mod m20261123_000003_events;
mod m20261123_000004_audit;
mod m20261123_000005_login_attempts;
mod m20261123_000006_mail;
mod m20261123_000007_feed_tokens;
mod m20261123_000008_registrations;
mod m20261123_000009_summaries;
mod m20261205_000010_account_lifecycle;
mod m20261205_000011_report_editions;
mod m20261205_000012_registration_links;
mod m20261205_000013_content_version;
mod m20261206_000014_check_in;
mod m20261206_000015_session_attendance;
mod m20261206_000016_confidentiality;
mod m20261206_000017_visa_requests;
mod m20261207_000018_documents;
mod m20261208_000019_search;
mod m20261209_000020_recommendations;
mod m20261210_000021_tracker_mail;
mod m20261211_000022_languages;
mod m20261212_000023_application_language;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_directory::Migration),
            Box::new(m20261123_000002_accounts::Migration),
            Box::new(m20261123_000003_events::Migration),
            Box::new(m20261123_000004_audit::Migration),
            Box::new(m20261123_000005_login_attempts::Migration),
            Box::new(m20261123_000006_mail::Migration),
            Box::new(m20261123_000007_feed_tokens::Migration),
            Box::new(m20261123_000008_registrations::Migration),
            Box::new(m20261123_000009_summaries::Migration),
            Box::new(m20261205_000010_account_lifecycle::Migration),
            Box::new(m20261205_000011_report_editions::Migration),
            Box::new(m20261205_000012_registration_links::Migration),
            Box::new(m20261205_000013_content_version::Migration),
            Box::new(m20261206_000014_check_in::Migration),
            Box::new(m20261206_000015_session_attendance::Migration),
            Box::new(m20261206_000016_confidentiality::Migration),
            Box::new(m20261206_000017_visa_requests::Migration),
            Box::new(m20261207_000018_documents::Migration),
            Box::new(m20261208_000019_search::Migration),
            Box::new(m20261209_000020_recommendations::Migration),
            Box::new(m20261210_000021_tracker_mail::Migration),
            Box::new(m20261211_000022_languages::Migration),
            Box::new(m20261212_000023_application_language::Migration),
        ]
    }
}
