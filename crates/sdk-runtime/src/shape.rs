//! Support for the data types generated crates define: the unit value of union members and
//! the decoding of modeled errors.

use crate::error::Unhandled;
use crate::response::ErrorBody;
use crate::schema::{
    DeserializeShape, Schema, SerdeError, SerializableStruct, ShapeDeserializer, ShapeSerializer,
    ShapeType, shape_id,
};

/// The value of a union member that targets `smithy.api#Unit`: written as `{}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unit;

static UNIT_SCHEMA: Schema<'static> =
    Schema::new_struct(shape_id!("smithy.api", "Unit"), ShapeType::Structure, &[]);

impl SerializableStruct for Unit {
    fn schema(&self) -> &Schema<'_> {
        &UNIT_SCHEMA
    }
    fn serialize_members(&self, _: &mut dyn ShapeSerializer) -> Result<(), SerdeError> {
        Ok(())
    }
}

impl DeserializeShape for Unit {
    fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
        d.read_struct(&UNIT_SCHEMA, &mut |_, d| d.skip_value())?;
        Ok(Unit)
    }
}

pub use crate::error::ModeledError;

/// Decodes the error body as the modeled error `T` (and its header-bound members) and wraps it
/// with `variant`; a body that does not decode becomes the unhandled variant, keeping the
/// metadata and the decode error as its source.
pub fn modeled_error<T: ModeledError, E: From<Unhandled>>(
    mut body: ErrorBody<'_>,
    variant: fn(T) -> E,
) -> E {
    let resp = *body.response();
    let decoded = body
        .decode::<T>()
        .and_then(|mut error| error.read_headers(&resp).map(|()| error));
    let meta = body.into_meta();
    let meta = if T::SENSITIVE_MESSAGE {
        crate::error::redact_message(meta)
    } else {
        meta
    };
    match decoded {
        Ok(mut error) => {
            error.set_meta(meta);
            variant(error)
        }
        Err(e) => E::from(Unhandled::new(meta).with_source(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Protocol;
    use crate::response::Response;
    use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
    use aws_smithy_runtime_api::http::StatusCode;
    use aws_smithy_types::body::SdkBody;
    use aws_smithy_types::error::ErrorMetadata;

    #[test]
    fn unit_is_an_empty_object() {
        assert_eq!(
            crate::schema::to_json(Protocol::RestJson1, &Unit).unwrap(),
            b"{}"
        );
        let read: Unit = crate::schema::from_json(Protocol::RestJson1, br#"{"x": [1]}"#).unwrap();
        assert_eq!(read, Unit);
    }

    static OOPS_MESSAGE: Schema<'static> =
        Schema::new_member(shape_id!("test", "Oops"), ShapeType::String, "message", 0);
    static OOPS: Schema<'static> = Schema::new_struct(
        shape_id!("test", "Oops"),
        ShapeType::Structure,
        &[&OOPS_MESSAGE],
    );

    #[derive(Debug, Default)]
    struct Oops {
        message: Option<String>,
        meta: ErrorMetadata,
    }

    impl DeserializeShape for Oops {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Oops::default();
            d.read_struct(&OOPS, &mut |member, d| {
                match member.member_index() {
                    Some(0) => out.message = Some(d.read_string(member)?),
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }

    impl ModeledError for Oops {
        fn set_meta(&mut self, meta: ErrorMetadata) {
            self.meta = meta;
        }
    }

    #[derive(Debug)]
    enum OpError {
        Oops(Oops),
        Unhandled(#[allow(dead_code)] Unhandled),
    }

    impl From<Unhandled> for OpError {
        fn from(u: Unhandled) -> Self {
            Self::Unhandled(u)
        }
    }

    #[test]
    fn modeled_error_decodes_or_falls_back() {
        let ok = HttpResponse::new(
            StatusCode::try_from(400).unwrap(),
            SdkBody::from(r#"{"__type":"Oops","message":"m"}"#),
        );
        let (code, body) = ErrorBody::read(
            Protocol::RestJson1,
            false,
            &Response::new(&ok, Protocol::RestJson1),
        );
        assert_eq!(code, "Oops");
        match modeled_error(body, OpError::Oops) {
            OpError::Oops(e) => {
                assert_eq!(e.message.as_deref(), Some("m"));
                assert_eq!(e.meta.code(), Some("Oops"));
                assert_eq!(e.meta.message(), Some("m"));
            }
            other => panic!("expected Oops, got {other:?}"),
        }
        let bad = HttpResponse::new(StatusCode::try_from(400).unwrap(), SdkBody::from("nope"));
        let (_, body) = ErrorBody::read(
            Protocol::RestJson1,
            false,
            &Response::new(&bad, Protocol::RestJson1),
        );
        assert!(matches!(
            modeled_error(body, OpError::Oops),
            OpError::Unhandled(_)
        ));
    }
}
