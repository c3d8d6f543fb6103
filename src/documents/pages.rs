//! The library's addresses for people: a document's file, with its type and name.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use futures::StreamExt;

use super::Access;
use super::service;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::web::{CurrentUser, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new().route("/documents/{id}/file", get(file))
}

/// A document's file: PDFs and images shown in the browser, other files downloaded;
/// 404 to a reader who may not open the document.
async fn file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = parse_id(&id, "document")?;
    let document = service::visible(&state.db, Access::of(user.0.as_ref()), id).await?;
    let (Some(key), Some(filename), Some(content_type)) = (
        &document.file_key,
        &document.filename,
        &document.content_type,
    ) else {
        return Err(AppError::NotFound("file"));
    };
    let (size, stream) = match state.files.get(key).await {
        Ok(found) => found,
        Err(super::storage::StorageError::NotFound) => return Err(AppError::NotFound("file")),
        Err(err) => return Err(AppError::Internal(anyhow::anyhow!(err))),
    };
    let shown = matches!(
        content_type.as_str(),
        "application/pdf" | "image/png" | "image/jpeg"
    );
    let mut response =
        Response::new(Body::from_stream(stream.map(|chunk| {
            chunk.map_err(|err| std::io::Error::other(err.to_string()))
        })));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(size));
    headers.insert(
        header::CONTENT_DISPOSITION,
        disposition(if shown { "inline" } else { "attachment" }, filename),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // An uploaded file runs nothing on the site's origin.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        ),
    );
    if document.access != Access::Public {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private"));
    }
    Ok(response)
}

/// `Content-Disposition` with the name in plain ASCII and in UTF-8 (RFC 6266).
fn disposition(kind: &str, filename: &str) -> HeaderValue {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded =
        percent_encoding::utf8_percent_encode(filename, percent_encoding::NON_ALPHANUMERIC);
    HeaderValue::from_str(&format!(
        "{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or(HeaderValue::from_static("attachment"))
}
