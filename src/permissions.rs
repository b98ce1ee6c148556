//! The one permission gate: every access of a script to files, programs, the network or the
//! environment goes through a [`Gate`], which applies a [`Policy`] in the manner of Deno's
//! `--allow-read`/`--allow-write`/`--allow-run`/`--allow-net`/`--allow-env` flags.
//!
//! Files: each allowed folder is opened once as a capability ([`cap_std::fs::Dir`]) and every
//! path is opened *beneath* the folder that allows it. The check and the use are then one
//! operation: a `..`, a symlink pointing out, or a symlink swapped in between a check and an
//! open cannot lead outside (cap-std resolves each component itself and refuses to leave the
//! folder). Paths are first normalized lexically (`.` and `..` removed) to find the folder that
//! allows them; a path that names no allowed folder is refused before anything is touched.
//!
//! A refusal is a 4D error ([`ErrorKind::PermissionDenied`]) naming the path, program or host
//! and the flag that would allow it. The embedding API starts from [`Policy::deny_all`]; the
//! command line from [`Policy::defaults`] plus the flags.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use cap_std::ambient_authority;
use cap_std::fs::{Dir, OpenOptions};

use crate::runtime::{ErrorKind, RtError};

/// What a policy grants for one kind of access.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Grant<T> {
    #[default]
    Nothing,
    Only(Vec<T>),
    Everything,
}

impl<T> Grant<T> {
    fn add(&mut self, items: impl IntoIterator<Item = T>) {
        match self {
            Grant::Everything => {}
            Grant::Only(v) => v.extend(items),
            Grant::Nothing => *self = Grant::Only(items.into_iter().collect()),
        }
    }
}

/// A host (and optional port) that `--allow-net` lets scripts reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetTarget {
    pub host: String,
    pub port: Option<u16>,
}

impl NetTarget {
    /// `HOST`, `HOST:PORT` or `[IPV6]:PORT`.
    pub fn parse(text: &str) -> NetTarget {
        let text = text.trim();
        if let Some(rest) = text.strip_prefix('[') {
            if let Some((host, tail)) = rest.split_once(']') {
                let port = tail.strip_prefix(':').and_then(|p| p.parse().ok());
                return NetTarget { host: host.to_ascii_lowercase(), port };
            }
        }
        match text.rsplit_once(':') {
            Some((h, p)) if !h.contains(':') => match p.parse() {
                Ok(port) => NetTarget { host: h.to_ascii_lowercase(), port: Some(port) },
                Err(_) => NetTarget { host: text.to_ascii_lowercase(), port: None },
            },
            _ => NetTarget { host: text.to_ascii_lowercase(), port: None },
        }
    }
}

/// What scripts may reach outside the interpreter.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    pub read: Grant<PathBuf>,
    pub write: Grant<PathBuf>,
    /// Programs by name (`sh`) or path (`/bin/sh`).
    pub run: Grant<String>,
    pub net: Grant<NetTarget>,
    pub env: bool,
}

impl Policy {
    /// Nothing at all: the embedding API's default.
    pub fn deny_all() -> Policy {
        Policy::default()
    }

    /// Everything (`-A`/`--allow-all`).
    pub fn allow_all() -> Policy {
        Policy {
            read: Grant::Everything,
            write: Grant::Everything,
            run: Grant::Everything,
            net: Grant::Everything,
            env: true,
        }
    }

    /// The command line's defaults: read the project (or the file's folder), read and write
    /// its data folder, its logs folder and the run's temporary folder.
    pub fn defaults(folders: &Folders) -> Policy {
        let mut p = Policy::default();
        let writable: Vec<PathBuf> =
            [&folders.data, &folders.logs, &folders.temp].into_iter().flatten().cloned().collect();
        p.read.add(folders.package.iter().cloned());
        p.read.add(writable.iter().cloned());
        p.write.add(writable);
        p
    }

