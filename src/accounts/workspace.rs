//! The workspace's accounts page (`/organize/accounts`): every account with its role,
//! status and last sign-in; inviting an account by email; changing a role; disabling
//! and enabling; sending the set-up mail again; and, beside them, the membership
//! applications waiting for a decision. And, on a session's workspace page, whether its
//! rapporteurs can sign in, with the one-click invitation of those who cannot.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::pages::{field_errors, role_label, said};
use super::service::{self, AccountChange, Invite, InviteReason};
use super::{AccountStatus, Language, Role};
use crate::app::AppState;
use crate::error::{AppError, FieldError};
use crate::members::{ApplicationOut, ApplicationStatus, store as applications};
use crate::web::forms::{Field, Kind, Section, Values, attach_errors};
use crate::web::pages::Workspace;
use crate::web::pages::{
    FormData, PagePath as Path, PageResult, error_with, redirect_with_flash, render,
};
use crate::web::{Actor, ListQuery, Pagination, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/accounts", get(accounts).post(invite))
        .route("/organize/accounts/{id}", post(change))
        .route(
            "/organize/sessions/{id}/rapporteurs/{person_id}/invite",
            post(invite_rapporteur),
        )
}

pub struct AccountLine {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub status: AccountStatus,
    pub last_sign_in: String,
    pub person_url: Option<String>,
    /// The roles this organizer may give this account (empty: not theirs to change).
    pub roles: Vec<Role>,
    pub is_self: bool,
}

impl AccountLine {
    pub fn manageable(&self) -> bool {
        !self.roles.is_empty()
    }
}

pub struct ApplicationLine {
    pub a: ApplicationOut,
    pub name: String,
    /// The country's name.
    pub country: Option<&'static str>,
    pub received: String,
    pub decided: String,
}

#[derive(Template)]
#[template(path = "accounts/workspace.html")]
struct AccountsPage {
    ctx: crate::web::pages::Ctx,
    accounts: Vec<AccountLine>,
    total: u64,
    filter: String,
    invite: Vec<Field>,
    invite_errors: bool,
    pending: Vec<ApplicationLine>,
    decided: Vec<ApplicationLine>,
}

/// "8 Dec 2026, 14:05 UTC", "8 décembre 2026, 14:05 UTC", or "never" in `lang`.
fn moment(lang: Language, at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    match at {
        None => crate::i18n::t(lang, "acc-never"),
        Some(at) if lang == Language::En => at.format("%-d %b %Y, %H:%M UTC").to_string(),
        Some(at) => format!(
            "{}, {} UTC",
            crate::i18n::dates::long(lang, at.date_naive()),
            at.format("%H:%M")
        ),
    }
}

/// The roles an actor may give.
fn grantable(actor: &Actor) -> Vec<Role> {
    Role::ALL
        .iter()
        .copied()
        .filter(|r| actor.role.may_manage(*r))
        .collect()
}

fn invite_fields(
    lang: Language,
    actor: &Actor,
    values: &Values,
    errors: &[FieldError],
) -> Vec<Field> {
    let t = |id: &str| crate::i18n::t(lang, id);
    let roles: Vec<(String, String)> = grantable(actor)
        .into_iter()
        .map(|r| (r.as_str().to_string(), role_label(lang, r)))
        .collect();
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new("name", &t("acc-ws-name"), Kind::Text, values)
                .required()
                .hint(&t("acc-ws-name-hint")),
            Field::new("email", &t("field-email-address"), Kind::Email, values)
                .required()
                .hint(&t("acc-ws-email-hint")),
            Field::new("role", &t("acc-ws-role"), Kind::Select, values)
                .required()
                .options(None, roles),
        ],
    )];
    attach_errors(
        &mut sections,
        &field_errors(lang, errors),
        &Default::default(),
    );
    sections.remove(0).fields
}

