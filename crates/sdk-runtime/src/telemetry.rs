//! `tracing` spans of calls and attempts.
//!
//! Each call runs in a `call` span (target `sdk_runtime::telemetry`, level DEBUG) with
//! `rpc.service` (the crate name), `rpc.method` (the operation name), and, once known, `attempts`,
//! `http.status_code` and `request_id` (of the last response that had them) and `outcome`. Each
//! attempt gets an `attempt` span inside it, with `rpc.method`, `attempt` (1, 2, ...),
//! `http.status_code`, `request_id` and `outcome`. The fields hold names, numbers and the service's request id only:
//! never headers, URLs (an API key can sit in the query), bodies or identities.
//!
//! The orchestrator's own spans (`invoke`, `try_op`, `try_attempt`, `finally_attempt`, ...) nest
//! inside `call`; its metrics go to the `aws-smithy-observability` global telemetry provider.

use std::fmt;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeTransmitInterceptorContextRef, FinalizerInterceptorContextRef,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpResponse, OrchestratorError};
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_runtime_api::client::retries::RequestAttempts;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use tracing::Span;
use tracing::field::Empty;

/// The span of one call of `operation` on `service`.
pub(crate) fn call_span(service: &'static str, operation: &'static str) -> Span {
    tracing::debug_span!(
        "call",
        "rpc.service" = service,
        "rpc.method" = operation,
        attempts = Empty,
        "http.status_code" = Empty,
        request_id = Empty,
        outcome = Empty,
    )
}

/// Records how a call ended on its span.
pub(crate) fn record_outcome<O, E, R>(span: &Span, result: &Result<O, SdkError<E, R>>) {
    let outcome = match result {
        Ok(_) => "success",
        Err(SdkError::ServiceError(_)) => "service_error",
        Err(SdkError::ConstructionFailure(_)) => "construction_failure",
        Err(SdkError::TimeoutError(_)) => "timeout",
        Err(SdkError::DispatchFailure(_)) => "dispatch_failure",
        Err(SdkError::ResponseError(_)) => "response_error",
        Err(_) => "failure",
    };
    span.record("outcome", outcome);
}

/// The request id headers AWS services (and many others) answer with.
fn request_id(response: &HttpResponse) -> Option<&str> {
    let headers = response.headers();
    headers
        .get("x-amzn-requestid")
        .or_else(|| headers.get("x-amz-request-id"))
        .or_else(|| headers.get("x-request-id"))
}

fn attempt_outcome<O, E>(result: Option<Result<&O, &OrchestratorError<E>>>) -> &'static str {
    match result {
        None => "incomplete",
        Some(Ok(_)) => "success",
        Some(Err(e)) if e.is_operation_error() => "service_error",
        Some(Err(e)) if e.is_timeout_error() => "timeout",
        Some(Err(e)) if e.is_connector_error() => "dispatch_failure",
        Some(Err(e)) if e.is_response_error() => "response_error",
        Some(Err(_)) => "failure",
    }
}

/// The open span of the current attempt, kept in the config bag between the attempt's hooks.
#[derive(Clone, Debug)]
struct AttemptSpan(Span);

impl Storable for AttemptSpan {
    type Storer = StoreReplace<Self>;
}

/// Opens an `attempt` span when an attempt starts and fills in its fields (and the call's) when
/// it ends.
pub(crate) struct AttemptTracing {
    call: Span,
    operation: &'static str,
}

impl AttemptTracing {
    pub(crate) fn new(call: Span, operation: &'static str) -> Self {
        Self { call, operation }
    }
}

impl fmt::Debug for AttemptTracing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AttemptTracing")
            .field("operation", &self.operation)
            .finish()
    }
}

impl Intercept for AttemptTracing {
    fn name(&self) -> &'static str {
        "sdk_runtime::AttemptTracing"
    }

    fn read_before_attempt(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let attempt = cfg.load::<RequestAttempts>().map_or(1, |a| a.attempts());
        // The parent is the orchestrator's `try_attempt` span, which is current here.
        let span = tracing::debug_span!(
            "attempt",
            "rpc.method" = self.operation,
            attempt,
            "http.status_code" = Empty,
            request_id = Empty,
            outcome = Empty,
        );
        self.call.record("attempts", attempt);
        cfg.interceptor_state().store_put(AttemptSpan(span));
        Ok(())
    }

    fn read_after_attempt(
        &self,
        context: &FinalizerInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let Some(AttemptSpan(span)) = cfg.load::<AttemptSpan>().cloned() else {
            return Ok(());
        };
        if let Some(response) = context.response() {
            let status = response.status().as_u16();
            span.record("http.status_code", status);
            self.call.record("http.status_code", status);
            if let Some(id) = request_id(response) {
                span.record("request_id", id);
                self.call.record("request_id", id);
            }
        }
        span.record("outcome", attempt_outcome(context.output_or_error()));
        // Dropping the bag's copy closes the span: it lasts as long as the attempt.
        cfg.interceptor_state().store_put(AttemptSpan(Span::none()));
        Ok(())
    }
}
