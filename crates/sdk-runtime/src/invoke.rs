//! Running one operation call on the smithy-rs orchestrator.

use std::fmt;
use std::marker::PhantomData;

use aws_runtime::auth::sigv4::{SCHEME_ID as SIGV4_SCHEME_ID, SigV4AuthScheme};
use aws_runtime::auth::{SigV4OperationSigningConfig, SigningOptions};
use aws_runtime::invocation_id::InvocationIdInterceptor;
use aws_runtime::request_info::RequestInfoInterceptor;
use aws_runtime::retries::classifiers::{THROTTLING_ERRORS, TRANSIENT_ERRORS};
use aws_smithy_runtime::client::auth::http::{self as http_auth, BearerAuthScheme};
use aws_smithy_runtime::client::auth::no_auth::{NO_AUTH_SCHEME_ID, NoAuthScheme};
use aws_smithy_runtime::client::identity::no_auth::NoAuthIdentityResolver;
use aws_smithy_runtime::client::metrics::MetricsRuntimePlugin;
use aws_smithy_runtime::client::orchestrator::operation::Operation;
use aws_smithy_runtime::client::retries::classifiers::TransientErrorClassifier;
use aws_smithy_runtime::client::stalled_stream_protection::StalledStreamProtectionInterceptor;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::auth::http::{
    HTTP_API_KEY_AUTH_SCHEME_ID, HTTP_BEARER_AUTH_SCHEME_ID,
};
use aws_smithy_runtime_api::client::auth::static_resolver::StaticAuthSchemeOptionResolver;
use aws_smithy_runtime_api::client::auth::{
    AuthSchemeId, AuthSchemeOptionResolverParams, SharedAuthScheme, SharedAuthSchemeOptionResolver,
};
use aws_smithy_runtime_api::client::endpoint::ResolveEndpoint as _;
use aws_smithy_runtime_api::client::http::SharedHttpClient;
use aws_smithy_runtime_api::client::identity::SharedIdentityResolver;
use aws_smithy_runtime_api::client::identity::http::Token;
use aws_smithy_runtime_api::client::interceptors::context::InterceptorContext;
use aws_smithy_runtime_api::client::orchestrator::{HttpResponse, OrchestratorError};
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_runtime_api::client::retries::classifiers::{
    ClassifyRetry, RetryAction, RetryClassifierPriority,
};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponentsBuilder;
use aws_smithy_runtime_api::client::runtime_plugin::StaticRuntimePlugin;
use aws_smithy_types::config_bag::Layer;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::retry::ErrorKind;
use aws_types::SigningName;
use aws_types::region::SigningRegion;
use tracing::Instrument;

use crate::body_limit::{
    OversizedBodyClassifier, ResponseBodyLimitInterceptor, ResponseBodySizeLimit,
};
use crate::config::ConfigCore;
use crate::log_redaction::{
    ApiKeyLogInterceptor, RestoringHttpClient, SensitiveRequestBodyInterceptor,
};
use crate::request::RequestBuilder;
use crate::response::{ErrorBody, Response};
use crate::spec::{ApiKeyLocation, AuthScheme, OperationSpec, Protocol, ServiceSpec};
use crate::telemetry::{self, AttemptTracing};
use crate::user_agent::{UserAgentInterceptor, user_agent};
use crate::validate::Validator;

/// The result of [`invoke`].
pub type InvokeResult<O> =
    Result<<O as OperationSpec>::Output, SdkError<<O as OperationSpec>::Error, HttpResponse>>;

type OperationOf<O> = Operation<
    <O as OperationSpec>::Input,
    <O as OperationSpec>::Output,
    <O as OperationSpec>::Error,
>;

/// `https://example.com/x` with prefix `foo.` is `https://foo.example.com/x`.
fn with_host_prefix(endpoint: &str, prefix: &str) -> Result<String, BoxError> {
    let (scheme, rest) = endpoint
        .split_once("://")
        .ok_or_else(|| format!("endpoint `{endpoint}` has no scheme"))?;
    Ok(format!("{scheme}://{prefix}{rest}"))
}

