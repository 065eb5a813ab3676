//! The vectorcall ABI edge: calling any callable through its type's `call`
//! slot, and the generic `extern "C"` entry that adapts a safe Rust
//! implementation ([`NativeCall`]) to the ABI.

use super::header::{args_as_ptr, args_from_raw, Obj, PyRef};
use crate::runtime::{result_from_raw, result_to_raw, PyErr, PyResult};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{Args, VectorcallFn, ARGUMENTS_OFFSET};

/// A callable type's safe implementation of the vectorcall ABI.
pub trait NativeCall {
    fn call(callable: &Obj, args: Args<'_>) -> PyResult;
}

/// The `extern "C"` entry for a [`NativeCall`] implementation; store
/// `entry::<T>` in a type's `call` slot.
///
/// # Safety
/// Must be called with the vectorcall contract: `callable` a live object of the
/// implementing type, `args` pointing to `nargs + len(kwnames)` live object
/// pointers (nargs = `nargsf & !ARGUMENTS_OFFSET`), `kwnames` null or a tuple of
/// str, all borrowed for the duration of the call.
pub unsafe extern "C" fn entry<C: NativeCall>(
    callable: *mut Obj,
    args: *const *mut Obj,
    nargsf: usize,
    kwnames: *mut Obj,
) -> *mut Obj {
    let nargs = nargsf & !ARGUMENTS_OFFSET;
    // SAFETY: per the contract above.
    let (callable, kw) = unsafe { (&*callable, kwnames.as_ref()) };
    let kw = kw.and_then(|k| k.downcast::<TupleObj>());
    let nkw = kw.map_or(0, |k| k.len());
    // SAFETY: per the contract above.
    let all = unsafe { args_from_raw(args, nargs + nkw) };
    result_to_raw(C::call(callable, Args { all, nargs, kwnames: kw }))
}

/// Calls `callable` with `args` (positional arguments followed by the values
/// of the keywords named in `kwnames`).
#[inline]
pub fn vectorcall(callable: &Obj, args: &[&Obj], kwnames: Option<&TupleObj>) -> PyResult {
    let Some(f) = callable.class().call.get() else {
        return Err(PyErr::type_error(format!("'{}' object is not callable", callable.class().name())));
    };
    call_slot(f, callable, args, kwnames)
}

/// Calls through a specific vectorcall function.
#[inline]
pub fn call_slot(f: VectorcallFn, callable: &Obj, args: &[&Obj], kwnames: Option<&TupleObj>) -> PyResult {
    let nkw = kwnames.map_or(0, |k| k.len());
    debug_assert!(args.len() >= nkw);
    let kw_ptr = kwnames.map_or(std::ptr::null_mut(), |k| k as *const TupleObj as *mut Obj);
    // SAFETY: the arguments satisfy the vectorcall contract: every pointer comes
    // from a live borrowed reference held by the caller for the whole call.
    unsafe { result_from_raw(f(callable.as_ptr(), args_as_ptr(args), args.len() - nkw, kw_ptr)) }
}

/// Converts an owned result into the raw ABI form (exposed for machine code).
pub fn into_raw(r: PyResult) -> *mut Obj {
    result_to_raw(r)
}

/// Keeps `PyRef` in the public surface of this module for callers building
/// argument arrays.
pub type Owned = PyRef;
