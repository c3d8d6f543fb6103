//! Forms of the pages, described in Rust and drawn by one template: every field has a
//! label, keeps what was typed, and shows its own error beside it; a refused form comes
//! back with its errors and what was typed.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::domain::{CountryCode, Region, SubRegion, Vocabulary};
use crate::error::{AppError, FieldError};
use crate::web::pages::{Ctx, FormData, error_with, render};

/// What the visitor typed (or what is stored), by field name.
#[derive(Clone, Debug, Default)]
pub struct Values(HashMap<String, Vec<String>>);

impl Values {
    pub fn from_form(form: &FormData, names: &[&str]) -> Self {
        let mut map = HashMap::new();
        for name in names {
            map.insert((*name).to_string(), form.all(name));
        }
        Self(map)
    }

    /// A stored record's input shape (what the API's PATCH takes) as form values:
    /// strings, numbers and booleans by field name; nulls and lists left out.
    pub fn of(input: &impl serde::Serialize) -> Self {
        let mut values = Self::default();
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(input) {
            for (name, value) in map {
                let text = match value {
                    serde_json::Value::String(text) => text,
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Bool(b) => b.to_string(),
                    _ => continue,
                };
                values.set(&name, Some(text));
            }
        }
        values
    }

    pub fn set(&mut self, name: &str, value: Option<impl ToString>) {
        self.0.insert(
            name.to_string(),
            value.map(|v| v.to_string()).into_iter().collect(),
        );
    }

    pub fn push(&mut self, name: &str, value: impl ToString) {
        self.0
            .entry(name.to_string())
            .or_default()
            .push(value.to_string());
    }

    pub fn get(&self, name: &str) -> String {
        self.nth(name, 0)
    }

    pub fn nth(&self, name: &str, index: usize) -> String {
        self.0
            .get(name)
            .and_then(|v| v.get(index))
            .cloned()
            .unwrap_or_default()
    }

    pub fn count(&self, name: &str) -> usize {
        self.0.get(name).map_or(0, Vec::len)
    }

    /// The value, or None when blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        Some(self.get(name).trim().to_string()).filter(|v| !v.is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Email,
    Url,
    Date,
    DateTime,
    Number,
    TextArea,
    Select,
    Checkbox,
    /// A password input; what was typed is never sent back. The value says what
    /// browsers may fill in (`current-password`, `new-password`).
    Password(&'static str),
    /// A text input with suggestions (a datalist).
    Suggest(&'static str),
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Clone, Debug)]
pub struct Field {
    pub id: String,
    pub name: String,
    pub label: String,
    pub kind: Kind,
    pub value: String,
    pub choices: Vec<Choice>,
    pub error: Option<String>,
    pub hint: Option<String>,
    pub required: bool,
}

impl Field {
    pub fn new(name: &str, label: &str, kind: Kind, values: &Values) -> Self {
        let value = match kind {
            Kind::Password(_) => String::new(),
            _ => values.get(name),
        };
        Self {
            id: format!("f-{}", name.replace('_', "-")),
            name: name.to_string(),
            label: label.to_string(),
            kind,
            value,
            choices: Vec::new(),
            error: None,
            hint: None,
            required: false,
        }
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn hint(mut self, hint: &str) -> Self {
        self.hint = Some(hint.to_string());
        self
    }

    /// Options of a select; the current value is selected. `blank` adds an empty first
    /// option with that label.
    pub fn options(
        mut self,
        blank: Option<&str>,
        options: impl IntoIterator<Item = (String, String)>,
    ) -> Self {
        if let Some(label) = blank {
            self.choices.push(Choice {
                value: String::new(),
                label: label.to_string(),
                selected: self.value.is_empty(),
            });
        }
        for (value, label) in options {
            self.choices.push(Choice {
                selected: value == self.value,
                value,
                label,
            });
        }
        self
    }

    /// Repeated fields (several rows of one name): which row and its value.
    pub fn row(mut self, index: usize, value: String) -> Self {
        self.id = format!("{}-{index}", self.id);
        self.value = value;
        self
    }

    pub fn is(&self, kind: &str) -> bool {
        match &self.kind {
            Kind::Text => kind == "text",
            Kind::Email => kind == "email",
            Kind::Url => kind == "url",
            Kind::Date => kind == "date",
            Kind::DateTime => kind == "datetime-local",
            Kind::Number => kind == "number",
            Kind::TextArea => kind == "textarea",
            Kind::Select => kind == "select",
            Kind::Checkbox => kind == "checkbox",
            Kind::Password(_) => kind == "password",
            Kind::Suggest(_) => kind == "suggest",
        }
    }

    pub fn input_type(&self) -> &'static str {
        match self.kind {
            Kind::Email => "email",
            Kind::Url => "url",
            Kind::Date => "date",
            Kind::DateTime => "datetime-local",
            Kind::Number => "number",
            Kind::Password(_) => "password",
            _ => "text",
        }
    }

