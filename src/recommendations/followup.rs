//! The follow-up report: what was asked of an addressee (or of everyone), when and where,
//! and what came of it — as a page, as Markdown and as a PDF typeset with Typst
//! (`templates/recommendations/followup.typ`), the document a coalition sends to the
//! delegation it asked. Readers see in it what they see in the tracker.

use chrono::{Datelike, NaiveDate, Utc};
use serde::Serialize;

use super::service::{self, Filter};
use super::{RecommendationOut, RecommendationStatus};
use crate::config::Settings;
use crate::db::Db;
use crate::documents::Access;
use crate::error::AppResult;
use crate::i18n::{Language, t, t_args, t_texts};

/// The follow-up report, as its three forms show it.
#[derive(Debug, Clone)]
pub struct FollowUp {
    /// "What we asked of the European Union, 2009–2012, and what came of it".
    pub title: String,
    /// The addressee as named in the vocabulary (none: every addressee).
    pub addressee: Option<String>,
    pub organizer_name: String,
    pub written_on: NaiveDate,
    /// Each status with how many items stand there (those with none left out).
    pub counts: Vec<(RecommendationStatus, usize)>,
    /// The items, the earliest asked first.
    pub items: Vec<RecommendationOut>,
    /// The language it is written in (the reader's).
    pub lang: Language,
}

/// "the European Union", "the EU"… as a sentence names it: names beginning with "the"
/// and single words that are no acronym ("France", "Governments") as they are, others
/// with "the".
fn named(addressee: &str) -> String {
    let trimmed = addressee.trim();
    let acronym = trimmed
        .chars()
        .all(|c| c.is_uppercase() || !c.is_alphabetic());
    let lower = trimmed.to_lowercase();
    if lower.starts_with("the ") || (!acronym && !trimmed.contains(' ')) {
        trimmed.to_string()
    } else {
        format!("the {trimmed}")
    }
}

