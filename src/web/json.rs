//! `ApiJson<T>`: a JSON request body. Not JSON at all is a 400; JSON of the wrong shape
//! (a string where a number belongs, an unknown field) is a 422 naming the field.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::Deserialize as _;
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldError};

const MAX_BODY: usize = 1024 * 1024;

pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        parse(&json_bytes(req, state).await?).map(ApiJson)
    }
}

/// A JSON request body that is a list (`[...]`), each item read as a `T`; a shape error
/// names the item (`[2].status`).
pub struct ApiJsonList<T>(pub Vec<T>);

impl<S, T> FromRequest<S> for ApiJsonList<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = checked_value(&json_bytes(req, state).await?)?;
        if !value.is_array() {
            return Err(AppError::BadRequest("the body must be a JSON list".into()));
        }
        from_value(value).map(ApiJsonList)
    }
}

/// Whether a request says its body is JSON (`application/json` or `…+json`).
pub fn is_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| {
            let mime = mime.trim().to_ascii_lowercase();
            mime == "application/json" || mime.ends_with("+json")
        })
}

/// The bytes of a body sent as JSON.
async fn json_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, AppError> {
    if !is_json(req.headers()) {
        return Err(AppError::BadRequest(
            "the body must be JSON, sent with Content-Type: application/json".into(),
        ));
    }
    Bytes::from_request(req, state)
        .await
        .map_err(|err| AppError::BadRequest(format!("cannot read the body: {err}")))
}

/// Parses a JSON body: syntax errors are 400, shape errors 422 with the field's path.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let value = checked_value(bytes)?;
    if !value.is_object() {
        return Err(AppError::BadRequest(
            "the body must be a JSON object".into(),
        ));
    }
    from_value(value)
}

/// The JSON value of a body: too large or not JSON is a 400, a NUL character in any
/// string a 422 naming where.
fn checked_value(bytes: &[u8]) -> Result<serde_json::Value, AppError> {
    if bytes.len() > MAX_BODY {
        return Err(AppError::BadRequest("the body is too large".into()));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|err| AppError::BadRequest(format!("the body is not valid JSON: {err}")))?;
    let mut with_nul = Vec::new();
    nul_at(&value, String::new(), &mut with_nul);
    if !with_nul.is_empty() {
        return Err(AppError::Invalid(
            with_nul
                .into_iter()
                .map(|field| FieldError::new(field, "must not hold a NUL character (\\u0000)"))
                .collect(),
        ));
    }
    Ok(value)
}

/// The paths of the strings (and keys) holding a NUL character, which no text stored
/// may hold (PostgreSQL refuses it), keys in alphabetical order.
fn nul_at(value: &serde_json::Value, path: String, found: &mut Vec<String>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        serde_json::Value::String(text) if text.contains('\0') => {
            found.push(if path.is_empty() { "body".into() } else { path })
        }
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key.contains('\0') {
                    found.push(join(&key.replace('\0', "")));
                } else {
                    nul_at(v, join(key), found);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                nul_at(v, format!("{path}[{i}]"), found);
            }
        }
        _ => {}
    }
}

/// A body that may be left out (whitespace only), then read as `T`'s default; otherwise
/// parsed like any JSON body.
pub fn parse_optional<T: Default + DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        parse(bytes)
    }
}

/// Turns a JSON value into `T`, naming the field at fault when its shape is wrong.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let message = err.inner().to_string();
        let (field, message) = match message.strip_prefix("unknown field `") {
            // The path already ends with the unknown key.
            Some(rest) => {
                let field = if path == "." {
                    rest.split('`').next().unwrap_or_default().to_string()
                } else {
                    path
                };
                (field, "is not a known field".to_string())
            }
            None if path == "." => ("body".to_string(), message),
            None => (path, message),
        };
        AppError::invalid(field, message)
    })
}

/// Reads a field whose `null` means something (clear it) and whose absence means keep:
/// `#[serde(default, deserialize_with = "nullable")]` on an `Option<Option<T>>`.
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Applies a PATCH body to the current state of a record, as its input shape: keys sent
/// replace the current values (`null` clears), keys not sent keep them. The result is
/// validated like a new record, so a PATCH can never store what a POST would refuse.
pub fn merge_patch<T>(
    current: &T,
    patch: serde_json::Map<String, serde_json::Value>,
) -> Result<T, AppError>
where
    T: serde::Serialize + DeserializeOwned,
{
    let mut merged = match serde_json::to_value(current) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    for (key, value) in patch {
        // Translations merge language by language, and field by field within one (RFC
        // 7386): sending French leaves Spanish as it was; `null` removes.
        if key == "translations"
            && let (Some(serde_json::Value::Object(stored)), serde_json::Value::Object(sent)) =
                (merged.get_mut(&key), &value)
        {
            for (lang, texts) in sent {
                match (stored.get_mut(lang), texts) {
                    (_, serde_json::Value::Null) => {
                        stored.remove(lang);
                    }
                    (Some(serde_json::Value::Object(old)), serde_json::Value::Object(new)) => {
                        for (field, text) in new {
                            old.insert(field.clone(), text.clone());
                        }
                    }
                    _ => {
                        stored.insert(lang.clone(), texts.clone());
                    }
                }
            }
            continue;
        }
        merged.insert(key, value);
    }
    from_value(serde_json::Value::Object(merged))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        role: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: Option<String>,
        items: Option<Vec<Inner>>,
    }

    fn field_of(value: serde_json::Value) -> String {
        match from_value::<Outer>(value) {
            Err(AppError::Invalid(errors)) => errors[0].field.clone(),
            other => panic!("accepted: {other:?}"),
        }
    }

    #[test]
    fn unknown_fields_are_named_once_by_their_path() {
        assert_eq!(field_of(json!({"name": "x", "motto": 1})), "motto");
        assert_eq!(
            field_of(json!({"items": [{"role": "a"}, {"rank": 1}]})),
            "items[1].rank"
        );
    }

    #[test]
    fn wrongly_typed_fields_are_named_by_their_path() {
        assert_eq!(field_of(json!({"name": 5})), "name");
        assert_eq!(field_of(json!({"items": [{"role": 5}]})), "items[0].role");
    }
}
