//! End-to-end tests of `sdk_runtime::invoke` against a real HTTP server on 127.0.0.1.

mod support;

use std::time::{Duration, Instant};

use aws_credential_types::Credentials;
use sdk_runtime::types::{
    DateTime, ProvideErrorMetadata, Region, RequestId, RetryConfig, SdkError, TimeoutConfig,
};
use sdk_runtime::{ConfigCore, ConfigCoreBuilder, IdempotencyTokenProvider, invoke};
use support::server::{Reply, Server};
use support::widgets::*;

fn fast_retries() -> RetryConfig {
    RetryConfig::standard()
        .with_initial_backoff(Duration::from_millis(5))
        .with_max_backoff(Duration::from_millis(20))
}

fn config(server: &Server) -> ConfigCoreBuilder {
    ConfigCore::builder()
        .endpoint_url(server.url())
        .region(Region::new("us-west-2"))
        .credentials_provider(Credentials::new(
            "AKIDEXAMPLE",
            "SECRET",
            None,
            None,
            "test",
        ))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(fast_retries())
        .idempotency_token_provider(IdempotencyTokenProvider::sequence("tok-", 1))
}

fn widget_input() -> CreateWidgetInput {
    CreateWidgetInput {
        widget_id: Some("w-1".into()),
        tags: Some(vec!["a".into(), "b c".into()]),
        trace: Some("trace-1".into()),
        not_before: Some(DateTime::from_secs(1515531081)),
        name: Some("My widget".into()),
        count: Some(3),
        expires_at: Some(DateTime::from_secs_and_nanos(1515531081, 500_000_000)),
        client_token: None,
    }
}

fn ok_reply() -> Reply {
    Reply::json(
        201,
        r#"{"widgetArn":"arn:aws:widgets:us-west-2:1:widget/w-1","createdAt":"2018-01-09T20:51:21Z"}"#,
    )
    .header("x-widget-version", "7")
    .header("x-amzn-requestid", "rid-ok")
}

#[tokio::test]
async fn rest_json_request_shape_signing_and_output() {
    let server = Server::start(vec![ok_reply()]).await;
    let conf = config(&server).build();
    let out = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .expect("call succeeds");
    assert_eq!(
        out.widget_arn.as_deref(),
        Some("arn:aws:widgets:us-west-2:1:widget/w-1")
    );
    assert_eq!(out.created_at, Some(DateTime::from_secs(1515531081)));
    assert_eq!(out.version, Some(7));
    assert_eq!(out.status_code, 201);

    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.target, "/widgets/w-1?tag=a&tag=b%20c");
    assert_eq!(req.header("x-amz-trace"), Some("trace-1"));
    assert_eq!(
        req.header("x-not-before"),
        Some("Tue, 09 Jan 2018 20:51:21 GMT")
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        serde_json::json!({
            "name": "My widget", "count": 3, "expiresAt": 1515531081.5, "clientToken": "tok-1"
        })
    );
    let auth = req.header("authorization").expect("signed");
    assert!(
        auth.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
        "{auth}"
    );
    assert!(auth.contains("/us-west-2/widgets/aws4_request"), "{auth}");
    assert!(auth.contains("SignedHeaders="), "{auth}");
    assert!(req.header("x-amz-date").is_some());
    let ua = req.header("x-amz-user-agent").unwrap_or_default();
    assert!(ua.contains("api/widgets/0.1.0"), "{ua}");
    assert!(req.header("amz-sdk-invocation-id").is_some());
}

#[tokio::test]
async fn labels_are_encoded_so_they_cannot_change_the_path() {
    let server = Server::start(vec![ok_reply()]).await;
    let conf = config(&server).build();
    let mut input = widget_input();
    input.widget_id = Some("../admin?x=1#y".into());
    invoke::<CreateWidget>(&WIDGETS, &conf, input)
        .await
        .unwrap();
    let req = &server.requests()[0];
    assert_eq!(
        req.target,
        "/widgets/..%2Fadmin%3Fx%3D1%23y?tag=a&tag=b%20c"
    );
}

