//! The slot table: each dunder name and the type slot it corresponds to,
//! declared once and read in both directions:
//! - native types get a slot wrapper in their dict for every slot they define
//!   ([`install_wrappers`], called by `ready`), and [`call_wrapper`] calls it;
//! - Python classes get their slots filled ([`update_slots`]): a dunder found
//!   on the MRO that is a native wrapper keeps the native slot, anything else
//!   installs a generic slot function that calls the dunder.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::builtin_func::{new_wrapper_descr, WrapperDescrObj};
use crate::types::dict::DictObj;
use crate::types::str::StrObj;
use crate::types::typeobj::{Args, BinaryFn, TypeObj, UnaryFn};
use crate::types::{int, new_bool, none};
use ember_compiler::bytecode::CompareOp;

/// A binary number slot.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bin {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    DivMod,
    LShift,
    RShift,
    And,
    Xor,
    Or,
}

/// A unary number slot returning an object.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Un {
    Neg,
    Pos,
    Abs,
    Invert,
    Int,
    Float,
    Index,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SlotKind {
    Repr,
    Str,
    Hash,
    Call,
    Iter,
    Next,
    Init,
    GetAttribute,
    GetAttr,
    SetAttr,
    DelAttr,
    DescrGet,
    DescrSet,
    DescrDelete,
    Cmp(CompareOp),
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Bin(Bin, bool),
    IBin(Bin),
    Pow(bool),
    IPow,
    Un(Un),
    Bool,
}

pub struct SlotDef {
    pub name: &'static str,
    pub kind: SlotKind,
}

macro_rules! slotdefs {
    ($($name:literal => $kind:expr,)*) => {
        pub static SLOTDEFS: &[SlotDef] = &[$(SlotDef { name: $name, kind: $kind },)*];
    };
}

use Bin::*;
use SlotKind as K;

slotdefs! {
    "__repr__" => K::Repr,
    "__str__" => K::Str,
    "__hash__" => K::Hash,
    "__call__" => K::Call,
    "__iter__" => K::Iter,
    "__next__" => K::Next,
    "__init__" => K::Init,
    "__getattribute__" => K::GetAttribute,
    "__getattr__" => K::GetAttr,
    "__setattr__" => K::SetAttr,
    "__delattr__" => K::DelAttr,
    "__get__" => K::DescrGet,
    "__set__" => K::DescrSet,
    "__delete__" => K::DescrDelete,
    "__lt__" => K::Cmp(CompareOp::Lt),
    "__le__" => K::Cmp(CompareOp::Le),
    "__eq__" => K::Cmp(CompareOp::Eq),
    "__ne__" => K::Cmp(CompareOp::Ne),
    "__gt__" => K::Cmp(CompareOp::Gt),
    "__ge__" => K::Cmp(CompareOp::Ge),
    "__len__" => K::Len,
    "__getitem__" => K::GetItem,
    "__setitem__" => K::SetItem,
    "__delitem__" => K::DelItem,
    "__contains__" => K::Contains,
    "__add__" => K::Bin(Add, false),
    "__radd__" => K::Bin(Add, true),
    "__sub__" => K::Bin(Sub, false),
    "__rsub__" => K::Bin(Sub, true),
    "__mul__" => K::Bin(Mul, false),
    "__rmul__" => K::Bin(Mul, true),
    "__matmul__" => K::Bin(MatMul, false),
    "__rmatmul__" => K::Bin(MatMul, true),
    "__truediv__" => K::Bin(TrueDiv, false),
    "__rtruediv__" => K::Bin(TrueDiv, true),
    "__floordiv__" => K::Bin(FloorDiv, false),
    "__rfloordiv__" => K::Bin(FloorDiv, true),
    "__mod__" => K::Bin(Mod, false),
    "__rmod__" => K::Bin(Mod, true),
    "__divmod__" => K::Bin(DivMod, false),
    "__rdivmod__" => K::Bin(DivMod, true),
    "__pow__" => K::Pow(false),
    "__rpow__" => K::Pow(true),
    "__lshift__" => K::Bin(LShift, false),
    "__rlshift__" => K::Bin(LShift, true),
    "__rshift__" => K::Bin(RShift, false),
    "__rrshift__" => K::Bin(RShift, true),
    "__and__" => K::Bin(And, false),
    "__rand__" => K::Bin(And, true),
    "__xor__" => K::Bin(Xor, false),
    "__rxor__" => K::Bin(Xor, true),
    "__or__" => K::Bin(Or, false),
    "__ror__" => K::Bin(Or, true),
    "__iadd__" => K::IBin(Add),
    "__isub__" => K::IBin(Sub),
    "__imul__" => K::IBin(Mul),
    "__imatmul__" => K::IBin(MatMul),
    "__itruediv__" => K::IBin(TrueDiv),
    "__ifloordiv__" => K::IBin(FloorDiv),
    "__imod__" => K::IBin(Mod),
    "__ipow__" => K::IPow,
    "__ilshift__" => K::IBin(LShift),
    "__irshift__" => K::IBin(RShift),
    "__iand__" => K::IBin(And),
    "__ixor__" => K::IBin(Xor),
    "__ior__" => K::IBin(Or),
    "__neg__" => K::Un(Un::Neg),
    "__pos__" => K::Un(Un::Pos),
    "__abs__" => K::Un(Un::Abs),
    "__invert__" => K::Un(Un::Invert),
    "__int__" => K::Un(Un::Int),
    "__float__" => K::Un(Un::Float),
    "__index__" => K::Un(Un::Index),
    "__bool__" => K::Bool,
}

