//! The `dict` type's methods and slots (the table itself is in `dict.rs`).

use crate::object::{AsObj, Obj};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::dict_views::{new_view, ViewKind};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{int, new_bool, none, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

fn this(obj: &Obj) -> &DictObj {
    obj.downcast::<DictObj>().expect("dict")
}

fn dict_repr(obj: &Obj) -> PyResult {
    let d = this(obj);
    if d.is_empty() {
        return Ok(crate::types::str::new_str("{}"));
    }
    let r = crate::types::seq::repr_guard(obj, || {
        let mut out = String::from("{");
        let mut pos = 0;
        let mut first = true;
        while let Some((next, k, v)) = d.next_entry(pos) {
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(&ops::repr_string(&k)?);
            out.push_str(": ");
            out.push_str(&ops::repr_string(&v)?);
            pos = next;
        }
        out.push('}');
        Ok::<_, PyErr>(out)
    });
    Ok(crate::types::str::from_string(match r {
        None => "{...}".into(),
        Some(s) => s?,
    }))
}

/// `a == b` for dicts.
pub fn dicts_equal(a: &DictObj, b: &DictObj) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (k, v) in a.items() {
        match b.get_item(&k)? {
            None => return Ok(false),
            Some(w) => {
                if !v.is(&w) && !ops::eq_bool(&v, &w)? {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

fn dict_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) else {
        return Ok(not_implemented());
    };
    match op {
        CompareOp::Eq => Ok(new_bool(dicts_equal(x, y)?)),
        CompareOp::Ne => Ok(new_bool(!dicts_equal(x, y)?)),
        _ => Ok(not_implemented()),
    }
}

fn dict_len(obj: &Obj) -> PyResult<usize> {
    Ok(this(obj).len())
}

/// `d[key]`, calling `__missing__` on subclasses that define it.
pub fn dict_subscript(obj: &Obj, key: &Obj) -> PyResult {
    let d = this(obj);
    if let Some(v) = d.get_item(key)? {
        return Ok(v);
    }
    if !obj.class().is(&DICT_TYPE) {
        if let Some(missing) = obj.class().lookup_str("__missing__") {
            return ops::call_method_obj(&missing, obj, &[key]);
        }
    }
    Err(PyErr::key_error(key))
}

fn dict_setitem(obj: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let d = this(obj);
    match value {
        Some(v) => d.set_item(key, v.to_owned()),
        None => match d.del_item(key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key)),
        },
    }
}

fn dict_contains(obj: &Obj, key: &Obj) -> PyResult<bool> {
    Ok(this(obj).get_item(key)?.is_some())
}

fn dict_iter(obj: &Obj) -> PyResult {
    Ok(crate::types::dict_views::new_dict_iter(obj, ViewKind::Keys, false))
}

fn dict_new(ty: &TypeObj, _args: Args) -> PyResult {
    Ok(DictObj::new_empty(ty))
}

/// `dict.update(other, **kwargs)` semantics for one positional source.
pub fn update_from(d: &DictObj, src: &Obj) -> PyResult<()> {
    if let Some(s) = src.downcast::<DictObj>() {
        let same_iter = match (s.class().iter.get(), DICT_TYPE.iter.get()) {
            (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        if same_iter {
            return d.update_from_dict(s);
        }
    }
    if let Some(keys) = ops::lookup_attr(src, "keys")? {
        let ks = ops::collect_vec(&*ops::call0(&keys)?)?;
        for k in ks {
            let v = ops::getitem(src, &k)?;
            d.set_item(&k, v)?;
        }
        return Ok(());
    }
    let it = ops::iter(src)?;
    let mut n = 0usize;
    while let Some(item) = ops::next(&it)? {
        let pair = ops::collect_vec(&item).map_err(|e| {
            if e.matches(&crate::types::exceptions::TYPE_ERROR) {
                PyErr::type_error(format!("cannot convert dictionary update sequence element #{n} to a sequence"))
            } else {
                e
            }
        })?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            )));
        }
        d.set_item(&pair[0], pair[1].clone())?;
        n += 1;
    }
    Ok(())
}

fn update_kwargs(d: &DictObj, a: &Args) -> PyResult<()> {
    if let Some(names) = a.kwnames {
        for (i, name) in names.as_slice().iter().enumerate() {
            d.set_item(name, a.all[a.nargs + i].to_owned())?;
        }
    }
    Ok(())
}

fn dict_init(obj: &Obj, a: Args) -> PyResult<()> {
    if a.nargs > 1 {
        return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {}", a.nargs)));
    }
    let d = this(obj);
    if a.nargs == 1 {
        update_from(d, a.all[0])?;
    }
    update_kwargs(d, &a)
}

fn dict_traverse(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    this(obj).visit(visit);
}

fn dict_clear_slot(obj: &Obj) {
    this(obj).clear();
}

fn m_keys(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "keys")?;
    Ok(new_view(s, ViewKind::Keys))
}
fn m_values(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "values")?;
    Ok(new_view(s, ViewKind::Values))
}
fn m_items(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "items")?;
    Ok(new_view(s, ViewKind::Items))
}

