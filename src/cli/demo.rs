//! `roundtable demo`: demonstration data drawn from the source documents. The 2009
//! Brussels conference "Making a difference" and its panel on the Responsibility to
//! Protect, the 2008 Global Consultative Roundtables with their partner organizations, and
//! the Stanley Foundation's 53rd Strategy for Peace Conference (2012). What the sources do
//! not say (times, rooms, emails, most of the programme) is invented and marked as demo
//! data. Loading twice changes nothing: every record is found by a natural key first.

use serde_json::json;

use crate::accounts::{NewUser, Role, service as accounts, store as account_store};
use crate::config::Settings;
use crate::db::Db;
use crate::directory::{
    OrganizationInput, PersonInput, service as directory, store as directory_store,
};
use crate::error::{AppError, AppResult};
use crate::events::{
    EventInput, EventStatus, ParticipantInput, ParticipantRole, SeriesInput, SeriesRef,
    SessionInput, service as events, store as event_store,
};
use crate::web::Actor;

/// A session of the programme: title, kind, start and end (wall time), room, description.
type Slot = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

pub(super) const DEMO_NOTE: &str = "Demo data: times, rooms, emails and the programme around the documented panels are invented for demonstration.";
pub const DEMO_ORGANIZER: &str = "organizer@example.org";
pub const DEMO_RAPPORTEUR: &str = "luc.lampriere@oxfamfrance.example.org";
pub const DEMO_PASSWORD: &str = "roundtable-demo";

struct Org {
    name: &'static str,
    acronym: Option<&'static str>,
    kind: &'static str,
    country: &'static str,
    region: &'static str,
    subregion: Option<&'static str>,
}

const fn org(
    name: &'static str,
    acronym: Option<&'static str>,
    kind: &'static str,
    country: &'static str,
    region: &'static str,
    subregion: Option<&'static str>,
) -> Org {
    Org {
        name,
        acronym,
        kind,
        country,
        region,
        subregion,
    }
}

const ORGANIZATIONS: &[Org] = &[
    org(
        "European Commission",
        Some("EC"),
        "intergovernmental",
        "BE",
        "europe",
        Some("western-europe"),
    ),
    org(
        "International Crisis Group",
        Some("ICG"),
        "ngo",
        "BE",
        "global",
        None,
    ),
    org(
        "Human Rights Institute of South Africa",
        Some("HURISA"),
        "ngo",
        "ZA",
        "africa",
        Some("southern-africa"),
    ),
    org(
        "World Federalist Movement-Institute for Global Policy",
        Some("WFM-IGP"),
        "ngo",
        "US",
        "global",
        None,
    ),
    org(
        "Foreign and Commonwealth Office",
        Some("FCO"),
        "government",
        "GB",
        "europe",
        Some("western-europe"),
    ),
    org(
        "Princeton University",
        None,
        "academic",
        "US",
        "americas",
        Some("north-america"),
    ),
    org(
        "Oxfam France",
        None,
        "ngo",
        "FR",
        "europe",
        Some("western-europe"),
    ),
    org(
        "Asia-Pacific Centre for the Responsibility to Protect",
        Some("APCR2P"),
        "academic",
        "AU",
        "asia-pacific",
        Some("pacific"),
    ),
    org(
        "Chulalongkorn University",
        None,
        "academic",
        "TH",
        "asia-pacific",
        Some("southeast-asia"),
    ),
    org(
        "World Federalist Movement-Canada",
        Some("WFM-Canada"),
        "ngo",
        "CA",
        "americas",
        Some("north-america"),
    ),
    org(
        "Coordinadora Regional de Investigaciones Economicas y Sociales",
        Some("CRIES"),
        "ngo",
        "AR",
        "americas",
        Some("latin-america-caribbean"),
    ),
    org(
        "International Refugee Rights Initiative",
        Some("IRRI"),
        "ngo",
        "UG",
        "africa",
        Some("east-africa"),
    ),
    org(
        "Agir-Ici (Oxfam-France)",
        Some("Agir-Ici"),
        "ngo",
        "FR",
        "europe",
        Some("western-europe"),
    ),
    org(
        "Human Rights Watch-France",
        Some("HRW France"),
        "ngo",
        "FR",
        "europe",
        Some("western-europe"),
    ),
    org(
        "West Africa Civil Society Initiative",
        Some("WACSI"),
        "ngo",
        "GH",
        "africa",
        Some("west-africa"),
    ),
    org(
        "The Stanley Foundation",
        None,
        "foundation",
        "US",
        "americas",
        Some("north-america"),
    ),
    org(
        "International Coalition for the Responsibility to Protect",
        Some("ICRtoP"),
        "ngo",
        "US",
        "global",
        None,
    ),
];

