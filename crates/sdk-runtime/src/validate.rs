//! Client-side checks of `@required`, `@length`, `@range` and `@pattern` before a request is sent.
//!
//! Generated `OperationSpec::validate` implementations call the [`Validator`] methods for each
//! constrained member; [`invoke`](crate::invoke) turns collected violations into a
//! [`ValidationError`] (surfaced as `SdkError::ConstructionFailure`) and sends nothing.
//!
//! ```
//! use sdk_runtime::validate::Validator;
//!
//! let mut v = Validator::new();
//! let minutes: Option<i32> = Some(10);
//! let name: Option<String> = None;
//! v.required("name", name.as_ref());
//! v.range("expiryTimeInMinutes", minutes, Some(15), Some(480));
//! let err = v.finish("CreatePaymentSession").unwrap_err();
//! assert!(err.to_string().contains("expiryTimeInMinutes = 10 is out of range: must be within 15..=480"));
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use aws_smithy_types::Blob;
use regex::Regex;

/// Which kind of constraint a [`ConstraintViolation`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConstraintKind {
    /// `@required`
    Required,
    /// `@length`
    Length,
    /// `@range`
    Range,
    /// `@pattern`
    Pattern,
}

/// One failed constraint check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstraintViolation {
    /// Path of the member in the input, e.g. `expiryTimeInMinutes` or `items[2].name`.
    pub member_path: String,
    /// What is wrong, e.g. `= 10 is out of range` (printed right after the member path).
    pub problem: String,
    /// The constraint that was violated, e.g. `must be within 15..=480`.
    pub constraint: String,
    /// The kind of constraint.
    pub kind: ConstraintKind,
}

impl fmt::Display for ConstraintViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.member_path, self.problem)?;
        if !self.constraint.is_empty() {
            write!(f, ": {}", self.constraint)?;
        }
        Ok(())
    }
}

/// The input of an operation failed client-side validation; nothing was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    operation: &'static str,
    violations: Vec<ConstraintViolation>,
}

impl ValidationError {
    /// The operation whose input was rejected.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// Every violation found (at least one).
    pub fn violations(&self) -> &[ConstraintViolation] {
        &self.violations
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} input: ", self.operation)?;
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// Something with a Smithy `@length`: strings count Unicode scalar values, blobs bytes,
/// lists and maps entries.
pub trait HasLength {
    /// The length as `@length` measures it.
    fn smithy_length(&self) -> usize;
}

impl HasLength for str {
    fn smithy_length(&self) -> usize {
        self.chars().count()
    }
}

impl HasLength for String {
    fn smithy_length(&self) -> usize {
        self.chars().count()
    }
}

impl HasLength for Blob {
    fn smithy_length(&self) -> usize {
        self.as_ref().len()
    }
}

impl<T> HasLength for Vec<T> {
    fn smithy_length(&self) -> usize {
        self.len()
    }
}

impl<K, V, S> HasLength for HashMap<K, V, S> {
    fn smithy_length(&self) -> usize {
        self.len()
    }
}

impl<T: HasLength + ?Sized> HasLength for &T {
    fn smithy_length(&self) -> usize {
        (**self).smithy_length()
    }
}

/// Collects [`ConstraintViolation`]s for one operation input.
#[derive(Debug, Default)]
pub struct Validator {
    prefix: String,
    violations: Vec<ConstraintViolation>,
}

fn bounds_text<T: fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("must be within {min}..={max}"),
        (Some(min), None) => format!("must be at least {min}"),
        (None, Some(max)) => format!("must be at most {max}"),
        (None, None) => String::new(),
    }
}

impl Validator {
    /// An empty validator.
    pub fn new() -> Self {
        Self::default()
    }

    fn path(&self, member: &str) -> String {
        if self.prefix.is_empty() {
            member.to_owned()
        } else if member.starts_with('[') {
            format!("{}{member}", self.prefix)
        } else {
            format!("{}.{member}", self.prefix)
        }
    }

    /// Records a violation at `member` (relative to the current [`at`](Self::at) scope).
    pub fn violation(
        &mut self,
        member: &str,
        kind: ConstraintKind,
        problem: impl Into<String>,
        constraint: impl Into<String>,
    ) {
        let member_path = self.path(member);
        self.violations.push(ConstraintViolation {
            member_path,
            problem: problem.into(),
            constraint: constraint.into(),
            kind,
        });
    }

    /// Runs `f` with member paths prefixed by `member` (use `"[3]"` or `"[key]"` for collection
    /// elements, a member name for nested structures).
    pub fn at(&mut self, member: impl fmt::Display, f: impl FnOnce(&mut Validator)) {
        let saved = self.prefix.len();
        let member = member.to_string();
        self.prefix = self.path(&member);
        f(self);
        self.prefix.truncate(saved);
    }

