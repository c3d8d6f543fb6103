//! Invitations and the mail outbox, end to end: requests through `/api/v1`, messages
//! delivered by the worker over SMTP to a real SMTP server in the test, then parsed back
//! (headers, MIME structure, the iTIP calendar, the links).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;
use std::sync::Arc;

use axum::http::Method;
use chrono::{DateTime, Duration, Utc};
use common::fixtures::slug;
use common::smtp::{Received, SmtpSink};
use common::{As, TestApp, spawn_app};
use mail_parser::{Message, MessageParser, MimeHeaders};
use roundtable::app::{AppState, router};
use roundtable::config::Settings;
use roundtable::db::Db;
use roundtable::entities::outbox_message;
use roundtable::mail::worker::Worker;
use roundtable::mail::{Envelope, outbox};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

// ----- Helpers -----

/// A worker delivering to the sink, with the app's settings changed as a test needs.
fn worker_with(app: &TestApp, sink: &SmtpSink, change: impl FnOnce(&mut Settings)) -> Worker {
    let mut settings = (*app.settings).clone();
    settings.mail.url = sink.url();
    change(&mut settings);
    Worker::new(app.db.clone(), Arc::new(settings)).expect("worker")
}

fn worker(app: &TestApp, sink: &SmtpSink) -> Worker {
    worker_with(app, sink, |_| {})
}

/// Serves the app again with changed settings (same database).
fn reconfigure(app: &mut TestApp, change: impl FnOnce(&mut Settings)) {
    let mut settings = (*app.settings).clone();
    change(&mut settings);
    app.settings = Arc::new(settings);
    app.state = AppState::new(app.db.clone(), app.settings.clone());
    app.router = router(app.state.clone());
}

struct Invitee {
    id: i64,
    email: String,
    name: String,
    role: &'static str,
}

/// The 2009 Brussels conference and its RtoP panel (local 14:00–15:30, Room A) with a
/// chair and two speakers, all with email addresses.
struct Panel {
    event: String,
    event_id: i64,
    session: i64,
    people: Vec<Invitee>,
}

const PANEL_TITLE: &str = "Panel on the Responsibility to Protect";

async fn rtop_panel(app: &TestApp) -> Panel {
    rtop_panel_in(app, 2009).await
}

/// The same panel on 3 June of another year.
async fn rtop_panel_in(app: &TestApp, year: i32) -> Panel {
    let rtop = app
        .brussels_session_in(year, PANEL_TITLE, "14:00", "15:30", Some("Room A"))
        .await;
    let mut people = Vec::new();
    for (honorific, given, family, email, role, name) in [
        (
            "Mr",
            "Gareth",
            "Evans",
            "gareth.evans@example.org",
            "chair",
            "Mr Gareth EVANS",
        ),
        (
            "Ms",
            "Corlett",
            "Letlojane",
            "corlett.letlojane@example.org",
            "speaker",
            "Ms Corlett LETLOJANE",
        ),
        (
            "Dr",
            "Edward",
            "Luck",
            "edward.luck@example.org",
            "speaker",
            "Dr Edward LUCK",
        ),
    ] {
        let id = app.person_with_email(honorific, given, family, email).await;
        app.assign(rtop.session, id, role).await;
        people.push(Invitee {
            id,
            email: email.to_string(),
            name: name.to_string(),
            role,
        });
    }
    Panel {
        event: rtop.event,
        event_id: rtop.event_id,
        session: rtop.session,
        people,
    }
}

async fn invite_session(app: &TestApp, event: &str, session: i64) -> Value {
    app.post(
        &format!("/api/v1/events/{event}/invitations"),
        app.org(),
        &json!({"session_id": session, "message": "We hope you can join us in Brussels."}),
    )
    .await
    .expect(202)
    .json()
}

/// `invitation_status` of each participant of a session, by person id.
async fn statuses(app: &TestApp, session: i64) -> Vec<(i64, String)> {
    let list = app
        .get(
            &format!("/api/v1/sessions/{session}/participants"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["person_id"].as_i64().unwrap(),
                p["invitation_status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn status_of(app: &TestApp, session: i64, person: i64) -> String {
    statuses(app, session)
        .await
        .into_iter()
        .find(|(id, _)| *id == person)
        .map(|(_, s)| s)
        .expect("a participant")
}

/// `GET /api/v1/outbox` with a query, as the organizer.
async fn outbox_items(app: &TestApp, query: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/outbox?limit=500&{query}"), app.org())
        .await
        .expect(200)
        .json()["items"]
        .as_array()
        .unwrap()
        .clone()
}

async fn rows(app: &TestApp) -> Vec<outbox_message::Model> {
    outbox_message::Entity::find()
        .order_by_asc(outbox_message::Column::Id)
        .all(app.db.conn())
        .await
        .unwrap()
}

/// Makes every queued message due now (as if the quiet period or backoff had passed).
async fn make_due(app: &TestApp) {
    outbox_message::Entity::update_many()
        .col_expr(
            outbox_message::Column::NotBefore,
            (Utc::now() - Duration::seconds(1)).into(),
        )
        .filter(outbox_message::Column::Status.eq("queued"))
        .exec(app.db.conn())
        .await
        .unwrap();
}

/// A plain message queued directly, without a calendar.
fn envelope(to: &str, subject: &str) -> Envelope {
    Envelope {
        kind: roundtable::mail::MailKind::Invitation,
        recipient_email: to.to_string(),
        recipient_name: "Ms Test RECIPIENT".to_string(),
        subject: subject.to_string(),
        text: format!("Hello, {to}.\n"),
        html: format!("<p>Hello, {to}.</p>"),
        calendar: None,
        event_id: None,
        session_id: None,
        person_id: None,
        coalesce_key: None,
        delay: Duration::zero(),
    }
}

fn parse(received: &Received) -> Message<'static> {
    MessageParser::default()
        .parse(&received.data)
        .expect("a parsable message")
        .into_owned()
}

/// The messages the sink received for one address.
fn mails_to<'a>(received: &'a [Received], email: &str) -> Vec<&'a Received> {
    received
        .iter()
        .filter(|r| r.to.iter().any(|t| t.contains(email)))
        .collect()
}

/// The single message the sink received for an address.
#[track_caller]
fn only_mail_to(received: &[Received], email: &str) -> Message<'static> {
    let mails = mails_to(received, email);
    assert_eq!(mails.len(), 1, "one message to {email}");
    parse(mails[0])
}

fn content_type(part: &mail_parser::MessagePart<'_>) -> String {
    part.content_type()
        .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")))
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The MIME tree as `type(child,child)`.
fn structure(message: &Message<'_>, id: u32) -> String {
    let part = &message.parts[id as usize];
    let ct = content_type(part);
    match part.sub_parts() {
        Some(children) => format!(
            "{ct}({})",
            children
                .iter()
                .map(|c| structure(message, *c))
                .collect::<Vec<_>>()
                .join(",")
        ),
        None => ct,
    }
}

/// The decoded text of the first part of this content type.
#[track_caller]
fn part_text(message: &Message<'_>, ct: &str) -> String {
    message
        .parts
        .iter()
        .find(|p| content_type(p) == ct)
        .unwrap_or_else(|| panic!("no {ct} part"))
        .text_contents()
        .unwrap_or_else(|| panic!("{ct} is not text"))
        .to_string()
}

/// An iCalendar text unfolded, one content line per item.
fn ics_lines(ics: &str) -> Vec<String> {
    ics.replace("\r\n", "\n")
        .replace("\n ", "")
        .lines()
        .map(str::to_string)
        .collect()
}

/// The lines of the (single) VEVENT of a calendar.
fn vevent_lines(ics: &str) -> Vec<String> {
    let lines = ics_lines(ics);
    assert_eq!(
        lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(),
        1,
        "one VEVENT"
    );
    lines
        .into_iter()
        .skip_while(|l| l != "BEGIN:VEVENT")
        .take_while(|l| l != "END:VEVENT")
        .collect()
}

/// The values of a property of the VEVENT (`NAME:...` or `NAME;params:...`), whole lines.
fn props(ics: &str, name: &str) -> Vec<String> {
    vevent_lines(ics)
        .into_iter()
        .filter(|l| {
            l.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(':') || rest.starts_with(';'))
        })
        .collect()
}