    /// Adds what `--allow-read=…`-style flags grant: an empty list grants everything.
    pub fn allow_read(&mut self, paths: &[PathBuf]) {
        allow(&mut self.read, paths.iter().filter(|p| !p.as_os_str().is_empty()).cloned());
        if paths.is_empty() || paths.iter().any(|p| p.as_os_str().is_empty()) {
            self.read = Grant::Everything;
        }
    }
    pub fn allow_write(&mut self, paths: &[PathBuf]) {
        if paths.is_empty() || paths.iter().any(|p| p.as_os_str().is_empty()) {
            self.write = Grant::Everything;
            self.read = Grant::Everything;
            return;
        }
        // What a script may write, it may read back.
        self.read.add(paths.iter().cloned());
        self.write.add(paths.iter().cloned());
    }
    pub fn allow_run(&mut self, programs: &[String]) {
        if programs.is_empty() || programs.iter().any(|p| p.is_empty()) {
            self.run = Grant::Everything;
        } else {
            self.run.add(programs.iter().cloned());
        }
    }
    pub fn allow_net(&mut self, hosts: &[String]) {
        if hosts.is_empty() || hosts.iter().any(|p| p.is_empty()) {
            self.net = Grant::Everything;
        } else {
            self.net.add(hosts.iter().map(|h| NetTarget::parse(h)));
        }
    }
}

fn allow(g: &mut Grant<PathBuf>, items: impl Iterator<Item = PathBuf>) {
    g.add(items);
}

/// The folders behind 4D's filesystems (`/PACKAGE/`, `/DATA/`, …) for one run; `None` when the
/// run has no such folder (an embedded runtime, a snippet).
#[derive(Clone, Debug, Default)]
pub struct Folders {
    /// The project's root folder (`/PACKAGE/`); for a single method file, its folder.
    pub package: Option<PathBuf>,
    /// The `Project` folder (`/PROJECT/`).
    pub project: Option<PathBuf>,
    /// `/SOURCES/`.
    pub sources: Option<PathBuf>,
    /// `/RESOURCES/`.
    pub resources: Option<PathBuf>,
    /// `/DATA/`.
    pub data: Option<PathBuf>,
    /// `/LOGS/`.
    pub logs: Option<PathBuf>,
    /// `Temporary folder`: made for the run, removed at its end.
    pub temp: Option<PathBuf>,
}

impl Folders {
    /// The folders of a project whose root is `root` (holding `Project/`), or of a folder of
    /// methods (`project` is `None`): resources, data and logs go beside them.
    pub fn for_root(root: &Path, project: Option<&Path>, data: Option<&Path>) -> Folders {
        let root = absolute(root);
        let data = data.map(absolute).unwrap_or_else(|| root.join("Data"));
        Folders {
            project: project.map(absolute),
            sources: project.map(|p| absolute(p).join("Sources")),
            resources: Some(root.join("Resources")),
            logs: Some(data.join("Logs")),
            data: Some(data),
            package: Some(root),
            temp: None,
        }
    }

    /// Names a fresh temporary folder for the run. It is made on first use (see
    /// [`Gate::temp_folder`]), as most runs never use it and making it cost every start-up a
    /// `mkdir`; the gate removes it when dropped.
    pub fn with_temp(mut self) -> Folders {
        let base = std::env::temp_dir();
        let base = base.canonicalize().unwrap_or(base);
        let name = format!("mini4d-{}-{}", std::process::id(), uuid::Uuid::new_v4().simple());
        self.temp = Some(base.join(name));
        self
    }
}

/// An absolute form of `p` (relative to the current folder), normalized lexically.
pub fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")).join(p)
    };
    normalize(&joined)
}

/// Removes `.` and resolves `..` lexically (never above the root).
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Prefix(x) => out.push(x.as_os_str()),
            Component::RootDir => out.push(Component::RootDir.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
        }
    }
    out
}

/// One allowed folder, opened on first use.
struct Root {
    path: PathBuf,
    /// For a grant of one file: its name (the capability is then its folder, and only this
    /// name is reachable in it).
    file: Option<std::ffi::OsString>,
    /// Opened on first success (a folder missing now may be made later).
    dir: parking_lot::Mutex<Option<Arc<Dir>>>,
}

