//! Workspace pages for the directory: people and organizations, listed, searched, added
//! and edited.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use crate::app::AppState;
use crate::directory::{OrganizationInput, OrganizationKind, PersonInput, service, store};
use crate::error::AppError;
use crate::web::forms::{Field, FormPage, Kind, Section, Values};
use crate::web::forms::{
    country_choices, enum_choices, form_page, refused, region_choices, subregion_choices, to_patch,
};
use crate::web::pages::PagePath as Path;
use crate::web::pages::Workspace;
use crate::web::pages::{Ctx, FormData, PageResult, redirect_with_flash, render};
use crate::web::{ListQuery, Pagination, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/people", get(people))
        .route("/organize/people/new", get(new_person).post(create_person))
        .route(
            "/organize/people/{id}/edit",
            get(edit_person).post(update_person),
        )
        .route("/organize/people/{id}/feed", axum::routing::post(new_feed))
        .route("/organize/organizations", get(organizations))
        .route(
            "/organize/organizations/new",
            get(new_organization).post(create_organization),
        )
        .route(
            "/organize/organizations/{id}/edit",
            get(edit_organization).post(update_organization),
        )
}

pub struct Row {
    pub edit_url: String,
    pub name: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "directory/workspace.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    new_url: String,
    new_label: String,
    search_url: String,
    query: String,
    rows: Vec<Row>,
    total: u64,
}

