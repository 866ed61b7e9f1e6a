//! The `hostile-docs` fixture puts code fences, indented code, quotes, comment terminators,
//! control characters and stray HTML in every kind of model text (documentation, `@title`, enum
//! values, defaults). Model text must never become code: its generated crate (a workspace member,
//! so `cargo test --workspace` runs its doctests) must hold no fence but the `text` fences the
//! docs converter writes and the `rust` examples the generator writes from names in the crate
//! docs' "Examples" section, and no model text may reach those examples. This scans the committed generated sources
//! (`cargo xtask codegen --check` keeps them equal to what the fixture produces) the way rustdoc
//! reads their docs, which is much faster than running `cargo test --doc`.

use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/fixture-hostile-docs")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The value of the Rust string literal at the start of `s` (after its opening quote), and the
/// rest of `s` after the closing quote.
fn string_literal(s: &str) -> (String, &str) {
    let mut value = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (value, &s[i + 1..]),
            '\\' => match chars.next().map(|(_, c)| c) {
                Some('n') => value.push('\n'),
                Some('r') => value.push('\r'),
                Some('t') => value.push('\t'),
                Some('0') => value.push('\0'),
                Some('u') => {
                    let hex: String = chars
                        .by_ref()
                        .map(|(_, c)| c)
                        .skip(1)
                        .take_while(|&c| c != '}')
                        .collect();
                    let c = u32::from_str_radix(&hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or_else(|| panic!("bad \\u escape {hex:?}"));
                    value.push(c);
                }
                Some('\n') => {
                    // A line continuation skips the leading whitespace of the next line.
                    while chars.clone().next().is_some_and(|(_, c)| c.is_whitespace()) {
                        chars.next();
                    }
                }
                Some(c) => value.push(c),
                None => break,
            },
            c => value.push(c),
        }
    }
    panic!("unterminated string literal");
}

