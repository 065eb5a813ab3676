//! `list`: a growable vector of references.
//!
//! Items are never compared or dropped while the vector is borrowed: methods
//! copy out what they need, release the borrow, then call Python code.

use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::seq;
use crate::types::slice::SliceObj;
use crate::types::typeobj::{flags, Args, MethodDef, TypeObj};
use crate::types::{int, none, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct ListObj {
    pub ob: Obj,
    items: PyCell<Vec<PyRef>>,
}

// SAFETY: `ListObj` is `#[repr(C)]` starting with `Obj`; subclasses share it.
unsafe impl PyPayload for ListObj {
    fn class() -> &'static TypeObj {
        &LIST_TYPE
    }
    const SUBCLASS_FLAG: u64 = flags::LIST_SUBCLASS;
}

pub fn new_list(items: Vec<PyRef>) -> PyRef {
    crate::object::alloc::alloc_object(&LIST_TYPE, ListObj { ob: Obj::new(&LIST_TYPE.0), items: PyCell::new(items) }, 0)
}

fn new_list_of_type(ty: &TypeObj) -> PyRef {
    crate::object::alloc::alloc_object(ty, ListObj { ob: Obj::new(ty), items: PyCell::new(Vec::new()) }, 0)
}

impl ListObj {
    #[inline]
    pub fn len(&self) -> usize {
        self.items.with(|v| v.len())
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<PyRef> {
        self.items.with(|v| v.get(i).cloned())
    }

    #[inline]
    pub fn push(&self, item: PyRef) {
        self.items.with_mut(|v| v.push(item));
    }

    /// Appends, with MemoryError if the list cannot grow.
    pub fn try_push(&self, item: PyRef) -> PyResult<()> {
        self.items.with_mut(|v| crate::util::mem::push(v, item))
    }

    /// A snapshot of the items.
    pub fn to_vec(&self) -> Vec<PyRef> {
        self.items.get_clone()
    }

    /// Replaces all items; the old ones are dropped after the borrow ends.
    pub fn set_vec(&self, items: Vec<PyRef>) {
        let old = self.items.replace(items);
        drop(old);
    }

    /// Sets item `i` (in range), dropping the old value afterwards.
    pub fn set(&self, i: usize, item: PyRef) {
        let old = self.items.with_mut(|v| std::mem::replace(&mut v[i], item));
        drop(old);
    }

    pub fn with_items<R>(&self, f: impl FnOnce(&[PyRef]) -> R) -> R {
        self.items.with(|v| f(v))
    }

    pub fn pop_last(&self) -> Option<PyRef> {
        self.items.with_mut(|v| v.pop())
    }

    pub fn extend_vec(&self, items: Vec<PyRef>) {
        self.items.with_mut(|v| v.extend(items));
    }
}

fn this(obj: &Obj) -> &ListObj {
    obj.downcast::<ListObj>().expect("list")
}

fn list_repr(obj: &Obj) -> PyResult {
    let l = this(obj);
    if l.is_empty() {
        return Ok(crate::types::str::new_str("[]"));
    }
    let r = seq::repr_guard(obj, || {
        let mut out = String::from("[");
        let mut i = 0;
        while let Some(item) = l.get(i) {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&ops::repr_string(&item)?);
            i += 1;
        }
        out.push(']');
        Ok::<_, PyErr>(out)
    });
    Ok(crate::types::str::from_string(match r {
        None => "[...]".into(),
        Some(s) => s?,
    }))
}

fn list_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<ListObj>(), b.downcast::<ListObj>()) else {
        return Ok(not_implemented());
    };
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(crate::types::new_bool(op == CompareOp::Ne));
    }
    seq::richcompare_items(&|| x.len(), &|| y.len(), &|i| Some((x.get(i)?, y.get(i)?)), op)
}

fn list_len(obj: &Obj) -> PyResult<usize> {
    Ok(this(obj).len())
}

fn list_getitem(obj: &Obj, key: &Obj) -> PyResult {
    let l = this(obj);
    if let Some(i) = int::as_i64(key) {
        return l
            .items
            .with(|v| seq::norm_index(i, v.len()).map(|i| v[i].clone()))
            .ok_or_else(|| PyErr::index_error("list index out of range"));
    }
    if let Some(sl) = key.downcast::<SliceObj>() {
        let (start, _, step, len) = sl.indices(l.len())?;
        let out =
            l.items.with(|v| (0..len).filter_map(|k| v.get((start + k as i64 * step) as usize).cloned()).collect());
        return Ok(new_list(out));
    }
    let i = seq::seq_index(key, "list")?;
    l.items
        .with(|v| seq::norm_index(i, v.len()).map(|i| v[i].clone()))
        .ok_or_else(|| PyErr::index_error("list index out of range"))
}

