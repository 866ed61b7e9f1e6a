//! A real HTTP/1.1 server on `127.0.0.1` that records every request and answers with scripted
//! [`Reply`]s, including broken ones (cut-off bodies, truncated JSON, delays, dropped connections).
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use workspace_tests::server::{Reply, TestServer};
//! let server = TestServer::start(|req| {
//!     if req.method == "POST" {
//!         Reply::json(200, serde_json::json!({"ok": true})).header("x-amzn-requestid", "r-1")
//!     } else {
//!         Reply::status(404)
//!     }
//! })
//! .await?;
//! // point the client's endpoint at server.url(), call it, then inspect server.requests()
//! # Ok(()) }
//! ```
//!
//! Check requests after the call (`server.requests()`) rather than asserting inside the handler:
//! a panicking handler only turns into a `500` reply (and an entry in
//! [`TestServer::server_errors`]), which makes the client fail in a less readable way.
//!
//! Framing: bodies are read by `Content-Length` or chunked coding, `Expect: 100-continue` is
//! honoured, connections are kept alive unless the client says `Connection: close` (or speaks
//! HTTP/1.0 without keep-alive). The server always sets `Content-Length` itself.

use std::collections::VecDeque;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

use crate::request::{Parsed, RecordedRequest, parse_head, parse_request};

/// Length of the body made by [`Reply::big`]: 10 MiB.
pub const BIG_BODY_LEN: usize = 10 * 1024 * 1024;

/// A complete response: status, header fields and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// Status code, e.g. `200`.
    pub status: u16,
    /// Header fields in send order. `Content-Length` is computed by the server; one given here is
    /// ignored.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// What the server does with one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// Send the response normally.
    Normal(Response),
    /// Send the head with the full `Content-Length`, then only the first half of the body, then
    /// close the connection.
    CloseMidResponse(Response),
    /// Send only the first half of the body, with a `Content-Length` that matches those bytes:
    /// a well-framed response whose JSON is cut off.
    Truncated(Response),
    /// Wait, then act on the inner reply (for timeout tests).
    Delay(Duration, Box<Reply>),
    /// Send the head and the first half of the body, stop for the duration (a stalled stream),
    /// then send the rest.
    StallMidBody(Duration, Response),
    /// Close the connection without sending anything.
    CloseWithoutResponse,
    /// Reset the connection (TCP RST: the socket is closed with a zero linger time) without
    /// sending anything.
    Reset,
    /// Send the head, then the response's body repeated (and cut) to `len` bytes, written as it
    /// goes, so a body of gigabytes costs no memory. With `declare_length`, the head carries
    /// `Content-Length: len`; without, the body is delimited by closing the connection.
    Repeat {
        /// Status, headers and the pattern the body repeats.
        response: Response,
        /// Body length in bytes.
        len: u64,
        /// Whether the head declares the length.
        declare_length: bool,
    },
    /// Send the head, then the body `chunk` bytes at a time with a pause of `pause` before each
    /// piece (a slow trickle that never stalls for long).
    Trickle {
        /// The response to send.
        response: Response,
        /// Bytes per piece (at least 1).
        chunk: usize,
        /// Pause before each piece.
        pause: Duration,
    },
}

