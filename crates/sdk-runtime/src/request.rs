//! Building HTTP requests from operation inputs.
//!
//! A generated `OperationSpec::serialize` receives a [`RequestBuilder`] already set up for the
//! service protocol and adds the bindings of the operation:
//!
//! ```
//! use sdk_runtime::request::RequestBuilder;
//! use sdk_runtime::Protocol;
//!
//! # fn main() -> Result<(), sdk_runtime::request::BuildError> {
//! let mut req = RequestBuilder::new(Protocol::RestJson1, "GetThing");
//! req.http("GET", "/things/{thingId}")?
//!     .label("thingId", &Some("a/b".to_owned()))?
//!     .query("tags", &Some(vec!["x".to_owned(), "y z".to_owned()]))?
//!     .query("unset", &None::<i32>)?
//!     .header("x-amz-client-token", &Some("tok"))?;
//! let request = req.build()?;
//! assert_eq!(request.uri(), "/things/a%2Fb?tags=x&tags=y%20z");
//! # Ok(())
//! # }
//! ```

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::date_time::Format;
use aws_smithy_types::{Blob, DateTime};
use bytes::Bytes;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::spec::Protocol;

/// Everything except RFC 3986 unreserved characters is percent-encoded in labels and queries.
const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A request could not be built from the input; nothing was sent.
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// A `@httpLabel` member is unset or empty.
    MissingLabel {
        /// The label name.
        label: String,
    },
    /// A label value would change the path (`.` or `..` segments).
    InvalidLabel {
        /// The label name.
        label: String,
        /// Why the value is refused.
        reason: String,
    },
    /// A header name or value cannot be sent (for instance a value containing CR or LF).
    InvalidHeader {
        /// The header name.
        name: String,
        /// Why it is refused.
        reason: String,
    },
    /// A value could not be formatted (for instance a timestamp out of range).
    InvalidValue {
        /// What was being formatted (member or header name).
        what: String,
        /// The formatting error.
        reason: String,
    },
    /// The JSON body could not be serialised.
    Body(crate::schema::SerdeError),
    /// The generated code did not describe a valid request (missing or bad method / URI).
    Other(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingLabel { label } => {
                write!(
                    f,
                    "the URI label `{label}` is required and must not be empty"
                )
            }
            Self::InvalidLabel { label, reason } => {
                write!(f, "invalid value for URI label `{label}`: {reason}")
            }
            Self::InvalidHeader { name, reason } => write!(f, "invalid header `{name}`: {reason}"),
            Self::InvalidValue { what, reason } => write!(f, "cannot format `{what}`: {reason}"),
            Self::Body(e) => write!(f, "cannot serialise the JSON body: {e}"),
            Self::Other(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Body(e) => Some(e),
            _ => None,
        }
    }
}

/// Where a value is bound; decides the default text form of timestamps and lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParamLocation {
    /// `@httpLabel` (timestamps as RFC 3339 date-time).
    Label,
    /// `@httpQuery` (timestamps as RFC 3339 date-time; lists repeat the key).
    Query,
    /// `@httpHeader` (timestamps as IMF-fixdate; lists comma-separated).
    Header,
}

/// A value that can be bound to a URI label, a query parameter or a header.
///
/// Implemented for strings, booleans, numbers, [`DateTime`], [`Blob`] (base64), and `Option`,
/// `Vec` and references of those. Generated string enums implement it by pushing their
/// `as_str()`:
///
/// ```
/// # use sdk_runtime::request::{BuildError, ParamLocation, ToParam};
/// # enum Status { Active }
/// # impl Status { fn as_str(&self) -> &str { "ACTIVE" } }
/// impl ToParam for Status {
///     fn to_params(&self, _: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
///         out.push(self.as_str().to_owned());
///         Ok(())
///     }
/// }
/// ```
pub trait ToParam {
    /// Whether a list element of this type is quoted in a header list when it contains `,` or `"`.
    const QUOTE_IN_HEADER_LIST: bool = true;

    /// Appends the text forms of this value: none when unset, one per element for lists.
    fn to_params(&self, location: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError>;

    /// Whether a value is set at all (an empty list is set; `None` is not). A set value with no
    /// text form is still sent as an empty header.
    fn is_set(&self) -> bool {
        true
    }
}

impl ToParam for str {
    fn to_params(&self, _: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        out.push(self.to_owned());
        Ok(())
    }
}

impl ToParam for String {
    fn to_params(&self, _: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        out.push(self.clone());
        Ok(())
    }
}

impl ToParam for bool {
    fn to_params(&self, _: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        out.push(if *self { "true" } else { "false" }.to_owned());
        Ok(())
    }
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl ToParam for $t {
            fn to_params(&self, _: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
                out.push(self.to_string());
                Ok(())
            }
        }
    )*};
}
int_param!(i8, i16, i32, i64, u8, u16, u32, u64);

