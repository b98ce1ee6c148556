//! The BLOB theme: sizes, numbers and texts written into and read from scalar blobs.
//!
//! Offsets are 0-based byte positions. A command that alters a blob gets it as an argument and
//! writes the new blob back to the variable (an out-parameter), always, so that the variable
//! keeps its bytes when the command fails half-way.

use std::rc::Rc;

use super::{Args, CommandFn, Host};
use crate::native::{self, NativeClass};
use crate::runtime::blob::{self, ByteOrder, RealFormat, MAX_BLOB_BYTES};
use crate::runtime::{ErrorKind, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("BLOB size", blob_size),
    ("SET BLOB SIZE", set_blob_size),
    ("TEXT TO BLOB", text_to_blob),
    ("BLOB to text", blob_to_text),
    ("INTEGER TO BLOB", integer_to_blob),
    ("BLOB to integer", blob_to_integer),
    ("LONGINT TO BLOB", longint_to_blob),
    ("BLOB to longint", blob_to_longint),
    ("REAL TO BLOB", real_to_blob),
    ("BLOB to real", blob_to_real),
    ("COPY BLOB", copy_blob),
    ("INSERT IN BLOB", insert_in_blob),
    ("DELETE FROM BLOB", delete_from_blob),
];

/// The blob argument a command alters in place (it always gives it back through `set_output`,
/// also when it fails): the interpreter lends it the variable's bytes instead of a shared copy,
/// so appending in a loop does not copy the blob each time.
pub fn altered_blob_arg(command: &str) -> Option<usize> {
    match command {
        "SET BLOB SIZE" | "INSERT IN BLOB" | "DELETE FROM BLOB" => Some(0),
        "TEXT TO BLOB" | "INTEGER TO BLOB" | "LONGINT TO BLOB" | "REAL TO BLOB" | "COPY BLOB" => {
            Some(1)
        }
        _ => None,
    }
}

/// `4D.Blob`: an immutable blob object (docs/API/BlobClass.md).
pub static BLOB_CLASS: NativeClass = NativeClass {
    name: "Blob",
    superclass: None,
    constructor: Some(blob_object_new),
    functions: &[("slice", blob_object_slice)],
    getters: &[("size", |_, this| Ok(Value::Real(this_bytes(this)?.len() as f64)))],
    setters: &[],
};

fn this_bytes(this: &crate::runtime::ObjRef) -> Result<Rc<Vec<u8>>, RtError> {
    Ok(native::state::<blob::BlobObject>(this, &BLOB_CLASS)?.0.clone())
}

/// `4D.Blob.new({blob})`: a 4D.Blob on a copy of a scalar blob or of another 4D.Blob (the bytes
/// are shared: neither can change).
fn blob_object_new(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "4D.Blob.new";
    args.expect_count(NAME, 0, 1)?;
    Ok(blob::to_object(blob_arg(args, 0, NAME)?))
}

/// `.slice({start{; end}})`: bytes `start` (default 0) to `end` (excluded, default the size);
/// negative values count from the end.
fn blob_object_slice(
    _: &mut dyn Host,
    this: &crate::runtime::ObjRef,
    args: &mut Args,
) -> Result<Value, RtError> {
    const NAME: &str = "slice";
    args.expect_count(NAME, 0, 2)?;
    let bytes = this_bytes(this)?;
    let len = bytes.len() as f64;
    let bound = |x: f64| -> usize {
        let x = if x < 0.0 { len + x.trunc() } else { x.trunc() };
        if x.is_nan() || x < 0.0 {
            0
        } else {
            x.min(len) as usize
        }
    };
    let start = if args.is_empty() { 0 } else { bound(args.num(0, NAME)?) };
    let end = if args.len() > 1 { bound(args.num(1, NAME)?) } else { bytes.len() };
    let piece = if start < end { bytes[start..end].to_vec() } else { Vec::new() };
    Ok(blob::to_object(Rc::new(piece)))
}

/// The bytes of argument `i`: a scalar blob or a `4D.Blob` (Undefined and Null are empty).
pub fn blob_arg(args: &Args, i: usize, name: &str) -> Result<Rc<Vec<u8>>, RtError> {
    let v = args.get(i).unwrap_or(&Value::Undefined);
    blob::bytes_of(v).ok_or_else(|| {
        RtError::type_mismatch(format!(
            "{name}: argument {} must be a blob, not {}",
            i + 1,
            v.kind_name()
        ))
    })
}

