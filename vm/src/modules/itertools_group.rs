//! `groupby` (with its `_grouper` sub-iterators) and `tee` (with the shared
//! `_tee_dataobject` buffer) of `itertools`.

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes_args::clinic;
use crate::types::iterators::self_iter;
use crate::types::list::ListObj;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};

use super::{alloc, clear_opt, positional_count, visit_opt};

// ---------------------------------------------------------------- groupby

/// `groupby(iterable, key=None)`. Each group's `_grouper` is valid only while
/// it is the current one: `generation` changes whenever the outer iterator
/// advances (CPython compares the grouper with `currgrouper`).
#[repr(C)]
pub struct GroupbyObj {
    pub ob: Obj,
    it: PyRef,
    keyfunc: Option<PyRef>,
    tgtkey: PyCell<Option<PyRef>>,
    currkey: PyCell<Option<PyRef>>,
    currvalue: PyCell<Option<PyRef>>,
    generation: Cell<u64>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for GroupbyObj {
    fn class() -> &'static TypeObj {
        &GROUPBY_TYPE
    }
}

fn groupby_of(o: &Obj) -> &GroupbyObj {
    o.downcast::<GroupbyObj>().expect("groupby")
}

fn set(cell: &PyCell<Option<PyRef>>, v: Option<PyRef>) {
    let old = cell.replace(v);
    drop(old);
}

fn groupby_new(t: &TypeObj, a: Args) -> PyResult {
    let [iterable, key] = clinic(a, "groupby", ["iterable", "key"], 0, 1)?;
    let it = ops::iter(iterable.expect("required"))?;
    let keyfunc = key.filter(|k| !k.is_none()).map(|k| k.to_owned());
    Ok(alloc(
        t,
        GroupbyObj {
            ob: Obj::new(t),
            it,
            keyfunc,
            tgtkey: PyCell::new(None),
            currkey: PyCell::new(None),
            currvalue: PyCell::new(None),
            generation: Cell::new(0),
        },
    ))
}

/// Reads the next value and its key into `currvalue`/`currkey`; false when
/// the source is exhausted.
fn groupby_step(g: &GroupbyObj) -> PyResult<bool> {
    let Some(value) = ops::next(&g.it)? else {
        return Ok(false);
    };
    let key = match &g.keyfunc {
        None => value.clone(),
        Some(f) => ops::call1(f, &value)?,
    };
    set(&g.currvalue, Some(value));
    set(&g.currkey, Some(key));
    Ok(true)
}

fn groupby_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let g = groupby_of(o);
    g.generation.set(g.generation.get() + 1);
    // Skip the rest of the current group. (The comparison may run Python code
    // that advances this groupby, so the key found is kept, not re-read.)
    let key = loop {
        if let Some(curr) = g.currkey.get_clone() {
            let Some(tgt) = g.tgtkey.get_clone() else {
                break curr;
            };
            if !ops::eq_bool(&tgt, &curr)? {
                break curr;
            }
        }
        if !groupby_step(g)? {
            return Ok(None);
        }
    };
    set(&g.tgtkey, Some(key.clone()));
    let grouper = alloc(
        &GROUPER_TYPE,
        GrouperObj {
            ob: Obj::new(&GROUPER_TYPE.0),
            parent: o.to_owned(),
            tgtkey: key.clone(),
            generation: g.generation.get(),
        },
    );
    Ok(Some(new_tuple(vec![key, grouper])))
}

fn groupby_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let g = groupby_of(o);
    visit(&g.it);
    if let Some(k) = &g.keyfunc {
        visit(k);
    }
    visit_opt(&g.tgtkey, visit);
    visit_opt(&g.currkey, visit);
    visit_opt(&g.currvalue, visit);
}

fn groupby_clear(o: &Obj) {
    let g = groupby_of(o);
    clear_opt(&g.tgtkey);
    clear_opt(&g.currkey);
    clear_opt(&g.currvalue);
}

/// `(type, (it, keyfunc))`, with the state `(currkey, currvalue, tgtkey)`
/// once a group has started (as in CPython).
fn groupby_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let g = s.downcast::<GroupbyObj>().ok_or_else(|| PyErr::type_error("expected an itertools.groupby"))?;
    let t = s.class().as_obj_ref().to_owned();
    let args = new_tuple(vec![g.it.clone(), g.keyfunc.clone().unwrap_or_else(crate::types::none)]);
    match (g.currkey.get_clone(), g.currvalue.get_clone(), g.tgtkey.get_clone()) {
        (Some(k), Some(v), Some(tgt)) => Ok(new_tuple(vec![t, args, new_tuple(vec![k, v, tgt])])),
        _ => Ok(new_tuple(vec![t, args])),
    }
}

