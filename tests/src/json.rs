//! Structural JSON comparison with readable differences.

use serde_json::Value;

/// Panics unless `actual` parses as JSON equal to `expected`.
///
/// Object key order is ignored; numbers compare by value (`1` equals `1.0`). The panic message
/// lists every difference by JSON pointer, then both documents.
#[track_caller]
pub fn assert_json_eq(actual: impl AsRef<[u8]>, expected: Value) {
    let actual = actual.as_ref();
    let parsed: Value = match serde_json::from_slice(actual) {
        Ok(v) => v,
        Err(e) => panic!(
            "body is not valid JSON ({e}): {}\nexpected: {}",
            preview(actual),
            pretty(&expected)
        ),
    };
    let diffs = json_diff(&parsed, &expected);
    if !diffs.is_empty() {
        panic!(
            "JSON differs from the expected value:\n  {}\nactual:   {}\nexpected: {}",
            diffs.join("\n  "),
            pretty(&parsed),
            pretty(&expected)
        );
    }
}

/// Every difference between `actual` and `expected`, one line each, by JSON pointer
/// (`/items/0/name: expected "a", got "b"`). Empty when they are equal.
pub fn json_diff(actual: &Value, expected: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff_at("", actual, expected, &mut out);
    out
}

fn diff_at(path: &str, actual: &Value, expected: &Value, out: &mut Vec<String>) {
    let here = if path.is_empty() { "/" } else { path };
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for (key, ev) in e {
                let child = format!("{path}/{}", escape_pointer(key));
                match a.get(key) {
                    Some(av) => diff_at(&child, av, ev, out),
                    None => out.push(format!("{child}: missing, expected {ev}")),
                }
            }
            for (key, av) in a {
                if !e.contains_key(key) {
                    out.push(format!(
                        "{path}/{}: unexpected member {av}",
                        escape_pointer(key)
                    ));
                }
            }
        }
        (Value::Array(a), Value::Array(e)) => {
            if a.len() != e.len() {
                out.push(format!(
                    "{here}: array length {} where {} was expected",
                    a.len(),
                    e.len()
                ));
            }
            for (i, (av, ev)) in a.iter().zip(e).enumerate() {
                diff_at(&format!("{path}/{i}"), av, ev, out);
            }
        }
        (Value::Number(a), Value::Number(e)) => {
            let same = match (a.as_i64(), e.as_i64(), a.as_u64(), e.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => a.as_f64() == e.as_f64(),
            };
            if !same {
                out.push(format!("{here}: expected {e}, got {a}"));
            }
        }
        (a, e) if a == e => {}
        (a, e) => out.push(format!("{here}: expected {e}, got {a}")),
    }
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// The first 500 bytes of `bytes` as lossy UTF-8, for error messages.
pub(crate) fn preview(bytes: &[u8]) -> String {
    const MAX: usize = 500;
    let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX)]);
    if bytes.len() > MAX {
        format!("{shown:?}... ({} bytes in all)", bytes.len())
    } else {
        format!("{shown:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_ignores_key_order_and_number_form() {
        assert_json_eq(
            br#"{"b": [1, 2.0], "a": {"x": null}}"#,
            json!({"a": {"x": null}, "b": [1.0, 2]}),
        );
    }

    #[test]
    fn diff_names_each_difference() {
        let diffs = json_diff(
            &json!({"a": 1, "b": [1, 2], "c": "x", "d/e": true}),
            &json!({"a": 2, "b": [1], "c": "x", "z": null}),
        );
        assert_eq!(
            diffs,
            vec![
                "/a: expected 2, got 1",
                "/b: array length 2 where 1 was expected",
                "/z: missing, expected null",
                "/d~1e: unexpected member true",
            ]
        );
    }

    #[test]
    #[should_panic(expected = "/name: expected \"a\", got \"b\"")]
    fn assert_panics_with_diff() {
        assert_json_eq(br#"{"name": "b"}"#, json!({"name": "a"}));
    }

    #[test]
    #[should_panic(expected = "not valid JSON")]
    fn assert_panics_on_invalid_json() {
        assert_json_eq(br#"{"name": "#, json!({}));
    }
}
