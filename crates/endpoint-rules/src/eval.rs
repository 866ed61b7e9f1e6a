//! Evaluation of a parsed rule set against parameter values.

use std::collections::BTreeMap;

use crate::ast::{
    Condition, EndpointSpec, Expr, FnCall, Func, Literal, PathSeg, Rule, RuleKind, Template,
    TemplatePart,
};
use crate::functions;
use crate::partition;
use crate::value::Value;
use crate::{Endpoint, ResolveError};

/// Values visible to an expression: parameters first, then assigned names, innermost last.
#[derive(Debug, Default)]
pub(crate) struct Scope {
    entries: Vec<(String, Value)>,
}

impl Scope {
    pub(crate) fn push(&mut self, name: String, value: Value) {
        self.entries.push((name, value));
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.entries
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

fn eval_error(message: impl Into<String>) -> ResolveError {
    ResolveError::Evaluation {
        message: message.into(),
    }
}

/// The outcome of trying one list of rules.
enum Outcome {
    Endpoint(Endpoint),
    NoMatch,
}

/// Evaluates top-level rules; no match at all is an error.
pub(crate) fn resolve(rules: &[Rule], scope: &mut Scope) -> Result<Endpoint, ResolveError> {
    match eval_rules(rules, scope)? {
        Outcome::Endpoint(e) => Ok(e),
        Outcome::NoMatch => Err(ResolveError::NoMatchingRule {
            context: "no top-level rule matched".to_owned(),
        }),
    }
}

fn eval_rules(rules: &[Rule], scope: &mut Scope) -> Result<Outcome, ResolveError> {
    for rule in rules {
        let mark = scope.entries.len();
        let result = eval_rule(rule, scope);
        scope.entries.truncate(mark);
        match result? {
            Outcome::NoMatch => continue,
            found => return Ok(found),
        }
    }
    Ok(Outcome::NoMatch)
}

fn eval_rule(rule: &Rule, scope: &mut Scope) -> Result<Outcome, ResolveError> {
    for condition in &rule.conditions {
        if !eval_condition(condition, scope)? {
            return Ok(Outcome::NoMatch);
        }
    }
    match &rule.kind {
        RuleKind::Endpoint(spec) => Ok(Outcome::Endpoint(build_endpoint(spec, scope)?)),
        RuleKind::Error(message) => {
            let message = match eval_expr(message, scope)? {
                Some(Value::String(s)) => s,
                Some(other) => other.to_string(),
                None => return Err(eval_error("error rule message evaluated to an unset value")),
            };
            Err(ResolveError::Rule { message })
        }
        RuleKind::Tree(rules) => match eval_rules(rules, scope)? {
            Outcome::NoMatch => Err(ResolveError::NoMatchingRule {
                context: match &rule.documentation {
                    Some(doc) => format!(
                        "the conditions of tree rule `{doc}` held but none of its rules matched"
                    ),
                    None => "the conditions of a tree rule held but none of its rules matched"
                        .to_owned(),
                },
            }),
            found => Ok(found),
        },
    }
}

/// A condition holds when its call yields a set value other than `false`.
fn eval_condition(condition: &Condition, scope: &mut Scope) -> Result<bool, ResolveError> {
    let value = eval_call(&condition.call, scope)?;
    let holds = match &value {
        None | Some(Value::Bool(false)) => false,
        Some(_) => true,
    };
    if holds && let (Some(name), Some(value)) = (&condition.assign, value) {
        scope.push(name.clone(), value);
    }
    Ok(holds)
}

fn build_endpoint(spec: &EndpointSpec, scope: &Scope) -> Result<Endpoint, ResolveError> {
    let url = match eval_expr(&spec.url, scope)? {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(eval_error(format!(
                "endpoint url evaluated to a {} instead of a string",
                other.kind()
            )));
        }
        None => return Err(eval_error("endpoint url evaluated to an unset value")),
    };
    let mut headers = BTreeMap::new();
    for (name, exprs) in &spec.headers {
        let mut values = Vec::with_capacity(exprs.len());
        for expr in exprs {
            match eval_expr(expr, scope)? {
                Some(Value::String(s)) => values.push(s),
                Some(other) => {
                    return Err(eval_error(format!(
                        "value of header `{name}` evaluated to a {} instead of a string",
                        other.kind()
                    )));
                }
                None => {
                    return Err(eval_error(format!(
                        "value of header `{name}` evaluated to an unset value"
                    )));
                }
            }
        }
        headers.insert(name.clone(), values);
    }
    let mut properties = serde_json::Map::new();
    for (name, literal) in &spec.properties {
        properties.insert(name.clone(), literal_to_json(literal, scope)?);
    }
    Ok(Endpoint {
        url,
        headers,
        properties,
    })
}

/// Endpoint properties: literals with their template strings expanded, kept as JSON.
fn literal_to_json(literal: &Literal, scope: &Scope) -> Result<serde_json::Value, ResolveError> {
    Ok(match literal {
        Literal::Str(t) => serde_json::Value::String(expand_template(t, scope)?),
        Literal::Bool(b) => serde_json::Value::Bool(*b),
        Literal::Number(n) => serde_json::Value::Number(n.clone()),
        Literal::Null => serde_json::Value::Null,
        Literal::Tuple(items) => serde_json::Value::Array(
            items
                .iter()
                .map(|i| literal_to_json(i, scope))
                .collect::<Result<_, _>>()?,
        ),
        Literal::Record(fields) => serde_json::Value::Object(
            fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), literal_to_json(v, scope)?)))
                .collect::<Result<_, ResolveError>>()?,
        ),
    })
}

