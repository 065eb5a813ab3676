//! `bytearray`: a mutable byte string.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{bytes_from_source, bytes_of, contains_in, repr_bytes};
use crate::types::str::from_string;
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
    crate::object::alloc::alloc_object(&BYTEARRAY_TYPE, ByteArrayObj { ob: Obj::new(&BYTEARRAY_TYPE.0), data: PyCell::new(data) }, 0)
}

/// The bytes of a bytearray (None for other types).
pub fn bytearray_data(o: &Obj) -> Option<Vec<u8>> {
    o.downcast::<ByteArrayObj>().map(|b| b.data.get_clone())
}

fn this(o: &Obj) -> &ByteArrayObj {
    o.downcast::<ByteArrayObj>().expect("bytearray")
}

fn ba_repr(o: &Obj) -> PyResult {
    let d = this(o).data.get_clone();
    let name = o.class().name();
    Ok(from_string(format!("{name}({})", repr_bytes(&d, "b"))))
}

fn ba_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) else {
        return Ok(not_implemented());
    };
    Ok(new_bool(int::compare_result(x.cmp(&y), op)))
}

fn ba_len(o: &Obj) -> PyResult<usize> {
    Ok(this(o).data.with(|d| d.len()))
}

fn ba_getitem(o: &Obj, key: &Obj) -> PyResult {
    let d = this(o).data.get_clone();
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let (start, _, step, len) = sl.indices(d.len())?;
        let out: Vec<u8> = (0..len).map(|k| d[(start + k as i64 * step) as usize]).collect();
        return Ok(new_bytearray(out));
    }
    let i = crate::types::seq::seq_index(key, "bytearray")?;
    match crate::types::seq::norm_index(i, d.len()) {
        Some(i) => Ok(int::new_int(d[i] as i64)),
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

fn byte_value(v: &Obj) -> PyResult<u8> {
    match int::index_of(v)? {
        Some(n) if (0..256).contains(&n) => Ok(n as u8),
        Some(_) => Err(PyErr::value_error("byte must be in range(0, 256)")),
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", v.class().name()))),
    }
}

fn ba_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let b = this(o);
    if let Some(sl) = key.downcast::<crate::types::slice::SliceObj>() {
        let len = b.data.with(|d| d.len());
        let (start, stop, step, n) = sl.indices(len)?;
        let new: Vec<u8> = match value {
            None => Vec::new(),
            Some(v) => bytes_from_source(v, None, None, "bytearray")?,
        };
        return b.data.with_mut(|d| {
            if step == 1 {
                let stop = (stop.max(start) as usize).min(d.len());
                let start = (start as usize).min(stop);
                d.splice(start..stop, new);
                Ok(())
            } else if value.is_none() {
                let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                idx.sort_unstable();
                for (m, i) in idx.into_iter().enumerate() {
                    d.remove(i - m);
                }
                Ok(())
            } else if new.len() != n {
                Err(PyErr::value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    new.len(),
                    n
                )))
            } else {
                for (k, v) in new.into_iter().enumerate() {
                    d[(start + k as i64 * step) as usize] = v;
                }
                Ok(())
            }
        });
    }
    let i = crate::types::seq::seq_index(key, "bytearray")?;
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

fn ba_contains(o: &Obj, item: &Obj) -> PyResult<bool> {
    contains_in(&this(o).data.get_clone(), item)
}

fn ba_iter(o: &Obj) -> PyResult {
    Ok(crate::types::iterators::new_seq_iter(o))
}

fn ba_add(a: &Obj, b: &Obj) -> PyResult {
    let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) else {
        return Ok(not_implemented());
    };
    let mut v = x;
    v.extend_from_slice(&y);
    Ok(new_bytearray(v))
}

fn ba_iadd(a: &Obj, b: &Obj) -> PyResult {
    let Some(y) = bytes_of(b) else {
        return Err(PyErr::type_error(format!("can't concat {} to bytearray", b.class().name())));
    };
    this(a).data.with_mut(|d| d.extend_from_slice(&y));
    Ok(a.to_owned())
}

fn ba_mul(a: &Obj, b: &Obj) -> PyResult {
    let (d, n) = match (bytearray_data(a), bytearray_data(b)) {
        (Some(x), _) => (x, b),
        (None, Some(x)) => (x, a),
        _ => return Ok(not_implemented()),
    };
    let Some(count) = int::index_of(n)? else { return Ok(not_implemented()) };
    Ok(new_bytearray(if count <= 0 { Vec::new() } else { d.repeat(count as usize) }))
}

fn ba_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(crate::object::alloc::alloc_object(t, ByteArrayObj { ob: Obj::new(t), data: PyCell::new(Vec::new()) }, 0))
}

fn ba_init(o: &Obj, a: Args) -> PyResult<()> {
    let [x, encoding, errors] = crate::util::args::parse(a, "bytearray", &["source", "encoding", "errors"], 0)?;
    let data = match x {
        None => Vec::new(),
        Some(x) => bytes_from_source(x, encoding, errors, "bytearray")?,
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
            new: ba_new, init: ba_init, repr: ba_repr, richcompare: ba_richcompare, len: ba_len,
            getitem: ba_getitem, setitem: ba_setitem, contains: ba_contains, iter: ba_iter,
            hash: crate::types::object::hash_not_implemented,
        },
        number: { add: ba_add, iadd: ba_iadd, mul: ba_mul },
    }
}
