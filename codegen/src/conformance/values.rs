//! A test case's `params` (JSON) -> Rust expressions that build the same value with the generated
//! crate's types and builders. Rust spellings come from the IR only.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use crate::ir::{NamedKind, RustType, Service, Structure, TypeDef, names};

/// Builds expressions for one service's generated crate.
pub struct Values<'a> {
    pub service: &'a Service,
    /// `::restjsonprotocol`: the generated crate's path.
    pub krate: TokenStream,
}

/// An identifier that may be a raw identifier (`r#type`).
pub fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}

/// `set_<name>` for a field's Rust name.
pub fn setter(rust_name: &str) -> proc_macro2::Ident {
    format_ident!("set_{}", names::bare(rust_name))
}

/// Whether a structure's builder `build()` returns a `Result` (decided in the IR).
pub fn build_is_fallible(s: &Structure, is_input: bool) -> bool {
    is_input || s.builder_fallible
}

impl<'a> Values<'a> {
    fn named(&self, name: &str) -> Result<&'a TypeDef, String> {
        self.service
            .types
            .iter()
            .find(|t| t.rust_name() == name)
            .ok_or_else(|| format!("type `{name}` is not among the service's types"))
    }

    /// The builder calls that set every member present in `params` (an object), for a value of
    /// structure `s`; `path` names the value in errors.
    pub fn setters(
        &self,
        s: &Structure,
        params: &Value,
        path: &str,
    ) -> Result<Vec<TokenStream>, String> {
        let object = match params {
            Value::Object(o) => o,
            Value::Null => return Ok(Vec::new()),
            other => {
                return Err(format!(
                    "{path}: expected an object for structure {}, got {other}",
                    s.id
                ));
            }
        };
        let mut calls = Vec::new();
        for (key, value) in object {
            let field = s
                .fields
                .iter()
                .find(|f| &f.member == key)
                .ok_or_else(|| format!("{path}: structure {} has no member `{key}`", s.id))?;
            if value.is_null() {
                continue;
            }
            let set = setter(&field.rust_name);
            let v = self.value(&field.ty, value, &format!("{path}.{key}"))?;
            calls.push(quote!(.#set(::std::option::Option::Some(#v))));
        }
        Ok(calls)
    }

    /// `Path::builder().set_a(..)...build()`, unwrapped when `build()` is fallible.
    pub fn structure(
        &self,
        s: &Structure,
        ty_path: TokenStream,
        fallible: bool,
        params: &Value,
        path: &str,
    ) -> Result<TokenStream, String> {
        let calls = self.setters(s, params, path)?;
        let build = if fallible {
            let msg = format!("building the expected {} from the test case", s.rust_name);
            quote!(.build().expect(#msg))
        } else {
            quote!(.build())
        };
        Ok(quote!(#ty_path::builder() #(#calls)* #build))
    }

    /// An expression of type `ty` equal to `json`.
    pub fn value(&self, ty: &RustType, json: &Value, path: &str) -> Result<TokenStream, String> {
        let krate = &self.krate;
        let mismatch = |what: &str| format!("{path}: expected {what}, got {json}");
        Ok(match ty {
            RustType::String => {
                let s = json.as_str().ok_or_else(|| mismatch("a string"))?;
                quote!(::std::string::String::from(#s))
            }
            RustType::BigNumber => {
                let text = match json {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    _ => return Err(mismatch("a number")),
                };
                quote!(::std::string::String::from(#text))
            }
            RustType::Bool => {
                let b = json.as_bool().ok_or_else(|| mismatch("a boolean"))?;
                quote!(#b)
            }
            RustType::I8 => int(json, path, |i| {
                i8::try_from(i).ok().map(Literal::i8_suffixed)
            })?,
            RustType::I16 => int(json, path, |i| {
                i16::try_from(i).ok().map(Literal::i16_suffixed)
            })?,
            RustType::I32 => int(json, path, |i| {
                i32::try_from(i).ok().map(Literal::i32_suffixed)
            })?,
            RustType::I64 => int(json, path, |i| Some(Literal::i64_suffixed(i)))?,
            RustType::F32 => float(json, path, quote!(f32), |f| Literal::f32_suffixed(f as f32))?,
            RustType::F64 => float(json, path, quote!(f64), Literal::f64_suffixed)?,
            RustType::DateTime(_) => {
                let (secs, nanos) = epoch(json).ok_or_else(|| mismatch("epoch seconds"))?;
                quote!(::aws_smithy_types::DateTime::from_secs_and_nanos(#secs, #nanos))
            }
            RustType::Blob => {
                let s = json
                    .as_str()
                    .ok_or_else(|| mismatch("a string (blob contents)"))?;
                let bytes = Literal::byte_string(s.as_bytes());
                quote!(::aws_smithy_types::Blob::new(#bytes.to_vec()))
            }
            RustType::Document => {
                let text = json.to_string();
                quote!(crate::harness::document(#text))
            }
            RustType::Unit => quote!(::std::default::Default::default()),
            RustType::List { item, sparse, .. } => {
                let items = json.as_array().ok_or_else(|| mismatch("a list"))?;
                let mut out = Vec::new();
                for (i, v) in items.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    out.push(match (sparse, v) {
                        (true, Value::Null) => quote!(::std::option::Option::None),
                        (true, v) => {
                            let v = self.value(item, v, &p)?;
                            quote!(::std::option::Option::Some(#v))
                        }
                        (false, v) => self.value(item, v, &p)?,
                    });
                }
                quote!(::std::vec![#(#out),*])
            }
            RustType::Map {
                key, value, sparse, ..
            } => {
                let entries = json.as_object().ok_or_else(|| mismatch("a map"))?;
                let mut out = Vec::new();
                for (k, v) in entries {
                    let p = format!("{path}[{k:?}]");
                    let v = match (sparse, v) {
                        (true, Value::Null) => quote!(::std::option::Option::None),
                        (true, v) => {
                            let v = self.value(value, v, &p)?;
                            quote!(::std::option::Option::Some(#v))
                        }
                        (false, v) => self.value(value, v, &p)?,
                    };
                    let k = match &**key {
                        RustType::String => quote!(::std::string::String::from(#k)),
                        other => self.value(other, &Value::String(k.clone()), &p)?,
                    };
                    out.push(quote!((#k, #v)));
                }
                if out.is_empty() {
                    quote!(::std::collections::HashMap::new())
                } else {
                    quote!(::std::collections::HashMap::from([#(#out),*]))
                }
            }
            RustType::Named { name, kind, .. } => {
                let ty = ident(name);
                let ty_path = quote!(#krate::types::#ty);
                match (kind, self.named(name)?) {
                    (NamedKind::Structure, TypeDef::Structure(s)) => {
                        self.structure(s, ty_path, build_is_fallible(s, false), json, path)?
                    }
                    (NamedKind::Union, TypeDef::Union(u)) => {
                        let object = json
                            .as_object()
                            .ok_or_else(|| mismatch("a union (object)"))?;
                        let mut entries = object.iter().filter(|(_, v)| !v.is_null());
                        let (Some((key, v)), None) = (entries.next(), entries.next()) else {
                            return Err(mismatch("a union with exactly one member set"));
                        };
                        let variant =
                            u.variants
                                .iter()
                                .find(|f| &f.member == key)
                                .ok_or_else(|| {
                                    format!("{path}: union {} has no member `{key}`", u.id)
                                })?;
                        let vname = ident(&variant.variant);
                        let inner = self.value(&variant.ty, v, &format!("{path}.{key}"))?;
                        let inner = if variant.boxed {
                            quote!(::std::boxed::Box::new(#inner))
                        } else {
                            inner
                        };
                        quote!(#ty_path::#vname(#inner))
                    }
                    (NamedKind::Enum, TypeDef::Enum(_)) => {
                        let s = json
                            .as_str()
                            .ok_or_else(|| mismatch("an enum value (string)"))?;
                        quote!(#ty_path::from(#s))
                    }
                    (NamedKind::IntEnum, TypeDef::Enum(_)) => {
                        let i = json
                            .as_i64()
                            .and_then(|i| i32::try_from(i).ok())
                            .ok_or_else(|| mismatch("an intEnum value"))?;
                        let lit = Literal::i32_suffixed(i);
                        quote!(#ty_path::from(#lit))
                    }
                    _ => return Err(format!("{path}: type `{name}` is not a {kind:?}")),
                }
            }
        })
    }

    /// A value of `ty` that passes the generated builders' required-member checks, for members a
    /// response test must set to make the call (it never reaches the wire the test checks).
    pub fn placeholder(&self, ty: &RustType, depth: usize) -> Result<TokenStream, String> {
        let krate = &self.krate;
        if depth > 16 {
            return Err(
                "required members recurse without end; cannot build a placeholder".to_string(),
            );
        }
        Ok(match ty {
            RustType::String | RustType::BigNumber => {
                quote!(::std::string::String::from("placeholder"))
            }
            RustType::Bool => quote!(false),
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => quote!(0),
            RustType::F32 | RustType::F64 => quote!(0.0),
            RustType::DateTime(_) => quote!(::aws_smithy_types::DateTime::from_secs(0)),
            RustType::Blob => quote!(::aws_smithy_types::Blob::new(::std::vec::Vec::new())),
            RustType::Document => quote!(::aws_smithy_types::Document::Null),
            RustType::Unit => quote!(::std::default::Default::default()),
            RustType::List { .. } => quote!(::std::vec::Vec::new()),
            RustType::Map { .. } => quote!(::std::collections::HashMap::new()),
            RustType::Named { name, .. } => {
                let ty = ident(name);
                let ty_path = quote!(#krate::types::#ty);
                match self.named(name)? {
                    TypeDef::Structure(s) => {
                        let calls = self.required_placeholders(s, depth + 1)?;
                        let build = if build_is_fallible(s, false) {
                            quote!(.build().expect("placeholder"))
                        } else {
                            quote!(.build())
                        };
                        quote!(#ty_path::builder() #(#calls)* #build)
                    }
                    TypeDef::Union(u) => {
                        let first = u
                            .variants
                            .first()
                            .ok_or_else(|| format!("union {} has no members", u.id))?;
                        let vname = ident(&first.variant);
                        let inner = self.placeholder(&first.ty, depth + 1)?;
                        let inner = if first.boxed {
                            quote!(::std::boxed::Box::new(#inner))
                        } else {
                            inner
                        };
                        quote!(#ty_path::#vname(#inner))
                    }
                    TypeDef::Enum(e) => {
                        let first = e
                            .variants
                            .first()
                            .ok_or_else(|| format!("enum {} has no values", e.id))?;
                        if e.int {
                            let i: i32 = first
                                .value
                                .parse()
                                .map_err(|_| format!("intEnum {} value `{}`", e.id, first.value))?;
                            quote!(#ty_path::from(#i))
                        } else {
                            let v = &first.value;
                            quote!(#ty_path::from(#v))
                        }
                    }
                }
            }
        })
    }

    /// `.set_x(Some(placeholder))` for every required member of `s`.
    pub fn required_placeholders(
        &self,
        s: &Structure,
        depth: usize,
    ) -> Result<Vec<TokenStream>, String> {
        let mut calls = Vec::new();
        for f in s.fields.iter().filter(|f| f.required) {
            let set = setter(&f.rust_name);
            let v = self.placeholder(&f.ty, depth)?;
            calls.push(quote!(.#set(::std::option::Option::Some(#v))));
        }
        Ok(calls)
    }
}

fn int(
    json: &Value,
    path: &str,
    lit: impl Fn(i64) -> Option<Literal>,
) -> Result<TokenStream, String> {
    let literal = json
        .as_i64()
        .and_then(lit)
        .ok_or_else(|| format!("{path}: expected an integer in range, got {json}"))?;
    Ok(quote!(#literal))
}

fn float(
    json: &Value,
    path: &str,
    ty: TokenStream,
    lit: impl Fn(f64) -> Literal,
) -> Result<TokenStream, String> {
    match json {
        Value::String(s) if s == "NaN" => Ok(quote!(#ty::NAN)),
        Value::String(s) if s == "Infinity" => Ok(quote!(#ty::INFINITY)),
        Value::String(s) if s == "-Infinity" => Ok(quote!(#ty::NEG_INFINITY)),
        Value::Number(n) => {
            let f = n
                .as_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| format!("{path}: number {n} is not finite"))?;
            let literal = lit(f);
            Ok(quote!(#literal))
        }
        _ => Err(format!(
            "{path}: expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", got {json}"
        )),
    }
}

/// Epoch seconds (a JSON number, possibly fractional) as exact `(seconds, nanoseconds)`, read from
/// the number's decimal text so that no precision is lost to `f64`.
pub fn epoch(json: &Value) -> Option<(i64, u32)> {
    let Value::Number(n) = json else { return None };
    if let Some(i) = n.as_i64() {
        return Some((i, 0));
    }
    let text = n.to_string();
    if text.contains(['e', 'E']) {
        let f = n.as_f64()?;
        let secs = f.floor();
        let nanos = ((f - secs) * 1e9).round();
        return Some((secs as i64, (nanos as u32).min(999_999_999)));
    }
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let negative = whole.starts_with('-');
    let whole: i64 = whole.parse().ok()?;
    let mut digits: String = frac.chars().take(9).collect();
    while digits.len() < 9 {
        digits.push('0');
    }
    let nanos: u32 = digits.parse().ok()?;
    if negative && nanos > 0 {
        Some((whole - 1, 1_000_000_000 - nanos))
    } else {
        Some((whole, nanos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_seconds_are_exact() {
        assert_eq!(epoch(&serde_json::json!(1515531081)), Some((1515531081, 0)));
        assert_eq!(
            epoch(&serde_json::json!(1515531081.123)),
            Some((1515531081, 123_000_000))
        );
        assert_eq!(epoch(&serde_json::json!(-1.5)), Some((-2, 500_000_000)));
        assert_eq!(epoch(&serde_json::json!("x")), None);
    }
}
