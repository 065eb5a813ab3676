//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`).

use crate::object::abi::{entry, NativeCall};
use crate::object::{AsObj, Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{from_string, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, GetSetDef, TypeObj};
use crate::types::{new_bool, none, not_implemented};
use ember_compiler::bytecode::CompareOp;

#[repr(C)]
pub struct AliasObj {
    pub ob: Obj,
    origin: PyRef,
    args: PyRef,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for AliasObj {
    fn class() -> &'static TypeObj {
        &GENERIC_ALIAS_TYPE
    }
}

fn alias(t: &TypeObj, origin: &Obj, args: &Obj) -> PyRef {
    let args = if args.isa::<TupleObj>() { args.to_owned() } else { new_tuple(vec![args.to_owned()]) };
    crate::object::alloc::alloc_object(t, AliasObj { ob: Obj::new(t), origin: origin.to_owned(), args }, 0)
}

/// `types.GenericAlias(origin, args)` (also for subclasses such as
/// `collections.abc.Callable`'s alias).
fn alias_new(t: &TypeObj, a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("GenericAlias() takes no keyword arguments"));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!("GenericAlias expected 2 arguments, got {}", a.nargs)));
    }
    Ok(alias(t, a.all[0], a.all[1]))
}

/// `origin[args]`.
pub fn new_alias(origin: &Obj, args: &Obj) -> PyResult {
    Ok(alias(&GENERIC_ALIAS_TYPE, origin, args))
}

/// The `__class_getitem__` of builtin generic classes.
pub fn class_getitem(a: Args) -> PyResult {
    let [cls, item] = crate::util::args::exact::<2>(a, "__class_getitem__")?;
    new_alias(cls, item)
}

fn type_repr_for(o: &Obj) -> PyResult<String> {
    if o.is(crate::types::ellipsis().as_obj()) {
        return Ok("...".into());
    }
    if let Some(t) = o.downcast::<TypeObj>() {
        if !o.isa::<AliasObj>() {
            return Ok(match crate::types::object::type_module_name(t) {
                Some(m) => format!("{m}.{}", t.qualname()),
                None => t.qualname(),
            });
        }
    }
    if o.is_none() {
        return Ok("None".into());
    }
    ops::repr_string(o)
}

fn this(o: &Obj) -> &AliasObj {
    // SAFETY: GenericAlias and UnionType share the AliasObj layout.
    unsafe { o.downcast_unchecked::<AliasObj>() }
}

fn alias_repr(o: &Obj) -> PyResult {
    let a = this(o);
    let items = a.args.downcast::<TupleObj>().expect("tuple");
    let parts: Vec<String> = items.as_slice().iter().map(|x| type_repr_for(x)).collect::<PyResult<_>>()?;
    let inner = if parts.is_empty() { "()".to_string() } else { parts.join(", ") };
    Ok(from_string(format!("{}[{}]", type_repr_for(&a.origin)?, inner)))
}

struct AliasCall;
impl NativeCall for AliasCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let r = ops::call(&this(callable).origin, a.all, a.kwnames)?;
        let _ = ops::setattr_str(&r, "__orig_class__", callable);
        Ok(r)
    }
}

fn alias_getattro(o: &Obj, name: &StrObj) -> PyResult {
    if let Some(v) = crate::types::object::generic_getattr_opt(o, name)? {
        return Ok(v);
    }
    if name.as_str().starts_with("__") && name.as_str().ends_with("__") {
        return Err(PyErr::no_attribute(o, name.as_str()));
    }
    ops::getattr_s(&this(o).origin, name)
}

fn alias_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    if !b.class().is(a.class()) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (x, y) = (this(a), this(b));
    let eq = ops::eq_bool(&x.origin, &y.origin)? && ops::eq_bool(&x.args, &y.args)?;
    Ok(new_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn alias_hash(o: &Obj) -> PyResult<i64> {
    let a = this(o);
    Ok(ops::hash(&a.origin)? ^ ops::hash(&a.args)?)
}

fn alias_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let a = this(o);
    visit(&a.origin);
    visit(&a.args);
}

fn g_origin(o: &Obj) -> PyResult {
    Ok(this(o).origin.clone())
}
fn g_args(o: &Obj) -> PyResult {
    Ok(this(o).args.clone())
}
fn g_params(_o: &Obj) -> PyResult {
    Ok(crate::types::tuple::empty_tuple())
}

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__origin__", g_origin),
    GetSetDef::getter("__args__", g_args),
    GetSetDef::getter("__parameters__", g_params),
];

crate::static_type! {
    pub static GENERIC_ALIAS_TYPE: AliasObj = "GenericAlias" {
        module: "types",
        flags: BASETYPE | HAVE_GC,
        getsets: GETSETS,
        slots: {
            new: alias_new, repr: alias_repr, call: entry::<AliasCall>, getattro: alias_getattro,
            richcompare: alias_richcompare, hash: alias_hash, traverse: alias_traverse,
        },
        number: { or: union_or },
    }
}

fn union_repr(o: &Obj) -> PyResult {
    let items = this(o).args.downcast::<TupleObj>().expect("tuple").as_slice().to_vec();
    let parts: Vec<String> = items.iter().map(|x| type_repr_for(x)).collect::<PyResult<_>>()?;
    Ok(from_string(parts.join(" | ")))
}

fn union_members(o: &Obj) -> Vec<PyRef> {
    if o.class().is(&UNION_TYPE) {
        return this(o).args.downcast::<TupleObj>().expect("tuple").as_slice().to_vec();
    }
    if o.is_none() {
        return vec![crate::types::none::NONE_TYPE.as_obj_ref().to_owned()];
    }
    vec![o.to_owned()]
}

fn unionable(o: &Obj) -> bool {
    o.is_none() || o.isa::<TypeObj>() || o.isa::<AliasObj>()
}

/// `a | b` for types: a `types.UnionType`.
pub fn union_or(a: &Obj, b: &Obj) -> PyResult {
    if !unionable(a) || !unionable(b) {
        return Ok(not_implemented());
    }
    let mut members: Vec<PyRef> = Vec::new();
    for m in union_members(a).into_iter().chain(union_members(b)) {
        if !members.iter().any(|x| x.is(&m)) {
            members.push(m);
        }
    }
    if members.len() == 1 {
        return Ok(members.pop().unwrap_or_else(none));
    }
    let t = new_tuple(members);
    Ok(crate::object::alloc::alloc_object(
        &UNION_TYPE,
        AliasObj { ob: Obj::new(&UNION_TYPE.0), origin: none(), args: t },
        0,
    ))
}

/// The members of a union, if `o` is one.
pub fn union_args(o: &Obj) -> Option<Vec<PyRef>> {
    if o.class().is(&UNION_TYPE) {
        Some(this(o).args.downcast::<TupleObj>()?.as_slice().to_vec())
    } else {
        None
    }
}

fn union_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    if !b.class().is(&UNION_TYPE) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (x, y) = (union_members(a), union_members(b));
    let eq = x.len() == y.len() && x.iter().all(|m| y.iter().any(|n| n.is(m)));
    Ok(new_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

static UNION_GETSETS: &[GetSetDef] = &[GetSetDef::getter("__args__", g_args)];

crate::static_type! {
    pub static UNION_TYPE: AliasObj = "UnionType" {
        module: "types",
        flags: HAVE_GC,
        getsets: UNION_GETSETS,
        slots: { repr: union_repr, richcompare: union_richcompare, hash: alias_hash, traverse: alias_traverse },
        number: { or: union_or },
    }
}
