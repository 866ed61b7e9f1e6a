//! The library functions rules may call, on already-evaluated arguments.
//!
//! Each function returns `None` where the specification says the result is unset (for example
//! `parseURL` of a URL with a query string), which makes a condition false.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::value::Value;

/// `substring(input, start, stop, reverse)`: the ASCII substring `[start, stop)`, counted from the
/// end when `reverse` is true. Unset when the input is not ASCII or the range does not fit.
pub(crate) fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Option<String> {
    if !input.is_ascii() {
        return None;
    }
    let len = input.len();
    let start = usize::try_from(start).ok()?;
    let stop = usize::try_from(stop).ok()?;
    if start >= stop || stop > len {
        return None;
    }
    let (from, to) = if reverse {
        (len - stop, len - start)
    } else {
        (start, stop)
    };
    input.get(from..to).map(str::to_owned)
}

/// `uriEncode(value)`: percent-encodes every byte except the RFC 3986 unreserved characters,
/// with upper-case hex digits.
pub(crate) fn uri_encode(input: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(input.len());
    for b in input.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// The parts of a URL as returned by `parseURL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedUrl {
    pub(crate) scheme: String,
    pub(crate) authority: String,
    pub(crate) path: String,
    pub(crate) normalized_path: String,
    pub(crate) is_ip: bool,
}

impl ParsedUrl {
    pub(crate) fn into_value(self) -> Value {
        let mut record = BTreeMap::new();
        record.insert("scheme".to_owned(), Value::String(self.scheme));
        record.insert("authority".to_owned(), Value::String(self.authority));
        record.insert("path".to_owned(), Value::String(self.path));
        record.insert(
            "normalizedPath".to_owned(),
            Value::String(self.normalized_path),
        );
        record.insert("isIp".to_owned(), Value::Bool(self.is_ip));
        Value::Record(record)
    }
}

fn valid_port(port: &str) -> bool {
    !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok()
}

/// `parseURL(value)`: splits an `http`/`https` URL into scheme, authority, path, normalized path
/// (always starting and ending with `/`) and whether the host is an IP address. Unset for other
/// schemes, for URLs with a query string or fragment, with user info, or that are malformed.
pub(crate) fn parse_url(input: &str) -> Option<ParsedUrl> {
    let (scheme, rest) = input.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    if rest.contains(['?', '#', '@']) || rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if authority.is_empty() || !authority.is_ascii() {
        return None;
    }
    let is_ip = if let Some(bracketed) = authority.strip_prefix('[') {
        let (host, after) = bracketed.split_once(']')?;
        host.parse::<Ipv6Addr>().ok()?;
        if !after.is_empty() && !after.strip_prefix(':').is_some_and(valid_port) {
            return None;
        }
        true
    } else {
        let host = match authority.split_once(':') {
            Some((host, port)) => {
                if !valid_port(port) {
                    return None;
                }
                host
            }
            None => authority,
        };
        if host.is_empty()
            || !host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
        {
            return None;
        }
        host.parse::<Ipv4Addr>().is_ok()
    };
    let mut normalized_path = String::with_capacity(path.len() + 2);
    if !path.starts_with('/') {
        normalized_path.push('/');
    }
    normalized_path.push_str(path);
    if !normalized_path.ends_with('/') {
        normalized_path.push('/');
    }
    Some(ParsedUrl {
        scheme,
        authority: authority.to_owned(),
        path: path.to_owned(),
        normalized_path,
        is_ip,
    })
}

fn is_single_host_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    match bytes.split_first() {
        Some((first, rest)) => {
            bytes.len() <= 63
                && first.is_ascii_alphanumeric()
                && rest.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        None => false,
    }
}

/// `isValidHostLabel(value, allowSubDomains)`: 1-63 ASCII letters, digits and hyphens, not
/// starting with a hyphen; with `allow_sub_domains`, every `.`-separated label must be valid.
pub(crate) fn is_valid_host_label(value: &str, allow_sub_domains: bool) -> bool {
    if allow_sub_domains {
        value.split('.').all(is_single_host_label)
    } else {
        is_single_host_label(value)
    }
}

