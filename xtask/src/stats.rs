//! `cargo xtask stats`: how much code the generator writes, and how long generation takes.
//!
//! For every generated service crate under `crates/` (a crate whose `Cargo.toml` starts with the
//! generated-file header) it counts the operations (`src/operation/*.rs`) and the generated lines
//! of Rust code in `src/**/*.rs`, leaving out blank lines, comment lines (`//`, `///`, `//!`) and
//! doc attributes standing alone on a line (`#[doc = "..."]`). It prints a row per crate, the
//! total and the average per operation, and the best of five in-memory runs of
//! [`crate::codegen::generate_workspace`] (every model, nothing written).
//!
//! The edge-case fixture crates under `tests/generated/` are not counted: they are test inputs,
//! not product.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::codegen::{files_under, generate_workspace, is_generated_crate, workspace_root};

/// How many times generation is timed; the fastest run is reported.
pub const TIMING_RUNS: usize = 5;

/// Line counts of one generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrateStats {
    /// The crate's directory name under `crates/`.
    pub name: String,
    /// Number of operation modules (`src/operation/*.rs`).
    pub operations: usize,
    /// Lines of Rust code in `src/`, without blank, comment and doc-attribute lines.
    pub code_lines: usize,
}

impl CrateStats {
    /// Code lines per operation; `None` for a crate without operations.
    pub fn lines_per_operation(&self) -> Option<f64> {
        per_operation(self.code_lines, self.operations)
    }
}

/// Entry point for `cargo xtask stats`; `args` excludes the `stats` word itself.
pub fn run(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask stats".to_string());
    }
    let root = workspace_root();
    let crates = collect(&root.join("crates"))?;
    if crates.is_empty() {
        return Err(format!(
            "{}: no generated crates found; run `cargo xtask codegen`",
            root.join("crates").display()
        ));
    }
    // Generation reports model paths relative to the root, as `cargo xtask codegen` does.
    std::env::set_current_dir(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    let (best, crate_count) = time_generation(Path::new("."), TIMING_RUNS)?;
    print!("{}", render_table(&crates));
    println!();
    println!(
        "generation of all models in memory ({crate_count} crates incl. test fixtures): \
         {:.1} ms (best of {TIMING_RUNS}, {} build)",
        best.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    Ok(())
}

/// Stats of every generated crate directly under `crates_dir`, sorted by name. Hand-written
/// crates (no generated header) are skipped.
pub fn collect(crates_dir: &Path) -> Result<Vec<CrateStats>, String> {
    let entries = fs::read_dir(crates_dir).map_err(|e| format!("{}: {e}", crates_dir.display()))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        if let Some(stats) = crate_stats(&dir)? {
            out.push(stats);
        }
    }
    Ok(out)
}

