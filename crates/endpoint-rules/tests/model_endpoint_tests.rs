//! Runs every `smithy.rules#endpointTests` case of the reference AWS models against the
//! `smithy.rules#endpointRuleSet` of the same service.
//!
//! The models are read from `../shared/reference/aws/` relative to the workspace root, or from
//! `$SDK_SHARED_DIR/reference/aws/` when that variable is set. When they are absent the tests
//! print a SKIPPED line and return.

use std::collections::BTreeMap;
use std::path::PathBuf;

use endpoint_rules::{Params, ResolveError, RuleSet};
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

fn headers_of(json: Option<&Json>) -> BTreeMap<String, Vec<String>> {
    let Some(map) = json.and_then(Json::as_object) else {
        return BTreeMap::new();
    };
    map.iter()
        .map(|(k, v)| {
            let values = v
                .as_array()
                .expect("expected header values to be an array")
                .iter()
                .map(|s| s.as_str().expect("header value string").to_owned())
                .collect();
            (k.clone(), values)
        })
        .collect()
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

    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let doc = case["documentation"].as_str().unwrap_or("(undocumented)");
        let params = match case.get("params") {
            Some(p) => {
                Params::from_json(p).unwrap_or_else(|e| panic!("case {i} `{doc}`: bad params: {e}"))
            }
            None => Params::new(),
        };
        let result = rule_set.resolve(&params);
        let expect = &case["expect"];
        let problem = if let Some(expected) = expect.get("endpoint") {
            match &result {
                Ok(endpoint) => {
                    let mut problems = Vec::new();
                    if Some(endpoint.url.as_str()) != expected["url"].as_str() {
                        problems.push(format!(
                            "url {:?}, expected {}",
                            endpoint.url, expected["url"]
                        ));
                    }
                    let want_headers = headers_of(expected.get("headers"));
                    if endpoint.headers != want_headers {
                        problems.push(format!(
                            "headers {:?}, expected {want_headers:?}",
                            endpoint.headers
                        ));
                    }
                    let want_props = expected
                        .get("properties")
                        .and_then(Json::as_object)
                        .cloned()
                        .unwrap_or_default();
                    if endpoint.properties != want_props {
                        problems.push(format!(
                            "properties {}, expected {}",
                            Json::Object(endpoint.properties.clone()),
                            Json::Object(want_props)
                        ));
                    }
                    (!problems.is_empty()).then(|| problems.join("; "))
                }
                Err(e) => Some(format!(
                    "error `{e}`, expected endpoint {}",
                    expected["url"]
                )),
            }
        } else if let Some(expected) = expect.get("error").and_then(Json::as_str) {
            match &result {
                Err(ResolveError::Rule { message }) if message == expected => None,
                Err(other) => Some(format!("error `{other}`, expected error `{expected}`")),
                Ok(endpoint) => Some(format!(
                    "endpoint {}, expected error `{expected}`",
                    endpoint.url
                )),
            }
        } else {
            Some(format!(
                "test case has neither expect.endpoint nor expect.error: {expect}"
            ))
        };
        if let Some(problem) = problem {
            eprintln!("FAILED case {i}: {doc}: {problem}");
            failures.push(format!("case {i} `{doc}`: {problem}"));
        }
    }
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
