//! End-to-end tests of the generated `billforward` client (plain REST + JSON, optional bearer
//! token) against a real HTTP server on 127.0.0.1.
//!
//! The expected requests are derived from `models/billforward/`: restJson1 binding rules without
//! AWS headers or signing. `StartUsageSession` / `StopUsageSession` `POST` their
//! `CompoundUsageSession` as the whole body (`@httpPayload`); the two `GET` operations bind
//! `subscriptionId` to the path (`@httpLabel`) and `organizations` (repeated key), `offset`,
//! `records`, `order_by`, `order` to the query (`@httpQuery`); timestamps are `date-time` strings.
//! Every non-2xx response carries a `BFError` body.

mod common;

use std::time::Duration;

use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::retry::RetryConfig;
use billforward::operation::get_active_sessions_for_subscription::GetActiveSessionsForSubscriptionError;
use billforward::operation::get_usage_list_for_usage_session::GetUsageListForUsageSessionError;
use billforward::operation::start_usage_session::StartUsageSessionError;
use billforward::operation::stop_usage_session::StopUsageSessionError;
use billforward::types::error::BfError;
use billforward::types::{
    BfErrorType, CompoundUsageSession, Order, UsageSession, UsageSessionState,
};
use common::*;
use serde_json::{Value, json};
use workspace_tests::{RecordedRequest, Reply, TestServer, assert_json_eq};

const SUBSCRIPTION: &str = "SUB-5A2B1C3D-0000-4E5F-9A8B-7C6D5E4F3A2B";

/// A complete `UsageSession` as the service returns it.
fn usage_session_json(session_id: &str, ix: i32) -> Value {
    json!({
        "created": "2025-05-06T07:08:09Z",
        "changedBy": "api-user",
        "organizationID": "ORG-1",
        "subscriptionID": SUBSCRIPTION,
        "sessionID": session_id,
        "pricingComponentID": "PC-CPU",
        "pricingComponentName": "CPU hours",
        "uom": "hour",
        "description": "nightly batch",
        "sessionix": ix,
        "start": "2025-05-06T07:00:00Z",
        "stop": "2025-05-06T08:30:00.250Z",
        "state": "Historic",
        "uduration": 5400250
    })
}

fn paged(results: Vec<Value>, offset: i32, requested: i32) -> Value {
    json!({
        "nextPage": format!("/usage-sessions/{SUBSCRIPTION}?offset={}&records={requested}", offset + requested),
        "currentPage": if requested > 0 { offset / requested } else { 0 },
        "currentOffset": offset,
        "recordsRequested": requested,
        "recordsReturned": results.len(),
        "executionTime": 1234,
        "results": results
    })
}

fn compound_input() -> CompoundUsageSession {
    let session = UsageSession::builder()
        .subscription_id(SUBSCRIPTION)
        .session_id("SESSION-1")
        .pricing_component_id("PC-CPU")
        .pricing_component_name("CPU hours")
        .uom("hour")
        .description("nightly batch")
        .start(date("2025-05-06T07:00:00Z"))
        .state(UsageSessionState::Active)
        .build()
        .expect("usage session has its required members");
    CompoundUsageSession::builder()
        .created(date("2025-05-06T07:08:09Z"))
        .changed_by("api-user")
        .organization_id("ORG-1")
        .usage_sessions(session)
        .build()
        .expect("compound session has its required members")
}

/// The wire form of [`compound_input`].
fn compound_input_json() -> Value {
    json!({
        "created": "2025-05-06T07:08:09Z",
        "changedBy": "api-user",
        "organizationID": "ORG-1",
        "usageSessions": [{
            "subscriptionID": SUBSCRIPTION,
            "sessionID": "SESSION-1",
            "pricingComponentID": "PC-CPU",
            "pricingComponentName": "CPU hours",
            "uom": "hour",
            "description": "nightly batch",
            "start": "2025-05-06T07:00:00Z",
            "state": "Active"
        }]
    })
}

