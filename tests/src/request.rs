//! The request as the test server received it, and the HTTP/1.1 request parser behind it.
//!
//! The parser works on byte buffers and never blocks: the server feeds it what it has read so
//! far and gets back "need more bytes", a complete request, or an error. The same parser backs
//! [`RecordedRequest::from_raw`], which turns literal request text (for example a published SigV4
//! test vector) into a [`RecordedRequest`].

use std::fmt;

/// Largest request head (request line plus headers) the parser accepts.
pub(crate) const MAX_HEAD_BYTES: usize = 64 * 1024;
/// Largest request body the parser accepts.
pub(crate) const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// Header fields in the order they arrived; names keep their case, lookups ignore it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    /// An empty header list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a field (repeated names are kept as separate entries).
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }

    /// The first value of `name` (case-insensitive), if any.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// Every value of `name` (case-insensitive), in arrival order.
    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
            .collect()
    }

    /// Whether at least one field called `name` (case-insensitive) is present.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// All fields as `(name, value)`, in arrival order, names as received.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// Number of fields (a repeated name counts once per occurrence).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no fields at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

/// One request exactly as the server received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The method token, e.g. `POST`.
    pub method: String,
    /// The path part of the request target, as sent (percent-encoding intact, no query).
    pub path: String,
    /// The raw query string after `?` (not decoded); `None` when the target has no `?`.
    pub raw_query: Option<String>,
    /// Query parameters in order, percent-decoded (`+` decodes to a space, form style).
    /// A parameter without `=` has an empty value.
    pub query: Vec<(String, String)>,
    /// Header fields, multi-valued, case-insensitive lookup.
    pub headers: Headers,
    /// The body after de-chunking (or as delimited by `Content-Length`).
    pub body: Vec<u8>,
    /// Zero-based index of the TCP connection the request arrived on (0 for [`Self::from_raw`]).
    pub connection: u64,
}

impl RecordedRequest {
    /// Parses one complete HTTP/1.1 request from `raw` (head, then a body delimited by
    /// `Content-Length` or chunked coding). Lines may end in `\r\n` or a bare `\n`, which makes
    /// literal test fixtures easy to write. Bytes after the request are an error.
    pub fn from_raw(raw: &[u8]) -> Result<Self, String> {
        let normalized;
        let raw = if raw.windows(2).any(|w| w == b"\r\n") {
            raw
        } else {
            normalized = crlf_head(raw);
            normalized.as_slice()
        };
        match parse_request(raw, 0)? {
            Parsed::Complete {
                request, consumed, ..
            } if consumed == raw.len() => Ok(request),
            Parsed::Complete { consumed, .. } => Err(format!(
                "{} unexpected byte(s) after the request",
                raw.len() - consumed
            )),
            Parsed::Incomplete => Err("the request is incomplete".to_owned()),
        }
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)
    }

    /// Every value of header `name` (case-insensitive).
    pub fn header_all(&self, name: &str) -> Vec<&str> {
        self.headers.get_all(name)
    }

    /// The first decoded value of query parameter `name` (exact, case-sensitive).
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every decoded value of query parameter `name`, in order (for list-valued parameters).
    pub fn query_params(&self, name: &str) -> Vec<&str> {
        self.query
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The body as UTF-8 text.
    pub fn body_str(&self) -> Result<&str, String> {
        std::str::from_utf8(&self.body).map_err(|e| format!("request body is not UTF-8: {e}"))
    }

    /// The body parsed as JSON.
    pub fn body_json(&self) -> Result<serde_json::Value, String> {
        serde_json::from_slice(&self.body).map_err(|e| {
            format!(
                "request body is not JSON ({e}): {}",
                crate::json::preview(&self.body)
            )
        })
    }
}

