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
    /// `aws.protocols#restJson1` / `aws.protocols#awsJson1_0` / `awsJson1_1` / `sdkgen.protocols#restJson`.
    pub protocol: Option<ProtocolTrait>,
    /// `aws.api#service`.
    pub aws_service: Option<AwsServiceTrait>,
    /// `smithy.api#httpBearerAuth` present.
    pub http_bearer_auth: bool,
    /// `smithy.api#httpApiKeyAuth`.
    pub http_api_key_auth: Option<ApiKeyAuthTrait>,
    /// `smithy.api#optionalAuth` present.
    pub optional_auth: bool,
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
    /// `sdkgen.protocols#restJson`: restJson1 binding rules without AWS specifics; any non-2xx response
    /// decodes as the operation's modeled error.
    PlainRestJson,
    AwsJson1_0,
    AwsJson1_1,
}

/// `smithy.api#httpApiKeyAuth`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKeyAuthTrait {
    /// The header or query parameter name.
    pub name: String,
    /// `true` for `"in": "header"`, `false` for `"query"`.
    pub in_header: bool,
    /// A scheme written before the key in the header (`Authorization: ApiKey <key>`).
    pub scheme: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AwsServiceTrait {
    /// `sdkId`.
    pub sdk_id: String,
    pub endpoint_prefix: Option<String>,
    pub arn_namespace: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Parsing: JSON trait values -> typed fields. Every wrong type is an error with file + JSON path.
// ---------------------------------------------------------------------------------------------

use super::ast::{JsonPath, TraitMap, TraitValue, json_type};
use super::error::ModelError;

/// The protocol traits the generator understands, with the variant each one selects.
const PROTOCOLS: &[(&str, ProtocolTrait)] = &[
    ("aws.protocols#restJson1", ProtocolTrait::RestJson1),
    ("aws.protocols#awsJson1_0", ProtocolTrait::AwsJson1_0),
    ("aws.protocols#awsJson1_1", ProtocolTrait::AwsJson1_1),
    ("sdkgen.protocols#restJson", ProtocolTrait::PlainRestJson),
];

impl Traits {
    /// Parses a JSON object of traits (absolute trait id -> value), as written in a JSON AST
    /// `traits` property. Errors name `file` and JSON paths below `path` (the path of the object).
    /// Properties a trait does not define are ignored; [`Traits::parse_with_warnings`] reports them.
    pub fn parse(
        file: &str,
        path: &str,
        traits: &serde_json::Map<String, Value>,
    ) -> Result<Traits, Vec<ModelError>> {
        Traits::parse_with_warnings(file, path, traits, &mut Vec::new())
    }

    /// [`Traits::parse`], pushing what is ignored (unknown trait properties) to `warnings`.
    pub fn parse_with_warnings(
        file: &str,
        path: &str,
        traits: &serde_json::Map<String, Value>,
        warnings: &mut Vec<ModelError>,
    ) -> Result<Traits, Vec<ModelError>> {
        let base = JsonPathBase(path);
        let map: TraitMap = traits
            .iter()
            .map(|(id, value)| {
                let p = base.key(id);
                (
                    id.clone(),
                    TraitValue {
                        value: value.clone(),
                        file: file.to_string(),
                        path: p,
                    },
                )
            })
            .collect();
        let mut errors = Vec::new();
        let parsed = Traits::from_ast(&map, &mut errors, warnings);
        if errors.is_empty() {
            Ok(parsed)
        } else {
            Err(errors)
        }
    }

    /// Parses resolved trait values (each knows its own file and path), pushing type errors to
    /// `errors` and ignored properties to `warnings`.
    pub(crate) fn from_ast(
        traits: &TraitMap,
        errors: &mut Vec<ModelError>,
        warnings: &mut Vec<ModelError>,
    ) -> Traits {
        let mut out = Traits::default();
        for (id, tv) in traits {
            let mut p = TraitParser {
                tv,
                errors: &mut *errors,
                warnings: &mut *warnings,
            };
            p.apply(&mut out, id);
        }
        out
    }

    /// True when `@mixin` is applied (such shapes stay in the model; the IR skips them).
    pub fn is_mixin(&self) -> bool {
        self.other.contains_key("smithy.api#mixin")
    }

    /// True when the shape is the prelude `Unit` (or another `@unitType` shape).
    pub fn is_unit_type(&self) -> bool {
        self.other.contains_key("smithy.api#unitType")
    }
}

/// A JSON path prefix given as text (for [`Traits::parse`]).
struct JsonPathBase<'a>(&'a str);

