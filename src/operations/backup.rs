//! Copies of a SQLite database, consistent while `serve` keeps writing to it: SQLite's
//! `VACUUM INTO` reads one snapshot (WAL readers do not stop writers) and writes it as a
//! new, compact database. `roundtable backup FILE` makes one now; `serve` keeps one a day
//! in `backup.dir`. A copy is written under a temporary name in its folder and only then
//! given its own, so that a name never stands for half a copy, and instances that copy
//! the same database on the same day never write into each other's file. PostgreSQL has
//! `pg_dump` for all of this.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement};
use tokio::sync::watch;

use crate::config::{DatabaseSettings, Settings};
use crate::db::{Db, sqlite_file};

/// How often `serve` looks whether today's copy is made.
const CHECK_EVERY: Duration = Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{} already exists; a backup never replaces a file: name another", .0.display())]
    Exists(PathBuf),
    #[error(
        "roundtable backup copies SQLite databases; for PostgreSQL use pg_dump \
         (e.g. pg_dump --format=custom --file=roundtable.dump \"$DATABASE_URL\")"
    )]
    NotSqlite,
    #[error("an in-memory database has no copy to make")]
    InMemory,
    #[error("there is no SQLite database at {}", .0.display())]
    Missing(PathBuf),
    #[error("SQLite needs a UTF-8 file name, unlike {}", .0.display())]
    NotUtf8(PathBuf),
    #[error("cannot {what} {}: {source}", .path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("copying the database failed: {0}")]
    Database(#[from] DbErr),
}

fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BackupError {
    let path = path.to_path_buf();
    move |source| BackupError::Io { what, path, source }
}

/// `roundtable backup FILE`: copies the configured SQLite database to `file`, a new file
/// (its folder is created); returns where the copy is. Refuses PostgreSQL before
/// connecting, and a missing database rather than creating an empty one to copy.
pub async fn to_file(database: &DatabaseSettings, file: &Path) -> anyhow::Result<PathBuf> {
    let Some(source) = sqlite_file(&database.url) else {
        return Err(if database.url.starts_with("sqlite:") {
            BackupError::InMemory
        } else {
            BackupError::NotSqlite
        }
        .into());
    };
    if !source.try_exists().map_err(io("read", source))? {
        return Err(BackupError::Missing(source.to_path_buf()).into());
    }
    let db = Db::connect(database).await?;
    let copy = copy_to(&db, file).await;
    db.conn().clone().close().await.ok();
    Ok(copy?)
}

/// Copies the database to `file`, which must not exist yet; returns its absolute path.
#[tracing::instrument(skip_all, fields(file = %file.display()), err(level = "debug"))]
pub async fn copy_to(db: &Db, file: &Path) -> Result<PathBuf, BackupError> {
    if db.backend() != DatabaseBackend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    if file.try_exists().map_err(io("read", file))? {
        return Err(BackupError::Exists(file.to_path_buf()));
    }
    if let Some(folder) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(io("create the folder", folder))?;
    }
    let temp = vacuum_beside(db, file).await?;
    let published = publish_new(&temp, file);
    let _ = std::fs::remove_file(&temp);
    published?;
    std::fs::canonicalize(file).map_err(io("find", file))
}

/// Gives the finished copy `temp` the name `file` unless a file took that name
/// meanwhile: a hard link fails rather than replace (a folder without hard links, such
/// as a FAT drive, falls back to a rename after looking).
fn publish_new(temp: &Path, file: &Path) -> Result<(), BackupError> {
    match std::fs::hard_link(temp, file) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(BackupError::Exists(file.to_path_buf()))
        }
        Err(_) if file.exists() => Err(BackupError::Exists(file.to_path_buf())),
        Err(_) => std::fs::rename(temp, file).map_err(io("name the copy", file)),
    }
}

/// Writes a copy under a temporary name in `target`'s folder; returns that name.
async fn vacuum_beside(db: &Db, target: &Path) -> Result<PathBuf, BackupError> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "roundtable.db".into());
    let temp = target.with_file_name(format!(".{name}.{}.partial", uuid::Uuid::new_v4().simple()));
    let path = temp
        .to_str()
        .ok_or_else(|| BackupError::NotUtf8(target.to_path_buf()))?;
    // The file name is a bound value, never SQL text: any name is safe.
    let copied = db
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Sqlite,
            "VACUUM INTO ?",
            [path.into()],
        ))
        .await;
    if let Err(err) = copied {
        let _ = std::fs::remove_file(&temp);
        return Err(err.into());
    }
    Ok(temp)
}

