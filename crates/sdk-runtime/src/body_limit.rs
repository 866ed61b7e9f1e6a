//! A limit on the size of response bodies.
//!
//! Every response body (success or error) is read into memory before it is decoded, so a service,
//! proxy or attacker that sends an endless or enormous body would otherwise make the client
//! allocate without bound. The limit is checked while the body is read: a `Content-Length` above
//! it fails before a byte of the body is read, and a body without one (chunked, or a lying
//! length) fails as soon as the bytes received pass it. The call then fails with
//! `SdkError::ResponseError` whose source is a [`ResponseBodyTooLarge`]; nothing is decoded, and
//! the call is not retried (the same response would come back).
//!
//! The default, [`DEFAULT_MAX_RESPONSE_BODY_SIZE_BYTES`] (64 MiB), is four times the largest
//! non-streaming JSON response an AWS service documents (DynamoDB `BatchGetItem`, 16 MB; Kinesis
//! `GetRecords` returns at most 10 MiB of data, about 13.4 MiB as base64 in JSON). Streaming blobs
//! are read into memory by this runtime too (see the README), so an operation that downloads more
//! (Glacier `GetJobOutput`) needs a higher limit: `max_response_body_size_bytes(u64::MAX)` turns
//! the check off.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeDeserializationInterceptorContextMut, InterceptorContext,
};
use aws_smithy_runtime_api::client::retries::classifiers::{
    ClassifyRetry, RetryAction, RetryClassifierPriority,
};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};

/// The default limit on a response body: 64 MiB.
pub const DEFAULT_MAX_RESPONSE_BODY_SIZE_BYTES: u64 = 64 * 1024 * 1024;

/// The call failed because the response body is larger than the configured limit
/// (`max_response_body_size_bytes` on the config builder).
///
/// It is the source of an `SdkError::ResponseError`; find it with [`ResponseBodyTooLarge::find`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseBodyTooLarge {
    /// The limit in force, in bytes.
    pub limit: u64,
    /// The body length the response declared (`Content-Length`), if it declared one above the
    /// limit; `None` when the limit was passed while reading.
    pub declared: Option<u64>,
}

impl ResponseBodyTooLarge {
    /// The first [`ResponseBodyTooLarge`] in `error` and its chain of sources.
    pub fn find<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a Self> {
        let mut current = Some(error);
        while let Some(e) = current {
            if let Some(found) = e.downcast_ref::<Self>() {
                return Some(found);
            }
            current = e.source();
        }
        None
    }
}

impl fmt::Display for ResponseBodyTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.declared {
            Some(declared) => write!(
                f,
                "the response body of {declared} bytes (Content-Length) is larger than the limit of {} bytes",
                self.limit
            )?,
            None => write!(
                f,
                "the response body is larger than the limit of {} bytes",
                self.limit
            )?,
        }
        f.write_str("; raise it with `max_response_body_size_bytes` on the config builder")
    }
}

impl std::error::Error for ResponseBodyTooLarge {}

/// The limit in force for a call, in the config bag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ResponseBodySizeLimit(pub(crate) u64);

impl Storable for ResponseBodySizeLimit {
    type Storer = StoreReplace<Self>;
}

/// Wraps every response body in a [`LimitedBody`] with the limit from the config bag.
#[derive(Debug, Default)]
pub(crate) struct ResponseBodyLimitInterceptor;

impl Intercept for ResponseBodyLimitInterceptor {
    fn name(&self) -> &'static str {
        "sdk_runtime::ResponseBodyLimitInterceptor"
    }

    fn modify_before_deserialization(
        &self,
        context: &mut BeforeDeserializationInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let Some(&ResponseBodySizeLimit(limit)) = cfg.load::<ResponseBodySizeLimit>() else {
            return Ok(());
        };
        if limit == u64::MAX {
            return Ok(());
        }
        let body = std::mem::replace(context.response_mut().body_mut(), SdkBody::taken());
        let body = body.map_preserve_contents(move |inner| {
            SdkBody::from_body_1_x(LimitedBody::new(inner, limit))
        });
        *context.response_mut().body_mut() = body;
        Ok(())
    }
}

