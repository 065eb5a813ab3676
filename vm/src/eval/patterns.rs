//! Runtime support for `match` statements.

use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::StrObj;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{flags, TypeObj};

/// `MATCH_MAPPING`.
pub fn is_mapping(subject: &Obj) -> bool {
    subject.class().has_flag(flags::MAPPING)
}

/// `MATCH_SEQUENCE`: str, bytes and bytearray are excluded.
pub fn is_sequence(subject: &Obj) -> bool {
    let t = subject.class();
    t.has_flag(flags::SEQUENCE)
        && !t.has_flag(flags::UNICODE_SUBCLASS)
        && !t.has_flag(flags::BYTES_SUBCLASS)
        && !t.is_subtype(&crate::types::bytearray::BYTEARRAY_TYPE)
}

/// `MATCH_KEYS`: the values for `keys`, or None if any is missing.
pub fn match_keys(subject: &Obj, keys: &Obj) -> PyResult<Option<PyRef>> {
    let keys = keys.downcast::<TupleObj>().expect("key tuple");
    if keys.is_empty() {
        return Ok(Some(crate::types::tuple::empty_tuple()));
    }
    let get = ops::getattr_str(subject, "get")?;
    let dummy = crate::types::object::object_new(
        &crate::types::object::OBJECT_TYPE,
        crate::types::typeobj::Args { all: &[], nargs: 0, kwnames: None },
    )?;
    let seen = crate::types::set::new_set_from(&crate::types::tuple::empty_tuple())?;
    let mut values = Vec::with_capacity(keys.len());
    for k in keys.as_slice() {
        if crate::types::set::set_contains(&seen, k)? {
            return Err(PyErr::value_error(format!("mapping pattern checks duplicate key ({})", ops::repr_string(k)?)));
        }
        crate::types::set::set_add(&seen, k)?;
        let v = ops::call2(&get, k, &dummy)?;
        if v.is(&dummy) {
            return Ok(None);
        }
        values.push(v);
    }
    Ok(Some(new_tuple(values)))
}

fn is_self_matching(t: &TypeObj) -> bool {
    use crate::types::*;
    let builtins: [&TypeObj; 11] = [
        &bool::BOOL_TYPE,
        &bytearray::BYTEARRAY_TYPE,
        &bytes::BYTES_TYPE,
        &dict_type::DICT_TYPE,
        &float::FLOAT_TYPE,
        &set::FROZENSET_TYPE,
        &int::INT_TYPE,
        &list::LIST_TYPE,
        &set::SET_TYPE,
        &str::STR_TYPE,
        &tuple::TUPLE_TYPE,
    ];
    builtins.iter().any(|b| t.is_subtype(b))
}

/// `MATCH_CLASS`: the positional then keyword attributes, or None.
pub fn match_class(subject: &Obj, cls: &Obj, npos: usize, names: &Obj) -> PyResult<Option<PyRef>> {
    let Some(t) = cls.downcast::<TypeObj>() else {
        return Err(PyErr::type_error("called match pattern must be a class"));
    };
    if !ops::isinstance(subject, cls)? {
        return Ok(None);
    }
    let kw = names.downcast::<TupleObj>().expect("names tuple");
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let lookup = |name: &Obj, seen: &mut Vec<String>| -> PyResult<Option<PyRef>> {
        let n = StrObj::text(name).to_string();
        if seen.contains(&n) {
            return Err(PyErr::type_error(format!("{}() got multiple sub-patterns for attribute '{n}'", t.name())));
        }
        seen.push(n);
        ops::lookup_attr_obj(subject, name)
    };
    if npos > 0 {
        let match_args = ops::lookup_attr(cls, "__match_args__")?;
        match match_args {
            Some(ma) => {
                let Some(mt) = ma.downcast::<TupleObj>() else {
                    return Err(PyErr::type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        t.name(),
                        ma.class().name()
                    )));
                };
                if npos > mt.len() {
                    let s = if mt.len() == 1 { "" } else { "s" };
                    return Err(PyErr::type_error(format!(
                        "{}() accepts {} positional sub-pattern{s} ({} given)",
                        t.name(),
                        mt.len(),
                        npos
                    )));
                }
                for name in &mt.as_slice()[..npos] {
                    if !name.isa::<StrObj>() {
                        return Err(PyErr::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            name.class().name()
                        )));
                    }
                    match lookup(name, &mut seen)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
            }
            None if is_self_matching(t) => {
                if npos > 1 {
                    return Err(PyErr::type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({npos} given)",
                        t.name()
                    )));
                }
                out.push(subject.to_owned());
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "{}() accepts 0 positional sub-patterns ({npos} given)",
                    t.name()
                )))
            }
        }
    }
    for name in kw.as_slice() {
        match lookup(name, &mut seen)? {
            Some(v) => out.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(new_tuple(out)))
}
