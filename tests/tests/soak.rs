//! Fault soak: thousands of CreatePaymentSession calls at concurrency 32 against a loopback
//! server that injects, at random (seeded), 429s, 5xx, connection resets (before and after the
//! server applied the create), stalled bodies, slow headers, slow trickles, truncated bodies and
//! connections closed mid-response. Bounded in time (well under a minute in CI).
//!
//! Asserts: every call ends within its timeout budget; no call makes more attempts than the
//! retry limit; every attempt of a call carries the same `clientToken` (the `@idempotencyToken`,
//! filled once per call); the server, which dedupes creates by token, applies each token at most
//! once, and exactly once for every call that succeeded (with the session it returned); memory
//! stays bounded (RSS from `/proc/self/statm`). Prints the figures (calls, faults by kind,
//! failures by kind, attempts, durations, RSS).
//!
//! `SOAK_CALLS` (default 4000), `SOAK_CONCURRENCY` (default 32) and `SOAK_SEED` change the run.

mod common;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use sdk_runtime::types::{RetryConfig, SdkError, StalledStreamProtectionConfig, TimeoutConfig};
use serde_json::json;
use workspace_tests::{RecordedRequest, Reply};

const MAX_ATTEMPTS: u32 = 3;
const ATTEMPT_TIMEOUT: Duration = Duration::from_millis(800);
const OPERATION_TIMEOUT: Duration = Duration::from_millis(3000);
/// Scheduling slack on a loaded 2-core machine on top of the operation timeout.
const SLACK: Duration = Duration::from_millis(1500);

/// The faults, with their weight out of 1000 requests.
const FAULTS: &[(&str, u64)] = &[
    ("none", 600),
    ("throttle-429", 80),
    ("server-500", 50),
    ("unavailable-503", 40),
    ("reset-before-apply", 40),
    ("reset-after-apply", 40),
    ("close-mid-response-after-apply", 30),
    ("truncated-after-apply", 30),
    ("stall-mid-body", 15),
    ("slow-headers", 15),
    ("slow-trickle", 60),
];

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Resident set size of this process, in bytes.
fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

/// SplitMix64 step (deterministic fault choice per request number).
fn mix(seed: u64, n: u64) -> u64 {
    let mut z = seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick_fault(seed: u64, n: u64) -> &'static str {
    let total: u64 = FAULTS.iter().map(|(_, w)| w).sum();
    let mut roll = mix(seed, n) % total;
    for (name, weight) in FAULTS {
        if roll < *weight {
            return name;
        }
        roll -= weight;
    }
    "none"
}

/// The payment service: creates deduplicated by client token.
#[derive(Default)]
struct Service {
    /// Token -> session id: the creates applied.
    sessions: BTreeMap<String, String>,
    /// Creates that arrived again with a token already applied (answered with its session).
    deduplicated: u64,
    faults: BTreeMap<&'static str, u64>,
}

fn session_reply(id: &str, token: &str) -> Reply {
    Reply::json(
        201,
        json!({ "paymentSession": payment_session_json(id, token) }),
    )
}

fn handle(service: &Mutex<Service>, seed: u64, n: u64, req: &RecordedRequest) -> Reply {
    let fault = pick_fault(seed, n);
    let mut s = service.lock().unwrap_or_else(|p| p.into_inner());
    *s.faults.entry(fault).or_default() += 1;
    let error = |status: u16, code: &str| {
        Reply::json(status, json!({"message": format!("injected {code}")}))
            .header("X-Amzn-ErrorType", code)
    };
    match fault {
        "throttle-429" => return error(429, "ThrottlingException"),
        "server-500" => return error(500, "InternalServerException"),
        "unavailable-503" => return error(503, "ServiceUnavailableException"),
        "reset-before-apply" => return Reply::Reset,
        _ => {}
    }
    // Apply the create, once per token: a retry of an applied create gets the same session.
    let token = client_token_of(req);
    let id = match s.sessions.get(&token) {
        Some(id) => {
            let id = id.clone();
            s.deduplicated += 1;
            id
        }
        None => {
            let id = format!("payment-session-{:015}", s.sessions.len() + 1);
            s.sessions.insert(token.clone(), id.clone());
            id
        }
    };
    let reply = session_reply(&id, &token);
    match fault {
        "reset-after-apply" => Reply::Reset,
        "close-mid-response-after-apply" => reply.close_mid_response(),
        "truncated-after-apply" => reply.truncated(),
        "stall-mid-body" => reply.stalled_mid_body(Duration::from_secs(30)),
        "slow-headers" => reply.delayed(Duration::from_secs(30)),
        "slow-trickle" => reply.trickled(16, Duration::from_millis(2)),
        _ => reply,
    }
}