/// Asserts every member of the usage session made by [`usage_session_json`].
#[track_caller]
fn assert_usage_session(s: &UsageSession, session_id: &str, ix: i32) {
    assert_eq!(s.created, Some(date("2025-05-06T07:08:09Z")));
    assert_eq!(s.changed_by.as_deref(), Some("api-user"));
    assert_eq!(s.organization_id.as_deref(), Some("ORG-1"));
    assert_eq!(s.subscription_id, SUBSCRIPTION);
    assert_eq!(s.session_id, session_id);
    assert_eq!(s.pricing_component_id, "PC-CPU");
    assert_eq!(s.pricing_component_name, "CPU hours");
    assert_eq!(s.uom, "hour");
    assert_eq!(s.description.as_deref(), Some("nightly batch"));
    assert_eq!(s.sessionix, Some(ix));
    assert_eq!(s.start, Some(date("2025-05-06T07:00:00Z")));
    assert_eq!(s.stop, Some(date("2025-05-06T08:30:00.250Z")));
    assert_eq!(s.state, Some(UsageSessionState::Historic));
    assert_eq!(s.uduration, Some(5_400_250));
}

/// Asserts the parts every BillForward request shares: no AWS headers, no signature.
#[track_caller]
fn assert_plain_request(req: &RecordedRequest, method: &str, path: &str) {
    assert_eq!(req.method, method);
    assert_eq!(req.path, path);
    for aws_header in [
        "x-amz-date",
        "x-amz-user-agent",
        "amz-sdk-invocation-id",
        "x-amz-target",
    ] {
        assert_eq!(req.header(aws_header), None, "{aws_header} is not sent");
    }
}

#[tokio::test]
async fn start_usage_session_request_and_output() {
    let server =
        serve(|_| Reply::json(200, paged(vec![usage_session_json("SESSION-1", 0)], 0, 10))).await;
    let out = billforward(&server)
        .start_usage_session()
        .usage_sessions(compound_input())
        .send()
        .await
        .expect("StartUsageSession succeeds");

    let req = only_request(&server);
    assert_plain_request(&req, "POST", "/usage-sessions/start");
    assert_eq!(req.raw_query, None);
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.header("authorization"), None, "no token configured");
    assert_json_eq(&req.body, compound_input_json());

    assert_eq!(
        out.next_page(),
        Some(format!("/usage-sessions/{SUBSCRIPTION}?offset=10&records=10").as_str())
    );
    assert_eq!(out.current_page(), Some(0));
    assert_eq!(out.current_offset(), Some(0));
    assert_eq!(out.records_requested(), Some(10));
    assert_eq!(out.records_returned(), Some(1));
    assert_eq!(out.execution_time(), Some(1234));
    let [session] = out.results() else {
        panic!("one result expected: {out:?}")
    };
    assert_usage_session(session, "SESSION-1", 0);
}

#[tokio::test]
async fn stop_usage_session_with_bearer_token_and_sparse_metadata() {
    // The metadata fields marked required in the Swagger definition are missing here, as the
    // real service sometimes does.
    let server = serve(|_| {
        Reply::json(
            200,
            json!({"results": [usage_session_json("SESSION-1", 3)]}),
        )
    })
    .await;
    let config = billforward_config(&server)
        .bearer_token("bf-token-123")
        .build();
    let out = billforward::Client::from_conf(config)
        .stop_usage_session()
        .usage_sessions(compound_input())
        .send()
        .await
        .expect("StopUsageSession succeeds");

    let req = only_request(&server);
    assert_plain_request(&req, "POST", "/usage-sessions/stop");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.header("authorization"), Some("Bearer bf-token-123"));
    assert_json_eq(&req.body, compound_input_json());

    assert_eq!(out.next_page(), None);
    assert_eq!(out.current_page(), None);
    assert_eq!(out.records_returned(), None);
    assert_eq!(out.execution_time(), None);
    assert_eq!(out.results().len(), 1);
    assert_usage_session(&out.results()[0], "SESSION-1", 3);
}

