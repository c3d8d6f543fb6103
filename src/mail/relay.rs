//! SMTP to a relay over connections with Nagle's algorithm off, kept open and reused.
//!
//! lettre 0.11.23 (the newest release) leaves `TCP_NODELAY` unset: every message then
//! waits on the peer's delayed acknowledgement (~40 ms) before its final `.` goes out, since
//! lettre writes the body and the end of data separately. lettre upstream sets the option
//! on its connections (lettre/lettre#1159, merged, not yet released); until a release
//! carries it, `smtp://` connections are opened here, with the option set, and handed to
//! lettre, which speaks SMTP on them (EHLO, STARTTLS, AUTH, the message). `smtps://`
//! (TLS from the first byte) stays on lettre's own transport: lettre upgrades only a
//! connection it has greeted. When lettre releases the fix, this module goes and every
//! URL returns to `AsyncSmtpTransport`.

use std::borrow::Cow;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::Message;
use lettre::transport::smtp::Error as SmtpError;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;

use super::transport::SendError;

/// How long a connection may wait unused before it is closed rather than reused.
const IDLE: Duration = Duration::from_secs(60);
/// Connections kept open for reuse (the worker sends at most this many at once).
const KEEP: usize = 10;

/// When to encrypt with STARTTLS.
enum StartTls {
    Never,
    /// `?tls=opportunistic`: when the server offers it.
    WhenOffered(TlsParameters),
    /// `?tls=required`: always, or not at all.
    Required(TlsParameters),
}

pub struct Relay {
    host: String,
    port: u16,
    starttls: StartTls,
    credentials: Option<Credentials>,
    hello: ClientId,
    timeout: Duration,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
}

impl Relay {
    /// A relay from an `smtp://` URL, read as lettre reads it: `?tls=required` or
    /// `?tls=opportunistic` for STARTTLS (port 587 by default, else 25), credentials
    /// before the host, the EHLO name as the path.
    pub fn from_url(url: &str, timeout: Duration) -> anyhow::Result<Self> {
        let url = url::Url::parse(url)?;
        anyhow::ensure!(url.scheme() == "smtp", "not an smtp:// URL");
        let host = url
            .host_str()
            .ok_or_else(|| anyhow::anyhow!("no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let tls = url
            .query_pairs()
            .find(|(key, _)| key == "tls")
            .map(|(_, value)| value.into_owned());
        let parameters = || TlsParameters::new(host.clone());
        let (starttls, default_port) = match tls.as_deref() {
            None => (StartTls::Never, 25),
            Some("required") => (StartTls::Required(parameters()?), 587),
            Some("opportunistic") => (StartTls::WhenOffered(parameters()?), 587),
            Some(other) => anyhow::bail!("tls={other}: use tls=required or tls=opportunistic"),
        };
        let decode = |s: &str| -> anyhow::Result<String> {
            Ok(percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(Cow::into_owned)?)
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let name = url.path().trim_matches('/');
        Ok(Self {
            port: url.port().unwrap_or(default_port),
            host,
            starttls,
            credentials,
            hello: if name.is_empty() {
                ClientId::default()
            } else {
                ClientId::Domain(name.to_string())
            },
            timeout,
            idle: Mutex::new(Vec::new()),
        })
    }

    /// Sends a message on a kept connection that still answers, else on a new one; the
    /// connection is kept again when the exchange left it sound.
    pub async fn send(&self, message: &Message) -> Result<(), SendError> {
        let mut connection = match self.reusable().await {
            Some(connection) => connection,
            None => self.connect().await?,
        };
        let sent = tokio::time::timeout(
            self.timeout,
            connection.send(message.envelope(), &message.formatted()),
        )
        .await;
        match sent {
            Ok(Ok(_)) if !connection.has_broken() => {
                self.keep(connection);
                Ok(())
            }
            Ok(Ok(_)) => Ok(()),
            Ok(Err(err)) => {
                connection.abort().await;
                Err(from_lettre(err))
            }
            Err(_) => {
                connection.abort().await;
                Err(timed_out())
            }
        }
    }

    /// A kept connection, not idle too long, that answers a NOOP.
    async fn reusable(&self) -> Option<AsyncSmtpConnection> {
        loop {
            let (mut connection, since) = self.idle.lock().ok()?.pop()?;
            if since.elapsed() < IDLE && connection.test_connected().await {
                return Some(connection);
            }
            connection.abort().await;
        }
    }

    fn keep(&self, connection: AsyncSmtpConnection) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < KEEP
        {
            idle.push((connection, Instant::now()));
        }
    }

    /// A new connection, Nagle's algorithm off, greeted, encrypted as the URL asks, and
    /// signed in when it gives credentials.
    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let unreachable = |err: std::io::Error| {
            transient(format!(
                "cannot connect to the mail server {}:{}: {err}",
                self.host, self.port
            ))
        };
        tokio::time::timeout(self.timeout, async {
            let stream = tokio::net::TcpStream::connect((self.host.as_str(), self.port))
                .await
                .map_err(unreachable)?;
            stream.set_nodelay(true).map_err(unreachable)?;
            let mut connection =
                AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello)
                    .await
                    .map_err(from_lettre)?;
            match &self.starttls {
                StartTls::Never => {}
                StartTls::WhenOffered(parameters) if connection.can_starttls() => {
                    connection
                        .starttls(parameters.clone(), &self.hello)
                        .await
                        .map_err(from_lettre)?;
                }
                StartTls::WhenOffered(_) => {}
                StartTls::Required(parameters) => {
                    connection
                        .starttls(parameters.clone(), &self.hello)
                        .await
                        .map_err(from_lettre)?;
                }
            }
            if let Some(credentials) = &self.credentials {
                connection
                    .auth(DEFAULT_MECHANISMS, credentials)
                    .await
                    .map_err(from_lettre)?;
            }
            Ok(connection)
        })
        .await
        .unwrap_or_else(|_| Err(timed_out()))
    }
}

