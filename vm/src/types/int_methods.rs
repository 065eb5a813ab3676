//! `int` methods and attributes.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::int::{self, IntObj, IntVal, INT_TYPE};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{bytes, tuple};
use crate::util::args;

fn this(o: &Obj) -> &IntObj {
    o.downcast::<IntObj>().expect("int")
}

/// `x.bit_length()` of an int value.
pub fn bit_length(v: IntVal) -> u64 {
    match v {
        IntVal::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
        IntVal::Big(b) => b.bits(),
    }
}

fn m_bit_length(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "int.bit_length")?;
    Ok(int::from_u64(bit_length(this(s).val())))
}

fn m_bit_count(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "int.bit_count")?;
    let n = match this(s).val() {
        IntVal::Small(v) => v.unsigned_abs().count_ones() as u64,
        IntVal::Big(b) => b.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum(),
    };
    Ok(int::from_u64(n))
}

fn m_conjugate(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "int.conjugate")?;
    int::int_exact(s)
}

/// `__trunc__`, `__floor__`, `__ceil__`: the value as an exact int.
fn identity(a: Args, name: &str) -> PyResult {
    let [s] = args::exact::<1>(a, name)?;
    int::int_exact(s)
}
fn m_trunc(a: Args) -> PyResult {
    identity(a, "int.__trunc__")
}
fn m_floor(a: Args) -> PyResult {
    identity(a, "int.__floor__")
}
fn m_ceil(a: Args) -> PyResult {
    identity(a, "int.__ceil__")
}

/// Argument clinic's count checks for a method with `maxpos` positional and
/// `maxargs` parameters in all (`self` excluded).
pub(crate) fn clinic_counts(a: &Args, fname: &str, maxpos: usize, maxargs: usize) -> PyResult<()> {
    let nargs = a.nargs.saturating_sub(1);
    let nkw = a.kwnames.map_or(0, |k| k.len());
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if nargs + nkw > maxargs {
        let kw = if nargs == 0 { "keyword " } else { "" };
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {maxargs} {kw}argument{} ({} given)",
            plural(maxargs),
            nargs + nkw
        )));
    }
    if nargs > maxpos {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {maxpos} positional argument{} ({nargs} given)",
            plural(maxpos)
        )));
    }
    Ok(())
}

/// Argument clinic's message for an unknown keyword argument.
pub(crate) fn check_keywords(a: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
    for k in a.kwnames.map(|k| k.as_slice()).unwrap_or(&[]) {
        let name = crate::types::str::StrObj::text(k);
        if !allowed.contains(&name) {
            return Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for {fname}()")));
        }
    }
    Ok(())
}

fn m_as_integer_ratio(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "int.as_integer_ratio")?;
    Ok(tuple::new_tuple(vec![int::int_exact(s)?, int::new_int(1)]))
}

fn m_getnewargs(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "int.__getnewargs__")?;
    Ok(tuple::new_tuple(vec![int::int_exact(s)?]))
}

fn m_sizeof(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "int.__sizeof__")?;
    // CPython: a 24-byte header plus one 4-byte digit per 30 bits of
    // magnitude, at least one.
    let digits = bit_length(this(s).val()).div_ceil(30).max(1);
    Ok(int::from_u64(24 + 4 * digits))
}

/// `q, r` with `q` the quotient rounded to nearest (ties to even) and
/// `r = a - q*b` (CPython's `_PyLong_DivmodNear`); `b` must be positive.
fn divmod_near(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (mut q, mut r) = a.div_mod_floor(b);
    let twice: BigInt = &r << 1u32;
    let cmp = twice.cmp(b);
    if cmp == std::cmp::Ordering::Greater || (cmp == std::cmp::Ordering::Equal && q.is_odd()) {
        q += 1;
        r -= b;
    }
    (q, r)
}