fn construction(message: &str) -> BoxError {
    message.into()
}

/// Calls operation `O` of `service` with `input`.
///
/// Steps: client-side validation (when enabled; a failure is `SdkError::ConstructionFailure`
/// carrying a [`ValidationError`](crate::validate::ValidationError) and nothing is sent), filling
/// idempotency tokens once, endpoint resolution, then the smithy-rs orchestrator: serialisation
/// (once), signing (every attempt), transmission, retries (standard strategy from the config;
/// throttling codes, HTTP 429, 5xx, `@retryable` errors via [`OperationSpec::retryable`],
/// timeouts and I/O errors are retried), timeouts and interceptors.
///
/// The call runs in a `call` span with an `attempt` span per attempt (see the `telemetry`
/// module), and records the orchestrator's metrics under the service's crate name.
pub async fn invoke<O: OperationSpec>(
    service: &'static ServiceSpec,
    config: &ConfigCore,
    input: O::Input,
) -> InvokeResult<O> {
    let span = telemetry::call_span(service.name, O::NAME);
    let result = invoke_in_span::<O>(service, config, input, &span)
        .instrument(span.clone())
        .await;
    telemetry::record_outcome(&span, &result);
    result
}

async fn invoke_in_span<O: OperationSpec>(
    service: &'static ServiceSpec,
    config: &ConfigCore,
    mut input: O::Input,
    span: &tracing::Span,
) -> InvokeResult<O> {
    if config.validation() {
        let mut validator = Validator::new();
        O::validate(&input, &mut validator);
        validator
            .finish(O::NAME)
            .map_err(SdkError::construction_failure)?;
    }
    O::prepare(&mut input, config.idempotency_token_provider());
    let host_prefix = O::host_prefix(&input).map_err(SdkError::construction_failure)?;
    let endpoint = match O::endpoint_override(&input) {
        Some(url) => url,
        None => resolve_endpoint(service, config)
            .await
            .map_err(SdkError::construction_failure)?,
    };
    let operation = build_operation::<O>(service, config, endpoint, host_prefix.as_deref(), span)
        .map_err(SdkError::construction_failure)?;
    operation.invoke(input).await
}

/// The endpoint URL of a call: from the custom `endpoint_resolver` when one is configured, else
/// from the service's endpoint rules (or fixed endpoint). `endpoint_url` is an input of both (the
/// rules' `Endpoint` parameter), so the rules decide how it combines with FIPS and dual-stack.
async fn resolve_endpoint(
    service: &'static ServiceSpec,
    config: &ConfigCore,
) -> Result<String, BoxError> {
    // The region goes into host names (endpoint rules, templates) and the signing scope:
    // refuse one that is not a host label before anything is built from it.
    if let Some(region) = config.region() {
        crate::check_region(region.as_ref())?;
    }
    let Some(resolver) = config.endpoint_resolver() else {
        return (service.endpoint)(config);
    };
    let params = service.endpoint_params.ok_or_else(|| {
        format!(
            "{} has no endpoint rules, so a custom endpoint resolver has no parameters",
            service.name
        )
    })?(config)?;
    let endpoint = resolver.resolve_endpoint(&params).await?;
    Ok(endpoint.url().to_owned())
}

