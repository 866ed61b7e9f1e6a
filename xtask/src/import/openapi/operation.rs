//! Paths into operations: parameters into `@httpLabel` / `@httpQuery` / `@httpHeader` members,
//! request bodies into `@httpPayload` members, the 2xx response into the output, the other
//! responses into `@error` structures; security schemes into auth traits.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use super::names::{self, Unique};
use super::refs::{self, Loc};
use super::schema::{Converted, short_name};
use super::{Ctx, Version};

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
/// Header parameters OpenAPI says are ignored (the client sets them itself).
const IGNORED_HEADERS: [&str; 3] = ["accept", "content-type", "authorization"];

/// The service's auth: scheme traits, and which spec scheme names map to which trait.
pub struct Auth {
    pub service_traits: Map<String, Value>,
    schemes: BTreeMap<String, String>,
    /// The spec's top-level `security` allows anonymous calls (`{}`).
    optional: bool,
}

/// One imported operation.
pub struct Operation {
    pub name: String,
    pub id: String,
    pub shape: Value,
    /// (status or `default`, error structure, where the response is), in the spec's order.
    errors: Vec<ErrorUse>,
}

/// What the operation's request or response body holds, by media type.
enum Body {
    Json(Loc),
    Text,
    Binary,
}

/// An error response: status (or `default`), error structure, where the response is.
type ErrorUse = (String, String, Loc);

/// Why an operation was left out (a warning, not an error).
struct Skip(String);

type Step<T> = Result<Result<T, Skip>, String>;

impl Ctx {
    /// Auth traits from `components.securitySchemes` (3.x) or `securityDefinitions` (2.0) and the
    /// top-level `security`.
    pub fn security_schemes(&mut self, root: &Loc) -> Result<Auth, String> {
        let defs = match self.version {
            Version::Swagger2 => root.key("securityDefinitions"),
            Version::OpenApi3 => root.key("components").key("securitySchemes"),
        };
        let mut auth = Auth {
            service_traits: Map::new(),
            schemes: BTreeMap::new(),
            optional: false,
        };
        let names: Vec<String> = self
            .value(&defs)
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        for name in names {
            let loc = self.deref(&defs.key(&name))?;
            let scheme = self.value(&loc).clone();
            let kind = scheme.get("type").and_then(Value::as_str).unwrap_or("");
            let http_scheme = scheme
                .get("scheme")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_ascii_lowercase();
            let mapped = match (kind, http_scheme.as_str()) {
                ("http", "bearer") => Some(("smithy.api#httpBearerAuth", json!({}))),
                ("http", "basic") | ("basic", _) => {
                    self.warn(&loc, "HTTP basic auth is imported as `smithy.api#httpBasicAuth`, which the runtime cannot sign with yet");
                    Some(("smithy.api#httpBasicAuth", json!({})))
                }
                ("http", "digest") => {
                    self.warn(&loc, "HTTP digest auth is imported as `smithy.api#httpDigestAuth`, which the runtime cannot sign with");
                    Some(("smithy.api#httpDigestAuth", json!({})))
                }
                ("oauth2" | "openIdConnect", _) => {
                    self.warn(&loc, format!("{kind} flows are not modeled: the client sends the token it is configured with as a bearer token"));
                    Some(("smithy.api#httpBearerAuth", json!({})))
                }
                ("apiKey", _) => {
                    let key_name = scheme.get("name").and_then(Value::as_str).unwrap_or("");
                    let place = scheme.get("in").and_then(Value::as_str).unwrap_or("");
                    if auth
                        .service_traits
                        .contains_key("smithy.api#httpApiKeyAuth")
                    {
                        self.warn(&loc, "a second API key scheme: Smithy allows one `httpApiKeyAuth` per service; left out");
                        None
                    } else if key_name.is_empty() || !matches!(place, "header" | "query") {
                        self.warn(&loc, format!("API key in `{place}` (name `{key_name}`) cannot be modeled; left out"));
                        None
                    } else {
                        Some((
                            "smithy.api#httpApiKeyAuth",
                            json!({ "name": key_name, "in": place }),
                        ))
                    }
                }
                _ => {
                    self.warn(&loc, format!("security scheme type `{kind}` {http_scheme} cannot be modeled; left out"));
                    None
                }
            };
            if let Some((id, value)) = mapped {
                auth.service_traits.entry(id.to_string()).or_insert(value);
                auth.schemes.insert(name, id.to_string());
            }
        }
        let security = root.key("security");
        let (ids, optional) = match self.value(&security).as_array() {
            Some(_) => self.requirements(&security, &auth)?,
            None => (Vec::new(), false),
        };
        auth.optional = optional;
        let all: Vec<String> = auth
            .service_traits
            .keys()
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if ids != all && !all.is_empty() {
            auth.service_traits
                .insert("smithy.api#auth".into(), json!(ids));
        }
        Ok(auth)
    }

