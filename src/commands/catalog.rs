//! The table of every 4D command and constant name, from the TSV files in `data/`, turned into
//! static arrays by `build.rs` (nothing is parsed or hashed at start-up).
//!
//! The index of a command in [`commands`] is the `u16` stored in `ExprKind::Command`; the index of
//! a constant in [`constants`] is the `u16` in `ExprKind::Constant`.

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

// `COMMANDS`, `CONSTANTS`, the sorted lookups and `FOLDED_NAMES`, written by `build.rs` from the
// TSV files (rows with an empty name skipped, a repeated name keeps its first row).
include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// Every command; the position in this slice is the command index.
pub fn commands() -> &'static [CommandInfo] {
    COMMANDS
}

/// Every constant; the position in this slice is the constant index.
pub fn constants() -> &'static [ConstantInfo] {
    CONSTANTS
}

fn lookup(table: &[(&str, u16)], name: &str) -> Option<u16> {
    let mut buf = [0u8; 64];
    let found = match buf.get_mut(..name.len()) {
        // Lower-cased on the stack: no allocation (start-up looks up ~600 names).
        Some(key) if name.is_ascii() => {
            key.copy_from_slice(name.as_bytes());
            key.make_ascii_lowercase();
            table.binary_search_by(|(k, _)| k.as_bytes().cmp(key))
        }
        _ => {
            let key = name.to_lowercase();
            table.binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
        }
    };
    found.ok().map(|i| table[i].1)
}

/// The index of the command with this name (case-insensitive, exact words).
pub fn command_index(name: &str) -> Option<u16> {
    lookup(COMMAND_BY_NAME, name)
}

/// The index of the constant with this name (case-insensitive, exact words).
pub fn constant_index(name: &str) -> Option<u16> {
    lookup(CONSTANT_BY_NAME, name)
}

/// The index of the command with this number (as in a `:C<n>` token suffix).
pub fn command_by_number(n: u32) -> Option<u16> {
    COMMAND_BY_NUMBER.binary_search_by_key(&n, |&(k, _)| k).ok().map(|i| COMMAND_BY_NUMBER[i].1)
}

/// Command and constant names as the lexer folds them (each word lower-cased), sorted by bytes,
/// with the command and constant each stands for.
pub(crate) fn folded_names() -> &'static [(&'static str, Option<u16>, Option<u16>)] {
    FOLDED_NAMES
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
