//! BLOBs: the scalar `Value::Blob` and the byte-level helpers the BLOB commands share.
//!
//! A scalar blob is `Rc<Vec<u8>>` with value semantics: assignment shares the bytes, and a
//! command that alters a blob copies them first only when someone else still holds them
//! (`Rc::make_mut`). `4D.Blob` objects (immutable) hold the same `Rc<Vec<u8>>`, so converting
//! between the two kinds never copies.

use std::rc::Rc;

use super::{ErrorKind, ObjRef, RtError, Value};

/// The largest blob a script may build (4D's limit: 2^31 - 1 bytes).
pub const MAX_BLOB_BYTES: usize = i32::MAX as usize;

/// A blob value holding `bytes`.
pub fn blob(bytes: Vec<u8>) -> Value {
    Value::Blob(Rc::new(bytes))
}

/// An empty blob (the value of a new `Blob` variable).
pub fn empty() -> Value {
    Value::Blob(Rc::new(Vec::new()))
}

/// The bytes of a blob value: a scalar blob or a `4D.Blob` object; Undefined and Null are an
/// empty blob. `None` for other values.
pub fn bytes_of(v: &Value) -> Option<Rc<Vec<u8>>> {
    match v {
        Value::Blob(b) => Some(b.clone()),
        Value::Undefined | Value::Null => Some(Rc::new(Vec::new())),
        Value::Object(o) => object_bytes(o),
        _ => None,
    }
}

/// The bytes a text or a blob stands for when written out (a packet, a program's input, a
/// message): a text as UTF-8, a blob as [`bytes_of`]. `None` for other values.
pub fn text_or_blob_bytes(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Text(t) => Some(t.as_bytes().to_vec()),
        v => bytes_of(v).map(|b| b.to_vec()),
    }
}

/// The state of a `4D.Blob` object: its bytes, never altered.
pub struct BlobObject(pub Rc<Vec<u8>>);

/// The bytes of `o` when it is a `4D.Blob`.
pub fn object_bytes(o: &ObjRef) -> Option<Rc<Vec<u8>>> {
    let instance = crate::native::instance(o)?;
    instance.state.downcast_ref::<BlobObject>().map(|b| b.0.clone())
}

/// A new `4D.Blob` object on `bytes` (shared, not copied: neither side can alter them in place).
pub fn to_object(bytes: Rc<Vec<u8>>) -> Value {
    Value::Object(crate::native::new_instance(
        &crate::commands::blobs::BLOB_CLASS,
        BlobObject(bytes),
    ))
}

/// The error 4D raises for a blob offset outside the blob (documented: -111).
pub fn out_of_range(what: &str, offset: i64, size: usize) -> RtError {
    RtError::new(
        ErrorKind::BlobOutOfRange,
        format!("{what}: offset {offset} is outside the blob (size {size})"),
    )
}

/// The error for a blob that would grow past [`MAX_BLOB_BYTES`].
pub fn too_big() -> RtError {
    RtError::new(ErrorKind::LimitExceeded, "blob larger than 2 GB")
}

/// `blob{index}`: the byte at `index` (0-based) as an Integer.
pub fn byte_at(bytes: &[u8], index: f64) -> Result<Value, RtError> {
    match checked_index(index, bytes.len()) {
        Some(i) => Ok(Value::Int(bytes[i] as i32)),
        None => Err(byte_out_of_range(index, bytes.len())),
    }
}

/// `blob{index}:=byte`: the byte is taken modulo 256.
pub fn set_byte(bytes: &mut Rc<Vec<u8>>, index: f64, byte: f64) -> Result<(), RtError> {
    let Some(i) = checked_index(index, bytes.len()) else {
        return Err(byte_out_of_range(index, bytes.len()));
    };
    Rc::make_mut(bytes)[i] = byte_of(byte);
    Ok(())
}

fn byte_out_of_range(index: f64, size: usize) -> RtError {
    RtError::new(
        ErrorKind::BlobOutOfRange,
        format!("byte {} is outside the blob (bytes 0 to {} exist)", index as i64, size as i64 - 1),
    )
}

fn checked_index(index: f64, len: usize) -> Option<usize> {
    if index.is_nan() || index < 0.0 || index >= len as f64 {
        None
    } else {
        Some(index as usize)
    }
}

/// A number as a byte, modulo 256 (fillers and `blob{i}:=`).
pub fn byte_of(x: f64) -> u8 {
    if x.is_finite() {
        (x.trunc() as i64).rem_euclid(256) as u8
    } else {
        0
    }
}

/// Writes `data` at `at`, growing the blob with zeros when it is too short.
pub fn write_at(bytes: &mut Vec<u8>, at: usize, data: &[u8]) -> Result<(), RtError> {
    let end = at.checked_add(data.len()).filter(|&e| e <= MAX_BLOB_BYTES).ok_or_else(too_big)?;
    if bytes.len() < end {
        bytes.resize(end, 0);
    }
    bytes[at..end].copy_from_slice(data);
    Ok(())
}

