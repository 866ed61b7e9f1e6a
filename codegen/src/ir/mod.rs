//! The intermediate representation: one resolved service, ready to render.
//!
//! Every decision a renderer would otherwise have to make is taken here: Rust names (keywords,
//! collisions), which shapes become types, how each member is bound on the wire, and which
//! operations are left out (with the reason, reported as a warning). Renderers only print.

mod build;
mod customizations;
pub mod docs;
pub mod endpoint;
pub mod names;
pub mod schema_names;
pub mod waiters;

pub use build::build_service;

use crate::model::ShapeId;
use crate::settings::CrateSettings;

/// A resolved service: everything one generated crate needs.
#[derive(Debug, Clone)]
pub struct Service {
    pub id: ShapeId,
    pub settings: CrateSettings,
    /// Service documentation, as Markdown.
    pub docs: Option<String>,
    pub title: String,
    pub protocol: Protocol,
    /// `aws.protocols#awsQueryCompatible`.
    pub query_compatible: bool,
    /// An AWS service (`aws.api#service` or SigV4): region, endpoint rules, `SdkConfig`.
    pub aws: bool,
    /// The auth schemes of operations without their own, in preference order.
    pub auth: Vec<AuthScheme>,
    /// Headers every request carries unless the call sets them (service customisations).
    pub static_headers: Vec<(String, String)>,
    pub operations: Vec<Operation>,
    /// Named types shared through the `types` module, sorted by Rust name.
    pub types: Vec<TypeDef>,
    /// Modeled error structures (`types::error`), sorted by Rust name.
    pub errors: Vec<Structure>,
    /// `smithy.rules#endpointRuleSet`, verbatim JSON text, when the model has one.
    pub endpoint_rule_set: Option<String>,
    /// `smithy.rules#endpointTests`, verbatim JSON value.
    pub endpoint_tests: Option<serde_json::Value>,
    /// The parameters the endpoint rules declare (empty without rules).
    pub endpoint_params: Vec<endpoint::EndpointParam>,
    /// Operations the generator cannot support, with the reason.
    pub skipped: Vec<(String, String)>,
    /// Waiters left out, each message naming the model file, the operation, the waiter and why.
    pub skipped_waiters: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protocol {
    RestJson1,
    AwsJson1_0 {
        target_prefix: String,
    },
    AwsJson1_1 {
        target_prefix: String,
    },
    /// restJson1 binding rules without AWS specifics; non-2xx responses decode as the modeled error.
    PlainRestJson,
}

impl Service {
    /// Every waiter with its operation, in operation order.
    pub fn waiters(&self) -> impl Iterator<Item = (&Operation, &waiters::Waiter)> {
        self.operations
            .iter()
            .flat_map(|op| op.waiters.iter().map(move |w| (op, w)))
    }

    /// The shared structure named `rust_name` (`types` is sorted by Rust name).
    pub fn structure(&self, rust_name: &str) -> Option<&Structure> {
        let i = self
            .types
            .binary_search_by(|t| t.rust_name().cmp(rust_name))
            .ok()?;
        match &self.types[i] {
            TypeDef::Structure(s) => Some(s),
            _ => None,
        }
    }

    /// Every auth scheme some operation accepts (decides the config's settings).
    pub fn all_auth_schemes(&self) -> Vec<&AuthScheme> {
        let mut all: Vec<&AuthScheme> = self
            .auth
            .iter()
            .chain(self.operations.iter().flat_map(|o| o.auth.iter().flatten()))
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// True when some operation may be SigV4-signed.
    pub fn uses_sigv4(&self) -> bool {
        self.all_auth_schemes()
            .iter()
            .any(|s| matches!(s, AuthScheme::SigV4 { .. }))
    }
}

impl Protocol {
    /// RPC protocols ignore http binding traits and `jsonName`.
    pub fn is_rpc(&self) -> bool {
        matches!(
            self,
            Protocol::AwsJson1_0 { .. } | Protocol::AwsJson1_1 { .. }
        )
    }