    /// Trait ids of a `security` requirement list (in order, once each) and whether `{}`
    /// (anonymous) is among them.
    fn requirements(&mut self, at: &Loc, auth: &Auth) -> Result<(Vec<String>, bool), String> {
        let list = self
            .value(at)
            .as_array()
            .cloned()
            .ok_or_else(|| self.err(at, "`security` must be an array"))?;
        let mut ids = Vec::new();
        let mut optional = false;
        for (i, requirement) in list.iter().enumerate() {
            let Some(req) = requirement.as_object() else {
                return Err(self.err(&at.index(i), "a security requirement must be an object"));
            };
            if req.is_empty() {
                optional = true;
                continue;
            }
            if req.len() > 1 {
                self.warn(&at.index(i), "a requirement of several schemes at once cannot be modeled; each is offered on its own");
            }
            for name in req.keys() {
                match auth.schemes.get(name) {
                    Some(id) if !ids.contains(id) => ids.push(id.clone()),
                    Some(_) => {}
                    None => self.warn(
                        &at.index(i),
                        format!("security scheme `{name}` is not defined or not modeled"),
                    ),
                }
            }
        }
        Ok((ids, optional))
    }

    /// Follows `$ref`s (of parameters, responses, request bodies, path items) to the object.
    fn deref(&mut self, at: &Loc) -> Result<Loc, String> {
        let mut at = at.clone();
        let mut seen = vec![at.clone()];
        while let Some(r) = self.value(&at).get("$ref").and_then(Value::as_str) {
            let r = r.to_string();
            at = refs::resolve(&mut self.docs, &at.key("$ref"), &r)?;
            if seen.contains(&at) {
                return Err(self.err(&at, "cycle of `$ref`s"));
            }
            seen.push(at.clone());
        }
        Ok(at)
    }

