//! Waiters (`smithy.waiters#waitable`): each acceptor's JMESPath expression is parsed here and
//! resolved, step by step, against the operation's input and output shapes into a typed
//! [`Path`] tree, so the renderer prints plain Rust and never evaluates JSON at run time.
//!
//! The supported subset is what AWS models use: member access (`a.b`), list projections
//! (`a[].b`, `a[*].b`), filters (`a[?b == 'x']`), flattening, indexes, `length()`, comparisons
//! with literals, `&&`, `||` and `!`. Anything else (a member that does not exist, a comparator
//! that does not fit the value, an unsupported function) leaves the waiter out with a reason.

use jmespath::ast::{Ast, Comparator as JmesComparator};

use super::{Field, NamedKind, RustType, Structure};
use crate::model::{Model, ShapeId, ShapeKind};

/// One waiter of an operation.
#[derive(Debug, Clone)]
pub struct Waiter {
    /// The model's waiter name (`PaymentSessionActive`).
    pub name: String,
    /// `payment_session_active`: the module under `waiters` and the `wait_until_` suffix.
    pub snake_name: String,
    /// `PaymentSessionActive`: the prefix of the fluent builder's type name.
    pub type_name: String,
    pub docs: Option<String>,
    /// Seconds; the model's `minDelay` (default 2).
    pub min_delay: u64,
    /// Seconds; the model's `maxDelay` (default 120).
    pub max_delay: u64,
    pub deprecated: bool,
    /// In model order: the first acceptor that matches decides.
    pub acceptors: Vec<Acceptor>,
}

impl Waiter {
    /// Some acceptor reads the operation input (`inputOutput` matchers).
    pub fn reads_input(&self) -> bool {
        self.acceptors
            .iter()
            .any(|a| matches!(a.matcher, Matcher::InputOutput(_)))
    }
}

#[derive(Debug, Clone)]
pub struct Acceptor {
    pub state: AcceptorState,
    pub matcher: Matcher,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptorState {
    Success,
    Failure,
    Retry,
}

#[derive(Debug, Clone)]
pub enum Matcher {
    /// A path over the output; only a successful response can match.
    Output(PathMatcher),
    /// A path over `{input, output}`; only a successful response can match.
    InputOutput(PathMatcher),
    /// `true`: any successful response; `false`: any modeled or unmodeled service error.
    Success(bool),
    /// A service error whose code is this (the error shape's name).
    ErrorType(String),
}

/// A path expression and what its value must be.
#[derive(Debug, Clone)]
pub struct PathMatcher {
    /// The expression as the model writes it (for docs).
    pub source: String,
    pub path: Path,
    pub test: Test,
}

/// The comparison of a path's value with the model's `expected` value.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// `stringEquals`: the value is this string.
    StringEquals(String),
    /// `booleanEquals`.
    BooleanEquals(bool),
    /// `allStringEquals`: a non-empty list whose every item is this string.
    AllStringEquals(String),
    /// `anyStringEquals`: a list with at least one item equal to this string.
    AnyStringEquals(String),
}

/// A typed expression: what it computes, the kind of value, and whether that value is an
/// `Option` (JMESPath's `null`) in the generated code.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub expr: PathExpr,
    pub value: Value,
    pub optional: bool,
}

/// The values a path works with, as the generated code holds them.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `&T` of a generated structure (the shape is kept to resolve further members).
    Struct(ShapeId),
    /// `&str`: a string or a string enum's value.
    Str,
    Bool,
    /// `f64`: every number (JMESPath has one number type).
    Number,
    /// `Vec<item>`; null items are left out, as JMESPath projections do.
    List(Box<Value>),
    /// `usize`: a map is only ever measured (`length(map)`).
    MapLen,
}

