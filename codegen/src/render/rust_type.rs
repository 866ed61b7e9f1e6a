//! How an IR type is spelled in generated code: its Rust type and its JSON serde adapter.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::ir::{Field, RustType, TimestampFormat};

/// The Rust type of a value (without the `Option` every member is wrapped in).
pub fn tokens(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String | RustType::BigNumber => quote!(::std::string::String),
        RustType::Bool => quote!(bool),
        RustType::I8 => quote!(i8),
        RustType::I16 => quote!(i16),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F32 => quote!(f32),
        RustType::F64 => quote!(f64),
        RustType::DateTime(_) => quote!(::aws_smithy_types::DateTime),
        RustType::Blob => quote!(::aws_smithy_types::Blob),
        RustType::Document => quote!(::aws_smithy_types::Document),
        RustType::Named { name, .. } => {
            let name = ident(name);
            quote!(crate::types::#name)
        }
        RustType::List { item, sparse, .. } => {
            let item = tokens(item);
            if *sparse {
                quote!(::std::vec::Vec<::std::option::Option<#item>>)
            } else {
                quote!(::std::vec::Vec<#item>)
            }
        }
        RustType::Map { value, sparse, .. } => {
            let value = tokens(value);
            let value = if *sparse {
                quote!(::std::option::Option<#value>)
            } else {
                value
            };
            quote!(::std::collections::HashMap<::std::string::String, #value>)
        }
        RustType::Unit => quote!(::sdk_runtime::shape::Unit),
    }
}

/// The field's type: `Option<T>`, boxed when the member closes a cycle of structures.
pub fn field_tokens(field: &Field) -> TokenStream {
    let ty = tokens(&field.ty);
    if field.boxed {
        quote!(::std::option::Option<::std::boxed::Box<#ty>>)
    } else {
        quote!(::std::option::Option<#ty>)
    }
}

/// The `sdk_runtime::serde` marker for a value, as source text; `None` when serde's own form is the wire form.
pub fn marker(ty: &RustType) -> Option<String> {
    let m = |name: &str| Some(format!("::sdk_runtime::serde::{name}"));
    match ty {
        RustType::F32 | RustType::F64 => m("Float"),
        RustType::DateTime(TimestampFormat::DateTime) => m("DateTime"),
        RustType::DateTime(TimestampFormat::EpochSeconds) => m("EpochSeconds"),
        RustType::DateTime(TimestampFormat::HttpDate) => m("HttpDate"),
        RustType::Blob => m("Base64"),
        RustType::Document => m("Doc"),
        RustType::BigNumber => Some("::sdk_runtime::shape::BigNumber".to_string()),
        RustType::List { item, sparse, .. } => {
            let inner = marker(item).unwrap_or_else(|| "::sdk_runtime::serde::Same".to_string());
            m(&format!(
                "{}<{inner}>",
                if *sparse { "SparseList" } else { "List" }
            ))
        }
        RustType::Map { value, sparse, .. } => {
            let inner = marker(value).unwrap_or_else(|| "::sdk_runtime::serde::Same".to_string());
            m(&format!(
                "{}<{inner}>",
                if *sparse { "SparseMap" } else { "Map" }
            ))
        }
        RustType::String
        | RustType::Unit
        | RustType::Bool
        | RustType::I8
        | RustType::I16
        | RustType::I32
        | RustType::I64
        | RustType::Named { .. } => None,
    }
}
