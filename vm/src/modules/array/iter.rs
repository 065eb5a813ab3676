//! `array.arrayiterator`: iterates by index over the live array (so items
//! appended during iteration are seen), dropping the array when exhausted.

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::PyResult;
use crate::types::iterators::self_iter;
use crate::types::tuple::{empty_tuple, new_tuple};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{int, none};
use crate::util::args;

use super::array_type::this;

#[repr(C)]
pub struct ArrayIterObj {
    pub ob: Obj,
    /// The array; None once exhausted.
    array: PyCell<Option<PyRef>>,
    index: Cell<usize>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for ArrayIterObj {
    fn class() -> &'static TypeObj {
        &ARRAY_ITER_TYPE
    }
}

fn it(o: &Obj) -> &ArrayIterObj {
    o.downcast::<ArrayIterObj>().expect("arrayiterator")
}

pub fn new_array_iter(array: &Obj) -> PyRef {
    crate::object::alloc::alloc_object(
        &ARRAY_ITER_TYPE,
        ArrayIterObj {
            ob: Obj::new(&ARRAY_ITER_TYPE.0),
            array: PyCell::new(Some(array.to_owned())),
            index: Cell::new(0),
        },
        0,
    )
}

fn iter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let s = it(o);
    let Some(arr) = s.array.get_clone() else { return Ok(None) };
    let i = s.index.get();
    if let Some(x) = this(&arr).item(i)? {
        s.index.set(i + 1);
        return Ok(Some(x));
    }
    let old = s.array.replace(None);
    drop(old);
    Ok(None)
}

fn m_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "arrayiterator.__reduce__")?;
    let iter_fn = crate::builtins::builtin("iter")?;
    let s = it(s);
    Ok(match s.array.get_clone() {
        Some(arr) => new_tuple(vec![iter_fn, new_tuple(vec![arr]), int::from_usize(s.index.get())]),
        None => new_tuple(vec![iter_fn, new_tuple(vec![empty_tuple()])]),
    })
}

fn m_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "arrayiterator.__setstate__")?;
    let i = int::expect_i64(state, "ssize_t")?;
    let s = it(s);
    let len = s.array.get_clone().map_or(0, |arr| this(&arr).len());
    s.index.set((i.max(0) as usize).min(len));
    Ok(none())
}

fn iter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    it(o).array.with(|a| {
        if let Some(a) = a {
            visit(a)
        }
    });
}

fn iter_clear(o: &Obj) {
    let old = it(o).array.replace(None);
    drop(old);
}

static METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", m_reduce), MethodDef::method("__setstate__", m_setstate)];

crate::static_type! {
    pub static ARRAY_ITER_TYPE: ArrayIterObj = "array.arrayiterator" {
        module: "array",
        flags: HAVE_GC,
        methods: METHODS,
        slots: { iter: self_iter, iternext: iter_next, traverse: iter_traverse, clear: iter_clear },
    }
}
