//! End-to-end tests of the generated `bedrockagentcore` client (restJson1 + SigV4) against a real
//! HTTP server on 127.0.0.1.
//!
//! The expected requests are derived from `models/bedrock-agentcore/`: every operation is a
//! `POST` to a fixed URI (`@http`), `userId` / `agentName` travel as the
//! `X-Amzn-Bedrock-AgentCore-Payments-*` headers (`@httpHeader`), every other member is a JSON
//! body member under its model name, timestamps are `date-time` strings (`@timestampFormat`),
//! and errors carry their `@httpError` status with the code in `X-Amzn-ErrorType` or the body.

mod common;

use std::time::Duration;

use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::retry::RetryConfig;
use bedrockagentcore::operation::create_payment_session::CreatePaymentSessionError;
use bedrockagentcore::operation::get_payment_session::GetPaymentSessionError;
use bedrockagentcore::operation::list_payment_sessions::ListPaymentSessionsError;
use bedrockagentcore::operation::list_payment_sessions::ListPaymentSessionsOutput;
use bedrockagentcore::types::{
    Amount, Currency, PaymentSessionSummary, SessionLimits, ValidationExceptionReason,
};
use common::*;
use sdk_runtime::IdempotencyTokenProvider;
use sdk_runtime::types::SdkError;
use sdk_runtime::validate::ConstraintKind;
use serde_json::{Value, json};
use workspace_tests::{RecordedRequest, Reply, TestServer, assert_json_eq};

const USER_ID_HEADER: &str = "X-Amzn-Bedrock-AgentCore-Payments-User-Id";
const AGENT_NAME_HEADER: &str = "X-Amzn-Bedrock-AgentCore-Payments-Agent-Name";

/// A full `PaymentSession` as the service returns it.
fn session_json(id: &str) -> Value {
    json!({
        "paymentSessionId": id,
        "paymentManagerArn": MANAGER_ARN,
        "limits": {"maxSpendAmount": {"value": "100.00", "currency": "USD"}},
        "userId": "user-42",
        "expiryTimeInMinutes": 60,
        "createdAt": "2025-01-02T03:04:05Z",
        "availableLimits": {
            "availableSpendAmount": {"value": "75.50", "currency": "USD"},
            "updatedAt": "2025-01-02T03:10:00.5Z"
        },
        "updatedAt": "2025-01-02T03:10:00.500Z"
    })
}

fn summary_json(id: &str, minutes: i32) -> Value {
    json!({
        "paymentSessionId": id,
        "paymentManagerArn": MANAGER_ARN,
        "userId": "user-42",
        "expiryTimeInMinutes": minutes,
        "createdAt": "2025-01-02T03:04:05Z",
        "updatedAt": "2025-01-02T04:05:06Z"
    })
}

fn limits_100_usd() -> SessionLimits {
    let amount = Amount::builder()
        .value("100.00")
        .currency(Currency::Usd)
        .build()
        .expect("amount has its required members");
    SessionLimits::builder().max_spend_amount(amount).build()
}

/// Asserts what every Bedrock AgentCore request shares: method, raw path, no query string,
/// JSON content type, and a valid SigV4 signature.
#[track_caller]
fn assert_bedrock_request(req: &RecordedRequest, path: &str) {
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, path);
    assert_eq!(req.raw_query, None, "no query string is modeled");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert!(req.header("x-amz-date").is_some(), "x-amz-date is signed");
    assert_signed(req, BEDROCK_SIGNING_NAME);
}

