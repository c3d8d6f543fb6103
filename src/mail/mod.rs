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
mod relay;
pub mod salutation;
pub mod service;
pub mod transport;
pub mod withhold;
pub mod worker;

use chrono::Duration;

crate::string_enum!(
    /// What a message is: its templates, the outbox's filters, the worker's logs.
    MailKind {
        Invitation => "invitation" as "Invitation",
        InvitationDeclined => "invitation_declined" as "Invitation declined",
        SessionUpdate => "session_update" as "Session changed",
        SessionCancelled => "session_cancelled" as "Session cancelled",
        EventCancelled => "event_cancelled" as "Event cancelled",
        RegistrationConfirmed => "registration_confirmed" as "Registration confirmed",
        RegistrationWaitlisted => "registration_waitlisted" as "On the waiting list",
        RegistrationPending => "registration_pending" as "Registration received",
        RegistrationApproved => "registration_approved" as "Registration approved",
        RegistrationRejected => "registration_rejected" as "Registration declined",
        RegistrationCancelled => "registration_cancelled" as "Registration cancelled",
        RegistrationPromoted => "registration_promoted" as "Place from the waiting list",
        RegistrationReconfirm => "registration_reconfirm" as "Please confirm",
        RegistrationReleased => "registration_released" as "Place released",
        VisaLetterApproved => "visa_letter_approved" as "Visa letter approved",
        VisaLetterRefused => "visa_letter_refused" as "Visa letter refused",
        SummarySubmitted => "summary_submitted" as "Summary to review",
        SummaryApproved => "summary_approved" as "Summary approved",
        SummaryReturned => "summary_returned" as "Summary returned",
        SummaryReminder => "summary_reminder" as "Summary due",
        SummaryOverdue => "summary_overdue" as "Summary overdue",
        AccountSetup => "account_setup" as "Account set-up",
        PasswordReset => "password_reset" as "Password reset",
        MembershipApplication => "membership_application" as "Membership application",
        MembershipRejected => "membership_rejected" as "Membership declined",
        RecommendationReview => "recommendation_review" as "Recommendation review due",
        RecommendationDigest => "recommendation_digest" as "Recommendations overdue",
    }
);

impl MailKind {
    /// Whether a message of this kind carries a single-use link that signs in as its
    /// recipient (setting their password): such links are withheld from organizers
    /// reading the outbox, and such messages are never sent twice.
    pub fn signs_in_as_recipient(self) -> bool {
        matches!(self, Self::AccountSetup | Self::PasswordReset)
    }
}

crate::string_enum!(OutboxStatus {
    Queued => "queued" as "Queued",
    Sending => "sending" as "Sending",
    Sent => "sent" as "Sent",
    Failed => "failed" as "Failed",
});

/// A message ready to queue: rendered, addressed, and said what it is about.
#[derive(Debug, Clone)]
pub struct Envelope {
    pub kind: MailKind,
    pub recipient_email: String,
    pub recipient_name: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The iTIP method (`REQUEST`, `CANCEL`) and the calendar, when one is attached.
    pub calendar: Option<(crate::calendar::Method, String)>,
    pub event_id: Option<i32>,
    pub session_id: Option<i32>,
    pub person_id: Option<i32>,
    /// Queued messages with the same key are replaced by the newer one.
    pub coalesce_key: Option<String>,
    /// Wait this long before sending (the quiet period of updates); zero for at once.
    pub delay: Duration,
}

impl Envelope {
    /// The files the message will carry, as the outbox lists them once it is queued.
    pub fn attachments(&self) -> Vec<api::AttachmentOut> {
        match &self.calendar {
            Some(_) => vec![api::AttachmentOut {
                filename: transport::CALENDAR_FILENAME.to_string(),
                content_type: transport::CALENDAR_CONTENT_TYPE.to_string(),
            }],
            None => Vec::new(),
        }
    }
}

/// Declares the templates of a family of messages that share one view type, one folder
/// each under `templates/mail/` (subject, text, HTML), and a `render(kind, view)` that
/// gives the three of the message of `kind` (an error for a kind of another family).
#[macro_export]
macro_rules! mail_templates {
    ($view:ty; $($kind:ident => $subject:ident $s:literal, $text:ident $t:literal, $html:ident $h:literal;)+) => {
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
        fn render(kind: $crate::mail::MailKind, v: &$view) -> Result<(String, String, String), askama::Error> {
            use askama::Template as _;
            match kind {
                $($crate::mail::MailKind::$kind => Ok(($subject { v }.render()?.trim().to_string(), $text { v }.render()?, $html { v }.render()?)),)+
                #[allow(unreachable_patterns)]
                other => Err(askama::Error::Custom(format!("no mail {other} here").into())),
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