impl Root {
    fn new(path: &Path) -> Root {
        let abs = absolute(path);
        let path = abs.canonicalize().unwrap_or(abs);
        let file = match path.metadata() {
            Ok(m) if !m.is_dir() => path.file_name().map(|n| n.to_os_string()),
            _ => None,
        };
        Root { path, file, dir: parking_lot::Mutex::new(None) }
    }
}

/// How a file is opened for writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteMode {
    /// Create or empty it.
    Truncate,
    /// Create it, or add at its end.
    Append,
    /// Create it only if it does not exist.
    CreateNew,
    /// Open it for reading and writing, creating it when absent, keeping its content.
    ReadWrite,
}

/// The kind of access, for messages and to choose the roots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// The permission gate of one runtime: its policy, its folders and the opened capabilities.
pub struct Gate {
    policy: Policy,
    pub folders: Folders,
    read: Vec<Root>,
    write: Vec<Root>,
    /// Whether the temporary folder of [`Folders::temp`] was made (it is made on first use).
    temp_made: std::sync::OnceLock<bool>,
}

impl std::fmt::Debug for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gate")
            .field("policy", &self.policy)
            .field("folders", &self.folders)
            .finish()
    }
}

impl Drop for Gate {
    fn drop(&mut self) {
        if let (Some(t), Some(true)) = (&self.folders.temp, self.temp_made.get()) {
            let _ = std::fs::remove_dir_all(t);
        }
    }
}

fn roots(g: &Grant<PathBuf>) -> Vec<Root> {
    match g {
        Grant::Nothing => Vec::new(),
        Grant::Only(v) => v.iter().map(|p| Root::new(p)).collect(),
        Grant::Everything => vec![Root::new(Path::new("/"))],
    }
}

fn denied(message: String) -> RtError {
    RtError::new(ErrorKind::PermissionDenied, message)
}

/// A file-system error as a 4D error (4D reports the OS file manager's codes).
pub fn io_error(e: &io::Error, what: &str, path: &Path) -> RtError {
    let kind = match e.kind() {
        io::ErrorKind::NotFound => ErrorKind::FileNotFound,
        io::ErrorKind::AlreadyExists => ErrorKind::FileExists,
        io::ErrorKind::PermissionDenied if is_escape(e) => {
            return denied(format!(
                "{what} {}: the path leads outside the folders the permissions allow (through a symlink or `..`)",
                path.display()
            ))
        }
        _ => ErrorKind::FileIo,
    };
    RtError::new(kind, format!("{what} {}: {}", path.display(), plain_io_message(e)))
}

/// cap-std's refusal to leave a folder.
fn is_escape(e: &io::Error) -> bool {
    e.to_string().contains("outside of the filesystem")
}

fn plain_io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::AlreadyExists => "it already exists".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

impl Gate {
    pub fn new(policy: Policy, folders: Folders) -> Gate {
        Gate {
            read: roots(&policy.read),
            write: roots(&policy.write),
            policy,
            folders,
            temp_made: std::sync::OnceLock::new(),
        }
    }

    /// The run's temporary folder, made now if this is its first use; `None` when the run
    /// has none or it cannot be made.
    pub fn temp_folder(&self) -> Option<&Path> {
        let path = self.folders.temp.as_deref()?;
        let made = *self.temp_made.get_or_init(|| std::fs::create_dir(path).is_ok());
        made.then_some(path)
    }

