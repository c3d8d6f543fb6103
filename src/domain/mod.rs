//! Domain types shared by several capabilities. Input becomes these at the edge; past it,
//! code trusts them. Each constructor returns a typed error whose text is shown to the
//! client next to the field.

pub mod collation;
mod country;
mod email;
mod region;
mod rich_text;
mod slug;
pub mod spreadsheet;
mod text;
mod timezone;

pub use country::CountryCode;
pub use email::EmailAddress;
pub use region::{Region, SubRegion};
pub use rich_text::{Block, RichText, Span, escape_markdown};
pub use slug::Slug;
pub use text::{TextError, folded, optional_text, required_text, web_address};
pub use timezone::TimeZone;

/// Declares a closed set of values: an enum stored and sent as one of a fixed set of
/// strings, with `as_str`, `FromStr` (whose error lists the allowed values), serde, an
/// OpenAPI schema, a sea-orm value type (entities hold it as a typed column, stored as its
/// text), and one `label()` in words that every output shows (pages, mail, Markdown, PDF,
/// CSV): `Draft => "draft" as "Draft"`.
#[macro_export]
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal as $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, sea_orm::DeriveValueType)]
        #[sea_orm(value_type = "String")]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value in words, as people read it.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::NotOneOf;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::domain::NotOneOf(&[$($text),+])),
                }
            }
        }

        // Written out rather than derived: the derive does not read the variants' serde
        // names through the macro, and would document "Admin" where "admin" is sent.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::domain::Vocabulary for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn value(self) -> &'static str {
                self.as_str()
            }

            fn label(self) -> &'static str {
                $name::label(self)
            }
        }
    };
}

/// A closed set of values with words for each: what choosers and filters list.
pub trait Vocabulary: Copy + 'static {
    fn all() -> &'static [Self];
    /// As stored and sent.
    fn value(self) -> &'static str;
    /// In words.
    fn label(self) -> &'static str;
}

/// The error of a `string_enum!` parse: the value is not one of those allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be one of: {}", .0.join(", "))]
pub struct NotOneOf(pub &'static [&'static str]);
