//! Packing values into bytes and unpacking them, item by item, with
//! CPython's conversions and `struct.error` messages.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::layout::{IntRule, Item, Layout, Rule};
use super::struct_error;
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::ByteArrayObj;
use crate::types::bytes::{new_bytes, BytesObj};
use crate::types::exceptions::OVERFLOW_ERROR;
use crate::types::float::new_float;
use crate::types::int::{self, IntObj};
use crate::types::new_bool;

/// The integer value of a pack argument: ints as they are, other objects
/// through `__index__`; None when it is beyond 128 bits (always out of
/// range).
fn int_arg(v: &Obj) -> PyResult<Option<i128>> {
    let owned;
    let i = match v.downcast::<IntObj>() {
        Some(i) => i,
        None => {
            if v.class().number.index.get().is_none() {
                return Err(struct_error("required argument is not an integer"));
            }
            owned = ops::index(v)?;
            owned.downcast::<IntObj>().ok_or_else(|| struct_error("required argument is not an integer"))?
        }
    };
    Ok(match i.as_i64() {
        Some(x) => Some(i128::from(x)),
        None => i.to_bigint().to_i128(),
    })
}

/// CPython's C `long` conversion: "argument out of range" beyond 64 bits.
fn as_long(v: Option<i128>) -> PyResult<i128> {
    v.filter(|x| i64::try_from(*x).is_ok()).ok_or_else(|| struct_error("argument out of range"))
}

/// CPython's C `unsigned long` conversion: negative values are out of range.
fn as_ulong(v: Option<i128>) -> PyResult<i128> {
    v.filter(|x| u64::try_from(*x).is_ok()).ok_or_else(|| struct_error("argument out of range"))
}

/// Checks an integer against its item's range, with the item's messages.
fn check_int(item: &Item, v: Option<i128>) -> PyResult<i128> {
    let signed = item.signed();
    let bits = item.size * 8;
    let (lo, hi): (i128, i128) =
        if signed { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) } else { (0, (1i128 << bits) - 1) };
    let ch = char::from(item.ch);
    let rule = match item.rule {
        Rule::Int(r) => r,
        _ => IntRule::NativeWord,
    };
    let x = match rule {
        IntRule::Byte | IntRule::NativeShort => as_long(v)?,
        IntRule::NativeInt | IntRule::NativeWord | IntRule::StdSmall => {
            if signed {
                as_long(v)?
            } else {
                as_ulong(v)?
            }
        }
        IntRule::StdLong => {
            return v
                .filter(|x| (lo..=hi).contains(x))
                .ok_or_else(|| PyErr::new(&OVERFLOW_ERROR, "int too big to convert"))
        }
    };
    if (lo..=hi).contains(&x) {
        return Ok(x);
    }
    Err(match rule {
        IntRule::Byte if signed => struct_error("byte format requires -128 <= number <= 127"),
        IntRule::Byte => struct_error("ubyte format requires 0 <= number <= 255"),
        IntRule::NativeShort if signed => struct_error("short format requires -32768 <= number <= 32767"),
        IntRule::NativeShort => struct_error("ushort format requires 0 <= number <= 65535"),
        _ => struct_error(format!("'{ch}' format requires {lo} <= number <= {hi}")),
    })
}

/// The float value of a pack argument (`__float__`, then `__index__`).
fn float_arg(v: &Obj) -> PyResult<f64> {
    ops::to_f64(v).map_err(|_| struct_error("required argument is not a float"))
}

