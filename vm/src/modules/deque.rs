//! `collections.deque`: a double-ended queue on a ring buffer, with an
//! optional maximum length, and its forward and reverse iterators.
//!
//! Every operation that adds, removes or reorders items bumps `state`, which
//! iterators and scans compare to detect mutation ("deque mutated during
//! iteration"). Items are never compared or dropped while the buffer is
//! borrowed: methods copy out what they need first.

use std::cell::Cell;
use std::collections::VecDeque;

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::iterators::self_iter;
use crate::types::str::{from_string, new_str};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, none, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

use super::native_type::short_name;

#[repr(C)]
pub struct DequeObj {
    pub ob: Obj,
    items: PyCell<VecDeque<PyRef>>,
    maxlen: Cell<Option<usize>>,
    state: Cell<u64>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share the layout.
unsafe impl PyPayload for DequeObj {
    fn class() -> &'static TypeObj {
        &DEQUE_TYPE
    }
}

fn this(o: &Obj) -> &DequeObj {
    o.downcast::<DequeObj>().expect("deque")
}

fn mutated() -> PyErr {
    PyErr::runtime_error("deque mutated during iteration")
}

/// `remove()` reports mutation during its scan as an IndexError (CPython 3.11).
fn mutated_in_remove() -> PyErr {
    PyErr::index_error("deque mutated during iteration")
}

impl DequeObj {
    pub fn len(&self) -> usize {
        self.items.with(|v| v.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, i: usize) -> Option<PyRef> {
        self.items.with(|v| v.get(i).cloned())
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// Appends on the right, dropping from the left past `maxlen`.
    fn push_back(&self, x: PyRef) {
        let max = self.maxlen.get();
        if max == Some(0) {
            return;
        }
        let old = self.items.with_mut(|v| {
            v.push_back(x);
            if max.is_some_and(|m| v.len() > m) {
                v.pop_front()
            } else {
                None
            }
        });
        self.bump();
        drop(old);
    }

    /// Appends on the left, dropping from the right past `maxlen`.
    fn push_front(&self, x: PyRef) {
        let max = self.maxlen.get();
        if max == Some(0) {
            return;
        }
        let old = self.items.with_mut(|v| {
            v.push_front(x);
            if max.is_some_and(|m| v.len() > m) {
                v.pop_back()
            } else {
                None
            }
        });
        self.bump();
        drop(old);
    }

    fn snapshot(&self) -> Vec<PyRef> {
        self.items.with(|v| v.iter().cloned().collect())
    }

    fn replace_all(&self, items: VecDeque<PyRef>) {
        let old = self.items.replace(items);
        self.bump();
        drop(old);
    }
}

fn alloc_deque(t: &TypeObj, maxlen: Option<usize>) -> PyRef {
    crate::object::alloc::alloc_object(
        t,
        DequeObj {
            ob: Obj::new(t),
            items: PyCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        },
        0,
    )
}

/// A new exact deque holding `items` (already trimmed to `maxlen`).
pub fn new_deque(items: Vec<PyRef>, maxlen: Option<usize>) -> PyRef {
    let d = alloc_deque(&DEQUE_TYPE, maxlen);
    this(&d).items.replace(items.into());
    d
}

fn deque_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(alloc_deque(t, None))
}

fn parse_maxlen(m: Option<&Obj>) -> PyResult<Option<usize>> {
    let Some(m) = m.filter(|m| !m.is_none()) else { return Ok(None) };
    let Some(n) = m.downcast::<int::IntObj>() else {
        return Err(PyErr::type_error("an integer is required"));
    };
    let Some(n) = n.as_i64() else {
        return Err(PyErr::overflow_error("Python int too large to convert to C ssize_t"));
    };
    if n < 0 {
        return Err(PyErr::value_error("maxlen must be non-negative"));
    }
    Ok(Some(n as usize))
}

fn deque_init(o: &Obj, a: Args) -> PyResult<()> {
    // CPython parses these with PyArg_ParseTupleAndKeywords and its message.
    if let Some(names) = a.kwnames {
        for k in names.as_slice() {
            let k = crate::types::str::StrObj::text(k);
            if k != "iterable" && k != "maxlen" {
                return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for deque()")));
            }
        }
    }
    let [iterable, maxlen] = args::parse(a, "deque", &["iterable", "maxlen"], 0)?;
    let d = this(o);
    d.maxlen.set(parse_maxlen(maxlen)?);
    if !d.is_empty() {
        d.replace_all(VecDeque::new());
    }
    if let Some(it) = iterable {
        extend(o, it)?;
    }
    Ok(())
}

/// `d.extend(iterable)`.
fn extend(o: &Obj, iterable: &Obj) -> PyResult<()> {
    let d = this(o);
    if iterable.is(o) {
        for x in d.snapshot() {
            d.push_back(x);
        }
        return Ok(());
    }
    let it = ops::iter(iterable)?;
    while let Some(x) = ops::next(&it)? {
        d.push_back(x);
    }
    Ok(())
}

fn extendleft(o: &Obj, iterable: &Obj) -> PyResult<()> {
    let d = this(o);
    if iterable.is(o) {
        for x in d.snapshot() {
            d.push_front(x);
        }
        return Ok(());
    }
    let it = ops::iter(iterable)?;
    while let Some(x) = ops::next(&it)? {
        d.push_front(x);
    }
    Ok(())
}

fn m_append(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "append")?;
    this(s).push_back(x.to_owned());
    Ok(none())
}

