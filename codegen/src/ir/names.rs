//! Rust naming: the one policy every generated name goes through.
//!
//! 1. **Conversion.** Any text (shape, member and operation names, `rename` values, enum values,
//!    legacy `@enum` names) becomes ASCII words, then `UpperCamelCase` (types, variants) or
//!    `snake_case` (fields, methods, modules). A non-ASCII character becomes a `u<hex>` word
//!    (`日本` -> `U65e5U672c`); text with no letter or digit is spelled out (`+` -> `Plus`,
//!    `""` -> `Empty`); a sign before a leading digit is spelled too (`-1` -> `Minus1`); a name
//!    that still starts with a digit gets a prefix (`V1` for types, `n1` for snake case).
//! 2. **Keywords.** A snake-case keyword becomes a raw identifier (`r#type`), except the ones
//!    that cannot be raw (`self`, `super`, `crate`, `Self`, `_`), which get the reserved suffix.
//! 3. **Reserved names.** A name the generated code already uses in the same scope (builder and
//!    fluent-builder methods, `Client` methods, the `Unknown` / `Unhandled` catch-all variants)
//!    gets the suffix `_value` / `Value` (`build_value`, `UnknownValue`, `UnhandledValue`).
//!    Generated code names everything else by full path, so a shape may be called `S` or
//!    `Visitor`.
//! 4. **Collisions.** Within one scope (the members of a structure, the variants of an enum or
//!    union, the operations or the named types of a service) names are decided in a fixed order:
//!    model order (shape id order for shapes), names that need no change before names that do. A
//!    name that is taken gets the first free number: `foo_bar_2`, `FooBar2` (`V1_2` after a digit,
//!    so lints stay quiet). For a structure member, the name and its `set_` / `get_` methods must
//!    all be free. Shapes of another namespace than the first of that name get the namespace's
//!    last segment as a prefix first (`OtherWidget`).

use std::collections::{BTreeMap, BTreeSet};

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::model::ShapeId;

/// Keywords usable as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Method and field names of the generated structures, builders and fluent builders that a member
/// must not take: the structure's `builder()` and `validate()`, a builder's `build()`, an error's
/// `meta` and `retryable_error_kind()`, the fluent builder's `new`, `as_input`, `send` and
/// `into_paginator`, and aws-sdk-rust's `customize` / `config_override`.
pub const MEMBER_RESERVED: &[&str] = &[
    "as_input",
    "build",
    "builder",
    "config_override",
    "customize",
    "into_paginator",
    "meta",
    "new",
    "retryable_error_kind",
    "send",
    "validate",
];

/// `Client` methods an operation's method must not take.
pub const CLIENT_RESERVED: &[&str] = &["clone", "config", "from_conf", "new"];

/// Derive macros of the prelude: a type may take the name, but a bare intra-doc link to it is
/// ambiguous, so docs link such types through `Self` or a path.
pub const PRELUDE_MACROS: &[&str] = &[
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Eq",
    "Hash",
    "Ord",
    "PartialEq",
    "PartialOrd",
];

/// The fallback variant of every operation error enum; a modeled error of that name is renamed.
pub const UNHANDLED_VARIANT: &str = "Unhandled";

/// The catch-all variant of enums and unions, unless a member takes it.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// The spelled-out name of a symbol, for text that has no letter or digit.
fn symbol_word(c: char) -> String {
    let word = match c {
        '+' => "plus",
        '-' => "minus",
        '*' => "star",
        '/' => "slash",
        '\\' => "backslash",
        '.' => "dot",
        ',' => "comma",
        ':' => "colon",
        ';' => "semicolon",
        '=' => "equals",
        '<' => "lt",
        '>' => "gt",
        '!' => "bang",
        '?' => "question",
        '@' => "at",
        '#' => "hash",
        '$' => "dollar",
        '%' => "percent",
        '^' => "caret",
        '&' => "amp",
        '|' => "pipe",
        '~' => "tilde",
        '`' => "backtick",
        '\'' => "quote",
        '"' => "double_quote",
        '(' => "lparen",
        ')' => "rparen",
        '[' => "lbracket",
        ']' => "rbracket",
        '{' => "lbrace",
        '}' => "rbrace",
        '_' => "underscore",
        ' ' => "space",
        other => return format!("u{:x}", u32::from(other)),
    };
    word.to_string()
}

