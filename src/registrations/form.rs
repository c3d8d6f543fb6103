//! The registration form of an event page: its fields (with what was typed and the
//! errors beside them), or why nobody can register now.

use crate::entities::event;
use crate::error::FieldError;
use crate::events::{EventStatus, RegistrationMode};
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

/// The form for an event, with what was typed and its errors.
pub fn form_for(
    settings: &crate::config::Settings,
    event: &event::Model,
    places_left: Option<i32>,
    values: &Values,
    errors: &[FieldError],
) -> RegistrationForm {
    let invitation = values.get("invitation");
    let closed = match event.registration_mode {
        _ if crate::events::has_ended(event, chrono::Utc::now()) => {
            Some("Registration is closed: the event has ended.".to_string())
        }
        RegistrationMode::Closed => Some("Registration is closed.".to_string()),
        RegistrationMode::InviteOnly if invitation.is_empty() => {
            Some("Registration is by invitation only: use the link in your invitation.".to_string())
        }
        _ if event.status != EventStatus::Published => {
            Some("Registration opens once the event is published.".to_string())
        }
        _ if places_left == Some(0) && !event.waitlist => {
            Some("Registration is closed: the event is full.".to_string())
        }
        _ => None,
    };
    let mut sections = vec![Section::new(
        "",
        vec![
            Field::new("given_name", "Given name", Kind::Text, values).required(),
            Field::new("family_name", "Family name", Kind::Text, values).required(),
            Field::new("email", "Email", Kind::Email, values)
                .required()
                .hint("Your confirmation and your personal link go here."),
            Field::new("organization", "Organization", Kind::Text, values),
            Field::new("country", "Country", Kind::Select, values)
                .options(Some("—"), crate::web::forms::country_choices()),
            Field::new("needs", "Access or dietary needs", Kind::TextArea, values)
                .hint("Seen by the organizers only, to prepare your participation."),
            Field::new(
                "consent",
                "I agree that the organizers keep these details to run this event, and may contact me about it. I can erase them at any time from my registration page.",
                Kind::Checkbox,
                values,
            ),
        ],
    )];
    let unshown = attach_errors(&mut sections, errors, &Default::default());
    RegistrationForm {
        retention: crate::privacy::retention_notice(settings),
        closed,
        fields: sections.remove(0).fields,
        unshown,
        invitation,
        has_errors: !errors.is_empty(),
        availability: match places_left {
            None => None,
            Some(0) if event.waitlist => Some(
                "The event is full: if you register now, you join the waiting list and get a place in order of registration if one frees up.".to_string(),
            ),
            Some(0) => Some("The event is full.".to_string()),
            Some(1) => Some("1 place left.".to_string()),
            Some(n) => Some(format!("{n} places left.")),
        },
        mode_note: match event.registration_mode {
            RegistrationMode::Approval => Some(
                "The organizers approve each registration; you will hear from them.".to_string(),
            ),
            _ => None,
        },
    }
}
