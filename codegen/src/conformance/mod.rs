//! Smithy protocol compliance tests (`smithy.test#httpRequestTests` / `httpResponseTests`) as a
//! Rust test crate for a generated client.
//!
//! [`render_protocol_tests`] turns the test cases the IR carries (on operations and on error
//! structures) into a crate `<crate>-conformance` that sits beside the generated client crate: a
//! hand-written harness (`src/harness.rs`: a capturing HTTP client, request checks, NaN-aware
//! comparison) and one `#[tokio::test]` per case (`src/protocol_tests.rs`). It is not part of the
//! normal crate output; `cargo xtask conformance` writes and runs it.
//!
//! Test names are `protocol_tests::<kind>::<case id>` with kind `request`, `response` (operation
//! response tests) or `error` (response tests on error structures); [`Case::name`] is the part
//! after `protocol_tests::`.

mod values;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use crate::ir::{Operation, Protocol, Service, Structure, TypeDef};
use crate::render::File;
use values::{Values, build_is_fallible, ident};

/// The harness, copied verbatim into every test crate.
const HARNESS: &str = include_str!("harness.rs");

/// The kind of a protocol test case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CaseKind {
    /// `smithy.test#httpRequestTests` on an operation.
    Request,
    /// `smithy.test#httpResponseTests` on an operation.
    Response,
    /// `smithy.test#httpResponseTests` on an error structure.
    Error,
}

impl CaseKind {
    /// The test module the case lives in (`request`, `response`, `error`).
    pub fn module(self) -> &'static str {
        match self {
            CaseKind::Request => "request",
            CaseKind::Response => "response",
            CaseKind::Error => "error",
        }
    }
}

/// One generated test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// `request::RestJsonListsSerializeNull`: the test's path inside `protocol_tests`.
    pub name: String,
    /// The Smithy test case id.
    pub id: String,
    pub kind: CaseKind,
    /// The operation or error shape the case is attached to.
    pub shape: String,
    /// Set when the case could not be turned into a call (the test then fails with this reason).
    pub render_error: Option<String>,
}

/// The test crate for one service.
#[derive(Debug, Clone)]
pub struct ProtocolTestCrate {
    /// `<client crate>-conformance`; also its directory name.
    pub crate_name: String,
    /// Its files, paths relative to the crate directory.
    pub files: Vec<File>,
    /// Every generated test, in file order.
    pub cases: Vec<Case>,
}

/// The Smithy protocol shape id of the service's protocol (`aws.protocols#restJson1`), if it has
/// one that protocol tests are written for.
pub fn protocol_id(protocol: &Protocol) -> Option<&'static str> {
    match protocol {
        Protocol::RestJson1 => Some("aws.protocols#restJson1"),
        Protocol::AwsJson1_0 { .. } => Some("aws.protocols#awsJson1_0"),
        Protocol::AwsJson1_1 { .. } => Some("aws.protocols#awsJson1_1"),
        Protocol::PlainRestJson => None,
    }
}

/// True when a test case applies to clients of `protocol` (its `appliesTo` is unset or `client`).
pub fn applies(case: &Value, protocol: &str) -> bool {
    let applies_to = case.get("appliesTo").and_then(Value::as_str);
    case.get("protocol").and_then(Value::as_str) == Some(protocol)
        && matches!(applies_to, None | Some("client"))
}

