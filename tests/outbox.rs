//! The outbox as organizers use it: one message read as its recipient sees it (with the
//! links that sign in as the recipient withheld), a copy sent again, the list filtered
//! by status and kind, and the organizers' mailbox told when an invitee declines.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;

use common::fixtures::{Panel, Seat};
use common::{As, TestApp, spawn_app, token_after};
use roundtable::entities::outbox_message;
use roundtable::mail::worker::Worker;
use serde_json::{Value, json};

const WITHHELD: &str = "[link withheld: it signs in as the recipient]";
const GARETH: &str = "gareth.evans@example.org";

// ----- Helpers -----

/// The Brussels panel with Mr Gareth EVANS as its chair, invited: one invitation mail
/// (with the session's calendar) queued to him. Returns the panel and that mail.
async fn invited_chair(app: &TestApp) -> (Panel, outbox_message::Model) {
    let panel = app.brussels_panel(Some("Room A")).await;
    app.seat(
        panel.session,
        [Seat::chair("Mr", "Gareth", "Evans").reached_at(GARETH)],
    )
    .await;
    app.post(
        &format!("/api/v1/events/{}/invitations", panel.event),
        app.org(),
        &json!({"session_id": panel.session, "message": "We hope you can join us."}),
    )
    .await
    .expect(202);
    let mail = app.last_mail_to(GARETH, "invitation").await;
    (panel, mail)
}

/// Invites Luc Lamprière to an account (as the organizer); returns his set-up mail.
async fn setup_mail(app: &TestApp) -> outbox_message::Model {
    app.post(
        "/api/v1/users",
        app.org(),
        &json!({"email": "luc@example.org", "name": "Luc Lamprière", "role": "rapporteur"}),
    )
    .await
    .expect(201);
    app.last_mail_to("luc@example.org", "account_setup").await
}

/// Delivers every due message as `.eml` files into `dir`; returns how many went out.
async fn deliver_to_files(app: &TestApp, dir: &std::path::Path) -> usize {
    let mut settings = (*app.settings).clone();
    settings.mail.url = format!("file://{}", dir.display());
    Worker::new(app.db.clone(), Arc::new(settings))
        .expect("worker")
        .deliver_due()
        .await
        .expect("delivery")
}

/// The message as the API shows it to the organizer.
async fn detail(app: &TestApp, id: i32) -> Value {
    app.get(&format!("/api/v1/outbox/{id}"), app.org())
        .await
        .expect(200)
        .json()
}

/// The token of the invitation mailed to Gareth.
fn invitation_token(mail: &outbox_message::Model) -> String {
    token_after(&mail.text_body, "invitations")
}

/// Answers an invitation as a program does: `accept` or `decline`, with a JSON body.
async fn answer(app: &TestApp, token: &str, answer: &str, body: &Value) {
    app.post(
        &format!("/invitations/{token}/{answer}"),
        As::Anonymous,
        body,
    )
    .await
    .expect(200);
}

/// The messages the organizers' mailbox was sent about declines.
async fn decline_notices(app: &TestApp) -> Vec<outbox_message::Model> {
    app.mails_to(&app.settings.mail.organizer_address, "invitation_declined")
        .await
}

/// The ids of the messages a page of the outbox links to, in order.
fn linked_messages(page: &str) -> Vec<i32> {
    page.split("href=\"/organize/outbox/")
        .skip(1)
        .filter_map(|rest| rest.split_once('"')?.0.parse().ok())
        .collect()
}

// ----- Reading one message -----

