//! `mappingproxy`: the read-only view of a type's `__dict__`.

use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::from_string;
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct MappingProxyObj {
    pub ob: Obj,
    mapping: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for MappingProxyObj {
    fn class() -> &'static TypeObj {
        &MAPPINGPROXY_TYPE
    }
}

pub fn new_proxy(mapping: &Obj) -> PyRef {
    crate::object::alloc::alloc_object(
        &MAPPINGPROXY_TYPE,
        MappingProxyObj { ob: Obj::new(&MAPPINGPROXY_TYPE.0), mapping: mapping.to_owned() },
        0,
    )
}

fn m(o: &Obj) -> &PyRef {
    &o.downcast::<MappingProxyObj>().expect("mappingproxy").mapping
}

fn mp_new(_t: &TypeObj, a: Args) -> PyResult {
    let [mapping] = args::parse(a, "mappingproxy", &["mapping"], 1)?;
    let mapping = mapping.expect("mapping");
    if mapping.class().getitem.get().is_none()
        || mapping.isa::<crate::types::list::ListObj>()
        || mapping.isa::<crate::types::tuple::TupleObj>()
    {
        return Err(PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            mapping.class().name()
        )));
    }
    Ok(new_proxy(mapping))
}
fn mp_getitem(o: &Obj, k: &Obj) -> PyResult {
    ops::getitem(m(o), k)
}
fn mp_len(o: &Obj) -> PyResult<usize> {
    ops::len(m(o))
}
fn mp_contains(o: &Obj, k: &Obj) -> PyResult<bool> {
    ops::contains(m(o), k)
}
fn mp_iter(o: &Obj) -> PyResult {
    ops::iter(m(o))
}
fn mp_repr(o: &Obj) -> PyResult {
    Ok(from_string(format!("mappingproxy({})", ops::repr_string(m(o))?)))
}
fn mp_str(o: &Obj) -> PyResult {
    ops::str(m(o))
}
fn mp_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    ops::richcompare(m(a), b, op)
}
fn mp_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(m(o));
}
fn mp_or(a: &Obj, b: &Obj) -> PyResult {
    let left = if a.isa::<MappingProxyObj>() { m(a).clone() } else { a.to_owned() };
    let right = if b.isa::<MappingProxyObj>() { m(b).clone() } else { b.to_owned() };
    ops::binary_op(&left, &right, ember_compiler::bytecode::BinaryOp::Or)
}

macro_rules! forward {
    ($($f:ident => $name:literal),*) => {
        $(fn $f(a: Args) -> PyResult {
            let meth = ops::getattr_str(m(a.all[0]), $name)?;
            ops::call(&meth, &a.all[1..], a.kwnames)
        })*
    };
}
forward!(m_get => "get", m_keys => "keys", m_values => "values", m_items => "items", m_copy => "copy");

static METHODS: &[MethodDef] = &[
    MethodDef::method("get", m_get),
    MethodDef::method("keys", m_keys),
    MethodDef::method("values", m_values),
    MethodDef::method("items", m_items),
    MethodDef::method("copy", m_copy),
];

crate::static_type! {
    pub static MAPPINGPROXY_TYPE: MappingProxyObj = "mappingproxy" {
        flags: HAVE_GC | MAPPING,
        methods: METHODS,
        slots: {
            new: mp_new, getitem: mp_getitem, len: mp_len, contains: mp_contains, iter: mp_iter,
            repr: mp_repr, str: mp_str, richcompare: mp_richcompare, traverse: mp_traverse,
        },
        number: { or: mp_or },
    }
}
