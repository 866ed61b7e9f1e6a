//! The parsed form of a rule set, and the parser from `serde_json::Value`.
//!
//! Parsing also validates what can be checked without parameter values: rule and function
//! names, argument counts, `getAttr` paths, template syntax, and that every reference names a
//! declared parameter or a value assigned by an enclosing condition.

use std::fmt;

use crate::Error;
use crate::value::Value;

/// How deeply rules or expressions may nest before the rule set is rejected.
const MAX_DEPTH: usize = 64;

/// The declared type of a rule set parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterType {
    /// `"string"`: a [`Value::String`].
    String,
    /// `"boolean"`: a [`Value::Bool`].
    Boolean,
    /// `"stringArray"`: a [`Value::StringArray`].
    StringArray,
}

impl ParameterType {
    /// Whether `value` is of this type.
    pub fn accepts(self, value: &Value) -> bool {
        matches!(
            (self, value),
            (ParameterType::String, Value::String(_))
                | (ParameterType::Boolean, Value::Bool(_))
                | (ParameterType::StringArray, Value::StringArray(_))
        )
    }
}

impl fmt::Display for ParameterType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParameterType::String => "string",
            ParameterType::Boolean => "boolean",
            ParameterType::StringArray => "stringArray",
        })
    }
}

/// One parameter declared by a rule set.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Parameter {
    /// The parameter name, e.g. `"Region"`.
    pub name: String,
    /// The declared type.
    pub kind: ParameterType,
    /// The built-in this parameter is bound to, e.g. `"AWS::Region"` or `"SDK::Endpoint"`.
    pub built_in: Option<String>,
    /// Whether resolution fails when the parameter is unset (after applying the default).
    pub required: bool,
    /// The value used when the caller leaves the parameter unset.
    pub default: Option<Value>,
    /// The parameter's documentation.
    pub documentation: Option<String>,
}

/// One segment of a `getAttr` path such as `resourceId[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathSeg {
    Key(String),
    Index(usize),
}

/// A piece of a template string.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TemplatePart {
    Text(String),
    Ref { name: String, path: Vec<PathSeg> },
}

/// A template string: literal text with `{name}` / `{name#path}` placeholders.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Template {
    pub(crate) parts: Vec<TemplatePart>,
}

impl Template {
    /// The text of a template without placeholders.
    #[cfg(test)]
    fn as_plain_text(&self) -> Option<String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                TemplatePart::Text(t) => out.push_str(t),
                TemplatePart::Ref { .. } => return None,
            }
        }
        Some(out)
    }
}

/// A literal value. Strings are templates.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Literal {
    Str(Template),
    Bool(bool),
    Number(serde_json::Number),
    Null,
    Tuple(Vec<Literal>),
    Record(Vec<(String, Literal)>),
}

/// An expression: a literal, a reference, or a function call.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Lit(Literal),
    Ref(String),
    Call(Box<FnCall>),
}

/// The functions of the Smithy rules standard library and the AWS extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Func {
    IsSet,
    Not,
    BooleanEquals,
    StringEquals,
    GetAttr,
    Substring,
    UriEncode,
    ParseUrl,
    IsValidHostLabel,
    Coalesce,
    Ite,
    Split,
    AwsPartition,
    AwsParseArn,
    AwsIsVirtualHostableS3Bucket,
}

impl Func {
    fn from_name(name: &str) -> Option<Func> {
        Some(match name {
            "isSet" => Func::IsSet,
            "not" => Func::Not,
            "booleanEquals" => Func::BooleanEquals,
            "stringEquals" => Func::StringEquals,
            "getAttr" => Func::GetAttr,
            "substring" => Func::Substring,
            "uriEncode" => Func::UriEncode,
            "parseURL" => Func::ParseUrl,
            "isValidHostLabel" => Func::IsValidHostLabel,
            "coalesce" => Func::Coalesce,
            "ite" => Func::Ite,
            "split" => Func::Split,
            "aws.partition" => Func::AwsPartition,
            "aws.parseArn" => Func::AwsParseArn,
            "aws.isVirtualHostableS3Bucket" => Func::AwsIsVirtualHostableS3Bucket,
            _ => return None,
        })
    }