#[tokio::test]
async fn a_message_shows_its_headers_bodies_and_the_calendar_it_carries() {
    let app = spawn_app().await;
    let (_panel, mail) = invited_chair(&app).await;

    let queued = detail(&app, mail.id).await;
    assert_eq!(queued["id"], mail.id);
    assert_eq!(queued["kind"], "invitation");
    assert_eq!(queued["to"], format!("Mr Gareth EVANS <{GARETH}>"));
    assert_eq!(queued["subject"], mail.subject);
    assert_eq!(queued["status"], "queued");
    assert_eq!(queued["attempts"], 0);
    assert!(queued["last_error"].is_null());
    assert!(queued["sent_at"].is_null());
    assert!(queued["created_at"].is_string());
    assert_eq!(
        queued["text"], mail.text_body,
        "nothing withheld from an invitation"
    );
    assert_eq!(queued["html"], mail.html_body);
    assert!(
        queued["text"]
            .as_str()
            .unwrap()
            .contains("We hope you can join us.")
    );
    assert_eq!(
        queued["attachments"],
        json!([{"filename": "invite.ics", "content_type": "application/ics"}])
    );
    let keys: Vec<&String> = queued.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 12, "exactly the documented fields: {keys:?}");

    // Once delivered: sent, with a try, and the attachment is the one the mail carried.
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(deliver_to_files(&app, dir.path()).await, 1);
    let sent = detail(&app, mail.id).await;
    assert_eq!(sent["status"], "sent");
    assert_eq!(sent["attempts"], 1);
    assert!(sent["sent_at"].is_string());
    let eml = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .find(|text| text.contains(GARETH))
        .expect("the delivered message");
    assert!(eml.contains("Content-Type: application/ics; name=\"invite.ics\""));
    assert!(eml.contains("filename=\"invite.ics\""));
}

#[tokio::test]
async fn a_message_without_a_calendar_lists_no_attachment() {
    let app = spawn_app().await;
    let mail = setup_mail(&app).await;
    assert_eq!(detail(&app, mail.id).await["attachments"], json!([]));
}

#[tokio::test]
async fn only_organizers_read_a_message_and_an_unknown_one_is_not_found() {
    let app = spawn_app().await;
    let (_panel, mail) = invited_chair(&app).await;
    let path = format!("/api/v1/outbox/{}", mail.id);
    app.get(&path, As::Anonymous).await.expect(401);
    app.get(&path, app.member_token()).await.expect(403);
    app.get(&path, As::Token(&app.rapporteur)).await.expect(403);
    app.get(&path, As::Token(&app.admin)).await.expect(200);
    for unknown in [
        "/api/v1/outbox/999999",
        "/api/v1/outbox/first",
        "/api/v1/outbox/0",
    ] {
        let reply = app.get(unknown, app.org()).await.expect(404);
        assert_eq!(
            reply.headers["content-type"], "application/problem+json",
            "{unknown}"
        );
        assert_eq!(reply.json()["detail"], "Message not found");
    }
}

// ----- Links that sign in as the recipient -----

#[tokio::test]
async fn the_link_of_a_set_up_mail_is_withheld_from_organizers_but_delivered() {
    let app = spawn_app().await;
    let mail = setup_mail(&app).await;
    let token = token_after(&mail.text_body, "account/setup");
    assert!(token.len() > 20, "a real token: {token}");

    let shown = detail(&app, mail.id).await;
    let text = shown["text"].as_str().unwrap();
    let html = shown["html"].as_str().unwrap();
    for body in [text, html] {
        assert!(!body.contains(&token), "the token leaks: {body}");
        assert!(!body.contains("/account/setup/"), "{body}");
        assert!(body.contains(WITHHELD), "{body}");
    }
    assert!(
        !html.contains("Choose my password"),
        "no button is left pointing nowhere"
    );
    // The rest of the message is as sent.
    assert!(text.contains("Dear Luc Lamprière"));
    assert!(text.contains(&format!("{}/login", app.settings.public_url())));

    // The page shows no more than the API.
    let page = app
        .get(&format!("/organize/outbox/{}", mail.id), app.org())
        .await
        .page(200)
        .text();
    assert!(!page.contains(&token));
    assert!(page.contains("withheld"));

    // The stored message, which the worker delivers, keeps the link.
    let stored = app.last_mail_to("luc@example.org", "account_setup").await;
    assert!(stored.text_body.contains(&token));
    assert!(stored.html_body.contains(&token));
}

