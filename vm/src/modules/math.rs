//! The `math` module: CPython 3.11's functions with its special values,
//! error rules ("math domain error" for invalid arguments and poles, "math
//! range error" for overflow) and argument conversions.

use std::f64::consts;

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::float::{float_to_int, new_float, FloatObj, FLOAT_TYPE};
use crate::types::float_exact;
use crate::types::int::{self, IntObj};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{new_bool, tuple};
use crate::util::args;

use super::math_int;
use super::math_special::{self as special, MathError};

fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}
fn range_error() -> PyErr {
    PyErr::overflow_error("math range error")
}

fn math_error(e: MathError) -> PyErr {
    match e {
        MathError::Domain => domain_error(),
        MathError::Range => range_error(),
    }
}

/// The one argument of a `METH_O` function (`math.sqrt(x)`).
pub(super) fn unary<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Obj> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("math.{name}() takes no keyword arguments")));
    }
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("math.{name}() takes exactly one argument ({} given)", a.nargs)));
    }
    Ok(a.all[0])
}

/// `N` positional-only arguments, the first `min` required (argument
/// clinic's `_PyArg_CheckPositional` messages).
pub(super) fn positional<'a, const N: usize>(a: &Args<'a>, name: &str, min: usize) -> PyResult<[Option<&'a Obj>; N]> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("math.{name}() takes no keyword arguments")));
    }
    if a.nargs < min || a.nargs > N {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        return Err(PyErr::type_error(if min == N {
            format!("{name} expected {N} argument{}, got {}", plural(N), a.nargs)
        } else if a.nargs < min {
            format!("{name} expected at least {min} argument{}, got {}", plural(min), a.nargs)
        } else {
            format!("{name} expected at most {N} argument{}, got {}", plural(N), a.nargs)
        }));
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(&a.all[..a.nargs]) {
        *slot = Some(*v);
    }
    Ok(out)
}

/// Two required positional arguments.
fn binary<'a>(a: &Args<'a>, name: &str) -> PyResult<(&'a Obj, &'a Obj)> {
    let [x, y] = positional::<2>(a, name, 2)?;
    Ok((x.expect("x"), y.expect("y")))
}