fn m_appendleft(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "appendleft")?;
    this(s).push_front(x.to_owned());
    Ok(none())
}

fn m_extend(a: Args) -> PyResult {
    let [s, it] = args::exact::<2>(a, "extend")?;
    extend(s, it)?;
    Ok(none())
}

fn m_extendleft(a: Args) -> PyResult {
    let [s, it] = args::exact::<2>(a, "extendleft")?;
    extendleft(s, it)?;
    Ok(none())
}

fn m_pop(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "pop")?;
    let d = this(s);
    let x = d.items.with_mut(|v| v.pop_back()).ok_or_else(|| PyErr::index_error("pop from an empty deque"))?;
    d.bump();
    Ok(x)
}

fn m_popleft(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "popleft")?;
    let d = this(s);
    let x = d.items.with_mut(|v| v.pop_front()).ok_or_else(|| PyErr::index_error("pop from an empty deque"))?;
    d.bump();
    Ok(x)
}

fn rotate(d: &DequeObj, n: i64) {
    let len = d.len();
    if len <= 1 {
        return;
    }
    let k = n.rem_euclid(len as i64) as usize;
    if k == 0 {
        return;
    }
    d.items.with_mut(|v| v.rotate_right(k));
    d.bump();
}

fn m_rotate(a: Args) -> PyResult {
    let [s, n] = args::parse(a, "rotate", &["self", "n", "/"], 1)?;
    let n = match n {
        Some(n) => int::expect_i64(n, "ssize_t")?,
        None => 1,
    };
    rotate(this(s.expect("self")), n);
    Ok(none())
}

fn m_clear(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "clear")?;
    this(s).replace_all(VecDeque::new());
    Ok(none())
}

/// A copy of the same type and maxlen: exact deques directly, subclasses by
/// calling the type as CPython does.
fn copy_of(o: &Obj) -> PyResult {
    let d = this(o);
    if o.class().is(&DEQUE_TYPE) {
        let c = alloc_deque(&DEQUE_TYPE, d.maxlen.get());
        this(&c).items.replace(d.items.with(|v| v.clone()));
        return Ok(c);
    }
    let ty = o.class().as_obj_ref();
    match d.maxlen.get() {
        None => ops::call1(ty, o),
        Some(m) => ops::call2(ty, o, &int::from_usize(m)),
    }
}

fn m_copy(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "copy")?;
    copy_of(s)
}

fn m_count(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "count")?;
    let d = this(s);
    let state = d.state.get();
    let mut n = 0usize;
    let mut i = 0;
    while let Some(item) = d.get(i) {
        if item.is(x) || ops::eq_bool(&item, x)? {
            n += 1;
        }
        if d.state.get() != state {
            return Err(mutated());
        }
        i += 1;
    }
    Ok(int::from_usize(n))
}

fn m_index(a: Args) -> PyResult {
    let d = this(a.all[0]);
    let (x, start, stop) = crate::types::seq::index_args(a, "index", d.len())?;
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(item) = d.get(i) else { break };
        if item.is(x) || ops::eq_bool(&item, x)? {
            return Ok(int::from_usize(i));
        }
        if d.state.get() != state {
            return Err(mutated());
        }
        i += 1;
    }
    Err(PyErr::value_error(format!("{} is not in deque", ops::repr_string(x)?)))
}

