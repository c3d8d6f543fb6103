//! Accounts: users with a role and a status, argon2id password hashes, server-side
//! sign-in sessions, bearer tokens and single-use set-up and reset links (all stored as
//! SHA-256 hashes, never in clear). Accounts are invited from the workspace and their
//! owners choose their own password; nobody else ever does.

pub mod api;
pub mod notify;
pub mod pages;
pub mod service;
pub mod store;
pub mod workspace;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::domain::{EmailAddress, required_text};
use crate::error::FieldErrors;

crate::string_enum!(
    /// What an account may do. Organizers and admins write events, sessions, people and
    /// organizations; rapporteurs write their sessions' summaries; members read.
    Role {
        Admin => "admin" as "Administrator",
        Organizer => "organizer" as "Organizer",
        Rapporteur => "rapporteur" as "Rapporteur",
        Member => "member" as "Member",
    }
);

impl Role {
    /// May write events, sessions, people and organizations.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Organizer)
    }

    /// Where this account's work is, after sign-in.
    pub fn landing(self) -> &'static str {
        match self {
            Role::Admin | Role::Organizer => "/organize",
            Role::Rapporteur => "/rapporteur",
            Role::Member => "/",
        }
    }

    /// Whether an account of this role may give (or take away) `target`: admins any
    /// role, organizers only rapporteurs and members.
    pub fn may_manage(self, target: Role) -> bool {
        match self {
            Role::Admin => true,
            Role::Organizer => matches!(target, Role::Rapporteur | Role::Member),
            Role::Rapporteur | Role::Member => false,
        }
    }
}

crate::string_enum!(
    /// Where an account stands: invited (no password chosen yet), active, or disabled
    /// (no sign-in, no session, no token works).
    AccountStatus {
        Invited => "invited" as "Invited",
        Active => "active" as "Active",
        Disabled => "disabled" as "Disabled",
    }
);

crate::string_enum!(
    /// The languages of the interface.
    Language {
        En => "en" as "English",
        Fr => "fr" as "Français",
        Es => "es" as "Español",
    }
);

crate::string_enum!(
    /// What a single-use account link is for.
    TokenPurpose {
        Setup => "setup" as "Account set-up",
        Reset => "reset" as "Password reset",
    }
);

pub const MIN_PASSWORD_LEN: usize = 10;

/// A new account, validated.
pub struct NewUser {
    pub email: EmailAddress,
    pub name: String,
    pub role: Role,
    pub password: String,
}

impl NewUser {
    pub fn parse(email: &str, name: &str, role: &str, password: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = errors.check("email", EmailAddress::parse(email));
        let name = errors.check("name", required_text(Some(name), 200));
        let role = errors.check("role", role.parse::<Role>());
        if password.chars().count() < MIN_PASSWORD_LEN {
            errors.add(
                "password",
                format!("must be at least {MIN_PASSWORD_LEN} characters"),
            );
        }
        match (email, name, role) {
            (Some(email), Some(name), Some(role)) if errors.is_empty() => Ok(Self {
                email,
                name,
                role,
                password: password.to_string(),
            }),
            _ => Err(errors),
        }
    }
}

fn argon2() -> Argon2<'static> {
    // OWASP's argon2id recommendation: 19 MiB, 2 passes, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password with argon2id and a fresh random salt (PHC string format).
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|err| anyhow::anyhow!("no randomness: {err}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|err| anyhow::anyhow!("{err}"))?;
    let hash = argon2()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|err| anyhow::anyhow!("cannot hash password: {err}"))?;
    Ok(hash.to_string())
}

/// Checks a password against a stored hash; a malformed hash never matches.
pub fn verify_password(hash: &str, password: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of a password nobody has, checked when the account does not exist so that a
/// failed sign-in takes as long whether or not the email is known.
pub const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3QW2sVg2n2n0kqXxQ0yJ1x5i6YlU0o9ChFJzZlqJtM8";

/// A new random secret (for a session cookie or bearer token) and the hash stored for it.
pub fn new_secret(prefix: &str) -> anyhow::Result<(String, String)> {
    let secret = format!("{prefix}{}", new_token()?);
    let hash = hash_secret(&secret);
    Ok((secret, hash))
}

/// 32 random bytes as 43 URL-safe characters: a secret that is not stored, such as a
/// visitor's form token (kept only in their cookie and their page).
pub fn new_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|err| anyhow::anyhow!("no randomness: {err}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// The SHA-256 of a secret, as stored: secrets are long and random, so a fast hash is
/// enough, and a stolen table holds nothing usable.
pub fn hash_secret(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(&hash, "correct horse battery"));
        assert!(!verify_password(&hash, "correct horse battery "));
        assert!(!verify_password("not a hash", "anything"));
        assert!(!verify_password(DECOY_HASH, "anything"));
        // The decoy must parse, or a sign-in for an unknown email would skip the work.
        assert!(PasswordHash::new(DECOY_HASH).is_ok());
    }

    #[test]
    fn secrets_are_random_and_hashed() {
        let (a, a_hash) = new_secret("rt_").unwrap();
        let (b, _) = new_secret("rt_").unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("rt_") && a.len() > 40);
        assert_eq!(hash_secret(&a), a_hash);
        assert_eq!(a_hash.len(), 64);
    }

    #[test]
    fn new_users_need_a_valid_email_role_and_long_password() {
        assert!(NewUser::parse("a@example.org", "A", "organizer", "longenough1").is_ok());
        let errors = NewUser::parse("nope", "", "king", "short").err().unwrap();
        let fields: Vec<_> = match errors.finish() {
            Err(crate::error::AppError::Invalid(e)) => e.into_iter().map(|e| e.field).collect(),
            _ => unreachable!(),
        };
        assert_eq!(fields, ["email", "name", "role", "password"]);
    }
}
