//! The rules of the library: what a document must say, who may read it, and keeping the
//! rows and the files together (a document that could not be saved leaves no file, a
//! withdrawn one keeps its row for the audit trail and loses its file).

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

use super::storage::Files;
use super::{
    Access, AuthorOut, DocumentInput, DocumentKind, DocumentOut, FileOut, is_language_tag,
    known_region,
};
use crate::db::Db;
use crate::domain::{CountryCode, Region, optional_text, required_text};
use crate::entities::{
    document, document_country, document_organization, document_region, event, organization, series,
};
use crate::error::{AppError, FieldErrors};
use crate::web::{Actor, Pagination};

const TITLE_MAX: usize = 300;
const SUMMARY_MAX: usize = 20_000;
const NEXT_STEP_MAX: usize = 2_000;
const NEXT_STEPS_MAX: usize = 50;
const AUTHORS_MAX: usize = 50;

/// A file as stored for a new document.
pub struct StoredFile {
    pub key: String,
    pub filename: String,
    pub content_type: String,
    pub bytes: u64,
}

/// The metadata, checked.
struct Checked {
    title: Option<String>,
    kind: Option<DocumentKind>,
    published_on: Option<Option<chrono::NaiveDate>>,
    organization_ids: Option<Vec<i32>>,
    regions: Option<Vec<String>>,
    countries: Option<Vec<String>>,
    language: Option<Option<String>>,
    summary: Option<String>,
    access: Option<Access>,
    event_id: Option<Option<i32>>,
    series_id: Option<Option<i32>>,
    next_steps: Option<Vec<String>>,
    url: Option<String>,
}

/// Checks the metadata; every fault is named by its field.
async fn check(db: &Db, input: DocumentInput, creating: bool) -> Result<Checked, AppError> {
    let mut errors = FieldErrors::new();
    let title = match &input.title {
        Some(title) => errors.check("title", required_text(Some(title), TITLE_MAX)),
        None if creating => {
            errors.add("title", "is required");
            None
        }
        None => None,
    };
    if creating && input.kind.is_none() {
        errors.add("kind", "is required");
    }
    if let Some(Some(on)) = input.published_on
        && !(1900..=2200).contains(&chrono::Datelike::year(&on))
    {
        errors.add("published_on", "must be a date between 1900 and 2200");
    }
    let summary = input.summary.as_deref().and_then(|s| {
        errors
            .check("summary", optional_text(Some(s), SUMMARY_MAX, true))
            .map(Option::unwrap_or_default)
    });
    let regions = input.regions.map(|regions| {
        let mut kept = Vec::new();
        for (i, region) in regions.iter().enumerate() {
            let region = region.trim().to_ascii_lowercase();
            if !known_region(&region) {
                errors.add(
                    format!("regions[{i}]"),
                    "must be a region (africa, americas, asia-pacific, europe, middle-east, global) or one of their sub-regions",
                );
            } else if !kept.contains(&region) {
                kept.push(region);
            }
        }
        kept
    });
    let countries = input.countries.map(|countries| {
        let mut kept = Vec::new();
        for (i, country) in countries.iter().enumerate() {
            match CountryCode::parse(country.trim()) {
                Ok(code) if !kept.contains(&code.as_str().to_string()) => {
                    kept.push(code.as_str().to_string())
                }
                Ok(_) => {}
                Err(err) => errors.add(format!("countries[{i}]"), err.to_string()),
            }
        }
        kept
    });
    let language = input.language.map(|language| {
        language.and_then(|tag| {
            let tag = tag.trim().to_string();
            if tag.is_empty() {
                None
            } else if is_language_tag(&tag) {
                Some(tag)
            } else {
                errors.add(
                    "language",
                    "must be a language tag such as en, es, fr or pt-BR",
                );
                None
            }
        })
    });
    let next_steps = input.next_steps.map(|steps| {
        if steps.len() > NEXT_STEPS_MAX {
            errors.add("next_steps", format!("at most {NEXT_STEPS_MAX} next steps"));
        }
        let mut kept = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            if let Some(step) = errors.check(
                &format!("next_steps[{i}]"),
                required_text(Some(step), NEXT_STEP_MAX),
            ) {
                kept.push(step);
            }
        }
        kept
    });
    let url = input
        .url
        .as_deref()
        .and_then(|url| errors.check("url", crate::domain::web_address(url)));
    if let Some(ids) = input
        .organization_ids
        .as_ref()
        .filter(|ids| ids.len() > AUTHORS_MAX)
    {
        errors.add(
            "organization_ids",
            format!("at most {AUTHORS_MAX} organizations, not {}", ids.len()),
        );
    } else if let Some(ids) = &input.organization_ids {
        let found: Vec<i32> = organization::Entity::find()
            .filter(organization::Column::Id.is_in(ids.iter().copied()))
            .all(db.conn())
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect();
        for (i, id) in ids.iter().enumerate() {
            if !found.contains(id) {
                errors.add(format!("organization_ids[{i}]"), "no such organization");
            }
        }
    }
    if let Some(Some(id)) = input.event_id
        && event::Entity::find_by_id(id)
            .one(db.conn())
            .await?
            .is_none()
    {
        errors.add("event_id", "no such event");
    }
    if let Some(Some(id)) = input.series_id
        && series::Entity::find_by_id(id)
            .one(db.conn())
            .await?
            .is_none()
    {
        errors.add("series_id", "no such series");
    }
    errors.finish()?;
    let mut organization_ids = input.organization_ids;
    if let Some(ids) = &mut organization_ids {
        let mut seen = Vec::new();
        ids.retain(|id| {
            let first = !seen.contains(id);
            seen.push(*id);
            first
        });
    }
    Ok(Checked {
        title,
        kind: input.kind,
        published_on: input.published_on,
        organization_ids,
        regions,
        countries,
        language,
        summary,
        access: input.access,
        event_id: input.event_id,
        series_id: input.series_id,
        next_steps,
        url,
    })
}

