//! Static descriptions of a service and of its operations, written by the generated crates.

use std::fmt;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::endpoint::EndpointResolverParams;
use aws_smithy_runtime_api::client::result::CreateUnhandledError;
use aws_smithy_types::error::ErrorMetadata;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::retry::ErrorKind;

use crate::config::ConfigCore;
use crate::idempotency::IdempotencyTokenProvider;
pub use crate::protocol::Protocol;
use crate::request::{BuildError, RequestBuilder};
use crate::response::{DeserializeError, ErrorBody, Response};
use crate::validate::Validator;

/// One way an operation's requests can be authenticated (a Smithy auth scheme trait).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthScheme {
    /// `aws.auth#sigv4`: AWS Signature Version 4 with the given signing name; the region comes
    /// from the config and the credentials from its `credentials_provider`.
    SigV4 {
        /// The SigV4 signing name, e.g. `bedrock-agentcore`.
        signing_name: &'static str,
    },
    /// `smithy.api#httpBearerAuth`: `Authorization: Bearer <token>` from the config's
    /// `bearer_token`.
    HttpBearer,
    /// `smithy.api#httpApiKeyAuth`: the config's `api_key` in a header or query parameter.
    HttpApiKey {
        /// The header or query parameter name.
        name: &'static str,
        /// Where the key goes.
        location: ApiKeyLocation,
        /// For a header, a scheme written before the key (`Authorization: <scheme> <key>`).
        scheme: Option<&'static str>,
    },
    /// `smithy.api#auth([])`, or the fallback of `@optionalAuth`: the request is sent unsigned.
    NoAuth,
}

/// Where an `@httpApiKeyAuth` key is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiKeyLocation {
    /// In a request header.
    Header,
    /// In a query parameter.
    Query,
}

/// Resolves the endpoint URL of a service from the configuration (including its `endpoint_url`,
/// which endpoint rules receive as the `Endpoint` parameter).
pub type EndpointFn = fn(&ConfigCore) -> Result<String, BoxError>;

/// The typed endpoint parameters of a service (its `config::endpoint::Params`) filled from the
/// configuration, for a custom endpoint resolver.
pub type EndpointParamsFn = fn(&ConfigCore) -> Result<EndpointResolverParams, BoxError>;

/// Static description of a service; a generated crate defines one as a `const`/`static`.
#[derive(Clone, Copy)]
pub struct ServiceSpec {
    /// Service name used in logs, retry partitions and the user agent (e.g. `bedrockagentcore`).
    pub name: &'static str,
    /// Version of the generated crate (sent in the user agent), usually `env!("CARGO_PKG_VERSION")`.
    pub version: &'static str,
    /// The auth schemes of operations that do not name their own, in preference order.
    pub auth: &'static [AuthScheme],
    /// Wire protocol.
    pub protocol: Protocol,
    /// `aws.protocols#awsQueryCompatible`: requests carry `x-amzn-query-mode: true` and error
    /// codes come from the `x-amzn-query-error` header when it is present.
    pub query_compatible: bool,
    /// Headers every request carries unless the call sets them (service customisations such as
    /// API Gateway's `Accept: application/json`).
    pub headers: &'static [(&'static str, &'static str)],
    /// Endpoint resolution, used for every call (an `endpoint_url` in the config is its input,
    /// not a bypass).
    pub endpoint: EndpointFn,
    /// The typed endpoint parameters a custom `endpoint_resolver` receives; `None` for services
    /// without endpoint rules (their config has no `endpoint_resolver`).
    pub endpoint_params: Option<EndpointParamsFn>,
}

impl fmt::Debug for ServiceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceSpec")
            .field("name", &self.name)
            .field("version", &self.version)
            .field("auth", &self.auth)
            .field("protocol", &self.protocol)
            .field("query_compatible", &self.query_compatible)
            .finish_non_exhaustive()
    }
}

/// A default endpoint from a template where `{region}` is replaced by the configured region,
/// e.g. `regional_endpoint(cfg, "https://bedrock-agentcore.{region}.amazonaws.com")`; a
/// configured `endpoint_url` is returned instead (services without endpoint rules).
/// Fails with a clear message when no region is configured or the region is not a host label
/// (see [`check_region`]).
pub fn regional_endpoint(config: &ConfigCore, template: &str) -> Result<String, BoxError> {
    if let Some(url) = config.endpoint_url() {
        return Ok(url.to_owned());
    }
    if !template.contains("{region}") {
        return Ok(template.to_owned());
    }
    let region = config
        .region()
        .ok_or("no region configured: set `region` (or `endpoint_url`) on the config builder")?;
    let region = region.as_ref();
    check_region(region)?;
    Ok(template.replace("{region}", region))
}

/// Checks that a region is one host label (RFC 1123): 1 to 63 ASCII letters, digits and `-`,
/// neither starting nor ending with `-`. A region becomes part of the endpoint's host name, so
/// anything else (`us-east-1.evil.com/`, `a b`, an empty string) could change the host the
/// request goes to; it is refused with an error naming the region. Letters of either case are
/// accepted, as host names are case-insensitive.
pub fn check_region(region: &str) -> Result<(), BoxError> {
    let bytes = region.as_bytes();
    let valid = (1..=63).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && !region.starts_with('-')
        && !region.ends_with('-');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "invalid region {region:?}: a region must be a host label (1 to 63 letters, digits \
             and `-`, not starting or ending with `-`)"
        )
        .into())
    }
}

