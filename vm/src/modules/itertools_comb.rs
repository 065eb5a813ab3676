//! Combinatoric iterators of `itertools`: product, permutations,
//! combinations, combinations_with_replacement. Each keeps its pools and
//! index vectors in the object and allocates only the result tuples.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes_args::{clinic, ssize_arg};
use crate::types::int::{self, IntObj};
use crate::types::iterators::{self_iter, setstate_index};
use crate::types::str::StrObj;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};

use super::{alloc, pool};

/// The shared state: `pools` (product: one per argument, cycled `repeat`
/// times; the others: one pool), `indices`, `cycles` (permutations), the size `r` and whether the
/// iteration is over. `first` is true until the first result.
pub struct CombState {
    indices: Vec<usize>,
    cycles: Vec<usize>,
    first: bool,
    stopped: bool,
}

#[repr(C)]
pub struct CombObj {
    pub ob: Obj,
    pools: Vec<Vec<PyRef>>,
    r: usize,
    state: PyCell<CombState>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; the four types and their
// subclasses share it.
unsafe impl PyPayload for CombObj {
    fn class() -> &'static TypeObj {
        &PRODUCT_TYPE
    }
}

fn this(o: &Obj) -> &CombObj {
    // SAFETY: only the four types declared here (and subclasses) use these slots.
    unsafe { o.downcast_unchecked::<CombObj>() }
}

fn new_comb(
    t: &TypeObj,
    pools: Vec<Vec<PyRef>>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    stopped: bool,
) -> PyRef {
    alloc(
        t,
        CombObj { ob: Obj::new(t), pools, r, state: PyCell::new(CombState { indices, cycles, first: true, stopped }) },
    )
}

fn traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(o).pools.iter().flatten().for_each(|x| visit(x));
}

/// A zeroed index vector, or MemoryError.
fn zeros(n: usize) -> PyResult<Vec<usize>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::memory_error())?;
    v.resize(n, 0);
    Ok(v)
}

/// MemoryError when an index vector of `r` entries cannot be allocated, which
/// CPython reports even when the iterator would be empty.
fn reserve_check(r: usize) -> PyResult<()> {
    let mut v: Vec<usize> = Vec::new();
    v.try_reserve_exact(r).map_err(|_| PyErr::memory_error())
}

/// `r` of combinations and combinations_with_replacement (a required ssize_t).
fn r_arg(r: &Obj) -> PyResult<usize> {
    let r = ssize_arg(r)?;
    if r < 0 {
        return Err(PyErr::value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

// ---------------------------------------------------------------- product

fn product_new(t: &TypeObj, a: Args) -> PyResult {
    let mut repeat = 1i64;
    if let Some(k) = a.kwnames.filter(|k| !k.is_empty()) {
        let names = k.as_slice();
        if let Some(bad) = names.iter().map(|n| StrObj::text(n)).find(|n| *n != "repeat") {
            return Err(PyErr::type_error(format!("'{bad}' is an invalid keyword argument for product()")));
        }
        repeat = ssize_arg(a.all[a.nargs + names.len() - 1])?;
        if repeat < 0 {
            return Err(PyErr::value_error("repeat argument cannot be negative"));
        }
    }
    let n = a.nargs;
    if repeat > 0 && n as u128 > (isize::MAX as u128 / 8) / repeat as u128 {
        return Err(PyErr::overflow_error("repeat argument too large"));
    }
    let mut base = Vec::with_capacity(n);
    for x in &a.all[..n] {
        base.push(pool(x)?);
    }
    // The pools repeat: position i draws from base pool i % n.
    let npools = n * repeat as usize;
    let stopped = npools > 0 && base.iter().any(|p: &Vec<PyRef>| p.is_empty());
    Ok(new_comb(t, base, npools, zeros(npools)?, Vec::new(), stopped))
}

fn product_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let c = this(o);
    let n = c.pools.len();
    // An empty pool stops the product on its first step (not at creation),
    // which `__reduce__` tells apart.
    c.state.with_mut(|s| {
        if s.stopped {
            s.first = false;
        }
    });
    step(
        c,
        |ix| advance_product(ix, |i| c.pools[i % n].len()),
        |ix| ix.iter().enumerate().map(|(i, &k)| c.pools[i % n][k].clone()).collect(),
    )
}

// ---------------------------------------------------------------- permutations

fn permutations_new(t: &TypeObj, a: Args) -> PyResult {
    let [iterable, r] = clinic(a, "permutations", ["iterable", "r"], 0, 1)?;
    let p = pool(iterable.expect("required"))?;
    let n = p.len();
    let r = match r.filter(|r| !r.is_none()) {
        None => n,
        Some(r) => {
            if !r.isa::<IntObj>() {
                return Err(PyErr::type_error("Expected int as r"));
            }
            let r = ssize_arg(r)?;
            if r < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            r as usize
        }
    };
    reserve_check(r)?;
    let stopped = r > n;
    let cycles = if stopped { Vec::new() } else { (0..r).map(|i| n - i).collect() };
    Ok(new_comb(t, vec![p], r, (0..n).collect(), cycles, stopped))
}

fn permutations_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let c = this(o);
    let p = &c.pools[0];
    let r = c.r;
    let items = c.state.with_mut(|s| {
        if s.stopped {
            return None;
        }
        if s.first {
            s.first = false;
        } else if !advance_permutation(&mut s.indices, &mut s.cycles, r) {
            s.stopped = true;
            return None;
        }
        Some(s.indices[..r].iter().map(|&k| p[k].clone()).collect::<Vec<_>>())
    });
    Ok(items.map(new_tuple))
}

// ---------------------------------------------------------------- combinations

fn combinations_new(t: &TypeObj, a: Args) -> PyResult {
    let [iterable, r] = clinic(a, "combinations", ["iterable", "r"], 0, 2)?;
    let p = pool(iterable.expect("required"))?;
    let r = r_arg(r.expect("required"))?;
    reserve_check(r)?;
    let stopped = r > p.len();
    let indices = if stopped { Vec::new() } else { (0..r).collect() };
    Ok(new_comb(t, vec![p], r, indices, Vec::new(), stopped))
}

fn combinations_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let c = this(o);
    let p = &c.pools[0];
    step(c, |ix| advance_combination(ix, p.len()), |ix| ix.iter().map(|&k| p[k].clone()).collect())
}

