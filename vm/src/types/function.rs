//! `function` (Python functions) and `method` (bound methods).

use std::cell::Cell;

use crate::object::abi::{entry, NativeCall};
use crate::object::{Obj, PyCell, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::code::CodeObj;
use crate::types::dict::{new_dict, DictObj};
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{Args, GetSetDef, TypeObj};
use crate::types::{new_bool, none, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct FunctionObj {
    pub ob: Obj,
    pub code: PyCell<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: PyCell<PyRef>,
    pub qualname: PyCell<PyRef>,
    pub defaults: PyCell<Option<PyRef>>,
    pub kwdefaults: PyCell<Option<PyRef>>,
    pub closure: Option<PyRef>,
    pub doc: PyCell<PyRef>,
    pub module: PyCell<PyRef>,
    pub annotations: PyCell<Option<PyRef>>,
    /// `__dict__` (at the type's dict offset).
    pub dict: Cell<Option<PyRef>>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for FunctionObj {
    fn class() -> &'static TypeObj {
        &FUNCTION_TYPE
    }
}

/// Creates a function from a code object and the globals it runs in.
pub fn new_function(code: PyRef, globals: PyRef, qualname: Option<PyRef>) -> PyRef {
    build_function(code, globals, qualname, None)
}

fn build_function(code: PyRef, globals: PyRef, qualname: Option<PyRef>, closure: Option<PyRef>) -> PyRef {
    let (name, qual, doc) = {
        let c = code.downcast::<CodeObj>().expect("code");
        (c.name.clone(), qualname.unwrap_or_else(|| c.qualname.clone()), c.docstring.clone().unwrap_or_else(none))
    };
    let g = globals.downcast::<DictObj>().expect("globals dict");
    let module = g.get_by_str("__name__").unwrap_or_else(none);
    let builtins = crate::builtins::builtins_dict_for(g);
    let f = FunctionObj {
        ob: Obj::new(&FUNCTION_TYPE.0),
        code: PyCell::new(code),
        globals,
        builtins,
        name: PyCell::new(name),
        qualname: PyCell::new(qual),
        defaults: PyCell::new(None),
        kwdefaults: PyCell::new(None),
        doc: PyCell::new(doc),
        module: PyCell::new(module),
        annotations: PyCell::new(None),
        dict: Cell::new(None),
        closure,
    };
    crate::object::alloc::alloc_object(&FUNCTION_TYPE, f, 0)
}

/// Creates a function with a closure (used by `MAKE_FUNCTION`).
pub fn new_function_with(
    code: PyRef,
    globals: PyRef,
    defaults: Option<PyRef>,
    kwdefaults: Option<PyRef>,
    closure: Option<PyRef>,
    annotations: Option<PyRef>,
) -> PyRef {
    let f = build_function(code, globals, None, closure);
    {
        let fo = f.downcast::<FunctionObj>().expect("function");
        fo.defaults.set_opt(defaults);
        fo.kwdefaults.set_opt(kwdefaults);
        fo.annotations.set_opt(annotations);
    }
    f
}

impl<T> PyCell<Option<T>> {
    /// Replaces the optional value, dropping the old one after the borrow.
    pub fn set_opt(&self, v: Option<T>) {
        let old = self.replace(v);
        drop(old);
    }
}

impl FunctionObj {
    #[inline]
    pub fn code(&self) -> PyRef {
        self.code.get_clone()
    }

    pub fn qualname_string(&self) -> String {
        self.qualname.with(|q| StrObj::text(q).to_string())
    }
}

struct FunctionCall;
impl NativeCall for FunctionCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        crate::eval::call_function(callable, args)
    }
}

fn func_repr(o: &Obj) -> PyResult {
    let f = o.downcast::<FunctionObj>().expect("function");
    Ok(from_string(format!("<function {} at {:#x}>", f.qualname_string(), o.as_ptr() as usize)))
}

fn func_descr_get(f: &Obj, obj: Option<&Obj>, _t: Option<&TypeObj>) -> PyResult {
    match obj {
        None => Ok(f.to_owned()),
        Some(o) => Ok(new_method(f, o)),
    }
}

