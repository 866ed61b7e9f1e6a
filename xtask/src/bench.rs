//! `cargo xtask bench [--runs N] [--compile] [--release] [--per-call [--calls N]]`: this
//! workspace side by side with
//! aws-sdk-rust on the same operations.
//!
//! Speed and size are measured here, never asserted in tests. The command prints three sections
//! and writes everything it measured, including the list of files counted, to
//! `target/bench/summary.json`:
//!
//! 1. **Generation time**: the best and the median of `--runs` (default 10) in-memory runs of
//!    [`crate::codegen::generate_workspace`] (every model, nothing written), in the profile the
//!    xtask binary was built with.
//! 2. **Generated lines per operation**: for each benchmarked service, our whole generated crate
//!    ([`crate::stats::crate_stats`]) against the slice of the published aws-sdk-rust crate that
//!    the same operations need. The aws-sdk-rust crates are fetched into a scratch Cargo project,
//!    `target/bench/aws-sdk/`, and located with `cargo metadata`. The slice is selected by
//!    [`operation_files`] and [`shape_files`]; the shape names come from our model files
//!    ([`model_shape_names`]). Lines are counted by [`crate::stats::count_code_lines`].
//! 3. **Compile time** (only with `--compile`, it takes minutes): with the dependencies already
//!    built, a clean rebuild of just our crate against a clean rebuild of just the aws-sdk-rust
//!    crate, both with the same `rustc`, each in its own target directory under `target/bench/`
//!    (the workspace's `target/` is never cleaned). Debug profile unless `--release`.
//! 4. **Per-call cost** (only with `--per-call`): the program [`PER_CALL_SOURCE`], written to
//!    `target/bench/aws-sdk/src/bin/per_call.rs` and built with `--release`, calls
//!    GetPaymentSession through our `bedrockagentcore` and through `aws-sdk-bedrockagentcore`
//!    against one loopback HTTP server answering a fixed 200 JSON body (static credentials,
//!    us-east-1, retries disabled, plain-HTTP `aws-smithy-http-client` on both sides), warms up,
//!    then times `--calls` (default [`DEFAULT_CALLS`]) sequential calls per client, alternating
//!    blocks of 100, and reports mean and median microseconds per call.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use codegen::ir::names::{bare, field_name};
use serde_json::{Value, json};

use crate::codegen::{files_under, generate_workspace, workspace_root};
use crate::stats::{CrateStats, count_code_lines, crate_stats};

/// Default number of timed generation runs.
pub const DEFAULT_RUNS: usize = 10;

/// Default number of timed calls per client with `--per-call`.
pub const DEFAULT_CALLS: usize = 5000;

/// Untimed calls per client before the timed ones with `--per-call`.
pub const WARMUP_CALLS: usize = 500;

/// One service benchmarked against aws-sdk-rust.
#[derive(Debug, Clone, Copy)]
pub struct Service {
    /// Our generated crate, a directory under `crates/`.
    pub our_crate: &'static str,
    /// Our model directory under `models/`.
    pub model_dir: &'static str,
    /// The aws-sdk-rust crate covering the same service.
    pub aws_crate: &'static str,
    /// Its exact version.
    pub aws_version: &'static str,
    /// The operations compared (Smithy names).
    pub operations: &'static [&'static str],
}

/// The services and operations compared.
pub const SERVICES: &[Service] = &[
    Service {
        our_crate: "bedrockagentcore",
        model_dir: "bedrock-agentcore",
        aws_crate: "aws-sdk-bedrockagentcore",
        aws_version: "1.83.0",
        operations: &[
            "CreatePaymentSession",
            "GetPaymentSession",
            "ListPaymentSessions",
        ],
    },
    Service {
        our_crate: "partnercentralaccount",
        model_dir: "partnercentral-account",
        aws_crate: "aws-sdk-partnercentralaccount",
        aws_version: "1.34.0",
        operations: &["ListConnections"],
    },
];

/// Our hand-written crates every generated crate depends on; their compile time is reported
/// once, apart from the services (the `aws-smithy-*` crates both sides use are not timed).
pub const OUR_RUNTIME_CRATES: &[&str] = &["sdk-runtime", "endpoint-rules"];

/// How the files of an aws-sdk-rust crate were selected; printed and stored in the summary.
pub const SELECTION_RULES: &str = "aws-sdk-rust slice of an operation `op` (snake_case): \
src/operation/<op>.rs, src/operation/<op>/** (input, output, builders, paginator), \
src/client/<op>.rs (the fluent client method), src/protocol_serde/shape_<op>.rs, \
shape_<op>_input.rs and shape_<op>_output.rs; plus, once per service, for every shape named in \
our models/<service>/ files (snake_cased): src/types/_<shape>.rs, src/types/builders/_<shape>.rs, \
src/types/error/_<shape>.rs and src/protocol_serde/shape_<shape>.rs. \
'shared' = every other file under src/ that belongs to no operation and no shape of the crate \
(lib.rs, config, client.rs, endpoint resolver, error_meta.rs, module lists, ...): a fixed cost \
per crate, reported apart. Ours: every file under src/ of the generated crate.";

/// Parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Timed generation runs.
    pub runs: usize,
    /// Also measure compile times.
    pub compile: bool,
    /// Compile with `--release` instead of the debug profile.
    pub release: bool,
    /// Also measure the client-side cost of one call.
    pub per_call: bool,
    /// Timed calls per client with `per_call`.
    pub calls: usize,
}

const USAGE: &str =
    "usage: cargo xtask bench [--runs N] [--compile] [--release] [--per-call [--calls N]]";

fn positive(flag: &str, value: Option<&String>) -> Result<usize, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a number\n{USAGE}"))?;
    value
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("{flag} {value}: expected a positive number"))
}

/// Parses the arguments after `bench`.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        runs: DEFAULT_RUNS,
        compile: false,
        release: false,
        per_call: false,
        calls: DEFAULT_CALLS,
    };
    let mut calls_given = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--compile" => options.compile = true,
            "--release" => options.release = true,
            "--per-call" => options.per_call = true,
            "--runs" => options.runs = positive("--runs", args.next())?,
            "--calls" => {
                options.calls = positive("--calls", args.next())?;
                calls_given = true;
            }
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    if options.release && !options.compile {
        return Err(format!("--release only applies with --compile\n{USAGE}"));
    }
    if calls_given && !options.per_call {
        return Err(format!("--calls only applies with --per-call\n{USAGE}"));
    }
    Ok(options)
}

/// Entry point for `cargo xtask bench`; `args` excludes the `bench` word itself.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    let root = workspace_root();
    // Generation reports model paths relative to the root, as `cargo xtask codegen` does.
    std::env::set_current_dir(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    let bench_dir = root.join("target/bench");
    let scratch = bench_dir.join("aws-sdk");
    let cargo = cargo_program();
    let rustc = Toolchain::detect()?;

    let generation = time_generation(options.runs)?;
    print!("{}", render_generation(&generation));

    write_scratch_project(&root, &scratch)?;
    eprintln!(
        "locating the aws-sdk-rust sources (cargo metadata in {})...",
        scratch.display()
    );
    let sources = aws_sources(&cargo, &scratch)?;
    let mut sizes = Vec::new();
    for service in SERVICES {
        let source = sources.get(service.aws_crate).ok_or_else(|| {
            format!(
                "cargo metadata in {} did not list {}",
                scratch.display(),
                service.aws_crate
            )
        })?;
        sizes.push(measure_size(&root, service, source)?);
    }
    println!();
    print!("{}", render_sizes(&sizes));

    let mut compile = Vec::new();
    let mut runtime = Vec::new();
    if options.compile {
        for size in &sizes {
            compile.push(measure_compile(
                &cargo,
                &rustc,
                &root,
                &scratch,
                size,
                options.release,
            )?);
        }
        for package in OUR_RUNTIME_CRATES {
            let (elapsed, command) = time_clean_rebuild(
                &cargo,
                &rustc,
                &root.join("Cargo.toml"),
                &bench_dir.join("target-ours"),
                package,
                options.release,
            )?;
            runtime.push(RuntimeCompile {
                package,
                elapsed,
                command,
            });
        }
        println!();
        print!(
            "{}",
            render_compile(&compile, &runtime, &rustc, options.release)
        );
    } else {
        println!("\ncompile times: not measured (add --compile; it takes several minutes)");
    }

    let per_call = if options.per_call {
        let measured = measure_per_call(&cargo, &rustc, &scratch, options.calls)?;
        println!();
        print!("{}", render_per_call(&measured));
        Some(measured)
    } else {
        println!(
            "\nper-call cost: not measured (add --per-call; the first release build takes minutes)"
        );
        None
    };

    let summary = summary_json(
        &generation,
        &sizes,
        &compile,
        &runtime,
        &rustc,
        options.release,
        per_call.as_ref(),
    );
    let path = bench_dir.join("summary.json");
    let text = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())? + "\n";
    fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("\nwritten: {}", path.display());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Generation time

