//! Seeing what is sent before it goes: the preview of invitations (API and composer
//! page) shows each invitee's mail as the sending code renders it and writes nothing;
//! the composer sends only when asked and keeps what was typed when it refuses; the
//! invitation page says where and when, and opening the mail's Accept link answers
//! nothing until the one button is pressed; mails greet people in normal case.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::fixtures::{Panel, Seat};
use common::{As, FLASH_COOKIE, TestApp, spawn_app, token_after, with_cookies_from};
use serde_json::{Value, json};

const GARETH: &str = "gareth.evans@example.org";
const CORLETT: &str = "corlett.letlojane@example.org";
const EDWARD: &str = "edward.luck@example.org";
/// The token in the links of a preview.
const PREVIEW_TOKEN: &str = "preview-only-not-a-real-link";

/// The Brussels panel (3 June 2009, 14:00–16:00, Room A) with a chair and a speaker who
/// have addresses and a rapporteur who has none; returns the panel and their ids.
async fn panel_of_three(app: &TestApp) -> (Panel, [i64; 3]) {
    let panel = app.brussels_panel(Some("Room A")).await;
    let people = app
        .seat(
            panel.session,
            [
                Seat::chair("Mr", "Gareth", "Evans").reached_at(GARETH),
                Seat::speaker("Ms", "Corlett", "Letlojane").reached_at(CORLETT),
                Seat::rapporteur("Mr", "Luc", "LAMPRIÈRE"),
            ],
        )
        .await;
    (panel, people)
}