    /// The rule-set name of this function.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Func::IsSet => "isSet",
            Func::Not => "not",
            Func::BooleanEquals => "booleanEquals",
            Func::StringEquals => "stringEquals",
            Func::GetAttr => "getAttr",
            Func::Substring => "substring",
            Func::UriEncode => "uriEncode",
            Func::ParseUrl => "parseURL",
            Func::IsValidHostLabel => "isValidHostLabel",
            Func::Coalesce => "coalesce",
            Func::Ite => "ite",
            Func::Split => "split",
            Func::AwsPartition => "aws.partition",
            Func::AwsParseArn => "aws.parseArn",
            Func::AwsIsVirtualHostableS3Bucket => "aws.isVirtualHostableS3Bucket",
        }
    }

    /// Whether `n` arguments are acceptable.
    fn arity_ok(self, n: usize) -> bool {
        match self {
            Func::IsSet | Func::Not | Func::UriEncode | Func::ParseUrl => n == 1,
            Func::AwsPartition | Func::AwsParseArn => n == 1,
            Func::BooleanEquals | Func::StringEquals | Func::GetAttr => n == 2,
            Func::IsValidHostLabel | Func::AwsIsVirtualHostableS3Bucket => n == 2,
            Func::Ite | Func::Split => n == 3,
            Func::Substring => n == 4,
            Func::Coalesce => n >= 2,
        }
    }
}

/// A function call. For `getAttr`, `args` holds only the target and `path` the parsed path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FnCall {
    pub(crate) func: Func,
    pub(crate) args: Vec<Expr>,
    pub(crate) path: Vec<PathSeg>,
}

/// A rule condition: a function call, optionally binding its result to a name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Condition {
    pub(crate) call: FnCall,
    pub(crate) assign: Option<String>,
}

/// The endpoint an endpoint rule produces.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EndpointSpec {
    pub(crate) url: Expr,
    pub(crate) headers: Vec<(String, Vec<Expr>)>,
    pub(crate) properties: Vec<(String, Literal)>,
}

/// What a rule does once its conditions hold.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RuleKind {
    Endpoint(EndpointSpec),
    Error(Expr),
    Tree(Vec<Rule>),
}

/// One rule of a rule set.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rule {
    pub(crate) conditions: Vec<Condition>,
    pub(crate) kind: RuleKind,
    pub(crate) documentation: Option<String>,
}

/// Parses a `getAttr` path: `.`-separated keys, each optionally followed by `[index]`.
pub(crate) fn parse_path(path: &str) -> Result<Vec<PathSeg>, String> {
    if path.is_empty() {
        return Err("getAttr path is empty".to_owned());
    }
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() && rest.is_empty() {
            return Err(format!("getAttr path `{path}` has an empty segment"));
        }
        if key.contains(']') {
            return Err(format!("getAttr path `{path}` has an unmatched `]`"));
        }
        if !key.is_empty() {
            segs.push(PathSeg::Key(key.to_owned()));
        }
        while !rest.is_empty() {
            let close = rest
                .find(']')
                .ok_or_else(|| format!("getAttr path `{path}` has an unclosed `[`"))?;
            let digits = &rest[1..close];
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "getAttr path `{path}` has an invalid index `[{digits}]` (expected a non-negative integer)"
                ));
            }
            let index = digits
                .parse::<usize>()
                .map_err(|_| format!("getAttr path `{path}` has an index that is too large"))?;
            segs.push(PathSeg::Index(index));
            rest = &rest[close + 1..];
            if !rest.is_empty() && !rest.starts_with('[') {
                return Err(format!(
                    "getAttr path `{path}` has unexpected text `{rest}` after an index"
                ));
            }
        }
    }
    Ok(segs)
}

