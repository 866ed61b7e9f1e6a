//! JSON serde adapters for Smithy types and the JSON protocol rules.
//!
//! Generated types derive `serde::Serialize` / `serde::Deserialize`. Members whose Rust type has no
//! serde support of its own (timestamps, blobs, documents) or whose JSON form differs from serde's
//! default (non-finite floats, non-sparse collections that skip `null`) name a *marker* type through
//! [`As`]:
//!
//! ```
//! use aws_smithy_types::DateTime;
//!
//! #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
//! struct Session {
//!     #[serde(
//!         default,
//!         skip_serializing_if = "::std::option::Option::is_none",
//!         with = "::sdk_runtime::serde::As::<::std::option::Option<::sdk_runtime::serde::EpochSeconds>>"
//!     )]
//!     created_at: Option<DateTime>,
//! }
//!
//! let s: Session = serde_json::from_str(r#"{"created_at": 1515531081.5}"#).unwrap();
//! assert_eq!(s.created_at, Some(DateTime::from_secs_and_nanos(1515531081, 500_000_000)));
//! assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"created_at":1515531081.5}"#);
//! ```
//!
//! Markers and the Rust types they adapt:
//!
//! | marker | Rust type | JSON |
//! |---|---|---|
//! | [`Same`] | any `T: Serialize + Deserialize` | serde's own form |
//! | [`DateTime`] | [`aws_smithy_types::DateTime`] | RFC 3339 string (offsets accepted on read) |
//! | [`EpochSeconds`] | [`aws_smithy_types::DateTime`] | number, fractional seconds allowed |
//! | [`HttpDate`] | [`aws_smithy_types::DateTime`] | IMF-fixdate string |
//! | [`Base64`] | [`aws_smithy_types::Blob`] | standard base64 string |
//! | [`Doc`] | [`aws_smithy_types::Document`] | any JSON value |
//! | [`Float`] | `f32`, `f64` | number, or `"NaN"`, `"Infinity"`, `"-Infinity"` |
//! | [`List<M>`] | `Vec<T>` | array; `null` elements skipped on read |
//! | [`SparseList<M>`] | `Vec<Option<T>>` | array; `null` elements kept |
//! | [`Map<M>`] | `HashMap<String, T>` | object; `null` values skipped on read, keys written sorted |
//! | [`SparseMap<M>`] | `HashMap<String, Option<T>>` | object; `null` values kept |
//! | `Option<M>` | `Option<T>` | `null` or absent is `None` |

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use ::serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use ::serde::ser::{SerializeMap, SerializeSeq, Serializer};
use ::serde::{Deserialize, Serialize};
use aws_smithy_types::date_time::Format;
use aws_smithy_types::{Blob, DateTime as SmithyDateTime, Document, Number};

/// Serialises a `T` in the way described by the implementing marker type.
pub trait SerializeAs<T: ?Sized> {
    /// Serialises `v` with `s`.
    fn serialize_as<S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error>;
}

/// Deserialises a `T` in the way described by the implementing marker type.
pub trait DeserializeAs<'de, T>: Sized {
    /// Deserialises a `T` from `d`.
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<T, D::Error>;
}

/// Entry point for `#[serde(with = "::sdk_runtime::serde::As::<Marker>")]`.
pub struct As<M: ?Sized>(PhantomData<M>);

impl<M: ?Sized> As<M> {
    /// Serialises `v` as described by the marker `M`.
    pub fn serialize<S, T>(v: &T, s: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
        T: ?Sized,
        M: SerializeAs<T>,
    {
        M::serialize_as(v, s)
    }

    /// Deserialises a `T` as described by the marker `M`.
    pub fn deserialize<'de, D, T>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        M: DeserializeAs<'de, T>,
    {
        M::deserialize_as(d)
    }
}

/// Adapts a borrowed value so that it serialises through marker `M` (useful inside containers).
pub struct SerializeAsWrap<'a, T: ?Sized, M: ?Sized> {
    value: &'a T,
    marker: PhantomData<M>,
}

