//! The `itertools` module: the module object, argument helpers shared by its
//! types, and the infinite and slicing iterators (count, cycle, repeat,
//! chain, islice, accumulate, pairwise, zip_longest). The filtering ones are in
//! `itertools_filter.rs`, groupby and tee in `itertools_group.rs`, the
//! combinatoric ones in `itertools_comb.rs`.
//!
//! Every type keeps its state in `PyCell`s and never calls Python code (the
//! inner iterators, predicates, key functions) while a cell is borrowed: the
//! references it needs are cloned out first.

use std::cell::Cell;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes_args::clinic;
use crate::types::int::{self, IntObj};
use crate::types::iterators::self_iter;
use crate::types::module::{new_module, ModuleObj};
use crate::types::none;
use crate::types::str::from_string;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use ember_compiler::bytecode::BinaryOp;

#[path = "itertools_comb.rs"]
mod comb;
#[path = "itertools_filter.rs"]
mod filter;
#[path = "itertools_group.rs"]
mod group;
#[path = "itertools_pickle.rs"]
mod pickle;

/// "name() takes no keyword arguments", checked (as CPython does) unless `t` is
/// a subclass with its own `__init__`, which may take keywords.
pub(crate) fn no_keywords(t: &TypeObj, base: &TypeObj, a: &Args, name: &str) -> PyResult<()> {
    let own_init = !t.is(base) && t.init.get().map(|f| f as usize) != base.init.get().map(|f| f as usize);
    if a.kwnames.is_some_and(|k| !k.is_empty()) && !own_init {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// `_PyArg_CheckPositional`: "name expected 2 arguments, got 0".
pub(crate) fn positional_count(a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.nargs;
    if n >= min && n <= max {
        return Ok(());
    }
    let s = |k: usize| if k == 1 { "argument" } else { "arguments" };
    Err(PyErr::type_error(if min == max {
        format!("{name} expected {min} {}, got {n}", s(min))
    } else if n < min {
        format!("{name} expected at least {min} {}, got {n}", s(min))
    } else {
        format!("{name} expected at most {max} {}, got {n}", s(max))
    }))
}

/// Allocates an itertools object of type `t` (a subclass instance gets its
/// extras from the allocator).
pub(crate) fn alloc<T>(t: &TypeObj, payload: T) -> PyRef {
    crate::object::alloc::alloc_object(t, payload, 0)
}

/// The next item of an optional iterator held in `cell`; the iterator is
/// dropped once exhausted or failing, as CPython clears it.
pub(crate) fn next_of(cell: &PyCell<Option<PyRef>>) -> PyResult<Option<PyRef>> {
    let Some(it) = cell.get_clone() else {
        return Ok(None);
    };
    match ops::next(&it) {
        Ok(Some(v)) => Ok(Some(v)),
        other => {
            let old = cell.replace(None);
            drop(old);
            other
        }
    }
}

/// Empties an optional reference field (the `clear` slots break cycles with it).
pub(crate) fn clear_opt(cell: &PyCell<Option<PyRef>>) {
    let old = cell.replace(None);
    drop(old);
}

pub(crate) fn visit_opt(cell: &PyCell<Option<PyRef>>, visit: &mut dyn FnMut(&Obj)) {
    cell.with(|x| {
        if let Some(x) = x {
            visit(x)
        }
    });
}

/// CPython's `PyNumber_Check`.
fn is_number(o: &Obj) -> bool {
    let n = &o.class().number;
    o.isa::<IntObj>()
        || n.index.get().is_some()
        || n.int.get().is_some()
        || n.float.get().is_some()
        || o.isa::<crate::types::complex::ComplexObj>()
}

fn type_name(o: &Obj) -> String {
    o.class().name()
}

// ---------------------------------------------------------------- count

/// `count(start=0, step=1)`: a machine-word counter while the start fits and
/// the step is 1, generic `+` afterwards (CPython's fast and slow modes).
#[repr(C)]
pub struct CountObj {
    pub ob: Obj,
    fast: Cell<Option<i64>>,
    long_cnt: PyCell<Option<PyRef>>,
    step: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for CountObj {
    fn class() -> &'static TypeObj {
        &COUNT_TYPE
    }
}

fn count_new(t: &TypeObj, a: Args) -> PyResult {
    let [start, step] = clinic(a, "count", ["start", "step"], 0, 0)?;
    let start = start.map_or_else(|| int::new_int(0), |s| s.to_owned());
    let step = step.map_or_else(|| int::new_int(1), |s| s.to_owned());
    if !is_number(&start) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    let step_is_one = matches!(int::index_of(&step), Ok(Some(1)));
    let fast = if step_is_one { start.downcast::<IntObj>().and_then(|i| i.as_i64()) } else { None };
    let long_cnt = if fast.is_some() { None } else { Some(start) };
    Ok(alloc(t, CountObj { ob: Obj::new(t), fast: Cell::new(fast), long_cnt: PyCell::new(long_cnt), step }))
}

fn count_of(o: &Obj) -> &CountObj {
    o.downcast::<CountObj>().expect("count")
}

fn count_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let c = count_of(o);
    if let Some(n) = c.fast.get() {
        if n < i64::MAX {
            c.fast.set(Some(n + 1));
            return Ok(Some(int::new_int(n)));
        }
        c.fast.set(None);
        let old = c.long_cnt.replace(Some(int::new_int(n)));
        drop(old);
    }
    let cur = c.long_cnt.get_clone().unwrap_or_else(|| int::new_int(0));
    let next = ops::binary_op(&cur, &c.step, BinaryOp::Add)?;
    let old = c.long_cnt.replace(Some(next));
    drop(old);
    Ok(Some(cur))
}

fn step_is_int_one(step: &Obj) -> bool {
    step.isa::<IntObj>() && int::as_i64(step) == Some(1)
}

fn count_repr(o: &Obj) -> PyResult {
    let c = count_of(o);
    let name = type_name(o);
    if let Some(n) = c.fast.get() {
        return Ok(from_string(format!("{name}({n})")));
    }
    let cur = c.long_cnt.get_clone().unwrap_or_else(|| int::new_int(0));
    let cur = ops::repr_string(&cur)?;
    if step_is_int_one(&c.step) {
        return Ok(from_string(format!("{name}({cur})")));
    }
    Ok(from_string(format!("{name}({cur}, {})", ops::repr_string(&c.step)?)))
}

fn count_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let c = count_of(s);
    let t = s.class().as_obj_ref().to_owned();
    let args = match c.fast.get() {
        Some(n) => new_tuple(vec![int::new_int(n)]),
        None => new_tuple(vec![c.long_cnt.get_clone().unwrap_or_else(|| int::new_int(0)), c.step.clone()]),
    };
    Ok(new_tuple(vec![t, args]))
}

