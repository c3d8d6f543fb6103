//! The interface's languages: English, French and Spanish, with Project Fluent's messages
//! (`locales/{lang}/*.ftl`, compiled into the binary) for what the pages and the API say.
//!
//! Which language a request gets ([`negotiate`]): `?lang=en|fr|es` (remembered in a
//! cookie by [`remember`]), else that cookie, else the signed-in account's preference,
//! else the browser's `Accept-Language`, else English. Pages read it from their context;
//! what is said outside a page (the API's problem documents) reads the request's
//! language from [`current`], set for the request by [`remember`].

pub mod content;
pub mod dates;
pub mod fields;

use std::borrow::Cow;
use std::collections::HashMap;

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

pub use crate::accounts::Language;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Names and numbers are put in as they are, without the isolation marks that
        // would show in mail and in text files.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The cookie that remembers a language chosen with `?lang=`.
pub const LANGUAGE_COOKIE: &str = "roundtable_lang";

#[allow(
    clippy::derivable_impls,
    reason = "the enum is declared by string_enum!, which gives no way to mark a default"
)]
impl Default for Language {
    fn default() -> Self {
        Language::En
    }
}

impl Language {
    fn identifier(self) -> LanguageIdentifier {
        // The three tags are valid language identifiers.
        self.as_str().parse().unwrap_or_default()
    }
}

/// A message of the interface in `lang` (English where it lacks one, the message's id
/// where none has it).
pub fn t(lang: Language, id: &str) -> String {
    LOCALES.lookup(&lang.identifier(), id)
}

/// A message with arguments: `t_args(lang, "signed-in-as", &[("name", "Luc".into())])`.
pub fn t_args(lang: Language, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    LOCALES.lookup_with_args(&lang.identifier(), id, &args)
}

/// A value of a vocabulary (a kind, a region, a role) in `lang`: the message
/// `<kind>-<value>`.
pub fn term(lang: Language, kind: &str, value: &str) -> String {
    t(lang, &format!("{kind}-{value}"))
}

/// `count` people in a participant's role (`chair`, `speaker`…) in `lang`: "Speaker",
/// "Speakers", "Ponentes".
pub fn role(lang: Language, role: &str, count: usize) -> String {
    t_args(
        lang,
        &format!("participant-role-{role}"),
        &[("count", count.into())],
    )
}

/// A `language` field of a request: `Some(None)` when not given, `Some(Some(…))` when
/// one of the interface's, `None` when not (the error recorded under `language`).
pub fn field(
    value: Option<&str>,
    errors: &mut crate::error::FieldErrors,
) -> Option<Option<Language>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Some(None),
        Some(code) => errors
            .check(
                "language",
                code.parse::<Language>().map_err(|_| "must be en, fr or es"),
            )
            .map(Some),
    }
}