    /// `@required`: `value` must be set.
    pub fn required<T: ?Sized>(&mut self, member: &str, value: Option<&T>) {
        if value.is_none() {
            self.violation(
                member,
                ConstraintKind::Required,
                "is required but was not set",
                "",
            );
        }
    }

    /// `@length`: when set, `value`'s length must lie within `min..=max`.
    pub fn length<T: HasLength + ?Sized>(
        &mut self,
        member: &str,
        value: Option<&T>,
        min: Option<u64>,
        max: Option<u64>,
    ) {
        let Some(value) = value else { return };
        let len = u64::try_from(value.smithy_length()).unwrap_or(u64::MAX);
        let too_short = min.is_some_and(|m| len < m);
        let too_long = max.is_some_and(|m| len > m);
        if too_short || too_long {
            self.violation(
                member,
                ConstraintKind::Length,
                format!("has length {len}, which is out of range"),
                format!("length {}", bounds_text(min, max)),
            );
        }
    }

    /// `@range`: when set, `value` must lie within `min..=max` (pass bounds in the member's type).
    pub fn range<T>(&mut self, member: &str, value: Option<T>, min: Option<T>, max: Option<T>)
    where
        T: PartialOrd + fmt::Display + Copy,
    {
        let Some(value) = value else { return };
        // NaN compares false with everything, so it is reported as out of range when bounded.
        let below = min.is_some_and(|m| value < m || value.partial_cmp(&m).is_none());
        let above = max.is_some_and(|m| value > m || value.partial_cmp(&m).is_none());
        if below || above {
            self.violation(
                member,
                ConstraintKind::Range,
                format!("= {value} is out of range"),
                bounds_text(min, max),
            );
        }
    }

    /// `@pattern`: when set, `value` must contain a match of the ECMA-262-style regular
    /// expression `pattern` (Smithy patterns are not implicitly anchored). An expression the
    /// `regex` crate cannot compile (look-around, back-references) is not checked on the client:
    /// refusing every request for a pattern the client cannot evaluate would block valid calls,
    /// and the service still checks it.
    pub fn pattern(&mut self, member: &str, value: Option<&str>, pattern: &'static str) {
        let Some(value) = value else { return };
        if let Ok(re) = cached_regex(pattern)
            && !re.is_match(value)
        {
            self.violation(
                member,
                ConstraintKind::Pattern,
                "does not match the required pattern",
                format!("must match `{pattern}`"),
            );
        }
    }

    /// `@length` with the bounds as a range (`1..=64`, `..=120`, `66..`), as generated code writes it.
    pub fn length_within<T: HasLength + ?Sized>(
        &mut self,
        member: &str,
        value: Option<&T>,
        bounds: impl std::ops::RangeBounds<u64>,
    ) {
        let (min, max) = inclusive_bounds(&bounds);
        self.length(member, value, min, max);
    }

    /// `@range` with the bounds as a range (`15..=480`, `0..`), as generated code writes it.
    pub fn range_within<T>(
        &mut self,
        member: &str,
        value: Option<T>,
        bounds: impl std::ops::RangeBounds<T>,
    ) where
        T: PartialOrd + fmt::Display + Copy,
    {
        let (min, max) = inclusive_bounds(&bounds);
        self.range(member, value, min, max);
    }

    /// Whether any violation was recorded.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// The violations recorded so far.
    pub fn violations(&self) -> &[ConstraintViolation] {
        &self.violations
    }

    /// `Ok(())` when nothing was recorded, else a [`ValidationError`] for `operation`.
    pub fn finish(self, operation: &'static str) -> Result<(), ValidationError> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(ValidationError {
                operation,
                violations: self.violations,
            })
        }
    }
}

/// The inclusive bounds of a range (Smithy constraints are inclusive; generated code only writes
/// `a..=b`, `a..` and `..=b`).
fn inclusive_bounds<T: Copy>(bounds: &impl std::ops::RangeBounds<T>) -> (Option<T>, Option<T>) {
    use std::ops::Bound;
    let bound = |b: Bound<&T>| match b {
        Bound::Included(v) | Bound::Excluded(v) => Some(*v),
        Bound::Unbounded => None,
    };
    (bound(bounds.start_bound()), bound(bounds.end_bound()))
}

// The compiled expressions are shared through an `Arc`, not cloned: a cloned `Regex` starts with
// an empty pool of match caches and allocates a new one on its first search, on every call.
type RegexCache = Mutex<HashMap<&'static str, Result<Arc<Regex>, String>>>;

