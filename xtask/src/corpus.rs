//! `cargo xtask corpus [--dir DIR] [--out DIR] [--build | --build-sample] [--only NAME,...]
//! [--summary FILE]`: the open-world test of the generator against the AWS model corpus.
//!
//! Every `*.json` file of the corpus directory (default `reference/aws-corpus` in the shared
//! directory: `SDK_SHARED_DIR`, or `../shared` beside the workspace) is loaded, resolved and
//! rendered in memory with [`codegen::generate_unformatted`], one model at a time, timed, and with a panic
//! caught so it is reported as that model's failure instead of hiding the others. A model whose
//! service shape carries only protocols the generator does not understand (restXml, awsQuery,
//! ec2Query, rpcv2Cbor) is reported as "unsupported protocol", which is not a failure; that is
//! decided from the loaded model's traits, not from error messages.
//!
//! The generated crates are written into one standalone workspace under `--out` (default
//! `target/corpus`), with this repository's `Cargo.lock` and its runtime crates by path. `--build`
//! then builds every generated crate, `--build-sample` only the crates of [`SAMPLE`], one
//! `cargo build -p` per crate (timed) in this workspace's target directory (or `CARGO_TARGET_DIR`),
//! after one build of the shared runtime dependencies.
//!
//! The command prints a row per model, the operations left out with the generator's reasons, the
//! crates that do not build with their first compiler errors, and totals; it writes a JSON summary
//! (default `<out>/summary.json`) and fails when a model fails to generate or a crate to build.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Instant;

use codegen::GeneratedCrate;
use codegen::model::{ProtocolTrait, Traits};
use serde_json::{Value, json};

use crate::codegen::{standalone_manifest, workspace_root, write_crates};
use crate::reference::shared_dir;

const USAGE: &str = "usage: cargo xtask corpus [--dir DIR] [--out DIR] [--build | --build-sample] [--only NAME,...] [--summary FILE]";

/// The corpus, relative to the shared directory.
pub const CORPUS_DIR: &str = "reference/aws-corpus";

/// The models `--build-sample` builds: a cross-section of the corpus that CI can afford, and why
/// each one is in it. `cargo xtask corpus --build` builds every model.
///
/// Budget: at most about six minutes of debug builds on 2 cores once the runtime dependencies are
/// built. Measured on a 2-core machine shared with other builds (load average 5 to 8), the sample
/// took 386 s wall clock and about 200 s of CPU time; iot was 118 to 166 s of it. The next larger
/// candidate, connect (379 operations, 2,614 shapes), took 178 s wall (143 s CPU) on its own and
/// would push the sample past the budget; api-gateway (124 operations, 51 s) was left out for
/// the same reason, iot covering its label bindings.
///
/// No corpus model has a paginator whose output token is not a string: every `@paginated`
/// operation of the corpus (1,075, with the service's default `@paginated` applied) has an
/// `outputToken` member that targets a string, and there is no `LastEvaluatedKey`-style map token
/// (DynamoDB, which has one, is not in the corpus). Token paging is covered by account, glacier
/// (`marker` in, `Marker` out) and iot (64 paginated operations).
pub const SAMPLE: &[(&str, &str)] = &[
    (
        "account-2021-02-01.json",
        "restJson1, small (15 operations): header bindings, a token paginator",
    ),
    (
        "dynamodb-streams-2012-08-10.json",
        "awsJson1_0, the smallest JSON-RPC service (4 operations)",
    ),
    (
        "cloudwatch-2010-08-01.json",
        "awsQueryCompatible; awsJson1_0 chosen among awsJson1_0, awsQuery and rpcv2Cbor",
    ),
    (
        "cognito-identity-2014-06-30.json",
        "awsJson1_1; 4 operations with `smithy.api#auth: []` and `smithy.api#optionalAuth`",
    ),
    (
        "firehose-2015-08-04.json",
        "awsJson1_1, Unicode in the documentation, 135 structures for 12 operations",
    ),
    (
        "customer-profiles-2020-08-15.json",
        "restJson1, the most non-ASCII documentation in the corpus, 107 operations",
    ),
    (
        "geo-routes-2020-11-19.json",
        "restJson1, Unicode documentation, 5 operations over 496 deeply nested shapes",
    ),
    (
        "glacier-2012-06-01.json",
        "restJson1: streaming blob payload, 26 header bindings, `marker` / `Marker` paging",
    ),
    (
        "transcribe-streaming-2017-10-26.json",
        "restJson1, 4 of 5 operations are event streams, left out with a reason",
    ),
    (
        "iot-2015-05-28.json",
        "restJson1, the largest model that fits the budget: 272 operations, 1,780 shapes, 185 label \
         bindings",
    ),
];

/// Every protocol trait a service shape may carry, in the order they are listed.
pub const PROTOCOL_TRAITS: &[&str] = &[
    "aws.protocols#restJson1",
    "aws.protocols#awsJson1_0",
    "aws.protocols#awsJson1_1",
    "aws.protocols#restXml",
    "aws.protocols#awsQuery",
    "aws.protocols#ec2Query",
    "smithy.protocols#rpcv2Cbor",
];

/// The awsQuery-compatibility flag of JSON protocols (a trait, but not a protocol).
pub const QUERY_COMPATIBLE: &str = "aws.protocols#awsQueryCompatible";

/// How many compiler error lines of a crate that does not build are reported.
const FIRST_ERRORS: usize = 5;