/// Converts bare `\n` line ends of the head to `\r\n`; the body (after the blank line) is kept.
fn crlf_head(raw: &[u8]) -> Vec<u8> {
    let (head, body) = match raw.windows(2).position(|w| w == b"\n\n") {
        Some(i) => (&raw[..i + 2], &raw[i + 2..]),
        None => (raw, &[][..]),
    };
    let mut out = Vec::with_capacity(raw.len() + 32);
    for &b in head {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out.extend_from_slice(body);
    out
}

/// Outcome of feeding the parser the bytes read so far.
pub(crate) enum Parsed {
    /// More bytes are needed.
    Incomplete,
    /// A whole request, the bytes it used, and whether the client asked to close afterwards.
    Complete {
        request: RecordedRequest,
        consumed: usize,
        close: bool,
    },
}

/// The request head, once `\r\n\r\n` has arrived.
pub(crate) struct Head {
    method: String,
    target: String,
    http10: bool,
    headers: Headers,
    /// Bytes taken by the head including the blank line.
    pub(crate) len: usize,
}

impl Head {
    /// Whether the client sent `Expect: 100-continue`.
    pub(crate) fn expects_continue(&self) -> bool {
        self.headers
            .get("expect")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("100-continue"))
    }
}

/// Parses the head if it is complete.
pub(crate) fn parse_head(buf: &[u8]) -> Result<Option<Head>, String> {
    let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
        if buf.len() > MAX_HEAD_BYTES {
            return Err(format!("request head exceeds {MAX_HEAD_BYTES} bytes"));
        }
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&buf[..end]);
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("malformed request line {request_line:?}"));
    };
    if method.is_empty() || target.is_empty() {
        return Err(format!("malformed request line {request_line:?}"));
    }
    let http10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        other => return Err(format!("unsupported HTTP version {other:?}")),
    };
    let mut headers = Headers::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            return Err(format!(
                "obsolete header line folding is not supported: {line:?}"
            ));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("malformed header line {line:?}"));
        };
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(format!("malformed header name in {line:?}"));
        }
        headers.push(name, value.trim_matches([' ', '\t']));
    }
    Ok(Some(Head {
        method: method.to_owned(),
        target: target.to_owned(),
        http10,
        headers,
        len: end + 4,
    }))
}

/// Parses a whole request (head and body) from the start of `buf`.
pub(crate) fn parse_request(buf: &[u8], connection: u64) -> Result<Parsed, String> {
    let Some(head) = parse_head(buf)? else {
        return Ok(Parsed::Incomplete);
    };
    let rest = &buf[head.len..];
    let chunked = head
        .headers
        .get_all("transfer-encoding")
        .iter()
        .flat_map(|v| v.split(','))
        .any(|c| c.trim().eq_ignore_ascii_case("chunked"));
    let (body, body_len) = if chunked {
        match decode_chunked(rest)? {
            Some(found) => found,
            None => return Ok(Parsed::Incomplete),
        }
    } else {
        let lengths = head.headers.get_all("content-length");
        let len = match lengths.as_slice() {
            [] => 0,
            [one] => one
                .trim()
                .parse::<usize>()
                .map_err(|_| format!("invalid Content-Length {one:?}"))?,
            many if many.windows(2).all(|w| w[0] == w[1]) => many[0]
                .trim()
                .parse::<usize>()
                .map_err(|_| format!("invalid Content-Length {:?}", many[0]))?,
            many => return Err(format!("conflicting Content-Length headers {many:?}")),
        };
        if len > MAX_BODY_BYTES {
            return Err(format!(
                "Content-Length {len} exceeds the {MAX_BODY_BYTES}-byte limit"
            ));
        }
        if rest.len() < len {
            return Ok(Parsed::Incomplete);
        }
        (rest[..len].to_vec(), len)
    };
    let connection_tokens: Vec<String> = head
        .headers
        .get_all("connection")
        .iter()
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().to_ascii_lowercase())
        .collect();
    let close = if head.http10 {
        !connection_tokens.iter().any(|t| t == "keep-alive")
    } else {
        connection_tokens.iter().any(|t| t == "close")
    };
    let consumed = head.len + body_len;
    let (path, raw_query) = match head.target.split_once('?') {
        Some((p, q)) => (p.to_owned(), Some(q.to_owned())),
        None => (head.target.clone(), None),
    };
    let query = raw_query.as_deref().map(parse_query).unwrap_or_default();
    Ok(Parsed::Complete {
        request: RecordedRequest {
            method: head.method,
            path,
            raw_query,
            query,
            headers: head.headers,
            body,
            connection,
        },
        consumed,
        close,
    })
}

