//! A report in a reader's language: the organizers' texts (the event's title, subtitle
//! and description, the introduction and conclusions, the sessions' titles) in that
//! language where translated, the dates written as it writes them, and the headings and
//! labels of the page, the Markdown and the PDF from its messages. The rapporteurs'
//! summaries stay in the language they were written in (the one the rapporteur said,
//! else the event's), marked as such.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::EventReport;
use crate::domain::{RichText, TimeZone};
use crate::i18n::{Language, dates, t, t_args};

/// Which texts of a localized report are in another language than the reader's, to be
/// marked so (`lang="es"`): `None` where they are in the reader's.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub title: Option<&'static str>,
    pub subtitle: Option<&'static str>,
    pub aim: Option<&'static str>,
    pub introduction: Option<&'static str>,
    pub conclusions: Option<&'static str>,
    /// Each session's summary (written in the language its rapporteur said, else the
    /// event's), by session id.
    pub summaries: BTreeMap<i32, Option<&'static str>>,
    /// Each session's title, by session id.
    pub sessions: BTreeMap<i32, Option<&'static str>>,
}

/// Rewrites `r` for a reader of `lang` and tells which texts stayed in another language.
pub fn localize(r: &mut EventReport, lang: Language) -> Marks {
    let original = r.event.language;
    let e = &mut r.event;
    let title = e.translations.pick(original, lang, "title", &e.title);
    let subtitle = e
        .translations
        .pick_opt(original, lang, "subtitle", e.subtitle.as_deref());
    let aim = e.translations.pick_opt(
        original,
        lang,
        "description",
        e.aim.as_ref().map(|a| a.source()),
    );
    let mut marks = Marks {
        title: title.mark,
        subtitle: subtitle.as_ref().and_then(|s| s.mark),
        aim: aim.as_ref().and_then(|a| a.mark),
        ..Marks::default()
    };
    e.title = title.text;
    e.subtitle = subtitle.map(|s| s.text);
    e.aim = aim.map(|a| RichText::parse(&a.text));
    if let (Some(start), Some(end)) = (e.starts_on, e.ends_on)
        && lang != Language::En
    {
        e.dates = dates::range(lang, start, end);
    }
    if lang != Language::En {
        e.region_label = e
            .region
            .map(|r| crate::i18n::term(lang, "region", r.as_str()));
    }
    let zone = e.timezone.as_deref().and_then(|z| TimeZone::find(z).ok());
    // A rich text of the report in the reader's language, and its mark.
    let rich = |field: &str, text: &Option<RichText>| {
        let picked =
            r.translations
                .pick_opt(original, lang, field, text.as_ref().map(RichText::source));
        let mark = picked.as_ref().and_then(|t| t.mark);
        (picked.map(|t| RichText::parse(&t.text)), mark)
    };
    let (introduction, introduction_mark) = rich("introduction", &r.introduction);
    let (conclusions, conclusions_mark) = rich("conclusions", &r.conclusions);
    (r.introduction, marks.introduction) = (introduction, introduction_mark);
    (r.conclusions, marks.conclusions) = (conclusions, conclusions_mark);
    let mut titles = BTreeMap::new();
    for s in &mut r.sessions {
        let title = s.translations.pick(original, lang, "title", &s.title);
        marks.sessions.insert(s.id, title.mark);
        let written = s.summary_language.unwrap_or(original);
        marks
            .summaries
            .insert(s.id, (written != lang).then(|| written.as_str()));
        titles.insert(s.id, title.text.clone());
        s.title = title.text;
        if lang != Language::En
            && let (Some(start), Some(end), Some(zone)) = (s.starts_at, s.ends_at, zone)
        {
            s.when = when(lang, zone, start, end);
        }
    }
    // The lists that name a session name it as the sessions do.
    let retitle = |id: i32, title: &mut String| {
        if let Some(t) = titles.get(&id) {
            title.clone_from(t);
        }
    };
    for c in r.challenges.iter_mut().chain(r.next_steps.iter_mut()) {
        retitle(c.session_id, &mut c.session_title);
    }
    for g in &mut r.recommendations_by_addressee {
        for i in &mut g.items {
            retitle(i.session_id, &mut i.session_title);
        }
    }
    for g in &mut r.recommendations_by_theme {
        for i in &mut g.items {
            retitle(i.session_id, &mut i.session_title);
        }
    }
    for m in &mut r.missing {
        retitle(m.session_id, &mut m.title);
    }
    marks
}

