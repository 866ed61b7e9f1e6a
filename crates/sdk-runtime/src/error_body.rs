//! Reading an error response: its code, its metadata and the modeled error, in one pass over the
//! body.
//!
//! An error response's code is in a header (`X-Amzn-ErrorType`, `x-amzn-query-error`) or in the
//! body (`__type`, `code`; `errorType` for the plain REST protocol), and its message is in the
//! body (`message`, `Message`, `errorMessage`). The body is not turned into a JSON tree for that:
//! an [`ErrorBody`] reads the members of the body's top-level object with the protocol's codec,
//! and the same reading that decodes the modeled error picks up the code and the message on the
//! way. When the code must come from the body (no header names it), a first reading looks for it,
//! skipping values without building them, and stops at `__type` (which AWS services send first);
//! the decode then reads the body from the start. So a body is decoded once, and only the members
//! before the code are skipped once more. A body that is not a JSON object, or is malformed,
//! keeps what was read before the fault, and its decode fails with the codec's error.

use aws_smithy_schema::codec::Codec;
use aws_smithy_types::error::ErrorMetadata;
use aws_smithy_types::{BigDecimal, BigInteger, Blob, DateTime, Document};

use crate::response::{
    DeserializeError, HTTP_STATUS_KEY, QUERY_ERROR_TYPE_KEY, REQUEST_ID_KEY, Response,
    sanitize_error_code,
};
use crate::schema::{
    DeserializeShape, Schema, SerdeError, ShapeDeserializer, ShapeType, json_codec, prelude,
};
use crate::spec::Protocol;

/// Body keys of the error message, most preferred first.
const MESSAGE_KEYS: &[&str] = &["message", "Message", "errorMessage"];

/// The code and message found in the body so far, with the preference rank of their keys.
#[derive(Debug, Default)]
struct Envelope {
    code: Option<(usize, String)>,
    message: Option<(usize, String)>,
}

impl Envelope {
    /// Keeps `value` if its key is preferred over the one found before (the first of equally
    /// preferred duplicates wins, so reading a body twice changes nothing).
    fn offer(slot: &mut Option<(usize, String)>, rank: usize, value: String) {
        if slot.as_ref().is_none_or(|(r, _)| rank < *r) {
            *slot = Some((rank, value));
        }
    }

    /// Whether `key` names the code or the message.
    fn wants(protocol: Protocol, key: &str) -> bool {
        protocol.error_code_keys().contains(&key) || MESSAGE_KEYS.contains(&key)
    }

    fn record(&mut self, protocol: Protocol, key: &str, value: String) {
        if let Some(rank) = protocol.error_code_keys().iter().position(|k| *k == key) {
            Self::offer(&mut self.code, rank, value);
        } else if let Some(rank) = MESSAGE_KEYS.iter().position(|k| *k == key) {
            Self::offer(&mut self.message, rank, value);
        }
    }

    /// The most preferred code key has been seen: nothing later can change the code.
    fn has_best_code(&self) -> bool {
        matches!(self.code, Some((0, _)))
    }

