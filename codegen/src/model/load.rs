//! Loading: read files, parse the JSON AST, merge files and the prelude, fold in `apply` statements,
//! flatten mixins, resolve references and typed traits, then validate the whole model.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::ast::{
    self, AstApply, AstFile, AstMember, AstShape, AstType, MIXIN_TRAIT, Ref, TraitMap, TraitValue,
    json_type,
};
use super::error::{ModelError, ModelErrors};
use super::prelude::{PRELUDE_FILE, PRELUDE_JSON, UNIT};
use super::{
    EnumValue, Member, Model, OperationShape, Origin, ResourceShape, ServiceShape, Shape, ShapeId,
    ShapeKind, Traits, validate,
};

/// One model input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A JSON AST file on disk. Given explicitly, it must be a Smithy model (have a `"smithy"` key).
    File(PathBuf),
    /// A JSON AST document held in memory; `name` is used as the file name in errors.
    InMemory {
        /// Shown as the file in error messages.
        name: String,
        /// The JSON text.
        text: String,
    },
}

/// Loads and merges the model files at `paths`. Each path is a `.json` file or a directory, in which
/// every `*.json` file (recursively, in sorted order) that has a top-level `"smithy"` key is a model
/// file; other JSON files there (generator settings and the like) are skipped, but a file that is not
/// JSON at all is an error.
pub fn load_model(paths: &[PathBuf]) -> Result<Model, ModelErrors> {
    let mut errors = Vec::new();
    let mut inputs = Vec::new();
    let mut dirs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            collect_json_files(path, &mut found, &mut errors);
            found.sort();
            let dir = dirs.len();
            dirs.push(path.clone());
            inputs.extend(found.into_iter().map(|p| Input {
                source: Source::File(p),
                dir: Some(dir),
            }));
        } else {
            inputs.push(Input {
                source: Source::File(path.clone()),
                dir: None,
            });
        }
    }
    load_inputs(&inputs, &dirs, errors)
}

/// Loads and merges the given sources (each must be a Smithy JSON AST model).
pub fn load_model_from_sources(sources: &[Source]) -> Result<Model, ModelErrors> {
    let inputs: Vec<Input> = sources
        .iter()
        .map(|s| Input {
            source: s.clone(),
            dir: None,
        })
        .collect();
    load_inputs(&inputs, &[], Vec::new())
}

struct Input {
    source: Source,
    /// Found by scanning the directory with this index: JSON files without a `"smithy"` key are
    /// skipped, not errors.
    dir: Option<usize>,
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Every `*.json` file under `dir`, recursively. Symlinked directories are not followed (no loops).
fn collect_json_files(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<ModelError>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let unreadable = |e: std::io::Error| {
            ModelError::new(display(&d), "$", format!("cannot read directory: {e}"))
        };
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(unreadable(e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(unreadable(e));
                    continue;
                }
            };
            let path = entry.path();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if is_dir {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") && path.is_file() {
                out.push(path);
            }
        }
    }
}

/// Reads and parses one input; `None` when it is skipped or unusable (errors pushed).
fn read_input(input: &Input, errors: &mut Vec<ModelError>) -> Option<AstFile> {
    let (name, text) = match &input.source {
        Source::File(path) => match std::fs::read_to_string(path) {
            Ok(text) => (display(path), text),
            Err(e) => {
                errors.push(ModelError::new(
                    display(path),
                    "$",
                    format!("cannot read file: {e}"),
                ));
                return None;
            }
        },
        Source::InMemory { name, text } => (name.clone(), text.clone()),
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            errors.push(ModelError::new(&name, "$", format!("invalid JSON: {e}")));
            return None;
        }
    };
    let root = match value {
        Value::Object(map) if map.contains_key("smithy") => map,
        _ if input.dir.is_some() => return None,
        other => {
            errors.push(ModelError::new(
                &name,
                "$",
                format!(
                    "not a Smithy JSON AST model: expected an object with a \"smithy\" key, found {}",
                    if other.is_object() { "an object without one" } else { json_type(&other) }
                ),
            ));
            return None;
        }
    };
    Some(ast::parse_file(&name, &root, errors))
}

/// The prelude as a parsed file.
fn prelude(errors: &mut Vec<ModelError>) -> Option<AstFile> {
    read_input(
        &Input {
            source: Source::InMemory {
                name: PRELUDE_FILE.to_string(),
                text: PRELUDE_JSON.to_string(),
            },
            dir: None,
        },
        errors,
    )
}

