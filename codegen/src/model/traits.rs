//! Typed views of the traits the generator understands. Every other trait is kept verbatim in
//! [`Traits::other`], keyed by its absolute shape id.

use std::collections::BTreeMap;

use serde_json::Value;

/// The traits applied to a shape or member, after mixins and `apply` are resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Traits {
    /// `smithy.api#documentation` (CommonMark / HTML as written in the model).
    pub documentation: Option<String>,
    pub required: bool,
    /// `smithy.api#default`: any JSON value (`null` means the default was explicitly removed).
    pub default: Option<Value>,
    pub client_optional: bool,
    pub sensitive: bool,
    pub sparse: bool,
    pub idempotency_token: bool,
    pub idempotent: bool,
    pub readonly: bool,
    pub streaming: bool,
    /// `smithy.api#input` / `smithy.api#output` markers.
    pub input: bool,
    pub output: bool,
    pub deprecated: Option<Deprecated>,
    pub title: Option<String>,
    pub json_name: Option<String>,
    pub media_type: Option<String>,
    pub timestamp_format: Option<TimestampFormat>,
    /// `smithy.api#enumValue`: a string for enum members, an integer for intEnum members.
    pub enum_value: Option<EnumValue>,
    pub length: Option<LengthTrait>,
    pub range: Option<RangeTrait>,
    pub pattern: Option<String>,
    pub unique_items: bool,

    // http bindings
    pub http: Option<HttpTrait>,
    pub http_label: bool,
    /// `smithy.api#httpQuery`: the query key.
    pub http_query: Option<String>,
    pub http_query_params: bool,
    /// `smithy.api#httpHeader`: the header name.
    pub http_header: Option<String>,
    /// `smithy.api#httpPrefixHeaders`: the prefix.
    pub http_prefix_headers: Option<String>,
    pub http_payload: bool,
    pub http_response_code: bool,

    // errors
    pub error: Option<ErrorKind>,
    pub http_error: Option<u16>,
    pub retryable: Option<RetryableTrait>,

    pub paginated: Option<PaginatedTrait>,

    // AWS traits the generator reads
    /// `aws.auth#sigv4`: the signing name.
    pub sigv4: Option<String>,
    /// `aws.protocols#restJson1` / `aws.protocols#awsJson1_0` / `awsJson1_1`.
    pub protocol: Option<ProtocolTrait>,
    /// `aws.api#service`.
    pub aws_service: Option<AwsServiceTrait>,
    /// `smithy.api#httpBearerAuth` present.
    pub http_bearer_auth: bool,
    /// `smithy.api#auth`: ordered auth scheme ids.
    pub auth: Option<Vec<String>>,

    /// Every other trait, verbatim (endpoint rule sets and tests, protocol tests, ...).
    pub other: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deprecated {
    pub message: Option<String>,
    pub since: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    DateTime,
    EpochSeconds,
    HttpDate,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EnumValue {
    String(String),
    Int(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LengthTrait {
    pub min: Option<u64>,
    pub max: Option<u64>,
}

/// `@range` bounds; Smithy allows decimals, so they are kept as f64.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RangeTrait {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HttpTrait {
    pub method: String,
    /// The uri pattern as written (`/sessions/{id}?x=y`).
    pub uri: String,
    /// Success status code (defaults to 200).
    pub code: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Client,
    Server,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RetryableTrait {
    pub throttling: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaginatedTrait {
    pub input_token: Option<String>,
    pub output_token: Option<String>,
    pub items: Option<String>,
    pub page_size: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtocolTrait {
    RestJson1,
    AwsJson1_0,
    AwsJson1_1,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AwsServiceTrait {
    pub sdk_id: String,
    pub endpoint_prefix: Option<String>,
    pub arn_namespace: Option<String>,
}
