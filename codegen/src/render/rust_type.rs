//! How an IR type is spelled in generated code.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::ir::{Field, RustType};

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
        RustType::Map {
            key, value, sparse, ..
        } => {
            let key = tokens(key);
            let value = tokens(value);
            let value = if *sparse {
                quote!(::std::option::Option<#value>)
            } else {
                value
            };
            quote!(::std::collections::HashMap<#key, #value>)
        }
        RustType::Unit => quote!(::sdk_runtime::shape::Unit),
    }
}

/// The field's type: `T`, or `Option<T>` for optional members; boxed when the member closes a
/// cycle of structures.
pub fn field_tokens(field: &Field) -> TokenStream {
    let ty = tokens(&field.ty);
    let ty = if field.boxed {
        quote!(::std::boxed::Box<#ty>)
    } else {
        ty
    };
    if field.optional {
        quote!(::std::option::Option<#ty>)
    } else {
        ty
    }
}

/// The type a builder stores for the member: always an `Option` (unset until a setter runs).
pub fn builder_field_tokens(field: &Field) -> TokenStream {
    let ty = tokens(&field.ty);
    if field.boxed {
        quote!(::std::option::Option<::std::boxed::Box<#ty>>)
    } else {
        quote!(::std::option::Option<#ty>)
    }
}
