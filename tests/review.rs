//! Review as reading: the organizers' review page shows a summary as the report will show
//! it (its Markdown rendered, lists intact), what changed since the previous submission,
//! and the comment box with approve and return; editing is a separate page. The
//! rapporteur's submitted view renders the same way, and the editor's preview is the
//! server's own rendering. Runs on SQLite, or on PostgreSQL when
//! `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::{Method, header};
use common::fixtures::{Panel, Seat};
use common::{TEST_PASSWORD, TestApp, spawn_app};
use serde_json::{Value, json};

// ----- Helpers -----

const AMINA: &str = "amina.diallo@example.org";
const TITLE: &str = "Early warning and prevention";

/// A published Brussels session whose rapporteur, Amina DIALLO, has an account; Gareth
/// EVANS speaks. Returns the session and Amina's signed-in browser.
async fn session_with_rapporteur(app: &TestApp) -> (i64, String) {
    let Panel { event, session, .. } = app
        .brussels_session(TITLE, "09:30", "11:00", Some("Room A"))
        .await;
    app.seat(
        session,
        [
            Seat::rapporteur("Ms", "Amina", "Diallo").reached_at(AMINA),
            Seat::speaker("Mr", "Gareth", "Evans"),
        ],
    )
    .await;
    app.publish(&event).await;
    app.user_with_password(AMINA, "Amina Diallo", "rapporteur", TEST_PASSWORD)
        .await;
    let amina = app.sign_in(AMINA, TEST_PASSWORD).await;
    (session, amina)
}

/// A summary whose overview has bold text and a bulleted list.
fn summary(recommendation: &str) -> Value {
    json!({
        "overview": "The panel agreed on **three priorities**:\n\n- listen to local voices\n- act before violence\n- fund prevention over years",
        "challenges": ["Lack of political will"],
        "recommendations": [{"text": recommendation, "addressee": "EU", "themes": ["Early warning"]}]
    })
}

fn api(session: i64) -> String {
    format!("/api/v1/sessions/{session}/summary")
}

/// Saves (as the organizer) and submits.
async fn submit(app: &TestApp, session: i64, body: &Value) {
    app.send(Method::PUT, &api(session), app.org(), body)
        .await
        .expect(200);
    app.post(&format!("{}/submit", api(session)), app.org(), &json!({}))
        .await
        .expect(200);
}

#[track_caller]
fn shows(body: &str, needle: &str) {
    assert!(body.contains(needle), "{needle:?} is missing:\n{body}");
}

#[track_caller]
fn lacks(body: &str, needle: &str) {
    assert!(
        !body.contains(needle),
        "{needle:?} should not be there:\n{body}"
    );
}

/// The page's rendering of the overview, bold and list intact.
#[track_caller]
fn renders_the_overview(page: &str) {
    shows(page, "<strong>three priorities</strong>");
    shows(
        page,
        "<ul>\n<li>listen to local voices</li>\n<li>act before violence</li>\n<li>fund prevention over years</li>\n</ul>",
    );
    lacks(page, "**");
    lacks(page, "- listen to local voices");
}

// ----- The review page -----