/// The protocols a service shape carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Protocols {
    /// Every protocol trait id on the shape, in [`PROTOCOL_TRAITS`] order (others sorted after).
    pub ids: Vec<String>,
    /// The protocol the generator understands and uses, when there is one.
    pub used: Option<String>,
    pub query_compatible: bool,
}

impl Protocols {
    /// Short names (`awsJson1_0`), comma-separated, with `+awsQueryCompatible` when flagged.
    pub fn display(&self) -> String {
        let mut names: Vec<&str> = self.ids.iter().map(|id| short_name(id)).collect();
        if self.query_compatible {
            names.push("+awsQueryCompatible");
        }
        if names.is_empty() {
            return "-".to_string();
        }
        names.join(",")
    }

    /// True when the shape carries protocol traits and the generator understands none of them.
    pub fn unsupported(&self) -> bool {
        self.used.is_none() && !self.ids.is_empty()
    }
}

/// `awsJson1_0` for `aws.protocols#awsJson1_0`.
pub fn short_name(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(_, name)| name)
}

/// The trait id of a protocol the generator understands.
pub fn protocol_trait_id(protocol: &ProtocolTrait) -> &'static str {
    match protocol {
        ProtocolTrait::RestJson1 => "aws.protocols#restJson1",
        ProtocolTrait::AwsJson1_0 => "aws.protocols#awsJson1_0",
        ProtocolTrait::AwsJson1_1 => "aws.protocols#awsJson1_1",
        ProtocolTrait::PlainRestJson => "sdkgen.protocols#restJson",
    }
}

/// The protocols of a loaded service shape: the understood one is in `traits.protocol`, the
/// others (and a second understood one) are kept verbatim in `traits.other`.
pub fn detect_protocols(traits: &Traits) -> Protocols {
    let used = traits.protocol.as_ref().map(protocol_trait_id);
    let mut ids: BTreeSet<&str> = traits
        .other
        .keys()
        .map(String::as_str)
        .filter(|id| PROTOCOL_TRAITS.contains(id))
        .collect();
    ids.extend(used);
    let rank = |id: &str| {
        PROTOCOL_TRAITS
            .iter()
            .position(|p| *p == id)
            .unwrap_or(PROTOCOL_TRAITS.len())
    };
    let mut ids: Vec<String> = ids.into_iter().map(str::to_string).collect();
    ids.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    Protocols {
        ids,
        used: used.map(str::to_string),
        query_compatible: traits.other.contains_key(QUERY_COMPATIBLE),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Generated,
    Unsupported,
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Generated => "generated",
            Status::Unsupported => "unsupported",
            Status::Failed => "failed",
        }
    }
}

/// An operation the generator left out, and its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub operation: String,
    pub reason: String,
}

/// Splits the generator's warnings (`<service>: operation <Op> left out: <reason>`) into left-out
/// operations and any other warnings.
pub fn parse_warnings(warnings: &[String]) -> (Vec<LeftOut>, Vec<String>) {
    let mut left_out = Vec::new();
    let mut other = Vec::new();
    for w in warnings {
        let parsed = w.split_once(" left out: ").and_then(|(head, reason)| {
            let (_, op) = head.rsplit_once(": operation ")?;
            Some(LeftOut {
                operation: op.to_string(),
                reason: reason.to_string(),
            })
        });
        match parsed {
            Some(l) => left_out.push(l),
            None => other.push(w.clone()),
        }
    }
    (left_out, other)
}

/// What `cargo build` said about one crate.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildResult {
    pub crate_name: String,
    pub ok: bool,
    pub seconds: f64,
    /// The number of `error` diagnostics.
    pub error_count: usize,
    /// The first of them (or the end of cargo's output when it printed no diagnostic).
    pub first_errors: Vec<String>,
}

/// One model file and what happened to it.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelResult {
    pub file: String,
    /// The service shape ids, comma-separated (empty when the model did not load).
    pub service: String,
    pub protocols: Protocols,
    pub status: Status,
    /// Why the model failed (the error, or the panic with its location).
    pub error: Option<String>,
    pub crates: Vec<String>,
    pub operations: usize,
    pub left_out: Vec<LeftOut>,
    /// Waiters (`smithy.waiters#waitable` entries) on the model's operations.
    pub waiters_in_model: usize,
    /// Waiters generated (the others are reported in `warnings`, or their operation is left out).
    pub waiters: usize,
    /// Generator warnings other than left-out operations.
    pub warnings: Vec<String>,
    pub generation_ms: f64,
    pub builds: Vec<BuildResult>,
}

/// Which generated crates to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildMode {
    None,
    All,
    Sample,
}

