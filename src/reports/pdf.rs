//! The PDF export of outcome reports and syntheses, typeset in-process with Typst.
//!
//! The layout lives in two Typst templates (`templates/reports/report.typ` and
//! `synthesis.typ`), compiled into the binary. The report reaches Typst only as data: it is
//! turned into a "view" (plain strings, with the Markdown texts already parsed into a small
//! block structure), serialized to JSON and offered to the template as the virtual file
//! `/data.json`, which the template reads with `json(..)` and shows with functions that take
//! strings. No user text is ever spliced into Typst markup, so `#import`, `$`, `]`, `*`,
//! `@label` or backslashes in a report print as they are. The template can read no other
//! file, and the fonts are the ones bundled with `typst-assets`.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

use super::{
    EventReport, KeyPointLine, OrganizationLine, PersonLine, RecommendationItem,
    RecommendationLine, ReportStatus, Source as SynthesisSource, Synthesis, SynthesisItem,
};
use crate::summaries::{Priority, Timeframe};

const REPORT_TEMPLATE: &str = include_str!("../../templates/reports/report.typ");
const SYNTHESIS_TEMPLATE: &str = include_str!("../../templates/reports/synthesis.typ");

/// The path under which the templates find their data.
const DATA_PATH: &str = "/data.json";

/// How many compilations Typst's memoization caches keep an unused result for. Without
/// eviction they would grow for as long as the server runs; with 1, the results of the last
/// compilation stay (the same report asked for again typesets several times faster) and the
/// memory they hold stays bounded (some 80 MB after a 60-session report).
const CACHE_MAX_AGE: usize = 1;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("could not serialize the report data: {0}")]
    Data(#[from] serde_json::Error),
    #[error("typesetting failed: {}", .0.join("; "))]
    Typeset(Vec<String>),
    #[error("PDF export failed: {}", .0.join("; "))]
    Export(Vec<String>),
}

/// An outcome report as a PDF document.
pub fn event_report(report: &EventReport) -> Result<Vec<u8>, PdfError> {
    render(REPORT_TEMPLATE, "/report.typ", &ReportView::new(report)).map(|r| r.pdf)
}

/// The synthesis of a series as a PDF document.
pub fn synthesis(s: &Synthesis) -> Result<Vec<u8>, PdfError> {
    render(SYNTHESIS_TEMPLATE, "/synthesis.typ", &SynthesisView::new(s)).map(|r| r.pdf)
}

// ----- The Typst world -----

/// The bundled fonts, parsed once.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

fn file_id(path: &str) -> Result<FileId, PdfError> {
    let vpath = VirtualPath::new(path)
        .map_err(|err| PdfError::Typeset(vec![format!("bad virtual path {path}: {err:?}")]))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// A world of two files: the template and its data.
struct ReportWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.data_id {
            Err(FileError::NotSource)
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}

/// What a compilation gives: the PDF, its number of pages and Typst's warnings.
struct Rendered {
    pdf: Vec<u8>,
    #[cfg_attr(not(test), expect(dead_code, reason = "the tests check it"))]
    pages: usize,
    #[cfg_attr(not(test), expect(dead_code, reason = "the tests check it"))]
    warnings: Vec<String>,
}

/// Compiles a template with its data.
fn render<T: Serialize>(
    template: &'static str,
    path: &str,
    view: &T,
) -> Result<Rendered, PdfError> {
    let world = ReportWorld {
        main: Source::new(file_id(path)?, template.to_owned()),
        data_id: file_id(DATA_PATH)?,
        data: Bytes::new(serde_json::to_vec(view)?),
    };
    let compiled = typst::compile(&world);
    typst::comemo::evict(CACHE_MAX_AGE);
    let warnings = messages(&world, &compiled.warnings);
    let document = compiled
        .output
        .map_err(|errors| PdfError::Typeset(messages(&world, &errors)))?;
    let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| PdfError::Export(messages(&world, &errors)))?;
    for warning in &warnings {
        tracing::warn!(template = path, %warning, "PDF typesetting warning");
    }
    Ok(Rendered {
        pdf,
        pages: document.pages().len(),
        warnings,
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

// ----- Markdown as data -----

/// A block of a Markdown text, as the templates render it.
#[derive(Debug, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Block {
    Paragraph {
        spans: Vec<Span>,
    },
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Code {
        text: String,
    },
    Rule,
}

/// A run of inline text.
#[derive(Debug, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Span {
    Text {
        text: String,
        strong: bool,
        emph: bool,
        strike: bool,
    },
    Code {
        text: String,
    },
    /// A link's address, shown after its text; `href` when it is safe to make it clickable.
    Url {
        url: String,
        href: bool,
    },
    Break,
}

/// Markdown as blocks. Raw HTML comes out as the text it is.
fn markdown(source: &str) -> Vec<Block> {
    let mut parser = Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH);
    let mut state = Inline::default();
    state.blocks(&mut parser)
}

