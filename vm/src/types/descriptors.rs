//! `property`, `staticmethod` and `classmethod`.

use std::cell::Cell;

use crate::object::abi::{entry, NativeCall};
use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{new_bool, none};
use crate::util::args;

#[repr(C)]
pub struct PropertyObj {
    pub ob: Obj,
    fget: PyCell<Option<PyRef>>,
    fset: PyCell<Option<PyRef>>,
    fdel: PyCell<Option<PyRef>>,
    doc: PyCell<Option<PyRef>>,
    name: PyCell<Option<PyRef>>,
    getter_doc: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for PropertyObj {
    fn class() -> &'static TypeObj {
        &PROPERTY_TYPE
    }
}

fn prop(o: &Obj) -> &PropertyObj {
    o.downcast::<PropertyObj>().expect("property")
}

fn some_not_none(o: Option<&Obj>) -> Option<PyRef> {
    o.filter(|x| !x.is_none()).map(|x| x.to_owned())
}

fn property_new(t: &TypeObj, _a: Args) -> PyResult {
    let p = PropertyObj {
        ob: Obj::new(t),
        fget: PyCell::new(None),
        fset: PyCell::new(None),
        fdel: PyCell::new(None),
        doc: PyCell::new(None),
        name: PyCell::new(None),
        getter_doc: Cell::new(false),
    };
    Ok(crate::object::alloc::alloc_object(t, p, 0))
}

fn property_init(o: &Obj, a: Args) -> PyResult<()> {
    let [fget, fset, fdel, doc] = args::parse(a, "property", &["fget", "fset", "fdel", "doc"], 0)?;
    let p = prop(o);
    p.fget.set_opt(some_not_none(fget));
    p.fset.set_opt(some_not_none(fset));
    p.fdel.set_opt(some_not_none(fdel));
    let mut doc = some_not_none(doc);
    if doc.is_none() {
        if let Some(g) = p.fget.get_clone() {
            if let Some(d) = ops::lookup_attr(&g, "__doc__")? {
                if !d.is_none() {
                    doc = Some(d);
                    p.getter_doc.set(true);
                }
            }
        }
    }
    if o.class().is(&PROPERTY_TYPE) {
        p.doc.set_opt(doc);
    } else if let Some(d) = doc {
        // Subclasses store the doc in their instance dict, as CPython does.
        ops::setattr_str(o, "__doc__", &d)?;
    }
    Ok(())
}

fn prop_name_repr(p: &PropertyObj) -> String {
    p.name.get_clone().map(|n| ops::repr_string(&n).unwrap_or_default()).unwrap_or_default()
}

fn property_get(o: &Obj, obj: Option<&Obj>, _t: Option<&TypeObj>) -> PyResult {
    let Some(obj) = obj else { return Ok(o.to_owned()) };
    let p = prop(o);
    match p.fget.get_clone() {
        Some(f) => ops::call1(&f, obj),
        None => {
            let msg = match p.name.get_clone() {
                Some(_) => format!("property {} of '{}' object has no getter", prop_name_repr(p), obj.class().name()),
                None => "unreadable attribute".into(),
            };
            Err(PyErr::new(&exceptions::ATTRIBUTE_ERROR, msg))
        }
    }
}

fn property_set(o: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let p = prop(o);
    let (f, what) = match value {
        Some(_) => (p.fset.get_clone(), "setter"),
        None => (p.fdel.get_clone(), "deleter"),
    };
    let Some(f) = f else {
        let msg = match p.name.get_clone() {
            Some(_) => format!("property {} of '{}' object has no {what}", prop_name_repr(p), obj.class().name()),
            None if value.is_some() => "can't set attribute".into(),
            None => "can't delete attribute".into(),
        };
        return Err(PyErr::new(&exceptions::ATTRIBUTE_ERROR, msg));
    };
    match value {
        Some(v) => ops::call2(&f, obj, v)?,
        None => ops::call1(&f, obj)?,
    };
    Ok(())
}

/// `prop.getter(f)` / `setter` / `deleter`: a copy with one accessor replaced.
fn property_copy(o: &Obj, get: Option<&Obj>, set: Option<&Obj>, del: Option<&Obj>) -> PyResult {
    let p = prop(o);
    let fget = get.map(|x| x.to_owned()).or_else(|| p.fget.get_clone()).unwrap_or_else(none);
    let fset = set.map(|x| x.to_owned()).or_else(|| p.fset.get_clone()).unwrap_or_else(none);
    let fdel = del.map(|x| x.to_owned()).or_else(|| p.fdel.get_clone()).unwrap_or_else(none);
    let doc = if p.getter_doc.get() && get.is_some() { none() } else { p.doc.get_clone().unwrap_or_else(none) };
    let new = ops::call(o.class().as_obj_ref(), &[&fget, &fset, &fdel, &doc], None)?;
    if let Some(np) = new.downcast::<PropertyObj>() {
        np.name.set_opt(p.name.get_clone());
    }
    Ok(new)
}

