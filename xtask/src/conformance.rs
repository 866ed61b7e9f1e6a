//! `cargo xtask conformance [--no-run]`: the Smithy AWS protocol compliance tests.
//!
//! Reads `conformance/aws-protocol-tests-restjson1-awsjson10.json` from the shared directory
//! (`SDK_SHARED_DIR`, default `../shared`), generates a client crate per service plus a test crate
//! per client (`codegen::conformance`) into `target/conformance/` (a standalone workspace), runs the
//! tests with `cargo test --no-fail-fast`, prints a table per protocol and writes
//! `target/conformance/summary.json`.
//!
//! `tests/conformance-known-failures.json` lists the cases that cannot pass yet (test name ->
//! reason). Listed cases still run. The run fails when an unlisted case fails, a listed case
//! passes (so the list only shrinks), a case is not generated without being listed, or a listed
//! name matches no case.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use codegen::GeneratedCrate;
use codegen::conformance::{self, CaseKind};
use serde_json::{Value, json};

use crate::codegen::{standalone_manifest, workspace_root, write_crates};
use crate::reference::shared_dir;

/// The test model, relative to the shared directory: the whole Smithy AWS protocol test suite.
/// Services whose protocol the generator does not support yet (restXml, awsQuery, ec2Query,
/// rpcv2Cbor) are listed and left out; their cases are not counted.
pub const MODEL: &str = "conformance/aws-protocol-tests-all.json";
/// The committed list of cases that cannot pass yet, relative to the workspace root.
pub const KNOWN_FAILURES: &str = "tests/conformance-known-failures.json";
/// How many client cases of the JSON-protocol services (restJson1, awsJson1_0, awsJson1_1,
/// with the Glacier, API Gateway and Machine Learning customisations) the suite has (a mismatch
/// is reported, not fatal).
pub const EXPECTED_CLIENT_CASES: usize = 431;

/// The outcome of one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed,
    /// Not generated (the reason is in the case's `skip_reason`).
    Skipped,
}

/// A client test case found in the model, and what happened to it.
#[derive(Debug, Clone)]
pub struct CaseResult {
    /// `request::RestJsonLists`: the test's name inside `protocol_tests`; the known-failures key.
    pub name: String,
    pub outcome: Outcome,
    pub skip_reason: Option<String>,
    /// The panic message of a failed test, when libtest printed one.
    pub message: Option<String>,
}

/// Per-protocol results.
#[derive(Debug, Clone)]
pub struct ProtocolResults {
    /// `restJson1`.
    pub protocol: String,
    pub service: String,
    pub test_crate: String,
    pub cases: Vec<CaseResult>,
}

