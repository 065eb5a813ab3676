//! Builtin iterator types: the sequence iterator (`__getitem__` protocol and
//! fast paths for list/tuple/str), reversed, callable-with-sentinel,
//! enumerate, zip, map and filter.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions;
use crate::types::list::ListObj;
use crate::types::str::StrObj;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{int, none};
use crate::util::args;

/// The `iter` slot of iterators: returns self.
pub fn self_iter(o: &Obj) -> PyResult {
    Ok(o.to_owned())
}

/// A builtin (`iter`, `reversed`) for a `__reduce__` value, found with a full
/// dict lookup: it may run Python code (a key's `__eq__`), so callers read the
/// iterator's state only afterwards, as CPython does.
pub fn reduce_builtin(name: &str) -> PyResult {
    let d = crate::builtins::builtins_dict();
    let found = match d.downcast::<crate::types::dict::DictObj>() {
        Some(dict) => dict.get_item(&crate::types::str::new_str(name))?,
        None => None,
    };
    found.ok_or_else(|| PyErr::name_error(name))
}

/// The index given to an iterator's `__setstate__`: an int (no `__index__`),
/// as a machine word.
pub fn setstate_index(state: &Obj) -> PyResult<i64> {
    if !state.isa::<int::IntObj>() {
        return Err(PyErr::type_error("an integer is required"));
    }
    int::expect_i64(state, "ssize_t")
}

#[repr(C)]
pub struct SeqIterObj {
    pub ob: Obj,
    seq: PyCell<Option<PyRef>>,
    index: std::cell::Cell<usize>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for SeqIterObj {
    fn class() -> &'static TypeObj {
        &SEQ_ITER_TYPE
    }
}

/// An iterator over a sequence by index.
pub fn new_seq_iter(seq: &Obj) -> PyRef {
    // Subclasses get the iterator of their base (which reads the items
    // directly, whatever `__getitem__` the subclass defines), as in CPython.
    let t = seq.class();
    let ty: &TypeObj = if t.is_subtype(&crate::types::list::LIST_TYPE) {
        &LIST_ITER_TYPE
    } else if t.is_subtype(&crate::types::tuple::TUPLE_TYPE) {
        &TUPLE_ITER_TYPE
    } else if t.is_subtype(&crate::types::str::STR_TYPE) {
        // Exact ASCII strings have their own iterator type in CPython 3.11.
        match seq.downcast_exact::<StrObj>() {
            Some(s) if s.is_ascii() => &STR_ASCII_ITER_TYPE,
            _ => &STR_ITER_TYPE,
        }
    } else {
        &SEQ_ITER_TYPE
    };
    crate::object::alloc::alloc_object(
        ty,
        SeqIterObj { ob: Obj::new(ty), seq: PyCell::new(Some(seq.to_owned())), index: std::cell::Cell::new(0) },
        0,
    )
}

fn seqiter(o: &Obj) -> &SeqIterObj {
    // SAFETY: the four sequence iterator types share this layout and these slots.
    unsafe { o.downcast_unchecked::<SeqIterObj>() }
}

fn seqiter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = seqiter(o);
    let Some(seq) = it.seq.get_clone() else { return Ok(None) };
    let i = it.index.get();
    let ty = o.class();
    let item = if ty.is(&LIST_ITER_TYPE) {
        seq.downcast::<ListObj>().and_then(|l| l.get(i))
    } else if ty.is(&TUPLE_ITER_TYPE) {
        seq.downcast::<TupleObj>().and_then(|t| t.as_slice().get(i).cloned())
    } else if ty.is(&STR_ITER_TYPE) || ty.is(&STR_ASCII_ITER_TYPE) {
        seq.downcast::<StrObj>().and_then(|s| (i < s.char_len()).then(|| crate::types::str::char_str(s.char_at(i))))
    } else {
        match ops::getitem(&seq, &int::from_usize(i)) {
            Ok(v) => Some(v),
            Err(e) if e.matches(&exceptions::INDEX_ERROR) || e.matches(&exceptions::STOP_ITERATION) => None,
            Err(e) => return Err(e),
        }
    };
    match item {
        Some(v) => {
            it.index.set(i + 1);
            Ok(Some(v))
        }
        None => {
            it.seq.set_opt(None);
            Ok(None)
        }
    }
}