fn m_getter(a: Args) -> PyResult {
    let [s, f] = args::exact::<2>(a, "getter")?;
    property_copy(s, Some(f), None, None)
}
fn m_setter(a: Args) -> PyResult {
    let [s, f] = args::exact::<2>(a, "setter")?;
    property_copy(s, None, Some(f), None)
}
fn m_deleter(a: Args) -> PyResult {
    let [s, f] = args::exact::<2>(a, "deleter")?;
    property_copy(s, None, None, Some(f))
}
fn m_set_name(a: Args) -> PyResult {
    let [s, _owner, name] = args::exact::<3>(a, "__set_name__")?;
    prop(s).name.set_opt(Some(name.to_owned()));
    Ok(none())
}

fn g_fget(o: &Obj) -> PyResult {
    Ok(prop(o).fget.get_clone().unwrap_or_else(none))
}
fn g_fset(o: &Obj) -> PyResult {
    Ok(prop(o).fset.get_clone().unwrap_or_else(none))
}
fn g_fdel(o: &Obj) -> PyResult {
    Ok(prop(o).fdel.get_clone().unwrap_or_else(none))
}
fn g_doc(o: &Obj) -> PyResult {
    Ok(prop(o).doc.get_clone().unwrap_or_else(none))
}
fn s_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    prop(o).doc.set_opt(v.map(|v| v.to_owned()));
    Ok(())
}
fn g_isabstract(o: &Obj) -> PyResult {
    let p = prop(o);
    for f in [p.fget.get_clone(), p.fset.get_clone(), p.fdel.get_clone()].into_iter().flatten() {
        if let Some(v) = ops::lookup_attr(&f, "__isabstractmethod__")? {
            if ops::is_true(&v)? {
                return Ok(new_bool(true));
            }
        }
    }
    Ok(new_bool(false))
}

fn property_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let p = prop(o);
    for c in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
        c.with(|v| {
            if let Some(v) = v {
                visit(v)
            }
        });
    }
}

static PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef::method("getter", m_getter),
    MethodDef::method("setter", m_setter),
    MethodDef::method("deleter", m_deleter),
    MethodDef::method("__set_name__", m_set_name),
];
static PROPERTY_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("fget", g_fget),
    GetSetDef::getter("fset", g_fset),
    GetSetDef::getter("fdel", g_fdel),
    GetSetDef::getset("__doc__", g_doc, s_doc),
    GetSetDef::getter("__isabstractmethod__", g_isabstract),
];

crate::static_type! {
    pub static PROPERTY_TYPE: PropertyObj = "property" {
        flags: BASETYPE | HAVE_GC,
        methods: PROPERTY_METHODS,
        getsets: PROPERTY_GETSETS,
        slots: {
            new: property_new, init: property_init, descr_get: property_get, descr_set: property_set,
            traverse: property_traverse,
        },
    }
}

/// `staticmethod` and `classmethod` share this layout.
#[repr(C)]
pub struct StaticMethodObj {
    pub ob: Obj,
    func: PyCell<Option<PyRef>>,
    dict: Cell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for StaticMethodObj {
    fn class() -> &'static TypeObj {
        &STATICMETHOD_TYPE
    }
}

impl StaticMethodObj {
    pub fn func(&self) -> PyRef {
        self.func.get_clone().unwrap_or_else(none)
    }
}

/// A classmethod object (same layout as staticmethod).
pub type ClassMethodObj = StaticMethodObj;

fn wrapper_of(o: &Obj) -> &StaticMethodObj {
    // SAFETY: only called from slots of staticmethod/classmethod (and their
    // subclasses), which share the StaticMethodObj layout.
    unsafe { o.downcast_unchecked::<StaticMethodObj>() }
}

pub fn new_staticmethod(f: &Obj) -> PyRef {
    crate::object::alloc::alloc_object(
        &STATICMETHOD_TYPE,
        StaticMethodObj {
            ob: Obj::new(&STATICMETHOD_TYPE.0),
            func: PyCell::new(Some(f.to_owned())),
            dict: Cell::new(None),
        },
        0,
    )
}

pub fn new_classmethod(f: &Obj) -> PyRef {
    crate::object::alloc::alloc_object(
        &CLASSMETHOD_TYPE,
        StaticMethodObj {
            ob: Obj::new(&CLASSMETHOD_TYPE.0),
            func: PyCell::new(Some(f.to_owned())),
            dict: Cell::new(None),
        },
        0,
    )
}

