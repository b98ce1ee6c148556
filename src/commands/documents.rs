//! Classic documents opened by reference (theme "System Documents"): `Open document`,
//! `Create document`, `Append document`, `CLOSE DOCUMENT`, `SEND PACKET`, `RECEIVE PACKET`,
//! document positions and sizes, and the folder listings `DOCUMENT LIST`/`FOLDER LIST`.
//!
//! A document reference (DocRef) is a Time value numbering the documents open in this thread;
//! each holds a file opened through the permission gate. Text packets are UTF-8.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};

use super::arrays::set_or_fill;
use super::{Args, CommandFn, Host};
use crate::outside::file::classic_place;
use crate::outside::paths::Place;
use crate::permissions::{io_error, WriteMode};
use crate::runtime::array::ElementType;
use crate::runtime::{ErrorKind, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("Open document", open_document),
    ("Create document", create_document),
    ("Append document", append_document),
    ("CLOSE DOCUMENT", close_document),
    ("SEND PACKET", send_packet),
    ("RECEIVE PACKET", receive_packet),
    ("Get document position", get_document_position),
    ("SET DOCUMENT POSITION", set_document_position),
    ("SET DOCUMENT SIZE", set_document_size),
    ("DOCUMENT LIST", document_list),
    ("FOLDER LIST", folder_list),
];

struct Doc {
    file: std::fs::File,
    place: Place,
    writable: bool,
}

thread_local! {
    static OPEN: RefCell<(i64, HashMap<i64, Doc>)> = RefCell::new((0, HashMap::new()));
}

fn register(doc: Doc) -> Value {
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        o.0 += 1;
        let n = o.0;
        o.1.insert(n, doc);
        Value::Time(n)
    })
}

fn doc_ref(args: &Args, i: usize, name: &str) -> Result<i64, RtError> {
    match args.value(i) {
        Value::Time(n) => Ok(n),
        v if v.is_number() => Ok(args.num(i, name)? as i64),
        v => Err(RtError::type_mismatch(format!(
            "{name}: the document reference must be a Time, not {}",
            v.kind_name()
        ))),
    }
}

fn with_doc<R>(
    r: i64,
    name: &str,
    f: impl FnOnce(&mut Doc) -> Result<R, RtError>,
) -> Result<R, RtError> {
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        match o.1.get_mut(&r) {
            Some(d) => f(d),
            None => Err(RtError::new(
                ErrorKind::FileIo,
                format!("{name}: no document is open with the reference {r}"),
            )),
        }
    })
}

/// The headless answer to an empty document name: the dialog is cancelled.
fn cancelled(host: &mut dyn Host) -> Result<Value, RtError> {
    host.set_system_variable("OK", Value::Int(0));
    Ok(Value::Time(0))
}

fn opened(host: &mut dyn Host, doc: Doc) -> Result<Value, RtError> {
    host.set_system_variable("Document", Value::text(doc.place.platform()));
    host.set_system_variable("OK", Value::Int(1));
    Ok(register(doc))
}

/// Runs `f`, setting OK to 0 when it fails (the error still goes to the caller).
fn ok_or_zero(
    host: &mut dyn Host,
    f: impl FnOnce(&mut dyn Host) -> Result<Value, RtError>,
) -> Result<Value, RtError> {
    let r = f(host);
    if r.is_err() {
        host.set_system_variable("OK", Value::Int(0));
    }
    r
}