/// Parses a template string; `{{` and `}}` are literal braces.
pub(crate) fn parse_template(text: &str) -> Result<Template, String> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => {
                if chars.peek().is_some_and(|&(_, n)| n == '{') {
                    chars.next();
                    literal.push('{');
                    continue;
                }
                let start = i + 1;
                let mut end = None;
                for (j, d) in chars.by_ref() {
                    if d == '}' {
                        end = Some(j);
                        break;
                    }
                    if d == '{' {
                        return Err(format!("template `{text}` has a `{{` inside a placeholder"));
                    }
                }
                let end = end.ok_or_else(|| format!("template `{text}` has an unclosed `{{`"))?;
                let inner = &text[start..end];
                let (name, path) = match inner.split_once('#') {
                    Some((name, path)) => (name, parse_path(path)?),
                    None => (inner, Vec::new()),
                };
                if name.is_empty() {
                    return Err(format!("template `{text}` has an empty placeholder"));
                }
                if !literal.is_empty() {
                    parts.push(TemplatePart::Text(std::mem::take(&mut literal)));
                }
                parts.push(TemplatePart::Ref {
                    name: name.to_owned(),
                    path,
                });
            }
            '}' => {
                if chars.peek().is_some_and(|&(_, n)| n == '}') {
                    chars.next();
                    literal.push('}');
                } else {
                    return Err(format!(
                        "template `{text}` has an unmatched `}}` (write `}}}}` for a literal brace)"
                    ));
                }
            }
            other => literal.push(other),
        }
    }
    if !literal.is_empty() || parts.is_empty() {
        parts.push(TemplatePart::Text(literal));
    }
    Ok(Template { parts })
}

/// The parsed rule set contents (see [`crate::RuleSet`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parsed {
    pub(crate) version: String,
    pub(crate) parameters: Vec<Parameter>,
    pub(crate) rules: Vec<Rule>,
}

type Json = serde_json::Value;
type JsonMap = serde_json::Map<String, Json>;

fn err(path: &str, message: impl Into<String>) -> Error {
    Error::new(path, message)
}

fn object<'a>(json: &'a Json, path: &str, what: &str) -> Result<&'a JsonMap, Error> {
    json.as_object()
        .ok_or_else(|| err(path, format!("{what} must be a JSON object")))
}

fn opt_string(map: &JsonMap, key: &str, path: &str) -> Result<Option<String>, Error> {
    match map.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(err(&format!("{path}.{key}"), "must be a string")),
    }
}

/// Parses a whole rule set document.
pub(crate) fn parse_rule_set(json: &Json) -> Result<Parsed, Error> {
    let root = object(json, "$", "an endpoint rule set")?;
    let version = opt_string(root, "version", "$")?.unwrap_or_else(|| "1.0".to_owned());

    let mut parameters = Vec::new();
    if let Some(params) = root.get("parameters") {
        let params = object(params, "$.parameters", "`parameters`")?;
        for (name, def) in params {
            parameters.push(parse_parameter(name, def, &format!("$.parameters.{name}"))?);
        }
    }

    let rules_json = root
        .get("rules")
        .ok_or_else(|| err("$", "missing `rules`"))?
        .as_array()
        .ok_or_else(|| err("$.rules", "`rules` must be an array"))?;
    let mut scope: Vec<String> = parameters.iter().map(|p| p.name.clone()).collect();
    let mut rules = Vec::with_capacity(rules_json.len());
    for (i, rule) in rules_json.iter().enumerate() {
        rules.push(parse_rule(rule, &format!("$.rules[{i}]"), &mut scope, 0)?);
    }
    Ok(Parsed {
        version,
        parameters,
        rules,
    })
}

fn parse_parameter(name: &str, json: &Json, path: &str) -> Result<Parameter, Error> {
    if name.is_empty() {
        return Err(err(path, "parameter names must not be empty"));
    }
    let def = object(json, path, "a parameter definition")?;
    let type_name = opt_string(def, "type", path)?
        .ok_or_else(|| err(path, "missing `type` (string, boolean or stringArray)"))?;
    let kind = match type_name.to_ascii_lowercase().as_str() {
        "string" => ParameterType::String,
        "boolean" => ParameterType::Boolean,
        "stringarray" => ParameterType::StringArray,
        other => {
            return Err(err(
                &format!("{path}.type"),
                format!(
                    "unknown parameter type `{other}` (expected string, boolean or stringArray)"
                ),
            ));
        }
    };
    let required = match def.get("required") {
        None | Some(Json::Null) => false,
        Some(Json::Bool(b)) => *b,
        Some(_) => return Err(err(&format!("{path}.required"), "must be a boolean")),
    };
    let default = match def.get("default") {
        None | Some(Json::Null) => None,
        Some(value) => {
            let dpath = format!("{path}.default");
            let v = match value {
                Json::String(s) => Value::String(s.clone()),
                Json::Bool(b) => Value::Bool(*b),
                Json::Array(items) => Value::StringArray(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            item.as_str()
                                .map(str::to_owned)
                                .ok_or_else(|| err(&format!("{dpath}[{i}]"), "must be a string"))
                        })
                        .collect::<Result<_, _>>()?,
                ),
                _ => {
                    return Err(err(
                        &dpath,
                        "must be a string, a boolean or an array of strings",
                    ));
                }
            };
            if !kind.accepts(&v) {
                return Err(err(
                    &dpath,
                    format!("default is a {} but the parameter type is {kind}", v.kind()),
                ));
            }
            Some(v)
        }
    };
    Ok(Parameter {
        name: name.to_owned(),
        kind,
        built_in: opt_string(def, "builtIn", path)?,
        required,
        default,
        documentation: opt_string(def, "documentation", path)?,
    })
}

