//! `range` and its iterator. Bounds are ints of any size; iteration and
//! indexing use machine words when everything fits.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::int::{self, IntObj};
use crate::types::slice::SliceObj;
use crate::types::str::from_string;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{new_bool, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct RangeObj {
    pub ob: Obj,
    start: PyRef,
    stop: PyRef,
    step: PyRef,
    len: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for RangeObj {
    fn class() -> &'static TypeObj {
        &RANGE_TYPE
    }
}

fn big(o: &Obj) -> BigInt {
    o.downcast::<IntObj>().expect("int").to_bigint()
}

fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1u8).div_floor(step) + 1u8
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1u8).div_floor(&-step) + 1u8
    } else {
        BigInt::zero()
    }
}

pub fn new_range(start: BigInt, stop: BigInt, step: BigInt) -> PyRef {
    let len = range_len(&start, &stop, &step);
    crate::object::alloc::alloc_object(
        &RANGE_TYPE,
        RangeObj {
            ob: Obj::new(&RANGE_TYPE.0),
            start: int::from_bigint(start),
            stop: int::from_bigint(stop),
            step: int::from_bigint(step),
            len: int::from_bigint(len),
        },
        0,
    )
}

fn as_index(o: &Obj) -> PyResult<BigInt> {
    let v = ops::index(o)?;
    Ok(big(&v))
}

