//! Struct sequences (`sys.version_info`, `sys.flags`, ...): tuple subclasses
//! whose items are also readable by name.

use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::int;
use crate::types::str::{from_string, intern, StrObj};
use crate::types::tuple::{new_tuple, TupleObj, TUPLE_TYPE};
use crate::types::typeobj::{Args, MethodDef, TypeObj};

/// A descriptor reading item `index` of a struct sequence.
#[repr(C)]
pub struct FieldObj {
    pub ob: Obj,
    index: usize,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for FieldObj {
    fn class() -> &'static TypeObj {
        &FIELD_TYPE
    }
}

fn field_get(d: &Obj, obj: Option<&Obj>, _t: Option<&TypeObj>) -> PyResult {
    let Some(o) = obj else { return Ok(d.to_owned()) };
    let i = d.downcast::<FieldObj>().expect("field").index;
    let t = o.downcast::<TupleObj>().ok_or_else(|| PyErr::type_error("struct sequence field on a non-tuple"))?;
    t.as_slice().get(i).cloned().ok_or_else(|| PyErr::index_error("struct sequence field out of range"))
}

fn field_set(_d: &Obj, _o: &Obj, _v: Option<&Obj>) -> PyResult<()> {
    Err(PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, "readonly attribute"))
}

crate::static_type! {
    pub static FIELD_TYPE: FieldObj = "member_descriptor" {
        flags: READY,
        slots: { descr_get: field_get, descr_set: field_set },
    }
}

fn structseq_repr(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__repr__")?;
    let t = s.class();
    let fields = ops::getattr_str(t.as_obj_ref(), "_fields")?;
    let names = ops::collect_vec(&fields)?;
    let items = s.downcast::<TupleObj>().expect("tuple").as_slice().to_vec();
    let mut parts = Vec::new();
    for (n, v) in names.iter().zip(items.iter()) {
        parts.push(format!("{}={}", StrObj::text(n), ops::repr_string(v)?));
    }
    let module = ops::getattr_str(t.as_obj_ref(), "__module__").map(|m| ops::str_lossy(&m)).unwrap_or_default();
    let prefix = if module.is_empty() || module == "builtins" { String::new() } else { format!("{module}.") };
    Ok(from_string(format!("{prefix}{}({})", t.name(), parts.join(", "))))
}

fn structseq_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let items = s.downcast::<TupleObj>().expect("tuple").as_slice().to_vec();
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), new_tuple(vec![new_tuple(items)])]))
}

static REPR_DEF: MethodDef = MethodDef::method("__repr__", structseq_repr);
static REDUCE_DEF: MethodDef = MethodDef::method("__reduce__", structseq_reduce);

/// Creates a struct sequence type `module.name` with the given fields.
pub fn new_type(module: &str, name: &str, fields: &[&str]) -> PyResult<PyRef> {
    let ns = new_dict();
    let d = ns.downcast::<DictObj>().expect("dict");
    for (i, f) in fields.iter().enumerate() {
        let desc =
            crate::object::alloc::alloc_object(&FIELD_TYPE, FieldObj { ob: Obj::new(&FIELD_TYPE.0), index: i }, 0);
        d.set_by_str(f, desc);
    }
    d.set_by_str("_fields", new_tuple(fields.iter().map(|f| intern(f)).collect()));
    d.set_by_str("n_fields", int::from_usize(fields.len()));
    d.set_by_str("n_sequence_fields", int::from_usize(fields.len()));
    d.set_by_str("n_unnamed_fields", int::new_int(0));
    d.set_by_str("__module__", intern(module));
    d.set_by_str("__slots__", crate::types::tuple::empty_tuple());
    d.set_by_str("__repr__", crate::types::builtin_func::new_method_descr(&REPR_DEF, &TUPLE_TYPE));
    d.set_by_str("__reduce__", crate::types::builtin_func::new_method_descr(&REDUCE_DEF, &TUPLE_TYPE));
    let bases = new_tuple(vec![TUPLE_TYPE.as_obj_ref().to_owned()]);
    crate::types::type_new::type_new_impl(&crate::types::typeobj::TYPE_TYPE, &intern(name), &bases, &ns, &[])
}

/// Creates an instance of a struct sequence type.
pub fn new_instance(t: &PyRef, values: Vec<PyRef>) -> PyRef {
    let ty = t.downcast::<TypeObj>().expect("type");
    TupleObj::alloc(ty, values.into_iter())
}
