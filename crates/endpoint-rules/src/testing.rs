//! Runs a service's `smithy.rules#endpointTests` cases against its rule set, so generated crates
//! (and this crate's own tests) check every case the model ships.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::{Params, ResolveError, RuleSet};

/// Runs every case of an `endpointTests` trait value (`{"testCases": [...]}`); returns how many
/// ran, or one message per failing case (its documentation and what differed).
pub fn run_test_cases(rules: &RuleSet, tests: &Json) -> Result<usize, Vec<String>> {
    let Some(cases) = tests.get("testCases").and_then(Json::as_array) else {
        return Err(vec![
            "the endpoint tests have no `testCases` array".to_owned(),
        ]);
    };
    let failures: Vec<String> = cases
        .iter()
        .enumerate()
        .filter_map(|(i, case)| {
            let doc = case
                .get("documentation")
                .and_then(Json::as_str)
                .unwrap_or("(undocumented)");
            check_case(rules, case)
                .err()
                .map(|problem| format!("case {i} `{doc}`: {problem}"))
        })
        .collect();
    if failures.is_empty() {
        Ok(cases.len())
    } else {
        Err(failures)
    }
}

fn check_case(rules: &RuleSet, case: &Json) -> Result<(), String> {
    let params = match case.get("params") {
        Some(p) => Params::from_json(p).map_err(|e| format!("bad params: {e}"))?,
        None => Params::new(),
    };
    let result = rules.resolve(&params);
    let expect = case.get("expect").ok_or("the case has no `expect`")?;
    if let Some(expected) = expect.get("endpoint") {
        let endpoint =
            result.map_err(|e| format!("error `{e}`, expected endpoint {}", expected["url"]))?;
        let mut problems = Vec::new();
        if Some(endpoint.url.as_str()) != expected.get("url").and_then(Json::as_str) {
            problems.push(format!(
                "url {:?}, expected {}",
                endpoint.url, expected["url"]
            ));
        }
        let want_headers = headers_of(expected.get("headers"))?;
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
        return if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        };
    }
    let Some(expected) = expect.get("error").and_then(Json::as_str) else {
        return Err(format!(
            "the case expects neither an endpoint nor an error: {expect}"
        ));
    };
    match result {
        Err(ResolveError::Rule { message }) if message == expected => Ok(()),
        Err(other) => Err(format!("error `{other}`, expected error `{expected}`")),
        Ok(endpoint) => Err(format!(
            "endpoint {}, expected error `{expected}`",
            endpoint.url
        )),
    }
}

fn headers_of(json: Option<&Json>) -> Result<BTreeMap<String, Vec<String>>, String> {
    let Some(object) = json.and_then(Json::as_object) else {
        return Ok(BTreeMap::new());
    };
    object
        .iter()
        .map(|(name, values)| {
            let values = values
                .as_array()
                .ok_or_else(|| format!("header `{name}`: expected an array of values"))?
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| format!("header `{name}`: expected strings"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((name.clone(), values))
        })
        .collect()
}
