//! Fault tests of the generated clients against a real HTTP server on 127.0.0.1: retries with
//! idempotency tokens, retry exhaustion, broken and oversized responses, and timeouts. Every
//! fault must end in a typed `SdkError`, never a panic or a hang.

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;
use bedrockagentcore::operation::get_payment_session::GetPaymentSessionError;
use common::*;
use partnercentralaccount::operation::list_connections::ListConnectionsError;
use sdk_runtime::types::{HttpResponse, SdkError};
use serde_json::json;
use workspace_tests::{BIG_BODY_LEN, Reply, TestServer};

/// Upper bound for any single fault test, so a hang fails instead of blocking the suite.
const TEST_DEADLINE: Duration = Duration::from_secs(20);

/// The error and its source chain (`err: source: source ...`), for failure messages and
/// assertions. Written here rather than with `sdk_runtime::error::report`, which appends the
/// `Debug` form of the `SdkError`, raw response body included (see
/// `report_of_a_response_error_does_not_echo_the_body`).
fn describe<E: std::error::Error + 'static>(err: &SdkError<E, HttpResponse>) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Runs `fut` under [`TEST_DEADLINE`].
async fn within_deadline<F: std::future::Future>(fut: F) -> F::Output {
    tokio::time::timeout(TEST_DEADLINE, fut)
        .await
        .expect("the call finishes (no hang)")
}

// ---------------------------------------------------------------------------------------------
// Retries
// ---------------------------------------------------------------------------------------------

/// A stateful CreatePaymentSession service: sessions keyed by client token (a retry with the same
/// token returns the existing session); the first `throttle` requests get a 429.
#[derive(Default)]
struct PaymentService {
    throttle: usize,
    seen: usize,
    sessions: BTreeMap<String, String>,
}

#[tokio::test]
async fn throttled_create_succeeds_on_the_second_attempt_with_the_same_token() {
    let service = Arc::new(Mutex::new(PaymentService {
        throttle: 1,
        ..PaymentService::default()
    }));
    let state = Arc::clone(&service);
    let server = serve(move |req| {
        let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
        s.seen += 1;
        if s.seen <= s.throttle {
            return Reply::json(429, json!({"message": "Rate exceeded"}))
                .header("X-Amzn-ErrorType", "ThrottlingException")
                .header("x-amzn-requestid", "rid-throttled");
        }
        let token = client_token_of(req);
        let next_id = format!("payment-session-{:015}", s.sessions.len() + 1);
        let id = s.sessions.entry(token.clone()).or_insert(next_id).clone();
        Reply::json(
            201,
            json!({"paymentSession": payment_session_json(&id, &token)}),
        )
    })
    .await;

    let out = within_deadline(
        bedrock(&server)
            .create_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .expiry_time_in_minutes(60)
            .send(),
    )
    .await
    .expect("the retry succeeds");

    let requests = server.requests();
    assert_eq!(requests.len(), 2, "exactly two attempts");
    let tokens: Vec<String> = requests.iter().map(client_token_of).collect();
    assert!(!tokens[0].is_empty(), "a clientToken was sent");
    assert_eq!(
        tokens[0], tokens[1],
        "both attempts carry the same clientToken"
    );
    assert_eq!(
        requests[0].header("amz-sdk-request"),
        Some("attempt=1; max=3")
    );
    assert_eq!(
        requests[1].header("amz-sdk-request"),
        Some("attempt=2; max=3")
    );
    assert_eq!(
        requests[0].header("amz-sdk-invocation-id"),
        requests[1].header("amz-sdk-invocation-id"),
        "one invocation"
    );
    for req in &requests {
        assert_signed(req, BEDROCK_SIGNING_NAME);
    }
    assert_eq!(
        requests[0].body, requests[1].body,
        "the same body is re-sent"
    );

    let s = service.lock().unwrap_or_else(|p| p.into_inner());
    assert_eq!(s.sessions.len(), 1, "exactly one session was created");
    let session = out.payment_session().expect("paymentSession decoded");
    assert_eq!(
        Some(session.payment_session_id.as_str()),
        s.sessions.get(&tokens[0]).map(String::as_str)
    );
}

