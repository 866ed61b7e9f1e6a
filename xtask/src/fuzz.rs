//! `cargo xtask fuzz [models | responses | all] [--budget SECONDS] [--seed N] [--case I]`:
//! fuzzing on the stable toolchain, with a small seeded PRNG so every case reproduces.
//!
//! - `models`: mutates real models structurally (seeds: the AWS model corpus files under
//!   `../shared/reference/aws-corpus` up to [`MAX_SEED_BYTES`], the workspace's `models/*` and the
//!   fixtures under `tests/fixtures/*`) and runs the whole generator on each mutant
//!   ([`codegen::generate`]: load, IR, render), then `syn::parse_file` on every rendered `.rs`
//!   file. A case fails when the generator panics (in any thread), when a rendered file does not
//!   parse, or when a rejection does not name the file and a JSON path (`file: $...: message`).
//!   Mutations: renamed keys, deleted keys and elements, values of another JSON type, deep
//!   nesting, shapes that target themselves, Unicode and control characters in every string,
//!   oversized numbers, wrong shape types, duplicated keys, truncated or non-UTF-8 files.
//! - `responses`: runs the `fuzz_responses` test of the workspace-tests package (mutated and
//!   random responses to every operation of the generated crates through the real client; see
//!   `tests/tests/fuzz_responses.rs`) with this budget and seed.
//!
//! Case `i` of seed `s` depends on nothing else, so `--seed s --case i` replays one case. A
//! failing model case is saved under `tests/fuzz-crashes/models/` (replayed by
//! `xtask/tests/fuzz_regressions.rs`), a failing response case under
//! `tests/fuzz-crashes/responses/` (replayed by the `fuzz_responses` test); the run then exits
//! non-zero. The input of the case being run is always in `target/fuzz/models/current`, so a
//! case that aborts the process (a stack overflow cannot be caught) is not lost.

use std::fmt::Write as _;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value};

use crate::codegen::workspace_root;
use crate::reference::shared_dir;

/// Corpus models larger than this are not used as seeds (each case would take seconds).
pub const MAX_SEED_BYTES: u64 = 400 * 1024;

/// Where failing model cases are saved, relative to the workspace root.
pub const MODEL_CRASHES: &str = "tests/fuzz-crashes/models";