fn count_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let c = count_of(o);
    visit_opt(&c.long_cnt, visit);
    visit(&c.step);
}

fn count_clear(o: &Obj) {
    clear_opt(&count_of(o).long_cnt);
}

static COUNT_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", count_reduce)];

crate::static_type! {
    pub static COUNT_TYPE: CountObj = "count" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        methods: COUNT_METHODS,
        slots: {
            new: count_new, iter: self_iter, iternext: count_next, repr: count_repr,
            traverse: count_traverse, clear: count_clear,
        },
    }
}

// ---------------------------------------------------------------- cycle

#[repr(C)]
pub struct CycleObj {
    pub ob: Obj,
    it: PyCell<Option<PyRef>>,
    saved: PyCell<Vec<PyRef>>,
    index: Cell<usize>,
    /// Set by `__setstate__`: the source's items are already saved.
    firstpass: Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for CycleObj {
    fn class() -> &'static TypeObj {
        &CYCLE_TYPE
    }
}

fn cycle_new(t: &TypeObj, a: Args) -> PyResult {
    no_keywords(t, &CYCLE_TYPE, &a, "cycle")?;
    positional_count(&a, "cycle", 1, 1)?;
    let it = ops::iter(a.all[0])?;
    Ok(alloc(
        t,
        CycleObj {
            ob: Obj::new(t),
            it: PyCell::new(Some(it)),
            saved: PyCell::new(Vec::new()),
            index: Cell::new(0),
            firstpass: Cell::new(false),
        },
    ))
}