fn bin_cell(t: &TypeObj, b: Bin) -> &std::cell::Cell<Option<BinaryFn>> {
    let n = &t.number;
    match b {
        Add => &n.add,
        Sub => &n.sub,
        Mul => &n.mul,
        MatMul => &n.matmul,
        TrueDiv => &n.truediv,
        FloorDiv => &n.floordiv,
        Mod => &n.rem,
        DivMod => &n.divmod,
        LShift => &n.lshift,
        RShift => &n.rshift,
        And => &n.and,
        Xor => &n.xor,
        Or => &n.or,
    }
}

fn ibin_cell(t: &TypeObj, b: Bin) -> Option<&std::cell::Cell<Option<BinaryFn>>> {
    let n = &t.number;
    Some(match b {
        Add => &n.iadd,
        Sub => &n.isub,
        Mul => &n.imul,
        MatMul => &n.imatmul,
        TrueDiv => &n.itruediv,
        FloorDiv => &n.ifloordiv,
        Mod => &n.irem,
        LShift => &n.ilshift,
        RShift => &n.irshift,
        And => &n.iand,
        Xor => &n.ixor,
        Or => &n.ior,
        DivMod => return None,
    })
}

fn un_cell(t: &TypeObj, u: Un) -> &std::cell::Cell<Option<UnaryFn>> {
    let n = &t.number;
    match u {
        Un::Neg => &n.neg,
        Un::Pos => &n.pos,
        Un::Abs => &n.abs,
        Un::Invert => &n.invert,
        Un::Int => &n.int,
        Un::Float => &n.float,
        Un::Index => &n.index,
    }
}

/// Whether `t` has (its own or inherited) native code in the slot of `kind`.
fn has_slot(t: &TypeObj, kind: SlotKind) -> bool {
    match kind {
        K::Repr => t.repr.get().is_some(),
        K::Str => t.str.get().is_some(),
        K::Hash => t.hash.get().is_some(),
        K::Call => t.call.get().is_some(),
        K::Iter => t.iter.get().is_some(),
        K::Next => t.iternext.get().is_some(),
        K::Init => t.init.get().is_some(),
        K::GetAttribute => t.getattro.get().is_some(),
        K::GetAttr => false,
        K::SetAttr | K::DelAttr => t.setattro.get().is_some(),
        K::DescrGet => t.descr_get.get().is_some(),
        K::DescrSet | K::DescrDelete => t.descr_set.get().is_some(),
        K::Cmp(_) => t.richcompare.get().is_some(),
        K::Len => t.len.get().is_some(),
        K::GetItem => t.getitem.get().is_some(),
        K::SetItem | K::DelItem => t.setitem.get().is_some(),
        K::Contains => t.contains.get().is_some(),
        K::Bin(b, _) => bin_cell(t, b).get().is_some(),
        K::IBin(b) => ibin_cell(t, b).is_some_and(|c| c.get().is_some()),
        K::Pow(_) => t.number.pow.get().is_some(),
        K::IPow => t.number.ipow.get().is_some(),
        K::Un(u) => un_cell(t, u).get().is_some(),
        K::Bool => t.number.bool.get().is_some(),
    }
}

/// Adds a slot wrapper to `t`'s dict for every slot `t` defines itself (before
/// inheritance), unless the name is already there. A `hash` slot of
/// [`crate::types::object::hash_not_implemented`] becomes `__hash__ = None`.
pub fn install_wrappers(t: &'static TypeObj, dict: &DictObj) {
    for def in SLOTDEFS {
        if def.kind == K::Hash {
            if let Some(h) = t.hash.get() {
                if h as usize == crate::types::object::hash_not_implemented as *const () as usize {
                    if dict.get_by_str("__hash__").is_none() {
                        dict.set_by_str("__hash__", none());
                    }
                    continue;
                }
            }
        }
        if has_slot(t, def.kind) && dict.get_by_str(def.name).is_none() {
            dict.set_by_str(def.name, new_wrapper_descr(def, t));
        }
    }
}

