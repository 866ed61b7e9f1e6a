//! The runnable examples of a crate's top-level docs: one per operation group (single calls,
//! paginated calls), each answered by `aws-smithy-mocks` rules, so they run as doctests without
//! a network or a server.
//!
//! The code is written from names the IR has already made into Rust identifiers (crate, operation,
//! member, type and variant names) and fixed example values; no model documentation or other model
//! text reaches it.

use crate::ir::{AuthScheme, Field, NamedKind, Operation, RustType, Service, Structure, TypeDef};

/// The "Examples" section of the crate docs (Markdown), or `None` when no operation's required
/// members can be given example values.
pub fn examples_section(service: &Service) -> Option<String> {
    let krate = service.settings.crate_name.replace('-', "_");
    let ex = Examples {
        service,
        krate: &krate,
    };
    let call = service
        .operations
        .iter()
        .filter(|op| op.pagination.is_none())
        .find_map(|op| ex.call_example(op));
    let paged = service
        .operations
        .iter()
        .filter(|op| op.pagination.is_some())
        .find_map(|op| ex.paginated_example(op));
    if call.is_none() && paged.is_none() {
        return None;
    }
    let mut out = String::from(
        "## Examples\n\n\
         These examples run without a network: each answers its calls with\n\
         [`aws-smithy-mocks`](https://docs.rs/aws-smithy-mocks) rules (a dev-dependency) through\n\
         `Config::builder().http_client(..).interceptor(..)`. With this crate's `test-util` feature,\n\
         `aws_smithy_mocks::mock_client!` builds such a client in one line.\n",
    );
    if let Some((op, code)) = call {
        out.push_str(&format!(
            "\n### Calls\n\nA call of `{op}` that fails with an error, then one that succeeds (rules\n\
             answer in order):\n\n```rust\n{code}```\n"
        ));
    }
    if let Some((op, code)) = paged {
        out.push_str(&format!(
            "\n### Paginated calls\n\nEvery page of `{op}` (here, one page):\n\n```rust\n{code}```\n"
        ));
    }
    Some(out)
}

struct Examples<'a> {
    service: &'a Service,
    krate: &'a str,
}

