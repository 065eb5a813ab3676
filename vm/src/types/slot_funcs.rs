//! Slot functions of Python classes: each calls the corresponding dunder found
//! on the type, and [`update_all`] decides per slot whether a class uses one of
//! these, a native slot inherited through a slot wrapper, or nothing.

use crate::object::abi::{entry, NativeCall};
use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::builtin_func::BuiltinFunctionObj;
use crate::types::exceptions;
use crate::types::slotdefs::{classify_slot, Bin, SlotDef, SlotKind, Un, SLOTDEFS};
use crate::types::str::StrObj;
use crate::types::typeobj::{flags, Args, BinaryFn, TypeObj};
use crate::types::{int, not_implemented};
use ember_compiler::bytecode::CompareOp;

fn def(name: &str) -> &'static SlotDef {
    SLOTDEFS.iter().find(|d| d.name == name).expect("slotdef")
}

/// Calls `type(obj).name(obj, *args)`; NotImplemented if the type lacks it.
fn call_maybe(obj: &Obj, name: &str, args: &[&Obj]) -> PyResult {
    match ops::call_special(obj, name, args)? {
        Some(r) => Ok(r),
        None => Ok(not_implemented()),
    }
}

/// Calls `type(obj).name(obj, *args)`; `AttributeError(name)` if missing, as
/// CPython's special-method lookup reports it.
fn call_required(obj: &Obj, name: &str, args: &[&Obj]) -> PyResult {
    match ops::call_special(obj, name, args)? {
        Some(r) => Ok(r),
        None => Err(PyErr::new(&exceptions::ATTRIBUTE_ERROR, name)),
    }
}

fn slot_repr(o: &Obj) -> PyResult {
    call_required(o, "__repr__", &[])
}
fn slot_str(o: &Obj) -> PyResult {
    call_required(o, "__str__", &[])
}

fn slot_hash(o: &Obj) -> PyResult<i64> {
    let Some(f) = o.class().lookup_str("__hash__") else {
        return Err(ops::unhashable(o));
    };
    if f.is_none() {
        return Err(ops::unhashable(o));
    }
    let r = ops::call_method_obj(&f, o, &[])?;
    let Some(i) = r.downcast::<int::IntObj>() else {
        return Err(PyErr::type_error("__hash__ method should return an integer"));
    };
    let h = match i.as_i64() {
        Some(v) => v,
        None => ops::hash(&r)?,
    };
    Ok(if h == -1 { -2 } else { h })
}

struct SlotCall;
impl NativeCall for SlotCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        let Some(f) = callable.class().lookup_str("__call__") else {
            return Err(PyErr::type_error(format!("'{}' object is not callable", callable.class().name())));
        };
        if f.class().has_flag(flags::METHOD_DESCRIPTOR) {
            let mut all: Vec<&Obj> = Vec::with_capacity(args.all.len() + 1);
            all.push(callable);
            all.extend_from_slice(args.all);
            return ops::call(&f, &all, args.kwnames);
        }
        match f.class().descr_get.get() {
            Some(get) => {
                let bound = get(&f, Some(callable), Some(callable.class()))?;
                ops::call(&bound, args.all, args.kwnames)
            }
            // Not a descriptor (`__call__ = dict`): called as it is, without the instance.
            None => ops::call(&f, args.all, args.kwnames),
        }
    }
}

fn slot_iter(o: &Obj) -> PyResult {
    match o.class().lookup_str("__iter__") {
        Some(f) if !f.is_none() => ops::call_method_obj(&f, o, &[]),
        _ => Err(PyErr::type_error(format!("'{}' object is not iterable", o.class().name()))),
    }
}

fn slot_iternext(o: &Obj) -> PyResult<Option<PyRef>> {
    // A StopIteration raised by __next__ propagates (`next()` keeps it;
    // `ops::next` treats it as exhaustion).
    call_required(o, "__next__", &[]).map(Some)
}

/// The `init` slot of classes defining `__init__` in Python.
pub fn is_slot_init(f: Option<crate::types::typeobj::InitFn>) -> bool {
    f.is_some_and(|f| f as usize == slot_init as crate::types::typeobj::InitFn as usize)
}

