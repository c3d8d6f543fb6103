//! Demonstration data drawn from the source documents.

use crate::db::Db;
use crate::error::AppResult;

pub async fn load(_db: &Db) -> AppResult<String> {
    Ok(String::new())
}
