//! The interface's language: chosen by `?lang=` (remembered in a cookie), else that
//! cookie, else the account's preference, else the browser's Accept-Language; pages say
//! it in `<html lang>` and offer the others; the API's problem documents follow it; kept
//! public pages are kept once per language. Runs on SQLite, or on PostgreSQL when
//! `ROUNDTABLE_TEST_POSTGRES` names a server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::Method;
use common::spawn_app;
use serde_json::json;

#[tokio::test]
async fn the_browsers_language_then_a_choice_remembered_then_the_accounts() {
    let app = spawn_app().await;
    let french = app
        .get_with_headers("/events", &[("accept-language", "fr-BE,fr;q=0.9,en;q=0.5")])
        .await
        .page(200)
        .text();
    assert!(french.contains(r#"<html lang="fr">"#), "{french}");
    assert!(french.contains(">Événements</a>"));
    assert!(french.contains(r#"<nav class="languages" aria-label="Lire ce site en">"#));
    assert!(french.contains(r#"href="/events?lang=es" lang="es" hreflang="es">Español</a>"#));
    // Kept once per language: the next visitor, English-speaking, gets English.
    let english = app
        .get_with_headers("/events", &[("accept-language", "en-GB")])
        .await
        .page(200)
        .text();
    assert!(english.contains(r#"<html lang="en">"#));
    assert!(english.contains(">Events</a>"));
    let german = app
        .get_with_headers("/events", &[("accept-language", "de-DE")])
        .await
        .text();
    assert!(german.contains(r#"<html lang="en">"#), "no German: English");

    // Chosen: remembered in a cookie, which then wins over the browser's language.
    let chosen = app
        .get_with_headers("/events?lang=es", &[("accept-language", "fr")])
        .await
        .page(200);
    assert!(chosen.text().contains(r#"<html lang="es">"#));
    assert!(chosen.text().contains(">Eventos</a>"));
    assert_eq!(chosen.set_cookie("roundtable_lang").as_deref(), Some("es"));
    let remembered = app
        .get_with_headers(
            "/events",
            &[("accept-language", "fr"), ("cookie", "roundtable_lang=es")],
        )
        .await
        .text();
    assert!(remembered.contains(r#"<html lang="es">"#));
    let nonsense = app
        .get_with_headers("/events?lang=xx", &[("accept-language", "fr")])
        .await
        .page(200);
    assert!(nonsense.text().contains(r#"<html lang="fr">"#));
    assert!(nonsense.set_cookie("roundtable_lang").is_none());

    // An account's preference, once signed in, over the browser's; the language chosen
    // before signing in is forgotten at sign-in.
    app.send(
        Method::PATCH,
        "/api/v1/auth/me",
        app.member_token(),
        &json!({"language": "fr"}),
    )
    .await
    .expect(200);
    let browser = app
        .sign_in("member@example.org", common::TEST_PASSWORD)
        .await;
    let page = app
        .get_with_headers(
            "/events",
            &[("accept-language", "es"), ("cookie", &browser)],
        )
        .await
        .text();
    assert!(page.contains(r#"<html lang="fr">"#), "{page}");
    assert!(
        page.contains("Connecté·e en tant que <strong>Test member</strong>"),
        "{page}"
    );
}

#[tokio::test]
async fn signing_in_forgets_the_language_chosen_when_the_account_has_one() {
    let app = spawn_app().await;
    app.send(
        Method::PATCH,
        "/api/v1/auth/me",
        app.member_token(),
        &json!({"language": "es"}),
    )
    .await
    .expect(200);
    let visitor = app.visitor().await;
    let csrf = common::cookie_value(&visitor, "roundtable_csrf").unwrap();
    let signed_in = app
        .post_form(
            "/login",
            Some(&format!("{visitor}; roundtable_lang=fr")),
            &[
                ("email", "member@example.org"),
                ("password", common::TEST_PASSWORD),
                ("_csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(signed_in.status.as_u16(), 303, "{}", signed_in.text());
    assert_eq!(signed_in.set_cookie("roundtable_lang").as_deref(), Some(""));
}

#[tokio::test]
async fn problems_are_told_in_the_requests_language() {
    let app = spawn_app().await;
    for (accept, detail) in [
        ("es-AR", "La solicitud tiene campos no válidos."),
        ("fr", "La requête contient des champs invalides."),
        ("en-US", "The request has invalid fields."),
    ] {
        let refused = app
            .request_with(
                Method::POST,
                "/api/v1/events",
                app.org(),
                Some(Body::from(r#"{"title": ""}"#)),
                Some("application/json"),
                &[("accept-language", accept)],
            )
            .await
            .expect(422);
        assert_eq!(refused.json()["detail"], detail, "{accept}");
        assert!(refused.error_fields().contains(&"title".to_string()));
    }
}

#[tokio::test]
async fn an_event_page_reads_in_spanish_and_french_with_their_dates() {
    let app = spawn_app().await;
    let panel = app
        .brussels_session(
            "Panel on the Responsibility to Protect",
            "14:00",
            "15:30",
            None,
        )
        .await;
    app.publish(&panel.event).await;
    let path = format!("/events/{}", panel.event);
    let spanish = app
        .get_with_headers(&path, &[("accept-language", "es-AR,es;q=0.9")])
        .await
        .page(200)
        .text();
    assert!(
        spanish.contains("<dt>Fechas</dt><dd>3 y 4 de junio de 2009</dd>"),
        "{spanish}"
    );
    assert!(spanish.contains("<h2>Programa</h2>"));
    assert!(
        spanish.contains("miércoles, 3 de junio de 2009"),
        "{spanish}"
    );
    assert!(spanish.contains("en hora de Europe/Brussels (hora local)"));
    let french = app
        .get_with_headers(&format!("{path}?lang=fr"), &[])
        .await
        .page(200)
        .text();
    assert!(
        french.contains("<dt>Dates</dt><dd>3–4 juin 2009</dd>"),
        "{french}"
    );
    assert!(french.contains("mercredi 3 juin 2009"));
    assert!(french.contains("Ajouter à l’agenda (.ics)"));
    let english = app.get_page(&path, None).await.page(200).text();
    assert!(english.contains("<dt>Dates</dt><dd>3–4 June 2009</dd>"));
    assert!(english.contains("Wednesday, 3 June 2009"));

    // The session's page too.
    let session = app
        .get_with_headers(
            &format!("/sessions/{}", panel.session),
            &[("accept-language", "es")],
        )
        .await
        .page(200)
        .text();
    assert!(
        session.contains("<dt>Cuándo</dt><dd>miércoles, 3 de junio de 2009, 14:00–15:30"),
        "{session}"
    );
    assert!(session.contains("3 y 4 de junio de 2009"));
    assert!(session.contains("Añadir al calendario (.ics)"));
}
