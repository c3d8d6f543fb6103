//! The demo's events to come, dated from the day it is first loaded, so that a newcomer
//! sees the product alive: a follow-up roundtable of the 2008 series in Kampala with open
//! registration, a waiting list and twenty registrants to check in at the door, whose rapporteur
//! is invited to an account (the set-up mail waits in the outbox); and an invite-only
//! expert briefing in New York whose chair and speaker are invited. People, dates and
//! programme are invented and marked as demo data.

use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use serde_json::json;

use super::demo::{Person, Tally, event, participant, person, session};
use crate::accounts::service::{self as accounts, Invite, InviteReason};
use crate::accounts::{Role, store as account_store};
use crate::config::Settings;
use crate::db::Db;
use crate::directory::store as directory_store;
use crate::error::{AppError, AppResult};
use crate::events::{ParticipantRole, SeriesRef, store as event_store};
use crate::invitations::InviteRequest;
use crate::registrations::RegistrationInput;
use crate::web::Actor;

pub const FOLLOW_UP_SLUG: &str = "rtop-follow-up-roundtable-kampala";
pub const BRIEFING_SLUG: &str = "expert-briefing-early-warning-new-york";

const NOTE: &str = "Demo data: this event is invented for demonstration and dated from the day the demo was loaded.";

const RAPPORTEUR: Person = Person {
    honorific: "Ms",
    given: "Grace",
    family: "Akello",
    position: Some("Programme Officer"),
    organization: "International Refugee Rights Initiative",
    country: "UG",
    email: "grace.akello@irri.example.org",
};

/// Registrants of the follow-up roundtable: given name, family name, organization,
/// country, needs.
const REGISTRANTS: &[(&str, &str, &str, &str, Option<&str>)] = &[
    (
        "Ama",
        "Mensah",
        "West Africa Civil Society Initiative",
        "GH",
        None,
    ),
    (
        "Aisha",
        "Nakato",
        "Refugee Law Project",
        "UG",
        Some("Vegetarian meals"),
    ),
    (
        "Peter",
        "Ochieng",
        "Kenya Human Rights Commission",
        "KE",
        None,
    ),
    (
        "Fatou",
        "Diallo",
        "RADDHO",
        "SN",
        Some("French interpretation, please"),
    ),
    (
        "Samuel",
        "Tesfaye",
        "Horn of Africa Peace Network",
        "ET",
        None,
    ),
    ("Ana", "Ñúñez-Lamprière", "CRIES", "AR", None),
    ("Joseph", "Mugisha", "Refugee Law Project", "UG", None),
    (
        "Esther",
        "Wanjiru",
        "Kenya Human Rights Commission",
        "KE",
        None,
    ),
    ("Moussa", "Traoré", "RADDHO", "SN", None),
    (
        "Chipo",
        "Moyo",
        "Zimbabwe Human Rights NGO Forum",
        "ZW",
        Some("Step-free access"),
    ),
    (
        "Tendai",
        "Ncube",
        "Zimbabwe Human Rights NGO Forum",
        "ZW",
        None,
    ),
    (
        "Hawa",
        "Kamara",
        "West Africa Network for Peacebuilding",
        "SL",
        None,
    ),
    (
        "Kwame",
        "Boateng",
        "West Africa Civil Society Initiative",
        "GH",
        None,
    ),
    ("Nadia", "Haddad", "Arab Reform Initiative", "LB", None),
    (
        "Jean-Pierre",
        "Habimana",
        "Great Lakes Initiative for Peace",
        "RW",
        None,
    ),
    (
        "Halima",
        "Abdi",
        "Horn of Africa Peace Network",
        "ET",
        Some("Halal meals"),
    ),
    ("Daniel", "Otieno", "African Union Commission", "KE", None),
    (
        "Miriam",
        "Ssali",
        "Uganda Human Rights Commission",
        "UG",
        None,
    ),
    ("Lucas", "Fernández", "CRIES", "AR", None),
    ("Sophie", "Laurent", "Agir Ici", "FR", None),
];

/// An address part without the accents of a name ("ñúñez-lamprière" → "nunez-lampriere").
fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ñ' => 'n',
            'á' | 'à' => 'a',
            'é' | 'è' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            other => other,
        })
        .collect()
}

/// The first `weekday` on or after `from`.
fn next(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(i64::from(ahead))
}

