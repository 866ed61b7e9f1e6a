//! Workspace automation behind `cargo xtask` (see `main.rs` for the commands).

pub mod codegen;
pub mod import;
pub mod reference;
