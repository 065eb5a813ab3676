//! `bytearray`: a mutable byte string. Core protocol (construction, repr,
//! comparison, indexing and slice assignment, concatenation and repetition);
//! the mutating methods are in `bytearray_methods.rs`, the methods shared with
//! bytes in `bytes_methods.rs`.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{bytes_from_iterable, repeat_count, repr_bytes, size_arg};
use crate::types::bytes_args::{buffer, byte_int, not_integer, try_alloc};
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, TypeObj};
use crate::types::{int, new_bool, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct ByteArrayObj {
    pub ob: Obj,
    pub(crate) data: PyCell<Vec<u8>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for ByteArrayObj {
    fn class() -> &'static TypeObj {
        &BYTEARRAY_TYPE
    }
}

pub fn new_bytearray(data: Vec<u8>) -> PyRef {
    new_bytearray_of(&BYTEARRAY_TYPE, data)
}

pub fn new_bytearray_of(t: &TypeObj, data: Vec<u8>) -> PyRef {
    crate::object::alloc::alloc_object(t, ByteArrayObj { ob: Obj::new(t), data: PyCell::new(data) }, 0)
}

/// The bytes of a bytearray (None for other types).
pub fn bytearray_data(o: &Obj) -> Option<Vec<u8>> {
    o.downcast::<ByteArrayObj>().map(|b| b.data.get_clone())
}

pub(crate) fn this(o: &Obj) -> &ByteArrayObj {
    o.downcast::<ByteArrayObj>().expect("bytearray")
}

fn ba_repr(o: &Obj) -> PyResult {
    let inner = this(o).data.with(|d| repr_bytes(d, "b", true));
    let name = o.class().name();
    Ok(from_string(format!("{name}({inner})")))
}

fn ba_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    if a.isa::<StrObj>() || b.isa::<StrObj>() {
        if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            crate::modules::warnings::warn_bytes("Comparison between bytearray and string")?;
        }
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (buffer(a), buffer(b)) else {
        return Ok(not_implemented());
    };
    Ok(new_bool(int::compare_result(x.cmp(&y), op)))
}

fn ba_len(o: &Obj) -> PyResult<usize> {
    Ok(this(o).data.with(|d| d.len()))
}

/// An index argument: TypeError with CPython's message for non-integers.
fn index_arg(key: &Obj) -> PyResult<i64> {
    crate::types::seq::seq_index(key, "bytearray")
}

fn ba_getitem(o: &Obj, key: &Obj) -> PyResult {
    let b = this(o);
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let (ustart, ustop, step) = sl.unpack()?;
        let out = b.data.with(|d| {
            let (start, _, len) = crate::types::slice::adjust_indices(d.len() as i64, ustart, ustop, step);
            (0..len).map(|k| d[(start + k as i64 * step) as usize]).collect::<Vec<u8>>()
        });
        return Ok(new_bytearray(out));
    }
    let i = index_arg(key)?;
    match b.data.with(|d| crate::types::seq::norm_index(i, d.len()).map(|i| d[i])) {
        Some(v) => Ok(int::new_int(v as i64)),
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

/// A byte value for item assignment: `byte must be in range(0, 256)`.
pub fn byte_value(v: &Obj) -> PyResult<u8> {
    byte_int(v)?.ok_or_else(|| not_integer(v))
}

/// The bytes assigned to a slice (CPython's `bytearray_ass_subscript` rules).
fn slice_source(v: &Obj) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(v) {
        return Ok(b.into_owned());
    }
    let is_number = v.class().number.index.get().is_some()
        || v.class().number.int.get().is_some()
        || v.class().number.float.get().is_some();
    if is_number || v.isa::<StrObj>() {
        return Err(PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    bytearray_source(v)
}

fn ba_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let b = this(o);
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let new = match value {
            Some(v) => Some(slice_source(v)?),
            None => None,
        };
        let (ustart, ustop, step) = sl.unpack()?;
        return b.data.with_mut(|d| assign_slice(d, ustart, ustop, step, new));
    }
    let i = index_arg(key)?;
    let v = match value {
        Some(v) => Some(byte_value(v)?),
        None => None,
    };
    b.data.with_mut(|d| {
        let Some(i) = crate::types::seq::norm_index(i, d.len()) else {
            return Err(PyErr::index_error("bytearray index out of range"));
        };
        match v {
            Some(v) => d[i] = v,
            None => {
                d.remove(i);
            }
        }
        Ok(())
    })
}

