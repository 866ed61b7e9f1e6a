//! Model -> IR: resolve one service into what its crate contains.

use std::collections::{BTreeMap, BTreeSet};

use super::docs::to_markdown;
use super::names::{
    self, UNHANDLED_VARIANT, member_names, reserved_suffix, type_name, union_member_names,
    unknown_variant, variant_names,
};
use super::*;
use crate::model::{self, Member, Model, ProtocolTrait, Shape, ShapeKind, Traits};
use crate::settings::{CrateSettings, OffsetPagination};

/// Resolves `service` into the IR. `settings` come from `codegen.json`; without them they are derived
/// from the service's SDK id. Errors name the shape and the problem.
pub fn build_service(
    model: &Model,
    service: &ShapeId,
    settings: Option<CrateSettings>,
) -> Result<Service, String> {
    let shape = model
        .get(service)
        .ok_or_else(|| format!("service {service} is not in the model"))?;
    let ShapeKind::Service(_) = &shape.kind else {
        return Err(format!(
            "{service} is a {}, not a service",
            shape.kind.type_name()
        ));
    };
    // The title is model text that renderers paste into Markdown: one line of inert text.
    let title = shape
        .traits
        .title
        .clone()
        .or_else(|| shape.traits.aws_service.as_ref().map(|a| a.sdk_id.clone()))
        .map(|t| super::docs::inline_text(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| service.name.clone());
    let settings = settings.unwrap_or_else(|| {
        let sdk_id = shape
            .traits
            .aws_service
            .as_ref()
            .map_or(service.name.as_str(), |a| a.sdk_id.as_str());
        CrateSettings::derived(sdk_id, &title)
    });
    let protocol = match &shape.traits.protocol {
        Some(ProtocolTrait::RestJson1) => Protocol::RestJson1,
        Some(ProtocolTrait::PlainRestJson) => Protocol::PlainRestJson,
        Some(ProtocolTrait::AwsJson1_0) => Protocol::AwsJson1_0 {
            target_prefix: service.name.clone(),
        },
        Some(ProtocolTrait::AwsJson1_1) => Protocol::AwsJson1_1 {
            target_prefix: service.name.clone(),
        },
        None => {
            return Err(format!(
                "service {service} has no supported protocol trait (restJson1, awsJson1_0, awsJson1_1, sdkgen.protocols#restJson)"
            ));
        }
    };
    let auth_schemes = ServiceAuth::new(model, shape);
    let service_auth = auth_schemes.effective(&None, false);

    let mut builder = Builder {
        model,
        cycles: Cycles::new(model),
        sensitive: SensitiveShapes::new(model),
        service_paginated: shape.traits.paginated.clone(),
        service_errors: match &shape.kind {
            ShapeKind::Service(s) => s.errors.clone(),
            _ => Vec::new(),
        },
        protocol: protocol.clone(),
        names: BTreeMap::new(),
        operation_names: BTreeMap::new(),
        reachable: BTreeSet::new(),
    };
    let mut operations = Vec::new();
    let mut skipped = Vec::new();
    let op_ids = model.service_operations(service);
    // Name every shape first, so renaming is decided before any field refers to it.
    for op_id in &op_ids {
        let Some(op_shape) = model.get(op_id) else {
            continue;
        };
        let ShapeKind::Operation(op) = &op_shape.kind else {
            continue;
        };
        if let Some(reason) = builder.unsupported(op) {
            skipped.push((op_id.name.clone(), reason));
            continue;
        }
        if let Err(reason) =
            auth_schemes.effective(&op_shape.traits.auth, op_shape.traits.optional_auth)
        {
            skipped.push((op_id.name.clone(), reason));
            continue;
        }
        for id in [&op.input, &op.output] {
            builder.collect_members_of(id);
        }
        for error in &op.errors {
            builder.collect(error);
        }
    }
    for error in builder.service_errors.clone() {
        builder.collect(&error);
    }
    builder.assign_names(shape, &skipped)?;
    let mut skipped_waiters = Vec::new();
    for op_id in &op_ids {
        if skipped.iter().any(|(name, _)| name == &op_id.name) {
            continue;
        }
        let mut operation = builder
            .operation(op_id, &settings)
            .map_err(|e| model.locate(op_id, e))?;
        let op_traits = &builder.shape(op_id)?.traits;
        operation.auth = Some(auth_schemes.effective(&op_traits.auth, op_traits.optional_auth)?);
        for (waiter, reason) in std::mem::take(&mut operation.waiters_left_out) {
            skipped_waiters.push(model.locate(
                op_id,
                format!(
                    "waiter {waiter:?} of operation {} left out: {reason}",
                    op_id.name
                ),
            ));
        }
        operations.push(operation);
    }
    // The service-wide list is what every operation accepts when they agree (BillForward's
    // `@optionalAuth` everywhere), else the service's own; operations state only a difference.
    let mut service_auth = service_auth.unwrap_or_else(|_| vec![AuthScheme::NoAuth]);
    if let Some(first) = operations.first().and_then(|o| o.auth.clone())
        && operations.iter().all(|o| o.auth.as_ref() == Some(&first))
    {
        service_auth = first;
    }
    for op in &mut operations {
        if op.auth.as_ref() == Some(&service_auth) {
            op.auth = None;
        }
    }
    operations.sort_by(|a, b| a.name.cmp(&b.name));

    let mut types = Vec::new();
    let mut errors = Vec::new();
    for id in builder.reachable.clone() {
        let Some(shape) = model.get(&id) else {
            continue;
        };
        let rust_name = builder.rust_name(&id)?;
        match &shape.kind {
            ShapeKind::Structure(members) if shape.traits.error.is_some() => {
                errors.push(builder.structure(shape, rust_name, members, false)?);
            }
            ShapeKind::Structure(members) => {
                types.push(TypeDef::Structure(
                    builder.structure(shape, rust_name, members, false)?,
                ));
            }
            ShapeKind::Union(members) => {
                types.push(TypeDef::Union(builder.union(shape, rust_name, members)?));
            }
            ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::String => {
                types.push(TypeDef::Enum(enum_def(shape, rust_name)));
            }
            _ => {}
        }
    }
    types.sort_by(|a, b| a.rust_name().cmp(b.rust_name()));
    errors.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
    mark_validated(&mut types, &mut operations);

    let endpoint_rules = shape.traits.other.get("smithy.rules#endpointRuleSet");
    let endpoint_params = match endpoint_rules {
        Some(rules) => {
            super::endpoint::endpoint_params(rules).map_err(|e| format!("{service}: {e}"))?
        }
        None => Vec::new(),
    };
    let mut service = Service {
        id: service.clone(),
        settings,
        docs: docs(&shape.traits),
        title,
        protocol,
        query_compatible: shape
            .traits
            .other
            .contains_key("aws.protocols#awsQueryCompatible"),
        aws: shape.traits.aws_service.is_some() || shape.traits.sigv4.is_some(),
        auth: service_auth,
        static_headers: Vec::new(),
        operations,
        types,
        errors,
        endpoint_rule_set: endpoint_rules.map(|v| v.to_string()),
        endpoint_params,
        endpoint_tests: shape
            .traits
            .other
            .get("smithy.rules#endpointTests")
            .cloned(),
        skipped,
        skipped_waiters,
    };
    drop_duplicate_waiters(&mut service);
    super::customizations::apply(
        shape.traits.aws_service.as_ref().map(|a| a.sdk_id.as_str()),
        match &shape.kind {
            ShapeKind::Service(s) => s.version.as_deref(),
            _ => None,
        },
        &mut service,
    );
    super::schema_names::assign(&mut service);
    Ok(service)
}

/// Waiter names are unique in a service (Smithy requires it); a second waiter whose Rust names
/// collide with an earlier one is left out rather than generating clashing items.
fn drop_duplicate_waiters(service: &mut Service) {
    let mut seen = BTreeSet::new();
    for op in &mut service.operations {
        let op_name = op.id.name.clone();
        op.waiters.retain(|w| {
            let fresh = seen.insert(w.snake_name.clone()) && seen.insert(w.type_name.clone());
            if !fresh {
                service.skipped_waiters.push(format!(
                    "{}: waiter {:?} of operation {op_name} left out: another waiter has the same Rust name",
                    service.id, w.name
                ));
            }
            fresh
        });
    }
}

fn protocol_tests(traits: &Traits) -> ProtocolTests {
    ProtocolTests {
        requests: traits.other.get("smithy.test#httpRequestTests").cloned(),
        responses: traits.other.get("smithy.test#httpResponseTests").cloned(),
    }
}

fn docs(traits: &Traits) -> Option<String> {
    traits.documentation.as_deref().and_then(to_markdown)
}

/// A string shape carrying the Smithy 1.0 `@enum` trait is an enum too.
fn legacy_enum(shape: &Shape) -> Option<&serde_json::Value> {
    match shape.kind {
        ShapeKind::String => shape.traits.other.get("smithy.api#enum"),
        _ => None,
    }
}

fn enum_def(shape: &Shape, rust_name: String) -> Enum {
    // (the text the variant is named after, the wire value, docs), in model order.
    let mut entries: Vec<(String, String, Option<String>)> = Vec::new();
    match &shape.kind {
        ShapeKind::Enum(members) | ShapeKind::IntEnum(members) => {
            for m in members {
                let value = match &m.traits.enum_value {
                    Some(model::EnumValue::String(s)) => s.clone(),
                    Some(model::EnumValue::Int(i)) => i.to_string(),
                    None => m.name.clone(),
                };
                entries.push((m.name.clone(), value, docs(&m.traits)));
            }
        }
        _ => {
            for entry in legacy_enum(shape)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                // The loader rejects entries without a string `value`.
                let Some(value) = entry.get("value").and_then(|v| v.as_str()) else {
                    continue;
                };
                let name = entry.get("name").and_then(|v| v.as_str()).unwrap_or(value);
                let doc = entry
                    .get("documentation")
                    .and_then(|v| v.as_str())
                    .and_then(to_markdown);
                entries.push((name.to_string(), value.to_string(), doc));
            }
        }
    }
    // Any text becomes a valid variant; two that convert alike (`a-b`, `A_B`) stay distinct, and
    // a member named `Unknown` keeps it: the catch-all takes another name.
    let texts: Vec<&str> = entries.iter().map(|(name, _, _)| name.as_str()).collect();
    let names = variant_names(&texts, &[]);
    let unknown_variant = unknown_variant(&names);
    let variants = entries
        .into_iter()
        .zip(names)
        .map(|((_, value, docs), rust_name)| EnumVariant {
            rust_name,
            value,
            docs,
        })
        .collect();
    Enum {
        id: shape.id.clone(),
        rust_name,
        docs: docs(&shape.traits),
        int: matches!(shape.kind, ShapeKind::IntEnum(_)),
        variants,
        unknown_variant,
    }
}

