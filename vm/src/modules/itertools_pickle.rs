//! `__reduce__` and `__setstate__` of the itertools types defined in
//! `itertools.rs` (cycle, chain, islice, accumulate, zip_longest), with the
//! same values as CPython 3.11 so that they pickle and copy.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::int;
use crate::types::iterators::setstate_index;
use crate::types::none;
use crate::types::tuple::{empty_tuple, new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::util::args;

use super::{AccumulateObj, ChainObj, CycleObj, IsliceObj, ZipLongestObj, CHAIN_TYPE, ISLICE_TYPE};

fn type_of(s: &Obj) -> PyRef {
    s.class().as_obj_ref().to_owned()
}

fn wrong(what: &str) -> PyErr {
    PyErr::type_error(format!("descriptor requires a '{what}' object"))
}

// ---------------------------------------------------------------- cycle

/// `(type, (it,), (saved, firstpass))`; once the source is exhausted the
/// iterator is one over the saved items, positioned at the current index.
fn cycle_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let c = s.downcast::<CycleObj>().ok_or_else(|| wrong("itertools.cycle"))?;
    let saved = crate::types::list::new_list(c.saved.get_clone());
    match c.it.get_clone() {
        Some(it) => Ok(new_tuple(vec![
            type_of(s),
            new_tuple(vec![it]),
            new_tuple(vec![saved, crate::types::new_bool(c.firstpass.get())]),
        ])),
        None => {
            let it = ops::iter(&saved)?;
            let index = c.index.get();
            if index != 0 {
                ops::call_method(&it, "__setstate__", &[&int::from_usize(index)])?;
            }
            Ok(new_tuple(vec![type_of(s), new_tuple(vec![it]), new_tuple(vec![saved, crate::types::new_bool(true)])]))
        }
    }
}

/// `__setstate__((saved_list, firstpass))`.
fn cycle_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let c = s.downcast::<CycleObj>().ok_or_else(|| wrong("itertools.cycle"))?;
    let t = state.downcast::<TupleObj>().ok_or_else(|| PyErr::type_error("state is not a tuple"))?;
    let items = t.as_slice();
    if items.len() != 2 {
        return Err(PyErr::type_error(format!("function takes exactly 2 arguments ({} given)", items.len())));
    }
    let Some(list) = items[0].downcast::<crate::types::list::ListObj>() else {
        return Err(PyErr::type_error(format!("argument 1 must be list, not {}", items[0].class().name())));
    };
    let firstpass = int::expect_i64(&items[1], "int")? != 0;
    let saved = list.to_vec();
    let old = c.saved.replace(saved);
    drop(old);
    c.firstpass.set(firstpass);
    c.index.set(0);
    Ok(none())
}

pub(super) static CYCLE_METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", cycle_reduce), MethodDef::method("__setstate__", cycle_setstate)];

// ---------------------------------------------------------------- chain

/// `(type, (), (source, active))`, `(type, (), (source,))` between
/// iterables, `(type, ())` once exhausted.
pub(super) fn chain_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let c = s.downcast::<ChainObj>().ok_or_else(|| wrong("itertools.chain"))?;
    let Some(source) = c.source.get_clone() else {
        return Ok(new_tuple(vec![type_of(s), empty_tuple()]));
    };
    let state = match c.active.get_clone() {
        Some(active) => new_tuple(vec![source, active]),
        None => new_tuple(vec![source]),
    };
    Ok(new_tuple(vec![type_of(s), empty_tuple(), state]))
}

/// `__setstate__((source[, active]))`: both must be iterators.
pub(super) fn chain_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let c = s.downcast::<ChainObj>().ok_or_else(|| wrong("itertools.chain"))?;
    let t = state.downcast::<TupleObj>().ok_or_else(|| PyErr::type_error("state is not a tuple"))?;
    let items = t.as_slice();
    if items.is_empty() || items.len() > 2 {
        return Err(PyErr::type_error(format!(
            "function takes {} ({} given)",
            if items.is_empty() { "at least 1 argument" } else { "at most 2 arguments" },
            items.len()
        )));
    }
    if items.iter().any(|x| x.class().iternext.get().is_none()) {
        return Err(PyErr::type_error("Arguments must be iterators."));
    }
    let old = c.source.replace(Some(items[0].clone()));
    drop(old);
    let old = c.active.replace(items.get(1).cloned());
    drop(old);
    Ok(none())
}

