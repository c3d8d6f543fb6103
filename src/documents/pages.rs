//! The library's pages: a document's page and its file (with its type and name), and
//! the card each document has in the library (`/documents`, in `site`).

use askama::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use futures::StreamExt;
use sea_orm::EntityTrait;

use super::service;
use super::{Access, DocumentOut};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::i18n::Language;
use crate::web::pages::{Ctx, PageResult, render};
use crate::web::{CurrentUser, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents/{id}", get(show))
        .route("/documents/{id}/file", get(file))
        .route("/documents/{id}/thumbnail.png", get(thumbnail))
}

/// A document as the library shows it.
pub struct DocumentCard {
    pub url: String,
    pub title: String,
    pub kind: String,
    /// "25 September 2012", or empty.
    pub date: String,
    pub organizations: String,
    pub language: Option<String>,
    /// The download's address and what it is ("PDF, 120 KB").
    pub download: Option<(String, String)>,
    /// The address of a document kept elsewhere.
    pub link: Option<String>,
    /// The picture of a PDF's first page.
    pub thumbnail: Option<String>,
    /// Who may read it, when not everyone: "Members (signed in)".
    pub restricted: Option<String>,
    pub summary: String,
}

impl From<&DocumentOut> for DocumentCard {
    fn from(d: &DocumentOut) -> Self {
        Self::localized(d, Language::En)
    }
}