/// Timings of in-memory generation of every workspace model.
#[derive(Debug, Clone)]
pub struct Generation {
    /// Every run, in order.
    pub runs: Vec<Duration>,
    /// Crates produced by one run (product crates and test fixtures).
    pub crates: usize,
}

impl Generation {
    /// The fastest run.
    pub fn best(&self) -> Duration {
        self.runs.iter().copied().min().unwrap_or_default()
    }

    /// The median run (the lower one of the middle two for an even count).
    pub fn median(&self) -> Duration {
        let mut sorted = self.runs.clone();
        sorted.sort();
        sorted
            .get(sorted.len().saturating_sub(1) / 2)
            .copied()
            .unwrap_or_default()
    }
}

/// The profile this binary was built with.
fn profile() -> &'static str {
    if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    }
}

fn time_generation(runs: usize) -> Result<Generation, String> {
    let mut timings = Vec::with_capacity(runs);
    let mut crates = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let groups = generate_workspace(Path::new("."))?;
        timings.push(start.elapsed());
        crates = groups.iter().map(|(_, c)| c.len()).sum();
    }
    Ok(Generation {
        runs: timings,
        crates,
    })
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn render_generation(g: &Generation) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "generation, in memory, every model ({} crates incl. test fixtures), {} runs:\n  \
         best {:.1} ms, median {:.1} ms ({} build of xtask; `cargo xtask` builds debug, \
         `cargo run --release -p xtask -- bench` measures release)",
        g.crates,
        g.runs.len(),
        millis(g.best()),
        millis(g.median()),
        profile(),
    );
    let _ = writeln!(
        out,
        "  aws-sdk-rust: no comparable figure (its generator is smithy-rs on the JVM/Gradle; not run here)"
    );
    out
}

// ---------------------------------------------------------------------------------------------
// Generated lines

/// The aws-sdk-rust name of a Smithy shape or operation: snake_case, as in its file names.
pub fn snake(name: &str) -> String {
    bare(&field_name(name)).to_string()
}

/// Paths of the files under `src_dir`, relative to it, with `/` separators, sorted.
pub fn relative_files(src_dir: &Path) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = files_under(src_dir, true)?
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(src_dir).ok()?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(parts.join("/"))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// The operations of an aws-sdk-rust crate: the stems of `operation/*.rs` in `files` (relative to
/// `src/`).
pub fn crate_operations(files: &[String]) -> BTreeSet<String> {
    files
        .iter()
        .filter_map(|f| f.strip_prefix("operation/")?.strip_suffix(".rs"))
        .filter(|stem| !stem.contains('/'))
        .map(str::to_string)
        .collect()
}

/// The files (relative to `src/`) an aws-sdk-rust crate generates for the operation `op`
/// (snake_case): see [`SELECTION_RULES`].
pub fn operation_files(files: &[String], op: &str) -> Vec<String> {
    let exact = [
        format!("operation/{op}.rs"),
        format!("client/{op}.rs"),
        format!("protocol_serde/shape_{op}.rs"),
        format!("protocol_serde/shape_{op}_input.rs"),
        format!("protocol_serde/shape_{op}_output.rs"),
    ];
    let dir = format!("operation/{op}/");
    files
        .iter()
        .filter(|f| exact.contains(f) || f.starts_with(&dir))
        .cloned()
        .collect()
}

/// The files (relative to `src/`) an aws-sdk-rust crate generates for the shape `shape`
/// (snake_case): its type, its builder, its error type and its serializer/deserializer.
pub fn shape_files(files: &[String], shape: &str) -> Vec<String> {
    let candidates = [
        format!("types/_{shape}.rs"),
        format!("types/builders/_{shape}.rs"),
        format!("types/error/_{shape}.rs"),
        format!("protocol_serde/shape_{shape}.rs"),
    ];
    files
        .iter()
        .filter(|f| candidates.contains(f))
        .cloned()
        .collect()
}

/// Whether `file` (relative to `src/`) belongs to no operation (of `operations`, the crate's
/// operations) and no shape: a fixed cost of the crate.
pub fn is_shared_file(file: &str, operations: &BTreeSet<String>) -> bool {
    // `operation.rs` itself (the module list) is shared; everything below it is per operation.
    if file.starts_with("operation/") {
        return false;
    }
    if let Some(name) = file
        .strip_prefix("client/")
        .and_then(|r| r.strip_suffix(".rs"))
        && operations.contains(name)
    {
        return false;
    }
    let per_shape = file.starts_with("protocol_serde/shape_")
        || file.starts_with("types/_")
        || file.starts_with("types/builders/_")
        || file.starts_with("types/error/_");
    !per_shape
}

/// Every shape name (the part after `#`) defined in the JSON model files in `dir` and its
/// subdirectories. Files without a `shapes` object (`codegen.json`, `import.json`) add nothing.
pub fn model_shape_names(dir: &Path) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    for file in files_under(dir, true)? {
        if file.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let value: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        if let Some(shapes) = value.get("shapes").and_then(Value::as_object) {
            for id in shapes.keys() {
                if let Some((_, name)) = id.split_once('#') {
                    names.insert(name.to_string());
                }
            }
        }
    }
    Ok(names)
}

/// Lines of one counted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedFile {
    /// Path relative to the crate's `src/`.
    pub path: String,
    /// Code lines ([`count_code_lines`]).
    pub lines: usize,
}

/// Size of one service: ours against the aws-sdk-rust slice.
#[derive(Debug, Clone)]
pub struct ServiceSize {
    /// The service compared.
    pub service: Service,
    /// Our whole generated crate.
    pub ours: CrateStats,
    /// Where the aws-sdk-rust sources were found.
    pub aws_dir: PathBuf,
    /// Per operation (Smithy name), the files of that operation.
    pub aws_operations: Vec<(String, Vec<CountedFile>)>,
    /// Files of the shapes named in our model, counted once for the service.
    pub aws_shapes: Vec<CountedFile>,
    /// Shape names of our model that have no file in the aws-sdk-rust crate (simple shapes,
    /// operation input/output structures, the service, resources).
    pub shapes_without_file: Vec<String>,
    /// Lines of the crate's shared files (see [`is_shared_file`]).
    pub aws_shared_lines: usize,
    /// Lines of the whole aws-sdk-rust crate (`src/**/*.rs`).
    pub aws_crate_lines: usize,
    /// Operations of the whole aws-sdk-rust crate.
    pub aws_crate_operations: usize,
}

impl ServiceSize {
    /// Code lines of the aws-sdk-rust slice: the operations' files plus the shapes' files.
    pub fn aws_slice_lines(&self) -> usize {
        self.aws_operations
            .iter()
            .flat_map(|(_, files)| files)
            .chain(&self.aws_shapes)
            .map(|f| f.lines)
            .sum()
    }
}

fn sum_lines(files: &[CountedFile]) -> usize {
    files.iter().map(|f| f.lines).sum()
}

