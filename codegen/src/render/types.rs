//! Structures (with builders), enums and unions, and the `types` / `types::error` modules.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::{field_tokens, marker, tokens};
use super::{doc_attrs, doc_or, ident};
use crate::ir::docs::code_span;
use crate::ir::{
    Enum, Field, NamedKind, RustType, Service, Structure, TypeDef, Union, names::bare,
};

/// `src/types.rs`: every shared named type, and their builders in `types::builders`.
pub fn types_module(service: &Service) -> TokenStream {
    let mut items = Vec::new();
    let mut builders = Vec::new();
    for def in &service.types {
        match def {
            TypeDef::Structure(s) => {
                let (item, builder) =
                    structure(service, s, quote!(crate::types::builders), Kind::Plain);
                items.push(item);
                builders.push(builder);
            }
            TypeDef::Union(u) => items.push(union(u)),
            TypeDef::Enum(e) => items.push(enumeration(e)),
        }
    }
    quote! {
        //! Data types shared by the service's operations.
        pub mod error;
        #(#items)*
        /// Builders for the structures in [`crate::types`].
        pub mod builders {
            #(#builders)*
        }
    }
}

/// `src/types/error.rs`: every modeled error structure.
pub fn errors_module(service: &Service) -> TokenStream {
    let mut items = Vec::new();
    let mut builders = Vec::new();
    for s in &service.errors {
        let (item, builder) = structure(
            service,
            s,
            quote!(crate::types::error::builders),
            Kind::Error,
        );
        items.push(item);
        builders.push(builder);
    }
    quote! {
        //! Errors the service models; each operation's error enum wraps the ones it can return.
        #(#items)*
        /// Builders for the errors in [`crate::types::error`].
        pub mod builders {
            #(#builders)*
        }
    }
}

/// What a structure is used as; it changes what its builder returns and what it implements.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plain,
    Input,
    Output,
    Error,
}

