//! Hand-written rule sets exercising parsing, validation and evaluation.

use endpoint_rules::{EmbeddedRuleSet, ParameterType, Params, ResolveError, RuleSet, Value};
use serde_json::json;

/// A rule set using most of the language: assign, getAttr paths, templates with escapes,
/// headers, authSchemes properties, nested trees and error rules.
fn sample() -> RuleSet {
    RuleSet::from_json(&json!({
        "version": "1.0",
        "parameters": {
            "Region": {"type": "string", "builtIn": "AWS::Region", "documentation": "region"},
            "UseFIPS": {"type": "boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
            "Endpoint": {"type": "string", "builtIn": "SDK::Endpoint"},
            "ResourceArn": {"type": "string"},
            "Key": {"type": "string"},
            "Tags": {"type": "stringArray"}
        },
        "rules": [
            {
                "type": "tree",
                "documentation": "custom endpoint",
                "conditions": [
                    {"fn": "isSet", "argv": [{"ref": "Endpoint"}]},
                    {"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "Url"}
                ],
                "rules": [
                    {
                        "type": "error",
                        "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
                        "error": "FIPS and custom endpoint {Url#authority} are not supported"
                    },
                    {
                        "type": "endpoint",
                        "conditions": [{"fn": "booleanEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "Url"}, "isIp"]}, true]}],
                        "endpoint": {"url": "{Url#scheme}://{Url#authority}{Url#normalizedPath}ip"}
                    },
                    {
                        "type": "endpoint",
                        "conditions": [],
                        "endpoint": {"url": "{Url#scheme}://{Url#authority}{Url#path}"}
                    }
                ]
            },
            {
                "type": "tree",
                "conditions": [
                    {"fn": "isSet", "argv": [{"ref": "ResourceArn"}]},
                    {"fn": "aws.parseArn", "argv": [{"ref": "ResourceArn"}], "assign": "Arn"},
                    {"fn": "getAttr", "argv": [{"ref": "Arn"}, "resourceId[1]"], "assign": "ResourceName"}
                ],
                "rules": [
                    {
                        "type": "error",
                        "conditions": [{"fn": "not", "argv": [{"fn": "isValidHostLabel", "argv": [{"ref": "ResourceName"}, false]}]}],
                        "error": "Invalid resource name `{ResourceName}`"
                    },
                    {
                        "type": "endpoint",
                        "conditions": [
                            {"fn": "aws.partition", "argv": [{"fn": "getAttr", "argv": [{"ref": "Arn"}, "region"]}], "assign": "P"}
                        ],
                        "endpoint": {
                            "url": "https://{ResourceName}.{Arn#accountId}.svc.{Arn#region}.{P#dnsSuffix}",
                            "headers": {"x-amz-account": ["{Arn#accountId}"], "x-multi": ["a", "{Arn#service}"]},
                            "properties": {
                                "authSchemes": [{
                                    "name": "sigv4",
                                    "signingName": "{Arn#service}",
                                    "signingRegion": "{Arn#region}",
                                    "disableDoubleEncoding": true,
                                    "weight": 2
                                }],
                                "literal": "{{not a placeholder}}"
                            }
                        }
                    }
                ]
            },
            {
                "type": "endpoint",
                "conditions": [
                    {"fn": "isSet", "argv": [{"ref": "Key"}]},
                    {"fn": "substring", "argv": [{"ref": "Key"}, 0, 3, false], "assign": "Prefix"},
                    {"fn": "stringEquals", "argv": [{"ref": "Prefix"}, "abc"]}
                ],
                "endpoint": {"url": "https://{Prefix}.example.com/{Key}"}
            },
            {
                "type": "endpoint",
                "conditions": [
                    {"fn": "isSet", "argv": [{"ref": "Key"}]},
                    {"fn": "uriEncode", "argv": [{"ref": "Key"}], "assign": "Encoded"}
                ],
                "endpoint": {"url": "https://encoded.example.com/{Encoded}"}
            },
            {
                "type": "endpoint",
                "conditions": [
                    {"fn": "getAttr", "argv": [{"ref": "Tags"}, "[0]"], "assign": "FirstTag"}
                ],
                "endpoint": {"url": "https://{FirstTag}.tags.example.com"}
            },
            {
                "type": "tree",
                "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}],
                "rules": [
                    {
                        "type": "endpoint",
                        "conditions": [
                            {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "PartitionResult"},
                            {"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}
                        ],
                        "endpoint": {"url": "https://svc-fips.{Region}.{PartitionResult#dnsSuffix}"}
                    },
                    {
                        "type": "endpoint",
                        "conditions": [
                            {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "PartitionResult"},
                            {"fn": "stringEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "PartitionResult"}, "name"]}, "aws"]}
                        ],
                        "endpoint": {"url": "https://svc.{Region}.{PartitionResult#dnsSuffix}"}
                    }
                ]
            },
            {"type": "error", "conditions": [], "error": "Invalid Configuration: Missing Region"}
        ]
    }))
    .expect("sample rule set parses")
}

fn url(params: Params) -> String {
    match sample().resolve(&params) {
        Ok(e) => e.url,
        Err(e) => panic!("expected an endpoint, got {e:?}"),
    }
}

fn rule_error(params: Params) -> String {
    match sample().resolve(&params) {
        Err(ResolveError::Rule { message }) => message,
        other => panic!("expected an error rule, got {other:?}"),
    }
}

#[test]
fn parameters_are_exposed() {
    let rules = sample();
    assert_eq!(rules.version(), "1.0");
    assert_eq!(rules.parameters().len(), 6);
    let fips = rules.parameter("UseFIPS").unwrap();
    assert_eq!(fips.kind, ParameterType::Boolean);
    assert!(fips.required);
    assert_eq!(fips.default, Some(Value::Bool(false)));
    assert_eq!(fips.built_in.as_deref(), Some("AWS::UseFIPS"));
    assert_eq!(
        rules.parameter("Region").unwrap().documentation.as_deref(),
        Some("region")
    );
    assert!(rules.parameter("Nope").is_none());
}

#[test]
fn custom_endpoint_via_parse_url() {
    assert_eq!(
        url(Params::new().with("Endpoint", "https://example.com:8443/base")),
        "https://example.com:8443/base"
    );
    assert_eq!(
        url(Params::new().with("Endpoint", "http://127.0.0.1")),
        "http://127.0.0.1/ip"
    );
    assert_eq!(
        rule_error(
            Params::new()
                .with("Endpoint", "https://example.com")
                .with("UseFIPS", true)
        ),
        "FIPS and custom endpoint example.com are not supported"
    );
    // A URL parseURL rejects makes the tree's conditions fail, so later rules apply.
    assert_eq!(
        rule_error(Params::new().with("Endpoint", "https://example.com?query=1")),
        "Invalid Configuration: Missing Region"
    );
}

#[test]
fn arn_paths_headers_and_properties() {
    let endpoint = sample()
        .resolve(&Params::new().with(
            "ResourceArn",
            "arn:aws:myservice:cn-north-1:123456789012:thing/my-thing",
        ))
        .unwrap();
    assert_eq!(
        endpoint.url,
        "https://my-thing.123456789012.svc.cn-north-1.amazonaws.com.cn"
    );
    assert_eq!(endpoint.headers["x-amz-account"], vec!["123456789012"]);
    assert_eq!(endpoint.headers["x-multi"], vec!["a", "myservice"]);
    assert_eq!(
        serde_json::Value::Object(endpoint.properties),
        json!({
            "authSchemes": [{
                "name": "sigv4",
                "signingName": "myservice",
                "signingRegion": "cn-north-1",
                "disableDoubleEncoding": true,
                "weight": 2
            }],
            "literal": "{not a placeholder}"
        })
    );
    assert_eq!(
        rule_error(Params::new().with("ResourceArn", "arn:aws:svc:us-east-1:1:thing/bad_name")),
        "Invalid resource name `bad_name`"
    );
    // resourceId[1] out of range: unset, so the tree is skipped.
    assert_eq!(
        rule_error(Params::new().with("ResourceArn", "arn:aws:svc:us-east-1:1:onlyone")),
        "Invalid Configuration: Missing Region"
    );
    // Not an ARN at all.
    assert_eq!(
        rule_error(Params::new().with("ResourceArn", "not-an-arn")),
        "Invalid Configuration: Missing Region"
    );
}

#[test]
fn substring_uri_encode_and_string_arrays() {
    assert_eq!(
        url(Params::new().with("Key", "abcdef")),
        "https://abc.example.com/abcdef"
    );
    assert_eq!(
        url(Params::new().with("Key", "x y/z")),
        "https://encoded.example.com/x%20y%2Fz"
    );
    // Too short for substring(0, 3): the substring rule is skipped.
    assert_eq!(
        url(Params::new().with("Key", "ab")),
        "https://encoded.example.com/ab"
    );
    assert_eq!(
        url(Params::new().with("Tags", vec!["first".to_owned(), "second".to_owned()])),
        "https://first.tags.example.com"
    );
    assert_eq!(
        rule_error(Params::new().with("Tags", Vec::<String>::new())),
        "Invalid Configuration: Missing Region"
    );
}

#[test]
fn partitions_defaults_and_tree_exhaustion() {
    assert_eq!(
        url(Params::new().with("Region", "us-west-2")),
        "https://svc.us-west-2.amazonaws.com"
    );
    assert_eq!(
        url(Params::new()
            .with("Region", "cn-north-1")
            .with("UseFIPS", true)),
        "https://svc-fips.cn-north-1.amazonaws.com.cn"
    );
    // Unknown region: the aws partition.
    assert_eq!(
        url(Params::new().with("Region", "xx-nowhere-1")),
        "https://svc.xx-nowhere-1.amazonaws.com"
    );
    // The region tree's conditions hold but no inner rule matches (aws-cn without FIPS).
    match sample().resolve(&Params::new().with("Region", "cn-north-1")) {
        Err(ResolveError::NoMatchingRule { context }) => {
            assert!(context.contains("tree"), "{context}")
        }
        other => panic!("expected NoMatchingRule, got {other:?}"),
    }
    assert_eq!(
        rule_error(Params::new()),
        "Invalid Configuration: Missing Region"
    );
}

#[test]
fn parameter_checks() {
    let required = RuleSet::from_json(&json!({
        "parameters": {"Bucket": {"type": "String", "required": true}},
        "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{Bucket}.example.com"}}]
    }))
    .unwrap();
    assert_eq!(
        required.resolve(&Params::new()),
        Err(ResolveError::MissingParameter {
            name: "Bucket".into()
        })
    );
    assert_eq!(
        required.resolve(&Params::new().with("Bucket", true)),
        Err(ResolveError::InvalidParameter {
            name: "Bucket".into(),
            expected: ParameterType::String,
            found: "boolean"
        })
    );
    // Undeclared parameters are ignored.
    assert_eq!(
        required
            .resolve(&Params::new().with("Bucket", "b").with("UseDualStack", true))
            .unwrap()
            .url,
        "https://b.example.com"
    );
    let err = required.resolve(&Params::new()).unwrap_err();
    assert!(err.to_string().contains("Bucket"), "{err}");
}

#[test]
fn params_from_json() {
    let params = Params::from_json(
        &json!({"Region": "us-east-1", "UseFIPS": true, "Tags": ["a"], "Gone": null}),
    )
    .unwrap();
    assert_eq!(params.get("Region"), Some(&Value::from("us-east-1")));
    assert_eq!(params.get("UseFIPS"), Some(&Value::Bool(true)));
    assert_eq!(
        params.get("Tags"),
        Some(&Value::StringArray(vec!["a".into()]))
    );
    assert_eq!(params.get("Gone"), None);
    assert!(Params::from_json(&json!({"N": 1})).is_err());
    assert!(Params::from_json(&json!({"A": [1]})).is_err());
    assert!(Params::from_json(&json!([])).is_err());

    let mut p = Params::new();
    p.set_opt("Region", Some("eu-west-1"))
        .set_opt::<&str>("Endpoint", None);
    assert_eq!(p.iter().count(), 1);
    p.set_opt::<&str>("Region", None);
    assert_eq!(p.iter().count(), 0);
    let collected: Params = [("A", "x"), ("B", "y")].into_iter().collect();
    assert_eq!(collected.get("B"), Some(&Value::from("y")));
}

#[test]
fn coalesce_ite_and_split() {
    let rules = RuleSet::from_json(&json!({
        "parameters": {
            "A": {"type": "string"},
            "B": {"type": "string"},
            "Flag": {"type": "boolean", "required": true, "default": true}
        },
        "rules": [{
            "type": "endpoint",
            "conditions": [
                {"fn": "coalesce", "argv": [{"ref": "A"}, {"ref": "B"}, "fallback"], "assign": "Picked"},
                {"fn": "ite", "argv": [{"ref": "Flag"}, "on", "off"], "assign": "Mode"},
                {"fn": "split", "argv": [{"ref": "Picked"}, "--", 0], "assign": "Parts"}
            ],
            "endpoint": {"url": "https://{Mode}.{Parts#[0]}.example.com"}
        }]
    }))
    .unwrap();
    assert_eq!(
        rules.resolve(&Params::new()).unwrap().url,
        "https://on.fallback.example.com"
    );
    assert_eq!(
        rules
            .resolve(&Params::new().with("B", "x--y").with("Flag", false))
            .unwrap()
            .url,
        "https://off.x.example.com"
    );
}

#[test]
fn runtime_type_errors_are_reported() {
    let rules = RuleSet::from_json(&json!({
        "parameters": {"Region": {"type": "string", "required": true}},
        "rules": [{
            "type": "endpoint",
            "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "Region"}, true]}],
            "endpoint": {"url": "https://x"}
        }]
    }))
    .unwrap();
    match rules.resolve(&Params::new().with("Region", "us-east-1")) {
        Err(ResolveError::Evaluation { message }) => {
            assert!(message.contains("booleanEquals"), "{message}")
        }
        other => panic!("expected an evaluation error, got {other:?}"),
    }
}

#[test]
fn invalid_rule_sets_are_errors() {
    let endpoint_rule = |conditions: serde_json::Value, url: serde_json::Value| {
        json!({
            "parameters": {"Region": {"type": "string"}},
            "rules": [{"type": "endpoint", "conditions": conditions, "endpoint": {"url": url}}]
        })
    };
    let cases = [
        (json!([]), "must be a JSON object"),
        (json!({"parameters": {}}), "missing `rules`"),
        (
            json!({"rules": [{"type": "bogus", "conditions": []}]}),
            "unknown rule type",
        ),
        (json!({"rules": [{"conditions": []}]}), "missing `type`"),
        (
            json!({"rules": [{"type": "tree", "conditions": []}]}),
            "without `rules`",
        ),
        (
            json!({"rules": [{"type": "endpoint", "conditions": []}]}),
            "without `endpoint`",
        ),
        (
            json!({"parameters": {"X": {"type": "integer"}}, "rules": []}),
            "unknown parameter type",
        ),
        (
            json!({"parameters": {"X": {"type": "boolean", "default": "yes"}}, "rules": []}),
            "default is a string",
        ),
        (
            endpoint_rule(
                json!([{"fn": "frobnicate", "argv": []}]),
                json!("https://x"),
            ),
            "unknown function `frobnicate`",
        ),
        (
            endpoint_rule(json!([{"fn": "isSet", "argv": []}]), json!("https://x")),
            "wrong number of arguments",
        ),
        (
            endpoint_rule(
                json!([{"fn": "isSet", "argv": [{"ref": "Nope"}]}]),
                json!("https://x"),
            ),
            "reference to `Nope`",
        ),
        (
            endpoint_rule(json!([]), json!("https://{Nope}")),
            "reference to `Nope`",
        ),
        (
            endpoint_rule(json!([]), json!("https://{Region")),
            "unclosed",
        ),
        (endpoint_rule(json!([]), json!("https://x}")), "unmatched"),
        (
            endpoint_rule(
                json!([{"fn": "getAttr", "argv": [{"ref": "Region"}, "a[x]"]}]),
                json!("https://x"),
            ),
            "invalid index",
        ),
        (
            endpoint_rule(
                json!([{"fn": "getAttr", "argv": [{"ref": "Region"}, {"ref": "Region"}]}]),
                json!("https://x"),
            ),
            "string literal",
        ),
        (
            endpoint_rule(
                json!([{"fn": "isSet", "argv": [{"ref": "Region"}], "assign": "Region"}]),
                json!("https://x"),
            ),
            "may not shadow",
        ),
        (
            endpoint_rule(json!([{"ref": "Region"}]), json!("https://x")),
            "function call",
        ),
        (
            endpoint_rule(json!([]), json!(null)),
            "null is not a valid expression",
        ),
        (endpoint_rule(json!([]), json!(1.5)), "not an integer"),
    ];
    for (doc, expected) in cases {
        match RuleSet::from_json(&doc) {
            Ok(_) => panic!("rule set should be rejected ({expected}): {doc}"),
            Err(e) => assert!(
                e.to_string().contains(expected),
                "`{e}` should mention `{expected}`"
            ),
        }
    }
    // Assignments are scoped to their rule: a sibling cannot see them.
    let scoped = json!({
        "parameters": {"Region": {"type": "string"}},
        "rules": [
            {"type": "endpoint", "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
             "endpoint": {"url": "https://{P#name}"}},
            {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{P#name}"}}
        ]
    });
    let e = RuleSet::from_json(&scoped).unwrap_err();
    assert_eq!(e.path(), "$.rules[1].endpoint.url");
    assert!(e.message().contains("`P`"), "{e}");
    assert!(RuleSet::from_json_str("{not json").is_err());

    // Deep nesting is rejected instead of overflowing the stack.
    let mut rule = json!({"type": "error", "conditions": [], "error": "deep"});
    for _ in 0..100 {
        rule = json!({"type": "tree", "conditions": [], "rules": [rule]});
    }
    let e = RuleSet::from_json(&json!({"rules": [rule]})).unwrap_err();
    assert!(e.message().contains("nest"), "{e}");
}

#[test]
fn embedded_rule_sets() {
    static BROKEN: EmbeddedRuleSet = EmbeddedRuleSet::new(r#"{"rules": "nope"}"#);
    assert!(BROKEN.get().is_err());
    match BROKEN.resolve(&Params::new()) {
        Err(ResolveError::Evaluation { message }) => {
            assert!(message.contains("$.rules"), "{message}")
        }
        other => panic!("expected an evaluation error, got {other:?}"),
    }
    static GOOD: EmbeddedRuleSet = EmbeddedRuleSet::new(
        r#"{"parameters": {"Region": {"type": "string", "required": true}},
            "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{Region}.x"}}]}"#,
    );
    assert!(std::ptr::eq(GOOD.get().unwrap(), GOOD.get().unwrap()));
    assert_eq!(
        GOOD.resolve(&Params::new().with("Region", "r"))
            .unwrap()
            .url,
        "https://r.x"
    );
}
