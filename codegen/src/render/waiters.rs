//! `src/waiters.rs` (a module per waiter: its fluent builder, result types and acceptor
//! function) and the `Waiters` trait of `client.rs`. The typed paths come decided from the IR;
//! this only prints them.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::{doc_or, ident};
use crate::ir::waiters::{
    AcceptorState, CompareOp, Convert, Literal, Matcher, Path, PathExpr, Test, Value, Waiter,
};
use crate::ir::{Operation, Service};

/// `src/waiters.rs`, or `None` when the service has no waiter.
pub fn waiters_module(service: &Service) -> Option<TokenStream> {
    let mut waiters = service.waiters().peekable();
    waiters.peek()?;
    let modules = waiters.map(|(op, w)| waiter_module(op, w));
    Some(quote! {
        //! Waiters: `client.wait_until_<name>()` (a method of [`crate::client::Waiters`]) polls an
        //! operation until the resource reaches the state waited for, fails, or the wait runs out.
        #(#modules)*
    })
}

/// The `Waiters` trait and its implementation for `Client` (nothing without waiters).
pub fn waiters_trait(service: &Service) -> TokenStream {
    let (decls, impls): (Vec<_>, Vec<_>) = service
        .waiters()
        .map(|(op, w)| {
            let method = format_ident!("wait_until_{}", crate::ir::names::bare(&w.snake_name));
            let module = ident(&w.snake_name);
            let fluent = format_ident!("{}FluentBuilder", w.type_name);
            let docs = waiter_docs(op, w);
            let decl = quote! {
                #docs
                fn #method(&self) -> crate::waiters::#module::#fluent;
            };
            let imp = quote! {
                fn #method(&self) -> crate::waiters::#module::#fluent {
                    crate::waiters::#module::#fluent::new(self.config.0.clone())
                }
            };
            (decl, imp)
        })
        .unzip();
    if decls.is_empty() {
        return TokenStream::new();
    }
    quote! {
        /// The waiters of the service's operations: `use` this trait, then call
        /// `client.wait_until_<name>()`, set the operation's input and `.wait(max_wait)`.
        pub trait Waiters {
            #(#decls)*
        }
        impl Waiters for Client {
            #(#impls)*
        }
    }
}