struct Args {
    dir: PathBuf,
    out: PathBuf,
    summary: Option<PathBuf>,
    build: BuildMode,
    only: Option<Vec<String>>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        dir: shared_dir().join(CORPUS_DIR),
        out: workspace_root().join("target/corpus"),
        summary: None,
        build: BuildMode::None,
        only: None,
    };
    let mut i = 0;
    while i < args.len() {
        let value = |i: usize| {
            args.get(i + 1)
                .filter(|v| !v.starts_with("--"))
                .cloned()
                .ok_or_else(|| format!("{} needs a value\n{USAGE}", args[i]))
        };
        match args[i].as_str() {
            "--dir" => parsed.dir = PathBuf::from(value(i)?),
            "--out" => parsed.out = PathBuf::from(value(i)?),
            "--summary" => parsed.summary = Some(PathBuf::from(value(i)?)),
            "--only" => {
                let names = value(i)?
                    .split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect();
                parsed.only = Some(names);
            }
            flag @ ("--build" | "--build-sample") => {
                if parsed.build != BuildMode::None {
                    return Err(format!("--build and --build-sample are exclusive\n{USAGE}"));
                }
                parsed.build = if flag == "--build" {
                    BuildMode::All
                } else {
                    BuildMode::Sample
                };
                i += 1;
                continue;
            }
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
        i += 2;
    }
    Ok(parsed)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let args = parse_args(args)?;
    let started = Instant::now();
    if !args.dir.is_dir() {
        eprintln!("==================================================================");
        eprintln!("CORPUS NOT RUN: the model corpus directory is missing:");
        eprintln!("  {}", args.dir.display());
        eprintln!(
            "Set SDK_SHARED_DIR to the shared directory that holds {CORPUS_DIR}, or pass --dir."
        );
        eprintln!("==================================================================");
        return Err(format!(
            "{} is missing: the AWS model corpus is needed",
            args.dir.display()
        ));
    }
    let files = select_models(&args.dir, args.only.as_deref())?;
    if files.is_empty() {
        return Err(format!("{}: no *.json model files", args.dir.display()));
    }
    println!(
        "generating {} model(s) from {}",
        files.len(),
        args.dir.display()
    );
    let (mut results, crates) = generate_all(&files);

    fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    write_workspace(&args.out, &crates, args.only.is_none())?;
    println!(
        "{} crate(s) written into {}",
        crates.len(),
        args.out.display()
    );

    print!("{}", render_table(&results));
    print!("{}", render_details(&results));
    print!("{}", render_totals(&results));

    let mut problems = Vec::new();
    if args.build != BuildMode::None {
        let wanted = build_selection(&results, args.build, args.only.is_some())?;
        for (file, why) in &wanted.not_built {
            problems.push(format!("{file}: in the build sample but not built: {why}"));
        }
        let build_started = Instant::now();
        build_crates(&args.out, &mut results, &wanted.crates)?;
        let seconds = build_started.elapsed().as_secs_f64();
        print!("{}", render_builds(&results, seconds));
    }

    let summary_path = args
        .summary
        .clone()
        .unwrap_or_else(|| args.out.join("summary.json"));
    let summary = summary_json(&args.dir, &results, args.build);
    let text = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
    if let Some(parent) = summary_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(&summary_path, text + "\n")
        .map_err(|e| format!("{}: {e}", summary_path.display()))?;
    println!("summary written to {}", summary_path.display());
    println!("corpus run took {:.1} s", started.elapsed().as_secs_f64());

    let failed: Vec<&ModelResult> = results
        .iter()
        .filter(|r| r.status == Status::Failed)
        .collect();
    if !failed.is_empty() {
        problems.push(format!(
            "{} model(s) failed to generate: {}",
            failed.len(),
            failed
                .iter()
                .map(|r| r.file.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let unbuilt: Vec<&str> = results
        .iter()
        .flat_map(|r| &r.builds)
        .filter(|b| !b.ok)
        .map(|b| b.crate_name.as_str())
        .collect();
    if !unbuilt.is_empty() {
        problems.push(format!(
            "{} crate(s) do not build: {}",
            unbuilt.len(),
            unbuilt.join(", ")
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(problems.join("\n       "))
}

/// The `*.json` files of `dir`, sorted; with `only`, just the named ones (file name, with or
/// without `.json`), every name having to match a file.
fn select_models(dir: &Path, only: Option<&[String]>) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let Some(only) = only else {
        return Ok(files);
    };
    let wanted: BTreeSet<String> = only
        .iter()
        .map(|n| n.strip_suffix(".json").unwrap_or(n).to_string())
        .collect();
    let stem = |p: &PathBuf| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let found: BTreeSet<String> = files.iter().map(stem).collect();
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|w| !found.contains(*w))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "--only: no model file {} in {}",
            missing.join(", "),
            dir.display()
        ));
    }
    files.retain(|p| wanted.contains(&stem(p)));
    Ok(files)
}

/// The message and location of the last panic, recorded by the hook [`generate_all`] installs.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Generates every model, one at a time, a panic being that model's failure. Returns the results
/// and the crates to write (a crate name generated twice fails the later model).
fn generate_all(files: &[PathBuf]) -> (Vec<ModelResult>, Vec<GeneratedCrate>) {
    // Record panics instead of printing them (with a backtrace) in the middle of the table.
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let message = info
            .payload_as_str()
            .unwrap_or("(a panic without a message)");
        let text = match info.location() {
            Some(l) => format!(
                "panicked at {}:{}:{}: {message}",
                l.file(),
                l.line(),
                l.column()
            ),
            None => format!("panicked: {message}"),
        };
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(text);
        }
    }));
    let mut results = Vec::new();
    let mut crates: Vec<GeneratedCrate> = Vec::new();
    let mut owners: BTreeMap<String, String> = BTreeMap::new();
    for path in files {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| generate_one(path, &file)));
        let (mut result, generated) = match outcome {
            Ok(r) => r,
            Err(payload) => {
                let message = LAST_PANIC
                    .lock()
                    .ok()
                    .and_then(|mut last| last.take())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panicked".to_string());
                // What is known before generation is reported again, cheaply and without panics
                // being likely: the service and its protocols.
                let (service, protocols, waiters_in_model) = describe(path).unwrap_or_default();
                (
                    ModelResult {
                        file: file.clone(),
                        service,
                        protocols,
                        status: Status::Failed,
                        error: Some(message),
                        crates: Vec::new(),
                        operations: 0,
                        left_out: Vec::new(),
                        waiters_in_model,
                        waiters: 0,
                        warnings: Vec::new(),
                        generation_ms: 0.0,
                        builds: Vec::new(),
                    },
                    Vec::new(),
                )
            }
        };
        let mut accepted = Vec::new();
        for c in generated {
            if let Some(owner) = owners.get(&c.crate_name) {
                result.status = Status::Failed;
                result.error = Some(format!(
                    "generates a crate named `{}`, as {owner} does",
                    c.crate_name
                ));
                accepted.clear();
                break;
            }
            accepted.push(c);
        }
        for c in &accepted {
            owners.insert(c.crate_name.clone(), file.clone());
        }
        if result.status != Status::Generated {
            result.crates.clear();
        }
        crates.extend(accepted);
        results.push(result);
    }
    panic::set_hook(previous);
    (results, crates)
}

