//! Keeping the index: the queue of what changed, drained into entries.
//!
//! [`drain`] takes the queue a batch at a time under a lock every instance takes (the
//! database's write lock on SQLite, an advisory lock on PostgreSQL), so two instances
//! never write one entry from different states of the data. A queued row names what
//! changed; what else it changes is added here ([`expand`]): an event's title is in its
//! sessions' entries, a session's visibility decides its panel's, a person's name is in
//! their sessions' and summaries' entries. Each entry is then built anew from the data
//! ([`build`]) or deleted when its thing is gone or no longer findable.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::time::Duration;

use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Statement,
};

use super::EntrySource;
use crate::db::Db;
use crate::documents::Access;
use crate::entities::{
    document, document_country, document_organization, document_region, event, event_organization,
    event_report, organization, person, series, session, session_participant, summary,
};
use crate::events::EventStatus;
use crate::reports::{EventReport, ReportStatus};
use crate::summaries::{SummaryContent, SummaryStatus};

/// How many queued rows one pass takes: a pass holds the write lock (on SQLite, every
/// writer's), so passes stay short.
const BATCH: u64 = 300;
/// The key of PostgreSQL's advisory lock held while draining.
const LOCK_KEY: i64 = 0x5345_4152_4348; // "SEARCH"
/// How often `serve` drains the queue when nobody searches.
pub const TICK: Duration = Duration::from_secs(3);

/// An entry as it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub source: EntrySource,
    pub ref_id: i32,
    pub title: String,
    pub body: String,
    pub url: String,
    pub access: Access,
}

/// Whether anything waits in the queue (one cheap read, no lock).
pub async fn pending(db: &Db) -> Result<bool, DbErr> {
    let backend = db.backend();
    let found = db
        .conn()
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT id FROM search_queue LIMIT 1",
        ))
        .await?;
    Ok(found.is_some())
}

/// What the queue says when only whether the public sees an organization may have
/// changed (its people, events or documents changed): its entry alone is rebuilt.
const ORGANIZATION_SEEN: &str = "org-seen";
/// The most of a body the index holds, in characters (PostgreSQL's `tsvector` holds at
/// most 1 MB; the same on both databases so that both find the same).
pub const BODY_MAX: usize = 150_000;
/// How long a search waits for another instance's drain before searching the index as
/// it is.
const SEARCH_WAIT: &str = "2s";

/// Brings the index up to date before a search: at most one batch, waiting at most
/// [`SEARCH_WAIT`] for a drain under way elsewhere; on any failure the search goes on
/// with the index as it is (the keeper catches up), and the failure is logged.
pub async fn catch_up(db: &Db) {
    match pending(db).await {
        Ok(false) => {}
        Ok(true) => {
            if let Err(err) = drain_batch(db, true).await {
                tracing::warn!(error = %err, "search went on with the index as it was");
            }
        }
        Err(err) => tracing::warn!(error = %err, "the search queue could not be read"),
    }
}

/// Drains the queue into the index; how many entries were written or deleted.
pub async fn drain(db: &Db) -> Result<usize, DbErr> {
    let mut done = 0;
    while pending(db).await? {
        done += drain_batch(db, false).await?;
    }
    Ok(done)
}

/// `serve`'s keeper: drains the queue every [`TICK`] until told to stop.
pub async fn keep(db: Db, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        if let Err(err) = drain(&db).await {
            tracing::warn!(error = %err, "the search index could not be brought up to date");
        }
        tokio::select! {
            _ = tokio::time::sleep(TICK) => {}
            _ = stop.changed() => return,
        }
    }
}

