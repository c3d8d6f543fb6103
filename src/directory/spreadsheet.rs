//! The directory in and out of spreadsheets. People and organizations export as CSV with
//! a header row in words; people import from the same columns (or the spreadsheet a
//! secretariat already keeps: "First name", "Surname", "E-mail", "Organisation" are
//! understood). An import is checked whole before anything is written: every problem is
//! listed by row and column, and a file with any problem imports nothing.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::{OrganizationInput, PersonInput, store};
use crate::audit;
use crate::db::Db;
use crate::domain::spreadsheet::{self, Sheet, Table};
use crate::domain::{CountryCode, collation, folded};
use crate::entities::{organization, person};
use crate::error::{AppError, AppResult};
use crate::web::{Actor, Pagination};

/// The most rows one import takes.
pub const MAX_ROWS: usize = 5000;

/// The headers of the people's spreadsheet, in order.
pub const COLUMNS: [&str; 9] = [
    "ID",
    "Honorific",
    "Given name",
    "Family name",
    "Email",
    "Position",
    "Organization",
    "Country",
    "Biography",
];

/// The columns of the people's spreadsheet, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Id,
    Honorific,
    GivenName,
    FamilyName,
    Email,
    Position,
    Organization,
    Country,
    Bio,
}

impl Column {
    const ALL: [Column; 9] = [
        Column::Id,
        Column::Honorific,
        Column::GivenName,
        Column::FamilyName,
        Column::Email,
        Column::Position,
        Column::Organization,
        Column::Country,
        Column::Bio,
    ];

    /// The header, as the export writes it.
    fn header(self) -> &'static str {
        let index = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        COLUMNS[index]
    }

    /// The column a header names: the export's words, the API's field names, or the
    /// words spreadsheets commonly use; case, accents, spaces and punctuation aside.
    fn named(header: &str) -> Option<Column> {
        let key: String = folded(header)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        Some(match key.as_str() {
            "id" => Column::Id,
            "honorific" | "title" | "salutation" => Column::Honorific,
            "givenname" | "firstname" | "forename" => Column::GivenName,
            "familyname" | "lastname" | "surname" => Column::FamilyName,
            "email" | "emailaddress" | "mail" => Column::Email,
            "position" | "jobtitle" | "function" => Column::Position,
            "organization" | "organisation" | "organizationname" | "organisationname" => {
                Column::Organization
            }
            "country" => Column::Country,
            "biography" | "bio" => Column::Bio,
            _ => return None,
        })
    }

    /// The API field whose errors belong to this column.
    fn field(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Honorific => "honorific",
            Column::GivenName => "given_name",
            Column::FamilyName => "family_name",
            Column::Email => "email",
            Column::Position => "position",
            Column::Organization => "organization_id",
            Column::Country => "country",
            Column::Bio => "bio",
        }
    }
}

// ----- Out -----

/// Every person, by family name, as a spreadsheet the import reads back.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn people_csv(db: &Db) -> AppResult<String> {
    let (people, _) = store::list_people(db.conn(), &Default::default(), everything()).await?;
    let orgs =
        store::organizations_by_id(db.conn(), people.iter().filter_map(|p| p.organization_id))
            .await?;
    let mut sheet = Sheet::new(&Column::ALL.map(Column::header));
    for p in &people {
        let organization = p
            .organization_id
            .and_then(|id| orgs.get(&id))
            .map(|o| o.name.clone());
        sheet.row([
            p.id.to_string(),
            p.honorific.clone().unwrap_or_default(),
            p.given_name.clone(),
            p.family_name.clone(),
            p.email.clone().unwrap_or_default(),
            p.position.clone().unwrap_or_default(),
            organization.unwrap_or_default(),
            country_name(p.country.as_deref()),
            p.bio.clone().unwrap_or_default(),
        ]);
    }
    Ok(sheet.finish())
}

/// Every organization, by name.
#[tracing::instrument(skip_all, err(level = "debug"))]
pub async fn organizations_csv(db: &Db) -> AppResult<String> {
    let (orgs, _) = store::list_organizations(db.conn(), &Default::default(), everything()).await?;
    let mut sheet = Sheet::new(&[
        "ID",
        "Name",
        "Acronym",
        "Kind",
        "Country",
        "Region",
        "Sub-region",
        "Website",
    ]);
    for o in &orgs {
        sheet.row([
            o.id.to_string(),
            o.name.clone(),
            o.acronym.clone().unwrap_or_default(),
            o.kind.label().to_string(),
            country_name(o.country.as_deref()),
            o.region.map(|r| r.label().to_string()).unwrap_or_default(),
            o.subregion
                .as_deref()
                .and_then(crate::domain::SubRegion::parse)
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
            o.website.clone().unwrap_or_default(),
        ]);
    }
    Ok(sheet.finish())
}