fn cycle_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let c = o.downcast::<CycleObj>().expect("cycle");
    if let Some(v) = next_of(&c.it)? {
        if !c.firstpass.get() {
            c.saved.with_mut(|s| s.push(v.clone()));
        }
        return Ok(Some(v));
    }
    let i = c.index.get();
    let item = c.saved.with(|s| {
        let v = s.get(i).cloned();
        if v.is_some() {
            c.index.set(if i + 1 >= s.len() { 0 } else { i + 1 });
        }
        v
    });
    Ok(item)
}

fn cycle_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let c = o.downcast::<CycleObj>().expect("cycle");
    visit_opt(&c.it, visit);
    c.saved.with(|s| s.iter().for_each(|x| visit(x)));
}

fn cycle_clear(o: &Obj) {
    let c = o.downcast::<CycleObj>().expect("cycle");
    clear_opt(&c.it);
    let saved = c.saved.replace(Vec::new());
    drop(saved);
}

crate::static_type! {
    pub static CYCLE_TYPE: CycleObj = "cycle" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        methods: pickle::CYCLE_METHODS,
        slots: {
            new: cycle_new, iter: self_iter, iternext: cycle_next,
            traverse: cycle_traverse, clear: cycle_clear,
        },
    }
}

// ---------------------------------------------------------------- repeat

#[repr(C)]
pub struct RepeatObj {
    pub ob: Obj,
    element: PyRef,
    /// Remaining repetitions; None repeats forever.
    times: Cell<Option<usize>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for RepeatObj {
    fn class() -> &'static TypeObj {
        &REPEAT_TYPE
    }
}

fn repeat_new(t: &TypeObj, a: Args) -> PyResult {
    let [object, times] = clinic(a, "repeat", ["object", "times"], 0, 1)?;
    let times = match times {
        Some(n) => Some(crate::types::bytes_args::ssize_arg(n)?.max(0) as usize),
        None => None,
    };
    let element = object.expect("required").to_owned();
    Ok(alloc(t, RepeatObj { ob: Obj::new(t), element, times: Cell::new(times) }))
}

fn repeat_of(o: &Obj) -> &RepeatObj {
    o.downcast::<RepeatObj>().expect("repeat")
}

fn repeat_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let r = repeat_of(o);
    match r.times.get() {
        Some(0) => Ok(None),
        Some(n) => {
            r.times.set(Some(n - 1));
            Ok(Some(r.element.clone()))
        }
        None => Ok(Some(r.element.clone())),
    }
}

fn repeat_repr(o: &Obj) -> PyResult {
    let r = repeat_of(o);
    let e = ops::repr_string(&r.element)?;
    let name = type_name(o);
    Ok(from_string(match r.times.get() {
        Some(n) => format!("{name}({e}, {n})"),
        None => format!("{name}({e})"),
    }))
}

fn repeat_length_hint(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__length_hint__")?;
    match repeat_of(s).times.get() {
        Some(n) => Ok(int::from_usize(n)),
        None => Err(PyErr::type_error("len() of unsized object")),
    }
}

fn repeat_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let r = repeat_of(s);
    let args = match r.times.get() {
        Some(n) => new_tuple(vec![r.element.clone(), int::from_usize(n)]),
        None => new_tuple(vec![r.element.clone()]),
    };
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), args]))
}

fn repeat_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&repeat_of(o).element);
}

static REPEAT_METHODS: &[MethodDef] =
    &[MethodDef::method("__length_hint__", repeat_length_hint), MethodDef::method("__reduce__", repeat_reduce)];

crate::static_type! {
    pub static REPEAT_TYPE: RepeatObj = "repeat" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        methods: REPEAT_METHODS,
        slots: { new: repeat_new, iter: self_iter, iternext: repeat_next, repr: repeat_repr, traverse: repeat_traverse },
    }
}