fn load_inputs(
    inputs: &[Input],
    dirs: &[PathBuf],
    mut errors: Vec<ModelError>,
) -> Result<Model, ModelErrors> {
    let mut files = Vec::new();
    files.extend(prelude(&mut errors));
    let mut unreadable = !errors.is_empty();
    let mut dirs_with_models = BTreeSet::new();
    for input in inputs {
        let before = errors.len();
        match read_input(input, &mut errors) {
            Some(file) => {
                dirs_with_models.extend(input.dir);
                files.push(file);
            }
            None => unreadable |= errors.len() > before,
        }
    }
    for (i, dir) in dirs.iter().enumerate() {
        if !dirs_with_models.contains(&i) {
            errors.push(ModelError::new(
                display(dir),
                "$",
                "no Smithy JSON AST model file (a *.json file with a \"smithy\" key) in this directory",
            ));
            unreadable = true;
        }
    }
    // A file that could not be read at all would make every reference into it look unknown.
    if unreadable {
        return Err(ModelErrors(errors));
    }

    let mut merged = merge(files, &mut errors);
    let deferred = apply_statements(&mut merged, false, &mut errors);
    flatten_mixins(&mut merged, &mut errors);
    merged.applies = deferred;
    apply_statements(&mut merged, true, &mut errors);

    let mut warnings = Vec::new();
    let mut model = build(&merged, &mut errors, &mut warnings);
    merge_service_pagination(&mut model);
    validate::validate(&model, &mut errors, &mut warnings);

    if errors.is_empty() {
        model.warnings = dedup(warnings);
        Ok(model)
    } else {
        Err(ModelErrors(dedup(errors)))
    }
}

/// Drops exact duplicate errors (a shared shape can be reached twice), keeping the first order.
fn dedup(errors: Vec<ModelError>) -> Vec<ModelError> {
    let mut seen = BTreeSet::new();
    errors
        .into_iter()
        .filter(|e| seen.insert(e.clone()))
        .collect()
}

/// All files merged into one set of shapes.
struct Merged {
    shapes: BTreeMap<ShapeId, AstShape>,
    applies: Vec<AstApply>,
    metadata: BTreeMap<String, (Value, String)>,
    /// Ids whose definitions were unusable (already reported).
    broken: BTreeSet<ShapeId>,
}

impl Merged {
    fn exists(&self, id: &ShapeId) -> bool {
        self.shapes.contains_key(id) || self.broken.contains(id)
    }

    /// Reports `r` when it names no shape (references to broken shapes were reported already).
    fn check_ref(&self, r: &Ref, errors: &mut Vec<ModelError>) {
        if !self.exists(&r.id) {
            errors.push(ModelError::new(
                &r.file,
                r.path.to_string(),
                format!(
                    "unknown shape {} (not defined in any model file nor in the prelude)",
                    r.id
                ),
            ));
        }
    }
}

fn merge(files: Vec<AstFile>, errors: &mut Vec<ModelError>) -> Merged {
    let mut merged = Merged {
        shapes: BTreeMap::new(),
        applies: Vec::new(),
        metadata: BTreeMap::new(),
        broken: BTreeSet::new(),
    };
    for file in files {
        merged.broken.extend(file.broken);
        for (key, value, path) in file.metadata {
            match merged.metadata.get_mut(&key) {
                None => {
                    merged.metadata.insert(key, (value, file.file.clone()));
                }
                Some((existing, first_file)) => match (existing, value) {
                    (Value::Array(a), Value::Array(b)) => a.extend(b),
                    (existing, value) if *existing == value => {}
                    _ => errors.push(ModelError::new(
                        &file.file,
                        path.to_string(),
                        format!("conflicting metadata key \"{key}\": {first_file} and {} give different values", file.file),
                    )),
                },
            }
        }
        for shape in file.shapes {
            match merged.shapes.get(&shape.id) {
                None => {
                    merged.shapes.insert(shape.id.clone(), shape);
                }
                Some(existing) if existing.raw == shape.raw => {}
                Some(existing) if existing.file == PRELUDE_FILE => errors.push(ModelError::new(
                    &shape.file,
                    shape.path.to_string(),
                    format!(
                        "shape {} conflicts with the Smithy prelude shape of the same id",
                        shape.id
                    ),
                )),
                Some(existing) => errors.push(ModelError::new(
                    &shape.file,
                    shape.path.to_string(),
                    format!(
                        "conflicting definitions of shape {}: {} and {} define it differently",
                        shape.id, existing.file, shape.file
                    ),
                )),
            }
        }
        merged.applies.extend(file.applies);
    }
    merged
}

