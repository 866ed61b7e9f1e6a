//! End-to-end tests of the generated `partnercentralaccount` client (awsJson1_0 + SigV4) against
//! a real HTTP server on 127.0.0.1.
//!
//! The expected requests are derived from `models/partnercentral-account/`: awsJson1_0 sends
//! `POST /` with `Content-Type: application/x-amz-json-1.0` and
//! `X-Amz-Target: PartnerCentralAccount.ListConnections`, the input members as a JSON body under
//! their model names (PascalCase here); timestamps are `date-time` strings (`@timestampFormat`).
//! Errors come back with their `@httpError` status and a `__type` naming the shape.

mod common;

use std::time::Duration;

use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::retry::{ErrorKind, RetryConfig};
use common::*;
use partnercentralaccount::operation::list_connections::{
    ListConnectionsError, ListConnectionsOutput,
};
use partnercentralaccount::types::{
    AccessDeniedExceptionReason, BusinessValidationCode, ConnectionType, ConnectionTypeStatus,
    FieldValidationCode, Participant, ValidationError, ValidationExceptionReason,
};
use serde_json::{Value, json};
use workspace_tests::{RecordedRequest, Reply, TestServer, assert_json_eq};

const CONNECTION_ID: &str = "pac-AbCdEf1234567";
const CONNECTION_ID_2: &str = "pac-ZyXwVu7654321";
const AMZ_JSON: &str = "application/x-amz-json-1.0";

fn connection_arn(id: &str) -> String {
    format!("arn:aws:partnercentral:us-east-1::catalog/AWS/connection/{id}")
}

/// A `ConnectionSummary` as the service returns it: one connection type per participant kind.
fn connection_json(id: &str) -> Value {
    json!({
        "Catalog": "AWS",
        "Id": id,
        "Arn": connection_arn(id),
        "OtherParticipantAccountId": "123456789012",
        "UpdatedAt": "2025-04-05T06:07:08Z",
        "ConnectionTypes": {
            "OPPORTUNITY_COLLABORATION": {
                "Status": "ACTIVE",
                "OtherParticipant": {
                    "PartnerProfile": {"Id": "pprofile-AbCdEf1234567", "Name": "Example Partner"}
                }
            },
            "SUBSIDIARY": {
                "Status": "CANCELED",
                "OtherParticipant": {"Account": {"Name": "Example Subsidiary"}}
            }
        }
    })
}

fn amz_json(status: u16, body: Value) -> Reply {
    Reply::json(status, body).set_header("Content-Type", AMZ_JSON)
}

/// Asserts what every ListConnections request shares: `POST /`, no query, awsJson1_0 headers and
/// a valid SigV4 signature.
#[track_caller]
fn assert_list_connections_request(req: &RecordedRequest) {
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/");
    assert_eq!(req.raw_query, None);
    assert_eq!(req.header("content-type"), Some(AMZ_JSON));
    assert_eq!(
        req.header("x-amz-target"),
        Some("PartnerCentralAccount.ListConnections")
    );
    assert!(req.header("x-amz-date").is_some());
    assert_signed(req, PCA_SIGNING_NAME);
}