/// One batch of the queue into the index, under the lock every instance takes; a search
/// (`searching`) waits for that lock [`SEARCH_WAIT`] at most.
async fn drain_batch(db: &Db, searching: bool) -> Result<usize, DbErr> {
    let txn = db.begin_write().await?;
    let backend = txn.get_database_backend();
    if backend == sea_orm::DatabaseBackend::Postgres {
        if searching {
            txn.execute_unprepared(&format!("SET LOCAL lock_timeout = '{SEARCH_WAIT}'"))
                .await?;
        }
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({LOCK_KEY})"))
            .await?;
    }
    let rows = txn
        .query_all_raw(Statement::from_string(
            backend,
            format!("SELECT id, source, ref_id FROM search_queue ORDER BY id LIMIT {BATCH}"),
        ))
        .await?;
    if rows.is_empty() {
        txn.commit().await?;
        return Ok(0);
    }
    let mut queued = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut ids = Vec::with_capacity(rows.len());
    for row in rows {
        ids.push(row.try_get::<i64>("", "id")?);
        let source: String = row.try_get("", "source")?;
        let ref_id: i32 = row.try_get("", "ref_id")?;
        if source == ORGANIZATION_SEEN {
            seen.insert((EntrySource::Organization, ref_id));
        } else if let Ok(source) = source.parse::<EntrySource>() {
            queued.insert((source, ref_id));
        }
    }
    let mut wanted = expand(&*txn, &queued).await?;
    wanted.extend(seen);
    let entries = build(&*txn, &wanted).await?;
    let written = write(&*txn, &wanted, &entries).await?;
    for chunk in ids.chunks(500) {
        let delete = Query::delete()
            .from_table("search_queue")
            .and_where(Expr::col("id").is_in(chunk.iter().copied()))
            .to_owned();
        txn.execute_raw(backend.build(&delete)).await?;
    }
    txn.commit().await?;
    Ok(written)
}

/// What a change touches, beyond itself.
async fn expand<C: ConnectionTrait>(
    db: &C,
    queued: &BTreeSet<(EntrySource, i32)>,
) -> Result<BTreeSet<(EntrySource, i32)>, DbErr> {
    let of = |source: EntrySource| ids_of(queued, source);
    let mut wanted = queued.clone();
    let mut events = of(EntrySource::Event);
    // A series' title is in its events' entries.
    for e in rows_where::<event::Entity, _>(db, event::Column::SeriesId, &of(EntrySource::Series))
        .await?
    {
        wanted.insert((EntrySource::Event, e.id));
        events.push(e.id);
    }
    let mut sessions: BTreeSet<i32> = of(EntrySource::Session).into_iter().collect();
    // An event: its report, its sessions (its title and visibility are theirs), its
    // organizations (whose visibility it may make).
    for id in &events {
        wanted.insert((EntrySource::Report, *id));
    }
    for s in rows_where::<session::Entity, _>(db, session::Column::EventId, &events).await? {
        sessions.insert(s.id);
    }
    for link in rows_where::<event_organization::Entity, _>(
        db,
        event_organization::Column::EventId,
        &events,
    )
    .await?
    {
        wanted.insert((EntrySource::Organization, link.organization_id));
    }
    // A person's name is in their sessions and summaries.
    let people = of(EntrySource::Person);
    for link in rows_where::<session_participant::Entity, _>(
        db,
        session_participant::Column::PersonId,
        &people,
    )
    .await?
    {
        wanted.insert((EntrySource::Session, link.session_id));
        wanted.insert((EntrySource::Summary, link.session_id));
    }
    for p in rows_where::<person::Entity, _>(db, person::Column::Id, &people).await? {
        if let Some(org) = p.organization_id {
            wanted.insert((EntrySource::Organization, org));
        }
    }
    // An organization's name is in its people's entries (and their panels'), its
    // events' and its documents'.
    let organizations = of(EntrySource::Organization);
    let members: Vec<i32> =
        rows_where::<person::Entity, _>(db, person::Column::OrganizationId, &organizations)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
    for id in &members {
        wanted.insert((EntrySource::Person, *id));
    }
    for link in rows_where::<session_participant::Entity, _>(
        db,
        session_participant::Column::PersonId,
        &members,
    )
    .await?
    {
        wanted.insert((EntrySource::Session, link.session_id));
        wanted.insert((EntrySource::Summary, link.session_id));
    }
    for link in rows_where::<event_organization::Entity, _>(
        db,
        event_organization::Column::OrganizationId,
        &organizations,
    )
    .await?
    {
        wanted.insert((EntrySource::Event, link.event_id));
    }
    for link in rows_where::<document_organization::Entity, _>(
        db,
        document_organization::Column::OrganizationId,
        &organizations,
    )
    .await?
    {
        wanted.insert((EntrySource::Document, link.document_id));
    }
    // A document's access may make its organizations public.
    for link in rows_where::<document_organization::Entity, _>(
        db,
        document_organization::Column::DocumentId,
        &of(EntrySource::Document),
    )
    .await?
    {
        wanted.insert((EntrySource::Organization, link.organization_id));
    }
    // A session: its summary, and its panel (whose visibility it may make, and whose
    // organizations').
    let sessions: Vec<i32> = sessions.into_iter().collect();
    for id in &sessions {
        wanted.insert((EntrySource::Session, *id));
        wanted.insert((EntrySource::Summary, *id));
    }
    let panel: Vec<i32> = rows_where::<session_participant::Entity, _>(
        db,
        session_participant::Column::SessionId,
        &sessions,
    )
    .await?
    .into_iter()
    .map(|p| p.person_id)
    .collect::<HashSet<_>>()
    .into_iter()
    .collect();
    for p in rows_where::<person::Entity, _>(db, person::Column::Id, &panel).await? {
        wanted.insert((EntrySource::Person, p.id));
        if let Some(org) = p.organization_id {
            wanted.insert((EntrySource::Organization, org));
        }
    }
    Ok(wanted)
}