/// `__setstate__((currkey, currvalue, tgtkey))`.
fn groupby_setstate(a: Args) -> PyResult {
    let [s, state] = crate::util::args::exact::<2>(a, "__setstate__")?;
    let g = s.downcast::<GroupbyObj>().ok_or_else(|| PyErr::type_error("expected an itertools.groupby"))?;
    let t = state.downcast::<TupleObj>().ok_or_else(|| PyErr::type_error("state is not a tuple"))?;
    let [k, v, tgt] = t.as_slice() else {
        return Err(PyErr::type_error(format!("function takes exactly 3 arguments ({} given)", t.len())));
    };
    set(&g.currkey, Some(k.clone()));
    set(&g.currvalue, Some(v.clone()));
    set(&g.tgtkey, Some(tgt.clone()));
    Ok(crate::types::none())
}

static GROUPBY_METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", groupby_reduce), MethodDef::method("__setstate__", groupby_setstate)];

crate::static_type! {
    pub static GROUPBY_TYPE: GroupbyObj = "groupby" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        methods: GROUPBY_METHODS,
        slots: {
            new: groupby_new, iter: self_iter, iternext: groupby_next, traverse: groupby_traverse,
            clear: groupby_clear,
        },
    }
}

#[repr(C)]
pub struct GrouperObj {
    pub ob: Obj,
    parent: PyRef,
    tgtkey: PyRef,
    generation: u64,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for GrouperObj {
    fn class() -> &'static TypeObj {
        &GROUPER_TYPE
    }
}

fn grouper_new(_t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("_grouper() takes no keyword arguments"));
    }
    positional_count(&a, "_grouper", 2, 2)?;
    let Some(g) = a.all[0].downcast::<GroupbyObj>() else {
        return Err(PyErr::type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            a.all[0].class().name()
        )));
    };
    Ok(alloc(
        &GROUPER_TYPE,
        GrouperObj {
            ob: Obj::new(&GROUPER_TYPE.0),
            parent: a.all[0].to_owned(),
            tgtkey: a.all[1].to_owned(),
            generation: g.generation.get(),
        },
    ))
}

fn grouper_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let gr = o.downcast::<GrouperObj>().expect("_grouper");
    let g = groupby_of(&gr.parent);
    if g.generation.get() != gr.generation {
        return Ok(None);
    }
    if g.currvalue.with(|v| v.is_none()) && !groupby_step(g)? {
        return Ok(None);
    }
    let Some(curr) = g.currkey.get_clone() else {
        return Ok(None);
    };
    if !ops::eq_bool(&gr.tgtkey, &curr)? {
        return Ok(None);
    }
    let value = g.currvalue.replace(None);
    set(&g.currkey, None);
    Ok(value)
}

fn grouper_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let gr = o.downcast::<GrouperObj>().expect("_grouper");
    visit(&gr.parent);
    visit(&gr.tgtkey);
}

/// `(type, (parent, tgtkey))` while this is the parent's current group,
/// `(iter, ((),))` once the parent has moved on.
fn grouper_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let gr = s.downcast::<GrouperObj>().ok_or_else(|| PyErr::type_error("expected an itertools._grouper"))?;
    if groupby_of(&gr.parent).generation.get() != gr.generation {
        let iter_fn = crate::types::iterators::reduce_builtin("iter")?;
        return Ok(new_tuple(vec![iter_fn, new_tuple(vec![crate::types::tuple::empty_tuple()])]));
    }
    let t = s.class().as_obj_ref().to_owned();
    Ok(new_tuple(vec![t, new_tuple(vec![gr.parent.clone(), gr.tgtkey.clone()])]))
}

static GROUPER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", grouper_reduce)];

crate::static_type! {
    pub static GROUPER_TYPE: GrouperObj = "_grouper" {
        module: "itertools",
        flags: HAVE_GC,
        methods: GROUPER_METHODS,
        slots: { new: grouper_new, iter: self_iter, iternext: grouper_next, traverse: grouper_traverse },
    }
}

// ---------------------------------------------------------------- tee

/// Values read from the shared source, in links of `LINK_CELLS`; the tees
/// walk the chain and links nobody needs any more are freed.
const LINK_CELLS: usize = 57;

#[repr(C)]
pub struct TeeDataObj {
    pub ob: Obj,
    it: PyRef,
    values: PyCell<Vec<PyRef>>,
    next: PyCell<Option<PyRef>>,
    running: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for TeeDataObj {
    fn class() -> &'static TypeObj {
        &TEE_DATA_TYPE
    }
}

