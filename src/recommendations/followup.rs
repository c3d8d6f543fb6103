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
    let whom = name.as_deref().map_or("everyone".to_string(), named);
    let counts = RecommendationStatus::ALL
        .iter()
        .map(|s| (*s, items.iter().filter(|i| i.status == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    Ok(FollowUp {
        title: format!("What we asked of {whom}{span}, and what came of it"),
        addressee: name,
        organizer_name: settings.mail.organizer_name.clone(),
        written_on: Utc::now().date_naive(),
        counts,
        items,
    })
}

fn day(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Where and when an item was asked, as a line: "Brussels, 3 June 2009; Brussels, 2012".
fn asked(item: &RecommendationOut) -> String {
    item.asked
        .iter()
        .map(|a| {
            let place = a.event.clone().unwrap_or_else(|| a.title.clone());
            match a.date {
                Some(d) => format!("{place}, {}", day(d)),
                None => place,
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The report as Markdown.
pub fn markdown(report: &FollowUp, base_url: &str) -> String {
    let mut out = format!("# {}\n\n", report.title);
    out.push_str(&format!(
        "{}, {}. {} recommendation{} followed up.\n\n",
        report.organizer_name,
        day(report.written_on),
        report.items.len(),
        if report.items.len() == 1 { "" } else { "s" }
    ));
    out.push_str("| Status | Recommendations |\n| --- | ---: |\n");
    for (status, n) in &report.counts {
        out.push_str(&format!("| {} | {n} |\n", status.label()));
    }
    for (i, item) in report.items.iter().enumerate() {
        out.push_str(&format!("\n## {}. {}\n\n", i + 1, item.text.trim()));
        out.push_str(&format!("- **Status:** {}\n", item.status.label()));
        if report.addressee.is_none() && !item.addressee.is_empty() {
            out.push_str(&format!("- **To:** {}\n", item.addressee));
        }
        out.push_str(&format!("- **Asked:** {}\n", asked(item)));
        if !item.themes.is_empty() {
            out.push_str(&format!("- **Themes:** {}\n", item.themes.join(", ")));
        }
        out.push_str(&format!(
            "- **Follow-up:** {base_url}/recommendations/{}\n",
            item.id
        ));
        if item.updates.is_empty() {
            out.push_str("\nNo follow-up recorded yet.\n");
        } else {
            out.push_str("\nWhat came of it:\n\n");
            for u in &item.updates {
                out.push_str(&format!(
                    "- {} — *{}*: {}",
                    day(u.on),
                    u.status.label(),
                    u.note.trim().replace('\n', " ")
                ));
                if let Some(url) = &u.evidence_url {
                    out.push_str(&format!(" (evidence: {url})"));
                }
                if let (Some(document), Some(title)) = (u.document_id, &u.document_title) {
                    out.push_str(&format!(
                        " (evidence: {title}, {base_url}/documents/{document})"
                    ));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// What the Typst template reads: strings only.
#[derive(Debug, Serialize)]
pub struct FollowUpView {
    title: String,
    byline: String,
    total: String,
    counts: Vec<(String, String)>,
    items: Vec<ItemView>,
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
        Self {
            title: report.title.clone(),
            byline: format!("{} · {}", report.organizer_name, day(report.written_on)),
            total: format!(
                "{} recommendation{} followed up",
                report.items.len(),
                if report.items.len() == 1 { "" } else { "s" }
            ),
            counts: report
                .counts
                .iter()
                .map(|(s, n)| (s.label().to_string(), n.to_string()))
                .collect(),
            items: report
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| ItemView {
                    number: (i + 1).to_string(),
                    text: item.text.trim().to_string(),
                    status: item.status.label().to_string(),
                    addressee: if report.addressee.is_none() {
                        item.addressee.clone()
                    } else {
                        String::new()
                    },
                    asked: asked(item),
                    themes: item.themes.join(", "),
                    link: format!("{base_url}/recommendations/{}", item.id),
                    updates: item
                        .updates
                        .iter()
                        .map(|u| UpdateView {
                            on: day(u.on),
                            status: u.status.label().to_string(),
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
