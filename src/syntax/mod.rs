//! The front end: tokens, lexer, grammar glue, AST and source map.
//!
//! ```
//! use mini4d::syntax::{parse, MethodNames};
//! let out = parse("$x:=3+4*5\n", &MethodNames::new());
//! assert!(out.errors.is_empty());
//! ```

pub mod ast;
pub mod builtin_components;
pub mod lexer;
pub mod names;
pub mod parser;
pub mod project_constants;
pub mod scan;
pub mod source_map;
pub mod token;

pub use names::MethodNames;
pub use parser::{decode_source, parse, parse_bytes, ParseOutput, SyntaxError};
pub use source_map::SourceMap;