fn m_insert(a: Args) -> PyResult {
    let [s, index, x] = args::exact::<3>(a, "insert")?;
    let d = this(s);
    let i = int::expect_i64(index, "ssize_t")?;
    let n = d.len();
    if d.maxlen.get() == Some(n) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let i = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
    let x = x.to_owned();
    d.items.with_mut(|v| v.insert(i, x));
    d.bump();
    Ok(none())
}

fn m_remove(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "remove")?;
    let d = this(s);
    let state = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        let eq = item.is(x) || ops::eq_bool(&item, x)?;
        if d.state.get() != state {
            return Err(mutated_in_remove());
        }
        if eq {
            let old = d.items.with_mut(|v| v.remove(i));
            d.bump();
            drop(old);
            return Ok(none());
        }
        i += 1;
    }
    Err(PyErr::value_error(format!("{} is not in deque", ops::repr_string(x)?)))
}

fn m_reverse(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "reverse")?;
    let d = this(s);
    d.items.with_mut(|v| v.make_contiguous().reverse());
    d.bump();
    Ok(none())
}

fn m_reversed(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reversed__")?;
    Ok(new_iter(s, true))
}

fn m_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let state = match crate::types::instance::get_dict(s) {
        Some(d) if ops::len(&d)? > 0 => d,
        _ => none(),
    };
    let ctor_args = match this(s).maxlen.get() {
        None => crate::types::tuple::empty_tuple(),
        Some(m) => new_tuple(vec![crate::types::tuple::empty_tuple(), int::from_usize(m)]),
    };
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), ctor_args, state, new_iter(s, false)]))
}

fn m_sizeof(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__sizeof__")?;
    Ok(int::from_usize(64 + 8 * this(s).items.with(|v| v.capacity())))
}

fn m_class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}

fn g_maxlen(o: &Obj) -> PyResult {
    Ok(this(o).maxlen.get().map_or_else(none, int::from_usize))
}

// --- slots --------------------------------------------------------------

fn deque_len(o: &Obj) -> PyResult<usize> {
    Ok(this(o).len())
}

fn item_index(d: &DequeObj, key: &Obj) -> PyResult<usize> {
    let Some(i) = int::index_of(key)? else {
        return Err(PyErr::type_error(format!("sequence index must be integer, not '{}'", key.class().name())));
    };
    crate::types::seq::norm_index(i, d.len()).ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_getitem(o: &Obj, key: &Obj) -> PyResult {
    let d = this(o);
    let i = item_index(d, key)?;
    d.get(i).ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let d = this(o);
    let i = item_index(d, key)?;
    let old = match value {
        Some(v) => {
            let v = v.to_owned();
            d.items.with_mut(|items| items.get_mut(i).map(|slot| std::mem::replace(slot, v)))
        }
        None => {
            let old = d.items.with_mut(|items| items.remove(i));
            d.bump();
            old
        }
    };
    match old {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(PyErr::index_error("deque index out of range")),
    }
}

fn deque_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    let d = this(o);
    let state = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        if item.is(x) || ops::eq_bool(&item, x)? {
            return Ok(true);
        }
        if d.state.get() != state {
            return Err(mutated());
        }
        i += 1;
    }
    Ok(false)
}

fn deque_iter(o: &Obj) -> PyResult {
    Ok(new_iter(o, false))
}

fn deque_repr(o: &Obj) -> PyResult {
    let name = short_name(o.class());
    let d = this(o);
    let r = crate::types::seq::repr_guard(o, || crate::types::seq::join_reprs(&d.snapshot()));
    let Some(body) = r else { return Ok(new_str("[...]")) };
    let body = body?;
    Ok(from_string(match d.maxlen.get() {
        None => format!("{name}([{body}])"),
        Some(m) => format!("{name}([{body}], maxlen={m})"),
    }))
}

fn deque_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<DequeObj>(), b.downcast::<DequeObj>()) else {
        return Ok(not_implemented());
    };
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(crate::types::new_bool(op == CompareOp::Ne));
    }
    crate::types::seq::richcompare_items(&|| x.len(), &|| y.len(), &|i| Some((x.get(i)?, y.get(i)?)), op)
}

/// Whether the other operand of `+`/`*` is a Python class that may still
/// handle the operation through its reflected method.
fn may_reflect(o: &Obj) -> bool {
    !o.class().is_static()
}

