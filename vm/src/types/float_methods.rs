//! `float` methods and attributes.

use crate::object::Obj;
use crate::runtime::PyResult;
use crate::types::float::{new_float, FloatObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef};
use crate::util::args;

fn value(o: &Obj) -> f64 {
    o.downcast::<FloatObj>().expect("float").value()
}

fn m_is_integer(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "is_integer")?;
    let v = value(s);
    Ok(crate::types::new_bool(v.is_finite() && v.fract() == 0.0))
}

fn m_conjugate(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "conjugate")?;
    Ok(new_float(value(s)))
}

fn g_real(o: &Obj) -> PyResult {
    Ok(new_float(value(o)))
}
fn g_imag(_o: &Obj) -> PyResult {
    Ok(new_float(0.0))
}

fn m_format(a: Args) -> PyResult {
    let [s, spec] = args::exact::<2>(a, "__format__")?;
    let spec = crate::types::str::expect_str(spec, "format_spec")?;
    crate::format::spec::format_float(value(s), spec)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("__format__", m_format),
    MethodDef::method("is_integer", m_is_integer),
    MethodDef::method("conjugate", m_conjugate),
];

pub static GETSETS: &[GetSetDef] = &[GetSetDef::getter("real", g_real), GetSetDef::getter("imag", g_imag)];
