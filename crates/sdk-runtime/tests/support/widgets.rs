//! A hand-written stand-in for generated code: one restJson1 SigV4 service with one operation,
//! one awsJson1_0 operation, and one plain REST + JSON (bearer) operation. This is the shape the
//! code generator is expected to emit.

use std::fmt;

use sdk_runtime::error::ModeledError;
use sdk_runtime::request::{BuildError, RequestBuilder};
use sdk_runtime::response::{DeserializeError, ErrorBody, Response};
use sdk_runtime::shape::modeled_error;
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
    endpoint_params: None,
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
    endpoint_params: None,
};

pub static USAGE: ServiceSpec = ServiceSpec {
    name: "billforward",
    version: "0.1.0",
    auth: &[AuthScheme::HttpBearer, AuthScheme::NoAuth],
    protocol: Protocol::PlainRestJson,
    query_compatible: false,
    headers: &[],
    endpoint: |config| sdk_runtime::regional_endpoint(config, "https://api.billforward.net/v1"),
    endpoint_params: None,
};

// ------------------------------------------------------------------------------------------
// types: a modeled error shape (one struct per error shape, shared by operations)
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default)]
pub struct ValidationException {
    pub message: Option<String>,
    pub field_list: Option<Vec<String>>,
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

#[derive(Debug, Clone, Default)]
pub struct ThrottlingException {
    pub message: Option<String>,
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

#[derive(Debug, Clone, Default)]
pub struct CreateWidgetInput {
    pub widget_id: Option<String>,
    pub tags: Option<Vec<String>>,
    pub trace: Option<String>,
    pub not_before: Option<DateTime>,
    pub name: Option<String>,
    pub count: Option<i32>,
    pub expires_at: Option<DateTime>,
    pub client_token: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct CreateWidgetOutput {
    pub widget_arn: Option<String>,
    pub created_at: Option<DateTime>,
    pub version: Option<i64>,
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

impl From<sdk_runtime::Unhandled> for CreateWidgetError {
    fn from(e: sdk_runtime::Unhandled) -> Self {
        Self::Unhandled(e)
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
    fn from_response(code: &str, body: ErrorBody<'_>) -> Self {
        <CreateWidget as OperationSpec>::deserialize_error(code, body)
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

    fn deserialize_error(code: &str, body: ErrorBody<'_>) -> Self::Error {
        match code {
            "ValidationException" => modeled_error(body, Self::Error::ValidationException),
            "ThrottlingException" => modeled_error(body, Self::Error::ThrottlingException),
            _ => Self::Error::from(body.into_meta()),
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

#[derive(Debug, Clone, Default)]
pub struct ListConnectionsInput {
    pub catalog: Option<String>,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

#[derive(Debug, Clone, Default)]
pub struct ListConnectionsOutput {
    pub connection_summaries: Option<Vec<String>>,
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

impl From<sdk_runtime::Unhandled> for ListConnectionsError {
    fn from(e: sdk_runtime::Unhandled) -> Self {
        Self::Unhandled(e)
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
    fn from_response(code: &str, body: ErrorBody<'_>) -> Self {
        <ListConnections as OperationSpec>::deserialize_error(code, body)
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

    fn deserialize_error(code: &str, body: ErrorBody<'_>) -> Self::Error {
        match code {
            "ValidationException" => modeled_error(body, Self::Error::ValidationException),
            _ => Self::Error::from(body.into_meta()),
        }
    }
}

// ------------------------------------------------------------------------------------------
// operation/get_usage.rs (plain REST + JSON, optional bearer token, single modeled error)
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default)]
pub struct BfError {
    pub error_type: Option<String>,
    pub error_message: Option<String>,
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

#[derive(Debug, Clone, Default)]
pub struct GetUsageOutput {
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

impl From<sdk_runtime::Unhandled> for GetUsageError {
    fn from(e: sdk_runtime::Unhandled) -> Self {
        Self::Unhandled(e)
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
    fn from_response(code: &str, body: ErrorBody<'_>) -> Self {
        <GetUsage as OperationSpec>::deserialize_error(code, body)
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

    fn deserialize_error(_code: &str, body: ErrorBody<'_>) -> Self::Error {
        modeled_error(body, Self::Error::BfError)
    }
}

// ------------------------------------------------------------------------------------------
// schemas: what a generated crate writes for each shape (body members only)
// ------------------------------------------------------------------------------------------

mod schemas {
    use sdk_runtime::schema::{
        DeserializeShape, Schema, SerdeError, SerializableStruct, ShapeDeserializer,
        ShapeSerializer, ShapeType, TimestampFormat, read_list, read_struct, shape_id,
    };

    use super::*;

    macro_rules! member {
        ($shape:literal, $ty:ident, $name:literal, $index:literal) => {
            Schema::new_member(shape_id!("widgets", $shape), ShapeType::$ty, $name, $index)
        };
    }

    static VALIDATION_MESSAGE: Schema<'static> =
        member!("ValidationException", String, "message", 0);
    static VALIDATION_FIELDS: Schema<'static> =
        member!("ValidationException", List, "fieldList", 1).with_list_member(&FIELD);
    static FIELD: Schema<'static> = member!("ValidationException$fieldList", String, "member", 0);
    static VALIDATION: Schema<'static> = Schema::new_struct(
        shape_id!("widgets", "ValidationException"),
        ShapeType::Structure,
        &[&VALIDATION_MESSAGE, &VALIDATION_FIELDS],
    );

    impl DeserializeShape for ValidationException {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Self::default();
            read_struct(d, &VALIDATION, &mut |m, d| {
                match m.member_index() {
                    Some(0) => out.message = Some(d.read_string(m)?),
                    Some(1) => out.field_list = Some(read_list(d, m, &|d| d.read_string(&FIELD))?),
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }

    static THROTTLING_MESSAGE: Schema<'static> =
        member!("ThrottlingException", String, "message", 0);
    static THROTTLING: Schema<'static> = Schema::new_struct(
        shape_id!("widgets", "ThrottlingException"),
        ShapeType::Structure,
        &[&THROTTLING_MESSAGE],
    );

    impl DeserializeShape for ThrottlingException {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Self::default();
            read_struct(d, &THROTTLING, &mut |m, d| {
                match m.member_index() {
                    Some(0) => out.message = Some(d.read_string(m)?),
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }

    static CREATE_NAME: Schema<'static> = member!("CreateWidgetInput", String, "name", 0);
    static CREATE_COUNT: Schema<'static> = member!("CreateWidgetInput", Integer, "count", 1);
    static CREATE_EXPIRES: Schema<'static> =
        member!("CreateWidgetInput", Timestamp, "expiresAt", 2)
            .with_timestamp_format(TimestampFormat::EpochSeconds);
    static CREATE_TOKEN: Schema<'static> = member!("CreateWidgetInput", String, "clientToken", 3);
    static CREATE_INPUT: Schema<'static> = Schema::new_struct(
        shape_id!("widgets", "CreateWidgetInput"),
        ShapeType::Structure,
        &[&CREATE_NAME, &CREATE_COUNT, &CREATE_EXPIRES, &CREATE_TOKEN],
    );

    impl SerializableStruct for CreateWidgetInput {
        fn schema(&self) -> &Schema<'_> {
            &CREATE_INPUT
        }
        fn serialize_members(&self, s: &mut dyn ShapeSerializer) -> Result<(), SerdeError> {
            if let Some(v) = &self.name {
                s.write_string(&CREATE_NAME, v)?;
            }
            if let Some(v) = self.count {
                s.write_integer(&CREATE_COUNT, v)?;
            }
            if let Some(v) = &self.expires_at {
                s.write_timestamp(&CREATE_EXPIRES, v)?;
            }
            if let Some(v) = &self.client_token {
                s.write_string(&CREATE_TOKEN, v)?;
            }
            Ok(())
        }
    }

    static CREATED_ARN: Schema<'static> = member!("CreateWidgetOutput", String, "widgetArn", 0);
    static CREATED_AT: Schema<'static> = member!("CreateWidgetOutput", Timestamp, "createdAt", 1)
        .with_timestamp_format(TimestampFormat::DateTime);
    static CREATE_OUTPUT: Schema<'static> = Schema::new_struct(
        shape_id!("widgets", "CreateWidgetOutput"),
        ShapeType::Structure,
        &[&CREATED_ARN, &CREATED_AT],
    );

    impl DeserializeShape for CreateWidgetOutput {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Self::default();
            read_struct(d, &CREATE_OUTPUT, &mut |m, d| {
                match m.member_index() {
                    Some(0) => out.widget_arn = Some(d.read_string(m)?),
                    Some(1) => out.created_at = Some(d.read_timestamp(m)?),
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }

    static LIST_CATALOG: Schema<'static> = member!("ListConnectionsInput", String, "Catalog", 0);
    static LIST_TOKEN: Schema<'static> = member!("ListConnectionsInput", String, "NextToken", 1);
    static LIST_MAX: Schema<'static> = member!("ListConnectionsInput", Integer, "MaxResults", 2);
    static LIST_INPUT: Schema<'static> = Schema::new_struct(
        shape_id!("widgets", "ListConnectionsInput"),
        ShapeType::Structure,
        &[&LIST_CATALOG, &LIST_TOKEN, &LIST_MAX],
    );

    impl SerializableStruct for ListConnectionsInput {
        fn schema(&self) -> &Schema<'_> {
            &LIST_INPUT
        }
        fn serialize_members(&self, s: &mut dyn ShapeSerializer) -> Result<(), SerdeError> {
            if let Some(v) = &self.catalog {
                s.write_string(&LIST_CATALOG, v)?;
            }
            if let Some(v) = &self.next_token {
                s.write_string(&LIST_TOKEN, v)?;
            }
            if let Some(v) = self.max_results {
                s.write_integer(&LIST_MAX, v)?;
            }
            Ok(())
        }
    }

    static LISTED: Schema<'static> =
        member!("ListConnectionsOutput", List, "ConnectionSummaries", 0)
            .with_list_member(&LISTED_ITEM);
    static LISTED_ITEM: Schema<'static> = member!(
        "ListConnectionsOutput$ConnectionSummaries",
        String,
        "member",
        0
    );
    static LISTED_TOKEN: Schema<'static> = member!("ListConnectionsOutput", String, "NextToken", 1);
    static LIST_OUTPUT: Schema<'static> = Schema::new_struct(
        shape_id!("widgets", "ListConnectionsOutput"),
        ShapeType::Structure,
        &[&LISTED, &LISTED_TOKEN],
    );

    impl DeserializeShape for ListConnectionsOutput {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Self::default();
            read_struct(d, &LIST_OUTPUT, &mut |m, d| {
                match m.member_index() {
                    Some(0) => {
                        out.connection_summaries =
                            Some(read_list(d, m, &|d| d.read_string(&LISTED_ITEM))?)
                    }
                    Some(1) => out.next_token = Some(d.read_string(m)?),
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }

    static USAGE_RESULTS: Schema<'static> =
        member!("GetUsageOutput", List, "results", 0).with_list_member(&USAGE_ITEM);
    static USAGE_ITEM: Schema<'static> = member!("GetUsageOutput$results", Integer, "member", 0);
    static USAGE: Schema<'static> = Schema::new_struct(
        shape_id!("widgets", "GetUsageOutput"),
        ShapeType::Structure,
        &[&USAGE_RESULTS],
    );

    impl DeserializeShape for GetUsageOutput {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Self::default();
            read_struct(d, &USAGE, &mut |m, d| {
                match m.member_index() {
                    Some(0) => {
                        out.results = read_list(d, m, &|d| {
                            let n = d.read_integer(&USAGE_ITEM)?;
                            u32::try_from(n).map_err(|_| SerdeError::custom("negative result"))
                        })?
                    }
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }

    static BF_TYPE: Schema<'static> = member!("BFError", String, "errorType", 0);
    static BF_MESSAGE: Schema<'static> = member!("BFError", String, "errorMessage", 1);
    static BF_ERROR: Schema<'static> = Schema::new_struct(
        shape_id!("widgets", "BFError"),
        ShapeType::Structure,
        &[&BF_TYPE, &BF_MESSAGE],
    );

    impl DeserializeShape for BfError {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Self::default();
            read_struct(d, &BF_ERROR, &mut |m, d| {
                match m.member_index() {
                    Some(0) => out.error_type = Some(d.read_string(m)?),
                    Some(1) => out.error_message = Some(d.read_string(m)?),
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }
}

// The outputs do not keep the request id.
impl sdk_runtime::SetRequestId for CreateWidgetOutput {
    fn set_request_id(&mut self, _: Option<&str>) {}
}

impl sdk_runtime::SetRequestId for ListConnectionsOutput {
    fn set_request_id(&mut self, _: Option<&str>) {}
}

impl sdk_runtime::SetRequestId for GetUsageOutput {
    fn set_request_id(&mut self, _: Option<&str>) {}
}
