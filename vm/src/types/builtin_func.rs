//! Native callables and the descriptors that expose native code as attributes:
//! builtin functions/methods, method descriptors (unbound native methods),
//! classmethod descriptors, getset descriptors, member descriptors (`__slots__`)
//! and slot wrappers (`int.__add__`) with their bound form (method-wrapper).

use std::cell::Cell;

use crate::object::abi::{entry, NativeCall};
use crate::object::{AsObj, Obj, PyPayload, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::none;
use crate::types::slotdefs::{self, SlotDef};
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, MethodKind, TypeObj};

/// Calls a native function, prepending `first` to the arguments.
pub fn call_with_self(f: crate::types::typeobj::NativeFn, first: &Obj, args: Args) -> PyResult {
    let mut inline: [&Obj; 9] = [first; 9];
    let n = args.all.len();
    if n < 9 {
        inline[1..=n].copy_from_slice(args.all);
        f(Args { all: &inline[..=n], nargs: args.nargs + 1, kwnames: args.kwnames })
    } else {
        let mut v: Vec<&Obj> = Vec::with_capacity(n + 1);
        v.push(first);
        v.extend_from_slice(args.all);
        f(Args { all: &v, nargs: args.nargs + 1, kwnames: args.kwnames })
    }
}

/// A builtin function, or a native method bound to its `self`.
#[repr(C)]
pub struct BuiltinFunctionObj {
    pub ob: Obj,
    pub def: &'static MethodDef,
    pub bound: Option<PyRef>,
    pub module: Option<PyRef>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for BuiltinFunctionObj {
    fn class() -> &'static TypeObj {
        &BUILTIN_FUNCTION_TYPE
    }
}

impl BuiltinFunctionObj {
    pub fn name(&self) -> &'static str {
        self.def.name
    }
}

/// A module-level builtin function.
pub fn new_builtin(def: &'static MethodDef, module: Option<PyRef>) -> PyRef {
    crate::object::alloc::alloc_object(
        &BUILTIN_FUNCTION_TYPE,
        BuiltinFunctionObj { ob: Obj::new(&BUILTIN_FUNCTION_TYPE.0), def, bound: None, module },
        0,
    )
}

/// A native method bound to `self_`.
pub fn new_bound_builtin(def: &'static MethodDef, self_: &Obj) -> PyRef {
    crate::object::alloc::alloc_object(
        &BUILTIN_FUNCTION_TYPE,
        BuiltinFunctionObj { ob: Obj::new(&BUILTIN_FUNCTION_TYPE.0), def, bound: Some(self_.to_owned()), module: None },
        0,
    )
}

struct BuiltinCall;
impl NativeCall for BuiltinCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        let f = callable.downcast::<BuiltinFunctionObj>().expect("builtin");
        match &f.bound {
            Some(s) => call_with_self(f.def.func, s, args),
            None => (f.def.func)(args),
        }
    }
}

fn builtin_repr(obj: &Obj) -> PyResult {
    let f = obj.downcast::<BuiltinFunctionObj>().expect("builtin");
    Ok(from_string(match &f.bound {
        Some(s) if !s.isa::<crate::types::module::ModuleObj>() => {
            format!("<built-in method {} of {} object at {:#x}>", f.def.name, s.class().name(), s.as_ptr() as usize)
        }
        _ => format!("<built-in function {}>", f.def.name),
    }))
}

fn builtin_traverse(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let f = obj.downcast::<BuiltinFunctionObj>().expect("builtin");
    if let Some(s) = &f.bound {
        visit(s);
    }
}

