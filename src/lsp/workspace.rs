//! The projects the server knows, their files (as on disk, or as the editor has them), and the
//! analysis of each file: syntax errors, checker findings, and the last syntax tree that parsed.
//!
//! A project is loaded whole when one of its files is first opened (or at start for the
//! workspace folder); after that each edit re-parses one file, re-checks it, and re-checks the
//! files that use it when what it declares (its signature, a class's functions) changed.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::model::{self, ProjectModel, Role};
use crate::analysis::{self, Finding};
use crate::syntax::ast::SourceFile;
use crate::syntax::lexer::Lexer;
use crate::syntax::token::Tok;
use crate::syntax::{parse_bytes, MethodNames, SyntaxError};

use super::protocol::LineIndex;

/// Files larger than this are not analysed (their diagnostic says so).
pub const MAX_ANALYSED: usize = 16 << 20;

/// A text and the syntax tree it parsed to.
pub struct Parsed {
    pub text: String,
    pub lines: LineIndex,
    pub file: SourceFile,
}

/// One `.4dm` file of a project.
pub struct FileState {
    pub text: String,
    pub lines: LineIndex,
    /// Whether the editor has it open (its text then comes from the editor).
    pub open: bool,
    pub syntax_errors: Vec<SyntaxError>,
    pub findings: Vec<Finding>,
    /// The last text without syntax errors, and its tree: navigation uses it while the
    /// current text does not parse.
    pub good: Option<Arc<Parsed>>,
    /// Whether `good` is the current text.
    pub good_is_current: bool,
    /// Names the file mentions (lowercase): who to re-check when a method or class changes.
    /// Bare names and method calls (a method is used only this way).
    pub mentions: HashSet<String>,
    /// Property names (`cs.Name`, `.function()`): a class is also used this way.
    pub properties: HashSet<String>,
    pub too_large: bool,
}

impl FileState {
    fn new(text: String) -> FileState {
        FileState {
            lines: LineIndex::new(&text),
            text,
            open: false,
            syntax_errors: Vec::new(),
            findings: Vec::new(),
            good: None,
            good_is_current: false,
            mentions: HashSet::new(),
            properties: HashSet::new(),
            too_large: false,
        }
    }
}

/// A 4D project (the folder holding `Project/`) or a loose folder of methods.
pub struct Project {
    pub root: PathBuf,
    pub model: ProjectModel,
    pub names: MethodNames,
    pub files: BTreeMap<PathBuf, FileState>,
    /// The components the project loads (`Components/`, `dependencies.json`), in the
    /// interpreter's order: what navigation reaches beyond the project's own files.
    pub components: Vec<ComponentFiles>,
}

/// A component's methods and classes, parsed for navigation and for what the host may use of
/// them (its shared methods, the classes of its namespace); never checked nor published here:
/// opened in the editor, a component file is a file of its own project.
pub struct ComponentFiles {
    pub name: String,
    /// `cs.<namespace>` in the host.
    pub namespace: Option<String>,
    /// Its shared methods (lower case).
    pub shared: HashSet<String>,
    pub files: BTreeMap<PathBuf, FileState>,
}

/// The names of the project methods among `paths` (for parsing calls to them).
fn method_names(paths: &[PathBuf]) -> MethodNames {
    let mut names = MethodNames::new();
    for p in paths {
        let (role, name) = file_role(p);
        if role == Role::Method {
            names.insert(&name);
        }
    }
    names
}

impl ComponentFiles {
    /// Reads and parses a component's `Methods/` and `Classes/`.
    fn load(c: &crate::interp::components::Component) -> ComponentFiles {
        let mut paths = Vec::new();
        for dir in ["Methods", "Classes"] {
            if let Ok(entries) = std::fs::read_dir(c.sources.join(dir)) {
                paths.extend(entries.flatten().map(|e| e.path()).filter(|p| is_4dm(p)));
            }
        }
        paths.sort();
        let mut names = method_names(&paths);
        names.add_constants(crate::syntax::project_constants::load_project(&c.sources).constants);
        let mut files = BTreeMap::new();
        for p in paths {
            let Ok(bytes) = crate::interp::project::read_source(&p) else { continue };
            let mut state = FileState::new(crate::syntax::decode_source(&bytes).0);
            parse_state(&mut state, &names);
            files.insert(p, state);
        }
        ComponentFiles {
            name: c.name.clone(),
            namespace: c.namespace.clone(),
            shared: c.shared.clone(),
            files,
        }
    }