fn count_files(src: &Path, files: &[String]) -> Result<Vec<CountedFile>, String> {
    files
        .iter()
        .filter(|f| f.ends_with(".rs"))
        .map(|f| {
            let path = src.join(f);
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(CountedFile {
                path: f.clone(),
                lines: count_code_lines(&text),
            })
        })
        .collect()
}

fn measure_size(root: &Path, service: &Service, aws_dir: &Path) -> Result<ServiceSize, String> {
    let our_dir = root.join("crates").join(service.our_crate);
    let ours = crate_stats(&our_dir)?.ok_or_else(|| {
        format!(
            "{} is not a generated crate; run `cargo xtask codegen`",
            our_dir.display()
        )
    })?;
    for op in service.operations {
        let module = our_dir.join(format!("src/operation/{}.rs", snake(op)));
        if !module.is_file() {
            return Err(format!(
                "{} is missing: our crate does not have {op}",
                module.display()
            ));
        }
    }
    let src = aws_dir.join("src");
    let files = relative_files(&src)?;
    let mut aws_operations = Vec::new();
    for op in service.operations {
        let selected = operation_files(&files, &snake(op));
        if selected.is_empty() {
            return Err(format!(
                "{}: no files for operation {op} (expected src/operation/{}.rs)",
                aws_dir.display(),
                snake(op)
            ));
        }
        aws_operations.push((op.to_string(), count_files(&src, &selected)?));
    }
    let already: BTreeSet<String> = aws_operations
        .iter()
        .flat_map(|(_, files)| files.iter().map(|f| f.path.clone()))
        .collect();
    let mut shape_set = BTreeSet::new();
    let mut shapes_without_file = Vec::new();
    for shape in model_shape_names(&root.join("models").join(service.model_dir))? {
        let found: Vec<String> = shape_files(&files, &snake(&shape))
            .into_iter()
            .filter(|f| !already.contains(f))
            .collect();
        if found.is_empty() {
            shapes_without_file.push(shape);
        }
        shape_set.extend(found);
    }
    let shapes: Vec<String> = shape_set.into_iter().collect();
    let aws_shapes = count_files(&src, &shapes)?;
    let all = count_files(&src, &files)?;
    let operations = crate_operations(&files);
    let aws_shared_lines = all
        .iter()
        .filter(|f| is_shared_file(&f.path, &operations))
        .map(|f| f.lines)
        .sum();
    Ok(ServiceSize {
        service: *service,
        ours,
        aws_dir: aws_dir.to_path_buf(),
        aws_operations,
        aws_shapes,
        shapes_without_file,
        aws_shared_lines,
        aws_crate_lines: sum_lines(&all),
        aws_crate_operations: operations.len(),
    })
}

fn ratio(lines: usize, ops: usize) -> String {
    if ops == 0 {
        return "-".to_string();
    }
    // Counts are far below 2^52: the conversions are exact.
    format!("{:.1}", lines as f64 / ops as f64)
}

fn render_sizes(sizes: &[ServiceSize]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "generated code lines (blank, `//`, `///`, `//!` and lone `#[doc]` lines left out, as `cargo xtask stats`):"
    );
    let _ = writeln!(
        out,
        "{:<22} {:>4}  {:>10} {:>8}  {:>10} {:>10} {:>8}  {:>10}  {:>10} {:>6} {:>8}",
        "service",
        "ops",
        "ours",
        "ours/op",
        "aws slice",
        "(+shared)",
        "slice/op",
        "aws shared",
        "aws crate",
        "ops",
        "crate/op"
    );
    for s in sizes {
        let ops = s.service.operations.len();
        let slice = s.aws_slice_lines();
        let _ = writeln!(
            out,
            "{:<22} {:>4}  {:>10} {:>8}  {:>10} {:>10} {:>8}  {:>10}  {:>10} {:>6} {:>8}",
            s.service.our_crate,
            ops,
            s.ours.code_lines,
            ratio(s.ours.code_lines, ops),
            slice,
            slice + s.aws_shared_lines,
            ratio(slice, ops),
            s.aws_shared_lines,
            s.aws_crate_lines,
            s.aws_crate_operations,
            ratio(s.aws_crate_lines, s.aws_crate_operations),
        );
    }
    let ours_total: usize = sizes.iter().map(|s| s.ours.code_lines).sum();
    let slice_total: usize = sizes.iter().map(ServiceSize::aws_slice_lines).sum();
    let shared_total: usize = sizes.iter().map(|s| s.aws_shared_lines).sum();
    let ops_total: usize = sizes.iter().map(|s| s.service.operations.len()).sum();
    let _ = writeln!(
        out,
        "{:<22} {:>4}  {:>10} {:>8}  {:>10} {:>10} {:>8}  {:>10}",
        "total",
        ops_total,
        ours_total,
        ratio(ours_total, ops_total),
        slice_total,
        slice_total + shared_total,
        ratio(slice_total, ops_total),
        shared_total,
    );
    let _ = writeln!(
        out,
        "\naws slice by part (each operation's own files; the model's shapes once per service):"
    );
    for s in sizes {
        for (op, files) in &s.aws_operations {
            let _ = writeln!(
                out,
                "  {:<30} {:<22} {:>5} lines in {} files",
                s.service.aws_crate,
                op,
                sum_lines(files),
                files.len()
            );
        }
        let _ = writeln!(
            out,
            "  {:<30} {:<22} {:>5} lines in {} files ({} model shape names without a file)",
            s.service.aws_crate,
            "shapes of the model",
            sum_lines(&s.aws_shapes),
            s.aws_shapes.len(),
            s.shapes_without_file.len()
        );
    }
    let _ = writeln!(
        out,
        "\nours = the whole generated crate (client, config, endpoint rules, errors, types); the \
         runtime macros and pipeline live in `sdk-runtime`, counted nowhere here, as aws-sdk-rust's \
         runtime crates are not counted either.\naws slice/op leaves out aws-sdk-rust's per-crate \
         fixed cost ('aws shared'); '(+shared)' adds it once, a crate trimmed to these operations \
         would be about that size (an upper bound: its module lists name every operation)."
    );
    let _ = writeln!(out, "{SELECTION_RULES}");
    for s in sizes {
        let _ = writeln!(
            out,
            "sources: {} {} at {}",
            s.service.aws_crate,
            s.service.aws_version,
            s.aws_dir.display()
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The scratch project and the aws-sdk-rust sources

/// The cargo that runs xtask (`CARGO`), or `cargo`.
pub fn cargo_program() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// The dependencies of the per-call program besides our crates, each pinned to the version of
/// the root `[workspace.dependencies]`, with the features it needs (`tokio` without the
/// workspace's `full`).
pub const PER_CALL_DEPS: &[(&str, &[&str])] = &[
    ("aws-credential-types", &[]),
    ("aws-smithy-types", &[]),
    ("aws-smithy-http-client", &["default-client"]),
    ("aws-smithy-runtime", &[]),
    ("aws-smithy-runtime-api", &[]),
    ("aws-smithy-async", &[]),
    ("aws-runtime", &[]),
    ("aws-types", &[]),
    ("tokio", &["rt", "time", "net"]),
];

/// The exact version (`=x.y.z`) pinned for `name` in the `[workspace.dependencies]` table of
/// `manifest` (the root `Cargo.toml`), whether written `name = "=x"` or
/// `name = { version = "=x", ... }`.
pub fn workspace_pin(manifest: &str, name: &str) -> Option<String> {
    let mut in_table = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_table = line == "[workspace.dependencies]";
            continue;
        }
        if !in_table {
            continue;
        }
        let Some(rest) = line.strip_prefix(name) else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let start = value.find("\"=")? + 1;
        let len = value[start..].find('"')?;
        return Some(value[start..start + len].to_string());
    }
    None
}

