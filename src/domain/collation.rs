//! Sorting names as people expect: by ICU4X's collator (the Unicode Collation Algorithm
//! with CLDR's root order), so that "Côte d'Ivoire" comes among the C's, "ÑÚÑEZ" among the
//! N's and "van der Berg" before "Vance", whatever their bytes.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

/// The root collation, shared: built once from the data compiled into the binary.
static ROOT: LazyLock<Option<CollatorBorrowed<'static>>> =
    LazyLock::new(|| Collator::try_new(Default::default(), CollatorOptions::default()).ok());

/// Compares two names by collation (by code point in the impossible case that the
/// compiled data is missing).
pub fn compare(a: &str, b: &str) -> Ordering {
    match ROOT.as_ref() {
        Some(collator) => collator.compare(a, b),
        None => a.cmp(b),
    }
}

/// Sorts `items` by the name `key` gives them.
pub fn sort_by_name<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| compare(key(a), key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&'static str]) -> Vec<&'static str> {
        let mut names = names.to_vec();
        sort_by_name(&mut names, |n| n);
        names
    }

    #[test]
    fn accented_letters_sort_with_their_base_letter() {
        assert_eq!(
            sorted(&["Czechia", "Côte d'Ivoire", "Cuba", "Colombia"]),
            ["Colombia", "Côte d'Ivoire", "Cuba", "Czechia"]
        );
        assert_eq!(
            sorted(&["ZUMA", "ÑÚÑEZ", "NAIDOO", "OKONJO"]),
            ["NAIDOO", "ÑÚÑEZ", "OKONJO", "ZUMA"]
        );
        assert_eq!(
            sorted(&["Évian", "Egypt", "Estonia"]),
            ["Egypt", "Estonia", "Évian"]
        );
    }

    #[test]
    fn case_does_not_put_lower_case_last() {
        assert_eq!(
            sorted(&["van der Berg", "Wood", "Vance"]),
            ["van der Berg", "Vance", "Wood"]
        );
        assert!(compare("apple", "Apple").is_ne());
        assert_eq!(sorted(&["b", "A", "a", "B"]), ["a", "A", "b", "B"]);
    }
}