/// The auth schemes a service defines, and how `@auth` / `@optionalAuth` select among them.
struct ServiceAuth {
    /// Every auth scheme trait on the service, by trait id (sorted, as Smithy orders them), with
    /// the scheme it becomes (`None` when the generator cannot sign with it).
    defined: BTreeMap<String, Option<AuthScheme>>,
    /// The service's own `@auth`, if any.
    service_auth: Option<Vec<String>>,
}

/// Auth scheme traits Smithy and AWS define; a model may define more with `@authDefinition`.
const KNOWN_AUTH_TRAITS: &[&str] = &[
    "aws.auth#sigv4",
    "aws.auth#sigv4a",
    "smithy.api#httpApiKeyAuth",
    "smithy.api#httpBasicAuth",
    "smithy.api#httpBearerAuth",
    "smithy.api#httpDigestAuth",
];

impl ServiceAuth {
    fn new(model: &Model, service: &Shape) -> ServiceAuth {
        let t = &service.traits;
        let mut defined = BTreeMap::new();
        if let Some(name) = &t.sigv4 {
            let scheme = AuthScheme::SigV4 {
                signing_name: name.clone(),
            };
            defined.insert("aws.auth#sigv4".to_string(), Some(scheme));
        }
        if t.http_bearer_auth {
            defined.insert(
                "smithy.api#httpBearerAuth".to_string(),
                Some(AuthScheme::HttpBearer),
            );
        }
        if let Some(key) = &t.http_api_key_auth {
            let scheme = AuthScheme::HttpApiKey {
                name: key.name.clone(),
                in_header: key.in_header,
                scheme: key.scheme.clone(),
            };
            defined.insert("smithy.api#httpApiKeyAuth".to_string(), Some(scheme));
        }
        for id in t.other.keys() {
            let is_auth_definition = KNOWN_AUTH_TRAITS.contains(&id.as_str())
                || model::ShapeId::parse(id)
                    .and_then(|trait_id| model.get(&trait_id))
                    .is_some_and(|s| s.traits.other.contains_key("smithy.api#authDefinition"));
            if is_auth_definition {
                defined.entry(id.clone()).or_insert(None);
            }
        }
        ServiceAuth {
            defined,
            service_auth: t.auth.clone(),
        }
    }