fn sm_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(crate::object::alloc::alloc_object(
        t,
        StaticMethodObj { ob: Obj::new(t), func: PyCell::new(None), dict: Cell::new(None) },
        0,
    ))
}

fn sm_init(o: &Obj, a: Args) -> PyResult<()> {
    let name = if o.class().is_subtype(&CLASSMETHOD_TYPE) { "classmethod" } else { "staticmethod" };
    let [f] = args::parse(a, name, &["function", "/"], 1)?;
    let f = f.expect("function");
    wrapper_of(o).func.set_opt(Some(f.to_owned()));
    // Copy __doc__, __name__, __annotations__ etc. like functools.wraps (CPython 3.10+).
    for attr in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        if let Some(v) = ops::lookup_attr(f, attr)? {
            let d = crate::types::instance::get_or_create_dict(o);
            if let Some(d) = d {
                d.downcast::<crate::types::dict::DictObj>().expect("dict").set_by_str(attr, v);
            }
        }
    }
    Ok(())
}

fn sm_get(o: &Obj, _obj: Option<&Obj>, _t: Option<&TypeObj>) -> PyResult {
    let f = wrapper_of(o).func.get_clone();
    f.ok_or_else(|| PyErr::runtime_error("uninitialized staticmethod object"))
}

struct StaticMethodCall;
impl NativeCall for StaticMethodCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        let f = wrapper_of(callable).func();
        ops::call(&f, args.all, args.kwnames)
    }
}

fn cm_get(o: &Obj, obj: Option<&Obj>, t: Option<&TypeObj>) -> PyResult {
    let f = wrapper_of(o).func.get_clone().ok_or_else(|| PyErr::runtime_error("uninitialized classmethod object"))?;
    let cls: &TypeObj = match (t, obj) {
        (Some(t), _) => t,
        (None, Some(o)) => o.class(),
        (None, None) => return Err(PyErr::type_error("classmethod needs a type")),
    };
    // Chained descriptors (classmethod wrapping property etc.), as in 3.9-3.12.
    if let Some(get) = f.class().descr_get.get() {
        if !f.isa::<crate::types::function::FunctionObj>() {
            return get(&f, Some(cls.as_obj_ref()), Some(cls.as_obj_ref().class()));
        }
    }
    Ok(crate::types::function::new_method(&f, cls.as_obj_ref()))
}

fn sm_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let w = wrapper_of(o);
    w.func.with(|f| {
        if let Some(f) = f {
            visit(f)
        }
    });
    crate::types::instance::traverse_extras(o, visit);
    let d = w.dict.take();
    if let Some(d) = &d {
        visit(d);
    }
    w.dict.set(d);
}

fn g_func(o: &Obj) -> PyResult {
    Ok(wrapper_of(o).func())
}
fn g_sm_isabstract(o: &Obj) -> PyResult {
    let f = wrapper_of(o).func();
    match ops::lookup_attr(&f, "__isabstractmethod__")? {
        Some(v) => Ok(new_bool(ops::is_true(&v)?)),
        None => Ok(new_bool(false)),
    }
}
fn g_sm_dict(o: &Obj) -> PyResult {
    crate::types::instance::dict_of(o)
}

fn sm_repr(o: &Obj) -> PyResult {
    let f = wrapper_of(o).func();
    let kind = if o.class().is_subtype(&CLASSMETHOD_TYPE) { "classmethod" } else { "staticmethod" };
    Ok(crate::types::str::from_string(format!("<{kind}({})>", ops::repr_string(&f)?)))
}

static SM_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__func__", g_func),
    GetSetDef::getter("__wrapped__", g_func),
    GetSetDef::getter("__isabstractmethod__", g_sm_isabstract),
    GetSetDef::getter("__dict__", g_sm_dict),
];

crate::static_type! {
    pub static STATICMETHOD_TYPE: StaticMethodObj = "staticmethod" {
        flags: BASETYPE | HAVE_GC,
        dict_offset: std::mem::offset_of!(StaticMethodObj, dict) as isize,
        getsets: SM_GETSETS,
        slots: {
            new: sm_new, init: sm_init, descr_get: sm_get, call: entry::<StaticMethodCall>,
            traverse: sm_traverse, repr: sm_repr,
        },
    }
}

crate::static_type! {
    pub static CLASSMETHOD_TYPE: StaticMethodObj = "classmethod" {
        flags: BASETYPE | HAVE_GC,
        dict_offset: std::mem::offset_of!(StaticMethodObj, dict) as isize,
        getsets: SM_GETSETS,
        slots: { new: sm_new, init: sm_init, descr_get: cm_get, traverse: sm_traverse, repr: sm_repr },
    }
}
