//! The rules of visa invitation letters: who may ask (a confirmed registrant, before the
//! event ends), who decides (organizers, a refusal with its reason), what the letter says.

use chrono::{SubsecRound, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::{PassportDetails, PassportInput, VisaStatus};
use crate::audit;
use crate::config::Settings;
use crate::db::Db;
use crate::domain::collation::compare;
use crate::entities::{event, registration, visa_request};
use crate::error::{AppError, AppResult};
use crate::mail::MailKind;
use crate::pdf::{Job, Template};
use crate::privacy::sealed::SealingKey;
use crate::registrations::RegistrationStatus;
use crate::web::Actor;

/// The key sealing passport details, or 404 when visa letters are not offered.
pub fn key(settings: &Settings) -> AppResult<SealingKey> {
    settings
        .visa_letters
        .sealing_key()
        .ok()
        .flatten()
        .ok_or(AppError::NotFound("visa letters"))
}

/// What a sealed value is bound to: the registration it belongs to.
fn context(registration_id: i32) -> String {
    format!("visa-request:{registration_id}")
}

fn seal(key: &SealingKey, registration_id: i32, details: &PassportDetails) -> AppResult<String> {
    let plain = serde_json::to_vec(details)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("passport details: {err}")))?;
    key.seal(&context(registration_id), &plain)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("sealing: {err}")))
}

/// The passport details of a request, when they are still there and open with the key.
pub fn open(key: &SealingKey, request: &visa_request::Model) -> Option<PassportDetails> {
    let sealed = request.passport.as_deref()?;
    let plain = key.open(&context(request.registration_id), sealed).ok()?;
    serde_json::from_slice(&plain).ok()
}

/// The request of a registration, if they made one.
pub async fn of_registration(
    db: &impl ConnectionTrait,
    registration_id: i32,
) -> AppResult<Option<visa_request::Model>> {
    Ok(visa_request::Entity::find()
        .filter(visa_request::Column::RegistrationId.eq(registration_id))
        .one(db)
        .await?)
}

