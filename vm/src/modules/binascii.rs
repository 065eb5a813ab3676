//! The `binascii` module: hex, base64 and uuencode conversions, `crc32`
//! and `crc_hqx`, with CPython 3.11's messages. The quoted-printable pair
//! (`a2b_qp`/`b2a_qp`) is left out: `quopri`, their only user in the
//! standard library, falls back to its pure-Python code without them.

use crate::object::{Obj, PyRef, Static};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::new_bytes;
use crate::types::bytes_args::buffer;
use crate::types::dict::DictObj;
use crate::types::exceptions;
use crate::types::int::{self, IntObj};
use crate::types::module::{new_module, ModuleObj};
use crate::types::none_ref;
use crate::types::str::{intern, new_str, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::util::args;

/// `binascii.Error` and `binascii.Incomplete`, made on first import.
static ERRORS: Static<std::cell::RefCell<Option<(PyRef, PyRef)>>> = Static(std::cell::RefCell::new(None));

fn new_class(name: &str, base: &TypeObj) -> PyResult<PyRef> {
    let ns = crate::types::dict::new_dict();
    let d = ns.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
    d.set_by_str("__module__", new_str("binascii"));
    let bases = new_tuple(vec![base.as_obj_ref().to_owned()]);
    crate::types::type_new::type_new_impl(&crate::types::typeobj::TYPE_TYPE, &intern(name), &bases, &ns, &[])
}

fn errors() -> PyResult<(PyRef, PyRef)> {
    if let Some(e) = ERRORS.borrow().clone() {
        return Ok(e);
    }
    let e = (new_class("Error", &exceptions::VALUE_ERROR)?, new_class("Incomplete", &exceptions::EXCEPTION)?);
    *ERRORS.borrow_mut() = Some(e.clone());
    Ok(e)
}

/// A `binascii.Error` with a message.
#[cold]
fn error(msg: impl AsRef<str>) -> PyErr {
    match errors() {
        Ok((e, _)) => match e.downcast::<TypeObj>() {
            Some(t) => PyErr::new(t, msg),
            None => PyErr::value_error(msg),
        },
        Err(e) => e,
    }
}

/// The data of an `a2b_*` argument: bytes-like, or a str of ASCII characters.
fn ascii_data(o: &Obj) -> PyResult<Vec<u8>> {
    if let Some(s) = o.downcast::<StrObj>() {
        if !s.as_str().is_ascii() {
            return Err(PyErr::value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match buffer(o) {
        Some(b) => Ok(b.into_owned()),
        None => Err(PyErr::type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            o.class().name()
        ))),
    }
}

/// The data of a `b2a_*` argument (bytes-like).
fn binary_data(o: &Obj) -> PyResult<Vec<u8>> {
    crate::types::bytes_args::buffer_arg(o).map(|b| b.into_owned())
}

/// An unsigned int argument masked to 32 bits (`PyLong_AsUnsignedLongMask`).
fn masked_u32(o: &Obj) -> PyResult<u32> {
    let v = if o.isa::<IntObj>() {
        o.to_owned()
    } else {
        ops::index_opt(o)?.ok_or_else(|| {
            PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", o.class().name()))
        })?
    };
    let i = v.downcast::<IntObj>().ok_or_else(|| PyErr::type_error("an integer is required"))?;
    Ok(match i.as_i64() {
        Some(n) => n as u32,
        None => {
            use num_traits::ToPrimitive;
            (i.to_bigint() & num_bigint::BigInt::from(u32::MAX)).to_u32().unwrap_or(0)
        }
    })
}

// ---- hex ------------------------------------------------------------------------

fn f_hexlify_named(a: Args, name: &str) -> PyResult {
    let [data, sep, per] = args::parse(a, name, &["data", "sep", "bytes_per_sep"], 1)?;
    let data = new_bytes(&binary_data(data.unwrap_or(none_ref()))?);
    let mut call_args: Vec<&Obj> = Vec::new();
    if let Some(s) = sep {
        call_args.push(s);
        if let Some(p) = per {
            call_args.push(p);
        }
    } else if per.is_some() {
        call_args.push(none_ref());
        call_args.push(per.unwrap_or(none_ref()));
    }
    let text = ops::call_method(&data, "hex", &call_args)?;
    Ok(new_bytes(StrObj::text(&text).as_bytes()))
}

fn f_hexlify(a: Args) -> PyResult {
    f_hexlify_named(a, "hexlify")
}

fn f_b2a_hex(a: Args) -> PyResult {
    f_hexlify_named(a, "b2a_hex")
}

fn unhex(a: Args, name: &str) -> PyResult {
    let [s] = args::exact_fn::<1>(a, name)?;
    let data = ascii_data(s)?;
    if data.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(&out))
}

fn f_unhexlify(a: Args) -> PyResult {
    unhex(a, "unhexlify")
}

fn f_a2b_hex(a: Args) -> PyResult {
    unhex(a, "a2b_hex")
}

// ---- base64 ---------------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn f_b2a_base64(a: Args) -> PyResult {
    let [data, newline] = args::parse(a, "b2a_base64", &["data", "/", "*", "newline"], 1)?;
    let data = binary_data(data.unwrap_or(none_ref()))?;
    let newline = match newline {
        Some(n) => ops::is_true(n)?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(&out))
}

