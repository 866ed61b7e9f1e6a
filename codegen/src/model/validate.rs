//! Whole-model checks that need resolved shapes: references of the wrong kind, member names that
//! collide case-insensitively, http bindings that cannot work, `@default` values that do not fit
//! their shape, duplicate enum values and JSON names, legacy `@enum` traits, and lists or maps
//! that contain themselves without a structure or union in between.
//!
//! Problems are located by convention at `$.shapes["<id>"]...` in the file that defined the shape
//! (for a member inherited from a mixin, or a trait added by `apply`, that is where it ended up).

use std::collections::{BTreeMap, BTreeSet};

use super::ast::{JsonPath, json_type};
use super::error::ModelError;
use super::values::default_problem;
use super::{EnumValue, HttpTrait, Member, Model, Shape, ShapeId, ShapeKind};

/// Runs every check on `model`, pushing problems to `errors` and what is ignored to `warnings`.
/// Missing shapes are skipped (they are reported while resolving references).
pub(crate) fn validate(
    model: &Model,
    errors: &mut Vec<ModelError>,
    warnings: &mut Vec<ModelError>,
) {
    for shape in model.shapes.values() {
        if shape.id.is_prelude() {
            continue;
        }
        let mut v = Validator {
            model,
            shape,
            errors: &mut *errors,
            warnings: &mut *warnings,
        };
        v.shape();
    }
}

/// The JSON path of a shape's definition.
fn shape_path(id: &ShapeId) -> JsonPath {
    JsonPath::shape(&id.to_string())
}

/// Where a member of `shape` is written (`members.x`, or `member` / `key` / `value`).
fn member_path(shape: &Shape, name: &str) -> JsonPath {
    match shape.kind {
        ShapeKind::List(_) | ShapeKind::Map { .. } => shape_path(&shape.id).key(name),
        _ => shape_path(&shape.id).key("members").key(name),
    }
}

/// `a structure`, `an operation`.
fn a(type_name: &str) -> String {
    let article = if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {type_name}")
}

/// Simple types: what an http header, query parameter or label can carry.
fn is_simple(kind: &ShapeKind) -> bool {
    !matches!(
        kind,
        ShapeKind::Document
            | ShapeKind::List(_)
            | ShapeKind::Map { .. }
            | ShapeKind::Structure(_)
            | ShapeKind::Union(_)
            | ShapeKind::Service(_)
            | ShapeKind::Operation(_)
            | ShapeKind::Resource(_)
    )
}

struct Validator<'a, 'e> {
    model: &'a Model,
    shape: &'a Shape,
    errors: &'e mut Vec<ModelError>,
    warnings: &'e mut Vec<ModelError>,
}