#[tokio::test]
async fn list_connections_request_and_output() {
    let server = serve(|_| {
        amz_json(
            200,
            json!({
                "ConnectionSummaries": [connection_json(CONNECTION_ID)],
                "NextToken": "next-page"
            }),
        )
        .header("x-amzn-requestid", "rid-pca-1")
    })
    .await;
    let out = pca(&server)
        .list_connections()
        .catalog("AWS")
        .next_token("this-page")
        .connection_type("OPPORTUNITY_COLLABORATION")
        .max_results(50)
        .other_participant_identifiers("123456789012".to_owned())
        .other_participant_identifiers("pprofile-AbCdEf1234567".to_owned())
        .send()
        .await
        .expect("ListConnections succeeds");

    let req = only_request(&server);
    assert_list_connections_request(&req);
    assert_json_eq(
        &req.body,
        json!({
            "Catalog": "AWS",
            "NextToken": "this-page",
            "ConnectionType": "OPPORTUNITY_COLLABORATION",
            "MaxResults": 50,
            "OtherParticipantIdentifiers": ["123456789012", "pprofile-AbCdEf1234567"]
        }),
    );

    assert_eq!(out.next_token(), Some("next-page"));
    let [summary] = out.connection_summaries() else {
        panic!("one summary expected: {out:?}")
    };
    assert_eq!(summary.catalog, "AWS");
    assert_eq!(summary.id, CONNECTION_ID);
    assert_eq!(summary.arn, connection_arn(CONNECTION_ID));
    assert_eq!(summary.other_participant_account_id, "123456789012");
    assert_eq!(summary.updated_at, date("2025-04-05T06:07:08Z"));
    let types = &summary.connection_types;
    assert_eq!(types.len(), 2);
    let collab = &types[&ConnectionType::OpportunityCollaboration];
    assert_eq!(collab.status, ConnectionTypeStatus::Active);
    let Some(Participant::PartnerProfile(profile)) = &collab.other_participant else {
        panic!("PartnerProfile expected: {collab:?}")
    };
    assert_eq!(profile.id, "pprofile-AbCdEf1234567");
    assert_eq!(profile.name, "Example Partner");
    let subsidiary = &types[&ConnectionType::Subsidiary];
    assert_eq!(subsidiary.status, ConnectionTypeStatus::Canceled);
    let Some(Participant::Account(account)) = &subsidiary.other_participant else {
        panic!("Account expected: {subsidiary:?}")
    };
    assert_eq!(account.name, "Example Subsidiary");
}

#[tokio::test]
async fn list_connections_minimal_input_does_not_send_defaults() {
    let server = serve(|_| amz_json(200, json!({"ConnectionSummaries": []}))).await;
    let out = pca(&server)
        .list_connections()
        .catalog("Sandbox")
        .send()
        .await
        .expect("ListConnections succeeds");
    let req = only_request(&server);
    assert_list_connections_request(&req);
    // MaxResults has `@default(20)`: an unset member is left to the service, not sent.
    assert_json_eq(&req.body, json!({"Catalog": "Sandbox"}));
    assert!(out.connection_summaries().is_empty());
    assert_eq!(out.next_token(), None);
}

#[tokio::test]
async fn unknown_union_member_and_enum_value_are_kept() {
    let mut summary = connection_json(CONNECTION_ID);
    summary["ConnectionTypes"] = json!({
        "FUTURE_TYPE": {
            "Status": "PENDING",
            "OtherParticipant": {"SomethingNew": {"Id": "x"}}
        },
        "SUBSIDIARY": {
            "Status": "ACTIVE",
            "OtherParticipant": {"SellerProfile": {"Id": "seller-1", "Name": "Seller"}}
        }
    });
    let server =
        serve(move |_| amz_json(200, json!({"ConnectionSummaries": [summary.clone()]}))).await;
    let out = pca(&server)
        .list_connections()
        .catalog("AWS")
        .send()
        .await
        .expect("ListConnections succeeds");
    let types = &out.connection_summaries()[0].connection_types;
    let future = &types[&ConnectionType::from("FUTURE_TYPE")];
    assert_eq!(
        future.status,
        ConnectionTypeStatus::Unknown("PENDING".into())
    );
    assert!(
        matches!(future.other_participant, Some(Participant::Unknown)),
        "{future:?}"
    );
    let Some(Participant::SellerProfile(seller)) =
        &types[&ConnectionType::Subsidiary].other_participant
    else {
        panic!("SellerProfile expected")
    };
    assert_eq!(seller.id, "seller-1");
    assert_eq!(seller.name, "Seller");
}

// ---------------------------------------------------------------------------------------------
// Modeled errors
// ---------------------------------------------------------------------------------------------

const REQUEST_ID: &str = "b2f1c0de-0000-4a4a-8c8c-pcaerror0001";

fn no_retries(server: &TestServer) -> partnercentralaccount::Client {
    partnercentralaccount::Client::from_conf(
        pca_config(server)
            .retry_config(RetryConfig::disabled())
            .build(),
    )
}

