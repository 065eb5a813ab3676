//! The `_collections` module: `deque` (deque.rs), `defaultdict`
//! (defaultdict.rs), the counting loop of `Counter` and the field descriptor
//! of `namedtuple` classes. `collections/__init__.py` builds on it.

use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::dict_type::DICT_TYPE;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::from_string;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{flags, Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{exceptions, int};
use crate::util::args;
use ember_compiler::bytecode::BinaryOp;

use super::native_type::check_positional;

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`
/// for each item, directly on the table when `mapping` keeps dict's own
/// `get` and `__setitem__`.
fn count_elements(a: Args) -> PyResult {
    super::native_type::no_keywords(&a, "_count_elements")?;
    check_positional("_count_elements", a.nargs, 2, 2)?;
    let (mapping, iterable) = (a.all[0], a.all[1]);
    let it = ops::iter(iterable)?;
    let one = int::new_int(1);
    let zero = int::new_int(0);
    let dict_get = DICT_TYPE.lookup_str("get");
    let fast = mapping.downcast::<DictObj>().filter(|_| {
        let t = mapping.class();
        t.setitem.get().map(|f| f as usize) == DICT_TYPE.setitem.get().map(|f| f as usize)
            && match (t.lookup_str("get"), &dict_get) {
                (Some(g), Some(dg)) => g.is(dg),
                _ => false,
            }
    });
    if let Some(d) = fast {
        while let Some(x) = ops::next(&it)? {
            let new = match d.get_item(&x)? {
                Some(old) => ops::binary_op(&old, &one, BinaryOp::Add)?,
                None => one.clone(),
            };
            d.set_item(&x, new)?;
        }
    } else {
        let get = ops::getattr_str(mapping, "get")?;
        while let Some(x) = ops::next(&it)? {
            let old = ops::call2(&get, &x, &zero)?;
            let new = ops::binary_op(&old, &one, BinaryOp::Add)?;
            ops::setitem(mapping, &x, &new)?;
        }
    }
    Ok(crate::types::none())
}

// --- collection flags for abc ------------------------------------------------

/// CPython's `Py_TPFLAGS_SEQUENCE` / `Py_TPFLAGS_MAPPING` values, as used in
/// `__abc_tpflags__`, and Ember's flags for them.
const CPY_SEQUENCE: i64 = 1 << 5;
const CPY_MAPPING: i64 = 1 << 6;

fn collection_flags(t: &TypeObj) -> i64 {
    let mut f = 0;
    if t.has_flag(flags::SEQUENCE) {
        f |= CPY_SEQUENCE;
    }
    if t.has_flag(flags::MAPPING) {
        f |= CPY_MAPPING;
    }
    f
}

/// Marks a Python class and its subclasses as sequences or mappings for the
/// match statement (what CPython's `_abc` does for `__abc_tpflags__` and for
/// `register()` on Sequence/Mapping ABCs). Classes that already have one of
/// the flags, and builtin types, keep theirs.
fn set_collection_flag_recursive(t: &TypeObj, flag: u64) {
    if t.is_static() || t.has_flag(flags::SEQUENCE | flags::MAPPING) {
        return;
    }
    t.set_flag(flag, true);
    for s in t.subclasses.get_clone() {
        if let Some(sub) = crate::object::header::type_link(s) {
            set_collection_flag_recursive(sub, flag);
        }
    }
}

fn set_collection_flags(a: Args) -> PyResult {
    let [cls, value] = args::exact::<2>(a, "_set_collection_flags")?;
    let Some(t) = cls.downcast::<TypeObj>() else { return Err(PyErr::type_error("expected a class")) };
    let v = int::expect_i64(value, "long")?;
    if v & CPY_SEQUENCE != 0 {
        set_collection_flag_recursive(t, flags::SEQUENCE);
    } else if v & CPY_MAPPING != 0 {
        set_collection_flag_recursive(t, flags::MAPPING);
    }
    Ok(crate::types::none())
}

fn get_collection_flags(a: Args) -> PyResult {
    let [cls] = args::exact::<1>(a, "_collection_flags")?;
    Ok(int::new_int(cls.downcast::<TypeObj>().map_or(0, collection_flags)))
}

// --- _tuplegetter -------------------------------------------------------

/// The descriptor of a namedtuple field: item `index` of the tuple.
#[repr(C)]
pub struct TupleGetterObj {
    pub ob: Obj,
    index: i64,
    doc: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for TupleGetterObj {
    fn class() -> &'static TypeObj {
        &TUPLEGETTER_TYPE
    }
}

fn tg(o: &Obj) -> &TupleGetterObj {
    o.downcast::<TupleGetterObj>().expect("_tuplegetter")
}

fn tg_new(t: &TypeObj, a: Args) -> PyResult {
    super::native_type::no_keywords(&a, "_tuplegetter")?;
    check_positional("_tuplegetter", a.nargs, 2, 2)?;
    let index = int::expect_i64(a.all[0], "ssize_t")?;
    let doc = if a.all[1].is_none() { None } else { Some(a.all[1].to_owned()) };
    Ok(crate::object::alloc::alloc_object(t, TupleGetterObj { ob: Obj::new(t), index, doc: PyCell::new(doc) }, 0))
}

fn tg_get(o: &Obj, obj: Option<&Obj>, _t: Option<&TypeObj>) -> PyResult {
    let g = tg(o);
    let Some(obj) = obj.filter(|x| !x.is_none()) else {
        return Ok(o.to_owned());
    };
    let Some(t) = obj.downcast::<TupleObj>() else {
        return Err(PyErr::type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            obj.class().name()
        )));
    };
    usize::try_from(g.index)
        .ok()
        .and_then(|i| t.as_slice().get(i).cloned())
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

fn tg_set(_o: &Obj, _obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let msg = if value.is_some() { "can't set attribute" } else { "can't delete attribute" };
    Err(PyErr::new(&exceptions::ATTRIBUTE_ERROR, msg))
}

fn tg_repr(o: &Obj) -> PyResult {
    let g = tg(o);
    let doc = g.doc.get_clone().unwrap_or_else(crate::types::none);
    Ok(from_string(format!("{}({}, {})", super::native_type::short_name(o.class()), g.index, ops::repr_string(&doc)?)))
}

fn tg_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let g = tg(s);
    let doc = g.doc.get_clone().unwrap_or_else(crate::types::none);
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), new_tuple(vec![int::new_int(g.index), doc])]))
}

fn tg_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    tg(o).doc.with(|d| {
        if let Some(d) = d {
            visit(d)
        }
    });
}

fn g_doc(o: &Obj) -> PyResult {
    Ok(tg(o).doc.get_clone().unwrap_or_else(crate::types::none))
}

fn s_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let old = tg(o).doc.replace(v.filter(|v| !v.is_none()).map(|v| v.to_owned()));
    drop(old);
    Ok(())
}

static TG_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", tg_reduce)];
static TG_GETSETS: &[GetSetDef] = &[GetSetDef::getset("__doc__", g_doc, s_doc)];

crate::static_type! {
    pub static TUPLEGETTER_TYPE: TupleGetterObj = "_collections._tuplegetter" {
        module: "_collections",
        flags: HAVE_GC,
        methods: TG_METHODS,
        getsets: TG_GETSETS,
        slots: { new: tg_new, descr_get: tg_get, descr_set: tg_set, repr: tg_repr, traverse: tg_traverse },
    }
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("_count_elements", count_elements),
    MethodDef::method("_set_collection_flags", set_collection_flags),
    MethodDef::method("_collection_flags", get_collection_flags),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_collections");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    mo.set_attr("deque", super::deque::DEQUE_TYPE.as_obj_ref().to_owned());
    mo.set_attr("defaultdict", super::defaultdict::DEFAULTDICT_TYPE.as_obj_ref().to_owned());
    mo.set_attr("_deque_iterator", super::deque::DEQUE_ITER_TYPE.as_obj_ref().to_owned());
    mo.set_attr("_deque_reverse_iterator", super::deque::DEQUE_REVITER_TYPE.as_obj_ref().to_owned());
    mo.set_attr("_tuplegetter", TUPLEGETTER_TYPE.as_obj_ref().to_owned());
    Ok(m)
}