/// The waiter's documentation, then what it polls and its acceptors.
fn waiter_docs(op: &Operation, w: &Waiter) -> TokenStream {
    let docs = doc_or(
        w.docs.as_deref(),
        &format!("Waits with the `{}` waiter.", w.name),
    );
    let mut lines = vec![
        String::new(),
        format!(
            " Polls `{}` (at least {} s and at most {} s apart, with jitter) until the first matching acceptor says so:",
            op.name, w.min_delay, w.max_delay
        ),
    ];
    for a in &w.acceptors {
        let state = match a.state {
            AcceptorState::Success => "success",
            AcceptorState::Failure => "failure",
            AcceptorState::Retry => "retry",
        };
        let when = match &a.matcher {
            Matcher::Output(m) | Matcher::InputOutput(m) => {
                let (comparator, expected) = match &m.test {
                    Test::StringEquals(s) => ("is", code_span(s)),
                    Test::BooleanEquals(b) => ("is", code_span(&b.to_string())),
                    Test::AllStringEquals(s) => ("are all", code_span(s)),
                    Test::AnyStringEquals(s) => ("include", code_span(s)),
                };
                let of = if matches!(a.matcher, Matcher::InputOutput(_)) {
                    "input and output"
                } else {
                    "output"
                };
                format!(
                    "when {} of the {of} {comparator} {expected}",
                    code_span(&m.source)
                )
            }
            Matcher::Success(true) => "when the call succeeds".to_string(),
            Matcher::Success(false) => "when the call fails with a service error".to_string(),
            Matcher::ErrorType(code) => format!("on a {} error", code_span(code)),
        };
        lines.push(format!(" - {state} {when};"));
    }
    if w.deprecated {
        lines.push(String::new());
        lines.push(" The model marks this waiter as deprecated.".to_string());
    }
    quote! { #docs #(#[doc = #lines])* }
}

/// `text` as one Markdown code span, whatever backticks or line breaks it holds.
fn code_span(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 || text.starts_with(' ') || text.ends_with(' ') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

fn waiter_module(op: &Operation, w: &Waiter) -> TokenStream {
    let module = ident(&w.snake_name);
    let op_module = ident(&op.snake_name);
    let op_name = ident(&op.name);
    let input = format_ident!("{}Input", op.name);
    let output = format_ident!("{}Output", op.name);
    let error = format_ident!("{}Error", op.name);
    let input_builder = format_ident!("{}InputBuilder", op.name);
    let fluent = format_ident!("{}FluentBuilder", w.type_name);
    let final_poll = format_ident!("WaitUntil{}FinalPoll", w.type_name);
    let wait_error = format_ident!("WaitUntil{}Error", w.type_name);
    let op_path = quote!(crate::operation::#op_module);
    let module_doc = format!(" The `{}` waiter of the `{}` operation.", w.name, op.name);
    let final_poll_doc = format!(
        " The last response of a successful `{}` wait: the output, or the error a success acceptor matched.",
        w.name
    );
    let error_doc = format!(
        " Why a `{}` wait did not succeed: a failure acceptor matched (with its response), the maximum wait passed, the call failed in a way no acceptor handles, or the input was incomplete.",
        w.name
    );
    let fluent_doc = format!(
        " Fluent builder for the `{}` waiter: set the input of `{}`, then `wait(max_wait)`.",
        w.name, op.name
    );
    let input_link = format!(
        " The input as set so far ([`{input_builder}`](crate::operation::{}::builders::{input_builder})).",
        op.snake_name
    );
    let setters = op
        .input
        .fields
        .iter()
        .map(|f| super::types::member_setters(f, super::types::Setter::Fluent));
    let min_delay = proc_macro2::Literal::u64_unsuffixed(w.min_delay);
    let max_delay = proc_macro2::Literal::u64_unsuffixed(w.max_delay);
    let input_param = if w.reads_input() {
        quote!(input)
    } else {
        quote!(_input)
    };
    let acceptors = w.acceptors.iter().map(|a| {
        let state = match a.state {
            AcceptorState::Success => quote!(Success),
            AcceptorState::Failure => quote!(Failure),
            AcceptorState::Retry => quote!(Retry),
        };
        let condition = match &a.matcher {
            Matcher::Output(m) | Matcher::InputOutput(m) => {
                let test = test(&expr(&m.path), &m.path, &m.test);
                quote!(let ::std::result::Result::Ok(output) = result && #test)
            }
            Matcher::Success(true) => quote!(result.is_ok()),
            Matcher::Success(false) => quote!(result.is_err()),
            Matcher::ErrorType(code) => quote! {
                let ::std::result::Result::Err(err) = result
                    && ::aws_smithy_types::error::metadata::ProvideErrorMetadata::code(err)
                        == ::std::option::Option::Some(#code)
            },
        };
        quote! {
            if #condition {
                return ::sdk_runtime::waiters::AcceptorState::#state;
            }
        }
    });
    quote! {
        #[doc = #module_doc]
        pub mod #module {
            #[doc = #final_poll_doc]
            pub type #final_poll = ::aws_smithy_runtime_api::client::waiters::FinalPoll<
                #op_path::#output,
                ::aws_smithy_runtime_api::client::result::SdkError<
                    #op_path::#error,
                    ::aws_smithy_runtime_api::client::orchestrator::HttpResponse,
                >,
            >;
            #[doc = #error_doc]
            pub type #wait_error = ::aws_smithy_runtime_api::client::waiters::error::WaiterError<
                #op_path::#output,
                #op_path::#error,
            >;
            #[doc = #fluent_doc]
            #[derive(Clone, Debug)]
            pub struct #fluent {
                config: ::sdk_runtime::ConfigCore,
                inner: #op_path::builders::#input_builder,
            }
            impl #fluent {
                pub(crate) fn new(config: ::sdk_runtime::ConfigCore) -> Self {
                    Self {
                        config,
                        inner: ::std::default::Default::default(),
                    }
                }
                #[doc = #input_link]
                pub fn as_input(&self) -> &#op_path::builders::#input_builder {
                    &self.inner
                }
                /// Polls the operation until an acceptor decides, or until `max_wait` has passed
                /// (one last poll may come just before the end). Each poll is a full call, with
                /// the client's retries and timeouts.
                pub async fn wait(
                    self,
                    max_wait: ::std::time::Duration,
                ) -> ::std::result::Result<#final_poll, #wait_error> {
                    let input = self.inner.build().map_err(
                        ::aws_smithy_runtime_api::client::waiters::error::WaiterError::construction_failure,
                    )?;
                    ::sdk_runtime::waiters::wait::<#op_path::#op_name>(
                        &crate::client::SERVICE,
                        &self.config,
                        input,
                        &SPEC,
                        max_wait,
                    )
                    .await
                }
                #(#setters)*
            }
            static SPEC: ::sdk_runtime::waiters::WaiterSpec<#op_path::#op_name> =
                ::sdk_runtime::waiters::WaiterSpec {
                    min_delay: ::std::time::Duration::from_secs(#min_delay),
                    max_delay: ::std::time::Duration::from_secs(#max_delay),
                    acceptor,
                };
            /// The acceptors in model order: the first that matches decides the poll's state.
            fn acceptor(
                #input_param: &#op_path::#input,
                result: ::std::result::Result<&#op_path::#output, &#op_path::#error>,
            ) -> ::sdk_runtime::waiters::AcceptorState {
                #(#acceptors)*
                ::sdk_runtime::waiters::AcceptorState::NoAcceptorsMatched
            }
        }
    }
}