#[tokio::test]
async fn the_review_page_reads_the_summary_as_the_report_will_show_it() {
    let app = spawn_app().await;
    let (session, _) = session_with_rapporteur(&app).await;
    let mut body = summary("Fund early warning networks");
    body["key_points"] = json!([{"text": "Prevention first", "person_id": null}]);
    submit(&app, session, &body).await;
    let organizer = app.organizer_browser().await;
    let path = format!("/rapporteur/sessions/{session}");

    let page = app.get_page(&path, Some(&organizer)).await.page(200).text();
    shows(&page, &format!("<h1>Review: {TITLE}</h1>"));
    shows(&page, "The summary as the report will show it");
    renders_the_overview(&page);
    // The session as the report prints it: its panel and its parts.
    shows(&page, "Ms Amina DIALLO");
    shows(&page, "Mr Gareth EVANS");
    shows(&page, "<h4>Recommendations</h4>");
    shows(&page, "Fund early warning networks");
    shows(&page, "To <strong>EU</strong>");
    shows(&page, "<h4>Challenges</h4>");
    // A first submission has nothing to compare with.
    shows(&page, "First submission");
    // The comment box with its two decisions; editing is elsewhere.
    shows(
        &page,
        "<label for=\"comment\">Comment to the rapporteur</label>",
    );
    shows(&page, "value=\"approve\">Approve</button>");
    shows(
        &page,
        "value=\"return\" class=\"secondary\">Return to the rapporteur</button>",
    );
    shows(
        &page,
        &format!("href=\"/rapporteur/sessions/{session}/edit\""),
    );
    lacks(&page, "name=\"overview\"");
    lacks(&page, "name=\"recommendations[0].text\"");

    // Editing is its own page, for organizers too.
    let editor = app
        .get_page(&format!("{path}/edit"), Some(&organizer))
        .await
        .page(200)
        .text();
    shows(&editor, "name=\"overview\"");
    shows(&editor, &format!("href=\"{path}\""));

    // Returning without a comment: the review again, with the error and the summary.
    let refused = app
        .submit(
            &format!("{path}/review"),
            &organizer,
            &[("action", "return"), ("comment", "")],
        )
        .await
        .page(422)
        .text();
    shows(&refused, "is required: tell the rapporteur what to change");
    shows(&refused, "aria-invalid=\"true\"");
    renders_the_overview(&refused);
    assert_eq!(
        app.get(&api(session), app.org()).await.json()["status"],
        "submitted"
    );
    // Approving from the page: back to the review, which has nothing left to decide.
    let approved = app
        .submit(
            &format!("{path}/review"),
            &organizer,
            &[("action", "approve")],
        )
        .await;
    assert_eq!(approved.status.as_u16(), 303, "{}", approved.text());
    assert_eq!(approved.location(), path);
    let page = app.get_page(&path, Some(&organizer)).await.page(200).text();
    shows(&page, "<span class=\"badge approved\">Approved</span>");
    lacks(&page, "value=\"approve\"");
    shows(&page, "value=\"return\"");
}

#[tokio::test]
async fn the_review_shows_what_changed_since_the_last_submission() {
    let app = spawn_app().await;
    let (session, _) = session_with_rapporteur(&app).await;
    submit(&app, session, &summary("Create a standing EU dialogue")).await;
    let comment = "Please say who in the EU should hold the dialogue.";
    app.post(
        &format!("{}/return", api(session)),
        app.org(),
        &json!({"comment": comment}),
    )
    .await
    .expect(200);
    // Returned: the review says so and offers no decision.
    let organizer = app.organizer_browser().await;
    let path = format!("/rapporteur/sessions/{session}");
    let returned = app.get_page(&path, Some(&organizer)).await.page(200).text();
    shows(&returned, "Returned to the rapporteur");
    lacks(&returned, "value=\"approve\"");
    lacks(&returned, "Changes since the last submission");

    // Saved twice, then submitted again.
    app.send(
        Method::PUT,
        &api(session),
        app.org(),
        &summary("Create a dialogue between the EEAS and civil society"),
    )
    .await
    .expect(200);
    submit(
        &app,
        session,
        &summary("Create a standing dialogue between the EEAS and civil society"),
    )
    .await;

    let page = app.get_page(&path, Some(&organizer)).await.page(200).text();
    shows(&page, "Changes since the last submission");
    shows(&page, "From version 2, submitted");
    shows(&page, "to version 6.");
    shows(&page, "You asked:");
    shows(&page, comment);
    shows(
        &page,
        "<span class=\"removed\">−   - Create a standing EU dialogue [to EU; themes: Early warning]</span>",
    );
    shows(
        &page,
        "<span class=\"added\">+   - Create a standing dialogue between the EEAS and civil society [to EU; themes: Early warning]</span>",
    );
    // Unchanged lines are left out of the changes (they are in the summary below it).
    lacks(&page, "<span class=\"same\">");
    // The summary itself, as it stands.
    renders_the_overview(&page);
    shows(&page, "value=\"approve\">Approve</button>");
}

