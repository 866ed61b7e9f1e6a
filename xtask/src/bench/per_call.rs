//! `--per-call`: the client-side cost of one call, ours against aws-sdk-rust, measured by the
//! program `xtask/bench-programs/per_call.rs` (built in the scratch project, release profile).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use super::figures::{Comparison, Runs};
use super::{Toolchain, run_checked};

/// Source of `target/bench/aws-sdk/src/bin/per_call.rs`.
pub const PROGRAM: &str = include_str!("../../bench-programs/per_call.rs");

/// The operations the program calls, each with the goal for the client-thread CPU time per call
/// (ours / aws-sdk-rust).
pub const OPERATIONS: &[(&str, f64)] = &[
    ("GetPaymentSession", 0.7),
    ("CreatePaymentSession", 0.7),
    ("ListConnections", 0.5),
];

/// The goal for allocations per call, on every operation.
pub const ALLOCATION_GOAL: f64 = 0.5;

/// Default timed calls per client and operation in one run.
pub const DEFAULT_CALLS: usize = 2000;

/// Untimed calls per client and operation before the timed ones.
pub const WARMUP_CALLS: usize = 200;

/// One client's figures for one operation in one run, per call.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// Client-thread CPU time, µs.
    pub cpu_us: f64,
    /// Median wall time of the calls, µs.
    pub wall_median_us: f64,
    /// Allocations (and reallocations).
    pub allocations: f64,
    /// Bytes requested from the allocator.
    pub bytes: f64,
}

/// One run of the program: per operation, ours and aws-sdk-rust's sample.
pub type RunOutput = Vec<(String, Sample, Sample)>;

/// Parses the JSON line the program prints; every operation of [`OPERATIONS`] must be there
/// with positive CPU and wall times.
pub fn parse_output(stdout: &str) -> Result<RunOutput, String> {
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .ok_or_else(|| format!("per_call printed no JSON line: {stdout:?}"))?;
    let value: Value =
        serde_json::from_str(line).map_err(|e| format!("per_call output {line:?}: {e}"))?;
    let operations = value
        .get("operations")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("per_call output: no `operations` array in {line}"))?;
    let mut out = Vec::new();
    for (name, _) in OPERATIONS {
        let op = operations
            .iter()
            .find(|o| o.get("operation").and_then(Value::as_str) == Some(name))
            .ok_or_else(|| format!("per_call output: no {name} in {line}"))?;
        let side = |side: &str| {
            let number = |key: &str, positive: bool| {
                op.get(side)
                    .and_then(|s| s.get(key))
                    .and_then(Value::as_f64)
                    .filter(|n| n.is_finite() && (*n > 0.0 || !positive && *n == 0.0))
                    .ok_or_else(|| format!("per_call output: no valid {name} {side}.{key}"))
            };
            Ok::<_, String>(Sample {
                cpu_us: number("cpu_us", true)?,
                wall_median_us: number("wall_median_us", true)?,
                allocations: number("allocations", false)?,
                bytes: number("bytes", false)?,
            })
        };
        out.push((name.to_string(), side("ours")?, side("aws")?));
    }
    Ok(out)
}

/// What `--per-call` measured.
#[derive(Debug, Clone, PartialEq)]
pub struct PerCall {
    /// Timed calls per client, operation and run.
    pub calls: usize,
    /// Untimed calls before them.
    pub warmup: usize,
    /// Runs (separate processes).
    pub runs: usize,
    /// The figures, four per operation.
    pub rows: Vec<Comparison>,
    /// The commands run, as a shell would run them.
    pub commands: Vec<String>,
}

/// The comparisons of `runs` outputs: per operation CPU, allocations, bytes and wall time.
pub fn compare(outputs: &[RunOutput]) -> Vec<Comparison> {
    let mut rows = Vec::new();
    for (index, (name, cpu_goal)) in OPERATIONS.iter().enumerate() {
        let pick = |f: fn(&Sample) -> f64, ours: bool| {
            Runs(
                outputs
                    .iter()
                    .filter_map(|run| run.get(index))
                    .map(|(_, o, a)| f(if ours { o } else { a }))
                    .collect(),
            )
        };
        let row = |figure: &str, unit, f: fn(&Sample) -> f64, goal| Comparison {
            figure: format!("{name} {figure}"),
            unit,
            ours: pick(f, true),
            aws: pick(f, false),
            goal,
        };
        rows.push(row("client CPU", "µs", |s| s.cpu_us, Some(*cpu_goal)));
        rows.push(row(
            "allocations",
            "count",
            |s| s.allocations,
            Some(ALLOCATION_GOAL),
        ));
        rows.push(row("bytes allocated", "B", |s| s.bytes, None));
        rows.push(row("wall, median call", "µs", |s| s.wall_median_us, None));
    }
    rows
}

