//! `float`: a boxed f64. Core arithmetic and CPython's shortest `repr`.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Zero};

use crate::object::{Obj, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::int::{self, IntObj};
use crate::types::typeobj::{Args, TypeObj};
use crate::types::{new_bool, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct FloatObj {
    pub ob: Obj,
    value: f64,
}

/// Byte offset of the f64 value.
pub const OFFSET_FLOAT_VALUE: usize = 16;

// SAFETY: `FloatObj` is `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for FloatObj {
    fn class() -> &'static TypeObj {
        &FLOAT_TYPE
    }
}

impl FloatObj {
    #[inline(always)]
    pub fn value(&self) -> f64 {
        self.value
    }
}

#[inline]
pub fn new_float(v: f64) -> PyRef {
    crate::object::alloc::alloc_float(FloatObj { ob: Obj::new(&FLOAT_TYPE.0), value: v })
}

pub fn new_float_subtype(ty: &TypeObj, v: f64) -> PyRef {
    crate::object::alloc::alloc_object(ty, FloatObj { ob: Obj::new(ty), value: v }, 0)
}

/// Converts an integral f64 to a big integer (None for inf/nan).
pub fn f64_to_bigint(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    BigInt::from_f64(f.trunc())
}

/// Digits (trailing zeros removed) and decimal point position of a
/// formatted `d.ddde±x` string.
fn split_exp_format(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits = digits.trim_end_matches('0').to_string();
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    (digits, exp + 1)
}

/// The shortest round-trip decimal digits of a finite, non-zero `|v|` and the
/// decimal point position: `v = 0.DIGITS * 10**decpt`. Among shortest
/// strings the one nearest to `v` wins, ties to even (as David Gay's dtoa).
pub fn shortest_digits(v: f64) -> (String, i32) {
    let v = v.abs();
    let (digits, decpt) = split_exp_format(&format!("{v:e}"));
    // Two shortest candidates can only be equally near when the exact value
    // m * 2**e (m odd) has n+1 <= 18 significant digits, n >= 16, which
    // needs -26 <= e <= 133: check those rare values against the correctly
    // rounded n-digit string.
    if digits.len() >= 16 {
        let (_, e) = crate::types::float_exact::exact_parts(v);
        if (-26..=133).contains(&e) {
            let nearest = format!("{:.*e}", digits.len() - 1, v);
            if nearest.parse::<f64>() == Ok(v) {
                return split_exp_format(&nearest);
            }
        }
    }
    (digits, decpt)
}

/// `repr(float)`: CPython's shortest representation ('r' format).
pub fn float_repr_str(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let (digits, decpt) = shortest_digits(v);
    let sign = if v < 0.0 { "-" } else { "" };
    let n = digits.len() as i32;
    if (-4 < decpt) && (decpt <= 16) {
        if decpt <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-decpt) as usize))
        } else if decpt >= n {
            format!("{sign}{digits}{}.0", "0".repeat((decpt - n) as usize))
        } else {
            format!("{sign}{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
        }
    } else {
        let exp = decpt - 1;
        let mant = if n == 1 { digits.clone() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.abs())
    }
}

fn float_repr(obj: &Obj) -> PyResult {
    Ok(crate::types::str::from_string(float_repr_str(obj.downcast::<FloatObj>().expect("float").value)))
}

/// CPython's hash of a float (consistent with ints of equal value).
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.is_nan() {
        return 0;
    }
    let (m, e) = frexp(v.abs());
    let mut m = m;
    let mut e = e;
    let modulus = int::HASH_MODULUS;
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & modulus) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= modulus {
            x -= modulus;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & modulus) | (x >> (61 - e));
    let mut h = x as i64;
    if v < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Splits `v` into a mantissa in [0.5, 1) and a power of two.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn float_hash(obj: &Obj) -> PyResult<i64> {
    let v = obj.downcast::<FloatObj>().expect("float").value;
    // NaNs hash by identity (CPython 3.10+), so distinct NaNs spread out.
    if v.is_nan() {
        return Ok(crate::types::object::pointer_hash(obj));
    }
    Ok(hash_f64(v))
}

/// The f64 of a float or int operand; None for other types.
#[inline]
pub fn operand(obj: &Obj) -> Option<PyResult<f64>> {
    if let Some(f) = obj.downcast::<FloatObj>() {
        return Some(Ok(f.value));
    }
    obj.downcast::<IntObj>().map(|i| i.to_f64())
}

macro_rules! float_operands {
    ($a:expr, $b:expr) => {
        match (operand($a), operand($b)) {
            (Some(x), Some(y)) => (x?, y?),
            _ => return Ok(not_implemented()),
        }
    };
}

fn float_add(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = float_operands!(a, b);
    Ok(new_float(x + y))
}
fn float_sub(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = float_operands!(a, b);
    Ok(new_float(x - y))
}
fn float_mul(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = float_operands!(a, b);
    Ok(new_float(x * y))
}
fn float_truediv(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = float_operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(new_float(x / y))
}

