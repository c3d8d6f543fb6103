//! Secrets at rest: what must not be readable in the database file or a backup of it
//! (passport details) is sealed with XChaCha20-Poly1305 (the RustCrypto
//! `chacha20poly1305` crate) under a 256-bit key from the configuration. Each value gets
//! a random 192-bit nonce, and is bound to what it belongs to (its "context", e.g.
//! `visa-request:12`), so that a sealed value copied onto another row does not open.
//!
//! Stored as text: `v1.` then base64 of nonce ‖ ciphertext ‖ tag.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const VERSION: &str = "v1.";
const NONCE_LEN: usize = 24;

/// Why a key or a sealed value was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SealError {
    #[error(
        "the key must be 32 bytes written in base64 (44 characters), e.g. from `head -c 32 /dev/urandom | base64`"
    )]
    BadKey,
    #[error("the sealed value is damaged, or was sealed with another key or for something else")]
    CannotOpen,
    #[error("no randomness available")]
    NoRandomness,
}

/// The key that seals and opens secrets. Its `Debug` shows nothing of it.
#[derive(Clone)]
pub struct SealingKey(XChaCha20Poly1305);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(…)")
    }
}

impl SealingKey {
    /// The key written in base64, as the configuration holds it.
    pub fn from_base64(text: &str) -> Result<Self, SealError> {
        let bytes = STANDARD
            .decode(text.trim())
            .map_err(|_| SealError::BadKey)?;
        if bytes.len() != 32 {
            return Err(SealError::BadKey);
        }
        XChaCha20Poly1305::new_from_slice(&bytes)
            .map(Self)
            .map_err(|_| SealError::BadKey)
    }

    /// `plain`, sealed for `context`.
    pub fn seal(&self, context: &str, plain: &[u8]) -> Result<String, SealError> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|_| SealError::NoRandomness)?;
        let sealed = self
            .0
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| SealError::CannotOpen)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(format!("{VERSION}{}", STANDARD.encode(out)))
    }

    /// What `sealed` holds, if it was sealed with this key for `context`.
    pub fn open(&self, context: &str, sealed: &str) -> Result<Vec<u8>, SealError> {
        let bytes = sealed
            .strip_prefix(VERSION)
            .and_then(|b64| STANDARD.decode(b64).ok())
            .filter(|b| b.len() > NONCE_LEN)
            .ok_or(SealError::CannotOpen)?;
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        self.0
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| SealError::CannotOpen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    #[test]
    fn a_sealed_value_opens_with_its_key_and_context_only() {
        let key = SealingKey::from_base64(KEY).unwrap();
        let sealed = key.seal("visa-request:1", b"P1234567").unwrap();
        assert!(sealed.starts_with("v1."));
        assert!(!sealed.contains("P1234567"));
        assert_eq!(key.open("visa-request:1", &sealed).unwrap(), b"P1234567");
        assert_eq!(
            key.open("visa-request:2", &sealed),
            Err(SealError::CannotOpen),
            "bound to its row"
        );
        let other = SealingKey::from_base64("HxwdHh8YGRobFBUWFxAREhMMDQ4PCAkKCwQFBgcAAQIDBA==");
        assert_eq!(other.err(), Some(SealError::BadKey), "34 bytes");
        let other =
            SealingKey::from_base64("Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=").unwrap();
        assert_eq!(
            other.open("visa-request:1", &sealed),
            Err(SealError::CannotOpen)
        );
        assert_ne!(
            key.seal("visa-request:1", b"P1234567").unwrap(),
            sealed,
            "a new nonce each time"
        );
        let mut damaged = sealed.clone();
        damaged.pop();
        damaged.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(
            key.open("visa-request:1", &damaged),
            Err(SealError::CannotOpen)
        );
        assert_eq!(
            SealingKey::from_base64("short").err(),
            Some(SealError::BadKey)
        );
        assert_eq!(format!("{key:?}"), "SealingKey(…)");
    }
}