fn cwr_new(t: &TypeObj, a: Args) -> PyResult {
    let [iterable, r] = clinic(a, "combinations_with_replacement", ["iterable", "r"], 0, 2)?;
    let p = pool(iterable.expect("required"))?;
    let r = r_arg(r.expect("required"))?;
    reserve_check(r)?;
    let stopped = p.is_empty() && r > 0;
    let indices = if stopped { Vec::new() } else { zeros(r)? };
    Ok(new_comb(t, vec![p], r, indices, Vec::new(), stopped))
}

fn cwr_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let c = this(o);
    let p = &c.pools[0];
    step(c, |ix| advance_cwr(ix, p.len()), |ix| ix.iter().map(|&k| p[k].clone()).collect())
}

/// One step of product, combinations and combinations_with_replacement: the
/// first call yields the initial indices, later ones `advance` them (false
/// when exhausted); `items` maps indices to the result's items.
fn step(
    c: &CombObj,
    advance: impl FnOnce(&mut [usize]) -> bool,
    items: impl FnOnce(&[usize]) -> Vec<PyRef>,
) -> PyResult<Option<PyRef>> {
    let items = c.state.with_mut(|s| {
        if s.stopped {
            return None;
        }
        if s.first {
            s.first = false;
        } else if !advance(&mut s.indices) {
            s.stopped = true;
            return None;
        }
        Some(items(&s.indices))
    });
    Ok(items.map(new_tuple))
}

/// The next odometer reading: the rightmost wheel that can turn turns, the
/// wheels right of it reset. `size(i)` is the number of positions of wheel i.
fn advance_product(ix: &mut [usize], size: impl Fn(usize) -> usize) -> bool {
    for i in (0..ix.len()).rev() {
        ix[i] += 1;
        if ix[i] < size(i) {
            return true;
        }
        ix[i] = 0;
    }
    false
}

/// CPython's permutation step: `cycles[i]` counts the swaps left at position
/// i; when it runs out, `indices[i..]` rotates back and the next position
/// to the left steps.
fn advance_permutation(indices: &mut [usize], cycles: &mut [usize], r: usize) -> bool {
    let n = indices.len();
    if n == 0 || r == 0 {
        return false;
    }
    for i in (0..r).rev() {
        cycles[i] -= 1;
        if cycles[i] == 0 {
            indices[i..].rotate_left(1);
            cycles[i] = n - i;
        } else {
            let j = cycles[i];
            indices.swap(i, n - j);
            return true;
        }
    }
    false
}

