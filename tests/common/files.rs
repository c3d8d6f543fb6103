//! Files as the library's tests upload them, and apps whose files go to a folder or to
//! the S3-compatible bucket of `ROUNDTABLE_TEST_S3` (`scripts/s3.sh`).

use super::{TestApp, spawn_app_with};

/// A small PDF, as uploaded.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
    2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A program (an ELF executable's first bytes, then zeros) of `len` bytes: what a file
/// named `.pdf` may really be.
pub fn program(len: usize) -> Vec<u8> {
    let mut program = b"\x7fELF\x02\x01\x01\0".to_vec();
    program.resize(len, 0);
    program
}

/// An app whose files go to a folder of its own (or to a folder of its own in the bucket
/// of `ROUNDTABLE_TEST_S3`), and that folder.
pub async fn app_with_files(max_mb: u64) -> (TestApp, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let url = match std::env::var("ROUNDTABLE_TEST_S3") {
        Ok(bucket) => {
            let mut url = url::Url::parse(&bucket).unwrap();
            url.set_path(&format!("test-{}", uuid::Uuid::new_v4()));
            url.to_string()
        }
        Err(_) => format!("file://{}", folder.path().display()),
    };
    let app = spawn_app_with(|settings| {
        settings.storage.url = url;
        settings.documents.max_mb = max_mb;
    })
    .await;
    (app, folder)
}