impl<'a, T: ?Sized, M: ?Sized> SerializeAsWrap<'a, T, M> {
    /// Wraps `value`.
    pub fn new(value: &'a T) -> Self {
        Self {
            value,
            marker: PhantomData,
        }
    }
}

impl<T: ?Sized, M: ?Sized + SerializeAs<T>> Serialize for SerializeAsWrap<'_, T, M> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        M::serialize_as(self.value, s)
    }
}

/// A value deserialised through marker `M` (useful inside containers).
pub struct DeserializeAsWrap<T, M> {
    value: T,
    marker: PhantomData<M>,
}

impl<T, M> DeserializeAsWrap<T, M> {
    /// Returns the deserialised value.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<'de, T, M: DeserializeAs<'de, T>> Deserialize<'de> for DeserializeAsWrap<T, M> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        M::deserialize_as(d).map(|value| Self {
            value,
            marker: PhantomData,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Same
// ---------------------------------------------------------------------------------------------

/// Marker: the value's own `Serialize` / `Deserialize` implementation.
pub struct Same;

impl<T: Serialize + ?Sized> SerializeAs<T> for Same {
    fn serialize_as<S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        v.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> DeserializeAs<'de, T> for Same {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        T::deserialize(d)
    }
}

// ---------------------------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------------------------

/// Marker: [`aws_smithy_types::DateTime`] as an RFC 3339 `date-time` string
/// (written in UTC with `Z`; offsets such as `+01:00` accepted when reading).
pub struct DateTime;

/// Marker: [`aws_smithy_types::DateTime`] as a JSON number of seconds since the Unix epoch, with a
/// fractional part when the value has sub-second precision (`1515531081.123`).
pub struct EpochSeconds;

/// Marker: [`aws_smithy_types::DateTime`] as an IMF-fixdate string (`Tue, 29 Apr 2014 18:30:38 GMT`).
pub struct HttpDate;

fn ser_formatted<S: Serializer>(
    v: &SmithyDateTime,
    format: Format,
    s: S,
) -> Result<S::Ok, S::Error> {
    let text = v.fmt(format).map_err(::serde::ser::Error::custom)?;
    s.serialize_str(&text)
}

struct FormattedTimestampVisitor {
    format: Format,
    expecting: &'static str,
}

impl Visitor<'_> for FormattedTimestampVisitor {
    type Value = SmithyDateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        SmithyDateTime::from_str(v, self.format)
            .map_err(|e| E::custom(format_args!("invalid timestamp {v:?}: {e}")))
    }
}

impl SerializeAs<SmithyDateTime> for DateTime {
    fn serialize_as<S: Serializer>(v: &SmithyDateTime, s: S) -> Result<S::Ok, S::Error> {
        ser_formatted(v, Format::DateTime, s)
    }
}

impl<'de> DeserializeAs<'de, SmithyDateTime> for DateTime {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<SmithyDateTime, D::Error> {
        d.deserialize_str(FormattedTimestampVisitor {
            format: Format::DateTimeWithOffset,
            expecting: "an RFC 3339 date-time string",
        })
    }
}

impl SerializeAs<SmithyDateTime> for HttpDate {
    fn serialize_as<S: Serializer>(v: &SmithyDateTime, s: S) -> Result<S::Ok, S::Error> {
        ser_formatted(v, Format::HttpDate, s)
    }
}

impl<'de> DeserializeAs<'de, SmithyDateTime> for HttpDate {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<SmithyDateTime, D::Error> {
        d.deserialize_str(FormattedTimestampVisitor {
            format: Format::HttpDate,
            expecting: "an IMF-fixdate HTTP date string",
        })
    }
}

impl SerializeAs<SmithyDateTime> for EpochSeconds {
    fn serialize_as<S: Serializer>(v: &SmithyDateTime, s: S) -> Result<S::Ok, S::Error> {
        if v.has_subsec_nanos() {
            s.serialize_f64(v.as_secs_f64())
        } else {
            s.serialize_i64(v.secs())
        }
    }
}

struct EpochSecondsVisitor;