fn check_ref(name: &str, scope: &[String], path: &str) -> Result<(), Error> {
    if scope.iter().any(|s| s == name) {
        Ok(())
    } else {
        Err(err(
            path,
            format!(
                "reference to `{name}`, which is neither a parameter nor assigned by an enclosing condition"
            ),
        ))
    }
}

fn parse_rule(
    json: &Json,
    path: &str,
    scope: &mut Vec<String>,
    depth: usize,
) -> Result<Rule, Error> {
    if depth > MAX_DEPTH {
        return Err(err(
            path,
            format!("rules nest more than {MAX_DEPTH} levels deep"),
        ));
    }
    let map = object(json, path, "a rule")?;
    let kind_name = opt_string(map, "type", path)?
        .ok_or_else(|| err(path, "missing `type` (endpoint, error or tree)"))?;
    let documentation = opt_string(map, "documentation", path)?;

    // Names assigned by this rule's conditions are visible to later conditions and to the rule
    // body, and go out of scope afterwards.
    let mark = scope.len();
    let result = (|| {
        let mut conditions = Vec::new();
        match map.get("conditions") {
            None | Some(Json::Null) => {}
            Some(Json::Array(items)) => {
                for (i, c) in items.iter().enumerate() {
                    conditions.push(parse_condition(
                        c,
                        &format!("{path}.conditions[{i}]"),
                        scope,
                    )?);
                }
            }
            Some(_) => return Err(err(&format!("{path}.conditions"), "must be an array")),
        }
        let kind = match kind_name.as_str() {
            "endpoint" => {
                let epath = format!("{path}.endpoint");
                let ep = map
                    .get("endpoint")
                    .ok_or_else(|| err(path, "endpoint rule without `endpoint`"))?;
                RuleKind::Endpoint(parse_endpoint(ep, &epath, scope)?)
            }
            "error" => {
                let e = map
                    .get("error")
                    .ok_or_else(|| err(path, "error rule without `error`"))?;
                RuleKind::Error(parse_expr(e, &format!("{path}.error"), scope, 0)?)
            }
            "tree" => {
                let items = map
                    .get("rules")
                    .ok_or_else(|| err(path, "tree rule without `rules`"))?
                    .as_array()
                    .ok_or_else(|| err(&format!("{path}.rules"), "must be an array"))?;
                let mut rules = Vec::with_capacity(items.len());
                for (i, r) in items.iter().enumerate() {
                    rules.push(parse_rule(
                        r,
                        &format!("{path}.rules[{i}]"),
                        scope,
                        depth + 1,
                    )?);
                }
                RuleKind::Tree(rules)
            }
            other => {
                return Err(err(
                    &format!("{path}.type"),
                    format!("unknown rule type `{other}` (expected endpoint, error or tree)"),
                ));
            }
        };
        Ok(Rule {
            conditions,
            kind,
            documentation,
        })
    })();
    scope.truncate(mark);
    result
}

