//! `src/config/endpoint.rs` of a service with endpoint rules: the typed `Params` of its rules,
//! their builder, the service's `ResolveEndpoint` trait and the `DefaultResolver` that runs the
//! model's rules, with the names and signatures aws-sdk-rust gives them.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attrs, ident};
use crate::ir::Service;
use crate::ir::endpoint::{ConfigSource, EndpointParam, EndpointParamKind, EndpointValue};
use crate::ir::names::bare;

/// The module, for a service whose model has endpoint rules.
pub fn endpoint_module(service: &Service) -> TokenStream {
    let params = &service.endpoint_params;
    let fields = params.iter().map(field);
    let getters = params.iter().map(getter);
    let builder_fields = params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = value_type(p.kind);
        quote!(#name: ::std::option::Option<#ty>,)
    });
    let setters = params.iter().map(setters);
    let build_fields = params.iter().map(build_field);
    let from_config = params.iter().filter_map(from_config);
    let rule_params = params.iter().map(rule_param);
    let tests = service.endpoint_tests.is_some().then(|| {
        quote! {
            #[cfg(test)]
            mod tests {
                /// Every `smithy.rules#endpointTests` case of the model, through the embedded rules.
                #[test]
                fn model_endpoint_tests() {
                    ::sdk_runtime::endpoint::assert_endpoint_tests(&super::RULES, crate::endpoint_rules::TESTS);
                }
            }
        }
    });
    quote! {
        //! Endpoint resolution: the parameters of the service's endpoint rules (the model's
        //! `smithy.rules#endpointRuleSet`), the resolver trait and the default resolver that runs
        //! the rules.
        pub use ::sdk_runtime::endpoint::InvalidParams;
        pub use ::sdk_runtime::types::config::endpoint::{Endpoint, EndpointFuture, SharedEndpointResolver};

        /// The rules, parsed on first use.
        static RULES: ::sdk_runtime::endpoint::EmbeddedRuleSet =
            ::sdk_runtime::endpoint::EmbeddedRuleSet::new(crate::endpoint_rules::RULE_SET);

        /// The parameters of the service's endpoint rules. A client fills them from its
        /// configuration for every call; build them with [`Params::builder`] to call a resolver
        /// directly.
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::fmt::Debug, ::std::cmp::PartialEq)]
        pub struct Params {
            #(#fields)*
        }
        impl Params {
            /// A builder for [`Params`].
            pub fn builder() -> crate::config::endpoint::ParamsBuilder {
                crate::config::endpoint::ParamsBuilder::default()
            }
            #(#getters)*
            /// The parameters a client's configuration gives (its region, FIPS and dual-stack
            /// settings and endpoint URL, for the rules' built-ins).
            pub(crate) fn from_config(
                config: &::sdk_runtime::ConfigCore,
            ) -> ::std::result::Result<Self, crate::config::endpoint::InvalidParams> {
                Self::builder()
                    #(#from_config)*
                    .build()
            }
            /// The parameters as the rules interpreter reads them, by the rules' names.
            fn to_rule_params(&self) -> ::sdk_runtime::endpoint::RuleParams {
                let mut params = ::sdk_runtime::endpoint::RuleParams::new();
                #(#rule_params)*
                params
            }
        }

        /// Builder for [`Params`].
        #[derive(::std::clone::Clone, ::std::fmt::Debug, ::std::default::Default, ::std::cmp::PartialEq)]
        pub struct ParamsBuilder {
            #(#builder_fields)*
        }
        impl ParamsBuilder {
            #(#setters)*
            /// Builds the parameters, filling the rules' defaults; fails when a required parameter
            /// without a default is unset.
            pub fn build(self) -> ::std::result::Result<crate::config::endpoint::Params, crate::config::endpoint::InvalidParams> {
                ::std::result::Result::Ok(crate::config::endpoint::Params {
                    #(#build_fields)*
                })
            }
        }

        /// Resolves the endpoint of a call from the service's endpoint [`Params`]. Implement it
        /// to replace the rules, and install it with `config::Builder::endpoint_resolver`.
        pub trait ResolveEndpoint: ::std::marker::Send + ::std::marker::Sync + ::std::fmt::Debug {
            /// The endpoint for `params`.
            fn resolve_endpoint<'a>(&'a self, params: &'a crate::config::endpoint::Params) -> crate::config::endpoint::EndpointFuture<'a>;
            /// This resolver as the runtime's type-erased resolver, which receives the
            /// parameters as `EndpointResolverParams`.
            fn into_shared_resolver(self) -> crate::config::endpoint::SharedEndpointResolver
            where
                Self: ::std::marker::Sized + 'static,
            {
                crate::config::endpoint::SharedEndpointResolver::new(::sdk_runtime::endpoint::DowncastParams::new(
                    self,
                    <Self as crate::config::endpoint::ResolveEndpoint>::resolve_endpoint,
                ))
            }
        }

        /// The resolver a client uses unless one is configured: the service's endpoint rules.
        #[derive(::std::clone::Clone, ::std::fmt::Debug, ::std::default::Default)]
        pub struct DefaultResolver {}
        impl DefaultResolver {
            /// The resolver of the model's endpoint rules.
            pub fn new() -> Self {
                Self {}
            }
        }
        impl crate::config::endpoint::ResolveEndpoint for DefaultResolver {
            fn resolve_endpoint<'a>(&'a self, params: &'a crate::config::endpoint::Params) -> crate::config::endpoint::EndpointFuture<'a> {
                crate::config::endpoint::EndpointFuture::ready(::sdk_runtime::endpoint::resolve(&RULES, &params.to_rule_params()))
            }
        }

        /// The endpoint URL of a call with `config` and no custom resolver: the rules, run
        /// synchronously.
        pub(crate) fn default_url(
            config: &::sdk_runtime::ConfigCore,
        ) -> ::std::result::Result<::std::string::String, ::aws_smithy_runtime_api::box_error::BoxError> {
            let params = crate::config::endpoint::Params::from_config(config)?;
            ::sdk_runtime::endpoint::resolve_url(&RULES, &params.to_rule_params())
        }

        /// The parameters a custom resolver receives for a call with `config`.
        pub(crate) fn resolver_params(
            config: &::sdk_runtime::ConfigCore,
        ) -> ::std::result::Result<::aws_smithy_runtime_api::client::endpoint::EndpointResolverParams, ::aws_smithy_runtime_api::box_error::BoxError> {
            let params = crate::config::endpoint::Params::from_config(config)?;
            ::std::result::Result::Ok(::aws_smithy_runtime_api::client::endpoint::EndpointResolverParams::new(params))
        }
        #tests
    }
}