/// Adds `new` traits to `target`; equal values are fine, two arrays concatenate, anything else
/// conflicts.
fn add_traits(
    target: &mut TraitMap,
    new: &TraitMap,
    target_name: &str,
    errors: &mut Vec<ModelError>,
) {
    for (id, tv) in new {
        match target.get_mut(id) {
            None => {
                target.insert(id.clone(), tv.clone());
            }
            Some(existing) if existing.value == tv.value => {}
            Some(existing) => {
                if let (Value::Array(a), Value::Array(b)) = (&mut existing.value, &tv.value) {
                    a.extend(b.iter().cloned());
                } else {
                    errors.push(ModelError::new(
                        &tv.file,
                        tv.path.to_string(),
                        format!(
                            "conflicting values for trait {id} on {target_name}: {} and {} give different values",
                            existing.file, tv.file
                        ),
                    ));
                }
            }
        }
    }
}

/// Folds `apply` statements in. Before mixins are flattened (`final_pass == false`) a statement
/// naming a member the shape does not define itself is returned for a second pass, since it may be
/// inherited from a mixin.
fn apply_statements(
    merged: &mut Merged,
    final_pass: bool,
    errors: &mut Vec<ModelError>,
) -> Vec<AstApply> {
    let mut deferred = Vec::new();
    let applies = std::mem::take(&mut merged.applies);
    for apply in applies {
        if merged.broken.contains(&apply.target) && !merged.shapes.contains_key(&apply.target) {
            continue;
        }
        let Some(shape) = merged.shapes.get_mut(&apply.target) else {
            errors.push(ModelError::new(
                &apply.file,
                apply.path.to_string(),
                format!("apply targets unknown shape {}", apply.target),
            ));
            continue;
        };
        match &apply.member {
            None => add_traits(
                &mut shape.traits,
                &apply.traits,
                &apply.target.to_string(),
                errors,
            ),
            Some(name) => match shape.members.iter_mut().find(|m| &m.name == name) {
                Some(member) => add_traits(
                    &mut member.traits,
                    &apply.traits,
                    &format!("{}${name}", apply.target),
                    errors,
                ),
                None if !final_pass && !shape.mixins.is_empty() => deferred.push(apply),
                None => errors.push(ModelError::new(
                    &apply.file,
                    apply.path.to_string(),
                    format!(
                        "apply targets unknown member {}${name} ({} has no member \"{name}\")",
                        apply.target, apply.target
                    ),
                )),
            },
        }
    }
    deferred
}

/// Trait ids a mixin does not pass on: `@mixin` itself and its `localTraits`.
fn local_traits(mixin: &AstShape, errors: &mut Vec<ModelError>) -> BTreeSet<String> {
    let mut out = BTreeSet::from([MIXIN_TRAIT.to_string()]);
    let Some(tv) = mixin.traits.get(MIXIN_TRAIT) else {
        return out;
    };
    let Some(obj) = tv.value.as_object() else {
        errors.push(ModelError::new(
            &tv.file,
            tv.path.to_string(),
            format!("expected an object, found {}", json_type(&tv.value)),
        ));
        return out;
    };
    if let Some(v) = obj.get("localTraits") {
        let path = tv.path.key("localTraits");
        match v.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(s) => {
                            out.insert(s.to_string());
                        }
                        None => errors.push(ModelError::new(
                            &tv.file,
                            path.index(i).to_string(),
                            format!("expected a shape id string, found {}", json_type(item)),
                        )),
                    }
                }
            }
            None => errors.push(ModelError::new(
                &tv.file,
                path.to_string(),
                format!("expected an array, found {}", json_type(v)),
            )),
        }
    }
    out
}

/// Copies mixin members (first, in mixin order), non-local traits and shape properties into every
/// shape that uses mixins, mixins of mixins first. Cycles are errors.
fn flatten_mixins(merged: &mut Merged, errors: &mut Vec<ModelError>) {
    // Validate references and collect the dependency graph among shapes that use mixins.
    let users: BTreeSet<ShapeId> = merged
        .shapes
        .values()
        .filter(|s| !s.mixins.is_empty())
        .map(|s| s.id.clone())
        .collect();
    let mut valid_mixins: BTreeMap<ShapeId, Vec<ShapeId>> = BTreeMap::new();
    let mut pending: BTreeMap<ShapeId, usize> = BTreeMap::new();
    let mut dependents: BTreeMap<ShapeId, Vec<ShapeId>> = BTreeMap::new();
    for id in &users {
        let Some(shape) = merged.shapes.get(id) else {
            continue;
        };
        let mut ok = Vec::new();
        let mut waits = 0;
        for r in &shape.mixins {
            let Some(mixin) = merged.shapes.get(&r.id) else {
                merged.check_ref(r, errors);
                continue;
            };
            if !mixin.is_mixin() {
                errors.push(ModelError::new(
                    &r.file,
                    r.path.to_string(),
                    format!("{} is not a mixin (it has no @mixin trait)", r.id),
                ));
                continue;
            }
            if mixin.ty.name() != shape.ty.name() {
                errors.push(ModelError::new(
                    &r.file,
                    r.path.to_string(),
                    format!(
                        "{} is a {} mixin and cannot be used by the {} {}",
                        r.id,
                        mixin.ty.name(),
                        shape.ty.name(),
                        id
                    ),
                ));
                continue;
            }
            if users.contains(&r.id) {
                waits += 1;
                dependents.entry(r.id.clone()).or_default().push(id.clone());
            }
            ok.push(r.id.clone());
        }
        valid_mixins.insert(id.clone(), ok);
        pending.insert(id.clone(), waits);
    }

    // Kahn's algorithm: a shape is flattened once all of its mixins are.
    let mut ready: VecDeque<ShapeId> = pending
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(id, _)| id.clone())
        .collect();
    while let Some(id) = ready.pop_front() {
        pending.remove(&id);
        flatten_one(
            merged,
            &id,
            valid_mixins.get(&id).map(Vec::as_slice).unwrap_or(&[]),
            errors,
        );
        for dep in dependents.get(&id).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(n) = pending.get_mut(dep) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    ready.push_back(dep.clone());
                }
            }
        }
    }
    for id in pending.keys() {
        if let Some(shape) = merged.shapes.get(id) {
            errors.push(ModelError::new(
                &shape.file,
                shape.path.key("mixins").to_string(),
                format!("mixin cycle: {id} (directly or indirectly) uses itself as a mixin"),
            ));
        }
    }
}

