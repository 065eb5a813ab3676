//! `float` methods and attributes.

use num_bigint::BigUint;

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::float::{float_to_int, new_float, FloatObj, FLOAT_TYPE};
use crate::types::float_exact;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, num_text, tuple};
use crate::util::args;

fn value(o: &Obj) -> f64 {
    o.downcast::<FloatObj>().expect("float").value()
}

fn m_is_integer(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "float.is_integer")?;
    let v = value(s);
    Ok(crate::types::new_bool(v.is_finite() && v.floor() == v))
}

fn m_conjugate(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "float.conjugate")?;
    Ok(new_float(value(s)))
}

fn m_getnewargs(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "float.__getnewargs__")?;
    Ok(tuple::new_tuple(vec![new_float(value(s))]))
}

fn m_as_integer_ratio(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "float.as_integer_ratio")?;
    let v = value(s);
    if v.is_infinite() {
        return Err(PyErr::overflow_error("cannot convert Infinity to integer ratio"));
    }
    if v.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = float_exact::as_integer_ratio(v);
    Ok(tuple::new_tuple(vec![int::from_bigint(n), int::from_bigint(d)]))
}

fn no_args(a: &Args, name: &str) -> PyResult<()> {
    if a.nargs != 1 || a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{name}() takes no arguments ({} given)", a.nargs.saturating_sub(1))));
    }
    Ok(())
}

fn m_trunc(a: Args) -> PyResult {
    no_args(&a, "float.__trunc__")?;
    float_to_int(value(a.all[0]))
}
fn m_floor(a: Args) -> PyResult {
    no_args(&a, "float.__floor__")?;
    float_to_int(value(a.all[0]).floor())
}
fn m_ceil(a: Args) -> PyResult {
    no_args(&a, "float.__ceil__")?;
    float_to_int(value(a.all[0]).ceil())
}

/// Round half to even, as `round(x)` with no ndigits.
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn m_round(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("float.__round__() takes no keyword arguments"));
    }
    if a.nargs > 2 {
        return Err(PyErr::type_error(format!("__round__ expected at most 1 argument, got {}", a.nargs - 1)));
    }
    let x = value(a.all[0]);
    let nd = a.all[..a.nargs].get(1).copied();
    let Some(nd) = nd.filter(|n| !n.is_none()) else {
        return float_to_int(round_half_even(x));
    };
    // CPython clamps an out-of-range ndigits instead of raising.
    let nd = ops::index(nd)?;
    let nd = match int::as_i64(&nd) {
        Some(v) => v,
        None => {
            if nd.downcast::<int::IntObj>().expect("int").is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    match float_exact::round_ndigits(x, nd) {
        Some(v) => Ok(new_float(v)),
        None => Err(PyErr::overflow_error("rounded value too large to represent")),
    }
}

/// `float.hex()` text.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    // Subnormals print with a leading 0 and the minimum exponent.
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
}

fn m_hex(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "float.hex")?;
    Ok(crate::types::str::from_string(float_hex(value(s))))
}

/// Why a string is not a hexadecimal float.
#[derive(Debug, PartialEq)]
pub enum HexError {
    Invalid,
    Overflow,
}

/// `float.fromhex(s)`: correctly rounded.
pub fn parse_hex_float(text: &str) -> Result<f64, HexError> {
    // Only ASCII whitespace (C's isspace), unlike float().
    let s = num_text::trim_ascii_space(text.as_bytes());
    if let Some(v) = special_value(s) {
        return Ok(v);
    }
    let (negative, mut s) = match s.split_first() {
        Some((b'-', r)) => (true, r),
        Some((b'+', r)) => (false, r),
        _ => (false, s),
    };
    if s.len() >= 2 && s[0] == b'0' && (s[1] == b'x' || s[1] == b'X') {
        s = &s[2..];
    }
    let mut digits: Vec<u8> = Vec::new();
    let int_len = s.iter().take_while(|c| c.is_ascii_hexdigit()).count();
    digits.extend(s[..int_len].iter().map(|c| hex_val(*c)));
    s = &s[int_len..];
    let mut frac_len = 0usize;
    if s.first() == Some(&b'.') {
        s = &s[1..];
        frac_len = s.iter().take_while(|c| c.is_ascii_hexdigit()).count();
        digits.extend(s[..frac_len].iter().map(|c| hex_val(*c)));
        s = &s[frac_len..];
    }
    if digits.is_empty() {
        return Err(HexError::Invalid);
    }
    let mut exp: i64 = 0;
    if matches!(s.first(), Some(b'p' | b'P')) {
        s = &s[1..];
        let neg_exp = match s.first() {
            Some(b'-') => {
                s = &s[1..];
                true
            }
            Some(b'+') => {
                s = &s[1..];
                false
            }
            _ => false,
        };
        let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return Err(HexError::Invalid);
        }
        for c in &s[..n] {
            exp = exp.saturating_mul(10).saturating_add((c - b'0') as i64);
        }
        exp = exp.min(1 << 40);
        if neg_exp {
            exp = -exp;
        }
        s = &s[n..];
    }
    if !s.is_empty() {
        return Err(HexError::Invalid);
    }
    let first = digits.iter().position(|d| *d != 0).unwrap_or(digits.len());
    let mant = BigUint::from_radix_be(&digits[first..], 16).unwrap_or_default();
    let e = exp - 4 * frac_len as i64;
    let v = float_exact::scaled_to_f64(&mant, e).ok_or(HexError::Overflow)?;
    Ok(if negative { -v } else { v })
}

