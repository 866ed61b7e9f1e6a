//! Hand-written runtime shared by the generated service client crates.
//!
//! Generated crates stay thin by delegating everything they would otherwise repeat to this crate:
//!
//! * [`schema`]: shape schemas and the JSON codecs driven by them;
//! * [`body_limit`]: the limit on response body sizes ([`ResponseBodyTooLarge`]);
//! * [`config`]: [`ConfigCore`] / [`ConfigCoreBuilder`], wrapped by each crate's `Config`;
//! * [`ServiceSpec`] and [`OperationSpec`]: the static description a generated crate writes;
//! * [`invoke`]: runs one call on the smithy-rs orchestrator (validation, idempotency tokens,
//!   serialisation, SigV4 / bearer auth, retries, timeouts, interceptors, error dispatch);
//! * [`request`] / [`response`]: HTTP binding helpers and error-metadata parsing;
//! * [`validate`]: client-side `@required` / `@length` / `@range` / `@pattern` checks;
//! * [`error`]: the unhandled error type and readable error output;
//! * [`paginate`]: token and offset/limit paginators;
//! * [`waiters`]: polling an operation until a waiter's acceptors say it is done;
//! * [`idempotency`]: idempotency token providers;
//! * [`endpoint`]: endpoint resolution through Smithy endpoint rules;
//! * [`shape`]: helpers for generated data types (the unit value, modeled errors);
//! * [`telemetry`]: the `tracing` spans of calls and attempts;
//! * [`user_agent`]: the user agent requests identify this SDK with.
//!
//! Commonly used smithy-rs types are re-exported in [`types`] so that generated crates only need
//! this crate.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod body_limit;
pub mod config;
pub mod endpoint;
pub mod error;
mod error_body;
pub mod idempotency;
mod invoke;
pub mod log_redaction;
mod macros;
pub mod paginate;
mod protocol;
pub mod request;
pub mod response;
pub mod schema;
pub mod shape;
mod spec;
pub mod telemetry;
pub mod user_agent;
pub mod validate;
pub mod waiters;

pub use body_limit::ResponseBodyTooLarge;
pub use config::{ConfigCore, ConfigCoreBuilder};
pub use error::{DisplayErrorContext, Report, Unhandled};
pub use idempotency::IdempotencyTokenProvider;
pub use invoke::{InvokeResult, classify_error_response, invoke};
pub use paginate::PaginationStream;
pub use request::{BuildError, RequestBuilder};
pub use response::{DeserializeError, Response};
pub use spec::{
    ApiKeyLocation, AuthScheme, EndpointFn, EndpointParamsFn, OperationError, OperationSpec,
    Protocol, ServiceSpec, SetRequestId, check_region, regional_endpoint,
};
pub use validate::{ValidationError, Validator};

/// Re-exports of the smithy-rs / AWS types that appear in generated public APIs.
pub mod types {
    pub use aws_credential_types::Credentials;
    pub use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
    pub use aws_smithy_async::rt::sleep::{AsyncSleep, SharedAsyncSleep};
    pub use aws_smithy_async::time::{SharedTimeSource, TimeSource};
    pub use aws_smithy_runtime_api::box_error::BoxError;
    pub use aws_smithy_runtime_api::client::behavior_version::BehaviorVersion;
    pub use aws_smithy_runtime_api::client::http::{HttpClient, SharedHttpClient};
    pub use aws_smithy_runtime_api::client::interceptors::{Intercept, SharedInterceptor};
    pub use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
    pub use aws_smithy_runtime_api::client::result::{CreateUnhandledError, SdkError};
    pub use aws_smithy_runtime_api::client::stalled_stream_protection::StalledStreamProtectionConfig;
    pub use aws_smithy_types::date_time::Format as DateTimeFormat;
    pub use aws_smithy_types::error::ErrorMetadata;
    pub use aws_smithy_types::error::metadata::ProvideErrorMetadata;
    pub use aws_smithy_types::retry::{ErrorKind, ProvideErrorKind, RetryConfig};
    pub use aws_smithy_types::timeout::TimeoutConfig;
    pub use aws_smithy_types::{Blob, DateTime, Document, Number};
    pub use aws_types::SdkConfig;
    pub use aws_types::app_name::AppName;
    pub use aws_types::region::Region;
    pub use aws_types::request_id::RequestId;

    /// What aws-sdk-rust's `config` module and its submodules re-export, so that code written
    /// for it finds the same names in a generated crate's `config`.
    pub mod config {
        pub use aws_credential_types::provider::ProvideCredentials;
        pub use aws_smithy_async::rt::sleep::{AsyncSleep, Sleep};
        pub use aws_smithy_runtime::client::identity::IdentityCache;
        pub use aws_smithy_runtime_api::client::http::HttpClient;
        pub use aws_smithy_runtime_api::client::identity::{
            ResolveCachedIdentity, SharedIdentityCache,
        };
        pub use aws_smithy_runtime_api::client::runtime_components::{
            RuntimeComponents, RuntimeComponentsBuilder,
        };
        pub use aws_smithy_runtime_api::client::runtime_plugin::{
            RuntimePlugin, SharedRuntimePlugin,
        };
        pub use aws_smithy_runtime_api::shared::IntoShared;
        pub use aws_smithy_types::config_bag::{ConfigBag, FrozenLayer, Layer};

        /// Retry types.
        pub mod retry {
            pub use aws_smithy_runtime_api::client::retries::classifiers::{
                ClassifyRetry, RetryAction,
            };
            pub use aws_smithy_types::retry::{ReconnectMode, RetryConfigBuilder, RetryMode};
        }

        /// Timeout types.
        pub mod timeout {
            pub use aws_smithy_types::timeout::TimeoutConfigBuilder;
        }

        /// Endpoint types.
        pub mod endpoint {
            pub use aws_smithy_runtime_api::client::endpoint::{
                EndpointFuture, ResolveEndpoint, SharedEndpointResolver,
            };
            pub use aws_smithy_types::endpoint::Endpoint;
        }

        /// Interceptor context types.
        pub mod interceptors {
            pub use aws_smithy_runtime_api::client::interceptors::context::{
                BeforeDeserializationInterceptorContextMut,
                BeforeDeserializationInterceptorContextRef,
                BeforeSerializationInterceptorContextMut, BeforeSerializationInterceptorContextRef,
                BeforeTransmitInterceptorContextMut, BeforeTransmitInterceptorContextRef,
                FinalizerInterceptorContextMut, FinalizerInterceptorContextRef, InterceptorContext,
            };
        }
    }
}