    /// Reads the value of `key` when it is an envelope key with a string value; returns whether
    /// the value was consumed.
    fn capture(
        &mut self,
        protocol: Protocol,
        key: &str,
        d: &mut dyn ShapeDeserializer,
    ) -> Result<bool, SerdeError> {
        if !Self::wants(protocol, key) {
            return Ok(false);
        }
        // The codec refuses a value that is not a string before reading any of it.
        match d.read_string(&prelude::STRING) {
            Ok(value) => {
                self.record(protocol, key, value);
                Ok(true)
            }
            Err(SerdeError::TypeMismatch { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// Hands every member of the top-level object of `body` to `member`, through the protocol's
/// codec (so depth limits, strictness and trailing-data checks are the codec's). A body of
/// whitespace only is an empty object.
fn for_each_member(
    body: &[u8],
    protocol: Protocol,
    member: &mut dyn FnMut(String, &mut dyn ShapeDeserializer) -> Result<(), SerdeError>,
) -> Result<(), SerdeError> {
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        &b"{}"[..]
    } else {
        body
    };
    json_codec(protocol)
        .create_deserializer(body)
        .read_map(&prelude::DOCUMENT, member)
}

/// How much of the body has been read for its code and message.
#[derive(Debug)]
enum Progress {
    /// Nothing, or only up to the most preferred code key.
    Partly,
    /// All of it.
    Fully,
    /// It is not a well-formed JSON object; reading stopped at the fault.
    Faulted(String),
}

/// The body of an error response, read once with the protocol's codec and never built into a
/// JSON tree: the reading that decodes the modeled error also picks up the body's code and
/// message; when no header names the code, a first look skips through the members up to
/// `__type`, building nothing. Generated
/// `OperationError::from_response` implementations hand it to
/// [`modeled_error`](crate::shape::modeled_error), or turn it into metadata with
/// [`ErrorBody::into_meta`] when the code names no modeled error.
#[derive(Debug)]
pub struct ErrorBody<'a> {
    resp: Response<'a>,
    protocol: Protocol,
    query_compatible: bool,
    envelope: Envelope,
    progress: Progress,
}

impl<'a> ErrorBody<'a> {
    /// Reads an error response of a service speaking `protocol` far enough to know which error it
    /// is; returns the code that selects the modeled error, and the body.
    ///
    /// AWS protocols take the code from the `X-Amzn-ErrorType` header, then the body's `__type`,
    /// then its `code` (sanitised with [`sanitize_error_code`]). [`Protocol::PlainRestJson`] takes
    /// it from the body's `errorType`, `code` or `__type`, for the metadata only: its dispatch code
    /// is empty, since any non-2xx response is the modeled error. With `query_compatible`, an
    /// `x-amzn-query-error: Code;Type` header supplies the code users see and, when there is no
    /// other, the dispatch code.
    pub fn read(protocol: Protocol, query_compatible: bool, resp: &Response<'a>) -> (String, Self) {
        let mut body = Self {
            resp: *resp,
            protocol,
            query_compatible,
            envelope: Envelope::default(),
            progress: Progress::Partly,
        };
        if body.header_code().is_none() && protocol.has_error_codes() {
            body.skim(true);
        }
        let dispatch = if protocol.has_error_codes() {
            body.code()
                .or(body.query_error().map(|(code, _)| code))
                .unwrap_or_default()
                .to_owned()
        } else {
            String::new()
        };
        (dispatch, body)
    }

    /// The response the body belongs to (for members bound to headers).
    pub fn response(&self) -> &Response<'a> {
        &self.resp
    }

    /// Reads the body for its code and message only, skipping every other value; with
    /// `stop_at_best_code`, only up to the most preferred code key.
    fn skim(&mut self, stop_at_best_code: bool) {
        let protocol = self.protocol;
        let envelope = &mut self.envelope;
        let mut stopped = false;
        let read = for_each_member(self.resp.body(), protocol, &mut |key, d| {
            if !envelope.capture(protocol, &key, d)? {
                d.skip_value()?;
            }
            if stop_at_best_code && envelope.has_best_code() {
                stopped = true;
                // Ends the reading; `stopped` tells it from a fault.
                return Err(SerdeError::custom("the error code is known"));
            }
            Ok(())
        });
        self.progress = match read {
            Ok(()) => Progress::Fully,
            Err(_) if stopped => Progress::Partly,
            Err(e) => Progress::Faulted(e.to_string()),
        };
    }

    fn header_code(&self) -> Option<&'a str> {
        self.resp.header_str(self.protocol.error_code_header()?)
    }

    /// The sanitised error code: the header's, else the body's.
    fn code(&self) -> Option<&str> {
        match self.header_code() {
            Some(header) => Some(header),
            None => self.envelope.code.as_ref().map(|(_, code)| code.as_str()),
        }
        .map(sanitize_error_code)
        .filter(|code| !code.is_empty())
    }

    fn query_error(&self) -> Option<(&'a str, &'a str)> {
        if !self.query_compatible {
            return None;
        }
        let header = self.resp.header_str("x-amzn-query-error")?;
        let (code, fault) = header.split_once(';').unwrap_or((header, ""));
        let code = code.trim();
        (!code.is_empty()).then(|| (code, fault.trim()))
    }

    /// Decodes the body as the modeled error `T`, in the reading that also finds the code and
    /// message. A body that is not a well-formed `T` is a [`DeserializeError`].
    pub fn decode<T: DeserializeShape>(&mut self) -> Result<T, DeserializeError> {
        if let Progress::Faulted(fault) = &self.progress {
            return Err(DeserializeError::json(SerdeError::invalid_input(
                fault.clone(),
            )));
        }
        let mut members = Members {
            body: self.resp.body(),
            protocol: self.protocol,
            envelope: &mut self.envelope,
        };
        let decoded = T::deserialize(&mut members).map_err(DeserializeError::json)?;
        self.progress = Progress::Fully;
        Ok(decoded)
    }

    /// The error's metadata: code, message, request id and HTTP status (and the query error's
    /// fault type under [`QUERY_ERROR_TYPE_KEY`]). Reads the body for the message when it has
    /// not been read whole yet.
    pub fn into_meta(mut self) -> ErrorMetadata {
        if matches!(self.progress, Progress::Partly) {
            self.skim(false);
        }
        let mut builder =
            ErrorMetadata::builder().custom(HTTP_STATUS_KEY, self.resp.status().to_string());
        match (self.query_error(), self.code()) {
            (Some((code, fault)), _) => {
                builder = builder.code(code);
                if !fault.is_empty() {
                    builder = builder.custom(QUERY_ERROR_TYPE_KEY, fault);
                }
            }
            (None, Some(code)) => builder = builder.code(code),
            (None, None) => {}
        }
        if let Some((_, message)) = &self.envelope.message {
            builder = builder.message(message.clone());
        }
        if let Some(id) = self.resp.request_id() {
            builder = builder.custom(REQUEST_ID_KEY, id);
        }
        builder.build()
    }
}

/// The member of `schema` that the JSON key `key` names in `protocol` (restJson1 honours
/// `@jsonName`, awsJson does not), as the codec resolves it.
fn member_for<'s>(protocol: Protocol, schema: &'s Schema<'s>, key: &str) -> Option<&'s Schema<'s>> {
    if !protocol.honours_json_name() {
        return schema.member_schema(key);
    }
    schema
        .members()
        .iter()
        .copied()
        .find(|member| match member.json_name() {
            Some(name) => name.value() == key,
            None => member.member_name() == Some(key),
        })
}

