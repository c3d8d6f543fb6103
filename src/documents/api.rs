//! The JSON calls of the library. Organizers add a document as `multipart/form-data` (a
//! `file` part and a `metadata` part holding its JSON) or as JSON with a `url`; change
//! its metadata; withdraw it. Anyone lists and reads what they may open.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{StatusCode, header};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::{self, Filter, StoredFile};
use super::sniff::{self, FileType};
use super::{Access, DocumentInput, DocumentKind, DocumentOut};
use crate::app::AppState;
use crate::domain::Region;
use crate::error::{AppError, AppResult, FieldErrors, Problem};
use crate::web::{ApiJson, CurrentUser, ListQuery, Listed, Staff, parse_id};

/// The most a `metadata` part may hold.
const METADATA_MAX: usize = 256 * 1024;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        // The file's size is counted as it streams in, against `documents.max_mb`.
        .routes(utoipa_axum::router::UtoipaMethodRouterExt::layer(
            routes!(create, list),
            DefaultBodyLimit::disable(),
        ))
        .routes(routes!(show, update, withdraw))
}

/// A document as uploaded: its file and its metadata (the JSON of a document).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct DocumentUpload {
    /// PDF, DOCX, ODT, XLSX, PNG or JPEG (told by its content), at most `documents.max_mb`.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// The metadata, as JSON (see DocumentInput).
    metadata: String,
}

/// Adds a document to the library (organizers): a file with its metadata as
/// `multipart/form-data`, or JSON with a `url` instead of a file.
#[utoipa::path(post, path = "/api/v1/documents", tag = "documents",
    request_body(content(
        (DocumentUpload = "multipart/form-data"),
        (DocumentInput = "application/json"),
    )),
    responses((status = 201, body = DocumentOut), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    Staff(actor): Staff,
    request: Request,
) -> AppResult<(StatusCode, Json<DocumentOut>)> {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        });
    if !multipart {
        let input = json_body(request).await?;
        let created = service::create(&state.db, &state.files, &actor, input, None).await?;
        return Ok((StatusCode::CREATED, Json(created)));
    }
    let multipart = Multipart::from_request(request, &state)
        .await
        .map_err(|err| AppError::BadRequest(format!("cannot read the form: {err}")))?;
    // In a task of its own: a client that goes away midway still has its stored file
    // deleted, or its document saved whole, never a file without its row.
    let task = tokio::spawn(async move {
        let mut stored = None;
        let input = match read_upload(&state, multipart, &mut stored).await {
            Ok(input) => input,
            Err(err) => {
                if let Some(stored) = stored {
                    let _ = state.files.delete(&stored.key).await;
                }
                return Err(err);
            }
        };
        service::create(&state.db, &state.files, &actor, input, stored).await
    });
    let created = task
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!("the upload task failed: {err}")))??;
    Ok((StatusCode::CREATED, Json(created)))
}

/// A JSON body of at most [`METADATA_MAX`] (the route takes large uploads, so its
/// general limit is off).
async fn json_body(request: Request) -> Result<DocumentInput, AppError> {
    if !crate::web::json::is_json(request.headers()) {
        return Err(AppError::BadRequest(
            "send a file as multipart/form-data (file and metadata), or a link as JSON".into(),
        ));
    }
    let bytes = axum::body::to_bytes(request.into_body(), METADATA_MAX)
        .await
        .map_err(|_| AppError::BadRequest("the body is too large or broke off".into()))?;
    crate::web::json::parse(&bytes)
}

/// Reads an upload's parts, storing the file as it comes into `stored` (which the caller
/// deletes again if this fails).
async fn read_upload(
    state: &AppState,
    mut multipart: Multipart,
    stored: &mut Option<StoredFile>,
) -> Result<DocumentInput, AppError> {
    let limit = state.settings.documents.max_mb.saturating_mul(1024 * 1024);
    let mut metadata: Option<Vec<u8>> = None;
    while let Some(mut field) = multipart.next_field().await.map_err(|e| broken(&e))? {
        match field.name() {
            Some("metadata") => {
                if metadata.is_some() {
                    return Err(AppError::invalid("metadata", "send the metadata once"));
                }
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|e| broken(&e))? {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > METADATA_MAX {
                        return Err(AppError::invalid("metadata", "is too long"));
                    }
                }
                metadata = Some(bytes);
            }
            Some("file") => {
                if stored.is_some() {
                    return Err(AppError::invalid("file", "send one file per document"));
                }
                *stored = Some(store_file(state, field, limit).await?);
            }
            Some(other) => {
                return Err(AppError::invalid(
                    other
                        .chars()
                        .filter(|c| !c.is_control())
                        .collect::<String>(),
                    "is not a part of an upload (file and metadata are)",
                ));
            }
            None => return Err(AppError::BadRequest("a part without a name".into())),
        }
    }
    let metadata = metadata.ok_or_else(|| {
        AppError::invalid(
            "metadata",
            "is required: the document's title, kind and the rest, as JSON",
        )
    })?;
    crate::web::json::parse::<DocumentInput>(&metadata).map_err(in_metadata)
}

/// Field errors of the metadata part, named as its fields.
fn in_metadata(err: AppError) -> AppError {
    match err {
        AppError::BadRequest(message) => AppError::invalid("metadata", message),
        other => other,
    }
}

