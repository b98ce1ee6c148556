//! What the compiler knows about a project before it looks inside any method: its project
//! methods and classes with their declared parameters and results, and the class store names.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::syntax::ast::{BasicType, Declare, Function, FunctionKind, Param, SourceFile, TypeKind};

/// What a file is to the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A project method (`Sources/Methods/`, or a file of a loose folder).
    Method,
    /// A class (`Sources/Classes/`).
    Class,
    /// Database, form, object or trigger methods: not callable by name.
    Other,
}

/// The declared parameters of a method or function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Declared parameters (not counting a variadic `...`).
    pub params: usize,
    /// Whether more arguments are accepted (`...`, or parameters the declaration cannot tell).
    pub variadic: bool,
    /// Whether the method or function declares a result.
    pub result: bool,
    /// The declared type of each declared parameter, when it is a basic type.
    pub param_types: Vec<Option<BasicType>>,
}

impl Signature {
    fn from(params: &[Param], result: bool) -> Signature {
        let declared = params.iter().filter(|p| !p.variadic);
        Signature {
            params: declared.clone().count(),
            variadic: params.iter().any(|p| p.variadic),
            result,
            param_types: declared
                .map(|p| match p.ty.as_ref().map(|t| &t.kind) {
                    Some(TypeKind::Basic(b)) => Some(*b),
                    _ => None,
                })
                .collect(),
        }
    }

    /// From a `#DECLARE`; `legacy` when the body also uses `$0`…`$n`/`${n}` (then it is not
    /// the whole story and the signature accepts anything).
    pub fn from_declare(d: &Declare, legacy: bool) -> Signature {
        let mut s = Signature::from(&d.params, d.result.is_some());
        if legacy {
            s.variadic = true;
            s.result = true;
        }
        s
    }

    pub fn from_function(f: &Function) -> Signature {
        Signature::from(&f.params, f.result.is_some() || f.kind == FunctionKind::Getter)
    }
}

/// A project method.
#[derive(Clone, Debug, PartialEq)]
pub struct MethodInfo {
    pub name: String,
    /// `None` without `#DECLARE` (classic `$1`/`C_…` parameters: any call is accepted).
    pub signature: Option<Signature>,
}

/// A class of the project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClassInfo {
    pub name: String,
    pub extends: Option<String>,
    pub constructor: Option<Signature>,
    /// Functions by name, case-sensitive like object properties (getters and setters included).
    pub functions: HashMap<String, (String, Signature)>,
    pub has_syntax_errors: bool,
}

/// The names a project defines.
#[derive(Clone, Debug, Default)]
pub struct ProjectModel {
    pub methods: HashMap<String, MethodInfo>,
    pub classes: HashMap<String, ClassInfo>,
    /// The project's own class store name as a component (`cs.AIKit`), from its settings.
    pub namespace: Option<String>,
    /// Whether the project uses components (their methods and class stores are not visible).
    pub has_components: bool,
    /// The process and interprocess variables the project's code and forms define.
    pub variables: super::variables::Variables,
    /// The "All variables are typed" compilation path of the project's settings: every
    /// variable must be declared.
    pub all_typed: bool,
    /// The components the project loads that expose their classes as `cs.<namespace>`, by
    /// lower-case namespace: each one's own model (its classes, functions and methods).
    pub components: HashMap<String, std::sync::Arc<ProjectModel>>,
}

impl ProjectModel {
    pub fn method(&self, name: &str) -> Option<&MethodInfo> {
        self.methods.get(&name.to_lowercase())
    }

    pub fn class(&self, name: &str) -> Option<&ClassInfo> {
        self.classes.get(&name.to_lowercase())
    }

    pub fn method_names(&self) -> impl Iterator<Item = &str> {
        self.methods.values().map(|m| m.name.as_str())
    }

    pub fn class_names(&self) -> impl Iterator<Item = &str> {
        self.classes.values().map(|c| c.name.as_str())
    }