/// A registrant asks for a letter (or asks again after a refusal, or corrects a request
/// still waiting): only with a confirmed place, before the event ends.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn request(
    db: &Db,
    settings: &Settings,
    token: &str,
    input: &PassportInput,
) -> AppResult<visa_request::Model> {
    let key = key(settings)?;
    let (registration, event) = crate::registrations::service::by_token(db, token).await?;
    if registration.status != RegistrationStatus::Confirmed || registration.erased_at.is_some() {
        return Err(AppError::Conflict(
            "a visa invitation letter is for a registrant whose place is confirmed".into(),
        ));
    }
    if crate::events::has_ended(&event, Utc::now()) {
        return Err(AppError::Conflict("the event has ended".into()));
    }
    let today = event.timezone.local(Utc::now()).date_naive();
    let details = input.validate(today, event.ends_on)?;
    let sealed = seal(&key, registration.id, &details)?;
    let now = Utc::now().trunc_subsecs(6);
    let txn = db.begin_write().await?;
    let saved = match of_registration(&*txn, registration.id).await? {
        Some(current) if current.status == VisaStatus::Approved => {
            return Err(AppError::Conflict(
                "your letter is approved already: download it from your registration page".into(),
            ));
        }
        Some(current) => {
            let mut active: visa_request::ActiveModel = current.into();
            active.status = Set(VisaStatus::Pending);
            active.passport = Set(Some(sealed));
            active.reason = Set(None);
            active.requested_at = Set(now);
            active.decided_at = Set(None);
            active.decided_by = Set(None);
            active.update(&*txn).await?
        }
        None => {
            visa_request::ActiveModel {
                registration_id: Set(registration.id),
                event_id: Set(event.id),
                status: Set(VisaStatus::Pending),
                passport: Set(Some(sealed)),
                reason: Set(None),
                requested_at: Set(now),
                ..Default::default()
            }
            .insert(&*txn)
            .await?
        }
    };
    // The record says a request was made, never what it holds.
    audit::record(
        &*txn,
        None,
        "request_visa_letter",
        "registration",
        registration.id,
        json!({"event_id": event.id}),
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// An organizer's decision on a waiting request: approved, or refused with a reason; the
/// registrant is told by mail.
#[tracing::instrument(skip_all, fields(actor = actor.id, registration_id), err(level = "debug"))]
pub async fn decide(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    registration_id: i32,
    refusal: Option<&str>,
) -> AppResult<visa_request::Model> {
    key(settings)?;
    let reason = match refusal {
        None => None,
        Some(text) => Some(
            crate::domain::required_text(Some(text), 2000)
                .map_err(|err| AppError::invalid("reason", err.to_string()))?,
        ),
    };
    let txn = db.begin_write().await?;
    let current = of_registration(&*txn, registration_id)
        .await?
        .ok_or(AppError::NotFound("visa letter request"))?;
    if current.status != VisaStatus::Pending {
        return Err(AppError::Conflict(format!(
            "the request is {} already",
            current.status
        )));
    }
    let registration = crate::registrations::store::by_id(&*txn, registration_id)
        .await?
        .ok_or(AppError::NotFound("registration"))?;
    if registration.status != RegistrationStatus::Confirmed || registration.erased_at.is_some() {
        return Err(AppError::Conflict(format!(
            "the registration is {} now: a letter is for a confirmed place",
            registration.status
        )));
    }
    let event = crate::events::store::event_by_id(&*txn, registration.event_id)
        .await?
        .ok_or(AppError::NotFound("event"))?;
    let approved = reason.is_none();
    let mut active: visa_request::ActiveModel = current.into();
    active.status = Set(if approved {
        VisaStatus::Approved
    } else {
        VisaStatus::Refused
    });
    active.reason = Set(reason.clone());
    active.decided_at = Set(Some(Utc::now().trunc_subsecs(6)));
    active.decided_by = Set(Some(actor.id));
    let saved = active.update(&*txn).await?;
    audit::record(
        &*txn,
        Some(actor),
        if approved {
            "approve_visa_letter"
        } else {
            "refuse_visa_letter"
        },
        "registration",
        registration_id,
        json!({"event_id": event.id}),
    )
    .await?;
    let kind = if approved {
        MailKind::VisaLetterApproved
    } else {
        MailKind::VisaLetterRefused
    };
    crate::registrations::notify::queue_with_reason(
        &txn,
        settings,
        kind,
        &event,
        &registration,
        reason,
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// A request as organizers see it: with the passport details.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisaRequestOut {
    pub registration_id: i32,
    pub name: String,
    pub email: String,
    pub organization: Option<String>,
    pub status: VisaStatus,
    pub reason: Option<String>,
    pub requested_at: chrono::DateTime<Utc>,
    pub decided_at: Option<chrono::DateTime<Utc>>,
    /// `null` once erased with the retention period, or when the configured key cannot
    /// open them (`readable` says which).
    pub passport: Option<PassportDetails>,
    pub readable: bool,
}

/// The requests of an event, for its organizers, waiting ones first, then by name.
pub async fn list(
    db: &Db,
    settings: &Settings,
    event: &event::Model,
) -> AppResult<Vec<VisaRequestOut>> {
    let key = key(settings)?;
    let requests = visa_request::Entity::find()
        .filter(visa_request::Column::EventId.eq(event.id))
        .order_by_asc(visa_request::Column::RequestedAt)
        .all(db.conn())
        .await?;
    let registrations: std::collections::HashMap<i32, registration::Model> =
        registration::Entity::find()
            .filter(registration::Column::Id.is_in(requests.iter().map(|r| r.registration_id)))
            .all(db.conn())
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
    let mut out: Vec<VisaRequestOut> = requests
        .iter()
        .filter_map(|r| {
            let reg = registrations.get(&r.registration_id)?;
            let passport = open(&key, r);
            Some(VisaRequestOut {
                registration_id: r.registration_id,
                name: format!("{} {}", reg.given_name, reg.family_name),
                email: reg.email.clone(),
                organization: reg.organization.clone(),
                status: r.status,
                reason: r.reason.clone(),
                requested_at: r.requested_at,
                decided_at: r.decided_at,
                readable: passport.is_some() || r.passport.is_none(),
                passport,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.status != VisaStatus::Pending)
            .cmp(&(b.status != VisaStatus::Pending))
            .then_with(|| compare(&a.name, &b.name))
    });
    Ok(out)
}

/// What the letter prints, passport details included: serialized for the typesetter
/// only, never formatted for a log (no `Debug`).
#[derive(Serialize)]
struct LetterView {
    letterhead: LetterheadView,
    event: EventLine,
    organizers: Vec<String>,
    passport_name: String,
    passport_number: String,
    nationality: String,
    date_of_birth: String,
    passport_expiry: String,
    organization: Option<String>,
    date: String,
    reference: String,
}

#[derive(Debug, Serialize)]
struct LetterheadView {
    organization: Option<String>,
    address: Vec<String>,
    signatory: Option<String>,
    signatory_title: Option<String>,
    city: Option<String>,
}

#[derive(Debug, Serialize)]
struct EventLine {
    title: String,
    dates: String,
    venue: Option<String>,
    place: Option<String>,
}

/// The approved letter of the registration of `token`; 404 until it is approved.
pub async fn letter(db: &Db, settings: &Settings, token: &str) -> AppResult<(Job, event::Model)> {
    let key = key(settings)?;
    let (registration, event) = crate::registrations::service::by_token(db, token).await?;
    let request = of_registration(db.conn(), registration.id)
        .await?
        .filter(|r| r.status == VisaStatus::Approved)
        .filter(|_| registration.status == RegistrationStatus::Confirmed)
        .ok_or(AppError::NotFound("visa letter"))?;
    let details = open(&key, &request).ok_or(AppError::NotFound("visa letter"))?;
    let card = crate::events::read::event_views(db, vec![event.clone()])
        .await?
        .remove(0);
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let lh = &settings.letterhead;
    let view = LetterView {
        letterhead: LetterheadView {
            organization: some(&lh.organization),
            address: lh
                .address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
            signatory: some(&lh.signatory),
            signatory_title: some(&lh.signatory_title),
            city: some(&lh.city),
        },
        event: EventLine {
            title: event.title.clone(),
            dates: crate::events::views::date_range(event.starts_on, event.ends_on),
            venue: event.venue.clone(),
            place: crate::events::views::place(event.city.as_deref(), event.country.as_deref()),
        },
        organizers: card.organizers.iter().map(|o| o.name.clone()).collect(),
        passport_name: details.passport_name.clone(),
        passport_number: details.passport_number.clone(),
        nationality: crate::domain::CountryCode::parse(&details.nationality)
            .map(|c| c.name().to_string())
            .unwrap_or(details.nationality.clone()),
        date_of_birth: details.date_of_birth.format("%-d %B %Y").to_string(),
        passport_expiry: details.passport_expiry.format("%-d %B %Y").to_string(),
        organization: registration
            .organization
            .clone()
            .filter(|o| !o.trim().is_empty()),
        date: request
            .decided_at
            .unwrap_or_else(Utc::now)
            .date_naive()
            .format("%-d %B %Y")
            .to_string(),
        reference: format!("RT-{}-{}-V", event.id, registration.id),
    };
    Ok((Job::of(Template::VisaLetter, &view)?, event))
}

/// Forgets a registration's request with the registration (an erasure).
pub async fn forget(db: &impl ConnectionTrait, registration_id: i32) -> AppResult<()> {
    visa_request::Entity::delete_many()
        .filter(visa_request::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    Ok(())
}