/// Python's float floor-division and modulo.
pub fn float_divmod_values(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn float_floordiv(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = float_operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division("float floor division by zero"));
    }
    Ok(new_float(float_divmod_values(x, y).0))
}
fn float_mod(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = float_operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division("float modulo"));
    }
    Ok(new_float(float_divmod_values(x, y).1))
}
fn float_divmod(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = float_operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    let (q, r) = float_divmod_values(x, y);
    Ok(crate::types::tuple::new_tuple(vec![new_float(q), new_float(r)]))
}

/// `x ** y` for floats with CPython's special cases and errors.
pub fn float_pow_values(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(if y == 0.0 { 1.0 } else { x });
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(PyErr::zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(PyErr::value_error("negative number cannot be raised to a fractional power"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(erange_error());
    }
    Ok(r)
}

/// CPython's OverflowError from a libm ERANGE: `OverflowError(34, 'Numerical
/// result out of range')`.
#[cold]
pub fn erange_error() -> PyErr {
    PyErr::from_exc(crate::types::exceptions::new_exception(
        &crate::types::exceptions::OVERFLOW_ERROR,
        vec![int::new_int(34), crate::types::str::new_str("Numerical result out of range")],
    ))
}

fn float_pow(a: &Obj, b: &Obj, m: &Obj) -> PyResult {
    if !m.is_none() {
        return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let (x, y) = float_operands!(a, b);
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // A negative base with a fractional exponent gives a complex result.
        return crate::types::complex::complex_pow_values((x, 0.0), (y, 0.0));
    }
    Ok(new_float(float_pow_values(x, y)?))
}

fn float_neg(a: &Obj) -> PyResult {
    Ok(new_float(-a.downcast::<FloatObj>().expect("float").value))
}
fn float_pos(a: &Obj) -> PyResult {
    if a.class().is(&FLOAT_TYPE) {
        return Ok(a.to_owned());
    }
    Ok(new_float(a.downcast::<FloatObj>().expect("float").value))
}
fn float_abs(a: &Obj) -> PyResult {
    Ok(new_float(a.downcast::<FloatObj>().expect("float").value.abs()))
}
fn float_bool(a: &Obj) -> PyResult<bool> {
    Ok(a.downcast::<FloatObj>().expect("float").value != 0.0)
}

/// `int(float)`: truncation, with CPython's errors for inf and nan.
pub fn float_to_int(v: f64) -> PyResult {
    if v.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(PyErr::overflow_error("cannot convert float infinity to integer"));
    }
    let t = v.trunc();
    if t.abs() < 9.0e18 {
        return Ok(int::new_int(t as i64));
    }
    Ok(int::from_bigint(f64_to_bigint(t).unwrap_or_else(BigInt::zero)))
}

fn float_int(a: &Obj) -> PyResult {
    float_to_int(a.downcast::<FloatObj>().expect("float").value)
}

fn float_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let Some(x) = a.downcast::<FloatObj>() else {
        return Ok(not_implemented());
    };
    let x = x.value;
    let ord = if let Some(y) = b.downcast::<FloatObj>() {
        x.partial_cmp(&y.value)
    } else if let Some(i) = b.downcast::<IntObj>() {
        int::compare_int_float(i, x).map(|o| o.reverse())
    } else {
        return Ok(not_implemented());
    };
    Ok(new_bool(match ord {
        Some(o) => int::compare_result(o, op),
        None => op == CompareOp::Ne,
    }))
}

fn float_new(ty: &TypeObj, args: Args) -> PyResult {
    let [x] = crate::util::args::parse(args, "float", &["x", "/"], 0)?;
    let v = match x {
        None => 0.0,
        Some(x) => crate::types::float_parse::float_from_obj(x)?,
    };
    if ty.is(&FLOAT_TYPE) {
        Ok(new_float(v))
    } else {
        Ok(new_float_subtype(ty, v))
    }
}

crate::static_type! {
    pub static FLOAT_TYPE: FloatObj = "float" {
        flags: BASETYPE,
        doc: "Convert a string or number to a floating point number, if possible.",
        methods: crate::types::float_methods::METHODS,
        getsets: crate::types::float_methods::GETSETS,
        slots: { repr: float_repr, hash: float_hash, richcompare: float_richcompare, new: float_new },
        number: {
            add: float_add, sub: float_sub, mul: float_mul, truediv: float_truediv,
            floordiv: float_floordiv, rem: float_mod, divmod: float_divmod, pow: float_pow,
            neg: float_neg, pos: float_pos, abs: float_abs, bool: float_bool, int: float_int,
            float: float_pos,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // The inputs are the decimal literals CPython's tests use, digits and all.
    #[allow(clippy::excessive_precision)]
    fn repr_matches_cpython() {
        let cases = [
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1.5e300, "1.5e+300"),
            (-0.0, "-0.0"),
            (123.456, "123.456"),
            (2.0, "2.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (5e-324, "5e-324"),
            (-1515626351684221.25, "-1515626351684221.2"),
            (747799795691070.25, "747799795691070.2"),
            (1451918242494.40625, "1451918242494.4062"),
            (0.016328811645507812, "0.016328811645507812"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1152921504606846976.0, "1.152921504606847e+18"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ];
        for (v, s) in cases {
            assert_eq!(float_repr_str(v), s);
        }
    }

    #[test]
    fn hash_matches_cpython() {
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(-2.0), -2);
        assert_eq!(hash_f64(1e100), 1822893315824342674);
    }
}
