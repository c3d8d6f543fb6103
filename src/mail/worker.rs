//! The delivery worker inside `serve`: claims due messages, sends them, records the
//! outcome; retries with exponential backoff and marks a message failed after the
//! configured number of tries, or at once when the server refuses it for good.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use futures::StreamExt;
use tokio::sync::watch;

use crate::entities::outbox_message;

use super::outbox::{self, Claim};
use super::transport::{Transport, build};
use crate::config::Settings;
use crate::db::Db;

/// Messages in flight at once (lettre's SMTP pool keeps up to 10 connections), and so
/// messages claimed at once: a worker holds no message it is not sending.
const PARALLEL: usize = 8;

pub struct Worker {
    db: Db,
    settings: Arc<Settings>,
    transport: Transport,
    wakeup: Arc<tokio::sync::Notify>,
}

/// The wait before try `attempts + 1`: 30 s, 1 min, 2 min... up to an hour.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.clamp(1, 8) - 1).unwrap_or(0);
    Duration::seconds((30i64 * 2i64.pow(exponent)).min(3600))
}

impl Worker {
    pub fn new(db: Db, settings: Arc<Settings>) -> anyhow::Result<Self> {
        let transport = Transport::from_settings(&settings.mail)?;
        Ok(Self {
            db,
            settings,
            transport,
            wakeup: Arc::new(tokio::sync::Notify::new()),
        })
    }

    /// Lets requests that queue urgent mail wake the worker before its next poll.
    pub fn wake_on(&mut self, wakeup: Arc<tokio::sync::Notify>) {
        self.wakeup = wakeup;
    }

    /// Delivers every message due now; returns how many were sent.
    ///
    /// Claims as many messages as it sends at once, and renews their lease while they
    /// are being sent (every third of the lease), so that another instance never takes
    /// over a message still in flight; a message whose claim was lost anyway (this
    /// instance stalled past its lease) is recorded by whoever holds it, not here.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn deliver_due(&self) -> anyhow::Result<usize> {
        let lease = Duration::seconds(self.settings.mail.lease_seconds.max(1));
        let renew_every = (lease / 3)
            .to_std()
            .unwrap_or(StdDuration::from_secs(1))
            .max(StdDuration::from_millis(200));
        let mut sent = 0;
        loop {
            let batch = outbox::claim(&self.db, PARALLEL as u64, lease).await?;
            if batch.is_empty() {
                return Ok(sent);
            }
            let claims: Vec<Claim> = batch.iter().map(Claim::of).collect();
            // Several messages at once over the transport's pooled connections: one SMTP
            // conversation spends most of its time waiting on the network.
            let sending = futures::stream::iter(batch)
                .map(|row| self.deliver(row))
                .buffer_unordered(PARALLEL)
                .collect::<Vec<anyhow::Result<Option<Claim>>>>();
            tokio::pin!(sending);
            let mut renewal = tokio::time::interval(renew_every);
            renewal.tick().await; // the first tick is now
            let outcomes = loop {
                tokio::select! {
                    outcomes = &mut sending => break outcomes,
                    _ = renewal.tick() => {
                        if let Err(err) = outbox::renew(&self.db, &claims, chrono::Utc::now() + lease).await {
                            tracing::warn!(error = %err, "could not renew the lease of messages in flight");
                        }
                    }
                }
            };
            let mut delivered = Vec::new();
            for outcome in outcomes {
                delivered.extend(outcome?);
            }
            // The messages that went out, recorded together.
            let lost = outbox::mark_sent(&self.db, &delivered).await?;
            for claim in &lost {
                tracing::warn!(
                    outbox_id = claim.id,
                    attempt = claim.attempt,
                    "mail sent after its claim was lost; its holder records it"
                );
            }
            sent += delivered.len();
        }
    }

    /// Sends one claimed message; its claim when it went out (to be recorded as sent),
    /// else records the failed try.
    async fn deliver(&self, row: outbox_message::Model) -> anyhow::Result<Option<Claim>> {
        let claim = Claim::of(&row);
        let result = match build(&self.settings.mail, &row) {
            Ok(message) => self.transport.send(message).await,
            Err(err) => Err(err),
        };
        match result {
            Ok(()) => {
                crate::operations::metrics::mail_sent();
                tracing::info!(outbox_id = row.id, kind = %row.kind, "mail sent");
                Ok(Some(claim))
            }
            Err(err) => {
                let retry = (!err.permanent && row.attempts < self.settings.mail.max_attempts)
                    .then(|| backoff(row.attempts));
                tracing::warn!(outbox_id = row.id, attempts = row.attempts, permanent = err.permanent, error = %err.message, "mail not sent");
                crate::operations::metrics::mail_failed(retry.is_none());
                if !outbox::mark_failed(&self.db, claim, &err.message, retry).await? {
                    tracing::warn!(
                        outbox_id = row.id,
                        attempt = claim.attempt,
                        "the failed try's claim was lost; its holder records the outcome"
                    );
                }
                Ok(None)
            }
        }
    }

    /// Runs until `stop` turns true, polling for due messages.
    #[tracing::instrument(skip_all)]
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let interval = StdDuration::from_millis(self.settings.mail.poll_interval_ms.max(50));
        loop {
            if let Err(err) = self.deliver_due().await {
                tracing::error!(error = %err, "mail worker: delivery round failed");
            }
            tokio::select! {
                _ = tokio::time::sleep(interval) => {}
                _ = self.wakeup.notified() => {}
                _ = stop.changed() => {}
            }
            if *stop.borrow() {
                tracing::info!("mail worker stopped");
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(4), Duration::seconds(240));
        assert_eq!(backoff(20), Duration::seconds(3600));
    }
}