#[tokio::test]
async fn the_link_of_a_password_reset_mail_is_withheld_too() {
    let app = spawn_app().await;
    app.post(
        "/api/v1/auth/password-reset",
        As::Anonymous,
        &json!({"email": "member@example.org"}),
    )
    .await
    .expect(202);
    let mail = app
        .last_mail_to("member@example.org", "password_reset")
        .await;
    let token = token_after(&mail.text_body, "account/reset");
    let shown = detail(&app, mail.id).await;
    for field in ["text", "html"] {
        let body = shown[field].as_str().unwrap();
        assert!(!body.contains(&token), "{field}: {body}");
        assert!(body.contains(WITHHELD), "{field}: {body}");
    }
}

// ----- Sending a copy again -----

#[tokio::test]
async fn resending_queues_a_new_copy_and_leaves_the_original_as_it_was() {
    let app = spawn_app().await;
    let (_panel, mail) = invited_chair(&app).await;
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(deliver_to_files(&app, dir.path()).await, 1);
    let original = app.last_mail_to(GARETH, "invitation").await;
    assert_eq!(original.status.as_str(), "sent");

    let reply = app
        .post(
            &format!("/api/v1/outbox/{}/resend", mail.id),
            app.org(),
            &json!({}),
        )
        .await
        .expect(202);
    let copy = reply.json();
    assert_ne!(copy["id"], mail.id);
    assert_eq!(copy["status"], "queued");
    assert_eq!(copy["attempts"], 0);
    assert!(copy["sent_at"].is_null());
    assert_eq!(copy["to"], format!("Mr Gareth EVANS <{GARETH}>"));
    assert_eq!(copy["attachments"][0]["filename"], "invite.ics");

    let rows = app.mails_to(GARETH, "invitation").await;
    assert_eq!(rows.len(), 2, "a new row");
    assert_eq!(rows[0], original, "the original is unchanged");
    let new = &rows[1];
    assert_eq!(i64::from(new.id), copy["id"].as_i64().unwrap());
    assert_eq!(new.recipient_name, original.recipient_name);
    assert_eq!(new.subject, original.subject);
    assert_eq!(new.text_body, original.text_body);
    assert_eq!(new.html_body, original.html_body);
    assert_eq!(new.ics_method, original.ics_method);
    assert_eq!(new.ics, original.ics);
    assert_eq!(new.event_id, original.event_id);
    assert_eq!(new.person_id, original.person_id);
    assert_eq!(new.status.as_str(), "queued");
    assert!(new.not_before <= chrono::Utc::now(), "goes out at once");

    // The copy goes out; the original is not sent again.
    assert_eq!(deliver_to_files(&app, dir.path()).await, 1);
    assert_eq!(detail(&app, new.id).await["status"], "sent");
    assert_eq!(app.last_mail_to(GARETH, "invitation").await.id, new.id);

    // Who asked is on record.
    let audit = app
        .get(
            &format!("/api/v1/audit?entity=outbox&entity_id={}", new.id),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(audit["total"], 1);
    let entry = &audit["items"][0];
    assert_eq!(entry["action"], "resend");
    assert_eq!(entry["user_email"], "organizer@example.org");
    assert_eq!(entry["detail"]["copy_of"], mail.id);
}

#[tokio::test]
async fn account_mails_are_never_resent_and_the_refusal_says_what_to_do() {
    let app = spawn_app().await;
    let setup = setup_mail(&app).await;
    app.post(
        "/api/v1/auth/password-reset",
        As::Anonymous,
        &json!({"email": "member@example.org"}),
    )
    .await
    .expect(202);
    let reset = app
        .last_mail_to("member@example.org", "password_reset")
        .await;
    let messages = app.count("outbox").await;
    let audited = app.count("audit_log").await;

    for (mail, advice) in [
        (&setup, "Send the set-up mail again"),
        (&reset, "Forgot your password?"),
    ] {
        let reply = app
            .post(
                &format!("/api/v1/outbox/{}/resend", mail.id),
                app.org(),
                &json!({}),
            )
            .await
            .expect(409);
        assert_eq!(reply.headers["content-type"], "application/problem+json");
        let detail = reply.json()["detail"].as_str().unwrap().to_string();
        assert!(detail.contains(advice), "{detail}");
    }
    assert_eq!(app.count("outbox").await, messages, "nothing queued");
    assert_eq!(app.count("audit_log").await, audited, "nothing recorded");
}

#[tokio::test]
async fn only_organizers_resend_and_an_unknown_message_is_not_found() {
    let app = spawn_app().await;
    let (_panel, mail) = invited_chair(&app).await;
    let path = format!("/api/v1/outbox/{}/resend", mail.id);
    app.post(&path, As::Anonymous, &json!({})).await.expect(401);
    app.post(&path, app.member_token(), &json!({}))
        .await
        .expect(403);
    let reply = app
        .post("/api/v1/outbox/999999/resend", app.org(), &json!({}))
        .await
        .expect(404);
    assert_eq!(reply.headers["content-type"], "application/problem+json");
    assert_eq!(app.count("outbox").await, 1, "nothing queued");
}

#[tokio::test]
async fn the_openapi_document_says_a_resend_answers_202() {
    let app = spawn_app().await;
    let document = app
        .get("/api/openapi.json", As::Anonymous)
        .await
        .expect(200)
        .json();
    let resend = &document["paths"]["/api/v1/outbox/{id}/resend"]["post"]["responses"];
    assert!(resend.get("202").is_some(), "{resend}");
    assert!(resend.get("409").is_some(), "{resend}");
    let detail = &document["paths"]["/api/v1/outbox/{id}"]["get"]["responses"];
    assert!(detail.get("200").is_some() && detail.get("404").is_some());
}

// ----- The pages -----

#[tokio::test]
async fn the_outbox_page_filters_by_status_and_kind_in_words() {
    let app = spawn_app().await;
    let (_panel, invitation) = invited_chair(&app).await;
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(deliver_to_files(&app, dir.path()).await, 1);
    let setup = setup_mail(&app).await;
    let browser = app.organizer_browser().await;

    let all = app
        .get_page("/organize/outbox", Some(&browser))
        .await
        .page(200)
        .text();
    assert_eq!(linked_messages(&all), [setup.id, invitation.id]);
    assert!(all.contains("Account set-up"), "kinds in words");
    assert!(all.contains("<option value=\"account_setup\">Account set-up</option>"));

    let setups = app
        .get_page("/organize/outbox?kind=account_setup", Some(&browser))
        .await
        .page(200)
        .text();
    assert_eq!(linked_messages(&setups), [setup.id]);
    assert!(setups.contains("<option value=\"account_setup\" selected>"));
    assert!(setups.contains("1 message."));
    // The status links keep the kind chosen.
    assert!(setups.contains("href=\"/organize/outbox?status=sent&#38;kind=account_setup\""));

    let sent = app
        .get_page("/organize/outbox?status=sent", Some(&browser))
        .await
        .page(200)
        .text();
    assert_eq!(linked_messages(&sent), [invitation.id]);
    let sent_setups = app
        .get_page(
            "/organize/outbox?status=sent&kind=account_setup",
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(linked_messages(&sent_setups).is_empty());
    assert!(sent_setups.contains("0 messages."));
    assert!(sent_setups.contains("<input type=\"hidden\" name=\"status\" value=\"sent\">"));

    // The API filters the same way.
    let listed = app
        .get("/api/v1/outbox?kind=invitation", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["id"], invitation.id);
    let bad = app.get("/api/v1/outbox?kind=postcard", app.org()).await;
    assert_eq!(bad.error_fields(), ["kind"]);
}

#[tokio::test]
async fn a_message_page_shows_the_text_the_html_sandboxed_and_the_attachments() {
    let app = spawn_app().await;
    let (panel, mail) = invited_chair(&app).await;
    let browser = app.organizer_browser().await;
    let page = app
        .get_page(&format!("/organize/outbox/{}", mail.id), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(page.contains("Mr Gareth EVANS &#60;gareth.evans@example.org&#62;"));
    assert!(page.contains("Invitation"));
    assert!(page.contains("Queued"));
    assert!(page.contains("We hope you can join us."), "the text body");
    assert!(page.contains("invite.ics"), "the attachment");
    assert!(page.contains("application/ics"));
    assert!(
        page.contains("(CET)") || page.contains("(CEST)"),
        "times in the event's zone, with the zone"
    );
    assert!(page.contains(&format!("href=\"/organize/events/{}\"", panel.event)));
    // The HTML is shown in a sandbox that runs nothing, never as part of the page.
    let iframe = page
        .split("<iframe")
        .nth(1)
        .expect("an iframe")
        .split('>')
        .next()
        .unwrap()
        .to_string();
    assert!(iframe.contains(" sandbox=\"\""), "{iframe}");
    assert!(
        iframe.contains("srcdoc=\"&#60;!doctype html&#62;"),
        "{iframe}"
    );
    assert!(!iframe.contains("allow-scripts"));
    assert_eq!(
        page.matches("<blockquote style=\"margin:0 0 16px").count(),
        0,
        "the mail's own markup is escaped"
    );
    // A resend button, as a form with the CSRF field.
    assert!(page.contains(&format!("action=\"/organize/outbox/{}/resend\"", mail.id)));
    assert!(page.contains("name=\"_csrf\""));

    // Other visitors are kept out.
    let path = format!("/organize/outbox/{}", mail.id);
    app.get(&path, app.member_token()).await.page(403);
    let anonymous = app.get(&path, As::Anonymous).await;
    assert_eq!(anonymous.status.as_u16(), 303);
    assert!(anonymous.location().starts_with("/login"));
    app.get_page("/organize/outbox/999999", Some(&browser))
        .await
        .page(404);
}

#[tokio::test]
async fn html_of_a_message_never_runs_on_the_page() {
    let app = spawn_app().await;
    let row = roundtable::mail::outbox::enqueue_alone(
        &app.db,
        roundtable::mail::Envelope {
            kind: roundtable::mail::MailKind::Invitation,
            recipient_email: "x@example.org".into(),
            recipient_name: "X".into(),
            subject: "Hello".into(),
            text: "Hello".into(),
            html: "<p>Hi</p><script>alert(\"owned\")</script><img src=x onerror=alert(1)>".into(),
            calendar: None,
            event_id: None,
            session_id: None,
            person_id: None,
            coalesce_key: None,
            delay: chrono::Duration::zero(),
        },
    )
    .await
    .unwrap();
    let page = app
        .get(&format!("/organize/outbox/{}", row.id), app.org())
        .await
        .page(200)
        .text();
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("<img src=x"));
    assert!(page.contains("&#60;script&#62;alert(&#34;owned&#34;)&#60;/script&#62;"));
    assert!(page.contains("(UTC)"), "a message about no event shows UTC");
}

#[tokio::test]
async fn the_resend_button_queues_a_copy_and_shows_it() {
    let app = spawn_app().await;
    let (_panel, mail) = invited_chair(&app).await;
    let browser = app.organizer_browser().await;
    let reply = app
        .submit(
            &format!("/organize/outbox/{}/resend", mail.id),
            &browser,
            &[],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 303, "{}", reply.text());
    let rows = app.mails_to(GARETH, "invitation").await;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], mail, "the original is unchanged");
    assert_eq!(reply.location(), format!("/organize/outbox/{}", rows[1].id));
    let flash = reply
        .set_cookie("roundtable_flash")
        .expect("a confirmation");
    assert!(flash.contains("queued"), "{flash}");

    // Without the CSRF field, nothing is sent.
    app.post_form(
        &format!("/organize/outbox/{}/resend", mail.id),
        Some(&browser),
        &[],
    )
    .await
    .page(403);
    assert_eq!(app.mails_to(GARETH, "invitation").await.len(), 2);
}