fn g_builtin_name(obj: &Obj) -> PyResult {
    Ok(crate::types::str::intern(obj.downcast::<BuiltinFunctionObj>().expect("builtin").def.name))
}
fn g_builtin_qualname(obj: &Obj) -> PyResult {
    let f = obj.downcast::<BuiltinFunctionObj>().expect("builtin");
    Ok(from_string(match &f.bound {
        Some(s) if !s.isa::<crate::types::module::ModuleObj>() => {
            let t = s.downcast::<TypeObj>().unwrap_or(s.class());
            format!("{}.{}", t.qualname(), f.def.name)
        }
        _ => f.def.name.to_string(),
    }))
}
fn g_builtin_self(obj: &Obj) -> PyResult {
    let f = obj.downcast::<BuiltinFunctionObj>().expect("builtin");
    Ok(f.bound.clone().or_else(|| f.module.clone()).unwrap_or_else(none))
}
fn g_builtin_module(obj: &Obj) -> PyResult {
    let f = obj.downcast::<BuiltinFunctionObj>().expect("builtin");
    Ok(match &f.module {
        Some(m) => match m.downcast::<crate::types::module::ModuleObj>() {
            Some(m) => from_string(m.name()),
            None => m.clone(),
        },
        None => none(),
    })
}
fn g_doc(obj: &Obj) -> PyResult {
    let f = obj.downcast::<BuiltinFunctionObj>().expect("builtin");
    Ok(if f.def.doc.is_empty() { none() } else { crate::types::str::new_str(f.def.doc) })
}

/// `__reduce__`: a module-level function pickles as its name (a global),
/// a bound method as `getattr(self, name)`.
fn builtin_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let f =
        s.downcast::<BuiltinFunctionObj>().ok_or_else(|| PyErr::type_error("__reduce__ needs a builtin function"))?;
    match &f.bound {
        Some(b) if !b.isa::<crate::types::module::ModuleObj>() => {
            let d = crate::builtins::builtins_dict();
            let getattr = d
                .downcast::<crate::types::dict::DictObj>()
                .and_then(|d| d.get_by_str("getattr"))
                .ok_or_else(|| PyErr::runtime_error("lost builtins.getattr"))?;
            let args = crate::types::tuple::new_tuple(vec![b.clone(), crate::types::str::intern(f.def.name)]);
            Ok(crate::types::tuple::new_tuple(vec![getattr, args]))
        }
        _ => Ok(crate::types::str::intern(f.def.name)),
    }
}

static BUILTIN_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", builtin_reduce)];

static BUILTIN_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", g_builtin_name),
    GetSetDef::getter("__qualname__", g_builtin_qualname),
    GetSetDef::getter("__self__", g_builtin_self),
    GetSetDef::getter("__module__", g_builtin_module),
    GetSetDef::getter("__doc__", g_doc),
];

fn builtin_richcompare(a: &Obj, b: &Obj, op: ember_compiler::bytecode::CompareOp) -> PyResult {
    use ember_compiler::bytecode::CompareOp;
    let (Some(x), Some(y)) = (a.downcast::<BuiltinFunctionObj>(), b.downcast::<BuiltinFunctionObj>()) else {
        return Ok(crate::types::not_implemented());
    };
    let same = std::ptr::eq(x.def, y.def)
        && match (&x.bound, &y.bound) {
            (Some(p), Some(q)) => p.is(q),
            (None, None) => true,
            _ => false,
        };
    match op {
        CompareOp::Eq => Ok(crate::types::new_bool(same)),
        CompareOp::Ne => Ok(crate::types::new_bool(!same)),
        _ => Ok(crate::types::not_implemented()),
    }
}

fn builtin_hash(obj: &Obj) -> PyResult<i64> {
    let f = obj.downcast::<BuiltinFunctionObj>().expect("builtin");
    let a = f.def as *const MethodDef as i64;
    let b = f.bound.as_ref().map_or(0, |s| s.as_ptr() as i64);
    Ok((a >> 4) ^ b)
}

crate::static_type! {
    pub static BUILTIN_FUNCTION_TYPE: BuiltinFunctionObj = "builtin_function_or_method" {
        flags: HAVE_GC | WEAKREFABLE,
        methods: BUILTIN_METHODS,
        getsets: BUILTIN_GETSETS,
        slots: {
            call: entry::<BuiltinCall>, repr: builtin_repr, traverse: builtin_traverse,
            richcompare: builtin_richcompare, hash: builtin_hash,
        },
    }
}

