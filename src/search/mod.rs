//! Search across Roundtable: events and series, sessions, people, organizations, outcome
//! reports and the rapporteurs' summaries, and the library's documents (their metadata and
//! the words inside their PDFs).
//!
//! The index is the database's own full-text engine, so that every `serve` instance on one
//! database sees the same index and no second system has to be run or kept in step: FTS5
//! on SQLite, full-text search over `unaccent`ed text on PostgreSQL (migration 19). Both
//! fold case and accents (`lampriere` finds LAMPRIÈRE) and weigh a word in a title above
//! one in a body.
//!
//! How it stays true: triggers on the tables search reads queue what changed
//! (`search_queue`) in the transaction of the change; [`index::drain`] turns the queue
//! into entries, one at a time across instances, before every search and every few
//! seconds in `serve`. So a search sees every change committed before it, whichever
//! instance made it. Each entry says who may read it (everyone, signed-in members, or
//! organizers), worked out from the same rules as the pages: drafts, closed sessions and
//! unpublished reports are the organizers'; a person is public when they sit on a panel
//! of a public session; under the Chatham House rule nothing said is tied to a name.
//!
//! [`store`] runs the queries, [`api`] and [`pages`] answer them.

pub mod api;
pub mod index;
pub mod pages;
pub mod store;

use serde::Serialize;

use crate::documents::Access;
use crate::domain::folded;

crate::string_enum!(
    /// What a search finds, as the API names it.
    Kind {
        Event => "event" as "Events",
        Session => "session" as "Sessions",
        Person => "person" as "People",
        Organization => "organization" as "Organizations",
        Report => "report" as "Reports and summaries",
        Document => "document" as "Documents",
        Recommendation => "recommendation" as "Recommendations",
    }
);

crate::string_enum!(
    /// Where an entry comes from: the table (or part of one) it is made of.
    EntrySource {
        Event => "event" as "Event",
        Series => "series" as "Series",
        Session => "session" as "Session",
        Summary => "summary" as "Summary",
        Report => "report" as "Outcome report",
        Person => "person" as "Person",
        Organization => "organization" as "Organization",
        Document => "document" as "Document",
    }
);

impl Kind {
    /// One thing of this kind, in words.
    pub fn one(self) -> &'static str {
        match self {
            Kind::Event => "Event",
            Kind::Session => "Session",
            Kind::Person => "Person",
            Kind::Organization => "Organization",
            Kind::Report => "Report",
            Kind::Document => "Document",
            Kind::Recommendation => "Recommendation",
        }
    }
}

impl EntrySource {
    /// The kind of thing a reader is told they found.
    pub fn kind(self) -> Kind {
        match self {
            EntrySource::Event | EntrySource::Series => Kind::Event,
            EntrySource::Session => Kind::Session,
            EntrySource::Summary | EntrySource::Report => Kind::Report,
            EntrySource::Person => Kind::Person,
            EntrySource::Organization => Kind::Organization,
            EntrySource::Document => Kind::Document,
        }
    }
}

/// One thing found, as answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub kind: Kind,
    /// What exactly it is: `event`, `series`, `session`, `summary`, `report` (an outcome
    /// report), `person`, `organization` or `document`; with `id`, it names one thing.
    pub source: EntrySource,
    /// The id of the event, session, person, organization, document, or (for a report or
    /// summary) of its event or session.
    pub id: i32,
    pub title: String,
    pub url: String,
    /// A few words around the first match, HTML-escaped, the words found in `<mark>`.
    pub snippet: String,
}

/// What a search asks for: its words and, if any, one kind of thing.
#[derive(Debug, Clone, Default)]
pub struct Question {
    pub q: String,
    pub kind: Option<Kind>,
}

/// What a search found: a page of hits, how many in all (of the kind asked for), and how
/// many of each kind.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: u64,
    pub counts: Vec<(Kind, u64)>,
}

/// The most results one page of search answers.
pub const LIMIT_MAX: u64 = 100;

/// The longest query taken, in characters.
pub const QUERY_MAX: usize = 200;

/// The things matching `question` that `reader` may open, best first: a page of them and
/// how many there are. The index is brought up to date first, so that every change
/// committed before the search, on any instance, is found.
pub async fn find(
    db: &crate::db::Db,
    reader: Access,
    question: &Question,
    page: crate::web::Pagination,
) -> Result<Found, crate::error::AppError> {
    index::catch_up(db).await;
    let words = terms(&question.q);
    let page = crate::web::Pagination {
        limit: page.limit.min(LIMIT_MAX),
        ..page
    };
    Ok(store::search(db, &words, &readable(reader), question.kind, page).await?)
}

