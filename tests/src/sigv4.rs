//! An independent AWS Signature Version 4 verifier for requests the test server received.
//!
//! It rebuilds the signature from the request as it arrived on the wire, following the public
//! SigV4 specification (header-based signing, `AWS4-HMAC-SHA256`), rather than trusting the
//! signing library under test:
//!
//! 1. canonical request = method, canonical URI, canonical query string, canonical headers,
//!    signed header list and payload hash, joined by `\n`;
//! 2. string to sign = algorithm, `x-amz-date`, credential scope and the SHA-256 (hex) of the
//!    canonical request;
//! 3. signing key = HMAC chain `"AWS4" + secret` -> date -> region -> service -> `aws4_request`;
//! 4. signature = hex HMAC of the string to sign under the signing key.
//!
//! Canonical URI rules are those for every service except S3: the received path has its dot and
//! empty segments removed, then every byte except unreserved characters and `/` is
//! percent-encoded again, so an escape such as `%3A` on the wire becomes `%253A` (double
//! encoding). Query parameters are decoded and re-encoded strictly, then sorted by key and value.
//!
//! Not covered: presigned (query-string) signing, SigV4a, S3's single-encoding rules, chunked
//! `STREAMING-*` payloads, and clock-skew checks (the date is checked against the credential
//! scope only, so tests may use a fixed time source).

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use crate::request::{RecordedRequest, form_decode};

const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authorization {
    /// Access key id from the credential scope.
    pub access_key: String,
    /// `YYYYMMDD` from the credential scope.
    pub date: String,
    /// Region from the credential scope.
    pub region: String,
    /// Signing name (service) from the credential scope.
    pub service: String,
    /// The `SignedHeaders` list, in the order given.
    pub signed_headers: Vec<String>,
    /// The hex signature.
    pub signature: String,
}

/// Parses an `Authorization` header value of the `AWS4-HMAC-SHA256` scheme.
pub fn parse_authorization(value: &str) -> Result<Authorization, String> {
    let rest = value
        .strip_prefix(ALGORITHM)
        .filter(|r| r.starts_with(' '))
        .ok_or_else(|| format!("Authorization does not start with `{ALGORITHM} `: {value:?}"))?;
    let (mut credential, mut signed, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let part = part.trim();
        let (key, val) = part
            .split_once('=')
            .ok_or_else(|| format!("Authorization component without `=`: {part:?}"))?;
        let slot = match key {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed,
            "Signature" => &mut signature,
            other => return Err(format!("unknown Authorization component {other:?}")),
        };
        if slot.replace(val).is_some() {
            return Err(format!("Authorization repeats component {key:?}"));
        }
    }
    let credential = credential.ok_or("Authorization has no Credential=")?;
    let signed = signed.ok_or("Authorization has no SignedHeaders=")?;
    let signature = signature.ok_or("Authorization has no Signature=")?;
    let scope: Vec<&str> = credential.split('/').collect();
    let [access_key, date, region, service, terminator] = scope.as_slice() else {
        return Err(format!(
            "Credential {credential:?} is not ACCESS_KEY/DATE/REGION/SERVICE/aws4_request"
        ));
    };
    if *terminator != "aws4_request" {
        return Err(format!(
            "credential scope ends in {terminator:?}, not \"aws4_request\""
        ));
    }
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("credential scope date {date:?} is not YYYYMMDD"));
    }
    if signature.len() != 64
        || !signature
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        return Err(format!(
            "Signature {signature:?} is not 64 lowercase hex digits"
        ));
    }
    Ok(Authorization {
        access_key: (*access_key).to_owned(),
        date: (*date).to_owned(),
        region: (*region).to_owned(),
        service: (*service).to_owned(),
        signed_headers: signed.split(';').map(str::to_owned).collect(),
        signature: signature.to_owned(),
    })
}