impl Drop for TeeDataObj {
    /// Frees a long chain of links iteratively rather than recursively.
    fn drop(&mut self) {
        let mut next = self.next.replace(None);
        while let Some(link) = next {
            if link.refcnt() != 1 {
                break;
            }
            next = link.downcast::<TeeDataObj>().and_then(|d| d.next.replace(None));
            drop(link);
        }
    }
}

fn new_tee_data(it: PyRef) -> PyRef {
    alloc(
        &TEE_DATA_TYPE,
        TeeDataObj {
            ob: Obj::new(&TEE_DATA_TYPE.0),
            it,
            values: PyCell::new(Vec::with_capacity(LINK_CELLS)),
            next: PyCell::new(None),
            running: Cell::new(false),
        },
    )
}

fn data_of(o: &Obj) -> &TeeDataObj {
    o.downcast::<TeeDataObj>().expect("_tee_dataobject")
}

/// The value at `i` of a link, reading the source when `i` is new.
fn data_get(d: &TeeDataObj, i: usize) -> PyResult<Option<PyRef>> {
    if let Some(v) = d.values.with(|v| v.get(i).cloned()) {
        return Ok(Some(v));
    }
    if d.running.get() {
        return Err(PyErr::runtime_error("cannot re-enter the tee iterator"));
    }
    d.running.set(true);
    let r = ops::next(&d.it);
    d.running.set(false);
    let Some(v) = r? else { return Ok(None) };
    d.values.with_mut(|vals| vals.push(v.clone()));
    Ok(Some(v))
}

/// The link after `d`, created on first use.
fn data_next_link(d: &TeeDataObj) -> PyRef {
    if let Some(n) = d.next.get_clone() {
        return n;
    }
    let n = new_tee_data(d.it.clone());
    let old = d.next.replace(Some(n.clone()));
    drop(old);
    n
}

fn tee_data_new(_t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("teedataobject() takes no keyword arguments"));
    }
    positional_count(&a, "teedataobject", 3, 3)?;
    let it = ops::iter(a.all[0])?;
    let Some(values) = a.all[1].downcast::<ListObj>() else {
        return Err(PyErr::type_error(format!(
            "teedataobject() argument 2 must be list, not {}",
            a.all[1].class().name()
        )));
    };
    let values = values.to_vec();
    if values.len() > LINK_CELLS {
        return Err(PyErr::value_error("_tee_dataobject too many values"));
    }
    let next = a.all[2];
    if !next.is_none() && !next.isa::<TeeDataObj>() {
        return Err(PyErr::value_error("_tee_dataobject next link must be a _tee_dataobject"));
    }
    let d = new_tee_data(it);
    let dd = data_of(&d);
    dd.values.with_mut(|v| v.extend(values));
    if !next.is_none() {
        let old = dd.next.replace(Some(next.to_owned()));
        drop(old);
    }
    Ok(d)
}

fn tee_data_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let d = data_of(o);
    visit(&d.it);
    d.values.with(|v| v.iter().for_each(|x| visit(x)));
    visit_opt(&d.next, visit);
}

fn tee_data_clear(o: &Obj) {
    let d = data_of(o);
    let values = d.values.replace(Vec::new());
    drop(values);
    clear_opt(&d.next);
}

/// `(type, (it, values, next_link_or_None))`, the arguments of its constructor.
fn tee_data_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let d = s.downcast::<TeeDataObj>().ok_or_else(|| PyErr::type_error("expected an itertools._tee_dataobject"))?;
    let values = crate::types::list::new_list(d.values.get_clone());
    let next = d.next.get_clone().unwrap_or_else(crate::types::none);
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), new_tuple(vec![d.it.clone(), values, next])]))
}

static TEE_DATA_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", tee_data_reduce)];

crate::static_type! {
    pub static TEE_DATA_TYPE: TeeDataObj = "_tee_dataobject" {
        module: "itertools",
        flags: HAVE_GC,
        methods: TEE_DATA_METHODS,
        slots: { new: tee_data_new, traverse: tee_data_traverse, clear: tee_data_clear },
    }
}

#[repr(C)]
pub struct TeeObj {
    pub ob: Obj,
    data: PyCell<PyRef>,
    index: Cell<usize>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for TeeObj {
    fn class() -> &'static TypeObj {
        &TEE_TYPE
    }
}

fn new_tee(data: PyRef, index: usize) -> PyRef {
    alloc(&TEE_TYPE, TeeObj { ob: Obj::new(&TEE_TYPE.0), data: PyCell::new(data), index: Cell::new(index) })
}