impl Visitor<'_> for EpochSecondsVisitor {
    type Value = SmithyDateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number of seconds since the Unix epoch")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(SmithyDateTime::from_secs(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v)
            .map(SmithyDateTime::from_secs)
            .map_err(|_| E::custom(format_args!("epoch seconds {v} out of range")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // i64 seconds cover far more than any real timestamp; refuse values that cannot be held.
        if !v.is_finite() || v.abs() >= 9.0e18 {
            return Err(E::custom(format_args!("epoch seconds {v} out of range")));
        }
        Ok(SmithyDateTime::from_secs_f64(v))
    }
}

impl<'de> DeserializeAs<'de, SmithyDateTime> for EpochSeconds {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<SmithyDateTime, D::Error> {
        d.deserialize_any(EpochSecondsVisitor)
    }
}

// ---------------------------------------------------------------------------------------------
// Blob
// ---------------------------------------------------------------------------------------------

/// Marker: [`aws_smithy_types::Blob`] as a standard (padded) base64 string.
pub struct Base64;

impl SerializeAs<Blob> for Base64 {
    fn serialize_as<S: Serializer>(v: &Blob, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&aws_smithy_types::base64::encode(v.as_ref()))
    }
}

struct Base64Visitor;

impl Visitor<'_> for Base64Visitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a base64 encoded string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        aws_smithy_types::base64::decode(v)
            .map(Blob::new)
            .map_err(|e| E::custom(format_args!("invalid base64: {e}")))
    }
}

impl<'de> DeserializeAs<'de, Blob> for Base64 {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<Blob, D::Error> {
        d.deserialize_str(Base64Visitor)
    }
}

// ---------------------------------------------------------------------------------------------
// Document
// ---------------------------------------------------------------------------------------------

/// Marker: [`aws_smithy_types::Document`] as any JSON value. Integers become
/// `Number::PosInt` (non-negative) or `Number::NegInt` (negative); other numbers `Number::Float`.
pub struct Doc;

struct DocRef<'a>(&'a Document);

impl Serialize for DocRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Document::Null => s.serialize_unit(),
            Document::Bool(b) => s.serialize_bool(*b),
            Document::String(v) => s.serialize_str(v),
            Document::Number(Number::PosInt(n)) => s.serialize_u64(*n),
            Document::Number(Number::NegInt(n)) => s.serialize_i64(*n),
            Document::Number(Number::Float(n)) => s.serialize_f64(*n),
            Document::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&DocRef(item))?;
                }
                seq.end()
            }
            Document::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                let mut out = s.serialize_map(Some(map.len()))?;
                for key in keys {
                    if let Some(value) = map.get(key) {
                        out.serialize_entry(key, &DocRef(value))?;
                    }
                }
                out.end()
            }
        }
    }
}

struct DocVisitor;

impl<'de> Visitor<'de> for DocVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Document::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Document::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(DocVisitor)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Document::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Document::Number(match u64::try_from(v) {
            Ok(p) => Number::PosInt(p),
            Err(_) => Number::NegInt(v),
        }))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Document::Number(Number::PosInt(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Document::Number(Number::Float(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Document::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Document::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<DeserializeAsWrap<Document, Doc>>()? {
            items.push(item.into_inner());
        }
        Ok(Document::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some((key, value)) =
            map.next_entry::<String, DeserializeAsWrap<Document, Doc>>()?
        {
            out.insert(key, value.into_inner());
        }
        Ok(Document::Object(out))
    }
}

impl SerializeAs<Document> for Doc {
    fn serialize_as<S: Serializer>(v: &Document, s: S) -> Result<S::Ok, S::Error> {
        DocRef(v).serialize(s)
    }
}

impl<'de> DeserializeAs<'de, Document> for Doc {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<Document, D::Error> {
        d.deserialize_any(DocVisitor)
    }
}

// ---------------------------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------------------------

/// Marker: `f32` / `f64` as a JSON number, with the non-finite values written and read as the
/// strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
pub struct Float;

fn non_finite_name(v: f64) -> Option<&'static str> {
    if v.is_nan() {
        Some("NaN")
    } else if v == f64::INFINITY {
        Some("Infinity")
    } else if v == f64::NEG_INFINITY {
        Some("-Infinity")
    } else {
        None
    }
}

struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"a number or one of "NaN", "Infinity", "-Infinity""#)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        match v {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            other => Err(E::invalid_value(de::Unexpected::Str(other), &self)),
        }
    }
}

