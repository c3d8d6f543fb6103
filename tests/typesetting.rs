//! PDFs typeset as `serve` has them typeset: each by a short-lived `roundtable typeset`
//! child process, so that Typst's memory goes back to the system when the PDF is done.
//! The child gives the very bytes typesetting in the process gives; a child that fails is
//! an error with its reason, not a hang; the command refuses an unknown template.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::fixtures::slug;
use common::{As, spawn_app};
use roundtable::events::SeriesRef;
use roundtable::pdf::{self, Job, PdfError, Template, child};
use roundtable::reports::service;
use serde_json::json;

const PROGRAM: &str = env!("CARGO_BIN_EXE_roundtable");

#[tokio::test]
async fn a_report_pdf_comes_from_a_child_process_with_the_bytes_typeset_in_process() {
    child::typeset_in_children(PROGRAM.into());
    let app = spawn_app().await;
    let event = slug(&app.brussels_event().await);
    app.publish(&event).await;
    let session = app
        .session(
            &event,
            "Early warning and early action",
            "2009-06-03T09:30:00",
            "2009-06-03T11:00:00",
            None,
        )
        .await;
    let rapporteur = app.person("Dr", "Sam", "Rapporteur").await;
    app.assign(session, rapporteur, "rapporteur").await;
    let path = format!("/api/v1/sessions/{session}/summary");
    app.send(
        axum::http::Method::PUT,
        &path,
        app.org(),
        &json!({"overview": "Early warning must lead to early action."}),
    )
    .await
    .expect(200);
    app.post(&format!("{path}/submit"), app.org(), &json!({}))
        .await
        .expect(200);
    app.post(&format!("{path}/approve"), app.org(), &json!({}))
        .await
        .expect(200);
    app.post(
        &format!("/api/v1/events/{event}/report/publish"),
        app.org(),
        &json!({}),
    )
    .await
    .expect(200);

    let pdf = app
        .get(&format!("/events/{event}/report.pdf"), As::Anonymous)
        .await
        .expect(200);
    assert!(pdf.body.starts_with(b"%PDF-"), "not a PDF");
    assert!(
        child::largest_child_rss() > 0,
        "no typesetting process told its memory: the PDF was typeset in the server"
    );
    let report = service::visible_report(&app.db, &app.settings, &SeriesRef::parse(&event), false)
        .await
        .unwrap();
    assert_eq!(
        pdf.body,
        pdf::event_report(&report).unwrap(),
        "the child typeset another PDF than the server would have"
    );
}

#[tokio::test]
async fn a_child_that_cannot_typeset_is_an_error_with_its_reason() {
    child::typeset_in_children(PROGRAM.into());
    let job = Job::new(Template::Synthesis, b"{\"not\": \"a synthesis\"".to_vec());
    match child::typeset(job).await {
        Err(PdfError::Child(reason)) => {
            assert!(
                reason.contains("JSON") || reason.contains("json"),
                "{reason}"
            )
        }
        other => panic!("expected the child's failure, got {other:?}"),
    }
}

#[test]
fn the_command_refuses_an_unknown_template() {
    let output = std::process::Command::new(PROGRAM)
        .args(["typeset", "letter"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no template is called \"letter\""),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}