    /// Whether error responses name their error by a code; without codes (the plain REST
    /// flavour) a non-2xx response is the operation's first modeled error.
    pub fn has_error_codes(&self) -> bool {
        !matches!(self, Protocol::PlainRestJson)
    }
}

/// One auth scheme an operation accepts (a Smithy auth trait the generator supports).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum AuthScheme {
    /// `aws.auth#sigv4`.
    SigV4 { signing_name: String },
    /// `smithy.api#httpBearerAuth`.
    HttpBearer,
    /// `smithy.api#httpApiKeyAuth`.
    HttpApiKey {
        name: String,
        in_header: bool,
        scheme: Option<String>,
    },
    /// `@auth([])`, or the fallback `@optionalAuth` adds: sent unsigned.
    NoAuth,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub id: ShapeId,
    /// `CreatePaymentSession`.
    pub name: String,
    /// `create_payment_session`: the module and the client method.
    pub snake_name: String,
    pub docs: Option<String>,
    pub http: HttpRoute,
    pub input: Structure,
    pub output: Structure,
    /// Modeled errors, in model order.
    pub errors: Vec<ErrorRef>,
    pub pagination: Option<Pagination>,
    /// The operation's auth schemes when they differ from the service's.
    pub auth: Option<Vec<AuthScheme>>,
    /// `smithy.test#httpRequestTests` / `httpResponseTests` on the operation, verbatim.
    pub protocol_tests: ProtocolTests,
    /// `@endpoint` host prefix (`foo.{label}.`), filled from `@hostLabel` input members.
    pub host_prefix: Option<String>,
    /// `@requestCompression` encodings, in preference order.
    pub request_compression: Vec<String>,
    /// `@httpChecksumRequired`: send `Content-MD5`.
    pub checksum_required: bool,
    /// Input members (Rust names) filled with a value when unset or empty (customisations).
    pub input_defaults: Vec<(String, String)>,
    /// Checksum headers computed from the final body (customisations).
    pub body_checksums: Vec<BodyChecksum>,
    /// An input member (Rust name) whose value, when set, is the endpoint of the call.
    pub endpoint_member: Option<String>,
    /// The output holds sensitive data: the orchestrator must not log response bodies.
    pub sensitive_output: bool,
    /// `smithy.waiters#waitable`, in model order.
    pub waiters: Vec<waiters::Waiter>,
    /// Waiters that cannot be generated: `(waiter name, reason)`.
    pub waiters_left_out: Vec<(String, String)>,
}

/// A checksum header computed from a request body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyChecksum {
    /// Hex SHA-256 of the body.
    Sha256 { header: String },
    /// Hex SHA-256 tree hash of the body in 1 MiB chunks (Glacier).
    Sha256TreeHash { header: String },
}

/// Protocol compliance test cases attached to a shape (kept verbatim; only test renderers read them).
#[derive(Debug, Clone, Default)]
pub struct ProtocolTests {
    pub requests: Option<serde_json::Value>,
    pub responses: Option<serde_json::Value>,
}

/// Where an operation's request goes.
#[derive(Debug, Clone)]
pub struct HttpRoute {
    pub method: String,
    /// The uri pattern (`/sessions/{id}`); `/` for RPC protocols.
    pub uri: String,
    /// Expected success status.
    pub code: u16,
}

