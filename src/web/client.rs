//! Who is at the other end of a request, and how often they may ask: the client's
//! address (behind a trusted proxy, the one it saw) and per-address limits.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use super::limiter::Limiter;
use crate::app::AppState;
use crate::error::{AppError, AppResult};

/// The client's address: the connection's peer, or the last address of
/// `X-Forwarded-For` when the server is configured to trust its proxy.
pub struct ClientAddress(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.settings.server.trust_forwarded_for
            && let Some(first) = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                // The last address is the one our proxy appended; earlier ones are whatever
                // the client claimed.
                .and_then(|v| v.rsplit(',').next())
                .and_then(|v| v.trim().parse::<IpAddr>().ok())
        {
            return Ok(Self(Some(first)));
        }
        Ok(Self(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

/// Refuses a client over the registrations-per-minute limit (429).
pub fn check_rate(state: &AppState, address: &ClientAddress) -> AppResult<()> {
    check_limit(&state.registration_limiter, address, "registrations")
}

/// Counts a request against a per-address limit; 429 ("too many `what`...") when over
/// it.
pub fn check_limit(limiter: &Limiter, address: &ClientAddress, what: &str) -> AppResult<()> {
    let address = address.0.unwrap_or(IpAddr::from([0, 0, 0, 0]));
    if limiter.allow(address) {
        Ok(())
    } else {
        Err(AppError::TooManyRequests(format!(
            "too many {what} from your address; wait a minute and try again"
        )))
    }
}