/// The next r-combination of 0..n in lexicographic order.
fn advance_combination(ix: &mut [usize], n: usize) -> bool {
    let r = ix.len();
    // The rightmost index below its maximum, n - r + i.
    let Some(i) = (0..r).rev().find(|&i| ix[i] != i + n - r) else {
        return false;
    };
    ix[i] += 1;
    for j in i + 1..r {
        ix[j] = ix[j - 1] + 1;
    }
    true
}

/// The next non-decreasing r-tuple over 0..n.
fn advance_cwr(ix: &mut [usize], n: usize) -> bool {
    let Some(i) = (0..ix.len()).rev().find(|&i| ix[i] + 1 != n) else {
        return false;
    };
    let v = ix[i] + 1;
    ix[i..].iter_mut().for_each(|x| *x = v);
    true
}

// ---------------------------------------------------------------- pickling

fn ints(v: &[usize]) -> PyRef {
    new_tuple(v.iter().map(|&i| int::from_usize(i)).collect())
}

fn pool_tuple(p: &[PyRef]) -> PyRef {
    new_tuple(p.to_vec())
}

/// The indices in a `__setstate__` tuple of exactly `n` entries.
fn state_indices(state: &Obj, n: usize) -> PyResult<Vec<i64>> {
    let t = state.downcast::<TupleObj>().filter(|t| t.len() == n);
    let Some(t) = t else {
        return Err(PyErr::value_error("invalid arguments"));
    };
    t.as_slice().iter().map(|x| setstate_index(x)).collect()
}

/// CPython 3.11's reduce values: product `(type, pools[, indices])` or
/// `(type, ((),))` once stopped; the others `(type, (pool, r)[, state])`, with
/// `()` as the pool once exhausted. No state before the first result.
fn reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let c = this(s);
    let ty = s.class();
    let t = ty.as_obj_ref().to_owned();
    let (first, stopped, indices, cycles) =
        c.state.with(|st| (st.first, st.stopped, st.indices.clone(), st.cycles.clone()));
    if ty.is_subtype(&PRODUCT_TYPE) {
        if stopped && !first {
            return Ok(new_tuple(vec![t, new_tuple(vec![crate::types::tuple::empty_tuple()])]));
        }
        let n = c.pools.len();
        let pools = new_tuple((0..c.r).map(|i| pool_tuple(&c.pools[i % n])).collect());
        if first {
            return Ok(new_tuple(vec![t, pools]));
        }
        return Ok(new_tuple(vec![t, pools, ints(&indices)]));
    }
    let r = int::from_usize(c.r);
    if first {
        return Ok(new_tuple(vec![t, new_tuple(vec![pool_tuple(&c.pools[0]), r])]));
    }
    if stopped {
        return Ok(new_tuple(vec![t, new_tuple(vec![crate::types::tuple::empty_tuple(), r])]));
    }
    let args = new_tuple(vec![pool_tuple(&c.pools[0]), r]);
    let state =
        if ty.is_subtype(&PERMUTATIONS_TYPE) { new_tuple(vec![ints(&indices), ints(&cycles)]) } else { ints(&indices) };
    Ok(new_tuple(vec![t, args, state]))
}

