//! `into_paginator()` on the fluent builders of paginated operations.

use proc_macro2::TokenStream;

use crate::ir::Operation;

pub fn into_paginator(_op: &Operation) -> TokenStream {
    TokenStream::new()
}
