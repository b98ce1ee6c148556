//! `4D.File` and `4D.Folder` (docs/API/FileClass.md, FolderClass.md, Document.md, Directory.md)
//! as native classes: every access goes through the permission gate.

use std::path::Path;
use std::time::SystemTime;

use super::paths::{fk_folder, Place};
use super::text;
use crate::commands::{Args, Host};
use crate::native::{self, new_instance, NativeClass};
use crate::permissions::{io_error, WriteMode};
use crate::runtime::{CollRef, Date, ErrorKind, ObjRef, RtError, Value};

pub static FILE: NativeClass = NativeClass {
    name: "File",
    superclass: None,
    constructor: Some(|host, args| file_command(host, args)),
    functions: &[
        ("create", |h, o, _| create_file(h, &place(o)?)),
        ("delete", |h, o, _| delete_file(h, &place(o)?)),
        ("getText", |h, o, a| get_text(h, &place(o)?, a)),
        ("setText", |h, o, a| set_text(h, &place(o)?, a)),
        ("getContent", |h, o, _| {
            let bytes = h.gate().read(&place(o)?.real)?;
            Ok(crate::runtime::blob::to_object(std::rc::Rc::new(bytes)))
        }),
        ("setContent", |h, o, a| {
            let bytes = crate::commands::blobs::blob_arg(a, 0, "setContent")?;
            let p = place(o)?;
            if let Some(parent) = p.real.parent() {
                h.gate().create_dir_all(parent)?;
            }
            h.gate().write(&p.real, &bytes)?;
            Ok(Value::Undefined)
        }),
        ("copyTo", |h, o, a| copy_to(h, &place(o)?, a)),
        ("moveTo", |h, o, a| move_to(h, &place(o)?, a)),
        ("rename", |h, o, a| rename(h, &place(o)?, a)),
        ("getAppInfo", |_, _, _| Ok(Value::Object(ObjRef::new()))),
        ("open", |h, o, a| super::handle::open(h, &place(o)?, a)),
    ],
    getters: DOCUMENT_GETTERS,
    setters: &[],
};

pub static FOLDER: NativeClass = NativeClass {
    name: "Folder",
    superclass: None,
    constructor: Some(|host, args| folder_command(host, args)),
    functions: &[
        ("create", |h, o, _| create_folder(h, &place(o)?)),
        ("delete", |h, o, a| delete_folder(h, &place(o)?, a)),
        ("file", |_, o, a| child(&place(o)?, a, false)),
        ("folder", |_, o, a| child(&place(o)?, a, true)),
        ("files", |h, o, a| list(h, &place(o)?, a, false)),
        ("folders", |h, o, a| list(h, &place(o)?, a, true)),
        ("copyTo", |h, o, a| copy_to(h, &place(o)?, a)),
        ("moveTo", |h, o, a| move_to(h, &place(o)?, a)),
        ("rename", |h, o, a| rename(h, &place(o)?, a)),
    ],
    getters: DOCUMENT_GETTERS,
    setters: &[],
};