// ---------------------------------------------------------------- chain

#[repr(C)]
pub struct ChainObj {
    pub ob: Obj,
    /// Iterator over the iterables; None once exhausted.
    source: PyCell<Option<PyRef>>,
    /// Iterator over the current iterable.
    active: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for ChainObj {
    fn class() -> &'static TypeObj {
        &CHAIN_TYPE
    }
}

fn new_chain(t: &TypeObj, source: PyRef) -> PyRef {
    alloc(t, ChainObj { ob: Obj::new(t), source: PyCell::new(Some(source)), active: PyCell::new(None) })
}

fn chain_new(t: &TypeObj, a: Args) -> PyResult {
    no_keywords(t, &CHAIN_TYPE, &a, "chain")?;
    let args = crate::types::tuple::tuple_from_refs(&a.all[..a.nargs]);
    Ok(new_chain(t, ops::iter(&args)?))
}

/// `chain.from_iterable(iterable)` (a class method).
fn chain_from_iterable(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("chain.from_iterable() takes no keyword arguments"));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            a.nargs - 1
        )));
    }
    let t = a.all[0].downcast::<TypeObj>().unwrap_or(&CHAIN_TYPE);
    Ok(new_chain(t, ops::iter(a.all[1])?))
}

fn chain_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let c = o.downcast::<ChainObj>().expect("chain");
    loop {
        let active = match c.active.get_clone() {
            Some(it) => it,
            None => {
                let Some(iterable) = next_of(&c.source)? else {
                    return Ok(None);
                };
                match ops::iter(&iterable) {
                    Ok(it) => {
                        let old = c.active.replace(Some(it.clone()));
                        drop(old);
                        it
                    }
                    Err(e) => {
                        let old = c.source.replace(None);
                        drop(old);
                        return Err(e);
                    }
                }
            }
        };
        if let Some(v) = ops::next(&active)? {
            return Ok(Some(v));
        }
        let old = c.active.replace(None);
        drop(old);
    }
}

fn chain_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let c = o.downcast::<ChainObj>().expect("chain");
    visit_opt(&c.source, visit);
    visit_opt(&c.active, visit);
}

fn chain_clear(o: &Obj) {
    let c = o.downcast::<ChainObj>().expect("chain");
    clear_opt(&c.source);
    clear_opt(&c.active);
}

static CHAIN_METHODS: &[MethodDef] = &[
    MethodDef::class("from_iterable", chain_from_iterable),
    MethodDef::class("__class_getitem__", crate::types::genericalias::class_getitem),
    MethodDef::method("__reduce__", pickle::chain_reduce),
    MethodDef::method("__setstate__", pickle::chain_setstate),
];

crate::static_type! {
    pub static CHAIN_TYPE: ChainObj = "chain" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        methods: CHAIN_METHODS,
        slots: {
            new: chain_new, iter: self_iter, iternext: chain_next,
            traverse: chain_traverse, clear: chain_clear,
        },
    }
}

// ---------------------------------------------------------------- islice

#[repr(C)]
pub struct IsliceObj {
    pub ob: Obj,
    it: PyCell<Option<PyRef>>,
    /// Index of the next item to yield.
    next: Cell<usize>,
    /// None: no stop.
    stop: Option<usize>,
    step: usize,
    /// Items consumed from the source so far.
    cnt: Cell<usize>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for IsliceObj {
    fn class() -> &'static TypeObj {
        &ISLICE_TYPE
    }
}

/// `PyNumber_AsSsize_t` with errors folded into -1, as islice does.
fn islice_index(o: &Obj) -> i64 {
    match int::index_of(o) {
        Ok(Some(v)) => v,
        _ => -1,
    }
}

const ISLICE_STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const ISLICE_INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

