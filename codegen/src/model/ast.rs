//! The Smithy JSON AST (<https://smithy.io/2.0/spec/json-ast.html>) as read from one file, before
//! merging and resolution. Every value keeps the file and JSON path it came from so later phases can
//! report problems precisely. Parsing walks `serde_json::Value` by hand: wrong JSON types become
//! [`ModelError`]s with the exact path, never panics.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};

use super::ShapeId;
use super::error::ModelError;

/// A JSON path in the style `$.shapes["ns#Foo"].members.bar.target`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct JsonPath(String);

impl JsonPath {
    /// A path given as text (already in this format).
    pub(crate) fn from_text(text: String) -> JsonPath {
        JsonPath(text)
    }

    /// `$`, the whole document.
    pub(crate) fn root() -> JsonPath {
        JsonPath("$".to_string())
    }

    /// The path of an object key: `.key` for identifiers, `["key"]` otherwise.
    pub(crate) fn key(&self, key: &str) -> JsonPath {
        if is_identifier(key) {
            JsonPath(format!("{}.{}", self.0, key))
        } else {
            let quoted = serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""));
            JsonPath(format!("{}[{}]", self.0, quoted))
        }
    }

    /// The path of an array element.
    pub(crate) fn index(&self, i: usize) -> JsonPath {
        JsonPath(format!("{}[{}]", self.0, i))
    }

    /// `$.shapes["<id>"]`: where a shape is defined in its file.
    pub(crate) fn shape(id: &str) -> JsonPath {
        JsonPath::root().key("shapes").key(id)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `[A-Za-z_][A-Za-z0-9_]*`.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Parses an absolute shape id (`ns.sub#Name`), checking the Smithy id grammar.
pub(crate) fn parse_shape_id(s: &str) -> Result<ShapeId, String> {
    let Some((ns, name)) = s.split_once('#') else {
        return Err(format!(
            "\"{s}\" is not an absolute shape id (expected namespace#Name)"
        ));
    };
    if ns.is_empty() || !ns.split('.').all(is_identifier) {
        return Err(format!("\"{s}\" has an invalid namespace \"{ns}\""));
    }
    if !is_identifier(name) {
        return Err(format!("\"{s}\" has an invalid shape name \"{name}\""));
    }
    Ok(ShapeId::new(ns, name))
}

/// Parses `ns#Name` or `ns#Name$member`.
pub(crate) fn parse_shape_or_member_id(s: &str) -> Result<(ShapeId, Option<String>), String> {
    match s.split_once('$') {
        Some((shape, member)) => {
            let id = parse_shape_id(shape)?;
            if !is_identifier(member) {
                return Err(format!("\"{s}\" has an invalid member name \"{member}\""));
            }
            Ok((id, Some(member.to_string())))
        }
        None => Ok((parse_shape_id(s)?, None)),
    }
}

/// A trait value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TraitValue {
    pub value: Value,
    pub file: String,
    /// Path of the value itself (`...traits["smithy.api#http"]`).
    pub path: JsonPath,
}

/// Traits by absolute trait id.
pub(crate) type TraitMap = BTreeMap<String, TraitValue>;

/// A reference to a shape (`{"target": "ns#Foo"}` or a member target).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ref {
    pub id: ShapeId,
    pub file: String,
    /// Path of the id string.
    pub path: JsonPath,
}

/// A member of an aggregate shape. Lists use the name `member`, maps `key` and `value`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AstMember {
    pub name: String,
    /// `None` only for enum members written without a target.
    pub target: Option<Ref>,
    pub traits: TraitMap,
    pub file: String,
    pub path: JsonPath,
}

/// The simple and aggregate shape types, plus the service shapes with their properties.
// Short-lived parse output, one per shape: boxing the service variants would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AstType {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    Enum,
    IntEnum,
    /// `list`, and `set` (which also gets `@uniqueItems`).
    List,
    Map,
    Structure,
    Union,
    Service(AstService),
    Operation(AstOperation),
    Resource(AstResource),
}

impl AstType {
    /// The Smithy type name (`set` reads as `list`).
    pub(crate) fn name(&self) -> &'static str {
        smithy_type_name!(AstType, self)
    }
}