/// `text` as ASCII words separated by `_`, ready for case conversion (step 1 of the policy).
fn ascii_words(text: &str) -> String {
    if text.is_empty() {
        return "empty".to_string();
    }
    let meaningful = |c: char| c.is_ascii_alphanumeric() || !c.is_ascii();
    if !text.chars().any(meaningful) {
        return text.chars().map(symbol_word).collect::<Vec<_>>().join("_");
    }
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !c.is_ascii() {
            out.push_str(&format!("_u{:x}_", u32::from(c)));
        } else if matches!(c, '-' | '+')
            && !out.chars().any(|c| c.is_ascii_alphanumeric())
            && chars.peek().is_some_and(char::is_ascii_digit)
        {
            // A sign before the first digit carries meaning (`-1` is not `1`).
            out.push('_');
            out.push_str(&symbol_word(c));
            out.push('_');
        } else {
            out.push('_');
        }
    }
    out
}

/// The snake_case Rust identifier for any text (`r#type` for keywords, `self_value` for keywords
/// that cannot be raw). No scope's reserved names are applied; see [`member_names`].
pub fn field_name(text: &str) -> String {
    let snake = ascii_words(text).to_snake_case();
    let snake = if snake.is_empty() {
        "value".to_string()
    } else {
        snake
    };
    let snake = if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{snake}")
    } else {
        snake
    };
    if NON_RAW_KEYWORDS.contains(&snake.as_str()) {
        format!("{snake}_value")
    } else if RAW_KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

/// The name without a raw-identifier prefix, for building other names (`set_type`) and files.
pub fn bare(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// The UpperCamelCase Rust name for any text (a shape, an enum or union variant).
pub fn type_name(text: &str) -> String {
    let camel = ascii_words(text).to_upper_camel_case();
    let camel = if camel.is_empty() {
        "Value".to_string()
    } else {
        camel
    };
    let camel = if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{camel}")
    } else {
        camel
    };
    if camel == "Self" {
        "SelfValue".to_string()
    } else {
        camel
    }
}

/// `name` with the reserved-name suffix (`build_value`, `UnknownValue`).
pub fn reserved_suffix(name: &str) -> String {
    let bare = bare(name);
    if bare.starts_with(|c: char| c.is_ascii_uppercase()) {
        format!("{bare}Value")
    } else {
        format!("{bare}_value")
    }
}

/// The `n`-th numbered form of `base` (`foo_2`, `Foo2`, `V1_2`).
pub fn numbered(base: &str, n: usize) -> String {
    let bare = bare(base);
    let camel = bare.starts_with(|c: char| c.is_ascii_uppercase());
    if !camel || bare.ends_with(|c: char| c.is_ascii_digit()) {
        format!("{bare}_{n}")
    } else {
        format!("{bare}{n}")
    }
}

/// The first of `base`, `base2`, `base3`, ... (see [`numbered`]) that `free` accepts.
pub fn first_free(base: &str, mut free: impl FnMut(&str) -> bool) -> String {
    if free(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| numbered(base, n))
        .find(|candidate| free(candidate))
        .unwrap_or_else(|| base.to_string())
}

/// Decides unique names for one scope: `bases` are the converted names in model order,
/// `reserved` what the scope already uses, and `claims(name)` every name a candidate would take
/// (itself first, then its `set_` / `get_` methods, if any). Names that need no change are decided
/// first, so `foo` keeps its name next to `setFoo`, and `build_value` next to `build`; a numbered
/// name is never one another member asks for.
fn decide(
    bases: &[String],
    reserved: &BTreeSet<String>,
    claims: impl Fn(&str) -> Vec<String>,
) -> Vec<String> {
    // A base needs a change when it is reserved, or when it is a name derived from another
    // member's (`set_foo` next to `foo`).
    let needs_change: Vec<bool> = (0..bases.len())
        .map(|i| {
            let own = bare(&bases[i]);
            reserved.contains(own)
                || bases.iter().enumerate().any(|(j, other)| {
                    j != i && claims(other).iter().skip(1).any(|derived| derived == own)
                })
        })
        .collect();
    let wanted: BTreeSet<String> = bases.iter().flat_map(|b| claims(b)).collect();
    let mut taken: BTreeSet<String> = reserved.clone();
    let mut out = vec![String::new(); bases.len()];
    let unchanged = (0..bases.len()).filter(|i| !needs_change[*i]);
    let changed = (0..bases.len()).filter(|i| needs_change[*i]);
    for i in unchanged.chain(changed).collect::<Vec<_>>() {
        let base = if reserved.contains(bare(&bases[i])) {
            reserved_suffix(&bases[i])
        } else {
            bases[i].clone()
        };
        let free =
            |name: &str, taken: &BTreeSet<String>| claims(name).iter().all(|c| !taken.contains(c));
        let asked_for = |name: &str| claims(name).iter().any(|c| wanted.contains(c));
        let mut name = base.clone();
        let mut n = 2;
        while !free(&name, &taken) || (name != base && asked_for(&name)) {
            name = numbered(&base, n);
            n += 1;
        }
        taken.extend(claims(&name));
        out[i] = name;
    }
    out
}

