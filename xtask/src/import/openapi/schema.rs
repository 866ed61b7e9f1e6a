//! JSON schemas (OpenAPI 3.0 / 3.1 and Swagger 2.0 flavours) into Smithy shapes.
//!
//! Schemas reached through `$ref` become named shapes (named after the last pointer segment);
//! inline objects, enums and unions are named after where they appear (`UsageSession` +
//! `state` -> `UsageSessionState`); lists and maps of plain targets are named after their targets
//! (`UsageSessionList`, `StringMap`) and shared.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::names::{self, Unique};
use super::refs::{self, Loc};
use super::{Ctx, Version};

const DOCUMENT: &str = "smithy.api#Document";
const STRING: &str = "smithy.api#String";

/// A schema as a member sees it: the shape to target, the traits the member carries
/// (constraints, timestamp format), and whether `null` is allowed.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub target: String,
    pub traits: Map<String, Value>,
    pub nullable: bool,
}

impl Converted {
    fn plain(target: &str) -> Converted {
        Converted {
            target: target.to_string(),
            traits: Map::new(),
            nullable: false,
        }
    }
}

/// What a schema builds before it has a name.
enum Built {
    /// A prelude shape; `traits` go on the member (inline) or on a named simple shape.
    Simple {
        target: &'static str,
        traits: Map<String, Value>,
    },
    /// A shape body (structure, union, list, map, enum) with its shape-only traits; `traits` go on
    /// the member or the shape; `canonical` is a shared name for structural shapes.
    Shape {
        body: Value,
        traits: Map<String, Value>,
        canonical: Option<String>,
    },
    /// An existing shape (a `$ref`).
    Target(Converted),
}

fn simple(target: &'static str) -> Built {
    Built::Simple {
        target,
        traits: Map::new(),
    }
}

/// The Smithy shape type of a prelude target, for named simple shapes.
fn simple_type(target: &str) -> Option<&'static str> {
    Some(match target.strip_prefix("smithy.api#")? {
        "String" => "string",
        "Timestamp" => "timestamp",
        "Blob" => "blob",
        "Boolean" => "boolean",
        "Byte" => "byte",
        "Short" => "short",
        "Integer" => "integer",
        "Long" => "long",
        "Float" => "float",
        "Double" => "double",
        _ => return None,
    })
}

/// The name part of a shape id (`Pet` of `com.example#Pet`).
pub fn short_name(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(_, n)| n)
}

/// Whether the schema allows `null`: `nullable: true` (3.0), `x-nullable` (Swagger 2), a `null`
/// in `type` (3.1), a `null` alternative of `oneOf` / `anyOf`, or `null` among its `enum` values.
pub fn is_nullable(schema: &Value) -> bool {
    let flag = |key: &str| schema.get(key).and_then(Value::as_bool) == Some(true);
    let null_type = |s: &Value| match s.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "null"),
        _ => false,
    };
    let null_alternative = ["oneOf", "anyOf"].iter().any(|key| {
        schema
            .get(*key)
            .and_then(Value::as_array)
            .is_some_and(|alts| alts.iter().any(null_type))
    });
    flag("nullable")
        || flag("x-nullable")
        || null_type(schema)
        || null_alternative
        || schema
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|vs| vs.iter().any(Value::is_null))
}

/// A schema that only stands for another one: `{$ref}`, or `allOf` / `oneOf` / `anyOf` with one
/// `$ref` (and perhaps a `null` alternative) and nothing else that shapes it.
fn alias_of(schema: &Value) -> Option<(String, &str)> {
    let obj = schema.as_object()?;
    if let Some(r) = obj.get("$ref") {
        return r.as_str().map(|r| ("$ref".to_string(), r));
    }
    let shaping = [
        "properties",
        "additionalProperties",
        "items",
        "enum",
        "type",
    ];
    if shaping.iter().any(|k| obj.contains_key(*k) && *k != "type")
        || obj
            .get("type")
            .is_some_and(|t| t != "null" && !t.is_array())
    {
        return None;
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        let Some(alts) = obj.get(key).and_then(Value::as_array) else {
            continue;
        };
        let refs: Vec<(usize, &str)> = alts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.get("type") != Some(&json!("null")))
            .map(|(i, a)| (i, a.get("$ref").and_then(Value::as_str)))
            .map(|(i, r)| r.map(|r| (i, r)))
            .collect::<Option<Vec<_>>>()?;
        if let [(i, r)] = refs[..] {
            return Some((format!("{key}/{i}/$ref"), r));
        }
    }
    None
}