/// Calls ListConnections against a server that always answers `status` with `body`.
async fn list_connections_error(
    status: u16,
    body: Value,
) -> (
    sdk_runtime::types::SdkError<ListConnectionsError, sdk_runtime::types::HttpResponse>,
    TestServer,
) {
    let server =
        serve(move |_| amz_json(status, body.clone()).header("x-amzn-requestid", REQUEST_ID)).await;
    let err = no_retries(&server)
        .list_connections()
        .catalog("AWS")
        .send()
        .await
        .expect_err("the service returns an error");
    assert_eq!(server.request_count(), 1, "retries are off");
    (err, server)
}

/// Checks metadata, `ProvideErrorMetadata`, the operation error's `Display` and the `Report`.
#[track_caller]
fn assert_error_surface(
    sdk_err: &sdk_runtime::types::SdkError<ListConnectionsError, sdk_runtime::types::HttpResponse>,
    status: u16,
    code: &str,
    message: &str,
) {
    let (err, received_status) = service_error_ref(sdk_err);
    assert_eq!(received_status, status);
    assert_meta(
        err.meta(),
        Some(code),
        Some(message),
        status,
        Some(REQUEST_ID),
    );
    assert_eq!(err.code(), Some(code));
    assert_eq!(err.message(), Some(message));
    let expected = format!(
        "ListConnections failed: HTTP {status} {code}: {message} (request id {REQUEST_ID})"
    );
    assert_eq!(err.to_string(), expected);
    assert_eq!(sdk_runtime::error::report(sdk_err), expected);
}

#[tokio::test]
async fn access_denied_exception() {
    let (sdk_err, _server) = list_connections_error(
        403,
        json!({
            "__type": "com.amazonaws.partnercentralaccount#AccessDeniedException",
            "Message": "You are not allowed to list connections",
            "Reason": "INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE"
        }),
    )
    .await;
    assert_error_surface(
        &sdk_err,
        403,
        "AccessDeniedException",
        "You are not allowed to list connections",
    );
    let (err, _) = service_error(sdk_err);
    assert!(err.is_access_denied_exception());
    assert_eq!(err.retryable_error_kind(), None);
    let ListConnectionsError::AccessDeniedException(e) = err else {
        panic!("AccessDeniedException expected, got {err:?}")
    };
    assert_eq!(e.message, "You are not allowed to list connections");
    assert_eq!(
        e.reason,
        AccessDeniedExceptionReason::IncompatibleBenefitAwsPartnerState
    );
}

#[tokio::test]
async fn internal_server_exception() {
    let (sdk_err, _server) = list_connections_error(
        500,
        json!({
            "__type": "com.amazonaws.partnercentralaccount#InternalServerException",
            "Message": "Something went wrong"
        }),
    )
    .await;
    assert_error_surface(
        &sdk_err,
        500,
        "InternalServerException",
        "Something went wrong",
    );
    let (err, _) = service_error(sdk_err);
    // `@retryable` without `throttling`.
    assert_eq!(err.retryable_error_kind(), Some(ErrorKind::TransientError));
    let ListConnectionsError::InternalServerException(e) = err else {
        panic!("InternalServerException expected, got {err:?}")
    };
    assert_eq!(e.message, "Something went wrong");
}

#[tokio::test]
async fn throttling_exception() {
    let (sdk_err, _server) = list_connections_error(
        429,
        json!({
            "__type": "com.amazonaws.partnercentralaccount#ThrottlingException",
            "Message": "Rate exceeded",
            "ServiceCode": "partnercentral-account",
            "QuotaCode": "L-12345678"
        }),
    )
    .await;
    assert_error_surface(&sdk_err, 429, "ThrottlingException", "Rate exceeded");
    let (err, _) = service_error(sdk_err);
    assert!(err.is_throttling_exception());
    assert!(err.retryable_error_kind().is_some(), "`@retryable`");
    let ListConnectionsError::ThrottlingException(e) = err else {
        panic!("ThrottlingException expected, got {err:?}")
    };
    assert_eq!(e.message, "Rate exceeded");
    assert_eq!(e.service_code(), Some("partnercentral-account"));
    assert_eq!(e.quota_code(), Some("L-12345678"));
}