/// A structure and, separately, its builder (which lives in a `builders` module).
pub fn structure(
    service: &Service,
    s: &Structure,
    builders_path: TokenStream,
    kind: Kind,
) -> (TokenStream, TokenStream) {
    let name = ident(&s.rust_name);
    let builder_name = format_ident!("{}Builder", s.rust_name);
    let docs = doc_or(
        s.docs.as_deref(),
        &format!("The `{}` structure.", s.id.name),
    );
    let sensitive = s.sensitivity.whole || s.fields.iter().any(|f| f.sensitive);
    let debug = if sensitive { quote!() } else { quote!(Debug,) };
    let is_error = kind == Kind::Error;

    let fields = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let ty = field_tokens(f);
        let docs = field_docs(f);
        quote! { #docs pub #field: #ty, }
    });
    let json_fields = s.fields.iter().filter(|f| is_body(f, kind)).map(|f| {
        let field = ident(&f.rust_name);
        let wire = &f.wire_name;
        match marker(&f.ty).filter(|_| !f.boxed) {
            Some(m) => {
                let m: TokenStream = m.parse().unwrap_or_default();
                quote!(#field: #wire => #m)
            }
            None => quote!(#field: #wire),
        }
    });
    // Error correction applies to what is decoded from responses: required body members that are
    // not unions and have no default.
    let corrected: Vec<_> = s
        .fields
        .iter()
        .filter(|f| kind != Kind::Input && is_body(f, kind) && f.required && f.default.is_none())
        .filter(|f| {
            !matches!(
                f.ty,
                RustType::Named {
                    kind: NamedKind::Union,
                    ..
                } | RustType::Unit
            )
        })
        .map(|f| ident(&f.rust_name))
        .collect();
    let corrected = (!corrected.is_empty()).then(|| quote!(required { #(#corrected),* }));
    let json = quote!(::sdk_runtime::json_struct!(#name { #(#json_fields),* } #corrected););
    let meta_field = is_error.then(|| {
        quote! {
            /// Error metadata (code, message, request id) as received.
            pub meta: ::aws_smithy_types::error::ErrorMetadata,
        }
    });
    let getters = s.fields.iter().map(getter);
    let debug_impl = sensitive.then(|| sensitive_debug(s, is_error));
    let validate = matches!(kind, Kind::Plain | Kind::Input)
        .then(|| super::validate::validate_method(service, s));
    let error_impls = is_error.then(|| error_impls(s));

    let defaults: Vec<_> = if kind == Kind::Input {
        Vec::new()
    } else {
        s.fields
            .iter()
            .filter_map(|f| Some((f, default_value(&f.ty, f.default.as_ref()?)?)))
            .collect()
    };
    let (derive_default, default_impl) = if defaults.is_empty() {
        (quote!(Default), None)
    } else {
        let meta = is_error.then(|| quote!(meta: ::std::default::Default::default(),));
        let members = s.fields.iter().map(|f| {
            let field = ident(&f.rust_name);
            match defaults.iter().find(|(d, _)| d.rust_name == f.rust_name) {
                Some((_, value)) if f.boxed => {
                    quote!(#field: ::std::option::Option::Some(::std::boxed::Box::new(#value)),)
                }
                Some((_, value)) => quote!(#field: ::std::option::Option::Some(#value),),
                None => quote!(#field: ::std::option::Option::None,),
            }
        });
        let imp = quote! {
            /// Members with a modeled `@default` start at it.
            impl ::std::default::Default for #name {
                fn default() -> Self {
                    Self { #(#members)* #meta }
                }
            }
        };
        (quote!(), Some(imp))
    };
    // A type named like a derive macro of the prelude (`Clone`) makes a bare link ambiguous.
    let builder_doc = if crate::ir::names::PRELUDE_MACROS.contains(&s.rust_name.as_str()) {
        format!(" Creates a new builder for [`{}`](Self).", s.rust_name)
    } else {
        format!(" Creates a new builder for [`{}`].", s.rust_name)
    };
    let item = quote! {
        #docs
        #[non_exhaustive]
        #[derive(Clone, PartialEq, #debug #derive_default)]
        pub struct #name {
            #(#fields)*
            #meta_field
        }
        #default_impl
        #json
        impl #name {
            #[doc = #builder_doc]
            pub fn builder() -> #builders_path::#builder_name {
                ::std::default::Default::default()
            }
            ::sdk_runtime::getters! { #(#getters)* }
            #validate
        }
        #debug_impl
        #error_impls
    };
    (item, builder(s, &builder_name, kind))
}

fn is_body(f: &Field, kind: Kind) -> bool {
    kind == Kind::Plain || f.binding == crate::ir::Binding::Body
}

fn field_docs(f: &Field) -> TokenStream {
    let mut docs = f
        .docs
        .clone()
        .unwrap_or_else(|| format!("The `{}` member.", f.member));
    if f.required {
        docs.push_str("\n\nThis member is required.");
    }
    if let Some(default) = &f.default {
        let default = code_span(&default.to_string());
        docs.push_str(&format!("\n\nThe service's default is {default}."));
    }
    doc_attrs(Some(&docs))
}

/// One line of the runtime's `getters!` for a member.
fn getter(f: &Field) -> TokenStream {
    let field = ident(&f.rust_name);
    let (kind, ty) = match &f.ty {
        RustType::String | RustType::BigNumber if !f.boxed => (quote!(str), quote!(str)),
        RustType::List { item, sparse, .. } => {
            let item = tokens(item);
            (
                quote!(slice),
                if *sparse {
                    quote!(::std::option::Option<#item>)
                } else {
                    item
                },
            )
        }
        RustType::Bool
        | RustType::I8
        | RustType::I16
        | RustType::I32
        | RustType::I64
        | RustType::F32
        | RustType::F64 => (quote!(copy), tokens(&f.ty)),
        other if f.boxed => (quote!(boxed), tokens(other)),
        other => (quote!(reference), tokens(other)),
    };
    quote!(#kind #field: #ty;)
}

fn sensitive_debug(s: &Structure, is_error: bool) -> TokenStream {
    let name = ident(&s.rust_name);
    let title = &s.rust_name;
    let fields = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let label = bare(&f.rust_name);
        if f.sensitive || s.sensitivity.whole {
            quote!(.field(#label, &"*** Sensitive Data Redacted ***"))
        } else {
            quote!(.field(#label, &self.#field))
        }
    });
    let meta = match (is_error, s.sensitivity.message) {
        (true, true) => {
            Some(quote!(.field("meta", &::sdk_runtime::error::redact_message(self.meta.clone()))))
        }
        (true, false) => Some(quote!(.field("meta", &self.meta))),
        (false, _) => None,
    };
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#title) #(#fields)* #meta .finish()
            }
        }
    }
}

/// Display, Error and error metadata for modeled errors, expanded by the runtime's `error_struct!`.
fn error_impls(s: &Structure) -> TokenStream {
    let name = ident(&s.rust_name);
    let code = &s.id.name;
    let kind = |k: &str| {
        let k = format_ident!("{k}");
        quote!(::std::option::Option::Some(::aws_smithy_types::retry::ErrorKind::#k))
    };
    let retryable = match s.error.as_ref().and_then(|e| e.retryable) {
        Some(true) => kind("ThrottlingError"),
        Some(false) => kind("TransientError"),
        None if s.error.as_ref().and_then(|e| e.http_status) == Some(429) => {
            kind("ThrottlingError")
        }
        None => quote!(::std::option::Option::None),
    };
    let message = s
        .fields
        .iter()
        .find(|f| f.member.eq_ignore_ascii_case("message") && f.ty == RustType::String)
        .map(|f| {
            let field = ident(&f.rust_name);
            quote!(, message: #field)
        });
    let headers: Vec<_> = s
        .fields
        .iter()
        .filter_map(|f| match &f.binding {
            crate::ir::Binding::Header(header) => {
                let field = ident(&f.rust_name);
                Some(quote!(#field: #header))
            }
            _ => None,
        })
        .collect();
    let headers = (!headers.is_empty()).then(|| quote!(, headers { #(#headers),* }));
    let redacted = s
        .sensitivity
        .message
        .then(|| quote!(, sensitive_message: true));
    quote!(::sdk_runtime::error_struct!(#name, #code, #retryable #redacted #message #headers);)
}

/// The builder: a newtype over the structure it builds, so members are declared once.
fn builder(s: &Structure, builder_name: &proc_macro2::Ident, kind: Kind) -> TokenStream {
    let name = ident(&s.rust_name);
    let target = match kind {
        Kind::Input | Kind::Output => quote!(super::#name),
        Kind::Plain => quote!(crate::types::#name),
        Kind::Error => quote!(crate::types::error::#name),
    };
    let methods: Vec<_> = s.fields.iter().map(member_setters).collect();
    let methods = (!methods.is_empty()).then(|| quote!(::sdk_runtime::setters! { #(#methods)* }));
    let required: Vec<_> = s
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| {
            let field = ident(&f.rust_name);
            let member = &f.member;
            quote!(#field = #member)
        })
        .collect();
    let fallible = kind == Kind::Input || !required.is_empty();
    let meta_setter = (kind == Kind::Error).then(|| {
        quote! {
            /// Sets the error metadata (code, message, request id).
            pub fn meta(mut self, meta: ::aws_smithy_types::error::ErrorMetadata) -> Self {
                self.0.meta = meta;
                self
            }
        }
    });
    let target_path = target.to_string().replace(' ', "");
    let link = format!("[`{}`]({target_path})", s.rust_name);
    let struct_doc = format!(" A builder for {link}.");
    let build = if fallible {
        let doc = format!(" Builds {link}, failing when a required member is unset.");
        quote! {
            #[doc = #doc]
            pub fn build(self) -> ::std::result::Result<#target, ::aws_smithy_types::error::operation::BuildError> {
                ::sdk_runtime::build_checked!(self.0; #(#required),*)
            }
        }
    } else {
        let doc = format!(" Builds {link}.");
        quote! {
            #[doc = #doc]
            pub fn build(self) -> #target {
                self.0
            }
        }
    };
    quote! {
        #[doc = #struct_doc]
        #[derive(Clone, PartialEq, Debug, Default)]
        pub struct #builder_name(#target);
        impl #builder_name {
            #methods
            #meta_setter
            #build
        }
    }
}

/// One member's entry for the runtime's `setters!` (builders) or `fluent_setters!` (fluent
/// builders), which expand to `x(..)`, `set_x(..)` and `get_x()` (lists append, maps insert, as
/// aws-sdk-rust does).
pub fn member_setters(f: &Field) -> TokenStream {
    let field = ident(&f.rust_name);
    let set = format_ident!("set_{}", bare(&f.rust_name));
    let get = format_ident!("get_{}", bare(&f.rust_name));
    let (kind, ty) = match &f.ty {
        RustType::List { item, sparse, .. } => {
            let item = tokens(item);
            (
                quote!(list),
                if *sparse {
                    quote!(::std::option::Option<#item>)
                } else {
                    item
                },
            )
        }
        RustType::Map { value, sparse, .. } => {
            let value = tokens(value);
            (
                quote!(map),
                if *sparse {
                    quote!(::std::option::Option<#value>)
                } else {
                    value
                },
            )
        }
        other if f.boxed => (quote!(boxed), tokens(other)),
        other => (quote!(value), tokens(other)),
    };
    quote!(#kind #field, #set, #get: #ty;)
}

fn union(u: &Union) -> TokenStream {
    let name = ident(&u.rust_name);
    let docs = doc_or(u.docs.as_deref(), &format!("The `{}` union.", u.id.name));
    let variant_ident = |f: &Field| ident(&f.variant);
    let unknown = ident(&u.unknown_variant);
    let is_unknown = format_ident!(
        "is_{}",
        bare(&crate::ir::names::field_name(&u.unknown_variant))
    );
    let variants = u.variants.iter().map(|f| {
        let v = variant_ident(f);
        let wire = &f.wire_name;
        let ty = tokens(&f.ty);
        let ty = if f.boxed {
            quote!(::std::boxed::Box<#ty>)
        } else {
            ty
        };
        let docs = doc_or(f.docs.as_deref(), &format!("The `{}` variant.", f.member));
        let with = marker(&f.ty).filter(|_| !f.boxed).map(|m| {
            let with = format!("::sdk_runtime::serde::As::<{m}>");
            quote!(with = #with,)
        });
        quote! { #docs #[serde(rename = #wire, #with)] #v(#ty), }
    });
    let arms = u.variants.iter().map(|f| {
        let v = variant_ident(f);
        let wire = &f.wire_name;
        match marker(&f.ty).filter(|_| !f.boxed) {
            Some(m) => {
                let m: TokenStream = m.parse().unwrap_or_default();
                quote!(#wire => ::sdk_runtime::shape::union_value::<_, #m, D>(value).map(Self::#v),)
            }
            None => quote!(#wire => ::sdk_runtime::shape::union_value::<_, ::sdk_runtime::serde::Same, D>(value).map(Self::#v),),
        }
    });
    let is_fns = u.variants.iter().map(|f| {
        let v = variant_ident(f);
        let is = format_ident!("is_{}", bare(&f.rust_name));
        let doc = format!(" True when this is the `{}` variant.", f.member);
        quote! {
            #[doc = #doc]
            pub fn #is(&self) -> bool {
                ::std::matches!(self, Self::#v(_))
            }
        }
    });
    let redact = u.sensitivity.whole || u.variants.iter().any(|f| f.sensitive);
    let debug = (!redact).then(|| quote!(Debug,));
    let debug_impl = redact.then(|| {
        let debug_arms = u.variants.iter().map(|f| {
            let v = variant_ident(f);
            let label = &f.variant;
            if f.sensitive || u.sensitivity.whole {
                quote!(Self::#v(_) => f.debug_tuple(#label).field(&"*** Sensitive Data Redacted ***").finish(),)
            } else {
                quote!(Self::#v(value) => f.debug_tuple(#label).field(value).finish(),)
            }
        });
        let unknown_label = &u.unknown_variant;
        quote! {
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match self {
                        #(#debug_arms)*
                        Self::#unknown => f.write_str(#unknown_label),
                    }
                }
            }
        }
    });
    quote! {
        #docs
        #[non_exhaustive]
        #[derive(Clone, PartialEq, #debug ::serde::Serialize)]
        pub enum #name {
            #(#variants)*
            /// A variant this version of the client does not know (a newer service may send one).
            #[serde(skip)]
            #unknown,
        }
        impl #name {
            #(#is_fns)*
            /// True when the service sent a variant this client does not know.
            pub fn #is_unknown(&self) -> bool {
                ::std::matches!(self, Self::#unknown)
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let ::std::option::Option::Some((key, value)) = ::sdk_runtime::shape::union_entry(deserializer)? else {
                    return ::std::result::Result::Ok(Self::#unknown);
                };
                match key.as_str() {
                    #(#arms)*
                    _ => ::std::result::Result::Ok(Self::#unknown),
                }
            }
        }
        #debug_impl
    }
}

fn enumeration(e: &Enum) -> TokenStream {
    let name = ident(&e.rust_name);
    let unknown = format_ident!("{}", e.unknown_variant);
    let docs = doc_or(e.docs.as_deref(), &format!("The `{}` enum.", e.id.name));
    let variants = e.variants.iter().map(|v| {
        let id = format_ident!("{}", v.rust_name);
        // The value is model text: a code span that no backtick or line break in it can end.
        let value = match code_span(&v.value) {
            span if span.is_empty() => code_span(&format!("{:?}", v.value)),
            span => span,
        };
        let docs = doc_or(v.docs.as_deref(), &value);
        let value = if e.int {
            let i: i32 = v.value.parse().unwrap_or_default();
            quote!(#i)
        } else {
            let s = &v.value;
            quote!(#s)
        };
        quote!(#docs #id = #value)
    });
    let which = if e.int {
        quote!(int_enum)
    } else {
        quote!(string_enum)
    };
    quote! {
        ::sdk_runtime::#which! {
            #docs
            #name, #unknown {
                #(#variants),*
            }
        }
    }
}

/// A Rust expression for a `@default` value of type `ty`; `None` when the value does not fit.
fn default_value(ty: &RustType, value: &serde_json::Value) -> Option<TokenStream> {
    use serde_json::Value;
    Some(match (ty, value) {
        (RustType::String | RustType::BigNumber, Value::String(s)) => {
            quote!(::std::string::String::from(#s))
        }
        (RustType::BigNumber, Value::Number(n)) => {
            let s = n.to_string();
            quote!(::std::string::String::from(#s))
        }
        // Smithy writes the non-finite float defaults as strings.
        (RustType::F32 | RustType::F64, Value::String(s)) => {
            let ty = if *ty == RustType::F32 {
                quote!(f32)
            } else {
                quote!(f64)
            };
            match s.as_str() {
                "NaN" => quote!(#ty::NAN),
                "Infinity" => quote!(#ty::INFINITY),
                "-Infinity" => quote!(#ty::NEG_INFINITY),
                _ => return None,
            }
        }
        (RustType::Bool, Value::Bool(b)) => quote!(#b),
        (RustType::I8, Value::Number(n)) => {
            let v = i8::try_from(n.as_i64()?).ok()?;
            quote!(#v)
        }
        (RustType::I16, Value::Number(n)) => {
            let v = i16::try_from(n.as_i64()?).ok()?;
            quote!(#v)
        }
        (RustType::I32, Value::Number(n)) => {
            let v = i32::try_from(n.as_i64()?).ok()?;
            quote!(#v)
        }
        (RustType::I64, Value::Number(n)) => {
            let v = n.as_i64()?;
            quote!(#v)
        }
        (RustType::F32, Value::Number(n)) => {
            let v = n.as_f64()? as f32;
            quote!(#v)
        }
        (RustType::F64, Value::Number(n)) => {
            let v = n.as_f64()?;
            quote!(#v)
        }
        (RustType::DateTime(_), Value::Number(n)) => {
            let v = n.as_f64()?;
            quote!(::aws_smithy_types::DateTime::from_secs_f64(#v))
        }
        (RustType::DateTime(_), Value::String(s)) => {
            let (secs, nanos) = crate::model::parse_date_time(s)?;
            quote!(::aws_smithy_types::DateTime::from_secs_and_nanos(#secs, #nanos))
        }
        (RustType::Blob, Value::String(s)) => {
            let bytes = base64_decode(s)?;
            quote!(::aws_smithy_types::Blob::new(::std::vec![#(#bytes),*]))
        }
        (RustType::Document, v) => document_value(v),
        (RustType::List { .. }, Value::Array(a)) if a.is_empty() => quote!(::std::vec::Vec::new()),
        (RustType::Map { .. }, Value::Object(o)) if o.is_empty() => {
            quote!(::std::collections::HashMap::new())
        }
        (
            RustType::Named {
                name,
                kind: NamedKind::Enum,
                ..
            },
            Value::String(s),
        ) => {
            let name = ident(name);
            quote!(crate::types::#name::from(#s))
        }
        (
            RustType::Named {
                name,
                kind: NamedKind::IntEnum,
                ..
            },
            Value::Number(n),
        ) => {
            let name = ident(name);
            let v = i32::try_from(n.as_i64()?).ok()?;
            quote!(crate::types::#name::from(#v))
        }
        _ => return None,
    })
}

/// A Rust expression building an `aws_smithy_types::Document` from JSON.
fn document_value(value: &serde_json::Value) -> TokenStream {
    use serde_json::Value;
    match value {
        Value::Null => quote!(::aws_smithy_types::Document::Null),
        Value::Bool(b) => quote!(::aws_smithy_types::Document::Bool(#b)),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => {
                quote!(::aws_smithy_types::Document::Number(::aws_smithy_types::Number::PosInt(#u)))
            }
            (None, Some(i), _) => {
                quote!(::aws_smithy_types::Document::Number(::aws_smithy_types::Number::NegInt(#i)))
            }
            (_, _, f) => {
                let f = f.unwrap_or_default();
                quote!(::aws_smithy_types::Document::Number(::aws_smithy_types::Number::Float(#f)))
            }
        },
        Value::String(s) => {
            quote!(::aws_smithy_types::Document::String(::std::string::String::from(#s)))
        }
        Value::Array(items) => {
            let items = items.iter().map(document_value);
            quote!(::aws_smithy_types::Document::Array(
                ::std::vec![#(#items),*]
            ))
        }
        Value::Object(map) => {
            let entries = map.iter().map(|(k, v)| {
                let v = document_value(v);
                quote!((::std::string::String::from(#k), #v))
            });
            quote!(::aws_smithy_types::Document::Object(::std::collections::HashMap::from([#(#entries),*])))
        }
    }
}

/// Decodes standard base64 (Smithy writes blob defaults that way); `None` for invalid input.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text
        .bytes()
        .take_while(|&c| c != b'=')
        .map(value)
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut n = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            n |= u32::from(*d) << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}
