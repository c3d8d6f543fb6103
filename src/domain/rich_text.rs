//! Rich text: what organizers and rapporteurs write in Markdown (introductions,
//! conclusions, overviews, aims). It is parsed once, into blocks of a small, safe
//! structure (paragraphs, headings, lists, quotes, code, rules; text, emphasis, code,
//! addresses and line breaks), and every output is drawn from those blocks: HTML for
//! pages (every text escaped, only http, https and mailto links clickable), Markdown for
//! the export (every text escaped again), and data for the PDF. Raw HTML is shown as the
//! text it is, everywhere; nothing a writer types can run in a reader's browser.
//! Serialized, a rich text is its Markdown source, as the API has always sent it.

use std::fmt::Write as _;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Markdown text and its blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RichText {
    source: String,
    blocks: Vec<Block>,
}

impl RichText {
    pub fn parse(source: &str) -> Self {
        Self {
            source: source.to_string(),
            blocks: parse(source),
        }
    }

    /// The Markdown as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Safe HTML for a page.
    pub fn html(&self) -> String {
        let mut out = String::new();
        html_blocks(&self.blocks, &mut out);
        out
    }

    /// Markdown for the export, in which nothing but the structure is Markdown.
    pub fn markdown(&self) -> String {
        let mut out = Vec::new();
        for block in &self.blocks {
            out.push(markdown_block(block, ""));
        }
        out.join("\n\n")
    }
}

impl From<&str> for RichText {
    fn from(source: &str) -> Self {
        Self::parse(source)
    }
}

impl From<String> for RichText {
    fn from(source: String) -> Self {
        Self::parse(&source)
    }
}

impl Serialize for RichText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for RichText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|s| Self::parse(&s))
    }
}

/// A block of a Markdown text, as the templates render it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
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
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Span {
    Text {
        text: String,
        strong: bool,
        emph: bool,
        strike: bool,
        /// The address of the safe link this text shows, if it is one (pages make it
        /// clickable; the PDF prints the address after the text instead).
        #[serde(skip_serializing_if = "Option::is_none")]
        link: Option<String>,
    },
    Code {
        text: String,
    },
    /// Raw HTML as typed: pages leave it out, the PDF and the export show it as text.
    Raw {
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
fn parse(source: &str) -> Vec<Block> {
    let mut parser = Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH);
    let mut state = Inline::default();
    state.blocks(&mut parser)
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
            Event::Text(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text, spans);
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                self.shown(&text);
                if let Some(Span::Raw { text: last }) = spans.last_mut() {
                    last.push_str(&text);
                } else {
                    spans.push(Span::Raw {
                        text: text.into_string(),
                    });
                }
            }
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
        let link = self
            .links
            .last()
            .map(|(url, _)| url.clone())
            .filter(|url| is_safe_url(url));
        if let Some(Span::Text {
            text: last,
            strong: s,
            emph: e,
            strike: k,
            link: l,
        }) = spans.last_mut()
            && (*s, *e, *k, &*l) == (strong, emph, strike, &link)
        {
            last.push_str(text);
            return;
        }
        spans.push(Span::Text {
            text: text.to_owned(),
            strong,
            emph,
            strike,
            link,
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

// ----- HTML -----

fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn html_blocks(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph { spans } => {
                out.push_str("<p>");
                html_spans(spans, out);
                out.push_str("</p>\n");
            }
            Block::Heading { level, spans } => {
                // The page's own headings come first: a writer's start at level 3.
                let level = (*level + 2).min(6);
                let _ = write!(out, "<h{level}>");
                html_spans(spans, out);
                let _ = writeln!(out, "</h{level}>");
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                match (ordered, start) {
                    (true, 1) => out.push_str("<ol>\n"),
                    (true, n) => {
                        let _ = writeln!(out, "<ol start=\"{n}\">");
                    }
                    (false, _) => out.push_str("<ul>\n"),
                }
                for item in items {
                    out.push_str("<li>");
                    // A tight item is one paragraph: no <p> around it.
                    match item.as_slice() {
                        [Block::Paragraph { spans }] => html_spans(spans, out),
                        blocks => html_blocks(blocks, out),
                    }
                    out.push_str("</li>\n");
                }
                out.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
            }
            Block::Quote { blocks } => {
                out.push_str("<blockquote>\n");
                html_blocks(blocks, out);
                out.push_str("</blockquote>\n");
            }
            Block::Code { text } => {
                out.push_str("<pre><code>");
                escape_html(text, out);
                out.push_str("</code></pre>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
        }
    }
}

fn html_spans(spans: &[Span], out: &mut String) {
    for span in spans {
        match span {
            Span::Text {
                text,
                strong,
                emph,
                strike,
                link,
            } => {
                if let Some(url) = link {
                    out.push_str("<a href=\"");
                    escape_html(url, out);
                    out.push_str("\" rel=\"noopener noreferrer nofollow\">");
                }
                let tags: Vec<&str> = [(*strong, "strong"), (*emph, "em"), (*strike, "del")]
                    .into_iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, tag)| tag)
                    .collect();
                for tag in &tags {
                    let _ = write!(out, "<{tag}>");
                }
                escape_html(text, out);
                for tag in tags.iter().rev() {
                    let _ = write!(out, "</{tag}>");
                }
                if link.is_some() {
                    out.push_str("</a>");
                }
            }
            Span::Code { text } => {
                out.push_str("<code>");
                escape_html(text, out);
                out.push_str("</code>");
            }
            // The text before it is the link already; an unsafe address is no link at
            // all, and raw HTML is left out, as a sanitizer would.
            Span::Url { .. } | Span::Raw { .. } => {}
            Span::Break => out.push_str("<br>"),
        }
    }
}

// ----- Markdown -----

/// Text as Markdown that shows it as it is.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in line.chars() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '{' | '}'
                | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '&' => out.push_str("&amp;"),
                _ => out.push(c),
            }
        }
    }
    // A line that starts like a list item or heading would become one.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

