//! sea-orm entities, one file per table, no logic. The schema itself comes from the
//! migrations crate; these only describe it to the ORM.

pub mod account_token;
pub mod api_token;
pub mod audit_log;
pub mod auth_session;
pub mod document;
pub mod document_country;
pub mod document_organization;
pub mod document_region;
pub mod event;
pub mod event_organization;
pub mod event_report;
pub mod feed_token;
pub mod invitation;
pub mod login_attempt;
pub mod membership_application;
pub mod organization;
pub mod outbox_message;
pub mod person;
pub mod registration;
pub mod registration_link;
pub mod report_edition;
pub mod series;
pub mod session;
pub mod session_attendance;
pub mod session_participant;
pub mod summary;
pub mod summary_reminder;
pub mod summary_version;
pub mod theme;
pub mod user;
pub mod visa_request;