#[track_caller]
fn prop(ics: &str, name: &str) -> String {
    let found = props(ics, name);
    assert_eq!(found.len(), 1, "one {name} in {ics}");
    found[0].clone()
}

fn value_of(line: &str) -> String {
    // The value follows the first colon that is not inside a quoted parameter.
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return line[i + 1..].to_string(),
            _ => {}
        }
    }
    String::new()
}

fn sequence(ics: &str) -> i64 {
    value_of(&prop(ics, "SEQUENCE")).parse().unwrap()
}

/// The link on the `Accept:` line of an invitation's text.
#[track_caller]
fn accept_link(text: &str) -> String {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("Accept:"))
        .map(|l| l.trim().to_string())
        .expect("an Accept: line")
}

/// The token of an invitation link (`.../invitations/{token}?answer=...`).
fn token_of(link: &str) -> String {
    let rest = link
        .split("/invitations/")
        .nth(1)
        .expect("an invitation link");
    rest.split(['?', '#', '/']).next().unwrap().to_string()
}

/// The calendar of a message: the `text/calendar` alternative, checked identical to the
/// `invite.ics` attachment.
#[track_caller]
fn calendar_of(message: &Message<'_>) -> String {
    let inline = part_text(message, "text/calendar");
    let attachment = message
        .attachments()
        .find(|a| a.attachment_name() == Some("invite.ics"))
        .expect("an invite.ics attachment");
    let attached = String::from_utf8(attachment.contents().to_vec()).unwrap();
    assert_eq!(ics_lines(&inline), ics_lines(&attached));
    inline
}

/// The `method=` of the `text/calendar` part.
fn calendar_method(message: &Message<'_>) -> String {
    message
        .parts
        .iter()
        .find(|p| content_type(p) == "text/calendar")
        .and_then(|p| p.content_type())
        .and_then(|c| c.attribute("method"))
        .unwrap_or_default()
        .to_string()
}

async fn post_empty(app: &TestApp, path: &str) -> common::Reply {
    app.request(Method::POST, path, As::Anonymous, None, None)
        .await
}

/// Answers (`accept` or `decline`) the invitation mailed to `email`, through the link of
/// that mail.
async fn answer_invitation(app: &TestApp, received: &[Received], email: &str, answer: &str) {
    let token = token_of(&accept_link(&part_text(
        &only_mail_to(received, email),
        "text/plain",
    )));
    post_empty(app, &format!("/invitations/{token}/{answer}"))
        .await
        .expect(200);
}

// ----- Invitations -----

