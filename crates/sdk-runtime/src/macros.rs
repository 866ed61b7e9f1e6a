//! The one macro generated crates use: `client_config!`, which writes a service's `Config` and
//! its builder (the same few dozen settings in every crate; the invocation names which groups a
//! service has, so it formats and reads as one line).

/// A generated crate's `Config` and config `Builder`, forwarding to [`ConfigCore`](crate::ConfigCore)
/// with aws-sdk-rust's method names. The arguments name the groups of settings the service needs:
/// `aws` adds `region`, `app_name`, `use_fips`, `use_dual_stack` and `From<&SdkConfig>`; `sigv4`
/// adds `credentials_provider`; `bearer` adds `bearer_token`; `api_key` adds `api_key`.
#[macro_export]
macro_rules! client_config {
    (@part aws) => {
        /// The AWS region to call and to sign requests for (`None` leaves it unset).
        pub fn region(mut self, region: impl ::std::convert::Into<::std::option::Option<$crate::types::Region>>) -> Self {
            self.0.set_region(region.into());
            self
        }
        /// The AWS region to call and to sign requests for; in-place form (`None` clears it).
        pub fn set_region(&mut self, region: ::std::option::Option<$crate::types::Region>) -> &mut Self {
            self.0.set_region(region);
            self
        }
        /// Calls the service's FIPS endpoint; in-place form (`None` is `false`).
        pub fn set_use_fips(&mut self, enabled: ::std::option::Option<bool>) -> &mut Self {
            self.0.set_use_fips(enabled);
            self
        }
        /// Calls the service's dual-stack endpoint; in-place form (`None` is `false`).
        pub fn set_use_dual_stack(&mut self, enabled: ::std::option::Option<bool>) -> &mut Self {
            self.0.set_use_dual_stack(enabled);
            self
        }
        $crate::client_config!(@setting
            /// The application name added to the user agent.
            app_name, set_app_name: $crate::types::AppName);
        /// Calls the service's FIPS endpoint (default: `false`).
        pub fn use_fips(mut self, enabled: bool) -> Self {
            self.0 = self.0.use_fips(enabled);
            self
        }
        /// Calls the service's dual-stack (IPv4 and IPv6) endpoint (default: `false`).
        pub fn use_dual_stack(mut self, enabled: bool) -> Self {
            self.0 = self.0.use_dual_stack(enabled);
            self
        }
    };
    (@part sigv4) => {
        /// Where SigV4 signing gets its credentials.
        pub fn credentials_provider(mut self, provider: impl $crate::types::ProvideCredentials + 'static) -> Self {
            self.0 = self.0.credentials_provider(provider);
            self
        }
        /// Where SigV4 signing gets its credentials; in-place form (`None` clears it).
        pub fn set_credentials_provider(
            &mut self,
            provider: ::std::option::Option<$crate::types::SharedCredentialsProvider>,
        ) -> &mut Self {
            self.0.set_credentials_provider(provider);
            self
        }
    };
    (@part bearer) => {
        $crate::client_config!(@setting
            /// The token sent as `Authorization: Bearer <token>` by operations that accept bearer auth.
            bearer_token, set_bearer_token: ::std::string::String);
    };
    (@part api_key) => {
        $crate::client_config!(@setting
            /// The API key sent by operations that accept API key auth.
            api_key, set_api_key: ::std::string::String);
    };
    (@from aws) => {
        impl Config {
            /// The configuration an [`SdkConfig`](aws_types::SdkConfig) describes.
            pub fn new(sdk_config: &$crate::types::SdkConfig) -> Self {
                Builder::from(sdk_config).build()
            }
            /// The region, if one is set.
            pub fn region(&self) -> ::std::option::Option<&$crate::types::Region> {
                self.0.region()
            }
        }
        impl ::std::convert::From<&$crate::types::SdkConfig> for Builder {
            fn from(sdk_config: &$crate::types::SdkConfig) -> Self {
                Builder($crate::config::ConfigCoreBuilder::from_sdk_config(sdk_config))
            }
        }
        impl ::std::convert::From<&$crate::types::SdkConfig> for Config {
            fn from(sdk_config: &$crate::types::SdkConfig) -> Self {
                Builder::from(sdk_config).build()
            }
        }
    };
    (@from $part:ident) => {};
    (@setting $(#[$doc:meta])* $name:ident, $set:ident: $ty:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: impl ::std::convert::Into<$ty>) -> Self {
            self.0 = self.0.$name(value);
            self
        }
        $(#[$doc])*
        ///
        /// In-place form; `None` restores the default.
        pub fn $set(&mut self, value: ::std::option::Option<$ty>) -> &mut Self {
            self.0.$set(value);
            self
        }
    };
    (@boxed $(#[$doc:meta])* $name:ident: $bound:path, $set:ident: $shared:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: impl $bound + 'static) -> Self {
            self.0 = self.0.$name(value);
            self
        }
        $(#[$doc])*
        ///
        /// In-place form; `None` restores the default.
        pub fn $set(&mut self, value: ::std::option::Option<$shared>) -> &mut Self {
            self.0.$set(value);
            self
        }
    };
    // aws-sdk-rust's test settings, which `aws_smithy_mocks::mock_client!` calls; the `cfg` is
    // the generated crate's own `test-util` feature.
    (@test_defaults) => {
        /// Settings for tests that must not depend on the machine or the clock: a stopped
        /// clock, fixed idempotency tokens, test credentials (see
        /// [`ConfigCoreBuilder::apply_test_defaults`]($crate::ConfigCoreBuilder::apply_test_defaults)).
        #[cfg(feature = "test-util")]
        pub fn apply_test_defaults(&mut self) -> &mut Self {
            self.0.apply_test_defaults();
            self
        }
        /// Settings for tests; consuming form of [`apply_test_defaults`](Self::apply_test_defaults).
        #[cfg(feature = "test-util")]
        pub fn with_test_defaults(mut self) -> Self {
            self.0.apply_test_defaults();
            self
        }
        /// Settings for tests, and the region `us-east-1` when none is set.
        #[cfg(feature = "test-util")]
        pub fn apply_test_defaults_v2(&mut self) -> &mut Self {
            self.0.apply_test_defaults_v2();
            self
        }
        /// Settings for tests, and the region `us-east-1` when none is set; consuming form of
        /// [`apply_test_defaults_v2`](Self::apply_test_defaults_v2).
        #[cfg(feature = "test-util")]
        pub fn with_test_defaults_v2(mut self) -> Self {
            self.0.apply_test_defaults_v2();
            self
        }
    };
    ($($part:ident),* $(,)?) => {
        $crate::client_config!(@common { $($crate::client_config!(@part $part);)* });
        $($crate::client_config!(@from $part);)*
        $($crate::client_config!(@reexport $part);)*
    };
    // The types the settings take, where aws-sdk-rust's `config` module has them.
    (@reexport aws) => {
        pub use $crate::types::{AppName, Region};
    };
    (@reexport sigv4) => {
        pub use $crate::types::{Credentials, SharedCredentialsProvider};
    };
    (@reexport $part:ident) => {};
    (@common { $($extra:tt)* }) => {
        pub use $crate::types::{
            BehaviorVersion, Intercept, SharedAsyncSleep, SharedHttpClient, SharedInterceptor,
            StalledStreamProtectionConfig,
        };
        pub use $crate::types::config::*;
        /// Retry settings.
        pub mod retry {
            pub use $crate::types::RetryConfig;
            pub use $crate::types::config::retry::*;
        }
        /// Timeout settings.
        pub mod timeout {
            pub use $crate::types::TimeoutConfig;
            pub use $crate::types::config::timeout::*;
        }
        /// HTTP request and response types.
        pub mod http {
            pub use $crate::types::{HttpRequest, HttpResponse};
        }
        /// Interceptor context types.
        pub mod interceptors {
            pub use $crate::types::config::interceptors::*;
        }
        /// Configuration of a [`Client`](crate::Client); build one with [`Config::builder`].
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct Config(pub(crate) $crate::config::ConfigCore);
        impl Config {
            /// A builder with every setting at its default.
            pub fn builder() -> Builder {
                Builder::default()
            }
            /// A builder holding this configuration's settings.
            pub fn to_builder(&self) -> Builder {
                Builder(self.0.to_builder())
            }
            /// The endpoint URL override, if any.
            pub fn endpoint_url(&self) -> ::std::option::Option<&str> {
                self.0.endpoint_url()
            }
            /// The retry settings.
            pub fn retry_config(&self) -> ::std::option::Option<&$crate::types::RetryConfig> {
                ::std::option::Option::Some(self.0.retry_config())
            }
            /// The timeout settings.
            pub fn timeout_config(&self) -> ::std::option::Option<&$crate::types::TimeoutConfig> {
                ::std::option::Option::Some(self.0.timeout_config())
            }
            /// The HTTP client, if one is set (otherwise the default client is used).
            pub fn http_client(&self) -> ::std::option::Option<$crate::types::SharedHttpClient> {
                self.0.http_client()
            }
            /// The sleep implementation, if one is set.
            pub fn sleep_impl(&self) -> ::std::option::Option<$crate::types::SharedAsyncSleep> {
                self.0.sleep_impl()
            }
            /// The stalled-stream protection settings, if set (protection is on by default).
            pub fn stalled_stream_protection(&self) -> ::std::option::Option<&$crate::types::StalledStreamProtectionConfig> {
                self.0.stalled_stream_protection()
            }
        }
        /// Builder for [`Config`].
        #[derive(::std::clone::Clone, ::std::fmt::Debug, ::std::default::Default)]
        pub struct Builder(pub(crate) $crate::config::ConfigCoreBuilder);
        impl Builder {
            /// A builder with every setting at its default.
            pub fn new() -> Self {
                Self::default()
            }
            /// Adds an interceptor; in-place form of [`interceptor`](Self::interceptor).
            pub fn push_interceptor(&mut self, interceptor: $crate::types::SharedInterceptor) -> &mut Self {
                self.0.push_interceptor(interceptor);
                self
            }
            $($extra)*
            $crate::client_config!(@setting
                /// Sends requests to this URL instead of the service's default endpoint.
                endpoint_url, set_endpoint_url: ::std::string::String);
            $crate::client_config!(@setting
                /// Retry settings (default: standard mode, 3 attempts, exponential backoff with jitter).
                retry_config, set_retry_config: $crate::types::RetryConfig);
            $crate::client_config!(@setting
                /// Connect, read and operation timeouts.
                timeout_config, set_timeout_config: $crate::types::TimeoutConfig);
            $crate::client_config!(@setting
                /// The behavior version (default: the latest).
                behavior_version, set_behavior_version: $crate::types::BehaviorVersion);
            $crate::client_config!(@setting
                /// Where unset `@idempotencyToken` members get their value (default: random UUIDv4).
                idempotency_token_provider, set_idempotency_token_provider: $crate::idempotency::IdempotencyTokenProvider);
            $crate::client_config!(@boxed
                /// The HTTP client (default: hyper with rustls, when the `rustls` feature is on).
                http_client: $crate::types::HttpClient,
                set_http_client: $crate::types::SharedHttpClient);
            $crate::client_config!(@boxed
                /// How the client sleeps between retries and for timeouts (default: tokio).
                sleep_impl: $crate::types::AsyncSleep,
                set_sleep_impl: $crate::types::SharedAsyncSleep);
            $crate::client_config!(@boxed
                /// The clock used for signing and retries (default: the system clock).
                time_source: $crate::types::TimeSource,
                set_time_source: $crate::types::SharedTimeSource);
            /// Adds an interceptor that sees every request and response.
            pub fn interceptor(mut self, interceptor: impl $crate::types::Intercept + 'static) -> Self {
                self.0 = self.0.interceptor(interceptor);
                self
            }
            /// Stalled-stream protection: a call fails when a body moves less than one byte per
            /// second for longer than the grace period (default: on, 5 s grace).
            pub fn stalled_stream_protection(mut self, config: $crate::types::StalledStreamProtectionConfig) -> Self {
                self.0 = self.0.stalled_stream_protection(config);
                self
            }
            /// The largest response body a call reads, in bytes (default: 64 MiB); a larger one
            /// fails the call with a `ResponseError` whose source is
            /// `sdk_runtime::ResponseBodyTooLarge`. `u64::MAX`: no limit.
            pub fn max_response_body_size_bytes(mut self, bytes: u64) -> Self {
                self.0 = self.0.max_response_body_size_bytes(bytes);
                self
            }
            /// Turns `@requestCompression` (gzip of large bodies) off (default: on).
            pub fn disable_request_compression(mut self, disabled: bool) -> Self {
                self.0 = self.0.disable_request_compression(disabled);
                self
            }
            /// Compresses `@requestCompression` bodies of at least this many bytes (default: 10,240).
            pub fn request_min_compression_size_bytes(mut self, bytes: u32) -> Self {
                self.0 = self.0.request_min_compression_size_bytes(bytes);
                self
            }
            /// Checks `@required`, `@length`, `@range` and `@pattern` before sending (default: on).
            pub fn validation(mut self, enabled: bool) -> Self {
                self.0 = self.0.validation(enabled);
                self
            }
            $crate::client_config!(@test_defaults);
            /// Builds the configuration.
            pub fn build(self) -> Config {
                Config(self.0.build())
            }
        }
    };
}