    fn is_shared(&self, path: &Path) -> bool {
        let (role, stem) = file_role(path);
        role == Role::Method && self.shared.contains(&stem.to_lowercase())
    }

    /// The class file named `name` and its last good tree.
    fn class_file(&self, name: &str) -> Option<(&Path, Arc<Parsed>)> {
        find_class(&self.files, name)
    }
}

/// The name of the class `extends` names in the code of class `class`: a component's class
/// (`ns.X`) extends a class of the same component.
pub fn parent_class(class: &str, extends: &str) -> String {
    match class.split_once('.') {
        Some((ns, _)) if !extends.contains('.') => format!("{ns}.{extends}"),
        _ => extends.to_string(),
    }
}

/// The class file named `name` (case-insensitive) among `files`, and its last good tree.
fn find_class<'a>(
    files: &'a BTreeMap<PathBuf, FileState>,
    name: &str,
) -> Option<(&'a Path, Arc<Parsed>)> {
    files.iter().find_map(|(p, s)| {
        let (role, stem) = file_role(p);
        (role == Role::Class && stem.eq_ignore_ascii_case(name))
            .then(|| s.good.clone().map(|g| (p.as_path(), g)))
            .flatten()
    })
}

/// Parses a file's current text (syntax errors, mentions, and the tree when it parses).
fn parse_state(state: &mut FileState, names: &MethodNames) {
    state.too_large = state.text.len() > MAX_ANALYSED;
    state.findings.clear();
    if state.too_large {
        state.syntax_errors.clear();
        state.good_is_current = false;
        return;
    }
    let (text, out) = parse_bytes(state.text.as_bytes(), names);
    (state.mentions, state.properties) = mentions(&text, names);
    state.syntax_errors = out.errors;
    state.good_is_current = state.syntax_errors.is_empty();
    if state.good_is_current {
        let lines = state.lines.clone();
        state.good = Some(Arc::new(Parsed { text, lines, file: out.file }));
    }
}

/// The name a file is known by (its stem), and its role.
pub fn file_role(path: &Path) -> (Role, String) {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
    (model::role_of(path), stem)
}

fn is_4dm(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() && depth < 16 {
            walk(&p, out, depth + 1);
        } else if kind.is_file() && is_4dm(&p) {
            out.push(p);
        }
    }
}

/// The folder whose project holds `file`: the project root, or a loose folder.
pub fn root_of(file: &Path) -> PathBuf {
    if let Some(root) = model::project_root(file) {
        return root;
    }
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    if dir.file_name().is_some_and(|n| n == "Classes") {
        dir.parent().map(Path::to_path_buf).unwrap_or(dir)
    } else {
        dir
    }
}

impl Project {
    /// Reads and analyses every file of the project at `root`; `open` gives the editor's text of
    /// files it has open.
    pub fn load(root: &Path, open: &dyn Fn(&Path) -> Option<String>) -> Project {
        let sources = root.join("Project/Sources");
        let mut paths = Vec::new();
        let mut model = ProjectModel::default();
        let mut components = Vec::new();
        let mut constants = Vec::new();
        if sources.is_dir() {
            walk(&sources, &mut paths, 0);
            model.namespace = model::namespace_of(root);
            // The same components and constants, found the same way, as `mini4d run` loads.
            let run = crate::interp::project::Project::from_dirs(&[sources.join("Methods")]);
            components = run.components().iter().map(ComponentFiles::load).collect();
            constants = run.method_names().constants().to_vec();
        } else {
            for dir in [root.to_path_buf(), root.join("Classes")] {
                if let Ok(entries) = std::fs::read_dir(&dir) {
                    paths.extend(entries.flatten().map(|e| e.path()).filter(|p| is_4dm(p)));
                }
            }
        }
        paths.sort();
        let mut names = method_names(&paths);
        names.add_constants(constants);
        // The host's code calls the components' shared methods by name (as `mini4d run` parses it).
        for c in &components {
            for p in c.files.keys().filter(|p| c.is_shared(p)) {
                names.insert(&file_role(p).1);
            }
        }
        if sources.is_dir() {
            // The components' namespaces (`cs.<ns>.X`) and shared methods, as `mini4d check`
            // sees them; the host's own methods, declared below, win over shared ones.
            analysis::add_components(&mut model, root, &names, 0);
        }
        let mut project =
            Project { root: root.to_path_buf(), model, names, files: BTreeMap::new(), components };
        for p in paths {
            let text = match open(&p) {
                Some(t) => t,
                None => match crate::interp::project::read_source(&p) {
                    Ok(bytes) => crate::syntax::decode_source(&bytes).0,
                    Err(_) => continue,
                },
            };
            let mut state = FileState::new(text);
            state.open = open(&p).is_some();
            project.parse(&mut state);
            project.files.insert(p, state);
        }
        let paths: Vec<PathBuf> = project.files.keys().cloned().collect();
        for p in &paths {
            project.declare(p);
        }
        project.declare_components();
        for p in &paths {
            project.check(p);
        }
        project
    }

