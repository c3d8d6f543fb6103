//! Shared HTTP plumbing: the JSON body and query extractors that turn bad input into
//! problem+json, authentication extractors, pagination and path ids.

pub mod assets;
pub mod auth;
pub mod cache;
pub mod client;
pub mod forms;
pub mod json;
pub mod limiter;
pub mod openapi;
pub mod pages;
pub mod query;
pub mod refusals;
pub mod server;

pub use auth::{Actor, CurrentUser, Staff};
pub use json::{ApiJson, ApiJsonList};
pub use query::{ListQuery, Listed, Pagination};

use crate::error::AppError;

/// Reads a numeric id from a path segment; anything else names no resource (404).
pub fn parse_id(segment: &str, what: &'static str) -> Result<i32, AppError> {
    segment
        .parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(AppError::NotFound(what))
}

/// A PDF to download, never kept by a shared cache (it names people).
pub fn pdf_download(bytes: Vec<u8>, filename: &str) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let filename: String = filename
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// A spreadsheet to download, saved as `filename`.
pub fn csv_download(filename: &str, body: String) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let filename: String = filename
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}
