//! One insta snapshot per generated file, for every service in `models/` and every edge-case
//! fixture in `tests/fixtures/`. A model or generator change shows up as a snapshot diff to review
//! (`cargo insta review`); CI runs with `INSTA_UPDATE=no` and never writes snapshots.

use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

fn snapshot_models(models: &str) {
    let root = workspace_root();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join(models))
        .expect("model directory exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("service.json").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no models under {models}/");
    for dir in dirs {
        let relative = dir
            .strip_prefix(&root)
            .expect("under the root")
            .to_path_buf();
        let crates = std::env::set_current_dir(&root)
            .map_err(|e| e.to_string())
            .and_then(|()| codegen::generate(&[relative]))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for krate in crates {
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path(root.join("tests/snapshots").join(&krate.crate_name));
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.bind(|| {
                for file in &krate.files {
                    insta::assert_snapshot!(file.path.replace('/', "__"), file.contents);
                }
            });
            // A snapshot of a file the generator no longer writes is stale: it must go too.
            let dir = root.join("tests/snapshots").join(&krate.crate_name);
            let expected: Vec<String> = krate
                .files
                .iter()
                .map(|f| format!("{}.snap", f.path.replace('/', "__")))
                .collect();
            let stale: Vec<String> = std::fs::read_dir(&dir)
                .map(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .filter(|name| name.ends_with(".snap") && !expected.contains(name))
                        .collect()
                })
                .unwrap_or_default();
            assert!(
                stale.is_empty(),
                "stale snapshots in {}: {stale:?}",
                dir.display()
            );
        }
    }
}

#[test]
fn service_crates() {
    snapshot_models("models");
}

#[test]
fn edge_case_fixtures() {
    snapshot_models("tests/fixtures");
}
