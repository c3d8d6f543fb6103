//! The demo's summaries and reports, made through the same use-cases as the pages. The
//! rapporteur of the 2009 RtoP panel files a summary with recommendations to the EU; the
//! organizer returns it once, he completes it, and it is approved; the conference's
//! outcome report is published. Six of the 2008 roundtables have an approved summary and
//! a published report each, so the series synthesis ranks their shared themes. The texts
//! follow the goals the sources give the meetings; their details are invented.

use super::demo::{Person, Tally, participant, person};
use crate::config::Settings;
use crate::db::Db;
use crate::directory::store as directory_store;
use crate::error::{AppError, AppResult};
use crate::events::{ParticipantRole, SeriesRef, store as event_store};
use crate::reports::service as reports;
use crate::summaries::{
    KeyPoint, RecommendationInput, ReviewInput, SummaryInput, service as summaries,
    store as summary_store,
};
use crate::web::Actor;

const THEMES: &[&str] = &[
    "Prevention",
    "Early warning",
    "Regional organizations",
    "Civil society capacity",
    "Awareness and education",
    "Protection of civilians",
    "Accountability",
    "Coalition building",
];

pub(super) const NOTE: &str = "*Demo data: this summary is invented for demonstration, after the goals the source documents give the meeting.*";

pub(super) fn rec(
    text: &str,
    addressee: &str,
    themes: &[&str],
    priority: &str,
    timeframe: &str,
) -> RecommendationInput {
    RecommendationInput {
        text: text.into(),
        addressee: addressee.into(),
        themes: themes.iter().map(|t| (*t).to_string()).collect(),
        priority: Some(priority.into()),
        timeframe: Some(timeframe.into()),
    }
}

pub(super) fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|t| (*t).to_string()).collect()
}

pub(super) async fn person_id(db: &Db, email: &str) -> AppResult<i32> {
    directory_store::person_by_email(db.conn(), email)
        .await?
        .map(|p| p.id)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("demo person {email} missing")))
}

pub(super) async fn session_id(db: &Db, event_slug: &str, title_start: &str) -> AppResult<i32> {
    let event = event_store::event(db.conn(), &SeriesRef::Slug(event_slug.into()))
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("demo event {event_slug} missing")))?;
    let (sessions, _) = event_store::sessions_of_event(db.conn(), event.id, None).await?;
    // By its title, or its English one where the demo wrote the event in another language.
    let english = |s: &crate::entities::session::Model| {
        crate::i18n::content::Translations::stored(s.translations.as_deref())
            .get(crate::i18n::Language::En, "title")
            .is_some_and(|t| t.starts_with(title_start))
    };
    sessions
        .into_iter()
        .find(|s| s.title.starts_with(title_start) || english(s))
        .map(|s| s.id)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("demo session {title_start} missing")))
}

/// Whether a session's summary was already filed (the demo is loaded twice).
pub(super) async fn filed(db: &Db, session: i32) -> AppResult<bool> {
    Ok(summary_store::by_session(db.conn(), session)
        .await?
        .is_some_and(|s| s.version > 0))
}

pub async fn load(
    db: &Db,
    settings: &Settings,
    organizer: &Actor,
    rapporteur: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    for theme in THEMES {
        summaries::curate_theme(db, organizer, Some(theme)).await?;
    }
    rtop_panel(db, settings, organizer, rapporteur, tally).await?;
    roundtables(db, settings, organizer, rapporteur, tally).await?;
    Ok(())
}

