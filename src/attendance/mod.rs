//! The event day: who came. Each registration carries a short check-in code, shown on the
//! registrant's page (with a QR code that opens the check-in page at their name) and in
//! their confirmation mail; at the door an organizer finds them by name, organization or
//! code on a phone page and checks them in with one tap (undone with another). People who
//! come without having registered are added there as walk-ins, checked in at once.
//!
//! At each panel or roundtable, its panel and the registrants are marked present, absent
//! or excused; from that and the check-ins comes the record of who took part, by
//! organization, which the outcome report prints.
//!
//! `service` holds the door's rules, `record` attendance per session and the record,
//! `api` the JSON calls and `pages` the phone page and the attendance pages.

pub mod api;
pub mod pages;
pub mod printables;
pub mod record;
pub mod record_pages;
pub mod service;

crate::string_enum!(
    /// Whether someone was at a session.
    Presence {
        Present => "present" as "Present",
        Absent => "absent" as "Absent",
        Excused => "excused" as "Excused",
    }
);

/// The characters of a check-in code: digits and capitals without 0, 1, I and O, which
/// are misread at a door. 32 of them, so that a random byte picks one evenly.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// The length of a check-in code: a billion codes, so that two registrants of an event
/// share one about never (and if they do, the search shows both, with their names).
pub const CODE_LEN: usize = 6;

/// A new random check-in code.
pub fn new_code() -> anyhow::Result<String> {
    let mut bytes = [0u8; CODE_LEN];
    getrandom::fill(&mut bytes).map_err(|err| anyhow::anyhow!("no randomness: {err}"))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
        .collect())
}

/// What was typed, read as a check-in code if it can be one: case, spaces and dashes
/// aside.
pub fn typed_code(text: &str) -> Option<String> {
    let code: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// The address a registrant's QR code holds: the check-in page, opened at their code (an
/// organizer's phone scans it; anyone else meets the sign-in page).
pub fn check_in_url(public_url: &str, event_slug: &str, code: &str) -> String {
    format!("{public_url}/organize/events/{event_slug}/check-in?q={code}")
}

/// A QR code of `text` as an SVG element to put in a page.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(180, 180)
        .build();
    // The element alone, without the XML declaration a file would start with.
    let start = svg.find("<svg")?;
    Some(svg[start..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_characters_of_the_alphabet_and_differ() {
        let codes: Vec<String> = (0..200).map(|_| new_code().unwrap()).collect();
        for code in &codes {
            assert_eq!(code.len(), CODE_LEN);
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
            assert!(!code.contains(['0', '1', 'I', 'O']), "{code}");
        }
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert!(distinct.len() > 195, "codes repeat: {}", distinct.len());
    }

    #[test]
    fn a_typed_code_is_read_case_spaces_and_dashes_aside() {
        assert_eq!(typed_code(" k7q-xm3 ").as_deref(), Some("K7QXM3"));
        assert_eq!(typed_code("K7Q XM3").as_deref(), Some("K7QXM3"));
        assert_eq!(typed_code("K7QXM"), None, "too short");
        assert_eq!(typed_code("K7QXM0"), None, "0 is not in the alphabet");
        assert_eq!(typed_code("Okafor"), None);
    }

    #[test]
    fn the_qr_code_is_an_svg_element() {
        let svg = qr_svg(&check_in_url("https://rt.example", "accra-2008", "K7QXM3")).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<?xml"));
    }
}
