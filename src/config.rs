//! Layered settings: the built-in `config/default.toml`, then `config/default.toml` and
//! `config/<environment>.toml` from the working directory when present, then
//! `ROUNDTABLE_<SECTION>__<KEY>` environment variables, then command-line flags.
//! Secrets (database and mail passwords) never appear in `Debug` output or logs.

use std::fmt;
use std::path::Path;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

const BUILT_IN_DEFAULTS: &str = include_str!("../config/default.toml");

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub mail: MailSettings,
    pub registration: RegistrationSettings,
    pub summaries: SummarySettings,
    pub accounts: AccountSettings,
    pub log: LogSettings,
    pub backup: BackupSettings,
    pub metrics: MetricsSettings,
    pub privacy: PrivacySettings,
    pub storage: StorageSettings,
    pub documents: DocumentSettings,
    #[serde(default)]
    pub letterhead: LetterheadSettings,
    #[serde(default)]
    pub visa_letters: VisaLetterSettings,
}

/// Visa invitation letters: whether registrants may ask for one, and the key that seals
/// their passport details at rest (32 random bytes in base64), given in the configuration
/// (`key`, best through `ROUNDTABLE_VISA_LETTERS__KEY`) or in a file (`key_file`).
#[derive(Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct VisaLetterSettings {
    pub enabled: bool,
    #[serde(skip_serializing)]
    pub key: String,
    pub key_file: String,
}

/// Shows whether a key is set, never the key.
impl std::fmt::Debug for VisaLetterSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VisaLetterSettings")
            .field("enabled", &self.enabled)
            .field("key", &if self.key.is_empty() { "" } else { "(set)" })
            .field("key_file", &self.key_file)
            .finish()
    }
}

impl VisaLetterSettings {
    /// The sealing key when visa letters are enabled; an error saying what to fix when they
    /// are enabled without a usable key (`serve` refuses to start then).
    pub fn sealing_key(&self) -> anyhow::Result<Option<crate::privacy::sealed::SealingKey>> {
        if !self.enabled {
            return Ok(None);
        }
        let text = if !self.key.trim().is_empty() {
            self.key.clone()
        } else if !self.key_file.trim().is_empty() {
            std::fs::read_to_string(self.key_file.trim()).map_err(|err| {
                anyhow::anyhow!("visa_letters.key_file {}: {err}", self.key_file.trim())
            })?
        } else {
            anyhow::bail!(
                "visa letters are enabled but no key seals the passport details: set visa_letters.key \
                 (ROUNDTABLE_VISA_LETTERS__KEY) or visa_letters.key_file to 32 random bytes in base64 \
                 (head -c 32 /dev/urandom | base64)"
            );
        };
        crate::privacy::sealed::SealingKey::from_base64(&text)
            .map(Some)
            .map_err(|err| anyhow::anyhow!("visa_letters key: {err}"))
    }
}

/// Who signs what Roundtable prints for a person (certificates of attendance, visa
/// invitation letters): the secretariat's name, postal address and signatory. Left empty,
/// a certificate names the event's organizers and is not signed by a person.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct LetterheadSettings {
    pub organization: String,
    /// The postal address, lines separated by newlines.
    pub address: String,
    pub signatory: String,
    pub signatory_title: String,
    /// Where letters are signed ("Brussels").
    pub city: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct PrivacySettings {
    /// Days after an event ends before its registrants' needs and check-in codes are
    /// erased (names and attendance remain, as the record of who took part).
    pub retention_days: u32,
}

/// Where uploaded files are kept (`documents::storage`).
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct StorageSettings {
    /// `file://FOLDER` (relative to the working directory, or `file:///absolute`), or
    /// `s3://bucket?endpoint=http://host:port&region=...` with keys in the environment.
    pub url: String,
}

