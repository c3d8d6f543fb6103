//! The organizers' pages of the library: a document added through the page's form (a
//! file sent as `multipart/form-data`, or a link), refused forms that come back with each
//! error beside its field and what was typed, the JSON the page's script gets, edits that
//! keep the file, withdrawal, and who may reach the pages at all. No input gets a 5xx.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::{Method, header};
use common::files::{PDF, program};
use common::{As, CSRF_COOKIE, FLASH_COOKIE, Reply, TEST_PASSWORD, TestApp, cookie_value};
use serde_json::Value;

/// A part of a form sent as `multipart/form-data`.
enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a [u8]),
}

const BOUNDARY: &str = "roundtable-page-boundary";

fn multipart(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        match part {
            Part::Text(name, value) => body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            ),
            Part::File(name, filename, bytes) => {
                body.extend_from_slice(
                    format!(
                        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n\
                         Content-Type: application/pdf\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// POSTs a form as the browser does (`multipart/form-data`), as the page's script does
/// when `json` (asking for JSON), with the visitor's cookies.
async fn send(app: &TestApp, path: &str, cookie: &str, parts: &[Part<'_>], json: bool) -> Reply {
    let accept: &[(&str, &str)] = if json {
        &[("accept", "application/json")]
    } else {
        &[]
    };
    app.request_with(
        Method::POST,
        path,
        As::Cookie(cookie),
        Some(Body::from(multipart(parts))),
        Some(&format!("multipart/form-data; boundary={BOUNDARY}")),
        accept,
    )
    .await
}

fn csrf(cookie: &str) -> String {
    cookie_value(cookie, CSRF_COOKIE).unwrap()
}

/// The add form as an organizer fills it in, with `file` (or none chosen).
fn memo_form<'a>(
    token: &'a str,
    title: &'a str,
    file: Option<(&'a str, &'a [u8])>,
) -> Vec<Part<'a>> {
    let mut parts = vec![
        Part::Text("_csrf", token),
        Part::Text("title", title),
        Part::Text("kind", "policy-memo"),
        Part::Text("published_on", "2012-09-25"),
    ];
    if let Some((name, bytes)) = file {
        parts.push(Part::File("file", name, bytes));
    } else {
        parts.push(Part::File("file", "", b""));
    }
    parts.extend([
        Part::Text("regions", "americas"),
        Part::Text("regions", "north-america"),
        Part::Text("countries", "AR, ca"),
        Part::Text("language", "en"),
        Part::Text(
            "summary",
            "What governments of the region can do next.\n\nA second paragraph.",
        ),
        Part::Text("access", "public"),
        Part::Text("event_id", ""),
        Part::Text("series_id", ""),
        Part::Text(
            "next_steps",
            "Convene a regional focal points meeting\nBrief the OAS\n",
        ),
        Part::Text("url", ""),
    ]);
    parts
}

/// Changes the value of a single field of a form.
fn set<'a>(parts: &mut [Part<'a>], field: &str, to: &'a str) {
    for part in parts.iter_mut() {
        if let Part::Text(name, value) = part
            && *name == field
        {
            *value = to;
            return;
        }
    }
    panic!("no field {field}");
}

const MEMO: &str = "Policy memo: the Responsibility to Protect in the Americas";

fn document_id(location: &str) -> i64 {
    location
        .strip_prefix("/documents/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a document's page: {location}"))
}

/// Adds the memo through the form as the organizer of `cookie`; returns its id.
async fn add_memo(app: &TestApp, cookie: &str) -> i64 {
    let token = csrf(cookie);
    let reply = send(
        app,
        "/organize/documents/new",
        cookie,
        &memo_form(&token, MEMO, Some(("memo.pdf", PDF))),
        false,
    )
    .await
    .expect(303);
    document_id(&reply.location())
}

