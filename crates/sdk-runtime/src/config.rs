//! Client configuration shared by every generated crate.
//!
//! A generated crate wraps [`ConfigCore`] / [`ConfigCoreBuilder`] in its own `Config` / `Builder`
//! newtypes and forwards the methods that apply to its service (aws-sdk-rust names). Each setting
//! has a consuming `x(self, v) -> Self` and an in-place `set_x(&mut self, Option<v>) -> &mut Self`.
//!
//! Defaults: standard retries (3 attempts, exponential backoff with jitter), the tokio sleep
//! implementation, the system clock, a 3.1 s connect timeout, random UUIDv4 idempotency tokens,
//! client-side validation on, a 64 MiB limit on response bodies, and (with the `rustls` feature) a shared hyper + rustls HTTPS client.

use std::fmt;
use std::time::Duration;

use aws_credential_types::Credentials;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_smithy_async::rt::sleep::{AsyncSleep, SharedAsyncSleep, default_async_sleep};
use aws_smithy_async::time::{SharedTimeSource, StaticTimeSource, TimeSource};
use aws_smithy_runtime_api::client::behavior_version::BehaviorVersion;
use aws_smithy_runtime_api::client::endpoint::SharedEndpointResolver;
use aws_smithy_runtime_api::client::http::{HttpClient, SharedHttpClient};
use aws_smithy_runtime_api::client::interceptors::{Intercept, SharedInterceptor};
use aws_smithy_runtime_api::client::stalled_stream_protection::StalledStreamProtectionConfig;
use aws_smithy_runtime_api::shared::IntoShared;
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;
use aws_types::app_name::AppName;
use aws_types::region::Region;
use aws_types::sdk_config::SdkConfig;

use crate::idempotency::IdempotencyTokenProvider;

/// Resolved configuration of a client; cheap to clone.
#[derive(Clone)]
pub struct ConfigCore {
    pub(crate) endpoint_url: Option<String>,
    pub(crate) endpoint_resolver: Option<SharedEndpointResolver>,
    pub(crate) region: Option<Region>,
    pub(crate) credentials_provider: Option<SharedCredentialsProvider>,
    pub(crate) http_client: Option<SharedHttpClient>,
    pub(crate) retry_config: RetryConfig,
    pub(crate) timeout_config: TimeoutConfig,
    pub(crate) sleep_impl: Option<SharedAsyncSleep>,
    pub(crate) time_source: Option<SharedTimeSource>,
    pub(crate) interceptors: Vec<SharedInterceptor>,
    pub(crate) behavior_version: BehaviorVersion,
    pub(crate) idempotency_token_provider: IdempotencyTokenProvider,
    pub(crate) bearer_token: Option<String>,
    pub(crate) api_key: Option<String>,
    pub(crate) validation: bool,
    pub(crate) app_name: Option<AppName>,
    pub(crate) use_fips: bool,
    pub(crate) use_dual_stack: bool,
    pub(crate) disable_request_compression: bool,
    pub(crate) stalled_stream_protection: Option<StalledStreamProtectionConfig>,
    pub(crate) request_min_compression_size_bytes: u32,
    pub(crate) max_response_body_size_bytes: u64,
}

impl fmt::Debug for ConfigCore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigCore")
            .field("endpoint_url", &self.endpoint_url)
            .field("endpoint_resolver", &self.endpoint_resolver.is_some())
            .field("region", &self.region)
            .field("credentials_provider", &self.credentials_provider.is_some())
            .field("http_client", &self.http_client.is_some())
            .field("retry_config", &self.retry_config)
            .field("timeout_config", &self.timeout_config)
            .field("interceptors", &self.interceptors.len())
            .field("behavior_version", &self.behavior_version)
            .field(
                "idempotency_token_provider",
                &self.idempotency_token_provider,
            )
            .field(
                "bearer_token",
                &self.bearer_token.as_ref().map(|_| "** redacted **"),
            )
            .field("api_key", &self.api_key.as_ref().map(|_| "** redacted **"))
            .field("validation", &self.validation)
            .field("app_name", &self.app_name)
            .finish_non_exhaustive()
    }
}

