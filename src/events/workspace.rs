//! The workspace pages of series and events (`/organize/series/...`,
//! `/organize/events/...`): their forms, an event's workspace with its sessions and the
//! conflicts report, and publish, cancel and delete.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use serde_json::Value;

use crate::app::AppState;
use crate::directory::store as directory_store;
use crate::error::AppError;
use crate::events::conflicts::{self, Conflict};
use crate::events::views::{self, EventCard, SessionLine};
use crate::events::{
    EventInput, EventKind, EventStatus, OrganizerInput, OrganizerRole, RegistrationMode,
    RegistrationSettingsInput, SeriesInput, SeriesRef, service, store,
};
use crate::i18n::{Language, t, t_texts};
use crate::web::Pagination;
use crate::web::forms::{
    Field, FormPage, Kind, Section, Values, country_choices_in, enum_choices, form_page, refused,
    subregion_choices_in, term_choices, timezone_choices, to_patch,
};
use crate::web::pages::PagePath as Path;
use crate::web::pages::Workspace;
use crate::web::pages::{
    Ctx, FormData, PageError, PageResult, error_with, redirect_with_flash, render,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organize/series/new", get(new_series).post(create_series))
        .route(
            "/organize/series/{series}/edit",
            get(edit_series).post(update_series),
        )
        .route("/organize/events/new", get(new_event).post(create_event))
        .route("/organize/events/{event}", get(event_workspace))
        .route(
            "/organize/events/{event}/edit",
            get(edit_event).post(update_event),
        )
        .route("/organize/events/{event}/publish", post(publish))
        .route("/organize/events/{event}/cancel", post(cancel))
        .route("/organize/events/{event}/delete", post(delete))
        .route(
            "/organize/events/{event}/duplicate",
            get(duplicate_form).post(duplicate),
        )
}

const SERIES_FIELDS: &[&str] = &["title", "description", "slug", "language"];

fn series_sections(values: &Values, lang: Language) -> Vec<Section> {
    vec![Section::new(
        &t(lang, "form-series-legend"),
        vec![
            Field::new("title", &t(lang, "form-title"), Kind::Text, values).required(),
            Field::new("slug", &t(lang, "form-web-address"), Kind::Text, values)
                .hint(&t(lang, "form-web-address-hint")),
            Field::new(
                "description",
                &t(lang, "form-description"),
                Kind::TextArea,
                values,
            ),
            Field::new(
                "language",
                &t(lang, "form-written-in"),
                Kind::Select,
                values,
            )
            .options(None, enum_choices::<crate::i18n::Language>())
            .hint(&t(lang, "form-series-language-hint")),
        ],
    )]
}

/// The label of the link back to the workspace.
fn to_workspace(lang: Language) -> (String, String) {
    ("/organize".into(), t(lang, "form-back-workspace"))
}

fn series_input(values: &Values) -> SeriesInput {
    SeriesInput {
        title: values.opt("title"),
        description: values.opt("description"),
        slug: values.opt("slug"),
        language: values.opt("language"),
        // Edited on their own page.
        translations: None,
    }
}

async fn new_series(Workspace { ctx, .. }: Workspace) -> PageResult {
    let lang = ctx.lang;
    let page = form_page(
        ctx,
        &t(lang, "form-new-series"),
        "/organize/series/new".into(),
        &t(lang, "form-create-series"),
        to_workspace(lang),
        series_sections(&Values::default(), lang),
    );
    Ok(render(&page))
}

async fn create_series(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, SERIES_FIELDS);
    match service::create_series(&state.db, Some(&actor), series_input(&values)).await {
        Ok(series) => Ok(redirect_with_flash(
            "/organize",
            &t_texts(ctx.lang, "form-series-created", &[("title", &series.title)]),
        )),
        Err(err) => {
            let lang = ctx.lang;
            let page = form_page(
                ctx,
                &t(lang, "form-new-series"),
                "/organize/series/new".into(),
                &t(lang, "form-create-series"),
                to_workspace(lang),
                series_sections(&values, lang),
            );
            Ok(refused(page, err, &HashMap::new()))
        }
    }
}

async fn edit_series(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(reference): Path<String>,
) -> PageResult {
    let series = store::series(state.db.conn(), &SeriesRef::parse(&reference))
        .await?
        .ok_or(AppError::NotFound("series"))?;
    let values = Values::of(&SeriesInput::from_model(&series));
    let lang = ctx.lang;
    let mut page = form_page(
        ctx,
        &t_texts(lang, "form-edit-title", &[("title", &series.title)]),
        format!("/organize/series/{}/edit", series.slug),
        &t(lang, "form-save-changes"),
        to_workspace(lang),
        series_sections(&values, lang),
    );
    page.links.push((
        format!("/organize/series/{}/translations", series.slug),
        t(lang, "form-translations"),
    ));
    Ok(render(&page))
}

