//! `mini4d check`: parse files and report every syntax error.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use crate::analysis::{self, Severity};
use crate::commands::{catalog, is_implemented};
use crate::diagnostics::{render, Report, Style};
use crate::syntax::ast::{Block, Expr, ExprKind, SourceFile, Span, StmtKind};
use crate::syntax::project_constants::{self, Loaded};
use crate::syntax::{parse_bytes, MethodNames, SourceMap};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Rendered reports on stderr.
    Human,
    /// One JSON object per diagnostic on stdout:
    /// {"file","line","column","end_line","end_column","severity","code","message"}.
    Json,
    /// One SARIF 2.1.0 log on stdout, for code-scanning services.
    Sarif,
}

/// One diagnostic of a file: a syntax error or a finding of the analysis.
struct Diagnostic {
    severity: Severity,
    code: String,
    span: Span,
    message: String,
    label: String,
    help: Option<String>,
}

/// A SARIF `result` object.
fn sarif_result(
    file: &str,
    d: &Diagnostic,
    (line, column): (usize, usize),
    (end_line, end_column): (usize, usize),
) -> serde_json::Value {
    let mut text = d.message.clone();
    if let Some(h) = &d.help {
        text.push_str(&format!(" ({h})"));
    }
    serde_json::json!({
        "ruleId": d.code,
        "level": d.severity.as_str(),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": file.replace('\\', "/") },
                "region": {
                    "startLine": line,
                    "startColumn": column,
                    "endLine": end_line,
                    "endColumn": end_column.max(column + usize::from(end_line == line))
                }
            }
        }]
    })
}

/// The SARIF 2.1.0 log of a run of `mini4d check`.
fn sarif_log(results: Vec<serde_json::Value>) -> serde_json::Value {
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "mini4d",
                "version": env!("CARGO_PKG_VERSION")
            } },
            "results": results
        }]
    })
}

/// Arguments of `mini4d check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders; folders are searched recursively for `*.4dm`. Methods in the same folder
    /// as a file (and in `Project/Sources/Methods/`) are known by name.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format of the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Count warnings as errors (exit status 2 when there is any).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Only check the syntax (no name resolution or other compiler checks).
    #[arg(long)]
    pub syntax_only: bool,
    /// Also list the commands used in the files that mini4d does not implement yet.
    #[arg(long)]
    pub list_unimplemented: bool,
}

fn is_4dm(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
}

/// Every `.4dm` file under `dir`, sorted, recursively. A folder reached twice (through a
/// symbolic link, or a link loop) is read once.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<String>,
    visited: &mut HashSet<PathBuf>,
) {
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(format!("cannot read folder `{}`: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        // A project's `Resources` folder is data, not code: 4D compiles `Project/Sources` only.
        let resources =
            p.file_name().is_some_and(|n| n == "Resources") && dir.join("Project").is_dir();
        if p.is_dir() && !resources {
            walk(&p, out, problems, visited);
        } else if is_4dm(&p) {
            out.push(p);
        }
    }
}

/// File stems of the `.4dm` files directly in `dir`.
fn method_stems(dir: &Path, names: &mut MethodNames) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if is_4dm(&p) {
                if let Some(stem) = p.file_stem().and_then(|s| s.to_str()) {
                    names.insert(stem);
                }
            }
        }
    }
}

/// The project methods known to a file in `dir`: its sibling files (unless `dir` holds classes)
/// and the methods of the enclosing project (`Project/Sources/Methods/`).
fn methods_for(dir: &Path, constants: &mut ConstantsCache) -> MethodNames {
    let mut names = MethodNames::new();
    names.add_constants(constants.of(dir).constants.iter().cloned());
    let is_classes = dir.file_name().is_some_and(|n| n == "Classes");
    if !is_classes {
        method_stems(dir, &mut names);
    }
    for anc in dir.ancestors() {
        if anc.file_name().is_some_and(|n| n == "Sources")
            && anc.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "Project")
        {
            method_stems(&anc.join("Methods"), &mut names);
            // The shared methods of its components are called by name too.
            for (_, component) in crate::interp::components::find(anc) {
                if let Ok(entries) = std::fs::read_dir(component.join("Methods")) {
                    for p in entries.flatten().map(|e| e.path()) {
                        let stem = p.file_stem().and_then(|s| s.to_str());
                        if let (true, Some(stem)) = (is_4dm(&p), stem) {
                            if crate::interp::components::is_shared_method(&p) {
                                names.insert(stem);
                            }
                        }
                    }
                }
            }
            break;
        }
    }
    names
}

