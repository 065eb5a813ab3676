//! `int(x)` and `int(s, base)`: conversion and string parsing with CPython's
//! rules (prefixes, underscores, whitespace, Unicode digits, digit limit).

use num_bigint::BigInt;
use num_traits::Zero;

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::int::{self, IntObj, INT_TYPE};
use crate::types::num_text;
use crate::types::str::StrObj;
use crate::types::typeobj::Args;

/// Why a string is not an int literal.
#[derive(Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// Not a valid literal.
    Invalid,
    /// More decimal digits than `sys.get_int_max_str_digits()` allows.
    TooManyDigits(usize),
}

/// A parsed value: a machine word when it fits.
#[derive(Debug, PartialEq, Eq)]
pub enum ParsedInt {
    Small(i64),
    Big(BigInt),
}

impl ParsedInt {
    pub fn into_obj(self) -> PyRef {
        match self {
            ParsedInt::Small(v) => int::new_int(v),
            ParsedInt::Big(b) => int::from_bigint(b),
        }
    }

    pub fn into_bigint(self) -> BigInt {
        match self {
            ParsedInt::Small(v) => BigInt::from(v),
            ParsedInt::Big(b) => b,
        }
    }
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// Parses ASCII text as `int(s, base)` does (`base` 0 or 2..=36; 0 infers the
/// base from a prefix). Surrounding ASCII whitespace is allowed.
pub fn parse_int_ascii(s: &[u8], base: u32) -> Result<ParsedInt, IntParseError> {
    let mut s = num_text::trim_ascii_space(s);
    let mut negative = false;
    if let Some((&c, rest)) = s.split_first() {
        if c == b'+' || c == b'-' {
            negative = c == b'-';
            s = rest;
        }
    }
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(0) != b'0' {
            10
        } else {
            match at(1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // A C-style octal literal is only valid if it is zero.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(0) == b'0' {
        let p = at(1).to_ascii_lowercase();
        if (base == 16 && p == b'x') || (base == 8 && p == b'o') || (base == 2 && p == b'b') {
            s = &s[2..];
            // One underscore may follow the prefix.
            if s.first() == Some(&b'_') {
                s = &s[1..];
            }
        }
    }
    if s.first() == Some(&b'_') {
        return Err(IntParseError::Invalid);
    }
    let mut ndigits = 0usize;
    let mut prev = 0u8;
    let mut end = 0;
    for &c in s {
        if c == b'_' {
            if prev == b'_' {
                return Err(IntParseError::Invalid);
            }
        } else if digit_value(c) < base {
            ndigits += 1;
        } else {
            break;
        }
        prev = c;
        end += 1;
    }
    // CPython checks the digit limit before looking at what follows the digits.
    if !base.is_power_of_two() {
        let limit = int::MAX_STR_DIGITS.get();
        if limit > 0 && ndigits > limit {
            return Err(IntParseError::TooManyDigits(ndigits));
        }
    }
    if ndigits == 0 || prev == b'_' || end != s.len() {
        return Err(IntParseError::Invalid);
    }
    // Machine-word fast path.
    let mut acc: u64 = 0;
    let mut fits = true;
    for &c in s {
        if c == b'_' {
            continue;
        }
        match acc.checked_mul(base as u64).and_then(|v| v.checked_add(digit_value(c) as u64)) {
            Some(v) => acc = v,
            None => {
                fits = false;
                break;
            }
        }
    }
    let value = if fits {
        if error_if_nonzero && acc != 0 {
            return Err(IntParseError::Invalid);
        }
        let signed = if negative { -(acc as i128) } else { acc as i128 };
        match i64::try_from(signed) {
            Ok(v) => return Ok(ParsedInt::Small(v)),
            Err(_) => BigInt::from(signed),
        }
    } else {
        let digits: Vec<u8> = s.iter().filter(|c| **c != b'_').map(|c| digit_value(*c) as u8).collect();
        let v = BigInt::from_radix_be(num_bigint::Sign::Plus, &digits, base).ok_or(IntParseError::Invalid)?;
        if error_if_nonzero && !v.is_zero() {
            return Err(IntParseError::Invalid);
        }
        if negative {
            -v
        } else {
            v
        }
    };
    Ok(ParsedInt::Big(value))
}

/// Parses `s` as an int literal in `base` as `int()` does, with Unicode
/// digits and whitespace allowed (None if invalid or over the digit limit).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    parse_int_ascii(num_text::to_ascii_numeric(s).as_bytes(), base).ok().map(ParsedInt::into_bigint)
}

/// Repr of `x` truncated to 200 characters, as CPython's `%.200R`.
fn short_repr(x: &Obj) -> String {
    let r = ops::repr_string(x).unwrap_or_default();
    match r.char_indices().nth(200) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    }
}

