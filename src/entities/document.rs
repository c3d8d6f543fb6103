//! The `documents` table: a document of the library, with a file in the object store or
//! a link.

use sea_orm::entity::prelude::*;

use crate::documents::{Access, DocumentKind};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub title: String,
    pub kind: DocumentKind,
    pub published_on: Option<Date>,
    /// A BCP 47 tag (`en`, `es`, `pt-BR`).
    pub language: Option<String>,
    pub summary: String,
    pub access: Access,
    pub event_id: Option<i32>,
    pub series_id: Option<i32>,
    /// The link of a document kept elsewhere (no file then).
    pub url: Option<String>,
    /// Where the file is in the object store.
    pub file_key: Option<String>,
    /// The name it was uploaded with, cleaned.
    pub filename: Option<String>,
    /// As told by its content, not by its name.
    pub content_type: Option<String>,
    pub bytes: Option<i64>,
    /// The text of a PDF, for search.
    pub text: String,
    /// Its next steps, a JSON array of strings.
    pub next_steps: String,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub thumbnail_key: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
