//! `cargo xtask reference-build`: generate crates for the two full AWS reference models (every
//! operation, not just the slices in `models/`), build them and run their tests (every endpoint
//! test case of each model), to prove the generator handles whole real-world models. Operations it
//! cannot support yet are reported as warnings.

use std::path::PathBuf;
use std::process::Command;

use crate::codegen::{run_generate, workspace_root};

/// The full models, relative to the shared reference directory.
const MODELS: &[&str] = &[
    "aws/bedrock-agentcore-2024-02-28.json",
    "aws/partnercentral-account-2025-04-04.json",
];

/// The shared reference directory: `SDK_SHARED_DIR`, or `../shared` beside the workspace.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("SDK_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared"))
}

pub fn run(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask reference-build".to_string());
    }
    let reference = shared_dir().join("reference");
    if !reference.is_dir() {
        return Err(format!(
            "{} is missing: the reference models are needed (set SDK_SHARED_DIR to the shared directory)",
            reference.display()
        ));
    }
    let out = workspace_root().join("target/reference-sdk");
    let mut generate_args = vec!["--model".to_string()];
    generate_args.extend(
        MODELS
            .iter()
            .map(|m| reference.join(m).display().to_string()),
    );
    generate_args.extend(["--out".to_string(), out.display().to_string()]);
    run_generate(&generate_args)?;
    // Share the workspace's target directory so the runtime dependencies are compiled once.
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
        .args(["test", "--workspace", "--manifest-path"])
        .arg(out.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", workspace_root().join("target"))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!(
            "the crates generated from the reference models do not build ({status})"
        ));
    }
    println!(
        "reference models generated, built and tested in {}",
        out.display()
    );
    Ok(())
}