#[tokio::test]
async fn three_503s_give_a_typed_error_after_exactly_three_attempts() {
    let server = serve(|_| {
        Reply::json(503, json!({"message": "Service Unavailable"}))
            .header("X-Amzn-ErrorType", "ServiceUnavailableException")
            .header("x-amzn-requestid", "rid-503")
    })
    .await;
    let err = within_deadline(
        bedrock(&server)
            .get_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .payment_session_id(SESSION_ID)
            .send(),
    )
    .await
    .expect_err("every attempt fails");
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "exactly three attempts");
    let attempts: Vec<Option<&str>> = requests
        .iter()
        .map(|r| r.header("amz-sdk-request"))
        .collect();
    assert_eq!(
        attempts,
        [
            Some("attempt=1; max=3"),
            Some("attempt=2; max=3"),
            Some("attempt=3; max=3")
        ]
    );
    let (err, status) = service_error(err);
    assert_eq!(status, 503);
    let GetPaymentSessionError::Unhandled(unhandled) = &err else {
        panic!("Unhandled expected, got {err:?}")
    };
    assert_meta(
        unhandled.meta(),
        Some("ServiceUnavailableException"),
        Some("Service Unavailable"),
        503,
        Some("rid-503"),
    );
    assert_eq!(
        err.to_string(),
        "GetPaymentSession failed: HTTP 503 ServiceUnavailableException: Service Unavailable \
         (request id rid-503)"
    );
}

#[tokio::test]
async fn retryable_modeled_error_is_retried_then_returned_typed() {
    let server = serve(|_| {
        Reply::json(
            500,
            json!({
                "__type": "com.amazonaws.partnercentralaccount#InternalServerException",
                "Message": "try again"
            }),
        )
        .set_header("Content-Type", "application/x-amz-json-1.0")
    })
    .await;
    let err = within_deadline(pca(&server).list_connections().catalog("AWS").send())
        .await
        .expect_err("every attempt fails");
    assert_eq!(server.request_count(), 3, "`@retryable`: three attempts");
    let (err, _) = service_error(err);
    let ListConnectionsError::InternalServerException(e) = &err else {
        panic!("InternalServerException expected, got {err:?}")
    };
    assert_eq!(e.message, "try again");
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let server = serve(|_| {
        Reply::json(403, json!({"message": "denied"}))
            .header("X-Amzn-ErrorType", "AccessDeniedException")
    })
    .await;
    let err = within_deadline(
        bedrock(&server)
            .get_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .payment_session_id(SESSION_ID)
            .send(),
    )
    .await
    .expect_err("denied");
    assert_eq!(server.request_count(), 1);
    let (err, _) = service_error(err);
    assert!(err.is_access_denied_exception(), "{err:?}");
}

// ---------------------------------------------------------------------------------------------
// Broken responses
// ---------------------------------------------------------------------------------------------

/// Calls GetPaymentSession (retries off) against a server that always gives `reply`.
async fn get_session_with(
    reply: Reply,
) -> (SdkError<GetPaymentSessionError, HttpResponse>, TestServer) {
    let server = serve(move |_| reply.clone()).await;
    let client = bedrockagentcore::Client::from_conf(
        bedrock_config(&server)
            .retry_config(RetryConfig::disabled())
            .build(),
    );
    let err = within_deadline(
        client
            .get_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .payment_session_id(SESSION_ID)
            .send(),
    )
    .await
    .expect_err("the response is unusable");
    (err, server)
}

