//! Shape schemas and the JSON codecs that read and write shapes through them.
//!
//! Every generated shape describes itself once, as data: a static [`Schema`] (member names, wire
//! names, timestamp formats, sensitivity) built with the `const` constructors of the smithy-rs
//! crate `aws-smithy-schema`. Its code is a small, format-independent pair: a
//! [`SerializableStruct`] impl that hands each set member to a [`ShapeSerializer`], and a
//! [`DeserializeShape`] impl that reads members from a [`ShapeDeserializer`]. The wire format is
//! the codec's business: this module owns the JSON codecs of the JSON protocols (from
//! `aws-smithy-json`), so a generated crate never names a format.
//!
//! The helpers below ([`write_list`], [`read_map`], ...) are what generated code calls for
//! collections, so that it stays one line per member. Lists and maps skip `null` entries unless
//! they are sparse, as the Smithy JSON protocols specify.

use std::collections::HashMap;
use std::sync::LazyLock;

use aws_smithy_json::codec::{JsonCodec, JsonCodecSettings};
use aws_smithy_schema::codec::Codec;
use aws_smithy_types::date_time::Format;

pub use aws_smithy_schema::serde::{
    SerdeError, SerializableStruct, ShapeDeserializer, ShapeSerializer,
};
pub use aws_smithy_schema::traits::TimestampFormat;
pub use aws_smithy_schema::{Schema, ShapeId, ShapeType, prelude, shape_id};

use crate::spec::Protocol;

/// A shape that can be read from any codec's [`ShapeDeserializer`].
pub trait DeserializeShape: Sized {
    /// Reads one value of this shape; the deserializer is positioned on it.
    fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError>;
}

/// The JSON codec of a protocol: restJson1 (and the plain REST flavour) honour `@jsonName`,
/// awsJson1_0 / 1_1 ignore it; both default to epoch-seconds timestamps.
pub(crate) fn json_codec(protocol: Protocol) -> &'static JsonCodec {
    static REST: LazyLock<JsonCodec> = LazyLock::new(|| codec(true));
    static RPC: LazyLock<JsonCodec> = LazyLock::new(|| codec(false));
    fn codec(use_json_name: bool) -> JsonCodec {
        JsonCodec::new(
            JsonCodecSettings::builder()
                .use_json_name(use_json_name)
                .default_timestamp_format(Format::EpochSeconds)
                .build(),
        )
    }
    if protocol.honours_json_name() {
        &REST
    } else {
        &RPC
    }
}

/// Writes `value` as a JSON document in the form `protocol` uses.
pub fn to_json(protocol: Protocol, value: &dyn SerializableStruct) -> Result<Vec<u8>, SerdeError> {
    let mut serializer = json_codec(protocol).create_serializer();
    serializer.write_struct(value.schema(), value)?;
    Ok(serializer.finish())
}

/// Reads a `T` from a JSON document in the form `protocol` uses; an empty body reads as `{}`.
pub fn from_json<T: DeserializeShape>(protocol: Protocol, body: &[u8]) -> Result<T, SerdeError> {
    let mut deserializer = json_codec(protocol).create_deserializer(body);
    T::deserialize(&mut deserializer)
}

/// Writes a document (any JSON value) as a JSON text.
pub fn document_to_json(document: &aws_smithy_types::Document) -> Result<Vec<u8>, SerdeError> {
    let mut serializer = json_codec(Protocol::RestJson1).create_serializer();
    serializer.write_document(&prelude::DOCUMENT, document)?;
    Ok(serializer.finish())
}

/// Reads a document (any JSON value) from a JSON text.
pub fn document_from_json(body: &[u8]) -> Result<aws_smithy_types::Document, SerdeError> {
    let mut deserializer = json_codec(Protocol::RestJson1).create_deserializer(body);
    deserializer.read_document(&prelude::DOCUMENT)
}

/// Writes a list member: `write` writes one item with the list's member schema.
pub fn write_list<T>(
    s: &mut dyn ShapeSerializer,
    schema: &Schema<'_>,
    items: &[T],
    write: &dyn Fn(&mut dyn ShapeSerializer, &T) -> Result<(), SerdeError>,
) -> Result<(), SerdeError> {
    s.write_list_with_length(schema, items.len(), &|s| {
        items.iter().try_for_each(|item| write(s, item))
    })
}

/// Writes a `@sparse` list member: unset items are written as `null`.
pub fn write_sparse_list<T>(
    s: &mut dyn ShapeSerializer,
    schema: &Schema<'_>,
    item_schema: &Schema<'_>,
    items: &[Option<T>],
    write: &dyn Fn(&mut dyn ShapeSerializer, &T) -> Result<(), SerdeError>,
) -> Result<(), SerdeError> {
    s.write_list_with_length(schema, items.len(), &|s| {
        items.iter().try_for_each(|item| match item {
            Some(item) => write(s, item),
            None => s.write_null(item_schema),
        })
    })
}

