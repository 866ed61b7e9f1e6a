//! `cargo xtask codegen --check` as a test: the committed generated crates must be exactly what the
//! models produce, and the check must notice a missing, changed or extra file.

use std::fs;
use std::path::Path;

use xtask::codegen::{check_dir, generate_workspace, workspace_root, write_crates};

#[test]
fn committed_crates_match_the_models() {
    let root = workspace_root();
    std::env::set_current_dir(&root).expect("workspace root");
    let groups = generate_workspace(Path::new(".")).expect("models generate");
    let mut problems = Vec::new();
    for (out, crates) in &groups {
        problems.extend(check_dir(out, crates).expect("check runs"));
    }
    assert!(
        problems.is_empty(),
        "generated crates are stale; run `cargo xtask codegen`:\n{}",
        problems.join("\n")
    );
}

#[test]
fn check_names_changed_missing_and_extra_files() {
    let root = workspace_root();
    std::env::set_current_dir(&root).expect("workspace root");
    let groups = generate_workspace(Path::new(".")).expect("models generate");
    let (_, crates) = groups.first().expect("the models group");
    let out = std::env::temp_dir().join(format!("codegen-check-{}", std::process::id()));
    fs::create_dir_all(&out).expect("temp dir");
    write_crates(&out, crates, false).expect("write");
    assert!(check_dir(&out, crates).expect("check").is_empty());

    let krate = &crates[0];
    let changed = out.join(&krate.crate_name).join("src/lib.rs");
    fs::write(&changed, "// edited by hand\n").expect("edit");
    let missing = out.join(&krate.crate_name).join("src/client.rs");
    fs::remove_file(&missing).expect("remove");
    let extra = out.join(&krate.crate_name).join("src/extra.rs");
    fs::write(&extra, "").expect("add");

    let problems = check_dir(&out, crates).expect("check");
    let expect = |kind: &str, path: &Path| {
        let wanted = format!("{kind}: {}", path.display());
        assert!(
            problems.iter().any(|p| p == &wanted),
            "expected `{wanted}` in {problems:#?}"
        );
    };
    expect("changed", &changed);
    expect("missing", &missing);
    expect("extra", &extra);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    fs::remove_dir_all(&out).expect("clean up");
}

#[test]
fn crates_no_model_generates_are_reported_and_removed_but_hand_written_ones_kept() {
    let root = workspace_root();
    std::env::set_current_dir(&root).expect("workspace root");
    let groups = generate_workspace(Path::new(".")).expect("models generate");
    let (_, crates) = groups.first().expect("the models group");
    let out = std::env::temp_dir().join(format!("codegen-stale-{}", std::process::id()));
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).expect("temp dir");
    write_crates(&out, crates, false).expect("write");
    let hand = out.join("hand-written");
    fs::create_dir_all(&hand).expect("hand-written crate");
    fs::write(
        hand.join("Cargo.toml"),
        "[package]\nname = \"hand-written\"\n",
    )
    .expect("manifest");

    let (gone, kept) = crates.split_first().expect("at least one crate");
    let stale = out.join(&gone.crate_name);
    let problems = check_dir(&out, kept).expect("check");
    assert_eq!(
        problems,
        [format!(
            "extra: {} (no model generates it)",
            stale.display()
        )]
    );

    write_crates(&out, kept, false).expect("rewrite keeping stale crates");
    assert!(stale.is_dir(), "kept without remove_stale");
    write_crates(&out, kept, true).expect("rewrite removing stale crates");
    assert!(!stale.exists(), "removed with remove_stale");
    assert!(hand.join("Cargo.toml").is_file(), "hand-written crate kept");
    assert!(check_dir(&out, kept).expect("check").is_empty());
    fs::remove_dir_all(&out).expect("clean up");
}
