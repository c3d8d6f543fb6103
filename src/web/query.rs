//! Query strings: `?limit=&offset=` pagination and filters, read by hand so that a bad
//! value is a 422 naming the parameter instead of a bare 400.

use axum::extract::{FromRequestParts, RawQuery};
use axum::http::request::Parts;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{AppError, FieldErrors};

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 500;

/// The query string of a list request.
pub struct ListQuery {
    pairs: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pagination {
    pub limit: u64,
    pub offset: u64,
}

impl Default for Pagination {
    fn default() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            offset: 0,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ListQuery {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let RawQuery(query) = RawQuery::from_request_parts(parts, state)
            .await
            .map_err(|err| AppError::BadRequest(err.to_string()))?;
        Ok(Self::parse(query.as_deref().unwrap_or("")))
    }
}

impl ListQuery {
    pub fn parse(query: &str) -> Self {
        Self {
            // Control characters never belong in a filter, and PostgreSQL refuses NUL.
            pairs: url::form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .map(|(key, value)| (key, value.chars().filter(|c| !c.is_control()).collect()))
                .collect(),
        }
    }

    /// The last non-blank value of a parameter.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(key, value)| key == name && !value.trim().is_empty())
            .map(|(_, value)| value.trim())
    }

    /// A parameter parsed with `FromStr`, its error recorded under its name.
    pub fn parsed<T>(&self, name: &str, errors: &mut FieldErrors) -> Option<T>
    where
        T: std::str::FromStr,
        T::Err: std::fmt::Display,
    {
        let value = self.get(name)?;
        errors.check(name, value.parse::<T>())
    }

    pub fn pagination(&self, errors: &mut FieldErrors) -> Pagination {
        let mut page = Pagination::default();
        if let Some(value) = self.get("limit") {
            match value.parse::<u64>() {
                Ok(limit) if (1..=MAX_LIMIT).contains(&limit) => page.limit = limit,
                _ => errors.add("limit", format!("must be a number from 1 to {MAX_LIMIT}")),
            }
        }
        if let Some(value) = self.get("offset") {
            match value.parse::<u64>() {
                Ok(offset) if offset <= i64::MAX as u64 => page.offset = offset,
                _ => errors.add("offset", "must be a number from 0"),
            }
        }
        page
    }
}

/// A page of a list, with the number of items across all pages.
#[derive(Debug, Serialize, ToSchema)]
pub struct Listed<T> {
    pub items: Vec<T>,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_has_defaults_and_bounds() {
        let mut errors = FieldErrors::new();
        let page = ListQuery::parse("").pagination(&mut errors);
        assert_eq!(page, Pagination::default());
        let page = ListQuery::parse("limit=500&offset=10").pagination(&mut errors);
        assert_eq!((page.limit, page.offset), (500, 10));
        assert!(errors.is_empty());
        ListQuery::parse("limit=501&offset=-1").pagination(&mut errors);
        assert!(matches!(errors.finish(), Err(AppError::Invalid(e)) if e.len() == 2));
    }

    #[test]
    fn blank_parameters_count_as_absent() {
        let query = ListQuery::parse("region=&kind=roundtable&q=%C3%91%C3%BA%C3%B1ez");
        assert_eq!(query.get("region"), None);
        assert_eq!(query.get("kind"), Some("roundtable"));
        assert_eq!(query.get("q"), Some("Ñúñez"));
    }
}
