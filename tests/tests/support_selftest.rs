//! Self-tests of the end-to-end support code: the loopback server (framing, keep-alive, fault
//! replies) driven by a raw TCP client, and the SigV4 verifier against requests signed by the
//! real `aws-sigv4` crate and sent through the server.

use std::time::{Duration, Instant, SystemTime};

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use workspace_tests::server::{BIG_BODY_LEN, Reply, TestServer};
use workspace_tests::{RecordedRequest, assert_json_eq, sigv4};

/// A response as read by the raw client.
#[derive(Debug)]
struct RawResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// `Content-Length` declared by the server.
    declared_len: usize,
    /// Whether the server closed the connection before the declared body arrived.
    cut_off: bool,
}

impl RawResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one response (skipping `100 Continue`); `None` if the connection closed first.
async fn read_response(stream: &mut TcpStream) -> Option<RawResponse> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i;
            }
            let n = stream.read(&mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8(buf[..head_end].to_vec()).expect("UTF-8 head");
        buf.drain(..head_end + 4);
        let mut lines = head.split("\r\n");
        let status: u16 = lines.next()?.split(' ').nth(1)?.parse().ok()?;
        if status == 100 {
            continue;
        }
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.to_owned(), v.trim().to_owned()))
            .collect();
        let declared_len = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let mut cut_off = false;
        while buf.len() < declared_len {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => {
                    cut_off = true;
                    break;
                }
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        return Some(RawResponse {
            status,
            headers,
            body: buf,
            declared_len,
            cut_off,
        });
    }
}

async fn connect(server: &TestServer) -> TcpStream {
    TcpStream::connect(server.addr()).await.expect("connect")
}

async fn send(stream: &mut TcpStream, raw: &[u8]) -> Option<RawResponse> {
    stream.write_all(raw).await.expect("write");
    read_response(stream).await
}

#[tokio::test]
async fn records_request_and_sends_json_reply() {
    let server = TestServer::start(|req| {
        Reply::json(201, json!({"path": req.path})).header("x-amzn-RequestId", "req-1")
    })
    .await
    .expect("start");
    let mut conn = connect(&server).await;
    let resp = send(
        &mut conn,
        b"POST /sessions/arn%3Aaws%3Ax/a%2Fb?maxResults=10&tag=a&tag=b%20c HTTP/1.1\r\n\
          Host: 127.0.0.1\r\nX-Multi: one\r\nx-multi: two\r\nContent-Length: 11\r\n\r\n{\"a\": true}",
    )
    .await
    .expect("response");
    assert_eq!(resp.status, 201);
    assert_eq!(resp.header("x-amzn-requestid"), Some("req-1"));
    assert_eq!(resp.header("content-type"), Some("application/json"));
    assert_json_eq(&resp.body, json!({"path": "/sessions/arn%3Aaws%3Ax/a%2Fb"}));

    assert_eq!(server.request_count(), 1);
    let req = server.last_request().expect("recorded");
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/sessions/arn%3Aaws%3Ax/a%2Fb");
    assert_eq!(
        req.raw_query.as_deref(),
        Some("maxResults=10&tag=a&tag=b%20c")
    );
    assert_eq!(req.query_param("maxResults"), Some("10"));
    assert_eq!(req.query_params("tag"), vec!["a", "b c"]);
    assert_eq!(req.header_all("X-MULTI"), vec!["one", "two"]);
    assert_json_eq(&req.body, json!({"a": true}));
    assert_eq!(req.body_json(), Ok(json!({"a": true})));
    assert!(server.server_errors().is_empty());
}

