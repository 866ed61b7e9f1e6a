//! One module per operation: its input, output, error enum, builders and wire glue.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::types::{Kind, structure};
use super::{doc_or, ident};
use crate::ir::{Operation, Service, names::bare};

/// `src/operation.rs`: the index of operation modules.
pub fn operation_index(service: &Service) -> TokenStream {
    let mods = service.operations.iter().map(|op| {
        let module = ident(&op.snake_name);
        let doc = format!(" Types for the `{}` operation.", op.name);
        quote! {
            #[doc = #doc]
            pub mod #module;
        }
    });
    quote! {
        //! Operations of the service, a module each (input, output, error, builders).
        pub use ::sdk_runtime::types::RequestId;
        #(#mods)*
    }
}

/// `src/operation/<op>.rs`.
pub fn operation_module(service: &Service, op: &Operation) -> TokenStream {
    let (input, input_builder) = structure(service, &op.input, quote!(builders), Kind::Input);
    let (output, output_builder) = structure(service, &op.output, quote!(builders), Kind::Output);
    let error = error_enum(service, op);
    let glue = super::wire::operation_spec(service, op);
    let fluent = super::client::fluent_builder(service, op);
    let paginator = super::paginator::paginator_module(op);
    let op_docs = doc_or(op.docs.as_deref(), &format!("The `{}` operation.", op.name));
    let op_name = ident(&op.name);
    quote! {
        #op_docs
        #[derive(Clone, Debug, Default)]
        #[non_exhaustive]
        pub struct #op_name;
        #input
        #output
        #error
        #glue
        #paginator
        /// Builders for this operation's input and output, and the fluent builder behind the client method.
        pub mod builders {
            #input_builder
            #output_builder
            #fluent
        }
    }
}

/// The per-operation error enum: a variant per modeled error, plus `Unhandled`.
fn error_enum(service: &crate::ir::Service, op: &Operation) -> TokenStream {
    let name = format_ident!("{}Error", op.name);
    let docs = format!(" Errors the `{}` operation can return.", op.name);
    let op_name = &op.name;
    let variants: Vec<_> = op.errors.iter().map(|e| ident(&e.rust_name)).collect();
    let declarations = op.errors.iter().zip(&variants).map(|(e, v)| {
        let docs = doc_or(e.docs.as_deref(), &format!("The `{}` error.", e.code));
        quote! { #docs #v(crate::types::error::#v), }
    });
    let is_fns = op.errors.iter().zip(&variants).map(|(e, v)| {
        let is = format_ident!("is_{}", bare(&crate::ir::names::field_name(&e.rust_name)));
        let doc = format!(" True when this is a `{}`.", e.rust_name);
        quote! {
            #[doc = #doc]
            pub fn #is(&self) -> bool {
                ::std::matches!(self, Self::#v(_))
            }
        }
    });
    let dispatch = op.errors.iter().zip(&variants).map(|(e, v)| {
        // Query-compatible services may name the error by its `@awsQueryError` code alone.
        let codes = std::iter::once(&e.code)
            .chain(e.query_code.as_ref().filter(|_| service.query_compatible));
        quote!(#(#codes)|* => ::sdk_runtime::shape::modeled_error(body, Self::#v),)
    });
    // The plain REST protocol has no error codes: a non-2xx response is the operation's modeled error.
    let fallback = match variants.first() {
        Some(first) if !service.protocol.has_error_codes() => {
            quote!(::sdk_runtime::shape::modeled_error(body, Self::#first))
        }
        _ => quote!(::std::convert::From::from(body.into_meta())),
    };
    let code = if op.errors.is_empty() {
        quote!(_code)
    } else {
        quote!(code)
    };
    let matched = if op.errors.is_empty() {
        quote!(#fallback)
    } else {
        quote! {
            match code {
                #(#dispatch)*
                _ => #fallback,
            }
        }
    };
    quote! {
        #[doc = #docs]
        #[non_exhaustive]
        #[derive(Debug)]
        pub enum #name {
            #(#declarations)*
            /// An error this client does not model (unknown code, undecodable body, or a failure
            /// before a response); its metadata keeps the code and message when there are any.
            Unhandled(::sdk_runtime::Unhandled),
        }
        impl #name {
            /// An unhandled error carrying only `meta` (code, message, request id).
            pub fn generic(meta: ::aws_smithy_types::error::ErrorMetadata) -> Self {
                Self::Unhandled(::sdk_runtime::Unhandled::new(meta))
            }
            /// An unhandled error caused by `err`.
            pub fn unhandled(
                err: impl ::std::convert::Into<::aws_smithy_runtime_api::box_error::BoxError>,
            ) -> Self {
                Self::Unhandled(::sdk_runtime::Unhandled::new(::std::default::Default::default()).with_source(err.into()))
            }
            #(#is_fns)*
            /// The error's metadata: code, message and request id, as received.
            pub fn meta(&self) -> &::aws_smithy_types::error::ErrorMetadata {
                match self {
                    #(Self::#variants(e) => &e.meta,)*
                    Self::Unhandled(e) => e.meta(),
                }
            }
            /// How a retry strategy should treat this error.
            pub fn retryable_error_kind(&self) -> ::std::option::Option<::aws_smithy_types::retry::ErrorKind> {
                match self {
                    #(Self::#variants(e) => e.retryable_error_kind(),)*
                    Self::Unhandled(_) => ::std::option::Option::None,
                }
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::sdk_runtime::error::fmt_operation_error(f, #op_name, self.meta())
            }
        }
        impl ::std::error::Error for #name {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(Self::#variants(e) => ::std::option::Option::Some(e),)*
                    Self::Unhandled(e) => ::std::error::Error::source(e),
                }
            }
        }
        impl ::aws_smithy_types::error::metadata::ProvideErrorMetadata for #name {
            fn meta(&self) -> &::aws_smithy_types::error::ErrorMetadata {
                self.meta()
            }
        }
        impl ::sdk_runtime::types::RequestId for #name {
            fn request_id(&self) -> ::std::option::Option<&str> {
                ::sdk_runtime::types::RequestId::request_id(self.meta())
            }
        }
        impl ::std::convert::From<::sdk_runtime::Unhandled> for #name {
            fn from(e: ::sdk_runtime::Unhandled) -> Self {
                Self::Unhandled(e)
            }
        }
        impl ::std::convert::From<::aws_smithy_types::error::ErrorMetadata> for #name {
            fn from(meta: ::aws_smithy_types::error::ErrorMetadata) -> Self {
                Self::Unhandled(::sdk_runtime::Unhandled::new(meta))
            }
        }
        impl ::sdk_runtime::OperationError for #name {
            fn from_response(
                #code: &str,
                body: ::sdk_runtime::response::ErrorBody<'_>,
            ) -> Self {
                #matched
            }
            fn retryable_error_kind(&self) -> ::std::option::Option<::aws_smithy_types::retry::ErrorKind> {
                #name::retryable_error_kind(self)
            }
        }
        impl ::aws_smithy_runtime_api::client::result::CreateUnhandledError for #name {
            fn create_unhandled_error(
                source: ::aws_smithy_runtime_api::box_error::BoxError,
                meta: ::std::option::Option<::aws_smithy_types::error::ErrorMetadata>,
            ) -> Self {
                Self::Unhandled(::sdk_runtime::Unhandled::new(meta.unwrap_or_default()).with_source(source))
            }
        }
    }
}