fn flatten_one(
    merged: &mut Merged,
    id: &ShapeId,
    mixins: &[ShapeId],
    errors: &mut Vec<ModelError>,
) {
    let mut members: Vec<AstMember> = Vec::new();
    let mut traits = TraitMap::new();
    let mut props: Option<AstType> = None;
    for mixin_id in mixins {
        let Some(mixin) = merged.shapes.get(mixin_id) else {
            continue;
        };
        for m in &mixin.members {
            match members.iter_mut().find(|x| x.name == m.name) {
                Some(existing)
                    if existing.target.as_ref().map(|r| &r.id)
                        != m.target.as_ref().map(|r| &r.id) =>
                {
                    errors.push(ModelError::new(
                        &m.file,
                        m.path.to_string(),
                        format!("member \"{}\" of {id} is inherited from two mixins with different targets", m.name),
                    ));
                }
                Some(existing) => existing.traits.extend(m.traits.clone()),
                None => members.push(m.clone()),
            }
        }
        let local = local_traits(mixin, errors);
        for (tid, tv) in &mixin.traits {
            if !local.contains(tid) {
                traits.insert(tid.clone(), tv.clone());
            }
        }
        match &mut props {
            None => props = Some(mixin.ty.clone()),
            Some(p) => inherit_properties(p, &mixin.ty),
        }
    }
    let Some(shape) = merged.shapes.get_mut(id) else {
        return;
    };
    for own in std::mem::take(&mut shape.members) {
        match members.iter_mut().find(|x| x.name == own.name) {
            Some(inherited) => {
                if let (Some(a), Some(b)) = (&own.target, &inherited.target)
                    && a.id != b.id
                {
                    errors.push(ModelError::new(
                        &own.file,
                        own.path.key("target").to_string(),
                        format!(
                            "member \"{}\" is inherited from a mixin with target {}; it can only add traits, not change the target to {}",
                            own.name, b.id, a.id
                        ),
                    ));
                }
                inherited.traits.extend(own.traits);
            }
            None => members.push(own),
        }
    }
    shape.members = members;
    let own_traits = std::mem::take(&mut shape.traits);
    traits.extend(own_traits);
    shape.traits = traits;
    if let Some(mut inherited) = props
        && matches!(
            shape.ty,
            AstType::Operation(_) | AstType::Service(_) | AstType::Resource(_)
        )
    {
        // The shape's own properties win; lists keep the mixins' entries first.
        inherit_properties(&mut inherited, &shape.ty);
        shape.ty = inherited;
    }
}

/// Merges `from`'s service/operation/resource properties into `into`: single values from `from`
/// override, lists concatenate (without duplicates).
fn inherit_properties(into: &mut AstType, from: &AstType) {
    fn extend(into: &mut Vec<Ref>, from: &[Ref]) {
        for r in from {
            if !into.iter().any(|x| x.id == r.id) {
                into.push(r.clone());
            }
        }
    }
    fn set(into: &mut Option<Ref>, from: &Option<Ref>) {
        if from.is_some() {
            into.clone_from(from);
        }
    }
    match (into, from) {
        (AstType::Service(a), AstType::Service(b)) => {
            if b.version.is_some() {
                a.version.clone_from(&b.version);
            }
            extend(&mut a.operations, &b.operations);
            extend(&mut a.resources, &b.resources);
            extend(&mut a.errors, &b.errors);
            a.rename.extend(b.rename.iter().cloned());
        }
        (AstType::Operation(a), AstType::Operation(b)) => {
            set(&mut a.input, &b.input);
            set(&mut a.output, &b.output);
            extend(&mut a.errors, &b.errors);
        }
        (AstType::Resource(a), AstType::Resource(b)) => {
            a.identifiers.extend(b.identifiers.iter().cloned());
            a.properties.extend(b.properties.iter().cloned());
            set(&mut a.create, &b.create);
            set(&mut a.put, &b.put);
            set(&mut a.read, &b.read);
            set(&mut a.update, &b.update);
            set(&mut a.delete, &b.delete);
            set(&mut a.list, &b.list);
            extend(&mut a.operations, &b.operations);
            extend(&mut a.collection_operations, &b.collection_operations);
            extend(&mut a.resources, &b.resources);
        }
        _ => {}
    }
}