impl Examples<'_> {
    /// A value for a member of type `ty` (its setter's argument), when the type has a simple one.
    fn value(&self, ty: &RustType) -> Option<String> {
        let krate = self.krate;
        Some(match ty {
            RustType::String => "\"example\"".to_string(),
            RustType::Bool => "true".to_string(),
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => "1".to_string(),
            RustType::F32 | RustType::F64 => "1.0".to_string(),
            RustType::DateTime(_) => format!("{krate}::primitives::DateTime::from_secs(0)"),
            RustType::Named {
                name,
                kind: NamedKind::Enum,
                ..
            } => {
                let variant = self.service.types.iter().find_map(|t| match t {
                    TypeDef::Enum(e) if e.rust_name == *name => e.variants.first(),
                    _ => None,
                })?;
                format!("{krate}::types::{name}::{}", variant.rust_name)
            }
            _ => return None,
        })
    }

    /// `.member(value)` calls that set every required member of an operation input (list members
    /// get one item), or `None` when one of them has no simple value.
    fn input_setters(&self, op: &Operation) -> Option<Vec<String>> {
        op.input
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| {
                let value = match &f.ty {
                    RustType::List { item, .. } if !f.boxed => self.value(item)?,
                    ty => self.value(ty)?,
                };
                Some(format!(".{}({value})", f.rust_name))
            })
            .collect()
    }

    /// `Type::builder()...build()` for a structure, setting the members `build()` requires.
    fn build_structure(&self, path: &str, s: &Structure) -> Option<String> {
        let mut code = format!("{path}::builder()");
        for f in s.fields.iter().filter(|f| needs_value(f)) {
            match &f.ty {
                RustType::List { .. } | RustType::Map { .. } => code.push_str(&format!(
                    "\n        .set_{}(Some(Default::default()))",
                    crate::ir::names::bare(&f.rust_name)
                )),
                ty => code.push_str(&format!("\n        .{}({})", f.rust_name, self.value(ty)?)),
            }
        }
        if s.builder_fallible {
            code.push_str("\n        .build()\n        .expect(\"the required members are set\")");
        } else {
            code.push_str(".build()");
        }
        Some(code)
    }

    /// The operation's output, named as imported by [`prelude`](Self::prelude).
    fn output(&self, op: &Operation) -> Option<String> {
        self.build_structure(&format!("{}Output", op.name), &op.output)
    }

    /// The `use` lines (the mocks, the client, the operation's output and, for the call example
    /// with its error and rule sequence, its error type) and the hidden `main` the example runs in.
    fn prelude(&self, op: &Operation, call: bool) -> String {
        let krate = self.krate;
        let module = crate::ir::names::bare(&op.snake_name);
        let name = &op.name;
        let (mocks, types) = if call {
            (", RuleMode", format!("{{{name}Error, {name}Output}}"))
        } else {
            ("", format!("{name}Output"))
        };
        format!(
            "use aws_smithy_mocks::{{create_mock_http_client, mock, MockResponseInterceptor{mocks}}};\n\
             use {krate}::Client;\n\
             use {krate}::operation::{module}::{types};\n\
             # #[tokio::main(flavor = \"current_thread\")]\n\
             # async fn main() {{\n"
        )
    }

    /// `|| { client.op().member(value)....send() }`, one call per line.
    fn call_closure(&self, op: &Operation, setters: &[String]) -> String {
        let mut code = format!(
            "let call = || {{\n    client\n        .{}()\n",
            op.snake_name
        );
        for setter in setters {
            code.push_str(&format!("        {setter}\n"));
        }
        code.push_str("        .send()\n};\n");
        code
    }

    /// The configuration of a client whose calls the `interceptor` answers.
    fn mocked_config(&self, validation_off: bool) -> String {
        let krate = self.krate;
        let mut code = format!(
            "let config = {krate}::Config::builder()\n    \
             .http_client(create_mock_http_client())\n    \
             .interceptor(interceptor)\n"
        );
        let schemes = self.service.all_auth_schemes();
        if self.service.aws || self.service.uses_sigv4() {
            code.push_str(&format!(
                "    .region({krate}::config::Region::new(\"us-east-1\"))\n"
            ));
        }
        if self.service.uses_sigv4() {
            code.push_str(&format!(
                "    .credentials_provider({krate}::config::Credentials::new(\n        \
                 \"AKIDEXAMPLE\",\n        \"example-secret\",\n        None,\n        None,\n        \
                 \"example\",\n    ))\n"
            ));
        }
        if schemes.iter().any(|s| matches!(s, AuthScheme::HttpBearer)) {
            code.push_str("    .bearer_token(\"example-token\")\n");
        }
        if schemes
            .iter()
            .any(|s| matches!(s, AuthScheme::HttpApiKey { .. }))
        {
            code.push_str("    .api_key(\"example-key\")\n");
        }
        if self.service.endpoint_rule_set.is_none()
            && self.service.settings.default_endpoint.is_none()
        {
            code.push_str("    .endpoint_url(\"https://service.example\")\n");
        }
        if validation_off {
            code.push_str(
                "    // The example values need not meet the model's constraints.\n    \
                 .validation(false)\n",
            );
        }
        code.push_str("    .build();\nlet client = Client::from_conf(config);\n");
        code
    }

    /// An error the call can be answered with and a check that recognises it: a modeled error
    /// that is not `@retryable` (so the client does not retry it), or an unmodeled one.
    fn error(&self, op: &Operation) -> (String, String) {
        let krate = self.krate;
        let error = format!("{}Error", op.name);
        let modeled = op.errors.iter().find_map(|e| {
            let s = self
                .service
                .errors
                .iter()
                .find(|s| s.rust_name == e.rust_name)?;
            if s.error
                .as_ref()
                .is_some_and(|info| info.retryable.is_some())
            {
                return None;
            }
            let value =
                self.build_structure(&format!("{krate}::types::error::{}", s.rust_name), s)?;
            Some((e.rust_name.clone(), value))
        });
        match modeled {
            Some((variant, value)) => (
                format!("{error}::{variant}({value})"),
                format!("matches!(err.as_service_error(), Some({error}::{variant}(_)))"),
            ),
            None => (
                format!(
                    "{error}::generic(\n        \
                     {krate}::error::ErrorMetadata::builder().code(\"ExampleError\").build(),\n    )"
                ),
                format!(
                    "{krate}::error::ProvideErrorMetadata::code(err.as_service_error().unwrap()) \
                     == Some(\"ExampleError\")"
                ),
            ),
        }
    }

    fn call_example(&self, op: &Operation) -> Option<(String, String)> {
        let setters = self.input_setters(op)?;
        let output = self.output(op)?;
        let (error, is_error) = self.error(op);
        let method = &op.snake_name;
        let mut code = self.prelude(op, true);
        code.push_str(&format!(
            "let fails = mock!(Client::{method}).then_error(|| {{\n    {error}\n}});\n\
             let succeeds = mock!(Client::{method}).then_output(|| {{\n    {output}\n}});\n\
             let interceptor = MockResponseInterceptor::new()\n    \
             .rule_mode(RuleMode::Sequential)\n    \
             .with_rule(&fails)\n    \
             .with_rule(&succeeds);\n"
        ));
        code.push_str(&self.mocked_config(has_constraints(&op.input)));
        code.push('\n');
        code.push_str(&self.call_closure(op, &setters));
        code.push_str(&format!(
            "let err = call().await.unwrap_err();\n\
             assert!({is_error});\n\
             let output = call().await.expect(\"the second rule answers\");\n\
             println!(\"{{output:?}}\");\n\
             assert_eq!((fails.num_calls(), succeeds.num_calls()), (1, 1));\n\
             # }}\n"
        ));
        Some((op.name.clone(), code))
    }

    fn paginated_example(&self, op: &Operation) -> Option<(String, String)> {
        let setters = self.input_setters(op)?;
        let output = self.output(op)?;
        let method = &op.snake_name;
        let mut code = self.prelude(op, false);
        code.push_str(&format!(
            "// A page without a next token (or, for offset paging, a short page) is the last.\n\
             let last_page = mock!(Client::{method}).then_output(|| {{\n    {output}\n}});\n\
             let interceptor = MockResponseInterceptor::new().with_rule(&last_page);\n"
        ));
        code.push_str(&self.mocked_config(has_constraints(&op.input)));
        let mut chain = format!("client\n    .{method}()\n");
        for setter in &setters {
            chain.push_str(&format!("    {setter}\n"));
        }
        code.push_str(&format!(
            "\nlet mut pages = {chain}    .into_paginator()\n    .send();\n\
             let mut count = 0;\n\
             while let Some(page) = pages.next().await {{\n    \
             let page = page.expect(\"the rule answers\");\n    \
             println!(\"{{page:?}}\");\n    \
             count += 1;\n\
             }}\n\
             assert_eq!(count, 1);\n\
             # }}\n"
        ));
        Some((op.name.clone(), code))
    }
}