#[tokio::test]
async fn the_resend_button_of_a_set_up_mail_shows_the_refusal_on_the_page() {
    let app = spawn_app().await;
    let mail = setup_mail(&app).await;
    let browser = app.organizer_browser().await;
    let page = app
        .get_page(&format!("/organize/outbox/{}", mail.id), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        !page.contains(&format!("action=\"/organize/outbox/{}/resend\"", mail.id)),
        "no button that cannot work"
    );
    assert!(page.contains("Send the set-up mail again"));

    let messages = app.count("outbox").await;
    let refused = app
        .submit(
            &format!("/organize/outbox/{}/resend", mail.id),
            &browser,
            &[],
        )
        .await
        .page(409)
        .text();
    assert!(refused.contains("This message was not sent again"));
    assert!(refused.contains("/organize/accounts"));
    assert_eq!(app.count("outbox").await, messages);
}

// ----- The organizers told of a decline -----

#[tokio::test]
async fn a_decline_tells_the_organizers_once_with_a_link_to_the_workspace() {
    let app = spawn_app().await;
    let (panel, mail) = invited_chair(&app).await;
    let token = invitation_token(&mail);
    assert!(decline_notices(&app).await.is_empty());

    answer(
        &app,
        &token,
        "decline",
        &json!({"message": "I am in New York that week; my deputy could come."}),
    )
    .await;
    let notices = decline_notices(&app).await;
    assert_eq!(notices.len(), 1);
    let notice = &notices[0];
    assert_eq!(notice.recipient_email, app.settings.mail.organizer_address);
    assert_eq!(notice.recipient_name, app.settings.mail.organizer_name);
    assert_eq!(
        notice.subject,
        "Declined: Mr Gareth EVANS, chair at Panel (Making a difference)"
    );
    let workspace = format!(
        "{}/organize/events/{}",
        app.settings.public_url(),
        panel.event
    );
    for body in [&notice.text_body, &notice.html_body] {
        assert!(body.contains("Mr Gareth EVANS"), "{body}");
        assert!(body.contains(GARETH), "{body}");
        assert!(body.contains("chair"), "{body}");
        assert!(body.contains("Panel"), "{body}");
        assert!(body.contains("Making a difference"), "{body}");
        assert!(body.contains("my deputy could come"), "{body}");
        assert!(body.contains(&workspace), "{body}");
    }
    assert!(
        notice
            .text_body
            .contains("Wednesday 3 June 2009, 14:00 (CEST)")
    );
    assert_eq!(i64::from(notice.event_id.unwrap()), panel.event_id);

    // The same answer again tells nobody; accepting tells nobody either.
    answer(&app, &token, "decline", &json!({})).await;
    answer(&app, &token, "accept", &json!({})).await;
    assert_eq!(decline_notices(&app).await.len(), 1);
    // Declining after accepting is news again.
    answer(&app, &token, "decline", &json!({})).await;
    let notices = decline_notices(&app).await;
    assert_eq!(notices.len(), 2);
    assert!(!notices[1].text_body.contains("Their message"));
}