fn unit() -> ShapeId {
    ShapeId::new("smithy.api", "Unit")
}

/// Converts the merged AST into the resolved model, checking every reference.
fn build(merged: &Merged, errors: &mut Vec<ModelError>, warnings: &mut Vec<ModelError>) -> Model {
    let mut model = Model::default();
    for (key, (value, _)) in &merged.metadata {
        model.metadata.insert(key.clone(), value.clone());
    }
    for (id, s) in &merged.shapes {
        let traits = Traits::from_ast(&s.traits, errors, warnings);
        let kind = match &s.ty {
            AstType::Blob => ShapeKind::Blob,
            AstType::Boolean => ShapeKind::Boolean,
            AstType::String => ShapeKind::String,
            AstType::Byte => ShapeKind::Byte,
            AstType::Short => ShapeKind::Short,
            AstType::Integer => ShapeKind::Integer,
            AstType::Long => ShapeKind::Long,
            AstType::Float => ShapeKind::Float,
            AstType::Double => ShapeKind::Double,
            AstType::BigInteger => ShapeKind::BigInteger,
            AstType::BigDecimal => ShapeKind::BigDecimal,
            AstType::Timestamp => ShapeKind::Timestamp,
            AstType::Document => ShapeKind::Document,
            AstType::Enum | AstType::IntEnum => {
                let int = matches!(s.ty, AstType::IntEnum);
                let members = s
                    .members
                    .iter()
                    .map(|m| enum_member(m, int, errors, warnings))
                    .collect();
                if int {
                    ShapeKind::IntEnum(members)
                } else {
                    ShapeKind::Enum(members)
                }
            }
            AstType::Structure => ShapeKind::Structure(
                s.members
                    .iter()
                    .map(|m| member(merged, m, errors, warnings))
                    .collect(),
            ),
            AstType::Union => ShapeKind::Union(
                s.members
                    .iter()
                    .map(|m| member(merged, m, errors, warnings))
                    .collect(),
            ),
            AstType::List => match named_member(merged, s, "member", errors, warnings) {
                Some(m) => ShapeKind::List(Box::new(m)),
                None => continue,
            },
            AstType::Map => {
                let key = named_member(merged, s, "key", errors, warnings);
                let value = named_member(merged, s, "value", errors, warnings);
                match (key, value) {
                    (Some(key), Some(value)) => ShapeKind::Map {
                        key: Box::new(key),
                        value: Box::new(value),
                    },
                    _ => continue,
                }
            }
            AstType::Service(svc) => {
                let ids = |refs: &[Ref], errors: &mut Vec<ModelError>| -> Vec<ShapeId> {
                    refs.iter().map(|r| resolve(merged, r, errors)).collect()
                };
                let mut rename = BTreeMap::new();
                for (r, name) in &svc.rename {
                    rename.insert(resolve(merged, r, errors), name.clone());
                }
                ShapeKind::Service(ServiceShape {
                    version: svc.version.clone(),
                    operations: ids(&svc.operations, errors),
                    resources: ids(&svc.resources, errors),
                    errors: ids(&svc.errors, errors),
                    rename,
                })
            }
            AstType::Operation(op) => ShapeKind::Operation(OperationShape {
                input: op
                    .input
                    .as_ref()
                    .map_or_else(unit, |r| resolve(merged, r, errors)),
                output: op
                    .output
                    .as_ref()
                    .map_or_else(unit, |r| resolve(merged, r, errors)),
                errors: op
                    .errors
                    .iter()
                    .map(|r| resolve(merged, r, errors))
                    .collect(),
            }),
            AstType::Resource(res) => {
                let mut identifiers = BTreeMap::new();
                for (name, r) in &res.identifiers {
                    identifiers.insert(name.clone(), resolve(merged, r, errors));
                }
                for (_, r) in &res.properties {
                    merged.check_ref(r, errors);
                }
                let singles = [
                    &res.create,
                    &res.put,
                    &res.read,
                    &res.update,
                    &res.delete,
                    &res.list,
                ];
                let operations = singles
                    .into_iter()
                    .flatten()
                    .chain(&res.operations)
                    .chain(&res.collection_operations)
                    .map(|r| resolve(merged, r, errors))
                    .collect();
                ShapeKind::Resource(ResourceShape {
                    identifiers,
                    operations,
                    resources: res
                        .resources
                        .iter()
                        .map(|r| resolve(merged, r, errors))
                        .collect(),
                })
            }
        };
        model.shapes.insert(
            id.clone(),
            Shape {
                id: id.clone(),
                kind,
                traits,
                origin: Origin {
                    file: s.file.clone(),
                },
            },
        );
    }
    model
}