#[tokio::test]
async fn validation_exception_with_union_details() {
    let (sdk_err, _server) = list_connections_error(
        400,
        json!({
            "__type": "com.amazonaws.partnercentralaccount#ValidationException",
            "Message": "The request is invalid",
            "Reason": "REQUEST_VALIDATION_FAILED",
            "ErrorDetails": [
                {"FieldValidationError": {"Name": "Catalog", "Message": "Unknown catalog", "Code": "INVALID_VALUE"}},
                {"BusinessValidationError": {"Message": "Domain mismatch", "Code": "INCOMPATIBLE_DOMAIN"}}
            ]
        }),
    )
    .await;
    assert_error_surface(
        &sdk_err,
        400,
        "ValidationException",
        "The request is invalid",
    );
    let (err, _) = service_error(sdk_err);
    assert!(err.is_validation_exception());
    let ListConnectionsError::ValidationException(e) = err else {
        panic!("ValidationException expected, got {err:?}")
    };
    assert_eq!(e.message, "The request is invalid");
    assert_eq!(e.reason, ValidationExceptionReason::RequestValidationFailed);
    let [field, business] = e.error_details() else {
        panic!("two details expected: {e:?}")
    };
    let ValidationError::FieldValidationError(field) = field else {
        panic!("FieldValidationError expected: {field:?}")
    };
    assert_eq!(field.name, "Catalog");
    assert_eq!(field.message, "Unknown catalog");
    assert_eq!(field.code, FieldValidationCode::InvalidValue);
    let ValidationError::BusinessValidationError(business) = business else {
        panic!("BusinessValidationError expected: {business:?}")
    };
    assert_eq!(business.message, "Domain mismatch");
    assert_eq!(business.code, BusinessValidationCode::IncompatibleDomain);
}

#[tokio::test]
async fn error_code_from_header_and_with_suffix() {
    // The header wins over the body, and `:...` suffixes are dropped.
    let server = serve(|_| {
        amz_json(
            400,
            json!({"__type": "SomethingElse", "Message": "bad", "Reason": "BUSINESS_VALIDATION_FAILED"}),
        )
        .header(
            "X-Amzn-ErrorType",
            "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        )
    })
    .await;
    let err = no_retries(&server)
        .list_connections()
        .catalog("AWS")
        .send()
        .await
        .expect_err("the service returns an error");
    let (err, _) = service_error(err);
    let ListConnectionsError::ValidationException(e) = err else {
        panic!("ValidationException expected, got {err:?}")
    };
    assert_eq!(
        e.reason,
        ValidationExceptionReason::BusinessValidationFailed
    );
    assert!(e.error_details().is_empty());
}

#[tokio::test]
async fn unknown_error_code_becomes_unhandled() {
    let (sdk_err, _server) = list_connections_error(
        409,
        json!({
            "__type": "com.amazonaws.partnercentralaccount#ConflictException",
            "Message": "Already connected"
        }),
    )
    .await;
    assert_error_surface(&sdk_err, 409, "ConflictException", "Already connected");
    let (err, _) = service_error(sdk_err);
    let ListConnectionsError::Unhandled(unhandled) = &err else {
        panic!("Unhandled expected, got {err:?}")
    };
    assert_meta(
        unhandled.meta(),
        Some("ConflictException"),
        Some("Already connected"),
        409,
        Some(REQUEST_ID),
    );
}

// ---------------------------------------------------------------------------------------------
// Client-side validation
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let server = serve(|_| amz_json(200, json!({"ConnectionSummaries": []}))).await;
    let err = pca(&server)
        .list_connections()
        .catalog("AWS catalog!")
        .max_results(101)
        .send()
        .await
        .expect_err("invalid input is refused");
    let text = construction_failure(&err);
    assert!(text.contains("Catalog"), "{text}");
    assert!(text.contains("MaxResults = 101"), "{text}");
    assert!(text.contains("1..=100"), "{text}");
    assert_eq!(server.request_count(), 0, "nothing was sent");

    let err = pca(&server)
        .list_connections()
        .send()
        .await
        .expect_err("Catalog is required");
    assert!(construction_failure(&err).contains("Catalog"));
    assert_eq!(server.request_count(), 0, "nothing was sent");
}

