//! The demo in several languages: the 2008 Buenos Aires roundtable, held with CRIES as
//! "Diálogo sobre la R2P: perspectivas latinoamericanas", written in Spanish with an
//! English translation, and the Paris roundtable with Agir-Ici written in French with an
//! English translation (their programmes too); and a follow-up dialogue in Buenos Aires to
//! come, in Spanish with an English translation and open registration, for a
//! Spanish-speaking participant to register. Dated from the day the demo is loaded and
//! marked as demo data like the rest.

use chrono::{Datelike, Duration, Utc, Weekday};
use serde_json::{Map, Value, json};

use super::demo::{Tally, event, organization_id, session};
use crate::config::Settings;
use crate::db::Db;
use crate::error::AppResult;
use crate::events::{self, SeriesRef, store as event_store};
use crate::i18n::Language;
use crate::web::Actor;

pub const DIALOGUE_SLUG: &str = "dialogo-r2p-america-latina-seguimiento";

/// A session of the dialogue: title, English title, start, end, description, English
/// description.
type DialogueSession = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

/// A text and its English translation.
type Both = (&'static str, &'static str);

/// An event written in `language`, and its sessions by their English title.
struct Localized {
    slug: &'static str,
    language: Language,
    title: Both,
    subtitle: Both,
    description: Both,
    sessions: &'static [(&'static str, Both, Option<Both>)],
}

const DEMO_NOTE_ES: &str = "Datos de demostración: textos en español escritos para la demostración a partir de las fuentes del proyecto.";
const DEMO_NOTE_FR: &str = "Données de démonstration : textes en français rédigés pour la démonstration à partir des sources du projet.";

const BUENOS_AIRES: Localized = Localized {
    slug: "rtop-roundtable-buenos-aires-2008",
    language: Language::Es,
    title: (
        "Diálogo sobre la R2P: perspectivas latinoamericanas",
        "Dialogue on the R2P: Latin American Perspectives",
    ),
    subtitle: (
        "Perspectivas y recomendaciones de la sociedad civil para la acción",
        "Civil society perspectives and recommendations for action",
    ),
    description: (
        "Una mesa redonda consultiva con organizaciones de la sociedad civil de la región, organizada por R2PCS (WFM-IGP) con la Coordinadora Regional de Investigaciones Económicas y Sociales (CRIES). Buscó ampliar la comprensión de la responsabilidad de proteger y de su aplicación a los conflictos de la región, explorar cómo fortalecer los mecanismos regionales e internacionales que la sostienen, y tejer alianzas con las ONG interesadas en formar una coalición.",
        "A consultative roundtable with civil society organizations in the region, organized by R2PCS (WFM-IGP) with the Coordinadora Regional de Investigaciones Económicas y Sociales (CRIES). It aimed to increase understanding of RtoP and how it applies to conflicts in the region, explore how to strengthen regional and international mechanisms to support RtoP, and forge partnerships with NGOs interested in building an NGO coalition.",
    ),
    sessions: &[
        (
            "Opening and introductions",
            ("Apertura y presentaciones", "Opening and introductions"),
            None,
        ),
        (
            "Understanding RtoP and its application to conflicts in the region",
            (
                "La R2P y su aplicación a los conflictos de la región",
                "Understanding RtoP and its application to conflicts in the region",
            ),
            Some((
                "Qué significa la responsabilidad de proteger para la región: historia, situaciones actuales y el debate regional.",
                "How the Responsibility to Protect relates to the region: history, current situations and the regional debate.",
            )),
        ),
        (
            "Strengthening regional and international mechanisms to support RtoP",
            (
                "Fortalecer los mecanismos regionales e internacionales que sostienen la R2P",
                "Strengthening regional and international mechanisms to support RtoP",
            ),
            Some((
                "Alerta temprana, organismos regionales y Naciones Unidas: qué funciona y qué falta.",
                "Early warning, regional organizations and the United Nations: what works and what is missing.",
            )),
        ),
        (
            "Building an international NGO coalition for RtoP",
            (
                "Construir una coalición internacional de ONG por la R2P",
                "Building an international NGO coalition for RtoP",
            ),
            Some((
                "Desafíos, estrategias y actividades para avanzar la R2P; alianzas para el núcleo de una coalición.",
                "Challenges, strategies and activities to take RtoP forward; partnerships for a core group of a coalition.",
            )),
        ),
    ],
};