#[tokio::test]
async fn create_payment_session_request_and_output() {
    let server = serve(|_| {
        Reply::json(201, json!({"paymentSession": session_json(SESSION_ID)}))
            .header("x-amzn-requestid", "rid-create-1")
    })
    .await;
    let out = bedrock(&server)
        .create_payment_session()
        .user_id("user-42")
        .agent_name("checkout agent")
        .payment_manager_arn(MANAGER_ARN)
        .limits(limits_100_usd())
        .expiry_time_in_minutes(60)
        .client_token(CLIENT_TOKEN)
        .send()
        .await
        .expect("CreatePaymentSession succeeds");

    let req = only_request(&server);
    assert_bedrock_request(&req, "/payments/createPaymentSession");
    assert_eq!(req.header(USER_ID_HEADER), Some("user-42"));
    assert_eq!(req.header(AGENT_NAME_HEADER), Some("checkout agent"));
    assert_json_eq(
        &req.body,
        json!({
            "paymentManagerArn": MANAGER_ARN,
            "limits": {"maxSpendAmount": {"value": "100.00", "currency": "USD"}},
            "expiryTimeInMinutes": 60,
            "clientToken": CLIENT_TOKEN
        }),
    );
    // The SDK's own headers, as aws-sdk-rust sends them.
    assert_eq!(req.header("amz-sdk-request"), Some("attempt=1; max=3"));
    assert!(req.header("amz-sdk-invocation-id").is_some());
    let ua = req.header("x-amz-user-agent").unwrap_or_default();
    assert!(
        ua.contains("api/bedrockagentcore"),
        "x-amz-user-agent: {ua}"
    );

    // The output keeps the response's request id, as aws-sdk-rust outputs do.
    assert_eq!(
        bedrockagentcore::operation::RequestId::request_id(&out),
        Some("rid-create-1")
    );
    let session = out.payment_session().expect("paymentSession decoded");
    assert_eq!(session.payment_session_id, SESSION_ID);
    assert_eq!(session.payment_manager_arn, MANAGER_ARN);
    assert_eq!(session.user_id, "user-42");
    assert_eq!(session.expiry_time_in_minutes, 60);
    assert_eq!(session.created_at, date("2025-01-02T03:04:05Z"));
    assert_eq!(session.updated_at, date("2025-01-02T03:10:00.5Z"));
    assert_eq!(session.limits, Some(limits_100_usd()));
    let available = session
        .available_limits
        .as_ref()
        .expect("availableLimits decoded");
    let spend = available
        .available_spend_amount
        .as_ref()
        .expect("availableSpendAmount decoded");
    assert_eq!(spend.value, "75.50");
    assert_eq!(spend.currency, Currency::Usd);
    assert_eq!(available.updated_at, Some(date("2025-01-02T03:10:00.5Z")));
}

#[tokio::test]
async fn create_payment_session_minimal_input_sends_only_set_members_and_a_uuid_token() {
    let server =
        serve(|_| Reply::json(201, json!({"paymentSession": session_json(SESSION_ID)}))).await;
    bedrock(&server)
        .create_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .expiry_time_in_minutes(15)
        .send()
        .await
        .expect("CreatePaymentSession succeeds");

    let req = only_request(&server);
    assert_bedrock_request(&req, "/payments/createPaymentSession");
    assert_eq!(req.header(USER_ID_HEADER), None, "unset header not sent");
    assert_eq!(req.header(AGENT_NAME_HEADER), None, "unset header not sent");
    let body = req.body_json().expect("JSON body");
    let token = body
        .get("clientToken")
        .and_then(Value::as_str)
        .expect("clientToken filled in")
        .to_owned();
    let parsed = uuid::Uuid::parse_str(&token).expect("clientToken is a UUID");
    assert_eq!(parsed.get_version_num(), 4, "clientToken is a UUIDv4");
    assert_json_eq(
        &req.body,
        json!({
            "paymentManagerArn": MANAGER_ARN,
            "expiryTimeInMinutes": 15,
            "clientToken": token
        }),
    );
}

#[tokio::test]
async fn every_call_gets_its_own_idempotency_token() {
    let server =
        serve(|_| Reply::json(201, json!({"paymentSession": session_json(SESSION_ID)}))).await;
    let client = bedrock(&server);
    for _ in 0..2 {
        client
            .create_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .expiry_time_in_minutes(30)
            .send()
            .await
            .expect("CreatePaymentSession succeeds");
    }
    let tokens: Vec<String> = server
        .requests()
        .iter()
        .map(|r| {
            r.body_json().expect("JSON body")["clientToken"]
                .as_str()
                .expect("clientToken sent")
                .to_owned()
        })
        .collect();
    assert_eq!(tokens.len(), 2);
    assert_ne!(tokens[0], tokens[1], "two calls, two tokens");
}

#[tokio::test]
async fn configured_idempotency_token_provider_fills_the_token() {
    let server =
        serve(|_| Reply::json(201, json!({"paymentSession": session_json(SESSION_ID)}))).await;
    let config = bedrock_config(&server)
        .idempotency_token_provider(IdempotencyTokenProvider::fixed(CLIENT_TOKEN))
        .build();
    bedrockagentcore::Client::from_conf(config)
        .create_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .expiry_time_in_minutes(480)
        .send()
        .await
        .expect("CreatePaymentSession succeeds");
    let req = only_request(&server);
    assert_json_eq(
        &req.body,
        json!({
            "paymentManagerArn": MANAGER_ARN,
            "expiryTimeInMinutes": 480,
            "clientToken": CLIENT_TOKEN
        }),
    );
}