impl<'a> Validator<'a, '_> {
    fn err(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.errors.push(ModelError::new(
            &self.shape.origin.file,
            path.to_string(),
            message,
        ));
    }

    fn err_in(&mut self, shape: &Shape, path: &JsonPath, message: impl Into<String>) {
        self.errors.push(ModelError::new(
            &shape.origin.file,
            path.to_string(),
            message,
        ));
    }

    fn kind_of(&self, id: &ShapeId) -> Option<&'a ShapeKind> {
        self.model.get(id).map(|s| &s.kind)
    }

    fn shape(&mut self) {
        let shape = self.shape;
        let path = shape_path(&shape.id);
        self.shape_default();
        match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                self.case_collisions(members);
                for m in members {
                    self.data_target(m, &member_path(shape, &m.name).key("target"));
                    self.binding_targets(m);
                    self.member_default(m);
                }
                self.duplicate_bindings(members);
                self.duplicate_json_names(members);
            }
            ShapeKind::Enum(members) | ShapeKind::IntEnum(members) => {
                self.case_collisions(members);
                self.duplicate_enum_values(members);
            }
            ShapeKind::String => self.legacy_enum(),
            ShapeKind::List(m) => {
                self.data_target(m, &path.key("member").key("target"));
                self.collection_recursion(&path.key("member").key("target"));
            }
            ShapeKind::Map { key, value } => {
                self.collection_recursion(&path.key("value").key("target"));
                if let Some(kind) = self.kind_of(&key.target)
                    && !matches!(kind, ShapeKind::String | ShapeKind::Enum(_))
                {
                    self.err(
                        &path.key("key").key("target"),
                        format!(
                            "map keys must target a string or enum shape, {} is {}",
                            key.target,
                            a(kind.type_name())
                        ),
                    );
                }
                self.data_target(value, &path.key("value").key("target"));
            }
            ShapeKind::Operation(op) => {
                for (prop, id) in [("input", &op.input), ("output", &op.output)] {
                    if let Some(kind) = self.kind_of(id)
                        && !matches!(kind, ShapeKind::Structure(_))
                    {
                        self.err(
                            &path.key(prop).key("target"),
                            format!(
                                "operation {prop} must target a structure, {id} is {}",
                                a(kind.type_name())
                            ),
                        );
                    }
                }
                self.error_refs(&op.errors, &path.key("errors"));
                if let Some(http) = &shape.traits.http {
                    self.http_operation(http, &op.input, &op.output, &op.errors);
                }
            }
            ShapeKind::Service(svc) => {
                self.refs_of_kind(&svc.operations, &path.key("operations"), "operation");
                self.refs_of_kind(&svc.resources, &path.key("resources"), "resource");
                self.error_refs(&svc.errors, &path.key("errors"));
            }
            ShapeKind::Resource(res) => {
                for (name, id) in &res.identifiers {
                    if let Some(kind) = self.kind_of(id)
                        && !matches!(kind, ShapeKind::String | ShapeKind::Enum(_))
                    {
                        self.err(
                            &path.key("identifiers").key(name).key("target"),
                            format!(
                                "resource identifiers must target a string shape, {id} is {}",
                                a(kind.type_name())
                            ),
                        );
                    }
                }
                for id in &res.operations {
                    if let Some(kind) = self.kind_of(id)
                        && !matches!(kind, ShapeKind::Operation(_))
                    {
                        self.err(
                            &path,
                            format!(
                                "resource binds {id} as an operation, but it is {}",
                                a(kind.type_name())
                            ),
                        );
                    }
                }
                self.refs_of_kind(&res.resources, &path.key("resources"), "resource");
            }
            _ => {}
        }
    }

    /// A `@default` on a simple, list or map shape must fit the shape.
    fn shape_default(&mut self) {
        let shape = self.shape;
        let Some(value) = &shape.traits.default else {
            return;
        };
        if matches!(
            shape.kind,
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_)
        ) {
            return;
        }
        let path = shape_path(&shape.id)
            .key("traits")
            .key("smithy.api#default");
        if let Some(problem) = default_problem(shape, value) {
            self.err(&path, problem);
        }
    }

    /// A member's `@default` must fit its target; union members have none.
    fn member_default(&mut self, m: &Member) {
        let Some(value) = &m.traits.default else {
            return;
        };
        let path = member_path(self.shape, &m.name)
            .key("traits")
            .key("smithy.api#default");
        if matches!(self.shape.kind, ShapeKind::Union(_)) {
            self.err(
                &path,
                format!(
                    "member \"{}\" of a union cannot have a default value",
                    m.name
                ),
            );
            return;
        }
        let Some(target) = self.model.get(&m.target) else {
            return;
        };
        if let Some(problem) = default_problem(target, value) {
            self.err(
                &path,
                format!("member \"{}\" (targets {}): {problem}", m.name, m.target),
            );
        }
    }

    /// Two members of an enum or intEnum with the same value.
    fn duplicate_enum_values(&mut self, members: &[Member]) {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for m in members {
            let value = match &m.traits.enum_value {
                Some(EnumValue::String(s)) => s.clone(),
                Some(EnumValue::Int(i)) => i.to_string(),
                None => continue,
            };
            if let Some(first) = seen.get(&value) {
                let msg = format!(
                    "members \"{first}\" and \"{}\" have the same value {value:?}",
                    m.name
                );
                self.err(&member_path(self.shape, &m.name), msg);
            } else {
                seen.insert(value, &m.name);
            }
        }
    }

    /// The Smithy 1.0 `@enum` trait of a string shape: a list of `{value, name?, documentation?,
    /// tags?, deprecated?}` objects with distinct values. Other properties are ignored (warning).
    fn legacy_enum(&mut self) {
        let Some(value) = self.shape.traits.other.get("smithy.api#enum") else {
            return;
        };
        let path = shape_path(&self.shape.id)
            .key("traits")
            .key("smithy.api#enum");
        let Some(entries) = value.as_array() else {
            self.err(&path, "expected a list of enum definitions");
            return;
        };
        let mut values: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, entry) in entries.iter().enumerate() {
            let at = path.index(i);
            let Some(obj) = entry.as_object() else {
                self.err(&at, "expected an object with a \"value\"");
                continue;
            };
            for key in ["value", "name", "documentation"] {
                match obj.get(key) {
                    Some(v) if v.is_string() => {}
                    Some(v) => {
                        let msg = format!("expected a string, found {}", json_type(v));
                        self.err(&at.key(key), msg);
                    }
                    None if key == "value" => {
                        self.err(&at, "missing required property \"value\"");
                    }
                    None => {}
                }
            }
            for key in obj.keys() {
                if !["value", "name", "documentation", "tags", "deprecated"].contains(&key.as_str())
                {
                    self.warnings.push(ModelError::new(
                        &self.shape.origin.file,
                        at.key(key).to_string(),
                        format!(
                            "unknown property \"{key}\" is ignored (the trait defines: value, name, documentation, tags, deprecated)"
                        ),
                    ));
                }
            }
            if let Some(v) = obj.get("value").and_then(|v| v.as_str()) {
                if let Some(first) = values.get(v) {
                    let msg = format!("value {v:?} is already defined by entry {first}");
                    self.err(&at.key("value"), msg);
                } else {
                    values.insert(v, i);
                }
            }
        }
    }

    /// A list's member or a map's value that leads back to the list or map through lists and maps
    /// only would be an infinitely nested type (Smithy requires a structure or union in between).
    fn collection_recursion(&mut self, path: &JsonPath) {
        let start = self.shape.id.clone();
        let mut stack = vec![start.clone()];
        let mut seen = BTreeSet::new();
        let mut first = true;
        while let Some(id) = stack.pop() {
            if id == start && !first {
                let msg = format!(
                    "{start} contains itself through lists and maps only; recursion must pass through a structure or union"
                );
                self.err(path, msg);
                return;
            }
            first = false;
            if !seen.insert(id.clone()) && id != start {
                continue;
            }
            match self.kind_of(&id) {
                Some(ShapeKind::List(m)) => stack.push(m.target.clone()),
                Some(ShapeKind::Map { value, .. }) => stack.push(value.target.clone()),
                _ => {}
            }
        }
    }

    /// Two members written under the same JSON key (`@jsonName` or the member name).
    fn duplicate_json_names(&mut self, members: &[Member]) {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for m in members {
            let key = m.traits.json_name.as_deref().unwrap_or(&m.name);
            if let Some(first) = seen.get(key) {
                let msg = format!(
                    "members \"{first}\" and \"{}\" are both written as the JSON key \"{key}\"",
                    m.name
                );
                self.err(&member_path(self.shape, &m.name), msg);
            } else {
                seen.insert(key, &m.name);
            }
        }
    }

    /// Members must target data shapes, never services, operations, resources or mixins.
    fn data_target(&mut self, m: &Member, path: &JsonPath) {
        let Some(target) = self.model.get(&m.target) else {
            return;
        };
        if matches!(
            target.kind,
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_)
        ) {
            self.err(
                path,
                format!(
                    "member \"{}\" targets {}, which is {}; members must target data shapes",
                    m.name,
                    m.target,
                    a(target.kind.type_name())
                ),
            );
        } else if target.traits.is_mixin() {
            self.err(
                path,
                format!(
                    "member \"{}\" targets {}, which is a mixin",
                    m.name, m.target
                ),
            );
        }
    }

    fn refs_of_kind(&mut self, ids: &[ShapeId], path: &JsonPath, want: &str) {
        for (i, id) in ids.iter().enumerate() {
            if let Some(kind) = self.kind_of(id)
                && kind.type_name() != want
            {
                self.err(
                    &path.index(i).key("target"),
                    format!(
                        "expected a reference to {}, {id} is {}",
                        a(want),
                        a(kind.type_name())
                    ),
                );
            }
        }
    }

    fn error_refs(&mut self, ids: &[ShapeId], path: &JsonPath) {
        for (i, id) in ids.iter().enumerate() {
            let Some(target) = self.model.get(id) else {
                continue;
            };
            let p = path.index(i).key("target");
            if !matches!(target.kind, ShapeKind::Structure(_)) {
                self.err(
                    &p,
                    format!(
                        "errors must target structures, {id} is {}",
                        a(target.kind.type_name())
                    ),
                );
            } else if target.traits.error.is_none() {
                self.err(
                    &p,
                    format!("{id} is used as an error but has no @error trait"),
                );
            }
        }
    }

    /// Member names that differ only in case would collide in generated code.
    fn case_collisions(&mut self, members: &[Member]) {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for m in members {
            if let Some(first) = seen.get(&m.name.to_ascii_lowercase()) {
                let msg = format!(
                    "member \"{}\" differs from member \"{first}\" only in case",
                    m.name
                );
                self.err(&member_path(self.shape, &m.name), msg);
            } else {
                seen.insert(m.name.to_ascii_lowercase(), &m.name);
            }
        }
    }

    /// The targets http binding traits allow.
    fn binding_targets(&mut self, m: &Member) {
        let Some(target) = self.model.get(&m.target) else {
            return;
        };
        let kind = &target.kind;
        let simple_or_list = is_simple(kind)
            || matches!(kind, ShapeKind::List(item) if self.kind_of(&item.target).is_none_or(is_simple));
        let path = member_path(self.shape, &m.name);
        let t = &m.traits;
        let bad = |v: &mut Self, name: &str, want: &str| {
            v.err(
                &path.key("traits").key(name),
                format!(
                    "member \"{}\" is bound with @{} but targets {}, {}; expected {want}",
                    m.name,
                    name.trim_start_matches("smithy.api#"),
                    m.target,
                    a(kind.type_name())
                ),
            );
        };
        if t.http_header.is_some() && !simple_or_list {
            bad(
                self,
                "smithy.api#httpHeader",
                "a simple type or a list of them",
            );
        }
        if t.http_query.is_some() && !simple_or_list {
            bad(
                self,
                "smithy.api#httpQuery",
                "a simple type or a list of them",
            );
        }
        if t.http_label && !is_simple(kind) {
            bad(self, "smithy.api#httpLabel", "a simple type");
        }
        if t.http_prefix_headers.is_some() && !matches!(kind, ShapeKind::Map { .. }) {
            bad(self, "smithy.api#httpPrefixHeaders", "a map");
        }
        if t.http_query_params && !matches!(kind, ShapeKind::Map { .. }) {
            bad(self, "smithy.api#httpQueryParams", "a map");
        }
        if t.http_payload
            && !matches!(
                kind,
                ShapeKind::Structure(_)
                    | ShapeKind::Union(_)
                    | ShapeKind::Document
                    | ShapeKind::Blob
                    | ShapeKind::String
                    | ShapeKind::Enum(_)
            )
        {
            bad(
                self,
                "smithy.api#httpPayload",
                "a structure, union, document, blob, string or enum",
            );
        }
        if t.http_response_code && !matches!(kind, ShapeKind::Integer) {
            bad(self, "smithy.api#httpResponseCode", "an integer");
        }
    }

    /// Two members bound to the same header (case-insensitive) or query key.
    fn duplicate_bindings(&mut self, members: &[Member]) {
        let mut headers: BTreeMap<String, &str> = BTreeMap::new();
        let mut queries: BTreeMap<&str, &str> = BTreeMap::new();
        for m in members {
            let path = member_path(self.shape, &m.name).key("traits");
            if let Some(h) = &m.traits.http_header {
                if let Some(first) = headers.get(&h.to_ascii_lowercase()) {
                    let msg = format!(
                        "members \"{first}\" and \"{}\" are bound to the same header \"{h}\"",
                        m.name
                    );
                    self.err(&path.key("smithy.api#httpHeader"), msg);
                } else {
                    headers.insert(h.to_ascii_lowercase(), &m.name);
                }
            }
            if let Some(q) = &m.traits.http_query {
                if let Some(first) = queries.get(q.as_str()) {
                    let msg = format!(
                        "members \"{first}\" and \"{}\" are bound to the same query key \"{q}\"",
                        m.name
                    );
                    self.err(&path.key("smithy.api#httpQuery"), msg);
                } else {
                    queries.insert(q, &m.name);
                }
            }
        }
    }

    fn http_operation(
        &mut self,
        http: &HttpTrait,
        input: &ShapeId,
        output: &ShapeId,
        errors: &[ShapeId],
    ) {
        let uri_path = shape_path(&self.shape.id)
            .key("traits")
            .key("smithy.api#http")
            .key("uri");
        let uri = parse_uri(&http.uri);
        for problem in &uri.problems {
            self.err(
                &uri_path,
                format!("invalid uri \"{}\": {problem}", http.uri),
            );
        }

        // Input: labels, query keys against the uri's literal query, payload exclusivity.
        let input_shape = self.model.get(input);
        let input_members: &[Member] = match input_shape.map(|s| &s.kind) {
            Some(ShapeKind::Structure(ms)) => ms,
            _ => &[],
        };
        for (label, _) in &uri.labels {
            match input_members.iter().find(|m| &m.name == label) {
                Some(m) if m.traits.http_label => {}
                Some(_) => self.err(
                    &uri_path,
                    format!("uri label {{{label}}} matches input member \"{label}\" of {input}, which is not marked @httpLabel"),
                ),
                None => self.err(&uri_path, format!("uri label {{{label}}} has no matching input member in {input}")),
            }
        }
        if let Some(input_shape) = input_shape {
            for m in input_members {
                let path = member_path(input_shape, &m.name);
                if m.traits.http_label {
                    match uri.labels.iter().find(|(l, _)| l == &m.name) {
                        None => self.err_in(
                            input_shape,
                            &path.key("traits").key("smithy.api#httpLabel"),
                            format!(
                                "member \"{}\" is marked @httpLabel but the uri \"{}\" has no {{{}}} segment",
                                m.name, http.uri, m.name
                            ),
                        ),
                        Some((_, greedy)) => {
                            if !m.traits.required {
                                self.err_in(
                                    input_shape,
                                    &path,
                                    format!("member \"{}\" is bound to a uri label, so it must be marked @required", m.name),
                                );
                            }
                            if *greedy && !matches!(self.kind_of(&m.target), Some(ShapeKind::String) | None) {
                                self.err_in(
                                    input_shape,
                                    &path.key("target"),
                                    format!("member \"{}\" is bound to a greedy label, so it must target a string", m.name),
                                );
                            }
                        }
                    }
                }
                if let Some(q) = &m.traits.http_query
                    && uri.query_keys.contains(q)
                {
                    self.err_in(
                        input_shape,
                        &path.key("traits").key("smithy.api#httpQuery"),
                        format!(
                            "query key \"{q}\" of member \"{}\" is already set by the uri \"{}\"",
                            m.name, http.uri
                        ),
                    );
                }
            }
            self.payload_exclusive(input_shape, input_members, true);
        }
        for id in std::iter::once(output).chain(errors) {
            if let Some(s) = self.model.get(id)
                && let ShapeKind::Structure(ms) = &s.kind
            {
                self.payload_exclusive(s, ms, false);
            }
        }
    }

    /// At most one `@httpPayload` member, and with it no member left for the body.
    fn payload_exclusive(&mut self, shape: &Shape, members: &[Member], is_input: bool) {
        let payloads: Vec<&Member> = members.iter().filter(|m| m.traits.http_payload).collect();
        let Some(payload) = payloads.first() else {
            return;
        };
        for extra in payloads.iter().skip(1) {
            let msg = format!(
                "members \"{}\" and \"{}\" are both marked @httpPayload; at most one is allowed",
                payload.name, extra.name
            );
            self.err_in(shape, &member_path(shape, &extra.name), msg);
        }
        for m in members {
            let t = &m.traits;
            let bound = t.http_payload
                || t.http_header.is_some()
                || t.http_prefix_headers.is_some()
                || if is_input {
                    t.http_label || t.http_query.is_some() || t.http_query_params
                } else {
                    t.http_response_code
                };
            if !bound {
                let msg = format!(
                    "member \"{}\" has no http binding and would go in the body, but member \"{}\" is the @httpPayload",
                    m.name, payload.name
                );
                self.err_in(shape, &member_path(shape, &m.name), msg);
            }
        }
    }
}

