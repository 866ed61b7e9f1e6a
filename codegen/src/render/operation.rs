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

/// The per-operation error enum: a variant per modeled error, plus `Unhandled` (expanded by the
/// runtime's `operation_error!`).
fn error_enum(service: &crate::ir::Service, op: &Operation) -> TokenStream {
    let name = format_ident!("{}Error", op.name);
    let docs = format!(" Errors the `{}` operation can return.", op.name);
    let op_name = &op.name;
    let variants = op.errors.iter().map(|e| {
        let v = ident(&e.rust_name);
        let docs = doc_or(e.docs.as_deref(), &format!("The `{}` error.", e.code));
        let is = format_ident!("is_{}", bare(&crate::ir::names::field_name(&e.rust_name)));
        // Query-compatible services may name the error by its `@awsQueryError` code alone.
        let codes = std::iter::once(&e.code)
            .chain(e.query_code.as_ref().filter(|_| service.query_compatible));
        quote! { #docs #v(crate::types::error::#v), #is, #(#codes)|*; }
    });
    // The plain REST protocol has no error codes: a non-2xx response is the operation's modeled error.
    let fallback = match (&service.protocol, op.errors.first()) {
        (crate::ir::Protocol::PlainRestJson, Some(first)) => {
            let v = ident(&first.rust_name);
            quote!(, any code: #v)
        }
        _ => quote!(),
    };
    quote! {
        ::sdk_runtime::operation_error! {
            #[doc = #docs]
            #name, #op_name #fallback {
                #(#variants)*
            }
        }
    }
}