    /// The schemes of an operation with `auth` (its `@auth`; `None` when absent: the service's
    /// `@auth`, or else every scheme of the service), in preference order; `optional`
    /// (`@optionalAuth`) adds an unsigned fallback. Schemes the generator cannot sign with are
    /// dropped; if that leaves none of a non-empty list, the operation cannot be called and the
    /// error says why.
    fn effective(
        &self,
        auth: &Option<Vec<String>>,
        optional: bool,
    ) -> Result<Vec<AuthScheme>, String> {
        let ids: Vec<&String> = match auth.as_ref().or(self.service_auth.as_ref()) {
            Some(ids) => ids.iter().collect(),
            None => self.defined.keys().collect(),
        };
        let mut schemes: Vec<AuthScheme> = ids
            .iter()
            .filter_map(|id| self.defined.get(*id).cloned().flatten())
            .collect();
        if schemes.is_empty() && !ids.is_empty() && !optional {
            let names: Vec<&str> = ids.iter().map(|s| s.as_str()).collect();
            return Err(format!(
                "its auth schemes ({}) are not supported (supported: aws.auth#sigv4, smithy.api#httpBearerAuth, smithy.api#httpApiKeyAuth)",
                names.join(", ")
            ));
        }
        if (optional || ids.is_empty()) && !schemes.contains(&AuthScheme::NoAuth) {
            schemes.push(AuthScheme::NoAuth);
        }
        Ok(schemes)
    }
}

struct Builder<'m> {
    model: &'m Model,
    /// Which members close a cycle (and so are boxed).
    cycles: Cycles,
    /// Which shapes hold sensitive data.
    sensitive: SensitiveShapes,
    /// The service's `@paginated` defaults.
    service_paginated: Option<model::PaginatedTrait>,
    /// Errors bound to the service: every operation can return them.
    service_errors: Vec<ShapeId>,
    protocol: Protocol,
    /// Rust names of every generated named type.
    names: BTreeMap<ShapeId, String>,
    /// `(UpperCamelCase, snake_case)` names of every generated operation.
    operation_names: BTreeMap<ShapeId, (String, String)>,
    /// Shapes that become named types or errors.
    reachable: BTreeSet<ShapeId>,
}

impl<'m> Builder<'m> {
    /// The Rust name decided for a named shape.
    fn rust_name(&self, id: &ShapeId) -> Result<String, String> {
        self.names
            .get(id)
            .cloned()
            .ok_or_else(|| format!("{id} has no Rust name (it is not a structure, union or enum)"))
    }