fn build_operation<O: OperationSpec>(
    service: &'static ServiceSpec,
    config: &ConfigCore,
    endpoint: String,
    host_prefix: Option<&str>,
    span: &tracing::Span,
) -> Result<OperationOf<O>, BoxError> {
    // Checked again for endpoints an input names itself: the region is still signed with.
    if let Some(region) = config.region() {
        crate::check_region(region.as_ref())?;
    }
    let endpoint = match host_prefix {
        Some(prefix) => with_host_prefix(&endpoint, prefix)?,
        None => endpoint,
    };
    let http_client = config.http_client().ok_or_else(|| {
        construction(
            "no HTTP client configured: enable the `rustls` feature of sdk-runtime or set \
             `http_client` on the config builder",
        )
    })?;

    let mut layer = Layer::new("sdk_runtime");
    if O::SENSITIVE_OUTPUT {
        layer.store_put(aws_smithy_runtime_api::client::orchestrator::SensitiveOutput);
    }
    let mut components = RuntimeComponentsBuilder::new("sdk_runtime");
    if O::SENSITIVE_INPUT {
        components.push_interceptor(SensitiveRequestBodyInterceptor);
    }
    let schemes = match O::AUTH.unwrap_or(service.auth) {
        [] => &[AuthScheme::NoAuth][..],
        schemes => schemes,
    };
    let options = register_auth_schemes(schemes, config, &mut layer, &mut components)?;
    let aws = service
        .auth
        .iter()
        .chain(schemes)
        .any(|s| matches!(s, AuthScheme::SigV4 { .. }));
    // This SDK's own name and version, never aws-sdk-rust's (see `user_agent`).
    components.push_interceptor(UserAgentInterceptor::new(
        user_agent(service.name, service.version, config.app_name()),
        aws,
    ));
    components.push_interceptor(AttemptTracing::new(span.clone(), O::NAME));
    if aws {
        components.push_interceptor(InvocationIdInterceptor::new());
        components.push_interceptor(RequestInfoInterceptor::new());
    }
    layer.store_put(AuthSchemeOptionResolverParams::new(()));
    components.set_auth_scheme_option_resolver(Some(SharedAuthSchemeOptionResolver::new(
        StaticAuthSchemeOptionResolver::new(options.clone()),
    )));
    // A body that stops moving fails the call instead of hanging it; the orchestrator's default
    // settings (on, 5 s grace) apply unless the config has its own.
    components.push_interceptor(StalledStreamProtectionInterceptor::default());
    if let Some(stalled) = config.stalled_stream_protection() {
        layer.store_put(stalled.clone());
    }
    // Bodies are read into memory: stop reading (and fail the call) past the configured size.
    layer.store_put(ResponseBodySizeLimit(config.max_response_body_size_bytes()));
    components.push_interceptor(ResponseBodyLimitInterceptor);
    for interceptor in config.interceptors() {
        components.push_interceptor(interceptor);
    }
    // An API key is not redacted by the orchestrator's request log: take it out after signing
    // (after every other interceptor's `modify_before_transmit`) and put it back in the client.
    let api_key = schemes.iter().find_map(|scheme| match *scheme {
        AuthScheme::HttpApiKey { name, location, .. }
            if options.contains(&HTTP_API_KEY_AUTH_SCHEME_ID) =>
        {
            Some((name, location))
        }
        _ => None,
    });
    let http_client = match api_key {
        Some((name, location)) => {
            components.push_interceptor(ApiKeyLogInterceptor::new(name, location));
            SharedHttpClient::new(RestoringHttpClient(http_client))
        }
        None => http_client,
    };

    let query_compatible = service.query_compatible;
    let protocol = service.protocol;
    let compression_threshold = config.request_compression_threshold();
    let mut builder = Operation::builder()
        .service_name(service.name)
        .operation_name(O::NAME)
        .behavior_version(config.behavior_version())
        .http_client(http_client)
        .endpoint_url(&endpoint)
        .standard_retry(config.retry_config())
        .timeout_config(config.timeout_config().clone())
        .retry_classifier(TransientErrorClassifier::<O::Error>::new())
        .retry_classifier(OperationRetryClassifier::<O>::new())
        .retry_classifier(OversizedBodyClassifier);
    if let Some(sleep) = config.sleep_impl() {
        builder = builder.sleep_impl(sleep);
    }
    if let Some(time_source) = config.time_source() {
        builder = builder.time_source(time_source);
    }
    // The orchestrator's call and attempt metrics (durations, body sizes), recorded with the
    // global `aws-smithy-observability` telemetry provider (a no-op unless one is installed).
    let mut metrics = MetricsRuntimePlugin::builder().with_scope(service.name);
    if let Some(time_source) = config.time_source() {
        metrics = metrics.with_time_source(time_source);
    }
    builder = builder.runtime_plugin(metrics.build()?);
    let operation = builder
        .runtime_plugin(
            StaticRuntimePlugin::new()
                .with_config(layer.freeze())
                .with_runtime_components(components),
        )
        .serializer(move |input: O::Input| {
            let mut req = RequestBuilder::new(protocol, O::NAME);
            req.set_min_compression_size(compression_threshold);
            O::serialize(input, &mut req)?;
            let mut request = req.build()?;
            if query_compatible {
                request.headers_mut().insert("x-amzn-query-mode", "true");
            }
            for (name, value) in service.headers {
                if !request.headers().contains_key(*name) {
                    request.headers_mut().insert(*name, *value);
                }
            }
            Ok(request)
        })
        .deserializer(move |resp: &HttpResponse| deserialize::<O>(protocol, query_compatible, resp))
        .build();
    Ok(operation)
}

