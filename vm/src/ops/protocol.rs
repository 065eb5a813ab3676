//! Object protocols: repr/str, hashing, truth, length, subscripting,
//! membership, iteration, formatting, isinstance/issubclass.

use crate::object::{AsObj, Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{new_str, StrObj};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::TypeObj;
use crate::types::{exceptions, int};

/// `repr(obj)`.
pub fn repr(obj: &Obj) -> PyResult {
    crate::eval::check_native_stack()?;
    let r = match obj.class().repr.get() {
        Some(f) => f(obj)?,
        None => return crate::types::object::object_repr(obj),
    };
    if !r.isa::<StrObj>() {
        return Err(PyErr::type_error(format!("__repr__ returned non-string (type {})", r.class().name())));
    }
    Ok(r)
}

/// `str(obj)`.
pub fn str(obj: &Obj) -> PyResult {
    if obj.class().is(&crate::types::str::STR_TYPE) {
        return Ok(obj.to_owned());
    }
    crate::eval::check_native_stack()?;
    let r = match obj.class().str.get() {
        Some(f) => f(obj)?,
        None => return repr(obj),
    };
    if !r.isa::<StrObj>() {
        return Err(PyErr::type_error(format!("__str__ returned non-string (type {})", r.class().name())));
    }
    Ok(r)
}

/// `repr(obj)` as a Rust String.
pub fn repr_string(obj: &Obj) -> PyResult<String> {
    let r = repr(obj)?;
    Ok(r.downcast::<StrObj>().expect("str").as_str().to_owned())
}

/// `str(obj)` as a Rust String.
pub fn str_string(obj: &Obj) -> PyResult<String> {
    let r = str(obj)?;
    Ok(r.downcast::<StrObj>().expect("str").as_str().to_owned())
}

/// `str(obj)`, or a placeholder if that raises (for error reporting paths).
pub fn str_lossy(obj: &Obj) -> String {
    match str_string(obj) {
        Ok(s) => s,
        Err(_) => format!("<{} object>", obj.class().name()),
    }
}

/// `ascii(obj)`.
pub fn ascii(obj: &Obj) -> PyResult {
    let r = repr_string(obj)?;
    Ok(crate::types::str::from_string(ascii_escape(&r)))
}

/// Escapes non-ASCII characters as `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v < 0x100 {
            out.push_str(&format!("\\x{v:02x}"));
        } else if v < 0x10000 {
            out.push_str(&format!("\\u{v:04x}"));
        } else {
            out.push_str(&format!("\\U{v:08x}"));
        }
    }
    out
}

/// `hash(obj)`.
#[inline]
pub fn hash(obj: &Obj) -> PyResult<i64> {
    if let Some(s) = obj.downcast_exact::<StrObj>() {
        return Ok(s.hash_value());
    }
    match obj.class().hash.get() {
        Some(f) => f(obj),
        None => Err(unhashable(obj)),
    }
}

#[cold]
pub fn unhashable(obj: &Obj) -> PyErr {
    PyErr::type_error(format!("unhashable type: '{}'", obj.class().name()))
}

/// `bool(obj)`.
#[inline]
pub fn is_true(obj: &Obj) -> PyResult<bool> {
    if obj.is_true_singleton() {
        return Ok(true);
    }
    if obj.is_false_singleton() || obj.is_none() {
        return Ok(false);
    }
    let t = obj.class();
    if let Some(f) = t.number.bool.get() {
        return f(obj);
    }
    if let Some(f) = t.len.get() {
        return Ok(f(obj)? != 0);
    }
    Ok(true)
}

/// `len(obj)`.
pub fn len(obj: &Obj) -> PyResult<usize> {
    match obj.class().len.get() {
        Some(f) => f(obj),
        None => Err(PyErr::type_error(format!("object of type '{}' has no len()", obj.class().name()))),
    }
}

/// `obj[key]`.
#[inline]
pub fn getitem(obj: &Obj, key: &Obj) -> PyResult {
    if let Some(f) = obj.class().getitem.get() {
        return f(obj, key);
    }
    if let Some(t) = obj.downcast::<TypeObj>() {
        if let Some(cg) = crate::ops::lookup_attr(t.as_obj(), "__class_getitem__")? {
            return crate::ops::call1(&cg, key);
        }
        if t.is(&crate::types::typeobj::TYPE_TYPE) {
            return crate::types::genericalias::new_alias(obj, key);
        }
        return Err(PyErr::type_error(format!("type '{}' is not subscriptable", t.name())));
    }
    Err(PyErr::type_error(format!("'{}' object is not subscriptable", obj.class().name())))
}

