//! PDFs kept once typeset, by a hash of what they show: a report read by many people is
//! typeset once, not once per download; and typeset when it is published, in the
//! background ([`crate::reports::service::publish`]), so that its first reader does not
//! wait for it either.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use sha2::{Digest, Sha256};

use super::PdfError;
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

/// What a PDF is kept by: the SHA-256 of the data it is typeset from.
fn key(value: &impl serde::Serialize) -> Result<[u8; 32], AppError> {
    let json = serde_json::to_vec(value)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("PDF data: {err}")))?;
    Ok(Sha256::digest(&json).into())
}

/// Whether the PDF of `value` is kept (typeset already).
pub fn is_kept(value: &impl serde::Serialize) -> bool {
    key(value).is_ok_and(|key| kept(&key).is_some())
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

/// Typesets `value` as PDF off the async threads, or takes it from those kept.
pub async fn typeset<T: serde::Serialize + Send + 'static>(
    value: T,
    render: fn(&T) -> Result<Vec<u8>, PdfError>,
) -> Result<Arc<Vec<u8>>, AppError> {
    let key = key(&value)?;
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
    let bytes = tokio::task::spawn_blocking(move || render(&value))
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!("PDF task: {err}")))?
        .map_err(|err| AppError::Internal(anyhow::anyhow!("PDF: {err}")))?;
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
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    static RENDERED: AtomicUsize = AtomicUsize::new(0);

    fn counting(text: &String) -> Result<Vec<u8>, PdfError> {
        RENDERED.fetch_add(1, Ordering::SeqCst);
        Ok(text.as_bytes().to_vec())
    }

    #[tokio::test]
    async fn the_same_report_is_typeset_once() {
        let value = format!("report {}", uuid::Uuid::new_v4());
        let first = typeset(value.clone(), counting).await.unwrap();
        let second = typeset(value.clone(), counting).await.unwrap();
        assert!(std::sync::Arc::ptr_eq(&first, &second));
        assert_eq!(RENDERED.load(Ordering::SeqCst), 1);
        typeset(format!("{value} changed"), counting).await.unwrap();
        assert_eq!(
            RENDERED.load(Ordering::SeqCst),
            2,
            "a changed report is typeset again"
        );
    }
}