impl ConfigCore {
    /// A builder with the defaults.
    pub fn builder() -> ConfigCoreBuilder {
        ConfigCoreBuilder::default()
    }

    /// A builder holding this configuration (for `Config::to_builder`).
    pub fn to_builder(&self) -> ConfigCoreBuilder {
        ConfigCoreBuilder {
            endpoint_url: self.endpoint_url.clone(),
            endpoint_resolver: self.endpoint_resolver.clone(),
            region: self.region.clone(),
            credentials_provider: self.credentials_provider.clone(),
            http_client: self.http_client.clone(),
            retry_config: Some(self.retry_config.clone()),
            timeout_config: Some(self.timeout_config.clone()),
            sleep_impl: self.sleep_impl.clone(),
            time_source: self.time_source.clone(),
            interceptors: self.interceptors.clone(),
            behavior_version: Some(self.behavior_version),
            idempotency_token_provider: Some(self.idempotency_token_provider.clone()),
            bearer_token: self.bearer_token.clone(),
            api_key: self.api_key.clone(),
            validation: Some(self.validation),
            app_name: self.app_name.clone(),
            use_fips: Some(self.use_fips),
            use_dual_stack: Some(self.use_dual_stack),
            disable_request_compression: Some(self.disable_request_compression),
            stalled_stream_protection: self.stalled_stream_protection.clone(),
            request_min_compression_size_bytes: Some(self.request_min_compression_size_bytes),
            max_response_body_size_bytes: Some(self.max_response_body_size_bytes),
        }
    }

    /// The smallest body `@requestCompression` compresses; `None` when compression is off.
    pub fn request_compression_threshold(&self) -> Option<usize> {
        (!self.disable_request_compression)
            .then(|| usize::try_from(self.request_min_compression_size_bytes).unwrap_or(usize::MAX))
    }

    /// The largest response body a call reads, in bytes (`u64::MAX`: no limit).
    pub fn max_response_body_size_bytes(&self) -> u64 {
        self.max_response_body_size_bytes
    }

    /// The custom endpoint resolver, when one is set (otherwise the service's endpoint rules).
    pub fn endpoint_resolver(&self) -> Option<&SharedEndpointResolver> {
        self.endpoint_resolver.as_ref()
    }

    /// Whether to call the service's FIPS endpoint (endpoint rules parameter `UseFIPS`).
    pub fn use_fips(&self) -> bool {
        self.use_fips
    }

    /// Whether to call the service's dual-stack endpoint (parameter `UseDualStack`).
    pub fn use_dual_stack(&self) -> bool {
        self.use_dual_stack
    }

    /// The endpoint URL override, if any.
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// The region, if any.
    pub fn region(&self) -> Option<&Region> {
        self.region.as_ref()
    }

    /// The credentials provider, if any.
    pub fn credentials_provider(&self) -> Option<SharedCredentialsProvider> {
        self.credentials_provider.clone()
    }

    /// The HTTP client: the configured one, else the default client (feature `rustls`).
    pub fn http_client(&self) -> Option<SharedHttpClient> {
        self.http_client.clone().or_else(default_http_client)
    }