/// Stats of the crate in `dir`, or `None` when it is not a generated crate.
pub fn crate_stats(dir: &Path) -> Result<Option<CrateStats>, String> {
    if !is_generated_crate(dir) {
        return Ok(None);
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let operations = rust_files(&dir.join("src/operation"), false)?.count();
    let mut code_lines = 0;
    for file in rust_files(&dir.join("src"), true)? {
        let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        code_lines += count_code_lines(&text);
    }
    Ok(Some(CrateStats {
        name,
        operations,
        code_lines,
    }))
}

/// The `.rs` files in `dir` (and below it when `recursive`); none when `dir` does not exist.
fn rust_files(dir: &Path, recursive: bool) -> Result<impl Iterator<Item = PathBuf>, String> {
    let files = files_under(dir, recursive)?;
    Ok(files
        .into_iter()
        .filter(|path| path.extension().is_some_and(|x| x == "rs")))
}

/// Counts the lines of `text` that are code: not blank, not a `//` comment (which covers `///`
/// and `//!` doc comments), and not a `#[doc = ...]` / `#![doc = ...]` attribute alone on its line.
pub fn count_code_lines(text: &str) -> usize {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//") && !is_doc_attribute(line))
        .count()
}

/// True when `line` (trimmed) is exactly one complete doc attribute and nothing else.
fn is_doc_attribute(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("#[doc")
        .or_else(|| line.strip_prefix("#![doc"))
    else {
        return false;
    };
    // `#[docs_helper]` is not a doc attribute.
    if !rest.starts_with([' ', '=', '(']) {
        return false;
    }
    // Find the `]` that closes the attribute, skipping string literals and nested brackets.
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ']' if depth == 0 => return rest[i + 1..].trim().is_empty(),
            ']' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Times `runs` in-memory generations of every model under `root`; returns the fastest run and
/// how many crates one run produces.
pub fn time_generation(root: &Path, runs: usize) -> Result<(Duration, usize), String> {
    let mut best: Option<Duration> = None;
    let mut crate_count = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let groups = generate_workspace(root)?;
        let elapsed = start.elapsed();
        crate_count = groups.iter().map(|(_, crates)| crates.len()).sum();
        best = Some(best.map_or(elapsed, |b| b.min(elapsed)));
    }
    Ok((best.unwrap_or_default(), crate_count))
}

fn per_operation(lines: usize, operations: usize) -> Option<f64> {
    // Line and operation counts are far below 2^52, so the conversions are exact.
    (operations > 0).then(|| lines as f64 / operations as f64)
}

/// The table `cargo xtask stats` prints: a row per crate, then the total and its average.
pub fn render_table(crates: &[CrateStats]) -> String {
    let fmt_ratio = |r: Option<f64>| r.map_or_else(|| "-".to_string(), |r| format!("{r:.1}"));
    let total_ops: usize = crates.iter().map(|c| c.operations).sum();
    let total_lines: usize = crates.iter().map(|c| c.code_lines).sum();
    let total_label = format!("total ({} crates)", crates.len());
    let width = crates
        .iter()
        .map(|c| c.name.len())
        .chain([total_label.len(), "crate".len()])
        .max()
        .unwrap_or(5);
    let mut out = String::new();
    let mut row = |name: &str, ops: &str, lines: &str, ratio: &str| {
        // Writing to a String cannot fail.
        let _ = writeln!(out, "{name:<width$}  {ops:>10}  {lines:>10}  {ratio:>8}");
    };
    row("crate", "operations", "code lines", "lines/op");
    for c in crates {
        row(
            &c.name,
            &c.operations.to_string(),
            &c.code_lines.to_string(),
            &fmt_ratio(c.lines_per_operation()),
        );
    }
    row(
        &total_label,
        &total_ops.to_string(),
        &total_lines.to_string(),
        &fmt_ratio(per_operation(total_lines, total_ops)),
    );
    out.push_str(
        "\ncode lines: `src/**/*.rs` without blank lines, `//` / `///` / `//!` comments and \
         lone `#[doc = ...]` lines\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_code_lines() {
        let text = r#"// Code generated by `cargo xtask codegen`. DO NOT EDIT.
#![cfg_attr(rustfmt, rustfmt::skip)]
//! Module docs.

/// A struct.
#[doc = " An attribute doc line."]
#[doc = " with \"quotes\" and ] inside"]
#[derive(Debug)]
pub struct A {
    /// A field.
    pub x: i32, // trailing comments keep the line
}
    #![doc = "inner doc"]
#[doc = " doc"] pub fn f() {}
#[doc_cfg] fn g() {}
let s = "// not a comment";
"#;
        // Code: cfg_attr, derive, struct, field, `}`, the doc attribute followed by code,
        // `#[doc_cfg]`, and the `let`.
        assert_eq!(count_code_lines(text), 8);
    }

    #[test]
    fn empty_and_comment_only_text_has_no_code() {
        assert_eq!(count_code_lines(""), 0);
        assert_eq!(
            count_code_lines("\n   \n// a\n/// b\n//! c\n#[doc = \"d\"]\n"),
            0
        );
    }

    #[test]
    fn doc_attribute_recognition() {
        assert!(is_doc_attribute("#[doc = \" x\"]"));
        assert!(is_doc_attribute("#![doc = \"x\"]"));
        assert!(is_doc_attribute("#[doc(hidden)]"));
        assert!(!is_doc_attribute("#[doc = \"x\"] struct S;"));
        assert!(
            !is_doc_attribute("#[doc ="),
            "unterminated attribute is code"
        );
        assert!(!is_doc_attribute("#[document]"));
    }

    #[test]
    fn table_totals_and_averages() {
        let crates = vec![
            CrateStats {
                name: "a".to_string(),
                operations: 3,
                code_lines: 900,
            },
            CrateStats {
                name: "b".to_string(),
                operations: 1,
                code_lines: 500,
            },
        ];
        let table = render_table(&crates);
        let total = table
            .lines()
            .find(|l| l.starts_with("total (2 crates)"))
            .unwrap_or_default();
        let cells: Vec<&str> = total.split_whitespace().collect();
        assert_eq!(cells[cells.len() - 3..], ["4", "1400", "350.0"]);
        assert!(
            table
                .lines()
                .any(|l| l.starts_with('a') && l.ends_with("300.0"))
        );
    }

    #[test]
    fn hand_written_crates_are_skipped_and_generated_ones_counted() {
        let dir = std::env::temp_dir().join(format!("xtask-stats-test-{}", std::process::id()));
        let generated = dir.join("gen");
        let hand = dir.join("hand");
        let _ = fs::remove_dir_all(&dir);
        let write = |p: PathBuf, s: &str| {
            fs::create_dir_all(p.parent().unwrap_or(&dir)).expect("create test dir");
            fs::write(&p, s).expect("write test file");
        };
        write(
            generated.join("Cargo.toml"),
            "# Code generated by `cargo xtask codegen`. DO NOT EDIT.\n",
        );
        write(
            generated.join("src/lib.rs"),
            "//! docs\npub mod operation;\n",
        );
        write(
            generated.join("src/operation.rs"),
            "pub mod a;\npub mod b;\n",
        );
        write(
            generated.join("src/operation/a.rs"),
            "/// A\npub struct A;\n",
        );
        write(generated.join("src/operation/b.rs"), "pub struct B;\n\n");
        write(hand.join("Cargo.toml"), "[package]\nname = \"hand\"\n");
        write(hand.join("src/lib.rs"), "pub fn f() {}\n");
        let stats = collect(&dir);
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(
            stats,
            Ok(vec![CrateStats {
                name: "gen".to_string(),
                operations: 2,
                code_lines: 5,
            }])
        );
    }
}
