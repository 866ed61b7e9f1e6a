//! Client-side constraint checks (`@length`, `@range`, `@pattern`) as a `validate` method on each
//! structure an input can reach. `@required` is enforced by the builders' `build()`, and here
//! for the members that stay an `Option` (structures and unions).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::ident;
use crate::ir::{Field, RustType, Service, Structure};

/// True when `s` gets a `validate` method (decided in the IR).
pub fn needs_validation(s: &Structure) -> bool {
    s.validated
}

/// `pub(crate) fn validate(&self, v)` for an input or a structure inputs reach, or nothing when it
/// has no constraints.
pub fn validate_method(service: &Service, s: &Structure) -> TokenStream {
    if !s.validated {
        return TokenStream::new();
    }
    let body = s.fields.iter().map(|f| {
        let mut out = checks(f);
        let field = ident(&f.rust_name);
        let member = &f.member;
        let nested = f
            .nested_structure()
            .and_then(|name| service.structure(name));
        if nested.is_some_and(|n| n.validated) {
            out.push(match &f.ty {
                RustType::List {
                    item,
                    sparse: false,
                    ..
                } if !matches!(**item, RustType::List { .. }) && f.optional => quote! {
                    for (i, item) in self.#field.iter().flatten().enumerate() {
                        v.at(::std::format_args!("{}[{i}]", #member), |v| item.validate(v));
                    }
                },
                RustType::List {
                    item,
                    sparse: false,
                    ..
                } if !matches!(**item, RustType::List { .. }) => quote! {
                    for (i, item) in self.#field.iter().enumerate() {
                        v.at(::std::format_args!("{}[{i}]", #member), |v| item.validate(v));
                    }
                },
                // Lists of lists, and sparse lists: a loop per level, skipping unset items.
                RustType::List { .. } if !f.optional => {
                    let walk = walk_lists(&f.ty, quote!(value), 0);
                    quote! {
                        let value = &self.#field;
                        v.at(#member, |v| { #walk });
                    }
                }
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
    if f.required && f.optional {
        out.push(quote!(v.required(#member, self.#field.as_ref());));
    }
    // Constraint checks read the value as an `Option`.
    let opt = |expr: TokenStream| {
        if f.optional {
            expr
        } else {
            quote!(::std::option::Option::Some(#expr))
        }
    };
    if let Some((min, max)) = c.length
        && matches!(
            f.ty,
            RustType::String | RustType::Blob | RustType::List { .. } | RustType::Map { .. }
        )
    {
        let value = match (f.ty == RustType::String, f.optional) {
            (true, true) => quote!(self.#field.as_deref()),
            (false, true) => quote!(self.#field.as_ref()),
            (true, false) => quote!(::std::option::Option::Some(self.#field.as_str())),
            (false, false) => quote!(::std::option::Option::Some(&self.#field)),
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
            let value = opt(quote!(self.#field));
            out.push(quote!(v.range_within(#member, #value, #bounds);));
        }
    }
    if let Some(pattern) = &c.pattern
        && f.ty == RustType::String
    {
        let value = if f.optional {
            quote!(self.#field.as_deref())
        } else {
            quote!(::std::option::Option::Some(self.#field.as_str()))
        };
        out.push(quote!(v.pattern(#member, #value, #pattern);));
    }
    out
}
