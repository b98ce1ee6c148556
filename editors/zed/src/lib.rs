//! Zed extension for 4D: starts `mini4d lsp` (diagnostics, outline, navigation, hover,
//! completion, signature help, semantic tokens, references and rename come from the server).
//!
//! The binary is the one named in the user's settings (`lsp.mini4d.binary.path`), else
//! `mini4d` found on the worktree's `PATH`.
use zed_extension_api::{self as zed, settings::LspSettings};

struct Mini4d;

impl zed::Extension for Mini4d {
    fn new() -> Self {
        Mini4d
    }

    fn language_server_command(
        &mut self,
        id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let binary = LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let configured_path = binary.as_ref().and_then(|b| b.path.clone());
        let command = match configured_path {
            Some(path) => path,
            None => worktree.which("mini4d").ok_or_else(|| {
                "mini4d is not on the PATH: install it (cargo install --path <mini4d checkout>) \
                 or set lsp.mini4d.binary.path in Zed's settings"
                    .to_string()
            })?,
        };
        let args =
            binary.as_ref().and_then(|b| b.arguments.clone()).unwrap_or_else(|| vec!["lsp".into()]);
        let mut env = worktree.shell_env();
        if let Some(extra) = binary.and_then(|b| b.env) {
            env.extend(extra);
        }
        Ok(zed::Command { command, args, env })
    }
}

zed::register_extension!(Mini4d);