fn list_setitem(obj: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let l = this(obj);
    if let Some(sl) = key.downcast::<SliceObj>() {
        return set_slice(l, sl, value);
    }
    let i = seq::seq_index(key, "list")?;
    match value {
        Some(v) => {
            let v = v.to_owned();
            let old =
                l.items.with_mut(|items| seq::norm_index(i, items.len()).map(|i| std::mem::replace(&mut items[i], v)));
            match old {
                Some(old) => {
                    drop(old);
                    Ok(())
                }
                None => Err(PyErr::index_error("list assignment index out of range")),
            }
        }
        None => {
            let old = l.items.with_mut(|items| seq::norm_index(i, items.len()).map(|i| items.remove(i)));
            match old {
                Some(old) => {
                    drop(old);
                    Ok(())
                }
                None => Err(PyErr::index_error("list assignment index out of range")),
            }
        }
    }
}

fn set_slice(l: &ListObj, sl: &SliceObj, value: Option<&Obj>) -> PyResult<()> {
    let (start, stop, step, len) = sl.indices(l.len())?;
    let Some(value) = value else {
        // Deletion.
        let removed: Vec<PyRef> = l.items.with_mut(|v| {
            if step == 1 {
                v.drain(start as usize..(start as usize + len)).collect()
            } else {
                let mut idx: Vec<usize> = (0..len).map(|k| (start + k as i64 * step) as usize).collect();
                idx.sort_unstable();
                let mut out = Vec::with_capacity(idx.len());
                for (n, i) in idx.into_iter().enumerate() {
                    out.push(v.remove(i - n));
                }
                out
            }
        });
        drop(removed);
        return Ok(());
    };
    // Materialise the new items first (the value may be the list itself).
    let new_items = if value.is(l.as_obj()) {
        l.to_vec()
    } else {
        ops::collect_vec(value).map_err(|e| {
            if e.matches(&crate::types::exceptions::TYPE_ERROR)
                && value.class().iter.get().is_none()
                && value.class().getitem.get().is_none()
            {
                PyErr::type_error("can only assign an iterable")
            } else {
                e
            }
        })?
    };
    if step == 1 {
        let stop = stop.max(start) as usize;
        let removed: Vec<PyRef> = l.items.with_mut(|v| {
            let stop = stop.min(v.len());
            let start = (start as usize).min(stop);
            v.splice(start..stop, new_items).collect()
        });
        drop(removed);
        return Ok(());
    }
    if new_items.len() != len {
        return Err(PyErr::value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            len
        )));
    }
    let old: Vec<PyRef> = l.items.with_mut(|v| {
        new_items
            .into_iter()
            .enumerate()
            .map(|(k, item)| std::mem::replace(&mut v[(start + k as i64 * step) as usize], item))
            .collect()
    });
    drop(old);
    Ok(())
}