fn slot_init(o: &Obj, args: Args) -> PyResult<()> {
    let Some(f) = o.class().lookup_str("__init__") else { return Ok(()) };
    let mut all: Vec<&Obj> = Vec::with_capacity(args.all.len() + 1);
    all.push(o);
    all.extend_from_slice(args.all);
    let r = if f.class().has_flag(flags::METHOD_DESCRIPTOR) {
        ops::call(&f, &all, args.kwnames)?
    } else {
        let bound = match f.class().descr_get.get() {
            Some(get) => get(&f, Some(o), Some(o.class()))?,
            None => f.clone(),
        };
        ops::call(&bound, args.all, args.kwnames)?
    };
    if !r.is_none() {
        return Err(PyErr::type_error(format!("__init__() should return None, not '{}'", r.class().name())));
    }
    Ok(())
}

fn slot_new(t: &TypeObj, args: Args) -> PyResult {
    let Some(f) = t.lookup_str("__new__") else {
        return Err(PyErr::type_error(format!("cannot create '{}' instances", t.name())));
    };
    // `__new__` is a staticmethod: unwrap it and pass the class first.
    let func = match f.downcast::<crate::types::descriptors::StaticMethodObj>() {
        Some(sm) => sm.func(),
        None => f.clone(),
    };
    let mut all: Vec<&Obj> = Vec::with_capacity(args.all.len() + 1);
    all.push(t.as_obj_ref());
    all.extend_from_slice(args.all);
    ops::call(&func, &all, args.kwnames)
}

fn slot_getattribute(o: &Obj, name: &StrObj) -> PyResult {
    let f = o.class().lookup_str("__getattribute__").ok_or_else(|| PyErr::no_attribute(o, name.as_str()))?;
    ops::call_method_obj(&f, o, &[name.as_obj()])
}

fn slot_getattr_hook(o: &Obj, name: &StrObj) -> PyResult {
    let t = o.class();
    let ga = t.lookup_str("__getattribute__");
    let first = match &ga {
        Some(g) if !is_object_getattribute(g) => ops::call_method_obj(g, o, &[name.as_obj()]),
        _ => crate::types::object::generic_getattr(o, name),
    };
    match first {
        Err(e) if e.matches(&exceptions::ATTRIBUTE_ERROR) => {
            let Some(getattr) = t.lookup_str("__getattr__") else { return Err(e) };
            drop(e);
            ops::call_method_obj(&getattr, o, &[name.as_obj()])
        }
        r => r,
    }
}

fn is_object_getattribute(f: &Obj) -> bool {
    f.downcast_exact::<crate::types::builtin_func::WrapperDescrObj>()
        .is_some_and(|w| w.owner().is(&crate::types::object::OBJECT_TYPE))
}

fn slot_setattro(o: &Obj, name: &StrObj, value: Option<&Obj>) -> PyResult<()> {
    match value {
        Some(v) => call_required(o, "__setattr__", &[name.as_obj(), v]).map(drop),
        None => call_required(o, "__delattr__", &[name.as_obj()]).map(drop),
    }
}

fn slot_descr_get(d: &Obj, obj: Option<&Obj>, ty: Option<&TypeObj>) -> PyResult {
    let Some(f) = d.class().lookup_str("__get__") else { return Ok(d.to_owned()) };
    let o = obj.unwrap_or(crate::types::none_ref());
    let t: &Obj = match ty {
        Some(t) => t.as_obj_ref(),
        None => crate::types::none_ref(),
    };
    ops::call_method_obj(&f, d, &[o, t])
}

fn slot_descr_set(d: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    match value {
        Some(v) => call_required(d, "__set__", &[obj, v]).map(drop),
        None => call_required(d, "__delete__", &[obj]).map(drop),
    }
}

fn slot_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let name = match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    };
    match a.class().lookup_str(name) {
        Some(f) if !f.is_none() => ops::call_method_obj(&f, a, &[b]),
        _ => Ok(not_implemented()),
    }
}

fn slot_len(o: &Obj) -> PyResult<usize> {
    let r = call_required(o, "__len__", &[])?;
    let Some(i) = int::index_of(&r).map_err(|e| {
        if e.matches(&exceptions::INDEX_ERROR) {
            PyErr::overflow_error("cannot fit 'int' into an index-sized integer")
        } else {
            e
        }
    })?
    else {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", r.class().name())));
    };
    if i < 0 {
        return Err(PyErr::value_error("__len__() should return >= 0"));
    }
    Ok(i as usize)
}