/// Builds the program in `scratch` and runs it `runs` times.
pub fn measure(
    cargo: &str,
    toolchain: &Toolchain,
    scratch: &Path,
    runs: usize,
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
    let args = [
        "--calls".to_string(),
        calls.to_string(),
        "--warmup".to_string(),
        WARMUP_CALLS.to_string(),
    ];
    let mut outputs = Vec::new();
    for run in 1..=runs {
        eprintln!("per-call run {run} of {runs} ({calls} calls per client and operation)...");
        let output = run_checked(
            Command::new(&binary).args(&args),
            &binary.display().to_string(),
        )?;
        outputs.push(parse_output(&String::from_utf8_lossy(&output.stdout))?);
    }
    Ok(PerCall {
        calls,
        warmup: WARMUP_CALLS,
        runs,
        rows: compare(&outputs),
        commands: vec![
            format!(
                "RUSTC={} cargo build --release --bin per_call --manifest-path {}",
                toolchain.rustc.display(),
                manifest.display()
            ),
            format!("{} {}   # once per run", binary.display(), args.join(" ")),
        ],
    })
}

/// The section as text.
pub fn render(p: &PerCall) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "per call, client side (release build; {} runs, each a separate process making {} calls \
         per client and operation after {} warm-up calls, alternating blocks of 100 between the \
         clients; loopback server in a child process; static credentials, us-east-1, retries \
         disabled, plain-HTTP aws-smithy-http-client; ListConnections answers 100 summaries).\n  \
         client CPU = CPU time of the client thread (current-thread tokio runtime, \
         CLOCK_THREAD_CPUTIME_ID) per call; allocations and bytes per call from a counting global \
         allocator; min / median over the runs; ratio = ours / aws-sdk-rust of the medians:",
        p.runs, p.calls, p.warmup
    );
    out.push_str(&super::figures::render(&p.rows));
    let _ = writeln!(out, "  commands:");
    for c in &p.commands {
        let _ = writeln!(out, "    {c}");
    }
    out
}

/// The section as JSON.
pub fn json(p: &PerCall) -> Value {
    json!({
        "measured": true,
        "profile": "release",
        "runs": p.runs,
        "calls": p.calls,
        "warmup": p.warmup,
        "figures": p.rows.iter().map(Comparison::json).collect::<Vec<_>>(),
        "commands": p.commands,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(cpu: f64) -> String {
        let side = format!(
            "{{\"cpu_us\":{cpu},\"wall_mean_us\":2.0,\"wall_median_us\":1.5,\"allocations\":10.0,\"bytes\":100.0}}"
        );
        let ops: Vec<String> = OPERATIONS
            .iter()
            .map(|(name, _)| format!("{{\"operation\":\"{name}\",\"ours\":{side},\"aws\":{side}}}"))
            .collect();
        format!(
            "noise\n{{\"calls\":5,\"warmup\":1,\"operations\":[{}]}}\n",
            ops.join(",")
        )
    }

    #[test]
    fn output_is_parsed_and_checked() {
        let parsed = parse_output(&output(3.0)).expect("valid output");
        assert_eq!(parsed.len(), OPERATIONS.len());
        assert_eq!(parsed[2].0, "ListConnections");
        assert_eq!(parsed[0].1.cpu_us, 3.0);
        assert_eq!(parsed[0].2.allocations, 10.0);
        assert!(parse_output("").is_err());
        assert!(parse_output("{not json").is_err());
        assert!(parse_output(&output(0.0)).is_err(), "zero CPU time");
        let without_list = output(3.0).replace("ListConnections", "Other");
        assert!(parse_output(&without_list).is_err_and(|e| e.contains("ListConnections")));
        let without_aws = output(3.0).replace("\"aws\"", "\"other\"");
        assert!(parse_output(&without_aws).is_err_and(|e| e.contains("aws.cpu_us")));
    }

    #[test]
    fn comparisons_gather_the_runs_per_operation() {
        let runs: Vec<RunOutput> = [3.0, 1.0, 2.0]
            .iter()
            .map(|cpu| parse_output(&output(*cpu)).expect("valid output"))
            .collect();
        let rows = compare(&runs);
        assert_eq!(rows.len(), OPERATIONS.len() * 4);
        assert_eq!(rows[0].figure, "GetPaymentSession client CPU");
        assert_eq!(rows[0].ours.0, vec![3.0, 1.0, 2.0]);
        assert_eq!(rows[0].goal, Some(0.7));
        assert_eq!(rows[8].goal, Some(0.5), "ListConnections CPU");
        assert_eq!(rows[1].goal, Some(ALLOCATION_GOAL));
        assert_eq!(rows[0].ratio(), Some(1.0));
    }

    #[test]
    fn program_calls_every_operation_through_both_sdks() {
        for (name, _) in OPERATIONS {
            assert!(PROGRAM.contains(&format!("\"{name}\"")), "{name}");
            let method = format!(".{}()", super::super::snake(name));
            assert!(PROGRAM.contains(&method), "{method}");
        }
        // One macro writes the calls; it is expanded for our crates and for aws-sdk-rust's.
        let crates = |aws: bool| {
            super::super::SERVICES
                .iter()
                .map(|s| {
                    if aws {
                        s.aws_crate.replace('-', "_")
                    } else {
                        s.our_crate.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        assert!(PROGRAM.contains(&format!("clients!(Ours, {});", crates(false))));
        assert!(PROGRAM.contains(&format!("clients!(Aws, {});", crates(true))));
        assert!(PROGRAM.contains("RetryConfig::disabled()"));
        assert!(PROGRAM.contains("CLOCK_THREAD_CPUTIME_ID"));
        assert!(PROGRAM.contains("#[global_allocator]"));
    }
}
