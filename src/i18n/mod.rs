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

/// A cookie's value, from a request's headers.
fn cookie<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The language of a request before its account is known: `?lang=`, the cookie, the
/// browser's.
pub fn of_request(request: &Request) -> Language {
    negotiate(
        query_language(request.uri().query()).map(Language::as_str),
        cookie(request, LANGUAGE_COOKIE),
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

    #[test]
    fn every_message_is_in_every_language() {
        let files = [
            ("en", include_str!("../../locales/en/main.ftl")),
            ("fr", include_str!("../../locales/fr/main.ftl")),
            ("es", include_str!("../../locales/es/main.ftl")),
        ];
        let english = ids(files[0].1);
        assert!(english.len() > 10);
        // Every variable any message takes (`{ $name }`), given a value.
        let mut variables: HashMap<String, FluentValue<'_>> = HashMap::new();
        for (_, text) in files {
            for part in text.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                variables.insert(name, FluentValue::from(2));
            }
        }
        for (lang, text) in files {
            assert_eq!(ids(text), english, "{lang} lacks or adds messages");
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