#[tokio::test]
async fn an_organizer_adds_a_pdf_through_the_form_and_readers_find_it_in_the_library() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let stanley = app.organization("Stanley Foundation").await;
    app.organization("Global Centre for R2P").await;
    let cookie = app.organizer_browser().await;

    // The way in: the workspace and the library link to the organizers' list.
    let dashboard = app.get_page("/organize", Some(&cookie)).await.page(200);
    assert!(dashboard.text().contains("href=\"/organize/documents\""));
    let library = app.get_page("/documents", Some(&cookie)).await.page(200);
    assert!(library.text().contains("href=\"/organize/documents/new\""));
    let anonymous_library = app.get_page("/documents", None).await.page(200);
    assert!(!anonymous_library.text().contains("/organize/documents"));

    let form = app
        .get_page("/organize/documents/new", Some(&cookie))
        .await
        .page(200)
        .text();
    for expected in [
        "enctype=\"multipart/form-data\"",
        "data-drop-zone",
        "<input type=\"file\" id=\"f-file\" name=\"file\"",
        "<label for=\"f-title\">Title",
        "name=\"organization_ids\" value=\"",
        "Stanley Foundation",
        "id=\"f-region-latin-america-caribbean\"",
        "<progress",
        "name=\"access\" value=\"members\"",
    ] {
        assert!(form.contains(expected), "the form lacks {expected}");
    }

    let token = csrf(&cookie);
    let stanley_id = stanley.to_string();
    let mut parts = memo_form(&token, MEMO, Some(("memo 2012.pdf", PDF)));
    parts.push(Part::Text("organization_ids", &stanley_id));
    let reply = send(&app, "/organize/documents/new", &cookie, &parts, false)
        .await
        .expect(303);
    let location = reply.location();
    let id = document_id(&location);
    assert!(
        reply
            .set_cookie(FLASH_COOKIE)
            .is_some_and(|flash| flash.contains("added")),
        "a confirmation for the next page"
    );

    let document = app
        .get(&format!("/api/v1/documents/{id}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(document["title"], MEMO);
    assert_eq!(document["kind"], "policy-memo");
    assert_eq!(document["published_on"], "2012-09-25");
    assert_eq!(
        document["regions"],
        serde_json::json!(["americas", "north-america"])
    );
    assert_eq!(document["countries"], serde_json::json!(["AR", "CA"]));
    assert_eq!(document["organizations"][0]["name"], "Stanley Foundation");
    assert_eq!(document["language"], "en");
    assert_eq!(document["access"], "public");
    assert_eq!(
        document["next_steps"],
        serde_json::json!(["Convene a regional focal points meeting", "Brief the OAS"])
    );
    assert_eq!(document["file"]["filename"], "memo-2012.pdf");
    assert_eq!(document["file"]["bytes"], PDF.len());
    let file = app
        .get(&format!("/documents/{id}/file"), As::Anonymous)
        .await
        .expect(200);
    assert_eq!(file.body, PDF);

    // Readers find it in the library and on its page; organizers see a way to edit it.
    let library = app
        .get_page("/documents?region=americas", None)
        .await
        .page(200);
    assert!(
        library
            .text()
            .contains("Responsibility to Protect in the Americas")
    );
    let page = app.get_page(&location, None).await.page(200).text();
    assert!(page.contains("Brief the OAS"));
    assert!(!page.contains(&format!("/organize/documents/{id}")));
    let page = app
        .get_page(&location, Some(&cookie))
        .await
        .page(200)
        .text();
    assert!(page.contains(&format!("href=\"/organize/documents/{id}\"")));

    // The organizers' list has it, with its edit page.
    let list = app
        .get_page("/organize/documents", Some(&cookie))
        .await
        .page(200)
        .text();
    assert!(list.contains(&format!("href=\"/organize/documents/{id}\"")));
    assert!(list.contains("Policy memo"));
    assert!(list.contains("25 September 2012"));
    assert!(list.contains("Add a document"));
}

#[tokio::test]
async fn a_refused_form_comes_back_with_each_error_beside_its_field_and_what_was_typed() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let cookie = app.organizer_browser().await;
    let token = csrf(&cookie);

    // No title: the message is beside the title, the summary typed is kept, and the
    // file (which a browser cannot keep chosen) is named so that it is chosen again.
    let reply = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &memo_form(&token, "", Some(("memo.pdf", PDF))),
        false,
    )
    .await
    .page(422);
    let page = reply.text();
    assert!(page.contains("Please correct 1 field"), "{page}");
    assert!(page.contains("aria-describedby=\"f-title-error\""));
    assert!(page.contains("<span class=\"error\" id=\"f-title-error\">Is required.</span>"));
    assert!(page.contains("What governments of the region can do next."));
    assert!(page.contains("value=\"2012-09-25\""));
    assert!(page.contains(
        "id=\"f-region-north-america\" name=\"regions\" value=\"north-america\" checked"
    ));
    assert!(page.contains("You chose “memo.pdf”"));
    assert_eq!(app.count("documents").await, 0);
    assert!(
        app.state.files.is_empty().await.unwrap(),
        "the file is deleted"
    );

    // A program named .pdf: refused beside the file, the title kept.
    let reply = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &memo_form(&token, MEMO, Some(("memo.pdf", &program(4096)))),
        false,
    )
    .await
    .page(422);
    let page = reply.text();
    assert!(page.contains("id=\"f-file-error\""), "{page}");
    assert!(page.contains("whatever its name says"));
    assert!(page.contains(&format!("value=\"{MEMO}\"")));
    assert_eq!(app.count("documents").await, 0);
    assert!(app.state.files.is_empty().await.unwrap());

    // Neither file nor link; a region, an organization and a country that are none; a
    // next step too long: each beside its own field.
    let long_step = "x".repeat(3000);
    let steps = format!("A fine step\n{long_step}");
    let mut parts = memo_form(&token, MEMO, None);
    set(&mut parts, "countries", "AR, XX");
    set(&mut parts, "next_steps", &steps);
    parts.extend([
        Part::Text("regions", "atlantis"),
        Part::Text("organization_ids", "999999"),
    ]);
    let page = send(&app, "/organize/documents/new", &cookie, &parts, false)
        .await
        .page(422)
        .text();
    for id in [
        "f-file-error",
        "f-regions-error",
        "f-organization-ids-error",
        "f-next-steps-error",
    ] {
        assert!(page.contains(&format!("id=\"{id}\"")), "no {id}: {page}");
    }
    assert!(page.contains("“atlantis” must be a region"));
    assert!(page.contains("Next step 2 must be at most"), "{page}");
    assert!(page.contains("“XX” must be"), "{page}");
    assert_eq!(app.count("documents").await, 0);
}

