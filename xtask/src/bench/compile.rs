//! `--compile` and `--consumer`: build times of the crate generated from the whole Bedrock
//! AgentCore reference model against `aws-sdk-bedrockagentcore`.
//!
//! - `--compile`: debug build of the service crate alone, its dependencies prebuilt: each side
//!   is built once untimed, then, per run, `cargo clean -p <crate>` and a timed
//!   `cargo build -p <crate>`.
//! - `--consumer`: a consumer's clean build: a tiny binary depending on the service crate with
//!   its default features, built (debug) from an empty target directory each run, after an
//!   untimed `cargo fetch`, with `--offline`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::figures::{Comparison, Runs};
use super::{SERVICES, Service, Toolchain, run_checked, toml_string, write_if_changed};
use crate::stats::crate_stats;

/// The whole reference model, relative to the shared reference directory.
pub const WHOLE_MODEL: &str = "aws/bedrock-agentcore-2024-02-28.json";

/// The crate generated from it.
pub const OUR_CRATE: &str = "bedrockagentcore";

/// Goal for the crate's compile time, ours / aws-sdk-rust.
pub const COMPILE_GOAL: f64 = 0.4;

/// Goal for the consumer's clean build, ours / aws-sdk-rust.
pub const CONSUMER_GOAL: f64 = 0.5;

/// The consumer program; `CLIENT` is replaced by the crate's name. It builds a client and the
/// future of one call, which it does not poll, so the call path is compiled without a runtime.
const CONSUMER_SOURCE: &str = r#"//! Written by `cargo xtask bench --consumer`: a consumer of the client, for its build time.
use CLIENT::config::{BehaviorVersion, Credentials, Region};

fn main() {
    let config = CLIENT::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("AKID", "secret", None, None, "consumer"))
        .build();
    let client = CLIENT::Client::from_conf(config);
    let call = client
        .get_payment_session()
        .payment_manager_arn("arn:aws:bedrock-agentcore:us-east-1:123456789012:payment-manager/m")
        .payment_session_id("payment-session-1")
        .send();
    drop(call);
    println!("client built");
}
"#;

/// The aws-sdk-rust side of the comparison.
fn aws_service() -> Result<&'static Service, String> {
    SERVICES
        .iter()
        .find(|s| s.our_crate == OUR_CRATE)
        .ok_or_else(|| format!("no aws-sdk-rust crate listed for {OUR_CRATE}"))
}

fn consumer_manifest(dependency: &str) -> String {
    format!(
        "# Written by `cargo xtask bench --consumer`.\n[package]\nname = \"consumer\"\n\
         version = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{dependency}\n"
    )
}

/// The directories `--compile` and `--consumer` build in.
#[derive(Debug, Clone)]
pub struct Projects {
    /// The generated workspace: the whole-model crate and the `consumer` package.
    pub whole: PathBuf,
    /// The consumer of `aws-sdk-bedrockagentcore`, its own workspace.
    pub aws_consumer: PathBuf,
    /// The scratch project holding `aws-sdk-bedrockagentcore`.
    pub scratch: PathBuf,
    /// Operations of the whole-model crate.
    pub our_operations: usize,
    /// Its generated code lines.
    pub our_lines: usize,
}

/// Generates the whole-model crate into `bench/whole` (with its consumer) and writes the
/// aws-sdk-rust consumer into `bench/consumer-aws`.
pub fn prepare(bench: &Path, scratch: &Path) -> Result<Projects, String> {
    let model = crate::reference::shared_dir()
        .join("reference")
        .join(WHOLE_MODEL);
    if !model.is_file() {
        return Err(format!(
            "{} is missing: the whole reference model is needed (set SDK_SHARED_DIR to the shared directory)",
            model.display()
        ));
    }
    let whole = bench.join("whole");
    eprintln!("generating {OUR_CRATE} from {}...", model.display());
    crate::codegen::run_generate(&[
        "--model".to_string(),
        model.display().to_string(),
        "--out".to_string(),
        whole.display().to_string(),
    ])?;
    let stats = crate_stats(&whole.join(OUR_CRATE))?
        .ok_or_else(|| format!("{}: no generated crate", whole.join(OUR_CRATE).display()))?;
    // The generated workspace plus the consumer package.
    let manifest = crate::codegen::standalone_manifest(
        "# Written by `cargo xtask bench`: the whole-model crate and a consumer of it.\n",
        &[OUR_CRATE, "consumer"],
    )?;
    write_if_changed(&whole.join("Cargo.toml"), &manifest)?;
    write_if_changed(
        &whole.join("consumer/Cargo.toml"),
        &consumer_manifest(&format!(
            "{OUR_CRATE} = {{ path = {} }}",
            toml_string(&whole.join(OUR_CRATE).to_string_lossy())
        )),
    )?;
    write_if_changed(
        &whole.join("consumer/src/main.rs"),
        &CONSUMER_SOURCE.replace("CLIENT", OUR_CRATE),
    )?;
    let aws = aws_service()?;
    let aws_consumer = bench.join("consumer-aws");
    write_if_changed(
        &aws_consumer.join("Cargo.toml"),
        &(consumer_manifest(&format!("{} = \"={}\"", aws.aws_crate, aws.aws_version))
            + "\n[workspace]\n"),
    )?;
    write_if_changed(
        &aws_consumer.join("src/main.rs"),
        &CONSUMER_SOURCE.replace("CLIENT", &aws.aws_crate.replace('-', "_")),
    )?;
    Ok(Projects {
        whole,
        aws_consumer,
        scratch: scratch.to_path_buf(),
        our_operations: stats.operations,
        our_lines: stats.code_lines,
    })
}