    /// The retry configuration.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.retry_config
    }

    /// The timeout configuration.
    pub fn timeout_config(&self) -> &TimeoutConfig {
        &self.timeout_config
    }

    /// The sleep implementation, if one is set or the tokio default is available.
    pub fn sleep_impl(&self) -> Option<SharedAsyncSleep> {
        self.sleep_impl.clone().or_else(default_async_sleep)
    }

    /// The time source, if one is set (the system clock is used otherwise).
    pub fn time_source(&self) -> Option<SharedTimeSource> {
        self.time_source.clone()
    }

    /// The configured interceptors.
    pub fn interceptors(&self) -> impl Iterator<Item = SharedInterceptor> + '_ {
        self.interceptors.iter().cloned()
    }

    /// The behavior version.
    pub fn behavior_version(&self) -> BehaviorVersion {
        self.behavior_version
    }

    /// The idempotency token provider.
    pub fn idempotency_token_provider(&self) -> &IdempotencyTokenProvider {
        &self.idempotency_token_provider
    }

    /// The bearer token, if any.
    pub fn bearer_token(&self) -> Option<&str> {
        self.bearer_token.as_deref()
    }

    /// The stalled-stream protection settings, when configured (otherwise the default: on).
    pub fn stalled_stream_protection(&self) -> Option<&StalledStreamProtectionConfig> {
        self.stalled_stream_protection.as_ref()
    }

    /// The API key (`@httpApiKeyAuth`), if any.
    pub fn api_key(&self) -> Option<&str> {
        self.api_key.as_deref()
    }

    /// Whether client-side validation runs.
    pub fn validation(&self) -> bool {
        self.validation
    }

    /// The application name for the user agent, if any.
    pub fn app_name(&self) -> Option<&AppName> {
        self.app_name.as_ref()
    }
}

#[cfg(feature = "rustls")]
fn default_http_client() -> Option<SharedHttpClient> {
    use std::sync::OnceLock;
    static CLIENT: OnceLock<SharedHttpClient> = OnceLock::new();
    Some(
        CLIENT
            .get_or_init(|| {
                aws_smithy_http_client::Builder::new()
                    .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(
                        aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring,
                    ))
                    .build_https()
            })
            .clone(),
    )
}

#[cfg(not(feature = "rustls"))]
fn default_http_client() -> Option<SharedHttpClient> {
    None
}

/// Builder for [`ConfigCore`].
#[derive(Clone, Default)]
pub struct ConfigCoreBuilder {
    endpoint_url: Option<String>,
    endpoint_resolver: Option<SharedEndpointResolver>,
    region: Option<Region>,
    credentials_provider: Option<SharedCredentialsProvider>,
    http_client: Option<SharedHttpClient>,
    retry_config: Option<RetryConfig>,
    timeout_config: Option<TimeoutConfig>,
    sleep_impl: Option<SharedAsyncSleep>,
    time_source: Option<SharedTimeSource>,
    interceptors: Vec<SharedInterceptor>,
    behavior_version: Option<BehaviorVersion>,
    idempotency_token_provider: Option<IdempotencyTokenProvider>,
    bearer_token: Option<String>,
    api_key: Option<String>,
    validation: Option<bool>,
    app_name: Option<AppName>,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    disable_request_compression: Option<bool>,
    stalled_stream_protection: Option<StalledStreamProtectionConfig>,
    request_min_compression_size_bytes: Option<u32>,
    max_response_body_size_bytes: Option<u64>,
}

impl fmt::Debug for ConfigCoreBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigCoreBuilder")
            .field("endpoint_url", &self.endpoint_url)
            .field("region", &self.region)
            .field(
                "bearer_token",
                &self.bearer_token.as_ref().map(|_| "** redacted **"),
            )
            .field("api_key", &self.api_key.as_ref().map(|_| "** redacted **"))
            .finish_non_exhaustive()
    }
}

