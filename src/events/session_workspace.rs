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
use crate::web::forms::{Field, FormPage, Kind, Section, Values, attach_errors};
use crate::web::forms::{enum_choices, form_page, refused, to_patch};
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

fn session_sections(values: &Values, zone: TimeZone) -> Vec<Section> {
    let local = format!("Local time in {}.", zone.name());
    vec![Section::new(
        "Session",
        vec![
            Field::new("title", "Title", Kind::Text, values).required(),
            Field::new("kind", "Format", Kind::Select, values)
                .options(None, enum_choices::<SessionKind>()),
            Field::new("starts_at", "Starts", Kind::DateTime, values)
                .required()
                .hint(&local),
            Field::new("ends_at", "Ends", Kind::DateTime, values)
                .required()
                .hint(&local),
            Field::new("room", "Room", Kind::Text, values),
            Field::new("capacity", "Capacity", Kind::Number, values)
                .hint("Leave empty for the room's own limit."),
            Field::new("description", "Description", Kind::TextArea, values)
                .hint("The session's question or theme."),
            Field::new("confidentiality", "Confidentiality", Kind::Select, values)
                .options(None, enum_choices::<Confidentiality>())
                .hint("Chatham House rule: the summary and the report never say who said what. Closed: only the organizers and the panel see the session; it is left out of every public page, calendar and report."),
        ],
    )]
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
    let mut page = form_page(
        ctx,
        title,
        action,
        "Save the session",
        back,
        session_sections(values, zone),
    );
    page.intro = Some(format!(
        "Times are the local time of the event ({}).",
        zone.name()
    ));
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
    let page = session_form(
        ctx,
        &format!("New session of {}", event.title),
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
            &format!(
                "The session \"{}\" was added. Now assign its chair, speakers and rapporteur.",
                session.title
            ),
        )),
        Err(err) => {
            let page = session_form(
                ctx,
                &format!("New session of {}", event.title),
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
    let page = session_form(
        ctx,
        &format!("Edit {}", session.title),
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
            &format!("The changes to \"{}\" were saved.", session.title),
        )),
        Err(err) => {
            let page = session_form(
                ctx,
                &format!("Edit {}", current.title),
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
            &format!("The session \"{}\" was deleted.", session.title),
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

async fn new_person_fields(state: &AppState, values: &Values) -> Result<Vec<Field>, AppError> {
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
    let roles = enum_choices::<ParticipantRole>();
    Ok(vec![
        Field::new("role", "Role in this session", Kind::Select, values)
            .required()
            .options(None, roles),
        Field::new("honorific", "Title", Kind::Text, values).hint("Mr, Ms, Mx, Dr, Prof, H.E. …"),
        Field::new("given_name", "Given name", Kind::Text, values).required(),
        Field::new("family_name", "Family name", Kind::Text, values).required(),
        Field::new("position", "Position", Kind::Text, values).hint("e.g. Director"),
        Field::new("organization_id", "Organization", Kind::Select, values).options(
            Some("—"),
            orgs.into_iter().map(|o| (o.id.to_string(), o.name)),
        ),
        Field::new("email", "Email", Kind::Email, values)
            .hint("Used for invitations; never shown publicly."),
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
    let conflicts: Vec<Conflict> = conflicts::report(&state.db, &event)
        .await?
        .into_iter()
        .filter(|c| c.session_ids.contains(&id))
        .collect();
    let out = super::read::session_views(state.db.conn(), vec![session], zone)
        .await?
        .pop()
        .ok_or(AppError::NotFound("session"))?;
    let line = views::session_line(&out, zone);
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
        new_person_fields(state, &new_person).await?,
    )];
    let failed = !errors.is_empty();
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
        when: format!("{}, {} ({})", line.date, line.time, zone.name()),
        room: out.room.clone(),
        participants: out.participants,
        roles: enum_choices::<ParticipantRole>(),
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
) -> Result<Response, AppError> {
    match result {
        Ok(p) => Ok(redirect_with_flash(
            &format!("/organize/sessions/{id}"),
            &format!(
                "{} was added as {}.",
                p.display_name,
                p.role.label().to_string().to_lowercase()
            ),
        )),
        Err(AppError::Conflict(message)) => Ok(redirect_with_flash(
            &format!("/organize/sessions/{id}"),
            &format!("Not added: {message}."),
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
        _ => Some(crate::error::FieldError::new("role", "must be chosen")),
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
                format!("{message}; search for them above"),
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
            "The person was removed from this session.",
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
            "The order was changed.",
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}
