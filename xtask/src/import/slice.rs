//! Pure slicing of a Smithy JSON AST 2.0 model: no file system access.
//!
//! [`slice`] takes the text of a full model, a service shape id and a list of operation names, and
//! returns the files of `models/<dir>/` (relative path -> contents). Shapes are placed as follows:
//!
//! - `service.json`: the service shape (all traits kept, `operations` / `resources` / `rename` pruned to
//!   the slice), the resources the sliced operations are bound through (pruned the same way), everything
//!   those reach (service errors, resource identifier / property targets, ...), and every shape reached
//!   by more than one sliced operation.
//! - `operations/<Name>.json`: the operation shape and the shapes only that operation reaches.
//!
//! Shapes are emitted sorted by id; member, trait and property order is kept as in the source.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde_json::{Map, Value};

/// Relative path (with `/` separators) -> file contents.
pub type Files = BTreeMap<String, String>;

/// Resource properties that bind a single lifecycle operation.
const LIFECYCLE_KEYS: [&str; 6] = ["create", "put", "read", "update", "delete", "list"];
/// Resource properties that bind a list of operations.
const OPERATION_LIST_KEYS: [&str; 2] = ["operations", "collectionOperations"];
/// Namespace of the Smithy prelude, which is built into the loader and never sliced.
const PRELUDE_PREFIX: &str = "smithy.api#";

/// Slices `operations` of `service_id` out of the Smithy JSON AST `model_text`.
///
/// `source_name` is only used in error messages. Each entry of `operations` is either a shape name
/// (`CreatePaymentSession`) or an absolute shape id (`com.example#CreatePaymentSession`); operations
/// bound through resources (at any depth) are found too.
pub fn slice(
    model_text: &str,
    source_name: &str,
    service_id: &str,
    operations: &[String],
) -> Result<Files, String> {
    let model: Value = serde_json::from_str(model_text)
        .map_err(|e| format!("{source_name}: invalid JSON: {e}"))?;
    let shapes = model_shapes(&model, source_name)?;
    let service = shapes.get(service_id).ok_or_else(|| {
        let services: Vec<&str> = shapes
            .iter()
            .filter(|(_, s)| shape_type(s) == Some("service"))
            .map(|(id, _)| id.as_str())
            .collect();
        format!(
            "{source_name}: unknown service `{service_id}` (services defined: {})",
            if services.is_empty() {
                "none".to_string()
            } else {
                services.join(", ")
            }
        )
    })?;
    if shape_type(service) != Some("service") {
        return Err(format!(
            "{source_name}: shape `{service_id}` is a {}, not a service",
            shape_type(service).unwrap_or("shape without a type")
        ));
    }
    if operations.is_empty() {
        return Err("no operations given to slice".to_string());
    }

    let bindings = collect_bindings(shapes, service_id, source_name)?;
    let selected = select_operations(&bindings, operations, service_id, source_name)?;
    let kept_ops: BTreeSet<&str> = selected.iter().map(|b| b.id.as_str()).collect();
    let kept_resources: BTreeSet<&str> = selected
        .iter()
        .flat_map(|b| b.resources.iter().map(String::as_str))
        .collect();

    // Service-level shapes: the pruned service and resources, and what they reach (not their operations).
    let mut pruned: BTreeMap<String, Value> = BTreeMap::new();
    pruned.insert(
        service_id.to_string(),
        prune_container(service, &kept_ops, &kept_resources),
    );
    for resource_id in &kept_resources {
        let resource = lookup(shapes, resource_id, service_id, source_name)?;
        pruned.insert(
            (*resource_id).to_string(),
            prune_container(resource, &kept_ops, &kept_resources),
        );
    }
    let service_roots: Vec<&str> = pruned.keys().map(String::as_str).collect();
    let service_level = closure(shapes, &pruned, &service_roots, source_name)?;

    // Per-operation closures.
    let mut op_closures: Vec<(&Binding, BTreeSet<String>)> = Vec::new();
    for binding in &selected {
        let reached = closure(shapes, &pruned, &[binding.id.as_str()], source_name)?;
        op_closures.push((binding, reached));
    }
    let mut use_count: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, reached) in &op_closures {
        for id in reached {
            *use_count.entry(id.as_str()).or_default() += 1;
        }
    }

    let all_reached: BTreeSet<&str> = service_level
        .iter()
        .chain(op_closures.iter().flat_map(|(_, r)| r.iter()))
        .map(String::as_str)
        .collect();
    if let Some(Value::Object(service_obj)) = pruned.get_mut(service_id) {
        prune_rename(service_obj, &all_reached);
    }

    let shape_value = |id: &str| -> Result<Value, String> {
        match pruned.get(id) {
            Some(v) => Ok(v.clone()),
            None => lookup(shapes, id, service_id, source_name).cloned(),
        }
    };

    let mut service_file: BTreeMap<String, Value> = BTreeMap::new();
    for id in &service_level {
        service_file.insert(id.clone(), shape_value(id)?);
    }
    let mut files = Files::new();
    for (binding, reached) in &op_closures {
        let mut op_file: BTreeMap<String, Value> = BTreeMap::new();
        for id in reached {
            let shared =
                service_level.contains(id) || use_count.get(id.as_str()).copied().unwrap_or(0) > 1;
            let value = shape_value(id)?;
            if shared {
                service_file.insert(id.clone(), value);
            } else {
                op_file.insert(id.clone(), value);
            }
        }
        files.insert(
            format!("operations/{}.json", binding.name),
            render_model(op_file)?,
        );
    }
    files.insert("service.json".to_string(), render_model(service_file)?);
    Ok(files)
}

