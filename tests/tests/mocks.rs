//! The generated clients under `aws-smithy-mocks`, as users write such tests: `mock!` rules for
//! outputs, modeled errors, raw HTTP responses and sequences, `mock_client!` (which needs the
//! crates' `test-util` feature), rule modes and request matchers. Nothing is sent anywhere: the
//! mock HTTP client answers every attempt.

mod common;

use aws_smithy_mocks::{RuleMode, mock, mock_client};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use common::*;

#[tokio::test]
async fn bedrockagentcore_outputs_and_a_retried_sequence() {
    use bedrockagentcore::Client;
    use bedrockagentcore::operation::get_payment_session::GetPaymentSessionOutput;
    use bedrockagentcore::types::PaymentSession;

    let session = || {
        PaymentSession::builder()
            .payment_session_id(SESSION_ID)
            .payment_manager_arn(MANAGER_ARN)
            .user_id("user-1")
            .expiry_time_in_minutes(60)
            .created_at(date("2025-01-02T03:04:05Z"))
            .updated_at(date("2025-01-02T03:04:05Z"))
            .build()
            .expect("required members set")
    };
    // Only requests for this session match; the first attempt gets a 503, which the client
    // retries, the second the output.
    let rule = mock!(Client::get_payment_session)
        .match_requests(|input| input.payment_session_id() == Some(SESSION_ID))
        .sequence()
        .http_status(503, None)
        .output(move || {
            GetPaymentSessionOutput::builder()
                .payment_session(session())
                .build()
        })
        .build();
    let client = mock_client!(bedrockagentcore, RuleMode::Sequential, [&rule], |config| {
        config.retry_config(fast_retries())
    });
    let out = client
        .get_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .payment_session_id(SESSION_ID)
        .send()
        .await
        .expect("the retry gets the output");
    assert_eq!(
        out.payment_session().map(|s| s.payment_session_id.as_str()),
        Some(SESSION_ID)
    );
    assert_eq!(rule.num_calls(), 2);
    // The test defaults: region and credentials, so the request was signed like a real one.
    assert_eq!(
        client.config().region().map(|r| r.as_ref()),
        Some("us-east-1")
    );

    // Client-side validation still runs before the mocks see the call.
    let err = client
        .get_payment_session()
        .payment_manager_arn("not an arn")
        .payment_session_id(SESSION_ID)
        .send()
        .await
        .expect_err("invalid ARN");
    assert!(
        construction_failure(&err).contains("paymentManagerArn"),
        "{err:?}"
    );
}

#[tokio::test]
async fn partnercentralaccount_modeled_errors_and_pages_by_token() {
    use partnercentralaccount::Client;
    use partnercentralaccount::operation::list_connections::{
        ListConnectionsError, ListConnectionsOutput,
    };
    use partnercentralaccount::types::AccessDeniedExceptionReason;
    use partnercentralaccount::types::error::AccessDeniedException;

    let denied = mock!(Client::list_connections)
        .match_requests(|input| input.catalog() == Some("Sandbox"))
        .then_error(|| {
            ListConnectionsError::AccessDeniedException(
                AccessDeniedException::builder()
                    .message("no access")
                    .reason(AccessDeniedExceptionReason::AccessDenied)
                    .build()
                    .expect("required members set"),
            )
        });
    let first = mock!(Client::list_connections)
        .match_requests(|input| input.catalog() == Some("AWS") && input.next_token().is_none())
        .then_output(|| {
            ListConnectionsOutput::builder()
                .set_connection_summaries(Some(Vec::new()))
                .next_token("page-2")
                .build()
                .expect("required members set")
        });
    let last = mock!(Client::list_connections)
        .match_requests(|input| input.next_token() == Some("page-2"))
        .then_output(|| {
            ListConnectionsOutput::builder()
                .set_connection_summaries(Some(Vec::new()))
                .build()
                .expect("required members set")
        });
    let client = mock_client!(
        partnercentralaccount,
        RuleMode::MatchAny,
        [&denied, &first, &last]
    );

    let err = client
        .list_connections()
        .catalog("Sandbox")
        .send()
        .await
        .expect_err("the rule answers with an error");
    match err.as_service_error() {
        Some(ListConnectionsError::AccessDeniedException(e)) => {
            assert_eq!(e.message(), "no access");
        }
        other => panic!("expected AccessDeniedException, got {other:?}"),
    }

    let mut pages = client
        .list_connections()
        .catalog("AWS")
        .into_paginator()
        .send();
    let mut tokens = Vec::new();
    while let Some(page) = pages.next().await {
        tokens.push(page.expect("page").next_token().map(str::to_owned));
    }
    assert_eq!(tokens, [Some("page-2".to_string()), None]);
    assert_eq!(
        (denied.num_calls(), first.num_calls(), last.num_calls()),
        (1, 1, 1)
    );
}

#[tokio::test]
async fn billforward_computed_outputs_and_http_error_responses() {
    use billforward::Client;
    use billforward::operation::get_active_sessions_for_subscription::{
        GetActiveSessionsForSubscriptionError, GetActiveSessionsForSubscriptionOutput,
    };
    use billforward::types::UsageSession;

    // The output is computed from the request.
    let echo = mock!(Client::get_active_sessions_for_subscription)
        .match_requests(|input| input.subscription_id() == Some("SUB-1"))
        .then_compute_output(|input| {
            let session = UsageSession::builder()
                .subscription_id(input.subscription_id().unwrap_or_default())
                .session_id("build-42")
                .pricing_component_id("PCO-1")
                .pricing_component_name("CI minutes")
                .uom("minutes")
                .build()
                .expect("required members set");
            GetActiveSessionsForSubscriptionOutput::builder()
                .results(session)
                .build()
        });
    // An HTTP response, decoded by the client as a real one would be.
    let failing = mock!(Client::get_active_sessions_for_subscription).then_http_response(|| {
        HttpResponse::new(
            StatusCode::try_from(400).expect("valid status"),
            SdkBody::from(
                r#"{"errorType":"ValidationError","errorMessage":"unknown subscription"}"#,
            ),
        )
    });
    let client = mock_client!(billforward, [&echo, &failing]);

    let out = client
        .get_active_sessions_for_subscription()
        .subscription_id("SUB-1")
        .send()
        .await
        .expect("computed output");
    assert_eq!(out.results().len(), 1);
    assert_eq!(out.results()[0].subscription_id, "SUB-1");

    let err = client
        .get_active_sessions_for_subscription()
        .subscription_id("SUB-2")
        .send()
        .await
        .expect_err("HTTP 400");
    match err.as_service_error() {
        Some(GetActiveSessionsForSubscriptionError::BfError(e)) => {
            assert_eq!(e.error_message(), Some("unknown subscription"));
        }
        other => panic!("expected BfError, got {other:?}"),
    }
    assert_eq!((echo.num_calls(), failing.num_calls()), (1, 1));
}
