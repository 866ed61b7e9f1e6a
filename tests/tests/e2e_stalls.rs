//! Stalled-stream protection through a generated client against a real loopback server: a
//! response whose body stops moving fails the call after the grace period instead of hanging it,
//! by default and with the grace period the config sets.

mod common;

use std::time::{Duration, Instant};

use common::*;
use partnercentralaccount::config::StalledStreamProtectionConfig;
use serde_json::json;
use workspace_tests::Reply;

fn page() -> Reply {
    // Big enough that half of it is a real partial body.
    let summaries: Vec<_> = (0..50)
        .map(|i| json!({"Catalog": "AWS", "Id": format!("pac-{i:013}")}))
        .collect();
    Reply::json(200, json!({"ConnectionSummaries": summaries}))
        .set_header("Content-Type", "application/x-amz-json-1.0")
}

#[tokio::test]
async fn a_stalled_response_body_fails_after_the_configured_grace_period() {
    let server = serve(|_| page().stalled_mid_body(Duration::from_secs(20))).await;
    let client = partnercentralaccount::Client::from_conf(
        pca_config(&server)
            .retry_config(sdk_runtime::types::RetryConfig::disabled())
            .stalled_stream_protection(
                StalledStreamProtectionConfig::enabled()
                    .grace_period(Duration::from_secs(1))
                    .build(),
            )
            .build(),
    );
    let started = Instant::now();
    let err = client
        .list_connections()
        .catalog("AWS")
        .send()
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
    let report = sdk_runtime::Report(&err).to_string();
    assert!(
        report.to_lowercase().contains("stalled") || report.contains("throughput"),
        "{report}"
    );
}

#[tokio::test]
async fn stalled_stream_protection_is_on_by_default() {
    let server = serve(|_| page().stalled_mid_body(Duration::from_secs(30))).await;
    let client = partnercentralaccount::Client::from_conf(
        pca_config(&server)
            .retry_config(sdk_runtime::types::RetryConfig::disabled())
            .build(),
    );
    let started = Instant::now();
    let result = client.list_connections().catalog("AWS").send().await;
    let elapsed = started.elapsed();
    assert!(
        result.is_err(),
        "a body stalled for 30 s must not be waited for"
    );
    assert!(elapsed < Duration::from_secs(20), "took {elapsed:?}");
}

#[tokio::test]
async fn a_short_pause_within_the_grace_period_is_fine() {
    let server = serve(|_| page().stalled_mid_body(Duration::from_millis(300))).await;
    let out = pca(&server)
        .list_connections()
        .catalog("AWS")
        .send()
        .await
        .unwrap();
    assert_eq!(out.connection_summaries().len(), 50);
}
