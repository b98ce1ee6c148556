//! Zed extension: starts `mini4d lsp` found on the PATH.
use zed_extension_api as zed;

struct Mini4d;

impl zed::Extension for Mini4d {
    fn new() -> Self {
        Mini4d
    }

    fn language_server_command(
        &mut self,
        _id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let command = worktree
            .which("mini4d")
            .ok_or_else(|| "mini4d is not on the PATH".to_string())?;
        Ok(zed::Command { command, args: vec!["lsp".into()], env: Vec::new() })
    }
}

zed::register_extension!(Mini4d);
