//! Attribute access: `getattr`, `setattr`, `delattr` and method lookup.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions;
use crate::types::str::{intern, StrObj};

fn name_str(name: &Obj) -> PyResult<&StrObj> {
    name.downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("attribute name must be string, not '{}'", name.class().name())))
}

/// `getattr(obj, name)` with `name` a str object.
#[inline]
pub fn getattr(obj: &Obj, name: &Obj) -> PyResult {
    let name = name_str(name)?;
    getattr_s(obj, name)
}

/// `getattr(obj, name)`.
#[inline]
pub fn getattr_s(obj: &Obj, name: &StrObj) -> PyResult {
    match obj.class().getattro.get() {
        Some(f) => f(obj, name),
        None => crate::types::object::generic_getattr(obj, name),
    }
}

/// `getattr(obj, "name")`.
pub fn getattr_str(obj: &Obj, name: &str) -> PyResult {
    let n = intern(name);
    getattr_s(obj, n.downcast::<StrObj>().expect("interned str"))
}

/// `getattr(obj, name, None)`-like: Ok(None) when the attribute is missing
/// (AttributeError), other errors propagate.
pub fn lookup_attr(obj: &Obj, name: &str) -> PyResult<Option<PyRef>> {
    match getattr_str(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exceptions::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Like [`lookup_attr`] with a str object name.
pub fn lookup_attr_obj(obj: &Obj, name: &Obj) -> PyResult<Option<PyRef>> {
    match getattr(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exceptions::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `setattr(obj, name, value)`; `None` deletes.
pub fn setattr(obj: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let name = name_str(name)?;
    setattr_s(obj, name, value)
}

pub fn setattr_s(obj: &Obj, name: &StrObj, value: Option<&Obj>) -> PyResult<()> {
    match obj.class().setattro.get() {
        Some(f) => f(obj, name, value),
        None => {
            let what = if value.is_some() { "assign to" } else { "delete" };
            Err(PyErr::type_error(format!(
                "'{}' object has no attributes ({what} .{})",
                obj.class().name(),
                name.as_str()
            )))
        }
    }
}

pub fn setattr_str(obj: &Obj, name: &str, value: &Obj) -> PyResult<()> {
    let n = intern(name);
    setattr_s(obj, n.downcast::<StrObj>().expect("interned str"), Some(value))
}

/// `hasattr(obj, name)`.
pub fn hasattr(obj: &Obj, name: &str) -> PyResult<bool> {
    Ok(lookup_attr(obj, name)?.is_some())
}

/// Looks a special method up on the type (not the instance), binding it.
/// Returns None if the type lacks it.
pub fn lookup_special(obj: &Obj, name: &str) -> PyResult<Option<PyRef>> {
    let Some(f) = obj.class().lookup_str(name) else {
        return Ok(None);
    };
    match f.class().descr_get.get() {
        Some(get) => Ok(Some(get(&f, Some(obj), Some(obj.class()))?)),
        None => Ok(Some(f)),
    }
}

/// Calls a special method looked up on the type, or returns None if missing.
pub fn call_special(obj: &Obj, name: &str, args: &[&Obj]) -> PyResult<Option<PyRef>> {
    let Some(f) = obj.class().lookup_str(name) else {
        return Ok(None);
    };
    Ok(Some(super::call_method_obj(&f, obj, args)?))
}
