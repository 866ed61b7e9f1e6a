//! Keeping `@sensitive` input out of the orchestrator's TRACE logs.
//!
//! The smithy-rs orchestrator logs every request it transmits (`transmitting request`, at TRACE)
//! with its `Debug` form, and the `Debug` of an in-memory body prints the bytes: the serialised
//! input, sensitive members included. smithy-rs has `SensitiveOutput` for response bodies but no
//! counterpart for requests. So for an operation whose input holds sensitive data, the
//! [`SensitiveRequestBodyInterceptor`] wraps the request body, after signing and before the
//! request is logged and sent, in a body whose `Debug` is opaque (`BoxBody`). The bytes sent are
//! the same. As with `SensitiveOutput`, `LOG_SENSITIVE_BODIES=true` in the environment keeps the
//! body printable.
//!
//! The same log prints the request's URI and headers. The runtime redacts `Authorization` and
//! `X-Amz-Security-Token` there, but not the header or query parameter an `@httpApiKeyAuth` key
//! travels in (`x-api-key`, `api_key`, ...). For operations signed with an API key, the
//! [`ApiKeyLogInterceptor`] takes the key out of the request after signing (the header, or the
//! query parameter's value, which becomes `***`) and keeps it in the request's extensions, which
//! print as type names only; the HTTP client wrapper [`RestoringHttpClient`] puts it back just
//! before the request goes on the wire. Interceptors' `read_before_transmit` hooks therefore see
//! the request without the key.

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextMut;
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_runtime_api::client::runtime_components::{
    RuntimeComponents, RuntimeComponentsBuilder,
};
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;

use crate::spec::ApiKeyLocation;

/// The environment variable that, set to `true`, lets sensitive bodies be logged (the name the
/// orchestrator reads for response bodies).
const LOG_SENSITIVE_BODIES: &str = "LOG_SENSITIVE_BODIES";

fn log_sensitive_bodies() -> bool {
    std::env::var(LOG_SENSITIVE_BODIES).is_ok_and(|v| v.eq_ignore_ascii_case("true"))
}

/// Hides the request body of an operation with sensitive input from `Debug` (and so from the
/// orchestrator's TRACE logs); see the [module docs](self).
#[derive(Debug, Default)]
pub struct SensitiveRequestBodyInterceptor;

impl Intercept for SensitiveRequestBodyInterceptor {
    fn name(&self) -> &'static str {
        "sdk_runtime::SensitiveRequestBodyInterceptor"
    }

    fn modify_before_transmit(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if log_sensitive_bodies() {
            return Ok(());
        }
        let body = std::mem::replace(context.request_mut().body_mut(), SdkBody::taken());
        // A boxed body prints as `BoxBody`; `map_preserve_contents` keeps it retryable and its
        // bytes readable to code that asks for them (a signer on a retry).
        *context.request_mut().body_mut() = body.map_preserve_contents(SdkBody::from_body_1_x);
        Ok(())
    }
}

/// What [`ApiKeyLogInterceptor`] took out of a request, for [`RestoringHttpClient`] to put back.
#[derive(Clone)]
struct HiddenApiKey {
    /// The header and its value.
    header: Option<(String, String)>,
    /// The URI with the key in its query.
    uri: Option<String>,
}

/// `uri` with the value of query parameter `name` replaced by `***`; `None` when it has none.
fn redact_query_param(uri: &str, name: &str) -> Option<String> {
    let (path, query) = uri.split_once('?')?;
    let (query, fragment) = match query.split_once('#') {
        Some((query, fragment)) => (query, Some(fragment)),
        None => (query, None),
    };
    let mut found = false;
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _))
                if percent_encoding::percent_decode_str(key).decode_utf8_lossy() == name =>
            {
                found = true;
                format!("{key}=***")
            }
            _ => pair.to_owned(),
        })
        .collect();
    found.then(|| {
        let mut out = format!("{path}?{}", pairs.join("&"));
        if let Some(fragment) = fragment {
            out.push('#');
            out.push_str(fragment);
        }
        out
    })
}

/// Takes the API key out of a signed request before the orchestrator logs it; see the
/// [module docs](self).
#[derive(Debug)]
pub struct ApiKeyLogInterceptor {
    name: &'static str,
    location: ApiKeyLocation,
}

impl ApiKeyLogInterceptor {
    /// For a key sent in header or query parameter `name`.
    pub fn new(name: &'static str, location: ApiKeyLocation) -> Self {
        Self { name, location }
    }
}