impl SerializeAs<f64> for Float {
    fn serialize_as<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        match non_finite_name(*v) {
            Some(name) => s.serialize_str(name),
            None => s.serialize_f64(*v),
        }
    }
}

impl SerializeAs<f32> for Float {
    fn serialize_as<S: Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
        match non_finite_name(f64::from(*v)) {
            Some(name) => s.serialize_str(name),
            None => s.serialize_f32(*v),
        }
    }
}

impl<'de> DeserializeAs<'de, f64> for Float {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        d.deserialize_any(FloatVisitor)
    }
}

impl<'de> DeserializeAs<'de, f32> for Float {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
        // Narrowing is the documented behaviour for JSON floats bound to a Smithy `float`.
        d.deserialize_any(FloatVisitor).map(|v| v as f32)
    }
}

// ---------------------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------------------

/// Marker: `Vec<T>` as a JSON array with elements through `M`; `null` elements are skipped when
/// reading (Smithy non-sparse list).
pub struct List<M>(PhantomData<M>);

/// Marker: `Vec<Option<T>>` as a JSON array with elements through `M`; `null` elements are kept.
pub struct SparseList<M>(PhantomData<M>);

/// Marker: `HashMap<String, T>` as a JSON object with values through `M`; `null` values are
/// skipped when reading. Keys are written in sorted order so output is deterministic.
pub struct Map<M>(PhantomData<M>);

/// Marker: `HashMap<String, Option<T>>` as a JSON object with values through `M`; `null` values
/// are kept. Keys are written in sorted order.
pub struct SparseMap<M>(PhantomData<M>);

impl<T, M: SerializeAs<T>> SerializeAs<Vec<T>> for List<M> {
    fn serialize_as<S: Serializer>(v: &Vec<T>, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for item in v {
            seq.serialize_element(&SerializeAsWrap::<T, M>::new(item))?;
        }
        seq.end()
    }
}

impl<T, M: SerializeAs<T>> SerializeAs<Vec<Option<T>>> for SparseList<M> {
    fn serialize_as<S: Serializer>(v: &Vec<Option<T>>, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for item in v {
            seq.serialize_element(&SerializeAsWrap::<Option<T>, Option<M>>::new(item))?;
        }
        seq.end()
    }
}

struct SeqVisitor<T, M, const SPARSE: bool>(PhantomData<(T, M)>);

impl<'de, T, M: DeserializeAs<'de, T>, const SPARSE: bool> Visitor<'de>
    for SeqVisitor<T, M, SPARSE>
{
    type Value = Vec<Option<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<Option<DeserializeAsWrap<T, M>>>()? {
            match item {
                Some(v) => out.push(Some(v.into_inner())),
                None if SPARSE => out.push(None),
                None => {}
            }
        }
        Ok(out)
    }
}

impl<'de, T, M: DeserializeAs<'de, T>> DeserializeAs<'de, Vec<T>> for List<M> {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
        let items = d.deserialize_seq(SeqVisitor::<T, M, false>(PhantomData))?;
        Ok(items.into_iter().flatten().collect())
    }
}

impl<'de, T, M: DeserializeAs<'de, T>> DeserializeAs<'de, Vec<Option<T>>> for SparseList<M> {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<Vec<Option<T>>, D::Error> {
        d.deserialize_seq(SeqVisitor::<T, M, true>(PhantomData))
    }
}

fn sorted_keys<V>(map: &HashMap<String, V>) -> Vec<&String> {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    keys
}

impl<T, M: SerializeAs<T>> SerializeAs<HashMap<String, T>> for Map<M> {
    fn serialize_as<S: Serializer>(v: &HashMap<String, T>, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_map(Some(v.len()))?;
        for key in sorted_keys(v) {
            if let Some(value) = v.get(key) {
                out.serialize_entry(key, &SerializeAsWrap::<T, M>::new(value))?;
            }
        }
        out.end()
    }
}

