//! Delivery: SMTP (plain for a local relay, STARTTLS with `?tls=required`, or TLS with
//! `smtps://`; credentials in the URL; a pooled connection), or `.eml` files in a folder
//! (`file://DIR`, the default of a new install).

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::Error as SmtpError;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use std::sync::Arc;

use super::header_safe;
use super::relay::Relay;
use crate::config::MailSettings;
use crate::entities::outbox_message;

#[derive(Clone)]
pub enum Transport {
    /// `smtp://`: connections opened with Nagle's algorithm off (`mail::relay`).
    Relay(Arc<Relay>),
    /// `smtps://`: lettre's pooled transport.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// Why a message could not go out, and whether trying again may help.
#[derive(Debug)]
pub struct SendError {
    pub message: String,
    pub permanent: bool,
}

impl Transport {
    /// Builds the transport a `mail.url` names.
    pub fn from_settings(settings: &MailSettings) -> anyhow::Result<Self> {
        let url = settings.url.trim();
        if let Some(dir) = url.strip_prefix("file://") {
            std::fs::create_dir_all(dir)
                .map_err(|err| anyhow::anyhow!("cannot create the mail folder {dir}: {err}"))?;
            return Ok(Self::Files(AsyncFileTransport::new(dir)));
        }
        let timeout = std::time::Duration::from_secs(30);
        if url.starts_with("smtp://") {
            let relay = Relay::from_url(url, timeout)
                .map_err(|err| anyhow::anyhow!("mail.url is not a usable SMTP address: {err}"))?;
            return Ok(Self::Relay(Arc::new(relay)));
        }
        if url.starts_with("smtps://") {
            let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map_err(|err| anyhow::anyhow!("mail.url is not a usable SMTP address: {err}"))?
                .timeout(Some(timeout))
                .build();
            return Ok(Self::Smtp(transport));
        }
        anyhow::bail!("mail.url must start with file://, smtp:// or smtps://")
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Self::Relay(relay) => relay.send(&message).await,
            Self::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|err: SmtpError| SendError {
                    permanent: err.is_permanent(),
                    message: err.to_string(),
                }),
            Self::Files(files) => files
                .send(message)
                .await
                .map(|_| ())
                .map_err(|err| SendError {
                    permanent: false,
                    message: err.to_string(),
                }),
        }
    }
}

fn mailbox(name: &str, address: &str) -> Result<Mailbox, SendError> {
    let address = address.parse().map_err(|err| SendError {
        message: format!("invalid address {address:?}: {err}"),
        permanent: true,
    })?;
    let name = header_safe(name);
    Ok(Mailbox::new((!name.is_empty()).then_some(name), address))
}

/// A file a delivered message carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached<'a> {
    pub filename: &'static str,
    /// Without the `name=` parameter, which the message adds from `filename`.
    pub content_type: &'static str,
    pub body: &'a str,
}

/// The name of the calendar file a message carries.
pub const CALENDAR_FILENAME: &str = "invite.ics";
/// Its type, as an attachment.
pub const CALENDAR_CONTENT_TYPE: &str = "application/ics";

/// The files the message of an outbox row carries: its calendar, when it has one, as
/// `invite.ics`.
pub fn attachments(row: &outbox_message::Model) -> Vec<Attached<'_>> {
    match (&row.ics_method, &row.ics) {
        (Some(_), Some(ics)) => vec![Attached {
            filename: CALENDAR_FILENAME,
            content_type: CALENDAR_CONTENT_TYPE,
            body: ics,
        }],
        _ => Vec::new(),
    }
}

/// The MIME message of an outbox row: text and HTML alternatives, and, when it carries a
/// calendar, a `text/calendar; method=...` alternative (what Outlook and Gmail act on)
/// plus the same calendar as an `invite.ics` attachment (what other clients open).
pub fn build(settings: &MailSettings, row: &outbox_message::Model) -> Result<Message, SendError> {
    let system = mailbox(&settings.from_name, &settings.from_address)?;
    let mut builder = Message::builder().message_id(Some(message_id(settings, row)));
    // A calendar invitation comes from its ORGANIZER (clients match the two before they
    // offer to answer), sent by Roundtable on the organizers' behalf.
    builder = if row.ics.is_some() {
        let organizer = mailbox(&settings.organizer_name, &settings.organizer_address)?;
        if organizer.email == system.email {
            builder.from(organizer)
        } else {
            builder.from(organizer).sender(system)
        }
    } else {
        builder.from(system)
    };
    let mut builder = builder
        .to(mailbox(&row.recipient_name, &row.recipient_email)?)
        .subject(header_safe(&row.subject));
    let reply_to = settings.reply_to.trim();
    if !reply_to.is_empty() {
        builder = builder.reply_to(mailbox("", reply_to)?);
    }
    let mut alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(row.text_body.clone()))
        .singlepart(SinglePart::html(row.html_body.clone()));
    if let (Some(method), Some(ics)) = (&row.ics_method, &row.ics) {
        let calendar_type = content_type(&format!(
            "text/calendar; charset=utf-8; method={}",
            method.as_str()
        ))?;
        alternative = alternative.singlepart(
            SinglePart::builder()
                .header(calendar_type)
                .body(ics.clone()),
        );
    }
    let files = attachments(row);
    let body = if files.is_empty() {
        alternative
    } else {
        let mut mixed = MultiPart::mixed().multipart(alternative);
        for file in files {
            let kind = content_type(&format!(
                "{}; name=\"{}\"",
                file.content_type, file.filename
            ))?;
            mixed = mixed.singlepart(
                Attachment::new(file.filename.to_string()).body(file.body.to_string(), kind),
            );
        }
        mixed
    };
    builder.multipart(body).map_err(|err| SendError {
        message: format!("cannot build the message: {err}"),
        permanent: true,
    })
}

/// The Message-ID of an outbox row, fixed when it was queued (its id and the instant it
/// was created) and so the same on every try, by any instance: a receiver drops the copy
/// a crash between sending and recording made it send again. A copy resent on purpose is
/// a new row, with its own. The domain is that of the sender's address.
pub fn message_id(settings: &MailSettings, row: &outbox_message::Model) -> String {
    let domain = settings
        .from_address
        .rsplit_once('@')
        .map(|(_, domain)| domain.trim())
        .filter(|domain| {
            !domain.is_empty()
                && domain
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        })
        .unwrap_or("roundtable.invalid");
    format!(
        "<outbox.{}.{}@{domain}>",
        row.id,
        row.created_at.timestamp_micros()
    )
}

fn content_type(text: &str) -> Result<ContentType, SendError> {
    ContentType::parse(text).map_err(|err| SendError {
        message: format!("bad content type {text:?}: {err}"),
        permanent: true,
    })
}
