//! How a mail greets its reader: "Dear Mr Evans". Family names are typed, and always
//! shown in programmes and lists, in protocol capitals ("Mr Gareth EVANS"); a salutation
//! is a sentence, so it writes them in normal case, and in the form letters use: the
//! honorific with the family name ("Mr Evans") when there is an honorific, the given and
//! family names ("Ana Núñez") when there is not.
//!
//! The case rules, word by word ([`normal_case`]):
//! - a word with a lower-case letter is kept as typed: "McDonald", "van", "der",
//!   "d'Alema" are someone's own spelling;
//! - a word in capitals is written with a capital at its start and after each hyphen,
//!   apostrophe or full stop, lower case elsewhere: "EVANS" → "Evans", "ÑÚÑEZ" →
//!   "Ñúñez", "O'BRIEN" → "O'Brien", "JEAN-PIERRE" → "Jean-Pierre", "H.E." stays;
//! - no guessing of inner capitals: "MCDONALD" becomes "Mcdonald" (a rule for "Mc" or
//!   "Mac" would spoil "Mack" and "Machado"); whoever wants "McDonald" types it so;
//! - "II", "III" and "IV" after a name stay in capitals.

/// Honorifics recognized at the start of a name already put together as
/// `directory::display_name` does ("Mr Gareth EVANS"), compared without case and without
/// a final full stop ("M." for Monsieur needs its full stop).
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "h.e",
    "hon",
    "rev",
    "amb",
    "ambassador",
    "judge",
    "justice",
    "senator",
    "minister",
    "mme",
    "mlle",
    "sr",
    "sra",
    "srta",
    "dra",
];

/// Regnal and family numbers, kept in capitals.
const NUMERALS: &[&str] = &["II", "III", "IV"];

/// The name to greet someone by, from the parts of their record: "Mr Evans" (honorific
/// and family name), or "Gareth Evans" without an honorific; each part in normal case
/// (a family name typed in mixed case is kept as typed).
pub fn salutation(honorific: Option<&str>, given_name: &str, family_name: &str) -> String {
    let honorific = honorific.map(str::trim).filter(|h| !h.is_empty());
    let given = normal_case(given_name.trim());
    let family = normal_case(family_name.trim());
    let parts: Vec<&str> = match honorific {
        Some(honorific) if !family.is_empty() => vec![honorific, &family],
        Some(honorific) => vec![honorific, &given],
        None => vec![&given, &family],
    };
    let joined = parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    normal_case(&joined)
}

/// The same salutation from a name already put together: "Mr Gareth EVANS" (an
/// honorific, then the family name in the capitals `directory::display_name` writes it
/// in) gives "Mr Evans"; "Ana ÑÚÑEZ" gives "Ana Ñúñez"; a name in normal case is kept.
/// Mail templates greet with it, whatever built the name; when the parts are at hand,
/// [`salutation`] is better, since only it knows a family name's own spelling.
pub fn greeting(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let titles = words.iter().take_while(|w| is_honorific(w)).count();
    let rest = &words[titles..];
    if titles == 0 || rest.is_empty() {
        return normal_case(&words.join(" "));
    }
    let capitals = rest.iter().rev().take_while(|w| is_capitals(w)).count();
    let kept = if capitals == 0 {
        rest
    } else {
        &rest[rest.len() - capitals..]
    };
    let greeting: Vec<&str> = words[..titles].iter().chain(kept).copied().collect();
    normal_case(&greeting.join(" "))
}

