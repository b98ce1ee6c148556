//! The command-line flags of the permission gate (`--allow-read`, `-A`, `--data`…), shared by
//! `run`, `test`, `repl` and `serve`: they build a [`Gate`].

use std::path::{Path, PathBuf};

use crate::permissions::{absolute, Folders, Gate, Policy};

/// The command-line flags of the policy, shared by `run`, `test` and `repl`.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct PermissionFlags {
    /// Allow reading these files or folders (comma-separated; all when no list is given).
    #[arg(long, value_name = "PATH,…", num_args = 0..=1, require_equals = true, value_delimiter = ',', default_missing_value = "*")]
    pub allow_read: Option<Vec<PathBuf>>,
    /// Allow writing (and reading) these files or folders (all when no list is given).
    #[arg(long, value_name = "PATH,…", num_args = 0..=1, require_equals = true, value_delimiter = ',', default_missing_value = "*")]
    pub allow_write: Option<Vec<PathBuf>>,
    /// Allow running these programs (names or paths; all when no list is given).
    #[arg(long, value_name = "PROGRAM,…", num_args = 0..=1, require_equals = true, value_delimiter = ',', default_missing_value = "*")]
    pub allow_run: Option<Vec<String>>,
    /// Allow connecting to these hosts (HOST or HOST:PORT; all when no list is given).
    #[arg(long, value_name = "HOST[:PORT],…", num_args = 0..=1, require_equals = true, value_delimiter = ',', default_missing_value = "*")]
    pub allow_net: Option<Vec<String>>,
    /// Allow reading the environment variables and passing them to programs.
    #[arg(long)]
    pub allow_env: bool,
    /// Allow everything.
    #[arg(short = 'A', long)]
    pub allow_all: bool,
    /// The data folder (`/DATA/`); the project's `Data/` folder by default.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

impl PermissionFlags {
    /// The gate of a run whose package root is `root` (`project`: its `Project` folder).
    pub fn gate(&self, root: Option<&Path>, project: Option<&Path>) -> Gate {
        let folders = match root {
            Some(r) => Folders::for_root(r, project, self.data.as_deref()),
            None => Folders {
                data: self.data.as_deref().map(absolute),
                logs: self.data.as_deref().map(|d| absolute(d).join("Logs")),
                ..Folders::default()
            },
        }
        .with_temp();
        let mut policy =
            if self.allow_all { Policy::allow_all() } else { Policy::defaults(&folders) };
        // A flag without a list (`--allow-read`) arrives as the single value `*`: everything.
        fn list<T: Clone + PartialEq + From<&'static str>>(v: &[T]) -> Vec<T> {
            if v.len() == 1 && v[0] == T::from("*") {
                Vec::new()
            } else {
                v.to_vec()
            }
        }
        if let Some(p) = &self.allow_read {
            policy.allow_read(&list(p));
        }
        if let Some(p) = &self.allow_write {
            policy.allow_write(&list(p));
        }
        if let Some(p) = &self.allow_run {
            policy.allow_run(&list(p));
        }
        if let Some(p) = &self.allow_net {
            policy.allow_net(&list(p));
        }
        policy.env |= self.allow_env;
        Gate::new(policy, folders)
    }
}
