//! `4D.FileHandle` (docs/API/FileHandleClass.md): sequential reading and writing of an open
//! document, made by `file.open()`. The file is opened once through the permission gate; the
//! handle keeps the open file (a capability), so later reads and writes touch that file only.
//!
//! Offsets: byte functions (`readBlob`, `writeBlob`) count bytes; the text reading functions
//! load the whole document once, decoded, and count characters in it (as 4D documents).
//! Writing text counts bytes.

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::rc::Rc;

use super::file::make;
use super::paths::Place;
use super::text;
use crate::commands::{Args, Host};
use crate::native::{new_instance, state, NativeClass};
use crate::permissions::{io_error, WriteMode};
use crate::runtime::{ErrorKind, ObjRef, RtError, Value};

pub static FILE_HANDLE: NativeClass = NativeClass {
    name: "FileHandle",
    superclass: None,
    constructor: None,
    functions: &[
        ("readLine", |_, o, _| with(o, |h| h.read_line().map(Value::text))),
        ("readText", |_, o, a| {
            let stop = match a.value(0) {
                Value::Undefined => None,
                _ => Some(a.text(0, "readText")?),
            };
            with(o, |h| h.read_text(stop.as_deref()).map(Value::text))
        }),
        ("readBlob", |_, o, a| {
            let n = a.num(0, "readBlob")?;
            with(o, |h| h.read_blob(n))
        }),
        ("writeText", |_, o, a| {
            let t = a.text(0, "writeText")?;
            with(o, |h| h.write_text(&t, false))
        }),
        ("writeLine", |_, o, a| {
            let t = a.text(0, "writeLine")?;
            with(o, |h| h.write_text(&t, true))
        }),
        ("writeBlob", |_, o, a| {
            let b = crate::commands::blobs::blob_arg(a, 0, "writeBlob")?;
            with(o, |h| h.write_bytes(&b).map(|_| Value::Undefined))
        }),
        ("getSize", |_, o, _| with(o, |h| Ok(Value::Real(h.size()? as f64)))),
        ("setSize", |_, o, a| {
            let n = a.num(0, "setSize")?;
            with(o, |h| h.set_size(n))
        }),
    ],
    getters: &[
        ("mode", |_, o| with(o, |h| Ok(Value::text(h.mode.name())))),
        ("charset", |_, o| with(o, |h| Ok(Value::text(h.charset.clone())))),
        ("breakModeRead", |_, o| with(o, |h| Ok(Value::text(break_name(h.break_read))))),
        ("breakModeWrite", |_, o| with(o, |h| Ok(Value::text(break_name(h.break_write))))),
        ("file", |_, o| with(o, |h| Ok(make(h.place.clone())))),
        ("offset", |_, o| with(o, |h| Ok(Value::Real(h.offset as f64)))),
        ("eof", |_, o| with(o, |h| Ok(Value::Bool(h.offset >= h.end()?)))),
    ],
    setters: &[("offset", |_, o, v| {
        let n = v.as_number().ok_or_else(|| RtError::type_mismatch("offset must be a number"))?;
        with(o, |h| {
            let end = h.end()?;
            h.offset = if n < 0.0 { 0 } else { (n as u64).min(end) };
            Ok(())
        })
    })],
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Read,
    Write,
    Append,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Read => "read",
            Mode::Write => "write",
            Mode::Append => "append",
        }
    }
}

/// One open document.
struct Handle {
    file: std::fs::File,
    place: Place,
    mode: Mode,
    charset: String,
    break_read: i64,
    break_write: i64,
    offset: u64,
    /// The decoded document, loaded by the first text read (the offset then counts characters).
    text: Option<Vec<char>>,
}

/// The documents open for writing in this thread: one writing handle per file (4D's rule).
struct Writing(PathBuf);

thread_local! {
    static WRITING: RefCell<HashSet<PathBuf>> = RefCell::new(HashSet::new());
}

impl Drop for Writing {
    fn drop(&mut self) {
        let _ = WRITING.try_with(|w| w.borrow_mut().remove(&self.0));
    }
}

struct State {
    handle: RefCell<Handle>,
    _writing: Option<Writing>,
}

fn with<R>(o: &ObjRef, f: impl FnOnce(&mut Handle) -> Result<R, RtError>) -> Result<R, RtError> {
    let s: Rc<State> = state(o, &FILE_HANDLE)?;
    let mut h = s.handle.try_borrow_mut().map_err(|_| RtError::generic("file handle in use"))?;
    f(&mut h)
}