/// The config settings of a service with endpoint rules: the module and the resolver setting.
pub fn config_items() -> TokenStream {
    quote! {
        pub mod endpoint;
        impl Config {
            /// The endpoint resolver calls use: the one set with
            /// [`Builder::endpoint_resolver`], otherwise the service's endpoint rules.
            pub fn endpoint_resolver(&self) -> crate::config::endpoint::SharedEndpointResolver {
                match self.0.endpoint_resolver() {
                    ::std::option::Option::Some(resolver) => resolver.clone(),
                    ::std::option::Option::None => crate::config::endpoint::ResolveEndpoint::into_shared_resolver(
                        crate::config::endpoint::DefaultResolver::new(),
                    ),
                }
            }
        }
        impl Builder {
            /// Resolves endpoints with `resolver` instead of the service's endpoint rules; it
            /// receives the [`endpoint::Params`] the
            /// configuration gives.
            pub fn endpoint_resolver(mut self, resolver: impl crate::config::endpoint::ResolveEndpoint + 'static) -> Self {
                self.0.set_endpoint_resolver(::std::option::Option::Some(resolver.into_shared_resolver()));
                self
            }
            /// Resolves endpoints with `resolver` (which receives the service's
            /// [`endpoint::Params`]); in-place form, `None`
            /// restores the endpoint rules.
            pub fn set_endpoint_resolver(
                &mut self,
                resolver: ::std::option::Option<crate::config::endpoint::SharedEndpointResolver>,
            ) -> &mut Self {
                self.0.set_endpoint_resolver(resolver);
                self
            }
        }
    }
}

fn value_type(kind: EndpointParamKind) -> TokenStream {
    match kind {
        EndpointParamKind::String => quote!(::std::string::String),
        EndpointParamKind::Boolean => quote!(bool),
        EndpointParamKind::StringArray => quote!(::std::vec::Vec<::std::string::String>),
    }
}

fn docs(p: &EndpointParam) -> TokenStream {
    let fallback = format!("The `{}` parameter of the endpoint rules.", p.name);
    doc_attrs(Some(p.docs.as_deref().unwrap_or(&fallback)))
}

