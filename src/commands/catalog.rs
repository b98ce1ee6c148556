//! The table of every 4D command and constant name, loaded once from the TSV files in `data/`.
//!
//! The index of a command in [`commands`] is the `u16` stored in `ExprKind::Command`; the index of
//! a constant in [`constants`] is the `u16` in `ExprKind::Constant`.

use std::collections::HashMap;
use std::sync::OnceLock;

const COMMANDS_TSV: &str = include_str!("data/4d-commands.tsv");
const CONSTANTS_TSV: &str = include_str!("data/4d-constants.tsv");

/// One built-in command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandInfo {
    pub name: &'static str,
    /// The command number (`:C<n>` token suffix); `None` for component methods such as `VP …`.
    pub number: Option<u32>,
    pub thread_safe: Option<bool>,
    pub theme: &'static str,
}

/// One built-in constant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstantInfo {
    pub name: &'static str,
    /// The value as written in the docs (text constants without quotes); `None` when unknown.
    pub value: Option<&'static str>,
    pub theme: &'static str,
}

struct Catalog {
    commands: Vec<CommandInfo>,
    constants: Vec<ConstantInfo>,
    command_by_name: HashMap<String, u16>,
    constant_by_name: HashMap<String, u16>,
    command_by_number: HashMap<u32, u16>,
}

fn non_empty(s: &'static str) -> Option<&'static str> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

/// Data rows of a TSV file (header skipped), split on tabs.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim_end_matches('\r').split('\t').collect())
}

fn load() -> Catalog {
    let mut commands = Vec::with_capacity(1600);
    let mut command_by_name = HashMap::with_capacity(1600);
    let mut command_by_number: HashMap<u32, u16> = HashMap::with_capacity(1600);
    for cols in rows(COMMANDS_TSV) {
        let name = cols[0].trim();
        if name.is_empty() {
            continue;
        }
        let key = name.to_lowercase();
        if command_by_name.contains_key(&key) {
            continue; // same name twice: keep the first row
        }
        let number = cols.get(1).copied().and_then(non_empty).and_then(|n| n.parse::<u32>().ok());
        let thread_safe = match cols.get(2).copied().and_then(non_empty) {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => None,
        };
        let theme = cols.get(3).copied().map(str::trim).unwrap_or("");
        let index = commands.len() as u16;
        commands.push(CommandInfo { name, number, thread_safe, theme });
        command_by_name.insert(key, index);
        if let Some(n) = number {
            // Several names can share a number (`C_TEXT` and its obsolete `_O_C_TEXT`):
            // prefer the current name over an `_O_` one.
            match command_by_number.get(&n) {
                Some(&old) if !commands[old as usize].name.starts_with("_O_") => {}
                _ => {
                    command_by_number.insert(n, index);
                }
            }
        }
    }
    let mut constants = Vec::with_capacity(2500);
    let mut constant_by_name = HashMap::with_capacity(2500);
    for cols in rows(CONSTANTS_TSV) {
        let name = cols[0].trim();
        if name.is_empty() {
            continue;
        }
        let key = name.to_lowercase();
        if constant_by_name.contains_key(&key) {
            continue;
        }
        let value = cols.get(1).copied().and_then(non_empty);
        let theme = cols.get(2).copied().map(str::trim).unwrap_or("");
        constant_by_name.insert(key, constants.len() as u16);
        constants.push(ConstantInfo { name, value, theme });
    }
    Catalog { commands, constants, command_by_name, constant_by_name, command_by_number }
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(load)
}

/// Every command; the position in this slice is the command index.
pub fn commands() -> &'static [CommandInfo] {
    &catalog().commands
}

/// Every constant; the position in this slice is the constant index.
pub fn constants() -> &'static [ConstantInfo] {
    &catalog().constants
}

/// The index of the command with this name (case-insensitive, exact words).
pub fn command_index(name: &str) -> Option<u16> {
    catalog().command_by_name.get(&name.to_lowercase()).copied()
}

/// The index of the constant with this name (case-insensitive, exact words).
pub fn constant_index(name: &str) -> Option<u16> {
    catalog().constant_by_name.get(&name.to_lowercase()).copied()
}

/// The index of the command with this number (as in a `:C<n>` token suffix).
pub fn command_by_number(n: u32) -> Option<u16> {
    catalog().command_by_number.get(&n).copied()
}

/// The command at `index`, if any.
pub fn command(index: u16) -> Option<&'static CommandInfo> {
    commands().get(index as usize)
}

/// The constant at `index`, if any.
pub fn constant(index: u16) -> Option<&'static ConstantInfo> {
    constants().get(index as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let i = command_index("length").unwrap();
        assert_eq!(commands()[i as usize].name, "Length");
        assert_eq!(commands()[i as usize].number, Some(16));
        assert_eq!(command_by_number(16), Some(i));
        let q = command_index("QUIT 4D").unwrap();
        assert_eq!(command_by_number(291), Some(q));
        assert_eq!(commands()[command_by_number(284).unwrap() as usize].name, "C_TEXT");
        let k = constant_index("is TEXT").unwrap();
        assert_eq!(constants()[k as usize].value, Some("2"));
        assert!(command_index("no such command").is_none());
        assert_eq!(
            commands()[command_index("Current process").unwrap() as usize].thread_safe,
            Some(true)
        );
    }
}
