//! Workspace pages for sessions: their form, and the people of a session: find a person
//! or create one on the way, assign them in a role, reorder, remove; with the event's
//! conflicts shown as they arise.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::AppState;
use crate::directory::{PersonInput, service as directory_service, store as directory_store};
use crate::domain::TimeZone;
use crate::error::AppError;
use crate::events::conflicts::{self, Conflict};
use crate::events::views::{self, EventCard};
use crate::events::{
    Confidentiality, ParticipantInput, ParticipantOut, ParticipantRole, SeriesRef, SessionInput,
    SessionKind, service,
};
use crate::i18n::{Language, t, t_texts};
use crate::web::forms::{Field, FormPage, Kind, Section, Values, attach_errors};
use crate::web::forms::{form_page, refused, term_choices, to_patch};
use crate::web::pages::PagePath as Path;
use crate::web::pages::Workspace;
use crate::web::pages::{Ctx, FormData, PageResult, error_with, redirect_with_flash, render};
use crate::web::{ListQuery, Pagination, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/organize/events/{event}/sessions/new",
            get(new_session).post(create_session),
        )
        .route("/organize/sessions/{id}", get(manage_session))
        .route(
            "/organize/sessions/{id}/edit",
            get(edit_session).post(update_session),
        )
        .route("/organize/sessions/{id}/delete", post(delete_session))
        .route(
            "/organize/sessions/{id}/participants",
            post(add_participant),
        )
        .route(
            "/organize/sessions/{id}/participants/new",
            post(add_new_person),
        )
        .route(
            "/organize/sessions/{id}/participants/{person_id}/remove",
            post(remove_participant),
        )
        .route(
            "/organize/sessions/{id}/participants/{person_id}/move",
            post(move_participant),
        )
}

const SESSION_FIELDS: &[&str] = &[
    "title",
    "kind",
    "description",
    "starts_at",
    "ends_at",
    "room",
    "capacity",
    "confidentiality",
];

fn session_sections(values: &Values, zone: TimeZone, lang: Language) -> Vec<Section> {
    let local = t_texts(lang, "ses-local-time-hint", &[("zone", zone.name())]);
    vec![Section::new(
        &t(lang, "ses-legend"),
        vec![
            Field::new("title", &t(lang, "form-title"), Kind::Text, values).required(),
            Field::new("kind", &t(lang, "ses-format"), Kind::Select, values)
                .options(None, term_choices::<SessionKind>(lang, "session-kind")),
            Field::new("starts_at", &t(lang, "ses-starts"), Kind::DateTime, values)
                .required()
                .hint(&local),
            Field::new("ends_at", &t(lang, "ses-ends"), Kind::DateTime, values)
                .required()
                .hint(&local),
            Field::new("room", &t(lang, "ses-room"), Kind::Text, values),
            Field::new("capacity", &t(lang, "form-capacity"), Kind::Number, values)
                .hint(&t(lang, "ses-capacity-hint")),
            Field::new(
                "description",
                &t(lang, "form-description"),
                Kind::TextArea,
                values,
            )
            .hint(&t(lang, "ses-description-hint")),
            Field::new(
                "confidentiality",
                &t(lang, "ses-confidentiality"),
                Kind::Select,
                values,
            )
            .options(
                None,
                term_choices::<Confidentiality>(lang, "ses-confidentiality"),
            )
            .hint(&t(lang, "ses-confidentiality-hint")),
        ],
    )]
}

/// Every participant's role for a select, in `lang` ("Chair", "Presidencia").
fn role_choices(lang: Language) -> Vec<(String, String)> {
    use crate::domain::Vocabulary;
    ParticipantRole::all()
        .iter()
        .map(|r| (r.value().to_string(), crate::i18n::role(lang, r.value(), 1)))
        .collect()
}

fn session_input(values: &Values) -> SessionInput {
    SessionInput {
        title: values.opt("title"),
        kind: values.opt("kind"),
        description: values.opt("description"),
        starts_at: values.opt("starts_at"),
        ends_at: values.opt("ends_at"),
        room: values.opt("room"),
        capacity: values.opt("capacity").map(|c| c.parse().unwrap_or(0)),
        confidentiality: values.opt("confidentiality"),
        // Edited beside the original, on the event's translations page.
        translations: None,
    }
}

fn session_form(
    ctx: Ctx,
    title: &str,
    action: String,
    back: (String, String),
    values: &Values,
    zone: TimeZone,
) -> FormPage {
    let lang = ctx.lang;
    let mut page = form_page(
        ctx,
        title,
        action,
        &t(lang, "ses-save"),
        back,
        session_sections(values, zone, lang),
    );
    page.intro = Some(t_texts(lang, "ses-intro", &[("zone", zone.name())]));
    page
}

