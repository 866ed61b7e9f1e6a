//! Paginators for `@paginated` operations (token paging) and for the operations the settings page
//! by offset: `client.op().into_paginator().send()` streams pages, `.items()` streams items.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ident;
use super::rust_type::tokens;
use crate::ir::{Field, Operation, Pagination, RustType};

/// `into_paginator()` on the operation's fluent builder.
pub fn into_paginator(op: &Operation) -> TokenStream {
    if op.pagination.is_none() {
        return TokenStream::new();
    }
    let paginator = format_ident!("{}Paginator", op.name);
    quote! {
        /// Turns this call into a paginator that fetches every page in turn.
        pub fn into_paginator(self) -> super::paginator::#paginator {
            super::paginator::#paginator::new(self.config, self.inner)
        }
    }
}

/// `pub mod paginator { .. }` for the operation module, or nothing.
pub fn paginator_module(op: &Operation) -> TokenStream {
    let Some(pagination) = &op.pagination else {
        return TokenStream::new();
    };
    let paginator = format_ident!("{}Paginator", op.name);
    let op_name = ident(&op.name);
    let input_builder = format_ident!("{}InputBuilder", op.name);
    let result = |item: TokenStream| quote!(::sdk_runtime::paginate::Items<super::#op_name, #item>);
    let page_stream = quote!(::sdk_runtime::paginate::Pages<super::#op_name>);
    let (pages, page_size, items) = match pagination {
        Pagination::Token {
            input_token,
            output_token,
            page_size,
            items,
        } => {
            let set = ident(&input_token.rust_name);
            let next_token = read_path(output_token);
            // An empty string or map is no token; structures are passed back as they came.
            let next_token = match &input_token.ty {
                RustType::String | RustType::Map { .. } => {
                    quote!(#next_token.filter(|token| !token.is_empty()))
                }
                _ => next_token,
            };
            // With modeled items, runs of empty pages are capped (see `operation_token_pages`).
            let page_is_empty = match items {
                Some((path, _)) => {
                    let read = read_list(path);
                    quote!(::std::option::Option::Some(|page| #read.is_none_or(|items| items.is_empty())))
                }
                None => quote!(::std::option::Option::None),
            };
            let pages = quote! {
                ::sdk_runtime::paginate::operation_token_pages::<super::#op_name, _>(
                    &crate::client::SERVICE,
                    self.config,
                    self.inner.build(),
                    |page| #next_token,
                    |input, token| input.#set = token,
                    #page_is_empty,
                    self.stop_on_duplicate_token,
                )
            };
            (
                pages,
                page_size.as_deref(),
                items
                    .as_ref()
                    .map(|(path, item)| (path.clone(), item.clone())),
            )
        }
        Pagination::Offset {
            offset,
            limit,
            items,
        } => {
            let offset_field = ident(&offset.rust_name);
            let limit_field = ident(&limit.rust_name);
            let (items_field, item) = &**items;
            let items_ident = ident(&items_field.rust_name);
            let offset_ty = tokens(&offset.ty);
            let page_len = if items_field.optional {
                quote!(page.#items_ident.as_ref().map_or(0, ::std::vec::Vec::len))
            } else {
                quote!(page.#items_ident.len())
            };
            let pages = quote! {
                ::sdk_runtime::paginate::operation_offset_pages::<super::#op_name>(
                    &crate::client::SERVICE,
                    self.config,
                    self.inner.build(),
                    ::sdk_runtime::paginate::OffsetPaging {
                        page_len: |page| #page_len,
                        limit: |input| input.#limit_field.map(i64::from),
                        offset: |input| input.#offset_field.map(i64::from),
                        set_offset: |input, offset| {
                            input.#offset_field = ::std::option::Option::Some(#offset_ty::try_from(offset).unwrap_or(#offset_ty::MAX));
                        },
                    },
                )
            };
            (
                pages,
                Some(&**limit),
                Some((vec![items_field.clone()], item.clone())),
            )
        }
    };
    // Only token paging with modeled items caps runs of empty pages.
    let empty_pages_doc = match pagination {
        Pagination::Token { items: Some(_), .. } => quote! {
            ///
            /// After 1,000 consecutive empty pages that each carry a new token the stream yields
            /// a construction-failure error instead of requesting more, and ends.
        },
        _ => TokenStream::new(),
    };
    let page_size_fn = page_size.map(|f| {
        let setter = ident(&f.rust_name);
        let ty = tokens(&f.ty);
        let doc = format!(" Sets the page size (`{}`).", f.member);
        quote! {
            #[doc = #doc]
            pub fn page_size(mut self, limit: #ty) -> Self {
                self.inner = self.inner.#setter(limit);
                self
            }
        }
    });
    let items_name = format_ident!("{}PaginatorItems", op.name);
    let (items_fn, items_struct) = match items {
        Some((path, item)) => {
            let stream = result(tokens(&item));
            let take = take_path(&path);
            let doc = format!(
                " The items of every page of `{}`: [`send`](Self::send) streams them.",
                op.name
            );
            (
                Some(quote! {
                    /// The items of every page instead of the pages.
                    pub fn items(self) -> #items_name {
                        #items_name(self)
                    }
                }),
                Some(quote! {
                    #[doc = #doc]
                    #[derive(Clone, Debug)]
                    pub struct #items_name(#paginator);
                    impl #items_name {
                        /// Streams the items; the stream ends after the last page or after the
                        /// first error.
                        pub fn send(self) -> #stream {
                            self.0.send().items(|page| #take)
                        }
                    }
                }),
            )
        }
        None => (None, None),
    };
    let token_paging = matches!(pagination, Pagination::Token { .. });
    let (dedupe_field, dedupe_init, dedupe_fn) = if token_paging {
        (
            Some(quote!(stop_on_duplicate_token: bool,)),
            Some(quote!(stop_on_duplicate_token: true,)),
            Some(quote! {
                /// Stops when a page's next token was already sent in this pagination (the
                /// default); `false` follows repeated tokens (runs of empty pages stay capped).
                pub fn stop_on_duplicate_token(mut self, stop: bool) -> Self {
                    self.stop_on_duplicate_token = stop;
                    self
                }
            }),
        )
    } else {
        (None, None, None)
    };
    let doc = format!(
        " Pages through `{}`: [`send`](Self::send) streams pages, `items` streams their items.",
        op.name
    );
    quote! {
        /// The paginator of this operation.
        pub mod paginator {
            #[doc = #doc]
            #[derive(Clone, Debug)]
            pub struct #paginator {
                config: ::sdk_runtime::config::ConfigCore,
                inner: super::builders::#input_builder,
                #dedupe_field
            }
            impl #paginator {
                pub(crate) fn new(config: ::sdk_runtime::config::ConfigCore, inner: super::builders::#input_builder) -> Self {
                    Self { config, inner, #dedupe_init }
                }
                #page_size_fn
                #dedupe_fn
                /// Streams the pages; the stream ends after the last page (no next token, a repeated
                /// token, or a short page) or after the first error.
                #empty_pages_doc
                pub fn send(self) -> #page_stream {
                    #pages
                }
                #items_fn
            }
            #items_struct
        }
    }
}

/// Borrows the member at the end of a path of structure members (`Option<&T>`); `Option`
/// members on the way end the path when unset.
fn read_path(path: &[Field]) -> TokenStream {
    if path.is_empty() {
        return quote!(::std::option::Option::None);
    }
    let mut expr = quote!(page);
    for (i, f) in path.iter().enumerate() {
        let field = ident(&f.rust_name);
        let last = i + 1 == path.len();
        expr = match (f.optional, last) {
            (true, true) => quote!(#expr.#field.as_ref()),
            (true, false) => quote!(#expr.#field.as_ref()?),
            (false, true) => quote!(::std::option::Option::Some(&#expr.#field)),
            (false, false) => quote!((&#expr.#field)),
        };
    }
    if path.len() == 1 {
        expr
    } else {
        quote!((|| #expr)())
    }
}

/// Borrows the list at the end of a path of structure members (`Option<&Vec<T>>`).
fn read_list(path: &[Field]) -> TokenStream {
    if path.is_empty() {
        return quote!(::std::option::Option::<&::std::vec::Vec<()>>::None);
    }
    read_path(path)
}

/// Takes the list at the end of a path of structure members out of a page (`Vec<T>`).
fn take_path(path: &[Field]) -> TokenStream {
    let Some((first, rest)) = path.split_first() else {
        return quote!(::std::vec::Vec::new());
    };
    let first_field = ident(&first.rust_name);
    if !first.optional && rest.is_empty() {
        return quote!(page.#first_field);
    }
    let mut expr = if first.optional {
        quote!(page.#first_field)
    } else {
        quote!(::std::option::Option::Some(page.#first_field))
    };
    for f in rest {
        let field = ident(&f.rust_name);
        expr = if f.optional {
            quote!(#expr.and_then(|v| v.#field))
        } else {
            quote!(#expr.map(|v| v.#field))
        };
    }
    quote!(#expr.unwrap_or_default())
}
