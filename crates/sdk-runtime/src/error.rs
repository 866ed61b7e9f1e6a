//! Error helpers: the unhandled-error type, readable `Display` output, and error metadata access.
//!
//! `SdkError`'s own `Display` is fixed upstream (`service error`, `dispatch failure`, ...). Two
//! things make failures readable:
//!
//! * generated operation errors implement `Display` with [`fmt_operation_error`], giving
//!   `CreatePaymentSession failed: HTTP 400 ValidationException: expiry too short (request id abc)`;
//! * [`Report`] wraps an `SdkError` and prints the useful part: the operation error for service
//!   errors, or the whole source chain for construction, timeout, dispatch and response failures
//!   (e.g. `failed to construct request: invalid CreatePaymentSession input: ...`).

use std::error::Error as StdError;
use std::fmt;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::ErrorMetadata;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use crate::response::{HTTP_STATUS_KEY, REQUEST_ID_KEY};

pub use aws_smithy_types::error::display::DisplayErrorContext;

/// What `Debug`, `Display` and error metadata print instead of `@sensitive` data (the text
/// smithy-rs uses).
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// `meta` with its message, if any, replaced by [`REDACTED`] (for errors whose message is
/// `@sensitive`); code, status, request id and other extras are kept.
pub fn redact_message(meta: ErrorMetadata) -> ErrorMetadata {
    if meta.message().is_none() {
        return meta;
    }
    meta.into_builder().message(REDACTED).build()
}

/// The HTTP status kept in `meta` by [`invoke`](crate::invoke), if any.
pub fn http_status(meta: &ErrorMetadata) -> Option<u16> {
    meta.extra(HTTP_STATUS_KEY)?.parse().ok()
}

/// The request id kept in `meta`, if any.
pub fn request_id(meta: &ErrorMetadata) -> Option<&str> {
    meta.extra(REQUEST_ID_KEY)
}

/// Writes `"{operation} failed: HTTP {status} {code}: {message} (request id {id})"`, leaving out
/// the parts that are unknown. Generated error enums use this as their `Display`.
pub fn fmt_operation_error(
    f: &mut fmt::Formatter<'_>,
    operation: &str,
    meta: &ErrorMetadata,
) -> fmt::Result {
    write!(f, "{operation} failed:")?;
    if let Some(status) = http_status(meta) {
        write!(f, " HTTP {status}")?;
    }
    match (meta.code(), meta.message()) {
        (Some(code), Some(message)) => write!(f, " {code}: {message}")?,
        (Some(code), None) => write!(f, " {code}")?,
        (None, Some(message)) => write!(f, " {message}")?,
        (None, None) => f.write_str(" unhandled error")?,
    }
    if let Some(id) = request_id(meta) {
        write!(f, " (request id {id})")?;
    }
    Ok(())
}

/// An error response that matched no modeled error (or whose body could not be read as one).
/// Keeps the code, message, HTTP status and request id in its [`ErrorMetadata`].
#[derive(Debug)]
pub struct Unhandled {
    meta: ErrorMetadata,
    source: Option<BoxError>,
}

impl Unhandled {
    /// An unhandled error described by `meta`.
    pub fn new(meta: ErrorMetadata) -> Self {
        Self { meta, source: None }
    }

