//! Shared setup of the end-to-end tests: clients of the three generated crates pointed at the
//! loopback [`TestServer`], the test credentials, short retry backoffs, realistic identifiers
//! that satisfy the models' `@pattern`/`@length` constraints, and helpers that take typed errors
//! apart.

// Each test file compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::fmt::Debug;
use std::time::Duration;

use aws_credential_types::Credentials;
use aws_smithy_runtime_api::client::http::SharedHttpClient;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::ErrorMetadata;
use aws_smithy_types::retry::RetryConfig;
use workspace_tests::{RecordedRequest, Reply, TestServer, sigv4};

/// Access key id of the test credentials.
pub const ACCESS_KEY: &str = "AKIDEXAMPLE";
/// Secret key of the test credentials.
pub const SECRET_KEY: &str = "secret";
/// Region every AWS client is configured (and signs) for.
pub const REGION: &str = "us-east-1";
/// SigV4 signing name of Amazon Bedrock AgentCore.
pub const BEDROCK_SIGNING_NAME: &str = "bedrock-agentcore";
/// SigV4 signing name of AWS Partner Central Account.
pub const PCA_SIGNING_NAME: &str = "partnercentral-account";

/// A payment manager ARN matching `PaymentManagerArn` (`@length` 66..=2048 and its `@pattern`).
pub const MANAGER_ARN: &str =
    "arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/checkout-agent-a1b2c3d4e5";
/// A payment session id matching `PaymentSessionId` (31 characters).
pub const SESSION_ID: &str = "payment-session-AbCdEf012345678";
/// A second payment session id.
pub const SESSION_ID_2: &str = "payment-session-ZyXwVu987654321";
/// A client token matching `ClientToken` (`@length` 33..=256 and its `@pattern`).
pub const CLIENT_TOKEN: &str = "token-0123456789abcdef0123456789abcdef";

/// A `PaymentSession` as the service returns it, with `token` echoed as its `userId`.
pub fn payment_session_json(id: &str, token: &str) -> serde_json::Value {
    serde_json::json!({
        "paymentSessionId": id,
        "paymentManagerArn": MANAGER_ARN,
        "userId": token,
        "expiryTimeInMinutes": 60,
        "createdAt": "2025-01-02T03:04:05Z",
        "updatedAt": "2025-01-02T03:04:05Z"
    })
}

/// The `clientToken` of a CreatePaymentSession request body (empty when there is none).
pub fn client_token_of(req: &RecordedRequest) -> String {
    req.body_json()
        .ok()
        .and_then(|b| b.get("clientToken")?.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The static test credentials.
pub fn credentials() -> Credentials {
    Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "test")
}

/// A plain-HTTP client (no TLS stack is compiled into the tests).
pub fn http_client() -> SharedHttpClient {
    aws_smithy_http_client::Builder::new().build_http()
}

/// Standard retries (3 attempts) with millisecond backoffs, so retry tests stay fast.
pub fn fast_retries() -> RetryConfig {
    RetryConfig::standard()
        .with_initial_backoff(Duration::from_millis(1))
        .with_max_backoff(Duration::from_millis(5))
}

/// A loopback [`TestServer`] answering every request with `handler`; panics when it cannot start.
pub async fn serve<H>(handler: H) -> TestServer
where
    H: Fn(&RecordedRequest) -> Reply + Send + Sync + 'static,
{
    TestServer::start(handler).await.expect("server starts")
}

/// Bedrock AgentCore config builder aimed at `server`, with test credentials and fast retries.
pub fn bedrock_config(server: &TestServer) -> bedrockagentcore::config::Builder {
    bedrockagentcore::Config::builder()
        .endpoint_url(server.url())
        .region(aws_types_region(REGION))
        .credentials_provider(credentials())
        .http_client(http_client())
        .retry_config(fast_retries())
}

/// A Bedrock AgentCore client aimed at `server`.
pub fn bedrock(server: &TestServer) -> bedrockagentcore::Client {
    bedrockagentcore::Client::from_conf(bedrock_config(server).build())
}

/// Partner Central Account config builder aimed at `server`.
pub fn pca_config(server: &TestServer) -> partnercentralaccount::config::Builder {
    partnercentralaccount::Config::builder()
        .endpoint_url(server.url())
        .region(aws_types_region(REGION))
        .credentials_provider(credentials())
        .http_client(http_client())
        .retry_config(fast_retries())
}

/// A Partner Central Account client aimed at `server`.
pub fn pca(server: &TestServer) -> partnercentralaccount::Client {
    partnercentralaccount::Client::from_conf(pca_config(server).build())
}

/// BillForward config builder aimed at `server` (no bearer token).
pub fn billforward_config(server: &TestServer) -> billforward::config::Builder {
    billforward::Config::builder()
        .endpoint_url(server.url())
        .http_client(http_client())
        .retry_config(fast_retries())
}

/// A BillForward client aimed at `server` (no bearer token).
pub fn billforward(server: &TestServer) -> billforward::Client {
    billforward::Client::from_conf(billforward_config(server).build())
}

fn aws_types_region(name: &'static str) -> sdk_runtime::types::Region {
    sdk_runtime::types::Region::from_static(name)
}

/// Asserts that `req` carries a valid SigV4 signature for the test credentials, [`REGION`] and
/// `signing_name`, recomputed from the request as received.
#[track_caller]
pub fn assert_signed(req: &RecordedRequest, signing_name: &str) {
    sigv4::assert_verified(req, (ACCESS_KEY, SECRET_KEY, None), REGION, signing_name);
}

/// The only request the server received; panics when it received another number.
#[track_caller]
pub fn only_request(server: &TestServer) -> RecordedRequest {
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        1,
        "expected exactly one request, got {requests:#?}"
    );
    assert!(
        server.server_errors().is_empty(),
        "server errors: {:?}",
        server.server_errors()
    );
    requests
        .into_iter()
        .next()
        .unwrap_or_else(|| unreachable!())
}