#[tokio::test]
async fn get_payment_session_request_and_output() {
    let mut session = session_json(SESSION_ID);
    // Optional members absent, and a currency this client does not know.
    if let Some(obj) = session.as_object_mut() {
        obj.remove("availableLimits");
        obj.insert(
            "limits".into(),
            json!({"maxSpendAmount": {"value": "9.99", "currency": "EUR"}}),
        );
    }
    let server = serve(move |_| Reply::json(200, json!({"paymentSession": session.clone()}))).await;
    let out = bedrock(&server)
        .get_payment_session()
        .user_id("user-42")
        .payment_manager_arn(MANAGER_ARN)
        .payment_session_id(SESSION_ID)
        .send()
        .await
        .expect("GetPaymentSession succeeds");

    let req = only_request(&server);
    assert_bedrock_request(&req, "/payments/getPaymentSession");
    assert_eq!(req.header(USER_ID_HEADER), Some("user-42"));
    assert_eq!(req.header(AGENT_NAME_HEADER), None);
    assert_json_eq(
        &req.body,
        json!({"paymentManagerArn": MANAGER_ARN, "paymentSessionId": SESSION_ID}),
    );

    let session = out.payment_session().expect("paymentSession decoded");
    assert_eq!(session.payment_session_id, SESSION_ID);
    assert_eq!(session.available_limits, None);
    let max = session
        .limits
        .as_ref()
        .and_then(|l| l.max_spend_amount.as_ref())
        .expect("limits.maxSpendAmount decoded");
    assert_eq!(max.value, "9.99");
    assert_eq!(max.currency, Currency::Unknown("EUR".into()));
    assert_eq!(max.currency.as_str(), "EUR");
    assert_eq!(session.created_at, date("2025-01-02T03:04:05Z"));
}

#[tokio::test]
async fn list_payment_sessions_request_and_output() {
    let server = serve(|_| {
        Reply::json(
            200,
            json!({
                "paymentSessions": [summary_json(SESSION_ID, 60), summary_json(SESSION_ID_2, 120)],
                "nextToken": "page-2-token"
            }),
        )
    })
    .await;
    let out = bedrock(&server)
        .list_payment_sessions()
        .agent_name("reporting")
        .payment_manager_arn(MANAGER_ARN)
        .max_results(2)
        .next_token("page-1-token")
        .send()
        .await
        .expect("ListPaymentSessions succeeds");

    let req = only_request(&server);
    assert_bedrock_request(&req, "/payments/listPaymentSessions");
    assert_eq!(req.header(AGENT_NAME_HEADER), Some("reporting"));
    assert_eq!(req.header(USER_ID_HEADER), None);
    assert_json_eq(
        &req.body,
        json!({"paymentManagerArn": MANAGER_ARN, "maxResults": 2, "nextToken": "page-1-token"}),
    );

    assert_eq!(out.next_token(), Some("page-2-token"));
    let sessions = out.payment_sessions();
    assert_eq!(sessions.len(), 2);
    let first: &PaymentSessionSummary = &sessions[0];
    assert_eq!(first.payment_session_id, SESSION_ID);
    assert_eq!(first.payment_manager_arn, MANAGER_ARN);
    assert_eq!(first.user_id, "user-42");
    assert_eq!(first.expiry_time_in_minutes, 60);
    assert_eq!(first.created_at, date("2025-01-02T03:04:05Z"));
    assert_eq!(first.updated_at, date("2025-01-02T04:05:06Z"));
    assert_eq!(sessions[1].payment_session_id, SESSION_ID_2);
    assert_eq!(sessions[1].expiry_time_in_minutes, 120);
}

// ---------------------------------------------------------------------------------------------
// Modeled errors
// ---------------------------------------------------------------------------------------------

/// Where the error response puts the error code (all three are allowed by restJson1).
#[derive(Clone, Copy, Debug)]
enum CodeIn {
    /// `X-Amzn-ErrorType: Code:http://internal.amazon.com/...` (with the suffix to strip).
    Header,
    /// `"__type": "com.amazonaws.bedrockagentcore#Code"` in the body.
    TypeField,
    /// `"code": "Code"` in the body.
    CodeField,
}

use CodeIn::{CodeField, Header, TypeField};

/// One modeled error as the service would return it.
struct ErrorCase {
    status: u16,
    code: &'static str,
    code_in: CodeIn,
    message: &'static str,
}

impl ErrorCase {
    const fn new(status: u16, code: &'static str, code_in: CodeIn, message: &'static str) -> Self {
        ErrorCase {
            status,
            code,
            code_in,
            message,
        }
    }
}

