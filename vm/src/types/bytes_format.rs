//! `bytes % args` and `bytearray % args` (PEP 461): CPython's
//! `_PyBytes_FormatEx`, with its conversions (%b %s %r %a %c %d %i %u %o %x %X
//! %e %E %f %F %g %G %%), flags, `*` widths and `%(key)` mappings.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::{new_bytearray, ByteArrayObj};
use crate::types::bytes::{from_vec, BytesObj};
use crate::types::bytes_args::buffer;
use crate::types::int::IntObj;
use crate::types::str::StrObj;
use crate::types::tuple::TupleObj;
use crate::types::{exceptions, not_implemented};

/// The number slot `%` of bytes and bytearray.
pub fn bytes_mod(a: &Obj, b: &Obj) -> PyResult {
    let is_ba = a.isa::<ByteArrayObj>();
    if !is_ba && !a.isa::<BytesObj>() {
        return Ok(not_implemented());
    }
    let fmt = crate::types::bytes_methods::data_vec(a);
    let out = format(&fmt, b)?;
    Ok(if is_ba { new_bytearray(out) } else { from_vec(out) })
}

#[derive(Default, Clone, Copy)]
struct Spec {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
}

/// The argument state of CPython's formatter: `args` is a tuple (`arglen` >= 0)
/// or a single object (`arglen` -1, consumed once `argidx` reaches -1); a
/// `%(key)` replaces it with the looked-up value.
struct Source {
    args: PyRef,
    arglen: isize,
    argidx: isize,
    mapping: Option<PyRef>,
}

impl Source {
    fn new(args: &Obj) -> Source {
        let mapping = (args.class().getitem.get().is_some()
            && !args.isa::<TupleObj>()
            && !args.isa::<BytesObj>()
            && !args.isa::<StrObj>()
            && !args.isa::<ByteArrayObj>())
        .then(|| args.to_owned());
        let (arglen, argidx) = match args.downcast::<TupleObj>() {
            Some(t) => (t.len() as isize, 0),
            None => (-1, -2),
        };
        Source { args: args.to_owned(), arglen, argidx, mapping }
    }

    fn next_arg(&mut self) -> PyResult<PyRef> {
        if self.argidx >= self.arglen {
            return Err(PyErr::type_error("not enough arguments for format string"));
        }
        let i = self.argidx;
        self.argidx += 1;
        match self.args.downcast::<TupleObj>() {
            Some(t) if self.arglen >= 0 => Ok(t.as_slice()[i as usize].clone()),
            _ => Ok(self.args.clone()),
        }
    }
}

