//! `int` methods and attributes.

use crate::object::Obj;
use crate::runtime::PyResult;
use crate::types::int::{self, IntObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef};
use crate::util::args;

fn m_bit_length(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "bit_length")?;
    let i = s.downcast::<IntObj>().expect("int");
    Ok(int::from_u64(match i.val() {
        int::IntVal::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
        int::IntVal::Big(b) => b.bits(),
    }))
}

fn m_conjugate(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "conjugate")?;
    int::int_exact(s)
}

fn m_getnewargs(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__getnewargs__")?;
    Ok(crate::types::tuple::new_tuple(vec![int::int_exact(s)?]))
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
    let [s, spec] = args::exact::<2>(a, "__format__")?;
    let spec = crate::types::str::expect_str(spec, "format_spec")?;
    if spec.is_empty() {
        return crate::ops::str(s);
    }
    crate::format::spec::format_int(s.downcast::<IntObj>().expect("int"), spec)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("__format__", m_format),
    MethodDef::method("bit_length", m_bit_length),
    MethodDef::method("conjugate", m_conjugate),
    MethodDef::method("__getnewargs__", m_getnewargs),
];

pub static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("real", g_real),
    GetSetDef::getter("imag", g_imag),
    GetSetDef::getter("numerator", g_numerator),
    GetSetDef::getter("denominator", g_denominator),
];
