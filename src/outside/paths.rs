//! 4D pathnames (docs/Concepts/paths.md): POSIX paths, the filesystems `/PACKAGE/`, `/DATA/`, …
//! of the run, the `fk … folder` constants, and the conversions between POSIX and system paths.
//!
//! A [`Place`] keeps both the path a script sees (`/RESOURCES/sample.md`, as `.path` returns
//! it) and the real path on disk that the permission gate checks.

use std::path::{Path, PathBuf};

use crate::permissions::{normalize, Folders};
use crate::runtime::{ErrorKind, RtError};

/// A file or folder as 4D names it and as it is on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The POSIX path shown to scripts; a folder's ends with `/`.
    pub shown: String,
    /// The absolute path on disk (lexically normalized).
    pub real: PathBuf,
    pub folder: bool,
}

/// The filesystems, in the order they are tried.
const FILESYSTEMS: &[&str] = &["PACKAGE", "PROJECT", "SOURCES", "RESOURCES", "DATA", "LOGS"];

fn filesystem_folder<'a>(folders: &'a Folders, name: &str) -> Option<&'a Option<PathBuf>> {
    Some(match name {
        "PACKAGE" => &folders.package,
        "PROJECT" => &folders.project,
        "SOURCES" => &folders.sources,
        "RESOURCES" => &folders.resources,
        "DATA" => &folders.data,
        "LOGS" => &folders.logs,
        _ => return None,
    })
}

fn invalid(text: &str, why: &str) -> RtError {
    RtError::new(ErrorKind::FileIo, format!("invalid pathname {text:?}: {why}"))
}

/// Joins relative POSIX `segments` below `base` (`..` never climbs above `base`).
fn join_below(base: &Path, rel: &str) -> (PathBuf, String) {
    let mut parts: Vec<&str> = Vec::new();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut real = base.to_path_buf();
    for p in &parts {
        real.push(p);
    }
    (real, parts.join("/"))
}

impl Place {
    /// A POSIX path given to `File()`/`Folder()`: absolute, possibly starting with a filesystem.
    pub fn parse(folders: &Folders, text: &str, folder: bool) -> Result<Place, RtError> {
        if text.contains('\0') {
            return Err(invalid(text, "it contains a NUL character"));
        }
        if !text.starts_with('/') {
            return Err(invalid(text, "File and Folder take absolute paths (starting with /)"));
        }
        let body = &text[1..];
        let (first, rest) = body.split_once('/').unwrap_or((body, ""));
        if let Some(slot) = filesystem_folder(folders, first) {
            let Some(base) = slot else {
                return Err(invalid(text, &format!("this run has no /{first}/ folder")));
            };
            let (real, rel) = join_below(base, rest);
            return Ok(Place::make(format!("/{first}/{rel}"), real, folder));
        }
        let (real, rel) = join_below(Path::new("/"), body);
        Ok(Place::make(format!("/{rel}"), real, folder))
    }

    /// A platform path (`fk platform path`): on Unix the same as POSIX, without filesystems.
    pub fn parse_platform(text: &str, folder: bool) -> Result<Place, RtError> {
        if text.contains('\0') {
            return Err(invalid(text, "it contains a NUL character"));
        }
        if !text.starts_with('/') {
            return Err(invalid(text, "a platform path must be absolute"));
        }
        let (real, rel) = join_below(Path::new("/"), &text[1..]);
        Ok(Place::make(format!("/{rel}"), real, folder))
    }

    /// The place of a real folder or file, shown through the filesystem holding it, if any.
    pub fn from_real(folders: &Folders, real: &Path, folder: bool) -> Place {
        let real = normalize(real);
        let mut best: Option<(&str, &Path)> = None;
        for fs in FILESYSTEMS {
            if let Some(Some(base)) = filesystem_folder(folders, fs) {
                let longer = best.is_none_or(|(_, b)| b.as_os_str().len() < base.as_os_str().len());
                if real.starts_with(base) && longer {
                    best = Some((fs, base));
                }
            }
        }
        let shown = match best {
            Some((fs, base)) => {
                let rel = real.strip_prefix(base).map(|r| r.to_string_lossy().into_owned());
                format!("/{fs}/{}", rel.unwrap_or_default())
            }
            None => real.to_string_lossy().into_owned(),
        };
        Place::make(shown, real, folder)
    }

    fn make(mut shown: String, real: PathBuf, folder: bool) -> Place {
        if folder && !shown.ends_with('/') {
            shown.push('/');
        }
        if !folder {
            while shown.len() > 1 && shown.ends_with('/') {
                shown.pop();
            }
        }
        Place { shown, real, folder }
    }

    /// `.fullName`: the last name (a folder's without its trailing `/`).
    pub fn full_name(&self) -> String {
        let t = self.shown.trim_end_matches('/');
        match t.rsplit_once('/') {
            Some((_, n)) if !n.is_empty() => n.to_string(),
            _ => {
                self.real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
            }
        }
    }

    /// `.name` and `.extension` (with its dot).
    pub fn name_and_extension(&self) -> (String, String) {
        let full = self.full_name();
        match full.rfind('.') {
            Some(i) if i > 0 => (full[..i].to_string(), full[i..].to_string()),
            _ => (full, String::new()),
        }
    }