/// Runs `f` on the bytes of the blob argument `i` and writes the blob back to its variable,
/// whether `f` succeeds or not.
fn alter_blob<R>(
    args: &mut Args,
    i: usize,
    name: &str,
    f: impl FnOnce(&mut Vec<u8>, &mut Args) -> Result<R, RtError>,
) -> Result<R, RtError> {
    let v = args.get(i).unwrap_or(&Value::Undefined);
    if !matches!(v, Value::Blob(_) | Value::Undefined | Value::Null) {
        return Err(RtError::type_mismatch(format!(
            "{name}: argument {} must be a Blob variable (a 4D.Blob cannot be altered), not {}",
            i + 1,
            v.kind_name()
        )));
    }
    let mut bytes = match args.values.get_mut(i).map(std::mem::take) {
        Some(Value::Blob(b)) => b,
        _ => Rc::new(Vec::new()),
    };
    let r = f(Rc::make_mut(&mut bytes), args);
    args.set_output(i, Value::Blob(bytes));
    r
}

/// A byte count or offset argument: negative and NaN are errors.
fn offset_value(x: f64, name: &str) -> Result<usize, RtError> {
    if x.is_nan() || x < 0.0 {
        return Err(blob::out_of_range(name, x as i64, 0));
    }
    Ok(if x >= MAX_BLOB_BYTES as f64 { MAX_BLOB_BYTES } else { x as usize })
}

/// Where a `… TO BLOB` command writes: the whole blob, at an offset, or appended (`*`).
enum Placement {
    Replace,
    At { offset: usize, arg: usize },
    Append,
}

fn placement(args: &Args, i: usize, name: &str) -> Result<Placement, RtError> {
    if args.has_star() {
        Ok(Placement::Append)
    } else if args.len() > i {
        Ok(Placement::At { offset: offset_value(args.num(i, name)?, name)?, arg: i })
    } else {
        Ok(Placement::Replace)
    }
}

/// Writes `data` as a `… TO BLOB` command does, updating the offset variable.
fn place(
    bytes: &mut Vec<u8>,
    args: &mut Args,
    data: &[u8],
    placement: Placement,
) -> Result<(), RtError> {
    match placement {
        Placement::Replace => {
            bytes.clear();
            bytes.extend_from_slice(data);
        }
        Placement::Append => {
            let at = bytes.len();
            blob::write_at(bytes, at, data)?;
        }
        Placement::At { offset, arg } => {
            blob::write_at(bytes, offset, data)?;
            args.set_output(arg, Value::Int((offset + data.len()).min(i32::MAX as usize) as i32));
        }
    }
    Ok(())
}

/// Reads `n` bytes at the offset argument `i` (0 when absent), advancing the offset variable.
fn read_bytes<'a>(
    bytes: &'a [u8],
    args: &mut Args,
    i: usize,
    n: usize,
    name: &str,
) -> Result<&'a [u8], RtError> {
    let start = if args.len() > i { args.num(i, name)? } else { 0.0 };
    if start.is_nan() || start < 0.0 || start + n as f64 > bytes.len() as f64 {
        return Err(RtError::new(
            ErrorKind::BlobOutOfRange,
            format!(
                "{name}: cannot read {n} bytes at offset {} of a blob of {} bytes",
                start as i64,
                bytes.len()
            ),
        ));
    }
    let start = start as usize;
    if args.len() > i {
        args.set_output(i, Value::Int((start + n) as i32));
    }
    Ok(&bytes[start..start + n])
}

/// `BLOB size(blob)` → Integer.
fn blob_size(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("BLOB size", 1, 1)?;
    Ok(Value::Int(blob_arg(args, 0, "BLOB size")?.len() as i32))
}

/// `SET BLOB SIZE(blob; size{; filler})`.
fn set_blob_size(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "SET BLOB SIZE";
    args.expect_count(NAME, 2, 3)?;
    let size = offset_value(args.num(1, NAME)?, NAME)?;
    let filler = if args.len() > 2 { blob::byte_of(args.num(2, NAME)?) } else { 0 };
    alter_blob(args, 0, NAME, |bytes, _| {
        bytes.resize(size, filler);
        if size == 0 {
            bytes.shrink_to_fit();
        }
        Ok(Value::Undefined)
    })
}