fn list_contains(obj: &Obj, item: &Obj) -> PyResult<bool> {
    let l = this(obj);
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if x.is(item) || ops::eq_bool(&x, item)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_iter(obj: &Obj) -> PyResult {
    Ok(crate::types::iterators::new_seq_iter(obj))
}

fn list_add(a: &Obj, b: &Obj) -> PyResult {
    let Some(x) = a.downcast::<ListObj>() else {
        return Ok(not_implemented());
    };
    // Not a list: the other operand may handle it (`__radd__`); otherwise
    // the operator reports "can only concatenate list (not ...)".
    let Some(y) = b.downcast::<ListObj>() else {
        return Ok(not_implemented());
    };
    let mut v = x.to_vec();
    v.extend(y.to_vec());
    Ok(new_list(v))
}

fn repeat(items: &[PyRef], count: i64) -> PyResult<Vec<PyRef>> {
    if count <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = (items.len() as u128) * (count as u128);
    if total > (isize::MAX as u128) / 16 {
        return Err(PyErr::memory_error());
    }
    let mut v = crate::util::mem::vec_with_capacity(total as usize)?;
    for _ in 0..count {
        v.extend_from_slice(items);
    }
    Ok(v)
}

fn list_mul(a: &Obj, b: &Obj) -> PyResult {
    let (l, n) = match (a.downcast::<ListObj>(), b.downcast::<ListObj>()) {
        (Some(l), _) => (l, b),
        (None, Some(l)) => (l, a),
        _ => return Ok(not_implemented()),
    };
    let Some(count) = int::index_of(n)? else {
        return Ok(not_implemented());
    };
    Ok(new_list(repeat(&l.to_vec(), count)?))
}

fn list_iadd(a: &Obj, b: &Obj) -> PyResult {
    let l = this(a);
    let items = if b.is(a) { l.to_vec() } else { ops::collect_vec(b)? };
    l.extend_vec(items);
    Ok(a.to_owned())
}

fn list_imul(a: &Obj, b: &Obj) -> PyResult {
    let l = this(a);
    let Some(count) = int::index_of(b)? else {
        return Ok(not_implemented());
    };
    let v = repeat(&l.to_vec(), count)?;
    l.set_vec(v);
    Ok(a.to_owned())
}

fn list_new(ty: &TypeObj, _args: Args) -> PyResult {
    Ok(new_list_of_type(ty))
}

fn list_init(obj: &Obj, a: Args) -> PyResult<()> {
    let [iterable] = args::parse(a, "list", &["iterable", "/"], 0)?;
    let l = this(obj);
    let items = match iterable {
        Some(it) => ops::collect_vec(it)?,
        None => Vec::new(),
    };
    l.set_vec(items);
    Ok(())
}

fn list_traverse(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(obj).items.with(|v| v.iter().for_each(|x| visit(x)));
}

fn list_clear_slot(obj: &Obj) {
    let old = this(obj).items.take();
    drop(old);
}

fn list_append(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "append")?;
    this(s).try_push(x.to_owned())?;
    Ok(none())
}

fn list_extend(a: Args) -> PyResult {
    let [s, it] = args::exact::<2>(a, "extend")?;
    list_iadd(s, it)?;
    Ok(none())
}

fn list_insert(a: Args) -> PyResult {
    let [s, index, x] = args::exact::<3>(a, "insert")?;
    let l = this(s);
    let i = int::index_saturating(index)?.ok_or_else(|| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", index.class().name()))
    })?;
    let x = x.to_owned();
    l.items.with_mut(|v| {
        let n = v.len() as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        v.insert(i as usize, x);
    });
    Ok(none())
}

fn list_pop(a: Args) -> PyResult {
    let [s, index] = args::parse(a, "pop", &["self", "index", "/"], 1)?;
    let l = this(s.expect("self"));
    let i = match index {
        Some(i) => int::expect_i64(i, "ssize_t")?,
        None => -1,
    };
    if l.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    l.items
        .with_mut(|v| seq::norm_index(i, v.len()).map(|i| v.remove(i)))
        .ok_or_else(|| PyErr::index_error("pop index out of range"))
}

fn list_remove(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "remove")?;
    let l = this(s);
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if item.is(x) || ops::eq_bool(&item, x)? {
            let old = l.items.with_mut(|v| if i < v.len() { Some(v.remove(i)) } else { None });
            drop(old);
            return Ok(none());
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_index(a: Args) -> PyResult {
    let l = this(a.all[0]);
    let (value, start, stop) = seq::index_args(a, "index", l.len())?;
    let mut i = start;
    while i < stop {
        let Some(item) = l.get(i) else { break };
        if item.is(value) || ops::eq_bool(&item, value)? {
            return Ok(int::from_usize(i));
        }
        i += 1;
    }
    Err(PyErr::value_error(format!("{} is not in list", ops::repr_string(value)?)))
}

fn list_count(a: Args) -> PyResult {
    let [s, x] = args::exact::<2>(a, "count")?;
    let l = this(s);
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if item.is(x) || ops::eq_bool(&item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(int::new_int(n))
}

fn list_clear(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "clear")?;
    list_clear_slot(s);
    Ok(none())
}

fn list_copy(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "copy")?;
    Ok(new_list(this(s).to_vec()))
}

fn list_reverse(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "reverse")?;
    this(s).items.with_mut(|v| v.reverse());
    Ok(none())
}

fn list_reversed(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reversed__")?;
    Ok(crate::types::iterators::new_reversed_seq_iter(s, this(s).len()))
}

