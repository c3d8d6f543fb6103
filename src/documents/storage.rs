//! Where the library's files live, through the `object_store` crate: a folder
//! (`file://data/files`, relative to the working directory, or an absolute
//! `file:///srv/roundtable/files`) for one server, or an S3-compatible bucket
//! (`s3://bucket?endpoint=http://host:port&region=...`, or `s3://bucket/folder?...` for a
//! folder of it; keys from the environment as the AWS tools read them) when several `serve` instances share the work.
//!
//! `memory://` keeps them in the process, for tests and trials.
//!
//! A file is written as it arrives (a multipart upload, a few MiB held at a time), its
//! size counted against the limit; a file over the limit, or an upload that fails, is
//! aborted and leaves nothing behind.

use std::sync::Arc;

use axum::body::Bytes;
use futures::{Stream, StreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, WriteMultipart};

/// The store of one server (cheap to clone).
#[derive(Clone)]
pub struct Files {
    store: Arc<dyn ObjectStore>,
    /// Where the files are, for messages (never with credentials).
    place: String,
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Files").field("place", &self.place).finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("storage.url {0:?} is not a file:// folder or an s3:// bucket")]
    Url(String),
    #[error("the file is larger than {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("the upload broke off: {0}")]
    Upload(String),
    #[error("no such file")]
    NotFound,
    #[error("the file store failed: {0}")]
    Store(#[from] object_store::Error),
}

/// A file as written.
pub struct Stored {
    pub bytes: u64,
}

impl Files {
    /// Opens the store `url` names; a folder is created if missing.
    pub fn open(url: &str) -> Result<Self, StorageError> {
        let parsed = url::Url::parse(url).map_err(|_| StorageError::Url(url.to_string()))?;
        match parsed.scheme() {
            "file" => {
                // `file://data/files` is relative: its "host" is the first folder.
                let folder = match parsed.host_str() {
                    Some(host) if !host.is_empty() => {
                        format!("{host}{}", percent_decoded(parsed.path()))
                    }
                    _ => percent_decoded(parsed.path()),
                };
                if folder.is_empty() {
                    return Err(StorageError::Url(url.to_string()));
                }
                std::fs::create_dir_all(&folder)
                    .map_err(|err| StorageError::Upload(format!("{folder}: {err}")))?;
                // Folders left empty by a deleted file go too.
                let store = LocalFileSystem::new_with_prefix(&folder)?.with_automatic_cleanup(true);
                Ok(Self {
                    store: Arc::new(store),
                    place: format!("the folder {folder}"),
                })
            }
            // For tests and trials: files that live as long as the process.
            "memory" => Ok(Self::memory()),
            "s3" => {
                let bucket = parsed
                    .host_str()
                    .filter(|b| !b.is_empty())
                    .ok_or_else(|| StorageError::Url(url.to_string()))?;
                let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
                for (name, value) in parsed.query_pairs() {
                    builder = match name.as_ref() {
                        "endpoint" => builder
                            .with_allow_http(value.starts_with("http://"))
                            .with_endpoint(value.as_ref()),
                        "region" => builder.with_region(value.as_ref()),
                        _ => return Err(StorageError::Url(url.to_string())),
                    };
                }
                let store = builder.build()?;
                // `s3://bucket/some/folder`: the files under that folder of the bucket.
                let prefix = parsed.path().trim_matches('/');
                if prefix.is_empty() {
                    return Ok(Self {
                        store: Arc::new(store),
                        place: format!("the bucket {bucket}"),
                    });
                }
                Ok(Self {
                    store: Arc::new(PrefixStore::new(store, percent_decoded(prefix))),
                    place: format!("the folder {prefix} of the bucket {bucket}"),
                })
            }
            _ => Err(StorageError::Url(url.to_string())),
        }
    }

    /// A store in this process's memory, gone when it ends.
    pub fn memory() -> Self {
        Self {
            store: Arc::new(InMemory::new()),
            place: "memory".into(),
        }
    }

    /// Where the files are, in words.
    pub fn place(&self) -> &str {
        &self.place
    }

