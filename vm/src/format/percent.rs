//! `%`-formatting (`fmt % args`) of str, following CPython's
//! `PyUnicode_Format`, and of bytes (`_PyBytes_FormatEx`):
//! `%[(key)][flags][width][.precision][hlL]type`. Bytes are handled as
//! Latin-1 text (one char per byte) by the same parser.

use crate::format::float_fmt::{double_to_string, FloatFlags, FloatKind};
use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::float::FloatObj;
use crate::types::int::{IntObj, IntVal};
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::TupleObj;

/// What is being formatted: the conversions and messages differ.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Str,
    Bytes,
}

/// Where conversions take their values from.
struct ArgSource<'a> {
    mode: Mode,
    /// The tuple's items, or the single non-tuple argument.
    items: Vec<&'a Obj>,
    /// A single argument is used once; a tuple's items in order.
    next: usize,
    /// The argument, when it is a mapping (for `%(key)s`).
    mapping: Option<&'a Obj>,
    /// A value looked up by key, which replaces the arguments for the rest
    /// of its conversion specifier (as in CPython).
    keyed: Option<PyRef>,
    keyed_used: bool,
}

impl ArgSource<'_> {
    fn next_arg(&mut self) -> PyResult<PyRef> {
        if let Some(v) = &self.keyed {
            if self.keyed_used {
                return Err(not_enough());
            }
            self.keyed_used = true;
            return Ok(v.clone());
        }
        match self.items.get(self.next) {
            Some(v) => {
                self.next += 1;
                Ok((*v).to_owned())
            }
            None => Err(not_enough()),
        }
    }
}

fn not_enough() -> PyErr {
    PyErr::type_error("not enough arguments for format string")
}

#[derive(Default)]
struct Flags {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
}

/// `fmt % args` for str.
pub fn format_str(fmt: &str, args: &Obj) -> PyResult<PyRef> {
    let chars: Vec<char> = fmt.chars().collect();
    Ok(from_string(format_chars(&chars, args, Mode::Str)?))
}

/// `fmt % args` for bytes (and bytearray): the formatted bytes.
pub fn format_bytes(fmt: &[u8], args: &Obj) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    let text = format_chars(&chars, args, Mode::Bytes)?;
    // Every char is below 256: bytes mode only emits bytes and ASCII.
    Ok(text.chars().map(|c| c as u32 as u8).collect())
}

fn format_chars(chars: &[char], args: &Obj, mode: Mode) -> PyResult<String> {
    let is_tuple = args.isa::<TupleObj>();
    let excluded = match mode {
        Mode::Str => args.isa::<StrObj>(),
        Mode::Bytes => args.isa::<crate::types::bytes::BytesObj>(),
    };
    let mapping = if !is_tuple && !excluded && args.class().getitem.get().is_some() { Some(args) } else { None };
    let items: Vec<&Obj> = match args.downcast::<TupleObj>() {
        Some(t) => t.as_slice().iter().map(|x| &**x).collect(),
        None => vec![args],
    };
    let mut src = ArgSource { mode, items, next: 0, mapping, keyed: None, keyed_used: false };
    let mut out = String::with_capacity(chars.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if chars.get(i) == Some(&'%') {
            out.push('%');
            i += 1;
            continue;
        }
        i = convert_one(chars, i, &mut src, &mut out)?;
    }
    let all_used = src.keyed.is_some() || src.next >= src.items.len();
    if !all_used && src.mapping.is_none() {
        return Err(PyErr::type_error(match mode {
            Mode::Str => "not all arguments converted during string formatting",
            Mode::Bytes => "not all arguments converted during bytes formatting",
        }));
    }
    Ok(out)
}

fn incomplete() -> PyErr {
    PyErr::value_error("incomplete format")
}