    fn shape(&self, id: &ShapeId) -> Result<&'m Shape, String> {
        self.model
            .get(id)
            .ok_or_else(|| format!("shape {id} is not in the model"))
    }

    /// Why an operation cannot be generated yet, if it cannot.
    fn unsupported(&self, op: &model::OperationShape) -> Option<String> {
        for io in [&op.input, &op.output] {
            let Some(Shape {
                kind: ShapeKind::Structure(members),
                ..
            }) = self.model.get(io)
            else {
                continue;
            };
            for m in members {
                let target = self.model.get(&m.target)?;
                // Streaming blobs are buffered into a `Blob`; event streams need a streaming runtime.
                if target.traits.streaming && matches!(target.kind, ShapeKind::Union(_)) {
                    return Some(format!(
                        "member `{}` of {io} is an event stream, which the generator does not support yet",
                        m.name
                    ));
                }
            }
        }
        None
    }

    fn is_named(shape: &Shape) -> bool {
        match &shape.kind {
            ShapeKind::Structure(_)
            | ShapeKind::Union(_)
            | ShapeKind::Enum(_)
            | ShapeKind::IntEnum(_) => !shape.id.is_prelude(),
            ShapeKind::String => legacy_enum(shape).is_some(),
            _ => false,
        }
    }

    fn collect_members_of(&mut self, id: &ShapeId) {
        if let Some(Shape {
            kind: ShapeKind::Structure(members),
            ..
        }) = self.model.get(id)
        {
            for m in members {
                self.collect(&m.target);
            }
        }
    }

    /// Walks everything reachable from `id`, recording named shapes.
    fn collect(&mut self, id: &ShapeId) {
        let Some(shape) = self.model.get(id) else {
            return;
        };
        if Self::is_named(shape) && !self.reachable.insert(id.clone()) {
            return;
        }
        match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                for m in members {
                    self.collect(&m.target);
                }
            }
            ShapeKind::List(m) => self.collect(&m.target),
            ShapeKind::Map { key, value } => {
                self.collect(&key.target);
                self.collect(&value.target);
            }
            _ => {}
        }
    }

    /// Decides each named shape's Rust name: the service's `rename` first, then the shape name,
    /// through [`type_name`] (an error shape cannot be `Unhandled`, the operation error enums'
    /// fallback variant); shapes whose names collide get their namespace as a prefix (another
    /// namespace) or a number (the same one), in id order. Then the operations' names (those not
    /// `skipped`), through [`names::operation_names`].
    fn assign_names(
        &mut self,
        service: &Shape,
        skipped: &[(String, String)],
    ) -> Result<(), String> {
        let renames = match &service.kind {
            ShapeKind::Service(s) => s.rename.clone(),
            _ => BTreeMap::new(),
        };
        let shapes: Vec<(&ShapeId, String)> = self
            .reachable
            .iter()
            .map(|id| {
                let name = renames.get(id).map_or(id.name.as_str(), String::as_str);
                let mut rust_name = type_name(name);
                let is_error = self.model.get(id).is_some_and(|s| s.traits.error.is_some());
                if is_error && rust_name == UNHANDLED_VARIANT {
                    rust_name = reserved_suffix(&rust_name);
                }
                (id, rust_name)
            })
            .collect();
        for ((id, _), rust_name) in shapes.iter().zip(names::shape_names(&shapes)) {
            self.names.insert((*id).clone(), rust_name);
        }

        let operations: Vec<ShapeId> = self
            .model
            .service_operations(&service.id)
            .into_iter()
            .filter(|id| !skipped.iter().any(|(name, _)| name == &id.name))
            .collect();
        let ids: Vec<&ShapeId> = operations.iter().collect();
        for (id, names) in operations.iter().zip(names::operation_names(&ids)) {
            self.operation_names.insert(id.clone(), names);
        }
        Ok(())
    }

    /// The `(UpperCamelCase, snake_case)` names decided for an operation.
    fn operation_name(&self, id: &ShapeId) -> Result<(String, String), String> {
        self.operation_names
            .get(id)
            .cloned()
            .ok_or_else(|| format!("operation {id} has no Rust name"))
    }

    fn operation(&self, id: &ShapeId, settings: &CrateSettings) -> Result<Operation, String> {
        let shape = self.shape(id)?;
        let ShapeKind::Operation(op) = &shape.kind else {
            return Err(format!("{id} is not an operation"));
        };
        let http = match (&self.protocol, &shape.traits.http) {
            (p, _) if p.is_rpc() => HttpRoute {
                method: "POST".into(),
                uri: "/".into(),
                code: 200,
            },
            (_, Some(h)) => HttpRoute {
                method: h.method.clone(),
                uri: h.uri.clone(),
                code: h.code,
            },
            (_, None) => {
                return Err(format!(
                    "operation {id} has no smithy.api#http trait, which {:?} requires",
                    self.protocol
                ));
            }
        };
        let (name, snake_name) = self.operation_name(id)?;
        let mut input = self.io_structure(&op.input, format!("{name}Input"), true)?;
        // `{name+}` in the uri makes a label greedy (it keeps its `/` separators).
        for field in &mut input.fields {
            if let Binding::Label { greedy } = &mut field.binding {
                *greedy = http.uri.contains(&format!("{{{}+}}", field.member));
            }
        }
        let output = self.io_structure(&op.output, format!("{name}Output"), false)?;
        let sensitive_output = output.sensitivity.contains;
        let (waiters, waiters_left_out) = match shape.traits.other.get("smithy.waiters#waitable") {
            Some(value) => {
                let structure = |id: &ShapeId| {
                    let shape = self.shape(id)?;
                    let ShapeKind::Structure(members) = &shape.kind else {
                        return Err(format!("{id} is not a structure"));
                    };
                    self.structure(shape, self.rust_name(id)?, members, false)
                };
                let ctx = super::waiters::Context {
                    model: self.model,
                    input: &input,
                    output: &output,
                    structure: &structure,
                };
                super::waiters::waiters(&ctx, value)
            }
            None => (Vec::new(), Vec::new()),
        };
        let mut errors = Vec::new();
        // Errors bound to the service can come back from every operation.
        let service_errors = self
            .service_errors
            .iter()
            .filter(|e| !op.errors.contains(e));
        for e in op.errors.iter().chain(service_errors) {
            let error = self.shape(e)?;
            errors.push(ErrorRef {
                rust_name: self.rust_name(e)?,
                code: e.name.clone(),
                query_code: error
                    .traits
                    .other
                    .get("aws.protocols#awsQueryError")
                    .and_then(|q| q.get("code"))
                    .and_then(|c| c.as_str())
                    .filter(|c| *c != e.name)
                    .map(str::to_string),
                docs: docs(&error.traits),
            });
        }
        // An operation's `@paginated` completes the service's (Smithy merges the two).
        let paginated = shape.traits.paginated.as_ref().map(|p| {
            let inherited = self.service_paginated.clone().unwrap_or_default();
            model::PaginatedTrait {
                input_token: p.input_token.clone().or(inherited.input_token),
                output_token: p.output_token.clone().or(inherited.output_token),
                items: p.items.clone(),
                page_size: p.page_size.clone().or(inherited.page_size),
            }
        });
        let pagination = match &paginated {
            Some(p) if p.input_token.is_some() && p.output_token.is_some() => {
                self.token_pagination(id, p, &input, &output)?
            }
            _ => match &settings.offset_pagination {
                Some(o) if o.operations.contains(&id.name) => {
                    Some(offset_pagination(id, o, &input, &output)?)
                }
                _ => None,
            },
        };
        Ok(Operation {
            id: id.clone(),
            name,
            snake_name,
            docs: docs(&shape.traits),
            http,
            input,
            output,
            errors,
            pagination,
            auth: None,
            protocol_tests: protocol_tests(&shape.traits),
            request_compression: shape
                .traits
                .other
                .get("smithy.api#requestCompression")
                .and_then(|c| c.get("encodings"))
                .and_then(|e| e.as_array())
                .map(|e| {
                    e.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            checksum_required: shape
                .traits
                .other
                .contains_key("smithy.api#httpChecksumRequired"),
            input_defaults: Vec::new(),
            body_checksums: Vec::new(),
            endpoint_member: None,
            sensitive_output,
            waiters,
            waiters_left_out,
            host_prefix: shape
                .traits
                .other
                .get("smithy.api#endpoint")
                .and_then(|e| e.get("hostPrefix"))
                .and_then(|p| p.as_str())
                .map(str::to_string),
        })
    }

    fn token_pagination(
        &self,
        id: &ShapeId,
        p: &model::PaginatedTrait,
        input: &Structure,
        output: &Structure,
    ) -> Result<Option<Pagination>, String> {
        let input_token = p.input_token.as_deref().unwrap_or_default();
        let input_token = Box::new(top_field(input, input_token).ok_or_else(|| {
            format!("{id}: @paginated inputToken `{input_token}` is not an input member")
        })?);
        let output_token = self
            .field_path(output, p.output_token.as_deref().unwrap_or_default())
            .ok_or_else(|| {
                format!(
                    "{id}: @paginated outputToken {:?} is not an output member path",
                    p.output_token
                )
            })?;
        // The token goes back into the input as it came: both must have the same type.
        if output_token.last().map(|f| &f.ty) != Some(&input_token.ty) {
            return Ok(None);
        }
        let page_size = match &p.page_size {
            Some(name) => Some(Box::new(top_field(input, name).ok_or_else(|| {
                format!("{id}: @paginated pageSize `{name}` is not an input member")
            })?)),
            None => None,
        };
        let items = match &p.items {
            Some(path) => {
                let fields = self.field_path(output, path).ok_or_else(|| {
                    format!("{id}: @paginated items `{path}` is not an output member path")
                })?;
                let item = match fields.last().map(|f| &f.ty) {
                    Some(RustType::List { item, .. }) => (**item).clone(),
                    Some(RustType::Map { .. }) => {
                        return Ok(Some(Pagination::Token {
                            input_token,
                            output_token,
                            page_size,
                            items: None,
                        }));
                    }
                    _ => return Err(format!("{id}: @paginated items `{path}` is not a list")),
                };
                Some((fields, item))
            }
            None => None,
        };
        Ok(Some(Pagination::Token {
            input_token,
            output_token,
            page_size,
            items,
        }))
    }

    /// Resolves a dotted member path (`result.nextToken`) through nested structures.
    fn field_path(&self, root: &Structure, path: &str) -> Option<Vec<Field>> {
        let mut fields = Vec::new();
        let mut current = root.clone();
        for (i, segment) in path.split('.').enumerate() {
            let field = top_field(&current, segment)?;
            if i + 1 < path.split('.').count() {
                let RustType::Named {
                    kind: NamedKind::Structure,
                    ..
                } = &field.ty
                else {
                    return None;
                };
                let id = self.model.get(&current.id).and_then(|s| match &s.kind {
                    ShapeKind::Structure(ms) => ms
                        .iter()
                        .find(|m| m.name == segment)
                        .map(|m| m.target.clone()),
                    _ => None,
                })?;
                let shape = self.model.get(&id)?;
                let ShapeKind::Structure(ms) = &shape.kind else {
                    return None;
                };
                current = self
                    .structure(shape, self.names.get(&id)?.clone(), ms, false)
                    .ok()?;
            }
            fields.push(field);
        }
        Some(fields)
    }

    fn io_structure(
        &self,
        id: &ShapeId,
        rust_name: String,
        input: bool,
    ) -> Result<Structure, String> {
        let shape = self.shape(id)?;
        match &shape.kind {
            ShapeKind::Structure(members) => {
                let mut s = self.structure(shape, rust_name, members, true)?;
                if input {
                    if shape.id.is_prelude() {
                        s.docs = None;
                    }
                    // Every input member is optional and the input builder always returns a
                    // `Result` (it checks `@required` members before anything is sent).
                    for f in &mut s.fields {
                        f.optional = true;
                    }
                    s.builder_fallible = true;
                }
                Ok(s)
            }
            other => Err(format!(
                "{id} is used as operation input/output but is a {}",
                other.type_name()
            )),
        }
    }

    fn structure(
        &self,
        shape: &Shape,
        rust_name: String,
        members: &[Member],
        io: bool,
    ) -> Result<Structure, String> {
        let mut fields = members
            .iter()
            .map(|m| self.field(shape, m, io))
            .collect::<Result<Vec<_>, _>>()?;
        let member_texts: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        for (field, rust_name) in fields.iter_mut().zip(member_names(&member_texts)) {
            field.rust_name = rust_name;
        }
        let error = shape.traits.error.map(|fault| ErrorInfo {
            fault: match fault {
                model::ErrorKind::Client => Fault::Client,
                model::ErrorKind::Server => Fault::Server,
            },
            http_status: shape.traits.http_error,
            retryable: shape.traits.retryable.map(|r| r.throttling),
        });
        let builder_fallible = fields.iter().any(|f| !f.optional && f.default.is_none());
        let whole = shape.traits.sensitive;
        let message =
            error.is_some() && (whole || fields.iter().any(|f| f.sensitive && is_error_message(f)));
        Ok(Structure {
            id: shape.id.clone(),
            rust_name,
            // Decided for the whole crate at the end (`schema_names::assign`).
            schema_name: String::new(),
            docs: docs(&shape.traits),
            fields,
            error,
            protocol_tests: protocol_tests(&shape.traits),
            validated: false,
            sensitivity: Sensitivity {
                whole,
                contains: self.sensitive.contains(&shape.id),
                message,
            },
            builder_fallible,
        })
    }

    /// A union: a variant per member, named by [`variant_names`], whose `is_*` tests are named by
    /// [`union_member_names`]; the catch-all variant yields its name to a member.
    fn union(&self, shape: &Shape, rust_name: String, members: &[Member]) -> Result<Union, String> {
        let mut variants = members
            .iter()
            .map(|m| self.field(shape, m, false))
            .collect::<Result<Vec<_>, _>>()?;
        let texts: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        let variant_names = variant_names(&texts, &[]);
        let unknown_variant = unknown_variant(&variant_names);
        let tests = union_member_names(&texts, &[names::field_name(&unknown_variant)]);
        for ((field, variant), test) in variants.iter_mut().zip(variant_names).zip(tests) {
            field.variant = variant;
            field.rust_name = test;
        }
        Ok(Union {
            id: shape.id.clone(),
            rust_name,
            schema_name: String::new(),
            docs: docs(&shape.traits),
            variants,
            unknown_variant,
            sensitivity: Sensitivity {
                whole: shape.traits.sensitive,
                contains: self.sensitive.contains(&shape.id),
                message: false,
            },
        })
    }

    fn field(&self, parent: &Shape, member: &Member, io: bool) -> Result<Field, String> {
        let target = self.shape(&member.target)?;
        let t = &member.traits;
        // Operation inputs/outputs and (on REST protocols) errors bind members to the message.
        let bound = io || parent.traits.error.is_some();
        let binding = if !bound || self.protocol.is_rpc() {
            Binding::Body
        } else if t.http_label {
            // Greediness depends on the operation's uri; `operation()` sets it.
            Binding::Label { greedy: false }
        } else if let Some(q) = &t.http_query {
            Binding::Query(q.clone())
        } else if t.http_query_params {
            Binding::QueryParams
        } else if let Some(h) = &t.http_header {
            Binding::Header(h.clone())
        } else if let Some(p) = &t.http_prefix_headers {
            Binding::PrefixHeaders(p.clone())
        } else if t.http_payload {
            Binding::Payload
        } else if t.http_response_code {
            Binding::ResponseCode
        } else {
            Binding::Body
        };
        let wire_name = match (&t.json_name, self.protocol.is_rpc()) {
            (Some(json), false) => json.clone(),
            _ => member.name.clone(),
        };
        let timestamp_format = t
            .timestamp_format
            .or(target.traits.timestamp_format)
            .map(convert_format)
            .unwrap_or(match binding {
                Binding::Header(_) | Binding::PrefixHeaders(_) => TimestampFormat::HttpDate,
                Binding::Label { .. } | Binding::Query(_) | Binding::QueryParams => {
                    TimestampFormat::DateTime
                }
                _ => TimestampFormat::EpochSeconds,
            });
        let aggregate = matches!(target.kind, ShapeKind::Structure(_) | ShapeKind::Union(_))
            || member.target.is_prelude() && member.target.name == "Unit";
        let mut field = Field {
            member: member.name.clone(),
            // `structure()` and `union()` decide the names of all members together.
            rust_name: names::field_name(&member.name),
            wire_name,
            ty: self.rust_type(&member.target, timestamp_format)?,
            docs: docs(t).or_else(|| docs(&target.traits)),
            required: t.required,
            // `structure()` decides it once the default is known; operation inputs override it.
            optional: true,
            // `@clientOptional` members ignore their default on the client.
            default: if t.client_optional {
                None
            } else {
                t.default.clone().filter(|d| !d.is_null()).or_else(|| {
                    // Defaults on the target apply unless the member removes them with `@default(null)`.
                    if t.default.is_none() {
                        target.traits.default.clone().filter(|d| !d.is_null())
                    } else {
                        None
                    }
                })
            },
            binding,
            constraints: constraints(t, &target.traits),
            idempotency_token: t.idempotency_token,
            sensitive: t.sensitive || self.sensitive.value(self.model, &member.target),
            media_type: t
                .media_type
                .clone()
                .or_else(|| target.traits.media_type.clone()),
            host_label: t.other.contains_key("smithy.api#hostLabel"),
            streaming: target.traits.streaming,
            variant: String::new(),
            schema_name: String::new(),
            boxed: self.cycles.same_cycle(&member.target, &parent.id),
        };
        field.optional =
            t.client_optional || aggregate || !(field.required || field.default.is_some());
        Ok(field)
    }

    fn rust_type(
        &self,
        id: &ShapeId,
        timestamp_format: TimestampFormat,
    ) -> Result<RustType, String> {
        let shape = self.shape(id)?;
        Ok(match &shape.kind {
            ShapeKind::String if legacy_enum(shape).is_some() => {
                self.named(shape, NamedKind::Enum)?
            }
            ShapeKind::String => RustType::String,
            ShapeKind::Boolean => RustType::Bool,
            ShapeKind::Byte => RustType::I8,
            ShapeKind::Short => RustType::I16,
            ShapeKind::Integer => RustType::I32,
            ShapeKind::Long => RustType::I64,
            ShapeKind::Float => RustType::F32,
            ShapeKind::Double => RustType::F64,
            ShapeKind::BigInteger | ShapeKind::BigDecimal => RustType::BigNumber,
            ShapeKind::Timestamp => RustType::DateTime(timestamp_format),
            ShapeKind::Blob => RustType::Blob,
            ShapeKind::Document => RustType::Document,
            ShapeKind::Enum(_) => self.named(shape, NamedKind::Enum)?,
            ShapeKind::IntEnum(_) => self.named(shape, NamedKind::IntEnum)?,
            ShapeKind::Structure(_) if shape.id.is_prelude() => RustType::Unit,
            ShapeKind::Structure(_) => self.named(shape, NamedKind::Structure)?,
            ShapeKind::Union(_) => self.named(shape, NamedKind::Union)?,
            ShapeKind::List(m) => {
                let target = self.shape(&m.target)?;
                let fmt = m
                    .traits
                    .timestamp_format
                    .or(target.traits.timestamp_format)
                    .map(convert_format);
                RustType::List {
                    item: Box::new(self.rust_type(&m.target, fmt.unwrap_or(timestamp_format))?),
                    sparse: shape.traits.sparse,
                    item_constraints: Box::new(constraints(&m.traits, &target.traits)),
                }
            }
            ShapeKind::Map { key, value } => {
                // A key that targets a string enum is that enum; any other key is its text.
                let key = match self.rust_type(&key.target, timestamp_format)? {
                    key @ RustType::Named {
                        kind: NamedKind::Enum,
                        ..
                    } => key,
                    _ => RustType::String,
                };
                let target = self.shape(&value.target)?;
                let fmt = value
                    .traits
                    .timestamp_format
                    .or(target.traits.timestamp_format)
                    .map(convert_format);
                RustType::Map {
                    key: Box::new(key),
                    value: Box::new(
                        self.rust_type(&value.target, fmt.unwrap_or(timestamp_format))?,
                    ),
                    sparse: shape.traits.sparse,
                    value_constraints: Box::new(constraints(&value.traits, &target.traits)),
                }
            }
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_) => {
                return Err(format!(
                    "{id} is a {} and cannot be a member target",
                    shape.kind.type_name()
                ));
            }
        })
    }

    fn named(&self, shape: &Shape, kind: NamedKind) -> Result<RustType, String> {
        let name = self.rust_name(&shape.id)?;
        Ok(RustType::Named {
            name,
            kind,
            constraints: Box::new(constraints(&Traits::default(), &shape.traits)),
        })
    }
}

