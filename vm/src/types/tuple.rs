//! `tuple`.

use crate::object::varobj::EMPTY_TUPLE;
use crate::object::{AsObj, Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::seq;
use crate::types::slice::SliceObj;
use crate::types::typeobj::{flags, Args, MethodDef, TypeObj};
use crate::types::{int, not_implemented};
use ember_compiler::bytecode::CompareOp;

pub use crate::object::varobj::TupleObj;

// SAFETY: `TupleObj` is `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for TupleObj {
    fn class() -> &'static TypeObj {
        &TUPLE_TYPE
    }
    const SUBCLASS_FLAG: u64 = flags::TUPLE_SUBCLASS;
}

/// Creates an exact tuple.
pub fn new_tuple(items: Vec<PyRef>) -> PyRef {
    if items.is_empty() {
        return empty_tuple();
    }
    TupleObj::alloc(&TUPLE_TYPE, items.into_iter())
}

/// Creates an exact tuple from borrowed items.
pub fn tuple_from_slice(items: &[PyRef]) -> PyRef {
    if items.is_empty() {
        return empty_tuple();
    }
    TupleObj::alloc(&TUPLE_TYPE, items.iter().cloned())
}

/// Creates an exact tuple from borrowed object references.
pub fn tuple_from_refs(items: &[&Obj]) -> PyRef {
    if items.is_empty() {
        return empty_tuple();
    }
    TupleObj::alloc(&TUPLE_TYPE, items.iter().map(|o| (*o).to_owned()))
}

#[inline]
pub fn empty_tuple() -> PyRef {
    EMPTY_TUPLE.to_ref()
}

fn this(obj: &Obj) -> &TupleObj {
    obj.downcast::<TupleObj>().expect("tuple")
}

fn tuple_repr(obj: &Obj) -> PyResult {
    let t = this(obj);
    if t.is_empty() {
        return Ok(crate::types::str::new_str("()"));
    }
    let r = seq::repr_guard(obj, || seq::join_reprs(t.as_slice()));
    Ok(crate::types::str::from_string(match r {
        None => "(...)".into(),
        Some(s) => {
            let s = s?;
            if t.len() == 1 {
                format!("({s},)")
            } else {
                format!("({s})")
            }
        }
    }))
}

/// CPython's tuple hash (xxHash-based).
pub fn hash_items(items: &[PyRef]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for item in items {
        let lane = ops::hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_hash(obj: &Obj) -> PyResult<i64> {
    hash_items(this(obj).as_slice())
}

fn tuple_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<TupleObj>(), b.downcast::<TupleObj>()) else {
        return Ok(not_implemented());
    };
    let (xs, ys) = (x.as_slice(), y.as_slice());
    seq::richcompare_items(&|| xs.len(), &|| ys.len(), &|i| Some((xs[i].clone(), ys[i].clone())), op)
}

fn tuple_len(obj: &Obj) -> PyResult<usize> {
    Ok(this(obj).len())
}

fn tuple_getitem(obj: &Obj, key: &Obj) -> PyResult {
    let t = this(obj);
    if let Some(sl) = key.downcast::<SliceObj>() {
        let (start, _, step, len) = sl.indices(t.len())?;
        if step == 1 && len == t.len() && obj.class().is(&TUPLE_TYPE) {
            return Ok(obj.to_owned());
        }
        let items = t.as_slice();
        let out: Vec<PyRef> = (0..len).map(|k| items[(start + k as i64 * step) as usize].clone()).collect();
        return Ok(new_tuple(out));
    }
    let i = seq::seq_index(key, "tuple")?;
    match seq::norm_index(i, t.len()) {
        Some(i) => Ok(t.as_slice()[i].clone()),
        None => Err(PyErr::index_error("tuple index out of range")),
    }
}

