//! Mail as a queue. A message is a row of the outbox, written in the same transaction as
//! the change that causes it (an invitation, a session moved or cancelled); the worker
//! inside `serve` delivers due rows through SMTP or as `.eml` files, with retries and
//! exponential backoff, at least once, even across crashes. Several `serve` processes on
//! one PostgreSQL database each claim different rows (`FOR UPDATE SKIP LOCKED` and a
//! lease), so a message goes out once.

pub mod api;
pub mod messages;
pub mod outbox;
pub mod pages;
pub mod transport;
pub mod worker;

use chrono::Duration;

crate::string_enum!(OutboxStatus {
    Queued => "queued",
    Sending => "sending",
    Sent => "sent",
    Failed => "failed",
});

/// A message ready to queue: rendered, addressed, and said what it is about.
#[derive(Debug, Clone)]
pub struct Envelope {
    pub kind: &'static str,
    pub recipient_email: String,
    pub recipient_name: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The iTIP method (`REQUEST`, `CANCEL`) and the calendar, when one is attached.
    pub calendar: Option<(String, String)>,
    pub event_id: Option<i32>,
    pub session_id: Option<i32>,
    pub person_id: Option<i32>,
    /// Queued messages with the same key are replaced by the newer one.
    pub coalesce_key: Option<String>,
    /// Wait this long before sending (the quiet period of updates); zero for at once.
    pub delay: Duration,
}

/// Removes what must never reach a mail header: line breaks and other control characters.
pub fn header_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_text_loses_line_breaks() {
        assert_eq!(
            header_safe("Evil\r\nBcc: all@example.org"),
            "Evil Bcc: all@example.org"
        );
        assert_eq!(header_safe("  Mr  Luc\tLAMPRIÈRE "), "Mr Luc LAMPRIÈRE");
    }
}