fn looks_like_ipv4(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// One `.`-free segment of a virtual-hostable bucket name: 3-63 lower-case letters, digits and
/// hyphens, starting and ending with a letter or digit.
fn is_virtual_hostable_segment(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let lower_alnum = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    (3..=63).contains(&bytes.len())
        && bytes.first().is_some_and(lower_alnum)
        && bytes.last().is_some_and(lower_alnum)
        && bytes.iter().all(|b| lower_alnum(b) || *b == b'-')
}

/// `aws.isVirtualHostableS3Bucket(value, allowSubDomains)`: whether a bucket name can be used as
/// a DNS label (or, with `allow_sub_domains`, as several labels) in a virtual-hosted-style URL.
pub(crate) fn is_virtual_hostable_s3_bucket(value: &str, allow_sub_domains: bool) -> bool {
    if !is_valid_host_label(value, allow_sub_domains) || looks_like_ipv4(value) {
        return false;
    }
    if allow_sub_domains {
        value.split('.').all(is_virtual_hostable_segment)
    } else {
        is_virtual_hostable_segment(value)
    }
}

/// The parts of an ARN as returned by `aws.parseArn`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Arn {
    pub(crate) partition: String,
    pub(crate) service: String,
    pub(crate) region: String,
    pub(crate) account_id: String,
    pub(crate) resource_id: Vec<String>,
}

impl Arn {
    pub(crate) fn into_value(self) -> Value {
        let mut record = BTreeMap::new();
        record.insert("partition".to_owned(), Value::String(self.partition));
        record.insert("service".to_owned(), Value::String(self.service));
        record.insert("region".to_owned(), Value::String(self.region));
        record.insert("accountId".to_owned(), Value::String(self.account_id));
        record.insert(
            "resourceId".to_owned(),
            Value::Array(self.resource_id.into_iter().map(Value::String).collect()),
        );
        Value::Record(record)
    }
}

/// `aws.parseArn(value)`: `arn:partition:service:region:account:resource`, where partition,
/// service and resource must be non-empty and the resource is split on `:` and `/`.
pub(crate) fn parse_arn(input: &str) -> Option<Arn> {
    let mut parts = input.splitn(6, ':');
    let prefix = parts.next()?;
    let partition = parts.next()?;
    let service = parts.next()?;
    let region = parts.next()?;
    let account_id = parts.next()?;
    let resource = parts.next()?;
    if prefix != "arn" || partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    Some(Arn {
        partition: partition.to_owned(),
        service: service.to_owned(),
        region: region.to_owned(),
        account_id: account_id.to_owned(),
        resource_id: resource.split([':', '/']).map(str::to_owned).collect(),
    })
}

