//! Directory use-cases: each write checks its references, runs in one transaction and
//! leaves a line in the audit log.

use serde_json::json;

use super::{Organization, OrganizationInput, Person, PersonInput, store};
use crate::audit;
use crate::db::Db;
use crate::entities::{organization, person};
use crate::error::{AppError, AppResult, on_constraint};
use crate::web::Actor;

const ORG_IN_USE: &str =
    "the organization is still referenced by people or events; reassign them first";
const PERSON_IN_USE: &str =
    "the person is still assigned to sessions; remove them from those sessions first";
const EMAIL_TAKEN: &str = "a person with that email already exists";

#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn create_organization(
    db: &Db,
    actor: Option<&Actor>,
    org: Organization,
) -> AppResult<organization::Model> {
    let txn = db.begin_write().await?;
    let created = add_organization(&*txn, actor, &org).await?;
    txn.commit().await?;
    Ok(created)
}

/// Inserts an organization and records it in the audit log, inside the caller's
/// transaction.
async fn add_organization(
    txn: &impl sea_orm::ConnectionTrait,
    actor: Option<&Actor>,
    org: &Organization,
) -> AppResult<organization::Model> {
    let created = store::insert_organization(txn, org).await?;
    audit::record(
        txn,
        actor,
        "create",
        "organization",
        created.id,
        json!(OrganizationInput::from_model(&created)),
    )
    .await?;
    Ok(created)
}

#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn update_organization(
    db: &Db,
    actor: &Actor,
    id: i32,
    patch: serde_json::Map<String, serde_json::Value>,
) -> AppResult<organization::Model> {
    let txn = db.begin_write().await?;
    let current = store::organization(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("organization"))?;
    let input: OrganizationInput =
        crate::web::json::merge_patch(&OrganizationInput::from_model(&current), patch)?;
    let org = input.validate()?;
    let updated = store::update_organization(&*txn, current, &org).await?;
    audit::record(
        &*txn,
        Some(actor),
        "update",
        "organization",
        id,
        json!(OrganizationInput::from_model(&updated)),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn delete_organization(db: &Db, actor: &Actor, id: i32) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let current = store::organization(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("organization"))?;
    store::delete_organization(&*txn, id)
        .await
        .map_err(|err| on_constraint(err, ORG_IN_USE, ORG_IN_USE))?;
    audit::record(
        &*txn,
        Some(actor),
        "delete",
        "organization",
        id,
        json!({"name": current.name}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn check_organization(txn: &impl sea_orm::ConnectionTrait, person: &Person) -> AppResult<()> {
    if let Some(org_id) = person.organization_id
        && store::organization(txn, org_id).await?.is_none()
    {
        return Err(AppError::invalid(
            "organization_id",
            "no organization has this id",
        ));
    }
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn create_person(
    db: &Db,
    actor: Option<&Actor>,
    person: Person,
) -> AppResult<person::Model> {
    create_person_at(db, actor, person, None).await
}

/// Adds a person, and with `new_organization` the organization they work at, in one
/// transaction (the person's form offers to name an organization not yet listed).
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn create_person_at(
    db: &Db,
    actor: Option<&Actor>,
    mut person: Person,
    new_organization: Option<Organization>,
) -> AppResult<person::Model> {
    let txn = db.begin_write().await?;
    if let Some(org) = new_organization {
        person.organization_id = Some(add_organization(&*txn, actor, &org).await?.id);
    }
    check_organization(&*txn, &person).await?;
    let created = store::insert_person(&*txn, &person)
        .await
        .map_err(|err| on_constraint(err, EMAIL_TAKEN, "no organization has this id"))?;
    audit::record(
        &*txn,
        actor,
        "create",
        "person",
        created.id,
        json!(PersonInput::from_model(&created)),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn update_person(
    db: &Db,
    actor: &Actor,
    id: i32,
    patch: serde_json::Map<String, serde_json::Value>,
) -> AppResult<person::Model> {
    let txn = db.begin_write().await?;
    let current = store::person(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("person"))?;
    let input: PersonInput =
        crate::web::json::merge_patch(&PersonInput::from_model(&current), patch)?;
    let person = input.validate()?;
    check_organization(&*txn, &person).await?;
    let updated = store::update_person(&*txn, current, &person)
        .await
        .map_err(|err| on_constraint(err, EMAIL_TAKEN, "no organization has this id"))?;
    audit::record(
        &*txn,
        Some(actor),
        "update",
        "person",
        id,
        json!(PersonInput::from_model(&updated)),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

#[tracing::instrument(skip_all, fields(actor = actor.id, id), err(level = "debug"))]
pub async fn delete_person(db: &Db, actor: &Actor, id: i32) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let current = store::person(&*txn, id)
        .await?
        .ok_or(AppError::NotFound("person"))?;
    store::delete_person(&*txn, id)
        .await
        .map_err(|err| on_constraint(err, PERSON_IN_USE, PERSON_IN_USE))?;
    audit::record(
        &*txn,
        Some(actor),
        "delete",
        "person",
        id,
        json!({"given_name": current.given_name, "family_name": current.family_name}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The organization's name for each person, for `affiliation`.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn with_organizations(
    db: &Db,
    people: Vec<person::Model>,
    show_email: bool,
) -> AppResult<Vec<super::PersonOut>> {
    let orgs =
        store::organizations_by_id(db.conn(), people.iter().filter_map(|p| p.organization_id))
            .await?;
    Ok(people
        .into_iter()
        .map(|p| {
            let org = p
                .organization_id
                .and_then(|id| orgs.get(&id))
                .map(|o| o.name.clone());
            super::PersonOut::new(p, org, show_email)
        })
        .collect())
}
