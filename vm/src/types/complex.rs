//! `complex`.

use crate::object::{Obj, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::float::{float_repr_str, FloatObj};
use crate::types::int::IntObj;
use crate::types::str::from_string;
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
fn c_mul(a: &Obj, b: &Obj) -> PyResult {
    let ((ar, ai), (br, bi)) = operands!(a, b);
    Ok(new_complex(ar * br - ai * bi, ar * bi + ai * br))
}

/// Complex division with CPython's scaling algorithm.
pub fn c_div_values((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> PyResult<(f64, f64)> {
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(PyErr::zero_division("complex division by zero"));
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Ok(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Ok(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

fn c_truediv(a: &Obj, b: &Obj) -> PyResult {
    let (x, y) = operands!(a, b);
    let (r, i) = c_div_values(x, y)?;
    Ok(new_complex(r, i))
}

/// `x ** y` for complex values.
pub fn complex_pow_values((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> PyResult {
    if br == 0.0 && bi == 0.0 {
        return Ok(new_complex(1.0, 0.0));
    }
    if ar == 0.0 && ai == 0.0 {
        if bi != 0.0 || br < 0.0 {
            return Err(PyErr::zero_division("0.0 to a negative or complex power"));
        }
        return Ok(new_complex(0.0, 0.0));
    }
    if bi == 0.0 && br == br.trunc() && br.abs() <= 100.0 {
        // Integer powers by repeated multiplication, as CPython does.
        let n = br as i64;
        let mut result = (1.0, 0.0);
        let mut base = (ar, ai);
        let mut e = n.unsigned_abs();
        while e > 0 {
            if e & 1 == 1 {
                result = (result.0 * base.0 - result.1 * base.1, result.0 * base.1 + result.1 * base.0);
            }
            base = (base.0 * base.0 - base.1 * base.1, 2.0 * base.0 * base.1);
            e >>= 1;
        }
        if n < 0 {
            let (r, i) = c_div_values((1.0, 0.0), result)?;
            return Ok(new_complex(r, i));
        }
        return Ok(new_complex(result.0, result.1));
    }
    let vabs = ar.hypot(ai);
    let mut len = vabs.powf(br);
    let at = ai.atan2(ar);
    let mut phase = at * br;
    if bi != 0.0 {
        len /= (at * bi).exp();
        phase += bi * vabs.ln();
    }
    Ok(new_complex(len * phase.cos(), len * phase.sin()))
}

fn c_pow(a: &Obj, b: &Obj, m: &Obj) -> PyResult {
    if !m.is_none() {
        return Err(PyErr::value_error("complex modulo"));
    }
    let (x, y) = operands!(a, b);
    complex_pow_values(x, y)
}

fn c_neg(a: &Obj) -> PyResult {
    let c = a.downcast::<ComplexObj>().expect("complex");
    Ok(new_complex(-c.re, -c.im))
}
fn c_pos(a: &Obj) -> PyResult {
    let c = a.downcast::<ComplexObj>().expect("complex");
    Ok(new_complex(c.re, c.im))
}
fn c_abs(a: &Obj) -> PyResult {
    let c = a.downcast::<ComplexObj>().expect("complex");
    let r = c.re.hypot(c.im);
    if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
        return Err(PyErr::overflow_error("absolute value too large"));
    }
    Ok(crate::types::float::new_float(r))
}
fn c_bool(a: &Obj) -> PyResult<bool> {
    let c = a.downcast::<ComplexObj>().expect("complex");
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
        x.im == 0.0 && crate::types::int::compare_int_float(i, x.re) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(not_implemented());
    };
    Ok(new_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn c_hash(a: &Obj) -> PyResult<i64> {
    let c = a.downcast::<ComplexObj>().expect("complex");
    let hr = crate::types::float::hash_f64(c.re) as u64;
    let hi = crate::types::float::hash_f64(c.im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn fmt_part(v: f64) -> String {
    let s = float_repr_str(v);
    s.strip_suffix(".0").map_or(s.clone(), |t| t.to_string())
}

/// `repr(complex)`.
pub fn complex_repr_str(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", fmt_part(im));
    }
    let sign = if im >= 0.0 || im.is_nan() { "+" } else { "-" };
    let im_s = fmt_part(im.abs());
    let im_s = if im.is_nan() { "nan".to_string() } else { im_s };
    format!("({}{sign}{im_s}j)", fmt_part(re))
}

fn c_repr(a: &Obj) -> PyResult {
    let c = a.downcast::<ComplexObj>().expect("complex");
    Ok(from_string(complex_repr_str(c.re, c.im)))
}

fn c_new(t: &TypeObj, a: Args) -> PyResult {
    let [real, imag] = crate::util::args::parse(a, "complex", &["real", "imag"], 0)?;
    let (mut re, mut im) = (0.0, 0.0);
    if let Some(r) = real {
        if let Some(s) = r.downcast::<crate::types::str::StrObj>() {
            if imag.is_some() {
                return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
            }
            let (x, y) = parse_complex(s.as_str()).ok_or_else(|| PyErr::value_error("complex() arg is a malformed string"))?;
            return Ok(alloc_of(t, x, y));
        }
        match operand(r) {
            Some(v) => {
                let (x, y) = v?;
                re = x;
                im = y;
            }
            None => {
                if let Some(c) = crate::ops::call_special(r, "__complex__", &[])? {
                    let cc = c.downcast::<ComplexObj>().ok_or_else(|| PyErr::type_error("__complex__ returned non-complex"))?;
                    re = cc.re;
                    im = cc.im;
                } else {
                    re = crate::ops::to_f64(r).map_err(|_| {
                        PyErr::type_error(format!(
                            "complex() first argument must be a string or a number, not '{}'",
                            r.class().name()
                        ))
                    })?;
                }
            }
        }
    }
    if let Some(i) = imag {
        let (x, y) = match operand(i) {
            Some(v) => v?,
            None => (
                crate::ops::to_f64(i).map_err(|_| {
                    PyErr::type_error(format!("complex() second argument must be a number, not '{}'", i.class().name()))
                })?,
                0.0,
            ),
        };
        re -= y;
        im += x;
    }
    Ok(alloc_of(t, re, im))
}

fn alloc_of(t: &TypeObj, re: f64, im: f64) -> PyRef {
    crate::object::alloc::alloc_object(t, ComplexObj { ob: Obj::new(t), re, im }, 0)
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(t).trim();
    if let Some(body) = t.strip_suffix('j').or_else(|| t.strip_suffix('J')) {
        // Find the split between real and imaginary parts.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re_s, im_s) = match split {
            Some(i) => (&body[..i], &body[i..]),
            None => ("", body),
        };
        let im = match im_s {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => crate::types::float_parse::parse_float(x)?,
        };
        let re = if re_s.is_empty() { 0.0 } else { crate::types::float_parse::parse_float(re_s)? };
        return Some((re, im));
    }
    Some((crate::types::float_parse::parse_float(t)?, 0.0))
}

fn g_real(o: &Obj) -> PyResult {
    Ok(crate::types::float::new_float(o.downcast::<ComplexObj>().expect("complex").re))
}
fn g_imag(o: &Obj) -> PyResult {
    Ok(crate::types::float::new_float(o.downcast::<ComplexObj>().expect("complex").im))
}
fn m_conjugate(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "conjugate")?;
    let c = s.downcast::<ComplexObj>().expect("complex");
    Ok(new_complex(c.re, -c.im))
}
fn m_getnewargs(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__getnewargs__")?;
    let c = s.downcast::<ComplexObj>().expect("complex");
    Ok(crate::types::tuple::new_tuple(vec![
        crate::types::float::new_float(c.re),
        crate::types::float::new_float(c.im),
    ]))
}

fn m_format(a: Args) -> PyResult {
    let [s, spec] = crate::util::args::exact::<2>(a, "__format__")?;
    let spec = crate::types::str::expect_str(spec, "format_spec")?;
    let c = s.downcast::<ComplexObj>().expect("complex");
    crate::format::spec::format_complex(c.re, c.im, spec)
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("conjugate", m_conjugate),
    MethodDef::method("__getnewargs__", m_getnewargs),
    MethodDef::method("__format__", m_format),
];
static GETSETS: &[GetSetDef] = &[GetSetDef::getter("real", g_real), GetSetDef::getter("imag", g_imag)];

crate::static_type! {
    pub static COMPLEX_TYPE: ComplexObj = "complex" {
        flags: BASETYPE,
        methods: METHODS,
        getsets: GETSETS,
        slots: { new: c_new, repr: c_repr, richcompare: c_richcompare, hash: c_hash },
        number: {
            add: c_add, sub: c_sub, mul: c_mul, truediv: c_truediv, pow: c_pow, neg: c_neg, pos: c_pos,
            abs: c_abs, bool: c_bool,
        },
    }
}