impl Reply {
    /// A response with this status, no extra headers and an empty body.
    pub fn status(status: u16) -> Self {
        Reply::Normal(Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        })
    }

    /// A JSON response (`Content-Type: application/json`).
    pub fn json(status: u16, body: serde_json::Value) -> Self {
        Self::bytes(status, "application/json", body.to_string().into_bytes())
    }

    /// A response with the given content type and body.
    pub fn bytes(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Reply::Normal(Response {
            status,
            headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
            body: body.into(),
        })
    }

    /// A `text/plain` response.
    pub fn text(status: u16, body: &str) -> Self {
        Self::bytes(status, "text/plain; charset=utf-8", body.as_bytes())
    }

    /// A `text/plain` response of `len` bytes that is not JSON (use [`BIG_BODY_LEN`] for 10 MiB).
    pub fn big(status: u16, len: usize) -> Self {
        let pattern = b"this is not json, just a large body of filler text. ";
        let body: Vec<u8> = pattern.iter().copied().cycle().take(len).collect();
        Self::bytes(status, "text/plain", body)
    }

    /// Appends a header field (repeatable; no effect on [`Reply::CloseWithoutResponse`]).
    pub fn header(mut self, name: &str, value: &str) -> Self {
        if let Some(resp) = self.response_mut() {
            resp.headers.push((name.to_owned(), value.to_owned()));
        }
        self
    }

    /// Sets a header field, replacing every existing field of that name (case-insensitive);
    /// e.g. `Reply::json(..).set_header("content-type", "application/x-amz-json-1.0")`.
    pub fn set_header(mut self, name: &str, value: &str) -> Self {
        if let Some(resp) = self.response_mut() {
            resp.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            resp.headers.push((name.to_owned(), value.to_owned()));
        }
        self
    }

    /// Turns this reply into [`Reply::CloseMidResponse`] (keeping any delay).
    pub fn close_mid_response(self) -> Self {
        self.map_response(Reply::CloseMidResponse)
    }

    /// Turns this reply into [`Reply::Truncated`] (keeping any delay).
    pub fn truncated(self) -> Self {
        self.map_response(Reply::Truncated)
    }

    /// Turns this reply into [`Reply::StallMidBody`]: half the body, a pause of `stall`, the rest.
    pub fn stalled_mid_body(self, stall: Duration) -> Self {
        match self {
            Reply::Normal(r)
            | Reply::CloseMidResponse(r)
            | Reply::Truncated(r)
            | Reply::StallMidBody(_, r)
            | Reply::Repeat { response: r, .. }
            | Reply::Trickle { response: r, .. } => Reply::StallMidBody(stall, r),
            Reply::Delay(d, inner) => Reply::Delay(d, Box::new(inner.stalled_mid_body(stall))),
            other @ (Reply::CloseWithoutResponse | Reply::Reset) => other,
        }
    }

    /// A [`Reply::Repeat`] of `len` bytes of `pattern` with `Content-Length: len`.
    pub fn repeated(status: u16, content_type: &str, pattern: &[u8], len: u64) -> Self {
        let Reply::Normal(response) = Self::bytes(status, content_type, pattern) else {
            unreachable!("bytes() builds a normal reply")
        };
        Reply::Repeat {
            response,
            len,
            declare_length: true,
        }
    }

    /// Turns a [`Reply::Repeat`] into one whose body is delimited by closing the connection
    /// (no `Content-Length`); other replies are returned unchanged.
    pub fn without_length(self) -> Self {
        match self {
            Reply::Repeat { response, len, .. } => Reply::Repeat {
                response,
                len,
                declare_length: false,
            },
            Reply::Delay(d, inner) => Reply::Delay(d, Box::new(inner.without_length())),
            other => other,
        }
    }

    /// Turns this reply into a [`Reply::Trickle`] of `chunk`-byte pieces `pause` apart.
    pub fn trickled(self, chunk: usize, pause: Duration) -> Self {
        match self {
            Reply::Delay(d, inner) => Reply::Delay(d, Box::new(inner.trickled(chunk, pause))),
            mut other => match other.response_mut() {
                Some(r) => Reply::Trickle {
                    response: r.clone(),
                    chunk: chunk.max(1),
                    pause,
                },
                None => other,
            },
        }
    }

    /// Wraps this reply in [`Reply::Delay`].
    pub fn delayed(self, delay: Duration) -> Self {
        Reply::Delay(delay, Box::new(self))
    }

    fn response_mut(&mut self) -> Option<&mut Response> {
        match self {
            Reply::Normal(r)
            | Reply::CloseMidResponse(r)
            | Reply::Truncated(r)
            | Reply::StallMidBody(_, r)
            | Reply::Repeat { response: r, .. }
            | Reply::Trickle { response: r, .. } => Some(r),
            Reply::Delay(_, inner) => inner.response_mut(),
            Reply::CloseWithoutResponse | Reply::Reset => None,
        }
    }

    fn map_response(self, f: fn(Response) -> Reply) -> Self {
        match self {
            Reply::Normal(r)
            | Reply::CloseMidResponse(r)
            | Reply::Truncated(r)
            | Reply::StallMidBody(_, r)
            | Reply::Repeat { response: r, .. }
            | Reply::Trickle { response: r, .. } => f(r),
            Reply::Delay(d, inner) => Reply::Delay(d, Box::new(inner.map_response(f))),
            other @ (Reply::CloseWithoutResponse | Reply::Reset) => other,
        }
    }
}

