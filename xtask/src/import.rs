//! `cargo xtask import`: slice operations out of a full Smithy JSON AST model, or import an
//! OpenAPI / Swagger spec, into `models/`.
//!
//! ```text
//! cargo xtask import smithy --from FILE --service SHAPE_ID --operations A,B,... --out models/<dir>
//! cargo xtask import openapi --from SPEC --out models/<dir> [--operations A,B,...] [--namespace NS] [--service NAME]
//! cargo xtask import refresh [--check]
//! ```
//!
//! Both write `models/<dir>/service.json`, `models/<dir>/operations/<Op>.json` and record the
//! import in `models/<dir>/import.json` (an OpenAPI import also writes `codegen.json` when the
//! directory has none); `refresh` re-runs every import recorded under `models/` and
//! `tests/fixtures/` (`--check`: report the files that would change, write nothing). Every file is
//! built in memory before anything is written, so a failing import leaves the output directory
//! untouched.

pub mod openapi;
mod slice;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use slice::Files;

/// Name of the file recording how a model directory was imported.
const IMPORT_RECORD: &str = "import.json";
/// Environment variable overriding the location of the shared reference directory (`../shared`).
const SHARED_DIR_ENV: &str = "SDK_SHARED_DIR";
/// How recorded `from` paths into the shared directory start.
const SHARED_PREFIX: &str = "../shared/";

const USAGE: &str = "usage: cargo xtask import smithy --from FILE --service SHAPE_ID --operations A,B,... --out DIR\n       cargo xtask import openapi --from SPEC --out DIR [--operations A,B,...] [--namespace NS] [--service NAME]\n       cargo xtask import refresh [--check]";
/// Directories (relative to the workspace root) whose model directories may hold import records.
const RECORD_ROOTS: [&str; 2] = ["models", "tests/fixtures"];
/// Generator settings an OpenAPI import writes when a directory has none.
const CODEGEN_SETTINGS: &str = "codegen.json";

/// Contents of `models/<dir>/import.json` of a Smithy import (records without `kind`, or with
/// `"kind": "smithy"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportRecord {
    /// Source model path, relative to the workspace root, with `/` separators.
    from: String,
    /// Absolute shape id of the service.
    service: String,
    /// Operation names (or shape ids) in the order given.
    operations: Vec<String>,
}

/// Any import record.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Record {
    Smithy(ImportRecord),
    OpenApi(openapi::OpenApiRecord),
}

impl Record {
    fn from(&self) -> &str {
        match self {
            Record::Smithy(r) => &r.from,
            Record::OpenApi(r) => &r.from,
        }
    }

    /// Parses `import.json`: `kind` selects the record type; records without one are Smithy imports.
    fn parse(text: &str, name: &str) -> Result<Record, String> {
        let mut value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("{name}: invalid import record: {e}"))?;
        let kind = value.get("kind").cloned();
        let invalid = |e: serde_json::Error| format!("{name}: invalid import record: {e}");
        match kind.as_ref().map(|k| k.as_str()) {
            None => serde_json::from_value(value)
                .map(Record::Smithy)
                .map_err(invalid),
            Some(Some("smithy")) => {
                if let Some(map) = value.as_object_mut() {
                    map.remove("kind");
                }
                serde_json::from_value(value)
                    .map(Record::Smithy)
                    .map_err(invalid)
            }
            Some(Some("openapi")) => serde_json::from_value(value)
                .map(Record::OpenApi)
                .map_err(invalid),
            Some(other) => Err(format!(
                "{name}: invalid import record: unknown kind {} (expected `smithy` or `openapi`)",
                other.map_or_else(
                    || kind.clone().unwrap_or_default().to_string(),
                    str::to_string
                )
            )),
        }
    }
}

/// What an import writes: the model files (with `import.json`), and `codegen.json` for a
/// directory without one.
struct Plan {
    files: Files,
    codegen: Option<String>,
    warnings: Vec<String>,
}

/// Entry point for `cargo xtask import ...`; `args` excludes the `import` word itself.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("smithy") => run_smithy(&args[1..]),
        Some("openapi") => run_openapi(&args[1..]),
        Some("refresh") => run_refresh(&args[1..]),
        Some(other) => Err(format!("import: unknown subcommand `{other}`\n{USAGE}")),
        None => Err(format!("import: missing subcommand\n{USAGE}")),
    }
}

/// `--flag value` / `--flag=value` pairs of `command`, each of `flags` at most once.
fn parse_flags(
    command: &str,
    args: &[String],
    flags: &[&str],
) -> Result<std::collections::BTreeMap<String, String>, String> {
    let mut values = std::collections::BTreeMap::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        if !flags.contains(&flag) {
            return Err(format!("{command}: unexpected argument `{arg}`\n{USAGE}"));
        }
        let value = match inline {
            Some(v) => v,
            None => iter
                .next()
                .cloned()
                .ok_or_else(|| format!("{command}: `{flag}` needs a value\n{USAGE}"))?,
        };
        if values.insert(flag.to_string(), value).is_some() {
            return Err(format!("{command}: `{flag}` given more than once"));
        }
    }
    Ok(values)
}