/// The properties both classes have.
const DOCUMENT_GETTERS: &[(&str, crate::native::NativeGetter)] = &[
    ("path", |_, o| Ok(Value::text(place(o)?.shown))),
    ("platformPath", |_, o| Ok(Value::text(place(o)?.platform()))),
    ("fullName", |_, o| Ok(Value::text(place(o)?.full_name()))),
    ("name", |_, o| {
        let p = place(o)?;
        Ok(Value::text(if p.folder { p.full_name() } else { p.name_and_extension().0 }))
    }),
    ("extension", |_, o| {
        let p = place(o)?;
        Ok(Value::text(if p.folder { String::new() } else { p.name_and_extension().1 }))
    }),
    ("isFile", |_, o| Ok(Value::Bool(!place(o)?.folder))),
    ("isFolder", |_, o| Ok(Value::Bool(place(o)?.folder))),
    ("isPackage", |_, _| Ok(Value::Bool(false))),
    ("exists", |h, o| {
        let p = place(o)?;
        let m = h.gate().metadata(&p.real)?;
        Ok(Value::Bool(m.is_some_and(|m| if p.folder { m.is_dir() } else { !m.is_dir() })))
    }),
    ("isAlias", |h, o| {
        let m = h.gate().metadata(&place(o)?.real)?;
        Ok(Value::Bool(m.is_some_and(|m| m.file_type().is_symlink())))
    }),
    ("hidden", |_, o| Ok(Value::Bool(place(o)?.full_name().starts_with('.')))),
    ("isWritable", |h, o| {
        let p = place(o)?;
        let exists = h.gate().metadata(&p.real)?.is_some();
        Ok(Value::Bool(exists && h.gate().may(&p.real, crate::permissions::Access::Write)))
    }),
    ("size", |h, o| {
        let m = h.gate().metadata(&place(o)?.real)?;
        Ok(Value::Real(m.map_or(0.0, |m| m.len() as f64)))
    }),
    ("parent", |h, o| {
        Ok(match place(o)?.parent(&h.gate().folders) {
            Some(p) => make(p),
            None => Value::Null,
        })
    }),
    ("original", |_, o| Ok(Value::Object(o.clone()))),
    ("creationDate", |h, o| Ok(stamp(h, o, true)?.0)),
    ("creationTime", |h, o| Ok(stamp(h, o, true)?.1)),
    ("modificationDate", |h, o| Ok(stamp(h, o, false)?.0)),
    ("modificationTime", |h, o| Ok(stamp(h, o, false)?.1)),
];

fn place(o: &ObjRef) -> Result<Place, RtError> {
    if let Some(i) = native::instance(o) {
        if let Ok(p) = i.state.clone().downcast::<Place>() {
            return Ok((*p).clone());
        }
    }
    Err(RtError::type_mismatch("this function must be called on a 4D.File or a 4D.Folder"))
}

/// A `4D.File` or `4D.Folder` for `p`.
pub fn make(p: Place) -> Value {
    let class = if p.folder { &FOLDER } else { &FILE };
    Value::Object(new_instance(class, p))
}

/// The place of a `4D.File`/`4D.Folder` value, if it is one.
pub fn place_of(v: &Value) -> Option<Place> {
    match v {
        Value::Object(o) => place(o).ok(),
        _ => None,
    }
}

fn stamp(h: &mut dyn Host, o: &ObjRef, created: bool) -> Result<(Value, Value), RtError> {
    let p = place(o)?;
    let Some(m) = h.gate().metadata(&p.real)? else {
        return Ok((Value::Date(Date::NULL), Value::Time(0)));
    };
    let t = if created { m.created().or_else(|_| m.modified()) } else { m.modified() };
    let Ok(t) = t else { return Ok((Value::Date(Date::NULL), Value::Time(0))) };
    let t: SystemTime = t.into_std();
    let local: chrono::DateTime<chrono::Local> = t.into();
    use chrono::{Datelike, Timelike};
    let date = Date::new(local.year() as u16, local.month() as u8, local.day() as u8);
    Ok((Value::Date(date), Value::Time(local.num_seconds_from_midnight() as i64)))
}

// ----- File() and Folder() -------------------------------------------------------------------

/// `File(path {; pathType}{; *})` / `File(fileConstant {; *})`.
pub fn file_command(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    document_command(host, args, false)
}

/// `Folder(path {; pathType}{; *})` / `Folder(folderConstant {; *})`.
pub fn folder_command(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    document_command(host, args, true)
}

fn document_command(host: &mut dyn Host, args: &mut Args, folder: bool) -> Result<Value, RtError> {
    let name = if folder { "Folder" } else { "File" };
    let folders = &host.gate().folders;
    match args.value(0) {
        Value::Text(t) => {
            let platform = args.num(1, name)? as i64 == 1;
            let p = if platform {
                Place::parse_platform(&t, folder)?
            } else {
                Place::parse(folders, &t, folder)?
            };
            Ok(make(p))
        }
        Value::Int(_) | Value::Real(_) => {
            let c = args.num(0, name)? as i64;
            if folder {
                Ok(fk_folder(folders, c)?.map_or(Value::Null, make))
            } else {
                // 4D's log and settings files: mini4d has none of them.
                Ok(Value::Null)
            }
        }
        v => Err(RtError::type_mismatch(format!(
            "{name}: the first parameter must be a path or a constant, not {}",
            v.kind_name()
        ))),
    }
}

// ----- functions -----------------------------------------------------------------------------

