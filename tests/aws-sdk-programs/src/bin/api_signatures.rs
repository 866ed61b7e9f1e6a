//! The signatures of aws-sdk-rust's API that programs calling these operations depend on, one
//! per line, so that each difference is a compile error of its own: every getter of the shapes
//! our models define, every builder's `build()` (fallible or not), `set_*` and `get_*`, the
//! fluent builders, the operation errors' `is_*` and `meta`, the enums' helpers, the client and
//! config constructors and accessors, the paginators, request ids and the re-exported paths.
//!
//! Written from the sources of aws-sdk-bedrockagentcore 1.83.0 and aws-sdk-partnercentralaccount
//! 1.34.0, members limited to those of `models/`; `cargo xtask aws-sdk-programs` keeps it
//! compiling against them, and `--ours` lists what our crates do differently (see `COMPAT.md`).
//! Setters that take `impl Into<..>` and async methods are left to the other programs.

#![allow(clippy::type_complexity)]

/// What every AWS service crate has, for the crate `$sdk`: the paths of its configuration,
/// errors and primitives, and the signatures of its client and config.
macro_rules! common_signatures {
    ($sdk:ident) => {{
        #[allow(unused_imports)]
        mod paths {
            use $sdk::client::customize::CustomizableOperation;
            use $sdk::config::endpoint::{
                DefaultResolver, Endpoint, EndpointFuture, Params, ResolveEndpoint,
                SharedEndpointResolver,
            };
            use $sdk::config::http::{HttpRequest, HttpResponse};
            use $sdk::config::interceptors::{
                BeforeTransmitInterceptorContextMut, BeforeTransmitInterceptorContextRef,
                FinalizerInterceptorContextRef, InterceptorContext,
            };
            use $sdk::config::retry::{
                ClassifyRetry, ReconnectMode, RetryAction, RetryConfig, RetryConfigBuilder,
                RetryMode,
            };
            use $sdk::config::timeout::{TimeoutConfig, TimeoutConfigBuilder};
            use $sdk::config::{
                AppName, AsyncSleep, BehaviorVersion, Builder, ConfigBag, Credentials, FrozenLayer,
                HttpClient, IdentityCache, Intercept, IntoShared, Layer, ProvideCredentials,
                Region, ResolveCachedIdentity, RuntimeComponents, RuntimeComponentsBuilder,
                RuntimePlugin, SharedAsyncSleep, SharedCredentialsProvider, SharedHttpClient,
                SharedIdentityCache, SharedInterceptor, SharedRuntimePlugin, Sleep,
                StalledStreamProtectionConfig,
            };
            use $sdk::error::{
                BoxError, BuildError, ConnectorError, DisplayErrorContext, ErrorMetadata,
                ProvideErrorMetadata, SdkError, UnknownVariantError,
            };
            use $sdk::operation::RequestId;
            use $sdk::primitives::{Blob, DateTime, DateTimeFormat};
            use $sdk::{Client, Config, Error};
        }
        use sdk::config::retry::RetryConfig;
        use sdk::config::timeout::TimeoutConfig;
        use sdk::config::{
            BehaviorVersion, Builder, Region, SharedCredentialsProvider, SharedHttpClient,
        };
        use $sdk as sdk;
        let _: fn(&aws_types::SdkConfig) -> sdk::Client = sdk::Client::new;
        let _: fn(sdk::Config) -> sdk::Client = sdk::Client::from_conf;
        let _: fn(&sdk::Client) -> &sdk::Config = sdk::Client::config;
        let _: fn() -> Builder = sdk::Config::builder;
        let _: fn(&sdk::Config) -> Builder = sdk::Config::to_builder;
        let _: fn(&aws_types::SdkConfig) -> sdk::Config = sdk::Config::new;
        let _: fn(&sdk::Config) -> Option<&Region> = sdk::Config::region;
        let _: fn(&sdk::Config) -> Option<&RetryConfig> = sdk::Config::retry_config;
        let _: fn(&sdk::Config) -> Option<&TimeoutConfig> = sdk::Config::timeout_config;
        let _: fn(&sdk::Config) -> Option<SharedHttpClient> = sdk::Config::http_client;
        let _: fn(&sdk::Config) -> Option<sdk::config::SharedAsyncSleep> = sdk::Config::sleep_impl;
        let _: fn(&sdk::Config) -> Option<&sdk::config::StalledStreamProtectionConfig> =
            sdk::Config::stalled_stream_protection;
        let _: fn(&sdk::Config) -> &'static str = sdk::Config::signing_name;
        let _: fn() -> Builder = Builder::new;
        let _: fn(&aws_types::SdkConfig) -> Builder = |c| Builder::from(c);
        let _: fn(Builder) -> sdk::Config = Builder::build;
        let _: fn(Builder, BehaviorVersion) -> Builder = Builder::behavior_version;
        let _: fn(Builder, RetryConfig) -> Builder = Builder::retry_config;
        let _: fn(Builder, TimeoutConfig) -> Builder = Builder::timeout_config;
        let _: fn(Builder, sdk::config::StalledStreamProtectionConfig) -> Builder =
            Builder::stalled_stream_protection;
        let _: fn(&mut Builder, Option<String>) -> &mut Builder = Builder::set_endpoint_url;
        let _: fn(&mut Builder, Option<Region>) -> &mut Builder = Builder::set_region;
        let _: fn(&mut Builder, Option<SharedCredentialsProvider>) -> &mut Builder =
            Builder::set_credentials_provider;
        let _: fn(&mut Builder, Option<SharedHttpClient>) -> &mut Builder =
            Builder::set_http_client;
        let _: fn(&mut Builder, Option<RetryConfig>) -> &mut Builder = Builder::set_retry_config;
        let _: fn(&mut Builder, Option<TimeoutConfig>) -> &mut Builder =
            Builder::set_timeout_config;
        let _: fn(&mut Builder, Option<BehaviorVersion>) -> &mut Builder =
            Builder::set_behavior_version;
        let _: fn(&mut Builder, Option<sdk::config::SharedAsyncSleep>) -> &mut Builder =
            Builder::set_sleep_impl;
        let _: fn(&mut Builder, Option<bool>) -> &mut Builder = Builder::set_use_fips;
        let _: fn(&mut Builder, sdk::config::SharedInterceptor) -> &mut Builder =
            Builder::push_interceptor;
        let _: &str = sdk::meta::PKG_VERSION;
    }};
}