impl Ctx {
    /// The Smithy form of the schema at `at`, used by a member; new shapes are named after
    /// `hint`.
    pub fn convert(&mut self, at: &Loc, hint: &str) -> Result<Converted, String> {
        let schema = self.value(at).clone();
        let nullable = is_nullable(&schema);
        let converted = match self.build(at, hint)? {
            Built::Simple { target, traits } => Converted {
                target: target.to_string(),
                traits,
                nullable,
            },
            Built::Shape {
                body,
                traits,
                canonical,
            } => {
                let mut candidates = Vec::new();
                if let Some(c) = canonical {
                    candidates.push(c);
                }
                candidates.push(hint.to_string());
                Converted {
                    target: self.define(&candidates, body),
                    traits,
                    nullable,
                }
            }
            Built::Target(mut target) => {
                target.nullable |= nullable;
                target
            }
        };
        Ok(converted)
    }

    /// The named shape for the schema a `$ref` points to (converted once).
    pub fn named(&mut self, at: &Loc) -> Result<Converted, String> {
        let mut at = at.clone();
        let mut chain = vec![at.clone()];
        let mut nullable = false;
        while let Some((key, reference)) =
            alias_of(self.value(&at)).map(|(k, r)| (k, r.to_string()))
        {
            nullable |= is_nullable(self.value(&at));
            let from = Loc {
                doc: at.doc,
                ptr: format!("{}/{key}", at.ptr),
            };
            at = refs::resolve(&mut self.docs, &from, &reference)?;
            if chain.contains(&at) {
                return Err(self.err(
                    &from,
                    "cycle of `$ref` / `allOf` that never reaches a schema",
                ));
            }
            chain.push(at.clone());
        }
        if let Some(done) = self.named.get(&at) {
            let mut done = done.clone();
            done.nullable |= nullable;
            return Ok(done);
        }
        let name = names::pascal(&at.last_segment().unwrap_or_else(|| {
            let doc = &self.docs.get(at.doc).name;
            let file = doc.rsplit('/').next().unwrap_or(doc);
            file.split('.').next().unwrap_or(file).to_string()
        }));
        let schema = self.value(&at).clone();
        let id = self.reserve(&name);
        let mut converted = Converted {
            target: id.clone(),
            traits: Map::new(),
            nullable: is_nullable(&schema),
        };
        self.named.insert(at.clone(), converted.clone());
        let docs = self.schema_docs(&at);
        let shape = match self.build(&at, short_name(&id))? {
            Built::Simple { target, mut traits } => match simple_type(target) {
                Some(kind) => {
                    if traits.remove("smithy.api#default").is_some() {
                        self.warn(&at, "`default` of a named schema is not carried over (Smithy defaults belong to members)");
                    }
                    Some(json!({ "type": kind, "traits": traits }))
                }
                None => None,
            },
            Built::Shape {
                mut body, traits, ..
            } => {
                let shape_traits = body
                    .as_object_mut()
                    .map(|b| b.entry("traits").or_insert_with(|| json!({})));
                if let Some(Value::Object(t)) = shape_traits {
                    t.extend(traits);
                }
                Some(body)
            }
            Built::Target(_) => None,
        };
        match shape {
            Some(mut shape) => {
                if let Some(doc) = docs {
                    shape["traits"]["smithy.api#documentation"] = json!(doc);
                }
                if shape["traits"].as_object().is_some_and(Map::is_empty) {
                    shape.as_object_mut().map(|s| s.remove("traits"));
                }
                self.shapes.insert(id, shape);
            }
            None => {
                // A document (or an alias the chain above did not see): no shape of its own.
                self.shapes.remove(&id);
                converted = Converted {
                    nullable: converted.nullable,
                    ..Converted::plain(DOCUMENT)
                };
                self.named.insert(at, converted.clone());
            }
        }
        converted.nullable |= nullable;
        Ok(converted)
    }