/// Creates a document with its file (already stored: deleted again if the document
/// cannot be saved) or its link.
pub async fn create(
    db: &Db,
    files: &Files,
    actor: &Actor,
    input: DocumentInput,
    file: Option<StoredFile>,
) -> Result<DocumentOut, AppError> {
    let read_of_it = match &file {
        Some(file) => read_file(files, file).await,
        None => Ok(Read::default()),
    };
    let saved = match read_of_it {
        Ok(read_of_it) => {
            let saved = save_new(db, actor, input, file.as_ref(), &read_of_it).await;
            if saved.is_err()
                && let Some(key) = &read_of_it.thumbnail_key
            {
                let _ = files.delete(key).await;
            }
            saved
        }
        Err(err) => Err(err),
    };
    if saved.is_err()
        && let Some(file) = &file
    {
        let _ = files.delete(&file.key).await;
    }
    let id = saved?;
    read(db, Access::Organizers, id).await
}

/// What was read of a stored file: a PDF's words and, stored beside it, its first page.
#[derive(Default)]
struct Read {
    text: String,
    thumbnail_key: Option<String>,
}

/// Reads a stored PDF's words and draws its first page (other files: nothing).
async fn read_file(files: &Files, file: &StoredFile) -> Result<Read, AppError> {
    if file.content_type != super::sniff::FileType::Pdf.content_type() {
        return Ok(Read::default());
    }
    let pdf = files
        .read(&file.key)
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!(err)))?;
    let reading = super::reading::read(pdf).await;
    let thumbnail_key = match reading.thumbnail {
        Some(png) => {
            let key = format!("{}.png", file.key);
            files
                .put_whole(&key, png.into())
                .await
                .map_err(|err| AppError::Internal(anyhow::anyhow!(err)))?;
            Some(key)
        }
        None => None,
    };
    Ok(Read {
        text: reading.text,
        thumbnail_key,
    })
}

