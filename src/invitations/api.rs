//! `/api/v1/events/{event}/invitations` and the token-authenticated answers.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{AnswerRequest, InvitationOut, InviteOutcome, InvitePreview, InviteRequest, service};
use crate::app::AppState;
use crate::error::{AppResult, Problem};
use crate::events::SeriesRef;
use crate::web::{ApiJson, Listed, Staff};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_invitations, create_invitations))
        .routes(routes!(preview_invitations))
        .routes(routes!(resend_invitations))
        .routes(routes!(accept))
        .routes(routes!(decline))
}

/// Invites people to the event, or a session's participants each in their role; each
/// invitation queues one mail with accept and decline links and an `.ics`.
#[utoipa::path(post, path = "/api/v1/events/{event}/invitations", tag = "invitations",
    params(("event" = String, Path, description = "id or slug")), request_body = InviteRequest,
    responses((status = 202, body = InviteOutcome), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn create_invitations(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
    ApiJson(request): ApiJson<InviteRequest>,
) -> AppResult<(StatusCode, Json<InviteOutcome>)> {
    let outcome = service::invite(
        &state.db,
        &state.settings,
        &actor,
        &SeriesRef::parse(&reference),
        request,
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(outcome)))
}

/// The mail each invitee would get from the same request sent to
/// `/api/v1/events/{event}/invitations`, rendered as it would be sent, with links that
/// work nowhere. Queues nothing and writes nothing; refused as sending would be.
#[utoipa::path(post, path = "/api/v1/events/{event}/invitations/preview", tag = "invitations",
    params(("event" = String, Path, description = "id or slug")), request_body = InviteRequest,
    responses((status = 200, body = InvitePreview), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn preview_invitations(
    State(state): State<AppState>,
    Staff(_actor): Staff,
    Path(reference): Path<String>,
    ApiJson(request): ApiJson<InviteRequest>,
) -> AppResult<Json<InvitePreview>> {
    let preview = service::preview(
        &state.db,
        &state.settings,
        &SeriesRef::parse(&reference),
        request,
        None,
    )
    .await?;
    Ok(Json(preview))
}

/// The event's invitations: who was invited to what, and who answered.
#[utoipa::path(get, path = "/api/v1/events/{event}/invitations", tag = "invitations",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 200, body = Listed<InvitationOut>), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
async fn list_invitations(
    State(state): State<AppState>,
    Staff(_actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<Listed<InvitationOut>>> {
    let items = service::list(&state.db, &SeriesRef::parse(&reference)).await?;
    let total = items.len() as u64;
    Ok(Json(Listed { items, total }))
}

/// Sends the invitations nobody answered yet again, with new links.
#[utoipa::path(post, path = "/api/v1/events/{event}/invitations/resend", tag = "invitations",
    params(("event" = String, Path, description = "id or slug")),
    responses((status = 202, body = InviteOutcome), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
async fn resend_invitations(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(reference): Path<String>,
) -> AppResult<(StatusCode, Json<InviteOutcome>)> {
    let outcome = service::resend_unanswered(
        &state.db,
        &state.settings,
        &actor,
        &SeriesRef::parse(&reference),
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(outcome)))
}

async fn answer(
    state: &AppState,
    token: &str,
    accept: bool,
    request: AnswerRequest,
) -> AppResult<Json<InvitationOut>> {
    service::respond(
        &state.db,
        &state.settings,
        token,
        accept,
        request.message.as_deref(),
    )
    .await?;
    let invitation = service::by_token(&state.db, token).await?;
    let all = service::list(&state.db, &SeriesRef::Id(invitation.event_id)).await?;
    let out = all
        .into_iter()
        .find(|i| i.id == invitation.id)
        .ok_or(crate::error::AppError::NotFound("invitation"))?;
    Ok(Json(out))
}

/// Accepts an invitation; no sign-in: the token is the credential. Repeatable; the last
/// answer wins.
#[utoipa::path(post, path = "/invitations/{token}/accept", tag = "invitations",
    params(("token" = String, Path)), request_body(content = Option<AnswerRequest>, description = "optional"),
    responses((status = 200, body = InvitationOut), (status = 303, description = "from the invitation page: back to it"),
        (status = 404, body = Problem)))]
async fn accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> AppResult<axum::response::Response> {
    respond_to(&state, &token, true, &headers, &body).await
}

/// Declines an invitation; no sign-in: the token is the credential. The organizers'
/// mailbox is told, with the `message` if one is given; declining again tells nobody.
#[utoipa::path(post, path = "/invitations/{token}/decline", tag = "invitations",
    params(("token" = String, Path)), request_body(content = Option<AnswerRequest>, description = "optional"),
    responses((status = 200, body = InvitationOut), (status = 303, description = "from the invitation page: back to it"),
        (status = 404, body = Problem)))]
async fn decline(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> AppResult<axum::response::Response> {
    respond_to(&state, &token, false, &headers, &body).await
}

/// Programs get the invitation as JSON; the invitation page's form (a browser) is sent
/// back to the page with a confirmation. The token in the path is the only credential,
/// and no cookie is involved, so there is nothing for a cross-site form to borrow.
async fn respond_to(
    state: &AppState,
    token: &str,
    accept: bool,
    headers: &axum::http::HeaderMap,
    body: &[u8],
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let from_page = crate::web::pages::is_form_submission(headers);
    let request = if from_page {
        AnswerRequest {
            message: url::form_urlencoded::parse(body)
                .find(|(key, _)| key == "message")
                .map(|(_, value)| value.replace('\0', "")),
        }
    } else if crate::web::json::is_json(headers) {
        crate::web::json::parse_optional(body)?
    } else {
        AnswerRequest::default()
    };
    let json = answer(state, token, accept, request).await?;
    if from_page {
        let message = if accept {
            "Thank you: your acceptance is recorded. You can change your answer below at any time."
        } else {
            "Your answer is recorded: you declined. You can change it below at any time."
        };
        return Ok(crate::web::pages::redirect_with_flash(
            &format!("/invitations/{token}"),
            message,
        ));
    }
    Ok(json.into_response())
}