/// `__setstate__`: the indices (and permutations' cycles), clamped to valid
/// values as CPython does; the next step continues from them.
fn setstate(a: Args) -> PyResult {
    let [s, state] = crate::util::args::exact::<2>(a, "__setstate__")?;
    let c = this(s);
    let ty = s.class();
    let clamp = |v: i64, lo: usize, hi: usize| (v.max(lo as i64) as usize).min(hi);
    if ty.is_subtype(&PRODUCT_TYPE) {
        let idx = state_indices(state, c.r)?;
        let n = c.pools.len();
        let mut indices = Vec::with_capacity(c.r);
        for (i, &v) in idx.iter().enumerate() {
            let size = c.pools[i % n].len();
            if size == 0 {
                c.state.with_mut(|st| st.stopped = true);
                return Ok(crate::types::none());
            }
            indices.push(clamp(v, 0, size - 1));
        }
        c.state.with_mut(|st| {
            st.indices = indices;
            st.first = false;
        });
        return Ok(crate::types::none());
    }
    let n = c.pools[0].len();
    let r = c.r;
    if ty.is_subtype(&PERMUTATIONS_TYPE) {
        let t = state.downcast::<TupleObj>().ok_or_else(|| PyErr::type_error("state is not a tuple"))?;
        let [ix, cy] = t.as_slice() else {
            return Err(PyErr::type_error(format!("function takes exactly 2 arguments ({} given)", t.len())));
        };
        for x in [ix, cy] {
            if !x.isa::<TupleObj>() {
                return Err(PyErr::type_error(format!("argument must be tuple, not {}", x.class().name())));
            }
        }
        let (ix, cy) = (state_indices(ix, n)?, state_indices(cy, r)?);
        if r > n {
            return Ok(crate::types::none());
        }
        let indices: Vec<usize> = ix.iter().map(|&v| clamp(v, 0, n.saturating_sub(1))).collect();
        let cycles: Vec<usize> = cy.iter().enumerate().map(|(i, &v)| clamp(v, 1, n - i)).collect();
        c.state.with_mut(|st| {
            st.indices = indices;
            st.cycles = cycles;
            st.first = false;
        });
        return Ok(crate::types::none());
    }
    let idx = state_indices(state, r)?;
    // Nothing to clamp against: the iterator stopped when it was made.
    if (n == 0 && r > 0) || (r > n && ty.is_subtype(&COMBINATIONS_TYPE)) {
        return Ok(crate::types::none());
    }
    let indices: Vec<usize> = if ty.is_subtype(&COMBINATIONS_TYPE) {
        idx.iter().enumerate().map(|(i, &v)| clamp(v, 0, i + n - r)).collect()
    } else {
        idx.iter().map(|&v| clamp(v, 0, n.saturating_sub(1))).collect()
    };
    c.state.with_mut(|st| {
        st.indices = indices;
        st.first = false;
    });
    Ok(crate::types::none())
}

static METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", reduce), MethodDef::method("__setstate__", setstate)];

macro_rules! comb_type {
    ($id:ident, $name:literal, $new:expr, $next:expr) => {
        crate::static_type! {
            pub static $id: CombObj = $name {
                module: "itertools",
                flags: HAVE_GC | BASETYPE,
                methods: METHODS,
                slots: { new: $new, iter: self_iter, iternext: $next, traverse: traverse },
            }
        }
    };
}
comb_type!(PRODUCT_TYPE, "product", product_new, product_next);
comb_type!(PERMUTATIONS_TYPE, "permutations", permutations_new, permutations_next);
comb_type!(COMBINATIONS_TYPE, "combinations", combinations_new, combinations_next);
comb_type!(CWR_TYPE, "combinations_with_replacement", cwr_new, cwr_next);

#[cfg(test)]
mod tests {
    use super::*;

    fn count(mut advance: impl FnMut() -> bool) -> usize {
        let mut k = 1;
        while advance() {
            k += 1;
        }
        k
    }

    #[test]
    fn product_counts() {
        let mut ix = vec![0; 3];
        assert_eq!(count(|| advance_product(&mut ix, |i| [2, 3, 4][i])), 24);
        let mut ix = vec![0; 4];
        assert_eq!(count(|| advance_product(&mut ix, |_| 3)), 81);
    }

    #[test]
    fn permutation_order() {
        let (mut ix, mut cy) = ((0..3).collect::<Vec<_>>(), vec![3, 2]);
        let mut seen = vec![ix[..2].to_vec()];
        while advance_permutation(&mut ix, &mut cy, 2) {
            seen.push(ix[..2].to_vec());
        }
        let want: Vec<Vec<usize>> = vec![vec![0, 1], vec![0, 2], vec![1, 0], vec![1, 2], vec![2, 0], vec![2, 1]];
        assert_eq!(seen, want);
        let (mut ix, mut cy) = ((0..6).collect::<Vec<_>>(), (0..6).map(|i| 6 - i).collect::<Vec<_>>());
        assert_eq!(count(|| advance_permutation(&mut ix, &mut cy, 6)), 720);
    }

    #[test]
    fn combination_counts() {
        let mut ix: Vec<usize> = (0..4).collect();
        assert_eq!(count(|| advance_combination(&mut ix, 10)), 210);
        let mut ix = vec![0; 3];
        assert_eq!(count(|| advance_cwr(&mut ix, 4)), 20);
        let mut ix = vec![0; 2];
        let mut seen = vec![ix.clone()];
        while advance_cwr(&mut ix, 2) {
            seen.push(ix.clone());
        }
        assert_eq!(seen, vec![vec![0, 0], vec![0, 1], vec![1, 1]]);
    }
}