/// An http uri pattern split into labels and literal query keys.
struct Uri {
    /// Label names in order, with whether each is greedy (`{name+}`).
    labels: Vec<(String, bool)>,
    query_keys: BTreeSet<String>,
    problems: Vec<String>,
}

fn parse_uri(uri: &str) -> Uri {
    let mut out = Uri {
        labels: Vec::new(),
        query_keys: BTreeSet::new(),
        problems: Vec::new(),
    };
    if !uri.starts_with('/') {
        out.problems.push("it must start with \"/\"".to_string());
    }
    let (path, query) = match uri.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (uri, None),
    };
    for segment in path.split('/') {
        if !segment.contains(['{', '}']) {
            continue;
        }
        let Some(inner) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
            out.problems.push(format!(
                "segment \"{segment}\": a label must be a whole path segment like {{name}}"
            ));
            continue;
        };
        let (name, greedy) = match inner.strip_suffix('+') {
            Some(n) => (n, true),
            None => (inner, false),
        };
        if !super::ast::is_identifier(name) {
            out.problems.push(format!(
                "segment \"{segment}\": \"{name}\" is not a valid label name"
            ));
            continue;
        }
        if out.labels.iter().any(|(l, _)| l == name) {
            out.problems
                .push(format!("label {{{name}}} appears more than once"));
            continue;
        }
        if greedy && out.labels.iter().any(|(_, g)| *g) {
            out.problems
                .push("at most one greedy label is allowed".to_string());
        }
        out.labels.push((name.to_string(), greedy));
    }
    if let Some(query) = query {
        if query.contains(['{', '}']) {
            out.problems
                .push("labels are not allowed in the query string".to_string());
        }
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let key = pair.split_once('=').map_or(pair, |(k, _)| k);
            if !out.query_keys.insert(key.to_string()) {
                out.problems
                    .push(format!("query key \"{key}\" appears more than once"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_parsing() {
        let u = parse_uri("/a/{b}/c/{d+}?x=1&y");
        assert_eq!(
            u.labels,
            vec![("b".to_string(), false), ("d".to_string(), true)]
        );
        assert_eq!(u.query_keys.into_iter().collect::<Vec<_>>(), vec!["x", "y"]);
        assert!(u.problems.is_empty());
        let u = parse_uri("a/x{b}/{c}/{c}?q={z}");
        assert_eq!(u.problems.len(), 4, "{:?}", u.problems);
    }
}
