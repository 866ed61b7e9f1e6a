//! Written by `cargo xtask bench --per-call` from `xtask/bench-programs/per_call.rs`; do not edit here
//! (it is rewritten on every run).
//!
//! Client-side cost of one call, this workspace's generated crates against aws-sdk-rust's, on
//! GetPaymentSession and CreatePaymentSession (`bedrockagentcore` / `aws-sdk-bedrockagentcore`)
//! and ListConnections answered with 100 connection summaries (`partnercentralaccount` /
//! `aws-sdk-partnercentralaccount`). Both clients: static credentials, region us-east-1, retries
//! disabled, the plain-HTTP `aws-smithy-http-client`, and the same loopback server.
//!
//! The server runs in a child process (this program started with `serve`), so neither its CPU
//! time nor its allocations are counted. The client runs on a current-thread tokio runtime: all
//! of its work (builders, orchestrator, hyper's connection task) happens on the main thread,
//! whose CPU clock (`CLOCK_THREAD_CPUTIME_ID`) is read around every block of calls. Allocations
//! are counted by the global allocator of this process.
//!
//! Usage: `per_call [--calls N] [--warmup N] [--only ours|aws] [--op NAME]`; prints one JSON
//! object on stdout. `--only` and `--op` narrow the run, for a profiler.

use std::alloc::{GlobalAlloc, Layout, System};
use std::future::Future;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Counts allocations (and reallocations, which may move) and bytes requested, process-wide.
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the counters
// are plain atomics and never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        // SAFETY: forwarded as received.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        // SAFETY: forwarded as received.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
        // SAFETY: forwarded as received.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as received.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// CPU time of the calling thread.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant the kernel knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const MANAGER_ARN: &str =
    "arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/checkout-agent-a1b2c3d4e5";
const SESSION_ID: &str = "payment-session-AbCdEf012345678";
const SESSION_BODY: &str = concat!(
    r#"{"paymentSession":{"paymentSessionId":"payment-session-AbCdEf012345678","#,
    r#""paymentManagerArn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/checkout-agent-a1b2c3d4e5","#,
    r#""limits":{"maxSpendAmount":{"value":"100.00","currency":"USD"}},"userId":"user-42","#,
    r#""expiryTimeInMinutes":60,"createdAt":"2025-01-02T03:04:05Z","#,
    r#""availableLimits":{"availableSpendAmount":{"value":"75.50","currency":"USD"},"updatedAt":"2025-01-02T03:10:00.5Z"},"#,
    r#""updatedAt":"2025-01-02T03:10:00.500Z"}}"#
);
/// Connection summaries in the ListConnections response.
const SUMMARIES: usize = 100;

/// The ListConnections body: `SUMMARIES` summaries, each with two connection types.
fn connections_body() -> String {
    let summaries: Vec<String> = (0..SUMMARIES)
        .map(|i| {
            let id = format!("pac-AbCdEf{i:07}");
            format!(
                concat!(
                    r#"{{"Catalog":"AWS","Id":"{id}","#,
                    r#""Arn":"arn:aws:partnercentral:us-east-1::catalog/AWS/connection/{id}","#,
                    r#""OtherParticipantAccountId":"1234567{i:05}","UpdatedAt":"2025-04-05T06:07:08Z","#,
                    r#""ConnectionTypes":{{"OPPORTUNITY_COLLABORATION":{{"Status":"ACTIVE","#,
                    r#""OtherParticipant":{{"PartnerProfile":{{"Id":"pprofile-AbCdEf1234567","Name":"Example Partner {i}"}}}}}},"#,
                    r#""SUBSIDIARY":{{"Status":"CANCELED","OtherParticipant":{{"Account":{{"Name":"Example Subsidiary {i}"}}}}}}}}}}"#
                ),
                id = id,
                i = i
            )
        })
        .collect();
    format!(
        r#"{{"ConnectionSummaries":[{}],"NextToken":"next-page"}}"#,
        summaries.join(",")
    )
}

// ---------------------------------------------------------------------------------------------
// The server (child process)

fn header_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n")
}

fn content_length(head: &[u8]) -> usize {
    String::from_utf8_lossy(head)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse().ok())
        .unwrap_or(0)
}

/// The three fixed responses, picked by the request's path.
struct Replies {
    get: &'static [u8],
    create: &'static [u8],
    list: &'static [u8],
}

impl Replies {
    fn pick(&self, head: &[u8]) -> &'static [u8] {
        let path = head.split(|b| *b == b' ').nth(1).unwrap_or_default();
        match path {
            b"/payments/getPaymentSession" => self.get,
            b"/payments/createPaymentSession" => self.create,
            // awsJson1_0: every operation is `POST /`.
            _ => self.list,
        }
    }
}