/// Every word of `text` in normal case, by the rules of this module; spaces between
/// words become single spaces.
pub fn normal_case(text: &str) -> String {
    text.split_whitespace()
        .map(word_case)
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_honorific(word: &str) -> bool {
    // "M." is Monsieur; a bare "M" is more likely an initial.
    if word == "M." {
        return true;
    }
    let bare = word.trim_end_matches('.').to_lowercase();
    HONORIFICS.contains(&bare.as_str())
}

/// A word written in capitals: it has two letters or more, none of them lower case.
fn is_capitals(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !word.chars().any(char::is_lowercase) && word.chars().any(char::is_uppercase)
}

fn word_case(word: &str) -> String {
    if !is_capitals(word) || NUMERALS.contains(&word) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut segment = String::new();
    for c in word.chars() {
        if matches!(c, '-' | '\'' | '’' | '.') {
            out.push_str(&capitalized(&segment));
            out.push(c);
            segment.clear();
        } else {
            segment.push(c);
        }
    }
    out.push_str(&capitalized(&segment));
    out
}

/// The first letter as it is (a capital), the rest in lower case; lower-casing the rest
/// as one string gives a Greek final sigma its final form.
fn capitalized(segment: &str) -> String {
    let mut chars = segment.chars();
    match chars.next() {
        Some(first) => format!("{first}{}", chars.as_str().to_lowercase()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_become_words_and_mixed_case_is_kept_as_typed() {
        for (typed, shown) in [
            ("EVANS", "Evans"),
            ("ÑÚÑEZ", "Ñúñez"),
            ("LAMPRIÈRE", "Lamprière"),
            ("O'BRIEN", "O'Brien"),
            ("D’ALEMA", "D’Alema"),
            ("JEAN-PIERRE", "Jean-Pierre"),
            ("AL-HASSAN", "Al-Hassan"),
            ("van der BERG", "van der Berg"),
            ("MCDONALD", "Mcdonald"),
            ("McDonald", "McDonald"),
            ("de la Cruz", "de la Cruz"),
            ("Ñúñez-Lamprière", "Ñúñez-Lamprière"),
            ("ΟΔΥΣΣΕΥΣ", "Οδυσσευς"),
            ("H.E.", "H.E."),
            ("J.R.R. TOLKIEN", "J.R.R. Tolkien"),
            ("FORD III", "Ford III"),
            ("A", "A"),
            ("  EVANS   SMITH ", "Evans Smith"),
            ("", ""),
        ] {
            assert_eq!(normal_case(typed), shown, "{typed}");
        }
    }

    #[test]
    fn a_salutation_is_the_honorific_and_family_name_or_the_whole_name() {
        assert_eq!(salutation(Some("Mr"), "Gareth", "EVANS"), "Mr Evans");
        assert_eq!(salutation(Some("Mr"), "Gareth", "Evans"), "Mr Evans");
        assert_eq!(salutation(Some("H.E."), "Gareth", "EVANS"), "H.E. Evans");
        assert_eq!(
            salutation(Some("Mr"), "Jan", "van der BERG"),
            "Mr van der Berg"
        );
        assert_eq!(salutation(Some("Mr"), "Ronald", "McDonald"), "Mr McDonald");
        assert_eq!(salutation(None, "Ana", "ÑÚÑEZ"), "Ana Ñúñez");
        assert_eq!(salutation(Some(" "), "Ana", "ÑÚÑEZ"), "Ana Ñúñez");
        assert_eq!(salutation(Some("Ms"), "Corlett", ""), "Ms Corlett");
        assert_eq!(salutation(Some("MR"), "Gareth", "EVANS"), "Mr Evans");
    }

    #[test]
    fn a_greeting_reads_a_name_put_together_for_programmes() {
        assert_eq!(greeting("Mr Gareth EVANS"), "Mr Evans");
        assert_eq!(greeting("Ms Corlett LETLOJANE"), "Ms Letlojane");
        assert_eq!(greeting("H.E. Dr Ahmed AL-HASSAN"), "H.E. Dr Al-Hassan");
        assert_eq!(greeting("Prof. Luc LAMPRIÈRE"), "Prof. Lamprière");
        assert_eq!(greeting("Mr Jan VAN DER BERG"), "Mr Van Der Berg");
        assert_eq!(greeting("Mr EVANS"), "Mr Evans");
        assert_eq!(greeting("Ana ÑÚÑEZ"), "Ana Ñúñez");
        assert_eq!(greeting("Ana Ñúñez"), "Ana Ñúñez");
        assert_eq!(greeting("Luc Lamprière"), "Luc Lamprière");
        assert_eq!(greeting("The organizers"), "The organizers");
        // Without capitals to tell the family name, the whole name is kept.
        assert_eq!(greeting("Mr Gareth Evans"), "Mr Gareth Evans");
        // What `salutation` gave is kept as it is.
        for done in ["Mr Evans", "Mr McDonald", "Mr van der Berg", "Ms Corlett"] {
            assert_eq!(greeting(done), done);
        }
    }
}