/// Formats `fmt` with `args`.
pub fn format(fmt: &[u8], args: &Obj) -> PyResult<Vec<u8>> {
    let mut src = Source::new(args);
    let mut out = Vec::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < fmt.len() {
        let Some(off) = fmt[i..].iter().position(|&b| b == b'%') else {
            out.extend_from_slice(&fmt[i..]);
            break;
        };
        out.extend_from_slice(&fmt[i..i + off]);
        i += off + 1;
        if fmt.get(i) == Some(&b'%') {
            out.push(b'%');
            i += 1;
            continue;
        }
        // A `%(key)` takes its arguments from the mapping.
        if fmt.get(i) == Some(&b'(') {
            let Some(mapping) = src.mapping.clone() else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let start = i + 1;
            let mut depth = 1;
            i += 1;
            while i < fmt.len() && depth > 0 {
                match fmt[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key = crate::types::bytes::new_bytes(&fmt[start..i - 1]);
            src.args = ops::getitem(&mapping, &key)?;
            src.arglen = -1;
            src.argidx = -2;
        }
        let mut spec = Spec::default();
        while let Some(&c) = fmt.get(i) {
            match c {
                b'-' => spec.left = true,
                b'+' => spec.sign = true,
                b' ' => spec.blank = true,
                b'#' => spec.alt = true,
                b'0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if fmt.get(i) == Some(&b'*') {
            i += 1;
            let w = star_arg(&mut src, false)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs() as usize;
        } else {
            spec.width = number(fmt, &mut i, "width too big", isize::MAX as usize)?.unwrap_or(0);
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            if fmt.get(i) == Some(&b'*') {
                i += 1;
                spec.prec = Some(star_arg(&mut src, true)?.max(0) as usize);
            } else {
                spec.prec = Some(number(fmt, &mut i, "prec too big", i32::MAX as usize)?.unwrap_or(0));
            }
        }
        while matches!(fmt.get(i), Some(b'h' | b'l' | b'L')) {
            i += 1;
        }
        let Some(&c) = fmt.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        let arg = src.next_arg()?;
        let piece = convert(c, &arg, &spec, i - 1)?;
        pad_into(&mut out, &piece, &spec, c)?;
    }
    if src.argidx < src.arglen && src.mapping.is_none() {
        return Err(PyErr::type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}

/// A `*` width or precision argument.
/// A `*` width (`Py_ssize_t`) or precision (C `int`) argument.
fn star_arg(src: &mut Source, precision: bool) -> PyResult<i64> {
    let v = src.next_arg()?;
    if !v.isa::<IntObj>() {
        return Err(PyErr::type_error("* wants int"));
    }
    if precision {
        crate::types::bytes_args::c_int_arg(&v)
    } else {
        crate::types::bytes_args::ssize_arg(&v)
    }
}

/// Decimal digits at `fmt[*i..]`, if any.
fn number(fmt: &[u8], i: &mut usize, too_big: &str, max: usize) -> PyResult<Option<usize>> {
    let mut n: Option<usize> = None;
    while let Some(&c @ b'0'..=b'9') = fmt.get(*i) {
        let d = (c - b'0') as usize;
        let v = n.unwrap_or(0);
        if v > (max - d) / 10 {
            return Err(PyErr::value_error(too_big));
        }
        n = Some(v * 10 + d);
        *i += 1;
    }
    Ok(n)
}

/// One conversion, before width padding.
fn convert(c: u8, v: &Obj, spec: &Spec, index: usize) -> PyResult<Vec<u8>> {
    Ok(match c {
        b's' | b'b' => {
            let mut d = bytes_arg(v)?;
            if let Some(p) = spec.prec {
                d.truncate(p);
            }
            d
        }
        b'r' | b'a' => {
            let mut d = ops::ascii(v)?.downcast::<StrObj>().map(|s| s.as_str().as_bytes().to_vec()).unwrap_or_default();
            if let Some(p) = spec.prec {
                d.truncate(p);
            }
            d
        }
        b'c' => vec![char_arg(v)?],
        // CPython reads %i as %d (also in messages); %u keeps its name.
        b'd' | b'i' => format_int(&int_arg(v, b'd', true)?, 10, false, spec),
        b'u' => format_int(&int_arg(v, c, true)?, 10, false, spec),
        b'o' => format_int(&int_arg(v, c, false)?, 8, false, spec),
        b'x' => format_int(&int_arg(v, c, false)?, 16, false, spec),
        b'X' => format_int(&int_arg(v, c, false)?, 16, true, spec),
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            let f = ops::to_f64(v).map_err(|e| {
                if e.matches(&exceptions::TYPE_ERROR) || e.matches(&exceptions::OVERFLOW_ERROR) {
                    PyErr::type_error(format!("float argument required, not {}", v.class().name()))
                } else {
                    e
                }
            })?;
            format_float(f, c, spec)?.into_bytes()
        }
        c if c >= 0x80 => return Err(PyErr::overflow_error("character argument not in range(0x110000)")),
        c => {
            return Err(PyErr::value_error(format!(
                "unsupported format character '{}' (0x{:x}) at index {index}",
                c as char, c
            )))
        }
    })
}

/// The bytes of a `%s`/`%b` argument: a buffer or `__bytes__`.
fn bytes_arg(v: &Obj) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(v) {
        return Ok(b.into_owned());
    }
    if let Some(r) = ops::call_special(v, "__bytes__", &[])? {
        return match r.downcast::<BytesObj>() {
            Some(b) => Ok(b.as_bytes().to_vec()),
            None => Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", r.class().name()))),
        };
    }
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.class().name()
    )))
}

fn char_arg(v: &Obj) -> PyResult<u8> {
    if v.isa::<BytesObj>() || v.isa::<ByteArrayObj>() {
        if let Some(b) = buffer(v).filter(|b| b.len() == 1) {
            return Ok(b[0]);
        }
    } else if let Some(i) = ops::index_opt(v)? {
        return match crate::types::int::as_i64(&i) {
            Some(n) if (0..256).contains(&n) => Ok(n as u8),
            _ => Err(PyErr::overflow_error("%c arg not in range(256)")),
        };
    }
    Err(PyErr::type_error("%c requires an integer in range(256) or a single byte"))
}

fn is_number(v: &Obj) -> bool {
    let n = &v.class().number;
    n.index.get().is_some()
        || n.int.get().is_some()
        || n.float.get().is_some()
        || v.isa::<crate::types::complex::ComplexObj>()
        || v.isa::<IntObj>()
}

