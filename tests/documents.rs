//! The documents library through its API: uploads told apart by their content, the size
//! limit, access levels on the list, the document and its file, metadata errors, links,
//! changes and withdrawal; nothing kept of a refused upload. Runs on SQLite, or on
//! PostgreSQL when `ROUNDTABLE_TEST_POSTGRES` names a server; files in a folder, or in an
//! S3-compatible bucket when `ROUNDTABLE_TEST_S3` names one (`scripts/s3.sh`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::Method;
use common::files::{PDF, app_with_files};
use common::{As, Reply, TestApp};
use serde_json::{Value, json};

/// Whether the app's store holds no file (its folder, or its folder of the bucket).
async fn no_files(app: &TestApp) -> bool {
    app.state.files.is_empty().await.unwrap()
}

/// Uploads `bytes` named `filename` with `metadata`.
async fn upload(
    app: &TestApp,
    who: As<'_>,
    filename: &str,
    bytes: &[u8],
    metadata: &Value,
) -> Reply {
    let boundary = "roundtable-test-boundary";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\
             Content-Type: application/json\r\n\r\n{metadata}\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.request(
        Method::POST,
        "/api/v1/documents",
        who,
        Some(Body::from(body)),
        Some(&format!("multipart/form-data; boundary={boundary}")),
    )
    .await
}

fn memo(access: &str) -> Value {
    json!({
        "title": "Policy memo: the Responsibility to Protect in the Americas",
        "kind": "policy-memo",
        "published_on": "2012-09-25",
        "regions": ["americas", "global"],
        "countries": ["AR", "ca"],
        "language": "en",
        "summary": "What governments of the region can do next.",
        "access": access,
        "next_steps": ["Convene a regional focal points meeting", "Brief the OAS"]
    })
}

fn ids(reply: &Reply) -> Vec<i64> {
    reply.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_members_document_is_for_signed_in_readers_only_on_list_page_and_file() {
    let (app, _folder) = app_with_files(25).await;
    let org = app.organization("Stanley Foundation").await;
    let mut metadata = memo("members");
    metadata["organization_ids"] = json!([org]);
    let created = upload(&app, app.org(), "memo.pdf", PDF, &metadata)
        .await
        .expect(201)
        .json();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["file"]["content_type"], "application/pdf");
    assert_eq!(created["file"]["filename"], "memo.pdf");
    assert_eq!(created["file"]["bytes"], PDF.len());
    assert_eq!(created["regions"], json!(["americas", "global"]));
    assert_eq!(created["countries"], json!(["AR", "CA"]));
    assert_eq!(created["organizations"][0]["name"], "Stanley Foundation");
    assert_eq!(created["next_steps"][1], "Brief the OAS");

    // An anonymous visitor learns nothing of it.
    let listed = app
        .get("/api/v1/documents", As::Anonymous)
        .await
        .expect(200);
    assert!(!ids(&listed).contains(&id));
    app.get(&format!("/api/v1/documents/{id}"), As::Anonymous)
        .await
        .expect(404);
    app.get(&format!("/documents/{id}/file"), As::Anonymous)
        .await
        .expect(404);

    // A member finds it, by region too, and downloads it.
    let listed = app
        .get("/api/v1/documents?region=americas", app.member_token())
        .await
        .expect(200);
    assert_eq!(ids(&listed), [id]);
    let elsewhere = app
        .get("/api/v1/documents?region=africa", app.member_token())
        .await
        .expect(200);
    assert!(ids(&elsewhere).is_empty());
    let by_year = app
        .get(
            "/api/v1/documents?year=2012&kind=policy-memo&language=en",
            app.member_token(),
        )
        .await
        .expect(200);
    assert_eq!(ids(&by_year), [id]);
    let file = app
        .get(&format!("/documents/{id}/file"), app.member_token())
        .await
        .expect(200);
    assert_eq!(file.body, PDF);
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert!(
        file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("filename=\"memo.pdf\"")
    );
    assert_eq!(file.headers["x-content-type-options"], "nosniff");

    // Organizers' documents are for organizers.
    app.patch(
        &format!("/api/v1/documents/{id}"),
        app.org(),
        &json!({"access": "organizers"}),
    )
    .await
    .expect(200);
    app.get(&format!("/documents/{id}/file"), app.member_token())
        .await
        .expect(404);
    app.get(&format!("/api/v1/documents/{id}"), app.member_token())
        .await
        .expect(404);
    let listed = app
        .get("/api/v1/documents", app.member_token())
        .await
        .expect(200);
    assert!(!ids(&listed).contains(&id));
    app.get(&format!("/documents/{id}/file"), app.org())
        .await
        .expect(200);
}