fn arg_count(args: &Args, n: usize) -> PyResult<()> {
    if args.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("wrapper takes no keyword arguments"));
    }
    if args.nargs != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!("expected {n} argument{s}, got {}", args.nargs)));
    }
    Ok(())
}

fn name_arg(o: &Obj) -> PyResult<&StrObj> {
    o.downcast::<StrObj>()
        .ok_or_else(|| PyErr::type_error(format!("attribute name must be string, not '{}'", o.class().name())))
}

/// Calls the native slot behind a slot wrapper of `owner`, with `self_` and
/// the remaining arguments.
pub fn call_wrapper(def: &SlotDef, owner: &TypeObj, self_: &Obj, args: Args) -> PyResult {
    let t = owner;
    let missing = || PyErr::system_error(format!("slot wrapper '{}' has no slot", def.name));
    match def.kind {
        K::Call => {
            let f = t.call.get().ok_or_else(missing)?;
            crate::object::abi::call_slot(f, self_, args.all, args.kwnames)
        }
        K::Init => {
            let f = t.init.get().ok_or_else(missing)?;
            f(self_, args)?;
            Ok(none())
        }
        _ => call_fixed_wrapper(def, t, self_, args),
    }
}

fn call_fixed_wrapper(def: &SlotDef, t: &TypeObj, self_: &Obj, args: Args) -> PyResult {
    let missing = || PyErr::system_error(format!("slot wrapper '{}' has no slot", def.name));
    let a = args.all;
    let n_expected = match def.kind {
        K::Repr | K::Str | K::Hash | K::Iter | K::Next | K::Len | K::Un(_) | K::Bool => 0,
        K::DescrGet => {
            if args.nargs == 0 || args.nargs > 2 {
                return Err(PyErr::type_error(format!("expected 1 or 2 arguments, got {}", args.nargs)));
            }
            args.nargs
        }
        K::Pow(_) | K::IPow => {
            if args.nargs == 0 || args.nargs > 2 {
                return Err(PyErr::type_error(format!("expected 1 or 2 arguments, got {}", args.nargs)));
            }
            args.nargs
        }
        K::SetAttr | K::SetItem | K::DescrSet => 2,
        _ => 1,
    };
    arg_count(&args, n_expected)?;
    match def.kind {
        K::Repr => (t.repr.get().ok_or_else(missing)?)(self_),
        K::Str => (t.str.get().ok_or_else(missing)?)(self_),
        K::Hash => Ok(int::new_int((t.hash.get().ok_or_else(missing)?)(self_)?)),
        K::Iter => (t.iter.get().ok_or_else(missing)?)(self_),
        K::Next => match (t.iternext.get().ok_or_else(missing)?)(self_)? {
            Some(v) => Ok(v),
            None => Err(PyErr::stop_iteration(None)),
        },
        K::GetAttribute => (t.getattro.get().ok_or_else(missing)?)(self_, name_arg(a[0])?),
        K::GetAttr => Err(missing()),
        K::SetAttr => {
            (t.setattro.get().ok_or_else(missing)?)(self_, name_arg(a[0])?, Some(a[1]))?;
            Ok(none())
        }
        K::DelAttr => {
            (t.setattro.get().ok_or_else(missing)?)(self_, name_arg(a[0])?, None)?;
            Ok(none())
        }
        K::DescrGet => {
            let obj = if a[0].is_none() { None } else { Some(a[0]) };
            let ty = a.get(1).filter(|x| !x.is_none()).and_then(|x| x.downcast::<TypeObj>());
            if obj.is_none() && ty.is_none() {
                return Err(PyErr::type_error("__get__(None, None) is invalid"));
            }
            (t.descr_get.get().ok_or_else(missing)?)(self_, obj, ty)
        }
        K::DescrSet => {
            (t.descr_set.get().ok_or_else(missing)?)(self_, a[0], Some(a[1]))?;
            Ok(none())
        }
        K::DescrDelete => {
            (t.descr_set.get().ok_or_else(missing)?)(self_, a[0], None)?;
            Ok(none())
        }
        K::Cmp(op) => (t.richcompare.get().ok_or_else(missing)?)(self_, a[0], op),
        K::Len => Ok(int::from_usize((t.len.get().ok_or_else(missing)?)(self_)?)),
        K::GetItem => (t.getitem.get().ok_or_else(missing)?)(self_, a[0]),
        K::SetItem => {
            (t.setitem.get().ok_or_else(missing)?)(self_, a[0], Some(a[1]))?;
            Ok(none())
        }
        K::DelItem => {
            (t.setitem.get().ok_or_else(missing)?)(self_, a[0], None)?;
            Ok(none())
        }
        K::Contains => Ok(new_bool((t.contains.get().ok_or_else(missing)?)(self_, a[0])?)),
        K::Bin(b, false) => (bin_cell(t, b).get().ok_or_else(missing)?)(self_, a[0]),
        K::Bin(b, true) => (bin_cell(t, b).get().ok_or_else(missing)?)(a[0], self_),
        K::IBin(b) => (ibin_cell(t, b).and_then(|c| c.get()).ok_or_else(missing)?)(self_, a[0]),
        K::Pow(reflected) => {
            let f = t.number.pow.get().ok_or_else(missing)?;
            let m = a.get(1).copied().unwrap_or(crate::types::none_ref());
            if reflected {
                f(a[0], self_, m)
            } else {
                f(self_, a[0], m)
            }
        }
        K::IPow => {
            let f = t.number.ipow.get().ok_or_else(missing)?;
            f(self_, a[0], a.get(1).copied().unwrap_or(crate::types::none_ref()))
        }
        K::Un(u) => (un_cell(t, u).get().ok_or_else(missing)?)(self_),
        K::Bool => Ok(new_bool((t.number.bool.get().ok_or_else(missing)?)(self_)?)),
        K::Call | K::Init => unreachable_call(),
    }
}