/// The Rust field names of a structure's members (`members` are Smithy member names, in model
/// order): unique together with their builders' `set_` / `get_` methods, none of
/// [`MEMBER_RESERVED`].
pub fn member_names(members: &[&str]) -> Vec<String> {
    let bases: Vec<String> = members.iter().map(|m| field_name(m)).collect();
    let reserved = MEMBER_RESERVED.iter().map(|s| s.to_string()).collect();
    decide(&bases, &reserved, |name| {
        let bare = bare(name);
        vec![
            bare.to_string(),
            format!("set_{bare}"),
            format!("get_{bare}"),
        ]
    })
}

/// Unique snake_case names for the members of a union (its `is_x` methods); `reserved` holds what
/// the union already uses (the catch-all's `is_` name without the prefix).
pub fn union_member_names(members: &[&str], reserved: &[String]) -> Vec<String> {
    let bases: Vec<String> = members.iter().map(|m| field_name(m)).collect();
    let reserved = reserved.iter().cloned().collect();
    decide(&bases, &reserved, |name| vec![bare(name).to_string()])
}

/// Unique UpperCamelCase variant names for `texts` (enum or union members, legacy `@enum`
/// names or values), none equal to one of `reserved`.
pub fn variant_names(texts: &[&str], reserved: &[&str]) -> Vec<String> {
    let bases: Vec<String> = texts.iter().map(|t| type_name(t)).collect();
    let reserved = reserved.iter().map(|s| s.to_string()).collect();
    decide(&bases, &reserved, |name| vec![name.to_string()])
}

/// The catch-all variant of an enum or union whose variants are `variants`: `Unknown`, or the
/// first free of `UnknownValue`, `UnknownValue2`, ... when a member took it.
pub fn unknown_variant(variants: &[String]) -> String {
    let taken = |c: &str| variants.iter().any(|v| v == c);
    if !taken(UNKNOWN_VARIANT) {
        return UNKNOWN_VARIANT.to_string();
    }
    first_free(&reserved_suffix(UNKNOWN_VARIANT), |c| !taken(c))
}

/// Unique UpperCamelCase names for shapes of one scope (a service's named types, or its
/// operations): `shapes` holds each shape's id and converted base name, in id order. The first
/// shape of a name keeps it; a later one from another namespace is prefixed with that namespace's
/// last segment (`OtherWidget`), one from the same namespace is numbered (`Widget2`); a prefixed
/// or numbered name that is taken is numbered further.
pub fn shape_names(shapes: &[(&ShapeId, String)]) -> Vec<String> {
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (_, base)) in shapes.iter().enumerate() {
        by_name.entry(base.as_str()).or_default().push(i);
    }
    let mut taken: BTreeSet<String> = by_name.keys().map(|k| k.to_string()).collect();
    let mut out = vec![String::new(); shapes.len()];
    for (name, indexes) in by_name {
        let first_namespace = indexes.first().map(|&i| &shapes[i].0.namespace);
        for (n, &i) in indexes.iter().enumerate() {
            let id = shapes[i].0;
            out[i] = if n == 0 {
                name.to_string()
            } else {
                let base = if Some(&id.namespace) == first_namespace {
                    numbered(name, n + 1)
                } else {
                    let segment = id.namespace.rsplit('.').next().unwrap_or_default();
                    format!("{}{name}", type_name(segment))
                };
                let mut candidate = base.clone();
                let mut k = 2;
                while taken.contains(&candidate) {
                    candidate = numbered(&base, k);
                    k += 1;
                }
                taken.insert(candidate.clone());
                candidate
            };
        }
    }
    out
}

/// The `(UpperCamelCase, snake_case)` names of a service's operations (in id order): the type
/// prefix (`GetThingInput`) by [`shape_names`], and the module and client method (`get_thing`),
/// unique too and never one of [`CLIENT_RESERVED`].
pub fn operation_names(operations: &[&ShapeId]) -> Vec<(String, String)> {
    let bases: Vec<(&ShapeId, String)> = operations
        .iter()
        .map(|id| (*id, type_name(&id.name)))
        .collect();
    let camel = shape_names(&bases);
    let snake_bases: Vec<String> = camel.iter().map(|c| field_name(c)).collect();
    let reserved = CLIENT_RESERVED.iter().map(|s| s.to_string()).collect();
    let snake = decide(&snake_bases, &reserved, |name| vec![bare(name).to_string()]);
    camel.into_iter().zip(snake).collect()
}