#[derive(Debug, Clone)]
pub struct ErrorRef {
    /// The error's Rust type name (in `types::error`).
    pub rust_name: String,
    /// The wire code that selects it (the shape name).
    pub code: String,
    /// Its `aws.protocols#awsQueryError` code, for query-compatible services.
    pub query_code: Option<String>,
    pub docs: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Pagination {
    Token {
        input_token: Box<Field>,
        output_token: Vec<Field>,
        page_size: Option<Box<Field>>,
        /// Path to the items list in the output, and the item type.
        items: Option<(Vec<Field>, RustType)>,
    },
    Offset {
        offset: Box<Field>,
        limit: Box<Field>,
        items: Box<(Field, RustType)>,
    },
}

#[derive(Debug, Clone)]
pub enum TypeDef {
    Structure(Structure),
    Union(Union),
    Enum(Enum),
}

impl TypeDef {
    pub fn rust_name(&self) -> &str {
        match self {
            TypeDef::Structure(s) => &s.rust_name,
            TypeDef::Union(u) => &u.rust_name,
            TypeDef::Enum(e) => &e.rust_name,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Structure {
    pub id: ShapeId,
    pub rust_name: String,
    /// The name of its schema static (see [`schema_names`]).
    pub schema_name: String,
    pub docs: Option<String>,
    pub fields: Vec<Field>,
    /// Set for `@error` structures.
    pub error: Option<ErrorInfo>,
    /// `smithy.test#httpResponseTests` on an error structure, verbatim.
    pub protocol_tests: ProtocolTests,
    /// Gets a `validate` method: it has a constraint to check (directly or through nested
    /// structures) and an operation input can reach it (or it is an input).
    pub validated: bool,
    /// Redaction, decided once over the shape graph.
    pub sensitivity: Sensitivity,
    /// The builder's `build()` returns a `Result`: operation inputs, and structures with a
    /// non-`Option` member that has no default (it fails when that member is unset).
    pub builder_fallible: bool,
}

/// What a structure or union holds that must not be printed (`@sensitive`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sensitivity {
    /// The shape itself is `@sensitive`: its `Debug` redacts every member.
    pub whole: bool,
    /// A value of the shape holds sensitive data somewhere (a sensitive member, a list or map of
    /// sensitive values, a nested structure or union that does), cycles included.
    pub contains: bool,
    /// An error whose message is sensitive (its `message` member or the whole error): its
    /// `Display`, `Debug` and error metadata carry a redaction marker instead.
    pub message: bool,
}

#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub fault: Fault,
    pub http_status: Option<u16>,
    /// `@retryable`: `Some(throttling)`.
    pub retryable: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Client,
    Server,
}

#[derive(Debug, Clone)]
pub struct Field {
    /// The Smithy member name.
    pub member: String,
    /// The Rust field / method name (`r#type` for keywords).
    pub rust_name: String,
    /// The JSON object key.
    pub wire_name: String,
    pub ty: RustType,
    pub docs: Option<String>,
    pub required: bool,
    /// The Rust field is an `Option` (smithy-rs's client nullability, "careful" mode): every
    /// member of an operation input, `@clientOptional` members, members neither `@required` nor
    /// defaulted, and members targeting a structure or union. The rest hold a plain value.
    pub optional: bool,
    /// `@default` value, when not null.
    pub default: Option<serde_json::Value>,
    pub binding: Binding,
    pub constraints: Constraints,
    pub idempotency_token: bool,
    /// The member's value must be redacted in `Debug`: the member or its target is `@sensitive`,
    /// or the target is a list or map (nested to any depth) of sensitive values.
    pub sensitive: bool,
    /// The member closes a cycle of structures/unions, so it is stored boxed.
    pub boxed: bool,
    /// `@mediaType` of the member's target (blob and string payloads, base64 headers).
    pub media_type: Option<String>,
    /// `@hostLabel`: the value fills the operation's host prefix.
    pub host_label: bool,
    /// The target is `@streaming` (a blob read whole into memory).
    pub streaming: bool,
    /// The UpperCamelCase variant name of a union member (empty for structure members).
    pub variant: String,
    /// The name of the member's schema static (see [`schema_names`]).
    pub schema_name: String,
}

/// How a member travels on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding {
    /// A key of the JSON body object.
    Body,
    Label {
        greedy: bool,
    },
    Query(String),
    QueryParams,
    Header(String),
    PrefixHeaders(String),
    /// The whole body (a structure, union, document, blob or string).
    Payload,
    ResponseCode,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    pub length: Option<(Option<u64>, Option<u64>)>,
    pub range: Option<(Option<f64>, Option<f64>)>,
    pub pattern: Option<String>,
}

impl Field {
    /// True when the member has a constraint the client checks for its type: `@length` on
    /// strings, blobs, lists and maps, `@range` on numbers, `@pattern` on strings.
    pub fn has_checks(&self) -> bool {
        // A required member that stays an `Option` (a structure or union) is checked before
        // sending, since its builder cannot refuse to build without it.
        if self.required && self.optional {
            return true;
        }
        let c = &self.constraints;
        let length = c.length.is_some()
            && matches!(
                self.ty,
                RustType::String | RustType::Blob | RustType::List { .. } | RustType::Map { .. }
            );
        let range = c.range.is_some()
            && matches!(
                self.ty,
                RustType::I8
                    | RustType::I16
                    | RustType::I32
                    | RustType::I64
                    | RustType::F32
                    | RustType::F64
            );
        let pattern = c.pattern.is_some() && self.ty == RustType::String;
        length || range || pattern
    }