/// A small deterministic PRNG (SplitMix64): the same seed gives the same cases on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The generator of case `case` of run `seed`.
    pub fn for_case(seed: u64, case: u64) -> Self {
        let mut rng = Rng(seed ^ case.wrapping_mul(0xA076_1D64_78BD_642F));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `1 / n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Options {
    target: String,
    budget: Duration,
    seed: u64,
    case: Option<u64>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        target: "all".to_string(),
        budget: Duration::from_secs(60),
        seed: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64),
        case: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value"))
                .cloned()
        };
        match arg.as_str() {
            "models" | "responses" | "all" | "seeds" => options.target = arg.clone(),
            "--budget" => {
                let v = value("--budget")?;
                let secs: f64 = v
                    .parse()
                    .map_err(|_| format!("--budget {v}: not seconds"))?;
                options.budget = Duration::from_secs_f64(secs.max(0.0));
            }
            "--seed" => {
                let v = value("--seed")?;
                options.seed = v.parse().map_err(|_| format!("--seed {v}: not a number"))?;
            }
            "--case" => {
                let v = value("--case")?;
                options.case = Some(v.parse().map_err(|_| format!("--case {v}: not a number"))?);
            }
            other => {
                return Err(format!(
                    "fuzz: unknown argument `{other}`; usage: cargo xtask fuzz [models | responses | all] [--budget SECONDS] [--seed N] [--case I]"
                ));
            }
        }
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse_options(args)?;
    let root = workspace_root();
    println!(
        "fuzz {}: seed {} (replay with --seed {}), budget {:.0} s",
        options.target,
        options.seed,
        options.seed,
        options.budget.as_secs_f64()
    );
    if options.target == "seeds" {
        return check_seeds(&root);
    }
    let (model_budget, response_budget) = match options.target.as_str() {
        "models" => (options.budget, Duration::ZERO),
        "responses" => (Duration::ZERO, options.budget),
        _ => (options.budget / 2, options.budget / 2),
    };
    let mut failures = Vec::new();
    if options.target != "responses" {
        let report = fuzz_models(&root, options.seed, model_budget, options.case)?;
        println!("{report}");
        if report.crashes > 0 {
            failures.push(format!("{} failing model case(s)", report.crashes));
        }
    }
    if options.target != "models"
        && let Err(e) = fuzz_responses(&root, options.seed, response_budget, options.case)
    {
        failures.push(e);
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

/// Runs the response fuzzer (a test of the workspace-tests package) with this budget and seed.
fn fuzz_responses(
    root: &Path,
    seed: u64,
    budget: Duration,
    case: Option<u64>,
) -> Result<(), String> {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command
        .current_dir(root)
        .args([
            "test",
            "--quiet",
            "-p",
            "workspace-tests",
            "--test",
            "fuzz_responses",
            "--",
            "--nocapture",
            "--test-threads",
            "1",
            "fuzzed_responses_end_in_ok_or_a_typed_error",
            "saved_response_crashes_no_longer_fail",
        ])
        .env("FUZZ_BUDGET_SECS", format!("{}", budget.as_secs_f64()))
        .env("FUZZ_SEED", seed.to_string());
    if let Some(case) = case {
        command.env("FUZZ_CASE", case.to_string());
    }
    let status = command
        .status()
        .map_err(|e| format!("cannot run cargo test: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "the response fuzzer failed (seed {seed}); see its output above"
        ))
    }
}

// -------------------------------------------------------------------------------------------
// Models
// -------------------------------------------------------------------------------------------

/// A seed model: a single file or a model directory, as (relative path, contents) pairs.
#[derive(Debug, Clone)]
pub struct Seed {
    pub name: String,
    pub dir: bool,
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

impl Seed {
    /// Reads a model file or directory (every file below it).
    pub fn read(path: &Path) -> Result<Seed, String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.is_file() {
            let text = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            return Ok(Seed {
                name,
                dir: false,
                files: vec![(PathBuf::from("model.json"), text)],
            });
        }
        let mut files = Vec::new();
        let mut stack = vec![path.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
                let p = entry.map_err(|e| e.to_string())?.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let text = fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                    let rel = p.strip_prefix(path).unwrap_or(&p).to_path_buf();
                    files.push((rel, text));
                }
            }
        }
        files.sort();
        Ok(Seed {
            name,
            dir: true,
            files,
        })
    }

    /// Writes the files under `dir` (emptied first); returns the path to give the generator.
    pub fn write(&self, dir: &Path) -> Result<PathBuf, String> {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        for (rel, text) in &self.files {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(if self.dir {
            dir.to_path_buf()
        } else {
            dir.join("model.json")
        })
    }
}

/// Every seed: the workspace's models and fixtures, and the corpus models up to
/// [`MAX_SEED_BYTES`] (when the shared directory is there).
pub fn model_seeds(root: &Path) -> Result<Vec<Seed>, String> {
    let mut seeds = Vec::new();
    for dir in ["models", "tests/fixtures"] {
        for d in crate::codegen::model_dirs(&root.join(dir))? {
            seeds.push(Seed::read(&d)?);
        }
    }
    let corpus = shared_dir().join("reference/aws-corpus");
    match fs::read_dir(&corpus) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .filter(|p| fs::metadata(p).is_ok_and(|m| m.len() <= MAX_SEED_BYTES))
                .collect();
            paths.sort();
            for p in paths {
                seeds.push(Seed::read(&p)?);
            }
        }
        Err(_) => println!(
            "SKIPPED: {} is missing: only the workspace's models are seeds",
            corpus.display()
        ),
    }
    Ok(seeds)
}

/// `cargo xtask fuzz seeds`: the outcome of every unmodified seed.
fn check_seeds(root: &Path) -> Result<(), String> {
    let dir = root.join("target/fuzz/models/seed");
    let mut counts = [0usize; 3];
    for seed in model_seeds(root)? {
        let path = seed.write(&dir)?;
        let outcome = check_model(&path);
        println!("{:<50} {outcome:?}", seed.name);
        counts[match outcome {
            Ok(ModelOutcome::Generated { .. }) => 0,
            Ok(ModelOutcome::Rejected) => 1,
            Err(_) => 2,
        }] += 1;
    }
    println!(
        "{} seeds generate, {} are rejected, {} fail",
        counts[0], counts[1], counts[2]
    );
    if counts[2] > 0 {
        return Err("a seed fails".into());
    }
    Ok(())
}

/// The outcome of one model case that is not a failure.
#[derive(Debug, PartialEq, Eq)]
pub enum ModelOutcome {
    /// Generated; every rendered Rust file parses.
    Generated { files: usize },
    /// Rejected with a message naming the file and a JSON path.
    Rejected,
}

static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Runs the generator on the model at `path` and checks the outcome: no panic (in any thread),
/// every rendered `.rs` file parses, every rejection line names a file under `path` and a JSON
/// path. `Err` describes the failure.
pub fn check_model(path: &Path) -> Result<ModelOutcome, String> {
    PANICS.lock().unwrap_or_else(|p| p.into_inner()).clear();
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let thread = std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .to_string();
        PANICS
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(format!("thread {thread}: {info}"));
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        codegen::generate(&[path.to_path_buf()])
    }));
    panic::set_hook(previous);
    let panics = std::mem::take(&mut *PANICS.lock().unwrap_or_else(|p| p.into_inner()));
    if !panics.is_empty() {
        return Err(format!("the generator panicked: {}", panics.join("; ")));
    }
    match result {
        Err(_) => Err("the generator panicked".to_string()),
        Ok(Ok(crates)) => {
            let mut files = 0;
            for krate in &crates {
                for file in &krate.files {
                    if file.path.ends_with(".rs") {
                        files += 1;
                        if let Err(e) = syn::parse_file(&file.contents) {
                            return Err(format!(
                                "rendered {}/{} does not parse: {e}",
                                krate.crate_name, file.path
                            ));
                        }
                    }
                }
            }
            Ok(ModelOutcome::Generated { files })
        }
        Ok(Err(message)) => {
            let file = path.display().to_string();
            let base = if path.is_dir() {
                file.clone()
            } else {
                path.parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            };
            // One error a line; a line that does not start with a file under the model is the
            // continuation of the previous error (model text quoted in it may hold line breaks).
            if !message.starts_with(&base) {
                return Err(format!(
                    "a rejection does not start with the file: {:?}",
                    preview(&message)
                ));
            }
            let mut errors = Vec::new();
            for line in message.split('\n') {
                match errors.last_mut() {
                    Some(last) if !line.starts_with(&base) => {
                        *last = format!("{last}\n{line}");
                    }
                    _ => errors.push(line.to_string()),
                }
            }
            for error in &errors {
                let Some((_, rest)) = error[base.len()..].split_once(": ") else {
                    return Err(format!(
                        "a rejection names no JSON path: {:?}",
                        preview(error)
                    ));
                };
                if !rest.starts_with('$') {
                    return Err(format!(
                        "a rejection names no JSON path: {:?}",
                        preview(error)
                    ));
                }
            }
            Ok(ModelOutcome::Rejected)
        }
    }
}

/// At most 400 characters of `text`.
fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(400).collect();
    if out.len() < text.len() {
        out.push_str("...");
    }
    out
}

/// Figures of a model fuzzing run.
#[derive(Debug, Default)]
pub struct ModelReport {
    pub cases: u64,
    pub generated: u64,
    pub rejected: u64,
    pub crashes: u64,
    pub seconds: f64,
}

impl std::fmt::Display for ModelReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "fuzz models: {} cases in {:.1} s: {} generated (every Rust file parses), {} rejected with file and JSON path, {} failing",
            self.cases, self.seconds, self.generated, self.rejected, self.crashes
        )
    }
}

fn fuzz_models(
    root: &Path,
    seed: u64,
    budget: Duration,
    only: Option<u64>,
) -> Result<ModelReport, String> {
    let seeds = model_seeds(root)?;
    println!("fuzz models: {} seeds", seeds.len());
    let work = root.join("target/fuzz/models");
    let current = work.join("current");
    let started = Instant::now();
    let mut report = ModelReport::default();
    let mut case = only.unwrap_or(0);
    loop {
        if only.is_some_and(|c| c != case) || (only.is_none() && started.elapsed() >= budget) {
            break;
        }
        let (mutant, mutations) = mutate_seed(&seeds, seed, case);
        let path = mutant.write(&current)?;
        fs::write(
            work.join("current.txt"),
            format!("seed {seed} case {case}: {mutations}\n"),
        )
        .map_err(|e| e.to_string())?;
        report.cases += 1;
        if only.is_some() {
            println!("case {case}: {}", preview(&mutations));
        }
        match check_model(&path) {
            Ok(ModelOutcome::Generated { .. }) => report.generated += 1,
            Ok(ModelOutcome::Rejected) => report.rejected += 1,
            Err(failure) => {
                report.crashes += 1;
                let saved = root
                    .join(MODEL_CRASHES)
                    .join(format!("seed-{seed}-case-{case}"));
                let saved_path = mutant.write(&saved)?;
                println!(
                    "FAILURE: seed {seed} case {case} ({}): {}\n  input saved as {} (replay: cargo xtask fuzz models --seed {seed} --case {case})",
                    preview(&mutations),
                    preview(&failure),
                    saved_path.display(),
                );
            }
        }
        if only.is_some() {
            break;
        }
        case += 1;
        if case.is_multiple_of(500) {
            println!(
                "  ... {} cases, {:.0} s",
                case,
                started.elapsed().as_secs_f64()
            );
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The mutant of case `case` and a description of what was done.
pub fn mutate_seed(seeds: &[Seed], seed: u64, case: u64) -> (Seed, String) {
    let mut rng = Rng::for_case(seed, case);
    let mut mutant = rng.pick(seeds).clone();
    // Mostly model files; sometimes codegen.json.
    let candidates: Vec<usize> = (0..mutant.files.len())
        .filter(|&i| mutant.files[i].0.extension().is_some_and(|e| e == "json"))
        .collect();
    let mut description = mutant.name.clone();
    if candidates.is_empty() {
        return (mutant, description);
    }
    let index = *rng.pick(&candidates);
    let (rel, bytes) = &mut mutant.files[index];
    let _ = write!(description, "/{}:", rel.display());
    *bytes = mutate_file(bytes, &mut rng, &mut description);
    (mutant, description)
}

/// Nasty characters for strings: controls, bidi overrides, BOM, non-BMP, quotes, Rust and
/// Markdown syntax, path separators, HTML.
const NASTY: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{1b}[31m",
    "\n",
    "\r\n",
    "\t",
    "\u{7f}",
    "\u{85}",
    "\u{200b}",
    "\u{202e}",
    "\u{2028}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
    "é",
    "ß",
    "İ",
    "ǅ",
    "𝕏",
    "😀",
    "中文",
    "\"",
    "'",
    "\\",
    "`",
    "#",
    "$",
    "{",
    "}",
    "*/",
    "/*",
    "//",
    "#[",
    "r#",
    "::",
    "..",
    "../",
    "<script>",
    "&amp;",
    " ",
    "-",
    "_",
    "0",
    "self",
    "Self",
    "crate",
    "super",
    "type",
    "fn",
];