/// Properties of a `service` shape.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct AstService {
    pub version: Option<String>,
    pub operations: Vec<Ref>,
    pub resources: Vec<Ref>,
    pub errors: Vec<Ref>,
    /// Shape id (with where it was written) -> new name.
    pub rename: Vec<(Ref, String)>,
}

/// Properties of an `operation` shape.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct AstOperation {
    pub input: Option<Ref>,
    pub output: Option<Ref>,
    pub errors: Vec<Ref>,
}

/// Properties of a `resource` shape.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct AstResource {
    pub identifiers: Vec<(String, Ref)>,
    pub properties: Vec<(String, Ref)>,
    pub create: Option<Ref>,
    pub put: Option<Ref>,
    pub read: Option<Ref>,
    pub update: Option<Ref>,
    pub delete: Option<Ref>,
    pub list: Option<Ref>,
    pub operations: Vec<Ref>,
    pub collection_operations: Vec<Ref>,
    pub resources: Vec<Ref>,
}

/// One shape definition from one file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AstShape {
    pub id: ShapeId,
    pub file: String,
    pub path: JsonPath,
    /// The definition as written, to tell identical re-definitions from conflicting ones.
    pub raw: Value,
    pub ty: AstType,
    /// Members in model order (mixins not yet applied).
    pub members: Vec<AstMember>,
    pub traits: TraitMap,
    pub mixins: Vec<Ref>,
}

impl AstShape {
    /// True when the shape carries `@mixin`.
    pub(crate) fn is_mixin(&self) -> bool {
        self.traits.contains_key(MIXIN_TRAIT)
    }
}

/// The `smithy.api#mixin` trait id.
pub(crate) const MIXIN_TRAIT: &str = "smithy.api#mixin";

/// An `apply` statement: traits added to a shape or member defined anywhere.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AstApply {
    pub target: ShapeId,
    pub member: Option<String>,
    pub traits: TraitMap,
    pub file: String,
    pub path: JsonPath,
}

/// One parsed model file.
#[derive(Debug, Clone, Default)]
pub(crate) struct AstFile {
    pub file: String,
    /// Metadata entries with the path of each value.
    pub metadata: Vec<(String, Value, JsonPath)>,
    pub shapes: Vec<AstShape>,
    pub applies: Vec<AstApply>,
    /// Shapes whose definition was unusable (already reported); references to them are not re-reported.
    pub broken: Vec<ShapeId>,
}

/// Collects errors for one file.
struct Ctx<'a> {
    file: &'a str,
    errors: &'a mut Vec<ModelError>,
    /// Errors that leave the shape usable (a bad trait id): counted so the shape is not dropped.
    soft: usize,
}

impl Ctx<'_> {
    fn err(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.errors
            .push(ModelError::new(self.file, path.to_string(), message));
    }
}

/// Human name of a JSON value's type, for messages.
pub(crate) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses a whole file whose top level is already known to be a JSON object with a `smithy` key.
/// Structural problems are pushed to `errors`; whatever could be read is returned.
pub(crate) fn parse_file(
    file: &str,
    root: &Map<String, Value>,
    errors: &mut Vec<ModelError>,
) -> AstFile {
    let mut ctx = Ctx {
        file,
        errors,
        soft: 0,
    };
    let mut out = AstFile {
        file: file.to_string(),
        ..AstFile::default()
    };
    let rootp = JsonPath::root();
    for (key, value) in root {
        let path = rootp.key(key);
        match key.as_str() {
            "smithy" => match value.as_str() {
                Some("2.0" | "2") => {}
                Some(other) => ctx.err(
                    &path,
                    format!("unsupported Smithy version \"{other}\" (expected \"2.0\")"),
                ),
                None => ctx.err(
                    &path,
                    format!("expected a string, found {}", json_type(value)),
                ),
            },
            "metadata" => match value.as_object() {
                Some(map) => {
                    for (k, v) in map {
                        out.metadata.push((k.clone(), v.clone(), path.key(k)));
                    }
                }
                None => ctx.err(
                    &path,
                    format!("expected an object, found {}", json_type(value)),
                ),
            },
            "shapes" => match value.as_object() {
                Some(map) => {
                    for (id, def) in map {
                        parse_shape_entry(&mut ctx, &mut out, id, def, path.key(id));
                    }
                }
                None => ctx.err(
                    &path,
                    format!("expected an object, found {}", json_type(value)),
                ),
            },
            other => ctx.err(
                &path,
                format!(
                    "unknown top-level property \"{other}\" (expected smithy, metadata or shapes)"
                ),
            ),
        }
    }
    out
}

