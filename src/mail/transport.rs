//! Delivery: SMTP (plain for a local relay, STARTTLS with `?tls=required`, or TLS with
//! `smtps://`; credentials in the URL; a pooled connection), or `.eml` files in a folder
//! (`file://DIR`, the default of a new install).

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::Error as SmtpError;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::header_safe;
use crate::config::MailSettings;
use crate::entities::outbox_message;

#[derive(Clone)]
pub enum Transport {
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
        if url.starts_with("smtp://") || url.starts_with("smtps://") {
            let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map_err(|err| anyhow::anyhow!("mail.url is not a usable SMTP address: {err}"))?
                .timeout(Some(std::time::Duration::from_secs(30)))
                .build();
            return Ok(Self::Smtp(transport));
        }
        anyhow::bail!("mail.url must start with file://, smtp:// or smtps://")
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
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

/// The MIME message of an outbox row: text and HTML alternatives, and, when it carries a
/// calendar, a `text/calendar; method=...` alternative (what Outlook and Gmail act on)
/// plus the same calendar as an `invite.ics` attachment (what other clients open).
pub fn build(settings: &MailSettings, row: &outbox_message::Model) -> Result<Message, SendError> {
    let system = mailbox(&settings.from_name, &settings.from_address)?;
    let mut builder = Message::builder().message_id(None);
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
    let body = match (&row.ics_method, &row.ics) {
        (Some(method), Some(ics)) => {
            let method = method.as_str();
            let calendar_type =
                ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                    .map_err(|err| SendError {
                        message: format!("bad calendar content type: {err}"),
                        permanent: true,
                    })?;
            alternative = alternative.singlepart(
                SinglePart::builder()
                    .header(calendar_type.clone())
                    .body(ics.clone()),
            );
            let attachment = Attachment::new("invite.ics".to_string()).body(
                ics.clone(),
                ContentType::parse("application/ics; name=\"invite.ics\"").map_err(|err| {
                    SendError {
                        message: err.to_string(),
                        permanent: true,
                    }
                })?,
            );
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(attachment)
        }
        _ => alternative,
    };
    builder.multipart(body).map_err(|err| SendError {
        message: format!("cannot build the message: {err}"),
        permanent: true,
    })
}
