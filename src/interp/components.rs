//! Components of a project (docs/Project/components.md, docs/Extensions/develop-components.md):
//! the `X.4dbase` folders of the project's `Components/` folder, and the local dependencies
//! named in `Project/Sources/dependencies.json` (found next to the project's package folder,
//! or where an `environment4d.json` in the package folder or a parent says).
//!
//! Each component is a *module* of the run (the host is module 0): its methods and classes are
//! registered in the [`super::project::Project`] under keys that carry the module, its classes
//! are `cs.<namespace>.Name` in the host (namespace from its settings), and only its methods
//! marked `"shared":true` are callable from the host.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A loaded component.
#[derive(Debug, Clone)]
pub struct Component {
    /// The component's name (its package folder's name without `.4dbase`).
    pub name: String,
    /// `cs.<namespace>` in the host (the "Component namespace in the class store" setting).
    pub namespace: Option<String>,
    /// Its `Project/Sources` folder.
    pub sources: PathBuf,
    /// Its shared methods (lower case).
    pub shared: HashSet<String>,
}

/// The key under which module `module`'s method (lower case) or class is registered: the
/// host's names are plain, a component's carry its module number.
pub fn key(module: u32, name: &str) -> String {
    if module == 0 {
        name.to_string()
    } else {
        format!("\u{1}{module}\u{1}{name}")
    }
}

/// Whether `name` (lower case) is a system variable (`OK`, `Document`, `Error`…): commands set
/// them in the process, so a component shares them with the host.
pub fn is_system_variable(name: &str) -> bool {
    matches!(
        name,
        "ok" | "document"
            | "error"
            | "error method"
            | "error line"
            | "error formula"
            | "flddelimit"
            | "recdelimit"
            | "keycode"
            | "modifiers"
            | "mousedown"
            | "mousex"
            | "mousey"
            | "mouseproc"
    )
}

/// The module and plain name of a key made by [`key`].
pub fn split_key(key: &str) -> (u32, &str) {
    if let Some(rest) = key.strip_prefix('\u{1}') {
        if let Some((m, name)) = rest.split_once('\u{1}') {
            return (m.parse().unwrap_or(0), name);
        }
    }
    (0, key)
}

/// The `Project/Sources` folders of the components of the project whose sources are `sources`,
/// in priority order (the `Components/` folder first, then dependencies.json), without
/// duplicates by name.
pub fn find(sources: &Path) -> Vec<(String, PathBuf)> {
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    let Some(root) = sources.parent().and_then(Path::parent) else { return found };
    let add = |name: String, component_root: &Path, found: &mut Vec<(String, PathBuf)>| {
        let src = component_root.join("Project").join("Sources");
        if src.is_dir() && !found.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            found.push((name, src));
        }
    };
    if let Ok(entries) = std::fs::read_dir(root.join("Components")) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let Some(file) = p.file_name().and_then(|n| n.to_str()) else { continue };
            if let Some(name) = file.strip_suffix(".4dbase") {
                add(name.to_string(), &p, &mut found);
            }
        }
    }
    let Some(deps) = read_json(&sources.join("dependencies.json")) else { return found };
    let Some(deps) = deps.get("dependencies").and_then(|d| d.as_object()) else { return found };
    let env = environment(root);
    for (name, _) in deps {
        let custom = env.as_ref().and_then(|(dir, e)| {
            let v = e.get("dependencies")?.get(name)?;
            let path = v.as_str().or_else(|| v.get("path").and_then(|p| p.as_str()))?;
            let path = path.strip_prefix("file://").unwrap_or(path);
            Some(dir.join(path))
        });
        let candidates = match custom {
            // A path given by environment4d.json is the only place looked at.
            Some(p) => vec![p],
            None => {
                let parent = root.parent().unwrap_or(root);
                vec![parent.join(name), parent.join(format!("{name}.4dbase"))]
            }
        };
        if let Some(p) = candidates.into_iter().find(|p| p.join("Project").is_dir()) {
            add(name.clone(), &p, &mut found);
        }
    }
    found
}

/// The nearest `environment4d.json` (package folder, then each parent) and its folder.
fn environment(root: &Path) -> Option<(PathBuf, serde_json::Value)> {
    let mut dir = Some(root);
    while let Some(d) = dir {
        if let Some(v) = read_json(&d.join("environment4d.json")) {
            return Some((d.to_path_buf(), v));
        }
        dir = d.parent();
    }
    None
}

fn read_json(path: &Path) -> Option<serde_json::Value> {
    let bytes = super::project::read_source(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The "Component namespace in the class store" of a component (`component_classStore_name`
/// in `settings.4DSettings`).
pub fn namespace(sources: &Path) -> Option<String> {
    let bytes = super::project::read_source(&sources.join("settings.4DSettings")).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let at = text.find("component_classStore_name=\"")? + "component_classStore_name=\"".len();
    let end = text[at..].find('"')?;
    let ns = text[at..at + end].trim();
    (!ns.is_empty()).then(|| ns.to_string())
}

/// Whether a method file's `//%attributes` line marks it shared.
pub fn is_shared_method(path: &Path) -> bool {
    let Ok(bytes) = super::project::read_source(path) else { return false };
    let text = String::from_utf8_lossy(&bytes);
    let first = text.lines().next().unwrap_or("");
    let Some(json) = first.trim_start().strip_prefix("//%attributes").map(str::trim_start) else {
        return false;
    };
    let json = json.strip_prefix('=').unwrap_or(json).trim();
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("shared").and_then(|s| s.as_bool()))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        assert_eq!(split_key(&key(0, "Name")), (0, "Name"));
        assert_eq!(split_key(&key(3, "Name")), (3, "Name"));
    }
}