#[tokio::test]
async fn the_pages_script_gets_field_errors_and_the_documents_address_as_json() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let cookie = app.organizer_browser().await;
    let token = csrf(&cookie);

    let refused = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &memo_form(&token, "", Some(("memo.pdf", PDF))),
        true,
    )
    .await;
    assert_eq!(refused.error_fields(), ["title"]);
    assert_eq!(refused.json()["errors"][0]["message"], "Is required.");
    assert!(app.state.files.is_empty().await.unwrap());

    // Errors of a list are named as the form's field, not the list's item.
    let executable = program(100);
    let mut parts = memo_form(&token, MEMO, Some(("memo.pdf", &executable)));
    parts.push(Part::Text("regions", "atlantis"));
    let refused = send(&app, "/organize/documents/new", &cookie, &parts, true).await;
    assert_eq!(refused.error_fields(), ["file"], "the file is read first");
    let mut parts = memo_form(&token, MEMO, Some(("memo.pdf", PDF)));
    set(&mut parts, "countries", "XX");
    parts.push(Part::Text("regions", "atlantis"));
    let refused = send(&app, "/organize/documents/new", &cookie, &parts, true).await;
    let mut fields = refused.error_fields();
    fields.sort();
    assert_eq!(fields, ["countries", "regions"]);
    assert!(app.state.files.is_empty().await.unwrap());

    let created = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &memo_form(&token, MEMO, Some(("memo.pdf", PDF))),
        true,
    )
    .await
    .expect(201);
    let answer: Value = created.json();
    let id = answer["id"].as_i64().unwrap();
    assert_eq!(answer["location"], format!("/documents/{id}"));
    assert!(created.set_cookie(FLASH_COOKIE).is_some());

    // A form that did not come from the page: problem+json too.
    let forged = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &memo_form("forged", MEMO, Some(("memo.pdf", PDF))),
        true,
    )
    .await
    .expect(403);
    assert_eq!(
        forged.headers[header::CONTENT_TYPE],
        "application/problem+json"
    );
    assert_eq!(app.count("documents").await, 1);
}

