//! End-to-end tests of protocol features that real AWS models use beyond the seed services, through
//! the crate generated from `tests/fixtures/open-world` (awsJson1_1, awsQueryCompatible, SigV4 with
//! `@auth([])`, `@optionalAuth` and `@httpApiKeyAuth` operations, map-typed and nested pagination
//! tokens) against a real HTTP server on 127.0.0.1.

mod common;

use std::collections::HashMap;

use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use common::*;
use fixture_open_world::operation::list_entries::ListEntriesOutput;
use fixture_open_world::operation::login::LoginError;
use fixture_open_world::types::KeyValue;
use fixture_open_world::{Client, Config};
use serde_json::{Value, json};
use workspace_tests::{RecordedRequest, Reply, TestServer};

const AMZ_JSON_1_1: &str = "application/x-amz-json-1.1";
const SIGNING_NAME: &str = "ledger";

fn amz_json(status: u16, body: Value) -> Reply {
    Reply::json(status, body).set_header("Content-Type", AMZ_JSON_1_1)
}

/// A config aimed at `server` with neither credentials nor an API key.
fn anonymous_config(server: &TestServer) -> fixture_open_world::config::Builder {
    Config::builder()
        .endpoint_url(server.url())
        .region(sdk_runtime::types::Region::from_static(REGION))
        .http_client(http_client())
        .retry_config(fast_retries())
}

fn signed_client(server: &TestServer) -> Client {
    Client::from_conf(
        anonymous_config(server)
            .credentials_provider(credentials())
            .build(),
    )
}

#[track_caller]
fn assert_rpc_request(req: &RecordedRequest, operation: &str) {
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/");
    assert_eq!(req.header("content-type"), Some(AMZ_JSON_1_1));
    let target = format!("Ledger_2024.{operation}");
    assert_eq!(req.header("x-amz-target"), Some(target.as_str()));
    // awsQueryCompatible: every request says so, and the header is covered by the signature.
    assert_eq!(req.header("x-amzn-query-mode"), Some("true"));
}

#[tokio::test]
async fn aws_json_1_1_requests_carry_the_1_1_content_type_and_are_signed() {
    let server = serve(|_| amz_json(200, json!({"name": "main"}))).await;
    let out = signed_client(&server).describe().send().await.unwrap();
    assert_eq!(out.name(), Some("main"));
    let req = only_request(&server);
    assert_rpc_request(&req, "Describe");
    assert_eq!(req.body_json().unwrap(), json!({}));
    assert_signed(&req, SIGNING_NAME);
    let signed = req.header("authorization").unwrap_or_default();
    assert!(signed.contains("x-amzn-query-mode"), "{signed}");
}

#[tokio::test]
async fn auth_empty_operation_is_sent_unsigned_without_credentials() {
    let server = serve(|_| amz_json(200, json!({"token": "t-123"}))).await;
    let client = Client::from_conf(anonymous_config(&server).build());
    let out = client
        .login()
        .user("ada")
        .password("hunter2")
        .send()
        .await
        .unwrap();
    assert_eq!(out.token(), Some("t-123"));
    let req = only_request(&server);
    assert_rpc_request(&req, "Login");
    assert_eq!(req.header("authorization"), None);
    assert_eq!(req.header("x-amz-date"), None);
    assert_eq!(
        req.body_json().unwrap(),
        json!({"user": "ada", "password": "hunter2"})
    );

    // With credentials configured the operation is still unsigned: the model says `@auth([])`.
    let server = serve(|_| amz_json(200, json!({"token": "t-456"}))).await;
    signed_client(&server)
        .login()
        .user("ada")
        .password("hunter2")
        .send()
        .await
        .unwrap();
    assert_eq!(only_request(&server).header("authorization"), None);
}

#[tokio::test]
async fn signed_operations_still_need_credentials() {
    let server = serve(|_| amz_json(200, json!({}))).await;
    let client = Client::from_conf(anonymous_config(&server).build());
    let err = client.list_books().send().await.unwrap_err();
    let report = sdk_runtime::Report(&err).to_string();
    assert!(
        report.contains("no credentials provider configured"),
        "{report}"
    );
    assert_eq!(server.request_count(), 0, "nothing is sent unsigned");
}

#[tokio::test]
async fn optional_auth_signs_when_it_can_and_sends_unsigned_otherwise() {
    let server = serve(|_| amz_json(200, json!({"name": "main"}))).await;
    Client::from_conf(anonymous_config(&server).build())
        .describe()
        .send()
        .await
        .unwrap();
    assert_eq!(only_request(&server).header("authorization"), None);

    let server = serve(|_| amz_json(200, json!({"name": "main"}))).await;
    signed_client(&server).describe().send().await.unwrap();
    assert_signed(&only_request(&server), SIGNING_NAME);
}