/// Renders the protocol test crate for `service`: one test per client test case of the service's
/// protocol on its operations and error structures. The manifest expects to live in a workspace
/// whose `[workspace.dependencies]` has this repository's pins, next to the client crate directory.
pub fn render_protocol_tests(service: &Service) -> Result<ProtocolTestCrate, String> {
    let protocol = protocol_id(&service.protocol)
        .ok_or_else(|| format!("{}: its protocol has no Smithy protocol tests", service.id))?;
    let client_crate = service.settings.crate_name.clone();
    let krate = ident(&client_crate.replace('-', "_"));
    let values = Values {
        service,
        krate: quote!(::#krate),
    };
    let mut cases = Vec::new();
    let mut requests = Vec::new();
    let mut responses = Vec::new();
    let mut errors = Vec::new();

    for op in &service.operations {
        for case in test_cases(op.protocol_tests.requests.as_ref(), protocol) {
            let (meta, body) = guarded(case, CaseKind::Request, &op.name, |c| {
                request_test(&values, op, c)
            });
            requests.push(test_fn(&meta, case, body));
            cases.push(meta);
        }
        for case in test_cases(op.protocol_tests.responses.as_ref(), protocol) {
            let (meta, body) = guarded(case, CaseKind::Response, &op.name, |c| {
                response_test(&values, op, c)
            });
            responses.push(test_fn(&meta, case, body));
            cases.push(meta);
        }
    }
    for error in &service.errors {
        for case in test_cases(error.protocol_tests.responses.as_ref(), protocol) {
            let (meta, body) = guarded(case, CaseKind::Error, &error.id.name, |c| {
                error_test(&values, error, c)
            });
            errors.push(test_fn(&meta, case, body));
            cases.push(meta);
        }
    }

    let eq_impls = protocol_eq_impls(&values);
    let client_fn = client_fn(service, &values.krate);
    let tests = quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        //! One test per Smithy protocol test case that applies to clients.
        #![allow(non_snake_case, unused_imports, clippy::all)]
        use crate::harness::{assert_request, assert_same, CannedResponse, Capture, ExpectedRequest, ProtocolEq};
        #client_fn
        #eq_impls
        mod request {
            use super::*;
            #(#requests)*
        }
        mod response {
            use super::*;
            #(#responses)*
        }
        mod error {
            use super::*;
            #(#errors)*
        }
    };
    let tests: syn::File = syn::parse2(tests)
        .map_err(|e| format!("{}: generated protocol tests do not parse: {e}", service.id))?;
    let header = crate::render::HEADER;
    let crate_name = format!("{client_crate}-conformance");
    let files = vec![
        File {
            path: "Cargo.toml".to_string(),
            contents: manifest(
                &crate_name,
                &client_crate,
                service.aws || service.uses_sigv4(),
            ),
        },
        File {
            path: "src/lib.rs".to_string(),
            contents: format!(
                "{header}//! Smithy protocol compliance tests for `{client_crate}` (run by `cargo xtask conformance`).\n\
                 #![cfg_attr(rustfmt, rustfmt::skip)]\n\npub mod harness;\n#[cfg(test)]\nmod protocol_tests;\n"
            ),
        },
        File {
            path: "src/harness.rs".to_string(),
            contents: format!("{header}#![cfg_attr(rustfmt, rustfmt::skip)]\n{HARNESS}"),
        },
        File {
            path: "src/protocol_tests.rs".to_string(),
            contents: format!("{header}{}", prettyplease::unparse(&tests)),
        },
    ];
    Ok(ProtocolTestCrate {
        crate_name,
        files,
        cases,
    })
}

/// The cases of a test trait value that apply to clients of `protocol`.
fn test_cases<'v>(
    value: Option<&'v Value>,
    protocol: &'v str,
) -> impl Iterator<Item = &'v Value> + 'v {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(move |c| applies(c, protocol))
}

/// Runs a case renderer; a case that cannot be rendered becomes a test that fails with the reason.
fn guarded(
    case: &Value,
    kind: CaseKind,
    shape: &str,
    render: impl FnOnce(&Value) -> Result<TokenStream, String>,
) -> (Case, TokenStream) {
    let id = case
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("UnnamedCase")
        .to_string();
    let (body, render_error) = match render(case) {
        Ok(body) => (body, None),
        Err(e) => {
            let msg = format!("conformance generator: cannot build this case: {e}");
            (quote!(panic!("{}", #msg);), Some(e))
        }
    };
    let name = format!("{}::{}", kind.module(), test_ident(&id));
    (
        Case {
            name,
            id,
            kind,
            shape: shape.to_string(),
            render_error,
        },
        body,
    )
}

/// The test function's name: the case id when it is an identifier, a sanitized form otherwise.
fn test_ident(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    if syn::parse_str::<syn::Ident>(&s).is_err() {
        s.push('_');
    }
    s
}

fn test_fn(meta: &Case, case: &Value, body: TokenStream) -> TokenStream {
    let name = format_ident!("{}", test_ident(&meta.id));
    let doc = case
        .get("documentation")
        .and_then(Value::as_str)
        .map(|d| {
            // Model text: one inert line, as every generated doc.
            let d = format!(" {}", crate::ir::docs::inline_text(d));
            quote!(#[doc = #d])
        })
        .unwrap_or_default();
    quote! {
        #doc
        #[::tokio::test]
        async fn #name() {
            #body
        }
    }
}

fn str_field<'v>(case: &'v Value, key: &str) -> Option<&'v str> {
    case.get(key).and_then(Value::as_str)
}

fn str_list(case: &Value, key: &str) -> Result<Vec<String>, String> {
    match case.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("`{key}`: expected strings, got {v}"))
            })
            .collect(),
        Some(other) => Err(format!("`{key}`: expected a list, got {other}")),
    }
}

