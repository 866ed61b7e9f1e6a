//! `cargo xtask import openapi`: Swagger 2.0 and OpenAPI 3.0 / 3.1 specs (JSON or YAML, with
//! local `$ref`s and references to other files) into the same per-operation Smithy JSON AST files
//! the Smithy import writes.
//!
//! - `load` reads files, `refs` resolves `$ref`s and JSON pointers;
//! - `schema` turns JSON schemas into Smithy shapes (structures, lists, maps, enums, unions);
//! - `operation` turns paths, parameters, bodies and responses into operations, inputs, outputs
//!   and errors, and security schemes into auth traits.
//!
//! The whole model is built in memory and then laid out by `super::slice`, so the files are placed
//! exactly as a Smithy import places them. What cannot be mapped is a warning naming the file and
//! JSON pointer; a broken spec is an error naming the file, the JSON pointer and the problem.

mod load;
mod names;
mod operation;
mod refs;
mod schema;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::slice::{self, Files};
use load::Documents;
use refs::Loc;

/// The protocol of imported services: REST + JSON with restJson1 binding rules, no AWS specifics.
const PROTOCOL: &str = "sdkgen.protocols#restJson";

/// `models/<dir>/import.json` of an OpenAPI import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenApiRecord {
    /// Always `openapi`.
    pub kind: String,
    /// The spec, relative to the workspace root, with `/` separators.
    pub from: String,
    /// Smithy namespace of every shape (`com.billforward`).
    pub namespace: String,
    /// Name of the service shape (`BillForwardUsageSessions`).
    pub service: String,
    /// Operations to import (operation names or `operationId`s), in this order; empty: all of them,
    /// in the spec's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<String>,
    /// Shape (and operation) names as the importer would choose them -> the names to use.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rename: BTreeMap<String, String>,
    /// Edits applied to the spec before it is mapped, for what the spec gets wrong or leaves out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patches: Vec<Patch>,
}

/// One edit of the spec (the `add`, `replace` and `remove` operations of RFC 6902).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patch {
    pub op: PatchOp,
    /// JSON pointer into the root spec file.
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PatchOp {
    Add,
    Replace,
    Remove,
}

/// What an import produces.
pub struct Imported {
    /// `service.json` and `operations/<Op>.json`.
    pub files: Files,
    /// A `codegen.json` for a directory that has none yet.
    pub codegen: String,
    /// What could not be mapped, each naming the file and JSON pointer.
    pub warnings: Vec<String>,
}

/// Swagger 2.0 or OpenAPI 3.x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    Swagger2,
    OpenApi3,
}

/// The state of one import.
struct Ctx {
    docs: Documents,
    version: Version,
    namespace: String,
    rename: BTreeMap<String, String>,
    /// Shape id -> shape; `Value::Null` while a named shape is being built.
    shapes: BTreeMap<String, Value>,
    /// Schemas reached through `$ref`, already converted.
    named: HashMap<Loc, schema::Converted>,
    /// `$ref` / `allOf` chains being followed, for cycle detection.
    resolving: Vec<Loc>,
    /// Prefix tried when a new shape's name is taken (the operation, for parameter enums).
    qualifier: Option<String>,
    warnings: Vec<String>,
}

impl Ctx {
    fn value(&self, loc: &Loc) -> &Value {
        refs::lookup(&self.docs, loc).unwrap_or(&Value::Null)
    }

    fn describe(&self, loc: &Loc) -> String {
        refs::describe(&self.docs, loc)
    }

    fn err(&self, loc: &Loc, problem: impl std::fmt::Display) -> String {
        format!("{}: {problem}", self.describe(loc))
    }

    fn warn(&mut self, loc: &Loc, problem: impl std::fmt::Display) {
        let message = self.err(loc, problem);
        self.warnings.push(message);
    }

    fn id(&self, name: &str) -> String {
        format!("{}#{name}", self.namespace)
    }

    /// The name to use for `name`, after the record's renames.
    fn renamed(&self, name: &str) -> String {
        self.rename
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }
}

/// The default service shape name for an output directory (`billforward` -> `Billforward`).
pub fn service_name(dir: &str) -> String {
    names::pascal(dir)
}

/// Imports the spec at `source` as `record` says. `record.from` names the spec in messages,
/// which quote the spec with its control characters escaped (`codegen::escape::untrusted`).
pub fn import(source: &Path, record: &OpenApiRecord) -> Result<Imported, String> {
    let escape = |text: &str| codegen::escape::untrusted(text).into_owned();
    let mut imported = import_raw(source, record).map_err(|e| escape(&e))?;
    for warning in &mut imported.warnings {
        *warning = escape(warning);
    }
    Ok(imported)
}