const REQUEST_ID: &str = "7c0c4a5e-0000-4d1b-9f7e-errorcase01";

fn error_reply(case: &ErrorCase) -> Reply {
    let mut body = json!({"message": case.message});
    if case.code == "ValidationException" {
        body["reason"] = json!("FieldValidationFailed");
        body["fieldList"] = json!([
            {"name": "expiryTimeInMinutes", "message": "must be at least 15"},
            {"name": "paymentManagerArn", "message": "unknown payment manager"}
        ]);
    }
    let reply = match case.code_in {
        CodeIn::Header => Reply::json(case.status, body).header(
            "X-Amzn-ErrorType",
            &format!(
                "{}:http://internal.amazon.com/coral/com.amazon.coral.validate/",
                case.code
            ),
        ),
        CodeIn::TypeField => {
            body["__type"] = json!(format!("com.amazonaws.bedrockagentcore#{}", case.code));
            Reply::json(case.status, body)
        }
        CodeIn::CodeField => {
            body["code"] = json!(case.code);
            Reply::json(case.status, body)
        }
    };
    reply.header("x-amzn-requestid", REQUEST_ID)
}

fn no_retries(server: &TestServer) -> bedrockagentcore::Client {
    bedrockagentcore::Client::from_conf(
        bedrock_config(server)
            .retry_config(RetryConfig::disabled())
            .build(),
    )
}

/// Checks everything an operation error shows: metadata, `ProvideErrorMetadata`, the
/// operation error's `Display` and the runtime's `Report` of the `SdkError`.
#[track_caller]
fn assert_error_surface<E>(
    operation: &str,
    case: &ErrorCase,
    sdk_err: &SdkError<E, sdk_runtime::types::HttpResponse>,
    err: &E,
) where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    assert_meta(
        err.meta(),
        Some(case.code),
        Some(case.message),
        case.status,
        Some(REQUEST_ID),
    );
    assert_eq!(err.code(), Some(case.code));
    assert_eq!(err.message(), Some(case.message));
    let expected = format!(
        "{operation} failed: HTTP {} {}: {} (request id {REQUEST_ID})",
        case.status, case.code, case.message
    );
    assert_eq!(err.to_string(), expected);
    assert_eq!(sdk_runtime::error::report(sdk_err), expected);
    let context = sdk_runtime::DisplayErrorContext(sdk_err).to_string();
    assert!(context.contains(&expected), "{context}");
}

#[track_caller]
fn assert_validation_exception(e: &bedrockagentcore::types::error::ValidationException) {
    assert_eq!(e.message, "bad input");
    assert_eq!(e.reason, ValidationExceptionReason::FieldValidationFailed);
    let fields = e.field_list();
    assert_eq!(fields.len(), 2);
    assert_eq!(fields[0].name, "expiryTimeInMinutes");
    assert_eq!(fields[0].message, "must be at least 15");
    assert_eq!(fields[1].name, "paymentManagerArn");
    assert_eq!(fields[1].message, "unknown payment manager");
}

#[tokio::test]
async fn create_payment_session_modeled_errors() {
    let cases = [
        ErrorCase::new(403, "AccessDeniedException", Header, "not allowed"),
        ErrorCase::new(409, "ConflictException", TypeField, "session exists"),
        ErrorCase::new(500, "InternalServerException", CodeField, "oops"),
        ErrorCase::new(402, "ServiceQuotaExceededException", Header, "quota"),
        ErrorCase::new(429, "ThrottlingException", TypeField, "slow down"),
        ErrorCase::new(400, "ValidationException", Header, "bad input"),
    ];
    for case in &cases {
        let reply = error_reply(case);
        let server = serve(move |_| reply.clone()).await;
        let sdk_err = no_retries(&server)
            .create_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .expiry_time_in_minutes(60)
            .send()
            .await
            .expect_err("the service returns an error");
        assert_eq!(server.request_count(), 1, "{}: retries are off", case.code);
        let (err, status) = service_error_ref(&sdk_err);
        assert_eq!(status, case.status);
        assert_error_surface("CreatePaymentSession", case, &sdk_err, err);
        use CreatePaymentSessionError as E;
        match (case.code, err) {
            ("AccessDeniedException", E::AccessDeniedException(e)) => {
                assert_eq!(e.message(), Some(case.message));
                assert!(err.is_access_denied_exception());
            }
            ("ConflictException", E::ConflictException(e)) => {
                assert_eq!(e.message(), Some(case.message));
                assert!(err.is_conflict_exception());
            }
            ("InternalServerException", E::InternalServerException(e)) => {
                assert_eq!(e.message(), Some(case.message));
                assert!(err.is_internal_server_exception());
            }
            ("ServiceQuotaExceededException", E::ServiceQuotaExceededException(e)) => {
                assert_eq!(e.message(), Some(case.message));
                assert!(err.is_service_quota_exceeded_exception());
            }
            ("ThrottlingException", E::ThrottlingException(e)) => {
                assert_eq!(e.message(), Some(case.message));
                assert!(err.is_throttling_exception());
            }
            ("ValidationException", E::ValidationException(e)) => {
                assert_validation_exception(e);
                assert!(err.is_validation_exception());
            }
            (code, other) => panic!("{code}: decoded as {other:?}"),
        }
    }
}