impl Value {
    /// Values the generated code copies out of a list (`Vec` items are cloned instead).
    pub fn is_copy(&self) -> bool {
        !matches!(self, Value::List(_))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum PathExpr {
    /// The operation input (`input` of an `inputOutput` path).
    Input,
    /// The operation output (the root of an `output` path).
    Output,
    /// The item of the projection at this depth (`item0`, `item1`, ...).
    Item(usize),
    /// A member of a structure value.
    Field {
        base: Box<Path>,
        /// The Rust field name.
        field: String,
        /// The Rust field is an `Option`.
        field_optional: bool,
        /// The Rust field is boxed (`Option<Box<T>>`).
        boxed: bool,
        convert: Convert,
    },
    /// A list of lists made one list.
    Flatten(Box<Path>),
    /// `each` for every item of `base` (bound as [`PathExpr::Item`] at `depth`), nulls dropped.
    Project {
        base: Box<Path>,
        depth: usize,
        each: Box<Path>,
    },
    /// `then` when `predicate` (a boolean) is true, else null: a filter's per-item test.
    Cond {
        predicate: Box<Path>,
        then: Box<Path>,
    },
    /// An item of a list; negative indexes count from the end.
    Index {
        base: Box<Path>,
        index: i64,
    },
    /// `length()` of a list, string (in characters) or map.
    Length(Box<Path>),
    Compare {
        op: CompareOp,
        lhs: Box<Path>,
        rhs: Box<Path>,
    },
    And(Box<Path>, Box<Path>),
    Or(Box<Path>, Box<Path>),
    Not(Box<Path>),
    Literal(Literal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Str(String),
    Number(f64),
    Bool(bool),
}

/// How a Rust field's value becomes a [`Value`].
#[derive(Debug, Clone, PartialEq)]
pub enum Convert {
    /// Borrowed as it is (structures).
    Ref,
    /// A `String`, borrowed as `&str`.
    String,
    /// A string enum, through its `as_str()`.
    Enum,
    /// `bool`, copied.
    Copy,
    /// An integer or float that `f64::from` converts exactly.
    NumberFrom,
    /// An `i64`, cast (`as f64`).
    NumberCast,
    /// A map, measured.
    Len,
    /// A list, each item converted (`sparse`: items are `Option`s, nulls dropped).
    List { item: Box<Convert>, sparse: bool },
}

/// The input and output structures of the operation whose waiters are being built.
pub struct Context<'a> {
    pub model: &'a Model,
    pub input: &'a Structure,
    pub output: &'a Structure,
    /// The IR structure of a shape (named types), as the generator builds it.
    pub structure: &'a dyn Fn(&ShapeId) -> Result<Structure, String>,
}

/// Builds the operation's waiters from its `smithy.waiters#waitable` trait value. Waiters that
/// cannot be generated come back as `(waiter name, reason)` instead.
pub fn waiters(
    ctx: &Context<'_>,
    trait_value: &serde_json::Value,
) -> (Vec<Waiter>, Vec<(String, String)>) {
    let mut built = Vec::new();
    let mut left_out = Vec::new();
    let Some(map) = trait_value.as_object() else {
        left_out.push((
            String::new(),
            "smithy.waiters#waitable is not an object of waiters".to_string(),
        ));
        return (built, left_out);
    };
    for (name, def) in map {
        match waiter(ctx, name, def) {
            Ok(w) => built.push(w),
            Err(reason) => left_out.push((name.clone(), reason)),
        }
    }
    (built, left_out)
}

fn waiter(ctx: &Context<'_>, name: &str, def: &serde_json::Value) -> Result<Waiter, String> {
    let valid_name = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    if !valid_name {
        return Err("a waiter name must match ^[A-Z]+[A-Za-z0-9]*$".to_string());
    }
    let def = def
        .as_object()
        .ok_or("the waiter definition is not an object")?;
    let delay = |key: &str, default: u64| match def.get(key) {
        None => Ok(default),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| format!("{key} is not a whole number of seconds")),
    };
    let min_delay = delay("minDelay", 2)?;
    let max_delay = delay("maxDelay", 120)?;
    if min_delay < 1 {
        return Err("minDelay must be at least 1 second".to_string());
    }
    if max_delay < min_delay {
        return Err(format!(
            "maxDelay ({max_delay}) is less than minDelay ({min_delay})"
        ));
    }
    let acceptors = def
        .get("acceptors")
        .and_then(|a| a.as_array())
        .filter(|a| !a.is_empty())
        .ok_or("the waiter has no acceptors")?
        .iter()
        .enumerate()
        .map(|(i, a)| acceptor(ctx, a).map_err(|e| format!("acceptor {i}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Waiter {
        name: name.to_string(),
        snake_name: super::names::field_name(name),
        type_name: super::names::type_name(name),
        docs: def
            .get("documentation")
            .and_then(|d| d.as_str())
            .and_then(super::docs::to_markdown),
        min_delay,
        max_delay,
        deprecated: def
            .get("deprecated")
            .and_then(|d| d.as_bool())
            .unwrap_or(false),
        acceptors,
    })
}

fn acceptor(ctx: &Context<'_>, def: &serde_json::Value) -> Result<Acceptor, String> {
    let state = match def.get("state").and_then(|s| s.as_str()) {
        Some("success") => AcceptorState::Success,
        Some("failure") => AcceptorState::Failure,
        Some("retry") => AcceptorState::Retry,
        other => return Err(format!("unknown state {other:?}")),
    };
    let matcher = def
        .get("matcher")
        .and_then(|m| m.as_object())
        .filter(|m| m.len() == 1)
        .ok_or("the matcher must be an object with exactly one member")?;
    let (kind, value) = matcher.iter().next().ok_or("empty matcher")?;
    let matcher = match kind.as_str() {
        "success" => Matcher::Success(value.as_bool().ok_or("`success` is not a boolean")?),
        "errorType" => {
            let name = value.as_str().ok_or("`errorType` is not a string")?;
            // A shape id or a bare name: the error code is the shape's name.
            let code = name.rsplit_once('#').map_or(name, |(_, n)| n);
            if code.is_empty() {
                return Err("`errorType` is empty".to_string());
            }
            Matcher::ErrorType(code.to_string())
        }
        "output" => Matcher::Output(path_matcher(ctx, value, Root::Output)?),
        "inputOutput" => Matcher::InputOutput(path_matcher(ctx, value, Root::InputOutput)?),
        other => return Err(format!("unknown matcher `{other}`")),
    };
    Ok(Acceptor { state, matcher })
}

/// The longest path expression the generator accepts, in bytes.
const MAX_PATH_LEN: usize = 1024;

#[derive(Clone, Copy)]
enum Root {
    Output,
    InputOutput,
}

fn path_matcher(
    ctx: &Context<'_>,
    def: &serde_json::Value,
    root: Root,
) -> Result<PathMatcher, String> {
    let text = |key: &str| {
        def.get(key)
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("the path matcher has no string `{key}`"))
    };
    let source = text("path")?;
    let expected = text("expected")?;
    let comparator = text("comparator")?;
    // Parsing and resolving recurse once per nesting level: a bound keeps hostile models from
    // exhausting the stack (the longest AWS path is under 100 characters).
    if source.len() > MAX_PATH_LEN {
        return Err(format!("the path is longer than {MAX_PATH_LEN} characters"));
    }
    let ast =
        jmespath::parse(source).map_err(|e| format!("path `{source}` does not parse: {e}"))?;
    let mut compiler = Compiler { ctx, depth: 0 };
    let current = match root {
        Root::Output => Scope::Value(Path {
            expr: PathExpr::Output,
            value: Value::Struct(ctx.output.id.clone()),
            optional: false,
        }),
        Root::InputOutput => Scope::InputOutput,
    };
    let path = compiler
        .compile(&ast, &current)
        .map_err(|e| format!("path `{source}`: {e}"))?;
    let list_of_str = path.value == Value::List(Box::new(Value::Str));
    let test = match comparator {
        "stringEquals" if path.value == Value::Str => Test::StringEquals(expected.to_string()),
        "booleanEquals" if path.value == Value::Bool => Test::BooleanEquals(match expected {
            "true" => true,
            "false" => false,
            _ => {
                return Err(format!(
                    "booleanEquals expects `true` or `false`, not {expected:?}"
                ));
            }
        }),
        "allStringEquals" if list_of_str => Test::AllStringEquals(expected.to_string()),
        "anyStringEquals" if list_of_str => Test::AnyStringEquals(expected.to_string()),
        "stringEquals" | "booleanEquals" | "allStringEquals" | "anyStringEquals" => {
            return Err(format!(
                "path `{source}` yields {}, which `{comparator}` cannot compare",
                describe(&path.value)
            ));
        }
        other => return Err(format!("unknown comparator `{other}`")),
    };
    Ok(PathMatcher {
        source: source.to_string(),
        path,
        test,
    })
}

fn describe(value: &Value) -> String {
    match value {
        Value::Struct(id) => format!("a structure ({})", id.name),
        Value::Str => "a string".to_string(),
        Value::Bool => "a boolean".to_string(),
        Value::Number => "a number".to_string(),
        Value::List(item) => format!("a list of {}", describe(item)),
        Value::MapLen => "a map".to_string(),
    }
}

/// What `@` is while compiling: a value, or the `{input, output}` object of `inputOutput`.
enum Scope {
    Value(Path),
    InputOutput,
}

struct Compiler<'c, 'a> {
    ctx: &'c Context<'a>,
    /// Projections opened so far (each binds its item at its own depth).
    depth: usize,
}

impl Compiler<'_, '_> {
    fn compile(&mut self, ast: &Ast, current: &Scope) -> Result<Path, String> {
        match ast {
            Ast::Identity { .. } => match current {
                Scope::Value(p) => Ok(p.clone()),
                Scope::InputOutput => Err("`@` of the {input, output} object".to_string()),
            },
            Ast::Field { name, .. } => self.field(current, name),
            Ast::Subexpr { lhs, rhs, .. } => {
                let base = self.compile(lhs, current)?;
                self.compile(rhs, &Scope::Value(base))
            }
            Ast::Flatten { node, .. } => {
                let base = self.compile(node, current)?;
                match base.value.clone() {
                    // Only a list of lists changes; flattening any other list is the list.
                    Value::List(item) => match *item {
                        Value::List(inner) => Ok(Path {
                            optional: base.optional,
                            value: Value::List(inner),
                            expr: PathExpr::Flatten(Box::new(base)),
                        }),
                        _ => Ok(base),
                    },
                    other => Err(format!("`[]` of {}", describe(&other))),
                }
            }
            Ast::Projection { lhs, rhs, .. } => {
                let base = self.compile(lhs, current)?;
                let Value::List(item) = base.value.clone() else {
                    return Err(format!("a projection of {}", describe(&base.value)));
                };
                let depth = self.depth;
                self.depth += 1;
                let item_path = Path {
                    expr: PathExpr::Item(depth),
                    value: *item,
                    optional: false,
                };
                let each = self.compile(rhs, &Scope::Value(item_path.clone()));
                self.depth -= 1;
                let each = each?;
                if each == item_path {
                    return Ok(base);
                }
                Ok(Path {
                    optional: base.optional,
                    value: Value::List(Box::new(each.value.clone())),
                    expr: PathExpr::Project {
                        base: Box::new(base),
                        depth,
                        each: Box::new(each),
                    },
                })
            }
            Ast::Condition {
                predicate, then, ..
            } => {
                let predicate = self.boolean(predicate, current)?;
                let then = self.compile(then, current)?;
                Ok(Path {
                    value: then.value.clone(),
                    optional: true,
                    expr: PathExpr::Cond {
                        predicate: Box::new(predicate),
                        then: Box::new(then),
                    },
                })
            }
            Ast::Index { idx, .. } => {
                let base = self.value(current)?;
                let Value::List(item) = base.value.clone() else {
                    return Err(format!("an index into {}", describe(&base.value)));
                };
                Ok(Path {
                    value: *item,
                    optional: true,
                    expr: PathExpr::Index {
                        base: Box::new(base),
                        index: i64::from(*idx),
                    },
                })
            }
            Ast::Function { name, args, .. } if name == "length" && args.len() == 1 => {
                let arg = self.compile(&args[0], current)?;
                if !matches!(arg.value, Value::List(_) | Value::Str | Value::MapLen) {
                    return Err(format!("length() of {}", describe(&arg.value)));
                }
                Ok(Path {
                    value: Value::Number,
                    optional: arg.optional,
                    expr: PathExpr::Length(Box::new(arg)),
                })
            }
            Ast::Function { name, .. } => Err(format!("the function `{name}` is not supported")),
            Ast::Comparison {
                comparator,
                lhs,
                rhs,
                ..
            } => {
                let lhs = self.compile(lhs, current)?;
                let rhs = self.compile(rhs, current)?;
                let op = match comparator {
                    JmesComparator::Equal => CompareOp::Eq,
                    JmesComparator::NotEqual => CompareOp::Ne,
                    JmesComparator::LessThan => CompareOp::Lt,
                    JmesComparator::LessThanEqual => CompareOp::Le,
                    JmesComparator::GreaterThan => CompareOp::Gt,
                    JmesComparator::GreaterThanEqual => CompareOp::Ge,
                };
                let equality = matches!(op, CompareOp::Eq | CompareOp::Ne);
                let comparable = lhs.value == rhs.value
                    && match lhs.value {
                        Value::Number => true,
                        Value::Str | Value::Bool => equality,
                        _ => false,
                    };
                if !comparable {
                    return Err(format!(
                        "cannot compare {} with {}",
                        describe(&lhs.value),
                        describe(&rhs.value)
                    ));
                }
                Ok(Path {
                    value: Value::Bool,
                    // Equality is always true or false; an ordering of a null is null.
                    optional: !equality && (lhs.optional || rhs.optional),
                    expr: PathExpr::Compare {
                        op,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    },
                })
            }
            Ast::And { lhs, rhs, .. } | Ast::Or { lhs, rhs, .. } => {
                let l = Box::new(self.boolean(lhs, current)?);
                let r = Box::new(self.boolean(rhs, current)?);
                Ok(Path {
                    value: Value::Bool,
                    optional: false,
                    expr: if matches!(ast, Ast::And { .. }) {
                        PathExpr::And(l, r)
                    } else {
                        PathExpr::Or(l, r)
                    },
                })
            }
            Ast::Not { node, .. } => Ok(Path {
                value: Value::Bool,
                optional: false,
                expr: PathExpr::Not(Box::new(self.boolean(node, current)?)),
            }),
            Ast::Literal { value, .. } => {
                let (literal, value) = match &**value {
                    jmespath::Variable::String(s) => (Literal::Str(s.clone()), Value::Str),
                    jmespath::Variable::Bool(b) => (Literal::Bool(*b), Value::Bool),
                    jmespath::Variable::Number(n) => (
                        Literal::Number(
                            n.as_f64()
                                .filter(|f| f.is_finite())
                                .ok_or_else(|| format!("the number {n} is out of range"))?,
                        ),
                        Value::Number,
                    ),
                    other => return Err(format!("the literal {other} is not supported")),
                };
                Ok(Path {
                    expr: PathExpr::Literal(literal),
                    value,
                    optional: false,
                })
            }
            other => Err(format!(
                "the expression `{}` is not supported",
                kind_of(other)
            )),
        }
    }

