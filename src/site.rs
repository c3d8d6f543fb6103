//! The public site's pages. This is the first of them (the home page and the 404 page);
//! the web-interface work builds the rest on the same layout.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::app::AppState;
use crate::entities::event;
use crate::error::AppResult;
use crate::events::{EventStatus, store};
use crate::web::Pagination;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

/// An event as a line of a list.
pub struct EventLine {
    pub title: String,
    pub subtitle: Option<String>,
    pub dates: String,
    pub place: Option<String>,
    pub kind: String,
}

impl From<&event::Model> for EventLine {
    fn from(e: &event::Model) -> Self {
        let dates = if e.starts_on == e.ends_on {
            e.starts_on.format("%-d %B %Y").to_string()
        } else {
            format!(
                "{} – {}",
                e.starts_on.format("%-d %B %Y"),
                e.ends_on.format("%-d %B %Y")
            )
        };
        let place = match (&e.city, &e.country) {
            (Some(city), Some(country)) => Some(format!("{city}, {country}")),
            (Some(city), None) => Some(city.clone()),
            (None, Some(country)) => Some(country.clone()),
            (None, None) => None,
        };
        Self {
            title: e.title.clone(),
            subtitle: e.subtitle.clone(),
            dates,
            place,
            kind: e.kind.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "site/home.html")]
struct HomePage {
    events: Vec<EventLine>,
}

async fn home(State(state): State<AppState>) -> AppResult<HomePage> {
    let filter = store::EventFilter {
        statuses: vec![EventStatus::Published],
        ..Default::default()
    };
    let (events, _) = store::list_events(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 100,
            offset: 0,
        },
        true,
    )
    .await?;
    Ok(HomePage {
        events: events.iter().map(EventLine::from).collect(),
    })
}

#[derive(Template)]
#[template(path = "errors/404.html")]
struct NotFoundPage;

pub fn not_found_page() -> Response {
    let body = NotFoundPage
        .render()
        .unwrap_or_else(|_| "Page not found".to_string());
    (StatusCode::NOT_FOUND, axum::response::Html(body)).into_response()
}