pub(super) struct Person {
    pub(super) honorific: &'static str,
    pub(super) given: &'static str,
    pub(super) family: &'static str,
    pub(super) position: Option<&'static str>,
    pub(super) organization: &'static str,
    pub(super) country: &'static str,
    pub(super) email: &'static str,
}

/// The RtoP panel of 3 June 2009 as the source lists it: chair, five speakers, rapporteur.
const RTOP_PANEL: &[(ParticipantRole, Person)] = &[
    (
        ParticipantRole::Chair,
        Person {
            honorific: "Mr",
            given: "Gareth",
            family: "Evans",
            position: Some("President and Chief Executive"),
            organization: "International Crisis Group",
            country: "AU",
            email: "gareth.evans@crisisgroup.example.org",
        },
    ),
    (
        ParticipantRole::Speaker,
        Person {
            honorific: "Ms",
            given: "Corlett",
            family: "Letlojane",
            position: Some("Director"),
            organization: "Human Rights Institute of South Africa",
            country: "ZA",
            email: "corlett.letlojane@hurisa.example.org",
        },
    ),
    (
        ParticipantRole::Speaker,
        Person {
            honorific: "Ms",
            given: "Sapna",
            family: "Chhatpar",
            position: Some("Program Associate"),
            organization: "World Federalist Movement-Institute for Global Policy",
            country: "US",
            email: "sapna.chhatpar@wfm-igp.example.org",
        },
    ),
    (
        ParticipantRole::Speaker,
        Person {
            honorific: "Mr",
            given: "Andrew",
            family: "Rathmell",
            position: Some("Deputy Director, Directorate for Strategy and Policy Planning"),
            organization: "Foreign and Commonwealth Office",
            country: "GB",
            email: "andrew.rathmell@fco.example.org",
        },
    ),
    (
        ParticipantRole::Speaker,
        Person {
            honorific: "Prof",
            given: "Gary",
            family: "Bass",
            position: None,
            organization: "Princeton University",
            country: "US",
            email: "gary.bass@princeton.example.org",
        },
    ),
    (
        ParticipantRole::Speaker,
        Person {
            honorific: "Ms",
            given: "Kirstin",
            family: "de Peyron",
            position: Some(
                "Acting Head of Unit for UN affairs, Directorate General for External Relations",
            ),
            organization: "European Commission",
            country: "BE",
            email: "kirstin.de-peyron@ec.example.org",
        },
    ),
    (
        ParticipantRole::Rapporteur,
        Person {
            honorific: "Mr",
            given: "Luc",
            family: "Lamprière",
            position: Some("General Director"),
            organization: "Oxfam France",
            country: "FR",
            email: DEMO_RAPPORTEUR,
        },
    ),
];

struct Roundtable {
    slug: &'static str,
    city: &'static str,
    country: &'static str,
    region: &'static str,
    subregion: &'static str,
    timezone: &'static str,
    date: &'static str,
    partners: &'static [&'static str],
}