/// An unbound native method in a type's dict (`list.append`).
#[repr(C)]
pub struct MethodDescrObj {
    pub ob: Obj,
    pub def: &'static MethodDef,
    pub owner: Cell<*const TypeObj>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for MethodDescrObj {
    fn class() -> &'static TypeObj {
        &METHOD_DESCRIPTOR_TYPE
    }
}

impl MethodDescrObj {
    pub fn owner(&self) -> &TypeObj {
        // SAFETY: descriptors live in their owner's dict; static owners are immortal,
        // and heap owners outlive their dict's contents.
        unsafe { &*self.owner.get() }
    }
}

/// Creates the descriptor for a native method of `owner`.
pub fn new_method_descr(def: &'static MethodDef, owner: &TypeObj) -> PyRef {
    let ty: &TypeObj = match def.kind {
        MethodKind::Method => &METHOD_DESCRIPTOR_TYPE,
        MethodKind::Class => &CLASSMETHOD_DESCRIPTOR_TYPE,
        MethodKind::Static => {
            let f = new_builtin(def, None);
            return crate::types::descriptors::new_staticmethod(&f);
        }
    };
    crate::object::alloc::alloc_object(ty, MethodDescrObj { ob: Obj::new(ty), def, owner: Cell::new(owner) }, 0)
}

fn descr_type_error(name: &str, owner: &TypeObj, got: &Obj) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
        owner.name(),
        got.class().name()
    ))
}

struct MethodDescrCall;
impl NativeCall for MethodDescrCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        let d = callable.downcast::<MethodDescrObj>().expect("method descriptor");
        let Some(first) = args.all.first().filter(|_| args.nargs > 0) else {
            return Err(PyErr::type_error(format!(
                "unbound method {}.{}() needs an argument",
                d.owner().qualname(),
                d.def.name
            )));
        };
        if !first.class().is_subtype(d.owner()) {
            return Err(descr_type_error(d.def.name, d.owner(), first));
        }
        (d.def.func)(args)
    }
}

fn method_descr_get(descr: &Obj, obj: Option<&Obj>, _ty: Option<&TypeObj>) -> PyResult {
    let d = descr.downcast::<MethodDescrObj>().expect("method descriptor");
    match obj {
        None => Ok(descr.to_owned()),
        Some(o) => {
            if !o.class().is_subtype(d.owner()) {
                return Err(descr_type_error(d.def.name, d.owner(), o));
            }
            Ok(new_bound_builtin(d.def, o))
        }
    }
}

fn method_descr_repr(obj: &Obj) -> PyResult {
    let d = obj.downcast::<MethodDescrObj>().expect("method descriptor");
    Ok(from_string(format!("<method '{}' of '{}' objects>", d.def.name, d.owner().name())))
}

fn g_descr_name(obj: &Obj) -> PyResult {
    Ok(crate::types::str::intern(obj.downcast::<MethodDescrObj>().expect("descr").def.name))
}
fn g_descr_qualname(obj: &Obj) -> PyResult {
    let d = obj.downcast::<MethodDescrObj>().expect("descr");
    Ok(from_string(format!("{}.{}", d.owner().qualname(), d.def.name)))
}
fn g_descr_objclass(obj: &Obj) -> PyResult {
    Ok(obj.downcast::<MethodDescrObj>().expect("descr").owner().as_obj_ref().to_owned())
}
fn g_descr_doc(obj: &Obj) -> PyResult {
    let d = obj.downcast::<MethodDescrObj>().expect("descr");
    Ok(if d.def.doc.is_empty() { none() } else { crate::types::str::new_str(d.def.doc) })
}

static DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", g_descr_name),
    GetSetDef::getter("__qualname__", g_descr_qualname),
    GetSetDef::getter("__objclass__", g_descr_objclass),
    GetSetDef::getter("__doc__", g_descr_doc),
];

