//! Filtering and mapping iterators of `itertools`: compress, dropwhile,
//! takewhile, filterfalse, starmap.

use std::cell::Cell;

use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::PyResult;
use crate::types::bytes_args::clinic;
use crate::types::iterators::self_iter;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};

use super::{alloc, no_keywords, positional_count};

/// The state of compress, dropwhile, takewhile, filterfalse and starmap: a
/// source iterator, a function (or the selectors iterator) and a flag.
#[repr(C)]
pub struct FilterObj {
    pub ob: Obj,
    it: PyRef,
    /// The predicate or function; the selectors iterator for compress.
    func: PyRef,
    /// dropwhile: the predicate failed once; takewhile: iteration stopped.
    done: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; the five types and their
// subclasses share it.
unsafe impl PyPayload for FilterObj {
    fn class() -> &'static TypeObj {
        &DROPWHILE_TYPE
    }
}

fn this(o: &Obj) -> &FilterObj {
    // SAFETY: only the five types declared here (and subclasses) use these slots.
    unsafe { o.downcast_unchecked::<FilterObj>() }
}

fn new_filter(t: &TypeObj, it: PyRef, func: PyRef) -> PyRef {
    alloc(t, FilterObj { ob: Obj::new(t), it, func, done: Cell::new(false) })
}

/// `(function, iterable)` constructors.
fn func_iterable(t: &TypeObj, base: &TypeObj, a: Args, name: &str) -> PyResult {
    no_keywords(t, base, &a, name)?;
    positional_count(&a, name, 2, 2)?;
    let it = ops::iter(a.all[1])?;
    Ok(new_filter(t, it, a.all[0].to_owned()))
}

fn traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let f = this(o);
    visit(&f.it);
    visit(&f.func);
}

/// `bool(func(item))`, or `bool(item)` when func is None or `bool`.
fn test(func: &Obj, item: &Obj) -> PyResult<bool> {
    if func.is_none() || func.is(crate::types::bool::BOOL_TYPE.as_obj_ref()) {
        return ops::is_true(item);
    }
    ops::is_true(&*ops::call1(func, item)?)
}

fn compress_new(t: &TypeObj, a: Args) -> PyResult {
    let [data, selectors] = clinic(a, "compress", ["data", "selectors"], 0, 2)?;
    let data = ops::iter(data.expect("required"))?;
    let selectors = ops::iter(selectors.expect("required"))?;
    Ok(new_filter(t, data, selectors))
}

fn compress_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let f = this(o);
    loop {
        let Some(datum) = ops::next(&f.it)? else {
            return Ok(None);
        };
        let Some(selector) = ops::next(&f.func)? else {
            return Ok(None);
        };
        if ops::is_true(&selector)? {
            return Ok(Some(datum));
        }
    }
}

fn dropwhile_new(t: &TypeObj, a: Args) -> PyResult {
    func_iterable(t, &DROPWHILE_TYPE, a, "dropwhile")
}

fn dropwhile_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let f = this(o);
    loop {
        let Some(item) = ops::next(&f.it)? else {
            return Ok(None);
        };
        if f.done.get() {
            return Ok(Some(item));
        }
        if !ops::is_true(&*ops::call1(&f.func, &item)?)? {
            f.done.set(true);
            return Ok(Some(item));
        }
    }
}

fn takewhile_new(t: &TypeObj, a: Args) -> PyResult {
    func_iterable(t, &TAKEWHILE_TYPE, a, "takewhile")
}

fn takewhile_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let f = this(o);
    if f.done.get() {
        return Ok(None);
    }
    let Some(item) = ops::next(&f.it)? else {
        return Ok(None);
    };
    if ops::is_true(&*ops::call1(&f.func, &item)?)? {
        return Ok(Some(item));
    }
    f.done.set(true);
    Ok(None)
}

fn filterfalse_new(t: &TypeObj, a: Args) -> PyResult {
    func_iterable(t, &FILTERFALSE_TYPE, a, "filterfalse")
}

fn filterfalse_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let f = this(o);
    loop {
        let Some(item) = ops::next(&f.it)? else {
            return Ok(None);
        };
        if !test(&f.func, &item)? {
            return Ok(Some(item));
        }
    }
}

fn starmap_new(t: &TypeObj, a: Args) -> PyResult {
    func_iterable(t, &STARMAP_TYPE, a, "starmap")
}

fn starmap_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let f = this(o);
    let Some(args) = ops::next(&f.it)? else {
        return Ok(None);
    };
    if let Some(t) = args.downcast_exact::<TupleObj>() {
        return ops::call_owned(&f.func, t.as_slice()).map(Some);
    }
    let items = ops::collect_vec(&args)?;
    ops::call_owned(&f.func, &items).map(Some)
}

/// `(type(self), args)`: `(data, selectors)` for compress, `(function,
/// iterable)` for the others; dropwhile and takewhile add their flag (0 or 1)
/// as the state, as in CPython.
fn reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let f = this(s);
    let ty = s.class();
    let t = ty.as_obj_ref().to_owned();
    if ty.is_subtype(&COMPRESS_TYPE) {
        return Ok(new_tuple(vec![t, new_tuple(vec![f.it.clone(), f.func.clone()])]));
    }
    let args = new_tuple(vec![f.func.clone(), f.it.clone()]);
    if ty.is_subtype(&DROPWHILE_TYPE) || ty.is_subtype(&TAKEWHILE_TYPE) {
        return Ok(new_tuple(vec![t, args, crate::types::int::new_int(f.done.get() as i64)]));
    }
    Ok(new_tuple(vec![t, args]))
}

/// dropwhile/takewhile `__setstate__(flag)`.
fn setstate(a: Args) -> PyResult {
    let [s, state] = crate::util::args::exact::<2>(a, "__setstate__")?;
    let v = ops::is_true(state)?;
    this(s).done.set(v);
    Ok(crate::types::none())
}

static METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", reduce)];
static FLAG_METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", reduce), MethodDef::method("__setstate__", setstate)];

macro_rules! filter_type {
    ($id:ident, $name:literal, $new:expr, $next:expr, $methods:expr) => {
        crate::static_type! {
            pub static $id: FilterObj = $name {
                module: "itertools",
                flags: HAVE_GC | BASETYPE,
                methods: $methods,
                slots: { new: $new, iter: self_iter, iternext: $next, traverse: traverse },
            }
        }
    };
}
filter_type!(COMPRESS_TYPE, "compress", compress_new, compress_next, METHODS);
filter_type!(DROPWHILE_TYPE, "dropwhile", dropwhile_new, dropwhile_next, FLAG_METHODS);
filter_type!(TAKEWHILE_TYPE, "takewhile", takewhile_new, takewhile_next, FLAG_METHODS);
filter_type!(FILTERFALSE_TYPE, "filterfalse", filterfalse_new, filterfalse_next, METHODS);
filter_type!(STARMAP_TYPE, "starmap", starmap_new, starmap_next, METHODS);
