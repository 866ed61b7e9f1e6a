//! Waiters: poll an operation until an acceptor of its `smithy.waiters#waitable` trait says the
//! resource reached the state waited for, failed, or the wait ran out.
//!
//! The polling loop, the jittered exponential backoff between `min_delay` and `max_delay` that
//! the Smithy waiter spec defines, and the typed result are smithy-rs's
//! ([`WaiterOrchestrator`], [`FinalPoll`], [`WaiterError`]); a generated crate supplies the delays
//! and the acceptor function it generates from the model.

use std::time::Duration;

use aws_smithy_runtime::client::waiters::{WaiterOrchestrator, attach_waiter_tracing_span};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;

use crate::config::ConfigCore;
use crate::invoke::invoke;
use crate::spec::{OperationSpec, ServiceSpec};

pub use aws_smithy_runtime::client::waiters::AcceptorState;
pub use aws_smithy_runtime_api::client::waiters::FinalPoll;
pub use aws_smithy_runtime_api::client::waiters::error::WaiterError;

/// What a waiter returns: the final poll of a successful wait, or why the wait ended otherwise
/// (a failure acceptor matched, the maximum wait ran out, the operation failed in a way no
/// acceptor handles, or the input could not be built).
pub type WaiterResult<O> = Result<
    FinalPoll<<O as OperationSpec>::Output, SdkError<<O as OperationSpec>::Error, HttpResponse>>,
    WaiterError<<O as OperationSpec>::Output, <O as OperationSpec>::Error>,
>;

/// Decides the state of one poll from the input and the operation's output or service error.
pub type Acceptor<O> = fn(
    &<O as OperationSpec>::Input,
    Result<&<O as OperationSpec>::Output, &<O as OperationSpec>::Error>,
) -> AcceptorState;

/// One waiter of an operation, as the generated crate describes it.
pub struct WaiterSpec<O: OperationSpec> {
    /// The model's `minDelay`: the shortest wait between two polls.
    pub min_delay: Duration,
    /// The model's `maxDelay`: the longest wait between two polls.
    pub max_delay: Duration,
    /// The acceptors, in model order, as one function.
    pub acceptor: Acceptor<O>,
}

/// Polls operation `O` with `input` until `spec`'s acceptor returns success or failure, an error
/// no acceptor handles comes back, or `max_wait` has passed. Every poll is a full call (validation,
/// signing, retries, timeouts, interceptors), as [`invoke`] makes it.
pub async fn wait<O: OperationSpec>(
    service: &'static ServiceSpec,
    config: &ConfigCore,
    input: O::Input,
    spec: &WaiterSpec<O>,
    max_wait: Duration,
) -> WaiterResult<O> {
    let sleep_impl = config.sleep_impl().ok_or_else(|| {
        WaiterError::construction_failure(
            "a waiter needs an async sleep: set `sleep_impl` in the config (there is no tokio runtime)",
        )
    })?;
    let time_source = config.time_source().unwrap_or_default();
    let acceptor = spec.acceptor;
    let orchestrator = WaiterOrchestrator::builder()
        .min_delay(spec.min_delay)
        .max_delay(spec.max_delay)
        .max_wait(max_wait)
        .time_source(time_source)
        .sleep_impl(sleep_impl)
        .acceptor(|result: Result<&O::Output, &O::Error>| acceptor(&input, result))
        .operation(|| invoke::<O>(service, config, input.clone()))
        .build();
    attach_waiter_tracing_span(orchestrator.orchestrate()).await
}

/// `allStringEquals`: a non-empty list whose every item is `expected`.
pub fn all_equal(values: &[&str], expected: &str) -> bool {
    !values.is_empty() && values.iter().all(|v| *v == expected)
}

/// `anyStringEquals`: a list with at least one item equal to `expected`.
pub fn any_equal(values: &[&str], expected: &str) -> bool {
    values.contains(&expected)
}

/// A length as a JMESPath number.
pub fn len_number(len: usize) -> f64 {
    len as f64
}

/// A `Long` member as a JMESPath number (JSON numbers are doubles, so large ones round).
pub fn i64_number(n: i64) -> f64 {
    n as f64
}