fn transient(why: String) -> SendError {
    SendError {
        message: why,
        permanent: false,
    }
}

fn from_lettre(err: SmtpError) -> SendError {
    SendError {
        permanent: err.is_permanent(),
        message: err.to_string(),
    }
}

fn timed_out() -> SendError {
    transient("the mail server did not answer in time".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Duration = Duration::from_secs(30);

    #[test]
    fn a_url_is_read_as_lettre_reads_it() {
        let plain = Relay::from_url("smtp://127.0.0.1:2525", T).unwrap();
        assert_eq!((plain.host.as_str(), plain.port), ("127.0.0.1", 2525));
        assert!(matches!(plain.starttls, StartTls::Never));
        assert!(plain.credentials.is_none());

        let local = Relay::from_url("smtp://localhost", T).unwrap();
        assert_eq!(local.port, 25);

        let submission = Relay::from_url(
            "smtp://sec%40coalition.org:p%C3%A4ss%2Fword@mail.example.org?tls=required",
            T,
        )
        .unwrap();
        assert_eq!(submission.port, 587);
        assert!(matches!(submission.starttls, StartTls::Required(_)));
        assert!(
            submission.credentials
                == Some(Credentials::new(
                    "sec@coalition.org".into(),
                    "päss/word".into()
                ))
        );

        let offered = Relay::from_url(
            "smtp://mail.example.org:2587/roundtable.example.org?tls=opportunistic",
            T,
        )
        .unwrap();
        assert_eq!(offered.port, 2587);
        assert!(matches!(offered.starttls, StartTls::WhenOffered(_)));
        assert_eq!(
            offered.hello,
            ClientId::Domain("roundtable.example.org".into())
        );

        let v6 = Relay::from_url("smtp://[::1]:2525", T).unwrap();
        assert_eq!(v6.host, "::1");
    }

    #[test]
    fn a_url_it_cannot_use_is_refused_with_the_reason() {
        let err = Relay::from_url("smtp://mail.example.org?tls=always", T)
            .err()
            .unwrap();
        assert!(err.to_string().contains("tls=required"), "{err}");
        assert!(Relay::from_url("smtps://mail.example.org", T).is_err());
        assert!(Relay::from_url("smtp://", T).is_err());
    }

    #[tokio::test]
    async fn a_server_that_does_not_answer_is_a_transient_failure() {
        // A port nothing listens on: refused at once.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let relay = Relay::from_url(&format!("smtp://127.0.0.1:{port}"), T).unwrap();
        let message = Message::builder()
            .from("a@example.org".parse().unwrap())
            .to("b@example.org".parse().unwrap())
            .body(String::from("hello"))
            .unwrap();
        let err = relay.send(&message).await.err().unwrap();
        assert!(!err.permanent);
        assert!(err.message.contains("cannot connect"), "{}", err.message);
    }
}