crate::static_type! {
    pub static METHOD_DESCRIPTOR_TYPE: MethodDescrObj = "method_descriptor" {
        flags: METHOD_DESCRIPTOR,
        getsets: DESCR_GETSETS,
        slots: { call: entry::<MethodDescrCall>, descr_get: method_descr_get, repr: method_descr_repr },
    }
}

struct ClassMethodDescrCall;
impl NativeCall for ClassMethodDescrCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        let d = callable.downcast_exact::<MethodDescrObj>().or_else(|| {
            // SAFETY-free: classmethod descriptors share MethodDescrObj's layout.
            if callable.class().is(&CLASSMETHOD_DESCRIPTOR_TYPE) {
                // SAFETY: checked the type above.
                Some(unsafe { callable.downcast_unchecked::<MethodDescrObj>() })
            } else {
                None
            }
        });
        let d = d.expect("classmethod descriptor");
        (d.def.func)(args)
    }
}

fn classmethod_descr_get(descr: &Obj, obj: Option<&Obj>, ty: Option<&TypeObj>) -> PyResult {
    // SAFETY: only installed on CLASSMETHOD_DESCRIPTOR_TYPE, which uses this layout.
    let d = unsafe { descr.downcast_unchecked::<MethodDescrObj>() };
    let cls: &TypeObj = match (ty, obj) {
        (Some(t), _) => t,
        (None, Some(o)) => o.class(),
        (None, None) => return Err(PyErr::type_error("descriptor needs a type or an instance")),
    };
    Ok(new_bound_builtin(d.def, cls.as_obj_ref()))
}

fn classmethod_descr_repr(obj: &Obj) -> PyResult {
    // SAFETY: as above.
    let d = unsafe { obj.downcast_unchecked::<MethodDescrObj>() };
    Ok(from_string(format!("<method '{}' of '{}' objects>", d.def.name, d.owner().name())))
}

crate::static_type! {
    pub static CLASSMETHOD_DESCRIPTOR_TYPE: MethodDescrObj = "classmethod_descriptor" {
        flags: READY,
        slots: { call: entry::<ClassMethodDescrCall>, descr_get: classmethod_descr_get, repr: classmethod_descr_repr },
    }
}

/// A computed attribute of a native type.
#[repr(C)]
pub struct GetSetDescrObj {
    pub ob: Obj,
    pub def: &'static GetSetDef,
    pub owner: Cell<*const TypeObj>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for GetSetDescrObj {
    fn class() -> &'static TypeObj {
        &GETSET_DESCRIPTOR_TYPE
    }
}

impl GetSetDescrObj {
    pub(crate) fn owner(&self) -> &TypeObj {
        // SAFETY: as for method descriptors.
        unsafe { &*self.owner.get() }
    }
}

pub fn new_getset_descr(def: &'static GetSetDef, owner: &TypeObj) -> PyRef {
    crate::object::alloc::alloc_object(
        &GETSET_DESCRIPTOR_TYPE,
        GetSetDescrObj { ob: Obj::new(&GETSET_DESCRIPTOR_TYPE.0), def, owner: Cell::new(owner) },
        0,
    )
}

fn getset_get(descr: &Obj, obj: Option<&Obj>, _ty: Option<&TypeObj>) -> PyResult {
    let d = descr.downcast::<GetSetDescrObj>().expect("getset");
    let Some(o) = obj else { return Ok(descr.to_owned()) };
    if !o.class().is_subtype(d.owner()) {
        return Err(descr_type_error(d.def.name, d.owner(), o));
    }
    match d.def.get {
        Some(g) => g(o),
        None => Err(PyErr::new(
            &crate::types::exceptions::ATTRIBUTE_ERROR,
            format!("attribute '{}' of '{}' objects is not readable", d.def.name, d.owner().name()),
        )),
    }
}