async fn save_new(
    db: &Db,
    actor: &Actor,
    input: DocumentInput,
    file: Option<&StoredFile>,
    read_of_it: &Read,
) -> Result<i32, AppError> {
    let checked = check(db, input, true).await?;
    match (&checked.url, file) {
        (Some(_), Some(_)) => {
            return Err(AppError::invalid(
                "url",
                "a document has a file or a link, not both",
            ));
        }
        (None, None) => {
            return Err(AppError::invalid(
                "file",
                "is required: upload a file, or give a link (url) instead",
            ));
        }
        _ => {}
    }
    let now = Utc::now();
    let txn = db.conn().begin().await?;
    let row = document::ActiveModel {
        title: Set(checked.title.clone().unwrap_or_default()),
        kind: Set(checked.kind.unwrap_or(DocumentKind::Other)),
        published_on: Set(checked.published_on.flatten()),
        language: Set(checked.language.clone().flatten()),
        summary: Set(checked.summary.clone().unwrap_or_default()),
        access: Set(checked.access.unwrap_or(Access::Public)),
        event_id: Set(checked.event_id.flatten()),
        series_id: Set(checked.series_id.flatten()),
        url: Set(checked.url.clone()),
        file_key: Set(file.map(|f| f.key.clone())),
        filename: Set(file.map(|f| f.filename.clone())),
        content_type: Set(file.map(|f| f.content_type.clone())),
        bytes: Set(file.map(|f| i64::try_from(f.bytes).unwrap_or(i64::MAX))),
        text: Set(read_of_it.text.clone()),
        thumbnail_key: Set(read_of_it.thumbnail_key.clone()),
        next_steps: Set(steps_json(
            checked.next_steps.as_deref().unwrap_or_default(),
        )),
        created_by: Set(Some(actor.id)),
        created_at: Set(now),
        updated_at: Set(now),
        withdrawn_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    write_lists(&txn, row.id, &checked).await?;
    crate::recommendations::service::sync_document(&txn, row.id).await?;
    crate::audit::record(
        &txn,
        Some(actor),
        "document.create",
        "document",
        row.id,
        serde_json::json!({"title": row.title, "access": row.access}),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

fn steps_json(steps: &[String]) -> String {
    serde_json::to_string(steps).unwrap_or_else(|_| "[]".into())
}

/// Replaces the lists (regions, countries, organizations) that `checked` carries.
async fn write_lists(
    txn: &sea_orm::DatabaseTransaction,
    id: i32,
    checked: &Checked,
) -> Result<(), sea_orm::DbErr> {
    if let Some(regions) = &checked.regions {
        document_region::Entity::delete_many()
            .filter(document_region::Column::DocumentId.eq(id))
            .exec(txn)
            .await?;
        if !regions.is_empty() {
            document_region::Entity::insert_many(regions.iter().map(|region| {
                document_region::ActiveModel {
                    document_id: Set(id),
                    region: Set(region.clone()),
                }
            }))
            .exec(txn)
            .await?;
        }
    }
    if let Some(countries) = &checked.countries {
        document_country::Entity::delete_many()
            .filter(document_country::Column::DocumentId.eq(id))
            .exec(txn)
            .await?;
        if !countries.is_empty() {
            document_country::Entity::insert_many(countries.iter().map(|country| {
                document_country::ActiveModel {
                    document_id: Set(id),
                    country: Set(country.clone()),
                }
            }))
            .exec(txn)
            .await?;
        }
    }
    if let Some(ids) = &checked.organization_ids {
        document_organization::Entity::delete_many()
            .filter(document_organization::Column::DocumentId.eq(id))
            .exec(txn)
            .await?;
        if !ids.is_empty() {
            document_organization::Entity::insert_many(ids.iter().enumerate().map(
                |(position, organization_id)| document_organization::ActiveModel {
                    document_id: Set(id),
                    organization_id: Set(*organization_id),
                    position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
                },
            ))
            .exec(txn)
            .await?;
        }
    }
    Ok(())
}

/// Documents as read for pages and answers: every column but the text of their PDFs
/// (up to a megabyte each, which only search reads).
fn rows() -> sea_orm::Select<document::Entity> {
    use sea_orm::Iterable;
    document::Entity::find()
        .select_only()
        .columns(document::Column::iter().filter(|c| !matches!(c, document::Column::Text)))
        .column_as(Expr::val(""), "text")
}

/// A document the reader may open (not withdrawn); 404 otherwise, whether it exists or
/// not.
pub async fn visible(db: &Db, reader: Access, id: i32) -> Result<document::Model, AppError> {
    rows()
        .filter(document::Column::Id.eq(id))
        .filter(document::Column::WithdrawnAt.is_null())
        .filter(document::Column::Access.is_in(reader.readable()))
        .one(db.conn())
        .await?
        .ok_or(AppError::NotFound("document"))
}

/// A document as answered, for a reader who may open it.
pub async fn read(db: &Db, reader: Access, id: i32) -> Result<DocumentOut, AppError> {
    let row = visible(db, reader, id).await?;
    Ok(outs(db, vec![row]).await?.remove(0))
}

/// Changes a document's metadata.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: i32,
    input: DocumentInput,
) -> Result<DocumentOut, AppError> {
    let row = visible(db, Access::Organizers, id).await?;
    let checked = check(db, input, false).await?;
    if checked.url.is_some() && row.file_key.is_some() {
        return Err(AppError::invalid(
            "url",
            "this document has a file; withdraw it and add the link as a new document",
        ));
    }
    let txn = db.conn().begin().await?;
    let mut active: document::ActiveModel = row.into();
    if let Some(title) = &checked.title {
        active.title = Set(title.clone());
    }
    if let Some(kind) = checked.kind {
        active.kind = Set(kind);
    }
    if let Some(published_on) = checked.published_on {
        active.published_on = Set(published_on);
    }
    if let Some(language) = &checked.language {
        active.language = Set(language.clone());
    }
    if let Some(summary) = &checked.summary {
        active.summary = Set(summary.clone());
    }
    if let Some(access) = checked.access {
        active.access = Set(access);
    }
    if let Some(event_id) = checked.event_id {
        active.event_id = Set(event_id);
    }
    if let Some(series_id) = checked.series_id {
        active.series_id = Set(series_id);
    }
    if let Some(url) = &checked.url {
        active.url = Set(Some(url.clone()));
    }
    if let Some(steps) = &checked.next_steps {
        active.next_steps = Set(steps_json(steps));
    }
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    write_lists(&txn, id, &checked).await?;
    crate::recommendations::service::sync_document(&txn, id).await?;
    crate::audit::record(
        &txn,
        Some(actor),
        "document.update",
        "document",
        id,
        serde_json::json!({"title": row.title, "access": row.access}),
    )
    .await?;
    txn.commit().await?;
    read(db, Access::Organizers, id).await
}

/// Withdraws a document: gone from the library, its file deleted, its row kept (withdrawn)
/// for the audit trail.
pub async fn withdraw(db: &Db, files: &Files, actor: &Actor, id: i32) -> Result<(), AppError> {
    let row = visible(db, Access::Organizers, id).await?;
    let keys: Vec<String> = row
        .file_key
        .iter()
        .chain(row.thumbnail_key.iter())
        .cloned()
        .collect();
    let txn = db.conn().begin().await?;
    let mut active: document::ActiveModel = row.into();
    active.withdrawn_at = Set(Some(Utc::now()));
    active.file_key = Set(None);
    active.thumbnail_key = Set(None);
    active.text = Set(String::new());
    let row = active.update(&txn).await?;
    crate::recommendations::service::sync_document(&txn, id).await?;
    crate::audit::record(
        &txn,
        Some(actor),
        "document.withdraw",
        "document",
        id,
        serde_json::json!({"title": row.title}),
    )
    .await?;
    txn.commit().await?;
    for key in keys {
        if let Err(err) = files.delete(&key).await {
            tracing::warn!(document = id, error = %err, "the withdrawn document's file was not deleted");
        }
    }
    Ok(())
}

/// What the library is filtered by.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// A region: its documents and those of its sub-regions.
    pub region: Option<Region>,
    pub kind: Option<DocumentKind>,
    pub language: Option<String>,
    pub year: Option<i32>,
    /// Words of the document, its PDF's text included (accents and case aside).
    pub q: Option<String>,
}

/// The documents a reader may open, newest first, filtered, a page of them and how many
/// there are in all.
pub async fn list(
    db: &Db,
    reader: Access,
    filter: &Filter,
    page: Pagination,
) -> Result<(Vec<DocumentOut>, u64), AppError> {
    let mut query = rows()
        .filter(document::Column::WithdrawnAt.is_null())
        .filter(document::Column::Access.is_in(reader.readable()));
    if let Some(kind) = filter.kind {
        query = query.filter(document::Column::Kind.eq(kind));
    }
    if let Some(year) = filter.year {
        let first = chrono::NaiveDate::from_ymd_opt(year, 1, 1);
        let last = chrono::NaiveDate::from_ymd_opt(year, 12, 31);
        if let (Some(first), Some(last)) = (first, last) {
            query = query.filter(document::Column::PublishedOn.between(first, last));
        }
    }
    if let Some(language) = &filter.language {
        // `es` finds `es` and `es-419`; tags are stored as sent, compared without case.
        let language = language.to_ascii_lowercase();
        let lowered = || Expr::expr(Func::lower(Expr::col(document::Column::Language)));
        query = query.filter(
            Condition::any()
                .add(lowered().eq(language.clone()))
                .add(lowered().like(format!("{language}-%"))),
        );
    }
    if let Some(region) = filter.region {
        // The region itself and its sub-regions.
        let mut names = vec![region.as_str().to_string()];
        names.extend(
            crate::domain::SubRegion::all()
                .filter(|s| s.region() == region)
                .map(|s| s.as_str().to_string()),
        );
        query = query.filter(
            document::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(document_region::Column::DocumentId)
                    .from(document_region::Entity)
                    .and_where(document_region::Column::Region.is_in(names))
                    .to_owned(),
            ),
        );
    }
    // Undated documents last, on both databases.
    let mut query = query
        .order_by_with_nulls(
            document::Column::PublishedOn,
            sea_orm::Order::Desc,
            sea_orm::sea_query::NullOrdering::Last,
        )
        .order_by_desc(document::Column::Id);
    if let Some(q) = filter.q.as_deref() {
        // Words of the title, summary, organizations, regions or the PDF's text, through
        // the search index (brought up to date first, as a search is).
        let words = crate::search::terms(q);
        if !words.is_empty() {
            crate::search::index::catch_up(db).await;
            let ids = crate::search::store::matching(
                db,
                crate::search::EntrySource::Document,
                &words,
                10_000,
            )
            .await?;
            query = query.filter(document::Column::Id.is_in(ids));
        }
    }
    let total = query.clone().count(db.conn()).await?;
    let rows = query
        .offset(page.offset)
        .limit(page.limit)
        .all(db.conn())
        .await?;
    Ok((outs(db, rows).await?, total))
}

