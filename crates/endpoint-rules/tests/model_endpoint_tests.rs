//! Runs every `smithy.rules#endpointTests` case of the reference AWS models against the
//! `smithy.rules#endpointRuleSet` of the same service.
//!
//! The models are read from `../shared/reference/aws/` relative to the workspace root, or from
//! `$SDK_SHARED_DIR/reference/aws/` when that variable is set. When they are absent the tests
//! print a SKIPPED line and return.

use std::path::PathBuf;

use endpoint_rules::RuleSet;
use serde_json::Value as Json;

fn shared_dir() -> PathBuf {
    match std::env::var_os("SDK_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// Loads the model, or returns `None` (after a loud message) when the shared data is absent.
fn load_model(file: &str) -> Option<Json> {
    let path = shared_dir().join("reference/aws").join(file);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "SKIPPED: endpoint tests for {file}: {} is not readable (set SDK_SHARED_DIR to the shared dir)",
            path.display()
        );
        return None;
    };
    Some(
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display())),
    )
}

/// Checks every test case of `service`, printing the documentation of each failing one.
fn run_endpoint_tests(file: &str, service: &str, expected_cases: usize) {
    let Some(model) = load_model(file) else {
        return;
    };
    let traits = &model["shapes"][service]["traits"];
    let rule_set = RuleSet::from_json(&traits["smithy.rules#endpointRuleSet"])
        .unwrap_or_else(|e| panic!("{service}: rule set does not parse: {e}"));
    let cases = traits["smithy.rules#endpointTests"]["testCases"]
        .as_array()
        .unwrap_or_else(|| panic!("{service}: no endpointTests testCases"));
    assert_eq!(
        cases.len(),
        expected_cases,
        "{service}: number of test cases"
    );

    let failures =
        match endpoint_rules::run_test_cases(&rule_set, &traits["smithy.rules#endpointTests"]) {
            Ok(ran) => {
                assert_eq!(ran, expected_cases, "{service}: cases run");
                Vec::new()
            }
            Err(failures) => failures,
        };
    assert!(
        failures.is_empty(),
        "{service}: {} of {} endpoint test cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn bedrock_agentcore_endpoint_tests() {
    run_endpoint_tests(
        "bedrock-agentcore-2024-02-28.json",
        "com.amazonaws.bedrockagentcore#AmazonBedrockAgentCore",
        21,
    );
}

#[test]
fn partnercentral_account_endpoint_tests() {
    run_endpoint_tests(
        "partnercentral-account-2025-04-04.json",
        "com.amazonaws.partnercentralaccount#PartnerCentralAccount",
        9,
    );
}
