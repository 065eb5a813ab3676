//! `complex`: arithmetic with CPython's algorithms (Smith's division,
//! repeated squaring for small integer powers), its repr, hash, string
//! parsing and constructor rules.

use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::float::{float_repr_str, new_float, FloatObj};
use crate::types::int::IntObj;
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{new_bool, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct ComplexObj {
    pub ob: Obj,
    pub re: f64,
    pub im: f64,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for ComplexObj {
    fn class() -> &'static TypeObj {
        &COMPLEX_TYPE
    }
}

pub fn new_complex(re: f64, im: f64) -> PyRef {
    crate::object::alloc::alloc_object(&COMPLEX_TYPE, ComplexObj { ob: Obj::new(&COMPLEX_TYPE.0), re, im }, 0)
}

fn this(o: &Obj) -> &ComplexObj {
    o.downcast::<ComplexObj>().expect("complex")
}

/// A complex, float or int operand as a pair of doubles.
fn operand(o: &Obj) -> Option<PyResult<(f64, f64)>> {
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Some(Ok((c.re, c.im)));
    }
    if let Some(f) = o.downcast::<FloatObj>() {
        return Some(Ok((f.value(), 0.0)));
    }
    o.downcast::<IntObj>().map(|i| i.to_f64().map(|v| (v, 0.0)))
}

macro_rules! operands {
    ($a:expr, $b:expr) => {
        match (operand($a), operand($b)) {
            (Some(x), Some(y)) => (x?, y?),
            _ => return Ok(not_implemented()),
        }
    };
}

fn c_add(a: &Obj, b: &Obj) -> PyResult {
    let ((ar, ai), (br, bi)) = operands!(a, b);
    Ok(new_complex(ar + br, ai + bi))
}
fn c_sub(a: &Obj, b: &Obj) -> PyResult {
    let ((ar, ai), (br, bi)) = operands!(a, b);
    Ok(new_complex(ar - br, ai - bi))
}