/// What inviting writes: outbox rows, invitations, audit entries, and each
/// participant's invitation status.
async fn written(app: &TestApp, session: i64) -> (i64, i64, i64, Value) {
    let participants = app
        .get(
            &format!("/api/v1/sessions/{session}/participants"),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    let statuses: Vec<Value> = participants["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| json!([p["person_id"], p["role"], p["invitation_status"]]))
        .collect();
    (
        app.count("outbox").await,
        app.count("invitations").await,
        app.count("audit_log").await,
        Value::Array(statuses),
    )
}

async fn preview(app: &TestApp, event: &str, body: &Value) -> common::Reply {
    app.post(
        &format!("/api/v1/events/{event}/invitations/preview"),
        app.org(),
        body,
    )
    .await
}

fn composer(event: &str) -> String {
    format!("/organize/events/{event}/invitations/new")
}

/// The `<input ...>` tag of the checkbox with this value, if the page has one.
fn checkbox(page: &str, value: &str) -> Option<String> {
    let needle = format!("value=\"{value}\"");
    page.match_indices("<input ")
        .map(|(at, _)| &page[at..at + page[at..].find('>').unwrap() + 1])
        .find(|tag| tag.contains("type=\"checkbox\"") && tag.contains(&needle))
        .map(str::to_string)
}

/// The text of the page's message box.
fn message_box(page: &str) -> String {
    let start = page
        .find("<textarea id=\"message\"")
        .expect("a message box");
    let open = start + page[start..].find('>').unwrap() + 1;
    let close = open + page[open..].find("</textarea>").unwrap();
    page[open..close].to_string()
}

/// The invitation's status, as the organizer's list shows it.
async fn invitation_of(app: &TestApp, event: &str, person: i64) -> Value {
    let list = app
        .get(&format!("/api/v1/events/{event}/invitations"), app.org())
        .await
        .expect(200)
        .json();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["person_id"] == person)
        .cloned()
        .unwrap_or_else(|| panic!("no invitation of {person}: {list}"))
}

/// The invitee answers (`accept` or `decline`) through the link of the last invitation
/// mailed to them.
async fn answer_mailed(app: &TestApp, email: &str, answer: &str) {
    let token = token_after(
        &app.last_mail_to(email, "invitation").await.text_body,
        "invitations",
    );
    app.post(
        &format!("/invitations/{token}/{answer}"),
        As::Anonymous,
        &json!({}),
    )
    .await
    .expect(200);
}

#[tokio::test]
async fn a_preview_shows_each_invitees_mail_as_it_will_be_sent_and_queues_nothing() {
    let app = spawn_app().await;
    let (panel, [gareth, corlett, luc]) = panel_of_three(&app).await;
    let body = json!({"session_id": panel.session, "message": "We hope you can join us.\nLunch is at 13:00."});
    let before = written(&app, panel.session).await;

    let shown = preview(&app, &panel.event, &body).await.expect(200).json();
    let messages = shown["messages"].as_array().unwrap();
    assert_eq!(
        messages.len(),
        2,
        "one per invitee with an address: {shown}"
    );
    assert_eq!(messages[0]["person_id"], gareth);
    assert_eq!(messages[0]["role"], "chair");
    assert_eq!(messages[0]["session_id"], panel.session);
    assert_eq!(messages[0]["to"], format!("Mr Gareth EVANS <{GARETH}>"));
    assert_eq!(
        messages[0]["subject"],
        "Invitation: chair at Panel (Making a difference)"
    );
    assert_eq!(messages[1]["person_id"], corlett);
    assert_eq!(
        messages[1]["subject"],
        "Invitation: speaker at Panel (Making a difference)"
    );
    let text = messages[0]["text"].as_str().unwrap();
    assert!(text.starts_with("Dear Mr Evans,"), "{text}");
    assert!(text.contains("We hope you can join us.\nLunch is at 13:00."));
    assert!(text.contains("14:00–16:00 (Europe/Brussels)"), "{text}");
    assert!(text.contains(&format!("/invitations/{PREVIEW_TOKEN}?answer=accept")));
    let html = messages[0]["html"].as_str().unwrap();
    assert!(html.contains("<p>Dear Mr Evans,</p>"), "{html}");
    assert!(html.contains(&format!("/invitations/{PREVIEW_TOKEN}?answer=decline")));
    assert_eq!(
        messages[0]["attachments"],
        json!([{"filename": "invite.ics", "content_type": "application/ics"}])
    );
    assert_eq!(shown["skipped"][0]["person_id"], luc);
    assert_eq!(shown["skipped"][0]["reason"], "has no email address");
    assert_eq!(shown["skipped"][0]["display_name"], "Mr Luc LAMPRIÈRE");

    // Nothing was written: no mail, no invitation, no audit entry, no status changed.
    assert_eq!(written(&app, panel.session).await, before);
    assert!(app.outbox().await.is_empty());

    // Sending the same request sends exactly what was shown, but for the real link.
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &body,
    )
    .await
    .expect(202);
    for (message, email) in messages.iter().zip([GARETH, CORLETT]) {
        let sent = app.last_mail_to(email, "invitation").await;
        let token = token_after(&sent.text_body, "invitations");
        assert_ne!(token, PREVIEW_TOKEN);
        assert_eq!(sent.subject, message["subject"].as_str().unwrap());
        assert_eq!(
            sent.text_body.replace(&token, PREVIEW_TOKEN),
            message["text"].as_str().unwrap()
        );
        assert_eq!(
            sent.html_body.replace(&token, PREVIEW_TOKEN),
            message["html"].as_str().unwrap()
        );
    }
    // The preview's link opens nothing.
    app.get_page(&format!("/invitations/{PREVIEW_TOKEN}"), None)
        .await
        .page(404);
}