/// Decides which structures get a `validate` method: those with a constraint to check, directly
/// or through nested structures, that an operation input can reach (and every such input). Linear
/// in the number of members: a fixpoint over "needs checks" and one walk from the inputs.
fn mark_validated(types: &mut [TypeDef], operations: &mut [Operation]) {
    let index: BTreeMap<String, usize> = types
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, TypeDef::Structure(_)))
        .map(|(i, t)| (t.rust_name().to_string(), i))
        .collect();
    let fields_of = |i: usize| match &types[i] {
        TypeDef::Structure(s) => s.fields.as_slice(),
        _ => &[],
    };
    // The structure each member leads to (directly or as list items), as an index.
    let nested = |f: &Field| f.nested_structure().and_then(|n| index.get(n)).copied();
    let mut used_by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in index.values() {
        for j in fields_of(i).iter().filter_map(nested) {
            used_by.entry(j).or_default().push(i);
        }
    }
    // Structures that need checks: direct ones, then, backwards along members, whoever leads to one.
    let mut needs: BTreeSet<usize> = index
        .values()
        .copied()
        .filter(|&i| fields_of(i).iter().any(Field::has_checks))
        .collect();
    let mut work: Vec<usize> = needs.iter().copied().collect();
    while let Some(j) = work.pop() {
        for &i in used_by.get(&j).into_iter().flatten() {
            if needs.insert(i) {
                work.push(i);
            }
        }
    }
    let mut reachable = BTreeSet::new();
    let mut stack: Vec<usize> = Vec::new();
    for op in operations.iter_mut() {
        op.input.validated = op
            .input
            .fields
            .iter()
            .any(|f| f.has_checks() || nested(f).is_some_and(|j| needs.contains(&j)));
        stack.extend(op.input.fields.iter().filter_map(nested));
    }
    while let Some(i) = stack.pop() {
        if reachable.insert(i) {
            stack.extend(fields_of(i).iter().filter_map(nested));
        }
    }
    for i in reachable {
        if needs.contains(&i)
            && let TypeDef::Structure(s) = &mut types[i]
        {
            s.validated = true;
        }
    }
}