#[tokio::test]
async fn the_rapporteur_reads_a_submitted_summary_rendered_and_writes_in_the_editor() {
    let app = spawn_app().await;
    let (session, amina) = session_with_rapporteur(&app).await;
    let path = format!("/rapporteur/sessions/{session}");

    // The rapporteur's address is the editor, with its formatting buttons and preview
    // (hidden until the script shows them: the textarea works without it).
    let editor = app.get_page(&path, Some(&amina)).await.page(200).text();
    shows(&editor, "name=\"overview\"");
    shows(
        &editor,
        "<div class=\"md-toolbar\" role=\"group\" aria-label=\"Formatting\" aria-controls=\"overview\" data-md-toolbar=\"overview\" hidden>",
    );
    for (kind, name) in [
        ("bold", "<strong>Bold</strong>"),
        ("italic", "<em>Italic</em>"),
        ("bullets", "Bulleted list"),
        ("numbers", "Numbered list"),
        ("link", "Link"),
    ] {
        shows(
            &editor,
            &format!(
                "<button type=\"button\" class=\"secondary\" data-md=\"{kind}\">{name}</button>"
            ),
        );
    }
    shows(&editor, "data-md-preview=\"/rapporteur/preview\"");
    shows(&editor, "data-md-preview-of=\"overview\" hidden");
    // Organizers' review is not hers.
    app.submit(&format!("{path}/review"), &amina, &[("action", "approve")])
        .await
        .page(403);

    let fields = [
        ("version", "0"),
        (
            "overview",
            "The panel agreed on **three priorities**:\n\n- listen to local voices\n- act before violence\n- fund prevention over years",
        ),
        ("recommendations[0].text", "Fund early warning networks"),
        ("recommendations[0].addressee", "EU"),
        ("recommendations[0].themes", "Early warning"),
        ("action", "submit"),
    ];
    let sent = app.submit(&path, &amina, &fields).await;
    assert_eq!(sent.status.as_u16(), 303, "{}", sent.text());
    assert_eq!(sent.location(), path);

    // Submitted: read as the report will show it, lists intact, nothing to edit.
    let view = app.get_page(&path, Some(&amina)).await.page(200).text();
    shows(&view, "Your summary as the report will show it");
    renders_the_overview(&view);
    shows(&view, "Fund early warning networks");
    lacks(&view, "name=\"overview\"");
    lacks(&view, "Comment to the rapporteur");
}

// ----- The preview -----

#[tokio::test]
async fn the_preview_is_the_reports_rendering_and_needs_the_forms_token() {
    let app = spawn_app().await;
    let (_, amina) = session_with_rapporteur(&app).await;
    let text = "Agreed on **three priorities**:\n\n1. listen\n2. act early\n\nSee [site](https://example.org), not [x](javascript:alert(2)) <script>alert(1)</script>";
    let reply = app
        .submit("/rapporteur/preview", &amina, &[("text", text)])
        .await
        .expect(200);
    assert_eq!(
        reply.headers.get(header::CONTENT_TYPE).unwrap(),
        "text/html; charset=utf-8"
    );
    let html = reply.text();
    shows(&html, "<strong>three priorities</strong>");
    shows(&html, "<ol>\n<li>listen</li>\n<li>act early</li>\n</ol>");
    shows(&html, "<a href=\"https://example.org\"");
    lacks(&html, "<script");
    lacks(&html, "href=\"javascript:");
    lacks(&html, "<html");
    // Organizers use it too (the report's introduction and conclusions).
    let organizer = app.organizer_browser().await;
    let empty = app
        .submit("/rapporteur/preview", &organizer, &[("text", "  ")])
        .await
        .expect(200)
        .text();
    shows(&empty, "Nothing to preview yet.");

    // Without the form's token, or with another one: refused, nothing rendered.
    let refused = app
        .post_form("/rapporteur/preview", Some(&amina), &[("text", "**x**")])
        .await;
    assert_eq!(refused.status.as_u16(), 403, "{}", refused.text());
    lacks(&refused.text(), "<strong>x</strong>");
    let forged = app
        .post_form(
            "/rapporteur/preview",
            Some(&amina),
            &[("_csrf", "not-the-token"), ("text", "**x**")],
        )
        .await;
    assert_eq!(forged.status.as_u16(), 403);
    lacks(&forged.text(), "<strong>x</strong>");
    // Not signed in: sent to sign in.
    let visitor = app.visitor().await;
    let anonymous = app
        .submit("/rapporteur/preview", &visitor, &[("text", "**x**")])
        .await;
    assert!(
        anonymous.status.is_redirection() || anonymous.status.as_u16() == 401,
        "{}",
        anonymous.status
    );
    lacks(&anonymous.text(), "<strong>x</strong>");
}