    /// Attaches the underlying cause (e.g. a body that did not match the modeled error).
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The error metadata.
    pub fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

impl aws_smithy_runtime_api::client::result::CreateUnhandledError for Unhandled {
    fn create_unhandled_error(source: BoxError, meta: Option<ErrorMetadata>) -> Self {
        Self {
            meta: meta.unwrap_or_default(),
            source: Some(source),
        }
    }
}

impl From<ErrorMetadata> for Unhandled {
    fn from(meta: ErrorMetadata) -> Self {
        Self::new(meta)
    }
}

impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unhandled error")?;
        if let Some(status) = http_status(&self.meta) {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(code) = self.meta.code() {
            write!(f, " {code}")?;
        }
        if let Some(message) = self.meta.message() {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl StdError for Unhandled {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_ref()
            .map(|e| e.as_ref() as &(dyn StdError + 'static))
    }
}

impl ProvideErrorMetadata for Unhandled {
    fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

/// A modeled error shape: deserialised from the error body, then given the response's metadata.
pub trait ModeledError: crate::schema::DeserializeShape {
    /// The error's message is `@sensitive`: [`modeled_error`](crate::shape::modeled_error)
    /// replaces it in the metadata by [`REDACTED`].
    const SENSITIVE_MESSAGE: bool = false;

    /// Stores the error metadata (code, message, HTTP status, request id).
    fn set_meta(&mut self, meta: ErrorMetadata);

    /// Reads the members the model binds to response headers (`@httpHeader` on the error).
    fn read_headers(
        &mut self,
        resp: &crate::response::Response<'_>,
    ) -> Result<(), crate::response::DeserializeError> {
        let _ = resp;
        Ok(())
    }
}

/// Readable `Display` for an [`SdkError`] (see the [module docs](self)).
///
/// ```no_run
/// # async fn demo(result: Result<(), aws_smithy_runtime_api::client::result::SdkError<std::io::Error, ()>>) {
/// if let Err(err) = result {
///     eprintln!("{}", sdk_runtime::error::Report(&err));
/// }
/// # }
/// ```
pub struct Report<'a, E: ?Sized>(pub &'a E);

impl<E, R> fmt::Display for Report<'_, SdkError<E, R>>
where
    E: StdError + 'static,
    R: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            // The operation error's own Display already carries status, code, message and
            // request id; its sources would only repeat them.
            SdkError::ServiceError(context) => write!(f, "{}", context.err()),
            // The kind of failure and its causes; never the Debug form, which would echo the raw
            // response (possibly megabytes of body).
            other => {
                write!(f, "{other}")?;
                let mut source = other.source();
                while let Some(cause) = source {
                    write!(f, ": {cause}")?;
                    source = cause.source();
                }
                Ok(())
            }
        }
    }
}

impl<E, R> fmt::Debug for Report<'_, SdkError<E, R>>
where
    E: StdError + 'static,
    R: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Shortcut for `Report(err).to_string()`.
pub fn report<E, R>(err: &SdkError<E, R>) -> String
where
    E: StdError + 'static,
    R: fmt::Debug,
{
    Report(err).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Shown<'a>(&'a ErrorMetadata);
    impl fmt::Display for Shown<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt_operation_error(f, "CreatePaymentSession", self.0)
        }
    }

    #[test]
    fn operation_error_display() {
        let meta = ErrorMetadata::builder()
            .code("ValidationException")
            .message("expiry too short")
            .custom(HTTP_STATUS_KEY, "400")
            .custom(REQUEST_ID_KEY, "abc")
            .build();
        assert_eq!(
            Shown(&meta).to_string(),
            "CreatePaymentSession failed: HTTP 400 ValidationException: expiry too short (request id abc)"
        );
        let bare = ErrorMetadata::builder()
            .custom(HTTP_STATUS_KEY, "502")
            .build();
        assert_eq!(
            Shown(&bare).to_string(),
            "CreatePaymentSession failed: HTTP 502 unhandled error"
        );
        assert_eq!(http_status(&meta), Some(400));
        assert_eq!(request_id(&meta), Some("abc"));
    }

    #[test]
    fn redacted_message_keeps_everything_else() {
        let meta = ErrorMetadata::builder()
            .code("SecretError")
            .message("the password is hunter2")
            .custom(HTTP_STATUS_KEY, "400")
            .custom(REQUEST_ID_KEY, "abc")
            .build();
        let meta = redact_message(meta);
        assert_eq!(meta.message(), Some(REDACTED));
        assert_eq!(
            Shown(&meta).to_string(),
            format!(
                "CreatePaymentSession failed: HTTP 400 SecretError: {REDACTED} (request id abc)"
            )
        );
        assert!(!format!("{meta:?}").contains("hunter2"));
        let bare = redact_message(ErrorMetadata::builder().code("E").build());
        assert_eq!(bare.message(), None);
    }

    #[test]
    fn unhandled_keeps_metadata_and_source() {
        let meta = ErrorMetadata::builder()
            .code("Weird")
            .message("m")
            .custom(HTTP_STATUS_KEY, "418")
            .build();
        let u = Unhandled::from(meta).with_source("bad body");
        assert_eq!(u.to_string(), "unhandled error (HTTP 418) Weird: m");
        assert_eq!(u.code(), Some("Weird"));
        assert!(u.source().is_some());
        let sdk: SdkError<Unhandled, ()> = SdkError::construction_failure(u);
        let text = report(&sdk);
        assert!(text.contains("failed to construct request"), "{text}");
        assert!(text.contains("Weird"), "{text}");
    }
}

/// A string is not one of the values an enum of this client knows (`try_parse`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVariantError {
    value: String,
}

impl UnknownVariantError {
    /// The error for `value`.
    pub fn new(value: impl Into<String>) -> Self {
        Self {
            value: value.into(),
        }
    }

    /// The value that was not recognised.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for UnknownVariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown enum variant: `{}`", self.value)
    }
}

impl std::error::Error for UnknownVariantError {}
