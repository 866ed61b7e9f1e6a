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

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextMut;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;

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

#[cfg(test)]
mod tests {
    use super::*;

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