// ----- Languages -----

#[tokio::test]
async fn the_review_and_the_versions_read_in_spanish_and_french() {
    let app = spawn_app().await;
    let (session, amina) = session_with_rapporteur(&app).await;
    submit(&app, session, &summary("Fund early warning networks")).await;
    let organizer = app.organizer_browser().await;
    let path = format!("/rapporteur/sessions/{session}");

    // The review, asked for by a Spanish browser.
    let page = app
        .get_with_headers(
            &path,
            &[
                ("accept-language", "es-ES,es;q=0.9"),
                ("cookie", &organizer),
            ],
        )
        .await
        .page(200)
        .text();
    shows(&page, &format!("<h1>Revisión: {TITLE}</h1>"));
    shows(
        &page,
        "<h2 id=\"reading-heading\">El resumen tal como lo mostrará el informe</h2>",
    );
    shows(
        &page,
        "<label for=\"comment\">Comentario para el relator/a</label>",
    );
    shows(&page, "value=\"approve\">Aprobar</button>");
    shows(
        &page,
        "value=\"return\" class=\"secondary\">Devolver al relator/a</button>",
    );
    shows(&page, "<span class=\"badge submitted\">Enviado</span>");
    renders_the_overview(&page);

    // Returned without a comment, in French: the error and its field, in French.
    let refused = app
        .submit(
            &format!("{path}/review?lang=fr"),
            &organizer,
            &[("action", "return"), ("comment", "")],
        )
        .await
        .page(422)
        .text();
    shows(&refused, "<h2>Action non effectuée</h2>");
    shows(
        &refused,
        "<li>Commentaire: est obligatoire : dites au rapporteur ce qu’il faut modifier</li>",
    );
    shows(&refused, "<h1>Relecture : ");
    // The summary as the report will show it, its time in French too.
    shows(
        &refused,
        "<p class=\"meta\">mercredi 3 juin 2009, 09:30–11:00 CEST</p>",
    );

    // Approved from the Spanish page: the confirmation is Spanish.
    let approved = app
        .submit(
            &format!("{path}/review?lang=es"),
            &organizer,
            &[("action", "approve")],
        )
        .await;
    assert_eq!(approved.status.as_u16(), 303, "{}", approved.text());
    let flash = approved
        .set_cookie("roundtable_flash")
        .expect("a confirmation");
    let flash = percent_encoding::percent_decode_str(&flash)
        .decode_utf8()
        .unwrap()
        .into_owned();
    assert!(
        flash.starts_with("Aprobado. Se ha informado al relator/a."),
        "{flash}"
    );

    // The versions in French, with their actions and dates; English as it was.
    let versions = app
        .get_page(&format!("{path}/versions?lang=fr"), Some(&organizer))
        .await
        .page(200)
        .text();
    shows(&versions, "<h1>Versions de la synthèse</h1>");
    shows(&versions, "<td>Approuvée</td>");
    shows(&versions, "<td>Soumise</td>");
    shows(
        &versions,
        "<h2 id=\"changes\">Modifications de la version 2 à la version 3</h2>",
    );
    shows(&versions, "<span class=\"diff-key added\">ajouté</span>");
    let english = app
        .get_page(&format!("{path}/versions?lang=en"), Some(&organizer))
        .await
        .page(200)
        .text();
    shows(&english, "<h1>Versions of the summary</h1>");
    shows(&english, "<td>Approved</td>");
    shows(
        &english,
        "<h2 id=\"changes\">Changes from version 2 to 3</h2>",
    );

    // The rapporteur's view of an approved summary, and the preview, in French.
    let view = app
        .get_page(&format!("{path}?lang=fr"), Some(&amina))
        .await
        .page(200)
        .text();
    shows(
        &view,
        "<h2>Votre synthèse telle que le rapport la présentera</h2>",
    );
    shows(&view, "<span class=\"badge approved\">Approuvée</span>");
    let empty = app
        .submit("/rapporteur/preview?lang=fr", &amina, &[("text", " ")])
        .await
        .expect(200)
        .text();
    shows(&empty, "Rien à prévisualiser pour l’instant.");
}
