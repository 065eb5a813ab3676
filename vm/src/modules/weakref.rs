//! `_weakref`: `ref` (subclassable, callable, with callbacks), the proxy
//! types, and the module functions the host's `weakref` module imports.
//!
//! The object model's side (the payload and the table of weak references by
//! referent, with its invariant) is `object/weakref.rs`.

use crate::object::abi::{entry, NativeCall};
use crate::object::weakref::{self as table, Position, WeakRefObj};
use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bool::new_bool;
use crate::types::dict::DictObj;
use crate::types::list::new_list;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{flags, Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{exceptions, int, none, not_implemented};
use crate::util::args;
use ember_compiler::bytecode::{BinaryOp, CompareOp};

use super::native_type::check_positional;

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses of `ref` share the layout.
unsafe impl PyPayload for WeakRefObj {
    fn class() -> &'static TypeObj {
        &REF_TYPE
    }
}

fn wr(o: &Obj) -> &WeakRefObj {
    // Every slot below is installed only on types with IS_WEAKREF.
    WeakRefObj::from_obj(o).expect("weak reference")
}

fn is_proxy(o: &Obj) -> bool {
    o.class().is(&PROXY_TYPE) || o.class().is(&CALLABLE_PROXY_TYPE)
}

fn cannot_reference(o: &Obj) -> PyErr {
    PyErr::type_error(format!("cannot create weak reference to '{}' object", o.class().name()))
}

/// The weak reference without callback of exact type `ty` to `o`, if any
/// (such references are shared).
fn find_basic(o: &Obj, ty: &TypeObj) -> Option<PyRef> {
    table::refs_to(o).into_iter().find(|r| r.class().is(ty) && wr(r).callback.with(Option::is_none))
}

fn basic_positions(o: &Obj) -> Position {
    let basic_ref = find_basic(o, &REF_TYPE).map(|r| r.as_ptr() as *const Obj);
    let basic_proxy =
        find_basic(o, &PROXY_TYPE).or_else(|| find_basic(o, &CALLABLE_PROXY_TYPE)).map(|r| r.as_ptr() as *const Obj);
    Position::AfterBasic { basic_ref, basic_proxy }
}

/// A new weak reference of type `ty` to `o` (or the shared plain one).
pub fn new_ref(ty: &TypeObj, o: &Obj, callback: Option<&Obj>) -> PyResult {
    if !o.class().has_flag(flags::WEAKREFABLE) {
        return Err(cannot_reference(o));
    }
    let callback = callback.filter(|c| !c.is_none());
    let plain = callback.is_none() && ty.is(&REF_TYPE);
    if plain {
        if let Some(r) = find_basic(o, &REF_TYPE) {
            return Ok(r);
        }
    }
    let pos = if plain { Position::Head } else { basic_positions(o) };
    let r = crate::object::alloc::alloc_object(ty, WeakRefObj::new(ty, o, callback.map(Obj::to_owned)), 0);
    table::link(wr(&r), pos);
    Ok(r)
}

fn new_proxy(o: &Obj, callback: Option<&Obj>) -> PyResult {
    if !o.class().has_flag(flags::WEAKREFABLE) {
        return Err(cannot_reference(o));
    }
    let callback = callback.filter(|c| !c.is_none());
    let ty: &TypeObj = if o.class().call.get().is_some() { &CALLABLE_PROXY_TYPE } else { &PROXY_TYPE };
    if callback.is_none() {
        if let Some(p) = find_basic(o, ty) {
            return Ok(p);
        }
    }
    let pos = if callback.is_none() {
        let basic_ref = find_basic(o, &REF_TYPE).map(|r| r.as_ptr() as *const Obj);
        Position::AfterBasic { basic_ref, basic_proxy: None }
    } else {
        basic_positions(o)
    };
    let p = crate::object::alloc::alloc_object(ty, WeakRefObj::new(ty, o, callback.map(Obj::to_owned)), 0);
    table::link(wr(&p), pos);
    Ok(p)
}

// --- ref -------------------------------------------------------------------

fn ref_new(t: &TypeObj, a: Args) -> PyResult {
    if t.is(&REF_TYPE) {
        super::native_type::no_keywords(&a, "ref")?;
    }
    check_positional("__new__", a.nargs, 1, 2)?;
    new_ref(t, a.all[0], a.all.get(1).filter(|_| a.nargs > 1).copied())
}