#[tokio::test]
async fn a_program_named_pdf_is_refused_and_nothing_is_kept() {
    let (app, _folder) = app_with_files(25).await;
    let mut program = b"\x7fELF\x02\x01\x01\0".to_vec();
    program.resize(4096, 0);
    let refused = upload(&app, app.org(), "memo.pdf", &program, &memo("public"))
        .await
        .expect(422);
    assert_eq!(refused.error_fields(), ["file"]);
    assert!(refused.text().contains("a program"), "{}", refused.text());
    assert_eq!(app.count("documents").await, 0);
    assert!(no_files(&app).await);
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_and_nothing_is_kept() {
    let (app, _folder) = app_with_files(1).await;
    let mut big = PDF.to_vec();
    big.resize(1024 * 1024 + 10, b' ');
    let refused = upload(&app, app.org(), "big.pdf", &big, &memo("public"))
        .await
        .expect(422);
    assert_eq!(refused.error_fields(), ["file"]);
    assert!(
        refused.text().contains("larger than 1 MB"),
        "{}",
        refused.text()
    );
    assert_eq!(app.count("documents").await, 0);
    assert!(no_files(&app).await);
}

#[tokio::test]
async fn metadata_errors_name_their_fields_and_nothing_is_kept() {
    let (app, _folder) = app_with_files(25).await;
    let refused = upload(
        &app,
        app.org(),
        "memo.pdf",
        PDF,
        &json!({
            "kind": "policy-memo",
            "regions": ["atlantis"],
            "language": "English please",
            "organization_ids": [999999],
            "countries": ["XX"]
        }),
    )
    .await
    .expect(422);
    let mut fields = refused.error_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "countries[0]",
            "language",
            "organization_ids[0]",
            "regions[0]",
            "title"
        ]
    );
    let unknown = upload(
        &app,
        app.org(),
        "memo.pdf",
        PDF,
        &json!({"title": "x", "kind": "novel"}),
    )
    .await
    .expect(422);
    assert_eq!(unknown.error_fields(), ["kind"]);
    assert_eq!(app.count("documents").await, 0);
    assert!(no_files(&app).await);
}