/// The entries of `wanted` as the data now says; what is missing from the answer is to
/// be deleted.
pub async fn build<C: ConnectionTrait>(
    db: &C,
    wanted: &BTreeSet<(EntrySource, i32)>,
) -> Result<Vec<Entry>, DbErr> {
    let mut out = Vec::new();
    for source in EntrySource::ALL {
        // Documents carry the text of their PDFs: fewer at a time.
        let size = if *source == EntrySource::Document {
            200
        } else {
            500
        };
        for chunk in ids_of(wanted, *source).chunks(size) {
            out.extend(match source {
                EntrySource::Event => events(db, chunk).await?,
                EntrySource::Series => series_entries(db, chunk).await?,
                EntrySource::Session => sessions(db, chunk).await?,
                EntrySource::Summary => summaries(db, chunk).await?,
                EntrySource::Report => reports(db, chunk).await?,
                EntrySource::Person => people(db, chunk).await?,
                EntrySource::Organization => organizations(db, chunk).await?,
                EntrySource::Document => documents(db, chunk).await?,
            });
        }
    }
    Ok(out)
}

/// The ids of `source` in `set`.
fn ids_of(set: &BTreeSet<(EntrySource, i32)>, source: EntrySource) -> Vec<i32> {
    set.iter()
        .filter(|(s, _)| *s == source)
        .map(|(_, id)| *id)
        .collect()
}