fn m_get(a: Args) -> PyResult {
    let [s, key, default] = args::parse(a, "get", &["self", "key", "default", "/"], 2)?;
    let d = this(s.expect("self"));
    match d.get_item(key.expect("key"))? {
        Some(v) => Ok(v),
        None => Ok(default.map_or_else(none, |x| x.to_owned())),
    }
}

fn m_setdefault(a: Args) -> PyResult {
    let [s, key, default] = args::parse(a, "setdefault", &["self", "key", "default", "/"], 2)?;
    let d = this(s.expect("self"));
    let key = key.expect("key");
    if let Some(v) = d.get_item(key)? {
        return Ok(v);
    }
    let v = default.map_or_else(none, |x| x.to_owned());
    d.set_item(key, v.clone())?;
    Ok(v)
}

fn m_pop(a: Args) -> PyResult {
    let [s, key, default] = args::parse(a, "pop", &["self", "key", "default", "/"], 2)?;
    let d = this(s.expect("self"));
    let key = key.expect("key");
    match d.del_item(key)? {
        Some(v) => Ok(v),
        None => match default {
            Some(x) => Ok(x.to_owned()),
            None => Err(PyErr::key_error(key)),
        },
    }
}

fn m_popitem(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "popitem")?;
    match this(s).pop_last() {
        Some((k, v)) => Ok(crate::types::tuple::new_tuple(vec![k, v])),
        None => Err(PyErr::new(&crate::types::exceptions::KEY_ERROR, "popitem(): dictionary is empty")),
    }
}

fn m_update(a: Args) -> PyResult {
    if a.nargs > 2 {
        return Err(PyErr::type_error(format!("update expected at most 1 argument, got {}", a.nargs - 1)));
    }
    let d = this(a.all[0]);
    if a.nargs == 2 {
        update_from(d, a.all[1])?;
    }
    update_kwargs(d, &a)?;
    Ok(none())
}

fn m_clear(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "clear")?;
    this(s).clear();
    Ok(none())
}

fn m_copy(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "copy")?;
    Ok(this(s).copy())
}

fn m_fromkeys(a: Args) -> PyResult {
    let [cls, iterable, value] = args::parse(a, "fromkeys", &["cls", "iterable", "value", "/"], 2)?;
    let cls = cls.expect("cls");
    let value = value.map_or_else(none, |x| x.to_owned());
    let d = ops::call0(cls)?;
    let it = ops::iter(iterable.expect("iterable"))?;
    if let Some(dd) = d.downcast_exact::<DictObj>() {
        while let Some(k) = ops::next(&it)? {
            dd.set_item(&k, value.clone())?;
        }
    } else {
        while let Some(k) = ops::next(&it)? {
            ops::setitem(&d, &k, &value)?;
        }
    }
    Ok(d)
}

fn m_contains(a: Args) -> PyResult {
    let [s, k] = args::exact::<2>(a, "__contains__")?;
    Ok(new_bool(this(s).get_item(k)?.is_some()))
}

fn m_getitem(a: Args) -> PyResult {
    let [s, k] = args::exact::<2>(a, "__getitem__")?;
    dict_subscript(s, k)
}

fn m_reversed(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reversed__")?;
    Ok(crate::types::dict_views::new_dict_iter(s, ViewKind::Keys, true))
}

fn m_sizeof(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__sizeof__")?;
    Ok(int::from_usize(48 + 24 * this(s).entries_len()))
}

fn m_class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}

fn dict_or(a: &Obj, b: &Obj) -> PyResult {
    let (Some(x), Some(_)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) else {
        return Ok(not_implemented());
    };
    let new = x.copy();
    update_from(new.downcast::<DictObj>().expect("dict"), b)?;
    Ok(new)
}

fn dict_ior(a: &Obj, b: &Obj) -> PyResult {
    update_from(this(a), b)?;
    Ok(a.to_owned())
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("keys", m_keys),
    MethodDef::method("values", m_values),
    MethodDef::method("items", m_items),
    MethodDef::method("get", m_get),
    MethodDef::method("setdefault", m_setdefault),
    MethodDef::method("pop", m_pop),
    MethodDef::method("popitem", m_popitem),
    MethodDef::method("update", m_update),
    MethodDef::method("clear", m_clear),
    MethodDef::method("copy", m_copy),
    MethodDef::class("fromkeys", m_fromkeys),
    MethodDef::method("__contains__", m_contains),
    MethodDef::method("__getitem__", m_getitem),
    MethodDef::method("__reversed__", m_reversed),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::class("__class_getitem__", m_class_getitem),
];

crate::static_type! {
    pub static DICT_TYPE: DictObj = "dict" {
        flags: BASETYPE | HAVE_GC | DICT_SUBCLASS | MAPPING,
        doc: "dict() -> new empty dictionary",
        methods: METHODS,
        slots: {
            repr: dict_repr, richcompare: dict_richcompare, len: dict_len, getitem: dict_subscript,
            setitem: dict_setitem, contains: dict_contains, iter: dict_iter, new: dict_new,
            init: dict_init, traverse: dict_traverse, clear: dict_clear_slot,
            hash: crate::types::object::hash_not_implemented,
        },
        number: { or: dict_or, ior: dict_ior },
    }
}

#[allow(unused_imports)]
use new_dict as _;