/// `d[start:stop:step] = new` (deletion when `new` is None).
fn assign_slice(d: &mut Vec<u8>, ustart: i64, ustop: i64, step: i64, new: Option<Vec<u8>>) -> PyResult<()> {
    let (start, stop, n) = crate::types::slice::adjust_indices(d.len() as i64, ustart, ustop, step);
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as i64) as usize).min(d.len());
        let new = new.unwrap_or_default();
        if d.len() - (stop - start) + new.len() > isize::MAX as usize {
            return Err(PyErr::memory_error());
        }
        d.splice(start..stop, new);
        return Ok(());
    }
    let idx = |k: usize| (start + k as i64 * step) as usize;
    // Assigning nothing to an extended slice deletes it, as in CPython.
    match new.filter(|v| !v.is_empty()) {
        None => {
            let mut drop_at = vec![false; d.len()];
            (0..n).for_each(|k| drop_at[idx(k)] = true);
            let mut i = 0;
            d.retain(|_| {
                i += 1;
                !drop_at[i - 1]
            });
            Ok(())
        }
        Some(new) if new.len() != n => Err(PyErr::value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            n
        ))),
        Some(new) => {
            for (k, v) in new.into_iter().enumerate() {
                d[idx(k)] = v;
            }
            Ok(())
        }
    }
}

fn ba_contains(o: &Obj, item: &Obj) -> PyResult<bool> {
    crate::types::bytes_search::contains(o, item)
}

fn ba_iter(o: &Obj) -> PyResult {
    Ok(crate::types::bytes_iter::new_bytes_iter(o))
}

