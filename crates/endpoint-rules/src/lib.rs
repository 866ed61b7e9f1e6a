//! An evaluator for Smithy endpoint rule sets.
//!
//! AWS Smithy models describe how a client picks its endpoint with the
//! `smithy.rules#endpointRuleSet` trait: a JSON document of typed parameters and rules. Each rule
//! has conditions (function calls, optionally binding their result with `assign`) and is either
//! an *endpoint* rule (produces a URL, headers and properties), an *error* rule (resolution fails
//! with a message) or a *tree* rule (a nested list of rules). Rules are tried in order and the
//! first whose conditions all hold decides the outcome.
//!
//! ```
//! use endpoint_rules::{Params, RuleSet};
//!
//! let rules = RuleSet::from_json_str(r#"{
//!     "version": "1.0",
//!     "parameters": {
//!         "Region": {"type": "string", "builtIn": "AWS::Region", "required": true}
//!     },
//!     "rules": [{
//!         "type": "endpoint",
//!         "conditions": [
//!             {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "PartitionResult"}
//!         ],
//!         "endpoint": {"url": "https://svc.{Region}.{PartitionResult#dnsSuffix}"}
//!     }]
//! }"#)?;
//! let endpoint = rules.resolve(&Params::new().with("Region", "eu-west-1"))?;
//! assert_eq!(endpoint.url, "https://svc.eu-west-1.amazonaws.com");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Supported functions: `isSet`, `not`, `booleanEquals`, `stringEquals`, `getAttr`, `substring`,
//! `uriEncode`, `parseURL`, `isValidHostLabel`, `coalesce`, `ite`, `split`, `aws.partition`,
//! `aws.parseArn` and `aws.isVirtualHostableS3Bucket`. `aws.partition` reads an embedded copy of
//! the AWS partitions table; a region no partition claims resolves to the `aws` partition.
//!
//! A condition whose function yields an unset value (or `false`) does not hold; a function other
//! than `isSet`, `coalesce` and `ite` is unset when any of its arguments is unset.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod ast;
mod eval;
mod functions;
mod partition;
mod testing;
mod value;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

pub use ast::{Parameter, ParameterType};
pub use testing::run_test_cases;
pub use value::{Params, Value};

/// A rule set that cannot be used: malformed JSON structure, an unknown function or rule type,
/// a wrong argument count, a bad template or `getAttr` path, or a reference to an undefined name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: String,
    message: String,
}

impl Error {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Where in the document the problem is, as a JSON path such as `$.rules[1].conditions[0]`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid endpoint rule set at {}: {}",
            self.path, self.message
        )
    }
}

impl std::error::Error for Error {}

/// Why [`RuleSet::resolve`] produced no endpoint.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ResolveError {
    /// An error rule matched; `message` is its (template-expanded) message, for example
    /// `"Invalid Configuration: Missing Region"`.
    Rule {
        /// The rule's message.
        message: String,
    },
    /// A required parameter is unset and has no default.
    MissingParameter {
        /// The parameter name.
        name: String,
    },
    /// A parameter value does not have the declared type.
    InvalidParameter {
        /// The parameter name.
        name: String,
        /// The declared type.
        expected: ParameterType,
        /// The kind of value supplied (see [`Value::kind`]).
        found: &'static str,
    },
    /// No rule matched (at the top level, or inside a tree rule whose conditions held).
    NoMatchingRule {
        /// Where matching ran out.
        context: String,
    },
    /// A rule could not be evaluated, e.g. a function received a value of the wrong type or a
    /// template placeholder was unset. This points at a defect in the rule set.
    Evaluation {
        /// What went wrong.
        message: String,
    },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Rule { message } => f.write_str(message),
            ResolveError::MissingParameter { name } => {
                write!(f, "endpoint parameter `{name}` is required but was not set")
            }
            ResolveError::InvalidParameter {
                name,
                expected,
                found,
            } => write!(
                f,
                "endpoint parameter `{name}` must be a {expected}, but a {found} was given"
            ),
            ResolveError::NoMatchingRule { context } => {
                write!(f, "no endpoint rule matched these parameters: {context}")
            }
            ResolveError::Evaluation { message } => {
                write!(f, "endpoint rules could not be evaluated: {message}")
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// A resolved endpoint.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Endpoint {
    /// The endpoint URL, e.g. `https://bedrock-agentcore.us-east-1.amazonaws.com`.
    pub url: String,
    /// Headers to add to requests sent to this endpoint.
    pub headers: BTreeMap<String, Vec<String>>,
    /// Extra properties, such as `authSchemes`, with template strings expanded.
    pub properties: serde_json::Map<String, serde_json::Value>,
}

