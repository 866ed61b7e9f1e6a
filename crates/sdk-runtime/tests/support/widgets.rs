//! A hand-written stand-in for generated code: one restJson1 SigV4 service with one operation,
//! one awsJson1_0 operation, and one plain REST + JSON (bearer) operation. This is the shape the
//! code generator is expected to emit.

use std::fmt;

use sdk_runtime::error::{ModeledError, modeled};
use sdk_runtime::request::{BuildError, RequestBuilder};
use sdk_runtime::response::{DeserializeError, Response};
use sdk_runtime::types::{
    BoxError, CreateUnhandledError, DateTime, ErrorKind, ErrorMetadata, ProvideErrorMetadata,
};
use sdk_runtime::validate::Validator;
use sdk_runtime::{
    AuthScheme, IdempotencyTokenProvider, OperationError, OperationSpec, Protocol, ServiceSpec,
};

// ------------------------------------------------------------------------------------------
// service.rs
// ------------------------------------------------------------------------------------------

pub static WIDGETS: ServiceSpec = ServiceSpec {
    name: "widgets",
    version: "0.1.0",
    auth: &[AuthScheme::SigV4 {
        signing_name: "widgets",
    }],
    protocol: Protocol::RestJson1,
    query_compatible: false,
    headers: &[],
    endpoint: |config| {
        sdk_runtime::regional_endpoint(config, "https://widgets.{region}.amazonaws.com")
    },
};

pub static CONNECTIONS: ServiceSpec = ServiceSpec {
    name: "partnercentralaccount",
    version: "0.1.0",
    auth: &[AuthScheme::SigV4 {
        signing_name: "partnercentral-account",
    }],
    protocol: Protocol::AwsJson1_0 {
        target_prefix: "PartnerCentralAccount",
    },
    query_compatible: false,
    headers: &[],
    endpoint: |config| {
        sdk_runtime::regional_endpoint(config, "https://partnercentral-account.us-east-1.api.aws")
    },
};

pub static USAGE: ServiceSpec = ServiceSpec {
    name: "billforward",
    version: "0.1.0",
    auth: &[AuthScheme::HttpBearer, AuthScheme::NoAuth],
    protocol: Protocol::PlainRestJson,
    query_compatible: false,
    headers: &[],
    endpoint: |config| sdk_runtime::regional_endpoint(config, "https://api.billforward.net/v1"),
};

// ------------------------------------------------------------------------------------------
// types: a modeled error shape (one struct per error shape, shared by operations)
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ValidationException {
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default, rename = "fieldList")]
    pub field_list: Option<Vec<String>>,
    #[serde(skip)]
    pub meta: ErrorMetadata,
}

impl fmt::Display for ValidationException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ValidationException")?;
        if let Some(m) = &self.message {
            write!(f, ": {m}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationException {}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ThrottlingException {
    #[serde(default)]
    pub message: Option<String>,
    #[serde(skip)]
    pub meta: ErrorMetadata,
}

impl fmt::Display for ThrottlingException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ThrottlingException: {}",
            self.message.as_deref().unwrap_or_default()
        )
    }
}

impl std::error::Error for ThrottlingException {}

impl ModeledError for ValidationException {
    fn set_meta(&mut self, meta: ErrorMetadata) {
        self.meta = meta;
    }
}

impl ModeledError for ThrottlingException {
    fn set_meta(&mut self, meta: ErrorMetadata) {
        self.meta = meta;
    }
}

// ------------------------------------------------------------------------------------------
// operation/create_widget.rs (restJson1: labels, query, headers, body, idempotency token)
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CreateWidgetInput {
    #[serde(skip)]
    pub widget_id: Option<String>,
    #[serde(skip)]
    pub tags: Option<Vec<String>>,
    #[serde(skip)]
    pub trace: Option<String>,
    #[serde(skip)]
    pub not_before: Option<DateTime>,
    #[serde(rename = "name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "count", skip_serializing_if = "Option::is_none")]
    pub count: Option<i32>,
    #[serde(
        rename = "expiresAt",
        default,
        skip_serializing_if = "Option::is_none",
        with = "::sdk_runtime::serde::As::<::std::option::Option<::sdk_runtime::serde::EpochSeconds>>"
    )]
    pub expires_at: Option<DateTime>,
    #[serde(rename = "clientToken", skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct CreateWidgetOutput {
    #[serde(rename = "widgetArn", default)]
    pub widget_arn: Option<String>,
    #[serde(
        rename = "createdAt",
        default,
        with = "::sdk_runtime::serde::As::<::std::option::Option<::sdk_runtime::serde::DateTime>>"
    )]
    pub created_at: Option<DateTime>,
    #[serde(skip)]
    pub version: Option<i64>,
    #[serde(skip)]
    pub status_code: i32,
}

#[non_exhaustive]
#[derive(Debug)]
pub enum CreateWidgetError {
    ValidationException(ValidationException),
    ThrottlingException(ThrottlingException),
    Unhandled(sdk_runtime::Unhandled),
}