    /// Every operation of the spec, or those `selection` names, converted.
    pub fn operations(
        &mut self,
        root: &Loc,
        selection: &[String],
        auth: &Auth,
    ) -> Result<Vec<Operation>, String> {
        let paths = root.key("paths");
        let path_keys: Vec<String> = self
            .value(&paths)
            .as_object()
            .ok_or_else(|| self.err(&paths, "the spec has no `paths` object"))?
            .keys()
            .cloned()
            .collect();
        // (name, operationId, location, method, path, path item)
        let mut found: Vec<(String, Option<String>, Loc, String, String, Loc)> = Vec::new();
        let mut taken = BTreeSet::new();
        for path in &path_keys {
            let item = self.deref(&paths.key(path))?;
            let methods: Vec<String> = self
                .value(&item)
                .as_object()
                .map(|m| {
                    m.keys()
                        .filter(|k| METHODS.contains(&k.as_str()))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            for method in methods {
                let loc = item.key(&method);
                let op_id = self
                    .value(&loc)
                    .get("operationId")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                let base = match &op_id {
                    Some(id) => names::pascal(id),
                    None => name_from_path(&method, path),
                };
                let base = self.renamed(&base);
                let mut name = base.clone();
                let mut n = 1;
                while !taken.insert(name.clone()) {
                    n += 1;
                    name = format!("{base}{n}");
                }
                if n > 1 {
                    self.warn(
                        &loc,
                        format!("operation name `{base}` is taken; this one is `{name}`"),
                    );
                }
                found.push((name, op_id, loc, method, path.clone(), item.clone()));
            }
        }
        let chosen: Vec<usize> = if selection.is_empty() {
            (0..found.len()).collect()
        } else {
            let mut chosen = Vec::new();
            for wanted in selection {
                let index = found
                    .iter()
                    .position(|(name, op_id, ..)| {
                        name == wanted || op_id.as_deref() == Some(wanted.as_str())
                    })
                    .ok_or_else(|| {
                        let known: Vec<&str> =
                            found.iter().map(|f| f.0.as_str()).take(20).collect();
                        format!(
                            "{}: no operation `{wanted}` (operations include: {}{})",
                            self.docs.get(root.doc).name,
                            known.join(", "),
                            if found.len() > 20 { ", ..." } else { "" }
                        )
                    })?;
                if !chosen.contains(&index) {
                    chosen.push(index);
                }
            }
            chosen
        };
        // Operations and data shapes share one namespace: reserve the operations' ids first, so
        // a schema called like an operation (`RepoTransfer` beside `operationId: repoTransfer`)
        // takes another name instead of being overwritten by the operation.
        for index in &chosen {
            let id = self.id(&found[*index].0);
            self.shapes.insert(id, reserved_operation());
        }
        let mut operations = Vec::new();
        for index in chosen {
            let (name, _, loc, method, path, item) = found[index].clone();
            match self.operation(&name, &loc, &method, &path, &item, auth)? {
                Ok(op) => operations.push(op),
                Err(Skip(why)) => self.warn(&loc, format!("operation `{name}` left out: {why}")),
            }
        }
        // The operations' own shapes are added by the caller; drop the placeholders (those of
        // left-out operations included).
        self.shapes
            .retain(|_, shape| *shape != reserved_operation());
        if operations.is_empty() {
            return Err(format!(
                "{}: no operation could be imported",
                self.docs.get(root.doc).name
            ));
        }
        Ok(operations)
    }

    fn operation(
        &mut self,
        name: &str,
        loc: &Loc,
        method: &str,
        path: &str,
        item: &Loc,
        auth: &Auth,
    ) -> Step<Operation> {
        // Parameters: the path item's, overridden by the operation's (same name and place).
        let mut params: Vec<Loc> = Vec::new();
        let mut keys: Vec<(String, String)> = Vec::new();
        for list in [item.key("parameters"), loc.key("parameters")] {
            let count = self.value(&list).as_array().map_or(0, Vec::len);
            for i in 0..count {
                let p = self.deref(&list.index(i))?;
                let obj = self.value(&p);
                let key = (
                    obj.get("name")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    obj.get("in")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                );
                match keys.iter().position(|k| *k == key) {
                    Some(j) => params[j] = p,
                    None => {
                        keys.push(key);
                        params.push(p);
                    }
                }
            }
        }
        let mut members = Map::new();
        let mut unique = Unique::default();
        let mut labels: BTreeMap<String, String> = BTreeMap::new();
        let mut payload: Option<(String, Value)> = None;
        for p in &params {
            let place = self
                .value(p)
                .get("in")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            match place.as_str() {
                "body" if self.version == Version::Swagger2 => {
                    let wire = self
                        .value(p)
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or("body");
                    let member = names::camel(wire);
                    let required =
                        self.value(p).get("required").and_then(Value::as_bool) == Some(true);
                    let docs = self
                        .value(p)
                        .get("description")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    let body =
                        self.payload(&p.key("schema"), &format!("{name}Request"), required, docs)?;
                    payload = Some((member, body));
                }
                "formData" => {
                    return Ok(Err(Skip(
                        "form parameters (`in: formData`) cannot be modeled".into(),
                    )));
                }
                _ => match self.parameter(name, p)? {
                    Ok(Some((wire, member_name, member))) => {
                        let member_name = unique.take(member_name);
                        if place == "path" {
                            labels.insert(wire, member_name.clone());
                        }
                        members.insert(member_name, member);
                    }
                    Ok(None) => {}
                    Err(skip) => return Ok(Err(skip)),
                },
            }
        }
        if self.version == Version::OpenApi3 && self.value(loc).get("requestBody").is_some() {
            let rb = self.deref(&loc.key("requestBody"))?;
            let obj = self.value(&rb).clone();
            let member = obj
                .get("x-codegen-request-body-name")
                .and_then(Value::as_str)
                .map_or_else(|| "body".to_string(), names::camel);
            let required = obj.get("required").and_then(Value::as_bool) == Some(true);
            let docs = obj
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_string);
            let body = match self.media(&rb.key("content")) {
                Ok(Some(Body::Json(schema))) => {
                    self.payload(&schema, &format!("{name}Request"), required, docs)?
                }
                Ok(Some(Body::Text)) => payload_member("smithy.api#String", required, docs),
                Ok(Some(Body::Binary)) => payload_member("smithy.api#Blob", required, docs),
                Ok(None) => payload_member("smithy.api#Document", required, docs),
                Err(why) => return Ok(Err(Skip(why))),
            };
            payload = Some((member, body));
        }
        if let Some((member, body)) = payload {
            members.insert(unique.take(member), body);
        }

        // The uri, with labels renamed to their members.
        let mut uri = String::new();
        for segment in path.split('/').skip(1) {
            uri.push('/');
            match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(label) if !label.contains(['{', '}']) => match labels.remove(label) {
                    Some(member) => uri.push_str(&format!("{{{member}}}")),
                    None => {
                        return Ok(Err(Skip(format!(
                            "path label `{{{label}}}` has no path parameter"
                        ))));
                    }
                },
                _ if segment.contains(['{', '}']) => {
                    return Ok(Err(Skip(format!(
                        "path segment `{segment}` mixes a label with text, which Smithy uris cannot express"
                    ))));
                }
                _ => uri.push_str(segment),
            }
        }
        if uri.is_empty() {
            uri.push('/');
        }
        for (wire, member) in labels {
            self.warn(
                loc,
                format!("path parameter `{wire}` does not appear in the path; left out"),
            );
            members.shift_remove(&member);
        }

        let input = self.define(
            &[format!("{name}Input")],
            json!({
                "type": "structure",
                "members": members,
                "traits": { "smithy.api#input": {} }
            }),
        );
        let (output, code, errors) = match self.responses(name, loc)? {
            Ok(r) => r,
            Err(skip) => return Ok(Err(skip)),
        };

        let op_obj = self.value(loc).clone();
        let mut traits = Map::new();
        match method {
            "get" | "head" => {
                traits.insert("smithy.api#readonly".into(), json!({}));
            }
            "put" | "delete" => {
                traits.insert("smithy.api#idempotent".into(), json!({}));
            }
            _ => {}
        }
        traits.insert(
            "smithy.api#http".into(),
            json!({ "method": method.to_ascii_uppercase(), "uri": uri, "code": code }),
        );
        if op_obj.get("security").is_some() {
            let (ids, optional) = self.requirements(&loc.key("security"), auth)?;
            traits.insert("smithy.api#auth".into(), json!(ids));
            if optional && !ids.is_empty() {
                traits.insert("smithy.api#optionalAuth".into(), json!({}));
            }
        } else if auth.optional {
            traits.insert("smithy.api#optionalAuth".into(), json!({}));
        }
        if let Some(doc) = self.documentation(loc) {
            traits.insert("smithy.api#documentation".into(), json!(doc));
        }
        if op_obj.get("deprecated").and_then(Value::as_bool) == Some(true) {
            traits.insert("smithy.api#deprecated".into(), json!({}));
        }
        let mut shape = json!({ "type": "operation", "input": { "target": input } });
        if let Some(output) = output {
            shape["output"] = json!({ "target": output });
        }
        shape["traits"] = Value::Object(traits);
        Ok(Ok(Operation {
            name: name.to_string(),
            id: self.id(name),
            shape,
            errors,
        }))
    }