async fn page(
    state: &AppState,
    ctx: crate::web::pages::Ctx,
    actor: &Actor,
    filter: Option<AccountStatus>,
    invite_values: &Values,
    invite_errors: &[FieldError],
) -> Result<AccountsPage, AppError> {
    let (rows, total) = service::list(
        &state.db,
        filter,
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    let lang = ctx.lang;
    let accounts = rows
        .into_iter()
        .map(|row| {
            let u = row.user;
            let roles = if actor.role.may_manage(u.role) && u.id != actor.id {
                grantable(actor)
            } else {
                Vec::new()
            };
            AccountLine {
                id: u.id,
                last_sign_in: moment(lang, u.last_sign_in_at),
                person_url: row.person_id.map(|id| format!("/organize/people/{id}")),
                is_self: u.id == actor.id,
                name: u.name,
                email: u.email,
                role: u.role,
                status: u.status,
                roles,
            }
        })
        .collect();
    let line = |a: ApplicationOut| ApplicationLine {
        name: format!("{} {}", a.given_name, a.family_name),
        country: a
            .country
            .as_deref()
            .and_then(|c| crate::domain::CountryCode::parse(c).ok())
            .map(|c| c.name()),
        received: moment(lang, Some(a.created_at)),
        decided: moment(lang, a.decided_at),
        a,
    };
    let (pending, _) = applications::list(
        state.db.conn(),
        Some(ApplicationStatus::Pending),
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    let (recent, _) = applications::list(
        state.db.conn(),
        None,
        Pagination {
            limit: 40,
            offset: 0,
        },
    )
    .await?;
    Ok(AccountsPage {
        ctx,
        accounts,
        total,
        filter: filter.map(|f| f.as_str().to_string()).unwrap_or_default(),
        invite: invite_fields(lang, actor, invite_values, invite_errors),
        invite_errors: !invite_errors.is_empty(),
        pending: pending
            .into_iter()
            .map(|a| line(ApplicationOut::from(a)))
            .collect(),
        decided: recent
            .into_iter()
            .filter(|a| a.status != ApplicationStatus::Pending)
            .take(20)
            .map(|a| line(ApplicationOut::from(a)))
            .collect(),
    })
}

async fn accounts(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    query: ListQuery,
) -> PageResult {
    let filter = query
        .get("status")
        .and_then(|s| s.parse::<AccountStatus>().ok());
    let mut values = Values::default();
    values.set("role", Some(Role::Rapporteur.as_str()));
    Ok(render(
        &page(&state, ctx, &actor, filter, &values, &[]).await?,
    ))
}

async fn invite(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, &["name", "email", "role"]);
    let outcome = match Invite::parse(
        values.opt("email").as_deref(),
        values.opt("name").as_deref(),
        values.opt("role").as_deref(),
    ) {
        Ok(invite) => {
            service::invite(
                &state.db,
                &state.settings,
                Some(&actor),
                invite,
                InviteReason::Invited,
            )
            .await
        }
        Err(err) => Err(err),
    };
    let lang = ctx.lang;
    let errors = match outcome {
        Ok(user) => {
            return Ok(redirect_with_flash(
                "/organize/accounts",
                &crate::i18n::t_texts(
                    lang,
                    "acc-ws-invited",
                    &[
                        ("name", &user.name),
                        ("role", &role_label(lang, user.role).to_lowercase()),
                        ("email", &user.email),
                    ],
                ),
            ));
        }
        Err(AppError::Invalid(errors)) => errors,
        Err(AppError::Conflict(why)) => vec![FieldError::new("email", why)],
        Err(AppError::Forbidden(why)) => vec![FieldError::new("role", why)],
        Err(err) => return Err(err.into()),
    };
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        render(&page(&state, ctx, &actor, None, &values, &errors).await?),
    )
        .into_response())
}

/// One change of an account: `action` is `role` (with `role`), `disable`, `enable` or
/// `resend`.
async fn change(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    form: FormData,
) -> Response {
    let back = "/organize/accounts";
    let id = match parse_id(&id, "account") {
        Ok(id) => id,
        Err(err) => return error_with(ctx, err),
    };
    let lang = ctx.lang;
    let said_of = |id: &str, u: &crate::entities::user::Model| {
        crate::i18n::t_texts(
            lang,
            id,
            &[
                ("name", &u.name),
                ("email", &u.email),
                ("role", &role_label(lang, u.role).to_lowercase()),
            ],
        )
    };
    let action = form.get("action").unwrap_or_default();
    let outcome = match action.as_str() {
        "resend" => service::resend_setup(&state.db, &state.settings, &actor, id)
            .await
            .map(|u| said_of("acc-ws-resent", &u)),
        "disable" | "enable" => service::change_account(
            &state.db,
            &actor,
            id,
            AccountChange {
                disabled: Some(action == "disable"),
                ..AccountChange::default()
            },
        )
        .await
        .map(|u| match u.status {
            AccountStatus::Disabled => said_of("acc-ws-disabled", &u),
            _ => said_of("acc-ws-enabled", &u),
        }),
        "role" => match form.get("role").unwrap_or_default().parse::<Role>() {
            Ok(role) => service::change_account(
                &state.db,
                &actor,
                id,
                AccountChange {
                    role: Some(role),
                    ..AccountChange::default()
                },
            )
            .await
            .map(|u| said_of("acc-ws-role-changed", &u)),
            Err(err) => Err(AppError::invalid("role", err.to_string())),
        },
        _ => Err(AppError::BadRequest("unknown action".into())),
    };
    match outcome {
        Ok(message) => redirect_with_flash(back, &message),
        Err(AppError::Conflict(why) | AppError::Forbidden(why)) => redirect_with_flash(
            back,
            &crate::i18n::t_texts(lang, "acc-ws-not-changed", &[("why", &said(lang, &why))]),
        ),
        Err(err) => error_with(ctx, err),
    }
}

