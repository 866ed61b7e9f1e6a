//! Client-side constraint checks (`@length`, `@range`, `@pattern`) as a `validate` method on each
//! structure an input can reach. `@required` is enforced by the builders' `build()`.

use std::collections::BTreeSet;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::ident;
use crate::ir::{Field, NamedKind, RustType, Service, Structure, TypeDef};

/// True when `s` has a constraint to check, directly or through nested structures.
pub fn needs_validation(service: &Service, s: &Structure) -> bool {
    needs(service, s, &mut BTreeSet::new())
}

fn needs(service: &Service, s: &Structure, seen: &mut BTreeSet<String>) -> bool {
    if !seen.insert(s.rust_name.clone()) {
        return false;
    }
    s.fields
        .iter()
        .any(|f| !checks(f).is_empty() || nested(service, &f.ty, seen).is_some())
}

/// The nested structure a member leads to (directly or as list items), when it needs checks.
fn nested<'s>(
    service: &'s Service,
    ty: &RustType,
    seen: &mut BTreeSet<String>,
) -> Option<&'s Structure> {
    match ty {
        RustType::Named {
            name,
            kind: NamedKind::Structure,
            ..
        } => {
            let s = service.types.iter().find_map(|t| match t {
                TypeDef::Structure(s) if &s.rust_name == name => Some(s),
                _ => None,
            })?;
            needs(service, s, seen).then_some(s)
        }
        RustType::List { item, .. } => nested(service, item, seen),
        _ => None,
    }
}

/// Names of the structures an operation input can reach: only those are ever validated.
fn input_reachable(service: &Service) -> BTreeSet<String> {
    fn walk(service: &Service, ty: &RustType, out: &mut BTreeSet<String>) {
        match ty {
            RustType::Named {
                name,
                kind: NamedKind::Structure,
                ..
            } if out.insert(name.clone()) => {
                let fields = service.types.iter().find_map(|t| match t {
                    TypeDef::Structure(s) if &s.rust_name == name => Some(&s.fields),
                    _ => None,
                });
                for f in fields.into_iter().flatten() {
                    walk(service, &f.ty, out);
                }
            }
            RustType::List { item, .. } => walk(service, item, out),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    for op in &service.operations {
        for f in &op.input.fields {
            walk(service, &f.ty, &mut out);
        }
    }
    out
}

/// `pub(crate) fn validate(&self, v)` for an input or a structure inputs reach, or nothing when it
/// has no constraints.
pub fn validate_method(service: &Service, s: &Structure, is_input: bool) -> TokenStream {
    if !(is_input || input_reachable(service).contains(&s.rust_name))
        || !needs_validation(service, s)
    {
        return TokenStream::new();
    }
    let body = s.fields.iter().map(|f| {
        let mut out = checks(f);
        let field = ident(&f.rust_name);
        let member = &f.member;
        if nested(service, &f.ty, &mut BTreeSet::new()).is_some() {
            out.push(match &f.ty {
                RustType::List {
                    item,
                    sparse: false,
                    ..
                } if !matches!(**item, RustType::List { .. }) => quote! {
                    for (i, item) in self.#field.iter().flatten().enumerate() {
                        v.at(::std::format_args!("{}[{i}]", #member), |v| item.validate(v));
                    }
                },
                // Lists of lists, and sparse lists: a loop per level, skipping unset items.
                RustType::List { .. } => {
                    let walk = walk_lists(&f.ty, quote!(value), 0);
                    quote! {
                        if let ::std::option::Option::Some(value) = &self.#field {
                            v.at(#member, |v| { #walk });
                        }
                    }
                }
                _ => quote! {
                    if let ::std::option::Option::Some(value) = &self.#field {
                        v.at(#member, |v| value.validate(v));
                    }
                },
            });
        }
        quote!(#(#out)*)
    });
    quote! {
        /// Records every `@length`, `@range` and `@pattern` violation of this value in `v`.
        pub(crate) fn validate(&self, v: &mut ::sdk_runtime::Validator) {
            #(#body)*
        }
    }
}

/// Statements validating every structure in `value` (an expression of type `&T`, `T` being `ty`,
/// a list of lists of ... structures), each at its `[i]` path.
fn walk_lists(ty: &RustType, value: TokenStream, depth: usize) -> TokenStream {
    match ty {
        RustType::List { item, sparse, .. } => {
            let i = quote::format_ident!("i{depth}");
            let element = quote::format_ident!("item{depth}");
            let inner = walk_lists(item, quote!(#element), depth + 1);
            let iter = if *sparse {
                quote!(#value.iter().enumerate().filter_map(|(i, item)| item.as_ref().map(|item| (i, item))))
            } else {
                quote!(#value.iter().enumerate())
            };
            quote! {
                for (#i, #element) in #iter {
                    v.at(::std::format_args!("[{}]", #i), |v| { #inner });
                }
            }
        }
        _ => quote!(#value.validate(v);),
    }
}

/// `a..=b`, `a..`, `..=b` or `..` from optional inclusive bounds.
fn range_tokens(min: Option<Literal>, max: Option<Literal>) -> TokenStream {
    match (min, max) {
        (Some(min), Some(max)) => quote!(#min..=#max),
        (Some(min), None) => quote!(#min..),
        (None, Some(max)) => quote!(..=#max),
        (None, None) => quote!(..),
    }
}

/// The checks of one member's own constraints.
fn checks(f: &Field) -> Vec<TokenStream> {
    let field = ident(&f.rust_name);
    let member = &f.member;
    let c = &f.constraints;
    let mut out = Vec::new();
    if let Some((min, max)) = c.length
        && matches!(
            f.ty,
            RustType::String | RustType::Blob | RustType::List { .. } | RustType::Map { .. }
        )
    {
        let value = match f.ty {
            RustType::String => quote!(self.#field.as_deref()),
            _ => quote!(self.#field.as_ref()),
        };
        let bounds = range_tokens(
            min.map(Literal::u64_unsuffixed),
            max.map(Literal::u64_unsuffixed),
        );
        out.push(quote!(v.length_within(#member, #value, #bounds);));
    }
    if let Some((min, max)) = c.range {
        let literal = |b: f64| match f.ty {
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
                Some(Literal::i64_unsuffixed(b as i64))
            }
            RustType::F32 | RustType::F64 => Some(Literal::f64_unsuffixed(b)),
            _ => None,
        };
        let numeric = literal(0.0).is_some();
        if numeric {
            let bounds = range_tokens(min.and_then(literal), max.and_then(literal));
            out.push(quote!(v.range_within(#member, self.#field, #bounds);));
        }
    }
    if let Some(pattern) = &c.pattern
        && f.ty == RustType::String
    {
        out.push(quote!(v.pattern(#member, self.#field.as_deref(), #pattern);));
    }
    out
}