/// `value` (the tokens of `path`) compared as the matcher says.
fn test(value: &TokenStream, path: &Path, test: &Test) -> TokenStream {
    let some = |v: TokenStream| quote!(::std::option::Option::Some(#v));
    match (test, path.optional) {
        (Test::StringEquals(s), false) => quote!(#value == #s),
        (Test::StringEquals(s), true) => {
            let s = some(quote!(#s));
            quote!(#value == #s)
        }
        // A let chain cannot hold a bare `||`.
        (Test::BooleanEquals(true), false) if matches!(path.expr, PathExpr::Or(..)) => {
            quote!((#value))
        }
        (Test::BooleanEquals(true), false) => value.clone(),
        (Test::BooleanEquals(false), false) => quote!(::std::ops::Not::not(#value)),
        (Test::BooleanEquals(b), true) => {
            let b = some(quote!(#b));
            quote!(#value == #b)
        }
        (Test::AllStringEquals(s), false) => quote!(::sdk_runtime::waiters::all_equal(&#value, #s)),
        (Test::AllStringEquals(s), true) => {
            quote!(#value.is_some_and(|list| ::sdk_runtime::waiters::all_equal(&list, #s)))
        }
        (Test::AnyStringEquals(s), false) => quote!(::sdk_runtime::waiters::any_equal(&#value, #s)),
        (Test::AnyStringEquals(s), true) => {
            quote!(#value.is_some_and(|list| ::sdk_runtime::waiters::any_equal(&list, #s)))
        }
    }
}

fn item(depth: usize) -> Ident {
    format_ident!("item{}", depth)
}

/// The tokens of a path: of type `Option<V>` when `path.optional`, else `V`.
fn expr(path: &Path) -> TokenStream {
    match &path.expr {
        PathExpr::Input => quote!(input),
        PathExpr::Output => quote!(output),
        PathExpr::Item(depth) => {
            let it = item(*depth);
            quote!(#it)
        }
        PathExpr::Field {
            base,
            field,
            field_optional,
            boxed,
            convert,
        } => {
            let f = ident(field);
            let access = |v: TokenStream| {
                if *field_optional {
                    optional_field(quote!(#v.#f), *boxed, convert)
                } else {
                    convert_value(quote!(#v.#f), convert, false, 0)
                }
            };
            let b = expr(base);
            if !base.optional {
                return access(b);
            }
            let body = access(quote!(v));
            if *field_optional {
                quote!(#b.and_then(|v| #body))
            } else {
                quote!(#b.map(|v| #body))
            }
        }
        PathExpr::Flatten(base) => on_list(
            base,
            |l| quote!(#l.into_iter().flatten().collect::<::std::vec::Vec<_>>()),
        ),
        PathExpr::Project { base, depth, each } => {
            let it = item(*depth);
            // A filter (`[?p]`) keeps the items its predicate accepts, then projects them.
            let (filter, each) = match &each.expr {
                PathExpr::Cond { predicate, then } => {
                    let p = truthy(predicate);
                    let pattern = match &base.value {
                        Value::List(item) if item.is_copy() => quote!(&#it),
                        _ => quote!(#it),
                    };
                    (quote!(.filter(|#pattern| #p)), &**then)
                }
                _ => (TokenStream::new(), &**each),
            };
            let e = expr(each);
            let step = match &each.expr {
                PathExpr::Item(d) if d == depth => TokenStream::new(),
                _ if each.optional => quote!(.filter_map(|#it| #e)),
                _ => quote!(.map(|#it| #e)),
            };
            on_list(
                base,
                |l| quote!(#l.into_iter() #filter #step .collect::<::std::vec::Vec<_>>()),
            )
        }
        PathExpr::Cond { predicate, then } => {
            let p = truthy(predicate);
            let t = expr(then);
            let t = if then.optional {
                t
            } else {
                quote!(::std::option::Option::Some(#t))
            };
            quote!(if #p { #t } else { ::std::option::Option::None })
        }
        PathExpr::Index { base, index } => {
            let get = match *index {
                0 => quote!(first()),
                -1 => quote!(last()),
                i if i > 0 => {
                    let i = usize::try_from(i).unwrap_or(usize::MAX);
                    quote!(get(#i))
                }
                i => {
                    let back = usize::try_from(-(i + 1)).unwrap_or(usize::MAX);
                    quote!(iter().rev().nth(#back))
                }
            };
            let take = if path.value.is_copy() {
                quote!(copied())
            } else {
                quote!(cloned())
            };
            let b = expr(base);
            if base.optional {
                quote!(#b.and_then(|list| list.#get.#take))
            } else {
                quote!(#b.#get.#take)
            }
        }
        PathExpr::Length(arg) => {
            let measure = |x: TokenStream| match arg.value {
                Value::Str => quote!(::sdk_runtime::waiters::len_number(#x.chars().count())),
                Value::MapLen => quote!(::sdk_runtime::waiters::len_number(#x)),
                _ => quote!(::sdk_runtime::waiters::len_number(#x.len())),
            };
            let a = expr(arg);
            if arg.optional && arg.value == Value::MapLen {
                quote!(#a.map(::sdk_runtime::waiters::len_number))
            } else if arg.optional {
                let body = measure(quote!(x));
                quote!(#a.map(|x| #body))
            } else {
                measure(a)
            }
        }
        PathExpr::Compare { op, lhs, rhs } => {
            let op = match op {
                CompareOp::Eq => quote!(==),
                CompareOp::Ne => quote!(!=),
                CompareOp::Lt => quote!(<),
                CompareOp::Le => quote!(<=),
                CompareOp::Gt => quote!(>),
                CompareOp::Ge => quote!(>=),
            };
            let (l, r) = (expr(lhs), expr(rhs));
            if !lhs.optional && !rhs.optional {
                return quote!(#l #op #r);
            }
            let wrap = |p: &Path, t: TokenStream| {
                if p.optional {
                    t
                } else {
                    quote!(::std::option::Option::Some(#t))
                }
            };
            let (l, r) = (wrap(lhs, l), wrap(rhs, r));
            if path.optional {
                quote!(#l.zip(#r).map(|(l, r)| l #op r))
            } else {
                quote!(#l #op #r)
            }
        }
        PathExpr::And(l, r) => {
            let (l, r) = (operand(l), operand(r));
            quote!(#l && #r)
        }
        PathExpr::Or(l, r) => {
            let (l, r) = (operand(l), operand(r));
            quote!(#l || #r)
        }
        PathExpr::Not(x) => {
            let x = truthy(x);
            quote!(::std::ops::Not::not(#x))
        }
        PathExpr::Literal(Literal::Str(s)) => quote!(#s),
        PathExpr::Literal(Literal::Bool(b)) => quote!(#b),
        PathExpr::Literal(Literal::Number(n)) => {
            let lit = proc_macro2::Literal::f64_suffixed(n.abs());
            if *n < 0.0 {
                quote!((-#lit))
            } else {
                quote!(#lit)
            }
        }
    }
}

/// A boolean path as a plain `bool` (null is false).
fn truthy(p: &Path) -> TokenStream {
    let e = expr(p);
    if p.optional {
        quote!(#e == ::std::option::Option::Some(true))
    } else {
        e
    }
}

/// An operand of `&&` / `||`, parenthesised so precedence follows the expression tree.
fn operand(p: &Path) -> TokenStream {
    let e = truthy(p);
    if matches!(p.expr, PathExpr::And(..) | PathExpr::Or(..)) || p.optional {
        quote!((#e))
    } else {
        e
    }
}

/// `f` applied to the list `base` (inside `map` when the list may be null).
fn on_list(base: &Path, f: impl Fn(TokenStream) -> TokenStream) -> TokenStream {
    let b = expr(base);
    if base.optional {
        let body = f(quote!(list));
        quote!(#b.map(|list| #body))
    } else {
        f(b)
    }
}

/// An `Option` field (`place`), as an `Option` of its value.
fn optional_field(place: TokenStream, boxed: bool, convert: &Convert) -> TokenStream {
    let borrowed = if boxed {
        quote!(#place.as_deref())
    } else {
        quote!(#place.as_ref())
    };
    match convert {
        Convert::Ref => borrowed,
        Convert::String if !boxed => quote!(#place.as_deref()),
        Convert::Copy if !boxed => place,
        Convert::NumberFrom if !boxed => quote!(#place.map(f64::from)),
        Convert::NumberCast if !boxed => quote!(#place.map(::sdk_runtime::waiters::i64_number)),
        _ => {
            let body = convert_value(quote!(x), convert, true, 0);
            quote!(#borrowed.map(|x| #body))
        }
    }
}

/// The value of `x` (a place of the field's type, or a reference to one when `by_ref`).
fn convert_value(x: TokenStream, convert: &Convert, by_ref: bool, depth: usize) -> TokenStream {
    let deref = if by_ref { quote!(*#x) } else { x.clone() };
    match convert {
        Convert::Ref if by_ref => x,
        Convert::Ref => quote!(&#x),
        Convert::String | Convert::Enum => quote!(#x.as_str()),
        Convert::Copy => deref,
        Convert::NumberFrom => quote!(f64::from(#deref)),
        Convert::NumberCast => quote!(::sdk_runtime::waiters::i64_number(#deref)),
        Convert::Len => quote!(#x.len()),
        Convert::List { item, sparse } => {
            let flatten = sparse.then(|| quote!(.flatten()));
            let step = match &**item {
                Convert::Ref => TokenStream::new(),
                Convert::Copy => quote!(.copied()),
                other => {
                    let var = Ident::new(&format!("x{depth}"), Span::call_site());
                    let body = convert_value(quote!(#var), other, true, depth + 1);
                    quote!(.map(|#var| #body))
                }
            };
            quote!(#x.iter() #flatten #step .collect::<::std::vec::Vec<_>>())
        }
    }
}