fn field(p: &EndpointParam) -> TokenStream {
    let docs = docs(p);
    let name = ident(&p.rust_name);
    let ty = value_type(p.kind);
    let ty = if p.always_set() {
        ty
    } else {
        quote!(::std::option::Option<#ty>)
    };
    quote! {
        #docs
        pub(crate) #name: #ty,
    }
}

/// Getters return an `Option` whether or not a default fills the field, as aws-sdk-rust's do.
fn getter(p: &EndpointParam) -> TokenStream {
    let docs = docs(p);
    let name = ident(&p.rust_name);
    let ty = match p.kind {
        EndpointParamKind::String => quote!(&str),
        EndpointParamKind::Boolean => quote!(bool),
        EndpointParamKind::StringArray => quote!(&[::std::string::String]),
    };
    let body = match (p.kind, p.always_set()) {
        (EndpointParamKind::Boolean, true) => quote!(::std::option::Option::Some(self.#name)),
        (_, true) => quote!(::std::option::Option::Some(&self.#name)),
        (EndpointParamKind::Boolean, false) => quote!(self.#name),
        (_, false) => quote!(self.#name.as_deref()),
    };
    quote! {
        #docs
        pub fn #name(&self) -> ::std::option::Option<#ty> {
            #body
        }
    }
}

fn setters(p: &EndpointParam) -> TokenStream {
    let docs = docs(p);
    let name = ident(&p.rust_name);
    let set = ident(&format!("set_{}", bare(&p.rust_name)));
    let ty = value_type(p.kind);
    quote! {
        #docs
        pub fn #name(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
            self.#name = ::std::option::Option::Some(value.into());
            self
        }
        #docs
        ///
        /// `None` unsets it (the rules' default then applies).
        pub fn #set(mut self, param: ::std::option::Option<#ty>) -> Self {
            self.#name = param;
            self
        }
    }
}

fn build_field(p: &EndpointParam) -> TokenStream {
    let name = ident(&p.rust_name);
    let value = match &p.default {
        Some(EndpointValue::Boolean(b)) => quote!(self.#name.unwrap_or(#b)),
        Some(EndpointValue::String(s)) => {
            quote!(self.#name.unwrap_or_else(|| #s.to_owned()))
        }
        Some(EndpointValue::StringArray(items)) => quote! {
            self.#name.unwrap_or_else(|| ::std::vec![#(#items.to_owned()),*])
        },
        None if p.required => {
            let field = bare(&p.rust_name);
            quote! {
                self.#name.ok_or_else(|| crate::config::endpoint::InvalidParams::missing(#field))?
            }
        }
        None => quote!(self.#name),
    };
    quote!(#name: #value,)
}

fn from_config(p: &EndpointParam) -> Option<TokenStream> {
    let set = ident(&format!("set_{}", bare(&p.rust_name)));
    let value = match p.source? {
        ConfigSource::Region => {
            quote!(config.region().map(|region| region.as_ref().to_owned()))
        }
        ConfigSource::UseFips => quote!(::std::option::Option::Some(config.use_fips())),
        ConfigSource::UseDualStack => {
            quote!(::std::option::Option::Some(config.use_dual_stack()))
        }
        ConfigSource::EndpointUrl => {
            quote!(config.endpoint_url().map(::std::borrow::ToOwned::to_owned))
        }
    };
    // A built-in of another type than the config's setting (a malformed model) stays unset.
    let fits = matches!(
        (p.source?, p.kind),
        (
            ConfigSource::Region | ConfigSource::EndpointUrl,
            EndpointParamKind::String
        ) | (
            ConfigSource::UseFips | ConfigSource::UseDualStack,
            EndpointParamKind::Boolean
        )
    );
    fits.then(|| quote!(.#set(#value)))
}

fn rule_param(p: &EndpointParam) -> TokenStream {
    let name = ident(&p.rust_name);
    let rule_name = &p.name;
    match (p.kind, p.always_set()) {
        (EndpointParamKind::String, true) => quote!(params.set(#rule_name, self.#name.as_str());),
        (EndpointParamKind::Boolean, true) => quote!(params.set(#rule_name, self.#name);),
        (EndpointParamKind::StringArray, true) => {
            quote!(params.set(#rule_name, self.#name.clone());)
        }
        (EndpointParamKind::String, false) => {
            quote!(params.set_opt(#rule_name, self.#name.as_deref());)
        }
        (EndpointParamKind::Boolean, false) => quote!(params.set_opt(#rule_name, self.#name);),
        (EndpointParamKind::StringArray, false) => {
            quote!(params.set_opt(#rule_name, self.#name.clone());)
        }
    }
}
