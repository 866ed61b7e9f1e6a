//! `cargo xtask bench [--runs N] [--per-call [--calls N]] [--compile] [--consumer] [--all]`:
//! this workspace side by side with aws-sdk-rust, in one invocation.
//!
//! Speed and size are measured here, never asserted in tests. Every timed figure is measured
//! `--runs` times (default [`DEFAULT_RUNS`]) and printed as min / median of the runs, next to
//! the ratio ours / aws-sdk-rust of the medians and the goal of issue #8. Everything measured,
//! with the commands that reproduce it, goes to `target/bench/summary.json`.
//!
//! Always (cheap):
//!
//! 1. **Generation time** of every workspace model, in memory ([`generate_workspace`]).
//! 2. **Generated lines per operation**: our generated crate against the slice of the published
//!    aws-sdk-rust crate that the same operations need. The aws-sdk-rust crates are fetched into
//!    a scratch Cargo project, `target/bench/aws-sdk/`, and located with `cargo metadata`; the
//!    slice is selected by [`operation_files`] and [`shape_files`] from the shape names of our
//!    model files ([`model_shape_names`]), and counted by [`crate::stats::count_code_lines`].
//!
//! On request (each takes minutes):
//!
//! 3. `--per-call` (module `per_call`): client-thread CPU time, allocations and wall time per call of
//!    GetPaymentSession, CreatePaymentSession and ListConnections (100 summaries), ours against
//!    aws-sdk-rust, by the program `xtask/bench-programs/per_call.rs`.
//! 4. `--compile` (module `compile`): debug compile of the crate generated from the whole Bedrock
//!    AgentCore reference model against `aws-sdk-bedrockagentcore`, dependencies prebuilt.
//! 5. `--consumer` (module `compile`): a consumer binary's clean build, default features, each side.
//!
//! `--all` is all three.

mod compile;
mod figures;
mod per_call;

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

/// Default number of runs of every timed measurement.
pub const DEFAULT_RUNS: usize = 3;

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
    /// Runs of every timed measurement.
    pub runs: usize,
    /// Measure the per-call cost.
    pub per_call: bool,
    /// Timed calls per client, operation and run with `per_call`.
    pub calls: usize,
    /// Measure the whole-model crate's compile time.
    pub compile: bool,
    /// Measure a consumer's clean build.
    pub consumer: bool,
}

const USAGE: &str = "usage: cargo xtask bench [--runs N] [--per-call [--calls N]] [--compile] \
                     [--consumer] [--all]";

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
        per_call: false,
        calls: per_call::DEFAULT_CALLS,
        compile: false,
        consumer: false,
    };
    let mut calls_given = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--per-call" => options.per_call = true,
            "--compile" => options.compile = true,
            "--consumer" => options.consumer = true,
            "--all" => {
                options.per_call = true;
                options.compile = true;
                options.consumer = true;
            }
            "--runs" => options.runs = positive("--runs", args.next())?,
            "--calls" => {
                options.calls = positive("--calls", args.next())?;
                calls_given = true;
            }
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
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

    let per_call = if options.per_call {
        let measured = per_call::measure(&cargo, &rustc, &scratch, options.runs, options.calls)?;
        println!();
        print!("{}", per_call::render(&measured));
        Some(measured)
    } else {
        println!(
            "\nper-call cost: not measured (add --per-call; the first release build takes minutes)"
        );
        None
    };

    let projects = if options.compile || options.consumer {
        Some(compile::prepare(&bench_dir, &scratch)?)
    } else {
        None
    };
    // Operations of the whole aws-sdk-rust crate, from the line count above.
    let aws_operations = sizes
        .iter()
        .find(|s| s.service.our_crate == compile::OUR_CRATE)
        .map_or(0, |s| s.aws_crate_operations);
    let mut compiled = None;
    let mut consumer = None;
    if let Some(projects) = &projects {
        if options.compile {
            let t =
                compile::measure_compile(&cargo, &rustc, projects, aws_operations, options.runs)?;
            println!();
            print!(
                "{}",
                compile::render(
                    "compile time of the service crate alone, dependencies prebuilt, debug",
                    &t,
                    &rustc
                )
            );
            compiled = Some(t);
        }
        if options.consumer {
            let t = compile::measure_consumer(
                &cargo,
                &rustc,
                projects,
                &bench_dir,
                aws_operations,
                options.runs,
            )?;
            println!();
            print!(
                "{}",
                compile::render(
                    "a consumer's clean build from an empty target directory, default features, debug",
                    &t,
                    &rustc
                )
            );
            consumer = Some(t);
        }
    }
    if !options.compile {
        println!("\ncompile time: not measured (add --compile; it takes several minutes)");
    }
    if !options.consumer {
        println!("\nconsumer build: not measured (add --consumer; it takes many minutes)");
    }

    let summary = json!({
        "runs": options.runs,
        "rustc": rustc.version,
        "generation": generation_json(&generation),
        "lines": sizes_json(&sizes),
        "per_call": per_call.as_ref().map_or_else(|| json!({ "measured": false }), per_call::json),
        "compile": compile::json(compiled.as_ref(), projects.as_ref()),
        "consumer": compile::json(consumer.as_ref(), projects.as_ref()),
    });
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