    /// `.platformPath`: the real path (a folder's with a trailing separator).
    pub fn platform(&self) -> String {
        let mut s = self.real.to_string_lossy().into_owned();
        if self.folder && !s.ends_with('/') {
            s.push('/');
        }
        s
    }

    /// The parent folder, `None` at the root of the disk.
    pub fn parent(&self, folders: &Folders) -> Option<Place> {
        let t = self.shown.trim_end_matches('/');
        let parent_real = self.real.parent()?.to_path_buf();
        // Inside a filesystem, the parent is shown through it (up to the filesystem itself).
        if let Some(rest) = t.strip_prefix('/') {
            if let Some((fs, tail)) = rest.split_once('/') {
                if filesystem_folder(folders, fs).is_some() {
                    let shown = match tail.rsplit_once('/') {
                        Some((p, _)) => format!("/{fs}/{p}/"),
                        None if !tail.is_empty() => format!("/{fs}/"),
                        None => {
                            return Some(Place::from_real(&Folders::default(), &parent_real, true))
                        }
                    };
                    return Some(Place::make(shown, parent_real, true));
                }
            }
        }
        Some(Place::from_real(&Folders::default(), &parent_real, true))
    }

    /// The place `rel` (a relative POSIX path) below this folder.
    pub fn child(&self, rel: &str, folder: bool) -> Result<Place, RtError> {
        if rel.contains('\0') {
            return Err(invalid(rel, "it contains a NUL character"));
        }
        if rel.starts_with('/') {
            return Err(invalid(rel, "file() and folder() take a path relative to the folder"));
        }
        let (real, joined) = join_below(&self.real, rel);
        let mut shown = self.shown.clone();
        if !shown.ends_with('/') {
            shown.push('/');
        }
        shown.push_str(&joined);
        Ok(Place::make(shown, real, folder))
    }
}

/// The folder of an `fk … folder` constant for `Folder()`; `None` for an unknown constant.
pub fn fk_folder(folders: &Folders, constant: i64) -> Result<Option<Place>, RtError> {
    let fs = |name: &str| -> Result<Option<Place>, RtError> {
        Place::parse(folders, &format!("/{name}/"), true).map(Some)
    };
    let home = || PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| "/".into()));
    let real = |p: PathBuf| Ok(Some(Place::from_real(folders, &p, true)));
    match constant {
        4 => fs("PACKAGE"),
        6 => fs("RESOURCES"),
        7 => fs("LOGS"),
        9 => fs("DATA"),
        8 => Ok(Some(Place::parse(folders, "/PACKAGE/WebFolder/", true)?)),
        118 => real(home()),
        115 => real(home().join("Desktop")),
        117 => real(home().join("Documents")),
        0 => real(home().join(".config")),
        100 => real(PathBuf::from("/")),
        116 => real(PathBuf::from("/usr/bin")),
        1 | 3 | 10 => Ok(None),
        _ => Ok(None),
    }
}

/// `Convert path system to POSIX`: on Unix the system path is already POSIX; with
/// `*` the result is escaped (spaces and special characters percent-encoded).
pub fn system_to_posix(text: &str, escape: bool) -> String {
    if !escape {
        return text.to_string();
    }
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `Convert path POSIX to system`: on Unix the same path, percent-escapes decoded.
pub fn posix_to_system(text: &str) -> String {
    crate::serve::request::percent_decode(text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folders() -> Folders {
        Folders::for_root(Path::new("/p"), Some(Path::new("/p/Project")), None)
    }

    #[test]
    fn filesystems_and_dotdot() {
        let f = folders();
        let p = Place::parse(&f, "/RESOURCES/a/../b.txt", false).unwrap();
        assert_eq!(p.shown, "/RESOURCES/b.txt");
        assert_eq!(p.real, PathBuf::from("/p/Resources/b.txt"));
        let p = Place::parse(&f, "/DATA/../../etc/passwd", false).unwrap();
        assert_eq!(p.real, PathBuf::from("/p/Data/etc/passwd"));
        assert!(Place::parse(&f, "relative", false).is_err());
        let d = Place::parse(&f, "/SOURCES", true).unwrap();
        assert_eq!(d.shown, "/SOURCES/");
        assert_eq!(d.child("Methods/x.4dm", false).unwrap().shown, "/SOURCES/Methods/x.4dm");
        assert_eq!(d.parent(&f).unwrap().real, PathBuf::from("/p/Project"));
        let file = Place::parse(&f, "/tmp/a.b.txt", false).unwrap();
        assert_eq!(file.name_and_extension(), ("a.b".to_string(), ".txt".to_string()));
        assert_eq!(Place::from_real(&f, Path::new("/p/Data/x"), false).shown, "/DATA/x");
    }

    #[test]
    fn posix_conversions() {
        assert_eq!(system_to_posix("/a b/c", true), "/a%20b/c");
        assert_eq!(posix_to_system("/a%20b/c"), "/a b/c");
        assert_eq!(posix_to_system("/a%2"), "/a%2");
    }
}
