//! `/search`: one box for everything, results by kind, the words found marked.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::{Found, Kind, QUERY_MAX};
use crate::app::AppState;
use crate::documents::Access;
use crate::error::FieldErrors;
use crate::web::ListQuery;
use crate::web::pages::{Ctx, PageResult, render};

/// Results per page.
const PER_PAGE: u64 = 20;

pub fn routes() -> Router<AppState> {
    Router::new().route("/search", get(search_page))
}

/// A tab: one kind of thing found, with how many.
struct Tab {
    label: String,
    count: u64,
    url: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "search/results.html")]
struct SearchPage {
    ctx: Ctx,
    q: String,
    error: Option<String>,
    asked: bool,
    found: Found,
    tabs: Vec<Tab>,
    /// "12 results among events for “water”, 1–12 shown."
    status: String,
    first: u64,
    next: Option<String>,
    previous: Option<String>,
}

fn address(q: &str, kind: Option<Kind>, offset: u64) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("q", q);
    if let Some(kind) = kind {
        query.append_pair("kind", kind.as_str());
    }
    if offset > 0 {
        query.append_pair("offset", &offset.to_string());
    }
    format!("/search?{}", query.finish())
}

async fn search_page(State(state): State<AppState>, ctx: Ctx, query: ListQuery) -> PageResult {
    let mut errors = FieldErrors::new();
    let asked = query.get("q").is_some();
    let question = super::question_of(&query, &mut errors);
    let offset = query
        .get("offset")
        .and_then(|o| o.parse::<u64>().ok())
        .unwrap_or(0)
        .min(10_000);
    let page = crate::web::Pagination {
        limit: PER_PAGE,
        offset,
    };
    let lang = ctx.lang;
    let error = errors
        .first_message("q")
        .map(|m| match lang {
            crate::i18n::Language::En => m,
            // The field is named by the sentence around it.
            _ => crate::i18n::fields::message(
                lang,
                m.strip_suffix(": the words to look for").unwrap_or(&m),
            ),
        })
        .or_else(|| {
            errors.first_message("kind").map(|m| {
                crate::i18n::t_texts(
                    lang,
                    "srch-kind-error",
                    &[("message", &crate::i18n::fields::message(lang, &m))],
                )
            })
        });
    let found = if asked && errors.is_empty() {
        super::find(&state.db, Access::of(ctx.user.as_ref()), &question, page).await?
    } else {
        Found::default()
    };
    let all: u64 = found.counts.iter().map(|(_, n)| n).sum();
    let mut tabs = vec![Tab {
        label: crate::i18n::t(lang, "srch-everything"),
        count: all,
        url: address(&question.q, None, 0),
        current: question.kind.is_none(),
    }];
    tabs.extend(found.counts.iter().map(|(kind, count)| Tab {
        label: crate::i18n::term(lang, "srch-kind", kind.as_str()),
        count: *count,
        url: address(&question.q, Some(*kind), 0),
        current: question.kind == Some(*kind),
    }));
    let shown = found.hits.len() as u64;
    let q: String = question.q.chars().take(QUERY_MAX * 2).collect();
    let page = SearchPage {
        status: status_line(lang, &found, question.kind, &q, offset + 1),
        next: (offset + shown < found.total)
            .then(|| address(&question.q, question.kind, offset + PER_PAGE)),
        previous: (offset > 0)
            .then(|| address(&question.q, question.kind, offset.saturating_sub(PER_PAGE))),
        first: offset + 1,
        q,
        error: if asked { error } else { None },
        asked,
        tabs,
        found,
        ctx,
    };
    Ok(render(&page))
}

/// "12 results among events for “water”, 1–12 shown." in `lang`.
fn status_line(
    lang: crate::i18n::Language,
    found: &Found,
    kind: Option<Kind>,
    q: &str,
    first: u64,
) -> String {
    use fluent_templates::fluent_bundle::FluentValue;
    let count = FluentValue::from(found.total);
    let results = match kind {
        Some(kind) => crate::i18n::t_args(
            lang,
            "srch-results-among",
            &[
                ("count", count),
                (
                    "kind",
                    crate::i18n::term(lang, "srch-kind", kind.as_str())
                        .to_lowercase()
                        .into(),
                ),
            ],
        ),
        None => crate::i18n::t_args(lang, "srch-results", &[("count", count)]),
    };
    let mut line = crate::i18n::t_texts(lang, "srch-for", &[("results", &results), ("q", q)]);
    if !found.hits.is_empty() {
        let last = first + found.hits.len() as u64 - 1;
        line.push_str(", ");
        line.push_str(&crate::i18n::t_texts(
            lang,
            "srch-shown",
            &[("first", &first.to_string()), ("last", &last.to_string())],
        ));
    }
    line.push('.');
    line
}
