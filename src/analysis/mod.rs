//! Static analysis of a whole project, as 4D's compiler does it: every name resolved, and the
//! mistakes the compiler rejects (errors) or points out (warnings) reported before anything runs.
//! `mini4d check` shows them; `mini4d run` uses the same name lookup for its hints.
//!
//! Like the compiler, the analysis first collects what the project declares (its methods with
//! their `#DECLARE`, its classes with their functions: [`model`]), then checks each file against
//! it ([`checks`]).

pub mod checks;
pub mod model;
pub mod navigate;
pub mod suggest;
pub mod variables;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::syntax::ast::{SourceFile, Span};
use crate::syntax::{parse_bytes, MethodNames};
use model::{ProjectModel, Role};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One thing the analysis found in a file.
#[derive(Clone, Debug)]
pub struct Finding {
    pub severity: Severity,
    /// Kebab-case kind, e.g. `unknown-method` (shown as `check::unknown-method`).
    pub code: &'static str,
    pub span: Span,
    pub message: String,
    /// Text under the span (may be empty).
    pub label: String,
    pub help: Option<String>,
}

/// The projects met while checking files: one model per project root (or loose folder).
#[derive(Default)]
pub struct Projects {
    models: HashMap<PathBuf, Arc<ProjectModel>>,
}

impl Projects {
    /// The model of the project (or loose folder) that holds `file`.
    pub fn model_for(&mut self, file: &Path) -> Arc<ProjectModel> {
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let key = model::project_root(file).unwrap_or_else(|| loose_root(&dir));
        self.models.entry(key.clone()).or_insert_with(|| Arc::new(load(&key, 0))).clone()
    }
}

/// The folder a loose file's project is made of: its own folder, or the parent of `Classes/`.
fn loose_root(dir: &Path) -> PathBuf {
    if dir.file_name().is_some_and(|n| n == "Classes") {
        dir.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        dir.to_path_buf()
    }
}

fn dot_4dm_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm")))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// How deep components of components are read (a component's own components are read, theirs
/// are not: they are only seen as "unresolved").
const MAX_COMPONENT_DEPTH: usize = 2;

/// Reads the methods and classes of the project whose root (or loose folder) is `root`;
/// `depth` is 0 for the project checked, 1 for its components…
fn load(root: &Path, depth: usize) -> ProjectModel {
    let mut m = ProjectModel::default();
    let sources = root.join("Project/Sources");
    let (methods_dir, classes_dir) = if sources.is_dir() {
        m.namespace = model::namespace_of(root);
        m.all_typed = model::all_variables_typed(root);
        (sources.join("Methods"), sources.join("Classes"))
    } else {
        (root.to_path_buf(), root.join("Classes"))
    };
    let method_files = dot_4dm_files(&methods_dir);
    let mut names = MethodNames::new();
    for p in &method_files {
        if let Some(stem) = p.file_stem().and_then(|s| s.to_str()) {
            names.insert(stem);
        }
    }
    // The project's own constants (its `Resources` XLIFF files) lex as constants.
    names.add_constants(crate::syntax::project_constants::load_project(&sources).constants);
    for (dir_files, role) in
        [(method_files, Role::Method), (dot_4dm_files(&classes_dir), Role::Class)]
    {
        for p in dir_files {
            let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else { continue };
            let Ok(bytes) = crate::interp::project::read_source(&p) else { continue };
            let (text, out) = parse_bytes(&bytes, &names);
            m.add(role, stem, &out.file, &text, !out.errors.is_empty());
        }
    }
    if sources.is_dir() {
        add_components(&mut m, root, &names, depth);
    }
    // Database, form, object and trigger methods, and the forms themselves, define variables.
    if sources.is_dir() {
        let mut others = Vec::new();
        other_sources(&sources, &mut others, 0);
        for p in others {
            let Ok(bytes) = crate::interp::project::read_source(&p) else { continue };
            if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm")) {
                let (text, out) = parse_bytes(&bytes, &names);
                m.add(Role::Other, "", &out.file, &text, !out.errors.is_empty());
            } else {
                m.variables.add_words(&String::from_utf8_lossy(&bytes));
            }
        }
    }
    m
}

