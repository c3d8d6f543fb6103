//! The tracker's mail, queued by `serve` every minute: each owner is told when the review
//! of one of their items falls due (once per due date), and each organizer gets a weekly
//! digest of the items whose review is overdue (once per week). Each mail is claimed by a
//! unique row (`tracker_mails`) in the transaction that queues it, so that several `serve`
//! processes on one database send it once.

use chrono::{DateTime, Datelike, Duration, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::accounts::{AccountStatus, Role};
use crate::config::Settings;
use crate::db::{Db, MailQueue};
use crate::entities::{recommendation, tracker_mail, user};
use crate::error::{AppError, AppResult};
use crate::i18n::Language;
use crate::mail::{MailKind, outbox};
use crate::recommendations::RecommendationStatus;

/// No "review due" mail for a review due longer ago than this (items loaded afterwards).
const TOO_LATE: i64 = 14;

/// An item as a mail lists it.
#[derive(Debug, Clone)]
pub struct MailItem {
    pub text: String,
    pub addressee: String,
    pub due: String,
    pub owner: Option<String>,
    pub url: String,
}

/// What a tracker mail shows.
pub struct TrackerMail {
    pub greeting_name: String,
    pub items: Vec<MailItem>,
    pub tracker_url: String,
    pub organizer_name: String,
    /// The recipient's language (their account's preference), which the mail is written in.
    pub lang: Language,
}

impl TrackerMail {
    /// A message in the recipient's language.
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    /// A message with one argument.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        crate::i18n::t_texts(self.lang, id, &[(name, value)])
    }

    /// "Review was due on 3 June 2009; followed up by Ana." for an item of a digest.
    pub fn due_line(&self, item: &MailItem) -> String {
        match &item.owner {
            Some(owner) => crate::i18n::t_texts(
                self.lang,
                "rec-mail-digest-due-owner",
                &[("date", &item.due), ("owner", owner)],
            ),
            None => self.t1("rec-mail-digest-due-nobody", "date", &item.due),
        }
    }

    /// A message counting `count` things (the message's `$count`).
    pub fn count(&self, id: &str, count: impl std::borrow::Borrow<usize>) -> String {
        crate::i18n::t_args(self.lang, id, &[("count", (*count.borrow()).into())])
    }

    /// A message naming the organizers.
    pub fn organizers(&self, id: &str) -> String {
        crate::i18n::t_texts(self.lang, id, &[("organizer", &self.organizer_name)])
    }

    /// "Dear Ms Akello," in the recipient's language.
    pub fn dear(&self) -> String {
        crate::i18n::dear(self.lang, &self.greeting_name)
    }
}

crate::mail_templates! {
    TrackerMail;
    RecommendationReview => ReviewSubject "mail/recommendation_review/subject.txt", ReviewText "mail/recommendation_review/body.txt", ReviewHtml "mail/recommendation_review/body.html";
    RecommendationDigest => DigestSubject "mail/recommendation_digest/subject.txt", DigestText "mail/recommendation_digest/body.txt", DigestHtml "mail/recommendation_digest/body.html";
}