    /// A boolean operand (filters, `&&`, `||`, `!`).
    fn boolean(&mut self, ast: &Ast, current: &Scope) -> Result<Path, String> {
        let p = self.compile(ast, current)?;
        if p.value != Value::Bool {
            return Err(format!(
                "a condition must be a boolean, not {}",
                describe(&p.value)
            ));
        }
        Ok(p)
    }

    fn value(&self, current: &Scope) -> Result<Path, String> {
        match current {
            Scope::Value(p) => Ok(p.clone()),
            Scope::InputOutput => Err("the {input, output} object is not a list".to_string()),
        }
    }

    fn field(&self, current: &Scope, name: &str) -> Result<Path, String> {
        let base = match current {
            Scope::InputOutput => {
                return match name {
                    "input" => Ok(Path {
                        expr: PathExpr::Input,
                        value: Value::Struct(self.ctx.input.id.clone()),
                        optional: false,
                    }),
                    "output" => Ok(Path {
                        expr: PathExpr::Output,
                        value: Value::Struct(self.ctx.output.id.clone()),
                        optional: false,
                    }),
                    _ => Err(format!(
                        "an inputOutput path starts with `input` or `output`, not `{name}`"
                    )),
                };
            }
            Scope::Value(p) => p.clone(),
        };
        let Value::Struct(id) = &base.value else {
            return Err(format!("member `{name}` of {}", describe(&base.value)));
        };
        let structure = if *id == self.ctx.input.id {
            self.ctx.input.clone()
        } else if *id == self.ctx.output.id {
            self.ctx.output.clone()
        } else {
            (self.ctx.structure)(id)?
        };
        let field = structure
            .fields
            .iter()
            .find(|f| f.member == name)
            .ok_or_else(|| format!("{} has no member `{name}`", id.name))?;
        let target = member_target(self.ctx.model, id, name)?;
        let (value, convert) = convert(self.ctx.model, &field.ty, &target)
            .map_err(|e| format!("member `{name}` of {}: {e}", id.name))?;
        Ok(field_path(base, field, value, convert))
    }
}

fn field_path(base: Path, field: &Field, value: Value, convert: Convert) -> Path {
    Path {
        optional: base.optional || field.optional,
        value,
        expr: PathExpr::Field {
            base: Box::new(base),
            field: field.rust_name.clone(),
            field_optional: field.optional,
            boxed: field.boxed,
            convert,
        },
    }
}

/// The target of member `name` of structure `id`.
fn member_target(model: &Model, id: &ShapeId, name: &str) -> Result<ShapeId, String> {
    match model.get(id).map(|s| &s.kind) {
        Some(ShapeKind::Structure(members)) => members
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.target.clone())
            .ok_or_else(|| format!("{} has no member `{name}`", id.name)),
        _ => Err(format!("{id} is not a structure")),
    }
}