#[tokio::test]
async fn an_organizer_edits_a_documents_metadata_and_its_file_stays() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let cookie = app.organizer_browser().await;
    let id = add_memo(&app, &cookie).await;
    let edit = format!("/organize/documents/{id}");

    let form = app.get_page(&edit, Some(&cookie)).await.page(200).text();
    assert!(form.contains(&format!("value=\"{MEMO}\"")));
    assert!(form.contains("id=\"f-region-americas\" name=\"regions\" value=\"americas\" checked"));
    assert!(form.contains("value=\"AR, CA\""));
    assert!(form.contains("memo.pdf"));
    assert!(
        !form.contains("name=\"file\""),
        "the file is not changed here"
    );
    assert!(form.contains(&format!("action=\"/organize/documents/{id}/withdraw\"")));

    let reply = app
        .submit(
            &edit,
            &cookie,
            &[
                ("title", "Policy memo, revised"),
                ("kind", "brief"),
                ("published_on", ""),
                ("regions", "europe"),
                ("regions", "global"),
                ("countries", ""),
                ("language", "es"),
                ("summary", "Revised."),
                ("access", "members"),
                ("event_id", ""),
                ("series_id", ""),
                ("next_steps", "Only one step"),
            ],
        )
        .await
        .expect(303);
    assert_eq!(reply.location(), format!("/documents/{id}"));
    let document = app
        .get(&format!("/api/v1/documents/{id}"), app.org())
        .await
        .expect(200)
        .json();
    assert_eq!(document["title"], "Policy memo, revised");
    assert_eq!(document["kind"], "brief");
    assert_eq!(document["published_on"], Value::Null);
    assert_eq!(document["regions"], serde_json::json!(["europe", "global"]));
    assert_eq!(document["countries"], serde_json::json!([]));
    assert_eq!(document["access"], "members");
    assert_eq!(document["next_steps"], serde_json::json!(["Only one step"]));
    assert_eq!(document["file"]["filename"], "memo.pdf");
    app.get(&format!("/documents/{id}/file"), app.member_token())
        .await
        .expect(200);
    app.get(&format!("/documents/{id}/file"), As::Anonymous)
        .await
        .expect(404);

    // A title emptied: the form again, the error beside the title, the rest kept.
    let page = app
        .submit(
            &edit,
            &cookie,
            &[
                ("title", ""),
                ("kind", "brief"),
                ("summary", "Typed again, and kept."),
                ("access", "members"),
                ("event_id", "not a number"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(page.contains("id=\"f-title-error\""), "{page}");
    assert!(page.contains("id=\"f-event-id-error\""), "{page}");
    assert!(page.contains("Typed again, and kept."));
    // The script's edit gets JSON.
    let token = csrf(&cookie);
    let refused = send(
        &app,
        &edit,
        &cookie,
        &[
            Part::Text("_csrf", &token),
            Part::Text("title", ""),
            Part::Text("kind", "brief"),
        ],
        true,
    )
    .await;
    assert_eq!(refused.error_fields(), ["title"]);
    let saved = send(
        &app,
        &edit,
        &cookie,
        &[
            Part::Text("_csrf", &token),
            Part::Text("title", "Policy memo, final"),
            Part::Text("kind", "brief"),
            Part::Text("access", "public"),
        ],
        true,
    )
    .await
    .expect(200);
    assert_eq!(saved.json()["location"], format!("/documents/{id}"));
    let document = app
        .get(&format!("/api/v1/documents/{id}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(document["title"], "Policy memo, final");
}

#[tokio::test]
async fn a_link_is_added_without_a_file_and_edited() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let cookie = app.organizer_browser().await;
    // URL-encoded, as a form without a file may be sent.
    let reply = app
        .submit(
            "/organize/documents/new",
            &cookie,
            &[
                ("title", "Excerpts of national white papers"),
                ("kind", "paper"),
                ("url", "https://example.org/excerpts"),
                ("access", "public"),
            ],
        )
        .await
        .expect(303);
    let id = document_id(&reply.location());
    let form = app
        .get_page(&format!("/organize/documents/{id}"), Some(&cookie))
        .await
        .page(200)
        .text();
    assert!(form.contains("value=\"https://example.org/excerpts\""));
    let page = app
        .submit(
            &format!("/organize/documents/{id}"),
            &cookie,
            &[
                ("title", "Excerpts"),
                ("kind", "paper"),
                ("url", "javascript:alert(1)"),
            ],
        )
        .await
        .page(422)
        .text();
    assert!(page.contains("id=\"f-url-error\""), "{page}");
}

#[tokio::test]
async fn withdrawing_takes_a_document_and_its_file_out_of_the_library() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let cookie = app.organizer_browser().await;
    let id = add_memo(&app, &cookie).await;
    assert!(!app.state.files.is_empty().await.unwrap());

    let reply = app
        .submit(&format!("/organize/documents/{id}/withdraw"), &cookie, &[])
        .await
        .expect(303);
    assert_eq!(reply.location(), "/organize/documents");
    assert!(
        reply
            .set_cookie(FLASH_COOKIE)
            .is_some_and(|flash| flash.contains("withdrawn"))
    );
    app.get_page(&format!("/documents/{id}"), Some(&cookie))
        .await
        .page(404);
    app.get_page(&format!("/organize/documents/{id}"), Some(&cookie))
        .await
        .page(404);
    let list = app
        .get_page("/organize/documents", Some(&cookie))
        .await
        .page(200)
        .text();
    assert!(!list.contains(&format!("/organize/documents/{id}\"")));
    assert!(app.state.files.is_empty().await.unwrap());
    // Twice is once too many.
    app.submit(&format!("/organize/documents/{id}/withdraw"), &cookie, &[])
        .await
        .page(404);
}

#[tokio::test]
async fn only_organizers_reach_the_librarys_workspace() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let organizer = app.organizer_browser().await;
    let id = add_memo(&app, &organizer).await;

    // Anonymous visitors are sent to sign in and come back.
    let visitor = app.visitor().await;
    for path in [
        "/organize/documents".to_string(),
        "/organize/documents/new".to_string(),
        format!("/organize/documents/{id}"),
    ] {
        let reply = app.get_page(&path, Some(&visitor)).await.expect(303);
        assert!(reply.location().starts_with("/login"), "{path}");
    }
    let token = csrf(&visitor);
    let reply = send(
        &app,
        "/organize/documents/new",
        &visitor,
        &memo_form(&token, MEMO, Some(("memo.pdf", PDF))),
        false,
    )
    .await
    .expect(303);
    assert!(reply.location().starts_with("/login"));

    // Members are refused.
    app.user_with_password("reader@example.org", "A Reader", "member", TEST_PASSWORD)
        .await;
    let member = app.sign_in("reader@example.org", TEST_PASSWORD).await;
    for path in [
        "/organize/documents".to_string(),
        "/organize/documents/new".to_string(),
        format!("/organize/documents/{id}"),
    ] {
        app.get_page(&path, Some(&member)).await.page(403);
    }
    let token = csrf(&member);
    send(
        &app,
        "/organize/documents/new",
        &member,
        &memo_form(&token, MEMO, Some(("memo.pdf", PDF))),
        false,
    )
    .await
    .page(403);
    app.submit(&format!("/organize/documents/{id}/withdraw"), &member, &[])
        .await
        .page(403);
    app.submit(
        &format!("/organize/documents/{id}"),
        &member,
        &[("title", "Hijacked"), ("kind", "other")],
    )
    .await
    .page(403);
    assert_eq!(app.count("documents").await, 1);
    let document = app
        .get(&format!("/api/v1/documents/{id}"), As::Anonymous)
        .await
        .expect(200)
        .json();
    assert_eq!(document["title"], MEMO);
}

#[tokio::test]
async fn hostile_input_gets_a_clear_answer_and_never_a_server_error() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let cookie = app.organizer_browser().await;
    let token = csrf(&cookie);

    for path in [
        "/organize/documents/999999",
        "/organize/documents/abc",
        "/organize/documents/99999999999999",
        "/organize/documents/-1",
    ] {
        app.get_page(path, Some(&cookie)).await.page(404);
        app.submit(&format!("{path}/withdraw"), &cookie, &[])
            .await
            .page(404);
        app.submit(path, &cookie, &[("title", "x"), ("kind", "other")])
            .await
            .page(404);
    }
    app.get_page(
        "/organize/documents?offset=abc&limit=-4&kind=novel&q=%E2%80%AE",
        Some(&cookie),
    )
    .await
    .page(200);

    // No CSRF token, or a file before it: refused, nothing stored.
    let reply = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &[
            Part::File("file", "memo.pdf", PDF),
            Part::Text("_csrf", &token),
            Part::Text("title", MEMO),
            Part::Text("kind", "report"),
        ],
        false,
    )
    .await;
    reply.page(403);
    let reply = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &[Part::Text("title", MEMO), Part::Text("kind", "report")],
        false,
    )
    .await;
    reply.page(403);
    assert!(app.state.files.is_empty().await.unwrap());

    // Huge fields, bad numbers and a strange file name.
    let huge = "é".repeat(100_000);
    let mut parts = memo_form(&token, &huge, Some(("../../etc/\u{202e}fdp.exe", PDF)));
    set(&mut parts, "published_on", "2012-02-30");
    set(&mut parts, "kind", "novel");
    let reply = send(&app, "/organize/documents/new", &cookie, &parts, true).await;
    let mut fields = reply.error_fields();
    fields.sort();
    assert_eq!(fields, ["kind", "published_on"]);
    let mut parts = memo_form(&token, &huge, Some(("../../etc/\u{202e}fdp.exe", PDF)));
    set(&mut parts, "event_id", "NaN");
    set(&mut parts, "series_id", "99999999999999999999");
    parts.push(Part::Text("organization_ids", "-7"));
    let reply = send(&app, "/organize/documents/new", &cookie, &parts, true).await;
    let mut fields = reply.error_fields();
    fields.sort();
    assert_eq!(
        fields,
        ["event_id", "organization_ids", "series_id", "title"]
    );
    let too_long = "a".repeat(300 * 1024);
    let reply = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &[
            Part::Text("_csrf", &token),
            Part::Text("summary", &too_long),
        ],
        true,
    )
    .await;
    assert_eq!(reply.error_fields(), ["summary"]);
    let page = send(
        &app,
        "/organize/documents/new",
        &cookie,
        &[
            Part::Text("_csrf", &token),
            Part::Text("title", "<script>alert(1)</script>"),
        ],
        false,
    )
    .await
    .page(422)
    .text();
    assert!(!page.contains("<script>alert(1)</script>"));
    // A body that is not a form at all.
    let reply = app
        .request(
            Method::POST,
            "/organize/documents/new",
            As::Cookie(&cookie),
            Some(Body::from("--broken\r\nnonsense")),
            Some("multipart/form-data; boundary=broken"),
        )
        .await;
    assert!(reply.status.is_client_error(), "{}", reply.status);
    let reply = app
        .request(
            Method::POST,
            "/organize/documents/new",
            As::Cookie(&cookie),
            Some(Body::from("{}")),
            Some("application/json"),
        )
        .await;
    assert!(reply.status.is_client_error(), "{}", reply.status);
    assert_eq!(app.count("documents").await, 0);
    assert!(app.state.files.is_empty().await.unwrap());
}

