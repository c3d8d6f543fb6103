//! The public pages of people and organizations: who someone is, the panels they sat on
//! and the summaries they wrote as rapporteur; what an organization organized, who of it
//! spoke, and what it published. Only what the public already sees elsewhere: a person
//! has a page once they sit on a panel of a public session, an organization once it
//! organized a public event, one of its people has a page, or it wrote a public document.
//! Organizers see every page. Others get 404.

use std::collections::{HashMap, HashSet};

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::app::AppState;
use crate::documents::Access;
use crate::entities::{
    event, event_organization, organization, person, session, session_participant,
};
use crate::error::AppError;
use crate::events::{EventStatus, ParticipantRole};
use crate::web::pages::{Ctx, PageResult, render};
use crate::web::parse_id;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/people/{id}", get(person_page))
        .route("/organizations/{id}", get(organization_page))
}

/// A link with a line under it.
struct Item {
    url: String,
    title: String,
    meta: String,
}

#[derive(Template)]
#[template(path = "directory/person.html")]
struct PersonPage {
    ctx: Ctx,
    name: String,
    affiliation: String,
    organization: Option<(String, String)>,
    country: Option<String>,
    panels: Vec<Item>,
    summaries: Vec<Item>,
}

/// Sessions the public sees, with their events, of the given session ids.
async fn public_sessions(
    state: &AppState,
    ids: impl IntoIterator<Item = i32>,
    staff: bool,
) -> Result<(HashMap<i32, session::Model>, HashMap<i32, event::Model>), AppError> {
    let ids: HashSet<i32> = ids.into_iter().collect();
    let sessions: Vec<session::Model> = session::Entity::find()
        .filter(session::Column::Id.is_in(ids))
        .order_by_asc(session::Column::StartsAt)
        .all(state.db.conn())
        .await?;
    let events: HashMap<i32, event::Model> = event::Entity::find()
        .filter(event::Column::Id.is_in(sessions.iter().map(|s| s.event_id)))
        .all(state.db.conn())
        .await?
        .into_iter()
        .filter(|e| staff || e.status != EventStatus::Draft)
        .map(|e| (e.id, e))
        .collect();
    let sessions = sessions
        .into_iter()
        .filter(|s| events.contains_key(&s.event_id))
        .filter(|s| staff || s.confidentiality.is_listed())
        .map(|s| (s.id, s))
        .collect();
    Ok((sessions, events))
}

async fn person_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&id, "person")?;
    let staff = ctx.is_staff();
    let person = person::Entity::find_by_id(id)
        .one(state.db.conn())
        .await?
        .ok_or(AppError::NotFound("person"))?;
    if !staff
        && !crate::search::index::public_people(state.db.conn(), &[id])
            .await?
            .contains(&id)
    {
        return Err(AppError::NotFound("person").into());
    }
    let links = session_participant::Entity::find()
        .filter(session_participant::Column::PersonId.eq(id))
        .all(state.db.conn())
        .await?;
    let (sessions, events) =
        public_sessions(&state, links.iter().map(|l| l.session_id), staff).await?;
    // The summaries they wrote, as the published reports print them.
    let editions =
        crate::search::index::published_editions(state.db.conn(), events.keys().copied()).await?;
    let mut ordered: Vec<(&session_participant::Model, &session::Model)> = links
        .iter()
        .filter_map(|l| sessions.get(&l.session_id).map(|s| (l, s)))
        .collect();
    ordered.sort_by_key(|(_, s)| std::cmp::Reverse(s.starts_at));
    let lang = ctx.lang;
    let mut panels = Vec::new();
    let mut summaries = Vec::new();
    for (link, session) in ordered {
        let Some(event) = events.get(&session.event_id) else {
            continue;
        };
        let when = crate::i18n::dates::range(lang, event.starts_on, event.ends_on);
        let event_title = event.title_in(lang);
        let session_title =
            crate::i18n::content::Translations::stored(session.translations.as_deref())
                .pick(event.language, lang, "title", &session.title)
                .text;
        let printed = editions.get(&event.id).is_some_and(|r| {
            r.sessions
                .iter()
                .any(|p| p.id == session.id && p.rapporteur.iter().any(|w| w.person_id == id))
        });
        if link.role == ParticipantRole::Rapporteur && printed {
            summaries.push(Item {
                url: format!("/events/{}/report#session-{}", event.slug, session.id),
                title: session_title.clone(),
                meta: crate::i18n::t_texts(
                    lang,
                    "dir-outcome-report-of",
                    &[("event", &event_title), ("dates", &when)],
                ),
            });
        }
        panels.push(Item {
            url: format!("/sessions/{}", session.id),
            title: session_title,
            meta: format!(
                "{} · {event_title}, {when}",
                crate::i18n::role(lang, link.role.as_str(), 1)
            ),
        });
    }
    let organization = match person.organization_id {
        Some(org) => organization::Entity::find_by_id(org)
            .one(state.db.conn())
            .await?
            .map(|o| (format!("/organizations/{}", o.id), o.name)),
        None => None,
    };
    let page = PersonPage {
        name: crate::directory::display_name(
            person.honorific.as_deref(),
            &person.given_name,
            &person.family_name,
        ),
        affiliation: person.position.clone().unwrap_or_default(),
        organization,
        country: person
            .country
            .as_deref()
            .map(crate::domain::CountryCode::name_of),
        panels,
        summaries,
        ctx,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "directory/organization.html")]
