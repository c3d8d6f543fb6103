//! The report and the synthesis as Markdown documents. Every plain text is escaped, so
//! a hostile recommendation stays text in any Markdown viewer; the rich texts come from
//! their parsed blocks (see `domain::RichText`), never from what was typed.

use std::fmt::Write as _;

use super::{EventReport, PersonLine, ReportStatus, Source, Synthesis, language};
use crate::domain::escape_markdown as escape;
use crate::i18n::{Language, t, t_args};

fn person(p: &PersonLine) -> String {
    if p.affiliation.is_empty() {
        escape(&p.display_name)
    } else {
        format!("{}, {}", escape(&p.display_name), escape(&p.affiliation))
    }
}

fn people(label: &str, list: &[PersonLine], out: &mut String) {
    if list.is_empty() {
        return;
    }
    let names: Vec<String> = list.iter().map(person).collect();
    let _ = writeln!(out, "- **{label}:** {}", names.join("; "));
}

fn facts(parts: &[Option<&String>]) -> String {
    parts
        .iter()
        .flatten()
        .map(|p| escape(p))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The outcome report as a Markdown document, in English.
pub fn event_report(r: &EventReport) -> String {
    event_report_in(r, Language::En)
}

/// The outcome report as a Markdown document for a reader of `lang`: its headings and
/// labels in that language, the organizers' texts translated where they are.
pub fn event_report_in(r: &EventReport, lang: Language) -> String {
    let mut r = r.clone();
    language::localize(&mut r, lang);
    let r = &r;
    let l = language::labels(lang);
    let l = |name: &str| l.get(name).cloned().unwrap_or_default();
    let mut out = String::new();
    let e = &r.event;
    let _ = writeln!(out, "# {}\n", escape(&e.title));
    if let Some(subtitle) = &e.subtitle {
        let _ = writeln!(out, "*{}*\n", escape(subtitle));
    }
    let _ = writeln!(
        out,
        "**{}** · {}\n",
        l("outcome"),
        facts(&[Some(&e.dates), e.place.as_ref(), e.venue.as_ref()])
    );
    if r.status != ReportStatus::Published {
        let _ = writeln!(
            out,
            "> **{}**: {}\n",
            crate::i18n::t(lang, "report-draft-word"),
            crate::i18n::t(lang, "report-not-published-yet")
        );
    }
    if let Some(line) = language::edition_line(r, lang) {
        let _ = writeln!(out, "*{}*\n", escape(&line));
    }
    if let Some(intro) = &r.introduction {
        let _ = writeln!(out, "## {}\n\n{}\n", l("introduction"), intro.markdown());
    }
    let _ = writeln!(out, "## {}\n", l("about"));
    if let Some(aim) = &e.aim {
        let _ = writeln!(out, "{}\n", aim.markdown());
    }
    if !e.organizers.is_empty() {
        let _ = writeln!(out, "**{}:**\n", l("organized-by"));
        for o in &e.organizers {
            let _ = writeln!(
                out,
                "- {} ({})",
                escape(&o.name),
                escape(&crate::i18n::term(lang, "involvement", o.role.as_str()))
            );
        }
        out.push('\n');
    }
    if !r.sessions.is_empty() {
        let _ = writeln!(out, "## {}\n", l("sessions"));
    }
    for s in &r.sessions {
        let _ = writeln!(out, "### {}\n", escape(&s.title));
        let _ = writeln!(out, "*{}*\n", escape(&s.when));
        people(&l("chair"), &s.chair, &mut out);
        people(&l("speakers"), &s.speakers, &mut out);
        people(&l("rapporteur"), &s.rapporteur, &mut out);
        out.push('\n');
        if s.chatham_house {
            let _ = writeln!(out, "**{}**\n", l("chatham"));
        }
        let b = &s.summary;
        if !b.overview.is_empty() {
            let _ = writeln!(out, "{}\n", b.overview.markdown());
        }
        if !b.key_points.is_empty() {
            let _ = writeln!(out, "#### {}\n", l("key-points"));
            for p in &b.key_points {
                match &p.speaker {
                    Some(name) => {
                        let _ = writeln!(out, "- {} (*{}*)", escape(&p.text), escape(name));
                    }
                    None => {
                        let _ = writeln!(out, "- {}", escape(&p.text));
                    }
                }
            }
            out.push('\n');
        }
        list(
            &format!("#### {}", l("challenges")),
            &b.challenges,
            &mut out,
        );
        if !b.recommendations.is_empty() {
            let _ = writeln!(out, "#### {}\n", l("recommendations"));
            for rec in &b.recommendations {
                let mut tags = vec![format!("{} {}", l("to"), escape(&rec.addressee))];
                if !rec.themes.is_empty() {
                    tags.push(
                        rec.themes
                            .iter()
                            .map(|t| escape(t))
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                }
                tags.extend(
                    rec.priority
                        .map(|p| crate::i18n::term(lang, "priority", p.as_str())),
                );
                tags.extend(
                    rec.timeframe
                        .map(|t| crate::i18n::term(lang, "timeframe", t.as_str())),
                );
                let _ = writeln!(out, "- {} ({})", escape(&rec.text), tags.join("; "));
            }
            out.push('\n');
        }
        list(
            &format!("#### {}", l("next-steps")),
            &b.next_steps,
            &mut out,
        );
    }
    if !r.recommendations_by_addressee.is_empty() {
        let _ = writeln!(out, "## {}\n", l("by-addressee"));
        for g in &r.recommendations_by_addressee {
            let _ = writeln!(out, "### {} ({})\n", escape(&g.addressee), g.items.len());
            for item in &g.items {
                let _ = writeln!(
                    out,
                    "- {} (*{}*)",
                    escape(&item.text),
                    escape(&item.session_title)
                );
            }
            out.push('\n');
        }
    }
    if !r.recommendations_by_theme.is_empty() {
        let _ = writeln!(out, "## {}\n", l("by-theme"));
        for g in &r.recommendations_by_theme {
            let _ = writeln!(out, "### {} ({})\n", escape(&g.theme), g.items.len());
            for item in &g.items {
                let _ = writeln!(
                    out,
                    "- {} ({} {})",
                    escape(&item.text),
                    l("to"),
                    escape(&item.addressee)
                );
            }
            out.push('\n');
        }
    }
    let sourced = |title: &str, list: &[super::Sourced], out: &mut String| {
        if list.is_empty() {
            return;
        }
        let _ = writeln!(out, "## {title}\n");
        for s in list {
            let _ = writeln!(
                out,
                "- {} (*{}*)",
                escape(&s.text),
                escape(&s.session_title)
            );
        }
        out.push('\n');
    };
    sourced(&l("challenges"), &r.challenges, &mut out);
    sourced(&l("next-steps"), &r.next_steps, &mut out);
    if !r.organizations.is_empty() {
        let _ = writeln!(out, "## {}\n", l("organizations"));
        for o in &r.organizations {
            match o.present {
                Some(n) => {
                    let _ = writeln!(out, "- {} ({n} {})", escape(&o.name), l("present"));
                }
                None => {
                    let _ = writeln!(out, "- {}", escape(&o.name));
                }
            }
        }
        out.push('\n');
    }
    if let Some(conclusions) = &r.conclusions {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            l("conclusions"),
            conclusions.markdown()
        );
    }
    let _ = writeln!(out, "---\n\n{}", escape(&e.url));
    out
}

fn list(heading: &str, items: &[String], out: &mut String) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{heading}\n");
    for item in items {
        let _ = writeln!(out, "- {}", escape(item));
    }
    out.push('\n');
}

