//! Fixtures: the data tests start from, made through the API as an organizer would make
//! it. Most of it is the Brussels conference of 3–4 June 2009 ("Making a difference"),
//! sessions of its first day and the people on them; each fixture returns the slugs and
//! ids a test goes on with.

use serde_json::{Value, json};

use super::TestApp;

/// The slug of an event or a series, as the API returned it.
#[track_caller]
pub fn slug(value: &Value) -> String {
    value["slug"]
        .as_str()
        .unwrap_or_else(|| panic!("no slug in {value}"))
        .to_string()
}

/// The id of what the API returned.
#[track_caller]
pub fn id(value: &Value) -> i64 {
    value["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no id in {value}"))
}

/// The year the Brussels conference was held.
const BRUSSELS_YEAR: i32 = 2009;

/// The Brussels conference on 3–4 June of `year`.
fn brussels(year: i32) -> Value {
    json!({
        "title": "Making a difference",
        "subtitle": "Strengthening capacities to respond to crises and security threats",
        "kind": "conference",
        "starts_on": format!("{year}-06-03"),
        "ends_on": format!("{year}-06-04"),
        "timezone": "Europe/Brussels",
        "city": "Brussels",
        "country": "BE",
        "region": "europe"
    })
}

/// A session on the programme of the Brussels conference, and that event.
pub struct Panel {
    /// The event's slug and id.
    pub event: String,
    pub event_id: i64,
    /// The session's id.
    pub session: i64,
}

/// Someone new to the directory, put on a session in a role by [`TestApp::seat`].
pub struct Seat<'a> {
    role: &'a str,
    honorific: &'a str,
    given: &'a str,
    family: &'a str,
    email: Option<&'a str>,
}

impl<'a> Seat<'a> {
    fn new(role: &'a str, honorific: &'a str, given: &'a str, family: &'a str) -> Self {
        Self {
            role,
            honorific,
            given,
            family,
            email: None,
        }
    }

    /// Someone to chair the session.
    pub fn chair(honorific: &'a str, given: &'a str, family: &'a str) -> Self {
        Self::new("chair", honorific, given, family)
    }

    /// Someone to speak, after those seated before.
    pub fn speaker(honorific: &'a str, given: &'a str, family: &'a str) -> Self {
        Self::new("speaker", honorific, given, family)
    }

    /// Someone to report on the session.
    pub fn rapporteur(honorific: &'a str, given: &'a str, family: &'a str) -> Self {
        Self::new("rapporteur", honorific, given, family)
    }

    /// The same person, with an email address.
    pub fn reached_at(self, email: &'a str) -> Self {
        Self {
            email: Some(email),
            ..self
        }
    }
}

impl TestApp {
    /// Creates an event (a draft) of exactly these fields; returns its JSON.
    pub async fn event(&self, fields: Value) -> Value {
        self.post("/api/v1/events", self.org(), &fields)
            .await
            .expect(201)
            .json()
    }

    /// Creates an event (a draft) like the 2009 Brussels conference but for `fields`: each
    /// replaces the conference's, and a `null` leaves the conference's out. Returns its JSON.
    pub async fn event_with(&self, fields: Value) -> Value {
        let mut body = brussels(BRUSSELS_YEAR);
        for (key, value) in fields.as_object().expect("fields as an object") {
            if value.is_null() {
                body.as_object_mut().unwrap().remove(key);
            } else {
                body[key] = value.clone();
            }
        }
        self.event(body).await
    }

    /// Creates a series of exactly these fields; returns its JSON.
    pub async fn series(&self, fields: Value) -> Value {
        self.post("/api/v1/series", self.org(), &fields)
            .await
            .expect(201)
            .json()
    }

    /// Creates the 2009 Brussels conference (draft); returns its JSON.
    pub async fn brussels_event(&self) -> Value {
        self.brussels_event_in(BRUSSELS_YEAR).await
    }

    /// The Brussels conference on 3–4 June of `year` (draft): a year to come for tests
    /// that register, since an event that has ended takes no registration.
    pub async fn brussels_event_in(&self, year: i32) -> Value {
        self.event(brussels(year)).await
    }

    /// The 2009 Brussels conference (draft) with one session on its first day, 3 June,
    /// from `starts` to `ends` (Brussels wall-clock times such as "14:00"), in `room`.
    pub async fn brussels_session(
        &self,
        title: &str,
        starts: &str,
        ends: &str,
        room: Option<&str>,
    ) -> Panel {
        self.brussels_session_in(BRUSSELS_YEAR, title, starts, ends, room)
            .await
    }

    /// The same on 3 June of `year`.
    pub async fn brussels_session_in(
        &self,
        year: i32,
        title: &str,
        starts: &str,
        ends: &str,
        room: Option<&str>,
    ) -> Panel {
        let event = self.brussels_event_in(year).await;
        let event_slug = slug(&event);
        let session = self
            .session(
                &event_slug,
                title,
                &format!("{year}-06-03T{starts}:00"),
                &format!("{year}-06-03T{ends}:00"),
                room,
            )
            .await;
        Panel {
            event: event_slug,
            event_id: id(&event),
            session,
        }
    }

    /// The 2009 Brussels conference (draft) with the session most programme tests use:
    /// "Panel", on 3 June from 14:00 to 16:00, in `room`.
    pub async fn brussels_panel(&self, room: Option<&str>) -> Panel {
        self.brussels_session("Panel", "14:00", "16:00", room).await
    }

    /// Creates each person and gives them their role on the session, in order; returns
    /// their ids.
    pub async fn seat<const N: usize>(&self, session: i64, seats: [Seat<'_>; N]) -> [i64; N] {
        let mut ids = [0; N];
        for (person, seat) in ids.iter_mut().zip(seats) {
            *person = match seat.email {
                Some(email) => {
                    self.person_with_email(seat.honorific, seat.given, seat.family, email)
                        .await
                }
                None => self.person(seat.honorific, seat.given, seat.family).await,
            };
            self.assign(session, *person, seat.role).await;
        }
        ids
    }

    /// Creates a person with an email address; returns their id.
    pub async fn person_with_email(
        &self,
        honorific: &str,
        given: &str,
        family: &str,
        email: &str,
    ) -> i64 {
        self.person_of(json!({"honorific": honorific, "given_name": given,
                              "family_name": family, "email": email}))
            .await
    }

    /// Creates a person holding a position at an organization; returns their id.
    pub async fn person_at(
        &self,
        honorific: &str,
        given: &str,
        family: &str,
        position: &str,
        organization: i64,
    ) -> i64 {
        self.person_of(json!({"honorific": honorific, "given_name": given,
                              "family_name": family, "position": position,
                              "organization_id": organization}))
            .await
    }

    /// Creates a person of exactly these fields; returns their id.
    async fn person_of(&self, fields: Value) -> i64 {
        id(&self
            .post("/api/v1/people", self.org(), &fields)
            .await
            .expect(201)
            .json())
    }

    /// Ms Corlett LETLOJANE, Director of the Human Rights Institute of South Africa (which
    /// is created first); returns her id.
    pub async fn letlojane(&self) -> i64 {
        let institute = self
            .organization("Human Rights Institute of South Africa")
            .await;
        self.person_at("Ms", "Corlett", "Letlojane", "Director", institute)
            .await
    }

    /// Changes an event (as the organizer), then publishes it; returns it published.
    pub async fn publish_with(&self, event: &str, changes: Value) -> Value {
        self.patch(&format!("/api/v1/events/{event}"), self.org(), &changes)
            .await
            .expect(200);
        self.publish(event).await
    }
}