/// The constants of each project met, loaded once per `Resources` folder.
#[derive(Default)]
struct ConstantsCache {
    by_resources: HashMap<PathBuf, Arc<Loaded>>,
}

impl ConstantsCache {
    fn of(&mut self, dir: &Path) -> Arc<Loaded> {
        match project_constants::resources_of(dir) {
            Some(res) => self
                .by_resources
                .entry(res.clone())
                .or_insert_with(|| Arc::new(project_constants::load_resources(&res)))
                .clone(),
            None => Arc::default(),
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Collects the commands used in `file` that are not implemented: (index, span).
fn unimplemented_uses(file: &SourceFile) -> Vec<(u16, Span)> {
    let mut out = Vec::new();
    let mut exprs: Vec<&Expr> = Vec::new();
    let mut blocks: Vec<&Block> = vec![&file.body];
    if let Some(class) = &file.class {
        for f in class.constructor.iter().chain(class.functions.iter()) {
            blocks.push(&f.body);
        }
        for p in &class.properties {
            exprs.extend(p.init.iter());
        }
    }
    while let Some(b) = blocks.pop() {
        for s in b {
            match &s.kind {
                StmtKind::Var { init, .. } => exprs.extend(init.iter()),
                StmtKind::Assign { target, value, .. } => exprs.extend([target, value]),
                StmtKind::Expr(e) => exprs.push(e),
                StmtKind::If { cond, then, otherwise } => {
                    exprs.push(cond);
                    blocks.push(then);
                    blocks.extend(otherwise.iter());
                }
                StmtKind::Case { branches, otherwise } => {
                    for (c, b) in branches {
                        exprs.push(c);
                        blocks.push(b);
                    }
                    blocks.extend(otherwise.iter());
                }
                StmtKind::While { cond, body } => {
                    exprs.push(cond);
                    blocks.push(body);
                }
                StmtKind::Repeat { body, until } => {
                    exprs.push(until);
                    blocks.push(body);
                }
                StmtKind::For { var, start, end, step, body } => {
                    exprs.extend([&**var, &**start, &**end]);
                    exprs.extend(step.iter().map(|e| &**e));
                    blocks.push(body);
                }
                StmtKind::ForEach { item, source, begin, end, cond, body } => {
                    exprs.extend([&**item, &**source]);
                    exprs.extend(begin.iter().chain(end.iter()).map(|e| &**e));
                    exprs.extend(cond.iter().map(|(_, e)| &**e));
                    blocks.push(body);
                }
                StmtKind::Use { target, body } => {
                    exprs.push(target);
                    blocks.push(body);
                }
                StmtKind::Try { body, catch } => {
                    blocks.push(body);
                    blocks.extend(catch.iter());
                }
                StmtKind::Return(e) => exprs.extend(e.iter()),
                StmtKind::MisplacedDeclare(_) | StmtKind::Sql(_) => {}
            }
        }
    }
    while let Some(e) = exprs.pop() {
        match &e.kind {
            ExprKind::Command { index, args, .. } => {
                if !is_implemented(*index) {
                    out.push((*index, e.span));
                }
                exprs.extend(args.iter());
            }
            ExprKind::MethodCall { args, .. } | ExprKind::Collection(args) => {
                exprs.extend(args.iter())
            }
            ExprKind::Call { callee, args } => {
                exprs.push(callee);
                exprs.extend(args.iter());
            }
            ExprKind::ParamIndex(x)
            | ExprKind::Neg(x)
            | ExprKind::Pointer(x)
            | ExprKind::Deref(x)
            | ExprKind::TryExpr(x) => exprs.push(x),
            ExprKind::Member { object, .. } => exprs.push(object),
            ExprKind::Index { object, index } => exprs.extend([&**object, &**index]),
            ExprKind::CharIndex { text, index } => exprs.extend([&**text, &**index]),
            ExprKind::Object(entries) => exprs.extend(entries.iter().map(|(_, v)| v)),
            ExprKind::Binary { left, right, .. } => exprs.extend([&**left, &**right]),
            ExprKind::Ternary { cond, then, otherwise } => {
                exprs.extend([&**cond, &**then, &**otherwise])
            }
            _ => {}
        }
    }
    out.sort_by_key(|(_, s)| (s.start, s.end));
    out
}

/// Where diagnostics go, in the chosen format.
struct Sink<'a, O: Write, E: Write> {
    format: Format,
    style: Style,
    out: &'a mut O,
    err: &'a mut E,
    sarif: &'a mut Vec<serde_json::Value>,
}

impl<O: Write, E: Write> Sink<'_, O, E> {
    fn emit(
        &mut self,
        display: &str,
        source: &Arc<str>,
        map: &SourceMap,
        diagnostics: &[Diagnostic],
    ) {
        for d in diagnostics {
            let (line, column) = map.line_col(d.span.start as usize);
            let (end_line, end_column) = map.line_col(d.span.end as usize);
            match self.format {
                Format::Human => {
                    let mut report = Report::new(display, source.clone(), &d.code, &d.message)
                        .with_label(d.span, d.label.clone());
                    report.help = d.help.clone();
                    report.warning = d.severity == Severity::Warning;
                    let _ = self.err.write_all(render(&report, self.style).as_bytes());
                    let _ = self.err.write_all(b"\n");
                }
                Format::Json => {
                    let obj = serde_json::json!({
                        "file": display,
                        "line": line,
                        "column": column,
                        "end_line": end_line,
                        "end_column": end_column,
                        "severity": d.severity.as_str(),
                        "code": d.code,
                        "message": d.message,
                    });
                    let _ = writeln!(self.out, "{obj}");
                }
                Format::Sarif => self.sarif.push(sarif_result(
                    display,
                    d,
                    (line, column),
                    (end_line, end_column),
                )),
            }
        }
    }
}

pub fn execute(args: &CheckArgs) -> ExitCode {
    let style = Style::detect();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut visited = HashSet::new();
    for p in &args.paths {
        if p.is_dir() {
            walk(p, &mut files, &mut problems, &mut visited);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            problems.push(format!("no such file or folder: `{}`", p.display()));
        }
    }
    // A file named twice (or reached through a link) is checked once.
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr().lock();
    for p in &problems {
        let _ = writeln!(err, "error: {p}");
    }

    let mut method_cache: HashMap<PathBuf, Arc<MethodNames>> = HashMap::new();
    let mut constants = ConstantsCache::default();
    let mut total_errors = 0usize;
    let mut total_warnings = 0usize;
    let mut projects = analysis::Projects::default();
    let mut sarif: Vec<serde_json::Value> = Vec::new();
    let mut checked = 0usize;
    let mut files_with_errors = 0usize;
    let mut unimplemented: Vec<String> = Vec::new();
    let mut distinct_unimplemented = BTreeSet::new();
    for path in &files {
        let display = path.display().to_string();
        let bytes = match crate::interp::project::read_source(path) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "error: cannot read `{display}`: {e}");
                problems.push(display);
                continue;
            }
        };
        checked += 1;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let methods = method_cache
            .entry(dir.clone())
            .or_insert_with(|| Arc::new(methods_for(&dir, &mut constants)))
            .clone();
        let (text, output) = parse_bytes(&bytes, &methods);
        let map = SourceMap::new(&text);
        let mut diagnostics: Vec<Diagnostic> = output
            .errors
            .iter()
            .map(|e| Diagnostic {
                severity: Severity::Error,
                code: format!("syntax::{}", e.code),
                span: e.span,
                message: e.message.clone(),
                label: e.label.clone(),
                help: e.help.clone(),
            })
            .collect();
        // 4D compiles `Project/Sources` only: other code a project keeps (test scripts run by
        // a tool, examples) is checked for its syntax, not against the project's names.
        let compiled = !analysis::model::outside_compiled_sources(path);
        if output.errors.is_empty() && !args.syntax_only && compiled {
            let model = projects.model_for(path);
            diagnostics.extend(
                analysis::check_file(&model, path, &text, &output.file).into_iter().map(|f| {
                    Diagnostic {
                        severity: f.severity,
                        code: format!("check::{}", f.code),
                        span: f.span,
                        message: f.message,
                        label: f.label,
                        help: f.help,
                    }
                }),
            );
        }
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error || args.deny_warnings)
            .count();
        let warnings = diagnostics.len() - errors;
        total_errors += errors;
        total_warnings += warnings;
        if errors > 0 {
            files_with_errors += 1;
        }
        let source: Arc<str> = Arc::from(text.as_str());
        let mut sink =
            Sink { format: args.format, style, out: &mut out, err: &mut err, sarif: &mut sarif };
        sink.emit(&display, &source, &map, &diagnostics);
        if args.list_unimplemented {
            for (index, span) in unimplemented_uses(&output.file) {
                let (line, col) = map.line_col(span.start as usize);
                let (name, number) = match catalog::command(index) {
                    Some(c) => (c.name, c.number.map(|n| format!(":C{n}")).unwrap_or_default()),
                    None => ("?", String::new()),
                };
                distinct_unimplemented.insert(index);
                if args.format == Format::Json {
                    let (end_line, end_column) = map.line_col(span.end as usize);
                    let obj = serde_json::json!({
                        "file": display,
                        "line": line,
                        "column": col,
                        "end_line": end_line,
                        "end_column": end_column,
                        "severity": "note",
                        "code": "unimplemented-command",
                        "message": format!("{name}{number} is not implemented by mini4d"),
                    });
                    let _ = writeln!(out, "{obj}");
                }
                unimplemented.push(format!("{display}:{line}:{col}: {name}{number}"));
            }
        }
    }

    // Errors in the constants files of the projects met (each file once).
    let mut loaded: Vec<(&PathBuf, &Arc<Loaded>)> = constants.by_resources.iter().collect();
    loaded.sort_by_key(|(res, _)| *res);
    let mut bad_files = BTreeSet::new();
    for e in loaded.iter().flat_map(|(_, l)| l.errors.iter()) {
        let display = e.path.display().to_string();
        let d = Diagnostic {
            severity: Severity::Error,
            code: format!("syntax::{}", e.error.code),
            span: e.error.span,
            message: e.error.message.clone(),
            label: e.error.label.clone(),
            help: e.error.help.clone(),
        };
        let mut sink =
            Sink { format: args.format, style, out: &mut out, err: &mut err, sarif: &mut sarif };
        sink.emit(&display, &e.text, &SourceMap::new(&e.text), &[d]);
        total_errors += 1;
        if bad_files.insert(display) {
            files_with_errors += 1;
        }
    }

    if args.list_unimplemented && args.format == Format::Human {
        for u in &unimplemented {
            let _ = writeln!(out, "{u}");
        }
        let _ = writeln!(
            out,
            "{} not implemented by mini4d ({})",
            plural(unimplemented.len(), "use"),
            plural(distinct_unimplemented.len(), "command")
        );
    }
    let mut summary = if !problems.is_empty() {
        let mut text = format!(
            "checked {}: {} could not be read",
            plural(checked, "file"),
            plural(problems.len(), "path")
        );
        if total_errors > 0 {
            text.push_str(&format!(", {}", plural(total_errors, "error")));
        }
        text
    } else if total_errors == 0 {
        format!("checked {}: no errors", plural(checked, "file"))
    } else {
        format!(
            "checked {}: {} in {}",
            plural(checked, "file"),
            plural(total_errors, "error"),
            plural(files_with_errors, "file")
        )
    };
    if total_warnings > 0 {
        summary.push_str(&format!(", {}", plural(total_warnings, "warning")));
    }
    match args.format {
        Format::Human => {
            let _ = writeln!(out, "{summary}");
        }
        Format::Json => {
            let _ = writeln!(err, "{summary}");
        }
        Format::Sarif => {
            let _ = writeln!(out, "{:#}", sarif_log(std::mem::take(&mut sarif)));
            let _ = writeln!(err, "{summary}");
        }
    }
    let _ = out.flush();
    if total_errors > 0 || !problems.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