/// A `*` width or precision.
fn star_arg(src: &mut ArgSource) -> PyResult<i64> {
    let v = src.next_arg()?;
    if !v.isa::<IntObj>() {
        return Err(PyErr::type_error("* wants int"));
    }
    v.downcast::<IntObj>()
        .and_then(|i| i.as_i64())
        .filter(|x| x.unsigned_abs() <= isize::MAX as u64)
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

/// Digits of a width or precision.
fn read_number(chars: &[char], i: &mut usize, what: &str) -> PyResult<usize> {
    let mut v: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        v = v
            .checked_mul(10)
            .and_then(|x| x.checked_add(d as usize))
            .filter(|&x| x <= isize::MAX as usize)
            .ok_or_else(|| PyErr::value_error(format!("{what} too big")))?;
        *i += 1;
    }
    Ok(v)
}

/// Parses and applies one conversion specifier starting after `%`; returns
/// the index after it.
fn convert_one(chars: &[char], mut i: usize, src: &mut ArgSource, out: &mut String) -> PyResult<usize> {
    if chars.get(i) == Some(&'(') {
        let Some(mapping) = src.mapping else {
            return Err(PyErr::type_error("format requires a mapping"));
        };
        let start = i + 1;
        let mut depth = 1;
        i += 1;
        while i < chars.len() && depth > 0 {
            match chars[i] {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        if depth > 0 {
            return Err(PyErr::value_error("incomplete format key"));
        }
        let key: String = chars[start..i - 1].iter().collect();
        let key = match src.mode {
            Mode::Str => from_string(key),
            Mode::Bytes => crate::types::bytes::from_vec(key.chars().map(|c| c as u32 as u8).collect()),
        };
        let value = ops::getitem(mapping, &key)?;
        src.keyed = Some(value);
        src.keyed_used = false;
    }
    let mut flags = Flags::default();
    while let Some(&c) = chars.get(i) {
        match c {
            '-' => flags.left = true,
            '+' => flags.sign = true,
            ' ' => flags.blank = true,
            '#' => flags.alt = true,
            '0' => flags.zero = true,
            _ => break,
        }
        i += 1;
    }
    let width = if chars.get(i) == Some(&'*') {
        i += 1;
        let w = star_arg(src)?;
        // A negative '*' width means left alignment.
        if w < 0 {
            flags.left = true;
        }
        w.unsigned_abs() as usize
    } else {
        read_number(chars, &mut i, "width")?
    };
    let mut precision: Option<usize> = None;
    if chars.get(i) == Some(&'.') {
        i += 1;
        if chars.get(i) == Some(&'*') {
            i += 1;
            precision = Some(star_arg(src)?.max(0) as usize);
        } else {
            precision = Some(read_number(chars, &mut i, "precision")?);
        }
    }
    if matches!(chars.get(i), Some('h' | 'l' | 'L')) {
        i += 1;
    }
    let Some(&ty) = chars.get(i) else {
        return Err(incomplete());
    };
    i += 1;
    // CPython takes the argument before looking at the conversion type.
    let v = src.next_arg()?;
    // bytes formatting treats %i as %d (also in its messages).
    let ty = if src.mode == Mode::Bytes && ty == 'i' { 'd' } else { ty };
    if src.mode == Mode::Bytes {
        if let Some(text) = bytes_conversion(&v, ty)? {
            // The precision truncates strings, not %c.
            let t = match precision {
                Some(p) if p < text.len() && ty != 'c' => &text[..p],
                _ => &text[..],
            };
            let t: String = t.iter().map(|&b| b as char).collect();
            pad_plain(&t, width, flags.left, out)?;
            return Ok(i);
        }
    }
    let body = match ty {
        's' | 'r' | 'a' => {
            let s = match ty {
                's' => ops::str(&v)?,
                'r' => ops::repr(&v)?,
                _ => ops::ascii(&v)?,
            };
            let t = StrObj::text(&s);
            let t = match precision {
                Some(p) => t.char_indices().nth(p).map_or(t, |(b, _)| &t[..b]),
                None => t,
            };
            pad_plain(t, width, flags.left, out)?;
            return Ok(i);
        }
        'c' => {
            let ch = char_arg(&v)?;
            pad_plain(ch.encode_utf8(&mut [0u8; 4]), width, flags.left, out)?;
            return Ok(i);
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => format_integer(&v, ty, &flags, precision)?,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => format_float(&v, ty, &flags, precision, src.mode)?,
        c => {
            let shown = if (c as u32) < 128 { c } else { '?' };
            return Err(PyErr::value_error(format!(
                "unsupported format character '{shown}' ({:#x}) at index {}",
                c as u32,
                i - 1
            )));
        }
    };
    pad_number(&body, width, &flags, out)?;
    Ok(i)
}

/// The bytes of a `%s`/`%b`, `%r`/`%a` or `%c` conversion in bytes mode
/// (`None` for the numeric and unknown types, handled as for str).
fn bytes_conversion(v: &Obj, ty: char) -> PyResult<Option<Vec<u8>>> {
    match ty {
        's' | 'b' => {
            if let Some(data) = crate::types::bytes::bytes_of(v) {
                return Ok(Some(data));
            }
            if let Some(r) = ops::call_special(v, "__bytes__", &[])? {
                if let Some(data) = r.downcast::<crate::types::bytes::BytesObj>().map(|b| b.as_bytes().to_vec()) {
                    return Ok(Some(data));
                }
                return Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", r.class().name())));
            }
            Err(PyErr::type_error(format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                v.class().name()
            )))
        }
        'r' | 'a' => {
            let r = ops::ascii(v)?;
            Ok(Some(StrObj::text(&r).as_bytes().to_vec()))
        }
        'c' => {
            if let Some(data) = crate::types::bytes::bytes_of(v) {
                if data.len() == 1 {
                    return Ok(Some(data));
                }
            } else if v.isa::<IntObj>() || v.class().number.index.get().is_some() {
                let b = match crate::types::int::index_of(v) {
                    Ok(Some(x)) => u8::try_from(x).ok(),
                    Ok(None) => None,
                    Err(e) if e.matches(&crate::types::exceptions::INDEX_ERROR) => None,
                    Err(e) => return Err(e),
                };
                return match b {
                    Some(b) => Ok(Some(vec![b])),
                    None => Err(PyErr::overflow_error("%c arg not in range(256)")),
                };
            }
            Err(PyErr::type_error("%c requires an integer in range(256) or a single byte"))
        }
        _ => Ok(None),
    }
}

/// Pads text (s, r, a, c conversions) with spaces.
fn pad_plain(t: &str, width: usize, left: bool, out: &mut String) -> PyResult<()> {
    let n = width.saturating_sub(t.chars().count());
    reserve(out, t.len().saturating_add(n))?;
    if !left {
        out.extend(std::iter::repeat_n(' ', n));
    }
    out.push_str(t);
    if left {
        out.extend(std::iter::repeat_n(' ', n));
    }
    Ok(())
}

/// Reserves `n` more bytes in `out`, or MemoryError.
fn reserve(out: &mut String, n: usize) -> PyResult<()> {
    out.try_reserve(n).map_err(|_| PyErr::memory_error())
}

/// A formatted number: sign, radix prefix and digits.
struct Number {
    sign: &'static str,
    prefix: &'static str,
    digits: String,
}

fn pad_number(n: &Number, width: usize, flags: &Flags, out: &mut String) -> PyResult<()> {
    let len = n.sign.len() + n.prefix.len() + n.digits.len();
    let pad = width.saturating_sub(len);
    reserve(out, len.saturating_add(pad))?;
    if flags.left {
        out.push_str(n.sign);
        out.push_str(n.prefix);
        out.push_str(&n.digits);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if flags.zero {
        out.push_str(n.sign);
        out.push_str(n.prefix);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(&n.digits);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.push_str(n.sign);
        out.push_str(n.prefix);
        out.push_str(&n.digits);
    }
    Ok(())
}

fn sign_for(negative: bool, flags: &Flags) -> &'static str {
    if negative {
        "-"
    } else if flags.sign {
        "+"
    } else if flags.blank {
        " "
    } else {
        ""
    }
}

/// `%c`: an int code point or a one-character str.
fn char_arg(v: &Obj) -> PyResult<char> {
    if let Some(s) = v.downcast::<StrObj>() {
        let mut it = s.as_str().chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
        return Err(PyErr::type_error("%c requires int or char"));
    }
    let value = match crate::types::int::index_of(v) {
        Ok(Some(x)) => x,
        Ok(None) => return Err(PyErr::type_error("%c requires int or char")),
        Err(e) if e.matches(&crate::types::exceptions::INDEX_ERROR) => i64::MAX,
        Err(e) => return Err(e),
    };
    u32::try_from(value)
        .ok()
        .filter(|&x| x < 0x110000)
        .map(|x| char::from_u32(x).unwrap_or('\u{fffd}'))
        .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))
}