fn func_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let f = o.downcast::<FunctionObj>().expect("function");
    f.code.with(|c| visit(c));
    visit(&f.globals);
    for cell in [&f.defaults, &f.kwdefaults, &f.annotations] {
        cell.with(|v| {
            if let Some(v) = v {
                visit(v)
            }
        });
    }
    if let Some(c) = &f.closure {
        visit(c);
    }
    let d = f.dict.take();
    if let Some(d) = &d {
        visit(d);
    }
    f.dict.set(d);
}

fn func_clear(o: &Obj) {
    let f = o.downcast::<FunctionObj>().expect("function");
    f.defaults.set_opt(None);
    f.kwdefaults.set_opt(None);
    f.annotations.set_opt(None);
    let d = f.dict.take();
    drop(d);
}

fn this(o: &Obj) -> &FunctionObj {
    o.downcast::<FunctionObj>().expect("function")
}

fn g_code(o: &Obj) -> PyResult {
    Ok(this(o).code())
}
fn s_code(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__code__ must be set to a code object"))?;
    let c = v.downcast::<CodeObj>().ok_or_else(|| PyErr::type_error("__code__ must be set to a code object"))?;
    let f = this(o);
    let nfree = f.closure.as_ref().and_then(|c| c.downcast::<TupleObj>()).map_or(0, |t| t.len());
    if c.nfree as usize != nfree {
        return Err(PyErr::value_error(format!(
            "{}() requires a code object with {} free vars, not {}",
            f.qualname_string(),
            nfree,
            c.nfree
        )));
    }
    let old = f.code.replace(v.to_owned());
    drop(old);
    Ok(())
}
fn g_name(o: &Obj) -> PyResult {
    Ok(this(o).name.get_clone())
}
fn s_name(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if v.isa::<StrObj>() => {
            let old = this(o).name.replace(v.to_owned());
            drop(old);
            Ok(())
        }
        _ => Err(PyErr::type_error("__name__ must be set to a string object")),
    }
}
fn g_qualname(o: &Obj) -> PyResult {
    Ok(this(o).qualname.get_clone())
}
fn s_qualname(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if v.isa::<StrObj>() => {
            let old = this(o).qualname.replace(v.to_owned());
            drop(old);
            Ok(())
        }
        _ => Err(PyErr::type_error("__qualname__ must be set to a string object")),
    }
}
fn g_defaults(o: &Obj) -> PyResult {
    Ok(this(o).defaults.get_clone().unwrap_or_else(none))
}
fn s_defaults(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) if v.is_none() => None,
        Some(v) if v.isa::<TupleObj>() => Some(v.to_owned()),
        None => None,
        Some(_) => return Err(PyErr::type_error("__defaults__ must be set to a tuple object")),
    };
    this(o).defaults.set_opt(v);
    Ok(())
}
fn g_kwdefaults(o: &Obj) -> PyResult {
    Ok(this(o).kwdefaults.get_clone().unwrap_or_else(none))
}
fn s_kwdefaults(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) if v.is_none() => None,
        Some(v) if v.isa::<DictObj>() => Some(v.to_owned()),
        None => None,
        Some(_) => return Err(PyErr::type_error("__kwdefaults__ must be set to a dict object")),
    };
    this(o).kwdefaults.set_opt(v);
    Ok(())
}
fn g_closure(o: &Obj) -> PyResult {
    Ok(this(o).closure.clone().unwrap_or_else(none))
}
fn g_builtins(o: &Obj) -> PyResult {
    Ok(this(o).builtins.clone())
}
fn g_doc(o: &Obj) -> PyResult {
    Ok(this(o).doc.get_clone())
}
fn s_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let old = this(o).doc.replace(v.map_or_else(none, |v| v.to_owned()));
    drop(old);
    Ok(())
}
fn g_module(o: &Obj) -> PyResult {
    Ok(this(o).module.get_clone())
}
fn s_module(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let old = this(o).module.replace(v.map_or_else(none, |v| v.to_owned()));
    drop(old);
    Ok(())
}
fn g_annotations(o: &Obj) -> PyResult {
    let f = this(o);
    if let Some(a) = f.annotations.get_clone() {
        if let Some(t) = a.downcast::<TupleObj>() {
            // MAKE_FUNCTION stores a flat (name, value, ...) tuple; build the dict lazily.
            let d = new_dict();
            let items = t.as_slice();
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    d.downcast::<DictObj>().expect("dict").set_item(k, v.clone())?;
                }
            }
            f.annotations.set_opt(Some(d.clone()));
            return Ok(d);
        }
        return Ok(a);
    }
    let d = new_dict();
    f.annotations.set_opt(Some(d.clone()));
    Ok(d)
}
fn s_annotations(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) if v.is_none() => None,
        Some(v) if v.isa::<DictObj>() => Some(v.to_owned()),
        None => None,
        Some(_) => return Err(PyErr::type_error("__annotations__ must be set to a dict object")),
    };
    this(o).annotations.set_opt(v);
    Ok(())
}
fn g_dict(o: &Obj) -> PyResult {
    crate::types::instance::dict_of(o)
}
fn s_dict(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("cannot delete __dict__"))?;
    crate::types::instance::check_dict(v)?;
    crate::types::instance::set_dict(o, Some(v.to_owned()))
}

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("__code__", g_code, s_code),
    GetSetDef::getset("__name__", g_name, s_name),
    GetSetDef::getset("__qualname__", g_qualname, s_qualname),
    GetSetDef::getset("__defaults__", g_defaults, s_defaults),
    GetSetDef::getset("__kwdefaults__", g_kwdefaults, s_kwdefaults),
    GetSetDef::getter("__closure__", g_closure),
    GetSetDef::getter("__builtins__", g_builtins),
    GetSetDef::getset("__doc__", g_doc, s_doc),
    GetSetDef::getset("__module__", g_module, s_module),
    GetSetDef::getset("__annotations__", g_annotations, s_annotations),
    GetSetDef::getset("__dict__", g_dict, s_dict),
];

