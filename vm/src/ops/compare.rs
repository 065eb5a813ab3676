//! Rich comparison with CPython's reflection rules and messages.

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::new_bool;
use ember_compiler::bytecode::CompareOp;

/// `v op w`.
pub fn richcompare(v: &Obj, w: &Obj, op: CompareOp) -> PyResult {
    crate::eval::check_native_stack()?;
    let tv = v.class();
    let tw = w.class();
    let mut checked_reverse = false;
    if !tv.is(tw) && tw.is_subtype(tv) {
        if let Some(f) = tw.richcompare.get() {
            checked_reverse = true;
            let r = f(w, v, op.swapped())?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    if let Some(f) = tv.richcompare.get() {
        let r = f(v, w, op)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tw.richcompare.get() {
            let r = f(w, v, op.swapped())?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(new_bool(v.is(w))),
        CompareOp::Ne => Ok(new_bool(!v.is(w))),
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            tv.name(),
            tw.name()
        ))),
    }
}

/// `bool(v op w)`.
#[inline]
pub fn richcompare_bool(v: &Obj, w: &Obj, op: CompareOp) -> PyResult<bool> {
    let r = richcompare(v, w, op)?;
    truth(&r)
}

#[inline]
fn truth(r: &PyRef) -> PyResult<bool> {
    if r.is_true_singleton() {
        Ok(true)
    } else if r.is_false_singleton() {
        Ok(false)
    } else {
        super::is_true(r)
    }
}

/// `v == w` as a bool (identity implies equality, as in containers).
#[inline]
pub fn eq_bool(v: &Obj, w: &Obj) -> PyResult<bool> {
    if v.is(w) {
        return Ok(true);
    }
    richcompare_bool(v, w, CompareOp::Eq)
}

/// `v < w` as a bool.
#[inline]
pub fn lt_bool(v: &Obj, w: &Obj) -> PyResult<bool> {
    richcompare_bool(v, w, CompareOp::Lt)
}