fn ref_init(_o: &Obj, a: Args) -> PyResult<()> {
    check_positional("__init__", a.nargs, 1, 2)
}

struct RefCall;
impl NativeCall for RefCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        super::native_type::no_keywords(&a, "weakref")?;
        check_positional("weakref", a.nargs, 0, 0)?;
        Ok(wr(callable).get().unwrap_or_else(none))
    }
}

fn ref_hash(o: &Obj) -> PyResult<i64> {
    let w = wr(o);
    if let Some(h) = w.hash.get() {
        return Ok(h);
    }
    let r = w.get().ok_or_else(|| PyErr::type_error("weak object has gone away"))?;
    let h = ops::hash(&r)?;
    w.hash.set(Some(h));
    Ok(h)
}

fn ref_richcompare(o: &Obj, other: &Obj, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !other.isa::<WeakRefObj>() {
        return Ok(not_implemented());
    }
    match (wr(o).get(), wr(other).get()) {
        (Some(a), Some(b)) => ops::richcompare(&a, &b, op),
        _ => {
            let same = o.is(other);
            Ok(new_bool(if op == CompareOp::Eq { same } else { !same }))
        }
    }
}

fn ref_repr(o: &Obj) -> PyResult {
    let me = o.as_ptr() as usize;
    let Some(r) = wr(o).get() else {
        return Ok(from_string(format!("<weakref at {me:#x}; dead>")));
    };
    let name = match ops::lookup_attr(&r, "__name__")? {
        Some(n) => n.downcast::<StrObj>().map(|s| s.as_str().to_string()),
        None => None,
    };
    let tp = r.class().name();
    let at = r.as_ptr() as usize;
    Ok(from_string(match name {
        Some(n) => format!("<weakref at {me:#x}; to '{tp}' at {at:#x} ({n})>"),
        None => format!("<weakref at {me:#x}; to '{tp}' at {at:#x}>"),
    }))
}

fn ref_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    wr(o).callback.with(|c| {
        if let Some(c) = c {
            visit(c);
        }
    });
}

fn ref_clear(o: &Obj) {
    let w = wr(o);
    table::unlink(w);
    let cb = w.callback.take();
    drop(cb);
}

fn g_callback(o: &Obj) -> PyResult {
    Ok(wr(o).callback.get_clone().unwrap_or_else(none))
}

fn ref_class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}

static REF_METHODS: &[MethodDef] = &[MethodDef::class("__class_getitem__", ref_class_getitem)];
static REF_GETSETS: &[GetSetDef] = &[GetSetDef::getter("__callback__", g_callback)];

crate::static_type! {
    pub static REF_TYPE: WeakRefObj = "weakref.ReferenceType" {
        module: "weakref",
        flags: BASETYPE | HAVE_GC | IS_WEAKREF,
        methods: REF_METHODS,
        getsets: REF_GETSETS,
        slots: {
            new: ref_new, init: ref_init, call: entry::<RefCall>, hash: ref_hash,
            richcompare: ref_richcompare, repr: ref_repr, traverse: ref_traverse, clear: ref_clear,
        },
    }
}

// --- proxies -----------------------------------------------------------------

fn dead() -> PyErr {
    PyErr::new(&exceptions::REFERENCE_ERROR, "weakly-referenced object no longer exists")
}

/// The referent of a proxy (ReferenceError once it died).
fn target(o: &Obj) -> PyResult<PyRef> {
    wr(o).get().ok_or_else(dead)
}

/// An operand with proxies replaced by their referents.
fn unwrap(o: &Obj) -> PyResult<PyRef> {
    if is_proxy(o) {
        target(o)
    } else {
        Ok(o.to_owned())
    }
}

fn proxy_getattro(o: &Obj, name: &StrObj) -> PyResult {
    ops::getattr_s(&*target(o)?, name)
}

fn proxy_setattro(o: &Obj, name: &StrObj, v: Option<&Obj>) -> PyResult<()> {
    ops::setattr_s(&*target(o)?, name, v)
}