    /// A parameter as an input member: `Ok(None)` when it is left out (with a warning), a skip when
    /// the operation cannot be called without it.
    fn parameter(&mut self, op: &str, p: &Loc) -> Step<Option<(String, String, Value)>> {
        let obj = self.value(p).clone();
        let wire = obj
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| self.err(p, "a parameter needs a string `name`"))?
            .to_string();
        let place = obj
            .get("in")
            .and_then(Value::as_str)
            .ok_or_else(|| self.err(p, format!("parameter `{wire}` needs `in`")))?
            .to_string();
        let required =
            place == "path" || obj.get("required").and_then(Value::as_bool) == Some(true);
        if place == "header" && IGNORED_HEADERS.contains(&wire.to_ascii_lowercase().as_str()) {
            self.warn(
                p,
                format!("header parameter `{wire}` is set by the client itself; left out"),
            );
            return Ok(Ok(None));
        }
        if !matches!(place.as_str(), "path" | "query" | "header") {
            let why = format!("`{place}` parameter `{wire}` cannot be modeled");
            return Ok(self.drop_param(p, required, why));
        }
        let schema = match self.version {
            Version::Swagger2 => {
                if obj.get("type").is_none() {
                    return Err(self.err(p, format!("parameter `{wire}` has no `type`")));
                }
                p.clone()
            }
            Version::OpenApi3 => {
                if obj.get("schema").is_some() {
                    p.key("schema")
                } else if let Some(Value::Object(content)) = obj.get("content") {
                    let media = content.keys().next().cloned().unwrap_or_default();
                    self.warn(
                        p,
                        format!("parameter `{wire}` is encoded as `{media}`; sent as plain text"),
                    );
                    p.key("content").key(&media).key("schema")
                } else {
                    return Err(self.err(
                        p,
                        format!("parameter `{wire}` has neither `schema` nor `content`"),
                    ));
                }
            }
        };
        let hint = names::pascal(&wire);
        self.qualifier = Some(op.to_string());
        let converted = self.convert(&schema, &hint);
        self.qualifier = None;
        let mut converted = converted?;
        let kind = self.kind_of(&converted.target);
        let simple =
            |k: &str| !matches!(k, "structure" | "union" | "map" | "list" | "document" | "");
        if kind == "list" {
            let member_kind = self
                .shapes
                .get(&converted.target)
                .and_then(|s| s.pointer("/member/target"))
                .and_then(Value::as_str)
                .map(|t| self.kind_of(t))
                .unwrap_or_default();
            let (style, explode) = self.style(&obj, &place);
            let repeated = matches!(
                (place.as_str(), style.as_str(), explode),
                ("query", "form", true) | ("header", "simple", _)
            );
            if !simple(&member_kind) {
                return Ok(self.drop_param(p, required, format!("parameter `{wire}` is a list of {member_kind}s, which cannot be sent in a {place}")));
            }
            if !repeated {
                let sep = match style.as_str() {
                    "spaceDelimited" | "ssv" => "' '",
                    "pipeDelimited" | "pipes" => "'|'",
                    "tsv" => "a tab",
                    _ => "','",
                };
                self.warn(p, format!("list parameter `{wire}` in {place} style `{style}` (explode {explode}) cannot be modeled as a list; it is a string: join the values with {sep}"));
                converted = Converted {
                    target: "smithy.api#String".into(),
                    traits: Map::new(),
                    nullable: converted.nullable,
                };
            }
        } else if !simple(&kind) {
            return Ok(self.drop_param(
                p,
                required,
                format!(
                    "parameter `{wire}` is a {}, which cannot be sent in a {place}",
                    if kind.is_empty() { "document" } else { &kind }
                ),
            ));
        } else if place == "path" {
            let (style, _) = self.style(&obj, &place);
            if style != "simple" {
                self.warn(
                    p,
                    format!("path parameter `{wire}` in style `{style}` is sent in style `simple`"),
                );
            }
        }
        let mut traits = converted.traits.clone();
        match place.as_str() {
            "path" => {
                traits.insert("smithy.api#httpLabel".into(), json!({}));
            }
            "query" => {
                traits.insert("smithy.api#httpQuery".into(), json!(wire));
            }
            _ => {
                traits.insert("smithy.api#httpHeader".into(), json!(wire));
            }
        }
        if required {
            traits.insert("smithy.api#required".into(), json!({}));
        }
        self.member_extras(&schema, &converted, &mut traits);
        if obj.get("deprecated").and_then(Value::as_bool) == Some(true) {
            traits.insert("smithy.api#deprecated".into(), json!({}));
        }
        if let Some(d) = obj
            .get("description")
            .and_then(Value::as_str)
            .filter(|d| !d.trim().is_empty())
        {
            traits.insert("smithy.api#documentation".into(), json!(d.trim()));
        }
        let member = json!({ "target": converted.target, "traits": traits });
        Ok(Ok(Some((wire.clone(), names::camel(&wire), member))))
    }

    /// A parameter that cannot be modeled: the operation is left out when it is required,
    /// otherwise the parameter is (with a warning).
    fn drop_param(
        &mut self,
        p: &Loc,
        required: bool,
        why: String,
    ) -> Result<Option<(String, String, Value)>, Skip> {
        if required {
            return Err(Skip(why));
        }
        self.warn(p, format!("{why}; left out"));
        Ok(None)
    }

    /// `style` and `explode` of a parameter, with OpenAPI's defaults; Swagger 2's
    /// `collectionFormat` maps onto them (`multi` is `form` exploded, `csv` is `form`).
    fn style(&self, obj: &Value, place: &str) -> (String, bool) {
        if self.version == Version::Swagger2 {
            let format = obj
                .get("collectionFormat")
                .and_then(Value::as_str)
                .unwrap_or("csv");
            return match (format, place) {
                ("multi", _) => ("form".into(), true),
                ("csv", "header" | "path") => ("simple".into(), false),
                ("csv", _) => ("form".into(), false),
                (other, _) => (other.into(), false),
            };
        }
        let default = if matches!(place, "query" | "cookie") {
            "form"
        } else {
            "simple"
        };
        let style = obj
            .get("style")
            .and_then(Value::as_str)
            .unwrap_or(default)
            .to_string();
        let explode = obj
            .get("explode")
            .and_then(Value::as_bool)
            .unwrap_or(style == "form");
        (style, explode)
    }

    /// The Smithy type of a target (`string`, `structure`, ...), `document` for documents.
    fn kind_of(&self, target: &str) -> String {
        if let Some(name) = target.strip_prefix("smithy.api#") {
            return name.to_ascii_lowercase();
        }
        self.shapes
            .get(target)
            .and_then(|s| s.get("type"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    }

    /// A JSON body as an `@httpPayload` member (a document where Smithy payloads cannot be lists,
    /// maps or numbers).
    fn payload(
        &mut self,
        schema: &Loc,
        hint: &str,
        required: bool,
        docs: Option<String>,
    ) -> Result<Value, String> {
        let converted = self.convert(schema, hint)?;
        let kind = self.kind_of(&converted.target);
        let target = match kind.as_str() {
            "structure" | "union" | "document" | "blob" | "string" | "enum" => converted.target,
            other => {
                self.warn(
                    schema,
                    format!(
                        "a body that is a {other} cannot be a Smithy payload; kept as a document"
                    ),
                );
                "smithy.api#Document".to_string()
            }
        };
        let mut member = payload_member(&target, required, docs);
        if kind == "string" || kind == "blob" {
            for (k, v) in converted.traits {
                member["traits"][k] = v;
            }
        }
        Ok(member)
    }

    /// The body a `content` map describes: JSON if any media type is JSON, else text, else bytes;
    /// form and multipart bodies cannot be modeled.
    fn media(&mut self, content: &Loc) -> Result<Option<Body>, String> {
        let Some(map) = self.value(content).as_object() else {
            return Ok(None);
        };
        let types: Vec<String> = map.keys().cloned().collect();
        if types.is_empty() {
            return Ok(None);
        }
        let is_json = |t: &str| {
            let t = t.split(';').next().unwrap_or(t).trim().to_ascii_lowercase();
            t.ends_with("/json") || t.ends_with("+json")
        };
        if let Some(t) = types.iter().find(|t| is_json(t)) {
            let schema = content.key(t).key("schema");
            if self.value(&schema).is_null() {
                return Ok(None);
            }
            return Ok(Some(Body::Json(schema)));
        }
        if types.iter().all(|t| {
            t.starts_with("multipart/") || t.starts_with("application/x-www-form-urlencoded")
        }) {
            return Err(format!("a `{}` body cannot be modeled", types.join("`, `")));
        }
        if types.iter().any(|t| t.starts_with("text/")) {
            return Ok(Some(Body::Text));
        }
        Ok(Some(Body::Binary))
    }

    /// The output shape, success status and error responses of an operation.
    fn responses(&mut self, name: &str, loc: &Loc) -> Step<(Option<String>, u16, Vec<ErrorUse>)> {
        let responses = loc.key("responses");
        let codes: Vec<String> = match self.value(&responses).as_object() {
            Some(map) => map.keys().cloned().collect(),
            None => {
                self.warn(loc, "no `responses`; the output is empty");
                Vec::new()
            }
        };
        let status = |c: &str| -> Option<u16> {
            match c {
                "1XX" | "2XX" | "3XX" | "4XX" | "5XX" => {
                    c[..1].parse::<u16>().ok().map(|n| n * 100)
                }
                _ => c.parse().ok(),
            }
        };
        // The lowest 2xx; without one, `default` describes the success.
        let success = codes
            .iter()
            .filter(|c| status(c).is_some_and(|s| (200..300).contains(&s)))
            .min_by_key(|c| status(c))
            .or_else(|| codes.iter().find(|c| *c == "default"))
            .cloned();
        let code = success.as_deref().and_then(status).unwrap_or(200);
        let mut output = None;
        if let Some(c) = &success {
            let r = self.deref(&responses.key(c))?;
            output = self.output(name, &r)?;
        }
        let mut errors = Vec::new();
        for c in &codes {
            let is_error =
                c == "default" && success.is_some() || status(c).is_some_and(|s| s >= 400);
            if !is_error {
                if Some(c) != success.as_ref() && status(c).is_none_or(|s| s >= 300) {
                    self.warn(
                        &responses.key(c),
                        format!("response `{c}` is neither a success nor an error; not modeled"),
                    );
                }
                continue;
            }
            let r = self.deref(&responses.key(c))?;
            let body = match self.version {
                Version::Swagger2 => {
                    let schema = r.key("schema");
                    (!self.value(&schema).is_null()).then_some(Body::Json(schema))
                }
                Version::OpenApi3 => match self.media(&r.key("content")) {
                    Ok(body) => body,
                    Err(why) => {
                        self.warn(&r, format!("{why}; this error is not modeled"));
                        None
                    }
                },
            };
            match body {
                Some(Body::Json(schema)) => {
                    let suffix = if c == "default" {
                        "Default".to_string()
                    } else {
                        c.clone()
                    };
                    let converted = self.convert(&schema, &format!("{name}Error{suffix}"))?;
                    if self.kind_of(&converted.target) == "structure" {
                        errors.push((c.clone(), converted.target, r.clone()));
                    } else {
                        self.warn(&schema, format!("error body of response `{c}` is not an object; this error is not modeled"));
                    }
                }
                Some(_) => self.warn(&r, format!("error response `{c}` is not JSON; not modeled")),
                None => {}
            }
        }
        Ok(Ok((output, code, errors)))
    }

    /// The output of a success response: its JSON structure itself, or a structure holding the
    /// body as a payload beside the response headers.
    fn output(&mut self, name: &str, r: &Loc) -> Result<Option<String>, String> {
        let body = match self.version {
            Version::Swagger2 => {
                let schema = r.key("schema");
                (!self.value(&schema).is_null()).then_some(Body::Json(schema))
            }
            Version::OpenApi3 => self.media(&r.key("content")).unwrap_or_else(|why| {
                self.warn(r, format!("{why}; the body is kept as bytes"));
                Some(Body::Binary)
            }),
        };
        let header_names: Vec<String> = self
            .value(&r.key("headers"))
            .as_object()
            .map(|h| h.keys().cloned().collect())
            .unwrap_or_default();
        let mut members = Map::new();
        let mut unique = Unique::default();
        for header in &header_names {
            let h = self.deref(&r.key("headers").key(header))?;
            let schema = match self.version {
                Version::Swagger2 => h.clone(),
                Version::OpenApi3 => h.key("schema"),
            };
            if self.value(&schema).is_null() {
                self.warn(
                    &h,
                    format!("response header `{header}` has no schema; not modeled"),
                );
                continue;
            }
            let converted = self.convert(&schema, &format!("{name}{}", names::pascal(header)))?;
            let kind = self.kind_of(&converted.target);
            if matches!(kind.as_str(), "structure" | "union" | "map" | "document") {
                self.warn(
                    &h,
                    format!("response header `{header}` is a {kind}; not modeled"),
                );
                continue;
            }
            let mut traits = converted.traits.clone();
            traits.insert("smithy.api#httpHeader".into(), json!(header));
            if let Some(d) = self.value(&h).get("description").and_then(Value::as_str) {
                traits.insert("smithy.api#documentation".into(), json!(d));
            }
            members.insert(
                unique.take(names::camel(header)),
                json!({ "target": converted.target, "traits": traits }),
            );
        }
        let payload = match body {
            Some(Body::Json(schema)) => {
                let converted = self.convert(&schema, &format!("{name}Response"))?;
                if members.is_empty() && self.kind_of(&converted.target) == "structure" {
                    return Ok(Some(converted.target));
                }
                Some(self.payload(&schema, &format!("{name}Response"), false, None)?)
            }
            Some(Body::Text) => Some(payload_member("smithy.api#String", false, None)),
            Some(Body::Binary) => Some(payload_member("smithy.api#Blob", false, None)),
            None => None,
        };
        if let Some(p) = payload {
            let member = unique.take("body".to_string());
            members.insert(member, p);
        }
        if members.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.define(
            &[format!("{name}Output")],
            json!({
                "type": "structure",
                "members": members,
                "traits": { "smithy.api#output": {} }
            }),
        )))
    }

    /// Marks error structures (`@error`, `@httpError` when every use has the same status) and binds
    /// them to their operations, `default` first (the plain REST protocol decodes any non-2xx
    /// response as the first error). A structure that is also used as data gets an error copy.
    pub fn finish_errors(&mut self, operations: &mut [Operation]) {
        let mut statuses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for op in operations.iter() {
            for (status, target, _) in &op.errors {
                statuses
                    .entry(target.clone())
                    .or_default()
                    .insert(status.clone());
            }
        }
        let mut data: BTreeSet<String> = BTreeSet::new();
        for shape in self.shapes.values() {
            for member in shape
                .get("members")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|m| m.values())
            {
                if let Some(t) = member.get("target").and_then(Value::as_str) {
                    data.insert(t.to_string());
                }
            }
            for key in ["member", "value"] {
                if let Some(t) = shape
                    .pointer(&format!("/{key}/target"))
                    .and_then(Value::as_str)
                {
                    data.insert(t.to_string());
                }
            }
        }
        for op in operations.iter() {
            for key in ["input", "output"] {
                if let Some(t) = op
                    .shape
                    .pointer(&format!("/{key}/target"))
                    .and_then(Value::as_str)
                {
                    data.insert(t.to_string());
                }
            }
        }
        let mut error_ids: BTreeMap<String, String> = BTreeMap::new();
        for (target, codes) in &statuses {
            let numbers: BTreeSet<u16> = codes.iter().filter_map(|c| c.parse().ok()).collect();
            let server = codes.iter().all(|c| c.starts_with('5'));
            let mut shape = self.shapes.get(target).cloned().unwrap_or(Value::Null);
            shape["traits"]["smithy.api#error"] = json!(if server { "server" } else { "client" });
            if numbers.len() == 1 && codes.len() == 1 {
                shape["traits"]["smithy.api#httpError"] = json!(numbers.iter().next());
            }
            let id = if data.contains(target) {
                let base = short_name(target);
                let name = if base.ends_with("Error") {
                    format!("{base}Exception")
                } else {
                    format!("{base}Error")
                };
                self.define(&[name], shape)
            } else {
                self.shapes.insert(target.clone(), shape);
                target.clone()
            };
            error_ids.insert(target.clone(), id);
        }
        for op in operations.iter_mut() {
            let mut ordered: Vec<&ErrorUse> = op.errors.iter().collect();
            ordered.sort_by_key(|(status, ..)| (status != "default", status.clone()));
            let mut bound: Vec<Value> = Vec::new();
            for (_, target, _) in ordered {
                let entry = json!({ "target": error_ids[target] });
                if !bound.contains(&entry) {
                    bound.push(entry);
                }
            }
            if !bound.is_empty() {
                let traits = op
                    .shape
                    .as_object_mut()
                    .and_then(|s| s.shift_remove("traits"));
                op.shape["errors"] = Value::Array(bound);
                if let Some(traits) = traits {
                    op.shape["traits"] = traits;
                }
            }
        }
    }
}

/// The placeholder that holds an operation's shape id while the data shapes are named.
fn reserved_operation() -> Value {
    json!({ "type": "operation" })
}

fn payload_member(target: &str, required: bool, docs: Option<String>) -> Value {
    let mut traits = Map::new();
    traits.insert("smithy.api#httpPayload".into(), json!({}));
    if required {
        traits.insert("smithy.api#required".into(), json!({}));
    }
    if let Some(d) = docs.filter(|d| !d.trim().is_empty()) {
        traits.insert("smithy.api#documentation".into(), json!(d.trim()));
    }
    json!({ "target": target, "traits": traits })
}

/// A stable name for an operation without `operationId`: the method and the path's segments
/// (`GET /pets/{petId}` -> `GetPetsByPetId`).
fn name_from_path(method: &str, path: &str) -> String {
    let mut name = names::pascal(method);
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(label) => {
                name.push_str("By");
                name.push_str(&names::pascal(label));
            }
            None => name.push_str(&names::pascal(segment)),
        }
    }
    name
}
