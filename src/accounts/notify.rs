//! The accounts' mails: the set-up link of an invited account (naming, for a rapporteur,
//! the sessions and due dates of their summaries), the password-reset link, the
//! organizers' notice of a membership application and the applicant's polite refusal.
//! Links are secrets: they are written into the mail and nowhere else in clear.

use crate::db::MailQueue;
use chrono::{DateTime, Utc};

use super::service::InviteReason;
use super::{Role, TokenPurpose};
use crate::config::Settings;
use crate::db::Db;
use crate::entities::{membership_application, user};
use crate::error::{AppError, AppResult};
use crate::mail::{MailKind, outbox};

/// A session of which the invited rapporteur writes the summary.
#[derive(Debug, Clone)]
pub struct RapporteurSession {
    pub session_title: String,
    pub event_title: String,
    pub when: String,
    pub due: String,
}

/// What an account mail may show.
pub struct AccountMail {
    pub greeting_name: String,
    pub email: String,
    pub role_label: String,
    pub invited_by: Option<String>,
    pub approved_application: bool,
    pub link_url: String,
    pub link_expires: String,
    pub sign_in_url: String,
    pub site_url: String,
    pub sessions: Vec<RapporteurSession>,
    pub organization: String,
    pub country: Option<String>,
    pub note: Option<String>,
    pub organizer_name: String,
    /// The recipient's language, which the mail is written in: the account's (the
    /// set-up and reset mails), English where it is not known (an applicant's refusal,
    /// the organizers' mailbox).
    pub lang: crate::i18n::Language,
}

impl AccountMail {
    /// A message in the mail's language.
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    /// A message with one text argument.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        crate::i18n::t_texts(self.lang, id, &[(name, value)])
    }

    /// A message in the account's language, with arguments.
    pub fn ta(&self, id: &str, args: &[(&'static str, &str)]) -> String {
        crate::i18n::t_texts(self.lang, id, args)
    }

    /// "Dear Ana Ñúñez," in the account's language.
    pub fn dear(&self) -> String {
        crate::i18n::dear(self.lang, &self.greeting_name)
    }
}

crate::mail_templates! {
    AccountMail;
    AccountSetup => SetupSubject "mail/account_setup/subject.txt", SetupText "mail/account_setup/body.txt", SetupHtml "mail/account_setup/body.html";
    PasswordReset => ResetSubject "mail/password_reset/subject.txt", ResetText "mail/password_reset/body.txt", ResetHtml "mail/password_reset/body.html";
    MembershipApplication => ApplicationSubject "mail/membership_application/subject.txt", ApplicationText "mail/membership_application/body.txt", ApplicationHtml "mail/membership_application/body.html";
    MembershipRejected => RejectedSubject "mail/membership_rejected/subject.txt", RejectedText "mail/membership_rejected/body.txt", RejectedHtml "mail/membership_rejected/body.html";
}

/// The page a single-use link opens.
pub fn link_url(settings: &Settings, purpose: TokenPurpose, token: &str) -> String {
    format!(
        "{}/account/{}/{token}",
        settings.public_url(),
        purpose.as_str()
    )
}

/// "8 December 2026, 14:05 UTC": accounts have no time zone of their own.
fn moment(at: DateTime<Utc>) -> String {
    at.format("%-d %B %Y, %H:%M UTC").to_string()
}

/// The same in `lang`: "8 décembre 2026, 14:05 UTC".
fn moment_in(lang: crate::i18n::Language, at: DateTime<Utc>) -> String {
    if lang == crate::i18n::Language::En {
        return moment(at);
    }
    format!(
        "{}, {} UTC",
        crate::i18n::dates::long(lang, at.date_naive()),
        at.format("%H:%M")
    )
}

/// What the set-up mail tells beyond the link: the language it is written in (the
/// account's preference, else that of the directory person with its email), and for a
/// rapporteur the sessions whose summaries they write (found through that person).
#[derive(Debug, Default)]
pub struct SetupContext {
    pub sessions: Vec<RapporteurSession>,
    pub language: Option<crate::i18n::Language>,
}

impl SetupContext {
    pub async fn of(db: &Db, settings: &Settings, email: &str, role: Role) -> AppResult<Self> {
        let person = crate::directory::store::person_by_email(db.conn(), email).await?;
        let account = super::store::user_by_email(db.conn(), email).await?;
        let language = account
            .and_then(|a| a.language)
            .or_else(|| person.as_ref().and_then(|p| p.language));
        let Some(person) = person.filter(|_| role == Role::Rapporteur) else {
            return Ok(Self {
                sessions: Vec::new(),
                language,
            });
        };
        let lang = language.unwrap_or_default();
        let assignments =
            crate::summaries::service::assignments(db, settings, Some(person.id), None).await?;
        let sessions = assignments
            .into_iter()
            .filter(|a| a.status != crate::summaries::SummaryStatus::Approved)
            .map(|a| session_in(lang, a))
            .collect();
        Ok(Self { sessions, language })
    }
}

/// A session of a rapporteur's as their set-up mail shows it in `lang`.
fn session_in(
    lang: crate::i18n::Language,
    a: crate::summaries::service::Assignment,
) -> RapporteurSession {
    use crate::summaries::notify::{due_label_in, session_title_in};
    RapporteurSession {
        when: crate::summaries::pages::when_in(lang, &a.event, &a.session),
        due: due_label_in(lang, &a.event, a.due),
        session_title: session_title_in(&a.event, &a.session, lang),
        event_title: a.event.title_in(lang),
    }
}

fn view(settings: &Settings, user_name: &str, email: &str) -> AccountMail {
    AccountMail {
        greeting_name: user_name.to_string(),
        email: email.to_string(),
        role_label: String::new(),
        invited_by: None,
        approved_application: false,
        link_url: String::new(),
        link_expires: String::new(),
        sign_in_url: format!("{}/login", settings.public_url()),
        site_url: format!("{}/", settings.public_url()),
        sessions: Vec::new(),
        organization: String::new(),
        country: None,
        note: None,
        organizer_name: settings.mail.organizer_name.clone(),
        lang: crate::i18n::Language::En,
    }
}

async fn send(
    conn: &impl MailQueue,
    kind: MailKind,
    to: (&str, &str),
    view: &AccountMail,
) -> AppResult<()> {
    let rendered = render(kind, view)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("mail template: {err}")))?;
    outbox::enqueue_plain(conn, kind, to, rendered).await?;
    Ok(())
}