/// Installs the function type's member descriptors (`__globals__` is a
/// read-only member in CPython, which `types.MemberDescriptorType` relies on).
pub fn add_members() {
    let t = &FUNCTION_TYPE;
    let Some(d) = t.dict.get_clone() else { return };
    let Some(dd) = d.downcast::<crate::types::dict::DictObj>() else { return };
    let offset = std::mem::offset_of!(FunctionObj, globals);
    dd.set_by_str(
        "__globals__",
        crate::types::builtin_func::new_readonly_member_descr(crate::types::str::intern("__globals__"), t, offset),
    );
    t.modified();
}

crate::static_type! {
    pub static FUNCTION_TYPE: FunctionObj = "function" {
        flags: HAVE_GC | METHOD_DESCRIPTOR | WEAKREFABLE,
        dict_offset: std::mem::offset_of!(FunctionObj, dict) as isize,
        getsets: GETSETS,
        slots: {
            call: entry::<FunctionCall>, repr: func_repr, descr_get: func_descr_get,
            traverse: func_traverse, clear: func_clear,
        },
    }
}

/// A function bound to an instance (`obj.method`).
#[repr(C)]
pub struct MethodObj {
    pub ob: Obj,
    pub func: PyRef,
    pub self_: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for MethodObj {
    fn class() -> &'static TypeObj {
        &METHOD_TYPE
    }
}

pub fn new_method(func: &Obj, self_: &Obj) -> PyRef {
    crate::object::alloc::alloc_object(
        &METHOD_TYPE,
        MethodObj { ob: Obj::new(&METHOD_TYPE.0), func: func.to_owned(), self_: self_.to_owned() },
        0,
    )
}