impl ProtocolResults {
    fn count(&self, outcome: Outcome) -> usize {
        self.cases.iter().filter(|c| c.outcome == outcome).count()
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let run_tests = match args {
        [] => true,
        [flag] if flag == "--no-run" => false,
        _ => return Err("usage: cargo xtask conformance [--no-run]".to_string()),
    };
    let model_path = shared_dir().join(MODEL);
    if !model_path.is_file() {
        eprintln!("==================================================================");
        eprintln!("CONFORMANCE NOT RUN: the protocol test model is missing:");
        eprintln!("  {}", model_path.display());
        eprintln!("Set SDK_SHARED_DIR to the shared directory that holds {MODEL}.");
        eprintln!("==================================================================");
        return Err(format!("{} is missing", model_path.display()));
    }
    let root = workspace_root();
    let out = root.join("target/conformance");
    let suites = generate(&model_path, &out)?;
    let known = read_known_failures(&root.join(KNOWN_FAILURES))?;

    let total: usize = suites.iter().map(|s| s.cases.len()).sum();
    let counts: Vec<String> = suites
        .iter()
        .map(|s| format!("{} {}", s.protocol, s.cases.len()))
        .collect();
    println!(
        "client protocol test cases: {} (total {total})",
        counts.join(", ")
    );
    if total != EXPECTED_CLIENT_CASES {
        eprintln!(
            "warning: the issue counts {EXPECTED_CLIENT_CASES} client cases; the model has {total}"
        );
    }
    if !run_tests {
        println!("generated into {} (tests not run: --no-run)", out.display());
        return Ok(());
    }

    let mut results = Vec::new();
    let mut build_failures = Vec::new();
    for suite in suites {
        // A crate that does not build fails all its cases; the other protocols still run.
        let outcomes = run_test_crate(&out, &suite.test_crate).unwrap_or_else(|e| {
            eprintln!("error: {e}");
            build_failures.push((suite.test_crate.clone(), e));
            BTreeMap::new()
        });
        results.push(suite.resolve(&outcomes));
    }
    // Cases of a crate that did not build are summed up by the build failure itself.
    let unbuilt: BTreeSet<&str> = results
        .iter()
        .filter(|r| build_failures.iter().any(|(c, _)| *c == r.test_crate))
        .flat_map(|r| {
            r.cases
                .iter()
                .filter(|c| c.outcome == Outcome::Failed)
                .map(|c| c.name.as_str())
        })
        .collect();
    let mut problems: Vec<(String, String)> = check(&results, &known)
        .into_iter()
        .filter(|(name, _)| !unbuilt.contains(name.as_str()))
        .collect();
    problems.splice(0..0, build_failures.iter().cloned());
    print_table(&results, &known);
    let summary = summary_json(&model_path, &results, &known, &problems);
    let summary_path = out.join("summary.json");
    let text = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
    fs::write(&summary_path, text + "\n")
        .map_err(|e| format!("{}: {e}", summary_path.display()))?;
    println!("summary written to {}", summary_path.display());
    if problems.is_empty() {
        println!("conformance passed: every case outside {KNOWN_FAILURES} passes");
        return Ok(());
    }
    for (name, problem) in &problems {
        eprintln!("  {name}: {problem}");
    }
    Err(format!(
        "{} conformance problem(s); see above and {}",
        problems.len(),
        summary_path.display()
    ))
}

/// What generation produced for one service: its test crate and every client case of its protocol.
struct Suite {
    protocol: String,
    service: String,
    test_crate: String,
    /// name -> skip reason (`None` when a test was generated).
    cases: BTreeMap<String, Option<String>>,
}

impl Suite {
    fn resolve(self, outcomes: &BTreeMap<String, TestOutcome>) -> ProtocolResults {
        let cases = self
            .cases
            .into_iter()
            .map(|(name, skip)| match skip {
                Some(reason) => CaseResult {
                    name,
                    outcome: Outcome::Skipped,
                    skip_reason: Some(reason),
                    message: None,
                },
                None => match outcomes.get(&name) {
                    Some(TestOutcome { passed: true, .. }) => CaseResult {
                        name,
                        outcome: Outcome::Passed,
                        skip_reason: None,
                        message: None,
                    },
                    Some(TestOutcome { message, .. }) => CaseResult {
                        name,
                        outcome: Outcome::Failed,
                        skip_reason: None,
                        message: message.clone(),
                    },
                    None => CaseResult {
                        name,
                        outcome: Outcome::Failed,
                        skip_reason: None,
                        message: Some(
                            "the test did not run (no result line; did its crate build?)"
                                .to_string(),
                        ),
                    },
                },
            })
            .collect();
        ProtocolResults {
            protocol: self.protocol,
            service: self.service,
            test_crate: self.test_crate,
            cases,
        }
    }
}

/// Generates the client and test crates into `out` (a standalone workspace) and lists every case.
fn generate(model_path: &Path, out: &Path) -> Result<Vec<Suite>, String> {
    let model =
        codegen::model::load_model(&[model_path.to_path_buf()]).map_err(|e| e.to_string())?;
    let text =
        fs::read_to_string(model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
    let raw: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", model_path.display()))?;
    let ids: Vec<_> = model.services().map(|s| s.id.clone()).collect();
    let mut crates = Vec::new();
    let mut suites = Vec::new();
    for id in ids {
        let understood = model.get(&id).is_some_and(|s| s.traits.protocol.is_some());
        if !understood {
            eprintln!("note: {id}: its protocol is not supported yet; its cases are left out");
            continue;
        }
        let service = codegen::ir::build_service(&model, &id, None)?;
        let Some(protocol) = conformance::protocol_id(&service.protocol) else {
            eprintln!("warning: {id}: its protocol has no protocol tests; left out");
            continue;
        };
        for (op, reason) in &service.skipped {
            eprintln!("warning: {id}: operation {op} left out: {reason}");
        }
        let files = codegen::render::render_crate(&service)?;
        let tests = conformance::render_protocol_tests(&service)?;
        for case in tests.cases.iter().filter(|c| c.render_error.is_some()) {
            eprintln!(
                "warning: {}: {}",
                case.name,
                case.render_error.as_deref().unwrap_or_default()
            );
        }
        let generated: BTreeSet<&str> = tests.cases.iter().map(|c| c.name.as_str()).collect();
        let mut cases: BTreeMap<String, Option<String>> = BTreeMap::new();
        let closure = service_shapes(&model, &id);
        for (name, shape) in model_cases(&raw, &closure, protocol) {
            let skip = (!generated.contains(name.as_str())).then(|| {
                match service.skipped.iter().find(|(op, _)| *op == shape) {
                    Some((op, reason)) => format!("operation {op} is not generated: {reason}"),
                    None => format!(
                        "shape {shape} is not part of the generated {} client",
                        service.settings.crate_name
                    ),
                }
            });
            cases.insert(name, skip);
        }
        for c in &tests.cases {
            cases.entry(c.name.clone()).or_insert(None);
        }
        suites.push(Suite {
            protocol: protocol.trim_start_matches("aws.protocols#").to_string(),
            service: id.to_string(),
            test_crate: tests.crate_name.clone(),
            cases,
        });
        crates.push(GeneratedCrate {
            crate_name: service.settings.crate_name.clone(),
            files,
            warnings: Vec::new(),
        });
        crates.push(GeneratedCrate {
            crate_name: tests.crate_name,
            files: tests.files,
            warnings: Vec::new(),
        });
    }
    if suites.is_empty() {
        return Err(format!(
            "{}: no service with a protocol that has protocol tests",
            model_path.display()
        ));
    }
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    write_crates(out, &crates, true)?;
    let members: Vec<&str> = crates.iter().map(|c| c.crate_name.as_str()).collect();
    fs::write(
        out.join("Cargo.toml"),
        standalone_manifest(
            "# Code generated by `cargo xtask codegen`. DO NOT EDIT.\n\
             # Written by `cargo xtask conformance`.\n",
            &members,
        )?,
    )
    .map_err(|e| format!("{}: {e}", out.display()))?;
    // Start from the repository's lock file so the tests build against the versions CI uses.
    let lock = workspace_root().join("Cargo.lock");
    if lock.is_file() {
        fs::copy(&lock, out.join("Cargo.lock")).map_err(|e| format!("{}: {e}", lock.display()))?;
    }
    Ok(suites)
}

/// The ids of a service's operations and of the errors they and the service declare: the shapes
/// whose protocol tests belong to it (the suite's services share protocols and namespaces).
pub fn service_shapes(
    model: &codegen::model::Model,
    service: &codegen::model::ShapeId,
) -> BTreeSet<String> {
    use codegen::model::ShapeKind;
    let mut out = BTreeSet::new();
    if let Some(ShapeKind::Service(s)) = model.get(service).map(|s| &s.kind) {
        out.extend(s.errors.iter().map(ToString::to_string));
    }
    for op in model.service_operations(service) {
        if let Some(ShapeKind::Operation(o)) = model.get(&op).map(|s| &s.kind) {
            out.extend(o.errors.iter().map(ToString::to_string));
        }
        out.insert(op.to_string());
    }
    out
}

/// Every client test case of `protocol` on the shapes in `shapes` (one service's, see
/// [`service_shapes`]) in the raw JSON AST: (test name, shape name), counted the way the issue
/// counts them (on any shape, whether or not the generator supports it).
pub fn model_cases(
    model: &Value,
    shapes: &BTreeSet<String>,
    protocol: &str,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(all) = model.get("shapes").and_then(Value::as_object) else {
        return out;
    };
    for (id, shape) in all.iter().filter(|(id, _)| shapes.contains(*id)) {
        let name = id.rsplit('#').next().unwrap_or(id).to_string();
        let is_operation = shape.get("type").and_then(Value::as_str) == Some("operation");
        let traits = shape.get("traits");
        for (trait_id, kind) in [
            ("smithy.test#httpRequestTests", CaseKind::Request),
            (
                "smithy.test#httpResponseTests",
                if is_operation {
                    CaseKind::Response
                } else {
                    CaseKind::Error
                },
            ),
        ] {
            let cases = traits
                .and_then(|t| t.get(trait_id))
                .and_then(Value::as_array)
                .into_iter()
                .flatten();
            for case in cases.filter(|c| conformance::applies(c, protocol)) {
                let case_id = case
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("UnnamedCase");
                out.push((format!("{}::{case_id}", kind.module()), name.clone()));
            }
        }
    }
    out.sort();
    out
}

/// One libtest result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TestOutcome {
    pub passed: bool,
    pub message: Option<String>,
}

/// Runs the test crate's tests and returns each test's outcome, keyed by name without the
/// `protocol_tests::` prefix. Fails when the tests do not build.
fn run_test_crate(out: &Path, test_crate: &str) -> Result<BTreeMap<String, TestOutcome>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    println!("running the protocol tests of {test_crate} ...");
    let output = Command::new(cargo)
        .args([
            "test",
            "--lib",
            "--no-fail-fast",
            "--package",
            test_crate,
            "--manifest-path",
        ])
        .arg(out.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", workspace_root().join("target"))
        // Panic messages, not backtraces, are what the report shows.
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let log = out.join(format!("{test_crate}.log"));
    fs::write(&log, stdout.as_bytes()).map_err(|e| format!("{}: {e}", log.display()))?;
    if !stdout.contains("test result:") {
        return Err(format!(
            "the protocol tests of {test_crate} did not build or run ({}); see the output above",
            output.status
        ));
    }
    Ok(parse_libtest(&stdout))
}

/// Parses libtest's plain output: `test NAME ... ok|FAILED|ignored` lines, and the panic message
/// each failure prints under `---- NAME stdout ----`.
pub fn parse_libtest(stdout: &str) -> BTreeMap<String, TestOutcome> {
    let strip = |name: &str| {
        name.trim()
            .trim_start_matches("protocol_tests::")
            .to_string()
    };
    let mut results = BTreeMap::new();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, status)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        let passed = match status.trim() {
            "ok" => true,
            s if s == "FAILED" || s.starts_with("ignored") => false,
            _ => continue,
        };
        let message =
            (!passed && status.trim().starts_with("ignored")).then(|| "ignored".to_string());
        results.insert(strip(name), TestOutcome { passed, message });
    }
    let mut current: Option<(String, Vec<&str>)> = None;
    let flush = |current: &mut Option<(String, Vec<&str>)>,
                 results: &mut BTreeMap<String, TestOutcome>| {
        if let Some((name, lines)) = current.take()
            && let Some(outcome) = results.get_mut(&name)
        {
            let text = lines.join("\n").trim().to_string();
            if !text.is_empty() {
                outcome.message = Some(text);
            }
        }
    };
    for line in stdout.lines() {
        if let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|l| l.strip_suffix(" stdout ----"))
        {
            flush(&mut current, &mut results);
            current = Some((strip(name), Vec::new()));
        } else if line == "failures:" || line.starts_with("test result:") {
            flush(&mut current, &mut results);
        } else if let Some((_, lines)) = current.as_mut()
            && !line.starts_with("note: run with `RUST_BACKTRACE")
        {
            lines.push(line);
        }
    }
    flush(&mut current, &mut results);
    results
}

