//! Merging two records of the same person (one imported with a personal address, one
//! typed in with an office address, say). Everything the duplicate is part of moves to
//! the person kept: their roles on sessions, invitations, summaries' points attributed to
//! them, mail history and calendar feed. What the kept record lacks is taken from the
//! duplicate; what it has stays. Then the duplicate is deleted, all in one transaction.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::{PersonInput, store};
use crate::audit;
use crate::db::Db;
use crate::entities::{
    feed_token, invitation, outbox_message, person, session_attendance, session_participant,
    summary, summary_version,
};
use crate::error::{AppError, AppResult};
use crate::web::Actor;

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeInput {
    /// Required: the id of the person kept.
    pub into: Option<i32>,
}

/// Merges person `id` into `input.into`; returns the person kept.
#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn merge(db: &Db, actor: &Actor, id: i32, input: MergeInput) -> AppResult<person::Model> {
    let into = match input.into {
        None => return Err(AppError::invalid("into", "is required")),
        Some(into) if into == id => {
            return Err(AppError::invalid("into", "must be another person"));
        }
        Some(into) => into,
    };
    let txn = db.begin_write().await?;
    let duplicate = store::person(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("person"))?;
    let Some(kept) = store::person(&*txn, into).await? else {
        return Err(AppError::invalid("into", "no person has this id"));
    };

    let roles = move_roles(&*txn, id, into).await?;
    invitation::Entity::update_many()
        .col_expr(invitation::Column::PersonId, Expr::value(into))
        .filter(invitation::Column::PersonId.eq(id))
        .exec(&*txn)
        .await?;
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::PersonId, Expr::value(into))
        .filter(outbox_message::Column::PersonId.eq(id))
        .exec(&*txn)
        .await?;
    let kept_feed = feed_token::Entity::find()
        .filter(feed_token::Column::PersonId.eq(into))
        .one(&*txn)
        .await?;
    if kept_feed.is_some() {
        feed_token::Entity::delete_many()
            .filter(feed_token::Column::PersonId.eq(id))
            .exec(&*txn)
            .await?;
    } else {
        feed_token::Entity::update_many()
            .col_expr(feed_token::Column::PersonId, Expr::value(into))
            .filter(feed_token::Column::PersonId.eq(id))
            .exec(&*txn)
            .await?;
    }
    let summaries = move_attributions(&*txn, id, into).await?;
    move_attendance(&*txn, id, into).await?;

    // The kept record, completed from the duplicate; the duplicate goes first, so that
    // its email is free to move.
    let completed = completed(&kept, &duplicate).validate()?;
    store::delete_person(&*txn, id).await?;
    let merged = store::update_person(&*txn, kept, &completed).await?;
    audit::record(
        &*txn,
        Some(actor),
        "merge",
        "person",
        into,
        json!({"merged": id, "given_name": duplicate.given_name,
               "family_name": duplicate.family_name, "email": duplicate.email,
               "roles": roles, "summaries": summaries}),
    )
    .await?;
    txn.commit().await?;
    Ok(merged)
}

/// How many roles on sessions and invitations a person has, to say what a merge moves.
pub async fn footprint(db: &impl ConnectionTrait, id: i32) -> AppResult<(usize, usize)> {
    let roles = session_participant::Entity::find()
        .filter(session_participant::Column::PersonId.eq(id))
        .count(db)
        .await?;
    let invitations = invitation::Entity::find()
        .filter(invitation::Column::PersonId.eq(id))
        .count(db)
        .await?;
    Ok((
        usize::try_from(roles).unwrap_or(usize::MAX),
        usize::try_from(invitations).unwrap_or(usize::MAX),
    ))
}

/// The kept person's fields, each blank one taken from the duplicate.
fn completed(kept: &person::Model, duplicate: &person::Model) -> PersonInput {
    let or = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
    PersonInput {
        honorific: or(&kept.honorific, &duplicate.honorific),
        given_name: Some(kept.given_name.clone()),
        family_name: Some(kept.family_name.clone()),
        email: or(&kept.email, &duplicate.email),
        position: or(&kept.position, &duplicate.position),
        organization_id: kept.organization_id.or(duplicate.organization_id),
        country: or(&kept.country, &duplicate.country),
        bio: or(&kept.bio, &duplicate.bio),
        language: kept
            .language
            .or(duplicate.language)
            .map(|l| l.as_str().to_string()),
    }
}