    /// A gate that refuses everything and knows no folder (the embedding API's default).
    pub fn deny_all() -> Gate {
        Gate::new(Policy::deny_all(), Folders::default())
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The allowed folder holding `path` and the path relative to it.
    fn locate(&self, path: &Path, access: Access) -> Result<(Arc<Dir>, PathBuf), RtError> {
        let text = path.as_os_str().as_encoded_bytes();
        if text.contains(&0) {
            return Err(RtError::new(
                ErrorKind::FileIo,
                format!("invalid path {:?}: it contains a NUL character", path.display()),
            ));
        }
        if !path.is_absolute() {
            return Err(RtError::new(
                ErrorKind::FileIo,
                format!("invalid path {}: it must be absolute", path.display()),
            ));
        }
        let normal = normalize(path);
        let roots = match access {
            Access::Read => &self.read,
            Access::Write => &self.write,
        };
        let best = |p: &Path| {
            roots
                .iter()
                .filter(|r| p.starts_with(&r.path))
                .max_by_key(|r| r.path.as_os_str().len())
                .map(|r| (r, p.strip_prefix(&r.path).map(Path::to_path_buf).unwrap_or_default()))
        };
        let found = best(&normal).or_else(|| {
            // The path may name an allowed folder through a symlink (`/tmp` → `/private/tmp`).
            let (existing, rest) = existing_ancestor(&normal)?;
            let canon = existing.canonicalize().ok()?.join(rest);
            best(&canon)
        });
        let Some((root, mut rel)) = found else {
            return Err(self.refusal(&normal, access));
        };
        let mut dir_path = root.path.clone();
        if let Some(name) = &root.file {
            if !rel.as_os_str().is_empty() {
                return Err(self.refusal(&normal, access));
            }
            rel = PathBuf::from(name);
            dir_path.pop();
        }
        let mut slot = root.dir.lock();
        if let Some(d) = &*slot {
            return Ok((d.clone(), rel));
        }
        if self.folders.temp.as_deref() == Some(root.path.as_path()) {
            self.temp_folder();
        }
        if access == Access::Write && !dir_path.exists() {
            // An allowed folder that does not exist yet (`/DATA/`, `/LOGS/`) is made on its
            // first write.
            let _ = std::fs::create_dir_all(&dir_path);
        }
        match Dir::open_ambient_dir(&dir_path, ambient_authority()) {
            Ok(d) => {
                let d = Arc::new(d);
                *slot = Some(d.clone());
                Ok((d, rel))
            }
            Err(e) => Err(io_error(&e, "cannot open", &root.path)),
        }
    }

    fn refusal(&self, path: &Path, access: Access) -> RtError {
        let (verb, flag) = match access {
            Access::Read => ("reading", "--allow-read"),
            Access::Write => ("writing", "--allow-write"),
        };
        denied(format!(
            "{verb} {} is not allowed: run with {flag}={} (or {flag}) to allow it",
            path.display(),
            path.display()
        ))
    }

    /// Whether `path` may be read (nothing is touched).
    pub fn may(&self, path: &Path, access: Access) -> bool {
        let roots = match access {
            Access::Read => &self.read,
            Access::Write => &self.write,
        };
        let normal = normalize(path);
        roots.iter().any(|r| normal.starts_with(&r.path))
    }

    pub fn read(&self, path: &Path) -> Result<Vec<u8>, RtError> {
        let (dir, rel) = self.locate(path, Access::Read)?;
        dir.read(rel).map_err(|e| io_error(&e, "cannot read", path))
    }

    pub fn open_read(&self, path: &Path) -> Result<std::fs::File, RtError> {
        let (dir, rel) = self.locate(path, Access::Read)?;
        dir.open(rel).map(|f| f.into_std()).map_err(|e| io_error(&e, "cannot open", path))
    }

    pub fn open_write(&self, path: &Path, mode: WriteMode) -> Result<std::fs::File, RtError> {
        let (dir, rel) = self.locate(path, Access::Write)?;
        let mut o = OpenOptions::new();
        match mode {
            WriteMode::Truncate => o.write(true).create(true).truncate(true),
            WriteMode::Append => o.append(true).create(true),
            WriteMode::CreateNew => o.write(true).create_new(true),
            WriteMode::ReadWrite => o.read(true).write(true).create(true),
        };
        dir.open_with(rel, &o).map(|f| f.into_std()).map_err(|e| io_error(&e, "cannot open", path))
    }

    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), RtError> {
        use std::io::Write;
        let mut f = self.open_write(path, WriteMode::Truncate)?;
        f.write_all(bytes).map_err(|e| io_error(&e, "cannot write", path))
    }

