//! The `_functools` module: `reduce`, `partial` and `cmp_to_key`.
//! `functools.py` in `Lib/` builds the rest of `functools` on these.

use std::cell::Cell;

use crate::object::abi::{entry, NativeCall};
use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::from_string;
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{exceptions, none};
use crate::util::args;
use ember_compiler::bytecode::CompareOp;

use super::native_type::{check_positional, no_keywords, tp_name};

// --- reduce -------------------------------------------------------------

fn reduce(a: Args) -> PyResult {
    no_keywords(&a, "reduce")?;
    check_positional("reduce", a.nargs, 2, 3)?;
    let func = a.all[0];
    let it = ops::iter(a.all[1]).map_err(|e| {
        if e.matches(&exceptions::TYPE_ERROR) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc: Option<PyRef> = a.all.get(2).filter(|_| a.nargs == 3).map(|o| (*o).to_owned());
    while let Some(item) = ops::next(&it)? {
        acc = Some(match acc {
            None => item,
            Some(prev) => ops::call2(func, &prev, &item)?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

// --- partial ------------------------------------------------------------

/// `functools.partial`: a callable with frozen leading arguments and keywords.
#[repr(C)]
pub struct PartialObj {
    pub ob: Obj,
    func: PyCell<PyRef>,
    /// Always an exact tuple.
    args: PyCell<PyRef>,
    /// Always an exact dict.
    kw: PyCell<PyRef>,
    dict: Cell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`; subclasses share the layout.
unsafe impl PyPayload for PartialObj {
    fn class() -> &'static TypeObj {
        &PARTIAL_TYPE
    }
}

fn partial(o: &Obj) -> &PartialObj {
    o.downcast::<PartialObj>().expect("partial")
}

fn partial_new(t: &TypeObj, a: Args) -> PyResult {
    if a.nargs < 1 {
        return Err(PyErr::type_error("type 'partial' takes at least one argument"));
    }
    let mut func = a.all[0].to_owned();
    if func.class().call.get().is_none() {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let mut frozen: Vec<PyRef> = Vec::new();
    let kw = new_dict();
    let kwd = kw.downcast::<DictObj>().expect("dict");
    // A partial of a plain partial (no instance dict, `__new__` not overridden)
    // is flattened into one.
    if let Some(inner) = func.downcast::<PartialObj>() {
        if func.class().new.get().map(|f| f as usize) == PARTIAL_TYPE.new.get().map(|f| f as usize)
            && crate::types::instance::get_dict(&func).is_none()
        {
            frozen.extend(inner.args.get_clone().downcast::<TupleObj>().expect("tuple").as_slice().iter().cloned());
            kwd.update_from_dict(inner.kw.get_clone().downcast::<DictObj>().expect("dict"))?;
            let f = inner.func.get_clone();
            func = f;
        }
    }
    frozen.extend(a.all[1..a.nargs].iter().map(|o| (*o).to_owned()));
    if let Some(names) = a.kwnames {
        for (i, k) in names.as_slice().iter().enumerate() {
            kwd.set_item(k, a.all[a.nargs + i].to_owned())?;
        }
    }
    Ok(crate::object::alloc::alloc_object(
        t,
        PartialObj {
            ob: Obj::new(t),
            func: PyCell::new(func),
            args: PyCell::new(new_tuple(frozen)),
            kw: PyCell::new(kw),
            dict: Cell::new(None),
        },
        0,
    ))
}

struct PartialCall;
impl NativeCall for PartialCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let p = partial(callable);
        let func = p.func.get_clone();
        let frozen = p.args.get_clone();
        let frozen = frozen.downcast::<TupleObj>().expect("tuple").as_slice();
        let kw = p.kw.get_clone();
        let kwd = kw.downcast::<DictObj>().expect("dict");
        if kwd.is_empty() {
            if frozen.is_empty() {
                return ops::call(&func, a.all, a.kwnames);
            }
            let mut all: Vec<&Obj> = Vec::with_capacity(frozen.len() + a.all.len());
            all.extend(frozen.iter().map(|x| &**x));
            all.extend_from_slice(a.all);
            return ops::call(&func, &all, a.kwnames);
        }
        let mut pos: Vec<&Obj> = Vec::with_capacity(frozen.len() + a.nargs);
        pos.extend(frozen.iter().map(|x| &**x));
        pos.extend_from_slice(&a.all[..a.nargs]);
        let merged = kwd.copy();
        let md = merged.downcast::<DictObj>().expect("dict");
        if let Some(names) = a.kwnames {
            for (i, k) in names.as_slice().iter().enumerate() {
                md.set_item(k, a.all[a.nargs + i].to_owned())?;
            }
        }
        ops::call_with_kwargs(&func, &pos, Some(md))
    }
}

fn partial_repr(o: &Obj) -> PyResult {
    let name = tp_name(o.class());
    let p = partial(o);
    let r = crate::types::seq::repr_guard(o, || {
        let mut parts = vec![ops::repr_string(&p.func.get_clone())?];
        let args = p.args.get_clone();
        for x in args.downcast::<TupleObj>().expect("tuple").as_slice() {
            parts.push(ops::repr_string(x)?);
        }
        let kw = p.kw.get_clone();
        for (k, v) in kw.downcast::<DictObj>().expect("dict").items() {
            parts.push(format!("{}={}", ops::str_string(&k)?, ops::repr_string(&v)?));
        }
        Ok::<_, PyErr>(parts.join(", "))
    });
    Ok(from_string(match r {
        None => "...".into(),
        Some(s) => format!("{name}({})", s?),
    }))
}

fn partial_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let p = partial(o);
    p.func.with(|f| visit(f));
    p.args.with(|x| visit(x));
    p.kw.with(|x| visit(x));
    if let Some(d) = crate::types::instance::get_dict(o) {
        visit(&d);
    }
}

fn partial_clear(o: &Obj) {
    let p = partial(o);
    let old = (p.args.replace(crate::types::tuple::empty_tuple()), p.kw.replace(new_dict()), p.func.replace(none()));
    drop(old);
    let d = p.dict.take();
    drop(d);
}

fn g_func(o: &Obj) -> PyResult {
    Ok(partial(o).func.get_clone())
}
fn g_args(o: &Obj) -> PyResult {
    Ok(partial(o).args.get_clone())
}
fn g_keywords(o: &Obj) -> PyResult {
    Ok(partial(o).kw.get_clone())
}

fn partial_reduce(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "__reduce__")?;
    let p = partial(s);
    let func = p.func.get_clone();
    let dict = crate::types::instance::get_dict(s).unwrap_or_else(none);
    Ok(new_tuple(vec![
        s.class().as_obj_ref().to_owned(),
        new_tuple(vec![func.clone()]),
        new_tuple(vec![func, p.args.get_clone(), p.kw.get_clone(), dict]),
    ]))
}

fn partial_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "__setstate__")?;
    let invalid = || PyErr::type_error("invalid partial state");
    let items = match state.downcast::<TupleObj>() {
        Some(t) if t.len() == 4 => t.as_slice(),
        _ => return Err(invalid()),
    };
    let (func, fargs, kw, dict) = (&items[0], &items[1], &items[2], &items[3]);
    if func.class().call.get().is_none() || !fargs.isa::<TupleObj>() || !(kw.is_none() || kw.isa::<DictObj>()) {
        return Err(invalid());
    }
    let fargs = if fargs.downcast_exact::<TupleObj>().is_some() {
        fargs.clone()
    } else {
        new_tuple(fargs.downcast::<TupleObj>().expect("tuple").as_slice().to_vec())
    };
    let kw = match kw.downcast_exact::<DictObj>() {
        Some(_) => kw.clone(),
        None if kw.is_none() => new_dict(),
        None => kw.downcast::<DictObj>().expect("dict").copy(),
    };
    let p = partial(s);
    let old = (p.func.replace(func.clone()), p.args.replace(fargs), p.kw.replace(kw));
    drop(old);
    let d = if dict.is_none() { None } else { Some(dict.clone()) };
    crate::types::instance::set_dict(s, d)?;
    Ok(none())
}

fn class_getitem(a: Args) -> PyResult {
    crate::types::genericalias::class_getitem(a)
}

static PARTIAL_METHODS: &[MethodDef] = &[
    MethodDef::method("__reduce__", partial_reduce),
    MethodDef::method("__setstate__", partial_setstate),
    MethodDef::class("__class_getitem__", class_getitem),
];

static PARTIAL_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("func", g_func),
    GetSetDef::getter("args", g_args),
    GetSetDef::getter("keywords", g_keywords),
    crate::types::type_new::INSTANCE_DICT_GETSET_REF,
];

crate::static_type! {
    pub static PARTIAL_TYPE: PartialObj = "functools.partial" {
        module: "functools",
        flags: BASETYPE | HAVE_GC | WEAKREFABLE,
        dict_offset: std::mem::offset_of!(PartialObj, dict) as isize,
        doc: "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n",
        methods: PARTIAL_METHODS,
        getsets: PARTIAL_GETSETS,
        slots: {
            new: partial_new, call: entry::<PartialCall>, repr: partial_repr,
            traverse: partial_traverse, clear: partial_clear,
        },
    }
}

// --- cmp_to_key ---------------------------------------------------------

/// `functools.KeyWrapper`: the key class built by `cmp_to_key` (`obj` unset)
/// and its instances (`obj` set).
#[repr(C)]
pub struct KeyWrapperObj {
    pub ob: Obj,
    cmp: PyRef,
    obj: PyCell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for KeyWrapperObj {
    fn class() -> &'static TypeObj {
        &KEYWRAPPER_TYPE
    }
}

fn new_keywrapper(cmp: PyRef, obj: Option<PyRef>) -> PyRef {
    crate::object::alloc::alloc_object(
        &KEYWRAPPER_TYPE,
        KeyWrapperObj { ob: Obj::new(&KEYWRAPPER_TYPE.0), cmp, obj: PyCell::new(obj) },
        0,
    )
}

fn cmp_to_key(a: Args) -> PyResult {
    let [mycmp] = args::parse(a, "cmp_to_key", &["mycmp"], 1)?;
    Ok(new_keywrapper(mycmp.expect("mycmp").to_owned(), None))
}

fn keywrapper(o: &Obj) -> &KeyWrapperObj {
    o.downcast::<KeyWrapperObj>().expect("KeyWrapper")
}

struct KeyWrapperCall;
impl NativeCall for KeyWrapperCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let [obj] = args::parse(a, "K", &["obj"], 1)?;
        Ok(new_keywrapper(keywrapper(callable).cmp.clone(), Some(obj.expect("obj").to_owned())))
    }
}

fn keywrapper_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let Some(other) = b.downcast::<KeyWrapperObj>() else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let me = keywrapper(a);
    let (Some(x), Some(y)) = (me.obj.get_clone(), other.obj.get_clone()) else {
        return Err(PyErr::new(&exceptions::ATTRIBUTE_ERROR, "object"));
    };
    let res = ops::call2(&me.cmp, &x, &y)?;
    ops::richcompare(&res, &crate::types::int::new_int(0), op)
}

fn keywrapper_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let k = keywrapper(o);
    visit(&k.cmp);
    k.obj.with(|x| {
        if let Some(x) = x {
            visit(x)
        }
    });
}

fn keywrapper_clear(o: &Obj) {
    let old = keywrapper(o).obj.take();
    drop(old);
}

fn g_obj(o: &Obj) -> PyResult {
    keywrapper(o).obj.get_clone().ok_or_else(|| PyErr::no_attribute(o, "obj"))
}
fn s_obj(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let old = keywrapper(o).obj.replace(v.map(|v| v.to_owned()));
    drop(old);
    Ok(())
}

static KEYWRAPPER_GETSETS: &[GetSetDef] = &[GetSetDef::getset("obj", g_obj, s_obj)];

crate::static_type! {
    pub static KEYWRAPPER_TYPE: KeyWrapperObj = "functools.KeyWrapper" {
        module: "functools",
        flags: HAVE_GC,
        getsets: KEYWRAPPER_GETSETS,
        slots: {
            call: entry::<KeyWrapperCall>, richcompare: keywrapper_richcompare, hash: crate::types::object::hash_not_implemented,
            traverse: keywrapper_traverse, clear: keywrapper_clear,
        },
    }
}

// --- the module ---------------------------------------------------------

static FUNCS: &[MethodDef] = &[MethodDef::method("reduce", reduce), MethodDef::method("cmp_to_key", cmp_to_key)];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_functools");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    mo.set_attr("partial", PARTIAL_TYPE.as_obj_ref().to_owned());
    mo.set_attr("KeyWrapper", KEYWRAPPER_TYPE.as_obj_ref().to_owned());
    Ok(m)
}