async fn person_id(db: &Db, email: &str) -> AppResult<i32> {
    directory_store::person_by_email(db.conn(), email)
        .await?
        .map(|p| p.id)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("demo person {email} missing")))
}

/// Loads both events unless they are there already (found by slug).
pub(super) async fn load(
    db: &Db,
    settings: &Settings,
    organizer: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    let today = Utc::now().date_naive();
    follow_up(
        db,
        settings,
        organizer,
        tally,
        next(today + Duration::days(42), Weekday::Thu),
    )
    .await?;
    briefing(
        db,
        settings,
        organizer,
        tally,
        next(today + Duration::days(20), Weekday::Tue),
    )
    .await
}

async fn follow_up(
    db: &Db,
    settings: &Settings,
    organizer: &Actor,
    tally: &mut Tally,
    day: NaiveDate,
) -> AppResult<()> {
    let reference = SeriesRef::Slug(FOLLOW_UP_SLUG.into());
    if event_store::event(db.conn(), &reference).await?.is_some() {
        tally.note(false);
        return Ok(());
    }
    let series = event_store::series(
        db.conn(),
        &SeriesRef::Slug("global-consultative-roundtables-rtop-2008".into()),
    )
    .await?
    .map(|s| s.id);
    let organizer_org =
        super::demo::organization_id(db, "World Federalist Movement-Institute for Global Policy")
            .await?;
    let partner =
        super::demo::organization_id(db, "International Refugee Rights Initiative").await?;
    let event_id = event(
        db,
        settings,
        organizer,
        tally,
        FOLLOW_UP_SLUG,
        json!({
            "title": "Follow-up Consultative Roundtable on the Responsibility to Protect: Kampala",
            "subtitle": "What became of the 2008 recommendations, and what civil society asks next",
            "kind": "roundtable",
            "description": format!("Participants of the 2008 roundtables and new partners review what came of their recommendations to the African Union, regional organizations and the United Nations, and agree on what to ask next.\n\n{NOTE}"),
            "starts_on": day.to_string(),
            "ends_on": day.to_string(),
            "timezone": "Africa/Kampala",
            "venue": "Kampala Serena Hotel",
            "city": "Kampala",
            "country": "UG",
            "region": "africa",
            "subregion": "east-africa",
            "series": series,
            "organizers": [
                {"organization_id": organizer_org, "role": "organizer"},
                {"organization_id": partner, "role": "partner"}
            ],
            "capacity": 24,
            "registration": {"mode": "open", "waitlist": true}
        }),
    )
    .await?;
    let sessions = [
        (
            "Opening: ten years of the Responsibility to Protect in the Great Lakes",
            "plenary",
            "09:00",
            "09:30",
            None,
        ),
        (
            "What came of the 2008 recommendations",
            "roundtable",
            "09:30",
            "11:30",
            Some(
                "A review, recommendation by recommendation, of what the African Union, the regional organizations and the United Nations did.",
            ),
        ),
        ("Break", "break", "11:30", "12:00", None),
        (
            "Early warning that leads to early action",
            "roundtable",
            "12:00",
            "13:30",
            Some(
                "From warnings to decisions: what civil society can ask of the African Union's Continental Early Warning System.",
            ),
        ),
    ];
    let mut review_session = None;
    for (title, kind, starts, ends, description) in sessions {
        let id = session(
            db,
            organizer,
            tally,
            event_id,
            (
                title,
                kind,
                &format!("{day}T{starts}"),
                &format!("{day}T{ends}"),
                Some("Victoria Hall"),
                description,
            ),
        )
        .await?;
        if title.starts_with("What came") {
            review_session = Some(id);
        }
    }
    let review_session = review_session
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("demo session missing")))?;
    let rapporteur = person(db, tally, &RAPPORTEUR).await?;
    participant(
        db,
        organizer,
        tally,
        review_session,
        rapporteur,
        ParticipantRole::Rapporteur,
    )
    .await?;
    let chair = person_id(db, "corlett.letlojane@hurisa.example.org").await?;
    participant(
        db,
        organizer,
        tally,
        review_session,
        chair,
        ParticipantRole::Chair,
    )
    .await?;
    // The rapporteur gets an account in the way an organizer gives one: the set-up mail
    // names the session and the due date of its summary.
    if account_store::user_by_email(db.conn(), RAPPORTEUR.email)
        .await?
        .is_none()
    {
        let invite = Invite::parse(
            Some(RAPPORTEUR.email),
            Some("Ms Grace AKELLO"),
            Some(Role::Rapporteur.as_str()),
        )?;
        accounts::invite(db, settings, Some(organizer), invite, InviteReason::Invited).await?;
        tally.note(true);
    }
    for (given, family, organization, country, needs) in REGISTRANTS {
        let input = RegistrationInput {
            given_name: Some((*given).into()),
            family_name: Some((*family).into()),
            email: Some(format!(
                "{}.{}@example.org",
                given.to_lowercase(),
                ascii(&family.to_lowercase())
            )),
            organization: Some((*organization).into()),
            country: Some((*country).into()),
            needs: needs.map(Into::into),
            consent: Some(true),
            invitation: None,
            walk_in: None,
            language: None,
        };
        let registered =
            crate::registrations::service::register(db, settings, &reference, input).await?;
        tally.note(true);
        // One registrant needs a visa and asked for a letter (invented passport details),
        // waiting for the organizers, when the demo offers visa letters.
        if *given == "Fatou" && settings.visa_letters.enabled {
            let token = registered
                .manage_url
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
            let passport = crate::visas::PassportInput {
                passport_name: Some("DIALLO Fatou".into()),
                passport_number: Some("A00DEMO42".into()),
                nationality: Some("SN".into()),
                date_of_birth: Some("1979-11-23".into()),
                passport_expiry: Some((day + Duration::days(900)).to_string()),
            };
            crate::visas::service::request(db, settings, &token, &passport).await?;
            tally.note(true);
        }
    }
    Ok(())
}

