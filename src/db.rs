//! The database connection. SQLite runs in WAL mode with foreign keys on and a busy
//! timeout; its write transactions begin IMMEDIATE and, within one process, queue on a
//! fair lock, so concurrent writers wait their turn instead of seeing "database is
//! locked". PostgreSQL needs neither. Mail is queued only inside a write transaction
//! ([`MailQueue`]); when one that queued mail commits, the mail worker wakes: the one
//! place that happens.

use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection,
    DatabaseTransaction, DbErr, ExecResult, QueryResult, SqliteTransactionMode, Statement,
    TransactionOptions, TransactionTrait,
};
use tokio::sync::{Mutex, MutexGuard, Notify};

use crate::config::{DatabaseSettings, redact_url};

#[derive(Clone)]
pub struct Db {
    conn: DatabaseConnection,
    /// Serialises this process's SQLite writers; `None` on PostgreSQL.
    writer: Option<Arc<Mutex<()>>>,
    /// Wakes this process's mail worker when a transaction that queued mail commits.
    mail_wakeup: Arc<Notify>,
    /// The version of what the public reads, as this process last read it (0: not known).
    content_version: Arc<AtomicU64>,
}

/// A write transaction; commit it, or drop it to roll back.
pub struct WriteTxn<'a> {
    txn: DatabaseTransaction,
    _turn: Option<MutexGuard<'a, ()>>,
    mail_queued: AtomicBool,
    mail_wakeup: Arc<Notify>,
}

impl WriteTxn<'_> {
    /// Commits; the mail worker wakes at once if mail was queued.
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await?;
        if self.mail_queued.load(Ordering::Relaxed) {
            self.mail_wakeup.notify_one();
        }
        Ok(())
    }
}

/// Where mail may be queued: a write transaction, so that a message is written with the
/// change that causes it and sent once that change is committed.
pub trait MailQueue: ConnectionTrait {
    /// Notes that the transaction queued mail.
    fn mail_queued(&self);
}

impl MailQueue for WriteTxn<'_> {
    fn mail_queued(&self) {
        self.mail_queued.store(true, Ordering::Relaxed);
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTxn<'_> {
    fn get_database_backend(&self) -> DatabaseBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }

    fn is_mock_connection(&self) -> bool {
        self.txn.is_mock_connection()
    }
}

impl Deref for WriteTxn<'_> {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &Self::Target {
        &self.txn
    }
}

impl Db {
    /// Connects, creating the SQLite file (and its folder) when missing.
    pub async fn connect(settings: &DatabaseSettings) -> anyhow::Result<Self> {
        let url = settings.url.as_str();
        let is_sqlite = url.starts_with("sqlite:");
        if is_sqlite {
            create_sqlite_folder(url)?;
        }
        let mut options = ConnectOptions::new(url);
        options
            .max_connections(settings.max_connections)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .sqlx_logging(false);
        if is_sqlite {
            let busy = Duration::from_millis(settings.busy_timeout_ms);
            options.map_sqlx_sqlite_opts(move |opts| {
                opts.create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(busy)
            });
        }
        let conn = Database::connect(options)
            .await
            .map_err(|err| anyhow::anyhow!("cannot open database {}: {err}", redact_url(url)))?;
        Ok(Self {
            conn,
            writer: is_sqlite.then(|| Arc::new(Mutex::new(()))),
            mail_wakeup: Arc::new(Notify::new()),
            content_version: Arc::new(AtomicU64::new(0)),
        })
    }

    /// The version of what the public reads (`content_version`, which the database's
    /// triggers count up with every change to it), as this process last read it; 0 when
    /// it could not be read (then nothing is served from what was kept).
    pub fn content_version(&self) -> u64 {
        self.content_version.load(Ordering::Acquire)
    }

    /// Reads the content version again (one query by primary key); returns it.
    pub async fn refresh_content_version(&self) -> u64 {
        let statement = Statement::from_string(
            self.backend(),
            "SELECT version FROM content_version WHERE id = 1",
        );
        let read = match self.conn.query_one_raw(statement).await {
            Ok(Some(row)) => row.try_get::<i64>("", "version").ok(),
            _ => None,
        };
        match read.and_then(|v| u64::try_from(v).ok()) {
            Some(version) => {
                self.content_version.fetch_max(version, Ordering::AcqRel);
                version
            }
            None => {
                self.content_version.store(0, Ordering::Release);
                0
            }
        }
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> Result<(), DbErr> {
        Migrator::up(&self.conn, None).await?;
        self.refresh_content_version().await;
        Ok(())
    }

    pub fn conn(&self) -> &DatabaseConnection {
        &self.conn
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.conn.get_database_backend()
    }

    /// Begins a transaction that will write: on SQLite it waits for this process's turn
    /// and takes the database's write lock at once.
    pub async fn begin_write(&self) -> Result<WriteTxn<'_>, DbErr> {
        let turn = match &self.writer {
            Some(lock) => Some(lock.lock().await),
            None => None,
        };
        let options = TransactionOptions {
            sqlite_transaction_mode: turn.as_ref().map(|_| SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        let txn = self.conn.begin_with_options(options).await?;
        Ok(WriteTxn {
            txn,
            _turn: turn,
            mail_queued: AtomicBool::new(false),
            mail_wakeup: self.mail_wakeup.clone(),
        })
    }

    /// What wakes the mail worker of this process.
    pub fn mail_wakeup(&self) -> Arc<Notify> {
        self.mail_wakeup.clone()
    }

    pub async fn ping(&self) -> Result<(), DbErr> {
        self.conn.ping().await
    }
}

/// The file of a `sqlite:` URL; `None` for another database or one in memory.
pub fn sqlite_file(url: &str) -> Option<&Path> {
    let rest = url.strip_prefix("sqlite:")?;
    let path = rest
        .strip_prefix("//")
        .unwrap_or(rest)
        .split('?')
        .next()
        .unwrap_or_default();
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| Path::new(path))
}

fn create_sqlite_folder(url: &str) -> anyhow::Result<()> {
    if let Some(parent) = sqlite_file(url).and_then(Path::parent)
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)?;
    }
    Ok(())
}
