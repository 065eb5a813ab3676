//! `bytes_iterator` and `bytearray_iterator`: iterate the byte values of a
//! bytes or bytearray (a bytearray is re-read at every step, so changes made
//! while iterating are seen, as in CPython).

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::PyResult;
use crate::types::bytearray::ByteArrayObj;
use crate::types::bytes_methods::with_data;
use crate::types::iterators::self_iter;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{int, none};
use crate::util::args;

#[repr(C)]
pub struct BytesIterObj {
    pub ob: Obj,
    seq: PyCell<Option<PyRef>>,
    index: Cell<usize>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for BytesIterObj {
    fn class() -> &'static TypeObj {
        &BYTES_ITER_TYPE
    }
}

/// An iterator over the bytes of `seq` (bytes or bytearray).
pub fn new_bytes_iter(seq: &Obj) -> PyRef {
    let ty: &TypeObj = if seq.isa::<ByteArrayObj>() { &BYTEARRAY_ITER_TYPE } else { &BYTES_ITER_TYPE };
    crate::object::alloc::alloc_object(
        ty,
        BytesIterObj { ob: Obj::new(ty), seq: PyCell::new(Some(seq.to_owned())), index: Cell::new(0) },
        0,
    )
}

fn this(o: &Obj) -> &BytesIterObj {
    // SAFETY: both iterator types share this layout and these slots.
    unsafe { o.downcast_unchecked::<BytesIterObj>() }
}

fn iter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = this(o);
    let Some(seq) = it.seq.get_clone() else {
        return Ok(None);
    };
    let i = it.index.get();
    match with_data(&seq, |d| d.get(i).copied()) {
        Some(b) => {
            it.index.set(i + 1);
            Ok(Some(int::new_int(b as i64)))
        }
        None => {
            let old = it.seq.replace(None);
            drop(old);
            Ok(None)
        }
    }
}

fn length_hint(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__length_hint__")?;
    let it = this(s);
    let Some(seq) = it.seq.get_clone() else {
        return Ok(int::new_int(0));
    };
    let n = with_data(&seq, <[u8]>::len);
    Ok(int::from_usize(n.saturating_sub(it.index.get())))
}

fn reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let it = this(s);
    let iter_fn = crate::types::iterators::reduce_builtin("iter")?;
    Ok(match it.seq.get_clone() {
        Some(seq) => new_tuple(vec![iter_fn, new_tuple(vec![seq]), int::from_usize(it.index.get())]),
        None => new_tuple(vec![iter_fn, new_tuple(vec![crate::types::tuple::empty_tuple()])]),
    })
}

fn setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let i = crate::types::iterators::setstate_index(state)?;
    let it = this(s);
    if let Some(seq) = it.seq.get_clone() {
        let n = with_data(&seq, <[u8]>::len) as i64;
        it.index.set(i.clamp(0, n) as usize);
    }
    Ok(none())
}

fn traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(o).seq.with(|s| {
        if let Some(s) = s {
            visit(s)
        }
    });
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("__length_hint__", length_hint),
    MethodDef::method("__reduce__", reduce),
    MethodDef::method("__setstate__", setstate),
];

crate::static_type! {
    pub static BYTES_ITER_TYPE: BytesIterObj = "bytes_iterator" {
        flags: HAVE_GC,
        methods: METHODS,
        slots: { iter: self_iter, iternext: iter_next, traverse: traverse },
    }
}
crate::static_type! {
    pub static BYTEARRAY_ITER_TYPE: BytesIterObj = "bytearray_iterator" {
        flags: HAVE_GC,
        methods: METHODS,
        slots: { iter: self_iter, iternext: iter_next, traverse: traverse },
    }
}
