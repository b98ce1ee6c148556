//! Bytes ↔ text: Base64 (`BASE64 ENCODE`/`DECODE`), digests (`Generate digest`) and character
//! sets (`Convert to text`, `CONVERT FROM TEXT`).
//!
//! Texts are taken as their UTF-8 bytes, as the 4D pages say for Base64 and digests. Character
//! sets are served by `encoding_rs` (the WHATWG encodings), with UTF-16, UTF-32, US-ASCII and
//! ISO-8859-1 done here exactly (WHATWG reads the last two as windows-1252).

use base64::engine::general_purpose::URL_SAFE_NO_PAD_INDIFFERENT;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT, URL_SAFE_NO_PAD};
use base64::Engine;
use encoding_rs::Encoding;

use super::blobs::blob_arg;
use super::{Args, CommandFn, Host};
use crate::runtime::blob;
use crate::runtime::{RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("BASE64 ENCODE", base64_encode),
    ("BASE64 DECODE", base64_decode),
    ("Generate digest", generate_digest),
    ("Convert to text", convert_to_text),
    ("CONVERT FROM TEXT", convert_from_text),
];

/// The bytes of a Text (UTF-8) or blob argument.
fn text_or_blob_bytes(args: &Args, i: usize, name: &str) -> Result<Vec<u8>, RtError> {
    match args.get(i) {
        Some(Value::Text(t)) => Ok(t.as_bytes().to_vec()),
        _ => Ok(blob_arg(args, i, name)?.to_vec()),
    }
}

/// `bytes` as the kind of value `like` holds: a blob for a blob, otherwise a text (UTF-8,
/// invalid sequences replaced).
fn bytes_as(like: Option<&Value>, bytes: Vec<u8>) -> Value {
    match like {
        Some(Value::Blob(_)) => blob::blob(bytes),
        _ => Value::text(
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        ),
    }
}

/// `BASE64 ENCODE(toEncode{; encoded}{; *})`: into `encoded`, or in place; `*` for Base64URL
/// (no padding).
fn base64_encode(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "BASE64 ENCODE";
    args.expect_count(NAME, 1, 2)?;
    let input = text_or_blob_bytes(args, 0, NAME)?;
    let encoded =
        if args.has_star() { URL_SAFE_NO_PAD.encode(input) } else { STANDARD.encode(input) };
    let target = if args.len() > 1 { 1 } else { 0 };
    let out = bytes_as(args.get(target), encoded.into_bytes());
    args.set_output(target, out);
    Ok(Value::Undefined)
}

/// `BASE64 DECODE(toDecode{; decoded}{; *})`: invalid Base64 gives an empty result. ASCII
/// whitespace (line breaks of MIME bodies) is ignored; padding is optional.
fn base64_decode(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "BASE64 DECODE";
    args.expect_count(NAME, 1, 2)?;
    let mut input = text_or_blob_bytes(args, 0, NAME)?;
    input.retain(|b| !b.is_ascii_whitespace());
    let decoded = if args.has_star() {
        URL_SAFE_NO_PAD_INDIFFERENT.decode(&input)
    } else {
        STANDARD_PAD_INDIFFERENT.decode(&input)
    }
    .unwrap_or_default();
    let target = if args.len() > 1 { 1 } else { 0 };
    let out = bytes_as(args.get(target), decoded);
    args.set_output(target, out);
    Ok(Value::Undefined)
}