/// True for the member the runtime reads an error's message from (`message`, `Message`,
/// `errorMessage`): a string member with one of those names, case aside.
fn is_error_message(f: &Field) -> bool {
    f.ty == RustType::String
        && (f.member.eq_ignore_ascii_case("message")
            || f.member.eq_ignore_ascii_case("errorMessage"))
}

/// Which shapes hold sensitive data, found once per model: a shape is sensitive, or has a
/// `@sensitive` member, or has a member whose target holds sensitive data (propagated backwards
/// along member edges, so cycles cost nothing extra).
#[derive(Default)]
struct SensitiveShapes {
    containing: BTreeSet<ShapeId>,
}

impl SensitiveShapes {
    fn new(model: &Model) -> SensitiveShapes {
        let mut parents: BTreeMap<&ShapeId, Vec<&ShapeId>> = BTreeMap::new();
        let mut work: Vec<&ShapeId> = Vec::new();
        for (id, shape) in &model.shapes {
            let members: Vec<&Member> = match &shape.kind {
                ShapeKind::Structure(ms) | ShapeKind::Union(ms) => ms.iter().collect(),
                ShapeKind::List(m) => vec![m],
                ShapeKind::Map { key, value } => vec![key, value],
                _ => Vec::new(),
            };
            for m in &members {
                parents.entry(&m.target).or_default().push(id);
            }
            if shape.traits.sensitive || members.iter().any(|m| m.traits.sensitive) {
                work.push(id);
            }
        }
        let mut containing = BTreeSet::new();
        while let Some(id) = work.pop() {
            if containing.insert(id.clone()) {
                work.extend(parents.get(id).into_iter().flatten().copied());
            }
        }
        SensitiveShapes { containing }
    }