#[cold]
fn unreachable_call() -> PyResult {
    Err(PyErr::system_error("slot wrapper dispatch error"))
}

// ---------------------------------------------------------------------------
// Python classes: how a dunder found on the MRO maps to a slot.

/// What the MRO of a class holds for one dunder.
pub(crate) enum FoundSlot {
    Absent,
    /// A native slot wrapper of the same slot: keep the owner's native slot.
    Native(PyRef),
    /// A Python-level definition (or any other object).
    Python,
    /// Explicitly set to None (`__hash__ = None`).
    NoneValue,
}

impl FoundSlot {
    pub(crate) fn is_native(&self) -> Option<&TypeObj> {
        match self {
            FoundSlot::Native(w) => w.downcast::<WrapperDescrObj>().map(|w| w.owner()),
            _ => None,
        }
    }
    pub(crate) fn is_absent(&self) -> bool {
        matches!(self, FoundSlot::Absent)
    }
    pub(crate) fn is_none_value(&self) -> bool {
        matches!(self, FoundSlot::NoneValue)
    }
}

fn same_slot(a: SlotKind, b: SlotKind) -> bool {
    match (a, b) {
        (K::Bin(x, _), K::Bin(y, _)) => x == y,
        (K::Pow(_), K::Pow(_)) => true,
        (K::Cmp(_), K::Cmp(_)) => true,
        (K::SetAttr, K::DelAttr) | (K::DelAttr, K::SetAttr) => true,
        (K::SetItem, K::DelItem) | (K::DelItem, K::SetItem) => true,
        (K::DescrSet, K::DescrDelete) | (K::DescrDelete, K::DescrSet) => true,
        (x, y) => x == y,
    }
}

/// Classifies what `t`'s MRO holds for the dunder of `def`.
pub(crate) fn classify_slot(t: &TypeObj, def: &SlotDef) -> FoundSlot {
    let Some(v) = t.lookup_str(def.name) else { return FoundSlot::Absent };
    if v.is_none() {
        return FoundSlot::NoneValue;
    }
    if let Some(w) = v.downcast_exact::<WrapperDescrObj>() {
        if same_slot(w.slot.kind, def.kind) {
            return FoundSlot::Native(v.clone());
        }
    }
    FoundSlot::Python
}

/// Recomputes every slot of a Python class from the dunders on its MRO.
pub fn update_slots(t: &TypeObj) {
    crate::types::slot_funcs::update_all(t);
}

/// Recomputes the slots affected by assigning or deleting `name` on `t` and
/// on its subclasses.
pub fn update_slot_for_name(t: &TypeObj, name: &str) {
    if !name.starts_with("__") || !name.ends_with("__") || t.is_static() {
        return;
    }
    if SLOTDEFS.iter().any(|d| d.name == name) || name == "__new__" || name == "__del__" {
        update_slots(t);
        for s in t.subclasses.get_clone() {
            if let Some(sub) = crate::object::header::type_link(s) {
                update_slot_for_name(sub, name);
            }
        }
    }
}

pub(crate) fn bin_cell_pub(t: &TypeObj, b: Bin) -> &std::cell::Cell<Option<BinaryFn>> {
    bin_cell(t, b)
}
pub(crate) fn ibin_cell_pub(t: &TypeObj, b: Bin) -> Option<&std::cell::Cell<Option<BinaryFn>>> {
    ibin_cell(t, b)
}
pub(crate) fn un_cell_pub(t: &TypeObj, u: Un) -> &std::cell::Cell<Option<UnaryFn>> {
    un_cell(t, u)
}