fn split_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn run_smithy(args: &[String]) -> Result<(), String> {
    let mut flags = parse_flags(
        "import smithy",
        args,
        &["--from", "--service", "--operations", "--out"],
    )?;
    let mut take = |name: &str| {
        flags
            .remove(name)
            .ok_or_else(|| format!("import smithy: missing `{name}`\n{USAGE}"))
    };
    let from = take("--from")?;
    let service = take("--service")?;
    let operations = split_list(&take("--operations")?);
    let out = take("--out")?;

    let root = workspace_root()?;
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let from_abs = normalize(&cwd.join(&from));
    let out_dir = normalize(&cwd.join(&out));
    let record = ImportRecord {
        from: relative_path(&root, &from_abs),
        service,
        operations,
    };
    let count = record.operations.len();
    let service = record.service.clone();
    let plan = build_import(&from_abs, &Record::Smithy(record))?;
    write_plan(&out_dir, &plan)?;
    println!(
        "imported {count} operation(s) of {service} into {}",
        out_dir.display()
    );
    Ok(())
}

fn run_openapi(args: &[String]) -> Result<(), String> {
    let mut flags = parse_flags(
        "import openapi",
        args,
        &[
            "--from",
            "--out",
            "--operations",
            "--namespace",
            "--service",
        ],
    )?;
    let missing = |name: &str| format!("import openapi: missing `{name}`\n{USAGE}");
    let from = flags.remove("--from").ok_or_else(|| missing("--from"))?;
    let out = flags.remove("--out").ok_or_else(|| missing("--out"))?;
    let root = workspace_root()?;
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let from_abs = normalize(&cwd.join(&from));
    let out_dir = normalize(&cwd.join(&out));
    let dir_name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let from_rel = relative_path(&root, &from_abs);
    // Re-importing into a directory keeps the renames and patches recorded there.
    let previous = fs::read_to_string(out_dir.join(IMPORT_RECORD))
        .ok()
        .and_then(|text| Record::parse(&text, IMPORT_RECORD).ok());
    let mut record = match previous {
        Some(Record::OpenApi(r)) if r.from == from_rel => r,
        _ => openapi::OpenApiRecord {
            kind: "openapi".to_string(),
            from: from_rel,
            namespace: format!(
                "com.{}",
                dir_name
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase()
            ),
            service: openapi::service_name(&dir_name),
            operations: Vec::new(),
            rename: Default::default(),
            patches: Vec::new(),
        },
    };
    if let Some(ops) = flags.remove("--operations") {
        record.operations = split_list(&ops);
    }
    if let Some(ns) = flags.remove("--namespace") {
        record.namespace = ns;
    }
    if let Some(service) = flags.remove("--service") {
        record.service = service;
    }
    let service = record.service.clone();
    let plan = build_import(&from_abs, &Record::OpenApi(record))?;
    for w in &plan.warnings {
        eprintln!("warning: {w}");
    }
    write_plan(&out_dir, &plan)?;
    let count = plan
        .files
        .keys()
        .filter(|k| k.starts_with("operations/"))
        .count();
    println!(
        "imported {count} operation(s) of {service} into {} ({} warning(s))",
        out_dir.display(),
        plan.warnings.len()
    );
    Ok(())
}

fn run_refresh(args: &[String]) -> Result<(), String> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => {
            return Err(format!(
                "import refresh: unexpected arguments {args:?}\n{USAGE}"
            ));
        }
    };
    let root = workspace_root()?;
    let shared = shared_dir_override();
    let plans = plan_recorded_imports(&root, shared.as_deref())?;
    if plans.is_empty() {
        println!(
            "no recorded imports under {}",
            root.join("models").display()
        );
        return Ok(());
    }
    for (_, plan) in &plans {
        for w in &plan.warnings {
            eprintln!("warning: {w}");
        }
    }
    if check {
        let changed: Vec<String> = plans
            .iter()
            .flat_map(|(dir, plan)| changed_files(dir, &plan.files))
            .collect();
        if changed.is_empty() {
            println!("{} recorded import(s) up to date", plans.len());
            return Ok(());
        }
        let listed: Vec<String> = changed.iter().map(|c| format!("  {c}")).collect();
        return Err(format!(
            "recorded imports are out of date; run `cargo xtask import refresh`:\n{}",
            listed.join("\n")
        ));
    }
    for (dir, plan) in &plans {
        write_plan(dir, plan)?;
        println!("refreshed {}", dir.display());
    }
    Ok(())
}

/// The workspace root: the parent of this package's manifest directory.
fn workspace_root() -> Result<PathBuf, String> {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir.parent().map(Path::to_path_buf).ok_or_else(|| {
        format!(
            "cannot find the workspace root above {}",
            manifest_dir.display()
        )
    })
}