    /// A value of `id` holds sensitive data somewhere.
    fn contains(&self, id: &ShapeId) -> bool {
        self.containing.contains(id)
    }

    /// A value of `id` is itself sensitive: `id` is `@sensitive`, or a list or map (nested to any
    /// depth) whose members or values are. Structures and unions redact their own members.
    fn value(&self, model: &Model, id: &ShapeId) -> bool {
        let mut id = id;
        // Collections cannot recurse without a structure or union between, but stay bounded.
        for _ in 0..64 {
            let Some(shape) = model.get(id) else {
                return false;
            };
            if shape.traits.sensitive {
                return true;
            }
            let member = match &shape.kind {
                ShapeKind::List(m) => m,
                ShapeKind::Map { key, value } => {
                    if key.traits.sensitive || self.value(model, &key.target) {
                        return true;
                    }
                    value
                }
                _ => return false,
            };
            if member.traits.sensitive {
                return true;
            }
            id = &member.target;
        }
        false
    }
}

/// The cycles of structures and unions through direct members (collections already give
/// indirection, so they break a cycle): a member must be boxed when its target is its own
/// structure or in the same cycle. Found once per model with Tarjan's algorithm, iteratively, so
/// neither deep nesting nor large models cost a deep stack or a search per member.
#[derive(Default)]
struct Cycles {
    /// Strongly connected component of each structure/union that is part of a cycle.
    component: BTreeMap<ShapeId, usize>,
}