fn parse_shape_entry(ctx: &mut Ctx<'_>, out: &mut AstFile, id: &str, def: &Value, path: JsonPath) {
    let (shape_id, member) = match parse_shape_or_member_id(id) {
        Ok(v) => v,
        Err(msg) => {
            ctx.err(&path, msg);
            return;
        }
    };
    let errors_before = ctx.errors.len();
    let soft_before = ctx.soft;
    let Some(obj) = def.as_object() else {
        ctx.err(
            &path,
            format!(
                "expected a shape definition object, found {}",
                json_type(def)
            ),
        );
        out.broken.push(shape_id);
        return;
    };
    let ty = match obj.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(other) => {
            ctx.err(
                &path.key("type"),
                format!("expected a string, found {}", json_type(other)),
            );
            out.broken.push(shape_id);
            return;
        }
        None => {
            ctx.err(&path, "shape definition has no \"type\"");
            out.broken.push(shape_id);
            return;
        }
    };
    if ty == "apply" {
        check_keys(ctx, obj, &path, &["type", "traits"]);
        let traits = parse_traits(ctx, obj.get("traits"), &path.key("traits"));
        out.applies.push(AstApply {
            target: shape_id,
            member,
            traits,
            file: ctx.file.to_string(),
            path,
        });
        return;
    }
    if member.is_some() {
        ctx.err(
            &path,
            format!("a member id can only be used with \"type\": \"apply\", not \"{ty}\""),
        );
        return;
    }
    let (ast_ty, extra_keys): (AstType, &[&str]) = match ty {
        "blob" => (AstType::Blob, &[]),
        "boolean" => (AstType::Boolean, &[]),
        "string" => (AstType::String, &[]),
        "byte" => (AstType::Byte, &[]),
        "short" => (AstType::Short, &[]),
        "integer" => (AstType::Integer, &[]),
        "long" => (AstType::Long, &[]),
        "float" => (AstType::Float, &[]),
        "double" => (AstType::Double, &[]),
        "bigInteger" => (AstType::BigInteger, &[]),
        "bigDecimal" => (AstType::BigDecimal, &[]),
        "timestamp" => (AstType::Timestamp, &[]),
        "document" => (AstType::Document, &[]),
        "enum" => (AstType::Enum, &["members"]),
        "intEnum" => (AstType::IntEnum, &["members"]),
        "list" | "set" => (AstType::List, &["member"]),
        "map" => (AstType::Map, &["key", "value"]),
        "structure" => (AstType::Structure, &["members"]),
        "union" => (AstType::Union, &["members"]),
        "service" => (
            AstType::Service(AstService::default()),
            &["version", "operations", "resources", "errors", "rename"],
        ),
        "operation" => (
            AstType::Operation(AstOperation::default()),
            &["input", "output", "errors"],
        ),
        "resource" => (
            AstType::Resource(AstResource::default()),
            &[
                "identifiers",
                "properties",
                "create",
                "put",
                "read",
                "update",
                "delete",
                "list",
                "operations",
                "collectionOperations",
                "resources",
            ],
        ),
        other => {
            ctx.err(&path.key("type"), format!("unknown shape type \"{other}\""));
            out.broken.push(shape_id);
            return;
        }
    };
    let mut allowed: Vec<&str> = vec!["type", "traits", "mixins"];
    allowed.extend_from_slice(extra_keys);
    check_keys(ctx, obj, &path, &allowed);

    let mut traits = parse_traits(ctx, obj.get("traits"), &path.key("traits"));
    if ty == "set" && !traits.contains_key("smithy.api#uniqueItems") {
        traits.insert(
            "smithy.api#uniqueItems".to_string(),
            TraitValue {
                value: Value::Object(Map::new()),
                file: ctx.file.to_string(),
                path: path.key("type"),
            },
        );
    }
    let mixins = parse_ref_list(ctx, obj.get("mixins"), &path.key("mixins"));

    let mut members = Vec::new();
    let ast_ty = match ast_ty {
        AstType::Enum | AstType::IntEnum | AstType::Structure | AstType::Union => {
            let optional_target = matches!(ast_ty, AstType::Enum | AstType::IntEnum);
            if let Some(v) = obj.get("members") {
                let mpath = path.key("members");
                match v.as_object() {
                    Some(map) => {
                        for (name, m) in map {
                            let p = mpath.key(name);
                            if !is_identifier(name) {
                                ctx.err(&p, format!("\"{name}\" is not a valid member name"));
                                continue;
                            }
                            if let Some(member) = parse_member(ctx, name, m, p, optional_target) {
                                members.push(member);
                            }
                        }
                    }
                    None => ctx.err(
                        &mpath,
                        format!("expected an object, found {}", json_type(v)),
                    ),
                }
            }
            ast_ty
        }
        AstType::List => {
            if let Some(m) = obj.get("member")
                && let Some(member) = parse_member(ctx, "member", m, path.key("member"), false)
            {
                members.push(member);
            }
            ast_ty
        }
        AstType::Map => {
            for name in ["key", "value"] {
                if let Some(m) = obj.get(name)
                    && let Some(member) = parse_member(ctx, name, m, path.key(name), false)
                {
                    members.push(member);
                }
            }
            ast_ty
        }
        AstType::Service(_) => {
            let version = match obj.get("version") {
                None => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => {
                    ctx.err(
                        &path.key("version"),
                        format!("expected a string, found {}", json_type(other)),
                    );
                    None
                }
            };
            let mut rename = Vec::new();
            if let Some(v) = obj.get("rename") {
                let rpath = path.key("rename");
                match v.as_object() {
                    Some(map) => {
                        for (k, name) in map {
                            let p = rpath.key(k);
                            let id = match parse_shape_id(k) {
                                Ok(id) => id,
                                Err(msg) => {
                                    ctx.err(&p, msg);
                                    continue;
                                }
                            };
                            match name.as_str() {
                                Some(n) => rename.push((
                                    Ref {
                                        id,
                                        file: ctx.file.to_string(),
                                        path: p,
                                    },
                                    n.to_string(),
                                )),
                                None => ctx.err(
                                    &p,
                                    format!("expected a string, found {}", json_type(name)),
                                ),
                            }
                        }
                    }
                    None => ctx.err(
                        &rpath,
                        format!("expected an object, found {}", json_type(v)),
                    ),
                }
            }
            AstType::Service(AstService {
                version,
                operations: parse_ref_list(ctx, obj.get("operations"), &path.key("operations")),
                resources: parse_ref_list(ctx, obj.get("resources"), &path.key("resources")),
                errors: parse_ref_list(ctx, obj.get("errors"), &path.key("errors")),
                rename,
            })
        }
        AstType::Operation(_) => AstType::Operation(AstOperation {
            input: parse_opt_ref(ctx, obj.get("input"), &path.key("input")),
            output: parse_opt_ref(ctx, obj.get("output"), &path.key("output")),
            errors: parse_ref_list(ctx, obj.get("errors"), &path.key("errors")),
        }),
        AstType::Resource(_) => AstType::Resource(AstResource {
            identifiers: parse_ref_map(ctx, obj.get("identifiers"), &path.key("identifiers")),
            properties: parse_ref_map(ctx, obj.get("properties"), &path.key("properties")),
            create: parse_opt_ref(ctx, obj.get("create"), &path.key("create")),
            put: parse_opt_ref(ctx, obj.get("put"), &path.key("put")),
            read: parse_opt_ref(ctx, obj.get("read"), &path.key("read")),
            update: parse_opt_ref(ctx, obj.get("update"), &path.key("update")),
            delete: parse_opt_ref(ctx, obj.get("delete"), &path.key("delete")),
            list: parse_opt_ref(ctx, obj.get("list"), &path.key("list")),
            operations: parse_ref_list(ctx, obj.get("operations"), &path.key("operations")),
            collection_operations: parse_ref_list(
                ctx,
                obj.get("collectionOperations"),
                &path.key("collectionOperations"),
            ),
            resources: parse_ref_list(ctx, obj.get("resources"), &path.key("resources")),
        }),
        simple => simple,
    };
    if ctx.errors.len() - errors_before > ctx.soft - soft_before {
        // Reported already; keep the id known so references to it do not cascade.
        out.broken.push(shape_id);
        return;
    }
    out.shapes.push(AstShape {
        id: shape_id,
        file: ctx.file.to_string(),
        path,
        raw: def.clone(),
        ty: ast_ty,
        members,
        traits,
        mixins,
    });
}