/// The report of what was asked of `addressee` (a name or alias; none for everyone), as
/// `reader` may see it.
pub async fn build(
    db: &Db,
    settings: &Settings,
    reader: Access,
    addressee: Option<&str>,
    lang: Language,
) -> AppResult<FollowUp> {
    let filter = Filter {
        addressee: addressee.map(str::to_string),
        ..Filter::default()
    };
    let listed = service::list(db, reader, &filter).await?;
    // A recommendation raised again is one entry, under the earliest of its askings the
    // report lists, with the updates recorded on any of them; it stands where the latest
    // of those updates says.
    let ids: std::collections::HashSet<i32> = listed.iter().map(|i| i.id).collect();
    let first_of = |i: &RecommendationOut| {
        i.asked
            .iter()
            .map(|a| a.id)
            .find(|id| ids.contains(id))
            .unwrap_or(i.id)
    };
    let (mut items, later): (Vec<RecommendationOut>, Vec<RecommendationOut>) =
        listed.into_iter().partition(|i| first_of(i) == i.id);
    for again in later {
        let first = first_of(&again);
        if let Some(first) = items.iter_mut().find(|i| i.id == first) {
            first.updates.extend(again.updates);
            first.updates.sort_by_key(|u| u.on);
            if let Some(latest) = first.updates.last() {
                first.status = latest.status;
            }
        }
    }
    items.sort_by_key(|i| (i.asked.first().and_then(|a| a.date).or(i.source.date), i.id));
    let name = addressee.map(|a| {
        items
            .first()
            .map(|i| i.addressee.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| a.trim().to_string())
    });
    let years: Vec<i32> = items
        .iter()
        .flat_map(|i| i.asked.iter().filter_map(|a| a.date).chain(i.source.date))
        .map(|d| d.year())
        .collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(first), Some(last)) if first != last => format!(", {first}–{last}"),
        (Some(first), _) => format!(", {first}"),
        _ => String::new(),
    };
    // English names an addressee as a sentence does ("the EU"); the other languages'
    // titles name it as it is.
    let title = match name.as_deref() {
        Some(whom) => {
            let whom = if lang == Language::En {
                named(whom)
            } else {
                whom.trim().to_string()
            };
            t_texts(
                lang,
                "rec-report-title-of",
                &[("whom", &whom), ("span", &span)],
            )
        }
        None => t_texts(lang, "rec-report-title-all", &[("span", &span)]),
    };
    let counts = RecommendationStatus::ALL
        .iter()
        .map(|s| (*s, items.iter().filter(|i| i.status == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    Ok(FollowUp {
        title,
        addressee: name,
        organizer_name: settings.mail.organizer_name.clone(),
        written_on: Utc::now().date_naive(),
        counts,
        items,
        lang,
    })
}

/// Where and when an item was asked, as a line: "Brussels, 3 June 2009; Brussels, 2012".
fn asked(item: &RecommendationOut, lang: Language) -> String {
    item.asked
        .iter()
        .map(|a| {
            let place = a.event.clone().unwrap_or_else(|| a.title.clone());
            match a.date {
                Some(d) => format!("{place}, {}", crate::i18n::dates::long(lang, d)),
                None => place,
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The report as Markdown.
pub fn markdown(report: &FollowUp, base_url: &str) -> String {
    let lang = report.lang;
    let l = |id: &str| t(lang, id);
    let mut out = format!("# {}\n\n", report.title);
    out.push_str(&format!(
        "{}, {}. {}.\n\n",
        report.organizer_name,
        crate::i18n::dates::long(lang, report.written_on),
        followed_up(lang, report.items.len()),
    ));
    out.push_str(&format!(
        "| {} | {} |\n| --- | ---: |\n",
        l("rec-status"),
        l("rec-title")
    ));
    for (status, n) in &report.counts {
        out.push_str(&format!("| {} | {n} |\n", status.label_in(lang)));
    }
    for (i, item) in report.items.iter().enumerate() {
        out.push_str(&format!("\n## {}. {}\n\n", i + 1, item.text.trim()));
        out.push_str(&format!(
            "- **{}** {}\n",
            l("rec-label-status"),
            item.status.label_in(lang)
        ));
        if report.addressee.is_none() && !item.addressee.is_empty() {
            out.push_str(&format!("- **{}** {}\n", l("rec-label-to"), item.addressee));
        }
        out.push_str(&format!(
            "- **{}** {}\n",
            l("rec-label-asked"),
            asked(item, lang)
        ));
        if !item.themes.is_empty() {
            out.push_str(&format!(
                "- **{}** {}\n",
                l("rec-label-themes"),
                item.themes.join(", ")
            ));
        }
        out.push_str(&format!(
            "- **{}** {base_url}/recommendations/{}\n",
            l("rec-label-follow-up"),
            item.id
        ));
        if item.updates.is_empty() {
            out.push_str(&format!("\n{}\n", l("rec-no-follow-up")));
        } else {
            out.push_str(&format!("\n{}\n\n", l("rec-label-what-came")));
            for u in &item.updates {
                out.push_str("- ");
                out.push_str(&t_texts(
                    lang,
                    "rec-update-line",
                    &[
                        ("date", &crate::i18n::dates::long(lang, u.on)),
                        ("status", &u.status.label_in(lang)),
                        ("note", &u.note.trim().replace('\n', " ")),
                    ],
                ));
                if let Some(url) = &u.evidence_url {
                    out.push_str(&format!(" ({} {url})", l("rec-evidence-inline")));
                }
                if let (Some(document), Some(title)) = (u.document_id, &u.document_title) {
                    out.push_str(&format!(
                        " ({} {title}, {base_url}/documents/{document})",
                        l("rec-evidence-inline")
                    ));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// "3 recommendations followed up", in `lang`.
fn followed_up(lang: Language, count: usize) -> String {
    t_args(lang, "rec-followed-up-count", &[("count", count.into())])
}

/// What the Typst template reads: strings only.
#[derive(Debug, Serialize)]
pub struct FollowUpView {
    /// The language it is written in, for hyphenation.
    lang: &'static str,
    /// The labels, in that language.
    l: Labels,
    title: String,
    byline: String,
    total: String,
    counts: Vec<(String, String)>,
    items: Vec<ItemView>,
}

/// The labels of the PDF, in the report's language.
#[derive(Debug, Serialize)]
struct Labels {
    report: String,
    status: String,
    recommendations: String,
    to: String,
    asked: String,
    themes: String,
    #[serde(rename = "follow-up")]
    follow_up: String,
    #[serde(rename = "no-follow-up")]
    no_follow_up: String,
    #[serde(rename = "what-came")]
    what_came: String,
    evidence: String,
}

impl Labels {
    fn new(lang: Language) -> Self {
        let l = |id: &str| t(lang, id);
        Self {
            report: l("rec-report"),
            status: l("rec-status"),
            recommendations: l("rec-title"),
            to: l("rec-pdf-to"),
            asked: l("rec-asked"),
            themes: l("rec-themes"),
            follow_up: l("rec-follow-up"),
            no_follow_up: l("rec-no-follow-up"),
            what_came: l("rec-what-came"),
            evidence: l("rec-evidence-colon"),
        }
    }
}

#[derive(Debug, Serialize)]
struct ItemView {
    number: String,
    text: String,
    status: String,
    addressee: String,
    asked: String,
    themes: String,
    link: String,
    updates: Vec<UpdateView>,
}

#[derive(Debug, Serialize)]
struct UpdateView {
    on: String,
    status: String,
    note: String,
    /// A link given as evidence.
    evidence: String,
    /// A document of the library given as evidence: its title and address.
    document: (String, String),
}

impl FollowUpView {
    pub fn new(report: &FollowUp, base_url: &str) -> Self {
        let lang = report.lang;
        Self {
            lang: lang.as_str(),
            l: Labels::new(lang),
            title: report.title.clone(),
            byline: format!(
                "{} · {}",
                report.organizer_name,
                crate::i18n::dates::long(lang, report.written_on)
            ),
            total: followed_up(lang, report.items.len()),
            counts: report
                .counts
                .iter()
                .map(|(s, n)| (s.label_in(lang), n.to_string()))
                .collect(),
            items: report
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| ItemView {
                    number: (i + 1).to_string(),
                    text: item.text.trim().to_string(),
                    status: item.status.label_in(lang),
                    addressee: if report.addressee.is_none() {
                        item.addressee.clone()
                    } else {
                        String::new()
                    },
                    asked: asked(item, lang),
                    themes: item.themes.join(", "),
                    link: format!("{base_url}/recommendations/{}", item.id),
                    updates: item
                        .updates
                        .iter()
                        .map(|u| UpdateView {
                            on: crate::i18n::dates::long(lang, u.on),
                            status: u.status.label_in(lang),
                            note: u.note.trim().to_string(),
                            evidence: u.evidence_url.clone().unwrap_or_default(),
                            document: match (u.document_id, &u.document_title) {
                                (Some(d), Some(title)) => {
                                    (title.clone(), format!("{base_url}/documents/{d}"))
                                }
                                _ => (String::new(), String::new()),
                            },
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::named;

    #[test]
    fn addressees_are_named_as_a_sentence_names_them() {
        assert_eq!(named("European Union"), "the European Union");
        assert_eq!(named("EU"), "the EU");
        assert_eq!(named("France"), "France");
        assert_eq!(named("The African Union"), "The African Union");
        assert_eq!(named("Governments"), "Governments");
    }
}