#[tokio::test]
async fn inviting_a_sessions_participants_mails_each_an_invitation_whose_links_and_calendar_work() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let panel = rtop_panel(&app).await;
    assert!(
        statuses(&app, panel.session)
            .await
            .iter()
            .all(|(_, s)| s == "not_invited")
    );

    let outcome = invite_session(&app, &panel.event, panel.session).await;
    let items = outcome["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{outcome}");
    assert_eq!(outcome["skipped"], json!([]));
    for invitee in &panel.people {
        let item = items
            .iter()
            .find(|i| i["person_id"] == invitee.id)
            .expect("an invitation per participant");
        assert_eq!(item["session_id"], panel.session);
        assert_eq!(item["event_id"], panel.event_id);
        assert_eq!(item["role"], invitee.role);
        assert_eq!(item["status"], "invited");
        assert_eq!(item["display_name"], invitee.name);
        assert!(item["responded_at"].is_null());
    }
    assert!(
        statuses(&app, panel.session)
            .await
            .iter()
            .all(|(_, s)| s == "invited")
    );

    let worker = worker(&app, &sink);
    assert_eq!(worker.deliver_due().await.unwrap(), 3);
    assert_eq!(worker.deliver_due().await.unwrap(), 0, "sent once");
    let received = sink.messages();
    assert_eq!(received.len(), 3);
    let public = app.settings.server.public_url.trim_end_matches('/');
    let mut tokens = Vec::new();
    let mut uids = HashSet::new();
    for invitee in &panel.people {
        let mail = only_mail_to(&received, &invitee.email);
        // A calendar invitation comes from its ORGANIZER, sent by Roundtable for them.
        let from = mail.from().and_then(|a| a.first()).expect("From");
        assert_eq!(
            from.address.as_deref(),
            Some(app.settings.mail.organizer_address.as_str())
        );
        assert_eq!(
            from.name.as_deref(),
            Some(app.settings.mail.organizer_name.as_str())
        );
        let sender = mail.sender().and_then(|a| a.first()).expect("Sender");
        assert_eq!(
            sender.address.as_deref(),
            Some(app.settings.mail.from_address.as_str())
        );
        let to = mail.to().and_then(|a| a.first()).expect("To");
        assert_eq!(to.address.as_deref(), Some(invitee.email.as_str()));
        assert_eq!(to.name.as_deref(), Some(invitee.name.as_str()));
        let subject = mail.subject().expect("Subject");
        assert!(
            subject.contains(invitee.role) && subject.contains(PANEL_TITLE),
            "{subject}"
        );
        assert!(mail.message_id().is_some_and(|id| !id.is_empty()));
        assert!(mail.date().is_some(), "a Date header");
        assert_eq!(
            structure(&mail, 0),
            "multipart/mixed(multipart/alternative(text/plain,text/html,text/calendar),application/ics)"
        );
        assert_eq!(calendar_method(&mail), "REQUEST");

        let text = part_text(&mail, "text/plain");
        let html = part_text(&mail, "text/html");
        assert!(text.contains("We hope you can join us in Brussels."));
        assert!(text.contains("14:00"), "{text}");
        let accept = accept_link(&text);
        assert!(
            accept.starts_with(&format!("{public}/invitations/")),
            "{accept}"
        );
        assert!(html.contains(&format!("href=\"{accept}\"")), "{html}");
        let token = token_of(&accept);

        let ics = calendar_of(&mail);
        let lines = ics_lines(&ics);
        assert!(lines.contains(&"METHOD:REQUEST".to_string()));
        let organizer = prop(&ics, "ORGANIZER");
        assert!(
            organizer.ends_with(&format!(":mailto:{}", app.settings.mail.organizer_address)),
            "{organizer}"
        );
        let attendee = prop(&ics, "ATTENDEE");
        assert!(
            attendee.ends_with(&format!(":mailto:{}", invitee.email)),
            "{attendee}"
        );
        assert!(attendee.contains("RSVP=TRUE"), "{attendee}");
        assert!(attendee.contains("PARTSTAT=NEEDS-ACTION"), "{attendee}");
        uids.insert(value_of(&prop(&ics, "UID")));
        assert_eq!(sequence(&ics), 0);
        assert_eq!(
            prop(&ics, "DTSTART"),
            "DTSTART;TZID=Europe/Brussels:20090603T140000"
        );
        assert_eq!(
            prop(&ics, "DTEND"),
            "DTEND;TZID=Europe/Brussels:20090603T153000"
        );
        assert!(lines.iter().any(|l| l == "BEGIN:VTIMEZONE"));
        assert!(lines.iter().any(|l| l == "TZID:Europe/Brussels"));
        let description = prop(&ics, "DESCRIPTION");
        assert!(
            description.contains(&format!("{public}/invitations/{token}")),
            "the invitation link stands in the calendar: {description}"
        );
        tokens.push((invitee.id, token));
    }
    assert_eq!(uids.len(), 1, "one session, one UID");

    // The link in the mail leads to the invitation page.
    let (gareth, token) = &tokens[0];
    let text = part_text(
        &only_mail_to(&received, &panel.people[0].email),
        "text/plain",
    );
    let path = accept_link(&text).replacen(public, "", 1);
    let page = app.get_page(&path, None).await.page(200).text();
    assert!(page.contains(PANEL_TITLE));
    assert!(page.contains(&format!("/invitations/{token}/accept")));

    // Accepting, then declining: the last answer wins.
    let accepted = post_empty(&app, &format!("/invitations/{token}/accept"))
        .await
        .expect(200);
    assert!(
        accepted
            .headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let accepted = accepted.json();
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["person_id"], *gareth);
    assert!(accepted["responded_at"].is_string());
    assert_eq!(status_of(&app, panel.session, *gareth).await, "accepted");
    let declined = post_empty(&app, &format!("/invitations/{token}/decline"))
        .await
        .expect(200)
        .json();
    assert_eq!(declined["status"], "declined");
    assert_eq!(status_of(&app, panel.session, *gareth).await, "declined");
    let again = post_empty(&app, &format!("/invitations/{token}/accept"))
        .await
        .expect(200)
        .json();
    assert_eq!(again["status"], "accepted");
    assert_eq!(status_of(&app, panel.session, *gareth).await, "accepted");

    // Unknown tokens are not found.
    app.get_page("/invitations/no-such-token", None)
        .await
        .page(404);
    post_empty(&app, "/invitations/no-such-token/accept")
        .await
        .expect(404);
    post_empty(&app, "/invitations/no-such-token/decline")
        .await
        .expect(404);

    // The page's form: a browser is sent back to the page.
    let (corlett, token) = &tokens[1];
    let visitor = app.visitor().await;
    let answered = app
        .submit(&format!("/invitations/{token}/decline"), &visitor, &[])
        .await
        .expect(303);
    assert_eq!(answered.location(), format!("/invitations/{token}"));
    assert_eq!(status_of(&app, panel.session, *corlett).await, "declined");
    app.get_page(&answered.location(), Some(&visitor))
        .await
        .page(200);

    // The organizer sees who answered.
    let list = app
        .get(
            &format!("/api/v1/events/{}/invitations", panel.event),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(list["total"], 3);
    let state = |person: i64| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["person_id"] == person)
            .map(|i| i["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(state(*gareth), "accepted");
    assert_eq!(state(*corlett), "declined");
    assert_eq!(state(panel.people[2].id), "invited");
    // Answers send the invitees no mail; each decline tells the organizers' mailbox.
    assert_eq!(worker.deliver_due().await.unwrap(), 2);
    assert_eq!(sink.messages().len(), 5);
}

#[tokio::test]
async fn invitation_requests_are_checked_and_a_refused_one_writes_nothing() {
    let app = spawn_app().await;
    let panel = rtop_panel(&app).await;
    let gareth = panel.people[0].id;
    let path = format!("/api/v1/events/{}/invitations", panel.event);
    let before = (app.count("invitations").await, app.count("outbox").await);
    let unchanged = |after: (i64, i64)| assert_eq!(after, before, "a refused request wrote");

    let body = json!({"person_ids": [gareth]});
    app.post(&path, As::Anonymous, &body).await.expect(401);
    app.post(&path, app.member_token(), &body).await.expect(403);
    app.post("/api/v1/events/no-such-event/invitations", app.org(), &body)
        .await
        .expect(404);
    app.post("/api/v1/events/999999/invitations", app.org(), &body)
        .await
        .expect(404);
    unchanged((app.count("invitations").await, app.count("outbox").await));

    let empty = app.post(&path, app.org(), &json!({})).await;
    assert_eq!(empty.error_fields(), ["person_ids"]);
    let empty_list = app.post(&path, app.org(), &json!({"person_ids": []})).await;
    assert_eq!(empty_list.error_fields(), ["person_ids"]);
    let unknown = app
        .post(&path, app.org(), &json!({"person_ids": [999999]}))
        .await;
    assert_eq!(unknown.error_fields(), ["person_ids[0]"]);
    let second_unknown = app
        .post(&path, app.org(), &json!({"person_ids": [gareth, 999998]}))
        .await;
    assert_eq!(second_unknown.error_fields(), ["person_ids[1]"]);

    // A session of another event.
    let other = app
        .event(json!({"title": "Global consultative roundtable", "kind": "roundtable",
                      "starts_on": "2008-11-20", "ends_on": "2008-11-20", "timezone": "Africa/Johannesburg"}))
        .await;
    let other_session = app
        .session(
            &slug(&other),
            "Opening",
            "2008-11-20T09:00:00",
            "2008-11-20T10:00:00",
            None,
        )
        .await;
    app.assign(other_session, gareth, "chair").await;
    let foreign = app
        .post(&path, app.org(), &json!({"session_id": other_session}))
        .await;
    assert_eq!(foreign.error_fields(), ["session_id"]);
    let missing = app
        .post(&path, app.org(), &json!({"session_id": 999999}))
        .await;
    assert_eq!(missing.error_fields(), ["session_id"]);
    let too_long = app
        .post(
            &path,
            app.org(),
            &json!({"person_ids": [gareth], "message": "x".repeat(6000)}),
        )
        .await;
    assert_eq!(too_long.error_fields(), ["message"]);
    unchanged((app.count("invitations").await, app.count("outbox").await));

    // Someone without an email address is skipped, and said so.
    let no_email = app.person("Mr", "Ramesh", "Thakur").await;
    let workshop = app
        .session(
            &panel.event,
            "Workshop on early warning",
            "2009-06-04T09:00:00",
            "2009-06-04T10:30:00",
            Some("Room B"),
        )
        .await;
    app.assign(workshop, gareth, "chair").await;
    app.assign(workshop, no_email, "speaker").await;
    let nobody = app
        .post(&path, app.org(), &json!({"person_ids": [no_email]}))
        .await;
    assert!(!nobody.error_fields().is_empty());
    unchanged((app.count("invitations").await, app.count("outbox").await));

    let outcome = app
        .post(&path, app.org(), &json!({"session_id": workshop}))
        .await
        .expect(202)
        .json();
    assert_eq!(outcome["items"].as_array().unwrap().len(), 1);
    assert_eq!(outcome["items"][0]["person_id"], gareth);
    assert_eq!(outcome["skipped"].as_array().unwrap().len(), 1);
    assert_eq!(outcome["skipped"][0]["person_id"], no_email);
    assert_eq!(outcome["skipped"][0]["session_id"], workshop);
    assert!(
        outcome["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("email")
    );
    assert_eq!(app.count("invitations").await, before.0 + 1);
    assert_eq!(app.count("outbox").await, before.1 + 1);
    assert_eq!(status_of(&app, workshop, gareth).await, "invited");
    assert_eq!(status_of(&app, workshop, no_email).await, "not_invited");

    // Listing needs an organizer too.
    app.get(&path, As::Anonymous).await.expect(401);
    app.get(&path, app.member_token()).await.expect(403);
    app.get("/api/v1/events/no-such-event/invitations", app.org())
        .await
        .expect(404);
    let resend = format!("{path}/resend");
    app.post(&resend, As::Anonymous, &json!({}))
        .await
        .expect(401);
    app.post(&resend, app.member_token(), &json!({}))
        .await
        .expect(403);
}

#[tokio::test]
async fn the_organizer_resends_only_to_those_who_have_not_answered_with_a_new_link() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let panel = rtop_panel(&app).await;
    invite_session(&app, &panel.event, panel.session).await;
    let worker = worker(&app, &sink);
    assert_eq!(worker.deliver_due().await.unwrap(), 3);
    let received = sink.messages();
    let token = |email: &str| {
        token_of(&accept_link(&part_text(
            &only_mail_to(&received, email),
            "text/plain",
        )))
    };
    let [gareth, corlett, edward] = [&panel.people[0], &panel.people[1], &panel.people[2]];
    post_empty(
        &app,
        &format!("/invitations/{}/accept", token(&gareth.email)),
    )
    .await
    .expect(200);
    post_empty(
        &app,
        &format!("/invitations/{}/decline", token(&corlett.email)),
    )
    .await
    .expect(200);
    // Someone added to the panel after the invitations went out was never invited.
    let late = app
        .person_with_email("Ms", "Latecomer", "Speaker", "late.speaker@example.org")
        .await;
    app.assign(panel.session, late, "speaker").await;

    let list = app
        .get(
            &format!("/api/v1/events/{}/invitations", panel.event),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    for (person, status, answered) in [
        (gareth.id, "accepted", true),
        (corlett.id, "declined", true),
        (edward.id, "invited", false),
    ] {
        let item = items.iter().find(|i| i["person_id"] == person).unwrap();
        assert_eq!(item["status"], status);
        assert_eq!(item["responded_at"].is_string(), answered, "{item}");
        assert_eq!(item["session_id"], panel.session);
        assert!(item["sent_at"].is_string());
    }

    let old = token(&edward.email);
    let resent = app
        .post(
            &format!("/api/v1/events/{}/invitations/resend", panel.event),
            app.org(),
            &json!({}),
        )
        .await
        .expect(202)
        .json();
    let resent_to: Vec<i64> = resent["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["person_id"].as_i64().unwrap())
        .collect();
    assert_eq!(resent_to, [edward.id], "{resent}");
    // Edward's new invitation, and the organizers' notice of Corlett's decline.
    assert_eq!(worker.deliver_due().await.unwrap(), 2);
    let received = sink.messages();
    assert_eq!(received.len(), 5);
    assert_eq!(mails_to(&received, &edward.email).len(), 2);
    assert!(mails_to(&received, "late.speaker@example.org").is_empty());
    let new = token_of(&accept_link(&part_text(
        &parse(mails_to(&received, &edward.email)[1]),
        "text/plain",
    )));
    assert_ne!(new, old);
    app.get_page(&format!("/invitations/{old}"), None)
        .await
        .page(404);
    post_empty(&app, &format!("/invitations/{old}/accept"))
        .await
        .expect(404);
    app.get_page(&format!("/invitations/{new}"), None)
        .await
        .page(200);
    assert_eq!(app.count("invitations").await, 3);

    // The answers stand; the newcomer is still not invited.
    assert_eq!(status_of(&app, panel.session, gareth.id).await, "accepted");
    assert_eq!(status_of(&app, panel.session, corlett.id).await, "declined");
    assert_eq!(status_of(&app, panel.session, edward.id).await, "invited");
    assert_eq!(status_of(&app, panel.session, late).await, "not_invited");

    // Once everybody answered, a resend sends nothing.
    post_empty(&app, &format!("/invitations/{new}/accept"))
        .await
        .expect(200);
    let none = app
        .post(
            &format!("/api/v1/events/{}/invitations/resend", panel.event),
            app.org(),
            &json!({}),
        )
        .await
        .expect(202)
        .json();
    assert_eq!(none["items"], json!([]));
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
}

// ----- Updates and cancellations -----

/// Invites the panel and delivers the invitations; returns the UID and SEQUENCE of the
/// invitation calendars.
async fn invited_panel(app: &TestApp, sink: &SmtpSink, worker: &Worker) -> (Panel, String, i64) {
    let panel = rtop_panel(app).await;
    invite_session(app, &panel.event, panel.session).await;
    assert_eq!(worker.deliver_due().await.unwrap(), 3);
    let received = sink.messages();
    let ics = calendar_of(&only_mail_to(&received, &panel.people[0].email));
    (panel, value_of(&prop(&ics, "UID")), sequence(&ics))
}

#[tokio::test]
async fn moving_an_invited_session_three_times_sends_one_update_per_invitee_after_the_quiet_period()
{
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let worker = worker(&app, &sink);
    let (panel, uid, invited_sequence) = invited_panel(&app, &sink, &worker).await;
    let path = format!("/api/v1/sessions/{}", panel.session);

    // A rename alone tells nobody.
    app.patch(
        &path,
        app.org(),
        &json!({"title": "Panel on the Responsibility to Protect (RtoP)"}),
    )
    .await
    .expect(200);
    assert!(outbox_items(&app, "status=queued").await.is_empty());

    let edited = Utc::now();
    for (starts, ends) in [
        ("2009-06-03T15:00:00", "2009-06-03T16:30:00"),
        ("2009-06-03T16:00:00", "2009-06-03T17:30:00"),
        ("2009-06-03T17:00:00", "2009-06-03T18:30:00"),
    ] {
        app.patch(
            &path,
            app.org(),
            &json!({"starts_at": starts, "ends_at": ends}),
        )
        .await
        .expect(200);
    }
    let queued = outbox_items(&app, "status=queued").await;
    assert_eq!(queued.len(), 3, "one update per invitee: {queued:#?}");
    let mut people: Vec<i64> = queued
        .iter()
        .map(|m| m["person_id"].as_i64().unwrap())
        .collect();
    people.sort_unstable();
    let mut expected: Vec<i64> = panel.people.iter().map(|p| p.id).collect();
    expected.sort_unstable();
    assert_eq!(people, expected);
    for message in &queued {
        assert_eq!(message["kind"], "session_update");
        assert_eq!(message["calendar"], "REQUEST");
        assert_eq!(message["session_id"], panel.session);
        assert_eq!(message["event_id"], panel.event_id);
        assert!(
            message["subject"].as_str().unwrap().contains("17:00"),
            "the latest time: {message}"
        );
        let not_before: DateTime<Utc> = message["not_before"].as_str().unwrap().parse().unwrap();
        assert!(
            not_before >= edited + Duration::seconds(app.settings.mail.quiet_period_seconds - 5),
            "waits the quiet period"
        );
    }

    // Not before the quiet period...
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    assert_eq!(sink.messages().len(), 3);
    // ...then once.
    make_due(&app).await;
    assert_eq!(worker.deliver_due().await.unwrap(), 3);
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    let received = sink.messages();
    assert_eq!(received.len(), 6);
    for invitee in &panel.people {
        let mails = mails_to(&received, &invitee.email);
        assert_eq!(mails.len(), 2, "an invitation and one update");
        let update = parse(mails[1]);
        assert!(update.subject().unwrap().starts_with("Changed:"));
        assert_eq!(calendar_method(&update), "REQUEST");
        assert_eq!(
            structure(&update, 0),
            "multipart/mixed(multipart/alternative(text/plain,text/html,text/calendar),application/ics)"
        );
        let ics = calendar_of(&update);
        assert!(ics_lines(&ics).contains(&"METHOD:REQUEST".to_string()));
        assert_eq!(value_of(&prop(&ics, "UID")), uid);
        assert!(sequence(&ics) > invited_sequence);
        assert_eq!(sequence(&ics), 3);
        assert_eq!(
            prop(&ics, "DTSTART"),
            "DTSTART;TZID=Europe/Brussels:20090603T170000"
        );
        assert_eq!(
            prop(&ics, "DTEND"),
            "DTEND;TZID=Europe/Brussels:20090603T183000"
        );
        assert!(prop(&ics, "ATTENDEE").contains(&format!("mailto:{}", invitee.email)));
        assert!(prop(&ics, "STATUS").ends_with(":CONFIRMED"));
    }
    let sent = outbox_items(&app, "status=sent").await;
    assert_eq!(
        sent.iter()
            .filter(|m| m["kind"] == "session_update")
            .count(),
        3
    );
}

#[tokio::test]
async fn without_a_quiet_period_an_update_leaves_at_once_and_a_declined_invitee_is_not_told() {
    let mut app = spawn_app().await;
    reconfigure(&mut app, |s| s.mail.quiet_period_seconds = 0);
    let sink = SmtpSink::start().await;
    let worker = worker(&app, &sink);
    let (panel, uid, _) = invited_panel(&app, &sink, &worker).await;
    let declined = &panel.people[2];
    answer_invitation(&app, &sink.messages(), &declined.email, "decline").await;
    assert_eq!(
        worker.deliver_due().await.unwrap(),
        1,
        "the organizers' notice"
    );

    app.patch(
        &format!("/api/v1/sessions/{}", panel.session),
        app.org(),
        &json!({"room": "Room C"}),
    )
    .await
    .expect(200);
    assert_eq!(worker.deliver_due().await.unwrap(), 2);
    let received = sink.messages();
    assert_eq!(received.len(), 6);
    assert_eq!(mails_to(&received, &declined.email).len(), 1);
    for invitee in &panel.people[..2] {
        let mails = mails_to(&received, &invitee.email);
        assert_eq!(mails.len(), 2);
        let ics = calendar_of(&parse(mails[1]));
        assert_eq!(value_of(&prop(&ics, "UID")), uid);
        assert_eq!(sequence(&ics), 1);
        assert!(prop(&ics, "LOCATION").contains("Room C"));
    }
}

#[tokio::test]
async fn cancelling_the_event_drops_a_queued_update_and_sends_a_cancel_at_once() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let worker = worker(&app, &sink);
    let (panel, uid, invited_sequence) = invited_panel(&app, &sink, &worker).await;
    let declined = &panel.people[2];
    answer_invitation(&app, &sink.messages(), &declined.email, "decline").await;
    answer_invitation(&app, &sink.messages(), &panel.people[0].email, "accept").await;
    assert_eq!(
        worker.deliver_due().await.unwrap(),
        1,
        "the organizers' notice"
    );

    // A move waits its quiet period...
    app.patch(
        &format!("/api/v1/sessions/{}", panel.session),
        app.org(),
        &json!({"starts_at": "2009-06-03T16:00:00", "ends_at": "2009-06-03T17:30:00"}),
    )
    .await
    .expect(200);
    assert_eq!(outbox_items(&app, "status=queued").await.len(), 2);
    // ...and the event is cancelled before it left.
    app.post(
        &format!("/api/v1/events/{}/cancel", panel.event),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let queued = outbox_items(&app, "status=queued").await;
    assert_eq!(queued.len(), 2, "{queued:#?}");
    assert!(queued.iter().all(|m| m["kind"] == "event_cancelled"));
    assert!(queued.iter().all(|m| m["calendar"] == "CANCEL"));
    assert!(
        rows(&app)
            .await
            .iter()
            .all(|r| r.kind.as_str() != "session_update"),
        "the stale update is gone"
    );

    // Sent at once, without waiting.
    assert_eq!(worker.deliver_due().await.unwrap(), 2);
    let received = sink.messages();
    assert_eq!(received.len(), 6);
    assert_eq!(mails_to(&received, &declined.email).len(), 1, "not told");
    let session = app
        .get(&format!("/api/v1/sessions/{}", panel.session), app.org())
        .await
        .expect(200)
        .json();
    let published = app
        .get(
            &format!("/sessions/{}/calendar.ics", panel.session),
            app.org(),
        )
        .await
        .expect(200)
        .text();
    assert!(props(&published, "STATUS")[0].ends_with(":CANCELLED"));
    assert_eq!(sequence(&published), session["sequence"].as_i64().unwrap());
    for invitee in &panel.people[..2] {
        let mails = mails_to(&received, &invitee.email);
        assert_eq!(mails.len(), 2);
        let cancel = parse(mails[1]);
        assert!(cancel.subject().unwrap().starts_with("Cancelled:"));
        assert_eq!(calendar_method(&cancel), "CANCEL");
        let ics = calendar_of(&cancel);
        let lines = ics_lines(&ics);
        assert!(lines.contains(&"METHOD:CANCEL".to_string()));
        assert!(lines.contains(&"STATUS:CANCELLED".to_string()));
        assert_eq!(value_of(&prop(&ics, "UID")), uid);
        assert!(sequence(&ics) > invited_sequence);
        assert_eq!(
            sequence(&ics),
            session["sequence"].as_i64().unwrap(),
            "the CANCEL carries the session's own SEQUENCE, as its calendar does"
        );
        assert!(prop(&ics, "ATTENDEE").contains(&format!("mailto:{}", invitee.email)));
    }
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
}

#[tokio::test]
async fn deleting_an_invited_session_sends_a_cancel_to_those_who_did_not_decline() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let worker = worker(&app, &sink);
    let (panel, uid, invited_sequence) = invited_panel(&app, &sink, &worker).await;
    let declined = &panel.people[1];
    answer_invitation(&app, &sink.messages(), &declined.email, "decline").await;
    assert_eq!(
        worker.deliver_due().await.unwrap(),
        1,
        "the organizers' notice"
    );
    // A pending update is replaced by the cancellation.
    app.patch(
        &format!("/api/v1/sessions/{}", panel.session),
        app.org(),
        &json!({"room": "Room D"}),
    )
    .await
    .expect(200);
    app.delete(&format!("/api/v1/sessions/{}", panel.session), app.org())
        .await
        .expect(204);
    let queued = outbox_items(&app, "status=queued").await;
    assert_eq!(queued.len(), 2, "{queued:#?}");
    assert!(queued.iter().all(|m| m["kind"] == "session_cancelled"));
    assert!(queued.iter().all(|m| m["person_id"] != declined.id));
    assert_eq!(worker.deliver_due().await.unwrap(), 2);
    let received = sink.messages();
    assert_eq!(received.len(), 6);
    assert_eq!(mails_to(&received, &declined.email).len(), 1);
    for invitee in [&panel.people[0], &panel.people[2]] {
        let mails = mails_to(&received, &invitee.email);
        assert_eq!(mails.len(), 2);
        let cancel = parse(mails[1]);
        assert_eq!(calendar_method(&cancel), "CANCEL");
        let ics = calendar_of(&cancel);
        assert!(ics_lines(&ics).contains(&"METHOD:CANCEL".to_string()));
        assert!(ics_lines(&ics).contains(&"STATUS:CANCELLED".to_string()));
        assert_eq!(value_of(&prop(&ics, "UID")), uid);
        assert!(sequence(&ics) > invited_sequence + 1, "above the move's");
    }
}

// ----- Delivery -----

#[tokio::test]
async fn a_message_queued_while_the_smtp_server_is_down_goes_out_once_it_is_back() {
    let app = spawn_app().await;
    let mut sink = SmtpSink::start().await;
    sink.stop();
    outbox::enqueue_alone(
        &app.db,
        envelope("waiting@example.org", "Queued during an outage"),
    )
    .await
    .unwrap();
    let worker = worker(&app, &sink);
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    let row = rows(&app).await.remove(0);
    assert_eq!(row.status.as_str(), "queued");
    assert_eq!(row.attempts, 1);
    assert!(row.last_error.as_deref().is_some_and(|e| !e.is_empty()));
    assert!(row.not_before > Utc::now(), "retried later, with backoff");
    assert!(row.sent_at.is_none());
    let listed = outbox_items(&app, "").await;
    assert_eq!(listed[0]["status"], "queued");
    assert_eq!(listed[0]["attempts"], 1);
    assert!(listed[0]["last_error"].is_string());
    // Not due yet: nothing is tried.
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    assert_eq!(rows(&app).await[0].attempts, 1);

    sink.restart().await;
    assert_eq!(worker.deliver_due().await.unwrap(), 0, "still waiting");
    make_due(&app).await;
    assert_eq!(worker.deliver_due().await.unwrap(), 1);
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    assert_eq!(sink.messages().len(), 1);
    let row = rows(&app).await.remove(0);
    assert_eq!(row.status.as_str(), "sent");
    assert_eq!(row.attempts, 2);
    assert!(row.last_error.is_none());
    assert!(row.sent_at.is_some());
    assert_eq!(
        parse(&sink.messages()[0]).subject(),
        Some("Queued during an outage")
    );
}

#[tokio::test]
async fn a_message_that_fails_its_last_try_is_marked_failed_with_its_error() {
    let app = spawn_app().await;
    let mut sink = SmtpSink::start().await;
    sink.stop();
    outbox::enqueue_alone(&app.db, envelope("nobody@example.org", "Doomed"))
        .await
        .unwrap();
    let worker = worker_with(&app, &sink, |s| s.mail.max_attempts = 1);
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    let row = rows(&app).await.remove(0);
    assert_eq!(row.status.as_str(), "failed");
    assert_eq!(row.attempts, 1);
    assert!(row.last_error.as_deref().is_some_and(|e| !e.is_empty()));
    let failed = outbox_items(&app, "status=failed").await;
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["last_error"].is_string());
    // Failed for good: not tried again, even once the server is back.
    sink.restart().await;
    make_due(&app).await;
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    assert!(sink.messages().is_empty());
    assert_eq!(rows(&app).await[0].status.as_str(), "failed");
}

#[tokio::test]
async fn a_message_claimed_by_a_worker_that_died_is_delivered_by_another_after_the_lease() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    outbox::enqueue_alone(&app.db, envelope("first@example.org", "First"))
        .await
        .unwrap();
    // A worker claims it and dies before sending.
    let claimed = outbox::claim(&app.db, 10, Duration::seconds(300))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    drop(claimed);
    let row = rows(&app).await.remove(0);
    assert_eq!(row.status.as_str(), "sending");
    assert!(row.lease_until.is_some());

    let worker = worker(&app, &sink);
    assert_eq!(worker.deliver_due().await.unwrap(), 0, "still leased");
    assert!(sink.messages().is_empty());
    outbox_message::Entity::update_many()
        .col_expr(
            outbox_message::Column::LeaseUntil,
            Some(Utc::now() - Duration::seconds(1)).into(),
        )
        .exec(app.db.conn())
        .await
        .unwrap();
    assert_eq!(worker.deliver_due().await.unwrap(), 1);
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    assert_eq!(sink.messages().len(), 1);
    let row = rows(&app).await.remove(0);
    assert_eq!(row.status.as_str(), "sent");
    assert_eq!(row.attempts, 2);

    // A short lease runs out by itself.
    outbox::enqueue_alone(&app.db, envelope("second@example.org", "Second"))
        .await
        .unwrap();
    let short = worker_with(&app, &sink, |s| s.mail.lease_seconds = 1);
    let claimed = outbox::claim(&app.db, 10, Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    drop(claimed);
    assert_eq!(short.deliver_due().await.unwrap(), 0);
    // Once the lease has run out (a second), the next round takes the message over.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if short.deliver_due().await.unwrap() == 1 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the lease never ran out"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(sink.messages().len(), 2);
    assert_eq!(mails_to(&sink.messages(), "second@example.org").len(), 1);
}

/// Queues `count` messages to guests of `round`, each with its own recipient and subject.
async fn queue_guests(app: &TestApp, round: usize, count: usize) {
    for i in 0..count {
        outbox::enqueue_alone(
            &app.db,
            envelope(
                &format!("guest{round}-{i}@example.org"),
                &format!("Message {round}-{i}"),
            ),
        )
        .await
        .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_on_one_queue_deliver_each_message_exactly_once() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    // The second worker has a connection pool of its own, as a second process would.
    let other_db = Db::connect(&app.settings.database).await.unwrap();
    for round in 0..2 {
        queue_guests(&app, round, 30).await;
        let first = worker(&app, &sink);
        let mut settings = (*app.settings).clone();
        settings.mail.url = sink.url();
        let second = Worker::new(other_db.clone(), Arc::new(settings)).unwrap();
        let a = tokio::spawn(async move { first.deliver_due().await.unwrap() });
        let b = tokio::spawn(async move { second.deliver_due().await.unwrap() });
        let (a, b) = (a.await.unwrap(), b.await.unwrap());
        assert_eq!(a + b, 30, "round {round}: {a} + {b}");
    }
    let received = sink.messages();
    assert_eq!(received.len(), 60);
    let recipients: HashSet<String> = received.iter().map(|r| r.to.join(",")).collect();
    assert_eq!(recipients.len(), 60, "no duplicates");
    let ids: HashSet<String> = received
        .iter()
        .map(|r| parse(r).message_id().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 60);
    let all = rows(&app).await;
    assert!(
        all.iter()
            .all(|r| r.status.as_str() == "sent" && r.attempts == 1)
    );
}

#[tokio::test]
async fn messages_go_out_on_a_few_kept_connections_not_one_each() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    for round in 0..3 {
        queue_guests(&app, round, 40).await;
        assert_eq!(worker(&app, &sink).deliver_due().await.unwrap(), 40);
    }
    assert_eq!(sink.messages().len(), 120);
    // Each worker sends 8 at once; each round's worker opens its own connections, and
    // reuses them for the rest of its round.
    let connections = sink.connections.load(std::sync::atomic::Ordering::Relaxed);
    assert!(
        connections <= 3 * 8,
        "{connections} connections for 120 messages"
    );
}

// ----- Header injection -----

#[tokio::test]
async fn line_breaks_in_a_name_or_subject_add_no_header() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let mut evil = envelope(
        "guest@example.org",
        "Your invitation\r\nBcc: victim@example.org",
    );
    evil.recipient_name = "Evil\r\nBcc: victim@example.org".to_string();
    outbox::enqueue_alone(&app.db, evil).await.unwrap();
    assert_eq!(worker(&app, &sink).deliver_due().await.unwrap(), 1);
    let received = sink.messages();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to.len(), 1);
    assert!(received[0].to[0].contains("guest@example.org"));
    let mail = parse(&received[0]);
    assert!(mail.bcc().is_none());
    assert!(
        mail.headers_raw()
            .all(|(name, _)| !name.eq_ignore_ascii_case("bcc")),
        "no Bcc header"
    );
    let subject = mail.subject().unwrap();
    assert!(!subject.contains('\r') && !subject.contains('\n'));
    assert_eq!(subject, "Your invitation Bcc: victim@example.org");
    let to = mail.to().and_then(|a| a.first()).unwrap();
    assert_eq!(to.address.as_deref(), Some("guest@example.org"));
    assert_eq!(mail.to().unwrap().iter().count(), 1);
    // The raw header block has no line starting with Bcc either.
    let raw = String::from_utf8_lossy(&received[0].data);
    let head = raw.split("\r\n\r\n").next().unwrap();
    assert!(
        head.lines()
            .all(|l| !l.to_ascii_lowercase().starts_with("bcc")),
        "{head}"
    );

    // People cannot be named with line breaks in the first place.
    let people = app.count("people").await;
    for field in ["given_name", "family_name"] {
        let mut body =
            json!({"given_name": "Eve", "family_name": "Mallory", "email": "eve@example.org"});
        body[field] = json!("Eve\r\nBcc: victim@example.org");
        let refused = app.post("/api/v1/people", app.org(), &body).await;
        assert_eq!(refused.error_fields(), [field]);
    }
    assert_eq!(app.count("people").await, people);
    let eve = app
        .person_with_email("Ms", "Eve", "Mallory", "eve@example.org")
        .await;
    let renamed = app
        .patch(
            &format!("/api/v1/people/{eve}"),
            app.org(),
            &json!({"family_name": "Mallory\nBcc: victim@example.org"}),
        )
        .await;
    assert_eq!(renamed.error_fields(), ["family_name"]);
}