fn check_keys(ctx: &mut Ctx<'_>, obj: &Map<String, Value>, path: &JsonPath, allowed: &[&str]) {
    for key in obj.keys() {
        if !allowed.contains(&key.as_str()) {
            let kind = obj.get("type").and_then(Value::as_str).unwrap_or("shape");
            ctx.err(
                &path.key(key),
                format!(
                    "unknown property \"{key}\" for a {kind} (expected one of: {})",
                    allowed.join(", ")
                ),
            );
        }
    }
}

fn parse_traits(ctx: &mut Ctx<'_>, v: Option<&Value>, path: &JsonPath) -> TraitMap {
    let mut out = TraitMap::new();
    let Some(v) = v else { return out };
    let Some(map) = v.as_object() else {
        ctx.err(
            path,
            format!("expected an object of traits, found {}", json_type(v)),
        );
        return out;
    };
    for (id, value) in map {
        let p = path.key(id);
        if let Err(msg) = parse_shape_id(id) {
            ctx.err(&p, format!("trait ids must be absolute shape ids: {msg}"));
            ctx.soft += 1;
            continue;
        }
        out.insert(
            id.clone(),
            TraitValue {
                value: value.clone(),
                file: ctx.file.to_string(),
                path: p,
            },
        );
    }
    out
}

