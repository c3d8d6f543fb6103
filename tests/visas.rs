//! Visa invitation letters: a confirmed registrant asks with their passport details, an
//! organizer refuses (the reason is mailed) or approves, the registrant downloads the
//! letter. The passport details are sealed in the database (not in the file, not in a
//! column in clear), absent from logs, mails, exports and the API for anyone but
//! organizers, and erased with the retention period; `serve` refuses to start with visa
//! letters enabled and no key. Runs on SQLite, or on PostgreSQL when
//! `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::sync::{Mutex, OnceLock};

use common::fixtures::slug;
use common::{As, TestApp, spawn_app_with, token_after};
use serde_json::{Value, json};

const KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const PASSPORT: &str = "B7Q4401ZK";

/// Everything this test process logs, at every level.
fn logs() -> &'static Mutex<Vec<u8>> {
    static LOGS: OnceLock<Mutex<Vec<u8>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        struct Sink;
        impl Write for Sink {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                logs().lock().unwrap().extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let _ = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(|| Sink)
            .try_init();
        Mutex::new(Vec::new())
    })
}

async fn app_with_visas() -> TestApp {
    logs();
    spawn_app_with(|s| {
        s.visa_letters.enabled = true;
        s.visa_letters.key = KEY.into();
        s.letterhead.organization = "Global Centre for the Responsibility to Protect".into();
        s.letterhead.signatory = "Simon Adams".into();
        s.letterhead.city = "New York".into();
    })
    .await
}