/// The top-level object of an error body as a [`ShapeDeserializer`]: the structure read through
/// it gets its members from the codec, and the envelope keys are recorded on the way.
struct Members<'r, 'a> {
    body: &'a [u8],
    protocol: Protocol,
    envelope: &'r mut Envelope,
}

const NOT_A_STRUCTURE: &str = "an error body is read as a structure";

/// Calls `$with!` with the scalar readers of [`ShapeDeserializer`] other than `read_string`.
macro_rules! scalar_readers {
    ($with:ident) => {
        $with! {
            read_boolean -> bool;
            read_byte -> i8;
            read_short -> i16;
            read_integer -> i32;
            read_long -> i64;
            read_float -> f32;
            read_double -> f64;
            read_big_integer -> BigInteger;
            read_big_decimal -> BigDecimal;
            read_blob -> Blob;
            read_timestamp -> DateTime;
            read_document -> Document;
        }
    };
}

macro_rules! refuse {
    ($($name:ident -> $ty:ty;)*) => {$(
        fn $name(&mut self, _: &Schema<'_>) -> Result<$ty, SerdeError> {
            Err(SerdeError::type_mismatch(NOT_A_STRUCTURE))
        }
    )*};
}

impl ShapeDeserializer for Members<'_, '_> {
    fn read_struct(
        &mut self,
        schema: &Schema<'_>,
        consumer: &mut dyn FnMut(&Schema<'_>, &mut dyn ShapeDeserializer) -> Result<(), SerdeError>,
    ) -> Result<(), SerdeError> {
        let protocol = self.protocol;
        let envelope = &mut *self.envelope;
        for_each_member(self.body, protocol, &mut |key, d| {
            match member_for(protocol, schema, &key) {
                // Null members are left unset, as the codec's own structure reading does.
                Some(member) if d.is_null() && member.shape_type() != ShapeType::Document => {
                    d.skip_value()
                }
                // An envelope key that is a member too (`message`): its string is recorded as the
                // member's decoder reads it.
                Some(member) if Envelope::wants(protocol, &key) => {
                    let mut tap = Tap {
                        inner: d,
                        string: None,
                    };
                    consumer(member, &mut tap)?;
                    if let Some(value) = tap.string {
                        envelope.record(protocol, &key, value);
                    }
                    Ok(())
                }
                Some(member) => consumer(member, d),
                None => {
                    if !envelope.capture(protocol, &key, d)? {
                        d.skip_value()?;
                    }
                    Ok(())
                }
            }
        })
    }

    fn read_list(
        &mut self,
        _: &Schema<'_>,
        _: &mut dyn FnMut(&mut dyn ShapeDeserializer) -> Result<(), SerdeError>,
    ) -> Result<(), SerdeError> {
        Err(SerdeError::type_mismatch(NOT_A_STRUCTURE))
    }

    fn read_map(
        &mut self,
        _: &Schema<'_>,
        _: &mut dyn FnMut(String, &mut dyn ShapeDeserializer) -> Result<(), SerdeError>,
    ) -> Result<(), SerdeError> {
        Err(SerdeError::type_mismatch(NOT_A_STRUCTURE))
    }

    scalar_readers!(refuse);

    fn read_string(&mut self, _: &Schema<'_>) -> Result<String, SerdeError> {
        Err(SerdeError::type_mismatch(NOT_A_STRUCTURE))
    }

    fn is_null(&self) -> bool {
        false
    }

    fn container_size(&self) -> Option<usize> {
        None
    }
}

/// Passes every read through to `inner`, keeping a copy of a string read at the top.
struct Tap<'d> {
    inner: &'d mut dyn ShapeDeserializer,
    string: Option<String>,
}