fn markdown_opt(source: Option<&str>) -> Vec<Block> {
    source.map(markdown).unwrap_or_default()
}

/// The inline styles in force while reading Markdown events.
#[derive(Default)]
struct Inline {
    strong: usize,
    emph: usize,
    strike: usize,
    /// The open links: their address and the text they show so far.
    links: Vec<(String, String)>,
}

impl Inline {
    /// Reads blocks up to the end of the container that holds them (or of the text).
    fn blocks(&mut self, events: &mut Parser) -> Vec<Block> {
        let mut blocks = Vec::new();
        // Inline content outside a paragraph, as in the items of a tight list.
        let mut loose = Vec::new();
        while let Some(event) = events.next() {
            match event {
                Event::Start(Tag::Paragraph) => {
                    flush(&mut loose, &mut blocks);
                    let spans = self.spans(events);
                    blocks.push(Block::Paragraph { spans });
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    flush(&mut loose, &mut blocks);
                    let spans = self.spans(events);
                    blocks.push(Block::Heading {
                        level: level as u8,
                        spans,
                    });
                }
                Event::Start(Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => {
                    flush(&mut loose, &mut blocks);
                    let inner = self.blocks(events);
                    blocks.push(Block::Quote { blocks: inner });
                }
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                    flush(&mut loose, &mut blocks);
                    let text = literal(events);
                    let text = text.trim_end_matches('\n').to_owned();
                    if !text.is_empty() {
                        blocks.push(Block::Code { text });
                    }
                }
                Event::Start(Tag::List(start)) => {
                    flush(&mut loose, &mut blocks);
                    let mut items = Vec::new();
                    while let Some(event) = events.next() {
                        match event {
                            Event::Start(Tag::Item) => items.push(self.blocks(events)),
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    blocks.push(Block::List {
                        ordered: start.is_some(),
                        start: start.unwrap_or(1),
                        items,
                    });
                }
                Event::Rule => {
                    flush(&mut loose, &mut blocks);
                    blocks.push(Block::Rule);
                }
                Event::End(end) if !is_inline_end(end) => break,
                // Tables and the like are not enabled; anything else is inline.
                event => self.inline(event, &mut loose),
            }
        }
        flush(&mut loose, &mut blocks);
        blocks
    }

    /// Reads the inline content of a paragraph or heading, up to its end.
    fn spans(&mut self, events: &mut Parser) -> Vec<Span> {
        let mut spans = Vec::new();
        for event in events.by_ref() {
            match event {
                Event::End(end) if !is_inline_end(end) => break,
                event => self.inline(event, &mut spans),
            }
        }
        trim(&mut spans);
        spans
    }

    fn inline(&mut self, event: Event, spans: &mut Vec<Span>) {
        match event {
            Event::Text(text)
            | Event::Html(text)
            | Event::InlineHtml(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => self.text(&text, spans),
            Event::Code(text) => {
                self.shown(&text);
                spans.push(Span::Code {
                    text: text.into_string(),
                });
            }
            Event::FootnoteReference(name) => self.text(&format!("[^{name}]"), spans),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, spans),
            Event::SoftBreak => self.text(" ", spans),
            Event::HardBreak => spans.push(Span::Break),
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => self.emph += 1,
            Event::End(TagEnd::Emphasis) => self.emph = self.emph.saturating_sub(1),
            Event::Start(Tag::Strikethrough) => self.strike += 1,
            Event::End(TagEnd::Strikethrough) => self.strike = self.strike.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.links.push((dest_url.into_string(), String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, shown)) = self.links.pop() {
                    // An autolink shows its address already.
                    let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                    if !url.is_empty() && shown.trim() != url && shown.trim() != bare {
                        let href = is_safe_url(&url);
                        spans.push(Span::Url { url, href });
                    }
                }
            }
            // An image shows as its description.
            Event::Start(_) | Event::End(_) | Event::Rule => {}
        }
    }

    /// Notes text shown inside the open links.
    fn shown(&mut self, text: &str) {
        for (_, shown) in &mut self.links {
            shown.push_str(text);
        }
    }

    fn text(&mut self, text: &str, spans: &mut Vec<Span>) {
        self.shown(text);
        let (strong, emph, strike) = (self.strong > 0, self.emph > 0, self.strike > 0);
        if let Some(Span::Text {
            text: last,
            strong: s,
            emph: e,
            strike: k,
        }) = spans.last_mut()
            && (*s, *e, *k) == (strong, emph, strike)
        {
            last.push_str(text);
            return;
        }
        spans.push(Span::Text {
            text: text.to_owned(),
            strong,
            emph,
            strike,
        });
    }
}

/// The text of a code or HTML block, up to its end.
fn literal(events: &mut Parser) -> String {
    let mut text = String::new();
    for event in events.by_ref() {
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
            Event::End(_) => break,
            _ => {}
        }
    }
    text
}