fn getset_set(descr: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let d = descr.downcast::<GetSetDescrObj>().expect("getset");
    if !obj.class().is_subtype(d.owner()) {
        return Err(descr_type_error(d.def.name, d.owner(), obj));
    }
    match d.def.set {
        Some(s) => s(obj, value),
        None => Err(PyErr::new(
            &crate::types::exceptions::ATTRIBUTE_ERROR,
            format!("attribute '{}' of '{}' objects is not writable", d.def.name, d.owner().name()),
        )),
    }
}

fn getset_repr(obj: &Obj) -> PyResult {
    let d = obj.downcast::<GetSetDescrObj>().expect("getset");
    Ok(from_string(format!("<attribute '{}' of '{}' objects>", d.def.name, d.owner().name())))
}

fn g_getset_name(obj: &Obj) -> PyResult {
    Ok(crate::types::str::intern(obj.downcast::<GetSetDescrObj>().expect("getset").def.name))
}
fn g_getset_objclass(obj: &Obj) -> PyResult {
    Ok(obj.downcast::<GetSetDescrObj>().expect("getset").owner().as_obj_ref().to_owned())
}

static GETSET_GETSETS: &[GetSetDef] =
    &[GetSetDef::getter("__name__", g_getset_name), GetSetDef::getter("__objclass__", g_getset_objclass)];

crate::static_type! {
    pub static GETSET_DESCRIPTOR_TYPE: GetSetDescrObj = "getset_descriptor" {
        flags: READY,
        getsets: GETSET_GETSETS,
        slots: { descr_get: getset_get, descr_set: getset_set, repr: getset_repr },
    }
}

/// A `__slots__` entry: a value stored at a fixed offset in instances.
#[repr(C)]
pub struct MemberDescrObj {
    pub ob: Obj,
    pub name: PyRef,
    pub owner: Cell<*const TypeObj>,
    pub offset: usize,
    /// Assignment and deletion raise "readonly attribute" (CPython's READONLY).
    pub readonly: bool,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for MemberDescrObj {
    fn class() -> &'static TypeObj {
        &MEMBER_DESCRIPTOR_TYPE
    }
}

impl MemberDescrObj {
    pub(crate) fn owner(&self) -> &TypeObj {
        // SAFETY: member descriptors live in their owner's dict.
        unsafe { &*self.owner.get() }
    }
    fn name_str(&self) -> &str {
        self.name.downcast::<StrObj>().map_or("?", |s| s.as_str())
    }
}

pub fn new_member_descr(name: PyRef, owner: &TypeObj, offset: usize) -> PyRef {
    member_descr(name, owner, offset, false)
}

/// A read-only member for a reference field at `offset` of a native type's
/// payload that is never null (e.g. `function.__globals__`).
pub fn new_readonly_member_descr(name: PyRef, owner: &TypeObj, offset: usize) -> PyRef {
    member_descr(name, owner, offset, true)
}

fn member_descr(name: PyRef, owner: &TypeObj, offset: usize, readonly: bool) -> PyRef {
    let d = MemberDescrObj { ob: Obj::new(&MEMBER_DESCRIPTOR_TYPE.0), name, owner: Cell::new(owner), offset, readonly };
    crate::object::alloc::alloc_object(&MEMBER_DESCRIPTOR_TYPE, d, 0)
}

fn member_get(descr: &Obj, obj: Option<&Obj>, _ty: Option<&TypeObj>) -> PyResult {
    let d = descr.downcast::<MemberDescrObj>().expect("member");
    let Some(o) = obj else { return Ok(descr.to_owned()) };
    if !o.class().is_subtype(d.owner()) {
        return Err(descr_type_error(d.name_str(), d.owner(), o));
    }
    match crate::object::alloc::read_field(o, d.offset) {
        Some(v) => Ok(v),
        None => Err(PyErr::no_attribute(o, d.name_str())),
    }
}

