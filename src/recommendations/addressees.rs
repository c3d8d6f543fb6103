//! The addressees as a vocabulary with aliases ("EU", "European Union", "the European
//! Union" → one): an item is filed under the addressee one of whose names or aliases its
//! source's wording folds to ([`folded_name`]); a wording no alias knows becomes an
//! addressee of its own, which organizers rename, give aliases, or merge into another.

use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::service::NAME_MAX;
use super::{AddresseeInput, AddresseeOut, folded_name};
use crate::db::Db;
use crate::entities::{addressee, addressee_alias, recommendation};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::web::Actor;

/// The addressee a name or alias is filed under; a name no alias knows becomes an
/// addressee of its own.
pub(super) async fn filed_under<C: ConnectionTrait>(db: &C, name: &str) -> Result<i32, AppError> {
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

/// A name and its aliases as sent, checked: each with its folded form, the name first,
/// repeats (as folded) left out.
fn checked_names(
    errors: &mut FieldErrors,
    name: Option<&str>,
    aliases: &[String],
) -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = Vec::new();
    if let Some(name) = name {
        names.push((name.to_string(), folded_name(name)));
    }
    for (i, alias) in aliases.iter().enumerate() {
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
    names
}

/// Files under `id` every item whose wording folds to one of its aliases.
async fn refile<C: ConnectionTrait>(db: &C, id: i32) -> Result<(), AppError> {
    let folded: HashSet<String> = addressee_alias::Entity::find()
        .filter(addressee_alias::Column::AddresseeId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.folded)
        .collect();
    for item in recommendation::Entity::find().all(db).await? {
        if item.addressee_id != Some(id) && folded.contains(&folded_name(&item.addressee_text)) {
            let mut active: recommendation::ActiveModel = item.into();
            active.addressee_id = Set(Some(id));
            active.update(db).await?;
        }
    }
    Ok(())
}

/// The addressee as answered.
async fn answered(db: &Db, id: i32) -> AppResult<AddresseeOut> {
    addressees(db)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound("addressee"))
}

/// Adds an addressee with its aliases (organizers); the items naming any of them are
/// filed under it. A name or alias another addressee holds is a field error (to take it
/// over, change that addressee or merge it).
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
    let names = checked_names(
        &mut errors,
        name.as_deref(),
        &input.aliases.unwrap_or_default(),
    );
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
    refile(&*txn, created.id).await?;
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
    answered(db, created.id).await
}

/// Renames an addressee and (when `aliases` is sent) replaces its aliases (organizers);
/// its current name stays an alias. An alias another addressee holds moves here with the
/// items it names; an addressee left with no name of its own is merged here. Items naming
/// an alias taken away are filed anew under their own wording.
pub async fn update_addressee(
    db: &Db,
    actor: &Actor,
    id: i32,
    input: AddresseeInput,
) -> AppResult<AddresseeOut> {
    let row = addressee::Entity::find_by_id(id)
        .one(db.conn())
        .await?
        .ok_or(AppError::NotFound("addressee"))?;
    let mut errors = FieldErrors::new();
    let name = match input.name.as_deref() {
        Some(name) => errors.check("name", crate::domain::required_text(Some(name), NAME_MAX)),
        None => Some(row.name.clone()),
    };
    let current: Vec<addressee_alias::Model> = addressee_alias::Entity::find()
        .filter(addressee_alias::Column::AddresseeId.eq(id))
        .all(db.conn())
        .await?;
    let aliases = input
        .aliases
        .unwrap_or_else(|| current.iter().map(|a| a.alias.clone()).collect());
    let mut names = checked_names(&mut errors, name.as_deref(), &aliases);
    errors.finish()?;
    // Renamed, its former name stays one of its aliases (items say it).
    let former = folded_name(&row.name);
    if !names.iter().any(|(_, f)| *f == former) {
        names.push((row.name.clone(), former));
    }
    let folded: HashSet<&String> = names.iter().map(|(_, f)| f).collect();
    let txn = db.begin_write().await?;
    // Aliases taken away: their items are filed anew once the aliases are gone.
    let dropped: Vec<&addressee_alias::Model> = current
        .iter()
        .filter(|a| !folded.contains(&a.folded))
        .collect();
    addressee_alias::Entity::delete_many()
        .filter(addressee_alias::Column::Id.is_in(dropped.iter().map(|a| a.id)))
        .exec(&*txn)
        .await?;
    let mut emptied = HashSet::new();
    for (alias, folded) in &names {
        let held = addressee_alias::Entity::find()
            .filter(addressee_alias::Column::Folded.eq(folded.clone()))
            .one(&*txn)
            .await?;
        match held {
            Some(held) if held.addressee_id == id => {
                let mut active: addressee_alias::ActiveModel = held.into();
                active.alias = Set(alias.clone());
                active.update(&*txn).await?;
            }
            Some(held) => {
                emptied.insert(held.addressee_id);
                let mut active: addressee_alias::ActiveModel = held.into();
                active.addressee_id = Set(id);
                active.alias = Set(alias.clone());
                active.update(&*txn).await?;
            }
            None => {
                addressee_alias::ActiveModel {
                    addressee_id: Set(id),
                    alias: Set(alias.clone()),
                    folded: Set(folded.clone()),
                    ..Default::default()
                }
                .insert(&*txn)
                .await?;
            }
        }
    }
    let mut active: addressee::ActiveModel = row.into();
    active.name = Set(name.unwrap_or_default());
    active.update(&*txn).await?;
    refile(&*txn, id).await?;
    // Addressees whose every alias moved here are merged into this one.
    for other in emptied {
        let left = addressee_alias::Entity::find()
            .filter(addressee_alias::Column::AddresseeId.eq(other))
            .all(&*txn)
            .await?;
        if left.is_empty() {
            move_items(&*txn, other, id).await?;
            addressee::Entity::delete_by_id(other).exec(&*txn).await?;
        } else {
            refile(&*txn, other).await?;
        }
    }
    for alias in dropped {
        for item in recommendation::Entity::find()
            .filter(recommendation::Column::AddresseeId.eq(id))
            .all(&*txn)
            .await?
        {
            if folded_name(&item.addressee_text) == alias.folded {
                let new = filed_under(&*txn, &item.addressee_text).await?;
                let mut active: recommendation::ActiveModel = item.into();
                active.addressee_id = Set(Some(new));
                active.update(&*txn).await?;
            }
        }
    }
    crate::audit::record(
        &*txn,
        Some(actor),
        "addressee.change",
        "addressee",
        id,
        serde_json::json!({"aliases": names.iter().map(|(a, _)| a).collect::<Vec<_>>()}),
    )
    .await?;
    txn.commit().await?;
    answered(db, id).await
}

