//! The registration form of an event page: its fields (with what was typed and the
//! errors beside them), or why nobody can register now.

use crate::entities::event;
use crate::error::FieldError;
use crate::events::{EventStatus, RegistrationMode};
use crate::i18n::Language;
use crate::web::forms::{Field, Kind, Section, Values, attach_errors};

pub const FIELDS: &[&str] = &[
    "given_name",
    "family_name",
    "email",
    "organization",
    "country",
    "needs",
    "consent",
    "invitation",
];

/// The registration form of an event page.
pub struct RegistrationForm {
    /// Why nobody can register now, if so.
    pub closed: Option<String>,
    pub fields: Vec<Field>,
    pub unshown: Vec<String>,
    pub invitation: String,
    pub has_errors: bool,
    pub mode_note: Option<String>,
    /// "12 places left", or that new registrants join the waiting list.
    pub availability: Option<String>,
    /// How long the details are kept.
    pub retention: String,
}

/// The form for an event in `lang`, with what was typed and its errors.
pub fn form_for(
    settings: &crate::config::Settings,
    event: &event::Model,
    places_left: Option<i32>,
    values: &Values,
    errors: &[FieldError],
    lang: Language,
) -> RegistrationForm {
    let t = |id: &str| crate::i18n::t(lang, id);
    let invitation = values.get("invitation");
    let closed = match event.registration_mode {
        _ if crate::events::has_ended(event, chrono::Utc::now()) => {
            Some(t("registration-closed-ended"))
        }
        RegistrationMode::Closed => Some(t("registration-closed")),
        RegistrationMode::InviteOnly if invitation.is_empty() => {
            Some(t("registration-invitation-only"))
        }
        _ if event.status != EventStatus::Published => Some(t("registration-opens-on-publishing")),
        _ if places_left == Some(0) && !event.waitlist => Some(t("registration-closed-full")),
        _ => None,
    };
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new("given_name", &t("field-given-name"), Kind::Text, values).required(),
            Field::new("family_name", &t("field-family-name"), Kind::Text, values).required(),
            Field::new("email", &t("field-email-address"), Kind::Email, values)
                .required()
                .hint(&t("registration-email-hint")),
            Field::new("organization", &t("field-organization"), Kind::Text, values),
            Field::new("country", &t("field-country-name"), Kind::Select, values)
                .options(Some("—"), crate::web::forms::country_choices_in(lang)),
            Field::new("needs", &t("registration-needs"), Kind::TextArea, values)
                .hint(&t("registration-needs-hint")),
            Field::new(
                "consent",
                &t("registration-consent"),
                Kind::Checkbox,
                values,
            ),
        ],
    )];
    let errors = crate::i18n::fields::translated(lang, errors);
    let unshown = attach_errors(&mut sections, &errors, &Default::default());
    RegistrationForm {
        retention: crate::i18n::t_args(
            lang,
            "registration-retention",
            &[("days", settings.privacy.retention_days.into())],
        ),
        closed,
        fields: sections.remove(0).fields,
        unshown,
        invitation,
        has_errors: !errors.is_empty(),
        availability: match places_left {
            None => None,
            Some(0) if event.waitlist => Some(t("registration-full-waitlist")),
            Some(0) => Some(t("registration-full")),
            Some(n) => Some(crate::i18n::t_args(
                lang,
                "registration-places-left",
                &[("count", n.into())],
            )),
        },
        mode_note: match event.registration_mode {
            RegistrationMode::Approval => Some(t("registration-approval-note")),
            _ => None,
        },
    }
}
