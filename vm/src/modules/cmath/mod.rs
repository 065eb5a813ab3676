//! The `cmath` module: CPython 3.11's complex functions with C99 Annex G
//! special values (`special_values.rs`, generated from CPython), "math
//! domain error" (ValueError) and "math range error" (OverflowError), and
//! CPython's argument conversion (`__complex__`, then `__float__`/`__index__`).
//! The arithmetic is in `funcs.rs`.

mod funcs;
#[rustfmt::skip]
mod special_values;

use funcs::{Errno, Out, C};

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::complex::{new_complex, ComplexObj};
use crate::types::float::new_float;
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{new_bool, tuple};
use crate::util::args;

fn errno_error(e: Errno) -> PyResult<()> {
    match e {
        Errno::Ok => Ok(()),
        Errno::Domain => Err(PyErr::value_error("math domain error")),
        Errno::Range => Err(PyErr::overflow_error("math range error")),
    }
}

/// `PyComplex_AsCComplex`: a complex (or subclass) as it is, else
/// `__complex__`, else a real number as the real part.
fn to_complex(o: &Obj) -> PyResult<C> {
    if let Some(z) = o.downcast::<ComplexObj>() {
        return Ok(C { re: z.re, im: z.im });
    }
    if let Some(r) = ops::call_special(o, "__complex__", &[])? {
        return match r.downcast::<ComplexObj>() {
            Some(z) => Ok(C { re: z.re, im: z.im }),
            None => Err(PyErr::type_error(format!("__complex__ returned non-complex (type {})", r.class().name()))),
        };
    }
    Ok(C { re: ops::to_f64(o)?, im: 0.0 })
}

/// The one argument of a `METH_O` function.
fn unary<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Obj> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("cmath.{name}() takes no keyword arguments")));
    }
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("cmath.{name}() takes exactly one argument ({} given)", a.nargs)));
    }
    Ok(a.all[0])
}

fn complex_fn(a: Args, name: &str, f: fn(C) -> Out) -> PyResult {
    let z = to_complex(unary(&a, name)?)?;
    let (r, e) = f(z);
    errno_error(e)?;
    Ok(new_complex(r.re, r.im))
}

macro_rules! complex_fns {
    ($($name:ident),*) => {
        $(
            fn $name(a: Args) -> PyResult {
                complex_fn(a, stringify!($name), funcs::$name)
            }
        )*
    };
}

complex_fns!(acos, acosh, asin, asinh, atan, atanh, cos, cosh, exp, log10, sin, sinh, sqrt, tan, tanh);

fn log(a: Args) -> PyResult {
    let [z, base] = args::parse::<2>(a, "log", &["z", "base", "/"], 1)?;
    let z = to_complex(z.expect("z"))?;
    let (r, e) = match base {
        Some(b) => funcs::log_base(z, to_complex(b)?),
        None => funcs::log(z),
    };
    errno_error(e)?;
    Ok(new_complex(r.re, r.im))
}

fn phase(a: Args) -> PyResult {
    let z = to_complex(unary(&a, "phase")?)?;
    Ok(new_float(z.im.atan2(z.re)))
}

fn polar(a: Args) -> PyResult {
    let z = to_complex(unary(&a, "polar")?)?;
    let phi = z.im.atan2(z.re);
    let (r, e) = funcs::abs(z);
    errno_error(e)?;
    Ok(tuple::new_tuple(vec![new_float(r), new_float(phi)]))
}

fn rect(a: Args) -> PyResult {
    let [r, phi] = args::parse::<2>(a, "rect", &["r", "phi", "/"], 2)?;
    let (r, phi) = (ops::to_f64(r.expect("r"))?, ops::to_f64(phi.expect("phi"))?);
    let (z, e) = funcs::rect(r, phi);
    errno_error(e)?;
    Ok(new_complex(z.re, z.im))
}

fn isfinite(a: Args) -> PyResult {
    let z = to_complex(unary(&a, "isfinite")?)?;
    Ok(new_bool(z.re.is_finite() && z.im.is_finite()))
}

fn isnan(a: Args) -> PyResult {
    let z = to_complex(unary(&a, "isnan")?)?;
    Ok(new_bool(z.re.is_nan() || z.im.is_nan()))
}

fn isinf(a: Args) -> PyResult {
    let z = to_complex(unary(&a, "isinf")?)?;
    Ok(new_bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn isclose(a: Args) -> PyResult {
    if a.nargs > 2 {
        return Err(PyErr::type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", a.nargs)));
    }
    let [x, y, rel_tol, abs_tol] = args::parse::<4>(a, "isclose", &["a", "b", "*", "rel_tol", "abs_tol"], 2)?;
    let x = to_complex(x.expect("a"))?;
    let y = to_complex(y.expect("b"))?;
    let rel_tol = match rel_tol {
        Some(t) => ops::to_f64(t)?,
        None => 1e-9,
    };
    let abs_tol = match abs_tol {
        Some(t) => ops::to_f64(t)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x.re == y.re && x.im == y.im {
        return Ok(new_bool(true));
    }
    if x.re.is_infinite() || x.im.is_infinite() || y.re.is_infinite() || y.im.is_infinite() {
        return Ok(new_bool(false));
    }
    let diff = funcs::abs(C { re: x.re - y.re, im: x.im - y.im }).0;
    let close = diff <= rel_tol * funcs::abs(y).0 || diff <= rel_tol * funcs::abs(x).0 || diff <= abs_tol;
    Ok(new_bool(close))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("acos", acos),
    MethodDef::method("acosh", acosh),
    MethodDef::method("asin", asin),
    MethodDef::method("asinh", asinh),
    MethodDef::method("atan", atan),
    MethodDef::method("atanh", atanh),
    MethodDef::method("cos", cos),
    MethodDef::method("cosh", cosh),
    MethodDef::method("exp", exp),
    MethodDef::method("isclose", isclose),
    MethodDef::method("isfinite", isfinite),
    MethodDef::method("isinf", isinf),
    MethodDef::method("isnan", isnan),
    MethodDef::method("log", log),
    MethodDef::method("log10", log10),
    MethodDef::method("phase", phase),
    MethodDef::method("polar", polar),
    MethodDef::method("rect", rect),
    MethodDef::method("sin", sin),
    MethodDef::method("sinh", sinh),
    MethodDef::method("sqrt", sqrt),
    MethodDef::method("tan", tan),
    MethodDef::method("tanh", tanh),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("cmath");
    let mo = m.downcast::<ModuleObj>().ok_or_else(|| PyErr::system_error("module"))?;
    mo.add_functions(&m, FUNCS);
    mo.set_attr(
        "__doc__",
        crate::types::str::new_str("This module provides access to mathematical functions for complex\nnumbers."),
    );
    mo.set_attr("pi", new_float(std::f64::consts::PI));
    mo.set_attr("e", new_float(std::f64::consts::E));
    mo.set_attr("tau", new_float(std::f64::consts::TAU));
    mo.set_attr("inf", new_float(f64::INFINITY));
    mo.set_attr("infj", new_complex(0.0, f64::INFINITY));
    mo.set_attr("nan", new_float(f64::NAN));
    mo.set_attr("nanj", new_complex(0.0, f64::NAN));
    Ok(m)
}
