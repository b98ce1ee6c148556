//! Text in documents: character sets (by name or MIBEnum number), byte order marks and the
//! line-end modes of `Document with CRLF` & co.

use crate::commands::Args;
use crate::runtime::{ErrorKind, RtError, Value};

/// The character set argument `i`: a name, a MIBEnum number, or `None` when absent.
pub fn charset_arg(a: &Args, i: usize, name: &str) -> Result<Option<String>, RtError> {
    Ok(match a.value(i) {
        Value::Undefined => None,
        Value::Text(t) if t.is_empty() => None,
        Value::Text(t) => Some(t.to_string()),
        v if v.is_number() => Some(
            match a.num(i, name)? as i64 {
                106 => "UTF-8",
                1015 => "UTF-16",
                1013 => "UTF-16BE",
                1014 => "UTF-16LE",
                4 => "ISO-8859-1",
                3 => "US-ASCII",
                2252 => "windows-1252",
                n => return Err(unknown_charset(&n.to_string())),
            }
            .to_string(),
        ),
        v => {
            return Err(RtError::type_mismatch(format!(
                "{name}: the character set must be a name or a number, not {}",
                v.kind_name()
            )))
        }
    })
}

fn unknown_charset(name: &str) -> RtError {
    RtError::new(
        ErrorKind::Generic,
        format!("unknown or unsupported character set {name:?} (mini4d reads and writes UTF-8, UTF-16, ISO-8859-1, windows-1252 and US-ASCII)"),
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Charset {
    Utf8,
    Utf16Le,
    Utf16Be,
    Latin1,
    Ascii,
}

/// The character set and whether a byte order mark is written.
fn charset(name: Option<&str>) -> Result<(Charset, bool), RtError> {
    let Some(name) = name else { return Ok((Charset::Utf8, false)) };
    let lower = name.to_ascii_lowercase();
    let (base, no_bom) = match lower.strip_suffix("-no-bom") {
        Some(b) => (b.to_string(), true),
        None => (lower.clone(), false),
    };
    let cs = match base.as_str() {
        "utf-8" | "utf8" => Charset::Utf8,
        "utf-16" | "utf-16le" | "utf16" => Charset::Utf16Le,
        "utf-16be" => Charset::Utf16Be,
        "iso-8859-1" | "latin1" | "windows-1252" | "cp1252" => Charset::Latin1,
        "us-ascii" | "ascii" => Charset::Ascii,
        _ => return Err(unknown_charset(name)),
    };
    let bom = !no_bom && matches!(cs, Charset::Utf8 | Charset::Utf16Le | Charset::Utf16Be);
    Ok((cs, bom))
}

/// Decodes a document: a byte order mark wins over `name`; UTF-8 by default.
pub fn decode(bytes: &[u8], name: Option<&str>) -> Result<String, RtError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, false));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, true));
    }
    Ok(match charset(name)?.0 {
        Charset::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Charset::Utf16Le => utf16(bytes, false),
        Charset::Utf16Be => utf16(bytes, true),
        Charset::Latin1 | Charset::Ascii => bytes.iter().map(|&b| b as char).collect(),
    })
}

fn utf16(bytes: &[u8], big_endian: bool) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| {
            if big_endian {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// Encodes text for a document (characters a charset cannot hold become `?`).
pub fn encode(text: &str, name: Option<&str>) -> Result<Vec<u8>, RtError> {
    let (cs, bom) = charset(name)?;
    let mut out = Vec::with_capacity(text.len() + 3);
    match cs {
        Charset::Utf8 => {
            if bom {
                out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            }
            out.extend_from_slice(text.as_bytes());
        }
        Charset::Utf16Le | Charset::Utf16Be => {
            let be = cs == Charset::Utf16Be;
            if bom {
                out.extend_from_slice(if be { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
        }
        Charset::Latin1 | Charset::Ascii => {
            let max = if cs == Charset::Ascii { 0x7F } else { 0xFF };
            out.extend(text.chars().map(|c| if (c as u32) <= max { c as u8 } else { b'?' }));
        }
    }
    Ok(out)
}

/// Applies a line-end mode: 0 unchanged, 1 native (LF on Linux and macOS, CRLF on Windows),
/// 2 CRLF, 3 CR, 4 LF.
pub fn line_ends(text: &str, mode: i64) -> String {
    let target = match mode {
        0 => return text.to_string(),
        2 => "\r\n",
        3 => "\r",
        1 if cfg!(windows) => "\r\n",
        _ => "\n",
    };
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    if target == "\n" {
        unified
    } else {
        unified.replace('\n', target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_and_line_ends() {
        assert_eq!(decode(b"\xEF\xBB\xBFab", Some("ISO-8859-1")).unwrap(), "ab");
        assert_eq!(decode(b"\xE9", Some("ISO-8859-1")).unwrap(), "é");
        assert_eq!(encode("é", Some("UTF-8")).unwrap(), b"\xEF\xBB\xBF\xC3\xA9");
        assert_eq!(encode("é", None).unwrap(), b"\xC3\xA9");
        assert_eq!(encode("é", Some("UTF-8-no-bom")).unwrap(), b"\xC3\xA9");
        assert_eq!(decode(&encode("hé", Some("UTF-16")).unwrap(), None).unwrap(), "hé");
        assert!(encode("x", Some("EBCDIC")).is_err());
        assert_eq!(line_ends("a\r\nb\rc\n", 4), "a\nb\nc\n");
        assert_eq!(line_ends("a\nb", 2), "a\r\nb");
        assert_eq!(line_ends("a\r\nb", 0), "a\r\nb");
    }
}
