//! End-to-end tests of generated waiters (`client.wait_until_<name>()`), through the crate
//! generated from `tests/fixtures/waiters` against a loopback server: success, failure and retry
//! acceptors, every matcher kind and comparator, projections, filters, flattening, indexes,
//! `length()`, input/output comparisons, error types, and the maximum wait. The fixture's delays
//! are 1 to 2 s, so a test that polls more than once takes a second or two per extra poll.

mod common;

use std::time::{Duration, Instant};

use aws_smithy_runtime_api::client::waiters::error::WaiterError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use common::*;
use fixture_waiters::client::Waiters;
use fixture_waiters::operation::describe_job::DescribeJobError;
use fixture_waiters::types::JobStatus;
use fixture_waiters::{Client, Config};
use serde_json::{Value, json};
use workspace_tests::{Reply, Scripted, TestServer};

const AMZ_JSON_1_0: &str = "application/x-amz-json-1.0";
/// Long enough for any test's polls; a wait that should end early must not reach it.
const MAX_WAIT: Duration = Duration::from_secs(20);

fn job(fields: Value) -> Reply {
    let mut job = json!({"id": "job-1"});
    if let (Some(job), Some(fields)) = (job.as_object_mut(), fields.as_object()) {
        job.extend(fields.clone());
    }
    Reply::json(200, json!({ "job": job })).set_header("Content-Type", AMZ_JSON_1_0)
}

fn error(code: &str) -> Reply {
    Reply::json(400, json!({"__type": code, "message": "not now"}))
        .set_header("Content-Type", AMZ_JSON_1_0)
}

async fn scripted(replies: Vec<Reply>) -> TestServer {
    let last = replies
        .last()
        .cloned()
        .unwrap_or_else(|| Reply::status(500));
    let script = Scripted::new(replies, last);
    serve(move |_| script.next_reply()).await
}

fn client(server: &TestServer) -> Client {
    Client::from_conf(
        Config::builder()
            .endpoint_url(server.url())
            .region(sdk_runtime::types::Region::from_static(REGION))
            .credentials_provider(credentials())
            .http_client(http_client())
            .retry_config(fast_retries())
            .build(),
    )
}

/// Runs waiter `$waiter` for job `job-1` against `$server`, with [`MAX_WAIT`].
macro_rules! wait {
    ($server:expr, $waiter:ident) => {
        client(&$server)
            .$waiter()
            .job_id("job-1")
            .wait(MAX_WAIT)
            .await
    };
}

#[tokio::test]
async fn success_on_the_first_poll_returns_the_output() {
    let server = scripted(vec![job(json!({"status": "COMPLETE"}))]).await;
    let poll = wait!(server, wait_until_job_complete).unwrap();
    let out = poll.as_result().unwrap();
    assert_eq!(
        out.job().and_then(|j| j.status()),
        Some(&JobStatus::Complete)
    );
    let req = only_request(&server);
    assert_eq!(req.header("x-amz-target"), Some("Jobs.DescribeJob"));
    assert_eq!(req.body_json().unwrap(), json!({"jobId": "job-1"}));
    assert_signed(&req, "jobs");
}

#[tokio::test]
async fn retry_acceptors_and_unmatched_outputs_poll_again_until_success() {
    // JobNotReady matches a retry acceptor, RUNNING matches nothing: both poll again.
    let server = scripted(vec![
        error("JobNotReady"),
        job(json!({"status": "RUNNING"})),
        job(json!({"status": "COMPLETE"})),
    ])
    .await;
    let started = Instant::now();
    let poll = wait!(server, wait_until_job_complete).unwrap();
    assert!(poll.as_result().is_ok());
    assert_eq!(server.request_count(), 3);
    // Two delays of at least minDelay (1 s) each, at most maxDelay (2 s) each.
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_secs(2), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
}