impl Intercept for ApiKeyLogInterceptor {
    fn name(&self) -> &'static str {
        "sdk_runtime::ApiKeyLogInterceptor"
    }

    fn modify_before_transmit(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let request = context.request_mut();
        let mut hidden = HiddenApiKey {
            header: None,
            uri: None,
        };
        match self.location {
            ApiKeyLocation::Header => {
                if let Some(value) = request.headers_mut().remove(self.name) {
                    hidden.header = Some((self.name.to_owned(), value));
                }
            }
            ApiKeyLocation::Query => {
                let original = request.uri().to_owned();
                if let Some(redacted) = redact_query_param(&original, self.name) {
                    request.set_uri(redacted.as_str())?;
                    hidden.uri = Some(original);
                }
            }
        }
        if hidden.header.is_some() || hidden.uri.is_some() {
            request.add_extension(hidden);
        }
        Ok(())
    }
}

/// Puts back what [`ApiKeyLogInterceptor`] took out of a request, then sends it with the wrapped
/// client.
#[derive(Debug)]
pub struct RestoringHttpClient(pub SharedHttpClient);

#[derive(Debug)]
struct RestoringConnector(SharedHttpConnector);

fn restore(request: &mut HttpRequest) -> Result<(), BoxError> {
    let Some(hidden) = request.extension::<HiddenApiKey>().cloned() else {
        return Ok(());
    };
    if let Some((name, value)) = hidden.header {
        request.headers_mut().insert(name, value);
    }
    if let Some(uri) = hidden.uri {
        request.set_uri(uri.as_str())?;
    }
    Ok(())
}

impl HttpConnector for RestoringConnector {
    fn call(&self, mut request: HttpRequest) -> HttpConnectorFuture {
        match restore(&mut request) {
            Ok(()) => self.0.call(request),
            Err(e) => HttpConnectorFuture::ready(Err(
                aws_smithy_runtime_api::client::result::ConnectorError::other(e, None),
            )),
        }
    }
}

impl HttpClient for RestoringHttpClient {
    fn http_connector(
        &self,
        settings: &HttpConnectorSettings,
        components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(RestoringConnector(
            self.0.http_connector(settings, components),
        ))
    }

    fn validate_base_client_config(
        &self,
        runtime_components: &RuntimeComponentsBuilder,
        cfg: &ConfigBag,
    ) -> Result<(), BoxError> {
        self.0.validate_base_client_config(runtime_components, cfg)
    }

    fn validate_final_config(
        &self,
        runtime_components: &RuntimeComponents,
        cfg: &ConfigBag,
    ) -> Result<(), BoxError> {
        self.0.validate_final_config(runtime_components, cfg)
    }

    fn connector_metadata(
        &self,
    ) -> Option<aws_smithy_runtime_api::client::connector_metadata::ConnectorMetadata> {
        self.0.connector_metadata()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_keys_are_redacted_by_name_only() {
        assert_eq!(
            redact_query_param("https://h/p?a=1&api%5Fkey=s3cr3t&b=2#f", "api_key").as_deref(),
            Some("https://h/p?a=1&api%5Fkey=***&b=2#f")
        );
        assert_eq!(
            redact_query_param("https://h/p?key=1", "api_key"),
            None,
            "another parameter"
        );
        assert_eq!(redact_query_param("https://h/p", "api_key"), None);
    }

    #[test]
    fn a_hidden_key_is_restored_before_sending() {
        let mut request = HttpRequest::get("https://h/p?api_key=***").unwrap();
        request.add_extension(HiddenApiKey {
            header: Some(("x-api-key".into(), "k".into())),
            uri: Some("https://h/p?api_key=k".into()),
        });
        assert!(!format!("{request:?}").contains("=k"));
        restore(&mut request).unwrap();
        assert_eq!(request.uri(), "https://h/p?api_key=k");
        assert_eq!(request.headers().get("x-api-key"), Some("k"));
    }

    #[test]
    fn a_wrapped_body_keeps_its_bytes_but_not_in_debug() {
        let body = SdkBody::from("{\"password\":\"hunter2\"}");
        assert!(format!("{body:?}").contains("hunter2"));
        let wrapped = body.map_preserve_contents(SdkBody::from_body_1_x);
        let shown = format!("{wrapped:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(
            wrapped.bytes(),
            Some(&b"{\"password\":\"hunter2\"}"[..]),
            "the bytes are still there"
        );
        let retried = wrapped.try_clone().expect("retryable");
        assert!(!format!("{retried:?}").contains("hunter2"));
    }
}
