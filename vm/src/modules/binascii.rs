//! The `binascii` module: conversions between binary data and ASCII
//! encodings (hex, base64, uuencode, quoted-printable) and the CRC-32 and
//! CRC-CCITT checksums, with CPython 3.11's argument rules and messages.
//! `base64`, `zipfile`, `email`, `uu` and `quopri` sit on it.

use std::borrow::Cow;

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::from_vec;
use crate::types::bytes_args::{buffer_arg, c_int_arg};
use crate::types::exceptions::{EXCEPTION, VALUE_ERROR};
use crate::types::int::{self, IntObj, IntVal};
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::StrObj;
use crate::types::typeobj::{Args, MethodDef};
use crate::util::args;

use super::exc_class::ExcCell;

static ERROR: ExcCell = ExcCell::new();
static INCOMPLETE: ExcCell = ExcCell::new();

#[cold]
fn error(msg: impl AsRef<str>) -> PyErr {
    ERROR.err(msg)
}

/// An `ascii_buffer` argument: a bytes-like object, or a str of ASCII
/// characters only.
fn ascii_buffer(o: &Obj) -> PyResult<Cow<'_, [u8]>> {
    if let Some(s) = o.downcast::<StrObj>() {
        let s = s.as_str();
        if !s.is_ascii() {
            return Err(PyErr::value_error("string argument should contain only ASCII characters"));
        }
        return Ok(Cow::Borrowed(s.as_bytes()));
    }
    check_contiguous(o)?;
    crate::types::bytes_args::buffer(o).ok_or_else(|| {
        PyErr::type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", o.class().name()))
    })
}

/// A `Py_buffer` argument: a bytes-like object whose memory is contiguous
/// (a strided memoryview raises BufferError, as with CPython's
/// `PyBUF_SIMPLE` request).
fn data_buffer(o: &Obj) -> PyResult<Cow<'_, [u8]>> {
    check_contiguous(o)?;
    buffer_arg(o)
}

fn check_contiguous(o: &Obj) -> PyResult<()> {
    if o.isa::<crate::types::memoryview::MemoryViewObj>() {
        let contiguous = crate::ops::getattr_str(o, "c_contiguous")?;
        if !crate::ops::is_true(&contiguous)? {
            return Err(PyErr::new(
                &crate::types::exceptions::BUFFER_ERROR,
                "memoryview: underlying buffer is not C-contiguous",
            ));
        }
    }
    Ok(())
}

/// A flag argument: argument clinic's `bool` of 3.11, which takes a C int.
fn flag(o: Option<&Obj>, default: bool) -> PyResult<bool> {
    match o {
        Some(o) => Ok(c_int_arg(o)? != 0),
        None => Ok(default),
    }
}

/// The one argument of a `METH_O` function.
fn single<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Obj> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("binascii.{name}() takes no keyword arguments")));
    }
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("binascii.{name}() takes exactly one argument ({} given)", a.nargs)));
    }
    Ok(a.all[0])
}

/// One positional-only argument and one keyword-only flag (`b2a_uu(data,
/// /, *, backtick=False)`).
fn data_and_keyword<'a>(a: Args<'a>, name: &str, keyword: &str) -> PyResult<(&'a Obj, Option<&'a Obj>)> {
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("{name}() takes exactly 1 positional argument ({} given)", a.nargs)));
    }
    let [data, kw] = args::parse::<2>(a, name, &["data", "/", "*", keyword], 1)?;
    Ok((data.expect("data"), kw))
}

/// A 32-bit unsigned argument taken modulo 2**32 (clinic's
/// `unsigned_int(bitwise=True)`).
fn bitwise_u32(o: &Obj) -> PyResult<u32> {
    let Some(v) = crate::ops::index_opt(o)? else {
        return Err(crate::types::bytes_args::not_integer(o));
    };
    let i = v.downcast::<IntObj>().ok_or_else(|| PyErr::system_error("index"))?;
    Ok(match i.val() {
        IntVal::Small(n) => n as u32,
        IntVal::Big(b) => {
            let m = b % num_bigint::BigInt::from(1u64 << 32);
            let (_, digits) = m.to_u32_digits();
            let low = digits.first().copied().unwrap_or(0);
            if m.sign() == num_bigint::Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            }
        }
    })
}

