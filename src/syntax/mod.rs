//! The front end: tokens, lexer, grammar glue, AST and source map.

pub mod ast;
