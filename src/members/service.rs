//! Membership use-cases: apply, approve (the member account and its set-up mail are made
//! in the transaction of the decision), reject (with a polite mail).

use serde_json::json;

use super::{ApplicationInput, ApplicationStatus, store};
use crate::accounts::service::{Invite, InviteReason, invite_in};
use crate::accounts::{Role, notify as account_mail, store as account_store};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::entities::membership_application;
use crate::error::{AppError, AppResult};
use crate::web::Actor;

/// Records an application and tells the organizers' mailbox. A second application
/// from an address whose first one waits changes nothing; the answer is the same
/// whether or not the address has an account.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn apply(db: &Db, settings: &Settings, input: ApplicationInput) -> AppResult<()> {
    let application = input.validate()?;
    let txn = db.begin_write().await?;
    if store::pending_by_email(&*txn, application.email.as_str())
        .await?
        .is_some()
    {
        return Ok(());
    }
    let created = store::insert(&txn, &application).await?;
    account_mail::queue_application(&txn, settings, &created).await?;
    audit::record(
        &txn,
        None,
        "apply",
        "membership_application",
        created.id,
        json!({"email": created.email}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn pending(
    conn: &impl sea_orm::ConnectionTrait,
    id: i32,
) -> AppResult<membership_application::Model> {
    let application = store::for_update(conn, id)
        .await?
        .ok_or(AppError::NotFound("application"))?;
    if application.status != ApplicationStatus::Pending {
        return Err(AppError::Conflict(format!(
            "this application was already {}",
            application.status.as_str()
        )));
    }
    Ok(application)
}

/// Approves an application: a `member` account, invited, with its set-up mail. 409 when
/// it was already decided or the address already has an account.
#[tracing::instrument(skip_all, fields(actor = actor.id, application_id = id), err(level = "debug"))]
pub async fn approve(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: i32,
) -> AppResult<membership_application::Model> {
    crate::accounts::service::may_manage(actor, Role::Member)?;
    let txn = db.begin_write().await?;
    let application = pending(&*txn, id).await?;
    let application_language = application.language;
    if account_store::user_by_email(&*txn, &application.email)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict(
            "this address already has an account; reject the application or change the account's role".into(),
        ));
    }
    let invite = Invite::parse(
        Some(&application.email),
        Some(&format!(
            "{} {}",
            application.given_name, application.family_name
        )),
        Some(Role::Member.as_str()),
    )?;
    let user = invite_in(
        &txn,
        settings,
        Some(actor),
        &invite,
        InviteReason::ApplicationApproved,
        // The set-up mail in the language the applicant applied in.
        &crate::accounts::notify::SetupContext {
            language: application_language,
            ..Default::default()
        },
    )
    .await?;
    let decided = store::decide(
        &txn,
        application,
        ApplicationStatus::Approved,
        actor.id,
        None,
        Some(user.id),
    )
    .await?;
    audit::record(
        &*txn,
        Some(actor),
        "approve",
        "membership_application",
        decided.id,
        json!({"user_id": user.id}),
    )
    .await?;
    txn.commit().await?;
    Ok(decided)
}

/// Rejects an application and mails the applicant, politely, with the organizers' note
/// if they wrote one.
#[tracing::instrument(skip_all, fields(actor = actor.id, application_id = id), err(level = "debug"))]
pub async fn reject(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    id: i32,
    note: Option<String>,
) -> AppResult<membership_application::Model> {
    crate::accounts::service::may_manage(actor, Role::Member)?;
    let note = crate::domain::optional_text(note.as_deref(), 2000, true)
        .map_err(|err| AppError::invalid("note", err.to_string()))?;
    let txn = db.begin_write().await?;
    let application = pending(&*txn, id).await?;
    let decided = store::decide(
        &*txn,
        application,
        ApplicationStatus::Rejected,
        actor.id,
        note,
        None,
    )
    .await?;
    account_mail::queue_rejected(&txn, settings, &decided).await?;
    audit::record(
        &txn,
        Some(actor),
        "reject",
        "membership_application",
        decided.id,
        json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(decided)
}