    /// Parses a file's current text (syntax errors, mentions, and the tree when it parses).
    fn parse(&self, state: &mut FileState) {
        parse_state(state, &self.names);
    }

    /// Enters what the components give the host in the model: their shared methods, unless a
    /// host method has the same name (as `mini4d check` does).
    fn declare_components(&mut self) {
        for c in &self.components {
            for (p, state) in c.files.iter().filter(|(p, _)| c.is_shared(p)) {
                let name = file_role(p).1;
                if self.model.method(&name).is_some() {
                    continue;
                }
                match &state.good {
                    Some(g) => self.model.add(Role::Method, &name, &g.file, &g.text, false),
                    None => self.model.add(Role::Method, &name, &empty_file(), "", true),
                }
            }
        }
    }

    /// Enters what the file declares (from its last good tree) in the model. Returns whether
    /// that changed anything.
    fn declare(&mut self, path: &Path) -> bool {
        let (role, name) = file_role(path);
        let Some(state) = self.files.get(path) else { return false };
        let key = name.to_lowercase();
        match role {
            Role::Method => {
                let before = self.model.methods.get(&key).cloned();
                match &state.good {
                    Some(g) => self.model.add(role, &name, &g.file, &g.text, false),
                    // Never parsed: known by name, any call accepted.
                    None => self.model.add(role, &name, &empty_file(), "", true),
                }
                before.as_ref() != self.model.methods.get(&key)
            }
            Role::Class => {
                let before = self.model.classes.get(&key).cloned();
                match &state.good {
                    Some(g) => self.model.add(role, &name, &g.file, &g.text, false),
                    None => self.model.add(role, &name, &empty_file(), "", true),
                }
                before.as_ref() != self.model.classes.get(&key)
            }
            Role::Other => false,
        }
    }

    /// Runs the checker on a file whose current text parses.
    fn check(&mut self, path: &Path) {
        let Some(state) = self.files.get(path) else { return };
        let findings = match (&state.good, state.good_is_current) {
            (Some(g), true) => analysis::check_file(&self.model, path, &g.text, &g.file),
            _ => Vec::new(),
        };
        if let Some(state) = self.files.get_mut(path) {
            state.findings = findings;
        }
    }

    /// Replaces a file's text (an edit, an open, a save) and checks it. Returns whether what it
    /// declares changed: then [`Project::recheck_users_of`] re-checks the files using it.
    pub fn update(&mut self, path: &Path, text: String, open: bool) -> bool {
        let new_file = !self.files.contains_key(path);
        let mut state = self.files.remove(path).unwrap_or_else(|| FileState::new(String::new()));
        state.lines = LineIndex::new(&text);
        state.text = text;
        state.open = open;
        let (role, name) = file_role(path);
        if new_file && role == Role::Method {
            self.names.insert(&name);
        }
        self.parse(&mut state);
        self.files.insert(path.to_path_buf(), state);
        let changed = self.declare(path);
        self.check(path);
        changed || new_file
    }

    /// Re-checks the files that use the method or class defined by `path`; returns them.
    pub fn recheck_users_of(&mut self, path: &Path) -> Vec<PathBuf> {
        let (role, name) = file_role(path);
        self.recheck_users(&name, role)
    }

    /// Forgets a deleted file. Returns the files whose diagnostics may have changed.
    pub fn remove(&mut self, path: &Path) -> Vec<PathBuf> {
        if self.files.remove(path).is_none() {
            return Vec::new();
        }
        let (role, name) = file_role(path);
        let key = name.to_lowercase();
        match role {
            Role::Method => {
                self.model.methods.remove(&key);
            }
            Role::Class => {
                self.model.classes.remove(&key);
            }
            Role::Other => return Vec::new(),
        }
        self.recheck_users(&name, role)
    }

