//! The code a run can reach: the entry file and the project methods beside it (or in
//! `Project/Sources/Methods/`), parsed lazily on first call and shared by every process.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use parking_lot::{Mutex, RwLock};

use crate::syntax::ast::{SourceFile, Span};
use crate::syntax::project_constants::{self, ConstantsFileError, ProjectConstant};
use crate::syntax::source_map::SourceMap;
use crate::syntax::{self, MethodNames, SyntaxError};

use super::components::{self, Component};

/// One parsed source file.
pub struct SourceEntry {
    /// Path as shown in diagnostics.
    pub display: String,
    /// Method name (file stem) for the call chain.
    pub method: String,
    pub text: Arc<str>,
    pub map: SourceMap,
    pub ast: Arc<SourceFile>,
    pub errors: Vec<SyntaxError>,
    /// The module the code belongs to: 0 for the host project, k for its k-th component.
    pub module: u32,
}

impl SourceEntry {
    pub fn line_of(&self, span: Span) -> u32 {
        self.map.line_col(span.start as usize).0 as u32
    }
}

#[derive(Default)]
pub struct Project {
    /// Method name (lower case) → file, for every `*.4dm` that can be called.
    method_paths: HashMap<String, PathBuf>,
    /// Multi-word method names for the lexer.
    names: MethodNames,
    files: RwLock<Vec<Arc<SourceEntry>>>,
    /// Method name (lower case) → index in `files`, once loaded.
    loaded: Mutex<HashMap<String, u32>>,
    /// Class name (case-sensitive, as the file is named) → class file.
    class_paths: HashMap<String, PathBuf>,
    /// Class name → index in `files`, once loaded.
    loaded_classes: Mutex<HashMap<String, u32>>,
    /// The components (module k is `components[k - 1]`); their methods and classes are in the
    /// maps above under the keys of [`components::key`].
    components: Vec<Component>,
    /// Each component's constants (its own `Resources`), and the names its code is parsed with
    /// (made on first use: the host's methods, the component's constants).
    component_constants: Vec<Vec<Arc<ProjectConstant>>>,
    component_names: Vec<OnceLock<MethodNames>>,
    /// Errors in the constants files of the project and its components.
    constant_errors: Vec<ConstantsFileError>,
}

impl Project {
    /// A project whose methods are the `*.4dm` files in `dirs` (first folder wins on clashes).
    pub fn from_dirs(dirs: &[PathBuf]) -> Project {
        let mut project = Project::default();
        for dir in dirs {
            project.add_dir(dir);
        }
        project
    }

    pub fn add_dir(&mut self, dir: &Path) {
        self.add_module_dir(dir, 0);
        // A project's `Project/Sources/Methods`: its constants and components come with it.
        if self.components.is_empty() && dir.file_name().is_some_and(|n| n == "Methods") {
            if let Some(sources) = dir.parent() {
                let loaded = project_constants::load_project(sources);
                self.names.add_constants(loaded.constants);
                self.constant_errors.extend(loaded.errors);
                for (name, src) in components::find(sources) {
                    self.add_component(name, src);
                }
            }
        }
    }

    fn add_component(&mut self, name: String, sources: PathBuf) {
        let module = self.components.len() as u32 + 1;
        let methods = sources.join("Methods");
        let mut shared = std::collections::HashSet::new();
        if let Ok(entries) = std::fs::read_dir(&methods) {
            for e in entries.flatten() {
                let path = e.path();
                let stem = path.file_stem().and_then(|s| s.to_str()).map(str::to_lowercase);
                if let Some(stem) = stem.filter(|_| components::is_shared_method(&path)) {
                    shared.insert(stem);
                }
            }
        }
        let namespace = components::namespace(&sources);
        let loaded = project_constants::load_project(&sources);
        self.component_constants.push(loaded.constants);
        self.component_names.push(OnceLock::new());
        self.constant_errors.extend(loaded.errors);
        self.components.push(Component { name, namespace, sources: sources.clone(), shared });
        self.add_module_dir(&methods, module);
    }

    /// The components, module 1 first.
    pub fn components(&self) -> &[Component] {
        &self.components
    }

    pub fn has_components(&self) -> bool {
        !self.components.is_empty()
    }

