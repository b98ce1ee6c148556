//! The front end: tokens, lexer, grammar glue, AST and source map.
//! (interim stubs until the front end lands; same API)

pub mod ast;
pub mod source_map;

#[derive(Default, Clone)]
pub struct MethodNames(std::collections::HashSet<String>);

impl MethodNames {
    pub fn new() -> MethodNames {
        MethodNames::default()
    }
    pub fn insert(&mut self, name: &str) {
        self.0.insert(name.to_lowercase());
    }
}

#[derive(Clone, Debug)]
pub struct SyntaxError {
    pub span: ast::Span,
    pub code: &'static str,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

pub struct ParseOutput {
    pub file: ast::SourceFile,
    pub errors: Vec<SyntaxError>,
}

pub fn parse(_source: &str, _methods: &MethodNames) -> ParseOutput {
    ParseOutput { file: ast::SourceFile { declare: None, body: Vec::new(), class: None }, errors: Vec::new() }
}

pub fn decode_source(bytes: &[u8]) -> (String, Vec<SyntaxError>) {
    (String::from_utf8_lossy(bytes).into_owned(), Vec::new())
}