/// `next()` of an exact list or tuple iterator without the generic
/// protocol (for compiled `for` loops): None when `o` is neither, else what
/// `next` gives (`Some(None)`: exhausted).
#[inline]
pub fn list_or_tuple_iter_next(o: &Obj) -> Option<Option<PyRef>> {
    let ty = o.class();
    let list = ty.is(&LIST_ITER_TYPE);
    if !list && !ty.is(&TUPLE_ITER_TYPE) {
        return None;
    }
    let it = seqiter(o);
    let i = it.index.get();
    // Borrowed: indexing runs no Python code.
    let item = it.seq.with(|s| {
        let s = s.as_ref()?;
        if list {
            s.downcast::<ListObj>()?.get(i)
        } else {
            s.downcast::<TupleObj>()?.as_slice().get(i).cloned()
        }
    });
    if item.is_some() {
        it.index.set(i + 1);
    } else {
        it.seq.set_opt(None);
    }
    Some(item)
}

fn seqiter_length_hint(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__length_hint__")?;
    let it = seqiter(s);
    let Some(seq) = it.seq.get_clone() else { return Ok(int::new_int(0)) };
    let n = ops::len(&seq).unwrap_or(0);
    Ok(int::from_usize(n.saturating_sub(it.index.get())))
}

fn seqiter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    seqiter(o).seq.with(|s| {
        if let Some(s) = s {
            visit(s)
        }
    });
}

/// `(iter, (seq,), index)`, or `(iter, (empty,))` once exhausted, where the
/// empty sequence has the iterated type (list, tuple, str) as in CPython.
fn seqiter_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let it = seqiter(s);
    let iter_fn = reduce_builtin("iter")?;
    Ok(match it.seq.get_clone() {
        Some(seq) => new_tuple(vec![iter_fn, new_tuple(vec![seq]), int::from_usize(it.index.get())]),
        None => {
            let ty = s.class();
            let empty = if ty.is(&LIST_ITER_TYPE) {
                crate::types::list::new_list(Vec::new())
            } else if ty.is(&STR_ITER_TYPE) || ty.is(&STR_ASCII_ITER_TYPE) {
                crate::types::str::from_string(String::new())
            } else {
                crate::types::tuple::empty_tuple()
            };
            new_tuple(vec![iter_fn, new_tuple(vec![empty])])
        }
    })
}

fn seqiter_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let i = setstate_index(state)?.max(0) as usize;
    let it = seqiter(s);
    let Some(seq) = it.seq.get_clone() else { return Ok(none()) };
    let ty = s.class();
    // List and tuple iterators clamp the index to the length.
    let i = if ty.is(&LIST_ITER_TYPE) || ty.is(&TUPLE_ITER_TYPE) { i.min(ops::len(&seq)?) } else { i };
    it.index.set(i);
    Ok(none())
}

static SEQ_ITER_METHODS: &[MethodDef] = &[
    MethodDef::method("__length_hint__", seqiter_length_hint),
    MethodDef::method("__reduce__", seqiter_reduce),
    MethodDef::method("__setstate__", seqiter_setstate),
];

macro_rules! seq_iter_type {
    ($id:ident, $name:literal) => {
        crate::static_type! {
            pub static $id: SeqIterObj = $name {
                flags: HAVE_GC,
                methods: SEQ_ITER_METHODS,
                slots: { iter: self_iter, iternext: seqiter_next, traverse: seqiter_traverse },
            }
        }
    };
}
seq_iter_type!(SEQ_ITER_TYPE, "iterator");
seq_iter_type!(LIST_ITER_TYPE, "list_iterator");
seq_iter_type!(TUPLE_ITER_TYPE, "tuple_iterator");
seq_iter_type!(STR_ITER_TYPE, "str_iterator");
seq_iter_type!(STR_ASCII_ITER_TYPE, "str_ascii_iterator");