/// One `cargo build -p` setting: manifest, target directory and package.
struct Build<'a> {
    cargo: &'a str,
    toolchain: &'a Toolchain,
    manifest: PathBuf,
    target: PathBuf,
    package: String,
}

impl Build<'_> {
    fn command(&self, verb: &str) -> Command {
        let mut c = Command::new(self.cargo);
        c.arg(verb)
            .args(["-p", &self.package, "--manifest-path"])
            .arg(&self.manifest)
            .arg("--target-dir")
            .arg(&self.target)
            .env("RUSTC", &self.toolchain.rustc);
        c
    }

    fn run(&self, verb: &str, extra: &[&str]) -> Result<Duration, String> {
        let start = Instant::now();
        run_checked(
            self.command(verb).args(extra),
            &format!("cargo {verb} -p {}", self.package),
        )?;
        Ok(start.elapsed())
    }

    fn shown(&self, verb: &str, extra: &str) -> String {
        format!(
            "cargo {verb} -p {} --manifest-path {} --target-dir {}{extra}",
            self.package,
            self.manifest.display(),
            self.target.display()
        )
    }
}

/// The shell commands of `sides`, each as `what` writes it, after the `RUSTC` they use.
fn commands(sides: &[Build<'_>], what: impl Fn(&Build<'_>) -> String) -> Vec<String> {
    sides
        .iter()
        .map(|s| format!("export RUSTC={}; {}", s.toolchain.rustc.display(), what(s)))
        .collect()
}

/// Compile or consumer build times, both sides.
#[derive(Debug, Clone)]
pub struct BuildTimes {
    /// The figure, seconds per run.
    pub row: Comparison,
    /// Operations of our crate and of aws-sdk-rust's.
    pub operations: (usize, usize),
    /// The commands, as a shell would run them.
    pub commands: Vec<String>,
}

