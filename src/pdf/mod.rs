//! Every PDF Roundtable makes, typeset with Typst: outcome reports and syntheses, and the
//! event day's printables (name badges, the list of participants, certificates of
//! attendance) and visa invitation letters.
//!
//! The layout lives in Typst templates (`templates/reports/report.typ` and `synthesis.typ`,
//! `templates/attendance/*.typ`), compiled into the binary. The report reaches Typst only as data: it is
//! turned into a "view" (plain strings, with the Markdown texts already parsed into a small
//! block structure), serialized to JSON and offered to the template as the virtual file
//! `/data.json`, which the template reads with `json(..)` and shows with functions that take
//! strings. No user text is ever spliced into Typst markup, so `#import`, `$`, `]`, `*`,
//! `@label` or backslashes in a report print as they are. The template can read no other
//! file, and the fonts are the ones bundled with `typst-assets`. `world` is the little
//! world Typst compiles in; `view` turns a report into the data the templates read.

pub mod child;
pub mod kept;
mod view;
mod world;

use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::Bytes;
use typst::syntax::Source;

use crate::error::AppError;
use crate::reports::{EventReport, Synthesis};
use view::{ReportView, SynthesisView};
use world::{ReportWorld, file_id};

const REPORT_TEMPLATE: &str = include_str!("../../templates/reports/report.typ");
const SYNTHESIS_TEMPLATE: &str = include_str!("../../templates/reports/synthesis.typ");
const BADGES_TEMPLATE: &str = include_str!("../../templates/attendance/badges.typ");
const PARTICIPANTS_TEMPLATE: &str = include_str!("../../templates/attendance/participants.typ");
const CERTIFICATE_TEMPLATE: &str = include_str!("../../templates/attendance/certificate.typ");
const VISA_LETTER_TEMPLATE: &str = include_str!("../../templates/visas/letter.typ");
const PAPER_TEMPLATE: &str = include_str!("../../templates/documents/paper.typ");
const FOLLOW_UP_TEMPLATE: &str = include_str!("../../templates/recommendations/followup.typ");

/// The path under which the templates find their data.
const DATA_PATH: &str = "/data.json";

/// How many compilations Typst's memoization caches keep an unused result for. Without
/// eviction they would grow for as long as the server runs. A typeset PDF is kept whole
/// ([`kept`]) and typeset again only when what it shows changes, so nothing is kept of a
/// compilation once it is done: the memory it held (some 80 MB after a 60-session report)
/// goes back at once.
const CACHE_MAX_AGE: usize = 0;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("could not serialize the report data: {0}")]
    Data(#[from] serde_json::Error),
    #[error("typesetting failed: {}", .0.join("; "))]
    Typeset(Vec<String>),
    #[error("PDF export failed: {}", .0.join("; "))]
    Export(Vec<String>),
    #[error("the typesetting process failed: {0}")]
    Child(String),
}

impl From<PdfError> for AppError {
    fn from(err: PdfError) -> Self {
        AppError::Internal(anyhow::anyhow!("PDF: {err}"))
    }
}

/// Which template a PDF is typeset from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    Report,
    Synthesis,
    Badges,
    Participants,
    Certificate,
    VisaLetter,
    Paper,
    FollowUp,
}

impl Template {
    /// The name a typesetting process is given it by (`roundtable typeset NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::Synthesis => "synthesis",
            Self::Badges => "badges",
            Self::Participants => "participants",
            Self::Certificate => "certificate",
            Self::VisaLetter => "visa-letter",
            Self::Paper => "paper",
            Self::FollowUp => "follow-up",
        }
    }

    pub const ALL: [Self; 8] = [
        Self::Report,
        Self::Synthesis,
        Self::Badges,
        Self::Participants,
        Self::Certificate,
        Self::VisaLetter,
        Self::Paper,
        Self::FollowUp,
    ];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The template's text and the path it is compiled under.
    fn source(self) -> (&'static str, &'static str) {
        match self {
            Self::Report => (REPORT_TEMPLATE, "/report.typ"),
            Self::Synthesis => (SYNTHESIS_TEMPLATE, "/synthesis.typ"),
            Self::Badges => (BADGES_TEMPLATE, "/badges.typ"),
            Self::Participants => (PARTICIPANTS_TEMPLATE, "/participants.typ"),
            Self::Certificate => (CERTIFICATE_TEMPLATE, "/certificate.typ"),
            Self::VisaLetter => (VISA_LETTER_TEMPLATE, "/visa-letter.typ"),
            Self::Paper => (PAPER_TEMPLATE, "/paper.typ"),
            Self::FollowUp => (FOLLOW_UP_TEMPLATE, "/follow-up.typ"),
        }
    }
}

