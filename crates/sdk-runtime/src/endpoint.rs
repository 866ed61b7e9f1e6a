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
/// A configured region that is not a host label is refused before the rules run (see
/// [`check_region`](crate::check_region)).
pub fn resolve_with_rules(
    rules: &EmbeddedRuleSet,
    config: &ConfigCore,
) -> Result<String, BoxError> {
    if let Some(region) = config.region() {
        crate::check_region(region.as_ref())?;
    }
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

    #[test]
    fn regions_that_are_not_host_labels_are_refused_before_the_rules() {
        let long = "a".repeat(64);
        for region in [
            "us-east-1.evil.com/",
            "a b",
            "",
            "-us",
            "us-",
            "x/y",
            long.as_str(),
        ] {
            let config = ConfigCore::builder()
                .region(Region::new(region.to_owned()))
                .build();
            let err = resolve_with_rules(&RULES, &config).unwrap_err();
            assert!(
                err.to_string().contains("invalid region"),
                "{region:?}: {err}"
            );
            assert!(err.to_string().contains(&format!("{region:?}")), "{err}");
            // Also with a custom endpoint: the region is still signed with.
            let config = ConfigCore::builder()
                .region(Region::new(region.to_owned()))
                .endpoint_url("http://localhost:1")
                .build();
            assert!(resolve_with_rules(&RULES, &config).is_err(), "{region:?}");
        }
        let max = "a".repeat(63);
        for region in ["us-east-1", "US-EAST-1", "cn-north-1", max.as_str()] {
            let config = ConfigCore::builder()
                .region(Region::new(region.to_owned()))
                .build();
            assert!(resolve_with_rules(&RULES, &config).is_ok(), "{region:?}");
        }
    }

    static FIPS_RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(
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
                {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://svc.{Region}.amazonaws.com"}}
            ]}"#,
    );

    #[test]
    fn endpoint_url_goes_through_the_rules() {
        let fips = ConfigCore::builder()
            .region(Region::new("us-east-1"))
            .endpoint_url("http://127.0.0.1:9")
            .use_fips(true)
            .build();
        let err = resolve_with_rules(&FIPS_RULES, &fips).unwrap_err();
        assert!(
            err.to_string()
                .contains("FIPS and custom endpoint are not supported"),
            "{err}"
        );
        let custom = ConfigCore::builder()
            .region(Region::new("us-east-1"))
            .endpoint_url("http://127.0.0.1:9")
            .build();
        assert_eq!(
            resolve_with_rules(&FIPS_RULES, &custom).unwrap(),
            "http://127.0.0.1:9"
        );
    }
}
