//! An error response body is read once and never built into a JSON tree: the error code, the
//! metadata and the modeled error come from one reading of the body with the protocol's codec.
//! This test binary counts allocations, so a call whose error body holds millions of small
//! values shows whether the client builds a tree of them (each value of a tree costs more than
//! ten times its bytes on the wire) or walks past them.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;
use partnercentralaccount::operation::list_connections::ListConnectionsError;
use workspace_tests::Reply;

/// The system allocator, counting the bytes in use and the most in use since the last reset.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, which is passed on as it is.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes in use above what was in use when `run` started.
fn peak_growth<T>(run: impl FnOnce() -> T) -> (T, usize) {
    let start = IN_USE.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let out = run();
    (out, PEAK.load(Ordering::Relaxed).saturating_sub(start))
}

const MIB: usize = 1024 * 1024;

#[test]
fn an_error_body_is_decoded_without_building_a_json_tree() {
    // 8 MiB: the code first (as AWS sends it), the message, then 4 million zeros.
    let mut body = br#"{"__type":"ValidationException","Message":"too many","junk":["#.to_vec();
    while body.len() < 8 * MIB {
        body.extend_from_slice(b"0,");
    }
    body.extend_from_slice(b"0]}");
    let budget = 6 * body.len();

    // What a JSON tree of this body costs: far above the budget.
    let (tree, tree_cost) = peak_growth(|| serde_json::from_slice::<serde_json::Value>(&body));
    assert!(tree.is_ok());
    drop(tree);
    assert!(
        tree_cost > 2 * budget,
        "a tree costs {} MiB, the budget is {} MiB",
        tree_cost / MIB,
        budget / MIB
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let reply = Reply::bytes(400, "application/x-amz-json-1.0", body.clone());
    let server = runtime.block_on(serve(move |_| reply.clone()));
    let client = pca(&server);
    let (result, cost) = peak_growth(|| {
        runtime
            .block_on(client.list_connections().catalog("AWS").send())
            .err()
    });
    let (error, status) = service_error(result.expect("a 400 is an error"));
    assert_eq!(status, 400);
    match &error {
        ListConnectionsError::ValidationException(e) => {
            assert_eq!(e.message(), "too many");
        }
        other => panic!("expected the modeled error, got {other:?}"),
    }
    assert_eq!(
        aws_smithy_types::error::metadata::ProvideErrorMetadata::message(&error),
        Some("too many")
    );
    // The server's copy of the reply and the client's buffer of the body are most of this.
    assert!(
        cost < budget,
        "the call used {} MiB for an 8 MiB error body (budget {} MiB)",
        cost / MIB,
        budget / MIB
    );
    eprintln!(
        "error body of {} MiB: the call used at most {} MiB more (a JSON tree alone: {} MiB)",
        body.len() / MIB,
        cost / MIB,
        tree_cost / MIB
    );
}
