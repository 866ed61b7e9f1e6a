//! The generated AWS clients resolve their endpoint through the model's endpoint rules: region,
//! FIPS and dual-stack select the host, and `endpoint_url` overrides it. An interceptor records
//! the URI the request would be sent to and stops it before anything leaves the process.

mod common;

use std::sync::{Arc, Mutex};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::retry::RetryConfig;
use sdk_runtime::types::Region;

/// Records the request URI and refuses to send the request.
#[derive(Debug, Clone, Default)]
struct CaptureUri(Arc<Mutex<Option<String>>>);

impl Intercept for CaptureUri {
    fn name(&self) -> &'static str {
        "CaptureUri"
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        *self.0.lock().expect("lock") = Some(context.request().uri().to_string());
        Err("stopped by the test before transmission".into())
    }
}

impl CaptureUri {
    fn uri(&self) -> String {
        self.0
            .lock()
            .expect("lock")
            .clone()
            .expect("the request reached transmission")
    }
}

async fn bedrock_uri(
    configure: impl FnOnce(bedrockagentcore::config::Builder) -> bedrockagentcore::config::Builder,
) -> String {
    let capture = CaptureUri::default();
    let config = bedrockagentcore::Config::builder()
        .region(Region::new(common::REGION))
        .credentials_provider(common::credentials())
        .http_client(common::http_client())
        .retry_config(RetryConfig::disabled())
        .interceptor(capture.clone());
    let client = bedrockagentcore::Client::from_conf(configure(config).build());
    let result = client
        .get_payment_session()
        .payment_manager_arn(common::MANAGER_ARN)
        .payment_session_id(common::SESSION_ID)
        .send()
        .await;
    assert!(result.is_err(), "the interceptor stops every request");
    capture.uri()
}

async fn partner_uri(
    configure: impl FnOnce(
        partnercentralaccount::config::Builder,
    ) -> partnercentralaccount::config::Builder,
) -> String {
    let capture = CaptureUri::default();
    let config = partnercentralaccount::Config::builder()
        .region(Region::new(common::REGION))
        .credentials_provider(common::credentials())
        .http_client(common::http_client())
        .retry_config(RetryConfig::disabled())
        .interceptor(capture.clone());
    let client = partnercentralaccount::Client::from_conf(configure(config).build());
    let result = client.list_connections().catalog("AWS").send().await;
    assert!(result.is_err(), "the interceptor stops every request");
    capture.uri()
}

#[tokio::test]
async fn bedrock_endpoints_come_from_the_rules() {
    assert_eq!(
        bedrock_uri(|c| c).await,
        "https://bedrock-agentcore.us-east-1.amazonaws.com/payments/getPaymentSession"
    );
    assert_eq!(
        bedrock_uri(|c| c.use_fips(true)).await,
        "https://bedrock-agentcore-fips.us-east-1.amazonaws.com/payments/getPaymentSession"
    );
    assert_eq!(
        bedrock_uri(|c| c.use_fips(true).use_dual_stack(true)).await,
        "https://bedrock-agentcore-fips.us-east-1.api.aws/payments/getPaymentSession"
    );
    assert_eq!(
        bedrock_uri(|c| c.region(Region::new("eu-west-1"))).await,
        "https://bedrock-agentcore.eu-west-1.amazonaws.com/payments/getPaymentSession"
    );
    assert_eq!(
        bedrock_uri(|c| c.endpoint_url("http://127.0.0.1:9")).await,
        "http://127.0.0.1:9/payments/getPaymentSession"
    );
}

#[tokio::test]
async fn partner_central_endpoints_come_from_the_rules() {
    assert_eq!(
        partner_uri(|c| c).await,
        "https://partnercentral-account.us-east-1.api.aws/"
    );
    assert_eq!(
        partner_uri(|c| c.use_fips(true)).await,
        "https://partnercentral-account-fips.us-east-1.api.aws/"
    );
    assert_eq!(
        partner_uri(|c| c.endpoint_url("http://127.0.0.1:9")).await,
        "http://127.0.0.1:9/"
    );
}

/// The error a Bedrock AgentCore call fails with before any request is built.
async fn bedrock_construction_error(
    configure: impl FnOnce(bedrockagentcore::config::Builder) -> bedrockagentcore::config::Builder,
) -> String {
    let capture = CaptureUri::default();
    let config = bedrockagentcore::Config::builder()
        .region(Region::new(common::REGION))
        .credentials_provider(common::credentials())
        .http_client(common::http_client())
        .retry_config(RetryConfig::disabled())
        .interceptor(capture.clone());
    let client = bedrockagentcore::Client::from_conf(configure(config).build());
    let err = client
        .get_payment_session()
        .payment_manager_arn(common::MANAGER_ARN)
        .payment_session_id(common::SESSION_ID)
        .send()
        .await
        .expect_err("the call must fail");
    assert!(
        matches!(
            err,
            aws_smithy_runtime_api::client::result::SdkError::ConstructionFailure(_)
        ),
        "{err:?}"
    );
    assert!(
        capture.0.lock().expect("lock").is_none(),
        "no request was built"
    );
    sdk_runtime::Report(&err).to_string()
}

#[tokio::test]
async fn fips_with_endpoint_url_is_refused_by_the_rules() {
    let err =
        bedrock_construction_error(|c| c.endpoint_url("http://127.0.0.1:9").use_fips(true)).await;
    assert!(
        err.contains("Invalid Configuration: FIPS and custom endpoint are not supported"),
        "{err}"
    );
    let err =
        bedrock_construction_error(|c| c.endpoint_url("http://127.0.0.1:9").use_dual_stack(true))
            .await;
    assert!(
        err.contains("Invalid Configuration: Dualstack and custom endpoint are not supported"),
        "{err}"
    );
    // endpoint_url alone is what the rules return.
    assert_eq!(
        partner_uri(|c| c.endpoint_url("http://127.0.0.1:9")).await,
        "http://127.0.0.1:9/"
    );
}

#[tokio::test]
async fn regions_that_are_not_host_labels_fail_before_any_endpoint() {
    let long = "a".repeat(64);
    for region in [
        "us-east-1.evil.com/",
        "a b",
        "",
        "-us-east-1",
        long.as_str(),
    ] {
        let err = bedrock_construction_error(|c| c.region(Region::new(region.to_owned()))).await;
        assert!(err.contains("invalid region"), "{region:?}: {err}");
        assert!(err.contains(&format!("{region:?}")), "{region:?}: {err}");
        // With a custom endpoint too: the region is still signed with.
        let err = bedrock_construction_error(|c| {
            c.region(Region::new(region.to_owned()))
                .endpoint_url("http://127.0.0.1:9")
        })
        .await;
        assert!(err.contains("invalid region"), "{region:?}: {err}");
    }
}