#[tokio::test]
async fn a_failure_acceptor_ends_the_wait_with_the_last_response() {
    let server = scripted(vec![job(json!({"status": "FAILED"}))]).await;
    let err = wait!(server, wait_until_job_complete).unwrap_err();
    let WaiterError::FailureState(failure) = err else {
        panic!("expected a failure state, got {err:?}");
    };
    let out = failure.final_poll().as_result().unwrap();
    assert_eq!(out.job().and_then(|j| j.status()), Some(&JobStatus::Failed));
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn success_false_matches_any_other_service_error() {
    let server = scripted(vec![error("AccessDenied")]).await;
    let err = wait!(server, wait_until_job_complete).unwrap_err();
    let WaiterError::FailureState(failure) = err else {
        panic!("expected a failure state, got {err:?}");
    };
    let service_error = failure.final_poll().as_result().unwrap_err();
    assert_eq!(service_error.code(), Some("AccessDenied"));
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn an_error_no_acceptor_handles_fails_the_wait_with_the_operation_error() {
    let server = scripted(vec![error("JobNotFound")]).await;
    let err = wait!(server, wait_until_tasks_done).unwrap_err();
    let WaiterError::OperationFailed(failed) = err else {
        panic!("expected an operation failure, got {err:?}");
    };
    let (service_error, status) = service_error_ref(failed.error());
    assert!(
        matches!(service_error, DescribeJobError::JobNotFound(_)),
        "{service_error:?}"
    );
    assert_eq!(status, 400);
}

#[tokio::test]
async fn the_wait_ends_after_max_wait_with_the_number_of_polls() {
    let server = scripted(vec![job(json!({"tasks": [{"state": "RUNNING"}]}))]).await;
    let started = Instant::now();
    let err = client(&server)
        .wait_until_tasks_done()
        .job_id("job-1")
        .wait(Duration::from_millis(1500))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    let WaiterError::ExceededMaxWait(exceeded) = err else {
        panic!("expected the maximum wait to pass, got {err:?}");
    };
    assert_eq!(exceeded.max_wait(), Duration::from_millis(1500));
    assert!(exceeded.elapsed() >= Duration::from_millis(1500));
    assert!(exceeded.poll_count() >= 2, "{}", exceeded.poll_count());
    assert_eq!(server.request_count(), exceeded.poll_count() as usize);
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[tokio::test]
async fn any_string_equals_fails_on_one_item_and_all_string_equals_needs_every_item() {
    let server = scripted(vec![job(
        json!({"tasks": [{"state": "DONE"}, {"state": "ERROR"}]}),
    )])
    .await;
    let err = wait!(server, wait_until_tasks_done).unwrap_err();
    assert!(matches!(err, WaiterError::FailureState(_)), "{err:?}");

    // An empty list is not "all done"; a list with one item left is not either.
    let server = scripted(vec![
        job(json!({"tasks": []})),
        job(json!({"tasks": [{"state": "DONE"}, {"state": "RUNNING"}]})),
        job(json!({"tasks": [{"state": "DONE"}, {"state": "DONE"}]})),
    ])
    .await;
    wait!(server, wait_until_tasks_done).unwrap();
    assert_eq!(server.request_count(), 3);
}

#[tokio::test]
async fn flattened_lists_of_lists_are_compared_item_by_item() {
    let server = scripted(vec![
        job(json!({"stages": [[{"state": "DONE"}], [{"state": "RUNNING"}]]})),
        job(json!({"stages": [[{"state": "DONE"}], [{"state": "DONE"}, {"state": "DONE"}]]})),
    ])
    .await;
    wait!(server, wait_until_stages_done).unwrap();
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn indexes_pick_the_first_and_the_last_item() {
    let server = scripted(vec![job(
        json!({"tasks": [{"state": "STARTED"}, {"state": "RUNNING"}]}),
    )])
    .await;
    wait!(server, wait_until_first_task_started).unwrap();
    assert_eq!(server.request_count(), 1);

    let server = scripted(vec![
        job(json!({"tasks": []})),
        job(json!({"tasks": [{"state": "RUNNING"}, {"state": "DONE"}]})),
    ])
    .await;
    wait!(server, wait_until_first_task_started).unwrap();
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn boolean_paths_filters_lengths_and_comparisons() {
    let tags = json!({"team": "data"});
    // `job.ready` is true.
    let server = scripted(vec![job(json!({"ready": true, "tags": tags}))]).await;
    wait!(server, wait_until_job_ready).unwrap();

    // Two tasks are DONE with progress >= 100 (a third is DONE at 50): the filter counts two.
    let tasks = json!([
        {"state": "DONE", "progress": 100},
        {"state": "DONE", "progress": 50},
        {"state": "RUNNING", "progress": 100},
        {"state": "DONE", "progress": 120}
    ]);
    let server = scripted(vec![job(
        json!({"ready": false, "tasks": tasks, "tags": tags}),
    )])
    .await;
    wait!(server, wait_until_job_ready).unwrap();

    // More than 3 attempts and not ready: failure.
    let server = scripted(vec![job(
        json!({"ready": false, "attempts": 4, "tags": tags}),
    )])
    .await;
    let err = wait!(server, wait_until_job_ready).unwrap_err();
    assert!(matches!(err, WaiterError::FailureState(_)), "{err:?}");

    // No tags (`length(job.tags) == 0`), or the doomed name: failure.
    for fields in [json!({"tags": {}}), json!({"name": "doomed", "tags": tags})] {
        let server = scripted(vec![job(fields)]).await;
        let err = wait!(server, wait_until_job_ready).unwrap_err();
        assert!(matches!(err, WaiterError::FailureState(_)), "{err:?}");
    }

    // One finished task, three attempts, tags: nothing matches, so it polls again.
    let server = scripted(vec![
        job(json!({"ready": false, "attempts": 3, "tags": tags, "tasks": [{"state": "DONE", "progress": 100}]})),
        job(json!({"ready": true, "tags": tags})),
    ])
    .await;
    wait!(server, wait_until_job_ready).unwrap();
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn input_output_paths_compare_the_input_with_the_output() {
    let server = scripted(vec![job(json!({}))]).await;
    wait!(server, wait_until_job_matches_input).unwrap();

    let server = scripted(vec![job(json!({"id": "wrong"}))]).await;
    let err = wait!(server, wait_until_job_matches_input).unwrap_err();
    assert!(matches!(err, WaiterError::FailureState(_)), "{err:?}");
}

#[tokio::test]
async fn an_error_type_can_be_the_success_state() {
    // The job exists (retry) until the service says JobNotFound.
    let server = scripted(vec![job(json!({})), error("JobNotFound")]).await;
    let poll = wait!(server, wait_until_job_deleted).unwrap();
    let (service_error, status) = service_error_ref(poll.as_result().unwrap_err());
    assert!(matches!(service_error, DescribeJobError::JobNotFound(_)));
    assert_eq!(status, 400);
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_missing_required_input_fails_before_any_request() {
    let server = scripted(vec![job(json!({"status": "COMPLETE"}))]).await;
    let err = client(&server)
        .wait_until_job_complete()
        .wait(MAX_WAIT)
        .await
        .unwrap_err();
    assert!(
        matches!(err, WaiterError::ConstructionFailure(_)),
        "{err:?}"
    );
    assert_eq!(server.request_count(), 0);
}