#[tokio::test]
async fn get_payment_session_modeled_errors() {
    let cases = [
        ErrorCase::new(403, "AccessDeniedException", TypeField, "not allowed"),
        ErrorCase::new(500, "InternalServerException", Header, "oops"),
        ErrorCase::new(404, "ResourceNotFoundException", Header, "no such session"),
        ErrorCase::new(429, "ThrottlingException", CodeField, "slow down"),
        ErrorCase::new(400, "ValidationException", TypeField, "bad input"),
    ];
    for case in &cases {
        let reply = error_reply(case);
        let server = serve(move |_| reply.clone()).await;
        let sdk_err = no_retries(&server)
            .get_payment_session()
            .payment_manager_arn(MANAGER_ARN)
            .payment_session_id(SESSION_ID)
            .send()
            .await
            .expect_err("the service returns an error");
        assert_eq!(server.request_count(), 1, "{}: retries are off", case.code);
        let (err, status) = service_error_ref(&sdk_err);
        assert_eq!(status, case.status);
        assert_error_surface("GetPaymentSession", case, &sdk_err, err);
        use GetPaymentSessionError as E;
        match (case.code, err) {
            ("AccessDeniedException", E::AccessDeniedException(e)) => {
                assert_eq!(e.message(), Some(case.message));
            }
            ("InternalServerException", E::InternalServerException(e)) => {
                assert_eq!(e.message(), Some(case.message));
            }
            ("ResourceNotFoundException", E::ResourceNotFoundException(e)) => {
                assert_eq!(e.message(), Some(case.message));
                assert!(err.is_resource_not_found_exception());
            }
            ("ThrottlingException", E::ThrottlingException(e)) => {
                assert_eq!(e.message(), Some(case.message));
            }
            ("ValidationException", E::ValidationException(e)) => assert_validation_exception(e),
            (code, other) => panic!("{code}: decoded as {other:?}"),
        }
    }
}

#[tokio::test]
async fn list_payment_sessions_modeled_errors() {
    let cases = [
        ErrorCase::new(403, "AccessDeniedException", CodeField, "not allowed"),
        ErrorCase::new(500, "InternalServerException", TypeField, "oops"),
        ErrorCase::new(429, "ThrottlingException", Header, "slow down"),
        ErrorCase::new(400, "ValidationException", CodeField, "bad input"),
    ];
    for case in &cases {
        let reply = error_reply(case);
        let server = serve(move |_| reply.clone()).await;
        let sdk_err = no_retries(&server)
            .list_payment_sessions()
            .payment_manager_arn(MANAGER_ARN)
            .send()
            .await
            .expect_err("the service returns an error");
        assert_eq!(server.request_count(), 1, "{}: retries are off", case.code);
        let (err, status) = service_error_ref(&sdk_err);
        assert_eq!(status, case.status);
        assert_error_surface("ListPaymentSessions", case, &sdk_err, err);
        use ListPaymentSessionsError as E;
        match (case.code, err) {
            ("AccessDeniedException", E::AccessDeniedException(e)) => {
                assert_eq!(e.message(), Some(case.message));
            }
            ("InternalServerException", E::InternalServerException(e)) => {
                assert_eq!(e.message(), Some(case.message));
            }
            ("ThrottlingException", E::ThrottlingException(e)) => {
                assert_eq!(e.message(), Some(case.message));
            }
            ("ValidationException", E::ValidationException(e)) => assert_validation_exception(e),
            (code, other) => panic!("{code}: decoded as {other:?}"),
        }
    }
}