/// The documents library.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct DocumentSettings {
    /// The largest file an organizer may upload, in megabytes.
    pub max_mb: u64,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct MetricsSettings {
    /// Whether anyone may read `/metrics` (otherwise an admin's token is needed).
    pub public: bool,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct BackupSettings {
    /// Where `serve` keeps a daily copy of a SQLite database; empty: no copies.
    pub dir: String,
    /// How many daily copies to keep, the newest (0 keeps every one).
    pub keep: usize,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AccountSettings {
    /// How long the link of a set-up mail (an invitation to an account) works, in hours.
    pub invite_hours: i64,
    /// How long a password-reset link works, in minutes.
    pub reset_minutes: i64,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SummarySettings {
    /// A summary is due this many days after its session ends, unless organizers set a date.
    pub due_days: i64,
    /// The rapporteur is reminded this many hours before the due date.
    pub remind_hours_before: i64,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct RegistrationSettings {
    /// Registrations accepted per client address and minute (0: no limit).
    pub per_address_per_minute: u32,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct ServerSettings {
    pub bind: String,
    /// The address people reach the server at. Empty in the configuration means
    /// `http://` and the address `serve` binds to; [`Settings::resolve_public_url`] fills
    /// it in, so that past start-up it is never empty.
    pub public_url: String,
    /// Whether `public_url` came from the configuration (rather than from the bind
    /// address).
    #[serde(skip)]
    pub public_url_configured: bool,
    pub secure_cookies: bool,
    pub session_hours: i64,
    /// Read the client's address from `X-Forwarded-For` (behind a trusted proxy only).
    pub trust_forwarded_for: bool,
    /// How long a client may take to send a request's headers, in seconds.
    pub header_timeout_seconds: u64,
    /// How long a request body may pause between two pieces, in seconds.
    pub body_timeout_seconds: u64,
    /// Connections served at once; further ones wait to be accepted.
    pub max_connections: usize,
}

#[derive(Clone, Deserialize, Serialize)]
pub struct DatabaseSettings {
    pub url: String,
    pub max_connections: u32,
    pub busy_timeout_ms: u64,
}

#[derive(Clone, Deserialize, Serialize)]
pub struct MailSettings {
    pub url: String,
    pub from_address: String,
    pub from_name: String,
    pub reply_to: String,
    pub organizer_address: String,
    pub organizer_name: String,
    pub quiet_period_seconds: i64,
    pub max_attempts: i32,
    pub poll_interval_ms: u64,
    pub lease_seconds: i64,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct LogSettings {
    pub format: String,
    pub filter: String,
}

/// Values given on the command line; `None` leaves the configured value alone.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail_url: Option<String>,
}

impl Settings {
    /// Reads every layer, the working directory's `config/` folder included.
    pub fn load(overrides: &Overrides) -> Result<Self, Box<figment::Error>> {
        Self::load_from(Path::new("config"), overrides)
    }

    pub fn load_from(
        config_dir: &Path,
        overrides: &Overrides,
    ) -> Result<Self, Box<figment::Error>> {
        let environment =
            std::env::var("ROUNDTABLE_ENVIRONMENT").unwrap_or_else(|_| "local".to_string());
        let mut figment = Figment::new()
            .merge(Toml::string(BUILT_IN_DEFAULTS))
            .merge(Toml::file(config_dir.join("default.toml")))
            .merge(Toml::file(config_dir.join(format!("{environment}.toml"))))
            .merge(
                Env::prefixed("ROUNDTABLE_")
                    .split("__")
                    .ignore(&["ENVIRONMENT"]),
            );
        if let Some(bind) = &overrides.bind {
            figment = figment.merge(Serialized::default("server.bind", bind));
        }
        if let Some(url) = &overrides.database_url {
            figment = figment.merge(Serialized::default("database.url", url));
        }
        if let Some(url) = &overrides.mail_url {
            figment = figment.merge(Serialized::default("mail.url", url));
        }
        let mut settings: Self = figment.extract().map_err(Box::new)?;
        settings.resolve_public_url(None);
        Ok(settings)
    }

    /// The address people reach the server at, without a trailing slash: the one place
    /// every link of pages, mails, calendars and PDFs starts from.
    pub fn public_url(&self) -> &str {
        self.server.public_url.trim_end_matches('/')
    }

    /// Fills in the public URL when the configuration leaves it empty: `http://` and the
    /// address bound (`bound`, once the listener has it, which also knows the port of
    /// `:0`), else the configured bind address. An address that listens everywhere
    /// (`0.0.0.0`, `::`) is no address to link to: `localhost` stands for it.
    pub fn resolve_public_url(&mut self, bound: Option<std::net::SocketAddr>) {
        let configured = self.server.public_url.trim();
        if !configured.is_empty() && (self.server.public_url_configured || bound.is_none()) {
            self.server.public_url_configured = true;
            self.server.public_url = configured.trim_end_matches('/').to_string();
            return;
        }
        let addr = bound.or_else(|| self.server.bind.parse().ok());
        self.server.public_url = match addr {
            Some(addr) => {
                let host = match addr.ip() {
                    ip if ip.is_unspecified() => "localhost".to_string(),
                    std::net::IpAddr::V6(ip) => format!("[{ip}]"),
                    std::net::IpAddr::V4(ip) => ip.to_string(),
                };
                format!("http://{host}:{}", addr.port())
            }
            None => format!("http://{}", self.server.bind.trim()),
        };
        self.server.public_url_configured = false;
    }

    /// Why the links may not reach this server, if they may not: the configured public
    /// URL names another host or port than the one bound (right behind a proxy, wrong
    /// otherwise), or the server listens on every address and links say `localhost`.
    pub fn public_url_warning(&self, bound: std::net::SocketAddr) -> Option<String> {
        let public = url::Url::parse(self.public_url()).ok()?;
        if !self.server.public_url_configured {
            return bound.ip().is_unspecified().then(|| {
                format!(
                    "serving on every address ({bound}), but links in mail and calendars say {}: \
                     set server.public_url (ROUNDTABLE_SERVER__PUBLIC_URL) to the address people use",
                    self.public_url()
                )
            });
        }
        let host = public
            .host_str()
            .unwrap_or_default()
            .trim_matches(['[', ']']);
        let same_host = bound.ip().is_unspecified()
            || host.parse::<std::net::IpAddr>().ok() == Some(bound.ip())
            || (host == "localhost" && bound.ip().is_loopback());
        let same_port = public.port_or_known_default() == Some(bound.port());
        (!(same_host && same_port)).then(|| {
            format!(
                "server.public_url is {} but the server listens on {bound}: links in mail and \
                 calendars lead there (right behind a proxy; otherwise change server.public_url)",
                self.public_url()
            )
        })
    }

    /// The built-in defaults alone, for tests and tools.
    pub fn defaults() -> Result<Self, Box<figment::Error>> {
        let mut settings: Self = Figment::new()
            .merge(Toml::string(BUILT_IN_DEFAULTS))
            .extract()
            .map_err(Box::new)?;
        settings.resolve_public_url(None);
        Ok(settings)
    }
}

/// Hides the password part of a URL such as `postgres://user:secret@host/db`.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("********"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

impl fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseSettings")
            .field("url", &redact_url(&self.url))
            .field("max_connections", &self.max_connections)
            .field("busy_timeout_ms", &self.busy_timeout_ms)
            .finish()
    }
}

impl fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailSettings")
            .field("url", &redact_url(&self.url))
            .field("from_address", &self.from_address)
            .field("from_name", &self.from_name)
            .field("reply_to", &self.reply_to)
            .field("organizer_address", &self.organizer_address)
            .field("quiet_period_seconds", &self.quiet_period_seconds)
            .field("max_attempts", &self.max_attempts)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_defaults_serve_sqlite_on_localhost() {
        let settings = Settings::defaults().unwrap();
        assert_eq!(settings.server.bind, "127.0.0.1:3000");
        assert!(settings.database.url.starts_with("sqlite://"));
    }

    #[test]
    fn flags_override_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("default.toml"),
            "[server]\nbind = \"0.0.0.0:9000\"\n",
        )
        .unwrap();
        let from_file = Settings::load_from(dir.path(), &Overrides::default()).unwrap();
        assert_eq!(from_file.server.bind, "0.0.0.0:9000");
        let overrides = Overrides {
            bind: Some("127.0.0.1:4000".into()),
            database_url: Some("sqlite://x.db".into()),
            mail_url: None,
        };
        let flagged = Settings::load_from(dir.path(), &overrides).unwrap();
        assert_eq!(flagged.server.bind, "127.0.0.1:4000");
        assert_eq!(flagged.database.url, "sqlite://x.db");
    }

    #[test]
    fn links_follow_the_bind_address_unless_a_public_url_is_set() {
        let mut settings = Settings::defaults().unwrap();
        assert_eq!(settings.public_url(), "http://127.0.0.1:3000");
        settings.server.bind = "127.0.0.1:8080".into();
        settings.server.public_url = String::new();
        settings.resolve_public_url(None);
        assert_eq!(settings.public_url(), "http://127.0.0.1:8080");
        // The port a listener was given for ":0" is known only once bound.
        settings.resolve_public_url(Some("127.0.0.1:41234".parse().unwrap()));
        assert_eq!(settings.public_url(), "http://127.0.0.1:41234");
        assert_eq!(
            settings.public_url_warning("127.0.0.1:41234".parse().unwrap()),
            None
        );
        settings.resolve_public_url(Some("0.0.0.0:8080".parse().unwrap()));
        assert_eq!(settings.public_url(), "http://localhost:8080");
        assert!(
            settings
                .public_url_warning("0.0.0.0:8080".parse().unwrap())
                .is_some()
        );
        settings.resolve_public_url(Some("[::1]:8080".parse().unwrap()));
        assert_eq!(settings.public_url(), "http://[::1]:8080");

        settings.server.public_url = "https://events.example.org/".into();
        settings.server.public_url_configured = false;
        settings.resolve_public_url(None);
        settings.resolve_public_url(Some("127.0.0.1:8080".parse().unwrap()));
        assert_eq!(settings.public_url(), "https://events.example.org");
        let warning = settings
            .public_url_warning("127.0.0.1:8080".parse().unwrap())
            .unwrap();
        assert!(warning.contains("https://events.example.org"), "{warning}");
        settings.server.public_url = "http://localhost:8080".into();
        assert_eq!(
            settings.public_url_warning("127.0.0.1:8080".parse().unwrap()),
            None
        );
    }

    #[test]
    fn debug_output_hides_passwords() {
        let settings = DatabaseSettings {
            url: "postgres://app:hunter2@db.example.org/roundtable".into(),
            max_connections: 5,
            busy_timeout_ms: 1,
        };
        let shown = format!("{settings:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("********"));
    }
}
