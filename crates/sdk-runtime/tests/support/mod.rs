//! Shared test support: a scripted HTTP server and a hand-written "generated" client module.
#![allow(dead_code)]

pub mod server;
pub mod widgets;