    /// Whether `name` names a class store namespace (`cs.AIKit`) rather than a class: the
    /// project's own, a loaded component's, or one of the components 4D ships built in.
    pub fn is_namespace(&self, name: &str) -> bool {
        self.namespace.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name))
            || self.components.contains_key(&name.to_lowercase())
            || crate::syntax::builtin_components::is_builtin_namespace(name)
    }

    /// The model of the loaded component whose namespace is `name` (`cs.<name>.X`).
    pub fn component(&self, name: &str) -> Option<&ProjectModel> {
        self.components.get(&name.to_lowercase()).map(|m| m.as_ref())
    }

    /// The namespaces of the loaded components, as their settings spell them.
    pub fn namespaces(&self) -> impl Iterator<Item = &str> {
        self.components.values().filter_map(|m| m.namespace.as_deref())
    }

    /// Function `name` of class `class` or of its ancestors: `Some(None)` when the chain is fully
    /// known and has no such function, `None` when part of the chain is unknown (a 4D class,
    /// a component's class, a class with syntax errors).
    pub fn function(&self, class: &str, name: &str) -> Option<Option<&Signature>> {
        let key = name;
        let mut current = class.to_string();
        for _ in 0..64 {
            let c = self.class(&current)?;
            if c.has_syntax_errors {
                return None;
            }
            if let Some((_, sig)) = c.functions.get(key) {
                return Some(Some(sig));
            }
            match &c.extends {
                Some(parent) => current = parent.clone(),
                None => return Some(None),
            }
        }
        None
    }

    /// Adds a parsed file.
    pub fn add(&mut self, role: Role, name: &str, file: &SourceFile, text: &str, errors: bool) {
        self.variables.add_file(file);
        match role {
            Role::Method => {
                let signature = file
                    .declare
                    .as_ref()
                    .filter(|_| !errors)
                    .map(|d| Signature::from_declare(d, uses_legacy_parameters(text)));
                self.methods
                    .insert(name.to_lowercase(), MethodInfo { name: name.to_string(), signature });
            }
            Role::Class => {
                let mut info = ClassInfo {
                    name: name.to_string(),
                    has_syntax_errors: errors,
                    ..ClassInfo::default()
                };
                if let Some(class) = &file.class {
                    info.extends = class.extends.as_ref().map(|n| n.text.clone());
                    // Functions that also use `$1`…/`${n}` take more than they declare.
                    let signature = |f: &Function| {
                        let mut sig = Signature::from_function(f);
                        if uses_legacy_parameters(text.get(f.span.range()).unwrap_or("")) {
                            sig.variadic = true;
                            sig.result = true;
                        }
                        sig
                    };
                    info.constructor = class.constructor.as_ref().map(signature);
                    for f in &class.functions {
                        let sig = signature(f);
                        let entry = info
                            .functions
                            .entry(f.name.text.clone())
                            .or_insert_with(|| (f.name.text.clone(), sig.clone()));
                        // A getter and a setter share a name: the getter gives the result.
                        entry.1.result |= sig.result;
                    }
                }
                self.classes.insert(name.to_lowercase(), info);
            }
            Role::Other => {}
        }
    }
}

/// Whether a method's code uses `$0`…`$9…` or `${…}` (classic parameters), outside texts and
/// comments.
pub fn uses_legacy_parameters(text: &str) -> bool {
    crate::syntax::scan::local_names(text)
        .iter()
        .any(|(_, n)| *n == "{" || n.bytes().all(|b| b.is_ascii_digit()))
}

/// The role of a file from where it lies: `…/Sources/Classes/X.4dm` is a class,
/// `…/Sources/Methods/X.4dm` a method, other `Sources` sub-folders hold database, form and
/// trigger methods; outside a project, a `Classes` folder holds classes and any other folder
/// methods.
pub fn role_of(path: &Path) -> Role {
    let parent = path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str());
    if parent == Some("Classes") {
        return Role::Class;
    }
    if parent == Some("Methods") {
        return Role::Method;
    }
    let in_sources =
        path.ancestors().skip(1).any(|a| a.file_name().is_some_and(|n| n == "Sources"));
    if in_sources {
        Role::Other
    } else {
        Role::Method
    }
}

/// The root of the 4D project holding `path` (the folder containing `Project/`), if any.
pub fn project_root(path: &Path) -> Option<PathBuf> {
    for anc in path.ancestors() {
        if anc.file_name().is_some_and(|n| n == "Sources")
            && anc.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "Project")
        {
            return anc.parent().and_then(Path::parent).map(Path::to_path_buf);
        }
    }
    None
}

/// Whether `path` lies in a 4D project (`…/Project/` with a `Sources` folder) but outside
/// `Project/Sources`, which is all 4D's compiler compiles (e.g. `Project/Tests/`).
pub fn outside_compiled_sources(path: &Path) -> bool {
    for anc in path.ancestors().skip(1) {
        if anc.file_name().is_some_and(|n| n == "Sources")
            && anc.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "Project")
        {
            return false;
        }
        if anc.file_name().is_some_and(|n| n == "Project") && anc.join("Sources").is_dir() {
            return true;
        }
    }
    false
}

/// The component class store name set in the project's settings
/// (`<general component_classStore_name="…"/>`).
pub fn namespace_of(root: &Path) -> Option<String> {
    let settings = root.join("Project/Sources/settings.4DSettings");
    let text = std::fs::read_to_string(settings).ok()?;
    let at = text.find("component_classStore_name=\"")? + "component_classStore_name=\"".len();
    let end = text[at..].find('"')?;
    Some(text[at..at + end].to_string()).filter(|n| !n.is_empty())
}

/// Whether the project's settings choose the compilation path "All variables are typed"
/// (`<options compilation_path="3"/>`, also "Direct typing" in recent versions): then every
/// variable must be declared. The lower values let the compiler infer types.
pub fn all_variables_typed(root: &Path) -> bool {
    let settings = root.join("Project/Sources/settings.4DSettings");
    let Ok(text) = std::fs::read_to_string(settings) else { return false };
    text.find("compilation_path=\"")
        .is_some_and(|at| text[at + "compilation_path=\"".len()..].starts_with('3'))
}

/// Whether the project uses components: a `Components` folder or a `dependencies.json`.
pub fn uses_components(root: &Path) -> bool {
    root.join("Components").is_dir()
        || root.join("Project/Sources/dependencies.json").is_file()
        || root.join("Project/Components").is_dir()
}
