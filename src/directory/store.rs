//! Queries on organizations and people.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::sea_query::extension::sqlite::SqliteExpr;
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbBackend, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set,
};

use super::{Organization, OrganizationKind, Person};
use crate::domain::{CountryCode, Region, collation};
use crate::entities::{organization, person};
use crate::web::Pagination;

/// A case-insensitive "contains" pattern, with LIKE's wildcards escaped.
pub fn contains_pattern(text: &str) -> LikeExpr {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// `lower(column) LIKE pattern`, the same on SQLite and PostgreSQL.
pub fn lower_like(column: impl sea_orm::sea_query::IntoColumnRef, pattern: &LikeExpr) -> Condition {
    Condition::all().add(Expr::expr(Func::lower(Expr::col(column))).like(pattern.clone()))
}

/// `column` contains `text`, whatever the case, on either database. PostgreSQL's `lower()`
/// folds every letter, but SQLite's folds ASCII only; there each letter becomes a GLOB
/// set of its cases instead (`[éÉ]`), so that "émilie" finds "Émilie".
pub fn contains_text(
    backend: DbBackend,
    column: impl sea_orm::sea_query::IntoColumnRef,
    text: &str,
) -> Condition {
    match backend {
        DbBackend::Sqlite => Condition::all().add(Expr::col(column).glob(glob_contains(text))),
        _ => lower_like(column, &contains_pattern(text)),
    }
}

/// A GLOB pattern matching any text that contains `text` in any case.
fn glob_contains(text: &str) -> String {
    fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }
    let mut pattern = String::from("*");
    for c in text.chars() {
        let mut cases = vec![c];
        for other in [single(c.to_lowercase()), single(c.to_uppercase())]
            .into_iter()
            .flatten()
        {
            if !cases.contains(&other) {
                cases.push(other);
            }
        }
        if cases.len() > 1 || matches!(c, '*' | '?' | '[') {
            pattern.push('[');
            pattern.extend(cases);
            pattern.push(']');
        } else {
            pattern.push(c);
        }
    }
    pattern.push('*');
    pattern
}

/// One page of a list sorted in memory (names sort by collation, which databases do not
/// share), with the list's length.
fn page_of<T>(items: Vec<T>, page: Pagination) -> (Vec<T>, u64) {
    let total = items.len() as u64;
    let start = usize::try_from(page.offset).unwrap_or(usize::MAX);
    let limit = usize::try_from(page.limit).unwrap_or(usize::MAX);
    (items.into_iter().skip(start).take(limit).collect(), total)
}

#[derive(Debug, Default)]
pub struct OrganizationFilter {
    pub q: Option<String>,
    pub kind: Option<OrganizationKind>,
    pub region: Option<Region>,
    pub country: Option<CountryCode>,
}

pub async fn list_organizations(
    db: &impl ConnectionTrait,
    filter: &OrganizationFilter,
    page: Pagination,
) -> Result<(Vec<organization::Model>, u64), DbErr> {
    let backend = db.get_database_backend();
    let mut query = organization::Entity::find();
    if let Some(q) = &filter.q {
        query = query.filter(
            Condition::any()
                .add(contains_text(backend, organization::Column::Name, q))
                .add(contains_text(backend, organization::Column::Acronym, q)),
        );
    }
    if let Some(kind) = filter.kind {
        query = query.filter(organization::Column::Kind.eq(kind.as_str()));
    }
    if let Some(region) = filter.region {
        query = query.filter(organization::Column::Region.eq(region.as_str()));
    }
    if let Some(country) = filter.country {
        query = query.filter(organization::Column::Country.eq(country.as_str()));
    }
    let mut items = query.order_by_asc(organization::Column::Id).all(db).await?;
    collation::sort_by_name(&mut items, |o| &o.name);
    Ok(page_of(items, page))
}

pub async fn organization(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<organization::Model>, DbErr> {
    organization::Entity::find_by_id(id).one(db).await
}

/// Organizations by id, for showing names beside references.
pub async fn organizations_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, organization::Model>, DbErr> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|row| (row.id, row)).collect())
}

pub async fn organization_by_name(
    db: &impl ConnectionTrait,
    name: &str,
) -> Result<Option<organization::Model>, DbErr> {
    organization::Entity::find()
        .filter(organization::Column::Name.eq(name))
        .order_by_asc(organization::Column::Id)
        .one(db)
        .await
}

fn organization_fields(active: &mut organization::ActiveModel, org: &Organization) {
    active.name = Set(org.name.clone());
    active.acronym = Set(org.acronym.clone());
    active.kind = Set(org.kind);
    active.country = Set(org.country.map(|c| c.as_str().to_string()));
    active.region = Set(org.region);
    active.subregion = Set(org.subregion.map(|s| s.as_str().to_string()));
    active.website = Set(org.website.clone());
    active.updated_at = Set(Utc::now());
}

