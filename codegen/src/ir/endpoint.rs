//! The parameters of a service's endpoint rules (`smithy.rules#endpointRuleSet`), as the typed
//! `config::endpoint::Params` of a generated crate holds them: Rust names, types, defaults, and
//! which client setting feeds each built-in.

use super::docs::inline_text;
use super::names::member_names;

/// One parameter of the service's endpoint rules.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointParam {
    /// The name the rules use (`Region`, `UseFIPS`).
    pub name: String,
    /// The Rust name of its field, getter and setter (`region`, `use_fips`).
    pub rust_name: String,
    pub kind: EndpointParamKind,
    /// The value used when the parameter is unset.
    pub default: Option<EndpointValue>,
    /// Resolution fails when the parameter is unset and has no default.
    pub required: bool,
    /// The client setting that provides it, when this workspace's config has one.
    pub source: Option<ConfigSource>,
    /// The rule set's documentation of the parameter, as one line of plain text.
    pub docs: Option<String>,
}

impl EndpointParam {
    /// Whether the `Params` field is a plain value rather than an `Option`: a default fills it,
    /// or it is required (then `build()` fails when it is unset).
    pub fn always_set(&self) -> bool {
        self.default.is_some() || self.required
    }
}

/// The declared type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointParamKind {
    String,
    Boolean,
    StringArray,
}

/// A parameter default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointValue {
    String(String),
    Boolean(bool),
    StringArray(Vec<String>),
}

/// The client settings that feed rule-set built-ins (the AWS SDK built-ins this workspace's
/// config has); other built-ins stay unset unless a caller sets them on `Params`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigSource {
    /// `AWS::Region`: the configured region.
    Region,
    /// `AWS::UseFIPS`: `use_fips`.
    UseFips,
    /// `AWS::UseDualStack`: `use_dual_stack`.
    UseDualStack,
    /// `SDK::Endpoint`: `endpoint_url`.
    EndpointUrl,
}

impl ConfigSource {
    fn from_built_in(name: &str) -> Option<Self> {
        match name {
            "AWS::Region" => Some(Self::Region),
            "AWS::UseFIPS" => Some(Self::UseFips),
            "AWS::UseDualStack" => Some(Self::UseDualStack),
            "SDK::Endpoint" => Some(Self::EndpointUrl),
            _ => None,
        }
    }
}

/// The parameters declared by `rules` (the `smithy.rules#endpointRuleSet` trait value), in the
/// rule set's order. Errors name the parameter and the problem.
pub fn endpoint_params(rules: &serde_json::Value) -> Result<Vec<EndpointParam>, String> {
    let Some(declared) = rules.get("parameters") else {
        return Ok(Vec::new());
    };
    let declared = declared
        .as_object()
        .ok_or("smithy.rules#endpointRuleSet: `parameters` is not an object")?;
    let names: Vec<&str> = declared.keys().map(String::as_str).collect();
    let rust_names = member_names(&names);
    declared
        .iter()
        .zip(rust_names)
        .map(|((name, param), rust_name)| {
            let context = || format!("smithy.rules#endpointRuleSet parameter `{name}`");
            let kind = match param.get("type").and_then(|t| t.as_str()) {
                Some(t) if t.eq_ignore_ascii_case("string") => EndpointParamKind::String,
                Some(t) if t.eq_ignore_ascii_case("boolean") => EndpointParamKind::Boolean,
                Some(t) if t.eq_ignore_ascii_case("stringArray") => EndpointParamKind::StringArray,
                other => {
                    return Err(format!(
                        "{}: unsupported type {}",
                        context(),
                        other.map_or("(missing)".to_string(), |t| format!("{t:?}"))
                    ));
                }
            };
            let default = match param.get("default") {
                None | Some(serde_json::Value::Null) => None,
                Some(value) => Some(default_value(kind, value).ok_or_else(|| {
                    format!("{}: the default {value} is not a {kind:?}", context())
                })?),
            };
            Ok(EndpointParam {
                name: name.clone(),
                rust_name,
                kind,
                default,
                required: param
                    .get("required")
                    .and_then(|r| r.as_bool())
                    .unwrap_or(false),
                source: param
                    .get("builtIn")
                    .and_then(|b| b.as_str())
                    .and_then(ConfigSource::from_built_in),
                docs: param
                    .get("documentation")
                    .and_then(|d| d.as_str())
                    .map(inline_text)
                    .filter(|d| !d.is_empty()),
            })
        })
        .collect()
}

fn default_value(kind: EndpointParamKind, value: &serde_json::Value) -> Option<EndpointValue> {
    match kind {
        EndpointParamKind::String => value.as_str().map(|s| EndpointValue::String(s.to_string())),
        EndpointParamKind::Boolean => value.as_bool().map(EndpointValue::Boolean),
        EndpointParamKind::StringArray => value
            .as_array()?
            .iter()
            .map(|item| item.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .map(EndpointValue::StringArray),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_names_types_defaults_and_sources() {
        let rules = json!({"version": "1.0", "parameters": {
            "Region": {"builtIn": "AWS::Region", "required": false, "type": "string",
                       "documentation": "The AWS region\nused to dispatch the request."},
            "UseFIPS": {"builtIn": "AWS::UseFIPS", "required": true, "default": false, "type": "Boolean"},
            "Endpoint": {"builtIn": "SDK::Endpoint", "type": "string"},
            "Accelerate": {"builtIn": "AWS::S3::Accelerate", "type": "boolean", "default": false, "required": true},
            "Type": {"type": "stringArray", "default": ["a", "b"]}
        }, "rules": []});
        let params = endpoint_params(&rules).unwrap();
        let names: Vec<_> = params
            .iter()
            .map(|p| (p.name.as_str(), p.rust_name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Region", "region"),
                ("UseFIPS", "use_fips"),
                ("Endpoint", "endpoint"),
                ("Accelerate", "accelerate"),
                ("Type", "r#type"),
            ]
        );
        assert_eq!(params[0].source, Some(ConfigSource::Region));
        assert_eq!(
            params[0].docs.as_deref(),
            Some("The AWS region used to dispatch the request.")
        );
        assert!(!params[0].always_set());
        assert_eq!(params[1].kind, EndpointParamKind::Boolean);
        assert_eq!(params[1].default, Some(EndpointValue::Boolean(false)));
        assert!(params[1].always_set());
        assert_eq!(params[2].source, Some(ConfigSource::EndpointUrl));
        // Built-ins the config does not provide stay unset.
        assert_eq!(params[3].source, None);
        assert_eq!(
            params[4].default,
            Some(EndpointValue::StringArray(vec!["a".into(), "b".into()]))
        );
    }

    #[test]
    fn rejects_bad_types_and_defaults() {
        let bad_type = json!({"parameters": {"X": {"type": "integer"}}});
        let err = endpoint_params(&bad_type).unwrap_err();
        assert!(err.contains("`X`") && err.contains("\"integer\""), "{err}");
        let bad_default = json!({"parameters": {"X": {"type": "boolean", "default": "yes"}}});
        let err = endpoint_params(&bad_default).unwrap_err();
        assert!(err.contains("`X`") && err.contains("default"), "{err}");
        assert!(endpoint_params(&json!({"parameters": []})).is_err());
        assert_eq!(endpoint_params(&json!({})).unwrap(), Vec::new());
    }
}