fn is_inline_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn flush(loose: &mut Vec<Span>, blocks: &mut Vec<Block>) {
    trim(loose);
    if !loose.is_empty() {
        blocks.push(Block::Paragraph {
            spans: std::mem::take(loose),
        });
    }
}

/// Drops the blank runs at the ends of a paragraph.
fn trim(spans: &mut Vec<Span>) {
    while let Some(Span::Text { text, .. }) = spans.last()
        && text.trim().is_empty()
    {
        spans.pop();
    }
    while let Some(Span::Text { text, .. }) = spans.first()
        && text.trim().is_empty()
    {
        spans.remove(0);
    }
}

fn is_safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

// ----- The views the templates read -----

#[derive(Serialize)]
struct Person<'a> {
    name: &'a str,
    affiliation: Option<&'a str>,
}

fn people(list: &[PersonLine]) -> Vec<Person<'_>> {
    list.iter()
        .map(|p| Person {
            name: &p.display_name,
            affiliation: Some(p.affiliation.trim()).filter(|a| !a.is_empty()),
        })
        .collect()
}

#[derive(Serialize)]
struct Organization<'a> {
    name: &'a str,
    acronym: Option<&'a str>,
    role: &'static str,
}

fn organizations(list: &[OrganizationLine]) -> Vec<Organization<'_>> {
    list.iter()
        .map(|o| Organization {
            name: &o.name,
            // "UNDP" is no news after "UNDP".
            acronym: o
                .acronym
                .as_deref()
                .filter(|a| !a.is_empty() && *a != o.name),
            role: o.role.label(),
        })
        .collect()
}

#[derive(Serialize)]
struct Recommendation<'a> {
    text: &'a str,
    addressee: &'a str,
    themes: &'a [String],
    priority: Option<&'static str>,
    timeframe: Option<&'static str>,
    /// Where it comes from: a session title, or "Accra — Session title".
    source: Option<String>,
}

impl<'a> Recommendation<'a> {
    fn from_line(r: &'a RecommendationLine) -> Self {
        Self {
            text: &r.text,
            addressee: &r.addressee,
            themes: &r.themes,
            priority: r.priority.map(Priority::label),
            timeframe: r.timeframe.map(Timeframe::label),
            source: None,
        }
    }

    fn from_item(r: &'a RecommendationItem) -> Self {
        Self {
            text: &r.text,
            addressee: &r.addressee,
            themes: &r.themes,
            priority: r.priority.map(Priority::label),
            timeframe: r.timeframe.map(Timeframe::label),
            source: Some(r.session_title.clone()),
        }
    }
}

#[derive(Serialize)]
struct KeyPoint<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
}

fn key_points(list: &[KeyPointLine]) -> Vec<KeyPoint<'_>> {
    list.iter()
        .map(|k| KeyPoint {
            text: &k.text,
            speaker: k.speaker.as_deref().filter(|s| !s.is_empty()),
        })
        .collect()
}