/// Answers every complete request on one keep-alive connection.
fn handle(mut stream: TcpStream, replies: &Replies) {
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16384];
    loop {
        while let Some(end) = header_end(&buf) {
            let total = end + 4 + content_length(&buf[..end]);
            if buf.len() < total {
                break;
            }
            let reply = replies.pick(&buf[..end]);
            buf.drain(..total);
            if stream.write_all(reply).is_err() {
                return;
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

fn response(status: &str, content_type: &str, body: &str) -> &'static [u8] {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\
         x-amzn-requestid: per-call-bench\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
    .leak()
}

/// `per_call serve`: prints the port it listens on, then answers until stdin closes (the parent
/// ended).
fn serve() -> Result<(), BoxError> {
    let replies: &'static Replies = Box::leak(Box::new(Replies {
        get: response("200 OK", "application/json", SESSION_BODY),
        create: response("201 Created", "application/json", SESSION_BODY),
        list: response("200 OK", "application/x-amz-json-1.0", &connections_body()),
    }));
    let listener = TcpListener::bind("127.0.0.1:0")?;
    println!("{}", listener.local_addr()?.port());
    std::io::stdout().flush()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || handle(stream, replies));
        }
    });
    let mut sink = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut sink);
    Ok(())
}

/// The server process; killed when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start() -> Result<Self, BoxError> {
        let mut child = Command::new(std::env::current_exe()?)
            .arg("serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("server: no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let port: u16 = match line.trim().parse() {
            Ok(port) => port,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("server printed {line:?}, expected a port").into());
            }
        };
        Ok(Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// The clients

fn credentials() -> aws_credential_types::Credentials {
    aws_credential_types::Credentials::new("AKIDEXAMPLE", "secret", None, None, "bench")
}

fn http_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    aws_smithy_http_client::Builder::new().build_http()
}

/// The operations, in the order measured.
const OPERATIONS: [&str; 3] = [
    "GetPaymentSession",
    "CreatePaymentSession",
    "ListConnections",
];

fn check_session(id: Option<&str>) -> Result<(), BoxError> {
    match id {
        Some(SESSION_ID) => Ok(()),
        other => Err(format!("unexpected payment session id {other:?}").into()),
    }
}

fn check_summaries(count: usize) -> Result<(), BoxError> {
    if count == SUMMARIES {
        Ok(())
    } else {
        Err(format!("{count} connection summaries, expected {SUMMARIES}").into())
    }
}

/// The config of client crate `$krate`: the settings both SDKs get.
macro_rules! config {
    ($krate:ident, $url:expr) => {
        $krate::Config::builder()
            .behavior_version($krate::config::BehaviorVersion::latest())
            .endpoint_url($url)
            .region($krate::config::Region::from_static("us-east-1"))
            .credentials_provider(credentials())
            .http_client(http_client())
            .retry_config(aws_smithy_types::retry::RetryConfig::disabled())
            .build()
    };
}

/// A client pair of one SDK, `$agentcore` and `$partner` being its two crates: the same calls,
/// written once, through either SDK's API (which is the same API).
macro_rules! clients {
    ($name:ident, $agentcore:ident, $partner:ident) => {
        struct $name {
            agentcore: $agentcore::Client,
            partner: $partner::Client,
        }

        impl $name {
            fn new(url: &str) -> Self {
                let agentcore = config!($agentcore, url);
                let partner = config!($partner, url);
                Self {
                    agentcore: $agentcore::Client::from_conf(agentcore),
                    partner: $partner::Client::from_conf(partner),
                }
            }

            async fn call(&self, op: usize) -> Result<(), BoxError> {
                match op {
                    0 => {
                        let out = self
                            .agentcore
                            .get_payment_session()
                            .payment_manager_arn(MANAGER_ARN)
                            .payment_session_id(SESSION_ID)
                            .send()
                            .await?;
                        check_session(out.payment_session().map(|s| s.payment_session_id()))
                    }
                    1 => {
                        use $agentcore::types::{Amount, Currency, SessionLimits};
                        let amount = Amount::builder()
                            .value("25.00")
                            .currency(Currency::Usd)
                            .build()?;
                        let out = self
                            .agentcore
                            .create_payment_session()
                            .payment_manager_arn(MANAGER_ARN)
                            .user_id("user-42")
                            .expiry_time_in_minutes(60)
                            .limits(SessionLimits::builder().max_spend_amount(amount).build())
                            .send()
                            .await?;
                        check_session(out.payment_session().map(|s| s.payment_session_id()))
                    }
                    _ => {
                        let out = self
                            .partner
                            .list_connections()
                            .catalog("AWS")
                            .send()
                            .await?;
                        check_summaries(out.connection_summaries().len())
                    }
                }
            }
        }
    };
}

clients!(Ours, bedrockagentcore, partnercentralaccount);
clients!(Aws, aws_sdk_bedrockagentcore, aws_sdk_partnercentralaccount);