/// The value a field of type `ty` (targeting `target`) gives, and how it is converted.
fn convert(model: &Model, ty: &RustType, target: &ShapeId) -> Result<(Value, Convert), String> {
    Ok(match ty {
        RustType::String => (Value::Str, Convert::String),
        RustType::Bool => (Value::Bool, Convert::Copy),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::F32 | RustType::F64 => {
            (Value::Number, Convert::NumberFrom)
        }
        RustType::I64 => (Value::Number, Convert::NumberCast),
        RustType::Named {
            kind: NamedKind::Enum,
            ..
        } => (Value::Str, Convert::Enum),
        RustType::Named {
            kind: NamedKind::Structure,
            ..
        } => (Value::Struct(target.clone()), Convert::Ref),
        RustType::Map { .. } => (Value::MapLen, Convert::Len),
        RustType::List { item, sparse, .. } => {
            let item_target = match model.get(target).map(|s| &s.kind) {
                Some(ShapeKind::List(member)) => member.target.clone(),
                _ => return Err(format!("{target} is not a list")),
            };
            let (value, convert) = convert(model, item, &item_target)?;
            (
                Value::List(Box::new(value)),
                Convert::List {
                    item: Box::new(convert),
                    sparse: *sparse,
                },
            )
        }
        RustType::Named {
            kind: NamedKind::Union,
            ..
        } => return Err("unions are not supported in waiter paths".to_string()),
        RustType::Named {
            kind: NamedKind::IntEnum,
            ..
        } => return Err("intEnums are not supported in waiter paths".to_string()),
        RustType::BigNumber
        | RustType::DateTime(_)
        | RustType::Blob
        | RustType::Document
        | RustType::Unit => {
            return Err(format!(
                "{} values are not supported in waiter paths",
                target.name
            ));
        }
    })
}

