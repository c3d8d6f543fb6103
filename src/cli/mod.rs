//! The command line: `serve`, `migrate`, `demo`, `backup`, `purge`, `user create`,
//! `token create`.

pub mod demo;
mod demo_documents;
mod demo_languages;
mod demo_reports;
mod demo_tracker;
mod demo_upcoming;

use std::io::BufRead;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::accounts::{NewUser, service as accounts};
use crate::app::{Application, shutdown_signal};
use crate::config::{Overrides, Settings, redact_url};
use crate::db::Db;
use crate::error::AppError;

#[derive(Parser, Debug)]
#[command(
    name = "roundtable",
    version,
    about = "Conferences and roundtable series for coalitions of NGOs, governments and international bodies"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve pages, API and feeds (creating and migrating the database when needed).
    Serve(ServeArgs),
    /// Apply pending database migrations.
    Migrate(DbArgs),
    /// Load the demonstration data (idempotent).
    Demo(DbArgs),
    /// Copy a SQLite database to a new file, safely while `serve` runs (PostgreSQL: use pg_dump).
    Backup(BackupArgs),
    /// Erase now what the retention period (privacy.retention_days) no longer keeps:
    /// registrants' needs and check-in codes of events that ended before it.
    Purge(PurgeArgs),
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Typeset one PDF: the template (`report` or `synthesis`) as argument, its data as
    /// JSON on standard input, the PDF on standard output. `serve` runs it for each PDF.
    #[command(hide = true)]
    Typeset { template: String },
    /// Read an uploaded PDF: the file on standard input, its text and first page as a
    /// picture on standard output. `serve` runs this itself; it is not for people.
    #[command(hide = true)]
    ReadPdf,
}

#[derive(Args, Debug)]
pub struct DbArgs {
    /// Database URL (sqlite://path or postgres://...).
    #[arg(long)]
    pub database_url: Option<String>,
}

#[derive(Args, Debug)]
pub struct PurgeArgs {
    /// Print what would be erased, and erase nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Database URL (sqlite://path or postgres://...).
    #[arg(long)]
    pub database_url: Option<String>,
}

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// The copy to write: a new file (its folder is created).
    pub file: std::path::PathBuf,
    /// Database URL (sqlite://path).
    #[arg(long)]
    pub database_url: Option<String>,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on, e.g. 127.0.0.1:3000.
    #[arg(long)]
    pub bind: Option<String>,
    #[arg(long)]
    pub database_url: Option<String>,
    /// Where mail goes: file://DIR, smtp://host:port or smtps://user:pass@host:port.
    #[arg(long)]
    pub mail_url: Option<String>,
    /// Load the demonstration data before serving.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, organizer, rapporteur or member.
        #[arg(long)]
        role: String,
        #[arg(long)]
        database_url: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum TokenCommand {
    /// Create a bearer token for an account; printed as the last line.
    Create {
        #[arg(long)]
        email: String,
        /// What the token is for.
        #[arg(long)]
        label: Option<String>,
        #[arg(long)]
        database_url: Option<String>,
    },
}