impl ProvideErrorMetadata for CreateWidgetError {
    fn meta(&self) -> &ErrorMetadata {
        match self {
            Self::ValidationException(e) => &e.meta,
            Self::ThrottlingException(e) => &e.meta,
            Self::Unhandled(e) => e.meta(),
        }
    }
}

impl CreateUnhandledError for CreateWidgetError {
    fn create_unhandled_error(source: BoxError, meta: Option<ErrorMetadata>) -> Self {
        Self::Unhandled(sdk_runtime::Unhandled::create_unhandled_error(source, meta))
    }
}

impl From<ErrorMetadata> for CreateWidgetError {
    fn from(meta: ErrorMetadata) -> Self {
        Self::Unhandled(meta.into())
    }
}

impl fmt::Display for CreateWidgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        sdk_runtime::error::fmt_operation_error(f, "CreateWidget", self.meta())
    }
}

impl std::error::Error for CreateWidgetError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::ValidationException(e) => Some(e),
            Self::ThrottlingException(e) => Some(e),
            Self::Unhandled(e) => e.source(),
        }
    }
}

pub struct CreateWidget;

impl OperationError for CreateWidgetError {
    fn from_response(code: &str, resp: &Response<'_>, meta: ErrorMetadata) -> Self {
        <CreateWidget as OperationSpec>::deserialize_error(code, resp, meta)
    }

    fn retryable_error_kind(&self) -> Option<ErrorKind> {
        <CreateWidget as OperationSpec>::retryable(self)
    }
}

impl OperationSpec for CreateWidget {
    type Input = CreateWidgetInput;
    type Output = CreateWidgetOutput;
    type Error = CreateWidgetError;
    const NAME: &'static str = "CreateWidget";

    fn validate(input: &Self::Input, v: &mut Validator) {
        v.required("widgetId", input.widget_id.as_ref());
        v.length("widgetId", input.widget_id.as_ref(), Some(1), Some(64));
        v.required("name", input.name.as_ref());
        v.pattern("name", input.name.as_deref(), "^[a-zA-Z0-9 ./#?-]+$");
        v.range("count", input.count, Some(1), Some(10));
    }

    fn prepare(input: &mut Self::Input, tokens: &IdempotencyTokenProvider) {
        tokens.fill(&mut input.client_token);
    }

    fn serialize(input: Self::Input, req: &mut RequestBuilder) -> Result<(), BuildError> {
        req.http("POST", "/widgets/{widgetId}")?
            .label("widgetId", &input.widget_id)?
            .query("tag", &input.tags)?
            .header("x-amz-trace", &input.trace)?
            .header("x-not-before", &input.not_before)?
            .json_body(&input)?;
        Ok(())
    }

    fn deserialize_output(resp: &Response<'_>) -> Result<Self::Output, DeserializeError> {
        let mut out: CreateWidgetOutput = resp.json()?;
        out.version = resp.header("x-widget-version")?;
        out.status_code = i32::from(resp.status());
        Ok(out)
    }

    fn deserialize_error(code: &str, resp: &Response<'_>, meta: ErrorMetadata) -> Self::Error {
        match code {
            "ValidationException" => modeled(resp, meta)
                .map_or_else(Self::Error::Unhandled, Self::Error::ValidationException),
            "ThrottlingException" => modeled(resp, meta)
                .map_or_else(Self::Error::Unhandled, Self::Error::ThrottlingException),
            _ => Self::Error::from(meta),
        }
    }

    fn retryable(err: &Self::Error) -> Option<ErrorKind> {
        match err {
            Self::Error::ThrottlingException(_) => Some(ErrorKind::ThrottlingError),
            _ => None,
        }
    }
}

// ------------------------------------------------------------------------------------------
// operation/list_connections.rs (awsJson1_0: the whole input is the body)
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ListConnectionsInput {
    #[serde(rename = "Catalog", skip_serializing_if = "Option::is_none")]
    pub catalog: Option<String>,
    #[serde(rename = "NextToken", skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "MaxResults", skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ListConnectionsOutput {
    #[serde(
        rename = "ConnectionSummaries",
        default,
        with = "::sdk_runtime::serde::As::<::std::option::Option<::sdk_runtime::serde::List<::sdk_runtime::serde::Same>>>"
    )]
    pub connection_summaries: Option<Vec<String>>,
    #[serde(rename = "NextToken", default)]
    pub next_token: Option<String>,
}

#[non_exhaustive]
#[derive(Debug)]
pub enum ListConnectionsError {
    ValidationException(ValidationException),
    Unhandled(sdk_runtime::Unhandled),
}

impl ProvideErrorMetadata for ListConnectionsError {
    fn meta(&self) -> &ErrorMetadata {
        match self {
            Self::ValidationException(e) => &e.meta,
            Self::Unhandled(e) => e.meta(),
        }
    }
}

impl CreateUnhandledError for ListConnectionsError {
    fn create_unhandled_error(source: BoxError, meta: Option<ErrorMetadata>) -> Self {
        Self::Unhandled(sdk_runtime::Unhandled::create_unhandled_error(source, meta))
    }
}

