//! The messages Roundtable sends, one folder of templates each under `templates/mail/`
//! (subject, plain text, HTML), all drawn from one view of what the message is about.

use askama::Template;

/// What a message says about its session, in the event's time zone.
#[derive(Debug, Clone)]
pub struct SessionView {
    pub title: String,
    /// "Wednesday 3 June 2009, 14:00–15:30 (Europe/Brussels)".
    pub when: String,
    pub room: Option<String>,
    /// "Chair", "Speaker"... for the recipient.
    pub role: Option<String>,
    pub url: String,
}

/// Everything a message may show.
#[derive(Debug, Clone)]
pub struct MailView {
    pub greeting_name: String,
    pub event_title: String,
    pub event_dates: String,
    pub event_place: Option<String>,
    pub event_url: String,
    pub session: Option<SessionView>,
    pub message: Option<String>,
    pub accept_url: String,
    pub decline_url: String,
    /// The invitation page (answers, calendar feed).
    pub invitation_url: String,
    pub organizer_name: String,
    /// The recipient's language, which the message is written in (the messages not
    /// translated yet are in English whatever it says).
    pub lang: crate::i18n::Language,
}

impl MailView {
    /// A message in the recipient's language.
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    /// A message with arguments, each a text.
    pub fn ta(&self, id: &str, args: &[(&'static str, &str)]) -> String {
        crate::i18n::t_texts(self.lang, id, args)
    }

    /// "Dear Mr Evans," in the recipient's language.
    pub fn dear(&self) -> String {
        crate::i18n::dear(self.lang, &self.greeting_name)
    }

    /// The recipient's role in a sentence ("chair", "ponente").
    pub fn role_word(&self, role: &str) -> String {
        role.to_lowercase()
    }
}

macro_rules! message {
    ($name:ident, $subject:ident, $text:ident, $html:ident, $s:literal, $t:literal, $h:literal) => {
        #[derive(Template)]
        #[template(path = $s)]
        struct $subject<'a> {
            v: &'a MailView,
        }

        #[derive(Template)]
        #[template(path = $t)]
        struct $text<'a> {
            v: &'a MailView,
        }

        #[derive(Template)]
        #[template(path = $h)]
        struct $html<'a> {
            v: &'a MailView,
        }

        /// Subject, plain text and HTML of this message.
        pub fn $name(v: &MailView) -> Result<Rendered, askama::Error> {
            Ok(Rendered {
                subject: $subject { v }.render()?.trim().to_string(),
                text: $text { v }.render()?,
                html: $html { v }.render()?,
            })
        }
    };
}

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

message!(
    invitation,
    InvitationSubject,
    InvitationText,
    InvitationHtml,
    "mail/invitation/subject.txt",
    "mail/invitation/body.txt",
    "mail/invitation/body.html"
);
message!(
    session_update,
    UpdateSubject,
    UpdateText,
    UpdateHtml,
    "mail/session_update/subject.txt",
    "mail/session_update/body.txt",
    "mail/session_update/body.html"
);
message!(
    session_cancelled,
    SessionCancelSubject,
    SessionCancelText,
    SessionCancelHtml,
    "mail/session_cancelled/subject.txt",
    "mail/session_cancelled/body.txt",
    "mail/session_cancelled/body.html"
);
message!(
    event_cancelled,
    EventCancelSubject,
    EventCancelText,
    EventCancelHtml,
    "mail/event_cancelled/subject.txt",
    "mail/event_cancelled/body.txt",
    "mail/event_cancelled/body.html"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> MailView {
        MailView {
            greeting_name: "Mr Gareth EVANS".into(),
            event_title: "Making a difference <b>".into(),
            event_dates: "3–4 June 2009".into(),
            event_place: Some("Brussels, Belgium".into()),
            event_url: "http://x/events/m".into(),
            session: Some(SessionView {
                title: "Panel on the Responsibility to Protect".into(),
                when: "Wednesday 3 June 2009, 14:00–15:30 (Europe/Brussels)".into(),
                room: Some("Room A".into()),
                role: Some("Chair".into()),
                url: "http://x/sessions/5".into(),
            }),
            message: Some("Dear Gareth,\nwe hope you can join.".into()),
            accept_url: "http://x/invitations/t?answer=accept".into(),
            decline_url: "http://x/invitations/t?answer=decline".into(),
            invitation_url: "http://x/invitations/t".into(),
            organizer_name: "The organizers".into(),
            lang: crate::i18n::Language::En,
        }
    }

    #[test]
    fn an_invitation_names_role_time_and_links() {
        let r = invitation(&view()).unwrap();
        assert_eq!(
            r.subject,
            "Invitation: chair at Panel on the Responsibility to Protect (Making a difference <b>)"
        );
        assert!(r.text.contains("14:00–15:30 (Europe/Brussels)"));
        assert!(
            r.text.starts_with("Dear Mr Evans,\n"),
            "greeted in normal case: {}",
            r.text
        );
        assert!(r.html.contains("<p>Dear Mr Evans,</p>"));
        assert!(
            r.text
                .contains("Accept:  http://x/invitations/t?answer=accept")
        );
        assert!(
            r.html.contains("Making a difference &#60;b&#62;"),
            "HTML escapes user text"
        );
        assert!(
            r.html
                .contains("href=\"http://x/invitations/t?answer=decline\"")
        );
    }

    #[test]
    fn updates_and_cancellations_render() {
        assert!(
            session_update(&view())
                .unwrap()
                .subject
                .starts_with("Changed: Panel")
        );
        assert!(
            session_cancelled(&view())
                .unwrap()
                .subject
                .starts_with("Cancelled: Panel")
        );
        assert_eq!(
            event_cancelled(&view()).unwrap().subject,
            "Cancelled: Making a difference <b>, 3–4 June 2009"
        );
    }
}
