//! The search queries: FTS5's `MATCH` ranked by BM25 on SQLite, `@@` ranked by
//! `ts_rank` on PostgreSQL; titles weigh more than bodies on both.

use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement, Value};

use super::{Found, Hit, Kind, snippet};
use crate::db::Db;
use crate::web::Pagination;

/// Words shorter than this match whole words only, not the beginnings of words (a
/// prefix of one or two letters would match most of the index).
const PREFIX_MIN: usize = 3;

/// FTS5's query for `terms`: every one, each quoted (they hold letters and digits only),
/// the longer ones as the beginnings of words.
fn fts5_query(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| {
            if t.chars().count() >= PREFIX_MIN {
                format!("\"{t}\"*")
            } else {
                format!("\"{t}\"")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// PostgreSQL's query from the terms in `param` (joined by spaces): each word
/// `unaccent`ed on its own and stripped of what `to_tsquery` reads as operators (unaccent
/// turns a few letters into such characters: ⑴ into "(1)", ŉ into "'n"), the longer ones
/// as the beginnings of words, all of them required. NULL (finding nothing) when no word
/// is left.
fn pg_query(param: &str) -> String {
    format!(
        "to_tsquery('simple', (SELECT string_agg(CASE WHEN char_length(w) >= {PREFIX_MIN} \
         THEN w || ':*' ELSE w END, ' & ') FROM (SELECT regexp_replace(unaccent(t), \
         '[&|!():*''\\\\<>[:space:]-]+', '', 'g') AS w \
         FROM regexp_split_to_table({param}, ' ') AS t) words WHERE w <> ''))"
    )
}

/// How much of a body is read back to cut a snippet from.
const SNIPPET_SOURCE: usize = 200_000;

/// The page of entries matching every one of `terms` (each as a word's beginning) that a
/// reader allowed `access` may open, best first, and how many match of each kind.
pub async fn search(
    db: &Db,
    terms: &[String],
    access: &[&str],
    kind: Option<Kind>,
    page: Pagination,
) -> Result<Found, DbErr> {
    if terms.is_empty() {
        return Ok(Found::default());
    }
    let backend = db.backend();
    let mut values: Vec<Value> = Vec::new();
    let param = |value: Value, values: &mut Vec<Value>| -> String {
        values.push(value);
        match backend {
            DatabaseBackend::Postgres => format!("${}", values.len()),
            _ => "?".to_string(),
        }
    };
    let (from, matched, rank) = match backend {
        DatabaseBackend::Postgres => {
            let p = param(terms.join(" ").into(), &mut values);
            (
                format!("search_entries e, {} q", pg_query(&p)),
                "e.words @@ q".to_string(),
                // Titles holding every word first, then by rank.
                "(ts_filter(e.words, '{a}') @@ q) DESC, ts_rank(e.words, q) DESC".to_string(),
            )
        }
        _ => {
            let query = fts5_query(terms);
            let p = param(query.clone().into(), &mut values);
            (
                "search_fts JOIN search_entries e ON e.id = search_fts.rowid".to_string(),
                format!("search_fts MATCH {p}"),
                // Titles holding every word first (FTS5's BM25 weighs a match by the length
                // of the whole row, so a long body would bury its title), then by BM25
                // (lower is better), a title word counting ten times a body's.
                // (The title's query is bound last, below: `?` are bound in order.)
                format!("title : ({query})"),
            )
        }
    };
    let allowed: Vec<String> = access
        .iter()
        .map(|a| param((*a).into(), &mut values))
        .collect();
    let filter = format!("{matched} AND e.access IN ({})", allowed.join(", "));
    // How many of each kind: the page's tabs, and the total.
    let counts_values = values.clone();
    let mut counts = Vec::new();
    for row in db
        .conn()
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!("SELECT e.kind, COUNT(*) AS n FROM {from} WHERE {filter} GROUP BY e.kind"),
            counts_values,
        ))
        .await?
    {
        let kind: String = row.try_get("", "kind")?;
        let n: i64 = row.try_get("", "n")?;
        if let Ok(kind) = kind.parse::<Kind>() {
            counts.push((kind, u64::try_from(n).unwrap_or(0)));
        }
    }
    counts.sort_by_key(|(kind, _)| *kind);
    let total = counts
        .iter()
        .filter(|(k, _)| kind.is_none_or(|wanted| wanted == *k))
        .map(|(_, n)| n)
        .sum();
    let mut filter = filter;
    if let Some(kind) = kind {
        filter.push_str(&format!(
            " AND e.kind = {}",
            param(kind.as_str().into(), &mut values)
        ));
    }
    let rank = match backend {
        DatabaseBackend::Postgres => rank,
        _ => {
            let t = param(rank.into(), &mut values);
            format!(
                "(e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH {t})) DESC, \
                 bm25(search_fts, 10.0, 1.0)"
            )
        }
    };
    let limit = param((page.limit as i64).into(), &mut values);
    let offset = param((page.offset as i64).into(), &mut values);
    let rows = db
        .conn()
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT e.kind, e.source, e.ref_id, e.title, substr(e.body, 1, {SNIPPET_SOURCE}) AS body, e.url \
                 FROM {from} WHERE {filter} ORDER BY {rank}, e.id LIMIT {limit} OFFSET {offset}"
            ),
            values,
        ))
        .await?;
    let mut hits = Vec::with_capacity(rows.len());
    for row in rows {
        let kind: String = row.try_get("", "kind")?;
        let source: String = row.try_get("", "source")?;
        let title: String = row.try_get("", "title")?;
        let body: String = row.try_get("", "body")?;
        hits.push(Hit {
            kind: kind.parse().unwrap_or(Kind::Event),
            source: source.parse().unwrap_or(super::EntrySource::Event),
            id: row.try_get("", "ref_id")?,
            snippet: if body.is_empty() {
                snippet(&title, terms)
            } else {
                snippet(&body, terms)
            },
            title,
            url: row.try_get("", "url")?,
        });
    }
    Ok(Found {
        hits,
        total,
        counts,
    })
}

/// The ids of the things of `source` holding every one of `terms` (the library's word
/// filter), at most `limit` of them.
pub async fn matching(
    db: &Db,
    source: super::EntrySource,
    terms: &[String],
    limit: u64,
) -> Result<Vec<i32>, DbErr> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let backend = db.backend();
    let (sql, query) = match backend {
        DatabaseBackend::Postgres => (
            format!(
                "SELECT e.ref_id FROM search_entries e WHERE e.source = $1 \
                 AND e.words @@ {} LIMIT {limit}",
                pg_query("$2")
            ),
            terms.join(" "),
        ),
        _ => (
            format!(
                "SELECT e.ref_id FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid \
                 WHERE e.source = ? AND search_fts MATCH ? LIMIT {limit}"
            ),
            fts5_query(terms),
        ),
    };
    let rows = db
        .conn()
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [source.as_str().into(), query.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| r.try_get::<i32>("", "ref_id"))
        .collect()
}