fn parse_member(
    ctx: &mut Ctx<'_>,
    name: &str,
    v: &Value,
    path: JsonPath,
    optional_target: bool,
) -> Option<AstMember> {
    let Some(obj) = v.as_object() else {
        ctx.err(
            &path,
            format!(
                "expected a member definition object, found {}",
                json_type(v)
            ),
        );
        return None;
    };
    check_keys(ctx, obj, &path, &["target", "traits"]);
    let target = match obj.get("target") {
        Some(t) => Some(parse_target(ctx, t, &path.key("target"))?),
        None if optional_target => None,
        None => {
            ctx.err(&path, "member has no \"target\"");
            return None;
        }
    };
    let traits = parse_traits(ctx, obj.get("traits"), &path.key("traits"));
    Some(AstMember {
        name: name.to_string(),
        target,
        traits,
        file: ctx.file.to_string(),
        path,
    })
}

/// A shape id string.
fn parse_target(ctx: &mut Ctx<'_>, v: &Value, path: &JsonPath) -> Option<Ref> {
    let Some(s) = v.as_str() else {
        ctx.err(
            path,
            format!("expected a shape id string, found {}", json_type(v)),
        );
        return None;
    };
    match parse_shape_id(s) {
        Ok(id) => Some(Ref {
            id,
            file: ctx.file.to_string(),
            path: path.clone(),
        }),
        Err(msg) => {
            ctx.err(path, msg);
            None
        }
    }
}

/// `{"target": "ns#Foo"}`.
fn parse_ref_object(ctx: &mut Ctx<'_>, v: &Value, path: &JsonPath) -> Option<Ref> {
    let Some(obj) = v.as_object() else {
        ctx.err(
            path,
            format!(
                "expected an object like {{\"target\": \"ns#Name\"}}, found {}",
                json_type(v)
            ),
        );
        return None;
    };
    check_keys(ctx, obj, path, &["target"]);
    match obj.get("target") {
        Some(t) => parse_target(ctx, t, &path.key("target")),
        None => {
            ctx.err(path, "missing \"target\"");
            None
        }
    }
}

fn parse_opt_ref(ctx: &mut Ctx<'_>, v: Option<&Value>, path: &JsonPath) -> Option<Ref> {
    parse_ref_object(ctx, v?, path)
}