/// A reverse iterator over a sequence (`reversed(seq)` / `list.__reversed__`).
pub fn new_reversed_seq_iter(seq: &Obj, len: usize) -> PyRef {
    let ty: &TypeObj = if seq.class().is(&crate::types::list::LIST_TYPE) { &LIST_REVITER_TYPE } else { &REVERSED_TYPE };
    crate::object::alloc::alloc_object(
        ty,
        SeqIterObj { ob: Obj::new(ty), seq: PyCell::new(Some(seq.to_owned())), index: std::cell::Cell::new(len) },
        0,
    )
}

fn reviter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = seqiter(o);
    let Some(seq) = it.seq.get_clone() else { return Ok(None) };
    let i = it.index.get();
    if i == 0 {
        it.seq.set_opt(None);
        return Ok(None);
    }
    let item = if let Some(l) = seq.downcast_exact::<ListObj>() {
        if i > l.len() {
            None
        } else {
            l.get(i - 1)
        }
    } else {
        match ops::getitem(&seq, &int::from_usize(i - 1)) {
            Ok(v) => Some(v),
            Err(e) if e.matches(&exceptions::INDEX_ERROR) || e.matches(&exceptions::STOP_ITERATION) => None,
            Err(e) => return Err(e),
        }
    };
    match item {
        Some(v) => {
            it.index.set(i - 1);
            Ok(Some(v))
        }
        None => {
            it.seq.set_opt(None);
            Ok(None)
        }
    }
}

fn reviter_length_hint(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__length_hint__")?;
    let it = seqiter(s);
    Ok(int::from_usize(if it.seq.with(|s| s.is_some()) { it.index.get() } else { 0 }))
}

/// `reversed(seq)`.
fn reversed_new(_t: &TypeObj, a: Args) -> PyResult {
    let [seq] = args::parse(a, "reversed", &["sequence", "/"], 1)?;
    let seq = seq.expect("sequence");
    if let Some(r) = seq.class().lookup_str("__reversed__") {
        if r.is_none() {
            return Err(PyErr::type_error(format!("'{}' object is not reversible", seq.class().name())));
        }
        return ops::call_method_obj(&r, seq, &[]);
    }
    if seq.class().getitem.get().is_none()
        || seq.class().len.get().is_none()
        || seq.isa::<crate::types::dict::DictObj>()
    {
        return Err(PyErr::type_error(format!("'{}' object is not reversible", seq.class().name())));
    }
    let n = ops::len(seq)?;
    Ok(new_reversed_seq_iter(seq, n))
}

/// `(reversed, (seq,), index)` with CPython's index (one less than the count
/// of items left), or once exhausted `(iter, ([],))` for a list and
/// `(reversed, ((),))` otherwise.
fn reviter_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let reversed = reduce_builtin("reversed")?;
    let it = seqiter(s);
    Ok(match it.seq.get_clone() {
        Some(seq) => new_tuple(vec![reversed, new_tuple(vec![seq]), int::new_int(it.index.get() as i64 - 1)]),
        None if s.class().is(&LIST_REVITER_TYPE) => {
            new_tuple(vec![reduce_builtin("iter")?, new_tuple(vec![crate::types::list::new_list(Vec::new())])])
        }
        None => new_tuple(vec![reversed, new_tuple(vec![crate::types::tuple::empty_tuple()])]),
    })
}

/// `__setstate__(index)`: the index is clamped to `-1 ..= len - 1`.
fn reviter_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let i = setstate_index(state)?;
    let it = seqiter(s);
    let Some(seq) = it.seq.get_clone() else { return Ok(none()) };
    let n = ops::len(&seq)? as i64;
    let i = if i < -1 { -1 } else { i.min(n - 1) };
    it.index.set((i + 1) as usize);
    Ok(none())
}