// ----- The outbox, for organizers -----

#[tokio::test]
async fn the_outbox_lists_messages_for_organizers_with_filters() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let panel = rtop_panel(&app).await;
    app.get("/api/v1/outbox", As::Anonymous).await.expect(401);
    app.get("/api/v1/outbox", app.member_token())
        .await
        .expect(403);
    let bad = app.get("/api/v1/outbox?status=lost", app.org()).await;
    assert_eq!(bad.error_fields(), ["status"]);
    let bad = app.get("/api/v1/outbox?event_id=first", app.org()).await;
    assert_eq!(bad.error_fields(), ["event_id"]);

    invite_session(&app, &panel.event, panel.session).await;
    assert_eq!(worker(&app, &sink).deliver_due().await.unwrap(), 3);
    // A second event, with an invitation still queued.
    let other = app
        .event(json!({"title": "Global consultative roundtable", "kind": "roundtable",
                      "starts_on": "2008-11-20", "ends_on": "2008-11-20", "timezone": "Africa/Johannesburg"}))
        .await;
    let gareth = &panel.people[0];
    app.post(
        &format!("/api/v1/events/{}/invitations", slug(&other)),
        app.org(),
        &json!({"person_ids": [gareth.id]}),
    )
    .await
    .expect(202);

    let all = app
        .get("/api/v1/outbox", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(all["total"], 4);
    let ids: Vec<i64> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first");
    let sent = outbox_items(&app, "status=sent").await;
    assert_eq!(sent.len(), 3);
    assert!(sent.iter().all(|m| m["sent_at"].is_string()
        && m["attempts"] == 1
        && m["last_error"].is_null()
        && m["kind"] == "invitation"
        && m["calendar"] == "REQUEST"));
    let queued = outbox_items(&app, "status=queued").await;
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0]["event_id"], other["id"]);
    assert!(queued[0]["calendar"].is_null(), "no session, no calendar");
    assert!(outbox_items(&app, "status=failed").await.is_empty());

    let of_panel = outbox_items(&app, &format!("event_id={}", panel.event_id)).await;
    assert_eq!(of_panel.len(), 3);
    assert!(of_panel.iter().all(|m| m["event_id"] == panel.event_id));
    let of_gareth = outbox_items(&app, &format!("person_id={}", gareth.id)).await;
    assert_eq!(of_gareth.len(), 2, "everything Gareth was sent");
    assert!(of_gareth.iter().all(|m| m["person_id"] == gareth.id));
    assert!(
        of_gareth
            .iter()
            .all(|m| m["to"] == format!("{} <{}>", gareth.name, gareth.email))
    );
    let both = outbox_items(
        &app,
        &format!(
            "person_id={}&event_id={}&status=sent",
            gareth.id, panel.event_id
        ),
    )
    .await;
    assert_eq!(both.len(), 1);
    let paged = app
        .get("/api/v1/outbox?limit=2&offset=1", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(paged["total"], 4);
    assert_eq!(paged["items"].as_array().unwrap().len(), 2);
    assert_eq!(paged["items"][0]["id"], ids[1]);

    // The workspace page shows the same messages.
    let page = app
        .get("/organize/outbox", app.org())
        .await
        .page(200)
        .text();
    for invitee in &panel.people {
        assert!(page.contains(&invitee.email), "{}", invitee.email);
    }
    assert!(page.contains(PANEL_TITLE));
    assert!(page.contains("4 messages"));
    let queued_page = app
        .get("/organize/outbox?status=queued", app.org())
        .await
        .page(200)
        .text();
    assert!(queued_page.contains("1 message."));
    app.get("/organize/outbox", app.member_token())
        .await
        .page(403);
    let anonymous = app.get("/organize/outbox", As::Anonymous).await;
    assert_eq!(anonymous.status.as_u16(), 303);
    assert!(anonymous.location().starts_with("/login"));
}