/// A question from a query string: `q` (required, with a letter or digit) and `kind`.
pub fn question_of(
    query: &crate::web::ListQuery,
    errors: &mut crate::error::FieldErrors,
) -> Question {
    let kind = query.parsed::<Kind>("kind", errors);
    let q = query.get("q").unwrap_or("").trim().to_string();
    if q.chars().count() > QUERY_MAX {
        errors.add("q", format!("must be at most {QUERY_MAX} characters"));
    } else if terms(&q).is_empty() {
        errors.add("q", "is required: the words to look for");
    }
    Question { q, kind }
}

/// The most words a query is made of.
pub const TERMS_MAX: usize = 12;

/// The words of a query as the index holds them: letters and digits, accents and case
/// folded, at most [`TERMS_MAX`], each at most 64 characters.
pub fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in folded(query).split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let word: String = word.chars().take(64).collect();
        if !out.contains(&word) {
            out.push(word);
        }
        if out.len() == TERMS_MAX {
            break;
        }
    }
    out
}

/// Who may read what a reader may: the access levels they open.
pub fn readable(reader: Access) -> Vec<&'static str> {
    reader.readable().into_iter().map(Access::as_str).collect()
}

/// How many characters a snippet holds, about.
const SNIPPET_CHARS: usize = 180;

/// A snippet of `body` around the first word starting with one of `terms`, HTML-escaped,
/// every such word marked; the body's start when no word matches.
pub fn snippet(body: &str, terms: &[String]) -> String {
    // Words of the body: (start, end) in chars, and their folded form.
    let chars: Vec<char> = body.chars().collect();
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, chars.len()));
    }
    let matches = |&(s, e): &(usize, usize)| {
        let word: String = chars[s..e].iter().collect();
        let word = folded(&word);
        terms.iter().any(|t| word.starts_with(t.as_str()))
    };
    let first = words.iter().find(|w| matches(w)).map_or(0, |w| w.0);
    // Start a little before the first match, at a word's start.
    let from = words
        .iter()
        .map(|w| w.0)
        .filter(|&s| s + SNIPPET_CHARS / 3 >= first && s <= first)
        .min()
        .unwrap_or(first);
    let to = (from + SNIPPET_CHARS).min(chars.len());
    // End at a word's end.
    let to = words
        .iter()
        .find(|w| w.0 < to && w.1 >= to)
        .map_or(to, |w| w.1);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = from;
    for word in words.iter().filter(|w| w.0 >= from && w.1 <= to) {
        out.push_str(&escape(&chars[at..word.0].iter().collect::<String>()));
        let text = escape(&chars[word.0..word.1].iter().collect::<String>());
        if matches(word) {
            out.push_str("<mark>");
            out.push_str(&text);
            out.push_str("</mark>");
        } else {
            out.push_str(&text);
        }
        at = word.1;
    }
    out.push_str(&escape(&chars[at..to].iter().collect::<String>()));
    if to < chars.len() {
        out.push('…');
    }
    // Lines become spaces: a snippet is one line.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_becomes_folded_words() {
        assert_eq!(terms("  LAMPRIÈRE, Luc!"), ["lampriere", "luc"]);
        assert_eq!(terms("Côte d'Ivoire"), ["cote", "d", "ivoire"]);
        assert_eq!(terms("\"'*) OR 1=1 --"), ["or", "1"]);
        assert!(terms("¿¡ --- !?").is_empty());
        assert_eq!(terms(&"word ".repeat(40)).len(), 1);
        let many: String = (0..40).map(|i| format!("w{i} ")).collect();
        assert_eq!(terms(&many).len(), TERMS_MAX);
    }

    #[test]
    fn a_snippet_marks_the_words_found_and_escapes_the_rest() {
        let body = "Rapporteur: Mr Luc LAMPRIÈRE, General Director of Oxfam France <b>";
        let terms = terms("lampriere oxfam");
        assert_eq!(
            snippet(body, &terms),
            "Rapporteur: Mr Luc <mark>LAMPRIÈRE</mark>, General Director of <mark>Oxfam</mark> France &lt;b&gt;"
        );
    }

    #[test]
    fn a_long_body_is_cut_around_its_first_match() {
        let body = format!(
            "{} the focal point network {}",
            "before ".repeat(100),
            "after ".repeat(100)
        );
        let cut = snippet(&body, &terms("focal"));
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("<mark>focal</mark> point"), "{cut}");
        assert!(cut.chars().count() < SNIPPET_CHARS + 40, "{cut}");
        // No match: the start.
        assert!(snippet(&body, &terms("nowhere")).starts_with("before before"));
    }
}