fn seconds(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// `--compile`: the service crate alone, dependencies prebuilt, `runs` times each.
pub fn measure_compile(
    cargo: &str,
    toolchain: &Toolchain,
    projects: &Projects,
    aws_operations: usize,
    runs: usize,
) -> Result<BuildTimes, String> {
    let aws = aws_service()?;
    let sides = [
        Build {
            cargo,
            toolchain,
            manifest: projects.whole.join("Cargo.toml"),
            target: projects.whole.join("target"),
            package: OUR_CRATE.to_string(),
        },
        Build {
            cargo,
            toolchain,
            manifest: projects.scratch.join("Cargo.toml"),
            target: projects.scratch.join("target"),
            package: aws.aws_crate.to_string(),
        },
    ];
    for side in &sides {
        eprintln!(
            "building {} and its dependencies (debug, untimed)...",
            side.package
        );
        side.run("build", &[])?;
    }
    let mut times = [Vec::new(), Vec::new()];
    for run in 1..=runs {
        // Alternate the sides, so that load on the machine hits both alike.
        for (side, out) in sides.iter().zip(times.iter_mut()) {
            side.run("clean", &[])?;
            eprintln!(
                "compile run {run} of {runs}: timing cargo build -p {}...",
                side.package
            );
            out.push(seconds(side.run("build", &[])?));
        }
    }
    let [ours, theirs] = times;
    Ok(BuildTimes {
        row: Comparison {
            figure: format!("debug compile of {OUR_CRATE} alone"),
            unit: "s",
            ours: Runs(ours),
            aws: Runs(theirs),
            goal: Some(COMPILE_GOAL),
        },
        operations: (projects.our_operations, aws_operations),
        commands: commands(&sides, |s| {
            format!(
                "{} && {} && time {}",
                s.shown("build", ""),
                s.shown("clean", ""),
                s.shown("build", "")
            )
        }),
    })
}

/// `--consumer`: the consumer binaries from an empty target directory, `runs` times each.
pub fn measure_consumer(
    cargo: &str,
    toolchain: &Toolchain,
    projects: &Projects,
    bench: &Path,
    aws_operations: usize,
    runs: usize,
) -> Result<BuildTimes, String> {
    let target = bench.join("consumer-target");
    let sides = [
        projects.whole.join("Cargo.toml"),
        projects.aws_consumer.join("Cargo.toml"),
    ]
    .map(|manifest| Build {
        cargo,
        toolchain,
        manifest,
        target: target.clone(),
        package: "consumer".to_string(),
    });
    for side in &sides {
        eprintln!(
            "fetching the consumer's dependencies ({})...",
            side.manifest.display()
        );
        run_checked(
            Command::new(cargo)
                .args(["fetch", "--manifest-path"])
                .arg(&side.manifest),
            "cargo fetch",
        )?;
    }
    let clear = || match fs::remove_dir_all(&target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {e}", target.display())),
    };
    let mut times = [Vec::new(), Vec::new()];
    let mut result = Ok(());
    'runs: for run in 1..=runs {
        for (side, out) in sides.iter().zip(times.iter_mut()) {
            clear()?;
            eprintln!(
                "consumer run {run} of {runs}: timing a clean build of {}...",
                side.manifest.display()
            );
            match side.run("build", &["--offline"]) {
                Ok(elapsed) => out.push(seconds(elapsed)),
                Err(e) => {
                    result = Err(e);
                    break 'runs;
                }
            }
        }
    }
    // The target directory is large; it is not kept.
    clear()?;
    // A failed build (a full disk, on a shared machine) still reports the runs that finished.
    result.map_err(|e| {
        format!(
            "{e}\nconsumer builds finished before the failure, seconds: ours {:?}, aws-sdk-rust {:?}",
            times[0], times[1]
        )
    })?;
    let [ours, theirs] = times;
    Ok(BuildTimes {
        row: Comparison {
            figure: "consumer's clean build, default features".to_string(),
            unit: "s",
            ours: Runs(ours),
            aws: Runs(theirs),
            goal: Some(CONSUMER_GOAL),
        },
        operations: (projects.our_operations, aws_operations),
        commands: commands(&sides, |s| {
            format!(
                "rm -rf {} && time {}",
                target.display(),
                s.shown("build", " --offline")
            )
        }),
    })
}

/// A section as text.
pub fn render(title: &str, times: &BuildTimes, toolchain: &Toolchain) -> String {
    let mut out = String::new();
    let aws = aws_service().map_or_else(
        |_| String::new(),
        |s| format!("{} {}", s.aws_crate, s.aws_version),
    );
    let _ = writeln!(
        out,
        "{title} ({}; ours: {OUR_CRATE} generated from the whole reference model {WHOLE_MODEL}, \
         {} operations; aws-sdk-rust: {aws}, {} operations; {} runs each, alternating; min / median):",
        toolchain.version,
        times.operations.0,
        times.operations.1,
        times.row.ours.0.len()
    );
    out.push_str(&super::figures::render(std::slice::from_ref(&times.row)));
    let _ = writeln!(out, "  commands (the last `cargo build` of each is timed):");
    for c in &times.commands {
        let _ = writeln!(out, "    {c}");
    }
    out
}

/// A section as JSON.
pub fn json(times: Option<&BuildTimes>, projects: Option<&Projects>) -> Value {
    match times {
        None => json!({ "measured": false }),
        Some(t) => json!({
            "measured": true,
            "profile": "debug",
            "model": WHOLE_MODEL,
            "ours": { "crate": OUR_CRATE, "operations": t.operations.0,
                      "code_lines": projects.map(|p| p.our_lines) },
            "aws": { "crate": aws_service().ok().map(|s| s.aws_crate),
                     "version": aws_service().ok().map(|s| s.aws_version),
                     "operations": t.operations.1 },
            "figure": t.row.json(),
            "commands": t.commands,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consumers_differ_only_in_the_crate() {
        let ours = CONSUMER_SOURCE.replace("CLIENT", OUR_CRATE);
        let aws = CONSUMER_SOURCE.replace("CLIENT", "aws_sdk_bedrockagentcore");
        assert!(!ours.contains("CLIENT") && ours.contains("bedrockagentcore::Config::builder()"));
        assert_eq!(
            ours.replace(OUR_CRATE, "x"),
            aws.replace("aws_sdk_bedrockagentcore", "x")
        );
        let manifest = consumer_manifest("a = \"=1\"");
        assert!(manifest.contains("[dependencies]\na = \"=1\"\n"));
        assert!(aws_service().is_ok_and(|s| s.aws_crate == "aws-sdk-bedrockagentcore"));
    }
}
