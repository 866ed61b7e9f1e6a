//! Structures (with builders), enums and unions, and the `types` / `types::error` modules.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::{builder_field_tokens, field_tokens, tokens};
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
    // Error correction applies to what is decoded from responses: required body members that are
    // not unions and have no default.
    let body: Vec<&Field> = s.fields.iter().filter(|f| is_body(f, kind)).collect();
    let corrected: Vec<&Field> = body
        .iter()
        .copied()
        // Plain members are corrected by starting at their zero value (see `Default`).
        .filter(|f| kind != Kind::Input && f.optional && f.required && f.default.is_none())
        .filter(|f| {
            !matches!(
                f.ty,
                RustType::Named {
                    kind: NamedKind::Union,
                    ..
                } | RustType::Unit
            )
        })
        .collect();
    let codec = super::schema::structure(s, &body, &corrected);
    let meta_field = is_error.then(|| {
        quote! {
            /// Error metadata (code, message, request id) as received.
            pub meta: ::aws_smithy_types::error::ErrorMetadata,
        }
    });
    // Outputs carry the request id of the response they were read from (aws-sdk-rust's
    // `RequestId` on outputs).
    let is_output = kind == Kind::Output;
    let request_id_field =
        is_output.then(|| quote!(_request_id: ::std::option::Option<::std::string::String>,));
    let request_id_impl = is_output.then(|| {
        quote! {
            impl ::sdk_runtime::types::RequestId for #name {
                fn request_id(&self) -> ::std::option::Option<&str> {
                    self._request_id.as_deref()
                }
            }
            impl ::sdk_runtime::SetRequestId for #name {
                fn set_request_id(&mut self, request_id: ::std::option::Option<&str>) {
                    self._request_id = request_id.map(::std::borrow::ToOwned::to_owned);
                }
            }
        }
    });
    let getters = s.fields.iter().map(getter);
    let debug_impl = sensitive.then(|| sensitive_debug(s, is_error, &name));
    let validate = matches!(kind, Kind::Plain | Kind::Input)
        .then(|| super::validate::validate_method(service, s));
    let error_impls = is_error.then(|| error_impls(s));

    // Plain members start at their `@default`, or at the zero value a response that leaves
    // them out is corrected to; `Option` members start unset.
    let manual_default = s.fields.iter().any(|f| !f.optional);
    let (derive_default, default_impl) = if !manual_default {
        (quote!(Default), None)
    } else {
        let meta = is_error.then(|| quote!(meta: ::std::default::Default::default(),));
        let request_id = is_output.then(|| quote!(_request_id: ::std::option::Option::None,));
        let members = s.fields.iter().map(|f| {
            let field = ident(&f.rust_name);
            if f.optional {
                quote!(#field: ::std::option::Option::None,)
            } else {
                let value = initial_value(f);
                quote!(#field: #value,)
            }
        });
        let imp = quote! {
            /// Members with a modeled `@default` start at it; other required members at their
            /// zero value (empty, `0`, `false`, the epoch).
            impl ::std::default::Default for #name {
                fn default() -> Self {
                    Self { #(#members)* #meta #request_id }
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
            #request_id_field
        }
        #default_impl
        #request_id_impl
        #codec
        impl #name {
            #[doc = #builder_doc]
            pub fn builder() -> #builders_path::#builder_name {
                ::std::default::Default::default()
            }
            #(#getters)*
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

/// The getter of a member, documented like the member: strings as `&str`, lists as slices
/// (empty when unset), small copyable values by value, everything else by reference.
fn getter(f: &Field) -> TokenStream {
    let field = ident(&f.rust_name);
    let docs = field_docs(f);
    let (ret, body) = if f.optional {
        optional_getter(f)
    } else {
        plain_getter(f)
    };
    // A getter named like a std trait method (`clone`, `next`, ...) is the model's name, not an
    // attempt at the trait.
    let allow = TRAIT_METHODS
        .contains(&bare(&f.rust_name))
        .then(|| quote!(#[allow(clippy::should_implement_trait)]));
    quote! {
        #docs
        #allow
        pub fn #field(&self) -> #ret {
            #body
        }
    }
}

/// The return type and body of a plain (non-`Option`) member's getter.
fn plain_getter(f: &Field) -> (TokenStream, TokenStream) {
    let field = ident(&f.rust_name);
    match &f.ty {
        RustType::String | RustType::BigNumber => (quote!(&str), quote!(self.#field.as_str())),
        RustType::List { item, sparse, .. } => {
            let item = tokens(item);
            let item = if *sparse {
                quote!(::std::option::Option<#item>)
            } else {
                item
            };
            (quote!(&[#item]), quote!(&self.#field))
        }
        RustType::Bool
        | RustType::I8
        | RustType::I16
        | RustType::I32
        | RustType::I64
        | RustType::F32
        | RustType::F64 => (tokens(&f.ty), quote!(self.#field)),
        other => {
            let ty = tokens(other);
            (quote!(&#ty), quote!(&self.#field))
        }
    }
}

/// The return type and body of an `Option` member's getter.
fn optional_getter(f: &Field) -> (TokenStream, TokenStream) {
    let field = ident(&f.rust_name);
    match &f.ty {
        RustType::String | RustType::BigNumber if !f.boxed => (
            quote!(::std::option::Option<&str>),
            quote!(self.#field.as_deref()),
        ),
        RustType::List { item, sparse, .. } if !f.boxed => {
            let item = tokens(item);
            let item = if *sparse {
                quote!(::std::option::Option<#item>)
            } else {
                item
            };
            (
                quote!(&[#item]),
                quote!(self.#field.as_deref().unwrap_or_default()),
            )
        }
        RustType::Bool
        | RustType::I8
        | RustType::I16
        | RustType::I32
        | RustType::I64
        | RustType::F32
        | RustType::F64
            if !f.boxed =>
        {
            let ty = tokens(&f.ty);
            (quote!(::std::option::Option<#ty>), quote!(self.#field))
        }
        other if f.boxed => {
            let ty = tokens(other);
            (
                quote!(::std::option::Option<&#ty>),
                quote!(self.#field.as_deref()),
            )
        }
        other => {
            let ty = tokens(other);
            (
                quote!(::std::option::Option<&#ty>),
                quote!(self.#field.as_ref()),
            )
        }
    }
}

/// The value a plain member starts at: its `@default`, else the zero value.
fn initial_value(f: &Field) -> TokenStream {
    let value = f
        .default
        .as_ref()
        .and_then(|d| default_value(&f.ty, d))
        .unwrap_or_else(|| super::schema::zero_value(&f.ty));
    if f.boxed {
        quote!(::std::boxed::Box::new(#value))
    } else {
        value
    }
}

/// One-argument std trait methods clippy expects to be trait impls when a type defines them.
const TRAIT_METHODS: &[&str] = &[
    "as_mut",
    "as_ref",
    "borrow",
    "borrow_mut",
    "clone",
    "deref",
    "deref_mut",
    "drop",
    "into_iter",
    "neg",
    "next",
    "not",
];

fn sensitive_debug(s: &Structure, is_error: bool, name: &proc_macro2::Ident) -> TokenStream {
    let title = name.to_string();
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

/// Display, Error, error metadata and the retry kind of a modeled error.
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
            if f.optional {
                quote!(let message = self.#field.as_deref().or(message);)
            } else {
                // Error correction leaves a missing message empty.
                quote! {
                    let message = ::std::option::Option::Some(self.#field.as_str())
                        .filter(|m| !m.is_empty())
                        .or(message);
                }
            }
        });
    let redact = s
        .sensitivity
        .message
        .then(|| quote!(let message = message.map(|_| ::sdk_runtime::error::REDACTED);));
    let sensitive_const = s.sensitivity.message.then(|| {
        quote!(
            const SENSITIVE_MESSAGE: bool = true;
        )
    });
    let headers: Vec<_> = s
        .fields
        .iter()
        .filter_map(|f| match &f.binding {
            crate::ir::Binding::Header(header) => {
                let field = ident(&f.rust_name);
                Some(if f.optional {
                    quote!(self.#field = resp.header(#header)?;)
                } else {
                    quote! {
                        if let ::std::option::Option::Some(value) = resp.header(#header)? {
                            self.#field = value;
                        }
                    }
                })
            }
            _ => None,
        })
        .collect();
    let read_headers = (!headers.is_empty()).then(|| {
        quote! {
            fn read_headers(
                &mut self,
                resp: &::sdk_runtime::response::Response<'_>,
            ) -> ::std::result::Result<(), ::sdk_runtime::response::DeserializeError> {
                #(#headers)*
                ::std::result::Result::Ok(())
            }
        }
    });
    quote! {
        impl #name {
            /// How a retry strategy should treat this error (from `@retryable` / the HTTP status).
            pub fn retryable_error_kind(&self) -> ::std::option::Option<::aws_smithy_types::retry::ErrorKind> {
                #retryable
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(#code)?;
                let message = ::aws_smithy_types::error::metadata::ProvideErrorMetadata::message(self);
                #message
                #redact
                if let ::std::option::Option::Some(message) = message {
                    ::std::write!(f, ": {message}")?;
                }
                ::std::result::Result::Ok(())
            }
        }
        impl ::std::error::Error for #name {}
        impl ::aws_smithy_types::error::metadata::ProvideErrorMetadata for #name {
            fn meta(&self) -> &::aws_smithy_types::error::ErrorMetadata {
                &self.meta
            }
        }
        impl ::sdk_runtime::error::ModeledError for #name {
            #sensitive_const
            fn set_meta(&mut self, meta: ::aws_smithy_types::error::ErrorMetadata) {
                self.meta = meta;
            }
            #read_headers
        }
    }
}

/// The builder: a newtype over the structure it builds, so members are declared once.
fn builder(s: &Structure, builder_name: &proc_macro2::Ident, kind: Kind) -> TokenStream {
    let name = ident(&s.rust_name);
    let target = match kind {
        Kind::Input | Kind::Output => quote!(super::#name),
        Kind::Plain => quote!(crate::types::#name),
        Kind::Error => quote!(crate::types::error::#name),
    };
    let is_error = kind == Kind::Error;
    let fields = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let ty = builder_field_tokens(f);
        quote!(pub(crate) #field: #ty,)
    });
    let meta_field =
        is_error.then(|| quote!(pub(crate) meta: ::aws_smithy_types::error::ErrorMetadata,));
    let methods: Vec<_> = s
        .fields
        .iter()
        .map(|f| member_setters(f, Setter::Builder))
        .collect();
    // Inputs check their `@required` members here, before anything is sent.
    let checks: Vec<_> = s
        .fields
        .iter()
        .filter(|f| kind == Kind::Input && f.required)
        .map(|f| {
            let field = ident(&f.rust_name);
            let member = &f.member;
            quote! {
                if self.#field.is_none() {
                    return ::std::result::Result::Err(
                        ::aws_smithy_types::error::operation::BuildError::missing_field(
                            #member,
                            "a required member was not set",
                        ),
                    );
                }
            }
        })
        .collect();
    let members = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let member = &f.member;
        if f.optional {
            quote!(#field: self.#field,)
        } else if f.default.is_some() {
            let value = initial_value(f);
            match &f.ty {
                RustType::Bool
                | RustType::I8
                | RustType::I16
                | RustType::I32
                | RustType::I64
                | RustType::F32
                | RustType::F64 => quote!(#field: self.#field.unwrap_or(#value),),
                _ => quote!(#field: self.#field.unwrap_or_else(|| #value),),
            }
        } else {
            quote! {
                #field: self.#field.ok_or_else(|| {
                    ::aws_smithy_types::error::operation::BuildError::missing_field(
                        #member,
                        "a required member was not set",
                    )
                })?,
            }
        }
    });
    let meta_member = match kind {
        Kind::Error => Some(quote!(meta: self.meta,)),
        Kind::Output => Some(quote!(_request_id: ::std::option::Option::None,)),
        _ => None,
    };
    let meta_setter = is_error.then(|| {
        quote! {
            /// Sets the error metadata (code, message, request id).
            pub fn meta(mut self, meta: ::aws_smithy_types::error::ErrorMetadata) -> Self {
                self.meta = meta;
                self
            }
        }
    });
    let target_path = target.to_string().replace(' ', "");
    let link = format!("[`{}`]({target_path})", s.rust_name);
    let struct_doc = format!(" A builder for {link}.");
    let build = if s.builder_fallible {
        let doc = format!(" Builds {link}, failing when a required member is unset.");
        quote! {
            #[doc = #doc]
            pub fn build(self) -> ::std::result::Result<#target, ::aws_smithy_types::error::operation::BuildError> {
                #(#checks)*
                ::std::result::Result::Ok(#target { #(#members)* #meta_member })
            }
        }
    } else {
        let doc = format!(" Builds {link}.");
        quote! {
            #[doc = #doc]
            pub fn build(self) -> #target {
                #target { #(#members)* #meta_member }
            }
        }
    };
    let sensitive = s.sensitivity.whole || s.fields.iter().any(|f| f.sensitive);
    let debug = if sensitive { quote!() } else { quote!(Debug,) };
    let debug_impl = sensitive.then(|| sensitive_debug(s, is_error, builder_name));
    quote! {
        #[doc = #struct_doc]
        #[derive(Clone, PartialEq, #debug Default)]
        #[non_exhaustive]
        pub struct #builder_name {
            #(#fields)*
            #meta_field
        }
        impl #builder_name {
            #(#methods)*
            #meta_setter
            #build
        }
        #debug_impl
    }
}

/// Where a member's setters write: a builder wrapping the structure it builds, or a fluent
/// builder that forwards to its input builder (`inner`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Setter {
    Builder,
    Fluent,
}

/// `x(..)`, `set_x(..)` and `get_x()` for one member, documented like the member (lists append
/// and maps insert one entry, as in aws-sdk-rust).
pub fn member_setters(f: &Field, setter: Setter) -> TokenStream {
    let field = ident(&f.rust_name);
    let set = format_ident!("set_{}", bare(&f.rust_name));
    let get = format_ident!("get_{}", bare(&f.rust_name));
    let docs = field_docs(f);
    let boxed = |ty: TokenStream| {
        if f.boxed {
            quote!(::std::boxed::Box<#ty>)
        } else {
            ty
        }
    };
    // (the argument list and the stored value of `x(..)`, the type `set_x` takes)
    let (params, value, whole) = match &f.ty {
        RustType::List { item, sparse, .. } if !f.boxed => {
            let item = tokens(item);
            let item = if *sparse {
                quote!(::std::option::Option<#item>)
            } else {
                item
            };
            (
                quote!(item: impl ::std::convert::Into<#item>),
                quote!(item.into()),
                quote!(::std::vec::Vec<#item>),
            )
        }
        RustType::Map {
            key, value, sparse, ..
        } if !f.boxed => {
            let value = tokens(value);
            let value = if *sparse {
                quote!(::std::option::Option<#value>)
            } else {
                value
            };
            // Enum keys are taken as the enum, as aws-sdk-rust does.
            let (key_param, key_ty, key_value) = match &**key {
                RustType::String => (
                    quote!(key: impl ::std::convert::Into<::std::string::String>),
                    quote!(::std::string::String),
                    quote!(key.into()),
                ),
                other => {
                    let ty = tokens(other);
                    (quote!(key: #ty), ty, quote!(key))
                }
            };
            (
                quote!(#key_param, value: impl ::std::convert::Into<#value>),
                quote!((#key_value, value.into())),
                quote!(::std::collections::HashMap<#key_ty, #value>),
            )
        }
        other => {
            let ty = tokens(other);
            (
                quote!(input: impl ::std::convert::Into<#ty>),
                quote!(input.into()),
                ty,
            )
        }
    };
    let stored = boxed(whole.clone());
    match setter {
        Setter::Builder => {
            let add = match &f.ty {
                RustType::List { .. } if !f.boxed => quote! {
                    self.#field.get_or_insert_with(::std::vec::Vec::new).push(#value);
                },
                RustType::Map { .. } if !f.boxed => quote! {
                    let (key, value) = #value;
                    self.#field.get_or_insert_with(::std::collections::HashMap::new).insert(key, value);
                },
                _ if f.boxed => quote! {
                    self.#field = ::std::option::Option::Some(::std::boxed::Box::new(#value));
                },
                _ => quote! {
                    self.#field = ::std::option::Option::Some(#value);
                },
            };
            let set_value = if f.boxed {
                quote!(input.map(::std::boxed::Box::new))
            } else {
                quote!(input)
            };
            quote! {
                #docs
                pub fn #field(mut self, #params) -> Self {
                    #add
                    self
                }
                #docs
                pub fn #set(mut self, input: ::std::option::Option<#whole>) -> Self {
                    self.#field = #set_value;
                    self
                }
                #docs
                pub fn #get(&self) -> &::std::option::Option<#stored> {
                    &self.#field
                }
            }
        }
        Setter::Fluent => {
            let args = match &f.ty {
                RustType::Map { .. } if !f.boxed => quote!(key, value),
                RustType::List { .. } if !f.boxed => quote!(item),
                _ => quote!(input),
            };
            quote! {
                #docs
                pub fn #field(mut self, #params) -> Self {
                    self.inner = self.inner.#field(#args);
                    self
                }
                #docs
                pub fn #set(mut self, input: ::std::option::Option<#whole>) -> Self {
                    self.inner = self.inner.#set(input);
                    self
                }
                #docs
                pub fn #get(&self) -> &::std::option::Option<#stored> {
                    self.inner.#get()
                }
            }
        }
    }
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
        let ty = tokens(&f.ty);
        let ty = if f.boxed {
            quote!(::std::boxed::Box<#ty>)
        } else {
            ty
        };
        let docs = doc_or(f.docs.as_deref(), &format!("The `{}` variant.", f.member));
        quote! { #docs #v(#ty), }
    });
    let is_fns = u.variants.iter().map(|f| {
        let v = variant_ident(f);
        let is = format_ident!("is_{}", bare(&f.rust_name));
        let as_fn = format_ident!("as_{}", bare(&f.rust_name));
        let doc = format!(" True when this is the `{}` variant.", f.member);
        let as_doc = format!(
            " The `{}` value, or `Err(self)` for another variant.",
            f.member
        );
        let ty = tokens(&f.ty);
        let ty = if f.boxed {
            quote!(::std::boxed::Box<#ty>)
        } else {
            ty
        };
        quote! {
            #[doc = #as_doc]
            pub fn #as_fn(&self) -> ::std::result::Result<&#ty, &Self> {
                if let Self::#v(value) = self {
                    ::std::result::Result::Ok(value)
                } else {
                    ::std::result::Result::Err(self)
                }
            }
            #[doc = #doc]
            pub fn #is(&self) -> bool {
                ::std::matches!(self, Self::#v(_))
            }
        }
    });
    let redact = u.sensitivity.whole || u.variants.iter().any(|f| f.sensitive);
    let debug = (!redact).then(|| quote!(Debug));
    let codec = super::schema::union(u);
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
        #[derive(Clone, PartialEq, #debug)]
        pub enum #name {
            #(#variants)*
            /// A variant this version of the client does not know (a newer service may send one).
            #unknown,
        }
        impl #name {
            #(#is_fns)*
            /// True when the service sent a variant this client does not know.
            pub fn #is_unknown(&self) -> bool {
                ::std::matches!(self, Self::#unknown)
            }
        }
        #codec
        #debug_impl
    }
}

fn enumeration(e: &Enum) -> TokenStream {
    let name = ident(&e.rust_name);
    let unknown = format_ident!("{}", e.unknown_variant);
    let docs = doc_or(e.docs.as_deref(), &format!("The `{}` enum.", e.id.name));
    let variant_ids: Vec<_> = e
        .variants
        .iter()
        .map(|v| format_ident!("{}", v.rust_name))
        .collect();
    let variants = e.variants.iter().zip(&variant_ids).map(|(v, id)| {
        // The value is model text: a code span that no backtick or line break in it can end.
        let value = match code_span(&v.value) {
            span if span.is_empty() => code_span(&format!("{:?}", v.value)),
            span => span,
        };
        let docs = doc_or(v.docs.as_deref(), &value);
        quote!(#docs #id,)
    });
    if e.int {
        let values: Vec<i32> = e
            .variants
            .iter()
            .map(|v| v.value.parse().unwrap_or_default())
            .collect();
        return quote! {
            #docs
            #[non_exhaustive]
            #[derive(Clone, Copy, Eq, Ord, PartialEq, PartialOrd, Debug, Hash)]
            pub enum #name {
                #(#variants)*
                /// A value this version of the client does not know; the raw value is kept so it round-trips.
                #unknown(i32),
            }
            impl #name {
                /// The wire value.
                pub fn as_i32(&self) -> i32 {
                    match self {
                        #(Self::#variant_ids => #values,)*
                        Self::#unknown(value) => *value,
                    }
                }
                /// Every value this client knows.
                pub const fn values() -> &'static [i32] {
                    &[#(#values),*]
                }
            }
            impl ::std::convert::From<i32> for #name {
                fn from(value: i32) -> Self {
                    match value {
                        #(#values => Self::#variant_ids,)*
                        other => Self::#unknown(other),
                    }
                }
            }
            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::write!(f, "{}", self.as_i32())
                }
            }
            impl ::sdk_runtime::request::ToParam for #name {
                fn to_params(
                    &self,
                    location: ::sdk_runtime::request::ParamLocation,
                    out: &mut ::std::vec::Vec<::std::string::String>,
                ) -> ::std::result::Result<(), ::sdk_runtime::request::BuildError> {
                    ::sdk_runtime::request::ToParam::to_params(&self.as_i32(), location, out)
                }
            }
            impl ::sdk_runtime::response::FromHeader for #name {
                fn from_header(value: &str) -> ::std::result::Result<Self, ::std::string::String> {
                    <i32 as ::sdk_runtime::response::FromHeader>::from_header(value).map(Self::from)
                }
            }
        };
    }
    let values: Vec<&str> = e.variants.iter().map(|v| v.value.as_str()).collect();
    quote! {
        #docs
        #[non_exhaustive]
        #[derive(Clone, Eq, Ord, PartialEq, PartialOrd, Debug, Hash)]
        pub enum #name {
            #(#variants)*
            /// A value this version of the client does not know; the raw value is kept so it round-trips.
            #unknown(::std::string::String),
        }
        impl #name {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variant_ids => #values,)*
                    Self::#unknown(value) => value.as_str(),
                }
            }
            /// Every value this client knows.
            pub const fn values() -> &'static [&'static str] {
                &[#(#values),*]
            }
            /// The value `value` names, or an error when this client does not know it.
            pub fn try_parse(value: &str) -> ::std::result::Result<Self, ::sdk_runtime::error::UnknownVariantError> {
                match Self::from(value) {
                    Self::#unknown(_) => ::std::result::Result::Err(::sdk_runtime::error::UnknownVariantError::new(value)),
                    known => ::std::result::Result::Ok(known),
                }
            }
        }
        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#values => Self::#variant_ids,)*
                    other => Self::#unknown(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#values => Self::#variant_ids,)*
                    _ => Self::#unknown(value),
                }
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sdk_runtime::request::ToParam for #name {
            fn to_params(
                &self,
                location: ::sdk_runtime::request::ParamLocation,
                out: &mut ::std::vec::Vec<::std::string::String>,
            ) -> ::std::result::Result<(), ::sdk_runtime::request::BuildError> {
                ::sdk_runtime::request::ToParam::to_params(self.as_str(), location, out)
            }
        }
        impl ::sdk_runtime::response::FromHeader for #name {
            fn from_header(value: &str) -> ::std::result::Result<Self, ::std::string::String> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }
        impl ::sdk_runtime::schema::MapKey for #name {
            fn as_key(&self) -> &str {
                self.as_str()
            }
            fn from_key(key: ::std::string::String) -> Self {
                Self::from(key)
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