#[derive(Serialize)]
struct SessionView<'a> {
    title: &'a str,
    when: &'a str,
    chair: Vec<Person<'a>>,
    speakers: Vec<Person<'a>>,
    rapporteur: Vec<Person<'a>>,
    overview: Vec<Block>,
    key_points: Vec<KeyPoint<'a>>,
    challenges: &'a [String],
    recommendations: Vec<Recommendation<'a>>,
    next_steps: &'a [String],
}

#[derive(Serialize)]
struct Group<'a> {
    name: &'a str,
    count: usize,
    items: Vec<Recommendation<'a>>,
}

#[derive(Serialize)]
struct SourcedView<'a> {
    text: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct DateView {
    year: i32,
    month: u32,
    day: u32,
}

#[derive(Serialize)]
struct ReportView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    dates: &'a str,
    place: Option<&'a str>,
    venue: Option<&'a str>,
    region: Option<&'a str>,
    series: Option<&'a str>,
    url: &'a str,
    draft: bool,
    /// "12 June 2009", when published.
    published: Option<String>,
    /// For the PDF's metadata.
    date: Option<DateView>,
    aim: Vec<Block>,
    organizers: Vec<Organization<'a>>,
    introduction: Vec<Block>,
    conclusions: Vec<Block>,
    sessions: Vec<SessionView<'a>>,
    by_addressee: Vec<Group<'a>>,
    by_theme: Vec<Group<'a>>,
    challenges: Vec<SourcedView<'a>>,
    next_steps: Vec<SourcedView<'a>>,
    organizations: Vec<Organization<'a>>,
    /// Organizers only: the sessions still awaiting an approved summary.
    missing: Vec<&'a str>,
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl<'a> ReportView<'a> {
    fn new(r: &'a EventReport) -> Self {
        use chrono::Datelike;
        let e = &r.event;
        let draft = r.status != ReportStatus::Published;
        let published = r.published_at.filter(|_| !draft);
        let count_of = |theme: &str, fallback: usize| {
            r.themes
                .iter()
                .find(|t| t.theme == theme)
                .map_or(fallback, |t| t.count)
        };
        Self {
            title: &e.title,
            subtitle: non_empty(&e.subtitle),
            dates: &e.dates,
            place: non_empty(&e.place),
            venue: non_empty(&e.venue),
            region: non_empty(&e.region_label),
            series: e.series.as_ref().map(|s| s.title.as_str()),
            url: &e.url,
            draft,
            published: published.map(|at| at.format("%-d %B %Y").to_string()),
            date: published.map(|at| DateView {
                year: at.year(),
                month: at.month(),
                day: at.day(),
            }),
            aim: markdown_opt(e.aim.as_deref()),
            organizers: organizations(&e.organizers),
            introduction: markdown_opt(r.introduction.as_deref()),
            conclusions: markdown_opt(r.conclusions.as_deref()),
            sessions: r
                .sessions
                .iter()
                .map(|s| SessionView {
                    title: &s.title,
                    when: &s.when,
                    chair: people(&s.chair),
                    speakers: people(&s.speakers),
                    rapporteur: people(&s.rapporteur),
                    overview: markdown(&s.summary.overview),
                    key_points: key_points(&s.summary.key_points),
                    challenges: &s.summary.challenges,
                    recommendations: s
                        .summary
                        .recommendations
                        .iter()
                        .map(Recommendation::from_line)
                        .collect(),
                    next_steps: &s.summary.next_steps,
                })
                .collect(),
            by_addressee: r
                .recommendations_by_addressee
                .iter()
                .map(|g| Group {
                    name: &g.addressee,
                    count: g.items.len(),
                    items: g.items.iter().map(Recommendation::from_item).collect(),
                })
                .collect(),
            by_theme: r
                .recommendations_by_theme
                .iter()
                .map(|g| Group {
                    name: &g.theme,
                    count: count_of(&g.theme, g.items.len()),
                    items: g.items.iter().map(Recommendation::from_item).collect(),
                })
                .collect(),
            challenges: r
                .challenges
                .iter()
                .map(|c| SourcedView {
                    text: &c.text,
                    source: &c.session_title,
                })
                .collect(),
            next_steps: r
                .next_steps
                .iter()
                .map(|c| SourcedView {
                    text: &c.text,
                    source: &c.session_title,
                })
                .collect(),
            organizations: organizations(&r.organizations),
            missing: r.missing.iter().map(|m| m.title.as_str()).collect(),
        }
    }
}