fn parse_condition(json: &Json, path: &str, scope: &mut Vec<String>) -> Result<Condition, Error> {
    let map = object(json, path, "a condition")?;
    if !map.contains_key("fn") {
        return Err(err(
            path,
            "a condition must be a function call (`fn` and `argv`)",
        ));
    }
    let call = parse_call(map, path, scope, 0)?;
    let assign = opt_string(map, "assign", path)?;
    if let Some(name) = &assign {
        if name.is_empty() {
            return Err(err(&format!("{path}.assign"), "must not be empty"));
        }
        if scope.iter().any(|s| s == name) {
            return Err(err(
                &format!("{path}.assign"),
                format!("`{name}` is already defined; assignments may not shadow"),
            ));
        }
        scope.push(name.clone());
    }
    Ok(Condition { call, assign })
}

fn parse_endpoint(json: &Json, path: &str, scope: &[String]) -> Result<EndpointSpec, Error> {
    let map = object(json, path, "an endpoint")?;
    let url_json = map
        .get("url")
        .ok_or_else(|| err(path, "endpoint without `url`"))?;
    let url = parse_expr(url_json, &format!("{path}.url"), scope, 0)?;

    let mut headers = Vec::new();
    match map.get("headers") {
        None | Some(Json::Null) => {}
        Some(Json::Object(h)) => {
            for (name, values) in h {
                let hpath = format!("{path}.headers.{name}");
                let items = values
                    .as_array()
                    .ok_or_else(|| err(&hpath, "header values must be an array"))?;
                let exprs = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| parse_expr(v, &format!("{hpath}[{i}]"), scope, 0))
                    .collect::<Result<Vec<_>, _>>()?;
                headers.push((name.clone(), exprs));
            }
        }
        Some(_) => return Err(err(&format!("{path}.headers"), "must be an object")),
    }

    let mut properties = Vec::new();
    match map.get("properties") {
        None | Some(Json::Null) => {}
        Some(Json::Object(p)) => {
            for (name, value) in p {
                let lit = parse_literal(value, &format!("{path}.properties.{name}"), scope, 0)?;
                properties.push((name.clone(), lit));
            }
        }
        Some(_) => return Err(err(&format!("{path}.properties"), "must be an object")),
    }
    Ok(EndpointSpec {
        url,
        headers,
        properties,
    })
}

fn parse_template_checked(text: &str, path: &str, scope: &[String]) -> Result<Template, Error> {
    let template = parse_template(text).map_err(|m| err(path, m))?;
    for part in &template.parts {
        if let TemplatePart::Ref { name, .. } = part {
            check_ref(name, scope, path)?;
        }
    }
    Ok(template)
}