/// Sorts `items` in place by Python `<` on `keys` (or the items), stably.
pub fn sort_items(items: &mut Vec<PyRef>, key: Option<&Obj>, reverse: bool) -> PyResult<()> {
    let keys: Option<Vec<PyRef>> = match key {
        Some(k) if !k.is_none() => Some(items.iter().map(|x| ops::call1(k, x)).collect::<PyResult<_>>()?),
        _ => None,
    };
    let mut pairs: Vec<(PyRef, PyRef)> = match keys {
        Some(keys) => keys.into_iter().zip(items.drain(..)).collect(),
        None => items.drain(..).map(|x| (x.clone(), x)).collect(),
    };
    if reverse {
        pairs.reverse();
    }
    let result = sort_pairs(&mut pairs);
    if reverse {
        pairs.reverse();
    }
    items.extend(pairs.into_iter().map(|(_, v)| v));
    result
}

fn sort_pairs(pairs: &mut [(PyRef, PyRef)]) -> PyResult<()> {
    // Fast paths for homogeneous exact ints, floats (no NaN) and strs.
    if pairs.iter().all(|(k, _)| k.class().is(&int::INT_TYPE) && int::as_i64(k).is_some()) {
        pairs.sort_by_key(|(k, _)| int::as_i64(k).unwrap_or(0));
        return Ok(());
    }
    if pairs.iter().all(|(k, _)| k.class().is(&crate::types::str::STR_TYPE)) {
        pairs.sort_by(|(a, _), (b, _)| {
            let a = a.downcast::<crate::types::str::StrObj>().map(|s| s.as_str()).unwrap_or("");
            let b = b.downcast::<crate::types::str::StrObj>().map(|s| s.as_str()).unwrap_or("");
            a.cmp(b)
        });
        return Ok(());
    }
    let float_key = |k: &PyRef| k.downcast_exact::<crate::types::float::FloatObj>().map(|f| f.value());
    if pairs.iter().all(|(k, _)| float_key(k).is_some_and(|f| !f.is_nan())) {
        pairs.sort_by(|(a, _), (b, _)| {
            float_key(a).unwrap_or(0.0).partial_cmp(&float_key(b).unwrap_or(0.0)).unwrap_or(std::cmp::Ordering::Equal)
        });
        return Ok(());
    }
    seq::merge_sort(pairs, &mut |a, b| ops::lt_bool(&a.0, &b.0))
}

fn list_sort(a: Args) -> PyResult {
    let [s, key, reverse] = args::parse(a, "sort", &["self", "*", "key", "reverse"], 1)?;
    let l = this(s.expect("self"));
    let reverse = match reverse {
        Some(r) => ops::is_true(r)?,
        None => false,
    };
    // Empty the list while sorting, as CPython does, so mutation is detected.
    let mut items = l.items.take();
    let result = sort_items(&mut items, key, reverse);
    let modified = !l.is_empty();
    let leftover = l.items.replace(items);
    drop(leftover);
    result?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(none())
}

fn list_class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}

fn list_sizeof(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__sizeof__")?;
    let l = this(s);
    Ok(int::from_usize(40 + 8 * l.items.with(|v| v.capacity())))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("append", list_append),
    MethodDef::method("extend", list_extend),
    MethodDef::method("insert", list_insert),
    MethodDef::method("pop", list_pop),
    MethodDef::method("remove", list_remove),
    MethodDef::method("index", list_index),
    MethodDef::method("count", list_count),
    MethodDef::method("clear", list_clear),
    MethodDef::method("copy", list_copy),
    MethodDef::method("reverse", list_reverse),
    MethodDef::method("sort", list_sort),
    MethodDef::method("__reversed__", list_reversed),
    MethodDef::method("__sizeof__", list_sizeof),
    MethodDef::class("__class_getitem__", list_class_getitem),
];

crate::static_type! {
    pub static LIST_TYPE: ListObj = "list" {
        flags: BASETYPE | HAVE_GC | LIST_SUBCLASS | SEQUENCE,
        doc: "Built-in mutable sequence.",
        methods: METHODS,
        slots: {
            repr: list_repr, richcompare: list_richcompare, len: list_len, getitem: list_getitem,
            setitem: list_setitem, contains: list_contains, iter: list_iter, new: list_new,
            init: list_init, traverse: list_traverse, clear: list_clear_slot,
            hash: crate::types::object::hash_not_implemented,
        },
        number: { add: list_add, mul: list_mul, iadd: list_iadd, imul: list_imul },
    }
}