/// A message whose arguments are all texts: `t_texts(lang, "mail-dear", &[("name", "Ana")])`.
pub fn t_texts(lang: Language, id: &str, args: &[(&'static str, &str)]) -> String {
    let args: Vec<_> = args
        .iter()
        .map(|(name, value)| (*name, FluentValue::from(value.to_string())))
        .collect();
    t_args(lang, id, &args)
}

/// The messages the pages' script says (`templates/static/app.js`) in `lang`, as JSON for
/// the layout to give it: each by its id without `js-`, its variables left as `{name}` for
/// the script to fill; one counting things comes twice, as `<id>.one` (for 1) and
/// `<id>.other`.
pub fn script_messages(lang: Language) -> &'static str {
    // The same for every page of a language: made once.
    static MADE: std::sync::LazyLock<Vec<(Language, String)>> = std::sync::LazyLock::new(|| {
        Language::ALL
            .iter()
            .map(|lang| (*lang, script_messages_in(*lang)))
            .collect()
    });
    MADE.iter()
        .find(|(l, _)| *l == lang)
        .map_or("{}", |(_, json)| json.as_str())
}

fn script_messages_in(lang: Language) -> String {
    const SAID: [(&str, &[&str]); 13] = [
        ("region-proposed", &["region"]),
        ("preview-unavailable", &[]),
        ("link-text", &[]),
        ("recipients-changed", &[]),
        ("chosen-file", &["file", "size"]),
        ("uploading", &["file"]),
        ("saving", &[]),
        ("session-ended", &[]),
        ("unexpected", &["status"]),
        ("upload-broke", &[]),
        ("document-not-saved", &[]),
        ("nothing-saved-file", &[]),
        ("nothing-saved", &[]),
    ];
    const COUNTED: [&str; 2] = ["send-invitations", "correct-fields"];
    let mut out = serde_json::Map::new();
    for (id, names) in SAID {
        let args: Vec<(&'static str, FluentValue<'_>)> = names
            .iter()
            .map(|n| (*n, FluentValue::from(format!("{{{n}}}"))))
            .collect();
        out.insert(id.into(), t_args(lang, &format!("js-{id}"), &args).into());
    }
    for id in COUNTED {
        let one = t_args(lang, &format!("js-{id}"), &[("count", 1.into())]);
        // A text as the count falls to the language's other form.
        let other = t_args(lang, &format!("js-{id}"), &[("count", "{count}".into())]);
        out.insert(format!("{id}.one"), one.into());
        out.insert(format!("{id}.other"), other.into());
    }
    // Inside a <script> element: no "</" may close it early.
    serde_json::Value::Object(out)
        .to_string()
        .replace("</", "<\\/")
}

/// A participant's role inside a sentence ("speaker", "ponente"): [`role`] for one, in
/// lower case.
pub fn role_in_sentence(lang: Language, role: &str) -> String {
    self::role(lang, role, 1).to_lowercase()
}

/// "Dear Ms Akello," in `lang`, for a mail to `name` (shortened as a greeting is).
pub fn dear(lang: Language, name: &str) -> String {
    t_texts(
        lang,
        "mail-dear",
        &[("name", &crate::mail::salutation::greeting(name))],
    )
}

/// The language of the interface for a request, in the order the module says.
pub fn negotiate(
    query: Option<&str>,
    cookie: Option<&str>,
    account: Option<Language>,
    accept_language: Option<&str>,
) -> Language {
    let chosen = |value: Option<&str>| value.and_then(|v| v.trim().parse::<Language>().ok());
    chosen(query)
        .or_else(|| chosen(cookie))
        .or(account)
        .or_else(|| {
            accept_language::parse(accept_language?)
                .iter()
                .find_map(|tag| {
                    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
                    primary.parse::<Language>().ok()
                })
        })
        .unwrap_or(Language::En)
}

/// The `lang` of a query string, if it names a language of the interface.
pub fn query_language(query: Option<&str>) -> Option<Language> {
    url::form_urlencoded::parse(query?.as_bytes())
        .find(|(name, _)| name == "lang")
        .and_then(|(_, value)| value.parse::<Language>().ok())
}

/// The language of a request before its account is known: `?lang=`, the cookie, the
/// browser's.
pub fn of_request(request: &Request) -> Language {
    negotiate(
        query_language(request.uri().query()).map(Language::as_str),
        crate::web::auth::cookie(request.headers(), LANGUAGE_COOKIE).as_deref(),
        None,
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

tokio::task_local! {
    static REQUEST_LANGUAGE: Language;
}

/// The language of the request being served (English outside one).
pub fn current() -> Language {
    REQUEST_LANGUAGE.try_with(|l| *l).unwrap_or(Language::En)
}

/// Serves the request in its language ([`current`]), and remembers a language chosen with
/// `?lang=` in a cookie for a year.
pub async fn remember(request: Request, next: Next) -> Response {
    let language = of_request(&request);
    let chosen = query_language(request.uri().query());
    let mut response = REQUEST_LANGUAGE.scope(language, next.run(request)).await;
    if let Some(chosen) = chosen
        && let Ok(value) = HeaderValue::from_str(&format!(
            "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            chosen.as_str()
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The cookie that forgets the language chosen (at sign-in, the account's preference
/// wins).
pub fn forget_cookie() -> HeaderValue {
    HeaderValue::from_static("roundtable_lang=; Path=/; Max-Age=0; SameSite=Lax")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of the messages of a Fluent file: lines starting a message (`id = …`).
    fn ids(text: &str) -> Vec<String> {
        let mut ids: Vec<String> = text
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
            .collect();
        ids.sort();
        ids
    }

    /// The files under `dir` (of the crate), recursively, with their text.
    fn files_under(dir: &str) -> Vec<(std::path::PathBuf, String)> {
        fn walk(dir: &std::path::Path, found: &mut Vec<(std::path::PathBuf, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                } else {
                    let text = std::fs::read_to_string(&path).unwrap();
                    found.push((path, text));
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
            &mut found,
        );
        found.sort();
        found
    }

    /// Every message of a language, all its files together (`locales/{lang}/*.ftl`),
    /// each file's text by its name.
    fn messages_of(lang: &str) -> Vec<(String, String)> {
        files_under(&format!("locales/{lang}"))
            .into_iter()
            .map(|(path, text)| (path.file_name().unwrap().to_string_lossy().into(), text))
            .collect()
    }

    /// The message ids the templates and the code name literally: `ctx.t("id")`,
    /// `v.count("id", n)`, `i18n::t(lang, "id")`, `t_args(self.lang, "id", …)`.
    fn ids_named_in(text: &str) -> Vec<String> {
        const CALLS: [&str; 9] = [
            "t", "t1", "tn", "te", "t2", "ta", "count", "t_args", "t_texts",
        ];
        let mut found = Vec::new();
        for call in CALLS {
            let needle = format!("{call}(");
            for (at, _) in text.match_indices(&needle) {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let mut rest = &text[at + needle.len()..];
                if !rest.starts_with('"') {
                    // A first argument, the language: `lang, "id"`.
                    let arg = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                        .unwrap_or(0);
                    if !(rest[..arg].ends_with("lang") || rest[..arg].ends_with("language")) {
                        continue;
                    }
                    rest = rest[arg..].strip_prefix(", ").unwrap_or("");
                }
                let Some(quoted) = rest.strip_prefix('"') else {
                    continue;
                };
                let id: String = quoted.chars().take_while(|c| *c != '"').collect();
                if id.starts_with(|c: char| c.is_ascii_lowercase())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    found.push(id);
                }
            }
        }
        found
    }

    #[test]
    fn every_message_named_is_written() {
        let english: Vec<String> = messages_of("en")
            .iter()
            .flat_map(|(_, text)| ids(text))
            .collect();
        let mut named = 0;
        for dir in ["templates", "src"] {
            for (path, text) in files_under(dir) {
                // Comments name messages as examples.
                let code: String = text
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for id in ids_named_in(&code) {
                    named += 1;
                    assert!(
                        english.contains(&id),
                        "{} names the message {id}, which locales/en lacks",
                        path.display()
                    );
                }
            }
        }
        assert!(
            named > 200,
            "only {named} messages named: the scan is broken"
        );
    }

    #[test]
    fn every_message_is_in_every_language() {
        let files: Vec<(&str, String, String)> = ["en", "fr", "es"]
            .into_iter()
            .flat_map(|lang| {
                messages_of(lang)
                    .into_iter()
                    .map(move |(name, text)| (lang, name, text))
            })
            .collect();
        let english: Vec<String> = files
            .iter()
            .filter(|(lang, ..)| *lang == "en")
            .flat_map(|(_, _, text)| ids(text))
            .collect();
        assert!(english.len() > 10);
        let mut distinct = english.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            english.len(),
            "a message id is written twice"
        );
        // Each language has the same files, each with the same messages.
        for (lang, name, text) in &files {
            let original = files
                .iter()
                .find(|(l, n, _)| *l == "en" && n == name)
                .unwrap_or_else(|| panic!("locales/{lang}/{name} has no English original"));
            assert_eq!(
                ids(text),
                ids(&original.2),
                "{lang}/{name} lacks or adds messages"
            );
        }
        for lang in ["fr", "es"] {
            let count = files.iter().filter(|(l, ..)| *l == lang).count();
            let in_english = files.iter().filter(|(l, ..)| *l == "en").count();
            assert_eq!(count, in_english, "locales/{lang} lacks a file");
        }
        // Every variable any message takes (`{ $name }`), given a value.
        let mut variables: HashMap<String, FluentValue<'_>> = HashMap::new();
        for (_, _, text) in &files {
            for part in text.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                variables.insert(name, FluentValue::from(2));
            }
        }
        for lang in ["en", "fr", "es"] {
            let language: Language = lang.parse().unwrap();
            for id in &english {
                // Its own, not English's, given the variables messages take.
                let found = LOCALES.lookup_no_default_fallback(
                    &language.identifier(),
                    id,
                    Some(&variables),
                );
                assert!(
                    found.as_ref().is_some_and(|m| !m.trim().is_empty()),
                    "{lang}: {id} does not resolve"
                );
            }
        }
    }

    #[test]
    fn the_script_gets_its_messages_with_their_variables_to_fill() {
        let said: serde_json::Value = serde_json::from_str(script_messages(Language::Fr)).unwrap();
        assert_eq!(said["send-invitations.one"], "Envoyer 1 invitation");
        assert_eq!(
            said["send-invitations.other"],
            "Envoyer {count} invitations"
        );
        assert_eq!(said["uploading"], "Envoi de {file}…");
        assert_eq!(
            said["correct-fields.other"],
            "Veuillez corriger {count} champs"
        );
        let english: serde_json::Value =
            serde_json::from_str(script_messages(Language::En)).unwrap();
        assert_eq!(english["chosen-file"], "Chosen: {file} ({size})");
        assert!(!script_messages(Language::Es).contains("</"));
    }

    #[test]
    fn plurals_follow_each_language() {
        let one = [("count", FluentValue::from(1))];
        let many = [("count", FluentValue::from(3))];
        assert_eq!(
            t_args(Language::En, "problem-invalid-count", &one),
            "One field is invalid."
        );
        assert_eq!(
            t_args(Language::Fr, "problem-invalid-count", &many),
            "3 champs sont invalides."
        );
        assert_eq!(
            t_args(Language::Es, "problem-invalid-count", &one),
            "Un campo no es válido."
        );
    }

    #[test]
    fn the_language_is_chosen_in_order() {
        let accept = Some("es-AR,es;q=0.9,en;q=0.5");
        assert_eq!(negotiate(None, None, None, accept), Language::Es);
        assert_eq!(
            negotiate(None, None, Some(Language::Fr), accept),
            Language::Fr
        );
        assert_eq!(
            negotiate(None, Some("en"), Some(Language::Fr), accept),
            Language::En
        );
        assert_eq!(
            negotiate(Some("fr"), Some("en"), None, accept),
            Language::Fr
        );
        // What is not a language of the interface is passed over.
        assert_eq!(
            negotiate(Some("de"), Some("xx"), None, Some("de-DE,pt;q=0.8")),
            Language::En
        );
        assert_eq!(
            negotiate(None, None, None, Some("de;q=0.9,fr;q=0.8")),
            Language::Fr
        );
        assert_eq!(negotiate(None, None, None, Some(";;;,q=,")), Language::En);
    }
}
