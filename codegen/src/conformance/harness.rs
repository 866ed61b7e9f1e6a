// This file is NOT a module of the `codegen` crate. `codegen::conformance` embeds it with
// `include_str!` and writes it, unchanged, as `src/harness.rs` of every generated protocol test
// crate. It is the hand-written half of those crates: an HTTP client that captures the request and
// answers with a canned response, the request checks of `smithy.test#httpRequestTests`, and the
// NaN-aware structural comparison used by `smithy.test#httpResponseTests`.

//! Support code for the generated protocol compliance tests.

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::{Blob, DateTime, Document, Number};

/// The idempotency token every generated client uses, as the Smithy protocol tests expect.
pub const IDEMPOTENCY_TOKEN: &str = "00000000-0000-4000-8000-000000000000";

/// The response the capturing client answers every request with.
#[derive(Clone, Debug)]
pub struct CannedResponse {
    /// HTTP status code.
    pub status: u16,
    /// Response headers, in order.
    pub headers: Vec<(String, String)>,
    /// Response body.
    pub body: Vec<u8>,
}

impl CannedResponse {
    /// `200 OK` with an empty JSON object, for request tests (whose response is not checked).
    pub fn ok() -> Self {
        CannedResponse {
            status: 200,
            headers: Vec::new(),
            body: b"{}".to_vec(),
        }
    }

    /// A response with the given status, headers and body.
    pub fn new(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Self {
        CannedResponse {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: body.to_vec(),
        }
    }

    fn to_http(&self) -> Result<HttpResponse, String> {
        let status = self
            .status
            .try_into()
            .map_err(|e| format!("invalid status {}: {e}", self.status))?;
        let mut response = HttpResponse::new(status, SdkBody::from(self.body.clone()));
        for (name, value) in &self.headers {
            response
                .headers_mut()
                .try_append(name.clone(), value.clone())
                .map_err(|e| format!("invalid response header {name}: {e}"))?;
        }
        Ok(response)
    }
}

/// An HTTP client that records every request and answers with a [`CannedResponse`].
#[derive(Clone, Debug)]
pub struct Capture {
    requests: Arc<Mutex<Vec<HttpRequest>>>,
    response: CannedResponse,
}

impl Capture {
    /// A client answering with `response`.
    pub fn new(response: CannedResponse) -> Self {
        Capture {
            requests: Arc::new(Mutex::new(Vec::new())),
            response,
        }
    }

    /// The single request the call sent; panics (failing the test) with the call's error otherwise.
    pub fn request<T, E: std::error::Error>(&self, result: &Result<T, E>) -> HttpRequest {
        let mut requests = match self.requests.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        match (requests.len(), result) {
            (1, _) => requests.remove(0),
            (0, Err(e)) => panic!(
                "no request was sent; the call failed: {}",
                DisplayErrorContext(e)
            ),
            (0, Ok(_)) => panic!("no request was sent, yet the call succeeded"),
            (n, _) => panic!("{n} requests were sent; expected exactly one"),
        }
    }
}

impl HttpConnector for Capture {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        match self.requests.lock() {
            Ok(mut guard) => guard.push(request),
            Err(poisoned) => poisoned.into_inner().push(request),
        }
        HttpConnectorFuture::ready(self.response.to_http().map_err(|e| {
            aws_smithy_runtime_api::client::result::ConnectorError::other(e.into(), None)
        }))
    }
}

impl HttpClient for Capture {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }
}

/// What a `smithy.test#httpRequestTests` case expects of the serialized request.
#[derive(Debug, Default)]
pub struct ExpectedRequest<'a> {
    /// HTTP method.
    pub method: &'a str,
    /// Path, without the query string.
    pub uri: &'a str,
    /// `name=value` pairs, as encoded on the wire; each must be present (order does not matter).
    pub query_params: &'a [&'a str],
    /// Query parameter names that must not be present.
    pub forbid_query_params: &'a [&'a str],
    /// Query parameter names that must be present.
    pub require_query_params: &'a [&'a str],
    /// Headers with their exact values.
    pub headers: &'a [(&'a str, &'a str)],
    /// Header names that must not be present.
    pub forbid_headers: &'a [&'a str],
    /// Header names that must be present.
    pub require_headers: &'a [&'a str],
    /// The body, when the case gives one.
    pub body: Option<&'a str>,
    /// How to compare the body (`application/json` structurally, anything else byte for byte).
    pub body_media_type: Option<&'a str>,
    /// The host the client was configured with (endpoint URL without scheme).
    pub host: Option<&'a str>,
    /// The host the request must go to.
    pub resolved_host: Option<&'a str>,
}