#[tokio::test]
async fn api_key_operation_sends_the_key_header_instead_of_a_signature() {
    let server = serve(|_| amz_json(200, json!({"url": "https://x.example/e"}))).await;
    let client = Client::from_conf(
        anonymous_config(&server)
            .credentials_provider(credentials())
            .api_key("k-secret")
            .build(),
    );
    let out = client.export().format("csv").send().await.unwrap();
    assert_eq!(out.url(), Some("https://x.example/e"));
    let req = only_request(&server);
    assert_eq!(req.header("x-api-key").map(str::trim), Some("k-secret"));
    assert_eq!(req.header("authorization"), None);

    let server = serve(|_| amz_json(200, json!({}))).await;
    let err = Client::from_conf(anonymous_config(&server).build())
        .export()
        .send()
        .await
        .unwrap_err();
    let report = sdk_runtime::Report(&err).to_string();
    assert!(report.contains("no API key configured"), "{report}");
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn query_compatible_error_is_the_modeled_variant_with_the_query_code() {
    let server = serve(|_| {
        amz_json(
            403,
            json!({"__type": "com.example.ledger#BadCredentialsError", "message": "nope"}),
        )
        .header("x-amzn-query-error", "InvalidClientTokenId;Sender")
    })
    .await;
    let err = Client::from_conf(anonymous_config(&server).build())
        .login()
        .user("ada")
        .password("wrong")
        .send()
        .await
        .unwrap_err();
    let (error, status) = service_error(err);
    assert_eq!(status, 403);
    let LoginError::BadCredentialsError(e) = &error else {
        panic!("expected BadCredentialsError, got {error:?}");
    };
    assert_eq!(e.message(), Some("nope"));
    assert_eq!(error.code(), Some("InvalidClientTokenId"));
    assert_eq!(error.meta().extra("type"), Some("Sender"));

    // Without `__type`, the `@awsQueryError` code alone selects the modeled error (a service-level
    // error here, which every operation can return).
    let server = serve(|_| {
        amz_json(400, json!({"message": "slow down"}))
            .header("x-amzn-query-error", "Throttling;Sender")
    })
    .await;
    let err = Client::from_conf(
        anonymous_config(&server)
            .retry_config(sdk_runtime::types::RetryConfig::disabled())
            .build(),
    )
    .login()
    .user("ada")
    .password("x")
    .send()
    .await
    .unwrap_err();
    let (error, _) = service_error(err);
    assert!(error.is_throttled_error(), "{error:?}");
    assert_eq!(error.code(), Some("Throttling"));
}

fn key(id: &str) -> Value {
    json!({"id": {"S": id}})
}

#[tokio::test]
async fn map_token_paginator_walks_three_pages_and_stops_on_a_repeated_token() {
    // Page 1 -> key a, page 2 -> key b, page 3 -> key a again: a token already sent ends it.
    let server = serve(|req| {
        let body = req.body_json().unwrap_or_default();
        let start = body.get("ExclusiveStartKey").cloned();
        let page = match start
            .as_ref()
            .and_then(|k| k.pointer("/id/S"))
            .and_then(Value::as_str)
        {
            None => json!({"Entries": [{"id": "e1", "amount": 1}], "LastEvaluatedKey": key("a")}),
            Some("a") => {
                json!({"Entries": [{"id": "e2", "amount": 2}], "LastEvaluatedKey": key("b")})
            }
            Some(_) => {
                json!({"Entries": [{"id": "e3", "amount": 3}], "LastEvaluatedKey": key("a")})
            }
        };
        amz_json(200, page)
    })
    .await;
    let pages: Vec<ListEntriesOutput> = signed_client(&server)
        .list_entries()
        .into_paginator()
        .page_size(1)
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 3);
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "the repeated key `a` is not sent again");
    let starts: Vec<Option<Value>> = requests
        .iter()
        .map(|r| r.body_json().unwrap().get("ExclusiveStartKey").cloned())
        .collect();
    assert_eq!(starts, vec![None, Some(key("a")), Some(key("b"))]);
    for r in &requests {
        assert_rpc_request(r, "ListEntries");
        assert_eq!(r.body_json().unwrap()["Limit"], json!(1));
    }
    let expected: HashMap<String, KeyValue> =
        HashMap::from([("id".to_owned(), KeyValue::S("a".to_owned()))]);
    assert_eq!(pages[0].last_evaluated_key(), Some(&expected));

    let items: Vec<_> = signed_client(&server)
        .list_entries()
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = items.iter().map(|e| e.id().unwrap_or_default()).collect();
    assert_eq!(ids, ["e1", "e2", "e3"]);
}

#[tokio::test]
async fn nested_token_and_items_paths_page_without_a_page_size() {
    let server = serve(|req| {
        let marker = req.body_json().unwrap_or_default()["marker"].clone();
        let page = match marker.as_str() {
            None => json!({"page": {"books": ["b1", "b2"], "nextMarker": "m1"}}),
            Some("m1") => json!({"page": {"books": ["b3"], "nextMarker": ""}}),
            Some(other) => panic!("unexpected marker {other}"),
        };
        amz_json(200, page)
    })
    .await;
    let books: Vec<String> = signed_client(&server)
        .list_books()
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(books, ["b1", "b2", "b3"]);
    assert_eq!(
        server.request_count(),
        2,
        "an empty marker ends the pagination"
    );
}