fn islice_new(t: &TypeObj, a: Args) -> PyResult {
    no_keywords(t, &ISLICE_TYPE, &a, "islice")?;
    positional_count(&a, "islice", 2, 4)?;
    let args = &a.all[..a.nargs];
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    let parse_stop = |o: &Obj| -> PyResult<i64> {
        match islice_index(o) {
            -1 => Err(PyErr::value_error(ISLICE_STOP)),
            v => Ok(v),
        }
    };
    if args.len() == 2 {
        if !args[1].is_none() {
            stop = parse_stop(args[1])?;
        }
    } else {
        if !args[1].is_none() {
            start = islice_index(args[1]);
        }
        if !args[2].is_none() {
            stop = parse_stop(args[2])?;
        }
    }
    if start < 0 || stop < -1 {
        return Err(PyErr::value_error(ISLICE_INDICES));
    }
    if let Some(s) = args.get(3) {
        if !s.is_none() {
            step = islice_index(s);
        }
    }
    if step < 1 {
        return Err(PyErr::value_error("Step for islice() must be a positive integer or None."));
    }
    let it = ops::iter(args[0])?;
    Ok(alloc(
        t,
        IsliceObj {
            ob: Obj::new(t),
            it: PyCell::new(Some(it)),
            next: Cell::new(start as usize),
            stop: (stop >= 0).then_some(stop as usize),
            step: step as usize,
            cnt: Cell::new(0),
        },
    ))
}

fn islice_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let s = o.downcast::<IsliceObj>().expect("islice");
    while s.cnt.get() < s.next.get() {
        if next_of(&s.it)?.is_none() {
            return Ok(None);
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if s.stop.is_some_and(|stop| s.cnt.get() >= stop) {
        let old = s.it.replace(None);
        drop(old);
        return Ok(None);
    }
    let Some(item) = next_of(&s.it)? else {
        return Ok(None);
    };
    s.cnt.set(s.cnt.get() + 1);
    let mut next = s.next.get().saturating_add(s.step);
    if let Some(stop) = s.stop {
        next = next.min(stop);
    }
    s.next.set(next);
    Ok(Some(item))
}

fn islice_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit_opt(&o.downcast::<IsliceObj>().expect("islice").it, visit);
}

fn islice_clear(o: &Obj) {
    clear_opt(&o.downcast::<IsliceObj>().expect("islice").it);
}

crate::static_type! {
    pub static ISLICE_TYPE: IsliceObj = "islice" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        methods: pickle::ISLICE_METHODS,
        slots: {
            new: islice_new, iter: self_iter, iternext: islice_next,
            traverse: islice_traverse, clear: islice_clear,
        },
    }
}

// ---------------------------------------------------------------- accumulate

#[repr(C)]
pub struct AccumulateObj {
    pub ob: Obj,
    it: PyRef,
    func: Option<PyRef>,
    total: PyCell<Option<PyRef>>,
    initial: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for AccumulateObj {
    fn class() -> &'static TypeObj {
        &ACCUMULATE_TYPE
    }
}

fn accumulate_new(t: &TypeObj, a: Args) -> PyResult {
    let nkw = a.kwnames.map_or(0, |k| k.len());
    if a.nargs > 2 && a.nargs + nkw <= 3 {
        return Err(PyErr::type_error(format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            a.nargs
        )));
    }
    let [iterable, func, initial] = clinic(a, "accumulate", ["iterable", "func", "initial"], 0, 1)?;
    let it = ops::iter(iterable.expect("required"))?;
    let func = func.filter(|f| !f.is_none()).map(|f| f.to_owned());
    let initial = initial.filter(|i| !i.is_none()).map(|i| i.to_owned());
    Ok(alloc(t, AccumulateObj { ob: Obj::new(t), it, func, total: PyCell::new(None), initial: PyCell::new(initial) }))
}

fn accumulate_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let s = o.downcast::<AccumulateObj>().expect("accumulate");
    if let Some(init) = s.initial.replace(None) {
        let old = s.total.replace(Some(init.clone()));
        drop(old);
        return Ok(Some(init));
    }
    let Some(v) = ops::next(&s.it)? else {
        return Ok(None);
    };
    let new = match s.total.get_clone() {
        None => v,
        Some(total) => match &s.func {
            None => ops::binary_op(&total, &v, BinaryOp::Add)?,
            Some(f) => ops::call2(f, &total, &v)?,
        },
    };
    let old = s.total.replace(Some(new.clone()));
    drop(old);
    Ok(Some(new))
}

