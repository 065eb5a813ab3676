//! `slice` objects and index adjustment.

use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::from_string;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, none, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct SliceObj {
    pub ob: Obj,
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for SliceObj {
    fn class() -> &'static TypeObj {
        &SLICE_TYPE
    }
}

pub fn new_slice(start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    crate::object::alloc::alloc_object(&SLICE_TYPE, SliceObj { ob: Obj::new(&SLICE_TYPE.0), start, stop, step }, 0)
}

fn slice_index(o: &Obj) -> PyResult<i64> {
    int::index_saturating(o)?
        .ok_or_else(|| PyErr::type_error("slice indices must be integers or None or have an __index__ method"))
}

impl SliceObj {
    /// CPython's PySlice_Unpack: (start, stop, step) with defaults, clamped.
    pub fn unpack(&self) -> PyResult<(i64, i64, i64)> {
        let step = if self.step.is_none() { 1 } else { slice_index(&self.step)? };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let step = step.max(-i64::MAX);
        let start = if self.start.is_none() {
            if step < 0 {
                i64::MAX
            } else {
                0
            }
        } else {
            slice_index(&self.start)?
        };
        let stop = if self.stop.is_none() {
            if step < 0 {
                i64::MIN
            } else {
                i64::MAX
            }
        } else {
            slice_index(&self.stop)?
        };
        Ok((start, stop, step))
    }

    /// `(start, stop, step, slicelength)` for a sequence of `len` items.
    pub fn indices(&self, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let (start, stop, step) = self.unpack()?;
        let (s, e, n) = adjust_indices(len as i64, start, stop, step);
        Ok((s, e, step, n))
    }
}

/// CPython's PySlice_AdjustIndices.
pub fn adjust_indices(len: i64, mut start: i64, mut stop: i64, step: i64) -> (i64, i64, usize) {
    if start < 0 {
        start = start.saturating_add(len);
        if start < 0 {
            start = if step < 0 { -1 } else { 0 };
        }
    } else if start >= len {
        start = if step < 0 { len - 1 } else { len };
    }
    if stop < 0 {
        stop = stop.saturating_add(len);
        if stop < 0 {
            stop = if step < 0 { -1 } else { 0 };
        }
    } else if stop >= len {
        stop = if step < 0 { len - 1 } else { len };
    }
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    (start, stop, n)
}

fn this(o: &Obj) -> &SliceObj {
    o.downcast::<SliceObj>().expect("slice")
}

fn slice_new(_t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("slice() takes no keyword arguments"));
    }
    let p = &a.all[..a.nargs];
    match p.len() {
        1 => Ok(new_slice(none(), p[0].to_owned(), none())),
        2 => Ok(new_slice(p[0].to_owned(), p[1].to_owned(), none())),
        3 => Ok(new_slice(p[0].to_owned(), p[1].to_owned(), p[2].to_owned())),
        0 => Err(PyErr::type_error("slice expected at least 1 argument, got 0")),
        n => Err(PyErr::type_error(format!("slice expected at most 3 arguments, got {n}"))),
    }
}

fn slice_repr(o: &Obj) -> PyResult {
    let s = this(o);
    Ok(from_string(format!(
        "slice({}, {}, {})",
        ops::repr_string(&s.start)?,
        ops::repr_string(&s.stop)?,
        ops::repr_string(&s.step)?
    )))
}

fn slice_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<SliceObj>(), b.downcast::<SliceObj>()) else {
        return Ok(not_implemented());
    };
    let tx = new_tuple(vec![x.start.clone(), x.stop.clone(), x.step.clone()]);
    let ty = new_tuple(vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
    ops::richcompare(&tx, &ty, op)
}

fn m_indices(a: Args) -> PyResult {
    let [s, length] = args::exact::<2>(a, "indices")?;
    let len = int::expect_i64(length, "ssize_t")?;
    if len < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (start, stop, step) = this(s).unpack()?;
    let (st, sp, _) = adjust_indices(len, start, stop, step);
    Ok(new_tuple(vec![int::new_int(st), int::new_int(sp), int::new_int(step)]))
}

fn m_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let sl = this(s);
    Ok(new_tuple(vec![
        SLICE_TYPE.as_obj_ref().to_owned(),
        new_tuple(vec![sl.start.clone(), sl.stop.clone(), sl.step.clone()]),
    ]))
}

fn g_start(o: &Obj) -> PyResult {
    Ok(this(o).start.clone())
}
fn g_stop(o: &Obj) -> PyResult {
    Ok(this(o).stop.clone())
}
fn g_step(o: &Obj) -> PyResult {
    Ok(this(o).step.clone())
}

fn slice_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let s = this(o);
    visit(&s.start);
    visit(&s.stop);
    visit(&s.step);
}

static METHODS: &[MethodDef] = &[MethodDef::method("indices", m_indices), MethodDef::method("__reduce__", m_reduce)];
static GETSETS: &[GetSetDef] =
    &[GetSetDef::getter("start", g_start), GetSetDef::getter("stop", g_stop), GetSetDef::getter("step", g_step)];

crate::static_type! {
    pub static SLICE_TYPE: SliceObj = "slice" {
        flags: HAVE_GC,
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: slice_new, repr: slice_repr, richcompare: slice_richcompare, traverse: slice_traverse,
            hash: crate::types::object::hash_not_implemented,
        },
    }
}