/// A parsed and validated endpoint rule set.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    parsed: ast::Parsed,
}

impl RuleSet {
    /// Parses the value of a `smithy.rules#endpointRuleSet` trait.
    pub fn from_json(json: &serde_json::Value) -> Result<RuleSet, Error> {
        Ok(RuleSet {
            parsed: ast::parse_rule_set(json)?,
        })
    }

    /// Parses a rule set from JSON text, for instance one embedded with `include_str!` in a
    /// generated crate (build it once, e.g. in a `std::sync::OnceLock`).
    pub fn from_json_str(text: &str) -> Result<RuleSet, Error> {
        let json: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| Error::new("$", format!("not valid JSON: {e}")))?;
        Self::from_json(&json)
    }

    /// The rule set's `version` (`"1.0"` when absent).
    pub fn version(&self) -> &str {
        &self.parsed.version
    }

    /// The declared parameters, in document order.
    pub fn parameters(&self) -> &[Parameter] {
        &self.parsed.parameters
    }

    /// The declared parameter called `name`.
    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parsed.parameters.iter().find(|p| p.name == name)
    }

    /// Resolves the endpoint for `params`.
    ///
    /// Defaults are applied to unset parameters, then required parameters and declared types are
    /// checked; parameters the rule set does not declare are ignored. An error rule that matches
    /// yields [`ResolveError::Rule`] with its message.
    pub fn resolve(&self, params: &Params) -> Result<Endpoint, ResolveError> {
        let mut scope = eval::Scope::default();
        for param in &self.parsed.parameters {
            let value = params.get(&param.name).or(param.default.as_ref());
            match value {
                Some(v) if !param.kind.accepts(v) => {
                    return Err(ResolveError::InvalidParameter {
                        name: param.name.clone(),
                        expected: param.kind,
                        found: v.kind(),
                    });
                }
                Some(v) => scope.push(param.name.clone(), v.clone()),
                None if param.required => {
                    return Err(ResolveError::MissingParameter {
                        name: param.name.clone(),
                    });
                }
                None => {}
            }
        }
        eval::resolve(&self.parsed.rules, &mut scope)
    }
}

/// A rule set embedded as JSON text in a generated crate, parsed on first use.
///
/// ```
/// use endpoint_rules::{EmbeddedRuleSet, Params};
///
/// static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(
///     r#"{"version": "1.0", "parameters": {}, "rules": [
///         {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://example.com"}}
///     ]}"#,
/// );
/// assert_eq!(RULES.resolve(&Params::new()).unwrap().url, "https://example.com");
/// ```
#[derive(Debug)]
pub struct EmbeddedRuleSet {
    json: &'static str,
    parsed: OnceLock<Result<RuleSet, Error>>,
}

impl EmbeddedRuleSet {
    /// Wraps the JSON text of a rule set (typically from `include_str!`). Nothing is parsed yet.
    pub const fn new(json: &'static str) -> Self {
        EmbeddedRuleSet {
            json,
            parsed: OnceLock::new(),
        }
    }

    /// The parsed rule set, or why the embedded text is not a valid rule set. Parsing happens
    /// once; later calls return the cached outcome.
    pub fn get(&self) -> Result<&RuleSet, &Error> {
        self.parsed
            .get_or_init(|| RuleSet::from_json_str(self.json))
            .as_ref()
    }

    /// Resolves an endpoint with the embedded rule set; an invalid embedded rule set is reported
    /// as [`ResolveError::Evaluation`].
    pub fn resolve(&self, params: &Params) -> Result<Endpoint, ResolveError> {
        match self.get() {
            Ok(rules) => rules.resolve(params),
            Err(e) => Err(ResolveError::Evaluation {
                message: format!("the embedded {e}"),
            }),
        }
    }
}