impl JsonPathBase<'_> {
    fn key(&self, k: &str) -> JsonPath {
        // Re-use JsonPath's quoting rules by building from the root and swapping the prefix.
        let suffix = JsonPath::root().key(k).to_string();
        let suffix = suffix.strip_prefix('$').unwrap_or(&suffix);
        JsonPath::from_text(format!("{}{}", self.0, suffix))
    }
}

struct TraitParser<'a, 'e> {
    tv: &'a TraitValue,
    errors: &'e mut Vec<ModelError>,
    /// What the parser ignores: properties a trait does not define (a newer Smithy may).
    warnings: &'e mut Vec<ModelError>,
}

impl<'a> TraitParser<'a, '_> {
    fn err_at(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.errors
            .push(ModelError::new(&self.tv.file, path.to_string(), message));
    }

    fn err(&mut self, message: impl Into<String>) {
        let path = self.tv.path.clone();
        self.err_at(&path, message);
    }

    fn warn_at(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.warnings
            .push(ModelError::new(&self.tv.file, path.to_string(), message));
    }

    fn apply(&mut self, t: &mut Traits, id: &str) {
        let v = &self.tv.value;
        match id {
            "smithy.api#documentation" => t.documentation = self.string(),
            "smithy.api#title" => t.title = self.string(),
            "smithy.api#jsonName" => t.json_name = self.string(),
            "smithy.api#mediaType" => t.media_type = self.string(),
            "smithy.api#pattern" => t.pattern = self.string(),
            "smithy.api#httpQuery" => t.http_query = self.non_empty_string(),
            "smithy.api#httpHeader" => t.http_header = self.non_empty_string(),
            "smithy.api#httpPrefixHeaders" => t.http_prefix_headers = self.string(),
            "smithy.api#required" => t.required = self.annotation(),
            "smithy.api#clientOptional" => t.client_optional = self.annotation(),
            "smithy.api#sensitive" => t.sensitive = self.annotation(),
            "smithy.api#sparse" => t.sparse = self.annotation(),
            "smithy.api#idempotencyToken" => t.idempotency_token = self.annotation(),
            "smithy.api#idempotent" => t.idempotent = self.annotation(),
            "smithy.api#readonly" => t.readonly = self.annotation(),
            "smithy.api#streaming" => t.streaming = self.annotation(),
            "smithy.api#input" => t.input = self.annotation(),
            "smithy.api#output" => t.output = self.annotation(),
            "smithy.api#uniqueItems" => t.unique_items = self.annotation(),
            "smithy.api#httpLabel" => t.http_label = self.annotation(),
            "smithy.api#httpQueryParams" => t.http_query_params = self.annotation(),
            "smithy.api#httpPayload" => t.http_payload = self.annotation(),
            "smithy.api#httpResponseCode" => t.http_response_code = self.annotation(),
            "smithy.api#httpBearerAuth" => t.http_bearer_auth = self.annotation(),
            "smithy.api#optionalAuth" => t.optional_auth = self.annotation(),
            "smithy.api#default" => t.default = Some(v.clone()),
            "smithy.api#deprecated" => t.deprecated = self.deprecated(),
            "smithy.api#timestampFormat" => {
                t.timestamp_format = match v.as_str() {
                    Some("date-time") => Some(TimestampFormat::DateTime),
                    Some("epoch-seconds") => Some(TimestampFormat::EpochSeconds),
                    Some("http-date") => Some(TimestampFormat::HttpDate),
                    Some(other) => {
                        self.err(format!(
                            "unknown timestamp format \"{other}\" (expected date-time, epoch-seconds or http-date)"
                        ));
                        None
                    }
                    None => {
                        self.err(format!("expected a string, found {}", json_type(v)));
                        None
                    }
                }
            }
            "smithy.api#enumValue" => {
                t.enum_value = match v {
                    Value::String(s) => Some(EnumValue::String(s.clone())),
                    Value::Number(n) => match n.as_i64() {
                        Some(i) => Some(EnumValue::Int(i)),
                        None => {
                            self.err(format!(
                                "expected a string or an integer, found the number {n}"
                            ));
                            None
                        }
                    },
                    other => {
                        self.err(format!(
                            "expected a string or an integer, found {}",
                            json_type(other)
                        ));
                        None
                    }
                }
            }
            "smithy.api#length" => t.length = self.length(),
            "smithy.api#range" => t.range = self.range(),
            "smithy.api#http" => t.http = self.http(),
            "smithy.api#error" => {
                t.error = match v.as_str() {
                    Some("client") => Some(ErrorKind::Client),
                    Some("server") => Some(ErrorKind::Server),
                    Some(other) => {
                        self.err(format!(
                            "unknown error kind \"{other}\" (expected client or server)"
                        ));
                        None
                    }
                    None => {
                        self.err(format!("expected a string, found {}", json_type(v)));
                        None
                    }
                }
            }
            "smithy.api#httpError" => {
                let path = self.tv.path.clone();
                t.http_error = self.status_code(v, &path);
            }
            "smithy.api#retryable" => t.retryable = self.retryable(),
            "smithy.api#paginated" => t.paginated = self.paginated(),
            "smithy.api#auth" => t.auth = self.auth(),
            "aws.auth#sigv4" => t.sigv4 = self.sigv4(),
            "smithy.api#httpApiKeyAuth" => t.http_api_key_auth = self.api_key_auth(),
            "aws.api#service" => t.aws_service = self.aws_service(),
            _ => {
                if let Some((_, protocol)) = PROTOCOLS.iter().find(|(pid, _)| *pid == id) {
                    if !v.is_object() {
                        self.err(format!("expected an object, found {}", json_type(v)));
                    } else if t.protocol.is_none() {
                        t.protocol = Some(protocol.clone());
                    } else {
                        // A second understood protocol: the first (in id order) is used; keep this one visible.
                        t.other.insert(id.to_string(), v.clone());
                    }
                } else {
                    t.other.insert(id.to_string(), v.clone());
                }
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        match &self.tv.value {
            Value::String(s) => Some(s.clone()),
            other => {
                self.err(format!("expected a string, found {}", json_type(other)));
                None
            }
        }
    }

    fn non_empty_string(&mut self) -> Option<String> {
        let s = self.string()?;
        if s.is_empty() {
            self.err("must not be empty");
            return None;
        }
        Some(s)
    }

    /// Annotation traits are written `{}`; `true` is accepted too.
    fn annotation(&mut self) -> bool {
        match &self.tv.value {
            Value::Object(_) | Value::Bool(true) => true,
            other => {
                self.err(format!(
                    "expected {{}} (an annotation trait), found {}",
                    json_type(other)
                ));
                false
            }
        }
    }

    /// The value as an object; a key not in `allowed` is ignored with a warning.
    fn object(&mut self, allowed: &[&str]) -> Option<&'a serde_json::Map<String, Value>> {
        let tv = self.tv;
        let Some(obj) = tv.value.as_object() else {
            self.err(format!(
                "expected an object, found {}",
                json_type(&tv.value)
            ));
            return None;
        };
        for key in obj.keys() {
            if !allowed.contains(&key.as_str()) {
                self.warn_at(
                    &tv.path.key(key),
                    format!(
                        "unknown property \"{key}\" is ignored (the trait defines: {})",
                        allowed.join(", ")
                    ),
                );
            }
        }
        Some(obj)
    }

    fn opt_string_field(
        &mut self,
        obj: &serde_json::Map<String, Value>,
        key: &str,
    ) -> Option<String> {
        match obj.get(key)? {
            Value::String(s) => Some(s.clone()),
            other => {
                let path = self.tv.path.key(key);
                self.err_at(
                    &path,
                    format!("expected a string, found {}", json_type(other)),
                );
                None
            }
        }
    }

    fn deprecated(&mut self) -> Option<Deprecated> {
        let obj = self.object(&["message", "since"])?;
        Some(Deprecated {
            message: self.opt_string_field(obj, "message"),
            since: self.opt_string_field(obj, "since"),
        })
    }

    fn length(&mut self) -> Option<LengthTrait> {
        let (min, max) = self.min_max(|v| {
            v.as_u64().ok_or_else(|| {
                let found = match v {
                    Value::Number(n) => format!("the number {n}"),
                    other => json_type(other).to_string(),
                };
                format!("expected a non-negative integer, found {found}")
            })
        })?;
        Some(LengthTrait { min, max })
    }

    fn range(&mut self) -> Option<RangeTrait> {
        let (min, max) = self.min_max(|v| {
            v.as_f64()
                .ok_or_else(|| format!("expected a number, found {}", json_type(v)))
        })?;
        Some(RangeTrait { min, max })
    }

    /// The optional `min` and `max` members of a `@length` or `@range` value, each read with
    /// `parse` (its error is reported at the member), and checked to be in order.
    fn min_max<T: PartialOrd + std::fmt::Display>(
        &mut self,
        parse: fn(&Value) -> Result<T, String>,
    ) -> Option<(Option<T>, Option<T>)> {
        let obj = self.object(&["min", "max"])?;
        let mut bound = |key: &str| -> Option<T> {
            let v = obj.get(key)?;
            parse(v)
                .map_err(|message| {
                    let path = self.tv.path.key(key);
                    self.err_at(&path, message);
                })
                .ok()
        };
        let (min, max) = (bound("min"), bound("max"));
        if let (Some(lo), Some(hi)) = (&min, &max)
            && lo > hi
        {
            self.err(format!("min ({lo}) is greater than max ({hi})"));
        }
        Some((min, max))
    }

    fn status_code(&mut self, v: &Value, path: &JsonPath) -> Option<u16> {
        match v.as_u64() {
            Some(n) if (100..=999).contains(&n) => u16::try_from(n).ok(),
            Some(n) => {
                self.err_at(
                    path,
                    format!("{n} is not an HTTP status code (expected 100..=999)"),
                );
                None
            }
            None => {
                let found = match v {
                    Value::Number(n) => format!("the number {n}"),
                    other => json_type(other).to_string(),
                };
                self.err_at(
                    path,
                    format!("expected an integer HTTP status code, found {found}"),
                );
                None
            }
        }
    }

    fn http(&mut self) -> Option<HttpTrait> {
        let obj = self.object(&["method", "uri", "code"])?;
        let base = self.tv.path.clone();
        let required_string = |p: &mut Self, key: &str| -> Option<String> {
            match obj.get(key) {
                Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
                Some(Value::String(_)) => {
                    p.err_at(&base.key(key), "must not be empty");
                    None
                }
                Some(other) => {
                    p.err_at(
                        &base.key(key),
                        format!("expected a string, found {}", json_type(other)),
                    );
                    None
                }
                None => {
                    p.err_at(&base, format!("missing required property \"{key}\""));
                    None
                }
            }
        };
        let method = required_string(self, "method");
        let uri = required_string(self, "uri");
        let code = match obj.get("code") {
            None => Some(200),
            Some(v) => self.status_code(v, &base.key("code")),
        };
        Some(HttpTrait {
            method: method?,
            uri: uri?,
            code: code?,
        })
    }

    fn retryable(&mut self) -> Option<RetryableTrait> {
        let obj = self.object(&["throttling"])?;
        let throttling = match obj.get("throttling") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                let path = self.tv.path.key("throttling");
                self.err_at(
                    &path,
                    format!("expected a boolean, found {}", json_type(other)),
                );
                false
            }
        };
        Some(RetryableTrait { throttling })
    }

    fn paginated(&mut self) -> Option<PaginatedTrait> {
        let obj = self.object(&["inputToken", "outputToken", "items", "pageSize"])?;
        Some(PaginatedTrait {
            input_token: self.opt_string_field(obj, "inputToken"),
            output_token: self.opt_string_field(obj, "outputToken"),
            items: self.opt_string_field(obj, "items"),
            page_size: self.opt_string_field(obj, "pageSize"),
        })
    }

    fn auth(&mut self) -> Option<Vec<String>> {
        let tv = self.tv;
        let Some(items) = tv.value.as_array() else {
            self.err(format!(
                "expected an array of auth scheme shape ids, found {}",
                json_type(&tv.value)
            ));
            return None;
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.as_str() {
                Some(s) => out.push(s.to_string()),
                None => self.err_at(
                    &tv.path.index(i),
                    format!("expected a shape id string, found {}", json_type(item)),
                ),
            }
        }
        Some(out)
    }

    fn api_key_auth(&mut self) -> Option<ApiKeyAuthTrait> {
        let obj = self.object(&["name", "in", "scheme"])?;
        let name = self.opt_string_field(obj, "name");
        let location = self.opt_string_field(obj, "in");
        let scheme = self.opt_string_field(obj, "scheme");
        let in_header = match location.as_deref() {
            Some("header") => true,
            Some("query") => false,
            Some(other) => {
                let path = self.tv.path.key("in");
                self.err_at(
                    &path,
                    format!("expected \"header\" or \"query\", found \"{other}\""),
                );
                return None;
            }
            None => {
                self.err("missing required property \"in\" (header or query)");
                return None;
            }
        };
        match name {
            Some(name) if !name.is_empty() => Some(ApiKeyAuthTrait {
                name,
                in_header,
                scheme,
            }),
            _ => {
                self.err("missing required property \"name\" (the header or query parameter)");
                None
            }
        }
    }

    fn sigv4(&mut self) -> Option<String> {
        let obj = self.object(&["name"])?;
        match obj.get("name") {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(other) => {
                let path = self.tv.path.key("name");
                self.err_at(
                    &path,
                    format!("expected a non-empty string, found {}", json_type(other)),
                );
                None
            }
            None => {
                self.err("missing required property \"name\" (the signing name)");
                None
            }
        }
    }

    fn aws_service(&mut self) -> Option<AwsServiceTrait> {
        let tv = self.tv;
        let Some(obj) = tv.value.as_object() else {
            self.err(format!(
                "expected an object, found {}",
                json_type(&tv.value)
            ));
            return None;
        };
        let sdk_id = match obj.get("sdkId") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.err_at(
                    &tv.path.key("sdkId"),
                    format!("expected a string, found {}", json_type(other)),
                );
                return None;
            }
            None => {
                self.err("missing required property \"sdkId\"");
                return None;
            }
        };
        Some(AwsServiceTrait {
            sdk_id,
            endpoint_prefix: self.opt_string_field(obj, "endpointPrefix"),
            arn_namespace: self.opt_string_field(obj, "arnNamespace"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<Traits, Vec<ModelError>> {
        let map = v.as_object().cloned().unwrap_or_default();
        Traits::parse("f.json", r#"$.shapes["ns#A"].traits"#, &map)
    }

    fn errors(v: Value) -> Vec<String> {
        match parse(v) {
            Ok(t) => panic!("expected errors, parsed {t:?}"),
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn parses_typed_traits() {
        let t = match parse(json!({
            "smithy.api#documentation": "docs",
            "smithy.api#required": {},
            "smithy.api#default": 0,
            "smithy.api#http": {"method": "POST", "uri": "/x/{id}", "code": 201},
            "smithy.api#length": {"min": 1, "max": 5},
            "smithy.api#range": {"min": 0.5},
            "smithy.api#httpError": 404,
            "smithy.api#error": "client",
            "smithy.api#retryable": {"throttling": true},
            "smithy.api#paginated": {"inputToken": "next", "pageSize": "max"},
            "smithy.api#timestampFormat": "epoch-seconds",
            "smithy.api#enumValue": 3,
            "smithy.api#deprecated": {"since": "2020"},
            "smithy.api#auth": ["aws.auth#sigv4"],
            "aws.auth#sigv4": {"name": "svc"},
            "aws.protocols#awsJson1_0": {},
            "aws.api#service": {"sdkId": "Svc", "endpointPrefix": "svc", "cloudTrailEventSource": "x"},
            "smithy.api#httpBearerAuth": {},
            "smithy.rules#endpointRuleSet": {"version": "1.0"}
        })) {
            Ok(t) => t,
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(t.documentation.as_deref(), Some("docs"));
        assert!(t.required && t.http_bearer_auth && !t.sensitive);
        assert_eq!(t.default, Some(json!(0)));
        assert_eq!(
            t.http,
            Some(HttpTrait {
                method: "POST".into(),
                uri: "/x/{id}".into(),
                code: 201
            })
        );
        assert_eq!(
            t.length,
            Some(LengthTrait {
                min: Some(1),
                max: Some(5)
            })
        );
        assert_eq!(
            t.range,
            Some(RangeTrait {
                min: Some(0.5),
                max: None
            })
        );
        assert_eq!(t.http_error, Some(404));
        assert_eq!(t.error, Some(ErrorKind::Client));
        assert_eq!(t.retryable, Some(RetryableTrait { throttling: true }));
        assert_eq!(
            t.paginated.as_ref().and_then(|p| p.page_size.as_deref()),
            Some("max")
        );
        assert_eq!(t.timestamp_format, Some(TimestampFormat::EpochSeconds));
        assert_eq!(t.enum_value, Some(EnumValue::Int(3)));
        assert_eq!(
            t.deprecated,
            Some(Deprecated {
                message: None,
                since: Some("2020".into())
            })
        );
        assert_eq!(t.auth, Some(vec!["aws.auth#sigv4".to_string()]));
        assert_eq!(t.sigv4.as_deref(), Some("svc"));
        assert_eq!(t.protocol, Some(ProtocolTrait::AwsJson1_0));
        assert_eq!(
            t.aws_service.as_ref().map(|s| s.sdk_id.as_str()),
            Some("Svc")
        );
        assert_eq!(
            t.other.keys().collect::<Vec<_>>(),
            vec!["smithy.rules#endpointRuleSet"]
        );
    }

    #[test]
    fn unknown_properties_are_warnings() {
        let traits = json!({
            "smithy.api#paginated": {"inputToken": "next", "outputToken": "next", "extra": 1},
            "smithy.api#length": {"min": 1, "unit": "bytes"},
            "smithy.api#retryable": {"throttling": true, "reason": "x"}
        });
        let map = traits.as_object().cloned().unwrap_or_default();
        let mut warnings = Vec::new();
        let parsed = Traits::parse_with_warnings(
            "f.json",
            r#"$.shapes["ns#A"].traits"#,
            &map,
            &mut warnings,
        );
        let t = match parsed {
            Ok(t) => t,
            Err(e) => panic!("unknown properties must not be errors: {e:?}"),
        };
        assert_eq!(t.length.and_then(|l| l.min), Some(1));
        assert_eq!(
            t.paginated.and_then(|p| p.input_token).as_deref(),
            Some("next")
        );
        assert_eq!(t.retryable, Some(RetryableTrait { throttling: true }));
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#length"].unit: unknown property "unit" is ignored (the trait defines: min, max)"#,
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#paginated"].extra: unknown property "extra" is ignored (the trait defines: inputToken, outputToken, items, pageSize)"#,
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#retryable"].reason: unknown property "reason" is ignored (the trait defines: throttling)"#,
            ]
        );
    }

    #[test]
    fn http_defaults_code_200() {
        let t = parse(json!({"smithy.api#http": {"method": "GET", "uri": "/"}}))
            .ok()
            .and_then(|t| t.http);
        assert_eq!(t.map(|h| h.code), Some(200));
    }

    #[test]
    fn length_and_range_bounds_are_checked() {
        assert_eq!(
            errors(json!({"smithy.api#length": {"min": "1", "max": 2}})),
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#length"].min: expected a non-negative integer, found a string"#
            ]
        );
        assert_eq!(
            errors(json!({"smithy.api#range": {"max": true}})),
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#range"].max: expected a number, found a boolean"#
            ]
        );
        assert_eq!(
            errors(json!({"smithy.api#length": {"min": 3, "max": 2}})),
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#length"]: min (3) is greater than max (2)"#
            ]
        );
        assert_eq!(
            errors(json!({"smithy.api#range": {"min": 1.5, "max": -1}})),
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#range"]: min (1.5) is greater than max (-1)"#
            ]
        );
        let t = parse(json!({"smithy.api#range": {"min": -1, "max": 2.5}}))
            .ok()
            .and_then(|t| t.range);
        assert_eq!(t.map(|r| (r.min, r.max)), Some((Some(-1.0), Some(2.5))));
    }

    #[test]
    fn wrong_types_are_errors_with_paths() {
        assert_eq!(
            errors(json!({"smithy.api#http": {"method": 1, "uri": "/"}})),
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#http"].method: expected a string, found a number"#
            ]
        );
        assert_eq!(
            errors(json!({"smithy.api#httpError": "404"})),
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#httpError"]: expected an integer HTTP status code, found a string"#
            ]
        );
        assert_eq!(
            errors(json!({"smithy.api#length": {"min": -1}})),
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#length"].min: expected a non-negative integer, found the number -1"#
            ]
        );
        assert_eq!(
            errors(json!({"smithy.api#required": "yes"})),
            vec![
                r#"f.json: $.shapes["ns#A"].traits["smithy.api#required"]: expected {} (an annotation trait), found a string"#
            ]
        );
        // An unknown property is a warning (see `unknown_properties_are_warnings`), not an error.
        let e = errors(json!({"smithy.api#range": {"min": 5, "max": 1, "maximum": 2}}));
        assert_eq!(e.len(), 1, "{e:?}");
        let e = errors(json!({"smithy.api#http": {"method": "GET"}, "aws.auth#sigv4": {}}));
        assert!(
            e.iter()
                .any(|m| m
                    .ends_with(r#"traits["smithy.api#http"]: missing required property "uri""#)),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|m| m.contains("aws.auth#sigv4") && m.contains("\"name\"")),
            "{e:?}"
        );
        let e = errors(json!({"smithy.api#timestampFormat": "iso"}));
        assert!(e[0].contains("unknown timestamp format"), "{e:?}");
    }
}