impl From<ErrorMetadata> for ListConnectionsError {
    fn from(meta: ErrorMetadata) -> Self {
        Self::Unhandled(meta.into())
    }
}

impl fmt::Display for ListConnectionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        sdk_runtime::error::fmt_operation_error(f, "ListConnections", self.meta())
    }
}

impl std::error::Error for ListConnectionsError {}

pub struct ListConnections;

impl OperationError for ListConnectionsError {
    fn from_response(code: &str, resp: &Response<'_>, meta: ErrorMetadata) -> Self {
        <ListConnections as OperationSpec>::deserialize_error(code, resp, meta)
    }

    fn retryable_error_kind(&self) -> Option<ErrorKind> {
        None
    }
}

impl OperationSpec for ListConnections {
    type Input = ListConnectionsInput;
    type Output = ListConnectionsOutput;
    type Error = ListConnectionsError;
    const NAME: &'static str = "ListConnections";

    fn validate(input: &Self::Input, v: &mut Validator) {
        v.required("Catalog", input.catalog.as_ref());
        v.range("MaxResults", input.max_results, Some(1), Some(50));
    }

    fn serialize(input: Self::Input, req: &mut RequestBuilder) -> Result<(), BuildError> {
        req.json_body(&input)?;
        Ok(())
    }

    fn deserialize_output(resp: &Response<'_>) -> Result<Self::Output, DeserializeError> {
        resp.json()
    }

    fn deserialize_error(code: &str, resp: &Response<'_>, meta: ErrorMetadata) -> Self::Error {
        match code {
            "ValidationException" => modeled(resp, meta)
                .map_or_else(Self::Error::Unhandled, Self::Error::ValidationException),
            _ => Self::Error::from(meta),
        }
    }
}

// ------------------------------------------------------------------------------------------
// operation/get_usage.rs (plain REST + JSON, optional bearer token, single modeled error)
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct BfError {
    #[serde(rename = "errorType", default)]
    pub error_type: Option<String>,
    #[serde(rename = "errorMessage", default)]
    pub error_message: Option<String>,
    #[serde(skip)]
    pub meta: ErrorMetadata,
}

impl fmt::Display for BfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "BFError: {}",
            self.error_message.as_deref().unwrap_or_default()
        )
    }
}

impl std::error::Error for BfError {}

impl ModeledError for BfError {
    fn set_meta(&mut self, meta: ErrorMetadata) {
        self.meta = meta;
    }
}

#[derive(Debug, Clone, Default)]
pub struct GetUsageInput {
    pub session_id: Option<String>,
    pub offset: Option<i64>,
    pub records: Option<i64>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GetUsageOutput {
    #[serde(default)]
    pub results: Vec<u32>,
}

#[non_exhaustive]
#[derive(Debug)]
pub enum GetUsageError {
    BfError(BfError),
    Unhandled(sdk_runtime::Unhandled),
}

impl ProvideErrorMetadata for GetUsageError {
    fn meta(&self) -> &ErrorMetadata {
        match self {
            Self::BfError(e) => &e.meta,
            Self::Unhandled(e) => e.meta(),
        }
    }
}

impl CreateUnhandledError for GetUsageError {
    fn create_unhandled_error(source: BoxError, meta: Option<ErrorMetadata>) -> Self {
        Self::Unhandled(sdk_runtime::Unhandled::create_unhandled_error(source, meta))
    }
}

impl From<ErrorMetadata> for GetUsageError {
    fn from(meta: ErrorMetadata) -> Self {
        Self::Unhandled(meta.into())
    }
}

impl fmt::Display for GetUsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        sdk_runtime::error::fmt_operation_error(f, "GetUsage", self.meta())
    }
}

impl std::error::Error for GetUsageError {}

pub struct GetUsage;

impl OperationError for GetUsageError {
    fn from_response(code: &str, resp: &Response<'_>, meta: ErrorMetadata) -> Self {
        <GetUsage as OperationSpec>::deserialize_error(code, resp, meta)
    }

    fn retryable_error_kind(&self) -> Option<ErrorKind> {
        None
    }
}

impl OperationSpec for GetUsage {
    type Input = GetUsageInput;
    type Output = GetUsageOutput;
    type Error = GetUsageError;
    const NAME: &'static str = "GetUsage";

    fn serialize(input: Self::Input, req: &mut RequestBuilder) -> Result<(), BuildError> {
        req.http("GET", "/usage/{sessionId}")?
            .label("sessionId", &input.session_id)?
            .query("offset", &input.offset)?
            .query("records", &input.records)?;
        Ok(())
    }

    fn deserialize_output(resp: &Response<'_>) -> Result<Self::Output, DeserializeError> {
        resp.json()
    }

    fn deserialize_error(_code: &str, resp: &Response<'_>, meta: ErrorMetadata) -> Self::Error {
        modeled(resp, meta).map_or_else(Self::Error::Unhandled, Self::Error::BfError)
    }
}