pub async fn insert_organization(
    db: &impl ConnectionTrait,
    org: &Organization,
) -> Result<organization::Model, DbErr> {
    let mut active = organization::ActiveModel {
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    organization_fields(&mut active, org);
    active.insert(db).await
}

pub async fn update_organization(
    db: &impl ConnectionTrait,
    current: organization::Model,
    org: &Organization,
) -> Result<organization::Model, DbErr> {
    let mut active: organization::ActiveModel = current.into();
    organization_fields(&mut active, org);
    active.update(db).await
}

pub async fn delete_organization(db: &impl ConnectionTrait, id: i32) -> Result<u64, DbErr> {
    Ok(organization::Entity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected)
}

#[derive(Debug, Default)]
pub struct PersonFilter {
    pub q: Option<String>,
    pub organization_id: Option<i32>,
}

/// People matching `filter` (a search looks at emails too), by name.
pub async fn list_people(
    db: &impl ConnectionTrait,
    filter: &PersonFilter,
    page: Pagination,
) -> Result<(Vec<person::Model>, u64), DbErr> {
    list_people_searching(db, filter, page, true).await
}

/// People matching `filter`; the search looks at emails only with `by_email` (staff), so
/// that nobody else can learn whether an address is in the directory.
pub async fn list_people_searching(
    db: &impl ConnectionTrait,
    filter: &PersonFilter,
    page: Pagination,
    by_email: bool,
) -> Result<(Vec<person::Model>, u64), DbErr> {
    let backend = db.get_database_backend();
    let mut query = person::Entity::find();
    if let Some(q) = &filter.q {
        let matching_orgs = organization::Entity::find()
            .select_only()
            .column(organization::Column::Id)
            .filter(
                Condition::any()
                    .add(contains_text(backend, organization::Column::Name, q))
                    .add(contains_text(backend, organization::Column::Acronym, q)),
            )
            .into_query();
        let mut any = Condition::any()
            .add(contains_text(backend, person::Column::GivenName, q))
            .add(contains_text(backend, person::Column::FamilyName, q))
            .add(person::Column::OrganizationId.in_subquery(matching_orgs));
        if by_email {
            any = any.add(contains_text(backend, person::Column::Email, q));
        }
        // "Corlett Letlojane" should find her too.
        if let Some((given, family)) = q.trim().split_once(' ') {
            any = any.add(
                Condition::all()
                    .add(contains_text(backend, person::Column::GivenName, given))
                    .add(contains_text(
                        backend,
                        person::Column::FamilyName,
                        family.trim(),
                    )),
            );
        }
        query = query.filter(any);
    }
    if let Some(id) = filter.organization_id {
        query = query.filter(person::Column::OrganizationId.eq(id));
    }
    let mut items = query.order_by_asc(person::Column::Id).all(db).await?;
    items.sort_by(|a, b| {
        collation::compare(&a.family_name, &b.family_name)
            .then_with(|| collation::compare(&a.given_name, &b.given_name))
    });
    Ok(page_of(items, page))
}

pub async fn person(db: &impl ConnectionTrait, id: i32) -> Result<Option<person::Model>, DbErr> {
    person::Entity::find_by_id(id).one(db).await
}

pub async fn people_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, person::Model>, DbErr> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|row| (row.id, row)).collect())
}

pub async fn person_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<person::Model>, DbErr> {
    person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(db)
        .await
}

/// The ids of the people with these emails, by email.
pub async fn people_by_emails(
    db: &impl ConnectionTrait,
    emails: impl IntoIterator<Item = String>,
) -> Result<HashMap<String, i32>, DbErr> {
    let emails: Vec<String> = emails.into_iter().collect();
    if emails.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = person::Entity::find()
        .filter(person::Column::Email.is_in(emails))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| row.email.map(|email| (email, row.id)))
        .collect())
}

/// A person found by exact names, for the demo's find-or-create.
pub async fn person_by_names(
    db: &impl ConnectionTrait,
    given_name: &str,
    family_name: &str,
) -> Result<Option<person::Model>, DbErr> {
    person::Entity::find()
        .filter(person::Column::GivenName.eq(given_name))
        .filter(person::Column::FamilyName.eq(family_name))
        .order_by_asc(person::Column::Id)
        .one(db)
        .await
}

fn person_fields(active: &mut person::ActiveModel, p: &Person) {
    active.honorific = Set(p.honorific.clone());
    active.given_name = Set(p.given_name.clone());
    active.family_name = Set(p.family_name.clone());
    active.email = Set(p.email.as_ref().map(|e| e.as_str().to_string()));
    active.position = Set(p.position.clone());
    active.organization_id = Set(p.organization_id);
    active.country = Set(p.country.map(|c| c.as_str().to_string()));
    active.bio = Set(p.bio.clone());
    active.language = Set(p.language);
    active.updated_at = Set(Utc::now());
}

pub async fn insert_person(db: &impl ConnectionTrait, p: &Person) -> Result<person::Model, DbErr> {
    let mut active = person::ActiveModel {
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    person_fields(&mut active, p);
    active.insert(db).await
}

pub async fn update_person(
    db: &impl ConnectionTrait,
    current: person::Model,
    p: &Person,
) -> Result<person::Model, DbErr> {
    let mut active: person::ActiveModel = current.into();
    person_fields(&mut active, p);
    active.update(db).await
}

pub async fn delete_person(db: &impl ConnectionTrait, id: i32) -> Result<u64, DbErr> {
    Ok(person::Entity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_patterns_match_every_case_and_escape_wildcards() {
        assert_eq!(glob_contains("émi"), "*[éÉ][mM][iI]*");
        assert_eq!(glob_contains("L-1"), "*[Ll]-1*");
        assert_eq!(glob_contains("a*?[]"), "*[aA][*][?][[]]*");
        assert_eq!(glob_contains(""), "**");
    }
}
