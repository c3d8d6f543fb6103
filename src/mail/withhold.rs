//! Links an organizer reading the outbox must not see: the single-use account links
//! (`/account/setup/...`, `/account/reset/...`) let whoever opens them choose the
//! recipient's password, so they are replaced by a placeholder in the outbox's views.
//! The stored message, which the worker delivers, keeps them.
//!
//! Other links of mail stay visible: an invitation's or a registration's link does no
//! more than organizers already do in the workspace, summaries and the workspace ask to
//! sign in, and no message carries a personal calendar feed.

/// What stands in a message's text (and HTML) for a withheld link.
pub const WITHHELD: &str = "[link withheld: it signs in as the recipient]";

/// The paths of links that sign in as their recipient.
const SECRET_PATHS: &[&str] = &["/account/setup/", "/account/reset/"];

/// A plain-text body with every link that signs in as its recipient withheld.
pub fn text(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut copied = 0;
    for (start, end) in secret_links(body) {
        out.push_str(&body[copied..start]);
        out.push_str(WITHHELD);
        copied = end;
    }
    out.push_str(&body[copied..]);
    out
}

/// An HTML body with the same links withheld: a link (`<a href="...">...</a>`) to one
/// becomes the placeholder as text, so that no button is left pointing nowhere; the
/// address anywhere else is replaced as in [`text`].
pub fn html(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut copied = 0;
    for (start, end) in secret_links(body) {
        if start < copied {
            // Inside an element already replaced.
            continue;
        }
        let (start, end) = enclosing_anchor(body, start, end).unwrap_or((start, end));
        out.push_str(&body[copied..start]);
        out.push_str("<strong>");
        out.push_str(WITHHELD);
        out.push_str("</strong>");
        copied = end;
    }
    out.push_str(&body[copied..]);
    out
}

/// Whether a body has a link that [`text`] and [`html`] withhold.
pub fn has_secret_link(body: &str) -> bool {
    SECRET_PATHS.iter().any(|path| body.contains(path))
}

/// Where a link ends (or, read backwards, starts): whitespace, quotes, angle brackets
/// and parentheses never belong to the links Roundtable writes.
fn ends_link(byte: u8) -> bool {
    byte.is_ascii_whitespace() || matches!(byte, b'"' | b'\'' | b'<' | b'>' | b'(' | b')')
}

/// The byte ranges of the links to a secret path, in order. Only ASCII bytes end a
/// link, so the ranges always fall on character boundaries.
fn secret_links(body: &str) -> Vec<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(at) = SECRET_PATHS
        .iter()
        .filter_map(|path| body[from..].find(path).map(|i| from + i))
        .min()
    {
        let start = bytes[from..at]
            .iter()
            .rposition(|b| ends_link(*b))
            .map_or(from, |i| from + i + 1);
        let end = bytes[at..]
            .iter()
            .position(|b| ends_link(*b))
            .map_or(bytes.len(), |i| at + i);
        links.push((start, end));
        from = end;
    }
    links
}

/// The whole `<a ...>...</a>` element whose `href` is the link at `start..end`, if it is
/// one.
fn enclosing_anchor(body: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = &body[..start];
    if !(before.ends_with("href=\"") || before.ends_with("href='")) {
        return None;
    }
    let open = before.rfind("<a")?;
    if before[open..].contains('>') {
        return None;
    }
    let close = body[end..].find("</a>")? + end + "</a>".len();
    Some((open, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "Zx9_secret-Token";

    #[test]
    fn a_set_up_link_in_text_is_withheld_and_the_rest_kept() {
        let body = format!(
            "Choose your password here:\nhttp://x/account/setup/{TOKEN}\n\nSign in: http://x/login\n"
        );
        let shown = text(&body);
        assert!(!shown.contains(TOKEN));
        assert_eq!(
            shown,
            format!("Choose your password here:\n{WITHHELD}\n\nSign in: http://x/login\n")
        );
    }

    #[test]
    fn a_button_to_a_reset_link_becomes_the_placeholder() {
        let body = format!(
            "<p>Hello</p><p><a href=\"http://x/account/reset/{TOKEN}\" style=\"color:#fff\">Choose a new password</a></p><p>(http://x/account/reset/{TOKEN})</p><a href=\"http://x/login\">Sign in</a>"
        );
        let shown = html(&body);
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(!shown.contains("Choose a new password"), "{shown}");
        assert_eq!(
            shown,
            format!(
                "<p>Hello</p><p><strong>{WITHHELD}</strong></p><p>(<strong>{WITHHELD}</strong>)</p><a href=\"http://x/login\">Sign in</a>"
            )
        );
    }

    #[test]
    fn bodies_without_such_links_are_unchanged() {
        let body = "Accept: http://x/invitations/abc?answer=accept — “Ça va”";
        assert_eq!(text(body), body);
        assert_eq!(html(body), body);
        assert!(!has_secret_link(body));
        assert!(has_secret_link("see /account/setup/x"));
    }
}
