//! Endpoint resolution through a service's Smithy endpoint rules (`smithy.rules#endpointRuleSet`).
//!
//! Generated crates embed their rule set as JSON text in an [`EmbeddedRuleSet`] (parsed once, on
//! first use) and define the typed `config::endpoint::Params` of its parameters (what aws-sdk-rust
//! calls `Params`), filled from the client's configuration: an `endpoint_url` is passed to the
//! rules as the `Endpoint` parameter, so the rules decide how it combines with FIPS and
//! dual-stack, as the AWS SDKs do. Their `DefaultResolver` turns typed parameters into
//! [`RuleParams`] and calls [`resolve`] or [`resolve_url`].

use std::borrow::Cow;
use std::fmt;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::endpoint::{
    EndpointFuture, EndpointResolverParams, ResolveEndpoint,
};
use aws_smithy_types::Document;

pub use endpoint_rules::Params as RuleParams;
pub use endpoint_rules::{
    EmbeddedRuleSet, Endpoint, Params, ResolveError, RuleSet, run_test_cases,
};

/// The error of a typed `Params` builder: a required endpoint parameter without a default was
/// left unset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidParams {
    field: Cow<'static, str>,
}

impl InvalidParams {
    /// A required parameter (`field` is its Rust name) is missing.
    pub fn missing(field: &'static str) -> Self {
        Self {
            field: Cow::Borrowed(field),
        }
    }

    /// The Rust name of the missing parameter.
    pub fn field(&self) -> &str {
        &self.field
    }
}

impl fmt::Display for InvalidParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the endpoint parameter `{}` is required but was not set",
            self.field
        )
    }
}

impl std::error::Error for InvalidParams {}

/// A service's own resolver (generic over its typed `Params`) as the smithy-rs runtime's
/// type-erased resolver: takes the service's parameters out of the [`EndpointResolverParams`].
/// Generated crates build it in their `ResolveEndpoint::into_shared_resolver`.
pub struct DowncastParams<P, T> {
    resolver: T,
    resolve: for<'a> fn(&'a T, &'a P) -> EndpointFuture<'a>,
}

impl<P, T> DowncastParams<P, T> {
    /// Wraps `resolver`, whose method `resolve` takes the service's parameters `P`.
    pub fn new(resolver: T, resolve: for<'a> fn(&'a T, &'a P) -> EndpointFuture<'a>) -> Self {
        Self { resolver, resolve }
    }
}

impl<P, T: fmt::Debug> fmt::Debug for DowncastParams<P, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DowncastParams")
            .field(&self.resolver)
            .finish()
    }
}

impl<P, T> ResolveEndpoint for DowncastParams<P, T>
where
    P: fmt::Debug + Send + Sync + 'static,
    T: fmt::Debug + Send + Sync,
{
    fn resolve_endpoint<'a>(&'a self, params: &'a EndpointResolverParams) -> EndpointFuture<'a> {
        match params.get::<P>() {
            Some(params) => (self.resolve)(&self.resolver, params),
            None => EndpointFuture::ready(Err(format!(
                "the endpoint parameters are not the `{}` this resolver takes",
                std::any::type_name::<P>()
            )
            .into())),
        }
    }
}

/// The endpoint URL `rules` give for `params`.
pub fn resolve_url(rules: &EmbeddedRuleSet, params: &RuleParams) -> Result<String, BoxError> {
    Ok(resolve_rules(rules, params)?.url)
}

/// The endpoint `rules` give for `params`, as the smithy-rs runtime's
/// [`Endpoint`](aws_smithy_types::endpoint::Endpoint): URL, headers and properties (such as
/// `authSchemes`).
pub fn resolve(
    rules: &EmbeddedRuleSet,
    params: &RuleParams,
) -> Result<aws_smithy_types::endpoint::Endpoint, BoxError> {
    let resolved = resolve_rules(rules, params)?;
    let mut endpoint = aws_smithy_types::endpoint::Endpoint::builder().url(resolved.url);
    for (name, values) in resolved.headers {
        for value in values {
            endpoint = endpoint.header(name.clone(), value);
        }
    }
    for (name, value) in resolved.properties {
        endpoint = endpoint.property(name, json_document(value));
    }
    Ok(endpoint.build())
}

fn resolve_rules(rules: &EmbeddedRuleSet, params: &RuleParams) -> Result<Endpoint, BoxError> {
    rules
        .resolve(params)
        .map_err(|e| format!("endpoint resolution failed: {e}").into())
}

/// An endpoint property (JSON, from the rules) as a smithy [`Document`].
fn json_document(value: serde_json::Value) -> Document {
    match value {
        serde_json::Value::Null => Document::Null,
        serde_json::Value::Bool(b) => Document::Bool(b),
        serde_json::Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Document::Number(aws_smithy_types::Number::PosInt(u))
            } else if let Some(i) = n.as_i64() {
                Document::Number(aws_smithy_types::Number::NegInt(i))
            } else {
                Document::Number(aws_smithy_types::Number::Float(n.as_f64().unwrap_or(0.0)))
            }
        }
        serde_json::Value::String(s) => Document::String(s),
        serde_json::Value::Array(items) => {
            Document::Array(items.into_iter().map(json_document).collect())
        }
        serde_json::Value::Object(map) => Document::Object(
            map.into_iter()
                .map(|(k, v)| (k, json_document(v)))
                .collect(),
        ),
    }
}