fn deque_add(a: &Obj, b: &Obj) -> PyResult {
    if !a.isa::<DequeObj>() {
        return Ok(not_implemented());
    }
    if !b.isa::<DequeObj>() {
        if may_reflect(b) {
            return Ok(not_implemented());
        }
        return Err(PyErr::type_error(format!("can only concatenate deque (not \"{}\") to deque", b.class().name())));
    }
    let c = copy_of(a)?;
    extend(&c, b)?;
    Ok(c)
}

fn deque_iadd(a: &Obj, b: &Obj) -> PyResult {
    extend(a, b)?;
    Ok(a.to_owned())
}

/// Repeats the items of `d` in place `n` times (keeping the last `maxlen`).
fn repeat_in_place(d: &DequeObj, n: i64) -> PyResult<()> {
    let items = d.snapshot();
    if n <= 0 || items.is_empty() {
        d.replace_all(VecDeque::new());
        return Ok(());
    }
    let total = (items.len() as u128) * (n as u128);
    let keep = match d.maxlen.get() {
        Some(m) => total.min(m as u128),
        None => total,
    };
    if keep > (isize::MAX as u128) / 16 {
        return Err(PyErr::memory_error());
    }
    let skip = total - keep;
    let len = items.len() as u128;
    let out: VecDeque<PyRef> = (skip..total).map(|k| items[(k % len) as usize].clone()).collect();
    d.replace_all(out);
    Ok(())
}

fn repeat_count(n: &Obj, other: &Obj) -> PyResult<Option<i64>> {
    match int::index_of(n) {
        Ok(Some(k)) => Ok(Some(k)),
        Ok(None) if may_reflect(n) || may_reflect(other) => Ok(None),
        Ok(None) => {
            Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", n.class().name())))
        }
        Err(e) if e.matches(&crate::types::exceptions::INDEX_ERROR) => {
            Err(PyErr::overflow_error(format!("cannot fit '{}' into an index-sized integer", n.class().name())))
        }
        Err(e) => Err(e),
    }
}

fn deque_mul(a: &Obj, b: &Obj) -> PyResult {
    let (d, n) = match (a.isa::<DequeObj>(), b.isa::<DequeObj>()) {
        (true, _) => (a, b),
        (false, true) => (b, a),
        _ => return Ok(not_implemented()),
    };
    let Some(count) = repeat_count(n, d)? else { return Ok(not_implemented()) };
    let c = copy_of(d)?;
    repeat_in_place(this(&c), count)?;
    Ok(c)
}

fn deque_imul(a: &Obj, b: &Obj) -> PyResult {
    let Some(count) = repeat_count(b, a)? else { return Ok(not_implemented()) };
    repeat_in_place(this(a), count)?;
    Ok(a.to_owned())
}

fn deque_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(o).items.with(|v| v.iter().for_each(|x| visit(x)));
}

fn deque_clear_slot(o: &Obj) {
    let old = this(o).items.take();
    drop(old);
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("append", m_append),
    MethodDef::method("appendleft", m_appendleft),
    MethodDef::method("extend", m_extend),
    MethodDef::method("extendleft", m_extendleft),
    MethodDef::method("pop", m_pop),
    MethodDef::method("popleft", m_popleft),
    MethodDef::method("rotate", m_rotate),
    MethodDef::method("clear", m_clear),
    MethodDef::method("copy", m_copy),
    MethodDef::method("__copy__", m_copy),
    MethodDef::method("count", m_count),
    MethodDef::method("index", m_index),
    MethodDef::method("insert", m_insert),
    MethodDef::method("remove", m_remove),
    MethodDef::method("reverse", m_reverse),
    MethodDef::method("__reversed__", m_reversed),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::class("__class_getitem__", m_class_getitem),
];

static GETSETS: &[GetSetDef] = &[GetSetDef::getter("maxlen", g_maxlen)];

crate::static_type! {
    pub static DEQUE_TYPE: DequeObj = "collections.deque" {
        module: "collections",
        flags: BASETYPE | HAVE_GC | SEQUENCE | WEAKREFABLE,
        doc: "A list-like sequence optimized for data accesses near its endpoints.",
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            new: deque_new, init: deque_init, repr: deque_repr, richcompare: deque_richcompare,
            hash: crate::types::object::hash_not_implemented, len: deque_len, getitem: deque_getitem, setitem: deque_setitem,
            contains: deque_contains, iter: deque_iter, traverse: deque_traverse, clear: deque_clear_slot,
        },
        number: { add: deque_add, mul: deque_mul, iadd: deque_iadd, imul: deque_imul },
    }
}