static REVITER_METHODS: &[MethodDef] = &[
    MethodDef::method("__length_hint__", reviter_length_hint),
    MethodDef::method("__reduce__", reviter_reduce),
    MethodDef::method("__setstate__", reviter_setstate),
];

crate::static_type! {
    pub static REVERSED_TYPE: SeqIterObj = "reversed" {
        flags: HAVE_GC | BASETYPE,
        methods: REVITER_METHODS,
        slots: { iter: self_iter, iternext: reviter_next, traverse: seqiter_traverse, new: reversed_new },
    }
}
crate::static_type! {
    pub static LIST_REVITER_TYPE: SeqIterObj = "list_reverseiterator" {
        flags: HAVE_GC,
        methods: REVITER_METHODS,
        slots: { iter: self_iter, iternext: reviter_next, traverse: seqiter_traverse },
    }
}

/// `iter(callable, sentinel)`.
#[repr(C)]
pub struct CallIterObj {
    pub ob: Obj,
    func: PyCell<Option<PyRef>>,
    sentinel: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for CallIterObj {
    fn class() -> &'static TypeObj {
        &CALLABLE_ITER_TYPE
    }
}

pub fn new_callable_iter(func: &Obj, sentinel: &Obj) -> PyRef {
    crate::object::alloc::alloc_object(
        &CALLABLE_ITER_TYPE,
        CallIterObj {
            ob: Obj::new(&CALLABLE_ITER_TYPE.0),
            func: PyCell::new(Some(func.to_owned())),
            sentinel: sentinel.to_owned(),
        },
        0,
    )
}

fn calliter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = o.downcast::<CallIterObj>().expect("callable_iterator");
    let Some(f) = it.func.get_clone() else { return Ok(None) };
    let v = match ops::call0(&f) {
        Ok(v) => v,
        Err(e) if e.matches(&exceptions::STOP_ITERATION) => {
            it.func.set_opt(None);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if ops::eq_bool(&v, &it.sentinel)? {
        it.func.set_opt(None);
        return Ok(None);
    }
    Ok(Some(v))
}

fn calliter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let it = o.downcast::<CallIterObj>().expect("callable_iterator");
    it.func.with(|f| {
        if let Some(f) = f {
            visit(f)
        }
    });
    visit(&it.sentinel);
}

/// `(iter, (callable, sentinel))`, or `(iter, ((),))` once exhausted.
fn calliter_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let it = s.downcast::<CallIterObj>().ok_or_else(|| PyErr::type_error("__reduce__ needs a callable_iterator"))?;
    let iter_fn = reduce_builtin("iter")?;
    Ok(match it.func.get_clone() {
        Some(f) => new_tuple(vec![iter_fn, new_tuple(vec![f, it.sentinel.clone()])]),
        None => new_tuple(vec![iter_fn, new_tuple(vec![crate::types::tuple::empty_tuple()])]),
    })
}

static CALLITER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", calliter_reduce)];

crate::static_type! {
    pub static CALLABLE_ITER_TYPE: CallIterObj = "callable_iterator" {
        flags: HAVE_GC,
        methods: CALLITER_METHODS,
        slots: { iter: self_iter, iternext: calliter_next, traverse: calliter_traverse },
    }
}

/// `enumerate`, `zip`, `map`, `filter`: state is a list of iterators plus extras.
#[repr(C)]
pub struct FuncIterObj {
    pub ob: Obj,
    iters: PyCell<Vec<PyRef>>,
    func: Option<PyRef>,
    count: PyCell<PyRef>,
    strict: std::cell::Cell<bool>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for FuncIterObj {
    fn class() -> &'static TypeObj {
        &ENUMERATE_TYPE
    }
}

