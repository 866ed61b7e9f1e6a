//! Per-operation wire glue: the `OperationSpec` impl that tells the runtime how to validate,
//! serialise and decode one operation. Protocol differences are decided here, from the IR.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ident;
use crate::ir::{Binding, Field, NamedKind, Operation, RustType, Service, TimestampFormat};

pub fn operation_spec(service: &Service, op: &Operation) -> TokenStream {
    let op_name = ident(&op.name);
    let input = format_ident!("{}Input", op.name);
    let output = format_ident!("{}Output", op.name);
    let error = format_ident!("{}Error", op.name);
    let name = &op.id.name;
    let validate = super::validate::needs_validation(service, &op.input).then(|| {
        quote! {
            fn validate(input: &Self::Input, v: &mut ::sdk_runtime::validate::Validator) {
                input.validate(v);
            }
        }
    });
    let tokens: Vec<_> = op
        .input
        .fields
        .iter()
        .filter(|f| f.idempotency_token && f.ty == RustType::String)
        .map(|f| {
            let field = ident(&f.rust_name);
            quote!(tokens.fill(&mut input.#field);)
        })
        .collect();
    let prepare = (!tokens.is_empty()).then(|| {
        quote! {
            fn prepare(input: &mut Self::Input, tokens: &::sdk_runtime::idempotency::IdempotencyTokenProvider) {
                #(#tokens)*
            }
        }
    });
    let serialize = serialize_body(service, op);
    let deserialize = deserialize_output(service, op);
    quote! {
        impl ::sdk_runtime::OperationSpec for #op_name {
            type Input = #input;
            type Output = #output;
            type Error = #error;
            const NAME: &'static str = #name;
            #validate
            #prepare
            fn serialize(
                input: Self::Input,
                req: &mut ::sdk_runtime::request::RequestBuilder,
            ) -> ::std::result::Result<(), ::sdk_runtime::request::BuildError> {
                #serialize
                ::std::result::Result::Ok(())
            }
            fn deserialize_output(
                resp: &::sdk_runtime::response::Response<'_>,
            ) -> ::std::result::Result<Self::Output, ::sdk_runtime::response::DeserializeError> {
                #deserialize
            }
        }
    }
}

/// A bound member as a value the runtime's `ToParam` accepts (generated enums implement it);
/// timestamps in a format other than the location's default are formatted first.
fn param_value(f: &Field, default_format: TimestampFormat) -> TokenStream {
    let field = ident(&f.rust_name);
    match &f.ty {
        RustType::DateTime(format) if *format != default_format => {
            let format = format_tokens(*format);
            quote!(&input.#field.as_ref().map(|v| ::sdk_runtime::request::format_timestamp(v, #format)).transpose()?)
        }
        _ => quote!(&input.#field),
    }
}

fn format_tokens(format: TimestampFormat) -> TokenStream {
    match format {
        TimestampFormat::DateTime => quote!(::aws_smithy_types::date_time::Format::DateTime),
        TimestampFormat::EpochSeconds => {
            quote!(::aws_smithy_types::date_time::Format::EpochSeconds)
        }
        TimestampFormat::HttpDate => quote!(::aws_smithy_types::date_time::Format::HttpDate),
    }
}

fn serialize_body(service: &Service, op: &Operation) -> TokenStream {
    let mut out = Vec::new();
    if !service.protocol.is_rpc() {
        let method = &op.http.method;
        let uri = &op.http.uri;
        out.push(quote!(req.http(#method, #uri)?;));
    }
    let mut has_body_members = false;
    for f in &op.input.fields {
        match &f.binding {
            Binding::Label { .. } => {
                let member = &f.member;
                let value = param_value(f, TimestampFormat::DateTime);
                out.push(quote!(req.label(#member, #value)?;));
            }
            Binding::Query(key) => {
                let value = param_value(f, TimestampFormat::DateTime);
                out.push(quote!(req.query(#key, #value)?;));
            }
            Binding::QueryParams => {
                let field = ident(&f.rust_name);
                out.push(quote!(req.query_params(&input.#field)?;));
            }
            Binding::Header(name) => {
                let value = param_value(f, TimestampFormat::HttpDate);
                out.push(quote!(req.header(#name, #value)?;));
            }
            Binding::PrefixHeaders(prefix) => {
                let field = ident(&f.rust_name);
                out.push(quote!(req.prefix_headers(#prefix, &input.#field)?;));
            }
            Binding::Payload => {
                let field = ident(&f.rust_name);
                out.push(match &f.ty {
                    RustType::Blob => quote! {
                        if let ::std::option::Option::Some(blob) = input.#field {
                            req.payload(blob.into_inner(), "application/octet-stream");
                        }
                    },
                    RustType::String => quote! {
                        if let ::std::option::Option::Some(text) = input.#field {
                            req.payload(text.into_bytes(), "text/plain");
                        }
                    },
                    _ => quote! {
                        if let ::std::option::Option::Some(payload) = &input.#field {
                            req.json_body(payload)?;
                        }
                    },
                });
            }
            Binding::ResponseCode => {}
            Binding::Body => has_body_members = true,
        }
    }
    // RPC protocols always send the input object; REST protocols only when it has body members.
    if has_body_members || service.protocol.is_rpc() {
        out.push(quote!(req.json_body(&input)?;));
    }
    quote!(#(#out)*)
}

/// Reads a header into a member: enums through their raw value, everything else by `FromHeader`.
fn header_value(f: &Field, name: &str) -> TokenStream {
    match &f.ty {
        RustType::Named {
            kind: NamedKind::Enum,
            ..
        } => {
            quote!(resp.header::<::std::string::String>(#name)?.map(::std::convert::Into::into))
        }
        RustType::Named {
            kind: NamedKind::IntEnum,
            ..
        } => quote!(resp.header::<i32>(#name)?.map(::std::convert::Into::into)),
        RustType::List { item, .. }
            if matches!(
                **item,
                RustType::Named {
                    kind: NamedKind::Enum,
                    ..
                }
            ) =>
        {
            quote! {
                resp.header::<::std::vec::Vec<::std::string::String>>(#name)?
                    .map(|v| v.into_iter().map(::std::convert::Into::into).collect())
            }
        }
        _ => quote!(resp.header(#name)?),
    }
}

fn deserialize_output(service: &Service, op: &Operation) -> TokenStream {
    let mut fill = Vec::new();
    let mut has_body_members = false;
    let mut payload = None;
    for f in &op.output.fields {
        let field = ident(&f.rust_name);
        match &f.binding {
            Binding::Header(name) => {
                let value = header_value(f, name);
                fill.push(quote!(output.#field = #value;));
            }
            Binding::PrefixHeaders(prefix) => {
                fill.push(quote!(output.#field = resp.prefix_headers(#prefix);))
            }
            Binding::ResponseCode => fill.push(
                quote!(output.#field = ::std::option::Option::Some(i32::from(resp.status()));),
            ),
            Binding::Payload => {
                payload = Some(match &f.ty {
                    RustType::Blob => quote! {
                        output.#field = (!resp.body().is_empty()).then(|| ::aws_smithy_types::Blob::new(resp.body()));
                    },
                    RustType::String => quote! {
                        output.#field = (!resp.body().is_empty())
                            .then(|| ::std::string::String::from_utf8_lossy(resp.body()).into_owned());
                    },
                    _ => quote! {
                        output.#field = (!resp.body().is_empty()).then(|| resp.json()).transpose()?;
                    },
                });
            }
            _ => has_body_members = true,
        }
    }
    let from_body = has_body_members || service.protocol.is_rpc();
    if fill.is_empty() && payload.is_none() {
        return if from_body {
            quote!(resp.json::<Self::Output>())
        } else {
            quote!(::std::result::Result::Ok(
                <Self::Output as ::std::default::Default>::default()
            ))
        };
    }
    let start = if from_body {
        quote!(resp.json::<Self::Output>()?)
    } else {
        quote!(<Self::Output as ::std::default::Default>::default())
    };
    quote! {
        let mut output = #start;
        #payload
        #(#fill)*
        ::std::result::Result::Ok(output)
    }
}
