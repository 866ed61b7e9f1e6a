//! `src/error_meta.rs`: the service-wide `Error`, one variant per modeled error of the service,
//! which every operation's error (and `SdkError` of it) converts into, as in aws-sdk-rust; a
//! program can then use `?` on any call in a function returning `Result<_, crate::Error>`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{doc_or, ident};
use crate::ir::Service;

pub fn error_meta_module(service: &Service) -> TokenStream {
    let variants: Vec<_> = service.errors.iter().map(|e| ident(&e.rust_name)).collect();
    let declarations = service.errors.iter().zip(&variants).map(|(e, v)| {
        let docs = doc_or(e.docs.as_deref(), &format!("The `{}` error.", e.id.name));
        quote! { #docs #v(crate::types::error::#v), }
    });
    let conversions = service.operations.iter().map(|op| {
        let module = ident(&op.snake_name);
        let op_error = format_ident!("{}Error", op.name);
        let path = quote!(crate::operation::#module::#op_error);
        let arms = op.errors.iter().map(|e| {
            let v = ident(&e.rust_name);
            quote!(#path::#v(inner) => Self::#v(inner),)
        });
        quote! {
            impl ::std::convert::From<#path> for Error {
                fn from(err: #path) -> Self {
                    match err {
                        #(#arms)*
                        #path::Unhandled(inner) => Self::Unhandled(inner),
                    }
                }
            }
            impl<R> ::std::convert::From<::aws_smithy_runtime_api::client::result::SdkError<#path, R>> for Error
            where
                R: ::std::fmt::Debug + ::std::marker::Send + ::std::marker::Sync + 'static,
            {
                fn from(err: ::aws_smithy_runtime_api::client::result::SdkError<#path, R>) -> Self {
                    match err {
                        ::aws_smithy_runtime_api::client::result::SdkError::ServiceError(context) => {
                            Self::from(context.into_err())
                        }
                        other => Self::Unhandled(
                            ::sdk_runtime::Unhandled::new(::std::default::Default::default())
                                .with_source(::std::boxed::Box::new(other)),
                        ),
                    }
                }
            }
        }
    });
    quote! {
        //! The service-wide error type.
        /// Every error the service models, plus `Unhandled`; each operation's error converts into it.
        #[non_exhaustive]
        #[derive(Debug)]
        pub enum Error {
            #(#declarations)*
            /// An error this client does not model, or a failure before a response (timeouts,
            /// connection errors, invalid input).
            Unhandled(::sdk_runtime::Unhandled),
        }
        impl Error {
            /// The error's metadata (code, message, request id), as received.
            pub fn meta(&self) -> &::aws_smithy_types::error::ErrorMetadata {
                match self {
                    #(Self::#variants(e) => &e.meta,)*
                    Self::Unhandled(e) => e.meta(),
                }
            }
        }
        impl ::std::fmt::Display for Error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(Self::#variants(e) => ::std::fmt::Display::fmt(e, f),)*
                    Self::Unhandled(e) => ::std::fmt::Display::fmt(e, f),
                }
            }
        }
        impl ::std::error::Error for Error {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(Self::#variants(e) => ::std::option::Option::Some(e),)*
                    Self::Unhandled(e) => ::std::error::Error::source(e),
                }
            }
        }
        impl ::aws_smithy_types::error::metadata::ProvideErrorMetadata for Error {
            fn meta(&self) -> &::aws_smithy_types::error::ErrorMetadata {
                self.meta()
            }
        }
        impl ::sdk_runtime::types::RequestId for Error {
            fn request_id(&self) -> ::std::option::Option<&str> {
                ::sdk_runtime::types::RequestId::request_id(self.meta())
            }
        }
        #(#conversions)*
    }
}