fn funciter(o: &Obj) -> &FuncIterObj {
    // SAFETY: enumerate/zip/map/filter (and subclasses) share this layout.
    unsafe { o.downcast_unchecked::<FuncIterObj>() }
}

fn alloc_funciter(t: &TypeObj, iters: Vec<PyRef>, func: Option<PyRef>, count: PyRef, strict: bool) -> PyRef {
    crate::object::alloc::alloc_object(
        t,
        FuncIterObj {
            ob: Obj::new(t),
            iters: PyCell::new(iters),
            func,
            count: PyCell::new(count),
            strict: std::cell::Cell::new(strict),
        },
        0,
    )
}

fn funciter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let it = funciter(o);
    it.iters.with(|v| v.iter().for_each(|x| visit(x)));
    if let Some(f) = &it.func {
        visit(f);
    }
    it.count.with(|c| visit(c));
    crate::types::instance::traverse_extras(o, visit);
}

fn enumerate_new(t: &TypeObj, a: Args) -> PyResult {
    let [iterable, start] = args::parse(a, "enumerate", &["iterable", "start"], 1)?;
    let it = ops::iter(iterable.expect("iterable"))?;
    let start = match start {
        Some(s) => ops::index(s).map_err(|_| {
            PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", s.class().name()))
        })?,
        None => int::new_int(0),
    };
    Ok(alloc_funciter(t, vec![it], None, start, false))
}

fn enumerate_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = funciter(o);
    let src = it.iters.with(|v| v[0].clone());
    let Some(item) = ops::next(&src)? else { return Ok(None) };
    let idx = it.count.get_clone();
    let next = match int::as_i64(&idx) {
        Some(i) if i < i64::MAX => int::new_int(i + 1),
        _ => ops::binary_op(&idx, &int::new_int(1), ember_compiler::bytecode::BinaryOp::Add)?,
    };
    let old = it.count.replace(next);
    drop(old);
    Ok(Some(TupleObj::alloc(&crate::types::tuple::TUPLE_TYPE, [idx, item].into_iter())))
}

fn zip_new(t: &TypeObj, a: Args) -> PyResult {
    let mut strict = false;
    if let Some(k) = a.kwnames {
        for (i, n) in k.as_slice().iter().enumerate() {
            if StrObj::text(n) == "strict" {
                strict = ops::is_true(a.all[a.nargs + i])?;
            } else {
                return Err(PyErr::type_error(format!(
                    "zip() got an unexpected keyword argument '{}'",
                    StrObj::text(n)
                )));
            }
        }
    }
    let mut iters = Vec::with_capacity(a.nargs);
    for x in &a.all[..a.nargs] {
        iters.push(ops::iter(x)?);
    }
    Ok(alloc_funciter(t, iters, None, none(), strict))
}

fn zip_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = funciter(o);
    let iters = it.iters.get_clone();
    if iters.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(iters.len());
    for (i, x) in iters.iter().enumerate() {
        match ops::next(x)? {
            Some(v) => out.push(v),
            None => {
                if it.strict.get() {
                    if i > 0 {
                        let s = if i == 1 { " " } else { "s 1-" };
                        return Err(PyErr::value_error(format!(
                            "zip() argument {} is shorter than argument{s}{}",
                            i + 1,
                            i
                        )));
                    }
                    for (j, y) in iters.iter().enumerate().skip(1) {
                        if ops::next(y)?.is_some() {
                            let s = if j == 1 { " " } else { "s 1-" };
                            return Err(PyErr::value_error(format!(
                                "zip() argument {} is longer than argument{s}{}",
                                j + 1,
                                j
                            )));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(new_tuple(out)))
}

fn map_new(t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("map() takes no keyword arguments"));
    }
    if a.nargs < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    for x in &a.all[1..a.nargs] {
        iters.push(ops::iter(x)?);
    }
    Ok(alloc_funciter(t, iters, Some(a.all[0].to_owned()), none(), false))
}

fn map_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = funciter(o);
    let iters = it.iters.get_clone();
    let mut vals = Vec::with_capacity(iters.len());
    for x in &iters {
        match ops::next(x)? {
            Some(v) => vals.push(v),
            None => return Ok(None),
        }
    }
    let f = it.func.as_ref().expect("map function");
    ops::call_owned(f, &vals).map(Some)
}

fn filter_new(t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("filter() takes no keyword arguments"));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!("filter expected 2 arguments, got {}", a.nargs)));
    }
    let it = ops::iter(a.all[1])?;
    Ok(alloc_funciter(t, vec![it], Some(a.all[0].to_owned()), none(), false))
}