/// What a PDF is typeset from: a template and the data it reads, as JSON. Everything the
/// PDF shows is in the job, so two equal jobs give the same PDF ([`kept`]), and a job can
/// be handed to another process ([`child`]).
#[derive(Clone)]
pub struct Job {
    template: Template,
    data: Vec<u8>,
}

/// The template and the size of the data only: the data may hold passport details.
impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("template", &self.template)
            .field("data_bytes", &self.data.len())
            .finish()
    }
}

impl Job {
    /// The report in English: see [`Job::event_report_in`].
    pub fn event_report(report: &EventReport) -> Result<Self, PdfError> {
        Self::event_report_in(report, crate::i18n::Language::En)
    }

    /// The report for a reader of `lang`: its headings, labels and dates in that language,
    /// the organizers' texts translated where they are.
    pub fn event_report_in(
        report: &EventReport,
        lang: crate::i18n::Language,
    ) -> Result<Self, PdfError> {
        let mut report = report.clone();
        crate::reports::language::localize(&mut report, lang);
        Ok(Self::new(
            Template::Report,
            serde_json::to_vec(&ReportView::new(&report, lang))?,
        ))
    }

    /// A job of `template` reading `view` (serialized as JSON).
    pub fn of<T: serde::Serialize>(template: Template, view: &T) -> Result<Self, PdfError> {
        Ok(Self::new(template, serde_json::to_vec(view)?))
    }

    /// The synthesis in English: see [`Job::synthesis_in`].
    pub fn synthesis(s: &Synthesis) -> Result<Self, PdfError> {
        Self::synthesis_in(s, crate::i18n::Language::En)
    }

    /// The synthesis with its headings and labels in `lang`.
    pub fn synthesis_in(s: &Synthesis, lang: crate::i18n::Language) -> Result<Self, PdfError> {
        Ok(Self::new(
            Template::Synthesis,
            serde_json::to_vec(&SynthesisView::new(s, lang))?,
        ))
    }

    /// A job from its parts, as a typesetting process reads them.
    pub fn new(template: Template, data: Vec<u8>) -> Self {
        Self { template, data }
    }

    pub fn template(&self) -> Template {
        self.template
    }

    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// Typesets the job in this process: the PDF and Typst's warnings.
    pub fn typeset_here(&self) -> Result<(Vec<u8>, Vec<String>), PdfError> {
        let (template, path) = self.template.source();
        compile(template, path, Bytes::new(self.data.clone())).map(|r| (r.pdf, r.warnings))
    }

    /// The text of each page as laid out, runs separated by spaces: what a reader finds on
    /// it, for checks.
    pub fn page_texts(&self) -> Result<Vec<String>, PdfError> {
        let (template, path) = self.template.source();
        compile(template, path, Bytes::new(self.data.clone())).map(|r| r.texts)
    }
}

