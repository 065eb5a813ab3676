//! `object`: the root type, and the generic attribute protocol every type
//! without its own `getattro`/`setattro` uses.

use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::exceptions;
use crate::types::instance;
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{flags, Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, none, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

/// The `hash` slot of unhashable types (`__hash__ = None`).
pub fn hash_not_implemented(obj: &Obj) -> PyResult<i64> {
    Err(ops::unhashable(obj))
}

/// `object.__getattribute__`: data descriptors on the type, then the instance
/// dict, then other class attributes.
pub fn generic_getattr(obj: &Obj, name: &StrObj) -> PyResult {
    match generic_getattr_opt(obj, name)? {
        Some(v) => Ok(v),
        None => Err(PyErr::no_attribute(obj, name.as_str())),
    }
}

/// Like [`generic_getattr`] but Ok(None) when the attribute is missing.
#[inline]
pub fn generic_getattr_opt(obj: &Obj, name: &StrObj) -> PyResult<Option<PyRef>> {
    let ty = obj.class();
    let descr = ty.lookup(name);
    let mut getter = None;
    if let Some(d) = &descr {
        let dt = d.class();
        getter = dt.descr_get.get();
        if let Some(g) = getter {
            if dt.descr_set.get().is_some() {
                return g(d, Some(obj), Some(ty)).map(Some);
            }
        }
    }
    if let Some(dict) = instance::get_dict(obj) {
        if let Some(d) = dict.downcast::<DictObj>() {
            if let Some(v) = d.get_str(name) {
                return Ok(Some(v));
            }
        }
    }
    if let (Some(g), Some(d)) = (getter, &descr) {
        return g(d, Some(obj), Some(ty)).map(Some);
    }
    Ok(descr)
}

/// `object.__setattr__` / `object.__delattr__`.
pub fn generic_setattr(obj: &Obj, name: &StrObj, value: Option<&Obj>) -> PyResult<()> {
    let ty = obj.class();
    if let Some(d) = ty.lookup(name) {
        if let Some(set) = d.class().descr_set.get() {
            return set(&d, obj, value);
        }
    }
    let Some(dict) = instance::get_or_create_dict(obj) else {
        if ty.lookup(name).is_some() {
            return Err(PyErr::new(
                &exceptions::ATTRIBUTE_ERROR,
                format!("'{}' object attribute '{}' is read-only", ty.name(), name.as_str()),
            ));
        }
        return Err(PyErr::no_attribute(obj, name.as_str()));
    };
    let d = dict.downcast::<DictObj>().ok_or_else(|| PyErr::type_error("instance __dict__ is not a dict"))?;
    match value {
        Some(v) => {
            d.set_item(name.as_obj(), v.to_owned())?;
            Ok(())
        }
        None => match d.del_item(name.as_obj())? {
            Some(_) => Ok(()),
            None => Err(PyErr::no_attribute(obj, name.as_str())),
        },
    }
}

/// The module name used in default reprs (`None` for builtins).
pub fn type_module_name(t: &TypeObj) -> Option<String> {
    if t.is_static() {
        return if t.module == "builtins" { None } else { Some(t.module.to_string()) };
    }
    let m = t.lookup_own(crate::types::str::intern("__module__").downcast::<StrObj>()?)?;
    let s = m.downcast::<StrObj>()?.as_str().to_string();
    if s == "builtins" {
        None
    } else {
        Some(s)
    }
}

/// `object.__repr__`.
pub fn object_repr(obj: &Obj) -> PyResult {
    let t = obj.class();
    let q = t.qualname();
    Ok(from_string(match type_module_name(t) {
        Some(m) => format!("<{m}.{q} object at {:#x}>", obj.as_ptr() as usize),
        None => format!("<{q} object at {:#x}>", obj.as_ptr() as usize),
    }))
}

fn object_str(obj: &Obj) -> PyResult {
    ops::repr(obj)
}

/// CPython's pointer hash.
pub fn pointer_hash(obj: &Obj) -> i64 {
    let y = obj.as_ptr() as usize;
    let y = y.rotate_right(4) as i64;
    if y == -1 {
        -2
    } else {
        y
    }
}

fn object_hash(obj: &Obj) -> PyResult<i64> {
    Ok(pointer_hash(obj))
}

fn object_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq => Ok(if a.is(b) { new_bool(true) } else { not_implemented() }),
        CompareOp::Ne => {
            // Default __ne__ inverts __eq__ unless it returned NotImplemented.
            let Some(eq) = a.class().richcompare.get() else { return Ok(not_implemented()) };
            let r = eq(a, b, CompareOp::Eq)?;
            if r.is_not_implemented() {
                return Ok(r);
            }
            Ok(new_bool(!ops::is_true(&r)?))
        }
        _ => Ok(not_implemented()),
    }
}

fn excess_args(a: &Args) -> bool {
    !a.all.is_empty()
}

#[inline]
fn same<F: Copy + Into<FnAddr>>(a: Option<F>, b: usize) -> bool {
    a.map(|f| f.into().0) == Some(b)
}