/// The seven 2008 roundtables, February to August, with their partners as the source
/// names them. Dates within those months are invented.
const ROUNDTABLES: &[Roundtable] = &[
    Roundtable {
        slug: "rtop-roundtable-bangkok-2008",
        city: "Bangkok",
        country: "TH",
        region: "asia-pacific",
        subregion: "southeast-asia",
        timezone: "Asia/Bangkok",
        date: "2008-02-21",
        partners: &[
            "Asia-Pacific Centre for the Responsibility to Protect",
            "Chulalongkorn University",
        ],
    },
    Roundtable {
        slug: "rtop-roundtable-ottawa-2008",
        city: "Ottawa",
        country: "CA",
        region: "americas",
        subregion: "north-america",
        timezone: "America/Toronto",
        date: "2008-03-07",
        partners: &["World Federalist Movement-Canada"],
    },
    Roundtable {
        slug: "rtop-roundtable-buenos-aires-2008",
        city: "Buenos Aires",
        country: "AR",
        region: "americas",
        subregion: "latin-america-caribbean",
        timezone: "America/Argentina/Buenos_Aires",
        date: "2008-04-10",
        partners: &["Coordinadora Regional de Investigaciones Economicas y Sociales"],
    },
    Roundtable {
        slug: "rtop-roundtable-kampala-2008",
        city: "Kampala",
        country: "UG",
        region: "africa",
        subregion: "east-africa",
        timezone: "Africa/Kampala",
        date: "2008-05-08",
        partners: &["International Refugee Rights Initiative"],
    },
    Roundtable {
        slug: "rtop-roundtable-johannesburg-2008",
        city: "Johannesburg",
        country: "ZA",
        region: "africa",
        subregion: "southern-africa",
        timezone: "Africa/Johannesburg",
        date: "2008-05-29",
        partners: &["Human Rights Institute of South Africa"],
    },
    Roundtable {
        slug: "rtop-roundtable-paris-2008",
        city: "Paris",
        country: "FR",
        region: "europe",
        subregion: "western-europe",
        timezone: "Europe/Paris",
        date: "2008-06-19",
        partners: &["Agir-Ici (Oxfam-France)", "Human Rights Watch-France"],
    },
    Roundtable {
        slug: "rtop-roundtable-accra-2008",
        city: "Accra",
        country: "GH",
        region: "africa",
        subregion: "west-africa",
        timezone: "Africa/Accra",
        date: "2008-07-24",
        partners: &["West Africa Civil Society Initiative"],
    },
];

/// What was loaded, for the command's output.
#[derive(Default)]
pub(super) struct Tally {
    created: usize,
    found: usize,
}

impl Tally {
    pub(super) fn note(&mut self, created: bool) {
        if created {
            self.created += 1;
        } else {
            self.found += 1;
        }
    }
}

async fn organization(db: &Db, tally: &mut Tally, o: &Org) -> AppResult<i32> {
    if let Some(existing) = directory_store::organization_by_name(db.conn(), o.name).await? {
        tally.note(false);
        return Ok(existing.id);
    }
    let input = OrganizationInput {
        name: Some(o.name.into()),
        acronym: o.acronym.map(Into::into),
        kind: Some(o.kind.into()),
        country: Some(o.country.into()),
        region: Some(o.region.into()),
        subregion: o.subregion.map(Into::into),
        website: None,
    };
    let created = directory::create_organization(db, None, input.validate()?).await?;
    tally.note(true);
    Ok(created.id)
}

pub(super) async fn organization_id(db: &Db, name: &str) -> AppResult<i32> {
    directory_store::organization_by_name(db.conn(), name)
        .await?
        .map(|o| o.id)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("demo organization {name} missing")))
}

pub(super) async fn person(db: &Db, tally: &mut Tally, p: &Person) -> AppResult<i32> {
    if let Some(existing) = directory_store::person_by_email(db.conn(), p.email).await? {
        tally.note(false);
        return Ok(existing.id);
    }
    let input = PersonInput {
        honorific: Some(p.honorific.into()),
        given_name: Some(p.given.into()),
        family_name: Some(p.family.into()),
        email: Some(p.email.into()),
        position: p.position.map(Into::into),
        organization_id: Some(organization_id(db, p.organization).await?),
        country: Some(p.country.into()),
        bio: None,
        language: None,
    };
    let created = directory::create_person(db, None, input.validate()?).await?;
    tally.note(true);
    Ok(created.id)
}

