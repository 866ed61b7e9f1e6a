//! The client, its config, each operation's fluent builder, and the service description the
//! runtime works from. Everything generic lives in `sdk_runtime`; what is here is per-service.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{doc_or, ident};
use crate::ir::{AuthScheme, Operation, Protocol, Service};

/// `src/client.rs`: `Client`, its operation methods, and the static service description.
pub fn client_module(service: &Service) -> TokenStream {
    let aws = service.aws || service.uses_sigv4();
    let title = &service.title;
    let client_doc = format!(" Client for {title}.");
    let methods = service.operations.iter().map(|op| {
        let method = ident(&op.snake_name);
        let module = ident(&op.snake_name);
        let fluent = format_ident!("{}FluentBuilder", op.name);
        let docs = doc_or(
            op.docs.as_deref(),
            &format!("Calls the `{}` operation.", op.name),
        );
        let see = " Set the input with the builder's methods, then call `send().await`.";
        quote! {
            #docs
            ///
            #[doc = #see]
            pub fn #method(&self) -> crate::operation::#module::builders::#fluent {
                crate::operation::#module::builders::#fluent::new(self.config.0.clone())
            }
        }
    });
    let new_fn = aws.then(|| {
        quote! {
            /// Creates a client from a shared AWS configuration (as loaded by `aws-config`).
            pub fn new(sdk_config: &::aws_types::SdkConfig) -> Self {
                Self::from_conf(crate::Config::from(sdk_config))
            }
        }
    });
    let protocol = match &service.protocol {
        Protocol::RestJson1 => quote!(::sdk_runtime::Protocol::RestJson1),
        Protocol::AwsJson1_0 { target_prefix } => {
            quote!(::sdk_runtime::Protocol::AwsJson1_0 { target_prefix: #target_prefix })
        }
        Protocol::AwsJson1_1 { target_prefix } => {
            quote!(::sdk_runtime::Protocol::AwsJson1_1 { target_prefix: #target_prefix })
        }
        Protocol::PlainRestJson => quote!(::sdk_runtime::Protocol::PlainRestJson),
    };
    let auth = auth_schemes(&service.auth);
    let query_compatible = service.query_compatible;
    let headers = service
        .static_headers
        .iter()
        .map(|(name, value)| quote!((#name, #value)));
    let name = &service.settings.crate_name;
    let endpoint = endpoint_fn(service);
    let (default_endpoint, endpoint_params) = if service.endpoint_rule_set.is_some() {
        (
            quote!(crate::config::endpoint::default_url),
            quote!(::std::option::Option::Some(
                crate::config::endpoint::resolver_params
            )),
        )
    } else {
        (
            quote!(resolve_endpoint),
            quote!(::std::option::Option::None),
        )
    };
    let waiters = super::waiters::waiters_trait(service);
    quote! {
        //! The service client.
        #[doc = #client_doc]
        ///
        /// Cheap to clone: clones share the configuration and the HTTP client.
        #[derive(Clone, Debug)]
        pub struct Client {
            config: crate::Config,
        }
        impl Client {
            /// Creates a client from its configuration.
            pub fn from_conf(config: crate::Config) -> Self {
                Self { config }
            }
            #new_fn
            /// The client's configuration.
            pub fn config(&self) -> &crate::Config {
                &self.config
            }
            #(#methods)*
        }
        #waiters
        /// What the runtime needs to know about the service.
        pub(crate) static SERVICE: ::sdk_runtime::ServiceSpec = ::sdk_runtime::ServiceSpec {
            name: #name,
            version: ::std::env!("CARGO_PKG_VERSION"),
            auth: #auth,
            protocol: #protocol,
            query_compatible: #query_compatible,
            headers: &[#(#headers),*],
            endpoint: #default_endpoint,
            endpoint_params: #endpoint_params,
        };
        #endpoint
        /// Per-call changes to an operation: `client.op().customize()`.
        pub mod customize {
            /// An operation call with per-call configuration overrides and interceptors.
            pub struct CustomizableOperation<T, E, B> {
                customizable_send: B,
                config_override: ::std::option::Option<crate::config::Builder>,
                interceptors: ::std::vec::Vec<::sdk_runtime::types::SharedInterceptor>,
                _output: ::std::marker::PhantomData<fn() -> (T, E)>,
            }
            impl<T, E, B> CustomizableOperation<T, E, B> {
                pub(crate) fn new(customizable_send: B) -> Self {
                    Self {
                        customizable_send,
                        config_override: ::std::option::Option::None,
                        interceptors: ::std::vec::Vec::new(),
                        _output: ::std::marker::PhantomData,
                    }
                }
                /// Overrides, for this call only, the settings `config` sets.
                pub fn config_override(mut self, config: impl ::std::convert::Into<crate::config::Builder>) -> Self {
                    self.config_override = ::std::option::Option::Some(config.into());
                    self
                }
                /// Adds an interceptor for this call only.
                pub fn interceptor(mut self, interceptor: impl ::sdk_runtime::types::Intercept + 'static) -> Self {
                    self.interceptors.push(::sdk_runtime::types::SharedInterceptor::new(interceptor));
                    self
                }
            }
            impl<T, E, B: internal::CustomizableSend<T, E>> CustomizableOperation<T, E, B> {
                /// Sends the call with the overrides applied.
                pub async fn send(
                    self,
                ) -> ::std::result::Result<T, ::aws_smithy_runtime_api::client::result::SdkError<E, ::aws_smithy_runtime_api::client::orchestrator::HttpResponse>> {
                    let mut config = self.customizable_send.config().to_builder();
                    if let ::std::option::Option::Some(over) = self.config_override {
                        config = config.merged_with(over.0);
                    }
                    for interceptor in self.interceptors {
                        config.push_interceptor(interceptor);
                    }
                    self.customizable_send.send_with_config(config.build()).await
                }
            }
            impl<T, E, B> ::std::fmt::Debug for CustomizableOperation<T, E, B> {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.debug_struct("CustomizableOperation")
                        .field("config_override", &self.config_override)
                        .finish_non_exhaustive()
                }
            }
            /// What `CustomizableOperation` needs of a fluent builder (implemented by every
            /// operation's fluent builder).
            #[doc(hidden)]
            pub mod internal {
                /// A call that can be sent with a configuration of the caller's choosing.
                pub trait CustomizableSend<T, E> {
                    /// The configuration the call would use.
                    fn config(&self) -> &::sdk_runtime::ConfigCore;
                    /// Sends the call with `config`.
                    fn send_with_config(
                        self,
                        config: ::sdk_runtime::ConfigCore,
                    ) -> impl ::std::future::Future<
                        Output = ::std::result::Result<T, ::aws_smithy_runtime_api::client::result::SdkError<E, ::aws_smithy_runtime_api::client::orchestrator::HttpResponse>>,
                    > + ::std::marker::Send;
                }
            }
        }
    }
}

/// The default endpoint: the model's endpoint rules (in `config::endpoint`), or the settings'
/// fixed URL.
fn endpoint_fn(service: &Service) -> TokenStream {
    if service.endpoint_rule_set.is_some() {
        return TokenStream::new();
    }
    let url = service
        .settings
        .default_endpoint
        .clone()
        .unwrap_or_default();
    quote! {
        /// The service's fixed default endpoint (`endpoint_url` overrides it).
        fn resolve_endpoint(
            config: &::sdk_runtime::config::ConfigCore,
        ) -> ::std::result::Result<::std::string::String, ::aws_smithy_runtime_api::box_error::BoxError> {
            ::sdk_runtime::regional_endpoint(config, #url)
        }
    }
}

/// `src/config.rs`: `Config` and its `Builder` (expanded by the runtime's `client_config!`, which
/// forwards the settings that apply to this service's auth).
pub fn config_module(service: &Service) -> TokenStream {
    let schemes = service.all_auth_schemes();
    let has = |f: fn(&AuthScheme) -> bool| schemes.iter().any(|s| f(s));
    let parts = [
        ("aws", service.aws || service.uses_sigv4()),
        ("sigv4", service.uses_sigv4()),
        ("bearer", has(|s| matches!(s, AuthScheme::HttpBearer))),
        (
            "api_key",
            has(|s| matches!(s, AuthScheme::HttpApiKey { .. })),
        ),
    ];
    let parts = parts
        .iter()
        .filter(|(_, on)| *on)
        .map(|(part, _)| format_ident!("{part}"));
    // The signing name of the service's SigV4 scheme (the one its operations share).
    let signing_name = schemes.iter().find_map(|s| match s {
        AuthScheme::SigV4 { signing_name } => Some(signing_name),
        _ => None,
    });
    let signing_name = signing_name.map(|name| {
        quote! {
            impl Config {
                /// The name requests are signed for (SigV4).
                pub fn signing_name(&self) -> &'static str {
                    #name
                }
            }
        }
    });
    let endpoint = if service.endpoint_rule_set.is_some() {
        super::endpoint::config_items()
    } else {
        quote! {
            /// Endpoint types.
            pub mod endpoint {
                pub use ::sdk_runtime::types::config::endpoint::*;
            }
        }
    };
    quote! {
        //! Client configuration.
        ::sdk_runtime::client_config!(#(#parts),*);
        #signing_name
        #endpoint
    }
}

/// `&[AuthScheme, ...]`: auth schemes in preference order, as the runtime reads them.
pub fn auth_schemes(schemes: &[AuthScheme]) -> TokenStream {
    let schemes = schemes.iter().map(|scheme| match scheme {
        AuthScheme::SigV4 { signing_name } => {
            quote!(::sdk_runtime::AuthScheme::SigV4 { signing_name: #signing_name })
        }
        AuthScheme::HttpBearer => quote!(::sdk_runtime::AuthScheme::HttpBearer),
        AuthScheme::HttpApiKey {
            name,
            in_header,
            scheme,
        } => {
            let location = if *in_header {
                quote!(::sdk_runtime::ApiKeyLocation::Header)
            } else {
                quote!(::sdk_runtime::ApiKeyLocation::Query)
            };
            let scheme = match scheme {
                Some(s) => quote!(::std::option::Option::Some(#s)),
                None => quote!(::std::option::Option::None),
            };
            quote!(::sdk_runtime::AuthScheme::HttpApiKey { name: #name, location: #location, scheme: #scheme })
        }
        AuthScheme::NoAuth => quote!(::sdk_runtime::AuthScheme::NoAuth),
    });
    quote!(&[#(#schemes),*])
}

/// The fluent builder behind `client.<operation>()`.
pub fn fluent_builder(_service: &Service, op: &Operation) -> TokenStream {
    let name = format_ident!("{}FluentBuilder", op.name);
    let input_builder = format_ident!("{}InputBuilder", op.name);
    let op_name = ident(&op.name);
    let doc = format!(
        " Fluent builder for the `{}` operation: set the input, then `send()` it.",
        op.name
    );
    let setters = op
        .input
        .fields
        .iter()
        .map(|f| super::types::member_setters(f, super::types::Setter::Fluent));
    let paginator = super::paginator::into_paginator(op);
    let input_link = format!(" The input as set so far ([`{input_builder}`]).");
    let output = format_ident!("{}Output", op.name);
    let error = format_ident!("{}Error", op.name);
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug)]
        pub struct #name {
            config: ::sdk_runtime::ConfigCore,
            inner: #input_builder,
        }
        impl #name {
            pub(crate) fn new(config: ::sdk_runtime::ConfigCore) -> Self {
                Self {
                    config,
                    inner: ::std::default::Default::default(),
                }
            }
            #[doc = #input_link]
            pub fn as_input(&self) -> &#input_builder {
                &self.inner
            }
            /// Checks the input, sends the request (retrying as configured) and reads the response.
            pub async fn send(self) -> ::sdk_runtime::InvokeResult<super::#op_name> {
                let input = self
                    .inner
                    .build()
                    .map_err(::aws_smithy_runtime_api::client::result::SdkError::construction_failure)?;
                ::sdk_runtime::invoke::<super::#op_name>(&crate::client::SERVICE, &self.config, input).await
            }
            /// This call with per-call configuration overrides and interceptors.
            pub fn customize(self) -> crate::client::customize::CustomizableOperation<super::#output, super::#error, Self> {
                crate::client::customize::CustomizableOperation::new(self)
            }
            #paginator
            #(#setters)*
        }
        impl crate::client::customize::internal::CustomizableSend<super::#output, super::#error> for #name {
            fn config(&self) -> &::sdk_runtime::ConfigCore {
                &self.config
            }
            async fn send_with_config(
                self,
                config: ::sdk_runtime::ConfigCore,
            ) -> ::sdk_runtime::InvokeResult<super::#op_name> {
                let input = self
                    .inner
                    .build()
                    .map_err(::aws_smithy_runtime_api::client::result::SdkError::construction_failure)?;
                ::sdk_runtime::invoke::<super::#op_name>(&crate::client::SERVICE, &config, input).await
            }
        }
    }
}

/// `src/endpoint_rules.rs`: the model's endpoint rule set (and its test cases) as JSON text, which
/// the runtime parses once on first use.
pub fn endpoint_rules_module(rules: &str, tests: Option<&serde_json::Value>) -> TokenStream {
    let tests = tests.map(|tests| {
        let text = tests.to_string();
        quote! {
            /// The model's `smithy.rules#endpointTests`.
            #[cfg(test)]
            pub(crate) const TESTS: &str = #text;
        }
    });
    quote! {
        //! The service's endpoint rules, from the model's `smithy.rules#endpointRuleSet`.
        /// The model's `smithy.rules#endpointRuleSet`.
        pub(crate) const RULE_SET: &str = #rules;
        #tests
    }
}
