//! The tracker's rules: items follow their sources, are filed under addressees, are seen
//! by the public only when their source is public, and take follow-up updates from
//! organizers and their owners.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::{
    AddresseeInput, AddresseeOut, FollowUpInput, FollowUpOut, RecommendationOut,
    RecommendationPatch, RecommendationSource, RecommendationStatus, SourceKind, folded_name,
};
use crate::db::Db;
use crate::documents::Access;
use crate::entities::{
    addressee, addressee_alias, document, event, event_report, recommendation, recommendation_link,
    recommendation_update, session, summary, user,
};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::EventStatus;
use crate::reports::ReportStatus;
use crate::summaries::{SummaryContent, SummaryStatus};
use crate::web::Actor;

const NOTE_MAX: usize = 5_000;
const NAME_MAX: usize = 200;

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
            name => Some(addressee_for(db, name).await?),
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

/// The addressee a name or alias is filed under; a name no alias knows becomes an
/// addressee of its own.
async fn addressee_for<C: ConnectionTrait>(db: &C, name: &str) -> Result<i32, AppError> {
    let folded = folded_name(name);
    if let Some(alias) = addressee_alias::Entity::find()
        .filter(addressee_alias::Column::Folded.eq(folded.clone()))
        .one(db)
        .await?
    {
        return Ok(alias.addressee_id);
    }
    let created = addressee::ActiveModel {
        name: Set(name.trim().to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    addressee_alias::ActiveModel {
        addressee_id: Set(created.id),
        alias: Set(name.trim().to_string()),
        folded: Set(folded),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(created.id)
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
}

/// The items a reader may see, newest source first, filtered.
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
    Ok(out)
}

/// An item its source still says (not withdrawn); 404 otherwise.
async fn live(db: &Db, id: i32) -> AppResult<recommendation::Model> {
    recommendation::Entity::find_by_id(id)
        .filter(recommendation::Column::WithdrawnAt.is_null())
        .one(db.conn())
        .await?
        .ok_or(AppError::NotFound("recommendation"))
}

/// An item a reader may see; 404 otherwise.
pub async fn read(db: &Db, reader: Access, id: i32) -> AppResult<RecommendationOut> {
    let row = live(db, id).await?;
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

/// Records a follow-up update (organizers, or the item's owner); the item takes its
/// status.
pub async fn add_update(
    db: &Db,
    actor: &Actor,
    id: i32,
    input: FollowUpInput,
) -> AppResult<RecommendationOut> {
    let row = live(db, id).await?;
    if !actor.is_staff() && row.owner_id != Some(actor.id) {
        return Err(AppError::Forbidden(
            "only organizers and the recommendation's owner record updates".into(),
        ));
    }
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
        && crate::documents::service::visible(db, Access::Organizers, document_id)
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
    let status = input.status.unwrap_or(row.status);
    let txn = db.begin_write().await?;
    recommendation_update::ActiveModel {
        recommendation_id: Set(id),
        status: Set(status),
        note: Set(note.unwrap_or_default()),
        evidence_url: Set(evidence_url),
        document_id: Set(input.document_id),
        on: Set(input.on.unwrap_or(today)),
        by_user: Set(Some(actor.id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&*txn)
    .await?;
    let mut active: recommendation::ActiveModel = row.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    active.update(&*txn).await?;
    crate::audit::record(
        &*txn,
        Some(actor),
        "recommendation.update",
        "recommendation",
        id,
        serde_json::json!({"status": status}),
    )
    .await?;
    txn.commit().await?;
    read(db, Access::Organizers, id).await
}

/// Changes an item's owner, review date or addressee (organizers).
pub async fn patch(
    db: &Db,
    actor: &Actor,
    id: i32,
    input: RecommendationPatch,
) -> AppResult<RecommendationOut> {
    let row = live(db, id).await?;
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
    let txn = db.begin_write().await?;
    let mut active: recommendation::ActiveModel = row.into();
    if let Some(owner) = input.owner {
        active.owner_id = Set(owner);
    }
    if let Some(on) = input.next_review_on {
        active.next_review_on = Set(on);
    }
    if let Some(name) = &addressee {
        active.addressee_id = Set(Some(addressee_for(&*txn, name).await?));
    }
    active.updated_at = Set(Utc::now());
    active.update(&*txn).await?;
    crate::audit::record(
        &*txn,
        Some(actor),
        "recommendation.change",
        "recommendation",
        id,
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    read(db, Access::Organizers, id).await
}

/// The addressees, with their aliases and how many items each holds.
pub async fn addressees(db: &Db) -> AppResult<Vec<AddresseeOut>> {
    let mut rows = addressee::Entity::find().all(db.conn()).await?;
    // By name, accents and case aside (databases' collations differ).
    rows.sort_by_cached_key(|a| crate::domain::folded(&a.name));
    let aliases = addressee_alias::Entity::find().all(db.conn()).await?;
    let items = recommendation::Entity::find()
        .filter(recommendation::Column::WithdrawnAt.is_null())
        .all(db.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|a| AddresseeOut {
            aliases: aliases
                .iter()
                .filter(|x| x.addressee_id == a.id && x.alias != a.name)
                .map(|x| x.alias.clone())
                .collect(),
            recommendations: items
                .iter()
                .filter(|r| r.addressee_id == Some(a.id))
                .count() as u64,
            id: a.id,
            name: a.name,
        })
        .collect())
}

/// Adds an addressee with its aliases (organizers); the items naming any of them are
/// filed under it. A name or alias another addressee holds is a field error.
pub async fn create_addressee(
    db: &Db,
    actor: &Actor,
    input: AddresseeInput,
) -> AppResult<AddresseeOut> {
    let mut errors = FieldErrors::new();
    let name = errors.check(
        "name",
        crate::domain::required_text(input.name.as_deref(), NAME_MAX),
    );
    let mut names: Vec<(String, String)> = Vec::new();
    if let Some(name) = &name {
        names.push((name.clone(), folded_name(name)));
    }
    for (i, alias) in input.aliases.unwrap_or_default().iter().enumerate() {
        if let Some(alias) = errors.check(
            &format!("aliases[{i}]"),
            crate::domain::required_text(Some(alias), NAME_MAX),
        ) {
            let folded = folded_name(&alias);
            if !names.iter().any(|(_, f)| *f == folded) {
                names.push((alias, folded));
            }
        }
    }
    let taken: HashSet<String> = addressee_alias::Entity::find()
        .filter(addressee_alias::Column::Folded.is_in(names.iter().map(|(_, f)| f.clone())))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|a| a.folded)
        .collect();
    for (name, folded) in &names {
        if taken.contains(folded) {
            errors.add(
                "aliases",
                format!("“{name}” is already an addressee or an alias"),
            );
        }
    }
    errors.finish()?;
    let txn = db.begin_write().await?;
    let created = addressee::ActiveModel {
        name: Set(name.clone().unwrap_or_default()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&*txn)
    .await?;
    for (alias, folded) in &names {
        addressee_alias::ActiveModel {
            addressee_id: Set(created.id),
            alias: Set(alias.clone()),
            folded: Set(folded.clone()),
            ..Default::default()
        }
        .insert(&*txn)
        .await?;
    }
    // Items naming one of them, filed under no addressee or under one of their own
    // wording, come under this one.
    let folded: HashSet<&String> = names.iter().map(|(_, f)| f).collect();
    for item in recommendation::Entity::find().all(&*txn).await? {
        if folded.contains(&folded_name(&item.addressee_text)) {
            let mut active: recommendation::ActiveModel = item.into();
            active.addressee_id = Set(Some(created.id));
            active.update(&*txn).await?;
        }
    }
    crate::audit::record(
        &*txn,
        Some(actor),
        "addressee.create",
        "addressee",
        created.id,
        serde_json::json!({"name": created.name}),
    )
    .await?;
    txn.commit().await?;
    addressees(db)
        .await?
        .into_iter()
        .find(|a| a.id == created.id)
        .ok_or(AppError::NotFound("addressee"))
}

/// Items as answered, for a reader: those whose source the reader may not see are left
/// out.
async fn outs(
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
    let document_events: HashMap<i32, String> = event::Entity::find()
        .filter(event::Column::Id.is_in(documents.values().filter_map(|d| d.event_id)))
        .all(db.conn())
        .await?
        .into_iter()
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
    for link in recommendation_link::Entity::find()
        .filter(recommendation_link::Column::FromId.is_in(ids))
        .filter(recommendation_link::Column::Relation.eq("raised-again"))
        .all(db.conn())
        .await?
    {
        raised.entry(link.from_id).or_default().push(link.to_id);
    }
    let names: HashMap<i32, String> = user::Entity::find()
        .all(db.conn())
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let addressee_names: HashMap<i32, String> = addressee::Entity::find()
        .all(db.conn())
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
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
                    document_id: u.document_id,
                    on: u.on,
                    by: u.by_user.and_then(|id| names.get(&id).cloned()),
                })
                .collect(),
            text: row.text,
        });
    }
    Ok(out)
}
