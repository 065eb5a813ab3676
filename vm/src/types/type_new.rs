//! The `type` type: calling types, class creation (`type(name, bases, dict)`),
//! `__slots__` layouts, attribute access on types, and type introspection.

use std::borrow::Cow;

use crate::object::abi::{entry, NativeCall};
use crate::object::{AsObj, Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::builtin_func::new_member_descr;
use crate::types::descriptors::{new_classmethod, new_staticmethod};
use crate::types::dict::{new_dict, DictObj};
use crate::types::function::FunctionObj;
use crate::types::str::{from_string, intern, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{flags, Args, GetSetDef, MethodDef, TypeObj, TYPE_TYPE};
use crate::types::{exceptions, int, none, object::OBJECT_TYPE, ready, slotdefs};
use crate::util::args;

fn this(o: &Obj) -> &TypeObj {
    o.downcast::<TypeObj>().expect("type")
}

pub struct TypeCall;
impl NativeCall for TypeCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let t = this(callable);
        if t.is(&TYPE_TYPE) && a.nargs == 1 && a.kwnames.is_none_or(|k| k.is_empty()) {
            return Ok(a.all[0].class().as_obj_ref().to_owned());
        }
        let Some(new) = t.new.get() else {
            return Err(PyErr::type_error(format!("cannot create '{}' instances", t.qualname())));
        };
        let obj = new(t, a)?;
        if !obj.class().is_subtype(t) {
            return Ok(obj);
        }
        if let Some(init) = obj.class().init.get() {
            init(&obj, a)?;
        }
        Ok(obj)
    }
}

/// `type.__getattribute__`: metatype data descriptors, then the type's MRO
/// (binding descriptors with no instance), then other metatype attributes.
pub fn type_getattro(o: &Obj, name: &StrObj) -> PyResult {
    let t = this(o);
    let meta = o.class();
    let meta_attr = meta.lookup(name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        meta_get = ma.class().descr_get.get();
        if let Some(g) = meta_get {
            if ma.class().descr_set.get().is_some() {
                return g(ma, Some(o), Some(meta));
            }
        }
    }
    if let Some(attr) = t.lookup(name) {
        if let Some(g) = attr.class().descr_get.get() {
            return g(&attr, None, Some(t));
        }
        return Ok(attr);
    }
    if let (Some(g), Some(ma)) = (meta_get, &meta_attr) {
        return g(ma, Some(o), Some(meta));
    }
    if let Some(ma) = meta_attr {
        return Ok(ma);
    }
    Err(PyErr::no_attribute(o, name.as_str()))
}

pub(crate) fn type_setattro(o: &Obj, name: &StrObj, value: Option<&Obj>) -> PyResult<()> {
    let t = this(o);
    if t.is_static() {
        return Err(PyErr::type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.as_str(),
            t.name()
        )));
    }
    // Data descriptors on the metatype (e.g. __name__, __doc__ getsets).
    if let Some(d) = o.class().lookup(name) {
        if let Some(set) = d.class().descr_set.get() {
            return set(&d, o, value);
        }
    }
    let key = intern(name.as_str());
    let dict = t.dict();
    let d = dict.downcast::<DictObj>().expect("type dict");
    match value {
        Some(v) => d.set_item(&key, v.to_owned())?,
        None => {
            if d.del_item(&key)?.is_none() {
                return Err(PyErr::no_attribute(o, name.as_str()));
            }
        }
    }
    t.modified();
    slotdefs::update_slot_for_name(t, name.as_str());
    Ok(())
}

pub(crate) fn type_repr(o: &Obj) -> PyResult {
    let t = this(o);
    Ok(from_string(match crate::types::object::type_module_name(t) {
        Some(m) => format!("<class '{m}.{}'>", t.qualname()),
        None => format!("<class '{}'>", t.qualname()),
    }))
}

pub(crate) fn type_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let t = this(o);
    if t.is_static() {
        return;
    }
    for c in [&t.dict, &t.mro, &t.bases] {
        c.with(|v| {
            if let Some(v) = v {
                visit(v)
            }
        });
    }
}

pub(crate) fn type_clear(o: &Obj) {
    let t = this(o);
    if t.is_static() {
        return;
    }
    // Break cycles through the MRO (which contains the type) and the dict.
    let m = t.mro.take();
    let d = t.dict.take();
    drop(m);
    drop(d);
}

/// Unlinks a dying heap type from its bases' subclass lists.
pub fn unlink_subclass(t: &TypeObj) {
    let me = t as *const TypeObj;
    if let Some(bases) = t.bases.get_clone() {
        if let Some(bt) = bases.downcast::<TupleObj>() {
            for b in bt.as_slice() {
                if let Some(b) = b.downcast::<TypeObj>() {
                    b.subclasses.with_mut(|s| s.retain(|p| *p != me));
                }
            }
        }
    }
}