/// Runs a service's `smithy.rules#endpointTests` (JSON text) against its embedded rules; panics
/// with every failing case. Generated crates call this from a test.
pub fn assert_endpoint_tests(rules: &EmbeddedRuleSet, tests: &str) {
    let tests: serde_json::Value = match serde_json::from_str(tests) {
        Ok(tests) => tests,
        Err(e) => panic!("the endpoint tests are not JSON: {e}"),
    };
    let rules = match rules.get() {
        Ok(rules) => rules,
        Err(e) => panic!("the endpoint rule set does not parse: {e}"),
    };
    if let Err(failures) = run_test_cases(rules, &tests) {
        panic!(
            "{} endpoint test case(s) failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(
        r#"{"version": "1.0",
            "parameters": {
                "Region": {"type": "String", "builtIn": "AWS::Region", "required": false},
                "UseFIPS": {"type": "Boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
                "Endpoint": {"type": "String", "builtIn": "SDK::Endpoint", "required": false}
            },
            "rules": [
                {"type": "tree", "conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}], "rules": [
                    {"type": "error", "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
                     "error": "Invalid Configuration: FIPS and custom endpoint are not supported"},
                    {"type": "endpoint", "conditions": [], "endpoint": {"url": {"ref": "Endpoint"}}}
                ]},
                {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}],
                 "endpoint": {"url": "https://svc.{Region}.amazonaws.com",
                              "headers": {"x-extra": ["a", "b"]},
                              "properties": {"authSchemes": [{"name": "sigv4", "signingRegion": "{Region}", "n": 2}]}}},
                {"type": "error", "conditions": [], "error": "Invalid Configuration: Missing Region"}
            ]}"#,
    );

    #[test]
    fn resolves_urls_headers_properties_and_errors() {
        let regional = RuleParams::new().with("Region", "us-east-2");
        assert_eq!(
            resolve_url(&RULES, &regional).unwrap(),
            "https://svc.us-east-2.amazonaws.com"
        );
        let endpoint = resolve(&RULES, &regional).unwrap();
        assert_eq!(endpoint.url(), "https://svc.us-east-2.amazonaws.com");
        let extra: Vec<(&str, Vec<&str>)> = endpoint
            .headers()
            .map(|(name, values)| (name, values.collect()))
            .collect();
        assert_eq!(extra, [("x-extra", vec!["a", "b"])]);
        let Some(Document::Array(schemes)) = endpoint.properties().get("authSchemes") else {
            panic!("no authSchemes: {endpoint:?}");
        };
        let Document::Object(scheme) = &schemes[0] else {
            panic!("{schemes:?}");
        };
        assert_eq!(
            scheme.get("signingRegion"),
            Some(&Document::String("us-east-2".into()))
        );
        assert_eq!(
            scheme.get("n"),
            Some(&Document::Number(aws_smithy_types::Number::PosInt(2)))
        );

        let custom = RuleParams::new().with("Endpoint", "http://127.0.0.1:9");
        assert_eq!(resolve_url(&RULES, &custom).unwrap(), "http://127.0.0.1:9");
        let fips = custom.with("UseFIPS", true);
        let err = resolve_url(&RULES, &fips).unwrap_err();
        assert!(
            err.to_string()
                .contains("FIPS and custom endpoint are not supported"),
            "{err}"
        );
        let err = resolve_url(&RULES, &RuleParams::new()).unwrap_err();
        assert!(err.to_string().contains("Missing Region"), "{err}");
    }

    #[derive(Debug)]
    struct Fixed;
    impl Fixed {
        fn resolve<'a>(&'a self, region: &'a String) -> EndpointFuture<'a> {
            EndpointFuture::ready(Ok(aws_smithy_types::endpoint::Endpoint::builder()
                .url(format!("https://{region}.example"))
                .build()))
        }
    }

    #[tokio::test]
    async fn downcast_params_takes_only_its_own_parameter_type() {
        let resolver = DowncastParams::new(Fixed, Fixed::resolve);
        let ok = resolver
            .resolve_endpoint(&EndpointResolverParams::new("eu-west-1".to_string()))
            .await
            .expect("its own parameters");
        assert_eq!(ok.url(), "https://eu-west-1.example");
        let err = resolver
            .resolve_endpoint(&EndpointResolverParams::new(7_u32))
            .await
            .expect_err("another type");
        assert!(err.to_string().contains("String"), "{err}");
    }

    #[test]
    fn invalid_params_names_the_field() {
        let err = InvalidParams::missing("bucket");
        assert_eq!(err.field(), "bucket");
        assert_eq!(
            err.to_string(),
            "the endpoint parameter `bucket` is required but was not set"
        );
    }
}
