//! Queries on the outbox: queue (replacing stale queued messages), claim due messages for
//! delivery under a lease, record the outcome, list.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};

use super::{Envelope, MailKind, OutboxStatus};
use crate::db::{Db, MailQueue};
use crate::entities::outbox_message;
use crate::web::Pagination;

/// Queues a message. When a message with the same coalesce key is still queued, it is
/// replaced (its content, and its send time pushed back by the quiet period): a stale
/// update never goes out beside the newer one.
pub async fn enqueue(
    db: &impl MailQueue,
    envelope: Envelope,
) -> Result<outbox_message::Model, DbErr> {
    db.mail_queued();
    let now = Utc::now();
    if let Some(key) = &envelope.coalesce_key {
        let pending = outbox_message::Entity::find()
            .filter(outbox_message::Column::CoalesceKey.eq(key.as_str()))
            .filter(outbox_message::Column::Status.eq(OutboxStatus::Queued.as_str()))
            .one(db)
            .await?;
        if let Some(pending) = pending {
            let mut active: outbox_message::ActiveModel = pending.into();
            fill(&mut active, envelope, now);
            return active.update(db).await;
        }
    }
    queued(envelope, now).insert(db).await
}

/// Queues at once a message about no event or session (an account's, the tracker's), as
/// rendered: subject, text and HTML.
pub async fn enqueue_plain(
    db: &impl MailQueue,
    kind: super::MailKind,
    to: (&str, &str),
    (subject, text, html): (String, String, String),
) -> Result<outbox_message::Model, DbErr> {
    enqueue(
        db,
        Envelope {
            kind,
            recipient_email: to.0.to_string(),
            recipient_name: to.1.to_string(),
            subject,
            text,
            html,
            calendar: None,
            event_id: None,
            session_id: None,
            person_id: None,
            coalesce_key: None,
            delay: Duration::zero(),
        },
    )
    .await
}

/// A new row for a message, queued.
fn queued(envelope: Envelope, now: DateTime<Utc>) -> outbox_message::ActiveModel {
    let mut active = outbox_message::ActiveModel {
        status: Set(OutboxStatus::Queued),
        attempts: Set(0),
        created_at: Set(now),
        ..Default::default()
    };
    fill(&mut active, envelope, now);
    active
}