/// The dependency line of `name` with `features`, at the exact version `root_manifest` (the text
/// of the root `Cargo.toml`) pins in `[workspace.dependencies]`; an error when it pins none.
pub fn pinned_dependency(
    root_manifest: &str,
    name: &str,
    features: &[&str],
) -> Result<String, String> {
    let version = workspace_pin(root_manifest, name).ok_or_else(|| {
        format!("root Cargo.toml: no exact `=x.y.z` version of {name} in [workspace.dependencies]")
    })?;
    if features.is_empty() {
        return Ok(format!("{name} = \"{version}\""));
    }
    let list: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
    Ok(format!(
        "{name} = {{ version = \"{version}\", features = [{}] }}",
        list.join(", ")
    ))
}

/// A TOML basic string holding `text`.
pub fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The manifest of the scratch project: the aws-sdk-rust crates, plus what the per-call program
/// needs: our `bedrockagentcore` and `sdk-runtime` by path under `root` (the workspace root)
/// and [`PER_CALL_DEPS`] pinned as in `root_manifest` (the text of the root `Cargo.toml`).
pub fn scratch_manifest(
    services: &[Service],
    root: &Path,
    root_manifest: &str,
) -> Result<String, String> {
    let mut out = String::from(
        "# Written by `cargo xtask bench`: depends on the aws-sdk-rust crates it compares against.\n\
         [package]\nname = \"aws-sdk-bench\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n",
    );
    for s in services {
        let _ = writeln!(out, "{} = \"={}\"", s.aws_crate, s.aws_version);
    }
    out.push_str(
        "# `src/bin/per_call.rs` (`cargo xtask bench --per-call`): our crate and its runtime, and \
         the\n# shared dependencies pinned to the versions of the workspace.\n",
    );
    for krate in [PER_CALL_CRATE, "sdk-runtime"] {
        let path = root.join("crates").join(krate);
        let _ = writeln!(
            out,
            "{krate} = {{ path = {}, default-features = false }}",
            toml_string(&path.to_string_lossy())
        );
    }
    for (name, features) in PER_CALL_DEPS {
        out.push_str(&pinned_dependency(root_manifest, name, features)?);
        out.push('\n');
    }
    // Its own workspace: not a member of the checkout's workspace it sits in.
    out.push_str("\n[workspace]\n");
    Ok(out)
}

/// Writes `text` to `path` (creating its directory) unless the file holds it already, so cargo
/// does not see a changed manifest.
pub fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if fs::read_to_string(path).is_ok_and(|t| t == text) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_scratch_project(root: &Path, dir: &Path) -> Result<(), String> {
    let root_manifest = root.join("Cargo.toml");
    let text = fs::read_to_string(&root_manifest)
        .map_err(|e| format!("{}: {e}", root_manifest.display()))?;
    write_if_changed(
        &dir.join("Cargo.toml"),
        &scratch_manifest(SERVICES, root, &text)?,
    )?;
    write_if_changed(&dir.join("src/bin/per_call.rs"), PER_CALL_SOURCE)?;
    write_if_changed(
        &dir.join("src/lib.rs"),
        "//! Empty: this package only pulls in the aws-sdk-rust crates for `cargo xtask bench`.\n",
    )
}

fn run_checked(command: &mut Command, what: &str) -> Result<Output, String> {
    let output = command
        .output()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "{what} failed ({}):\n{}",
            output.status,
            tail.join("\n")
        ));
    }
    Ok(output)
}

/// Source directories (`$CARGO_HOME/registry/src/<index>/<name>-<version>`) of the packages
/// named in `metadata` (the output of `cargo metadata --format-version 1`), by name, for the
/// versions of [`SERVICES`].
pub fn sources_from_metadata(
    metadata: &Value,
    services: &[Service],
) -> Result<BTreeMap<String, PathBuf>, String> {
    let packages = metadata
        .get("packages")
        .and_then(Value::as_array)
        .ok_or("cargo metadata: no `packages` array")?;
    let mut out = BTreeMap::new();
    for package in packages {
        let field = |k: &str| package.get(k).and_then(Value::as_str);
        let (Some(name), Some(version), Some(manifest)) =
            (field("name"), field("version"), field("manifest_path"))
        else {
            continue;
        };
        if services
            .iter()
            .any(|s| s.aws_crate == name && s.aws_version == version)
            && let Some(dir) = Path::new(manifest).parent()
        {
            out.insert(name.to_string(), dir.to_path_buf());
        }
    }
    Ok(out)
}

fn aws_sources(cargo: &str, scratch: &Path) -> Result<BTreeMap<String, PathBuf>, String> {
    // `cargo metadata` resolves and downloads every package, like `cargo fetch`.
    let output = run_checked(
        Command::new(cargo)
            .args(["metadata", "--format-version", "1", "--manifest-path"])
            .arg(scratch.join("Cargo.toml")),
        "cargo metadata",
    )?;
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata output: {e}"))?;
    sources_from_metadata(&metadata, SERVICES)
}

// ---------------------------------------------------------------------------------------------
// Compile time

/// The `rustc` both sides are compiled with.
#[derive(Debug, Clone)]
pub struct Toolchain {
    /// Path of the `rustc` binary, passed to every build as `RUSTC`.
    pub rustc: PathBuf,
    /// `rustc --version`.
    pub version: String,
}

impl Toolchain {
    fn detect() -> Result<Self, String> {
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
        let sysroot = run_checked(
            Command::new(&rustc).args(["--print", "sysroot"]),
            "rustc --print sysroot",
        )?;
        let sysroot = String::from_utf8_lossy(&sysroot.stdout).trim().to_string();
        let pinned = Path::new(&sysroot).join("bin/rustc");
        let rustc = if pinned.is_file() {
            pinned
        } else {
            PathBuf::from(rustc)
        };
        let version = run_checked(Command::new(&rustc).arg("--version"), "rustc --version")?;
        Ok(Self {
            rustc,
            version: String::from_utf8_lossy(&version.stdout).trim().to_string(),
        })
    }
}

/// Compile times of one service.
#[derive(Debug, Clone)]
pub struct CompileTimes {
    /// The service compared.
    pub service: Service,
    /// Clean rebuild of our crate.
    pub ours: Duration,
    /// Operations of our crate.
    pub ours_operations: usize,
    /// Clean rebuild of the aws-sdk-rust crate.
    pub aws: Duration,
    /// Operations of the aws-sdk-rust crate.
    pub aws_operations: usize,
    /// The commands timed, as a shell would run them.
    pub commands: Vec<String>,
}

/// Compile time of one of [`OUR_RUNTIME_CRATES`].
#[derive(Debug, Clone)]
pub struct RuntimeCompile {
    /// The package.
    pub package: &'static str,
    /// Clean rebuild time.
    pub elapsed: Duration,
    /// The command timed.
    pub command: String,
}

/// Builds `package` once (dependencies included), cleans just `package`, and times its rebuild.
fn time_clean_rebuild(
    cargo: &str,
    toolchain: &Toolchain,
    manifest: &Path,
    target_dir: &Path,
    package: &str,
    release: bool,
) -> Result<(Duration, String), String> {
    let command = |verb: &str| {
        let mut c = Command::new(cargo);
        c.arg(verb)
            .args(["-p", package, "--manifest-path"])
            .arg(manifest)
            .arg("--target-dir")
            .arg(target_dir)
            .env("RUSTC", &toolchain.rustc);
        if release {
            c.arg("--release");
        }
        c
    };
    eprintln!("building {package} and its dependencies (untimed)...");
    run_checked(&mut command("build"), &format!("cargo build -p {package}"))?;
    run_checked(&mut command("clean"), &format!("cargo clean -p {package}"))?;
    eprintln!("timing a clean rebuild of {package}...");
    let start = Instant::now();
    run_checked(&mut command("build"), &format!("cargo build -p {package}"))?;
    let elapsed = start.elapsed();
    let profile = if release { " --release" } else { "" };
    let shown = format!(
        "export RUSTC={rustc}; cargo build -p {package} --manifest-path {m} --target-dir {t}{profile} && \
         cargo clean -p {package} --manifest-path {m} --target-dir {t}{profile} && \
         time cargo build -p {package} --manifest-path {m} --target-dir {t}{profile}",
        rustc = toolchain.rustc.display(),
        m = manifest.display(),
        t = target_dir.display(),
    );
    Ok((elapsed, shown))
}

