//! The attendance pages of the workspace: the event's record (who checked in, each
//! session's counts, the organizations present, as a CSV too) and, for each session, the
//! roll of its panel and the registrants to mark present, absent or excused.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::Presence;
use super::record::{self, EventAttendance, Mark, Who};
use crate::app::AppState;
use crate::domain::spreadsheet::Sheet;
use crate::entities::{event, session};
use crate::error::AppError;
use crate::events::SeriesRef;
use crate::summaries::pages::when_in;
use crate::web::pages::{
    Ctx, FormData, PagePath, PageResult, Workspace, error_with, redirect_with_flash, render,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/events/{event}/attendance", get(record_page))
        .route("/organize/events/{event}/attendance.csv", get(record_csv))
        .route(
            "/organize/events/{event}/attendance/{session}",
            get(roll_page).post(save_roll),
        )
}

#[derive(Template)]
#[template(path = "attendance/record.html")]
struct RecordPage {
    ctx: Ctx,
    title: String,
    slug: String,
    record: EventAttendance,
    checked_in: usize,
    walk_ins: usize,
    sessions: Vec<SessionLine>,
}

struct SessionLine {
    id: i32,
    title: String,
    when: String,
    present: usize,
    absent: usize,
    excused: usize,
}

async fn record_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let (event, record) = record::of_event_ref(&state.db, &SeriesRef::parse(&reference)).await?;
    let (sessions, _) =
        crate::events::store::sessions_of_event(state.db.conn(), event.id, None).await?;
    let lines = sessions
        .iter()
        .filter(|s| s.kind != crate::events::SessionKind::Break)
        .map(|s| {
            let counts = record.sessions.iter().find(|c| c.session_id == s.id);
            SessionLine {
                id: s.id,
                title: s.title.clone(),
                when: when_in(ctx.lang, &event, s),
                present: counts.map_or(0, |c| c.present),
                absent: counts.map_or(0, |c| c.absent),
                excused: counts.map_or(0, |c| c.excused),
            }
        })
        .collect();
    Ok(render(&RecordPage {
        ctx,
        title: event.title.clone(),
        slug: event.slug.clone(),
        checked_in: record
            .registrations
            .iter()
            .filter(|r| r.checked_in_at.is_some())
            .count(),
        walk_ins: record.registrations.iter().filter(|r| r.walk_in).count(),
        sessions: lines,
        record,
    }))
}