/// Parses a literal value (used for endpoint properties, where objects are plain records).
fn parse_literal(
    json: &Json,
    path: &str,
    scope: &[String],
    depth: usize,
) -> Result<Literal, Error> {
    if depth > MAX_DEPTH {
        return Err(err(
            path,
            format!("value nests more than {MAX_DEPTH} levels deep"),
        ));
    }
    Ok(match json {
        Json::Null => Literal::Null,
        Json::Bool(b) => Literal::Bool(*b),
        Json::Number(n) => Literal::Number(n.clone()),
        Json::String(s) => Literal::Str(parse_template_checked(s, path, scope)?),
        Json::Array(items) => Literal::Tuple(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| parse_literal(v, &format!("{path}[{i}]"), scope, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Json::Object(map) => Literal::Record(
            map.iter()
                .map(|(k, v)| {
                    Ok((
                        k.clone(),
                        parse_literal(v, &format!("{path}.{k}"), scope, depth + 1)?,
                    ))
                })
                .collect::<Result<_, Error>>()?,
        ),
    })
}

/// Parses an expression: `{"ref": ..}`, `{"fn": .., "argv": [..]}` or a literal.
fn parse_expr(json: &Json, path: &str, scope: &[String], depth: usize) -> Result<Expr, Error> {
    if depth > MAX_DEPTH {
        return Err(err(
            path,
            format!("expression nests more than {MAX_DEPTH} levels deep"),
        ));
    }
    match json {
        Json::Object(map) if map.contains_key("ref") => {
            let name = map
                .get("ref")
                .and_then(Json::as_str)
                .ok_or_else(|| err(&format!("{path}.ref"), "must be a string"))?;
            check_ref(name, scope, path)?;
            Ok(Expr::Ref(name.to_owned()))
        }
        Json::Object(map) if map.contains_key("fn") => {
            Ok(Expr::Call(Box::new(parse_call(map, path, scope, depth)?)))
        }
        Json::Null => Err(err(path, "null is not a valid expression")),
        Json::Number(n) if n.as_i64().is_none() => {
            Err(err(path, format!("number {n} is not an integer")))
        }
        other => Ok(Expr::Lit(parse_literal(other, path, scope, depth)?)),
    }
}

fn parse_call(map: &JsonMap, path: &str, scope: &[String], depth: usize) -> Result<FnCall, Error> {
    let name = map
        .get("fn")
        .and_then(Json::as_str)
        .ok_or_else(|| err(&format!("{path}.fn"), "must be a string"))?;
    let func = Func::from_name(name)
        .ok_or_else(|| err(&format!("{path}.fn"), format!("unknown function `{name}`")))?;
    let argv = map
        .get("argv")
        .ok_or_else(|| err(path, format!("call of `{name}` without `argv`")))?
        .as_array()
        .ok_or_else(|| err(&format!("{path}.argv"), "must be an array"))?;
    if !func.arity_ok(argv.len()) {
        return Err(err(
            &format!("{path}.argv"),
            format!("wrong number of arguments ({}) for `{name}`", argv.len()),
        ));
    }
    if func == Func::GetAttr {
        let target = parse_expr(&argv[0], &format!("{path}.argv[0]"), scope, depth + 1)?;
        let ppath = format!("{path}.argv[1]");
        let text = argv[1]
            .as_str()
            .ok_or_else(|| err(&ppath, "the getAttr path must be a string literal"))?;
        let path_segs = parse_path(text).map_err(|m| err(&ppath, m))?;
        return Ok(FnCall {
            func,
            args: vec![target],
            path: path_segs,
        });
    }
    let args = argv
        .iter()
        .enumerate()
        .map(|(i, a)| parse_expr(a, &format!("{path}.argv[{i}]"), scope, depth + 1))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FnCall {
        func,
        args,
        path: Vec::new(),
    })
}

/// Extracts the plain text of a literal string expression (used in tests).
#[cfg(test)]
pub(crate) fn plain_text(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(Literal::Str(t)) => t.as_plain_text(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            parse_path("a.b[0]").unwrap(),
            vec![
                PathSeg::Key("a".into()),
                PathSeg::Key("b".into()),
                PathSeg::Index(0)
            ]
        );
        assert_eq!(
            parse_path("resourceId[2][1]").unwrap(),
            vec![
                PathSeg::Key("resourceId".into()),
                PathSeg::Index(2),
                PathSeg::Index(1)
            ]
        );
        assert_eq!(parse_path("[3]").unwrap(), vec![PathSeg::Index(3)]);
        for bad in ["", "a..b", "a[", "a[x]", "a[-1]", "a[0]b", "a]", "a."] {
            assert!(parse_path(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn templates() {
        let t = parse_template("https://{Region}.{PartitionResult#dnsSuffix}").unwrap();
        assert_eq!(
            t.parts,
            vec![
                TemplatePart::Text("https://".into()),
                TemplatePart::Ref {
                    name: "Region".into(),
                    path: vec![]
                },
                TemplatePart::Text(".".into()),
                TemplatePart::Ref {
                    name: "PartitionResult".into(),
                    path: vec![PathSeg::Key("dnsSuffix".into())]
                },
            ]
        );
        let t = parse_template("{{literal}} and {{{X}}}").unwrap();
        assert_eq!(
            t.parts,
            vec![
                TemplatePart::Text("{literal} and {".into()),
                TemplatePart::Ref {
                    name: "X".into(),
                    path: vec![]
                },
                TemplatePart::Text("}".into()),
            ]
        );
        assert_eq!(
            parse_template("").unwrap().as_plain_text().as_deref(),
            Some("")
        );
        for bad in ["{", "}", "{a", "a}", "{}", "{a{b}}", "{a#}"] {
            assert!(parse_template(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn literal_plain_text() {
        let e = parse_expr(&serde_json::json!("x{{y}}"), "$", &[], 0).unwrap();
        assert_eq!(plain_text(&e).as_deref(), Some("x{y}"));
    }
}