/// IEEE half precision bits of `x`, rounded to nearest even; None when the
/// value is too large.
pub fn pack_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let bits = x.abs().to_bits();
    if bits == 0 {
        return Some(sign);
    }
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // |x| = mant * 2**exp
    let (mant, exp) = if biased == 0 { (frac, -1074) } else { (frac | (1u64 << 52), biased - 1075) };
    let top = 63 - mant.leading_zeros() as i32 + exp;
    if top >= 16 {
        return None;
    }
    // The unit of the last place: 2**-24 for subnormals, else 10 bits below the top.
    let quantum = if top < -14 { -24 } else { top - 10 };
    let shift = quantum - exp;
    let mut n: u64 = if shift <= 0 {
        mant << (-shift)
    } else if shift >= 64 {
        0
    } else {
        let q = mant >> shift;
        let rem = mant & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if rem > half || (rem == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    if quantum == -24 {
        // Subnormal (or rounded up to the smallest normal, whose bits are the same).
        return Some(sign | n as u16);
    }
    let mut top = top;
    if n == 2048 {
        n = 1024;
        top += 1;
    }
    let field = top + 15;
    if field >= 31 {
        return None;
    }
    Some(sign | ((field as u16) << 10) | (n as u16 - 1024))
}

/// The value of IEEE half precision bits.
pub fn unpack_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let f = f64::from(h & 0x3ff);
    sign * match e {
        0x1f if f == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        0 => f * 2f64.powi(-24),
        _ => (f + 1024.0) * 2f64.powi(e - 25),
    }
}

fn put(out: &mut [u8], x: u128, size: usize, le: bool) {
    let b = x.to_le_bytes();
    for k in 0..size {
        let byte = b[k];
        if le {
            out[k] = byte;
        } else {
            out[size - 1 - k] = byte;
        }
    }
}

fn get(data: &[u8], le: bool) -> u128 {
    let mut x = 0u128;
    for k in 0..data.len() {
        let byte = if le { data[data.len() - 1 - k] } else { data[k] };
        x = (x << 8) | u128::from(byte);
    }
    x
}

/// The contents of an `s`/`p` argument (bytes or bytearray).
fn bytes_arg(v: &Obj, ch: u8) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Some(b) = v.downcast::<ByteArrayObj>() {
        return Ok(b.data.get_clone());
    }
    Err(struct_error(format!("argument for '{}' must be a bytes object", char::from(ch))))
}

/// Packs one value of `item` into `out` (exactly the value's bytes).
fn pack_value(item: &Item, le: bool, v: &Obj, out: &mut [u8]) -> PyResult<()> {
    match item.rule {
        Rule::Pad => {}
        Rule::Char => match v.downcast::<BytesObj>().map(|b| b.as_bytes()) {
            Some([c]) => out[0] = *c,
            _ => return Err(struct_error("char format requires a bytes object of length 1")),
        },
        Rule::Bool => out[0] = u8::from(ops::is_true(v)?),
        Rule::Int(_) => {
            let x = check_int(item, int_arg(v)?)?;
            put(out, x as u128, item.size, le);
        }
        Rule::Pointer => {
            let x = int_arg(v)?
                .filter(|x| (i128::from(i64::MIN)..=i128::from(u64::MAX)).contains(x))
                .ok_or_else(|| PyErr::new(&OVERFLOW_ERROR, "int too big to convert"))?;
            put(out, x as u128, 8, le);
        }
        Rule::Half => {
            let h = pack_half(float_arg(v)?)
                .ok_or_else(|| PyErr::new(&OVERFLOW_ERROR, "float too large to pack with e format"))?;
            put(out, u128::from(h), 2, le);
        }
        Rule::Float { std } => {
            let x = float_arg(v)?;
            let y = x as f32;
            if std && y.is_infinite() && x.is_finite() {
                return Err(PyErr::new(&OVERFLOW_ERROR, "float too large to pack with f format"));
            }
            put(out, u128::from(y.to_bits()), 4, le);
        }
        Rule::Double => put(out, u128::from(float_arg(v)?.to_bits()), 8, le),
        Rule::Bytes => {
            let s = bytes_arg(v, b's')?;
            let n = s.len().min(item.size);
            out[..n].copy_from_slice(&s[..n]);
        }
        Rule::Pascal => {
            let s = bytes_arg(v, b'p')?;
            if item.size > 0 {
                let n = s.len().min(item.size - 1);
                out[1..=n].copy_from_slice(&s[..n]);
                out[0] = n.min(255) as u8;
            }
        }
    }
    Ok(())
}