// ---- uuencode ----

fn a2b_uu(a: Args) -> PyResult {
    let arg = single(&a, "a2b_uu")?;
    let data = ascii_buffer(arg)?;
    let d: &[u8] = &data;
    // An empty buffer reads as its terminating NUL, as in CPython.
    let first = d.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let rest = d.get(1..).unwrap_or(&[]);
    let mut out = Vec::with_capacity(bin_len);
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    let mut pos = 0;
    while bin_len > 0 {
        let ch = rest.get(pos).copied();
        pos += 1;
        let v = match ch {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error("Illegal char"));
                }
                (c - b' ') & 0o77
            }
        };
        leftchar = (leftchar << 6) | u32::from(v);
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    for &c in rest.get(pos..).unwrap_or(&[]) {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error("Trailing garbage"));
        }
    }
    Ok(from_vec(out))
}

fn b2a_uu(a: Args) -> PyResult {
    let (data, backtick) = data_and_keyword(a, "b2a_uu", "backtick")?;
    let data = data_buffer(data)?;
    let backtick = flag(backtick, false)?;
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let enc = |v: u8| if backtick && v == 0 { b'`' } else { v + b' ' };
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(if backtick && data.is_empty() { b'`' } else { b' ' + data.len() as u8 });
    for chunk in data.chunks(3) {
        let mut g = [0u8; 3];
        g[..chunk.len()].copy_from_slice(chunk);
        let n = (u32::from(g[0]) << 16) | (u32::from(g[1]) << 8) | u32::from(g[2]);
        for shift in [18, 12, 6, 0] {
            out.push(enc(((n >> shift) & 0x3f) as u8));
        }
    }
    out.push(b'\n');
    Ok(from_vec(out))
}

// ---- base64 ----

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