fn nasty_string(rng: &mut Rng, base: &str) -> String {
    let mut chars: Vec<char> = base.chars().collect();
    let insertions = 1 + rng.below(3);
    for _ in 0..insertions {
        let at = rng.below(chars.len() + 1);
        let piece: Vec<char> = rng.pick(NASTY).chars().collect();
        chars.splice(at..at, piece);
    }
    if rng.one_in(8) {
        chars.clear();
    }
    chars.into_iter().collect()
}

/// Placeholders put into the JSON tree and replaced in its text (for what a `Value` cannot hold:
/// numbers out of range and nesting deeper than the serializer should recurse).
const PLACEHOLDER: &str = "\u{1}fuzz-placeholder-";

const HUGE_NUMBERS: &[&str] = &[
    "1e400",
    "-1e400",
    "1e-400",
    "340282366920938463463374607431768211456",
    "-9223372036854775809",
    "18446744073709551616",
    "-0",
    "0.000000000000000000000000000000000000000000001",
    "123456789012345678901234567890.5e10",
    "9007199254740993",
];

const SHAPE_TYPES: &[&str] = &[
    "structure",
    "union",
    "list",
    "set",
    "map",
    "string",
    "enum",
    "intEnum",
    "integer",
    "long",
    "bigInteger",
    "bigDecimal",
    "timestamp",
    "blob",
    "document",
    "boolean",
    "service",
    "operation",
    "resource",
    "apply",
    "nonsense",
];