/// `attempt=N; max=M` of the `amz-sdk-request` header.
fn attempt_of(req: &RecordedRequest) -> (u32, u32) {
    let value = req.header("amz-sdk-request").unwrap_or_default();
    let number = |key: &str| {
        value
            .split(';')
            .filter_map(|p| p.trim().strip_prefix(key))
            .find_map(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (number("attempt="), number("max="))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_soak_bounded_attempts_one_token_per_call_applied_once_bounded_memory() {
    let calls = env_u64("SOAK_CALLS", 4000);
    let concurrency = env_u64("SOAK_CONCURRENCY", 32).clamp(1, 256);
    let seed = env_u64("SOAK_SEED", 11);
    let service = Arc::new(Mutex::new(Service::default()));
    let counter = Arc::new(AtomicU64::new(0));
    let (state, n) = (Arc::clone(&service), Arc::clone(&counter));
    let server =
        serve(move |req| handle(&state, seed, n.fetch_add(1, Ordering::SeqCst), req)).await;

    let client = bedrockagentcore::Client::from_conf(
        bedrock_config(&server)
            .retry_config(
                RetryConfig::standard()
                    .with_max_attempts(MAX_ATTEMPTS)
                    .with_initial_backoff(Duration::from_millis(5))
                    .with_max_backoff(Duration::from_millis(50)),
            )
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(Duration::from_millis(500))
                    .operation_attempt_timeout(ATTEMPT_TIMEOUT)
                    .operation_timeout(OPERATION_TIMEOUT)
                    .build(),
            )
            .stalled_stream_protection(
                StalledStreamProtectionConfig::enabled()
                    .grace_period(Duration::from_millis(500))
                    .build(),
            )
            .build(),
    );

    // Memory: sampled while the calls run.
    let rss_before = rss_bytes();
    let max_rss = Arc::new(AtomicU64::new(rss_before));
    let sampler = {
        let max_rss = Arc::clone(&max_rss);
        tokio::spawn(async move {
            loop {
                max_rss.fetch_max(rss_bytes(), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };

    let started = Instant::now();
    let next_call = Arc::new(AtomicU64::new(0));
    // Per call: how long it took, and (session id, token echoed as userId) or the failure kind.
    type CallResult = (Duration, Result<(String, String), String>);
    let results: Arc<Mutex<Vec<CallResult>>> = Arc::new(Mutex::new(Vec::new()));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let (client, next_call, results) =
            (client.clone(), Arc::clone(&next_call), Arc::clone(&results));
        workers.spawn(async move {
            while next_call.fetch_add(1, Ordering::SeqCst) < calls {
                let call_started = Instant::now();
                let result = client
                    .create_payment_session()
                    .payment_manager_arn(MANAGER_ARN)
                    .expiry_time_in_minutes(60)
                    .send()
                    .await;
                let elapsed = call_started.elapsed();
                let result = match result {
                    Ok(out) => {
                        let session = out.payment_session();
                        Ok((
                            session
                                .map(|s| s.payment_session_id.clone())
                                .unwrap_or_default(),
                            session.map(|s| s.user_id.clone()).unwrap_or_default(),
                        ))
                    }
                    Err(err) => Err(match &err {
                        SdkError::TimeoutError(_) => "timeout".to_string(),
                        SdkError::DispatchFailure(e) if e.is_timeout() => {
                            "dispatch failure (timeout)".to_string()
                        }
                        SdkError::DispatchFailure(_) => "dispatch failure (I/O)".to_string(),
                        SdkError::ResponseError(_) => "response error".to_string(),
                        SdkError::ServiceError(e) => {
                            format!("service error {}", e.raw().status().as_u16())
                        }
                        SdkError::ConstructionFailure(_) => {
                            format!("construction failure: {}", sdk_runtime::Report(&err))
                        }
                        _ => format!("other: {}", sdk_runtime::Report(&err)),
                    }),
                };
                results
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push((elapsed, result));
            }
        });
    }
    let deadline = Duration::from_secs(120);
    tokio::time::timeout(deadline, async {
        while let Some(joined) = workers.join_next().await {
            joined.expect("no call panics");
        }
    })
    .await
    .expect("the soak ends in time");
    let elapsed = started.elapsed();
    sampler.abort();
    let rss_after = rss_bytes();
    let max_rss = max_rss.load(Ordering::Relaxed).max(rss_after);

    // Figures.
    let results = std::mem::take(&mut *results.lock().unwrap_or_else(|p| p.into_inner()));
    let requests = server.requests();
    let service = service.lock().unwrap_or_else(|p| p.into_inner());
    let mut failures: BTreeMap<String, u64> = BTreeMap::new();
    let mut ok = 0;
    let mut longest = Duration::ZERO;
    for (took, result) in &results {
        longest = longest.max(*took);
        match result {
            Ok(_) => ok += 1,
            Err(kind) => *failures.entry(kind.clone()).or_default() += 1,
        }
    }
    let mut by_invocation: BTreeMap<String, Vec<&RecordedRequest>> = BTreeMap::new();
    for req in &requests {
        by_invocation
            .entry(
                req.header("amz-sdk-invocation-id")
                    .unwrap_or_default()
                    .to_owned(),
            )
            .or_default()
            .push(req);
    }
    let max_attempts_seen = by_invocation.values().map(Vec::len).max().unwrap_or(0);
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    println!(
        "soak: {} calls at concurrency {concurrency} in {:.1} s (seed {seed}): {ok} ok, failures {failures:?}",
        results.len(),
        elapsed.as_secs_f64()
    );
    println!(
        "soak: {} requests ({} invocations, at most {max_attempts_seen} attempts each), faults injected {:?}; {} creates applied, {} retried creates answered from the dedupe table",
        requests.len(),
        by_invocation.len(),
        service.faults,
        service.sessions.len(),
        service.deduplicated
    );
    println!(
        "soak: longest call {:.2} s (budget {:.1} s + {:.1} s slack), RSS before {:.1} MiB, after {:.1} MiB, max {:.1} MiB",
        longest.as_secs_f64(),
        OPERATION_TIMEOUT.as_secs_f64(),
        SLACK.as_secs_f64(),
        mib(rss_before),
        mib(rss_after),
        mib(max_rss)
    );

    // Every call ended, within its budget.
    assert_eq!(results.len() as u64, calls, "every call ended");
    assert!(
        longest <= OPERATION_TIMEOUT + SLACK,
        "a call took {longest:?}, over the {OPERATION_TIMEOUT:?} operation timeout"
    );
    assert!(
        failures
            .keys()
            .all(|k| !k.starts_with("construction") && !k.starts_with("other")),
        "unexpected failures: {failures:?}"
    );
    // Attempts within the retry limit, numbered, one token per call.
    assert_eq!(
        by_invocation.len() as u64,
        calls,
        "one invocation id per call"
    );
    for (invocation, attempts) in &by_invocation {
        assert!(
            attempts.len() <= MAX_ATTEMPTS as usize,
            "{invocation}: {} attempts",
            attempts.len()
        );
        let mut numbers: Vec<u32> = attempts.iter().map(|r| attempt_of(r).0).collect();
        numbers.sort_unstable();
        let expected: Vec<u32> = (1..=attempts.len() as u32).collect();
        assert_eq!(numbers, expected, "{invocation}: attempt numbers");
        assert!(attempts.iter().all(|r| attempt_of(r).1 == MAX_ATTEMPTS));
        let token = client_token_of(attempts[0]);
        assert!(!token.is_empty(), "{invocation}: a clientToken was sent");
        assert!(
            attempts.iter().all(|r| client_token_of(r) == token),
            "{invocation}: every attempt carries the same clientToken"
        );
    }
    // One token per call, so the deduplicating server applies each call's create at most once
    // however many attempts reached it; a call that succeeded got the session its token created.
    let tokens: std::collections::BTreeSet<String> = requests.iter().map(client_token_of).collect();
    assert_eq!(tokens.len() as u64, calls, "a fresh token per call");
    assert!(service.sessions.len() as u64 <= calls);
    for (_, result) in &results {
        if let Ok((id, token)) = result {
            assert_eq!(
                service.sessions.get(token),
                Some(id),
                "the call with token {token} got the session its create made"
            );
        }
    }
    let distinct_ok: std::collections::BTreeSet<&String> = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().map(|(id, _)| id))
        .collect();
    assert_eq!(distinct_ok.len(), ok, "no two calls got the same session");
    assert!(ok as u64 > calls / 2, "most calls succeed: {ok} of {calls}");
    // Memory stays bounded: nothing per call is kept.
    assert!(
        max_rss.saturating_sub(rss_before) < 256 * 1024 * 1024,
        "RSS grew from {:.1} MiB to {:.1} MiB",
        mib(rss_before),
        mib(max_rss)
    );
    assert!(
        server
            .server_errors()
            .iter()
            .all(|e| !e.contains("handler failed")),
        "{:?}",
        server.server_errors()
    );
}