fn cached_regex(pattern: &'static str) -> Result<Arc<Regex>, String> {
    static CACHE: OnceLock<RegexCache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    // A poisoned lock only means another thread panicked mid-insert; the map is still usable.
    let mut guard = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    guard
        .entry(pattern)
        .or_insert_with(|| {
            regex::RegexBuilder::new(pattern)
                .size_limit(1 << 20)
                .build()
                .map(Arc::new)
                .map_err(|e| first_line(&e.to_string()))
        })
        .clone()
}

fn first_line(s: &str) -> String {
    s.lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .or_else(|| s.lines().next())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_message_matches_spec() {
        let mut v = Validator::new();
        v.range("expiryTimeInMinutes", Some(10), Some(15), Some(480));
        v.range("ok", Some(20), Some(15), Some(480));
        v.range("unset", None, Some(15), Some(480));
        let err = v.finish("CreatePaymentSession").unwrap_err();
        assert_eq!(err.violations().len(), 1);
        assert_eq!(
            err.violations()[0].to_string(),
            "expiryTimeInMinutes = 10 is out of range: must be within 15..=480"
        );
        assert_eq!(
            err.to_string(),
            "invalid CreatePaymentSession input: expiryTimeInMinutes = 10 is out of range: must be within 15..=480"
        );
    }

    #[test]
    fn one_sided_and_float_ranges() {
        let mut v = Validator::new();
        v.range("max", Some(101i64), None, Some(100));
        v.range("min", Some(-1.5f64), Some(0.0), None);
        v.range("nan", Some(f64::NAN), Some(0.0), None);
        v.range("fine", Some(0.0f64), Some(0.0), Some(0.0));
        let msgs: Vec<String> = v.violations().iter().map(|v| v.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "max = 101 is out of range: must be at most 100",
                "min = -1.5 is out of range: must be at least 0",
                "nan = NaN is out of range: must be at least 0"
            ]
        );
    }

    #[test]
    fn length_counts_unicode_scalars_and_collections() {
        let mut v = Validator::new();
        v.length("emoji", Some("😀😀"), Some(2), Some(2));
        v.length("short", Some(&String::from("ab")), Some(3), None);
        v.length("list", Some(&vec![1, 2, 3]), None, Some(2));
        v.length("blob", Some(&Blob::new(vec![0u8; 4])), Some(5), Some(10));
        let map: HashMap<String, i32> = HashMap::new();
        v.length("map", Some(&map), Some(1), None);
        v.length::<str>("unset", None, Some(1), None);
        let paths: Vec<&str> = v
            .violations()
            .iter()
            .map(|v| v.member_path.as_str())
            .collect();
        assert_eq!(paths, ["short", "list", "blob", "map"]);
        assert_eq!(
            v.violations()[0].to_string(),
            "short has length 2, which is out of range: length must be at least 3"
        );
    }

    #[test]
    fn required_and_nested_paths() {
        let mut v = Validator::new();
        v.at("items", |v| {
            v.at("[2]", |v| v.required::<String>("name", None));
            v.at("[3]", |v| v.at("inner", |v| v.required("x", Some(&1))));
        });
        v.required::<i32>("top", None);
        let paths: Vec<&str> = v
            .violations()
            .iter()
            .map(|v| v.member_path.as_str())
            .collect();
        assert_eq!(paths, ["items[2].name", "top"]);
        assert_eq!(
            v.violations()[1].to_string(),
            "top is required but was not set"
        );
        assert_eq!(v.violations()[1].kind, ConstraintKind::Required);
    }

    #[test]
    fn patterns_match_unanchored_and_unsupported_patterns_are_not_checked() {
        let mut v = Validator::new();
        v.pattern("arn", Some("arn:aws:x"), "^arn:[a-z]+:.*$");
        v.pattern("sub", Some("xx123yy"), "[0-9]+");
        v.pattern("bad", Some("abc"), "^[0-9]+$");
        // Look-ahead is beyond the `regex` crate: the client leaves that check to the service.
        v.pattern("lookahead", Some("zzz"), "^(?=a)abc$");
        v.pattern("unset", None, "^x$");
        let got: Vec<(&str, ConstraintKind)> = v
            .violations()
            .iter()
            .map(|v| (v.member_path.as_str(), v.kind))
            .collect();
        assert_eq!(got, [("bad", ConstraintKind::Pattern)]);
        assert_eq!(
            v.violations()[0].to_string(),
            "bad does not match the required pattern: must match `^[0-9]+$`"
        );
        // The cached (failed) compilation is reused without panicking.
        let mut again = Validator::new();
        again.pattern("lookahead", Some("zzz"), "^(?=a)abc$");
        assert!(again.is_empty());
        assert!(Validator::new().finish("Op").is_ok());
    }
}
