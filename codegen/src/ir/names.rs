//! Rust naming: case conversion, keywords, and the names the generated code reserves.

use heck::{ToSnakeCase, ToUpperCamelCase};

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

/// Method names every generated builder already has; a member with one of these names gets a suffix.
const BUILDER_RESERVED: &[&str] = &["build", "builder", "send", "customize", "config_override"];

/// The snake_case Rust identifier for a member or operation (`r#type` for keywords).
pub fn field_name(member: &str) -> String {
    let snake = member.to_snake_case();
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
    if NON_RAW_KEYWORDS.contains(&snake.as_str()) || BUILDER_RESERVED.contains(&snake.as_str()) {
        format!("{snake}_value")
    } else if RAW_KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

/// The name without a raw-identifier prefix, for building other names (`set_type`).
pub fn bare(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// The UpperCamelCase Rust name for a shape or enum variant.
pub fn type_name(shape: &str) -> String {
    let camel = shape.to_upper_camel_case();
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

/// The snake_case name used for an operation's module and client method.
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
        assert_eq!(field_name("build"), "build_value");
        assert_eq!(field_name("paymentManagerArn"), "payment_manager_arn");
        assert_eq!(bare("r#type"), "type");
    }

    #[test]
    fn type_names_are_camel_case() {
        assert_eq!(type_name("CORSConfig"), "CorsConfig");
        assert_eq!(type_name("foo_bar"), "FooBar");
        assert_eq!(type_name("Self"), "SelfValue");
        assert_eq!(type_name("ACTIVE"), "Active");
    }
}