#[tokio::test]
async fn get_active_sessions_for_subscription_request_and_output() {
    let server =
        serve(|_| Reply::json(200, paged(vec![usage_session_json("SESSION-7", 7)], 10, 5))).await;
    let out = billforward(&server)
        .get_active_sessions_for_subscription()
        .subscription_id(SUBSCRIPTION)
        .organizations("ORG-1".to_owned())
        .organizations("ORG 2/β".to_owned())
        .offset(10)
        .records(5)
        .order_by("updated")
        .order(Order::Desc)
        .send()
        .await
        .expect("GetActiveSessionsForSubscription succeeds");

    let req = only_request(&server);
    assert_plain_request(
        &req,
        "GET",
        &format!("/usage-sessions/{SUBSCRIPTION}/active"),
    );
    assert_eq!(
        req.raw_query.as_deref(),
        Some(
            "organizations=ORG-1&organizations=ORG%202%2F%CE%B2&offset=10&records=5&order_by=updated&order=DESC"
        )
    );
    assert_eq!(req.query_params("organizations"), ["ORG-1", "ORG 2/β"]);
    assert!(req.body.is_empty(), "a GET has no body");
    assert_eq!(req.header("authorization"), None);

    assert_eq!(out.current_offset(), Some(10));
    assert_eq!(out.current_page(), Some(2));
    assert_eq!(out.records_requested(), Some(5));
    assert_eq!(out.records_returned(), Some(1));
    assert_usage_session(&out.results()[0], "SESSION-7", 7);
}

#[tokio::test]
async fn get_usage_list_for_usage_session_sends_no_unset_defaults() {
    let server = serve(|_| Reply::json(200, json!({"results": []}))).await;
    let out = billforward(&server)
        .get_usage_list_for_usage_session()
        .subscription_id(SUBSCRIPTION)
        .send()
        .await
        .expect("GetUsageListForUsageSession succeeds");
    let req = only_request(&server);
    assert_plain_request(&req, "GET", &format!("/usage-sessions/{SUBSCRIPTION}"));
    // offset, records, order_by and order have service defaults: unset means not sent.
    assert_eq!(req.raw_query, None);
    assert!(req.body.is_empty());
    assert!(out.results().is_empty());
}

#[tokio::test]
async fn get_usage_list_for_usage_session_with_query_and_token() {
    let server =
        serve(|_| Reply::json(200, paged(vec![usage_session_json("SESSION-2", 1)], 0, 1))).await;
    let client =
        billforward::Client::from_conf(billforward_config(&server).bearer_token("tok").build());
    let out = client
        .get_usage_list_for_usage_session()
        .subscription_id(SUBSCRIPTION)
        .organizations("ORG-1".to_owned())
        .records(1)
        .order(Order::Asc)
        .send()
        .await
        .expect("GetUsageListForUsageSession succeeds");
    let req = only_request(&server);
    assert_plain_request(&req, "GET", &format!("/usage-sessions/{SUBSCRIPTION}"));
    assert_eq!(
        req.raw_query.as_deref(),
        Some("organizations=ORG-1&records=1&order=ASC")
    );
    assert_eq!(req.header("authorization"), Some("Bearer tok"));
    assert_usage_session(&out.results()[0], "SESSION-2", 1);
}

#[tokio::test]
async fn subscription_id_is_one_percent_encoded_path_segment() {
    let server = serve(|_| Reply::json(200, json!({"results": []}))).await;
    let client = billforward(&server);
    client
        .get_active_sessions_for_subscription()
        .subscription_id("../admin?x=1#y")
        .send()
        .await
        .expect("the call succeeds");
    client
        .get_usage_list_for_usage_session()
        .subscription_id("sub 1/é%2F")
        .send()
        .await
        .expect("the call succeeds");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].path,
        "/usage-sessions/..%2Fadmin%3Fx%3D1%23y/active"
    );
    assert_eq!(
        requests[0].raw_query, None,
        "`?` in a label starts no query"
    );
    assert_eq!(requests[1].path, "/usage-sessions/sub%201%2F%C3%A9%252F");
    assert_eq!(requests[1].raw_query, None);
}