/// The record as a spreadsheet: one row per person, a column per session.
async fn record_csv(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath(reference): PagePath<String>,
) -> PageResult {
    let lang = ws.ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let (event, record) = record::of_event_ref(&state.db, &SeriesRef::parse(&reference)).await?;
    let (sessions, _) =
        crate::events::store::sessions_of_event(state.db.conn(), event.id, None).await?;
    let sessions: Vec<&session::Model> = sessions
        .iter()
        .filter(|s| s.kind != crate::events::SessionKind::Break)
        .collect();
    let columns = [
        t("att-csv-name"),
        t("field-organization"),
        t("att-csv-taking-part-as"),
        t("att-csv-checked-in"),
    ];
    let mut headers: Vec<&str> = columns.iter().map(String::as_str).collect();
    headers.extend(sessions.iter().map(|s| s.title.as_str()));
    let mut sheet = Sheet::new(&headers);
    let status = |mark: Option<Presence>| {
        mark.map(|p| crate::i18n::term(lang, "att-presence", p.as_str()))
            .unwrap_or_default()
    };
    let mut people: Vec<i32> = record.participants.iter().map(|p| p.person_id).collect();
    people.dedup();
    let mut seen = std::collections::HashSet::new();
    for person_id in people.into_iter().filter(|id| seen.insert(*id)) {
        let lines: Vec<_> = record
            .participants
            .iter()
            .filter(|p| p.person_id == person_id)
            .collect();
        let mut roles: Vec<String> = lines
            .iter()
            .map(|p| crate::i18n::role(lang, p.role.as_str(), 1))
            .collect();
        roles.dedup();
        let mut row = vec![
            lines[0].name.clone(),
            lines[0].organization.clone().unwrap_or_default(),
            roles.join(", "),
            String::new(),
        ];
        row.extend(sessions.iter().map(|s| {
            status(
                lines
                    .iter()
                    .find(|p| p.session_id == s.id)
                    .and_then(|p| p.status),
            )
        }));
        sheet.row(row);
    }
    for r in &record.registrations {
        let mut row = vec![
            r.name.clone(),
            r.organization.clone().unwrap_or_default(),
            t(if r.walk_in {
                "att-walk-in"
            } else {
                "att-csv-registrant"
            }),
            r.checked_in_at
                .map(|at| at.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        ];
        row.extend(sessions.iter().map(|s| {
            status(
                r.sessions
                    .iter()
                    .find(|m| m.session_id == s.id)
                    .map(|m| m.status),
            )
        }));
        sheet.row(row);
    }
    Ok(crate::web::csv_download(
        &format!("{}-attendance.csv", event.slug),
        sheet.finish(),
    ))
}

#[derive(Template)]
#[template(path = "attendance/roll.html")]
struct RollPage {
    ctx: Ctx,
    title: String,
    slug: String,
    session_id: i32,
    session_title: String,
    when: String,
    rows: Vec<RollRow>,
    /// Each mark's value and its label in the page's language.
    choices: Vec<(&'static str, String)>,
}

struct RollRow {
    /// `p12` for a panel member, `r40` for a registrant: the field's name.
    key: String,
    name: String,
    detail: String,
    status: &'static str,
}

/// The marks of a roll, with the message naming each.
const CHOICES: &[(&str, &str)] = &[
    ("present", "att-presence-present"),
    ("absent", "att-presence-absent"),
    ("excused", "att-presence-excused"),
    ("", "att-not-marked"),
];

/// The event and session named in the path, the session being one of the event's.
async fn session_of(
    state: &AppState,
    reference: &str,
    id: &str,
) -> Result<(event::Model, session::Model), AppError> {
    let event =
        crate::events::read::visible_event(&state.db, &SeriesRef::parse(reference), true).await?;
    let session = match id.parse::<i32>() {
        Ok(id) => crate::events::store::session(state.db.conn(), id).await?,
        Err(_) => None,
    }
    .filter(|s| s.event_id == event.id)
    .ok_or(AppError::NotFound("session"))?;
    Ok((event, session))
}

async fn roll_page(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    PagePath((reference, id)): PagePath<(String, String)>,
) -> PageResult {
    let (event, session) = session_of(&state, &reference, &id).await?;
    let record = record::of_event(state.db.conn(), &event).await?;
    let lang = ctx.lang;
    let t = |id: &str| crate::i18n::t(lang, id);
    let mark = |status: Option<Presence>| status.map_or("", Presence::as_str);
    let mut rows: Vec<RollRow> = record
        .participants
        .iter()
        .filter(|p| p.session_id == session.id)
        .map(|p| RollRow {
            key: format!("p{}", p.person_id),
            name: p.name.clone(),
            detail: [
                Some(crate::i18n::role(lang, p.role.as_str(), 1)),
                p.organization.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
            status: mark(p.status),
        })
        .collect();
    rows.extend(record.registrations.iter().map(|r| {
        RollRow {
            key: format!("r{}", r.id),
            name: r.name.clone(),
            detail: [
                r.organization.clone(),
                r.checked_in_at.map(|_| t("att-roll-checked-in")),
                r.walk_in.then(|| t("att-roll-walk-in")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
            status: mark(
                r.sessions
                    .iter()
                    .find(|m| m.session_id == session.id)
                    .map(|m| m.status),
            ),
        }
    }));
    Ok(render(&RollPage {
        ctx,
        title: event.title.clone(),
        slug: event.slug.clone(),
        session_id: session.id,
        session_title: session.title.clone(),
        when: when_in(lang, &event, &session),
        rows,
        choices: CHOICES.iter().map(|(value, id)| (*value, t(id))).collect(),
    }))
}

/// Saves the roll: each line as chosen (a line left "Not marked" is cleared).
async fn save_roll(
    State(state): State<AppState>,
    ws: Workspace,
    PagePath((reference, id)): PagePath<(String, String)>,
    form: FormData,
) -> PageResult {
    let (event, session) = match session_of(&state, &reference, &id).await {
        Ok(found) => found,
        Err(err) => return Ok(error_with(ws.ctx, err)),
    };
    let mut marks = Vec::new();
    for key in form.all("line") {
        let who = match (
            key.split_at_checked(1),
            key.get(1..).and_then(|n| n.parse::<i32>().ok()),
        ) {
            (Some(("p", _)), Some(id)) => Who::Person(id),
            (Some(("r", _)), Some(id)) => Who::Registration(id),
            _ => continue,
        };
        let status = match form.get(&key) {
            None => None,
            Some(text) => match text.parse::<Presence>() {
                Ok(status) => Some(status),
                Err(_) => continue,
            },
        };
        marks.push(Mark { who, status });
    }
    match record::mark(&state.db, &ws.actor, session.id, &marks).await {
        Ok(()) => Ok(redirect_with_flash(
            &format!("/organize/events/{}/attendance#s{}", event.slug, session.id),
            &crate::i18n::t_texts(
                ws.ctx.lang,
                "att-flash-roll-saved",
                &[("title", &session.title)],
            ),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}