/// The service shape ids, protocols and number of waiters of a model, from a plain load.
fn describe(path: &Path) -> Result<(String, Protocols, usize), String> {
    let model = codegen::model::load_model(&[path.to_path_buf()]).map_err(|e| e.to_string())?;
    let services: Vec<_> = model.services().collect();
    let ids: Vec<String> = services.iter().map(|s| s.id.to_string()).collect();
    let mut protocols = Protocols::default();
    for s in &services {
        let p = detect_protocols(&s.traits);
        for id in p.ids {
            if !protocols.ids.contains(&id) {
                protocols.ids.push(id);
            }
        }
        protocols.used = protocols.used.or(p.used);
        protocols.query_compatible |= p.query_compatible;
    }
    let waiters = model
        .shapes
        .values()
        .filter(|s| matches!(s.kind, codegen::model::ShapeKind::Operation(_)))
        .filter_map(|s| s.traits.other.get("smithy.waiters#waitable"))
        .filter_map(|w| w.as_object())
        .map(|w| w.len())
        .sum();
    Ok((ids.join(", "), protocols, waiters))
}

/// Loads one model for its protocols and, when the generator understands one, generates it in
/// memory (timed: load, IR and render, as [`codegen::generate_unformatted`] does them).
fn generate_one(path: &Path, file: &str) -> (ModelResult, Vec<GeneratedCrate>) {
    let mut result = ModelResult {
        file: file.to_string(),
        service: String::new(),
        protocols: Protocols::default(),
        status: Status::Failed,
        error: None,
        crates: Vec::new(),
        operations: 0,
        left_out: Vec::new(),
        waiters_in_model: 0,
        waiters: 0,
        warnings: Vec::new(),
        generation_ms: 0.0,
        builds: Vec::new(),
    };
    match describe(path) {
        Ok((service, protocols, waiters)) => {
            result.service = service;
            result.protocols = protocols;
            result.waiters_in_model = waiters;
        }
        Err(e) => {
            result.error = Some(e);
            return (result, Vec::new());
        }
    }
    if result.protocols.unsupported() {
        result.status = Status::Unsupported;
        return (result, Vec::new());
    }
    let start = Instant::now();
    let generated = codegen::generate_unformatted(&[path.to_path_buf()]);
    result.generation_ms = start.elapsed().as_secs_f64() * 1000.0;
    match generated {
        Ok(crates) => {
            result.status = Status::Generated;
            for c in &crates {
                result.crates.push(c.crate_name.clone());
                result.operations += operation_count(c);
                result.waiters += waiter_count(c);
                let (left_out, other) = parse_warnings(&c.warnings);
                result.left_out.extend(left_out);
                result.warnings.extend(other);
            }
            (result, crates)
        }
        Err(e) => {
            result.error = Some(e);
            (result, Vec::new())
        }
    }
}

/// The waiters of a generated crate: the modules of its `src/waiters.rs`.
fn waiter_count(c: &GeneratedCrate) -> usize {
    c.files
        .iter()
        .filter(|f| f.path == "src/waiters.rs")
        .flat_map(|f| f.contents.lines())
        .filter(|l| l.starts_with("pub mod "))
        .count()
}

/// The operations of a generated crate: its `src/operation/*.rs` modules.
fn operation_count(c: &GeneratedCrate) -> usize {
    c.files
        .iter()
        .filter(|f| {
            f.path
                .strip_prefix("src/operation/")
                .is_some_and(|rest| rest.ends_with(".rs") && !rest.contains('/'))
        })
        .count()
}

/// Writes the crates and a workspace manifest listing them, with this repository's lock file.
fn write_workspace(
    out: &Path,
    crates: &[GeneratedCrate],
    remove_stale: bool,
) -> Result<(), String> {
    write_crates(out, crates, remove_stale)?;
    let members: Vec<&str> = crates.iter().map(|c| c.crate_name.as_str()).collect();
    let manifest = standalone_manifest(
        "# Code generated by `cargo xtask codegen`. DO NOT EDIT.\n\
         # Written by `cargo xtask corpus`: the crates of the AWS model corpus.\n",
        &members,
    )?;
    fs::write(out.join("Cargo.toml"), manifest).map_err(|e| format!("{}: {e}", out.display()))?;
    // Always from the repository's lock file, so the crates build against the versions CI tests.
    let lock = workspace_root().join("Cargo.lock");
    if lock.is_file() {
        fs::copy(&lock, out.join("Cargo.lock")).map_err(|e| format!("{}: {e}", lock.display()))?;
    }
    Ok(())
}

