//! `super`.

use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::none;
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{Args, GetSetDef, TypeObj};
use ember_compiler::code::local_kind;

/// (type, obj, obj_type) of an initialised `super` object.
type SuperState = (PyRef, Option<PyRef>, Option<PyRef>);

#[repr(C)]
pub struct SuperObj {
    pub ob: Obj,
    /// (type, obj, obj_type)
    state: PyCell<Option<SuperState>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for SuperObj {
    fn class() -> &'static TypeObj {
        &SUPER_TYPE
    }
}

fn super_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(crate::object::alloc::alloc_object(t, SuperObj { ob: Obj::new(t), state: PyCell::new(None) }, 0))
}

/// The type `obj` is checked against: its type, or itself if it is a subclass.
fn supercheck(ty: &TypeObj, obj: &Obj) -> PyResult<PyRef> {
    if let Some(ot) = obj.downcast::<TypeObj>() {
        if ot.is_subtype(ty) {
            return Ok(obj.to_owned());
        }
    }
    if obj.class().is_subtype(ty) {
        return Ok(obj.class().as_obj_ref().to_owned());
    }
    if let Some(c) = ops::lookup_attr(obj, "__class__")? {
        if let Some(ct) = c.downcast::<TypeObj>() {
            if ct.is_subtype(ty) {
                return Ok(c.clone());
            }
        }
    }
    Err(PyErr::type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// Zero-argument `super()`: the `__class__` cell and first argument of the
/// calling frame.
fn implicit_args() -> PyResult<(PyRef, PyRef)> {
    let Some(f) = crate::eval::current_frame() else {
        return Err(PyErr::runtime_error("super(): no current frame"));
    };
    let code = f.code();
    if code.arg_count == 0 && code.flags & ember_compiler::code::code_flags::VARARGS == 0 {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    let mut first = f.local_clone(0);
    if let Some(c) = first.as_ref().and_then(|c| c.downcast::<crate::types::cell::CellObj>()) {
        if code.localsplus_kinds[0] & local_kind::CELL != 0 {
            first = c.get();
        }
    }
    let Some(first) = first else {
        return Err(PyErr::runtime_error("super(): arg[0] deleted"));
    };
    for i in 0..code.nlocalsplus() {
        if code.localsplus_kinds[i] & local_kind::FREE != 0 && StrObj::text(&code.localsplus_names[i]) == "__class__" {
            let cell = f.local_clone(i).ok_or_else(|| PyErr::runtime_error("super(): bad __class__ cell"))?;
            let c = cell
                .downcast::<crate::types::cell::CellObj>()
                .ok_or_else(|| PyErr::runtime_error("super(): bad __class__ cell"))?;
            let Some(t) = c.get() else {
                return Err(PyErr::runtime_error("super(): empty __class__ cell"));
            };
            if !t.isa::<TypeObj>() {
                return Err(PyErr::runtime_error(format!("super(): __class__ is not a type ({})", t.class().name())));
            }
            return Ok((t, first));
        }
    }
    Err(PyErr::runtime_error("super(): __class__ cell not found"))
}

fn super_init(o: &Obj, a: Args) -> PyResult<()> {
    let [ty, obj] = crate::util::args::parse(a, "super", &["type", "obj", "/"], 0)?;
    let (t, obj) = match (ty, obj) {
        (None, _) => {
            let (t, first) = implicit_args()?;
            (t, Some(first))
        }
        (Some(t), obj) => (t.to_owned(), obj.filter(|x| !x.is_none()).map(|x| x.to_owned())),
    };
    let Some(tt) = t.downcast::<TypeObj>() else {
        return Err(PyErr::type_error(format!("super() argument 1 must be a type, not {}", t.class().name())));
    };
    let obj_type = match &obj {
        Some(o) => Some(supercheck(tt, o)?),
        None => None,
    };
    let s = o.downcast::<SuperObj>().expect("super");
    s.state.set_opt(Some((t.clone(), obj, obj_type)));
    Ok(())
}

fn super_getattro(o: &Obj, name: &StrObj) -> PyResult {
    let s = o.downcast::<SuperObj>().expect("super");
    let state = s.state.get_clone();
    if let Some((ty, obj, Some(start))) = &state {
        if name.as_str() != "__class__" {
            let start_t = start.downcast::<TypeObj>().expect("type");
            if let Some(mro) = start_t.mro_tuple() {
                let items = mro.downcast::<TupleObj>().expect("mro").as_slice().to_vec();
                let pos = items.iter().position(|x| x.is(ty)).map_or(items.len(), |p| p + 1);
                for b in &items[pos..] {
                    let Some(bt) = b.downcast::<TypeObj>() else { continue };
                    if let Some(res) = bt.lookup_own(name) {
                        if let Some(get) = res.class().descr_get.get() {
                            let inst = obj.as_ref().filter(|ob| !ob.is(start));
                            return get(&res, inst.map(|x| &**x), Some(start_t));
                        }
                        return Ok(res);
                    }
                }
            }
        }
    }
    crate::types::object::generic_getattr(o, name)
}

fn super_descr_get(o: &Obj, obj: Option<&Obj>, _t: Option<&TypeObj>) -> PyResult {
    let s = o.downcast::<SuperObj>().expect("super");
    let Some((ty, cur, _)) = s.state.get_clone() else { return Ok(o.to_owned()) };
    match obj {
        Some(ob) if cur.is_none() => ops::call(o.class().as_obj_ref(), &[&ty, ob], None),
        _ => Ok(o.to_owned()),
    }
}

fn super_repr(o: &Obj) -> PyResult {
    let s = o.downcast::<SuperObj>().expect("super");
    let Some((ty, _, ot)) = s.state.get_clone() else {
        return Ok(from_string("<super: <class 'NoneType'>, NULL>".into()));
    };
    let tn = ty.downcast::<TypeObj>().map(|t| t.name()).unwrap_or_default();
    Ok(from_string(match ot {
        Some(ot) => format!(
            "<super: <class '{tn}'>, <{} object>>",
            ot.downcast::<TypeObj>().map(|t| t.name()).unwrap_or_default()
        ),
        None => format!("<super: <class '{tn}'>, NULL>"),
    }))
}

fn super_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    o.downcast::<SuperObj>().expect("super").state.with(|s| {
        if let Some((a, b, c)) = s {
            visit(a);
            if let Some(b) = b {
                visit(b);
            }
            if let Some(c) = c {
                visit(c);
            }
        }
    });
}

fn g_thisclass(o: &Obj) -> PyResult {
    Ok(o.downcast::<SuperObj>().expect("super").state.get_clone().map_or_else(none, |s| s.0))
}
fn g_self(o: &Obj) -> PyResult {
    Ok(o.downcast::<SuperObj>().expect("super").state.get_clone().and_then(|s| s.1).unwrap_or_else(none))
}
fn g_self_class(o: &Obj) -> PyResult {
    Ok(o.downcast::<SuperObj>().expect("super").state.get_clone().and_then(|s| s.2).unwrap_or_else(none))
}

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__thisclass__", g_thisclass),
    GetSetDef::getter("__self__", g_self),
    GetSetDef::getter("__self_class__", g_self_class),
];

crate::static_type! {
    pub static SUPER_TYPE: SuperObj = "super" {
        flags: BASETYPE | HAVE_GC,
        getsets: GETSETS,
        slots: {
            new: super_new, init: super_init, getattro: super_getattro, descr_get: super_descr_get,
            repr: super_repr, traverse: super_traverse,
        },
    }
}