fn break_name(mode: i64) -> &'static str {
    match mode {
        0 => "unchanged",
        2 => "crlf",
        3 => "cr",
        4 => "lf",
        _ => "native",
    }
}

fn break_mode(v: &Value) -> Result<i64, RtError> {
    match v {
        Value::Undefined | Value::Null => Ok(1),
        Value::Text(t) => match t.as_str() {
            "native" => Ok(1),
            "crlf" => Ok(2),
            "cr" => Ok(3),
            "lf" => Ok(4),
            other => Err(RtError::new(
                ErrorKind::Generic,
                format!("open: unknown line break mode {other:?} (native, crlf, cr or lf)"),
            )),
        },
        v => match v.as_number() {
            Some(n) if (1.0..=4.0).contains(&n) => Ok(n as i64),
            _ => Err(RtError::new(
                ErrorKind::Generic,
                "open: the line break mode must be native, crlf, cr, lf or 1 to 4",
            )),
        },
    }
}

/// `file.open({mode | options})`.
pub fn open(host: &mut dyn Host, place: &Place, args: &mut Args) -> Result<Value, RtError> {
    let (mode_text, charset, break_read, break_write) = match args.value(0) {
        Value::Undefined => ("read".to_string(), None, 1, 1),
        Value::Text(t) => (t.to_string(), None, 1, 1),
        Value::Object(o) => {
            let mode = match o.get_str("mode") {
                Value::Undefined | Value::Null => "read".to_string(),
                Value::Text(t) => t.to_string(),
                v => {
                    return Err(RtError::type_mismatch(format!(
                        "open: mode must be a text, not {}",
                        v.kind_name()
                    )))
                }
            };
            let charset = match o.get_str("charset") {
                Value::Text(t) if !t.is_empty() => Some(t.to_string()),
                _ => None,
            };
            (
                mode,
                charset,
                break_mode(&o.get_str("breakModeRead"))?,
                break_mode(&o.get_str("breakModeWrite"))?,
            )
        }
        v => {
            return Err(RtError::type_mismatch(format!(
                "open: the parameter must be a mode or an options object, not {}",
                v.kind_name()
            )))
        }
    };
    let mode = match mode_text.as_str() {
        "read" => Mode::Read,
        "write" => Mode::Write,
        "append" => Mode::Append,
        other => {
            return Err(RtError::new(
                ErrorKind::Generic,
                format!("open: unknown mode {other:?} (read, write or append; case matters)"),
            ))
        }
    };
    let charset = charset.unwrap_or_else(|| "UTF-8".to_string());
    // Checks the name now, not at the first read.
    text::encode("", Some(&charset))?;
    let gate = host.gate();
    let mut writing = None;
    let file = if mode == Mode::Read {
        gate.open_read(&place.real)?
    } else {
        let key = place.real.clone();
        let taken = WRITING.with(|w| !w.borrow_mut().insert(key.clone()));
        if taken {
            return Err(RtError::new(
                ErrorKind::FileIo,
                format!(
                    "open: {} is already open for writing by another file handle",
                    place.real.display()
                ),
            ));
        }
        writing = Some(Writing(key));
        if let Some(parent) = place.real.parent() {
            if gate.metadata(parent)?.is_none() {
                gate.create_dir_all(parent)?;
            }
        }
        gate.open_write(&place.real, WriteMode::ReadWrite)?
    };
    let mut handle = Handle {
        file,
        place: place.clone(),
        mode,
        charset,
        break_read,
        break_write,
        offset: 0,
        text: None,
    };
    if mode == Mode::Append {
        handle.offset = handle.size()?;
    }
    let s = State { handle: RefCell::new(handle), _writing: writing };
    Ok(Value::Object(new_instance(&FILE_HANDLE, s)))
}

impl Handle {
    fn io(&self, e: std::io::Error, what: &str) -> RtError {
        io_error(&e, what, &self.place.real)
    }

    fn size(&self) -> Result<u64, RtError> {
        self.file.metadata().map(|m| m.len()).map_err(|e| self.io(e, "cannot read"))
    }

    /// The end the offset is measured against: characters once text was read, else bytes.
    fn end(&self) -> Result<u64, RtError> {
        match &self.text {
            Some(t) => Ok(t.len() as u64),
            None => self.size(),
        }
    }