#[tokio::test]
async fn previewing_a_reminder_keeps_the_earlier_message_and_link_and_skips_those_who_answered() {
    let app = spawn_app().await;
    let (panel, [gareth, corlett, _]) = panel_of_three(&app).await;
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session, "message": "First message."}),
    )
    .await
    .expect(202);
    answer_mailed(&app, CORLETT, "accept").await;
    let gareths = token_after(
        &app.last_mail_to(GARETH, "invitation").await.text_body,
        "invitations",
    );
    let before = written(&app, panel.session).await;

    let shown = preview(&app, &panel.event, &json!({"session_id": panel.session}))
        .await
        .expect(200)
        .json();
    let messages = shown["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1, "{shown}");
    assert_eq!(messages[0]["person_id"], gareth);
    assert!(
        messages[0]["text"]
            .as_str()
            .unwrap()
            .contains("First message."),
        "a reminder without a new message repeats the first one"
    );
    let skipped = shown["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|s| s["person_id"] == corlett && s["reason"] == "already answered: accepted"),
        "{shown}"
    );
    assert_eq!(written(&app, panel.session).await, before);
    // Gareth's link still works: previewing gave him no new one.
    let page = app
        .get_page(&format!("/invitations/{gareths}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("Dear Mr Evans,"));
}

#[tokio::test]
async fn a_preview_is_refused_exactly_as_sending_is_and_writes_nothing() {
    let app = spawn_app().await;
    let (panel, [_, corlett, luc]) = panel_of_three(&app).await;
    let empty = app
        .session(
            &panel.event,
            "Empty",
            "2009-06-03T17:00:00",
            "2009-06-03T18:00:00",
            None,
        )
        .await;
    let before = written(&app, panel.session).await;
    let cases = [
        (json!({}), vec!["person_ids"]),
        (json!({"message": "Hello"}), vec!["person_ids"]),
        (json!({"session_id": 999_999}), vec!["session_id"]),
        (json!({"session_id": empty}), vec!["session_id"]),
        (
            json!({"person_ids": [corlett, 999_999]}),
            vec!["person_ids[1]"],
        ),
        (json!({"person_ids": [luc]}), vec!["person_ids"]),
        (json!({"people": [corlett]}), vec!["people"]),
        (
            json!({"session_id": panel.session, "message": "x".repeat(5001)}),
            vec!["message"],
        ),
    ];
    for (body, fields) in cases {
        let previewed = preview(&app, &panel.event, &body).await;
        assert_eq!(previewed.error_fields(), fields, "preview of {body}");
        let sent = app
            .post(
                &format!("/api/v1/events/{}/invitations", panel.event),
                app.org(),
                &body,
            )
            .await;
        assert_eq!(sent.error_fields(), fields, "sending {body}");
        assert_eq!(
            previewed.json()["errors"],
            sent.json()["errors"],
            "the same words for {body}"
        );
    }
    preview(&app, "no-such-event", &json!({"session_id": panel.session}))
        .await
        .expect(404);
    app.post(
        &format!("/api/v1/events/{}/invitations/preview", panel.event),
        As::Anonymous,
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(401);
    app.post(
        &format!("/api/v1/events/{}/invitations/preview", panel.event),
        app.member_token(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(403);
    assert_eq!(written(&app, panel.session).await, before);
}

#[tokio::test]
async fn the_composer_lists_a_sessions_people_with_their_roles_and_earlier_invitations() {
    let app = spawn_app().await;
    let (panel, [gareth, corlett, luc]) = panel_of_three(&app).await;
    let [edward] = app
        .seat(
            panel.session,
            [Seat::speaker("Dr", "Edward", "Luck").reached_at(EDWARD)],
        )
        .await;
    let browser = app.organizer_browser().await;

    // The workspace's button opens the composer; it no longer sends at once.
    let workspace = app
        .get_page(&format!("/organize/events/{}", panel.event), Some(&browser))
        .await
        .page(200)
        .text();
    let link = format!("{}?session_id={}", composer(&panel.event), panel.session);
    assert!(
        workspace.contains(&format!("href=\"{link}\"")),
        "{workspace}"
    );
    assert!(!workspace.contains("/invite\""));

    // Corlett and Edward invited, and Corlett accepted.
    app.submit(
        &composer(&panel.event),
        &browser,
        &[
            ("session_id", &panel.session.to_string()),
            ("include", &format!("{corlett}:speaker")),
            ("include", &format!("{edward}:speaker")),
            ("action", "send"),
        ],
    )
    .await
    .expect(303);
    answer_mailed(&app, CORLETT, "accept").await;

    let page = app.get_page(&link, Some(&browser)).await.page(200).text();
    assert!(page.contains("Invite the people of “Panel”"), "{page}");
    assert!(page.contains("(Europe/Brussels)"));
    // Gareth, never invited: ticked, with his role.
    let gareth_box = checkbox(&page, &format!("{gareth}:chair")).expect("a box for Gareth");
    assert!(gareth_box.contains(" checked"), "{gareth_box}");
    assert!(page.contains("Mr Gareth EVANS"));
    assert!(page.contains("<span class=\"role\">Chair</span>"));
    // Edward, invited and silent: he may be reminded, but is not ticked.
    let edward_box = checkbox(&page, &format!("{edward}:speaker")).expect("a box for Edward");
    assert!(!edward_box.contains(" checked"), "{edward_box}");
    assert!(page.contains("Invited, no answer"));
    assert!(page.contains("sending again gives them a new link"));
    // Corlett answered: no box, and her answer.
    assert!(checkbox(&page, &format!("{corlett}:speaker")).is_none());
    assert!(page.contains("<span class=\"badge accepted\">Accepted</span>"));
    assert!(page.contains("Already answered"));
    // Luc has no address: no box, and why.
    assert!(checkbox(&page, &format!("{luc}:rapporteur")).is_none());
    assert!(page.contains("No email address: add one to their record"));
    // The subject Gareth's mail will have, and what the button will do.
    assert!(page.contains("Invitation: chair at Panel (Making a difference)"));
    assert!(page.contains(">Send 1 invitation</button>"));
    assert!(page.contains("<textarea id=\"message\" name=\"message\""));

    // Only organizers compose.
    let anonymous = app.get_page(&link, None).await;
    assert_eq!(anonymous.status.as_u16(), 303);
    assert!(anonymous.location().starts_with("/login"));
    app.user_with_password(
        "member2@example.org",
        "A member",
        "member",
        common::TEST_PASSWORD,
    )
    .await;
    let member = app
        .sign_in("member2@example.org", common::TEST_PASSWORD)
        .await;
    app.get_page(&link, Some(&member)).await.page(403);
    app.get_page(
        &format!("{}?session_id=999999", composer(&panel.event)),
        Some(&browser),
    )
    .await
    .page(404);
}

#[tokio::test]
async fn the_composer_previews_on_the_page_and_sends_only_when_asked() {
    let app = spawn_app().await;
    let (panel, [gareth, corlett, _]) = panel_of_three(&app).await;
    let browser = app.organizer_browser().await;
    let session = panel.session.to_string();
    let message = "Dear colleagues,\nwe would be glad to have you on the panel.";
    let fields = |action: &'static str| {
        vec![
            ("session_id", session.clone()),
            ("include", format!("{gareth}:chair")),
            ("include", format!("{corlett}:speaker")),
            ("message", message.to_string()),
            ("action", action.to_string()),
        ]
    };
    let before = written(&app, panel.session).await;

    let previewed = fields("preview");
    let pairs: Vec<(&str, &str)> = previewed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = app
        .submit(&composer(&panel.event), &browser, &pairs)
        .await
        .page(200)
        .text();
    assert!(page.contains("id=\"preview\""), "{page}");
    assert!(page.contains("Nothing has been sent yet."));
    assert!(page.contains("the 2 mails"));
    assert!(page.contains("sandbox=\"\""));
    assert!(
        page.contains("srcdoc=\"&#60;!doctype html&#62;"),
        "the HTML, escaped into the frame"
    );
    assert!(page.contains("Dear Mr Evans,"));
    assert!(page.contains("Dear Ms Letlojane,"));
    assert!(page.contains("we would be glad to have you on the panel."));
    assert!(page.contains("Invitation: speaker at Panel (Making a difference)"));
    assert!(page.contains("invite.ics (application/ics)"));
    assert_eq!(
        message_box(&page),
        "Dear colleagues,\nwe would be glad to have you on the panel."
    );
    assert!(
        checkbox(&page, &format!("{gareth}:chair"))
            .unwrap()
            .contains(" checked")
    );
    assert!(page.contains(">Send 2 invitations</button>"));
    assert_eq!(
        written(&app, panel.session).await,
        before,
        "a preview writes nothing"
    );

    let sent_fields = fields("send");
    let pairs: Vec<(&str, &str)> = sent_fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let sent = app
        .submit(&composer(&panel.event), &browser, &pairs)
        .await
        .expect(303);
    let workspace = format!("/organize/events/{}", panel.event);
    assert_eq!(sent.location(), workspace);
    let after = with_cookies_from(&browser, &sent);
    assert!(common::cookie_value(&after, FLASH_COOKIE).is_some());
    let page = app
        .get_page(&workspace, Some(&after))
        .await
        .page(200)
        .text();
    assert!(
        page.contains("2 invitations are on their way: Mr Gareth EVANS (chair), Ms Corlett LETLOJANE (speaker)."),
        "{page}"
    );
    let mail = app.last_mail_to(GARETH, "invitation").await;
    assert!(mail.text_body.contains(message), "{}", mail.text_body);
    assert_eq!(app.mails_to(CORLETT, "invitation").await.len(), 1);
    assert_eq!(app.count("invitations").await, 2);
}

#[tokio::test]
async fn the_composer_sends_only_the_ticked_people() {
    let app = spawn_app().await;
    let (panel, [gareth, corlett, _]) = panel_of_three(&app).await;
    let browser = app.organizer_browser().await;
    app.submit(
        &composer(&panel.event),
        &browser,
        &[
            ("session_id", &panel.session.to_string()),
            ("include", &format!("{corlett}:speaker")),
            ("action", "send"),
        ],
    )
    .await
    .expect(303);
    assert!(app.mails_to(GARETH, "invitation").await.is_empty());
    assert_eq!(app.mails_to(CORLETT, "invitation").await.len(), 1);
    assert_eq!(
        invitation_of(&app, &panel.event, corlett).await["role"],
        "speaker"
    );
    let list = app
        .get(
            &format!("/api/v1/events/{}/invitations", panel.event),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["person_id"] != gareth)
    );
}

#[tokio::test]
async fn a_refused_composer_comes_back_with_what_was_typed() {
    let app = spawn_app().await;
    let (panel, [gareth, corlett, _]) = panel_of_three(&app).await;
    let browser = app.organizer_browser().await;
    let session = panel.session.to_string();
    let before = written(&app, panel.session).await;

    // A message too long.
    let long = format!("Our plans for the panel. {}", "x".repeat(5000));
    let page = app
        .submit(
            &composer(&panel.event),
            &browser,
            &[
                ("session_id", &session),
                ("include", &format!("{gareth}:chair")),
                ("message", &long),
                ("action", "send"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(page.contains("Nothing was sent"), "{page}");
    assert!(page.contains("id=\"message-error\""));
    assert!(page.contains("Your message must be at most 5000 characters (it has 5025)."));
    assert!(page.contains("aria-invalid=\"true\""));
    assert_eq!(message_box(&page), long);
    assert!(
        checkbox(&page, &format!("{gareth}:chair"))
            .unwrap()
            .contains(" checked")
    );
    assert!(
        !checkbox(&page, &format!("{corlett}:speaker"))
            .unwrap()
            .contains(" checked")
    );

    // Nobody ticked, for a preview and for sending.
    for action in ["preview", "send"] {
        let page = app
            .submit(
                &composer(&panel.event),
                &browser,
                &[
                    ("session_id", &session),
                    ("message", "Please come."),
                    ("action", action),
                ],
            )
            .await
            .page(422)
            .text();
        assert!(
            page.contains("Tick at least one person to invite."),
            "{page}"
        );
        assert_eq!(message_box(&page), "Please come.");
    }
    assert_eq!(written(&app, panel.session).await, before);

    // A box ticked on a page opened before Corlett answered.
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(202);
    answer_mailed(&app, CORLETT, "decline").await;
    let outbox = app.count("outbox").await;
    let page = app
        .submit(
            &composer(&panel.event),
            &browser,
            &[
                ("session_id", &session),
                ("include", &format!("{corlett}:speaker")),
                ("message", "Do reconsider."),
                ("action", "send"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(
        page.contains("<li>Ms Corlett LETLOJANE already answered: declined</li>"),
        "{page}"
    );
    assert_eq!(message_box(&page), "Do reconsider.");
    assert_eq!(app.count("outbox").await, outbox);
}

#[tokio::test]
async fn the_event_composer_finds_people_and_invites_them_to_the_event() {
    let app = spawn_app().await;
    let (panel, _) = panel_of_three(&app).await;
    let guest = app
        .person_with_email("Ms", "Gillian", "Sorensen", "gs@example.org")
        .await;
    let browser = app.organizer_browser().await;
    let page = app
        .get_page(&composer(&panel.event), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        page.contains("Invite people to Making a difference"),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "href=\"{}?session_id={}\"",
            composer(&panel.event),
            panel.session
        )),
        "the sessions, to invite their people in their roles"
    );
    let found = app
        .get_page(
            &format!("{}?q=Sorensen", composer(&panel.event)),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    let gillian = checkbox(&found, &guest.to_string()).expect("Gillian found");
    assert!(!gillian.contains(" checked"), "nobody is ticked on opening");
    assert!(found.contains("Ms Gillian SORENSEN"));
    assert!(!found.contains("Mr Gareth EVANS"), "only those found");

    let guest_id = guest.to_string();
    let previewed = app
        .submit(
            &composer(&panel.event),
            &browser,
            &[
                ("q", "Sorensen"),
                ("person_ids", &guest_id),
                ("action", "preview"),
            ],
        )
        .await
        .page(200)
        .text();
    assert!(previewed.contains("Invitation: Making a difference, 3–4 June 2009"));
    assert!(previewed.contains("Dear Ms Sorensen,"));
    assert!(previewed.contains("Attachments</dt><dd>None"));
    let sent = app
        .submit(
            &composer(&panel.event),
            &browser,
            &[
                ("q", "Sorensen"),
                ("person_ids", &guest_id),
                ("action", "send"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(sent.location(), format!("/organize/events/{}", panel.event));
    let invitation = invitation_of(&app, &panel.event, guest).await;
    assert!(invitation["session_id"].is_null());
    assert_eq!(invitation["status"], "invited");
    assert_eq!(app.mails_to("gs@example.org", "invitation").await.len(), 1);
}

#[tokio::test]
async fn the_invitation_page_says_when_in_which_zone_and_where_room_and_venue() {
    let app = spawn_app().await;
    let (panel, _) = panel_of_three(&app).await;
    app.patch(
        &format!("/api/v1/events/{}", panel.event),
        app.org(),
        &json!({"venue": "Résidence Palace"}),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(202);
    let token = token_after(
        &app.last_mail_to(GARETH, "invitation").await.text_body,
        "invitations",
    );
    let page = app
        .get_page(&format!("/invitations/{token}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("Dear Mr Evans,"), "{page}");
    assert!(
        page.contains("<dt>When</dt><dd>Wednesday 3 June 2009, 14:00–16:00 (Europe/Brussels)</dd>"),
        "{page}"
    );
    assert!(page.contains("<dt>Room</dt><dd>Room A</dd>"), "{page}");
    assert!(
        page.contains("<dt>Venue</dt><dd>Résidence Palace, Brussels, Belgium</dd>"),
        "{page}"
    );
}

#[tokio::test]
async fn opening_the_mails_accept_link_changes_nothing_and_one_click_accepts() {
    let app = spawn_app().await;
    let (panel, [gareth, _, _]) = panel_of_three(&app).await;
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(202);
    let mail = app.last_mail_to(GARETH, "invitation").await;
    let public = app.settings.public_url().to_string();
    let accept = mail
        .text_body
        .lines()
        .find_map(|line| line.trim().strip_prefix("Accept:"))
        .map(|link| link.trim().replacen(&public, "", 1))
        .expect("an accept link");
    let token = token_after(&mail.text_body, "invitations");
    assert_eq!(accept, format!("/invitations/{token}?answer=accept"));
    let before = written(&app, panel.session).await;
    let visitor = app.visitor().await;

    // Opening the link (twice, as a mail scanner and then the invitee) records nothing.
    for _ in 0..2 {
        let page = app.get_page(&accept, Some(&visitor)).await.page(200).text();
        assert!(page.contains("Accept this invitation?"), "{page}");
        let form = &page[page.find("<section class=\"answer-confirm\"").unwrap()..];
        let form = &form[..form.find("</section>").unwrap()];
        assert!(form.contains(&format!("action=\"/invitations/{token}/accept\"")));
        assert!(form.contains("<button type=\"submit\" autofocus>Confirm: I accept</button>"));
        assert!(!page.contains("<script>"), "no script answers for anyone");
    }
    let decline = accept.replace("answer=accept", "answer=decline");
    let page = app
        .get_page(&decline, Some(&visitor))
        .await
        .page(200)
        .text();
    assert!(page.contains("Confirm: I decline"));
    assert_eq!(written(&app, panel.session).await, before);
    let invitation = invitation_of(&app, &panel.event, gareth).await;
    assert_eq!(invitation["status"], "invited");
    assert!(invitation["responded_at"].is_null());

    // One click on the form's button accepts.
    let answered = app
        .submit(&format!("/invitations/{token}/accept"), &visitor, &[])
        .await
        .expect(303);
    assert_eq!(answered.location(), format!("/invitations/{token}"));
    assert_eq!(
        invitation_of(&app, &panel.event, gareth).await["status"],
        "accepted"
    );
    let page = app
        .get_page(&accept, Some(&with_cookies_from(&visitor, &answered)))
        .await
        .page(200)
        .text();
    assert!(page.contains("your acceptance is recorded"), "{page}");
    assert!(page.contains("You accepted."));
    assert!(
        !page.contains("Confirm: I accept"),
        "nothing left to confirm"
    );
}

#[tokio::test]
async fn mails_greet_people_in_normal_case_and_keep_a_name_as_typed() {
    let app = spawn_app().await;
    let panel = app.brussels_panel(Some("Room A")).await;
    app.seat(
        panel.session,
        [
            Seat::chair("Mr", "Gareth", "EVANS").reached_at(GARETH),
            Seat::speaker("Mr", "Ronald", "McDonald").reached_at("rm@example.org"),
            Seat::speaker("", "Ana", "ÑÚÑEZ").reached_at("ana@example.org"),
        ],
    )
    .await;
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(202);
    let mail = app.last_mail_to(GARETH, "invitation").await;
    assert!(
        mail.text_body.starts_with("Dear Mr Evans,\n"),
        "{}",
        mail.text_body
    );
    assert!(mail.html_body.contains("<p>Dear Mr Evans,</p>"));
    assert_eq!(
        mail.recipient_name, "Mr Gareth EVANS",
        "the address keeps protocol style"
    );
    let mail = app.last_mail_to("rm@example.org", "invitation").await;
    assert!(
        mail.text_body.starts_with("Dear Mr McDonald,\n"),
        "{}",
        mail.text_body
    );
    let mail = app.last_mail_to("ana@example.org", "invitation").await;
    assert!(
        mail.text_body.starts_with("Dear Ana Ñúñez,\n"),
        "{}",
        mail.text_body
    );

    // Other mails greet the same way: the session moves.
    app.patch(
        &format!("/api/v1/sessions/{}", panel.session),
        app.org(),
        &json!({"room": "Room B"}),
    )
    .await
    .expect(200);
    let update = app.last_mail_to(GARETH, "session_update").await;
    assert!(
        update.text_body.starts_with("Dear Mr Evans,\n"),
        "{}",
        update.text_body
    );
    let update = app.last_mail_to("ana@example.org", "session_update").await;
    assert!(
        update.text_body.starts_with("Dear Ana Ñúñez,\n"),
        "{}",
        update.text_body
    );
}

/// The invitee's page speaks the invitee's language (their record's, which their mail is
/// written in) unless another is chosen, dates included; so does the confirmation of
/// their answer. Those without a language read English.
#[tokio::test]
async fn the_invitation_page_speaks_the_invitees_language() {
    let app = spawn_app().await;
    let (panel, [gareth, _, _]) = panel_of_three(&app).await;
    app.patch(
        &format!("/api/v1/people/{gareth}"),
        app.org(),
        &json!({"language": "fr"}),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session}),
    )
    .await
    .expect(202);
    let token = token_after(
        &app.last_mail_to(GARETH, "invitation").await.text_body,
        "invitations",
    );
    let visitor = app.visitor().await;
    let page = app
        .get_page(
            &format!("/invitations/{token}?answer=accept"),
            Some(&visitor),
        )
        .await
        .page(200)
        .text();
    assert!(page.contains(r#"<html lang="fr">"#), "{page}");
    assert!(page.contains("<h1>Invitation</h1>"));
    assert!(page.contains("Bonjour Mr Evans,"), "{page}");
    assert!(
        page.contains("Vous êtes invité·e à participer en tant que <strong>présidence</strong> à"),
        "{page}"
    );
    assert!(
        page.contains("<dt>Quand</dt><dd>mercredi 3 juin 2009, 14:00–16:00 (Europe/Brussels)</dd>"),
        "{page}"
    );
    assert!(page.contains("<h2 id=\"confirm-heading\">Accepter cette invitation ?</h2>"));
    assert!(page.contains("<button type=\"submit\" autofocus>Confirmer : j’accepte</button>"));

    let answered = app
        .submit(&format!("/invitations/{token}/accept"), &visitor, &[])
        .await
        .expect(303);
    let page = app
        .get_page(
            &format!("/invitations/{token}"),
            Some(&with_cookies_from(&visitor, &answered)),
        )
        .await
        .page(200)
        .text();
    assert!(
        page.contains("Merci : votre acceptation est enregistrée."),
        "{page}"
    );
    assert!(
        page.contains("<strong>Vous avez accepté.</strong> Vous pouvez la modifier à tout moment.")
    );

    // A language chosen on the site wins over the invitee's.
    let page = app
        .get_page(&format!("/invitations/{token}?lang=es"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("Estimado/a Mr Evans:"), "{page}");
    assert!(page.contains("<h2>Su respuesta</h2>"));
    assert!(page.contains("<dd>miércoles, 3 de junio de 2009, 14:00–16:00 (Europe/Brussels)</dd>"));

    // Ms Letlojane has no language: English, as before.
    let token = token_after(
        &app.last_mail_to(CORLETT, "invitation").await.text_body,
        "invitations",
    );
    let page = app
        .get_page(&format!("/invitations/{token}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(page.contains("Dear Ms Letlojane,"));
    assert!(page.contains(
        "You are invited to take part as <strong>speaker</strong> in <a href=\"/sessions/"
    ));
    assert!(page.contains("<h2>Your answer</h2>"));
    assert!(page.contains("<strong>Not given yet.</strong>"));
}

/// The composer in Spanish: its heading, its button counting the invitations, why someone
/// cannot be ticked, and the workspace's confirmation once sent.
#[tokio::test]
async fn the_composer_and_its_confirmation_read_in_spanish() {
    let app = spawn_app().await;
    let (panel, [gareth, corlett, _]) = panel_of_three(&app).await;
    let browser = app.organizer_browser().await;
    let url = format!(
        "{}?session_id={}&lang=es",
        composer(&panel.event),
        panel.session
    );
    let page = app.get_page(&url, Some(&browser)).await.page(200).text();
    assert!(
        page.contains("<h1>Invitar a las personas de «Panel»</h1>"),
        "{page}"
    );
    assert!(page.contains(">Enviar 2 invitaciones</button>"), "{page}");
    assert!(page.contains("Sin dirección de correo: añada una a su ficha para invitarle."));
    assert!(page.contains("<legend>Destinatarios</legend>"));

    let session = panel.session.to_string();
    let (g, c) = (format!("{gareth}:chair"), format!("{corlett}:speaker"));
    let sent = app
        .submit(
            &format!("{}?lang=es", composer(&panel.event)),
            &browser,
            &[
                ("session_id", session.as_str()),
                ("include", g.as_str()),
                ("include", c.as_str()),
                ("action", "send"),
            ],
        )
        .await
        .expect(303);
    let page = app
        .get_page(
            &format!("/organize/events/{}", panel.event),
            Some(&with_cookies_from(&browser, &sent)),
        )
        .await
        .page(200)
        .text();
    assert!(
        page.contains("2 invitaciones están en camino: Mr Gareth EVANS (presidencia), Ms Corlett LETLOJANE (ponente)."),
        "{page}"
    );

    // In English, as before.
    let page = app
        .get_page(
            &format!(
                "{}?session_id={}&lang=en",
                composer(&panel.event),
                panel.session
            ),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(
        page.contains("<h1>Invite the people of “Panel”</h1>"),
        "{page}"
    );
    assert!(page.contains("<legend>Recipients</legend>"));
}