impl Cycles {
    fn new(model: &Model) -> Cycles {
        let direct = |id: &ShapeId| -> Vec<ShapeId> {
            match model.get(id).map(|s| &s.kind) {
                Some(ShapeKind::Structure(ms) | ShapeKind::Union(ms)) => ms
                    .iter()
                    .filter(|m| {
                        matches!(
                            model.get(&m.target).map(|t| &t.kind),
                            Some(ShapeKind::Structure(_) | ShapeKind::Union(_))
                        )
                    })
                    .map(|m| m.target.clone())
                    .collect(),
                _ => Vec::new(),
            }
        };
        let mut index: BTreeMap<ShapeId, usize> = BTreeMap::new();
        let mut low: BTreeMap<ShapeId, usize> = BTreeMap::new();
        let mut on_stack: BTreeSet<ShapeId> = BTreeSet::new();
        let mut stack: Vec<ShapeId> = Vec::new();
        let mut component = BTreeMap::new();
        let mut components = 0;
        for root in model.shapes.keys() {
            if index.contains_key(root) || direct(root).is_empty() {
                continue;
            }
            // (node, its successors, the next successor to visit)
            let mut work: Vec<(ShapeId, Vec<ShapeId>, usize)> = Vec::new();
            let visit = |id: &ShapeId,
                         index: &mut BTreeMap<ShapeId, usize>,
                         low: &mut BTreeMap<ShapeId, usize>,
                         stack: &mut Vec<ShapeId>,
                         on_stack: &mut BTreeSet<ShapeId>| {
                let n = index.len();
                index.insert(id.clone(), n);
                low.insert(id.clone(), n);
                stack.push(id.clone());
                on_stack.insert(id.clone());
            };
            visit(root, &mut index, &mut low, &mut stack, &mut on_stack);
            work.push((root.clone(), direct(root), 0));
            while let Some((node, next, i)) = work.last_mut() {
                if let Some(succ) = next.get(*i).cloned() {
                    *i += 1;
                    if !index.contains_key(&succ) {
                        visit(&succ, &mut index, &mut low, &mut stack, &mut on_stack);
                        let succs = direct(&succ);
                        work.push((succ, succs, 0));
                    } else if on_stack.contains(&succ) {
                        let l = low[node].min(index[&succ]);
                        low.insert(node.clone(), l);
                    }
                    continue;
                }
                let node = node.clone();
                work.pop();
                if let Some((parent, _, _)) = work.last() {
                    let l = low[parent].min(low[&node]);
                    low.insert(parent.clone(), l);
                }
                if low[&node] == index[&node] {
                    let mut members = Vec::new();
                    while let Some(top) = stack.pop() {
                        on_stack.remove(&top);
                        let done = top == node;
                        members.push(top);
                        if done {
                            break;
                        }
                    }
                    let cyclic = members.len() > 1 || direct(&node).contains(&node);
                    if cyclic {
                        for m in members {
                            component.insert(m, components);
                        }
                        components += 1;
                    }
                }
            }
        }
        Cycles { component }
    }

    /// True when `target` is `parent` or lies on a cycle with it.
    fn same_cycle(&self, target: &ShapeId, parent: &ShapeId) -> bool {
        target == parent
            || self
                .component
                .get(target)
                .is_some_and(|c| self.component.get(parent) == Some(c))
    }
}

fn top_field(s: &Structure, member: &str) -> Option<Field> {
    s.fields.iter().find(|f| f.member == member).cloned()
}

fn offset_pagination(
    id: &ShapeId,
    o: &OffsetPagination,
    input: &Structure,
    output: &Structure,
) -> Result<Pagination, String> {
    let find = |s: &Structure, name: &str, what: &str| {
        top_field(s, name).ok_or_else(|| {
            format!(
                "codegen.json offset_pagination: {what} `{name}` is not a member of {id}'s {}",
                s.rust_name
            )
        })
    };
    let items = find(output, &o.items, "items")?;
    let RustType::List { item, .. } = &items.ty else {
        return Err(format!(
            "codegen.json offset_pagination: items `{}` of {id} is not a list",
            o.items
        ));
    };
    let item = (**item).clone();
    Ok(Pagination::Offset {
        offset: Box::new(find(input, &o.offset, "offset")?),
        limit: Box::new(find(input, &o.limit, "limit")?),
        items: Box::new((items, item)),
    })
}

fn convert_format(f: model::TimestampFormat) -> TimestampFormat {
    match f {
        model::TimestampFormat::DateTime => TimestampFormat::DateTime,
        model::TimestampFormat::EpochSeconds => TimestampFormat::EpochSeconds,
        model::TimestampFormat::HttpDate => TimestampFormat::HttpDate,
    }
}

/// Member constraints override the target's.
fn constraints(member: &Traits, target: &Traits) -> Constraints {
    let length = member.length.or(target.length).map(|l| (l.min, l.max));
    let range = member.range.or(target.range).map(|r| (r.min, r.max));
    let pattern = member.pattern.clone().or_else(|| target.pattern.clone());
    Constraints {
        length,
        range,
        pattern,
    }
}
