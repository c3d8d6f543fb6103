//! Calendar use-cases: the `.ics` of an event, of a session and of a person's own feed,
//! and the secret tokens behind feeds.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::{CalendarEvent, Method, calendar, session_events, store, webcal_url};
use crate::accounts::{hash_secret, new_secret};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::directory::{self, store as directory_store};
use crate::entities::session;
use crate::error::{AppError, AppResult, on_constraint};
use crate::events::{EventStatus, SeriesRef, store as event_store};
use crate::web::Actor;

/// A calendar file, ready to serve.
#[derive(Debug, Clone)]
pub struct Ics {
    pub body: String,
    pub filename: String,
    /// The latest change of anything in it.
    pub last_modified: DateTime<Utc>,
    /// A person's own feed: shared caches must not keep it.
    pub personal: bool,
}

/// The addresses of a person's feed. The token in them is shown this once.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeedUrls {
    /// `https://.../feeds/<token>.ics`
    pub feed_url: String,
    /// The same address as `webcal://`, which opens a calendar application to subscribe.
    pub webcal_url: String,
}

/// RFC 5546 wants an ORGANIZER in a PUBLISH calendar: the configured organizers' address.
fn with_organizer(items: &mut [CalendarEvent], settings: &Settings) {
    let address = settings.mail.organizer_address.trim();
    if address.is_empty() {
        return;
    }
    for item in items {
        item.organizer = Some((settings.mail.organizer_name.clone(), address.to_string()));
    }
}

fn latest(items: &[CalendarEvent], floor: DateTime<Utc>) -> DateTime<Utc> {
    items.iter().map(|i| i.stamp).fold(floor, DateTime::max)
}

/// Every session of an event; 404 for a draft unless the caller is staff.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn event_calendar(
    db: &Db,
    settings: &Settings,
    reference: &SeriesRef,
    staff: bool,
) -> AppResult<Ics> {
    let event = crate::events::read::visible_event(db, reference, staff).await?;
    let (sessions, _) = event_store::sessions_seen(db.conn(), event.id, None, staff).await?;
    let mut items = session_events(db.conn(), settings.public_url(), &sessions).await?;
    with_organizer(&mut items, settings);
    Ok(Ics {
        body: calendar(&event.title, Method::Publish, &items),
        filename: format!("{}.ics", event.slug),
        last_modified: latest(&items, event.updated_at),
        // An organizer's copy holds the closed sessions: no shared cache keeps it.
        personal: staff,
    })
}

/// One session; 404 when its event is a draft, unless the caller is staff.
#[tracing::instrument(skip_all, fields(session = id), err(level = "debug"))]
pub async fn session_calendar(
    db: &Db,
    settings: &Settings,
    id: i32,
    staff: bool,
) -> AppResult<Ics> {
    let (session, event) = crate::events::read::visible_session(db, id, staff).await?;
    let mut items = session_events(
        db.conn(),
        settings.public_url(),
        std::slice::from_ref(&session),
    )
    .await?;
    with_organizer(&mut items, settings);
    Ok(Ics {
        body: calendar(
            &format!("{} — {}", session.title, event.title),
            Method::Publish,
            &items,
        ),
        filename: format!("session-{id}.ics"),
        last_modified: latest(&items, session.updated_at.max(event.updated_at)),
        personal: staff && !session.confidentiality.is_listed(),
    })
}

/// A person's own feed: every session they have a role in (chair, moderator, speaker,
/// discussant, rapporteur) in a published or cancelled event. 404 for an unknown token.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn person_feed(db: &Db, settings: &Settings, token: &str) -> AppResult<Ics> {
    let row = store::feed_token_by_hash(db.conn(), &hash_secret(token))
        .await?
        .ok_or(AppError::NotFound("feed"))?;
    let person = directory_store::person(db.conn(), row.person_id)
        .await?
        .ok_or(AppError::NotFound("feed"))?;
    let assignments = event_store::assignments_of_people(db.conn(), &[person.id]).await?;
    let session_ids: Vec<i32> = assignments.iter().map(|a| a.session_id).collect();
    let sessions = store::sessions_in_order(db.conn(), &session_ids).await?;
    let event_ids: Vec<i32> = sessions.iter().map(|s| s.event_id).collect();
    let owners = crate::events::store::events_by_id(db.conn(), &event_ids).await?;
    let shown: Vec<session::Model> = sessions
        .into_iter()
        .filter(|s| {
            owners
                .get(&s.event_id)
                .is_some_and(|e| e.status != EventStatus::Draft)
        })
        .collect();
    let mut items = session_events(db.conn(), settings.public_url(), &shown).await?;
    with_organizer(&mut items, settings);
    let name = directory::display_name(
        person.honorific.as_deref(),
        &person.given_name,
        &person.family_name,
    );
    let assigned = assignments
        .iter()
        .map(|a| a.created_at)
        .fold(row.created_at, DateTime::max);
    Ok(Ics {
        body: calendar(&format!("{name} — Roundtable"), Method::Publish, &items),
        filename: "roundtable.ics".to_string(),
        last_modified: latest(&items, assigned),
        personal: true,
    })
}

/// Gives a person a new feed token, replacing the one they had (whose address stops
/// working at once), inside the caller's transaction. 404 for an unknown person.
pub async fn rotate_feed_in(
    conn: &impl ConnectionTrait,
    person_id: i32,
    public_url: &str,
) -> AppResult<FeedUrls> {
    directory_store::person(conn, person_id)
        .await?
        .ok_or(AppError::NotFound("person"))?;
    let (token, token_hash) = new_secret("")?;
    store::set_feed_token(conn, person_id, &token_hash)
        .await
        .map_err(|err| on_constraint(err, "try again", "no person has this id"))?;
    let feed_url = format!("{}/feeds/{token}.ics", public_url.trim_end_matches('/'));
    Ok(FeedUrls {
        webcal_url: webcal_url(&feed_url),
        feed_url,
    })
}

/// Creates or rotates a person's feed token for an organizer, with a line in the audit
/// log (which never holds the token).
#[tracing::instrument(skip_all, fields(person = person_id), err(level = "debug"))]
pub async fn rotate_feed(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    person_id: i32,
) -> AppResult<FeedUrls> {
    let txn = db.begin_write().await?;
    let urls = rotate_feed_in(&*txn, person_id, settings.public_url()).await?;
    audit::record(
        &*txn,
        Some(actor),
        "rotate",
        "feed_token",
        person_id,
        json!({"person_id": person_id}),
    )
    .await?;
    txn.commit().await?;
    Ok(urls)
}

/// The address of a person's feed, for a mail: `<public_url>/feeds/<token>.ics`.
///
/// Tokens are stored hashed, so an existing address cannot be shown again: this always
/// makes a new token (creating the person's first one, or rotating), and the address in
/// any earlier mail stops working. Call it once per person for a batch of mails and
/// reuse the address. It takes a connection or the caller's transaction (on SQLite, a
/// caller inside `Db::begin_write` must pass that transaction, not open another).
pub async fn feed_url_for(
    conn: &impl ConnectionTrait,
    person_id: i32,
    public_url: &str,
) -> AppResult<String> {
    Ok(rotate_feed_in(conn, person_id, public_url).await?.feed_url)
}