/// The demo organizer account, created when missing.
async fn account(
    db: &Db,
    tally: &mut Tally,
    email: &str,
    name: &str,
    role: Role,
) -> AppResult<Actor> {
    let user = match account_store::user_by_email(db.conn(), email).await? {
        Some(user) => {
            tally.note(false);
            user
        }
        None => {
            let new = NewUser::parse(email, name, role.as_str(), DEMO_PASSWORD).map_err(|_| {
                AppError::Internal(anyhow::anyhow!("demo account {email} is invalid"))
            })?;
            tally.note(true);
            accounts::create_user(db, new).await?
        }
    };
    Ok(Actor {
        id: user.id,
        email: user.email,
        name: user.name,
        role,
        language: user.language,
    })
}

/// Finds an event by slug or creates and publishes it.
pub(super) async fn event(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    tally: &mut Tally,
    slug: &str,
    input: serde_json::Value,
) -> AppResult<i32> {
    let reference = SeriesRef::Slug(slug.to_string());
    if let Some(existing) = event_store::event(db.conn(), &reference).await? {
        tally.note(false);
        return Ok(existing.id);
    }
    let mut input = input;
    input["slug"] = json!(slug);
    let input: EventInput = crate::web::json::from_value(input)?;
    let created = events::create_event(db, Some(actor), input).await?;
    events::set_status(db, settings, actor, &reference, EventStatus::Published).await?;
    tally.note(true);
    Ok(created.id)
}

/// Finds a session of an event by title or creates it; times are Brussels-style wall
/// times in the event's zone.
pub(super) async fn session(
    db: &Db,
    actor: &Actor,
    tally: &mut Tally,
    event_id: i32,
    (title, kind, starts, ends, room, description): (
        &str,
        &str,
        &str,
        &str,
        Option<&str>,
        Option<&str>,
    ),
) -> AppResult<i32> {
    let (existing, _) = event_store::sessions_of_event(db.conn(), event_id, None).await?;
    // Found by its title, or by its English title once the demo wrote it in another
    // language (see demo_languages).
    let english = |s: &crate::entities::session::Model| {
        crate::i18n::content::Translations::stored(s.translations.as_deref())
            .get(crate::i18n::Language::En, "title")
            .is_some_and(|t| t == title)
    };
    if let Some(found) = existing.iter().find(|s| s.title == title || english(s)) {
        tally.note(false);
        return Ok(found.id);
    }
    let input = SessionInput {
        title: Some(title.into()),
        kind: Some(kind.into()),
        description: description.map(Into::into),
        starts_at: Some(starts.into()),
        ends_at: Some(ends.into()),
        room: room.map(Into::into),
        capacity: None,
        confidentiality: None,
        translations: None,
    };
    let (created, _) = events::create_session(db, actor, &SeriesRef::Id(event_id), input).await?;
    tally.note(true);
    Ok(created.id)
}

pub(super) async fn participant(
    db: &Db,
    actor: &Actor,
    tally: &mut Tally,
    session_id: i32,
    person_id: i32,
    role: ParticipantRole,
) -> AppResult<()> {
    let input = ParticipantInput {
        person_id: Some(person_id),
        role: Some(role.as_str().into()),
        position: None,
    };
    match events::add_participant(db, actor, session_id, input).await {
        Ok(_) => tally.note(true),
        Err(AppError::Conflict(_)) => tally.note(false),
        Err(err) => return Err(err),
    }
    Ok(())
}