/// The text formats of `TEXT TO BLOB` and `BLOB to text` (BLOB theme constants 0–6).
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextFormat {
    MacCString,
    MacPascal,
    MacWithLength,
    MacWithoutLength,
    Utf8CString,
    Utf8WithLength,
    Utf8WithoutLength,
}

impl TextFormat {
    fn from_code(code: f64, name: &str) -> Result<TextFormat, RtError> {
        Ok(match code as i64 {
            0 => TextFormat::MacCString,
            1 => TextFormat::MacPascal,
            2 => TextFormat::MacWithLength,
            3 => TextFormat::MacWithoutLength,
            4 => TextFormat::Utf8CString,
            5 => TextFormat::Utf8WithLength,
            6 => TextFormat::Utf8WithoutLength,
            other => {
                return Err(RtError::generic(format!("{name}: unknown text format {other}")));
            }
        })
    }

    fn is_mac(self) -> bool {
        matches!(
            self,
            TextFormat::MacCString
                | TextFormat::MacPascal
                | TextFormat::MacWithLength
                | TextFormat::MacWithoutLength
        )
    }
}

/// The longest text the Mac formats take (32 KB).
const MAC_TEXT_LIMIT: usize = 32 * 1024;

/// Text in Mac Roman (characters it lacks become `?`).
fn mac_roman_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let (bytes, _, unmappable) = encoding_rs::MACINTOSH.encode(c.encode_utf8(&mut buf) as &str);
        if unmappable {
            out.push(b'?');
        } else {
            out.extend_from_slice(&bytes);
        }
    }
    out
}

/// `TEXT TO BLOB(text; blob{; textFormat{; offset | *}})`.
fn text_to_blob(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "TEXT TO BLOB";
    args.expect_count(NAME, 2, 4)?;
    let text = args.text(0, NAME)?;
    let format = if args.len() > 2 {
        TextFormat::from_code(args.num(2, NAME)?, NAME)?
    } else {
        TextFormat::MacCString
    };
    let placement = placement(args, 3, NAME)?;
    let mut data = if format.is_mac() { mac_roman_bytes(&text) } else { text.into_bytes() };
    if format.is_mac() && data.len() > MAC_TEXT_LIMIT {
        data.truncate(MAC_TEXT_LIMIT);
    }
    let data = match format {
        TextFormat::MacCString | TextFormat::Utf8CString => {
            // The text ends at its first NUL, which the terminator then stands for.
            if let Some(p) = data.iter().position(|&b| b == 0) {
                data.truncate(p);
            }
            data.push(0);
            data
        }
        TextFormat::MacPascal => {
            data.truncate(255);
            let mut out = vec![data.len() as u8];
            out.extend_from_slice(&data);
            out
        }
        TextFormat::MacWithLength => {
            let mut out = (data.len() as u16).to_be_bytes().to_vec();
            out.extend_from_slice(&data);
            out
        }
        TextFormat::Utf8WithLength => {
            let mut out = (data.len() as u32).to_be_bytes().to_vec();
            out.extend_from_slice(&data);
            out
        }
        TextFormat::MacWithoutLength | TextFormat::Utf8WithoutLength => data,
    };
    alter_blob(args, 1, NAME, |bytes, args| place(bytes, args, &data, placement))?;
    Ok(Value::Undefined)
}

