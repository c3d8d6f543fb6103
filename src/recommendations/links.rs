//! Items linked across events: the same recommendation raised again at a later roundtable
//! (`raised-again`, filed from the later item to the earlier), or superseded by a newer
//! one. Likely repeats are suggested by how alike the texts are (the cosine of their words
//! weighted by rarity, accents and case aside) for an organizer to confirm: the tracker's
//! items number in the hundreds or thousands, so they are compared in memory.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, Set};

use super::service::{outs, read};
use super::{LinkInput, LinkRelation, RecommendationOut, SimilarOut};
use crate::db::Db;
use crate::documents::Access;
use crate::entities::{recommendation, recommendation_link};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::web::Actor;

/// How alike two texts must be to be suggested.
const SIMILAR_AT_LEAST: f64 = 0.3;
/// How many suggestions at most.
const SIMILAR_MAX: usize = 5;

/// For each of `ids`, every item linked with it as raised again, directly or through
/// others, itself included (only items that have links are keys).
pub async fn repeat_groups(
    db: &Db,
    ids: impl Iterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<i32>>> {
    let links = recommendation_link::Entity::find()
        .filter(recommendation_link::Column::Relation.eq(LinkRelation::RaisedAgain.as_str()))
        .all(db.conn())
        .await?;
    let mut next: HashMap<i32, Vec<i32>> = HashMap::new();
    for link in &links {
        next.entry(link.from_id).or_default().push(link.to_id);
        next.entry(link.to_id).or_default().push(link.from_id);
    }
    let mut groups = HashMap::new();
    for id in ids {
        if !next.contains_key(&id) || groups.contains_key(&id) {
            continue;
        }
        let mut seen = HashSet::from([id]);
        let mut todo = vec![id];
        while let Some(at) = todo.pop() {
            for &other in next.get(&at).into_iter().flatten() {
                if seen.insert(other) {
                    todo.push(other);
                }
            }
        }
        let mut group: Vec<i32> = seen.into_iter().collect();
        group.sort_unstable();
        groups.insert(id, group);
    }
    Ok(groups)
}

/// The link between two items, whichever way it goes.
fn between(a: i32, b: i32) -> Condition {
    let one_way = |from: i32, to: i32| {
        Condition::all()
            .add(recommendation_link::Column::FromId.eq(from))
            .add(recommendation_link::Column::ToId.eq(to))
    };
    Condition::any().add(one_way(a, b)).add(one_way(b, a))
}

/// Links an item with another (organizers). For `raised-again` the later of the two (by
/// the date of its source) is filed as raising the earlier, whichever was sent.
pub async fn link(
    db: &Db,
    actor: &Actor,
    id: i32,
    input: LinkInput,
) -> AppResult<RecommendationOut> {
    let this = read(db, Access::Organizers, id).await?;
    let mut errors = FieldErrors::new();
    if input.relation.is_none() {
        errors.add("relation", "is required (raised-again or supersedes)");
    }
    let other = match input.other {
        None => {
            errors.add("other", "is required");
            None
        }
        Some(other) if other == id => {
            errors.add("other", "must be another recommendation");
            None
        }
        Some(other) => match read(db, Access::Organizers, other).await {
            Ok(found) => Some(found),
            Err(AppError::NotFound(_)) => {
                errors.add("other", "no such recommendation");
                None
            }
            Err(err) => return Err(err),
        },
    };
    errors.finish()?;
    let (Some(other), Some(relation)) = (other, input.relation) else {
        return Err(AppError::invalid("other", "is required"));
    };
    let (from, to) = match relation {
        LinkRelation::RaisedAgain if this.source.date < other.source.date => (other.id, this.id),
        _ => (this.id, other.id),
    };
    let existing = recommendation_link::Entity::find()
        .filter(between(from, to))
        .one(db.conn())
        .await?;
    if existing.is_some() {
        return Err(AppError::Conflict("the two are linked already".into()));
    }
    let txn = db.begin_write().await?;
    recommendation_link::ActiveModel {
        from_id: Set(from),
        to_id: Set(to),
        relation: Set(relation.as_str().to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&*txn)
    .await?;
    crate::audit::record(
        &*txn,
        Some(actor),
        "recommendation.link",
        "recommendation",
        from,
        serde_json::json!({"to": to, "relation": relation}),
    )
    .await?;
    txn.commit().await?;
    read(db, Access::Organizers, id).await
}

/// Removes the link between two items, whichever way it goes (organizers).
pub async fn unlink(db: &Db, actor: &Actor, id: i32, other: i32) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let removed = recommendation_link::Entity::delete_many()
        .filter(between(id, other))
        .exec(&*txn)
        .await?
        .rows_affected;
    if removed == 0 {
        return Err(AppError::NotFound("link"));
    }
    crate::audit::record(
        &*txn,
        Some(actor),
        "recommendation.unlink",
        "recommendation",
        id,
        serde_json::json!({"other": other}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The words of a text as compared: folded, without the commonest words, cut to their
/// first six letters (so that "strengthen" and "strengthening" are one).
fn words(text: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "the", "and", "for", "that", "with", "its", "their", "this", "are", "from", "into",
        "should", "must", "all", "more", "such", "which", "have", "has", "been", "on", "of", "to",
        "in", "a", "an", "by", "as", "at", "be", "or", "is", "it", "other", "also",
    ];
    crate::domain::folded(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !COMMON.contains(w))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

/// A text's words weighted by rarity among `texts` (tf·idf), as a unit vector.
fn vector(words: &[String], idf: &HashMap<String, f64>) -> HashMap<String, f64> {
    let mut v: HashMap<String, f64> = HashMap::new();
    for w in words {
        *v.entry(w.clone()).or_default() += idf.get(w).copied().unwrap_or(0.0);
    }
    let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.values_mut().for_each(|x| *x /= norm);
    }
    v
}

fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    a.iter().map(|(w, x)| b.get(w).map_or(0.0, |y| x * y)).sum()
}

/// Scores of every other text against the first, by index (the first's own is 1).
pub fn similarities(texts: &[&str]) -> Vec<f64> {
    let all: Vec<Vec<String>> = texts.iter().map(|t| words(t)).collect();
    let mut seen_in: HashMap<&String, usize> = HashMap::new();
    for ws in &all {
        for w in ws.iter().collect::<HashSet<_>>() {
            *seen_in.entry(w).or_default() += 1;
        }
    }
    let n = all.len() as f64;
    let idf: HashMap<String, f64> = seen_in
        .into_iter()
        .map(|(w, k)| (w.clone(), (1.0 + n / k as f64).ln()))
        .collect();
    let Some(first) = all.first() else {
        return Vec::new();
    };
    let first = vector(first, &idf);
    all.iter()
        .map(|ws| cosine(&first, &vector(ws, &idf)))
        .collect()
}

/// Likely repeats of an item (organizers): items of other events or documents, not linked
/// with it yet, whose text is alike, the likeliest first.
pub async fn similar(db: &Db, id: i32) -> AppResult<Vec<SimilarOut>> {
    let this = read(db, Access::Organizers, id).await?;
    // Linked already, directly or through others: no suggestion.
    let mut linked: HashSet<i32> = repeat_groups(db, std::iter::once(id))
        .await?
        .remove(&id)
        .unwrap_or_default()
        .into_iter()
        .collect();
    linked.extend(
        recommendation_link::Entity::find()
            .filter(
                Condition::any()
                    .add(recommendation_link::Column::FromId.eq(id))
                    .add(recommendation_link::Column::ToId.eq(id)),
            )
            .all(db.conn())
            .await?
            .into_iter()
            .flat_map(|l| [l.from_id, l.to_id]),
    );
    let rows: Vec<recommendation::Model> = recommendation::Entity::find()
        .filter(recommendation::Column::WithdrawnAt.is_null())
        .all(db.conn())
        .await?;
    let mut texts: Vec<&str> = vec![this.text.as_str()];
    let mut candidates: Vec<&recommendation::Model> = Vec::new();
    for row in &rows {
        let same_source = row.source_kind == this.source.kind && row.source_id == this.source.id;
        if row.id != id && !same_source && !linked.contains(&row.id) {
            candidates.push(row);
        }
        texts.push(row.text.as_str());
    }
    // Rarity is measured over every item, the candidates' scores read by their place.
    let scores = similarities(&texts);
    let place: HashMap<i32, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i + 1))
        .collect();
    let mut scored: Vec<(f64, recommendation::Model)> = candidates
        .into_iter()
        .filter_map(|r| {
            let score = *scores.get(*place.get(&r.id)?)?;
            (score >= SIMILAR_AT_LEAST).then(|| (score, r.clone()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    let scores: HashMap<i32, f64> = scored.iter().map(|(s, r)| (r.id, *s)).collect();
    let items = outs(
        db,
        Access::Organizers,
        scored.into_iter().map(|(_, r)| r).collect(),
    )
    .await?;
    let mut out: Vec<SimilarOut> = items
        .into_iter()
        // Another event's (an item of the same event is not a repeat).
        .filter(|item| {
            item.source.event_id.is_none() || item.source.event_id != this.source.event_id
        })
        .map(|item| SimilarOut {
            score: (scores.get(&item.id).copied().unwrap_or(0.0) * 100.0).round() / 100.0,
            item,
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.item.id.cmp(&b.item.id)));
    out.truncate(SIMILAR_MAX);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::similarities;

    #[test]
    fn a_repeat_in_other_words_scores_above_an_unrelated_text() {
        let scores = similarities(&[
            "The EU should appoint an RtoP focal point in the External Action Service",
            "The European Union should appoint a focal point for RtoP within the EEAS",
            "The African Union should strengthen its early warning system",
            "Governments should fund civil society monitoring of hate speech",
        ]);
        assert!((scores[0] - 1.0).abs() < 1e-9);
        assert!(scores[1] >= super::SIMILAR_AT_LEAST, "{scores:?}");
        assert!(scores[2] < super::SIMILAR_AT_LEAST, "{scores:?}");
        assert!(scores[3] < 0.1, "{scores:?}");
    }
}