#[tokio::test]
async fn dot_segment_label_is_refused_before_sending() {
    let server = serve(|_| Reply::json(200, json!({"results": []}))).await;
    let client = billforward(&server);
    for bad in ["..", ".", ""] {
        let err = client
            .get_active_sessions_for_subscription()
            .subscription_id(bad)
            .send()
            .await
            .expect_err("the label is refused");
        let text = construction_failure(&err);
        assert!(text.contains("subscriptionId"), "{bad:?}: {text}");
    }
    assert_eq!(server.request_count(), 0, "nothing was sent");
}

#[tokio::test]
async fn missing_required_members_are_refused_before_sending() {
    let server = serve(|_| Reply::json(200, json!({"results": []}))).await;
    let client = billforward(&server);
    let err = client
        .get_usage_list_for_usage_session()
        .send()
        .await
        .expect_err("subscriptionId is required");
    assert!(construction_failure(&err).contains("subscriptionId"));
    let err = client
        .start_usage_session()
        .send()
        .await
        .expect_err("usageSessions is required");
    assert!(construction_failure(&err).contains("usageSessions"));
    assert_eq!(server.request_count(), 0, "nothing was sent");
}

// ---------------------------------------------------------------------------------------------
// Errors: every non-2xx response is a BFError
// ---------------------------------------------------------------------------------------------

/// One error response of the service.
struct BfCase {
    status: u16,
    error_type: &'static str,
    message: &'static str,
    parameters: &'static [&'static str],
}

const BF_CASES: &[BfCase] = &[
    BfCase {
        status: 400,
        error_type: "ValidationError",
        message: "subscriptionID is invalid",
        parameters: &["subscriptionID"],
    },
    BfCase {
        status: 401,
        error_type: "Oauth",
        message: "Invalid access token",
        parameters: &[],
    },
    BfCase {
        status: 404,
        error_type: "NoSuchEntity",
        message: "No subscription with that ID",
        parameters: &["id"],
    },
    BfCase {
        status: 500,
        error_type: "ServerError",
        message: "Internal failure",
        parameters: &[],
    },
    // A type this client does not know is still a BFError, its type kept as `Unknown`.
    BfCase {
        status: 409,
        error_type: "BrandNewError",
        message: "Something new",
        parameters: &[],
    },
];

fn bf_reply(case: &BfCase) -> Reply {
    Reply::json(
        case.status,
        json!({
            "errorType": case.error_type,
            "errorMessage": case.message,
            "errorCode": 0,
            "errorParameters": case.parameters
        }),
    )
}

fn no_retries(server: &TestServer) -> billforward::Client {
    billforward::Client::from_conf(
        billforward_config(server)
            .retry_config(RetryConfig::disabled())
            .build(),
    )
}

/// Checks the decoded `BFError`, the metadata and the `Display` of the operation error.
#[track_caller]
fn assert_bf_error<E>(operation: &str, case: &BfCase, err: &E, bf: &BfError)
where
    E: ProvideErrorMetadata + std::fmt::Display,
{
    let expected_type = case
        .error_type
        .parse::<BfErrorType>()
        .unwrap_or_else(|e| match e {});
    assert_eq!(bf.error_type(), Some(&expected_type));
    assert_eq!(
        bf.error_type().map(BfErrorType::as_str),
        Some(case.error_type)
    );
    assert_eq!(bf.error_message(), Some(case.message));
    assert_eq!(bf.error_code(), Some(0));
    assert_eq!(bf.error_parameters(), case.parameters);
    assert_meta(
        err.meta(),
        Some(case.error_type),
        Some(case.message),
        case.status,
        None,
    );
    assert_eq!(err.code(), Some(case.error_type));
    assert_eq!(err.message(), Some(case.message));
    assert_eq!(
        err.to_string(),
        format!(
            "{operation} failed: HTTP {} {}: {}",
            case.status, case.error_type, case.message
        )
    );
}