fn mutate_file(bytes: &[u8], rng: &mut Rng, description: &mut String) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<Value>(bytes) else {
        return bytes.to_vec();
    };
    let mut replacements: Vec<String> = Vec::new();
    let rounds = *rng.pick(&[1, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
    for _ in 0..rounds {
        let what = mutate_value(&mut value, rng, &mut replacements);
        let _ = write!(description, " {what};");
    }
    let mut text = if rng.one_in(2) {
        serde_json::to_string(&value)
    } else {
        serde_json::to_string_pretty(&value)
    }
    .unwrap_or_default();
    for (i, replacement) in replacements.iter().enumerate() {
        let placeholder = serde_json::to_string(&format!("{PLACEHOLDER}{i}")).unwrap_or_default();
        text = text.replacen(&placeholder, replacement, 1);
    }
    let mut out = text.into_bytes();
    if rng.one_in(12) {
        // Byte-level damage on top.
        match rng.below(4) {
            0 => {
                let at = rng.below(out.len() + 1);
                out.truncate(at);
                let _ = write!(description, " truncated at byte {at};");
            }
            1 => {
                let at = rng.below(out.len() + 1);
                out.splice(at..at, [0xff, 0xfe, 0xc3]);
                let _ = write!(description, " invalid UTF-8 at byte {at};");
            }
            2 => {
                // A duplicated key right after some `{`.
                if let Some(at) = nth_brace(&out, rng) {
                    out.splice(
                        at + 1..at + 1,
                        b"\"type\":\"string\",\"type\":\"structure\","
                            .iter()
                            .copied(),
                    );
                    let _ = write!(description, " duplicate key at byte {at};");
                }
            }
            _ => {
                out.splice(0..0, *b"\xef\xbb\xbf");
                let _ = write!(description, " BOM;");
            }
        }
    }
    out
}

fn nth_brace(bytes: &[u8], rng: &mut Rng) -> Option<usize> {
    let braces: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'{')
        .map(|(i, _)| i)
        .collect();
    (!braces.is_empty()).then(|| *rng.pick(&braces))
}

