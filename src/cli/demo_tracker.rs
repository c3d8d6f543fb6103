//! The demo's recommendation tracker: the 2009 RtoP panel asked the EU for four things;
//! a roundtable of the 2012 Strategy for Peace Conference asked the European Union again
//! for two of them (linked as raised again) and for an RtoP focal point, and a third, first
//! asked at the Paris roundtable of 2008, was asked for the third time; "EU", "European
//! Union" and "the European Union" are one addressee. Follow-up updates, with a link and
//! a library document as evidence, take one item to implemented (the focal point); the
//! veto item's review is overdue. The 2012 summary and the updates are invented for the
//! demo and say so.

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::demo::{Tally, participant};
use super::demo_reports::{
    Filing, NOTE, file_and_publish, filed, person_id, rec, session_id, strings,
};
use crate::config::Settings;
use crate::db::Db;
use crate::entities::{document, recommendation};
use crate::error::{AppError, AppResult};
use crate::events::ParticipantRole;
use crate::recommendations::{
    AddresseeInput, FollowUpInput, LinkInput, LinkRelation, RecommendationPatch,
    RecommendationStatus, SourceKind, addressees, links, service as tracker,
};
use crate::summaries::{KeyPoint, SummaryInput};
use crate::web::Actor;

const PANEL_2009: (&str, &str) = (
    "making-a-difference-brussels-2009",
    "Panel on the Responsibility to Protect",
);
const ROUNDTABLE_2012: (&str, &str) = (
    "strategy-for-peace-conference-2012",
    "Development assistance through an atrocity-prevention lens",
);

pub async fn load(
    db: &Db,
    settings: &Settings,
    organizer: &Actor,
    rapporteur: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    let panel = session_id(db, PANEL_2009.0, PANEL_2009.1).await?;
    let roundtable = session_id(db, ROUNDTABLE_2012.0, ROUNDTABLE_2012.1).await?;
    if filed(db, roundtable).await? {
        tally.note(false);
        return Ok(());
    }
    // One addressee for the EU, whatever a summary calls it.
    if let Some(eu) = addressees::addressees(db)
        .await?
        .into_iter()
        .find(|a| a.name == "EU")
    {
        addressees::update_addressee(
            db,
            organizer,
            eu.id,
            AddresseeInput {
                name: Some("European Union".into()),
                aliases: Some(vec![
                    "EU".into(),
                    "the European Union".into(),
                    "E.U.".into(),
                ]),
            },
        )
        .await?;
    }
    roundtable_2012(db, settings, organizer, rapporteur, tally, roundtable).await?;
    let item = |source: i32, position: i32| async move {
        recommendation::Entity::find()
            .filter(recommendation::Column::SourceKind.eq(SourceKind::Session))
            .filter(recommendation::Column::SourceId.eq(source))
            .filter(recommendation::Column::Position.eq(position))
            .one(db.conn())
            .await?
            .map(|r| r.id)
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("demo recommendation missing")))
    };
    let guiding = item(panel, 0).await?;
    let early_warning = item(panel, 1).await?;
    let regional = item(panel, 2).await?;
    let veto = item(panel, 3).await?;
    let early_warning_again = item(roundtable, 0).await?;
    let regional_again = item(roundtable, 1).await?;
    let focal_point = item(roundtable, 2).await?;
    let guiding_again = item(roundtable, 4).await?;
    // The Paris roundtable of 2008 asked it first.
    let paris = session_id(
        db,
        "rtop-roundtable-paris-2008",
        super::demo_reports::MECHANISMS,
    )
    .await?;
    let guiding_first = item(paris, 0).await?;
    for (later, earlier) in [
        (early_warning_again, early_warning),
        (regional_again, regional),
        (guiding, guiding_first),
        (guiding_again, guiding),
    ] {
        links::link(
            db,
            organizer,
            later,
            LinkInput {
                other: Some(earlier),
                relation: Some(LinkRelation::RaisedAgain),
            },
        )
        .await?;
    }
    let today = Utc::now().date_naive();
    let owner = |who: &Actor, review: NaiveDate| RecommendationPatch {
        owner: Some(Some(who.id)),
        next_review_on: Some(Some(review)),
        addressee: None,
    };
    let later = today + Duration::days(60);
    for (id, who, review) in [
        (guiding, organizer, later),
        (early_warning, rapporteur, later),
        (regional, organizer, today + Duration::days(90)),
        // Overdue: the organizers' weekly digest lists it.
        (veto, organizer, today - Duration::days(21)),
        (focal_point, organizer, today + Duration::days(365)),
    ] {
        tracker::patch(db, organizer, id, owner(who, review)).await?;
    }
    let excerpts = document::Entity::find()
        .filter(document::Column::Title.starts_with("Excerpts referencing RtoP"))
        .one(db.conn())
        .await?
        .map(|d| d.id);
    let updates: Vec<DemoUpdate> = vec![
        (
            guiding,
            RecommendationStatus::InProgress,
            "2010-03-15",
            "The coalition's briefing to the Political and Security Committee put the panel's recommendations to the member states' ambassadors; the Council's conclusions did not name RtoP yet.",
            None,
            None,
        ),
        (
            guiding,
            RecommendationStatus::PartiallyImplemented,
            "2011-02-02",
            "Several member states (France, Germany, the United Kingdom) now name RtoP in their strategic policy papers; the EU as a whole does not yet.",
            None,
            excerpts,
        ),
        (
            early_warning,
            RecommendationStatus::InProgress,
            "2011-09-20",
            "The EU is building a conflict early warning system in its new External Action Service; mass atrocities are one of the risks it is to watch.",
            Some("https://www.eeas.europa.eu/"),
            None,
        ),
        (
            focal_point,
            RecommendationStatus::Implemented,
            "2014-06-30",
            "The External Action Service named an RtoP focal point, who joined the Global Network of R2P Focal Points.",
            Some("https://www.globalr2p.org/the-global-network-of-r2p-focal-points/"),
            None,
        ),
    ];
    for (id, status, on, note, url, document) in updates {
        tracker::add_update(
            db,
            organizer,
            id,
            FollowUpInput {
                status: Some(status),
                note: Some(format!("{note} (Demo data.)")),
                on: on.parse().ok(),
                evidence_url: url.map(str::to_string),
                document_id: document,
            },
        )
        .await?;
        tally.note(true);
    }
    Ok(())
}

