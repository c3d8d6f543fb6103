//! Queries on series, events, their organizers, sessions and participants.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{
    Event, EventKind, EventStatus, OrganizerRole, ParticipantRole, Series, SeriesRef, Session,
};
use crate::domain::{Region, Slug};
use crate::entities::{event, event_organization, series, session, session_participant};
use crate::web::Pagination;

// ----- Series -----

pub async fn list_series(
    db: &impl ConnectionTrait,
    page: Pagination,
) -> Result<(Vec<series::Model>, u64), DbErr> {
    let query = series::Entity::find();
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_asc(series::Column::Title)
        .order_by_asc(series::Column::Id)
        .limit(page.limit)
        .offset(page.offset)
        .all(db)
        .await?;
    Ok((items, total))
}

pub async fn series(
    db: &impl ConnectionTrait,
    reference: &SeriesRef,
) -> Result<Option<series::Model>, DbErr> {
    match reference {
        SeriesRef::Id(id) => series::Entity::find_by_id(*id).one(db).await,
        // A path segment that cannot be a slug names nothing; it never reaches the query.
        SeriesRef::Slug(slug) if Slug::parse(slug).is_err() => Ok(None),
        SeriesRef::Slug(slug) => {
            series::Entity::find()
                .filter(series::Column::Slug.eq(slug.as_str()))
                .one(db)
                .await
        }
    }
}

pub async fn series_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, series::Model>, DbErr> {
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = series::Entity::find()
        .filter(series::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|row| (row.id, row)).collect())
}

pub async fn series_slug_taken(
    db: &impl ConnectionTrait,
    slug: &str,
    except: Option<i32>,
) -> Result<bool, DbErr> {
    let mut query = series::Entity::find().filter(series::Column::Slug.eq(slug));
    if let Some(id) = except {
        query = query.filter(series::Column::Id.ne(id));
    }
    Ok(query.count(db).await? > 0)
}