fn import_raw(source: &Path, record: &OpenApiRecord) -> Result<Imported, String> {
    if record.kind != "openapi" {
        return Err(format!("kind `{}` is not `openapi`", record.kind));
    }
    let valid_namespace = record.namespace.split('.').all(names::is_identifier);
    if !valid_namespace {
        return Err(format!(
            "namespace `{}` is not a Smithy namespace (identifiers joined by `.`)",
            record.namespace
        ));
    }
    if !names::is_identifier(&record.service) {
        return Err(format!(
            "service name `{}` is not a Smithy identifier",
            record.service
        ));
    }
    let mut docs = Documents::default();
    let root = docs.load(source, &record.from)?;
    for (i, patch) in record.patches.iter().enumerate() {
        apply_patch(docs.root_mut(root), patch)
            .map_err(|e| format!("{}: patch {i} ({}): {e}", record.from, patch.path))?;
    }
    let version = detect_version(&docs.get(root).root, &record.from)?;
    let mut ctx = Ctx {
        docs,
        version,
        namespace: record.namespace.clone(),
        rename: record.rename.clone(),
        shapes: BTreeMap::new(),
        named: HashMap::new(),
        resolving: Vec::new(),
        qualifier: None,
        warnings: Vec::new(),
    };
    let root = Loc::root(root);
    let service = ctx.id(&record.service);
    let mut service_traits = Map::new();
    service_traits.insert(PROTOCOL.to_string(), json!({}));
    let auth = ctx.security_schemes(&root)?;
    let info = root.key("info");
    if let Some(title) = ctx.value(&info).get("title").and_then(Value::as_str) {
        service_traits.insert("smithy.api#title".to_string(), json!(title));
    }
    if let Some(doc) = ctx.documentation(&info) {
        service_traits.insert("smithy.api#documentation".to_string(), json!(doc));
    }
    let mut operations = ctx.operations(&root, &record.operations, &auth)?;
    ctx.finish_errors(&mut operations);
    let version_text = ctx
        .value(&info)
        .get("version")
        .and_then(Value::as_str)
        .unwrap_or("1.0")
        .to_string();

    let mut shapes = std::mem::take(&mut ctx.shapes);
    let mut bound = Vec::new();
    for op in &operations {
        bound.push(json!({ "target": op.id }));
        shapes.insert(op.id.clone(), op.shape.clone());
    }
    service_traits.extend(auth.service_traits.clone());
    shapes.insert(
        service.clone(),
        json!({
            "type": "service",
            "version": version_text,
            "operations": bound,
            "traits": service_traits,
        }),
    );
    shapes.insert(
        PROTOCOL.to_string(),
        json!({
            "type": "structure",
            "members": {},
            "traits": {
                "smithy.api#trait": { "selector": "service" },
                "smithy.api#protocolDefinition": {},
                "smithy.api#documentation": "A REST protocol with JSON bodies: restJson1 binding rules without AWS specifics; any non-2xx response is decoded as the operation's modeled error."
            }
        }),
    );
    if let Some((id, _)) = shapes.iter().find(|(_, shape)| shape.is_null()) {
        return Err(format!("internal error: shape `{id}` was never completed"));
    }
    let model = json!({ "smithy": "2.0", "shapes": shapes });
    let text = serde_json::to_string(&model).map_err(|e| e.to_string())?;
    let names: Vec<String> = operations.iter().map(|op| op.name.clone()).collect();
    let files = slice::slice(&text, &record.from, &service, &names)?;
    let codegen = ctx.codegen_settings(&root, record)?;
    Ok(Imported {
        files,
        codegen,
        warnings: ctx.warnings,
    })
}

fn detect_version(root: &Value, name: &str) -> Result<Version, String> {
    if !root.is_object() {
        return Err(format!("{name}: #: a spec must be a JSON object"));
    }
    if let Some(v) = root.get("swagger") {
        return match v.as_str() {
            Some(s) if s.starts_with("2.") => Ok(Version::Swagger2),
            _ => Err(format!(
                "{name}: #/swagger: unsupported Swagger version {v} (2.0 is supported)"
            )),
        };
    }
    match root.get("openapi").map(|v| (v, v.as_str())) {
        Some((_, Some(s))) if s.starts_with("3.") => Ok(Version::OpenApi3),
        Some((v, _)) => Err(format!(
            "{name}: #/openapi: unsupported OpenAPI version {v} (3.0 and 3.1 are supported)"
        )),
        None => Err(format!(
            "{name}: #: neither `swagger` nor `openapi` is set; is this an OpenAPI spec?"
        )),
    }
}