impl<T, M: SerializeAs<T>> SerializeAs<HashMap<String, Option<T>>> for SparseMap<M> {
    fn serialize_as<S: Serializer>(
        v: &HashMap<String, Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_map(Some(v.len()))?;
        for key in sorted_keys(v) {
            if let Some(value) = v.get(key) {
                out.serialize_entry(key, &SerializeAsWrap::<Option<T>, Option<M>>::new(value))?;
            }
        }
        out.end()
    }
}

struct MapVisitor<T, M, const SPARSE: bool>(PhantomData<(T, M)>);

impl<'de, T, M: DeserializeAs<'de, T>, const SPARSE: bool> Visitor<'de>
    for MapVisitor<T, M, SPARSE>
{
    type Value = HashMap<String, Option<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some((key, value)) =
            map.next_entry::<String, Option<DeserializeAsWrap<T, M>>>()?
        {
            match value {
                Some(v) => {
                    out.insert(key, Some(v.into_inner()));
                }
                None if SPARSE => {
                    out.insert(key, None);
                }
                None => {}
            }
        }
        Ok(out)
    }
}

impl<'de, T, M: DeserializeAs<'de, T>> DeserializeAs<'de, HashMap<String, T>> for Map<M> {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<HashMap<String, T>, D::Error> {
        let entries = d.deserialize_map(MapVisitor::<T, M, false>(PhantomData))?;
        Ok(entries
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect())
    }
}

impl<'de, T, M: DeserializeAs<'de, T>> DeserializeAs<'de, HashMap<String, Option<T>>>
    for SparseMap<M>
{
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<HashMap<String, Option<T>>, D::Error> {
        d.deserialize_map(MapVisitor::<T, M, true>(PhantomData))
    }
}

// ---------------------------------------------------------------------------------------------
// Option
// ---------------------------------------------------------------------------------------------

impl<T, M: SerializeAs<T>> SerializeAs<Option<T>> for Option<M> {
    fn serialize_as<S: Serializer>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(inner) => s.serialize_some(&SerializeAsWrap::<T, M>::new(inner)),
            None => s.serialize_none(),
        }
    }
}