/// `tests/conformance-known-failures.json`: `{"cases": {"request::Id": "reason", ...}}`.
pub fn read_known_failures(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let value: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let cases = value
        .get("cases")
        .and_then(Value::as_object)
        .ok_or_else(|| {
            format!(
                "{}: expected an object with a `cases` object",
                path.display()
            )
        })?;
    cases
        .iter()
        .map(|(name, reason)| match reason.as_str() {
            Some(r) if !r.trim().is_empty() => Ok((name.clone(), r.to_string())),
            _ => Err(format!(
                "{}: `cases.{name}`: the reason must be a non-empty string",
                path.display()
            )),
        })
        .collect()
}

/// Every way the results disagree with the known-failures list: (case name, problem).
pub fn check(
    results: &[ProtocolResults],
    known: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for case in results.iter().flat_map(|r| &r.cases) {
        seen.insert(case.name.as_str());
        let listed = known.contains_key(&case.name);
        match (case.outcome, listed) {
            (Outcome::Passed, true) => problems.push((
                case.name.clone(),
                format!("passes but is listed in {KNOWN_FAILURES}; remove it from the list"),
            )),
            (Outcome::Failed, false) => {
                let message = case
                    .message
                    .as_deref()
                    .unwrap_or("no message")
                    .replace('\n', "\n      ");
                problems.push((
                    case.name.clone(),
                    format!("FAILED (not a known failure):\n      {message}"),
                ));
            }
            (Outcome::Skipped, false) => problems.push((
                case.name.clone(),
                format!(
                    "not generated ({}) and not listed in {KNOWN_FAILURES}",
                    case.skip_reason.as_deref().unwrap_or("no reason")
                ),
            )),
            _ => {}
        }
    }
    for name in known.keys().filter(|n| !seen.contains(n.as_str())) {
        problems.push((
            name.clone(),
            format!("listed in {KNOWN_FAILURES} but no such case exists"),
        ));
    }
    problems
}