pub async fn insert_series(
    db: &impl ConnectionTrait,
    slug: &str,
    s: &Series,
) -> Result<series::Model, DbErr> {
    let now = Utc::now();
    series::ActiveModel {
        slug: Set(slug.to_string()),
        title: Set(s.title.clone()),
        description: Set(s.description.clone()),
        language: Set(s.language),
        translations: Set(s.translations.to_column()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn update_series(
    db: &impl ConnectionTrait,
    current: series::Model,
    slug: &str,
    s: &Series,
) -> Result<series::Model, DbErr> {
    let mut active: series::ActiveModel = current.into();
    active.slug = Set(slug.to_string());
    active.title = Set(s.title.clone());
    active.description = Set(s.description.clone());
    active.language = Set(s.language);
    active.translations = Set(s.translations.to_column());
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

// ----- Events -----

#[derive(Debug, Default)]
pub struct EventFilter {
    pub region: Option<Region>,
    pub kind: Option<EventKind>,
    pub year: Option<i32>,
    pub series_id: Option<i32>,
    pub statuses: Vec<EventStatus>,
    /// Only events ending on or after this day.
    pub ends_from: Option<NaiveDate>,
    /// Only events starting before this day.
    pub starts_before: Option<NaiveDate>,
}

pub async fn list_events(
    db: &impl ConnectionTrait,
    filter: &EventFilter,
    page: Pagination,
    newest_first: bool,
) -> Result<(Vec<event::Model>, u64), DbErr> {
    let mut query = event::Entity::find();
    if let Some(region) = filter.region {
        query = query.filter(event::Column::Region.eq(region.as_str()));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(event::Column::Kind.eq(kind.as_str()));
    }
    if let Some(year) = filter.year {
        // Events that take place (at least partly) in that year.
        if let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) {
            query = query
                .filter(event::Column::StartsOn.lte(last))
                .filter(event::Column::EndsOn.gte(first));
        }
    }
    if let Some(id) = filter.series_id {
        query = query.filter(event::Column::SeriesId.eq(id));
    }
    if !filter.statuses.is_empty() {
        query =
            query.filter(event::Column::Status.is_in(filter.statuses.iter().map(|s| s.as_str())));
    }
    if let Some(day) = filter.ends_from {
        query = query.filter(event::Column::EndsOn.gte(day));
    }
    if let Some(day) = filter.starts_before {
        query = query.filter(event::Column::StartsOn.lt(day));
    }
    let total = query.clone().count(db).await?;
    let query = if newest_first {
        query
            .order_by_desc(event::Column::StartsOn)
            .order_by_desc(event::Column::Id)
    } else {
        query
            .order_by_asc(event::Column::StartsOn)
            .order_by_asc(event::Column::Id)
    };
    let items = query.limit(page.limit).offset(page.offset).all(db).await?;
    Ok((items, total))
}

/// An event by id or slug.
pub async fn event(
    db: &impl ConnectionTrait,
    reference: &SeriesRef,
) -> Result<Option<event::Model>, DbErr> {
    match reference {
        SeriesRef::Id(id) => event::Entity::find_by_id(*id).one(db).await,
        // A path segment that cannot be a slug names nothing; it never reaches the query.
        SeriesRef::Slug(slug) if Slug::parse(slug).is_err() => Ok(None),
        SeriesRef::Slug(slug) => {
            event::Entity::find()
                .filter(event::Column::Slug.eq(slug.as_str()))
                .one(db)
                .await
        }
    }
}

/// Events by id, for showing several sessions' events without a query each.
pub async fn events_by_id(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, event::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    Ok(event::Entity::find()
        .filter(event::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect())
}

pub async fn event_by_id(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<event::Model>, DbErr> {
    event::Entity::find_by_id(id).one(db).await
}

pub async fn event_slug_taken(
    db: &impl ConnectionTrait,
    slug: &str,
    except: Option<i32>,
) -> Result<bool, DbErr> {
    let mut query = event::Entity::find().filter(event::Column::Slug.eq(slug));
    if let Some(id) = except {
        query = query.filter(event::Column::Id.ne(id));
    }
    Ok(query.count(db).await? > 0)
}

fn event_fields(active: &mut event::ActiveModel, e: &Event, slug: &str, series_id: Option<i32>) {
    active.slug = Set(slug.to_string());
    active.title = Set(e.title.clone());
    active.subtitle = Set(e.subtitle.clone());
    active.kind = Set(e.kind);
    active.description = Set(e.description.clone());
    active.starts_on = Set(e.starts_on);
    active.ends_on = Set(e.ends_on);
    active.timezone = Set(e.timezone);
    active.venue = Set(e.venue.clone());
    active.city = Set(e.city.clone());
    active.country = Set(e.country.map(|c| c.as_str().to_string()));
    active.region = Set(e.region);
    active.subregion = Set(e.subregion.map(|s| s.as_str().to_string()));
    active.series_id = Set(series_id);
    active.capacity = Set(e.capacity);
    active.registration_mode = Set(e.registration.mode);
    active.registration_opens_at = Set(e.registration.opens_at);
    active.registration_closes_at = Set(e.registration.closes_at);
    active.waitlist = Set(e.registration.waitlist);
    active.language = Set(e.language);
    active.translations = Set(e.translations.to_column());
    active.updated_at = Set(Utc::now());
}

pub async fn insert_event(
    db: &impl ConnectionTrait,
    e: &Event,
    slug: &str,
    series_id: Option<i32>,
) -> Result<event::Model, DbErr> {
    let mut active = event::ActiveModel {
        status: Set(EventStatus::Draft),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    event_fields(&mut active, e, slug, series_id);
    active.insert(db).await
}

pub async fn update_event(
    db: &impl ConnectionTrait,
    current: event::Model,
    e: &Event,
    slug: &str,
    series_id: Option<i32>,
) -> Result<event::Model, DbErr> {
    let mut active: event::ActiveModel = current.into();
    event_fields(&mut active, e, slug, series_id);
    active.update(db).await
}

pub async fn set_event_status(
    db: &impl ConnectionTrait,
    current: event::Model,
    status: EventStatus,
) -> Result<event::Model, DbErr> {
    let mut active: event::ActiveModel = current.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

pub async fn delete_event(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    event::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

pub async fn organizers(
    db: &impl ConnectionTrait,
    event_ids: &[i32],
) -> Result<Vec<event_organization::Model>, DbErr> {
    if event_ids.is_empty() {
        return Ok(Vec::new());
    }
    event_organization::Entity::find()
        .filter(event_organization::Column::EventId.is_in(event_ids.iter().copied()))
        .order_by_asc(event_organization::Column::EventId)
        .order_by_asc(event_organization::Column::Position)
        .all(db)
        .await
}

/// Replaces an event's organizers with `organizers`, in that order.
pub async fn set_organizers(
    db: &impl ConnectionTrait,
    event_id: i32,
    organizers: &[(i32, OrganizerRole)],
) -> Result<(), DbErr> {
    event_organization::Entity::delete_many()
        .filter(event_organization::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    for (position, (organization_id, role)) in organizers.iter().enumerate() {
        event_organization::ActiveModel {
            event_id: Set(event_id),
            organization_id: Set(*organization_id),
            role: Set(*role),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

// ----- Sessions -----

pub async fn sessions_of_event(
    db: &impl ConnectionTrait,
    event_id: i32,
    page: Option<Pagination>,
) -> Result<(Vec<session::Model>, u64), DbErr> {
    sessions_seen(db, event_id, page, true).await
}

/// The sessions of an event a caller may see: all of them for organizers (`staff`), the
/// ones not closed for everyone else.
pub async fn sessions_seen(
    db: &impl ConnectionTrait,
    event_id: i32,
    page: Option<Pagination>,
    staff: bool,
) -> Result<(Vec<session::Model>, u64), DbErr> {
    let mut query = session::Entity::find().filter(session::Column::EventId.eq(event_id));
    if !staff {
        query = query.filter(session::Column::Confidentiality.ne(super::Confidentiality::Closed));
    }
    let total = query.clone().count(db).await?;
    let mut query = query
        .order_by_asc(session::Column::StartsAt)
        .order_by_asc(session::Column::Id);
    if let Some(page) = page {
        query = query.limit(page.limit).offset(page.offset);
    }
    Ok((query.all(db).await?, total))
}

pub async fn session(db: &impl ConnectionTrait, id: i32) -> Result<Option<session::Model>, DbErr> {
    session::Entity::find_by_id(id).one(db).await
}

pub async fn sessions_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<Vec<session::Model>, DbErr> {
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    session::Entity::find()
        .filter(session::Column::Id.is_in(ids))
        .all(db)
        .await
}

fn session_fields(active: &mut session::ActiveModel, s: &Session) {
    active.title = Set(s.title.clone());
    active.kind = Set(s.kind);
    active.description = Set(s.description.clone());
    active.starts_at = Set(s.starts_at);
    active.ends_at = Set(s.ends_at);
    active.room = Set(s.room.clone());
    active.capacity = Set(s.capacity);
    active.confidentiality = Set(s.confidentiality);
    active.translations = Set(s.translations.to_column());
    active.updated_at = Set(Utc::now());
}

pub async fn insert_session(
    db: &impl ConnectionTrait,
    event_id: i32,
    s: &Session,
) -> Result<session::Model, DbErr> {
    let mut active = session::ActiveModel {
        event_id: Set(event_id),
        sequence: Set(0),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    session_fields(&mut active, s);
    active.insert(db).await
}

/// Updates a session; a change of time or place raises its sequence.
pub async fn update_session(
    db: &impl ConnectionTrait,
    current: session::Model,
    s: &Session,
) -> Result<session::Model, DbErr> {
    let moved =
        current.starts_at != s.starts_at || current.ends_at != s.ends_at || current.room != s.room;
    let sequence = current.sequence + i32::from(moved);
    let mut active: session::ActiveModel = current.into();
    session_fields(&mut active, s);
    active.sequence = Set(sequence);
    active.update(db).await
}

pub async fn delete_session(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    session::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

// ----- Participants -----

pub async fn participants(
    db: &impl ConnectionTrait,
    session_ids: &[i32],
) -> Result<Vec<session_participant::Model>, DbErr> {
    if session_ids.is_empty() {
        return Ok(Vec::new());
    }
    session_participant::Entity::find()
        .filter(session_participant::Column::SessionId.is_in(session_ids.iter().copied()))
        .order_by_asc(session_participant::Column::SessionId)
        .order_by_asc(session_participant::Column::Position)
        .order_by_asc(session_participant::Column::Id)
        .all(db)
        .await
}

/// Every assignment of these people, in any event.
pub async fn assignments_of_people(
    db: &impl ConnectionTrait,
    person_ids: &[i32],
) -> Result<Vec<session_participant::Model>, DbErr> {
    if person_ids.is_empty() {
        return Ok(Vec::new());
    }
    session_participant::Entity::find()
        .filter(session_participant::Column::PersonId.is_in(person_ids.iter().copied()))
        .all(db)
        .await
}

pub async fn next_participant_position(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<i32, DbErr> {
    let max: Option<Option<i32>> = session_participant::Entity::find()
        .select_only()
        .column_as(
            Expr::from(Func::max(Expr::col(session_participant::Column::Position))),
            "max",
        )
        .filter(session_participant::Column::SessionId.eq(session_id))
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().map_or(0, |m| m + 1))
}

pub async fn insert_participant(
    db: &impl ConnectionTrait,
    session_id: i32,
    person_id: i32,
    role: ParticipantRole,
    position: i32,
) -> Result<session_participant::Model, DbErr> {
    session_participant::ActiveModel {
        session_id: Set(session_id),
        person_id: Set(person_id),
        role: Set(role),
        position: Set(position),
        invitation_status: Set(super::InvitationStatus::NotInvited),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn delete_participant(
    db: &impl ConnectionTrait,
    session_id: i32,
    person_id: i32,
) -> Result<u64, DbErr> {
    let result = session_participant::Entity::delete_many()
        .filter(session_participant::Column::SessionId.eq(session_id))
        .filter(session_participant::Column::PersonId.eq(person_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

pub async fn set_participant_position(
    db: &impl ConnectionTrait,
    id: i32,
    position: i32,
) -> Result<(), DbErr> {
    session_participant::Entity::update_many()
        .col_expr(session_participant::Column::Position, Expr::value(position))
        .filter(session_participant::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Raises the sequence of every session of an event (its calendars change: cancelled).
pub async fn raise_sequences(db: &impl ConnectionTrait, event_id: i32) -> Result<(), DbErr> {
    use sea_orm::sea_query::ExprTrait;
    session::Entity::update_many()
        .col_expr(
            session::Column::Sequence,
            Expr::col(session::Column::Sequence).add(1),
        )
        .filter(session::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    Ok(())
}