#[tokio::test]
async fn inviting_people_to_the_event_mails_them_without_a_calendar() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let slug = slug(&app.brussels_event().await);
    let guest = app
        .person_with_email("Ms", "Gillian", "Sorensen", "gs@example.org")
        .await;
    let outcome = app
        .post(
            &format!("/api/v1/events/{slug}/invitations"),
            app.org(),
            &json!({"person_ids": [guest]}),
        )
        .await
        .expect(202)
        .json();
    assert_eq!(outcome["items"][0]["person_id"], guest);
    assert!(outcome["items"][0]["session_id"].is_null());
    assert!(outcome["items"][0]["role"].is_null());
    assert_eq!(worker(&app, &sink).deliver_due().await.unwrap(), 1);
    let mail = only_mail_to(&sink.messages(), "gs@example.org");
    assert_eq!(
        structure(&mail, 0),
        "multipart/alternative(text/plain,text/html)"
    );
    assert!(mail.subject().unwrap().contains("Making a difference"));
    let text = part_text(&mail, "text/plain");
    let token = token_of(&accept_link(&text));
    app.get_page(&format!("/invitations/{token}?answer=accept"), None)
        .await
        .page(200);
    let answer = post_empty(&app, &format!("/invitations/{token}/accept"))
        .await
        .expect(200)
        .json();
    assert_eq!(answer["status"], "accepted");

    // Cancelling the event tells them too, without a calendar.
    app.post(
        &format!("/api/v1/events/{slug}/cancel"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    assert_eq!(worker(&app, &sink).deliver_due().await.unwrap(), 1);
    let mails = mails_to(&sink.messages(), "gs@example.org")
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    assert_eq!(mails.len(), 2);
    let cancel = parse(&mails[1]);
    assert!(cancel.subject().unwrap().starts_with("Cancelled:"));
    assert_eq!(
        structure(&cancel, 0),
        "multipart/alternative(text/plain,text/html)"
    );
}

#[tokio::test]
async fn an_invitee_gets_a_personal_calendar_feed_from_the_invitation_page() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let panel = rtop_panel(&app).await;
    invite_session(&app, &panel.event, panel.session).await;
    // A published event: feeds list sessions of published (or cancelled) events only.
    app.publish(&panel.event).await;
    worker(&app, &sink).deliver_due().await.unwrap();
    let chair = &panel.people[0];
    let mail = only_mail_to(&sink.messages(), &chair.email);
    let text = part_text(&mail, "text/plain");
    let token = token_of(&accept_link(&text));
    assert!(
        text.contains("personal calendar feed"),
        "the mail mentions the feed: {text}"
    );

    // Without the page's CSRF token, nothing is made.
    app.post_form(&format!("/invitations/{token}/feed"), None, &[])
        .await
        .expect(403);
    assert_eq!(app.count("feed_tokens").await, 0);

    let visitor = app.visitor().await;
    let page = app
        .submit(&format!("/invitations/{token}/feed"), &visitor, &[])
        .await
        .page(200);
    let html = page.text();
    let feed_url = html
        .split("value=\"")
        .find_map(|rest| rest.split('"').next().filter(|v| v.contains("/feeds/")))
        .expect("the page shows the feed address")
        .to_string();
    assert!(html.contains("webcal://"), "a subscribe link: {html}");
    let path = feed_url
        .split_once("/feeds/")
        .map(|(_, rest)| format!("/feeds/{rest}"))
        .unwrap();
    let feed = app.get(&path, As::Anonymous).await.expect(200);
    assert!(feed.text().contains(PANEL_TITLE.split(' ').next().unwrap()));
    assert!(
        feed.text()
            .contains("DTSTART;TZID=Europe/Brussels:20090603T140000"),
        "{}",
        feed.text()
    );

    // Asking again makes a new address; the first one stops working.
    app.submit(&format!("/invitations/{token}/feed"), &visitor, &[])
        .await
        .page(200);
    app.get(&path, As::Anonymous).await.expect(404);
    // An unknown invitation token makes nothing.
    app.submit("/invitations/not-a-token/feed", &visitor, &[])
        .await
        .expect(404);
}