/// `Generate digest(param; algorithm{; *})`: lowercase hexadecimal, or Base64URL with `*`.
/// Algorithms (Digest Type theme): 0 MD5, 1 SHA-1, 3 SHA-256, 4 SHA-512. The obsolete 2
/// ("4D digest") is not documented, hence an error.
fn generate_digest(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    use sha2::Digest;
    const NAME: &str = "Generate digest";
    args.expect_count(NAME, 2, 2)?;
    let input = text_or_blob_bytes(args, 0, NAME)?;
    let algorithm = args.num(1, NAME)?;
    let digest: Vec<u8> = match algorithm as i64 {
        0 => md5::Md5::digest(&input).to_vec(),
        1 => sha1::Sha1::digest(&input).to_vec(),
        3 => sha2::Sha256::digest(&input).to_vec(),
        4 => sha2::Sha512::digest(&input).to_vec(),
        other => {
            return Err(RtError::generic(format!(
                "{NAME}: algorithm {other} is not supported (MD5 digest, SHA1 digest, SHA256 digest, SHA512 digest are)"
            )))
        }
    };
    Ok(Value::text(if args.has_star() { URL_SAFE_NO_PAD.encode(digest) } else { hex(&digest) }))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// A character set of `Convert to text` / `CONVERT FROM TEXT`.
#[derive(Clone, Copy)]
enum Charset {
    Utf8,
    /// `big_endian`, and whether a BOM is written (the plain `UTF-16` name).
    Utf16 {
        big_endian: bool,
        bom: bool,
    },
    Utf32 {
        big_endian: bool,
        bom: bool,
    },
    Ascii,
    Latin1,
    Other(&'static Encoding),
}

impl Charset {
    fn is_unicode(self) -> bool {
        matches!(self, Charset::Utf8 | Charset::Utf16 { .. } | Charset::Utf32 { .. })
    }
}

const ASCII_NAMES: &[&str] = &[
    "us-ascii",
    "ansi_x3.4-1968",
    "ansi_x3.4-1986",
    "ascii",
    "cp367",
    "csascii",
    "ibm367",
    "iso-ir-6",
    "iso_646.irv:1991",
    "iso646-us",
    "us",
];
const LATIN1_NAMES: &[&str] = &[
    "iso-8859-1",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-ir-100",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
];

/// The character set named (any case) or numbered (IANA MIBEnum) by `v`; `None` when mini4d
/// does not know it.
fn charset(v: &Value) -> Option<Charset> {
    let name: String = match v {
        Value::Text(t) => t.trim().to_ascii_lowercase(),
        Value::Int(_) | Value::Real(_) => {
            let mib = v.as_number().unwrap_or(0.0) as i64;
            return charset_by_mib(mib);
        }
        _ => return None,
    };
    let unicode = |big_endian, bom, wide: bool| {
        Some(if wide {
            Charset::Utf32 { big_endian, bom }
        } else {
            Charset::Utf16 { big_endian, bom }
        })
    };
    match name.as_str() {
        "utf-8" | "utf8" => Some(Charset::Utf8),
        "utf-16" => unicode(true, true, false),
        "utf-16be" => unicode(true, false, false),
        "utf-16le" => unicode(false, false, false),
        "utf-32" => unicode(true, true, true),
        "utf-32be" => unicode(true, false, true),
        "utf-32le" => unicode(false, false, true),
        "macroman" | "mac" => Some(Charset::Other(encoding_rs::MACINTOSH)),
        "gb_2312-80" | "csiso58gb231280" => Some(Charset::Other(encoding_rs::GBK)),
        "windows-31j" => Some(Charset::Other(encoding_rs::SHIFT_JIS)),
        n if ASCII_NAMES.contains(&n) => Some(Charset::Ascii),
        n if LATIN1_NAMES.contains(&n) => Some(Charset::Latin1),
        n => Encoding::for_label(n.as_bytes())
            .filter(|e| *e != encoding_rs::REPLACEMENT && *e != encoding_rs::X_USER_DEFINED)
            .map(Charset::Other),
    }
}

fn charset_by_mib(mib: i64) -> Option<Charset> {
    use encoding_rs as e;
    let enc = match mib {
        106 => return Some(Charset::Utf8),
        1015 => return Some(Charset::Utf16 { big_endian: true, bom: true }),
        1013 => return Some(Charset::Utf16 { big_endian: true, bom: false }),
        1014 => return Some(Charset::Utf16 { big_endian: false, bom: false }),
        1017 => return Some(Charset::Utf32 { big_endian: true, bom: true }),
        1018 => return Some(Charset::Utf32 { big_endian: true, bom: false }),
        1019 => return Some(Charset::Utf32 { big_endian: false, bom: false }),
        3 => return Some(Charset::Ascii),
        4 => return Some(Charset::Latin1),
        2027 => e::MACINTOSH,
        2250 => e::WINDOWS_1250,
        2251 => e::WINDOWS_1251,
        2252 => e::WINDOWS_1252,
        2253 => e::WINDOWS_1253,
        2254 => e::WINDOWS_1254,
        2255 => e::WINDOWS_1255,
        2256 => e::WINDOWS_1256,
        2257 => e::WINDOWS_1257,
        1251 => e::X_MAC_CYRILLIC,
        17 | 2024 => e::SHIFT_JIS,
        39 => e::ISO_2022_JP,
        2026 => e::BIG5,
        38 => e::EUC_KR,
        2084 => e::KOI8_R,
        5 => e::ISO_8859_2,
        6 => e::ISO_8859_3,
        7 => e::ISO_8859_4,
        8 => e::ISO_8859_5,
        9 => e::ISO_8859_6,
        10 => e::ISO_8859_7,
        11 => e::ISO_8859_8,
        12 => e::WINDOWS_1254,
        13 => e::ISO_8859_10,
        109 => e::ISO_8859_13,
        111 => e::ISO_8859_15,
        113 | 2025 | 57 => e::GBK,
        _ => return None,
    };
    Some(Charset::Other(enc))
}

/// `text` in `cs`; characters the set lacks become `?`.
fn encode(text: &str, cs: Charset) -> Vec<u8> {
    match cs {
        Charset::Utf8 => text.as_bytes().to_vec(),
        Charset::Utf16 { big_endian, bom } => {
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            let bom_units = if bom { Some(0xFEFFu16) } else { None };
            for u in bom_units.into_iter().chain(text.encode_utf16()) {
                out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            out
        }
        Charset::Utf32 { big_endian, bom } => {
            let mut out = Vec::with_capacity(text.len() * 4 + 4);
            let bom_char = if bom { Some(0xFEFFu32) } else { None };
            for c in bom_char.into_iter().chain(text.chars().map(u32::from)) {
                out.extend_from_slice(&if big_endian { c.to_be_bytes() } else { c.to_le_bytes() });
            }
            out
        }
        Charset::Ascii => text.chars().map(|c| if c.is_ascii() { c as u8 } else { b'?' }).collect(),
        Charset::Latin1 => {
            text.chars().map(|c| if (c as u32) < 256 { c as u32 as u8 } else { b'?' }).collect()
        }
        Charset::Other(enc) => {
            let mut out = Vec::with_capacity(text.len());
            let mut buf = [0u8; 4];
            for c in text.chars() {
                let (bytes, _, unmappable) = enc.encode(c.encode_utf8(&mut buf) as &str);
                if unmappable {
                    out.push(b'?');
                } else {
                    out.extend_from_slice(&bytes);
                }
            }
            out
        }
    }
}

/// The charset a Unicode BOM at the start of `bytes` names, and the BOM's length.
fn sniff_bom(bytes: &[u8]) -> Option<(Charset, usize)> {
    match bytes {
        [0, 0, 0xFE, 0xFF, ..] => Some((Charset::Utf32 { big_endian: true, bom: false }, 4)),
        [0xFF, 0xFE, 0, 0, ..] => Some((Charset::Utf32 { big_endian: false, bom: false }, 4)),
        [0xEF, 0xBB, 0xBF, ..] => Some((Charset::Utf8, 3)),
        [0xFE, 0xFF, ..] => Some((Charset::Utf16 { big_endian: true, bom: false }, 2)),
        [0xFF, 0xFE, ..] => Some((Charset::Utf16 { big_endian: false, bom: false }, 2)),
        _ => None,
    }
}

/// `bytes` read in `cs` (invalid sequences become U+FFFD).
fn decode(bytes: &[u8], cs: Charset) -> String {
    let (cs, bytes) = match (cs.is_unicode(), sniff_bom(bytes)) {
        (true, Some((found, len))) => (found, &bytes[len..]),
        _ => (cs, bytes),
    };
    match cs {
        Charset::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Charset::Utf16 { big_endian, .. } => {
            let units = bytes.chunks(2).map(|p| match p {
                [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
                [a, b] => u16::from_le_bytes([*a, *b]),
                _ => 0xFFFD,
            });
            char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')).collect()
        }
        Charset::Utf32 { big_endian, .. } => bytes
            .chunks(4)
            .map(|q| match q {
                [a, b, c, d] => {
                    let n = if big_endian {
                        u32::from_be_bytes([*a, *b, *c, *d])
                    } else {
                        u32::from_le_bytes([*a, *b, *c, *d])
                    };
                    char::from_u32(n).unwrap_or('\u{FFFD}')
                }
                _ => '\u{FFFD}',
            })
            .collect(),
        Charset::Ascii => {
            bytes.iter().map(|&b| if b.is_ascii() { b as char } else { '\u{FFFD}' }).collect()
        }
        Charset::Latin1 => bytes.iter().map(|&b| b as char).collect(),
        Charset::Other(enc) => enc.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// `Convert to text(blob; charSet)`: OK is 0 (and the result empty) for an unknown set.
fn convert_to_text(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Convert to text";
    args.expect_count(NAME, 2, 2)?;
    let bytes = blob_arg(args, 0, NAME)?;
    let Some(cs) = charset(&args.value(1)) else {
        host.set_ok(false);
        return Ok(Value::empty_text());
    };
    host.set_ok(true);
    Ok(Value::text(decode(&bytes, cs)))
}

/// `CONVERT FROM TEXT(text; charSet; convertedBLOB)`: OK is 0 (and the blob empty) for an
/// unknown set.
fn convert_from_text(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "CONVERT FROM TEXT";
    args.expect_count(NAME, 3, 3)?;
    let text = args.text(0, NAME)?;
    let bytes = match charset(&args.value(1)) {
        Some(cs) => {
            host.set_ok(true);
            encode(&text, cs)
        }
        None => {
            host.set_ok(false);
            Vec::new()
        }
    };
    args.set_output(2, blob::blob(bytes));
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_by_name_and_number() {
        for (name, mib) in [("UTF-8", 106), ("ISO-8859-1", 4), ("windows-1252", 2252)] {
            let a = encode("Café", charset(&Value::text(name)).unwrap());
            let b = encode("Café", charset(&Value::Real(mib as f64)).unwrap());
            assert_eq!(a, b, "{name}");
        }
        assert!(charset(&Value::text("no-such-set")).is_none());
        assert_eq!(
            encode("Ab", Charset::Utf16 { big_endian: true, bom: true }),
            [0xFE, 0xFF, 0, 65, 0, 98]
        );
        assert_eq!(decode(&[0xFF, 0xFE, 65, 0], Charset::Utf8), "A");
        assert_eq!(decode(&[0x80, 0xE9], Charset::Latin1), "\u{80}é");
    }
}