/// Loads everything; returns a summary for the command line.
pub async fn load(db: &Db, settings: &Settings) -> AppResult<String> {
    let mut tally = Tally::default();
    let organizer = account(
        db,
        &mut tally,
        DEMO_ORGANIZER,
        "Demo Organizer",
        Role::Organizer,
    )
    .await?;
    let rapporteur = account(
        db,
        &mut tally,
        DEMO_RAPPORTEUR,
        "Luc Lamprière",
        Role::Rapporteur,
    )
    .await?;
    for o in ORGANIZATIONS {
        organization(db, &mut tally, o).await?;
    }
    brussels_2009(db, settings, &organizer, &mut tally).await?;
    roundtables_2008(db, settings, &organizer, &mut tally).await?;
    super::demo_languages::load(db, settings, &organizer, &mut tally).await?;
    stanley_2012(db, settings, &organizer, &mut tally).await?;
    super::demo_reports::load(db, settings, &organizer, &rapporteur, &mut tally).await?;
    super::demo_upcoming::load(db, settings, &organizer, &mut tally).await?;
    super::demo_documents::load(db, settings, &organizer, &mut tally).await?;
    super::demo_tracker::load(db, settings, &organizer, &rapporteur, &mut tally).await?;
    // The search index is brought up to date now, so that the server starts with nothing
    // queued (a first drain of everything would hold the write lock while people work).
    crate::search::index::drain(db).await?;
    Ok(format!(
        "demo data loaded: {} records created, {} already present\n\
         sign in as {DEMO_ORGANIZER} (organizer) or {DEMO_RAPPORTEUR} (rapporteur) with the password \"{DEMO_PASSWORD}\"",
        tally.created, tally.found
    ))
}

async fn brussels_2009(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    let ec = organization_id(db, "European Commission").await?;
    let event_id = event(
        db,
        settings,
        actor,
        tally,
        "making-a-difference-brussels-2009",
        json!({
            "title": "Making a difference",
            "subtitle": "Strengthening capacities to respond to crises and security threats",
            "kind": "conference",
            "description": format!(
                "Every two years, the European Commission brings together in Brussels the international community of policy makers and practitioners in conflict prevention and crisis response so as to examine and learn from responses to crises and security threats. The particular aim of this 2009 conference is to explore what works best and \"what makes the difference\", with a view to identifying effective approaches to the strengthening of crisis response capacities.\n\n{DEMO_NOTE}"
            ),
            "starts_on": "2009-06-03",
            "ends_on": "2009-06-04",
            "timezone": "Europe/Brussels",
            "venue": "Charlemagne Building, Rue de la Loi 170",
            "city": "Brussels",
            "country": "BE",
            "region": "europe",
            "subregion": "western-europe",
            "organizers": [{"organization_id": ec, "role": "organizer"}],
            "capacity": 300,
            "registration": {"mode": "open", "waitlist": true}
        }),
    )
    .await?;
    let programme: &[Slot] = &[
        (
            "Registration and welcome coffee",
            "break",
            "2009-06-03T08:30",
            "2009-06-03T09:30",
            Some("Foyer"),
            None,
        ),
        (
            "Opening plenary: what makes the difference?",
            "plenary",
            "2009-06-03T09:30",
            "2009-06-03T11:00",
            Some("Main hall"),
            Some(
                "Opening of the conference by the European Commission. The need for comprehensive approaches to crises, as confirmed in the 2008 review of the European Security Strategy.",
            ),
        ),
        (
            "Panel: mediation and dialogue in crisis response",
            "panel",
            "2009-06-03T11:30",
            "2009-06-03T13:00",
            Some("Room A"),
            Some("Effective mediation as part of coherent and timely responses to crises."),
        ),
        (
            "Lunch",
            "break",
            "2009-06-03T13:00",
            "2009-06-03T14:00",
            None,
            None,
        ),
        (
            "Panel on the Responsibility to Protect – making the concept operational",
            "panel",
            "2009-06-03T14:00",
            "2009-06-03T15:30",
            Some("Room A"),
            Some(
                "The Responsibility to Protect (RtoP) populations from genocide, ethnic cleansing, war crimes and crimes against humanity is a commitment taken by governments at the World Summit in 2005 to prevent and react to grave mass atrocities, wherever they may occur. Four years after the World Summit, much remains to be done. What could and should be key priorities for the EU when it comes to contributing to the Responsibility to Protect?",
            ),
        ),
        (
            "Panel: post-conflict strategies and local capacities",
            "panel",
            "2009-06-03T16:00",
            "2009-06-03T17:30",
            Some("Room B"),
            Some(
                "Strategies for peace, stability and reconciliation, and the strengthening of local capacities in conflict-affected areas.",
            ),
        ),
        (
            "Panel: civilian and military instruments working together",
            "panel",
            "2009-06-04T09:30",
            "2009-06-04T11:00",
            Some("Room A"),
            Some(
                "Proactive, coordinated and sustained engagement of state and non-state actors deploying a range of instruments.",
            ),
        ),
        (
            "Coffee break",
            "break",
            "2009-06-04T11:00",
            "2009-06-04T11:30",
            Some("Foyer"),
            None,
        ),
        (
            "Workshop: partnerships with civil society",
            "workshop",
            "2009-06-04T11:30",
            "2009-06-04T13:00",
            Some("Room B"),
            Some(
                "How the EU and civil society organisations can work together on crisis response.",
            ),
        ),
        (
            "Closing plenary and conclusions",
            "plenary",
            "2009-06-04T14:00",
            "2009-06-04T15:30",
            Some("Main hall"),
            Some("Rapporteurs' conclusions from the panels."),
        ),
    ];
    let mut rtop_session = None;
    for entry in programme {
        let id = session(db, actor, tally, event_id, *entry).await?;
        if entry
            .0
            .starts_with("Panel on the Responsibility to Protect")
        {
            rtop_session = Some(id);
        }
    }
    let rtop_session =
        rtop_session.ok_or_else(|| AppError::Internal(anyhow::anyhow!("RtoP panel missing")))?;
    for (role, p) in RTOP_PANEL {
        let person_id = person(db, tally, p).await?;
        participant(db, actor, tally, rtop_session, person_id, *role).await?;
    }
    Ok(())
}