#[tokio::test]
async fn an_organizer_sees_everything_a_person_was_sent_from_their_page() {
    let app = spawn_app().await;
    let panel = rtop_panel(&app).await;
    invite_session(&app, &panel.event, panel.session).await;
    let chair = &panel.people[0];
    let speaker = &panel.people[1];
    let browser = app.organizer_browser().await;
    let person_page = app
        .get_page(
            &format!("/organize/people/{}/edit", chair.id),
            Some(&browser),
        )
        .await
        .page(200);
    let link = format!("/organize/outbox?person_id={}", chair.id);
    assert!(
        person_page.text().contains(&link),
        "a link to their messages"
    );
    let outbox = app.get_page(&link, Some(&browser)).await.page(200).text();
    assert!(outbox.contains(&chair.email), "{outbox}");
    assert!(
        !outbox.contains(&speaker.email),
        "only this person's messages: {outbox}"
    );
}

#[tokio::test]
async fn registrants_hear_when_a_session_moves_and_when_the_event_is_cancelled() {
    let app = spawn_app().await;
    let sink = SmtpSink::start().await;
    let panel = rtop_panel_in(&app, common::UPCOMING_YEAR).await;
    app.publish(&panel.event).await;
    for n in 1..=2 {
        app.post(
            &format!("/api/v1/events/{}/registrations", panel.event),
            As::Anonymous,
            &json!({"given_name": format!("Ama{n}"), "family_name": "Mensah", "email": format!("ama{n}@example.org"), "consent": true}),
        )
        .await
        .expect(201);
    }
    worker(&app, &sink).deliver_due().await.unwrap();
    let before = sink.messages().len();

    // Two moves: one notice per registrant, after the quiet period, with the new time.
    for start in ["16:00", "17:00"] {
        app.patch(
            &format!("/api/v1/sessions/{}", panel.session),
            app.org(),
            &json!({"starts_at": format!("2037-06-03T{start}:00"), "ends_at": "2037-06-03T18:30:00"}),
        )
        .await
        .expect(200);
    }
    let queued: Vec<_> = rows(&app)
        .await
        .into_iter()
        .filter(|r| r.status.as_str() == "queued" && r.recipient_email.starts_with("ama"))
        .collect();
    assert_eq!(queued.len(), 2, "one update per registrant");
    assert!(
        queued
            .iter()
            .all(|r| r.kind.as_str() == "session_update" && r.person_id.is_none())
    );
    assert!(
        queued.iter().all(|r| r.text_body.contains("17:00")),
        "the latest time"
    );
    assert_eq!(queued[0].ics_method.map(|m| m.as_str()), Some("PUBLISH"));

    // The event is cancelled before the updates left: they are dropped, a cancellation goes.
    app.post(
        &format!("/api/v1/events/{}/cancel", panel.event),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let to_registrants: Vec<_> = rows(&app)
        .await
        .into_iter()
        .filter(|r| r.status.as_str() == "queued" && r.recipient_email.starts_with("ama"))
        .collect();
    assert_eq!(to_registrants.len(), 2);
    assert!(
        to_registrants
            .iter()
            .all(|r| r.kind.as_str() == "event_cancelled")
    );
    worker(&app, &sink).deliver_due().await.unwrap();
    let mail = only_mail_to(&sink.messages()[before..], "ama1@example.org");
    let ics = part_text(&mail, "text/calendar");
    assert!(ics.contains("STATUS:CANCELLED"), "{ics}");
    assert!(mail.subject().unwrap().starts_with("Cancelled:"));
}

#[tokio::test]
async fn committing_a_change_that_queued_mail_wakes_the_worker_and_only_then() {
    let app = spawn_app().await;
    let wakeup = app.db.mail_wakeup();
    let woken = || {
        let wakeup = wakeup.clone();
        async move {
            tokio::time::timeout(std::time::Duration::from_millis(50), wakeup.notified())
                .await
                .is_ok()
        }
    };
    // A write without mail: nobody is woken.
    let txn = app.db.begin_write().await.unwrap();
    txn.commit().await.unwrap();
    assert!(!woken().await);
    // Mail queued, then rolled back: nobody is woken either.
    let txn = app.db.begin_write().await.unwrap();
    outbox::enqueue(&txn, envelope("nobody@example.org", "Rolled back"))
        .await
        .unwrap();
    drop(txn);
    assert!(!woken().await);
    assert_eq!(app.count("outbox").await, 0);
    // Mail queued and committed: the worker wakes once it is in the database.
    let txn = app.db.begin_write().await.unwrap();
    outbox::enqueue(&txn, envelope("someone@example.org", "Committed"))
        .await
        .unwrap();
    assert!(!woken().await, "not before the commit");
    txn.commit().await.unwrap();
    assert!(woken().await);
    assert_eq!(app.count("outbox").await, 1);
}