/// Moves the duplicate's roles on sessions; where the kept person already has the same
/// role on the same session, the duplicate's is dropped. Returns how many moved.
async fn move_roles(db: &impl ConnectionTrait, from: i32, to: i32) -> AppResult<usize> {
    let theirs = session_participant::Entity::find()
        .filter(session_participant::Column::PersonId.eq(from))
        .all(db)
        .await?;
    let mine = session_participant::Entity::find()
        .filter(session_participant::Column::PersonId.eq(to))
        .all(db)
        .await?;
    let mut moved = 0;
    for role in theirs {
        let held = mine
            .iter()
            .any(|m| m.session_id == role.session_id && m.role == role.role);
        if held {
            session_participant::Entity::delete_by_id(role.id)
                .exec(db)
                .await?;
        } else {
            session_participant::Entity::update_many()
                .col_expr(session_participant::Column::PersonId, Expr::value(to))
                .filter(session_participant::Column::Id.eq(role.id))
                .exec(db)
                .await?;
            moved += 1;
        }
    }
    Ok(moved)
}

/// The duplicate's marks at sessions become the kept person's, except where the kept
/// person is already marked (that mark stands).
async fn move_attendance(db: &impl ConnectionTrait, from: i32, to: i32) -> AppResult<()> {
    let mine: Vec<i32> = session_attendance::Entity::find()
        .filter(session_attendance::Column::PersonId.eq(to))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.session_id)
        .collect();
    session_attendance::Entity::delete_many()
        .filter(session_attendance::Column::PersonId.eq(from))
        .filter(session_attendance::Column::SessionId.is_in(mine))
        .exec(db)
        .await?;
    session_attendance::Entity::update_many()
        .col_expr(session_attendance::Column::PersonId, Expr::value(to))
        .filter(session_attendance::Column::PersonId.eq(from))
        .exec(db)
        .await?;
    Ok(())
}

/// Points of summaries (and their versions) attributed to the duplicate are attributed
/// to the kept person. Returns how many summaries changed.
async fn move_attributions(db: &impl ConnectionTrait, from: i32, to: i32) -> AppResult<usize> {
    let mut changed = 0;
    for s in summary::Entity::find().all(db).await? {
        if let Some(content) = reattributed(&s.content, from, to) {
            summary::Entity::update_many()
                .col_expr(summary::Column::Content, Expr::value(content))
                .filter(summary::Column::Id.eq(s.id))
                .exec(db)
                .await?;
            changed += 1;
        }
    }
    for v in summary_version::Entity::find().all(db).await? {
        if let Some(content) = reattributed(&v.content, from, to) {
            summary_version::Entity::update_many()
                .col_expr(summary_version::Column::Content, Expr::value(content))
                .filter(summary_version::Column::Id.eq(v.id))
                .exec(db)
                .await?;
        }
    }
    Ok(changed)
}

/// A summary's JSON with every `"person_id": from` made `to`; `None` when it names no
/// such point.
fn reattributed(content: &str, from: i32, to: i32) -> Option<String> {
    fn walk(value: &mut Value, from: i32, to: i32) -> bool {
        match value {
            Value::Object(map) => {
                let mut changed = false;
                for (key, v) in map.iter_mut() {
                    if key == "person_id" && v.as_i64() == Some(i64::from(from)) {
                        *v = Value::from(to);
                        changed = true;
                    } else {
                        changed |= walk(v, from, to);
                    }
                }
                changed
            }
            Value::Array(items) => {
                let mut changed = false;
                for v in items {
                    changed |= walk(v, from, to);
                }
                changed
            }
            _ => false,
        }
    }
    let mut value: Value = serde_json::from_str(content).ok()?;
    walk(&mut value, from, to).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_attributed_to_the_duplicate_are_attributed_to_the_kept_person() {
        let content = r#"{"overview":"x","key_points":[{"person_id":7,"text":"a"},{"person_id":8,"text":"b"},{"text":"c"}]}"#;
        let changed = reattributed(content, 7, 3).unwrap();
        let value: Value = serde_json::from_str(&changed).unwrap();
        assert_eq!(value["key_points"][0]["person_id"], 3);
        assert_eq!(value["key_points"][1]["person_id"], 8);
        assert_eq!(reattributed(content, 9, 3), None);
    }
}