const PARIS: Localized = Localized {
    slug: "rtop-roundtable-paris-2008",
    language: Language::Fr,
    title: (
        "Table ronde consultative mondiale sur la responsabilité de protéger : Paris",
        "Global Consultative Roundtable on the Responsibility to Protect: Paris",
    ),
    subtitle: (
        "Perspectives et recommandations de la société civile",
        "Civil society perspectives and recommendations for action",
    ),
    description: (
        "Une table ronde consultative avec les organisations de la société civile françaises, organisée par R2PCS (WFM-IGP) avec Agir-Ici (Oxfam-France) et Human Rights Watch-France. Elle visait à mieux faire comprendre la responsabilité de protéger et son application aux conflits, à explorer le renforcement des mécanismes régionaux et internationaux qui la soutiennent, et à nouer des partenariats avec les ONG prêtes à bâtir une coalition.",
        "A consultative roundtable with French civil society organizations, organized by R2PCS (WFM-IGP) with Agir-Ici (Oxfam-France) and Human Rights Watch-France. It aimed to increase understanding of RtoP and how it applies to conflicts, explore how to strengthen regional and international mechanisms to support RtoP, and forge partnerships with NGOs interested in building an NGO coalition.",
    ),
    sessions: &[
        (
            "Opening and introductions",
            ("Ouverture et présentations", "Opening and introductions"),
            None,
        ),
        (
            "Understanding RtoP and its application to conflicts in the region",
            (
                "Comprendre la responsabilité de protéger et son application aux conflits",
                "Understanding RtoP and its application to conflicts in the region",
            ),
            Some((
                "Ce que la responsabilité de protéger veut dire : histoire, situations actuelles et débat européen.",
                "How the Responsibility to Protect relates to the region: history, current situations and the regional debate.",
            )),
        ),
        (
            "Strengthening regional and international mechanisms to support RtoP",
            (
                "Renforcer les mécanismes régionaux et internationaux de la responsabilité de protéger",
                "Strengthening regional and international mechanisms to support RtoP",
            ),
            Some((
                "Alerte précoce, Union européenne et Nations unies : ce qui marche et ce qui manque.",
                "Early warning, regional organizations and the United Nations: what works and what is missing.",
            )),
        ),
        (
            "Building an international NGO coalition for RtoP",
            (
                "Bâtir une coalition internationale d’ONG pour la responsabilité de protéger",
                "Building an international NGO coalition for RtoP",
            ),
            Some((
                "Défis, stratégies et activités pour faire avancer la responsabilité de protéger ; partenariats pour le noyau d’une coalition.",
                "Challenges, strategies and activities to take RtoP forward; partnerships for a core group of a coalition.",
            )),
        ),
    ],
};

/// `{"en": {field: english, …}}` for the fields given.
fn english(fields: &[(&str, &str)]) -> Value {
    let texts: Map<String, Value> = fields
        .iter()
        .map(|(name, text)| ((*name).to_string(), json!(text)))
        .collect();
    json!({ "en": texts })
}