/// "miércoles, 3 de junio de 2009, 14:00–15:30 CEST".
fn when(lang: Language, zone: TimeZone, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let (start, end) = (zone.local(start), zone.local(end));
    format!(
        "{}, {}–{}",
        dates::with_weekday(lang, start.date_naive()),
        start.format("%H:%M"),
        end.format("%H:%M %Z")
    )
}

/// "Published 12 June 2009", "Edition 2, published 3 July 2009", in `lang`.
pub fn edition_line(r: &EventReport, lang: Language) -> Option<String> {
    let at = r
        .published_at
        .filter(|_| r.status == super::ReportStatus::Published)?;
    let date = dates::long(lang, at.date_naive());
    Some(if r.edition > 1 {
        t_args(
            lang,
            "report-edition-published",
            &[("edition", r.edition.into()), ("date", date.into())],
        )
    } else {
        t_args(lang, "report-published", &[("date", date.into())])
    })
}

/// The labels of the report in `lang`, by their short name (the PDF template reads them
/// as `data.l.<name>`).
pub fn labels(lang: Language) -> BTreeMap<&'static str, String> {
    LABELS
        .iter()
        .map(|name| (*name, t(lang, &format!("report-{name}"))))
        .collect()
}

/// The report's labels: each is the message `report-<name>`.
pub const LABELS: &[&str] = &[
    "outcome",
    "contents",
    "introduction",
    "about",
    "the-event",
    "event",
    "dates",
    "place",
    "venue",
    "region",
    "series",
    "sessions-reported",
    "online",
    "organizers",
    "organized-by",
    "sessions",
    "when",
    "chair",
    "speakers",
    "rapporteur",
    "chatham",
    "key-points",
    "challenges",
    "recommendations",
    "next-steps",
    "by-addressee",
    "by-theme",
    "theme",
    "organizations",
    "conclusions",
    "awaiting",
    "awaiting-note",
    "draft",
    "draft-note",
    "not-published",
    "to",
    "themes",
    "from",
    "present",
];

/// The labels of a synthesis in `lang` by their short name (`data.l.<name>` in its
/// template): each the message it names.
pub fn synthesis_labels(lang: Language) -> BTreeMap<&'static str, String> {
    [
        ("kicker", "syn-kicker"),
        ("contents", "report-contents"),
        ("event-one", "syn-event-one"),
        ("event-many", "syn-event-many"),
        ("raised-at", "syn-raised-at"),
        ("drawing", "syn-drawing"),
        ("in-this", "syn-in-this"),
        ("events", "syn-events"),
        ("event", "report-event"),
        ("dates", "report-dates"),
        ("place", "report-place"),
        ("region", "report-region"),
        ("partners", "syn-partners"),
        ("not-yet", "syn-not-yet"),
        ("not-yet-note", "syn-not-yet-note"),
        ("events-label", "syn-events-label"),
        ("to", "report-to"),
        ("to-word", "report-to-word"),
        ("themes-label", "report-themes"),
        ("latest", "syn-latest"),
        ("series-events", "syn-series-events"),
        ("themes", "syn-themes"),
        ("challenges", "syn-challenges"),
        ("by-addressee", "report-by-addressee"),
        ("regions", "syn-regions"),
        ("follow-up", "syn-follow-up"),
        ("ranked", "syn-ranked"),
    ]
    .into_iter()
    .map(|(name, id)| (name, t(lang, id)))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_its_message() {
        for lang in Language::ALL {
            for (name, text) in labels(*lang) {
                assert!(
                    !text.starts_with("report-"),
                    "{lang}: report-{name} missing"
                );
            }
        }
        assert_eq!(labels(Language::Es)["introduction"], "Introducción");
    }
}