async fn update_series(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(reference): Path<String>,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, SERIES_FIELDS);
    let input = series_input(&values);
    match service::update_series(&state.db, &actor, &SeriesRef::parse(&reference), {
        let mut patch = to_patch(&input);
        patch.remove("translations");
        patch
    })
    .await
    {
        Ok(series) => Ok(redirect_with_flash(
            "/organize",
            &t_texts(ctx.lang, "form-series-saved", &[("title", &series.title)]),
        )),
        Err(AppError::NotFound(what)) => Err(PageError(AppError::NotFound(what))),
        Err(err) => {
            let lang = ctx.lang;
            let page = form_page(
                ctx,
                &t(lang, "form-edit-series"),
                format!("/organize/series/{reference}/edit"),
                &t(lang, "form-save-changes"),
                to_workspace(lang),
                series_sections(&values, lang),
            );
            Ok(refused(page, err, &HashMap::new()))
        }
    }
}

// ----- Events -----

const EVENT_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "kind",
    "description",
    "series",
    "slug",
    "starts_on",
    "ends_on",
    "timezone",
    "venue",
    "city",
    "country",
    "region",
    "subregion",
    "organizer_id",
    "organizer_role",
    "capacity",
    "registration_mode",
    "registration_opens_at",
    "registration_closes_at",
    "waitlist",
    "language",
];

/// What the event form offers to choose from.
struct EventChoices {
    organizations: Vec<(String, String)>,
    series: Vec<(String, String)>,
}