/// Decodes a chunked body at the start of `buf`: `Ok(None)` if incomplete, else the body and
/// the bytes used (including trailers). The scan skips chunk data without copying, so calling
/// it again after every read stays cheap.
fn decode_chunked(buf: &[u8]) -> Result<Option<(Vec<u8>, usize)>, String> {
    let mut pos = 0;
    let mut spans = Vec::new();
    let mut total = 0usize;
    loop {
        let Some(eol) = find_crlf(&buf[pos..]) else {
            return if buf.len() - pos > 1024 {
                Err("chunk size line too long".to_owned())
            } else {
                Ok(None)
            };
        };
        let line = String::from_utf8_lossy(&buf[pos..pos + eol]);
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("invalid chunk size line {line:?}"))?;
        pos += eol + 2;
        if size == 0 {
            break;
        }
        total = total.saturating_add(size);
        if total > MAX_BODY_BYTES {
            return Err(format!(
                "chunked body exceeds the {MAX_BODY_BYTES}-byte limit"
            ));
        }
        if buf.len() < pos + size + 2 {
            return Ok(None);
        }
        if &buf[pos + size..pos + size + 2] != b"\r\n" {
            return Err("chunk data is not followed by CRLF".to_owned());
        }
        spans.push(pos..pos + size);
        pos += size + 2;
    }
    // Trailer fields, then an empty line.
    loop {
        let Some(eol) = find_crlf(&buf[pos..]) else {
            return Ok(None);
        };
        pos += eol + 2;
        if eol == 0 {
            break;
        }
    }
    let mut body = Vec::with_capacity(total);
    for span in spans {
        body.extend_from_slice(&buf[span]);
    }
    Ok(Some((body, pos)))
}

fn find_crlf(buf: &[u8]) -> Option<usize> {
    buf.windows(2).position(|w| w == b"\r\n")
}

/// Splits a raw query string into percent-decoded pairs (`+` means space; empty pieces skipped).
pub(crate) fn parse_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
            (
                String::from_utf8_lossy(&form_decode(k)).into_owned(),
                String::from_utf8_lossy(&form_decode(v)).into_owned(),
            )
        })
        .collect()
}

/// Percent-decodes `s`, turning `+` into a space. Malformed escapes are kept literally.
pub(crate) fn form_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex_val(bytes[i + 1]), hex_val(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_content_length_request() {
        let req = RecordedRequest::from_raw(
            b"POST /a%2Fb/c?x=1&y=a+b%21&z&x=2 HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nx-a:  2 \r\nContent-Length: 3\r\n\r\nabc",
        )
        .unwrap();
        assert_eq!(req.method, "POST");
        assert_eq!(req.path, "/a%2Fb/c");
        assert_eq!(req.raw_query.as_deref(), Some("x=1&y=a+b%21&z&x=2"));
        assert_eq!(req.query_params("x"), vec!["1", "2"]);
        assert_eq!(req.query_param("y"), Some("a b!"));
        assert_eq!(req.query_param("z"), Some(""));
        assert_eq!(req.header_all("X-A"), vec!["1", "2"]);
        assert_eq!(req.body, b"abc");
    }

    #[test]
    fn parses_chunked_body_and_bare_newlines() {
        let req = RecordedRequest::from_raw(
            b"PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nT: x\r\n\r\n",
        )
        .unwrap();
        assert_eq!(req.body, b"abcde");
        let req = RecordedRequest::from_raw(b"GET /x HTTP/1.1\nHost:h\n\n").unwrap();
        assert_eq!(req.header("host"), Some("h"));
        assert_eq!(req.raw_query, None);
    }

    #[test]
    fn rejects_bad_input_without_panicking() {
        for raw in [
            &b"GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n"[..],
            b"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            b"GET / HTTP/2\r\n\r\n",
            b"GET /\r\n\r\n",
            b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab",
            b"GET / HTTP/1.1\r\n\r\nextra",
        ] {
            assert!(RecordedRequest::from_raw(raw).is_err(), "{raw:?}");
        }
    }

    #[test]
    fn form_decode_keeps_malformed_escapes() {
        assert_eq!(form_decode("%41%4"), b"A%4");
        assert_eq!(form_decode("%zz%"), b"%zz%");
        assert_eq!(form_decode("%e1%88%b4"), "ሴ".as_bytes());
    }
}
