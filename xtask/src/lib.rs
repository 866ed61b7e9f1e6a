//! Workspace automation behind `cargo xtask` (see `main.rs` for the commands).

pub mod aws_sdk_programs;
pub mod bench;
pub mod codegen;
pub mod conformance;
pub mod corpus;
pub mod fuzz;
pub mod import;
pub mod reference;
pub mod stats;