/// `Open document(document {; fileType}{; mode})`: Read and Write (0) by default, Write Mode
/// (1), Read Mode (2), Get Pathname (3: nothing is opened).
fn open_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Open document";
    args.expect_count(NAME, 1, 3)?;
    let name = args.text(0, NAME)?;
    if name.is_empty() {
        return cancelled(host);
    }
    // The mode may follow the name directly (`Open document("x"; Read Mode)`).
    let mode = match (args.value(1), args.value(2)) {
        (v, Value::Undefined) if v.is_number() => args.num(1, NAME)? as i64,
        (_, v) if v.is_number() => args.num(2, NAME)? as i64,
        _ => 0,
    };
    ok_or_zero(host, |host| {
        let place = classic_place(host, &name, false)?;
        let gate = host.gate();
        match mode {
            3 => {
                if gate.metadata(&place.real)?.is_none() {
                    return Err(not_found(NAME, &place));
                }
                host.set_system_variable("Document", Value::text(place.platform()));
                host.set_system_variable("OK", Value::Int(1));
                Ok(Value::Time(0))
            }
            2 => {
                let file = gate.open_read(&place.real)?;
                opened(host, Doc { file, place, writable: false })
            }
            0 | 1 => {
                if gate.metadata(&place.real)?.is_none() {
                    return Err(not_found(NAME, &place));
                }
                let file = gate.open_write(&place.real, WriteMode::ReadWrite)?;
                opened(host, Doc { file, place, writable: true })
            }
            m => Err(RtError::new(ErrorKind::Generic, format!("{NAME}: unknown mode {m}"))),
        }
    })
}

fn not_found(name: &str, place: &Place) -> RtError {
    RtError::new(ErrorKind::FileNotFound, format!("{name}: no document {}", place.real.display()))
}

/// `Create document(document {; fileType})`: an existing document is emptied.
fn create_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Create document";
    args.expect_count(NAME, 1, 2)?;
    let name = args.text(0, NAME)?;
    if name.is_empty() {
        return cancelled(host);
    }
    ok_or_zero(host, |host| {
        let place = classic_place(host, &name, false)?;
        let file = host.gate().open_write(&place.real, WriteMode::Truncate)?;
        opened(host, Doc { file, place, writable: true })
    })
}

/// `Append document(document {; fileType})`: opens (or creates) it, positioned at its end.
fn append_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Append document";
    args.expect_count(NAME, 1, 2)?;
    let name = args.text(0, NAME)?;
    if name.is_empty() {
        return cancelled(host);
    }
    ok_or_zero(host, |host| {
        let place = classic_place(host, &name, false)?;
        let mut file = host.gate().open_write(&place.real, WriteMode::ReadWrite)?;
        file.seek(SeekFrom::End(0)).map_err(|e| io_error(&e, "cannot open", &place.real))?;
        opened(host, Doc { file, place, writable: true })
    })
}

fn close_document(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("CLOSE DOCUMENT", 1, 1)?;
    let r = doc_ref(args, 0, "CLOSE DOCUMENT")?;
    let closed = OPEN.with(|o| o.borrow_mut().1.remove(&r));
    match closed {
        Some(_) => Ok(Value::Undefined),
        None => Err(RtError::new(
            ErrorKind::FileIo,
            format!("CLOSE DOCUMENT: no document is open with the reference {r}"),
        )),
    }
}

/// `SEND PACKET(docRef; packet)`: text (UTF-8) or blob bytes at the current position.
fn send_packet(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "SEND PACKET";
    args.expect_count(NAME, 1, 2)?;
    if args.len() < 2 {
        return Err(no_channel(NAME));
    }
    let r = doc_ref(args, 0, NAME)?;
    let bytes = match crate::runtime::blob::text_or_blob_bytes(&args.value(1)) {
        Some(b) => b,
        None => args.text(1, NAME)?.into_bytes(),
    };
    with_doc(r, NAME, |d| {
        if !d.writable {
            return Err(RtError::new(
                ErrorKind::FileIo,
                format!("{NAME}: the document was opened in Read Mode"),
            ));
        }
        d.file.write_all(&bytes).map_err(|e| io_error(&e, "cannot write", &d.place.real))
    })?;
    host.set_system_variable("OK", Value::Int(1));
    Ok(Value::Undefined)
}