fn filter_next(o: &Obj) -> PyResult<Option<PyRef>> {
    let it = funciter(o);
    let src = it.iters.with(|v| v[0].clone());
    let f = it.func.as_ref().expect("filter function");
    loop {
        let Some(x) = ops::next(&src)? else { return Ok(None) };
        let keep = if f.is_none() || f.is(crate::types::bool::BOOL_TYPE.as_obj_ref()) {
            ops::is_true(&x)?
        } else {
            ops::is_true(&*ops::call1(f, &x)?)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
}

/// `(type(self), args)` with the constructor arguments that rebuild the
/// object from its current state, as CPython's enumerate/zip/map/filter do.
fn funciter_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let it = funciter(s);
    let ty = s.class();
    let t = ty.as_obj_ref().to_owned();
    let iters = it.iters.get_clone();
    if ty.is_subtype(&ENUMERATE_TYPE) {
        let src = iters.into_iter().next().unwrap_or_else(none);
        return Ok(new_tuple(vec![t, new_tuple(vec![src, it.count.get_clone()])]));
    }
    if ty.is_subtype(&ZIP_TYPE) {
        let mut out = vec![t, new_tuple(iters)];
        if it.strict.get() {
            out.push(crate::types::bool::new_bool(true));
        }
        return Ok(new_tuple(out));
    }
    let mut items = vec![it.func.clone().unwrap_or_else(none)];
    items.extend(iters);
    Ok(new_tuple(vec![t, new_tuple(items)]))
}

/// `zip.__setstate__(strict)`.
fn zip_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let v = ops::is_true(state)?;
    funciter(s).strict.set(v);
    Ok(none())
}

static ENUMERATE_METHODS: &[MethodDef] =
    &[MethodDef::class("__class_getitem__", class_getitem), MethodDef::method("__reduce__", funciter_reduce)];
static ZIP_METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", funciter_reduce), MethodDef::method("__setstate__", zip_setstate)];
static MAP_FILTER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", funciter_reduce)];

crate::static_type! {
    pub static ENUMERATE_TYPE: FuncIterObj = "enumerate" {
        flags: HAVE_GC | BASETYPE,
        methods: ENUMERATE_METHODS,
        slots: { iter: self_iter, iternext: enumerate_next, traverse: funciter_traverse, new: enumerate_new },
    }
}
crate::static_type! {
    pub static ZIP_TYPE: FuncIterObj = "zip" {
        flags: HAVE_GC | BASETYPE,
        methods: ZIP_METHODS,
        slots: { iter: self_iter, iternext: zip_next, traverse: funciter_traverse, new: zip_new },
    }
}
crate::static_type! {
    pub static MAP_TYPE: FuncIterObj = "map" {
        flags: HAVE_GC | BASETYPE,
        methods: MAP_FILTER_METHODS,
        slots: { iter: self_iter, iternext: map_next, traverse: funciter_traverse, new: map_new },
    }
}
crate::static_type! {
    pub static FILTER_TYPE: FuncIterObj = "filter" {
        flags: HAVE_GC | BASETYPE,
        methods: MAP_FILTER_METHODS,
        slots: { iter: self_iter, iternext: filter_next, traverse: funciter_traverse, new: filter_new },
    }
}

fn class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}