async fn people(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    query: ListQuery,
) -> PageResult {
    let q = query.get("q").map(str::to_string);
    let filter = store::PersonFilter {
        q: q.clone(),
        organization_id: None,
    };
    let (found, total) = store::list_people(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 200,
            offset: 0,
        },
    )
    .await?;
    let rows = service::with_organizations(&state.db, found, true)
        .await?
        .into_iter()
        .map(|p| Row {
            edit_url: format!("/organize/people/{}/edit", p.id),
            name: p.display_name,
            detail: [p.affiliation, p.email.unwrap_or_default()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect();
    let page = ListPage {
        ctx,
        title: "People".into(),
        new_url: "/organize/people/new".into(),
        new_label: "Add a person".into(),
        search_url: "/organize/people".into(),
        query: q.unwrap_or_default(),
        rows,
        total,
    };
    Ok(render(&page))
}

async fn organizations(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    query: ListQuery,
) -> PageResult {
    let q = query.get("q").map(str::to_string);
    let filter = store::OrganizationFilter {
        q: q.clone(),
        ..Default::default()
    };
    let (found, total) = store::list_organizations(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    let rows = found
        .into_iter()
        .map(|o| Row {
            edit_url: format!("/organize/organizations/{}/edit", o.id),
            name: match &o.acronym {
                Some(acronym) => format!("{} ({acronym})", o.name),
                None => o.name.clone(),
            },
            detail: [
                Some(o.kind.label()),
                o.country
                    .as_deref()
                    .and_then(|c| crate::domain::CountryCode::parse(c).ok())
                    .map(|c| c.name()),
                o.region.map(|r| r.label()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
        })
        .collect();
    let page = ListPage {
        ctx,
        title: "Organizations".into(),
        new_url: "/organize/organizations/new".into(),
        new_label: "Add an organization".into(),
        search_url: "/organize/organizations".into(),
        query: q.unwrap_or_default(),
        rows,
        total,
    };
    Ok(render(&page))
}

// ----- People -----

const PERSON_FIELDS: &[&str] = &[
    "honorific",
    "given_name",
    "family_name",
    "email",
    "position",
    "organization_id",
    "country",
    "bio",
];

async fn person_form(
    state: &AppState,
    ctx: Ctx,
    title: &str,
    action: String,
    values: &Values,
) -> Result<FormPage, AppError> {
    let filter = store::OrganizationFilter::default();
    let (orgs, _) = store::list_organizations(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    let sections = vec![Section::new(
        "Person",
        vec![
            Field::new("honorific", "Title", Kind::Text, values)
                .hint("Mr, Ms, Mx, Dr, Prof, H.E. …"),
            Field::new("given_name", "Given name", Kind::Text, values).required(),
            Field::new("family_name", "Family name", Kind::Text, values)
                .required()
                .hint("Shown in capitals in programmes."),
            Field::new("email", "Email", Kind::Email, values).hint("Never shown publicly."),
            Field::new("position", "Position", Kind::Text, values),
            Field::new("organization_id", "Organization", Kind::Select, values).options(
                Some("—"),
                orgs.into_iter().map(|o| (o.id.to_string(), o.name)),
            ),
            Field::new("country", "Country", Kind::Select, values)
                .options(Some("—"), country_choices()),
            Field::new("bio", "Biography", Kind::TextArea, values),
        ],
    )];
    Ok(form_page(
        ctx,
        title,
        action,
        "Save",
        ("/organize/people".into(), "People".into()),
        sections,
    ))
}

fn person_input(values: &Values) -> PersonInput {
    PersonInput {
        honorific: values.opt("honorific"),
        given_name: values.opt("given_name"),
        family_name: values.opt("family_name"),
        email: values.opt("email"),
        position: values.opt("position"),
        organization_id: values
            .opt("organization_id")
            .map(|o| o.parse().unwrap_or(-1)),
        country: values.opt("country"),
        bio: values.opt("bio"),
    }
}

async fn new_person(State(state): State<AppState>, Workspace { ctx, .. }: Workspace) -> PageResult {
    Ok(render(
        &person_form(
            &state,
            ctx,
            "Add a person",
            "/organize/people/new".into(),
            &Values::default(),
        )
        .await?,
    ))
}

async fn create_person(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, PERSON_FIELDS);
    let result = match person_input(&values).validate() {
        Ok(person) => service::create_person(&state.db, Some(&actor), person).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(p) => Ok(redirect_with_flash(
            "/organize/people",
            &format!("{} {} was added.", p.given_name, p.family_name),
        )),
        Err(err) => {
            let page = person_form(
                &state,
                ctx,
                "Add a person",
                "/organize/people/new".into(),
                &values,
            )
            .await?;
            Ok(refused(page, err, &HashMap::new()))
        }
    }
}

async fn edit_person(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&id, "person")?;
    Ok(render(&person_page(&state, ctx, id, None).await?))
}

/// A person's edit page, with links to what they were sent and to their calendar feed;
/// `feed` holds a feed address just made, shown this once.
async fn person_page(
    state: &AppState,
    ctx: Ctx,
    id: i32,
    feed: Option<crate::calendar::service::FeedUrls>,
) -> Result<FormPage, AppError> {
    let person = store::person(state.db.conn(), id)
        .await?
        .ok_or(AppError::NotFound("person"))?;
    let values = Values::of(&PersonInput::from_model(&person));
    let title = format!("Edit {} {}", person.given_name, person.family_name);
    let mut page = person_form(
        state,
        ctx,
        &title,
        format!("/organize/people/{id}/edit"),
        &values,
    )
    .await?;
    page.links = vec![(
        format!("/organize/outbox?person_id={id}"),
        "Everything this person was sent".to_string(),
    )];
    page.actions = vec![(
        format!("/organize/people/{id}/feed"),
        "Make a new calendar feed address".to_string(),
    )];
    page.intro = feed.map(|urls| {
        format!(
            "Calendar feed of this person's sessions (shown this once; any earlier address no longer works): {}",
            urls.feed_url
        )
    });
    Ok(page)
}

/// Makes (or replaces) a person's calendar feed address, for an organizer to pass on.
async fn new_feed(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    _form: FormData,
) -> PageResult {
    let id = parse_id(&id, "person")?;
    let urls =
        crate::calendar::service::rotate_feed(&state.db, &state.settings, &actor, id).await?;
    Ok(render(&person_page(&state, ctx, id, Some(urls)).await?))
}

async fn update_person(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let id = parse_id(&id, "person")?;
    let values = Values::from_form(&form, PERSON_FIELDS);
    match service::update_person(&state.db, &actor, id, to_patch(&person_input(&values))).await {
        Ok(p) => Ok(redirect_with_flash(
            "/organize/people",
            &format!("{} {} was saved.", p.given_name, p.family_name),
        )),
        Err(AppError::NotFound(what)) => Err(AppError::NotFound(what).into()),
        Err(err) => {
            let page = person_form(
                &state,
                ctx,
                "Edit person",
                format!("/organize/people/{id}/edit"),
                &values,
            )
            .await?;
            Ok(refused(page, err, &HashMap::new()))
        }
    }
}

// ----- Organizations -----

const ORGANIZATION_FIELDS: &[&str] = &[
    "name",
    "acronym",
    "kind",
    "country",
    "region",
    "subregion",
    "website",
];

fn organization_form(ctx: Ctx, title: &str, action: String, values: &Values) -> FormPage {
    let sections = vec![Section::new(
        "Organization",
        vec![
            Field::new("name", "Name", Kind::Text, values).required(),
            Field::new("acronym", "Acronym", Kind::Text, values),
            Field::new("kind", "Kind", Kind::Select, values)
                .options(None, enum_choices::<OrganizationKind>()),
            Field::new("country", "Country", Kind::Select, values)
                .options(Some("—"), country_choices()),
            Field::new("region", "Region", Kind::Select, values)
                .options(Some("—"), region_choices()),
            Field::new("subregion", "Sub-region", Kind::Select, values)
                .options(Some("—"), subregion_choices()),
            Field::new("website", "Website", Kind::Url, values).hint("https://…"),
        ],
    )];
    form_page(
        ctx,
        title,
        action,
        "Save",
        ("/organize/organizations".into(), "Organizations".into()),
        sections,
    )
}

fn organization_input(values: &Values) -> OrganizationInput {
    OrganizationInput {
        name: values.opt("name"),
        acronym: values.opt("acronym"),
        kind: values.opt("kind"),
        country: values.opt("country"),
        region: values.opt("region"),
        subregion: values.opt("subregion"),
        website: values.opt("website"),
    }
}

async fn new_organization(Workspace { ctx, .. }: Workspace) -> PageResult {
    let mut values = Values::default();
    values.set("kind", Some("ngo"));
    Ok(render(&organization_form(
        ctx,
        "Add an organization",
        "/organize/organizations/new".into(),
        &values,
    )))
}

async fn create_organization(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, ORGANIZATION_FIELDS);
    let result = match organization_input(&values).validate() {
        Ok(org) => service::create_organization(&state.db, Some(&actor), org).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(o) => Ok(redirect_with_flash(
            "/organize/organizations",
            &format!("{} was added.", o.name),
        )),
        Err(err) => Ok(refused(
            organization_form(
                ctx,
                "Add an organization",
                "/organize/organizations/new".into(),
                &values,
            ),
            err,
            &HashMap::new(),
        )),
    }
}

async fn edit_organization(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(id): Path<String>,
) -> PageResult {
    let id = parse_id(&id, "organization")?;
    let org = store::organization(state.db.conn(), id)
        .await?
        .ok_or(AppError::NotFound("organization"))?;
    let values = Values::of(&OrganizationInput::from_model(&org));
    Ok(render(&organization_form(
        ctx,
        &format!("Edit {}", org.name),
        format!("/organize/organizations/{id}/edit"),
        &values,
    )))
}

async fn update_organization(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let id = parse_id(&id, "organization")?;
    let values = Values::from_form(&form, ORGANIZATION_FIELDS);
    match service::update_organization(
        &state.db,
        &actor,
        id,
        to_patch(&organization_input(&values)),
    )
    .await
    {
        Ok(o) => Ok(redirect_with_flash(
            "/organize/organizations",
            &format!("{} was saved.", o.name),
        )),
        Err(AppError::NotFound(what)) => Err(AppError::NotFound(what).into()),
        Err(err) => Ok(refused(
            organization_form(
                ctx,
                "Edit organization",
                format!("/organize/organizations/{id}/edit"),
                &values,
            ),
            err,
            &HashMap::new(),
        )),
    }
}
