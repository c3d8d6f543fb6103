//! Membership: people apply at `/join` or through the API; organizers approve (a member
//! account and its set-up mail) or reject (a polite mail).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{As, TestApp, spawn_app, token_after};
use serde_json::{Value, json};

fn application() -> Value {
    json!({
        "given_name": "Ana",
        "family_name": "Ñúñez",
        "email": "Ana@CRIES.example.org",
        "organization": "CRIES",
        "country": "AR",
        "motivation": "We ran the Buenos Aires roundtable in 2008.",
        "consent": true
    })
}

async fn apply(app: &TestApp, body: &Value) -> common::Reply {
    app.post("/api/v1/members/applications", As::Anonymous, body)
        .await
}

async fn pending(app: &TestApp) -> Vec<Value> {
    app.get("/api/v1/members/applications?status=pending", app.org())
        .await
        .expect(200)
        .json()["items"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn an_approved_applicant_sets_a_password_and_signs_in_as_a_member() {
    let app = spawn_app().await;
    let received = apply(&app, &application()).await.expect(202).json();
    assert_eq!(received["status"], "received");
    // The organizers' mailbox hears of it, with the way to decide.
    let notice = app
        .last_mail_to(
            &app.settings.mail.organizer_address,
            "membership_application",
        )
        .await;
    assert!(notice.subject.contains("Ana Ñúñez"), "{}", notice.subject);
    assert!(notice.text_body.contains("Buenos Aires roundtable"));
    assert!(notice.text_body.contains("/organize/accounts#applications"));

    let list = pending(&app).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["email"], "ana@cries.example.org");
    assert_eq!(list[0]["organization"], "CRIES");
    assert_eq!(list[0]["country"], "AR");
    assert_eq!(list[0]["status"], "pending");
    assert!(list[0]["created_at"].is_string());
    let id = list[0]["id"].as_i64().unwrap();

    let decided = app
        .post(
            &format!("/api/v1/members/applications/{id}/approve"),
            app.org(),
            &json!({}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(decided["status"], "approved");
    assert!(decided["user_id"].is_i64());
    let mail = app
        .last_mail_to("ana@cries.example.org", "account_setup")
        .await;
    assert!(
        mail.subject.contains("membership was approved"),
        "{}",
        mail.subject
    );
    let token = token_after(&mail.text_body, "account/setup");
    app.post(
        &format!("/api/v1/auth/setup/{token}"),
        As::Anonymous,
        &json!({"password": "a long member password"}),
    )
    .await
    .expect(204);
    let browser = app
        .sign_in("ana@cries.example.org", "a long member password")
        .await;
    let me = app
        .get("/api/v1/auth/me", As::Cookie(&browser))
        .await
        .expect(200)
        .json();
    assert_eq!(me["role"], "member");
    assert_eq!(me["name"], "Ana Ñúñez");
    // Decided once.
    app.post(
        &format!("/api/v1/members/applications/{id}/approve"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(409);
    app.post(
        &format!("/api/v1/members/applications/{id}/reject"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(409);
    assert!(pending(&app).await.is_empty());
}

#[tokio::test]
async fn a_rejected_applicant_gets_a_polite_mail_with_the_organizers_note() {
    let app = spawn_app().await;
    apply(&app, &application()).await.expect(202);
    let id = pending(&app).await[0]["id"].as_i64().unwrap();
    let decided = app
        .post(
            &format!("/api/v1/members/applications/{id}/reject"),
            app.org(),
            &json!({"note": "Membership is open to organizations; your organization may apply."}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(decided["status"], "rejected");
    let mail = app
        .last_mail_to("ana@cries.example.org", "membership_rejected")
        .await;
    assert!(
        mail.text_body.starts_with("Dear Ana Ñúñez,"),
        "{}",
        mail.text_body
    );
    assert!(mail.text_body.contains("Thank you for your interest"));
    assert!(mail.text_body.contains("your organization may apply"));
    assert_eq!(app.count("users").await, 4, "no account");
    let rejected = app
        .get("/api/v1/members/applications?status=rejected", app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(rejected["total"], 1);
    // A reject without a body is fine too.
    apply(
        &app,
        &json!({"given_name": "B", "family_name": "C", "email": "b@example.org", "organization": "X", "consent": true}),
    )
    .await
    .expect(202);
    let id = pending(&app).await[0]["id"].as_i64().unwrap();
    app.request(
        axum::http::Method::POST,
        &format!("/api/v1/members/applications/{id}/reject"),
        app.org(),
        None,
        None,
    )
    .await
    .expect(200);
}

#[tokio::test]
async fn an_application_names_every_bad_field_and_writes_nothing() {
    let app = spawn_app().await;
    let reply = apply(
        &app,
        &json!({"given_name": "", "email": "nope", "country": "XX", "consent": false}),
    )
    .await;
    assert_eq!(
        reply.error_fields(),
        [
            "given_name",
            "family_name",
            "email",
            "organization",
            "country",
            "consent"
        ]
    );
    apply(&app, &json!({"given_name": "A", "extra": 1}))
        .await
        .expect(422);
    app.post_raw("/api/v1/members/applications", As::Anonymous, "[1]")
        .await
        .expect(400);
    assert_eq!(app.count("membership_applications").await, 0);
    assert_eq!(app.count("outbox").await, 0);
}

#[tokio::test]
async fn applying_again_while_waiting_changes_nothing_and_says_nothing_of_accounts() {
    let app = spawn_app().await;
    apply(&app, &application()).await.expect(202);
    let again = apply(&app, &application()).await.expect(202);
    assert_eq!(app.count("membership_applications").await, 1);
    // An address that has an account gets the same answer.
    let mut existing = application();
    existing["email"] = json!("member@example.org");
    let answer = apply(&app, &existing).await.expect(202);
    assert_eq!(answer.body, again.body);
    // Approving it would make a second account: refused, and said why.
    let id = pending(&app)
        .await
        .iter()
        .find(|a| a["email"] == "member@example.org")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let refused = app
        .post(
            &format!("/api/v1/members/applications/{id}/approve"),
            app.org(),
            &json!({}),
        )
        .await
        .expect(409);
    assert!(
        refused.json()["detail"]
            .as_str()
            .unwrap()
            .contains("already has an account")
    );
}

#[tokio::test]
async fn only_organizers_see_and_decide_applications() {
    let app = spawn_app().await;
    apply(&app, &application()).await.expect(202);
    let id = pending(&app).await[0]["id"].as_i64().unwrap();
    for who in [As::Token(&app.member), As::Token(&app.rapporteur)] {
        app.get("/api/v1/members/applications", who)
            .await
            .expect(403);
        app.post(
            &format!("/api/v1/members/applications/{id}/approve"),
            who,
            &json!({}),
        )
        .await
        .expect(403);
    }
    app.get("/api/v1/members/applications", As::Anonymous)
        .await
        .expect(401);
    app.post(
        "/api/v1/members/applications/999999/approve",
        app.org(),
        &json!({}),
    )
    .await
    .expect(404);
    app.get("/api/v1/members/applications?status=maybe", app.org())
        .await
        .expect(422);
}

#[tokio::test]
async fn the_join_page_keeps_what_was_typed_and_the_workspace_decides() {
    let app = spawn_app().await;
    let jar = app.visitor().await;
    let form = app.get_page("/join", Some(&jar)).await.page(200).text();
    assert!(form.contains("Apply for membership"));
    let refused = app
        .submit(
            "/join",
            &jar,
            &[
                ("given_name", "Ana"),
                ("family_name", "Ñúñez"),
                ("email", "ana@cries.example.org"),
                ("organization", "CRIES"),
                ("motivation", "Buenos Aires"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(
        refused.contains("Your application was not sent"),
        "{refused}"
    );
    assert!(
        refused.contains("value=\"Ñúñez\""),
        "what was typed is kept"
    );
    assert!(refused.contains("Must be given to apply."), "{refused}");
    let sent = app
        .submit(
            "/join",
            &jar,
            &[
                ("given_name", "Ana"),
                ("family_name", "Ñúñez"),
                ("email", "ana@cries.example.org"),
                ("organization", "CRIES"),
                ("country", "AR"),
                ("motivation", "Buenos Aires"),
                ("consent", "true"),
            ],
        )
        .await
        .page(200)
        .text();
    assert!(sent.contains("your application is received"), "{sent}");

    let browser = app.organizer_browser().await;
    let page = app
        .get_page("/organize/accounts", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        page.contains("Ana Ñúñez") && page.contains("1 waiting"),
        "{page}"
    );
    let dashboard = app
        .get_page("/organize", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(dashboard.contains("1 to decide"), "{dashboard}");
    let id = pending(&app).await[0]["id"].as_i64().unwrap();
    let done = app
        .submit(
            &format!("/organize/applications/{id}"),
            &browser,
            &[("action", "approve")],
        )
        .await
        .expect(303);
    assert_eq!(done.location(), "/organize/accounts#applications");
    assert_eq!(
        app.mails_to("ana@cries.example.org", "account_setup")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn the_join_page_and_the_decisions_read_in_the_readers_language() {
    let app = spawn_app().await;
    let english = app.get_page("/join", None).await.page(200).text();
    assert!(
        english.contains("<h1>Apply for membership</h1>"),
        "{english}"
    );
    assert!(
        english.contains(">Send my application</button>"),
        "{english}"
    );
    let jar = format!("{}; roundtable_lang=es", app.visitor().await);
    let form = app.get_page("/join", Some(&jar)).await.page(200).text();
    for text in [
        "<h1>Solicitar la adhesión</h1>",
        ">Enviar mi solicitud</button>",
        "¿Por qué desea unirse?",
        ">Apellido <span",
    ] {
        assert!(form.contains(text), "{text} in {form}");
    }
    let refused = app
        .submit(
            "/join",
            &jar,
            &[
                ("given_name", "Ana"),
                ("family_name", "Ñúñez"),
                ("email", "ana@cries.example.org"),
                ("organization", "CRIES"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(refused.contains("No se envió su solicitud"), "{refused}");
    assert!(
        refused.contains("Es necesario para presentar la solicitud."),
        "{refused}"
    );
    let sent = app
        .submit(
            "/join",
            &jar,
            &[
                ("given_name", "Ana"),
                ("family_name", "Ñúñez"),
                ("email", "ana@cries.example.org"),
                ("organization", "CRIES"),
                ("consent", "true"),
            ],
        )
        .await
        .page(200)
        .text();
    assert!(
        sent.contains("Gracias: hemos recibido su solicitud"),
        "{sent}"
    );

    // The organizer decides in French.
    let browser = format!("{}; roundtable_lang=fr", app.organizer_browser().await);
    let page = app
        .get_page("/organize/accounts", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        page.contains("Candidatures d’adhésion (1 en attente)"),
        "{page}"
    );
    assert!(page.contains(">Accepter : créer un compte de membre</button>"));
    let id = pending(&app).await[0]["id"].as_i64().unwrap();
    let done = app
        .submit(
            &format!("/organize/applications/{id}"),
            &browser,
            &[("action", "reject"), ("note", "Merci.")],
        )
        .await
        .expect(303);
    let browser = common::with_cookies_from(&browser, &done);
    let after = app
        .get_page("/organize/accounts", Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        after.contains(
            "La candidature de Ana Ñúñez est refusée ; la personne en est informée par courriel."
        ),
        "{after}"
    );
    assert!(after.contains(">Refusée</span>"), "{after}");
    // The applicant applied in Spanish: the refusal is written in Spanish.
    let mail = app
        .last_mail_to("ana@cries.example.org", "membership_rejected")
        .await;
    assert!(
        mail.subject.starts_with("Su solicitud de adhesión a "),
        "{}",
        mail.subject
    );
    assert!(
        mail.text_body.starts_with("Estimado/a Ana Ñúñez:"),
        "{}",
        mail.text_body
    );
    assert!(mail.text_body.contains("Merci."));
}

#[tokio::test]
async fn an_applicant_is_answered_in_the_language_they_applied_in() {
    let app = spawn_app().await;
    let mut body = application();
    body["language"] = json!("fr");
    apply(&app, &body).await.expect(202);
    let list = pending(&app).await;
    assert_eq!(list[0]["language"], "fr");
    let id = list[0]["id"].as_i64().unwrap();
    app.post(
        &format!("/api/v1/members/applications/{id}/approve"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);
    let mail = app
        .last_mail_to("ana@cries.example.org", "account_setup")
        .await;
    assert_eq!(mail.subject, "Bienvenue : votre adhésion a été acceptée");
    // A language the interface does not speak is refused, naming the field.
    body["language"] = json!("de");
    body["email"] = json!("other@example.org");
    let refused = apply(&app, &body).await.expect(422);
    assert_eq!(refused.error_fields(), ["language"]);
}
