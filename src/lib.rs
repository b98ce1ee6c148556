//! mini4d: an interpreter for the language of the 4D platform.
//!
//! Data flows one way: text → tokens ([`syntax::lexer`]) → AST ([`syntax::ast`]) → resolved program
//! → execution, over the values and processes of the run time.
//!
//! A Rust program embeds mini4d through [`embed`] (a [`embed::Runtime`] over a folder of methods,
//! its sessions, [`embed::Options`]); [`syntax`] parses 4D code, [`analysis`] checks a project as
//! 4D's compiler does, [`permissions`] is the gate through which scripts reach files, programs,
//! the network and the environment, and `serve` (feature `serve`) is the web server. Build with
//! `default-features = false` to leave out the command line's crates (see the `examples/embed.rs`
//! host).

// Without the command line or the server, the code only they call (the REPL's snippets, web
// requests) is unused; the default build still reports dead code.
#![cfg_attr(not(all(feature = "cli", feature = "serve")), allow(dead_code, unused_imports))]

pub mod analysis;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
pub(crate) mod commands;
pub(crate) mod diagnostics;
pub mod embed;
pub(crate) mod interp;
/// `mini4d lsp` (its integration tests drive it directly).
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod lsp;
pub(crate) mod native;
pub(crate) mod outside;
pub mod permissions;
pub(crate) mod resolve;
pub(crate) mod runtime;
pub mod serve;
pub mod syntax;

/// The counting allocator behind `--max-memory`: opt-in for a host (see [`memory::CountingAlloc`]).
pub use runtime::memory;