macro_rules! forward {
    ($($name:ident -> $ty:ty;)*) => {$(
        fn $name(&mut self, schema: &Schema<'_>) -> Result<$ty, SerdeError> {
            self.inner.$name(schema)
        }
    )*};
}

impl ShapeDeserializer for Tap<'_> {
    fn read_struct(
        &mut self,
        schema: &Schema<'_>,
        consumer: &mut dyn FnMut(&Schema<'_>, &mut dyn ShapeDeserializer) -> Result<(), SerdeError>,
    ) -> Result<(), SerdeError> {
        self.inner.read_struct(schema, consumer)
    }

    fn read_list(
        &mut self,
        schema: &Schema<'_>,
        consumer: &mut dyn FnMut(&mut dyn ShapeDeserializer) -> Result<(), SerdeError>,
    ) -> Result<(), SerdeError> {
        self.inner.read_list(schema, consumer)
    }

    fn read_map(
        &mut self,
        schema: &Schema<'_>,
        consumer: &mut dyn FnMut(String, &mut dyn ShapeDeserializer) -> Result<(), SerdeError>,
    ) -> Result<(), SerdeError> {
        self.inner.read_map(schema, consumer)
    }

    fn read_string(&mut self, schema: &Schema<'_>) -> Result<String, SerdeError> {
        let value = self.inner.read_string(schema)?;
        self.string = Some(value.clone());
        Ok(value)
    }

    scalar_readers!(forward);

    fn is_null(&self) -> bool {
        self.inner.is_null()
    }

    fn read_null(&mut self) -> Result<(), SerdeError> {
        self.inner.read_null()
    }

    fn skip_value(&mut self) -> Result<(), SerdeError> {
        self.inner.skip_value()
    }

    fn container_size(&self) -> Option<usize> {
        self.inner.container_size()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::shape_id;
    use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
    use aws_smithy_runtime_api::http::StatusCode;
    use aws_smithy_types::body::SdkBody;

    static REASON: Schema<'static> =
        Schema::new_member(shape_id!("test", "Oops"), ShapeType::String, "reason", 0)
            .with_json_name("Why");
    static MESSAGE: Schema<'static> =
        Schema::new_member(shape_id!("test", "Oops"), ShapeType::String, "message", 1);
    static OOPS: Schema<'static> = Schema::new_struct(
        shape_id!("test", "Oops"),
        ShapeType::Structure,
        &[&REASON, &MESSAGE],
    );

    #[derive(Debug, Default, PartialEq)]
    struct Oops {
        reason: Option<String>,
        message: Option<String>,
    }

    impl DeserializeShape for Oops {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Oops::default();
            d.read_struct(&OOPS, &mut |member, d| {
                match member.member_index() {
                    Some(0) => out.reason = Some(d.read_string(member)?),
                    Some(1) => out.message = Some(d.read_string(member)?),
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }

    fn response(headers: &[(&str, &str)], body: &str) -> HttpResponse {
        let mut r = HttpResponse::new(
            StatusCode::try_from(400).unwrap(),
            SdkBody::from(body.to_owned()),
        );
        for (k, v) in headers {
            r.headers_mut().append(k.to_string(), v.to_string());
        }
        r
    }

    fn read(protocol: Protocol, r: &HttpResponse) -> (String, ErrorBody<'_>) {
        ErrorBody::read(protocol, false, &Response::new(r, protocol))
    }

    const AWS_JSON: Protocol = Protocol::AwsJson1_0 { target_prefix: "P" };

    #[test]
    fn the_look_for_the_code_stops_at_type_and_the_decode_reads_everything() {
        let r = response(
            &[],
            r#"{"Why":"w0", "__type":"ns#Oops:x", "message":"m", "reason":"r", "junk":[1,{"a":[]}]}"#,
        );
        let (code, mut body) = read(Protocol::RestJson1, &r);
        assert_eq!(code, "Oops");
        // The look stopped at `__type`: the message after it is not known yet.
        assert!(matches!(body.progress, Progress::Partly));
        assert!(body.envelope.message.is_none());
        let oops: Oops = body.decode().unwrap();
        // restJson1 honours @jsonName: `Why` is the member, `reason` is not.
        assert_eq!(
            oops,
            Oops {
                reason: Some("w0".into()),
                message: Some("m".into())
            }
        );
        let meta = body.into_meta();
        assert_eq!((meta.code(), meta.message()), (Some("Oops"), Some("m")));
    }

    #[test]
    fn aws_json_ignores_json_name_and_prefers_type_over_code() {
        let r = response(
            &[],
            r#"{"code":"FromCode","reason":"r","Why":"w","__type":"FromType","Message":"M"}"#,
        );
        let (code, mut body) = read(AWS_JSON, &r);
        assert_eq!(code, "FromType");
        let oops: Oops = body.decode().unwrap();
        assert_eq!(
            oops,
            Oops {
                reason: Some("r".into()),
                message: None
            }
        );
        assert_eq!(body.into_meta().message(), Some("M"));
    }

    #[test]
    fn a_header_code_needs_no_look_and_the_message_comes_from_the_decode_or_the_skim() {
        let r = response(
            &[("x-amzn-errortype", "FromHeader")],
            r#"{"errorMessage":"e","message":"m"}"#,
        );
        let (code, body) = read(Protocol::RestJson1, &r);
        assert_eq!(code, "FromHeader");
        assert!(matches!(body.progress, Progress::Partly));
        assert!(body.envelope.code.is_none() && body.envelope.message.is_none());
        // Unknown code: the skim finds the preferred message key.
        assert_eq!(body.into_meta().message(), Some("m"));
    }

    #[test]
    fn the_plain_protocol_reads_its_code_while_decoding() {
        let r = response(
            &[],
            r#"{"errorMessage":"bad","errorType":"ValidationError","code":7}"#,
        );
        let (code, mut body) = read(Protocol::PlainRestJson, &r);
        assert_eq!(code, "");
        let _: Oops = body.decode().unwrap();
        let meta = body.into_meta();
        assert_eq!(
            (meta.code(), meta.message()),
            (Some("ValidationError"), Some("bad"))
        );
    }

    #[test]
    fn bodies_that_are_not_objects_or_are_malformed_fail_the_decode_but_keep_the_metadata() {
        for text in ["", "  \n"] {
            let r = response(&[], text);
            let (code, mut body) = read(AWS_JSON, &r);
            assert_eq!(code, "");
            assert_eq!(body.decode::<Oops>().unwrap(), Oops::default());
        }
        for text in [
            "[1]",
            "nope",
            "{\"__type\":",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1,}",
            "{\"a\"}",
            "\"s\"",
        ] {
            let r = response(&[("x-amzn-requestid", "rid")], text);
            let (_, mut body) = read(AWS_JSON, &r);
            assert!(body.decode::<Oops>().is_err(), "{text}");
            let meta = body.into_meta();
            assert_eq!(meta.extra(REQUEST_ID_KEY), Some("rid"), "{text}");
            assert_eq!(meta.extra(HTTP_STATUS_KEY), Some("400"), "{text}");
        }
        // A fault after the code: the code still selects the error, whose decode then fails.
        let r = response(&[], r#"{"__type":"Oops","message":"m","reason":tru"#);
        let (code, mut body) = read(AWS_JSON, &r);
        assert_eq!(code, "Oops");
        assert!(body.decode::<Oops>().is_err());
        assert_eq!(body.into_meta().message(), Some("m"));
    }

    #[test]
    fn nulls_are_skipped_and_non_string_envelope_values_ignored() {
        let r = response(
            &[],
            r#"{"__type":{"x":1},"code":"C","message":null,"reason":null}"#,
        );
        let (code, mut body) = read(AWS_JSON, &r);
        assert_eq!(code, "C");
        assert_eq!(body.decode::<Oops>().unwrap(), Oops::default());
        assert_eq!(body.into_meta().message(), None);
    }
}
