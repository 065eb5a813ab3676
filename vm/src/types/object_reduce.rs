//! `object.__reduce_ex__` / `__getstate__` (the copy and pickle protocol).

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::none;
use crate::types::tuple::new_tuple;

/// `object.__getstate__()`: the instance dict (None if empty or absent),
/// paired with a dict of the `__slots__` values when the class has slots.
pub fn getstate(o: &Obj) -> PyResult {
    let dict_state = match crate::types::instance::get_dict(o) {
        Some(d) if crate::ops::len(&d)? > 0 => d,
        _ => none(),
    };
    let names = slot_names(o.class())?;
    if names.is_empty() {
        return Ok(dict_state);
    }
    let slots = crate::types::dict::new_dict();
    let sd = slots.downcast::<crate::types::dict::DictObj>().expect("dict");
    for name in names {
        if let Some(v) = ops::lookup_attr(o, &name)? {
            sd.set_item(&crate::types::str::new_str(&name), v)?;
        }
    }
    if sd.is_empty() {
        return Ok(dict_state);
    }
    Ok(new_tuple(vec![dict_state, slots]))
}

/// The (mangled) names of the `__slots__` of `t` and its bases, without
/// `__dict__` and `__weakref__` (CPython's `copyreg._slotnames`).
fn slot_names(t: &crate::types::typeobj::TypeObj) -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    let Some(mro) = t.mro_tuple() else { return Ok(out) };
    let Some(mro) = mro.downcast::<crate::types::tuple::TupleObj>() else { return Ok(out) };
    for c in mro.as_slice() {
        let Some(ct) = c.downcast::<crate::types::typeobj::TypeObj>() else { continue };
        if ct.is_static() {
            continue;
        }
        let Some(slots) = ct.lookup_own(crate::types::str::intern("__slots__").downcast().expect("str")) else {
            continue;
        };
        let names = if slots.isa::<crate::types::str::StrObj>() { vec![slots] } else { ops::collect_vec(&slots)? };
        let cls_name = ct.name();
        for n in names {
            let n = ops::str_string(&n)?;
            if n == "__dict__" || n == "__weakref__" {
                continue;
            }
            let stripped = cls_name.trim_start_matches('_');
            if n.starts_with("__") && !n.ends_with("__") && !stripped.is_empty() {
                out.push(format!("_{stripped}{n}"));
            } else {
                out.push(n);
            }
        }
    }
    Ok(out)
}

/// `object.__reduce_ex__(2)`: `(copyreg.__newobj__, (cls, *newargs), state, listitems, dictitems)`.
pub fn reduce(o: &Obj) -> PyResult {
    let t = o.class();
    if t.is_static() && !t.is(&crate::types::object::OBJECT_TYPE) {
        return Err(PyErr::type_error(format!("cannot pickle '{}' object", t.name())));
    }
    let copyreg = crate::import::import_module("copyreg")?;
    let cls = t.as_obj_ref().to_owned();
    let (newobj, args) = match new_arguments(o)? {
        (Some(args), Some(kwargs)) if ops::len(&kwargs)? > 0 => {
            (ops::getattr_str(&copyreg, "__newobj_ex__")?, new_tuple(vec![cls, args, kwargs]))
        }
        (Some(args), _) => {
            let mut v = vec![cls];
            v.extend(ops::collect_vec(&args)?);
            (ops::getattr_str(&copyreg, "__newobj__")?, new_tuple(v))
        }
        (None, _) => (ops::getattr_str(&copyreg, "__newobj__")?, new_tuple(vec![cls])),
    };
    let state = match ops::lookup_attr(o, "__getstate__")? {
        Some(g) => ops::call0(&g)?,
        None => getstate(o)?,
    };
    // Lists and dicts (subclasses included) carry their items separately.
    let listitems = if o.class().is_subtype(&crate::types::list::LIST_TYPE) { ops::iter(o)? } else { none() };
    let dictitems = if o.class().is_subtype(&crate::types::dict_type::DICT_TYPE) {
        ops::iter(&*ops::call_method(o, "items", &[])?)?
    } else {
        none()
    };
    Ok(new_tuple(vec![newobj, args, state, listitems, dictitems]))
}

/// The arguments `__new__` needs to rebuild `o`: from `__getnewargs_ex__`
/// (positional tuple and keyword dict), else `__getnewargs__`, else none.
fn new_arguments(o: &Obj) -> PyResult<(Option<crate::object::PyRef>, Option<crate::object::PyRef>)> {
    use crate::types::dict::DictObj;
    use crate::types::tuple::TupleObj;
    if let Some(pair) = ops::call_special(o, "__getnewargs_ex__", &[])? {
        let Some(items) = pair.downcast::<TupleObj>() else {
            return Err(PyErr::type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                pair.class().name()
            )));
        };
        let [args, kwargs] = items.as_slice() else {
            return Err(PyErr::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                items.as_slice().len()
            )));
        };
        if !args.isa::<TupleObj>() {
            return Err(PyErr::type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                args.class().name()
            )));
        }
        if !kwargs.isa::<DictObj>() {
            return Err(PyErr::type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                kwargs.class().name()
            )));
        }
        return Ok((Some(args.clone()), Some(kwargs.clone())));
    }
    match ops::call_special(o, "__getnewargs__", &[])? {
        Some(args) if !args.isa::<TupleObj>() => {
            Err(PyErr::type_error(format!("__getnewargs__ should return a tuple, not '{}'", args.class().name())))
        }
        Some(args) => Ok((Some(args), None)),
        None => Ok((None, None)),
    }
}

/// `object.__reduce_ex__(proto)` below protocol 2 and `object.__reduce__()`:
/// `copyreg._reduce_ex(obj, proto)`.
pub fn reduce_old(o: &Obj, proto: i64) -> PyResult {
    let copyreg = crate::import::import_module("copyreg")?;
    let f = ops::getattr_str(&copyreg, "_reduce_ex")?;
    ops::call(&f, &[o, &crate::types::int::new_int(proto)], None)
}
