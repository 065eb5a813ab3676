//! Byte-wise methods of bytes and bytearray: ASCII case conversion and
//! predicates, justification (center/ljust/rjust/zfill), expandtabs,
//! translate/maketrans, hex/fromhex.

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::{new_bytearray, BYTEARRAY_TYPE};
use crate::types::bytes::{from_vec, BytesObj, BYTES_TYPE};
use crate::types::bytes_args::{
    buffer_arg, c_int_arg, fill_byte, keywords, noargs, one, positional, ssize_arg, try_alloc,
};
use crate::types::bytes_methods::{new_like, result_or_self, unchanged, with_data};
use crate::types::bytes_split::is_space;
use crate::types::new_bool;
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, TypeObj};

fn map_bytes(a: Args, m: &str, f: impl FnOnce(&[u8]) -> Vec<u8>) -> PyResult {
    let s = noargs(a, m)?;
    Ok(new_like(s, with_data(s, f)))
}

pub fn m_lower(a: Args) -> PyResult {
    map_bytes(a, "lower", |d| d.to_ascii_lowercase())
}
pub fn m_upper(a: Args) -> PyResult {
    map_bytes(a, "upper", |d| d.to_ascii_uppercase())
}
pub fn m_swapcase(a: Args) -> PyResult {
    map_bytes(a, "swapcase", |d| {
        d.iter()
            .map(|&b| if b.is_ascii_lowercase() { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}
pub fn m_capitalize(a: Args) -> PyResult {
    map_bytes(a, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}
pub fn m_title(a: Args) -> PyResult {
    map_bytes(a, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let r = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev_cased = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn predicate(a: Args, m: &str, f: impl FnOnce(&[u8]) -> bool) -> PyResult {
    let s = noargs(a, m)?;
    Ok(new_bool(with_data(s, f)))
}

pub fn m_isalpha(a: Args) -> PyResult {
    predicate(a, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}
pub fn m_isalnum(a: Args) -> PyResult {
    predicate(a, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}
pub fn m_isdigit(a: Args) -> PyResult {
    predicate(a, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}
pub fn m_isspace(a: Args) -> PyResult {
    predicate(a, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_space(b)))
}
pub fn m_isascii(a: Args) -> PyResult {
    predicate(a, "isascii", |d| d.is_ascii())
}
pub fn m_islower(a: Args) -> PyResult {
    predicate(a, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}
pub fn m_isupper(a: Args) -> PyResult {
    predicate(a, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}
pub fn m_istitle(a: Args) -> PyResult {
    predicate(a, "istitle", |d| {
        let (mut cased, mut prev_cased) = (false, false);
        for &b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// Pads `s` to `width` with `left` and the rest of the margin on the right.
fn pad(s: &Obj, width: i64, fill: u8, left_of: impl FnOnce(usize) -> usize) -> PyResult {
    let len = with_data(s, <[u8]>::len);
    if width <= len as i64 {
        return Ok(unchanged(s));
    }
    if !s.isa::<crate::types::bytearray::ByteArrayObj>() {
        crate::types::bytes_args::bytes_size_check(width as usize)?;
    }
    let mut out = try_alloc(width as usize)?;
    let margin = width as usize - len;
    let left = left_of(margin);
    out.resize(left, fill);
    with_data(s, |d| out.extend_from_slice(d));
    out.resize(width as usize, fill);
    Ok(new_like(s, out))
}

fn justify(a: Args, m: &str, left_of: impl FnOnce(usize, i64) -> usize) -> PyResult {
    let (s, [width, fill]) = positional::<2>(a, m, 1)?;
    let width = ssize_arg(width.expect("required"))?;
    let fill = fill_byte(fill, m)?;
    pad(s, width, fill, |margin| left_of(margin, width))
}

pub fn m_center(a: Args) -> PyResult {
    justify(a, "center", |margin, width| margin / 2 + (margin & (width as usize) & 1))
}
pub fn m_ljust(a: Args) -> PyResult {
    justify(a, "ljust", |_, _| 0)
}
pub fn m_rjust(a: Args) -> PyResult {
    justify(a, "rjust", |margin, _| margin)
}

pub fn m_zfill(a: Args) -> PyResult {
    let (s, width) = one(a, "zfill")?;
    let width = ssize_arg(width)?;
    let len = with_data(s, <[u8]>::len);
    if width <= len as i64 {
        return Ok(unchanged(s));
    }
    let fill = width as usize - len;
    if !s.isa::<crate::types::bytearray::ByteArrayObj>() {
        crate::types::bytes_args::bytes_size_check(width as usize)?;
    }
    let mut out = try_alloc(width as usize)?;
    out.resize(fill, b'0');
    with_data(s, |d| out.extend_from_slice(d));
    // A sign of the original moves in front of the zeros.
    if let Some(&sign @ (b'+' | b'-')) = out.get(fill) {
        out[0] = sign;
        out[fill] = b'0';
    }
    Ok(new_like(s, out))
}

/// `expandtabs(tabsize=8)`.
pub fn m_expandtabs(a: Args) -> PyResult {
    let (s, [tabsize]) = keywords(a, "expandtabs", ["tabsize"], 0)?;
    let tab = match tabsize {
        Some(t) => c_int_arg(t)?,
        None => 8,
    };
    let expand = |d: &[u8], out: Option<&mut Vec<u8>>| -> u128 {
        let (mut col, mut total) = (0u128, 0u128);
        let mut out = out;
        for &b in d {
            if b == b'\t' {
                if tab > 0 {
                    let n = tab as u128 - col % tab as u128;
                    col += n;
                    total += n;
                    if let Some(o) = out.as_deref_mut() {
                        o.resize(o.len() + n as usize, b' ');
                    }
                }
            } else {
                col = if b == b'\n' || b == b'\r' { 0 } else { col + 1 };
                total += 1;
                if let Some(o) = out.as_deref_mut() {
                    o.push(b);
                }
            }
        }
        total
    };
    let size = with_data(s, |d| expand(d, None));
    if size > isize::MAX as u128 {
        return Err(PyErr::overflow_error("result too long"));
    }
    let mut out = try_alloc(size as usize)?;
    with_data(s, |d| expand(d, Some(&mut out)));
    Ok(new_like(s, out))
}

/// `translate(table, /, delete=b'')`.
pub fn m_translate(a: Args) -> PyResult {
    let (s, [table, delete]) = keywords(a, "translate", ["table", "delete"], 1)?;
    let table = match table.filter(|t| !t.is_none()) {
        Some(t) => {
            let t = buffer_arg(t)?;
            if t.len() != 256 {
                return Err(PyErr::value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        None => None,
    };
    let delete = match delete {
        Some(d) => Some(buffer_arg(d)?),
        None => None,
    };
    let out = with_data(s, |d| {
        let mut deleted = [false; 256];
        if let Some(del) = &delete {
            del.iter().for_each(|&b| deleted[b as usize] = true);
        }
        let v: Vec<u8> =
            d.iter().filter(|&&b| !deleted[b as usize]).map(|&b| table.as_ref().map_or(b, |t| t[b as usize])).collect();
        (v.as_slice() != d).then_some(v)
    });
    Ok(result_or_self(s, out))
}

fn maketrans(a: Args, owner: &str) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{owner}.maketrans() takes no keyword arguments")));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!("maketrans expected 2 arguments, got {}", a.nargs)));
    }
    let frm = buffer_arg(a.all[0])?;
    let to = buffer_arg(a.all[1])?;
    if frm.len() != to.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in frm.iter().zip(to.iter()) {
        table[f as usize] = t;
    }
    Ok(from_vec(table))
}

pub fn m_maketrans_bytes(a: Args) -> PyResult {
    maketrans(a, "bytes")
}
pub fn m_maketrans_bytearray(a: Args) -> PyResult {
    maketrans(a, "bytearray")
}

/// The separator byte of `hex(sep)`, with CPython's checks in CPython's order.
/// A result of bytes (`binascii.hexlify`) may use any Latin-1 separator; a
/// result of str must use an ASCII one.
pub fn hex_sep(sep: &Obj, for_bytes: bool) -> PyResult<u8> {
    if ops::len(sep)? != 1 {
        return Err(PyErr::value_error("sep must be length 1."));
    }
    let c = if let Some(s) = sep.downcast::<StrObj>() {
        s.as_str().chars().next().map_or(0, |c| c as u32)
    } else if let Some(b) = sep.downcast::<BytesObj>() {
        b.as_bytes()[0] as u32
    } else {
        return Err(PyErr::type_error("sep must be str or bytes."));
    };
    if c > 255 || (c > 127 && !for_bytes) {
        return Err(PyErr::value_error("sep must be ASCII."));
    }
    Ok(c as u8)
}

/// Hex digits of `d`, with `sep` every `per_sep` bytes (counted from the
/// right when positive, from the left when negative). `sep` is ASCII.
pub fn to_hex(d: &[u8], sep: Option<u8>, per_sep: i64) -> String {
    String::from_utf8_lossy(&to_hex_bytes(d, sep, per_sep)).into_owned()
}

/// `to_hex` as bytes, where `sep` may be any byte.
pub fn to_hex_bytes(d: &[u8], sep: Option<u8>, per_sep: i64) -> Vec<u8> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = per_sep.unsigned_abs() as usize;
    let sep = sep.filter(|_| group > 0 && group < d.len());
    let mut out = Vec::with_capacity(d.len() * 3);
    for (i, &b) in d.iter().enumerate() {
        if let Some(c) = sep {
            let boundary = if per_sep > 0 { (d.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if i > 0 && boundary {
                out.push(c);
            }
        }
        out.push(DIGITS[(b >> 4) as usize]);
        out.push(DIGITS[(b & 15) as usize]);
    }
    out
}

/// `hex(sep=<none>, bytes_per_sep=1)`.
pub fn m_hex(a: Args) -> PyResult {
    let (s, [sep, per_sep]) = keywords(a, "hex", ["sep", "bytes_per_sep"], 0)?;
    let sep = match sep {
        Some(o) => Some(hex_sep(o, false)?),
        None => None,
    };
    let per_sep = match per_sep {
        Some(p) => c_int_arg(p)?,
        None => 1,
    };
    Ok(from_string(with_data(s, |d| to_hex(d, sep, per_sep))))
}

/// Parses the argument of `fromhex`: pairs of hex digits, whitespace between
/// pairs. The error names the character position, as CPython does.
pub fn parse_hex(s: &str) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: usize| chars.get(i).and_then(|c| c.to_digit(16));
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if if c.is_ascii() { is_space(c as u8) } else { c.is_whitespace() } {
            i += 1;
            continue;
        }
        let bad =
            |i: usize| PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"));
        let hi = digit(i).filter(|_| chars[i].is_ascii()).ok_or_else(|| bad(i))?;
        let lo = digit(i + 1).filter(|_| chars[i + 1].is_ascii()).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// `bytes.fromhex(string)` / `bytearray.fromhex(string)` (class methods).
pub fn m_fromhex(a: Args) -> PyResult {
    let (cls, string) = one(a, "fromhex")?;
    let Some(text) = string.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!("fromhex() argument must be str, not {}", string.class().name())));
    };
    let data = parse_hex(text.as_str())?;
    let t = cls.downcast::<TypeObj>().unwrap_or(&BYTES_TYPE);
    let base = if t.is_subtype(&BYTEARRAY_TYPE) { new_bytearray(data) } else { from_vec(data) };
    if t.is(&BYTES_TYPE) || t.is(&BYTEARRAY_TYPE) {
        return Ok(base);
    }
    ops::call1(cls, &base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fromhex_positions() {
        assert_eq!(parse_hex("de ad\tbe\nef").ok(), Some(vec![0xde, 0xad, 0xbe, 0xef]));
        assert_eq!(parse_hex("").ok(), Some(vec![]));
    }

    #[test]
    fn hex_grouping() {
        assert_eq!(to_hex(b"abcdefg", Some(b':'), 3), "61:626364:656667");
        assert_eq!(to_hex(b"abcdefg", Some(b':'), -3), "616263:646566:67");
        assert_eq!(to_hex(b"abcdef", Some(b':'), 2), "6162:6364:6566");
        assert_eq!(to_hex(b"abc", Some(b'-'), 1), "61-62-63");
        assert_eq!(to_hex(b"abc", Some(b'-'), 5), "616263");
        assert_eq!(to_hex(b"", Some(b'-'), 1), "");
    }
}