/// A flash message as the next page shows it.
fn flash_text(reply: &Reply) -> String {
    let raw = reply.set_cookie(FLASH_COOKIE).expect("a confirmation");
    percent_encoding::percent_decode_str(&raw)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

#[tokio::test]
async fn the_librarys_pages_speak_french_and_spanish() {
    let (app, _folder) = common::files::app_with_files(25).await;
    let cookie = app.organizer_browser().await;
    let french = format!("{cookie}; roundtable_lang=fr");
    let token = csrf(&cookie);

    // The add form, in French.
    let form = app
        .get_page("/organize/documents/new", Some(&french))
        .await
        .page(200)
        .text();
    assert!(form.contains("<h1>Ajouter un document</h1>"), "{form}");
    assert!(form.contains("<button type=\"submit\">Ajouter le document</button>"));
    assert!(form.contains("<legend>Qui peut le lire</legend>"));
    assert!(form.contains("Note d’orientation</option>"), "{form}");
    assert!(form.contains("> Afrique du Nord</label>"), "{form}");
    assert!(form.contains("25 Mo au maximum."), "{form}");

    // Refused in French: the count, the error beside its field, the file to choose again.
    let page = send(
        &app,
        "/organize/documents/new",
        &french,
        &memo_form(&token, "", Some(("memo.pdf", PDF))),
        false,
    )
    .await
    .page(422)
    .text();
    assert!(page.contains("Veuillez corriger 1 champ"), "{page}");
    assert!(page.contains("<span class=\"error\" id=\"f-title-error\">Est obligatoire.</span>"));
    assert!(page.contains("Vous aviez choisi « memo.pdf »"));
    let mut parts = memo_form(&token, MEMO, Some(("memo.pdf", PDF)));
    parts.push(Part::Text("regions", "atlantis"));
    let page = send(&app, "/organize/documents/new", &french, &parts, false)
        .await
        .page(422)
        .text();
    assert!(page.contains("« atlantis » doit être une région"), "{page}");

    // Added, confirmed in French.
    let reply = send(
        &app,
        "/organize/documents/new",
        &french,
        &memo_form(&token, MEMO, Some(("memo.pdf", PDF))),
        false,
    )
    .await
    .expect(303);
    assert_eq!(
        flash_text(&reply),
        format!("« {MEMO} » a été ajouté à la bibliothèque.")
    );
    let id = document_id(&reply.location());

    // Its page and the library, in Spanish.
    let page = app
        .get_page(&format!("/documents/{id}?lang=es"), None)
        .await
        .page(200)
        .text();
    assert!(page.contains("<h2>Resumen</h2>"), "{page}");
    assert!(
        page.contains("<dt>Fecha de publicación</dt><dd>25 de septiembre de 2012</dd>"),
        "{page}"
    );
    assert!(
        page.contains("<dd>Américas, América del Norte</dd>"),
        "{page}"
    );
    assert!(page.contains("Descargar (PDF, "));
    assert!(page.contains("Nota de política"));
    let library = app
        .get_page("/documents?lang=es", None)
        .await
        .page(200)
        .text();
    assert!(library.contains("<h1>Documentos</h1>"), "{library}");
    assert!(library.contains("<h2>Américas</h2>"), "{library}");
    assert!(library.contains("<option value=\"policy-memo\">Nota de política</option>"));

    // The organizers' list, in French; the document withdrawn, confirmed in French.
    let list = app
        .get_page("/organize/documents", Some(&french))
        .await
        .page(200)
        .text();
    assert!(
        list.contains("<h1>Documents de la bibliothèque</h1>"),
        "{list}"
    );
    assert!(list.contains("1 document."));
    assert!(list.contains(">Tout le monde</span>"), "{list}");
    let reply = app
        .submit(&format!("/organize/documents/{id}/withdraw"), &french, &[])
        .await
        .expect(303);
    assert_eq!(
        flash_text(&reply),
        format!("« {MEMO} » a été retiré de la bibliothèque.")
    );

    // English stays English.
    let form = app
        .get_page("/organize/documents/new", Some(&cookie))
        .await
        .page(200)
        .text();
    assert!(form.contains("<h1>Add a document</h1>"));
    assert!(form.contains("<button type=\"submit\">Add the document</button>"));
    assert!(form.contains("at most 25 MB."));
}