fn parse_error(e: IntParseError, base: u32, x: &Obj) -> PyErr {
    match e {
        IntParseError::Invalid => {
            PyErr::value_error(format!("invalid literal for int() with base {base}: {}", short_repr(x)))
        }
        IntParseError::TooManyDigits(n) => PyErr::value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit",
            int::MAX_STR_DIGITS.get()
        )),
    }
}

/// `int(x, base)` of a str or bytes-like object; None if `x` is neither.
fn parse_text_obj(x: &Obj, base: u32) -> Option<PyResult> {
    let result = if let Some(s) = x.downcast::<StrObj>() {
        parse_int_ascii(num_text::to_ascii_numeric(s.as_str()).as_bytes(), base)
    } else if let Some(b) = crate::types::bytes::bytes_of(x) {
        parse_int_ascii(&b, base)
    } else {
        return None;
    };
    Some(result.map(ParsedInt::into_obj).map_err(|e| parse_error(e, base, x)))
}

/// The value of `int(*args)` as an exact int.
pub fn int_new_value(a: Args) -> PyResult<PyRef> {
    // Fast path: `int(x)` with one positional argument.
    if a.nargs == 1 && a.kwnames.is_none_or(|k| k.is_empty()) {
        return int_of(a.all[0]);
    }
    for k in a.kwnames.map(|k| k.as_slice()).unwrap_or(&[]) {
        let name = StrObj::text(k);
        if name != "base" {
            return Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for int()")));
        }
    }
    let [x, base] = crate::util::args::parse(a, "int", &["x", "/", "base"], 0)?;
    let Some(x) = x else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(int::new_int(0));
    };
    let Some(b) = base else {
        return int_of(x);
    };
    let b = int::expect_i64(b, "int").map_err(|e| {
        if e.matches(&crate::types::exceptions::OVERFLOW_ERROR) {
            PyErr::value_error("int() base must be >= 2 and <= 36, or 0")
        } else {
            e
        }
    })?;
    if !(b == 0 || (2..=36).contains(&b)) {
        return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    parse_text_obj(x, b as u32)
        .unwrap_or_else(|| Err(PyErr::type_error("int() can't convert non-string with explicit base")))
}

/// `int(x)`: the number protocol first (a str subclass may define
/// `__int__`), then text parsing in base 10.
fn int_of(x: &Obj) -> PyResult<PyRef> {
    let t = x.class();
    if t.is(&INT_TYPE) {
        return Ok(x.to_owned());
    }
    if t.is(&crate::types::str::STR_TYPE) {
        return parse_text_obj(x, 10).expect("str");
    }
    let numeric = t.number.int.get().is_some()
        || t.number.index.get().is_some()
        || x.isa::<IntObj>()
        || t.lookup_str("__trunc__").is_some();
    if !numeric {
        if let Some(r) = parse_text_obj(x, 10) {
            return r;
        }
    }
    let r = ops::to_int(x)?;
    int::int_exact(&r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, base: u32) -> Option<i64> {
        match parse_int_ascii(num_text::to_ascii_numeric(s).as_bytes(), base) {
            Ok(ParsedInt::Small(v)) => Some(v),
            Ok(ParsedInt::Big(_)) => Some(i64::MAX),
            Err(_) => None,
        }
    }

    #[test]
    fn literals_as_cpython() {
        assert_eq!(p(" 12 ", 10), Some(12));
        assert_eq!(p("1_000_000", 10), Some(1_000_000));
        assert_eq!(p("_1", 10), None);
        assert_eq!(p("1_", 10), None);
        assert_eq!(p("1__0", 10), None);
        assert_eq!(p("+-3", 10), None);
        assert_eq!(p("- 5", 10), None);
        assert_eq!(p("0x_1", 0), Some(1));
        assert_eq!(p("0x", 16), None);
        assert_eq!(p("0xff", 16), Some(255));
        assert_eq!(p("0b11", 2), Some(3));
        assert_eq!(p("011", 0), None);
        assert_eq!(p("0_0", 0), Some(0));
        assert_eq!(p("00", 0), Some(0));
        assert_eq!(p("-0x10", 0), Some(-16));
        assert_eq!(p("z", 36), Some(35));
        assert_eq!(p("\u{661}\u{662}\u{663}", 10), Some(123));
        assert_eq!(p("\u{3000}7\u{2003}", 10), Some(7));
        assert_eq!(p("-9223372036854775808", 10), Some(i64::MIN));
        assert_eq!(p("9223372036854775808", 10), Some(i64::MAX));
    }

    #[test]
    fn big_values() {
        let v = parse_int_ascii(b"99999999999999999999999", 10).unwrap().into_bigint();
        assert_eq!(v.to_string(), "99999999999999999999999");
        let v = parse_int_ascii(b"-0x1_0000_0000_0000_0000", 0).unwrap().into_bigint();
        assert_eq!(v, -(BigInt::from(1u8) << 64u32));
        assert_eq!(parse_int_ascii(b"010000000000000000000000", 0), Err(IntParseError::Invalid));
    }
}