/// A body that fails with [`ResponseBodyTooLarge`] once more than `limit` bytes would be read.
pub(crate) struct LimitedBody {
    inner: SdkBody,
    limit: u64,
    read: u64,
    checked_declared: bool,
    failed: bool,
}

impl LimitedBody {
    pub(crate) fn new(inner: SdkBody, limit: u64) -> Self {
        Self {
            inner,
            limit,
            read: 0,
            checked_declared: false,
            failed: false,
        }
    }

    fn fail(&mut self, declared: Option<u64>) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        self.failed = true;
        Poll::Ready(Some(Err(Box::new(ResponseBodyTooLarge {
            limit: self.limit,
            declared,
        }))))
    }
}

impl Body for LimitedBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = &mut *self;
        if this.failed {
            return Poll::Ready(None);
        }
        if !this.checked_declared {
            this.checked_declared = true;
            // Hyper's hint is exact when the response has a `Content-Length`.
            let declared = Body::size_hint(&this.inner).lower();
            if declared > this.limit {
                return this.fail(Some(declared));
            }
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    this.read = this.read.saturating_add(data.len() as u64);
                    if this.read > this.limit {
                        return this.fail(None);
                    }
                }
                Poll::Ready(Some(Ok(frame)))
            }
            other => other,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.failed || Body::is_end_stream(&self.inner)
    }

    fn size_hint(&self) -> SizeHint {
        Body::size_hint(&self.inner)
    }
}

/// Forbids retrying a call whose response body was too large: the same response would come back.
#[derive(Debug, Default)]
pub(crate) struct OversizedBodyClassifier;

impl ClassifyRetry for OversizedBodyClassifier {
    fn classify_retry(&self, ctx: &InterceptorContext) -> RetryAction {
        match ctx.output_or_error() {
            Some(Err(error))
                if error.is_response_error() && ResponseBodyTooLarge::find(error).is_some() =>
            {
                RetryAction::RetryForbidden
            }
            _ => RetryAction::NoActionIndicated,
        }
    }

    fn name(&self) -> &'static str {
        "sdk_runtime::OversizedBodyClassifier"
    }

    fn priority(&self) -> RetryClassifierPriority {
        RetryClassifierPriority::run_after(RetryClassifierPriority::transient_error_classifier())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn read(body: SdkBody, limit: u64) -> Result<Vec<u8>, BoxError> {
        let mut body = LimitedBody::new(body, limit);
        let mut out = Vec::new();
        while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
        {
            if let Ok(data) = frame?.into_data() {
                out.extend_from_slice(&data);
            }
        }
        Ok(out)
    }

    #[tokio::test]
    async fn bodies_up_to_the_limit_pass_and_larger_ones_fail() {
        assert_eq!(read(SdkBody::from("abcd"), 4).await.unwrap(), b"abcd");
        let err = read(SdkBody::from("abcde"), 4).await.unwrap_err();
        let err = ResponseBodyTooLarge::find(err.as_ref()).expect("typed error");
        assert_eq!(err.limit, 4);
        assert_eq!(err.declared, Some(5));
        assert!(err.to_string().contains("max_response_body_size_bytes"));
    }

    /// A streaming body with no length: chunks of 10 bytes, forever.
    struct Endless;

    impl Body for Endless {
        type Data = Bytes;
        type Error = BoxError;
        fn poll_frame(
            self: Pin<&mut Self>,
            _cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
            Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(b"0123456789")))))
        }
    }

    #[tokio::test]
    async fn a_body_without_a_length_fails_once_it_passes_the_limit() {
        let err = read(SdkBody::from_body_1_x(Endless), 95).await.unwrap_err();
        let err = ResponseBodyTooLarge::find(err.as_ref()).expect("typed error");
        assert_eq!(err.declared, None);
        assert!(err.to_string().contains("limit of 95 bytes"), "{err}");
    }
}