/// JSON pointers of every node below `value` (the root is `""`).
fn pointers(value: &Value) -> Vec<String> {
    fn walk(value: &Value, at: &mut String, out: &mut Vec<String>) {
        out.push(at.clone());
        let len = at.len();
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    at.push('/');
                    at.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    walk(v, at, out);
                    at.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let _ = write!(at, "/{i}");
                    walk(v, at, out);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut String::new(), &mut out);
    out
}

fn random_value(rng: &mut Rng, not_like: &Value) -> Value {
    loop {
        let v = match rng.below(7) {
            0 => Value::Null,
            1 => Value::Bool(rng.one_in(2)),
            2 => Value::from(rng.next_u64() as i64),
            3 => Value::from(-1.5e300),
            4 => Value::String(nasty_string(rng, "x")),
            5 => Value::Array(vec![Value::Null, Value::from(1)]),
            _ => Value::Object(Map::new()),
        };
        if std::mem::discriminant(&v) != std::mem::discriminant(not_like) {
            return v;
        }
    }
}

/// One structural mutation; returns what it did.
fn mutate_value(root: &mut Value, rng: &mut Rng, replacements: &mut Vec<String>) -> String {
    let all = pointers(root);
    let pointer = rng.pick(&all).clone();
    match rng.below(11) {
        // Rename a key.
        0 => {
            let objects: Vec<&String> = all
                .iter()
                .filter(|p| {
                    root.pointer(p)
                        .is_some_and(|v| v.as_object().is_some_and(|m| !m.is_empty()))
                })
                .collect();
            if objects.is_empty() {
                return "rename: no object".into();
            }
            let p = (*rng.pick(&objects)).clone();
            let Some(Value::Object(map)) = root.pointer_mut(&p) else {
                return "rename: gone".into();
            };
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = rng.pick(&keys).clone();
            let new_key = match rng.below(4) {
                0 => nasty_string(rng, &key),
                1 => String::new(),
                2 => format!("{key}#{key}"),
                _ => keys[rng.below(keys.len())].clone() + "2",
            };
            if let Some(v) = map.remove(&key) {
                map.insert(new_key.clone(), v);
            }
            format!("rename {p}/{key} -> {new_key:?}")
        }
        // Delete a key or an element.
        1 => {
            let Some((parent, last)) = pointer.rsplit_once('/') else {
                return "delete: root".into();
            };
            let last = last.replace("~1", "/").replace("~0", "~");
            match root.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&last);
                }
                Some(Value::Array(items)) => {
                    if let Ok(i) = last.parse::<usize>()
                        && i < items.len()
                    {
                        items.remove(i);
                    }
                }
                _ => {}
            }
            format!("delete {pointer}")
        }
        // Another JSON type.
        2 | 3 => {
            if let Some(v) = root.pointer_mut(&pointer) {
                *v = random_value(rng, v);
            }
            format!("retype {pointer}")
        }
        // Deep nesting.
        4 => {
            let depth = *rng.pick(&[20usize, 127, 128, 129, 1000, 50_000]);
            let (open, close) = if rng.one_in(2) {
                ("[", "]")
            } else {
                ("{\"member\":", "}")
            };
            let text = format!("{}null{}", open.repeat(depth), close.repeat(depth));
            if let Some(v) = root.pointer_mut(&pointer) {
                *v = Value::String(format!("{PLACEHOLDER}{}", replacements.len()));
                replacements.push(text);
            }
            format!("nest {pointer} {depth} deep")
        }
        // Recursion: a target pointing at its own shape, or at another shape.
        5 | 6 => recurse(root, rng),
        // Unicode and control characters in every string.
        // Unicode and control characters in every string: mostly in text (shape ids, targets
        // and shape types kept, so the model still loads and the text reaches the IR and the
        // renderer), sometimes in every string and key.
        7 => {
            let everything = rng.one_in(4);
            let mut local = rng.clone();
            nasty_everywhere(root, &mut local, everything);
            *rng = local;
            format!("nasty strings everywhere (ids and keys too: {everything})")
        }
        // Oversized numbers.
        8 => {
            let numbers: Vec<&String> = all
                .iter()
                .filter(|p| root.pointer(p).is_some_and(Value::is_number))
                .collect();
            let p = if numbers.is_empty() || rng.one_in(3) {
                pointer.clone()
            } else {
                (*rng.pick(&numbers)).clone()
            };
            let number = rng.pick(HUGE_NUMBERS).to_string();
            if let Some(v) = root.pointer_mut(&p) {
                *v = Value::String(format!("{PLACEHOLDER}{}", replacements.len()));
                replacements.push(number.clone());
            }
            format!("number {p} = {number}")
        }
        // Wrong shape type.
        9 => {
            let types: Vec<&String> = all.iter().filter(|p| p.ends_with("/type")).collect();
            if types.is_empty() {
                return "type: none".into();
            }
            let p = (*rng.pick(&types)).clone();
            let t = rng.pick(SHAPE_TYPES).to_string();
            if let Some(v) = root.pointer_mut(&p) {
                *v = Value::String(t.clone());
            }
            format!("type {p} = {t}")
        }
        // A copy of a subtree somewhere else.
        _ => {
            let other = rng.pick(&all).clone();
            let copy = root.pointer(&other).cloned();
            if let (Some(copy), Some(v)) = (copy, root.pointer_mut(&pointer)) {
                *v = copy;
            }
            format!("copy {other} to {pointer}")
        }
    }
}

