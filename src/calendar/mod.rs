//! iCalendar (RFC 5545). PLACEHOLDER written by the lead so the tree compiles while the
//! calendar work lands; the calendar engineer replaces this whole file.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use crate::error::AppResult;

pub enum Method {
    Publish,
    Request,
    Cancel,
}

pub enum Status {
    Confirmed,
    Cancelled,
}

pub struct Attendee {
    pub name: String,
    pub email: String,
    pub role: String,
    pub partstat: String,
    pub rsvp: bool,
}

pub struct CalendarEvent {
    pub uid: String,
    pub sequence: i32,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub url: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub zone: crate::domain::TimeZone,
    pub status: Status,
    pub stamp: DateTime<Utc>,
    pub organizer: Option<(String, String)>,
    pub attendees: Vec<Attendee>,
}

pub fn calendar(_name: &str, _method: Method, _events: &[CalendarEvent]) -> String {
    String::new()
}

pub async fn session_events(
    _db: &impl ConnectionTrait,
    _public_url: &str,
    _sessions: &[crate::entities::session::Model],
) -> AppResult<Vec<CalendarEvent>> {
    Ok(Vec::new())
}