struct Selection {
    /// (model file, crate) pairs to build, in model order.
    crates: Vec<(String, String)>,
    /// Sample models that cannot be built, and why.
    not_built: Vec<(String, String)>,
}

/// The crates to build: every generated crate, or those of the sample models.
fn build_selection(
    results: &[ModelResult],
    mode: BuildMode,
    only: bool,
) -> Result<Selection, String> {
    let mut selection = Selection {
        crates: Vec::new(),
        not_built: Vec::new(),
    };
    if mode == BuildMode::Sample && !only {
        let files: BTreeSet<&str> = results.iter().map(|r| r.file.as_str()).collect();
        let missing: Vec<&str> = SAMPLE
            .iter()
            .map(|(f, _)| *f)
            .filter(|f| !files.contains(f))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "the build sample names model files the corpus does not have: {}",
                missing.join(", ")
            ));
        }
    }
    for r in results {
        let sampled = SAMPLE.iter().any(|(f, _)| *f == r.file);
        if mode == BuildMode::Sample && !sampled {
            continue;
        }
        match r.status {
            Status::Generated => selection
                .crates
                .extend(r.crates.iter().map(|c| (r.file.clone(), c.clone()))),
            Status::Failed if mode == BuildMode::Sample => selection
                .not_built
                .push((r.file.clone(), "generation failed".to_string())),
            Status::Unsupported if mode == BuildMode::Sample => selection
                .not_built
                .push((r.file.clone(), "unsupported protocol".to_string())),
            _ => {}
        }
    }
    Ok(selection)
}