/// Text form of a float in labels, queries and headers (`NaN`, `Infinity`, `-Infinity` for the
/// non-finite values).
pub fn format_float(v: f64) -> String {
    if v.is_nan() {
        "NaN".to_owned()
    } else if v == f64::INFINITY {
        "Infinity".to_owned()
    } else if v == f64::NEG_INFINITY {
        "-Infinity".to_owned()
    } else {
        v.to_string()
    }
}

impl ToParam for f64 {
    fn to_params(&self, _: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        out.push(format_float(*self));
        Ok(())
    }
}

impl ToParam for f32 {
    fn to_params(&self, _: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        out.push(if self.is_finite() {
            self.to_string()
        } else {
            format_float(f64::from(*self))
        });
        Ok(())
    }
}

/// Formats a timestamp, e.g. for an explicit `@timestampFormat`
/// (`Format::EpochSeconds` gives `1515531081.123`).
pub fn format_timestamp(v: &DateTime, format: Format) -> Result<String, BuildError> {
    v.fmt(format).map_err(|e| BuildError::InvalidValue {
        what: "timestamp".to_owned(),
        reason: e.to_string(),
    })
}

impl ToParam for DateTime {
    const QUOTE_IN_HEADER_LIST: bool = false;

    fn to_params(&self, location: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        let format = match location {
            ParamLocation::Header => Format::HttpDate,
            ParamLocation::Label | ParamLocation::Query => Format::DateTime,
        };
        out.push(format_timestamp(self, format)?);
        Ok(())
    }
}

impl ToParam for Blob {
    fn to_params(&self, _: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        out.push(aws_smithy_types::base64::encode(self.as_ref()));
        Ok(())
    }
}

impl<T: ToParam> ToParam for Option<T> {
    const QUOTE_IN_HEADER_LIST: bool = T::QUOTE_IN_HEADER_LIST;

    fn to_params(&self, location: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        match self {
            Some(v) => v.to_params(location, out),
            None => Ok(()),
        }
    }

    fn is_set(&self) -> bool {
        self.as_ref().is_some_and(ToParam::is_set)
    }
}

impl<T: ToParam> ToParam for Vec<T> {
    fn to_params(&self, location: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        if location != ParamLocation::Header {
            for item in self {
                item.to_params(location, out)?;
            }
            return Ok(());
        }
        if self.is_empty() {
            return Ok(());
        }
        let mut parts = Vec::with_capacity(self.len());
        for item in self {
            item.to_params(location, &mut parts)?;
        }
        let joined = parts
            .iter()
            .map(|p| {
                if T::QUOTE_IN_HEADER_LIST && (p.contains(',') || p.contains('"')) {
                    format!("\"{}\"", p.replace('\\', "\\\\").replace('"', "\\\""))
                } else {
                    p.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.push(joined);
        Ok(())
    }
}

impl<T: ToParam + ?Sized> ToParam for &T {
    const QUOTE_IN_HEADER_LIST: bool = T::QUOTE_IN_HEADER_LIST;

    fn to_params(&self, location: ParamLocation, out: &mut Vec<String>) -> Result<(), BuildError> {
        (**self).to_params(location, out)
    }

    fn is_set(&self) -> bool {
        (**self).is_set()
    }
}

fn texts(
    value: &(impl ToParam + ?Sized),
    location: ParamLocation,
) -> Result<Vec<String>, BuildError> {
    let mut out = Vec::new();
    value.to_params(location, &mut out)?;
    Ok(out)
}

fn gzip_bytes(bytes: &[u8]) -> Result<Vec<u8>, BuildError> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|e| BuildError::Other(format!("gzip compression failed: {e}")))
}

/// Headers an `@httpPrefixHeaders` map may not set (compared case-insensitively): the HTTP/1.1
/// framing and connection headers (RFC 9110 / 9112: `Host`, `Content-Length`,
/// `Transfer-Encoding`, `Connection` and the hop-by-hop headers it governs, `Expect`, `TE`,
/// `Upgrade`, `Trailer`), the credentials (`Authorization`, `Proxy-Authorization`) and the
/// headers SigV4 signs with (`X-Amz-Date`, `X-Amz-Security-Token`, `X-Amz-Content-Sha256`).
/// `Content-Type` is not in the list: it describes the body and a model may bind it.
pub const RESERVED_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "proxy-connection",
    "expect",
    "te",
    "upgrade",
    "trailer",
    "authorization",
    "proxy-authorization",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-content-sha256",
];

fn is_reserved_header(name: &str) -> bool {
    RESERVED_HEADERS
        .iter()
        .any(|reserved| reserved.eq_ignore_ascii_case(name))
}

