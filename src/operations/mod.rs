//! Running Roundtable in production: copies of the database (`roundtable backup`, and the
//! daily copies `serve` keeps) and metrics for monitoring (`GET /metrics`).

pub mod backup;
pub mod metrics;