impl DocumentCard {
    /// The document as a reader of `lang` sees it: its kind, date, file and readers in
    /// that language (its title and summary as written).
    pub fn localized(d: &DocumentOut, lang: Language) -> Self {
        Self {
            url: d.page.clone(),
            title: d.title.clone(),
            kind: crate::i18n::term(lang, "doc-kind", d.kind.as_str()),
            date: d
                .published_on
                .map(|on| crate::i18n::dates::long(lang, on))
                .unwrap_or_default(),
            organizations: d
                .organizations
                .iter()
                .map(|o| o.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            language: d.language.clone(),
            download: d.file.as_ref().map(|f| {
                let what = super::sniff::FileType::from_content_type(&f.content_type)
                    .map_or_else(|| crate::i18n::t(lang, "doc-file"), |t| file_type(lang, t));
                (
                    format!("{}/file", d.page),
                    format!("{what}, {}", size(lang, f.bytes)),
                )
            }),
            link: d.url.clone(),
            thumbnail: d.thumbnail.clone(),
            restricted: (d.access != Access::Public)
                .then(|| crate::i18n::term(lang, "doc-access", d.access.as_str())),
            summary: d.summary.clone(),
        }
    }
}

/// What people call a type of file, in `lang`: "PDF", "Word document".
fn file_type(lang: Language, file: super::sniff::FileType) -> String {
    use super::sniff::FileType;
    let id = match file {
        FileType::Pdf => "doc-file-type-pdf",
        FileType::Docx => "doc-file-type-docx",
        FileType::Odt => "doc-file-type-odt",
        FileType::Xlsx => "doc-file-type-xlsx",
        FileType::Png => "doc-file-type-png",
        FileType::Jpeg => "doc-file-type-jpeg",
    };
    crate::i18n::t(lang, id)
}

/// A file size as people read it: "840 bytes", "120 KB", "3.4 MB" ("3,4 Mo").
fn size(lang: Language, bytes: i64) -> String {
    let bytes = bytes.max(0) as f64;
    let (id, number) = if bytes < 1024.0 {
        ("doc-size-bytes", format!("{bytes}"))
    } else if bytes < 1024.0 * 1024.0 {
        ("doc-size-kb", format!("{:.0}", bytes / 1024.0))
    } else {
        ("doc-size-mb", format!("{:.1}", bytes / (1024.0 * 1024.0)))
    };
    // French and Spanish write a decimal comma.
    let number = if lang == Language::En {
        number
    } else {
        number.replace('.', ",")
    };
    crate::i18n::t_texts(lang, id, &[("size", &number)])
}

/// A region or sub-region name in words, in `lang` ("Latin America and the Caribbean",
/// "Amérique latine et Caraïbes"); an unknown name as it is.
pub fn region_name(lang: Language, name: &str) -> String {
    if name.parse::<crate::domain::Region>().is_ok() {
        crate::i18n::term(lang, "region", name)
    } else if crate::domain::SubRegion::parse(name).is_some() {
        crate::i18n::term(lang, "doc-subregion", name)
    } else {
        name.to_string()
    }
}

/// A language tag's language in words, in `lang` ("Spanish", "Espagnol" for `es`); the
/// tag itself for one not named ([`super::language_label`] names the same).
pub fn language_name(lang: Language, tag: &str) -> String {
    let english = super::language_label(tag);
    if english == tag {
        return english;
    }
    let language = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    crate::i18n::term(lang, "doc-language", &language)
}

#[derive(Template)]
#[template(path = "documents/show.html")]
struct DocumentPage {
    ctx: Ctx,
    card: DocumentCard,
    regions: Vec<String>,
    countries: Vec<String>,
    next_steps: Vec<String>,
    event: Option<(String, String)>,
    series: Option<(String, String)>,
}

/// A document's page: what it is, who wrote it, where it is about, its summary and next
/// steps, and the download; 404 to a reader who may not open it.
async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    let id = parse_id(&id, "document")?;
    let document = service::read(&state.db, Access::of(ctx.user.as_ref()), id).await?;
    let event = match document.event_id {
        Some(id) => crate::entities::event::Entity::find_by_id(id)
            .one(state.db.conn())
            .await
            .map_err(AppError::from)?
            .filter(|e| e.status != crate::events::EventStatus::Draft || ctx.is_staff())
            .map(|e| (format!("/events/{}", e.slug), e.title)),
        None => None,
    };
    let series = match document.series_id {
        Some(id) => crate::entities::series::Entity::find_by_id(id)
            .one(state.db.conn())
            .await
            .map_err(AppError::from)?
            .map(|s| (format!("/series/{}", s.slug), s.title)),
        None => None,
    };
    let lang = ctx.lang;
    let page = DocumentPage {
        card: DocumentCard::localized(&document, lang),
        regions: document
            .regions
            .iter()
            .map(|name| region_name(lang, name))
            .collect(),
        countries: document
            .countries
            .iter()
            .map(|code| {
                crate::domain::CountryCode::parse(code)
                    .map_or_else(|_| code.to_string(), |c| c.name_in(lang))
            })
            .collect(),
        next_steps: document.next_steps.clone(),
        event,
        series,
        ctx,
    };
    Ok(render(&page))
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
    let shown = matches!(
        content_type.as_str(),
        "application/pdf" | "image/png" | "image/jpeg"
    );
    let mut response = stored(&state, key, content_type).await?;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_DISPOSITION,
        disposition(if shown { "inline" } else { "attachment" }, filename),
    );
    // An uploaded file runs nothing on the site's origin: images and office files under a
    // policy that allows no script; PDFs go to the browser's own viewer (which a sandbox
    // policy stops in Chromium) and run in its sandbox, not in the site's pages.
    if content_type != "application/pdf" {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
            ),
        );
    }
    if document.access != Access::Public {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private"));
    }
    Ok(response)
}

/// A PDF's first page as a picture; 404 to a reader who may not open the document.
async fn thumbnail(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = parse_id(&id, "document")?;
    let document = service::visible(&state.db, Access::of(user.0.as_ref()), id).await?;
    let key = document
        .thumbnail_key
        .as_deref()
        .ok_or(AppError::NotFound("thumbnail"))?;
    let mut response = stored(&state, key, "image/png").await?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        // Checked again at every showing: a document's access may change, or it may be
        // withdrawn, and no cache may go on showing its first page.
        HeaderValue::from_static(if document.access == Access::Public {
            "no-cache"
        } else {
            "private, no-cache"
        }),
    );
    Ok(response)
}

/// A stored file streamed as `content_type`, never sniffed by the browser.
async fn stored(state: &AppState, key: &str, content_type: &str) -> AppResult<Response> {
    let (size, stream) = match state.files.get(key).await {
        Ok(found) => found,
        Err(super::storage::StorageError::NotFound) => return Err(AppError::NotFound("file")),
        Err(err) => return Err(AppError::Internal(anyhow::anyhow!(err))),
    };
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
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
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