async fn move_items<C: ConnectionTrait>(db: &C, from: i32, to: i32) -> Result<(), AppError> {
    for item in recommendation::Entity::find()
        .filter(recommendation::Column::AddresseeId.eq(from))
        .all(db)
        .await?
    {
        let mut active: recommendation::ActiveModel = item.into();
        active.addressee_id = Set(Some(to));
        active.update(db).await?;
    }
    Ok(())
}

/// Removes an addressee (organizers). With `into`, it is merged into that one: its
/// aliases and items move there. Without, only an addressee nothing is filed under may go
/// (409 otherwise).
pub async fn delete_addressee(db: &Db, actor: &Actor, id: i32, into: Option<i32>) -> AppResult<()> {
    addressee::Entity::find_by_id(id)
        .one(db.conn())
        .await?
        .ok_or(AppError::NotFound("addressee"))?;
    if let Some(into) = into {
        let found = addressee::Entity::find_by_id(into).one(db.conn()).await?;
        if found.is_none() || into == id {
            return Err(AppError::invalid("into", "must be another addressee"));
        }
    } else {
        let filed = recommendation::Entity::find()
            .filter(recommendation::Column::AddresseeId.eq(id))
            .all(db.conn())
            .await?
            .len();
        if filed > 0 {
            return Err(AppError::Conflict(format!(
                "{filed} recommendation(s) are filed under this addressee: merge it into another (?into=)"
            )));
        }
    }
    let txn = db.begin_write().await?;
    if let Some(into) = into {
        for alias in addressee_alias::Entity::find()
            .filter(addressee_alias::Column::AddresseeId.eq(id))
            .all(&*txn)
            .await?
        {
            let mut active: addressee_alias::ActiveModel = alias.into();
            active.addressee_id = Set(into);
            active.update(&*txn).await?;
        }
        move_items(&*txn, id, into).await?;
    } else {
        addressee_alias::Entity::delete_many()
            .filter(addressee_alias::Column::AddresseeId.eq(id))
            .exec(&*txn)
            .await?;
    }
    addressee::Entity::delete_by_id(id).exec(&*txn).await?;
    crate::audit::record(
        &*txn,
        Some(actor),
        "addressee.delete",
        "addressee",
        id,
        serde_json::json!({"into": into}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Every addressee's name, by id.
pub async fn names(db: &Db) -> AppResult<std::collections::HashMap<i32, String>> {
    Ok(addressee::Entity::find()
        .all(db.conn())
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect())
}