fn proxy_repr(o: &Obj) -> PyResult {
    let r = target(o)?;
    Ok(from_string(format!(
        "<weakproxy at {:#x}; to '{}' at {:#x}>",
        o.as_ptr() as usize,
        r.class().name(),
        r.as_ptr() as usize
    )))
}

fn proxy_str(o: &Obj) -> PyResult {
    ops::str(&*target(o)?)
}

fn proxy_richcompare(o: &Obj, other: &Obj, op: CompareOp) -> PyResult {
    ops::richcompare(&*unwrap(o)?, &*unwrap(other)?, op)
}

fn proxy_bool(o: &Obj) -> PyResult<bool> {
    ops::is_true(&*target(o)?)
}

fn proxy_len(o: &Obj) -> PyResult<usize> {
    ops::len(&*target(o)?)
}

fn proxy_iter(o: &Obj) -> PyResult {
    ops::iter(&*target(o)?)
}

fn proxy_iternext(o: &Obj) -> PyResult<Option<PyRef>> {
    let r = target(o)?;
    if r.class().iternext.get().is_none() {
        return Err(PyErr::type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            r.class().name()
        )));
    }
    ops::next(&r)
}

fn proxy_getitem(o: &Obj, k: &Obj) -> PyResult {
    ops::getitem(&*target(o)?, k)
}

fn proxy_setitem(o: &Obj, k: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let r = target(o)?;
    match v {
        Some(v) => ops::setitem(&r, k, v),
        None => ops::delitem(&r, k),
    }
}

fn proxy_contains(o: &Obj, k: &Obj) -> PyResult<bool> {
    ops::contains(&*target(o)?, k)
}

struct ProxyCall;
impl NativeCall for ProxyCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        ops::call(&*target(callable)?, a.all, a.kwnames)
    }
}

fn proxy_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    ref_traverse(o, visit)
}

macro_rules! proxy_binary {
    ($($name:ident $iname:ident = $op:ident;)*) => {
        $(
            fn $name(v: &Obj, w: &Obj) -> PyResult {
                ops::binary_op(&*unwrap(v)?, &*unwrap(w)?, BinaryOp::$op)
            }
            fn $iname(v: &Obj, w: &Obj) -> PyResult {
                ops::inplace_op(&*unwrap(v)?, &*unwrap(w)?, BinaryOp::$op)
            }
        )*
    };
}

proxy_binary! {
    proxy_add proxy_iadd = Add;
    proxy_sub proxy_isub = Subtract;
    proxy_mul proxy_imul = Multiply;
    proxy_matmul proxy_imatmul = MatrixMultiply;
    proxy_truediv proxy_itruediv = TrueDivide;
    proxy_floordiv proxy_ifloordiv = FloorDivide;
    proxy_rem proxy_irem = Remainder;
    proxy_lshift proxy_ilshift = LShift;
    proxy_rshift proxy_irshift = RShift;
    proxy_and proxy_iand = And;
    proxy_or proxy_ior = Or;
    proxy_xor proxy_ixor = Xor;
}

fn proxy_pow(v: &Obj, w: &Obj, z: &Obj) -> PyResult {
    ops::power(&*unwrap(v)?, &*unwrap(w)?, &*unwrap(z)?)
}

fn proxy_neg(o: &Obj) -> PyResult {
    ops::negative(&*target(o)?)
}
fn proxy_pos(o: &Obj) -> PyResult {
    ops::positive(&*target(o)?)
}
fn proxy_abs(o: &Obj) -> PyResult {
    ops::absolute(&*target(o)?)
}
fn proxy_invert(o: &Obj) -> PyResult {
    ops::invert(&*target(o)?)
}
fn proxy_index(o: &Obj) -> PyResult {
    ops::index(&*target(o)?)
}
fn proxy_int(o: &Obj) -> PyResult {
    ops::to_int(&*target(o)?)
}
fn proxy_float(o: &Obj) -> PyResult {
    let r = target(o)?;
    ops::call(crate::types::float::FLOAT_TYPE.as_obj_ref(), &[&r], None)
}

fn proxy_bytes(a: Args) -> PyResult {
    let r = target(a.all[0])?;
    ops::call(crate::types::bytes::BYTES_TYPE.as_obj_ref(), &[&r], None)
}

fn proxy_reversed(a: Args) -> PyResult {
    let r = target(a.all[0])?;
    ops::call(crate::types::iterators::REVERSED_TYPE.as_obj_ref(), &[&r], None)
}