async fn rtop_panel(
    db: &Db,
    settings: &Settings,
    organizer: &Actor,
    rapporteur: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    let slug = "making-a-difference-brussels-2009";
    let panel = session_id(db, slug, "Panel on the Responsibility to Protect").await?;
    // The rapporteur also reports on the civil society workshop, not written yet: a
    // session to try the editor on.
    let workshop = session_id(db, slug, "Workshop: partnerships with civil society").await?;
    let luc = person_id(db, super::demo::DEMO_RAPPORTEUR).await?;
    participant(
        db,
        organizer,
        tally,
        workshop,
        luc,
        ParticipantRole::Rapporteur,
    )
    .await?;
    if filed(db, panel).await? {
        tally.note(false);
        return Ok(());
    }
    let evans = person_id(db, "gareth.evans@crisisgroup.example.org").await?;
    let letlojane = person_id(db, "corlett.letlojane@hurisa.example.org").await?;
    let chhatpar = person_id(db, "sapna.chhatpar@wfm-igp.example.org").await?;
    let rathmell = person_id(db, "andrew.rathmell@fco.example.org").await?;
    let bass = person_id(db, "gary.bass@princeton.example.org").await?;
    let de_peyron = person_id(db, "kirstin.de-peyron@ec.example.org").await?;
    let point = |id: i32, text: &str| KeyPoint {
        person_id: Some(id),
        text: text.into(),
    };
    let mut input = SummaryInput {
        overview: Some(format!(
            "Four years after the 2005 World Summit, the panel asked what the EU's key priorities should be in contributing to the Responsibility to Protect (RtoP) populations from genocide, war crimes, ethnic cleansing and crimes against humanity.\n\nSpeakers agreed that the principle is **about prevention first**, and that the gap lies less in the concept than in turning early warning into early action. The EU, with its range of diplomatic, development and crisis-response instruments, was seen as well placed to make RtoP operational.\n\n{NOTE}"
        )),
        key_points: vec![
            point(
                evans,
                "RtoP is not a licence for military intervention: prevention, and early and effective action through the whole range of tools, are at its heart.",
            ),
            point(
                letlojane,
                "African civil society knows the warning signs early; its voice must reach regional and international decision makers.",
            ),
            point(
                chhatpar,
                "Civil society organizations in every region are building a common understanding of RtoP, as the 2008 global consultative roundtables showed.",
            ),
            point(
                rathmell,
                "Governments need an RtoP lens in their strategy and policy planning, with clear responsibilities across ministries.",
            ),
            point(
                bass,
                "History shows that the choice is seldom between doing nothing and sending troops: diplomatic and economic measures matter.",
            ),
            point(
                de_peyron,
                "The Commission's instruments for stability and development can support the prevention of mass atrocities.",
            ),
        ],
        challenges: strings(&[
            "Lack of political will to act on early warning",
            "Suspicion that RtoP is a pretext for military intervention",
            "Fragmented EU instruments and decision-making",
        ]),
        recommendations: vec![
            rec(
                "Make RtoP a guiding principle of the EU's external action, naming it in the European Security Strategy and in Council conclusions.",
                "EU",
                &["Prevention"],
                "high",
                "short_term",
            ),
            rec(
                "Build EU early warning and analysis of the risks of mass atrocities, linked to early action by the Commission and the Council.",
                "EU",
                &["Early warning", "Prevention"],
                "high",
                "medium_term",
            ),
        ],
        next_steps: strings(&[
            "Share the panel's recommendations with the EU's Political and Security Committee",
            "Hold a follow-up roundtable with civil society on the EU's role",
        ]),
        version: None,
        // The demo's summaries are written in English, whatever the event's language.
        language: Some("en".into()),
    };
    summaries::save(db, settings, rapporteur, panel, input.clone()).await?;
    summaries::submit(db, settings, rapporteur, panel).await?;
    summaries::send_back(
        db,
        settings,
        organizer,
        panel,
        ReviewInput {
            comment: Some("Thank you, Luc. The panel also discussed support to the African Union and to civil society: please add it as a recommendation to the EU, with its timeframe.".into()),
        },
    )
    .await?;
    input.recommendations.push(rec(
        "Support regional organizations, the African Union first, and civil society in building their own capacity to prevent and respond to mass atrocities.",
        "EU",
        &["Regional organizations", "Civil society capacity"],
        "medium",
        "medium_term",
    ));
    input.recommendations.push(rec(
        "Refrain from using the veto in situations of genocide, war crimes, ethnic cleansing and crimes against humanity.",
        "UN Security Council",
        &["Accountability"],
        "medium",
        "long_term",
    ));
    summaries::save(db, settings, rapporteur, panel, input).await?;
    summaries::submit(db, settings, rapporteur, panel).await?;
    summaries::approve(
        db,
        settings,
        organizer,
        panel,
        ReviewInput {
            comment: Some("Approved for the outcome report. Thank you.".into()),
        },
    )
    .await?;
    let reference = SeriesRef::Slug(slug.into());
    let mut patch = serde_json::Map::new();
    patch.insert("introduction".into(), format!("The 2009 conference *Making a difference* brought together policy makers and practitioners in conflict prevention and crisis response to learn from responses to crises and security threats. This report gathers the rapporteurs' summaries of its sessions and their recommendations.\n\n{NOTE}").into());
    patch.insert("conclusions".into(), "Across the sessions, participants asked the EU to act earlier and more coherently: to link early warning to early action, and to work with regional organizations and civil society. The recommendations above are addressed to those who can act on them.".into());
    reports::update(db, settings, organizer, &reference, patch).await?;
    reports::set_published(db, settings, organizer, &reference, true).await?;
    tally.note(true);
    Ok(())
}