/// A map key: a string, or a string enum (written and read as its value).
pub trait MapKey: Eq + std::hash::Hash + Sized {
    /// The key as it goes on the wire.
    fn as_key(&self) -> &str;
    /// The key read from the wire.
    fn from_key(key: String) -> Self;
}

impl MapKey for String {
    fn as_key(&self) -> &str {
        self
    }
    fn from_key(key: String) -> Self {
        key
    }
}

/// Writes a map member: each key with the map's key schema, each value with `write`.
pub fn write_map<K: MapKey, T>(
    s: &mut dyn ShapeSerializer,
    schema: &Schema<'_>,
    key_schema: &Schema<'_>,
    entries: &HashMap<K, T>,
    write: &dyn Fn(&mut dyn ShapeSerializer, &T) -> Result<(), SerdeError>,
) -> Result<(), SerdeError> {
    s.write_map_with_length(schema, entries.len(), &|s| {
        entries.iter().try_for_each(|(key, value)| {
            s.write_string(key_schema, key.as_key())?;
            write(s, value)
        })
    })
}

/// Writes a `@sparse` map member: unset values are written as `null`.
pub fn write_sparse_map<K: MapKey, T>(
    s: &mut dyn ShapeSerializer,
    schema: &Schema<'_>,
    key_schema: &Schema<'_>,
    value_schema: &Schema<'_>,
    entries: &HashMap<K, Option<T>>,
    write: &dyn Fn(&mut dyn ShapeSerializer, &T) -> Result<(), SerdeError>,
) -> Result<(), SerdeError> {
    s.write_map_with_length(schema, entries.len(), &|s| {
        entries.iter().try_for_each(|(key, value)| {
            s.write_string(key_schema, key.as_key())?;
            match value {
                Some(value) => write(s, value),
                None => s.write_null(value_schema),
            }
        })
    })
}

// Lists and maps grow as they are read, with no `container_size()` hint: the JSON codec answers
// it by tokenizing the whole container ahead of the read, which doubled the decoding work of a
// large list (and more for nested ones).

/// Reads a list; `null` items are skipped.
pub fn read_list<T>(
    d: &mut dyn ShapeDeserializer,
    schema: &Schema<'_>,
    read: &dyn Fn(&mut dyn ShapeDeserializer) -> Result<T, SerdeError>,
) -> Result<Vec<T>, SerdeError> {
    let mut items = Vec::new();
    d.read_list(schema, &mut |d| {
        if d.is_null() {
            d.read_null()
        } else {
            items.push(read(d)?);
            Ok(())
        }
    })?;
    Ok(items)
}

/// Reads a `@sparse` list; `null` items are kept as `None`.
pub fn read_sparse_list<T>(
    d: &mut dyn ShapeDeserializer,
    schema: &Schema<'_>,
    read: &dyn Fn(&mut dyn ShapeDeserializer) -> Result<T, SerdeError>,
) -> Result<Vec<Option<T>>, SerdeError> {
    let mut items = Vec::new();
    d.read_list(schema, &mut |d| {
        if d.is_null() {
            d.read_null()?;
            items.push(None);
        } else {
            items.push(Some(read(d)?));
        }
        Ok(())
    })?;
    Ok(items)
}

/// Reads a map; entries with a `null` value are skipped.
pub fn read_map<K: MapKey, T>(
    d: &mut dyn ShapeDeserializer,
    schema: &Schema<'_>,
    read: &dyn Fn(&mut dyn ShapeDeserializer) -> Result<T, SerdeError>,
) -> Result<HashMap<K, T>, SerdeError> {
    let mut entries = HashMap::new();
    d.read_map(schema, &mut |key, d| {
        if d.is_null() {
            d.read_null()
        } else {
            entries.insert(K::from_key(key), read(d)?);
            Ok(())
        }
    })?;
    Ok(entries)
}

/// Reads a `@sparse` map; `null` values are kept as `None`.
pub fn read_sparse_map<K: MapKey, T>(
    d: &mut dyn ShapeDeserializer,
    schema: &Schema<'_>,
    read: &dyn Fn(&mut dyn ShapeDeserializer) -> Result<T, SerdeError>,
) -> Result<HashMap<K, Option<T>>, SerdeError> {
    let mut entries = HashMap::new();
    d.read_map(schema, &mut |key, d| {
        let value = if d.is_null() {
            d.read_null()?;
            None
        } else {
            Some(read(d)?)
        };
        entries.insert(K::from_key(key), value);
        Ok(())
    })?;
    Ok(entries)
}

/// Writes a `bigInteger` / `bigDecimal` member kept as its decimal text; text that is not a
/// number is an error, never invalid JSON.
pub fn write_big_number(
    s: &mut dyn ShapeSerializer,
    schema: &Schema<'_>,
    value: &str,
) -> Result<(), SerdeError> {
    let invalid = || SerdeError::custom(format!("`{value}` is not a number"));
    if schema.shape_type() == ShapeType::BigInteger {
        let value = value.parse().map_err(|_| invalid())?;
        s.write_big_integer(schema, &value)
    } else {
        let value = value.parse().map_err(|_| invalid())?;
        s.write_big_decimal(schema, &value)
    }
}