/// The integer of a `%d` (any real number, truncated) or `%x`/`%o` (an
/// integer) conversion.
fn int_arg(v: &Obj, c: u8, real_ok: bool) -> PyResult<BigInt> {
    let wrong = || {
        let what = if real_ok { "a real number" } else { "an integer" };
        PyErr::type_error(format!("%{} format: {what} is required, not {}", c as char, v.class().name()))
    };
    if let Some(i) = v.downcast::<IntObj>() {
        return Ok(i.to_bigint());
    }
    if !is_number(v) {
        return Err(wrong());
    }
    let r = if real_ok { ops::to_int(v) } else { ops::index(v) };
    match r {
        Ok(i) => Ok(i.downcast::<IntObj>().expect("int").to_bigint()),
        Err(e) if e.matches(&exceptions::TYPE_ERROR) => Err(wrong()),
        Err(e) => Err(e),
    }
}

/// Digits with sign, base prefix and precision (minimum digit count).
fn format_int(v: &BigInt, base: u32, upper: bool, spec: &Spec) -> Vec<u8> {
    let mut digits = v.abs().to_str_radix(base);
    if upper {
        digits.make_ascii_uppercase();
    }
    let mut out = String::new();
    if v.is_negative() {
        out.push('-');
    } else if spec.sign {
        out.push('+');
    } else if spec.blank {
        out.push(' ');
    }
    if spec.alt && base != 10 {
        out.push_str(match (base, upper) {
            (16, true) => "0X",
            (16, false) => "0x",
            _ => "0o",
        });
    }
    if let Some(p) = spec.prec {
        for _ in digits.len()..p {
            out.push('0');
        }
    }
    out.push_str(&digits);
    out.into_bytes()
}

/// Decimals past this many are zero for every f64, so Rust's formatter (whose
/// precision is limited) is asked for at most this many and zeros follow.
const EXACT_DIGITS: usize = 1100;

/// A formatted number: `head`, then `zeros` more zeros, then `tail` (the exponent).
struct Num {
    head: String,
    zeros: usize,
    tail: String,
}

/// `ddd.ddd` with `prec` decimals.
fn fixed_form(a: f64, prec: usize) -> Num {
    let shown = prec.min(EXACT_DIGITS);
    Num { head: format!("{a:.shown$}"), zeros: prec - shown, tail: String::new() }
}

/// The decimal exponent of `a` written with `prec` decimals in exponent form.
fn exponent(a: f64, prec: usize) -> i64 {
    let shown = prec.min(EXACT_DIGITS);
    let s = format!("{a:.shown$e}");
    s.split_once('e').and_then(|(_, e)| e.parse::<i64>().ok()).unwrap_or(0)
}