struct OrganizationPage {
    ctx: Ctx,
    name: String,
    kind: String,
    country: Option<String>,
    website: Option<String>,
    events: Vec<Item>,
    people: Vec<Item>,
    documents: Vec<crate::documents::pages::DocumentCard>,
}

async fn organization_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&id, "organization")?;
    let staff = ctx.is_staff();
    let lang = ctx.lang;
    let org = organization::Entity::find_by_id(id)
        .one(state.db.conn())
        .await?
        .ok_or(AppError::NotFound("organization"))?;
    if !staff
        && !crate::search::index::public_organizations(state.db.conn(), &[id])
            .await?
            .contains(&id)
    {
        return Err(AppError::NotFound("organization").into());
    }
    let links = event_organization::Entity::find()
        .filter(event_organization::Column::OrganizationId.eq(id))
        .all(state.db.conn())
        .await?;
    let mut organized: Vec<(event::Model, ParticipantRoleLabel)> = event::Entity::find()
        .filter(event::Column::Id.is_in(links.iter().map(|l| l.event_id)))
        .all(state.db.conn())
        .await?
        .into_iter()
        .filter(|e| staff || e.status != EventStatus::Draft)
        .map(|e| {
            let role = links
                .iter()
                .find(|l| l.event_id == e.id)
                .map_or(String::new(), |l| {
                    crate::i18n::term(lang, "involvement", l.role.as_str())
                });
            (e, role)
        })
        .collect();
    organized.sort_by_key(|(e, _)| std::cmp::Reverse(e.starts_on));
    let members = person::Entity::find()
        .filter(person::Column::OrganizationId.eq(id))
        .all(state.db.conn())
        .await?;
    let ids: Vec<i32> = members.iter().map(|p| p.id).collect();
    let shown = if staff {
        ids.iter().copied().collect()
    } else {
        crate::search::index::public_people(state.db.conn(), &ids).await?
    };
    let mut people: Vec<Item> = members
        .iter()
        .filter(|p| shown.contains(&p.id))
        .map(|p| Item {
            url: format!("/people/{}", p.id),
            title: crate::directory::display_name(
                p.honorific.as_deref(),
                &p.given_name,
                &p.family_name,
            ),
            meta: p.position.clone().unwrap_or_default(),
        })
        .collect();
    people.sort_by_key(|p| crate::domain::folded(&p.title));
    let documents =
        crate::documents::service::authored_by(&state.db, Access::of(ctx.user.as_ref()), id)
            .await?
            .iter()
            .map(crate::documents::pages::DocumentCard::from)
            .collect();
    let page = OrganizationPage {
        name: match &org.acronym {
            Some(a) if !a.is_empty() => format!("{} ({a})", org.name),
            _ => org.name.clone(),
        },
        kind: crate::i18n::term(lang, "dir-kind", org.kind.as_str()),
        country: org
            .country
            .as_deref()
            .map(crate::domain::CountryCode::name_of),
        website: org
            .website
            .clone()
            .filter(|w| w.starts_with("https://") || w.starts_with("http://")),
        events: organized
            .into_iter()
            .map(|(e, role)| Item {
                url: format!("/events/{}", e.slug),
                meta: format!(
                    "{role} · {}",
                    crate::i18n::dates::range(lang, e.starts_on, e.ends_on)
                ),
                title: e.title_in(lang),
            })
            .collect(),
        people,
        documents,
        ctx,
    };
    Ok(render(&page))
}

/// An organization's part in an event, in words ("Co-organizer").
type ParticipantRoleLabel = String;