fn member_set(descr: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let d = descr.downcast::<MemberDescrObj>().expect("member");
    if !obj.class().is_subtype(d.owner()) {
        return Err(descr_type_error(d.name_str(), d.owner(), obj));
    }
    if d.readonly {
        return Err(PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, "readonly attribute"));
    }
    if value.is_none() && !crate::object::alloc::field_is_set(obj, d.offset) {
        return Err(PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, d.name_str()));
    }
    let old = crate::object::alloc::swap_field(obj, d.offset, value.map(|v| v.to_owned()));
    drop(old);
    Ok(())
}

fn member_repr(obj: &Obj) -> PyResult {
    let d = obj.downcast::<MemberDescrObj>().expect("member");
    Ok(from_string(format!("<member '{}' of '{}' objects>", d.name_str(), d.owner().name())))
}

fn member_traverse(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&obj.downcast::<MemberDescrObj>().expect("member").name);
}

crate::static_type! {
    pub static MEMBER_DESCRIPTOR_TYPE: MemberDescrObj = "member_descriptor" {
        flags: READY,
        slots: { descr_get: member_get, descr_set: member_set, repr: member_repr, traverse: member_traverse },
    }
}

/// A slot wrapper: exposes a native type slot as a dunder (`int.__add__`).
#[repr(C)]
pub struct WrapperDescrObj {
    pub ob: Obj,
    pub slot: &'static SlotDef,
    pub owner: Cell<*const TypeObj>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for WrapperDescrObj {
    fn class() -> &'static TypeObj {
        &WRAPPER_DESCRIPTOR_TYPE
    }
}

impl WrapperDescrObj {
    pub fn owner(&self) -> &TypeObj {
        // SAFETY: wrappers live in their owner's dict.
        unsafe { &*self.owner.get() }
    }
}

pub fn new_wrapper_descr(slot: &'static SlotDef, owner: &TypeObj) -> PyRef {
    crate::object::alloc::alloc_object(
        &WRAPPER_DESCRIPTOR_TYPE,
        WrapperDescrObj { ob: Obj::new(&WRAPPER_DESCRIPTOR_TYPE.0), slot, owner: Cell::new(owner) },
        0,
    )
}

struct WrapperDescrCall;
impl NativeCall for WrapperDescrCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        let d = callable.downcast::<WrapperDescrObj>().expect("wrapper");
        let Some(first) = args.all.first().filter(|_| args.nargs > 0) else {
            return Err(PyErr::type_error(format!(
                "descriptor '{}' of '{}' object needs an argument",
                d.slot.name,
                d.owner().name()
            )));
        };
        if !first.class().is_subtype(d.owner()) {
            return Err(PyErr::type_error(format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                d.slot.name,
                d.owner().name(),
                first.class().name()
            )));
        }
        slotdefs::call_wrapper(
            d.slot,
            d.owner(),
            first,
            Args { all: &args.all[1..], nargs: args.nargs - 1, kwnames: args.kwnames },
        )
    }
}

fn wrapper_get(descr: &Obj, obj: Option<&Obj>, _ty: Option<&TypeObj>) -> PyResult {
    let d = descr.downcast::<WrapperDescrObj>().expect("wrapper");
    match obj {
        None => Ok(descr.to_owned()),
        Some(o) => {
            if !o.class().is_subtype(d.owner()) {
                return Err(descr_type_error(d.slot.name, d.owner(), o));
            }
            Ok(crate::object::alloc::alloc_object(
                &METHOD_WRAPPER_TYPE,
                MethodWrapperObj { ob: Obj::new(&METHOD_WRAPPER_TYPE.0), descr: descr.to_owned(), self_: o.to_owned() },
                0,
            ))
        }
    }
}

fn wrapper_repr(obj: &Obj) -> PyResult {
    let d = obj.downcast::<WrapperDescrObj>().expect("wrapper");
    Ok(from_string(format!("<slot wrapper '{}' of '{}' objects>", d.slot.name, d.owner().name())))
}