#[tokio::test]
async fn every_operation_decodes_bf_errors() {
    for case in BF_CASES {
        let reply = bf_reply(case);
        let server = serve(move |_| reply.clone()).await;
        let client = no_retries(&server);

        let err = client
            .start_usage_session()
            .usage_sessions(compound_input())
            .send()
            .await
            .expect_err("error");
        let (err, status) = service_error(err);
        assert_eq!(status, case.status);
        let StartUsageSessionError::BfError(bf) = &err else {
            panic!("BfError expected, got {err:?}")
        };
        assert!(err.is_bf_error());
        assert_bf_error("StartUsageSession", case, &err, bf);

        let err = client
            .stop_usage_session()
            .usage_sessions(compound_input())
            .send()
            .await
            .expect_err("error");
        let (err, _) = service_error(err);
        let StopUsageSessionError::BfError(bf) = &err else {
            panic!("BfError expected, got {err:?}")
        };
        assert_bf_error("StopUsageSession", case, &err, bf);

        let err = client
            .get_active_sessions_for_subscription()
            .subscription_id(SUBSCRIPTION)
            .send()
            .await
            .expect_err("error");
        let (err, _) = service_error(err);
        let GetActiveSessionsForSubscriptionError::BfError(bf) = &err else {
            panic!("BfError expected, got {err:?}")
        };
        assert_bf_error("GetActiveSessionsForSubscription", case, &err, bf);

        let err = client
            .get_usage_list_for_usage_session()
            .subscription_id(SUBSCRIPTION)
            .send()
            .await
            .expect_err("error");
        let (err, _) = service_error(err);
        let GetUsageListForUsageSessionError::BfError(bf) = &err else {
            panic!("BfError expected, got {err:?}")
        };
        assert_bf_error("GetUsageListForUsageSession", case, &err, bf);

        assert_eq!(
            server.request_count(),
            4,
            "{}: one request per call",
            case.error_type
        );
    }
}

#[tokio::test]
async fn non_json_error_body_is_unhandled_keeping_the_status() {
    let server = serve(|_| {
        Reply::bytes(
            502,
            "text/html",
            "<html><body>502 Bad Gateway</body></html>",
        )
        .header("x-amzn-requestid", "edge-1")
    })
    .await;
    let err = no_retries(&server)
        .get_usage_list_for_usage_session()
        .subscription_id(SUBSCRIPTION)
        .send()
        .await
        .expect_err("error");
    let (err, status) = service_error(err);
    assert_eq!(status, 502);
    let GetUsageListForUsageSessionError::Unhandled(unhandled) = &err else {
        panic!("Unhandled expected, got {err:?}")
    };
    assert_meta(unhandled.meta(), None, None, 502, Some("edge-1"));
    assert_eq!(
        err.to_string(),
        "GetUsageListForUsageSession failed: HTTP 502 unhandled error (request id edge-1)"
    );
}

// ---------------------------------------------------------------------------------------------
// Offset paginators
// ---------------------------------------------------------------------------------------------

/// Serves `total` usage sessions by `offset` / `records` (default page 8766, as the service).
async fn offset_server(total: usize) -> TestServer {
    serve(move |req| {
        let offset: usize = req
            .query_param("offset")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let records: usize = req
            .query_param("records")
            .and_then(|v| v.parse().ok())
            .unwrap_or(8766);
        let results: Vec<Value> = (offset..total.min(offset.saturating_add(records)))
            .map(|i| usage_session_json(&format!("SESSION-{i}"), i32::try_from(i).unwrap_or(-1)))
            .collect();
        Reply::json(
            200,
            paged(
                results,
                i32::try_from(offset).unwrap_or(-1),
                i32::try_from(records).unwrap_or(-1),
            ),
        )
    })
    .await
}

