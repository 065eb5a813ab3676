//! The `atexit` module: functions run when the interpreter exits.

use std::cell::RefCell;

use crate::object::{PyRef, Static};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{int, none};

struct Handler {
    func: PyRef,
    args: Vec<PyRef>,
    kwnames: Option<PyRef>,
}

static HANDLERS: Static<RefCell<Vec<Handler>>> = Static(RefCell::new(Vec::new()));

fn register(a: Args) -> PyResult {
    if a.nargs == 0 {
        return Err(PyErr::type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = a.all[0].to_owned();
    if func.class().call.get().is_none() {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    HANDLERS.borrow_mut().push(Handler {
        func: func.clone(),
        args: a.all[1..].iter().map(|o| (*o).to_owned()).collect(),
        kwnames: a.kwnames.map(crate::object::AsObj::to_ref),
    });
    Ok(func)
}

fn unregister(a: Args) -> PyResult {
    let [f] = crate::util::args::exact_fn::<1>(a, "unregister")?;
    let mut keep = Vec::new();
    let all: Vec<Handler> = HANDLERS.borrow_mut().drain(..).collect();
    for h in all {
        if !(h.func.is(f) || ops::eq_bool(&h.func, f)?) {
            keep.push(h);
        }
    }
    *HANDLERS.borrow_mut() = keep;
    Ok(none())
}

fn ncallbacks(_a: Args) -> PyResult {
    Ok(int::from_usize(HANDLERS.borrow().len()))
}

fn clear(_a: Args) -> PyResult {
    let old: Vec<Handler> = HANDLERS.borrow_mut().drain(..).collect();
    drop(old);
    Ok(none())
}

fn run_exitfuncs_py(_a: Args) -> PyResult {
    run_exitfuncs()?;
    Ok(none())
}

/// Runs the registered handlers, last registered first. Errors are reported
/// and the remaining handlers still run; SystemExit is re-raised at the end.
pub fn run_exitfuncs() -> PyResult<()> {
    let mut last_exit: Option<PyErr> = None;
    loop {
        let h = HANDLERS.borrow_mut().pop();
        let Some(h) = h else { break };
        let refs: Vec<&crate::object::Obj> = h.args.iter().map(|r| &**r).collect();
        let kw = h.kwnames.as_ref().and_then(|k| k.downcast::<crate::types::tuple::TupleObj>());
        if let Err(e) = ops::call(&h.func, &refs, kw) {
            if e.matches(&crate::types::exceptions::SYSTEM_EXIT) {
                last_exit = Some(e);
            } else {
                crate::unraisable::write_unraisable(&e, "Exception ignored in atexit callback", Some(&h.func));
            }
        }
    }
    match last_exit {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("register", register),
    MethodDef::method("unregister", unregister),
    MethodDef::method("_ncallbacks", ncallbacks),
    MethodDef::method("_clear", clear),
    MethodDef::method("_run_exitfuncs", run_exitfuncs_py),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("atexit");
    m.downcast::<ModuleObj>().expect("module").add_functions(&m, FUNCS);
    Ok(m)
}
