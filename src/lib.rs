//! Roundtable: conferences and roundtable series for coalitions of NGOs, governments and
//! international bodies. The binary's `main` only parses the command line; everything
//! else lives here so that tests start exactly what users start.

pub mod accounts;
pub mod app;
pub mod attendance;
pub mod audit;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod dashboard;
pub mod db;
pub mod directory;
pub mod documents;
pub mod domain;
pub mod entities;
pub mod error;
pub mod events;
pub mod i18n;
pub mod invitations;
pub mod mail;
pub mod members;
pub mod operations;
pub mod pdf;
pub mod privacy;
pub mod recommendations;
pub mod registrations;
pub mod reports;
pub mod search;
pub mod site;
pub mod summaries;
pub mod telemetry;
pub mod visas;
pub mod web;