/// A member `build()` refuses to leave unset: a plain (non-`Option`) value without a default.
fn needs_value(f: &Field) -> bool {
    !f.optional && f.default.is_none()
}

/// Some member the examples set (the required ones) has a constraint that client-side
/// validation checks.
fn has_constraints(s: &Structure) -> bool {
    s.fields
        .iter()
        .filter(|f| f.required)
        .any(|f| f.has_checks() || constrained_type(&f.ty))
}

fn constrained_type(ty: &RustType) -> bool {
    match ty {
        RustType::Named { constraints, .. } => !constraints.is_empty(),
        RustType::List {
            item_constraints, ..
        } => !item_constraints.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::examples_section;
    use crate::ir::Service;
    use crate::model::{ShapeId, load_model};
    use crate::settings::CrateSettings;

    fn service(dir: &str, id: &str) -> Service {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../models")
            .join(dir);
        let model = load_model(std::slice::from_ref(&dir)).unwrap_or_else(|e| panic!("{e}"));
        let settings =
            CrateSettings::read(&dir.join("codegen.json")).unwrap_or_else(|e| panic!("{e}"));
        let id = ShapeId::parse(id).unwrap_or_else(|| panic!("bad id {id}"));
        crate::ir::build_service(&model, &id, Some(settings)).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Every documentation text of the service, long enough to be recognised.
    fn model_docs(service: &Service) -> Vec<&str> {
        let mut docs: Vec<&str> = service.docs.iter().map(String::as_str).collect();
        for op in &service.operations {
            docs.extend(op.docs.as_deref());
            for s in [&op.input, &op.output] {
                docs.extend(s.docs.as_deref());
                docs.extend(s.fields.iter().filter_map(|f| f.docs.as_deref()));
            }
        }
        docs.retain(|d| d.len() >= 20);
        docs
    }

    #[test]
    fn a_call_and_a_paginated_example_from_names_only() {
        let service = service(
            "bedrock-agentcore",
            "com.amazonaws.bedrockagentcore#AmazonBedrockAgentCore",
        );
        let section = examples_section(&service).expect("examples");
        assert!(section.contains("### Calls"), "{section}");
        assert!(
            section.contains("mock!(Client::create_payment_session)"),
            "{section}"
        );
        assert!(section.contains("### Paginated calls"), "{section}");
        assert!(section.contains(".into_paginator()"), "{section}");
        // The ARN placeholder breaks the model's pattern, so validation is off.
        assert!(section.contains(".validation(false)"), "{section}");
        assert_eq!(section.matches("```rust\n").count(), 2, "{section}");
        for doc in model_docs(&service) {
            assert!(!section.contains(doc), "model text {doc:?} in:\n{section}");
        }
    }

    #[test]
    fn operations_that_need_structures_get_no_example() {
        // Every single call of BillForward requires a structure; its offset-paged listing needs
        // only a subscription id.
        let service = service("billforward", "com.billforward#BillForwardUsageSessions");
        let section = examples_section(&service).expect("examples");
        assert!(!section.contains("### Calls"), "{section}");
        assert!(
            section.contains("mock!(Client::get_active_sessions_for_subscription)"),
            "{section}"
        );
        // Its operations need a bearer token or none; the example sets one.
        assert!(
            section.contains(".bearer_token(\"example-token\")"),
            "{section}"
        );
        assert!(!section.contains(".region("), "{section}");
    }
}