/// The name of the daily copy of `date`.
pub fn daily_name(date: NaiveDate) -> String {
    format!("roundtable-{}.db", date.format("%Y-%m-%d"))
}

/// The date of a daily copy's file name; `None` for any other file.
fn daily_date(name: &str) -> Option<NaiveDate> {
    let date = name.strip_prefix("roundtable-")?.strip_suffix(".db")?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    (daily_name(date) == name).then_some(date)
}

/// Makes the copy of `today` in `dir` unless there is one, then deletes the oldest beyond
/// `keep`; returns the copy made, if one was. Another instance making the same day's copy
/// at the same time replaces one whole copy by another.
#[tracing::instrument(skip_all, fields(dir = %dir.display()), err(level = "debug"))]
pub async fn daily(
    db: &Db,
    dir: &Path,
    keep: usize,
    today: NaiveDate,
) -> Result<Option<PathBuf>, BackupError> {
    let target = dir.join(daily_name(today));
    let made = if target.try_exists().map_err(io("read", &target))? {
        None
    } else {
        std::fs::create_dir_all(dir).map_err(io("create the folder", dir))?;
        let temp = vacuum_beside(db, &target).await?;
        if let Err(err) = std::fs::rename(&temp, &target) {
            let _ = std::fs::remove_file(&temp);
            return Err(io("name the copy", &target)(err));
        }
        Some(target)
    };
    prune(dir, keep).map_err(io("clear old copies from", dir))?;
    Ok(made)
}

/// Deletes the daily copies in `dir` beyond the `keep` newest (0 keeps every one), and
/// leaves every other file alone; returns those deleted.
pub fn prune(dir: &Path, keep: usize) -> std::io::Result<Vec<PathBuf>> {
    if keep == 0 {
        return Ok(Vec::new());
    }
    let mut copies = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if let Some(date) = entry.file_name().to_str().and_then(daily_date) {
            copies.push((date, entry.path()));
        }
    }
    copies.sort_by_key(|(date, _)| std::cmp::Reverse(*date));
    let mut deleted = Vec::new();
    for (_, path) in copies.into_iter().skip(keep) {
        match std::fs::remove_file(&path) {
            Ok(()) => deleted.push(path),
            // Another instance deleted it first.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(err),
        }
    }
    Ok(deleted)
}

/// The daily copies of `serve`, until `stop`: today's at start unless it exists, then each
/// day's within the hour the day begins (UTC). Nothing when `backup.dir` is empty; on
/// PostgreSQL, only a word that `pg_dump` does this.
pub async fn keep_daily(db: Db, settings: Arc<Settings>, mut stop: watch::Receiver<bool>) {
    let dir = Path::new(settings.backup.dir.trim());
    if dir.as_os_str().is_empty() {
        return;
    }
    if db.backend() != DatabaseBackend::Sqlite {
        tracing::warn!(
            dir = %dir.display(),
            "backup.dir is set, but serve copies only SQLite databases: back up PostgreSQL with pg_dump"
        );
        return;
    }
    loop {
        match daily(&db, dir, settings.backup.keep, Utc::now().date_naive()).await {
            Ok(Some(copy)) => tracing::info!(copy = %copy.display(), "daily backup made"),
            Ok(None) => {}
            Err(err) => tracing::error!(error = %err, "daily backup failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(CHECK_EVERY) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_daily_copies_have_a_date() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(daily_name(date), "roundtable-2026-03-09.db");
        assert_eq!(daily_date("roundtable-2026-03-09.db"), Some(date));
        for other in [
            "roundtable-2026-3-9.db",
            "roundtable-2026-03-09.db-wal",
            ".roundtable-2026-03-09.db.abc.partial",
            "roundtable.db",
            "notes.txt",
        ] {
            assert_eq!(daily_date(other), None, "{other}");
        }
    }
}