#[tokio::test]
async fn throttled_then_ok_retries_once_with_the_same_token() {
    let server = Server::start(vec![
        Reply::json(429, r#"{"message":"slow down"}"#),
        ok_reply(),
    ])
    .await;
    let conf = config(&server)
        .idempotency_token_provider(IdempotencyTokenProvider::random())
        .build();
    let started = Instant::now();
    invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2, "429 then 200 is two attempts");
    let tokens: Vec<String> = reqs
        .iter()
        .map(|r| r.json()["clientToken"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        tokens[0], tokens[1],
        "retries resend the same idempotency token"
    );
    assert!(uuid_like(&tokens[0]), "{}", tokens[0]);
    assert!(
        reqs.iter().all(|r| r.header("authorization").is_some()),
        "every attempt is signed"
    );
    assert!(
        reqs[1]
            .header("amz-sdk-request")
            .unwrap_or_default()
            .contains("attempt=2")
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

#[tokio::test]
async fn modeled_retryable_error_is_retried() {
    let server = Server::start(vec![
        Reply::json(400, r#"{"__type":"ThrottlingException","message":"later"}"#),
        ok_reply(),
    ])
    .await;
    let conf = config(&server).build();
    invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn three_503s_fail_after_three_attempts() {
    let replies = (0..4)
        .map(|_| {
            Reply::json(503, r#"{"message":"unavailable"}"#).header("x-amzn-requestid", "rid-503")
        })
        .collect();
    let server = Server::start(replies).await;
    let conf = config(&server).build();
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 3);
    let service_err = err.as_service_error().expect("service error");
    assert!(matches!(service_err, CreateWidgetError::Unhandled(_)));
    assert_eq!(
        sdk_runtime::error::http_status(service_err.meta()),
        Some(503)
    );
    assert_eq!(
        service_err.to_string(),
        "CreateWidget failed: HTTP 503 unavailable (request id rid-503)"
    );
    assert_eq!(err.request_id(), Some("rid-503"));
}

#[tokio::test]
async fn client_error_is_not_retried_and_dispatches_to_modeled_variant() {
    let server = Server::start(vec![
        Reply::json(
            400,
            r#"{"message":"expiry too short","fieldList":["count"]}"#,
        )
        .header(
            "X-Amzn-ErrorType",
            "ValidationException:http://internal.amazon.com/",
        )
        .header("x-amzn-requestid", "abc"),
    ])
    .await;
    let conf = config(&server).build();
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 1);
    let CreateWidgetError::ValidationException(e) = err.as_service_error().unwrap() else {
        panic!("expected ValidationException, got {err:?}");
    };
    assert_eq!(e.message.as_deref(), Some("expiry too short"));
    assert_eq!(e.field_list.as_deref(), Some(&["count".to_owned()][..]));
    assert_eq!(e.meta.code(), Some("ValidationException"));
    let shown = err.as_service_error().unwrap().to_string();
    assert_eq!(
        shown,
        "CreateWidget failed: HTTP 400 ValidationException: expiry too short (request id abc)"
    );
    let report = sdk_runtime::error::report(&err);
    assert!(
        report.contains("HTTP 400 ValidationException: expiry too short"),
        "{report}"
    );
}

#[tokio::test]
async fn unknown_codes_and_bad_error_bodies_become_unhandled() {
    let server = Server::start(vec![
        Reply::json(
            409,
            r#"{"__type":"com.example#ConflictException","message":"busy"}"#,
        ),
        Reply::json(
            400,
            r#"{"__type":"ValidationException","fieldList":"not-a-list"}"#,
        ),
    ])
    .await;
    let conf = config(&server).build();
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap_err();
    let e = err.into_service_error();
    assert!(matches!(e, CreateWidgetError::Unhandled(_)));
    assert_eq!(e.code(), Some("ConflictException"));
    assert_eq!(e.message(), Some("busy"));
    assert_eq!(sdk_runtime::error::http_status(e.meta()), Some(409));

    let err = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap_err();
    let e = err.into_service_error();
    assert!(matches!(e, CreateWidgetError::Unhandled(_)), "{e:?}");
    assert_eq!(e.code(), Some("ValidationException"));
    assert!(
        std::error::Error::source(&e).is_some(),
        "keeps the decoding error"
    );
}

#[tokio::test]
async fn attempt_timeouts_fail_fast() {
    let server = Server::start(vec![ok_reply().delayed(Duration::from_secs(3))]).await;
    let conf = config(&server)
        .retry_config(RetryConfig::disabled())
        .timeout_config(
            TimeoutConfig::builder()
                .operation_attempt_timeout(Duration::from_millis(200))
                .build(),
        )
        .build();
    let started = Instant::now();
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap_err();
    assert!(matches!(err, SdkError::TimeoutError(_)), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn timeouts_are_retried() {
    let server = Server::start(vec![ok_reply().delayed(Duration::from_secs(2)), ok_reply()]).await;
    let conf = config(&server)
        .timeout_config(
            TimeoutConfig::builder()
                .operation_attempt_timeout(Duration::from_millis(200))
                .build(),
        )
        .build();
    invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 2);
    assert_eq!(server.remaining_replies(), 0);
}

#[tokio::test]
async fn validation_failure_sends_nothing() {
    let server = Server::start(vec![ok_reply()]).await;
    let conf = config(&server).build();
    let mut input = widget_input();
    input.count = Some(0);
    input.name = None;
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, input.clone())
        .await
        .unwrap_err();
    assert!(matches!(err, SdkError::ConstructionFailure(_)), "{err:?}");
    let report = sdk_runtime::error::report(&err);
    assert!(
        report.contains("name is required but was not set"),
        "{report}"
    );
    assert!(
        report.contains("count = 0 is out of range: must be within 1..=10"),
        "{report}"
    );
    let source = std::error::Error::source(&err).expect("has a source");
    let validation = source
        .downcast_ref::<sdk_runtime::ValidationError>()
        .expect("a ValidationError");
    assert_eq!(validation.violations().len(), 2);
    assert!(server.requests().is_empty());

    // Switched off, the same input is sent.
    let conf = config(&server).validation(false).build();
    invoke::<CreateWidget>(&WIDGETS, &conf, input)
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn crlf_in_header_is_refused_before_sending() {
    let server = Server::start(vec![ok_reply()]).await;
    let conf = config(&server).build();
    let mut input = widget_input();
    input.trace = Some("x\r\nx-injected: 1".into());
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, input)
        .await
        .unwrap_err();
    assert!(matches!(err, SdkError::ConstructionFailure(_)), "{err:?}");
    let report = sdk_runtime::error::report(&err);
    assert!(report.contains("x-amz-trace"), "{report}");
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn invalid_json_success_body_is_an_error_not_a_panic() {
    let server = Server::start(vec![Reply::json(200, &"<html>".repeat(100_000))]).await;
    let conf = config(&server)
        .retry_config(RetryConfig::disabled())
        .build();
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap_err();
    assert!(matches!(err, SdkError::ResponseError(_)), "{err:?}");
    assert!(sdk_runtime::error::report(&err).contains("invalid JSON body"));
}

#[tokio::test]
async fn missing_region_or_credentials_is_a_clear_construction_failure() {
    let conf = ConfigCore::builder()
        .credentials_provider(Credentials::new("A", "B", None, None, "test"))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap_err();
    assert!(
        sdk_runtime::error::report(&err).contains("no region configured"),
        "{err:?}"
    );

    let conf = ConfigCore::builder()
        .region(Region::new("us-west-2"))
        .endpoint_url("http://127.0.0.1:9")
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    let err = invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap_err();
    assert!(
        sdk_runtime::error::report(&err).contains("no credentials provider"),
        "{err:?}"
    );
}

#[tokio::test]
async fn aws_json_request_shape_and_token_pagination() {
    let server = Server::start(vec![
        Reply::json(
            200,
            r#"{"ConnectionSummaries":["c1",null,"c2"],"NextToken":"t1"}"#,
        ),
        Reply::json(200, r#"{"ConnectionSummaries":["c3"],"NextToken":"t1"}"#),
    ])
    .await;
    let conf = config(&server).build();
    let input = ListConnectionsInput {
        catalog: Some("AWS".into()),
        ..Default::default()
    };
    let fetch_conf = conf.clone();
    let items: Vec<String> = sdk_runtime::paginate::token_pages(
        input,
        move |input| {
            let conf = fetch_conf.clone();
            async move { invoke::<ListConnections>(&CONNECTIONS, &conf, input).await }
        },
        |page: &ListConnectionsOutput| page.next_token.as_ref().filter(|t| !t.is_empty()),
        |input: &mut ListConnectionsInput, token| input.next_token = token,
        None,
    )
    .items(|page| page.connection_summaries.unwrap_or_default())
    .collect::<Vec<_>>()
    .await
    .into_iter()
    .map(|r| r.expect("page ok"))
    .collect();
    assert_eq!(items, ["c1", "c2", "c3"]);

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2, "stops when the token repeats");
    let first = &reqs[0];
    assert_eq!(
        (first.method.as_str(), first.target.as_str()),
        ("POST", "/")
    );
    assert_eq!(
        first.header("x-amz-target"),
        Some("PartnerCentralAccount.ListConnections")
    );
    assert_eq!(
        first.header("content-type"),
        Some("application/x-amz-json-1.0")
    );
    assert_eq!(first.json(), serde_json::json!({"Catalog": "AWS"}));
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({"Catalog": "AWS", "NextToken": "t1"})
    );
    let auth = first.header("authorization").unwrap_or_default();
    assert!(
        auth.contains("/us-west-2/partnercentral-account/aws4_request"),
        "{auth}"
    );
}

#[tokio::test]
async fn aws_json_error_dispatch_uses_type_field() {
    let server = Server::start(vec![Reply::json(
        400,
        r#"{"__type":"com.amazonaws.partnercentral#ValidationException","Message":"bad catalog"}"#,
    )])
    .await;
    let conf = config(&server).build();
    let input = ListConnectionsInput {
        catalog: Some("nope".into()),
        ..Default::default()
    };
    let err = invoke::<ListConnections>(&CONNECTIONS, &conf, input)
        .await
        .unwrap_err()
        .into_service_error();
    assert!(
        matches!(err, ListConnectionsError::ValidationException(_)),
        "{err:?}"
    );
    assert_eq!(err.message(), Some("bad catalog"));
}

#[tokio::test]
async fn plain_rest_json_bearer_token_errors_and_offset_paging() {
    let server = Server::start(vec![
        Reply::json(200, r#"{"results":[1,2]}"#),
        Reply::json(200, r#"{"results":[3]}"#),
        Reply::json(
            400,
            r#"{"errorType":"ValidationError","errorMessage":"no such session"}"#,
        ),
        Reply::json(200, r#"{"results":[]}"#),
    ])
    .await;
    let base = ConfigCore::builder()
        .endpoint_url(server.url())
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(fast_retries());
    let conf = base.clone().bearer_token("sekret").build();
    let fetch_conf = conf.clone();
    let pages = sdk_runtime::paginate::offset_pages(
        GetUsageInput {
            session_id: Some("s 1".into()),
            offset: None,
            records: Some(2),
        },
        move |input| {
            let conf = fetch_conf.clone();
            async move { invoke::<GetUsage>(&USAGE, &conf, input).await }
        },
        sdk_runtime::paginate::OffsetPaging {
            page_len: |p: &GetUsageOutput| p.results.len(),
            limit: |i: &GetUsageInput| i.records,
            offset: |i: &GetUsageInput| i.offset,
            set_offset: |i: &mut GetUsageInput, o| i.offset = Some(o),
        },
    )
    .try_collect()
    .await
    .unwrap();
    assert_eq!(pages.len(), 2, "the short second page ends paging");
    let reqs = server.requests();
    assert_eq!(reqs[0].target, "/usage/s%201?records=2");
    assert_eq!(reqs[1].target, "/usage/s%201?offset=2&records=2");
    assert_eq!(reqs[0].header("authorization"), Some("Bearer sekret"));
    // This runtime's name and version, then the service's.
    let ua = reqs[0].header("user-agent").unwrap_or_default();
    assert!(
        ua.starts_with(&format!(
            "sdk-runtime/{} api/billforward/0.1.0 ",
            env!("CARGO_PKG_VERSION")
        )),
        "{ua}"
    );
    assert_eq!(reqs[0].header("content-type"), None);

    let no_token = base.build();
    let input = GetUsageInput {
        session_id: Some("s".into()),
        ..Default::default()
    };
    let err = invoke::<GetUsage>(&USAGE, &no_token, input.clone())
        .await
        .unwrap_err()
        .into_service_error();
    let GetUsageError::BfError(bf) = &err else {
        panic!("expected BFError, got {err:?}");
    };
    assert_eq!(bf.error_message.as_deref(), Some("no such session"));
    assert_eq!(
        err.to_string(),
        "GetUsage failed: HTTP 400 ValidationError: no such session"
    );
    assert_eq!(server.requests()[2].header("authorization"), None);
    invoke::<GetUsage>(&USAGE, &no_token, input).await.unwrap();
}

#[derive(Debug)]
struct StampInterceptor;

impl aws_smithy_runtime_api::client::interceptors::Intercept for StampInterceptor {
    fn name(&self) -> &'static str {
        "StampInterceptor"
    }

    fn modify_before_signing(
        &self,
        context: &mut aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextMut<'_>,
        _components: &aws_smithy_runtime_api::client::runtime_components::RuntimeComponents,
        _cfg: &mut aws_smithy_types::config_bag::ConfigBag,
    ) -> Result<(), sdk_runtime::types::BoxError> {
        context.request_mut().headers_mut().insert("x-stamp", "1");
        Ok(())
    }
}

#[tokio::test]
async fn configured_interceptors_run_and_their_headers_are_signed() {
    let server = Server::start(vec![ok_reply()]).await;
    let conf = config(&server).interceptor(StampInterceptor).build();
    invoke::<CreateWidget>(&WIDGETS, &conf, widget_input())
        .await
        .unwrap();
    let req = &server.requests()[0];
    assert_eq!(req.header("x-stamp"), Some("1"));
    let auth = req.header("authorization").unwrap_or_default();
    assert!(auth.contains("x-stamp"), "{auth}");
}

#[cfg(not(feature = "rustls"))]
#[tokio::test]
async fn without_tls_feature_an_http_client_is_required() {
    let conf = ConfigCore::builder()
        .endpoint_url("http://127.0.0.1:9")
        .build();
    let err = invoke::<GetUsage>(
        &USAGE,
        &conf,
        GetUsageInput {
            session_id: Some("s".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert!(
        sdk_runtime::error::report(&err).contains("no HTTP client configured"),
        "{err:?}"
    );
}