fn ba_add(a: &Obj, b: &Obj) -> PyResult {
    if !a.isa::<ByteArrayObj>() {
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (buffer(a), buffer(b)) else {
        return Ok(not_implemented());
    };
    let mut v = try_alloc(x.len() + y.len())?;
    v.extend_from_slice(&x);
    v.extend_from_slice(&y);
    Ok(new_bytearray(v))
}

fn ba_iadd(a: &Obj, b: &Obj) -> PyResult {
    // CPython holds a buffer export of `b` while resizing `a`.
    if a.is(b) && ba_len(a)? > 0 {
        return Err(PyErr::new(
            &crate::types::exceptions::BUFFER_ERROR,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    let Some(y) = buffer(b) else {
        return Err(PyErr::type_error(format!("can't concat {} to bytearray", b.class().name())));
    };
    this(a).data.with_mut(|d| {
        d.try_reserve(y.len()).map_err(|_| PyErr::memory_error())?;
        d.extend_from_slice(&y);
        Ok::<(), PyErr>(())
    })?;
    Ok(a.to_owned())
}

/// `data * count` as a new vector (MemoryError when too large).
fn repeated(d: &[u8], count: i64) -> PyResult<Vec<u8>> {
    if count <= 0 || d.is_empty() {
        return Ok(Vec::new());
    }
    let total = (d.len() as u128) * (count as u128);
    if total > isize::MAX as u128 {
        return Err(PyErr::memory_error());
    }
    let mut v = try_alloc(total as usize)?;
    for _ in 0..count {
        v.extend_from_slice(d);
    }
    Ok(v)
}

fn ba_mul(a: &Obj, b: &Obj) -> PyResult {
    let (s, n) = match (a.downcast::<ByteArrayObj>(), b.downcast::<ByteArrayObj>()) {
        (Some(x), _) => (x, b),
        (None, Some(x)) => (x, a),
        _ => return Ok(not_implemented()),
    };
    let Some(count) = repeat_count(n)? else {
        return Ok(not_implemented());
    };
    let v = s.data.with(|d| repeated(d, count))?;
    Ok(new_bytearray(v))
}

fn ba_imul(a: &Obj, b: &Obj) -> PyResult {
    let Some(count) = repeat_count(b)? else {
        return Ok(not_implemented());
    };
    let ba = this(a);
    let v = ba.data.with(|d| repeated(d, count))?;
    let old = ba.data.replace(v);
    drop(old);
    Ok(a.to_owned())
}

fn ba_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(new_bytearray_of(t, Vec::new()))
}

/// The contents of `bytearray(x)` for a non-str `x` without encoding.
pub fn bytearray_source(x: &Obj) -> PyResult<Vec<u8>> {
    if x.class().number.index.get().is_some() || x.isa::<crate::types::int::IntObj>() {
        if let Some(n) = size_arg(x)? {
            return try_alloc(n).map(|mut v| {
                v.resize(n, 0);
                v
            });
        }
    }
    if let Some(b) = buffer(x) {
        return Ok(b.into_owned());
    }
    bytes_from_iterable(x, "bytearray", "byte must be in range(0, 256)")
}

fn ba_init(o: &Obj, a: Args) -> PyResult<()> {
    let [x, encoding, errors] =
        crate::types::bytes_args::clinic(a, "bytearray", ["source", "encoding", "errors"], 0, 0)?;
    let data = crate::types::bytes::source_with_encoding(x, encoding, errors)?;
    let data = match (data, x) {
        (Some(d), _) => d,
        (None, None) => Vec::new(),
        (None, Some(x)) => bytearray_source(x)?,
    };
    let old = this(o).data.replace(data);
    drop(old);
    Ok(())
}

crate::static_type! {
    pub static BYTEARRAY_TYPE: ByteArrayObj = "bytearray" {
        flags: BASETYPE | SEQUENCE,
        methods: crate::types::bytes_methods::BYTEARRAY_METHODS,
        slots: {
            new: ba_new, init: ba_init, repr: ba_repr, str: ba_str, richcompare: ba_richcompare, len: ba_len,
            getitem: ba_getitem, setitem: ba_setitem, contains: ba_contains, iter: ba_iter,
            hash: crate::types::object::hash_not_implemented,
        },
        number: { add: ba_add, iadd: ba_iadd, mul: ba_mul, imul: ba_imul, rem: crate::types::bytes_format::bytes_mod },
    }
}

fn ba_str(o: &Obj) -> PyResult {
    crate::modules::warnings::warn_bytes("str() on a bytearray instance")?;
    ba_repr(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assigned(start: i64, stop: i64, step: i64, new: Option<&[u8]>) -> Vec<u8> {
        let mut d = b"abcdef".to_vec();
        assert!(assign_slice(&mut d, start, stop, step, new.map(<[u8]>::to_vec)).is_ok());
        d
    }

    #[test]
    fn slice_assignment() {
        assert_eq!(assigned(0, 6, 2, Some(b"xyz")), b"xbydzf");
        assert_eq!(assigned(5, i64::MIN, -2, Some(b"xyz")), b"azcyex");
        assert_eq!(assigned(4, 2, 1, Some(b"XY")), b"abcdXYef");
        assert_eq!(assigned(1, i64::MAX, 2, None), b"ace");
        assert_eq!(assigned(i64::MAX, i64::MIN, -1, None), b"");
        assert_eq!(assigned(0, 0, 1, Some(b"mv")), b"mvabcdef");
        assert_eq!(assigned(5, 1, -2, Some(b"")), b"abce");
    }
}
