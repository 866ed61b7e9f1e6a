//! Literal values in a model checked against the shapes they must fit: `@default` values, and the
//! date-time and base64 text Smithy writes timestamps and blobs in.

use serde_json::Value;

use super::{Shape, ShapeKind};

/// Why `value` cannot be the `@default` of a value of shape `target`, if it cannot (Smithy's
/// rules: the JSON type must match the shape type, numbers must fit it, collections must be
/// empty, enum defaults must be one of the values, structures and unions have no default).
pub(crate) fn default_problem(target: &Shape, value: &Value) -> Option<String> {
    let type_name = target.kind.type_name();
    let found = describe(value);
    let expected = |what: &str| {
        Some(format!(
            "{} default must be {what}, found {found}",
            a(type_name)
        ))
    };
    match &target.kind {
        // `null` removes a default; where that is allowed is not a question of the value.
        _ if value.is_null() => None,
        ShapeKind::Boolean if !value.is_boolean() => expected("true or false"),
        ShapeKind::Boolean => None,
        ShapeKind::String => match (value.as_str(), legacy_enum_values(target)) {
            (None, _) => expected("a string"),
            (Some(s), Some(values)) if !values.iter().any(|v| v == s) => Some(format!(
                "\"{s}\" is not one of the enum's values ({})",
                values.join(", ")
            )),
            _ => None,
        },
        ShapeKind::Blob => match value.as_str() {
            Some(s) if is_base64(s) => None,
            Some(_) => expected("base64 text"),
            None => expected("a base64 string"),
        },
        ShapeKind::Byte => integer_in(value, i8::MIN.into(), i8::MAX.into(), type_name),
        ShapeKind::Short => integer_in(value, i16::MIN.into(), i16::MAX.into(), type_name),
        ShapeKind::Integer => integer_in(value, i32::MIN.into(), i32::MAX.into(), type_name),
        ShapeKind::Long => integer_in(value, i64::MIN.into(), i64::MAX.into(), type_name),
        ShapeKind::BigInteger => match value {
            Value::Number(n) if n.is_i64() || n.is_u64() => None,
            Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => None,
            _ => expected("an integer"),
        },
        ShapeKind::Float | ShapeKind::Double => match value {
            Value::String(s) if matches!(s.as_str(), "NaN" | "Infinity" | "-Infinity") => None,
            Value::Number(n) => match n.as_f64() {
                Some(f)
                    if matches!(target.kind, ShapeKind::Float) && f.abs() > f64::from(f32::MAX) =>
                {
                    Some(format!("{n} is out of range for a float"))
                }
                _ => None,
            },
            _ => expected("a number (or \"NaN\", \"Infinity\", \"-Infinity\")"),
        },
        ShapeKind::BigDecimal if !value.is_number() => expected("a number"),
        ShapeKind::BigDecimal => None,
        ShapeKind::Timestamp => match value {
            Value::Number(n) if n.as_f64().is_some_and(f64::is_finite) => None,
            Value::String(s) if parse_date_time(s).is_some() => None,
            Value::String(s) => Some(format!(
                "\"{s}\" is not an RFC 3339 date-time (like 1985-04-12T23:20:50.52Z)"
            )),
            _ => expected("epoch seconds or a date-time string"),
        },
        ShapeKind::Document => None,
        ShapeKind::List(_) => match value {
            Value::Array(items) if items.is_empty() => None,
            _ => expected("an empty list ([])"),
        },
        ShapeKind::Map { .. } => match value {
            Value::Object(entries) if entries.is_empty() => None,
            _ => expected("an empty map ({})"),
        },
        ShapeKind::Enum(members) => {
            let Some(s) = value.as_str() else {
                return expected("a string");
            };
            let values: Vec<String> = members.iter().filter_map(enum_text).collect();
            (!values.iter().any(|v| v == s)).then(|| {
                format!(
                    "\"{s}\" is not one of the enum's values ({})",
                    values.join(", ")
                )
            })
        }
        ShapeKind::IntEnum(members) => {
            let Some(i) = value.as_i64() else {
                return expected("an integer");
            };
            let values: Vec<i64> = members
                .iter()
                .filter_map(|m| match &m.traits.enum_value {
                    Some(super::EnumValue::Int(v)) => Some(*v),
                    _ => None,
                })
                .collect();
            (!values.contains(&i)).then(|| {
                let values: Vec<String> = values.iter().map(ToString::to_string).collect();
                format!(
                    "{i} is not one of the intEnum's values ({})",
                    values.join(", ")
                )
            })
        }
        ShapeKind::Structure(_) | ShapeKind::Union(_) => Some(format!(
            "{} cannot have a default value (only simple types, lists and maps can)",
            a(type_name)
        )),
        ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_) => None,
    }
}