fn everything() -> Pagination {
    Pagination {
        limit: u64::MAX,
        offset: 0,
    }
}

fn country_name(code: Option<&str>) -> String {
    code.and_then(|c| CountryCode::parse(c).ok())
        .map(|c| c.name().to_string())
        .unwrap_or_default()
}

// ----- In -----

/// A problem with one cell (or, on row 1, with the header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportError {
    /// The row as a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    /// The column's header, as in the file.
    pub field: String,
    pub message: String,
}

/// What an import did, or with `dry_run` would do.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportOutcome {
    pub dry_run: bool,
    /// Whether anything was written: never on a dry run or with errors.
    pub written: bool,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Organizations named in the file that the directory did not have; the import adds
    /// them.
    pub new_organizations: Vec<String>,
    pub errors: Vec<ImportError>,
}

/// One row's outcome, once checked.
enum Planned {
    Create(PersonInput, Option<String>),
    Update(Box<person::Model>, PersonInput, Option<String>),
    Unchanged,
}

/// Imports people from CSV `text`: checks every row, then (unless `dry_run` or a row is
/// wrong) writes all of them in one transaction.
#[tracing::instrument(skip_all, fields(actor = actor.id, dry_run), err(level = "debug"))]
pub async fn import_people(
    db: &Db,
    actor: &Actor,
    text: &str,
    dry_run: bool,
) -> AppResult<ImportOutcome> {
    let table = spreadsheet::read(text, MAX_ROWS)
        .map_err(|err| AppError::invalid("body", err.to_string()))?;
    let txn = db.begin_write().await?;
    let (planned, errors, new_organizations) = plan(&*txn, &table).await?;
    let mut outcome = ImportOutcome {
        dry_run,
        written: false,
        created: 0,
        updated: 0,
        unchanged: 0,
        new_organizations,
        errors,
    };
    for plan in &planned {
        match plan {
            Planned::Create(..) => outcome.created += 1,
            Planned::Update(..) => outcome.updated += 1,
            Planned::Unchanged => outcome.unchanged += 1,
        }
    }
    if dry_run || !outcome.errors.is_empty() {
        return Ok(outcome);
    }
    let mut org_ids: HashMap<String, i32> = HashMap::new();
    for name in &outcome.new_organizations {
        let org = OrganizationInput {
            name: Some(name.clone()),
            ..Default::default()
        }
        .validate()?;
        let created = store::insert_organization(&*txn, &org).await?;
        org_ids.insert(folded(name), created.id);
    }
    let with_org = |mut input: PersonInput, new_org: &Option<String>| {
        if let Some(name) = new_org {
            input.organization_id = org_ids.get(&folded(name)).copied();
        }
        input.validate()
    };
    for plan in planned {
        match plan {
            Planned::Create(input, new_org) => {
                store::insert_person(&*txn, &with_org(input, &new_org)?).await?;
            }
            Planned::Update(current, input, new_org) => {
                store::update_person(&*txn, *current, &with_org(input, &new_org)?).await?;
            }
            Planned::Unchanged => {}
        }
    }
    audit::record(
        &*txn,
        Some(actor),
        "import",
        "person",
        0,
        json!({"created": outcome.created, "updated": outcome.updated,
               "unchanged": outcome.unchanged, "new_organizations": outcome.new_organizations}),
    )
    .await?;
    txn.commit().await?;
    outcome.written = true;
    Ok(outcome)
}