/// `round(int, ndigits)` for negative `ndigits`: to a multiple of 10**-ndigits,
/// ties to even.
pub fn round_int(v: &BigInt, ndigits: &BigInt) -> BigInt {
    // 10**n > |v| for n > number of digits: the result is zero (the tie case
    // 10**n == 2|v| cannot occur for such n).
    let digits = (v.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    let n = -ndigits;
    if n > BigInt::from(digits) {
        return BigInt::zero();
    }
    let n = u32::try_from(&n).unwrap_or(u32::MAX);
    let pow = num_traits::pow(BigInt::from(10u8), n as usize);
    let (_, r) = divmod_near(v, &pow);
    v - r
}

fn m_round(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("int.__round__() takes no keyword arguments"));
    }
    if a.nargs > 2 {
        return Err(PyErr::type_error(format!("__round__ expected at most 1 argument, got {}", a.nargs - 1)));
    }
    let s = a.all[0];
    // An explicit None is an error here; round(x, None) does not pass it.
    let Some(&nd) = a.all[..a.nargs].get(1) else {
        return int::int_exact(s);
    };
    let nd = ops::index(nd)?;
    let ndv = this(&nd);
    if !ndv.is_negative() {
        return int::int_exact(s);
    }
    let v = this(s);
    if let (Some(x), Some(n)) = (v.as_i64(), ndv.as_i64()) {
        // Machine-word fast path: 10**18 is the largest power of ten in an i64.
        if n >= -18 {
            let p = 10i64.pow((-n) as u32);
            let (q, r) = (x.div_euclid(p), x.rem_euclid(p));
            let up = match (2 * r as i128).cmp(&(p as i128)) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Equal => q % 2 != 0,
                std::cmp::Ordering::Less => false,
            };
            let res = (q as i128 + i128::from(up)) * p as i128;
            if let Ok(res) = i64::try_from(res) {
                return Ok(int::new_int(res));
            }
        }
    }
    Ok(int::from_bigint(round_int(&v.to_bigint(), &ndv.to_bigint())))
}

fn byteorder_is_little(o: Option<&Obj>, fname: &str) -> PyResult<bool> {
    let Some(o) = o else { return Ok(false) };
    let s = o.downcast::<crate::types::str::StrObj>().ok_or_else(|| {
        PyErr::type_error(format!("{fname}() argument 'byteorder' must be str, not {}", o.class().name()))
    })?;
    match s.as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// A zero-filled buffer, or MemoryError instead of aborting on huge sizes.
fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::memory_error())?;
    v.resize(n, 0);
    Ok(v)
}