/// The byte orders of the BLOB commands (`Native byte ordering` 0, `Macintosh byte ordering` 1,
/// `PC byte ordering` 2). Native is the machine's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    Big,
    Little,
}

impl ByteOrder {
    pub fn from_code(code: i64) -> ByteOrder {
        match code {
            1 => ByteOrder::Big,
            2 => ByteOrder::Little,
            _ if cfg!(target_endian = "big") => ByteOrder::Big,
            _ => ByteOrder::Little,
        }
    }
}

/// The real formats of `REAL TO BLOB`/`BLOB to real`: 0 native double, 1 extended (10 bytes),
/// 2 Macintosh (big-endian) double, 3 PC (little-endian) double.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RealFormat {
    Double(ByteOrder),
    Extended,
}

impl RealFormat {
    pub fn from_code(code: i64) -> RealFormat {
        match code {
            1 => RealFormat::Extended,
            2 => RealFormat::Double(ByteOrder::Big),
            3 => RealFormat::Double(ByteOrder::Little),
            _ => RealFormat::Double(ByteOrder::from_code(0)),
        }
    }

    pub fn size(self) -> usize {
        match self {
            RealFormat::Double(_) => 8,
            RealFormat::Extended => 10,
        }
    }

    pub fn encode(self, r: f64) -> Vec<u8> {
        match self {
            RealFormat::Double(ByteOrder::Big) => r.to_be_bytes().to_vec(),
            RealFormat::Double(ByteOrder::Little) => r.to_le_bytes().to_vec(),
            RealFormat::Extended => f64_to_extended(r).to_vec(),
        }
    }

    /// Decodes `self.size()` bytes.
    pub fn decode(self, b: &[u8]) -> f64 {
        let mut a = [0u8; 8];
        match self {
            RealFormat::Double(order) => {
                a.copy_from_slice(&b[..8]);
                match order {
                    ByteOrder::Big => f64::from_be_bytes(a),
                    ByteOrder::Little => f64::from_le_bytes(a),
                }
            }
            RealFormat::Extended => {
                let mut e = [0u8; 10];
                e.copy_from_slice(&b[..10]);
                extended_to_f64(e)
            }
        }
    }
}

/// A double as an 80-bit IEEE extended number, big-endian (sign and 15-bit exponent, then a
/// 64-bit significand with an explicit integer bit): the layout of the classic Mac OS `extended`.
pub fn f64_to_extended(r: f64) -> [u8; 10] {
    let bits = r.to_bits();
    let sign = ((bits >> 63) as u16) << 15;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (e, m): (u16, u64) = if exp == 0 && frac == 0 {
        (0, 0)
    } else if exp == 0x7ff {
        (0x7fff, (1u64 << 63) | (frac << 11))
    } else if exp == 0 {
        // Subnormal double: normalise the significand.
        let shift = frac.leading_zeros() as i32; // >= 12
        let m = frac << shift;
        let e = 1 - 1023 + 16383 - (shift - 11);
        (e as u16, m)
    } else {
        ((exp - 1023 + 16383) as u16, (1u64 << 63) | (frac << 11))
    };
    let mut out = [0u8; 10];
    out[..2].copy_from_slice(&(sign | e).to_be_bytes());
    out[2..].copy_from_slice(&m.to_be_bytes());
    out
}

/// The inverse of [`f64_to_extended`] (rounded to the nearest double).
pub fn extended_to_f64(b: [u8; 10]) -> f64 {
    let se = u16::from_be_bytes([b[0], b[1]]);
    let mut m = [0u8; 8];
    m.copy_from_slice(&b[2..]);
    let m = u64::from_be_bytes(m);
    let negative = se & 0x8000 != 0;
    let e = (se & 0x7fff) as i32;
    let magnitude = if e == 0x7fff {
        if m << 1 == 0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if m == 0 {
        0.0
    } else {
        ldexp(m as f64, e - 16383 - 63)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// `x * 2^k` without overflowing or underflowing the intermediate powers.
fn ldexp(mut x: f64, mut k: i32) -> f64 {
    while k > 1000 {
        x *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= 2f64.powi(-1000);
        k += 1000;
    }
    x * 2f64.powi(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_round_trips() {
        for r in [0.0, 1.0, -2.5, std::f64::consts::PI, 1e300, 5e-324, -1e-310, f64::INFINITY] {
            assert_eq!(extended_to_f64(f64_to_extended(r)), r, "{r}");
        }
        assert_eq!(f64_to_extended(1.0), [0x3f, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0]);
        assert!(extended_to_f64(f64_to_extended(f64::NAN)).is_nan());
    }

    #[test]
    fn bytes_modulo_256() {
        assert_eq!(byte_of(256.0), 0);
        assert_eq!(byte_of(-1.0), 255);
        assert_eq!(byte_of(0x1ff as f64), 255);
    }
}