/// The most derived metaclass among `meta` and the types of `bases`.
pub fn calculate_metaclass<'a>(meta: &'a TypeObj, bases: &'a [PyRef]) -> PyResult<&'a TypeObj> {
    let mut winner = meta;
    for b in bases {
        let bt = b.class();
        if winner.is_subtype(bt) {
            continue;
        }
        if bt.is_subtype(winner) {
            winner = bt;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Whether `t` adds instance fields beyond `b`'s (other than a `__dict__`).
fn extra_ivars(t: &TypeObj, b: &TypeObj) -> bool {
    let mut ts = t.basicsize.get();
    let bs = b.basicsize.get();
    if t.itemsize.get() != 0 || b.itemsize.get() != 0 {
        // `str` is var-sized in Ember but not in CPython, where a subclass
        // that only adds a `__dict__` keeps str's layout; the dict sits at
        // the same place (from the end) in every such subclass.
        let str_with_dict_only = !t.is_static()
            && b.has_flag(flags::UNICODE_SUBCLASS)
            && t.dict_offset.get() == -8
            && b.dict_offset.get() == 0
            && ts == bs + 8;
        if str_with_dict_only {
            ts -= 8;
        }
        return ts != bs || t.itemsize.get() != b.itemsize.get();
    }
    // A heap type's trailing `__dict__` slot is not a layout of its own; a
    // static type's dict field (a module's) is part of its payload.
    if !t.is_static() && t.dict_offset.get() > 0 && b.dict_offset.get() == 0 && t.dict_offset.get() as usize + 8 == ts {
        ts -= 8;
    }
    ts != bs
}

/// The base whose instance layout `t` extends (CPython's solid_base).
fn solid_base(t: &TypeObj) -> &TypeObj {
    match t.base() {
        None => t,
        Some(b) => {
            if extra_ivars(t, b) {
                t
            } else {
                solid_base(b)
            }
        }
    }
}

fn best_base(bases: &[PyRef]) -> PyResult<&TypeObj> {
    let mut best: Option<&TypeObj> = None;
    let mut winner: Option<&TypeObj> = None;
    for b in bases {
        let Some(bt) = b.downcast::<TypeObj>() else {
            return Err(PyErr::type_error("bases must be types"));
        };
        if !bt.has_flag(flags::BASETYPE) {
            return Err(PyErr::type_error(format!("type '{}' is not an acceptable base type", bt.name())));
        }
        let candidate = solid_base(bt);
        match winner {
            None => {
                winner = Some(candidate);
                best = Some(bt);
            }
            Some(w) if w.is_subtype(candidate) => {}
            Some(w) if candidate.is_subtype(w) => {
                winner = Some(candidate);
                best = Some(bt);
            }
            Some(_) => return Err(PyErr::type_error("multiple bases have instance lay-out conflict")),
        }
    }
    best.ok_or_else(|| PyErr::type_error("bases must not be empty"))
}

/// Whether instances of `a` and `b` have the same layout (for `__class__`
/// assignment).
pub fn layouts_compatible(a: &TypeObj, b: &TypeObj) -> bool {
    a.basicsize.get() == b.basicsize.get()
        && a.itemsize.get() == b.itemsize.get()
        && a.dict_offset.get() == b.dict_offset.get()
        && a.has_flag(flags::WEAKREFABLE) == b.has_flag(flags::WEAKREFABLE)
        && solid_base(a).is(solid_base(b))
        && slot_names(a) == slot_names(b)
}

fn slot_names(t: &TypeObj) -> Vec<String> {
    let mut v = Vec::new();
    let mut cur = Some(t);
    while let Some(c) = cur {
        if c.is_static() {
            break;
        }
        if let Some(s) = c.lookup_own(intern("__slots__").downcast::<StrObj>().expect("str")) {
            if let Ok(items) = ops::collect_vec(&s) {
                v.extend(items.iter().map(|x| ops::str_lossy(x)));
            }
        }
        cur = c.base();
    }
    v
}

/// Mangles a private name for class `class_name`.
pub fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

/// `type.__new__(meta, name, bases, ns, **kwds)`: creates a class.
pub fn type_new_impl(meta: &TypeObj, name: &Obj, bases: &Obj, ns: &Obj, kwds: &[(PyRef, PyRef)]) -> PyResult {
    let name_s = name
        .downcast::<StrObj>()
        .ok_or_else(|| {
            PyErr::type_error(format!("type.__new__() argument 1 must be str, not {}", name.class().name()))
        })?
        .as_str()
        .to_string();
    let bases_t = bases.downcast::<TupleObj>().ok_or_else(|| {
        PyErr::type_error(format!("type.__new__() argument 2 must be tuple, not {}", bases.class().name()))
    })?;
    let ns_d = ns.downcast::<DictObj>().ok_or_else(|| {
        PyErr::type_error(format!("type.__new__() argument 3 must be dict, not {}", ns.class().name()))
    })?;
    let mut base_list: Vec<PyRef> = bases_t.as_slice().to_vec();
    // A more derived metaclass among the bases takes over.
    let winner_ref = calculate_metaclass(meta, &base_list)?.as_obj_ref().to_owned();
    let winner = winner_ref.downcast::<TypeObj>().expect("metaclass");
    if !winner.is(meta) {
        if let Some(new) = winner.new.get() {
            if new as usize != type_new as *const () as usize {
                // The keywords go along (`type(name, bases, ns, **kw)` with a
                // metaclass among the bases).
                let mut all: Vec<&Obj> = vec![name, bases, ns];
                all.extend(kwds.iter().map(|(_, v)| &**v));
                let names = crate::types::tuple::new_tuple(kwds.iter().map(|(k, _)| k.clone()).collect());
                let kwnames = if kwds.is_empty() { None } else { names.downcast::<TupleObj>() };
                return new(winner, Args { all: &all, nargs: 3, kwnames });
            }
        }
    }
    let meta = winner;
    if base_list.is_empty() {
        base_list.push(OBJECT_TYPE.as_obj_ref().to_owned());
    }
    for (i, b) in base_list.iter().enumerate() {
        if base_list[..i].iter().any(|x| x.is(b)) {
            let n = b.downcast::<TypeObj>().map_or_else(|| ops::str_lossy(b), |t| t.name());
            return Err(PyErr::type_error(format!("duplicate base class {n}")));
        }
    }
    let base = best_base(&base_list)?;
    for b in &base_list {
        if b.downcast::<TypeObj>().is_some_and(|t| t.is(&TYPE_TYPE) || t.is_subtype(&TYPE_TYPE))
            && !meta.is_subtype(&TYPE_TYPE)
        {
            return Err(PyErr::type_error("metaclass must be a subclass of type"));
        }
    }

    let dict = new_dict();
    let d = dict.downcast::<DictObj>().expect("dict");
    d.update_from_dict(ns_d)?;

    // __qualname__ comes from the namespace if given.
    let qualname = match d.get_by_str("__qualname__") {
        Some(q) => {
            let q = q.downcast::<StrObj>().ok_or_else(|| {
                PyErr::type_error(format!("type __qualname__ must be a str, not {}", q.class().name()))
            })?;
            let s = q.as_str().to_string();
            d.del_item(&intern("__qualname__"))?;
            s
        }
        None => name_s.clone(),
    };
    // The class cell of zero-argument super() is no class variable either.
    let classcell = d.get_by_str("__classcell__");
    if classcell.is_some() {
        d.del_item(&intern("__classcell__"))?;
    }
    if d.get_by_str("__module__").is_none() {
        if let Some(g) = crate::eval::current_globals() {
            if let Some(m) = g.downcast::<DictObj>().and_then(|g| g.get_by_str("__name__")) {
                d.set_by_str("__module__", m);
            }
        }
    }
    // Plain functions for these special methods are implicitly wrapped.
    for (n, wrap) in [("__init_subclass__", true), ("__class_getitem__", true), ("__new__", false)] {
        if let Some(f) = d.get_by_str(n) {
            if f.isa::<FunctionObj>() {
                d.set_by_str(n, if wrap { new_classmethod(&f) } else { new_staticmethod(&f) });
            }
        }
    }
    if d.get_by_str("__eq__").is_some() && d.get_by_str("__hash__").is_none() {
        d.set_by_str("__hash__", none());
    }

    // Layout: __slots__ members, then the __dict__ pointer.
    let mut slot_list: Option<Vec<String>> = None;
    if let Some(slots) = d.get_by_str("__slots__") {
        let items = if slots.isa::<StrObj>() { vec![slots.clone()] } else { ops::collect_vec(&slots)? };
        let mut names = Vec::new();
        for it in items {
            let Some(s) = it.downcast::<StrObj>() else {
                return Err(PyErr::type_error(format!("__slots__ items must be strings, not '{}'", it.class().name())));
            };
            if !is_identifier(s.as_str()) {
                return Err(PyErr::type_error("__slots__ must be identifiers"));
            }
            names.push(s.as_str().to_string());
        }
        slot_list = Some(names);
    }
    // Classes (instances of a metaclass) keep their namespace in the type
    // object itself: metaclasses get no instance dict or `__dict__` descriptor,
    // which would shadow `type.__dict__`.
    let base_has_dict = base.dict_offset.get() != 0 || base.is_subtype(&TYPE_TYPE);
    let mut add_dict = !base_has_dict;
    // Weak reference support, as CPython's `__weakref__`: added unless a base
    // has it or the base is var-sized in CPython (int, bytes, tuple).
    let base_varsized = base.itemsize.get() != 0
        || base.flags.get() & (flags::LONG_SUBCLASS | flags::BYTES_SUBCLASS | flags::TUPLE_SUBCLASS) != 0;
    let base_has_weakref = base.has_flag(flags::WEAKREFABLE);
    let mut add_weakref = !base_has_weakref && !base_varsized;
    let mut member_names: Vec<String> = Vec::new();
    if let Some(names) = &slot_list {
        add_dict = false;
        add_weakref = false;
        // A name listed twice gets two slots, the second one's descriptor
        // winning (as in CPython).
        for n in names {
            if n == "__dict__" {
                if base_has_dict || add_dict {
                    return Err(PyErr::type_error("__dict__ slot disallowed: we already got one"));
                }
                add_dict = true;
                continue;
            }
            if n == "__weakref__" {
                if base_has_weakref || base_varsized || add_weakref {
                    return Err(PyErr::type_error(
                        "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                    ));
                }
                add_weakref = true;
                continue;
            }
            let m = mangle(&name_s, n);
            // `__qualname__` and `__classcell__` were taken out above.
            if d.get_by_str(&m).is_some() {
                return Err(PyErr::value_error(format!("'{m}' in __slots__ conflicts with class variable")));
            }
            member_names.push(m);
        }
        if !member_names.is_empty() && base.itemsize.get() != 0 {
            return Err(PyErr::type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                base.name()
            )));
        }
    }
    let mut size = base.basicsize.get();
    let mut member_offsets = Vec::new();
    for _ in &member_names {
        member_offsets.push(size);
        size += 8;
    }
    let mut dict_offset = base.dict_offset.get();
    if add_dict {
        if base.itemsize.get() != 0 {
            dict_offset = -8;
        } else {
            dict_offset = size as isize;
        }
        size += 8;
    }

    let mut tflags = flags::HEAPTYPE | flags::BASETYPE | flags::READY | (base.flags.get() & flags::INHERITED);
    for b in &base_list {
        if let Some(bt) = b.downcast::<TypeObj>() {
            tflags |= bt.flags.get() & flags::INHERITED;
        }
    }
    if add_dict || !member_names.is_empty() {
        tflags |= flags::HAVE_GC;
    }
    if slot_list.is_some() {
        tflags |= flags::HAS_SLOTS;
    }
    if add_weakref {
        tflags |= flags::WEAKREFABLE;
    }
    let ty = TypeObj {
        ob: Obj::new(meta),
        name: PyCell::new(Cow::Owned(name_s.clone())),
        qualname: PyCell::new(Cow::Owned(qualname)),
        module: "",
        doc: None,
        flags: std::cell::Cell::new(tflags),
        version: std::cell::Cell::new(0),
        basicsize: std::cell::Cell::new(size),
        itemsize: std::cell::Cell::new(base.itemsize.get()),
        dict_offset: std::cell::Cell::new(dict_offset),
        weaklist_offset: std::cell::Cell::new(base.weaklist_offset.get()),
        base: std::cell::Cell::new(base),
        bases: PyCell::new(Some(new_tuple(base_list.clone()))),
        mro: PyCell::new(None),
        dict: PyCell::new(Some(dict.clone())),
        subclasses: PyCell::new(Vec::new()),
        methods: &[],
        getsets: &[],
        solid_size: std::cell::Cell::new(base.solid_size.get()),
        ..TypeObj::blank_named("")
    };
    let tobj = crate::object::alloc::alloc_object(meta, ty, 0);
    let t = this(&tobj);
    t.flags.set(tflags);
    t.drop_payload.set(base.drop_payload.get());
    t.traverse.set(Some(subtype_traverse));
    t.clear.set(Some(subtype_clear));

    let mut slot_values: Vec<usize> = member_offsets.clone();
    if !base.is_static() {
        slot_values.extend(base.slot_value_offsets.with(|v| v.clone()));
    }
    drop(t.slot_value_offsets.replace(slot_values));
    for (m, off) in member_names.iter().zip(member_offsets) {
        d.set_by_str(m, new_member_descr(intern(m), t, off));
    }
    // A `__doc__` slot's descriptor stands in for the class's docstring.
    if d.get_by_str("__doc__").is_none() {
        d.set_by_str("__doc__", none());
    }
    if add_dict && !base_has_dict {
        d.set_by_str("__dict__", crate::types::builtin_func::new_getset_descr(&INSTANCE_DICT_GETSET, t));
    }
    if add_weakref {
        d.set_by_str("__weakref__", crate::types::builtin_func::new_getset_descr(&INSTANCE_WEAKREF_GETSET, t));
    }

    let mro = compute_mro(t, &base_list)?;
    t.mro.set_opt(Some(new_tuple(mro)));
    for b in &base_list {
        if let Some(bt) = b.downcast::<TypeObj>() {
            bt.subclasses.with_mut(|s| s.push(t as *const TypeObj));
        }
    }
    slotdefs::update_slots(t);
    if t.new.get().is_none() {
        t.new.set(base.new.get());
    }

    // The class cell of zero-argument super().
    if let Some(cell) = classcell {
        let Some(c) = cell.downcast::<crate::types::cell::CellObj>() else {
            return Err(PyErr::type_error(format!(
                "__classcell__ must be a nonlocal cell, not {}",
                cell.class().name()
            )));
        };
        c.set(Some(tobj.clone()));
    }

    set_names(&tobj, d)?;
    init_subclass(&tobj, kwds)?;
    Ok(tobj)
}

fn compute_mro(t: &TypeObj, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    // A metaclass may override mro().
    if !t.as_obj_ref().class().is(&TYPE_TYPE) {
        if let Some(m) = t.as_obj_ref().class().lookup_str("mro") {
            let is_default =
                m.downcast::<crate::types::builtin_func::MethodDescrObj>().is_some_and(|d| d.owner().is(&TYPE_TYPE));
            if !is_default {
                let r = ops::call_method_obj(&m, t.as_obj_ref(), &[])?;
                let mro = ops::collect_vec(&r)?;
                check_custom_mro(t, &mro)?;
                return Ok(mro);
            }
        }
    }
    ready::c3_mro(t, bases)
}

/// What CPython requires of an MRO a metaclass's `mro()` returned: classes
/// only, each with an instance layout the new type's instances extend (else
/// code written for that layout would read the wrong payload).
fn check_custom_mro(t: &TypeObj, mro: &[PyRef]) -> PyResult<()> {
    let solid = solid_base(t);
    for entry in mro {
        let Some(base) = entry.downcast::<TypeObj>() else {
            return Err(PyErr::type_error(format!("mro() returned a non-class ('{}')", entry.class().name())));
        };
        if !solid.is_subtype(solid_base(base)) {
            return Err(PyErr::type_error(format!("mro() returned base with unsuitable layout ('{}')", base.name())));
        }
    }
    Ok(())
}

fn set_names(tobj: &Obj, d: &DictObj) -> PyResult<()> {
    for (k, v) in d.items() {
        if let Some(f) = v.class().lookup_str("__set_name__") {
            if let Err(e) = ops::call_method_obj(&f, &v, &[tobj, &k]) {
                let t = this(tobj);
                let err = PyErr::runtime_error(format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    v.class().name(),
                    ops::repr_string(&k)?,
                    t.name()
                ));
                crate::types::exceptions::ExceptionObj::set_cause_of(err.exc(), e.into_exc());
                return Err(err);
            }
        }
    }
    Ok(())
}

fn init_subclass(tobj: &Obj, kwds: &[(PyRef, PyRef)]) -> PyResult<()> {
    let t = this(tobj);
    // super(t, t).__init_subclass__(**kwds): search the MRO after t.
    let mro = t.mro_tuple().ok_or_else(|| PyErr::system_error("type without MRO"))?;
    let items = mro.downcast::<TupleObj>().expect("mro").as_slice().to_vec();
    for b in items.iter().skip(1) {
        let Some(bt) = b.downcast::<TypeObj>() else { continue };
        if let Some(f) = bt.lookup_own(intern("__init_subclass__").downcast::<StrObj>().expect("str")) {
            let bound = match f.class().descr_get.get() {
                Some(g) => g(&f, None, Some(t))?,
                None => f,
            };
            let names: Vec<PyRef> = kwds.iter().map(|(k, _)| k.clone()).collect();
            let vals: Vec<&Obj> = kwds.iter().map(|(_, v)| &**v).collect();
            let kwn = new_tuple(names);
            let kw = if kwds.is_empty() { None } else { kwn.downcast::<TupleObj>() };
            ops::call(&bound, &vals, kw)?;
            return Ok(());
        }
    }
    Ok(())
}

pub(crate) fn type_new(meta: &TypeObj, a: Args) -> PyResult {
    if a.nargs == 1 && meta.is(&TYPE_TYPE) {
        return Ok(a.all[0].class().as_obj_ref().to_owned());
    }
    if a.nargs != 3 {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    let mut kwds = Vec::new();
    if let Some(k) = a.kwnames {
        for (i, n) in k.as_slice().iter().enumerate() {
            kwds.push((n.clone(), a.all[a.nargs + i].to_owned()));
        }
    }
    type_new_impl(meta, a.all[0], a.all[1], a.all[2], &kwds)
}

pub(crate) fn type_init(_o: &Obj, a: Args) -> PyResult<()> {
    if a.nargs != 1 && a.nargs != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

fn subtype_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    crate::types::instance::traverse_extras(o, visit);
    visit(o.class().as_obj_ref());
    // The solid base's own references.
    let mut b = o.class().base();
    while let Some(bt) = b {
        if bt.is_static() {
            if let Some(tr) = bt.traverse.get() {
                tr(o, visit);
            }
            break;
        }
        b = bt.base();
    }
}

fn subtype_clear(o: &Obj) {
    crate::types::instance::clear_extras(o);
    let mut b = o.class().base();
    while let Some(bt) = b {
        if bt.is_static() {
            if let Some(cl) = bt.clear.get() {
                cl(o);
            }
            break;
        }
        b = bt.base();
    }
}

fn g_instance_dict(o: &Obj) -> PyResult {
    crate::types::instance::dict_of(o)
}
fn s_instance_dict(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) => {
            crate::types::instance::check_dict(v)?;
            crate::types::instance::set_dict(o, Some(v.to_owned()))
        }
        None => crate::types::instance::set_dict(o, None),
    }
}

/// The `__dict__` descriptor of classes whose instances have a dict.
pub static INSTANCE_DICT_GETSET: GetSetDef = INSTANCE_DICT_GETSET_REF;
/// The same descriptor definition, usable in static tables.
pub const INSTANCE_DICT_GETSET_REF: GetSetDef = GetSetDef::getset("__dict__", g_instance_dict, s_instance_dict);

fn g_instance_weakref(o: &Obj) -> PyResult {
    Ok(crate::object::weakref::refs_to(o).into_iter().next().unwrap_or_else(none))
}

/// The `__weakref__` descriptor of classes that add weak reference support:
/// the first weak reference to the instance, or None.
pub static INSTANCE_WEAKREF_GETSET: GetSetDef = GetSetDef::getter("__weakref__", g_instance_weakref);

// --- getsets and methods of `type` ---

fn g_name(o: &Obj) -> PyResult {
    let t = this(o);
    if t.is_static() {
        // Static types of library modules are named "module.Name" (tp_name).
        return Ok(t.name.with(|n| from_string(n.rsplit_once('.').map_or(&**n, |(_, tail)| tail).to_string())));
    }
    // The same object each time, as CPython's `ht_name` (identity checks
    // such as `inspect.classify_class_attrs` rely on it).
    Ok(intern(&t.name()))
}
fn s_name(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = this(o);
    if t.is_static() {
        return Err(PyErr::type_error(format!("cannot set '__name__' attribute of immutable type '{}'", t.name())));
    }
    let v = v.ok_or_else(|| {
        PyErr::type_error(format!("cannot delete '__name__' attribute of immutable type '{}'", t.name()))
    })?;
    let s = crate::types::str::expect_str(v, &format!("can only assign string to {}.__name__, not", t.name()))
        .map_err(|_| {
            PyErr::type_error(format!("can only assign string to {}.__name__, not '{}'", t.name(), v.class().name()))
        })?;
    let old = t.name.replace(Cow::Owned(s.to_string()));
    drop(old);
    Ok(())
}
fn g_qualname(o: &Obj) -> PyResult {
    let t = this(o);
    if t.is_static() {
        return Ok(from_string(t.qualname()));
    }
    Ok(intern(&t.qualname()))
}
fn s_qualname(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = this(o);
    let v = v.ok_or_else(|| PyErr::type_error("cannot delete __qualname__"))?;
    let s = v.downcast::<StrObj>().ok_or_else(|| {
        PyErr::type_error(format!("can only assign string to {}.__qualname__, not '{}'", t.name(), v.class().name()))
    })?;
    let old = t.qualname.replace(Cow::Owned(s.as_str().to_string()));
    drop(old);
    Ok(())
}
fn g_module(o: &Obj) -> PyResult {
    let t = this(o);
    if t.is_static() {
        return Ok(intern(t.module));
    }
    match t.lookup_own(intern("__module__").downcast::<StrObj>().expect("str")) {
        Some(m) => Ok(m),
        None => Err(PyErr::no_attribute(o, "__module__")),
    }
}
fn s_module(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = this(o);
    if t.is_static() {
        return Err(PyErr::type_error(format!("cannot set '__module__' attribute of immutable type '{}'", t.name())));
    }
    let dict = t.dict();
    let d = dict.downcast::<DictObj>().expect("dict");
    match v {
        Some(v) => d.set_by_str("__module__", v.to_owned()),
        None => {
            d.del_item(&intern("__module__"))?;
        }
    }
    t.modified();
    Ok(())
}
fn g_bases(o: &Obj) -> PyResult {
    Ok(this(o).bases.get_clone().unwrap_or_else(crate::types::tuple::empty_tuple))
}
fn s_bases(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = this(o);
    if t.is_static() {
        return Err(PyErr::type_error(format!("cannot set '__bases__' attribute of immutable type '{}'", t.name())));
    }
    let v = v.ok_or_else(|| PyErr::type_error("cannot delete __bases__"))?;
    let Some(tup) = v.downcast::<TupleObj>() else {
        return Err(PyErr::type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            t.name(),
            v.class().name()
        )));
    };
    if tup.is_empty() {
        return Err(PyErr::type_error(format!("can only assign non-empty tuple to {}.__bases__, not ()", t.name())));
    }
    let bases = tup.as_slice().to_vec();
    let mro = ready::c3_mro(t, &bases)?;
    t.bases.set_opt(Some(v.to_owned()));
    t.mro.set_opt(Some(new_tuple(mro)));
    t.modified();
    slotdefs::update_slots(t);
    Ok(())
}
fn g_base(o: &Obj) -> PyResult {
    Ok(this(o).base().map_or_else(none, |b| b.as_obj_ref().to_owned()))
}
fn g_mro(o: &Obj) -> PyResult {
    Ok(this(o).mro_tuple().unwrap_or_else(crate::types::tuple::empty_tuple))
}
fn g_dict(o: &Obj) -> PyResult {
    Ok(crate::types::mappingproxy::new_proxy(&this(o).dict()))
}
fn g_doc(o: &Obj) -> PyResult {
    let t = this(o);
    let v = t.lookup_own(intern("__doc__").downcast::<StrObj>().expect("str")).unwrap_or_else(none);
    if let Some(g) = v.class().descr_get.get() {
        return g(&v, None, Some(t));
    }
    Ok(v)
}
fn s_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = this(o);
    if t.is_static() {
        return Err(PyErr::type_error(format!("cannot set '__doc__' attribute of immutable type '{}'", t.name())));
    }
    t.dict().downcast::<DictObj>().expect("dict").set_by_str("__doc__", v.map_or_else(none, |v| v.to_owned()));
    t.modified();
    Ok(())
}
fn g_abstractmethods(o: &Obj) -> PyResult {
    let t = this(o);
    match t.lookup_own(intern("__abstractmethods__").downcast::<StrObj>().expect("str")) {
        Some(v) if !t.is(&TYPE_TYPE) => Ok(v),
        _ => Err(PyErr::new(&exceptions::ATTRIBUTE_ERROR, "__abstractmethods__")),
    }
}
fn s_abstractmethods(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = this(o);
    let dict = t.dict();
    let d = dict.downcast::<DictObj>().expect("dict");
    let abstract_ = match v {
        Some(v) => {
            d.set_by_str("__abstractmethods__", v.to_owned());
            ops::is_true(v)?
        }
        None => {
            d.del_item(&intern("__abstractmethods__"))?;
            false
        }
    };
    t.set_flag(flags::IS_ABSTRACT, abstract_);
    t.modified();
    Ok(())
}
fn g_annotations(o: &Obj) -> PyResult {
    let t = this(o);
    let key = intern("__annotations__");
    if let Some(a) = t.lookup_own(key.downcast::<StrObj>().expect("str")) {
        if let Some(g) = a.class().descr_get.get() {
            return g(&a, None, Some(t));
        }
        return Ok(a);
    }
    if t.is_static() {
        return Err(PyErr::no_attribute(o, "__annotations__"));
    }
    let d = new_dict();
    t.dict().downcast::<DictObj>().expect("dict").set_by_str("__annotations__", d.clone());
    t.modified();
    Ok(d)
}
fn s_annotations(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = this(o);
    if t.is_static() {
        return Err(PyErr::type_error(format!(
            "cannot set '__annotations__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    let dict = t.dict();
    let d = dict.downcast::<DictObj>().expect("dict");
    match v {
        Some(v) => d.set_by_str("__annotations__", v.to_owned()),
        None => {
            if d.del_item(&intern("__annotations__"))?.is_none() {
                return Err(PyErr::new(&exceptions::ATTRIBUTE_ERROR, "__annotations__"));
            }
        }
    }
    t.modified();
    Ok(())
}
fn g_basicsize(o: &Obj) -> PyResult {
    Ok(int::from_usize(this(o).basicsize.get()))
}
/// The `__dictoffset__` of the first builtin (static) type on the MRO of `t`.
fn static_base_dict_offset(t: &TypeObj) -> Option<isize> {
    let mro = t.mro_tuple()?;
    let mro = mro.downcast::<crate::types::tuple::TupleObj>()?;
    let base = mro.as_slice().iter().filter_map(|c| c.downcast::<TypeObj>()).find(|c| c.is_static())?;
    Some(base.dict_offset.get())
}

/// `type.__flags__` in CPython's bit positions (`Py_TPFLAGS_*`), which
/// library code tests (`copyreg` checks HEAPTYPE, `inspect` IS_ABSTRACT).
fn g_flags(o: &Obj) -> PyResult {
    use crate::types::typeobj::flags as f;
    let t = this(o);
    let own = t.flags.get();
    const MAP: &[(u64, u64)] = &[
        (f::SEQUENCE, 1 << 5),
        (f::MAPPING, 1 << 6),
        (f::IMMUTABLE, 1 << 8),
        (f::HEAPTYPE, 1 << 9),
        (f::BASETYPE, 1 << 10),
        (f::READY, 1 << 12),
        (f::HAVE_GC, 1 << 14),
        (f::METHOD_DESCRIPTOR, 1 << 17),
        (f::IS_ABSTRACT, 1 << 20),
    ];
    let mut bits: u64 = MAP.iter().filter(|(e, _)| own & e != 0).map(|(_, c)| c).sum();
    // The fast-subclass bits already sit at CPython's positions (24..=31).
    bits |= own & 0xff00_0000;
    use crate::types as ty;
    // MANAGED_DICT: the instance dict is the class's own, not a builtin
    // base's (exceptions and functions carry theirs) and not after the items
    // of a variable-size base (int, tuple, bytes).
    let var_sized = [&ty::int::INT_TYPE.0, &ty::tuple::TUPLE_TYPE.0, &ty::bytes::BYTES_TYPE.0];
    if own & f::HEAPTYPE != 0
        && t.dict_offset.get() != 0
        && static_base_dict_offset(t).is_none_or(|o| o == 0)
        && !var_sized.iter().any(|b| t.is_subtype(b))
    {
        bits |= 1 << 4;
    }
    let match_self: [&TypeObj; 11] = [
        &ty::bool::BOOL_TYPE,
        &ty::bytearray::BYTEARRAY_TYPE,
        &ty::bytes::BYTES_TYPE,
        &ty::dict_type::DICT_TYPE,
        &ty::float::FLOAT_TYPE,
        &ty::set::FROZENSET_TYPE,
        &ty::int::INT_TYPE,
        &ty::list::LIST_TYPE,
        &ty::set::SET_TYPE,
        &ty::str::STR_TYPE,
        &ty::tuple::TUPLE_TYPE,
    ];
    if match_self.iter().any(|m| t.is_subtype(m)) {
        bits |= 1 << 22; // MATCH_SELF: `case int(x)` matches the subject itself
    }
    if own & f::HEAPTYPE == 0 {
        bits |= 1 << 19; // VALID_VERSION_TAG
    }
    Ok(int::new_int(bits as i64))
}
fn g_dictoffset(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).dict_offset.get() as i64))
}

fn m_mro(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "mro")?;
    let t = this(s);
    let bases =
        t.bases.get_clone().map(|b| b.downcast::<TupleObj>().expect("tuple").as_slice().to_vec()).unwrap_or_default();
    Ok(crate::types::list::new_list(ready::c3_mro(t, &bases)?))
}
fn m_subclasses(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__subclasses__")?;
    let subs: Vec<PyRef> = this(s)
        .subclasses
        .get_clone()
        .into_iter()
        .filter_map(|p| crate::object::header::type_link(p).map(|t| t.as_obj_ref().to_owned()))
        .collect();
    Ok(crate::types::list::new_list(subs))
}
fn m_instancecheck(a: Args) -> PyResult {
    let [s, inst] = args::exact::<2>(a, "__instancecheck__")?;
    Ok(crate::types::new_bool(inst.class().is_subtype(this(s))))
}
fn m_subclasscheck(a: Args) -> PyResult {
    let [s, sub] = args::exact::<2>(a, "__subclasscheck__")?;
    let Some(st) = sub.downcast::<TypeObj>() else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    Ok(crate::types::new_bool(st.is_subtype(this(s))))
}
fn m_prepare(_a: Args) -> PyResult {
    Ok(new_dict())
}
fn m_dir(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__dir__")?;
    crate::builtins::dir_of_type(this(s))
}
fn m_sizeof(a: Args) -> PyResult {
    let [_s] = args::exact::<1>(a, "__sizeof__")?;
    Ok(int::from_usize(std::mem::size_of::<TypeObj>()))
}
pub(crate) fn type_or(a: &Obj, b: &Obj) -> PyResult {
    crate::types::genericalias::union_or(a, b)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("mro", m_mro),
    MethodDef::method("__subclasses__", m_subclasses),
    MethodDef::method("__instancecheck__", m_instancecheck),
    MethodDef::method("__subclasscheck__", m_subclasscheck),
    MethodDef::class("__prepare__", m_prepare),
    MethodDef::method("__dir__", m_dir),
    MethodDef::method("__sizeof__", m_sizeof),
];

