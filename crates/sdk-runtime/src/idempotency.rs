//! Idempotency tokens for `@idempotencyToken` members.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Produces values for unset `@idempotencyToken` members.
///
/// [`invoke`](crate::invoke) asks for a token once per call (before the first attempt), so every
/// retry of that call carries the same token. The default provider returns random UUIDv4 strings.
#[derive(Clone)]
pub struct IdempotencyTokenProvider {
    inner: Inner,
}

#[derive(Clone)]
enum Inner {
    Random,
    Fixed(Arc<str>),
    Sequence(Arc<(String, AtomicU64)>),
}

impl IdempotencyTokenProvider {
    /// A provider of random UUIDv4 tokens (the default).
    pub fn random() -> Self {
        Self {
            inner: Inner::Random,
        }
    }

    /// A provider that always returns `token` (for tests).
    pub fn fixed(token: impl Into<String>) -> Self {
        Self {
            inner: Inner::Fixed(Arc::from(token.into())),
        }
    }

    /// A provider returning `"{prefix}{n}"` with `n` counting up from `start` (for tests).
    /// Clones share the counter.
    pub fn sequence(prefix: impl Into<String>, start: u64) -> Self {
        Self {
            inner: Inner::Sequence(Arc::new((prefix.into(), AtomicU64::new(start)))),
        }
    }

    /// Returns a token.
    pub fn make_idempotency_token(&self) -> String {
        match &self.inner {
            Inner::Random => uuid::Uuid::new_v4().to_string(),
            Inner::Fixed(token) => token.to_string(),
            Inner::Sequence(state) => {
                let n = state.1.fetch_add(1, Ordering::Relaxed);
                format!("{}{n}", state.0)
            }
        }
    }

    /// Fills `slot` with a fresh token when it is `None`; leaves a caller-supplied token alone.
    pub fn fill(&self, slot: &mut Option<String>) {
        if slot.is_none() {
            *slot = Some(self.make_idempotency_token());
        }
    }
}

impl Default for IdempotencyTokenProvider {
    fn default() -> Self {
        Self::random()
    }
}

impl From<&'static str> for IdempotencyTokenProvider {
    fn from(token: &'static str) -> Self {
        Self::fixed(token)
    }
}

impl fmt::Debug for IdempotencyTokenProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match &self.inner {
            Inner::Random => "random",
            Inner::Fixed(_) => "fixed",
            Inner::Sequence(_) => "sequence",
        };
        f.debug_struct("IdempotencyTokenProvider")
            .field("kind", &kind)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_tokens_are_uuid_v4_and_differ() {
        let p = IdempotencyTokenProvider::default();
        let a = p.make_idempotency_token();
        let b = p.make_idempotency_token();
        assert_ne!(a, b);
        let parsed = uuid::Uuid::parse_str(&a).unwrap();
        assert_eq!(parsed.get_version_num(), 4);
    }

    #[test]
    fn fixed_sequence_and_fill() {
        assert_eq!(
            IdempotencyTokenProvider::from("t").make_idempotency_token(),
            "t"
        );
        let s = IdempotencyTokenProvider::sequence("tok-", 7);
        let clone = s.clone();
        assert_eq!(s.make_idempotency_token(), "tok-7");
        assert_eq!(clone.make_idempotency_token(), "tok-8");
        let mut unset = None;
        s.fill(&mut unset);
        assert_eq!(unset.as_deref(), Some("tok-9"));
        let mut set = Some("mine".to_owned());
        s.fill(&mut set);
        assert_eq!(set.as_deref(), Some("mine"));
    }
}
