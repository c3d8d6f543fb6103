//! Workspace pages for the directory: people and organizations, listed, searched, added
//! and edited.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::app::AppState;
use crate::directory::{
    OrganizationInput, OrganizationKind, PersonInput, merge, service, spreadsheet, store,
};
use crate::domain::folded;
use crate::error::AppError;
use crate::web::forms::{Field, FormPage, Kind, Section, Values};
use crate::web::forms::{
    country_choices, enum_choices, form_page, refused, region_choices, subregion_choices, to_patch,
};
use crate::web::pages::PagePath as Path;
use crate::web::pages::Workspace;
use crate::web::pages::{Ctx, FormData, PageResult, redirect_with_flash, render};
use crate::web::{ListQuery, Pagination, csv_download, parse_id};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/people", get(people))
        .route("/organize/people/new", get(new_person).post(create_person))
        .route(
            "/organize/people/{id}/edit",
            get(edit_person).post(update_person),
        )
        .route("/organize/people/{id}/feed", axum::routing::post(new_feed))
        .route("/organize/people.csv", get(people_csv))
        .route("/organize/organizations.csv", get(organizations_csv))
        .route("/organize/people/import", get(import_form).post(import))
        .route(
            "/organize/people/{id}/merge/{into}",
            get(merge_form).post(merge),
        )
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
    /// Related pages, as (address, label).
    links: Vec<(String, String)>,
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
        links: vec![
            (
                "/organize/people/import".into(),
                "Import from a spreadsheet".into(),
            ),
            (
                "/organize/people.csv".into(),
                "Download as a spreadsheet".into(),
            ),
        ],
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
        links: vec![(
            "/organize/organizations.csv".into(),
            "Download as a spreadsheet".into(),
        )],
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
    "language",
    "new_organization",
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
            Field::new(
                "new_organization",
                "Or an organization not listed",
                Kind::Text,
                values,
            )
            .hint("Type its name and it is added with the person; complete it later under Organizations."),
            Field::new("country", "Country", Kind::Select, values)
                .options(Some("—"), country_choices()),
            Field::new("bio", "Biography", Kind::TextArea, values),
            Field::new("language", "Mail in", Kind::Select, values)
                .options(
                    Some("English (unless set)"),
                    enum_choices::<crate::i18n::Language>(),
                )
                .hint("The language of the invitations and notices this person is sent."),
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
        language: values.opt("language"),
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
    let result = match (
        person_input(&values).validate(),
        typed_organization(&values),
    ) {
        (Ok(person), Ok(org)) => {
            service::create_person_at(&state.db, Some(&actor), person, org).await
        }
        (Err(AppError::Invalid(mut errors)), Err(AppError::Invalid(more))) => {
            errors.extend(more);
            Err(AppError::Invalid(errors))
        }
        (Err(err), _) | (_, Err(err)) => Err(err),
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

/// The organization typed in "Or an organization not listed", when no listed one was
/// chosen.
fn typed_organization(values: &Values) -> Result<Option<crate::directory::Organization>, AppError> {
    let Some(name) = values.opt("new_organization") else {
        return Ok(None);
    };
    if values.opt("organization_id").is_some() {
        return Err(AppError::invalid(
            "new_organization",
            "choose a listed organization or type a new one, not both",
        ));
    }
    OrganizationInput {
        name: Some(name),
        ..Default::default()
    }
    .validate()
    .map(Some)
    .map_err(|err| match err {
        AppError::Invalid(errors) => AppError::Invalid(
            errors
                .into_iter()
                .map(|e| crate::error::FieldError::new("new_organization", e.message))
                .collect(),
        ),
        other => other,
    })
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
    for other in likely_duplicates(state, &person).await? {
        page.links.push((
            format!("/organize/people/{id}/merge/{}", other.id),
            format!(
                "Same person as {} {}{}? Merge into that record",
                other.given_name,
                other.family_name,
                other
                    .email
                    .as_deref()
                    .map(|e| format!(" ({e})"))
                    .unwrap_or_default()
            ),
        ));
    }
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
    let mut page = form_page(
        ctx,
        title,
        action,
        "Save",
        ("/organize/organizations".into(), "Organizations".into()),
        sections,
    );
    page.country_regions = Some(crate::web::forms::country_regions_json());
    page
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

/// Other records with the same names, accents and case aside: likely the same person.
async fn likely_duplicates(
    state: &AppState,
    person: &crate::entities::person::Model,
) -> Result<Vec<crate::entities::person::Model>, AppError> {
    // Names match accents aside, which databases do not share: the directory is read
    // whole (a few thousand names at most).
    let (found, _) = store::list_people(
        state.db.conn(),
        &store::PersonFilter::default(),
        Pagination {
            limit: u64::MAX,
            offset: 0,
        },
    )
    .await?;
    let same = |a: &str, b: &str| folded(a) == folded(b);
    Ok(found
        .into_iter()
        .filter(|p| {
            p.id != person.id
                && same(&p.family_name, &person.family_name)
                && (same(&p.given_name, &person.given_name)
                    || p.given_name
                        .chars()
                        .next()
                        .map(|c| c.to_lowercase().to_string())
                        == person
                            .given_name
                            .chars()
                            .next()
                            .map(|c| c.to_lowercase().to_string()))
        })
        .collect())
}

// ----- Spreadsheets -----

async fn people_csv(State(state): State<AppState>, _ws: Workspace) -> PageResult {
    Ok(csv_download(
        "people.csv",
        spreadsheet::people_csv(&state.db).await?,
    ))
}

async fn organizations_csv(State(state): State<AppState>, _ws: Workspace) -> PageResult {
    Ok(csv_download(
        "organizations.csv",
        spreadsheet::organizations_csv(&state.db).await?,
    ))
}

#[derive(Template)]
#[template(path = "directory/import.html")]
struct ImportPage {
    ctx: Ctx,
    /// The file's text, to check again or import (and fix in place).
    csv: String,
    /// The check's outcome, once a file was sent.
    outcome: Option<spreadsheet::ImportOutcome>,
    /// A problem with the file as a whole (not CSV, not UTF-8).
    problem: Option<String>,
    columns: String,
}

impl ImportPage {
    fn new(ctx: Ctx) -> Self {
        Self {
            ctx,
            csv: String::new(),
            outcome: None,
            problem: None,
            columns: spreadsheet::COLUMNS.join(", "),
        }
    }
}

async fn import_form(Workspace { ctx, .. }: Workspace) -> PageResult {
    Ok(render(&ImportPage::new(ctx)))
}

/// Checks a spreadsheet (a dry run: nothing is written) or, once checked, imports it.
async fn import(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    form: FormData,
) -> PageResult {
    let mut page = ImportPage::new(ctx);
    let text = match form.file("file") {
        Some(file) => match std::str::from_utf8(&file.bytes) {
            Ok(text) => text.to_string(),
            Err(_) => {
                page.problem = Some(format!(
                    "{} is not a CSV file saved as UTF-8 text. In your spreadsheet, choose Save as… CSV UTF-8, then choose that file here.",
                    file.filename
                ));
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
            }
        },
        None => form.get("csv").unwrap_or_default(),
    };
    page.csv = text.trim_start_matches('\u{feff}').to_string();
    if page.csv.trim().is_empty() {
        page.problem = Some("Choose a file, or paste its rows in the box.".into());
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    let dry_run = form.get("step").as_deref() != Some("import");
    match spreadsheet::import_people(&state.db, &actor, &page.csv, dry_run).await {
        Ok(outcome) if outcome.written => Ok(redirect_with_flash(
            "/organize/people",
            &format!(
                "Imported: {} added, {} updated, {} unchanged{}.",
                outcome.created,
                outcome.updated,
                outcome.unchanged,
                match outcome.new_organizations.len() {
                    0 => String::new(),
                    1 => "; 1 organization added".into(),
                    n => format!("; {n} organizations added"),
                }
            ),
        )),
        Ok(outcome) => {
            let status = if outcome.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            page.outcome = Some(outcome);
            Ok((status, render(&page)).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            page.problem = Some(
                errors
                    .into_iter()
                    .map(|e| e.message)
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(err) => Err(err.into()),
    }
}

// ----- Merging duplicates -----

#[derive(Template)]
#[template(path = "directory/merge.html")]
struct MergePage {
    ctx: Ctx,
    duplicate: crate::directory::PersonOut,
    kept: crate::directory::PersonOut,
    duplicate_roles: usize,
    duplicate_invitations: usize,
}

async fn merge_form(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path((id, into)): Path<(String, String)>,
) -> PageResult {
    let id = parse_id(&id, "person")?;
    let into = parse_id(&into, "person")?;
    if id == into {
        return Err(AppError::NotFound("person").into());
    }
    let mut people = Vec::new();
    for which in [id, into] {
        people.push(
            store::person(state.db.conn(), which)
                .await?
                .ok_or(AppError::NotFound("person"))?,
        );
    }
    let (roles, invitations) = merge::footprint(state.db.conn(), id).await?;
    let mut out = service::with_organizations(&state.db, people, true).await?;
    let kept = out.remove(1);
    let duplicate = out.remove(0);
    Ok(render(&MergePage {
        ctx,
        duplicate,
        kept,
        duplicate_roles: roles,
        duplicate_invitations: invitations,
    }))
}

async fn merge(
    State(state): State<AppState>,
    Workspace { actor, .. }: Workspace,
    Path((id, into)): Path<(String, String)>,
    _form: FormData,
) -> PageResult {
    let id = parse_id(&id, "person")?;
    let into = parse_id(&into, "person")?;
    match merge::merge(
        &state.db,
        &actor,
        id,
        merge::MergeInput { into: Some(into) },
    )
    .await
    {
        Ok(kept) => Ok(redirect_with_flash(
            &format!("/organize/people/{}/edit", kept.id),
            &format!(
                "The two records are one now: {} {}, with the roles, invitations and summaries of both.",
                kept.given_name, kept.family_name
            ),
        )),
        Err(AppError::Invalid(_)) => Err(AppError::NotFound("person").into()),
        Err(err) => Err(err.into()),
    }
}