/// The years and languages of the documents a reader may open, to browse them by.
pub async fn facets(db: &Db, reader: Access) -> Result<(Vec<i32>, Vec<String>), AppError> {
    let rows: Vec<(Option<chrono::NaiveDate>, Option<String>)> = document::Entity::find()
        .select_only()
        .column(document::Column::PublishedOn)
        .column(document::Column::Language)
        .filter(document::Column::WithdrawnAt.is_null())
        .filter(document::Column::Access.is_in(reader.readable()))
        .into_tuple()
        .all(db.conn())
        .await?;
    let mut years: Vec<i32> = rows
        .iter()
        .filter_map(|(on, _)| on.map(|on| chrono::Datelike::year(&on)))
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut languages: Vec<String> = rows
        .into_iter()
        .filter_map(|(_, language)| language)
        .map(|tag| tag.split('-').next().unwrap_or("").to_ascii_lowercase())
        .filter(|tag| !tag.is_empty())
        .collect();
    languages.sort();
    languages.dedup();
    Ok((years, languages))
}

/// The documents an organization wrote that a reader may open, newest first.
pub async fn authored_by(
    db: &Db,
    reader: Access,
    organization_id: i32,
) -> Result<Vec<DocumentOut>, AppError> {
    let rows = rows()
        .filter(document::Column::WithdrawnAt.is_null())
        .filter(document::Column::Access.is_in(reader.readable()))
        .filter(
            document::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(document_organization::Column::DocumentId)
                    .from(document_organization::Entity)
                    .and_where(document_organization::Column::OrganizationId.eq(organization_id))
                    .to_owned(),
            ),
        )
        .order_by_with_nulls(
            document::Column::PublishedOn,
            sea_orm::Order::Desc,
            sea_orm::sea_query::NullOrdering::Last,
        )
        .limit(200)
        .all(db.conn())
        .await?;
    outs(db, rows).await
}