static PROXY_METHODS: &[MethodDef] =
    &[MethodDef::method("__bytes__", proxy_bytes), MethodDef::method("__reversed__", proxy_reversed)];

macro_rules! proxy_type {
    ($id:ident, $name:literal, { $($extra:ident : $val:expr),* }) => {
        crate::static_type! {
            pub static $id: WeakRefObj = $name {
                module: "weakref",
                flags: HAVE_GC | IS_WEAKREF,
                methods: PROXY_METHODS,
                slots: {
                    getattro: proxy_getattro, setattro: proxy_setattro, repr: proxy_repr, str: proxy_str,
                    richcompare: proxy_richcompare, hash: crate::types::object::hash_not_implemented,
                    len: proxy_len, iter: proxy_iter, iternext: proxy_iternext, getitem: proxy_getitem,
                    setitem: proxy_setitem, contains: proxy_contains, traverse: proxy_traverse,
                    clear: ref_clear $(, $extra: $val)*
                },
                number: {
                    add: proxy_add, sub: proxy_sub, mul: proxy_mul, matmul: proxy_matmul,
                    truediv: proxy_truediv, floordiv: proxy_floordiv, rem: proxy_rem,
                    lshift: proxy_lshift, rshift: proxy_rshift, and: proxy_and, or: proxy_or,
                    xor: proxy_xor, pow: proxy_pow,
                    iadd: proxy_iadd, isub: proxy_isub, imul: proxy_imul, imatmul: proxy_imatmul,
                    itruediv: proxy_itruediv, ifloordiv: proxy_ifloordiv, irem: proxy_irem,
                    ilshift: proxy_ilshift, irshift: proxy_irshift, iand: proxy_iand, ior: proxy_ior,
                    ixor: proxy_ixor,
                    neg: proxy_neg, pos: proxy_pos, abs: proxy_abs, invert: proxy_invert,
                    bool: proxy_bool, index: proxy_index, int: proxy_int, float: proxy_float,
                },
            }
        }
    };
}

proxy_type!(PROXY_TYPE, "weakref.ProxyType", {});
proxy_type!(CALLABLE_PROXY_TYPE, "weakref.CallableProxyType", { call: entry::<ProxyCall> });

// --- module functions --------------------------------------------------------

fn proxy(a: Args) -> PyResult {
    super::native_type::no_keywords(&a, "proxy")?;
    check_positional("proxy", a.nargs, 1, 2)?;
    new_proxy(a.all[0], a.all.get(1).filter(|_| a.nargs > 1).copied())
}

fn getweakrefcount(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "getweakrefcount")?;
    Ok(int::from_usize(table::count(o)))
}

fn getweakrefs(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "getweakrefs")?;
    Ok(new_list(table::refs_to(o)))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead
/// weak reference (a missing key is no error).
fn remove_dead_weakref(a: Args) -> PyResult {
    let [d, key] = args::exact_fn::<2>(a, "_remove_dead_weakref")?;
    let Some(dict) = d.downcast::<DictObj>() else {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            d.class().name()
        )));
    };
    if let Some(v) = dict.get_item(key)? {
        if WeakRefObj::from_obj(&v).is_some_and(|w| !w.is_alive()) {
            let old = dict.del_item(key)?;
            drop(old);
        }
    }
    Ok(none())
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::method("proxy", proxy),
    MethodDef::method("getweakrefcount", getweakrefcount),
    MethodDef::method("getweakrefs", getweakrefs),
    MethodDef::method("_remove_dead_weakref", remove_dead_weakref),
];

pub fn types() -> Vec<&'static TypeObj> {
    vec![&REF_TYPE.0, &PROXY_TYPE.0, &CALLABLE_PROXY_TYPE.0]
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_weakref");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCTIONS);
    let r = REF_TYPE.as_obj_ref().to_owned();
    mo.set_attr("ref", r.clone());
    mo.set_attr("ReferenceType", r);
    mo.set_attr("ProxyType", PROXY_TYPE.as_obj_ref().to_owned());
    mo.set_attr("CallableProxyType", CALLABLE_PROXY_TYPE.as_obj_ref().to_owned());
    Ok(m)
}