#[tokio::test]
async fn keep_alive_chunked_and_expect_continue() {
    let server = TestServer::start(|req| Reply::text(200, &req.body.len().to_string()))
        .await
        .expect("start");
    let mut conn = connect(&server).await;
    let first = send(&mut conn, b"GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .expect("first");
    assert_eq!(first.body, b"0");
    let second = send(
        &mut conn,
        b"PUT /two HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n",
    )
    .await
    .expect("second");
    assert_eq!(second.body, b"7");

    // Expect: 100-continue: the head goes first, the body only after the interim response.
    conn.write_all(
        b"POST /three HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
    )
    .await
    .expect("write head");
    let mut interim = [0u8; 25];
    conn.read_exact(&mut interim).await.expect("100 continue");
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    let third = send(&mut conn, b"hi").await.expect("third");
    assert_eq!(third.body, b"2");

    // Connection: close is honoured.
    let last = send(
        &mut conn,
        b"GET /four HTTP/1.1\r\nConnection: close\r\n\r\n",
    )
    .await
    .expect("fourth");
    assert_eq!(last.header("connection"), Some("close"));
    assert!(read_response(&mut conn).await.is_none());

    let reqs = server.requests();
    let paths: Vec<&str> = reqs.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["/one", "/two", "/three", "/four"]);
    assert_eq!(reqs[1].body, b"abcdefg");
    assert!(reqs.iter().all(|r| r.connection == 0));
    assert_eq!(server.connection_count(), 1);
}

