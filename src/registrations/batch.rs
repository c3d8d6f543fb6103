//! Registrations that arrive together are registered together: one write transaction
//! (and so one commit, one flush of the database's log) for all of them, instead of one
//! each. Each is decided under its event's lock, in order of arrival, exactly as alone
//! ([`service::decide`]): a refused one writes nothing and the others go on; places are
//! counted across the batch, so capacity stays exact.
//!
//! The first request to find no batch running takes every request waiting and runs
//! them; those that arrive meanwhile wait for the next batch. Should the batch fail as
//! a whole (a database error after some rows were written, such as a registration made
//! at the same moment by another instance), it is rolled back and each request is
//! registered again on its own, as [`service::register`] does.

use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

use super::service::{self, Batch};
use super::{Registered, Registration, RegistrationInput};
use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::events::SeriesRef;

/// At most this many registrations share a transaction.
const MOST: usize = 64;

struct Job {
    reference: SeriesRef,
    registration: Registration,
    answer: oneshot::Sender<AppResult<Registered>>,
}

/// The requests of one process waiting to be registered.
#[derive(Default)]
pub struct Registrar {
    waiting: Mutex<Vec<Job>>,
    /// Held by the request running a batch.
    turn: tokio::sync::Mutex<()>,
}

impl Registrar {
    /// Registers someone (see [`service::register`]), together with whoever else asks
    /// at the same time.
    #[tracing::instrument(skip_all, fields(reference = ?reference), err(level = "debug"))]
    pub async fn register(
        &self,
        db: &Db,
        settings: &Arc<Settings>,
        reference: &SeriesRef,
        input: RegistrationInput,
    ) -> AppResult<Registered> {
        let registration = input.validate()?;
        let (answer, mut answered) = oneshot::channel();
        self.waiting
            .lock()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("registrations: lock poisoned")))?
            .push(Job {
                reference: reference.clone(),
                registration,
                answer,
            });
        loop {
            let turn = self.turn.lock().await;
            // A batch run meanwhile may have taken this request.
            if let Ok(result) = answered.try_recv() {
                return result;
            }
            let jobs = self.take();
            if jobs.is_empty() {
                drop(turn);
                return answered.await.unwrap_or_else(|_| Err(lost()));
            }
            // Run apart from this request, so that its client going away does not stop
            // the others' registrations halfway.
            let (db, settings) = (db.clone(), settings.clone());
            let run = tokio::spawn(async move { run(&db, &settings, jobs).await });
            let _ = run.await;
            drop(turn);
            if let Ok(result) = answered.try_recv() {
                return result;
            }
        }
    }

    fn take(&self) -> Vec<Job> {
        let Ok(mut waiting) = self.waiting.lock() else {
            return Vec::new();
        };
        let first = waiting.len().min(MOST);
        let rest = waiting.split_off(first);
        std::mem::replace(&mut *waiting, rest)
    }
}

fn lost() -> AppError {
    AppError::Internal(anyhow::anyhow!("the registration was lost on its way"))
}

/// Registers `jobs` in one transaction, answering each; on a failure of the whole, one
/// by one.
async fn run(db: &Db, settings: &Settings, jobs: Vec<Job>) {
    match together(db, settings, &jobs).await {
        Ok(results) => {
            for (job, result) in jobs.into_iter().zip(results) {
                if let Ok(registered) = &result {
                    crate::operations::metrics::registration_created(registered.status);
                }
                let _ = job.answer.send(result);
            }
        }
        Err(err) => {
            tracing::debug!(error = %err, count = jobs.len(), "registrations registered one by one");
            for job in jobs {
                let result =
                    service::register_valid(db, settings, &job.reference, &job.registration).await;
                let _ = job.answer.send(result);
            }
        }
    }
}

/// Each job's outcome, all written in one transaction; `Err` when that transaction fails.
async fn together(
    db: &Db,
    settings: &Settings,
    jobs: &[Job],
) -> AppResult<Vec<AppResult<Registered>>> {
    let txn = db.begin_write().await?;
    let mut batch = Batch::expecting(jobs.iter().map(|job| &job.registration));
    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs {
        match service::decide(&txn, &mut batch, &job.reference, &job.registration).await {
            // The database failed: the transaction may be spoilt.
            Err(failure @ AppError::Internal(_)) => return Err(failure),
            // Decided against: nothing was written.
            Err(refused) => results.push(Err(refused)),
            Ok(decision) => {
                let registered =
                    service::record(&txn, settings, &mut batch, decision, &job.registration)
                        .await?;
                results.push(Ok(registered));
            }
        }
    }
    batch.write(&txn).await?;
    txn.commit().await?;
    Ok(results)
}