#[tokio::test]
async fn connection_closed_mid_response_is_a_typed_error() {
    let body = json!({"paymentSession": payment_session_json(SESSION_ID, "user-1")});
    let (err, server) = get_session_with(Reply::json(200, body).close_mid_response()).await;
    assert!(
        matches!(err, SdkError::ResponseError(_)),
        "{}",
        describe(&err)
    );
    assert!(
        describe(&err).contains("end of file before message length reached"),
        "{}",
        describe(&err)
    );
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn connection_closed_mid_response_is_retried_as_transient() {
    let body = json!({"paymentSession": payment_session_json(SESSION_ID, "user-1")});
    let cut = Reply::json(200, body.clone()).close_mid_response();
    let server = TestServer::scripted([cut], Reply::json(200, body))
        .await
        .expect("server starts");
    let result = within_deadline(
        bedrock(&server)
            .get_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .payment_session_id(SESSION_ID)
            .send(),
    )
    .await;
    let attempts = server.request_count();
    match result {
        Ok(out) => {
            assert_eq!(attempts, 2, "the cut-off attempt was retried once");
            assert_eq!(
                out.payment_session().map(|s| s.payment_session_id.as_str()),
                Some(SESSION_ID)
            );
        }
        Err(err) => panic!(
            "a response cut off mid-body is a transient I/O error and should be retried \
             (attempts: {attempts}): {}",
            describe(&err)
        ),
    }
}

#[tokio::test]
async fn truncated_json_body_is_a_response_error() {
    let body = json!({"paymentSession": payment_session_json(SESSION_ID, "user-1")});
    let (err, _server) = get_session_with(Reply::json(200, body).truncated()).await;
    assert!(
        matches!(err, SdkError::ResponseError(_)),
        "{}",
        describe(&err)
    );
    let text = describe(&err);
    assert!(text.contains("invalid JSON body"), "{text}");
}

#[tokio::test]
async fn body_of_the_wrong_json_types_is_a_response_error() {
    let body = json!({
        "paymentSession": {
            "paymentSessionId": 5,
            "expiryTimeInMinutes": "sixty",
            "createdAt": true
        }
    });
    let (err, _server) = get_session_with(Reply::json(200, body)).await;
    assert!(
        matches!(err, SdkError::ResponseError(_)),
        "{}",
        describe(&err)
    );
    assert!(
        describe(&err).contains("invalid JSON body"),
        "{}",
        describe(&err)
    );

    // A top-level array, and a bad timestamp string.
    let (err, _server) = get_session_with(Reply::json(200, json!([1, 2, 3]))).await;
    assert!(
        matches!(err, SdkError::ResponseError(_)),
        "{}",
        describe(&err)
    );
    let bad_date = json!({"paymentSession": {"createdAt": "yesterday"}});
    let (err, _server) = get_session_with(Reply::json(200, bad_date)).await;
    assert!(
        matches!(err, SdkError::ResponseError(_)),
        "{}",
        describe(&err)
    );
}

#[tokio::test]
async fn ten_megabyte_non_json_body_is_a_typed_error() {
    let (err, server) = get_session_with(Reply::big(200, BIG_BODY_LEN)).await;
    assert!(
        matches!(err, SdkError::ResponseError(_)),
        "{}",
        describe(&err)
    );
    let text = describe(&err);
    assert!(
        text.len() < 4096,
        "the error does not echo the body: {} bytes",
        text.len()
    );
    assert!(text.contains("invalid JSON body"), "{text}");
    assert!(
        server.server_errors().is_empty(),
        "{:?}",
        server.server_errors()
    );

    // The same body on an error status: an unhandled service error keeping the status.
    let (err, _server) = get_session_with(Reply::big(500, BIG_BODY_LEN)).await;
    let (err, status) = service_error(err);
    assert_eq!(status, 500);
    assert!(
        matches!(err, GetPaymentSessionError::Unhandled(_)),
        "{err:?}"
    );
    assert_eq!(err.code(), None);
    assert!(err.to_string().len() < 4096);
}

#[tokio::test]
async fn report_of_a_response_error_does_not_echo_the_body() {
    let (err, _server) = get_session_with(Reply::big(200, BIG_BODY_LEN)).await;
    let report = sdk_runtime::error::report(&err);
    assert!(
        report.len() < 4096,
        "Report is {} bytes long; it should name the failure, not carry the body",
        report.len()
    );
    assert!(report.contains("invalid JSON body"), "{report}");
}

#[tokio::test]
async fn broken_responses_are_typed_errors_for_every_protocol() {
    // awsJson1_0
    let replies = [
        Reply::json(200, json!({"ConnectionSummaries": [{"Id": 1}]})),
        Reply::json(200, json!({"ConnectionSummaries": []})).truncated(),
        Reply::big(200, BIG_BODY_LEN),
    ];
    for reply in replies {
        let server = serve(move |_| reply.clone()).await;
        let client = partnercentralaccount::Client::from_conf(
            pca_config(&server)
                .retry_config(RetryConfig::disabled())
                .build(),
        );
        let err = within_deadline(client.list_connections().catalog("AWS").send())
            .await
            .expect_err("unusable response");
        assert!(
            matches!(err, SdkError::ResponseError(_)),
            "{}",
            describe(&err)
        );
    }
    // BillForward
    let replies = [
        Reply::json(200, json!({"results": "none", "recordsReturned": "many"})),
        Reply::json(200, json!({"results": []})).truncated(),
        Reply::big(200, BIG_BODY_LEN),
    ];
    for reply in replies {
        let server = serve(move |_| reply.clone()).await;
        let client = billforward::Client::from_conf(
            billforward_config(&server)
                .retry_config(RetryConfig::disabled())
                .build(),
        );
        let err = within_deadline(
            client
                .get_usage_list_for_usage_session()
                .subscription_id("SUB-1")
                .send(),
        )
        .await
        .expect_err("unusable response");
        assert!(
            matches!(err, SdkError::ResponseError(_)),
            "{}",
            describe(&err)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Timeouts
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn server_slower_than_the_attempt_timeout_gives_a_timeout_error() {
    let body = json!({"paymentSession": payment_session_json(SESSION_ID, "user-1")});
    let server =
        serve(move |_| Reply::json(200, body.clone()).delayed(Duration::from_secs(3))).await;
    let client = bedrockagentcore::Client::from_conf(
        bedrock_config(&server)
            .retry_config(RetryConfig::disabled())
            .timeout_config(
                TimeoutConfig::builder()
                    .operation_attempt_timeout(Duration::from_millis(200))
                    .build(),
            )
            .build(),
    );
    let started = Instant::now();
    let err = within_deadline(
        client
            .get_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .payment_session_id(SESSION_ID)
            .send(),
    )
    .await
    .expect_err("the attempt times out");
    let elapsed = started.elapsed();
    assert!(
        matches!(err, SdkError::TimeoutError(_)),
        "{}",
        describe(&err)
    );
    assert!(
        elapsed < Duration::from_millis(2500),
        "gave up after {elapsed:?}, not after the server's 3 s"
    );
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn operation_timeout_bounds_all_attempts() {
    let server =
        serve(|_| Reply::json(503, json!({"message": "busy"})).delayed(Duration::from_millis(150)))
            .await;
    let client = billforward::Client::from_conf(
        billforward_config(&server)
            .timeout_config(
                TimeoutConfig::builder()
                    .operation_timeout(Duration::from_millis(250))
                    .build(),
            )
            .build(),
    );
    let started = Instant::now();
    let err = within_deadline(
        client
            .get_usage_list_for_usage_session()
            .subscription_id("SUB-1")
            .send(),
    )
    .await
    .expect_err("the operation times out");
    assert!(
        matches!(err, SdkError::TimeoutError(_)),
        "{}",
        describe(&err)
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(server.request_count() <= 2, "{}", server.request_count());
}