fn accumulate_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let s = o.downcast::<AccumulateObj>().expect("accumulate");
    visit(&s.it);
    if let Some(f) = &s.func {
        visit(f);
    }
    visit_opt(&s.total, visit);
    visit_opt(&s.initial, visit);
}

fn accumulate_clear(o: &Obj) {
    let s = o.downcast::<AccumulateObj>().expect("accumulate");
    clear_opt(&s.total);
    clear_opt(&s.initial);
}

crate::static_type! {
    pub static ACCUMULATE_TYPE: AccumulateObj = "accumulate" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        methods: pickle::ACCUMULATE_METHODS,
        slots: {
            new: accumulate_new, iter: self_iter, iternext: accumulate_next,
            traverse: accumulate_traverse, clear: accumulate_clear,
        },
    }
}

// ---------------------------------------------------------------- pairwise

#[repr(C)]
pub struct PairwiseObj {
    pub ob: Obj,
    it: PyCell<Option<PyRef>>,
    old: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for PairwiseObj {
    fn class() -> &'static TypeObj {
        &PAIRWISE_TYPE
    }
}

fn pairwise_new(t: &TypeObj, a: Args) -> PyResult {
    no_keywords(t, &PAIRWISE_TYPE, &a, "pairwise")?;
    positional_count(&a, "pairwise", 1, 1)?;
    let it = ops::iter(a.all[0])?;
    Ok(alloc(t, PairwiseObj { ob: Obj::new(t), it: PyCell::new(Some(it)), old: PyCell::new(None) }))
}

fn pairwise_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let p = o.downcast::<PairwiseObj>().expect("pairwise");
    let old = match p.old.get_clone() {
        Some(v) => v,
        None => {
            let Some(v) = next_of(&p.it)? else {
                return Ok(None);
            };
            let prev = p.old.replace(Some(v.clone()));
            drop(prev);
            v
        }
    };
    let Some(new) = next_of(&p.it)? else {
        let prev = p.old.replace(None);
        drop(prev);
        return Ok(None);
    };
    let prev = p.old.replace(Some(new.clone()));
    drop(prev);
    Ok(Some(new_tuple(vec![old, new])))
}

fn pairwise_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let p = o.downcast::<PairwiseObj>().expect("pairwise");
    visit_opt(&p.it, visit);
    visit_opt(&p.old, visit);
}

fn pairwise_clear(o: &Obj) {
    let p = o.downcast::<PairwiseObj>().expect("pairwise");
    clear_opt(&p.it);
    clear_opt(&p.old);
}

crate::static_type! {
    pub static PAIRWISE_TYPE: PairwiseObj = "pairwise" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        slots: {
            new: pairwise_new, iter: self_iter, iternext: pairwise_next,
            traverse: pairwise_traverse, clear: pairwise_clear,
        },
    }
}

// ---------------------------------------------------------------- zip_longest

#[repr(C)]
pub struct ZipLongestObj {
    pub ob: Obj,
    /// The iterators; exhausted ones become None.
    iters: PyCell<Vec<Option<PyRef>>>,
    active: Cell<usize>,
    fillvalue: PyCell<PyRef>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for ZipLongestObj {
    fn class() -> &'static TypeObj {
        &ZIP_LONGEST_TYPE
    }
}

fn zip_longest_new(t: &TypeObj, a: Args) -> PyResult {
    let mut fillvalue = none();
    if let Some(k) = a.kwnames.filter(|k| !k.is_empty()) {
        let names = k.as_slice();
        if names.len() != 1 || crate::types::str::StrObj::text(&names[0]) != "fillvalue" {
            return Err(PyErr::type_error("zip_longest() got an unexpected keyword argument"));
        }
        fillvalue = a.all[a.nargs].to_owned();
    }
    let mut iters = Vec::with_capacity(a.nargs);
    for x in &a.all[..a.nargs] {
        iters.push(Some(ops::iter(x)?));
    }
    let n = iters.len();
    Ok(alloc(
        t,
        ZipLongestObj {
            ob: Obj::new(t),
            iters: PyCell::new(iters),
            active: Cell::new(n),
            fillvalue: PyCell::new(fillvalue),
        },
    ))
}