fn no_channel(name: &str) -> RtError {
    RtError::new(
        ErrorKind::Unimplemented,
        format!("{name} without a document reference (SET CHANNEL, serial ports) is not supported"),
    )
}

/// `RECEIVE PACKET(docRef; receiveVar; stopChar | numBytes)`: a Text variable receives
/// characters (UTF-8), a Blob variable bytes. At the end of the document OK becomes 0.
fn receive_packet(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "RECEIVE PACKET";
    args.expect_count(NAME, 2, 3)?;
    if args.len() < 3 {
        return Err(no_channel(NAME));
    }
    let r = doc_ref(args, 0, NAME)?;
    let as_blob = matches!(args.value(1), Value::Blob(_));
    let until = args.value(2);
    let (data, at_end) = with_doc(r, NAME, |d| {
        let start =
            d.file.stream_position().map_err(|e| io_error(&e, "cannot read", &d.place.real))?;
        let mut rest = read_packet(&mut d.file, &until, as_blob)
            .map_err(|e| io_error(&e, "cannot read", &d.place.real))?;
        if rest.is_empty() {
            return Ok((Vec::new(), true));
        }
        let (take, skip) = match &until {
            Value::Text(stop) => {
                let stop = stop.as_bytes();
                match (!stop.is_empty())
                    .then(|| rest.windows(stop.len()).position(|w| w == stop))
                    .flatten()
                {
                    Some(i) => (i, stop.len()),
                    None => (rest.len(), 0),
                }
            }
            v => {
                let n = v.as_number().unwrap_or(0.0).max(0.0) as usize;
                if as_blob {
                    (n.min(rest.len()), 0)
                } else {
                    (utf8_prefix(&rest, n), 0)
                }
            }
        };
        let end = start + (take + skip) as u64;
        d.file
            .seek(SeekFrom::Start(end))
            .map_err(|e| io_error(&e, "cannot read", &d.place.real))?;
        rest.truncate(take);
        Ok((rest, false))
    })?;
    let value = if as_blob {
        crate::runtime::blob::blob(data)
    } else {
        Value::text(String::from_utf8_lossy(&data).into_owned())
    };
    args.set_output(1, value);
    host.set_system_variable("OK", Value::Int(if at_end { 0 } else { 1 }));
    Ok(Value::Undefined)
}

/// Reads from the current position what a packet may need: up to the stop string (or the
/// end), or enough bytes for the count (4 per character at most for text). The caller sets the
/// position after what it takes.
fn read_packet(file: &mut std::fs::File, until: &Value, as_blob: bool) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match until {
        Value::Text(stop) if !stop.is_empty() => {
            let stop = stop.as_bytes();
            let mut chunk = vec![0u8; 64 * 1024];
            loop {
                let n = file.read(&mut chunk)?;
                if n == 0 {
                    break;
                }
                let from = out.len().saturating_sub(stop.len());
                out.extend_from_slice(&chunk[..n]);
                if out[from..].windows(stop.len()).any(|w| w == stop) {
                    break;
                }
            }
        }
        Value::Text(_) => {
            file.read_to_end(&mut out)?;
        }
        v => {
            let n = v.as_number().unwrap_or(0.0).clamp(0.0, i32::MAX as f64) as u64;
            let want = if as_blob { n } else { n.saturating_mul(4) };
            Read::by_ref(file).take(want).read_to_end(&mut out)?;
        }
    }
    Ok(out)
}

/// The number of bytes holding the first `n` characters of UTF-8 `bytes`.
fn utf8_prefix(bytes: &[u8], n: usize) -> usize {
    let mut chars = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if chars == n {
                return i;
            }
            chars += 1;
        }
    }
    bytes.len()
}

fn get_document_position(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Get document position";
    args.expect_count(NAME, 1, 1)?;
    let r = doc_ref(args, 0, NAME)?;
    let pos = with_doc(r, NAME, |d| {
        d.file.stream_position().map_err(|e| io_error(&e, "cannot read", &d.place.real))
    })?;
    Ok(Value::Real(pos as f64))
}