/// Our crates the per-call program calls, by path, without their default TLS feature (it brings
/// its own plain-HTTP client).
pub const PER_CALL_CRATES: &[&str] = &["bedrockagentcore", "partnercentralaccount"];

/// The manifest of the scratch project: the aws-sdk-rust crates, plus what the per-call program
/// needs: [`PER_CALL_CRATES`] by path under `root` (the workspace root), [`PER_CALL_DEPS`]
/// pinned as in `root_manifest` (the text of the root `Cargo.toml`), and `libc` for the
/// thread CPU clock.
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
        "# `src/bin/per_call.rs` (`cargo xtask bench --per-call`): our crates, and the\n# shared dependencies pinned to the versions of the workspace.\n",
    );
    for krate in PER_CALL_CRATES {
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
    out.push_str("libc = \"0.2\"\n");
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
    write_if_changed(&dir.join("src/bin/per_call.rs"), per_call::PROGRAM)?;
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
// The toolchain

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

// ---------------------------------------------------------------------------------------------
// Summary

fn files_json(files: &[CountedFile]) -> Value {
    files
        .iter()
        .map(|f| json!({ "path": f.path, "lines": f.lines }))
        .collect()
}

fn generation_json(generation: &Generation) -> Value {
    json!({
        "runs": generation.runs.len(),
        "crates": generation.crates,
        "best_ms": millis(generation.best()),
        "median_ms": millis(generation.median()),
        "xtask_profile": profile(),
    })
}

fn sizes_json(sizes: &[ServiceSize]) -> Value {
    let services: Vec<Value> = sizes
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
    json!({ "rules": SELECTION_RULES, "services": services })
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
            "partnercentralaccount = { path = \"/w/crates/partnercentralaccount\", default-features = false }\n"
        ));
        assert!(manifest.contains("\nlibc = \"0.2\"\n"));
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
    fn arguments() {
        let parse = |a: &[&str]| parse_args(&strings(a));
        let base = Options {
            runs: DEFAULT_RUNS,
            per_call: false,
            calls: per_call::DEFAULT_CALLS,
            compile: false,
            consumer: false,
        };
        assert_eq!(parse(&[]), Ok(base.clone()));
        assert_eq!(
            parse(&["--runs", "5", "--compile"]),
            Ok(Options {
                runs: 5,
                compile: true,
                ..base.clone()
            })
        );
        assert_eq!(
            parse(&["--calls", "200", "--per-call", "--consumer"]),
            Ok(Options {
                per_call: true,
                calls: 200,
                consumer: true,
                ..base.clone()
            })
        );
        assert_eq!(
            parse(&["--all"]),
            Ok(Options {
                per_call: true,
                compile: true,
                consumer: true,
                ..base
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