fn resolve(merged: &Merged, r: &Ref, errors: &mut Vec<ModelError>) -> ShapeId {
    merged.check_ref(r, errors);
    r.id.clone()
}

fn member(
    merged: &Merged,
    m: &AstMember,
    errors: &mut Vec<ModelError>,
    warnings: &mut Vec<ModelError>,
) -> Member {
    let target = match &m.target {
        Some(r) => resolve(merged, r, errors),
        None => {
            errors.push(ModelError::new(
                &m.file,
                m.path.to_string(),
                "member has no \"target\"",
            ));
            unit()
        }
    };
    Member {
        name: m.name.clone(),
        target,
        traits: Traits::from_ast(&m.traits, errors, warnings),
    }
}

fn enum_member(
    m: &AstMember,
    int: bool,
    errors: &mut Vec<ModelError>,
    warnings: &mut Vec<ModelError>,
) -> Member {
    let mut out = match &m.target {
        Some(r) => {
            if r.id.to_string() != UNIT {
                errors.push(ModelError::new(
                    &r.file,
                    r.path.to_string(),
                    format!("enum members must target {UNIT}, not {}", r.id),
                ));
            }
            Member {
                name: m.name.clone(),
                target: unit(),
                traits: Traits::from_ast(&m.traits, errors, warnings),
            }
        }
        None => Member {
            name: m.name.clone(),
            target: unit(),
            traits: Traits::from_ast(&m.traits, errors, warnings),
        },
    };
    let value_path = || {
        m.traits
            .get("smithy.api#enumValue")
            .map_or_else(|| m.path.to_string(), |tv: &TraitValue| tv.path.to_string())
    };
    match (&out.traits.enum_value, int) {
        (None, false) => out.traits.enum_value = Some(EnumValue::String(m.name.clone())),
        (Some(EnumValue::String(s)), false) if s.is_empty() => {
            errors.push(ModelError::new(
                &m.file,
                value_path(),
                "enum values must not be empty",
            ));
        }
        (Some(EnumValue::Int(i)), true) if i32::try_from(*i).is_err() => {
            errors.push(ModelError::new(
                &m.file,
                value_path(),
                format!(
                    "intEnum value {i} is out of range: intEnum values are 32-bit signed integers ({}..={})",
                    i32::MIN,
                    i32::MAX
                ),
            ));
        }
        (Some(EnumValue::String(_)), false) | (Some(EnumValue::Int(_)), true) => {}
        (Some(EnumValue::Int(_)), false) => {
            errors.push(ModelError::new(
                &m.file,
                value_path(),
                "enum member values must be strings",
            ));
        }
        (None, true) => errors.push(ModelError::new(
            &m.file,
            m.path.to_string(),
            format!("intEnum member \"{}\" needs an integer @enumValue", m.name),
        )),
        (Some(EnumValue::String(_)), true) => {
            errors.push(ModelError::new(
                &m.file,
                value_path(),
                "intEnum member values must be integers",
            ));
        }
    }
    out
}

/// The `member` of a list or the `key` / `value` of a map, which must be present.
fn named_member(
    merged: &Merged,
    s: &AstShape,
    name: &str,
    errors: &mut Vec<ModelError>,
    warnings: &mut Vec<ModelError>,
) -> Option<Member> {
    match s.members.iter().find(|m| m.name == name) {
        Some(m) => Some(member(merged, m, errors, warnings)),
        None => {
            errors.push(ModelError::new(
                &s.file,
                s.path.to_string(),
                format!("{} shape {} has no \"{name}\"", s.ty.name(), s.id),
            ));
            None
        }
    }
}