// ---------------------------------------------------------------- islice

/// `(type, (it, next, stop, step), cnt)`; once exhausted
/// `(type, (iter([]), 0), 0)`.
fn islice_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let l = s.downcast::<IsliceObj>().ok_or_else(|| wrong("itertools.islice"))?;
    let Some(it) = l.it.get_clone() else {
        let empty = ops::iter(&crate::types::list::new_list(Vec::new()))?;
        return Ok(new_tuple(vec![type_of(s), new_tuple(vec![empty, int::new_int(0)]), int::new_int(0)]));
    };
    let stop = l.stop.map_or_else(none, int::from_usize);
    Ok(new_tuple(vec![
        type_of(s),
        new_tuple(vec![it, int::from_usize(l.next.get()), stop, int::from_usize(l.step)]),
        int::from_usize(l.cnt.get()),
    ]))
}

/// `__setstate__(cnt)`: the count of items already taken from the source.
fn islice_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let l = s.downcast::<IsliceObj>().ok_or_else(|| wrong("itertools.islice"))?;
    let n = setstate_index(state)?;
    l.cnt.set(n.max(0) as usize);
    Ok(none())
}

pub(super) static ISLICE_METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", islice_reduce), MethodDef::method("__setstate__", islice_setstate)];

// ---------------------------------------------------------------- accumulate

/// CPython's three forms: a pending initial value is put back in front of the
/// source with a chain; a running total that is None cannot be a state, so
/// the object is rebuilt as an islice skipping one item of
/// `accumulate(chain((None,), it), func)`; otherwise `(type, (it, func), total)`.
fn accumulate_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let acc = s.downcast::<AccumulateObj>().ok_or_else(|| wrong("itertools.accumulate"))?;
    let func = acc.func.clone().unwrap_or_else(none);
    let chain_with = |first: PyRef| -> PyResult {
        let src = new_tuple(vec![new_tuple(vec![first]), acc.it.clone()]);
        Ok(super::new_chain(&CHAIN_TYPE, ops::iter(&src)?))
    };
    if let Some(initial) = acc.initial.get_clone() {
        return Ok(new_tuple(vec![type_of(s), new_tuple(vec![chain_with(initial)?, func]), none()]));
    }
    match acc.total.get_clone() {
        Some(total) if total.is_none() => {
            let chained = chain_with(total)?;
            let rebuilt = ops::call(s.class().as_obj_ref(), &[&chained, &func], None)?;
            Ok(new_tuple(vec![ISLICE_TYPE.as_obj_ref().to_owned(), new_tuple(vec![rebuilt, int::new_int(1), none()])]))
        }
        total => Ok(new_tuple(vec![type_of(s), new_tuple(vec![acc.it.clone(), func]), total.unwrap_or_else(none)])),
    }
}

/// `__setstate__(total)`.
fn accumulate_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let acc = s.downcast::<AccumulateObj>().ok_or_else(|| wrong("itertools.accumulate"))?;
    let old = acc.total.replace(Some(state.to_owned()));
    drop(old);
    Ok(none())
}

pub(super) static ACCUMULATE_METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", accumulate_reduce), MethodDef::method("__setstate__", accumulate_setstate)];

// ---------------------------------------------------------------- zip_longest

/// `(type, iterators, fillvalue)`, an exhausted iterator given as `()`.
fn zip_longest_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let z = s.downcast::<ZipLongestObj>().ok_or_else(|| wrong("itertools.zip_longest"))?;
    let iters: Vec<PyRef> = z.iters.with(|v| v.iter().map(|x| x.clone().unwrap_or_else(empty_tuple)).collect());
    Ok(new_tuple(vec![type_of(s), new_tuple(iters), z.fillvalue.get_clone()]))
}

/// `__setstate__(fillvalue)`.
fn zip_longest_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let z = s.downcast::<ZipLongestObj>().ok_or_else(|| wrong("itertools.zip_longest"))?;
    let old = z.fillvalue.replace(state.to_owned());
    drop(old);
    Ok(none())
}

pub(super) static ZIP_LONGEST_METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", zip_longest_reduce), MethodDef::method("__setstate__", zip_longest_setstate)];
