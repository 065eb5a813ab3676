//! The `_heapq` module: the heap primitives of `heapq.py` on lists, with
//! CPython's comparison order (so results and the order of equal items match)
//! and its checks for lists resized by a comparison.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::list::ListObj;
use crate::types::module::{new_module, ModuleObj};
use crate::types::none;
use crate::types::typeobj::{Args, MethodDef};

use super::native_type::{check_positional, no_keywords};

/// The list argument, or CPython's "argument must be list" error.
fn list_arg<'a>(o: &'a Obj, fname: &str, argpos: Option<usize>) -> PyResult<&'a ListObj> {
    o.downcast::<ListObj>().ok_or_else(|| {
        let what = match argpos {
            Some(n) => format!("argument {n}"),
            None => "argument".to_string(),
        };
        let got = if o.is_none() { "None".to_string() } else { o.class().name() };
        PyErr::type_error(format!("{fname}() {what} must be list, not {got}"))
    })
}

/// The arguments of a one-argument function (`heappop(heap, /)`).
fn one_arg<'a>(a: &Args<'a>, fname: &str) -> PyResult<&'a ListObj> {
    no_keywords(a, &format!("_heapq.{fname}"))?;
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("_heapq.{fname}() takes exactly one argument ({} given)", a.nargs)));
    }
    list_arg(a.all[0], fname, None)
}

/// The arguments of `f(heap, item, /)`.
fn two_args<'a>(a: &Args<'a>, fname: &str) -> PyResult<(&'a ListObj, &'a Obj)> {
    no_keywords(a, &format!("_heapq.{fname}"))?;
    check_positional(fname, a.nargs, 2, 2)?;
    Ok((list_arg(a.all[0], fname, Some(1))?, a.all[1]))
}

fn changed_size() -> PyErr {
    PyErr::runtime_error("list changed size during iteration")
}

fn index_error() -> PyErr {
    PyErr::index_error("index out of range")
}

fn item(heap: &ListObj, i: usize) -> PyResult<PyRef> {
    heap.get(i).ok_or_else(changed_size)
}

/// `a < b`, or `b < a` for the max-heap variants.
fn less(a: &Obj, b: &Obj, max: bool) -> PyResult<bool> {
    if max {
        ops::lt_bool(b, a)
    } else {
        ops::lt_bool(a, b)
    }
}

/// Swaps two items (re-read after a comparison, which may have changed them).
fn swap(heap: &ListObj, i: usize, j: usize) -> PyResult<()> {
    let (x, y) = (item(heap, i)?, item(heap, j)?);
    heap.set(i, y);
    heap.set(j, x);
    Ok(())
}

/// Moves the item at `pos` up towards `startpos` while it is smaller than its parent.
fn siftdown(heap: &ListObj, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(index_error());
    }
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let newitem = item(heap, pos)?;
        let parent = item(heap, parentpos)?;
        let lt = less(&newitem, &parent, max)?;
        if heap.len() != size {
            return Err(changed_size());
        }
        if !lt {
            break;
        }
        swap(heap, parentpos, pos)?;
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up until reaching a leaf, then sifts the item that
/// was at `pos` down into place.
fn siftup(heap: &ListObj, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = heap.len();
    let startpos = pos;
    if pos >= endpos {
        return Err(index_error());
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let a = item(heap, childpos)?;
            let b = item(heap, childpos + 1)?;
            let lt = less(&a, &b, max)?;
            if heap.len() != endpos {
                return Err(changed_size());
            }
            if !lt {
                childpos += 1;
            }
        }
        swap(heap, childpos, pos)?;
        pos = childpos;
    }
    siftdown(heap, startpos, pos, max)
}

fn heappush(a: Args) -> PyResult {
    let (heap, x) = two_args(&a, "heappush")?;
    heap.push(x.to_owned());
    siftdown(heap, 0, heap.len() - 1, false)?;
    Ok(none())
}

fn pop(heap: &ListObj, max: bool) -> PyResult {
    let last = heap.pop_last().ok_or_else(index_error)?;
    if heap.is_empty() {
        return Ok(last);
    }
    let first = item(heap, 0)?;
    heap.set(0, last);
    siftup(heap, 0, max)?;
    Ok(first)
}

fn heappop(a: Args) -> PyResult {
    pop(one_arg(&a, "heappop")?, false)
}

fn heappop_max(a: Args) -> PyResult {
    pop(one_arg(&a, "_heappop_max")?, true)
}

fn replace(heap: &ListObj, x: &Obj, max: bool) -> PyResult {
    if heap.is_empty() {
        return Err(index_error());
    }
    let first = item(heap, 0)?;
    heap.set(0, x.to_owned());
    siftup(heap, 0, max)?;
    Ok(first)
}

fn heapreplace(a: Args) -> PyResult {
    let (heap, x) = two_args(&a, "heapreplace")?;
    replace(heap, x, false)
}

fn heapreplace_max(a: Args) -> PyResult {
    let (heap, x) = two_args(&a, "_heapreplace_max")?;
    replace(heap, x, true)
}

fn heappushpop(a: Args) -> PyResult {
    let (heap, x) = two_args(&a, "heappushpop")?;
    let Some(top) = heap.get(0) else { return Ok(x.to_owned()) };
    if !ops::lt_bool(&top, x)? {
        return Ok(x.to_owned());
    }
    if heap.is_empty() {
        return Err(index_error());
    }
    let first = item(heap, 0)?;
    heap.set(0, x.to_owned());
    siftup(heap, 0, false)?;
    Ok(first)
}

fn heapify_list(heap: &ListObj, max: bool) -> PyResult<()> {
    // Each node is sifted after its subtrees are heaps; the result does not
    // depend on which subtrees go first.
    let n = heap.len();
    for i in (0..n / 2).rev() {
        siftup(heap, i, max)?;
    }
    Ok(())
}

fn heapify(a: Args) -> PyResult {
    heapify_list(one_arg(&a, "heapify")?, false)?;
    Ok(none())
}

fn heapify_max(a: Args) -> PyResult {
    heapify_list(one_arg(&a, "_heapify_max")?, true)?;
    Ok(none())
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("heappush", heappush),
    MethodDef::method("heappop", heappop),
    MethodDef::method("heapreplace", heapreplace),
    MethodDef::method("heappushpop", heappushpop),
    MethodDef::method("heapify", heapify),
    MethodDef::method("_heappop_max", heappop_max),
    MethodDef::method("_heapreplace_max", heapreplace_max),
    MethodDef::method("_heapify_max", heapify_max),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_heapq");
    m.downcast::<ModuleObj>().expect("module").add_functions(&m, FUNCS);
    Ok(m)
}
