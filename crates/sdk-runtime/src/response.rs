//! Reading HTTP responses: JSON bodies, bound headers, status codes and AWS error metadata.

use std::collections::HashMap;
use std::fmt;

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_types::date_time::Format;
use aws_smithy_types::error::ErrorMetadata;
use aws_smithy_types::{Blob, DateTime};

use crate::spec::Protocol;

/// Extras key under which [`ErrorMetadata`] carries the HTTP status code.
pub const HTTP_STATUS_KEY: &str = "http_status";
/// Extras key under which [`ErrorMetadata`] carries the request id (the key
/// `aws_types::request_id::RequestId` reads).
pub const REQUEST_ID_KEY: &str = "aws_request_id";

/// A response could not be read into the operation output.
#[derive(Debug)]
pub struct DeserializeError {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl DeserializeError {
    /// An error with a message.
    pub fn custom(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            source: None,
        }
    }

    /// A JSON body that does not match the expected shape.
    pub fn json(err: crate::schema::SerdeError) -> Self {
        Self {
            message: format!("invalid JSON body: {err}"),
            source: Some(Box::new(err)),
        }
    }

    /// A bound header that cannot be parsed.
    pub fn header(name: &str, reason: impl fmt::Display) -> Self {
        Self::custom(format!("invalid header `{name}`: {reason}"))
    }
}

impl fmt::Display for DeserializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "failed to read the response: {}", self.message)
    }
}

impl std::error::Error for DeserializeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e.as_ref() as &(dyn std::error::Error + 'static))
    }
}

/// A value that can be read from a response header.
///
/// Implemented for `String`, `bool`, integers, floats (`NaN`, `Infinity`, `-Infinity` accepted),
/// [`DateTime`] (IMF-fixdate), [`Blob`] (base64) and `Vec<T>` (comma-separated list; quoted
/// elements allowed, http-dates kept whole).
pub trait FromHeader: Sized {
    /// Whether values are IMF-fixdates, whose own comma must not split a list.
    const IS_HTTP_DATE: bool = false;

    /// Parses one header value.
    fn from_header(value: &str) -> Result<Self, String>;

    /// Parses every value of a header (all occurrences); by default only the first is used.
    fn from_header_values(values: &[&str]) -> Result<Option<Self>, String> {
        match values.first() {
            Some(v) => Self::from_header(v).map(Some),
            None => Ok(None),
        }
    }
}

impl FromHeader for String {
    fn from_header(value: &str) -> Result<Self, String> {
        Ok(value.to_owned())
    }
}

impl FromHeader for bool {
    fn from_header(value: &str) -> Result<Self, String> {
        match value.trim() {
            "true" => Ok(true),
            "false" => Ok(false),
            other => Err(format!("expected `true` or `false`, got {other:?}")),
        }
    }
}

macro_rules! parse_header {
    ($($t:ty),*) => {$(
        impl FromHeader for $t {
            fn from_header(value: &str) -> Result<Self, String> {
                value
                    .trim()
                    .parse::<$t>()
                    .map_err(|e| format!("expected {}, got {value:?}: {e}", stringify!($t)))
            }
        }
    )*};
}
parse_header!(i8, i16, i32, i64, u8, u16, u32, u64);

impl FromHeader for f64 {
    fn from_header(value: &str) -> Result<Self, String> {
        match value.trim() {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            other => other
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("expected a number, got {other:?}")),
        }
    }
}

impl FromHeader for f32 {
    fn from_header(value: &str) -> Result<Self, String> {
        f64::from_header(value).map(|v| v as f32)
    }
}

impl FromHeader for DateTime {
    const IS_HTTP_DATE: bool = true;

    fn from_header(value: &str) -> Result<Self, String> {
        DateTime::from_str(value.trim(), Format::HttpDate)
            .map_err(|e| format!("expected an HTTP date, got {value:?}: {e}"))
    }
}

impl FromHeader for Blob {
    fn from_header(value: &str) -> Result<Self, String> {
        aws_smithy_types::base64::decode(value.trim())
            .map(Blob::new)
            .map_err(|e| format!("expected base64: {e}"))
    }
}