/// Claims the mail of `key`: true when this call is the first to claim it.
async fn claim(db: &impl ConnectionTrait, key: &str) -> Result<bool, AppError> {
    let inserted = tracker_mail::Entity::insert(tracker_mail::ActiveModel {
        key: Set(key.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(tracker_mail::Column::Key)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(inserted > 0)
}

/// Queues the review mails and digests that are due; returns how many mails.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn send_due(db: &Db, settings: &Settings, now: DateTime<Utc>) -> AppResult<usize> {
    let today = now.date_naive();
    // Items still followed up: those implemented, not taken up or superseded are done.
    let due: Vec<recommendation::Model> = recommendation::Entity::find()
        .filter(recommendation::Column::WithdrawnAt.is_null())
        .filter(recommendation::Column::NextReviewOn.lte(today))
        .filter(recommendation::Column::Status.is_in([
            RecommendationStatus::Open,
            RecommendationStatus::InProgress,
            RecommendationStatus::PartiallyImplemented,
        ]))
        .all(db.conn())
        .await?;
    if due.is_empty() {
        return Ok(0);
    }
    let accounts: Vec<user::Model> = user::Entity::find()
        .filter(user::Column::Status.eq(AccountStatus::Active))
        .all(db.conn())
        .await?;
    let account = |id: Option<i32>| id.and_then(|id| accounts.iter().find(|a| a.id == id));
    let names = crate::recommendations::addressees::names(db).await?;
    let item = |r: &recommendation::Model, lang: Language| MailItem {
        text: r.text.clone(),
        addressee: r
            .addressee_id
            .and_then(|id| names.get(&id).cloned())
            .unwrap_or_else(|| r.addressee_text.clone()),
        due: r
            .next_review_on
            .map(|on| crate::i18n::dates::long(lang, on))
            .unwrap_or_default(),
        owner: account(r.owner_id).map(|a| a.name.clone()),
        url: format!("{}/recommendations/{}", settings.public_url(), r.id),
    };
    // The mails claimed already are not tried again (a write every minute otherwise).
    let week = today.iso_week();
    let digest_key = |account: i32| format!("digest:{account}:{}-W{:02}", week.year(), week.week());
    let review_key = |r: &recommendation::Model| {
        r.next_review_on
            .map(|on| format!("review:{}:{on}", r.id))
            .unwrap_or_default()
    };
    let keys: Vec<String> = due
        .iter()
        .map(review_key)
        .chain(accounts.iter().map(|a| digest_key(a.id)))
        .collect();
    let claimed: std::collections::HashSet<String> = tracker_mail::Entity::find()
        .filter(tracker_mail::Column::Key.is_in(keys))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|m| m.key)
        .collect();
    let mut sent = 0;
    for r in &due {
        if claimed.contains(&review_key(r)) {
            continue;
        }
        let (Some(on), Some(owner)) = (r.next_review_on, account(r.owner_id)) else {
            continue;
        };
        if today - on > Duration::days(TOO_LATE) {
            continue;
        }
        let txn = db.begin_write().await?;
        if claim(&*txn, &review_key(r)).await? {
            let lang = owner.language.unwrap_or_default();
            let view = view(settings, &owner.name, vec![item(r, lang)], lang);
            send(&txn, MailKind::RecommendationReview, owner, &view).await?;
            sent += 1;
        }
        txn.commit().await?;
    }
    let overdue: Vec<&recommendation::Model> = due
        .iter()
        .filter(|r| r.next_review_on.is_some_and(|on| on < today))
        .collect();
    if overdue.is_empty() {
        return Ok(sent);
    }
    let week = today.iso_week();
    for organizer in accounts
        .iter()
        .filter(|a| a.role == Role::Organizer || a.role == Role::Admin)
    {
        let txn = db.begin_write().await?;
        let key = format!(
            "digest:{}:{}-W{:02}",
            organizer.id,
            week.year(),
            week.week()
        );
        if claim(&*txn, &key).await? {
            let lang = organizer.language.unwrap_or_default();
            let items = overdue.iter().map(|r| item(r, lang)).collect();
            let view = view(settings, &organizer.name, items, lang);
            send(&txn, MailKind::RecommendationDigest, organizer, &view).await?;
            sent += 1;
        }
        txn.commit().await?;
    }
    Ok(sent)
}

fn view(settings: &Settings, name: &str, items: Vec<MailItem>, lang: Language) -> TrackerMail {
    TrackerMail {
        lang,
        greeting_name: name.to_string(),
        items,
        tracker_url: format!("{}/organize/recommendations", settings.public_url()),
        organizer_name: settings.mail.organizer_name.clone(),
    }
}

async fn send(
    conn: &impl MailQueue,
    kind: MailKind,
    to: &user::Model,
    view: &TrackerMail,
) -> AppResult<()> {
    let rendered = render(kind, view)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("mail template: {err}")))?;
    outbox::enqueue_plain(conn, kind, (&to.email, &to.name), rendered).await?;
    Ok(())
}