fn measure_compile(
    cargo: &str,
    toolchain: &Toolchain,
    root: &Path,
    scratch: &Path,
    size: &ServiceSize,
    release: bool,
) -> Result<CompileTimes, String> {
    let service = &size.service;
    let bench = root.join("target/bench");
    // Our own target directory: the workspace's `target/` is shared with other builds and is
    // never cleaned from here.
    let (ours, ours_cmd) = time_clean_rebuild(
        cargo,
        toolchain,
        &root.join("Cargo.toml"),
        &bench.join("target-ours"),
        service.our_crate,
        release,
    )?;
    let (aws, aws_cmd) = time_clean_rebuild(
        cargo,
        toolchain,
        &scratch.join("Cargo.toml"),
        &scratch.join("target"),
        service.aws_crate,
        release,
    )?;
    Ok(CompileTimes {
        service: *service,
        ours,
        ours_operations: size.ours.operations,
        aws,
        aws_operations: size.aws_crate_operations,
        commands: vec![ours_cmd, aws_cmd],
    })
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn per_op_secs(d: Duration, ops: usize) -> String {
    if ops == 0 {
        return "-".to_string();
    }
    // Operation counts are tiny: the conversion is exact.
    format!("{:.2}", secs(d) / ops as f64)
}

fn render_compile(
    times: &[CompileTimes],
    runtime: &[RuntimeCompile],
    toolchain: &Toolchain,
    release: bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "compile time, clean rebuild of just the service crate, dependencies already built \
         ({} profile, {}):",
        if release { "release" } else { "debug" },
        toolchain.version
    );
    let _ = writeln!(
        out,
        "{:<38} {:>4} {:>9} {:>9}",
        "crate", "ops", "seconds", "s/op"
    );
    for t in times {
        let _ = writeln!(
            out,
            "{:<38} {:>4} {:>9.1} {:>9}",
            t.service.our_crate,
            t.ours_operations,
            secs(t.ours),
            per_op_secs(t.ours, t.ours_operations)
        );
        let _ = writeln!(
            out,
            "{:<38} {:>4} {:>9.1} {:>9}",
            format!("{} {}", t.service.aws_crate, t.service.aws_version),
            t.aws_operations,
            secs(t.aws),
            per_op_secs(t.aws, t.aws_operations)
        );
    }
    for r in runtime {
        let _ = writeln!(
            out,
            "{:<38} {:>4} {:>9.1} {:>9}",
            format!("{} (ours, shared)", r.package),
            "-",
            secs(r.elapsed),
            "-"
        );
    }
    let _ = writeln!(
        out,
        "the aws-sdk-rust crates hold every operation of their service, ours only the ones in \
         models/: compare s/op, and keep in mind a crate has a fixed cost (config, client, \
         endpoint rules) that s/op spreads thin over many operations. One run each, on a machine \
         that may be busy with other builds: repeat the command before quoting a figure."
    );
    let _ = writeln!(
        out,
        "our generated crates also need sdk-runtime and endpoint-rules, hand-written and compiled \
         once per build (aws-sdk-rust puts the equivalent into each service crate or into its \
         aws-smithy-* crates, which are dependencies of both sides and not timed)."
    );
    let _ = writeln!(out, "commands timed (the last `cargo build` of each line):");
    for c in times
        .iter()
        .flat_map(|t| &t.commands)
        .chain(runtime.iter().map(|r| &r.command))
    {
        let _ = writeln!(out, "  {c}");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Per-call cost

/// Our crate the per-call program calls (GetPaymentSession); compared with the aws-sdk-rust
/// crate of the same service in [`SERVICES`].
pub const PER_CALL_CRATE: &str = "bedrockagentcore";

/// The operation the per-call program times.
pub const PER_CALL_OPERATION: &str = "GetPaymentSession";

/// Source of `target/bench/aws-sdk/src/bin/per_call.rs`.
pub const PER_CALL_SOURCE: &str = r##"//! Written by `cargo xtask bench --per-call`; do not edit (it is rewritten on every run).
//!
//! Client-side cost of one GetPaymentSession call: our `bedrockagentcore` crate against
//! `aws-sdk-bedrockagentcore`, both pointed at the same loopback HTTP server that answers every
//! request with one fixed 200 JSON body. Static credentials, region us-east-1, retries disabled,
//! plain-HTTP `aws-smithy-http-client` on both sides.
//!
//! Usage: `per_call CALLS WARMUP`. Prints one JSON object on stdout.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

const MANAGER_ARN: &str =
    "arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/checkout-agent-a1b2c3d4e5";
const SESSION_ID: &str = "payment-session-AbCdEf012345678";
const BODY: &str = concat!(
    r#"{"paymentSession":{"paymentSessionId":"payment-session-AbCdEf012345678","#,
    r#""paymentManagerArn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/checkout-agent-a1b2c3d4e5","#,
    r#""limits":{"maxSpendAmount":{"value":"100.00","currency":"USD"}},"userId":"user-42","#,
    r#""expiryTimeInMinutes":60,"createdAt":"2025-01-02T03:04:05Z","#,
    r#""availableLimits":{"availableSpendAmount":{"value":"75.50","currency":"USD"},"updatedAt":"2025-01-02T03:10:00.5Z"},"#,
    r#""updatedAt":"2025-01-02T03:10:00.500Z"}}"#
);

type BoxError = Box<dyn std::error::Error + Send + Sync>;

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

/// Answers every request on one keep-alive connection with the fixed response.
fn handle(mut stream: TcpStream, response: &[u8]) {
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        while let Some(end) = header_end(&buf) {
            let total = end + 4 + content_length(&buf[..end]);
            if buf.len() < total {
                break;
            }
            buf.drain(..total);
            if stream.write_all(response).is_err() {
                return;
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

fn serve(listener: TcpListener) {
    let response: &'static [u8] = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         x-amzn-requestid: per-call-bench\r\n\r\n{BODY}",
        BODY.len()
    )
    .into_bytes()
    .leak();
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || handle(stream, response));
    }
}

fn ours_client(url: &str) -> bedrockagentcore::Client {
    let config = bedrockagentcore::Config::builder()
        .endpoint_url(url)
        .region(sdk_runtime::types::Region::from_static("us-east-1"))
        .credentials_provider(aws_credential_types::Credentials::new(
            "AKIDEXAMPLE",
            "secret",
            None,
            None,
            "bench",
        ))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(aws_smithy_types::retry::RetryConfig::disabled())
        .build();
    bedrockagentcore::Client::from_conf(config)
}

fn aws_client(url: &str) -> aws_sdk_bedrockagentcore::Client {
    use aws_sdk_bedrockagentcore::config::{BehaviorVersion, Credentials, Region};
    let config = aws_sdk_bedrockagentcore::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .endpoint_url(url)
        .region(Region::from_static("us-east-1"))
        .credentials_provider(Credentials::new("AKIDEXAMPLE", "secret", None, None, "bench"))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(aws_smithy_types::retry::RetryConfig::disabled())
        .build();
    aws_sdk_bedrockagentcore::Client::from_conf(config)
}

async fn call_ours(client: &bedrockagentcore::Client) -> Result<(), BoxError> {
    let out = client
        .get_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .payment_session_id(SESSION_ID)
        .send()
        .await?;
    match out.payment_session() {
        Some(s) if s.payment_session_id() == SESSION_ID => Ok(()),
        other => Err(format!("ours: unexpected output {other:?}").into()),
    }
}

async fn call_aws(client: &aws_sdk_bedrockagentcore::Client) -> Result<(), BoxError> {
    let out = client
        .get_payment_session()
        .payment_manager_arn(MANAGER_ARN)
        .payment_session_id(SESSION_ID)
        .send()
        .await?;
    match out.payment_session() {
        Some(s) if s.payment_session_id() == SESSION_ID => Ok(()),
        other => Err(format!("aws-sdk: unexpected output {other:?}").into()),
    }
}

/// Mean and median in microseconds.
fn stats(samples: &mut [Duration]) -> (f64, f64) {
    if samples.is_empty() {
        return (0.0, 0.0);
    }
    samples.sort();
    let total: f64 = samples.iter().map(Duration::as_secs_f64).sum();
    let mean = total / samples.len() as f64 * 1e6;
    let mid = samples.len() / 2;
    let median = if samples.len() % 2 == 0 {
        (samples[mid - 1].as_secs_f64() + samples[mid].as_secs_f64()) / 2.0 * 1e6
    } else {
        samples[mid].as_secs_f64() * 1e6
    };
    (mean, median)
}

fn arg(index: usize, default: usize) -> Result<usize, BoxError> {
    match std::env::args().nth(index) {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|e| format!("argument {index} `{v}`: {e}").into()),
    }
}

fn main() -> Result<(), BoxError> {
    let calls = arg(1, 5000)?.max(1);
    let warmup = arg(2, 500)?;
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}", listener.local_addr()?);
    std::thread::spawn(move || serve(listener));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let ours = ours_client(&url);
        let aws = aws_client(&url);
        for _ in 0..warmup {
            call_ours(&ours).await?;
            call_aws(&aws).await?;
        }
        // Alternate blocks of calls so that drift on a busy machine hits both sides alike.
        let block = 100.min(calls);
        let mut ours_samples = Vec::with_capacity(calls);
        let mut aws_samples = Vec::with_capacity(calls);
        while ours_samples.len() < calls {
            let n = block.min(calls - ours_samples.len());
            for _ in 0..n {
                let start = Instant::now();
                call_ours(&ours).await?;
                ours_samples.push(start.elapsed());
            }
            for _ in 0..n {
                let start = Instant::now();
                call_aws(&aws).await?;
                aws_samples.push(start.elapsed());
            }
        }
        let (ours_mean, ours_median) = stats(&mut ours_samples);
        let (aws_mean, aws_median) = stats(&mut aws_samples);
        println!(
            "{{\"calls\":{calls},\"warmup\":{warmup},\
             \"ours\":{{\"mean_us\":{ours_mean:.2},\"median_us\":{ours_median:.2}}},\
             \"aws\":{{\"mean_us\":{aws_mean:.2},\"median_us\":{aws_median:.2}}}}}"
        );
        Ok(())
    })
}
"##;

