//! The interpreter: frames ([`frame`]), the eval loop ([`interp`]), argument
//! binding ([`call`]) and entry points for running code.

pub mod attr_cache;
pub mod call;
pub mod compiled;
pub mod frame;
pub mod helpers;
pub mod interp;
pub mod jit_hook;
pub mod patterns;

use crate::object::{Obj, PyRef};
use crate::runtime::{ts, PyErr, PyResult};
use crate::types::code::CodeObj;
use crate::types::exceptions;
use crate::types::typeobj::Args;
use call::{prepare_call, Prepared};
use frame::{push_frame, FrameInit, FramePtr};
use interp::{run, Exit};

/// Raises RecursionError when the native stack is nearly exhausted (deep
/// recursion through native code such as `repr` of nested containers).
#[inline(always)]
pub fn check_native_stack() -> PyResult<()> {
    let limit = frame::NATIVE_STACK_LIMIT.get();
    if limit != 0 && frame::stack_pointer() < limit {
        return Err(stack_overflow());
    }
    Ok(())
}

#[cold]
fn stack_overflow() -> PyErr {
    PyErr::new(&exceptions::RECURSION_ERROR, "maximum recursion depth exceeded")
}

/// The address of the word holding the lowest usable native stack address
/// (0: no limit), for machine code that checks it inline.
pub fn native_stack_limit_addr() -> usize {
    &frame::NATIVE_STACK_LIMIT.0 as *const std::cell::Cell<usize> as usize
}

/// Sets the lowest native stack address usable before RecursionError.
pub fn set_native_stack_limit(addr: usize) {
    frame::NATIVE_STACK_LIMIT.set(addr);
}

/// Handles pending signals (Ctrl-C) at loop back edges.
#[inline(always)]
pub fn check_signals() -> PyResult<()> {
    crate::modules::signal::check_pending()
}

/// Calls a Python function object from native code.
pub fn call_function(func: &Obj, args: Args) -> PyResult {
    // A plain compiled function (callbacks, bound methods): straight in.
    if args.kwnames.is_none_or(|k| k.is_empty()) && jit_hook::installed() {
        if let Some(r) = interp::call_compiled(func, args.all) {
            return r;
        }
    }
    match prepare_call(func, args.all, args.kwnames)? {
        Prepared::Done(v) => Ok(v),
        Prepared::Frame(fp) => match run(fp, None)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(PyErr::system_error("plain function yielded")),
        },
    }
}

/// Runs a code object with the given globals and locals mapping (module
/// bodies, `exec`, `eval`).
pub fn run_code(code: &PyRef, globals: &PyRef, locals: Option<PyRef>) -> PyResult {
    let builtins = crate::builtins::builtins_dict_for_globals(globals)?;
    let fp = push_frame(FrameInit { code: code.clone(), func: None, globals, builtins: &builtins, locals })?;
    match run(fp, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(PyErr::system_error("module code yielded")),
    }
}

/// Runs a class body function with `ns` as its locals mapping; returns what
/// the body returns (the `__class__` cell or None).
pub fn run_class_body(func: &Obj, ns: &PyRef) -> PyResult {
    let f = func
        .downcast::<crate::types::function::FunctionObj>()
        .ok_or_else(|| PyErr::type_error("__build_class__: func must be a function"))?;
    let code = f.code();
    let fp = push_frame(FrameInit {
        code: code.clone(),
        func: Some(func.to_owned()),
        globals: &f.globals,
        builtins: &f.builtins,
        locals: Some(ns.clone()),
    })?;
    let _ = code.downcast::<CodeObj>();
    match run(fp, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(PyErr::system_error("class body yielded")),
    }
}

/// The innermost running frame.
pub fn current_frame() -> Option<FramePtr> {
    FramePtr::from_raw(ts().frame.get())
}

/// The globals of the innermost running frame.
pub fn current_globals() -> Option<PyRef> {
    current_frame().map(|f| f.globals().to_owned())
}