/// Decodes base64 the way CPython 3.11 does: characters outside the
/// alphabet are skipped (errors in strict mode), decoding stops at the
/// padding that completes a quad.
fn decode_base64(d: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(d.len().div_ceil(4) * 3);
    if strict && d.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let (mut quad_pos, mut leftchar, mut pads) = (0u32, 0u8, 0u32);
    let mut padding_started = false;
    for (i, &c) in d.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < d.len() {
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
                leftchar = v;
            }
            1 => {
                quad_pos = 2;
                out.push((leftchar << 2) | (v >> 4));
                leftchar = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((leftchar << 4) | (v >> 2));
                leftchar = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((leftchar << 6) | v);
                leftchar = 0;
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

fn a2b_base64(a: Args) -> PyResult {
    let (data, strict) = data_and_keyword(a, "a2b_base64", "strict_mode")?;
    let data = ascii_buffer(data)?;
    let strict = flag(strict, false)?;
    Ok(from_vec(decode_base64(&data, strict)?))
}

fn b2a_base64(a: Args) -> PyResult {
    let (data, newline) = data_and_keyword(a, "b2a_base64", "newline")?;
    let data = data_buffer(data)?;
    let newline = flag(newline, true)?;
    let mut out = crate::util::mem::vec_with_capacity(data.len().div_ceil(3) * 4 + 1)?;
    for chunk in data.chunks(3) {
        let mut g = [0u8; 3];
        g[..chunk.len()].copy_from_slice(chunk);
        let n = (u32::from(g[0]) << 16) | (u32::from(g[1]) << 8) | u32::from(g[2]);
        let nchars = chunk.len() + 1;
        for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            out.push(if k < nchars { B64[((n >> shift) & 0x3f) as usize] } else { b'=' });
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(from_vec(out))
}

// ---- checksums ----

/// The CRC-CCITT (polynomial 0x1021) table, most significant bit first.
const fn crc_hqx_table() -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

/// The CRC-32 (reflected polynomial 0xEDB88320) table of zlib and PKZIP.
const fn crc32_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

static CRC_HQX: [u16; 256] = crc_hqx_table();
static CRC32: [u32; 256] = crc32_table();

/// CRC-32 of `data` continuing from `crc` (zlib's `crc32`).
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c = CRC32[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

fn crc32(a: Args) -> PyResult {
    let [data, crc] = args::parse::<2>(a, "crc32", &["data", "crc", "/"], 1)?;
    let data = data_buffer(data.expect("data"))?;
    let crc = match crc {
        Some(c) => bitwise_u32(c)?,
        None => 0,
    };
    Ok(int::new_int(i64::from(crc32_update(crc, &data))))
}

fn crc_hqx(a: Args) -> PyResult {
    let [data, crc] = args::parse::<2>(a, "crc_hqx", &["data", "crc", "/"], 2)?;
    let data = data_buffer(data.expect("data"))?;
    let mut crc = bitwise_u32(crc.expect("crc"))? & 0xffff;
    for &b in data.iter() {
        crc = ((crc << 8) & 0xff00) ^ u32::from(CRC_HQX[((crc >> 8) ^ u32::from(b)) as usize & 0xff]);
    }
    Ok(int::new_int(i64::from(crc)))
}

// ---- hex ----

fn b2a_hex_named(a: Args, name: &str) -> PyResult {
    let [data, sep, per_sep] = args::parse::<3>(a, name, &["data", "sep", "bytes_per_sep"], 1)?;
    let data = data_buffer(data.expect("data"))?;
    let sep = match sep {
        Some(s) => Some(crate::types::bytes_transform::hex_sep(s, true)?),
        None => None,
    };
    let per_sep = match per_sep {
        Some(p) => c_int_arg(p)?,
        None => 1,
    };
    Ok(from_vec(crate::types::bytes_transform::to_hex_bytes(&data, sep, per_sep)))
}

fn b2a_hex(a: Args) -> PyResult {
    b2a_hex_named(a, "b2a_hex")
}

fn hexlify(a: Args) -> PyResult {
    b2a_hex_named(a, "hexlify")
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn a2b_hex_named(a: Args, name: &str) -> PyResult {
    let arg = single(&a, name)?;
    let data = ascii_buffer(arg)?;
    if data.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (hex_digit(pair[0]), hex_digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h << 4) | l),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(from_vec(out))
}

fn a2b_hex(a: Args) -> PyResult {
    a2b_hex_named(a, "a2b_hex")
}

fn unhexlify(a: Args) -> PyResult {
    a2b_hex_named(a, "unhexlify")
}

// ---- quoted-printable ----

fn a2b_qp(a: Args) -> PyResult {
    let [data, header] = args::parse::<2>(a, "a2b_qp", &["data", "header"], 1)?;
    let data = ascii_buffer(data.expect("data"))?;
    let header = flag(header, false)?;
    Ok(from_vec(super::binascii_qp::decode(&data, header)))
}

fn b2a_qp(a: Args) -> PyResult {
    let [data, quotetabs, istext, header] =
        args::parse::<4>(a, "b2a_qp", &["data", "quotetabs", "istext", "header"], 1)?;
    let data = data_buffer(data.expect("data"))?;
    let opts = super::binascii_qp::Options {
        quotetabs: flag(quotetabs, false)?,
        istext: flag(istext, true)?,
        header: flag(header, false)?,
    };
    Ok(from_vec(super::binascii_qp::encode(&data, opts)))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("a2b_uu", a2b_uu),
    MethodDef::method("b2a_uu", b2a_uu),
    MethodDef::method("a2b_base64", a2b_base64),
    MethodDef::method("b2a_base64", b2a_base64),
    MethodDef::method("a2b_hex", a2b_hex),
    MethodDef::method("b2a_hex", b2a_hex),
    MethodDef::method("hexlify", hexlify),
    MethodDef::method("unhexlify", unhexlify),
    MethodDef::method("crc_hqx", crc_hqx),
    MethodDef::method("crc32", crc32),
    MethodDef::method("a2b_qp", a2b_qp),
    MethodDef::method("b2a_qp", b2a_qp),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("binascii");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    mo.set_attr("Error", ERROR.get("binascii", "Error", &VALUE_ERROR)?);
    mo.set_attr("Incomplete", INCOMPLETE.get("binascii", "Incomplete", &EXCEPTION)?);
    mo.set_attr("__doc__", crate::types::str::new_str("Conversion between binary data and ASCII"));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_tables() {
        assert_eq!(CRC_HQX[1], 0x1021);
        assert_eq!(CRC_HQX[255], 0x1ef0);
        assert_eq!(CRC32[1], 0x7707_3096);
        assert_eq!(crc32_update(0, b"hello"), 0x3610_a686);
    }
}