/// Mean and median of one client's calls.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CallTimes {
    /// Mean, microseconds per call.
    pub mean_us: f64,
    /// Median, microseconds per call.
    pub median_us: f64,
}

/// What `--per-call` measured.
#[derive(Debug, Clone, PartialEq)]
pub struct PerCall {
    /// Timed calls per client.
    pub calls: usize,
    /// Untimed calls per client before them.
    pub warmup: usize,
    /// Our crate.
    pub ours: CallTimes,
    /// The aws-sdk-rust crate.
    pub aws: CallTimes,
    /// The commands run, as a shell would run them.
    pub commands: Vec<String>,
}

/// Parses the JSON line the per-call program prints.
pub fn parse_per_call(stdout: &str) -> Result<(usize, usize, CallTimes, CallTimes), String> {
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .ok_or_else(|| format!("per_call printed no JSON line: {stdout:?}"))?;
    let value: Value =
        serde_json::from_str(line).map_err(|e| format!("per_call output {line:?}: {e}"))?;
    let count = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("per_call output: no `{key}` count in {line}"))
    };
    let times = |side: &str| {
        let number = |key: &str| {
            value
                .get(side)
                .and_then(|s| s.get(key))
                .and_then(Value::as_f64)
                .filter(|n| n.is_finite() && *n > 0.0)
                .ok_or_else(|| format!("per_call output: no positive `{side}.{key}` in {line}"))
        };
        Ok::<_, String>(CallTimes {
            mean_us: number("mean_us")?,
            median_us: number("median_us")?,
        })
    };
    Ok((
        count("calls")?,
        count("warmup")?,
        times("ours")?,
        times("aws")?,
    ))
}

fn measure_per_call(
    cargo: &str,
    toolchain: &Toolchain,
    scratch: &Path,
    calls: usize,
) -> Result<PerCall, String> {
    let manifest = scratch.join("Cargo.toml");
    eprintln!("building the per-call program (release; the first build takes several minutes)...");
    run_checked(
        Command::new(cargo)
            .args(["build", "--release", "--bin", "per_call", "--manifest-path"])
            .arg(&manifest)
            .env("RUSTC", &toolchain.rustc),
        "cargo build --release --bin per_call",
    )?;
    let binary = scratch.join("target/release/per_call");
    eprintln!("timing {calls} calls per client...");
    let output = run_checked(
        Command::new(&binary)
            .arg(calls.to_string())
            .arg(WARMUP_CALLS.to_string()),
        &binary.display().to_string(),
    )?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let (calls, warmup, ours, aws) = parse_per_call(&stdout)?;
    Ok(PerCall {
        calls,
        warmup,
        ours,
        aws,
        commands: vec![
            format!(
                "RUSTC={} cargo build --release --bin per_call --manifest-path {}",
                toolchain.rustc.display(),
                manifest.display()
            ),
            format!("{} {calls} {warmup}", binary.display()),
        ],
    })
}

fn per_call_aws_crate() -> String {
    SERVICES
        .iter()
        .find(|s| s.our_crate == PER_CALL_CRATE)
        .map(|s| format!("{} {}", s.aws_crate, s.aws_version))
        .unwrap_or_default()
}

