//! Sorting names as people expect: by ICU4X's collator (the Unicode Collation Algorithm
//! with CLDR's root order), so that "Côte d'Ivoire" comes among the C's, "ÑÚÑEZ" among the
//! N's and "van der Berg" before "Vance", whatever their bytes.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

use crate::i18n::Language;

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

/// Each language's collation (Spanish puts "Ñ" after every "N"), in the order of
/// `Language::ALL`.
static BY_LANGUAGE: LazyLock<Vec<Option<CollatorBorrowed<'static>>>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|l| {
            let locale: icu_locale_core::Locale = l.as_str().parse().ok()?;
            Collator::try_new((&locale).into(), CollatorOptions::default()).ok()
        })
        .collect()
});

/// Compares two names as readers of `lang` sort them.
pub fn compare_in(lang: Language, a: &str, b: &str) -> Ordering {
    let index = Language::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    match BY_LANGUAGE.get(index).and_then(Option::as_ref) {
        Some(collator) => collator.compare(a, b),
        None => compare(a, b),
    }
}

/// Sorts `items` by the name `key` gives them, as readers of `lang` sort them.
pub fn sort_by_name_in<T>(lang: Language, items: &mut [T], key: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| compare_in(lang, key(a), key(b)));
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
    fn each_language_sorts_its_own_way() {
        let mut names = ["Nuñez", "Ñandú", "Ocampo", "Núñez"];
        sort_by_name_in(Language::Es, &mut names, |n| n);
        assert_eq!(names, ["Nuñez", "Núñez", "Ñandú", "Ocampo"]);
        sort_by_name_in(Language::En, &mut names, |n| n);
        assert_eq!(names, ["Ñandú", "Nuñez", "Núñez", "Ocampo"]);
        let mut countries = ["Cuba", "Côte d'Ivoire", "Chad"];
        sort_by_name_in(Language::Fr, &mut countries, |n| n);
        assert_eq!(countries, ["Chad", "Côte d'Ivoire", "Cuba"]);
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