/// Splits a comma-separated header list, honouring double-quoted elements with `\` escapes.
pub fn split_header_list(value: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = value.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
            chars.next();
        }
        let mut item = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some(escaped) => item.push(escaped),
                        None => break,
                    },
                    '"' => {
                        closed = true;
                        break;
                    }
                    other => item.push(other),
                }
            }
            if !closed {
                return Err(format!("unterminated quoted string in {value:?}"));
            }
            while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                chars.next();
            }
            match chars.next() {
                None | Some(',') => {}
                Some(c) => return Err(format!("unexpected {c:?} after a quoted string")),
            }
            out.push(item);
        } else {
            for c in chars.by_ref() {
                if c == ',' {
                    break;
                }
                item.push(c);
            }
            let trimmed = item.trim();
            if !trimmed.is_empty() || chars.peek().is_some() {
                out.push(trimmed.to_owned());
            }
        }
        if chars.peek().is_none() {
            return Ok(out);
        }
    }
}

impl<T: FromHeader> FromHeader for Vec<T> {
    fn from_header(value: &str) -> Result<Self, String> {
        Self::from_header_values(&[value]).map(Option::unwrap_or_default)
    }

    fn from_header_values(values: &[&str]) -> Result<Option<Self>, String> {
        if values.is_empty() {
            return Ok(None);
        }
        let mut out = Vec::new();
        for value in values {
            // An IMF-fixdate contains a comma, so a list of dates splits on every second comma.
            let items = if T::IS_HTTP_DATE {
                let parts: Vec<&str> = value.split(',').map(str::trim).collect();
                parts.chunks(2).map(|c| c.join(", ")).collect()
            } else {
                split_header_list(value)?
            };
            for item in items {
                out.push(T::from_header(&item)?);
            }
        }
        Ok(Some(out))
    }
}

/// A read-only view of an HTTP response handed to generated deserialisers.
#[derive(Clone, Copy, Debug)]
pub struct Response<'a> {
    inner: &'a HttpResponse,
    protocol: Protocol,
}

impl<'a> Response<'a> {
    /// Wraps a response of a service speaking `protocol` (which picks the body codec).
    pub fn new(inner: &'a HttpResponse, protocol: Protocol) -> Self {
        Self { inner, protocol }
    }

    /// The underlying response.
    pub fn raw(&self) -> &'a HttpResponse {
        self.inner
    }

    /// The HTTP status code (`@httpResponseCode`).
    pub fn status(&self) -> u16 {
        self.inner.status().as_u16()
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header_str(&self, name: &str) -> Option<&'a str> {
        self.inner.headers().get(name)
    }

    /// Reads header `name` as `T`: `Ok(None)` when absent, an error naming the header when
    /// malformed.
    pub fn header<T: FromHeader>(&self, name: &str) -> Result<Option<T>, DeserializeError> {
        let values: Vec<&str> = self.inner.headers().get_all(name).collect();
        T::from_header_values(&values).map_err(|reason| DeserializeError::header(name, reason))
    }

    /// Collects the headers starting with `prefix` (`@httpPrefixHeaders`), keyed by the rest of
    /// the name; `None` when there is none.
    pub fn prefix_headers(&self, prefix: &str) -> Option<HashMap<String, String>> {
        let prefix = prefix.to_ascii_lowercase();
        let map: HashMap<String, String> = self
            .inner
            .headers()
            .iter()
            .filter_map(|(name, value)| {
                let lower = name.to_ascii_lowercase();
                lower
                    .strip_prefix(&prefix)
                    .map(|rest| (rest.to_owned(), value.to_owned()))
            })
            .collect();
        (!map.is_empty()).then_some(map)
    }

    /// The body bytes (empty when the body was not buffered).
    pub fn body(&self) -> &'a [u8] {
        self.inner.body().bytes().unwrap_or_default()
    }

    /// Decodes the JSON body into `T`; an empty body reads as `{}`. Never panics: a body that is
    /// not JSON or does not match `T` is a [`DeserializeError`].
    pub fn json<T: crate::schema::DeserializeShape>(&self) -> Result<T, DeserializeError> {
        let body = self.body();
        let body = if body.iter().all(u8::is_ascii_whitespace) {
            &b"{}"[..]
        } else {
            body
        };
        crate::schema::from_json(self.protocol, body).map_err(DeserializeError::json)
    }

    /// Decodes the body as a document (any JSON value).
    pub fn document(&self) -> Result<aws_smithy_types::Document, DeserializeError> {
        crate::schema::document_from_json(self.body()).map_err(DeserializeError::json)
    }

    /// The request id (`x-amzn-requestid`, then `x-amz-request-id`).
    pub fn request_id(&self) -> Option<&'a str> {
        self.header_str("x-amzn-requestid")
            .or_else(|| self.header_str("x-amz-request-id"))
    }
}

