//! Exceptions that cannot be raised (in finalizers, `__del__`, generator
//! close at collection, atexit callbacks) go to `sys.unraisablehook`, whose
//! default, `sys.__unraisablehook__`, prints them as CPython does:
//!
//! ```text
//! Exception ignored in: <generator object g at 0x...>
//! Traceback (most recent call last):
//!   ...
//! RuntimeError: generator ignored GeneratorExit
//! ```

use std::fmt::Write as _;

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::exceptions::ExceptionObj;
use crate::types::none;
use crate::types::typeobj::{Args, MethodDef};

/// The message CPython's `PyErr_WriteUnraisable` uses (its hook sees `err_msg=None`).
pub const IGNORED_IN: &str = "Exception ignored in";

const FIELDS: [&str; 5] = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"];

/// Reports `err`, raised while nothing could receive it, with `what` (such
/// as "Exception ignored in atexit callback") and the object involved.
pub fn write_unraisable(err: &PyErr, what: &str, obj: Option<&Obj>) {
    let exc = err.exc();
    attach_current_frame(exc);
    let hook = crate::modules::sys::sys_attr("unraisablehook");
    let default = crate::modules::sys::sys_attr("__unraisablehook__");
    let hook = match hook {
        Some(h) if !h.is_none() && !default.is_some_and(|d| d.is(&h)) => h,
        _ => return print_report(Some(exc), what, obj),
    };
    let called = hook_args(exc, what, obj).and_then(|args| ops::call(&hook, &[&args], None));
    if let Err(e) = called {
        attach_current_frame(e.exc());
        print_report(Some(e.exc()), "Exception ignored in sys.unraisablehook", Some(&hook));
    }
}

/// An exception raised outside Python code has no traceback; it is shown at
/// the frame that was running when it was raised, as CPython does.
fn attach_current_frame(exc: &Obj) {
    let Some(e) = exc.downcast::<ExceptionObj>() else { return };
    if let (None, Some(f)) = (e.traceback(), crate::eval::current_frame()) {
        let frame_obj = crate::types::frame_obj::frame_object(f);
        let line = f.lineno().unwrap_or(0) as i32;
        e.set_traceback(Some(crate::types::traceback::new_traceback(None, frame_obj, f.lasti().max(0), line)));
    }
}

/// The `UnraisableHookArgs` struct sequence type (created once).
fn args_type() -> PyResult<PyRef> {
    thread_local! {
        static TYPE: std::cell::OnceCell<PyRef> = const { std::cell::OnceCell::new() };
    }
    if let Some(t) = TYPE.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    let t = crate::types::structseq::new_type("builtins", "UnraisableHookArgs", &FIELDS)?;
    TYPE.with(|c| {
        let _ = c.set(t.clone());
    });
    Ok(t)
}

fn hook_args(exc: &Obj, what: &str, obj: Option<&Obj>) -> PyResult {
    let tb = exc.downcast::<ExceptionObj>().and_then(|e| e.traceback()).unwrap_or_else(none);
    let msg = if what == IGNORED_IN { none() } else { crate::types::str::new_str(what) };
    let values =
        vec![exc.class().as_obj_ref().to_owned(), exc.to_owned(), tb, msg, obj.map_or_else(none, Obj::to_owned)];
    Ok(crate::types::structseq::new_instance(&args_type()?, values))
}

/// The default hook's output on `sys.stderr`: the heading naming the
/// object, then the exception with its traceback.
fn print_report(exc: Option<&Obj>, what: &str, obj: Option<&Obj>) {
    let mut text = String::new();
    match obj {
        Some(o) if !o.is_none() => {
            let r = ops::repr_string(o).unwrap_or_else(|_| "<object repr() failed>".to_string());
            let _ = writeln!(text, "{what}: {r}");
        }
        _ => {
            let _ = writeln!(text, "{what}:");
        }
    }
    if let Some(exc) = exc {
        text.push_str(&crate::errors::format_exception(exc));
    }
    crate::modules::sys::write_stderr(&text);
}

/// `sys.unraisablehook(unraisable)` / `sys.__unraisablehook__`: prints the report.
fn unraisablehook(a: Args) -> PyResult {
    let [u] = crate::util::args::exact_fn::<1>(a, "unraisablehook")?;
    if !u.class().is(args_type()?.downcast().expect("type")) {
        return Err(PyErr::type_error("sys.unraisablehook argument type must be UnraisableHookArgs"));
    }
    let field = |name: &str| ops::getattr_str(u, name);
    let value = field("exc_value")?;
    let msg = field("err_msg")?;
    let what = if msg.is_none() { IGNORED_IN.to_string() } else { ops::str_string(&msg)? };
    let obj = field("object")?;
    let exc = (!value.is_none()).then_some(&*value);
    if let Some(e) = exc.and_then(|v| v.downcast::<ExceptionObj>()) {
        let tb = field("exc_traceback")?;
        if e.traceback().is_none() && !tb.is_none() {
            e.set_traceback(Some(tb));
        }
    }
    print_report(exc, &what, Some(&obj));
    Ok(none())
}

static HOOK_DEF: MethodDef = MethodDef::method("unraisablehook", unraisablehook);

/// Installs `sys.unraisablehook` and `sys.__unraisablehook__` (one object,
/// so that the default is recognised).
pub fn install(sys: &crate::types::module::ModuleObj, sys_ref: &PyRef) {
    let f = crate::types::builtin_func::new_builtin(&HOOK_DEF, Some(sys_ref.clone()));
    sys.set_attr("unraisablehook", f.clone());
    sys.set_attr("__unraisablehook__", f);
}