pub static GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("__name__", g_name, s_name),
    GetSetDef::getset("__qualname__", g_qualname, s_qualname),
    GetSetDef::getset("__module__", g_module, s_module),
    GetSetDef::getset("__bases__", g_bases, s_bases),
    GetSetDef::getter("__base__", g_base),
    GetSetDef::getter("__mro__", g_mro),
    GetSetDef::getter("__dict__", g_dict),
    GetSetDef::getset("__doc__", g_doc, s_doc),
    GetSetDef::getset("__abstractmethods__", g_abstractmethods, s_abstractmethods),
    GetSetDef::getset("__annotations__", g_annotations, s_annotations),
    GetSetDef::getter("__basicsize__", g_basicsize),
    GetSetDef::getter("__flags__", g_flags),
    GetSetDef::getter("__dictoffset__", g_dictoffset),
];

/// Assigns the slots of `type` at start-up.
pub fn setup_type_type(t: &TypeObj) {
    t.call.set(Some(entry::<TypeCall>));
    t.new.set(Some(type_new));
    t.init.set(Some(type_init));
    t.getattro.set(Some(type_getattro));
    t.setattro.set(Some(type_setattro));
    t.repr.set(Some(type_repr));
    t.traverse.set(Some(type_traverse));
    t.clear.set(Some(type_clear));
    t.drop_payload.set(Some(crate::object::alloc::drop_type_payload));
    t.number.or.set(Some(type_or));
}