fn markdown_spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text {
                text,
                strong,
                emph,
                strike,
                link,
            } => {
                let mut text = escape_markdown(text);
                if let Some(url) = link {
                    text = format!("[{text}](<{}>)", url.replace(['<', '>', ' '], ""));
                }
                let trimmed = text.trim();
                if trimmed.is_empty() || !(*strong || *emph || *strike) {
                    out.push_str(&text);
                    continue;
                }
                let mark = format!(
                    "{}{}{}",
                    if *strike { "~~" } else { "" },
                    if *strong { "**" } else { "" },
                    if *emph { "*" } else { "" }
                );
                let closing: String = mark.chars().rev().collect();
                let lead = &text[..text.len() - text.trim_start().len()];
                let tail = &text[text.trim_end().len()..];
                let _ = write!(out, "{lead}{mark}{trimmed}{closing}{tail}");
            }
            Span::Code { text } => {
                let fence = if text.contains('`') { "`` " } else { "`" };
                let close = if text.contains('`') { " ``" } else { "`" };
                let _ = write!(out, "{fence}{text}{close}");
            }
            Span::Url { href: true, .. } => {}
            Span::Url { url, href: false } => {
                let _ = write!(out, " ({})", escape_markdown(url));
            }
            // "&lt;" starts no tag in any Markdown viewer.
            Span::Raw { text } => out.push_str(&text.replace('<', "&lt;")),
            Span::Break => out.push_str("  \n"),
        }
    }
    out
}