/// `obj[key] = value`.
pub fn setitem(obj: &Obj, key: &Obj, value: &Obj) -> PyResult<()> {
    match obj.class().setitem.get() {
        Some(f) => f(obj, key, Some(value)),
        None => Err(PyErr::type_error(format!("'{}' object does not support item assignment", obj.class().name()))),
    }
}

/// `del obj[key]`.
pub fn delitem(obj: &Obj, key: &Obj) -> PyResult<()> {
    match obj.class().setitem.get() {
        Some(f) => f(obj, key, None),
        None => Err(PyErr::type_error(format!("'{}' object doesn't support item deletion", obj.class().name()))),
    }
}

/// `item in container`.
pub fn contains(container: &Obj, item: &Obj) -> PyResult<bool> {
    if let Some(f) = container.class().contains.get() {
        return f(container, item);
    }
    // Fall back to iteration (which covers __getitem__-based sequences).
    let it = match iter(container) {
        Ok(it) => it,
        Err(e) if e.matches(&exceptions::TYPE_ERROR) => {
            return Err(PyErr::type_error(format!("argument of type '{}' is not iterable", container.class().name())))
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = next(&it)? {
        if x.is(item) || super::eq_bool(&x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `iter(obj)`.
pub fn iter(obj: &Obj) -> PyResult {
    let t = obj.class();
    if let Some(f) = t.iter.get() {
        let it = f(obj)?;
        if it.class().iternext.get().is_none() {
            return Err(PyErr::type_error(format!("iter() returned non-iterator of type '{}'", it.class().name())));
        }
        return Ok(it);
    }
    if t.getitem.get().is_some() && !t.is_subtype(&crate::types::dict_type::DICT_TYPE) {
        return Ok(crate::types::iterators::new_seq_iter(obj));
    }
    Err(PyErr::type_error(format!("'{}' object is not iterable", t.name())))
}

/// The next item of an iterator: Ok(None) when exhausted. A `StopIteration`
/// raised by the iterator also means exhaustion (its value is dropped), as for
/// every consumer of `tp_iternext` in CPython; `next()` itself calls the slot
/// directly to keep the exception.
#[inline]
pub fn next(it: &Obj) -> PyResult<Option<PyRef>> {
    match it.class().iternext.get() {
        Some(f) => match f(it) {
            Err(e) if e.matches(&exceptions::STOP_ITERATION) => Ok(None),
            r => r,
        },
        None => Err(PyErr::type_error(format!("'{}' object is not an iterator", it.class().name()))),
    }
}

/// Collects an iterable into a Vec (fast paths for list and tuple).
pub fn collect_vec(obj: &Obj) -> PyResult<Vec<PyRef>> {
    if let Some(t) = obj.downcast_exact::<TupleObj>() {
        return Ok(t.as_slice().to_vec());
    }
    if let Some(l) = obj.downcast_exact::<crate::types::list::ListObj>() {
        return Ok(l.to_vec());
    }
    let it = iter(obj)?;
    // Room for the promised length up front, as CPython's list(): an absurd
    // promise is a MemoryError before any item is produced.
    let hint = if obj.class().len.get().is_some() || it.class().lookup_str("__length_hint__").is_some() {
        length_hint(obj, 0)?
    } else {
        0
    };
    let mut out = crate::util::mem::vec_with_capacity(hint)?;
    while let Some(x) = next(&it)? {
        crate::util::mem::push(&mut out, x)?;
    }
    Ok(out)
}

/// CPython's `PyObject_LengthHint`: `len(obj)`, else `obj.__length_hint__()`,
/// else `default`.
pub fn length_hint(obj: &Obj, default: usize) -> PyResult<usize> {
    if obj.class().len.get().is_some() {
        match len(obj) {
            Ok(n) => return Ok(n),
            Err(e) if e.matches(&exceptions::TYPE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = super::lookup_special(obj, "__length_hint__")? else {
        return Ok(default);
    };
    let r = match super::call0(&hint) {
        Ok(r) => r,
        Err(e) if e.matches(&exceptions::TYPE_ERROR) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is_not_implemented() {
        return Ok(default);
    }
    if !r.isa::<int::IntObj>() {
        return Err(PyErr::type_error(format!("__length_hint__ must be an integer, not {}", r.class().name())));
    }
    let n = int::expect_i64(&r, "ssize_t")?;
    if n < 0 {
        return Err(PyErr::value_error("__length_hint__() should return >= 0"));
    }
    Ok(n as usize)
}

/// `format(obj, spec)`.
pub fn format(obj: &Obj, spec: &Obj) -> PyResult {
    let spec_s = spec
        .downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("format() argument 2 must be str, not {}", spec.class().name())))?;
    if spec_s.byte_len() == 0 {
        if obj.class().is(&crate::types::str::STR_TYPE) {
            return Ok(obj.to_owned());
        }
        if obj.class().is(&int::INT_TYPE) {
            return str(obj);
        }
    }
    let Some(f) = obj.class().lookup_str("__format__") else {
        return Err(PyErr::type_error(format!("Type {} doesn't define __format__", obj.class().name())));
    };
    let r = super::call_method_obj(&f, obj, &[spec])?;
    if !r.isa::<StrObj>() {
        return Err(PyErr::type_error(format!("__format__ must return a str, not {}", r.class().name())));
    }
    Ok(r)
}

/// `format(obj, "spec")`.
pub fn format_str(obj: &Obj, spec: &str) -> PyResult {
    format(obj, &new_str(spec))
}

fn classinfo_error() -> PyErr {
    PyErr::type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

/// `isinstance(obj, cls)` including `__instancecheck__` and tuples.
pub fn isinstance(obj: &Obj, cls: &Obj) -> PyResult<bool> {
    crate::eval::check_native_stack()?;
    // An instance of exactly `cls` is an instance, whatever __instancecheck__ says.
    if obj.class().as_obj_ref().is(cls) {
        return Ok(true);
    }
    if let Some(t) = cls.downcast_exact::<TypeObj>() {
        return Ok(obj.class().is_subtype(t) || class_attr_is_subtype(obj, t)?);
    }
    if let Some(tup) = cls.downcast::<TupleObj>() {
        for c in tup.as_slice() {
            if isinstance(obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(u) = crate::types::genericalias::union_args(cls) {
        for c in u {
            if isinstance(obj, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = cls.class().lookup_str("__instancecheck__") {
        let r = super::call_method_obj(&check, cls, &[obj])?;
        return is_true(&r);
    }
    if let Some(t) = cls.downcast::<TypeObj>() {
        return Ok(obj.class().is_subtype(t));
    }
    if super::lookup_attr(cls, "__bases__")?.is_none() {
        return Err(classinfo_error());
    }
    abstract_isinstance(obj, cls)
}

/// `obj.__class__` may differ from `type(obj)` (proxies); CPython checks both.
fn class_attr_is_subtype(obj: &Obj, t: &TypeObj) -> PyResult<bool> {
    if obj
        .class()
        .lookup_str("__class__")
        .is_some_and(|d| d.class().is(&crate::types::builtin_func::GETSET_DESCRIPTOR_TYPE))
    {
        return Ok(false);
    }
    match super::lookup_attr(obj, "__class__")? {
        Some(c) if !c.is(obj.class().as_obj()) => match c.downcast::<TypeObj>() {
            Some(ct) => Ok(ct.is_subtype(t)),
            None => Ok(false),
        },
        _ => Ok(false),
    }
}

fn abstract_isinstance(obj: &Obj, cls: &Obj) -> PyResult<bool> {
    let Some(c) = super::lookup_attr(obj, "__class__")? else { return Ok(false) };
    abstract_issubclass(&c, cls)
}

fn abstract_issubclass(derived: &Obj, cls: &Obj) -> PyResult<bool> {
    if derived.is(cls) {
        return Ok(true);
    }
    let Some(bases) = super::lookup_attr(derived, "__bases__")? else { return Ok(false) };
    let Some(bases) = bases.downcast::<TupleObj>() else { return Ok(false) };
    for b in bases.as_slice() {
        if abstract_issubclass(b, cls)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `issubclass(derived, cls)` including `__subclasscheck__` and tuples.
pub fn issubclass(derived: &Obj, cls: &Obj) -> PyResult<bool> {
    crate::eval::check_native_stack()?;
    if let (Some(d), Some(c)) = (derived.downcast::<TypeObj>(), cls.downcast_exact::<TypeObj>()) {
        return Ok(d.is_subtype(c));
    }
    if let Some(tup) = cls.downcast::<TupleObj>() {
        for c in tup.as_slice() {
            if issubclass(derived, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(u) = crate::types::genericalias::union_args(cls) {
        for c in u {
            if issubclass(derived, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = cls.class().lookup_str("__subclasscheck__") {
        let r = super::call_method_obj(&check, cls, &[derived])?;
        return is_true(&r);
    }
    if !derived.isa::<TypeObj>() && super::lookup_attr(derived, "__bases__")?.is_none() {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    if let (Some(d), Some(c)) = (derived.downcast::<TypeObj>(), cls.downcast::<TypeObj>()) {
        return Ok(d.is_subtype(c));
    }
    if super::lookup_attr(cls, "__bases__")?.is_none() {
        return Err(PyErr::type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    }
    abstract_issubclass(derived, cls)
}
