//! Endpoint resolution through a service's Smithy endpoint rules (`smithy.rules#endpointRuleSet`).
//!
//! Generated crates embed their rule set as JSON text in an [`EmbeddedRuleSet`] (parsed once, on
//! first use) and resolve with [`resolve_with_rules`]. An `endpoint_url` in the config is passed to
//! the rules as the `Endpoint` parameter, so the rules decide how it combines with FIPS and
//! dual-stack, as the AWS SDKs do.

use aws_smithy_runtime_api::box_error::BoxError;

pub use endpoint_rules::{
    EmbeddedRuleSet, Endpoint, Params, ResolveError, RuleSet, run_test_cases,
};

use crate::config::ConfigCore;

/// The rule-set parameters the configuration provides (the AWS SDK built-ins this workspace
/// supports): `Region`, `UseFIPS`, `UseDualStack` and `Endpoint`.
pub fn params(config: &ConfigCore) -> Params {
    let mut params = Params::new();
    params
        .set("UseFIPS", config.use_fips())
        .set("UseDualStack", config.use_dual_stack());
    if let Some(region) = config.region() {
        params.set("Region", region.as_ref());
    }
    if let Some(url) = config.endpoint_url() {
        params.set("Endpoint", url);
    }
    params
}

/// Resolves the endpoint URL for `config` with `rules`.
pub fn resolve_with_rules(
    rules: &EmbeddedRuleSet,
    config: &ConfigCore,
) -> Result<String, BoxError> {
    let endpoint = rules
        .resolve(&params(config))
        .map_err(|e| format!("endpoint resolution failed: {e}"))?;
    Ok(endpoint.url)
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
    use aws_types::region::Region;

    static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(
        r#"{"version": "1.0",
            "parameters": {
                "Region": {"type": "String", "builtIn": "AWS::Region", "required": false},
                "UseFIPS": {"type": "Boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
                "UseDualStack": {"type": "Boolean", "builtIn": "AWS::UseDualStack", "required": true, "default": false},
                "Endpoint": {"type": "String", "builtIn": "SDK::Endpoint", "required": false}
            },
            "rules": [
                {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}],
                 "endpoint": {"url": {"ref": "Endpoint"}}},
                {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}],
                 "endpoint": {"url": "https://svc.{Region}.amazonaws.com"}},
                {"type": "error", "conditions": [], "error": "Invalid Configuration: Missing Region"}
            ]}"#,
    );

    #[test]
    fn resolves_region_endpoint_override_and_errors() {
        let regional = ConfigCore::builder()
            .region(Region::new("us-east-2"))
            .build();
        assert_eq!(
            resolve_with_rules(&RULES, &regional).unwrap(),
            "https://svc.us-east-2.amazonaws.com"
        );
        let custom = ConfigCore::builder()
            .endpoint_url("http://localhost:1")
            .build();
        assert_eq!(
            resolve_with_rules(&RULES, &custom).unwrap(),
            "http://localhost:1"
        );
        let fips = ConfigCore::builder()
            .region(Region::new("us-east-2"))
            .use_fips(true)
            .use_dual_stack(true)
            .build();
        let params = params(&fips);
        assert_eq!(params.get("UseFIPS").and_then(|v| v.as_bool()), Some(true));
        assert_eq!(
            params.get("UseDualStack").and_then(|v| v.as_bool()),
            Some(true)
        );
        let none = ConfigCore::builder().build();
        let err = resolve_with_rules(&RULES, &none).unwrap_err();
        assert!(err.to_string().contains("Missing Region"), "{err}");
    }
}