/// Queues the "set up your account" mail with its single-use link.
#[allow(clippy::too_many_arguments)]
pub async fn queue_setup(
    conn: &impl MailQueue,
    settings: &Settings,
    user: &user::Model,
    token: &str,
    expires: DateTime<Utc>,
    invited_by: Option<&str>,
    reason: InviteReason,
    context: &SetupContext,
) -> AppResult<()> {
    let mut v = view(settings, &user.name, &user.email);
    v.lang = user.language.or(context.language).unwrap_or_default();
    v.role_label = crate::i18n::term(v.lang, "acc-role", user.role.as_str()).to_lowercase();
    v.invited_by = invited_by.map(str::to_string);
    v.approved_application = reason == InviteReason::ApplicationApproved;
    v.link_url = link_url(settings, TokenPurpose::Setup, token);
    v.link_expires = moment_in(v.lang, expires);
    v.sessions = context.sessions.clone();
    send(conn, MailKind::AccountSetup, (&user.email, &user.name), &v).await
}

/// Queues the password-reset mail with its single-use link.
pub async fn queue_reset(
    conn: &impl MailQueue,
    settings: &Settings,
    user: &user::Model,
    token: &str,
    expires: DateTime<Utc>,
) -> AppResult<()> {
    let mut v = view(settings, &user.name, &user.email);
    v.lang = user.language.unwrap_or_default();
    v.link_url = link_url(settings, TokenPurpose::Reset, token);
    v.link_expires = moment_in(v.lang, expires);
    send(conn, MailKind::PasswordReset, (&user.email, &user.name), &v).await
}

fn applicant_name(a: &membership_application::Model) -> String {
    format!("{} {}", a.given_name, a.family_name)
}

/// Tells the organizers' mailbox of a new membership application.
pub async fn queue_application(
    conn: &impl MailQueue,
    settings: &Settings,
    application: &membership_application::Model,
) -> AppResult<()> {
    let address = settings.mail.organizer_address.trim();
    if address.is_empty() {
        return Ok(());
    }
    let mut v = view(settings, &applicant_name(application), &application.email);
    v.organization = application.organization.clone();
    v.country = application.country.as_deref().map(|c| {
        crate::domain::CountryCode::parse(c)
            .map(|code| code.name().to_string())
            .unwrap_or_else(|_| c.to_string())
    });
    v.note = application.motivation.clone();
    v.link_url = format!("{}/organize/accounts#applications", settings.public_url());
    send(
        conn,
        MailKind::MembershipApplication,
        (address, &settings.mail.organizer_name),
        &v,
    )
    .await
}

/// Tells an applicant, politely, that their application was not accepted.
pub async fn queue_rejected(
    conn: &impl MailQueue,
    settings: &Settings,
    application: &membership_application::Model,
) -> AppResult<()> {
    let name = applicant_name(application);
    let mut v = view(settings, &name, &application.email);
    v.note = application.decision_note.clone();
    v.lang = application.language.unwrap_or_default();
    send(
        conn,
        MailKind::MembershipRejected,
        (&application.email, &name),
        &v,
    )
    .await
}