/// Checks `request` against `expected`; panics listing every mismatch.
pub fn assert_request(request: &HttpRequest, expected: &ExpectedRequest<'_>) {
    let problems = check_request(request, expected);
    if !problems.is_empty() {
        panic!(
            "the request does not match the test case:\n  - {}\nrequest: {} {}\nheaders: {:?}\nbody: {}",
            problems.join("\n  - "),
            request.method(),
            request.uri(),
            request.headers().iter().collect::<Vec<_>>(),
            request
                .body()
                .bytes()
                .map(String::from_utf8_lossy)
                .unwrap_or_else(|| "<streaming>".into())
        );
    }
}

/// Every way `request` differs from `expected`.
pub fn check_request(request: &HttpRequest, expected: &ExpectedRequest<'_>) -> Vec<String> {
    let mut problems = Vec::new();
    if !request.method().eq_ignore_ascii_case(expected.method) {
        problems.push(format!(
            "method: expected {}, got {}",
            expected.method,
            request.method()
        ));
    }
    let (authority, path, query) = split_uri(request.uri());
    if path != expected.uri {
        problems.push(format!("uri: expected {}, got {path}", expected.uri));
    }
    let host = authority.rsplit('@').next().unwrap_or(authority);
    if let Some(resolved) = expected.resolved_host {
        if host != resolved {
            problems.push(format!("host: expected {resolved}, got {host}"));
        }
    } else if let Some(configured) = expected.host {
        let configured = configured.split('/').next().unwrap_or(configured);
        if host != configured {
            problems.push(format!("host: expected {configured}, got {host}"));
        }
    }
    let mut actual_params: Vec<&str> = query
        .map(|q| q.split('&').filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    let names: Vec<&str> = actual_params
        .iter()
        .map(|p| p.split('=').next().unwrap_or(p))
        .collect();
    for name in expected.require_query_params {
        if !names.contains(name) {
            problems.push(format!("query: required parameter `{name}` is missing"));
        }
    }
    for name in expected.forbid_query_params {
        if names.contains(name) {
            problems.push(format!("query: forbidden parameter `{name}` is present"));
        }
    }
    for param in expected.query_params {
        match actual_params.iter().position(|p| p == param) {
            Some(i) => {
                actual_params.remove(i);
            }
            None => problems.push(format!(
                "query: expected `{param}` in {:?}",
                query.unwrap_or_default()
            )),
        }
    }
    let headers = request.headers();
    for (name, value) in expected.headers {
        let actual: Vec<&str> = headers.get_all(*name).collect();
        if actual.is_empty() {
            problems.push(format!(
                "header `{name}`: expected `{value}`, but it is missing"
            ));
        } else if actual.join(", ") != *value {
            problems.push(format!(
                "header `{name}`: expected `{value}`, got `{}`",
                actual.join(", ")
            ));
        }
    }
    for name in expected.require_headers {
        if !headers.contains_key(*name) {
            problems.push(format!("header `{name}` is required but missing"));
        }
    }
    for name in expected.forbid_headers {
        if let Some(value) = headers.get(*name) {
            problems.push(format!(
                "header `{name}` is forbidden but present (`{value}`)"
            ));
        }
    }
    if let Some(body) = expected.body {
        match request.body().bytes() {
            None => problems.push(
                "body: the request body is streaming; expected an in-memory body".to_string(),
            ),
            Some(actual) => {
                if let Err(e) = compare_body(actual, body.as_bytes(), expected.body_media_type) {
                    problems.push(format!("body: {e}"));
                }
            }
        }
    }
    problems
}

/// `(authority, path, query)` of an absolute (`https://host/path?q`) or origin-form (`/path?q`) URI.
fn split_uri(uri: &str) -> (&str, &str, Option<&str>) {
    let (authority, rest) = match uri.split_once("://") {
        Some((_, after)) => match after.find('/') {
            Some(i) => (&after[..i], &after[i..]),
            None => match after.find('?') {
                Some(i) => (&after[..i], &after[i..]),
                None => (after, ""),
            },
        },
        None => ("", uri),
    };
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    };
    (authority, if path.is_empty() { "/" } else { path }, query)
}