fn print_table(results: &[ProtocolResults], known: &BTreeMap<String, String>) {
    let listed = |r: &ProtocolResults| {
        r.cases
            .iter()
            .filter(|c| known.contains_key(&c.name))
            .count()
    };
    println!();
    println!(
        "{:<12} {:<48} {:>6} {:>7} {:>7} {:>8} {:>7}",
        "protocol", "service", "cases", "passed", "failed", "skipped", "listed"
    );
    let mut totals = [0usize; 5];
    for r in results {
        let row = [
            r.cases.len(),
            r.count(Outcome::Passed),
            r.count(Outcome::Failed),
            r.count(Outcome::Skipped),
            listed(r),
        ];
        println!(
            "{:<12} {:<48} {:>6} {:>7} {:>7} {:>8} {:>7}",
            r.protocol, r.service, row[0], row[1], row[2], row[3], row[4]
        );
        for (t, v) in totals.iter_mut().zip(row) {
            *t += v;
        }
    }
    println!(
        "{:<12} {:<48} {:>6} {:>7} {:>7} {:>8} {:>7}",
        "total", "", totals[0], totals[1], totals[2], totals[3], totals[4]
    );
    if totals[0] > 0 {
        println!(
            "pass rate: {:.1}% of {} client cases",
            100.0 * totals[1] as f64 / totals[0] as f64,
            totals[0]
        );
    }
    println!();
}