fn enum_text(m: &super::Member) -> Option<String> {
    match &m.traits.enum_value {
        Some(super::EnumValue::String(s)) => Some(s.clone()),
        None => Some(m.name.clone()),
        Some(super::EnumValue::Int(_)) => None,
    }
}

/// The values of a string shape's legacy `@enum` trait, when it has one.
fn legacy_enum_values(shape: &Shape) -> Option<Vec<String>> {
    let entries = shape.traits.other.get("smithy.api#enum")?.as_array()?;
    Some(
        entries
            .iter()
            .filter_map(|e| e.get("value").and_then(Value::as_str))
            .map(str::to_string)
            .collect(),
    )
}

/// An integer default within `min..=max`.
fn integer_in(value: &Value, min: i128, max: i128, type_name: &str) -> Option<String> {
    let Value::Number(n) = value else {
        return Some(format!(
            "{} default must be an integer, found {}",
            a(type_name),
            describe(value)
        ));
    };
    let as_int = n
        .as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from));
    match as_int {
        Some(i) if (min..=max).contains(&i) => None,
        Some(i) => Some(format!(
            "{i} is out of range for {} ({min}..={max})",
            a(type_name)
        )),
        None => Some(format!(
            "{} default must be an integer, found the number {n}",
            a(type_name)
        )),
    }
}

/// `a list`, `an integer`.
fn a(type_name: &str) -> String {
    let article = if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {type_name}")
}

/// `the string "x"`, `the number 1.5`, `a non-empty list`, for messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "a non-empty list".to_string(),
        Value::Object(_) => "a non-empty object".to_string(),
    }
}

/// Standard base64 with optional `=` padding.
pub(crate) fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    let padding = text.len() - body.len();
    body.bytes()
        .all(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/')
        && padding <= 2
        && (padding == 0 || text.len().is_multiple_of(4))
        && body.len() % 4 != 1
}

/// Parses an RFC 3339 date-time (`1985-04-12T23:20:50.52Z`, `1996-12-19T16:39:57-08:00`) into
/// seconds since the Unix epoch and nanoseconds.
pub fn parse_date_time(text: &str) -> Option<(i64, u32)> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let mut i = 19;
    let mut nanos: u32 = 0;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let frac = text.get(start..i)?;
        if frac.is_empty() {
            return None;
        }
        let mut padded: String = frac.chars().take(9).collect();
        while padded.len() < 9 {
            padded.push('0');
        }
        nanos = padded.parse().ok()?;
    }
    let offset = match text.get(i..)? {
        "Z" | "z" => 0,
        rest if rest.len() == 6
            && matches!(rest.as_bytes()[0], b'+' | b'-')
            && rest.as_bytes()[3] == b':' =>
        {
            let h = digits(i + 1..i + 3)?;
            let m = digits(i + 4..i + 6)?;
            if h > 23 || m > 59 {
                return None;
            }
            let sign = if rest.starts_with('-') { -1 } else { 1 };
            sign * (h * 3600 + m * 60)
        }
        _ => return None,
    };
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month) || day < 1 {
        return None;
    }
    let month_index = usize::try_from(month - 1).ok()?;
    if day > month_days[month_index] || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset;
    Some((seconds, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        assert_eq!(parse_date_time("1970-01-01T00:00:00Z"), Some((0, 0)));
        assert_eq!(
            parse_date_time("1985-04-12T23:20:50.52Z"),
            Some((482_196_050, 520_000_000))
        );
        assert_eq!(
            parse_date_time("1996-12-19T16:39:57-08:00"),
            Some((851_042_397, 0))
        );
        assert_eq!(
            parse_date_time("2000-02-29T00:00:00Z"),
            Some((951_782_400, 0))
        );
        assert_eq!(parse_date_time("2001-02-29T00:00:00Z"), None);
        assert_eq!(parse_date_time("1969-12-31T23:59:59Z"), Some((-1, 0)));
        for bad in [
            "",
            "yesterday",
            "2020-01-01",
            "2020-01-01T00:00:00",
            "2020-13-01T00:00:00Z",
            "2020-01-01T00:00:00.Z",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn base64() {
        assert!(is_base64("") && is_base64("YQ==") && is_base64("YWI=") && is_base64("YWJj"));
        assert!(!is_base64("Y") && !is_base64("a b") && !is_base64("YQ=") && !is_base64("Y==="));
    }
}
