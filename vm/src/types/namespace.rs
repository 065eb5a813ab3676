//! `types.SimpleNamespace`.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, TypeObj};
use crate::types::{new_bool, not_implemented};
use ember_compiler::bytecode::CompareOp;

/// The payload is a bare object; attributes live in the instance dict.
#[repr(C)]
pub struct NamespaceObj {
    pub ob: Obj,
    dict: std::cell::Cell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl crate::object::PyPayload for NamespaceObj {
    fn class() -> &'static TypeObj {
        &NAMESPACE_TYPE
    }
}

fn ns_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(crate::object::alloc::alloc_object(t, NamespaceObj { ob: Obj::new(t), dict: std::cell::Cell::new(None) }, 0))
}

fn ns_init(o: &Obj, a: Args) -> PyResult<()> {
    if a.nargs > 1 {
        return Err(PyErr::type_error(format!("SimpleNamespace expected at most 1 argument, got {}", a.nargs)));
    }
    let d = crate::types::instance::get_or_create_dict(o).expect("namespace dict");
    let dd = d.downcast::<DictObj>().expect("dict");
    if a.nargs == 1 {
        crate::types::dict_type::update_from(dd, a.all[0])?;
    }
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            dd.set_item(k, a.all[a.nargs + i].to_owned())?;
        }
    }
    Ok(())
}

fn ns_repr(o: &Obj) -> PyResult {
    let name = if o.class().is(&NAMESPACE_TYPE) { "namespace".to_string() } else { o.class().name() };
    let r = crate::types::seq::repr_guard(o, || {
        let mut parts = Vec::new();
        if let Some(d) = crate::types::instance::get_dict(o) {
            if let Some(dd) = d.downcast::<DictObj>() {
                for (k, v) in dd.items() {
                    if let Some(ks) = k.downcast::<StrObj>() {
                        parts.push(format!("{}={}", ks.as_str(), ops::repr_string(&v)?));
                    }
                }
            }
        }
        Ok::<_, PyErr>(parts.join(", "))
    });
    Ok(from_string(match r {
        None => format!("{name}(...)"),
        Some(s) => format!("{name}({})", s?),
    }))
}

fn ns_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    if !a.isa::<NamespaceObj>() || !b.isa::<NamespaceObj>() || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let da = crate::types::instance::get_or_create_dict(a).expect("dict");
    let db = crate::types::instance::get_or_create_dict(b).expect("dict");
    let eq = ops::eq_bool(&da, &db)?;
    Ok(new_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn ns_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    crate::types::instance::traverse_extras(o, visit);
    if let Some(d) = crate::types::instance::get_dict(o) {
        visit(&d);
    }
}

static GETSETS: &[crate::types::typeobj::GetSetDef] = &[crate::types::type_new::INSTANCE_DICT_GETSET_REF];

crate::static_type! {
    pub static NAMESPACE_TYPE: NamespaceObj = "SimpleNamespace" {
        module: "types",
        flags: BASETYPE | HAVE_GC,
        dict_offset: std::mem::offset_of!(NamespaceObj, dict) as isize,
        getsets: GETSETS,
        slots: {
            new: ns_new, init: ns_init, repr: ns_repr, richcompare: ns_richcompare, traverse: ns_traverse,
            hash: crate::types::object::hash_not_implemented,
        },
    }
}

/// A namespace holding a module's attributes (for `sys.implementation`).
pub fn from_module(m: &PyRef) -> PyResult {
    let ns = ns_new(&NAMESPACE_TYPE, Args { all: &[], nargs: 0, kwnames: None })?;
    let md = ops::getattr_str(m, "__dict__")?;
    let d = crate::types::instance::get_or_create_dict(&ns).expect("dict");
    for (k, v) in md.downcast::<DictObj>().expect("dict").items() {
        if !StrObj::text(&k).starts_with("__") {
            d.downcast::<DictObj>().expect("dict").set_item(&k, v)?;
        }
    }
    Ok(ns)
}