fn parse_ref_list(ctx: &mut Ctx<'_>, v: Option<&Value>, path: &JsonPath) -> Vec<Ref> {
    let Some(v) = v else { return Vec::new() };
    let Some(items) = v.as_array() else {
        ctx.err(path, format!("expected an array, found {}", json_type(v)));
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| parse_ref_object(ctx, item, &path.index(i)))
        .collect()
}

fn parse_ref_map(ctx: &mut Ctx<'_>, v: Option<&Value>, path: &JsonPath) -> Vec<(String, Ref)> {
    let Some(v) = v else { return Vec::new() };
    let Some(map) = v.as_object() else {
        ctx.err(path, format!("expected an object, found {}", json_type(v)));
        return Vec::new();
    };
    map.iter()
        .filter_map(|(k, item)| Some((k.clone(), parse_ref_object(ctx, item, &path.key(k))?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> (AstFile, Vec<ModelError>) {
        let mut errors = Vec::new();
        let map = v.as_object().cloned().unwrap_or_default();
        let f = parse_file("t.json", &map, &mut errors);
        (f, errors)
    }

    #[test]
    fn json_paths() {
        let p = JsonPath::shape("ns#Foo")
            .key("members")
            .key("bar")
            .key("target");
        assert_eq!(p.to_string(), r#"$.shapes["ns#Foo"].members.bar.target"#);
        assert_eq!(
            JsonPath::root().key("a b").index(3).to_string(),
            r#"$["a b"][3]"#
        );
    }

    #[test]
    fn shape_ids() {
        assert!(parse_shape_id("a.b#C").is_ok());
        assert!(parse_shape_id("a..b#C").is_err());
        assert!(parse_shape_id("#C").is_err());
        assert!(parse_shape_id("a#1C").is_err());
        assert_eq!(
            parse_shape_or_member_id("a#B$c").ok().and_then(|x| x.1),
            Some("c".to_string())
        );
    }

    #[test]
    fn parses_every_shape_type() {
        let (f, errors) = parse(json!({
            "smithy": "2.0",
            "metadata": {"k": [1]},
            "shapes": {
                "ns#S": {"type": "string", "traits": {"smithy.api#length": {"min": 1}}},
                "ns#E": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}},
                "ns#L": {"type": "set", "member": {"target": "ns#S"}},
                "ns#M": {"type": "map", "key": {"target": "ns#S"}, "value": {"target": "ns#S"}},
                "ns#St": {"type": "structure", "members": {"a": {"target": "ns#S"}}},
                "ns#Svc": {"type": "service", "version": "1", "operations": [{"target": "ns#Op"}]},
                "ns#Op": {"type": "operation", "input": {"target": "ns#St"}},
                "ns#R": {"type": "resource", "identifiers": {"id": {"target": "ns#S"}}, "read": {"target": "ns#Op"}},
                "ns#St$a": {"type": "apply", "traits": {"smithy.api#required": {}}}
            }
        }));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(f.shapes.len(), 8);
        assert_eq!(f.applies.len(), 1);
        assert_eq!(f.metadata.len(), 1);
        let set = f
            .shapes
            .iter()
            .find(|s| s.id.name == "L")
            .map(|s| s.traits.contains_key("smithy.api#uniqueItems"));
        assert_eq!(set, Some(true));
    }

    #[test]
    fn wrong_types_are_reported_with_paths() {
        let (f, errors) = parse(json!({
            "smithy": "1.0",
            "shapes": {
                "ns#A": {"type": "structure", "members": {"b": {"target": 5}}},
                "ns#B": {"type": "list", "members": {}},
                "ns#C": {"type": "thing"},
                "bad id": {"type": "string"},
                "ns#D": {"type": "operation", "errors": {"target": "ns#A"}}
            }
        }));
        let msgs: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.json_path, e.message))
            .collect();
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("$.smithy: unsupported Smithy version")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m == r#"$.shapes["ns#A"].members.b.target: expected a shape id string, found a number"#),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with(r#"$.shapes["ns#B"].members: unknown property "members""#))
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with(r#"$.shapes["ns#C"].type: unknown shape type"#))
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with(r#"$.shapes["bad id"]: "bad id" is not an absolute"#))
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with(r#"$.shapes["ns#D"].errors: expected an array"#))
        );
        assert!(f.shapes.is_empty());
        assert_eq!(f.broken.len(), 4);
    }
}