async fn briefing(
    db: &Db,
    settings: &Settings,
    organizer: &Actor,
    tally: &mut Tally,
    day: NaiveDate,
) -> AppResult<()> {
    let reference = SeriesRef::Slug(BRIEFING_SLUG.into());
    if event_store::event(db.conn(), &reference).await?.is_some() {
        tally.note(false);
        return Ok(());
    }
    let organizer_org = super::demo::organization_id(db, "International Crisis Group").await?;
    let event_id = event(
        db,
        settings,
        organizer,
        tally,
        BRIEFING_SLUG,
        json!({
            "title": "Expert briefing: early warning and the Responsibility to Protect",
            "subtitle": "For the missions of the members of the Security Council",
            "kind": "briefing",
            "description": format!("A closed briefing by invitation for diplomats of the missions to the United Nations: how early warning reaches the Security Council, and what helps it act in time.\n\n{NOTE}"),
            "starts_on": day.to_string(),
            "ends_on": day.to_string(),
            "timezone": "America/New_York",
            "venue": "Church Center for the United Nations",
            "city": "New York",
            "country": "US",
            "region": "americas",
            "subregion": "north-america",
            "organizers": [{"organization_id": organizer_org, "role": "organizer"}],
            "capacity": 25,
            "registration": {"mode": "invite-only", "waitlist": false}
        }),
    )
    .await?;
    let session_id = session(
        db,
        organizer,
        tally,
        event_id,
        (
            "Briefing and discussion",
            "plenary",
            &format!("{day}T13:15"),
            &format!("{day}T14:45"),
            Some("Conference room 2"),
            Some("A short briefing, then questions from the missions."),
        ),
    )
    .await?;
    let chair = person_id(db, "gareth.evans@crisisgroup.example.org").await?;
    let speaker = person_id(db, "sapna.chhatpar@wfm-igp.example.org").await?;
    participant(
        db,
        organizer,
        tally,
        session_id,
        chair,
        ParticipantRole::Chair,
    )
    .await?;
    participant(
        db,
        organizer,
        tally,
        session_id,
        speaker,
        ParticipantRole::Speaker,
    )
    .await?;
    crate::invitations::service::invite(
        db,
        settings,
        organizer,
        &reference,
        InviteRequest {
            person_ids: None,
            session_id: Some(session_id),
            message: Some(
                "We would be glad to have you lead this briefing for the missions. Lunch is served from 12:45."
                    .into(),
            ),
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_weekday_is_on_or_after_the_day() {
        let saturday = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(next(saturday, Weekday::Sat), saturday);
        assert_eq!(
            next(saturday, Weekday::Thu),
            NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()
        );
    }
}