fn zip_longest_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let z = o.downcast::<ZipLongestObj>().expect("zip_longest");
    let n = z.iters.with(|v| v.len());
    if n == 0 || z.active.get() == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let Some(it) = z.iters.with(|v| v.get(i).cloned().flatten()) else {
            out.push(z.fillvalue.get_clone());
            continue;
        };
        match ops::next(&it) {
            Ok(Some(v)) => out.push(v),
            Ok(None) => {
                z.active.set(z.active.get().saturating_sub(1));
                if z.active.get() == 0 {
                    return Ok(None);
                }
                let old = z.iters.with_mut(|v| v.get_mut(i).and_then(Option::take));
                drop(old);
                out.push(z.fillvalue.get_clone());
            }
            Err(e) => {
                z.active.set(0);
                return Err(e);
            }
        }
    }
    Ok(Some(new_tuple(out)))
}

fn zip_longest_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let z = o.downcast::<ZipLongestObj>().expect("zip_longest");
    z.iters.with(|v| v.iter().flatten().for_each(|x| visit(x)));
    z.fillvalue.with(|f| visit(f));
}

fn zip_longest_clear(o: &Obj) {
    let z = o.downcast::<ZipLongestObj>().expect("zip_longest");
    let iters = z.iters.replace(Vec::new());
    drop(iters);
    z.active.set(0);
}

crate::static_type! {
    pub static ZIP_LONGEST_TYPE: ZipLongestObj = "zip_longest" {
        module: "itertools",
        flags: HAVE_GC | BASETYPE,
        methods: pickle::ZIP_LONGEST_METHODS,
        slots: {
            new: zip_longest_new, iter: self_iter, iternext: zip_longest_next,
            traverse: zip_longest_traverse, clear: zip_longest_clear,
        },
    }
}

// ---------------------------------------------------------------- the module

/// Static types defined by the module (readied at start-up).
pub fn types() -> Vec<&'static TypeObj> {
    vec![
        &ACCUMULATE_TYPE.0,
        &CHAIN_TYPE.0,
        &comb::COMBINATIONS_TYPE.0,
        &comb::CWR_TYPE.0,
        &filter::COMPRESS_TYPE.0,
        &COUNT_TYPE.0,
        &CYCLE_TYPE.0,
        &filter::DROPWHILE_TYPE.0,
        &filter::FILTERFALSE_TYPE.0,
        &group::GROUPBY_TYPE.0,
        &group::GROUPER_TYPE.0,
        &ISLICE_TYPE.0,
        &PAIRWISE_TYPE.0,
        &comb::PERMUTATIONS_TYPE.0,
        &comb::PRODUCT_TYPE.0,
        &REPEAT_TYPE.0,
        &filter::STARMAP_TYPE.0,
        &filter::TAKEWHILE_TYPE.0,
        &group::TEE_TYPE.0,
        &group::TEE_DATA_TYPE.0,
        &ZIP_LONGEST_TYPE.0,
    ]
}

static FUNCS: &[MethodDef] = &[MethodDef::method("tee", group::tee)];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("itertools");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    for t in types() {
        let name = t.name();
        mo.set_attr(&name, t.as_obj_ref().to_owned());
    }
    mo.set_attr("__doc__", crate::types::str::new_str("Functional tools for creating and using iterators."));
    Ok(m)
}

/// The items of an iterable as a vector (a tuple's items without copying the tuple).
pub(crate) fn pool(iterable: &Obj) -> PyResult<Vec<PyRef>> {
    if let Some(t) = iterable.downcast_exact::<TupleObj>() {
        return Ok(t.as_slice().to_vec());
    }
    ops::collect_vec(iterable)
}