#[tokio::test]
async fn unknown_error_code_becomes_unhandled_keeping_code_message_status_and_request_id() {
    let server = serve(|_| {
        Reply::json(400, json!({"message": "the card on file expired"}))
            .header("X-Amzn-ErrorType", "PaymentInstrumentExpiredException")
            .header("x-amzn-requestid", "rid-unknown-1")
    })
    .await;
    let sdk_err = no_retries(&server)
        .get_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .payment_session_id(SESSION_ID)
        .send()
        .await
        .expect_err("the service returns an error");
    let (err, status) = service_error_ref(&sdk_err);
    assert_eq!(status, 400);
    let GetPaymentSessionError::Unhandled(unhandled) = err else {
        panic!("expected Unhandled, got {err:?}")
    };
    assert_meta(
        unhandled.meta(),
        Some("PaymentInstrumentExpiredException"),
        Some("the card on file expired"),
        400,
        Some("rid-unknown-1"),
    );
    assert_eq!(err.code(), Some("PaymentInstrumentExpiredException"));
    assert_eq!(
        err.to_string(),
        "GetPaymentSession failed: HTTP 400 PaymentInstrumentExpiredException: \
         the card on file expired (request id rid-unknown-1)"
    );
}

#[tokio::test]
async fn error_without_any_code_is_unhandled_with_its_status() {
    let server = serve(|_| Reply::text(502, "<html>bad gateway</html>")).await;
    let sdk_err = no_retries(&server)
        .list_payment_sessions()
        .payment_manager_arn(MANAGER_ARN)
        .send()
        .await
        .expect_err("the service returns an error");
    let (err, status) = service_error_ref(&sdk_err);
    assert_eq!(status, 502);
    assert!(
        matches!(err, ListPaymentSessionsError::Unhandled(_)),
        "{err:?}"
    );
    assert_meta(err.meta(), None, None, 502, None);
    assert_eq!(
        err.to_string(),
        "ListPaymentSessions failed: HTTP 502 unhandled error"
    );
}

#[tokio::test]
async fn modeled_error_with_a_body_of_the_wrong_shape_is_unhandled_with_a_source() {
    let server = serve(|_| {
        Reply::json(
            400,
            json!({"message": "bad input", "fieldList": "not a list"}),
        )
        .header("X-Amzn-ErrorType", "ValidationException")
    })
    .await;
    let sdk_err = no_retries(&server)
        .list_payment_sessions()
        .payment_manager_arn(MANAGER_ARN)
        .send()
        .await
        .expect_err("the service returns an error");
    let (err, _) = service_error_ref(&sdk_err);
    let ListPaymentSessionsError::Unhandled(unhandled) = err else {
        panic!("expected Unhandled, got {err:?}")
    };
    assert_eq!(unhandled.meta().code(), Some("ValidationException"));
    assert!(
        std::error::Error::source(unhandled).is_some(),
        "the decode error is kept as the source"
    );
}

// ---------------------------------------------------------------------------------------------
// Refused before sending
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn header_value_with_crlf_is_refused_before_sending() {
    let server = serve(|_| Reply::status(500)).await;
    let err = bedrock(&server)
        .create_payment_session()
        .user_id("alice\r\nX-Injected: yes")
        .payment_manager_arn(MANAGER_ARN)
        .expiry_time_in_minutes(60)
        .send()
        .await
        .expect_err("a header value with CR LF is refused");
    let text = construction_failure(&err);
    assert!(
        text.contains(&USER_ID_HEADER.to_ascii_lowercase()) || text.contains(USER_ID_HEADER),
        "the error names the header: {text}"
    );
    assert!(text.contains("CR or LF"), "the error says why: {text}");
    assert_eq!(server.request_count(), 0, "nothing was sent");
    assert_eq!(server.connection_count(), 0, "no connection was opened");
}

#[tokio::test]
async fn out_of_range_member_is_refused_before_sending_naming_member_and_constraint() {
    let server = serve(|_| Reply::status(500)).await;
    let err = bedrock(&server)
        .create_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .expiry_time_in_minutes(10)
        .send()
        .await
        .expect_err("expiryTimeInMinutes = 10 is refused");
    let text = construction_failure(&err);
    assert!(text.contains("CreatePaymentSession"), "{text}");
    assert!(text.contains("expiryTimeInMinutes = 10"), "{text}");
    assert!(text.contains("15..=480"), "{text}");
    let validation = std::error::Error::source(&err)
        .and_then(|s| s.downcast_ref::<sdk_runtime::ValidationError>())
        .expect("the source is a ValidationError");
    assert_eq!(validation.operation(), "CreatePaymentSession");
    let [violation] = validation.violations() else {
        panic!("one violation expected: {validation:?}")
    };
    assert_eq!(violation.member_path, "expiryTimeInMinutes");
    assert_eq!(violation.kind, ConstraintKind::Range);
    assert_eq!(server.request_count(), 0, "nothing was sent");
}