/// Verifies the SigV4 signature of `req` for `creds` = (access key id, secret key, session token),
/// `region` and signing name `service`. The error says what did not match; for a wrong
/// signature it includes the canonical request and string to sign this side computed.
pub fn verify(
    req: &RecordedRequest,
    creds: (&str, &str, Option<&str>),
    region: &str,
    service: &str,
) -> Result<(), String> {
    let (access_key, secret, session_token) = creds;
    let auth_values = req.header_all("authorization");
    let auth = match auth_values.as_slice() {
        [one] => parse_authorization(one)?,
        [] => return Err("no Authorization header (presigned URLs are not supported)".into()),
        _ => return Err(format!("{} Authorization headers", auth_values.len())),
    };
    if auth.access_key != access_key {
        return Err(format!(
            "credential access key {:?}, expected {access_key:?}",
            auth.access_key
        ));
    }
    if auth.region != region {
        return Err(format!(
            "credential scope region {:?}, expected {region:?}",
            auth.region
        ));
    }
    if auth.service != service {
        return Err(format!(
            "credential scope service {:?}, expected {service:?}",
            auth.service
        ));
    }

    let amz_date = single_header(req, "x-amz-date")?.ok_or("no x-amz-date header")?;
    if !is_amz_date(amz_date) {
        return Err(format!("x-amz-date {amz_date:?} is not YYYYMMDDTHHMMSSZ"));
    }
    if !amz_date.starts_with(&auth.date) {
        return Err(format!(
            "x-amz-date {amz_date:?} does not fall on the credential scope date {:?}",
            auth.date
        ));
    }

    // SignedHeaders must be lowercase, sorted, unique, and cover host and x-amz-date.
    for name in &auth.signed_headers {
        if name.is_empty() || *name != name.to_ascii_lowercase() {
            return Err(format!(
                "SignedHeaders entry {name:?} is not a lowercase name"
            ));
        }
    }
    if auth.signed_headers.windows(2).any(|w| w[0] >= w[1]) {
        return Err(format!(
            "SignedHeaders {:?} are not sorted and unique",
            auth.signed_headers.join(";")
        ));
    }
    for required in ["host", "x-amz-date"] {
        if !auth.signed_headers.iter().any(|h| h == required) {
            return Err(format!(
                "SignedHeaders {:?} does not include {required}",
                auth.signed_headers.join(";")
            ));
        }
    }

    let token_header = single_header(req, "x-amz-security-token")?;
    match (session_token, token_header) {
        (Some(expected), Some(got)) if expected != got => {
            return Err(format!(
                "x-amz-security-token {got:?}, expected {expected:?}"
            ));
        }
        (Some(_), Some(_)) => {
            if !auth
                .signed_headers
                .iter()
                .any(|h| h == "x-amz-security-token")
            {
                return Err("x-amz-security-token is present but not signed".into());
            }
        }
        (Some(_), None) => return Err("session token in use but no x-amz-security-token".into()),
        (None, Some(got)) => {
            return Err(format!(
                "x-amz-security-token {got:?} sent although no session token is in use"
            ));
        }
        (None, None) => {}
    }

    let body_hash = sha256_hex(&req.body);
    if let Some(declared) = single_header(req, "x-amz-content-sha256")?
        && declared != body_hash
    {
        return Err(format!(
            "x-amz-content-sha256 is {declared:?} but the body ({} bytes) hashes to {body_hash}",
            req.body.len()
        ));
    }

    let creq = canonical_request(req, &auth.signed_headers, &body_hash)?;
    let scope = format!("{}/{region}/{service}/aws4_request", auth.date);
    let string_to_sign = format!(
        "{ALGORITHM}\n{amz_date}\n{scope}\n{}",
        sha256_hex(creq.as_bytes())
    );
    let expected = signature(secret, &auth.date, region, service, &string_to_sign)?;
    if expected != auth.signature {
        return Err(format!(
            "signature mismatch: request has {}, recomputed {expected}\n\
             --- canonical request ---\n{creq}\n--- string to sign ---\n{string_to_sign}",
            auth.signature
        ));
    }
    Ok(())
}

/// Panics with a readable message unless [`verify`] accepts `req`.
#[track_caller]
pub fn assert_verified(
    req: &RecordedRequest,
    creds: (&str, &str, Option<&str>),
    region: &str,
    service: &str,
) {
    if let Err(e) = verify(req, creds, region, service) {
        panic!(
            "SigV4 verification failed for {} {}: {e}",
            req.method, req.path
        );
    }
}

