//! What is printed for the event day and after it: name badges (A4, eight a page), the
//! list of participants by organization (PDF and CSV), and each checked-in registrant's
//! certificate of attendance once the event is over. The PDFs are typeset like the
//! reports ([`crate::pdf`]), from data only.
//!
//! Who is expected: the members of the panels (with their highest role: chair before
//! speaker before rapporteur) and the confirmed registrants ("Participant"); a registrant
//! who is also on a panel (same email, or same name) appears once, with their role.

use std::collections::{BTreeMap, HashMap};

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use crate::app::AppState;
use crate::config::LetterheadSettings;
use crate::directory::store as directory_store;
use crate::domain::collation::compare;
use crate::domain::folded;
use crate::domain::spreadsheet::Sheet;
use crate::entities::{event, registration};
use crate::error::{AppError, AppResult};
use crate::events::{ParticipantRole, SeriesRef, SessionKind, store as event_store, views};
use crate::pdf::{self, Job, Template};
use crate::registrations::RegistrationStatus;
use crate::web::pages::{PagePath, PageResult, Workspace};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/events/{event}/badges.pdf", get(badges))
        .route(
            "/organize/events/{event}/participants.pdf",
            get(participants_pdf),
        )
        .route(
            "/organize/events/{event}/participants.csv",
            get(participants_csv),
        )
        .route("/registrations/{token}/certificate.pdf", get(certificate))
}

/// Someone expected at the event.
#[derive(Debug, Clone)]
pub struct Attendee {
    /// In protocol style: honorific, given name, FAMILY NAME.
    pub name: String,
    family_name: String,
    given_name: String,
    pub organization: Option<String>,
    pub country: Option<String>,
    /// "Chair", "Speaker", … or "Participant".
    pub role: &'static str,
    pub email: Option<String>,
}

/// The event's panels and confirmed registrants, by family name.
pub async fn attendees(
    db: &impl ConnectionTrait,
    event: &event::Model,
) -> AppResult<Vec<Attendee>> {
    let (sessions, _) = event_store::sessions_of_event(db, event.id, None).await?;
    let ids: Vec<i32> = sessions
        .iter()
        .filter(|s| s.kind != SessionKind::Break)
        .map(|s| s.id)
        .collect();
    let roles = event_store::participants(db, &ids).await?;
    let mut highest: BTreeMap<i32, ParticipantRole> = BTreeMap::new();
    for r in &roles {
        let role = highest.entry(r.person_id).or_insert(r.role);
        if r.role.rank() < role.rank() {
            *role = r.role;
        }
    }
    let people = directory_store::people_by_id(db, highest.keys().copied()).await?;
    let orgs =
        directory_store::organizations_by_id(db, people.values().filter_map(|p| p.organization_id))
            .await?;
    let mut list: Vec<Attendee> = highest
        .iter()
        .filter_map(|(id, role)| {
            let p = people.get(id)?;
            Some(Attendee {
                name: crate::directory::display_name(
                    p.honorific.as_deref(),
                    &p.given_name,
                    &p.family_name,
                ),
                family_name: p.family_name.clone(),
                given_name: p.given_name.clone(),
                organization: p
                    .organization_id
                    .and_then(|o| orgs.get(&o))
                    .map(|o| o.name.clone()),
                country: views::country_name(p.country.as_deref()),
                role: role.label(),
                email: p.email.clone(),
            })
        })
        .collect();
    // A registrant who is also on a panel (the same email) is listed once, with their role;
    // namesakes stay two.
    let on_panels: Vec<String> = list
        .iter()
        .filter_map(|a| a.email.as_deref().map(str::to_lowercase))
        .collect();
    let registrants = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event.id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .filter(registration::Column::ErasedAt.is_null())
        .all(db)
        .await?;
    for r in registrants {
        if on_panels.contains(&r.email.to_lowercase()) {
            continue;
        }
        list.push(Attendee {
            name: crate::directory::display_name(None, &r.given_name, &r.family_name),
            family_name: r.family_name,
            given_name: r.given_name,
            organization: r.organization.filter(|o| !o.trim().is_empty()),
            country: views::country_name(r.country.as_deref()),
            role: "Participant",
            email: Some(r.email),
        });
    }
    list.sort_by(|a, b| {
        compare(&a.family_name, &b.family_name).then_with(|| compare(&a.given_name, &b.given_name))
    });
    Ok(list)
}

/// The event as the printables head it.
#[derive(Debug, Serialize)]
struct EventLine {
    title: String,
    subtitle: Option<String>,
    dates: String,
    place: Option<String>,
    venue: Option<String>,
}

