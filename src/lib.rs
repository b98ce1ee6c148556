//! mini4d: an interpreter for the language of the 4D platform.
//!
//! Data flows one way: text → tokens ([`syntax::lexer`]) → AST ([`syntax::ast`]) → resolved program
//! ([`resolve`]) → execution ([`interp`]) over the values and processes of [`runtime`].

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod embed;
pub mod interp;
pub mod lsp;
pub mod native;
pub mod outside;
pub mod permissions;
pub mod resolve;
pub mod runtime;
pub mod serve;
pub mod syntax;