// ---------------------------------------------------------------------------------------------
// Measuring

/// What one client spent on its timed calls of one operation.
#[derive(Default)]
struct Side {
    cpu: Duration,
    wall: Vec<Duration>,
    allocations: u64,
    bytes: u64,
}

impl Side {
    /// Times `n` calls of `call` as one block.
    async fn block<F, Fut>(&mut self, n: usize, mut call: F) -> Result<(), BoxError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<(), BoxError>>,
    {
        let allocations = ALLOCATIONS.load(Ordering::Relaxed);
        let bytes = BYTES.load(Ordering::Relaxed);
        let cpu = thread_cpu();
        for _ in 0..n {
            let start = Instant::now();
            call().await?;
            self.wall.push(start.elapsed());
        }
        self.cpu += thread_cpu() - cpu;
        // The `wall` pushes stay within the capacity reserved up front: no allocation of ours.
        self.allocations += ALLOCATIONS.load(Ordering::Relaxed) - allocations;
        self.bytes += BYTES.load(Ordering::Relaxed) - bytes;
        Ok(())
    }

    fn json(&mut self) -> String {
        let calls = self.wall.len().max(1) as f64;
        self.wall.sort();
        let total: f64 = self.wall.iter().map(Duration::as_secs_f64).sum();
        let mid = self.wall.len() / 2;
        let median = match self.wall.len() {
            0 => 0.0,
            n if n % 2 == 0 => {
                (self.wall[mid - 1].as_secs_f64() + self.wall[mid].as_secs_f64()) / 2.0
            }
            _ => self.wall[mid].as_secs_f64(),
        };
        format!(
            "{{\"cpu_us\":{:.3},\"wall_mean_us\":{:.3},\"wall_median_us\":{:.3},\
             \"allocations\":{:.1},\"bytes\":{:.1}}}",
            self.cpu.as_secs_f64() / calls * 1e6,
            total / calls * 1e6,
            median * 1e6,
            self.allocations as f64 / calls,
            self.bytes as f64 / calls,
        )
    }
}

struct Args {
    calls: usize,
    warmup: usize,
    ours: bool,
    aws: bool,
    operations: Vec<usize>,
}

fn parse_args() -> Result<Args, BoxError> {
    let mut args = Args {
        calls: 2000,
        warmup: 200,
        ours: true,
        aws: true,
        operations: vec![0, 1, 2],
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--calls" => args.calls = value()?.parse::<usize>()?.max(1),
            "--warmup" => args.warmup = value()?.parse()?,
            "--only" => match value()?.as_str() {
                "ours" => args.aws = false,
                "aws" => args.ours = false,
                other => return Err(format!("--only {other}: expected ours or aws").into()),
            },
            "--op" => {
                let name = value()?;
                let op = OPERATIONS
                    .iter()
                    .position(|o| *o == name)
                    .ok_or_else(|| format!("--op {name}: expected one of {OPERATIONS:?}"))?;
                args.operations = vec![op];
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    Ok(args)
}

fn main() -> Result<(), BoxError> {
    if std::env::args().nth(1).as_deref() == Some("serve") {
        return serve();
    }
    let args = parse_args()?;
    let server = Server::start()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let ours = Ours::new(&server.url);
    let aws = Aws::new(&server.url);
    let mut results = Vec::new();
    runtime.block_on(async {
        for &op in &args.operations {
            for _ in 0..args.warmup {
                if args.ours {
                    ours.call(op).await?;
                }
                if args.aws {
                    aws.call(op).await?;
                }
            }
            let mut ours_side = Side {
                wall: Vec::with_capacity(args.calls),
                ..Side::default()
            };
            let mut aws_side = Side {
                wall: Vec::with_capacity(args.calls),
                ..Side::default()
            };
            // Alternate blocks of calls, so that drift on a busy machine hits both sides alike.
            let block = 100.min(args.calls);
            let mut done = 0;
            while done < args.calls {
                let n = block.min(args.calls - done);
                if args.ours {
                    ours_side.block(n, || ours.call(op)).await?;
                }
                if args.aws {
                    aws_side.block(n, || aws.call(op)).await?;
                }
                done += n;
            }
            let mut sides = Vec::new();
            if args.ours {
                sides.push(format!("\"ours\":{}", ours_side.json()));
            }
            if args.aws {
                sides.push(format!("\"aws\":{}", aws_side.json()));
            }
            results.push(format!(
                "{{\"operation\":\"{}\",{}}}",
                OPERATIONS[op],
                sides.join(",")
            ));
        }
        Ok::<_, BoxError>(())
    })?;
    drop(server);
    println!(
        "{{\"calls\":{},\"warmup\":{},\"summaries\":{SUMMARIES},\"operations\":[{}]}}",
        args.calls,
        args.warmup,
        results.join(",")
    );
    Ok(())
}