fn str_map(case: &Value, key: &str) -> Result<Vec<(String, String)>, String> {
    match case.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                v.as_str()
                    .map(|v| (k.clone(), v.to_string()))
                    .ok_or_else(|| format!("`{key}.{k}`: expected a string"))
            })
            .collect(),
        Some(other) => Err(format!("`{key}`: expected an object, got {other}")),
    }
}

fn opt_str(v: Option<&str>) -> TokenStream {
    match v {
        Some(s) => quote!(::std::option::Option::Some(#s)),
        None => quote!(::std::option::Option::None),
    }
}

/// `client.<op>().set_x(Some(..))...send().await` with the case's params.
fn request_test(values: &Values<'_>, op: &Operation, case: &Value) -> Result<TokenStream, String> {
    let params = case.get("params").cloned().unwrap_or(Value::Null);
    let calls = values.setters(&op.input, &params, "params")?;
    let method = ident(&op.snake_name);
    let host = str_field(case, "host");
    let host_tokens = opt_str(host);
    let query = str_list(case, "queryParams")?;
    let forbid_query = str_list(case, "forbidQueryParams")?;
    let require_query = str_list(case, "requireQueryParams")?;
    let headers = str_map(case, "headers")?;
    let header_pairs = headers.iter().map(|(k, v)| quote!((#k, #v)));
    let forbid_headers = str_list(case, "forbidHeaders")?;
    let require_headers = str_list(case, "requireHeaders")?;
    let expected_method = str_field(case, "method").ok_or("the case has no `method`")?;
    let uri = str_field(case, "uri").ok_or("the case has no `uri`")?;
    let body = opt_str(str_field(case, "body"));
    let media = opt_str(str_field(case, "bodyMediaType"));
    let resolved = opt_str(str_field(case, "resolvedHost"));
    Ok(quote! {
        let (client, capture) = client(CannedResponse::ok(), #host_tokens, true);
        let result = client.#method() #(#calls)* .send().await;
        let request = capture.request(&result);
        assert_request(&request, &ExpectedRequest {
            method: #expected_method,
            uri: #uri,
            query_params: &[#(#query),*],
            forbid_query_params: &[#(#forbid_query),*],
            require_query_params: &[#(#require_query),*],
            headers: &[#(#header_pairs),*],
            forbid_headers: &[#(#forbid_headers),*],
            require_headers: &[#(#require_headers),*],
            body: #body,
            body_media_type: #media,
            host: #host_tokens,
            resolved_host: #resolved,
        });
    })
}

/// The canned response a response test feeds to the client.
fn canned_response(case: &Value) -> Result<TokenStream, String> {
    let code = case
        .get("code")
        .and_then(Value::as_u64)
        .ok_or("the case has no `code`")?;
    let code = u16::try_from(code).map_err(|_| format!("status code {code} out of range"))?;
    let headers = str_map(case, "headers")?;
    let pairs = headers.iter().map(|(k, v)| quote!((#k, #v)));
    let body = Literal::byte_string(str_field(case, "body").unwrap_or("").as_bytes());
    Ok(quote!(CannedResponse::new(#code, &[#(#pairs),*], #body)))
}

/// Calls `op` with placeholder values for its required members (the request is not checked).
fn call_with_placeholders(values: &Values<'_>, op: &Operation) -> Result<TokenStream, String> {
    let method = ident(&op.snake_name);
    let calls = values.required_placeholders(&op.input, 0)?;
    Ok(quote!(client.#method() #(#calls)* .send().await))
}

fn response_test(values: &Values<'_>, op: &Operation, case: &Value) -> Result<TokenStream, String> {
    let krate = &values.krate;
    let response = canned_response(case)?;
    let call = call_with_placeholders(values, op)?;
    let module = ident(&op.snake_name);
    let output = ident(&op.output.rust_name);
    let params = case.get("params").cloned().unwrap_or(Value::Null);
    let expected = values.structure(
        &op.output,
        quote!(#krate::operation::#module::#output),
        build_is_fallible(&op.output, false),
        &params,
        "params",
    )?;
    Ok(quote! {
        let (client, _capture) = client(#response, ::std::option::Option::None, false);
        let actual = match #call {
            ::std::result::Result::Ok(output) => output,
            ::std::result::Result::Err(e) => panic!(
                "the response did not decode: {}",
                ::aws_smithy_types::error::display::DisplayErrorContext(&e)
            ),
        };
        let expected = #expected;
        assert_same(&actual, &expected);
    })
}

fn error_test(values: &Values<'_>, error: &Structure, case: &Value) -> Result<TokenStream, String> {
    let krate = &values.krate;
    let op = values
        .service
        .operations
        .iter()
        .find(|op| op.errors.iter().any(|e| e.rust_name == error.rust_name))
        .ok_or_else(|| format!("no generated operation lists the error {}", error.id))?;
    let response = canned_response(case)?;
    let call = call_with_placeholders(values, op)?;
    let module = ident(&op.snake_name);
    let error_enum = format_ident!("{}Error", op.name);
    let variant = ident(&error.rust_name);
    let params = case.get("params").cloned().unwrap_or(Value::Null);
    let expected = values.structure(
        error,
        quote!(#krate::types::error::#variant),
        build_is_fallible(error, false),
        &params,
        "params",
    )?;
    let op_name = &op.name;
    Ok(quote! {
        let (client, _capture) = client(#response, ::std::option::Option::None, false);
        let error = match #call {
            ::std::result::Result::Ok(_) => panic!("the error response decoded as a success of {}", #op_name),
            ::std::result::Result::Err(e) => e,
        };
        let error = match error {
            ::aws_smithy_runtime_api::client::result::SdkError::ServiceError(context) => context.into_err(),
            other => panic!(
                "expected a service error, got: {}",
                ::aws_smithy_types::error::display::DisplayErrorContext(&other)
            ),
        };
        let actual = match error {
            #krate::operation::#module::#error_enum::#variant(e) => e,
            other => panic!("decoded as the wrong error variant: {:?}", other),
        };
        let expected = #expected;
        assert_same(&actual, &expected);
    })
}

/// `fn client(response, host, validation) -> (Client, Capture)`: a client talking to a [`Capture`].
fn client_fn(service: &Service, krate: &TokenStream) -> TokenStream {
    let region = (service.aws || service.uses_sigv4())
        .then(|| quote!(.region(::aws_types::region::Region::new("us-east-1"))));
    let credentials = service.uses_sigv4().then(|| {
        quote! {
            .credentials_provider(::aws_credential_types::Credentials::new(
                "AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                ::std::option::Option::None,
                ::std::option::Option::None,
                "conformance",
            ))
        }
    });
    quote! {
        fn client(response: CannedResponse, host: ::std::option::Option<&str>, validation: bool) -> (#krate::Client, Capture) {
            let capture = Capture::new(response);
            let endpoint = ::std::format!("https://{}", host.unwrap_or("example.com"));
            let config = #krate::Config::builder()
                .endpoint_url(endpoint)
                .http_client(capture.clone())
                .retry_config(::aws_smithy_types::retry::RetryConfig::disabled())
                .idempotency_token_provider(::sdk_runtime::idempotency::IdempotencyTokenProvider::fixed(
                    crate::harness::IDEMPOTENCY_TOKEN,
                ))
                .validation(validation)
                #region
                #credentials
                .build();
            (#krate::Client::from_conf(config), capture)
        }
    }
}

/// `impl ProtocolEq` for every generated type the tests compare: shared types, errors and outputs.
fn protocol_eq_impls(values: &Values<'_>) -> TokenStream {
    let krate = &values.krate;
    let mut impls = Vec::new();
    let mut by_eq = Vec::new();
    for def in &values.service.types {
        let name = ident(def.rust_name());
        let path = quote!(#krate::types::#name);
        match def {
            TypeDef::Structure(s) => impls.push(structure_eq(s, path)),
            TypeDef::Enum(_) => by_eq.push(path),
            TypeDef::Union(u) => {
                let arms = u.variants.iter().map(|f| {
                    let v = ident(&f.variant);
                    let label = format!(".{}", f.member);
                    if f.ty == crate::ir::RustType::Unit {
                        // Unit members carry no value.
                        return quote!((#path::#v(_), #path::#v(_)) => ::std::result::Result::Ok(()),);
                    }
                    quote!((#path::#v(a), #path::#v(e)) => a.protocol_eq(e, &::std::format!("{path}{}", #label)),)
                });
                let unknown = ident(&u.unknown_variant);
                impls.push(quote! {
                    impl ProtocolEq for #path {
                        fn protocol_eq(&self, expected: &Self, path: &str) -> ::std::result::Result<(), ::std::string::String> {
                            match (self, expected) {
                                #(#arms)*
                                (#path::#unknown, #path::#unknown) => ::std::result::Result::Ok(()),
                                _ => ::std::result::Result::Err(::std::format!("{path}: expected {expected:?}, got {self:?}")),
                            }
                        }
                    }
                });
            }
        }
    }
    for e in &values.service.errors {
        let name = ident(&e.rust_name);
        impls.push(structure_eq(e, quote!(#krate::types::error::#name)));
    }
    for op in &values.service.operations {
        let module = ident(&op.snake_name);
        let name = ident(&op.output.rust_name);
        impls.push(structure_eq(
            &op.output,
            quote!(#krate::operation::#module::#name),
        ));
    }
    quote! {
        crate::protocol_eq_by_partial_eq!(#(#by_eq),*);
        #(#impls)*
    }
}

fn structure_eq(s: &Structure, path: TokenStream) -> TokenStream {
    let checks = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let label = format!(".{}", f.member);
        quote!(self.#field.protocol_eq(&expected.#field, &::std::format!("{path}{}", #label))?;)
    });
    quote! {
        impl ProtocolEq for #path {
            fn protocol_eq(&self, expected: &Self, path: &str) -> ::std::result::Result<(), ::std::string::String> {
                #(#checks)*
                let _ = (expected, path);
                ::std::result::Result::Ok(())
            }
        }
    }
}

/// The test crate's manifest: the client crate by path, the rest from the workspace pins.
fn manifest(crate_name: &str, client_crate: &str, aws: bool) -> String {
    let mut deps = vec![
        format!("{client_crate} = {{ path = \"../{client_crate}\" }}"),
        "aws-smithy-runtime-api.workspace = true".to_string(),
        "aws-smithy-types.workspace = true".to_string(),
        "sdk-runtime.workspace = true".to_string(),
        "serde_json.workspace = true".to_string(),
        "tokio.workspace = true".to_string(),
    ];
    if aws {
        deps.push("aws-credential-types.workspace = true".to_string());
        deps.push("aws-types.workspace = true".to_string());
    }
    deps.sort();
    format!(
        "# Code generated by `cargo xtask codegen`. DO NOT EDIT.\n\
         # Smithy protocol compliance tests for `{client_crate}`; run them with `cargo xtask conformance`.\n\
         [package]\nname = \"{crate_name}\"\nversion = \"0.0.0\"\nedition.workspace = true\n\
         rust-version.workspace = true\nlicense.workspace = true\npublish = false\n\n[dependencies]\n{}\n",
        deps.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_filters_protocol_and_side() {
        let p = "aws.protocols#restJson1";
        assert!(applies(&serde_json::json!({"protocol": p}), p));
        assert!(applies(
            &serde_json::json!({"protocol": p, "appliesTo": "client"}),
            p
        ));
        assert!(!applies(
            &serde_json::json!({"protocol": p, "appliesTo": "server"}),
            p
        ));
        assert!(!applies(
            &serde_json::json!({"protocol": "aws.protocols#awsJson1_0"}),
            p
        ));
    }

    const MODEL: &str = r#"{
        "smithy": "2.0",
        "shapes": {
            "ns#Svc": {
                "type": "service", "version": "1",
                "operations": [{"target": "ns#Put"}],
                "traits": {"aws.protocols#restJson1": {}}
            },
            "ns#Put": {
                "type": "operation",
                "input": {"target": "ns#PutInput"},
                "output": {"target": "ns#PutOutput"},
                "errors": [{"target": "ns#Oops"}],
                "traits": {
                    "smithy.api#http": {"method": "POST", "uri": "/put/{name}"},
                    "smithy.test#httpRequestTests": [
                        {"id": "PutName", "protocol": "aws.protocols#restJson1", "method": "POST", "uri": "/put/a",
                         "params": {"name": "a", "ratio": "NaN", "when": 1.5, "tags": ["x", "y"]},
                         "body": "{}", "bodyMediaType": "application/json", "headers": {"Content-Type": "application/json"}},
                        {"id": "PutBadParam", "protocol": "aws.protocols#restJson1", "method": "POST", "uri": "/put/a",
                         "params": {"name": "a", "nope": 1}},
                        {"id": "PutServerOnly", "protocol": "aws.protocols#restJson1", "appliesTo": "server",
                         "method": "POST", "uri": "/put/a", "params": {}},
                        {"id": "PutOtherProtocol", "protocol": "aws.protocols#awsJson1_0", "method": "POST", "uri": "/",
                         "params": {}}
                    ],
                    "smithy.test#httpResponseTests": [
                        {"id": "PutOk", "protocol": "aws.protocols#restJson1", "code": 200,
                         "body": "{\"count\": 3}", "params": {"count": 3}}
                    ]
                }
            },
            "ns#PutInput": {
                "type": "structure",
                "members": {
                    "name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}},
                    "ratio": {"target": "smithy.api#Double"},
                    "when": {"target": "smithy.api#Timestamp"},
                    "tags": {"target": "ns#Tags"}
                }
            },
            "ns#Tags": {"type": "list", "member": {"target": "smithy.api#String"}},
            "ns#PutOutput": {"type": "structure", "members": {"count": {"target": "smithy.api#Integer"}}},
            "ns#Oops": {
                "type": "structure",
                "members": {"message": {"target": "smithy.api#String"}},
                "traits": {
                    "smithy.api#error": "client",
                    "smithy.test#httpResponseTests": [
                        {"id": "PutOops", "protocol": "aws.protocols#restJson1", "code": 400,
                         "headers": {"X-Amzn-ErrorType": "Oops"}, "body": "{}", "params": {"message": "m"}}
                    ]
                }
            }
        }
    }"#;

    fn suite() -> ProtocolTestCrate {
        let source = crate::model::Source::InMemory {
            name: "model.json".to_string(),
            text: MODEL.to_string(),
        };
        let model = crate::model::load_model_from_sources(&[source]).expect("the test model loads");
        let id = crate::model::ShapeId::new("ns", "Svc");
        let service = crate::ir::build_service(&model, &id, None).expect("the IR builds");
        render_protocol_tests(&service).expect("the tests render")
    }

    #[test]
    fn every_client_case_of_the_protocol_becomes_a_test() {
        let suite = suite();
        let names: Vec<&str> = suite.cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "request::PutName",
                "request::PutBadParam",
                "response::PutOk",
                "error::PutOops"
            ]
        );
        let bad = &suite.cases[1];
        assert!(
            bad.render_error
                .as_deref()
                .is_some_and(|e| e.contains("no member `nope`")),
            "{bad:?}"
        );
        let paths: Vec<&str> = suite.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "Cargo.toml",
                "src/lib.rs",
                "src/harness.rs",
                "src/protocol_tests.rs"
            ]
        );
    }

    #[test]
    fn params_become_builder_calls() {
        let suite = suite();
        let tests = &suite.files[3].contents;
        let flat: String = tests.split_whitespace().collect();
        for needle in [
            ".set_name(::std::option::Option::Some(::std::string::String::from(\"a\")))",
            ".set_ratio(::std::option::Option::Some(f64::NAN))",
            "DateTime::from_secs_and_nanos(1i64,500000000u32)",
            "::std::vec![::std::string::String::from(\"x\"),::std::string::String::from(\"y\")]",
            "asyncfnPutName()",
            "CannedResponse::new(400u16,&[(\"X-Amzn-ErrorType\",\"Oops\")],b\"{}\")",
            "ExpectedRequest{method:\"POST\",uri:\"/put/a\"",
        ] {
            assert!(flat.contains(needle), "missing `{needle}` in:\n{tests}");
        }
        assert!(!flat.contains("PutServerOnly") && !flat.contains("PutOtherProtocol"));
    }

    #[test]
    fn test_names_are_identifiers() {
        assert_eq!(test_ident("RestJsonLists"), "RestJsonLists");
        assert_eq!(test_ident("a-b"), "a_b");
        assert_eq!(test_ident("1x"), "_1x");
        assert_eq!(test_ident("type"), "type_");
    }
}