#[tokio::test]
async fn accepting_tells_the_organizers_nothing() {
    let app = spawn_app().await;
    let (_panel, mail) = invited_chair(&app).await;
    let before = app.count("outbox").await;
    answer(&app, &invitation_token(&mail), "accept", &json!({})).await;
    assert!(decline_notices(&app).await.is_empty());
    assert_eq!(app.count("outbox").await, before);
}

#[tokio::test]
async fn declining_from_the_invitation_page_sends_the_invitees_word() {
    let app = spawn_app().await;
    let (_panel, mail) = invited_chair(&app).await;
    let token = invitation_token(&mail);
    let visitor = app.visitor().await;
    let page = app
        .get_page(
            &format!("/invitations/{token}?answer=decline"),
            Some(&visitor),
        )
        .await
        .page(200)
        .text();
    assert!(page.contains("name=\"message\""), "a box for a word");
    let reply = app
        .submit(
            &format!("/invitations/{token}/decline"),
            &visitor,
            &[("message", "Sorry <b>not</b> this time.")],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 303, "{}", reply.text());
    let notices = decline_notices(&app).await;
    assert_eq!(notices.len(), 1);
    assert!(notices[0].text_body.contains("Sorry <b>not</b> this time."));
    assert!(
        notices[0]
            .html_body
            .contains("Sorry &#60;b&#62;not&#60;/b&#62; this time.")
    );
    // Once declined, the page no longer offers to send a word.
    let page = app
        .get_page(&format!("/invitations/{token}"), Some(&visitor))
        .await
        .page(200)
        .text();
    assert!(!page.contains("name=\"message\""));
}