#[tokio::test]
async fn every_violation_is_reported_at_once() {
    let server = serve(|_| Reply::status(500)).await;
    let err = bedrock(&server)
        .create_payment_session()
        .payment_manager_arn("arn:aws:s3:::not-a-payment-manager")
        .expiry_time_in_minutes(481)
        .client_token("short")
        .send()
        .await
        .expect_err("invalid input is refused");
    let validation = std::error::Error::source(&err)
        .and_then(|s| s.downcast_ref::<sdk_runtime::ValidationError>())
        .expect("the source is a ValidationError");
    let members: Vec<(&str, ConstraintKind)> = validation
        .violations()
        .iter()
        .map(|v| (v.member_path.as_str(), v.kind))
        .collect();
    for expected in [
        ("paymentManagerArn", ConstraintKind::Length),
        ("paymentManagerArn", ConstraintKind::Pattern),
        ("expiryTimeInMinutes", ConstraintKind::Range),
        ("clientToken", ConstraintKind::Length),
    ] {
        assert!(
            members.contains(&expected),
            "{expected:?} missing in {members:?}"
        );
    }
    assert_eq!(server.request_count(), 0, "nothing was sent");
}

#[tokio::test]
async fn missing_required_member_is_refused_before_sending() {
    let server = serve(|_| Reply::status(500)).await;
    let err = bedrock(&server)
        .create_payment_session()
        .expiry_time_in_minutes(60)
        .send()
        .await
        .expect_err("paymentManagerArn is required");
    let text = construction_failure(&err);
    assert!(text.contains("paymentManagerArn"), "{text}");
    assert_eq!(server.request_count(), 0, "nothing was sent");
}