struct MethodCall;
impl NativeCall for MethodCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        let m = callable.downcast::<MethodObj>().expect("method");
        // A plain compiled function: straight in, the receiver first.
        if args.kwnames.is_none_or(|k| k.is_empty()) && crate::eval::jit_hook::installed() {
            if let Some(r) = crate::eval::interp::call_compiled_with(&m.func, Some(&m.self_), args.all) {
                return r;
            }
        }
        let n = args.all.len();
        if n < 8 {
            let mut buf: [&Obj; 8] = [&m.self_; 8];
            buf[1..=n].copy_from_slice(args.all);
            ops::call(&m.func, &buf[..=n], args.kwnames)
        } else {
            let mut v: Vec<&Obj> = Vec::with_capacity(n + 1);
            v.push(&m.self_);
            v.extend_from_slice(args.all);
            ops::call(&m.func, &v, args.kwnames)
        }
    }
}

fn method_repr(o: &Obj) -> PyResult {
    let m = o.downcast::<MethodObj>().expect("method");
    let name = ops::lookup_attr(&m.func, "__qualname__")?
        .or(ops::lookup_attr(&m.func, "__name__")?)
        .map(|n| ops::str_lossy(&n))
        .unwrap_or_else(|| "?".into());
    Ok(from_string(format!("<bound method {} of {}>", name, ops::repr_string(&m.self_)?)))
}

fn method_getattro(o: &Obj, name: &StrObj) -> PyResult {
    if let Some(v) = crate::types::object::generic_getattr_opt(o, name)? {
        return Ok(v);
    }
    let m = o.downcast::<MethodObj>().expect("method");
    ops::getattr_s(&m.func, name)
}

fn method_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<MethodObj>(), b.downcast::<MethodObj>()) else {
        return Ok(not_implemented());
    };
    let eq = x.self_.is(&y.self_) && ops::eq_bool(&x.func, &y.func)?;
    match op {
        CompareOp::Eq => Ok(new_bool(eq)),
        CompareOp::Ne => Ok(new_bool(!eq)),
        _ => Ok(not_implemented()),
    }
}

fn method_hash(o: &Obj) -> PyResult<i64> {
    let m = o.downcast::<MethodObj>().expect("method");
    Ok(crate::types::object::pointer_hash(&m.self_) ^ ops::hash(&m.func)?)
}

fn method_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let m = o.downcast::<MethodObj>().expect("method");
    visit(&m.func);
    visit(&m.self_);
}

fn m_func(o: &Obj) -> PyResult {
    Ok(o.downcast::<MethodObj>().expect("method").func.clone())
}
fn m_self(o: &Obj) -> PyResult {
    Ok(o.downcast::<MethodObj>().expect("method").self_.clone())
}
fn m_doc(o: &Obj) -> PyResult {
    let m = o.downcast::<MethodObj>().expect("method");
    Ok(ops::lookup_attr(&m.func, "__doc__")?.unwrap_or_else(none))
}

/// `method.__reduce__()`: `(getattr, (self, name))`, as in CPython (for copy and pickle).
fn method_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let m = s.downcast::<MethodObj>().expect("method");
    let name = ops::getattr_str(&m.func, "__name__")?;
    let getattr = crate::builtins::builtin("getattr")?;
    Ok(crate::types::tuple::new_tuple(vec![getattr, crate::types::tuple::new_tuple(vec![m.self_.clone(), name])]))
}

static METHOD_METHODS: &[crate::types::typeobj::MethodDef] =
    &[crate::types::typeobj::MethodDef::method("__reduce__", method_reduce)];

static METHOD_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__func__", m_func),
    GetSetDef::getter("__self__", m_self),
    GetSetDef::getter("__doc__", m_doc),
];

/// `types.MethodType(function, instance)`.
fn method_new(_t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("method() takes no keyword arguments"));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!("method expected 2 arguments, got {}", a.nargs)));
    }
    let (func, self_) = (a.all[0], a.all[1]);
    if func.class().call.get().is_none() {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if self_.is_none() {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(new_method(func, self_))
}

crate::static_type! {
    pub static METHOD_TYPE: MethodObj = "method" {
        flags: HAVE_GC | WEAKREFABLE,
        methods: METHOD_METHODS,
        getsets: METHOD_GETSETS,
        slots: {
            new: method_new,
            call: entry::<MethodCall>, repr: method_repr, getattro: method_getattro,
            richcompare: method_richcompare, hash: method_hash, traverse: method_traverse,
        },
    }
}