/// The modeled (service) error and HTTP status of `err`; panics for any other kind of failure.
#[track_caller]
pub fn service_error<E: Debug>(err: SdkError<E, HttpResponse>) -> (E, u16) {
    match err {
        SdkError::ServiceError(ctx) => {
            let status = ctx.raw().status().as_u16();
            (ctx.into_err(), status)
        }
        other => panic!("expected a service error, got {other:?}"),
    }
}

/// Like [`service_error`], without consuming the error.
#[track_caller]
pub fn service_error_ref<E: Debug>(err: &SdkError<E, HttpResponse>) -> (&E, u16) {
    match err {
        SdkError::ServiceError(ctx) => (ctx.err(), ctx.raw().status().as_u16()),
        other => panic!("expected a service error, got {other:?}"),
    }
}

/// The construction-failure source of `err` as text; panics for any other kind of failure.
#[track_caller]
pub fn construction_failure<E: Debug + std::error::Error + 'static>(
    err: &SdkError<E, HttpResponse>,
) -> String {
    match err {
        SdkError::ConstructionFailure(_) => {
            let source = std::error::Error::source(err)
                .map(|s| s.to_string())
                .unwrap_or_default();
            assert!(!source.is_empty(), "construction failure without a source");
            source
        }
        other => panic!("expected a construction failure, got {other:?}"),
    }
}

/// Asserts the parts of error metadata every decoded error keeps: code, message, HTTP status and
/// request id.
#[track_caller]
pub fn assert_meta(
    meta: &ErrorMetadata,
    code: Option<&str>,
    message: Option<&str>,
    status: u16,
    request_id: Option<&str>,
) {
    assert_eq!(meta.code(), code, "code of {meta:?}");
    assert_eq!(meta.message(), message, "message of {meta:?}");
    assert_eq!(
        sdk_runtime::error::http_status(meta),
        Some(status),
        "HTTP status of {meta:?}"
    );
    assert_eq!(
        sdk_runtime::error::request_id(meta),
        request_id,
        "request id of {meta:?}"
    );
}

/// `DateTime` from an RFC 3339 string (test literals only).
#[track_caller]
pub fn date(rfc3339: &str) -> aws_smithy_types::DateTime {
    match aws_smithy_types::DateTime::from_str(
        rfc3339,
        aws_smithy_types::date_time::Format::DateTime,
    ) {
        Ok(d) => d,
        Err(e) => panic!("bad test date {rfc3339:?}: {e}"),
    }
}
