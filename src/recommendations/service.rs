//! The tracker's rules: items follow their sources, are filed under addressees, are seen
//! by the public only when their source is public, and take follow-up updates from
//! organizers and their owners.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::{
    Asking, FollowUpInput, FollowUpOut, LinkRelation, RecommendationOut, RecommendationPatch,
    RecommendationSource, RecommendationStatus, SourceKind, folded_name,
};
use crate::db::Db;
use crate::documents::Access;
use crate::domain::{Region, SubRegion};
use crate::entities::{
    addressee_alias, document, document_region, event, event_report, recommendation,
    recommendation_link, recommendation_update, session, summary, user,
};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::EventStatus;
use crate::reports::ReportStatus;
use crate::summaries::{SummaryContent, SummaryStatus};
use crate::web::Actor;

const NOTE_MAX: usize = 5_000;
pub(super) const NAME_MAX: usize = 200;

/// One recommendation as its source says it.
struct Said {
    text: String,
    addressee: String,
    themes: Vec<String>,
    priority: Option<String>,
    timeframe: Option<String>,
}

/// Makes the items of a session follow its summary: an approved summary's
/// recommendations are its items (changed in place, by position; new ones added; those
/// no longer said withdrawn); any other state withdraws them all. History stays.
pub async fn sync_session<C: ConnectionTrait>(
    db: &C,
    session_id: i32,
    status: SummaryStatus,
    content: &SummaryContent,
) -> Result<(), AppError> {
    let said: Vec<Said> = if status == SummaryStatus::Approved {
        content
            .recommendations
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .map(|r| Said {
                text: r.text.clone(),
                addressee: r.addressee.clone(),
                themes: r.themes.clone(),
                priority: r.priority.map(|p| p.as_str().to_string()),
                timeframe: r.timeframe.map(|t| t.as_str().to_string()),
            })
            .collect()
    } else {
        Vec::new()
    };
    sync(db, SourceKind::Session, session_id, said).await
}

/// Makes the items of a document follow its next steps (all withdrawn when it is).
pub async fn sync_document<C: ConnectionTrait>(db: &C, document_id: i32) -> Result<(), AppError> {
    let said = match document::Entity::find_by_id(document_id).one(db).await? {
        Some(d) if d.withdrawn_at.is_none() => {
            let steps: Vec<String> = serde_json::from_str(&d.next_steps).unwrap_or_default();
            steps
                .into_iter()
                .map(|text| Said {
                    text,
                    addressee: String::new(),
                    themes: Vec::new(),
                    priority: None,
                    timeframe: None,
                })
                .collect()
        }
        _ => Vec::new(),
    };
    sync(db, SourceKind::Document, document_id, said).await
}