async fn event_choices(state: &AppState) -> Result<EventChoices, AppError> {
    let filter = directory_store::OrganizationFilter::default();
    let (orgs, _) = directory_store::list_organizations(
        state.db.conn(),
        &filter,
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    let (series, _) = store::list_series(
        state.db.conn(),
        Pagination {
            limit: 500,
            offset: 0,
        },
    )
    .await?;
    Ok(EventChoices {
        organizations: orgs
            .into_iter()
            .map(|o| {
                let label = match &o.acronym {
                    Some(acronym) => format!("{} ({acronym})", o.name),
                    None => o.name.clone(),
                };
                (o.id.to_string(), label)
            })
            .collect(),
        series: series
            .into_iter()
            .map(|s| (s.id.to_string(), s.title))
            .collect(),
    })
}

/// The event form; `keys` receives where each API error field is shown.
fn event_sections(
    values: &Values,
    choices: &EventChoices,
    keys: &mut HashMap<String, String>,
    lang: Language,
) -> Vec<Section> {
    let numbered = |id: &str, row: usize| crate::i18n::t_args(lang, id, &[("n", (row + 1).into())]);
    let mut organizer_fields = Vec::new();
    // Every organization already chosen, then two empty rows to add more.
    let chosen: Vec<usize> = (0..values.count("organizer_id"))
        .filter(|row| !values.nth("organizer_id", *row).trim().is_empty())
        .collect();
    let mut rows: Vec<(String, String)> = chosen
        .iter()
        .map(|row| {
            (
                values.nth("organizer_id", *row),
                values.nth("organizer_role", *row),
            )
        })
        .collect();
    rows.extend([
        (String::new(), String::new()),
        (String::new(), String::new()),
    ]);
    let mut filled = 0;
    for (row, (id, role)) in rows.into_iter().enumerate() {
        if !id.is_empty() {
            keys.insert(
                format!("organizers[{filled}].organization_id"),
                format!("f-organizer-id-{row}"),
            );
            keys.insert(
                format!("organizers[{filled}].role"),
                format!("f-organizer-role-{row}"),
            );
            keys.insert(
                format!("organizers[{filled}]"),
                format!("f-organizer-id-{row}"),
            );
            filled += 1;
        }
        organizer_fields.push(
            Field::new(
                "organizer_id",
                &numbered("form-organization-n", row),
                Kind::Select,
                values,
            )
            .row(row, id)
            .options(Some("—"), choices.organizations.clone()),
        );
        organizer_fields.push(
            Field::new(
                "organizer_role",
                &numbered("form-organization-role-n", row),
                Kind::Select,
                values,
            )
            .row(
                row,
                if role.is_empty() {
                    OrganizerRole::Organizer.as_str().into()
                } else {
                    role
                },
            )
            .options(None, term_choices::<OrganizerRole>(lang, "involvement")),
        );
    }
    for (api, form) in [
        ("registration.mode", "f-registration-mode"),
        ("registration.opens_at", "f-registration-opens-at"),
        ("registration.closes_at", "f-registration-closes-at"),
        ("series", "f-series"),
    ] {
        keys.insert(api.into(), form.into());
    }
    vec![
        Section::new(
            &t(lang, "form-about-event"),
            vec![
                Field::new("title", &t(lang, "form-title"), Kind::Text, values).required(),
                Field::new("subtitle", &t(lang, "form-subtitle"), Kind::Text, values),
                Field::new(
                    "language",
                    &t(lang, "form-written-in"),
                    Kind::Select,
                    values,
                )
                .options(None, enum_choices::<crate::i18n::Language>())
                .hint(&t(lang, "form-event-language-hint")),
                Field::new("kind", &t(lang, "form-kind"), Kind::Select, values)
                    .required()
                    .options(
                        Some(&t(lang, "form-choose")),
                        term_choices::<EventKind>(lang, "event-kind"),
                    ),
                Field::new(
                    "series",
                    &t(lang, "form-part-of-series"),
                    Kind::Select,
                    values,
                )
                .options(Some(&t(lang, "form-none")), choices.series.clone()),
                Field::new("slug", &t(lang, "form-web-address"), Kind::Text, values)
                    .hint(&t(lang, "form-web-address-hint")),
                Field::new(
                    "description",
                    &t(lang, "form-description"),
                    Kind::TextArea,
                    values,
                )
                .hint(&t(lang, "form-event-description-hint")),
            ],
        ),
        Section::new(
            &t(lang, "form-when-where"),
            vec![
                Field::new("starts_on", &t(lang, "form-first-day"), Kind::Date, values).required(),
                Field::new("ends_on", &t(lang, "form-last-day"), Kind::Date, values).required(),
                Field::new(
                    "timezone",
                    &t(lang, "form-timezone"),
                    Kind::Suggest("timezones"),
                    values,
                )
                .required()
                .hint(&t(lang, "form-timezone-hint")),
                Field::new("venue", &t(lang, "form-venue"), Kind::Text, values),
                Field::new("city", &t(lang, "form-city"), Kind::Text, values),
                Field::new("country", &t(lang, "form-country"), Kind::Select, values)
                    .options(Some("—"), country_choices_in(lang)),
                Field::new("region", &t(lang, "form-region"), Kind::Select, values).options(
                    Some("—"),
                    term_choices::<crate::domain::Region>(lang, "region"),
                ),
                Field::new(
                    "subregion",
                    &t(lang, "form-subregion"),
                    Kind::Select,
                    values,
                )
                .options(Some("—"), subregion_choices_in(lang)),
            ],
        ),
        Section::new(&t(lang, "form-organizers"), organizer_fields).pairs(),
        Section::new(
            &t(lang, "form-registration"),
            vec![
                Field::new(
                    "registration_mode",
                    &t(lang, "form-registration"),
                    Kind::Select,
                    values,
                )
                .options(
                    None,
                    term_choices::<RegistrationMode>(lang, "form-registration-mode"),
                ),
                Field::new("capacity", &t(lang, "form-capacity"), Kind::Number, values)
                    .hint(&t(lang, "form-capacity-hint")),
                Field::new(
                    "registration_opens_at",
                    &t(lang, "form-registration-opens"),
                    Kind::DateTime,
                    values,
                )
                .hint(&t(lang, "form-local-time-hint")),
                Field::new(
                    "registration_closes_at",
                    &t(lang, "form-registration-closes"),
                    Kind::DateTime,
                    values,
                ),
                Field::new(
                    "waitlist",
                    &t(lang, "form-waitlist"),
                    Kind::Checkbox,
                    values,
                ),
            ],
        ),
    ]
}

fn event_input(values: &Values) -> EventInput {
    let organizers = (0..values.count("organizer_id"))
        .filter_map(|row| {
            let id = values.nth("organizer_id", row);
            (!id.trim().is_empty()).then(|| OrganizerInput {
                organization_id: Some(id.trim().parse().unwrap_or(-1)),
                role: Some(values.nth("organizer_role", row)).filter(|r| !r.is_empty()),
            })
        })
        .collect();
    EventInput {
        title: values.opt("title"),
        kind: values.opt("kind"),
        subtitle: values.opt("subtitle"),
        description: values.opt("description"),
        starts_on: values.opt("starts_on"),
        ends_on: values.opt("ends_on"),
        timezone: values.opt("timezone"),
        venue: values.opt("venue"),
        city: values.opt("city"),
        country: values.opt("country"),
        region: values.opt("region"),
        subregion: values.opt("subregion"),
        series: values.opt("series").map(Value::String),
        organizers: Some(organizers),
        // Not a whole number: 0, which validation refuses with the capacity message.
        capacity: values.opt("capacity").map(|c| c.parse().unwrap_or(0)),
        registration: Some(RegistrationSettingsInput {
            mode: values.opt("registration_mode"),
            opens_at: values.opt("registration_opens_at"),
            closes_at: values.opt("registration_closes_at"),
            waitlist: Some(values.get("waitlist") == "true"),
        }),
        slug: values.opt("slug"),
        status: None,
        language: values.opt("language"),
        // Edited on their own page.
        translations: None,
    }
}

/// An RFC 3339 local time as a `datetime-local` value.
fn local_input(value: Option<&str>) -> Option<String> {
    value.map(|v| v.chars().take(16).collect())
}

fn event_values(input: &EventInput) -> Values {
    let mut v = Values::default();
    v.set("title", input.title.as_ref());
    v.set("subtitle", input.subtitle.as_ref());
    v.set("kind", input.kind.as_ref());
    v.set("description", input.description.as_ref());
    v.set(
        "series",
        input
            .series
            .as_ref()
            .map(|s| s.to_string().trim_matches('"').to_string()),
    );
    v.set("slug", input.slug.as_ref());
    v.set("starts_on", input.starts_on.as_ref());
    v.set("ends_on", input.ends_on.as_ref());
    v.set("timezone", input.timezone.as_ref());
    v.set("venue", input.venue.as_ref());
    v.set("city", input.city.as_ref());
    v.set("country", input.country.as_ref());
    v.set("region", input.region.as_ref());
    v.set("subregion", input.subregion.as_ref());
    v.set("capacity", input.capacity);
    v.set("language", input.language.as_ref());
    for organizer in input.organizers.iter().flatten() {
        v.push(
            "organizer_id",
            organizer.organization_id.unwrap_or_default(),
        );
        v.push("organizer_role", organizer.role.clone().unwrap_or_default());
    }
    if let Some(r) = &input.registration {
        v.set("registration_mode", r.mode.as_ref());
        v.set("registration_opens_at", local_input(r.opens_at.as_deref()));
        v.set(
            "registration_closes_at",
            local_input(r.closes_at.as_deref()),
        );
        v.set("waitlist", r.waitlist.map(|w| w.to_string()));
    }
    v
}

async fn event_form(
    state: &AppState,
    ctx: Ctx,
    title: &str,
    action: String,
    submit: &str,
    back: (String, String),
    values: &Values,
) -> Result<(FormPage, HashMap<String, String>), AppError> {
    let choices = event_choices(state).await?;
    let mut keys = HashMap::new();
    let lang = ctx.lang;
    let sections = event_sections(values, &choices, &mut keys, lang);
    let mut page = form_page(ctx, title, action, submit, back, sections);
    page.timezones = timezone_choices();
    page.country_regions = Some(crate::web::forms::country_regions_json());
    page.intro = Some(t(lang, "form-event-intro"));
    Ok((page, keys))
}

async fn new_event(State(state): State<AppState>, Workspace { ctx, .. }: Workspace) -> PageResult {
    let mut values = Values::default();
    values.set("registration_mode", Some("open"));
    let lang = ctx.lang;
    let (page, _) = event_form(
        &state,
        ctx,
        &t(lang, "form-new-event"),
        "/organize/events/new".into(),
        &t(lang, "form-create-event"),
        to_workspace(lang),
        &values,
    )
    .await?;
    Ok(render(&page))
}

async fn create_event(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    form: FormData,
) -> PageResult {
    let values = Values::from_form(&form, EVENT_FIELDS);
    match service::create_event(&state.db, Some(&actor), event_input(&values)).await {
        Ok(event) => Ok(redirect_with_flash(
            &format!("/organize/events/{}", event.slug),
            &t_texts(ctx.lang, "form-event-created", &[("title", &event.title)]),
        )),
        Err(err) => {
            let lang = ctx.lang;
            let (page, keys) = event_form(
                &state,
                ctx,
                &t(lang, "form-new-event"),
                "/organize/events/new".into(),
                &t(lang, "form-create-event"),
                to_workspace(lang),
                &values,
            )
            .await?;
            Ok(refused(page, err, &keys))
        }
    }
}

async fn edit_event(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(reference): Path<String>,
) -> PageResult {
    let event = super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let organizers = super::read::organizer_views(state.db.conn(), &[event.id])
        .await?
        .remove(&event.id)
        .unwrap_or_default();
    let values = event_values(&EventInput::from_model(&event, &organizers));
    let lang = ctx.lang;
    let (page, _) = event_form(
        &state,
        ctx,
        &t_texts(lang, "form-edit-title", &[("title", &event.title)]),
        format!("/organize/events/{}/edit", event.slug),
        &t(lang, "form-save-changes"),
        (
            format!("/organize/events/{}", event.slug),
            event.title.clone(),
        ),
        &values,
    )
    .await?;
    Ok(render(&page))
}

async fn update_event(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(reference): Path<String>,
    form: FormData,
) -> PageResult {
    let current =
        super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let values = Values::from_form(&form, EVENT_FIELDS);
    let mut patch = to_patch(&event_input(&values));
    patch.remove("status");
    patch.remove("translations");
    match service::update_event(&state.db, &actor, &SeriesRef::Id(current.id), patch).await {
        Ok(event) => Ok(redirect_with_flash(
            &format!("/organize/events/{}", event.slug),
            &t_texts(ctx.lang, "form-changes-saved", &[("title", &event.title)]),
        )),
        Err(err) => {
            let lang = ctx.lang;
            let (page, keys) = event_form(
                &state,
                ctx,
                &t_texts(lang, "form-edit-title", &[("title", &current.title)]),
                format!("/organize/events/{}/edit", current.slug),
                &t(lang, "form-save-changes"),
                (
                    format!("/organize/events/{}", current.slug),
                    current.title.clone(),
                ),
                &values,
            )
            .await?;
            Ok(refused(page, err, &keys))
        }
    }
}

pub struct WorkspaceSession {
    /// The day, over its first session.
    pub day_heading: Option<String>,
    pub line: SessionLine,
    pub conflicted: bool,
    /// Each participant: protocol line, role, invitation status.
    pub people: Vec<(String, String, crate::events::InvitationStatus)>,
}

#[derive(Template)]
#[template(path = "events/workspace.html")]
struct EventWorkspace {
    ctx: Ctx,
    event: EventCard,
    /// Whether visa letters are offered (their page is linked).
    visa_letters: bool,
    /// The event's zone: every time of the page is in it.
    zone: crate::domain::TimeZone,
    sessions: Vec<WorkspaceSession>,
    conflicts: Vec<Conflict>,
    invitations: Vec<crate::invitations::InvitationOut>,
    waiting: usize,
    /// "3 conflicts to resolve", "This event still has 3 conflicts. Publish anyway?", and
    /// "Resend to the 2 who have not answered", in the page's language.
    conflicts_heading: String,
    publish_confirm: String,
    resend_label: String,
}

async fn event_workspace(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(reference): Path<String>,
) -> PageResult {
    let event = super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let zone = event.timezone;
    let conflicts = conflicts::report_in(&state.db, &event, ctx.lang).await?;
    let out = super::read::event_view(&state.db, event, true).await?;
    let mut last_day = String::new();
    let sessions = out
        .sessions
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|s| {
            let mut line = views::session_line(s, zone);
            line.kind = ctx.term("session-kind", s.kind.as_str());
            // Titles as written, marked with the event's language when not the page's.
            line.title_lang = (out.language != ctx.lang).then(|| out.language.as_str());
            line
        })
        .zip(out.sessions.as_deref().unwrap_or_default())
        .map(|(line, s)| WorkspaceSession {
            day_heading: (line.date != last_day).then(|| {
                last_day = line.date.clone();
                views::local_day(s, zone)
                    .map(|day| crate::i18n::dates::with_weekday(ctx.lang, day))
                    .unwrap_or_else(|| line.date.clone())
            }),
            conflicted: conflicts.iter().any(|c| c.session_ids.contains(&s.id)),
            line,
            people: s
                .participants
                .iter()
                .map(|p| {
                    (
                        views::protocol_line(p),
                        ctx.role(p.role.as_str()),
                        p.invitation_status,
                    )
                })
                .collect(),
        })
        .collect();
    let invitations = crate::invitations::service::list(&state.db, &SeriesRef::Id(out.id)).await?;
    let waiting = invitations
        .iter()
        .filter(|i| i.status == crate::invitations::InvitationState::Invited)
        .count();
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let page = EventWorkspace {
        conflicts_heading: ctx.tn("ews-conflicts", &[("count", count(conflicts.len()))]),
        publish_confirm: ctx.tn("ews-publish-anyway", &[("count", count(conflicts.len()))]),
        resend_label: ctx.tn("ews-resend", &[("count", count(waiting))]),
        visa_letters: state.settings.visa_letters.enabled,
        invitations,
        waiting,
        event: EventCard::in_workspace(&out, ctx.lang),
        zone,
        sessions,
        conflicts,
        ctx,
    };
    Ok(render(&page))
}