// ---------------------------------------------------------------------------------------------
// Paginator
// ---------------------------------------------------------------------------------------------

async fn paging_server() -> TestServer {
    serve(|req| {
        let body = req.body_json().unwrap_or_default();
        let (ids, next): (Vec<String>, Option<&str>) =
            match body.get("NextToken").and_then(Value::as_str) {
                None => (
                    vec!["pac-page1item000a".into(), "pac-page1item000b".into()],
                    Some("p2"),
                ),
                Some("p2") => (
                    vec!["pac-page2item000a".into(), "pac-page2item000b".into()],
                    Some("p3"),
                ),
                Some("p3") => (vec!["pac-page3item000a".into()], None),
                Some(other) => {
                    return amz_json(
                        400,
                        json!({
                            "__type": "com.amazonaws.partnercentralaccount#ValidationException",
                            "Message": format!("bad token {other}"),
                            "Reason": "REQUEST_VALIDATION_FAILED"
                        }),
                    );
                }
            };
        let items: Vec<Value> = ids.iter().map(|id| connection_json(id)).collect();
        let mut page = json!({"ConnectionSummaries": items});
        if let Some(next) = next {
            page["NextToken"] = json!(next);
        }
        amz_json(200, page)
    })
    .await
}

#[tokio::test]
async fn paginator_walks_three_pages() {
    let server = paging_server().await;
    let pages: Vec<ListConnectionsOutput> = tokio::time::timeout(
        Duration::from_secs(10),
        pca(&server)
            .list_connections()
            .catalog("AWS")
            .into_paginator()
            .page_size(2)
            .send()
            .try_collect(),
    )
    .await
    .expect("the paginator ends")
    .expect("every page succeeds");
    let lens: Vec<usize> = pages
        .iter()
        .map(|p| p.connection_summaries().len())
        .collect();
    assert_eq!(lens, [2, 2, 1]);
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let bodies: Vec<Value> = requests
        .iter()
        .map(|r| r.body_json().expect("JSON body"))
        .collect();
    assert_eq!(
        bodies,
        [
            json!({"Catalog": "AWS", "MaxResults": 2}),
            json!({"Catalog": "AWS", "MaxResults": 2, "NextToken": "p2"}),
            json!({"Catalog": "AWS", "MaxResults": 2, "NextToken": "p3"}),
        ]
    );
    for req in &requests {
        assert_list_connections_request(req);
    }
}

#[tokio::test]
async fn paginator_items_flatten_the_pages() {
    let server = paging_server().await;
    let items: Vec<_> = tokio::time::timeout(
        Duration::from_secs(10),
        pca(&server)
            .list_connections()
            .catalog("AWS")
            .into_paginator()
            .items()
            .send()
            .collect::<Vec<_>>(),
    )
    .await
    .expect("the paginator ends");
    let ids: Vec<String> = items
        .into_iter()
        .map(|item| item.expect("every page succeeds").id)
        .collect();
    assert_eq!(
        ids,
        [
            "pac-page1item000a",
            "pac-page1item000b",
            "pac-page2item000a",
            "pac-page2item000b",
            "pac-page3item000a"
        ]
    );
    assert_eq!(server.request_count(), 3);
}

#[tokio::test]
async fn paginator_stops_on_a_repeated_token() {
    let server = serve(|_| {
        amz_json(
            200,
            json!({"ConnectionSummaries": [connection_json(CONNECTION_ID_2)], "NextToken": "again"}),
        )
    })
    .await;
    let pages = tokio::time::timeout(
        Duration::from_secs(10),
        pca(&server)
            .list_connections()
            .catalog("AWS")
            .into_paginator()
            .send()
            .try_collect(),
    )
    .await
    .expect("the paginator does not loop forever")
    .expect("every page succeeds");
    assert_eq!(pages.len(), 2);
    let tokens: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| {
            r.body_json().ok().and_then(|b| {
                b.get("NextToken")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
        })
        .collect();
    assert_eq!(tokens, [None, Some("again".to_owned())]);
}
