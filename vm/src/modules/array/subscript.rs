//! `a[i]`, `a[i:j:k]`, item and slice assignment, and deletion.

use crate::object::Obj;
use crate::runtime::{PyErr, PyResult};
use crate::types::int;
use crate::types::slice::SliceObj;

use super::array_type::{new_array, this, ArrayObj};

/// An index key (`__index__`), None for other objects; values beyond
/// `Py_ssize_t` raise IndexError ("cannot fit 'int' into an index-sized
/// integer"), as `PyNumber_AsSsize_t(key, IndexError)` does.
fn index_key(key: &Obj) -> PyResult<Option<i64>> {
    if key.isa::<SliceObj>() {
        return Ok(None);
    }
    int::index_of(key)
}

pub fn array_getitem(o: &Obj, key: &Obj) -> PyResult {
    let a = this(o);
    if let Some(i) = index_key(key)? {
        let n = a.len() as i64;
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err(PyErr::index_error("array index out of range"));
        }
        return a.item(i as usize)?.ok_or_else(|| PyErr::index_error("array index out of range"));
    }
    let Some(sl) = key.downcast::<SliceObj>() else {
        return Err(PyErr::type_error("array indices must be integers"));
    };
    let (start, _, step, len) = sl.indices(a.len())?;
    let sz = a.itemsize();
    let data = a.with_data(|d| {
        let mut out = Vec::with_capacity(len * sz);
        // (`__index__` of the slice bounds may have shrunk the array.)
        if step == 1 {
            let s = (start as usize * sz).min(d.len());
            out.extend_from_slice(&d[s..(s + len * sz).min(d.len())]);
        } else {
            for k in 0..len as i64 {
                let i = (start + k * step) as usize;
                out.extend_from_slice(d.get(i * sz..(i + 1) * sz).unwrap_or_default());
            }
        }
        out
    });
    Ok(new_array(a.code(), data))
}

pub fn array_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let a = this(o);
    if let Some(i) = index_key(key)? {
        let n = a.len() as i64;
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err(PyErr::index_error("array assignment index out of range"));
        }
        let sz = a.itemsize();
        let at = i as usize * sz;
        return match value {
            None => {
                a.check_resize()?;
                a.with_data_mut(|d| {
                    if at + sz <= d.len() {
                        d.drain(at..at + sz);
                    }
                });
                Ok(())
            }
            Some(v) => {
                let b = a.pack(v)?;
                a.with_data_mut(|d| {
                    if let Some(slot) = d.get_mut(at..at + sz) {
                        slot.copy_from_slice(&b);
                    }
                });
                Ok(())
            }
        };
    }
    let Some(sl) = key.downcast::<SliceObj>() else {
        return Err(PyErr::type_error("array indices must be integers"));
    };
    let (start, stop, step, slicelen) = sl.indices(a.len())?;
    let new = match value {
        None => None,
        Some(v) => {
            let Some(other) = v.downcast::<ArrayObj>() else {
                return Err(PyErr::type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    v.class().name()
                )));
            };
            if other.code() != a.code() {
                return Err(PyErr::type_error("bad argument type for built-in operation"));
            }
            // A copy, so `a[i:j] = a` reads the old items.
            Some(other.bytes())
        }
    };
    let sz = a.itemsize();
    let needed = new.as_ref().map_or(0, |b| b.len() / sz);
    if needed == 0 || needed != slicelen {
        a.check_resize()?;
    }
    if step == 1 {
        // For `a[2:1] = ...` the insertion point is `start`.
        let stop = stop.max(start);
        let (s, e) = (start as usize * sz, stop as usize * sz);
        let new = new.unwrap_or_default();
        return a.with_data_mut(|d| {
            d.try_reserve(new.len()).map_err(|_| PyErr::memory_error())?;
            let (s, e) = (s.min(d.len()), e.min(d.len()));
            d.splice(s..e, new);
            Ok(())
        });
    }
    let Some(new) = new.filter(|_| needed != 0) else {
        // Deleting an extended slice; assigning an empty array does the
        // same (CPython's behaviour).
        let mut idx: Vec<usize> = (0..slicelen as i64).map(|k| (start + k * step) as usize).collect();
        idx.sort_unstable();
        a.with_data_mut(|d| {
            let mut out = Vec::with_capacity(d.len().saturating_sub(idx.len() * sz));
            let mut next = idx.iter().peekable();
            for (i, item) in d.chunks_exact(sz).enumerate() {
                if next.peek() == Some(&&i) {
                    next.next();
                } else {
                    out.extend_from_slice(item);
                }
            }
            *d = out;
        });
        return Ok(());
    };
    if needed != slicelen {
        return Err(PyErr::value_error(format!(
            "attempt to assign array of size {needed} to extended slice of size {slicelen}"
        )));
    }
    a.with_data_mut(|d| {
        for (k, item) in new.chunks_exact(sz).enumerate() {
            let i = (start + k as i64 * step) as usize;
            if let Some(slot) = d.get_mut(i * sz..(i + 1) * sz) {
                slot.copy_from_slice(item);
            }
        }
    });
    Ok(())
}