    /// The structure this member leads to directly or as list items, for nested validation.
    pub fn nested_structure(&self) -> Option<&str> {
        fn of(ty: &RustType) -> Option<&str> {
            match ty {
                RustType::Named {
                    name,
                    kind: NamedKind::Structure,
                    ..
                } => Some(name),
                RustType::List { item, .. } => of(item),
                _ => None,
            }
        }
        of(&self.ty)
    }
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        self.length.is_none() && self.range.is_none() && self.pattern.is_none()
    }
}

/// A member's Rust type (before wrapping in `Option`).
#[derive(Debug, Clone, PartialEq)]
pub enum RustType {
    String,
    Bool,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    /// bigInteger / bigDecimal, kept as their decimal text.
    BigNumber,
    DateTime(TimestampFormat),
    Blob,
    Document,
    /// A generated type in `crate::types`.
    Named {
        name: String,
        kind: NamedKind,
        constraints: Box<Constraints>,
    },
    List {
        item: Box<RustType>,
        sparse: bool,
        item_constraints: Box<Constraints>,
    },
    Map {
        /// `String`, or the string enum the map's key targets (as in aws-sdk-rust).
        key: Box<RustType>,
        value: Box<RustType>,
        sparse: bool,
        value_constraints: Box<Constraints>,
    },
    Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedKind {
    Structure,
    Union,
    Enum,
    IntEnum,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    DateTime,
    EpochSeconds,
    HttpDate,
}

#[derive(Debug, Clone)]
pub struct Union {
    pub id: ShapeId,
    pub rust_name: String,
    /// The name of its schema static (see [`schema_names`]).
    pub schema_name: String,
    pub docs: Option<String>,
    /// The members; each one's `variant` is its variant name, `rust_name` names its `is_*` test.
    pub variants: Vec<Field>,
    /// The name of the catch-all variant (`Unknown`, or `UnknownValue` when a member took `Unknown`).
    pub unknown_variant: String,
    /// Redaction, decided once over the shape graph (`message` is unused).
    pub sensitivity: Sensitivity,
}

#[derive(Debug, Clone)]
pub struct Enum {
    pub id: ShapeId,
    pub rust_name: String,
    pub docs: Option<String>,
    /// `intEnum` when true: values are integers on the wire.
    pub int: bool,
    pub variants: Vec<EnumVariant>,
    /// The name of the catch-all variant (`Unknown`, or `UnknownValue` when a member took `Unknown`).
    pub unknown_variant: String,
}

#[derive(Debug, Clone)]
pub struct EnumVariant {
    pub rust_name: String,
    /// The wire value (a string, or an integer's decimal text for intEnum).
    pub value: String,
    pub docs: Option<String>,
}