/// The doc blocks of a source file, one per documented item, as rustdoc sees them: runs of
/// `///` or `//!` lines, and runs of `#[doc = "..."]` attributes (as inside macro invocations).
fn doc_blocks(source: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut block: Vec<String> = Vec::new();
    let mut rest = source;
    while !rest.is_empty() {
        let trimmed = rest.trim_start();
        let line_end = trimmed.find('\n').unwrap_or(trimmed.len());
        if let Some(doc) = trimmed
            .strip_prefix("///")
            .or_else(|| trimmed.strip_prefix("//!"))
            .filter(|_| !trimmed.starts_with("////"))
        {
            let end = doc.find('\n').unwrap_or(doc.len());
            block.push(doc[..end].to_string());
            rest = &doc[end..];
            continue;
        }
        if let Some(attr) = trimmed
            .strip_prefix("#[doc")
            .or_else(|| trimmed.strip_prefix("#![doc"))
        {
            let attr = attr.trim_start();
            // `#[doc(hidden)]` and the like carry no text.
            if attr.starts_with('(') {
                rest = &attr[attr.find(')').map_or(attr.len(), |i| i + 1)..];
                continue;
            }
            let attr = attr.strip_prefix('=').expect("#[doc = ...]").trim_start();
            let attr = attr.strip_prefix('"').expect("a doc string literal");
            let (value, after) = string_literal(attr);
            block.extend(value.split('\n').map(str::to_string));
            rest = after.trim_start().strip_prefix(']').expect("]");
            continue;
        }
        if !block.is_empty() {
            blocks.push(std::mem::take(&mut block));
        }
        // Skip one token's worth: up to the next line, or past a `#` that starts no doc.
        let skip = trimmed
            .find("#[doc")
            .into_iter()
            .chain(trimmed.find("#![doc"))
            .min()
            .filter(|&i| i > 0 && i < line_end)
            .unwrap_or(line_end.max(1).min(trimmed.len()));
        rest = &trimmed[skip..];
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// rustdoc removes the indentation all lines of a doc block share.
fn unindent(block: &[String]) -> Vec<&str> {
    let indent = block
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    block
        .iter()
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect()
}

/// After up to three spaces and any list or block-quote markers: where a block would start.
fn block_start(line: &str) -> &str {
    let mut rest = line;
    loop {
        let indent = rest.len() - rest.trim_start_matches(' ').len();
        if indent >= 4 {
            return rest;
        }
        let s = &rest[indent..];
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let marker = ["- ", "* ", "+ ", ">"]
            .iter()
            .find_map(|m| s.strip_prefix(m))
            .or_else(|| {
                let after = &s[digits..];
                (digits > 0)
                    .then(|| after.strip_prefix(". ").or(after.strip_prefix(") ")))
                    .flatten()
            });
        match marker {
            Some(after) => rest = after,
            None => return s,
        }
    }
}

#[derive(Debug, Default)]
struct Scan {
    /// Fences the converter opened (`text`), closed by the same fence.
    text_fences: usize,
    /// Everything rustdoc would run or compile (other fences, indented code blocks), and what
    /// would not compile at all.
    doctests: Vec<String>,
    /// Lines of model text that must stay text, seen outside any fence.
    hostile_lines: usize,
    /// The generator's own `rust` examples (under `## Examples` in `src/lib.rs`).
    example_fences: usize,
}

/// What the fixture's model text holds that no generated example may.
const HOSTILE: &[&str] = &["compile_error!", "panic!", "model text", "*/", "```"];

fn scan(file: &str, block: &[String], out: &mut Scan) {
    let lines = unindent(block);
    let mut fence: Option<String> = None;
    let mut previous_blank = true;
    // Headings are written by the generator; model text cannot start a line with one.
    let mut in_examples = false;
    let mut example = false;
    for line in lines {
        if let Some(open) = &fence {
            if line.trim_end() == open {
                fence = None;
                example = false;
                // An indented block may follow a fence directly.
                previous_blank = true;
            } else if example && HOSTILE.iter().any(|h| line.contains(h)) {
                out.doctests
                    .push(format!("{file}: model text in an example: {line:?}"));
            }
            continue;
        }
        if line.starts_with("## ") {
            in_examples = file == "src/lib.rs" && line == "## Examples";
        }
        if line.contains("compile_error!") || line.contains("panic!") {
            out.hostile_lines += 1;
        }
        let start = block_start(line);
        let indented = line.len() - line.trim_start_matches([' ', '\t']).len();
        if (start.starts_with("    ") || start.starts_with('\t') || indented >= 4)
            && !line.trim().is_empty()
        {
            if previous_blank {
                out.doctests
                    .push(format!("{file}: indented code block: {line:?}"));
            }
        } else if start.starts_with("```") || start.starts_with("~~~") {
            let run: String = start.chars().take_while(|&c| c == '`').collect();
            let info = start[run.len()..].trim();
            if start == line && run.len() >= 3 && info == "text" {
                out.text_fences += 1;
                fence = Some(run);
            } else if in_examples && line == "```rust" {
                out.example_fences += 1;
                example = true;
                fence = Some(run);
            } else {
                out.doctests.push(format!("{file}: fence: {line:?}"));
                let c = start.chars().next().unwrap_or('`');
                fence = Some(start.chars().take_while(|&x| x == c).collect());
            }
        }
        previous_blank = line.trim().is_empty();
    }
    if let Some(open) = fence {
        out.doctests
            .push(format!("{file}: fence {open:?} never closed"));
    }
}

#[test]
fn hostile_model_text_opens_no_doctest() {
    let dir = crate_dir();
    let mut files = Vec::new();
    rust_files(&dir.join("src"), &mut files);
    assert!(
        !files.is_empty(),
        "{} has no sources; run `cargo xtask codegen`",
        dir.display()
    );
    let mut result = Scan::default();
    let mut blocks = 0;
    for path in &files {
        let source = std::fs::read_to_string(path).expect("readable");
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        // A bare CR is a compile error in a doc comment; rustc denies bidi controls in comments.
        if let Some(c) = source.chars().find(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        }) {
            result
                .doctests
                .push(format!("{name}: character {c:?} in the source"));
        }
        // Docs are `///` lines or `#[doc]` attributes; a `/** */` block would escape the scan.
        if source.contains("/**") || source.contains("/*!") {
            result.doctests.push(format!("{name}: a block doc comment"));
        }
        for block in doc_blocks(&source) {
            blocks += 1;
            scan(&name, &block, &mut result);
        }
    }
    assert!(
        result.doctests.is_empty(),
        "model text became code (`cargo test --doc -p fixture-hostile-docs` would run it) or \
         broke the source:\n{}",
        result.doctests.join("\n")
    );
    // The scan must have seen what it guards: hostile text as text, and `<pre>` as text fences.
    assert!(blocks > 20, "only {blocks} doc blocks found");
    assert!(result.text_fences >= 5, "{result:?}");
    assert!(result.hostile_lines >= 10, "{result:?}");
    assert!(result.example_fences >= 1, "{result:?}");
}

#[test]
fn manifest_strings_are_escaped() {
    let manifest = std::fs::read_to_string(crate_dir().join("Cargo.toml")).expect("Cargo.toml");
    let description = manifest
        .lines()
        .find_map(|l| l.strip_prefix("description = "))
        .expect("a description");
    assert_eq!(
        description,
        r#""Hostile model text: \"quotes\", \\ backslashes, */, #[doc = \"x\"] and ``` fences must stay inert text.""#
    );
}

#[test]
fn scanner_finds_doctests() {
    // The scan itself must catch each way a doc could run code.
    let cases = [
        "/// ```\n/// x\n/// ```\nfn a() {}\n",
        "/// text\n///\n///     code\nfn a() {}\n",
        "/// - ```rust\n///   x\n///   ```\nfn a() {}\n",
        "#[doc = \" ~~~\"] #[doc = \" x\"] #[doc = \" ~~~\"] A,\n",
        "//! ````text\n//! ```\n//! ````\n//! ```rust\n",
        "#[doc = \" a\\n\\n```\\nx\\n```\"]\nfn a() {}\n",
    ];
    for case in cases {
        let mut result = Scan::default();
        for block in doc_blocks(case) {
            scan("case", &block, &mut result);
        }
        assert!(!result.doctests.is_empty(), "missed {case:?}");
    }
    let mut result = Scan::default();
    for block in doc_blocks("/// ````text\n/// ```rust\n/// ```\n/// ````\n/// \\`\\`\\`rust\n") {
        scan("ok", &block, &mut result);
    }
    assert!(result.doctests.is_empty(), "{result:?}");
    assert_eq!(result.text_fences, 1);
}