/// Fills an `@endpoint` host prefix (`foo.{label}.`) with `@hostLabel` values, each of which must
/// be a valid host label (letters, digits, `-`, and `.` between labels).
pub fn host_prefix(template: &str, labels: &[(&str, Option<&str>)]) -> Result<String, BuildError> {
    let mut out = template.to_owned();
    for (name, value) in labels {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            return Err(BuildError::MissingLabel {
                label: (*name).to_owned(),
            });
        };
        let valid = value.split('.').all(|part| {
            !part.is_empty()
                && part.len() <= 63
                && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !part.starts_with('-')
        });
        if !valid {
            return Err(BuildError::InvalidLabel {
                label: (*name).to_owned(),
                reason: format!("`{value}` is not a valid host label"),
            });
        }
        out = out.replace(&format!("{{{name}}}"), value);
    }
    Ok(out)
}

/// Percent-encodes a label value; with `greedy` the `/` separators are kept.
pub fn encode_label(value: &str, greedy: bool) -> String {
    if greedy {
        value
            .split('/')
            .map(|seg| utf8_percent_encode(seg, STRICT).to_string())
            .collect::<Vec<_>>()
            .join("/")
    } else {
        utf8_percent_encode(value, STRICT).to_string()
    }
}

/// Percent-encodes a query key or value (everything but unreserved characters).
pub fn encode_query(value: &str) -> String {
    utf8_percent_encode(value, STRICT).to_string()
}

/// Builds one HTTP request; see the [module docs](self).
#[derive(Debug)]
pub struct RequestBuilder {
    protocol: Protocol,
    operation: &'static str,
    method: Option<String>,
    path: String,
    pending_labels: BTreeSet<String>,
    /// Query pairs in order; `None` for a literal key written without `=` (`?hello`).
    query: Vec<(String, Option<String>)>,
    query_keys: BTreeSet<String>,
    headers: http::HeaderMap,
    body: Option<(Bytes, String)>,
    /// `@requestCompression`: gzip bodies of at least `min_compression_size` bytes.
    gzip: bool,
    /// `None` when the configuration turns request compression off.
    min_compression_size: Option<usize>,
    /// `@httpChecksumRequired`: send a `Content-MD5` of the (final) body.
    content_md5: bool,
    /// Checksum headers computed from the final body.
    body_checksums: &'static [BodyChecksum],
}

/// A checksum header computed from the final request body (a service customisation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyChecksum {
    /// The hex SHA-256 of the body, in the named header.
    Sha256(&'static str),
    /// The hex SHA-256 tree hash of the body (1 MiB leaves, Glacier), in the named header.
    Sha256TreeHash(&'static str),
}

impl BodyChecksum {
    fn header(self) -> &'static str {
        match self {
            BodyChecksum::Sha256(h) | BodyChecksum::Sha256TreeHash(h) => h,
        }
    }

    fn compute(self, body: &[u8]) -> String {
        use sha2::Digest as _;
        match self {
            BodyChecksum::Sha256(_) => hex::encode(sha2::Sha256::digest(body)),
            BodyChecksum::Sha256TreeHash(_) => hex::encode(tree_hash(body)),
        }
    }
}

/// The SHA-256 tree hash: hashes of 1 MiB chunks, combined pairwise until one is left.
fn tree_hash(body: &[u8]) -> [u8; 32] {
    use sha2::Digest as _;
    const CHUNK: usize = 1024 * 1024;
    let mut level: Vec<[u8; 32]> = if body.is_empty() {
        vec![sha2::Sha256::digest(body).into()]
    } else {
        body.chunks(CHUNK)
            .map(|c| sha2::Sha256::digest(c).into())
            .collect()
    };
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [single] => *single,
                _ => {
                    let mut h = sha2::Sha256::new();
                    pair.iter().for_each(|d| h.update(d));
                    h.finalize().into()
                }
            })
            .collect();
    }
    level.first().copied().unwrap_or_default()
}

/// Bodies smaller than this are sent uncompressed even when the operation allows compression
/// (the AWS SDKs' default `request_min_compression_size_bytes`; the config can change it).
pub const MIN_COMPRESSION_SIZE: usize = 10_240;

impl RequestBuilder {
    /// A builder for `operation` of a service speaking `protocol`.
    pub fn new(protocol: Protocol, operation: &'static str) -> Self {
        Self {
            protocol,
            operation,
            method: None,
            path: String::new(),
            pending_labels: BTreeSet::new(),
            query: Vec::new(),
            query_keys: BTreeSet::new(),
            headers: http::HeaderMap::new(),
            body: None,
            gzip: false,
            min_compression_size: Some(MIN_COMPRESSION_SIZE),
            content_md5: false,
            body_checksums: &[],
        }
    }

    /// Computes these checksum headers from the final body, unless the call set them.
    pub fn body_checksums(&mut self, checksums: &'static [BodyChecksum]) -> &mut Self {
        self.body_checksums = checksums;
        self
    }

    /// Compression settings from the configuration: `None` turns `@requestCompression` off,
    /// `Some(n)` compresses bodies of at least `n` bytes.
    pub fn set_min_compression_size(&mut self, min: Option<usize>) -> &mut Self {
        self.min_compression_size = min;
        self
    }