/// `BLOB to text(blob; textFormat{; offset{; textLength}})`.
fn blob_to_text(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "BLOB to text";
    args.expect_count(NAME, 2, 4)?;
    let bytes = blob_arg(args, 0, NAME)?;
    let format = TextFormat::from_code(args.num(1, NAME)?, NAME)?;
    let has_offset = args.len() > 2;
    let start = if has_offset { args.num(2, NAME)? } else { 0.0 };
    if start.is_nan() || start < 0.0 || start > bytes.len() as f64 {
        return Err(blob::out_of_range(NAME, start as i64, bytes.len()));
    }
    let start = start as usize;
    let rest = &bytes[start..];
    let length_arg = if args.len() > 3 { Some(args.num(3, NAME)?) } else { None };
    let (text_bytes, consumed): (&[u8], usize) = match format {
        TextFormat::MacCString | TextFormat::Utf8CString => {
            match rest.iter().position(|&b| b == 0) {
                Some(p) => (&rest[..p], p + 1),
                None => (rest, rest.len()),
            }
        }
        TextFormat::MacPascal => {
            let n = rest.first().copied().unwrap_or(0) as usize;
            let n = n.min(rest.len().saturating_sub(1));
            (rest.get(1..1 + n).unwrap_or(&[]), (1 + n).min(rest.len()))
        }
        TextFormat::MacWithLength => {
            if rest.len() < 2 {
                return Err(blob::out_of_range(NAME, start as i64, bytes.len()));
            }
            let n = (u16::from_be_bytes([rest[0], rest[1]]) as usize).min(rest.len() - 2);
            (&rest[2..2 + n], 2 + n)
        }
        TextFormat::Utf8WithLength => {
            if rest.len() < 4 {
                return Err(blob::out_of_range(NAME, start as i64, bytes.len()));
            }
            let n = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
            let n = n.min(rest.len() - 4);
            (&rest[4..4 + n], 4 + n)
        }
        TextFormat::MacWithoutLength => {
            let n = length_arg.map_or(rest.len(), |l| (l.max(0.0) as usize).min(rest.len()));
            (&rest[..n], n)
        }
        TextFormat::Utf8WithoutLength => {
            let n = match length_arg {
                None => rest.len(),
                Some(chars) => utf8_prefix_len(rest, chars.max(0.0) as usize),
            };
            (&rest[..n], n)
        }
    };
    let text = if format.is_mac() {
        encoding_rs::MACINTOSH.decode_without_bom_handling(text_bytes).0.into_owned()
    } else {
        String::from_utf8_lossy(text_bytes).into_owned()
    };
    if has_offset {
        args.set_output(2, Value::Int((start + consumed) as i32));
    }
    Ok(Value::text(text))
}

/// The byte length of the first `chars` characters (UTF-16 units) of UTF-8 `bytes`.
fn utf8_prefix_len(bytes: &[u8], chars: usize) -> usize {
    let mut units = 0;
    let mut i = 0;
    while i < bytes.len() && units < chars {
        let b = bytes[i];
        let (len, u) = match b {
            0..=0x7f => (1, 1),
            0xc0..=0xdf => (2, 1),
            0xe0..=0xef => (3, 1),
            0xf0..=0xf7 => (4, 2),
            _ => (1, 1),
        };
        i = (i + len).min(bytes.len());
        units += u;
    }
    i
}

fn byte_order_arg(args: &Args, i: usize, name: &str) -> Result<ByteOrder, RtError> {
    Ok(ByteOrder::from_code(args.num(i, name)? as i64))
}

/// A number argument as a 32-bit integer, wrapping like 4D's Longint conversion.
fn int_arg(args: &Args, i: usize, name: &str) -> Result<i64, RtError> {
    let x = args.num(i, name)?;
    Ok(if x.is_finite() { x.round() as i64 } else { 0 })
}

/// The common end of `INTEGER/LONGINT/REAL TO BLOB`: `data` (the number's bytes) goes into the
/// blob of argument 2 at the placement of argument 4 (offset variable, `*`, or the start).
fn write_number(args: &mut Args, name: &str, data: &[u8]) -> Result<Value, RtError> {
    let placement = placement(args, 3, name)?;
    alter_blob(args, 1, name, |bytes, args| place(bytes, args, data, placement))?;
    Ok(Value::Undefined)
}

/// `INTEGER TO BLOB(integer; blob; byteOrder{; offset | *})`: 2 bytes.
fn integer_to_blob(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "INTEGER TO BLOB";
    args.expect_count(NAME, 3, 4)?;
    let n = int_arg(args, 0, NAME)? as i16;
    let data = match byte_order_arg(args, 2, NAME)? {
        ByteOrder::Big => n.to_be_bytes(),
        ByteOrder::Little => n.to_le_bytes(),
    };
    write_number(args, NAME, &data)
}

/// `LONGINT TO BLOB(longint; blob; byteOrder{; offset | *})`: 4 bytes.
fn longint_to_blob(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "LONGINT TO BLOB";
    args.expect_count(NAME, 3, 4)?;
    let n = int_arg(args, 0, NAME)? as i32;
    let data = match byte_order_arg(args, 2, NAME)? {
        ByteOrder::Big => n.to_be_bytes(),
        ByteOrder::Little => n.to_le_bytes(),
    };
    write_number(args, NAME, &data)
}