fn recurse(root: &mut Value, rng: &mut Rng) -> String {
    let Some(shapes) = root.get("shapes").and_then(Value::as_object) else {
        return "recursion: no shapes".into();
    };
    let ids: Vec<String> = shapes.keys().cloned().collect();
    if ids.is_empty() {
        return "recursion: no shapes".into();
    }
    let id = rng.pick(&ids).clone();
    let target = if rng.one_in(3) {
        rng.pick(&ids).clone()
    } else {
        id.clone()
    };
    let Some(shape) = root
        .get_mut("shapes")
        .and_then(|s| s.get_mut(&id))
        .and_then(Value::as_object_mut)
    else {
        return "recursion: gone".into();
    };
    let reference = serde_json::json!({ "target": target });
    match rng.below(4) {
        0 => {
            shape.insert("member".into(), reference);
            format!("{id}.member -> {target}")
        }
        1 => {
            shape.insert("mixins".into(), Value::Array(vec![reference]));
            format!("{id}.mixins -> {target}")
        }
        2 => {
            shape.insert("value".into(), reference);
            format!("{id}.value -> {target}")
        }
        _ => {
            let members = shape
                .entry("members")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(members) = members.as_object_mut() {
                let name = format!("self{}", rng.below(3));
                members.insert(name.clone(), reference);
                if rng.one_in(2) {
                    members.insert(
                        name.clone() + "Required",
                        serde_json::json!({"target": target, "traits": {"smithy.api#required": {}}}),
                    );
                }
                format!("{id}.members.{name} -> {target}")
            } else {
                format!("{id}: members is not an object")
            }
        }
    }
}