fn literal_to_value(literal: &Literal, scope: &Scope) -> Result<Value, ResolveError> {
    Ok(match literal {
        Literal::Str(t) => Value::String(expand_template(t, scope)?),
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Number(n) => Value::Int(
            n.as_i64()
                .ok_or_else(|| eval_error(format!("number {n} is not an integer")))?,
        ),
        Literal::Null => return Err(eval_error("null is not a valid value")),
        Literal::Tuple(items) => Value::Array(
            items
                .iter()
                .map(|i| literal_to_value(i, scope))
                .collect::<Result<_, _>>()?,
        ),
        Literal::Record(fields) => Value::Record(
            fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), literal_to_value(v, scope)?)))
                .collect::<Result<_, ResolveError>>()?,
        ),
    })
}

/// Expands `{name}` / `{name#path}` placeholders; each must resolve to a set string.
pub(crate) fn expand_template(template: &Template, scope: &Scope) -> Result<String, ResolveError> {
    let mut out = String::new();
    for part in &template.parts {
        match part {
            TemplatePart::Text(t) => out.push_str(t),
            TemplatePart::Ref { name, path } => {
                let value = scope
                    .get(name)
                    .ok_or_else(|| eval_error(format!("template placeholder `{name}` is unset")))?;
                let value = get_attr(value, path)?.ok_or_else(|| {
                    eval_error(format!(
                        "template placeholder `{name}#{}` is unset",
                        display_path(path)
                    ))
                })?;
                match value {
                    Value::String(s) => out.push_str(&s),
                    other => {
                        return Err(eval_error(format!(
                            "template placeholder `{name}` is a {} instead of a string",
                            other.kind()
                        )));
                    }
                }
            }
        }
    }
    Ok(out)
}