#[tokio::test]
async fn with_validation_off_the_same_input_is_sent() {
    let server = serve(|_| {
        Reply::json(
            400,
            json!({
                "message": "expiryTimeInMinutes must be between 15 and 480",
                "reason": "FieldValidationFailed",
                "fieldList": [{"name": "expiryTimeInMinutes", "message": "must be at least 15"}]
            }),
        )
        .header("X-Amzn-ErrorType", "ValidationException")
    })
    .await;
    let config = bedrock_config(&server)
        .validation(false)
        .idempotency_token_provider(IdempotencyTokenProvider::fixed(CLIENT_TOKEN))
        .build();
    let err = bedrockagentcore::Client::from_conf(config)
        .create_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .expiry_time_in_minutes(10)
        .send()
        .await
        .expect_err("the service refuses the input");
    let req = only_request(&server);
    assert_json_eq(
        &req.body,
        json!({"paymentManagerArn": MANAGER_ARN, "expiryTimeInMinutes": 10, "clientToken": CLIENT_TOKEN}),
    );
    let (err, status) = service_error(err);
    assert_eq!(status, 400);
    let CreatePaymentSessionError::ValidationException(e) = err else {
        panic!("expected ValidationException, got {err:?}")
    };
    assert_eq!(e.reason, ValidationExceptionReason::FieldValidationFailed);
    assert_eq!(e.field_list().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Paginator
// ---------------------------------------------------------------------------------------------

/// A server holding five sessions, served two per page with `nextToken`s `t1`, `t2`.
async fn paging_server() -> TestServer {
    serve(|req| {
        let body = req.body_json().unwrap_or_default();
        let (items, next) = match body.get("nextToken").and_then(Value::as_str) {
            None => (
                vec![
                    summary_json("payment-session-page1item00000a", 15),
                    summary_json("payment-session-page1item00000b", 16),
                ],
                Some("t1"),
            ),
            Some("t1") => (
                vec![
                    summary_json("payment-session-page2item00000a", 17),
                    summary_json("payment-session-page2item00000b", 18),
                ],
                Some("t2"),
            ),
            Some("t2") => (
                vec![summary_json("payment-session-page3item00000a", 19)],
                None,
            ),
            Some(other) => {
                return Reply::json(
                    400,
                    json!({"message": format!("bad token {other}"), "reason": "CannotParse"}),
                )
                .header("X-Amzn-ErrorType", "ValidationException");
            }
        };
        let mut page = json!({"paymentSessions": items});
        if let Some(next) = next {
            page["nextToken"] = json!(next);
        }
        Reply::json(200, page)
    })
    .await
}

#[tokio::test]
async fn paginator_walks_three_pages() {
    let server = paging_server().await;
    let pages: Vec<ListPaymentSessionsOutput> = tokio::time::timeout(
        Duration::from_secs(10),
        bedrock(&server)
            .list_payment_sessions()
            .payment_manager_arn(MANAGER_ARN)
            .user_id("user-42")
            .into_paginator()
            .page_size(2)
            .send()
            .try_collect(),
    )
    .await
    .expect("the paginator ends")
    .expect("every page succeeds");
    assert_eq!(pages.len(), 3);
    let lens: Vec<usize> = pages.iter().map(|p| p.payment_sessions().len()).collect();
    assert_eq!(lens, [2, 2, 1]);
    assert_eq!(pages[2].next_token(), None);

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let bodies: Vec<Value> = requests
        .iter()
        .map(|r| r.body_json().expect("JSON body"))
        .collect();
    assert_eq!(
        bodies[0],
        json!({"paymentManagerArn": MANAGER_ARN, "maxResults": 2})
    );
    assert_eq!(
        bodies[1],
        json!({"paymentManagerArn": MANAGER_ARN, "maxResults": 2, "nextToken": "t1"})
    );
    assert_eq!(
        bodies[2],
        json!({"paymentManagerArn": MANAGER_ARN, "maxResults": 2, "nextToken": "t2"})
    );
    for req in &requests {
        assert_bedrock_request(req, "/payments/listPaymentSessions");
        assert_eq!(req.header(USER_ID_HEADER), Some("user-42"));
    }
}

#[tokio::test]
async fn paginator_items_flatten_the_pages() {
    let server = paging_server().await;
    let mut items = bedrock(&server)
        .list_payment_sessions()
        .payment_manager_arn(MANAGER_ARN)
        .into_paginator()
        .items()
        .send();
    let mut ids = Vec::new();
    let mut minutes = Vec::new();
    while let Some(item) = tokio::time::timeout(Duration::from_secs(5), items.next())
        .await
        .expect("the next item arrives")
    {
        let item = item.expect("every page succeeds");
        ids.push(item.payment_session_id.clone());
        minutes.push(item.expiry_time_in_minutes);
    }
    assert_eq!(
        ids,
        [
            "payment-session-page1item00000a",
            "payment-session-page1item00000b",
            "payment-session-page2item00000a",
            "payment-session-page2item00000b",
            "payment-session-page3item00000a"
        ]
    );
    assert_eq!(minutes, [15, 16, 17, 18, 19]);
    assert_eq!(server.request_count(), 3);
}

#[tokio::test]
async fn paginator_stops_on_a_repeated_token() {
    let server = serve(|_| {
        Reply::json(
            200,
            json!({"paymentSessions": [summary_json(SESSION_ID, 60)], "nextToken": "stuck"}),
        )
    })
    .await;
    let pages = tokio::time::timeout(
        Duration::from_secs(10),
        bedrock(&server)
            .list_payment_sessions()
            .payment_manager_arn(MANAGER_ARN)
            .into_paginator()
            .send()
            .try_collect(),
    )
    .await
    .expect("the paginator does not loop forever")
    .expect("every page succeeds");
    assert_eq!(
        pages.len(),
        2,
        "the page answering token `stuck` with `stuck` is the last"
    );
    let tokens: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| {
            r.body_json().ok().and_then(|b| {
                b.get("nextToken")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
        })
        .collect();
    assert_eq!(tokens, [None, Some("stuck".to_owned())]);
}

#[tokio::test]
async fn paginator_ends_after_an_error() {
    let server = serve(|req| {
        let body = req.body_json().unwrap_or_default();
        match body.get("nextToken").and_then(Value::as_str) {
            None => Reply::json(
                200,
                json!({"paymentSessions": [summary_json(SESSION_ID, 60)], "nextToken": "t1"}),
            ),
            Some(_) => Reply::json(403, json!({"message": "no more for you"}))
                .header("X-Amzn-ErrorType", "AccessDeniedException"),
        }
    })
    .await;
    let mut pages = bedrock(&server)
        .list_payment_sessions()
        .payment_manager_arn(MANAGER_ARN)
        .into_paginator()
        .send();
    let first = pages.next().await.expect("a first page");
    assert_eq!(first.expect("page 1 succeeds").payment_sessions().len(), 1);
    let second = pages.next().await.expect("a second element");
    let (err, status) = service_error(second.expect_err("page 2 fails"));
    assert_eq!(status, 403);
    assert!(err.is_access_denied_exception(), "{err:?}");
    assert!(
        pages.next().await.is_none(),
        "the stream ends after the error"
    );
    assert_eq!(server.request_count(), 2);
}
