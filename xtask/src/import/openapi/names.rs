//! Smithy names for OpenAPI names: shape names, member names and enum member names.

use std::collections::BTreeSet;

/// Whether `name` is a Smithy identifier (`[A-Za-z_][A-Za-z0-9_]*`, not only underscores).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.chars().any(|c| c.is_ascii_alphanumeric())
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn upper_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A shape or operation name: words joined with their first letters upper-cased
/// (`usage-session` -> `UsageSession`, `BFError` stays).
pub fn pascal(text: &str) -> String {
    let joined: String = words(text).map(upper_first).collect();
    match joined.chars().next() {
        None => "Unnamed".to_string(),
        Some(c) if c.is_ascii_digit() => format!("N{joined}"),
        Some(_) => joined,
    }
}

/// A member name for a parameter: lower camel case (`subscription-id` -> `subscriptionId`,
/// `order_by` -> `orderBy`).
pub fn camel(text: &str) -> String {
    let joined = pascal(text);
    if joined == "Unnamed" {
        return "value".to_string();
    }
    let mut chars = joined.chars();
    match chars.next() {
        Some('N') if text.trim_start().starts_with(|c: char| c.is_ascii_digit()) => {
            format!("n{}", chars.as_str())
        }
        Some(c) => c.to_ascii_lowercase().to_string() + chars.as_str(),
        None => "value".to_string(),
    }
}

/// A member name for a property: the property name when it is an identifier, otherwise its
/// camel-case form (the wire name then goes in `@jsonName`).
pub fn property_member(name: &str) -> String {
    if is_identifier(name) {
        name.to_string()
    } else {
        camel(name)
    }
}

/// An enum member name for a string value: the value when it is an identifier, otherwise its
/// letters and digits joined by `_` (a leading digit gets a `V` in front).
pub fn enum_member(value: &str) -> String {
    if is_identifier(value) {
        return value.to_string();
    }
    let joined = words(value).collect::<Vec<_>>().join("_");
    match joined.chars().next() {
        None => "EMPTY".to_string(),
        Some(c) if c.is_ascii_digit() => format!("V{joined}"),
        Some(_) => joined,
    }
}

/// Makes names unique within one shape: Rust names fold case and `_`, so `asc` and `ASC`, or
/// `a_b` and `aB`, would collide; later ones get `_2`, `_3`, ...
#[derive(Default)]
pub struct Unique {
    seen: BTreeSet<String>,
}

impl Unique {
    pub fn take(&mut self, name: String) -> String {
        let fold = |n: &str| -> String {
            n.chars()
                .filter(|c| *c != '_')
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        if self.seen.insert(fold(&name)) {
            return name;
        }
        (2..)
            .map(|i| format!("{name}_{i}"))
            .find(|candidate| self.seen.insert(fold(candidate)))
            .unwrap_or(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(pascal("startUsageSession"), "StartUsageSession");
        assert_eq!(pascal("BFError"), "BFError");
        assert_eq!(pascal("usage-session.v2"), "UsageSessionV2");
        assert_eq!(pascal("2fa"), "N2fa");
        assert_eq!(pascal("--"), "Unnamed");
        assert_eq!(camel("subscription-id"), "subscriptionId");
        assert_eq!(camel("order_by"), "orderBy");
        assert_eq!(camel("X-Request-ID"), "xRequestID");
        assert_eq!(camel("2fa"), "n2fa");
        assert_eq!(property_member("@type"), "type");
        assert_eq!(property_member("organizationID"), "organizationID");
        assert_eq!(enum_member("in-progress"), "in_progress");
        assert_eq!(enum_member("1.5"), "V1_5");
        assert_eq!(enum_member(""), "EMPTY");
        let mut unique = Unique::default();
        assert_eq!(unique.take("ASC".into()), "ASC");
        assert_eq!(unique.take("asc".into()), "asc_2");
        assert_eq!(unique.take("a_b".into()), "a_b");
        assert_eq!(unique.take("aB".into()), "aB_2");
    }
}
