//! The singletons `None`, `NotImplemented` and `Ellipsis` and their types.

use crate::object::{Obj, PyRef, Static};
use crate::runtime::{PyErr, PyResult};
use crate::types::str::new_str;
use crate::types::typeobj::{Args, MethodDef, TypeObj};

/// The payload of a singleton: just a header.
#[repr(C)]
pub struct Singleton {
    pub ob: Obj,
}

fn none_repr(_: &Obj) -> PyResult {
    Ok(new_str("None"))
}
fn none_bool(_: &Obj) -> PyResult<bool> {
    Ok(false)
}
fn none_new(_: &TypeObj, args: Args) -> PyResult {
    if args.all.is_empty() {
        Ok(none())
    } else {
        Err(PyErr::type_error("NoneType takes no arguments"))
    }
}
fn ni_repr(_: &Obj) -> PyResult {
    Ok(new_str("NotImplemented"))
}
fn ni_new(_: &TypeObj, args: Args) -> PyResult {
    if args.all.is_empty() {
        Ok(not_implemented())
    } else {
        Err(PyErr::type_error("NotImplementedType takes no arguments"))
    }
}
fn ni_bool(_: &Obj) -> PyResult<bool> {
    crate::modules::warnings::warn_deprecation("NotImplemented should not be used in a boolean context")?;
    Ok(true)
}
fn ellipsis_repr(_: &Obj) -> PyResult {
    Ok(new_str("Ellipsis"))
}
fn ellipsis_new(_: &TypeObj, args: Args) -> PyResult {
    if args.all.is_empty() {
        Ok(ellipsis())
    } else {
        Err(PyErr::type_error("ellipsis takes no arguments"))
    }
}

/// `__reduce__` of NotImplemented and Ellipsis: pickled as the builtin name.
fn ni_reduce(a: Args) -> PyResult {
    crate::util::args::exact::<1>(a, "__reduce__")?;
    Ok(new_str("NotImplemented"))
}
fn ellipsis_reduce(a: Args) -> PyResult {
    crate::util::args::exact::<1>(a, "__reduce__")?;
    Ok(new_str("Ellipsis"))
}
static NI_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", ni_reduce)];
static ELLIPSIS_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", ellipsis_reduce)];

crate::static_type! {
    pub static NONE_TYPE: Singleton = "NoneType" {
        flags: READY,
        slots: { repr: none_repr, new: none_new },
        number: { bool: none_bool },
    }
}
crate::static_type! {
    pub static NOT_IMPLEMENTED_TYPE: Singleton = "NotImplementedType" {
        flags: READY,
        methods: NI_METHODS,
        slots: { repr: ni_repr, new: ni_new },
        number: { bool: ni_bool },
    }
}
crate::static_type! {
    pub static ELLIPSIS_TYPE: Singleton = "ellipsis" {
        flags: READY,
        methods: ELLIPSIS_METHODS,
        slots: { repr: ellipsis_repr, new: ellipsis_new },
    }
}

pub static NONE: Static<Singleton> = Static(Singleton { ob: Obj::immortal(&NONE_TYPE.0) });
pub static NOT_IMPLEMENTED: Static<Singleton> = Static(Singleton { ob: Obj::immortal(&NOT_IMPLEMENTED_TYPE.0) });
pub static ELLIPSIS: Static<Singleton> = Static(Singleton { ob: Obj::immortal(&ELLIPSIS_TYPE.0) });

/// `None` (immortal: no refcount traffic).
#[inline(always)]
pub fn none() -> PyRef {
    NONE.ob.to_owned()
}

#[inline(always)]
pub fn none_ref() -> &'static Obj {
    &NONE.ob
}

#[inline(always)]
pub fn not_implemented() -> PyRef {
    NOT_IMPLEMENTED.ob.to_owned()
}

#[inline(always)]
pub fn ellipsis() -> PyRef {
    ELLIPSIS.ob.to_owned()
}

impl Obj {
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.is(&NONE.ob)
    }
    #[inline(always)]
    pub fn is_not_implemented(&self) -> bool {
        self.is(&NOT_IMPLEMENTED.ob)
    }
}
