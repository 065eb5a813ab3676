//! Dict views (`keys()`, `values()`, `items()`) and dict iterators.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, new_bool, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

#[repr(C)]
pub struct DictViewObj {
    pub ob: Obj,
    dict: PyRef,
    kind: ViewKind,
}

// SAFETY: `DictViewObj` is `#[repr(C)]` starting with `Obj`; the three view types
// share the layout (checked by `view_of`).
unsafe impl PyPayload for DictViewObj {
    fn class() -> &'static TypeObj {
        &DICT_KEYS_TYPE
    }
}

fn view_of(obj: &Obj) -> Option<&DictViewObj> {
    let t = obj.class();
    if t.is(&DICT_KEYS_TYPE) || t.is(&DICT_VALUES_TYPE) || t.is(&DICT_ITEMS_TYPE) {
        // SAFETY: all three view types use the `DictViewObj` layout.
        Some(unsafe { obj.downcast_unchecked::<DictViewObj>() })
    } else {
        None
    }
}

pub fn new_view(dict: &Obj, kind: ViewKind) -> PyRef {
    let ty: &TypeObj = match kind {
        ViewKind::Keys => &DICT_KEYS_TYPE,
        ViewKind::Values => &DICT_VALUES_TYPE,
        ViewKind::Items => &DICT_ITEMS_TYPE,
    };
    crate::object::alloc::alloc_object(ty, DictViewObj { ob: Obj::new(ty), dict: dict.to_owned(), kind }, 0)
}

fn dict(v: &DictViewObj) -> &DictObj {
    v.dict.downcast::<DictObj>().expect("dict")
}

fn view_len(obj: &Obj) -> PyResult<usize> {
    Ok(dict(view_of(obj).expect("view")).len())
}

fn view_iter(obj: &Obj) -> PyResult {
    let v = view_of(obj).expect("view");
    Ok(new_dict_iter(&v.dict, v.kind, false))
}

fn view_repr(obj: &Obj) -> PyResult {
    let v = view_of(obj).expect("view");
    let name = obj.class().name();
    let r = crate::types::seq::repr_guard(obj, || {
        let items = crate::ops::collect_vec(obj)?;
        Ok::<_, PyErr>(format!("{name}([{}])", crate::types::seq::join_reprs(&items)?))
    });
    let _ = v;
    Ok(crate::types::str::from_string(match r {
        None => "...".into(),
        Some(s) => s?,
    }))
}

