//! Queries on registrations.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{Registration, RegistrationStatus};
use crate::entities::{event, registration, registration_link};
use crate::web::Pagination;

/// Takes the event's row lock for the rest of the transaction (PostgreSQL), so that
/// registrations for one event are decided one after another; on SQLite the write
/// transaction already holds the database's write lock.
pub async fn lock_event(db: &impl ConnectionTrait, event_id: i32) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        event::Entity::find_by_id(event_id)
            .lock_exclusive()
            .one(db)
            .await?;
    }
    Ok(())
}

/// Writes a registration (its first link is kept apart: [`link`]).
pub async fn insert(
    db: &impl ConnectionTrait,
    event_id: i32,
    r: &Registration,
    status: RegistrationStatus,
    manage_token_hash: &str,
    invitation_id: Option<i32>,
) -> Result<registration::Model, DbErr> {
    let now = Utc::now();
    let created = registration::ActiveModel {
        event_id: Set(event_id),
        manage_token_hash: Set(manage_token_hash.to_string()),
        given_name: Set(r.given_name.clone()),
        family_name: Set(r.family_name.clone()),
        email: Set(r.email.as_str().to_string()),
        organization: Set(r.organization.clone()),
        country: Set(r.country.map(|c| c.as_str().to_string())),
        needs: Set(r.needs.clone()),
        status: Set(status),
        invitation_id: Set(invitation_id),
        consented_at: Set(now),
        created_at: Set(now),
        updated_at: Set(now),
        erased_at: Set(None),
        reconfirm_by: Set(None),
        reconfirmed_at: Set(None),
        check_in_code: Set(Some(
            crate::attendance::new_code().map_err(|err| DbErr::Custom(err.to_string()))?,
        )),
        // A walk-in is checked in as they are added, by the organizer who adds them.
        checked_in_at: Set(r.admitted_by.as_ref().map(|_| now)),
        checked_in_by: Set(r.admitted_by.as_ref().map(|a| a.id)),
        walk_in: Set(r.admitted_by.is_some()),
        language: Set(Some(r.language)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(created)
}

/// The row that makes `token_hash` a link to the registration.
pub fn link(registration_id: i32, token_hash: &str) -> registration_link::ActiveModel {
    registration_link::ActiveModel {
        registration_id: Set(registration_id),
        token_hash: Set(token_hash.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

/// Keeps several links in one statement.
pub async fn keep_links(
    db: &impl ConnectionTrait,
    links: Vec<registration_link::ActiveModel>,
) -> Result<(), DbErr> {
    if !links.is_empty() {
        registration_link::Entity::insert_many(links)
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Which of `emails` hold or wait for a place at the event.
pub async fn active_emails(
    db: &impl ConnectionTrait,
    event_id: i32,
    emails: &[String],
) -> Result<Vec<String>, DbErr> {
    if emails.is_empty() {
        return Ok(Vec::new());
    }
    registration::Entity::find()
        .select_only()
        .column(registration::Column::Email)
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Email.is_in(emails.iter().map(String::as_str)))
        .filter(registration::Column::Status.is_in(RegistrationStatus::ACTIVE))
        .into_tuple()
        .all(db)
        .await
}

async fn keep_link(
    db: &impl ConnectionTrait,
    registration_id: i32,
    token_hash: &str,
) -> Result<(), DbErr> {
    link(registration_id, token_hash).insert(db).await?;
    Ok(())
}

/// A new link for a registration (for a mail), of which only the hash is kept; returns
/// the token.
pub async fn new_link(db: &impl ConnectionTrait, registration_id: i32) -> Result<String, DbErr> {
    let (token, hash) =
        crate::accounts::new_secret("").map_err(|err| DbErr::Custom(err.to_string()))?;
    keep_link(db, registration_id, &hash).await?;
    Ok(token)
}

pub async fn by_id(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<registration::Model>, DbErr> {
    registration::Entity::find_by_id(id).one(db).await
}

pub async fn by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<registration::Model>, DbErr> {
    let link = registration_link::Entity::find()
        .filter(registration_link::Column::TokenHash.eq(crate::accounts::hash_secret(token)))
        .one(db)
        .await?;
    match link {
        Some(link) => by_id(db, link.registration_id).await,
        None => Ok(None),
    }
}

/// The active registration of an email for an event, if any.
pub async fn active_by_email(
    db: &impl ConnectionTrait,
    event_id: i32,
    email: &str,
) -> Result<Option<registration::Model>, DbErr> {
    registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Email.eq(email))
        .filter(registration::Column::Status.is_in(RegistrationStatus::ACTIVE))
        .one(db)
        .await
}

/// How many registrations of an event are in each status.
pub async fn counts(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> Result<HashMap<RegistrationStatus, u64>, DbErr> {
    let rows: Vec<(RegistrationStatus, i64)> = registration::Entity::find()
        .select_only()
        .column(registration::Column::Status)
        .column_as(registration::Column::Id.count(), "n")
        .filter(registration::Column::EventId.eq(event_id))
        .group_by(registration::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(status, n)| (status, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// The registrants who hold or wait for a place and have not erased their details: the
/// people to tell when the event or one of its sessions changes.
pub async fn active_registrants(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> Result<Vec<registration::Model>, DbErr> {
    registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.is_in(RegistrationStatus::ACTIVE))
        .filter(registration::Column::ErasedAt.is_null())
        .order_by_asc(registration::Column::Id)
        .all(db)
        .await
}

/// Confirmed registrations by event, for the places left.
pub async fn confirmed_by_event(
    db: &impl ConnectionTrait,
    event_ids: &[i32],
) -> Result<HashMap<i32, u64>, DbErr> {
    if event_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, i64)> = registration::Entity::find()
        .select_only()
        .column(registration::Column::EventId)
        .column_as(registration::Column::Id.count(), "n")
        .filter(registration::Column::EventId.is_in(event_ids.iter().copied()))
        .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .group_by(registration::Column::EventId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// Writes a registrant's details.
pub async fn set_details(
    db: &impl ConnectionTrait,
    current: registration::Model,
    details: &super::Details,
) -> Result<registration::Model, DbErr> {
    let mut active: registration::ActiveModel = current.into();
    active.given_name = Set(details.given_name.clone());
    active.family_name = Set(details.family_name.clone());
    active.organization = Set(details.organization.clone());
    active.country = Set(details.country.map(|c| c.as_str().to_string()));
    active.needs = Set(details.needs.clone());
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

/// The longest-waiting person on the waitlist.
pub async fn first_waitlisted(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> Result<Option<registration::Model>, DbErr> {
    registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Waitlisted.as_str()))
        .order_by_asc(registration::Column::Id)
        .one(db)
        .await
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    current: registration::Model,
    status: RegistrationStatus,
) -> Result<registration::Model, DbErr> {
    let mut active: registration::ActiveModel = current.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

/// Replaces what identifies the registrant; the row stays so counts stay true.
pub async fn erase(
    db: &impl ConnectionTrait,
    current: registration::Model,
) -> Result<registration::Model, DbErr> {
    let id = current.id;
    let mut active: registration::ActiveModel = current.into();
    active.given_name = Set("(erased)".to_string());
    active.family_name = Set(String::new());
    active.email = Set(format!("erased-{id}@erased.invalid"));
    active.organization = Set(None);
    active.country = Set(None);
    active.needs = Set(None);
    active.check_in_code = Set(None);
    active.erased_at = Set(Some(Utc::now()));
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

pub async fn list(
    db: &impl ConnectionTrait,
    event_id: i32,
    status: Option<RegistrationStatus>,
    page: Option<Pagination>,
) -> Result<(Vec<registration::Model>, u64), DbErr> {
    let mut query = registration::Entity::find().filter(registration::Column::EventId.eq(event_id));
    if let Some(status) = status {
        query = query.filter(registration::Column::Status.eq(status.as_str()));
    }
    let total = query.clone().count(db).await?;
    let mut query = query.order_by_asc(registration::Column::Id);
    if let Some(page) = page {
        query = query.limit(page.limit).offset(page.offset);
    }
    Ok((query.all(db).await?, total))
}
