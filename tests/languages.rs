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

/// The test member's account prefers `language`.
async fn member_prefers(app: &common::TestApp, language: &str) {
    app.send(
        Method::PATCH,
        "/api/v1/auth/me",
        app.member_token(),
        &json!({ "language": language }),
    )
    .await
    .expect(200);
}

/// POSTs a JSON body anonymously from a browser reading `accept` (its Accept-Language).
async fn post_json_in(
    app: &common::TestApp,
    path: &str,
    body: &str,
    accept: &str,
) -> common::Reply {
    app.request_with(
        Method::POST,
        path,
        common::As::Anonymous,
        Some(Body::from(body.to_string())),
        Some("application/json"),
        &[("accept-language", accept)],
    )
    .await
}

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
    member_prefers(&app, "fr").await;
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
    member_prefers(&app, "es").await;
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
    for (accept, detail) in [
        ("es", "Evento no encontrado"),
        ("fr-CA", "Événement introuvable"),
        ("en", "Event not found"),
    ] {
        let missing = app
            .request_with(
                Method::GET,
                "/api/v1/events/nowhere",
                app.org(),
                None,
                None,
                &[("accept-language", accept)],
            )
            .await
            .expect(404);
        assert_eq!(missing.json()["detail"], detail, "{accept}");
    }
    let unsigned = app
        .request_with(
            Method::GET,
            "/api/v1/auth/me",
            common::As::Anonymous,
            None,
            None,
            &[("accept-language", "fr")],
        )
        .await
        .expect(401);
    assert_eq!(unsigned.json()["detail"], "Connexion requise");
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
    // The country as the reader's language names it; the city as written.
    assert!(spanish.contains("Brussels, Bélgica"), "{spanish}");
    // The list of events, its filters and its count, in French.
    let list = app
        .get_page("/events?lang=fr&region=europe", None)
        .await
        .page(200)
        .text();
    for words in [
        "<h1>Événements</h1>",
        r#"<option value="">Toutes les régions</option>"#,
        r#"<option value="europe" selected>Europe</option>"#,
        r#"<option value="roundtable">Table ronde</option>"#,
        "1 événement correspond à ces filtres.",
        "Brussels, Belgique",
    ] {
        assert!(list.contains(words), "{words} missing from: {list}");
    }
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

// ----- Content in several languages -----

/// The Brussels conference written in Spanish with an English translation, registration
/// open (June 2037, to come); returns its slug.
async fn spanish_event(app: &common::TestApp) -> String {
    let event = app
        .event_with(json!({
            "title": "Diálogo sobre la R2P",
            "subtitle": "Perspectivas latinoamericanas",
            "description": "Una mesa redonda con la sociedad civil.",
            "language": "es",
            "starts_on": "2037-06-03",
            "ends_on": "2037-06-04",
            "translations": {"en": {
                "title": "Dialogue on the R2P",
                "description": "A roundtable with civil society."
            }}
        }))
        .await;
    common::fixtures::slug(&event)
}

/// The same with its opening session, "Apertura", translated into English ("Opening");
/// returns the event's slug and the session's id.
async fn spanish_event_with_opening(app: &common::TestApp) -> (String, i64) {
    let slug = spanish_event(app).await;
    let session = app
        .session(
            &slug,
            "Apertura",
            "2037-06-03T09:00:00",
            "2037-06-03T09:30:00",
            None,
        )
        .await;
    app.patch(
        &format!("/api/v1/sessions/{session}"),
        app.org(),
        &json!({"translations": {"en": {"title": "Opening"}}}),
    )
    .await
    .expect(200);
    (slug, session)
}

