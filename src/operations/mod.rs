//! Running Roundtable in production: copies of the database (`roundtable backup`, and the
//! daily copies `serve` keeps).

pub mod backup;