async fn new_session(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(reference): Path<String>,
) -> PageResult {
    let event = super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let zone = event.timezone;
    let mut values = Values::default();
    values.set("kind", Some("panel"));
    values.set("starts_at", Some(format!("{}T09:00", event.starts_on)));
    values.set("ends_at", Some(format!("{}T10:30", event.starts_on)));
    let title = t_texts(ctx.lang, "ses-new-title", &[("title", &event.title)]);
    let page = session_form(
        ctx,
        &title,
        format!("/organize/events/{}/sessions/new", event.slug),
        (
            format!("/organize/events/{}", event.slug),
            event.title.clone(),
        ),
        &values,
        zone,
    );
    Ok(render(&page))
}

async fn create_session(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(reference): Path<String>,
    form: FormData,
) -> PageResult {
    let event = super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let values = Values::from_form(&form, SESSION_FIELDS);
    match service::create_session(
        &state.db,
        &actor,
        &SeriesRef::Id(event.id),
        session_input(&values),
    )
    .await
    {
        Ok((session, _)) => Ok(redirect_with_flash(
            &format!("/organize/sessions/{}", session.id),
            &t_texts(ctx.lang, "ses-added", &[("title", &session.title)]),
        )),
        Err(err) => {
            let title = t_texts(ctx.lang, "ses-new-title", &[("title", &event.title)]);
            let page = session_form(
                ctx,
                &title,
                format!("/organize/events/{}/sessions/new", event.slug),
                (
                    format!("/organize/events/{}", event.slug),
                    event.title.clone(),
                ),
                &values,
                event.timezone,
            );
            Ok(refused(page, err, &HashMap::new()))
        }
    }
}

async fn edit_session(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let (session, event) = super::read::visible_session(&state.db, id, true).await?;
    let zone = event.timezone;
    let mut values = Values::of(&SessionInput::from_model(&session, zone));
    // `datetime-local` inputs take the wall time without its offset.
    for name in ["starts_at", "ends_at"] {
        let local: String = values.get(name).chars().take(16).collect();
        values.set(name, Some(local));
    }
    let title = t_texts(ctx.lang, "form-edit-title", &[("title", &session.title)]);
    let page = session_form(
        ctx,
        &title,
        format!("/organize/sessions/{id}/edit"),
        (format!("/organize/sessions/{id}"), session.title.clone()),
        &values,
        zone,
    );
    Ok(render(&page))
}

async fn update_session(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let (current, event) = super::read::visible_session(&state.db, id, true).await?;
    let values = Values::from_form(&form, SESSION_FIELDS);
    match service::update_session(&state.db, &state.settings, &actor, id, {
        let mut patch = to_patch(&session_input(&values));
        patch.remove("translations");
        patch
    })
    .await
    {
        Ok((session, _)) => Ok(redirect_with_flash(
            &format!("/organize/sessions/{id}"),
            &t_texts(ctx.lang, "form-changes-saved", &[("title", &session.title)]),
        )),
        Err(err) => {
            let title = t_texts(ctx.lang, "form-edit-title", &[("title", &current.title)]);
            let page = session_form(
                ctx,
                &title,
                format!("/organize/sessions/{id}/edit"),
                (format!("/organize/sessions/{id}"), current.title.clone()),
                &values,
                event.timezone,
            );
            Ok(refused(page, err, &HashMap::new()))
        }
    }
}