/// The rows of `E` whose `column` is one of `ids`, read 500 ids at a time (databases
/// bound how many values one statement takes).
async fn rows_where<E, C>(db: &C, column: E::Column, ids: &[i32]) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            E::find()
                .filter(column.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Writes `entries`, and deletes the entries of `wanted` that have none.
async fn write<C: ConnectionTrait>(
    db: &C,
    wanted: &BTreeSet<(EntrySource, i32)>,
    entries: &[Entry],
) -> Result<usize, DbErr> {
    let backend = db.get_database_backend();
    let kept: HashSet<(EntrySource, i32)> = entries.iter().map(|e| (e.source, e.ref_id)).collect();
    for entry in entries {
        let body: String = if entry.body.chars().count() > BODY_MAX {
            entry.body.chars().take(BODY_MAX).collect()
        } else {
            entry.body.clone()
        };
        let insert = Query::insert()
            .into_table("search_entries")
            .columns(["source", "ref_id", "kind", "title", "body", "url", "access"])
            .values_panic([
                entry.source.as_str().into(),
                entry.ref_id.into(),
                entry.source.kind().as_str().into(),
                entry.title.clone().into(),
                body.into(),
                entry.url.clone().into(),
                entry.access.as_str().into(),
            ])
            .on_conflict(
                OnConflict::columns(["source", "ref_id"])
                    .update_columns(["kind", "title", "body", "url", "access"])
                    .to_owned(),
            )
            .to_owned();
        db.execute_raw(backend.build(&insert)).await?;
    }
    let mut gone = 0;
    for source in EntrySource::ALL {
        let ids: Vec<i32> = wanted
            .iter()
            .filter(|(s, id)| s == source && !kept.contains(&(*s, *id)))
            .map(|(_, id)| *id)
            .collect();
        for chunk in ids.chunks(500) {
            let delete = Query::delete()
                .from_table("search_entries")
                .and_where(Expr::col("source").eq(source.as_str()))
                .and_where(Expr::col("ref_id").is_in(chunk.iter().copied()))
                .to_owned();
            gone += db
                .execute_raw(backend.build(&delete))
                .await?
                .rows_affected() as usize;
        }
    }
    Ok(entries.len() + gone)
}

/// Parts of a body joined as a snippet shows them ("Director · Oxfam France"), the empty
/// ones left out.
fn lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn public_if(public: bool) -> Access {
    if public {
        Access::Public
    } else {
        Access::Organizers
    }
}

async fn events<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<Entry>, DbErr> {
    let rows = event::Entity::find()
        .filter(event::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let series: HashMap<i32, String> = series::Entity::find()
        .filter(series::Column::Id.is_in(rows.iter().filter_map(|e| e.series_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect();
    let links = event_organization::Entity::find()
        .filter(event_organization::Column::EventId.is_in(ids.iter().copied()))
        .order_by_asc(event_organization::Column::Position)
        .all(db)
        .await?;
    let names = organization_names(db, links.iter().map(|l| l.organization_id)).await?;
    let mut organizers: HashMap<i32, Vec<&str>> = HashMap::new();
    for link in &links {
        if let Some(name) = names.get(&link.organization_id) {
            organizers.entry(link.event_id).or_default().push(name);
        }
    }
    Ok(rows
        .iter()
        .map(|e| {
            let country = e
                .country
                .as_deref()
                .map(crate::domain::CountryCode::name_of)
                .unwrap_or_default();
            let orgs = organizers
                .get(&e.id)
                .map(|o| o.join(", "))
                .unwrap_or_default();
            Entry {
                source: EntrySource::Event,
                ref_id: e.id,
                title: e.title.clone(),
                body: lines([
                    e.subtitle.as_deref().unwrap_or(""),
                    e.description.as_deref().unwrap_or(""),
                    &lines([
                        e.venue.as_deref().unwrap_or(""),
                        e.city.as_deref().unwrap_or(""),
                        &country,
                    ])
                    .replace(" · ", ", "),
                    &orgs,
                    e.series_id
                        .and_then(|id| series.get(&id))
                        .map_or("", String::as_str),
                ]),
                url: format!("/events/{}", e.slug),
                access: public_if(e.status != EventStatus::Draft),
            }
        })
        .collect())
}

async fn series_entries<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<Entry>, DbErr> {
    Ok(series::Entity::find()
        .filter(series::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| Entry {
            source: EntrySource::Series,
            ref_id: s.id,
            title: s.title,
            body: s.description.unwrap_or_default(),
            url: format!("/series/{}", s.slug),
            access: Access::Public,
        })
        .collect())
}

async fn organization_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, DbErr> {
    let ids: HashSet<i32> = ids.into_iter().collect();
    Ok(organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

/// Sessions with their events and panels, as search reads them.
struct Sessions {
    sessions: Vec<session::Model>,
    events: HashMap<i32, event::Model>,
    /// Each session's panel: role and person, in order.
    panels: HashMap<i32, Vec<(crate::events::ParticipantRole, i32)>>,
    people: HashMap<i32, person::Model>,
    organizations: HashMap<i32, String>,
}

impl Sessions {
    async fn load<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Self, DbErr> {
        let sessions = session::Entity::find()
            .filter(session::Column::Id.is_in(ids.iter().copied()))
            .all(db)
            .await?;
        let events = event::Entity::find()
            .filter(event::Column::Id.is_in(sessions.iter().map(|s| s.event_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let links = session_participant::Entity::find()
            .filter(session_participant::Column::SessionId.is_in(ids.iter().copied()))
            .order_by_asc(session_participant::Column::Position)
            .all(db)
            .await?;
        let people: HashMap<i32, person::Model> = person::Entity::find()
            .filter(person::Column::Id.is_in(links.iter().map(|l| l.person_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let organizations =
            organization_names(db, people.values().filter_map(|p| p.organization_id)).await?;
        let mut panels: HashMap<i32, Vec<_>> = HashMap::new();
        for link in links {
            panels
                .entry(link.session_id)
                .or_default()
                .push((link.role, link.person_id));
        }
        for panel in panels.values_mut() {
            panel.sort_by_key(|(role, _)| role.rank());
        }
        Ok(Self {
            sessions,
            events,
            panels,
            people,
            organizations,
        })
    }

    fn name(&self, id: i32) -> String {
        self.people.get(&id).map_or_else(String::new, |p| {
            crate::directory::display_name(p.honorific.as_deref(), &p.given_name, &p.family_name)
        })
    }

    /// "Chair: Ms … (Director, …)" lines of a session's panel.
    fn panel_lines(&self, session_id: i32, roles: &[crate::events::ParticipantRole]) -> String {
        let mut out = Vec::new();
        for (role, id) in self.panels.get(&session_id).into_iter().flatten() {
            if !roles.contains(role) {
                continue;
            }
            let Some(p) = self.people.get(id) else {
                continue;
            };
            let affiliation = crate::directory::affiliation(
                p.position.as_deref(),
                p.organization_id
                    .and_then(|o| self.organizations.get(&o))
                    .map(String::as_str),
            );
            out.push(if affiliation.is_empty() {
                format!("{}: {}", role.label(), self.name(*id))
            } else {
                format!("{}: {} ({affiliation})", role.label(), self.name(*id))
            });
        }
        out.join(" · ")
    }
}

/// Whether the public sees a session: its event is not a draft, and it is not closed.
fn session_public(event: Option<&event::Model>, session: &session::Model) -> bool {
    event.is_some_and(|e| e.status != EventStatus::Draft) && session.confidentiality.is_listed()
}

async fn sessions<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<Entry>, DbErr> {
    use crate::events::ParticipantRole as R;
    let loaded = Sessions::load(db, ids).await?;
    Ok(loaded
        .sessions
        .iter()
        .filter(|s| s.kind != crate::events::SessionKind::Break)
        .map(|s| {
            let event = loaded.events.get(&s.event_id);
            Entry {
                source: EntrySource::Session,
                ref_id: s.id,
                title: s.title.clone(),
                body: lines([
                    event.map_or("", |e| e.title.as_str()),
                    s.description.as_deref().unwrap_or(""),
                    s.room.as_deref().unwrap_or(""),
                    &loaded.panel_lines(
                        s.id,
                        &[
                            R::Chair,
                            R::Moderator,
                            R::Speaker,
                            R::Discussant,
                            R::Rapporteur,
                        ],
                    ),
                ]),
                url: format!("/sessions/{}", s.id),
                access: public_if(session_public(event, s)),
            }
        })
        .collect())
}

/// The published reports of these events as the public reads them: the latest edition
/// of each, with the sessions' confidentiality as it stands now applied.
pub async fn published_editions<C: ConnectionTrait>(
    db: &C,
    event_ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, EventReport>, DbErr> {
    let ids: HashSet<i32> = event_ids.into_iter().collect();
    let published: Vec<i32> = event_report::Entity::find()
        .filter(event_report::Column::EventId.is_in(ids))
        .filter(event_report::Column::Status.eq(ReportStatus::Published))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.event_id)
        .collect();
    let mut rules: HashMap<i32, HashMap<i32, crate::events::Confidentiality>> = HashMap::new();
    for chunk in published.chunks(500) {
        for s in session::Entity::find()
            .filter(session::Column::EventId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            rules
                .entry(s.event_id)
                .or_default()
                .insert(s.id, s.confidentiality);
        }
    }
    let mut out = HashMap::new();
    for event_id in published {
        let Some(row) = crate::reports::store::latest_edition(db, event_id).await? else {
            continue;
        };
        let Ok(mut report) = serde_json::from_str::<EventReport>(&row.content) else {
            tracing::warn!(
                event_id,
                "an edition of a report could not be read for search"
            );
            continue;
        };
        crate::reports::build::apply_confidentiality(
            &mut report,
            rules.get(&event_id).unwrap_or(&HashMap::new()),
        );
        out.insert(event_id, report);
    }
    Ok(out)
}

/// A summary's words as a report prints them.
fn summary_body(event_title: &str, s: &crate::reports::ReportSession) -> String {
    let mut parts = vec![event_title.to_string()];
    parts.extend(
        s.rapporteur
            .iter()
            .map(|p| format!("Rapporteur: {} ({})", p.display_name, p.affiliation)),
    );
    parts.push(s.summary.overview.source().to_string());
    parts.extend(s.summary.key_points.iter().map(|p| match &p.speaker {
        Some(who) => format!("{} ({who})", p.text),
        None => p.text.clone(),
    }));
    parts.extend(s.summary.challenges.iter().cloned());
    parts.extend(
        s.summary
            .recommendations
            .iter()
            .map(|r| format!("{} ({})", r.text, r.addressee)),
    );
    parts.extend(s.summary.next_steps.iter().cloned());
    lines(parts.iter().map(String::as_str))
}

/// Summaries, keyed by their session: as the published report prints them, for everyone;
/// an approved summary not (yet) in a published report, for organizers.
async fn summaries<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<Entry>, DbErr> {
    use crate::events::ParticipantRole as R;
    let sessions = session::Entity::find()
        .filter(session::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let events: HashMap<i32, event::Model> = event::Entity::find()
        .filter(event::Column::Id.is_in(sessions.iter().map(|s| s.event_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let editions = published_editions(
        db,
        events
            .values()
            .filter(|e| e.status != EventStatus::Draft)
            .map(|e| e.id),
    )
    .await?;
    let approved: Vec<summary::Model> = summary::Entity::find()
        .filter(summary::Column::SessionId.is_in(ids.iter().copied()))
        .filter(summary::Column::Status.eq(SummaryStatus::Approved))
        .all(db)
        .await?;
    let approved: HashMap<i32, summary::Model> =
        approved.into_iter().map(|s| (s.session_id, s)).collect();
    let unpublished: Vec<i32> = sessions
        .iter()
        .filter(|s| approved.contains_key(&s.id))
        .filter(|s| {
            !editions
                .get(&s.event_id)
                .is_some_and(|r| r.sessions.iter().any(|p| p.id == s.id))
        })
        .map(|s| s.id)
        .collect();
    let loaded = Sessions::load(db, &unpublished).await?;
    let mut out = Vec::new();
    for s in &sessions {
        let Some(event) = events.get(&s.event_id) else {
            continue;
        };
        let printed = editions
            .get(&event.id)
            .and_then(|r| r.sessions.iter().find(|p| p.id == s.id));
        if let Some(printed) = printed {
            out.push(Entry {
                source: EntrySource::Summary,
                ref_id: s.id,
                title: format!("Summary: {}", printed.title),
                body: summary_body(&event.title, printed),
                url: format!("/events/{}/report#session-{}", event.slug, s.id),
                access: Access::Public,
            });
        } else if let Some(row) = approved.get(&s.id) {
            let content: SummaryContent = serde_json::from_str(&row.content).unwrap_or_default();
            let mut parts = vec![
                event.title.clone(),
                loaded.panel_lines(s.id, &[R::Rapporteur]),
                content.overview.clone(),
            ];
            parts.extend(content.key_points.iter().map(|p| p.text.clone()));
            parts.extend(content.challenges.iter().cloned());
            parts.extend(
                content
                    .recommendations
                    .iter()
                    .map(|r| format!("{} ({})", r.text, r.addressee)),
            );
            parts.extend(content.next_steps.iter().cloned());
            out.push(Entry {
                source: EntrySource::Summary,
                ref_id: s.id,
                title: format!("Summary: {}", s.title),
                body: lines(parts.iter().map(String::as_str)),
                url: format!("/rapporteur/sessions/{}", s.id),
                access: Access::Organizers,
            });
        }
    }
    Ok(out)
}

/// Outcome reports: their introduction and conclusions as published, for everyone; as
/// they stand, for organizers, before publication (the summaries are entries of their own).
async fn reports<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<Entry>, DbErr> {
    let rows = event_report::Entity::find()
        .filter(event_report::Column::EventId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let events: HashMap<i32, event::Model> = event::Entity::find()
        .filter(event::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let editions = published_editions(
        db,
        events
            .values()
            .filter(|e| e.status != EventStatus::Draft)
            .map(|e| e.id),
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let event = events.get(&r.event_id)?;
            Some(match editions.get(&event.id) {
                Some(published) => Entry {
                    source: EntrySource::Report,
                    ref_id: event.id,
                    title: format!("Outcome report: {}", event.title),
                    body: lines([
                        published.introduction.as_ref().map_or("", |t| t.source()),
                        published.conclusions.as_ref().map_or("", |t| t.source()),
                    ]),
                    url: format!("/events/{}/report", event.slug),
                    access: Access::Public,
                },
                None => Entry {
                    source: EntrySource::Report,
                    ref_id: event.id,
                    title: format!("Outcome report: {}", event.title),
                    body: lines([
                        r.introduction.as_deref().unwrap_or(""),
                        r.conclusions.as_deref().unwrap_or(""),
                    ]),
                    url: format!("/organize/events/{}/report", event.slug),
                    access: Access::Organizers,
                },
            })
        })
        .collect())
}

/// People: public when they sit on a panel of a session the public sees.
async fn people<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<Entry>, DbErr> {
    let rows = person::Entity::find()
        .filter(person::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let organizations =
        organization_names(db, rows.iter().filter_map(|p| p.organization_id)).await?;
    let public = public_people(db, ids).await?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let public = public.contains(&p.id);
            Entry {
                source: EntrySource::Person,
                ref_id: p.id,
                title: crate::directory::display_name(
                    p.honorific.as_deref(),
                    &p.given_name,
                    &p.family_name,
                ),
                body: lines([
                    crate::directory::affiliation(
                        p.position.as_deref(),
                        p.organization_id
                            .and_then(|o| organizations.get(&o))
                            .map(String::as_str),
                    )
                    .as_str(),
                    p.country
                        .as_deref()
                        .map(crate::domain::CountryCode::name_of)
                        .unwrap_or_default()
                        .as_str(),
                ]),
                url: if public {
                    format!("/people/{}", p.id)
                } else {
                    format!("/organize/people/{}/edit", p.id)
                },
                access: public_if(public),
            }
        })
        .collect())
}

/// Of `ids`, the people on a panel of a session the public sees.
pub async fn public_people<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<HashSet<i32>, DbErr> {
    let mut public = HashSet::new();
    for chunk in ids.chunks(500) {
        let links = session_participant::Entity::find()
            .filter(session_participant::Column::PersonId.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        let session_ids: Vec<i32> = links
            .iter()
            .map(|l| l.session_id)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let mut sessions: HashMap<i32, session::Model> = HashMap::new();
        for ids in session_ids.chunks(500) {
            sessions.extend(
                session::Entity::find()
                    .filter(session::Column::Id.is_in(ids.iter().copied()))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|s| (s.id, s)),
            );
        }
        let event_ids: HashSet<i32> = sessions.values().map(|s| s.event_id).collect();
        let events: HashMap<i32, event::Model> = event::Entity::find()
            .filter(event::Column::Id.is_in(event_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        public.extend(
            links
                .iter()
                .filter(|l| {
                    sessions
                        .get(&l.session_id)
                        .is_some_and(|s| session_public(events.get(&s.event_id), s))
                })
                .map(|l| l.person_id),
        );
    }
    Ok(public)
}

/// Of `ids`, the organizations the public sees: organizers of a public event, the
/// organization of a public person, or authors of a public document.
pub async fn public_organizations<C: ConnectionTrait>(
    db: &C,
    ids: &[i32],
) -> Result<HashSet<i32>, DbErr> {
    let mut public = HashSet::new();
    let links = event_organization::Entity::find()
        .filter(event_organization::Column::OrganizationId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let events: HashMap<i32, event::Model> = event::Entity::find()
        .filter(event::Column::Id.is_in(links.iter().map(|l| l.event_id).collect::<HashSet<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    for link in &links {
        if events
            .get(&link.event_id)
            .is_some_and(|e| e.status != EventStatus::Draft)
        {
            public.insert(link.organization_id);
        }
    }
    let members = person::Entity::find()
        .filter(person::Column::OrganizationId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let member_ids: Vec<i32> = members.iter().map(|p| p.id).collect();
    let shown = public_people(db, &member_ids).await?;
    public.extend(
        members
            .iter()
            .filter(|p| shown.contains(&p.id))
            .filter_map(|p| p.organization_id),
    );
    let authored = document_organization::Entity::find()
        .filter(document_organization::Column::OrganizationId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let public_documents: HashSet<i32> = document::Entity::find()
        .filter(
            document::Column::Id.is_in(
                authored
                    .iter()
                    .map(|l| l.document_id)
                    .collect::<HashSet<_>>(),
            ),
        )
        .filter(document::Column::Access.eq(Access::Public))
        .filter(document::Column::WithdrawnAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect();
    public.extend(
        authored
            .iter()
            .filter(|l| public_documents.contains(&l.document_id))
            .map(|l| l.organization_id),
    );
    Ok(public)
}

async fn organizations<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<Entry>, DbErr> {
    let rows = organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let public = public_organizations(db, ids).await?;
    Ok(rows
        .into_iter()
        .map(|o| {
            let public = public.contains(&o.id);
            Entry {
                source: EntrySource::Organization,
                ref_id: o.id,
                title: match &o.acronym {
                    Some(acronym) if !acronym.is_empty() => format!("{} ({acronym})", o.name),
                    _ => o.name.clone(),
                },
                body: lines([
                    o.kind.label(),
                    &o.country
                        .as_deref()
                        .map(crate::domain::CountryCode::name_of)
                        .unwrap_or_default(),
                    o.region.map_or("", |r| r.label()),
                    o.website.as_deref().unwrap_or(""),
                ]),
                url: if public {
                    format!("/organizations/{}", o.id)
                } else {
                    format!("/organize/organizations/{}/edit", o.id)
                },
                access: public_if(public),
            }
        })
        .collect())
}

async fn documents<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<Entry>, DbErr> {
    let rows = document::Entity::find()
        .filter(document::Column::Id.is_in(ids.iter().copied()))
        .filter(document::Column::WithdrawnAt.is_null())
        .all(db)
        .await?;
    let links = document_organization::Entity::find()
        .filter(document_organization::Column::DocumentId.is_in(ids.iter().copied()))
        .order_by_asc(document_organization::Column::Position)
        .all(db)
        .await?;
    let names = organization_names(db, links.iter().map(|l| l.organization_id)).await?;
    let mut authors: HashMap<i32, Vec<&str>> = HashMap::new();
    for link in &links {
        if let Some(name) = names.get(&link.organization_id) {
            authors.entry(link.document_id).or_default().push(name);
        }
    }
    let mut regions: HashMap<i32, Vec<String>> = HashMap::new();
    for r in document_region::Entity::find()
        .filter(document_region::Column::DocumentId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        regions
            .entry(r.document_id)
            .or_default()
            .push(crate::documents::region_label(&r.region));
    }
    let mut countries: HashMap<i32, Vec<String>> = HashMap::new();
    for c in document_country::Entity::find()
        .filter(document_country::Column::DocumentId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        countries
            .entry(c.document_id)
            .or_default()
            .push(crate::domain::CountryCode::name_of(&c.country));
    }
    Ok(rows
        .into_iter()
        .map(|d| {
            let steps: Vec<String> = serde_json::from_str(&d.next_steps).unwrap_or_default();
            Entry {
                source: EntrySource::Document,
                ref_id: d.id,
                body: lines([
                    d.kind.label(),
                    &d.summary,
                    &authors.get(&d.id).map(|a| a.join(", ")).unwrap_or_default(),
                    &regions.get(&d.id).map(|r| r.join(", ")).unwrap_or_default(),
                    &countries
                        .get(&d.id)
                        .map(|c| c.join(", "))
                        .unwrap_or_default(),
                    &steps.join(" · "),
                    &d.text,
                ]),
                title: d.title,
                url: format!("/documents/{}", d.id),
                access: d.access,
            }
        })
        .collect())
}