/// A follow-up update of the demo: the item, its status, date, note, a link and a
/// document as evidence.
type DemoUpdate = (
    i32,
    RecommendationStatus,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<i32>,
);

/// A rapporteur's summary of the 2012 roundtable on development assistance, approved,
/// and the conference's report published.
async fn roundtable_2012(
    db: &Db,
    settings: &Settings,
    organizer: &Actor,
    rapporteur: &Actor,
    tally: &mut Tally,
    session: i32,
) -> AppResult<()> {
    let luc = person_id(db, super::demo::DEMO_RAPPORTEUR).await?;
    participant(
        db,
        organizer,
        tally,
        session,
        luc,
        ParticipantRole::Rapporteur,
    )
    .await?;
    let input = SummaryInput {
        overview: Some(format!(
            "Officials, mass-atrocity specialists and civil society representatives asked how development assistance to states under stress can help them prevent atrocities, and what donors, the European Union first among them, have done since the 2009 calls to make prevention operational.\n\n{NOTE}"
        )),
        key_points: vec![KeyPoint {
            person_id: None,
            text: "Development programmes already address many risk factors of atrocities; what is missing is the lens that sees them as such.".into(),
        }],
        challenges: strings(&[
            "Lack of political will to act on early warning",
            "Donors' instruments work in silos",
        ]),
        recommendations: vec![
            rec(
                "The European Union should build early warning of the risks of mass atrocities into its External Action Service, and tie it to early action by its development and crisis instruments.",
                "the European Union",
                &["Early warning", "Prevention"],
                "high",
                "short_term",
            ),
            rec(
                "The European Union should support the African Union and sub-regional organizations in building their own capacity to prevent mass atrocities.",
                "European Union",
                &["Regional organizations"],
                "medium",
                "medium_term",
            ),
            rec(
                "Appoint an RtoP focal point in the European External Action Service.",
                "EU",
                &["Prevention"],
                "high",
                "short_term",
            ),
            rec(
                "Apply an atrocity-prevention lens to development assistance in states under stress.",
                "Donor governments",
                &["Prevention"],
                "medium",
                "medium_term",
            ),
            rec(
                "The EU should name the Responsibility to Protect as a guiding principle of its external action, in its strategies and in the Council's conclusions.",
                "E.U.",
                &["Prevention"],
                "high",
                "medium_term",
            ),
        ],
        next_steps: strings(&["Share the recommendations with the EU delegation in Washington"]),
        version: None,
        language: None,
    };
    let filing = Filing {
        author: rapporteur,
        organizer,
        session,
        event_slug: ROUNDTABLE_2012.0,
    };
    file_and_publish(
        db,
        settings,
        filing,
        input,
        "The 53rd Strategy for Peace Conference asked how assistance to states under stress can help them prevent atrocities. This report gathers the rapporteurs' summaries of its roundtables.",
    )
    .await?;
    tally.note(true);
    Ok(())
}