/// `SET DOCUMENT POSITION(docRef; offset {; anchor})`: from the start (1, default), the end (2)
/// or the current position (3).
fn set_document_position(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "SET DOCUMENT POSITION";
    args.expect_count(NAME, 2, 3)?;
    let r = doc_ref(args, 0, NAME)?;
    let offset = args.num(1, NAME)? as i64;
    let anchor = if args.len() > 2 { args.num(2, NAME)? as i64 } else { 1 };
    with_doc(r, NAME, |d| {
        let size = d.file.metadata().map(|m| m.len() as i64).unwrap_or(0);
        let cur = d.file.stream_position().map(|p| p as i64).unwrap_or(0);
        let target = match anchor {
            2 => size + offset,
            3 => cur + offset,
            _ => offset,
        };
        d.file
            .seek(SeekFrom::Start(target.max(0) as u64))
            .map_err(|e| io_error(&e, "cannot seek", &d.place.real))?;
        Ok(())
    })?;
    Ok(Value::Undefined)
}

fn set_document_size(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "SET DOCUMENT SIZE";
    args.expect_count(NAME, 2, 2)?;
    let r = doc_ref(args, 0, NAME)?;
    let size = args.num(1, NAME)?.max(0.0) as u64;
    with_doc(r, NAME, |d| {
        if !d.writable {
            return Err(RtError::new(
                ErrorKind::FileIo,
                format!("{NAME}: the document was opened in Read Mode"),
            ));
        }
        d.file.set_len(size).map_err(|e| io_error(&e, "cannot resize", &d.place.real))
    })?;
    Ok(Value::Undefined)
}

/// `DOCUMENT LIST(pathname; documents {; options})`: `Recursive parsing` (1), `Absolute path`
/// (2), `Posix path` (4), `Ignore invisible` (8).
fn document_list(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "DOCUMENT LIST";
    args.expect_count(NAME, 2, 3)?;
    let root = classic_place(host, &args.text(0, NAME)?, true)?;
    let options = if args.len() > 2 { args.num(2, NAME)? as i64 } else { 0 };
    let (recursive, absolute, posix, ignore_invisible) =
        (options & 1 != 0, options & 2 != 0, options & 4 != 0, options & 8 != 0);
    let mut names = Vec::new();
    // (folder, its path relative to the root)
    let mut stack = vec![(root.clone(), String::new())];
    while let Some((dir, rel)) = stack.pop() {
        let entries = host.gate().list(&dir.real)?;
        let mut subdirs = Vec::new();
        for (name, is_dir) in entries {
            if ignore_invisible && name.starts_with('.') {
                continue;
            }
            let child_rel = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
            if is_dir {
                if recursive {
                    subdirs.push((dir.child(&name, true)?, child_rel));
                }
                continue;
            }
            let shown = if absolute {
                let item = dir.child(&name, false)?;
                if posix {
                    item.real.to_string_lossy().into_owned()
                } else {
                    item.platform()
                }
            } else if recursive {
                // Relative paths below the listed folder keep the platform separator.
                child_rel.clone()
            } else {
                name
            };
            names.push(Value::text(shown));
        }
        stack.extend(subdirs.into_iter().rev());
    }
    set_or_fill(args, 1, ElementType::Text, names);
    Ok(Value::Undefined)
}

/// `FOLDER LIST(pathname; directories)`: the names of the folders directly inside.
fn folder_list(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "FOLDER LIST";
    args.expect_count(NAME, 2, 2)?;
    let root = classic_place(host, &args.text(0, NAME)?, true)?;
    let names = host
        .gate()
        .list(&root.real)?
        .into_iter()
        .filter(|(_, is_dir)| *is_dir)
        .map(|(n, _)| Value::text(n))
        .collect();
    set_or_fill(args, 1, ElementType::Text, names);
    Ok(Value::Undefined)
}