fn display_path(path: &[PathSeg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            PathSeg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            PathSeg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Follows a `getAttr` path. A missing key or an index out of range is unset; keying or
/// indexing into the wrong kind of value is an error.
fn get_attr(value: &Value, path: &[PathSeg]) -> Result<Option<Value>, ResolveError> {
    let mut current = value.clone();
    for seg in path {
        let next = match (seg, current) {
            (PathSeg::Key(k), Value::Record(mut fields)) => fields.remove(k),
            (PathSeg::Index(i), Value::Array(mut items)) => {
                (*i < items.len()).then(|| items.swap_remove(*i))
            }
            (PathSeg::Index(i), Value::StringArray(mut items)) => {
                (*i < items.len()).then(|| Value::String(items.swap_remove(*i)))
            }
            (PathSeg::Key(k), other) => {
                return Err(eval_error(format!(
                    "getAttr: cannot read `{k}` of a {}",
                    other.kind()
                )));
            }
            (PathSeg::Index(i), other) => {
                return Err(eval_error(format!(
                    "getAttr: cannot index [{i}] into a {}",
                    other.kind()
                )));
            }
        };
        match next {
            Some(v) => current = v,
            None => return Ok(None),
        }
    }
    Ok(Some(current))
}

fn eval_expr(expr: &Expr, scope: &Scope) -> Result<Option<Value>, ResolveError> {
    match expr {
        Expr::Lit(literal) => literal_to_value(literal, scope).map(Some),
        Expr::Ref(name) => Ok(scope.get(name).cloned()),
        Expr::Call(call) => eval_call(call, scope),
    }
}

fn want_str(func: Func, index: usize, value: &Value) -> Result<String, ResolveError> {
    value.as_str().map(str::to_owned).ok_or_else(|| {
        eval_error(format!(
            "argument {} of `{}` is a {} but must be a string",
            index + 1,
            func.name(),
            value.kind()
        ))
    })
}

fn want_bool(func: Func, index: usize, value: &Value) -> Result<bool, ResolveError> {
    value.as_bool().ok_or_else(|| {
        eval_error(format!(
            "argument {} of `{}` is a {} but must be a boolean",
            index + 1,
            func.name(),
            value.kind()
        ))
    })
}

fn want_int(func: Func, index: usize, value: &Value) -> Result<i64, ResolveError> {
    match value {
        Value::Int(i) => Ok(*i),
        other => Err(eval_error(format!(
            "argument {} of `{}` is a {} but must be an integer",
            index + 1,
            func.name(),
            other.kind()
        ))),
    }
}

fn eval_call(call: &FnCall, scope: &Scope) -> Result<Option<Value>, ResolveError> {
    let func = call.func;
    // Functions that look at unset arguments themselves.
    match func {
        Func::IsSet => {
            let set = match call.args.first() {
                Some(arg) => eval_expr(arg, scope)?.is_some(),
                None => false,
            };
            return Ok(Some(Value::Bool(set)));
        }
        Func::Coalesce => {
            for arg in &call.args {
                if let Some(v) = eval_expr(arg, scope)? {
                    return Ok(Some(v));
                }
            }
            return Ok(None);
        }
        Func::Ite => {
            let [cond, then, otherwise] = call.args.as_slice() else {
                return Err(eval_error("`ite` takes three arguments"));
            };
            let Some(cond) = eval_expr(cond, scope)? else {
                return Ok(None);
            };
            let branch = if want_bool(func, 0, &cond)? {
                then
            } else {
                otherwise
            };
            return eval_expr(branch, scope);
        }
        _ => {}
    }

    // Every other function is unset when any argument is unset.
    let mut args = Vec::with_capacity(call.args.len());
    for arg in &call.args {
        match eval_expr(arg, scope)? {
            Some(v) => args.push(v),
            None => return Ok(None),
        }
    }
    let arity = || eval_error(format!("wrong number of arguments for `{}`", func.name()));
    let result = match (func, args.as_slice()) {
        (Func::Not, [a]) => Some(Value::Bool(!want_bool(func, 0, a)?)),
        (Func::BooleanEquals, [a, b]) => Some(Value::Bool(
            want_bool(func, 0, a)? == want_bool(func, 1, b)?,
        )),
        (Func::StringEquals, [a, b]) => {
            Some(Value::Bool(want_str(func, 0, a)? == want_str(func, 1, b)?))
        }
        (Func::GetAttr, [target]) => get_attr(target, &call.path)?,
        (Func::Substring, [input, start, stop, reverse]) => functions::substring(
            &want_str(func, 0, input)?,
            want_int(func, 1, start)?,
            want_int(func, 2, stop)?,
            want_bool(func, 3, reverse)?,
        )
        .map(Value::String),
        (Func::UriEncode, [input]) => Some(Value::String(functions::uri_encode(&want_str(
            func, 0, input,
        )?))),
        (Func::ParseUrl, [input]) => {
            functions::parse_url(&want_str(func, 0, input)?).map(functions::ParsedUrl::into_value)
        }
        (Func::IsValidHostLabel, [value, sub]) => Some(Value::Bool(
            functions::is_valid_host_label(&want_str(func, 0, value)?, want_bool(func, 1, sub)?),
        )),
        (Func::Split, [input, delimiter, limit]) => functions::split(
            &want_str(func, 0, input)?,
            &want_str(func, 1, delimiter)?,
            want_int(func, 2, limit)?,
        )
        .map(Value::StringArray),
        (Func::AwsPartition, [region]) => {
            let region = want_str(func, 0, region)?;
            let table = partition::embedded().map_err(eval_error)?;
            Some(table.lookup(&region))
        }
        (Func::AwsParseArn, [input]) => {
            functions::parse_arn(&want_str(func, 0, input)?).map(functions::Arn::into_value)
        }
        (Func::AwsIsVirtualHostableS3Bucket, [value, sub]) => {
            Some(Value::Bool(functions::is_virtual_hostable_s3_bucket(
                &want_str(func, 0, value)?,
                want_bool(func, 1, sub)?,
            )))
        }
        _ => return Err(arity()),
    };
    Ok(result)
}