async fn roundtables_2008(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    let slug = "global-consultative-roundtables-rtop-2008";
    let series_id = match event_store::series(db.conn(), &SeriesRef::Slug(slug.into())).await? {
        Some(series) => {
            tally.note(false);
            series.id
        }
        None => {
            let input = SeriesInput {
                title: Some(
                    "Global Consultative Roundtables on the Responsibility to Protect".into(),
                ),
                description: Some(format!(
                    "Between February and August 2008 the Responsibility to Protect-Engaging Civil Society project (R2PCS) at the World Federalist Movement-Institute for Global Policy organized seven consultative roundtables with NGOs worldwide, with partners in each region. Their goals: 1) increase understanding of RtoP and how it applies to conflicts in the region; 2) explore how to strengthen regional and international mechanisms to support RtoP; 3) forge partnerships with NGOs interested in joining a core group in building an NGO coalition. The outcomes were drawn together in the report \"Global Consultative Roundtables on the Responsibility to Protect: Civil Society Recommendations for Action\", and the International Coalition for the Responsibility to Protect was launched on 28 January 2009.\n\n{DEMO_NOTE}"
                )),
                slug: Some(slug.into()),
                language: None,
                translations: None,
            };
            tally.note(true);
            events::create_series(db, Some(actor), input).await?.id
        }
    };
    let wfm = organization_id(db, "World Federalist Movement-Institute for Global Policy").await?;
    for r in ROUNDTABLES {
        let mut organizers = vec![json!({"organization_id": wfm, "role": "organizer"})];
        for partner in r.partners {
            organizers.push(
                json!({"organization_id": organization_id(db, partner).await?, "role": "partner"}),
            );
        }
        let event_id = event(
            db,
            settings,
            actor,
            tally,
            r.slug,
            json!({
                "title": format!("Global Consultative Roundtable on the Responsibility to Protect: {}", r.city),
                "subtitle": "Civil society perspectives and recommendations for action",
                "kind": "roundtable",
                "description": format!(
                    "A consultative roundtable with civil society organizations in the region, organized by R2PCS (WFM-IGP) with {}. It aimed to increase understanding of RtoP and how it applies to conflicts in the region, explore how to strengthen regional and international mechanisms to support RtoP, and forge partnerships with NGOs interested in building an NGO coalition.\n\n{DEMO_NOTE}",
                    r.partners.join(" and ")
                ),
                "starts_on": r.date,
                "ends_on": r.date,
                "timezone": r.timezone,
                "city": r.city,
                "country": r.country,
                "region": r.region,
                "subregion": r.subregion,
                "series": series_id,
                "organizers": organizers,
                "capacity": 40,
                "registration": {"mode": "approval", "waitlist": false}
            }),
        )
        .await?;
        let day = r.date;
        let sessions = [
            (
                "Opening and introductions",
                "plenary",
                format!("{day}T09:00"),
                format!("{day}T09:30"),
                None,
            ),
            (
                "Understanding RtoP and its application to conflicts in the region",
                "roundtable",
                format!("{day}T09:30"),
                format!("{day}T11:30"),
                Some(
                    "How the Responsibility to Protect relates to the region: history, current situations and the regional debate.",
                ),
            ),
            (
                "Strengthening regional and international mechanisms to support RtoP",
                "roundtable",
                format!("{day}T12:30"),
                format!("{day}T14:30"),
                Some(
                    "Early warning, regional organizations and the United Nations: what works and what is missing.",
                ),
            ),
            (
                "Building an international NGO coalition for RtoP",
                "roundtable",
                format!("{day}T15:00"),
                format!("{day}T16:30"),
                Some(
                    "Challenges, strategies and activities to take RtoP forward; partnerships for a core group of a coalition.",
                ),
            ),
        ];
        for (title, kind, starts, ends, description) in &sessions {
            session(
                db,
                actor,
                tally,
                event_id,
                (
                    title,
                    kind,
                    starts,
                    ends,
                    Some("Conference room"),
                    *description,
                ),
            )
            .await?;
        }
    }
    Ok(())
}