fn markdown_block(block: &Block, indent: &str) -> String {
    match block {
        Block::Paragraph { spans } => markdown_spans(spans),
        Block::Heading { level, spans } => {
            // Under the export's own section headings.
            format!(
                "{} {}",
                "#".repeat(usize::from((*level + 2).min(6))),
                markdown_spans(spans)
            )
        }
        Block::List {
            ordered,
            start,
            items,
        } => {
            let mut lines = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", *start + i as u64)
                } else {
                    "- ".to_string()
                };
                let inner = format!("{indent}{}", " ".repeat(marker.len()));
                let body: Vec<String> = item.iter().map(|b| markdown_block(b, &inner)).collect();
                lines.push(format!("{marker}{}", body.join(&format!("\n\n{inner}"))));
            }
            lines.join(&format!("\n{indent}"))
        }
        Block::Quote { blocks } => blocks
            .iter()
            .map(|b| markdown_block(b, indent))
            .collect::<Vec<_>>()
            .join("\n\n")
            .lines()
            .map(|line| format!("> {line}"))
            .collect::<Vec<_>>()
            .join(&format!("\n{indent}")),
        Block::Code { text } => {
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            format!("{fence}\n{text}\n{fence}")
        }
        Block::Rule => "---".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks_and_html_stays_text() {
        let blocks = parse(
            "Hi **there** <b>x</b> [site](https://a.org)\n\n- one\n- *two*\n\n<script>alert(1)</script>\n",
        );
        let Some(Block::Paragraph { spans }) = blocks.first() else {
            panic!("{blocks:?}")
        };
        assert!(spans.contains(&Span::Text {
            text: "there".into(),
            strong: true,
            emph: false,
            strike: false,
            link: None,
        }));
        assert!(
            spans
                .iter()
                .any(|s| matches!(s, Span::Raw { text } if text == "<b>"))
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
        let blocks = parse("See <https://a.org> and [https://b.org](https://b.org).");
        let Some(Block::Paragraph { spans }) = blocks.first() else {
            panic!("{blocks:?}")
        };
        assert!(
            !spans.iter().any(|s| matches!(s, Span::Url { .. })),
            "{spans:?}"
        );
        // A link to a script is shown, not made clickable.
        let blocks = parse("[x](javascript:alert(1))");
        let Some(Block::Paragraph { spans }) = blocks.first() else {
            panic!("{blocks:?}")
        };
        assert!(
            spans
                .iter()
                .any(|s| matches!(s, Span::Url { href: false, .. }))
        );
    }

    #[test]
    fn pages_get_no_element_that_runs_code() {
        let html = RichText::parse(
            "Hello <script>alert(1)</script> *world* <img src=x onerror=alert(2)> [x](javascript:alert(3)) [ok](https://a.org)",
        )
        .html();
        assert!(html.contains("<em>world</em>"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(
            html.contains("<a href=\"https://a.org\" rel=\"noopener noreferrer nofollow\">ok</a>"),
            "{html}"
        );
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        // The text around raw HTML stays.
        assert!(
            html.starts_with("<p>Hello alert(1) <em>world</em>"),
            "{html}"
        );
    }

    #[test]
    fn lists_and_headings_keep_their_shape_on_pages_and_in_markdown() {
        let text = RichText::parse("## Outcome\n\n1. first\n2. **second**\n\n- a\n- b");
        let html = text.html();
        assert!(html.contains("<h4>Outcome</h4>"), "{html}");
        assert!(
            html.contains("<ol>\n<li>first</li>\n<li><strong>second</strong></li>\n</ol>"),
            "{html}"
        );
        assert!(
            html.contains("<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
            "{html}"
        );
        let markdown = text.markdown();
        assert_eq!(
            markdown,
            "#### Outcome\n\n1. first\n2. **second**\n\n- a\n- b"
        );
        // The Markdown reads back to as many blocks.
        assert_eq!(
            RichText::parse(&markdown).blocks().len(),
            text.blocks().len()
        );
    }

    #[test]
    fn the_export_neutralises_html_and_script_links() {
        let markdown =
            RichText::parse("<b>x</b> **y** [a](JavaScript:alert(1)) [b](https://b.org)")
                .markdown();
        assert!(!markdown.contains("<b>"), "{markdown}");
        assert!(markdown.contains("&lt;b>x&lt;/b>"), "{markdown}");
        assert!(markdown.contains("**y**"), "{markdown}");
        assert!(!markdown.contains("](JavaScript"), "{markdown}");
        assert!(markdown.contains("[b](<https://b.org>)"), "{markdown}");
    }

    #[test]
    fn serialized_it_is_the_markdown_as_written() {
        let text = RichText::parse("*Hi* <b>");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"*Hi* <b>\"");
        let back: RichText = serde_json::from_str("\"- a\"").unwrap();
        assert!(matches!(back.blocks(), [Block::List { .. }]));
    }
}