/// Replies handed out in order, one per request, then a fallback forever (for retry tests).
#[derive(Debug)]
pub struct Scripted {
    queue: Mutex<VecDeque<Reply>>,
    fallback: Reply,
}

impl Scripted {
    /// A script that answers with `replies` in order, then with `fallback`.
    pub fn new(replies: impl IntoIterator<Item = Reply>, fallback: Reply) -> Self {
        Self {
            queue: Mutex::new(replies.into_iter().collect()),
            fallback,
        }
    }

    /// Takes the next scripted reply (or a copy of the fallback once the queue is empty).
    pub fn next_reply(&self) -> Reply {
        lock(&self.queue)
            .pop_front()
            .unwrap_or_else(|| self.fallback.clone())
    }

    /// How many scripted replies have not been used yet.
    pub fn remaining(&self) -> usize {
        lock(&self.queue).len()
    }
}

type BoxedHandler =
    Arc<dyn Fn(RecordedRequest) -> Pin<Box<dyn Future<Output = Reply> + Send>> + Send + Sync>;

#[derive(Default)]
struct State {
    requests: Mutex<Vec<RecordedRequest>>,
    errors: Mutex<Vec<String>>,
    connections: AtomicU64,
    body_bytes_sent: AtomicU64,
}

impl State {
    fn error(&self, message: String) {
        lock(&self.errors).push(message);
    }
}

/// A running test server; it stops (and drops its open connections) when this value is dropped.
pub struct TestServer {
    addr: SocketAddr,
    state: Arc<State>,
    accept_task: JoinHandle<()>,
}

impl TestServer {
    /// Starts a server whose replies come from `handler`, called once per request.
    /// Must be called inside a tokio runtime.
    pub async fn start<H>(handler: H) -> std::io::Result<Self>
    where
        H: Fn(&RecordedRequest) -> Reply + Send + Sync + 'static,
    {
        let handler = Arc::new(handler);
        Self::start_boxed(Arc::new(move |req: RecordedRequest| {
            let handler = Arc::clone(&handler);
            Box::pin(async move { handler(&req) })
        }))
        .await
    }

    /// Starts a server with an async handler (it may await, e.g. to coordinate with the test).
    pub async fn start_async<H, F>(handler: H) -> std::io::Result<Self>
    where
        H: Fn(RecordedRequest) -> F + Send + Sync + 'static,
        F: Future<Output = Reply> + Send + 'static,
    {
        Self::start_boxed(Arc::new(move |req: RecordedRequest| {
            Box::pin(handler(req)) as Pin<Box<dyn Future<Output = Reply> + Send>>
        }))
        .await
    }

    /// Starts a server that answers with `replies` in order, then `fallback` (see [`Scripted`]).
    pub async fn scripted(
        replies: impl IntoIterator<Item = Reply>,
        fallback: Reply,
    ) -> std::io::Result<Self> {
        let script = Scripted::new(replies, fallback);
        Self::start(move |_| script.next_reply()).await
    }

    async fn start_boxed(handler: BoxedHandler) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State::default());
        let accept_state = Arc::clone(&state);
        let accept_task = tokio::spawn(async move {
            // Dropping the JoinSet (when this task is aborted) aborts every connection task.
            let mut connections = JoinSet::new();
            loop {
                while connections.try_join_next().is_some() {}
                match listener.accept().await {
                    Ok((stream, _)) => {
                        let id = accept_state.connections.fetch_add(1, Ordering::SeqCst);
                        let state = Arc::clone(&accept_state);
                        let handler = Arc::clone(&handler);
                        connections.spawn(serve_connection(stream, id, state, handler));
                    }
                    Err(e) => {
                        accept_state.error(format!("accept failed: {e}"));
                        tokio::time::sleep(Duration::from_millis(10)).await;
                    }
                }
            }
        });
        Ok(Self {
            addr,
            state,
            accept_task,
        })
    }

    /// The base URL, e.g. `http://127.0.0.1:41234` (no trailing slash).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.state.requests).clone()
    }

    /// The most recent request, if any.
    pub fn last_request(&self) -> Option<RecordedRequest> {
        lock(&self.state.requests).last().cloned()
    }

    /// Number of requests received so far.
    pub fn request_count(&self) -> usize {
        lock(&self.state.requests).len()
    }

    /// Number of TCP connections accepted so far.
    pub fn connection_count(&self) -> u64 {
        self.state.connections.load(Ordering::SeqCst)
    }

    /// Response body bytes written to clients so far (all connections).
    pub fn body_bytes_sent(&self) -> u64 {
        self.state.body_bytes_sent.load(Ordering::SeqCst)
    }

    /// Problems seen by the server: malformed requests, connections closed mid-request,
    /// handler panics. Empty in a healthy test.
    pub fn server_errors(&self) -> Vec<String> {
        lock(&self.state.errors).clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.accept_task.abort();
    }
}