/// `split(value, delimiter, limit)`: splits on a non-empty delimiter; `limit` 0 means no limit,
/// otherwise at most `limit` parts are produced (the last holding the remainder).
pub(crate) fn split(input: &str, delimiter: &str, limit: i64) -> Option<Vec<String>> {
    if delimiter.is_empty() || limit < 0 {
        return None;
    }
    let parts: Vec<String> = if limit == 0 {
        input.split(delimiter).map(str::to_owned).collect()
    } else {
        let limit = usize::try_from(limit).ok()?;
        input.splitn(limit, delimiter).map(str::to_owned).collect()
    };
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_forward_and_reverse() {
        assert_eq!(substring("abcdefg", 0, 4, false).as_deref(), Some("abcd"));
        assert_eq!(substring("abcdefg", 2, 4, false).as_deref(), Some("cd"));
        assert_eq!(substring("abcdefg", 0, 4, true).as_deref(), Some("defg"));
        assert_eq!(substring("abcdefg", 1, 3, true).as_deref(), Some("ef"));
        assert_eq!(
            substring("abcdefg", 0, 7, false).as_deref(),
            Some("abcdefg")
        );
        // Out of range, empty or inverted ranges, negative indexes, non-ASCII input: unset.
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("abc", 2, 2, false), None);
        assert_eq!(substring("abc", 2, 1, false), None);
        assert_eq!(substring("abc", -1, 2, false), None);
        assert_eq!(substring("abcd\u{e9}", 0, 2, false), None);
    }

    #[test]
    fn uri_encode_reserved_and_unicode() {
        assert_eq!(uri_encode("abc-_.~XYZ019"), "abc-_.~XYZ019");
        assert_eq!(uri_encode("a b/c?d=e&f+g"), "a%20b%2Fc%3Fd%3De%26f%2Bg");
        assert_eq!(uri_encode("\u{e9}"), "%C3%A9");
        assert_eq!(uri_encode("%"), "%25");
        assert_eq!(uri_encode(""), "");
    }

    #[test]
    fn parse_url_cases() {
        let u = parse_url("https://example.com").unwrap();
        assert_eq!(u.scheme, "https");
        assert_eq!(u.authority, "example.com");
        assert_eq!(u.path, "");
        assert_eq!(u.normalized_path, "/");
        assert!(!u.is_ip);

        let u = parse_url("http://example.com:8080/foo/bar").unwrap();
        assert_eq!(u.scheme, "http");
        assert_eq!(u.authority, "example.com:8080");
        assert_eq!(u.path, "/foo/bar");
        assert_eq!(u.normalized_path, "/foo/bar/");

        let u = parse_url("https://example.com/").unwrap();
        assert_eq!(u.path, "/");
        assert_eq!(u.normalized_path, "/");

        let u = parse_url("https://127.0.0.1:443/x/").unwrap();
        assert!(u.is_ip);
        assert_eq!(u.authority, "127.0.0.1:443");
        assert_eq!(u.normalized_path, "/x/");

        let u = parse_url("https://[fe80::1]:8443").unwrap();
        assert!(u.is_ip);
        assert_eq!(u.authority, "[fe80::1]:8443");

        // 999.0.0.1 is a host name, not an IPv4 address.
        assert!(!parse_url("https://999.0.0.1").unwrap().is_ip);

        for bad in [
            "ftp://example.com",
            "https://example.com?foo=bar",
            "https://example.com/path?x",
            "https://example.com#frag",
            "https://user@example.com",
            "https://",
            "https://:443",
            "https://example.com:",
            "https://example.com:99999",
            "https://[not-ip]",
            "https://exa mple.com",
            "example.com",
            "",
        ] {
            assert_eq!(parse_url(bad), None, "{bad} should not parse");
        }
    }

    #[test]
    fn host_labels() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(is_valid_host_label("a", false));
        assert!(is_valid_host_label("0abc", false));
        assert!(!is_valid_host_label("", false));
        assert!(!is_valid_host_label("-abc", false));
        assert!(!is_valid_host_label("ab_c", false));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
        assert!(is_valid_host_label(&"a".repeat(63), false));
        // Dots need allowSubDomains, and every label must then be valid.
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(is_valid_host_label("foo.bar-baz.q1", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label("a.", true));
        assert!(!is_valid_host_label(".a", true));
        assert!(!is_valid_host_label("a.-b", true));
    }

    #[test]
    fn virtual_hostable_buckets() {
        assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
        assert!(is_virtual_hostable_s3_bucket("abc", false));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
        assert!(!is_virtual_hostable_s3_bucket("MyBucket", false));
        assert!(!is_virtual_hostable_s3_bucket("bucket-", false));
        assert!(!is_virtual_hostable_s3_bucket("my.bucket", false));
        assert!(is_virtual_hostable_s3_bucket("abc.def", true));
        assert!(!is_virtual_hostable_s3_bucket("abc..def", true));
        assert!(!is_virtual_hostable_s3_bucket("192.168.1.1", true));
        assert!(!is_virtual_hostable_s3_bucket(&"a".repeat(64), false));
    }

    #[test]
    fn arns() {
        let arn = parse_arn("arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap:x").unwrap();
        assert_eq!(arn.partition, "aws");
        assert_eq!(arn.service, "s3");
        assert_eq!(arn.region, "us-west-2");
        assert_eq!(arn.account_id, "123456789012");
        assert_eq!(arn.resource_id, vec!["accesspoint", "my-ap", "x"]);

        // Region and account may be empty.
        let arn = parse_arn("arn:aws:iam:::role/foo").unwrap();
        assert_eq!(arn.region, "");
        assert_eq!(arn.account_id, "");
        assert_eq!(arn.resource_id, vec!["role", "foo"]);

        for bad in [
            "",
            "arn",
            "arn:aws:s3:us-west-2:123",
            "arn:aws:s3:us-west-2:123:",
            "nar:aws:s3:r:a:res",
            "arn::s3:r:a:res",
            "arn:aws::r:a:res",
        ] {
            assert_eq!(parse_arn(bad), None, "{bad} should not parse");
        }
    }

    #[test]
    fn split_cases() {
        assert_eq!(split("a--b--c", "--", 0).unwrap(), vec!["a", "b", "c"]);
        assert_eq!(split("a--b--c", "--", 2).unwrap(), vec!["a", "b--c"]);
        assert_eq!(split("abc", "-", 0).unwrap(), vec!["abc"]);
        assert_eq!(split("abc", "", 0), None);
    }
}
