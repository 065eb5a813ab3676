//! The mutating methods of `bytearray`: append, extend, insert, pop, remove,
//! clear, copy, reverse, plus `__alloc__` and the pickle protocol.

use crate::object::Obj;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytearray::{byte_value, new_bytearray, this};
use crate::types::bytes::bytes_from_iterable;
use crate::types::bytes_args::{buffer, noargs, one, positional, ssize_arg};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::{int, none};

pub fn m_append(a: crate::types::typeobj::Args) -> PyResult {
    let (s, item) = one(a, "append")?;
    let v = byte_value(item)?;
    this(s).data.with_mut(|d| d.push(v));
    Ok(none())
}

pub fn m_extend(a: crate::types::typeobj::Args) -> PyResult {
    let (s, iterable) = one(a, "extend")?;
    let new = match buffer(iterable) {
        Some(b) => b.into_owned(),
        None => {
            if ops::iter(iterable).is_err() {
                return Err(PyErr::type_error(format!("can't extend bytearray with {}", iterable.class().name())));
            }
            bytes_from_iterable(iterable, "bytearray", "byte must be in range(0, 256)")?
        }
    };
    this(s).data.with_mut(|d| {
        d.try_reserve(new.len()).map_err(|_| PyErr::memory_error())?;
        d.extend_from_slice(&new);
        Ok::<(), PyErr>(())
    })?;
    Ok(none())
}

pub fn m_insert(a: crate::types::typeobj::Args) -> PyResult {
    let (s, [index, item]) = positional::<2>(a, "insert", 2)?;
    let index = ssize_arg(index.expect("required"))?;
    let v = byte_value(item.expect("required"))?;
    this(s).data.with_mut(|d| {
        let n = d.len() as i64;
        let i = if index < 0 { (index + n).max(0) } else { index.min(n) };
        d.insert(i as usize, v);
    });
    Ok(none())
}

pub fn m_pop(a: crate::types::typeobj::Args) -> PyResult {
    let (s, [index]) = positional::<1>(a, "pop", 0)?;
    let index = match index {
        Some(i) => ssize_arg(i)?,
        None => -1,
    };
    let v = this(s).data.with_mut(|d| {
        if d.is_empty() {
            return Err(PyErr::index_error("pop from empty bytearray"));
        }
        match crate::types::seq::norm_index(index, d.len()) {
            Some(i) => Ok(d.remove(i)),
            None => Err(PyErr::index_error("pop index out of range")),
        }
    })?;
    Ok(int::new_int(v as i64))
}

pub fn m_remove(a: crate::types::typeobj::Args) -> PyResult {
    let (s, value) = one(a, "remove")?;
    let v = byte_value(value)?;
    let found = this(s).data.with_mut(|d| d.iter().position(|&b| b == v).map(|i| d.remove(i)));
    match found {
        Some(_) => Ok(none()),
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

pub fn m_clear(a: crate::types::typeobj::Args) -> PyResult {
    let s = noargs(a, "clear")?;
    let old = this(s).data.replace(Vec::new());
    drop(old);
    Ok(none())
}

pub fn m_copy(a: crate::types::typeobj::Args) -> PyResult {
    let s = noargs(a, "copy")?;
    Ok(new_bytearray(this(s).data.get_clone()))
}

pub fn m_reverse(a: crate::types::typeobj::Args) -> PyResult {
    let s = noargs(a, "reverse")?;
    this(s).data.with_mut(|d| d.reverse());
    Ok(none())
}

/// `__alloc__()`: the allocated size (CPython keeps room for a trailing NUL).
pub fn m_alloc(a: crate::types::typeobj::Args) -> PyResult {
    let s = noargs(a, "__alloc__")?;
    let cap = this(s).data.with(|d| if d.capacity() == 0 { 0 } else { d.capacity().max(d.len() + 1) });
    Ok(int::from_usize(cap))
}

/// `(type(self), args, state)`: protocols below 3 encode the data as a
/// latin-1 str, later ones pass bytes.
fn reduce(s: &Obj, proto: i64) -> PyResult {
    let data = this(s).data.get_clone();
    let args = if proto < 3 {
        let text: String = data.iter().map(|&b| b as char).collect();
        new_tuple(vec![new_str(&text), new_str("latin-1")])
    } else {
        new_tuple(vec![crate::types::bytes::from_vec(data)])
    };
    let state = match ops::lookup_attr(s, "__getstate__")? {
        Some(g) => ops::call0(&g)?,
        None => crate::types::object_reduce::getstate(s)?,
    };
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), args, state]))
}

pub fn m_reduce(a: crate::types::typeobj::Args) -> PyResult {
    let s = noargs(a, "__reduce__")?;
    reduce(s, 0)
}

pub fn m_reduce_ex(a: crate::types::typeobj::Args) -> PyResult {
    let (s, [proto]) = positional::<1>(a, "__reduce_ex__", 0)?;
    let proto = match proto {
        Some(p) => int::expect_i64(p, "int")?,
        None => 0,
    };
    reduce(s, proto)
}