/// Documents as answered, their lists read in one query each.
async fn outs(db: &Db, rows: Vec<document::Model>) -> Result<Vec<DocumentOut>, AppError> {
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut regions: HashMap<i32, Vec<String>> = HashMap::new();
    for r in document_region::Entity::find()
        .filter(document_region::Column::DocumentId.is_in(ids.clone()))
        .order_by_asc(document_region::Column::Region)
        .all(db.conn())
        .await?
    {
        regions.entry(r.document_id).or_default().push(r.region);
    }
    let mut countries: HashMap<i32, Vec<String>> = HashMap::new();
    for c in document_country::Entity::find()
        .filter(document_country::Column::DocumentId.is_in(ids.clone()))
        .order_by_asc(document_country::Column::Country)
        .all(db.conn())
        .await?
    {
        countries.entry(c.document_id).or_default().push(c.country);
    }
    let links = document_organization::Entity::find()
        .filter(document_organization::Column::DocumentId.is_in(ids))
        .order_by_asc(document_organization::Column::Position)
        .all(db.conn())
        .await?;
    let names: HashMap<i32, String> = organization::Entity::find()
        .filter(organization::Column::Id.is_in(links.iter().map(|l| l.organization_id)))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let mut authors: HashMap<i32, Vec<AuthorOut>> = HashMap::new();
    for link in links {
        if let Some(name) = names.get(&link.organization_id) {
            authors
                .entry(link.document_id)
                .or_default()
                .push(AuthorOut {
                    id: link.organization_id,
                    name: name.clone(),
                });
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let organizations = authors.remove(&row.id).unwrap_or_default();
            DocumentOut {
                id: row.id,
                page: format!("/documents/{}", row.id),
                thumbnail: row
                    .thumbnail_key
                    .as_ref()
                    .map(|_| format!("/documents/{}/thumbnail.png", row.id)),
                organization_ids: organizations.iter().map(|o| o.id).collect(),
                organizations,
                regions: regions.remove(&row.id).unwrap_or_default(),
                countries: countries.remove(&row.id).unwrap_or_default(),
                next_steps: serde_json::from_str(&row.next_steps).unwrap_or_default(),
                file: match (&row.filename, &row.content_type, row.bytes) {
                    (Some(filename), Some(content_type), Some(bytes)) if row.file_key.is_some() => {
                        Some(FileOut {
                            filename: filename.clone(),
                            content_type: content_type.clone(),
                            bytes,
                        })
                    }
                    _ => None,
                },
                title: row.title,
                kind: row.kind,
                published_on: row.published_on,
                language: row.language,
                summary: row.summary,
                access: row.access,
                event_id: row.event_id,
                series_id: row.series_id,
                url: row.url,
            }
        })
        .collect())
}

/// A file name safe to store and to offer for download: the last part of what was sent,
/// letters, digits, dots, dashes and underscores kept, the extension the content says.
pub fn clean_filename(sent: &str, extension: &str) -> String {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map(|(stem, _)| stem).unwrap_or(base);
    let mut clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    clean = clean.trim_matches('-').chars().take(100).collect();
    if clean.is_empty() {
        clean = "document".into();
    }
    format!("{clean}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_is_cleaned_and_given_the_extension_of_its_content() {
        assert_eq!(clean_filename("memo.pdf", "pdf"), "memo.pdf");
        assert_eq!(
            clean_filename("C:\\Users\\me\\Policy memo 2012.exe", "pdf"),
            "Policy-memo-2012.pdf"
        );
        assert_eq!(clean_filename("../../etc/passwd", "png"), "passwd.png");
        assert_eq!(clean_filename("", "docx"), "document.docx");
        assert_eq!(
            clean_filename("Informe_Américas.pdf", "pdf"),
            "Informe_Américas.pdf"
        );
    }
}
