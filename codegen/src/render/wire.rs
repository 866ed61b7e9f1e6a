//! Per-operation wire glue: the `OperationSpec` impl that tells the runtime how to validate,
//! serialise and decode one operation. Protocol differences are decided here, from the IR.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ident;
use crate::ir::{
    Binding, BodyChecksum, Field, NamedKind, Operation, RustType, Service, TimestampFormat,
};

pub fn operation_spec(service: &Service, op: &Operation) -> TokenStream {
    let op_name = ident(&op.name);
    let input = format_ident!("{}Input", op.name);
    let output = format_ident!("{}Output", op.name);
    let error = format_ident!("{}Error", op.name);
    let name = &op.id.name;
    let validate = super::validate::needs_validation(&op.input).then(|| {
        quote! {
            fn validate(input: &Self::Input, v: &mut ::sdk_runtime::Validator) {
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
    let mut tokens = tokens;
    for (member, value) in &op.input_defaults {
        let field = ident(member);
        tokens.push(quote! {
            if input.#field.as_deref().is_none_or(str::is_empty) {
                input.#field = ::std::option::Option::Some(#value.to_owned());
            }
        });
    }
    let tokens_param = if op
        .input
        .fields
        .iter()
        .any(|f| f.idempotency_token && f.ty == RustType::String)
    {
        quote!(tokens)
    } else {
        quote!(_tokens)
    };
    let prepare = (!tokens.is_empty()).then(|| {
        quote! {
            fn prepare(input: &mut Self::Input, #tokens_param: &::sdk_runtime::IdempotencyTokenProvider) {
                #(#tokens)*
            }
        }
    });
    let endpoint_override = op.endpoint_member.as_ref().map(|member| {
        let field = ident(member);
        quote! {
            fn endpoint_override(input: &Self::Input) -> ::std::option::Option<::std::string::String> {
                input.#field.clone().filter(|url| !url.is_empty())
            }
        }
    });
    let host_prefix = op.host_prefix.as_ref().map(|template| {
        let labels: Vec<_> = op
            .input
            .fields
            .iter()
            .filter(|f| f.host_label)
            .map(|f| {
                let field = ident(&f.rust_name);
                let member = &f.member;
                quote!((#member, input.#field.as_deref()))
            })
            .collect();
        let param = if labels.is_empty() { quote!(_input) } else { quote!(input) };
        quote! {
            fn host_prefix(#param: &Self::Input) -> ::std::result::Result<::std::option::Option<::std::string::String>, ::sdk_runtime::BuildError> {
                ::sdk_runtime::request::host_prefix(#template, &[#(#labels),*]).map(::std::option::Option::Some)
            }
        }
    });
    let sensitive_output = op.sensitive_output.then(|| {
        quote!(
            const SENSITIVE_OUTPUT: bool = true;
        )
    });
    let sensitive_input = op.input.sensitivity.contains.then(|| {
        quote!(
            const SENSITIVE_INPUT: bool = true;
        )
    });
    let auth = op.auth.as_ref().map(|schemes| {
        let schemes = super::client::auth_schemes(schemes);
        quote! {
            const AUTH: ::std::option::Option<&'static [::sdk_runtime::AuthScheme]> =
                ::std::option::Option::Some(#schemes);
        }
    });
    let (serialize, uses_input) = serialize_body(service, op);
    let (deserialize, uses_resp) = deserialize_output(service, op);
    let input_param = if uses_input {
        quote!(input)
    } else {
        quote!(_input)
    };
    let resp_param = if uses_resp {
        quote!(resp)
    } else {
        quote!(_resp)
    };
    quote! {
        impl ::sdk_runtime::OperationSpec for #op_name {
            type Input = #input;
            type Output = #output;
            type Error = #error;
            const NAME: &'static str = #name;
            #auth
            #sensitive_output
            #sensitive_input
            #validate
            #prepare
            #endpoint_override
            #host_prefix
            fn serialize(
                #input_param: Self::Input,
                req: &mut ::sdk_runtime::RequestBuilder,
            ) -> ::std::result::Result<(), ::sdk_runtime::BuildError> {
                #serialize
                ::std::result::Result::Ok(())
            }
            fn deserialize_output(
                #resp_param: &::sdk_runtime::Response<'_>,
            ) -> ::std::result::Result<Self::Output, ::sdk_runtime::DeserializeError> {
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
        // A string with a `@mediaType` travels base64-encoded in headers.
        RustType::String if f.media_type.is_some() && matches!(f.binding, Binding::Header(_)) => {
            quote!(&input.#field.as_deref().map(|v| ::aws_smithy_types::Blob::new(v.as_bytes())))
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

/// The statements of `serialize`, and whether they read `input` at all.
fn serialize_body(service: &Service, op: &Operation) -> (TokenStream, bool) {
    let mut out = Vec::new();
    if !service.protocol.is_rpc() {
        let method = &op.http.method;
        let uri = &op.http.uri;
        out.push(quote!(req.http(#method, #uri)?;));
    }
    let mut uses_input = false;
    let mut has_body_members = false;
    let mut payload = None;
    for f in &op.input.fields {
        let field = ident(&f.rust_name);
        let statement = match &f.binding {
            Binding::Label { .. } => {
                let member = &f.member;
                let value = param_value(f, TimestampFormat::DateTime);
                quote!(req.label(#member, #value)?;)
            }
            Binding::Query(key) => {
                let value = param_value(f, TimestampFormat::DateTime);
                quote!(req.query(#key, #value)?;)
            }
            Binding::QueryParams => quote!(req.query_params(&input.#field)?;),
            Binding::Header(name) => {
                let value = param_value(f, TimestampFormat::HttpDate);
                quote!(req.header(#name, #value)?;)
            }
            Binding::PrefixHeaders(prefix) => quote!(req.prefix_headers(#prefix, &input.#field)?;),
            Binding::Payload => {
                payload = Some(payload_statement(f));
                continue;
            }
            Binding::ResponseCode => continue,
            Binding::Body => {
                has_body_members = true;
                continue;
            }
        };
        uses_input = true;
        out.push(statement);
    }
    if let Some(payload) = payload {
        uses_input = true;
        out.push(payload);
    }
    if !op.request_compression.is_empty() {
        let encodings = &op.request_compression;
        out.push(quote!(req.compress(&[#(#encodings),*]);));
    }
    if op.checksum_required {
        out.push(quote!(req.content_md5();));
    }
    if !op.body_checksums.is_empty() {
        let checksums = op.body_checksums.iter().map(|c| match c {
            BodyChecksum::Sha256 { header } => {
                quote!(::sdk_runtime::request::BodyChecksum::Sha256(#header))
            }
            BodyChecksum::Sha256TreeHash { header } => {
                quote!(::sdk_runtime::request::BodyChecksum::Sha256TreeHash(#header))
            }
        });
        out.push(quote!(req.body_checksums(&[#(#checksums),*]);));
    }
    // RPC protocols always send the input object; REST protocols only when it has body members.
    if has_body_members || service.protocol.is_rpc() {
        uses_input = true;
        out.push(quote!(req.json_body(&input)?;));
    }
    (quote!(#(#out)*), uses_input)
}

/// Writes an `@httpPayload` member as the whole body, in the form its type calls for.
fn payload_statement(f: &Field) -> TokenStream {
    let field = ident(&f.rust_name);
    let media_type = |default: &str| f.media_type.clone().unwrap_or_else(|| default.to_string());
    match &f.ty {
        RustType::Blob => {
            let content_type = media_type("application/octet-stream");
            quote! {
                if let ::std::option::Option::Some(blob) = input.#field {
                    req.payload(blob.into_inner(), #content_type);
                }
            }
        }
        RustType::String => {
            let content_type = media_type("text/plain");
            quote! {
                if let ::std::option::Option::Some(text) = input.#field {
                    req.payload(text.into_bytes(), #content_type);
                }
            }
        }
        RustType::Named {
            kind: NamedKind::Enum,
            ..
        } => quote! {
            if let ::std::option::Option::Some(value) = &input.#field {
                req.payload(value.as_str().as_bytes().to_vec(), "text/plain");
            }
        },
        RustType::Document => quote! {
            if let ::std::option::Option::Some(document) = &input.#field {
                req.document_body(document)?;
            }
        },
        // Unions: JSON, nothing when unset.
        RustType::Named {
            kind: NamedKind::Union,
            ..
        } => quote! {
            if let ::std::option::Option::Some(payload) = &input.#field {
                req.json_body(payload)?;
            }
        },
        // Structures: JSON, and `{}` when unset.
        _ => quote! {
            match &input.#field {
                ::std::option::Option::Some(payload) => req.json_body(payload)?,
                ::std::option::Option::None => req.payload(&b"{}"[..], "application/json"),
            };
        },
    }
}

/// Reads a header into a member (`FromHeader`; timestamps in their declared format).
fn header_value(f: &Field, name: &str) -> TokenStream {
    match &f.ty {
        RustType::DateTime(format) if *format != TimestampFormat::HttpDate => {
            let format = format_tokens(*format);
            quote! {
                resp.header_str(#name)
                    .map(|v| ::aws_smithy_types::DateTime::from_str(v, #format))
                    .transpose()
                    .map_err(|e| ::sdk_runtime::DeserializeError::header(#name, e))?
            }
        }
        RustType::String if f.media_type.is_some() => quote! {
            resp.header::<::aws_smithy_types::Blob>(#name)?
                .map(|b| ::std::string::String::from_utf8_lossy(b.as_ref()).into_owned())
        },
        _ => quote!(resp.header(#name)?),
    }
}

/// The statements of `deserialize_output`, and whether they read `resp` at all.
fn deserialize_output(service: &Service, op: &Operation) -> (TokenStream, bool) {
    let mut fill = Vec::new();
    let mut has_body_members = false;
    let mut payload = None;
    for f in &op.output.fields {
        let field = ident(&f.rust_name);
        // Every binding reads an `Option`; a plain member keeps its zero value when it is absent.
        let assign = |value: TokenStream| {
            if f.optional {
                quote!(output.#field = #value;)
            } else {
                quote! {
                    if let ::std::option::Option::Some(value) = #value {
                        output.#field = value;
                    }
                }
            }
        };
        match &f.binding {
            Binding::Header(name) => {
                let value = header_value(f, name);
                fill.push(assign(value));
            }
            Binding::PrefixHeaders(prefix) => {
                fill.push(assign(quote!(resp.prefix_headers(#prefix))))
            }
            Binding::ResponseCode => fill.push(assign(quote!(::std::option::Option::Some(
                i32::from(resp.status())
            )))),
            Binding::Payload => {
                payload = Some(assign(match &f.ty {
                    // A streaming body is always there, possibly empty.
                    RustType::Blob if f.streaming => quote!(::std::option::Option::Some(
                        ::aws_smithy_types::Blob::new(resp.body())
                    )),
                    RustType::Blob => quote!(
                        (!resp.body().is_empty())
                            .then(|| ::aws_smithy_types::Blob::new(resp.body()))
                    ),
                    RustType::String => quote!((!resp.body().is_empty()).then(|| {
                        ::std::string::String::from_utf8_lossy(resp.body()).into_owned()
                    })),
                    RustType::Named {
                        kind: NamedKind::Enum,
                        ..
                    } => quote!((!resp.body().is_empty()).then(|| {
                        ::std::string::String::from_utf8_lossy(resp.body())
                            .as_ref()
                            .into()
                    })),
                    RustType::Document => quote!(
                        (!resp.body().is_empty())
                            .then(|| resp.document())
                            .transpose()?
                    ),
                    _ => quote!((!resp.body().is_empty()).then(|| resp.json()).transpose()?),
                }));
            }
            _ => has_body_members = true,
        }
    }
    let from_body = has_body_members || service.protocol.is_rpc();
    if fill.is_empty() && payload.is_none() {
        return if from_body {
            (quote!(resp.json::<Self::Output>()), true)
        } else {
            (
                quote!(::std::result::Result::Ok(
                    <Self::Output as ::std::default::Default>::default()
                )),
                false,
            )
        };
    }
    let (start, allow) = if from_body {
        (quote!(resp.json::<Self::Output>()?), quote!())
    } else {
        // The members come from headers, the status and the payload, one statement each.
        (
            quote!(<Self::Output as ::std::default::Default>::default()),
            quote!(#![allow(clippy::field_reassign_with_default)]),
        )
    };
    let body = quote! {
        #allow
        let mut output = #start;
        #payload
        #(#fill)*
        ::std::result::Result::Ok(output)
    };
    (body, true)
}