    /// `@requestCompression`: compresses the body with the first supported encoding of
    /// `encodings` (gzip) when it is large enough, appending it to `Content-Encoding`.
    pub fn compress(&mut self, encodings: &[&str]) -> &mut Self {
        self.gzip = encodings.contains(&"gzip");
        self
    }

    /// `@httpChecksumRequired`: sends `Content-MD5` with the body's checksum.
    pub fn content_md5(&mut self) -> &mut Self {
        self.content_md5 = true;
        self
    }

    /// The operation this request is for.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// Sets the method and the `@http` URI pattern (`/things/{id}/parts/{rest+}?literal=1`).
    /// Every `{label}` must then be given with [`label`](Self::label).
    pub fn http(&mut self, method: &str, uri_pattern: &str) -> Result<&mut Self, BuildError> {
        let (path, literal_query) = match uri_pattern.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (uri_pattern, None),
        };
        if !path.starts_with('/') {
            return Err(BuildError::Other(format!(
                "URI pattern `{uri_pattern}` must start with `/`"
            )));
        }
        self.method = Some(method.to_owned());
        self.path = path.to_owned();
        self.pending_labels.clear();
        let mut rest = path;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                return Err(BuildError::Other(format!(
                    "URI pattern `{uri_pattern}` has an unclosed `{{`"
                )));
            };
            let name = rest[start + 1..start + len].trim_end_matches('+');
            self.pending_labels.insert(name.to_owned());
            rest = &rest[start + len + 1..];
        }
        if let Some(q) = literal_query {
            for pair in q.split('&').filter(|p| !p.is_empty()) {
                let (k, v) = match pair.split_once('=') {
                    Some((k, v)) => (k, Some(v.to_owned())),
                    None => (pair, None),
                };
                self.query_keys.insert(k.to_owned());
                self.query.push((k.to_owned(), v));
            }
        }
        Ok(self)
    }

    /// Binds `@httpLabel` `name`. Unset or empty values are an error, as are values that are a
    /// `.` or `..` path segment; everything else is percent-encoded so it cannot change the path
    /// (`/` is kept only for greedy `{name+}` labels).
    pub fn label(
        &mut self,
        name: &str,
        value: &(impl ToParam + ?Sized),
    ) -> Result<&mut Self, BuildError> {
        let text = texts(value, ParamLocation::Label)?.join(",");
        let missing = || BuildError::MissingLabel {
            label: name.to_owned(),
        };
        if text.is_empty() {
            return Err(missing());
        }
        let plain = format!("{{{name}}}");
        let greedy = format!("{{{name}+}}");
        let (placeholder, is_greedy) = if self.path.contains(&plain) {
            (plain, false)
        } else if self.path.contains(&greedy) {
            (greedy, true)
        } else {
            return Err(BuildError::Other(format!(
                "URI pattern `{}` has no label `{name}`",
                self.path
            )));
        };
        let segments: Vec<&str> = if is_greedy {
            text.split('/').collect()
        } else {
            vec![text.as_str()]
        };
        if segments.iter().any(|s| *s == "." || *s == "..") {
            return Err(BuildError::InvalidLabel {
                label: name.to_owned(),
                reason: "a `.` or `..` path segment is not allowed".to_owned(),
            });
        }
        if is_greedy && segments.iter().all(|s| s.is_empty()) {
            return Err(missing());
        }
        self.path = self
            .path
            .replace(&placeholder, &encode_label(&text, is_greedy));
        self.pending_labels.remove(name);
        Ok(self)
    }

    /// Binds `@httpQuery` `name`: unset values send nothing, lists repeat the key; keys and
    /// values are percent-encoded.
    pub fn query(
        &mut self,
        name: &str,
        value: &(impl ToParam + ?Sized),
    ) -> Result<&mut Self, BuildError> {
        let values = texts(value, ParamLocation::Query)?;
        if !values.is_empty() {
            self.query_keys.insert(name.to_owned());
        }
        for v in values {
            self.query.push((name.to_owned(), Some(v)));
        }
        Ok(self)
    }

    /// Binds a `@httpQueryParams` map; keys already bound by `@httpQuery` members are skipped.
    pub fn query_params<T: ToParam>(
        &mut self,
        params: &Option<HashMap<String, T>>,
    ) -> Result<&mut Self, BuildError> {
        let Some(params) = params else {
            return Ok(self);
        };
        let mut keys: Vec<&String> = params.keys().collect();
        keys.sort();
        for key in keys {
            if self.query_keys.contains(key) {
                continue;
            }
            if let Some(value) = params.get(key) {
                for v in texts(value, ParamLocation::Query)? {
                    self.query.push((key.clone(), Some(v)));
                }
            }
        }
        Ok(self)
    }

    /// Binds `@httpHeader` `name`; unset values send nothing. Names and values that cannot be
    /// sent verbatim (CR, LF, NUL, other control characters) are refused with an error naming
    /// the header.
    pub fn header(
        &mut self,
        name: &str,
        value: &(impl ToParam + ?Sized),
    ) -> Result<&mut Self, BuildError> {
        let texts = texts(value, ParamLocation::Header)?;
        if texts.is_empty() && value.is_set() {
            self.insert_header(name, "", true)?;
        }
        for text in texts {
            self.insert_header(name, &text, true)?;
        }
        Ok(self)
    }

    /// Binds a `@httpPrefixHeaders` map: each entry becomes header `prefix + key`. A name in
    /// [`RESERVED_HEADERS`] (reachable through an empty prefix, or a prefix such as `x-amz-`)
    /// is refused with [`BuildError::InvalidHeader`] naming it: map keys must not override the
    /// message framing, the target host, the credentials or the signature.
    pub fn prefix_headers<T: ToParam>(
        &mut self,
        prefix: &str,
        values: &Option<HashMap<String, T>>,
    ) -> Result<&mut Self, BuildError> {
        let Some(values) = values else {
            return Ok(self);
        };
        let mut keys: Vec<&String> = values.keys().collect();
        keys.sort();
        for key in keys {
            if let Some(v) = values.get(key) {
                let name = format!("{prefix}{key}");
                if is_reserved_header(&name) {
                    return Err(BuildError::InvalidHeader {
                        name,
                        reason: "reserved header: an `@httpPrefixHeaders` map cannot set it"
                            .to_owned(),
                    });
                }
                for text in texts(v, ParamLocation::Header)? {
                    self.insert_header(&name, &text, false)?;
                }
            }
        }
        Ok(self)
    }

    fn insert_header(&mut self, name: &str, value: &str, replace: bool) -> Result<(), BuildError> {
        let invalid = |reason: &str| BuildError::InvalidHeader {
            name: name.to_owned(),
            reason: reason.to_owned(),
        };
        if value.contains(['\r', '\n']) {
            return Err(invalid("the value contains a CR or LF character"));
        }
        let header_name = http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| invalid("not a valid header name"))?;
        let header_value = http::HeaderValue::from_bytes(value.as_bytes())
            .map_err(|_| invalid("the value contains a control character"))?;
        if replace {
            self.headers.insert(header_name, header_value);
        } else {
            self.headers.append(header_name, header_value);
        }
        Ok(())
    }

    /// Sets the JSON body (`Content-Type` follows the protocol).
    pub fn json_body(
        &mut self,
        body: &dyn crate::schema::SerializableStruct,
    ) -> Result<&mut Self, BuildError> {
        let bytes = crate::schema::to_json(self.protocol, body).map_err(BuildError::Body)?;
        let content_type = self.protocol.json_content_type();
        self.body = Some((Bytes::from(bytes), content_type.to_owned()));
        Ok(self)
    }

    /// Sets a document (any JSON value) as the body.
    pub fn document_body(
        &mut self,
        document: &aws_smithy_types::Document,
    ) -> Result<&mut Self, BuildError> {
        let bytes = crate::schema::document_to_json(document).map_err(BuildError::Body)?;
        let content_type = self.protocol.json_content_type();
        self.body = Some((Bytes::from(bytes), content_type.to_owned()));
        Ok(self)
    }

    /// Sets a raw `@httpPayload` body (blob or string) with its content type.
    pub fn payload(&mut self, body: impl Into<Bytes>, content_type: &str) -> &mut Self {
        self.body = Some((body.into(), content_type.to_owned()));
        self
    }

    /// Produces the request (relative URI; the orchestrator applies the endpoint).
    pub fn build(self) -> Result<HttpRequest, BuildError> {
        let (method, uri) = match self.protocol.rpc_target_prefix() {
            Some(_) => ("POST".to_owned(), "/".to_owned()),
            None => {
                let Some(method) = self.method else {
                    return Err(BuildError::Other(format!(
                        "{}: no HTTP method / URI pattern was set",
                        self.operation
                    )));
                };
                if let Some(label) = self.pending_labels.into_iter().next() {
                    return Err(BuildError::MissingLabel { label });
                }
                let mut uri = self.path;
                for (i, (k, v)) in self.query.iter().enumerate() {
                    uri.push(if i == 0 { '?' } else { '&' });
                    uri.push_str(&encode_query(k));
                    if let Some(v) = v {
                        uri.push('=');
                        uri.push_str(&encode_query(v));
                    }
                }
                (method, uri)
            }
        };
        let mut builder = http::Request::builder().method(method.as_str()).uri(&uri);
        let Some(headers) = builder.headers_mut() else {
            return Err(BuildError::Other(format!(
                "invalid method `{method}` or URI `{uri}`"
            )));
        };
        *headers = self.headers;
        let body = match (self.protocol.rpc_target_prefix(), self.body) {
            (Some(target_prefix), body) => {
                let target = format!("{target_prefix}.{}", self.operation);
                let target = http::HeaderValue::from_str(&target).map_err(|_| {
                    BuildError::InvalidHeader {
                        name: "x-amz-target".to_owned(),
                        reason: "not a valid header value".to_owned(),
                    }
                })?;
                headers.insert("x-amz-target", target);
                let (bytes, ct) = body.unwrap_or_else(|| {
                    (
                        Bytes::from_static(b"{}"),
                        self.protocol.json_content_type().to_owned(),
                    )
                });
                Some((bytes, ct))
            }
            (_, body) => body,
        };
        let gzip = self.gzip.then_some(self.min_compression_size).flatten();
        let content_md5 = self.content_md5;
        let sdk_body = match body {
            Some((bytes, content_type)) => {
                let bytes = if gzip.is_some_and(|min| bytes.len() >= min) {
                    let encoding = match headers
                        .get(http::header::CONTENT_ENCODING)
                        .and_then(|v| v.to_str().ok())
                    {
                        Some(existing) if !existing.is_empty() => format!("{existing}, gzip"),
                        _ => "gzip".to_owned(),
                    };
                    let encoding = http::HeaderValue::from_str(&encoding).map_err(|_| {
                        BuildError::InvalidHeader {
                            name: "content-encoding".to_owned(),
                            reason: "not a valid header value".to_owned(),
                        }
                    })?;
                    headers.insert(http::header::CONTENT_ENCODING, encoding);
                    Bytes::from(gzip_bytes(&bytes)?)
                } else {
                    bytes
                };
                if content_md5 {
                    use md5::Digest as _;
                    let digest = md5::Md5::digest(&bytes);
                    let value = aws_smithy_types::base64::encode(digest.as_slice());
                    let value = http::HeaderValue::from_str(&value)
                        .map_err(|_| BuildError::Other("invalid Content-MD5".to_owned()))?;
                    headers.insert("content-md5", value);
                }
                for checksum in self.body_checksums {
                    if !headers.contains_key(checksum.header()) {
                        let value = http::HeaderValue::from_str(&checksum.compute(&bytes))
                            .map_err(|_| BuildError::Other("invalid checksum".to_owned()))?;
                        headers.insert(checksum.header(), value);
                    }
                }
                let ct = http::HeaderValue::from_str(&content_type).map_err(|_| {
                    BuildError::InvalidHeader {
                        name: "content-type".to_owned(),
                        reason: "not a valid header value".to_owned(),
                    }
                })?;
                // An explicit Content-Type header member wins over the payload's default.
                if !headers.contains_key(http::header::CONTENT_TYPE) {
                    headers.insert(http::header::CONTENT_TYPE, ct);
                }
                headers.insert(
                    http::header::CONTENT_LENGTH,
                    http::HeaderValue::from(bytes.len()),
                );
                SdkBody::from(bytes)
            }
            None => SdkBody::empty(),
        };
        let request = builder
            .body(sdk_body)
            .map_err(|e| BuildError::Other(format!("invalid request `{method} {uri}`: {e}")))?;
        HttpRequest::try_from(request)
            .map_err(|e| BuildError::Other(format!("invalid request `{method} {uri}`: {e}")))
    }
}