fn deserialize<O: OperationSpec>(
    protocol: Protocol,
    query_compatible: bool,
    resp: &HttpResponse,
) -> Result<O::Output, OrchestratorError<O::Error>> {
    let view = Response::new(resp, protocol);
    if (200..300).contains(&view.status()) {
        return O::deserialize_output(&view)
            .map(|mut output| {
                crate::SetRequestId::set_request_id(&mut output, view.request_id());
                output
            })
            .map_err(|e| OrchestratorError::response(e.into()));
    }
    // One walk over the body serves the error code, the metadata and the modeled error.
    let (code, body) = ErrorBody::read(protocol, query_compatible, &view);
    Err(OrchestratorError::operation(O::deserialize_error(
        &code, body,
    )))
}

/// Registers the auth schemes of `schemes` whose identity the config has (credentials, token,
/// key), and returns their ids in preference order for the auth option resolver. Fails, naming
/// what to configure, when none can be used: nothing is sent unsigned that the model says must be
/// signed.
fn register_auth_schemes(
    schemes: &[AuthScheme],
    config: &ConfigCore,
    layer: &mut Layer,
    components: &mut RuntimeComponentsBuilder,
) -> Result<Vec<AuthSchemeId>, BoxError> {
    let mut options = Vec::new();
    let mut missing = Vec::new();
    for scheme in schemes {
        match *scheme {
            AuthScheme::SigV4 { signing_name } => {
                let Some(region) = config.region().cloned() else {
                    missing.push("no region configured: set `region` on the config builder");
                    continue;
                };
                let Some(credentials) = config.credentials_provider() else {
                    missing.push(
                        "no credentials provider configured: set `credentials_provider` on the \
                         config builder",
                    );
                    continue;
                };
                layer.store_put(SigV4OperationSigningConfig {
                    region: Some(SigningRegion::from(region)),
                    name: Some(SigningName::from_static(signing_name)),
                    signing_options: SigningOptions::default(),
                    ..Default::default()
                });
                components.push_auth_scheme(SharedAuthScheme::new(SigV4AuthScheme::new()));
                components.set_identity_resolver(
                    SIGV4_SCHEME_ID,
                    SharedIdentityResolver::new(credentials),
                );
                options.push(SIGV4_SCHEME_ID);
            }
            AuthScheme::HttpBearer => {
                let Some(token) = config.bearer_token() else {
                    missing.push(
                        "no bearer token configured: set `bearer_token` on the config builder",
                    );
                    continue;
                };
                components.push_auth_scheme(SharedAuthScheme::new(BearerAuthScheme::new()));
                components.set_identity_resolver(
                    HTTP_BEARER_AUTH_SCHEME_ID,
                    SharedIdentityResolver::new(Token::new(token, None)),
                );
                options.push(HTTP_BEARER_AUTH_SCHEME_ID);
            }
            AuthScheme::HttpApiKey {
                name,
                location,
                scheme,
            } => {
                let Some(key) = config.api_key() else {
                    missing.push("no API key configured: set `api_key` on the config builder");
                    continue;
                };
                let location = match location {
                    ApiKeyLocation::Header => http_auth::ApiKeyLocation::Header,
                    ApiKeyLocation::Query => http_auth::ApiKeyLocation::Query,
                };
                components.push_auth_scheme(SharedAuthScheme::new(
                    http_auth::ApiKeyAuthScheme::new(scheme.unwrap_or_default(), location, name),
                ));
                components.set_identity_resolver(
                    HTTP_API_KEY_AUTH_SCHEME_ID,
                    SharedIdentityResolver::new(Token::new(key, None)),
                );
                options.push(HTTP_API_KEY_AUTH_SCHEME_ID);
            }
            AuthScheme::NoAuth => {
                components.push_auth_scheme(SharedAuthScheme::new(NoAuthScheme::new()));
                components.set_identity_resolver(
                    NO_AUTH_SCHEME_ID,
                    SharedIdentityResolver::new(NoAuthIdentityResolver::new()),
                );
                options.push(NO_AUTH_SCHEME_ID);
            }
        }
    }
    if options.is_empty() {
        return Err(construction(&missing.join("; ")));
    }
    Ok(options)
}