fn view_contains(obj: &Obj, key: &Obj) -> PyResult<bool> {
    let v = view_of(obj).expect("view");
    let d = dict(v);
    match v.kind {
        ViewKind::Keys => Ok(d.get_item(key)?.is_some()),
        ViewKind::Items => {
            let Some(t) = key.downcast::<crate::types::tuple::TupleObj>() else { return Ok(false) };
            if t.len() != 2 {
                return Ok(false);
            }
            let (k, val) = (&t.as_slice()[0], &t.as_slice()[1]);
            match d.get_item(k)? {
                Some(found) => Ok(found.is(val) || ops::eq_bool(&found, val)?),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for x in d.values() {
                if x.is(key) || ops::eq_bool(&x, key)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Items of a set-like operand as a Python set.
fn to_set(obj: &Obj) -> PyResult {
    crate::types::set::new_set_from(obj)
}

fn setlike_op(a: &Obj, b: &Obj, op: &str) -> PyResult {
    // Either operand may be the view (reflected operations).
    let left = to_set(a)?;
    let r = ops::call_method(&left, op, &[b])?;
    Ok(r)
}

fn view_and(a: &Obj, b: &Obj) -> PyResult {
    if view_of(a).is_none() {
        return setlike_op(b, a, "intersection");
    }
    setlike_op(a, b, "intersection")
}
fn view_or(a: &Obj, b: &Obj) -> PyResult {
    if view_of(a).is_none() {
        return setlike_op(b, a, "union");
    }
    setlike_op(a, b, "union")
}
fn view_xor(a: &Obj, b: &Obj) -> PyResult {
    if view_of(a).is_none() {
        return setlike_op(b, a, "symmetric_difference");
    }
    setlike_op(a, b, "symmetric_difference")
}
fn view_sub(a: &Obj, b: &Obj) -> PyResult {
    if view_of(a).is_none() {
        let left = to_set(a)?;
        return ops::call_method(&left, "difference", &[b]);
    }
    setlike_op(a, b, "difference")
}

fn view_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let Some(v) = view_of(a) else { return Ok(not_implemented()) };
    if v.kind == ViewKind::Values {
        return Ok(not_implemented());
    }
    let is_setlike = view_of(b).is_some_and(|w| w.kind != ViewKind::Values) || b.isa::<crate::types::set::SetObj>();
    if !is_setlike {
        return Ok(not_implemented());
    }
    let left = to_set(a)?;
    let right = to_set(b)?;
    ops::richcompare(&left, &right, op)
}

fn m_isdisjoint(a: Args) -> PyResult {
    let [s, other] = crate::util::args::exact::<2>(a, "isdisjoint")?;
    let it = ops::iter(other)?;
    while let Some(x) = ops::next(&it)? {
        if view_contains(s, &x)? {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(true))
}

fn m_reversed(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reversed__")?;
    let v = view_of(s).expect("view");
    Ok(new_dict_iter(&v.dict, v.kind, true))
}

fn g_mapping(obj: &Obj) -> PyResult {
    let v = view_of(obj).expect("view");
    Ok(crate::types::mappingproxy::new_proxy(&v.dict))
}

fn view_traverse(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&view_of(obj).expect("view").dict);
}

static SET_METHODS: &[MethodDef] =
    &[MethodDef::method("isdisjoint", m_isdisjoint), MethodDef::method("__reversed__", m_reversed)];
static VALUE_METHODS: &[MethodDef] = &[MethodDef::method("__reversed__", m_reversed)];
static GETSETS: &[GetSetDef] = &[GetSetDef::getter("mapping", g_mapping)];

crate::static_type! {
    pub static DICT_KEYS_TYPE: DictViewObj = "dict_keys" {
        flags: HAVE_GC,
        methods: SET_METHODS,
        getsets: GETSETS,
        slots: {
            len: view_len, iter: view_iter, repr: view_repr, contains: view_contains,
            richcompare: view_richcompare, traverse: view_traverse,
            hash: crate::types::object::hash_not_implemented,
        },
        number: { and: view_and, or: view_or, xor: view_xor, sub: view_sub },
    }
}
crate::static_type! {
    pub static DICT_ITEMS_TYPE: DictViewObj = "dict_items" {
        flags: HAVE_GC,
        methods: SET_METHODS,
        getsets: GETSETS,
        slots: {
            len: view_len, iter: view_iter, repr: view_repr, contains: view_contains,
            richcompare: view_richcompare, traverse: view_traverse,
            hash: crate::types::object::hash_not_implemented,
        },
        number: { and: view_and, or: view_or, xor: view_xor, sub: view_sub },
    }
}
crate::static_type! {
    pub static DICT_VALUES_TYPE: DictViewObj = "dict_values" {
        flags: HAVE_GC,
        methods: VALUE_METHODS,
        getsets: GETSETS,
        slots: { len: view_len, iter: view_iter, repr: view_repr, traverse: view_traverse },
    }
}

/// An iterator over a dict's keys, values or items (optionally reversed).
#[repr(C)]
pub struct DictIterObj {
    pub ob: Obj,
    dict: PyRef,
    kind: ViewKind,
    reverse: bool,
    state: PyCell<(usize, usize, bool)>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; the iterator types share the layout.
unsafe impl PyPayload for DictIterObj {
    fn class() -> &'static TypeObj {
        &DICT_KEYITER_TYPE
    }
}

pub fn new_dict_iter(dict_obj: &Obj, kind: ViewKind, reverse: bool) -> PyRef {
    let ty: &TypeObj = match (kind, reverse) {
        (ViewKind::Keys, false) => &DICT_KEYITER_TYPE,
        (ViewKind::Values, false) => &DICT_VALUEITER_TYPE,
        (ViewKind::Items, false) => &DICT_ITEMITER_TYPE,
        (ViewKind::Keys, true) => &DICT_REVKEYITER_TYPE,
        (ViewKind::Values, true) => &DICT_REVVALUEITER_TYPE,
        (ViewKind::Items, true) => &DICT_REVITEMITER_TYPE,
    };
    let d = dict_obj.downcast::<DictObj>().expect("dict");
    let start = if reverse { d.entries_len() } else { 0 };
    crate::object::alloc::alloc_object(
        ty,
        DictIterObj {
            ob: Obj::new(ty),
            dict: dict_obj.to_owned(),
            kind,
            reverse,
            state: PyCell::new((start, d.len(), false)),
        },
        0,
    )
}

fn iter_of(obj: &Obj) -> &DictIterObj {
    // SAFETY: only called from the slots of the dict iterator types, which all use
    // the `DictIterObj` layout.
    unsafe { obj.downcast_unchecked::<DictIterObj>() }
}

fn dictiter_next(obj: &Obj) -> PyResult<Option<PyRef>> {
    let it = iter_of(obj);
    let d = it.dict.downcast::<DictObj>().expect("dict");
    let (pos, expected_len, done) = it.state.get();
    if done {
        return Ok(None);
    }
    if d.len() != expected_len {
        it.state.set((pos, expected_len, true));
        return Err(PyErr::runtime_error("dictionary changed size during iteration"));
    }
    let found = if it.reverse {
        let mut p = pos;
        let mut r = None;
        while p > 0 {
            p -= 1;
            if let Some((k, v)) = d.entry_at(p) {
                r = Some((p, k, v));
                break;
            }
        }
        r
    } else {
        d.next_entry(pos)
    };
    match found {
        None => {
            it.state.set((pos, expected_len, true));
            Ok(None)
        }
        Some((next, k, v)) => {
            it.state.set((next, expected_len, false));
            Ok(Some(match it.kind {
                ViewKind::Keys => k,
                ViewKind::Values => v,
                ViewKind::Items => new_tuple(vec![k, v]),
            }))
        }
    }
}

fn dictiter_len(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__length_hint__")?;
    let it = iter_of(s);
    let d = it.dict.downcast::<DictObj>().expect("dict");
    let (_, _, done) = it.state.get();
    Ok(int::from_usize(if done { 0 } else { d.len() }))
}

fn dictiter_traverse(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&iter_of(obj).dict);
}

/// `(iter, (remaining,))`: the items still to come, as a list, taken from a
/// copy of the iterator so this one does not move (as in CPython).
fn dictiter_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let it = iter_of(s);
    let ty = s.class();
    let copy = crate::object::alloc::alloc_object(
        ty,
        DictIterObj {
            ob: Obj::new(ty),
            dict: it.dict.clone(),
            kind: it.kind,
            reverse: it.reverse,
            state: PyCell::new(it.state.get()),
        },
        0,
    );
    let mut items = Vec::new();
    while let Some(v) = dictiter_next(&copy)? {
        items.push(v);
    }
    Ok(new_tuple(vec![
        crate::types::iterators::reduce_builtin("iter")?,
        new_tuple(vec![crate::types::list::new_list(items)]),
    ]))
}

static ITER_METHODS: &[MethodDef] =
    &[MethodDef::method("__length_hint__", dictiter_len), MethodDef::method("__reduce__", dictiter_reduce)];

macro_rules! dict_iter_type {
    ($id:ident, $name:literal) => {
        crate::static_type! {
            pub static $id: DictIterObj = $name {
                flags: HAVE_GC,
                methods: ITER_METHODS,
                slots: {
                    iter: crate::types::iterators::self_iter, iternext: dictiter_next,
                    traverse: dictiter_traverse,
                },
            }
        }
    };
}
dict_iter_type!(DICT_KEYITER_TYPE, "dict_keyiterator");
dict_iter_type!(DICT_VALUEITER_TYPE, "dict_valueiterator");
dict_iter_type!(DICT_ITEMITER_TYPE, "dict_itemiterator");
dict_iter_type!(DICT_REVKEYITER_TYPE, "dict_reversekeyiterator");
dict_iter_type!(DICT_REVVALUEITER_TYPE, "dict_reversevalueiterator");
dict_iter_type!(DICT_REVITEMITER_TYPE, "dict_reverseitemiterator");
