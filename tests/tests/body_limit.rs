//! The response body size limit through the generated clients against a real loopback server:
//! a body above the limit fails the call with a typed `ResponseError` (source
//! `ResponseBodyTooLarge`) after reading at most about the limit, without decoding anything and
//! without a retry; by default (64 MiB) and with the limit the config sets; with and without a
//! `Content-Length`; for success and error statuses.

mod common;

use std::time::Duration;

use common::*;
use sdk_runtime::ResponseBodyTooLarge;
use sdk_runtime::body_limit::DEFAULT_MAX_RESPONSE_BODY_SIZE_BYTES;
use sdk_runtime::types::{HttpResponse, SdkError};
use serde_json::json;
use workspace_tests::{Reply, TestServer};

const MIB: u64 = 1024 * 1024;

/// A body that would be valid JSON for ListConnections if it were ever read to the end.
fn filler(len: u64) -> Reply {
    Reply::repeated(200, "application/x-amz-json-1.0", b"          ", len)
}

/// The `ResponseBodyTooLarge` behind `err`; panics (with the error) for any other failure.
#[track_caller]
fn too_large<E: std::error::Error + 'static>(
    err: &SdkError<E, HttpResponse>,
) -> &ResponseBodyTooLarge {
    assert!(
        matches!(err, SdkError::ResponseError(_)),
        "expected a response error, got {}",
        sdk_runtime::Report(err)
    );
    ResponseBodyTooLarge::find(err).unwrap_or_else(|| {
        panic!(
            "expected ResponseBodyTooLarge, got {}",
            sdk_runtime::Report(err)
        )
    })
}

async fn list_connections(
    server: &TestServer,
    limit: Option<u64>,
) -> Result<
    partnercentralaccount::operation::list_connections::ListConnectionsOutput,
    SdkError<
        partnercentralaccount::operation::list_connections::ListConnectionsError,
        HttpResponse,
    >,
> {
    let mut config = pca_config(server);
    if let Some(limit) = limit {
        config = config.max_response_body_size_bytes(limit);
    }
    let client = partnercentralaccount::Client::from_conf(config.build());
    tokio::time::timeout(
        Duration::from_secs(30),
        client.list_connections().catalog("AWS").send(),
    )
    .await
    .expect("the call ends")
}

#[tokio::test]
async fn a_declared_length_above_the_default_limit_fails_before_the_body_is_read() {
    // 1 GiB declared: without the limit the client would try to read (and keep) all of it.
    let server = serve(|_| filler(1024 * MIB)).await;
    let err = list_connections(&server, None).await.unwrap_err();
    let too_large = too_large(&err);
    assert_eq!(too_large.limit, DEFAULT_MAX_RESPONSE_BODY_SIZE_BYTES);
    assert_eq!(too_large.declared, Some(1024 * MIB));
    assert_eq!(
        server.request_count(),
        1,
        "an oversized body is not retried"
    );
    // The server writes until the socket buffers are full, then the client hangs up.
    assert!(
        server.body_bytes_sent() < 64 * MIB,
        "{} bytes were sent",
        server.body_bytes_sent()
    );
}

#[tokio::test]
async fn a_body_without_a_length_fails_once_it_passes_the_configured_limit() {
    let server = serve(|_| filler(64 * MIB).without_length()).await;
    let err = list_connections(&server, Some(MIB)).await.unwrap_err();
    let too_large = too_large(&err);
    assert_eq!(too_large.limit, MIB);
    assert_eq!(too_large.declared, None);
    assert_eq!(
        server.request_count(),
        1,
        "an oversized body is not retried"
    );
    assert!(
        server.body_bytes_sent() < 16 * MIB,
        "{} bytes were sent",
        server.body_bytes_sent()
    );
    let text = sdk_runtime::Report(&err).to_string();
    assert!(text.contains("max_response_body_size_bytes"), "{text}");
}

#[tokio::test]
async fn an_error_response_is_limited_too() {
    let server = serve(|_| {
        Reply::repeated(500, "application/x-amz-json-1.0", b" ", 2 * MIB)
            .header("x-amzn-query-error", "InternalServerException;Receiver")
    })
    .await;
    let err = list_connections(&server, Some(MIB)).await.unwrap_err();
    assert_eq!(too_large(&err).declared, Some(2 * MIB));
    assert_eq!(
        server.request_count(),
        1,
        "an oversized body is not retried"
    );
}

#[tokio::test]
async fn bodies_up_to_the_limit_decode_and_the_limit_can_be_lifted() {
    let page = json!({"ConnectionSummaries": [{"Catalog": "AWS", "Id": "pac-0000000000001"}]});
    let body = page.to_string();
    let exact = body.len() as u64;
    let server = serve(move |_| {
        Reply::json(200, page.clone()).set_header("Content-Type", "application/x-amz-json-1.0")
    })
    .await;
    let out = list_connections(&server, Some(exact)).await.unwrap();
    assert_eq!(out.connection_summaries().len(), 1);
    let err = list_connections(&server, Some(exact - 1))
        .await
        .unwrap_err();
    assert_eq!(too_large(&err).declared, Some(exact));

    // u64::MAX lifts the limit: 2 MiB of white space is read to the end (and then decoded or
    // refused by the decoder, not by the limit).
    let big = serve(|_| filler(2 * MIB)).await;
    let err = list_connections(&big, Some(MIB)).await.unwrap_err();
    assert_eq!(too_large(&err).declared, Some(2 * MIB));
    if let Err(err) = list_connections(&big, Some(u64::MAX)).await {
        assert!(
            ResponseBodyTooLarge::find(&err).is_none(),
            "no limit: {}",
            sdk_runtime::Report(&err)
        );
    }
    assert!(big.body_bytes_sent() >= 2 * MIB);
}