    fn writable(&self, what: &str) -> Result<(), RtError> {
        if self.mode == Mode::Read {
            return Err(RtError::new(
                ErrorKind::FileIo,
                format!("{what}: the file handle was opened in read mode"),
            ));
        }
        Ok(())
    }

    /// The document's text, decoded with the handle's charset and line-break mode.
    fn loaded(&mut self) -> Result<&[char], RtError> {
        if self.text.is_none() {
            let mut bytes = Vec::new();
            self.file.seek(SeekFrom::Start(0)).map_err(|e| self.io(e, "cannot read"))?;
            self.file.read_to_end(&mut bytes).map_err(|e| self.io(e, "cannot read"))?;
            let t = text::decode(&bytes, Some(&self.charset))?;
            self.text = Some(text::line_ends(&t, self.break_read).chars().collect());
        }
        Ok(self.text.as_deref().unwrap_or(&[]))
    }

    fn read_text(&mut self, stop: Option<&str>) -> Result<String, RtError> {
        let start = self.offset as usize;
        let t = self.loaded()?;
        let start = start.min(t.len());
        let rest = &t[start..];
        match stop {
            None | Some("") => {
                let s: String = rest.iter().collect();
                self.offset = (start + rest.len()) as u64;
                Ok(s)
            }
            Some(stop) => {
                let stop: Vec<char> = stop.chars().collect();
                match rest.windows(stop.len()).position(|w| w == stop.as_slice()) {
                    Some(i) => {
                        let s: String = rest[..i].iter().collect();
                        self.offset = (start + i + stop.len()) as u64;
                        Ok(s)
                    }
                    None => Ok(String::new()),
                }
            }
        }
    }

    fn read_line(&mut self) -> Result<String, RtError> {
        let start = self.offset as usize;
        let t = self.loaded()?;
        let start = start.min(t.len());
        let rest = &t[start..];
        let (line, used) = match rest.iter().position(|&c| c == '\n' || c == '\r') {
            Some(i) => {
                let crlf = rest[i] == '\r' && rest.get(i + 1) == Some(&'\n');
                (&rest[..i], i + if crlf { 2 } else { 1 })
            }
            None => (rest, rest.len()),
        };
        let s: String = line.iter().collect();
        self.offset = (start + used) as u64;
        Ok(s)
    }

    fn read_blob(&mut self, n: f64) -> Result<Value, RtError> {
        let n = if n.is_finite() && n > 0.0 { n as u64 } else { 0 };
        let size = self.size()?;
        let start = self.offset.min(size);
        let count = n.min(size - start) as usize;
        let mut buf = vec![0u8; count];
        self.file.seek(SeekFrom::Start(start)).map_err(|e| self.io(e, "cannot read"))?;
        self.file.read_exact(&mut buf).map_err(|e| self.io(e, "cannot read"))?;
        self.offset = start + count as u64;
        Ok(crate::runtime::blob::to_object(Rc::new(buf)))
    }

    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), RtError> {
        self.writable("write")?;
        self.file.seek(SeekFrom::Start(self.offset)).map_err(|e| self.io(e, "cannot write"))?;
        self.file.write_all(bytes).map_err(|e| self.io(e, "cannot write"))?;
        self.offset += bytes.len() as u64;
        self.text = None;
        Ok(())
    }

    fn write_text(&mut self, t: &str, line: bool) -> Result<Value, RtError> {
        self.writable(if line { "writeLine" } else { "writeText" })?;
        let mut t = text::line_ends(t, self.break_write);
        if line {
            t.push_str(&text::line_ends("\n", self.break_write));
        }
        // No byte order mark in the middle of a document: only text is written.
        let name = format!("{}-no-bom", self.charset.trim_end_matches("-no-bom"));
        let bytes = text::encode(&t, Some(&name))?;
        self.write_bytes(&bytes)?;
        Ok(Value::Undefined)
    }

    fn set_size(&mut self, n: f64) -> Result<Value, RtError> {
        self.writable("setSize")?;
        let n = if n.is_finite() && n > 0.0 { n as u64 } else { 0 };
        self.file.set_len(n).map_err(|e| self.io(e, "cannot resize"))?;
        self.offset = self.offset.min(n);
        self.text = None;
        Ok(Value::Undefined)
    }
}