/// `d.ddde+XX`.
fn exp_form(a: f64, prec: usize, alt: bool) -> Num {
    let shown = prec.min(EXACT_DIGITS);
    let s = format!("{a:.shown$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut head = mant.to_string();
    if alt && prec == 0 {
        head.push('.');
    }
    let tail = format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    Num { head, zeros: prec - shown, tail }
}

/// `%g`: fixed or exponent form by the exponent, trailing zeros removed
/// unless `alt`.
fn general_form(a: f64, prec: usize, alt: bool) -> Num {
    let p = prec.max(1);
    let exp = if a == 0.0 { 0 } else { exponent(a, p - 1) };
    let mut n = if exp >= -4 && exp < p as i64 {
        let mut n = fixed_form(a, (p as i64 - 1 - exp) as usize);
        if alt && !n.head.contains('.') {
            n.head.push('.');
        }
        n
    } else {
        exp_form(a, p - 1, alt)
    };
    if !alt {
        n.zeros = 0;
        if n.head.contains('.') {
            let kept = n.head.trim_end_matches('0').trim_end_matches('.').len();
            n.head.truncate(kept);
        }
    }
    n
}

/// `%e`/`%f`/`%g` (and upper-case forms) as C's printf writes them.
fn format_float(v: f64, c: u8, spec: &Spec) -> PyResult<String> {
    let sign = if v.is_sign_negative() && !v.is_nan() {
        "-"
    } else if spec.sign {
        "+"
    } else if spec.blank {
        " "
    } else {
        ""
    };
    let a = v.abs();
    let num = if !v.is_finite() {
        Num { head: if v.is_nan() { "nan" } else { "inf" }.to_string(), zeros: 0, tail: String::new() }
    } else {
        let prec = spec.prec.unwrap_or(6);
        match c.to_ascii_lowercase() {
            b'f' => {
                let mut n = fixed_form(a, prec);
                if spec.alt && prec == 0 {
                    n.head.push('.');
                }
                n
            }
            b'e' => exp_form(a, prec, spec.alt),
            _ => general_form(a, prec, spec.alt),
        }
    };
    let mut out = String::new();
    out.try_reserve(sign.len() + num.head.len() + num.zeros + num.tail.len()).map_err(|_| PyErr::memory_error())?;
    out.push_str(sign);
    out.push_str(&num.head);
    out.extend(std::iter::repeat_n('0', num.zeros));
    out.push_str(&num.tail);
    if c.is_ascii_uppercase() {
        out.make_ascii_uppercase();
    }
    Ok(out)
}

/// Appends `piece` padded to the spec's width: left-justified, zero-filled
/// after the sign and base prefix (numbers only), or right-justified.
fn pad_into(out: &mut Vec<u8>, piece: &[u8], spec: &Spec, c: u8) -> PyResult<()> {
    let fill = spec.width.saturating_sub(piece.len());
    out.try_reserve(piece.len() + fill).map_err(|_| PyErr::memory_error())?;
    if fill == 0 {
        out.extend_from_slice(piece);
    } else if spec.left {
        out.extend_from_slice(piece);
        out.resize(out.len() + fill, b' ');
    } else if spec.zero && b"diuoxXeEfFgG".contains(&c) {
        let mut head = usize::from(matches!(piece.first(), Some(b'-' | b'+' | b' ')));
        if piece.len() >= head + 2 && piece[head] == b'0' && matches!(piece[head + 1], b'x' | b'X' | b'o') {
            head += 2;
        }
        out.extend_from_slice(&piece[..head]);
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(&piece[head..]);
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(piece);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64, c: u8, prec: Option<usize>, alt: bool) -> String {
        let spec = Spec { prec, alt, ..Spec::default() };
        format_float(v, c, &spec).ok().unwrap_or_default()
    }

    #[test]
    fn floats_like_printf() {
        assert_eq!(f(1.5, b'f', None, false), "1.500000");
        assert_eq!(f(1.5, b'e', None, false), "1.500000e+00");
        assert_eq!(f(1234.5, b'E', Some(3), false), "1.234E+03");
        assert_eq!(f(1.5, b'g', None, false), "1.5");
        assert_eq!(f(1e-10, b'G', None, false), "1E-10");
        assert_eq!(f(100000.0, b'g', None, false), "100000");
        assert_eq!(f(1000000.0, b'g', None, false), "1e+06");
        assert_eq!(f(0.0001, b'g', None, false), "0.0001");
        assert_eq!(f(15.0, b'g', Some(0), false), "2e+01");
        assert_eq!(f(1.0, b'g', None, true), "1.00000");
        assert_eq!(f(1.0, b'f', Some(0), true), "1.");
        assert_eq!(f(1.0, b'e', Some(0), true), "1.e+00");
        assert_eq!(f(-0.0, b'g', None, false), "-0");
        assert_eq!(f(123456789.0, b'g', None, false), "1.23457e+08");
        assert_eq!(f(f64::NEG_INFINITY, b'E', None, false), "-INF");
        assert_eq!(f(1.0, b'f', Some(70000), false).len(), 70002);
        assert_eq!(f(1.5, b'e', Some(100000), false).len(), 100006);
        assert_eq!(f(1.5, b'g', Some(100000), false), "1.5");
        assert_eq!(f(1.5, b'g', Some(2000), true).len(), 2001);
        assert_eq!(f(1.0, b'f', Some(70000), false).len(), 70002);
        assert_eq!(f(1.5, b'e', Some(100000), false).len(), 100006);
        assert_eq!(f(1.5, b'g', Some(100000), false), "1.5");
        assert_eq!(f(1.5, b'g', Some(2000), true).len(), 2001);
    }

    #[test]
    fn ints_with_flags() {
        let spec = Spec { alt: true, prec: Some(3), ..Spec::default() };
        assert_eq!(format_int(&BigInt::from(5), 16, false, &spec), b"0x005");
        let spec = Spec { sign: true, ..Spec::default() };
        assert_eq!(format_int(&BigInt::from(-255), 16, true, &spec), b"-FF");
        let mut out = Vec::new();
        let spec = Spec { zero: true, width: 8, ..Spec::default() };
        pad_into(&mut out, b"0x5", &spec, b'x').ok();
        assert_eq!(out, b"0x000005");
    }
}
