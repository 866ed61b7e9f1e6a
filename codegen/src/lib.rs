//! Model-driven Rust SDK generator: Smithy JSON AST model files in, client crate files out.
//!
//! Data flows one way: [`model`] (load, merge, validate) -> [`ir`] (resolved service, every Rust
//! name decided) -> [`render`] (token streams and text files). Nothing here touches the file system
//! except the loader reading model files and settings.

pub mod conformance;
pub mod escape;
pub mod ir;
pub mod model;
pub mod render;
pub mod settings;

use std::path::{Path, PathBuf};

pub use render::File;
pub use settings::CrateSettings;

/// A generated crate: its directory name under the output root and its files.
#[derive(Debug, Clone)]
pub struct GeneratedCrate {
    pub crate_name: String,
    pub files: Vec<File>,
    /// Things the user should know: what the model loader ignored (each naming the file, JSON
    /// path and what was ignored; reported with the first crate of a model) and operations left
    /// out, with the reason; waiters left out, naming the model file, operation and waiter.
    pub warnings: Vec<String>,
}

/// Generates the crates for every service in the model at `paths` (files or directories), their
/// Rust files formatted by `rustfmt`.
///
/// A `codegen.json` next to a model directory supplies the crate settings; without one, every
/// service in the model gets a crate named after its SDK id.
pub fn generate(paths: &[PathBuf]) -> Result<Vec<GeneratedCrate>, String> {
    let mut crates = generate_unformatted(paths)?;
    for c in &mut crates {
        render::format_files(&mut c.files).map_err(|e| escape::untrusted_lines(&e))?;
    }
    Ok(crates)
}

/// [`generate`] without the `rustfmt` pass: the same code, as `prettyplease` prints it. For
/// callers that only build the output (it is not what `cargo xtask codegen` commits).
///
/// Errors quote model text with its control characters escaped ([`escape::untrusted`]), one
/// problem per line.
pub fn generate_unformatted(paths: &[PathBuf]) -> Result<Vec<GeneratedCrate>, String> {
    generate_raw(paths).map_err(|e| escape::untrusted_lines(&e))
}

fn generate_raw(paths: &[PathBuf]) -> Result<Vec<GeneratedCrate>, String> {
    let model = model::load_model(paths).map_err(|e| e.to_string())?;
    let settings = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| p.join("codegen.json"))
        .filter(|p| p.is_file())
        .map(|p| CrateSettings::read(&p))
        .collect::<Result<Vec<_>, _>>()?;
    let services: Vec<_> = model.services().map(|s| s.id.clone()).collect();
    if services.is_empty() {
        return Err(format!(
            "{}: $.shapes: no service shape found (a model needs a shape of type \"service\")",
            display_paths(paths)
        ));
    }
    if settings.len() > 1 || (settings.len() == 1 && services.len() > 1) {
        return Err(format!(
            "{}: $: codegen.json settings apply to exactly one service; found {} settings files and {} services",
            display_paths(paths),
            settings.len(),
            services.len()
        ));
    }
    let mut crates = Vec::new();
    let mut model_warnings: Vec<String> = model.warnings.iter().map(ToString::to_string).collect();
    for id in services {
        let service = ir::build_service(&model, &id, settings.first().cloned())
            .map_err(|e| model.locate(&id, e))?;
        let files = render::render_crate(&service)?;
        let mut warnings = std::mem::take(&mut model_warnings);
        warnings.extend(
            service
                .skipped
                .iter()
                .map(|(op, reason)| format!("{}: operation {op} left out: {reason}", service.id)),
        );
        warnings.extend(service.skipped_waiters.iter().cloned());
        crates.push(GeneratedCrate {
            crate_name: service.settings.crate_name.clone(),
            files,
            warnings,
        });
    }
    Ok(crates)
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| Path::display(p).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