fn g_wrapper_name(obj: &Obj) -> PyResult {
    Ok(crate::types::str::intern(obj.downcast::<WrapperDescrObj>().expect("wrapper").slot.name))
}
fn g_wrapper_objclass(obj: &Obj) -> PyResult {
    Ok(obj.downcast::<WrapperDescrObj>().expect("wrapper").owner().as_obj_ref().to_owned())
}
fn g_wrapper_qualname(obj: &Obj) -> PyResult {
    let d = obj.downcast::<WrapperDescrObj>().expect("wrapper");
    Ok(from_string(format!("{}.{}", d.owner().qualname(), d.slot.name)))
}

static WRAPPER_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", g_wrapper_name),
    GetSetDef::getter("__qualname__", g_wrapper_qualname),
    GetSetDef::getter("__objclass__", g_wrapper_objclass),
];

crate::static_type! {
    pub static WRAPPER_DESCRIPTOR_TYPE: WrapperDescrObj = "wrapper_descriptor" {
        flags: METHOD_DESCRIPTOR,
        getsets: WRAPPER_GETSETS,
        slots: { call: entry::<WrapperDescrCall>, descr_get: wrapper_get, repr: wrapper_repr },
    }
}

/// A slot wrapper bound to an instance (`(1).__add__`).
#[repr(C)]
pub struct MethodWrapperObj {
    pub ob: Obj,
    descr: PyRef,
    self_: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for MethodWrapperObj {
    fn class() -> &'static TypeObj {
        &METHOD_WRAPPER_TYPE
    }
}

struct MethodWrapperCall;
impl NativeCall for MethodWrapperCall {
    fn call(callable: &Obj, args: Args) -> PyResult {
        let w = callable.downcast::<MethodWrapperObj>().expect("method-wrapper");
        let d = w.descr.downcast::<WrapperDescrObj>().expect("wrapper");
        slotdefs::call_wrapper(d.slot, d.owner(), &w.self_, args)
    }
}

fn method_wrapper_repr(obj: &Obj) -> PyResult {
    let w = obj.downcast::<MethodWrapperObj>().expect("method-wrapper");
    let d = w.descr.downcast::<WrapperDescrObj>().expect("wrapper");
    Ok(from_string(format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        d.slot.name,
        w.self_.class().name(),
        w.self_.as_ptr() as usize
    )))
}

fn method_wrapper_traverse(obj: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let w = obj.downcast::<MethodWrapperObj>().expect("method-wrapper");
    visit(&w.descr);
    visit(&w.self_);
}

fn g_mw_self(obj: &Obj) -> PyResult {
    Ok(obj.downcast::<MethodWrapperObj>().expect("method-wrapper").self_.clone())
}
fn g_mw_name(obj: &Obj) -> PyResult {
    let w = obj.downcast::<MethodWrapperObj>().expect("method-wrapper");
    g_wrapper_name(&w.descr)
}

/// `method-wrapper.__reduce__()`: `(getattr, (self, name))`, as in CPython.
fn method_wrapper_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let w = s.downcast::<MethodWrapperObj>().ok_or_else(|| PyErr::type_error("__reduce__ needs a method-wrapper"))?;
    let getattr = crate::builtins::builtin("getattr")?;
    Ok(new_tuple(vec![getattr, new_tuple(vec![w.self_.clone(), g_wrapper_name(&w.descr)?])]))
}

static MW_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", method_wrapper_reduce)];

static MW_GETSETS: &[GetSetDef] = &[GetSetDef::getter("__self__", g_mw_self), GetSetDef::getter("__name__", g_mw_name)];

crate::static_type! {
    pub static METHOD_WRAPPER_TYPE: MethodWrapperObj = "method-wrapper" {
        flags: HAVE_GC,
        methods: MW_METHODS,
        getsets: MW_GETSETS,
        slots: { call: entry::<MethodWrapperCall>, repr: method_wrapper_repr, traverse: method_wrapper_traverse },
    }
}

/// Keeps the tuple import used by signatures in docs.
pub type KwNames<'a> = Option<&'a TupleObj>;