/// Packs `values` (exactly `layout.nvalues` of them) into `out`, which has
/// `layout.size` zeroed bytes.
pub fn pack(layout: &Layout, values: &[&Obj], out: &mut [u8]) -> PyResult<()> {
    let mut next = values.iter();
    for item in &layout.items {
        let step = item.size;
        for k in 0..item.repeat {
            let Some(v) = next.next() else {
                return Err(PyErr::system_error("struct: too few values"));
            };
            let at = item.offset + k * step;
            let slot = out.get_mut(at..at + step).ok_or_else(|| PyErr::system_error("struct: layout overrun"))?;
            if let Err(e) = pack_value(item, layout.little_endian, v, slot) {
                // Overflow while converting an int becomes a struct.error.
                if e.matches(&OVERFLOW_ERROR) && v.isa::<IntObj>() {
                    return Err(struct_error("int too large to convert"));
                }
                return Err(e);
            }
        }
    }
    Ok(())
}

fn unpack_value(item: &Item, le: bool, data: &[u8]) -> PyRef {
    match item.rule {
        Rule::Pad => crate::types::none(),
        Rule::Char => new_bytes(data),
        Rule::Bool => new_bool(data.iter().any(|b| *b != 0)),
        Rule::Int(_) | Rule::Pointer => {
            let raw = get(data, le);
            let bits = data.len() * 8;
            if item.signed() && bits > 0 && raw >> (bits - 1) & 1 == 1 {
                let v = raw as i128 - (1i128 << bits);
                int::from_bigint(BigInt::from(v))
            } else if let Ok(v) = i64::try_from(raw) {
                int::new_int(v)
            } else {
                int::from_bigint(BigInt::from(raw))
            }
        }
        Rule::Half => new_float(unpack_half(get(data, le) as u16)),
        Rule::Float { .. } => new_float(f64::from(f32::from_bits(get(data, le) as u32))),
        Rule::Double => new_float(f64::from_bits(get(data, le) as u64)),
        Rule::Bytes => new_bytes(data),
        Rule::Pascal => {
            let Some((&n, rest)) = data.split_first() else {
                return new_bytes(b"");
            };
            new_bytes(&rest[..usize::from(n).min(rest.len())])
        }
    }
}

/// Unpacks `data` (exactly `layout.size` bytes) into its values.
pub fn unpack(layout: &Layout, data: &[u8]) -> Vec<PyRef> {
    let mut out = Vec::with_capacity(layout.nvalues);
    for item in &layout.items {
        for k in 0..item.repeat {
            let at = item.offset + k * item.size;
            if let Some(d) = data.get(at..at + item.size) {
                out.push(unpack_value(item, layout.little_endian, d));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision() {
        assert_eq!(pack_half(1.5), Some(0x3e00));
        assert_eq!(pack_half(65504.0), Some(0x7bff));
        assert_eq!(pack_half(65519.99), Some(0x7bff));
        assert_eq!(pack_half(65520.0), None);
        assert_eq!(pack_half(0.1), Some(0x2e66));
        assert_eq!(pack_half(-1e-5), Some(0x80a8));
        assert_eq!(pack_half(1e-7), Some(0x0002));
        assert_eq!(pack_half(6e-8), Some(0x0001));
        assert_eq!(pack_half(2f64.powi(-25)), Some(0));
        assert_eq!(pack_half(1e-300), Some(0));
        assert_eq!(pack_half(-0.0), Some(0x8000));
        assert_eq!(unpack_half(0x3c01), 1.0009765625);
        assert_eq!(unpack_half(0x0001), 2f64.powi(-24));
    }
}