fn flush() {
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// The target directory: `CARGO_TARGET_DIR`, or this workspace's, so the runtime dependencies
/// built by the workspace's own builds are reused.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// Builds the runtime dependencies once, then each crate with its own `cargo build -p`, timed;
/// the outcome goes into the crate's model result. Logs go to `<out>/logs/<crate>.log`.
fn build_crates(
    out: &Path,
    results: &mut [ModelResult],
    crates: &[(String, String)],
) -> Result<(), String> {
    if crates.is_empty() {
        println!("no crate to build");
        return Ok(());
    }
    let manifest = out.join("Cargo.toml");
    let logs = out.join("logs");
    fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let target = target_dir();
    println!(
        "building {} crate(s) (target directory {})",
        crates.len(),
        target.display()
    );
    // The dependencies every generated crate shares: sdk-runtime, selected on its own, builds with
    // its default features, which is what the generated crates ask for. Each crate's time below
    // is then its own.
    print!("  dependencies (sdk-runtime and what it uses) ... ");
    flush();
    let start = Instant::now();
    let deps = Command::new(cargo())
        .args(["build", "--keep-going", "--message-format", "short"])
        .args(["-p", "sdk-runtime"])
        .arg("--manifest-path")
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let log = logs.join("sdk-runtime.log");
    fs::write(&log, &deps.stderr).map_err(|e| format!("{}: {e}", log.display()))?;
    if !deps.status.success() {
        println!("FAILED");
        return Err(format!(
            "the runtime dependencies do not build ({}); see {}",
            deps.status,
            log.display()
        ));
    }
    println!("built in {:.1} s", start.elapsed().as_secs_f64());
    for (file, name) in crates {
        print!("  {name} ({file}) ... ");
        flush();
        let start = Instant::now();
        let output = Command::new(cargo())
            .args(["build", "--keep-going", "--message-format", "short", "-p"])
            .arg(name)
            .arg("--manifest-path")
            .arg(&manifest)
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        let seconds = start.elapsed().as_secs_f64();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let log = logs.join(format!("{name}.log"));
        fs::write(&log, stderr.as_bytes()).map_err(|e| format!("{}: {e}", log.display()))?;
        let (error_count, first_errors) = if output.status.success() {
            (0, Vec::new())
        } else {
            first_errors(&stderr, FIRST_ERRORS)
        };
        let build = BuildResult {
            crate_name: name.clone(),
            ok: output.status.success(),
            seconds,
            error_count,
            first_errors,
        };
        println!(
            "{} in {seconds:.1} s",
            if build.ok {
                "built".to_string()
            } else {
                format!("FAILED, {} error(s)", build.error_count)
            }
        );
        if let Some(r) = results.iter_mut().find(|r| r.file == *file) {
            r.builds.push(build);
        }
    }
    Ok(())
}

/// The number of error diagnostics in cargo's `--message-format short` output and the first
/// `limit` of them; when there are none (cargo itself failed), the last lines of the output.
pub fn first_errors(stderr: &str, limit: usize) -> (usize, Vec<String>) {
    let errors: Vec<&str> = stderr
        .lines()
        .map(str::trim_end)
        .filter(|l| l.contains(": error[") || l.contains(": error:"))
        .collect();
    if errors.is_empty() {
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        let tail = lines[lines.len().saturating_sub(limit)..]
            .iter()
            .map(|l| l.to_string())
            .collect();
        return (0, tail);
    }
    (
        errors.len(),
        errors.iter().take(limit).map(|l| l.to_string()).collect(),
    )
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// A fixed-width table: the first row is the header; numeric columns (`right`) align right.
fn table(rows: &[Vec<String>], right: &[bool]) -> String {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let pad = widths[c] - cell.chars().count();
            if right.get(c).copied().unwrap_or(false) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The row per model.
pub fn render_table(results: &[ModelResult]) -> String {
    let mut rows = vec![
        [
            "file",
            "service",
            "protocols",
            "status",
            "ops",
            "left out",
            "ms",
        ]
        .map(str::to_string)
        .to_vec(),
    ];
    for r in results {
        let status = match r.status {
            Status::Generated => "generated".to_string(),
            Status::Unsupported => "unsupported protocol".to_string(),
            Status::Failed
                if r.error
                    .as_deref()
                    .is_some_and(|e| e.starts_with("panicked")) =>
            {
                "FAILED (panic)".to_string()
            }
            Status::Failed => "FAILED (error)".to_string(),
        };
        let generated = r.status == Status::Generated;
        rows.push(vec![
            r.file.clone(),
            r.service.clone(),
            r.protocols.display(),
            status,
            if generated {
                r.operations.to_string()
            } else {
                "-".to_string()
            },
            if generated {
                r.left_out.len().to_string()
            } else {
                "-".to_string()
            },
            if generated {
                format!("{:.1}", r.generation_ms)
            } else {
                "-".to_string()
            },
        ]);
    }
    let mut out = String::from("\n");
    out.push_str(&table(
        &rows,
        &[false, false, false, false, true, true, true],
    ));
    out
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(3)).collect();
    format!("{cut}...")
}

/// Under the table: every left-out operation with its reason, other warnings, and failures.
pub fn render_details(results: &[ModelResult]) -> String {
    let mut out = String::new();
    let left_out: Vec<_> = results
        .iter()
        .flat_map(|r| r.left_out.iter().map(move |l| (r, l)))
        .collect();
    if !left_out.is_empty() {
        let _ = writeln!(out, "\noperations left out ({}):", left_out.len());
        for (r, l) in left_out {
            let _ = writeln!(out, "  {}: {}: {}", r.file, l.operation, l.reason);
        }
    }
    let warnings: Vec<_> = results
        .iter()
        .flat_map(|r| r.warnings.iter().map(move |w| (r, w)))
        .collect();
    if !warnings.is_empty() {
        let _ = writeln!(out, "\nother generator warnings ({}):", warnings.len());
        for (r, w) in warnings {
            let _ = writeln!(out, "  {}: {w}", r.file);
        }
    }
    let failed: Vec<_> = results
        .iter()
        .filter(|r| r.status == Status::Failed)
        .collect();
    if !failed.is_empty() {
        let _ = writeln!(
            out,
            "\nfailures ({}; the full messages are in the summary):",
            failed.len()
        );
        for r in failed {
            // The first line, shortened: panic messages can quote whole documentation strings.
            let message = first_line(r.error.as_deref().unwrap_or("(no message)"));
            let _ = writeln!(out, "  {}: {}", r.file, truncate(message, 300));
        }
    }
    out
}

/// Counts over all models.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    pub models: usize,
    pub generated: usize,
    pub unsupported: usize,
    pub failed: usize,
    pub operations: usize,
    pub left_out: usize,
    pub waiters_in_model: usize,
    pub waiters: usize,
    pub total_ms: f64,
    pub max_ms: f64,
    /// The model that took `max_ms`.
    pub slowest: Option<String>,
}

pub fn totals(results: &[ModelResult]) -> Totals {
    let mut t = Totals {
        models: results.len(),
        ..Totals::default()
    };
    for r in results {
        match r.status {
            Status::Generated => t.generated += 1,
            Status::Unsupported => t.unsupported += 1,
            Status::Failed => t.failed += 1,
        }
        t.operations += r.operations;
        t.left_out += r.left_out.len();
        t.waiters_in_model += r.waiters_in_model;
        t.waiters += r.waiters;
        t.total_ms += r.generation_ms;
        if r.generation_ms > t.max_ms {
            t.max_ms = r.generation_ms;
            t.slowest = Some(r.file.clone());
        }
    }
    t
}

pub fn render_totals(results: &[ModelResult]) -> String {
    let t = totals(results);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nmodels: {}, generated: {}, unsupported protocol: {}, failed: {}",
        t.models, t.generated, t.unsupported, t.failed
    );
    let _ = writeln!(
        out,
        "operations: {} generated, {} left out",
        t.operations, t.left_out
    );
    let _ = writeln!(
        out,
        "waiters: {} generated of {} in the models",
        t.waiters, t.waiters_in_model
    );
    let _ = writeln!(
        out,
        "generation time: {:.1} ms in total, {:.1} ms at most{}",
        t.total_ms,
        t.max_ms,
        t.slowest
            .as_deref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default()
    );
    out
}

