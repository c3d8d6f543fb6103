//! The documents library (issue 16, under way): policy memos, papers and reports with a
//! file or a link. So far the two foundations the rest stands on: where files are kept
//! ([`storage`], a folder or an S3-compatible bucket through `object_store`) and what a
//! file is, told from its bytes ([`sniff`]).

pub mod sniff;
pub mod storage;