impl EventLine {
    fn of(event: &event::Model) -> Self {
        Self {
            title: event.title.clone(),
            subtitle: event.subtitle.clone(),
            dates: views::date_range(event.starts_on, event.ends_on),
            place: views::place(event.city.as_deref(), event.country.as_deref()),
            venue: event.venue.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
struct Badge<'a> {
    name: &'a str,
    organization: Option<&'a str>,
    country: Option<&'a str>,
    role: &'a str,
}

#[derive(Debug, Serialize)]
struct BadgesView<'a> {
    event: EventLine,
    badges: Vec<Badge<'a>>,
}

#[derive(Debug, Serialize)]
struct PersonLine<'a> {
    name: &'a str,
    role: &'a str,
    country: Option<&'a str>,
    /// For the organizers' spreadsheet; not printed.
    #[serde(skip)]
    email: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct Group<'a> {
    /// `None` for those who gave no organization.
    organization: Option<&'a str>,
    people: Vec<PersonLine<'a>>,
}

#[derive(Debug, Serialize)]
struct ParticipantsView<'a> {
    event: EventLine,
    total: usize,
    organizations: usize,
    groups: Vec<Group<'a>>,
}

/// The attendees by organization (in alphabetical order, those without one last).
fn by_organization(list: &[Attendee]) -> Vec<Group<'_>> {
    let mut groups: HashMap<String, Group<'_>> = HashMap::new();
    let mut without = Vec::new();
    for a in list {
        let line = PersonLine {
            name: &a.name,
            role: a.role,
            country: a.country.as_deref(),
            email: a.email.as_deref(),
        };
        match a.organization.as_deref() {
            Some(org) => groups
                .entry(folded(org))
                .or_insert_with(|| Group {
                    organization: Some(org),
                    people: Vec::new(),
                })
                .people
                .push(line),
            None => without.push(line),
        }
    }
    let mut groups: Vec<Group<'_>> = groups.into_values().collect();
    groups.sort_by(|a, b| compare(a.organization.unwrap_or(""), b.organization.unwrap_or("")));
    if !without.is_empty() {
        groups.push(Group {
            organization: None,
            people: without,
        });
    }
    groups
}

async fn typeset(job: AppResult<Job>) -> AppResult<Vec<u8>> {
    Ok(pdf::child::typeset(job?).await?)
}

/// The event named in the path, as its organizers see it.
async fn organized(state: &AppState, reference: &str) -> AppResult<event::Model> {
    crate::events::read::visible_event(&state.db, &SeriesRef::parse(reference), true).await
}

/// The name badges of an event.
pub async fn badges_job(db: &impl ConnectionTrait, event: &event::Model) -> AppResult<Job> {
    let list = attendees(db, event).await?;
    let view = BadgesView {
        event: EventLine::of(event),
        badges: list
            .iter()
            .map(|a| Badge {
                name: &a.name,
                organization: a.organization.as_deref(),
                country: a.country.as_deref(),
                role: a.role,
            })
            .collect(),
    };
    Ok(Job::of(Template::Badges, &view)?)
}

/// The list of participants of an event, by organization.
pub async fn participants_job(db: &impl ConnectionTrait, event: &event::Model) -> AppResult<Job> {
    let list = attendees(db, event).await?;
    let groups = by_organization(&list);
    let view = ParticipantsView {
        event: EventLine::of(event),
        total: list.len(),
        organizations: groups.iter().filter(|g| g.organization.is_some()).count(),
        groups,
    };
    Ok(Job::of(Template::Participants, &view)?)
}

async fn badges(
    State(state): State<AppState>,
    _ws: Workspace,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let event = organized(&state, &reference).await?;
    let bytes = typeset(badges_job(state.db.conn(), &event).await).await?;
    Ok(crate::web::pdf_download(
        bytes,
        &format!("{}-badges.pdf", event.slug),
    ))
}

async fn participants_pdf(
    State(state): State<AppState>,
    _ws: Workspace,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let event = organized(&state, &reference).await?;
    let bytes = typeset(participants_job(state.db.conn(), &event).await).await?;
    Ok(crate::web::pdf_download(
        bytes,
        &format!("{}-participants.pdf", event.slug),
    ))
}