#[tokio::test]
async fn content_is_read_in_the_readers_language_and_the_original_elsewhere_marked() {
    let app = spawn_app().await;
    let (slug, _) = spanish_event_with_opening(&app).await;
    app.publish(&slug).await;
    let api = app
        .get(&format!("/api/v1/events/{slug}"), common::As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(api["language"], "es");
    assert_eq!(api["title"], "Diálogo sobre la R2P", "the original");
    assert_eq!(api["translations"]["en"]["title"], "Dialogue on the R2P");
    assert_eq!(api["sessions"][0]["translations"]["en"]["title"], "Opening");

    let path = format!("/events/{slug}");
    let english = app.get_page(&path, None).await.page(200).text();
    assert!(english.contains("<h1>Dialogue on the R2P"), "{english}");
    assert!(english.contains("<p>A roundtable with civil society.</p>"));
    assert!(english.contains(r#"<a href="/sessions/"#) && english.contains(">Opening</a>"));
    // No English subtitle: the Spanish one, marked as Spanish.
    assert!(
        english.contains(r#"<p class="lead" lang="es">Perspectivas latinoamericanas</p>"#),
        "{english}"
    );
    let spanish = app
        .get_with_headers(&path, &[("accept-language", "es")])
        .await
        .text();
    assert!(spanish.contains("<h1>Diálogo sobre la R2P"), "{spanish}");
    assert!(spanish.contains(">Apertura</a>"));
    // French, which it has not: the original, marked.
    let french = app.get_page(&format!("{path}?lang=fr"), None).await.text();
    assert!(
        french.contains(r#"<h1 lang="es">Diálogo sobre la R2P"#),
        "{french}"
    );
    assert!(french.contains(r#"<h4 style="margin:0" lang="es">"#));

    // A translation into French merges with the English one (language by language).
    app.patch(
        &format!("/api/v1/events/{slug}"),
        app.org(),
        &json!({"translations": {"fr": {"title": "Dialogue sur la R2P"}}}),
    )
    .await
    .expect(200);
    let api = app
        .get(&format!("/api/v1/events/{slug}"), app.org())
        .await
        .json();
    assert_eq!(api["translations"]["fr"]["title"], "Dialogue sur la R2P");
    assert_eq!(api["translations"]["en"]["title"], "Dialogue on the R2P");
    let french = app.get_page(&format!("{path}?lang=fr"), None).await.text();
    assert!(french.contains("<h1>Dialogue sur la R2P"), "{french}");

    // Translations are checked field by field and nothing is written when one is wrong.
    let refused = app
        .patch(
            &format!("/api/v1/events/{slug}"),
            app.org(),
            &json!({"translations": {
                "de": {"title": "Dialog"},
                "fr": {"venue": "Salle", "title": "x".repeat(301)},
                "es": {"title": "Otro"}
            }}),
        )
        .await
        .expect(422);
    let fields = refused.error_fields();
    for field in [
        "translations.de",
        "translations.es",
        "translations.fr.venue",
        "translations.fr.title",
    ] {
        assert!(fields.contains(&field.to_string()), "{field}: {fields:?}");
    }
    let unchanged = app
        .get(&format!("/api/v1/events/{slug}"), app.org())
        .await
        .json();
    assert_eq!(unchanged["translations"], api["translations"]);
}

#[tokio::test]
async fn field_messages_follow_the_requests_language() {
    let app = spawn_app().await;
    let slug = spanish_event(&app).await;
    app.publish(&slug).await;
    let refused = post_json_in(
        &app,
        &format!("/api/v1/events/{slug}/registrations"),
        r#"{"given_name": "Ana", "family_name": "Ñúñez", "email": "no"}"#,
        "es-AR",
    )
    .await
    .expect(422);
    let errors = refused.json()["errors"].clone();
    let message = |field: &str| {
        errors
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["field"] == field)
            .map(|e| e["message"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        message("email"),
        "no es una dirección de correo electrónico válida"
    );
    assert_eq!(message("consent"), "es necesario para inscribirse");
    assert_eq!(app.count("registrations").await, 0);

    // The form, read in Spanish: the errors beside their fields, in Spanish, what was
    // typed kept.
    let visitor = app.visitor().await;
    let page = app
        .submit(
            &format!("/events/{slug}/register?lang=es"),
            &visitor,
            &[
                ("given_name", "Ana"),
                ("family_name", ""),
                ("email", "ana@example.org"),
            ],
        )
        .await;
    assert_eq!(page.status.as_u16(), 422);
    let page = page.text();
    assert!(page.contains("Su inscripción no se registró"), "{page}");
    assert!(page.contains("Es obligatorio."), "{page}");
    assert!(page.contains("Es necesario para inscribirse."));
    assert!(page.contains(r#"value="ana@example.org""#));
    // Its countries named in Spanish, in Spanish order: Alemania before Argentina.
    let germany = page.find(r#"<option value="DE">Alemania</option>"#);
    let argentina = page.find(r#"<option value="AR">Argentina</option>"#);
    assert!(germany.is_some() && germany < argentina, "{page}");
}

#[tokio::test]
async fn registrants_get_mail_and_calendars_in_the_language_of_their_form() {
    let app = spawn_app().await;
    let (slug, _) = spanish_event_with_opening(&app).await;
    app.publish(&slug).await;
    let path = format!("/api/v1/events/{slug}/registrations");
    // Through the form read in Spanish.
    let visitor = app.visitor().await;
    let done = app
        .submit(
            &format!("/events/{slug}/register?lang=es"),
            &visitor,
            &[
                ("given_name", "Ana"),
                ("family_name", "Ñúñez"),
                ("email", "ana@example.org"),
                ("consent", "true"),
            ],
        )
        .await;
    assert_eq!(done.status.as_u16(), 303, "{}", done.text());
    // Through the API: by its `language`, else by the request's.
    app.post(
        &path,
        common::As::Anonymous,
        &json!({"given_name": "Luc", "family_name": "Lamprière", "email": "luc@example.org",
                "consent": true, "language": "fr"}),
    )
    .await
    .expect(201);
    post_json_in(&app, &path, r#"{"given_name": "Gareth", "family_name": "Evans", "email": "gareth@example.org", "consent": true}"#, "en-AU")
        .await
    .expect(201);
    let listed = app.get(&path, app.org()).await.expect(200).json();
    let languages: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["language"].as_str().unwrap())
        .collect();
    assert_eq!(languages, ["es", "fr", "en"]);
    // Organizers see it in the registrations' table.
    let browser = app.organizer_browser().await;
    let table = app
        .get_page(
            &format!("/organize/events/{slug}/registrations"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    assert!(
        table.contains(r#"mail in <span lang="es">Español</span>"#),
        "{table}"
    );

    let spanish = app
        .last_mail_to("ana@example.org", "registration_confirmed")
        .await;
    assert_eq!(
        spanish.subject,
        "Inscripción confirmada: Diálogo sobre la R2P"
    );
    assert!(
        spanish.text_body.starts_with("Estimado/a Ana Ñúñez:"),
        "{}",
        spanish.text_body
    );
    assert!(spanish.text_body.contains("3 y 4 de junio de 2037"));
    assert!(spanish.html_body.contains(r#"<html lang="es">"#));
    let ics = spanish.ics.unwrap();
    assert!(
        ics.contains("SUMMARY;LANGUAGE=es:Apertura — Diálogo sobre la R2P"),
        "{ics}"
    );

    let french = app
        .last_mail_to("luc@example.org", "registration_confirmed")
        .await;
    assert_eq!(
        french.subject,
        "Inscription confirmée : Diálogo sobre la R2P"
    );
    assert!(french.text_body.contains("3–4 juin 2037"));
    // No French translation: the calendar says its text is Spanish.
    assert!(french.ics.unwrap().contains("SUMMARY;LANGUAGE=es:"));

    let english = app
        .last_mail_to("gareth@example.org", "registration_confirmed")
        .await;
    assert_eq!(
        english.subject,
        "Registration confirmed: Dialogue on the R2P"
    );
    assert!(english.text_body.starts_with("Dear Gareth Evans,"));
    assert!(
        english
            .ics
            .unwrap()
            .contains("SUMMARY;LANGUAGE=en:Opening — Dialogue on the R2P")
    );
}

#[tokio::test]
async fn the_translations_page_sets_each_translation_beside_its_original() {
    let app = spawn_app().await;
    let slug = spanish_event(&app).await;
    let session = app
        .session(
            &slug,
            "Apertura",
            "2037-06-03T09:00:00",
            "2037-06-03T09:30:00",
            None,
        )
        .await;
    let browser = app.organizer_browser().await;
    let path = format!("/organize/events/{slug}/translations?into=fr");
    let page = app.get_page(&path, Some(&browser)).await.page(200).text();
    assert!(
        page.contains(r#"<div class="original-text" lang="es""#)
            && page.contains(">Diálogo sobre la R2P</div>"),
        "{page}"
    );
    assert!(
        page.contains(r#"name="event-title" type="text" value="" lang="fr""#),
        "{page}"
    );
    assert!(page.contains(&format!(r#"name="session-{session}-title""#)));
    // A session's legend names it as written, marked with the original's language.
    assert!(
        page.contains(r#"<legend>Session: <span lang="es">Apertura</span></legend>"#),
        "{page}"
    );
    // Too long a title: nothing saved, what was typed kept, the error beside the field.
    let long = "x".repeat(301);
    let session_field = format!("session-{session}-title");
    let refused = app
        .submit(
            &path,
            &browser,
            &[
                ("event-title", long.as_str()),
                (session_field.as_str(), "Ouverture"),
            ],
        )
        .await;
    assert_eq!(refused.status.as_u16(), 422);
    let text = refused.text();
    assert!(text.contains("Must be at most 300 characters."), "{text}");
    assert!(text.contains(r#"value="Ouverture""#));
    let api = app
        .get(&format!("/api/v1/events/{slug}"), app.org())
        .await
        .json();
    assert!(api["translations"].get("fr").is_none());
    // Saved: the French beside the English, which stays.
    let saved = app
        .submit(
            &path,
            &browser,
            &[
                ("event-title", "Dialogue sur la R2P"),
                ("event-subtitle", ""),
                (session_field.as_str(), "Ouverture"),
            ],
        )
        .await;
    assert_eq!(saved.status.as_u16(), 303, "{}", saved.text());
    let api = app
        .get(&format!("/api/v1/events/{slug}"), app.org())
        .await
        .json();
    assert_eq!(api["translations"]["fr"]["title"], "Dialogue sur la R2P");
    assert_eq!(api["translations"]["en"]["title"], "Dialogue on the R2P");
    assert!(api["translations"]["fr"].get("subtitle").is_none());
    assert_eq!(
        api["sessions"][0]["translations"]["fr"]["title"],
        "Ouverture"
    );
}

#[tokio::test]
async fn the_outcome_report_reads_in_spanish_in_every_format() {
    let app = spawn_app().await;
    app.series(
        json!({"title": "Diálogos regionales", "slug": "dialogos", "language": "es",
                      "translations": {"en": {"title": "Regional dialogues"}}}),
    )
    .await;
    let event = app
        .event_with(json!({
            "title": "Diálogo sobre la R2P",
            "subtitle": null,
            "language": "es",
            "series": "dialogos",
            "translations": {"en": {"title": "Dialogue on the R2P"}}
        }))
        .await;
    let slug = common::fixtures::slug(&event);
    app.publish(&slug).await;
    let session = app
        .session(
            &slug,
            "Alerta temprana",
            "2009-06-03T09:30:00",
            "2009-06-03T11:00:00",
            None,
        )
        .await;
    let rapporteur = app.person("Ms", "Ana", "Ñúñez").await;
    app.assign(session, rapporteur, "rapporteur").await;
    let summary = format!("/api/v1/sessions/{session}/summary");
    app.send(
        Method::PUT,
        &summary,
        app.org(),
        &json!({"overview": "The panel agreed on early warning.", "language": "en",
                "recommendations": [{"text": "Fund early warning", "addressee": "OAS"}]}),
    )
    .await
    .expect(200);
    for step in ["submit", "approve"] {
        app.post(&format!("{summary}/{step}"), app.org(), &json!({}))
            .await
            .expect(200);
    }
    app.patch(
        &format!("/api/v1/events/{slug}/report"),
        app.org(),
        &json!({"introduction": "Este informe recoge el diálogo.",
                "translations": {"en": {"introduction": "This report records the dialogue."}}}),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/events/{slug}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);

    let path = format!("/events/{slug}/report");
    let spanish = app
        .get_with_headers(&path, &[("accept-language", "es")])
        .await
        .page(200)
        .text();
    assert!(spanish.contains("<h2>Introducción</h2>"), "{spanish}");
    assert!(spanish.contains("Este informe recoge el diálogo."));
    assert!(spanish.contains("3 y 4 de junio de 2009"));
    assert!(
        spanish.contains("miércoles, 3 de junio de 2009, 09:30–11:00"),
        "{spanish}"
    );
    // The summary stays as the rapporteur wrote it, in English, marked so.
    assert!(
        spanish.contains(r#"<div class="summary-body" lang="en">"#),
        "{spanish}"
    );
    assert!(spanish.contains("Resumen tal como lo escribió el relator/a, en inglés."));
    let english = app.get_page(&path, None).await.page(200).text();
    assert!(
        english.contains("<h1>Dialogue on the R2P</h1>"),
        "{english}"
    );
    assert!(english.contains("This report records the dialogue."));
    assert!(!english.contains(r#"<div class="summary-body" lang="#));

    let markdown = app
        .get_with_headers(&format!("{path}.md"), &[("accept-language", "es")])
        .await
        .expect(200)
        .text();
    assert!(markdown.contains("## Introducción"), "{markdown}");
    assert!(markdown.contains("**Informe final** · 3 y 4 de junio de 2009"));

    let pdf = app
        .get_with_headers(&format!("{path}.pdf"), &[("accept-language", "es")])
        .await
        .expect(200);
    let text = pdf_extract::extract_text_from_mem(&pdf.body).unwrap();
    for words in [
        "Introducción",
        "Índice",
        "Sobre el evento",
        "Recomendaciones",
        "3 y 4 de junio de 2009",
    ] {
        assert!(text.contains(words), "{words} missing from: {text}");
    }

    // The event page names its series as the reader reads it, marked where it stays.
    let french = app
        .get_page(&format!("/events/{slug}?lang=fr"), None)
        .await
        .page(200)
        .text();
    assert!(
        french.contains(r#"<a href="/series/dialogos" lang="es">Diálogos regionales</a>"#),
        "{french}"
    );
    let english = app
        .get_page(&format!("/events/{slug}"), None)
        .await
        .page(200)
        .text();
    assert!(english.contains(r#"<a href="/series/dialogos">Regional dialogues</a>"#));

    // The organizers' page of the report, in French.
    let browser = app.organizer_browser().await;
    let editor = app
        .get_page(
            &format!("/organize/events/{slug}/report?lang=fr"),
            Some(&browser),
        )
        .await
        .page(200)
        .text();
    for words in [
        "<h1>Rapport final</h1>",
        "public, et répertorié sous",
        "1 synthèse approuvée",
        "Enregistrer et publier l’édition 2",
        "Le public lit le rapport tel qu’il est",
    ] {
        assert!(editor.contains(words), "{words} missing from: {editor}");
    }

    // The series' synthesis, page and PDF, in Spanish too.
    let synthesis = app
        .get_with_headers("/series/dialogos/report", &[("accept-language", "es")])
        .await
        .page(200)
        .text();
    assert!(synthesis.contains("Informe de síntesis"), "{synthesis}");
    assert!(synthesis.contains("<h2>Los eventos</h2>"));
    assert!(synthesis.contains("Elaborado a partir del informe final publicado de 1 evento de"));
    // Its events' dates as a Spanish reader reads them; the series' title translated for others.
    assert!(
        synthesis.contains("<td>3 y 4 de junio de 2009</td>"),
        "{synthesis}"
    );
    let english = app
        .get_page("/series/dialogos/report", None)
        .await
        .page(200)
        .text();
    assert!(english.contains("Regional dialogues"), "{english}");
    assert!(english.contains("<td>3–4 June 2009</td>"), "{english}");
    let markdown = app
        .get_with_headers("/series/dialogos/report.md", &[("accept-language", "es")])
        .await
        .expect(200)
        .text();
    for words in [
        "# Diálogos regionales",
        "**Informe de síntesis**: 1 evento",
        "## Los eventos",
        "| Evento | Fechas | Lugar | Región | Socios |",
        "| 3 y 4 de junio de 2009 |",
        "## Recomendaciones por destinatario",
        "## Qué fue de las recomendaciones",
        "- **Abierta**: Fund early warning (a OAS)",
    ] {
        assert!(markdown.contains(words), "{words} missing from: {markdown}");
    }
    let pdf = app
        .get_with_headers("/series/dialogos/report.pdf", &[("accept-language", "es")])
        .await
        .expect(200);
    let text = pdf_extract::extract_text_from_mem(&pdf.body).unwrap();
    for words in [
        "Informe de síntesis",
        "Índice",
        "La serie y sus eventos",
        "Recomendaciones por destinatario",
    ] {
        assert!(
            text.contains(words),
            "{words} missing from the synthesis: {text}"
        );
    }
}

#[tokio::test]
async fn invitees_get_their_invitation_in_their_own_language() {
    let app = spawn_app().await;
    let (slug, session) = spanish_event_with_opening(&app).await;
    let people = [
        ("Ana", "ana@example.org", Some("es")),
        ("Luc", "luc@example.org", Some("fr")),
        ("Gareth", "gareth@example.org", None),
    ];
    for (given, email, language) in people {
        let person = app
            .post(
                "/api/v1/people",
                app.org(),
                &json!({"honorific": "Dr", "given_name": given, "family_name": "Pérez",
                        "email": email, "language": language}),
            )
            .await
            .expect(201)
            .json();
        assert_eq!(person["language"], json!(language));
        app.assign(session, person["id"].as_i64().unwrap(), "speaker")
            .await;
    }
    app.post(
        &format!("/api/v1/events/{slug}/invitations"),
        app.org(),
        &json!({"session_id": session}),
    )
    .await
    .expect(202);
    let spanish = app.last_mail_to("ana@example.org", "invitation").await;
    assert_eq!(
        spanish.subject,
        "Invitación: ponente en «Apertura» (Diálogo sobre la R2P)"
    );
    assert!(
        spanish.text_body.starts_with("Estimado/a Dr Pérez:"),
        "{}",
        spanish.text_body
    );
    assert!(
        spanish
            .text_body
            .contains("Cuándo: miércoles, 3 de junio de 2037, 09:00–09:30")
    );
    assert!(spanish.html_body.contains(r#"<html lang="es">"#));
    assert!(
        spanish
            .ics
            .unwrap()
            .contains("SUMMARY;LANGUAGE=es:Apertura — Diálogo sobre la R2P")
    );
    let french = app.last_mail_to("luc@example.org", "invitation").await;
    assert_eq!(
        french.subject,
        "Invitation : intervenant à « Apertura » (Diálogo sobre la R2P)"
    );
    assert!(french.text_body.contains("Merci de répondre :"));
    let english = app.last_mail_to("gareth@example.org", "invitation").await;
    assert_eq!(
        english.subject,
        "Invitation: speaker at Opening (Dialogue on the R2P)"
    );
    assert!(english.text_body.starts_with("Dear Dr Pérez,"));
    let ics = english.ics.unwrap();
    assert!(
        ics.contains("SUMMARY;LANGUAGE=en:Opening — Dialogue on the R2P"),
        "{ics}"
    );
}

#[tokio::test]
async fn an_accounts_mail_follows_its_preference() {
    let app = spawn_app().await;
    member_prefers(&app, "fr").await;
    // Asked for from an English browser: the account's language wins.
    post_json_in(
        &app,
        "/api/v1/auth/password-reset",
        r#"{"email": "member@example.org"}"#,
        "en",
    )
    .await
    .expect(202);
    let mail = app
        .last_mail_to("member@example.org", "password_reset")
        .await;
    assert_eq!(
        mail.subject,
        "Choisissez un nouveau mot de passe pour member@example.org"
    );
    assert!(
        mail.text_body
            .contains("ce lien ne sert qu’une fois, jusqu’au"),
        "{}",
        mail.text_body
    );
    assert!(mail.html_body.contains(r#"<html lang="fr">"#));
}

#[tokio::test]
async fn conflicts_are_told_in_the_requests_language() {
    let app = spawn_app().await;
    let slug = spanish_event(&app).await;
    for title in ["Apertura", "Alerta temprana"] {
        app.session(
            &slug,
            title,
            "2037-06-03T09:00:00",
            "2037-06-03T10:00:00",
            Some("Sala B"),
        )
        .await;
    }
    let path = format!("/api/v1/events/{slug}/conflicts");
    let said = |reply: common::Reply| reply.expect(200).json()[0]["message"].clone();
    let spanish = said(
        app.request_with(
            Method::GET,
            &path,
            app.org(),
            None,
            None,
            &[("accept-language", "es")],
        )
        .await,
    );
    assert_eq!(
        spanish,
        "Sala B acoge «Apertura» y «Alerta temprana» al mismo tiempo (miércoles, 3 de junio de 2037, 09:00 (CEST))"
    );
    let english = said(app.get(&path, app.org()).await);
    assert_eq!(
        english,
        r#"Sala B holds "Apertura" and "Alerta temprana" at the same time (Wed 3 Jun 09:00 CEST)"#
    );
}
