//! `object.__reduce_ex__` / `__getstate__` (the copy and pickle protocol).

use crate::object::{Obj};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::tuple::new_tuple;
use crate::types::none;

/// `object.__getstate__()`: the instance dict (None if empty or absent).
pub fn getstate(o: &Obj) -> PyResult {
    match crate::types::instance::get_dict(o) {
        Some(d) if crate::ops::len(&d)? > 0 => Ok(d),
        _ => Ok(none()),
    }
}

/// `object.__reduce_ex__(2)`: `(copyreg.__newobj__, (cls,), state)`.
pub fn reduce(o: &Obj) -> PyResult {
    let t = o.class();
    if t.is_static() && !t.is(&crate::types::object::OBJECT_TYPE) {
        return Err(PyErr::type_error(format!("cannot pickle '{}' object", t.name())));
    }
    let copyreg = crate::import::import_module("copyreg")?;
    let newobj = ops::getattr_str(&copyreg, "__newobj__")?;
    let args = match ops::call_special(o, "__getnewargs__", &[])? {
        Some(extra) => {
            let mut v = vec![t.as_obj_ref().to_owned()];
            v.extend(ops::collect_vec(&extra)?);
            new_tuple(v)
        }
        None => new_tuple(vec![t.as_obj_ref().to_owned()]),
    };
    let state = match ops::lookup_attr(o, "__getstate__")? {
        Some(g) => ops::call0(&g)?,
        None => getstate(o)?,
    };
    Ok(new_tuple(vec![newobj, args, state]))
}