/// Renders `{"smithy": "2.0", "shapes": {...}}` pretty-printed with a 4-space indent and a trailing newline.
pub fn render_model(shapes: BTreeMap<String, Value>) -> Result<String, String> {
    let mut shape_map = Map::new();
    for (id, shape) in shapes {
        shape_map.insert(id, shape);
    }
    let mut root = Map::new();
    root.insert("smithy".to_string(), Value::String("2.0".to_string()));
    root.insert("shapes".to_string(), Value::Object(shape_map));
    render_json(&Value::Object(root))
}

/// Pretty-prints any JSON value with a 4-space indent and a trailing newline.
pub fn render_json(value: &Value) -> Result<String, String> {
    use serde::Serialize;
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    value
        .serialize(&mut serializer)
        .map_err(|e| format!("cannot serialise JSON: {e}"))?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| format!("serialised JSON is not UTF-8: {e}"))
}

/// An operation bound to the service, directly or through resources.
#[derive(Debug, Clone)]
struct Binding {
    /// Absolute shape id of the operation.
    id: String,
    /// Shape name of the operation (the part after `#`).
    name: String,
    /// Resources the operation is bound through, outermost first.
    resources: Vec<String>,
}

fn model_shapes<'a>(model: &'a Value, source_name: &str) -> Result<&'a Map<String, Value>, String> {
    let root = model
        .as_object()
        .ok_or_else(|| format!("{source_name}: the model root is not a JSON object"))?;
    match root.get("smithy") {
        Some(Value::String(v)) if v == "2.0" || v == "2" => {}
        Some(other) => {
            return Err(format!(
                "{source_name}: `smithy` version {other} is not supported (expected \"2.0\")"
            ));
        }
        None => return Err(format!("{source_name}: missing the `smithy` version key")),
    }
    match root.get("shapes") {
        Some(Value::Object(shapes)) => Ok(shapes),
        Some(_) => Err(format!("{source_name}: `shapes` is not a JSON object")),
        None => Err(format!("{source_name}: missing `shapes`")),
    }
}

fn shape_type(shape: &Value) -> Option<&str> {
    shape.get("type").and_then(Value::as_str)
}