    /// The metadata of `path` (symlinks not followed), `None` when nothing is there.
    pub fn metadata(&self, path: &Path) -> Result<Option<cap_std::fs::Metadata>, RtError> {
        let (dir, rel) = match self.locate(path, Access::Read) {
            Err(e) if e.kind == ErrorKind::FileNotFound => return Ok(None),
            r => r?,
        };
        let r = if rel.as_os_str().is_empty() {
            dir.dir_metadata()
        } else {
            dir.symlink_metadata(&rel)
        };
        match r {
            Ok(m) => Ok(Some(m)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) if e.raw_os_error() == Some(20) => Ok(None), // ENOTDIR: a file on the way
            Err(e) => Err(io_error(&e, "cannot read", path)),
        }
    }

    /// The entries of folder `path`: names and whether each is a folder, sorted by name.
    pub fn list(&self, path: &Path) -> Result<Vec<(String, bool)>, RtError> {
        let (dir, rel) = self.locate(path, Access::Read)?;
        let entries = if rel.as_os_str().is_empty() { dir.entries() } else { dir.read_dir(&rel) }
            .map_err(|e| io_error(&e, "cannot list", path))?;
        let mut out = Vec::new();
        for e in entries {
            let e = e.map_err(|e| io_error(&e, "cannot list", path))?;
            let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
            out.push((e.file_name().to_string_lossy().into_owned(), is_dir));
        }
        out.sort();
        Ok(out)
    }

    pub fn create_dir_all(&self, path: &Path) -> Result<(), RtError> {
        let (dir, rel) = self.locate(path, Access::Write)?;
        if rel.as_os_str().is_empty() {
            return Ok(());
        }
        dir.create_dir_all(&rel).map_err(|e| io_error(&e, "cannot create", path))
    }

    pub fn remove_file(&self, path: &Path) -> Result<(), RtError> {
        let (dir, rel) = self.locate(path, Access::Write)?;
        dir.remove_file(&rel).map_err(|e| io_error(&e, "cannot delete", path))
    }

    pub fn remove_dir(&self, path: &Path, recursive: bool) -> Result<(), RtError> {
        let (dir, rel) = self.locate(path, Access::Write)?;
        if rel.as_os_str().is_empty() {
            return Err(denied(format!(
                "deleting {} is not allowed: it is a folder the permissions are given for",
                path.display()
            )));
        }
        let r = if recursive { dir.remove_dir_all(&rel) } else { dir.remove_dir(&rel) };
        r.map_err(|e| io_error(&e, "cannot delete", path))
    }

    /// Moves or renames `from` to `to` (both must be writable).
    pub fn rename(&self, from: &Path, to: &Path) -> Result<(), RtError> {
        let (fdir, frel) = self.locate(from, Access::Write)?;
        let (tdir, trel) = self.locate(to, Access::Write)?;
        fdir.rename(&frel, &tdir, &trel).map_err(|e| io_error(&e, "cannot move", from))
    }

    /// Copies file `from` (readable) to `to` (writable).
    pub fn copy(&self, from: &Path, to: &Path) -> Result<u64, RtError> {
        let (fdir, frel) = self.locate(from, Access::Read)?;
        let (tdir, trel) = self.locate(to, Access::Write)?;
        fdir.copy(&frel, &tdir, &trel).map_err(|e| io_error(&e, "cannot copy", from))
    }

    /// Whether program `program` (a name or a path) may be run. A grant by name (`sh`) allows
    /// that name and the file the name finds through `PATH`; a grant by path allows that file:
    /// `/tmp/x/sh` is not `sh`. Returns the program's file, to run exactly what was checked.
    pub fn check_run(&self, program: &str) -> Result<PathBuf, RtError> {
        let found = which(program);
        let ok = match &self.policy.run {
            Grant::Everything => true,
            Grant::Nothing => false,
            Grant::Only(v) => {
                let target = found.as_ref().and_then(|p| p.canonicalize().ok());
                v.iter().any(|p| {
                    p == program
                        || target.is_some()
                            && which(p).and_then(|w| w.canonicalize().ok()) == target
                })
            }
        };
        if !ok {
            return Err(denied(format!(
                "running {program} is not allowed: run with --allow-run={program} (or --allow-run) to allow it"
            )));
        }
        // Not found: starting it fails, as the caller reports it.
        Ok(found.unwrap_or_else(|| PathBuf::from(program)))
    }