fn prod((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> (f64, f64) {
    (ar * br - ai * bi, ar * bi + ai * br)
}

fn c_mul(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = operands!(a, b);
    let (r, i) = prod(x, y);
    Ok(new_complex(r, i))
}

/// Complex division (Smith's algorithm, as CPython's `_Py_c_quot`); None
/// when dividing by zero.
pub fn quotient((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> Option<(f64, f64)> {
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        // A NaN in the divisor.
        Some((f64::NAN, f64::NAN))
    }
}

/// Complex division, ZeroDivisionError for a zero divisor.
pub fn c_div_values(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    quotient(a, b).ok_or_else(|| PyErr::zero_division("complex division by zero"))
}

fn c_truediv(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = operands!(a, b);
    let (r, i) = c_div_values(x, y)?;
    Ok(new_complex(r, i))
}

/// `x ** n` for a non-negative integer `n` by repeated squaring.
fn pow_unsigned(x: (f64, f64), n: u64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` (`_Py_c_pow`), or None for zero to a negative or complex power
/// (and the other cases where CPython's libm calls report EDOM).
fn pow_general((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> Option<(f64, f64)> {
    if br == 0.0 && bi == 0.0 {
        return Some((1.0, 0.0));
    }
    if ar == 0.0 && ai == 0.0 {
        if bi != 0.0 || br < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = ar.hypot(ai);
    let mut len = vabs.powf(br);
    let at = ai.atan2(ar);
    let mut phase = at * br;
    if bi != 0.0 {
        len /= (at * bi).exp();
        phase += bi * vabs.ln();
    }
    // libm's cos and sin of an infinite phase set errno to EDOM, which
    // CPython reports like a zero base.
    if phase.is_infinite() {
        return None;
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `x ** y` for complex values with CPython's errors.
pub fn complex_pow_values(a: (f64, f64), b: (f64, f64)) -> PyResult {
    let (br, bi) = b;
    let r = if bi == 0.0 && br == br.floor() && br.abs() <= 100.0 {
        // Small integer exponents: repeated multiplication.
        let n = br as i64;
        if n > 0 {
            Some(pow_unsigned(a, n as u64))
        } else {
            quotient((1.0, 0.0), pow_unsigned(a, n.unsigned_abs()))
        }
    } else {
        pow_general(a, b)
    };
    let Some((re, im)) = r else {
        return Err(PyErr::zero_division("0.0 to a negative or complex power"));
    };
    if re.is_infinite() || im.is_infinite() {
        return Err(PyErr::overflow_error("complex exponentiation"));
    }
    Ok(new_complex(re, im))
}

fn c_pow(a: &Obj, b: &Obj, m: &Obj) -> PyResult {
    let (x, y) = operands!(a, b);
    if !m.is_none() {
        return Err(PyErr::value_error("complex modulo"));
    }
    complex_pow_values(x, y)
}

fn c_neg(a: &Obj) -> PyResult {
    let c = this(a);
    Ok(new_complex(-c.re, -c.im))
}
fn c_pos(a: &Obj) -> PyResult {
    if a.class().is(&COMPLEX_TYPE) {
        return Ok(a.to_owned());
    }
    let c = this(a);
    Ok(new_complex(c.re, c.im))
}

/// `abs(z)`: C99's rules for infinities and NaNs, else `hypot`.
pub fn complex_abs(re: f64, im: f64) -> PyResult<f64> {
    if !re.is_finite() || !im.is_finite() {
        if re.is_infinite() {
            return Ok(re.abs());
        }
        if im.is_infinite() {
            return Ok(im.abs());
        }
        return Ok(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_infinite() {
        return Err(PyErr::overflow_error("absolute value too large"));
    }
    Ok(r)
}

fn c_abs(a: &Obj) -> PyResult {
    let c = this(a);
    Ok(new_float(complex_abs(c.re, c.im)?))
}
fn c_bool(a: &Obj) -> PyResult<bool> {
    let c = this(a);
    Ok(c.re != 0.0 || c.im != 0.0)
}

fn c_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let Some(x) = a.downcast::<ComplexObj>() else { return Ok(not_implemented()) };
    let eq = if let Some(y) = b.downcast::<ComplexObj>() {
        x.re == y.re && x.im == y.im
    } else if let Some(f) = b.downcast::<FloatObj>() {
        x.im == 0.0 && x.re == f.value()
    } else if let Some(i) = b.downcast::<IntObj>() {
        // Exact: the int is not rounded to a float.
        x.im == 0.0 && crate::types::int::compare_int_float(i, x.re) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(not_implemented());
    };
    Ok(new_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn c_hash(a: &Obj) -> PyResult<i64> {
    let c = this(a);
    let part = |v: f64| {
        if v.is_nan() {
            crate::types::object::pointer_hash(a)
        } else {
            crate::types::float::hash_f64(v)
        }
    };
    let h = (part(c.re) as u64).wrapping_add(1000003u64.wrapping_mul(part(c.im) as u64)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

/// A part of a complex repr: the float repr without a trailing `.0`.
fn fmt_part(v: f64) -> String {
    let s = float_repr_str(v);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// `repr(complex)`.
pub fn complex_repr_str(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", fmt_part(im));
    }
    // The imaginary part always has a sign; a NaN's sign is not shown.
    let sign = if im.is_sign_negative() && !im.is_nan() { "-" } else { "+" };
    format!("({}{sign}{}j)", fmt_part(re), fmt_part(im.abs()))
}

fn c_repr(a: &Obj) -> PyResult {
    let c = this(a);
    Ok(from_string(complex_repr_str(c.re, c.im)))
}

/// Why a string is not a complex literal.
#[derive(Debug, PartialEq, Eq)]
pub enum ComplexParseError {
    /// "complex() arg is a malformed string"
    Malformed,
    /// An underscore not between digits: "could not convert string to complex: ..."
    Underscore,
}

/// Parses `complex(s)`: `<float>`, `<float>j`, `<float><signed-float>j`,
/// and the legacy `<float><sign>j`, `<sign>j`, `j`, optionally in
/// parentheses, with surrounding whitespace.
pub fn parse_complex(text: &str) -> Result<(f64, f64), ComplexParseError> {
    use crate::types::float_parse::{parse_float_prefix, without_underscores};
    use crate::types::num_text::is_ascii_space;
    let ascii = crate::types::num_text::to_ascii_numeric(text);
    let s = without_underscores(ascii.as_bytes()).ok_or(ComplexParseError::Underscore)?;
    let s = &s[..];
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while s.get(*i).is_some_and(|c| is_ascii_space(*c)) {
            *i += 1;
        }
    };
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    skip_space(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let (mut x, mut y) = (0.0, 0.0);
    match parse_float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            if matches!(s.get(i), Some(b'+' | b'-')) {
                // <float><signed-float>j or <float><sign>j
                x = z;
                match parse_float_prefix(&s[i..]) {
                    Some((v, m)) => {
                        y = v;
                        i += m;
                    }
                    None => {
                        y = if s[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(s.get(i)) {
                    return Err(ComplexParseError::Malformed);
                }
                i += 1;
            } else if is_j(s.get(i)) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if matches!(s.get(i), Some(b'+' | b'-')) {
                y = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(s.get(i)) {
                return Err(ComplexParseError::Malformed);
            }
            i += 1;
        }
    }
    skip_space(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return Err(ComplexParseError::Malformed);
        }
        i += 1;
        skip_space(&mut i);
    }
    if i != s.len() {
        return Err(ComplexParseError::Malformed);
    }
    Ok((x, y))
}

/// `__complex__` of `o`, if its type defines it.
fn complex_special(o: &Obj) -> PyResult<Option<(f64, f64)>> {
    let Some(r) = ops::call_special(o, "__complex__", &[])? else {
        return Ok(None);
    };
    match r.downcast::<ComplexObj>() {
        Some(c) => Ok(Some((c.re, c.im))),
        None => Err(PyErr::type_error(format!("__complex__ returned non-complex (type {})", r.class().name()))),
    }
}

/// Whether `o` can be a part of `complex(real, imag)`: a complex, or a
/// number with `__float__` or `__index__`.
fn is_number(o: &Obj) -> bool {
    let t = o.class();
    o.isa::<ComplexObj>() || t.number.float.get().is_some() || t.number.index.get().is_some()
}

fn c_new(t: &TypeObj, a: Args) -> PyResult {
    // Argument clinic's message for unknown keywords.
    for k in a.kwnames.map(|k| k.as_slice()).unwrap_or(&[]) {
        let name = StrObj::text(k);
        if name != "real" && name != "imag" {
            return Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for complex()")));
        }
    }
    let [real, imag] = crate::util::args::parse(a, "complex", &["real", "imag"], 0)?;
    let Some(r) = real else {
        return match imag {
            None => Ok(alloc_of(t, 0.0, 0.0)),
            Some(i) => complex_from_parts(t, &crate::types::int::new_int(0), Some(i)),
        };
    };
    if imag.is_none() && t.is(&COMPLEX_TYPE) && r.class().is(&COMPLEX_TYPE) {
        return Ok(r.to_owned());
    }
    if let Some(s) = r.downcast::<StrObj>() {
        if imag.is_some() {
            return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
        }
        return match parse_complex(s.as_str()) {
            Ok((x, y)) => Ok(alloc_of(t, x, y)),
            Err(ComplexParseError::Malformed) => Err(PyErr::value_error("complex() arg is a malformed string")),
            Err(ComplexParseError::Underscore) => {
                Err(PyErr::value_error(format!("could not convert string to complex: {}", ops::repr_string(r)?)))
            }
        };
    }
    complex_from_parts(t, r, imag)
}

/// `complex(real, imag)` for numbers: `real + imag*1j`, where either part
/// may itself be complex.
fn complex_from_parts(t: &TypeObj, r: &Obj, imag: Option<&Obj>) -> PyResult {
    if let Some(i) = imag {
        if i.isa::<StrObj>() {
            return Err(PyErr::type_error("complex() second arg can't be a string"));
        }
    }
    let special = complex_special(r)?;
    if special.is_none() && !is_number(r) {
        return Err(PyErr::type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            r.class().name()
        )));
    }
    if let Some(i) = imag {
        if !is_number(i) {
            return Err(PyErr::type_error(format!(
                "complex() second argument must be a number, not '{}'",
                i.class().name()
            )));
        }
    }
    let (cr, r_is_complex) = match special {
        Some(c) => (c, true),
        None => match r.downcast::<ComplexObj>() {
            Some(c) => ((c.re, c.im), true),
            None => ((ops::to_f64(r)?, 0.0), false),
        },
    };
    let Some(i) = imag else {
        return Ok(alloc_of(t, cr.0, cr.1));
    };
    let (re, mut im) = match i.downcast::<ComplexObj>() {
        Some(c) => (cr.0 - c.im, c.re),
        None => (cr.0, ops::to_f64(i)?),
    };
    if r_is_complex {
        im += cr.1;
    }
    Ok(alloc_of(t, re, im))
}

fn alloc_of(t: &TypeObj, re: f64, im: f64) -> PyRef {
    crate::object::alloc::alloc_object(t, ComplexObj { ob: Obj::new(t), re, im }, 0)
}

fn g_real(o: &Obj) -> PyResult {
    Ok(new_float(this(o).re))
}
fn g_imag(o: &Obj) -> PyResult {
    Ok(new_float(this(o).im))
}
fn m_conjugate(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "complex.conjugate")?;
    let c = this(s);
    Ok(new_complex(c.re, -c.im))
}
fn m_complex(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "complex.__complex__")?;
    c_pos(s)
}
fn m_getnewargs(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "complex.__getnewargs__")?;
    let c = this(s);
    Ok(crate::types::tuple::new_tuple(vec![new_float(c.re), new_float(c.im)]))
}

fn m_format(a: Args) -> PyResult {
    let [s, spec] = crate::util::args::exact::<2>(a, "complex.__format__")?;
    let spec = crate::types::str::expect_str(spec, "format_spec")?;
    if spec.is_empty() {
        // An empty spec means str(self), which a subclass may override.
        return crate::ops::str(s);
    }
    let c = this(s);
    crate::format::spec::format_complex(c.re, c.im, spec)
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("conjugate", m_conjugate),
    MethodDef::method("__complex__", m_complex),
    MethodDef::method("__getnewargs__", m_getnewargs),
    MethodDef::method("__format__", m_format),
];
static GETSETS: &[GetSetDef] = &[GetSetDef::getter("real", g_real), GetSetDef::getter("imag", g_imag)];

crate::static_type! {
    pub static COMPLEX_TYPE: ComplexObj = "complex" {
        flags: BASETYPE,
        doc: "Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0.",
        methods: METHODS,
        getsets: GETSETS,
        slots: { new: c_new, repr: c_repr, richcompare: c_richcompare, hash: c_hash },
        number: {
            add: c_add, sub: c_sub, mul: c_mul, truediv: c_truediv, pow: c_pow, neg: c_neg, pos: c_pos,
            abs: c_abs, bool: c_bool,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_as_cpython() {
        assert_eq!(complex_repr_str(-0.0, -0.0), "(-0-0j)");
        assert_eq!(complex_repr_str(0.0, -0.0), "-0j");
        assert_eq!(complex_repr_str(-0.0, 0.0), "(-0+0j)");
        assert_eq!(complex_repr_str(f64::INFINITY, -f64::NAN), "(inf+nanj)");
        assert_eq!(complex_repr_str(1e16, 1e-5), "(1e+16+1e-05j)");
        assert_eq!(complex_repr_str(0.0, 3e300), "3e+300j");
    }

    #[test]
    fn parse_as_cpython() {
        let p = parse_complex;
        assert_eq!(p("1e5j"), Ok((0.0, 1e5)));
        assert_eq!(p("+j"), Ok((0.0, 1.0)));
        assert_eq!(p("1+J"), Ok((1.0, 1.0)));
        assert_eq!(p("( 1+2j )"), Ok((1.0, 2.0)));
        assert_eq!(p("1_0j"), Ok((0.0, 10.0)));
        assert_eq!(p("1__0j"), Err(ComplexParseError::Underscore));
        assert_eq!(p("+1.5e-3-.5J"), Ok((0.0015, -0.5)));
        assert_eq!(p("1.j"), Ok((0.0, 1.0)));
        assert_eq!(p("(j)"), Ok((0.0, 1.0)));
        assert_eq!(p("\u{661}+\u{662}j"), Ok((1.0, 2.0)));
        for bad in ["1ej", "(1+2j", "1 +2j", ".j", "j1", "1jj", "1+2", "1e+j", "1e", "--1j", "+-1j", "", "()"] {
            assert_eq!(p(bad), Err(ComplexParseError::Malformed), "{bad:?}");
        }
    }

    #[test]
    fn powers() {
        assert_eq!(pow_unsigned((0.0, 1.0), 2), (-1.0, 0.0));
        assert_eq!(quotient((1.0, 0.0), (0.0, 0.0)), None);
        assert_eq!(pow_general((0.0, 0.0), (1.0, 1.0)), None);
    }
}