    /// Re-checks the files that mention `name` (and, for a class, the classes extending it).
    fn recheck_users(&mut self, name: &str, role: Role) -> Vec<PathBuf> {
        let mut wanted: HashSet<String> = HashSet::from([name.to_lowercase()]);
        if role == Role::Class {
            // Subclasses inherit the functions: their users are affected too.
            loop {
                let before = wanted.len();
                for c in self.model.classes.values() {
                    if c.extends.as_ref().is_some_and(|e| wanted.contains(&e.to_lowercase())) {
                        wanted.insert(c.name.to_lowercase());
                    }
                }
                if wanted.len() == before {
                    break;
                }
            }
        }
        let users: Vec<PathBuf> = self
            .files
            .iter()
            .filter(|(_, s)| {
                s.good_is_current
                    && (s.mentions.iter().any(|m| wanted.contains(m))
                        || role == Role::Class && s.properties.iter().any(|m| wanted.contains(m)))
            })
            .map(|(p, _)| p.clone())
            .collect();
        for p in &users {
            self.check(p);
        }
        users
    }

    /// The class file named `name` (case-insensitive) and its last good tree: a class of the
    /// project, or `ns.X` for class `X` of the component whose namespace is `ns` (as
    /// `cs.ns.X` names it).
    pub fn class_file(&self, name: &str) -> Option<(&Path, Arc<Parsed>)> {
        match name.split_once('.') {
            Some((ns, class)) => self.component(ns)?.class_file(class),
            None => find_class(&self.files, name),
        }
    }

    /// The component whose namespace is `ns` (case-insensitive).
    pub fn component(&self, ns: &str) -> Option<&ComponentFiles> {
        self.components
            .iter()
            .find(|c| c.namespace.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(ns)))
    }

    /// The component holding file `path`, if any.
    pub fn component_of(&self, path: &Path) -> Option<&ComponentFiles> {
        self.components.iter().find(|c| c.files.contains_key(path))
    }

    /// Whether `name` is the namespace of one of the components (`cs.<name>.X`).
    pub fn is_component_namespace(&self, name: &str) -> bool {
        self.component(name).is_some()
    }

    /// The method file named `name` (case-insensitive): the project's, else a component's
    /// shared method (what a call by that name runs).
    pub fn method_file(&self, name: &str) -> Option<(&Path, &FileState)> {
        let named = |p: &&PathBuf| {
            let (role, stem) = file_role(p);
            role == Role::Method && stem.eq_ignore_ascii_case(name)
        };
        if let Some((p, s)) = self.files.iter().find(|(p, _)| named(p)) {
            return Some((p.as_path(), s));
        }
        self.components.iter().find_map(|c| {
            c.files.iter().find(|(p, _)| named(p) && c.is_shared(p)).map(|(p, s)| (p.as_path(), s))
        })
    }
}

fn empty_file() -> SourceFile {
    SourceFile { declare: None, body: Vec::new(), class: None }
}

/// The lowercase names a text mentions: (methods and bare names, property names).
fn mentions(text: &str, names: &MethodNames) -> (HashSet<String>, HashSet<String>) {
    let (mut bare, mut properties) = (HashSet::new(), HashSet::new());
    for (_, tok, _) in Lexer::new(text, names).flatten() {
        match tok {
            Tok::Method(n) | Tok::Name(n) => {
                bare.insert(n.to_lowercase());
            }
            Tok::PropName(n) => {
                properties.insert(n.to_lowercase());
            }
            _ => {}
        }
    }
    (bare, properties)
}

/// Every project the server has loaded.
#[derive(Default)]
pub struct Workspace {
    pub projects: Vec<Project>,
}

impl Workspace {
    /// The project holding `file`, if loaded.
    pub fn project_of(&self, file: &Path) -> Option<&Project> {
        let root = root_of(file);
        self.projects.iter().find(|p| p.root == root)
    }

    pub fn project_of_mut(&mut self, file: &Path) -> Option<&mut Project> {
        let root = root_of(file);
        self.projects.iter_mut().find(|p| p.root == root)
    }

    /// Loads the project at `root` unless it is loaded. Returns whether it was loaded now.
    pub fn ensure_loaded(&mut self, root: &Path, open: &dyn Fn(&Path) -> Option<String>) -> bool {
        if self.projects.iter().any(|p| p.root == root) {
            return false;
        }
        self.projects.push(Project::load(root, open));
        true
    }

    /// The file's state, if the file belongs to a loaded project.
    pub fn file(&self, path: &Path) -> Option<(&Project, &FileState)> {
        let project = self.project_of(path)?;
        Some((project, project.files.get(path)?))
    }
}