    /// What the browser may fill the field with, when it is a password.
    pub fn autocomplete(&self) -> &'static str {
        match self.kind {
            Kind::Password(what) => what,
            Kind::Email => "email",
            _ => "",
        }
    }

    pub fn datalist(&self) -> &'static str {
        match self.kind {
            Kind::Suggest(list) => list,
            _ => "",
        }
    }

    pub fn checked(&self) -> bool {
        matches!(self.value.as_str(), "true" | "on" | "1")
    }
}

#[derive(Clone, Debug)]
pub struct Section {
    pub legend: String,
    pub fields: Vec<Field>,
    /// Fields go two by two (an organization and its role).
    pub paired: bool,
}

impl Section {
    pub fn new(legend: &str, fields: Vec<Field>) -> Self {
        Self {
            legend: legend.to_string(),
            fields,
            paired: false,
        }
    }

    pub fn pairs(mut self) -> Self {
        self.paired = true;
        self
    }
}

/// Puts each error beside its field (`error_keys` maps an error's field name, such as
/// `registration.mode`, to the form field's id); returns the errors no field showed.
pub fn attach_errors(
    sections: &mut [Section],
    errors: &[FieldError],
    error_keys: &HashMap<String, String>,
) -> Vec<String> {
    let mut unshown = Vec::new();
    for error in errors {
        let id = error_keys
            .get(&error.field)
            .cloned()
            .unwrap_or_else(|| format!("f-{}", error.field.replace('_', "-")));
        let field = sections
            .iter_mut()
            .flat_map(|s| s.fields.iter_mut())
            .find(|f| f.id == id);
        match field {
            Some(field) if field.error.is_none() => field.error = Some(sentence(&error.message)),
            Some(_) => {}
            None => unshown.push(format!(
                "{}: {}",
                error.field.replace('_', " "),
                error.message
            )),
        }
    }
    unshown
}

/// "is required" → "Is required."
pub fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut text: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

pub use crate::domain::folded;

/// Every current IANA zone as (name, "City (Region/City)"), by city, for the time-zone
/// chooser: typing "Nair" or "Buenos" finds the zone by its city.
pub fn timezone_choices() -> Vec<(&'static str, String)> {
    let mut zones: Vec<(&'static str, String)> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| {
            name.contains('/')
                && name.starts_with(|c: char| c.is_ascii_uppercase())
                && !name.starts_with("Etc/")
                && !name.starts_with("US/")
                && !name.starts_with("Canada/")
                && !name.starts_with("Brazil/")
                && !name.starts_with("Mexico/")
                && !name.starts_with("Chile/")
        })
        .map(|name| {
            let city = name.rsplit('/').next().unwrap_or(name).replace('_', " ");
            (name, format!("{city} ({name})"))
        })
        .collect();
    crate::domain::collation::sort_by_name(&mut zones, |(_, label)| label);
    zones
}