/// Whether a string is structure rather than text: a shape id, a target or a shape type.
fn is_structural(key: Option<&str>, s: &str) -> bool {
    matches!(key, Some("target" | "type" | "smithy" | "version")) || s.contains('#')
}

fn nasty_everywhere(value: &mut Value, rng: &mut Rng, everything: bool) {
    nasty_below(value, None, rng, everything);
}

fn nasty_below(value: &mut Value, key: Option<&str>, rng: &mut Rng, everything: bool) {
    match value {
        Value::String(s) if (everything || !is_structural(key, s)) && rng.one_in(2) => {
            *s = nasty_string(rng, s);
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| nasty_below(v, key, rng, everything)),
        Value::Object(map) => {
            let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
            for (k, mut v) in entries {
                nasty_below(&mut v, Some(&k), rng, everything);
                let k = if everything && rng.one_in(3) {
                    nasty_string(rng, &k)
                } else {
                    k
                };
                map.insert(k, v);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prng_is_deterministic_and_cases_are_independent() {
        let a: Vec<u64> = (0..4).map(|c| Rng::for_case(7, c).next_u64()).collect();
        let b: Vec<u64> = (0..4).map(|c| Rng::for_case(7, c).next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(a[0], a[1]);
        assert_ne!(Rng::for_case(8, 0).next_u64(), a[0]);
    }

    #[test]
    fn mutants_reproduce() {
        let seed = Seed {
            name: "t".into(),
            dir: false,
            files: vec![(
                "model.json".into(),
                br#"{"smithy":"2.0","shapes":{"a#S":{"type":"structure","members":{"m":{"target":"smithy.api#String"}}}}}"#.to_vec(),
            )],
        };
        let seeds = [seed];
        for case in 0..50 {
            let (a, da) = mutate_seed(&seeds, 3, case);
            let (b, db) = mutate_seed(&seeds, 3, case);
            assert_eq!(a.files, b.files);
            assert_eq!(da, db);
        }
    }
}
