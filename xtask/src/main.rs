//! Workspace automation: `cargo xtask <command>`.
//!
//! - `codegen [--check]`: regenerate (or check) every crate under `crates/` from `models/`.
//! - `generate --model PATH... --out DIR`: generate crates for arbitrary model files or directories.
//! - `import smithy ...` / `import openapi ...` / `import refresh [--check]`: slice operations out of
//!   a full Smithy JSON AST model, or import an OpenAPI / Swagger spec, into `models/`.
//! - `reference-build`: generate and build crates for the full AWS reference models.
//! - `conformance [--no-run]`: generate and run the Smithy protocol compliance tests.
//! - `corpus [--dir DIR] [--out DIR] [--build | --build-sample] [--only NAME,...] [--summary FILE]`:
//!   generate (and build) every model of the AWS model corpus, with a row per model.
//! - `fuzz [models | responses | all] [--budget SECONDS] [--seed N] [--case I]`: model and
//!   response fuzzing (seeded, reproducible).
//! - `stats`, `bench ...`: generated code size and side-by-side measurements.
//! - `aws-sdk-programs [--ours] [--no-run]`: build (and run offline) the programs written against
//!   aws-sdk-rust, against its crates or, with `--ours`, against this workspace's.

use std::process::ExitCode;

use xtask::{codegen, import, reference};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen::run_codegen(&args[1..]),
        Some("generate") => codegen::run_generate(&args[1..]),
        Some("import") => import::run(&args[1..]),
        Some("reference-build") => reference::run(&args[1..]),
        Some("conformance") => xtask::conformance::run(&args[1..]),
        Some("corpus") => xtask::corpus::run(&args[1..]),
        Some("fuzz") => xtask::fuzz::run(&args[1..]),
        Some("stats") => xtask::stats::run(&args[1..]),
        Some("bench") => xtask::bench::run(&args[1..]),
        Some("aws-sdk-programs") => xtask::aws_sdk_programs::run(&args[1..]),
        _ => Err(usage()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // Messages quote models and specs: no raw control characters reach the terminal.
            eprintln!("error: {}", ::codegen::escape::untrusted_lines(&message));
            ExitCode::FAILURE
        }
    }
}

fn usage() -> String {
    "usage: cargo xtask <codegen [--check] | generate --model PATH... --out DIR | import smithy ... | import openapi ... | import refresh [--check] | reference-build | conformance | corpus [--dir DIR] [--out DIR] [--build | --build-sample] [--only NAME,...] [--summary FILE] | fuzz [models | responses | all] [--budget SECONDS] [--seed N] [--case I] | stats | bench [--runs N] [--per-call [--calls N]] [--compile] [--consumer] [--all] | aws-sdk-programs [--ours] [--no-run]>"
        .to_string()
}