fn shape_name(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(_, name)| name)
}

fn lookup<'a>(
    shapes: &'a Map<String, Value>,
    id: &str,
    referrer: &str,
    source_name: &str,
) -> Result<&'a Value, String> {
    shapes.get(id).ok_or_else(|| {
        format!("{source_name}: shape `{id}` (referenced from `{referrer}`) is not defined")
    })
}

/// Reads `{"target": "..."}` at `value`, naming `context` on error.
fn target_of<'a>(value: &'a Value, context: &str, source_name: &str) -> Result<&'a str, String> {
    value.get("target").and_then(Value::as_str).ok_or_else(|| {
        format!("{source_name}: {context}: expected an object with a string `target`")
    })
}

fn target_list<'a>(
    value: &'a Value,
    context: &str,
    source_name: &str,
) -> Result<Vec<&'a str>, String> {
    let items = value
        .as_array()
        .ok_or_else(|| format!("{source_name}: {context}: expected a list of shape references"))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| target_of(item, &format!("{context}[{i}]"), source_name))
        .collect()
}

/// Walks the service's operation and resource bindings (resources recursively).
fn collect_bindings(
    shapes: &Map<String, Value>,
    service_id: &str,
    source_name: &str,
) -> Result<Vec<Binding>, String> {
    let mut bindings = Vec::new();
    let mut visited = BTreeSet::new();
    walk_container(
        shapes,
        service_id,
        &[],
        &mut visited,
        &mut bindings,
        source_name,
    )?;
    Ok(bindings)
}

fn walk_container(
    shapes: &Map<String, Value>,
    container_id: &str,
    path: &[String],
    visited: &mut BTreeSet<String>,
    bindings: &mut Vec<Binding>,
    source_name: &str,
) -> Result<(), String> {
    if !visited.insert(container_id.to_string()) {
        return Ok(());
    }
    let container = lookup(
        shapes,
        container_id,
        path.last().map_or(container_id, String::as_str),
        source_name,
    )?;
    let mut op_ids: Vec<&str> = Vec::new();
    for key in LIFECYCLE_KEYS {
        if let Some(v) = container.get(key) {
            op_ids.push(target_of(
                v,
                &format!("`{container_id}`.{key}"),
                source_name,
            )?);
        }
    }
    for key in OPERATION_LIST_KEYS {
        if let Some(v) = container.get(key) {
            op_ids.extend(target_list(
                v,
                &format!("`{container_id}`.{key}"),
                source_name,
            )?);
        }
    }
    for op_id in op_ids {
        let op = lookup(shapes, op_id, container_id, source_name)?;
        if shape_type(op) != Some("operation") {
            return Err(format!(
                "{source_name}: `{op_id}` is bound as an operation of `{container_id}` but is not an operation"
            ));
        }
        bindings.push(Binding {
            id: op_id.to_string(),
            name: shape_name(op_id).to_string(),
            resources: path.to_vec(),
        });
    }
    if let Some(v) = container.get("resources") {
        for resource_id in target_list(v, &format!("`{container_id}`.resources"), source_name)? {
            let resource = lookup(shapes, resource_id, container_id, source_name)?;
            if shape_type(resource) != Some("resource") {
                return Err(format!(
                    "{source_name}: `{resource_id}` is bound as a resource of `{container_id}` but is not a resource"
                ));
            }
            let mut child_path = path.to_vec();
            child_path.push(resource_id.to_string());
            walk_container(
                shapes,
                resource_id,
                &child_path,
                visited,
                bindings,
                source_name,
            )?;
        }
    }
    Ok(())
}

