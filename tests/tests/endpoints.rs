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

/// The typed endpoint parameters and the default resolver, called directly as aws-sdk-rust users
/// do: defaults fill unset parameters and the rules give the same hosts as a call.
#[tokio::test]
async fn typed_params_and_the_default_resolver() {
    use bedrockagentcore::config::endpoint::{DefaultResolver, Params, ResolveEndpoint};

    let params = Params::builder()
        .region("eu-west-1")
        .build()
        .expect("params");
    assert_eq!(params.region(), Some("eu-west-1"));
    assert_eq!(params.use_fips(), Some(false), "the rules' default");
    assert_eq!(params.use_dual_stack(), Some(false));
    assert_eq!(params.endpoint(), None);
    let endpoint = DefaultResolver::new()
        .resolve_endpoint(&params)
        .await
        .expect("resolves");
    assert_eq!(
        endpoint.url(),
        "https://bedrock-agentcore.eu-west-1.amazonaws.com"
    );

    let fips = Params::builder()
        .region("us-east-1")
        .use_fips(true)
        .endpoint("http://127.0.0.1:9")
        .build()
        .expect("params");
    let err = DefaultResolver::new()
        .resolve_endpoint(&fips)
        .await
        .expect_err("FIPS with a custom endpoint");
    assert!(
        err.to_string()
            .contains("FIPS and custom endpoint are not supported"),
        "{err}"
    );
    let unset = Params::builder()
        .set_region(Some("us-east-1".into()))
        .set_region(None)
        .build()
        .expect("params");
    let err = DefaultResolver::new()
        .resolve_endpoint(&unset)
        .await
        .expect_err("no region");
    assert!(err.to_string().contains("Missing Region"), "{err}");
}

/// A resolver of the caller's: it receives the parameters the configuration gives, and the call
/// goes where it says; its errors fail the call before anything is sent.
#[tokio::test]
async fn a_custom_endpoint_resolver_replaces_the_rules() {
    use partnercentralaccount::config::endpoint::{
        Endpoint, EndpointFuture, Params, ResolveEndpoint,
    };

    #[derive(Debug, Default, Clone)]
    struct Recording(Arc<Mutex<Vec<Params>>>);
    impl ResolveEndpoint for Recording {
        fn resolve_endpoint<'a>(&'a self, params: &'a Params) -> EndpointFuture<'a> {
            self.0.lock().expect("lock").push(params.clone());
            let result = match params.region() {
                Some("us-west-2") => Ok(Endpoint::builder()
                    .url("https://partner.internal.example/base")
                    .build()),
                other => Err(format!("no endpoint for {other:?}").into()),
            };
            EndpointFuture::ready(result)
        }
    }

    let resolver = Recording::default();
    let uri = partner_uri(|c| {
        c.region(Region::new("us-west-2"))
            .use_fips(true)
            .endpoint_resolver(resolver.clone())
    })
    .await;
    assert_eq!(uri, "https://partner.internal.example/base/");
    let seen = resolver.0.lock().expect("lock").clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].region(), Some("us-west-2"));
    assert_eq!(seen[0].use_fips(), Some(true));
    assert_eq!(seen[0].endpoint(), None);

    let client = partnercentralaccount::Client::from_conf(
        partnercentralaccount::Config::builder()
            .region(Region::new("eu-central-1"))
            .credentials_provider(common::credentials())
            .http_client(common::http_client())
            .endpoint_resolver(resolver.clone())
            .build(),
    );
    let err = client
        .list_connections()
        .catalog("AWS")
        .send()
        .await
        .expect_err("the resolver refuses");
    let report = sdk_runtime::DisplayErrorContext(&err).to_string();
    assert!(
        report.contains("no endpoint for Some(\"eu-central-1\")"),
        "{report}"
    );
    // The configured resolver is what `Config::endpoint_resolver` returns.
    let shared = client.config().endpoint_resolver();
    let direct = Params::builder()
        .region("us-west-2")
        .build()
        .expect("params");
    let endpoint = aws_smithy_runtime_api::client::endpoint::ResolveEndpoint::resolve_endpoint(
        &shared,
        &aws_smithy_runtime_api::client::endpoint::EndpointResolverParams::new(direct),
    )
    .await
    .expect("resolves");
    assert_eq!(endpoint.url(), "https://partner.internal.example/base");
}