/// The canonical request of `req` for the given signed header names (lowercase, sorted) and
/// payload hash (hex SHA-256 of the body, normally).
pub fn canonical_request(
    req: &RecordedRequest,
    signed_headers: &[String],
    payload_hash: &str,
) -> Result<String, String> {
    let mut headers = String::new();
    for name in signed_headers {
        let values = req.header_all(name);
        if values.is_empty() {
            return Err(format!(
                "signed header {name:?} is missing from the request"
            ));
        }
        let joined: Vec<String> = values.iter().map(|v| collapse_spaces(v)).collect();
        headers.push_str(&format!("{name}:{}\n", joined.join(",")));
    }
    Ok(format!(
        "{}\n{}\n{}\n{headers}\n{}\n{payload_hash}",
        req.method,
        canonical_uri(&req.path),
        canonical_query_string(req.raw_query.as_deref().unwrap_or("")),
        signed_headers.join(";"),
    ))
}

/// The canonical URI of a received (still percent-encoded) path, for non-S3 services: dot and
/// empty segments removed, then every byte except unreserved characters and `/` percent-encoded.
pub fn canonical_uri(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let trailing = segments.last().is_some()
        && (path.ends_with('/') || path.ends_with("/.") || path.ends_with("/.."));
    let mut normalized = String::from("/");
    normalized.push_str(&segments.join("/"));
    if trailing {
        normalized.push('/');
    }
    uri_encode(normalized.as_bytes(), false)
}

/// The canonical query string of a raw query: parameters decoded, strictly re-encoded, sorted
/// by encoded key then value, joined as `k=v&k2=v2` (a parameter without `=` gets `k=`).
pub fn canonical_query_string(raw_query: &str) -> String {
    let mut pairs: Vec<(String, String)> = raw_query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                uri_encode(&form_decode(k), true),
                uri_encode(&form_decode(v), true),
            )
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The hex signature of `string_to_sign` with the key derived from `secret`, `date` (YYYYMMDD),
/// `region` and `service`.
pub fn signature(
    secret: &str,
    date: &str,
    region: &str,
    service: &str,
    string_to_sign: &str,
) -> Result<String, String> {
    let mut key = hmac_sha256(format!("AWS4{secret}").as_bytes(), date.as_bytes())?;
    for part in [region, service, "aws4_request"] {
        key = hmac_sha256(&key, part.as_bytes())?;
    }
    Ok(hex::encode(hmac_sha256(&key, string_to_sign.as_bytes())?))
}

/// Lowercase hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Result<Vec<u8>, String> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
        .map_err(|e| format!("HMAC key rejected: {e}"))?;
    mac.update(data);
    Ok(mac.finalize().into_bytes().to_vec())
}

/// Percent-encodes every byte except `A-Z a-z 0-9 - . _ ~` (and `/` unless `encode_slash`).
fn uri_encode(bytes: &[u8], encode_slash: bool) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (b == b'/' && !encode_slash)
        {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Trims spaces at both ends and collapses inner runs of spaces to one.
fn collapse_spaces(value: &str) -> String {
    value
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn single_header<'a>(req: &'a RecordedRequest, name: &str) -> Result<Option<&'a str>, String> {
    match req.header_all(name).as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one)),
        many => Err(format!("{} {name} headers: {many:?}", many.len())),
    }
}