/// Applies one RFC 6902 `add` / `replace` / `remove` to `root`.
fn apply_patch(root: &mut Value, patch: &Patch) -> Result<(), String> {
    let (parent, last) = match patch.path.rsplit_once('/') {
        Some((parent, last)) => (parent, last.replace("~1", "/").replace("~0", "~")),
        None => return Err("the path must be a JSON pointer starting with `/`".to_string()),
    };
    let target = root
        .pointer_mut(parent)
        .ok_or_else(|| format!("`{parent}` does not exist"))?;
    let value = || {
        patch
            .value
            .clone()
            .ok_or_else(|| "this operation needs a `value`".to_string())
    };
    match (target, patch.op) {
        (Value::Object(map), PatchOp::Add) => {
            map.insert(last, value()?);
        }
        (Value::Object(map), PatchOp::Replace) => {
            let slot = map
                .get_mut(&last)
                .ok_or_else(|| format!("`{}` does not exist", patch.path))?;
            *slot = value()?;
        }
        (Value::Object(map), PatchOp::Remove) => {
            map.shift_remove(&last)
                .ok_or_else(|| format!("`{}` does not exist", patch.path))?;
        }
        (Value::Array(items), op) => {
            let index = if last == "-" && op == PatchOp::Add {
                items.len()
            } else {
                last.parse::<usize>()
                    .ok()
                    .filter(|i| *i < items.len() + usize::from(op == PatchOp::Add))
                    .ok_or_else(|| format!("`{}`: no such array index", patch.path))?
            };
            match op {
                PatchOp::Add => items.insert(index, value()?),
                PatchOp::Replace => items[index] = value()?,
                PatchOp::Remove => {
                    items.remove(index);
                }
            }
        }
        _ => return Err(format!("`{parent}` is neither an object nor an array")),
    }
    Ok(())
}

impl Ctx {
    /// `description` (or `summary` and `description`, or `title`) of the object at `loc`.
    fn documentation(&self, loc: &Loc) -> Option<String> {
        let obj = self.value(loc);
        let text = |key: &str| {
            obj.get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        match (text("summary"), text("description")) {
            (Some(s), Some(d)) if s != d => Some(format!("{s}\n\n{d}")),
            (_, Some(d)) => Some(d.to_string()),
            (Some(s), None) => Some(s.to_string()),
            (None, None) => text("title").map(str::to_string),
        }
    }

    /// `codegen.json` for a new directory: crate named after the service, default endpoint from
    /// `servers` (OpenAPI 3) or `schemes` / `host` / `basePath` (Swagger 2).
    fn codegen_settings(&mut self, root: &Loc, record: &OpenApiRecord) -> Result<String, String> {
        let crate_name = record.service.to_ascii_lowercase().replace('_', "-");
        let title = self
            .value(&root.key("info"))
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or(&record.service)
            .to_string();
        let mut settings = Map::new();
        settings.insert("crate_name".into(), json!(crate_name));
        settings.insert("version".into(), json!("0.1.0"));
        settings.insert(
            "description".into(),
            json!(format!("Rust client for {}.", title.trim())),
        );
        if let Some(endpoint) = self.default_endpoint(root) {
            settings.insert("default_endpoint".into(), json!(endpoint));
        }
        slice::render_json(&Value::Object(settings))
    }

    fn default_endpoint(&mut self, root: &Loc) -> Option<String> {
        let spec = self.value(root).clone();
        let url = match self.version {
            Version::Swagger2 => {
                let host = spec.get("host").and_then(Value::as_str)?;
                let scheme = spec
                    .get("schemes")
                    .and_then(Value::as_array)
                    .and_then(|s| {
                        s.iter()
                            .filter_map(Value::as_str)
                            .find(|s| *s == "https")
                            .or_else(|| s.first().and_then(Value::as_str))
                    })
                    .unwrap_or("https");
                let base = spec.get("basePath").and_then(Value::as_str).unwrap_or("");
                format!("{scheme}://{host}{base}")
            }
            Version::OpenApi3 => {
                let server = spec.get("servers")?.get(0)?;
                let mut url = server.get("url")?.as_str()?.to_string();
                if let Some(Value::Object(vars)) = server.get("variables") {
                    for (name, var) in vars {
                        let default = var.get("default").and_then(Value::as_str).unwrap_or("");
                        url = url.replace(&format!("{{{name}}}"), default);
                    }
                }
                url
            }
        };
        let url = url.trim_end_matches('/').to_string();
        if url.starts_with("https://") || url.starts_with("http://") {
            Some(url)
        } else {
            let at = match self.version {
                Version::Swagger2 => root.key("host"),
                Version::OpenApi3 => root.key("servers").index(0),
            };
            self.warn(
                &at,
                format!("server URL `{url}` is not absolute; no default endpoint (set `endpoint_url` or `default_endpoint` in codegen.json)"),
            );
            None
        }
    }
}