    /// Whether `host:port` may be reached.
    pub fn check_net(&self, host: &str, port: u16) -> Result<(), RtError> {
        let host_l = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
        let ok = match &self.policy.net {
            Grant::Everything => true,
            Grant::Nothing => false,
            Grant::Only(v) => {
                v.iter().any(|t| t.host == host_l && t.port.map_or(true, |p| p == port))
            }
        };
        if ok {
            Ok(())
        } else {
            Err(denied(format!(
                "connecting to {host}:{port} is not allowed: run with --allow-net={host}:{port} (or --allow-net) to allow it"
            )))
        }
    }

    /// Whether the environment variables may be read or passed on.
    pub fn check_env(&self, what: &str) -> Result<(), RtError> {
        if self.policy.env {
            Ok(())
        } else {
            Err(denied(format!("{what} needs the environment: run with --allow-env to allow it")))
        }
    }
}

/// The file `program` names: a path as it is (relative to the current folder), a bare name
/// through the `PATH` of mini4d itself (never one a script set).
pub fn which(program: &str) -> Option<PathBuf> {
    if program.is_empty() || program.contains('\0') {
        return None;
    }
    let is_file = |p: &Path| p.metadata().is_ok_and(|m| m.is_file());
    if program.contains('/') {
        let p = absolute(Path::new(program));
        return is_file(&p).then_some(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_else(|| DEFAULT_PATH.into());
    std::env::split_paths(&path).map(|d| d.join(program)).find(|p| is_file(p))
}

/// The `PATH` given to programs when the environment is not passed on (`--allow-env` absent).
pub const DEFAULT_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// The longest existing ancestor of `p` and the rest of the path below it.
fn existing_ancestor(p: &Path) -> Option<(PathBuf, PathBuf)> {
    let mut cur = p.to_path_buf();
    let mut rest = Vec::new();
    loop {
        if cur.symlink_metadata().is_ok() {
            let mut tail = PathBuf::new();
            for r in rest.iter().rev() {
                tail.push(r);
            }
            return Some((cur, tail));
        }
        rest.push(cur.file_name()?.to_os_string());
        if !cur.pop() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir()
            .join(format!("mini4d-perm-{tag}-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&d).unwrap();
        d.canonicalize().unwrap()
    }

    /// The run's temporary folder is made on first use only, and removed with the gate.
    #[test]
    fn temporary_folder_is_made_on_first_use() {
        let folders = Folders::default().with_temp();
        let temp = folders.temp.clone().unwrap();
        let gate = Gate::new(Policy::defaults(&folders), folders);
        assert!(!temp.exists(), "made before its first use");
        assert_eq!(gate.temp_folder(), Some(temp.as_path()));
        assert!(temp.is_dir());
        gate.write(&temp.join("a.txt"), b"x").unwrap();
        drop(gate);
        assert!(!temp.exists(), "left behind");

        // A first use through a file access makes it too.
        let folders = Folders::default().with_temp();
        let temp = folders.temp.clone().unwrap();
        let gate = Gate::new(Policy::defaults(&folders), folders);
        assert!(gate.list(&temp).unwrap().is_empty());
        assert!(temp.is_dir());
        drop(gate);
        assert!(!temp.exists());

        // Never used: nothing made, nothing to remove.
        let folders = Folders::default().with_temp();
        let temp = folders.temp.clone().unwrap();
        drop(Gate::new(Policy::defaults(&folders), folders));
        assert!(!temp.exists());
    }

    fn gate_for(dir: &Path) -> Gate {
        let mut p = Policy::deny_all();
        p.allow_write(&[dir.join("inside")]);
        std::fs::create_dir_all(dir.join("inside")).unwrap();
        Gate::new(p, Folders::default())
    }

    #[test]
    fn dotdot_absolute_and_nul_are_refused() {
        let d = tempdir("dots");
        std::fs::write(d.join("secret"), "s").unwrap();
        let g = gate_for(&d);
        g.write(&d.join("inside/ok.txt"), b"ok").unwrap();
        assert_eq!(g.read(&d.join("inside/ok.txt")).unwrap(), b"ok");
        let e = g.read(&d.join("inside/../secret")).unwrap_err();
        assert_eq!(e.kind, ErrorKind::PermissionDenied);
        assert!(e.message.contains("--allow-read"), "{}", e.message);
        assert!(g.read(Path::new("/etc/passwd")).is_err());
        assert!(g.read(Path::new("inside/ok.txt")).is_err());
        let nul = PathBuf::from(format!("{}/inside/a\0b", d.display()));
        assert_eq!(g.read(&nul).unwrap_err().kind, ErrorKind::FileIo);
        // A backslash is a file name character on Unix: it stays inside.
        g.write(&d.join("inside/..\\..\\x"), b"b").unwrap();
        assert!(d.join("inside/..\\..\\x").exists());
        // A refused write creates nothing.
        assert!(g.write(&d.join("new.txt"), b"x").is_err());
        assert!(!d.join("new.txt").exists());
        let long = d.join("inside").join("x".repeat(5000));
        assert_eq!(g.write(&long, b"x").unwrap_err().kind, ErrorKind::FileIo);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_and_swapped_symlinks_are_refused() {
        let d = tempdir("links");
        let g = gate_for(&d);
        std::fs::write(d.join("secret"), "s").unwrap();
        std::os::unix::fs::symlink(d.join("secret"), d.join("inside/link")).unwrap();
        assert_eq!(g.read(&d.join("inside/link")).unwrap_err().kind, ErrorKind::PermissionDenied);
        // Writing through it would truncate the target: refused, the target is untouched.
        assert!(g.write(&d.join("inside/link"), b"").is_err());
        assert_eq!(std::fs::read(d.join("secret")).unwrap(), b"s");
        // A folder checked while it was a real folder, then swapped for a symlink out.
        std::fs::create_dir(d.join("inside/sub")).unwrap();
        g.write(&d.join("inside/sub/f"), b"1").unwrap();
        std::fs::remove_dir_all(d.join("inside/sub")).unwrap();
        std::os::unix::fs::symlink(&d, d.join("inside/sub")).unwrap();
        let e = g.read(&d.join("inside/sub/secret")).unwrap_err();
        assert_eq!(e.kind, ErrorKind::PermissionDenied);
        assert!(g.write(&d.join("inside/sub/secret"), b"x").is_err());
        assert_eq!(std::fs::read(d.join("secret")).unwrap(), b"s");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn run_net_env_grants() {
        let mut p = Policy::deny_all();
        let g = Gate::new(p.clone(), Folders::default());
        assert!(g.check_run("sh").unwrap_err().message.contains("--allow-run=sh"));
        assert!(g.check_net("127.0.0.1", 80).is_err());
        assert!(g.check_env("LAUNCH EXTERNAL PROCESS").is_err());
        p.allow_run(&["sh".to_string()]);
        p.allow_net(&["127.0.0.1:8080".to_string(), "example.com".to_string()]);
        p.env = true;
        let g = Gate::new(p, Folders::default());
        assert!(g.check_run("/bin/sh").is_ok());
        assert!(g.check_run("sh").is_ok());
        assert!(g.check_run("cat").is_err());
        // The same name elsewhere is another program.
        let d = tempdir("run");
        std::fs::write(d.join("sh"), "").unwrap();
        assert!(g.check_run(&d.join("sh").to_string_lossy()).is_err());
        let _ = std::fs::remove_dir_all(&d);
        assert!(g.check_net("127.0.0.1", 8080).is_ok());
        assert!(g.check_net("127.0.0.1", 8081).is_err());
        assert!(g.check_net("EXAMPLE.com", 443).is_ok());
        assert!(g.check_env("x").is_ok());
    }
}