/// Compares a body per its media type: JSON structurally, everything else byte for byte.
pub fn compare_body(
    actual: &[u8],
    expected: &[u8],
    media_type: Option<&str>,
) -> Result<(), String> {
    let is_json = media_type.is_some_and(|m| m == "application/json" || m.ends_with("+json"));
    if expected.is_empty() || !is_json {
        if actual == expected {
            return Ok(());
        }
        return Err(format!(
            "expected `{}`, got `{}`",
            String::from_utf8_lossy(expected),
            String::from_utf8_lossy(actual)
        ));
    }
    let expected_json: serde_json::Value = serde_json::from_slice(expected)
        .map_err(|e| format!("the test case's JSON body does not parse: {e}"))?;
    let actual_json: serde_json::Value = serde_json::from_slice(actual)
        .map_err(|e| format!("not JSON ({e}): `{}`", String::from_utf8_lossy(actual)))?;
    json_eq(&actual_json, &expected_json, "$")
}

/// Structural JSON equality: object key order is ignored and numbers compare by value.
pub fn json_eq(
    actual: &serde_json::Value,
    expected: &serde_json::Value,
    path: &str,
) -> Result<(), String> {
    use serde_json::Value;
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for key in e.keys() {
                if !a.contains_key(key) {
                    return Err(format!("{path}: missing key `{key}`"));
                }
            }
            for (key, value) in a {
                match e.get(key) {
                    Some(expected) => json_eq(value, expected, &format!("{path}.{key}"))?,
                    None => return Err(format!("{path}: unexpected key `{key}` = {value}")),
                }
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(e)) => {
            if a.len() != e.len() {
                return Err(format!(
                    "{path}: expected {} items, got {}: {actual}",
                    e.len(),
                    a.len()
                ));
            }
            a.iter()
                .zip(e)
                .enumerate()
                .try_for_each(|(i, (a, e))| json_eq(a, e, &format!("{path}[{i}]")))
        }
        (Value::Number(a), Value::Number(e)) => {
            let same = match (a.as_i64(), e.as_i64(), a.as_u64(), e.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => a.as_f64() == e.as_f64(),
            };
            if same {
                Ok(())
            } else {
                Err(format!("{path}: expected {e}, got {a}"))
            }
        }
        _ if actual == expected => Ok(()),
        _ => Err(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// A [`Document`] from JSON text (the test case's `params` for a document member).
pub fn document(json: &str) -> Document {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(value) => to_document(value),
        Err(e) => panic!("the test case's document does not parse: {e}"),
    }
}

fn to_document(value: serde_json::Value) -> Document {
    use serde_json::Value;
    match value {
        Value::Null => Document::Null,
        Value::Bool(b) => Document::Bool(b),
        Value::Number(n) => Document::Number(if let Some(u) = n.as_u64() {
            Number::PosInt(u)
        } else if let Some(i) = n.as_i64() {
            Number::NegInt(i)
        } else {
            Number::Float(n.as_f64().unwrap_or(f64::NAN))
        }),
        Value::String(s) => Document::String(s),
        Value::Array(items) => Document::Array(items.into_iter().map(to_document).collect()),
        Value::Object(map) => {
            Document::Object(map.into_iter().map(|(k, v)| (k, to_document(v))).collect())
        }
    }
}

/// Panics when `actual` and `expected` differ (see [`ProtocolEq`]).
pub fn assert_same<T: ProtocolEq + ?Sized>(actual: &T, expected: &T) {
    if let Err(e) = actual.protocol_eq(expected, "output") {
        panic!("the decoded value does not match the test case: {e}");
    }
}

/// Equality as the protocol tests define it: NaN equals NaN, documents and maps compare
/// structurally, timestamps exactly. `Err` names the first differing path.
pub trait ProtocolEq {
    /// Compares `self` (the decoded value) with `expected`.
    fn protocol_eq(&self, expected: &Self, path: &str) -> Result<(), String>;
}

fn differ<T: Debug + ?Sized>(path: &str, actual: &T, expected: &T) -> String {
    format!("{path}: expected {expected:?}, got {actual:?}")
}

/// Implements [`ProtocolEq`] with `PartialEq`.
#[macro_export]
macro_rules! protocol_eq_by_partial_eq {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::harness::ProtocolEq for $ty {
            fn protocol_eq(&self, expected: &Self, path: &str) -> ::std::result::Result<(), ::std::string::String> {
                if self == expected {
                    ::std::result::Result::Ok(())
                } else {
                    ::std::result::Result::Err(::std::format!("{path}: expected {expected:?}, got {self:?}"))
                }
            }
        })*
    };
}