/// `PyFloat_AsDouble` with the fast paths for exact floats and ints.
pub(super) fn to_f64(o: &Obj) -> PyResult<f64> {
    if let Some(f) = o.downcast::<FloatObj>() {
        return Ok(f.value());
    }
    if o.class().is(&int::INT_TYPE) {
        return o.downcast::<IntObj>().expect("int").to_f64();
    }
    ops::to_f64(o)
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an infinity
/// from a finite value is a range error if `can_overflow`, else a pole
/// (domain error).
fn math_1(a: Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = to_f64(unary(&a, name)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(new_float(r))
}

/// CPython's `math_2`: the same rules for two-argument functions.
fn math_2(a: Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult {
    let (x, y) = binary(&a, name)?;
    let (x, y) = (to_f64(x)?, to_f64(y)?);
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(new_float(r))
}

macro_rules! func1 {
    ($($fname:ident = $name:literal, $f:expr, $overflow:expr;)*) => {
        $(fn $fname(a: Args) -> PyResult {
            math_1(a, $name, $f, $overflow)
        })*
    };
}

func1! {
    m_acos = "acos", f64::acos, false;
    m_acosh = "acosh", special::acosh, false;
    m_asin = "asin", f64::asin, false;
    m_asinh = "asinh", special::asinh, false;
    m_atan = "atan", f64::atan, false;
    m_atanh = "atanh", special::atanh, false;
    m_cbrt = "cbrt", special::cbrt, false;
    m_cos = "cos", f64::cos, false;
    m_cosh = "cosh", f64::cosh, true;
    m_exp = "exp", f64::exp, true;
    m_exp2 = "exp2", f64::exp2, true;
    m_expm1 = "expm1", f64::exp_m1, true;
    m_fabs = "fabs", f64::abs, false;
    m_log1p = "log1p", f64::ln_1p, false;
    m_sin = "sin", f64::sin, false;
    m_sinh = "sinh", f64::sinh, true;
    m_sqrt = "sqrt", f64::sqrt, false;
    m_tan = "tan", f64::tan, false;
    m_tanh = "tanh", f64::tanh, false;
}

fn m_erf(a: Args) -> PyResult {
    Ok(new_float(special::erf(to_f64(unary(&a, "erf")?)?)))
}
fn m_erfc(a: Args) -> PyResult {
    Ok(new_float(special::erfc(to_f64(unary(&a, "erfc")?)?)))
}
fn m_gamma(a: Args) -> PyResult {
    special::gamma(to_f64(unary(&a, "gamma")?)?).map(new_float).map_err(math_error)
}
fn m_lgamma(a: Args) -> PyResult {
    special::lgamma(to_f64(unary(&a, "lgamma")?)?).map(new_float).map_err(math_error)
}

fn m_atan2(a: Args) -> PyResult {
    math_2(a, "atan2", special::atan2)
}
fn m_copysign(a: Args) -> PyResult {
    math_2(a, "copysign", f64::copysign)
}
fn m_remainder(a: Args) -> PyResult {
    math_2(a, "remainder", special::remainder)
}

fn m_fmod(a: Args) -> PyResult {
    let (x, y) = binary(&a, "fmod")?;
    let (x, y) = (to_f64(x)?, to_f64(y)?);
    // fmod(x, +-inf) is x for finite x.
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(new_float(r))
}

/// `math.pow`, with C99's special values handled directly.
pub fn pow(x: f64, y: f64) -> Result<f64, MathError> {
    let odd_integer = |y: f64| y.is_finite() && (y.abs() % 2.0) == 1.0;
    if !x.is_finite() || !y.is_finite() {
        return Ok(if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            if y > 0.0 {
                if odd_integer(y) {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_integer(y) {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(MathError::Domain);
    }
    if r.is_infinite() {
        // 0 ** negative is a pole; anything else overflowed.
        return Err(if x == 0.0 { MathError::Domain } else { MathError::Range });
    }
    Ok(r)
}

fn m_pow(a: Args) -> PyResult {
    let (x, y) = binary(&a, "pow")?;
    pow(to_f64(x)?, to_f64(y)?).map(new_float).map_err(math_error)
}

/// Rounds a number to an int through its `__floor__`/`__ceil__`, or through
/// its float value.
fn round_to_int(a: Args, name: &str, special_name: &str, f: fn(f64) -> f64) -> PyResult {
    let x = unary(&a, name)?;
    if !x.class().is(&FLOAT_TYPE) {
        if let Some(r) = ops::call_special(x, special_name, &[])? {
            return Ok(r);
        }
    }
    float_to_int(f(to_f64(x)?))
}

fn m_floor(a: Args) -> PyResult {
    round_to_int(a, "floor", "__floor__", f64::floor)
}
fn m_ceil(a: Args) -> PyResult {
    round_to_int(a, "ceil", "__ceil__", f64::ceil)
}

fn m_trunc(a: Args) -> PyResult {
    let x = unary(&a, "trunc")?;
    if x.class().is(&FLOAT_TYPE) {
        return float_to_int(x.downcast::<FloatObj>().expect("float").value());
    }
    match ops::call_special(x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!("type {} doesn't define __trunc__ method", x.class().name()))),
    }
}

fn m_frexp(a: Args) -> PyResult {
    let x = to_f64(unary(&a, "frexp")?)?;
    let (m, e) = if x.is_finite() && x != 0.0 { crate::types::float::frexp(x) } else { (x, 0) };
    Ok(tuple::new_tuple(vec![new_float(m), int::new_int(e as i64)]))
}

fn m_ldexp(a: Args) -> PyResult {
    let (x, i) = binary(&a, "ldexp")?;
    let x = to_f64(x)?;
    let Some(i) = i.downcast::<IntObj>() else {
        return Err(PyErr::type_error("Expected an int as second argument to ldexp."));
    };
    // Huge exponents saturate: they overflow or underflow either way.
    let exp = i.as_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    if x == 0.0 || !x.is_finite() {
        return Ok(new_float(x));
    }
    let r = float_exact::scalbn(x, exp);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(new_float(r))
}

fn m_modf(a: Args) -> PyResult {
    let x = to_f64(unary(&a, "modf")?)?;
    let (frac, whole) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let whole = x.trunc();
        ((x - whole).copysign(x), whole)
    };
    Ok(tuple::new_tuple(vec![new_float(frac), new_float(whole)]))
}

/// CPython's `loghelper`: ints of any size (via a correctly rounded frexp
/// when they overflow a float), anything else through `math_1` rules.
fn log_of(x: &Obj, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = x.downcast::<IntObj>() {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error());
        }
        return Ok(match i.to_f64() {
            Ok(v) => f(v),
            Err(_) => {
                let (m, e) = float_exact::bigint_frexp(&i.to_bigint());
                f(m) + f(2.0) * e as f64
            }
        });
    }
    let v = to_f64(x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 {
        return Err(domain_error());
    }
    Ok(f(v))
}

fn m_log(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("math.log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&a.nargs) {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(a.all[0], f64::ln)?;
    if a.nargs == 1 {
        return Ok(new_float(num));
    }
    let den = log_of(a.all[1], f64::ln)?;
    if den == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(new_float(num / den))
}

fn m_log2(a: Args) -> PyResult {
    Ok(new_float(log_of(unary(&a, "log2")?, f64::log2)?))
}
fn m_log10(a: Args) -> PyResult {
    Ok(new_float(log_of(unary(&a, "log10")?, f64::log10)?))
}

fn m_degrees(a: Args) -> PyResult {
    Ok(new_float(to_f64(unary(&a, "degrees")?)? * (180.0 / consts::PI)))
}
fn m_radians(a: Args) -> PyResult {
    Ok(new_float(to_f64(unary(&a, "radians")?)? * (consts::PI / 180.0)))
}

fn m_isfinite(a: Args) -> PyResult {
    Ok(new_bool(to_f64(unary(&a, "isfinite")?)?.is_finite()))
}
fn m_isinf(a: Args) -> PyResult {
    Ok(new_bool(to_f64(unary(&a, "isinf")?)?.is_infinite()))
}
fn m_isnan(a: Args) -> PyResult {
    Ok(new_bool(to_f64(unary(&a, "isnan")?)?.is_nan()))
}

fn m_isclose(a: Args) -> PyResult {
    let [x, y, rel, abs] = args::parse(a, "isclose", &["a", "b", "*", "rel_tol", "abs_tol"], 2)?;
    let (x, y) = (to_f64(x.expect("a"))?, to_f64(y.expect("b"))?);
    let rel_tol = match rel {
        Some(r) => to_f64(r)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(r) => to_f64(r)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(new_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(new_bool(false));
    }
    let diff = (y - x).abs();
    Ok(new_bool(diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol))
}

/// C's `nextafter`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    // Moving away from zero increments the magnitude bits.
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

fn m_nextafter(a: Args) -> PyResult {
    let (x, y) = binary(&a, "nextafter")?;
    Ok(new_float(nextafter(to_f64(x)?, to_f64(y)?)))
}

fn m_ulp(a: Args) -> PyResult {
    let x = to_f64(unary(&a, "ulp")?)?;
    if x.is_nan() {
        return Ok(new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(new_float(x));
    }
    let up = nextafter(x, f64::INFINITY);
    Ok(new_float(if up.is_infinite() { x - nextafter(x, f64::NEG_INFINITY) } else { up - x }))
}

fn m_fsum(a: Args) -> PyResult {
    let seq = unary(&a, "fsum")?;
    let it = ops::iter(seq)?;
    let mut acc = special::Fsum::default();
    while let Some(item) = ops::next(&it)? {
        acc.add(to_f64(&item)?).map_err(fsum_error)?;
    }
    acc.result().map(new_float).map_err(fsum_error)
}

fn fsum_error(e: special::FsumError) -> PyErr {
    match e {
        special::FsumError::InfMinusInf => PyErr::value_error("-inf + inf in fsum"),
        special::FsumError::Overflow => PyErr::overflow_error("intermediate overflow in fsum"),
    }
}

/// Absolute float values of `items`, their maximum and whether one is a NaN.
fn abs_values(items: impl Iterator<Item = PyResult<f64>>) -> PyResult<(Vec<f64>, f64, bool)> {
    let mut out = Vec::new();
    let mut max = 0.0;
    let mut nan = false;
    for v in items {
        let x = v?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        out.push(x);
    }
    Ok((out, max, nan))
}

fn m_hypot(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("math.hypot() takes no keyword arguments"));
    }
    let (v, max, nan) = abs_values(a.all[..a.nargs].iter().map(|o| to_f64(o)))?;
    Ok(new_float(special::vector_norm(&v, max, nan)))
}

/// The items of a point argument of `dist` (any iterable).
fn point(o: &Obj) -> PyResult<Vec<PyRef>> {
    if let Some(t) = o.downcast::<crate::types::tuple::TupleObj>() {
        return Ok(t.as_slice().to_vec());
    }
    ops::collect_vec(o)
}

fn m_dist(a: Args) -> PyResult {
    let (p, q) = binary(&a, "dist")?;
    let (p, q) = (point(p)?, point(q)?);
    if p.len() != q.len() {
        return Err(PyErr::value_error("both points must have the same number of dimensions"));
    }
    let diffs = p.iter().zip(q.iter()).map(|(x, y)| Ok(to_f64(x)? - to_f64(y)?));
    let (v, max, nan) = abs_values(diffs)?;
    Ok(new_float(special::vector_norm(&v, max, nan)))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("acos", m_acos),
    MethodDef::method("acosh", m_acosh),
    MethodDef::method("asin", m_asin),
    MethodDef::method("asinh", m_asinh),
    MethodDef::method("atan", m_atan),
    MethodDef::method("atan2", m_atan2),
    MethodDef::method("atanh", m_atanh),
    MethodDef::method("cbrt", m_cbrt),
    MethodDef::method("ceil", m_ceil),
    MethodDef::method("comb", math_int::comb),
    MethodDef::method("copysign", m_copysign),
    MethodDef::method("cos", m_cos),
    MethodDef::method("cosh", m_cosh),
    MethodDef::method("degrees", m_degrees),
    MethodDef::method("dist", m_dist),
    MethodDef::method("erf", m_erf),
    MethodDef::method("erfc", m_erfc),
    MethodDef::method("exp", m_exp),
    MethodDef::method("exp2", m_exp2),
    MethodDef::method("expm1", m_expm1),
    MethodDef::method("fabs", m_fabs),
    MethodDef::method("factorial", math_int::factorial),
    MethodDef::method("floor", m_floor),
    MethodDef::method("fmod", m_fmod),
    MethodDef::method("frexp", m_frexp),
    MethodDef::method("fsum", m_fsum),
    MethodDef::method("gamma", m_gamma),
    MethodDef::method("gcd", math_int::gcd),
    MethodDef::method("hypot", m_hypot),
    MethodDef::method("isclose", m_isclose),
    MethodDef::method("isfinite", m_isfinite),
    MethodDef::method("isinf", m_isinf),
    MethodDef::method("isnan", m_isnan),
    MethodDef::method("isqrt", math_int::isqrt),
    MethodDef::method("lcm", math_int::lcm),
    MethodDef::method("ldexp", m_ldexp),
    MethodDef::method("lgamma", m_lgamma),
    MethodDef::method("log", m_log),
    MethodDef::method("log1p", m_log1p),
    MethodDef::method("log10", m_log10),
    MethodDef::method("log2", m_log2),
    MethodDef::method("modf", m_modf),
    MethodDef::method("nextafter", m_nextafter),
    MethodDef::method("perm", math_int::perm),
    MethodDef::method("pow", m_pow),
    MethodDef::method("prod", math_int::prod),
    MethodDef::method("radians", m_radians),
    MethodDef::method("remainder", m_remainder),
    MethodDef::method("sin", m_sin),
    MethodDef::method("sinh", m_sinh),
    MethodDef::method("sqrt", m_sqrt),
    MethodDef::method("tan", m_tan),
    MethodDef::method("tanh", m_tanh),
    MethodDef::method("trunc", m_trunc),
    MethodDef::method("ulp", m_ulp),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("math");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    mo.set_attr("pi", new_float(consts::PI));
    mo.set_attr("e", new_float(consts::E));
    mo.set_attr("tau", new_float(consts::TAU));
    mo.set_attr("inf", new_float(f64::INFINITY));
    mo.set_attr("nan", new_float(f64::NAN));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow_special_values() {
        assert_eq!(pow(0.0, 0.0), Ok(1.0));
        assert_eq!(pow(1.0, f64::NAN), Ok(1.0));
        assert_eq!(pow(f64::NAN, 0.0), Ok(1.0));
        assert_eq!(pow(0.0, -1.0), Err(MathError::Domain));
        assert_eq!(pow(10.0, 400.0), Err(MathError::Range));
        assert_eq!(pow(-8.0, 1.0 / 3.0), Err(MathError::Domain));
        assert_eq!(pow(f64::NEG_INFINITY, 3.0), Ok(f64::NEG_INFINITY));
        assert_eq!(pow(f64::NEG_INFINITY, 2.0), Ok(f64::INFINITY));
        assert_eq!(pow(-0.5, f64::NEG_INFINITY), Ok(f64::INFINITY));
    }

    #[test]
    fn nextafter_steps() {
        assert_eq!(nextafter(1.0, 2.0), 1.0000000000000002);
        assert_eq!(nextafter(0.0, -1.0), -5e-324);
        assert_eq!(nextafter(-1.0, 0.0), -0.9999999999999999);
        assert_eq!(nextafter(f64::MAX, f64::INFINITY), f64::INFINITY);
        assert_eq!(nextafter(5e-324, 0.0), 0.0);
    }
}