/// The snake_case name used for an operation's module and client method, before collisions.
pub fn operation_fn(operation: &str) -> String {
    field_name(operation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_value");
        assert_eq!(field_name("Crate"), "crate_value");
        assert_eq!(field_name("_"), "underscore");
        assert_eq!(field_name("paymentManagerArn"), "payment_manager_arn");
        assert_eq!(bare("r#type"), "type");
    }

    #[test]
    fn type_names_are_camel_case() {
        assert_eq!(type_name("CORSConfig"), "CorsConfig");
        assert_eq!(type_name("foo_bar"), "FooBar");
        assert_eq!(type_name("Self"), "SelfValue");
        assert_eq!(type_name("self"), "SelfValue");
        assert_eq!(type_name("ACTIVE"), "Active");
        assert_eq!(type_name("us-east-1"), "UsEast1");
    }

    #[test]
    fn any_text_becomes_an_identifier() {
        assert_eq!(type_name("+"), "Plus");
        assert_eq!(type_name("*"), "Star");
        assert_eq!(type_name(""), "Empty");
        assert_eq!(type_name("-1"), "Minus1");
        assert_eq!(type_name("1"), "V1");
        assert_eq!(type_name("a b"), "AB");
        assert_eq!(type_name("日本"), "U65e5U672c");
        assert_eq!(type_name("_"), "Underscore");
        assert_eq!(type_name("crate"), "Crate");
        assert_eq!(type_name("9lives"), "V9lives");
        assert_eq!(field_name("9lives"), "n9lives");
        assert_eq!(field_name("+"), "plus");
        assert_eq!(field_name("日本"), "u65e5_u672c");
        assert_eq!(field_name("a.b"), "a_b");
    }

    #[test]
    fn numbered_names_stay_lint_clean() {
        assert_eq!(numbered("FooBar", 2), "FooBar2");
        assert_eq!(numbered("V1", 2), "V1_2");
        assert_eq!(numbered("foo_bar", 2), "foo_bar_2");
        assert_eq!(numbered("r#type", 2), "type_2");
    }

    #[test]
    fn member_names_are_unique_with_their_methods() {
        assert_eq!(
            member_names(&["fooBar", "foo_bar", "FooBar2"]),
            vec!["foo_bar", "foo_bar_2", "foo_bar2"]
        );
        // `set_foo` would be `foo`'s setter: the prefixed member yields, whatever the order.
        assert_eq!(member_names(&["setFoo", "foo"]), vec!["set_foo_2", "foo"]);
        assert_eq!(member_names(&["foo", "getFoo"]), vec!["foo", "get_foo_2"]);
        assert_eq!(
            member_names(&["build", "buildValue", "meta", "type", "validate", "send"]),
            vec![
                "build_value_2",
                "build_value",
                "meta_value",
                "r#type",
                "validate_value",
                "send_value"
            ]
        );
        assert_eq!(member_names(&["type", "Type_"]), vec!["r#type", "type_2"]);
    }

    #[test]
    fn variants_are_unique() {
        assert_eq!(
            variant_names(&["a-b", "A_B", "a_b2"], &[]),
            vec!["AB", "AB3", "AB2"]
        );
        assert_eq!(
            variant_names(&["1", "-1", "+1"], &[]),
            vec!["V1", "Minus1", "Plus1"]
        );
        let v = variant_names(&["Unknown", "UnknownValue"], &[]);
        assert_eq!(unknown_variant(&v), "UnknownValue2");
        assert_eq!(unknown_variant(&["Other".into()]), "Unknown");
        assert_eq!(
            variant_names(&["Unhandled", "Other"], &[UNHANDLED_VARIANT]),
            vec!["UnhandledValue", "Other"]
        );
    }

    #[test]
    fn operation_names_are_unique_and_not_client_methods() {
        let ids = [
            ShapeId::new("a.b", "Config"),
            ShapeId::new("a.b", "GetThing"),
            ShapeId::new("a.b", "New"),
            ShapeId::new("a.b", "Self"),
            ShapeId::new("a.b", "Type"),
            ShapeId::new("a.b", "getThing"),
            ShapeId::new("a.other", "GetThing"),
        ];
        let pair = |c: &str, s: &str| (c.to_string(), s.to_string());
        assert_eq!(
            operation_names(&ids.iter().collect::<Vec<_>>()),
            vec![
                pair("Config", "config_value"),
                pair("GetThing", "get_thing"),
                pair("New", "new_value"),
                pair("SelfValue", "self_value"),
                pair("Type", "r#type"),
                pair("GetThing2", "get_thing2"),
                pair("OtherGetThing", "other_get_thing"),
            ]
        );
    }
}