protocol_eq_by_partial_eq!(
    String, bool, i8, i16, i32, i64, u8, u16, u32, u64, DateTime, Blob
);

impl ProtocolEq for f32 {
    fn protocol_eq(&self, expected: &Self, path: &str) -> Result<(), String> {
        if self == expected || (self.is_nan() && expected.is_nan()) {
            Ok(())
        } else {
            Err(differ(path, self, expected))
        }
    }
}

impl ProtocolEq for f64 {
    fn protocol_eq(&self, expected: &Self, path: &str) -> Result<(), String> {
        if self == expected || (self.is_nan() && expected.is_nan()) {
            Ok(())
        } else {
            Err(differ(path, self, expected))
        }
    }
}

impl ProtocolEq for Document {
    fn protocol_eq(&self, expected: &Self, path: &str) -> Result<(), String> {
        match (self, expected) {
            (Document::Object(a), Document::Object(e)) => a.protocol_eq(e, path),
            (Document::Array(a), Document::Array(e)) => a.protocol_eq(e, path),
            (Document::Number(a), Document::Number(e)) => {
                let same = match (a, e) {
                    (Number::PosInt(x), Number::PosInt(y)) => x == y,
                    (Number::NegInt(x), Number::NegInt(y)) => x == y,
                    _ => {
                        let (x, y) = (a.to_f64_lossy(), e.to_f64_lossy());
                        x == y || (x.is_nan() && y.is_nan())
                    }
                };
                if same {
                    Ok(())
                } else {
                    Err(differ(path, a, e))
                }
            }
            _ if self == expected => Ok(()),
            _ => Err(differ(path, self, expected)),
        }
    }
}

impl<T: ProtocolEq + Debug> ProtocolEq for Option<T> {
    fn protocol_eq(&self, expected: &Self, path: &str) -> Result<(), String> {
        match (self, expected) {
            (Some(a), Some(e)) => a.protocol_eq(e, path),
            (None, None) => Ok(()),
            (None, Some(e)) => Err(format!("{path}: expected {e:?}, got nothing")),
            (Some(a), None) => Err(format!("{path}: expected nothing, got {a:?}")),
        }
    }
}

impl<T: ProtocolEq + ?Sized> ProtocolEq for Box<T> {
    fn protocol_eq(&self, expected: &Self, path: &str) -> Result<(), String> {
        (**self).protocol_eq(&**expected, path)
    }
}

impl<T: ProtocolEq + Debug> ProtocolEq for Vec<T> {
    fn protocol_eq(&self, expected: &Self, path: &str) -> Result<(), String> {
        if self.len() != expected.len() {
            return Err(format!(
                "{path}: expected {} items {expected:?}, got {} items {self:?}",
                expected.len(),
                self.len()
            ));
        }
        self.iter()
            .zip(expected)
            .enumerate()
            .try_for_each(|(i, (a, e))| a.protocol_eq(e, &format!("{path}[{i}]")))
    }
}

impl<K, T> ProtocolEq for HashMap<K, T>
where
    K: std::hash::Hash + Eq + Ord + Debug,
    T: ProtocolEq + Debug,
{
    fn protocol_eq(&self, expected: &Self, path: &str) -> Result<(), String> {
        let mut keys: Vec<&K> = self.keys().chain(expected.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let child = format!("{path}[{key:?}]");
            match (self.get(key), expected.get(key)) {
                (Some(a), Some(e)) => a.protocol_eq(e, &child)?,
                (None, Some(e)) => return Err(format!("{child}: expected {e:?}, got nothing")),
                (Some(a), None) => return Err(format!("{child}: expected nothing, got {a:?}")),
                (None, None) => {}
            }
        }
        Ok(())
    }
}