/// Checks every row against the directory; returns what each would do, the problems,
/// and the organizations to add.
async fn plan(
    db: &impl ConnectionTrait,
    table: &Table,
) -> AppResult<(Vec<Planned>, Vec<ImportError>, Vec<String>)> {
    let mut errors = Vec::new();
    let columns = header_columns(&table.headers, &mut errors);
    if !errors.is_empty() {
        return Ok((Vec::new(), errors, Vec::new()));
    }
    let (people, _) = store::list_people(db, &Default::default(), everything()).await?;
    let (orgs, _) = store::list_organizations(db, &Default::default(), everything()).await?;
    let by_id: HashMap<i32, &person::Model> = people.iter().map(|p| (p.id, p)).collect();
    let by_email: HashMap<&str, &person::Model> = people
        .iter()
        .filter_map(|p| p.email.as_deref().map(|e| (e, p)))
        .collect();
    let org_by_name = organization_names(&orgs);

    let mut planned = Vec::new();
    let mut new_organizations: Vec<String> = Vec::new();
    let mut emails_seen: HashMap<String, usize> = HashMap::new();
    let mut ids_seen: HashMap<i32, usize> = HashMap::new();
    for (row, cells) in &table.rows {
        let row = *row;
        let cell = |column: Column| -> Option<&str> {
            columns
                .iter()
                .position(|c| *c == Some(column))
                .map(|i| cells.get(i).map_or("", String::as_str))
        };
        let header = |column: Column| -> String {
            columns
                .iter()
                .position(|c| *c == Some(column))
                .and_then(|i| table.headers.get(i).cloned())
                .unwrap_or_else(|| column.header().to_string())
        };
        let mut problem = |column: Column, message: &str| {
            errors.push(ImportError {
                row,
                field: header(column),
                message: message.to_string(),
            });
        };

        // Who the row is: its ID, else its email, else someone new.
        let mut current: Option<&person::Model> = None;
        if let Some(id) = cell(Column::Id).filter(|id| !id.is_empty()) {
            match id.parse::<i32>().ok().and_then(|id| by_id.get(&id)) {
                Some(person) => {
                    if let Some(first) = ids_seen.insert(person.id, row) {
                        problem(Column::Id, &format!("is also on row {first}"));
                    }
                    current = Some(person);
                }
                None => problem(
                    Column::Id,
                    "is not the ID of anyone in the directory (leave it empty to add someone new)",
                ),
            }
        }
        let email = cell(Column::Email).map(str::to_lowercase);
        if let Some(email) = email.as_deref().filter(|e| !e.is_empty()) {
            if let Some(first) = emails_seen.insert(email.to_string(), row) {
                problem(Column::Email, &format!("is also on row {first}"));
            }
            match (current, by_email.get(email)) {
                (None, Some(owner)) => current = Some(owner),
                (Some(person), Some(owner)) if person.id != owner.id => problem(
                    Column::Email,
                    &format!(
                        "belongs to someone else in the directory (ID {}, {} {})",
                        owner.id, owner.given_name, owner.family_name
                    ),
                ),
                _ => {}
            }
        }

        // The row over what the directory holds: a column in the file replaces the
        // stored value (blank clears it); a column not in the file keeps it.
        let mut input = current.map(PersonInput::from_model).unwrap_or_default();
        let text =
            |column: Column| cell(column).map(|v| Some(v.to_string()).filter(|v| !v.is_empty()));
        if let Some(v) = text(Column::Honorific) {
            input.honorific = v;
        }
        if let Some(v) = text(Column::GivenName) {
            input.given_name = v;
        }
        if let Some(v) = text(Column::FamilyName) {
            input.family_name = v;
        }
        if let Some(v) = text(Column::Email) {
            input.email = v;
        }
        if let Some(v) = text(Column::Position) {
            input.position = v;
        }
        if let Some(v) = text(Column::Bio) {
            input.bio = v;
        }
        if let Some(country) = cell(Column::Country) {
            input.country = match country {
                "" => None,
                named => match CountryCode::find(named) {
                    Some(code) => Some(code.as_str().to_string()),
                    None => {
                        problem(
                            Column::Country,
                            "is not a country we know: write its name (Kenya) or its code (KE)",
                        );
                        None
                    }
                },
            };
        }
        let mut new_org = None;
        if let Some(name) = cell(Column::Organization) {
            input.organization_id = match name {
                "" => None,
                name => match org_by_name.get(&folded(name)) {
                    Some(id) => Some(*id),
                    None => {
                        if !new_organizations.iter().any(|n| folded(n) == folded(name)) {
                            new_organizations.push(name.to_string());
                        }
                        new_org = Some(name.to_string());
                        None
                    }
                },
            };
        }

        let checked = PersonInput {
            honorific: input.honorific.clone(),
            given_name: input.given_name.clone(),
            family_name: input.family_name.clone(),
            email: input.email.clone(),
            position: input.position.clone(),
            organization_id: input.organization_id,
            country: input.country.clone(),
            bio: input.bio.clone(),
            language: input.language.clone(),
        }
        .validate();
        match checked {
            Err(AppError::Invalid(fields)) => {
                for f in fields {
                    let column = Column::ALL
                        .into_iter()
                        .find(|c| c.field() == f.field)
                        .unwrap_or(Column::GivenName);
                    problem(column, &f.message);
                }
            }
            Err(other) => return Err(other),
            Ok(person) => planned.push(match current {
                None => Planned::Create(input, new_org),
                Some(model) => {
                    let stored = PersonInput::from_model(model).validate().ok();
                    if new_org.is_none() && stored.as_ref() == Some(&person) {
                        Planned::Unchanged
                    } else {
                        Planned::Update(Box::new(model.clone()), input, new_org)
                    }
                }
            }),
        }
    }
    collation::sort_by_name(&mut new_organizations, |n| n);
    // In the order a reader meets them: by row, then left to right.
    let place = |e: &ImportError| table.headers.iter().position(|h| *h == e.field);
    errors.sort_by_key(|e| (e.row, place(e)));
    Ok((planned, errors, new_organizations))
}