// --- iterators ----------------------------------------------------------

#[repr(C)]
pub struct DequeIterObj {
    pub ob: Obj,
    deque: PyRef,
    /// Index of the next item (forward) or one past it (reverse).
    index: Cell<usize>,
    state: u64,
    remaining: Cell<usize>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for DequeIterObj {
    fn class() -> &'static TypeObj {
        &DEQUE_ITER_TYPE
    }
}

fn new_iter(o: &Obj, reverse: bool) -> PyRef {
    let d = this(o);
    let n = d.len();
    let ty: &TypeObj = if reverse { &DEQUE_REVITER_TYPE } else { &DEQUE_ITER_TYPE };
    crate::object::alloc::alloc_object(
        ty,
        DequeIterObj {
            ob: Obj::new(ty),
            deque: o.to_owned(),
            index: Cell::new(if reverse { n } else { 0 }),
            state: d.state.get(),
            remaining: Cell::new(n),
        },
        0,
    )
}

fn dequeiter(o: &Obj) -> &DequeIterObj {
    // SAFETY: both iterator types share this layout and these slots.
    unsafe { o.downcast_unchecked::<DequeIterObj>() }
}

fn iter_next(o: &Obj, reverse: bool) -> PyResult<Option<PyRef>> {
    let it = dequeiter(o);
    let d = this(&it.deque);
    if d.state.get() != it.state {
        it.remaining.set(0);
        return Err(mutated());
    }
    if it.remaining.get() == 0 {
        return Ok(None);
    }
    let i = it.index.get();
    let item = if reverse {
        it.index.set(i - 1);
        d.get(i - 1)
    } else {
        it.index.set(i + 1);
        d.get(i)
    };
    it.remaining.set(it.remaining.get() - 1);
    Ok(item)
}

fn fwd_next(o: &Obj) -> PyResult<Option<PyRef>> {
    iter_next(o, false)
}

fn rev_next(o: &Obj) -> PyResult<Option<PyRef>> {
    iter_next(o, true)
}

/// `_deque_iterator(deque, index=0)`: an iterator advanced by `index` items.
/// (The iterator types are final, so the type is the one `new_iter` picks.)
fn iter_new_common(_t: &TypeObj, a: Args, reverse: bool) -> PyResult {
    super::native_type::no_keywords(&a, if reverse { "_deque_reverse_iterator" } else { "_deque_iterator" })?;
    if a.nargs < 1 || a.nargs > 2 {
        let (how, n) = if a.nargs < 1 { ("least", "1 argument") } else { ("most", "2 arguments") };
        return Err(PyErr::type_error(format!("function takes at {how} {n} ({} given)", a.nargs)));
    }
    if !a.all[0].isa::<DequeObj>() {
        return Err(PyErr::type_error(format!(
            "argument 1 must be collections.deque, not {}",
            a.all[0].class().name()
        )));
    }
    let index = match a.all.get(1).filter(|_| a.nargs == 2) {
        Some(i) => int::expect_i64(i, "ssize_t")?,
        None => 0,
    };
    let it = new_iter(a.all[0], reverse);
    for _ in 0..index.max(0) {
        if iter_next(&it, reverse)?.is_none() {
            break;
        }
    }
    Ok(it)
}

fn fwd_iter_new(t: &TypeObj, a: Args) -> PyResult {
    iter_new_common(t, a, false)
}

fn rev_iter_new(t: &TypeObj, a: Args) -> PyResult {
    iter_new_common(t, a, true)
}

fn iter_length_hint(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__length_hint__")?;
    Ok(int::from_usize(dequeiter(s).remaining.get()))
}

fn iter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&dequeiter(o).deque);
}

static ITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", iter_length_hint)];

crate::static_type! {
    pub static DEQUE_ITER_TYPE: DequeIterObj = "_collections._deque_iterator" {
        module: "_collections",
        flags: HAVE_GC,
        methods: ITER_METHODS,
        slots: { new: fwd_iter_new, iter: self_iter, iternext: fwd_next, traverse: iter_traverse },
    }
}

crate::static_type! {
    pub static DEQUE_REVITER_TYPE: DequeIterObj = "_collections._deque_reverse_iterator" {
        module: "_collections",
        flags: HAVE_GC,
        methods: ITER_METHODS,
        slots: { new: rev_iter_new, iter: self_iter, iternext: rev_next, traverse: iter_traverse },
    }
}
