//! (interim catalog until the front end lands; same API)

use std::collections::HashMap;
use std::sync::OnceLock;

pub struct CommandInfo {
    pub name: &'static str,
    pub number: Option<u32>,
    pub thread_safe: Option<bool>,
    pub theme: &'static str,
}

pub struct ConstantInfo {
    pub name: &'static str,
    pub value: Option<&'static str>,
    pub theme: &'static str,
}

struct Catalog {
    commands: Vec<CommandInfo>,
    constants: Vec<ConstantInfo>,
    command_by_name: HashMap<String, u16>,
    constant_by_name: HashMap<String, u16>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut commands = Vec::new();
        let mut command_by_name = HashMap::new();
        for line in include_str!("data/4d-commands.tsv").lines().skip(1) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or("");
            let number = cols.next().and_then(|n| n.parse().ok());
            let thread_safe = match cols.next() {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            };
            let theme = cols.next().unwrap_or("");
            if name.is_empty() || command_by_name.contains_key(&name.to_lowercase()) {
                continue;
            }
            command_by_name.insert(name.to_lowercase(), commands.len() as u16);
            commands.push(CommandInfo { name, number, thread_safe, theme });
        }
        let mut constants = Vec::new();
        let mut constant_by_name = HashMap::new();
        for line in include_str!("data/4d-constants.tsv").lines().skip(1) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or("");
            let value = cols.next().filter(|v| !v.is_empty());
            let theme = cols.next().unwrap_or("");
            if name.is_empty() || constant_by_name.contains_key(&name.to_lowercase()) {
                continue;
            }
            constant_by_name.insert(name.to_lowercase(), constants.len() as u16);
            constants.push(ConstantInfo { name, value, theme });
        }
        Catalog { commands, constants, command_by_name, constant_by_name }
    })
}

pub fn commands() -> &'static [CommandInfo] {
    &catalog().commands
}

pub fn constants() -> &'static [ConstantInfo] {
    &catalog().constants
}

pub fn command_index(name: &str) -> Option<u16> {
    catalog().command_by_name.get(&name.to_lowercase()).copied()
}

pub fn constant_index(name: &str) -> Option<u16> {
    catalog().constant_by_name.get(&name.to_lowercase()).copied()
}

pub fn command_by_number(n: u32) -> Option<u16> {
    commands().iter().position(|c| c.number == Some(n)).map(|i| i as u16)
}
