//! Every model case the fuzzer ever saved (`tests/fuzz-crashes/models/*`) still goes through the
//! generator without a panic, with parseable Rust or a rejection that names the file and a JSON
//! path. Also: the unmodified workspace models pass the same check.

use std::path::Path;

use xtask::fuzz::{ModelOutcome, check_model};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
}

#[test]
fn saved_model_crashes_no_longer_fail() {
    let dir = root().join(xtask::fuzz::MODEL_CRASHES);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut failures = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let case = entry.path();
        let model = if case.join("model.json").is_file() {
            case.join("model.json")
        } else {
            case.clone()
        };
        if let Err(e) = check_model(&model) {
            failures.push(format!("{}: {e}", case.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_workspace_models_pass_the_fuzz_check() {
    for dir in ["models/bedrock-agentcore", "tests/fixtures/recursion"] {
        let outcome = check_model(&root().join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        assert!(
            matches!(outcome, ModelOutcome::Generated { files } if files > 0),
            "{dir}: {outcome:?}"
        );
    }
}

#[test]
fn a_rejection_without_a_json_path_is_a_failure() {
    let dir = std::env::temp_dir().join(format!("fuzz-regressions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let model = dir.join("model.json");
    // Truncated JSON: the loader's message names the file and `$`.
    std::fs::write(&model, br#"{"smithy": "2.0", "shapes": {"#).expect("write");
    assert_eq!(check_model(&model), Ok(ModelOutcome::Rejected));
    std::fs::remove_dir_all(&dir).ok();
}