/// A roundtable's rapporteur and summary.
struct Roundtable {
    slug: &'static str,
    rapporteur: Person,
    overview: &'static str,
    challenges: &'static [&'static str],
    recommendations: &'static [(&'static str, &'static str, &'static [&'static str])],
    next_steps: &'static [&'static str],
}

pub(super) const MECHANISMS: &str = "Strengthening regional and international mechanisms";

const ROUNDTABLES: &[Roundtable] = &[
    Roundtable {
        slug: "rtop-roundtable-bangkok-2008",
        rapporteur: Person {
            honorific: "Ms",
            given: "Siriporn",
            family: "Chaiyasit",
            position: Some("Lecturer, Faculty of Political Science"),
            organization: "Chulalongkorn University",
            country: "TH",
            email: "siriporn.chaiyasit@chula.example.org",
        },
        overview: "Participants from Southeast Asia discussed how RtoP relates to the region's commitment to non-interference, and how ASEAN and its human rights bodies could support the prevention of mass atrocities.",
        challenges: &[
            "Limited understanding of RtoP among civil society and the public",
            "Suspicion that RtoP is a pretext for military intervention",
            "Lack of political will to act on early warning",
        ],
        recommendations: &[
            (
                "Give ASEAN's human rights body a mandate to monitor and report on the risk of mass atrocities.",
                "regional organizations",
                &["Regional organizations", "Early warning"],
            ),
            (
                "Translate core RtoP documents into the region's languages and train journalists to report on them.",
                "civil society",
                &["Awareness and education"],
            ),
        ],
        next_steps: &["Form a Southeast Asian network of NGOs working on RtoP"],
    },
    Roundtable {
        slug: "rtop-roundtable-ottawa-2008",
        rapporteur: Person {
            honorific: "Ms",
            given: "Claire",
            family: "Gagnon",
            position: Some("Programme officer"),
            organization: "World Federalist Movement-Canada",
            country: "CA",
            email: "claire.gagnon@wfm-canada.example.org",
        },
        overview: "Canadian civil society discussed Canada's part in the birth of RtoP, from the International Commission on Intervention and State Sovereignty to the 2005 World Summit, and how to keep the government committed to the norm and to the prevention of mass atrocities.",
        challenges: &[
            "Waning political support for RtoP in government",
            "Limited understanding of RtoP among civil society and the public",
        ],
        recommendations: &[
            (
                "Form an all-party parliamentary group on the prevention of genocide and mass atrocities.",
                "governments",
                &["Prevention"],
            ),
            (
                "Fund research and training on operationalizing RtoP in Canada's foreign and development policy.",
                "governments",
                &["Prevention", "Awareness and education"],
            ),
        ],
        next_steps: &["Join the core group of NGOs building an international coalition for RtoP"],
    },
    Roundtable {
        slug: "rtop-roundtable-buenos-aires-2008",
        rapporteur: Person {
            honorific: "Ms",
            given: "Ana",
            family: "Ñúñez-Lamprière",
            position: Some("Research coordinator"),
            organization: "Coordinadora Regional de Investigaciones Economicas y Sociales",
            country: "AR",
            email: "ana.nunez@cries.example.org",
        },
        overview: "Latin American participants drew on the region's experience of dictatorship and transition to discuss prevention, and the role of the OAS and of national human rights institutions.",
        challenges: &[
            "Limited understanding of RtoP among civil society and the public",
            "Suspicion that RtoP is a pretext for military intervention",
        ],
        recommendations: &[
            (
                "Include the prevention of mass atrocities in national human rights plans and in the training of the armed forces.",
                "governments",
                &["Prevention", "Awareness and education"],
            ),
            (
                "Create a Latin American and Caribbean civil society network on RtoP.",
                "civil society",
                &["Coalition building", "Civil society capacity"],
            ),
            (
                "Strengthen the OAS's early warning and its dialogue with civil society.",
                "regional organizations",
                &["Regional organizations", "Early warning"],
            ),
        ],
        next_steps: &["Publish the roundtable's report in Spanish and Portuguese"],
    },
    Roundtable {
        slug: "rtop-roundtable-kampala-2008",
        rapporteur: Person {
            honorific: "Mr",
            given: "Moses",
            family: "Okello",
            position: Some("Programme officer"),
            organization: "International Refugee Rights Initiative",
            country: "UG",
            email: "moses.okello@irri.example.org",
        },
        overview: "East African participants discussed the African Union's right to intervene under Article 4(h) of its Constitutive Act, and how communities can warn of and protect against atrocities.",
        challenges: &[
            "Lack of political will to act on early warning",
            "Weak capacity of regional organizations to respond",
            "Limited understanding of RtoP among civil society and the public",
        ],
        recommendations: &[
            (
                "Make Article 4(h) operational, with the resources of the African Standby Force for the protection of civilians.",
                "African Union",
                &["Regional organizations", "Protection of civilians"],
            ),
            (
                "Build community-based early warning networks linked to the AU's Continental Early Warning System.",
                "civil society",
                &["Early warning", "Civil society capacity"],
            ),
            (
                "Refer situations of mass atrocity crimes to the International Criminal Court without delay.",
                "UN Security Council",
                &["Accountability"],
            ),
        ],
        next_steps: &[
            "Hold a follow-up meeting with the AU Peace and Security Council secretariat",
        ],
    },
    Roundtable {
        slug: "rtop-roundtable-paris-2008",
        rapporteur: Person {
            honorific: "Mr",
            given: "Luc",
            family: "Lamprière",
            position: Some("General Director"),
            organization: "Oxfam France",
            country: "FR",
            email: super::demo::DEMO_RAPPORTEUR,
        },
        overview: "French NGOs discussed how France and the European Union can carry RtoP into their foreign policy, and how Northern NGOs can support Southern partners without speaking for them.",
        challenges: &[
            "Lack of political will to act on early warning",
            "Little funding for civil society work on prevention",
        ],
        recommendations: &[
            (
                "Make RtoP a priority of the EU's external action and of France's foreign policy.",
                "EU",
                &["Prevention"],
            ),
            (
                "Join the international NGO coalition for RtoP and support Southern members in leading it.",
                "civil society",
                &["Coalition building", "Civil society capacity"],
            ),
        ],
        next_steps: &["Brief French parliamentarians on RtoP"],
    },
    Roundtable {
        slug: "rtop-roundtable-accra-2008",
        rapporteur: Person {
            honorific: "Ms",
            given: "Ama",
            family: "Mensah",
            position: Some("Programme manager"),
            organization: "West Africa Civil Society Initiative",
            country: "GH",
            email: "ama.mensah@wacsi.example.org",
        },
        overview: "West African participants discussed ECOWAS's conflict prevention framework and its early warning network, and the part civil society plays in them.",
        challenges: &[
            "Weak capacity of regional organizations to respond",
            "Limited understanding of RtoP among civil society and the public",
            "Little funding for civil society work on prevention",
        ],
        recommendations: &[
            (
                "Link ECOWAS early warning (ECOWARN) to decisions by the Mediation and Security Council.",
                "regional organizations",
                &["Early warning", "Regional organizations"],
            ),
            (
                "Fund the training of West African NGOs in atrocity prevention and advocacy.",
                "donors",
                &["Civil society capacity", "Awareness and education"],
            ),
        ],
        next_steps: &["Set up a West African working group on RtoP"],
    },
];