pub async fn run(cli: Cli) -> ExitCode {
    match execute(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn settings(overrides: Overrides) -> anyhow::Result<Settings> {
    let settings = Settings::load(&overrides)?;
    crate::telemetry::init(&settings.log);
    Ok(settings)
}

async fn open(database_url: Option<String>) -> anyhow::Result<Db> {
    let settings = settings(Overrides {
        database_url,
        ..Overrides::default()
    })?;
    let db = Db::connect(&settings.database).await?;
    db.migrate().await?;
    Ok(db)
}

/// Shows a client error as the fields at fault, anything else as it is.
fn explain(err: AppError) -> anyhow::Error {
    match err {
        AppError::Invalid(errors) => anyhow::anyhow!(
            "{}",
            errors
                .iter()
                .map(|e| format!("{} {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        AppError::Internal(err) => err,
        other => anyhow::anyhow!("{other}"),
    }
}

async fn execute(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Typeset { template } => crate::pdf::child::run(&template),
        Command::ReadPdf => crate::documents::reading::run(),
        Command::Serve(args) => {
            let mut settings = settings(Overrides {
                bind: args.bind,
                database_url: args.database_url,
                mail_url: args.mail_url,
            })?;
            if args.demo && !settings.visa_letters.enabled {
                demo_visa_letters(&mut settings)?;
            }
            let database = redact_url(&settings.database.url);
            // PDFs are typeset in short-lived children, whose memory goes when they end.
            if let Some(program) = crate::pdf::child::this_program() {
                crate::pdf::child::typeset_in_children(program);
            }
            let app = Application::build(settings).await?;
            let addr = app.local_addr()?;
            // The demo's mails are written with the links of the address just bound.
            if args.demo {
                demo::load(app.db(), app.settings())
                    .await
                    .map_err(explain)?;
            }
            let public_url = app.settings().public_url().to_string();
            if let Some(warning) = app.settings().public_url_warning(addr) {
                tracing::warn!("{warning}");
            }
            tracing::info!(%addr, %database, %public_url, "Roundtable is serving on http://{addr}");
            println!("Roundtable is serving at {public_url} (listening on {addr})");
            app.run_until(shutdown_signal()).await
        }
        Command::Migrate(args) => {
            open(args.database_url).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::Demo(args) => {
            let settings = settings(Overrides {
                database_url: args.database_url,
                ..Overrides::default()
            })?;
            let db = Db::connect(&settings.database).await?;
            db.migrate().await?;
            let summary = demo::load(&db, &settings).await.map_err(explain)?;
            println!("{summary}");
            Ok(())
        }
        Command::Purge(args) => {
            let settings = settings(Overrides {
                database_url: args.database_url,
                ..Overrides::default()
            })?;
            let db = Db::connect(&settings.database).await?;
            db.migrate().await?;
            let erased = crate::privacy::purge(&db, &settings, chrono::Utc::now(), args.dry_run)
                .await
                .map_err(explain)?;
            let days = settings.privacy.retention_days;
            if erased.is_empty() {
                println!(
                    "Nothing to erase: no event that ended more than {days} days ago holds needs or check-in codes."
                );
            }
            let verb = if args.dry_run {
                "Would erase"
            } else {
                "Erased"
            };
            for line in erased {
                println!("{verb} from {line}.");
            }
            Ok(())
        }
        Command::Backup(args) => {
            let settings = settings(Overrides {
                database_url: args.database_url,
                ..Overrides::default()
            })?;
            let copy = crate::operations::backup::to_file(&settings.database, &args.file).await?;
            println!("{}", copy.display());
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    name,
                    role,
                    database_url,
                },
        } => {
            let password = read_password()?;
            let new = NewUser::parse(&email, &name, &role, &password).map_err(|errors| {
                explain(
                    errors
                        .finish()
                        .err()
                        .unwrap_or(AppError::invalid("body", "invalid")),
                )
            })?;
            let db = open(database_url).await?;
            let user = accounts::create_user(&db, new).await.map_err(explain)?;
            println!(
                "created {} account for {} (id {})",
                user.role, user.email, user.id
            );
            Ok(())
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    email,
                    label,
                    database_url,
                },
        } => {
            let db = open(database_url).await?;
            let token = accounts::create_token(&db, &email, label)
                .await
                .map_err(explain)?;
            println!("token for {email} (shown once; keep it secret):");
            println!("{token}");
            Ok(())
        }
    }
}

/// The password: the first line of standard input.
fn read_password() -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        eprint!("password (input is shown; pipe it in to keep it off screen): ");
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// The demo offers visa letters: with no key configured, one kept in
/// `data/demo-sealing.key` (made on the first run, readable by its owner only), so that the
/// passport details of the demo's requests open again after a restart. A real deployment
/// sets its own key (`visa_letters.key`).
fn demo_visa_letters(settings: &mut crate::config::Settings) -> anyhow::Result<()> {
    use base64::Engine as _;
    let path = std::path::Path::new("data/demo-sealing.key");
    if !path.exists() {
        std::fs::create_dir_all("data")?;
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|err| anyhow::anyhow!("no randomness: {err}"))?;
        let text = base64::engine::general_purpose::STANDARD.encode(key);
        let mut file = std::fs::OpenOptions::new();
        file.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut file, 0o600);
        std::io::Write::write_all(&mut file.open(path)?, text.as_bytes())?;
    }
    settings.visa_letters.enabled = true;
    if settings.visa_letters.key.trim().is_empty() {
        settings.visa_letters.key_file = path.display().to_string();
    }
    Ok(())
}