/// Retry rules for modeled errors and HTTP statuses of operation `O`.
struct OperationRetryClassifier<O>(PhantomData<fn() -> O>);

impl<O> OperationRetryClassifier<O> {
    fn new() -> Self {
        Self(PhantomData)
    }
}

impl<O> fmt::Debug for OperationRetryClassifier<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OperationRetryClassifier")
    }
}

/// Classifies an error response: `@retryable` first, then AWS throttling / transient error
/// codes, then the HTTP status (429 throttling, 5xx other than 501 server error).
pub fn classify_error_response(
    modeled: Option<ErrorKind>,
    code: Option<&str>,
    status: Option<u16>,
) -> RetryAction {
    if let Some(kind) = modeled {
        return RetryAction::retryable_error(kind);
    }
    if let Some(code) = code {
        if THROTTLING_ERRORS.contains(&code) {
            return RetryAction::throttling_error();
        }
        if TRANSIENT_ERRORS.contains(&code) {
            return RetryAction::transient_error();
        }
    }
    match status {
        Some(429) => RetryAction::throttling_error(),
        Some(s) if (500..600).contains(&s) && s != 501 => RetryAction::server_error(),
        _ => RetryAction::NoActionIndicated,
    }
}

impl<O: OperationSpec> ClassifyRetry for OperationRetryClassifier<O> {
    fn classify_retry(&self, ctx: &InterceptorContext) -> RetryAction {
        let Some(Err(error)) = ctx.output_or_error() else {
            return RetryAction::NoActionIndicated;
        };
        let Some(op_error) = error.as_operation_error() else {
            return RetryAction::NoActionIndicated;
        };
        let typed = op_error.downcast_ref::<O::Error>();
        let status = ctx.response().map(|r| r.status().as_u16());
        classify_error_response(
            typed.and_then(O::retryable),
            typed.and_then(|e| e.code()),
            status,
        )
    }

    fn name(&self) -> &'static str {
        "sdk_runtime::OperationRetryClassifier"
    }

    fn priority(&self) -> RetryClassifierPriority {
        RetryClassifierPriority::modeled_as_retryable_classifier()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_order() {
        assert_eq!(
            classify_error_response(Some(ErrorKind::ClientError), Some("x"), Some(400)),
            RetryAction::retryable_error(ErrorKind::ClientError)
        );
        assert_eq!(
            classify_error_response(None, Some("ThrottlingException"), Some(400)),
            RetryAction::throttling_error()
        );
        assert_eq!(
            classify_error_response(None, Some("RequestTimeout"), Some(400)),
            RetryAction::transient_error()
        );
        assert_eq!(
            classify_error_response(None, None, Some(429)),
            RetryAction::throttling_error()
        );
        assert_eq!(
            classify_error_response(None, None, Some(503)),
            RetryAction::server_error()
        );
        assert_eq!(
            classify_error_response(None, None, Some(501)),
            RetryAction::NoActionIndicated
        );
        assert_eq!(
            classify_error_response(None, Some("ValidationException"), Some(400)),
            RetryAction::NoActionIndicated
        );
    }
}