fn sources(list: &[Source]) -> String {
    list.iter()
        .map(|s| {
            format!(
                "[{}: {}]({})",
                escape(&s.event_label),
                escape(&s.session_title),
                s.url
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A ranked list of the synthesis: each statement, how many events raised it
/// ("3 events", in `lang`), and where.
fn ranked<'a>(
    out: &mut String,
    lang: Language,
    heading: &str,
    items: impl Iterator<Item = (&'a str, usize, &'a [Source])>,
) {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return;
    }
    let _ = writeln!(out, "{heading}\n");
    for (text, count, from) in items {
        let events = t_args(lang, "syn-event-count", &[("count", count.into())]);
        let _ = writeln!(out, "1. **{}**: {events}. {}", escape(text), sources(from));
    }
    out.push('\n');
}

/// The synthesis of a series as a Markdown document, its headings and labels in `lang`
/// (the synthesis itself made for that reader: `synthesis::synthesis`).
pub fn synthesis(s: &Synthesis, lang: Language) -> String {
    let l = |id: &str| t(lang, id);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&s.series.title));
    let _ = writeln!(
        out,
        "**{}**: {}\n",
        l("syn-kicker"),
        t_args(lang, "syn-event-count", &[("count", s.events.len().into())])
    );
    if let Some(description) = &s.series.description {
        let _ = writeln!(out, "{}\n", description.markdown());
    }
    if !s.events.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n| {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- |",
            l("syn-events"),
            l("report-event"),
            l("report-dates"),
            l("report-place"),
            l("report-region"),
            l("syn-partners"),
        );
        for e in &s.events {
            let _ = writeln!(
                out,
                "| [{}]({}) | {} | {} | {} | {} |",
                escape(&e.title),
                e.report_url,
                escape(&e.dates),
                e.place.as_deref().map(escape).unwrap_or_default(),
                e.region_label.as_deref().map(escape).unwrap_or_default(),
                e.partners
                    .iter()
                    .map(|p| escape(p))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
        out.push('\n');
    }
    ranked(
        &mut out,
        lang,
        &format!("## {}\n\n{}", l("syn-themes"), l("syn-ranked")),
        s.themes
            .iter()
            .map(|t| (t.theme.as_str(), t.count, t.sources.as_slice())),
    );
    ranked(
        &mut out,
        lang,
        &format!("## {}", l("syn-challenges")),
        s.challenges
            .iter()
            .map(|c| (c.text.as_str(), c.count, c.sources.as_slice())),
    );
    if !s.recommendations_by_addressee.is_empty() {
        let _ = writeln!(out, "## {}\n", l("report-by-addressee"));
        for g in &s.recommendations_by_addressee {
            let _ = writeln!(out, "### {} ({})\n", escape(&g.addressee), g.items.len());
            for item in &g.items {
                let _ = writeln!(
                    out,
                    "- {} ({})",
                    escape(&item.text),
                    sources(std::slice::from_ref(&item.source))
                );
            }
            out.push('\n');
        }
    }
    if !s.regions.is_empty() {
        let _ = writeln!(out, "## {}\n", l("syn-regions"));
        for r in &s.regions {
            let _ = writeln!(out, "### {}\n", escape(&r.label));
            for item in &r.strategies {
                let _ = writeln!(
                    out,
                    "- {} ({})",
                    escape(&item.text),
                    sources(std::slice::from_ref(&item.source))
                );
            }
            out.push('\n');
        }
    }
    if !s.follow_up.is_empty() {
        let _ = writeln!(out, "## {}\n", l("syn-follow-up"));
        for f in &s.follow_up {
            let _ = write!(
                out,
                "- **{}**: {}",
                f.status.label_in(lang),
                escape(&f.text)
            );
            if !f.addressee.is_empty() {
                let _ = write!(
                    out,
                    " ({} {})",
                    l("report-to-word").to_lowercase(),
                    escape(&f.addressee)
                );
            }
            if let Some(asked) = &f.asked {
                let _ = write!(out, ". {}", escape(asked));
            }
            if let Some(latest) = &f.latest {
                let _ = write!(out, ". {} {}", l("syn-latest"), escape(latest));
            }
            let _ = writeln!(out, " ({})", f.url);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "---\n\n{}", escape(&s.series.url));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_stays_text_in_markdown() {
        assert_eq!(
            escape("<script>*x*</script>"),
            "\\<script\\>\\*x\\*\\</script\\>"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("LAMPRIÈRE & Ñúñez"), "LAMPRIÈRE &amp; Ñúñez");
    }
}
