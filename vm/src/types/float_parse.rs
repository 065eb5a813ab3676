//! `float(x)`: conversion and string parsing with CPython's rules (specials,
//! underscores between digits, whitespace, Unicode digits).

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::num_text;
use crate::types::str::StrObj;

/// Whether `s` (no sign, no underscores) is a decimal float literal:
/// `digits [. digits?] | . digits`, then an optional exponent.
fn is_decimal_literal(s: &[u8]) -> bool {
    let mut i = 0;
    let int_digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if s.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == s.len()
}

/// Removes underscores that sit between two digits; None if any other
/// underscore is present.
fn strip_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for (i, &c) in s.iter().enumerate() {
        if c == b'_' {
            let prev_digit = i > 0 && s[i - 1].is_ascii_digit();
            let next_digit = s.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !(prev_digit && next_digit) {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Parses ASCII text as `float()` does (None if invalid). The result is
/// correctly rounded.
pub fn parse_float_ascii(s: &[u8]) -> Option<f64> {
    let s = num_text::trim_ascii_space(s);
    let owned;
    let s = if s.contains(&b'_') {
        owned = strip_underscores(s)?;
        &owned[..]
    } else {
        s
    };
    let (negative, body) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        return Some(sign * f64::INFINITY);
    }
    if body.eq_ignore_ascii_case(b"nan") {
        return Some(f64::NAN.copysign(sign));
    }
    if !is_decimal_literal(body) {
        return None;
    }
    // The grammar is checked above; Rust's parser rounds correctly.
    let text = std::str::from_utf8(body).ok()?;
    text.parse::<f64>().ok().map(|v| sign * v)
}

/// The longest prefix of `s` that is a float literal (as C's `strtod` reads
/// it, no hex): its value and length, or None if there is none.
pub fn parse_float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    let negative = s.first() == Some(&b'-');
    let rest = &s[i..];
    let starts = |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    let special = if starts(b"infinity") {
        Some((f64::INFINITY, 8))
    } else if starts(b"inf") {
        Some((f64::INFINITY, 3))
    } else if starts(b"nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((v, n)) = special {
        return Some((if negative { -v } else { v }, i + n));
    }
    let digits = |from: usize| s[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int_digits = digits(i);
    i += int_digits;
    let mut frac_digits = 0;
    if s.get(i) == Some(&b'.') {
        frac_digits = digits(i + 1);
        if int_digits + frac_digits > 0 {
            i += 1 + frac_digits;
        }
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(s.get(i + 1), Some(b'+' | b'-')));
        let exp_digits = digits(i + 1 + sign);
        if exp_digits > 0 {
            i += 1 + sign + exp_digits;
        }
    }
    let v = std::str::from_utf8(&s[..i]).ok()?.parse::<f64>().ok()?;
    Some((v, i))
}

/// Removes underscores between digits (None if one is elsewhere), as
/// CPython does before parsing float and complex literals.
pub fn without_underscores(s: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
    if !s.contains(&b'_') {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    strip_underscores(s).map(std::borrow::Cow::Owned)
}

/// Parses a float literal as `float()` accepts it, Unicode digits and
/// whitespace included (None if invalid).
pub fn parse_float(s: &str) -> Option<f64> {
    parse_float_ascii(num_text::to_ascii_numeric(s).as_bytes())
}

fn not_a_float(x: &Obj) -> PyErr {
    PyErr::value_error(format!("could not convert string to float: {}", ops::repr_string(x).unwrap_or_default()))
}

/// The f64 of `float(x)`.
pub fn float_from_obj(x: &Obj) -> PyResult<f64> {
    let t = x.class();
    let numeric =
        t.number.float.get().is_some() || t.number.index.get().is_some() || x.isa::<crate::types::float::FloatObj>();
    if numeric {
        return ops::to_f64(x);
    }
    if let Some(s) = x.downcast::<StrObj>() {
        return parse_float(s.as_str()).ok_or_else(|| not_a_float(x));
    }
    if let Some(b) = crate::types::bytes::bytes_of(x) {
        return parse_float_ascii(&b).ok_or_else(|| not_a_float(x));
    }
    Err(PyErr::type_error(format!("float() argument must be a string or a real number, not '{}'", t.name())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_cpython_accepts() {
        assert_eq!(parse_float("  1_0.5e+3 "), Some(10500.0));
        assert_eq!(parse_float("1."), Some(1.0));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("iNf"), Some(f64::INFINITY));
        assert!(parse_float("-nan").is_some_and(|v| v.is_nan() && v.is_sign_negative()));
        assert_eq!(parse_float("1_0e1_0"), Some(1e11));
        assert_eq!(parse_float("\u{661}.\u{665}"), Some(1.5));
        assert_eq!(parse_float("4.9e-324"), Some(5e-324));
        assert_eq!(parse_float("2.4e-324"), Some(0.0));
        assert_eq!(parse_float("1e400"), Some(f64::INFINITY));
    }

    #[test]
    fn prefixes() {
        assert_eq!(parse_float_prefix(b"1e5j"), Some((1e5, 3)));
        assert_eq!(parse_float_prefix(b"1ej"), Some((1.0, 1)));
        assert_eq!(parse_float_prefix(b"1.j"), Some((1.0, 2)));
        assert_eq!(parse_float_prefix(b".j"), None);
        assert_eq!(parse_float_prefix(b"-infinityj"), Some((f64::NEG_INFINITY, 9)));
        assert_eq!(parse_float_prefix(b"+1.5e-3-.5J"), Some((0.0015, 7)));
        assert_eq!(parse_float_prefix(b"j"), None);
    }

    #[test]
    fn rejects_what_cpython_rejects() {
        for s in [
            "", " ", ".", "e5", "1e", "1.2.3", "1__0", "_1", "1_", "1_.5", "1._5", "0x10", "nanx", "in f", "1,5",
            "+-1", "1e+", "infinit", "1 2",
        ] {
            assert_eq!(parse_float(s), None, "{s:?}");
        }
    }
}