/// The `length`-byte big-endian encoding of `v` (two's complement if
/// `signed`), or OverflowError.
pub fn to_bytes_be(v: &BigInt, length: usize, signed: bool) -> PyResult<Vec<u8>> {
    if !signed && v.is_negative() {
        return Err(PyErr::overflow_error("can't convert negative int to unsigned"));
    }
    let mut out = zeroed(length)?;
    // CPython stores only the bits below the sign bits, so -1 fits in zero
    // bytes (its two's complement has no such bits).
    if v.is_zero() || (signed && length == 0 && *v == BigInt::from(-1)) {
        return Ok(out);
    }
    let raw = if signed { v.to_signed_bytes_be() } else { v.to_bytes_be().1 };
    if raw.len() > length {
        return Err(PyErr::overflow_error("int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    let pad = length - raw.len();
    out[..pad].fill(fill);
    out[pad..].copy_from_slice(&raw);
    Ok(out)
}

fn m_to_bytes(a: Args) -> PyResult {
    clinic_counts(&a, "to_bytes", 2, 3)?;
    check_keywords(&a, "to_bytes", &["length", "byteorder", "signed"])?;
    let [s, length, order, signed] = args::parse(a, "to_bytes", &["self", "length", "byteorder", "*", "signed"], 1)?;
    let length = match length {
        None => 1,
        Some(l) => int::expect_i64(l, "ssize_t")?,
    };
    let little = byteorder_is_little(order, "to_bytes")?;
    let signed = match signed {
        Some(o) => ops::is_true(o)?,
        None => false,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let length = usize::try_from(length).map_err(|_| PyErr::memory_error())?;
    let mut out = to_bytes_be(&this(s.expect("self")).to_bigint(), length, signed)?;
    if little {
        out.reverse();
    }
    Ok(bytes::from_vec(out))
}

/// `bytes(x)` as `int.from_bytes` accepts it (no str, no int count).
fn bytes_arg(x: &Obj) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes::bytes_of(x) {
        return Ok(b);
    }
    if let Some(r) = ops::call_special(x, "__bytes__", &[])? {
        return bytes::bytes_of(&r)
            .ok_or_else(|| PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", r.class().name())));
    }
    if x.isa::<crate::types::str::StrObj>() || x.isa::<IntObj>() {
        return Err(PyErr::type_error(format!("cannot convert '{}' object to bytes", x.class().name())));
    }
    bytes::bytes_from_source(x, None, None, "bytes")
}

/// The int whose big-endian encoding is `data` (two's complement if `signed`).
pub fn from_bytes_be(data: &[u8], signed: bool) -> PyRef {
    if data.len() <= 8 {
        let mut v: u64 = 0;
        for b in data {
            v = (v << 8) | *b as u64;
        }
        if signed && !data.is_empty() && data[0] & 0x80 != 0 {
            let bits = data.len() * 8;
            let wide = if bits == 64 { v as i64 } else { (v as i64) - (1i64 << bits) };
            return int::new_int(wide);
        }
        return int::from_u64(v);
    }
    let v = if signed { BigInt::from_signed_bytes_be(data) } else { BigInt::from_bytes_be(Sign::Plus, data) };
    int::from_bigint(v)
}

fn m_from_bytes(a: Args) -> PyResult {
    clinic_counts(&a, "from_bytes", 2, 3)?;
    check_keywords(&a, "from_bytes", &["bytes", "byteorder", "signed"])?;
    let [cls, data, order, signed] = args::parse(a, "from_bytes", &["cls", "bytes", "byteorder", "*", "signed"], 2)?;
    let cls = cls.expect("cls");
    let mut data = bytes_arg(data.expect("bytes"))?;
    if byteorder_is_little(order, "from_bytes")? {
        data.reverse();
    }
    let signed = match signed {
        Some(o) => ops::is_true(o)?,
        None => false,
    };
    let v = from_bytes_be(&data, signed);
    match cls.downcast::<TypeObj>() {
        Some(t) if t.is(&INT_TYPE) => Ok(v),
        _ => ops::call1(cls, &v),
    }
}

fn g_real(o: &Obj) -> PyResult {
    int::int_exact(o)
}
fn g_imag(_o: &Obj) -> PyResult {
    Ok(int::new_int(0))
}
fn g_numerator(o: &Obj) -> PyResult {
    int::int_exact(o)
}
fn g_denominator(_o: &Obj) -> PyResult {
    Ok(int::new_int(1))
}

fn m_format(a: Args) -> PyResult {
    let [s, spec] = args::exact::<2>(a, "int.__format__")?;
    let spec = crate::types::str::expect_str(spec, "format_spec")?;
    if spec.is_empty() {
        return crate::ops::str(s);
    }
    crate::format::spec::format_int(this(s), spec)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("__format__", m_format),
    MethodDef::method("bit_length", m_bit_length),
    MethodDef::method("bit_count", m_bit_count),
    MethodDef::method("conjugate", m_conjugate),
    MethodDef::method("as_integer_ratio", m_as_integer_ratio),
    MethodDef::method("to_bytes", m_to_bytes),
    MethodDef::class("from_bytes", m_from_bytes),
    MethodDef::method("__trunc__", m_trunc),
    MethodDef::method("__floor__", m_floor),
    MethodDef::method("__ceil__", m_ceil),
    MethodDef::method("__round__", m_round),
    MethodDef::method("__getnewargs__", m_getnewargs),
    MethodDef::method("__sizeof__", m_sizeof),
];

pub static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("real", g_real),
    GetSetDef::getter("imag", g_imag),
    GetSetDef::getter("numerator", g_numerator),
    GetSetDef::getter("denominator", g_denominator),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_half_even() {
        let r = |v: i64, n: i64| round_int(&BigInt::from(v), &BigInt::from(n));
        assert_eq!(r(25, -1), BigInt::from(20));
        assert_eq!(r(35, -1), BigInt::from(40));
        assert_eq!(r(-25, -1), BigInt::from(-20));
        assert_eq!(r(1250, -2), BigInt::from(1200));
        assert_eq!(r(1350, -2), BigInt::from(1400));
        assert_eq!(r(999, -3), BigInt::from(1000));
        assert_eq!(r(500, -3), BigInt::from(0));
        assert_eq!(r(1500, -3), BigInt::from(2000));
        assert_eq!(r(12345, -50), BigInt::from(0));
        assert_eq!(r(5, -1), BigInt::from(0));
    }

    #[test]
    fn bytes_round_trip() {
        assert_eq!(to_bytes_be(&BigInt::from(-129), 2, true).unwrap(), vec![0xff, 0x7f]);
        assert_eq!(to_bytes_be(&BigInt::from(65535), 2, false).unwrap(), vec![0xff, 0xff]);
        assert!(to_bytes_be(&BigInt::from(128), 1, true).is_err());
        assert!(to_bytes_be(&BigInt::from(-1), 1, false).is_err());
        assert_eq!(to_bytes_be(&BigInt::zero(), 0, false).unwrap(), Vec::<u8>::new());
        assert_eq!(to_bytes_be(&BigInt::from(-1), 0, true).unwrap(), Vec::<u8>::new());
        assert!(to_bytes_be(&BigInt::from(1), 0, true).is_err());
    }
}