fn hex_val(c: u8) -> u8 {
    (c as char).to_digit(16).unwrap_or(0) as u8
}

/// `inf`, `infinity` and `nan` with an optional sign, any case.
fn special_value(s: &[u8]) -> Option<f64> {
    let (sign, body) = match s.split_first() {
        Some((b'-', r)) => (-1.0, r),
        Some((b'+', r)) => (1.0, r),
        _ => (1.0, s),
    };
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(sign * f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN.copysign(sign))
    } else {
        None
    }
}

fn m_fromhex(a: Args) -> PyResult {
    let [cls, s] = args::exact::<2>(a, "float.fromhex")?;
    let text = crate::types::str::expect_str(s, "fromhex() argument")
        .map_err(|_| PyErr::type_error("bad argument type for built-in operation"))?;
    let v = parse_hex_float(text).map_err(|e| match e {
        HexError::Invalid => PyErr::value_error("invalid hexadecimal floating-point string"),
        HexError::Overflow => PyErr::overflow_error("hexadecimal value too large to represent as a float"),
    })?;
    let f = new_float(v);
    match cls.downcast::<TypeObj>() {
        Some(t) if t.is(&FLOAT_TYPE) => Ok(f),
        _ => ops::call1(cls, &f),
    }
}

fn m_getformat(a: Args) -> PyResult {
    let [_cls, t] = args::exact::<2>(a, "float.__getformat__")?;
    let s = t
        .downcast::<crate::types::str::StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("__getformat__() argument must be str, not {}", t.class().name())))?;
    match s.as_str() {
        "double" | "float" => Ok(crate::types::str::new_str("IEEE, little-endian")),
        _ => Err(PyErr::value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn g_real(o: &Obj) -> PyResult {
    Ok(new_float(value(o)))
}
fn g_imag(_o: &Obj) -> PyResult {
    Ok(new_float(0.0))
}

fn m_format(a: Args) -> PyResult {
    let [s, spec] = args::exact::<2>(a, "float.__format__")?;
    let spec = crate::types::str::expect_str(spec, "format_spec")?;
    if spec.is_empty() {
        // An empty spec means str(self), which a subclass may override.
        return crate::ops::str(s);
    }
    crate::format::spec::format_float(value(s), spec)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("__format__", m_format),
    MethodDef::method("is_integer", m_is_integer),
    MethodDef::method("conjugate", m_conjugate),
    MethodDef::method("as_integer_ratio", m_as_integer_ratio),
    MethodDef::method("hex", m_hex),
    MethodDef::class("fromhex", m_fromhex),
    MethodDef::class("__getformat__", m_getformat),
    MethodDef::method("__trunc__", m_trunc),
    MethodDef::method("__floor__", m_floor),
    MethodDef::method("__ceil__", m_ceil),
    MethodDef::method("__round__", m_round),
    MethodDef::method("__getnewargs__", m_getnewargs),
];

pub static GETSETS: &[GetSetDef] = &[GetSetDef::getter("real", g_real), GetSetDef::getter("imag", g_imag)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_matches_cpython() {
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(1e300), "0x1.7e43c8800759cp+996");
        assert_eq!(float_hex(1.7976931348623157e308), "0x1.fffffffffffffp+1023");
    }

    #[test]
    fn fromhex_matches_cpython() {
        assert_eq!(parse_hex_float("0x1.8p1"), Ok(3.0));
        assert_eq!(parse_hex_float("0X1P+3"), Ok(8.0));
        assert_eq!(parse_hex_float("0xA"), Ok(10.0));
        assert_eq!(parse_hex_float("  0x1.fffffffffffffp1023  "), Ok(1.7976931348623157e308));
        assert_eq!(parse_hex_float("0x1p-1074"), Ok(5e-324));
        assert_eq!(parse_hex_float("0x1p-1075"), Ok(0.0));
        assert_eq!(parse_hex_float("0x3p-1076"), Ok(5e-324));
        assert_eq!(parse_hex_float("0x.8p0"), Ok(0.5));
        assert_eq!(parse_hex_float("0x1."), Ok(1.0));
        assert_eq!(parse_hex_float("1"), Ok(1.0));
        assert_eq!(parse_hex_float("-Infinity"), Ok(f64::NEG_INFINITY));
        assert_eq!(parse_hex_float("0x1p2000"), Err(HexError::Overflow));
        assert_eq!(parse_hex_float("0x1.fffffffffffff8p1023"), Err(HexError::Overflow));
        assert_eq!(parse_hex_float("0x1p-99999999999999999999999"), Ok(0.0));
        for bad in ["0xg", "0x", "", "0x1p", "0x1p+", "0x.p1", "0x1 2"] {
            assert_eq!(parse_hex_float(bad), Err(HexError::Invalid), "{bad:?}");
        }
    }

    #[test]
    fn half_even() {
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(3.5), 4.0);
        assert_eq!(round_half_even(-2.5), -2.0);
        assert_eq!(round_half_even(0.49999999999999994), 0.0);
    }
}
