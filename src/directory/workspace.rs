//! Workspace pages for the directory: people and organizations, listed, searched, added
//! and edited.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::accounts::pages::said;
use crate::app::AppState;
use crate::directory::{
    OrganizationInput, OrganizationKind, PersonInput, merge, service, spreadsheet, store,
};
use crate::domain::folded;
use crate::error::AppError;
use crate::i18n::Language;
use crate::web::forms::{Field, FormPage, Kind, Section, Values};
use crate::web::forms::{
    country_choices_in, enum_choices, form_page, refused, subregion_choices_in, term_choices,
    to_patch,
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
    /// "12 found; the first 10 are shown: search to narrow the list."
    found: String,
    /// Related pages, as (address, label).
    links: Vec<(String, String)>,
}

/// A refusal of the directory's service in `lang`, where its wording is known.
fn in_language(lang: Language, err: AppError) -> AppError {
    match err {
        AppError::Invalid(errors) => AppError::Invalid(
            errors
                .into_iter()
                .map(|e| crate::error::FieldError::new(e.field, said(lang, &e.message)))
                .collect(),
        ),
        AppError::Conflict(why) => AppError::Conflict(said(lang, &why)),
        other => other,
    }
}

/// How many a list found, and whether it shows them all, in `lang`.
fn found_line(lang: Language, total: u64, shown: usize) -> String {
    let mut text = crate::i18n::t_args(lang, "dir-found", &[("count", total.into())]);
    if (shown as u64) < total {
        text.push_str(&crate::i18n::t_args(
            lang,
            "dir-first-shown",
            &[("count", shown.into())],
        ));
    }
    text.push('.');
    text
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
    let rows: Vec<Row> = service::with_organizations(&state.db, found, true)
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
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let page = ListPage {
        title: t("ws-people"),
        new_url: "/organize/people/new".into(),
        new_label: t("dir-add-person"),
        search_url: "/organize/people".into(),
        query: q.unwrap_or_default(),
        found: found_line(lang, total, rows.len()),
        rows,
        links: vec![
            ("/organize/people/import".into(), t("dir-import-link")),
            ("/organize/people.csv".into(), t("dir-download")),
        ],
        ctx,
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
    let (listed, total) = store::list_organizations(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    let lang = ctx.lang;
    let rows: Vec<Row> = listed
        .into_iter()
        .map(|o| Row {
            edit_url: format!("/organize/organizations/{}/edit", o.id),
            name: match &o.acronym {
                Some(acronym) => format!("{} ({acronym})", o.name),
                None => o.name.clone(),
            },
            detail: [
                Some(crate::i18n::term(lang, "dir-kind", o.kind.as_str())),
                o.country
                    .as_deref()
                    .and_then(|c| crate::domain::CountryCode::parse(c).ok())
                    .map(|c| c.name().to_string()),
                o.region
                    .map(|r| crate::i18n::term(lang, "region", r.as_str())),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
        })
        .collect();
    let t = |id: &str| crate::i18n::t(lang, id);
    let page = ListPage {
        title: t("ws-organizations"),
        new_url: "/organize/organizations/new".into(),
        new_label: t("dir-add-organization"),
        search_url: "/organize/organizations".into(),
        query: q.unwrap_or_default(),
        found: found_line(lang, total, rows.len()),
        rows,
        links: vec![("/organize/organizations.csv".into(), t("dir-download"))],
        ctx,
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
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let sections = vec![Section::new(
        &t("dir-person"),
        vec![
            Field::new("honorific", &t("dir-honorific"), Kind::Text, values)
                .hint(&t("dir-honorific-hint")),
            Field::new("given_name", &t("field-given-name"), Kind::Text, values).required(),
            Field::new("family_name", &t("field-family-name"), Kind::Text, values)
                .required()
                .hint(&t("dir-family-name-hint")),
            Field::new("email", &t("field-email-address"), Kind::Email, values)
                .hint(&t("dir-email-hint")),
            Field::new("position", &t("dir-position"), Kind::Text, values),
            Field::new(
                "organization_id",
                &t("field-organization"),
                Kind::Select,
                values,
            )
            .options(
                Some("—"),
                orgs.into_iter().map(|o| (o.id.to_string(), o.name)),
            ),
            Field::new(
                "new_organization",
                &t("dir-new-organization"),
                Kind::Text,
                values,
            )
            .hint(&t("dir-new-organization-hint")),
            Field::new("country", &t("field-country-name"), Kind::Select, values)
                .options(Some("—"), country_choices_in(lang)),
            Field::new("bio", &t("dir-bio"), Kind::TextArea, values),
            Field::new("language", &t("dir-mail-in"), Kind::Select, values)
                .options(
                    Some(&t("dir-mail-in-default")),
                    enum_choices::<crate::i18n::Language>(),
                )
                .hint(&t("dir-mail-in-hint")),
        ],
    )];
    Ok(form_page(
        ctx,
        title,
        action,
        &t("dir-save"),
        ("/organize/people".into(), t("ws-people")),
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
    let title = crate::i18n::t(ctx.lang, "dir-add-person");
    Ok(render(
        &person_form(
            &state,
            ctx,
            &title,
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
    let lang = ctx.lang;
    let values = Values::from_form(&form, PERSON_FIELDS);
    let result = match (
        person_input(&values).validate(),
        typed_organization(lang, &values),
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
            &crate::i18n::t_texts(
                lang,
                "dir-added",
                &[("name", &format!("{} {}", p.given_name, p.family_name))],
            ),
        )),
        Err(err) => {
            let page = person_form(
                &state,
                ctx,
                &crate::i18n::t(lang, "dir-add-person"),
                "/organize/people/new".into(),
                &values,
            )
            .await?;
            Ok(refused(page, in_language(lang, err), &HashMap::new()))
        }
    }
}

/// The organization typed in "Or an organization not listed", when no listed one was
/// chosen.
fn typed_organization(
    lang: Language,
    values: &Values,
) -> Result<Option<crate::directory::Organization>, AppError> {
    let Some(name) = values.opt("new_organization") else {
        return Ok(None);
    };
    if values.opt("organization_id").is_some() {
        return Err(AppError::invalid(
            "new_organization",
            crate::i18n::t(lang, "dir-not-both"),
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
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let values = Values::of(&PersonInput::from_model(&person));
    let title = crate::i18n::t_texts(
        lang,
        "dir-edit-named",
        &[(
            "name",
            &format!("{} {}", person.given_name, person.family_name),
        )],
    );
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
        t("dir-everything-sent"),
    )];
    for other in likely_duplicates(state, &person).await? {
        page.links.push((
            format!("/organize/people/{id}/merge/{}", other.id),
            crate::i18n::t_texts(
                lang,
                "dir-same-person",
                &[(
                    "name",
                    &format!(
                        "{} {}{}",
                        other.given_name,
                        other.family_name,
                        other
                            .email
                            .as_deref()
                            .map(|e| format!(" ({e})"))
                            .unwrap_or_default()
                    ),
                )],
            ),
        ));
    }
    page.actions = vec![(format!("/organize/people/{id}/feed"), t("dir-new-feed"))];
    page.intro =
        feed.map(|urls| crate::i18n::t_texts(lang, "dir-feed-shown", &[("url", &urls.feed_url)]));
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
    let lang = ctx.lang;
    let values = Values::from_form(&form, PERSON_FIELDS);
    match service::update_person(&state.db, &actor, id, to_patch(&person_input(&values))).await {
        Ok(p) => Ok(redirect_with_flash(
            "/organize/people",
            &crate::i18n::t_texts(
                lang,
                "dir-saved",
                &[("name", &format!("{} {}", p.given_name, p.family_name))],
            ),
        )),
        Err(AppError::NotFound(what)) => Err(AppError::NotFound(what).into()),
        Err(err) => {
            let page = person_form(
                &state,
                ctx,
                &crate::i18n::t(lang, "dir-edit-person"),
                format!("/organize/people/{id}/edit"),
                &values,
            )
            .await?;
            Ok(refused(page, in_language(lang, err), &HashMap::new()))
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
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let sections = vec![Section::new(
        &t("field-organization"),
        vec![
            Field::new("name", &t("dir-name"), Kind::Text, values).required(),
            Field::new("acronym", &t("dir-acronym"), Kind::Text, values),
            Field::new("kind", &t("dir-kind"), Kind::Select, values)
                .options(None, term_choices::<OrganizationKind>(lang, "dir-kind")),
            Field::new("country", &t("field-country-name"), Kind::Select, values)
                .options(Some("—"), country_choices_in(lang)),
            Field::new("region", &t("dir-region"), Kind::Select, values).options(
                Some("—"),
                term_choices::<crate::domain::Region>(lang, "region"),
            ),
            Field::new("subregion", &t("dir-subregion"), Kind::Select, values)
                .options(Some("—"), subregion_choices_in(lang)),
            Field::new("website", &t("dir-website"), Kind::Url, values).hint("https://…"),
        ],
    )];
    let mut page = form_page(
        ctx,
        title,
        action,
        &t("dir-save"),
        ("/organize/organizations".into(), t("ws-organizations")),
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
    let title = crate::i18n::t(ctx.lang, "dir-add-organization");
    Ok(render(&organization_form(
        ctx,
        &title,
        "/organize/organizations/new".into(),
        &values,
    )))
}

async fn create_organization(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    form: FormData,
) -> PageResult {
    let lang = ctx.lang;
    let values = Values::from_form(&form, ORGANIZATION_FIELDS);
    let result = match organization_input(&values).validate() {
        Ok(org) => service::create_organization(&state.db, Some(&actor), org).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(o) => Ok(redirect_with_flash(
            "/organize/organizations",
            &crate::i18n::t_texts(lang, "dir-added", &[("name", &o.name)]),
        )),
        Err(err) => Ok(refused(
            organization_form(
                ctx,
                &crate::i18n::t(lang, "dir-add-organization"),
                "/organize/organizations/new".into(),
                &values,
            ),
            in_language(lang, err),
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
    let title = crate::i18n::t_texts(ctx.lang, "dir-edit-named", &[("name", &org.name)]);
    Ok(render(&organization_form(
        ctx,
        &title,
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
    let lang = ctx.lang;
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
            &crate::i18n::t_texts(lang, "dir-saved", &[("name", &o.name)]),
        )),
        Err(AppError::NotFound(what)) => Err(AppError::NotFound(what).into()),
        Err(err) => Ok(refused(
            organization_form(
                ctx,
                &crate::i18n::t(lang, "dir-edit-organization"),
                format!("/organize/organizations/{id}/edit"),
                &values,
            ),
            in_language(lang, err),
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
    /// "3 people to add, 1 to update, 0 unchanged. Organizations to add: …"
    fn ready(&self) -> String {
        let Some(outcome) = &self.outcome else {
            return String::new();
        };
        let mut text = self.counts("dir-import-ready-text", outcome);
        if !outcome.new_organizations.is_empty() {
            text.push(' ');
            text.push_str(&crate::i18n::t_texts(
                self.ctx.lang,
                "dir-import-new-organizations",
                &[("names", &outcome.new_organizations.join(", "))],
            ));
        }
        text
    }

    /// "Correct them … The other rows are fine: 3 to add, …"
    fn fix_them(&self) -> String {
        self.outcome
            .as_ref()
            .map(|outcome| self.counts("dir-import-fix", outcome))
            .unwrap_or_default()
    }

    fn counts(&self, id: &str, outcome: &spreadsheet::ImportOutcome) -> String {
        crate::i18n::t_args(
            self.ctx.lang,
            id,
            &[
                ("created", outcome.created.into()),
                ("updated", outcome.updated.into()),
                ("unchanged", outcome.unchanged.into()),
            ],
        )
    }

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
    let lang = ctx.lang;
    let mut page = ImportPage::new(ctx);
    let text = match form.file("file") {
        Some(file) => match std::str::from_utf8(&file.bytes) {
            Ok(text) => text.to_string(),
            Err(_) => {
                page.problem = Some(crate::i18n::t_texts(
                    lang,
                    "dir-import-not-utf8",
                    &[("file", &file.filename)],
                ));
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
            }
        },
        None => form.get("csv").unwrap_or_default(),
    };
    page.csv = text.trim_start_matches('\u{feff}').to_string();
    if page.csv.trim().is_empty() {
        page.problem = Some(crate::i18n::t(lang, "dir-import-empty"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    let dry_run = form.get("step").as_deref() != Some("import");
    match spreadsheet::import_people(&state.db, &actor, &page.csv, dry_run).await {
        Ok(outcome) if outcome.written => Ok(redirect_with_flash(
            "/organize/people",
            &crate::i18n::t_args(
                lang,
                "dir-imported",
                &[
                    ("created", outcome.created.into()),
                    ("updated", outcome.updated.into()),
                    ("unchanged", outcome.unchanged.into()),
                    (
                        "organizations",
                        match outcome.new_organizations.len() {
                            0 => String::new(),
                            n => crate::i18n::t_args(
                                lang,
                                "dir-imported-organizations",
                                &[("count", n.into())],
                            ),
                        }
                        .into(),
                    ),
                ],
            ),
        )),
        Ok(mut outcome) => {
            for e in &mut outcome.errors {
                e.message = said(lang, &e.message);
            }
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
                    .map(|e| said(lang, &e.message))
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

impl MergePage {
    /// What merging does, with what the merged record has.
    fn intro(&self) -> String {
        crate::i18n::t_args(
            self.ctx.lang,
            "dir-merge-intro",
            &[
                ("roles", self.duplicate_roles.into()),
                ("invitations", self.duplicate_invitations.into()),
            ],
        )
    }
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
    Workspace { ctx, actor }: Workspace,
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
            &crate::i18n::t_texts(
                ctx.lang,
                "dir-merged",
                &[("name", &format!("{} {}", kept.given_name, kept.family_name))],
            ),
        )),
        Err(AppError::Invalid(_)) => Err(AppError::NotFound("person").into()),
        Err(err) => Err(err.into()),
    }
}
