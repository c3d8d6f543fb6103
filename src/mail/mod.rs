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

/// Declares the templates of a family of messages that share one view type, one folder
/// each under `templates/mail/` (subject, text, HTML), and a `render(kind, view)` that
/// gives the three of the message of `kind`.
#[macro_export]
macro_rules! mail_templates {
    ($view:ty; $($kind:literal => $subject:ident $s:literal, $text:ident $t:literal, $html:ident $h:literal;)+) => {
        $(
            #[derive(askama::Template)]
            #[template(path = $s)]
            struct $subject<'a> {
                v: &'a $view,
            }
            #[derive(askama::Template)]
            #[template(path = $t)]
            struct $text<'a> {
                v: &'a $view,
            }
            #[derive(askama::Template)]
            #[template(path = $h)]
            struct $html<'a> {
                v: &'a $view,
            }
        )+

        /// Subject, text and HTML of the message of `kind`.
        fn render(kind: &str, v: &$view) -> Result<(String, String, String), askama::Error> {
            use askama::Template as _;
            match kind {
                $($kind => Ok(($subject { v }.render()?.trim().to_string(), $text { v }.render()?, $html { v }.render()?)),)+
                other => Err(askama::Error::Custom(format!("no mail {other}").into())),
            }
        }
    };
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
