//! Test support for the workspace's end-to-end tests.
//!
//! - [`server`]: a real HTTP/1.1 server on `127.0.0.1` that records every request
//!   ([`RecordedRequest`]) and answers with [`Reply`]s, including faults (cut-off bodies,
//!   truncated JSON, delays, dropped connections, resets, stalls, slow trickles, 10 MiB bodies,
//!   bodies of any size written as they go) and scripted sequences.
//! - [`sigv4`]: an independent SigV4 verifier ([`sigv4::verify`], [`sigv4::assert_verified`])
//!   that recomputes the signature of a received request from the test credentials.
//! - [`assert_json_eq`] / [`json_diff`]: structural JSON comparison with readable differences.
//!
//! A typical end-to-end test:
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use serde_json::json;
//! use workspace_tests::{Reply, TestServer, assert_json_eq, sigv4};
//!
//! let server = TestServer::start(|_| Reply::json(200, json!({"sessionId": "s-1"}))).await?;
//! // ... build the client with endpoint_url(server.url()), region "us-east-1",
//! // static credentials ("AKID", "SECRET", None), and call the operation ...
//! let req = server.last_request().expect("one request");
//! assert_eq!(req.method, "POST");
//! assert_eq!(req.path, "/payments/sessions");
//! assert_eq!(req.header("content-type"), Some("application/json"));
//! assert_json_eq(&req.body, json!({"paymentManagerArn": "arn:aws:x"}));
//! sigv4::assert_verified(&req, ("AKID", "SECRET", None), "us-east-1", "bedrock-agentcore");
//! # Ok(()) }
//! ```
#![warn(missing_docs)]

pub mod json;
pub mod request;
pub mod server;
pub mod sigv4;

pub use json::{assert_json_eq, json_diff};
pub use request::{Headers, RecordedRequest};
pub use server::{BIG_BODY_LEN, Reply, Response, Scripted, TestServer};

/// The README's Rust examples, as doctests of this package: `no_run` blocks (programs that call
/// a real endpoint) are compiled, the others compiled and run.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