async fn delete_session(
    State(state): State<AppState>,
    ws: Workspace,
    Path(id): Path<String>,
    _form: FormData,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let (session, event) = super::read::visible_session(&state.db, id, true).await?;
    match service::delete_session(&state.db, &state.settings, &ws.actor, id).await {
        Ok(()) => Ok(redirect_with_flash(
            &format!("/organize/events/{}", event.slug),
            &t_texts(ws.ctx.lang, "ses-deleted", &[("title", &session.title)]),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

pub struct PersonMatch {
    pub id: i32,
    pub line: String,
}

#[derive(Template)]
#[template(path = "events/session_workspace.html")]
struct SessionPage {
    ctx: Ctx,
    event: EventCard,
    id: i32,
    title: String,
    when: String,
    room: Option<String>,
    participants: Vec<ParticipantOut>,
    roles: Vec<(String, String)>,
    query: String,
    matches: Vec<PersonMatch>,
    searched: bool,
    new_person: Vec<Field>,
    new_person_errors: Vec<String>,
    conflicts: Vec<Conflict>,
    rapporteurs: Vec<crate::accounts::workspace::RapporteurAccess>,
}

impl SessionPage {
    /// The session has a rapporteur, whose summary organizers can open.
    pub fn has_rapporteur(&self) -> bool {
        self.participants
            .iter()
            .any(|p| p.role == crate::events::ParticipantRole::Rapporteur)
    }

    pub fn line(&self, p: &ParticipantOut) -> String {
        views::protocol_line(p)
    }

    /// A message of the page naming a person: `name`, and `email` when it takes one.
    pub fn about(&self, id: &str, name: &str, email: &str) -> String {
        t_texts(self.ctx.lang, id, &[("name", name), ("email", email)])
    }
}

const PERSON_FIELDS: &[&str] = &[
    "honorific",
    "given_name",
    "family_name",
    "position",
    "organization_id",
    "email",
    "role",
];

async fn new_person_fields(
    state: &AppState,
    values: &Values,
    lang: Language,
) -> Result<Vec<Field>, AppError> {
    let filter = directory_store::OrganizationFilter::default();
    let (orgs, _) = directory_store::list_organizations(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    Ok(vec![
        Field::new(
            "role",
            &t(lang, "ses-role-in-session"),
            Kind::Select,
            values,
        )
        .required()
        .options(None, role_choices(lang)),
        Field::new("honorific", &t(lang, "ses-honorific"), Kind::Text, values)
            .hint(&t(lang, "ses-honorific-hint")),
        Field::new(
            "given_name",
            &t(lang, "field-given-name"),
            Kind::Text,
            values,
        )
        .required(),
        Field::new(
            "family_name",
            &t(lang, "field-family-name"),
            Kind::Text,
            values,
        )
        .required(),
        Field::new("position", &t(lang, "ses-position"), Kind::Text, values)
            .hint(&t(lang, "ses-position-hint")),
        Field::new(
            "organization_id",
            &t(lang, "field-organization"),
            Kind::Select,
            values,
        )
        .options(
            Some("—"),
            orgs.into_iter().map(|o| (o.id.to_string(), o.name)),
        ),
        Field::new(
            "email",
            &t(lang, "field-email-address"),
            Kind::Email,
            values,
        )
        .hint(&t(lang, "ses-email-hint")),
    ])
}

async fn session_page(
    state: &AppState,
    ctx: Ctx,
    id: i32,
    query: Option<String>,
    new_person: Values,
    errors: Vec<crate::error::FieldError>,
) -> Result<Response, AppError> {
    let (session, event) = super::read::visible_session(&state.db, id, true).await?;
    let zone = event.timezone;
    let conflicts: Vec<Conflict> = conflicts::report_in(&state.db, &event, ctx.lang)
        .await?
        .into_iter()
        .filter(|c| c.session_ids.contains(&id))
        .collect();
    let out = super::read::session_views(state.db.conn(), vec![session], zone)
        .await?
        .pop()
        .ok_or(AppError::NotFound("session"))?;
    let line = views::session_line(&out, zone);
    // The day as the page's language writes it (English keeps the line's own).
    let date = match views::local_day(&out, zone) {
        Some(day) if ctx.lang != Language::En => crate::i18n::dates::with_weekday(ctx.lang, day),
        _ => line.date.clone(),
    };
    let mut matches = Vec::new();
    if let Some(q) = &query {
        let filter = directory_store::PersonFilter {
            q: Some(q.clone()),
            organization_id: None,
        };
        let (people, _) = directory_store::list_people(
            state.db.conn(),
            &filter,
            Pagination {
                limit: 20,
                offset: 0,
            },
        )
        .await?;
        for person in directory_service::with_organizations(&state.db, people, true).await? {
            matches.push(PersonMatch {
                id: person.id,
                line: views::protocol(&person.display_name, &person.affiliation),
            });
        }
    }
    let mut fields = vec![Section::new(
        "",
        new_person_fields(state, &new_person, ctx.lang).await?,
    )];
    let failed = !errors.is_empty();
    let errors = crate::i18n::fields::translated(ctx.lang, &errors);
    let unshown = attach_errors(&mut fields, &errors, &HashMap::new());
    let event_card = super::read::event_views(&state.db, vec![event])
        .await?
        .remove(0);
    let rapporteurs =
        crate::accounts::workspace::rapporteur_access(state, &out.participants).await?;
    let page = SessionPage {
        rapporteurs,
        event: EventCard::from(&event_card),
        id,
        title: out.title.clone(),
        when: format!("{date}, {} ({})", line.time, zone.name()),
        room: out.room.clone(),
        participants: out.participants,
        roles: role_choices(ctx.lang),
        searched: query.is_some(),
        query: query.unwrap_or_default(),
        matches,
        new_person: fields.remove(0).fields,
        new_person_errors: unshown,
        conflicts,
        ctx,
    };
    let status = if failed {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, render(&page)).into_response())
}

async fn manage_session(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(id): Path<String>,
    query: ListQuery,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let mut values = Values::default();
    values.set("role", Some(ParticipantRole::Speaker.as_str()));
    Ok(session_page(
        &state,
        ctx,
        id,
        query.get("q").map(str::to_string),
        values,
        Vec::new(),
    )
    .await?)
}

fn participant_message(
    result: Result<ParticipantOut, AppError>,
    id: i32,
    lang: Language,
) -> Result<Response, AppError> {
    match result {
        Ok(p) => Ok(redirect_with_flash(
            &format!("/organize/sessions/{id}"),
            &t_texts(
                lang,
                "ses-participant-added",
                &[
                    ("name", &p.display_name),
                    (
                        "role",
                        &crate::i18n::role_in_sentence(lang, p.role.as_str()),
                    ),
                ],
            ),
        )),
        Err(AppError::Conflict(message)) => Ok(redirect_with_flash(
            &format!("/organize/sessions/{id}"),
            &t_texts(lang, "ses-not-added", &[("reason", &message)]),
        )),
        Err(err) => Err(err),
    }
}

async fn add_participant(
    State(state): State<AppState>,
    ws: Workspace,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let input = ParticipantInput {
        person_id: form.get("person_id").and_then(|p| p.parse().ok()),
        role: form.get("role"),
        position: None,
    };
    match participant_message(
        service::add_participant(&state.db, &ws.actor, id, input).await,
        id,
        ws.ctx.lang,
    ) {
        Ok(response) => Ok(response),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

async fn add_new_person(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    super::read::visible_session(&state.db, id, true).await?;
    let values = Values::from_form(&form, PERSON_FIELDS);
    let role = values.opt("role");
    let mut person = PersonInput {
        honorific: values.opt("honorific"),
        given_name: values.opt("given_name"),
        family_name: values.opt("family_name"),
        email: values.opt("email"),
        position: values.opt("position"),
        organization_id: values
            .opt("organization_id")
            .map(|o| o.parse().unwrap_or(-1)),
        country: None,
        bio: None,
        language: None,
    };
    // Check the role before creating anyone, so a refused form creates nothing.
    let role_error = match role.as_deref().map(str::parse::<ParticipantRole>) {
        Some(Ok(_)) => None,
        _ => Some(crate::error::FieldError::new(
            "role",
            t(ctx.lang, "ses-must-be-chosen"),
        )),
    };
    let created = match (role_error, person_validated(&mut person)) {
        (None, Ok(valid)) => directory_service::create_person(&state.db, Some(&actor), valid).await,
        (role_error, result) => {
            let mut errors: Vec<_> = role_error.into_iter().collect();
            if let Err(AppError::Invalid(e)) = result {
                errors.extend(e);
            }
            return Ok(session_page(&state, ctx, id, None, values, errors).await?);
        }
    };
    let created = match created {
        Ok(created) => created,
        Err(AppError::Conflict(message)) => {
            let errors = vec![crate::error::FieldError::new(
                "email",
                t_texts(ctx.lang, "ses-search-above", &[("reason", &message)]),
            )];
            return Ok(session_page(&state, ctx, id, None, values, errors).await?);
        }
        Err(AppError::Invalid(errors)) => {
            return Ok(session_page(&state, ctx, id, None, values, errors).await?);
        }
        Err(err) => return Ok(error_with(ctx, err)),
    };
    let input = ParticipantInput {
        person_id: Some(created.id),
        role,
        position: None,
    };
    match participant_message(
        service::add_participant(&state.db, &actor, id, input).await,
        id,
        ctx.lang,
    ) {
        Ok(response) => Ok(response),
        Err(err) => Ok(error_with(ctx, err)),
    }
}

fn person_validated(input: &mut PersonInput) -> Result<crate::directory::Person, AppError> {
    std::mem::take(input).validate()
}

async fn remove_participant(
    State(state): State<AppState>,
    ws: Workspace,
    Path((id, person_id)): Path<(String, String)>,
    _form: FormData,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let person_id = parse_id(&person_id, "participant")?;
    match service::remove_participant(&state.db, &ws.actor, id, person_id).await {
        Ok(()) => Ok(redirect_with_flash(
            &format!("/organize/sessions/{id}"),
            &t(ws.ctx.lang, "ses-person-removed"),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

async fn move_participant(
    State(state): State<AppState>,
    ws: Workspace,
    Path((id, person_id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let id = parse_id(&id, "session")?;
    let person_id = parse_id(&person_id, "participant")?;
    let Some(role) = form
        .get("role")
        .and_then(|r| r.parse::<ParticipantRole>().ok())
    else {
        return Ok(error_with(ws.ctx, AppError::invalid("role", "is required")));
    };
    let up = form.get("direction").as_deref() == Some("up");
    match service::move_participant(&state.db, &ws.actor, id, person_id, role, up).await {
        Ok(()) => Ok(redirect_with_flash(
            &format!("/organize/sessions/{id}"),
            &t(ws.ctx.lang, "ses-order-changed"),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}