fn kind_of(ast: &Ast) -> &'static str {
    match ast {
        Ast::Expref { .. } => "&expression",
        Ast::MultiList { .. } => "[a, b] multi-select list",
        Ast::MultiHash { .. } => "{a: b} multi-select hash",
        Ast::ObjectValues { .. } => "* object projection",
        Ast::Slice { .. } => "[start:stop] slice",
        _ => "expression",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Operation, Service, build_service};
    use crate::model::{Source, load_model_from_sources};
    use serde_json::json;

    /// A one-operation awsJson1_0 service whose `Describe` operation has `waitable` as its trait.
    fn service(waitable: serde_json::Value) -> Service {
        let model = json!({
            "smithy": "2.0",
            "shapes": {
                "t#Svc": {
                    "type": "service",
                    "operations": [{ "target": "t#Describe" }],
                    "traits": { "aws.protocols#awsJson1_0": {} }
                },
                "t#Describe": {
                    "type": "operation",
                    "input": { "target": "t#DescribeInput" },
                    "output": { "target": "t#DescribeOutput" },
                    "errors": [{ "target": "t#Missing" }],
                    "traits": { "smithy.waiters#waitable": waitable }
                },
                "t#DescribeInput": {
                    "type": "structure",
                    "members": { "id": { "target": "smithy.api#String" } }
                },
                "t#DescribeOutput": {
                    "type": "structure",
                    "members": {
                        "thing": { "target": "t#Thing" },
                        "count": { "target": "smithy.api#Long" }
                    }
                },
                "t#Thing": {
                    "type": "structure",
                    "members": {
                        "id": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
                        "state": { "target": "t#State" },
                        "parts": { "target": "t#Parts" },
                        "ready": { "target": "smithy.api#Boolean" }
                    }
                },
                "t#Part": {
                    "type": "structure",
                    "members": { "state": { "target": "smithy.api#String" } }
                },
                "t#Parts": { "type": "list", "member": { "target": "t#Part" } },
                "t#State": {
                    "type": "enum",
                    "members": { "UP": { "target": "smithy.api#Unit" } }
                },
                "t#Missing": {
                    "type": "structure",
                    "members": {},
                    "traits": { "smithy.api#error": "client" }
                }
            }
        });
        let source = Source::InMemory {
            name: "waiters.json".to_string(),
            text: model.to_string(),
        };
        let model = load_model_from_sources(&[source]).unwrap_or_else(|e| panic!("{e}"));
        build_service(&model, &ShapeId::new("t", "Svc"), None).unwrap_or_else(|e| panic!("{e}"))
    }

    fn operation(service: &Service) -> &Operation {
        &service.operations[0]
    }

    fn output_matcher(path: &str, expected: &str, comparator: &str) -> serde_json::Value {
        json!({ "output": { "path": path, "expected": expected, "comparator": comparator } })
    }

    fn one_waiter(matcher: serde_json::Value) -> serde_json::Value {
        json!({ "Up": { "acceptors": [{ "state": "success", "matcher": matcher }] } })
    }

    /// The reason the only waiter was left out.
    fn left_out(matcher: serde_json::Value) -> String {
        let service = service(one_waiter(matcher));
        assert!(operation(&service).waiters.is_empty());
        assert_eq!(
            service.skipped_waiters.len(),
            1,
            "{:?}",
            service.skipped_waiters
        );
        service.skipped_waiters[0].clone()
    }

    fn path_of(service: &Service) -> &PathMatcher {
        match &operation(service).waiters[0].acceptors[0].matcher {
            Matcher::Output(m) | Matcher::InputOutput(m) => m,
            other => panic!("not a path matcher: {other:?}"),
        }
    }

    #[test]
    fn nested_members_resolve_to_typed_fields_with_default_delays() {
        let s = service(one_waiter(output_matcher(
            "thing.state",
            "UP",
            "stringEquals",
        )));
        let w = &operation(&s).waiters[0];
        assert_eq!(
            (w.name.as_str(), w.snake_name.as_str(), w.type_name.as_str()),
            ("Up", "up", "Up")
        );
        assert_eq!((w.min_delay, w.max_delay), (2, 120));
        let m = path_of(&s);
        assert_eq!(m.test, Test::StringEquals("UP".to_string()));
        assert_eq!((m.path.value.clone(), m.path.optional), (Value::Str, true));
        let PathExpr::Field {
            base,
            field,
            convert,
            ..
        } = &m.path.expr
        else {
            panic!("{:?}", m.path.expr);
        };
        assert_eq!((field.as_str(), convert), ("state", &Convert::Enum));
        assert_eq!(base.value, Value::Struct(ShapeId::new("t", "Thing")));
        assert!(matches!(&base.expr, PathExpr::Field { field, .. } if field == "thing"));
    }

    #[test]
    fn projections_bind_items_and_keep_the_item_type() {
        let s = service(one_waiter(output_matcher(
            "thing.parts[].state",
            "UP",
            "allStringEquals",
        )));
        let m = path_of(&s);
        assert_eq!(m.path.value, Value::List(Box::new(Value::Str)));
        let PathExpr::Project { depth, each, .. } = &m.path.expr else {
            panic!("{:?}", m.path.expr);
        };
        assert_eq!(*depth, 0);
        assert!(
            matches!(&each.expr, PathExpr::Field { base, .. } if base.expr == PathExpr::Item(0))
        );
    }

    #[test]
    fn matchers_of_every_kind_are_kept_in_model_order() {
        let s = service(json!({
            "Up": {
                "minDelay": 1,
                "maxDelay": 3,
                "documentation": "Waits.",
                "acceptors": [
                    { "state": "success", "matcher": output_matcher("thing.ready", "true", "booleanEquals") },
                    { "state": "failure", "matcher": output_matcher("thing.parts[].state", "BAD", "anyStringEquals") },
                    { "state": "retry", "matcher": { "errorType": "t#Missing" } },
                    { "state": "failure", "matcher": { "success": false } },
                    { "state": "success", "matcher": { "inputOutput": { "path": "input.id == output.thing.id", "expected": "true", "comparator": "booleanEquals" } } },
                    { "state": "success", "matcher": output_matcher("length(thing.parts[?state == 'UP']) > `1` && count >= `2`", "true", "booleanEquals") }
                ]
            }
        }));
        assert!(s.skipped_waiters.is_empty(), "{:?}", s.skipped_waiters);
        let w = &operation(&s).waiters[0];
        assert_eq!((w.min_delay, w.max_delay), (1, 3));
        assert_eq!(w.docs.as_deref(), Some("Waits."));
        let states: Vec<AcceptorState> = w.acceptors.iter().map(|a| a.state).collect();
        use AcceptorState::*;
        assert_eq!(states, [Success, Failure, Retry, Failure, Success, Success]);
        assert!(matches!(&w.acceptors[2].matcher, Matcher::ErrorType(c) if c == "Missing"));
        assert!(matches!(w.acceptors[3].matcher, Matcher::Success(false)));
        assert!(w.reads_input());
        let Matcher::Output(last) = &w.acceptors[5].matcher else {
            panic!("{:?}", w.acceptors[5].matcher);
        };
        assert!(matches!(last.path.expr, PathExpr::And(..)));
        assert_eq!(last.test, Test::BooleanEquals(true));
    }

    #[test]
    fn unsupported_waiters_are_left_out_with_the_file_and_the_reason() {
        let cases = [
            (
                output_matcher("thing.nope", "x", "stringEquals"),
                "Thing has no member `nope`",
            ),
            (
                output_matcher("thing.parts", "x", "stringEquals"),
                "yields a list of a structure",
            ),
            (
                output_matcher(
                    "contains(thing.parts[].state, 'x')",
                    "true",
                    "booleanEquals",
                ),
                "function `contains`",
            ),
            (
                output_matcher("thing.[", "x", "stringEquals"),
                "does not parse",
            ),
            (
                output_matcher("thing.ready", "yes", "booleanEquals"),
                "expects `true` or `false`",
            ),
            (
                output_matcher("thing.state", "x", "regexMatch"),
                "unknown comparator",
            ),
            (
                output_matcher("thing.id > 'a'", "true", "booleanEquals"),
                "cannot compare",
            ),
            (
                output_matcher("{a: thing.id}", "x", "stringEquals"),
                "multi-select hash",
            ),
            (
                json!({ "inputOutput": { "path": "other.id", "expected": "x", "comparator": "stringEquals" } }),
                "starts with `input` or `output`",
            ),
            (json!({ "sometimes": true }), "unknown matcher"),
            (
                output_matcher(&"(".repeat(5000), "x", "stringEquals"),
                "longer than 1024",
            ),
        ];
        for (matcher, reason) in cases {
            let message = left_out(matcher);
            assert!(message.starts_with("waiters.json: "), "{message}");
            assert!(
                message.contains("waiter \"Up\" of operation Describe"),
                "{message}"
            );
            assert!(message.contains(reason), "{reason}: {message}");
        }
    }

    #[test]
    fn bad_delays_and_names_leave_the_waiter_out_and_keep_the_others() {
        let s = service(json!({
            "Good": { "acceptors": [{ "state": "success", "matcher": { "success": true } }] },
            "Slow": { "minDelay": 10, "maxDelay": 5, "acceptors": [{ "state": "success", "matcher": { "success": true } }] },
            "Zero": { "minDelay": 0, "acceptors": [{ "state": "success", "matcher": { "success": true } }] },
            "lower": { "acceptors": [{ "state": "success", "matcher": { "success": true } }] },
            "Empty": { "acceptors": [] }
        }));
        let names: Vec<&str> = operation(&s)
            .waiters
            .iter()
            .map(|w| w.name.as_str())
            .collect();
        assert_eq!(names, ["Good"]);
        let all = s.skipped_waiters.join("\n");
        assert!(
            all.contains("maxDelay (5) is less than minDelay (10)"),
            "{all}"
        );
        assert!(all.contains("minDelay must be at least 1 second"), "{all}");
        assert!(all.contains("^[A-Z]+[A-Za-z0-9]*$"), "{all}");
        assert!(all.contains("no acceptors"), "{all}");
    }
}