/// Whether `v` supports a numeric protocol (CPython's `PyNumber_Check`).
fn is_number(v: &Obj) -> bool {
    let t = v.class();
    t.number.index.get().is_some()
        || t.number.int.get().is_some()
        || t.number.float.get().is_some()
        || v.isa::<crate::types::complex::ComplexObj>()
}

fn format_integer(v: &Obj, ty: char, flags: &Flags, precision: Option<usize>) -> PyResult<Number> {
    let hex_like = matches!(ty, 'o' | 'x' | 'X');
    let wrong_type = || {
        PyErr::type_error(format!(
            "%{ty} format: {} is required, not {}",
            if hex_like { "an integer" } else { "a real number" },
            v.class().name()
        ))
    };
    let owned;
    let int_obj: &Obj = if v.isa::<IntObj>() {
        v
    } else {
        if !is_number(v) {
            return Err(wrong_type());
        }
        let r = if hex_like { ops::index(v) } else { ops::to_int(v) };
        owned = match r {
            Ok(x) => x,
            Err(e) if e.matches(&crate::types::exceptions::TYPE_ERROR) => return Err(wrong_type()),
            Err(e) => return Err(e),
        };
        &owned
    };
    let i = int_obj.downcast::<IntObj>().ok_or_else(wrong_type)?;
    let negative = i.is_negative();
    let mut digits = match (ty, i.val()) {
        ('o', IntVal::Small(x)) => format!("{:o}", x.unsigned_abs()),
        ('x' | 'X', IntVal::Small(x)) => format!("{:x}", x.unsigned_abs()),
        ('o', IntVal::Big(b)) => b.magnitude().to_str_radix(8),
        ('x' | 'X', IntVal::Big(b)) => b.magnitude().to_str_radix(16),
        _ => {
            let mut d = crate::types::int::int_to_decimal(i)?;
            if negative {
                d.remove(0);
            }
            d
        }
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = precision {
        if digits.len() < p {
            let mut padded = crate::format::text_buffer(p, 0, 0)?;
            padded.extend(std::iter::repeat_n('0', p - digits.len()));
            padded.push_str(&digits);
            digits = padded;
        }
    }
    let prefix = match (flags.alt, ty) {
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    Ok(Number { sign: sign_for(negative, flags), prefix, digits })
}

/// Converts `v` with `__float__` (CPython's `PyFloat_AsDouble` messages).
fn float_value(v: &Obj, mode: Mode) -> PyResult<f64> {
    if let Some(f) = v.downcast::<FloatObj>() {
        return Ok(f.value());
    }
    if let Some(i) = v.downcast::<IntObj>() {
        return i.to_f64();
    }
    let t = v.class();
    if t.number.float.get().is_none() && t.number.index.get().is_none() {
        return Err(PyErr::type_error(match mode {
            Mode::Str => format!("must be real number, not {}", t.name()),
            Mode::Bytes => format!("float argument required, not {}", t.name()),
        }));
    }
    ops::to_f64(v)
}

fn format_float(v: &Obj, ty: char, flags: &Flags, precision: Option<usize>, mode: Mode) -> PyResult<Number> {
    let x = float_value(v, mode)?;
    let kind = match ty.to_ascii_lowercase() {
        'e' => FloatKind::Exp,
        'f' => FloatKind::Fixed,
        _ => FloatKind::General,
    };
    let ff = FloatFlags { alt: flags.alt, upper: ty.is_ascii_uppercase(), ..Default::default() };
    let precision = precision.unwrap_or(6);
    crate::format::check_size(400, precision, 1)?;
    let text = double_to_string(x, kind, precision, ff);
    let (negative, digits) = match text.strip_prefix('-') {
        Some(t) => (true, t.to_string()),
        None => (false, text),
    };
    Ok(Number { sign: sign_for(negative, flags), prefix: "", digits })
}