async fn roundtables(
    db: &Db,
    settings: &Settings,
    organizer: &Actor,
    rapporteur: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    for r in ROUNDTABLES {
        let session = session_id(db, r.slug, MECHANISMS).await?;
        let person_id = person(db, tally, &r.rapporteur).await?;
        participant(
            db,
            organizer,
            tally,
            session,
            person_id,
            ParticipantRole::Rapporteur,
        )
        .await?;
        if filed(db, session).await? {
            tally.note(false);
            continue;
        }
        // The Kampala roundtable met under the Chatham House rule: its report says what
        // was said and names no one for it.
        let chatham_house = r.slug == "rtop-roundtable-kampala-2008";
        if chatham_house {
            let mut patch = serde_json::Map::new();
            patch.insert("confidentiality".into(), "chatham-house".into());
            crate::events::service::update_session(db, settings, organizer, session, patch).await?;
        }
        let input = SummaryInput {
            overview: Some(format!("{}\n\n{NOTE}", r.overview)),
            key_points: if chatham_house {
                [
                    "A government representative said the African Union's Article 4(h) gives the continent a mandate its member states have yet to use.",
                    "A participant from a refugee organization warned that communities see atrocities coming long before capitals do, but have no channel to say so.",
                ]
                .iter()
                .map(|text| crate::summaries::KeyPoint {
                    person_id: None,
                    text: (*text).into(),
                })
                .collect()
            } else {
                Vec::new()
            },
            challenges: strings(r.challenges),
            recommendations: r
                .recommendations
                .iter()
                .map(|(text, addressee, themes)| rec(text, addressee, themes, "high", "short_term"))
                .collect(),
            next_steps: strings(r.next_steps),
            // The demo's summaries are written in English, whatever the event's language.
            language: Some("en".into()),
            ..Default::default()
        };
        // Luc writes his own; the organizer files the others on their rapporteurs' behalf.
        let author = if r.rapporteur.email == super::demo::DEMO_RAPPORTEUR {
            rapporteur
        } else {
            organizer
        };
        let english = "This report records the outcome of the roundtable: how RtoP relates to the region, the challenges participants named, and their recommendations for taking RtoP forward.";
        // Written in the event's language, with the English beside it.
        let introduction = match r.slug {
            "rtop-roundtable-buenos-aires-2008" => Intro::Translated(
                "Este informe recoge los resultados de la mesa redonda: cómo se relaciona la R2P con la región, los desafíos que señalaron los participantes y sus recomendaciones para llevarla adelante.",
                english,
            ),
            "rtop-roundtable-paris-2008" => Intro::Translated(
                "Ce rapport rend compte de la table ronde : le lien entre la responsabilité de protéger et la région, les défis relevés par les participants et leurs recommandations pour la faire avancer.",
                english,
            ),
            _ => Intro::English(english),
        };
        let filing = Filing {
            author,
            organizer,
            session,
            event_slug: r.slug,
        };
        file_and_publish(db, settings, filing, input, introduction).await?;
        tally.note(true);
    }
    Ok(())
}

