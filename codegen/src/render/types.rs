//! Structures (with builders), enums and unions, and the `types` / `types::error` modules.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::{field_serde_attr, field_tokens, marker, tokens};
use super::{doc_attrs, doc_or, ident};
use crate::ir::{Enum, Field, RustType, Service, Structure, TypeDef, Union, names::bare};

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
    let sensitive = s.fields.iter().any(|f| f.sensitive);
    let debug = if sensitive {
        quote!()
    } else {
        quote!(::std::fmt::Debug,)
    };
    let is_error = kind == Kind::Error;

    let fields = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let ty = field_tokens(f);
        let docs = field_docs(f);
        let serde = if is_body(f, kind) {
            field_serde_attr(f)
        } else {
            quote!(#[serde(skip)])
        };
        quote! { #docs #serde pub #field: #ty, }
    });
    let meta_field = is_error.then(|| {
        quote! {
            /// Error metadata (code, message, request id) as received.
            #[serde(skip)]
            pub meta: ::aws_smithy_types::error::ErrorMetadata,
        }
    });
    let getters = s.fields.iter().map(getter);
    let debug_impl = sensitive.then(|| sensitive_debug(s, is_error));
    let validate = matches!(kind, Kind::Plain | Kind::Input)
        .then(|| super::validate::validate_method(service, s, kind == Kind::Input));
    let error_impls = is_error.then(|| error_impls(s));

    let builder_doc = format!(" Creates a new builder for [`{}`].", s.rust_name);
    let item = quote! {
        #docs
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::cmp::PartialEq, #debug ::std::default::Default, ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #(#fields)*
            #meta_field
        }
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
    matches!(kind, Kind::Plain | Kind::Error) || f.binding == crate::ir::Binding::Body
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
        docs.push_str(&format!("\n\nThe service's default is `{default}`."));
    }
    doc_attrs(Some(&docs))
}