// ----- A session's rapporteurs -----

/// Whether a rapporteur of the session can sign in to write the summary, and what the
/// organizer can do about it.
pub struct RapporteurAccess {
    pub person_id: i32,
    pub name: String,
    pub email: Option<String>,
    /// Their account, if their email has one: its id and status.
    pub account: Option<(i32, crate::accounts::AccountStatus)>,
}

impl RapporteurAccess {
    pub fn status(&self) -> Option<AccountStatus> {
        self.account.map(|(_, status)| status)
    }
}

/// The rapporteurs of a session and their accounts.
pub async fn rapporteur_access(
    state: &AppState,
    participants: &[crate::events::ParticipantOut],
) -> Result<Vec<RapporteurAccess>, AppError> {
    let rapporteurs: Vec<&crate::events::ParticipantOut> = participants
        .iter()
        .filter(|p| p.role == crate::events::ParticipantRole::Rapporteur)
        .collect();
    let people = crate::directory::store::people_by_id(
        state.db.conn(),
        rapporteurs.iter().map(|p| p.person_id),
    )
    .await?;
    let emails: Vec<String> = people.values().filter_map(|p| p.email.clone()).collect();
    let accounts = crate::accounts::store::users_by_emails(state.db.conn(), emails).await?;
    Ok(rapporteurs
        .into_iter()
        .map(|p| {
            let email = people
                .get(&p.person_id)
                .and_then(|person| person.email.clone());
            let account = email.as_ref().and_then(|email| {
                accounts
                    .iter()
                    .find(|a| &a.email == email)
                    .map(|a| (a.id, a.status))
            });
            RapporteurAccess {
                person_id: p.person_id,
                name: p.display_name.clone(),
                email,
                account,
            }
        })
        .collect())
}

/// Gives a rapporteur of the session who has no account one, in one click: an invited
/// rapporteur account and its set-up mail, which names the session and the due date of
/// its summary.
async fn invite_rapporteur(
    State(state): State<AppState>,
    ws: Workspace,
    Path((id, person_id)): Path<(String, String)>,
    _form: FormData,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let person_id = parse_id(&person_id, "person")?;
    let lang = ws.ctx.lang;
    let back = format!("/organize/sessions/{id}");
    let (session, event) = crate::events::read::visible_session(&state.db, id, true).await?;
    let zone = event.timezone;
    let out = crate::events::read::session_views(state.db.conn(), vec![session], zone)
        .await?
        .pop()
        .ok_or(AppError::NotFound("session"))?;
    let access = rapporteur_access(&state, &out.participants)
        .await?
        .into_iter()
        .find(|r| r.person_id == person_id)
        .ok_or(AppError::NotFound("rapporteur"))?;
    let Some(email) = access.email else {
        return Ok(redirect_with_flash(
            &back,
            &crate::i18n::t_texts(lang, "acc-rapporteur-no-email", &[("name", &access.name)]),
        ));
    };
    let invite = crate::accounts::service::Invite::parse(
        Some(&email),
        Some(&access.name),
        Some(crate::accounts::Role::Rapporteur.as_str()),
    )?;
    let message = match crate::accounts::service::invite(
        &state.db,
        &state.settings,
        Some(&ws.actor),
        invite,
        crate::accounts::service::InviteReason::Invited,
    )
    .await
    {
        Ok(user) => crate::i18n::t_texts(
            lang,
            "acc-rapporteur-invited",
            &[("name", &access.name), ("email", &user.email)],
        ),
        Err(AppError::Conflict(why)) => crate::i18n::t_texts(
            lang,
            "acc-rapporteur-not-invited",
            &[("why", &said(lang, &why))],
        ),
        Err(err) => return Err(err.into()),
    };
    Ok(redirect_with_flash(&back, &message))
}
