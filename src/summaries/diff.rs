//! The differences between two versions of a summary, line by line, over a plain text
//! rendering of each in which every part has its heading and every item its own line.

use similar::{ChangeTag, TextDiff};

use super::SummaryContent;

crate::string_enum!(LineChange {
    Same => "same" as "Unchanged",
    Added => "added" as "Added",
    Removed => "removed" as "Removed",
});

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DiffLine {
    pub change: LineChange,
    pub text: String,
}

/// A summary as lines of text, the people of key points named through `name_of`.
pub fn as_lines(content: &SummaryContent, name_of: &dyn Fn(i32) -> Option<String>) -> String {
    let mut out = String::from("Overview\n");
    for line in content.overview.lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("Key points\n");
    for p in &content.key_points {
        let speaker = p.person_id.and_then(name_of);
        match speaker {
            Some(name) => out.push_str(&format!("  - {} ({name})\n", one_line(&p.text))),
            None => out.push_str(&format!("  - {}\n", one_line(&p.text))),
        }
    }
    out.push_str("Challenges\n");
    for c in &content.challenges {
        out.push_str(&format!("  - {}\n", one_line(c)));
    }
    out.push_str("Recommendations\n");
    for r in &content.recommendations {
        let mut facts = vec![format!("to {}", r.addressee)];
        if !r.themes.is_empty() {
            facts.push(format!("themes: {}", r.themes.join(", ")));
        }
        facts.extend(r.priority.map(|p| p.label().to_string()));
        facts.extend(r.timeframe.map(|t| t.label().to_string()));
        out.push_str(&format!(
            "  - {} [{}]\n",
            one_line(&r.text),
            facts.join("; ")
        ));
    }
    out.push_str("Next steps\n");
    for s in &content.next_steps {
        out.push_str(&format!("  - {}\n", one_line(s)));
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What changed from `old` to `new`, every line of the newer text with the removed ones
/// in their place.
pub fn diff(old: &str, new: &str) -> Vec<DiffLine> {
    TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|change| DiffLine {
            change: match change.tag() {
                ChangeTag::Equal => LineChange::Same,
                ChangeTag::Insert => LineChange::Added,
                ChangeTag::Delete => LineChange::Removed,
            },
            text: change.value().trim_end_matches('\n').to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summaries::{KeyPoint, Recommendation};

    #[test]
    fn a_changed_recommendation_shows_as_removed_then_added() {
        let mut old = SummaryContent {
            overview: "The panel met.".into(),
            key_points: vec![KeyPoint {
                person_id: Some(7),
                text: "Prevention first".into(),
            }],
            recommendations: vec![Recommendation {
                text: "Fund early warning".into(),
                addressee: "EU".into(),
                themes: vec!["Early warning".into()],
                ..Default::default()
            }],
            ..Default::default()
        };
        let names = |id: i32| (id == 7).then(|| "Mr Gareth EVANS".to_string());
        let before = as_lines(&old, &names);
        assert!(before.contains("  - Prevention first (Mr Gareth EVANS)\n"));
        old.recommendations[0].addressee = "UN Security Council".into();
        let after = as_lines(&old, &names);
        let lines = diff(&before, &after);
        let changed: Vec<_> = lines
            .iter()
            .filter(|l| l.change != LineChange::Same)
            .map(|l| (l.change, l.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            [
                (
                    LineChange::Removed,
                    "  - Fund early warning [to EU; themes: Early warning]"
                ),
                (
                    LineChange::Added,
                    "  - Fund early warning [to UN Security Council; themes: Early warning]"
                ),
            ]
        );
    }
}
