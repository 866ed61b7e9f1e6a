//! The client, its config, each operation's fluent builder, and the service description the
//! runtime works from. Everything generic lives in `sdk_runtime`; what is here is per-service.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{doc_attrs, doc_or, ident};
use crate::ir::{Auth, Operation, Protocol, Service, names::bare};

/// `src/client.rs`: `Client`, its operation methods, and the static service description.
pub fn client_module(service: &Service) -> TokenStream {
    let aws = matches!(service.auth, Auth::SigV4 { .. });
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
        Protocol::AwsJson1_0 { target_prefix } | Protocol::AwsJson1_1 { target_prefix } => {
            quote!(::sdk_runtime::Protocol::AwsJson1_0 { target_prefix: #target_prefix })
        }
        Protocol::PlainRestJson => quote!(::sdk_runtime::Protocol::PlainRestJson),
    };
    let auth = match &service.auth {
        Auth::SigV4 { signing_name } => {
            quote!(::sdk_runtime::Auth::SigV4 { signing_name: #signing_name })
        }
        Auth::OptionalBearer => quote!(::sdk_runtime::Auth::OptionalBearer),
        Auth::None => quote!(::sdk_runtime::Auth::None),
    };
    let name = &service.settings.crate_name;
    let endpoint = endpoint_fn(service);
    quote! {
        //! The service client.
        #[doc = #client_doc]
        ///
        /// Cheap to clone: clones share the configuration and the HTTP client.
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
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
        /// What the runtime needs to know about the service.
        pub(crate) static SERVICE: ::sdk_runtime::ServiceSpec = ::sdk_runtime::ServiceSpec {
            name: #name,
            version: ::std::env!("CARGO_PKG_VERSION"),
            auth: #auth,
            protocol: #protocol,
            endpoint: resolve_endpoint,
        };
        #endpoint
    }
}

/// The default endpoint: the model's endpoint rules, or the settings' fixed URL.
fn endpoint_fn(service: &Service) -> TokenStream {
    if service.endpoint_rule_set.is_some() {
        quote! {
            static ENDPOINT_RULES: ::sdk_runtime::endpoint::EmbeddedRuleSet =
                ::sdk_runtime::endpoint::EmbeddedRuleSet::new(::std::include_str!("endpoint_rules.json"));
            /// Resolves the endpoint from the model's endpoint rules (region, FIPS, dual-stack).
            fn resolve_endpoint(
                config: &::sdk_runtime::config::ConfigCore,
            ) -> ::std::result::Result<::std::string::String, ::aws_smithy_runtime_api::box_error::BoxError> {
                ::sdk_runtime::endpoint::resolve_with_rules(&ENDPOINT_RULES, config)
            }
        }
    } else {
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
}

/// One configuration setting forwarded from the runtime's builder.
struct Setting {
    name: &'static str,
    set: &'static str,
    /// The consuming setter's parameter type.
    arg: TokenStream,
    /// The in-place setter's `Option<..>` type.
    stored: TokenStream,
    doc: &'static str,
}

fn settings(service: &Service) -> Vec<Setting> {
    let aws = matches!(service.auth, Auth::SigV4 { .. });
    let bearer = service.auth == Auth::OptionalBearer;
    let mut s = vec![Setting {
        name: "endpoint_url",
        set: "set_endpoint_url",
        arg: quote!(impl ::std::convert::Into<::std::string::String>),
        stored: quote!(::std::string::String),
        doc: "Sends requests to this URL instead of the service's default endpoint.",
    }];
    if aws {
        s.push(Setting {
            name: "region",
            set: "set_region",
            arg: quote!(impl ::std::convert::Into<::aws_types::region::Region>),
            stored: quote!(::aws_types::region::Region),
            doc: "The AWS region to call and to sign requests for.",
        });
        s.push(Setting {
            name: "credentials_provider",
            set: "set_credentials_provider",
            arg: quote!(impl ::aws_credential_types::provider::ProvideCredentials + 'static),
            stored: quote!(::aws_credential_types::provider::SharedCredentialsProvider),
            doc: "Where SigV4 signing gets its credentials.",
        });
    }
    s.extend([
        Setting {
            name: "http_client",
            set: "set_http_client",
            arg: quote!(impl ::aws_smithy_runtime_api::client::http::HttpClient + 'static),
            stored: quote!(::aws_smithy_runtime_api::client::http::SharedHttpClient),
            doc: "The HTTP client (default: hyper with rustls, when the `rustls` feature is on).",
        },
        Setting {
            name: "retry_config",
            set: "set_retry_config",
            arg: quote!(impl ::std::convert::Into<::aws_smithy_types::retry::RetryConfig>),
            stored: quote!(::aws_smithy_types::retry::RetryConfig),
            doc: "Retry settings (default: standard mode, 3 attempts, exponential backoff with jitter).",
        },
        Setting {
            name: "timeout_config",
            set: "set_timeout_config",
            arg: quote!(impl ::std::convert::Into<::aws_smithy_types::timeout::TimeoutConfig>),
            stored: quote!(::aws_smithy_types::timeout::TimeoutConfig),
            doc: "Connect, read and operation timeouts.",
        },
        Setting {
            name: "sleep_impl",
            set: "set_sleep_impl",
            arg: quote!(impl ::aws_smithy_async::rt::sleep::AsyncSleep + 'static),
            stored: quote!(::aws_smithy_async::rt::sleep::SharedAsyncSleep),
            doc: "How the client sleeps between retries and for timeouts (default: tokio).",
        },
        Setting {
            name: "time_source",
            set: "set_time_source",
            arg: quote!(impl ::aws_smithy_async::time::TimeSource + 'static),
            stored: quote!(::aws_smithy_async::time::SharedTimeSource),
            doc: "The clock used for signing and retries (default: the system clock).",
        },
        Setting {
            name: "behavior_version",
            set: "set_behavior_version",
            arg: quote!(impl ::std::convert::Into<::aws_smithy_runtime_api::client::behavior_version::BehaviorVersion>),
            stored: quote!(::aws_smithy_runtime_api::client::behavior_version::BehaviorVersion),
            doc: "The behavior version (default: the latest).",
        },
        Setting {
            name: "idempotency_token_provider",
            set: "set_idempotency_token_provider",
            arg: quote!(impl ::std::convert::Into<::sdk_runtime::idempotency::IdempotencyTokenProvider>),
            stored: quote!(::sdk_runtime::idempotency::IdempotencyTokenProvider),
            doc: "Where unset `@idempotencyToken` members get their value (default: random UUIDv4).",
        },
    ]);
    if bearer {
        s.push(Setting {
            name: "bearer_token",
            set: "set_bearer_token",
            arg: quote!(impl ::std::convert::Into<::std::string::String>),
            stored: quote!(::std::string::String),
            doc: "Sends `Authorization: Bearer <token>` with every request (the service does not require it).",
        });
    }
    s
}

/// `src/config.rs`: `Config` and its `Builder`, forwarding to the runtime's configuration.
pub fn config_module(service: &Service) -> TokenStream {
    let aws = matches!(service.auth, Auth::SigV4 { .. });
    let forwards = settings(service).into_iter().map(|s| {
        let name = format_ident!("{}", s.name);
        let set = format_ident!("{}", s.set);
        let arg = s.arg;
        let stored = s.stored;
        let doc = doc_attrs(Some(s.doc));
        quote! {
            #doc
            pub fn #name(mut self, value: #arg) -> Self {
                self.0 = self.0.#name(value);
                self
            }
            #doc
            pub fn #set(&mut self, value: ::std::option::Option<#stored>) -> &mut Self {
                self.0.#set(value);
                self
            }
        }
    });
    let from_sdk = aws.then(|| {
        quote! {
            impl ::std::convert::From<&::aws_types::SdkConfig> for Config {
                fn from(sdk_config: &::aws_types::SdkConfig) -> Self {
                    Builder(::sdk_runtime::config::ConfigCoreBuilder::from_sdk_config(sdk_config)).build()
                }
            }
            impl ::std::convert::From<&::aws_types::SdkConfig> for Builder {
                fn from(sdk_config: &::aws_types::SdkConfig) -> Self {
                    Builder(::sdk_runtime::config::ConfigCoreBuilder::from_sdk_config(sdk_config))
                }
            }
        }
    });
    quote! {
        //! Client configuration.
        /// Configuration of a [`Client`](crate::Client); build one with [`Config::builder`].
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct Config(pub(crate) ::sdk_runtime::config::ConfigCore);
        impl Config {
            /// A builder with every setting at its default.
            pub fn builder() -> Builder {
                Builder::default()
            }
            /// A builder holding this configuration's settings.
            pub fn to_builder(&self) -> Builder {
                Builder(self.0.to_builder())
            }
            /// The endpoint URL override, if any.
            pub fn endpoint_url(&self) -> ::std::option::Option<&str> {
                self.0.endpoint_url()
            }
        }
        /// Builder for [`Config`].
        #[derive(::std::clone::Clone, ::std::fmt::Debug, ::std::default::Default)]
        pub struct Builder(::sdk_runtime::config::ConfigCoreBuilder);
        impl Builder {
            #(#forwards)*
            /// Adds an interceptor that sees every request and response.
            pub fn interceptor(mut self, interceptor: impl ::aws_smithy_runtime_api::client::interceptors::Intercept + 'static) -> Self {
                self.0 = self.0.interceptor(interceptor);
                self
            }
            /// Checks `@required`, `@length`, `@range` and `@pattern` before sending (default: on).
            pub fn validation(mut self, enabled: bool) -> Self {
                self.0 = self.0.validation(enabled);
                self
            }
            /// Builds the configuration.
            pub fn build(self) -> Config {
                Config(self.0.build())
            }
        }
        #from_sdk
    }
}

/// The fluent builder behind `client.<operation>()`.
pub fn fluent_builder(_service: &Service, op: &Operation) -> TokenStream {
    let name = format_ident!("{}FluentBuilder", op.name);
    let input_builder = format_ident!("{}InputBuilder", op.name);
    let op_name = ident(&op.name);
    let output = format_ident!("{}Output", op.name);
    let error = format_ident!("{}Error", op.name);
    let doc = format!(
        " Fluent builder for the `{}` operation: set the input, then [`send`](Self::send) it.",
        op.name
    );
    let setters = op.input.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let set = format_ident!("set_{}", bare(&f.rust_name));
        let get = format_ident!("get_{}", bare(&f.rust_name));
        let ty = super::rust_type::tokens(&f.ty);
        let field_ty = super::rust_type::field_tokens(f);
        let docs = doc_or(f.docs.as_deref(), &format!("The `{}` member.", f.member));
        let primary = match &f.ty {
            crate::ir::RustType::List { item, sparse, .. } => {
                let item = super::rust_type::tokens(item);
                let item = if *sparse { quote!(::std::option::Option<#item>) } else { item };
                quote!(pub fn #field(mut self, item: #item) -> Self { self.inner = self.inner.#field(item); self })
            }
            crate::ir::RustType::Map { value, sparse, .. } => {
                let v = super::rust_type::tokens(value);
                let v = if *sparse { quote!(::std::option::Option<#v>) } else { v };
                quote! {
                    pub fn #field(mut self, key: impl ::std::convert::Into<::std::string::String>, value: #v) -> Self {
                        self.inner = self.inner.#field(key, value);
                        self
                    }
                }
            }
            _ => quote! {
                pub fn #field(mut self, input: impl ::std::convert::Into<#ty>) -> Self {
                    self.inner = self.inner.#field(input);
                    self
                }
            },
        };
        quote! {
            #docs
            #primary
            #docs
            pub fn #set(mut self, input: ::std::option::Option<#ty>) -> Self {
                self.inner = self.inner.#set(input);
                self
            }
            #docs
            pub fn #get(&self) -> &#field_ty {
                self.inner.#get()
            }
        }
    });
    let paginator = super::paginator::into_paginator(op);
    quote! {
        #[doc = #doc]
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct #name {
            config: ::sdk_runtime::config::ConfigCore,
            inner: #input_builder,
        }
        impl #name {
            pub(crate) fn new(config: ::sdk_runtime::config::ConfigCore) -> Self {
                Self { config, inner: ::std::default::Default::default() }
            }
            /// The input set so far.
            pub fn as_input(&self) -> &#input_builder {
                &self.inner
            }
            /// Validates the input, sends the request (retrying as configured) and decodes the response.
            pub async fn send(self) -> ::std::result::Result<
                super::#output,
                ::aws_smithy_runtime_api::client::result::SdkError<super::#error, ::aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
            > {
                let input = self.inner.build().map_err(::aws_smithy_runtime_api::client::result::SdkError::construction_failure)?;
                ::sdk_runtime::invoke::<super::#op_name>(&crate::client::SERVICE, &self.config, input).await
            }
            #paginator
            #(#setters)*
        }
    }
}