fn is_amz_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 16
        && b[..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'T'
        && b[9..15].iter().all(u8::is_ascii_digit)
        && b[15] == b'Z'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Credentials of the public AWS SigV4 test suite.
    const AKID: &str = "AKIDEXAMPLE";
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const SUITE_TOKEN: &str = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

    fn scope_auth(signed: &str, sig: &str) -> String {
        format!(
            "Authorization:AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signed}, Signature={sig}"
        )
    }

    /// A signed request from the published suite: request line and headers, then the body.
    fn suite_request(head: &str, signed: &str, sig: &str, body: &str) -> RecordedRequest {
        let raw = format!(
            "{head}\nX-Amz-Date:20150830T123600Z\n{}\n\n{body}",
            scope_auth(signed, sig)
        );
        match RecordedRequest::from_raw(raw.as_bytes()) {
            Ok(r) => r,
            Err(e) => panic!("fixture does not parse: {e}\n{raw}"),
        }
    }

    #[test]
    fn published_suite_vectors_verify() {
        let cases = [
            // get-vanilla
            (
                "GET / HTTP/1.1\nHost:example.amazonaws.com",
                "host;x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            ),
            // get-vanilla-query-order-key-case
            (
                "GET /?Param2=value2&Param1=value1 HTTP/1.1\nHost:example.amazonaws.com",
                "host;x-amz-date",
                "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            ),
            // get-header-value-trim
            (
                "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1: value1\nMy-Header2: \"a   b   c\"",
                "host;my-header1;my-header2;x-amz-date",
                "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
            ),
            // get-unreserved
            (
                "GET /-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz HTTP/1.1\nHost:example.amazonaws.com",
                "host;x-amz-date",
                "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f",
            ),
            // get-utf8 (raw UTF-8 in the path)
            (
                "GET /\u{1234} HTTP/1.1\nHost:example.amazonaws.com",
                "host;x-amz-date",
                "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85",
            ),
            // get-vanilla-utf8-query
            (
                "GET /?\u{1234}=bar HTTP/1.1\nHost:example.amazonaws.com",
                "host;x-amz-date",
                "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04",
            ),
            // get-slashes-normalized
            (
                "GET //example// HTTP/1.1\nHost:example.amazonaws.com",
                "host;x-amz-date",
                "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84",
            ),
        ];
        for (head, signed, sig) in cases {
            let req = suite_request(head, signed, sig, "");
            if let Err(e) = verify(&req, (AKID, SECRET, None), "us-east-1", "service") {
                panic!("vector {head:?} failed: {e}");
            }
        }
    }

    #[test]
    fn published_form_post_with_content_sha256_verifies() {
        // post-x-www-form-urlencoded
        let req = suite_request(
            "POST / HTTP/1.1\nContent-Type:application/x-www-form-urlencoded\nHost:example.amazonaws.com\nContent-Length:13\nx-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            "content-length;content-type;host;x-amz-content-sha256;x-amz-date",
            "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b",
            "Param1=value1",
        );
        assert_eq!(
            verify(&req, (AKID, SECRET, None), "us-east-1", "service"),
            Ok(())
        );

        // A different body of the same length: the declared hash no longer matches.
        let mut tampered = req.clone();
        tampered.body = b"Param1=value2".to_vec();
        let err = verify(&tampered, (AKID, SECRET, None), "us-east-1", "service").unwrap_err();
        assert!(err.contains("x-amz-content-sha256"), "{err}");
    }

    #[test]
    fn body_is_signed_without_content_sha256_header() {
        // Sign a POST with this module's own primitives, then change one byte of the body.
        let mut req = RecordedRequest::from_raw(
            b"POST /p HTTP/1.1\nHost:h\nX-Amz-Date:20150830T123600Z\nContent-Length:4\n\nbody",
        )
        .unwrap();
        let signed = vec!["host".to_owned(), "x-amz-date".to_owned()];
        let creq = canonical_request(&req, &signed, &sha256_hex(b"body")).unwrap();
        let sts = format!(
            "{ALGORITHM}\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n{}",
            sha256_hex(creq.as_bytes())
        );
        let sig = signature(SECRET, "20150830", "us-east-1", "service", &sts).unwrap();
        req.headers.push(
            "Authorization",
            scope_auth("host;x-amz-date", &sig).trim_start_matches("Authorization:"),
        );
        assert_eq!(
            verify(&req, (AKID, SECRET, None), "us-east-1", "service"),
            Ok(())
        );
        req.body = b"bodY".to_vec();
        check_err(&req, "signature mismatch");
    }

    #[test]
    fn published_session_token_vector_verifies() {
        // get-vanilla-with-session-token
        let req = suite_request(
            &format!(
                "GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Security-Token:{SUITE_TOKEN}"
            ),
            "host;x-amz-date;x-amz-security-token",
            "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
            "",
        );
        assert_eq!(
            verify(
                &req,
                (AKID, SECRET, Some(SUITE_TOKEN)),
                "us-east-1",
                "service"
            ),
            Ok(())
        );
        let err = verify(&req, (AKID, SECRET, None), "us-east-1", "service").unwrap_err();
        assert!(err.contains("no session token is in use"), "{err}");
        let err = verify(&req, (AKID, SECRET, Some("other")), "us-east-1", "service").unwrap_err();
        assert!(err.contains("x-amz-security-token"), "{err}");
    }

    #[test]
    fn wrong_scope_and_secret_are_reported() {
        let req = suite_request(
            "GET / HTTP/1.1\nHost:example.amazonaws.com",
            "host;x-amz-date",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            "",
        );
        let check = |creds, region, service, needle: &str| {
            let err = verify(&req, creds, region, service).unwrap_err();
            assert!(err.contains(needle), "expected {needle:?} in {err}");
        };
        check(
            ("OTHER", SECRET, None),
            "us-east-1",
            "service",
            "access key",
        );
        check((AKID, SECRET, None), "eu-west-1", "service", "region");
        check((AKID, SECRET, None), "us-east-1", "other", "service");
        check(
            (AKID, "wrong-secret", None),
            "us-east-1",
            "service",
            "signature mismatch",
        );

        let mut tampered = req.clone();
        tampered.headers.push("x-extra", "1"); // unsigned header: still fine
        assert_eq!(
            verify(&tampered, (AKID, SECRET, None), "us-east-1", "service"),
            Ok(())
        );
        let mut tampered = req.clone();
        tampered.path = "/other".into();
        check_err(&tampered, "signature mismatch");
        let mut tampered = req.clone();
        tampered.method = "POST".into();
        check_err(&tampered, "signature mismatch");
    }

    fn check_err(req: &RecordedRequest, needle: &str) {
        let err = verify(req, (AKID, SECRET, None), "us-east-1", "service").unwrap_err();
        assert!(err.contains(needle), "expected {needle:?} in {err}");
    }

    #[test]
    #[should_panic(expected = "SigV4 verification failed for GET /")]
    fn assert_verified_panics_on_failure() {
        let req = RecordedRequest::from_raw(b"GET / HTTP/1.1\nHost:h\n\n").unwrap();
        assert_verified(&req, (AKID, SECRET, None), "us-east-1", "service");
    }

    #[test]
    fn canonical_uri_double_encodes_and_normalizes() {
        // double-url-encode / double-encode-path vectors (canonical requests in the suite)
        assert_eq!(
            canonical_uri(
                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A892717189312%3Afunction%3Amy-rusty-fun/invocations"
            ),
            "/2015-03-31/functions/arn%253Aaws%253Alambda%253Aus-west-2%253A892717189312%253Afunction%253Amy-rusty-fun/invocations"
        );
        assert_eq!(
            canonical_uri("/test/@connections/JBDvjfGEIAMCERw%3D"),
            "/test/%40connections/JBDvjfGEIAMCERw%253D"
        );
        for (input, expected) in [
            ("", "/"),
            ("/", "/"),
            ("/example/..", "/"),
            ("/./", "/"),
            ("/./example", "/example"),
            ("/example1/example2/../..", "/"),
            ("/a/b/../c/", "/a/c/"),
            ("/a/.", "/a/"),
            ("/../x", "/x"),
        ] {
            assert_eq!(canonical_uri(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn canonical_query_sorts_and_reencodes() {
        assert_eq!(
            canonical_query_string("b=2&a=%7e&a=1&c&d=x+y&e=%2F%3d"),
            "a=1&a=~&b=2&c=&d=x%20y&e=%2F%3D"
        );
        assert_eq!(canonical_query_string(""), "");
    }

    #[test]
    fn authorization_parse_errors_are_clear() {
        for (value, needle) in [
            ("Bearer abc", "does not start with"),
            (
                "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=00",
                "aws4_request",
            ),
            (
                "AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, SignedHeaders=host",
                "no Signature",
            ),
            (
                "AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, SignedHeaders=host, Signature=zz",
                "hex",
            ),
            (
                "AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host, Signature=00",
                "ACCESS_KEY",
            ),
            ("AWS4-HMAC-SHA256 Foo=1", "unknown"),
        ] {
            let err = parse_authorization(value).unwrap_err();
            assert!(err.contains(needle), "expected {needle:?} in {err}");
        }
    }
}