fn patch(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Rewrites a 2008 roundtable in its own language, with the English as its translation
/// (once: an event already in its language is left as it is).
async fn localize(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    tally: &mut Tally,
    l: &Localized,
) -> AppResult<()> {
    let reference = SeriesRef::Slug(l.slug.into());
    let Some(current) = event_store::event(db.conn(), &reference).await? else {
        return Ok(());
    };
    if current.language == l.language {
        tally.note(false);
        return Ok(());
    }
    let note = if l.language == Language::Es {
        DEMO_NOTE_ES
    } else {
        DEMO_NOTE_FR
    };
    events::service::update_event(
        db,
        actor,
        &reference,
        patch(json!({
            "language": l.language.as_str(),
            "title": l.title.0,
            "subtitle": l.subtitle.0,
            "description": format!("{}\n\n{note}", l.description.0),
            "translations": english(&[
                ("title", l.title.1),
                ("subtitle", l.subtitle.1),
                ("description", &format!("{}\n\n{}", l.description.1, super::demo::DEMO_NOTE)),
            ]),
        })),
    )
    .await?;
    let (sessions, _) = event_store::sessions_of_event(db.conn(), current.id, None).await?;
    for (english_title, title, description) in l.sessions {
        let Some(s) = sessions.iter().find(|s| s.title == *english_title) else {
            continue;
        };
        let mut texts = vec![("title", title.1)];
        let mut body = json!({"title": title.0});
        if let Some((original, translated)) = description {
            body["description"] = json!(original);
            texts.push(("description", translated));
        }
        body["translations"] = english(&texts);
        events::service::update_session(db, settings, actor, s.id, patch(body)).await?;
    }
    tally.note(true);
    Ok(())
}

/// The 2008 roundtables of Buenos Aires and Paris in their languages, and the dialogue
/// to come.
pub(super) async fn load(
    db: &Db,
    settings: &Settings,
    actor: &Actor,
    tally: &mut Tally,
) -> AppResult<()> {
    localize(db, settings, actor, tally, &BUENOS_AIRES).await?;
    localize(db, settings, actor, tally, &PARIS).await?;
    dialogue(db, settings, actor, tally).await
}

/// A follow-up dialogue in Buenos Aires, eight weeks from the day the demo is loaded, in
/// Spanish with an English translation, with open registration.
async fn dialogue(db: &Db, settings: &Settings, actor: &Actor, tally: &mut Tally) -> AppResult<()> {
    if event_store::event(db.conn(), &SeriesRef::Slug(DIALOGUE_SLUG.into()))
        .await?
        .is_some()
    {
        tally.note(false);
        return Ok(());
    }
    // A Thursday eight weeks on.
    let mut day = (Utc::now() + Duration::days(56)).date_naive();
    while day.weekday() != Weekday::Thu {
        day += Duration::days(1);
    }
    let wfm = organization_id(db, "World Federalist Movement-Institute for Global Policy").await?;
    let cries = organization_id(
        db,
        "Coordinadora Regional de Investigaciones Economicas y Sociales",
    )
    .await?;
    let note_en = "Demo data: this event is invented for demonstration and dated from the day the demo was loaded.";
    let note_es = "Datos de demostración: este evento es inventado para la demostración y está fechado a partir del día en que se cargó.";
    let event_id = event(
        db,
        settings,
        actor,
        tally,
        DIALOGUE_SLUG,
        json!({
            "language": "es",
            "title": "Diálogo sobre la R2P en América Latina: mesa redonda de seguimiento",
            "subtitle": "Diez años después: alerta temprana, prevención y sociedad civil",
            "kind": "roundtable",
            "description": format!("Una mesa redonda de seguimiento del diálogo de 2008 con la CRIES: qué ha cambiado en la región, qué mecanismos de alerta temprana funcionan y cómo la sociedad civil puede llevar la prevención de atrocidades a los gobiernos.\n\n{note_es}"),
            "translations": english(&[
                ("title", "Dialogue on the R2P in Latin America: follow-up roundtable"),
                ("subtitle", "Ten years on: early warning, prevention and civil society"),
                ("description", &format!("A follow-up roundtable to the 2008 dialogue with CRIES: what has changed in the region, which early-warning mechanisms work, and how civil society can carry atrocity prevention to governments.\n\n{note_en}")),
            ]),
            "starts_on": day.to_string(),
            "ends_on": day.to_string(),
            "timezone": "America/Argentina/Buenos_Aires",
            "venue": "Sede de la CRIES",
            "city": "Buenos Aires",
            "country": "AR",
            "region": "americas",
            "subregion": "latin-america-caribbean",
            "series": "global-consultative-roundtables-rtop-2008",
            "organizers": [
                {"organization_id": wfm, "role": "organizer"},
                {"organization_id": cries, "role": "partner"},
            ],
            "capacity": 40,
            "registration": {"mode": "open", "waitlist": true},
        }),
    )
    .await?;
    // Title, English title, start, end, description, English description.
    let sessions: [DialogueSession; 3] = [
        (
            "Apertura y presentaciones",
            "Opening and introductions",
            "09:30",
            "10:00",
            None,
            None,
        ),
        (
            "Alerta temprana en la región: qué funciona",
            "Early warning in the region: what works",
            "10:00",
            "12:00",
            Some(
                "Experiencias de las redes nacionales y de la OEA; el papel de las instituciones nacionales de derechos humanos.",
            ),
            Some(
                "Experiences of national networks and of the OAS; the part of national human rights institutions.",
            ),
        ),
        (
            "La sociedad civil y los gobiernos: próximos pasos",
            "Civil society and governments: next steps",
            "13:30",
            "15:30",
            Some(
                "Cómo llevar las recomendaciones de 2008 a los planes nacionales; compromisos para el próximo año.",
            ),
            Some(
                "How to carry the 2008 recommendations into national plans; commitments for the coming year.",
            ),
        ),
    ];
    for (title, english_title, starts, ends, description, english_description) in sessions {
        let id = session(
            db,
            actor,
            tally,
            event_id,
            (
                title,
                "roundtable",
                &format!("{day}T{starts}"),
                &format!("{day}T{ends}"),
                Some("Sala principal"),
                description,
            ),
        )
        .await?;
        let mut texts = vec![("title", english_title)];
        if let Some(d) = english_description {
            texts.push(("description", d));
        }
        events::service::update_session(
            db,
            settings,
            actor,
            id,
            patch(json!({"translations": english(&texts)})),
        )
        .await?;
    }
    Ok(())
}