pub struct FnAddr(usize);
impl From<crate::types::typeobj::NewFn> for FnAddr {
    fn from(f: crate::types::typeobj::NewFn) -> Self {
        FnAddr(f as usize)
    }
}
impl From<crate::types::typeobj::InitFn> for FnAddr {
    fn from(f: crate::types::typeobj::InitFn) -> Self {
        FnAddr(f as usize)
    }
}

/// `object.__new__`: allocates a plain instance of `t`.
pub fn object_new(t: &TypeObj, a: Args) -> PyResult {
    if excess_args(&a) {
        if !same(t.new.get(), object_new as *const () as usize) {
            return Err(PyErr::type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if same(t.init.get(), object_init as *const () as usize) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    if t.has_flag(flags::IS_ABSTRACT) {
        return Err(abstract_error(t));
    }
    // A native type whose payload goes beyond the object header is built by
    // its own `new`; allocating it here would leave the payload zeroed (and
    // e.g. `type(len)()` would crash).
    let mut solid = t;
    while !solid.is_static() {
        match solid.base() {
            Some(b) => solid = b,
            None => break,
        }
    }
    if !solid.is(&OBJECT_TYPE) && solid.solid_size.get() > std::mem::size_of::<Obj>() {
        return Err(PyErr::type_error(format!("cannot create '{}' instances", solid.name())));
    }
    Ok(instance::alloc_instance(t))
}

fn abstract_error(t: &TypeObj) -> PyErr {
    let names = ops::lookup_attr(t.as_obj_ref(), "__abstractmethods__")
        .ok()
        .flatten()
        .and_then(|s| ops::collect_vec(&s).ok())
        .map(|mut v| {
            let mut names: Vec<String> = v.drain(..).map(|x| ops::str_lossy(&x)).collect();
            names.sort();
            names
        })
        .unwrap_or_default();
    let s = if names.len() == 1 { "" } else { "s" };
    PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{s} {}",
        t.name(),
        names.join(", ")
    ))
}

/// `object.__init__`.
pub fn object_init(obj: &Obj, a: Args) -> PyResult<()> {
    if excess_args(&a) {
        let t = obj.class();
        if !same(t.init.get(), object_init as *const () as usize) {
            return Err(PyErr::type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if same(t.new.get(), object_new as *const () as usize) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    Ok(())
}

fn g_class(obj: &Obj) -> PyResult {
    Ok(obj.class().as_obj_ref().to_owned())
}

fn s_class(obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(new) = v.downcast::<TypeObj>() else {
        return Err(PyErr::type_error(format!("__class__ must be set to a class, not '{}' object", v.class().name())));
    };
    instance::set_class(obj, new)
}

fn m_reduce_ex(a: Args) -> PyResult {
    let [s, proto] = args::exact::<2>(a, "__reduce_ex__")?;
    let proto = crate::types::int::expect_i64(proto, "int")?;
    // A class overriding `__reduce__` is reduced by it, as in CPython.
    if let Some(r) = s.class().lookup_str("__reduce__") {
        if !OBJECT_TYPE.lookup_str("__reduce__").is_some_and(|base| base.is(&r)) {
            let bound = ops::getattr_str(s, "__reduce__")?;
            return ops::call0(&bound);
        }
    }
    if proto >= 2 {
        crate::types::object_reduce::reduce(s)
    } else {
        crate::types::object_reduce::reduce_old(s, proto)
    }
}

fn m_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    crate::types::object_reduce::reduce_old(s, 0)
}

fn m_getstate(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__getstate__")?;
    crate::types::object_reduce::getstate(s)
}

fn m_dir(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__dir__")?;
    crate::builtins::dir_of_object(s)
}

fn m_format(a: Args) -> PyResult {
    let [s, spec] = args::exact::<2>(a, "__format__")?;
    let spec = crate::types::str::expect_str(spec, "format_spec")?;
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!("unsupported format string passed to {}.__format__", s.class().name())));
    }
    ops::str(s)
}

fn m_sizeof(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__sizeof__")?;
    Ok(int::from_usize(s.class().basicsize.get()))
}

fn m_init_subclass(_a: Args) -> PyResult {
    if _a.all.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            _a.all[0].downcast::<TypeObj>().map_or("object".to_string(), |t| t.name())
        )));
    }
    Ok(none())
}

fn m_subclasshook(_a: Args) -> PyResult {
    Ok(not_implemented())
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("__reduce_ex__", m_reduce_ex),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__getstate__", m_getstate),
    MethodDef::method("__dir__", m_dir),
    MethodDef::method("__format__", m_format),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::class("__init_subclass__", m_init_subclass),
    MethodDef::class("__subclasshook__", m_subclasshook),
];

static GETSETS: &[GetSetDef] = &[GetSetDef::getset("__class__", g_class, s_class)];

crate::static_type! {
    pub static OBJECT_TYPE: crate::object::Obj = "object" {
        flags: BASETYPE,
        doc: "The base class of the class hierarchy.",
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            repr: object_repr, str: object_str, hash: object_hash, richcompare: object_richcompare,
            getattro: generic_getattr, setattro: generic_setattr, new: object_new, init: object_init,
        },
    }
}
