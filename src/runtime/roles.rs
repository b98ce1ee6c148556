//! The project's `roles.json` as `Session.setPrivileges()` reads it: the declared privileges
//! (each with the privileges it includes) and roles (each with its privileges). Names are
//! case-insensitive; a name the file does not declare is ignored. The file's `permissions`
//! (which resources a privilege opens) are not modelled: mini4d has no datastore and no REST.

use std::collections::HashMap;
use std::path::Path;

/// The reserved privilege of the web administrator: accepted even when not declared.
const WEB_ADMIN: &str = "WebAdmin";

/// Privileges and roles of one project.
#[derive(Debug, Default, Clone)]
pub struct Roles {
    /// Lowercased name → (declared name, included privilege names).
    privileges: HashMap<String, (String, Vec<String>)>,
    /// Lowercased role name → its privilege names.
    roles: HashMap<String, Vec<String>>,
}

impl Roles {
    /// Reads `Project/Sources/roles.json`; `Ok(None)` when the project has none.
    pub fn load(sources: &Path) -> Result<Option<Roles>, String> {
        let path = sources.join("roles.json");
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                Roles::parse(&text).map(Some).map_err(|e| format!("{}: {e}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    /// Parses the text of a `roles.json` file.
    pub fn parse(text: &str) -> Result<Roles, String> {
        let json: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let names = |v: Option<&serde_json::Value>, what: &str| -> Result<Vec<String>, String> {
            match v {
                None | Some(serde_json::Value::Null) => Ok(Vec::new()),
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .map(|i| {
                        i.as_str().map(String::from).ok_or(format!("{what}: names must be texts"))
                    })
                    .collect(),
                Some(_) => Err(format!("{what} must be a collection of names")),
            }
        };
        let mut roles = Roles::default();
        let list = |key: &str| match json.get(key) {
            None | Some(serde_json::Value::Null) => Ok(&[][..]),
            Some(serde_json::Value::Array(items)) => Ok(items.as_slice()),
            Some(_) => Err(format!("`{key}` must be a collection")),
        };
        for p in list("privileges")? {
            let name = p
                .get("privilege")
                .and_then(|n| n.as_str())
                .ok_or("a privilege has no `privilege` name")?;
            let includes = names(p.get("includes"), "includes")?;
            roles.privileges.insert(name.to_lowercase(), (name.to_string(), includes));
        }
        for r in list("roles")? {
            let name = r.get("role").and_then(|n| n.as_str()).ok_or("a role has no `role` name")?;
            roles.roles.insert(name.to_lowercase(), names(r.get("privileges"), "privileges")?);
        }
        Ok(roles)
    }

    /// The privileges a session gets for `privileges` and `roles`: each declared privilege
    /// after the privileges it includes (transitively), each role's privileges likewise, in
    /// order and without repeats. Undeclared names are dropped.
    pub fn expand(&self, privileges: &[String], roles: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        let mut visiting = Vec::new();
        for p in privileges {
            self.add_privilege(p, &mut out, &mut visiting);
        }
        for r in roles {
            if let Some(list) = self.roles.get(&r.to_lowercase()) {
                for p in list {
                    self.add_privilege(p, &mut out, &mut visiting);
                }
            }
        }
        out
    }

    /// Adds `name` after what it includes; `visiting` holds the privileges being expanded, so
    /// that an inclusion cycle in a hand-written file ends.
    fn add_privilege(&self, name: &str, out: &mut Vec<String>, visiting: &mut Vec<String>) {
        let key = name.to_lowercase();
        if out.iter().any(|p| p.to_lowercase() == key) || visiting.contains(&key) {
            return;
        }
        if name.eq_ignore_ascii_case(WEB_ADMIN) {
            out.push(WEB_ADMIN.to_string());
            return;
        }
        let Some((declared, includes)) = self.privileges.get(&key) else { return };
        visiting.push(key);
        for inner in includes {
            self.add_privilege(inner, out, visiting);
        }
        visiting.pop();
        out.push(declared.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
        "privileges": [
            {"privilege": "simple", "includes": []},
            {"privilege": "medium", "includes": ["simple"]},
            {"privilege": "loop", "includes": ["loop", "Medium", "loop", "loop"]}
        ],
        "roles": [{"role": "Medium", "privileges": ["medium"]}],
        "permissions": {"allowed": []}
    }"#;

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn roles_expand_to_privileges_with_their_includes() {
        let r = Roles::parse(FILE).expect("parses");
        assert_eq!(r.expand(&[], &strings(&["medium"])), strings(&["simple", "medium"]));
        assert_eq!(r.expand(&strings(&["SIMPLE", "nope"]), &[]), strings(&["simple"]));
        assert_eq!(r.expand(&strings(&["loop"]), &[]), strings(&["simple", "medium", "loop"]));
        assert_eq!(
            r.expand(&strings(&["webadmin"]), &strings(&["Unknown"])),
            strings(&["WebAdmin"])
        );
    }

    #[test]
    fn malformed_files_are_errors() {
        assert!(Roles::parse("{").is_err());
        assert!(Roles::parse(r#"{"privileges": 3}"#).is_err());
        assert!(Roles::parse(r#"{"privileges": [{"includes": []}]}"#).is_err());
        assert!(Roles::parse(r#"{"roles": [{"role": "r", "privileges": [1]}]}"#).is_err());
    }
}