    /// The module of a loaded file (0 for the host, and for code compiled at run time).
    pub fn module_of(&self, file: u32) -> u32 {
        self.files.read().get(file as usize).map_or(0, |f| f.module)
    }

    /// The key of the method `name` as code of `module` calls it: the host sees its own
    /// methods, then the shared methods of the components; a component sees its own methods.
    pub fn method_key(&self, module: u32, name: &str) -> Option<String> {
        let lower = name.to_lowercase();
        if module != 0 {
            let k = components::key(module, &lower);
            return self.has_method(&k).then_some(k);
        }
        if self.has_method(&lower) {
            return Some(lower);
        }
        self.components.iter().enumerate().find_map(|(i, c)| {
            c.shared.contains(&lower).then(|| components::key(i as u32 + 1, &lower))
        })
    }

    /// The key of a method of any module (the host first): for code run by name from another
    /// process, whose caller's module is not known.
    pub fn any_method_key(&self, name: &str) -> Option<String> {
        let lower = name.to_lowercase();
        if self.has_method(&lower) {
            return Some(lower);
        }
        (1..=self.components.len() as u32)
            .map(|m| components::key(m, &lower))
            .find(|k| self.has_method(k))
    }

    /// The name of module `module`'s method `lower` as its file spells it.
    pub fn method_name_written(&self, module: u32, lower: &str) -> Option<String> {
        let path = self.method_paths.get(&components::key(module, lower))?;
        path.file_stem().and_then(|s| s.to_str()).map(str::to_string)
    }

    /// The names of module `module`'s classes, sorted.
    pub fn class_names_in(&self, module: u32) -> Vec<String> {
        let mut names: Vec<String> = self
            .class_names_all()
            .iter()
            .filter_map(|k| {
                let (m, name) = components::split_key(k);
                (m == module).then(|| name.to_string())
            })
            .collect();
        names.sort();
        names
    }