#[tokio::test]
async fn usage_list_paginator_advances_offset_and_stops_on_a_short_page() {
    let server = offset_server(5).await;
    let pages = tokio::time::timeout(
        Duration::from_secs(10),
        billforward(&server)
            .get_usage_list_for_usage_session()
            .subscription_id(SUBSCRIPTION)
            .order(Order::Desc)
            .into_paginator()
            .page_size(2)
            .send()
            .try_collect(),
    )
    .await
    .expect("the paginator ends")
    .expect("every page succeeds");
    let lens: Vec<usize> = pages.iter().map(|p| p.results().len()).collect();
    assert_eq!(lens, [2, 2, 1], "the short third page is the last");
    let queries: Vec<Option<String>> = server.requests().into_iter().map(|r| r.raw_query).collect();
    assert_eq!(
        queries,
        [
            Some("records=2&order=DESC".to_owned()),
            Some("offset=2&records=2&order=DESC".to_owned()),
            Some("offset=4&records=2&order=DESC".to_owned()),
        ]
    );
    for req in server.requests() {
        assert_plain_request(&req, "GET", &format!("/usage-sessions/{SUBSCRIPTION}"));
    }
}

#[tokio::test]
async fn usage_list_paginator_items() {
    let server = offset_server(5).await;
    let items = tokio::time::timeout(
        Duration::from_secs(10),
        billforward(&server)
            .get_usage_list_for_usage_session()
            .subscription_id(SUBSCRIPTION)
            .into_paginator()
            .page_size(2)
            .items()
            .send()
            .collect::<Vec<_>>(),
    )
    .await
    .expect("the paginator ends");
    let ids: Vec<String> = items
        .into_iter()
        .map(|i| i.expect("every page succeeds").session_id)
        .collect();
    assert_eq!(
        ids,
        [
            "SESSION-0",
            "SESSION-1",
            "SESSION-2",
            "SESSION-3",
            "SESSION-4"
        ]
    );
    assert_eq!(server.request_count(), 3);
}

#[tokio::test]
async fn active_sessions_paginator_stops_on_an_empty_page() {
    let server = offset_server(4).await;
    let pages = tokio::time::timeout(
        Duration::from_secs(10),
        billforward(&server)
            .get_active_sessions_for_subscription()
            .subscription_id(SUBSCRIPTION)
            .into_paginator()
            .page_size(2)
            .send()
            .try_collect(),
    )
    .await
    .expect("the paginator ends")
    .expect("every page succeeds");
    let lens: Vec<usize> = pages.iter().map(|p| p.results().len()).collect();
    assert_eq!(lens, [2, 2, 0]);
    let offsets: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.query_param("offset").map(str::to_owned))
        .collect();
    assert_eq!(offsets, [None, Some("2".to_owned()), Some("4".to_owned())]);
    for req in server.requests() {
        assert_plain_request(
            &req,
            "GET",
            &format!("/usage-sessions/{SUBSCRIPTION}/active"),
        );
    }
}

#[tokio::test]
async fn paginator_starts_from_a_given_offset() {
    let server = offset_server(7).await;
    let items = billforward(&server)
        .get_active_sessions_for_subscription()
        .subscription_id(SUBSCRIPTION)
        .offset(3)
        .into_paginator()
        .page_size(3)
        .items()
        .send()
        .collect::<Vec<_>>()
        .await;
    let ids: Vec<String> = items
        .into_iter()
        .map(|i| i.expect("every page succeeds").session_id)
        .collect();
    assert_eq!(ids, ["SESSION-3", "SESSION-4", "SESSION-5", "SESSION-6"]);
    let offsets: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.query_param("offset").map(str::to_owned))
        .collect();
    assert_eq!(offsets, [Some("3".to_owned()), Some("6".to_owned())]);
}