impl std::fmt::Debug for TestServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestServer")
            .field("addr", &self.addr)
            .field("requests", &self.request_count())
            .finish()
    }
}

/// Locks a mutex, ignoring poisoning (a panicking test thread must not hide the recorded data).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn serve_connection(
    mut stream: TcpStream,
    id: u64,
    state: Arc<State>,
    handler: BoxedHandler,
) {
    let mut buf: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut continue_sent = false;
    loop {
        match parse_request(&buf, id) {
            Err(e) => {
                state.error(format!("connection {id}: bad request: {e}"));
                let reply = Reply::text(400, &format!("bad request: {e}"));
                let _ = write_reply(&mut stream, reply, false, true, &state).await;
                return;
            }
            Ok(Parsed::Incomplete) => {
                if !continue_sent
                    && let Ok(Some(head)) = parse_head(&buf)
                    && head.expects_continue()
                {
                    continue_sent = true;
                    if stream
                        .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
                match stream.read(&mut chunk).await {
                    Ok(0) => {
                        if !buf.is_empty() {
                            state.error(format!(
                                "connection {id}: closed by the client mid-request ({} bytes buffered)",
                                buf.len()
                            ));
                        }
                        return;
                    }
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    Err(e) => {
                        state.error(format!("connection {id}: read failed: {e}"));
                        return;
                    }
                }
            }
            Ok(Parsed::Complete {
                request,
                consumed,
                close,
            }) => {
                buf.drain(..consumed);
                continue_sent = false;
                let is_head = request.method.eq_ignore_ascii_case("HEAD");
                lock(&state.requests).push(request.clone());
                let reply = match tokio::spawn(handler(request)).await {
                    Ok(reply) => reply,
                    Err(e) => {
                        let message = panic_message(e);
                        state.error(format!("connection {id}: handler failed: {message}"));
                        Reply::text(500, &format!("test server handler failed: {message}"))
                    }
                };
                match write_reply(&mut stream, reply, is_head, close, &state).await {
                    Ok(true) => {}
                    Ok(false) | Err(_) => return,
                }
            }
        }
    }
}

fn panic_message(e: tokio::task::JoinError) -> String {
    match e.try_into_panic() {
        Ok(payload) => payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "panic with a non-string payload".to_owned()),
        Err(e) => e.to_string(),
    }
}

