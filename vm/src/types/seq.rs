//! Helpers shared by the sequence types: index normalisation, rich comparison
//! of item slices, repr recursion guards, and a stable, panic-free merge sort.

use std::cell::RefCell;

use crate::object::{Obj, PyRef, Static};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::int;
use crate::types::new_bool;
use ember_compiler::bytecode::CompareOp;

/// Normalises a possibly negative index against `len`; None if out of range.
#[inline]
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let i = if i < 0 { i + n } else { i };
    if (0..n).contains(&i) {
        Some(i as usize)
    } else {
        None
    }
}

/// An index argument for a sequence: int-like or TypeError with CPython's
/// message for `kind` (e.g. "list").
pub fn seq_index(key: &Obj, kind: &str) -> PyResult<i64> {
    match int::index_of(key)? {
        Some(i) => Ok(i),
        None => {
            Err(PyErr::type_error(format!("{kind} indices must be integers or slices, not {}", key.class().name())))
        }
    }
}

/// Lexicographic rich comparison of two item sequences (Python semantics).
/// `get` returns the i-th item of each side (re-read each step, since
/// comparisons may mutate the containers).
pub fn richcompare_items(
    len_a: &dyn Fn() -> usize,
    len_b: &dyn Fn() -> usize,
    get: &dyn Fn(usize) -> Option<(PyRef, PyRef)>,
    op: CompareOp,
) -> PyResult {
    let mut i = 0;
    loop {
        if i >= len_a() || i >= len_b() {
            break;
        }
        let Some((x, y)) = get(i) else { break };
        if !x.is(&y) && !ops::eq_bool(&x, &y)? {
            return match op {
                CompareOp::Eq => Ok(new_bool(false)),
                CompareOp::Ne => Ok(new_bool(true)),
                _ => ops::richcompare(&x, &y, op),
            };
        }
        i += 1;
    }
    let (la, lb) = (len_a(), len_b());
    Ok(new_bool(int::compare_result(la.cmp(&lb), op)))
}

/// Objects whose repr is being computed (for `[...]`-style recursion markers).
static REPR_STACK: Static<RefCell<Vec<usize>>> = Static(RefCell::new(Vec::new()));

/// Runs `f` unless `obj`'s repr is already in progress, in which case returns
/// None (the caller prints its recursion marker).
pub fn repr_guard<R>(obj: &Obj, f: impl FnOnce() -> R) -> Option<R> {
    let key = obj.as_ptr() as usize;
    if REPR_STACK.borrow().contains(&key) {
        return None;
    }
    REPR_STACK.borrow_mut().push(key);
    let r = f();
    let mut st = REPR_STACK.borrow_mut();
    if let Some(pos) = st.iter().rposition(|k| *k == key) {
        st.remove(pos);
    }
    Some(r)
}

/// Joins the reprs of `items` with ", ".
pub fn join_reprs(items: &[PyRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr_string(item)?);
    }
    Ok(out)
}

/// Stable merge sort with a fallible "less than". Stops comparing after the
/// first error and returns it (the slice is then in some permutation of its
/// original items, as with CPython).
pub fn merge_sort<T: Clone>(v: &mut [T], is_less: &mut dyn FnMut(&T, &T) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // Binary insertion sort on runs of RUN elements, then bottom-up merges.
    const RUN: usize = 32;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let item = v[i].clone();
            // Find the first position in start..i whose element is greater than item.
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if is_less(&item, &v[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            v[lo..=i].rotate_right(1);
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                // Skip the merge when the runs are already in order.
                if is_less(&v[mid], &v[mid - 1])? {
                    buf.clear();
                    let (mut i, mut j) = (lo, mid);
                    while i < mid && j < hi {
                        if is_less(&v[j], &v[i])? {
                            buf.push(v[j].clone());
                            j += 1;
                        } else {
                            buf.push(v[i].clone());
                            i += 1;
                        }
                    }
                    buf.extend_from_slice(&v[i..mid]);
                    buf.extend_from_slice(&v[j..hi]);
                    v[lo..hi].clone_from_slice(&buf);
                }
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

/// Parses `(value, start=0, stop=len)` for `index` methods, clamping the bounds.
pub fn index_args<'a>(
    args: crate::types::typeobj::Args<'a>,
    name: &str,
    len: usize,
) -> PyResult<(&'a Obj, usize, usize)> {
    let [_, value, start, stop] = crate::util::args::parse(args, name, &["self", "value", "start", "stop", "/"], 2)?;
    let value = value.expect("required");
    let clamp = |o: Option<&Obj>, default: usize| -> PyResult<usize> {
        let Some(o) = o else { return Ok(default) };
        let Some(i) = int::index_saturating(o)? else {
            return Err(PyErr::type_error("slice indices must be integers or have an __index__ method"));
        };
        let n = len as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        Ok(i as usize)
    };
    Ok((value, clamp(start, 0)?, clamp(stop, len)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_sort_is_stable() {
        let mut v: Vec<(i32, usize)> = (0..500).map(|i| (((i * 7919) % 13) as i32, i)).collect();
        merge_sort(&mut v, &mut |a, b| Ok(a.0 < b.0)).unwrap();
        for w in v.windows(2) {
            assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1));
        }
    }
}