async fn participants_csv(
    State(state): State<AppState>,
    _ws: Workspace,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let event = organized(&state, &reference).await?;
    let list = attendees(state.db.conn(), &event).await?;
    let mut sheet = Sheet::new(&["Organization", "Name", "Taking part as", "Country", "Email"]);
    for group in by_organization(&list) {
        for p in &group.people {
            let email = p.email.unwrap_or_default().to_string();
            sheet.row([
                group.organization.unwrap_or_default().to_string(),
                p.name.to_string(),
                p.role.to_string(),
                p.country.unwrap_or_default().to_string(),
                email,
            ]);
        }
    }
    Ok(crate::web::csv_download(
        &format!("{}-participants.csv", event.slug),
        sheet.finish(),
    ))
}

#[derive(Debug, Serialize)]
struct Letterhead<'a> {
    organization: Option<&'a str>,
    address: Vec<&'a str>,
    signatory: Option<&'a str>,
    signatory_title: Option<&'a str>,
    city: Option<&'a str>,
}

impl<'a> Letterhead<'a> {
    fn of(settings: &'a LetterheadSettings) -> Self {
        let some = |s: &'a str| Some(s.trim()).filter(|s| !s.is_empty());
        Self {
            organization: some(&settings.organization),
            address: settings
                .address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect(),
            signatory: some(&settings.signatory),
            signatory_title: some(&settings.signatory_title),
            city: some(&settings.city),
        }
    }
}

#[derive(Debug, Serialize)]
struct CertificateView<'a> {
    event: EventLine,
    organizers: Vec<String>,
    name: String,
    organization: Option<String>,
    /// The sessions they were marked present at, in programme order.
    sessions: Vec<String>,
    letterhead: Letterhead<'a>,
    issued: String,
    reference: String,
}

/// The certificate of a registration: only once the event is over and only for a
/// registrant who was checked in (404 otherwise, saying nothing more to a link's holder).
async fn certificate(
    State(state): State<AppState>,
    PagePath(token): PagePath<String>,
) -> PageResult {
    let (registration, event) = crate::registrations::service::by_token(&state.db, &token).await?;
    let job = certificate_job(&state.db, &state.settings.letterhead, &registration, &event).await?;
    let bytes = typeset(Ok(job)).await?;
    Ok(crate::web::pdf_download(
        bytes,
        &format!("{}-certificate.pdf", event.slug),
    ))
}

/// A registrant's certificate of attendance; 404 before the event is over or when they
/// were not checked in.
pub async fn certificate_job(
    db: &crate::db::Db,
    letterhead: &LetterheadSettings,
    registration: &registration::Model,
    event: &event::Model,
) -> AppResult<Job> {
    let eligible = registration.checked_in_at.is_some()
        && registration.erased_at.is_none()
        && crate::events::has_ended(event, Utc::now());
    if !eligible {
        return Err(AppError::NotFound("certificate"));
    }
    let (sessions, _) = event_store::sessions_of_event(db.conn(), event.id, None).await?;
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let marks = super::record::lines(db.conn(), &ids).await?;
    let attended: Vec<String> = sessions
        .iter()
        .filter(|s| s.confidentiality.is_listed())
        .filter(|s| {
            marks.iter().any(|m| {
                m.session_id == s.id
                    && m.registration_id == Some(registration.id)
                    && m.status == super::Presence::Present
            })
        })
        .map(|s| s.title.clone())
        .collect();
    let card = crate::events::read::event_views(db, vec![event.clone()])
        .await?
        .remove(0);
    let view = CertificateView {
        event: EventLine::of(event),
        organizers: card.organizers.iter().map(|o| o.name.clone()).collect(),
        name: crate::directory::display_name(
            None,
            &registration.given_name,
            &registration.family_name,
        ),
        organization: registration
            .organization
            .clone()
            .filter(|o| !o.trim().is_empty()),
        sessions: attended,
        letterhead: Letterhead::of(letterhead),
        issued: Utc::now().date_naive().format("%-d %B %Y").to_string(),
        reference: format!("RT-{}-{}", event.id, registration.id),
    };
    Ok(Job::of(Template::Certificate, &view)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attendee(name: &str, organization: Option<&str>) -> Attendee {
        Attendee {
            name: name.into(),
            family_name: name.into(),
            given_name: String::new(),
            organization: organization.map(Into::into),
            country: None,
            role: "Participant",
            email: None,
        }
    }

    #[test]
    fn participants_are_grouped_by_organization_those_without_last() {
        let list = [
            attendee("A", Some("WANEP")),
            attendee("B", None),
            attendee("C", Some("African Union")),
            attendee("D", Some("wanep")),
        ];
        let groups = by_organization(&list);
        let names: Vec<Option<&str>> = groups.iter().map(|g| g.organization).collect();
        assert_eq!(names, [Some("African Union"), Some("WANEP"), None]);
        assert_eq!(groups[1].people.len(), 2, "accents and case aside");
    }
}
