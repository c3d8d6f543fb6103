//! PDFs kept once typeset, by a hash of what they show: a report read by many people is
//! typeset once, not once per download; and typeset when it is published, in the
//! background ([`crate::reports::service::publish`]), so that its first reader does not
//! wait for it either.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use sha2::{Digest, Sha256};

use super::{Job, child};
use crate::error::AppError;

/// The PDFs kept, the most recently typeset last.
static PDF_CACHE: LazyLock<Mutex<Vec<CachedPdf>>> = LazyLock::new(Default::default);
/// A PDF and the SHA-256 of the data it was typeset from.
type CachedPdf = ([u8; 32], Arc<Vec<u8>>);
const PDF_CACHE_SIZE: usize = 16;

/// PDFs typeset by this process (not taken from those kept).
static TYPESET: AtomicU64 = AtomicU64::new(0);

/// How many PDFs this process has typeset so far.
pub fn typeset_so_far() -> u64 {
    TYPESET.load(Ordering::Relaxed)
}

/// What a PDF is kept by: the SHA-256 of its template and the data it is typeset from.
fn key(job: &Job) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(job.template().name());
    hash.update([0]);
    hash.update(job.data());
    hash.finalize().into()
}

/// Whether the PDF of `job` is kept (typeset already).
pub fn is_kept(job: &Job) -> bool {
    kept(&key(job)).is_some()
}

/// The PDF kept under `key`, if any.
fn kept(key: &[u8; 32]) -> Option<Arc<Vec<u8>>> {
    PDF_CACHE
        .lock()
        .ok()
        .and_then(|cache| cache.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
}

/// One PDF is typeset at a time; further requests wait their turn, so that downloads
/// cannot take every core from the pages, nor the memory of several typesettings at once
/// (a 360-session synthesis takes a few hundred megabytes while it is typeset).
static PDF_RENDERS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// Typesets a job ([`child::typeset`]), or takes its PDF from those kept.
pub async fn typeset(job: Job) -> Result<Arc<Vec<u8>>, AppError> {
    let key = key(&job);
    if let Some(bytes) = kept(&key) {
        return Ok(bytes);
    }
    let _turn = PDF_RENDERS
        .acquire()
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!("PDF queue: {err}")))?;
    // Someone may have typeset it while this request waited.
    if let Some(bytes) = kept(&key) {
        return Ok(bytes);
    }
    TYPESET.fetch_add(1, Ordering::Relaxed);
    let bytes = child::typeset(job).await?;
    let bytes = Arc::new(bytes);
    if let Ok(mut cache) = PDF_CACHE.lock() {
        if cache.len() >= PDF_CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((key, bytes.clone()));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_same_report_is_typeset_once() {
        let mut report = super::super::tests::sample_report(1);
        report.event.title = format!("Report {}", uuid::Uuid::new_v4());
        let job = Job::event_report(&report).unwrap();
        assert!(!is_kept(&job));
        let before = typeset_so_far();
        let first = typeset(job.clone()).await.unwrap();
        assert!(first.starts_with(b"%PDF-"));
        assert!(is_kept(&job));
        let second = typeset(job.clone()).await.unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(typeset_so_far() - before, 1);
        report.event.title.push_str(" (changed)");
        let changed = Job::event_report(&report).unwrap();
        assert!(
            !is_kept(&changed),
            "a changed report is not taken for the old one"
        );
        typeset(changed).await.unwrap();
        assert_eq!(
            typeset_so_far() - before,
            2,
            "a changed report is typeset again"
        );
    }
}