/// Decodes base64 as CPython does: in the default mode characters outside
/// the alphabet are skipped and decoding stops at complete padding.
fn decode_base64(data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad_pos, mut left, mut pads) = (0u8, 0u8, 0usize);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && quad_pos == 0 {
                return Err(error("Excess padding not allowed"));
            }
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = v;
            }
            1 => {
                quad_pos = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(error("Incorrect padding")),
    }
}

fn f_a2b_base64(a: Args) -> PyResult {
    let [data, strict] = args::parse(a, "a2b_base64", &["data", "/", "*", "strict_mode"], 1)?;
    let data = ascii_data(data.unwrap_or(none_ref()))?;
    let strict = match strict {
        Some(s) => ops::is_true(s)?,
        None => false,
    };
    Ok(new_bytes(&decode_base64(&data, strict)?))
}

// ---- uuencode -----------------------------------------------------------------

fn f_b2a_uu(a: Args) -> PyResult {
    let [data, backtick] = args::parse(a, "b2a_uu", &["data", "/", "*", "backtick"], 1)?;
    let data = binary_data(data.unwrap_or(none_ref()))?;
    let backtick = match backtick {
        Some(b) => ops::is_true(b)?,
        None => false,
    };
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let enc = |v: u8| if backtick && v == 0 { b'`' } else { b' ' + v };
    let mut out = vec![enc(data.len() as u8)];
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for shift in [18, 12, 6, 0] {
            out.push(enc(((n >> shift) & 63) as u8));
        }
    }
    out.push(b'\n');
    Ok(new_bytes(&out))
}

fn f_a2b_uu(a: Args) -> PyResult {
    let [data] = args::exact_fn::<1>(a, "a2b_uu")?;
    let data = ascii_data(data)?;
    // The first character gives the length (an empty line reads as NUL).
    let mut want = usize::from(data.first().copied().unwrap_or(0).wrapping_sub(b' ') & 0o77);
    let mut rest = data.get(1..).unwrap_or_default().iter();
    let mut out = Vec::with_capacity(want);
    let (mut left, mut bits) = (0u32, 0u32);
    while want > 0 {
        let c = rest.next().copied();
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(ch) => {
                if !(b' '..=b' ' + 64).contains(&ch) {
                    return Err(error("Illegal char"));
                }
                (ch - b' ') & 0o77
            }
        };
        left = (left << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((left >> bits) as u8);
            left &= (1 << bits) - 1;
            want -= 1;
        }
    }
    for &c in rest {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error("Trailing garbage"));
        }
    }
    Ok(new_bytes(&out))
}

// ---- checksums --------------------------------------------------------------------

/// The CRC-32 table (reflected polynomial 0xEDB88320, as zlib uses).
const CRC32_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c = CRC32_TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

fn f_crc32(a: Args) -> PyResult {
    let [data, crc] = args::parse(a, "crc32", &["data", "crc", "/"], 1)?;
    let data = binary_data(data.unwrap_or(none_ref()))?;
    let crc = match crc {
        Some(c) => masked_u32(c)?,
        None => 0,
    };
    Ok(int::new_int(i64::from(crc32_update(crc, &data))))
}

/// CRC-CCITT (polynomial 0x1021, most significant bit first), as `crc_hqx`.
fn crc_hqx_update(crc: u16, data: &[u8]) -> u16 {
    let mut c = crc;
    for &b in data {
        c ^= u16::from(b) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
        }
    }
    c
}

fn f_crc_hqx(a: Args) -> PyResult {
    let [data, crc] = args::parse(a, "crc_hqx", &["data", "crc", "/"], 2)?;
    let data = binary_data(data.unwrap_or(none_ref()))?;
    let crc = masked_u32(crc.unwrap_or(none_ref()))? as u16;
    Ok(int::new_int(i64::from(crc_hqx_update(crc, &data))))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("hexlify", f_hexlify),
    MethodDef::method("b2a_hex", f_b2a_hex),
    MethodDef::method("unhexlify", f_unhexlify),
    MethodDef::method("a2b_hex", f_a2b_hex),
    MethodDef::method("b2a_base64", f_b2a_base64),
    MethodDef::method("a2b_base64", f_a2b_base64),
    MethodDef::method("b2a_uu", f_b2a_uu),
    MethodDef::method("a2b_uu", f_a2b_uu),
    MethodDef::method("crc32", f_crc32),
    MethodDef::method("crc_hqx", f_crc_hqx),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("binascii");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    let (e, inc) = errors()?;
    mo.set_attr("Error", e);
    mo.set_attr("Incomplete", inc);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::{crc32_update, crc_hqx_update, decode_base64};

    #[test]
    fn checksums() {
        assert_eq!(crc32_update(0, b"hello world"), 0x0d4a_1185);
        assert_eq!(crc32_update(crc32_update(0, b"hello "), b"world"), 0x0d4a_1185);
        assert_eq!(crc_hqx_update(0, b"123456789"), 0x31c3);
    }

    #[test]
    fn base64_decoding() {
        assert_eq!(decode_base64(b"aGVsbG8=", false).ok(), Some(b"hello".to_vec()));
        assert_eq!(decode_base64(b"aGV sbG8=\n", false).ok(), Some(b"hello".to_vec()));
        assert_eq!(decode_base64(b"aGVsbG8=trailing", false).ok(), Some(b"hello".to_vec()));
    }
}