/// What a generated crate implements per operation; [`invoke`](crate::invoke) does the rest.
pub trait OperationSpec: Send + Sync + 'static {
    /// The operation input.
    type Input: Clone + Send + Sync + fmt::Debug + 'static;
    /// The operation output (it records the response's request id).
    type Output: SetRequestId + Send + Sync + fmt::Debug + 'static;
    /// The operation error: a variant per modeled error plus an unhandled fallback built by
    /// `From<ErrorMetadata>` (and by `CreateUnhandledError`, which `SdkError::into_service_error`
    /// needs).
    type Error: std::error::Error
        + ProvideErrorMetadata
        + From<ErrorMetadata>
        + CreateUnhandledError
        + OperationError
        + Send
        + Sync
        + fmt::Debug
        + 'static;

    /// Operation name as in the model, e.g. `CreatePaymentSession`.
    const NAME: &'static str;

    /// The operation's own auth schemes in preference order, when they differ from the
    /// service's ([`ServiceSpec::auth`]); `&[AuthScheme::NoAuth]` sends it unsigned.
    const AUTH: Option<&'static [AuthScheme]> = None;

    /// The output holds `@sensitive` data: the orchestrator is told not to log response bodies
    /// (`SensitiveOutput` in the config bag).
    const SENSITIVE_OUTPUT: bool = false;

    /// The input holds `@sensitive` data: the request body is hidden from the orchestrator's
    /// TRACE log of the request ([`SensitiveRequestBodyInterceptor`](crate::log_redaction::SensitiveRequestBodyInterceptor)).
    const SENSITIVE_INPUT: bool = false;

    /// Records constraint violations of `input` (`@required`, `@length`, `@range`, `@pattern`).
    fn validate(input: &Self::Input, v: &mut Validator) {
        let _ = (input, v);
    }

    /// Fills unset `@idempotencyToken` members (called once per call, before any attempt).
    fn prepare(input: &mut Self::Input, tokens: &IdempotencyTokenProvider) {
        let _ = (input, tokens);
    }

    /// The `@endpoint` host prefix for this input (labels filled in), prepended to the endpoint's
    /// host; `None` when the operation has none.
    fn host_prefix(input: &Self::Input) -> Result<Option<String>, BuildError> {
        let _ = input;
        Ok(None)
    }

    /// An endpoint this input names for its own call (Machine Learning's `PredictEndpoint`),
    /// which wins over the config's and the endpoint rules'.
    fn endpoint_override(input: &Self::Input) -> Option<String> {
        let _ = input;
        None
    }

    /// Writes the request (method/URI for REST protocols, labels, query, headers, body).
    fn serialize(input: Self::Input, req: &mut RequestBuilder) -> Result<(), BuildError>;

    /// Reads a successful (2xx) response.
    fn deserialize_output(resp: &Response<'_>) -> Result<Self::Output, DeserializeError>;

    /// Builds the error for a non-2xx response. `code` is the sanitised error code (empty for
    /// [`Protocol::PlainRestJson`] or when the response carries none); unknown codes should
    /// become the unhandled variant via `Self::Error::from(body.into_meta())`.
    /// By default the error type's own [`OperationError::from_response`] decides.
    fn deserialize_error(code: &str, body: ErrorBody<'_>) -> Self::Error {
        Self::Error::from_response(code, body)
    }

    /// The retry kind of a modeled error (`@retryable`, throttling); `None` leaves the decision to
    /// the generic rules (HTTP status, AWS throttling codes). By default the error type decides.
    fn retryable(err: &Self::Error) -> Option<ErrorKind> {
        err.retryable_error_kind()
    }
}

/// An operation output that records the request id of the response it was read from.
pub trait SetRequestId {
    /// Stores the response's request id (`x-amzn-requestid` / `x-amz-request-id`).
    fn set_request_id(&mut self, request_id: Option<&str>);
}

/// What an operation's error enum knows about itself (generated with the enum): which variant a
/// response's error code selects, and how retries should treat each variant.
pub trait OperationError: Sized {
    /// The error for a non-2xx response with the (sanitised) `code`, read from `body` (which
    /// also yields the metadata); unknown codes become the unhandled variant.
    fn from_response(code: &str, body: ErrorBody<'_>) -> Self;

    /// The retry kind of this error (from `@retryable`), if the model says.
    fn retryable_error_kind(&self) -> Option<ErrorKind>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_types::region::Region;

    #[test]
    fn regional_endpoint_fills_and_checks_the_region() {
        let template = "https://svc.{region}.amazonaws.com";
        let none = ConfigCore::builder().build();
        let err = regional_endpoint(&none, template).unwrap_err();
        assert!(err.to_string().contains("no region configured"), "{err}");
        let ok = ConfigCore::builder()
            .region(Region::new("eu-west-3"))
            .build();
        assert_eq!(
            regional_endpoint(&ok, template).unwrap(),
            "https://svc.eu-west-3.amazonaws.com"
        );
        let evil = ConfigCore::builder()
            .region(Region::new("x.evil.com/"))
            .build();
        assert!(regional_endpoint(&evil, template).is_err());
        assert_eq!(
            regional_endpoint(&none, "https://global.example").unwrap(),
            "https://global.example"
        );
        let custom = ConfigCore::builder()
            .endpoint_url("http://127.0.0.1:9")
            .build();
        assert_eq!(
            regional_endpoint(&custom, template).unwrap(),
            "http://127.0.0.1:9"
        );
    }

    #[test]
    fn check_region_is_the_host_label_rule() {
        let long = "a".repeat(64);
        for bad in [
            "us-east-1.evil.com/",
            "a b",
            "",
            "-a",
            "a-",
            "a_b",
            "é",
            long.as_str(),
        ] {
            let err = check_region(bad).unwrap_err().to_string();
            assert!(err.contains(&format!("{bad:?}")), "{err}");
        }
        let max = "a".repeat(63);
        for good in ["us-east-1", "US-EAST-1", "a", "us-gov-west-1", max.as_str()] {
            assert!(check_region(good).is_ok(), "{good}");
        }
    }
}