    /// Writes `head` and then the rest of `body` at `key`, at most `limit` bytes in all.
    /// On any error the upload is aborted: no file is left at `key`.
    pub async fn put<S, E>(
        &self,
        key: &str,
        head: Bytes,
        mut body: S,
        limit: u64,
    ) -> Result<Stored, StorageError>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let path = Path::from(key);
        let upload = self.store.put_multipart(&path).await?;
        let mut writer = WriteMultipart::new(upload);
        let mut bytes = head.len() as u64;
        let outcome: Result<(), StorageError> = async {
            if bytes > limit {
                return Err(StorageError::TooLarge { limit });
            }
            writer.put(head);
            while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(|err| StorageError::Upload(err.to_string()))?;
                bytes += chunk.len() as u64;
                if bytes > limit {
                    return Err(StorageError::TooLarge { limit });
                }
                // One part (5 MiB) in flight at most: memory stays bounded whatever the size.
                writer.wait_for_capacity(1).await?;
                writer.put(chunk);
            }
            Ok(())
        }
        .await;
        let outcome = match outcome {
            Ok(()) => writer.finish().await.map_err(StorageError::from),
            Err(err) => {
                let _ = writer.abort().await;
                Err(err)
            }
        };
        match outcome {
            Ok(_) => Ok(Stored { bytes }),
            Err(err) => {
                // A folder store may have left the finished part of a file.
                let _ = self.store.delete(&path).await;
                Err(err)
            }
        }
    }

    /// Writes a small file (a thumbnail) whole at `key`.
    pub async fn put_whole(&self, key: &str, bytes: Bytes) -> Result<(), StorageError> {
        self.store.put(&Path::from(key), bytes.into()).await?;
        Ok(())
    }

    /// The file at `key`, as a stream of chunks, with its size.
    pub async fn get(
        &self,
        key: &str,
    ) -> Result<
        (
            u64,
            futures::stream::BoxStream<'static, Result<Bytes, object_store::Error>>,
        ),
        StorageError,
    > {
        match self.store.get(&Path::from(key)).await {
            Ok(result) => Ok((result.meta.size, result.into_stream())),
            Err(object_store::Error::NotFound { .. }) => Err(StorageError::NotFound),
            Err(err) => Err(err.into()),
        }
    }

    /// The whole file at `key` (for what reads it whole: text extraction, thumbnails).
    pub async fn read(&self, key: &str) -> Result<Bytes, StorageError> {
        match self.store.get(&Path::from(key)).await {
            Ok(result) => Ok(result.bytes().await?),
            Err(object_store::Error::NotFound { .. }) => Err(StorageError::NotFound),
            Err(err) => Err(err.into()),
        }
    }

    /// Deletes the file at `key`; a file already gone is no error.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self.store.delete(&Path::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(err.into()),
        }
    }

    /// Whether the store holds no file at all (for tests: nothing left behind).
    pub async fn is_empty(&self) -> Result<bool, StorageError> {
        let mut listing = self.store.list(None);
        match listing.next().await {
            None => Ok(true),
            Some(Ok(_)) => Ok(false),
            Some(Err(err)) => Err(err.into()),
        }
    }

    /// Whether a file is at `key`.
    pub async fn exists(&self, key: &str) -> Result<bool, StorageError> {
        match self.store.head(&Path::from(key)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(err) => Err(err.into()),
        }
    }
}

fn percent_decoded(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(parts: &[&'static [u8]]) -> impl Stream<Item = Result<Bytes, String>> + Unpin {
        futures::stream::iter(
            parts
                .iter()
                .map(|p| Ok(Bytes::from_static(p)))
                .collect::<Vec<_>>(),
        )
    }

    #[tokio::test]
    async fn a_folder_keeps_what_is_written_and_nothing_of_a_file_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let files = Files::open(&format!("file://{}", dir.path().display())).unwrap();
        keeps_what_is_written_and_nothing_of_a_file_over_the_limit(&files).await;
    }

    /// The same on an S3-compatible server when `ROUNDTABLE_TEST_S3` names a bucket there
    /// (`s3://bucket?endpoint=http://127.0.0.1:5000&region=us-east-1`, credentials in
    /// `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`): `scripts/s3.sh` starts moto's
    /// server and runs it.
    #[tokio::test]
    async fn a_bucket_keeps_what_is_written_and_nothing_of_a_file_over_the_limit() {
        let Ok(url) = std::env::var("ROUNDTABLE_TEST_S3") else {
            eprintln!("ROUNDTABLE_TEST_S3 is not set: the S3 store is not tried");
            return;
        };
        let files = Files::open(&url).unwrap();
        keeps_what_is_written_and_nothing_of_a_file_over_the_limit(&files).await;
    }

    async fn keeps_what_is_written_and_nothing_of_a_file_over_the_limit(files: &Files) {
        let stored = files
            .put(
                "documents/1/memo.pdf",
                Bytes::from_static(b"%PDF-1.7 "),
                chunks(&[b"first ", b"second"]),
                1000,
            )
            .await
            .unwrap();
        assert_eq!(stored.bytes, 21);
        assert_eq!(
            &files.read("documents/1/memo.pdf").await.unwrap()[..],
            b"%PDF-1.7 first second"
        );

        let refused = files
            .put(
                "documents/2/big.pdf",
                Bytes::from_static(b"%PDF-1.7 "),
                chunks(&[&[b'x'; 600], &[b'y'; 600]]),
                1000,
            )
            .await;
        assert!(matches!(
            refused,
            Err(StorageError::TooLarge { limit: 1000 })
        ));
        assert!(!files.exists("documents/2/big.pdf").await.unwrap());

        let broken = files
            .put(
                "documents/3/cut.pdf",
                Bytes::from_static(b"%PDF-1.7 "),
                futures::stream::iter(vec![
                    Ok(Bytes::from_static(b"part")),
                    Err("the connection closed".to_string()),
                ]),
                1000,
            )
            .await;
        assert!(matches!(broken, Err(StorageError::Upload(_))));
        assert!(!files.exists("documents/3/cut.pdf").await.unwrap());

        files.delete("documents/1/memo.pdf").await.unwrap();
        assert!(matches!(
            files.read("documents/1/memo.pdf").await,
            Err(StorageError::NotFound)
        ));
        files.delete("documents/1/memo.pdf").await.unwrap();
    }

    #[test]
    fn only_folders_and_buckets_are_taken() {
        assert!(Files::open("ftp://example.org/files").is_err());
        assert!(Files::open("s3://bucket?colour=blue").is_err());
        assert!(Files::open("not a url").is_err());
    }
}
