//! Model-driven Rust SDK generator: Smithy JSON AST model files in, client crate files out.
//!
//! Data flows one way: [`model`] (load, merge, validate) -> [`ir`] (resolved service, every Rust
//! name decided) -> [`render`] (token streams and text files). Nothing here touches the file system
//! except the model loader reading its inputs.

pub mod model;