#[tokio::test]
async fn only_organizers_add_change_and_withdraw_documents() {
    let (app, _folder) = app_with_files(25).await;
    upload(&app, app.member_token(), "memo.pdf", PDF, &memo("public"))
        .await
        .expect(403);
    upload(&app, As::Anonymous, "memo.pdf", PDF, &memo("public"))
        .await
        .expect(401);
    assert_eq!(app.count("documents").await, 0);

    // A link instead of a file.
    let link = app
        .post(
            "/api/v1/documents",
            app.org(),
            &json!({
                "title": "Americas: regional page",
                "kind": "other",
                "url": "https://www.responsibilitytoprotect.org/americas",
                "regions": ["latin-america-caribbean"]
            }),
        )
        .await
        .expect(201)
        .json();
    assert_eq!(
        link["url"],
        "https://www.responsibilitytoprotect.org/americas"
    );
    assert!(link["file"].is_null());
    let by_region = app
        .get("/api/v1/documents?region=americas", As::Anonymous)
        .await
        .expect(200);
    assert_eq!(ids(&by_region), [link["id"].as_i64().unwrap()]);
    app.post(
        "/api/v1/documents",
        app.org(),
        &json!({"title": "Nothing", "kind": "other"}),
    )
    .await
    .expect(422);

    let id = upload(&app, app.org(), "memo.pdf", PDF, &memo("public"))
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/documents/{id}");
    app.patch(&path, app.member_token(), &json!({"title": "Mine"}))
        .await
        .expect(403);
    let changed = app
        .patch(
            &path,
            app.org(),
            &json!({"title": "Policy memo, 2012", "language": null}),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(changed["title"], "Policy memo, 2012");
    assert!(changed["language"].is_null());
    assert_eq!(changed["regions"], json!(["americas", "global"]));

    app.delete(&path, app.member_token()).await.expect(403);
    app.delete(&path, app.org()).await.expect(204);
    app.get(&path, app.org()).await.expect(404);
    app.get(&format!("/documents/{id}/file"), app.org())
        .await
        .expect(404);
    let listed = app.get("/api/v1/documents", app.org()).await.expect(200);
    assert!(!ids(&listed).contains(&id));
    assert!(no_files(&app).await, "the withdrawn file is deleted");
}

#[tokio::test]
async fn the_library_shows_each_reader_the_documents_they_may_read_by_region() {
    let (app, _folder) = app_with_files(25).await;
    let org = app.organization("Stanley Foundation").await;
    let mut public = memo("public");
    public["title"] = json!("Excerpts of national white papers");
    public["kind"] = json!("paper");
    public["regions"] = json!(["latin-america-caribbean"]);
    public["organization_ids"] = json!([org]);
    let public_id = upload(&app, app.org(), "excerpts.pdf", PDF, &public)
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();
    let members_id = upload(&app, app.org(), "memo.pdf", PDF, &memo("members"))
        .await
        .expect(201)
        .json()["id"]
        .as_i64()
        .unwrap();

    let anonymous = app
        .get_page("/documents?region=americas", None)
        .await
        .expect(200)
        .text();
    assert!(
        anonymous.contains("Excerpts of national white papers"),
        "{anonymous}"
    );
    assert!(anonymous.contains("By Stanley Foundation"));
    assert!(anonymous.contains(&format!("/documents/{public_id}/file")));
    assert!(!anonymous.contains("Policy memo: the Responsibility to Protect"));
    let papers_only = app
        .get_page("/documents?kind=policy-memo", None)
        .await
        .expect(200)
        .text();
    assert!(!papers_only.contains("Excerpts of national white papers"));

    let member = app
        .sign_in("member@example.org", common::TEST_PASSWORD)
        .await;
    let signed_in = app
        .get_page("/documents?region=americas", Some(&member))
        .await
        .expect(200)
        .text();
    assert!(signed_in.contains("Policy memo: the Responsibility to Protect in the Americas"));
    assert!(signed_in.contains("Members (signed in)"));

    // Each document's page.
    let page = app
        .get_page(&format!("/documents/{public_id}"), None)
        .await
        .expect(200)
        .text();
    assert!(page.contains("Excerpts of national white papers"));
    assert!(page.contains("Latin America and the Caribbean"));
    assert!(page.contains("Argentina"));
    assert!(page.contains("Brief the OAS"));
    assert!(page.contains("Download (PDF,"));
    app.get_page(&format!("/documents/{members_id}"), None)
        .await
        .expect(404);
    let page = app
        .get_page(&format!("/documents/{members_id}"), Some(&member))
        .await
        .expect(200)
        .text();
    assert!(page.contains("Who may read it: Members (signed in)"));
}

#[tokio::test]
async fn the_library_is_browsed_by_year_and_language() {
    let (app, _folder) = app_with_files(25).await;
    upload(&app, app.org(), "memo.pdf", PDF, &memo("public"))
        .await
        .expect(201);
    let mut spanish = memo("public");
    spanish["title"] = json!("Diálogo sobre la R2P: perspectivas latinoamericanas");
    spanish["language"] = json!("es-419");
    spanish["published_on"] = json!("2008-05-23");
    upload(&app, app.org(), "dialogo.pdf", PDF, &spanish)
        .await
        .expect(201);
    let memo_title = "Policy memo: the Responsibility to Protect in the Americas";
    let spanish_title = "Diálogo sobre la R2P: perspectivas latinoamericanas";

    let all = app.get_page("/documents", None).await.expect(200).text();
    // The years and languages there are, to choose from.
    assert!(
        all.contains(r#"<option value="2012">2012</option>"#),
        "{all}"
    );
    assert!(
        all.contains(r#"<option value="2008">2008</option>"#),
        "{all}"
    );
    assert!(
        all.contains(r#"<option value="es">Spanish</option>"#),
        "{all}"
    );
    assert!(
        all.contains(r#"<option value="en">English</option>"#),
        "{all}"
    );

    let in_2012 = app
        .get_page("/documents?year=2012", None)
        .await
        .expect(200)
        .text();
    assert!(in_2012.contains(memo_title) && !in_2012.contains(spanish_title));
    assert!(in_2012.contains(r#"<option value="2012" selected>2012</option>"#));
    let in_spanish = app
        .get_page("/documents?language=es", None)
        .await
        .expect(200)
        .text();
    assert!(in_spanish.contains(spanish_title) && !in_spanish.contains(memo_title));
    // What no form sends is ignored, not an error.
    for path in [
        "/documents?year=abc",
        "/documents?year=99999",
        "/documents?language=%3Cb%3E",
    ] {
        let page = app.get_page(path, None).await.expect(200).text();
        assert!(
            page.contains(memo_title) && page.contains(spanish_title),
            "{path}"
        );
    }
}