/// Smithy rule: a service's `@paginated` values are defaults for its `@paginated` operations.
fn merge_service_pagination(model: &mut Model) {
    let services: Vec<(ShapeId, super::PaginatedTrait)> = model
        .services()
        .filter_map(|s| s.traits.paginated.clone().map(|p| (s.id.clone(), p)))
        .collect();
    for (service, defaults) in services {
        for op in model.service_operations(&service) {
            if let Some(shape) = model.shapes.get_mut(&op)
                && let Some(p) = shape.traits.paginated.as_mut()
            {
                p.input_token = p
                    .input_token
                    .take()
                    .or_else(|| defaults.input_token.clone());
                p.output_token = p
                    .output_token
                    .take()
                    .or_else(|| defaults.output_token.clone());
                p.items = p.items.take().or_else(|| defaults.items.clone());
                p.page_size = p.page_size.take().or_else(|| defaults.page_size.clone());
            }
        }
    }
}

impl Model {
    /// Every operation reachable from `service`: bound directly, or through its resources (and their
    /// child resources, recursively). Sorted by id, without duplicates; empty if `service` is not a service.
    pub fn service_operations(&self, service: &ShapeId) -> Vec<ShapeId> {
        let Some(ShapeKind::Service(svc)) = self.get(service).map(|s| &s.kind) else {
            return Vec::new();
        };
        let mut ops: BTreeSet<ShapeId> = svc.operations.iter().cloned().collect();
        let mut seen = BTreeSet::new();
        let mut stack: Vec<ShapeId> = svc.resources.clone();
        while let Some(r) = stack.pop() {
            if !seen.insert(r.clone()) {
                continue;
            }
            if let Some(ShapeKind::Resource(res)) = self.get(&r).map(|s| &s.kind) {
                ops.extend(res.operations.iter().cloned());
                stack.extend(res.resources.iter().cloned());
            }
        }
        ops.into_iter()
            .filter(|id| matches!(self.get(id).map(|s| &s.kind), Some(ShapeKind::Operation(_))))
            .collect()
    }