/// `REAL TO BLOB(real; blob; realFormat{; offset | *})`: 8 bytes, or 10 in extended format.
fn real_to_blob(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "REAL TO BLOB";
    args.expect_count(NAME, 3, 4)?;
    let r = args.num(0, NAME)?;
    let data = RealFormat::from_code(args.num(2, NAME)? as i64).encode(r);
    write_number(args, NAME, &data)
}

/// `BLOB to integer(blob; byteOrder{; offset})` → Integer (2 bytes, signed).
fn blob_to_integer(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "BLOB to integer";
    args.expect_count(NAME, 2, 3)?;
    let bytes = blob_arg(args, 0, NAME)?;
    let order = byte_order_arg(args, 1, NAME)?;
    let b = read_bytes(&bytes, args, 2, 2, NAME)?;
    let pair = [b[0], b[1]];
    Ok(Value::Int(match order {
        ByteOrder::Big => i16::from_be_bytes(pair),
        ByteOrder::Little => i16::from_le_bytes(pair),
    } as i32))
}

/// `BLOB to longint(blob; byteOrder{; offset})` → Integer (4 bytes).
fn blob_to_longint(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "BLOB to longint";
    args.expect_count(NAME, 2, 3)?;
    let bytes = blob_arg(args, 0, NAME)?;
    let order = byte_order_arg(args, 1, NAME)?;
    let b = read_bytes(&bytes, args, 2, 4, NAME)?;
    let quad = [b[0], b[1], b[2], b[3]];
    Ok(Value::Int(match order {
        ByteOrder::Big => i32::from_be_bytes(quad),
        ByteOrder::Little => i32::from_le_bytes(quad),
    }))
}

/// `BLOB to real(blob; realFormat{; offset})` → Real.
fn blob_to_real(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "BLOB to real";
    args.expect_count(NAME, 2, 3)?;
    let bytes = blob_arg(args, 0, NAME)?;
    let format = RealFormat::from_code(args.num(1, NAME)? as i64);
    let b = read_bytes(&bytes, args, 2, format.size(), NAME)?;
    Ok(Value::Real(format.decode(b)))
}

/// `COPY BLOB(srcBLOB; dstBLOB; srcOffset; dstOffset; len)`: the destination grows as needed.
fn copy_blob(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "COPY BLOB";
    args.expect_count(NAME, 5, 5)?;
    let src = blob_arg(args, 0, NAME)?;
    let from = offset_value(args.num(2, NAME)?, NAME)?;
    let to = offset_value(args.num(3, NAME)?, NAME)?;
    let len = offset_value(args.num(4, NAME)?, NAME)?;
    let Some(piece) = from.checked_add(len).and_then(|end| src.get(from..end)) else {
        return Err(blob::out_of_range(NAME, from as i64, src.len()));
    };
    let piece = piece.to_vec();
    alter_blob(args, 1, NAME, |bytes, _| blob::write_at(bytes, to, &piece))?;
    Ok(Value::Undefined)
}

/// `INSERT IN BLOB(blob; offset; len{; filler})`.
fn insert_in_blob(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "INSERT IN BLOB";
    args.expect_count(NAME, 3, 4)?;
    let at = offset_value(args.num(1, NAME)?, NAME)?;
    let len = offset_value(args.num(2, NAME)?, NAME)?;
    let filler = if args.len() > 3 { blob::byte_of(args.num(3, NAME)?) } else { 0 };
    alter_blob(args, 0, NAME, |bytes, _| {
        if at > bytes.len() {
            return Err(blob::out_of_range(NAME, at as i64, bytes.len()));
        }
        if bytes.len().saturating_add(len) > MAX_BLOB_BYTES {
            return Err(blob::too_big());
        }
        bytes.splice(at..at, std::iter::repeat_n(filler, len));
        Ok(())
    })?;
    Ok(Value::Undefined)
}

/// `DELETE FROM BLOB(blob; offset; len)`: bytes past the end are ignored.
fn delete_from_blob(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "DELETE FROM BLOB";
    args.expect_count(NAME, 3, 3)?;
    let at = offset_value(args.num(1, NAME)?, NAME)?;
    let len = offset_value(args.num(2, NAME)?, NAME)?;
    alter_blob(args, 0, NAME, |bytes, _| {
        if at > bytes.len() {
            return Err(blob::out_of_range(NAME, at as i64, bytes.len()));
        }
        let end = at.saturating_add(len).min(bytes.len());
        bytes.drain(at..end);
        Ok(())
    })?;
    Ok(Value::Undefined)
}