/// Adds what the components of the project at `root` give it, as the run loads them
/// ([`crate::interp::components`]): their shared methods (a project method of the same name
/// wins), and the classes of each one with a namespace as `cs.<namespace>.X`. When a component
/// the project names cannot be read here (a compiled `.4DZ`, a GitHub dependency not
/// downloaded), `has_components` tells the checks that some names are not visible.
/// `names` are the project's method names (for parsing). Used by `check` and the LSP.
pub fn add_components(m: &mut ProjectModel, root: &Path, names: &MethodNames, depth: usize) {
    let sources = root.join("Project/Sources");
    let found = crate::interp::components::find(&sources);
    m.has_components = model::uses_components(root) && !all_components_found(root, &found);
    for (_, component) in &found {
        if depth < MAX_COMPONENT_DEPTH {
            if let (Some(ns), Some(component_root)) = (
                crate::interp::components::namespace(component),
                component.parent().and_then(Path::parent),
            ) {
                let sub = load(component_root, depth + 1);
                m.components.entry(ns.to_lowercase()).or_insert_with(|| Arc::new(sub));
            }
        }
    }
    if depth > 0 {
        return;
    }
    for (_, component) in found {
        for p in dot_4dm_files(&component.join("Methods")) {
            let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else { continue };
            if m.method(stem).is_some() || !crate::interp::components::is_shared_method(&p) {
                continue;
            }
            let Ok(bytes) = crate::interp::project::read_source(&p) else { continue };
            let (text, out) = parse_bytes(&bytes, names);
            m.add(Role::Method, stem, &out.file, &text, !out.errors.is_empty());
        }
    }
}

/// Whether every component the project names (a `Components/` entry, a `dependencies.json`
/// entry) is among those `found` with their sources.
fn all_components_found(root: &Path, found: &[(String, PathBuf)]) -> bool {
    let has = |name: &str| found.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    if root.join("Project/Components").is_dir() {
        return false;
    }
    if let Ok(entries) = std::fs::read_dir(root.join("Components")) {
        for e in entries.flatten() {
            let file = e.file_name().to_string_lossy().into_owned();
            if file.starts_with('.') {
                continue;
            }
            match file.strip_suffix(".4dbase") {
                Some(name) if has(name) => {}
                _ => return false,
            }
        }
    }
    let deps = root.join("Project/Sources/dependencies.json");
    if let Ok(bytes) = crate::interp::project::read_source(&deps) {
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(&bytes) else { return false };
        if let Some(d) = v.get("dependencies").and_then(|d| d.as_object()) {
            if d.keys().any(|k| !has(k)) {
                return false;
            }
        }
    }
    true
}

/// The `.4dm` files outside `Methods/` and `Classes/`, and the `.4DForm` files, under `dir`.
fn other_sources(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let Ok(kind) = e.file_type() else { continue };
        let p = e.path();
        if kind.is_dir() && depth < 8 {
            let top = depth == 0 && p.file_name().is_some_and(|n| n == "Methods" || n == "Classes");
            if !top {
                other_sources(&p, out, depth + 1);
            }
        } else if kind.is_file()
            && p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("4dm") || e.eq_ignore_ascii_case("4DForm"))
        {
            out.push(p);
        }
    }
}

/// Checks one parsed file (without syntax errors) of the project described by `model`.
pub fn check_file(
    model: &ProjectModel,
    path: &Path,
    text: &str,
    file: &SourceFile,
) -> Vec<Finding> {
    let role = model::role_of(path);
    let class_name = match role {
        Role::Class => path.file_stem().and_then(|s| s.to_str()),
        _ => None,
    };
    let mut checker = checks::Checker::new(model, text);
    checker.file(file, class_name);
    checker.results(file);
    let mut findings = checker.findings;
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    findings
}

/// The names of the project methods known to a file at `path` (for the parser).
pub fn method_names_for(model: &ProjectModel) -> MethodNames {
    let mut names = MethodNames::new();
    for n in model.method_names() {
        names.insert(n);
    }
    names
}