pub(super) fn broken(err: &axum::extract::multipart::MultipartError) -> AppError {
    AppError::BadRequest(format!("the upload could not be read: {}", err.body_text()))
}

/// Tells what the file is from its first bytes, then streams it to the store (the
/// library's pages use it too).
pub(super) async fn store_file(
    state: &AppState,
    mut field: axum::extract::multipart::Field<'_>,
    limit: u64,
) -> Result<StoredFile, AppError> {
    let sent_name = field.file_name().unwrap_or("").to_string();
    let mut head = Vec::new();
    while head.len() < sniff::HEAD {
        match field.chunk().await.map_err(|e| broken(&e))? {
            Some(chunk) => head.extend_from_slice(&chunk),
            None => break,
        }
    }
    let kind: FileType =
        sniff::sniff(&head).map_err(|refused| AppError::invalid("file", refused.to_string()))?;
    let filename = service::clean_filename(&sent_name, kind.extension());
    // The key is the store's alone: the name people gave the file is kept in the row.
    let key = format!("documents/{}", uuid::Uuid::new_v4());
    let rest = futures::stream::unfold(Some(field), |field| async move {
        let mut field = field?;
        match field.chunk().await {
            Ok(Some(chunk)) => Some((Ok(chunk), Some(field))),
            Ok(None) => None,
            Err(err) => Some((Err(err.body_text()), None)),
        }
    });
    let stored = state
        .files
        .put(&key, Bytes::from(head), Box::pin(rest), limit)
        .await
        .map_err(|err| match err {
            super::storage::StorageError::TooLarge { .. } => AppError::invalid(
                "file",
                format!(
                    "is larger than {} MB, the most the library takes",
                    state.settings.documents.max_mb
                ),
            ),
            super::storage::StorageError::Upload(message) => {
                AppError::BadRequest(format!("the upload broke off: {message}"))
            }
            other => AppError::Internal(anyhow::anyhow!(other)),
        })?;
    Ok(StoredFile {
        key,
        filename,
        content_type: kind.content_type().to_string(),
        bytes: stored.bytes,
    })
}

/// The library, newest first: `region` (with its sub-regions), `kind`, `language`,
/// `year` and `q` (words of the title or summary). Members' documents need a signed-in
/// account, organizers' ones an organizer; others are not listed.
#[utoipa::path(get, path = "/api/v1/documents", tag = "documents",
    params(("region" = Option<String>, Query), ("kind" = Option<String>, Query),
        ("language" = Option<String>, Query), ("year" = Option<i32>, Query),
        ("q" = Option<String>, Query), ("limit" = Option<u64>, Query), ("offset" = Option<u64>, Query)),
    responses((status = 200, body = inline(Listed<DocumentOut>)), (status = 422, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    query: ListQuery,
) -> AppResult<Json<Listed<DocumentOut>>> {
    let (filter, page) = filter_of(&query)?;
    let (items, total) =
        service::list(&state.db, Access::of(user.0.as_ref()), &filter, page).await?;
    Ok(Json(Listed { items, total }))
}

/// The library's filters from a query; a value that is none is a field error.
pub fn filter_of(query: &ListQuery) -> Result<(Filter, crate::web::Pagination), AppError> {
    let mut errors = FieldErrors::new();
    let page = query.pagination(&mut errors);
    let filter = Filter {
        region: query.parsed::<Region>("region", &mut errors),
        kind: query.parsed::<DocumentKind>("kind", &mut errors),
        language: query.get("language").and_then(|tag| {
            if super::is_language_tag(tag) {
                Some(tag.to_string())
            } else {
                errors.add("language", "must be a language tag such as en, es or fr");
                None
            }
        }),
        year: query
            .get("year")
            .and_then(|year| match year.parse::<i32>() {
                Ok(year) if (1900..=2200).contains(&year) => Some(year),
                _ => {
                    errors.add("year", "must be a year such as 2012");
                    None
                }
            }),
        q: query.get("q").map(|q| q.chars().take(200).collect()),
    };
    errors.finish()?;
    Ok((filter, page))
}

/// A document (404 to a reader who may not open it).
#[utoipa::path(get, path = "/api/v1/documents/{id}", tag = "documents",
    params(("id" = i32, Path)),
    responses((status = 200, body = DocumentOut), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<DocumentOut>> {
    let id = parse_id(&id, "document")?;
    Ok(Json(
        service::read(&state.db, Access::of(user.0.as_ref()), id).await?,
    ))
}

/// Changes a document's metadata (organizers); only the fields sent change.
#[utoipa::path(patch, path = "/api/v1/documents/{id}", tag = "documents",
    params(("id" = i32, Path)), request_body = DocumentInput,
    responses((status = 200, body = DocumentOut), (status = 400, body = Problem),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<DocumentInput>,
) -> AppResult<Json<DocumentOut>> {
    let id = parse_id(&id, "document")?;
    Ok(Json(service::update(&state.db, &actor, id, input).await?))
}

/// Withdraws a document (organizers): gone from the library, its file deleted.
#[utoipa::path(delete, path = "/api/v1/documents/{id}", tag = "documents",
    params(("id" = i32, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
async fn withdraw(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id, "document")?;
    service::withdraw(&state.db, &state.files, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