/// Shapes, operations and errors of `aws_sdk_bedrockagentcore`.
fn bedrockagentcore() {
    use aws_sdk_bedrockagentcore as sdk;
    // AccessDeniedException (structure)
    let _: fn(&sdk::types::error::AccessDeniedException) -> Option<&str> =
        sdk::types::error::AccessDeniedException::message;
    let _: fn(
        sdk::types::error::builders::AccessDeniedExceptionBuilder,
    ) -> sdk::types::error::AccessDeniedException =
        sdk::types::error::builders::AccessDeniedExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::AccessDeniedExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::AccessDeniedExceptionBuilder =
        sdk::types::error::builders::AccessDeniedExceptionBuilder::set_message;
    let _: fn(&sdk::types::error::builders::AccessDeniedExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::AccessDeniedExceptionBuilder::get_message;
    let _: fn() -> sdk::types::error::builders::AccessDeniedExceptionBuilder =
        sdk::types::error::AccessDeniedException::builder;
    // Amount (structure)
    let _: fn(&sdk::types::Amount) -> &str = sdk::types::Amount::value;
    let _: fn(&sdk::types::Amount) -> &sdk::types::Currency = sdk::types::Amount::currency;
    let _: fn(
        sdk::types::builders::AmountBuilder,
    ) -> Result<sdk::types::Amount, sdk::error::BuildError> =
        sdk::types::builders::AmountBuilder::build;
    let _: fn(
        sdk::types::builders::AmountBuilder,
        Option<String>,
    ) -> sdk::types::builders::AmountBuilder = sdk::types::builders::AmountBuilder::set_value;
    let _: fn(
        sdk::types::builders::AmountBuilder,
        Option<sdk::types::Currency>,
    ) -> sdk::types::builders::AmountBuilder = sdk::types::builders::AmountBuilder::set_currency;
    let _: fn(&sdk::types::builders::AmountBuilder) -> &Option<String> =
        sdk::types::builders::AmountBuilder::get_value;
    let _: fn(&sdk::types::builders::AmountBuilder) -> &Option<sdk::types::Currency> =
        sdk::types::builders::AmountBuilder::get_currency;
    let _: fn() -> sdk::types::builders::AmountBuilder = sdk::types::Amount::builder;
    // AvailableLimits (structure)
    let _: fn(&sdk::types::AvailableLimits) -> Option<&sdk::types::Amount> =
        sdk::types::AvailableLimits::available_spend_amount;
    let _: fn(&sdk::types::AvailableLimits) -> Option<&sdk::primitives::DateTime> =
        sdk::types::AvailableLimits::updated_at;
    let _: fn(sdk::types::builders::AvailableLimitsBuilder) -> sdk::types::AvailableLimits =
        sdk::types::builders::AvailableLimitsBuilder::build;
    let _: fn(
        sdk::types::builders::AvailableLimitsBuilder,
        Option<sdk::types::Amount>,
    ) -> sdk::types::builders::AvailableLimitsBuilder =
        sdk::types::builders::AvailableLimitsBuilder::set_available_spend_amount;
    let _: fn(
        sdk::types::builders::AvailableLimitsBuilder,
        Option<sdk::primitives::DateTime>,
    ) -> sdk::types::builders::AvailableLimitsBuilder =
        sdk::types::builders::AvailableLimitsBuilder::set_updated_at;
    let _: fn(&sdk::types::builders::AvailableLimitsBuilder) -> &Option<sdk::types::Amount> =
        sdk::types::builders::AvailableLimitsBuilder::get_available_spend_amount;
    let _: fn(&sdk::types::builders::AvailableLimitsBuilder) -> &Option<sdk::primitives::DateTime> =
        sdk::types::builders::AvailableLimitsBuilder::get_updated_at;
    let _: fn() -> sdk::types::builders::AvailableLimitsBuilder =
        sdk::types::AvailableLimits::builder;
    // ConflictException (structure)
    let _: fn(&sdk::types::error::ConflictException) -> Option<&str> =
        sdk::types::error::ConflictException::message;
    let _: fn(
        sdk::types::error::builders::ConflictExceptionBuilder,
    ) -> sdk::types::error::ConflictException =
        sdk::types::error::builders::ConflictExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::ConflictExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ConflictExceptionBuilder =
        sdk::types::error::builders::ConflictExceptionBuilder::set_message;
    let _: fn(&sdk::types::error::builders::ConflictExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::ConflictExceptionBuilder::get_message;
    let _: fn() -> sdk::types::error::builders::ConflictExceptionBuilder =
        sdk::types::error::ConflictException::builder;
    // Currency (enum)
    let _: fn(&sdk::types::Currency) -> &str = sdk::types::Currency::as_str;
    // InternalServerException (structure)
    let _: fn(&sdk::types::error::InternalServerException) -> Option<&str> =
        sdk::types::error::InternalServerException::message;
    let _: fn(
        sdk::types::error::builders::InternalServerExceptionBuilder,
    ) -> sdk::types::error::InternalServerException =
        sdk::types::error::builders::InternalServerExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::InternalServerExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::InternalServerExceptionBuilder =
        sdk::types::error::builders::InternalServerExceptionBuilder::set_message;
    let _: fn(&sdk::types::error::builders::InternalServerExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::InternalServerExceptionBuilder::get_message;
    let _: fn() -> sdk::types::error::builders::InternalServerExceptionBuilder =
        sdk::types::error::InternalServerException::builder;
    // PaymentSession (structure)
    let _: fn(&sdk::types::PaymentSession) -> &str = sdk::types::PaymentSession::payment_session_id;
    let _: fn(&sdk::types::PaymentSession) -> &str =
        sdk::types::PaymentSession::payment_manager_arn;
    let _: fn(&sdk::types::PaymentSession) -> Option<&sdk::types::SessionLimits> =
        sdk::types::PaymentSession::limits;
    let _: fn(&sdk::types::PaymentSession) -> &str = sdk::types::PaymentSession::user_id;
    let _: fn(&sdk::types::PaymentSession) -> i32 =
        sdk::types::PaymentSession::expiry_time_in_minutes;
    let _: fn(&sdk::types::PaymentSession) -> &sdk::primitives::DateTime =
        sdk::types::PaymentSession::created_at;
    let _: fn(&sdk::types::PaymentSession) -> Option<&sdk::types::AvailableLimits> =
        sdk::types::PaymentSession::available_limits;
    let _: fn(&sdk::types::PaymentSession) -> &sdk::primitives::DateTime =
        sdk::types::PaymentSession::updated_at;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
    ) -> Result<sdk::types::PaymentSession, sdk::error::BuildError> =
        sdk::types::builders::PaymentSessionBuilder::build;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
        Option<String>,
    ) -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::builders::PaymentSessionBuilder::set_payment_session_id;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
        Option<String>,
    ) -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::builders::PaymentSessionBuilder::set_payment_manager_arn;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
        Option<sdk::types::SessionLimits>,
    ) -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::builders::PaymentSessionBuilder::set_limits;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
        Option<String>,
    ) -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::builders::PaymentSessionBuilder::set_user_id;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
        Option<i32>,
    ) -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::builders::PaymentSessionBuilder::set_expiry_time_in_minutes;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
        Option<sdk::primitives::DateTime>,
    ) -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::builders::PaymentSessionBuilder::set_created_at;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
        Option<sdk::types::AvailableLimits>,
    ) -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::builders::PaymentSessionBuilder::set_available_limits;
    let _: fn(
        sdk::types::builders::PaymentSessionBuilder,
        Option<sdk::primitives::DateTime>,
    ) -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::builders::PaymentSessionBuilder::set_updated_at;
    let _: fn(&sdk::types::builders::PaymentSessionBuilder) -> &Option<String> =
        sdk::types::builders::PaymentSessionBuilder::get_payment_session_id;
    let _: fn(&sdk::types::builders::PaymentSessionBuilder) -> &Option<String> =
        sdk::types::builders::PaymentSessionBuilder::get_payment_manager_arn;
    let _: fn(&sdk::types::builders::PaymentSessionBuilder) -> &Option<sdk::types::SessionLimits> =
        sdk::types::builders::PaymentSessionBuilder::get_limits;
    let _: fn(&sdk::types::builders::PaymentSessionBuilder) -> &Option<String> =
        sdk::types::builders::PaymentSessionBuilder::get_user_id;
    let _: fn(&sdk::types::builders::PaymentSessionBuilder) -> &Option<i32> =
        sdk::types::builders::PaymentSessionBuilder::get_expiry_time_in_minutes;
    let _: fn(&sdk::types::builders::PaymentSessionBuilder) -> &Option<sdk::primitives::DateTime> =
        sdk::types::builders::PaymentSessionBuilder::get_created_at;
    let _: fn(
        &sdk::types::builders::PaymentSessionBuilder,
    ) -> &Option<sdk::types::AvailableLimits> =
        sdk::types::builders::PaymentSessionBuilder::get_available_limits;
    let _: fn(&sdk::types::builders::PaymentSessionBuilder) -> &Option<sdk::primitives::DateTime> =
        sdk::types::builders::PaymentSessionBuilder::get_updated_at;
    let _: fn() -> sdk::types::builders::PaymentSessionBuilder =
        sdk::types::PaymentSession::builder;
    // PaymentSessionSummary (structure)
    let _: fn(&sdk::types::PaymentSessionSummary) -> &str =
        sdk::types::PaymentSessionSummary::payment_session_id;
    let _: fn(&sdk::types::PaymentSessionSummary) -> &str =
        sdk::types::PaymentSessionSummary::payment_manager_arn;
    let _: fn(&sdk::types::PaymentSessionSummary) -> &str =
        sdk::types::PaymentSessionSummary::user_id;
    let _: fn(&sdk::types::PaymentSessionSummary) -> i32 =
        sdk::types::PaymentSessionSummary::expiry_time_in_minutes;
    let _: fn(&sdk::types::PaymentSessionSummary) -> &sdk::primitives::DateTime =
        sdk::types::PaymentSessionSummary::created_at;
    let _: fn(&sdk::types::PaymentSessionSummary) -> &sdk::primitives::DateTime =
        sdk::types::PaymentSessionSummary::updated_at;
    let _: fn(
        sdk::types::builders::PaymentSessionSummaryBuilder,
    ) -> Result<sdk::types::PaymentSessionSummary, sdk::error::BuildError> =
        sdk::types::builders::PaymentSessionSummaryBuilder::build;
    let _: fn(
        sdk::types::builders::PaymentSessionSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::PaymentSessionSummaryBuilder =
        sdk::types::builders::PaymentSessionSummaryBuilder::set_payment_session_id;
    let _: fn(
        sdk::types::builders::PaymentSessionSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::PaymentSessionSummaryBuilder =
        sdk::types::builders::PaymentSessionSummaryBuilder::set_payment_manager_arn;
    let _: fn(
        sdk::types::builders::PaymentSessionSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::PaymentSessionSummaryBuilder =
        sdk::types::builders::PaymentSessionSummaryBuilder::set_user_id;
    let _: fn(
        sdk::types::builders::PaymentSessionSummaryBuilder,
        Option<i32>,
    ) -> sdk::types::builders::PaymentSessionSummaryBuilder =
        sdk::types::builders::PaymentSessionSummaryBuilder::set_expiry_time_in_minutes;
    let _: fn(
        sdk::types::builders::PaymentSessionSummaryBuilder,
        Option<sdk::primitives::DateTime>,
    ) -> sdk::types::builders::PaymentSessionSummaryBuilder =
        sdk::types::builders::PaymentSessionSummaryBuilder::set_created_at;
    let _: fn(
        sdk::types::builders::PaymentSessionSummaryBuilder,
        Option<sdk::primitives::DateTime>,
    ) -> sdk::types::builders::PaymentSessionSummaryBuilder =
        sdk::types::builders::PaymentSessionSummaryBuilder::set_updated_at;
    let _: fn(&sdk::types::builders::PaymentSessionSummaryBuilder) -> &Option<String> =
        sdk::types::builders::PaymentSessionSummaryBuilder::get_payment_session_id;
    let _: fn(&sdk::types::builders::PaymentSessionSummaryBuilder) -> &Option<String> =
        sdk::types::builders::PaymentSessionSummaryBuilder::get_payment_manager_arn;
    let _: fn(&sdk::types::builders::PaymentSessionSummaryBuilder) -> &Option<String> =
        sdk::types::builders::PaymentSessionSummaryBuilder::get_user_id;
    let _: fn(&sdk::types::builders::PaymentSessionSummaryBuilder) -> &Option<i32> =
        sdk::types::builders::PaymentSessionSummaryBuilder::get_expiry_time_in_minutes;
    let _: fn(
        &sdk::types::builders::PaymentSessionSummaryBuilder,
    ) -> &Option<sdk::primitives::DateTime> =
        sdk::types::builders::PaymentSessionSummaryBuilder::get_created_at;
    let _: fn(
        &sdk::types::builders::PaymentSessionSummaryBuilder,
    ) -> &Option<sdk::primitives::DateTime> =
        sdk::types::builders::PaymentSessionSummaryBuilder::get_updated_at;
    let _: fn() -> sdk::types::builders::PaymentSessionSummaryBuilder =
        sdk::types::PaymentSessionSummary::builder;
    // ResourceNotFoundException (structure)
    let _: fn(&sdk::types::error::ResourceNotFoundException) -> Option<&str> =
        sdk::types::error::ResourceNotFoundException::message;
    let _: fn(
        sdk::types::error::builders::ResourceNotFoundExceptionBuilder,
    ) -> sdk::types::error::ResourceNotFoundException =
        sdk::types::error::builders::ResourceNotFoundExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::ResourceNotFoundExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ResourceNotFoundExceptionBuilder =
        sdk::types::error::builders::ResourceNotFoundExceptionBuilder::set_message;
    let _: fn(&sdk::types::error::builders::ResourceNotFoundExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::ResourceNotFoundExceptionBuilder::get_message;
    let _: fn() -> sdk::types::error::builders::ResourceNotFoundExceptionBuilder =
        sdk::types::error::ResourceNotFoundException::builder;
    // ServiceQuotaExceededException (structure)
    let _: fn(&sdk::types::error::ServiceQuotaExceededException) -> Option<&str> =
        sdk::types::error::ServiceQuotaExceededException::message;
    let _: fn(
        sdk::types::error::builders::ServiceQuotaExceededExceptionBuilder,
    ) -> sdk::types::error::ServiceQuotaExceededException =
        sdk::types::error::builders::ServiceQuotaExceededExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::ServiceQuotaExceededExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ServiceQuotaExceededExceptionBuilder =
        sdk::types::error::builders::ServiceQuotaExceededExceptionBuilder::set_message;
    let _: fn(
        &sdk::types::error::builders::ServiceQuotaExceededExceptionBuilder,
    ) -> &Option<String> =
        sdk::types::error::builders::ServiceQuotaExceededExceptionBuilder::get_message;
    let _: fn() -> sdk::types::error::builders::ServiceQuotaExceededExceptionBuilder =
        sdk::types::error::ServiceQuotaExceededException::builder;
    // SessionLimits (structure)
    let _: fn(&sdk::types::SessionLimits) -> Option<&sdk::types::Amount> =
        sdk::types::SessionLimits::max_spend_amount;
    let _: fn(sdk::types::builders::SessionLimitsBuilder) -> sdk::types::SessionLimits =
        sdk::types::builders::SessionLimitsBuilder::build;
    let _: fn(
        sdk::types::builders::SessionLimitsBuilder,
        Option<sdk::types::Amount>,
    ) -> sdk::types::builders::SessionLimitsBuilder =
        sdk::types::builders::SessionLimitsBuilder::set_max_spend_amount;
    let _: fn(&sdk::types::builders::SessionLimitsBuilder) -> &Option<sdk::types::Amount> =
        sdk::types::builders::SessionLimitsBuilder::get_max_spend_amount;
    let _: fn() -> sdk::types::builders::SessionLimitsBuilder = sdk::types::SessionLimits::builder;
    // ThrottlingException (structure)
    let _: fn(&sdk::types::error::ThrottlingException) -> Option<&str> =
        sdk::types::error::ThrottlingException::message;
    let _: fn(
        sdk::types::error::builders::ThrottlingExceptionBuilder,
    ) -> sdk::types::error::ThrottlingException =
        sdk::types::error::builders::ThrottlingExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::ThrottlingExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ThrottlingExceptionBuilder =
        sdk::types::error::builders::ThrottlingExceptionBuilder::set_message;
    let _: fn(&sdk::types::error::builders::ThrottlingExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::ThrottlingExceptionBuilder::get_message;
    let _: fn() -> sdk::types::error::builders::ThrottlingExceptionBuilder =
        sdk::types::error::ThrottlingException::builder;
    // ValidationException (structure)
    let _: fn(&sdk::types::error::ValidationException) -> &sdk::types::ValidationExceptionReason =
        sdk::types::error::ValidationException::reason;
    let _: fn(&sdk::types::error::ValidationException) -> &[sdk::types::ValidationExceptionField] =
        sdk::types::error::ValidationException::field_list;
    let _: fn(&sdk::types::error::ValidationException) -> &str =
        sdk::types::error::ValidationException::message;
    let _: fn(
        sdk::types::error::builders::ValidationExceptionBuilder,
    ) -> Result<sdk::types::error::ValidationException, sdk::error::BuildError> =
        sdk::types::error::builders::ValidationExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::ValidationExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ValidationExceptionBuilder =
        sdk::types::error::builders::ValidationExceptionBuilder::set_message;
    let _: fn(
        sdk::types::error::builders::ValidationExceptionBuilder,
        Option<sdk::types::ValidationExceptionReason>,
    ) -> sdk::types::error::builders::ValidationExceptionBuilder =
        sdk::types::error::builders::ValidationExceptionBuilder::set_reason;
    let _: fn(
        sdk::types::error::builders::ValidationExceptionBuilder,
        Option<Vec<sdk::types::ValidationExceptionField>>,
    ) -> sdk::types::error::builders::ValidationExceptionBuilder =
        sdk::types::error::builders::ValidationExceptionBuilder::set_field_list;
    let _: fn(&sdk::types::error::builders::ValidationExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::ValidationExceptionBuilder::get_message;
    let _: fn(
        &sdk::types::error::builders::ValidationExceptionBuilder,
    ) -> &Option<sdk::types::ValidationExceptionReason> =
        sdk::types::error::builders::ValidationExceptionBuilder::get_reason;
    let _: fn(
        &sdk::types::error::builders::ValidationExceptionBuilder,
    ) -> &Option<Vec<sdk::types::ValidationExceptionField>> =
        sdk::types::error::builders::ValidationExceptionBuilder::get_field_list;
    let _: fn() -> sdk::types::error::builders::ValidationExceptionBuilder =
        sdk::types::error::ValidationException::builder;
    // ValidationExceptionField (structure)
    let _: fn(&sdk::types::ValidationExceptionField) -> &str =
        sdk::types::ValidationExceptionField::name;
    let _: fn(&sdk::types::ValidationExceptionField) -> &str =
        sdk::types::ValidationExceptionField::message;
    let _: fn(
        sdk::types::builders::ValidationExceptionFieldBuilder,
    ) -> Result<sdk::types::ValidationExceptionField, sdk::error::BuildError> =
        sdk::types::builders::ValidationExceptionFieldBuilder::build;
    let _: fn(
        sdk::types::builders::ValidationExceptionFieldBuilder,
        Option<String>,
    ) -> sdk::types::builders::ValidationExceptionFieldBuilder =
        sdk::types::builders::ValidationExceptionFieldBuilder::set_name;
    let _: fn(
        sdk::types::builders::ValidationExceptionFieldBuilder,
        Option<String>,
    ) -> sdk::types::builders::ValidationExceptionFieldBuilder =
        sdk::types::builders::ValidationExceptionFieldBuilder::set_message;
    let _: fn(&sdk::types::builders::ValidationExceptionFieldBuilder) -> &Option<String> =
        sdk::types::builders::ValidationExceptionFieldBuilder::get_name;
    let _: fn(&sdk::types::builders::ValidationExceptionFieldBuilder) -> &Option<String> =
        sdk::types::builders::ValidationExceptionFieldBuilder::get_message;
    let _: fn() -> sdk::types::builders::ValidationExceptionFieldBuilder =
        sdk::types::ValidationExceptionField::builder;
    // ValidationExceptionReason (enum)
    let _: fn(&sdk::types::ValidationExceptionReason) -> &str =
        sdk::types::ValidationExceptionReason::as_str;
    // CreatePaymentSessionInput
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionInput) -> Option<&str> =
        sdk::operation::create_payment_session::CreatePaymentSessionInput::user_id;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionInput) -> Option<&str> =
        sdk::operation::create_payment_session::CreatePaymentSessionInput::agent_name;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionInput) -> Option<&str> =
        sdk::operation::create_payment_session::CreatePaymentSessionInput::payment_manager_arn;
    let _: fn(
        &sdk::operation::create_payment_session::CreatePaymentSessionInput,
    ) -> Option<&sdk::types::SessionLimits> =
        sdk::operation::create_payment_session::CreatePaymentSessionInput::limits;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionInput) -> Option<i32> =
        sdk::operation::create_payment_session::CreatePaymentSessionInput::expiry_time_in_minutes;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionInput) -> Option<&str> =
        sdk::operation::create_payment_session::CreatePaymentSessionInput::client_token;
    let _: fn(
        sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder,
    ) -> Result<
        sdk::operation::create_payment_session::CreatePaymentSessionInput,
        sdk::error::BuildError,
    > = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::build;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder, Option<String>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::set_user_id;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder, Option<String>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::set_agent_name;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder, Option<String>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::set_payment_manager_arn;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder, Option<sdk::types::SessionLimits>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::set_limits;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder, Option<i32>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::set_expiry_time_in_minutes;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder, Option<String>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::set_client_token;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder) -> &Option<String> = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::get_user_id;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder) -> &Option<String> = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::get_agent_name;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder) -> &Option<String> = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::get_payment_manager_arn;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder) -> &Option<sdk::types::SessionLimits> = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::get_limits;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder) -> &Option<i32> = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::get_expiry_time_in_minutes;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder) -> &Option<String> = sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder::get_client_token;
    let _: fn() -> sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder = sdk::operation::create_payment_session::CreatePaymentSessionInput::builder;
    // CreatePaymentSessionOutput
    let _: fn(
        &sdk::operation::create_payment_session::CreatePaymentSessionOutput,
    ) -> Option<&sdk::types::PaymentSession> =
        sdk::operation::create_payment_session::CreatePaymentSessionOutput::payment_session;
    let _: fn(
        sdk::operation::create_payment_session::builders::CreatePaymentSessionOutputBuilder,
    ) -> sdk::operation::create_payment_session::CreatePaymentSessionOutput =
        sdk::operation::create_payment_session::builders::CreatePaymentSessionOutputBuilder::build;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionOutputBuilder, Option<sdk::types::PaymentSession>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionOutputBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionOutputBuilder::set_payment_session;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionOutputBuilder) -> &Option<sdk::types::PaymentSession> = sdk::operation::create_payment_session::builders::CreatePaymentSessionOutputBuilder::get_payment_session;
    let _: fn() -> sdk::operation::create_payment_session::builders::CreatePaymentSessionOutputBuilder = sdk::operation::create_payment_session::CreatePaymentSessionOutput::builder;
    // CreatePaymentSessionFluentBuilder
    let _: fn(&sdk::Client) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder = sdk::Client::create_payment_session;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder) -> &sdk::operation::create_payment_session::builders::CreatePaymentSessionInputBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::as_input;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder, Option<String>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::set_user_id;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder, Option<String>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::set_agent_name;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder, Option<String>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::set_payment_manager_arn;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder, Option<sdk::types::SessionLimits>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::set_limits;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder, Option<i32>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::set_expiry_time_in_minutes;
    let _: fn(sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder, Option<String>) -> sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::set_client_token;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder) -> &Option<String> = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::get_user_id;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder) -> &Option<String> = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::get_agent_name;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder) -> &Option<String> = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::get_payment_manager_arn;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder) -> &Option<sdk::types::SessionLimits> = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::get_limits;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder) -> &Option<i32> = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::get_expiry_time_in_minutes;
    let _: fn(&sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder) -> &Option<String> = sdk::operation::create_payment_session::builders::CreatePaymentSessionFluentBuilder::get_client_token;
    // CreatePaymentSessionError
    let _: fn(
        &sdk::operation::create_payment_session::CreatePaymentSessionError,
    ) -> &sdk::error::ErrorMetadata =
        sdk::operation::create_payment_session::CreatePaymentSessionError::meta;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionError) -> bool = sdk::operation::create_payment_session::CreatePaymentSessionError::is_access_denied_exception;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionError) -> bool =
        sdk::operation::create_payment_session::CreatePaymentSessionError::is_conflict_exception;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionError) -> bool = sdk::operation::create_payment_session::CreatePaymentSessionError::is_internal_server_exception;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionError) -> bool = sdk::operation::create_payment_session::CreatePaymentSessionError::is_service_quota_exceeded_exception;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionError) -> bool =
        sdk::operation::create_payment_session::CreatePaymentSessionError::is_throttling_exception;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionError) -> bool =
        sdk::operation::create_payment_session::CreatePaymentSessionError::is_validation_exception;
    let _: fn(
        sdk::error::ErrorMetadata,
    ) -> sdk::operation::create_payment_session::CreatePaymentSessionError =
        sdk::operation::create_payment_session::CreatePaymentSessionError::generic;
    // GetPaymentSessionInput
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionInput) -> Option<&str> =
        sdk::operation::get_payment_session::GetPaymentSessionInput::user_id;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionInput) -> Option<&str> =
        sdk::operation::get_payment_session::GetPaymentSessionInput::agent_name;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionInput) -> Option<&str> =
        sdk::operation::get_payment_session::GetPaymentSessionInput::payment_manager_arn;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionInput) -> Option<&str> =
        sdk::operation::get_payment_session::GetPaymentSessionInput::payment_session_id;
    let _: fn(
        sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder,
    ) -> Result<
        sdk::operation::get_payment_session::GetPaymentSessionInput,
        sdk::error::BuildError,
    > = sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::build;
    let _: fn(
        sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder,
        Option<String>,
    ) -> sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder =
        sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::set_user_id;
    let _: fn(sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder, Option<String>) -> sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder = sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::set_agent_name;
    let _: fn(sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder, Option<String>) -> sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder = sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::set_payment_manager_arn;
    let _: fn(sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder, Option<String>) -> sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder = sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::set_payment_session_id;
    let _: fn(
        &sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder,
    ) -> &Option<String> =
        sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::get_user_id;
    let _: fn(&sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder) -> &Option<String> = sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::get_agent_name;
    let _: fn(&sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder) -> &Option<String> = sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::get_payment_manager_arn;
    let _: fn(&sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder) -> &Option<String> = sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder::get_payment_session_id;
    let _: fn() -> sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder =
        sdk::operation::get_payment_session::GetPaymentSessionInput::builder;
    // GetPaymentSessionOutput
    let _: fn(
        &sdk::operation::get_payment_session::GetPaymentSessionOutput,
    ) -> Option<&sdk::types::PaymentSession> =
        sdk::operation::get_payment_session::GetPaymentSessionOutput::payment_session;
    let _: fn(
        sdk::operation::get_payment_session::builders::GetPaymentSessionOutputBuilder,
    ) -> sdk::operation::get_payment_session::GetPaymentSessionOutput =
        sdk::operation::get_payment_session::builders::GetPaymentSessionOutputBuilder::build;
    let _: fn(sdk::operation::get_payment_session::builders::GetPaymentSessionOutputBuilder, Option<sdk::types::PaymentSession>) -> sdk::operation::get_payment_session::builders::GetPaymentSessionOutputBuilder = sdk::operation::get_payment_session::builders::GetPaymentSessionOutputBuilder::set_payment_session;
    let _: fn(&sdk::operation::get_payment_session::builders::GetPaymentSessionOutputBuilder) -> &Option<sdk::types::PaymentSession> = sdk::operation::get_payment_session::builders::GetPaymentSessionOutputBuilder::get_payment_session;
    let _: fn() -> sdk::operation::get_payment_session::builders::GetPaymentSessionOutputBuilder =
        sdk::operation::get_payment_session::GetPaymentSessionOutput::builder;
    // GetPaymentSessionFluentBuilder
    let _: fn(
        &sdk::Client,
    )
        -> sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder =
        sdk::Client::get_payment_session;
    let _: fn(
        &sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder,
    )
        -> &sdk::operation::get_payment_session::builders::GetPaymentSessionInputBuilder =
        sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::as_input;
    let _: fn(
        sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder,
        Option<String>,
    )
        -> sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder =
        sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::set_user_id;
    let _: fn(sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder, Option<String>) -> sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder = sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::set_agent_name;
    let _: fn(sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder, Option<String>) -> sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder = sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::set_payment_manager_arn;
    let _: fn(sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder, Option<String>) -> sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder = sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::set_payment_session_id;
    let _: fn(
        &sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder,
    ) -> &Option<String> =
        sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::get_user_id;
    let _: fn(&sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder) -> &Option<String> = sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::get_agent_name;
    let _: fn(&sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder) -> &Option<String> = sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::get_payment_manager_arn;
    let _: fn(&sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder) -> &Option<String> = sdk::operation::get_payment_session::builders::GetPaymentSessionFluentBuilder::get_payment_session_id;
    // GetPaymentSessionError
    let _: fn(
        &sdk::operation::get_payment_session::GetPaymentSessionError,
    ) -> &sdk::error::ErrorMetadata =
        sdk::operation::get_payment_session::GetPaymentSessionError::meta;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionError) -> bool =
        sdk::operation::get_payment_session::GetPaymentSessionError::is_access_denied_exception;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionError) -> bool =
        sdk::operation::get_payment_session::GetPaymentSessionError::is_internal_server_exception;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionError) -> bool = sdk::operation::get_payment_session::GetPaymentSessionError::is_resource_not_found_exception;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionError) -> bool =
        sdk::operation::get_payment_session::GetPaymentSessionError::is_throttling_exception;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionError) -> bool =
        sdk::operation::get_payment_session::GetPaymentSessionError::is_validation_exception;
    let _: fn(
        sdk::error::ErrorMetadata,
    ) -> sdk::operation::get_payment_session::GetPaymentSessionError =
        sdk::operation::get_payment_session::GetPaymentSessionError::generic;
    // ListPaymentSessionsInput
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsInput) -> Option<&str> =
        sdk::operation::list_payment_sessions::ListPaymentSessionsInput::user_id;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsInput) -> Option<&str> =
        sdk::operation::list_payment_sessions::ListPaymentSessionsInput::agent_name;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsInput) -> Option<&str> =
        sdk::operation::list_payment_sessions::ListPaymentSessionsInput::payment_manager_arn;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsInput) -> Option<&str> =
        sdk::operation::list_payment_sessions::ListPaymentSessionsInput::next_token;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsInput) -> Option<i32> =
        sdk::operation::list_payment_sessions::ListPaymentSessionsInput::max_results;
    let _: fn(
        sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder,
    ) -> Result<
        sdk::operation::list_payment_sessions::ListPaymentSessionsInput,
        sdk::error::BuildError,
    > = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::build;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::set_user_id;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::set_agent_name;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::set_payment_manager_arn;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::set_next_token;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder, Option<i32>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::set_max_results;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::get_user_id;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::get_agent_name;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::get_payment_manager_arn;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::get_next_token;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder) -> &Option<i32> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder::get_max_results;
    let _: fn()
        -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder =
        sdk::operation::list_payment_sessions::ListPaymentSessionsInput::builder;
    // ListPaymentSessionsOutput
    let _: fn(
        &sdk::operation::list_payment_sessions::ListPaymentSessionsOutput,
    ) -> &[sdk::types::PaymentSessionSummary] =
        sdk::operation::list_payment_sessions::ListPaymentSessionsOutput::payment_sessions;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsOutput) -> Option<&str> =
        sdk::operation::list_payment_sessions::ListPaymentSessionsOutput::next_token;
    let _: fn(
        sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder,
    ) -> Result<
        sdk::operation::list_payment_sessions::ListPaymentSessionsOutput,
        sdk::error::BuildError,
    > = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder::build;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder, Option<Vec<sdk::types::PaymentSessionSummary>>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder::set_payment_sessions;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder::set_next_token;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder) -> &Option<Vec<sdk::types::PaymentSessionSummary>> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder::get_payment_sessions;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder::get_next_token;
    let _: fn()
        -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsOutputBuilder =
        sdk::operation::list_payment_sessions::ListPaymentSessionsOutput::builder;
    // ListPaymentSessionsFluentBuilder
    let _: fn(
        &sdk::Client,
    )
        -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder =
        sdk::Client::list_payment_sessions;
    let _: fn(
        &sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder,
    )
        -> &sdk::operation::list_payment_sessions::builders::ListPaymentSessionsInputBuilder =
        sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::as_input;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::set_user_id;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::set_agent_name;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::set_payment_manager_arn;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder, Option<String>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::set_next_token;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder, Option<i32>) -> sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::set_max_results;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::get_user_id;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::get_agent_name;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::get_payment_manager_arn;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder) -> &Option<String> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::get_next_token;
    let _: fn(&sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder) -> &Option<i32> = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::get_max_results;
    // ListPaymentSessionsError
    let _: fn(
        &sdk::operation::list_payment_sessions::ListPaymentSessionsError,
    ) -> &sdk::error::ErrorMetadata =
        sdk::operation::list_payment_sessions::ListPaymentSessionsError::meta;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsError) -> bool =
        sdk::operation::list_payment_sessions::ListPaymentSessionsError::is_access_denied_exception;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsError) -> bool = sdk::operation::list_payment_sessions::ListPaymentSessionsError::is_internal_server_exception;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsError) -> bool =
        sdk::operation::list_payment_sessions::ListPaymentSessionsError::is_throttling_exception;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsError) -> bool =
        sdk::operation::list_payment_sessions::ListPaymentSessionsError::is_validation_exception;
    let _: fn(
        sdk::error::ErrorMetadata,
    ) -> sdk::operation::list_payment_sessions::ListPaymentSessionsError =
        sdk::operation::list_payment_sessions::ListPaymentSessionsError::generic;
}
/// Shapes, operations and errors of `aws_sdk_partnercentralaccount`.
fn partnercentralaccount() {
    use aws_sdk_partnercentralaccount as sdk;
    // AccessDeniedException (structure)
    let _: fn(
        &sdk::types::error::AccessDeniedException,
    ) -> &sdk::types::AccessDeniedExceptionReason =
        sdk::types::error::AccessDeniedException::reason;
    let _: fn(&sdk::types::error::AccessDeniedException) -> &str =
        sdk::types::error::AccessDeniedException::message;
    let _: fn(
        sdk::types::error::builders::AccessDeniedExceptionBuilder,
    ) -> Result<sdk::types::error::AccessDeniedException, sdk::error::BuildError> =
        sdk::types::error::builders::AccessDeniedExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::AccessDeniedExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::AccessDeniedExceptionBuilder =
        sdk::types::error::builders::AccessDeniedExceptionBuilder::set_message;
    let _: fn(
        sdk::types::error::builders::AccessDeniedExceptionBuilder,
        Option<sdk::types::AccessDeniedExceptionReason>,
    ) -> sdk::types::error::builders::AccessDeniedExceptionBuilder =
        sdk::types::error::builders::AccessDeniedExceptionBuilder::set_reason;
    let _: fn(&sdk::types::error::builders::AccessDeniedExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::AccessDeniedExceptionBuilder::get_message;
    let _: fn(
        &sdk::types::error::builders::AccessDeniedExceptionBuilder,
    ) -> &Option<sdk::types::AccessDeniedExceptionReason> =
        sdk::types::error::builders::AccessDeniedExceptionBuilder::get_reason;
    let _: fn() -> sdk::types::error::builders::AccessDeniedExceptionBuilder =
        sdk::types::error::AccessDeniedException::builder;
    // AccessDeniedExceptionReason (enum)
    let _: fn(&sdk::types::AccessDeniedExceptionReason) -> &str =
        sdk::types::AccessDeniedExceptionReason::as_str;
    // AccountSummary (structure)
    let _: fn(&sdk::types::AccountSummary) -> &str = sdk::types::AccountSummary::name;
    let _: fn(
        sdk::types::builders::AccountSummaryBuilder,
    ) -> Result<sdk::types::AccountSummary, sdk::error::BuildError> =
        sdk::types::builders::AccountSummaryBuilder::build;
    let _: fn(
        sdk::types::builders::AccountSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::AccountSummaryBuilder =
        sdk::types::builders::AccountSummaryBuilder::set_name;
    let _: fn(&sdk::types::builders::AccountSummaryBuilder) -> &Option<String> =
        sdk::types::builders::AccountSummaryBuilder::get_name;
    let _: fn() -> sdk::types::builders::AccountSummaryBuilder =
        sdk::types::AccountSummary::builder;
    // BusinessValidationCode (enum)
    let _: fn(&sdk::types::BusinessValidationCode) -> &str =
        sdk::types::BusinessValidationCode::as_str;
    // BusinessValidationError (structure)
    let _: fn(&sdk::types::BusinessValidationError) -> &str =
        sdk::types::BusinessValidationError::message;
    let _: fn(&sdk::types::BusinessValidationError) -> &sdk::types::BusinessValidationCode =
        sdk::types::BusinessValidationError::code;
    let _: fn(
        sdk::types::builders::BusinessValidationErrorBuilder,
    ) -> Result<sdk::types::BusinessValidationError, sdk::error::BuildError> =
        sdk::types::builders::BusinessValidationErrorBuilder::build;
    let _: fn(
        sdk::types::builders::BusinessValidationErrorBuilder,
        Option<String>,
    ) -> sdk::types::builders::BusinessValidationErrorBuilder =
        sdk::types::builders::BusinessValidationErrorBuilder::set_message;
    let _: fn(
        sdk::types::builders::BusinessValidationErrorBuilder,
        Option<sdk::types::BusinessValidationCode>,
    ) -> sdk::types::builders::BusinessValidationErrorBuilder =
        sdk::types::builders::BusinessValidationErrorBuilder::set_code;
    let _: fn(&sdk::types::builders::BusinessValidationErrorBuilder) -> &Option<String> =
        sdk::types::builders::BusinessValidationErrorBuilder::get_message;
    let _: fn(
        &sdk::types::builders::BusinessValidationErrorBuilder,
    ) -> &Option<sdk::types::BusinessValidationCode> =
        sdk::types::builders::BusinessValidationErrorBuilder::get_code;
    let _: fn() -> sdk::types::builders::BusinessValidationErrorBuilder =
        sdk::types::BusinessValidationError::builder;
    // ConnectionSummary (structure)
    let _: fn(&sdk::types::ConnectionSummary) -> &str = sdk::types::ConnectionSummary::catalog;
    let _: fn(&sdk::types::ConnectionSummary) -> &str = sdk::types::ConnectionSummary::id;
    let _: fn(&sdk::types::ConnectionSummary) -> &str = sdk::types::ConnectionSummary::arn;
    let _: fn(&sdk::types::ConnectionSummary) -> &str =
        sdk::types::ConnectionSummary::other_participant_account_id;
    let _: fn(&sdk::types::ConnectionSummary) -> &sdk::primitives::DateTime =
        sdk::types::ConnectionSummary::updated_at;
    let _: fn(
        &sdk::types::ConnectionSummary,
    ) -> &std::collections::HashMap<
        sdk::types::ConnectionType,
        sdk::types::ConnectionTypeSummary,
    > = sdk::types::ConnectionSummary::connection_types;
    let _: fn(
        sdk::types::builders::ConnectionSummaryBuilder,
    ) -> Result<sdk::types::ConnectionSummary, sdk::error::BuildError> =
        sdk::types::builders::ConnectionSummaryBuilder::build;
    let _: fn(
        sdk::types::builders::ConnectionSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::ConnectionSummaryBuilder =
        sdk::types::builders::ConnectionSummaryBuilder::set_catalog;
    let _: fn(
        sdk::types::builders::ConnectionSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::ConnectionSummaryBuilder =
        sdk::types::builders::ConnectionSummaryBuilder::set_id;
    let _: fn(
        sdk::types::builders::ConnectionSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::ConnectionSummaryBuilder =
        sdk::types::builders::ConnectionSummaryBuilder::set_arn;
    let _: fn(
        sdk::types::builders::ConnectionSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::ConnectionSummaryBuilder =
        sdk::types::builders::ConnectionSummaryBuilder::set_other_participant_account_id;
    let _: fn(
        sdk::types::builders::ConnectionSummaryBuilder,
        Option<sdk::primitives::DateTime>,
    ) -> sdk::types::builders::ConnectionSummaryBuilder =
        sdk::types::builders::ConnectionSummaryBuilder::set_updated_at;
    let _: fn(
        sdk::types::builders::ConnectionSummaryBuilder,
        Option<
            std::collections::HashMap<
                sdk::types::ConnectionType,
                sdk::types::ConnectionTypeSummary,
            >,
        >,
    ) -> sdk::types::builders::ConnectionSummaryBuilder =
        sdk::types::builders::ConnectionSummaryBuilder::set_connection_types;
    let _: fn(&sdk::types::builders::ConnectionSummaryBuilder) -> &Option<String> =
        sdk::types::builders::ConnectionSummaryBuilder::get_catalog;
    let _: fn(&sdk::types::builders::ConnectionSummaryBuilder) -> &Option<String> =
        sdk::types::builders::ConnectionSummaryBuilder::get_id;
    let _: fn(&sdk::types::builders::ConnectionSummaryBuilder) -> &Option<String> =
        sdk::types::builders::ConnectionSummaryBuilder::get_arn;
    let _: fn(&sdk::types::builders::ConnectionSummaryBuilder) -> &Option<String> =
        sdk::types::builders::ConnectionSummaryBuilder::get_other_participant_account_id;
    let _: fn(
        &sdk::types::builders::ConnectionSummaryBuilder,
    ) -> &Option<sdk::primitives::DateTime> =
        sdk::types::builders::ConnectionSummaryBuilder::get_updated_at;
    let _: fn() -> sdk::types::builders::ConnectionSummaryBuilder =
        sdk::types::ConnectionSummary::builder;
    // ConnectionType (enum)
    let _: fn(&sdk::types::ConnectionType) -> &str = sdk::types::ConnectionType::as_str;
    // ConnectionTypeStatus (enum)
    let _: fn(&sdk::types::ConnectionTypeStatus) -> &str = sdk::types::ConnectionTypeStatus::as_str;
    // ConnectionTypeSummary (structure)
    let _: fn(&sdk::types::ConnectionTypeSummary) -> &sdk::types::ConnectionTypeStatus =
        sdk::types::ConnectionTypeSummary::status;
    let _: fn(&sdk::types::ConnectionTypeSummary) -> Option<&sdk::types::Participant> =
        sdk::types::ConnectionTypeSummary::other_participant;
    let _: fn(
        sdk::types::builders::ConnectionTypeSummaryBuilder,
    ) -> Result<sdk::types::ConnectionTypeSummary, sdk::error::BuildError> =
        sdk::types::builders::ConnectionTypeSummaryBuilder::build;
    let _: fn(
        sdk::types::builders::ConnectionTypeSummaryBuilder,
        Option<sdk::types::ConnectionTypeStatus>,
    ) -> sdk::types::builders::ConnectionTypeSummaryBuilder =
        sdk::types::builders::ConnectionTypeSummaryBuilder::set_status;
    let _: fn(
        sdk::types::builders::ConnectionTypeSummaryBuilder,
        Option<sdk::types::Participant>,
    ) -> sdk::types::builders::ConnectionTypeSummaryBuilder =
        sdk::types::builders::ConnectionTypeSummaryBuilder::set_other_participant;
    let _: fn(
        &sdk::types::builders::ConnectionTypeSummaryBuilder,
    ) -> &Option<sdk::types::ConnectionTypeStatus> =
        sdk::types::builders::ConnectionTypeSummaryBuilder::get_status;
    let _: fn(
        &sdk::types::builders::ConnectionTypeSummaryBuilder,
    ) -> &Option<sdk::types::Participant> =
        sdk::types::builders::ConnectionTypeSummaryBuilder::get_other_participant;
    let _: fn() -> sdk::types::builders::ConnectionTypeSummaryBuilder =
        sdk::types::ConnectionTypeSummary::builder;
    // FieldValidationCode (enum)
    let _: fn(&sdk::types::FieldValidationCode) -> &str = sdk::types::FieldValidationCode::as_str;
    // FieldValidationError (structure)
    let _: fn(&sdk::types::FieldValidationError) -> &str = sdk::types::FieldValidationError::name;
    let _: fn(&sdk::types::FieldValidationError) -> &str =
        sdk::types::FieldValidationError::message;
    let _: fn(&sdk::types::FieldValidationError) -> &sdk::types::FieldValidationCode =
        sdk::types::FieldValidationError::code;
    let _: fn(
        sdk::types::builders::FieldValidationErrorBuilder,
    ) -> Result<sdk::types::FieldValidationError, sdk::error::BuildError> =
        sdk::types::builders::FieldValidationErrorBuilder::build;
    let _: fn(
        sdk::types::builders::FieldValidationErrorBuilder,
        Option<String>,
    ) -> sdk::types::builders::FieldValidationErrorBuilder =
        sdk::types::builders::FieldValidationErrorBuilder::set_name;
    let _: fn(
        sdk::types::builders::FieldValidationErrorBuilder,
        Option<String>,
    ) -> sdk::types::builders::FieldValidationErrorBuilder =
        sdk::types::builders::FieldValidationErrorBuilder::set_message;
    let _: fn(
        sdk::types::builders::FieldValidationErrorBuilder,
        Option<sdk::types::FieldValidationCode>,
    ) -> sdk::types::builders::FieldValidationErrorBuilder =
        sdk::types::builders::FieldValidationErrorBuilder::set_code;
    let _: fn(&sdk::types::builders::FieldValidationErrorBuilder) -> &Option<String> =
        sdk::types::builders::FieldValidationErrorBuilder::get_name;
    let _: fn(&sdk::types::builders::FieldValidationErrorBuilder) -> &Option<String> =
        sdk::types::builders::FieldValidationErrorBuilder::get_message;
    let _: fn(
        &sdk::types::builders::FieldValidationErrorBuilder,
    ) -> &Option<sdk::types::FieldValidationCode> =
        sdk::types::builders::FieldValidationErrorBuilder::get_code;
    let _: fn() -> sdk::types::builders::FieldValidationErrorBuilder =
        sdk::types::FieldValidationError::builder;
    // InternalServerException (structure)
    let _: fn(&sdk::types::error::InternalServerException) -> &str =
        sdk::types::error::InternalServerException::message;
    let _: fn(
        sdk::types::error::builders::InternalServerExceptionBuilder,
    ) -> Result<sdk::types::error::InternalServerException, sdk::error::BuildError> =
        sdk::types::error::builders::InternalServerExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::InternalServerExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::InternalServerExceptionBuilder =
        sdk::types::error::builders::InternalServerExceptionBuilder::set_message;
    let _: fn(&sdk::types::error::builders::InternalServerExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::InternalServerExceptionBuilder::get_message;
    let _: fn() -> sdk::types::error::builders::InternalServerExceptionBuilder =
        sdk::types::error::InternalServerException::builder;
    // Participant (union)
    let _: fn(
        &sdk::types::Participant,
    ) -> Result<&sdk::types::AccountSummary, &sdk::types::Participant> =
        sdk::types::Participant::as_account;
    let _: fn(&sdk::types::Participant) -> bool = sdk::types::Participant::is_account;
    let _: fn(
        &sdk::types::Participant,
    ) -> Result<&sdk::types::PartnerProfileSummary, &sdk::types::Participant> =
        sdk::types::Participant::as_partner_profile;
    let _: fn(&sdk::types::Participant) -> bool = sdk::types::Participant::is_partner_profile;
    let _: fn(
        &sdk::types::Participant,
    ) -> Result<&sdk::types::SellerProfileSummary, &sdk::types::Participant> =
        sdk::types::Participant::as_seller_profile;
    let _: fn(&sdk::types::Participant) -> bool = sdk::types::Participant::is_seller_profile;
    let _: fn(&sdk::types::Participant) -> bool = sdk::types::Participant::is_unknown;
    // PartnerProfileSummary (structure)
    let _: fn(&sdk::types::PartnerProfileSummary) -> &str = sdk::types::PartnerProfileSummary::id;
    let _: fn(&sdk::types::PartnerProfileSummary) -> &str = sdk::types::PartnerProfileSummary::name;
    let _: fn(
        sdk::types::builders::PartnerProfileSummaryBuilder,
    ) -> Result<sdk::types::PartnerProfileSummary, sdk::error::BuildError> =
        sdk::types::builders::PartnerProfileSummaryBuilder::build;
    let _: fn(
        sdk::types::builders::PartnerProfileSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::PartnerProfileSummaryBuilder =
        sdk::types::builders::PartnerProfileSummaryBuilder::set_id;
    let _: fn(
        sdk::types::builders::PartnerProfileSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::PartnerProfileSummaryBuilder =
        sdk::types::builders::PartnerProfileSummaryBuilder::set_name;
    let _: fn(&sdk::types::builders::PartnerProfileSummaryBuilder) -> &Option<String> =
        sdk::types::builders::PartnerProfileSummaryBuilder::get_id;
    let _: fn(&sdk::types::builders::PartnerProfileSummaryBuilder) -> &Option<String> =
        sdk::types::builders::PartnerProfileSummaryBuilder::get_name;
    let _: fn() -> sdk::types::builders::PartnerProfileSummaryBuilder =
        sdk::types::PartnerProfileSummary::builder;
    // SellerProfileSummary (structure)
    let _: fn(&sdk::types::SellerProfileSummary) -> &str = sdk::types::SellerProfileSummary::id;
    let _: fn(&sdk::types::SellerProfileSummary) -> &str = sdk::types::SellerProfileSummary::name;
    let _: fn(
        sdk::types::builders::SellerProfileSummaryBuilder,
    ) -> Result<sdk::types::SellerProfileSummary, sdk::error::BuildError> =
        sdk::types::builders::SellerProfileSummaryBuilder::build;
    let _: fn(
        sdk::types::builders::SellerProfileSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::SellerProfileSummaryBuilder =
        sdk::types::builders::SellerProfileSummaryBuilder::set_id;
    let _: fn(
        sdk::types::builders::SellerProfileSummaryBuilder,
        Option<String>,
    ) -> sdk::types::builders::SellerProfileSummaryBuilder =
        sdk::types::builders::SellerProfileSummaryBuilder::set_name;
    let _: fn(&sdk::types::builders::SellerProfileSummaryBuilder) -> &Option<String> =
        sdk::types::builders::SellerProfileSummaryBuilder::get_id;
    let _: fn(&sdk::types::builders::SellerProfileSummaryBuilder) -> &Option<String> =
        sdk::types::builders::SellerProfileSummaryBuilder::get_name;
    let _: fn() -> sdk::types::builders::SellerProfileSummaryBuilder =
        sdk::types::SellerProfileSummary::builder;
    // ThrottlingException (structure)
    let _: fn(&sdk::types::error::ThrottlingException) -> Option<&str> =
        sdk::types::error::ThrottlingException::service_code;
    let _: fn(&sdk::types::error::ThrottlingException) -> Option<&str> =
        sdk::types::error::ThrottlingException::quota_code;
    let _: fn(&sdk::types::error::ThrottlingException) -> &str =
        sdk::types::error::ThrottlingException::message;
    let _: fn(
        sdk::types::error::builders::ThrottlingExceptionBuilder,
    ) -> Result<sdk::types::error::ThrottlingException, sdk::error::BuildError> =
        sdk::types::error::builders::ThrottlingExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::ThrottlingExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ThrottlingExceptionBuilder =
        sdk::types::error::builders::ThrottlingExceptionBuilder::set_message;
    let _: fn(
        sdk::types::error::builders::ThrottlingExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ThrottlingExceptionBuilder =
        sdk::types::error::builders::ThrottlingExceptionBuilder::set_service_code;
    let _: fn(
        sdk::types::error::builders::ThrottlingExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ThrottlingExceptionBuilder =
        sdk::types::error::builders::ThrottlingExceptionBuilder::set_quota_code;
    let _: fn(&sdk::types::error::builders::ThrottlingExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::ThrottlingExceptionBuilder::get_message;
    let _: fn(&sdk::types::error::builders::ThrottlingExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::ThrottlingExceptionBuilder::get_service_code;
    let _: fn(&sdk::types::error::builders::ThrottlingExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::ThrottlingExceptionBuilder::get_quota_code;
    let _: fn() -> sdk::types::error::builders::ThrottlingExceptionBuilder =
        sdk::types::error::ThrottlingException::builder;
    // ValidationError (union)
    let _: fn(
        &sdk::types::ValidationError,
    ) -> Result<&sdk::types::BusinessValidationError, &sdk::types::ValidationError> =
        sdk::types::ValidationError::as_business_validation_error;
    let _: fn(&sdk::types::ValidationError) -> bool =
        sdk::types::ValidationError::is_business_validation_error;
    let _: fn(
        &sdk::types::ValidationError,
    ) -> Result<&sdk::types::FieldValidationError, &sdk::types::ValidationError> =
        sdk::types::ValidationError::as_field_validation_error;
    let _: fn(&sdk::types::ValidationError) -> bool =
        sdk::types::ValidationError::is_field_validation_error;
    let _: fn(&sdk::types::ValidationError) -> bool = sdk::types::ValidationError::is_unknown;
    // ValidationException (structure)
    let _: fn(&sdk::types::error::ValidationException) -> &sdk::types::ValidationExceptionReason =
        sdk::types::error::ValidationException::reason;
    let _: fn(&sdk::types::error::ValidationException) -> &[sdk::types::ValidationError] =
        sdk::types::error::ValidationException::error_details;
    let _: fn(&sdk::types::error::ValidationException) -> &str =
        sdk::types::error::ValidationException::message;
    let _: fn(
        sdk::types::error::builders::ValidationExceptionBuilder,
    ) -> Result<sdk::types::error::ValidationException, sdk::error::BuildError> =
        sdk::types::error::builders::ValidationExceptionBuilder::build;
    let _: fn(
        sdk::types::error::builders::ValidationExceptionBuilder,
        Option<String>,
    ) -> sdk::types::error::builders::ValidationExceptionBuilder =
        sdk::types::error::builders::ValidationExceptionBuilder::set_message;
    let _: fn(
        sdk::types::error::builders::ValidationExceptionBuilder,
        Option<sdk::types::ValidationExceptionReason>,
    ) -> sdk::types::error::builders::ValidationExceptionBuilder =
        sdk::types::error::builders::ValidationExceptionBuilder::set_reason;
    let _: fn(
        sdk::types::error::builders::ValidationExceptionBuilder,
        Option<Vec<sdk::types::ValidationError>>,
    ) -> sdk::types::error::builders::ValidationExceptionBuilder =
        sdk::types::error::builders::ValidationExceptionBuilder::set_error_details;
    let _: fn(&sdk::types::error::builders::ValidationExceptionBuilder) -> &Option<String> =
        sdk::types::error::builders::ValidationExceptionBuilder::get_message;
    let _: fn(
        &sdk::types::error::builders::ValidationExceptionBuilder,
    ) -> &Option<sdk::types::ValidationExceptionReason> =
        sdk::types::error::builders::ValidationExceptionBuilder::get_reason;
    let _: fn(
        &sdk::types::error::builders::ValidationExceptionBuilder,
    ) -> &Option<Vec<sdk::types::ValidationError>> =
        sdk::types::error::builders::ValidationExceptionBuilder::get_error_details;
    let _: fn() -> sdk::types::error::builders::ValidationExceptionBuilder =
        sdk::types::error::ValidationException::builder;
    // ValidationExceptionReason (enum)
    let _: fn(&sdk::types::ValidationExceptionReason) -> &str =
        sdk::types::ValidationExceptionReason::as_str;
    // ListConnectionsInput
    let _: fn(&sdk::operation::list_connections::ListConnectionsInput) -> Option<&str> =
        sdk::operation::list_connections::ListConnectionsInput::catalog;
    let _: fn(&sdk::operation::list_connections::ListConnectionsInput) -> Option<&str> =
        sdk::operation::list_connections::ListConnectionsInput::next_token;
    let _: fn(&sdk::operation::list_connections::ListConnectionsInput) -> Option<&str> =
        sdk::operation::list_connections::ListConnectionsInput::connection_type;
    let _: fn(&sdk::operation::list_connections::ListConnectionsInput) -> Option<i32> =
        sdk::operation::list_connections::ListConnectionsInput::max_results;
    let _: fn(&sdk::operation::list_connections::ListConnectionsInput) -> &[String] =
        sdk::operation::list_connections::ListConnectionsInput::other_participant_identifiers;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder,
    ) -> Result<
        sdk::operation::list_connections::ListConnectionsInput,
        sdk::error::BuildError,
    > = sdk::operation::list_connections::builders::ListConnectionsInputBuilder::build;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder,
        Option<String>,
    ) -> sdk::operation::list_connections::builders::ListConnectionsInputBuilder =
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder::set_catalog;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder,
        Option<String>,
    ) -> sdk::operation::list_connections::builders::ListConnectionsInputBuilder =
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder::set_next_token;
    let _: fn(sdk::operation::list_connections::builders::ListConnectionsInputBuilder, Option<String>) -> sdk::operation::list_connections::builders::ListConnectionsInputBuilder = sdk::operation::list_connections::builders::ListConnectionsInputBuilder::set_connection_type;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder,
        Option<i32>,
    ) -> sdk::operation::list_connections::builders::ListConnectionsInputBuilder =
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder::set_max_results;
    let _: fn(sdk::operation::list_connections::builders::ListConnectionsInputBuilder, Option<Vec<String>>) -> sdk::operation::list_connections::builders::ListConnectionsInputBuilder = sdk::operation::list_connections::builders::ListConnectionsInputBuilder::set_other_participant_identifiers;
    let _: fn(
        &sdk::operation::list_connections::builders::ListConnectionsInputBuilder,
    ) -> &Option<String> =
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder::get_catalog;
    let _: fn(
        &sdk::operation::list_connections::builders::ListConnectionsInputBuilder,
    ) -> &Option<String> =
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder::get_next_token;
    let _: fn(&sdk::operation::list_connections::builders::ListConnectionsInputBuilder) -> &Option<String> = sdk::operation::list_connections::builders::ListConnectionsInputBuilder::get_connection_type;
    let _: fn(
        &sdk::operation::list_connections::builders::ListConnectionsInputBuilder,
    ) -> &Option<i32> =
        sdk::operation::list_connections::builders::ListConnectionsInputBuilder::get_max_results;
    let _: fn(&sdk::operation::list_connections::builders::ListConnectionsInputBuilder) -> &Option<Vec<String>> = sdk::operation::list_connections::builders::ListConnectionsInputBuilder::get_other_participant_identifiers;
    let _: fn() -> sdk::operation::list_connections::builders::ListConnectionsInputBuilder =
        sdk::operation::list_connections::ListConnectionsInput::builder;
    // ListConnectionsOutput
    let _: fn(
        &sdk::operation::list_connections::ListConnectionsOutput,
    ) -> &[sdk::types::ConnectionSummary] =
        sdk::operation::list_connections::ListConnectionsOutput::connection_summaries;
    let _: fn(&sdk::operation::list_connections::ListConnectionsOutput) -> Option<&str> =
        sdk::operation::list_connections::ListConnectionsOutput::next_token;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsOutputBuilder,
    ) -> Result<
        sdk::operation::list_connections::ListConnectionsOutput,
        sdk::error::BuildError,
    > = sdk::operation::list_connections::builders::ListConnectionsOutputBuilder::build;
    let _: fn(sdk::operation::list_connections::builders::ListConnectionsOutputBuilder, Option<Vec<sdk::types::ConnectionSummary>>) -> sdk::operation::list_connections::builders::ListConnectionsOutputBuilder = sdk::operation::list_connections::builders::ListConnectionsOutputBuilder::set_connection_summaries;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsOutputBuilder,
        Option<String>,
    ) -> sdk::operation::list_connections::builders::ListConnectionsOutputBuilder =
        sdk::operation::list_connections::builders::ListConnectionsOutputBuilder::set_next_token;
    let _: fn(&sdk::operation::list_connections::builders::ListConnectionsOutputBuilder) -> &Option<Vec<sdk::types::ConnectionSummary>> = sdk::operation::list_connections::builders::ListConnectionsOutputBuilder::get_connection_summaries;
    let _: fn(
        &sdk::operation::list_connections::builders::ListConnectionsOutputBuilder,
    ) -> &Option<String> =
        sdk::operation::list_connections::builders::ListConnectionsOutputBuilder::get_next_token;
    let _: fn() -> sdk::operation::list_connections::builders::ListConnectionsOutputBuilder =
        sdk::operation::list_connections::ListConnectionsOutput::builder;
    // ListConnectionsFluentBuilder
    let _: fn(
        &sdk::Client,
    ) -> sdk::operation::list_connections::builders::ListConnectionsFluentBuilder =
        sdk::Client::list_connections;
    let _: fn(
        &sdk::operation::list_connections::builders::ListConnectionsFluentBuilder,
    ) -> &sdk::operation::list_connections::builders::ListConnectionsInputBuilder =
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::as_input;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder,
        Option<String>,
    ) -> sdk::operation::list_connections::builders::ListConnectionsFluentBuilder =
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::set_catalog;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder,
        Option<String>,
    ) -> sdk::operation::list_connections::builders::ListConnectionsFluentBuilder =
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::set_next_token;
    let _: fn(sdk::operation::list_connections::builders::ListConnectionsFluentBuilder, Option<String>) -> sdk::operation::list_connections::builders::ListConnectionsFluentBuilder = sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::set_connection_type;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder,
        Option<i32>,
    ) -> sdk::operation::list_connections::builders::ListConnectionsFluentBuilder =
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::set_max_results;
    let _: fn(sdk::operation::list_connections::builders::ListConnectionsFluentBuilder, Option<Vec<String>>) -> sdk::operation::list_connections::builders::ListConnectionsFluentBuilder = sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::set_other_participant_identifiers;
    let _: fn(
        &sdk::operation::list_connections::builders::ListConnectionsFluentBuilder,
    ) -> &Option<String> =
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::get_catalog;
    let _: fn(
        &sdk::operation::list_connections::builders::ListConnectionsFluentBuilder,
    ) -> &Option<String> =
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::get_next_token;
    let _: fn(&sdk::operation::list_connections::builders::ListConnectionsFluentBuilder) -> &Option<String> = sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::get_connection_type;
    let _: fn(
        &sdk::operation::list_connections::builders::ListConnectionsFluentBuilder,
    ) -> &Option<i32> =
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::get_max_results;
    let _: fn(&sdk::operation::list_connections::builders::ListConnectionsFluentBuilder) -> &Option<Vec<String>> = sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::get_other_participant_identifiers;
    // ListConnectionsError
    let _: fn(
        &sdk::operation::list_connections::ListConnectionsError,
    ) -> &sdk::error::ErrorMetadata = sdk::operation::list_connections::ListConnectionsError::meta;
    let _: fn(&sdk::operation::list_connections::ListConnectionsError) -> bool =
        sdk::operation::list_connections::ListConnectionsError::is_access_denied_exception;
    let _: fn(&sdk::operation::list_connections::ListConnectionsError) -> bool =
        sdk::operation::list_connections::ListConnectionsError::is_internal_server_exception;
    let _: fn(&sdk::operation::list_connections::ListConnectionsError) -> bool =
        sdk::operation::list_connections::ListConnectionsError::is_throttling_exception;
    let _: fn(&sdk::operation::list_connections::ListConnectionsError) -> bool =
        sdk::operation::list_connections::ListConnectionsError::is_validation_exception;
    let _: fn(sdk::error::ErrorMetadata) -> sdk::operation::list_connections::ListConnectionsError =
        sdk::operation::list_connections::ListConnectionsError::generic;
}

/// Paths aws-sdk-rust users import from `aws_sdk_bedrockagentcore`.
#[allow(unused_imports)]
mod bedrockagentcore_paths {
    use aws_sdk_bedrockagentcore::operation::create_payment_session::builders::{
        CreatePaymentSessionFluentBuilder, CreatePaymentSessionInputBuilder,
        CreatePaymentSessionOutputBuilder,
    };
    use aws_sdk_bedrockagentcore::operation::create_payment_session::{
        CreatePaymentSession, CreatePaymentSessionError, CreatePaymentSessionInput,
        CreatePaymentSessionOutput,
    };
    use aws_sdk_bedrockagentcore::operation::get_payment_session::builders::{
        GetPaymentSessionFluentBuilder, GetPaymentSessionInputBuilder,
        GetPaymentSessionOutputBuilder,
    };
    use aws_sdk_bedrockagentcore::operation::get_payment_session::{
        GetPaymentSession, GetPaymentSessionError, GetPaymentSessionInput, GetPaymentSessionOutput,
    };
    use aws_sdk_bedrockagentcore::operation::list_payment_sessions::builders::{
        ListPaymentSessionsFluentBuilder, ListPaymentSessionsInputBuilder,
        ListPaymentSessionsOutputBuilder,
    };
    use aws_sdk_bedrockagentcore::operation::list_payment_sessions::paginator::{
        ListPaymentSessionsPaginator, ListPaymentSessionsPaginatorItems,
    };
    use aws_sdk_bedrockagentcore::operation::list_payment_sessions::{
        ListPaymentSessions, ListPaymentSessionsError, ListPaymentSessionsInput,
        ListPaymentSessionsOutput,
    };
}

/// Construction, configuration, paginators and errors of `aws_sdk_bedrockagentcore`.
#[allow(dead_code)]
fn bedrockagentcore_client() {
    common_signatures!(aws_sdk_bedrockagentcore);
    use aws_sdk_bedrockagentcore as sdk;
    let _: fn(&mut sdk::config::Builder, Option<bool>) -> &mut sdk::config::Builder =
        sdk::config::Builder::set_use_dual_stack;
    let _: fn(sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder) -> sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator = sdk::operation::list_payment_sessions::builders::ListPaymentSessionsFluentBuilder::into_paginator;
    let _: fn(
        sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator,
        i32,
    )
        -> sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator =
        sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator::page_size;
    let _: fn(sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator, bool) -> sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator = sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator::stop_on_duplicate_token;
    let _: fn(sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator) -> sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginatorItems = sdk::operation::list_payment_sessions::paginator::ListPaymentSessionsPaginator::items;
    // CreatePaymentSession: the service-wide error, request ids
    let _: fn(
        sdk::error::SdkError<sdk::operation::create_payment_session::CreatePaymentSessionError>,
    ) -> sdk::Error = sdk::Error::from;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionError) -> Option<&str> = <sdk::operation::create_payment_session::CreatePaymentSessionError as sdk::operation::RequestId>::request_id;
    let _: fn(&sdk::operation::create_payment_session::CreatePaymentSessionOutput) -> Option<&str> = <sdk::operation::create_payment_session::CreatePaymentSessionOutput as sdk::operation::RequestId>::request_id;
    let _: fn(
        &sdk::error::SdkError<sdk::operation::create_payment_session::CreatePaymentSessionError>,
    ) -> Option<&str> = <sdk::error::SdkError<
        sdk::operation::create_payment_session::CreatePaymentSessionError,
    > as sdk::operation::RequestId>::request_id;
    // GetPaymentSession: the service-wide error, request ids
    let _: fn(
        sdk::error::SdkError<sdk::operation::get_payment_session::GetPaymentSessionError>,
    ) -> sdk::Error = sdk::Error::from;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionError) -> Option<&str> = <sdk::operation::get_payment_session::GetPaymentSessionError as sdk::operation::RequestId>::request_id;
    let _: fn(&sdk::operation::get_payment_session::GetPaymentSessionOutput) -> Option<&str> = <sdk::operation::get_payment_session::GetPaymentSessionOutput as sdk::operation::RequestId>::request_id;
    let _: fn(
        &sdk::error::SdkError<sdk::operation::get_payment_session::GetPaymentSessionError>,
    ) -> Option<&str> = <sdk::error::SdkError<
        sdk::operation::get_payment_session::GetPaymentSessionError,
    > as sdk::operation::RequestId>::request_id;
    // ListPaymentSessions: the service-wide error, request ids
    let _: fn(
        sdk::error::SdkError<sdk::operation::list_payment_sessions::ListPaymentSessionsError>,
    ) -> sdk::Error = sdk::Error::from;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsError) -> Option<&str> = <sdk::operation::list_payment_sessions::ListPaymentSessionsError as sdk::operation::RequestId>::request_id;
    let _: fn(&sdk::operation::list_payment_sessions::ListPaymentSessionsOutput) -> Option<&str> = <sdk::operation::list_payment_sessions::ListPaymentSessionsOutput as sdk::operation::RequestId>::request_id;
    let _: fn(
        &sdk::error::SdkError<sdk::operation::list_payment_sessions::ListPaymentSessionsError>,
    ) -> Option<&str> = <sdk::error::SdkError<
        sdk::operation::list_payment_sessions::ListPaymentSessionsError,
    > as sdk::operation::RequestId>::request_id;
    let _: fn() -> &'static [&'static str] = sdk::types::Currency::values;
    let _: fn(&str) -> Result<sdk::types::Currency, sdk::error::UnknownVariantError> =
        sdk::types::Currency::try_parse;
    let _: fn(&str) -> sdk::types::Currency = |s| sdk::types::Currency::from(s);
    let _: fn() -> &'static [&'static str] = sdk::types::ValidationExceptionReason::values;
    let _: fn(
        &str,
    )
        -> Result<sdk::types::ValidationExceptionReason, sdk::error::UnknownVariantError> =
        sdk::types::ValidationExceptionReason::try_parse;
    let _: fn(&str) -> sdk::types::ValidationExceptionReason =
        |s| sdk::types::ValidationExceptionReason::from(s);
}

/// Paths aws-sdk-rust users import from `aws_sdk_partnercentralaccount`.
#[allow(unused_imports)]
mod partnercentralaccount_paths {
    use aws_sdk_partnercentralaccount::operation::list_connections::builders::{
        ListConnectionsFluentBuilder, ListConnectionsInputBuilder, ListConnectionsOutputBuilder,
    };
    use aws_sdk_partnercentralaccount::operation::list_connections::paginator::{
        ListConnectionsPaginator, ListConnectionsPaginatorItems,
    };
    use aws_sdk_partnercentralaccount::operation::list_connections::{
        ListConnections, ListConnectionsError, ListConnectionsInput, ListConnectionsOutput,
    };
}

/// Construction, configuration, paginators and errors of `aws_sdk_partnercentralaccount`.
#[allow(dead_code)]
fn partnercentralaccount_client() {
    common_signatures!(aws_sdk_partnercentralaccount);
    use aws_sdk_partnercentralaccount as sdk;
    let _: fn(
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder,
    ) -> sdk::operation::list_connections::paginator::ListConnectionsPaginator =
        sdk::operation::list_connections::builders::ListConnectionsFluentBuilder::into_paginator;
    let _: fn(
        sdk::operation::list_connections::paginator::ListConnectionsPaginator,
        i32,
    ) -> sdk::operation::list_connections::paginator::ListConnectionsPaginator =
        sdk::operation::list_connections::paginator::ListConnectionsPaginator::page_size;
    let _: fn(sdk::operation::list_connections::paginator::ListConnectionsPaginator, bool) -> sdk::operation::list_connections::paginator::ListConnectionsPaginator = sdk::operation::list_connections::paginator::ListConnectionsPaginator::stop_on_duplicate_token;
    let _: fn(
        sdk::operation::list_connections::paginator::ListConnectionsPaginator,
    ) -> sdk::operation::list_connections::paginator::ListConnectionsPaginatorItems =
        sdk::operation::list_connections::paginator::ListConnectionsPaginator::items;
    // ListConnections: the service-wide error, request ids
    let _: fn(
        sdk::error::SdkError<sdk::operation::list_connections::ListConnectionsError>,
    ) -> sdk::Error = sdk::Error::from;
    let _: fn(&sdk::operation::list_connections::ListConnectionsError) -> Option<&str> = <sdk::operation::list_connections::ListConnectionsError as sdk::operation::RequestId>::request_id;
    let _: fn(&sdk::operation::list_connections::ListConnectionsOutput) -> Option<&str> = <sdk::operation::list_connections::ListConnectionsOutput as sdk::operation::RequestId>::request_id;
    let _: fn(
        &sdk::error::SdkError<sdk::operation::list_connections::ListConnectionsError>,
    ) -> Option<&str> = <sdk::error::SdkError<
        sdk::operation::list_connections::ListConnectionsError,
    > as sdk::operation::RequestId>::request_id;
    let _: fn() -> &'static [&'static str] = sdk::types::AccessDeniedExceptionReason::values;
    let _: fn(
        &str,
    )
        -> Result<sdk::types::AccessDeniedExceptionReason, sdk::error::UnknownVariantError> =
        sdk::types::AccessDeniedExceptionReason::try_parse;
    let _: fn(&str) -> sdk::types::AccessDeniedExceptionReason =
        |s| sdk::types::AccessDeniedExceptionReason::from(s);
    let _: fn() -> &'static [&'static str] = sdk::types::BusinessValidationCode::values;
    let _: fn(&str) -> Result<sdk::types::BusinessValidationCode, sdk::error::UnknownVariantError> =
        sdk::types::BusinessValidationCode::try_parse;
    let _: fn(&str) -> sdk::types::BusinessValidationCode =
        |s| sdk::types::BusinessValidationCode::from(s);
    let _: fn() -> &'static [&'static str] = sdk::types::ConnectionType::values;
    let _: fn(&str) -> Result<sdk::types::ConnectionType, sdk::error::UnknownVariantError> =
        sdk::types::ConnectionType::try_parse;
    let _: fn(&str) -> sdk::types::ConnectionType = |s| sdk::types::ConnectionType::from(s);
    let _: fn() -> &'static [&'static str] = sdk::types::ConnectionTypeStatus::values;
    let _: fn(&str) -> Result<sdk::types::ConnectionTypeStatus, sdk::error::UnknownVariantError> =
        sdk::types::ConnectionTypeStatus::try_parse;
    let _: fn(&str) -> sdk::types::ConnectionTypeStatus =
        |s| sdk::types::ConnectionTypeStatus::from(s);
    let _: fn() -> &'static [&'static str] = sdk::types::FieldValidationCode::values;
    let _: fn(&str) -> Result<sdk::types::FieldValidationCode, sdk::error::UnknownVariantError> =
        sdk::types::FieldValidationCode::try_parse;
    let _: fn(&str) -> sdk::types::FieldValidationCode =
        |s| sdk::types::FieldValidationCode::from(s);
    let _: fn() -> &'static [&'static str] = sdk::types::ValidationExceptionReason::values;
    let _: fn(
        &str,
    )
        -> Result<sdk::types::ValidationExceptionReason, sdk::error::UnknownVariantError> =
        sdk::types::ValidationExceptionReason::try_parse;
    let _: fn(&str) -> sdk::types::ValidationExceptionReason =
        |s| sdk::types::ValidationExceptionReason::from(s);
}

fn main() {
    bedrockagentcore();
    bedrockagentcore_client();
    partnercentralaccount();
    partnercentralaccount_client();
    println!("signatures checked at compile time");
}