/// The build results: a row per built crate, then the first errors of each that failed.
pub fn render_builds(results: &[ModelResult], seconds: f64) -> String {
    let builds: Vec<(&ModelResult, &BuildResult)> = results
        .iter()
        .flat_map(|r| r.builds.iter().map(move |b| (r, b)))
        .collect();
    let mut out = String::new();
    if builds.is_empty() {
        return out;
    }
    let mut rows = vec![
        ["crate", "model", "ops", "build", "seconds"]
            .map(str::to_string)
            .to_vec(),
    ];
    for (r, b) in &builds {
        rows.push(vec![
            b.crate_name.clone(),
            r.file.clone(),
            r.operations.to_string(),
            if b.ok {
                "ok".to_string()
            } else {
                format!("FAILED ({} errors)", b.error_count)
            },
            format!("{:.1}", b.seconds),
        ]);
    }
    out.push('\n');
    out.push_str(&table(&rows, &[false, false, true, false, true]));
    let failed: Vec<_> = builds.iter().filter(|(_, b)| !b.ok).collect();
    if !failed.is_empty() {
        let _ = writeln!(out, "\ncrates that do not build ({}):", failed.len());
        for (r, b) in failed {
            let _ = writeln!(
                out,
                "  {} ({}), {} error(s); first ones:",
                b.crate_name, r.file, b.error_count
            );
            for e in &b.first_errors {
                let _ = writeln!(out, "    {e}");
            }
        }
    }
    let ok = builds.iter().filter(|(_, b)| b.ok).count();
    let _ = writeln!(
        out,
        "\nbuilt: {ok} of {} crate(s) in {seconds:.1} s (dependencies included)",
        builds.len()
    );
    out
}