    fn add_module_dir(&mut self, dir: &Path, module: u32) {
        // Classes: `Classes/` beside the methods, or `Project/Sources/Classes/` for
        // `Project/Sources/Methods/`.
        self.add_class_dir_in(&dir.join("Classes"), module);
        if dir.file_name().is_some_and(|n| n == "Methods") {
            if let Some(sources) = dir.parent() {
                self.add_class_dir_in(&sources.join("Classes"), module);
            }
        }
        for path in dot_4dm_paths(dir) {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                let key = components::key(module, &stem.to_lowercase());
                if !self.method_paths.contains_key(&key) {
                    self.names.insert(stem);
                    self.method_paths.insert(key, path.clone());
                }
            }
        }
    }

    /// Registers every `NAME.4dm` of `dir` as class `NAME` (first folder wins on clashes).
    pub fn add_class_dir(&mut self, dir: &Path) {
        self.add_class_dir_in(dir, 0)
    }

    fn add_class_dir_in(&mut self, dir: &Path, module: u32) {
        for path in dot_4dm_paths(dir) {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                self.class_paths.entry(components::key(module, stem)).or_insert(path.clone());
            }
        }
    }

    /// Whether user class `name` exists (case-sensitive).
    pub fn has_class(&self, name: &str) -> bool {
        self.class_paths.contains_key(name) || self.loaded_classes.lock().contains_key(name)
    }

    /// The names of the host project's user classes, sorted.
    pub fn class_names(&self) -> Vec<String> {
        self.class_names_in(0)
    }

    fn class_names_all(&self) -> Vec<String> {
        let mut names: Vec<String> = self.class_paths.keys().cloned().collect();
        for k in self.loaded_classes.lock().keys() {
            if !self.class_paths.contains_key(k) {
                names.push(k.clone());
            }
        }
        names.sort();
        names
    }

    /// The file of user class `name`, parsed on first request.
    pub fn load_class(&self, name: &str) -> Result<Option<u32>, String> {
        let mut loaded = self.loaded_classes.lock();
        if let Some(&i) = loaded.get(name) {
            return Ok(Some(i));
        }
        let Some(path) = self.class_paths.get(name) else { return Ok(None) };
        let bytes =
            read_source(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let (module, plain) = components::split_key(name);
        let index = self.add_source_in(module, &path.display().to_string(), plain, &bytes);
        loaded.insert(name.to_string(), index);
        Ok(Some(index))
    }

    /// Registers an already-loaded file as the code of class `name`.
    pub fn register_class(&self, name: &str, index: u32) {
        self.loaded_classes.lock().insert(name.to_string(), index);
    }

    pub fn method_names(&self) -> &MethodNames {
        &self.names
    }

    /// The names code of `module` is parsed with: resources are partitioned, so a component
    /// sees its own constants only (docs Extensions/develop-components.md, "Use of resources").
    fn names_of(&self, module: u32) -> &MethodNames {
        let k = module.wrapping_sub(1) as usize;
        match (self.component_names.get(k), self.component_constants.get(k)) {
            (Some(cell), Some(constants)) => cell.get_or_init(|| {
                let mut names = self.names.clone();
                names.set_constants(constants.iter().cloned());
                names
            }),
            _ => &self.names,
        }
    }

    /// Errors found in the constants files of the project and its components.
    pub fn constant_errors(&self) -> &[ConstantsFileError] {
        &self.constant_errors
    }

    /// The project method names as their files spell them.
    pub fn method_names_as_written(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .method_paths
            .iter()
            .filter(|(k, _)| !k.starts_with('\u{1}'))
            .map(|(_, p)| p)
            .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
            .collect();
        names.sort();
        names
    }

    pub fn has_method(&self, name: &str) -> bool {
        let key = name.to_lowercase();
        self.method_paths.contains_key(&key) || self.loaded.lock().contains_key(&key)
    }

    /// Parses and registers a source text; returns its file index.
    pub fn add_source(&self, display: &str, method: &str, bytes: &[u8]) -> u32 {
        self.add_source_in(0, display, method, bytes)
    }

    /// [`Project::add_source`] for the code of a module (0: the host, k: a component).
    pub fn add_source_in(&self, module: u32, display: &str, method: &str, bytes: &[u8]) -> u32 {
        let (text, out) = syntax::parse_bytes(bytes, self.names_of(module));
        let errors = out.errors;
        let map = SourceMap::new(&text);
        let entry = SourceEntry {
            display: display.to_string(),
            method: method.to_string(),
            text: Arc::from(text.as_str()),
            map,
            ast: Arc::new(out.file),
            errors,
            module,
        };
        let mut files = self.files.write();
        files.push(Arc::new(entry));
        (files.len() - 1) as u32
    }

    pub fn file(&self, index: u32) -> Option<Arc<SourceEntry>> {
        self.files.read().get(index as usize).cloned()
    }

    /// The file of project method `name`, parsed on first request. `Err` carries an I/O
    /// message when the file exists but cannot be read.
    pub fn load_method(&self, name: &str) -> Result<Option<u32>, String> {
        let key = name.to_lowercase();
        let mut loaded = self.loaded.lock();
        if let Some(&i) = loaded.get(&key) {
            return Ok(Some(i));
        }
        let Some(path) = self.method_paths.get(&key) else { return Ok(None) };
        let bytes =
            read_source(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(name);
        let module = components::split_key(&key).0;
        let index = self.add_source_in(module, &path.display().to_string(), stem, &bytes);
        loaded.insert(key, index);
        Ok(Some(index))
    }

    /// Registers an already-loaded file as the code of method `name`.
    pub fn register_method(&self, name: &str, index: u32) {
        self.loaded.lock().insert(name.to_lowercase(), index);
    }
}

/// Largest method file read: a 4D method is far smaller, and an endless input (`/dev/zero`)
/// must fail at once rather than fill the memory.
pub const MAX_SOURCE_BYTES: u64 = 64 << 20;

/// Reads a method file, refusing what is not a file or is larger than [`MAX_SOURCE_BYTES`].
pub fn read_source(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::other("it is a folder"));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_SOURCE_BYTES) as usize);
    file.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(std::io::Error::other(format!(
            "more than {} MB: not a 4D method file",
            MAX_SOURCE_BYTES >> 20
        )));
    }
    Ok(bytes)
}

/// The `.4dm` files of `dir`, sorted. Other entries are dropped before anything is allocated or
/// sorted: a one-file `mini4d run` lists its folder, which may hold thousands of other files.
fn dot_4dm_paths(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.as_encoded_bytes();
            name.len() > 4 && name[name.len() - 4..].eq_ignore_ascii_case(b".4dm")
        })
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
}
