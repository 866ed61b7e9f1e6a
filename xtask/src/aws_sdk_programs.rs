//! `cargo xtask aws-sdk-programs [--ours] [--no-run]`: compiles the programs of
//! `tests/aws-sdk-programs/src/bin/` (written against aws-sdk-rust) in a scratch Cargo project.
//!
//! By default the project depends on the published aws-sdk-rust crates (the versions of
//! [`crate::bench::SERVICES`], without their default TLS client: `rt-tokio` only), so the programs
//! cannot drift from aws-sdk-rust's API; then every program runs once with the endpoint variables
//! unset, which keeps it off the network. With `--ours` the same sources are compiled against this
//! workspace's crates, under the aws-sdk-rust crate names (Cargo renames), which is what the
//! `aws-sdk-programs` package does as a workspace member. The projects are written to
//! `target/aws-sdk-programs/{aws-sdk,ours}/`, seeded with this repository's `Cargo.lock`, and
//! built in this workspace's target directory (or `CARGO_TARGET_DIR`).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bench::{
    SERVICES, Service, cargo_program, pinned_dependency, toml_string, write_if_changed,
};
use crate::codegen::workspace_root;
use crate::corpus::target_dir;

/// The programs' package, relative to the workspace root.
pub const PROGRAMS_DIR: &str = "tests/aws-sdk-programs";

/// The programs' dependencies besides the SDK crates, pinned to the root
/// `[workspace.dependencies]`, with the features the programs use. The same names as in
/// `tests/aws-sdk-programs/Cargo.toml` (a unit test checks it).
pub const PROGRAM_DEPS: &[(&str, &[&str])] = &[
    ("aws-types", &[]),
    ("aws-smithy-http-client", &["default-client"]),
    ("tokio", &["macros", "rt-multi-thread"]),
];

/// Environment variables that would point a program at an endpoint: removed for the offline runs.
pub const ENDPOINT_VARS: &[&str] = &[
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE",
    "AWS_ENDPOINT_URL_PARTNERCENTRAL_ACCOUNT",
];

/// Which crates the programs are compiled against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// The published aws-sdk-rust crates.
    AwsSdk,
    /// This workspace's crates, renamed to the aws-sdk-rust names.
    Ours,
}

impl Against {
    /// The scratch project's directory name under `target/aws-sdk-programs/`.
    pub fn dir_name(self) -> &'static str {
        match self {
            Against::AwsSdk => "aws-sdk",
            Against::Ours => "ours",
        }
    }
}

/// Parsed command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The crates compiled against.
    pub against: Against,
    /// Run each program once after the build.
    pub run: bool,
}

const USAGE: &str = "usage: cargo xtask aws-sdk-programs [--ours] [--no-run]";