/// The JSON summary.
pub fn summary_json(dir: &Path, results: &[ModelResult], build: BuildMode) -> Value {
    let t = totals(results);
    let models: Vec<Value> = results
        .iter()
        .map(|r| {
            json!({
                "file": r.file,
                "service": r.service,
                "protocols": r.protocols.ids.iter().map(|p| short_name(p)).collect::<Vec<_>>(),
                "protocol_used": r.protocols.used.as_deref().map(short_name),
                "aws_query_compatible": r.protocols.query_compatible,
                "status": r.status.as_str(),
                "error": r.error,
                "crates": r.crates,
                "operations_generated": r.operations,
                "operations_left_out": r.left_out.iter().map(|l| json!({
                    "operation": l.operation,
                    "reason": l.reason,
                })).collect::<Vec<_>>(),
                "waiters_in_model": r.waiters_in_model,
                "waiters_generated": r.waiters,
                "warnings": r.warnings,
                "generation_ms": round(r.generation_ms, 2),
                "builds": r.builds.iter().map(|b| json!({
                    "crate": b.crate_name,
                    "status": if b.ok { "ok" } else { "failed" },
                    "seconds": round(b.seconds, 2),
                    "error_count": b.error_count,
                    "first_errors": b.first_errors,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let builds: Vec<&BuildResult> = results.iter().flat_map(|r| &r.builds).collect();
    json!({
        "dir": dir.display().to_string(),
        "build": build.name(),
        "totals": {
            "models": t.models,
            "generated": t.generated,
            "unsupported": t.unsupported,
            "failed": t.failed,
            "operations_generated": t.operations,
            "operations_left_out": t.left_out,
            "waiters_in_model": t.waiters_in_model,
            "waiters_generated": t.waiters,
            "generation_ms_total": round(t.total_ms, 2),
            "generation_ms_max": round(t.max_ms, 2),
            "slowest": t.slowest,
            "crates_built": builds.iter().filter(|b| b.ok).count(),
            "crates_failed_to_build": builds.iter().filter(|b| !b.ok).count(),
            "build_seconds": round(builds.iter().map(|b| b.seconds).sum(), 2),
        },
        "models": models,
    })
}

impl BuildMode {
    /// The `build` field of the summary: `null`, `"all"` or `"sample"`.
    fn name(self) -> Value {
        match self {
            BuildMode::None => Value::Null,
            BuildMode::All => json!("all"),
            BuildMode::Sample => json!("sample"),
        }
    }
}

fn round(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traits(json: &str) -> Traits {
        let value: serde_json::Map<String, Value> = serde_json::from_str(json).unwrap();
        Traits::parse("service.json", "/shapes/S/traits", &value).unwrap()
    }

    #[test]
    fn every_protocol_of_the_service_shape_is_listed() {
        let p = detect_protocols(&traits(
            r#"{
                "smithy.protocols#rpcv2Cbor": {},
                "aws.protocols#awsQuery": {},
                "aws.protocols#awsQueryCompatible": {},
                "aws.protocols#awsJson1_0": {},
                "aws.auth#sigv4": {"name": "monitoring"}
            }"#,
        ));
        assert_eq!(
            p.ids,
            [
                "aws.protocols#awsJson1_0",
                "aws.protocols#awsQuery",
                "smithy.protocols#rpcv2Cbor"
            ]
        );
        assert_eq!(p.used.as_deref(), Some("aws.protocols#awsJson1_0"));
        assert!(p.query_compatible);
        assert!(!p.unsupported());
        assert_eq!(
            p.display(),
            "awsJson1_0,awsQuery,rpcv2Cbor,+awsQueryCompatible"
        );
    }

    #[test]
    fn only_unsupported_protocols_is_unsupported() {
        for id in [
            "aws.protocols#restXml",
            "aws.protocols#awsQuery",
            "aws.protocols#ec2Query",
        ] {
            let p = detect_protocols(&traits(&format!(r#"{{"{id}": {{}}}}"#)));
            assert!(p.unsupported(), "{id}");
            assert_eq!(p.ids, [id]);
        }
        let p = detect_protocols(&traits(r#"{"smithy.protocols#rpcv2Cbor": {}}"#));
        assert!(p.unsupported());
        // No protocol trait at all is left to the generator (which reports its own error).
        let p = detect_protocols(&traits(r#"{"aws.auth#sigv4": {"name": "x"}}"#));
        assert!(!p.unsupported());
        assert_eq!(p.display(), "-");
        // Two understood protocols: both listed, the generator's choice is `used`.
        let p = detect_protocols(&traits(
            r#"{"aws.protocols#awsJson1_1": {}, "aws.protocols#restJson1": {}}"#,
        ));
        assert_eq!(
            p.ids,
            ["aws.protocols#restJson1", "aws.protocols#awsJson1_1"]
        );
        assert!(p.used.is_some());
    }

    #[test]
    fn left_out_operations_are_split_from_warnings() {
        let (left_out, other) = parse_warnings(&[
            "com.amazonaws.transcribestreaming#Transcribe: operation StartStreamTranscription left out: event streams are not supported: member AudioStream".to_string(),
            "something else".to_string(),
        ]);
        assert_eq!(
            left_out,
            [LeftOut {
                operation: "StartStreamTranscription".to_string(),
                reason: "event streams are not supported: member AudioStream".to_string(),
            }]
        );
        assert_eq!(other, ["something else"]);
    }

    #[test]
    fn first_errors_come_from_short_diagnostics() {
        let stderr = "   Compiling x v0.1.0 (/tmp/x)\n\
            x/src/lib.rs:1:5: warning: unused import\n\
            x/src/types.rs:10:1: error[E0412]: cannot find type `Foo` in this scope\n\
            x/src/types.rs:12:1: error: expected item, found `<`\n\
            error: could not compile `x` (lib) due to 2 previous errors; 1 warning emitted\n";
        let (count, first) = first_errors(stderr, 1);
        assert_eq!(count, 2);
        assert_eq!(
            first,
            ["x/src/types.rs:10:1: error[E0412]: cannot find type `Foo` in this scope"]
        );
        let (count, first) = first_errors("error: package `y` not found\n", 5);
        assert_eq!(count, 0);
        assert_eq!(first, ["error: package `y` not found"]);
    }

    fn result(file: &str, status: Status, operations: usize, ms: f64) -> ModelResult {
        ModelResult {
            file: file.to_string(),
            service: format!("com.example#{file}"),
            protocols: Protocols {
                ids: vec!["aws.protocols#restJson1".to_string()],
                used: Some("aws.protocols#restJson1".to_string()),
                query_compatible: false,
            },
            status,
            error: (status == Status::Failed).then(|| "panicked at x.rs:1:1: boom\nmore".into()),
            crates: vec![file.to_string()],
            operations,
            left_out: Vec::new(),
            waiters_in_model: 0,
            waiters: 0,
            warnings: Vec::new(),
            generation_ms: ms,
            builds: Vec::new(),
        }
    }

    #[test]
    fn totals_table_and_summary() {
        let mut a = result("a.json", Status::Generated, 3, 1.5);
        a.left_out.push(LeftOut {
            operation: "Stream".to_string(),
            reason: "event streams".to_string(),
        });
        a.builds.push(BuildResult {
            crate_name: "a".to_string(),
            ok: false,
            seconds: 2.25,
            error_count: 1,
            first_errors: vec!["a/src/lib.rs:1:1: error: boom".to_string()],
        });
        let b = result("b.json", Status::Failed, 0, 0.0);
        let mut c = result("c.json", Status::Unsupported, 0, 0.0);
        c.protocols = Protocols {
            ids: vec!["aws.protocols#restXml".to_string()],
            used: None,
            query_compatible: false,
        };
        let results = vec![a, b, c];
        let t = totals(&results);
        assert_eq!(
            (
                t.models,
                t.generated,
                t.unsupported,
                t.failed,
                t.operations,
                t.left_out
            ),
            (3, 1, 1, 1, 3, 1)
        );
        assert_eq!(t.slowest.as_deref(), Some("a.json"));

        let table = render_table(&results);
        assert!(table.contains("unsupported protocol"), "{table}");
        assert!(table.contains("FAILED (panic)"), "{table}");
        let details = render_details(&results);
        assert!(
            details.contains("  b.json: panicked at x.rs:1:1: boom\n"),
            "{details}"
        );
        assert!(!details.contains("more"), "{details}");
        assert!(
            details.contains("  a.json: Stream: event streams\n"),
            "{details}"
        );
        let builds = render_builds(&results, 3.0);
        assert!(builds.contains("a/src/lib.rs:1:1: error: boom"), "{builds}");
        assert!(builds.contains("built: 0 of 1 crate(s)"), "{builds}");

        let s = summary_json(Path::new("corpus"), &results, BuildMode::Sample);
        assert_eq!(s["build"], "sample");
        assert_eq!(s["totals"]["failed"], 1);
        assert_eq!(s["totals"]["crates_failed_to_build"], 1);
        assert_eq!(
            s["models"][0]["operations_left_out"][0]["operation"],
            "Stream"
        );
        assert_eq!(s["models"][0]["builds"][0]["status"], "failed");
        assert_eq!(s["models"][0]["builds"][0]["seconds"], 2.25);
        assert_eq!(s["models"][1]["status"], "failed");
        assert_eq!(s["models"][2]["status"], "unsupported");
        assert_eq!(s["models"][2]["protocols"][0], "restXml");
    }
}