// ----- The synthesis -----

#[derive(Serialize)]
struct SynthesisEventView<'a> {
    label: &'a str,
    title: &'a str,
    dates: &'a str,
    place: Option<&'a str>,
    region: Option<&'a str>,
    partners: &'a [String],
}

#[derive(Serialize)]
struct Ranked<'a> {
    text: &'a str,
    count: usize,
    /// The labels of the events that raised it.
    events: Vec<&'a str>,
    /// "Accra — Session title", one per session that raised it.
    sources: Vec<String>,
}

#[derive(Serialize)]
struct Statement<'a> {
    text: &'a str,
    addressee: Option<&'a str>,
    themes: &'a [String],
    source: String,
}

#[derive(Serialize)]
struct AddresseeView<'a> {
    name: &'a str,
    count: usize,
    items: Vec<Statement<'a>>,
}

#[derive(Serialize)]
struct RegionView<'a> {
    name: &'a str,
    events: Vec<&'a str>,
    items: Vec<Statement<'a>>,
}

#[derive(Serialize)]
struct SynthesisView<'a> {
    title: &'a str,
    description: Vec<Block>,
    url: &'a str,
    event_count: usize,
    events: Vec<SynthesisEventView<'a>>,
    themes: Vec<Ranked<'a>>,
    challenges: Vec<Ranked<'a>>,
    by_addressee: Vec<AddresseeView<'a>>,
    regions: Vec<RegionView<'a>>,
    /// Organizers only: the events without a published report.
    unpublished: Vec<&'a str>,
}

fn source_label(s: &SynthesisSource) -> String {
    match (s.event_label.trim(), s.session_title.trim()) {
        ("", session) => session.to_owned(),
        (event, "") => event.to_owned(),
        (event, session) => format!("{event} — {session}"),
    }
}