/// Reads a `bigInteger` / `bigDecimal` member as its decimal text.
pub fn read_big_number(
    d: &mut dyn ShapeDeserializer,
    schema: &Schema<'_>,
) -> Result<String, SerdeError> {
    Ok(if schema.shape_type() == ShapeType::BigInteger {
        d.read_big_integer(schema)?.as_ref().to_owned()
    } else {
        d.read_big_decimal(schema)?.as_ref().to_owned()
    })
}

/// Reads a structure whose members all go through `read_member`; unknown members are skipped.
pub fn read_struct(
    d: &mut dyn ShapeDeserializer,
    schema: &Schema<'_>,
    read_member: &mut dyn FnMut(&Schema<'_>, &mut dyn ShapeDeserializer) -> Result<(), SerdeError>,
) -> Result<(), SerdeError> {
    d.read_struct(schema, read_member)
}

#[cfg(test)]
mod tests {
    use super::*;

    static NAME: Schema<'static> =
        Schema::new_member(shape_id!("test", "Pair"), ShapeType::String, "name", 0)
            .with_json_name("Name");
    static TAGS: Schema<'static> =
        Schema::new_member(shape_id!("test", "Pair"), ShapeType::List, "tags", 1)
            .with_list_member(&TAG);
    static TAG: Schema<'static> = Schema::new_member(
        shape_id!("test", "Pair$tags"),
        ShapeType::String,
        "member",
        0,
    );
    static PAIR: Schema<'static> = Schema::new_struct(
        shape_id!("test", "Pair"),
        ShapeType::Structure,
        &[&NAME, &TAGS],
    );

    #[derive(Debug, Default, PartialEq)]
    struct Pair {
        name: Option<String>,
        tags: Option<Vec<String>>,
    }

    impl SerializableStruct for Pair {
        fn schema(&self) -> &Schema<'_> {
            &PAIR
        }
        fn serialize_members(&self, s: &mut dyn ShapeSerializer) -> Result<(), SerdeError> {
            if let Some(v) = &self.name {
                s.write_string(&NAME, v)?;
            }
            if let Some(v) = &self.tags {
                write_list(s, &TAGS, v, &|s, v| s.write_string(&TAG, v))?;
            }
            Ok(())
        }
    }

    impl DeserializeShape for Pair {
        fn deserialize(d: &mut dyn ShapeDeserializer) -> Result<Self, SerdeError> {
            let mut out = Self::default();
            read_struct(d, &PAIR, &mut |member, d| {
                match member.member_index() {
                    Some(0) => out.name = Some(d.read_string(member)?),
                    Some(1) => out.tags = Some(read_list(d, member, &|d| d.read_string(&TAG))?),
                    _ => d.skip_value()?,
                }
                Ok(())
            })?;
            Ok(out)
        }
    }

    #[test]
    fn json_names_follow_the_protocol_and_nulls_are_skipped() {
        let pair = Pair {
            name: Some("a".into()),
            tags: Some(vec!["x".into(), "y".into()]),
        };
        let rest = to_json(Protocol::RestJson1, &pair).unwrap();
        assert_eq!(rest, br#"{"Name":"a","tags":["x","y"]}"#);
        let rpc = to_json(Protocol::AwsJson1_0 { target_prefix: "T" }, &pair).unwrap();
        assert_eq!(rpc, br#"{"name":"a","tags":["x","y"]}"#);

        let read: Pair = from_json(
            Protocol::RestJson1,
            br#"{"Name":"a","tags":["x",null,"y"],"other":{"deep":[1]}}"#,
        )
        .unwrap();
        assert_eq!(read, pair);
        assert_eq!(
            from_json::<Pair>(Protocol::RestJson1, b"").unwrap(),
            Pair::default()
        );
        assert!(from_json::<Pair>(Protocol::RestJson1, br#"{"Name":1}"#).is_err());
        assert!(from_json::<Pair>(Protocol::RestJson1, br#"{"Name":"a""#).is_err());
    }

    #[test]
    fn big_numbers_keep_their_text_and_reject_garbage() {
        static BIG: Schema<'static> =
            Schema::new_member(shape_id!("test", "B"), ShapeType::BigInteger, "n", 0);
        let mut s = json_codec(Protocol::RestJson1).create_serializer();
        s.write_list(&prelude::DOCUMENT, &|s| {
            write_big_number(s, &BIG, "12345678901234567890123")
        })
        .unwrap();
        assert_eq!(s.finish(), b"[12345678901234567890123]");
        let mut s = json_codec(Protocol::RestJson1).create_serializer();
        assert!(write_big_number(&mut s, &BIG, "12a").is_err());
        let mut d = json_codec(Protocol::RestJson1).create_deserializer(b"98765432109876543210");
        assert_eq!(
            read_big_number(&mut d, &BIG).unwrap(),
            "98765432109876543210"
        );
    }
}