macro_rules! setting {
    ($(#[$doc:meta])* $name:ident, $set:ident, $field:ident: $ty:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$field = Some(value.into());
            self
        }

        $(#[$doc])*
        ///
        /// In-place form; `None` restores the default.
        pub fn $set(&mut self, value: Option<$ty>) -> &mut Self {
            self.$field = value;
            self
        }
    };
}

impl ConfigCoreBuilder {
    /// A builder seeded from a shared AWS configuration (region, credentials, endpoint URL, retry
    /// and timeout settings, sleep, time source, HTTP client, behavior version, app name).
    pub fn from_sdk_config(config: &SdkConfig) -> Self {
        Self {
            endpoint_url: config.endpoint_url().map(str::to_owned),
            endpoint_resolver: None,
            region: config.region().cloned(),
            credentials_provider: config.credentials_provider(),
            http_client: config.http_client(),
            retry_config: config.retry_config().cloned(),
            timeout_config: config.timeout_config().cloned(),
            sleep_impl: config.sleep_impl(),
            time_source: config.time_source(),
            interceptors: Vec::new(),
            behavior_version: config.behavior_version(),
            idempotency_token_provider: None,
            bearer_token: None,
            api_key: None,
            validation: None,
            app_name: config.app_name().cloned(),
            use_fips: config.use_fips(),
            use_dual_stack: config.use_dual_stack(),
            disable_request_compression: config.disable_request_compression(),
            stalled_stream_protection: config.stalled_stream_protection(),
            request_min_compression_size_bytes: config.request_min_compression_size_bytes(),
            max_response_body_size_bytes: None,
        }
    }

    /// Stalled-stream protection: a call fails when a request or response body moves less than
    /// one byte per second for longer than the grace period (default: on, 5 s grace, as in
    /// aws-sdk-rust). `StalledStreamProtectionConfig::disabled()` turns it off.
    pub fn stalled_stream_protection(mut self, config: StalledStreamProtectionConfig) -> Self {
        self.stalled_stream_protection = Some(config);
        self
    }

    /// The largest response body a call reads, in bytes (default: 64 MiB,
    /// [`DEFAULT_MAX_RESPONSE_BODY_SIZE_BYTES`](crate::body_limit::DEFAULT_MAX_RESPONSE_BODY_SIZE_BYTES)).
    /// A larger body fails the call with `SdkError::ResponseError` whose source is a
    /// [`ResponseBodyTooLarge`](crate::ResponseBodyTooLarge), before anything is decoded and
    /// without a retry; `u64::MAX` turns the limit off.
    pub fn max_response_body_size_bytes(mut self, bytes: u64) -> Self {
        self.max_response_body_size_bytes = Some(bytes);
        self
    }

    /// The largest response body a call reads; in-place form (`None` restores the default).
    pub fn set_max_response_body_size_bytes(&mut self, bytes: Option<u64>) -> &mut Self {
        self.max_response_body_size_bytes = bytes;
        self
    }

    /// Turns `@requestCompression` off (default: compression on).
    pub fn disable_request_compression(mut self, disabled: bool) -> Self {
        self.disable_request_compression = Some(disabled);
        self
    }

    /// Compresses bodies of at least this many bytes (default: 10,240; AWS SDKs allow at most
    /// 10,485,760).
    pub fn request_min_compression_size_bytes(mut self, bytes: u32) -> Self {
        self.request_min_compression_size_bytes = Some(bytes);
        self
    }

    /// Calls the service's FIPS endpoint (default: `false`).
    pub fn use_fips(mut self, enabled: bool) -> Self {
        self.use_fips = Some(enabled);
        self
    }

    /// Calls the service's FIPS endpoint; in-place form (`None` restores the default).
    pub fn set_use_fips(&mut self, enabled: Option<bool>) -> &mut Self {
        self.use_fips = enabled;
        self
    }

    /// Calls the service's dual-stack (IPv4 and IPv6) endpoint (default: `false`).
    pub fn use_dual_stack(mut self, enabled: bool) -> Self {
        self.use_dual_stack = Some(enabled);
        self
    }

    /// Calls the service's dual-stack endpoint; in-place form (`None` restores the default).
    pub fn set_use_dual_stack(&mut self, enabled: Option<bool>) -> &mut Self {
        self.use_dual_stack = enabled;
        self
    }

    setting!(
        /// Sends requests to this URL instead of the resolved service endpoint.
        endpoint_url, set_endpoint_url, endpoint_url: String
    );
    setting!(
        /// The region to call and to sign for.
        region, set_region, region: Region
    );
    setting!(
        /// Retry settings (default: standard mode, 3 attempts, exponential backoff with jitter).
        retry_config, set_retry_config, retry_config: RetryConfig
    );
    setting!(
        /// Connect / read / operation timeouts (default: 3.1 s connect timeout).
        timeout_config, set_timeout_config, timeout_config: TimeoutConfig
    );
    setting!(
        /// Behavior version (default: the latest).
        behavior_version, set_behavior_version, behavior_version: BehaviorVersion
    );
    setting!(
        /// Provider of `@idempotencyToken` values (default: random UUIDv4).
        idempotency_token_provider, set_idempotency_token_provider,
        idempotency_token_provider: IdempotencyTokenProvider
    );
    setting!(
        /// Token sent as `Authorization: Bearer <token>` by operations with `@httpBearerAuth`.
        bearer_token, set_bearer_token, bearer_token: String
    );
    setting!(
        /// Key sent by operations with `@httpApiKeyAuth` (in the header or query parameter the
        /// model names).
        api_key, set_api_key, api_key: String
    );
    setting!(
        /// Application name added to the user agent.
        app_name, set_app_name, app_name: AppName
    );

    /// Whether to check `@required`, `@length`, `@range` and `@pattern` before sending
    /// (default: `true`).
    pub fn validation(mut self, enabled: bool) -> Self {
        self.validation = Some(enabled);
        self
    }

    /// Whether to check constraints before sending; in-place form (`None` restores the default).
    pub fn set_validation(&mut self, enabled: Option<bool>) -> &mut Self {
        self.validation = enabled;
        self
    }

    /// Credentials used for SigV4 signing.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials_provider = Some(SharedCredentialsProvider::new(provider));
        self
    }

    /// Credentials used for SigV4 signing; in-place form.
    pub fn set_credentials_provider(
        &mut self,
        provider: Option<SharedCredentialsProvider>,
    ) -> &mut Self {
        self.credentials_provider = provider;
        self
    }

    /// The HTTP client that sends requests (required when the `rustls` feature is off).
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.http_client = Some(client.into_shared());
        self
    }

    /// The HTTP client; in-place form.
    pub fn set_http_client(&mut self, client: Option<SharedHttpClient>) -> &mut Self {
        self.http_client = client;
        self
    }

    /// The async sleep used for retry backoff and timeouts (default: tokio).
    pub fn sleep_impl(mut self, sleep: impl AsyncSleep + 'static) -> Self {
        self.sleep_impl = Some(sleep.into_shared());
        self
    }

    /// The async sleep; in-place form.
    pub fn set_sleep_impl(&mut self, sleep: Option<SharedAsyncSleep>) -> &mut Self {
        self.sleep_impl = sleep;
        self
    }

    /// The clock used for signing and retries (default: system time).
    pub fn time_source(mut self, time_source: impl TimeSource + 'static) -> Self {
        self.time_source = Some(time_source.into_shared());
        self
    }

    /// The clock; in-place form.
    pub fn set_time_source(&mut self, time_source: Option<SharedTimeSource>) -> &mut Self {
        self.time_source = time_source;
        self
    }

    /// Adds an interceptor that runs for every operation.
    pub fn interceptor(mut self, interceptor: impl Intercept + 'static) -> Self {
        self.interceptors.push(SharedInterceptor::new(interceptor));
        self
    }

    /// Adds an interceptor; in-place form.
    pub fn push_interceptor(&mut self, interceptor: SharedInterceptor) -> &mut Self {
        self.interceptors.push(interceptor);
        self
    }

    /// Replaces all interceptors.
    pub fn set_interceptors(
        &mut self,
        interceptors: impl IntoIterator<Item = SharedInterceptor>,
    ) -> &mut Self {
        self.interceptors = interceptors.into_iter().collect();
        self
    }

    /// Resolves endpoints with this resolver instead of the service's endpoint rules. It
    /// receives the service's typed endpoint `Params` (in an `EndpointResolverParams`); generated
    /// crates wrap their own `ResolveEndpoint` trait into this. In-place form; `None` restores the
    /// rules.
    pub fn set_endpoint_resolver(&mut self, resolver: Option<SharedEndpointResolver>) -> &mut Self {
        self.endpoint_resolver = resolver;
        self
    }

    /// The region set so far.
    pub fn get_region(&self) -> Option<&Region> {
        self.region.as_ref()
    }

    /// The endpoint URL set so far.
    pub fn get_endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// Settings for tests that must not depend on the machine or the clock (what aws-sdk-rust's
    /// `apply_test_defaults` sets): the clock stopped at 2009-02-13T23:31:30Z (Unix time
    /// 1234567890), idempotency tokens `00000000-0000-4000-8000-000000000000`, static test
    /// credentials (which sign, but are valid nowhere) and the latest behavior version. Generated
    /// crates expose it as `Builder::with_test_defaults` behind their `test-util` feature.
    pub fn apply_test_defaults(&mut self) -> &mut Self {
        self.time_source = Some(SharedTimeSource::new(StaticTimeSource::new(
            std::time::UNIX_EPOCH + Duration::from_secs(1_234_567_890),
        )));
        self.idempotency_token_provider = Some(IdempotencyTokenProvider::fixed(
            "00000000-0000-4000-8000-000000000000",
        ));
        self.credentials_provider = Some(SharedCredentialsProvider::new(Credentials::new(
            "ANOTREAL",
            "notrealrnrELgWzOk3IfjzDKtFBhDby",
            Some("notarealsessiontoken".to_string()),
            None,
            "test",
        )));
        self.behavior_version = Some(BehaviorVersion::latest());
        self
    }

    /// [`apply_test_defaults`](Self::apply_test_defaults), and the region `us-east-1` when none
    /// is set (aws-sdk-rust's `apply_test_defaults_v2`).
    pub fn apply_test_defaults_v2(&mut self) -> &mut Self {
        self.apply_test_defaults();
        if self.region.is_none() {
            self.region = Some(Region::from_static("us-east-1"));
        }
        self
    }

    /// This builder with every setting `over` sets replacing its own, and `over`'s interceptors
    /// added after its own (what a per-call `config_override` does).
    pub fn merged_with(self, over: ConfigCoreBuilder) -> ConfigCoreBuilder {
        let mut base = self;
        if over.endpoint_url.is_some() {
            base.endpoint_url = over.endpoint_url;
        }
        if over.endpoint_resolver.is_some() {
            base.endpoint_resolver = over.endpoint_resolver;
        }
        if over.region.is_some() {
            base.region = over.region;
        }
        if over.credentials_provider.is_some() {
            base.credentials_provider = over.credentials_provider;
        }
        if over.http_client.is_some() {
            base.http_client = over.http_client;
        }
        if over.retry_config.is_some() {
            base.retry_config = over.retry_config;
        }
        if over.timeout_config.is_some() {
            base.timeout_config = over.timeout_config;
        }
        if over.sleep_impl.is_some() {
            base.sleep_impl = over.sleep_impl;
        }
        if over.time_source.is_some() {
            base.time_source = over.time_source;
        }
        if over.behavior_version.is_some() {
            base.behavior_version = over.behavior_version;
        }
        if over.idempotency_token_provider.is_some() {
            base.idempotency_token_provider = over.idempotency_token_provider;
        }
        if over.bearer_token.is_some() {
            base.bearer_token = over.bearer_token;
        }
        if over.api_key.is_some() {
            base.api_key = over.api_key;
        }
        if over.validation.is_some() {
            base.validation = over.validation;
        }
        if over.app_name.is_some() {
            base.app_name = over.app_name;
        }
        if over.use_fips.is_some() {
            base.use_fips = over.use_fips;
        }
        if over.use_dual_stack.is_some() {
            base.use_dual_stack = over.use_dual_stack;
        }
        if over.disable_request_compression.is_some() {
            base.disable_request_compression = over.disable_request_compression;
        }
        if over.stalled_stream_protection.is_some() {
            base.stalled_stream_protection = over.stalled_stream_protection;
        }
        if over.request_min_compression_size_bytes.is_some() {
            base.request_min_compression_size_bytes = over.request_min_compression_size_bytes;
        }
        if over.max_response_body_size_bytes.is_some() {
            base.max_response_body_size_bytes = over.max_response_body_size_bytes;
        }
        base.interceptors.extend(over.interceptors);
        base
    }

    /// Builds the configuration, filling defaults.
    pub fn build(self) -> ConfigCore {
        ConfigCore {
            endpoint_url: self.endpoint_url,
            endpoint_resolver: self.endpoint_resolver,
            region: self.region,
            credentials_provider: self.credentials_provider,
            http_client: self.http_client,
            retry_config: self.retry_config.unwrap_or_else(RetryConfig::standard),
            timeout_config: self.timeout_config.unwrap_or_else(|| {
                TimeoutConfig::builder()
                    .connect_timeout(Duration::from_millis(3100))
                    .build()
            }),
            sleep_impl: self.sleep_impl,
            time_source: self.time_source,
            interceptors: self.interceptors,
            behavior_version: self
                .behavior_version
                .unwrap_or_else(BehaviorVersion::latest),
            idempotency_token_provider: self.idempotency_token_provider.unwrap_or_default(),
            bearer_token: self.bearer_token,
            api_key: self.api_key,
            validation: self.validation.unwrap_or(true),
            app_name: self.app_name,
            use_fips: self.use_fips.unwrap_or(false),
            use_dual_stack: self.use_dual_stack.unwrap_or(false),
            disable_request_compression: self.disable_request_compression.unwrap_or(false),
            stalled_stream_protection: self.stalled_stream_protection,
            request_min_compression_size_bytes: self
                .request_min_compression_size_bytes
                .unwrap_or(crate::request::MIN_COMPRESSION_SIZE as u32),
            max_response_body_size_bytes: self
                .max_response_body_size_bytes
                .unwrap_or(crate::body_limit::DEFAULT_MAX_RESPONSE_BODY_SIZE_BYTES),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_credential_types::Credentials;

    #[test]
    fn defaults() {
        let c = ConfigCore::builder().build();
        assert_eq!(c.retry_config().max_attempts(), 3);
        assert!(c.validation());
        assert!(c.endpoint_url().is_none());
        assert_eq!(c.max_response_body_size_bytes(), 64 * 1024 * 1024);
        assert_eq!(
            c.timeout_config().connect_timeout(),
            Some(Duration::from_millis(3100))
        );
        #[cfg(feature = "rustls")]
        assert!(c.http_client().is_some());
    }

    #[test]
    fn setters_and_round_trip() {
        let mut b = ConfigCore::builder()
            .region(Region::new("us-west-2"))
            .endpoint_url("http://127.0.0.1:1")
            .bearer_token("secret")
            .validation(false)
            .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"));
        b.set_retry_config(Some(RetryConfig::disabled()));
        let c = b.build();
        assert_eq!(c.region().map(|r| r.as_ref()), Some("us-west-2"));
        assert_eq!(c.bearer_token(), Some("secret"));
        assert!(!c.validation());
        assert_eq!(c.retry_config().max_attempts(), 1);
        assert!(!format!("{c:?}").contains("secret"));
        let again = c.to_builder().build();
        assert_eq!(again.endpoint_url(), Some("http://127.0.0.1:1"));
        assert!(again.credentials_provider().is_some());
    }

    #[test]
    fn from_sdk_config_copies_settings() {
        let sdk = SdkConfig::builder()
            .region(Region::new("eu-west-1"))
            .endpoint_url("http://localhost:9")
            .retry_config(RetryConfig::standard().with_max_attempts(5))
            .behavior_version(BehaviorVersion::latest())
            .build();
        let c = ConfigCoreBuilder::from_sdk_config(&sdk).build();
        assert_eq!(c.region().map(|r| r.as_ref()), Some("eu-west-1"));
        assert_eq!(c.endpoint_url(), Some("http://localhost:9"));
        assert_eq!(c.retry_config().max_attempts(), 5);
    }
}