/// Reduces a raw error type to its code: drops a namespace before `#` and anything after `:`
/// (`aws.protocoltests#FooError:http://...` becomes `FooError`).
pub fn sanitize_error_code(raw: &str) -> &str {
    let without_suffix = raw.split(':').next().unwrap_or(raw);
    let code = without_suffix
        .rsplit_once('#')
        .map_or(without_suffix, |(_, code)| code);
    code.trim()
}

/// [`ErrorMetadata`] extras key of the `x-amzn-query-error` fault type (`Sender` / `Receiver`).
pub const QUERY_ERROR_TYPE_KEY: &str = "type";

pub use crate::error_body::ErrorBody;

/// The [`ErrorMetadata`] of an error response (see [`ErrorBody::read`]).
pub fn parse_error_metadata(protocol: Protocol, resp: &Response<'_>) -> ErrorMetadata {
    ErrorBody::read(protocol, false, resp).1.into_meta()
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_smithy_runtime_api::http::StatusCode;
    use aws_smithy_types::body::SdkBody;

    fn response(status: u16, headers: &[(&str, &str)], body: &'static [u8]) -> HttpResponse {
        let mut r = HttpResponse::new(StatusCode::try_from(status).unwrap(), SdkBody::from(body));
        for (k, v) in headers {
            r.headers_mut().append(k.to_string(), v.to_string());
        }
        r
    }

    #[test]
    fn sanitizes_codes() {
        assert_eq!(sanitize_error_code("FooError"), "FooError");
        assert_eq!(
            sanitize_error_code("aws.protocoltests.restjson#FooError"),
            "FooError"
        );
        assert_eq!(
            sanitize_error_code(
                "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"
            ),
            "FooError"
        );
        assert_eq!(sanitize_error_code("FooError:http://x"), "FooError");
    }

    #[test]
    fn error_code_precedence_header_then_type_then_code() {
        let r = response(
            400,
            &[
                ("X-Amzn-ErrorType", "ns#FromHeader:x"),
                ("x-amzn-requestid", "rid"),
            ],
            br#"{"__type": "FromType", "code": "FromCode", "message": "m"}"#,
        );
        let meta =
            parse_error_metadata(Protocol::RestJson1, &Response::new(&r, Protocol::RestJson1));
        assert_eq!(meta.code(), Some("FromHeader"));
        assert_eq!(meta.message(), Some("m"));
        assert_eq!(meta.extra(REQUEST_ID_KEY), Some("rid"));
        assert_eq!(meta.extra(HTTP_STATUS_KEY), Some("400"));

        let r = response(
            400,
            &[],
            br#"{"__type": "ns#FromType", "code": "FromCode", "Message": "M"}"#,
        );
        let meta =
            parse_error_metadata(Protocol::RestJson1, &Response::new(&r, Protocol::RestJson1));
        assert_eq!((meta.code(), meta.message()), (Some("FromType"), Some("M")));

        let r = response(
            500,
            &[("x-amz-request-id", "r2")],
            br#"{"code": "FromCode"}"#,
        );
        let meta = parse_error_metadata(
            Protocol::AwsJson1_0 { target_prefix: "P" },
            &Response::new(&r, Protocol::RestJson1),
        );
        assert_eq!(meta.code(), Some("FromCode"));
        assert_eq!(meta.extra(REQUEST_ID_KEY), Some("r2"));
    }

    #[test]
    fn error_metadata_survives_garbage_bodies() {
        let big: &'static [u8] = Box::leak(vec![b'<'; 10 * 1024 * 1024].into_boxed_slice());
        let r = response(503, &[], big);
        let meta =
            parse_error_metadata(Protocol::RestJson1, &Response::new(&r, Protocol::RestJson1));
        assert_eq!(meta.code(), None);
        assert_eq!(meta.extra(HTTP_STATUS_KEY), Some("503"));
        let err = Response::new(&r, Protocol::RestJson1)
            .json::<crate::shape::Unit>()
            .unwrap_err();
        assert!(err.to_string().contains("invalid JSON body"));
    }

    #[test]
    fn query_compatible_code_comes_from_the_query_error_header() {
        let protocol = Protocol::AwsJson1_0 { target_prefix: "P" };
        let r = response(
            400,
            &[("x-amzn-query-error", "Customized;Sender")],
            br#"{"__type": "aws.protocoltests.json10#CustomCodeError", "message": "Hi"}"#,
        );
        let (dispatch, body) = ErrorBody::read(protocol, true, &Response::new(&r, protocol));
        let meta = body.into_meta();
        assert_eq!(dispatch, "CustomCodeError");
        assert_eq!(meta.code(), Some("Customized"));
        assert_eq!(meta.extra(QUERY_ERROR_TYPE_KEY), Some("Sender"));
        assert_eq!(meta.message(), Some("Hi"));
        // Not query compatible: the header means nothing.
        let (_, plain) = ErrorBody::read(protocol, false, &Response::new(&r, protocol));
        assert_eq!(plain.into_meta().code(), Some("CustomCodeError"));
        // No `__type`: the query code selects the modeled error (its `@awsQueryError` code).
        let r = response(400, &[("x-amzn-query-error", "Customized;Receiver")], b"{}");
        let (dispatch, body) = ErrorBody::read(protocol, true, &Response::new(&r, protocol));
        assert_eq!(dispatch, "Customized");
        assert_eq!(
            body.into_meta().extra(QUERY_ERROR_TYPE_KEY),
            Some("Receiver")
        );
    }

    #[test]
    fn plain_rest_json_reads_bferror_fields() {
        let r = response(
            400,
            &[],
            br#"{"errorType": "ValidationError", "errorMessage": "bad", "errorCode": 7}"#,
        );
        let meta = parse_error_metadata(
            Protocol::PlainRestJson,
            &Response::new(&r, Protocol::RestJson1),
        );
        assert_eq!(
            (meta.code(), meta.message()),
            (Some("ValidationError"), Some("bad"))
        );
    }

    #[test]
    fn json_body_and_headers() {
        let r = response(
            201,
            &[
                ("x-count", "12"),
                ("x-bad", "twelve"),
                ("x-flag", "true"),
                ("x-date", "Tue, 09 Jan 2018 20:51:21 GMT"),
                (
                    "x-dates",
                    "Tue, 09 Jan 2018 20:51:21 GMT, Thu, 01 Jan 1970 00:00:00 GMT",
                ),
                ("x-list", "a, \"b,c\", d"),
                ("x-list", "e"),
                ("x-f", "-Infinity"),
                ("x-meta-One", "1"),
            ],
            b"  ",
        );
        let resp = Response::new(&r, Protocol::RestJson1);
        assert_eq!(resp.status(), 201);
        let v: crate::shape::Unit = resp.json().unwrap();
        assert_eq!(v, crate::shape::Unit);
        assert_eq!(resp.header::<i32>("x-count").unwrap(), Some(12));
        assert_eq!(resp.header::<i32>("x-missing").unwrap(), None);
        let err = resp.header::<i32>("x-bad").unwrap_err();
        assert!(err.to_string().contains("x-bad"), "{err}");
        assert_eq!(resp.header::<bool>("x-flag").unwrap(), Some(true));
        assert_eq!(
            resp.header::<DateTime>("x-date").unwrap(),
            Some(DateTime::from_secs(1515531081))
        );
        assert_eq!(
            resp.header::<Vec<DateTime>>("x-dates").unwrap(),
            Some(vec![
                DateTime::from_secs(1515531081),
                DateTime::from_secs(0)
            ])
        );
        assert_eq!(
            resp.header::<Vec<String>>("x-list").unwrap(),
            Some(vec!["a".into(), "b,c".into(), "d".into(), "e".into()])
        );
        assert_eq!(resp.header::<f64>("x-f").unwrap(), Some(f64::NEG_INFINITY));
        let meta = resp.prefix_headers("X-Meta-").unwrap();
        assert_eq!(meta.get("one").map(String::as_str), Some("1"));
        assert!(resp.prefix_headers("x-none-").is_none());
    }

    #[test]
    fn header_list_splitting() {
        assert_eq!(split_header_list("a,b").unwrap(), ["a", "b"]);
        assert_eq!(split_header_list("\"a\\\"b\" , c").unwrap(), ["a\"b", "c"]);
        assert!(split_header_list("\"open").is_err());
        assert!(split_header_list("\"a\"x").is_err());
        assert_eq!(split_header_list("").unwrap(), Vec::<String>::new());
    }
}