fn create_file(h: &mut dyn Host, p: &Place) -> Result<Value, RtError> {
    let gate = h.gate();
    if gate.metadata(&p.real)?.is_some() {
        return Ok(Value::Bool(false));
    }
    if let Some(parent) = p.real.parent() {
        gate.create_dir_all(parent)?;
    }
    match gate.open_write(&p.real, WriteMode::CreateNew) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.kind == ErrorKind::FileExists => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn create_folder(h: &mut dyn Host, p: &Place) -> Result<Value, RtError> {
    let gate = h.gate();
    if gate.metadata(&p.real)?.is_some() {
        return Ok(Value::Bool(false));
    }
    gate.create_dir_all(&p.real)?;
    Ok(Value::Bool(true))
}

fn delete_file(h: &mut dyn Host, p: &Place) -> Result<Value, RtError> {
    let gate = h.gate();
    if gate.metadata(&p.real)?.is_none() {
        return Ok(Value::Undefined);
    }
    gate.remove_file(&p.real)?;
    Ok(Value::Undefined)
}

/// `.delete({option})`: `Delete only if empty` (0, default) or `Delete with contents` (1).
fn delete_folder(h: &mut dyn Host, p: &Place, a: &mut Args) -> Result<Value, RtError> {
    let recursive = a.num(0, "delete")? as i64 == 1;
    let gate = h.gate();
    if gate.metadata(&p.real)?.is_none() {
        return Ok(Value::Undefined);
    }
    gate.remove_dir(&p.real, recursive)?;
    Ok(Value::Undefined)
}

fn get_text(h: &mut dyn Host, p: &Place, a: &mut Args) -> Result<Value, RtError> {
    let charset = text::charset_arg(a, 0, "getText")?;
    let mode = if a.len() > 1 { a.num(1, "getText")? as i64 } else { 1 };
    let bytes = h.gate().read(&p.real)?;
    let t = text::decode(&bytes, charset.as_deref())?;
    Ok(Value::text(text::line_ends(&t, mode)))
}

fn set_text(h: &mut dyn Host, p: &Place, a: &mut Args) -> Result<Value, RtError> {
    let t = a.text(0, "setText")?;
    let charset = text::charset_arg(a, 1, "setText")?;
    let mode = if a.len() > 2 { a.num(2, "setText")? as i64 } else { 1 };
    let bytes = text::encode(&text::line_ends(&t, mode), charset.as_deref())?;
    let gate = h.gate();
    if let Some(parent) = p.real.parent() {
        gate.create_dir_all(parent)?;
    }
    gate.write(&p.real, &bytes)?;
    Ok(Value::Undefined)
}

fn child(p: &Place, a: &mut Args, folder: bool) -> Result<Value, RtError> {
    let rel = a.text(0, if folder { "folder" } else { "file" })?;
    Ok(make(p.child(&rel, folder)?))
}

/// `.files({options})` / `.folders({options})`: `fk recursive` (1), `fk ignore invisible` (8).
fn list(h: &mut dyn Host, p: &Place, a: &mut Args, folders: bool) -> Result<Value, RtError> {
    let options = a.num(0, if folders { "folders" } else { "files" })? as i64;
    let (recursive, ignore_invisible) = (options & 1 != 0, options & 8 != 0);
    let out = CollRef::new();
    if h.gate().metadata(&p.real)?.is_none() {
        return Ok(Value::Collection(out));
    }
    let mut stack = vec![p.clone()];
    while let Some(dir) = stack.pop() {
        let entries = h.gate().list(&dir.real)?;
        let mut subdirs = Vec::new();
        for (name, is_dir) in entries {
            if ignore_invisible && name.starts_with('.') {
                continue;
            }
            let item = dir.child(&name, is_dir)?;
            if is_dir == folders {
                out.push(make(item.clone()));
            }
            if is_dir && recursive {
                subdirs.push(item);
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
    Ok(Value::Collection(out))
}

/// The destination folder argument of `copyTo`/`moveTo`.
fn destination(a: &Args, name: &str) -> Result<Place, RtError> {
    match place_of(&a.value(0)) {
        Some(d) if d.folder => Ok(d),
        _ => Err(RtError::type_mismatch(format!("{name}: the destination must be a 4D.Folder"))),
    }
}

/// `newName` and `fk overwrite` (4) of `copyTo`/`moveTo`.
fn name_and_overwrite(a: &Args, p: &Place, name: &str) -> Result<(String, bool), RtError> {
    let (new_name, overwrite) = match a.value(1) {
        Value::Text(t) => (t.to_string(), a.num(2, name)? as i64 == 4),
        Value::Undefined => (p.full_name(), false),
        _ => (p.full_name(), a.num(1, name)? as i64 == 4),
    };
    check_name(&new_name)?;
    Ok((new_name, overwrite))
}

fn check_name(n: &str) -> Result<(), RtError> {
    if n.is_empty() || n.contains('/') || n.contains('\0') || n == "." || n == ".." {
        return Err(RtError::new(ErrorKind::FileIo, format!("invalid name {n:?}")));
    }
    Ok(())
}

fn copy_to(h: &mut dyn Host, p: &Place, a: &mut Args) -> Result<Value, RtError> {
    let dest = destination(a, "copyTo")?;
    let (new_name, overwrite) = name_and_overwrite(a, p, "copyTo")?;
    let target = dest.child(&new_name, p.folder)?;
    let gate = h.gate();
    if gate.metadata(&dest.real)?.is_none() {
        return Err(io_error(&std::io::ErrorKind::NotFound.into(), "cannot copy into", &dest.real));
    }
    if gate.metadata(&target.real)?.is_some() && !overwrite {
        return Err(io_error(
            &std::io::ErrorKind::AlreadyExists.into(),
            "cannot copy to",
            &target.real,
        ));
    }
    if p.folder {
        copy_tree(h, p, &target)?;
    } else {
        gate.copy(&p.real, &target.real)?;
    }
    Ok(make(target))
}

fn copy_tree(h: &mut dyn Host, from: &Place, to: &Place) -> Result<(), RtError> {
    h.gate().create_dir_all(&to.real)?;
    for (name, is_dir) in h.gate().list(&from.real)? {
        let (f, t) = (from.child(&name, is_dir)?, to.child(&name, is_dir)?);
        if is_dir {
            copy_tree(h, &f, &t)?;
        } else {
            h.gate().copy(&f.real, &t.real)?;
        }
    }
    Ok(())
}

fn move_to(h: &mut dyn Host, p: &Place, a: &mut Args) -> Result<Value, RtError> {
    let dest = destination(a, "moveTo")?;
    let new_name = match a.value(1) {
        Value::Text(t) => t.to_string(),
        _ => p.full_name(),
    };
    check_name(&new_name)?;
    let target = dest.child(&new_name, p.folder)?;
    if h.gate().metadata(&target.real)?.is_some() {
        return Err(io_error(
            &std::io::ErrorKind::AlreadyExists.into(),
            "cannot move to",
            &target.real,
        ));
    }
    h.gate().rename(&p.real, &target.real)?;
    Ok(make(target))
}

fn rename(h: &mut dyn Host, p: &Place, a: &mut Args) -> Result<Value, RtError> {
    let new_name = a.text(0, "rename")?;
    check_name(&new_name)?;
    let parent = p
        .parent(&h.gate().folders)
        .ok_or_else(|| RtError::new(ErrorKind::FileIo, "cannot rename the root"))?;
    let target = parent.child(&new_name, p.folder)?;
    if h.gate().metadata(&target.real)?.is_some() {
        return Err(io_error(
            &std::io::ErrorKind::AlreadyExists.into(),
            "cannot rename to",
            &target.real,
        ));
    }
    h.gate().rename(&p.real, &target.real)?;
    Ok(make(target))
}

/// The place a classic document command names (a platform path, absolute; relative paths are
/// taken from the package folder, as 4D takes them from the structure's folder).
pub fn classic_place(host: &dyn Host, text: &str, folder: bool) -> Result<Place, RtError> {
    if text.starts_with('/') {
        return Place::parse_platform(text, folder);
    }
    let Some(base) = &host.gate().folders.package else {
        return Err(RtError::new(
            ErrorKind::FileIo,
            format!("invalid pathname {text:?}: relative paths need a project or method folder"),
        ));
    };
    let full = Path::new(base).join(text);
    Place::parse_platform(&full.to_string_lossy(), folder)
}