/// Parses the arguments after `aws-sdk-programs`.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        against: Against::AwsSdk,
        run: true,
    };
    for arg in args {
        match arg.as_str() {
            "--ours" => options.against = Against::Ours,
            "--no-run" => options.run = false,
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(options)
}

/// The programs: the file stems of `src/bin/*.rs` under `dir` (the programs' package), sorted.
pub fn program_names(dir: &Path) -> Result<Vec<String>, String> {
    let bin = dir.join("src/bin");
    let entries = fs::read_dir(&bin).map_err(|e| format!("{}: {e}", bin.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", bin.display()))?.path();
        if path.extension().is_some_and(|e| e == "rs")
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
        {
            names.push(stem.to_string());
        }
    }
    names.sort();
    if names.is_empty() {
        return Err(format!("no programs in {}", bin.display()));
    }
    Ok(names)
}

/// The dependency line of one service's SDK crate, under its aws-sdk-rust name.
fn sdk_dependency(service: &Service, against: Against, root: &Path) -> String {
    match against {
        Against::AwsSdk => format!(
            "{} = {{ version = \"={}\", default-features = false, features = [\"rt-tokio\"] }}",
            service.aws_crate, service.aws_version
        ),
        Against::Ours => format!(
            "{} = {{ package = \"{}\", path = {}, default-features = false }}",
            service.aws_crate,
            service.our_crate,
            toml_string(
                &root
                    .join("crates")
                    .join(service.our_crate)
                    .to_string_lossy()
            )
        ),
    }
}

/// The scratch project's manifest: the SDK crates of `services`, [`PROGRAM_DEPS`] pinned as in
/// `root_manifest` (the text of the root `Cargo.toml`), and a `[[bin]]` per program, whose sources
/// stay in `<root>/tests/aws-sdk-programs/src/bin/`.
pub fn scratch_manifest(
    services: &[Service],
    against: Against,
    root: &Path,
    root_manifest: &str,
    programs: &[String],
) -> Result<String, String> {
    let mut out = format!(
        "# Written by `cargo xtask aws-sdk-programs`: the programs of {PROGRAMS_DIR}, compiled \
         against {}.\n[package]\nname = \"aws-sdk-programs-{}\"\nversion = \"0.0.0\"\n\
         edition = \"2024\"\npublish = false\nautobins = false\n\n[dependencies]\n",
        match against {
            Against::AwsSdk => "the aws-sdk-rust crates",
            Against::Ours => "this workspace's crates under the aws-sdk-rust names",
        },
        against.dir_name()
    );
    for service in services {
        out.push_str(&sdk_dependency(service, against, root));
        out.push('\n');
    }
    for (name, features) in PROGRAM_DEPS {
        out.push_str(&pinned_dependency(root_manifest, name, features)?);
        out.push('\n');
    }
    let sources = root.join(PROGRAMS_DIR).join("src/bin");
    for program in programs {
        let path = sources.join(format!("{program}.rs"));
        let _ = write!(
            out,
            "\n[[bin]]\nname = \"{program}\"\npath = {}\n",
            toml_string(&path.to_string_lossy())
        );
    }
    // Its own workspace: not a member of the checkout's workspace it sits in.
    out.push_str("\n[workspace]\n");
    Ok(out)
}

/// Writes the scratch project for `against` under `<root>/target/aws-sdk-programs/` and returns
/// its manifest path.
fn write_scratch_project(
    root: &Path,
    against: Against,
    programs: &[String],
) -> Result<PathBuf, String> {
    let dir = root
        .join("target/aws-sdk-programs")
        .join(against.dir_name());
    let root_manifest = root.join("Cargo.toml");
    let text = fs::read_to_string(&root_manifest)
        .map_err(|e| format!("{}: {e}", root_manifest.display()))?;
    let manifest = dir.join("Cargo.toml");
    write_if_changed(
        &manifest,
        &scratch_manifest(SERVICES, against, root, &text, programs)?,
    )?;
    // The workspace's resolution as the starting point: the shared dependencies resolve as in the
    // workspace; cargo adds what only the aws-sdk-rust crates need.
    let lock = dir.join("Cargo.lock");
    if !lock.exists() {
        let ours = root.join("Cargo.lock");
        fs::copy(&ours, &lock).map_err(|e| format!("{}: {e}", ours.display()))?;
    }
    Ok(manifest)
}

/// Runs `command` with the terminal's output; an error naming `what` when it fails.
fn run_visible(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Entry point for `cargo xtask aws-sdk-programs`; `args` excludes the command word itself.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    let root = workspace_root();
    let programs = program_names(&root.join(PROGRAMS_DIR))?;
    let manifest = write_scratch_project(&root, options.against, &programs)?;
    let cargo = cargo_program();
    let target = target_dir();
    eprintln!(
        "building {} program(s) against {} ({}, target directory {})",
        programs.len(),
        match options.against {
            Against::AwsSdk => "aws-sdk-rust",
            Against::Ours => "this workspace's crates",
        },
        manifest.display(),
        target.display()
    );
    run_visible(
        Command::new(&cargo)
            .args(["build", "--bins", "--keep-going", "--manifest-path"])
            .arg(&manifest)
            .env("CARGO_TARGET_DIR", &target),
        "cargo build",
    )?;
    if !options.run {
        return Ok(());
    }
    for program in &programs {
        eprintln!("running {program} (offline: endpoint variables unset)");
        let mut command = Command::new(&cargo);
        command
            .args(["run", "--quiet", "--bin", program, "--manifest-path"])
            .arg(&manifest)
            .env("CARGO_TARGET_DIR", &target);
        for var in ENDPOINT_VARS {
            command.env_remove(var);
        }
        run_visible(&mut command, program)?;
    }
    eprintln!(
        "{} program(s) built and run against {}",
        programs.len(),
        options.against.dir_name()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        assert_eq!(
            parse_args(&[]).unwrap(),
            Options {
                against: Against::AwsSdk,
                run: true
            }
        );
        let args = ["--ours".to_string(), "--no-run".to_string()];
        assert_eq!(
            parse_args(&args).unwrap(),
            Options {
                against: Against::Ours,
                run: false
            }
        );
        assert!(parse_args(&["--release".to_string()]).is_err());
    }

    const ROOT_MANIFEST: &str = "[workspace.dependencies]\naws-types = { version = \"=1.7.0\" }\n\
        aws-smithy-http-client = { version = \"=1.5.2\" }\ntokio = { version = \"=1.54.1\", features = [\"full\"] }\n";

    #[test]
    fn manifest_against_aws_sdk_pins_the_bench_versions() {
        let programs = vec!["a".to_string()];
        let text = scratch_manifest(
            SERVICES,
            Against::AwsSdk,
            Path::new("/ws"),
            ROOT_MANIFEST,
            &programs,
        )
        .unwrap();
        assert!(text.contains(
            "aws-sdk-bedrockagentcore = { version = \"=1.83.0\", default-features = false, features = [\"rt-tokio\"] }"
        ));
        assert!(text.contains("\naws-types = \"=1.7.0\"\n"));
        assert!(text.contains(
            "tokio = { version = \"=1.54.1\", features = [\"macros\", \"rt-multi-thread\"] }"
        ));
        assert!(text.contains(
            "[[bin]]\nname = \"a\"\npath = \"/ws/tests/aws-sdk-programs/src/bin/a.rs\"\n"
        ));
        assert!(text.ends_with("\n[workspace]\n"));
    }

    #[test]
    fn manifest_against_ours_renames_our_crates() {
        let text = scratch_manifest(
            SERVICES,
            Against::Ours,
            Path::new("/ws"),
            ROOT_MANIFEST,
            &["a".to_string()],
        )
        .unwrap();
        assert!(text.contains(
            "aws-sdk-partnercentralaccount = { package = \"partnercentralaccount\", path = \"/ws/crates/partnercentralaccount\", default-features = false }"
        ));
        assert!(!text.contains("version = \"=1.34.0\""));
    }

    #[test]
    fn missing_pin_is_an_error() {
        let err =
            scratch_manifest(SERVICES, Against::AwsSdk, Path::new("/ws"), "", &[]).unwrap_err();
        assert!(err.contains("aws-types"), "{err}");
    }

    /// The names of the `[dependencies]` table of a manifest.
    fn dependency_names(manifest: &str) -> Vec<String> {
        let mut names = Vec::new();
        let mut in_table = false;
        for line in manifest.lines().map(str::trim) {
            if line.starts_with('[') {
                in_table = line == "[dependencies]";
            } else if in_table && let Some((key, _)) = line.split_once('=') {
                let key = key.trim();
                // `name.workspace = true`
                names.push(key.split('.').next().unwrap_or(key).to_string());
            }
        }
        names.sort();
        names
    }

    /// The workspace package and the scratch projects depend on the same crates, so the programs
    /// compile the same way in both.
    #[test]
    fn the_package_has_the_same_dependencies() {
        let path = workspace_root().join(PROGRAMS_DIR).join("Cargo.toml");
        let text = fs::read_to_string(&path).unwrap();
        let mut expected: Vec<String> = SERVICES
            .iter()
            .map(|s| s.aws_crate.to_string())
            .chain(PROGRAM_DEPS.iter().map(|(name, _)| name.to_string()))
            .collect();
        expected.sort();
        assert_eq!(dependency_names(&text), expected);
        for service in SERVICES {
            assert!(
                text.contains(&format!("package = \"{}\"", service.our_crate)),
                "{} is not a rename of {}",
                service.aws_crate,
                service.our_crate
            );
        }
    }

    #[test]
    fn programs_are_found() {
        let names = program_names(&workspace_root().join(PROGRAMS_DIR)).unwrap();
        assert!(
            names.iter().any(|n| n.starts_with("agentcore_")),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n.starts_with("partner_")), "{names:?}");
    }
}