    /// Every shape reachable from `root` (itself included): members' targets, operation input,
    /// output and errors, service and resource bindings and identifiers. Sorted by id.
    pub fn closure(&self, root: &ShapeId) -> BTreeSet<ShapeId> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![root.clone()];
        while let Some(id) = stack.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            let Some(shape) = self.get(&id) else { continue };
            match &shape.kind {
                ShapeKind::Enum(ms)
                | ShapeKind::IntEnum(ms)
                | ShapeKind::Structure(ms)
                | ShapeKind::Union(ms) => {
                    stack.extend(ms.iter().map(|m| m.target.clone()));
                }
                ShapeKind::List(m) => stack.push(m.target.clone()),
                ShapeKind::Map { key, value } => {
                    stack.push(key.target.clone());
                    stack.push(value.target.clone());
                }
                ShapeKind::Service(s) => {
                    stack.extend(s.operations.iter().cloned());
                    stack.extend(s.resources.iter().cloned());
                    stack.extend(s.errors.iter().cloned());
                }
                ShapeKind::Operation(o) => {
                    stack.push(o.input.clone());
                    stack.push(o.output.clone());
                    stack.extend(o.errors.iter().cloned());
                }
                ShapeKind::Resource(r) => {
                    stack.extend(r.identifiers.values().cloned());
                    stack.extend(r.operations.iter().cloned());
                    stack.extend(r.resources.iter().cloned());
                }
                _ => {}
            }
        }
        seen
    }

    /// The members of a structure, union, enum or intEnum shape (empty for other kinds).
    pub fn members(&self, id: &ShapeId) -> &[Member] {
        match self.get(id).map(|s| &s.kind) {
            Some(
                ShapeKind::Enum(ms)
                | ShapeKind::IntEnum(ms)
                | ShapeKind::Structure(ms)
                | ShapeKind::Union(ms),
            ) => ms,
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mem(name: &str, text: &str) -> Source {
        Source::InMemory {
            name: name.to_string(),
            text: text.to_string(),
        }
    }

    fn load(sources: &[(&str, &str)]) -> Result<Model, ModelErrors> {
        let sources: Vec<Source> = sources.iter().map(|(n, t)| mem(n, t)).collect();
        load_model_from_sources(&sources)
    }

    fn errors(sources: &[(&str, &str)]) -> Vec<String> {
        match load(sources) {
            Ok(_) => panic!("expected the model to fail"),
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn prelude_is_present() {
        let model = match load(&[]) {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        };
        let unit = model
            .get(&unit())
            .map(|s| (s.traits.is_unit_type(), s.origin.file.clone()));
        assert_eq!(unit, Some((true, PRELUDE_FILE.to_string())));
        let pi = model
            .get(&ShapeId::new("smithy.api", "PrimitiveInteger"))
            .and_then(|s| s.traits.default.clone());
        assert_eq!(pi, Some(serde_json::json!(0)));
        assert_eq!(model.shapes.len(), 21);
    }

    #[test]
    fn enum_values_default_to_member_name() {
        let model = load(&[(
            "a.json",
            r#"{"smithy":"2.0","shapes":{"ns#E":{"type":"enum","members":{
                "A":{"target":"smithy.api#Unit"},
                "B":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"b"}}}}}}"#,
        )]);
        let model = match model {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        };
        let values: Vec<_> = model
            .members(&ShapeId::new("ns", "E"))
            .iter()
            .map(|m| m.traits.enum_value.clone())
            .collect();
        assert_eq!(
            values,
            vec![
                Some(EnumValue::String("A".into())),
                Some(EnumValue::String("b".into()))
            ]
        );
    }

    #[test]
    fn metadata_merges() {
        let model = load(&[
            (
                "a.json",
                r#"{"smithy":"2.0","metadata":{"list":[1],"same":"x"}}"#,
            ),
            (
                "b.json",
                r#"{"smithy":"2.0","metadata":{"list":[2],"same":"x"}}"#,
            ),
        ]);
        let model = match model {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(model.metadata.get("list"), Some(&serde_json::json!([1, 2])));
        let e = errors(&[
            ("a.json", r#"{"smithy":"2.0","metadata":{"k":"x"}}"#),
            ("b.json", r#"{"smithy":"2.0","metadata":{"k":"y"}}"#),
        ]);
        assert_eq!(
            e,
            vec![
                r#"b.json: $.metadata.k: conflicting metadata key "k": a.json and b.json give different values"#
            ]
        );
    }

    #[test]
    fn mixin_cycle_is_an_error() {
        let e = errors(&[(
            "a.json",
            r#"{"smithy":"2.0","shapes":{
                "ns#A":{"type":"structure","mixins":[{"target":"ns#B"}],"members":{},"traits":{"smithy.api#mixin":{}}},
                "ns#B":{"type":"structure","mixins":[{"target":"ns#A"}],"members":{},"traits":{"smithy.api#mixin":{}}}}}"#,
        )]);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].starts_with(r#"a.json: $.shapes["ns#A"].mixins: mixin cycle"#),
            "{e:?}"
        );
    }

    #[test]
    fn mixin_must_be_marked_and_same_type() {
        let e = errors(&[(
            "a.json",
            r#"{"smithy":"2.0","shapes":{
                "ns#A":{"type":"structure","members":{}},
                "ns#L":{"type":"list","member":{"target":"smithy.api#String"},"traits":{"smithy.api#mixin":{}}},
                "ns#B":{"type":"structure","mixins":[{"target":"ns#A"},{"target":"ns#L"}],"members":{}}}}"#,
        )]);
        assert_eq!(
            e,
            vec![
                r#"a.json: $.shapes["ns#B"].mixins[0].target: ns#A is not a mixin (it has no @mixin trait)"#,
                r#"a.json: $.shapes["ns#B"].mixins[1].target: ns#L is a list mixin and cannot be used by the structure ns#B"#,
            ]
        );
    }

    #[test]
    fn service_pagination_defaults_merge() {
        let model = load(&[(
            "a.json",
            r#"{"smithy":"2.0","shapes":{
                "ns#S":{"type":"service","operations":[{"target":"ns#Op"}],
                        "traits":{"smithy.api#paginated":{"inputToken":"token","outputToken":"next","pageSize":"size"}}},
                "ns#Op":{"type":"operation","input":{"target":"ns#In"},"output":{"target":"ns#Out"},
                        "traits":{"smithy.api#paginated":{"items":"things","pageSize":"max"}}},
                "ns#In":{"type":"structure","members":{"token":{"target":"smithy.api#String"},"max":{"target":"smithy.api#Integer"}}},
                "ns#Out":{"type":"structure","members":{"next":{"target":"smithy.api#String"},"things":{"target":"ns#L"}}},
                "ns#L":{"type":"list","member":{"target":"smithy.api#String"}}}}"#,
        )]);
        let model = match model {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        };
        let p = model
            .get(&ShapeId::new("ns", "Op"))
            .and_then(|s| s.traits.paginated.clone());
        assert_eq!(
            p,
            Some(super::super::PaginatedTrait {
                input_token: Some("token".into()),
                output_token: Some("next".into()),
                items: Some("things".into()),
                page_size: Some("max".into()),
            })
        );
        let closure = model.closure(&ShapeId::new("ns", "S"));
        assert!(closure.contains(&ShapeId::new("ns", "L")) && !closure.contains(&unit()));
    }

    #[test]
    fn explicit_non_model_file_is_an_error() {
        let e = errors(&[("settings.json", r#"{"crate": "x"}"#), ("b.json", "[1")]);
        assert_eq!(e.len(), 2);
        assert!(
            e[0].starts_with("settings.json: $: not a Smithy JSON AST model"),
            "{e:?}"
        );
        assert!(e[1].starts_with("b.json: $: invalid JSON: "), "{e:?}");
    }
}