fn range_new(_t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("range() takes no keyword arguments"));
    }
    let p = &a.all[..a.nargs];
    if let Some(r) = machine_word_range(p) {
        return Ok(r);
    }
    let (start, stop, step) = match p.len() {
        1 => (BigInt::zero(), as_index(p[0])?, BigInt::from(1)),
        2 => (as_index(p[0])?, as_index(p[1])?, BigInt::from(1)),
        3 => (as_index(p[0])?, as_index(p[1])?, as_index(p[2])?),
        0 => return Err(PyErr::type_error("range expected at least 1 argument, got 0")),
        n => return Err(PyErr::type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.is_zero() {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(start, stop, step))
}

/// `range(...)` of exact ints that fit a machine word, without big-integer
/// arithmetic (None when another path must decide, including for errors).
fn machine_word_range(p: &[&Obj]) -> Option<PyRef> {
    let word = |o: &Obj| o.downcast_exact::<int::IntObj>().and_then(|i| i.as_i64());
    let (start, stop, step) = match p {
        [stop] => (0, word(stop)?, 1),
        [start, stop] => (word(start)?, word(stop)?, 1),
        [start, stop, step] => (word(start)?, word(stop)?, word(step)?),
        _ => return None,
    };
    let (lo, hi, step_abs) = match step {
        0 => return None,
        s if s > 0 => (start as i128, stop as i128, s as i128),
        s => (stop as i128, start as i128, -(s as i128)),
    };
    let len = if lo < hi { (hi - lo - 1) / step_abs + 1 } else { 0 };
    let obj = RangeObj {
        ob: Obj::new(&RANGE_TYPE.0),
        start: int::new_int(start),
        stop: int::new_int(stop),
        step: int::new_int(step),
        len: int::from_u64(len as u64),
    };
    Some(crate::object::alloc::alloc_object(&RANGE_TYPE, obj, 0))
}

fn this(o: &Obj) -> &RangeObj {
    o.downcast::<RangeObj>().expect("range")
}

impl RangeObj {
    /// (start, step, len) as machine words, when they fit.
    pub fn small(&self) -> Option<(i64, i64, i64)> {
        let start = int::as_i64(&self.start)?;
        let step = int::as_i64(&self.step)?;
        let len = int::as_i64(&self.len)?;
        // The last element must fit too.
        start.checked_add(step.checked_mul(len)?)?;
        Some((start, step, len))
    }
}

fn range_repr(o: &Obj) -> PyResult {
    let r = this(o);
    let step_is_one = int::as_i64(&r.step) == Some(1);
    Ok(from_string(if step_is_one {
        format!("range({}, {})", ops::repr_string(&r.start)?, ops::repr_string(&r.stop)?)
    } else {
        format!(
            "range({}, {}, {})",
            ops::repr_string(&r.start)?,
            ops::repr_string(&r.stop)?,
            ops::repr_string(&r.step)?
        )
    }))
}

fn range_length(o: &Obj) -> PyResult<usize> {
    let r = this(o);
    match int::as_i64(&r.len) {
        Some(n) if n >= 0 => Ok(n as usize),
        _ => Err(PyErr::overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(o: &Obj) -> PyResult<bool> {
    Ok(!this(o).len.downcast::<IntObj>().expect("int").is_zero())
}

fn item_at(r: &RangeObj, i: &BigInt) -> BigInt {
    big(&r.start) + i * big(&r.step)
}

fn range_getitem(o: &Obj, key: &Obj) -> PyResult {
    let r = this(o);
    if let Some(sl) = key.downcast::<SliceObj>() {
        let len = big(&r.len);
        let (start, stop, step) = slice_big(sl, &len)?;
        let rstep = big(&r.step);
        return Ok(new_range(item_at(r, &start), item_at(r, &stop), step * rstep));
    }
    let Some(i) = ops::index_opt(key)? else {
        return Err(PyErr::type_error(format!("range indices must be integers or slices, not {}", key.class().name())));
    };
    let mut i = big(&i);
    let len = big(&r.len);
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(int::from_bigint(item_at(r, &i)))
}

/// Slice bounds over a range of `len` items, with big integers.
fn slice_big(sl: &SliceObj, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = if sl.step.is_none() { BigInt::from(1) } else { as_index(&sl.step)? };
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let lower = if neg { BigInt::from(-1) } else { BigInt::zero() };
    let upper = if neg { len - 1u8 } else { len.clone() };
    let conv = |o: &PyRef, default: &BigInt| -> PyResult<BigInt> {
        if o.is_none() {
            return Ok(default.clone());
        }
        let mut v = as_index(o)?;
        if v.is_negative() {
            v += len;
            if v < lower {
                v = lower.clone();
            }
        } else if v > upper {
            v = upper.clone();
        }
        Ok(v)
    };
    let start = conv(&sl.start, if neg { &upper } else { &lower })?;
    let stop = conv(&sl.stop, if neg { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn range_contains(o: &Obj, item: &Obj) -> PyResult<bool> {
    let r = this(o);
    if item.class().is(&int::INT_TYPE) || item.class().is(&crate::types::bool::BOOL_TYPE) {
        let v = big(item);
        let (start, stop, step) = (big(&r.start), big(&r.stop), big(&r.step));
        let in_bounds = if step.is_positive() { start <= v && v < stop } else { stop < v && v <= start };
        return Ok(in_bounds && (v - start).mod_floor(&step).is_zero());
    }
    let it = range_iter(o)?;
    while let Some(x) = ops::next(&it)? {
        if ops::eq_bool(&x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<RangeObj>(), b.downcast::<RangeObj>()) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let eq = ranges_equal(x, y);
    Ok(new_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn ranges_equal(x: &RangeObj, y: &RangeObj) -> bool {
    let (lx, ly) = (big(&x.len), big(&y.len));
    if lx != ly {
        return false;
    }
    if lx.is_zero() {
        return true;
    }
    if big(&x.start) != big(&y.start) {
        return false;
    }
    lx == BigInt::from(1) || big(&x.step) == big(&y.step)
}

fn range_hash(o: &Obj) -> PyResult<i64> {
    let r = this(o);
    let len = big(&r.len);
    let t = if len.is_zero() {
        new_tuple(vec![r.len.clone(), crate::types::none(), crate::types::none()])
    } else if len == BigInt::from(1) {
        new_tuple(vec![r.len.clone(), r.start.clone(), crate::types::none()])
    } else {
        new_tuple(vec![r.len.clone(), r.start.clone(), r.step.clone()])
    };
    ops::hash(&t)
}

fn range_iter(o: &Obj) -> PyResult {
    let r = this(o);
    match r.small() {
        Some((start, step, len)) => Ok(new_range_iter(start, step, len)),
        None => {
            // Huge ranges: a generic iterator over indices.
            Ok(crate::types::iterators::new_seq_iter(o))
        }
    }
}

fn m_count(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "count")?;
    if s.downcast::<RangeObj>().is_some()
        && (x.class().is(&int::INT_TYPE) || x.class().is(&crate::types::bool::BOOL_TYPE))
    {
        return Ok(int::new_int(range_contains(s, x)? as i64));
    }
    let it = range_iter(s)?;
    let mut n = 0;
    while let Some(v) = ops::next(&it)? {
        if ops::eq_bool(&v, x)? {
            n += 1;
        }
    }
    Ok(int::new_int(n))
}

fn m_index(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "index")?;
    let r = this(s);
    if x.class().is(&int::INT_TYPE) || x.class().is(&crate::types::bool::BOOL_TYPE) {
        if range_contains(s, x)? {
            return Ok(int::from_bigint((big(x) - big(&r.start)) / big(&r.step)));
        }
    } else {
        let it = range_iter(s)?;
        let mut i = 0i64;
        while let Some(v) = ops::next(&it)? {
            if ops::eq_bool(&v, x)? {
                return Ok(int::new_int(i));
            }
            i += 1;
        }
    }
    Err(PyErr::value_error(format!("{} is not in range", ops::repr_string(x)?)))
}

fn m_reversed(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reversed__")?;
    let r = this(s);
    let len = big(&r.len);
    let step = big(&r.step);
    let last = big(&r.start) + (&len - 1u8) * &step;
    let new_stop = big(&r.start) - &step;
    let rev = new_range(last, new_stop, -step);
    range_iter(&rev)
}

fn m_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let r = this(s);
    Ok(new_tuple(vec![
        RANGE_TYPE.as_obj_ref().to_owned(),
        new_tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]),
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

static METHODS: &[MethodDef] = &[
    MethodDef::method("count", m_count),
    MethodDef::method("index", m_index),
    MethodDef::method("__reversed__", m_reversed),
    MethodDef::method("__reduce__", m_reduce),
];
static GETSETS: &[GetSetDef] =
    &[GetSetDef::getter("start", g_start), GetSetDef::getter("stop", g_stop), GetSetDef::getter("step", g_step)];

crate::static_type! {
    pub static RANGE_TYPE: RangeObj = "range" {
        flags: SEQUENCE,
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: range_new, repr: range_repr, len: range_length, getitem: range_getitem,
            contains: range_contains, richcompare: range_richcompare, hash: range_hash, iter: range_iter,
        },
        number: { bool: range_bool },
    }
}

/// Byte offsets of a range iterator's next value, step and remaining count
/// (`i64` each), for compiled code, which steps it as `next_i64` does.
pub mod iter_layout {
    pub const NEXT: usize = std::mem::offset_of!(super::RangeIterObj, next);
    pub const STEP: usize = std::mem::offset_of!(super::RangeIterObj, step);
    pub const REMAINING: usize = std::mem::offset_of!(super::RangeIterObj, remaining);
}

/// The machine-word range iterator.
#[repr(C)]
pub struct RangeIterObj {
    pub ob: Obj,
    next: std::cell::Cell<i64>,
    step: i64,
    remaining: std::cell::Cell<i64>,
    /// The first value and the length of the whole range, for `__reduce__`.
    start: i64,
    len: i64,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for RangeIterObj {
    fn class() -> &'static TypeObj {
        &RANGE_ITER_TYPE
    }
}

pub fn new_range_iter(start: i64, step: i64, len: i64) -> PyRef {
    crate::object::alloc::alloc_object(
        &RANGE_ITER_TYPE,
        RangeIterObj {
            ob: Obj::new(&RANGE_ITER_TYPE.0),
            next: std::cell::Cell::new(start),
            step,
            remaining: std::cell::Cell::new(len),
            start,
            len,
        },
        0,
    )
}

impl RangeIterObj {
    /// The next value, or None when exhausted (no allocation for small ints).
    #[inline]
    pub fn next_i64(&self) -> Option<i64> {
        let r = self.remaining.get();
        if r <= 0 {
            return None;
        }
        self.remaining.set(r - 1);
        let v = self.next.get();
        self.next.set(v.wrapping_add(self.step));
        Some(v)
    }
}

fn rangeiter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = o.downcast::<RangeIterObj>().expect("range_iterator");
    Ok(it.next_i64().map(int::new_int))
}

fn rangeiter_length_hint(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__length_hint__")?;
    Ok(int::new_int(s.downcast::<RangeIterObj>().expect("range_iterator").remaining.get().max(0)))
}

fn rangeiter_of(o: &Obj) -> PyResult<&RangeIterObj> {
    o.downcast::<RangeIterObj>().ok_or_else(|| PyErr::type_error("expected a range_iterator"))
}

/// `(iter, (range(start, stop, step),), index)`: the whole range and how far
/// the iterator has gone, as in CPython.
fn rangeiter_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let it = rangeiter_of(s)?;
    let start = BigInt::from(it.start);
    let step = BigInt::from(it.step);
    let stop = &start + BigInt::from(it.len) * &step;
    let index = it.len - it.remaining.get().max(0);
    Ok(new_tuple(vec![
        crate::types::iterators::reduce_builtin("iter")?,
        new_tuple(vec![new_range(start, stop, step)]),
        int::new_int(index),
    ]))
}

/// `__setstate__(index)`: moves to `index`, clamped to `0 ..= len`.
fn rangeiter_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let it = rangeiter_of(s)?;
    let i = crate::types::iterators::setstate_index(state)?.clamp(0, it.len);
    it.remaining.set(it.len - i);
    it.next.set(it.start.wrapping_add(i.wrapping_mul(it.step)));
    Ok(crate::types::none())
}

static ITER_METHODS: &[MethodDef] = &[
    MethodDef::method("__length_hint__", rangeiter_length_hint),
    MethodDef::method("__reduce__", rangeiter_reduce),
    MethodDef::method("__setstate__", rangeiter_setstate),
];

crate::static_type! {
    pub static RANGE_ITER_TYPE: RangeIterObj = "range_iterator" {
        flags: READY,
        methods: ITER_METHODS,
        slots: { iter: crate::types::iterators::self_iter, iternext: rangeiter_next },
    }
}