impl<'a> SynthesisView<'a> {
    fn new(s: &'a Synthesis) -> Self {
        let label_of = |id: i32| -> Option<&'a str> {
            s.events
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.label.as_str())
        };
        let labels = |ids: &'a [i32], sources: &'a [SynthesisSource]| -> Vec<&'a str> {
            let mut out: Vec<&'a str> = ids.iter().filter_map(|id| label_of(*id)).collect();
            // Events outside the table are still named by their sources.
            for source in sources {
                if !ids.contains(&source.event_id) || label_of(source.event_id).is_none() {
                    let label = source.event_label.as_str();
                    if !out.contains(&label) {
                        out.push(label);
                    }
                }
            }
            out
        };
        let statement = |item: &'a SynthesisItem| Statement {
            text: &item.text,
            addressee: item.addressee.as_deref().filter(|a| !a.is_empty()),
            themes: &item.themes,
            source: source_label(&item.source),
        };
        Self {
            title: &s.series.title,
            description: markdown_opt(s.series.description.as_deref()),
            url: &s.series.url,
            event_count: s.events.len(),
            events: s
                .events
                .iter()
                .map(|e| SynthesisEventView {
                    label: &e.label,
                    title: &e.title,
                    dates: &e.dates,
                    place: non_empty(&e.place),
                    region: non_empty(&e.region_label),
                    partners: &e.partners,
                })
                .collect(),
            themes: s
                .themes
                .iter()
                .map(|t| Ranked {
                    text: &t.theme,
                    count: t.count,
                    events: labels(&t.event_ids, &t.sources),
                    sources: t.sources.iter().map(source_label).collect(),
                })
                .collect(),
            challenges: s
                .challenges
                .iter()
                .map(|c| Ranked {
                    text: &c.text,
                    count: c.count,
                    events: labels(&c.event_ids, &c.sources),
                    sources: c.sources.iter().map(source_label).collect(),
                })
                .collect(),
            by_addressee: s
                .recommendations_by_addressee
                .iter()
                .map(|g| AddresseeView {
                    name: &g.addressee,
                    count: g.items.len(),
                    items: g.items.iter().map(statement).collect(),
                })
                .collect(),
            regions: s
                .regions
                .iter()
                .map(|r| RegionView {
                    name: &r.label,
                    events: r.event_ids.iter().filter_map(|id| label_of(*id)).collect(),
                    items: r.strategies.iter().map(statement).collect(),
                })
                .collect(),
            unpublished: s.unpublished.iter().map(|e| e.title.as_str()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use chrono::TimeZone;

    use super::super::{
        AddresseeGroup, EventFacts, MissingSummary, RankedText, RankedTheme, RegionStrategies,
        ReportSession, SeriesFacts, Sourced, SummaryBody, SynthesisAddressee, SynthesisEvent,
        ThemeCount, ThemeGroup,
    };
    use super::*;

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

    fn sample_report(sessions: usize) -> EventReport {
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
                aim: Some(format!("To bring **governments** and *civil society* together.\n\n{HOSTILE}")),
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
            },
            introduction: Some(
                "This report brings together the rapporteurs' summaries.\n\n1. First\n2. Second\n\n> A quote.".into(),
            ),
            conclusions: Some(format!("The participants agreed on *three* things. {HOSTILE}")),
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
            missing: vec![MissingSummary { session_id: 99, title: "Closing plenary".into(), status: super::super::SummaryProgress::Draft }],
            sessions,
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
                description: Some(format!("A series of **regional** roundtables. {HOSTILE}")),
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
        }
    }

    /// Typesets and checks the basics; returns the PDF.
    fn check(rendered: Rendered) -> Vec<u8> {
        let Rendered {
            pdf: bytes,
            pages,
            warnings,
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
        check(render(REPORT_TEMPLATE, "/report.typ", &ReportView::new(&report)).unwrap());
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
        check(render(REPORT_TEMPLATE, "/report.typ", &ReportView::new(&report)).unwrap());
    }

    #[test]
    fn an_empty_report_still_typesets() {
        let mut report = sample_report(0);
        report.event.organizers.clear();
        report.organizations.clear();
        report.missing.clear();
        let r = render(REPORT_TEMPLATE, "/report.typ", &ReportView::new(&report)).unwrap();
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
                &SynthesisView::new(&s),
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

    #[test]
    fn markdown_becomes_blocks_and_html_stays_text() {
        let blocks = markdown(
            "Hi **there** <b>x</b> [site](https://a.org)\n\n- one\n- *two*\n\n<script>alert(1)</script>\n",
        );
        let Some(Block::Paragraph { spans }) = blocks.first() else {
            panic!("{blocks:?}")
        };
        assert!(spans.contains(&Span::Text {
            text: "there".into(),
            strong: true,
            emph: false,
            strike: false
        }));
        assert!(
            spans
                .iter()
                .any(|s| matches!(s, Span::Text { text, .. } if text.contains("<b>x</b>")))
        );
        assert!(spans.contains(&Span::Url {
            url: "https://a.org".into(),
            href: true
        }));
        let Some(Block::List {
            ordered: false,
            items,
            ..
        }) = blocks.get(1)
        else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(
            blocks.get(2),
            Some(&Block::Code {
                text: "<script>alert(1)</script>".into()
            })
        );
        // An autolink is not followed by its address again, even after other text.
        let blocks = markdown("See <https://a.org> and [https://b.org](https://b.org).");
        let Some(Block::Paragraph { spans }) = blocks.first() else {
            panic!("{blocks:?}")
        };
        assert!(
            !spans.iter().any(|s| matches!(s, Span::Url { .. })),
            "{spans:?}"
        );
        // A link to a script is shown, not made clickable.
        let blocks = markdown("[x](javascript:alert(1))");
        let Some(Block::Paragraph { spans }) = blocks.first() else {
            panic!("{blocks:?}")
        };
        assert!(
            spans
                .iter()
                .any(|s| matches!(s, Span::Url { href: false, .. }))
        );
    }

    /// Writes the samples to the temporary directory and times a long report:
    /// `cargo test --release -- --ignored --nocapture samples`.
    #[test]
    #[ignore = "writes files and times; run by hand"]
    fn samples() {
        let dir = std::env::temp_dir();
        // First, in a fresh process: the fonts and the standard library load on the way.
        let started = Instant::now();
        LazyLock::force(&FONTS);
        LazyLock::force(&LIBRARY);
        println!("fonts and library: {:?}", started.elapsed());
        let long = sample_report(60);
        for round in 1..=4 {
            let started = Instant::now();
            let r = render(REPORT_TEMPLATE, "/report.typ", &ReportView::new(&long)).unwrap();
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