fn render_per_call(p: &PerCall) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "client-side cost of one {PER_CALL_OPERATION} call (release build; loopback HTTP server with a \
         fixed 200 JSON body, static credentials, us-east-1, retries disabled, plain-HTTP \
         aws-smithy-http-client; {} calls per client after {} warm-up calls, alternating blocks of 100):",
        p.calls, p.warmup
    );
    let _ = writeln!(
        out,
        "{:<38} {:>12} {:>12}",
        "client", "mean µs", "median µs"
    );
    let _ = writeln!(
        out,
        "{:<38} {:>12.1} {:>12.1}",
        PER_CALL_CRATE, p.ours.mean_us, p.ours.median_us
    );
    let _ = writeln!(
        out,
        "{:<38} {:>12.1} {:>12.1}",
        per_call_aws_crate(),
        p.aws.mean_us,
        p.aws.median_us
    );
    let _ = writeln!(
        out,
        "each figure includes the loopback round trip and the server's work, the same for both \
         sides; one run on a machine that may be busy: repeat before quoting a figure."
    );
    let _ = writeln!(out, "commands run:");
    for c in &p.commands {
        let _ = writeln!(out, "  {c}");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Summary

fn files_json(files: &[CountedFile]) -> Value {
    files
        .iter()
        .map(|f| json!({ "path": f.path, "lines": f.lines }))
        .collect()
}

fn summary_json(
    generation: &Generation,
    sizes: &[ServiceSize],
    compile: &[CompileTimes],
    runtime: &[RuntimeCompile],
    toolchain: &Toolchain,
    release: bool,
    per_call: Option<&PerCall>,
) -> Value {
    let sizes: Vec<Value> = sizes
        .iter()
        .map(|s| {
            let ops = s.service.operations.len();
            json!({
                "service": s.service.our_crate,
                "operations": s.service.operations,
                "ours": {
                    "crate": s.ours.name,
                    "operations": s.ours.operations,
                    "code_lines": s.ours.code_lines,
                    "lines_per_operation": ratio(s.ours.code_lines, ops),
                },
                "aws": {
                    "crate": s.service.aws_crate,
                    "version": s.service.aws_version,
                    "source_dir": s.aws_dir.display().to_string(),
                    "slice_lines": s.aws_slice_lines(),
                    "slice_lines_per_operation": ratio(s.aws_slice_lines(), ops),
                    "shared_lines": s.aws_shared_lines,
                    "crate_lines": s.aws_crate_lines,
                    "crate_operations": s.aws_crate_operations,
                    "crate_lines_per_operation": ratio(s.aws_crate_lines, s.aws_crate_operations),
                    "operation_files": s.aws_operations.iter().map(|(op, files)| json!({
                        "operation": op,
                        "lines": sum_lines(files),
                        "files": files_json(files),
                    })).collect::<Vec<_>>(),
                    "shape_files": files_json(&s.aws_shapes),
                    "shapes_without_file": s.shapes_without_file,
                },
            })
        })
        .collect();
    let compile: Vec<Value> = compile
        .iter()
        .map(|t| {
            json!({
                "service": t.service.our_crate,
                "ours": { "crate": t.service.our_crate, "operations": t.ours_operations,
                          "seconds": secs(t.ours) },
                "aws": { "crate": t.service.aws_crate, "version": t.service.aws_version,
                         "operations": t.aws_operations, "seconds": secs(t.aws) },
                "commands": t.commands,
            })
        })
        .collect();
    json!({
        "generation": {
            "runs": generation.runs.len(),
            "crates": generation.crates,
            "best_ms": millis(generation.best()),
            "median_ms": millis(generation.median()),
            "xtask_profile": profile(),
        },
        "lines": {
            "rules": SELECTION_RULES,
            "services": sizes,
        },
        "compile": {
            "measured": !compile.is_empty(),
            "profile": if release { "release" } else { "debug" },
            "rustc": toolchain.version,
            "services": compile,
            "our_runtime_crates": runtime.iter().map(|r| json!({
                "crate": r.package,
                "seconds": secs(r.elapsed),
                "command": r.command,
            })).collect::<Vec<_>>(),
        },
        "per_call": match per_call {
            None => json!({ "measured": false }),
            Some(p) => json!({
                "measured": true,
                "operation": PER_CALL_OPERATION,
                "calls": p.calls,
                "warmup": p.warmup,
                "profile": "release",
                "ours": { "crate": PER_CALL_CRATE,
                          "mean_us": p.ours.mean_us, "median_us": p.ours.median_us },
                "aws": { "crate": per_call_aws_crate(),
                         "mean_us": p.aws.mean_us, "median_us": p.aws.median_us },
                "commands": p.commands,
            }),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// A fake aws-sdk-rust `src/` listing with two operations, one a prefix of the other.
    fn fake_tree() -> Vec<String> {
        strings(&[
            "client.rs",
            "client/customize.rs",
            "client/get_thing.rs",
            "client/get_thing_status.rs",
            "config.rs",
            "lib.rs",
            "operation.rs",
            "operation/get_thing.rs",
            "operation/get_thing/_get_thing_input.rs",
            "operation/get_thing/builders.rs",
            "operation/get_thing/paginator.rs",
            "operation/get_thing_status.rs",
            "operation/get_thing_status/builders.rs",
            "protocol_serde/shape_get_thing.rs",
            "protocol_serde/shape_get_thing_input.rs",
            "protocol_serde/shape_get_thing_status.rs",
            "protocol_serde/shape_thing.rs",
            "protocol_serde/shape_thing_list.rs",
            "types.rs",
            "types/_thing.rs",
            "types/_thing_list_entry.rs",
            "types/error/_access_denied_exception.rs",
        ])
    }

    #[test]
    fn operation_files_do_not_take_operations_sharing_a_prefix() {
        let files = fake_tree();
        assert_eq!(
            operation_files(&files, "get_thing"),
            strings(&[
                "client/get_thing.rs",
                "operation/get_thing.rs",
                "operation/get_thing/_get_thing_input.rs",
                "operation/get_thing/builders.rs",
                "operation/get_thing/paginator.rs",
                "protocol_serde/shape_get_thing.rs",
                "protocol_serde/shape_get_thing_input.rs",
            ])
        );
        assert_eq!(
            operation_files(&files, "get_thing_status"),
            strings(&[
                "client/get_thing_status.rs",
                "operation/get_thing_status.rs",
                "operation/get_thing_status/builders.rs",
                "protocol_serde/shape_get_thing_status.rs",
            ])
        );
        assert!(operation_files(&files, "missing").is_empty());
    }

    #[test]
    fn shape_files_match_whole_names() {
        let files = fake_tree();
        assert_eq!(
            shape_files(&files, "thing"),
            strings(&["protocol_serde/shape_thing.rs", "types/_thing.rs"])
        );
        assert_eq!(
            shape_files(&files, "access_denied_exception"),
            strings(&["types/error/_access_denied_exception.rs"])
        );
        assert_eq!(
            shape_files(&files, "thing_list"),
            strings(&["protocol_serde/shape_thing_list.rs"])
        );
    }

    #[test]
    fn shared_files_are_neither_operation_nor_shape_files() {
        let files = fake_tree();
        let ops = crate_operations(&files);
        assert_eq!(
            ops,
            BTreeSet::from(["get_thing".into(), "get_thing_status".into()])
        );
        let shared: Vec<&String> = files.iter().filter(|f| is_shared_file(f, &ops)).collect();
        assert_eq!(
            shared,
            [
                "client.rs",
                "client/customize.rs",
                "config.rs",
                "lib.rs",
                "operation.rs",
                "types.rs"
            ]
        );
    }

    #[test]
    fn names_are_snake_cased_like_aws_sdk_rust_files() {
        assert_eq!(snake("CreatePaymentSession"), "create_payment_session");
        assert_eq!(
            snake("PaymentSessionSummaryList"),
            "payment_session_summary_list"
        );
        assert_eq!(snake("GetResourceOauth2Token"), "get_resource_oauth2_token");
        // A keyword is still a plain file name.
        assert_eq!(snake("Type"), "type");
    }

    #[test]
    fn file_selection_on_a_directory_tree() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let src = dir.join("src");
        for f in fake_tree() {
            let path = src.join(&f);
            fs::create_dir_all(path.parent().unwrap_or(&src)).expect("create test dir");
            fs::write(&path, "// comment\npub struct X;\n\nfn f() {}\n").expect("write test file");
        }
        let models = dir.join("models");
        fs::create_dir_all(models.join("operations")).expect("create model dir");
        fs::write(
            models.join("service.json"),
            r#"{"smithy":"2.0","shapes":{"ns#Thing":{"type":"structure"},"ns#Id":{"type":"string"}}}"#,
        )
        .expect("write model");
        fs::write(
            models.join("operations/GetThing.json"),
            r#"{"smithy":"2.0","shapes":{"ns#GetThing":{"type":"operation"}}}"#,
        )
        .expect("write model");
        fs::write(models.join("codegen.json"), r#"{"crate_name":"x"}"#).expect("write settings");
        let listed = relative_files(&src);
        let names = model_shape_names(&models);
        let counted = listed
            .as_ref()
            .map(|files| count_files(&src, &operation_files(files, "get_thing")));
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(listed, Ok(fake_tree()));
        assert_eq!(
            names,
            Ok(BTreeSet::from([
                "GetThing".into(),
                "Id".into(),
                "Thing".into()
            ]))
        );
        let counted = counted.ok().and_then(Result::ok).unwrap_or_default();
        assert_eq!(counted.len(), 7);
        assert_eq!(sum_lines(&counted), 14, "two code lines per file");
    }

    #[test]
    fn model_shape_names_reports_bad_json() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-json-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create test dir");
        fs::write(dir.join("service.json"), "{ not json").expect("write model");
        let result = model_shape_names(&dir);
        let _ = fs::remove_dir_all(&dir);
        assert!(
            result.as_ref().is_err_and(|e| e.contains("service.json")),
            "{result:?}"
        );
    }

    #[test]
    fn sources_come_from_metadata_for_the_pinned_versions() {
        let metadata = json!({ "packages": [
            { "name": "aws-sdk-bedrockagentcore", "version": "1.83.0",
              "manifest_path": "/reg/aws-sdk-bedrockagentcore-1.83.0/Cargo.toml" },
            { "name": "aws-sdk-partnercentralaccount", "version": "1.0.0",
              "manifest_path": "/reg/aws-sdk-partnercentralaccount-1.0.0/Cargo.toml" },
            { "name": "serde", "version": "1.0.0", "manifest_path": "/reg/serde/Cargo.toml" },
        ]});
        let found = sources_from_metadata(&metadata, SERVICES);
        assert_eq!(
            found,
            Ok(BTreeMap::from([(
                "aws-sdk-bedrockagentcore".to_string(),
                PathBuf::from("/reg/aws-sdk-bedrockagentcore-1.83.0")
            )]))
        );
        assert!(sources_from_metadata(&json!({}), SERVICES).is_err());
    }

    const ROOT_MANIFEST: &str = "[workspace]\nmembers = []\n\n[workspace.dependencies]\n\
        sdk-runtime = { path = \"crates/sdk-runtime\" }\n\
        aws-smithy-runtime = { version = \"=1.16.2\", features = [\"client\"] }\n\
        aws-smithy-runtime-api = { version = \"=1.20.0\", features = [\"client\"] }\n\
        aws-smithy-types = { version = \"=1.9.3\", features = [\"http-body-1-x\"] }\n\
        aws-smithy-async = { version = \"=1.3.1\" }\n\
        aws-smithy-http-client = { version = \"=1.5.2\" }\n\
        aws-runtime = { version = \"=1.10.2\" }\n\
        aws-credential-types = { version = \"=1.3.1\" }\n\
        aws-types = { version = \"=1.7.0\" }\n\
        tokio = { version = \"=1.54.1\", features = [\"full\"] }\n\
        serde = \"=1.0.229\"\n\n[other]\nhex = \"=0.4.3\"\n";

    #[test]
    fn scratch_manifest_pins_exact_versions_in_its_own_workspace() {
        let manifest = scratch_manifest(SERVICES, Path::new("/w"), ROOT_MANIFEST);
        let manifest = manifest.unwrap_or_default();
        assert!(manifest.contains("aws-sdk-bedrockagentcore = \"=1.83.0\"\n"));
        assert!(manifest.contains("aws-sdk-partnercentralaccount = \"=1.34.0\"\n"));
        assert!(manifest.contains(
            "bedrockagentcore = { path = \"/w/crates/bedrockagentcore\", default-features = false }\n"
        ));
        assert!(manifest.contains(
            "sdk-runtime = { path = \"/w/crates/sdk-runtime\", default-features = false }\n"
        ));
        assert!(manifest.contains("\naws-smithy-runtime-api = \"=1.20.0\"\n"));
        assert!(manifest.contains(
            "aws-smithy-http-client = { version = \"=1.5.2\", features = [\"default-client\"] }\n"
        ));
        assert!(manifest.contains(
            "tokio = { version = \"=1.54.1\", features = [\"rt\", \"time\", \"net\"] }\n"
        ));
        assert!(manifest.trim_end().ends_with("[workspace]"));
        // A dependency the root does not pin exactly is an error, not a floating version.
        let missing = scratch_manifest(SERVICES, Path::new("/w"), "[workspace.dependencies]\n");
        assert!(missing.is_err_and(|e| e.contains("aws-credential-types")));
    }

    #[test]
    fn workspace_pins_are_read_from_the_dependencies_table_only() {
        let pin = |name| workspace_pin(ROOT_MANIFEST, name);
        assert_eq!(pin("aws-smithy-runtime").as_deref(), Some("=1.16.2"));
        // A name that is a prefix of another is not confused with it.
        assert_eq!(pin("aws-smithy-runtime-api").as_deref(), Some("=1.20.0"));
        assert_eq!(pin("serde").as_deref(), Some("=1.0.229"));
        assert_eq!(pin("tokio").as_deref(), Some("=1.54.1"));
        assert_eq!(pin("sdk-runtime"), None, "a path dependency has no version");
        assert_eq!(pin("hex"), None, "outside [workspace.dependencies]");
        assert_eq!(pin("aws"), None);
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_string("/a/b"), "\"/a/b\"");
        assert_eq!(toml_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(toml_string("a\nb"), "\"a\\u000Ab\"");
    }

    #[test]
    fn per_call_output_is_parsed_and_checked() {
        let out = "{\"calls\":5000,\"warmup\":500,\"ours\":{\"mean_us\":157.95,\"median_us\":144.41},\
                   \"aws\":{\"mean_us\":157.27,\"median_us\":149.94}}\n";
        let parsed = parse_per_call(out);
        assert_eq!(
            parsed,
            Ok((
                5000,
                500,
                CallTimes {
                    mean_us: 157.95,
                    median_us: 144.41
                },
                CallTimes {
                    mean_us: 157.27,
                    median_us: 149.94
                }
            ))
        );
        assert!(parse_per_call("").is_err());
        assert!(parse_per_call("{not json").is_err());
        assert!(
            parse_per_call(&out.replace("\"aws\"", "\"other\""))
                .is_err_and(|e| e.contains("aws.mean_us"))
        );
        assert!(parse_per_call(&out.replace("157.95", "0")).is_err());
    }

    #[test]
    fn per_call_program_targets_the_benchmarked_operation() {
        // The program calls the operation through both crates' fluent method.
        let method = format!(".{}()", snake(PER_CALL_OPERATION));
        assert_eq!(PER_CALL_SOURCE.matches(method.as_str()).count(), 2);
        assert!(SERVICES.iter().any(|s| s.our_crate == PER_CALL_CRATE
            && s.operations.contains(&PER_CALL_OPERATION)
            && PER_CALL_SOURCE.contains(&s.aws_crate.replace('-', "_"))));
        assert!(PER_CALL_SOURCE.contains("RetryConfig::disabled()"));
        assert_eq!(PER_CALL_SOURCE.matches(".build_http()").count(), 2);
    }

    #[test]
    fn arguments() {
        let parse = |a: &[&str]| parse_args(&strings(a));
        assert_eq!(
            parse(&[]),
            Ok(Options {
                runs: DEFAULT_RUNS,
                compile: false,
                release: false,
                per_call: false,
                calls: DEFAULT_CALLS,
            })
        );
        assert_eq!(
            parse(&["--runs", "3", "--compile", "--release"]),
            Ok(Options {
                runs: 3,
                compile: true,
                release: true,
                per_call: false,
                calls: DEFAULT_CALLS,
            })
        );
        assert_eq!(
            parse(&["--calls", "200", "--per-call"]),
            Ok(Options {
                runs: DEFAULT_RUNS,
                compile: false,
                release: false,
                per_call: true,
                calls: 200,
            })
        );
        assert!(parse(&["--runs"]).is_err());
        assert!(parse(&["--runs", "0"]).is_err());
        assert!(parse(&["--runs", "x"]).is_err());
        assert!(parse(&["--release"]).is_err());
        assert!(parse(&["--fast"]).is_err());
        assert!(
            parse(&["--calls", "10"]).is_err(),
            "--calls needs --per-call"
        );
        assert!(parse(&["--per-call", "--calls", "0"]).is_err());
        assert!(parse(&["--per-call", "--calls"]).is_err());
    }

    #[test]
    fn median_and_best() {
        let g = Generation {
            runs: [5, 1, 9, 3].map(Duration::from_millis).to_vec(),
            crates: 1,
        };
        assert_eq!(g.best(), Duration::from_millis(1));
        assert_eq!(g.median(), Duration::from_millis(3));
        let empty = Generation {
            runs: Vec::new(),
            crates: 0,
        };
        assert_eq!(empty.median(), Duration::ZERO);
    }
}