async fn stanley_2012(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    let stanley = organization_id(db, "The Stanley Foundation").await?;
    let event_id = event(
        db,
        settings,
        actor,
        tally,
        "strategy-for-peace-conference-2012",
        json!({
            "title": "53rd Strategy for Peace Conference",
            "subtitle": "Assisting states to prevent atrocities",
            "kind": "conference",
            "description": format!(
                "As part of its 53rd annual Strategy for Peace Conference, the Stanley Foundation convened some 30 government and international officials, mass-atrocity specialists, and civil society representatives near Washington, DC, to explore the strategic and policy dimensions of assisting \"states under stress\" to prevent atrocity violence, and its implications for development policy, stabilization assistance, and post-conflict peacebuilding.\n\n{DEMO_NOTE}"
            ),
            "starts_on": "2012-10-17",
            "ends_on": "2012-10-19",
            "timezone": "America/New_York",
            "venue": "Conference centre near Washington, DC",
            "city": "Washington, DC area",
            "country": "US",
            "region": "americas",
            "subregion": "north-america",
            "organizers": [{"organization_id": stanley, "role": "organizer"}],
            "capacity": 30,
            "registration": {"mode": "invite-only", "waitlist": false}
        }),
    )
    .await?;
    let sessions: &[Slot] = &[
        (
            "Opening dinner and keynote",
            "plenary",
            "2012-10-17T18:30",
            "2012-10-17T21:00",
            Some("Dining room"),
            None,
        ),
        (
            "Building state protection capacity: what does it mean?",
            "roundtable",
            "2012-10-18T09:00",
            "2012-10-18T10:30",
            Some("Roundtable room"),
            Some("How an atrocity lens might focus broader objectives for structural prevention."),
        ),
        (
            "Development assistance through an atrocity-prevention lens",
            "roundtable",
            "2012-10-18T11:00",
            "2012-10-18T12:30",
            Some("Roundtable room"),
            None,
        ),
        (
            "Stabilization and post-conflict peacebuilding",
            "roundtable",
            "2012-10-18T14:00",
            "2012-10-18T15:30",
            Some("Roundtable room"),
            None,
        ),
        (
            "Next steps toward a shared global vision",
            "roundtable",
            "2012-10-19T09:00",
            "2012-10-19T11:00",
            Some("Roundtable room"),
            Some(
                "Incentives that encourage perpetrators to target civilians; integrating the atrocity lens across silos; broadening the dialogue among core stakeholders.",
            ),
        ),
    ];
    for entry in sessions {
        session(db, actor, tally, event_id, *entry).await?;
    }
    Ok(())
}