/// A one-member body shape for the tests: `{"a":1}` or `{"data":"..."}`.
#[cfg(test)]
mod test_body {
    use crate::schema::{
        Schema, SerdeError, SerializableStruct, ShapeSerializer, ShapeType, shape_id,
    };

    static A: Schema<'static> =
        Schema::new_member(shape_id!("test", "Body"), ShapeType::Integer, "a", 0);
    static DATA: Schema<'static> =
        Schema::new_member(shape_id!("test", "Body"), ShapeType::String, "data", 1);
    static BODY: Schema<'static> = Schema::new_struct(
        shape_id!("test", "Body"),
        ShapeType::Structure,
        &[&A, &DATA],
    );

    pub enum Body {
        A(i32),
        Data(String),
    }

    impl Body {
        pub fn a1() -> Self {
            Self::A(1)
        }
        pub fn data(text: String) -> Self {
            Self::Data(text)
        }
    }

    impl SerializableStruct for Body {
        fn schema(&self) -> &Schema<'_> {
            &BODY
        }
        fn serialize_members(&self, s: &mut dyn ShapeSerializer) -> Result<(), SerdeError> {
            match self {
                Self::A(v) => s.write_integer(&A, *v),
                Self::Data(v) => s.write_string(&DATA, v),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest() -> RequestBuilder {
        RequestBuilder::new(Protocol::RestJson1, "Op")
    }

    #[test]
    fn prefix_headers_cannot_set_reserved_headers() {
        for name in [
            "Host",
            "content-length",
            "Transfer-Encoding",
            "Authorization",
            "Connection",
            "Expect",
            "X-Amz-Date",
            "x-amz-security-token",
            "x-amz-content-sha256",
        ] {
            let mut r = rest();
            r.http("POST", "/h").unwrap();
            let map = HashMap::from([(name.to_owned(), "v".to_owned())]);
            let err = r.prefix_headers("", &Some(map)).unwrap_err();
            match &err {
                BuildError::InvalidHeader { name: n, reason } => {
                    assert_eq!(n, name);
                    assert!(reason.contains("reserved"), "{reason}");
                }
                other => panic!("{name}: {other:?}"),
            }
            assert!(err.to_string().contains(name), "{err}");
        }
        // A prefix that completes a reserved name is refused too.
        let mut r = rest();
        let map = HashMap::from([("date".to_owned(), "v".to_owned())]);
        let err = r.prefix_headers("x-amz-", &Some(map)).unwrap_err();
        assert!(err.to_string().contains("x-amz-date"), "{err}");
    }

    #[test]
    fn prefix_headers_with_empty_prefix_send_ordinary_headers() {
        let mut r = rest();
        r.http("POST", "/h").unwrap();
        let map = HashMap::from([
            ("hello".to_owned(), "there".to_owned()),
            ("Content-Type".to_owned(), "text/plain".to_owned()),
            ("x-hostname".to_owned(), "a".to_owned()),
        ]);
        r.prefix_headers("", &Some(map)).unwrap();
        let req = r.build().unwrap();
        assert_eq!(req.headers().get("hello"), Some("there"));
        assert_eq!(req.headers().get("content-type"), Some("text/plain"));
        assert_eq!(req.headers().get("x-hostname"), Some("a"));
    }

    #[test]
    fn labels_cannot_change_the_path() {
        let mut r = rest();
        r.http("GET", "/things/{id}/x").unwrap();
        r.label("id", &"../admin?x=1#y é").unwrap();
        let req = r.build().unwrap();
        assert_eq!(req.uri(), "/things/..%2Fadmin%3Fx%3D1%23y%20%C3%A9/x");
    }

    #[test]
    fn greedy_labels_keep_slashes() {
        let mut r = rest();
        r.http("GET", "/files/{key+}").unwrap();
        r.label("key", &Some("a b/c%d/e")).unwrap();
        assert_eq!(r.build().unwrap().uri(), "/files/a%20b/c%25d/e");
        let mut r = rest();
        r.http("GET", "/files/{key+}").unwrap();
        assert!(matches!(
            r.label("key", &"a/../b"),
            Err(BuildError::InvalidLabel { .. })
        ));
    }

    #[test]
    fn missing_empty_and_dot_labels_are_errors() {
        let mut r = rest();
        r.http("GET", "/things/{id}").unwrap();
        let err = r.label("id", &None::<String>).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the URI label `id` is required and must not be empty"
        );
        assert!(r.label("id", &"").is_err());
        assert!(matches!(
            r.label("id", &".."),
            Err(BuildError::InvalidLabel { .. })
        ));
        assert!(matches!(r.build(), Err(BuildError::MissingLabel { label }) if label == "id"));
    }

    #[test]
    fn query_lists_repeat_and_unset_is_skipped() {
        let mut r = rest();
        r.http("GET", "/q?literal=1").unwrap();
        r.query("a", &Some(vec!["x&y".to_owned(), "z".to_owned()]))
            .and_then(|r| r.query("b", &None::<String>))
            .and_then(|r| r.query("n", &Some(5)))
            .and_then(|r| r.query("f", &Some(f64::NAN)))
            .and_then(|r| r.query("t", &Some(DateTime::from_secs(0))))
            .and_then(|r| r.query("on", &Some(true)))
            .unwrap();
        let mut params = HashMap::new();
        params.insert("a".to_owned(), "ignored".to_owned());
        params.insert("extra key".to_owned(), "v".to_owned());
        r.query_params(&Some(params)).unwrap();
        assert_eq!(
            r.build().unwrap().uri(),
            "/q?literal=1&a=x%26y&a=z&n=5&f=NaN&t=1970-01-01T00%3A00%3A00Z&on=true&extra%20key=v"
        );
    }

    #[test]
    fn headers_refuse_crlf_and_format_lists_and_dates() {
        let mut r = rest();
        r.http("POST", "/h").unwrap();
        let err = r.header("x-evil", &"a\r\nInjected: 1").unwrap_err();
        assert!(err.to_string().contains("x-evil"), "{err}");
        assert!(r.header("bad name", &"v").is_err());
        r.header("x-list", &vec!["a", "b,c"])
            .unwrap()
            .header("x-date", &DateTime::from_secs(1515531081))
            .unwrap()
            .header("x-none", &None::<i32>)
            .unwrap();
        let mut prefixed = HashMap::new();
        prefixed.insert("k".to_owned(), "v".to_owned());
        r.prefix_headers("x-meta-", &Some(prefixed)).unwrap();
        let req = r.build().unwrap();
        assert_eq!(req.headers().get("x-list"), Some("a, \"b,c\""));
        assert_eq!(
            req.headers().get("x-date"),
            Some("Tue, 09 Jan 2018 20:51:21 GMT")
        );
        assert_eq!(req.headers().get("x-none"), None);
        assert_eq!(req.headers().get("x-meta-k"), Some("v"));
        assert_eq!(
            req.headers().get("content-type"),
            None,
            "no body, no content type"
        );
    }

    #[test]
    fn rest_json_body_sets_content_type_and_length() {
        let mut r = rest();
        r.http("PUT", "/b").unwrap();
        r.json_body(&test_body::Body::a1()).unwrap();
        let req = r.build().unwrap();
        assert_eq!(req.method(), "PUT");
        assert_eq!(req.headers().get("content-type"), Some("application/json"));
        assert_eq!(req.headers().get("content-length"), Some("7"));
        assert_eq!(req.body().bytes(), Some(&b"{\"a\":1}"[..]));
    }

    #[test]
    fn compression_follows_the_threshold_and_can_be_turned_off() {
        let build = |min: Option<usize>| {
            let mut r = rest();
            r.http("POST", "/c").unwrap();
            r.json_body(&test_body::Body::data("x".repeat(100)))
                .unwrap();
            r.compress(&["gzip"]).set_min_compression_size(min);
            r.build().unwrap()
        };
        let small_threshold = build(Some(10));
        assert_eq!(
            small_threshold.headers().get("content-encoding"),
            Some("gzip")
        );
        let body = small_threshold.body().bytes().unwrap();
        assert_eq!(&body[..2], &[0x1f, 0x8b], "a gzip stream");
        assert_eq!(
            build(Some(MIN_COMPRESSION_SIZE))
                .headers()
                .get("content-encoding"),
            None
        );
        assert_eq!(build(None).headers().get("content-encoding"), None);
    }

    #[test]
    fn aws_json_is_always_post_root_with_target() {
        let mut r = RequestBuilder::new(
            Protocol::AwsJson1_0 {
                target_prefix: "Svc",
            },
            "ListThings",
        );
        r.json_body(&crate::shape::Unit).unwrap();
        let req = r.build().unwrap();
        assert_eq!(req.method(), "POST");
        assert_eq!(req.uri(), "/");
        assert_eq!(req.headers().get("x-amz-target"), Some("Svc.ListThings"));
        assert_eq!(
            req.headers().get("content-type"),
            Some("application/x-amz-json-1.0")
        );
        let empty = RequestBuilder::new(
            Protocol::AwsJson1_0 {
                target_prefix: "Svc",
            },
            "Ping",
        )
        .build()
        .unwrap();
        assert_eq!(empty.body().bytes(), Some(&b"{}"[..]));
    }

    #[test]
    fn body_checksums_are_computed_unless_set() {
        const CHECKSUMS: &[BodyChecksum] = &[
            BodyChecksum::Sha256("x-amz-content-sha256"),
            BodyChecksum::Sha256TreeHash("x-amz-sha256-tree-hash"),
        ];
        let hello = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
        let mut r = rest();
        r.http("POST", "/a").unwrap();
        r.payload(&b"hello world"[..], "application/octet-stream");
        r.body_checksums(CHECKSUMS);
        let req = r.build().unwrap();
        assert_eq!(req.headers().get("x-amz-content-sha256"), Some(hello));
        assert_eq!(req.headers().get("x-amz-sha256-tree-hash"), Some(hello));
        // Over 1 MiB the tree hash combines the chunk hashes and differs from the plain hash.
        let big = vec![7u8; 1024 * 1024 + 1];
        let mut r = rest();
        r.http("POST", "/a").unwrap();
        r.payload(big, "application/octet-stream");
        r.body_checksums(CHECKSUMS);
        let req = r.build().unwrap();
        assert_ne!(
            req.headers().get("x-amz-content-sha256"),
            req.headers().get("x-amz-sha256-tree-hash")
        );
        let mut r = rest();
        r.http("POST", "/a").unwrap();
        r.header("x-amz-sha256-tree-hash", &Some("given".to_owned()))
            .unwrap();
        r.payload(&b"hello world"[..], "application/octet-stream");
        r.body_checksums(CHECKSUMS);
        assert_eq!(
            r.build().unwrap().headers().get("x-amz-sha256-tree-hash"),
            Some("given")
        );
    }

    #[test]
    fn aws_json_1_1_has_its_own_content_type() {
        let protocol = Protocol::AwsJson1_1 {
            target_prefix: "Svc_2017",
        };
        let mut r = RequestBuilder::new(protocol, "Put");
        r.json_body(&test_body::Body::a1()).unwrap();
        let req = r.build().unwrap();
        assert_eq!(req.headers().get("x-amz-target"), Some("Svc_2017.Put"));
        assert_eq!(
            req.headers().get("content-type"),
            Some("application/x-amz-json-1.1")
        );
        let empty = RequestBuilder::new(protocol, "Ping").build().unwrap();
        assert_eq!(
            empty.headers().get("content-type"),
            Some("application/x-amz-json-1.1")
        );
    }

    #[test]
    fn missing_http_binding_is_an_error_not_a_panic() {
        assert!(rest().build().is_err());
        assert!(rest().http("GET", "no-slash").is_err());
        assert!(rest().http("GET", "/{open").is_err());
        let mut r = rest();
        r.http("BAD METHOD", "/").unwrap();
        assert!(r.build().is_err());
    }
}