/// The generic form page.
#[derive(askama::Template)]
#[template(path = "partials/form_page.html")]
pub struct FormPage {
    pub ctx: crate::web::pages::Ctx,
    pub title: String,
    pub intro: Option<String>,
    pub action: String,
    pub submit: String,
    pub back: (String, String),
    pub sections: Vec<Section>,
    pub unshown: Vec<String>,
    pub has_errors: bool,
    /// Each country's proposed region and sub-region as JSON, when the form has a
    /// country and a region (the page's script fills the region in).
    pub country_regions: Option<String>,
    /// The time-zone chooser's (value, label) suggestions, when the form has one.
    pub timezones: Vec<(&'static str, String)>,
    /// Related pages, as (address, label).
    pub links: Vec<(String, String)>,
    /// Related actions, each a button posting to (address, label).
    pub actions: Vec<(String, String)>,
}

impl FormPage {
    pub fn error_count(&self) -> usize {
        self.sections
            .iter()
            .flat_map(|s| &s.fields)
            .filter(|f| f.error.is_some())
            .count()
            + self.unshown.len()
    }
}

/// The generic form page with its fields, and no errors yet.
pub fn form_page(
    ctx: Ctx,
    title: &str,
    action: String,
    submit: &str,
    back: (String, String),
    sections: Vec<Section>,
) -> FormPage {
    FormPage {
        ctx,
        title: title.to_string(),
        intro: None,
        action,
        submit: submit.to_string(),
        back,
        sections,
        unshown: Vec::new(),
        has_errors: false,
        timezones: Vec::new(),
        country_regions: None,
        links: Vec::new(),
        actions: Vec::new(),
    }
}

/// The form again, with the errors beside their fields and what was typed kept.
pub fn refused(mut page: FormPage, err: AppError, keys: &HashMap<String, String>) -> Response {
    match err {
        AppError::Invalid(errors) => {
            // Each error in the page's language, where its wording is known.
            let errors = crate::i18n::fields::translated(page.ctx.lang, &errors);
            page.unshown = attach_errors(&mut page.sections, &errors, keys);
            page.has_errors = true;
            (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
        }
        AppError::Conflict(message) => {
            page.unshown = vec![message];
            page.has_errors = true;
            (StatusCode::CONFLICT, render(&page)).into_response()
        }
        other => error_with(page.ctx, other),
    }
}

/// A record's input shape as the keys of a PATCH (what a form edits).
pub fn to_patch<T: serde::Serialize>(input: &T) -> serde_json::Map<String, Value> {
    match serde_json::to_value(input) {
        Ok(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    }
}

/// Every country as (code, name), by name, for a select.
pub fn country_choices() -> Vec<(String, String)> {
    CountryCode::all()
        .into_iter()
        .map(|(code, name)| (code.to_string(), name.to_string()))
        .collect()
}

/// Every country for a select, named and sorted as readers of `lang` name and sort them
/// (once per language: the registration form of every event page shows the list).
pub fn country_choices_in(lang: crate::i18n::Language) -> Vec<(String, String)> {
    use crate::i18n::Language;
    type Choices = Vec<(String, String)>;
    static SORTED: std::sync::LazyLock<Vec<(Language, Choices)>> = std::sync::LazyLock::new(|| {
        Language::ALL
            .iter()
            .map(|lang| {
                let choices = CountryCode::all_in(*lang)
                    .into_iter()
                    .map(|(code, name)| (code.to_string(), name))
                    .collect();
                (*lang, choices)
            })
            .collect()
    });
    SORTED
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or_else(country_choices, |(_, choices)| choices.clone())
}

/// Every region, in words, for a select.
pub fn region_choices() -> Vec<(String, String)> {
    enum_choices::<Region>()
}

/// Every sub-region with its region, in `lang`'s words ("Afrique de l’Est (Afrique)"),
/// for a select: the vocabulary's messages `doc-subregion-<value>` and `region-<value>`.
pub fn subregion_choices_in(lang: crate::i18n::Language) -> Vec<(String, String)> {
    SubRegion::all()
        .map(|s| {
            (
                s.as_str().to_string(),
                format!(
                    "{} ({})",
                    crate::i18n::term(lang, "doc-subregion", s.as_str()),
                    crate::i18n::term(lang, "region", s.region().as_str())
                ),
            )
        })
        .collect()
}

/// `{"KE": ["africa", "east-africa"], ...}`: the region each country proposes.
pub fn country_regions_json() -> String {
    let map: serde_json::Map<String, Value> = CountryCode::all()
        .into_iter()
        .filter_map(|(code, _)| {
            SubRegion::of_country(code).map(|sub| {
                (
                    code.to_string(),
                    serde_json::json!([sub.region().as_str(), sub.as_str()]),
                )
            })
        })
        .collect();
    Value::Object(map).to_string()
}

/// Every value of a closed set for a select, in `lang`'s words: each value's message
/// `<kind>-<value>` (`event-kind`, `region`, `involvement`…).
pub fn term_choices<T: Vocabulary>(
    lang: crate::i18n::Language,
    kind: &str,
) -> Vec<(String, String)> {
    T::all()
        .iter()
        .map(|v| {
            let value = v.value().to_string();
            let label = crate::i18n::term(lang, kind, &value);
            (value, label)
        })
        .collect()
}

/// Every value of a closed set, in words, for a select.
pub fn enum_choices<T: Vocabulary>() -> Vec<(String, String)> {
    T::all()
        .iter()
        .map(|v| (v.value().to_string(), v.label().to_string()))
        .collect()
}