fn frame_text(frame: &typst::layout::Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            typst::layout::FrameItem::Group(group) => frame_text(&group.frame, out),
            typst::layout::FrameItem::Text(text) => {
                out.push_str(text.text.as_str());
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// An outcome report as a PDF document, typeset in this process.
pub fn event_report(report: &EventReport) -> Result<Vec<u8>, PdfError> {
    Job::event_report(report)?
        .typeset_here()
        .map(|(pdf, _)| pdf)
}

/// The synthesis of a series as a PDF document, typeset in this process.
pub fn synthesis(s: &Synthesis) -> Result<Vec<u8>, PdfError> {
    Job::synthesis(s)?.typeset_here().map(|(pdf, _)| pdf)
}

/// What a compilation gives: the PDF, its number of pages and Typst's warnings.
struct Rendered {
    pdf: Vec<u8>,
    #[cfg_attr(not(test), expect(dead_code, reason = "the tests check it"))]
    pages: usize,
    warnings: Vec<String>,
    /// Each page's text.
    texts: Vec<String>,
}

/// Compiles a template with its data (as JSON).
fn compile(template: &'static str, path: &str, data: Bytes) -> Result<Rendered, PdfError> {
    let world = ReportWorld {
        main: Source::new(file_id(path)?, template.to_owned()),
        data_id: file_id(DATA_PATH)?,
        data,
    };
    let compiled = typst::compile(&world);
    typst::comemo::evict(CACHE_MAX_AGE);
    let warnings = messages(&world, &compiled.warnings);
    let document = compiled
        .output
        .map_err(|errors| PdfError::Typeset(messages(&world, &errors)))?;
    let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| PdfError::Export(messages(&world, &errors)))?;
    let texts = document
        .pages()
        .iter()
        .map(|page| {
            let mut text = String::new();
            frame_text(&page.frame, &mut text);
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    Ok(Rendered {
        pdf,
        pages: document.pages().len(),
        warnings,
        texts,
    })
}

/// The diagnostics' messages, with the template line they point at when there is one.
fn messages(world: &ReportWorld, errors: &[SourceDiagnostic]) -> Vec<String> {
    errors
        .iter()
        .map(|diag| {
            let in_template = diag.span.id() == Some(world.main.id());
            let line = world
                .range(diag.span)
                .filter(|_| in_template)
                .and_then(|range| world.main.text().get(..range.start))
                .map(|before| before.matches('\n').count() + 1);
            match line {
                Some(line) => format!("{} (template line {line})", diag.message),
                None => diag.message.to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use chrono::TimeZone;
    use serde::Serialize;

    use super::*;
    use crate::reports::{
        AddresseeGroup, EventFacts, KeyPointLine, MissingSummary, OrganizationLine, PersonLine,
        RankedText, RankedTheme, RecommendationItem, RecommendationLine, RegionStrategies,
        ReportSession, ReportStatus, SeriesFacts, Source as SynthesisSource, Sourced, SummaryBody,
        SynthesisAddressee, SynthesisEvent, SynthesisItem, ThemeCount, ThemeGroup,
    };
    use crate::summaries::{Priority, Timeframe};

    const HOSTILE: &str =
        r#"#import "x": * $x$ ] <script>alert(1)</script> *bold* @label \ backslash"#;

    fn person(id: i32, name: &str, affiliation: &str) -> PersonLine {
        PersonLine {
            person_id: id,
            display_name: name.into(),
            affiliation: affiliation.into(),
        }
    }

    fn org(name: &str, acronym: Option<&str>, role: &str) -> OrganizationLine {
        OrganizationLine {
            name: name.into(),
            acronym: acronym.map(Into::into),
            role: role.parse().unwrap(),
            present: None,
        }
    }

    fn recommendation(n: usize, addressee: &str, themes: &[&str]) -> RecommendationLine {
        RecommendationLine {
            text: format!(
                "Recommendation {n}: fund community mediation networks for the long term."
            ),
            addressee: addressee.into(),
            themes: themes.iter().map(|t| (*t).to_owned()).collect(),
            priority: Some(Priority::High),
            timeframe: Some(Timeframe::ShortTerm),
        }
    }

    fn session(id: i32, title: &str) -> ReportSession {
        ReportSession {
            id,
            title: title.into(),
            when: format!("Wednesday 3 June 2009, {}:00–{}:30", 9 + id, 10 + id),
            chair: vec![person(1, "Mr Luc LAMPRIÈRE", "Director, Institut d'études")],
            speakers: vec![
                person(2, "Ms Ana Ñúñez-LAMPRIÈRE", "Senior Adviser, Ministry of Foreign Affairs"),
                person(3, HOSTILE, ""),
            ],
            rapporteur: vec![person(4, "Dr Kwame ASANTE", "University of Ghana")],
            summary: SummaryBody {
                overview: "The session **opened** with a review of _early warning_ systems.\n\n\
                    - tight item one\n- tight item with `code` and [a link](https://example.org/x)\n\n\
                    <script>alert(1)</script>\n\n## A heading in Markdown\n\nInline <b>html</b> stays text; \
                    #import \"x\" and $x$ too."
                    .into(),
                key_points: vec![
                    KeyPointLine {
                        text: "Prevention is cheaper than cure.".into(),
                        person_id: Some(1),
                        speaker: Some("Mr Luc LAMPRIÈRE".into()),
                    },
                    KeyPointLine { text: HOSTILE.into(), person_id: None, speaker: None },
                    KeyPointLine {
                        text: "Regional bodies need stable funding.".into(),
                        person_id: Some(2),
                        speaker: Some("Ms Ana Ñúñez-LAMPRIÈRE".into()),
                    },
                ],
                challenges: vec![
                    "Funding cycles are too short.".into(),
                    "Early warning rarely leads to early action.".into(),
                ],
                recommendations: vec![
                    recommendation(1, "Governments", &["Funding", "Early warning"]),
                    recommendation(2, "Regional organizations", &["Mediation"]),
                    RecommendationLine {
                        text: HOSTILE.into(),
                        addressee: "Donors".into(),
                        themes: vec![],
                        priority: None,
                        timeframe: None,
                    },
                ],
                next_steps: vec!["Convene a follow-up meeting in Accra.".into()],
            },
            chatham_house: false,
            starts_at: None,
            ends_at: None,
            translations: Default::default(),
            summary_language: None,
        }
    }

    fn item(r: &RecommendationLine, s: &ReportSession) -> RecommendationItem {
        RecommendationItem {
            text: r.text.clone(),
            themes: r.themes.clone(),
            addressee: r.addressee.clone(),
            priority: r.priority,
            timeframe: r.timeframe,
            session_id: s.id,
            session_title: s.title.clone(),
        }
    }

    pub(super) fn sample_report(sessions: usize) -> EventReport {
        let titles = [
            "Early warning and early action",
            "Mediation: who, when and how",
            "The role of regional bodies",
        ];
        let sessions: Vec<ReportSession> = (0..sessions)
            .map(|i| {
                let title = titles
                    .get(i)
                    .map_or_else(|| format!("Session {}", i + 1), |t| (*t).to_owned());
                session(i32::try_from(i).unwrap_or(0) + 1, &title)
            })
            .collect();
        let mut by_addressee: Vec<AddresseeGroup> = Vec::new();
        let mut by_theme: Vec<ThemeGroup> = Vec::new();
        for s in &sessions {
            for r in &s.summary.recommendations {
                match by_addressee.iter_mut().find(|g| g.addressee == r.addressee) {
                    Some(g) => g.items.push(item(r, s)),
                    None => by_addressee.push(AddresseeGroup {
                        addressee: r.addressee.clone(),
                        items: vec![item(r, s)],
                    }),
                }
                for t in &r.themes {
                    match by_theme.iter_mut().find(|g| &g.theme == t) {
                        Some(g) => g.items.push(item(r, s)),
                        None => by_theme.push(ThemeGroup {
                            theme: t.clone(),
                            items: vec![item(r, s)],
                        }),
                    }
                }
            }
        }
        let themes = by_theme
            .iter()
            .map(|g| ThemeCount {
                theme: g.theme.clone(),
                count: g.items.len(),
            })
            .collect();
        let sourced = |pick: fn(&SummaryBody) -> &Vec<String>| -> Vec<Sourced> {
            sessions
                .iter()
                .flat_map(|s| {
                    pick(&s.summary).iter().map(|t| Sourced {
                        text: t.clone(),
                        session_id: s.id,
                        session_title: s.title.clone(),
                    })
                })
                .collect()
        };
        EventReport {
            event: EventFacts {
                id: 1,
                slug: "brussels-2009".into(),
                title: "Preventing Mass Atrocities: From Early Warning to Early Action".into(),
                subtitle: Some("A roundtable of the Global Network — Ñúñez & LAMPRIÈRE edition".into()),
                dates: "3–4 June 2009".into(),
                place: Some("Brussels, Belgium".into()),
                venue: Some("Palais d'Egmont".into()),
                region: Some(crate::domain::Region::Europe),
                region_label: Some("Europe".into()),
                aim: Some(format!("To bring **governments** and *civil society* together.\n\n{HOSTILE}").into()),
                url: "https://roundtable.example.org/events/brussels-2009".into(),
                series: Some(crate::events::SeriesBrief {
                    id: 1,
                    slug: "r2p".into(),
                    title: "Responsibility to Protect Roundtables".into(),
                }),
                organizers: vec![
                    org("International Crisis Group", Some("ICG"), "organizer"),
                    org("Institut d'études de sécurité", None, "co-organizer"),
                ],
                language: Default::default(),
                translations: Default::default(),
                starts_on: None,
                ends_on: None,
                timezone: None,
            },
            introduction: Some(
                "This report brings together the rapporteurs' summaries.\n\n1. First\n2. Second\n\n> A quote.".into(),
            ),
            conclusions: Some(format!("The participants agreed on *three* things. {HOSTILE}").into()),
            status: ReportStatus::Draft,
            published_at: None,
            recommendations_by_addressee: by_addressee,
            recommendations_by_theme: by_theme,
            themes,
            challenges: sourced(|b| &b.challenges),
            next_steps: sourced(|b| &b.next_steps),
            organizations: vec![
                org("International Crisis Group", Some("ICG"), "organizer"),
                org("Ministry of Foreign Affairs", None, "participant"),
                org(HOSTILE, None, "participant"),
            ],
            missing: vec![MissingSummary { session_id: 99, title: "Closing plenary".into(), status: crate::reports::SummaryProgress::Draft }],
            sessions,
            edition: 0,
            pending_changes: None,
            changes: vec![],
            translations: Default::default(),
        }
    }

    fn source(event: i32, label: &str, session: &str) -> SynthesisSource {
        SynthesisSource {
            event_id: event,
            event_slug: label.to_lowercase(),
            event_label: label.into(),
            session_id: event * 10,
            session_title: session.into(),
            url: format!(
                "https://roundtable.example.org/events/{}/report",
                label.to_lowercase()
            ),
        }
    }

    fn sample_synthesis() -> Synthesis {
        let places = [
            (1, "Accra", "Ghana", "Africa"),
            (2, "Brussels", "Belgium", "Europe"),
            (3, "Bangkok", "Thailand", "Asia"),
        ];
        let events = places
            .iter()
            .map(|(id, city, country, region)| SynthesisEvent {
                id: *id,
                slug: city.to_lowercase(),
                title: format!("Roundtable on atrocity prevention, {city}"),
                label: (*city).into(),
                dates: format!("{id}–{} June 2010", id + 1),
                place: Some(format!("{city}, {country}")),
                region: region.to_lowercase().replace(' ', "-").parse().ok(),
                region_label: Some((*region).into()),
                partners: vec![
                    "International Crisis Group".into(),
                    "Ms Ana Ñúñez-LAMPRIÈRE's foundation".into(),
                ],
                report_url: format!(
                    "https://roundtable.example.org/events/{}/report",
                    city.to_lowercase()
                ),
            })
            .collect();
        let sitem = |text: &str, event: i32, label: &str| SynthesisItem {
            text: text.into(),
            addressee: Some("Governments".into()),
            themes: vec!["Early warning".into()],
            source: source(event, label, "Early warning and early action"),
        };
        Synthesis {
            series: SeriesFacts {
                id: 1,
                slug: "r2p".into(),
                title: "Responsibility to Protect Roundtables".into(),
                description: Some(
                    format!("A series of **regional** roundtables. {HOSTILE}").into(),
                ),
                url: "https://roundtable.example.org/series/r2p".into(),
            },
            events,
            themes: vec![
                RankedTheme {
                    theme: "Early warning".into(),
                    count: 3,
                    event_ids: vec![1, 2, 3],
                    sources: vec![
                        source(1, "Accra", "Session title"),
                        source(2, "Brussels", "Mediation"),
                    ],
                },
                RankedTheme {
                    theme: HOSTILE.into(),
                    count: 1,
                    event_ids: vec![2],
                    sources: vec![source(2, "Brussels", HOSTILE)],
                },
            ],
            challenges: vec![RankedText {
                text: "Funding cycles are too short.".into(),
                count: 2,
                event_ids: vec![1, 3],
                sources: vec![
                    source(1, "Accra", "Funding"),
                    source(3, "Bangkok", "Regional bodies"),
                ],
            }],
            recommendations_by_addressee: vec![SynthesisAddressee {
                addressee: "Governments".into(),
                items: vec![
                    sitem("Fund mediation.", 1, "Accra"),
                    sitem(HOSTILE, 2, "Brussels"),
                ],
            }],
            regions: vec![RegionStrategies {
                region: crate::domain::Region::Africa,
                label: "Africa".into(),
                event_ids: vec![1],
                strategies: vec![sitem(
                    "Strengthen the AU's early warning system.",
                    1,
                    "Accra",
                )],
            }],
            unpublished: vec![],
            follow_up: Vec::new(),
        }
    }

    /// Compiles a template with a view as its data.
    fn render<T: Serialize>(
        template: &'static str,
        path: &str,
        view: &T,
    ) -> Result<Rendered, PdfError> {
        compile(template, path, Bytes::new(serde_json::to_vec(view)?))
    }

    /// Typesets and checks the basics; returns the PDF.
    fn check(rendered: Rendered) -> Vec<u8> {
        let Rendered {
            pdf: bytes,
            pages,
            warnings,
            ..
        } = rendered;
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(
            bytes.len() > 10_000,
            "suspiciously small PDF: {} bytes",
            bytes.len()
        );
        assert!(
            pages > 2,
            "expected a title page, contents and content, got {pages} pages"
        );
        bytes
    }

    #[test]
    fn an_event_report_typesets() {
        let report = sample_report(3);
        check(
            render(
                REPORT_TEMPLATE,
                "/report.typ",
                &ReportView::new(&report, crate::i18n::Language::En),
            )
            .unwrap(),
        );
        let pdf = event_report(&report).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn a_published_report_without_optional_parts_typesets() {
        let mut report = sample_report(1);
        report.status = ReportStatus::Published;
        report.published_at = Some(chrono::Utc.with_ymd_and_hms(2009, 6, 12, 10, 0, 0).unwrap());
        report.introduction = None;
        report.conclusions = None;
        report.event.subtitle = None;
        report.event.aim = None;
        report.event.place = None;
        report.event.venue = None;
        report.event.series = None;
        report.missing.clear();
        report.organizations.clear();
        check(
            render(
                REPORT_TEMPLATE,
                "/report.typ",
                &ReportView::new(&report, crate::i18n::Language::En),
            )
            .unwrap(),
        );
    }

    #[test]
    fn an_empty_report_still_typesets() {
        let mut report = sample_report(0);
        report.event.organizers.clear();
        report.organizations.clear();
        report.missing.clear();
        let r = render(
            REPORT_TEMPLATE,
            "/report.typ",
            &ReportView::new(&report, crate::i18n::Language::En),
        )
        .unwrap();
        assert!(r.pdf.starts_with(b"%PDF-"));
        assert!(r.pages >= 2);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn a_synthesis_typesets() {
        let s = sample_synthesis();
        check(
            render(
                SYNTHESIS_TEMPLATE,
                "/synthesis.typ",
                &SynthesisView::new(&s, crate::i18n::Language::En),
            )
            .unwrap(),
        );
        assert!(synthesis(&s).unwrap().starts_with(b"%PDF-"));
    }

    #[test]
    fn template_errors_are_reported_with_their_line() {
        let Err(err) = render(
            "#let data = json(\"/data.json\")\n#data.nope",
            "/bad.typ",
            &[1],
        ) else {
            panic!("a broken template typeset");
        };
        let message = err.to_string();
        assert!(message.starts_with("typesetting failed: "), "{message}");
        assert!(message.contains("(template line 2)"), "{message}");
    }

    /// Writes the samples to the temporary directory and times a long report:
    /// `cargo test --release -- --ignored --nocapture samples`.
    #[test]
    #[ignore = "writes files and times; run by hand"]
    fn samples() {
        let dir = std::env::temp_dir();
        // First, in a fresh process: the fonts and the standard library load on the way.
        let started = Instant::now();
        std::sync::LazyLock::force(&world::FONTS);
        std::sync::LazyLock::force(&world::LIBRARY);
        println!("fonts and library: {:?}", started.elapsed());
        let long = sample_report(60);
        for round in 1..=4 {
            let started = Instant::now();
            let r = render(
                REPORT_TEMPLATE,
                "/report.typ",
                &ReportView::new(&long, crate::i18n::Language::En),
            )
            .unwrap();
            println!(
                "60-session report, call {round}: {:?}, {} pages, {} bytes",
                started.elapsed(),
                r.pages,
                r.pdf.len()
            );
            if round == 1 {
                std::fs::write(dir.join("sample-long.pdf"), r.pdf).unwrap();
            }
        }
        let started = Instant::now();
        let pdf = event_report(&sample_report(3)).unwrap();
        println!("3-session report: {:?}", started.elapsed());
        std::fs::write(dir.join("sample-report.pdf"), pdf).unwrap();
        let mut published = sample_report(3);
        published.status = ReportStatus::Published;
        published.published_at = Some(chrono::Utc.with_ymd_and_hms(2009, 6, 12, 10, 0, 0).unwrap());
        published.missing.clear();
        std::fs::write(
            dir.join("sample-published.pdf"),
            event_report(&published).unwrap(),
        )
        .unwrap();
        std::fs::write(
            dir.join("sample-synthesis.pdf"),
            synthesis(&sample_synthesis()).unwrap(),
        )
        .unwrap();
        // A different report each time, as in a server.
        for round in 1..=6 {
            let mut other = sample_report(60);
            other.event.title = format!("Another report {round}");
            let started = Instant::now();
            event_report(&other).unwrap();
            // The resident memory, to see that the caches do not grow without bound.
            let rss = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find(|l| l.starts_with("VmRSS"))
                        .map(str::to_owned)
                })
                .unwrap_or_default();
            println!("another 60-session report: {:?} {rss}", started.elapsed());
        }
    }
}