async fn sync<C: ConnectionTrait>(
    db: &C,
    kind: SourceKind,
    source_id: i32,
    said: Vec<Said>,
) -> Result<(), AppError> {
    let now = Utc::now();
    let existing: HashMap<i32, recommendation::Model> = recommendation::Entity::find()
        .filter(recommendation::Column::SourceKind.eq(kind))
        .filter(recommendation::Column::SourceId.eq(source_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.position, r))
        .collect();
    for (position, item) in said.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        let addressee_id = match item.addressee.trim() {
            "" => None,
            name => Some(super::addressees::filed_under(db, name).await?),
        };
        let themes = serde_json::to_string(&item.themes).unwrap_or_else(|_| "[]".into());
        match existing.get(&position) {
            Some(row) => {
                let unchanged = row.text == item.text
                    && row.addressee_text == item.addressee
                    && row.themes == themes
                    && row.priority == item.priority
                    && row.timeframe == item.timeframe
                    && row.withdrawn_at.is_none();
                if unchanged {
                    continue;
                }
                let mut active: recommendation::ActiveModel = row.clone().into();
                active.text = Set(item.text.clone());
                active.addressee_text = Set(item.addressee.clone());
                if row.addressee_text != item.addressee {
                    active.addressee_id = Set(addressee_id);
                }
                active.themes = Set(themes);
                active.priority = Set(item.priority.clone());
                active.timeframe = Set(item.timeframe.clone());
                active.withdrawn_at = Set(None);
                active.updated_at = Set(now);
                active.update(db).await?;
            }
            None => {
                recommendation::ActiveModel {
                    source_kind: Set(kind),
                    source_id: Set(source_id),
                    position: Set(position),
                    text: Set(item.text.clone()),
                    addressee_text: Set(item.addressee.clone()),
                    addressee_id: Set(addressee_id),
                    themes: Set(themes),
                    priority: Set(item.priority.clone()),
                    timeframe: Set(item.timeframe.clone()),
                    status: Set(RecommendationStatus::Open),
                    owner_id: Set(None),
                    next_review_on: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    withdrawn_at: Set(None),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
    }
    for (position, row) in &existing {
        if usize::try_from(*position).is_ok_and(|p| p >= said.len()) && row.withdrawn_at.is_none() {
            let mut active: recommendation::ActiveModel = row.clone().into();
            active.withdrawn_at = Set(Some(now));
            active.updated_at = Set(now);
            active.update(db).await?;
        }
    }
    Ok(())
}

/// What the tracker is filtered by.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// A name or alias of an addressee.
    pub addressee: Option<String>,
    pub theme: Option<String>,
    pub status: Option<RecommendationStatus>,
    /// An event's slug or id.
    pub event: Option<String>,
    /// Words of the text.
    pub q: Option<String>,
    /// The region of the event or document (a sub-region's items count in its region).
    pub region: Option<Region>,
    /// A series' slug or id.
    pub series: Option<String>,
}

/// The items a reader may see, filtered, the newest source first (undated last).
pub async fn list(db: &Db, reader: Access, filter: &Filter) -> AppResult<Vec<RecommendationOut>> {
    let mut rows = recommendation::Entity::find()
        .filter(recommendation::Column::WithdrawnAt.is_null())
        .order_by_desc(recommendation::Column::Id)
        .all(db.conn())
        .await?;
    if let Some(status) = filter.status {
        rows.retain(|r| r.status == status);
    }
    if let Some(name) = &filter.addressee {
        let folded = folded_name(name);
        let filed = addressee_alias::Entity::find()
            .filter(addressee_alias::Column::Folded.eq(folded.clone()))
            .one(db.conn())
            .await?
            .map(|a| a.addressee_id);
        rows.retain(|r| match filed {
            Some(id) => r.addressee_id == Some(id),
            None => folded_name(&r.addressee_text) == folded,
        });
    }
    if let Some(theme) = &filter.theme {
        let theme = crate::domain::folded(theme);
        rows.retain(|r| {
            serde_json::from_str::<Vec<String>>(&r.themes)
                .unwrap_or_default()
                .iter()
                .any(|t| crate::domain::folded(t) == theme)
        });
    }
    if let Some(q) = &filter.q {
        let words = crate::search::terms(q);
        rows.retain(|r| {
            let text = crate::domain::folded(&r.text);
            words.iter().all(|w| text.contains(w.as_str()))
        });
    }
    let mut out = outs(db, reader, rows).await?;
    if let Some(event) = &filter.event {
        let found = crate::events::store::event(db.conn(), &crate::events::SeriesRef::parse(event))
            .await?
            .map(|e| e.id);
        out.retain(|r| found.is_some() && r.source.event_id == found);
    }
    if let Some(region) = filter.region {
        out.retain(|r| r.source.regions.contains(&region));
    }
    if let Some(series) = &filter.series {
        let found =
            crate::events::store::series(db.conn(), &crate::events::SeriesRef::parse(series))
                .await?
                .map(|s| s.id);
        out.retain(|r| found.is_some() && r.source.series_id == found);
    }
    out.sort_by(|a, b| b.source.date.cmp(&a.source.date).then(b.id.cmp(&a.id)));
    Ok(out)
}

/// An item its source still says (not withdrawn); 404 otherwise.
async fn live<C: ConnectionTrait>(db: &C, id: i32) -> AppResult<recommendation::Model> {
    recommendation::Entity::find_by_id(id)
        .filter(recommendation::Column::WithdrawnAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound("recommendation"))
}

/// An item a reader may see; 404 otherwise.
pub async fn read(db: &Db, reader: Access, id: i32) -> AppResult<RecommendationOut> {
    let row = live(db.conn(), id).await?;
    outs(db, reader, vec![row])
        .await?
        .pop()
        .ok_or(AppError::NotFound("recommendation"))
}

/// The account following an item up, if any.
pub async fn owner_of(db: &Db, id: i32) -> AppResult<Option<i32>> {
    Ok(recommendation::Entity::find_by_id(id)
        .one(db.conn())
        .await?
        .and_then(|r| r.owner_id))
}

/// A follow-up update, checked: what is written on each item it is recorded on.
#[derive(Debug, Clone)]
pub(super) struct CheckedUpdate {
    status: RecommendationStatus,
    note: String,
    evidence_url: Option<String>,
    document_id: Option<i32>,
    on: chrono::NaiveDate,
}

/// Checks an update as `actor` sends it (the evidence document one they may open).
pub(super) async fn check_update(
    db: &Db,
    actor: &Actor,
    input: FollowUpInput,
) -> AppResult<CheckedUpdate> {
    let mut errors = FieldErrors::new();
    if input.status.is_none() {
        errors.add("status", "is required");
    }
    let note = errors.check(
        "note",
        crate::domain::required_text(input.note.as_deref(), NOTE_MAX),
    );
    let evidence_url = input
        .evidence_url
        .as_deref()
        .and_then(|url| errors.check("evidence_url", crate::domain::web_address(url)));
    if let Some(document_id) = input.document_id
        && crate::documents::service::visible(db, Access::of(Some(actor)), document_id)
            .await
            .is_err()
    {
        errors.add("document_id", "no such document in the library");
    }
    let today = Utc::now().date_naive();
    if input.on.is_some_and(|on| on > today) {
        errors.add("on", "must not be in the future");
    }
    errors.finish()?;
    Ok(CheckedUpdate {
        status: input.status.unwrap_or(RecommendationStatus::Open),
        note: note.unwrap_or_default(),
        evidence_url,
        document_id: input.document_id,
        on: input.on.unwrap_or(today),
    })
}

/// Writes a checked update on an item, which takes its status.
pub(super) async fn write_update<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    row: recommendation::Model,
    update: &CheckedUpdate,
) -> Result<(), AppError> {
    let id = row.id;
    recommendation_update::ActiveModel {
        recommendation_id: Set(id),
        status: Set(update.status),
        note: Set(update.note.clone()),
        evidence_url: Set(update.evidence_url.clone()),
        document_id: Set(update.document_id),
        on: Set(update.on),
        by_user: Set(Some(actor.id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let mut active: recommendation::ActiveModel = row.into();
    active.status = Set(update.status);
    active.updated_at = Set(Utc::now());
    active.update(txn).await?;
    crate::audit::record(
        txn,
        Some(actor),
        "recommendation.update",
        "recommendation",
        id,
        serde_json::json!({"status": update.status}),
    )
    .await?;
    Ok(())
}

/// Records a follow-up update (organizers, or the item's owner); the item takes its
/// status.
pub async fn add_update(
    db: &Db,
    actor: &Actor,
    id: i32,
    input: FollowUpInput,
) -> AppResult<RecommendationOut> {
    let row = live(db.conn(), id).await?;
    if !actor.is_staff() && row.owner_id != Some(actor.id) {
        return Err(AppError::Forbidden(
            "only organizers and the recommendation's owner record updates".into(),
        ));
    }
    let update = check_update(db, actor, input).await?;
    let txn = db.begin_write().await?;
    write_update(&*txn, actor, row, &update).await?;
    txn.commit().await?;
    read(db, Access::Organizers, id).await
}

/// Changes to an item, checked.
#[derive(Debug, Clone)]
pub(super) struct CheckedPatch {
    owner: Option<Option<i32>>,
    next_review_on: Option<Option<chrono::NaiveDate>>,
    addressee: Option<String>,
}

pub(super) async fn check_patch(db: &Db, input: RecommendationPatch) -> AppResult<CheckedPatch> {
    let mut errors = FieldErrors::new();
    if let Some(Some(owner)) = input.owner {
        let found = user::Entity::find_by_id(owner).one(db.conn()).await?;
        if found.is_none() {
            errors.add("owner", "no such account");
        }
    }
    let addressee = input.addressee.as_deref().and_then(|name| {
        errors.check(
            "addressee",
            crate::domain::required_text(Some(name), NAME_MAX),
        )
    });
    errors.finish()?;
    Ok(CheckedPatch {
        owner: input.owner,
        next_review_on: input.next_review_on,
        addressee,
    })
}

pub(super) async fn write_patch<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    row: recommendation::Model,
    patch: &CheckedPatch,
) -> Result<(), AppError> {
    let id = row.id;
    let mut active: recommendation::ActiveModel = row.into();
    if let Some(owner) = patch.owner {
        active.owner_id = Set(owner);
    }
    if let Some(on) = patch.next_review_on {
        active.next_review_on = Set(on);
    }
    if let Some(name) = &patch.addressee {
        active.addressee_id = Set(Some(super::addressees::filed_under(txn, name).await?));
    }
    active.updated_at = Set(Utc::now());
    active.update(txn).await?;
    crate::audit::record(
        txn,
        Some(actor),
        "recommendation.change",
        "recommendation",
        id,
        serde_json::json!({}),
    )
    .await?;
    Ok(())
}

/// Changes an item's owner, review date or addressee (organizers).
pub async fn patch(
    db: &Db,
    actor: &Actor,
    id: i32,
    input: RecommendationPatch,
) -> AppResult<RecommendationOut> {
    let row = live(db.conn(), id).await?;
    let patch = check_patch(db, input).await?;
    let txn = db.begin_write().await?;
    write_patch(&*txn, actor, row, &patch).await?;
    txn.commit().await?;
    read(db, Access::Organizers, id).await
}

/// Records one update and one change on each of several items (organizers), all or
/// nothing.
pub async fn update_many(
    db: &Db,
    actor: &Actor,
    ids: &[i32],
    update: Option<FollowUpInput>,
    patch: RecommendationPatch,
) -> AppResult<()> {
    let update = match update {
        Some(input) => Some(check_update(db, actor, input).await?),
        None => None,
    };
    let changes = patch.owner.is_some() || patch.next_review_on.is_some();
    let patch = check_patch(db, patch).await?;
    let txn = db.begin_write().await?;
    let mut seen = HashSet::new();
    for &id in ids {
        if !seen.insert(id) {
            continue;
        }
        let mut row = live(&*txn, id).await?;
        if let Some(update) = &update {
            write_update(&*txn, actor, row.clone(), update).await?;
            row.status = update.status;
        }
        if changes {
            write_patch(&*txn, actor, row, &patch).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// Items as answered, for a reader: those whose source the reader may not see are left
/// out. Each says every time it was asked (itself and the items linked with it as raised
/// again, those the reader may see).
pub(super) async fn outs(
    db: &Db,
    reader: Access,
    rows: Vec<recommendation::Model>,
) -> AppResult<Vec<RecommendationOut>> {
    let groups = super::links::repeat_groups(db, rows.iter().map(|r| r.id)).await?;
    let mut out = described(db, reader, rows).await?;
    let known: HashSet<i32> = out.iter().map(|r| r.id).collect();
    // The items linked with these, to say them (and to tell only those the reader sees).
    let others: HashSet<i32> = groups
        .values()
        .flatten()
        .chain(out.iter().flat_map(|i| i.supersedes.iter()))
        .copied()
        .filter(|id| !known.contains(id))
        .collect();
    let others = recommendation::Entity::find()
        .filter(recommendation::Column::Id.is_in(others))
        .filter(recommendation::Column::WithdrawnAt.is_null())
        .all(db.conn())
        .await?;
    let mut askings: HashMap<i32, Asking> = HashMap::new();
    for item in out
        .iter()
        .chain(described(db, reader, others).await?.iter())
    {
        askings.insert(
            item.id,
            Asking {
                id: item.id,
                title: item.source.title.clone(),
                event: item.source.event.clone(),
                place: item.source.place.clone(),
                date: item.source.date,
            },
        );
    }
    for item in &mut out {
        let mut asked: Vec<Asking> = groups
            .get(&item.id)
            .map(|group| {
                group
                    .iter()
                    .filter_map(|id| askings.get(id).cloned())
                    .collect()
            })
            .unwrap_or_default();
        if asked.is_empty() {
            asked.extend(askings.get(&item.id).cloned());
        }
        asked.sort_by_key(|a| (a.date, a.id));
        item.asked = asked;
        // Links to items the reader may not see are not told.
        item.raised_again.retain(|id| askings.contains_key(id));
        item.supersedes.retain(|id| askings.contains_key(id));
    }
    Ok(out)
}

/// Items as answered without what they are linked with.
async fn described(
    db: &Db,
    reader: Access,
    rows: Vec<recommendation::Model>,
) -> AppResult<Vec<RecommendationOut>> {
    let staff = reader == Access::Organizers;
    let session_ids: HashSet<i32> = rows
        .iter()
        .filter(|r| r.source_kind == SourceKind::Session)
        .map(|r| r.source_id)
        .collect();
    let sessions: HashMap<i32, session::Model> = session::Entity::find()
        .filter(session::Column::Id.is_in(session_ids.clone()))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let events: HashMap<i32, event::Model> = event::Entity::find()
        .filter(event::Column::Id.is_in(sessions.values().map(|s| s.event_id)))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let published: HashSet<i32> = event_report::Entity::find()
        .filter(event_report::Column::EventId.is_in(events.keys().copied()))
        .filter(event_report::Column::Status.eq(ReportStatus::Published))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|r| r.event_id)
        .collect();
    let approved: HashSet<i32> = summary::Entity::find()
        .filter(summary::Column::SessionId.is_in(session_ids))
        .filter(summary::Column::Status.eq(SummaryStatus::Approved))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|s| s.session_id)
        .collect();
    let documents: HashMap<i32, document::Model> = document::Entity::find()
        .filter(
            document::Column::Id.is_in(
                rows.iter()
                    .filter(|r| r.source_kind == SourceKind::Document)
                    .map(|r| r.source_id)
                    .collect::<HashSet<_>>(),
            ),
        )
        .filter(document::Column::WithdrawnAt.is_null())
        .all(db.conn())
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut document_regions: HashMap<i32, Vec<Region>> = HashMap::new();
    for row in document_region::Entity::find()
        .filter(document_region::Column::DocumentId.is_in(documents.keys().copied()))
        .all(db.conn())
        .await?
    {
        let region = row
            .region
            .parse::<Region>()
            .ok()
            .or_else(|| SubRegion::parse(&row.region).map(|s| s.region()));
        if let Some(region) = region {
            let regions = document_regions.entry(row.document_id).or_default();
            if !regions.contains(&region) {
                regions.push(region);
            }
        }
    }
    let document_events: HashMap<i32, String> = event::Entity::find()
        .filter(event::Column::Id.is_in(documents.values().filter_map(|d| d.event_id)))
        .all(db.conn())
        .await?
        .into_iter()
        // A draft event is the organizers' to name.
        .filter(|e| staff || e.status != EventStatus::Draft)
        .map(|e| (e.id, e.title))
        .collect();
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut updates: HashMap<i32, Vec<recommendation_update::Model>> = HashMap::new();
    for u in recommendation_update::Entity::find()
        .filter(recommendation_update::Column::RecommendationId.is_in(ids.clone()))
        .order_by_asc(recommendation_update::Column::On)
        .order_by_asc(recommendation_update::Column::Id)
        .all(db.conn())
        .await?
    {
        updates.entry(u.recommendation_id).or_default().push(u);
    }
    let mut raised: HashMap<i32, Vec<i32>> = HashMap::new();
    let mut supersedes: HashMap<i32, Vec<i32>> = HashMap::new();
    for link in recommendation_link::Entity::find()
        .filter(recommendation_link::Column::FromId.is_in(ids))
        .all(db.conn())
        .await?
    {
        let to = if link.relation == LinkRelation::Supersedes.as_str() {
            &mut supersedes
        } else {
            &mut raised
        };
        to.entry(link.from_id).or_default().push(link.to_id);
    }
    let evidence: HashMap<i32, String> = document::Entity::find()
        .filter(
            document::Column::Id.is_in(
                updates
                    .values()
                    .flatten()
                    .filter_map(|u| u.document_id)
                    .collect::<HashSet<_>>(),
            ),
        )
        .filter(document::Column::WithdrawnAt.is_null())
        .filter(document::Column::Access.is_in(reader.readable()))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|d| (d.id, d.title))
        .collect();
    // The accounts named: owners (organizers only) and the authors of updates.
    let people: HashSet<i32> = rows
        .iter()
        .filter_map(|r| r.owner_id.filter(|_| staff))
        .chain(updates.values().flatten().filter_map(|u| u.by_user))
        .collect();
    let names: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(people))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let addressee_names = super::addressees::names(db).await?;
    let mut out = Vec::new();
    for row in rows {
        let source = match row.source_kind {
            SourceKind::Session => {
                let Some(s) = sessions.get(&row.source_id) else {
                    continue;
                };
                let Some(e) = events.get(&s.event_id) else {
                    continue;
                };
                let public = e.status != EventStatus::Draft
                    && s.confidentiality.is_listed()
                    && published.contains(&e.id)
                    && approved.contains(&s.id);
                if !staff && !public {
                    continue;
                }
                RecommendationSource {
                    kind: SourceKind::Session,
                    id: s.id,
                    title: s.title.clone(),
                    event_id: Some(e.id),
                    event: Some(e.title.clone()),
                    date: Some(e.starts_on),
                    place: e.city.clone(),
                    regions: e.region.into_iter().collect(),
                    series_id: e.series_id,
                    url: if public {
                        format!("/events/{}/report#session-{}", e.slug, s.id)
                    } else {
                        format!("/rapporteur/sessions/{}", s.id)
                    },
                }
            }
            SourceKind::Document => {
                let Some(d) = documents.get(&row.source_id) else {
                    continue;
                };
                if !reader.opens(d.access) {
                    continue;
                }
                RecommendationSource {
                    kind: SourceKind::Document,
                    id: d.id,
                    title: d.title.clone(),
                    event_id: d.event_id,
                    event: d.event_id.and_then(|id| document_events.get(&id).cloned()),
                    date: d.published_on,
                    place: None,
                    regions: document_regions.remove(&d.id).unwrap_or_default(),
                    series_id: d.series_id,
                    url: format!("/documents/{}", d.id),
                }
            }
        };
        out.push(RecommendationOut {
            id: row.id,
            addressee: row
                .addressee_id
                .and_then(|id| addressee_names.get(&id).cloned())
                .unwrap_or_else(|| row.addressee_text.clone()),
            themes: serde_json::from_str(&row.themes).unwrap_or_default(),
            priority: row.priority.clone(),
            timeframe: row.timeframe.clone(),
            status: row.status,
            source,
            raised_again: raised.remove(&row.id).unwrap_or_default(),
            asked: Vec::new(),
            supersedes: supersedes.remove(&row.id).unwrap_or_default(),
            owner: if staff {
                row.owner_id.and_then(|id| names.get(&id).cloned())
            } else {
                None
            },
            next_review_on: row.next_review_on,
            updates: updates
                .remove(&row.id)
                .unwrap_or_default()
                .into_iter()
                .map(|u| FollowUpOut {
                    status: u.status,
                    note: u.note,
                    evidence_url: u.evidence_url,
                    document_title: u.document_id.and_then(|d| evidence.get(&d).cloned()),
                    // A document the reader may not open is not told.
                    document_id: u.document_id.filter(|d| evidence.contains_key(d)),
                    on: u.on,
                    by: u.by_user.and_then(|id| names.get(&id).cloned()),
                })
                .collect(),
            text: row.text,
        });
    }
    Ok(out)
}