fn summary_json(
    model: &Path,
    results: &[ProtocolResults],
    known: &BTreeMap<String, String>,
    problems: &[(String, String)],
) -> Value {
    let counts = |cases: &mut dyn Iterator<Item = &CaseResult>| {
        let (mut n, mut passed, mut failed, mut skipped, mut listed) = (0, 0, 0, 0, 0);
        for c in cases {
            n += 1;
            match c.outcome {
                Outcome::Passed => passed += 1,
                Outcome::Failed => failed += 1,
                Outcome::Skipped => skipped += 1,
            }
            if known.contains_key(&c.name) {
                listed += 1;
            }
        }
        json!({"cases": n, "passed": passed, "failed": failed, "skipped": skipped, "known_failures": listed})
    };
    let protocols: Vec<Value> = results
        .iter()
        .map(|r| {
            let mut v = counts(&mut r.cases.iter());
            if let Value::Object(map) = &mut v {
                map.insert("protocol".to_string(), json!(r.protocol));
                map.insert("service".to_string(), json!(r.service));
                map.insert("test_crate".to_string(), json!(r.test_crate));
                let failed: Vec<&str> = r
                    .cases
                    .iter()
                    .filter(|c| c.outcome == Outcome::Failed)
                    .map(|c| c.name.as_str())
                    .collect();
                let skipped: Vec<&str> = r
                    .cases
                    .iter()
                    .filter(|c| c.outcome == Outcome::Skipped)
                    .map(|c| c.name.as_str())
                    .collect();
                map.insert("failed_cases".to_string(), json!(failed));
                map.insert("skipped_cases".to_string(), json!(skipped));
            }
            v
        })
        .collect();
    let total = counts(&mut results.iter().flat_map(|r| &r.cases));
    let problems: Vec<Value> = problems
        .iter()
        .map(|(name, p)| json!({"case": name, "problem": p}))
        .collect();
    json!({
        "model": model.display().to_string(),
        "protocols": protocols,
        "total": total,
        "passed_run": problems.is_empty(),
        "problems": problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_lines_and_failure_messages_are_parsed() {
        let out = "running 3 tests\n\
            test protocol_tests::request::A ... ok\n\
            test protocol_tests::response::B ... FAILED\n\
            test protocol_tests::error::C ... ignored, not yet\n\
            \nfailures:\n\n---- protocol_tests::response::B stdout ----\n\
            thread 'x' panicked at src/lib.rs:1:1:\nboom\n\
            note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\n\
            failures:\n    protocol_tests::response::B\n\n\
            test result: FAILED. 1 passed; 1 failed; 1 ignored\n";
        let r = parse_libtest(out);
        assert_eq!(
            r["request::A"],
            TestOutcome {
                passed: true,
                message: None
            }
        );
        assert!(!r["response::B"].passed);
        assert_eq!(
            r["response::B"].message.as_deref(),
            Some("thread 'x' panicked at src/lib.rs:1:1:\nboom")
        );
        assert!(!r["error::C"].passed);
        assert_eq!(r.len(), 3);
    }

    fn case(name: &str, outcome: Outcome) -> CaseResult {
        CaseResult {
            name: name.to_string(),
            outcome,
            skip_reason: None,
            message: None,
        }
    }

    #[test]
    fn the_known_failures_list_only_shrinks() {
        let results = vec![ProtocolResults {
            protocol: "restJson1".to_string(),
            service: "s".to_string(),
            test_crate: "t".to_string(),
            cases: vec![
                case("request::Ok", Outcome::Passed),
                case("request::ListedPass", Outcome::Passed),
                case("request::ListedFail", Outcome::Failed),
                case("request::NewFail", Outcome::Failed),
                case("request::Skipped", Outcome::Skipped),
            ],
        }];
        let known: BTreeMap<String, String> = [
            ("request::ListedPass", "x"),
            ("request::ListedFail", "y"),
            ("request::Gone", "z"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let names: Vec<String> = check(&results, &known)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            [
                "request::ListedPass",
                "request::NewFail",
                "request::Skipped",
                "request::Gone"
            ]
        );
    }

    #[test]
    fn model_cases_count_client_cases_of_one_protocol() {
        let model = json!({"shapes": {
            "ns#Op": {"type": "operation", "traits": {
                "smithy.test#httpRequestTests": [
                    {"id": "A", "protocol": "p"},
                    {"id": "B", "protocol": "p", "appliesTo": "server"},
                    {"id": "C", "protocol": "q"}
                ],
                "smithy.test#httpResponseTests": [{"id": "A", "protocol": "p", "appliesTo": "client"}]
            }},
            "ns#Err": {"type": "structure", "traits": {"smithy.test#httpResponseTests": [{"id": "E", "protocol": "p"}]}},
            "other#Op": {"type": "operation", "traits": {"smithy.test#httpRequestTests": [{"id": "O", "protocol": "p"}]}}
        }});
        let shapes = ["ns#Op", "ns#Err"].map(String::from).into();
        let cases = model_cases(&model, &shapes, "p");
        let names: Vec<&str> = cases.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["error::E", "request::A", "response::A"]);
    }
}