    /// The description (or title) of a schema.
    pub fn schema_docs(&self, at: &Loc) -> Option<String> {
        let obj = self.value(at);
        ["description", "title"].iter().find_map(|k| {
            obj.get(*k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
    }

    /// Reserves a shape name (while the shape is built, so that recursion can refer to it).
    fn reserve(&mut self, name: &str) -> String {
        let name = self.renamed(name);
        let mut candidate = name.clone();
        let mut n = 1;
        while self.shapes.contains_key(&self.id(&candidate)) {
            n += 1;
            candidate = format!("{name}{n}");
        }
        let id = self.id(&candidate);
        self.shapes.insert(id.clone(), Value::Null);
        id
    }

    /// Defines `body` under the first free candidate name (or the one already holding the same
    /// shape), then under the first candidate with a number appended.
    pub fn define(&mut self, candidates: &[String], body: Value) -> String {
        let mut candidates: Vec<String> = candidates.iter().map(|c| self.renamed(c)).collect();
        if let Some(q) = &self.qualifier {
            let qualified = self.renamed(&format!("{q}{}", candidates[0]));
            candidates.push(qualified);
        }
        for name in &candidates {
            let id = self.id(name);
            match self.shapes.get(&id) {
                None => {
                    self.shapes.insert(id.clone(), body);
                    return id;
                }
                Some(existing) if *existing == body => return id,
                Some(_) => {}
            }
        }
        let first = &candidates[0];
        let mut n = 2;
        loop {
            let id = self.id(&format!("{first}{n}"));
            match self.shapes.get(&id) {
                None => {
                    self.shapes.insert(id.clone(), body);
                    return id;
                }
                Some(existing) if *existing == body => return id,
                Some(_) => n += 1,
            }
        }
    }

    fn build(&mut self, at: &Loc, hint: &str) -> Result<Built, String> {
        let schema = self.value(at).clone();
        let obj = match schema {
            Value::Bool(true) => return Ok(simple(DOCUMENT)),
            Value::Bool(false) => {
                self.warn(at, "schema `false` (nothing allowed) kept as a document");
                return Ok(simple(DOCUMENT));
            }
            Value::Object(obj) => obj,
            other => {
                return Err(self.err(at, format!("a schema must be an object, found {other}")));
            }
        };
        if let Some(reference) = obj.get("$ref") {
            let reference = reference
                .as_str()
                .ok_or_else(|| self.err(&at.key("$ref"), "`$ref` must be a string"))?;
            let target = refs::resolve(&mut self.docs, &at.key("$ref"), reference)?;
            return Ok(Built::Target(self.named(&target)?));
        }
        if obj.contains_key("allOf") {
            return self.all_of(at, &obj, hint);
        }
        for key in ["oneOf", "anyOf"] {
            if obj.contains_key(key) && !obj.contains_key("properties") {
                return self.one_of(at, key, hint);
            }
        }
        if obj.contains_key("enum") {
            return self.enumeration(at, &obj, hint);
        }
        if let Some(value) = obj.get("const") {
            let mut with_enum = obj.clone();
            with_enum.insert("enum".to_string(), json!([value]));
            return self.enumeration(at, &with_enum, hint);
        }
        let kind = match self.schema_type(at, &obj) {
            Some(kind) => kind,
            None => return Ok(simple(DOCUMENT)),
        };
        self.typed(at, &obj, &kind, hint)
    }

    /// The one non-null `type` of a schema (inferred from its keywords when absent); `None` for a
    /// schema of any type.
    fn schema_type(&mut self, at: &Loc, obj: &Map<String, Value>) -> Option<String> {
        match obj.get("type") {
            Some(Value::String(t)) => Some(t.clone()),
            Some(Value::Array(types)) => {
                let types: Vec<&str> = types
                    .iter()
                    .filter_map(Value::as_str)
                    .filter(|t| *t != "null")
                    .collect();
                match types[..] {
                    [one] => Some(one.to_string()),
                    [] => None,
                    _ => {
                        self.warn(
                            &at.key("type"),
                            format!(
                                "a value of several types ({}) kept as a document",
                                types.join(", ")
                            ),
                        );
                        None
                    }
                }
            }
            _ if obj.contains_key("properties") || obj.contains_key("additionalProperties") => {
                Some("object".to_string())
            }
            _ if obj.contains_key("items") => Some("array".to_string()),
            _ => None,
        }
    }

    fn typed(
        &mut self,
        at: &Loc,
        obj: &Map<String, Value>,
        kind: &str,
        hint: &str,
    ) -> Result<Built, String> {
        let format = obj.get("format").and_then(Value::as_str).unwrap_or("");
        let mut traits = Map::new();
        let target = match kind {
            "string" => {
                self.length(obj, "minLength", "maxLength", &mut traits);
                if let Some(p) = obj.get("pattern").and_then(Value::as_str) {
                    traits.insert("smithy.api#pattern".into(), json!(p));
                }
                match format {
                    "date-time" => {
                        traits.insert("smithy.api#timestampFormat".into(), json!("date-time"));
                        traits.remove("smithy.api#length");
                        traits.remove("smithy.api#pattern");
                        "smithy.api#Timestamp"
                    }
                    "byte" | "binary" => {
                        traits.remove("smithy.api#pattern");
                        "smithy.api#Blob"
                    }
                    "date" => {
                        self.warn(&at.key("format"), "format `date` (a calendar date) has no Smithy timestamp format; kept as a string");
                        STRING
                    }
                    _ => STRING,
                }
            }
            "file" if self.version == Version::Swagger2 => "smithy.api#Blob",
            "integer" => {
                self.range(at, obj, &mut traits);
                match format {
                    "int8" => "smithy.api#Byte",
                    "int16" => "smithy.api#Short",
                    "int32" => "smithy.api#Integer",
                    _ => "smithy.api#Long",
                }
            }
            "number" => {
                self.range(at, obj, &mut traits);
                match format {
                    "float" => "smithy.api#Float",
                    _ => "smithy.api#Double",
                }
            }
            "boolean" => "smithy.api#Boolean",
            "array" => return self.array(at, obj, hint),
            "object" => return self.object(at, obj, hint),
            "null" => {
                self.warn(at, "a schema that only allows `null` kept as a document");
                DOCUMENT
            }
            other => {
                return Err(self.err(&at.key("type"), format!("unknown type `{other}`")));
            }
        };
        Ok(Built::Simple { target, traits })
    }

    /// `@length` from two size keywords.
    fn length(
        &self,
        obj: &Map<String, Value>,
        min: &str,
        max: &str,
        traits: &mut Map<String, Value>,
    ) {
        let mut length = Map::new();
        for (key, name) in [(min, "min"), (max, "max")] {
            if let Some(n) = obj.get(key).and_then(Value::as_u64) {
                length.insert(name.into(), json!(n));
            }
        }
        if !length.is_empty() {
            traits.insert("smithy.api#length".into(), Value::Object(length));
        }
    }

    /// `@range` from `minimum` / `maximum` (exclusive bounds of integers are moved by one).
    fn range(&mut self, at: &Loc, obj: &Map<String, Value>, traits: &mut Map<String, Value>) {
        let integer = obj.get("type").and_then(Value::as_str) == Some("integer");
        let mut range = Map::new();
        for (key, exclusive, name, step) in [
            ("minimum", "exclusiveMinimum", "min", 1),
            ("maximum", "exclusiveMaximum", "max", -1),
        ] {
            // 3.0 / Swagger 2: boolean flag beside the bound; 3.1: the exclusive bound itself.
            let (bound, is_exclusive) = match obj.get(exclusive) {
                Some(Value::Number(n)) => (Some(n.clone()), true),
                Some(Value::Bool(true)) => (obj.get(key).and_then(Value::as_number).cloned(), true),
                _ => (obj.get(key).and_then(Value::as_number).cloned(), false),
            };
            let Some(bound) = bound else { continue };
            let value = match (is_exclusive, integer, bound.as_i64()) {
                (false, _, _) => Value::Number(bound),
                (true, true, Some(i)) => json!(i + step),
                (true, _, _) => {
                    self.warn(
                        &at.key(exclusive),
                        "an exclusive bound of a non-integer is checked as inclusive",
                    );
                    Value::Number(bound)
                }
            };
            range.insert(name.into(), value);
        }
        if !range.is_empty() {
            traits.insert("smithy.api#range".into(), Value::Object(range));
        }
    }

    fn array(&mut self, at: &Loc, obj: &Map<String, Value>, hint: &str) -> Result<Built, String> {
        let item = match obj.get("items") {
            Some(Value::Array(_)) => {
                self.warn(
                    &at.key("items"),
                    "tuple `items` kept as a list of documents",
                );
                Converted::plain(DOCUMENT)
            }
            Some(_) => self.convert(&at.key("items"), &format!("{hint}Item"))?,
            None => {
                if self.version == Version::Swagger2 || obj.get("type").is_some() {
                    self.warn(at, "array without `items` kept as a list of documents");
                }
                Converted::plain(DOCUMENT)
            }
        };
        let mut member = json!({ "target": item.target });
        if !item.traits.is_empty() {
            member["traits"] = Value::Object(item.traits.clone());
        }
        let mut body = json!({ "type": "list", "member": member });
        let mut prefix = "";
        if item.nullable {
            body["traits"] = json!({ "smithy.api#sparse": {} });
            prefix = "Sparse";
        }
        if obj.get("uniqueItems").and_then(Value::as_bool) == Some(true) {
            body["traits"]["smithy.api#uniqueItems"] = json!({});
            prefix = if item.nullable {
                "SparseUnique"
            } else {
                "Unique"
            };
        }
        Ok(self.collection(obj, body, &item, ("minItems", "maxItems"), prefix, "List"))
    }

    /// A list or map body, with `@length` from the two size keywords and a shared name for a
    /// collection of a plain target (`StringList`, `SparseStringMap`).
    fn collection(
        &self,
        obj: &Map<String, Value>,
        body: Value,
        element: &Converted,
        (min, max): (&str, &str),
        prefix: &str,
        suffix: &str,
    ) -> Built {
        let mut traits = Map::new();
        self.length(obj, min, max, &mut traits);
        let canonical = element
            .traits
            .is_empty()
            .then(|| format!("{prefix}{}{suffix}", short_name(&element.target)));
        Built::Shape {
            body,
            traits,
            canonical,
        }
    }

    fn object(&mut self, at: &Loc, obj: &Map<String, Value>, hint: &str) -> Result<Built, String> {
        let properties = obj.get("properties").and_then(Value::as_object);
        let additional = obj.get("additionalProperties");
        let has_properties = properties.is_some_and(|p| !p.is_empty());
        if !has_properties {
            match additional {
                Some(Value::Object(_)) => return self.map(at, obj, hint),
                Some(Value::Bool(false)) => {}
                _ => return Ok(simple(DOCUMENT)),
            }
        } else if additional.is_some_and(|a| a != &json!(false)) {
            self.warn(
                &at.key("additionalProperties"),
                "an object with both `properties` and `additionalProperties`: only the named properties are modeled",
            );
        }
        let props: Vec<(String, Loc)> = properties
            .map(|p| {
                p.keys()
                    .map(|k| (k.clone(), at.key("properties").key(k)))
                    .collect()
            })
            .unwrap_or_default();
        let required = required_names(obj);
        let body = self.structure(&props, &required, hint)?;
        Ok(Built::Shape {
            body,
            traits: Map::new(),
            canonical: None,
        })
    }

    fn map(&mut self, at: &Loc, obj: &Map<String, Value>, hint: &str) -> Result<Built, String> {
        let value = self.convert(&at.key("additionalProperties"), &format!("{hint}Value"))?;
        let mut value_member = json!({ "target": value.target });
        if !value.traits.is_empty() {
            value_member["traits"] = Value::Object(value.traits.clone());
        }
        let mut body = json!({
            "type": "map",
            "key": { "target": STRING },
            "value": value_member,
        });
        let mut prefix = "";
        if value.nullable {
            body["traits"] = json!({ "smithy.api#sparse": {} });
            prefix = "Sparse";
        }
        Ok(self.collection(
            obj,
            body,
            &value,
            ("minProperties", "maxProperties"),
            prefix,
            "Map",
        ))
    }

    /// A structure body from properties (name, schema location) in order.
    pub fn structure(
        &mut self,
        props: &[(String, Loc)],
        required: &BTreeSet<String>,
        hint: &str,
    ) -> Result<Value, String> {
        let mut members = Map::new();
        let mut unique = Unique::default();
        for (wire, loc) in props {
            let name = unique.take(names::property_member(wire));
            let converted = self.convert(loc, &format!("{hint}{}", names::pascal(wire)))?;
            let mut traits = converted.traits.clone();
            if name != *wire {
                traits.insert("smithy.api#jsonName".into(), json!(wire));
            }
            let schema = self.value(loc).clone();
            let read_only = schema.get("readOnly").and_then(Value::as_bool) == Some(true);
            let write_only = schema.get("writeOnly").and_then(Value::as_bool) == Some(true);
            if required.contains(wire) && !converted.nullable && !read_only {
                traits.insert("smithy.api#required".into(), json!({}));
            }
            self.member_extras(loc, &converted, &mut traits);
            let mut docs = self
                .schema_docs(loc)
                .filter(|_| schema.get("$ref").is_none());
            if schema.get("$ref").is_some() {
                // 3.1 allows a description beside `$ref`; it describes the member.
                docs = schema
                    .get("description")
                    .and_then(Value::as_str)
                    .map(str::to_string);
            }
            let note = match (read_only, write_only) {
                (true, _) => Some("Read-only: set by the service, ignored in requests."),
                (_, true) => Some("Write-only: sent in requests, never returned."),
                _ => None,
            };
            if let Some(note) = note {
                docs = Some(match docs {
                    Some(d) => format!("{d}\n\n{note}"),
                    None => note.to_string(),
                });
            }
            if let Some(d) = docs {
                traits.insert("smithy.api#documentation".into(), json!(d));
            }
            let mut member = json!({ "target": converted.target });
            if !traits.is_empty() {
                member["traits"] = Value::Object(traits);
            }
            members.insert(name, member);
        }
        Ok(json!({ "type": "structure", "members": members }))
    }

    /// `@default` and `@deprecated` of the schema at `loc`, for the member using it.
    pub fn member_extras(
        &mut self,
        loc: &Loc,
        converted: &Converted,
        traits: &mut Map<String, Value>,
    ) {
        let schema = self.value(loc).clone();
        if schema.get("deprecated").and_then(Value::as_bool) == Some(true) {
            traits.insert("smithy.api#deprecated".into(), json!({}));
        }
        let Some(default) = schema.get("default").filter(|d| !d.is_null()) else {
            return;
        };
        let kind = match simple_type(&converted.target) {
            Some(kind) => kind.to_string(),
            None => self
                .shapes
                .get(&converted.target)
                .and_then(|s| s.get("type"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        };
        let enum_values: Vec<&Value> = self
            .shapes
            .get(&converted.target)
            .and_then(|s| s.get("members"))
            .and_then(Value::as_object)
            .map(|m| {
                m.values()
                    .filter_map(|v| v.pointer("/traits/smithy.api#enumValue"))
                    .collect()
            })
            .unwrap_or_default();
        let fits = match kind.as_str() {
            "string" => default.is_string(),
            "enum" | "intEnum" => enum_values.contains(&default),
            "boolean" => default.is_boolean(),
            "byte" | "short" | "integer" | "long" => default.is_i64() || default.is_u64(),
            "float" | "double" => default.is_number(),
            "list" => default.as_array().is_some_and(Vec::is_empty),
            "map" => default.as_object().is_some_and(Map::is_empty),
            _ => false,
        };
        if fits {
            traits.insert("smithy.api#default".into(), default.clone());
        } else {
            self.warn(
                &loc.key("default"),
                format!(
                    "default {default} cannot be a Smithy default of a {kind} member; left out"
                ),
            );
        }
    }

    /// `allOf`: the properties and required names of every part, merged into one structure.
    fn all_of(&mut self, at: &Loc, obj: &Map<String, Value>, hint: &str) -> Result<Built, String> {
        let parts = obj
            .get("allOf")
            .and_then(Value::as_array)
            .ok_or_else(|| self.err(&at.key("allOf"), "`allOf` must be an array of schemas"))?;
        if parts.len() == 1 && !obj.contains_key("properties") {
            return self.build(&at.key("allOf").index(0), hint);
        }
        let mut props: Vec<(String, Loc)> = Vec::new();
        let mut required = BTreeSet::new();
        self.resolving.clear();
        self.collect_all_of(at, &mut props, &mut required)?;
        let body = self.structure(&props, &required, hint)?;
        Ok(Built::Shape {
            body,
            traits: Map::new(),
            canonical: None,
        })
    }

    fn collect_all_of(
        &mut self,
        at: &Loc,
        props: &mut Vec<(String, Loc)>,
        required: &mut BTreeSet<String>,
    ) -> Result<(), String> {
        if let Some(i) = self.resolving.iter().position(|l| l == at) {
            let chain: Vec<String> = self.resolving[i..]
                .iter()
                .chain(std::iter::once(at))
                .map(|l| format!("#{}", l.ptr))
                .collect();
            return Err(self.err(at, format!("cycle through `allOf`: {}", chain.join(" -> "))));
        }
        self.resolving.push(at.clone());
        let obj = self.value(at).as_object().cloned().unwrap_or_default();
        if let Some(reference) = obj.get("$ref") {
            let reference = reference
                .as_str()
                .ok_or_else(|| self.err(&at.key("$ref"), "`$ref` must be a string"))?;
            let target = refs::resolve(&mut self.docs, &at.key("$ref"), reference)?;
            self.collect_all_of(&target, props, required)?;
        }
        if let Some(parts) = obj.get("allOf") {
            let parts = parts
                .as_array()
                .ok_or_else(|| self.err(&at.key("allOf"), "`allOf` must be an array of schemas"))?;
            for i in 0..parts.len() {
                self.collect_all_of(&at.key("allOf").index(i), props, required)?;
            }
        }
        for key in ["oneOf", "anyOf"] {
            if obj.contains_key(key) {
                self.warn(
                    &at.key(key),
                    format!("`{key}` inside `allOf` is not merged"),
                );
            }
        }
        if let Some(Value::Object(own)) = obj.get("properties") {
            for key in own.keys() {
                let loc = at.key("properties").key(key);
                match props.iter_mut().find(|(name, _)| name == key) {
                    Some(slot) => slot.1 = loc,
                    None => props.push((key.clone(), loc)),
                }
            }
        }
        required.extend(required_names(&obj));
        self.resolving.pop();
        Ok(())
    }

    /// `oneOf` / `anyOf`: one alternative (beside `null`) is that alternative; alternatives that are
    /// each an object with a single property are a union (the JSON form of a Smithy union);
    /// anything else is kept as a document.
    fn one_of(&mut self, at: &Loc, key: &str, hint: &str) -> Result<Built, String> {
        let alts = self
            .value(&at.key(key))
            .as_array()
            .cloned()
            .ok_or_else(|| {
                self.err(&at.key(key), format!("`{key}` must be an array of schemas"))
            })?;
        let live: Vec<Loc> = alts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.get("type") != Some(&json!("null")))
            .map(|(i, _)| at.key(key).index(i))
            .collect();
        if let [only] = &live[..] {
            return self.build(only, hint);
        }
        // Resolve each alternative to its schema, to look at its properties.
        let mut single = Vec::new();
        for loc in &live {
            let mut loc = loc.clone();
            while let Some(r) = self.value(&loc).get("$ref").and_then(Value::as_str) {
                let r = r.to_string();
                loc = refs::resolve(&mut self.docs, &loc.key("$ref"), &r)?;
            }
            let schema = self.value(&loc);
            let props = schema.get("properties").and_then(Value::as_object);
            match props {
                Some(p)
                    if p.len() == 1
                        && schema
                            .get("additionalProperties")
                            .is_none_or(|a| a == &json!(false)) =>
                {
                    let name = p.keys().next().cloned().unwrap_or_default();
                    single.push((name.clone(), loc.key("properties").key(&name)));
                }
                _ => break,
            }
        }
        let distinct: BTreeSet<&String> = single.iter().map(|(n, _)| n).collect();
        if single.len() == live.len() && distinct.len() == single.len() && !single.is_empty() {
            let mut members = Map::new();
            let mut unique = Unique::default();
            for (wire, loc) in &single {
                let name = unique.take(names::property_member(wire));
                let converted = self.convert(loc, &format!("{hint}{}", names::pascal(wire)))?;
                let mut traits = converted.traits.clone();
                if name != *wire {
                    traits.insert("smithy.api#jsonName".into(), json!(wire));
                }
                if let Some(d) = self.schema_docs(loc) {
                    traits.insert("smithy.api#documentation".into(), json!(d));
                }
                let mut member = json!({ "target": converted.target });
                if !traits.is_empty() {
                    member["traits"] = Value::Object(traits);
                }
                members.insert(name, member);
            }
            return Ok(Built::Shape {
                body: json!({ "type": "union", "members": members }),
                traits: Map::new(),
                canonical: None,
            });
        }
        let strings = alts
            .iter()
            .all(|a| a.get("type") == Some(&json!("string")) && a.get("format").is_none());
        if strings {
            return Ok(simple(STRING));
        }
        let why = if self.value(at).get("discriminator").is_some() {
            "a discriminated `{key}` (alternatives tagged by a property inside the object) has no Smithy form: Smithy unions are objects with one key per variant; kept as a document"
        } else {
            "`{key}` of alternatives that are not one-property objects has no Smithy form; kept as a document"
        };
        self.warn(&at.key(key), why.replace("{key}", key));
        Ok(simple(DOCUMENT))
    }

    fn enumeration(
        &mut self,
        at: &Loc,
        obj: &Map<String, Value>,
        hint: &str,
    ) -> Result<Built, String> {
        let values: Vec<Value> = obj
            .get("enum")
            .and_then(Value::as_array)
            .ok_or_else(|| self.err(&at.key("enum"), "`enum` must be an array"))?
            .iter()
            .filter(|v| !v.is_null())
            .cloned()
            .collect();
        let mut unique = Unique::default();
        let mut members = Map::new();
        if !values.is_empty() && values.iter().all(Value::is_string) {
            for value in &values {
                let text = value.as_str().unwrap_or_default();
                if text.is_empty() {
                    self.warn(
                        &at.key("enum"),
                        "the empty string cannot be a Smithy enum value; left out",
                    );
                    continue;
                }
                let name = unique.take(names::enum_member(text));
                members.insert(
                    name,
                    json!({ "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": text } }),
                );
            }
            if members.is_empty() {
                return Ok(simple(STRING));
            }
            return Ok(Built::Shape {
                body: json!({ "type": "enum", "members": members }),
                traits: Map::new(),
                canonical: None,
            });
        }
        if !values.is_empty() && values.iter().all(Value::is_i64) {
            for value in &values {
                let n = value.as_i64().unwrap_or_default();
                let name = if n < 0 {
                    format!("NEG{}", n.unsigned_abs())
                } else {
                    format!("V{n}")
                };
                members.insert(
                    unique.take(name),
                    json!({ "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": n } }),
                );
            }
            return Ok(Built::Shape {
                body: json!({ "type": "intEnum", "members": members }),
                traits: Map::new(),
                canonical: None,
            });
        }
        self.warn(
            &at.key("enum"),
            "an `enum` whose values are not all strings or all integers is not checked",
        );
        let mut rest = obj.clone();
        rest.remove("enum");
        rest.remove("const");
        match self.schema_type(at, &rest) {
            Some(kind) => self.typed(at, &rest, &kind, hint),
            None => Ok(simple(DOCUMENT)),
        }
    }
}

/// The `required` names of an object schema.
pub fn required_names(obj: &Map<String, Value>) -> BTreeSet<String> {
    obj.get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}