fn slot_getitem(o: &Obj, k: &Obj) -> PyResult {
    call_required(o, "__getitem__", &[k])
}

fn slot_setitem(o: &Obj, k: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) => call_required(o, "__setitem__", &[k, v]).map(drop),
        None => call_required(o, "__delitem__", &[k]).map(drop),
    }
}

fn slot_contains(o: &Obj, k: &Obj) -> PyResult<bool> {
    match o.class().lookup_str("__contains__") {
        Some(f) if !f.is_none() => {
            let r = ops::call_method_obj(&f, o, &[k])?;
            ops::is_true(&r)
        }
        Some(_) => Err(PyErr::type_error(format!("argument of type '{}' is not iterable", o.class().name()))),
        None => {
            let it = ops::iter(o)?;
            while let Some(x) = ops::next(&it)? {
                if x.is(k) || ops::eq_bool(&x, k)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn slot_bool(o: &Obj) -> PyResult<bool> {
    let r = call_required(o, "__bool__", &[])?;
    if r.is_true_singleton() {
        Ok(true)
    } else if r.is_false_singleton() {
        Ok(false)
    } else {
        Err(PyErr::type_error(format!("__bool__ should return bool, returned {}", r.class().name())))
    }
}

/// CPython's SLOT1BINFULL: the reflected dunder of a subclass right operand
/// goes first.
fn slot_binary(v: &Obj, w: &Obj, b: Bin, name: &str, rname: &str, this: BinaryFn) -> PyResult {
    let (tv, tw) = (v.class(), w.class());
    let cell = |t: &TypeObj| crate::types::slotdefs::bin_cell_pub(t, b).get().map(|f| f as usize);
    let me = Some(this as usize);
    let mut do_other = !tv.is(tw) && cell(tw) == me && tw.lookup_str(rname).is_some();
    if cell(tv) == me {
        if do_other && tw.is_subtype(tv) {
            let r = call_maybe(w, rname, &[v])?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_maybe(v, name, &[w])?;
        if !r.is_not_implemented() || tw.is(tv) {
            return Ok(r);
        }
    }
    if do_other {
        return call_maybe(w, rname, &[v]);
    }
    Ok(not_implemented())
}

macro_rules! binary_slots {
    ($($fname:ident $ifname:ident : $b:ident, $name:literal, $rname:literal, $iname:literal;)*) => {
        $(
            fn $fname(v: &Obj, w: &Obj) -> PyResult {
                slot_binary(v, w, Bin::$b, $name, $rname, $fname)
            }
            fn $ifname(v: &Obj, w: &Obj) -> PyResult {
                call_maybe(v, $iname, &[w])
            }
        )*
        fn binary_slot_fn(b: Bin) -> BinaryFn {
            match b { $(Bin::$b => $fname,)* }
        }
        fn inplace_slot_fn(b: Bin) -> BinaryFn {
            match b { $(Bin::$b => $ifname,)* }
        }
        fn binary_names(b: Bin) -> (&'static str, &'static str, &'static str) {
            match b { $(Bin::$b => ($name, $rname, $iname),)* }
        }
    };
}

binary_slots! {
    slot_add slot_iadd: Add, "__add__", "__radd__", "__iadd__";
    slot_sub slot_isub: Sub, "__sub__", "__rsub__", "__isub__";
    slot_mul slot_imul: Mul, "__mul__", "__rmul__", "__imul__";
    slot_matmul slot_imatmul: MatMul, "__matmul__", "__rmatmul__", "__imatmul__";
    slot_truediv slot_itruediv: TrueDiv, "__truediv__", "__rtruediv__", "__itruediv__";
    slot_floordiv slot_ifloordiv: FloorDiv, "__floordiv__", "__rfloordiv__", "__ifloordiv__";
    slot_mod slot_imod: Mod, "__mod__", "__rmod__", "__imod__";
    slot_divmod slot_idivmod: DivMod, "__divmod__", "__rdivmod__", "__idivmod__";
    slot_lshift slot_ilshift: LShift, "__lshift__", "__rlshift__", "__ilshift__";
    slot_rshift slot_irshift: RShift, "__rshift__", "__rrshift__", "__irshift__";
    slot_and slot_iand: And, "__and__", "__rand__", "__iand__";
    slot_xor slot_ixor: Xor, "__xor__", "__rxor__", "__ixor__";
    slot_or slot_ior: Or, "__or__", "__ror__", "__ior__";
}

fn slot_pow(v: &Obj, w: &Obj, z: &Obj) -> PyResult {
    if !z.is_none() {
        if v.class().number.pow.get().map(|f| f as usize) == Some(slot_pow as *const () as usize) {
            return call_maybe(v, "__pow__", &[w, z]);
        }
        return Ok(not_implemented());
    }
    let (tv, tw) = (v.class(), w.class());
    let me = Some(slot_pow as *const () as usize);
    let cell = |t: &TypeObj| t.number.pow.get().map(|f| f as usize);
    let mut do_other = !tv.is(tw) && cell(tw) == me && tw.lookup_str("__rpow__").is_some();
    if cell(tv) == me {
        if do_other && tw.is_subtype(tv) {
            let r = call_maybe(w, "__rpow__", &[v])?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_maybe(v, "__pow__", &[w])?;
        if !r.is_not_implemented() || tw.is(tv) {
            return Ok(r);
        }
    }
    if do_other {
        return call_maybe(w, "__rpow__", &[v]);
    }
    Ok(not_implemented())
}

fn slot_ipow(v: &Obj, w: &Obj, _z: &Obj) -> PyResult {
    call_maybe(v, "__ipow__", &[w])
}

macro_rules! unary_slots {
    ($($fname:ident: $u:ident, $name:literal;)*) => {
        $( fn $fname(v: &Obj) -> PyResult { call_required(v, $name, &[]) } )*
        fn unary_slot_fn(u: Un) -> crate::types::typeobj::UnaryFn {
            match u { $(Un::$u => $fname,)* }
        }
    };
}

unary_slots! {
    slot_neg: Neg, "__neg__";
    slot_pos: Pos, "__pos__";
    slot_abs: Abs, "__abs__";
    slot_invert: Invert, "__invert__";
    slot_int: Int, "__int__";
    slot_float: Float, "__float__";
    slot_index: Index, "__index__";
}

/// Chooses a slot value: the native slot behind a wrapper found on the MRO, the
/// Python-calling slot function if a Python definition is found, or `absent`.
fn choose<F: Copy>(
    t: &TypeObj,
    names: &[&str],
    native: impl Fn(&TypeObj) -> Option<F>,
    py: F,
    absent: Option<F>,
) -> Option<F> {
    let mut native_found: Option<F> = None;
    let mut any = false;
    for n in names {
        let found = classify_slot(t, def(n));
        if found.is_absent() {
            continue;
        }
        any = true;
        match found.is_native() {
            Some(owner) => {
                if native_found.is_none() {
                    native_found = native(owner);
                }
            }
            None => return Some(py),
        }
    }
    if !any {
        return absent;
    }
    native_found.or(Some(py))
}

/// Recomputes every slot of a Python class (`t` must be a heap type whose MRO
/// is set).
pub fn update_all(t: &TypeObj) {
    t.repr.set(choose(t, &["__repr__"], |o| o.repr.get(), slot_repr, None));
    t.str.set(choose(t, &["__str__"], |o| o.str.get(), slot_str, None));
    let hash_def = classify_slot(t, def("__hash__"));
    t.hash.set(if hash_def.is_none_value() {
        Some(crate::types::object::hash_not_implemented)
    } else {
        choose(t, &["__hash__"], |o| o.hash.get(), slot_hash, None)
    });
    t.call.set(choose(t, &["__call__"], |o| o.call.get(), entry::<SlotCall>, None));
    let iter_def = classify_slot(t, def("__iter__"));
    t.iter.set(if iter_def.is_none_value() {
        Some(slot_iter)
    } else {
        choose(t, &["__iter__"], |o| o.iter.get(), slot_iter, None)
    });
    t.iternext.set(choose(t, &["__next__"], |o| o.iternext.get(), slot_iternext, None));
    t.init.set(choose(t, &["__init__"], |o| o.init.get(), slot_init, None));
    t.new.set(choose_new(t));
    let has_getattr = t.lookup_str("__getattr__").is_some();
    t.set_flag(flags::HAS_GETATTR_HOOK, has_getattr);
    t.getattro.set(if has_getattr {
        Some(slot_getattr_hook)
    } else {
        choose(t, &["__getattribute__"], |o| o.getattro.get(), slot_getattribute, None)
    });
    t.setattro.set(choose(t, &["__setattr__", "__delattr__"], |o| o.setattro.get(), slot_setattro, None));
    t.descr_get.set(choose(t, &["__get__"], |o| o.descr_get.get(), slot_descr_get, None));
    t.descr_set.set(choose(t, &["__set__", "__delete__"], |o| o.descr_set.get(), slot_descr_set, None));
    t.richcompare.set(choose(
        t,
        &["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"],
        |o| o.richcompare.get(),
        slot_richcompare,
        None,
    ));
    t.len.set(choose(t, &["__len__"], |o| o.len.get(), slot_len, None));
    t.getitem.set(choose(t, &["__getitem__"], |o| o.getitem.get(), slot_getitem, None));
    t.setitem.set(choose(t, &["__setitem__", "__delitem__"], |o| o.setitem.get(), slot_setitem, None));
    let contains_def = classify_slot(t, def("__contains__"));
    t.contains.set(if contains_def.is_none_value() {
        Some(slot_contains)
    } else {
        choose(t, &["__contains__"], |o| o.contains.get(), slot_contains, None)
    });
    for b in [
        Bin::Add,
        Bin::Sub,
        Bin::Mul,
        Bin::MatMul,
        Bin::TrueDiv,
        Bin::FloorDiv,
        Bin::Mod,
        Bin::DivMod,
        Bin::LShift,
        Bin::RShift,
        Bin::And,
        Bin::Xor,
        Bin::Or,
    ] {
        let (name, rname, iname) = binary_names(b);
        crate::types::slotdefs::bin_cell_pub(t, b).set(choose(
            t,
            &[name, rname],
            |o| crate::types::slotdefs::bin_cell_pub(o, b).get(),
            binary_slot_fn(b),
            None,
        ));
        if let Some(cell) = crate::types::slotdefs::ibin_cell_pub(t, b) {
            cell.set(choose(
                t,
                &[iname],
                |o| crate::types::slotdefs::ibin_cell_pub(o, b).and_then(|c| c.get()),
                inplace_slot_fn(b),
                None,
            ));
        }
    }
    t.number.pow.set(choose(t, &["__pow__", "__rpow__"], |o| o.number.pow.get(), slot_pow, None));
    t.number.ipow.set(choose(t, &["__ipow__"], |o| o.number.ipow.get(), slot_ipow, None));
    for u in [Un::Neg, Un::Pos, Un::Abs, Un::Invert, Un::Int, Un::Float, Un::Index] {
        let name = match u {
            Un::Neg => "__neg__",
            Un::Pos => "__pos__",
            Un::Abs => "__abs__",
            Un::Invert => "__invert__",
            Un::Int => "__int__",
            Un::Float => "__float__",
            Un::Index => "__index__",
        };
        crate::types::slotdefs::un_cell_pub(t, u).set(choose(
            t,
            &[name],
            |o| crate::types::slotdefs::un_cell_pub(o, u).get(),
            unary_slot_fn(u),
            None,
        ));
    }
    t.number.bool.set(choose(t, &["__bool__"], |o| o.number.bool.get(), slot_bool, None));
    let has_del = t.lookup_str("__del__").is_some();
    t.set_flag(flags::HAS_FINALIZER, has_del);
    t.finalize.set(if has_del {
        Some(crate::types::instance::finalize_instance as fn(&Obj))
    } else {
        t.base().and_then(|b| b.finalize.get())
    });
    let _ = SlotKind::Repr;
}

fn choose_new(t: &TypeObj) -> Option<crate::types::typeobj::NewFn> {
    let f = t.lookup_str("__new__")?;
    if let Some(b) = f.downcast_exact::<BuiltinFunctionObj>() {
        if std::ptr::eq(b.def, &crate::types::ready::TP_NEW_DEF) {
            // A native type's `__new__` stored in a class keeps the
            // allocator the class inherits, as CPython does: `owner`'s
            // allocator would build an object of `owner`'s layout under a
            // type of another layout (`class C: __new__ = list.__new__`).
            return t.base().and_then(|b| b.new.get());
        }
    }
    Some(slot_new)
}
