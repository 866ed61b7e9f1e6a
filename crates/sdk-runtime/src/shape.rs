//! Support for the data types generated crates define: union decoding, the few JSON forms serde
//! has no adapter for, zero values of required members, and decoding of modeled errors.

use ::serde::de::{Deserializer, Error as _};
use ::serde::ser::{SerializeMap, Serializer};
use ::serde::{Deserialize, Serialize};
use aws_smithy_types::error::ErrorMetadata;

use crate::error::Unhandled;
use crate::response::Response;
use crate::serde::{DeserializeAs, SerializeAs};

/// Reads a union's JSON object: the one member that is set, ignoring `null` members and the
/// `__type` key some services add. `None` when no member is set (the union is then `Unknown`).
pub fn union_entry<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<(String, serde_json::Value)>, D::Error> {
    let object = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
    let mut set = object
        .into_iter()
        .filter(|(k, v)| !v.is_null() && k != "__type");
    let first = set.next();
    if let Some((extra, _)) = set.next() {
        return Err(D::Error::custom(format!(
            "a union must have exactly one member set, found a second one: `{extra}`"
        )));
    }
    Ok(first)
}

/// Decodes one union member's value through marker `M`.
pub fn union_value<'de, T, M, D>(value: serde_json::Value) -> Result<T, D::Error>
where
    M: DeserializeAs<'static, T>,
    D: Deserializer<'de>,
{
    M::deserialize_as(value).map_err(D::Error::custom)
}

/// The value of a union member that targets `smithy.api#Unit`: written as `{}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unit;

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_map(Some(0))?.end()
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Unit)
    }
}

/// Marker: a `bigInteger` / `bigDecimal` kept as its decimal text, written as a JSON number.
pub struct BigNumber;

impl SerializeAs<String> for BigNumber {
    fn serialize_as<S: Serializer>(v: &String, s: S) -> Result<S::Ok, S::Error> {
        let number: serde_json::Number = v
            .parse()
            .map_err(|_| ::serde::ser::Error::custom(format!("`{v}` is not a number")))?;
        number.serialize(s)
    }
}

impl<'de> DeserializeAs<'de, String> for BigNumber {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Number(n) => Ok(n.to_string()),
            serde_json::Value::String(s) => Ok(s),
            other => Err(D::Error::custom(format!(
                "expected a number, found {other}"
            ))),
        }
    }
}

pub use crate::error::ModeledError;

/// Decodes the body as the modeled error `T` and wraps it with `variant`; a body that does not
/// decode becomes the unhandled variant, keeping the metadata and the decode error as its source.
pub fn modeled_error<T: ModeledError, E: From<Unhandled>>(
    resp: &Response<'_>,
    meta: ErrorMetadata,
    variant: fn(T) -> E,
) -> E {
    let meta = if T::SENSITIVE_MESSAGE {
        crate::error::redact_message(meta)
    } else {
        meta
    };
    let decoded = resp
        .json::<T>()
        .and_then(|mut error| error.read_headers(resp).map(|()| error));
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
    use crate::serde::As;
    use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
    use aws_smithy_runtime_api::http::StatusCode;
    use aws_smithy_types::body::SdkBody;

    #[test]
    fn union_entry_accepts_exactly_one_member() {
        let mut d = serde_json::Deserializer::from_str(r#"{"a": 1, "b": null, "__type": "X"}"#);
        let entry = union_entry(&mut d).unwrap();
        assert_eq!(entry, Some(("a".to_owned(), serde_json::json!(1))));
        let mut d = serde_json::Deserializer::from_str(r#"{"a": 1, "b": 2}"#);
        assert!(union_entry(&mut d).is_err());
        let mut d = serde_json::Deserializer::from_str(r#"{}"#);
        assert_eq!(union_entry(&mut d).unwrap(), None);
        let mut d = serde_json::Deserializer::from_str(r#"[1]"#);
        assert!(union_entry(&mut d).is_err());
    }

    #[test]
    fn unit_and_big_numbers() {
        assert_eq!(serde_json::to_string(&Unit).unwrap(), "{}");
        assert_eq!(serde_json::from_str::<Unit>(r#"{"x": 1}"#).unwrap(), Unit);

        #[derive(Serialize, Deserialize)]
        struct Big {
            #[serde(with = "As::<BigNumber>")]
            n: String,
        }
        let b: Big = serde_json::from_str(r#"{"n": 12345678901234567890}"#).unwrap();
        assert_eq!(b.n, "12345678901234567890");
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"n":12345678901234567890}"#
        );
        assert!(serde_json::from_str::<Big>(r#"{"n": true}"#).is_err());
        let bad = Big { n: "abc".into() };
        assert!(serde_json::to_string(&bad).is_err());
    }

    #[derive(Debug, Deserialize)]
    struct Oops {
        message: Option<String>,
        #[serde(skip)]
        meta: ErrorMetadata,
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
        let meta = ErrorMetadata::builder().code("Oops").build();
        let ok = HttpResponse::new(
            StatusCode::try_from(400).unwrap(),
            SdkBody::from(r#"{"message":"m"}"#),
        );
        match modeled_error(&Response::new(&ok), meta.clone(), OpError::Oops) {
            OpError::Oops(e) => {
                assert_eq!(e.message.as_deref(), Some("m"));
                assert_eq!(e.meta.code(), Some("Oops"));
            }
            other => panic!("expected Oops, got {other:?}"),
        }
        let bad = HttpResponse::new(StatusCode::try_from(400).unwrap(), SdkBody::from("nope"));
        assert!(matches!(
            modeled_error(&Response::new(&bad), meta, OpError::Oops),
            OpError::Unhandled(_)
        ));
    }
}

/// The value a `@required` member takes when a response leaves it out ("error correction", as
/// the Smithy spec asks clients to do): empty strings and collections, zero, false, the epoch.
pub trait ZeroValue {
    /// The zero value.
    fn zero_value() -> Self;
}

macro_rules! zero_values {
    ($($t:ty => $v:expr),* $(,)?) => {
        $(impl ZeroValue for $t {
            fn zero_value() -> Self {
                $v
            }
        })*
    };
}

zero_values!(
    String => String::new(),
    bool => false,
    i8 => 0,
    i16 => 0,
    i32 => 0,
    i64 => 0,
    f32 => 0.0,
    f64 => 0.0,
    aws_smithy_types::Blob => aws_smithy_types::Blob::new(Vec::new()),
    aws_smithy_types::DateTime => aws_smithy_types::DateTime::from_secs(0),
    aws_smithy_types::Document => aws_smithy_types::Document::Null,
);

impl<T> ZeroValue for Vec<T> {
    fn zero_value() -> Self {
        Vec::new()
    }
}

impl<T> ZeroValue for std::collections::HashMap<String, T> {
    fn zero_value() -> Self {
        std::collections::HashMap::new()
    }
}

impl<T: ZeroValue> ZeroValue for Box<T> {
    fn zero_value() -> Self {
        Box::new(T::zero_value())
    }
}