#[tokio::test]
async fn a_decline_with_an_overlong_word_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let (panel, mail) = invited_chair(&app).await;
    let token = invitation_token(&mail);
    let reply = app
        .post(
            &format!("/invitations/{token}/decline"),
            As::Anonymous,
            &json!({"message": "x".repeat(2001)}),
        )
        .await;
    assert_eq!(reply.error_fields(), ["message"]);
    assert!(decline_notices(&app).await.is_empty());
    let invitations = app
        .get(
            &format!("/api/v1/events/{}/invitations", panel.event),
            app.org(),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(invitations["items"][0]["status"], "invited");
}

/// A flash message as the next page shows it.
fn flash_text(reply: &common::Reply) -> String {
    let raw = reply
        .set_cookie(common::FLASH_COOKIE)
        .expect("a confirmation");
    percent_encoding::percent_decode_str(&raw)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

#[tokio::test]
async fn the_outbox_speaks_the_organizers_language() {
    let app = spawn_app().await;
    let (_panel, invitation) = invited_chair(&app).await;
    let setup = setup_mail(&app).await;
    let browser = app.organizer_browser().await;

    let french = app
        .get_page("/organize/outbox?lang=fr", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(french.contains("<h1>Boîte d’envoi</h1>"), "{french}");
    assert!(french.contains("<option value=\"account_setup\">Création de compte</option>"));
    assert!(french.contains("<th scope=\"col\">Destinataire</th>"));
    assert!(french.contains("En attente (2)"), "{french}");
    assert!(french.contains("2 messages."));

    let spanish = app
        .get_page(
            &format!("/organize/outbox/{}?lang=es", invitation.id),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(
        spanish.contains("<button type=\"submit\">Reenviar</button>"),
        "{spanish}"
    );
    assert!(spanish.contains("data-confirm=\"¿Enviar de nuevo una copia de este mensaje a "));
    assert!(spanish.contains("<dt>Destinatario</dt>"));
    assert!(spanish.contains("Todavía no: sale el "), "{spanish}");
    let refusal = app
        .get_page(
            &format!("/organize/outbox/{}?lang=es", setup.id),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(
        refusal.contains("Un correo de configuración de cuenta nunca se envía dos veces"),
        "{refusal}"
    );

    // Sent again, confirmed in French; a set-up mail refused in French.
    let french_browser = format!("{browser}; roundtable_lang=fr");
    let reply = app
        .submit(
            &format!("/organize/outbox/{}/resend", invitation.id),
            &french_browser,
            &[],
        )
        .await;
    assert_eq!(reply.status.as_u16(), 303, "{}", reply.text());
    assert_eq!(
        flash_text(&reply),
        format!(
            "Une copie attend l’envoi pour {GARETH} : la voici, elle part dans un instant. L’original reste inchangé."
        )
    );
    let refused = app
        .submit(
            &format!("/organize/outbox/{}/resend", setup.id),
            &french_browser,
            &[],
        )
        .await
        .page(409)
        .text();
    assert!(
        refused.contains("<h2>Ce message n’a pas été renvoyé</h2>"),
        "{refused}"
    );
    assert!(refused.contains("n’est jamais envoyé deux fois"));

    // English stays English.
    let english = app
        .get_page("/organize/outbox", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(english.contains("<h1>Outbox</h1>"));
    assert!(english.contains("<option value=\"account_setup\">Account set-up</option>"));
    assert!(english.contains("Queued (3)"), "{english}");
}