/// The column each header names; unknown, repeated and missing required columns are
/// problems on row 1.
fn header_columns(headers: &[String], errors: &mut Vec<ImportError>) -> Vec<Option<Column>> {
    let mut columns = Vec::new();
    for header in headers {
        let column = Column::named(header);
        if header.is_empty() {
            columns.push(None);
            continue;
        }
        match column {
            None => errors.push(ImportError {
                row: 1,
                field: header.clone(),
                message: format!(
                    "is not a column we know; the columns are: {}",
                    Column::ALL.map(Column::header).join(", ")
                ),
            }),
            Some(c) if columns.contains(&Some(c)) => errors.push(ImportError {
                row: 1,
                field: header.clone(),
                message: format!("repeats the column {}", c.header()),
            }),
            Some(_) => {}
        }
        columns.push(column);
    }
    // Without names, rows can only name people already in the directory.
    let identifies = columns.contains(&Some(Column::Id)) || columns.contains(&Some(Column::Email));
    for required in [Column::GivenName, Column::FamilyName] {
        if !identifies && !columns.contains(&Some(required)) {
            errors.push(ImportError {
                row: 1,
                field: required.header().to_string(),
                message: "is a column the file needs".to_string(),
            });
        }
    }
    columns
}

/// Each organization by its folded name and acronym, for matching what a row names.
fn organization_names(orgs: &[organization::Model]) -> HashMap<String, i32> {
    let mut names = HashMap::new();
    for o in orgs {
        if let Some(acronym) = &o.acronym {
            names.entry(folded(acronym)).or_insert(o.id);
        }
    }
    for o in orgs {
        names.insert(folded(&o.name), o.id);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_words_field_names_and_common_spreadsheet_words_are_understood() {
        for (header, column) in [
            ("Given name", Column::GivenName),
            ("given_name", Column::GivenName),
            ("First Name", Column::GivenName),
            ("Surname", Column::FamilyName),
            ("E-mail", Column::Email),
            ("Organisation", Column::Organization),
            ("ID", Column::Id),
            ("Biography", Column::Bio),
        ] {
            assert_eq!(Column::named(header), Some(column), "{header}");
        }
        assert_eq!(Column::named("Notes"), None);
    }

    #[test]
    fn a_header_without_names_or_with_strangers_is_refused_on_row_1() {
        let mut errors = Vec::new();
        header_columns(&["Position".into(), "Notes".into()], &mut errors);
        let fields: Vec<_> = errors.iter().map(|e| (e.row, e.field.as_str())).collect();
        assert_eq!(
            fields,
            [(1, "Notes"), (1, "Given name"), (1, "Family name")]
        );
        let mut errors = Vec::new();
        header_columns(&["Email".into(), "Position".into()], &mut errors);
        assert_eq!(errors, [], "an email finds people already known");
        let mut errors = Vec::new();
        header_columns(
            &[
                "Given name".into(),
                "Family name".into(),
                "first name".into(),
            ],
            &mut errors,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "repeats the column Given name");
    }
}
