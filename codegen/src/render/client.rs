//! The client, its config, each operation's fluent builder and wire glue.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Operation, Service};

pub fn client_module(_service: &Service) -> TokenStream {
    quote! {
        //! The service client.
        /// The client.
        pub struct Client;
    }
}

pub fn config_module(_service: &Service) -> TokenStream {
    quote! {
        //! Client configuration.
        /// The config.
        pub struct Config;
    }
}

pub fn operation_glue(_service: &Service, _op: &Operation) -> TokenStream {
    quote!()
}

pub fn fluent_builder(_service: &Service, _op: &Operation) -> TokenStream {
    quote!()
}