/// Writes `reply`; `Ok(true)` means the connection stays open for the next request.
async fn write_reply(
    stream: &mut TcpStream,
    mut reply: Reply,
    is_head: bool,
    close: bool,
    state: &State,
) -> std::io::Result<bool> {
    while let Reply::Delay(delay, inner) = reply {
        tokio::time::sleep(delay).await;
        reply = *inner;
    }
    let sent = |n: usize| {
        state.body_bytes_sent.fetch_add(n as u64, Ordering::SeqCst);
    };
    match reply {
        Reply::Reset => {
            // A zero linger time makes the close send RST instead of FIN. (Deprecated because a
            // non-zero linger blocks the thread on drop; a zero one does not.)
            #[allow(deprecated)]
            let _ = stream.set_linger(Some(Duration::ZERO));
            return Ok(false);
        }
        Reply::Repeat {
            response,
            len,
            declare_length,
        } => {
            let length = declare_length.then_some(len);
            write_head(stream, &response, length, !declare_length || close).await?;
            let pattern = if response.body.is_empty() {
                b" ".to_vec()
            } else {
                response.body
            };
            // Pieces of about 64 KiB, each starting where the pattern left off.
            let piece: Vec<u8> = pattern
                .iter()
                .copied()
                .cycle()
                .take((64 * 1024 / pattern.len()).max(1) * pattern.len())
                .collect();
            let mut left = len;
            while left > 0 && !is_head {
                let n = usize::try_from(left).map_or(piece.len(), |l| l.min(piece.len()));
                stream.write_all(&piece[..n]).await?;
                sent(n);
                left -= n as u64;
            }
            stream.flush().await?;
            let keep = declare_length && !close;
            if !keep {
                let _ = stream.shutdown().await;
            }
            return Ok(keep);
        }
        Reply::Trickle {
            response,
            chunk,
            pause,
        } => {
            write_head(stream, &response, Some(response.body.len() as u64), close).await?;
            if !is_head {
                for piece in response.body.chunks(chunk.max(1)) {
                    tokio::time::sleep(pause).await;
                    stream.write_all(piece).await?;
                    stream.flush().await?;
                    sent(piece.len());
                }
            }
            if close {
                let _ = stream.shutdown().await;
            }
            return Ok(!close);
        }
        _ => {}
    }
    let mut stall = None;
    let (resp, sent_len, declared_len, keep) = match &reply {
        Reply::Normal(r) => (r, r.body.len(), r.body.len(), !close),
        Reply::StallMidBody(d, r) => {
            stall = Some(*d);
            (r, r.body.len() / 2, r.body.len(), !close)
        }
        Reply::Truncated(r) => (r, r.body.len() / 2, r.body.len() / 2, !close),
        Reply::CloseMidResponse(r) => (r, r.body.len() / 2, r.body.len(), false),
        _ => {
            let _ = stream.shutdown().await;
            return Ok(false);
        }
    };
    let no_body = has_no_body(resp.status);
    write_head(stream, resp, Some(declared_len as u64), !keep).await?;
    if !no_body && !is_head {
        stream.write_all(&resp.body[..sent_len]).await?;
        sent(sent_len);
        if let Some(stall) = stall {
            stream.flush().await?;
            tokio::time::sleep(stall).await;
            stream.write_all(&resp.body[sent_len..]).await?;
            sent(resp.body.len() - sent_len);
        }
    }
    stream.flush().await?;
    if !keep {
        let _ = stream.shutdown().await;
    }
    Ok(keep)
}

fn has_no_body(status: u16) -> bool {
    (100..200).contains(&status) || status == 204 || status == 304
}

/// Writes the status line and header fields of `resp`; `length` becomes `Content-Length` (none
/// for statuses without a body), `close` adds `Connection: close`.
async fn write_head(
    stream: &mut TcpStream,
    resp: &Response,
    length: Option<u64>,
    close: bool,
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", resp.status, reason(resp.status));
    for (name, value) in &resp.headers {
        if !name.eq_ignore_ascii_case("content-length")
            && !name.eq_ignore_ascii_case("transfer-encoding")
        {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    if let Some(length) = length.filter(|_| !has_no_body(resp.status)) {
        head.push_str(&format!("Content-Length: {length}\r\n"));
    }
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_compose() {
        let r = Reply::json(200, serde_json::json!({"a": 1}))
            .header("x-a", "1")
            .delayed(Duration::from_millis(5))
            .truncated();
        let Reply::Delay(d, inner) = r else {
            panic!("expected a delay, got {r:?}")
        };
        assert_eq!(d, Duration::from_millis(5));
        let Reply::Truncated(resp) = *inner else {
            panic!("expected a truncated reply")
        };
        assert_eq!(resp.body, br#"{"a":1}"#);
        assert!(resp.headers.contains(&("x-a".to_owned(), "1".to_owned())));
        let mut r = Reply::json(200, serde_json::json!(null)).set_header("CONTENT-TYPE", "x/y");
        assert_eq!(
            r.response_mut().map(|r| r.headers.clone()),
            Some(vec![("CONTENT-TYPE".to_owned(), "x/y".to_owned())])
        );
        assert_eq!(
            Reply::big(200, 1000).response_mut().map(|r| r.body.len()),
            Some(1000)
        );
    }

    #[test]
    fn scripted_replies_then_fallback() {
        let s = Scripted::new([Reply::status(500), Reply::status(503)], Reply::status(200));
        assert_eq!(s.remaining(), 2);
        assert_eq!(s.next_reply(), Reply::status(500));
        assert_eq!(s.next_reply(), Reply::status(503));
        assert_eq!(s.next_reply(), Reply::status(200));
        assert_eq!(s.next_reply(), Reply::status(200));
        assert_eq!(s.remaining(), 0);
    }
}