fn tuple_contains(obj: &Obj, item: &Obj) -> PyResult<bool> {
    for x in this(obj).as_slice() {
        if x.is(item) || ops::eq_bool(x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_iter(obj: &Obj) -> PyResult {
    Ok(crate::types::iterators::new_seq_iter(obj))
}

fn tuple_add(a: &Obj, b: &Obj) -> PyResult {
    let Some(x) = a.downcast::<TupleObj>() else {
        return Ok(not_implemented());
    };
    // Not a tuple: the other operand may handle it (`__radd__`); otherwise
    // the operator reports "can only concatenate tuple (not ...)".
    let Some(y) = b.downcast::<TupleObj>() else {
        return Ok(not_implemented());
    };
    let mut v = Vec::with_capacity(x.len() + y.len());
    v.extend_from_slice(x.as_slice());
    v.extend_from_slice(y.as_slice());
    Ok(new_tuple(v))
}

fn tuple_mul(a: &Obj, b: &Obj) -> PyResult {
    let (t, n) = match (a.downcast::<TupleObj>(), b.downcast::<TupleObj>()) {
        (Some(t), _) => (t, b),
        (None, Some(t)) => (t, a),
        _ => return Ok(not_implemented()),
    };
    let Some(count) = int::index_of(n)? else {
        return Ok(not_implemented());
    };
    if count <= 0 || t.is_empty() {
        return Ok(empty_tuple());
    }
    if count == 1 && t.class().is(&TUPLE_TYPE) {
        return Ok(t.to_ref());
    }
    let total = (t.len() as u128) * (count as u128);
    if total > (isize::MAX as u128) / 16 {
        return Err(PyErr::memory_error());
    }
    let mut v = crate::util::mem::vec_with_capacity(total as usize)?;
    for _ in 0..count {
        v.extend_from_slice(t.as_slice());
    }
    Ok(new_tuple(v))
}

fn tuple_new(ty: &TypeObj, args: Args) -> PyResult {
    let [iterable] = crate::util::args::parse(args, "tuple", &["iterable", "/"], 0)?;
    let items = match iterable {
        None => Vec::new(),
        Some(it) => {
            if ty.is(&TUPLE_TYPE) && it.class().is(&TUPLE_TYPE) {
                return Ok(it.to_owned());
            }
            ops::collect_vec(it)?
        }
    };
    if ty.is(&TUPLE_TYPE) {
        Ok(new_tuple(items))
    } else {
        Ok(TupleObj::alloc(ty, items.into_iter()))
    }
}

fn tuple_traverse(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    for item in this(obj).as_slice() {
        visit(item);
    }
}

fn tuple_count(args: Args) -> PyResult {
    let [_, value] = crate::util::args::exact::<2>(args, "count")?;
    let mut n = 0;
    for x in this(args.all[0]).as_slice() {
        if x.is(value) || ops::eq_bool(x, value)? {
            n += 1;
        }
    }
    Ok(int::new_int(n))
}

fn tuple_index(args: Args) -> PyResult {
    let t = this(args.all[0]);
    let (value, start, stop) = seq::index_args(args, "index", t.len())?;
    for i in start..stop {
        let x = &t.as_slice()[i];
        if x.is(value) || ops::eq_bool(x, value)? {
            return Ok(int::from_usize(i));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_getnewargs(args: Args) -> PyResult {
    let t = this(args.all[0]);
    Ok(new_tuple(vec![tuple_from_slice(t.as_slice())]))
}

fn tuple_class_getitem(args: Args) -> PyResult {
    crate::types::genericalias::class_getitem(args)
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("count", tuple_count),
    MethodDef::method("index", tuple_index),
    MethodDef::method("__getnewargs__", tuple_getnewargs),
    MethodDef::class("__class_getitem__", tuple_class_getitem),
];

crate::static_type! {
    pub static TUPLE_TYPE: TupleObj = "tuple" {
        flags: BASETYPE | HAVE_GC | TUPLE_SUBCLASS | SEQUENCE,
        itemsize: std::mem::size_of::<PyRef>(),
        doc: "Built-in immutable sequence.",
        methods: METHODS,
        slots: {
            repr: tuple_repr, hash: tuple_hash, richcompare: tuple_richcompare, len: tuple_len,
            getitem: tuple_getitem, contains: tuple_contains, iter: tuple_iter, new: tuple_new,
            traverse: tuple_traverse,
        },
        number: { add: tuple_add, mul: tuple_mul },
    }
}