/// A tee over an iterator (which is not itself a tee).
fn tee_from_iterable(iterable: &Obj) -> PyResult {
    let it = ops::iter(iterable)?;
    if let Some(t) = it.downcast::<TeeObj>() {
        return Ok(new_tee(t.data.get_clone(), t.index.get()));
    }
    Ok(new_tee(new_tee_data(it), 0))
}

fn tee_new(_t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("_tee() takes no keyword arguments"));
    }
    positional_count(&a, "_tee", 1, 1)?;
    tee_from_iterable(a.all[0])
}

fn tee_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let t = o.downcast::<TeeObj>().expect("_tee");
    if t.index.get() >= LINK_CELLS {
        let link = data_next_link(data_of(&t.data.get_clone()));
        let old = t.data.replace(link);
        drop(old);
        t.index.set(0);
    }
    let data = t.data.get_clone();
    let v = data_get(data_of(&data), t.index.get())?;
    if v.is_some() {
        t.index.set(t.index.get() + 1);
    }
    Ok(v)
}

fn tee_copy(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__copy__")?;
    let t = s.downcast::<TeeObj>().expect("_tee");
    Ok(new_tee(t.data.get_clone(), t.index.get()))
}

fn tee_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    o.downcast::<TeeObj>().expect("_tee").data.with(|d| visit(d));
}

/// `(type, ((),), (data, index))`: rebuilt over an empty tuple, then pointed
/// at the shared data by `__setstate__`.
fn tee_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let t = s.downcast::<TeeObj>().ok_or_else(|| PyErr::type_error("expected an itertools._tee"))?;
    Ok(new_tuple(vec![
        s.class().as_obj_ref().to_owned(),
        new_tuple(vec![crate::types::tuple::empty_tuple()]),
        new_tuple(vec![t.data.get_clone(), crate::types::int::from_usize(t.index.get())]),
    ]))
}

/// `__setstate__((data, index))`.
fn tee_setstate(a: Args) -> PyResult {
    let [s, state] = crate::util::args::exact::<2>(a, "__setstate__")?;
    let t = s.downcast::<TeeObj>().ok_or_else(|| PyErr::type_error("expected an itertools._tee"))?;
    let st = state.downcast::<TupleObj>().ok_or_else(|| PyErr::type_error("state is not a tuple"))?;
    let [data, index] = st.as_slice() else {
        return Err(PyErr::type_error(format!("function takes exactly 2 arguments ({} given)", st.len())));
    };
    if !data.isa::<TeeDataObj>() {
        return Err(PyErr::type_error(format!(
            "argument 1 must be itertools._tee_dataobject, not {}",
            data.class().name()
        )));
    }
    let i = crate::types::iterators::setstate_index(index)?;
    if i < 0 || i > LINK_CELLS as i64 {
        return Err(PyErr::value_error("Index out of range"));
    }
    let old = t.data.replace(data.clone());
    drop(old);
    t.index.set(i as usize);
    Ok(crate::types::none())
}

static TEE_METHODS: &[MethodDef] = &[
    MethodDef::method("__copy__", tee_copy),
    MethodDef::method("__reduce__", tee_reduce),
    MethodDef::method("__setstate__", tee_setstate),
];

crate::static_type! {
    pub static TEE_TYPE: TeeObj = "_tee" {
        module: "itertools",
        flags: HAVE_GC,
        methods: TEE_METHODS,
        slots: { new: tee_new, iter: self_iter, iternext: tee_next, traverse: tee_traverse },
    }
}

/// `itertools.tee(iterable, n=2)`: n independent iterators. An iterator
/// with `__copy__` (such as a tee) is copied instead of wrapped.
pub fn tee(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("itertools.tee() takes no keyword arguments"));
    }
    positional_count(&a, "tee", 1, 2)?;
    let n = match a.all.get(1).filter(|_| a.nargs == 2) {
        Some(n) => crate::types::bytes_args::ssize_arg(n)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    let it = ops::iter(a.all[0])?;
    if n == 0 {
        return Ok(crate::types::tuple::empty_tuple());
    }
    let (first, copy) = match ops::lookup_attr(&it, "__copy__")? {
        Some(copy) => (it, copy),
        None => {
            let t = new_tee(new_tee_data(it), 0);
            let copy = ops::getattr_str(&t, "__copy__")?;
            (t, copy)
        }
    };
    let mut out = Vec::with_capacity(n.min(1 << 16) as usize);
    out.push(first);
    for _ in 1..n {
        out.push(ops::call0(&copy)?);
    }
    Ok(new_tuple(out))
}