#[tokio::test]
async fn fault_replies_behave_as_documented() {
    let body = json!({"sessionId": "0123456789", "status": "ACTIVE"}).to_string();
    let server = TestServer::scripted(
        [
            Reply::json(200, serde_json::from_str(&body).expect("json")).close_mid_response(),
            Reply::json(200, serde_json::from_str(&body).expect("json")).truncated(),
            Reply::CloseWithoutResponse,
            Reply::status(204).delayed(Duration::from_millis(200)),
            Reply::big(200, BIG_BODY_LEN),
        ],
        Reply::status(418),
    )
    .await
    .expect("start");

    // CloseMidResponse: full length declared, half the body, then the connection closes.
    let mut conn = connect(&server).await;
    let resp = send(&mut conn, b"GET / HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.declared_len, body.len());
    assert!(resp.cut_off);
    assert_eq!(resp.body, body.as_bytes()[..body.len() / 2]);

    // Truncated: well framed, but the JSON is cut off.
    let mut conn = connect(&server).await;
    let resp = send(&mut conn, b"GET / HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert!(!resp.cut_off);
    assert_eq!(resp.declared_len, resp.body.len());
    assert_eq!(resp.body, body.as_bytes()[..body.len() / 2]);
    assert!(serde_json::from_slice::<serde_json::Value>(&resp.body).is_err());

    // CloseWithoutResponse: nothing at all.
    assert!(send(&mut conn, b"GET / HTTP/1.1\r\n\r\n").await.is_none());

    // Delay.
    let mut conn = connect(&server).await;
    let started = Instant::now();
    let resp = send(&mut conn, b"GET / HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.status, 204);
    assert!(started.elapsed() >= Duration::from_millis(200));

    // Big body on the same (kept-alive) connection, then the fallback.
    let resp = send(&mut conn, b"GET / HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.body.len(), BIG_BODY_LEN);
    assert!(serde_json::from_slice::<serde_json::Value>(&resp.body).is_err());
    for _ in 0..2 {
        let resp = send(&mut conn, b"GET / HTTP/1.1\r\n\r\n")
            .await
            .expect("resp");
        assert_eq!(resp.status, 418);
    }
    assert_eq!(server.request_count(), 7);
    assert_eq!(server.connection_count(), 3);
}

#[tokio::test]
async fn repeat_trickle_and_reset_replies_behave_as_documented() {
    let server = TestServer::scripted(
        [
            Reply::repeated(200, "text/plain", b"abc", 100_000),
            Reply::text(200, "0123456789").trickled(3, Duration::from_millis(20)),
            Reply::repeated(200, "text/plain", b"xy", 5).without_length(),
            Reply::Reset,
        ],
        Reply::status(418),
    )
    .await
    .expect("start");

    // Repeat: the pattern, cut to the declared length, on a connection that stays open.
    let mut conn = connect(&server).await;
    let resp = send(&mut conn, b"GET / HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.declared_len, 100_000);
    assert!(!resp.cut_off);
    assert_eq!(resp.body.len(), 100_000);
    assert!(resp.body.starts_with(b"abcabc") && resp.body.ends_with(b"abca"));

    // Trickle: the whole body, in pieces with pauses.
    let started = Instant::now();
    let resp = send(&mut conn, b"GET / HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.body, b"0123456789");
    assert!(started.elapsed() >= Duration::from_millis(80));

    // Repeat without a length: no Content-Length, the body ends with the connection.
    let mut rest = Vec::new();
    conn.write_all(b"GET / HTTP/1.1\r\n\r\n")
        .await
        .expect("write");
    conn.read_to_end(&mut rest).await.expect("read to the end");
    let text = String::from_utf8(rest).expect("UTF-8");
    assert!(
        !text.to_ascii_lowercase().contains("content-length"),
        "{text}"
    );
    assert!(text.ends_with("\r\n\r\nxyxyx"), "{text}");

    // Reset: the connection is reset (or at least closed) without a response.
    let mut conn = connect(&server).await;
    assert!(send(&mut conn, b"GET / HTTP/1.1\r\n\r\n").await.is_none());
    assert_eq!(server.body_bytes_sent(), 100_000 + 10 + 5);
}

#[tokio::test]
async fn bad_requests_and_handler_panics_are_reported() {
    let server = TestServer::start(|req| {
        if req.path == "/panic" {
            panic!("deliberate panic in the handler");
        }
        Reply::status(200)
    })
    .await
    .expect("start");
    let mut conn = connect(&server).await;
    let resp = send(&mut conn, b"GET /panic HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.status, 500);
    assert!(String::from_utf8_lossy(&resp.body).contains("deliberate panic"));
    // The connection survives a handler panic.
    let resp = send(&mut conn, b"GET /ok HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.status, 200);

    let mut conn = connect(&server).await;
    let resp = send(&mut conn, b"GET / HTTP/1.1\r\nContent-Length: nope\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.status, 400);
    let errors = server.server_errors();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("deliberate panic"), "{errors:?}");
    assert!(errors[1].contains("Content-Length"), "{errors:?}");
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn async_handler_can_await() {
    let server = TestServer::start_async(|req: RecordedRequest| async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        Reply::text(200, &req.method)
    })
    .await
    .expect("start");
    let mut conn = connect(&server).await;
    let resp = send(&mut conn, b"DELETE /x HTTP/1.1\r\n\r\n")
        .await
        .expect("resp");
    assert_eq!(resp.body, b"DELETE");
}

const AKID: &str = "AKIDTESTEXAMPLE";
const SECRET: &str = "test/secret+key/EXAMPLE";
const TOKEN: &str = "session-token-EXAMPLE==";

/// Signs a request with the real `aws-sigv4` crate, sends it through the server, and returns
/// what the server recorded.
async fn sign_and_send(
    method: &str,
    path_and_query: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    session_token: Option<&str>,
    with_content_sha256: bool,
) -> RecordedRequest {
    use aws_credential_types::Credentials;
    use aws_sigv4::http_request::{
        PayloadChecksumKind, SignableBody, SignableRequest, SigningSettings, sign,
    };
    use aws_smithy_runtime_api::client::identity::Identity;

    let server = TestServer::start(|_| Reply::status(200))
        .await
        .expect("start");
    let host = server.addr().to_string();
    let uri = format!("{}{path_and_query}", server.url());
    let content_length = body.len().to_string();
    let mut all_headers: Vec<(&str, &str)> = vec![("host", &host)];
    all_headers.extend_from_slice(headers);
    all_headers.push(("content-length", &content_length));

    let identity: Identity =
        Credentials::new(AKID, SECRET, session_token.map(str::to_owned), None, "test").into();
    let mut settings = SigningSettings::default();
    if with_content_sha256 {
        settings.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
    }
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region("us-west-2")
        .name("bedrock-agentcore")
        .time(SystemTime::now())
        .settings(settings)
        .build()
        .expect("signing params")
        .into();
    let signable = SignableRequest::new(
        method,
        uri,
        all_headers.iter().copied(),
        SignableBody::Bytes(body),
    )
    .expect("signable");
    let (instructions, _signature) = sign(signable, &params).expect("sign").into_parts();

    let mut raw = format!("{method} {path_and_query} HTTP/1.1\r\n");
    for (name, value) in all_headers.iter().copied().chain(instructions.headers()) {
        raw.push_str(&format!("{name}: {value}\r\n"));
    }
    raw.push_str("\r\n");
    let mut raw = raw.into_bytes();
    raw.extend_from_slice(body);

    let mut conn = connect(&server).await;
    let resp = send(&mut conn, &raw).await.expect("response");
    assert_eq!(resp.status, 200);
    server.last_request().expect("recorded")
}

#[tokio::test]
async fn verifies_requests_signed_by_aws_sigv4() {
    let body = br#"{"paymentManagerArn":"arn:aws:x","limits":{"maxSpend":10.5}}"#;
    let cases = [
        (None, false),
        (Some(TOKEN), false),
        (None, true),
        (Some(TOKEN), true),
    ];
    for (token, sha_header) in cases {
        let req = sign_and_send(
            "POST",
            "/payments/arn%3Aaws%3Abedrock%3Aus-west-2%3A1234%3Amanager%2Fm-1/sessions?maxResults=10&nextToken=a%2Bb%3D%3D&z=%20x&a=1",
            &[
                ("content-type", "application/json"),
                ("x-amz-user-agent", "aws-sdk-rust/test  os/linux"),
                ("x-amzn-client-token", "  spaced   value  "),
            ],
            body,
            token,
            sha_header,
        )
        .await;
        let creds = (AKID, SECRET, token);
        if let Err(e) = sigv4::verify(&req, creds, "us-west-2", "bedrock-agentcore") {
            panic!("token={token:?} sha={sha_header}: {e}");
        }
        assert_eq!(req.header("x-amz-content-sha256").is_some(), sha_header);

        // Wrong scope or credentials.
        let err = sigv4::verify(&req, creds, "us-east-1", "bedrock-agentcore").unwrap_err();
        assert!(err.contains("region"), "{err}");
        let err = sigv4::verify(&req, creds, "us-west-2", "partnercentral-account").unwrap_err();
        assert!(err.contains("service"), "{err}");
        let err = sigv4::verify(
            &req,
            (AKID, "other", token),
            "us-west-2",
            "bedrock-agentcore",
        )
        .unwrap_err();
        assert!(err.contains("signature mismatch"), "{err}");

        // Tampered body.
        let mut tampered = req.clone();
        tampered.body = body.to_vec();
        tampered.body[3] = b'X';
        let err = sigv4::verify(&tampered, creds, "us-west-2", "bedrock-agentcore").unwrap_err();
        let expected = if sha_header {
            "x-amz-content-sha256"
        } else {
            "signature mismatch"
        };
        assert!(err.contains(expected), "{err}");

        // Tampered signed header, query and path.
        for mutate in [
            (|r: &mut RecordedRequest| {
                r.headers = r
                    .headers
                    .iter()
                    .map(|(n, v)| (n, if n == "content-type" { "text/plain" } else { v }))
                    .fold(workspace_tests::Headers::new(), |mut h, (n, v)| {
                        h.push(n, v);
                        h
                    });
            }) as fn(&mut RecordedRequest),
            |r| r.raw_query = Some("maxResults=11".to_owned()),
            |r| r.path = r.path.replace("%2F", "/"),
        ] {
            let mut tampered = req.clone();
            mutate(&mut tampered);
            let err =
                sigv4::verify(&tampered, creds, "us-west-2", "bedrock-agentcore").unwrap_err();
            assert!(err.contains("signature mismatch"), "{err}");
        }
    }
}

#[tokio::test]
async fn verifies_a_get_with_empty_body_and_no_query() {
    let req = sign_and_send("GET", "/", &[], b"", None, false).await;
    assert_eq!(
        sigv4::verify(&req, (AKID, SECRET, None), "us-west-2", "bedrock-agentcore"),
        Ok(())
    );
    let err = sigv4::verify(
        &req,
        (AKID, SECRET, Some(TOKEN)),
        "us-west-2",
        "bedrock-agentcore",
    )
    .unwrap_err();
    assert!(err.contains("no x-amz-security-token"), "{err}");
}