async fn change_status(
    state: &AppState,
    ws: Workspace,
    reference: &str,
    to: EventStatus,
) -> PageResult {
    match service::set_status(
        &state.db,
        &state.settings,
        &ws.actor,
        &SeriesRef::parse(reference),
        to,
    )
    .await
    {
        Ok(event) => {
            let id = match to {
                EventStatus::Published => "form-event-published",
                _ => "form-event-cancelled",
            };
            let message = t_texts(ws.ctx.lang, id, &[("title", &event.title)]);
            Ok(redirect_with_flash(
                &format!("/organize/events/{}", event.slug),
                &message,
            ))
        }
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

async fn publish(
    State(state): State<AppState>,
    ws: Workspace,
    Path(reference): Path<String>,
    _form: FormData,
) -> PageResult {
    change_status(&state, ws, &reference, EventStatus::Published).await
}

async fn cancel(
    State(state): State<AppState>,
    ws: Workspace,
    Path(reference): Path<String>,
    _form: FormData,
) -> PageResult {
    change_status(&state, ws, &reference, EventStatus::Cancelled).await
}

async fn delete(
    State(state): State<AppState>,
    ws: Workspace,
    Path(reference): Path<String>,
    _form: FormData,
) -> PageResult {
    match service::delete_event(&state.db, &ws.actor, &SeriesRef::parse(&reference)).await {
        Ok(()) => Ok(redirect_with_flash(
            "/organize",
            &t(ws.ctx.lang, "form-event-deleted"),
        )),
        Err(err) => Ok(error_with(ws.ctx, err)),
    }
}

// ----- Reuse for new dates -----

const DUPLICATE_FIELDS: &[&str] = &["starts_on", "title"];

fn duplicate_page(ctx: Ctx, event: &crate::entities::event::Model, values: &Values) -> FormPage {
    let lang = ctx.lang;
    form_page(
        ctx,
        &t_texts(lang, "form-reuse-title", &[("title", &event.title)]),
        format!("/organize/events/{}/duplicate", event.slug),
        &t(lang, "form-make-copy"),
        (
            format!("/organize/events/{}", event.slug),
            event.title.clone(),
        ),
        vec![Section::new(
            &t(lang, "form-copy-legend"),
            vec![
                Field::new(
                    "starts_on",
                    &t(lang, "form-copy-first-day"),
                    Kind::Date,
                    values,
                )
                .required(),
                Field::new("title", &t(lang, "form-copy-title"), Kind::Text, values).required(),
            ],
        )],
    )
}

async fn duplicate_form(
    State(state): State<AppState>,
    Workspace { ctx, .. }: Workspace,
    Path(reference): Path<String>,
) -> PageResult {
    let event = super::read::visible_event(&state.db, &SeriesRef::parse(&reference), true).await?;
    let mut values = Values::default();
    values.set("title", Some(&event.title));
    Ok(render(&duplicate_page(ctx, &event, &values)))
}

async fn duplicate(
    State(state): State<AppState>,
    Workspace { ctx, actor }: Workspace,
    Path(reference): Path<String>,
    form: FormData,
) -> PageResult {
    let reference = SeriesRef::parse(&reference);
    let values = Values::from_form(&form, DUPLICATE_FIELDS);
    let input = super::DuplicateInput {
        starts_on: values.opt("starts_on"),
        title: Some(values.get("title")),
    };
    match super::duplicate::duplicate(&state.db, &actor, &reference, input).await {
        Ok(copy) => Ok(redirect_with_flash(
            &format!("/organize/events/{}", copy.slug),
            &t(ctx.lang, "form-copy-made"),
        )),
        Err(err) => {
            let event = super::read::visible_event(&state.db, &reference, true).await?;
            Ok(refused(
                duplicate_page(ctx, &event, &values),
                err,
                &HashMap::new(),
            ))
        }
    }
}
