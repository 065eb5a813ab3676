//! `ast.AST`, the base of every node class: a bare object whose fields and
//! position attributes live in its instance dict.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::typeobj::{Args, GetSetDef, TypeObj};

/// A node: the header and the instance dict pointer.
#[repr(C)]
pub struct AstObj {
    pub ob: Obj,
    dict: std::cell::Cell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; node classes (Python subclasses)
// share the layout.
unsafe impl crate::object::PyPayload for AstObj {
    fn class() -> &'static TypeObj {
        &AST_TYPE
    }
}

fn ast_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(new_node(t))
}

/// A fresh instance of node class `t` with an empty dict.
pub fn new_node(t: &TypeObj) -> PyRef {
    crate::object::alloc::alloc_object(t, AstObj { ob: Obj::new(t), dict: std::cell::Cell::new(None) }, 0)
}

/// The instance dict of a node (created on first use).
pub fn node_dict(o: &Obj) -> PyResult<PyRef> {
    crate::types::instance::get_or_create_dict(o).ok_or_else(|| PyErr::system_error("AST node without a __dict__"))
}

/// `AST.__init__`: positional arguments fill `_fields` in order, keywords
/// set any attribute; CPython's messages for too many positional arguments
/// and for a field given twice.
fn ast_init(o: &Obj, a: Args) -> PyResult<()> {
    let cls = o.class();
    let fields: Vec<PyRef> = match ops::lookup_attr(cls.as_obj_ref(), "_fields")? {
        Some(f) => {
            ops::len(&f)?;
            ops::collect_vec(&f)?
        }
        None => Vec::new(),
    };
    let name = crate::modules::native_type::short_name(cls);
    if a.nargs > fields.len() {
        return Err(PyErr::type_error(format!(
            "{name} constructor takes at most {} positional argument{}",
            fields.len(),
            if fields.len() == 1 { "" } else { "s" }
        )));
    }
    for (name, value) in fields.iter().zip(&a.all[..a.nargs]) {
        ops::setattr(o, name, Some(value))?;
    }
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            for f in &fields[..a.nargs] {
                if ops::eq_bool(f, k)? {
                    return Err(PyErr::type_error(format!(
                        "{name} got multiple values for argument {}",
                        ops::repr_string(k)?
                    )));
                }
            }
            ops::setattr(o, k, Some(a.all[a.nargs + i]))?;
        }
    }
    Ok(())
}

fn ast_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    crate::types::instance::traverse_extras(o, visit);
    if let Some(d) = crate::types::instance::get_dict(o) {
        visit(&d);
    }
}

static GETSETS: &[GetSetDef] = &[crate::types::type_new::INSTANCE_DICT_GETSET_REF];

crate::static_type! {
    pub static AST_TYPE: AstObj = "ast.AST" {
        module: "ast",
        flags: BASETYPE | HAVE_GC,
        dict_offset: std::mem::offset_of!(AstObj, dict) as isize,
        getsets: GETSETS,
        slots: { new: ast_new, init: ast_init, traverse: ast_traverse },
    }
}

/// Puts `_fields`, `_attributes` and `__match_args__` (all empty) on `AST`.
pub fn finish_base_type() {
    let d = AST_TYPE.dict();
    if let Some(dd) = d.downcast::<DictObj>() {
        for name in ["_fields", "_attributes", "__match_args__"] {
            dd.set_by_str(name, crate::types::tuple::empty_tuple());
        }
    }
    AST_TYPE.modified();
}

/// A tuple of interned names.
pub fn name_tuple(names: &[&str]) -> PyRef {
    crate::types::tuple::new_tuple(names.iter().map(|n| crate::types::str::intern(n)).collect())
}