fn getter(f: &Field) -> TokenStream {
    let field = ident(&f.rust_name);
    let docs = field_docs(f);
    let (ret, body) = match &f.ty {
        RustType::String | RustType::BigNumber if !f.boxed => (
            quote!(::std::option::Option<&str>),
            quote!(self.#field.as_deref()),
        ),
        RustType::List { .. } => {
            let ty = tokens(&f.ty);
            let item = match &f.ty {
                RustType::List {
                    item,
                    sparse: false,
                    ..
                } => tokens(item),
                RustType::List { item, .. } => {
                    let item = tokens(item);
                    quote!(::std::option::Option<#item>)
                }
                _ => ty,
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
        | RustType::F64 => {
            let ty = tokens(&f.ty);
            (quote!(::std::option::Option<#ty>), quote!(self.#field))
        }
        other => {
            let ty = tokens(other);
            let body = if f.boxed {
                quote!(self.#field.as_deref())
            } else {
                quote!(self.#field.as_ref())
            };
            (quote!(::std::option::Option<&#ty>), body)
        }
    };
    quote! {
        #docs
        pub fn #field(&self) -> #ret {
            #body
        }
    }
}

fn sensitive_debug(s: &Structure, is_error: bool) -> TokenStream {
    let name = ident(&s.rust_name);
    let title = &s.rust_name;
    let fields = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let label = bare(&f.rust_name);
        if f.sensitive {
            quote!(.field(#label, &"*** Sensitive Data Redacted ***"))
        } else {
            quote!(.field(#label, &self.#field))
        }
    });
    let meta = is_error.then(|| quote!(.field("meta", &self.meta)));
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#title) #(#fields)* #meta .finish()
            }
        }
    }
}

/// Display, Error and error metadata for modeled errors.
fn error_impls(s: &Structure) -> TokenStream {
    let name = ident(&s.rust_name);
    let code = &s.id.name;
    let retryable = match s.error.as_ref().and_then(|e| e.retryable) {
        Some(true) => quote!(::std::option::Option::Some(
            ::aws_smithy_types::retry::ErrorKind::ThrottlingError
        )),
        Some(false) => quote!(::std::option::Option::Some(
            ::aws_smithy_types::retry::ErrorKind::TransientError
        )),
        None if s.error.as_ref().and_then(|e| e.http_status) == Some(429) => {
            quote!(::std::option::Option::Some(
                ::aws_smithy_types::retry::ErrorKind::ThrottlingError
            ))
        }
        None => quote!(::std::option::Option::None),
    };
    let has_message = s
        .fields
        .iter()
        .any(|f| f.rust_name == "message" && f.ty == RustType::String);
    let message = if has_message {
        quote!(self.message.as_deref().or(self.meta.message()))
    } else {
        quote!(self.meta.message())
    };
    quote! {
        impl #name {
            /// How a retry strategy should treat this error (from `@retryable`).
            pub fn retryable_error_kind(&self) -> ::std::option::Option<::aws_smithy_types::retry::ErrorKind> {
                #retryable
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(#code)?;
                if let ::std::option::Option::Some(message) = #message {
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
        impl ::sdk_runtime::shape::ModeledError for #name {
            fn set_meta(&mut self, meta: ::aws_smithy_types::error::ErrorMetadata) {
                self.meta = meta;
            }
        }
    }
}

fn builder(s: &Structure, builder_name: &proc_macro2::Ident, kind: Kind) -> TokenStream {
    let name = ident(&s.rust_name);
    let target = match kind {
        Kind::Input | Kind::Output => quote!(super::#name),
        Kind::Plain => quote!(crate::types::#name),
        Kind::Error => quote!(crate::types::error::#name),
    };
    let fields = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let ty = field_tokens(f);
        quote!(pub(crate) #field: #ty,)
    });
    let methods = s.fields.iter().map(setters);
    let required: Vec<_> = s.fields.iter().filter(|f| f.required).collect();
    let fallible = kind == Kind::Input || !required.is_empty();
    let checks = required.iter().map(|f| {
        let field = ident(&f.rust_name);
        let member = &f.member;
        quote!(::sdk_runtime::shape::require(&self.#field, #member, stringify!(#name))?;)
    });
    let assigns = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        quote!(#field: self.#field,)
    });
    let meta_field = (kind == Kind::Error)
        .then(|| quote!(pub(crate) meta: ::aws_smithy_types::error::ErrorMetadata,));
    let meta_assign = (kind == Kind::Error).then(|| quote!(meta: self.meta,));
    let meta_setter = (kind == Kind::Error).then(|| {
        quote! {
            /// Sets the error metadata (code, message, request id).
            pub fn meta(mut self, meta: ::aws_smithy_types::error::ErrorMetadata) -> Self {
                self.meta = meta;
                self
            }
        }
    });
    let construct = quote!(#target { #(#assigns)* #meta_assign });
    let target_path = target.to_string().replace(' ', "");
    let link = format!("[`{}`]({target_path})", s.rust_name);
    let struct_doc = format!(" A builder for {link}.");
    let build_doc = if fallible {
        format!(" Builds {link}, failing when a required member is unset.")
    } else {
        format!(" Builds {link}.")
    };
    let build = if fallible {
        quote! {
            #[doc = #build_doc]
            pub fn build(self) -> ::std::result::Result<#target, ::aws_smithy_types::error::operation::BuildError> {
                #(#checks)*
                ::std::result::Result::Ok(#construct)
            }
        }
    } else {
        quote! {
            #[doc = #build_doc]
            pub fn build(self) -> #target {
                #construct
            }
        }
    };
    let debug = if s.fields.iter().any(|f| f.sensitive) {
        quote!()
    } else {
        quote!(::std::fmt::Debug,)
    };
    quote! {
        #[doc = #struct_doc]
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::cmp::PartialEq, #debug ::std::default::Default)]
        pub struct #builder_name {
            #(#fields)*
            #meta_field
        }
        impl #builder_name {
            #(#methods)*
            #meta_setter
            #build
        }
    }
}

/// `x(..)`, `set_x(..)` and `get_x()` for one member (lists append, maps insert, as aws-sdk-rust does).
fn setters(f: &Field) -> TokenStream {
    let field = ident(&f.rust_name);
    let bare_name = bare(&f.rust_name);
    let set = format_ident!("set_{}", bare_name);
    let get = format_ident!("get_{}", bare_name);
    let docs = field_docs(f);
    let full = field_tokens(f);
    let boxed = f.boxed;
    let value = tokens(&f.ty);
    let wrap = |v: TokenStream| {
        if boxed {
            quote!(::std::boxed::Box::new(#v))
        } else {
            v
        }
    };
    let append_doc = format!(" Appends one item; use [`Self::{set}`] to replace the whole list.");
    let insert_doc = format!(" Inserts one entry; use [`Self::{set}`] to replace the whole map.");
    let primary = match &f.ty {
        RustType::List { item, sparse, .. } => {
            let item = tokens(item);
            let item = if *sparse {
                quote!(::std::option::Option<#item>)
            } else {
                item
            };
            quote! {
                #docs
                ///
                #[doc = #append_doc]
                pub fn #field(mut self, item: #item) -> Self {
                    self.#field.get_or_insert_with(::std::vec::Vec::new).push(item);
                    self
                }
            }
        }
        RustType::Map {
            value: v, sparse, ..
        } => {
            let v = tokens(v);
            let v = if *sparse {
                quote!(::std::option::Option<#v>)
            } else {
                v
            };
            quote! {
                #docs
                ///
                #[doc = #insert_doc]
                pub fn #field(mut self, key: impl ::std::convert::Into<::std::string::String>, value: #v) -> Self {
                    self.#field.get_or_insert_with(::std::collections::HashMap::new).insert(key.into(), value);
                    self
                }
            }
        }
        _ => {
            let v = wrap(quote!(input.into()));
            quote! {
                #docs
                pub fn #field(mut self, input: impl ::std::convert::Into<#value>) -> Self {
                    self.#field = ::std::option::Option::Some(#v);
                    self
                }
            }
        }
    };
    let set_value = if boxed {
        quote!(input.map(::std::boxed::Box::new))
    } else {
        quote!(input)
    };
    quote! {
        #primary
        #docs
        pub fn #set(mut self, input: ::std::option::Option<#value>) -> Self {
            self.#field = #set_value;
            self
        }
        #docs
        pub fn #get(&self) -> &#full {
            &self.#field
        }
    }
}

fn union(u: &Union) -> TokenStream {
    let name = ident(&u.rust_name);
    let docs = doc_or(u.docs.as_deref(), &format!("The `{}` union.", u.id.name));
    let variant_ident = |f: &Field| format_ident!("{}", crate::ir::names::type_name(&f.member));
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
    quote! {
        #docs
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::fmt::Debug, ::serde::Serialize)]
        pub enum #name {
            #(#variants)*
            /// A variant this version of the client does not know (a newer service may send one).
            #[serde(skip)]
            Unknown,
        }
        impl #name {
            #(#is_fns)*
            /// True when the service sent a variant this client does not know.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, Self::Unknown)
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let ::std::option::Option::Some((key, value)) = ::sdk_runtime::shape::union_entry(deserializer)? else {
                    return ::std::result::Result::Ok(Self::Unknown);
                };
                match key.as_str() {
                    #(#arms)*
                    _ => ::std::result::Result::Ok(Self::Unknown),
                }
            }
        }
    }
}

fn enumeration(e: &Enum) -> TokenStream {
    let name = ident(&e.rust_name);
    let unknown = format_ident!("{}", e.unknown_variant);
    let docs = doc_or(e.docs.as_deref(), &format!("The `{}` enum.", e.id.name));
    let variants = e.variants.iter().map(|v| {
        let id = format_ident!("{}", v.rust_name);
        let docs = doc_or(v.docs.as_deref(), &format!("`{}`", v.value));
        quote!(#docs #id,)
    });
    let (raw, raw_ref) = if e.int {
        (quote!(i32), quote!(i32))
    } else {
        (quote!(::std::string::String), quote!(&'static str))
    };
    let literals: Vec<TokenStream> = e
        .variants
        .iter()
        .map(|v| {
            if e.int {
                v.value
                    .parse::<i32>()
                    .map(|i| quote!(#i))
                    .unwrap_or_else(|_| quote!(0))
            } else {
                let s = &v.value;
                quote!(#s)
            }
        })
        .collect();
    let ids: Vec<_> = e
        .variants
        .iter()
        .map(|v| format_ident!("{}", v.rust_name))
        .collect();
    let as_value = if e.int {
        quote! {
            /// The wire value.
            pub fn as_i32(&self) -> i32 {
                match self {
                    #(Self::#ids => #literals,)*
                    Self::#unknown(value) => *value,
                }
            }
        }
    } else {
        quote! {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#ids => #literals,)*
                    Self::#unknown(value) => value.as_str(),
                }
            }
        }
    };
    let from_value = if e.int {
        quote!(match value { #(#literals => Self::#ids,)* other => Self::#unknown(other) })
    } else {
        quote!(match value.as_str() { #(#literals => Self::#ids,)* _ => Self::#unknown(value) })
    };
    let display = if e.int {
        quote!(::std::write!(f, "{}", self.as_i32()))
    } else {
        quote!(f.write_str(self.as_str()))
    };
    let into_raw = if e.int {
        quote!(value.as_i32())
    } else {
        quote!(value.as_str().to_string())
    };
    let from_ref = (!e.int).then(|| {
        quote! {
            impl ::std::convert::From<&str> for #name {
                fn from(value: &str) -> Self {
                    Self::from(value.to_string())
                }
            }
            impl ::std::str::FromStr for #name {
                type Err = ::std::convert::Infallible;
                fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                    ::std::result::Result::Ok(Self::from(value))
                }
            }
        }
    });
    let _ = raw_ref;
    let raw_str = raw.to_string().replace(' ', "");
    quote! {
        #docs
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::cmp::Eq, ::std::cmp::Ord, ::std::cmp::PartialEq, ::std::cmp::PartialOrd, ::std::fmt::Debug, ::std::hash::Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(from = #raw_str, into = #raw_str)]
        pub enum #name {
            #(#variants)*
            /// A value this version of the client does not know; the raw value is kept so it round-trips.
            #unknown(#raw),
        }
        impl #name {
            #as_value
            /// Every value this client knows.
            pub const fn values() -> &'static [#raw_ref] {
                &[#(#literals),*]
            }
        }
        impl ::std::convert::From<#raw> for #name {
            fn from(value: #raw) -> Self {
                #from_value
            }
        }
        impl ::std::convert::From<#name> for #raw {
            fn from(value: #name) -> Self {
                #into_raw
            }
        }
        #from_ref
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #display
            }
        }
    }
}