fn select_operations(
    bindings: &[Binding],
    requested: &[String],
    service_id: &str,
    source_name: &str,
) -> Result<Vec<Binding>, String> {
    let mut selected: Vec<Binding> = Vec::new();
    for name in requested {
        let matches: Vec<&Binding> = bindings
            .iter()
            .filter(|b| &b.id == name || &b.name == name)
            .collect();
        let binding = match matches.as_slice() {
            [one] => *one,
            [] => {
                let known: BTreeSet<&str> = bindings.iter().map(|b| b.name.as_str()).collect();
                let known: Vec<&str> = known.into_iter().collect();
                return Err(format!(
                    "{source_name}: operation `{name}` is not bound to service `{service_id}` (bound operations: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ));
            }
            many => {
                let ids: Vec<&str> = many.iter().map(|b| b.id.as_str()).collect();
                return Err(format!(
                    "{source_name}: operation name `{name}` is ambiguous: {}; use the full shape id",
                    ids.join(", ")
                ));
            }
        };
        if selected.iter().any(|b| b.id == binding.id) {
            return Err(format!("operation `{name}` is listed more than once"));
        }
        if let Some(other) = selected.iter().find(|b| b.name == binding.name) {
            return Err(format!(
                "operations `{}` and `{}` would both be written to operations/{}.json",
                other.id, binding.id, binding.name
            ));
        }
        selected.push(binding.clone());
    }
    Ok(selected)
}

fn is_kept(item: &Value, kept: &BTreeSet<&str>) -> bool {
    item.get("target")
        .and_then(Value::as_str)
        .is_some_and(|t| kept.contains(t))
}

/// Copies a service or resource shape, keeping only bindings to sliced operations and resources.
/// Lists that become empty are dropped. Key order is kept.
fn prune_container(
    container: &Value,
    kept_ops: &BTreeSet<&str>,
    kept_resources: &BTreeSet<&str>,
) -> Value {
    let Some(obj) = container.as_object() else {
        return container.clone();
    };
    let mut out = Map::new();
    for (key, value) in obj {
        let key_str = key.as_str();
        if LIFECYCLE_KEYS.contains(&key_str) {
            if is_kept(value, kept_ops) {
                out.insert(key.clone(), value.clone());
            }
        } else if OPERATION_LIST_KEYS.contains(&key_str) || key_str == "resources" {
            let kept = if key_str == "resources" {
                kept_resources
            } else {
                kept_ops
            };
            let items: Vec<Value> = value
                .as_array()
                .map(|a| a.iter().filter(|i| is_kept(i, kept)).cloned().collect())
                .unwrap_or_default();
            if !items.is_empty() {
                out.insert(key.clone(), Value::Array(items));
            }
        } else {
            out.insert(key.clone(), value.clone());
        }
    }
    Value::Object(out)
}

/// Keeps only `rename` entries for shapes that are part of the slice.
fn prune_rename(service: &mut Map<String, Value>, reached: &BTreeSet<&str>) {
    let Some(Value::Object(rename)) = service.get("rename") else {
        return;
    };
    let kept: Map<String, Value> = rename
        .iter()
        .filter(|(id, _)| reached.contains(id.as_str()))
        .map(|(id, v)| (id.clone(), v.clone()))
        .collect();
    let mut out = Map::new();
    for (key, value) in std::mem::take(service) {
        if key == "rename" {
            if !kept.is_empty() {
                out.insert(key, Value::Object(kept.clone()));
            }
        } else {
            out.insert(key, value);
        }
    }
    *service = out;
}

/// Every shape id reachable from `roots` (roots included), prelude shapes excluded.
///
/// Follows member targets (structure, union, enum, list, set, map), mixins, operation input / output /
/// errors, service errors, resource identifiers and properties, and traits that are shapes defined in
/// the model. Operation and resource bindings of services and resources are *not* followed: those are
/// decided by the caller. `pruned` overrides source shapes (the pruned service and resources).
fn closure(
    shapes: &Map<String, Value>,
    pruned: &BTreeMap<String, Value>,
    roots: &[&str],
    source_name: &str,
) -> Result<BTreeSet<String>, String> {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<(String, String)> = roots
        .iter()
        .map(|r| ((*r).to_string(), (*r).to_string()))
        .collect();
    while let Some((id, referrer)) = queue.pop_front() {
        if seen.contains(&id) {
            continue;
        }
        let shape = match pruned.get(&id).or_else(|| shapes.get(&id)) {
            Some(shape) => shape,
            None if id.starts_with(PRELUDE_PREFIX) => continue,
            None => {
                return Err(format!(
                    "{source_name}: shape `{id}` (referenced from `{referrer}`) is not defined"
                ));
            }
        };
        if !shape.is_object() {
            return Err(format!("{source_name}: shape `{id}` is not a JSON object"));
        }
        for target in references(shapes, &id, shape, source_name)? {
            if !seen.contains(&target) {
                queue.push_back((target, id.clone()));
            }
        }
        seen.insert(id);
    }
    Ok(seen)
}

/// Shape ids directly referenced by `shape` (see [`closure`] for what is followed).
fn references(
    shapes: &Map<String, Value>,
    id: &str,
    shape: &Value,
    source_name: &str,
) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let trait_refs = |traits: Option<&Value>, out: &mut Vec<String>| {
        if let Some(Value::Object(traits)) = traits {
            out.extend(traits.keys().filter(|k| shapes.contains_key(*k)).cloned());
        }
    };
    trait_refs(shape.get("traits"), &mut out);
    if let Some(mixins) = shape.get("mixins") {
        out.extend(
            target_list(mixins, &format!("`{id}`.mixins"), source_name)?
                .into_iter()
                .map(str::to_string),
        );
    }
    match shape_type(shape) {
        Some("structure" | "union" | "enum" | "intEnum") => {
            if let Some(members) = shape.get("members") {
                let members = members.as_object().ok_or_else(|| {
                    format!("{source_name}: `{id}`.members: expected a JSON object")
                })?;
                for (name, member) in members {
                    out.push(
                        target_of(member, &format!("`{id}${name}`"), source_name)?.to_string(),
                    );
                    trait_refs(member.get("traits"), &mut out);
                }
            }
        }
        Some("list" | "set") => {
            if let Some(member) = shape.get("member") {
                out.push(target_of(member, &format!("`{id}`.member"), source_name)?.to_string());
                trait_refs(member.get("traits"), &mut out);
            }
        }
        Some("map") => {
            for key in ["key", "value"] {
                if let Some(member) = shape.get(key) {
                    out.push(target_of(member, &format!("`{id}`.{key}"), source_name)?.to_string());
                    trait_refs(member.get("traits"), &mut out);
                }
            }
        }
        Some("operation") => {
            for key in ["input", "output"] {
                if let Some(v) = shape.get(key) {
                    out.push(target_of(v, &format!("`{id}`.{key}"), source_name)?.to_string());
                }
            }
            if let Some(v) = shape.get("errors") {
                out.extend(
                    target_list(v, &format!("`{id}`.errors"), source_name)?
                        .into_iter()
                        .map(str::to_string),
                );
            }
        }
        Some("service") => {
            if let Some(v) = shape.get("errors") {
                out.extend(
                    target_list(v, &format!("`{id}`.errors"), source_name)?
                        .into_iter()
                        .map(str::to_string),
                );
            }
        }
        Some("resource") => {
            for key in ["identifiers", "properties"] {
                if let Some(v) = shape.get(key) {
                    let map = v.as_object().ok_or_else(|| {
                        format!("{source_name}: `{id}`.{key}: expected a JSON object")
                    })?;
                    for (name, item) in map {
                        out.push(
                            target_of(item, &format!("`{id}`.{key}.{name}"), source_name)?
                                .to_string(),
                        );
                    }
                }
            }
        }
        Some(_) => {}
        None => return Err(format!("{source_name}: shape `{id}` has no string `type`")),
    }
    Ok(out)
}
