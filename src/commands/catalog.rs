//! (stub until the front end lands: the real catalog loads the TSV name tables)

pub struct CommandInfo {
    pub name: &'static str,
}

pub fn commands() -> &'static [CommandInfo] {
    &[]
}

pub fn command_index(_name: &str) -> Option<u16> {
    None
}