/// Who files a demo summary, who approves it, of which session of which event.
pub(super) struct Filing<'a> {
    pub author: &'a Actor,
    pub organizer: &'a Actor,
    pub session: i32,
    pub event_slug: &'a str,
}

/// A report's introduction: in English, or in the event's language with its English
/// translation.
pub(super) enum Intro {
    English(&'static str),
    Translated(&'static str, &'static str),
}

impl From<&'static str> for Intro {
    fn from(text: &'static str) -> Self {
        Self::English(text)
    }
}

/// Files a session's summary, approves it, and publishes the event's outcome report with
/// `introduction` (marked as demo data).
pub(super) async fn file_and_publish(
    db: &Db,
    settings: &Settings,
    filing: Filing<'_>,
    input: SummaryInput,
    introduction: impl Into<Intro>,
) -> AppResult<()> {
    let Filing {
        author,
        organizer,
        session,
        event_slug,
    } = filing;
    summaries::save(db, settings, author, session, input).await?;
    summaries::submit(db, settings, author, session).await?;
    summaries::approve(db, settings, organizer, session, ReviewInput::default()).await?;
    let reference = SeriesRef::Slug(event_slug.into());
    let mut patch = serde_json::Map::new();
    let (original, english) = match introduction.into() {
        Intro::English(text) => (text, None),
        Intro::Translated(original, english) => (original, Some(english)),
    };
    patch.insert(
        "introduction".into(),
        format!("{original}\n\n{NOTE}").into(),
    );
    if let Some(english) = english {
        patch.insert(
            "translations".into(),
            serde_json::json!({"en": {"introduction": format!("{english}\n\n{NOTE}")}}),
        );
    }
    reports::update(db, settings, organizer, &reference, patch).await?;
    reports::set_published(db, settings, organizer, &reference, true).await?;
    Ok(())
}
