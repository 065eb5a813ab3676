//! `bool`: a subclass of int with the two immortal instances.

use crate::object::{AsObj, Obj, PyRef, Static};
use crate::runtime::PyResult;
use crate::types::int::{IntObj, INT_TYPE};
use crate::types::typeobj::{Args, TypeObj};

pub static TRUE: Static<IntObj> = Static(IntObj::new_static(&BOOL_TYPE.0, 1));
pub static FALSE: Static<IntObj> = Static(IntObj::new_static(&BOOL_TYPE.0, 0));

#[inline(always)]
pub fn true_() -> PyRef {
    TRUE.to_ref()
}

#[inline(always)]
pub fn false_() -> PyRef {
    FALSE.to_ref()
}

#[inline(always)]
pub fn new_bool(b: bool) -> PyRef {
    if b {
        true_()
    } else {
        false_()
    }
}

impl Obj {
    #[inline(always)]
    pub fn is_true_singleton(&self) -> bool {
        self.is(TRUE.as_obj())
    }
    #[inline(always)]
    pub fn is_false_singleton(&self) -> bool {
        self.is(FALSE.as_obj())
    }
}

fn bool_repr(obj: &Obj) -> PyResult {
    Ok(crate::types::str::intern(if obj.is_true_singleton() { "True" } else { "False" }))
}

fn bool_new(_: &TypeObj, args: Args) -> PyResult {
    let [x] = crate::util::args::parse(args, "bool", &["x", "/"], 0)?;
    Ok(new_bool(match x {
        Some(x) => crate::ops::is_true(x)?,
        None => false,
    }))
}

fn bools(a: &Obj, b: &Obj) -> Option<(bool, bool)> {
    if a.class().is(&BOOL_TYPE) && b.class().is(&BOOL_TYPE) {
        Some((a.is_true_singleton(), b.is_true_singleton()))
    } else {
        None
    }
}

fn bool_and(a: &Obj, b: &Obj) -> PyResult {
    match bools(a, b) {
        Some((x, y)) => Ok(new_bool(x & y)),
        None => (INT_TYPE.number.and.get().expect("int &"))(a, b),
    }
}
fn bool_or(a: &Obj, b: &Obj) -> PyResult {
    match bools(a, b) {
        Some((x, y)) => Ok(new_bool(x | y)),
        None => (INT_TYPE.number.or.get().expect("int |"))(a, b),
    }
}
fn bool_xor(a: &Obj, b: &Obj) -> PyResult {
    match bools(a, b) {
        Some((x, y)) => Ok(new_bool(x ^ y)),
        None => (INT_TYPE.number.xor.get().expect("int ^"))(a, b),
    }
}

crate::static_type! {
    pub static BOOL_TYPE: IntObj = "bool" {
        flags: LONG_SUBCLASS,
        base: INT_TYPE,
        doc: "bool(x) -> bool",
        slots: { repr: bool_repr, new: bool_new },
        number: { and: bool_and, or: bool_or, xor: bool_xor },
    }
}