impl<'de, T, M: DeserializeAs<'de, T>> DeserializeAs<'de, Option<T>> for Option<M> {
    fn deserialize_as<D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
        Ok(Option::<DeserializeAsWrap<T, M>>::deserialize(d)?.map(DeserializeAsWrap::into_inner))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    type Opt<M> = Option<M>;

    #[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
    struct All {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<DateTime>>"
        )]
        dt: Option<SmithyDateTime>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<EpochSeconds>>"
        )]
        epoch: Option<SmithyDateTime>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<HttpDate>>"
        )]
        http: Option<SmithyDateTime>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<Base64>>"
        )]
        blob: Option<Blob>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<Doc>>"
        )]
        doc: Option<Document>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<Float>>"
        )]
        f64v: Option<f64>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<Float>>"
        )]
        f32v: Option<f32>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<Same>>"
        )]
        name: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<List<Map<EpochSeconds>>>>"
        )]
        nested: Option<Vec<HashMap<String, SmithyDateTime>>>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<SparseList<Same>>>"
        )]
        sparse_list: Option<Vec<Option<i32>>>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<SparseMap<Same>>>"
        )]
        sparse_map: Option<HashMap<String, Option<String>>>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<List<Same>>>"
        )]
        list: Option<Vec<String>>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<Map<Same>>>"
        )]
        map: Option<HashMap<String, i64>>,
    }

    fn from(v: serde_json::Value) -> Result<All, serde_json::Error> {
        serde_json::from_value(v)
    }

    fn from_str(s: &str) -> Result<All, serde_json::Error> {
        serde_json::from_str(s)
    }

    fn to(v: &All) -> serde_json::Value {
        serde_json::to_value(v).unwrap()
    }

    #[test]
    fn empty_object_and_nulls_are_none() {
        assert_eq!(from(json!({})).unwrap(), All::default());
        let all_null = json!({"dt": null, "epoch": null, "http": null, "blob": null, "doc": null,
            "f64v": null, "f32v": null, "name": null, "nested": null, "sparse_list": null,
            "sparse_map": null, "list": null, "map": null});
        assert_eq!(from(all_null).unwrap(), All::default());
        assert_eq!(to(&All::default()), json!({}));
    }

    #[test]
    fn date_time_both_ways() {
        let v = from(json!({"dt": "2018-01-09T20:51:21.123Z"})).unwrap();
        let expected = SmithyDateTime::from_secs_and_nanos(1515531081, 123_000_000);
        assert_eq!(v.dt, Some(expected));
        assert_eq!(to(&v), json!({"dt": "2018-01-09T20:51:21.123Z"}));
        // Offsets are accepted when reading and normalised to UTC.
        let v = from(json!({"dt": "2018-01-09T21:51:21.123+01:00"})).unwrap();
        assert_eq!(v.dt, Some(expected));
        assert!(from(json!({"dt": "yesterday"})).is_err());
        assert!(from(json!({"dt": 12})).is_err());
    }

    #[test]
    fn epoch_seconds_both_ways() {
        let v = from_str(r#"{"epoch": 1515531081.123}"#).unwrap();
        let t = v.epoch.unwrap();
        assert_eq!(t.secs(), 1515531081);
        assert!((t.subsec_nanos() as i64 - 123_000_000).abs() < 1000);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"epoch":1515531081.123}"#
        );
        let v = from_str(r#"{"epoch": 1515531081}"#).unwrap();
        assert_eq!(v.epoch, Some(SmithyDateTime::from_secs(1515531081)));
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"epoch":1515531081}"#
        );
        let v = from_str(r#"{"epoch": -5}"#).unwrap();
        assert_eq!(v.epoch, Some(SmithyDateTime::from_secs(-5)));
        assert!(from_str(r#"{"epoch": "1515531081"}"#).is_err());
        assert!(from_str(r#"{"epoch": 1e300}"#).is_err());
        assert!(from_str(r#"{"epoch": 18446744073709551615}"#).is_err());
        assert!(from_str(r#"{"epoch": true}"#).is_err());
    }

    #[test]
    fn http_date_both_ways() {
        let v = from(json!({"http": "Tue, 09 Jan 2018 20:51:21 GMT"})).unwrap();
        assert_eq!(v.http, Some(SmithyDateTime::from_secs(1515531081)));
        assert_eq!(to(&v), json!({"http": "Tue, 09 Jan 2018 20:51:21 GMT"}));
        assert!(from(json!({"http": "2018-01-09T20:51:21Z"})).is_err());
    }

    #[test]
    fn base64_both_ways() {
        let v = from(json!({"blob": "aGVsbG8="})).unwrap();
        assert_eq!(v.blob, Some(Blob::new("hello")));
        assert_eq!(to(&v), json!({"blob": "aGVsbG8="}));
        assert!(from(json!({"blob": "not base64!!"})).is_err());
        assert!(from(json!({"blob": [1, 2]})).is_err());
    }

    #[test]
    fn document_both_ways() {
        let input = json!({"doc": {"a": [1, -2, 2.5, "s", true, null, {"b": {}}]}});
        let v = from(input.clone()).unwrap();
        let Some(Document::Object(map)) = &v.doc else {
            panic!("expected object, got {:?}", v.doc)
        };
        let Some(Document::Array(items)) = map.get("a") else {
            panic!("expected array")
        };
        assert_eq!(items[0], Document::Number(Number::PosInt(1)));
        assert_eq!(items[1], Document::Number(Number::NegInt(-2)));
        assert_eq!(items[2], Document::Number(Number::Float(2.5)));
        assert_eq!(items[3], Document::String("s".into()));
        assert_eq!(items[4], Document::Bool(true));
        assert_eq!(items[5], Document::Null);
        assert_eq!(to(&v), input);
        let scalar = from(json!({"doc": "just a string"})).unwrap();
        assert_eq!(scalar.doc, Some(Document::String("just a string".into())));
    }

    #[test]
    fn floats_both_ways() {
        let v = from(json!({"f64v": "NaN", "f32v": "-Infinity"})).unwrap();
        assert!(v.f64v.unwrap().is_nan());
        assert_eq!(v.f32v, Some(f32::NEG_INFINITY));
        assert_eq!(to(&v), json!({"f64v": "NaN", "f32v": "-Infinity"}));
        let v = from(json!({"f64v": "Infinity", "f32v": 1.5})).unwrap();
        assert_eq!(v.f64v, Some(f64::INFINITY));
        assert_eq!(to(&v), json!({"f64v": "Infinity", "f32v": 1.5}));
        let v = from(json!({"f64v": 3, "f32v": -2})).unwrap();
        assert_eq!((v.f64v, v.f32v), (Some(3.0), Some(-2.0)));
        assert!(from(json!({"f64v": "nan"})).is_err());
        assert!(from(json!({"f64v": [1.0]})).is_err());
    }

    #[test]
    fn nested_option_list_map_epoch_seconds() {
        let input = json!({"nested": [{"a": 1, "b": 2.5, "skip": null}, null, {}]});
        let v = from(input).unwrap();
        let nested = v.nested.as_ref().unwrap();
        assert_eq!(nested.len(), 2, "null list element is skipped");
        assert_eq!(nested[0].len(), 2, "null map value is skipped");
        assert_eq!(nested[0]["a"], SmithyDateTime::from_secs(1));
        assert_eq!(
            nested[0]["b"],
            SmithyDateTime::from_secs_and_nanos(2, 500_000_000)
        );
        assert_eq!(to(&v), json!({"nested": [{"a": 1, "b": 2.5}, {}]}));
        assert!(from(json!({"nested": {"a": 1}})).is_err());
        assert!(from(json!({"nested": [{"a": "x"}]})).is_err());
        assert!(from(json!({"nested": [[1]]})).is_err());
    }

    #[test]
    fn sparse_collections_keep_nulls() {
        let v = from(json!({"sparse_list": [1, null, 3], "sparse_map": {"a": "x", "b": null}}))
            .unwrap();
        assert_eq!(v.sparse_list, Some(vec![Some(1), None, Some(3)]));
        let m = v.sparse_map.as_ref().unwrap();
        assert_eq!(m.get("a"), Some(&Some("x".to_owned())));
        assert_eq!(m.get("b"), Some(&None));
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"sparse_list":[1,null,3],"sparse_map":{"a":"x","b":null}}"#
        );
    }

    #[test]
    fn dense_collections_skip_nulls_and_sort_keys() {
        let v =
            from(json!({"list": ["a", null, "b"], "map": {"z": 1, "y": null, "a": 2}})).unwrap();
        assert_eq!(v.list, Some(vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!(v.map.as_ref().map(HashMap::len), Some(2));
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"list":["a","b"],"map":{"a":2,"z":1}}"#
        );
        assert!(from(json!({"list": "a"})).is_err());
        assert!(from(json!({"list": [1]})).is_err());
        assert!(from(json!({"map": []})).is_err());
        assert!(from(json!({"map": {"a": "1"}})).is_err());
    }

    #[test]
    fn same_and_wrong_types_error() {
        assert_eq!(
            from(json!({"name": "n"})).unwrap().name.as_deref(),
            Some("n")
        );
        assert!(from(json!({"name": 1})).is_err());
        assert!(from_str(r#"{"name": "#).is_err());
    }

    #[test]
    fn non_option_fields_work_too() {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        struct Req {
            #[serde(with = "As::<EpochSeconds>")]
            at: SmithyDateTime,
            #[serde(with = "As::<List<Base64>>")]
            blobs: Vec<Blob>,
        }
        let r: Req = serde_json::from_value(json!({"at": 10, "blobs": ["AA==", null]})).unwrap();
        assert_eq!(r.blobs, vec![Blob::new(vec![0u8])]);
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            json!({"at": 10, "blobs": ["AA=="]})
        );
        assert!(serde_json::from_value::<Req>(json!({"blobs": []})).is_err());
    }
}