/// The shared reference directory from `SDK_SHARED_DIR`, if set.
fn shared_dir_override() -> Option<PathBuf> {
    std::env::var_os(SHARED_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Where a recorded `from` path lives: relative to `root`, except that `../shared/...` is redirected
/// to `shared_dir` when one is given.
fn resolve_source(root: &Path, from: &str, shared_dir: Option<&Path>) -> PathBuf {
    match (from.strip_prefix(SHARED_PREFIX), shared_dir) {
        (Some(rest), Some(shared)) => shared.join(rest),
        _ => normalize(&root.join(from)),
    }
}

/// Lexically removes `.` and `..` components (no file system access, symlinks untouched).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` relative to `base` (both absolute and normalised), with `/` separators.
fn relative_path(base: &Path, path: &Path) -> String {
    let base_parts: Vec<Component> = base.components().collect();
    let path_parts: Vec<Component> = path.components().collect();
    let common = base_parts
        .iter()
        .zip(&path_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return path.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_string(); base_parts.len() - common];
    parts.extend(
        path_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// Reads the source and builds every file of the import (including `import.json`) in memory.
fn build_import(source: &Path, record: &Record) -> Result<Plan, String> {
    let (mut files, codegen, warnings, record_json) = match record {
        Record::Smithy(record) => {
            let text = fs::read_to_string(source)
                .map_err(|e| format!("cannot read source model {}: {e}", source.display()))?;
            let files = slice::slice(&text, &record.from, &record.service, &record.operations)?;
            (files, None, Vec::new(), serde_json::to_value(record))
        }
        Record::OpenApi(record) => {
            let imported = openapi::import(source, record)?;
            (
                imported.files,
                Some(imported.codegen),
                imported.warnings,
                serde_json::to_value(record),
            )
        }
    };
    let record_json = record_json.map_err(|e| format!("cannot serialise {IMPORT_RECORD}: {e}"))?;
    files.insert(IMPORT_RECORD.to_string(), slice::render_json(&record_json)?);
    Ok(Plan {
        files,
        codegen,
        warnings,
    })
}

/// Writes a plan's files, and its `codegen.json` when `dir` has none.
fn write_plan(dir: &Path, plan: &Plan) -> Result<(), String> {
    write_files(dir, &plan.files)?;
    if let Some(settings) = &plan.codegen {
        let path = dir.join(CODEGEN_SETTINGS);
        if !path.exists() {
            fs::write(&path, settings)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Builds every import recorded in `<root>/models/*/import.json` and
/// `<root>/tests/fixtures/*/import.json`, in directory order.
fn plan_recorded_imports(
    root: &Path,
    shared_dir: Option<&Path>,
) -> Result<Vec<(PathBuf, Plan)>, String> {
    let mut dirs = BTreeSet::new();
    for records in RECORD_ROOTS {
        let models = root.join(records);
        let entries = match fs::read_dir(&models) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("cannot list {}: {e}", models.display())),
        };
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot list {}: {e}", models.display()))?;
            let record_path = entry.path().join(IMPORT_RECORD);
            if record_path.is_file() {
                dirs.insert(entry.path());
            }
        }
    }
    let mut plans = Vec::new();
    for dir in dirs {
        let record_path = dir.join(IMPORT_RECORD);
        let text = fs::read_to_string(&record_path)
            .map_err(|e| format!("cannot read {}: {e}", record_path.display()))?;
        let record = Record::parse(&text, &record_path.display().to_string())?;
        let source = resolve_source(root, record.from(), shared_dir);
        let plan = build_import(&source, &record)
            .map_err(|e| format!("{}: {e}", record_path.display()))?;
        plans.push((dir, plan));
    }
    Ok(plans)
}

/// Operation files present in `dir/operations/` that `files` does not contain (relative paths).
fn stale_operation_files(dir: &Path, files: &Files) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir.join("operations")) else {
        return Vec::new();
    };
    let mut stale: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| name.ends_with(".json"))
        .map(|name| format!("operations/{name}"))
        .filter(|rel| !files.contains_key(rel))
        .collect();
    stale.sort();
    stale
}

/// Describes every file under `dir` that differs from `files` (byte for byte), is missing, or is a
/// stale operation file that a refresh would remove.
fn changed_files(dir: &Path, files: &Files) -> Vec<String> {
    let mut changed = Vec::new();
    for (rel, contents) in files {
        let path = dir.join(rel);
        match fs::read(&path) {
            Ok(existing) if existing == contents.as_bytes() => {}
            Ok(_) => changed.push(format!("{} (differs)", path.display())),
            Err(_) => changed.push(format!("{} (missing)", path.display())),
        }
    }
    for rel in stale_operation_files(dir, files) {
        changed.push(format!(
            "{} (stale, would be removed)",
            dir.join(rel).display()
        ));
    }
    changed
}

/// Writes `files` under `dir` (each through a temporary file and a rename) and removes stale
/// operation files.
fn write_files(dir: &Path, files: &Files) -> Result<(), String> {
    for (rel, contents) in files {
        let path = dir.join(rel);
        let parent = path.parent().unwrap_or(dir);
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        if fs::read(&path).is_ok_and(|existing| existing == contents.as_bytes()) {
            continue;
        }
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = parent.join(format!(".{file_name}.tmp"));
        fs::write(&tmp, contents).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    for rel in stale_operation_files(dir, files) {
        let path = dir.join(rel);
        fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    Ok(())
}