/// Queues several messages in one statement; none of them may replace another (no
/// coalesce key: those go through [`enqueue`]).
pub async fn enqueue_all(db: &impl MailQueue, envelopes: Vec<Envelope>) -> Result<(), DbErr> {
    if envelopes.is_empty() {
        return Ok(());
    }
    db.mail_queued();
    let now = Utc::now();
    let rows = envelopes.into_iter().map(|envelope| {
        debug_assert!(envelope.coalesce_key.is_none());
        queued(envelope, now)
    });
    outbox_message::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// Queues one message in a transaction of its own: for tools and tests. A change queues
/// its mail in the transaction that makes it, with [`enqueue`].
pub async fn enqueue_alone(db: &Db, envelope: Envelope) -> Result<outbox_message::Model, DbErr> {
    let txn = db.begin_write().await?;
    let row = enqueue(&txn, envelope).await?;
    txn.commit().await?;
    Ok(row)
}

/// Queues a copy of a message as a new row: the same recipient, subject, bodies and
/// calendar, sent at once. The copy replaces no queued message and is replaced by none.
pub async fn enqueue_copy(
    db: &impl MailQueue,
    original: &outbox_message::Model,
) -> Result<outbox_message::Model, DbErr> {
    let calendar = original.ics_method.zip(original.ics.clone());
    enqueue(
        db,
        Envelope {
            kind: original.kind,
            recipient_email: original.recipient_email.clone(),
            recipient_name: original.recipient_name.clone(),
            subject: original.subject.clone(),
            text: original.text_body.clone(),
            html: original.html_body.clone(),
            calendar,
            event_id: original.event_id,
            session_id: original.session_id,
            person_id: original.person_id,
            coalesce_key: None,
            delay: Duration::zero(),
        },
    )
    .await
}

/// One message.
pub async fn get(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<outbox_message::Model>, DbErr> {
    outbox_message::Entity::find_by_id(id).one(db).await
}

fn fill(active: &mut outbox_message::ActiveModel, e: Envelope, now: DateTime<Utc>) {
    active.kind = Set(e.kind);
    active.recipient_email = Set(e.recipient_email);
    active.recipient_name = Set(e.recipient_name);
    active.subject = Set(e.subject);
    active.text_body = Set(e.text);
    active.html_body = Set(e.html);
    let (method, ics) = match e.calendar {
        Some((method, ics)) => (Some(method), Some(ics)),
        None => (None, None),
    };
    active.ics_method = Set(method);
    active.ics = Set(ics);
    active.event_id = Set(e.event_id);
    active.session_id = Set(e.session_id);
    active.person_id = Set(e.person_id);
    active.coalesce_key = Set(e.coalesce_key);
    active.not_before = Set(now + e.delay);
    active.updated_at = Set(now);
    active.last_error = Set(None);
}

/// Drops queued messages with these keys (a cancellation supersedes pending updates).
pub async fn drop_queued(db: &impl ConnectionTrait, keys: &[String]) -> Result<u64, DbErr> {
    if keys.is_empty() {
        return Ok(0);
    }
    let result = outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::CoalesceKey.is_in(keys.iter().map(String::as_str)))
        .filter(outbox_message::Column::Status.eq(OutboxStatus::Queued.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Claims up to `limit` messages that are due, or whose previous claim's lease ran out
/// (the process that held them died), marking them `sending` until `lease` has passed.
/// On PostgreSQL concurrent workers skip each other's rows; on SQLite the write lock
/// serialises them.
///
/// A claim is fenced by the row's `attempts`, which each claim counts up: the claimant
/// holds the message while the row is `sending` with that count ([`Claim`]), and only
/// then may it renew the lease or record the outcome. A worker that stalled past its
/// lease finds the message claimed again by another and records nothing.
pub async fn claim(
    db: &Db,
    limit: u64,
    lease: Duration,
) -> Result<Vec<outbox_message::Model>, DbErr> {
    let now = Utc::now();
    let until = now + lease;
    let txn = db.begin_write().await?;
    let backend = db.backend();
    let lock = if backend == DatabaseBackend::Postgres {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let (p1, p2, p3, p4) = match backend {
        DatabaseBackend::Postgres => ("$1", "$2", "$3", "$4"),
        _ => ("?", "?", "?", "?"),
    };
    let sql = format!(
        "UPDATE outbox SET status = 'sending', lease_until = {p1}, attempts = attempts + 1, updated_at = {p2} \
         WHERE id IN (SELECT id FROM outbox \
           WHERE (status = 'queued' AND not_before <= {p3}) OR (status = 'sending' AND lease_until < {p4}) \
           ORDER BY id LIMIT {limit}{lock}) \
         RETURNING *"
    );
    let statement = Statement::from_sql_and_values(
        backend,
        sql,
        [until.into(), now.into(), now.into(), now.into()],
    );
    let claimed = outbox_message::Entity::find()
        .from_raw_sql(statement)
        .all(&*txn)
        .await?;
    txn.commit().await?;
    Ok(claimed)
}

/// A message held by a worker: its id and the try its claim counted (the fence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub id: i32,
    pub attempt: i32,
}

impl Claim {
    pub fn of(row: &outbox_message::Model) -> Self {
        Self {
            id: row.id,
            attempt: row.attempts,
        }
    }
}

/// Only the rows still held under these claims.
fn held<Q: QueryFilter>(query: Q, claim: Claim) -> Q {
    query
        .filter(outbox_message::Column::Id.eq(claim.id))
        .filter(outbox_message::Column::Attempts.eq(claim.attempt))
        .filter(outbox_message::Column::Status.eq(OutboxStatus::Sending.as_str()))
}

/// Extends the lease of the messages still held under `claims` to `until`; returns how
/// many were still held (a message sent, failed or claimed again by another is not).
pub async fn renew(db: &Db, claims: &[Claim], until: DateTime<Utc>) -> Result<u64, DbErr> {
    let txn = db.begin_write().await?;
    let mut renewed = 0;
    for claim in claims {
        renewed += held(outbox_message::Entity::update_many(), *claim)
            .col_expr(outbox_message::Column::LeaseUntil, Some(until).into())
            .exec(&*txn)
            .await?
            .rows_affected;
    }
    txn.commit().await?;
    Ok(renewed)
}

/// Records that held messages went out, in one transaction; returns the claims that were
/// lost meanwhile (for which nothing was written).
pub async fn mark_sent(db: &Db, claims: &[Claim]) -> Result<Vec<Claim>, DbErr> {
    if claims.is_empty() {
        return Ok(Vec::new());
    }
    let now = Utc::now();
    let txn = db.begin_write().await?;
    let mut lost = Vec::new();
    for claim in claims {
        let result = held(outbox_message::Entity::update_many(), *claim)
            .col_expr(
                outbox_message::Column::Status,
                OutboxStatus::Sent.as_str().into(),
            )
            .col_expr(outbox_message::Column::SentAt, Some(now).into())
            .col_expr(
                outbox_message::Column::LeaseUntil,
                Option::<DateTime<Utc>>::None.into(),
            )
            .col_expr(
                outbox_message::Column::LastError,
                Option::<String>::None.into(),
            )
            .col_expr(outbox_message::Column::UpdatedAt, now.into())
            .exec(&*txn)
            .await?;
        if result.rows_affected != 1 {
            lost.push(*claim);
        }
    }
    txn.commit().await?;
    Ok(lost)
}

/// Records a failed try of a held message: back to the queue after `retry_in`, or
/// `failed` for good; false (and nothing written) when the claim was lost meanwhile.
pub async fn mark_failed(
    db: &Db,
    claim: Claim,
    error: &str,
    retry_in: Option<Duration>,
) -> Result<bool, DbErr> {
    let now = Utc::now();
    let status = if retry_in.is_some() {
        OutboxStatus::Queued
    } else {
        OutboxStatus::Failed
    };
    let txn = db.begin_write().await?;
    let result = held(outbox_message::Entity::update_many(), claim)
        .col_expr(outbox_message::Column::Status, status.as_str().into())
        .col_expr(
            outbox_message::Column::LastError,
            Some(error.chars().take(2000).collect::<String>()).into(),
        )
        .col_expr(
            outbox_message::Column::NotBefore,
            (now + retry_in.unwrap_or_default()).into(),
        )
        .col_expr(
            outbox_message::Column::LeaseUntil,
            Option::<DateTime<Utc>>::None.into(),
        )
        .col_expr(outbox_message::Column::UpdatedAt, now.into())
        .exec(&*txn)
        .await?;
    txn.commit().await?;
    Ok(result.rows_affected == 1)
}

#[derive(Debug, Default)]
pub struct OutboxFilter {
    pub status: Option<OutboxStatus>,
    pub kind: Option<MailKind>,
    pub event_id: Option<i32>,
    pub person_id: Option<i32>,
}

/// Messages, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &OutboxFilter,
    page: Pagination,
) -> Result<(Vec<outbox_message::Model>, u64), DbErr> {
    let mut query = outbox_message::Entity::find();
    if let Some(status) = filter.status {
        query = query.filter(outbox_message::Column::Status.eq(status.as_str()));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(outbox_message::Column::Kind.eq(kind.as_str()));
    }
    if let Some(id) = filter.event_id {
        query = query.filter(outbox_message::Column::EventId.eq(id));
    }
    if let Some(id) = filter.person_id {
        query = query.filter(outbox_message::Column::PersonId.eq(id));
    }
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_desc(outbox_message::Column::Id)
        .limit(page.limit)
        .offset(page.offset)
        .all(db)
        .await?;
    Ok((items, total))
}

/// How many messages wait, by status (for the workspace).
pub async fn count_by_status(
    db: &impl ConnectionTrait,
    status: OutboxStatus,
) -> Result<u64, DbErr> {
    count_by_status_of_kind(db, status, None).await
}

/// How many messages of a kind (any kind for `None`) have a status.
pub async fn count_by_status_of_kind(
    db: &impl ConnectionTrait,
    status: OutboxStatus,
    kind: Option<MailKind>,
) -> Result<u64, DbErr> {
    let mut query =
        outbox_message::Entity::find().filter(outbox_message::Column::Status.eq(status.as_str()));
    if let Some(kind) = kind {
        query = query.filter(outbox_message::Column::Kind.eq(kind.as_str()));
    }
    query.count(db).await
}

/// The name an erased recipient's messages keep, in place of theirs and of their content.
pub const ERASED: &str = "(erased)";

/// Forgets a recipient of an event's messages (a registrant erasing their data): queued
/// messages to them are dropped, sent or failed ones keep no name, address or content.
pub async fn erase_recipient(
    db: &impl ConnectionTrait,
    event_id: i32,
    email: &str,
    replacement: &str,
) -> Result<(), DbErr> {
    outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::EventId.eq(event_id))
        .filter(outbox_message::Column::RecipientEmail.eq(email))
        .filter(outbox_message::Column::Status.is_in([
            OutboxStatus::Queued.as_str(),
            OutboxStatus::Sending.as_str(),
        ]))
        .exec(db)
        .await?;
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::RecipientEmail, replacement.into())
        .col_expr(outbox_message::Column::RecipientName, ERASED.into())
        .col_expr(outbox_message::Column::TextBody, ERASED.into())
        .col_expr(outbox_message::Column::HtmlBody, ERASED.into())
        .col_expr(outbox_message::Column::Ics, Option::<String>::None.into())
        .filter(outbox_message::Column::EventId.eq(event_id))
        .filter(outbox_message::Column::RecipientEmail.eq(email))
        .exec(db)
        .await?;
    Ok(())
}
