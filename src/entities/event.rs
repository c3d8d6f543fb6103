//! The `events` table.

use sea_orm::entity::prelude::*;

use crate::domain::{Region, TimeZone};
use crate::events::{EventKind, EventStatus, RegistrationMode};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub kind: EventKind,
    pub description: Option<String>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub timezone: TimeZone,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub region: Option<Region>,
    pub subregion: Option<String>,
    pub series_id: Option<i32>,
    pub status: EventStatus,
    pub capacity: Option<i32>,
    pub registration_mode: RegistrationMode,
    pub registration_opens_at: Option<DateTimeUtc>,
    pub registration_closes_at: Option<DateTimeUtc>,
    pub waitlist: bool,
    /// The language the event is written in.
    pub language: crate::i18n::Language,
    /// Its title, subtitle and description in other languages (JSON, see `i18n::content`).
    pub translations: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The event's title as a reader of `lang` gets it: translated where it is, as
    /// written elsewhere.
    pub fn title_in(&self, lang: crate::i18n::Language) -> String {
        crate::i18n::content::Translations::stored(self.translations.as_deref())
            .pick(self.language, lang, "title", &self.title)
            .text
    }
}