/// A conference to come in Brussels, and Aisha's registration token.
async fn registered(app: &TestApp) -> (String, String, i64) {
    let slug = slug(
        &app.event_with(json!({"title": "Brussels conference", "subtitle": null,
                               "starts_on": "2037-06-03", "ends_on": "2037-06-04",
                               "venue": "Charlemagne building", "city": "Brussels", "country": "BE"}))
            .await,
    );
    app.publish(&slug).await;
    let id = app
        .post(
            &format!("/api/v1/events/{slug}/registrations"),
            As::Anonymous,
            &json!({"given_name": "Aisha", "family_name": "Nakato", "email": "aisha@example.org",
                    "organization": "Refugee Law Project", "consent": true}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let mail = app
        .last_mail_to("aisha@example.org", "registration_confirmed")
        .await;
    (slug, token_after(&mail.text_body, "registrations"), id)
}

fn passport() -> Value {
    json!({"passport_name": "NAKATO Aisha", "passport_number": PASSPORT, "nationality": "UG",
           "date_of_birth": "1985-03-02", "passport_expiry": "2040-01-01"})
}

async fn ask(app: &TestApp, token: &str, body: &Value) -> common::Reply {
    app.post(
        &format!("/registrations/{token}/visa-letter"),
        As::Anonymous,
        body,
    )
    .await
}

#[tokio::test]
async fn serve_refuses_to_start_with_visa_letters_and_no_key() {
    let mut settings = roundtable::config::Settings::defaults().ok().unwrap();
    settings.database.url = "sqlite::memory:".into();
    settings.server.bind = "127.0.0.1:0".into();
    settings.visa_letters.enabled = true;
    let err = roundtable::app::Application::build(settings.clone())
        .await
        .err()
        .expect("no start without a key");
    assert!(
        err.to_string()
            .contains("no key seals the passport details"),
        "{err}"
    );
    settings.visa_letters.key = "c2hvcnQ=".into();
    let err = roundtable::app::Application::build(settings.clone())
        .await
        .err()
        .expect("no start with a bad key");
    assert!(err.to_string().contains("32 bytes"), "{err}");
    settings.visa_letters.key = KEY.into();
    assert!(roundtable::app::Application::build(settings).await.is_ok());
}

#[tokio::test]
async fn a_letter_is_asked_refused_asked_again_approved_and_downloaded() {
    let app = app_with_visas().await;
    let (slug, token, id) = registered(&app).await;
    let pdf_path = format!("/registrations/{token}/visa-letter.pdf");
    app.get(&pdf_path, As::Anonymous).await.expect(404);

    // A mistake is refused, naming the fields; nothing is written.
    let mut wrong = passport();
    wrong["nationality"] = json!("Uganda");
    wrong["passport_expiry"] = json!("2037-06-01");
    let refused = ask(&app, &token, &wrong).await.expect(422);
    assert_eq!(refused.error_fields(), ["nationality", "passport_expiry"]);
    assert_eq!(app.count("visa_requests").await, 0);
    let asked = ask(&app, &token, &passport()).await.expect(202).json();
    assert_eq!(asked, json!({"status": "pending"}));

    // Organizers see the details; no one else does.
    let list_path = format!("/api/v1/events/{slug}/visa-letters");
    let list = app.get(&list_path, app.org()).await.expect(200).json();
    assert_eq!(list[0]["passport"]["passport_number"], PASSPORT);
    assert_eq!(list[0]["status"], "pending");
    app.get(&list_path, As::Anonymous).await.expect(401);
    app.get(&list_path, app.member_token()).await.expect(403);

    // Refused, with a reason (required), mailed; asked again; approved.
    let reject = format!("/api/v1/registrations/{id}/visa-letter/reject");
    let approve = format!("/api/v1/registrations/{id}/visa-letter/approve");
    let no_reason = app.post(&reject, app.org(), &json!({})).await.expect(422);
    assert_eq!(no_reason.error_fields(), ["reason"]);
    app.post(&approve, app.member_token(), &json!({}))
        .await
        .expect(403);
    app.post(
        &reject,
        app.org(),
        &json!({"reason": "The passport expires too soon."}),
    )
    .await
    .expect(200);
    let mail = app
        .last_mail_to("aisha@example.org", "visa_letter_refused")
        .await;
    assert!(mail.text_body.contains("The passport expires too soon."));
    let page = app
        .get_page(&format!("/registrations/{token}"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("The passport expires too soon."));
    assert!(page.contains("Send the request again"));
    ask(&app, &token, &passport()).await.expect(202);
    let approved = app
        .post(&approve, app.org(), &json!({}))
        .await
        .expect(200)
        .json();
    assert_eq!(approved["status"], "approved");
    app.post(&approve, app.org(), &json!({})).await.expect(409);
    ask(&app, &token, &passport()).await.expect(409);
    let mail = app
        .last_mail_to("aisha@example.org", "visa_letter_approved")
        .await;
    let link = token_after(&mail.text_body, "registrations");
    let pdf = app
        .get(
            &format!("/registrations/{link}/visa-letter.pdf"),
            As::Anonymous,
        )
        .await
        .expect(200);
    assert!(pdf.body.starts_with(b"%PDF-"));
    assert_eq!(pdf.headers["cache-control"], "private, no-store");

    // What the letter says.
    let (job, _) = roundtable::visas::service::letter(&app.db, &app.settings, &token)
        .await
        .unwrap();
    let text = job.page_texts().unwrap().join(" ");
    for expected in [
        "Global Centre for the Responsibility to Protect",
        "NAKATO Aisha",
        PASSPORT,
        "Uganda",
        "2 March 1985",
        "1 January 2040",
        "Brussels conference",
        "Charlemagne building, Brussels, Belgium",
        "3–4 June 2037",
        "Simon Adams",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }

    // Nowhere else: not in clear in the database, the mails, the audit log, the
    // registrations' exports, the registrant's page, or the logs.
    use sea_orm::{ConnectionTrait, Statement};
    let rows = app
        .db
        .conn()
        .query_all_raw(Statement::from_string(
            app.db.conn().get_database_backend(),
            "SELECT passport FROM visa_requests",
        ))
        .await
        .unwrap();
    let sealed: String = rows[0].try_get("", "passport").unwrap();
    assert!(sealed.starts_with("v1.") && !sealed.contains(PASSPORT));
    if let Some(path) = app.settings.database.url.strip_prefix("sqlite://") {
        for file in [path.to_string(), format!("{path}-wal")] {
            if let Ok(bytes) = std::fs::read(&file) {
                let found = bytes
                    .windows(PASSPORT.len())
                    .any(|w| w == PASSPORT.as_bytes());
                assert!(!found, "{file} holds the passport number in clear");
            }
        }
    }
    for mail in app.outbox().await {
        assert!(!mail.text_body.contains(PASSPORT) && !mail.html_body.contains(PASSPORT));
    }
    for path in [
        "/api/v1/audit".to_string(),
        format!("/api/v1/events/{slug}/registrations"),
        format!("/api/v1/events/{slug}/registrations.csv"),
        format!("/api/v1/events/{slug}/attendance"),
    ] {
        let body =
            String::from_utf8_lossy(&app.get(&path, app.org()).await.expect(200).body).to_string();
        assert!(!body.contains(PASSPORT), "{path}: {body}");
    }
    let page = app
        .get_page(&format!("/registrations/{token}"), None)
        .await
        .page(200)
        .text();
    assert!(
        !page.contains(PASSPORT),
        "the registrant's page does not show it"
    );
    assert!(page.contains("Download your visa invitation letter"));
    let logged = String::from_utf8_lossy(&logs().lock().unwrap()).to_string();
    assert!(!logged.is_empty(), "the logs are captured");
    assert!(!logged.contains(PASSPORT), "logged: {logged}");
}

#[tokio::test]
async fn the_request_form_keeps_what_was_typed_and_says_what_is_wrong() {
    let app = app_with_visas().await;
    let (_, token, _) = registered(&app).await;
    let browser = app.visitor().await;
    let path = format!("/registrations/{token}/visa-letter");
    let page = app
        .get_page(&format!("/registrations/{token}"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(page.contains("Ask for a letter"), "{page}");
    assert!(page.contains("erased 180 days after the event"));
    let wrong = app
        .submit(
            &path,
            &browser,
            &[
                ("passport_name", "NAKATO Aisha"),
                ("passport_number", PASSPORT),
                ("nationality", "UG"),
                ("date_of_birth", "1985-03-02"),
                ("passport_expiry", "2037-06-01"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(wrong.contains("Your request was not sent"));
    assert!(wrong.contains("value=\"NAKATO Aisha\""), "typed kept");
    assert!(wrong.contains("id=\"f-passport-expiry-error\""), "{wrong}");
    let sent = app
        .submit(
            &path,
            &browser,
            &[
                ("passport_name", "NAKATO Aisha"),
                ("passport_number", PASSPORT),
                ("nationality", "UG"),
                ("date_of_birth", "1985-03-02"),
                ("passport_expiry", "2040-01-01"),
            ],
        )
        .await
        .expect(303);
    assert!(
        sent.location()
            .starts_with(&format!("/registrations/{token}"))
    );
    // The organizers' page shows it, with a decision to take.
    let organizer = app.organizer_browser().await;
    let event_slug = "brussels-conference";
    let list = app
        .get_page(
            &format!("/organize/events/{event_slug}/visa-letters"),
            Some(&organizer),
        )
        .await
        .page(200)
        .text();
    assert!(
        list.contains(PASSPORT) && list.contains("Approve"),
        "{list}"
    );
}

#[tokio::test]
async fn passport_details_go_with_the_retention_period() {
    let app = app_with_visas().await;
    let (slug, token, _) = registered(&app).await;
    ask(&app, &token, &passport()).await.expect(202);
    // Years later.
    let later = chrono::Utc::now() + chrono::Duration::days(365 * 12);
    let dry = roundtable::privacy::purge(&app.db, &app.settings, later, true)
        .await
        .unwrap();
    assert_eq!(dry[0].passports, 1);
    assert!(
        dry[0]
            .to_string()
            .contains("the passport details of 1 visa letter request")
    );
    let list = app
        .get(&format!("/api/v1/events/{slug}/visa-letters"), app.org())
        .await
        .json();
    assert_eq!(
        list[0]["passport"]["passport_number"], PASSPORT,
        "a dry run erases nothing"
    );
    roundtable::privacy::purge(&app.db, &app.settings, later, false)
        .await
        .unwrap();
    let list = app
        .get(&format!("/api/v1/events/{slug}/visa-letters"), app.org())
        .await
        .json();
    assert_eq!(list[0]["passport"], Value::Null);
    assert_eq!(list[0]["readable"], true, "erased, not unreadable");
}

#[tokio::test]
async fn without_visa_letters_there_is_nothing_to_ask() {
    let app = common::spawn_app().await;
    let (slug, token, _) = registered(&app).await;
    ask(&app, &token, &passport()).await.expect(404);
    app.get(&format!("/api/v1/events/{slug}/visa-letters"), app.org())
        .await
        .expect(404);
    let page = app
        .get_page(&format!("/registrations/{token}"), None)
        .await
        .page(200)
        .text();
    assert!(!page.contains("Visa invitation letter"));
}

/// A registrant who registered in French gets the visa letter's mails in French, and
/// reads the section of their page in it; the organizers' page reads in Spanish when
/// asked, its dates too, and in English as before.
#[tokio::test]
async fn visa_letters_speak_the_registrants_and_the_organizers_languages() {
    let app = app_with_visas().await;
    let slug = slug(
        &app.event_with(json!({"title": "Brussels conference", "subtitle": null,
                               "starts_on": "2037-06-03", "ends_on": "2037-06-04",
                               "venue": "Charlemagne building", "city": "Brussels", "country": "BE"}))
            .await,
    );
    app.publish(&slug).await;
    let id = app
        .post(
            &format!("/api/v1/events/{slug}/registrations"),
            As::Anonymous,
            &json!({"given_name": "Aminata", "family_name": "Diallo", "email": "aminata@example.org",
                    "consent": true, "language": "fr"}),
        )
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let mail = app
        .last_mail_to("aminata@example.org", "registration_confirmed")
        .await;
    let token = token_after(&mail.text_body, "registrations");

    // The section of their page, and what is wrong with a request, in French.
    let browser = app.visitor().await;
    let page = app
        .get_page(&format!("/registrations/{token}?lang=fr"), Some(&browser))
        .await
        .page(200)
        .text();
    assert!(
        page.contains("<h2 id=\"visa\">Lettre d’invitation pour le visa</h2>"),
        "{page}"
    );
    assert!(page.contains(">Demander une lettre</button>"));
    assert!(page.contains("effacées 180 jours après l’événement"));
    let wrong = app
        .submit(
            &format!("/registrations/{token}/visa-letter?lang=fr"),
            &browser,
            &[
                ("passport_name", "DIALLO Aminata"),
                ("passport_number", PASSPORT),
                ("nationality", "SN"),
                ("date_of_birth", "1985-03-02"),
                ("passport_expiry", "2037-06-01"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(
        wrong.contains("Votre demande n’a pas été envoyée"),
        "{wrong}"
    );
    assert!(
        wrong.contains("Doit être postérieure à la fin de l’événement (4 juin 2037)"),
        "{wrong}"
    );
    ask(&app, &token, &passport()).await.expect(202);

    // Refused: the mail in French, both parts.
    app.post(
        &format!("/api/v1/registrations/{id}/visa-letter/reject"),
        app.org(),
        &json!({"reason": "Le passeport expire trop tôt."}),
    )
    .await
    .expect(200);
    let refused = app
        .last_mail_to("aminata@example.org", "visa_letter_refused")
        .await;
    assert_eq!(
        refused.subject,
        "Votre demande de lettre d’invitation pour le visa : Brussels conference"
    );
    assert!(
        refused.text_body.starts_with("Bonjour "),
        "{}",
        refused.text_body
    );
    assert!(
        refused
            .text_body
            .contains("Leur motif : Le passeport expire trop tôt.")
    );
    assert!(refused.html_body.contains(r#"<html lang="fr">"#));
    assert!(refused.html_body.contains("Nous sommes désolés"));

    // The organizers' page, in Spanish when asked.
    ask(&app, &token, &passport()).await.expect(202);
    let organizer = app.organizer_browser().await;
    let list = app
        .get_page(
            &format!("/organize/events/{slug}/visa-letters?lang=es"),
            Some(&organizer),
        )
        .await
        .page(200)
        .text();
    assert!(
        list.contains("<h1>Cartas de invitación para el visado</h1>"),
        "{list}"
    );
    assert!(list.contains("<dd>2 de marzo de 1985</dd>"), "{list}");
    assert!(list.contains(">A la espera de los organizadores</span>"));
    assert!(list.contains(">Aprobar<span class=\"skip-label\"> la carta de Aminata Diallo</span>"));
    let approved = app
        .submit(
            &format!("/organize/events/{slug}/visa-letters/{id}/approve?lang=es"),
            &organizer,
            &[],
        )
        .await
        .expect(303);
    let list = app
        .get_page(
            &format!("/organize/events/{slug}/visa-letters"),
            Some(&common::with_cookies_from(&organizer, &approved)),
        )
        .await
        .page(200)
        .text();
    assert!(
        list.contains("La carta de Aminata Diallo ha sido aprobada; se le informa por correo."),
        "{list}"
    );
    assert!(list.contains(">Aprobada</span>"), "{list}");
    // The page in English, as before, for a browser that chose no language.
    let list = app
        .get_page(
            &format!("/organize/events/{slug}/visa-letters"),
            Some(&organizer),
        )
        .await
        .page(200)
        .text();
    assert!(list.contains("<h1>Visa invitation letters</h1>"), "{list}");
    assert!(list.contains("<dd>2 March 1985</dd>"), "{list}");
    assert!(list.contains(">Approved</span>"));

    // Approved: the mail in French.
    let mail = app
        .last_mail_to("aminata@example.org", "visa_letter_approved")
        .await;
    assert_eq!(
        mail.subject,
        "Votre lettre d’invitation pour le visa : Brussels conference"
    );
    assert!(
        mail.html_body.contains(">Votre lettre</a>"),
        "{}",
        mail.html_body
    );
    assert!(
        mail.text_body
            .contains("Votre page d’inscription (la lettre, votre agenda, vos coordonnées) :")
    );
}
