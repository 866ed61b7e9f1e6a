//! Runtime values and the parameter map handed to [`crate::RuleSet::resolve`].

use std::collections::BTreeMap;
use std::fmt;

use crate::Error;

/// A value seen by the rules engine.
///
/// Parameters use only [`Value::String`], [`Value::Bool`] and [`Value::StringArray`]. The other
/// variants appear while rules are evaluated: integer literals (for `substring`), arrays (for
/// example the `resourceId` of a parsed ARN) and records (the results of `aws.partition`,
/// `parseURL` and `aws.parseArn`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// A list of strings (the `stringArray` parameter type).
    StringArray(Vec<String>),
    /// An integer literal.
    Int(i64),
    /// A list of arbitrary values.
    Array(Vec<Value>),
    /// A record of named values.
    Record(BTreeMap<String, Value>),
}

impl Value {
    /// The string inside a [`Value::String`], if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean inside a [`Value::Bool`], if it is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A short name of this value's kind, used in error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Bool(_) => "boolean",
            Value::StringArray(_) => "stringArray",
            Value::Int(_) => "integer",
            Value::Array(_) => "array",
            Value::Record(_) => "record",
        }
    }

    /// Converts this value to JSON (records become objects, arrays become arrays).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::StringArray(items) => serde_json::Value::Array(
                items
                    .iter()
                    .map(|s| serde_json::Value::String(s.clone()))
                    .collect(),
            ),
            Value::Int(i) => serde_json::Value::from(*i),
            Value::Array(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_json).collect())
            }
            Value::Record(fields) => serde_json::Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::String(s) => f.write_str(s),
            other => write!(f, "{}", other.to_json()),
        }
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::String(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::String(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl From<Vec<String>> for Value {
    fn from(value: Vec<String>) -> Self {
        Value::StringArray(value)
    }
}

/// Parameter values for one endpoint resolution, keyed by the parameter names the rule set
/// declares (for example `"Region"`, `"UseFIPS"`, `"UseDualStack"`, `"Endpoint"`).
///
/// A name that is absent is unset; the rule set's default (if any) then applies. Names the rule
/// set does not declare are ignored, so a code generator may pass the same built-ins to every
/// service.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    values: BTreeMap<String, Value>,
}

impl Params {
    /// An empty parameter map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `name` to `value`, replacing any earlier value.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<Value>) -> &mut Self {
        self.values.insert(name.into(), value.into());
        self
    }

    /// Sets `name` to `value` when it is `Some`, and unsets it when it is `None`.
    pub fn set_opt<V: Into<Value>>(
        &mut self,
        name: impl Into<String>,
        value: Option<V>,
    ) -> &mut Self {
        let name = name.into();
        match value {
            Some(v) => {
                self.values.insert(name, v.into());
            }
            None => {
                self.values.remove(&name);
            }
        }
        self
    }

    /// Builder form of [`Params::set`].
    #[must_use]
    pub fn with(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.set(name, value);
        self
    }

    /// The value set for `name`, if any.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// Unsets `name`, returning its previous value.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.values.remove(name)
    }

    /// Iterates over the set parameters in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Builds parameters from a JSON object such as the `params` of an `endpointTests` case:
    /// strings, booleans and arrays of strings are accepted, `null` means unset.
    pub fn from_json(json: &serde_json::Value) -> Result<Self, Error> {
        let object = json
            .as_object()
            .ok_or_else(|| Error::new("$", "parameters must be a JSON object"))?;
        let mut params = Params::new();
        for (name, value) in object {
            let path = format!("$.{name}");
            match value {
                serde_json::Value::Null => {}
                serde_json::Value::String(s) => {
                    params.set(name.clone(), s.clone());
                }
                serde_json::Value::Bool(b) => {
                    params.set(name.clone(), *b);
                }
                serde_json::Value::Array(items) => {
                    let strings = items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            item.as_str().map(str::to_owned).ok_or_else(|| {
                                Error::new(format!("{path}[{i}]"), "expected a string")
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    params.set(name.clone(), strings);
                }
                serde_json::Value::Number(_) | serde_json::Value::Object(_) => {
                    return Err(Error::new(
                        path,
                        "a parameter must be a string, a boolean or an array of strings",
                    ));
                }
            }
        }
        Ok(params)
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut params = Params::new();
        for (k, v) in iter {
            params.set(k, v);
        }
        params
    }
}
